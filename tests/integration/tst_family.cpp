// A family of weekly databases as one thing, over two real servers (the shared test server
// and a private sandbox holding an "archive" week): one value gathered from both listings,
// and one statement run on every week with the rows streamed back by week, a week's failure
// or closed door reported without stopping the others, at most N weeks at once, Stop and
// Cancel ending everything, and the CLI twin (query --server A --server B --prefix P).

#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/familyquery.h"
#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/task/canceltoken.h"
#include "core/weekly/family.h"
#include "core/weekly/serveradmin.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <thread>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

class TestFamily : public QObject
{
    Q_OBJECT

    QString m_prefix;
    QTemporaryDir m_archiveDir{statescope::test::shortTempTemplate(QStringLiteral("ssfam"))};
    sandbox::Info m_archive;
    QStringList m_databases;

    QString week(int n) const { return QStringLiteral("%1_2025_w%2").arg(m_prefix).arg(n, 2, 10, QLatin1Char('0')); }

    QList<Family::Source> sources() const
    {
        return {{QStringLiteral("live"), serverSettings(), {}}, {QStringLiteral("archive"), m_archive.settings, {}}};
    }

    static void fill(const pg::ConnectionSettings &db, int events)
    {
        auto conn = test::connect(db);
        conn->exec(QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, "
                                  "payload_hash) SELECT now(), '/my/agent', 'k', 200, '{}', md5(g::text) "
                                  "FROM generate_series(1, $1) g"),
                   {events});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_archiveDir.isValid());
        m_prefix = QStringLiteral("t_fam%1").arg(QCoreApplication::applicationPid());
        sandbox::Options o;
        o.dir = m_archiveDir.path();
        o.durable = false;
        m_archive = sandbox::Sandbox(o).start();
        const ServerAdmin live(serverSettings());
        for (int n = 2; n <= 5; ++n) {
            live.create(week(n));
            m_databases << week(n);
            fill(live.databaseSettings(week(n)), n * 10);
        }
        // Week 1 was moved to the archive server.
        const ServerAdmin archive(m_archive.settings);
        archive.create(week(1));
        fill(archive.databaseSettings(week(1)), 10);
        // Weeks 2 and 4 have a table of their own; week 5 takes no connections (being reset).
        for (int n : {2, 4})
            test::connect(live.databaseSettings(week(n)))->exec(QStringLiteral("CREATE TABLE public.extra (x int)"));
        test::connect(serverSettings())->exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(week(5)));
    }

    void cleanupTestCase()
    {
        if (!m_prefix.isEmpty())
            test::connect(serverSettings())->exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(week(5)));
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
        sandbox::Options o;
        o.dir = m_archiveDir.path();
        sandbox::Sandbox(o).stop();
    }

    void aFamilyOverTwoServersIsOneValue()
    {
        const Family family = Family::list(sources(), m_prefix);
        QCOMPARE(family.weeks().size(), 5);
        QVERIFY(family.spansServers());
        QCOMPARE(family.weeks().first().database(), week(1));
        QCOMPARE(family.weeks().first().server, QStringLiteral("archive"));
        QCOMPARE(family.weeks()[1].server, QStringLiteral("live"));
        QCOMPARE(family.weeks()[1].settings.database(), week(2));
        QCOMPARE(family.indexOf(week(3)), 2);
        QVERIFY(!family.weeks().last().info.takesConnections);
        QCOMPARE(family.readable().size(), 4);
        QCOMPARE(family.weeks().first().label(true), QStringLiteral("2025-W01 on archive"));
        // Named weeks, a missing one marked as such; a malformed one refused.
        const QList<FamilyWeek> chosen = family.select({QStringLiteral("2025-W03"), QStringLiteral("2025-W09")});
        QCOMPARE(chosen.size(), 2);
        QVERIFY(!chosen[0].missing);
        QVERIFY(chosen[1].missing);
        QVERIFY(errorOf([&] { family.select({QStringLiteral("2025-w03")}); })->kind() == Error::Kind::InvalidInput);
        QVERIFY(errorOf([&] { Family::list(sources(), m_prefix + QStringLiteral("x")); })->kind() == Error::Kind::NotFound);
    }

    void aStatementRunsOnEveryWeekAndEachAnswersForItself()
    {
        const Family family = Family::list(sources(), m_prefix);
        std::map<QString, qint64> counts;
        std::map<QString, QString> failures;
        QStringList done;
        QStringList servers;
        browse::FamilyColumns columns(family.spansServers());
        CancelToken token;
        browse::FamilyQuery::run(
            family.weeks(), QStringLiteral("SELECT count(*) AS n, (SELECT count(*) FROM public.extra) AS extra FROM raw.api_events"),
            {}, [&](const browse::FamilyBatch &b) -> bool {
                switch (b.kind) {
                case browse::FamilyBatch::Kind::Rows:
                    if (!columns.isSet())
                        columns.setFrom(b.columns);
                    for (size_t r = 0; r < b.rows.size(); ++r) {
                        const auto row = columns.place(b, r);
                        counts[QString::fromUtf8(*row[0])] = row[2]->toLongLong();
                        servers << QString::fromUtf8(*row[1]);
                    }
                    break;
                case browse::FamilyBatch::Kind::Done:
                    done << b.database;
                    break;
                case browse::FamilyBatch::Kind::Started:
                    break;
                default:
                    failures[b.database] = b.error;
                }
                return true;
            },
            token);
        QCOMPARE(columns.header(), (QStringList{QStringLiteral("week"), QStringLiteral("server"), QStringLiteral("n"),
                                                QStringLiteral("extra")}));
        // Weeks 2 and 4 answer; 1 and 3 have no such table; 5 takes no connections.
        QCOMPARE(counts.size(), size_t(2));
        QCOMPARE(counts[QStringLiteral("2025-W02")], 20);
        QCOMPARE(counts[QStringLiteral("2025-W04")], 40);
        QCOMPARE(failures.size(), size_t(3));
        QVERIFY2(failures[week(1)].contains(QLatin1String("42P01")), qPrintable(failures[week(1)]));
        QVERIFY2(failures[week(5)].contains(QLatin1String("takes no connections")), qPrintable(failures[week(5)]));
        QCOMPARE(done.size(), 2);
        QCOMPARE(servers, (QStringList{QStringLiteral("live"), QStringLiteral("live")}));
    }

    void atMostNWeeksRunAtOnce()
    {
        // Each week counts the family's statements sleeping right then in the family's
        // databases (only this test works there now), itself added (it is past its sleep).
        const Family family = Family::list(sources(), m_prefix);
        const QList<FamilyWeek> live = family.select({QStringLiteral("2025-W02"), QStringLiteral("2025-W03"),
                                                      QStringLiteral("2025-W04")});
        QList<FamilyWeek> weeks = live + live; // six runs on one server
        browse::FamilyQuery::Options options;
        options.parallelism = 2;
        int most = 0;
        int running = 0;
        int rowsBeforeStart = 0;
        std::set<int> started, ended;
        CancelToken token;
        browse::FamilyQuery::run(
            weeks,
            QStringLiteral("SELECT pg_sleep(0.3), 1 + (SELECT count(*) FROM pg_stat_activity "
                           "WHERE datname LIKE '%1\\_%%' AND wait_event = 'PgSleep') AS running")
                .arg(m_prefix),
            options, [&](const browse::FamilyBatch &b) -> bool {
                switch (b.kind) {
                case browse::FamilyBatch::Kind::Started:
                    // What a progress view shows as running: as many as run on the server.
                    started.insert(b.week);
                    running = std::max(running, int(started.size() - ended.size()));
                    break;
                case browse::FamilyBatch::Kind::Rows:
                    most = std::max(most, int(b.rows[0][1]->toInt()));
                    rowsBeforeStart += started.count(b.week) ? 0 : 1;
                    break;
                default:
                    ended.insert(b.week);
                }
                return true;
            },
            token);
        QVERIFY2(most >= 1 && most <= 2, qPrintable(QString::number(most)));
        // Each week said it started before its rows came; two at once, as the server saw.
        QCOMPARE(rowsBeforeStart, 0);
        QCOMPARE(int(started.size()), int(weeks.size()));
        QCOMPARE(running, 2);
    }

    void stopAndCancelEndEveryWeek()
    {
        const Family family = Family::list(sources(), m_prefix);
        // The sink says stop after the first rows: nothing more is delivered.
        int delivered = 0;
        CancelToken stopToken;
        browse::FamilyQuery::run(family.readable(), QStringLiteral("SELECT g FROM generate_series(1, 100000) g"), {},
                                 [&](const browse::FamilyBatch &) { return ++delivered < 1; }, stopToken);
        QCOMPARE(delivered, 1);
        // Cancel while every week sleeps: the statements stop on their servers.
        CancelToken token;
        std::thread canceller([&] {
            QThread::msleep(500);
            token.cancel();
        });
        const auto e = errorOf([&] {
            browse::FamilyQuery::run(family.readable(), QStringLiteral("SELECT pg_sleep(60)"), {},
                                     [](const browse::FamilyBatch &) { return true; }, token);
        });
        canceller.join();
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Cancelled);
        QCOMPARE(scalar(*test::connect(directServerSettings()),
                        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' "
                                       "AND state = 'active'")),
                 0);
    }

    void badInputIsRefusedBeforeAnyWeekRuns()
    {
        const Family family = Family::list(sources(), m_prefix);
        CancelToken token;
        const auto sink = [](const browse::FamilyBatch &) { return true; };
        for (const char *sql : {"SELECT 1; SELECT 2", "DELETE FROM raw.api_events", "",
                                // What every week's read-only transaction would refuse: said once, here.
                                "SELECT id INTO copied FROM raw.api_events", "SELECT * FROM raw.api_events FOR UPDATE",
                                "select 1 from raw.api_events for no key update", "SELECT 1 FROM raw.api_events FOR KEY SHARE",
                                "WITH d AS (DELETE FROM raw.api_events RETURNING id) SELECT count(*) FROM d",
                                "SELECT * FROM (SELECT id FROM raw.api_events FOR SHARE) s"})
            QVERIFY2(errorOf([&] { browse::FamilyQuery::run(family.weeks(), QString::fromLatin1(sql), {}, sink, token); })
                             ->kind()
                         == Error::Kind::InvalidInput,
                     sql);
        // Words of the same spelling in strings, names and functions are no such clause.
        for (const char *sql : {"SELECT 'select into x for update' AS t", "SELECT \"into\", \"for\" FROM (VALUES (1, 2)) v(\"into\", \"for\")",
                                "SELECT substring('abc' FROM 1 FOR 2)"})
            QVERIFY2(browse::SqlGuard::writeInQuery(QString::fromLatin1(sql)).isEmpty(), sql);
        browse::FamilyQuery::Options tooMany;
        tooMany.parallelism = 40;
        QVERIFY(errorOf([&] { browse::FamilyQuery::run(family.weeks(), QStringLiteral("SELECT 1"), tooMany, sink, token); }));
    }

    void theCliRunsItOnTheFamily()
    {
        const QStringList base = {QStringLiteral("query"), QStringLiteral("--server"), serverSettings().storableString(),
                                  QStringLiteral("--server"), m_archive.settings.storableString(),
                                  QStringLiteral("--prefix"), m_prefix, QStringLiteral("--sql"),
                                  QStringLiteral("SELECT count(*) AS n FROM raw.api_events")};
        const CliRun json = runCli(base + QStringList{QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        std::map<QString, QString> rows;
        QString closed;
        for (const QByteArray &line : json.out.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(QStringLiteral("error")))
                closed = o.value(QStringLiteral("week")).toString();
            else
                rows[o.value(QStringLiteral("week")).toString()] = QString::number(o.value(QStringLiteral("n")).toInteger())
                                                                   + QLatin1Char('@') + o.value(QStringLiteral("server")).toString();
        }
        QCOMPARE(rows.size(), size_t(4));
        QVERIFY(rows[QStringLiteral("2025-W01")].startsWith(QLatin1String("10@")));
        QCOMPARE(rows[QStringLiteral("2025-W03")].section(QLatin1Char('@'), 0, 0), QStringLiteral("30"));
        QCOMPARE(closed, QStringLiteral("2025-W05"));
        // CSV: the week (and server) lead every row.
        const CliRun csv = runCli(base + QStringList{QStringLiteral("--csv"), QStringLiteral("--weeks"),
                                                     QStringLiteral("2025-W02,2025-W03"), QStringLiteral("--parallel"),
                                                     QStringLiteral("1")});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.describe()));
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("week,server,n"));
        QCOMPARE(lines.size(), 3);
        // Bad usage is exit 2.
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--parallel"), QStringLiteral("0")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("query"), QStringLiteral("--server"), serverSettings().storableString(),
                         QStringLiteral("--prefix"), m_prefix, QStringLiteral("--sql"), QStringLiteral("UPDATE x SET y = 1")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestFamily)
#include "tst_family.moc"
