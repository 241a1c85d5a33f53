// statescope-cli events against a real server: list with keyset pages (--before-id),
// filters and their errors (exit 2, nothing run), show with the payload as stored, diff
// with its RFC 6902 patch, history of distinct payloads, and export to CSV and JSON Lines.

#include "integration/eventsfixture.h"
#include "support/testhelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace statescope;
using namespace statescope::test;

class TestEventsCli : public QObject, private EventsFixture
{
    Q_OBJECT

    QStringList base(const char *command) const
    {
        return {QStringLiteral("events"), QLatin1String(command), QStringLiteral("--db"), db.storableString()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        seedEvents(QStringLiteral("eventscli"));
    }

    void listPagesWithBeforeId()
    {
        const QList<qint64> expected = expectedIds(QStringLiteral("endpoint = '/my/agent'"));
        QList<qint64> got;
        QString before;
        for (int guard = 0; guard < 100; ++guard) {
            QStringList args = base("list") << QStringLiteral("--endpoint") << QStringLiteral("/my/agent")
                                            << QStringLiteral("--limit") << QStringLiteral("70")
                                            << QStringLiteral("--json");
            if (!before.isEmpty())
                args << QStringLiteral("--before-id") << before;
            const CliRun r = runCli(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonObject doc = r.json().object();
            for (const auto &e : doc[QStringLiteral("events")].toArray()) {
                QCOMPARE(e[QStringLiteral("endpoint")].toString(), QStringLiteral("/my/agent"));
                got << qint64(e[QStringLiteral("id")].toDouble());
            }
            if (doc[QStringLiteral("next_before_id")].isNull())
                break;
            before = QString::number(qint64(doc[QStringLiteral("next_before_id")].toDouble()));
        }
        QCOMPARE(got, expected);
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("status") << QStringList{"--status", "2x"};
        QTest::newRow("json") << QStringList{"--contains", "{\"a\""};
        QTest::newRow("path local") << QStringList{"--path", "$.a[("};
        QTest::newRow("path server") << QStringList{"--path", "$.a ? (@ === 1)"};
        QTest::newRow("time") << QStringList{"--since", "noon"};
        QTest::newRow("limit") << QStringList{"--limit", "0"};
        QTest::newRow("before-id") << QStringList{"--before-id", "x"};
    }
    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, extra);
        const CliRun r = runCli(base("list") << extra << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errorField("kind"), QStringLiteral("invalid_input"));
        QVERIFY(!r.json().object().contains(QStringLiteral("events")));
    }

