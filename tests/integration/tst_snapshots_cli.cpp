// The real statescope-cli snapshots commands, driven with QProcess against the sandbox
// server: their --json documents and exit codes (0 done, 1 failed, 2 bad usage or input),
// and that refused admin commands change nothing.

#include "core/pg/connection.h"
#include "integration/snapshotsfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestSnapshotsCli : public QObject, private SnapshotsFixture
{
    Q_OBJECT

private:
    pg::ConnectionSettings m_db;
    QString m_conn;
    QString m_name;

    CliRun run(const QString &sub, QStringList args)
    {
        args.prepend(sub);
        args.prepend(QStringLiteral("snapshots"));
        args << QStringLiteral("--db") << m_conn;
        return runCli(args);
    }
    QJsonObject ok(const QString &sub, const QStringList &args)
    {
        const CliRun r = run(sub, QStringList(args) << QStringLiteral("--json"));
        [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.describe())); }();
        return r.json().object();
    }
    void failsWith(const QString &sub, const QStringList &args, int exitCode, const char *kind)
    {
        const QString before = snapshotsDigest(*test::connect(m_db));
        const CliRun r = run(sub, QStringList(args) << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        QCOMPARE(r.errorField("kind"), QLatin1String(kind));
        QVERIFY(r.err.startsWith("statescope-cli: "));
        QCOMPARE(snapshotsDigest(*test::connect(m_db)), before);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        m_db = galaxy(QStringLiteral("snap_cli"), 130);
        m_conn = m_db.storableString();
        m_name = m_db.database();
        craftAges(*test::connect(m_db), 101, 105);
    }

    void cleanupTestCase() { dropAll(); }

    void listShowsTimelineAndRecovery()
    {
        const QJsonObject doc = ok(QStringLiteral("list"), {});
        QCOMPARE(doc.value(QLatin1String("count")).toInt(), 130);
        const QJsonArray rows = doc.value(QLatin1String("snapshots")).toArray();
        QCOMPARE(rows.size(), 130);
        // Newest first, as the docs and the pane say.
        const QJsonObject first = rows.first().toObject();
        QCOMPARE(first.value(QLatin1String("tick")).toInt(), 7800);
        QCOMPARE(rows.last().toObject().value(QLatin1String("tick")).toInt(), 60);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows[i - 1].toObject().value(QLatin1String("tick")).toInteger()
                    >= rows[i].toObject().value(QLatin1String("tick")).toInteger());
        for (const char *key : {"id", "game_time", "created_at", "size_bytes", "age_seconds"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QVERIFY(first.value(QLatin1String("size_bytes")).toInt() > 0);
        const QJsonObject rc = doc.value(QLatin1String("recovery")).toObject();
        QCOMPARE(
            rc.value(QLatin1String("snapshot")).toObject().value(QLatin1String("tick")).toInt(),
            7800);
        QVERIFY(!rc.value(QLatin1String("rule")).toString().isEmpty());
        const CliRun text = run(QStringLiteral("list"), {});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Recovery: tick 7800"));
    }

    void showReadsStatesAndPaths()
    {
        auto conn = test::connect(m_db);
        const double fuel =
            conn->exec(QStringLiteral("SELECT (state->'ships'->0->>'fuel')::float8 "
                                      "FROM core.snapshots WHERE tick_number = 600"))
                .value(0, 0)
                .toDouble();
        for (const QString &path :
             {QStringLiteral("/ships/0/fuel"), QStringLiteral("ships.0.fuel")}) {
            const QJsonObject doc =
                ok(QStringLiteral("show"), {QStringLiteral("--tick"), QStringLiteral("600"),
                                            QStringLiteral("--path"), path});
            QCOMPARE(doc.value(QLatin1String("value")).toDouble(), fuel);
            QCOMPARE(doc.value(QLatin1String("type")).toString(), QStringLiteral("number"));
            QCOMPARE(doc.value(QLatin1String("path")).toString(), QStringLiteral("/ships/0/fuel"));
        }
        const QJsonObject whole =
            ok(QStringLiteral("show"), {QStringLiteral("--tick"), QStringLiteral("600")});
        QCOMPARE(whole.value(QLatin1String("state"))
                     .toObject()
                     .value(QLatin1String("tick_number"))
                     .toInt(),
                 600);
        QCOMPARE(
            whole.value(QLatin1String("snapshot")).toObject().value(QLatin1String("tick")).toInt(),
            600);
        failsWith(QStringLiteral("show"), {QStringLiteral("--tick"), QStringLiteral("601")}, 1,
                  "not_found");
        failsWith(QStringLiteral("show"),
                  {QStringLiteral("--tick"), QStringLiteral("600"), QStringLiteral("--path"),
                   QStringLiteral("ships..fuel")},
                  2, "invalid_input");
        failsWith(QStringLiteral("show"), {}, 2, "invalid_input");
    }

    void diffAndTrack()
    {
        const QStringList ticks{QStringLiteral("--tick"), QStringLiteral("600"),
                                QStringLiteral("--tick"), QStringLiteral("660")};
        const QJsonObject keyed = ok(QStringLiteral("diff"), ticks);
        QVERIFY(keyed.value(QLatin1String("keyed")).toBool());
        const QJsonArray changes = keyed.value(QLatin1String("changes")).toArray();
        QVERIFY(!changes.isEmpty());
        for (const auto &c : changes)
            for (const char *key : {"op", "path", "display_path"})
                QVERIFY2(c.toObject().contains(QLatin1String(key)), key);
        QVERIFY(keyed.value(QLatin1String("patch")).isArray());
        QCOMPARE(keyed.value(QLatin1String("patch")).toArray().size(), changes.size());
        QCOMPARE(keyed.value(QLatin1String("from")).toObject().value(QLatin1String("tick")).toInt(),
                 600);
        const QJsonObject positional =
            ok(QStringLiteral("diff"), QStringList(ticks) << QStringLiteral("--positional"));
        QVERIFY(!positional.value(QLatin1String("keyed")).toBool());
        failsWith(QStringLiteral("diff"), {QStringLiteral("--tick"), QStringLiteral("600")}, 2,
                  "invalid_input");

        const QJsonObject track = ok(QStringLiteral("track"),
                                     {QStringLiteral("--path"), QStringLiteral("ships[2].fuel")});
        QCOMPARE(track.value(QLatin1String("path")).toString(), QStringLiteral("/ships/2/fuel"));
        const QJsonArray points = track.value(QLatin1String("points")).toArray();
        QCOMPARE(points.size(), 130);
        QCOMPARE(points.first().toObject().value(QLatin1String("tick")).toInt(), 60);
        QVERIFY(points.last().toObject().value(QLatin1String("number")).isDouble());
        QCOMPARE(points.last().toObject().value(QLatin1String("number")).toDouble(), 0.0);
    }

    void pruneUndoAndRefusals()
    {
        failsWith(QStringLiteral("prune"), {}, 2, "invalid_input");
        failsWith(QStringLiteral("prune"),
                  {QStringLiteral("--dry-run"), QStringLiteral("--confirm"), m_name}, 2,
                  "invalid_input");
        failsWith(QStringLiteral("prune"), {QStringLiteral("--confirm"), QStringLiteral("wrong")},
                  2, "invalid_input");
        failsWith(QStringLiteral("prune"),
                  {QStringLiteral("--dry-run"), QStringLiteral("--keep"), QStringLiteral("0")}, 2,
                  "invalid_input");
        auto conn = test::connect(m_db);
        const QString before = snapshotsDigest(*conn);
        QCOMPARE(snapshotRecords(*conn).operations, 0);

        const QJsonObject plan = ok(QStringLiteral("prune"), {QStringLiteral("--dry-run")});
        QVERIFY(plan.value(QLatin1String("dry_run")).toBool());
        // The game's own rule by default; the other one on request.
        QCOMPARE(plan.value(QLatin1String("delete_count")).toInt(), 30);
        QCOMPARE(plan.value(QLatin1String("kept_young")).toInt(), 0);
        QCOMPARE(plan.value(QLatin1String("to_delete")).toArray().size(), 30);
        QCOMPARE(plan.value(QLatin1String("policy")).toObject().value(QLatin1String("rule")).toString(), QStringLiteral("game"));
        const QJsonObject newest = ok(QStringLiteral("prune"), {QStringLiteral("--dry-run"), QStringLiteral("--rule"),
                                                               QStringLiteral("newest-by-tick")});
        QCOMPARE(newest.value(QLatin1String("delete_count")).toInt(), 25);
        QCOMPARE(newest.value(QLatin1String("kept_young")).toInt(), 5);
        failsWith(QStringLiteral("prune"), {QStringLiteral("--dry-run"), QStringLiteral("--rule"), QStringLiteral("oldest")},
                  2, "invalid_input");
        QCOMPARE(
            plan.value(QLatin1String("policy")).toObject().value(QLatin1String("max_keep")).toInt(),
            100);
        QCOMPARE(snapshotsDigest(*conn), before);

        const QJsonObject op =
            ok(QStringLiteral("prune"), {QStringLiteral("--confirm"), m_name,
                                         QStringLiteral("--reason"), QStringLiteral("cli test")});
        const int id = op.value(QLatin1String("operation_id")).toInt();
        QVERIFY(id > 0);
        QCOMPARE(op.value(QLatin1String("deleted")).toInt(), 30);
        QCOMPARE(op.value(QLatin1String("reason")).toString(), QStringLiteral("cli test"));
        QVERIFY(snapshotsDigest(*conn) != before);

        failsWith(QStringLiteral("undo"), {QStringLiteral("--id"), QString::number(id)}, 2,
                  "invalid_input");
        const QJsonObject undone =
            ok(QStringLiteral("undo"),
               {QStringLiteral("--id"), QString::number(id), QStringLiteral("--confirm"), m_name});
        QCOMPARE(undone.value(QLatin1String("restored")).toInt(), 30);
        QVERIFY(undone.value(QLatin1String("undone_at")).isString());
        QCOMPARE(snapshotsDigest(*conn), before);
        failsWith(
            QStringLiteral("undo"),
            {QStringLiteral("--id"), QString::number(id), QStringLiteral("--confirm"), m_name}, 1,
            "conflict");
    }

    void rollbackWithDryRunAndUndo()
    {
        auto conn = test::connect(m_db);
        const QString before = snapshotsDigest(*conn);
        failsWith(QStringLiteral("rollback"),
                  {QStringLiteral("--to-tick"), QStringLiteral("7000"), QStringLiteral("--confirm"),
                   m_name},
                  2, "invalid_input"); // no reason
        failsWith(QStringLiteral("rollback"),
                  {QStringLiteral("--to-tick"), QStringLiteral("7001"), QStringLiteral("--confirm"),
                   m_name, QStringLiteral("--reason"), QStringLiteral("r")},
                  2, "invalid_input"); // no snapshot has that tick: bad input, nothing changed
        const QJsonObject plan =
            ok(QStringLiteral("rollback"),
               {QStringLiteral("--to-tick"), QStringLiteral("7200"), QStringLiteral("--dry-run")});
        QCOMPARE(plan.value(QLatin1String("delete_count")).toInt(), 10);
        QCOMPARE(plan.value(QLatin1String("to_tick")).toInt(), 7200);
        QCOMPARE(plan.value(QLatin1String("recovery_after"))
                     .toObject()
                     .value(QLatin1String("tick"))
                     .toInt(),
                 7200);
        const QJsonObject op =
            ok(QStringLiteral("rollback"),
               {QStringLiteral("--to-tick"), QStringLiteral("7200"), QStringLiteral("--confirm"),
                m_name, QStringLiteral("--reason"), QStringLiteral("bad ticks")});
        QCOMPARE(op.value(QLatin1String("kind")).toString(), QStringLiteral("rollback"));
        QCOMPARE(op.value(QLatin1String("deleted")).toInt(), 10);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT max(tick_number) FROM core.snapshots")),
                 7200);
        ok(QStringLiteral("undo"),
           {QStringLiteral("--id"),
            QString::number(op.value(QLatin1String("operation_id")).toInt()),
            QStringLiteral("--confirm"), m_name});
        QCOMPARE(snapshotsDigest(*conn), before);
    }

    void savesAndUsage()
    {
        const QString player = QStringLiteral("44444444-4444-4444-8444-444444444444");
        test::connect(m_db)->exec(QStringLiteral("INSERT INTO core.save_snapshots (player_id, "
                                                 "version, snapshot_data, checksum) VALUES ($1, "
                                                 "'3.0.1', '{\"coins\": 1}', 'nope')"),
                                  {player});
        const QJsonObject players = ok(QStringLiteral("saves"), {});
        QCOMPARE(players.value(QLatin1String("table")).toString(),
                 QStringLiteral("core.save_snapshots"));
        QCOMPARE(players.value(QLatin1String("players")).toArray().size(), 1);
        const QJsonObject saves = ok(QStringLiteral("saves"), {QStringLiteral("--player"), player});
        const QJsonArray rows = saves.value(QLatin1String("saves")).toArray();
        QCOMPARE(rows.size(), 1);
        QVERIFY(!rows[0].toObject().value(QLatin1String("checksum_matches")).toBool());
        QCOMPARE(rows[0].toObject().value(QLatin1String("computed_checksum")).toString().size(),
                 64);
        QVERIFY(!saves.value(QLatin1String("checksum_rule")).toString().isEmpty());
        failsWith(QStringLiteral("saves"), {QStringLiteral("--player"), QStringLiteral("x")}, 2,
                  "invalid_input");
        failsWith(QStringLiteral("nonsense"), {}, 2, "invalid_input");
    }
};

QTEST_GUILESS_MAIN(TestSnapshotsCli)
#include "tst_snapshots_cli.moc"