    void showPrintsThePayloadAsStored()
    {
        const qint64 id = expectedIds(QStringLiteral("endpoint = '/odd'")).first();
        const CliRun r = runCli(base("show") << QStringLiteral("--id") << QString::number(id) << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("\"payload\": {\"big\": 123456789012345678901234567890}"), r.out.constData());
        const auto doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc["event"]["request_key"].get<std::string>(), std::string("a%b_c\\d"));
        const CliRun missing = runCli(base("show") << QStringLiteral("--id") << QStringLiteral("99999999"));
        QCOMPARE(missing.exitCode, 1);
        const CliRun text = runCli(base("show") << QStringLiteral("--id") << QString::number(id));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("\"big\": 123456789012345678901234567890"));
    }

    void diffPrintsChangesAndAPatchThatApplies()
    {
        const QList<qint64> ids = expectedIds();
        const qint64 a = ids[2], b = ids[0]; // fuel 2 -> 4 in the fixture
        const CliRun r = runCli(base("diff") << QStringLiteral("--id") << QString::number(a)
                                             << QStringLiteral("--id") << QString::number(b) << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const auto doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc["changes"].size(), size_t(1));
        QCOMPARE(doc["changes"][0]["path"].get<std::string>(), std::string("/ship/fuel"));
        QCOMPARE(doc["changes"][0]["delta"].get<double>(), 2.0);
        auto conn = test::connect(db);
        auto payload = [&](qint64 id) {
            return nlohmann::json::parse(
                conn->exec(QStringLiteral("SELECT payload::text FROM raw.api_events WHERE id = $1"), {id})
                    .value(0, 0)
                    .toStdString());
        };
        QVERIFY(payload(a).patch(doc["patch"]) == payload(b));
        const CliRun one = runCli(base("diff") << QStringLiteral("--id") << QString::number(a));
        QCOMPARE(one.exitCode, 2);
    }

    void historyListsDistinctPayloads()
    {
        const qint64 id = expectedIds(QStringLiteral("request_key = 'k3'")).first();
        const CliRun r = runCli(base("history") << QStringLiteral("--id") << QString::number(id)
                                                << QStringLiteral("--limit") << QStringLiteral("1000")
                                                << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject doc = r.json().object();
        QCOMPARE(doc[QStringLiteral("key")].toString(), QStringLiteral("k3"));
        const QJsonArray entries = doc[QStringLiteral("entries")].toArray();
        QVERIFY(entries.size() > 1);
        qint64 fetches = 0;
        for (int i = 0; i < entries.size(); ++i) {
            fetches += qint64(entries[i][QStringLiteral("fetches")].toDouble());
            if (i > 0) // consecutive entries differ: their hashes do
                QVERIFY(entries[i][QStringLiteral("payload_hash")] != entries[i - 1][QStringLiteral("payload_hash")]);
            if (i + 1 < entries.size())
                QVERIFY(entries[i][QStringLiteral("changes_from_previous")].isObject());
        }
        QCOMPARE(fetches, qint64(doc[QStringLiteral("total_fetches")].toDouble()));
        const CliRun bad = runCli(base("history") << QStringLiteral("--id") << QString::number(id)
                                                  << QStringLiteral("--by") << QStringLiteral("hash"));
        QCOMPARE(bad.exitCode, 2);
    }

    void exportWritesFiles()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("e.csv"));
        CliRun r = runCli(base("export") << QStringLiteral("--format") << QStringLiteral("csv")
                                         << QStringLiteral("--out") << csv << QStringLiteral("--status")
                                         << QStringLiteral("404") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const qint64 rows = expectedIds(QStringLiteral("status_code = 404")).size();
        QCOMPARE(qint64(r.json().object()[QStringLiteral("rows")].toDouble()), rows);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), rows + 1);
        f.close();
        // The file exists now: refused without --force, and left as it was.
        r = runCli(base("export") << QStringLiteral("--format") << QStringLiteral("jsonl")
                                  << QStringLiteral("--out") << csv);
        QCOMPARE(r.exitCode, 2); // bad input, nothing changed (as --help says)
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), rows + 1);
        f.close();
        r = runCli(base("export") << QStringLiteral("--format") << QStringLiteral("xml")
                                  << QStringLiteral("--out") << dir.filePath(QStringLiteral("x")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x"))));
        // A link planted at FILE.partial is never written through, in either format: the
        // link's target keeps its content and FILE is not made.
        const QString victim = dir.filePath(QStringLiteral("victim"));
        {
            QFile v(victim);
            QVERIFY(v.open(QIODevice::WriteOnly));
            v.write("precious\n");
        }
        for (const char *format : {"csv", "jsonl"}) {
            const QString out = dir.filePath(QStringLiteral("linked.") + QLatin1String(format));
            QVERIFY(QFile::link(victim, out + QStringLiteral(".partial")));
            r = runCli(base("export") << QStringLiteral("--format") << QLatin1String(format) << QStringLiteral("--out")
                                      << out << QStringLiteral("--json"));
            QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
            QVERIFY2(r.errorField("message").contains(QLatin1String("link")), qPrintable(r.describe()));
            QFile v(victim);
            QVERIFY(v.open(QIODevice::ReadOnly));
            QCOMPARE(v.readAll(), QByteArray("precious\n"));
            QVERIFY(!QFileInfo(out).exists() && !QFileInfo(out).isSymLink());
            QVERIFY(QFileInfo(out + QStringLiteral(".partial")).isSymLink()); // left as it was
        }
        // A plain .partial an earlier export left is replaced, and the export lands whole.
        const QString stale = dir.filePath(QStringLiteral("stale.csv"));
        {
            QFile f2(stale + QStringLiteral(".partial"));
            QVERIFY(f2.open(QIODevice::WriteOnly));
            f2.write("half");
        }
        r = runCli(base("export") << QStringLiteral("--format") << QStringLiteral("csv") << QStringLiteral("--out") << stale
                                  << QStringLiteral("--status") << QStringLiteral("404"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(!QFile::exists(stale + QStringLiteral(".partial")));
        QFile whole(stale);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QCOMPARE(whole.readAll().count('\n'), rows + 1);
    }
};

QTEST_GUILESS_MAIN(TestEventsCli)
#include "tst_events_cli.moc"
