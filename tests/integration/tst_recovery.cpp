// What a killed reset or drop leaves behind, found and put right: a real statescope-cli
// killed (SIGKILL) while it dumps leaves its fence up and its intent open; the stages past
// the drop (gone; re-created half-made) are made by hand exactly as the journal records
// them. Each way out (finish, restore) is checked row by row and closes the run.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/weekly/dump.h"
#include "core/weekly/fence.h"
#include "core/weekly/recovery.h"
#include "core/weekly/serveradmin.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <unistd.h>
#include <sys/types.h>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

namespace {

constexpr int kRows = 20000;

std::optional<IncompleteRun> runOn(const Recovery &recovery, const QString &name)
{
    for (const IncompleteRun &run : recovery.incomplete())
        if (run.intent.target == name)
            return run;
    return std::nullopt;
}

QStringList phasesOf(const QString &op)
{
    QStringList phases;
    for (const audit::Entry &e : audit::readJournal(100000))
        if (e.op == op)
            phases.prepend(e.phase);
    return phases;
}

bool exists(const QString &name)
{
    auto conn = test::connect(serverSettings());
    return scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {name}) == 1;
}

qint64 rowsIn(const QString &name)
{
    pg::ConnectionSettings s = serverSettings();
    s.setValue(QStringLiteral("dbname"), name);
    auto conn = test::connect(s);
    return scalar(*conn, QStringLiteral("SELECT count(*) FROM public.w"));
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_backups;
    QStringList m_databases;

    pg::ConnectionSettings databaseWithRows(const QString &hint)
    {
        const pg::ConnectionSettings db = emptyDatabase(hint);
        m_databases << db.database();
        auto conn = test::connect(db);
        conn->exec(QStringLiteral("CREATE TABLE public.w (id bigint PRIMARY KEY, pad text)"));
        conn->exec(QStringLiteral("INSERT INTO public.w SELECT g, repeat('x', 200) FROM "
                                  "generate_series(1, $1) g"),
                   {kRows});
        return db;
    }

    // The journal lines a drop or reset writes up to the point where it was killed, and the
    // state of the server at that point, made by hand: dumped (a real dump), then dropped,
    // then, for "recreated", created again empty.
    QString killedAfterDrop(const QString &action, const QString &name, bool recreate, bool interrupted = false)
    {
        const ServerAdmin admin(serverSettings());
        auto conn = test::connect(serverSettings());
        const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
        audit::Entry intent{action, name, QStringLiteral("test"), {}, admin.server().displayName()};
        intent.op = op;
        intent.phase = QStringLiteral("intent");
        intent.details = nlohmann::json{{"oid", scalar(*conn, QStringLiteral("SELECT oid::bigint FROM pg_database "
                                                               "WHERE datname = $1"),
                                         {name})},
                          {"dump", true},
                          {"statescopes", false},
                          {"fence", nlohmann::json::object()}};
        if (!audit::appendToJournal(intent))
            return {};
        const QString dump = dumpDatabase(admin.databaseSettings(name), m_backups.path());
        audit::Entry dumped = intent;
        dumped.phase = QStringLiteral("dumped");
        dumped.details = {{"dump", dump.toStdString()}};
        if (!audit::appendToJournal(dumped))
            return {};
        if (interrupted) {
            // What a server restart during DROP DATABASE leaves (PostgreSQL 15.4 and later): the
            // database marked invalid, by the server's own marker, its sessions gone.
            conn->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1"),
                       {name});
            conn->exec(QStringLiteral("UPDATE pg_catalog.pg_database SET datconnlimit = -2 WHERE datname = $1"), {name});
            return op;
        }
        conn->exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(conn->quoteIdentifier(name)));
        if (recreate)
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(conn->quoteIdentifier(name)));
        return op;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        QVERIFY2(cliIsExecutable(), kNoCli);
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void aDropKilledWhileDumpingIsFoundAndPutBack()
    {
        const pg::ConnectionSettings db = databaseWithRows(QStringLiteral("rcv_kill"));
        const QString name = db.database();
        // The CLI's pg_dump is a wrapper that says it started and then waits: the kill lands
        // while the dump runs, however fast the machine is.
        QString why;
        const QString op = runCliKilledWhileDumping(
            {QStringLiteral("db"), QStringLiteral("drop"), QStringLiteral("--server"),
             serverSettings().storableString(), QStringLiteral("--name"), name, QStringLiteral("--confirm"),
             name, QStringLiteral("--reason"), QStringLiteral("killed"), QStringLiteral("--backup-dir"),
             m_backups.path()},
            name, &why);
        QVERIFY2(!op.isEmpty(), qPrintable(why));
        QVERIFY2(exists(name), "killed before the drop");
        // The fence it raised is still up: as a superuser, the connection limit (PUBLIC's
        // CONNECT is left alone, so the database's default privileges stay as they were).
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), {name}),
                 0);

        const ServerAdmin admin(serverSettings());
        const Recovery recovery(admin);
        const auto run = runOn(recovery, name);
        QVERIFY2(run, "the killed run is listed");
        QCOMPARE(run->intent.op, op);
        QVERIFY2(run->intent.details.contains("oid"), "the intent records the database's oid");
        QCOMPARE(run->stage, IncompleteRun::Stage::NotDropped);
        QVERIFY(!run->restorePlan().isEmpty());
        QVERIFY(!run->finishPlan().isEmpty());

        // The CLI lists it with both ways out.
        const CliRun listed = runCli({QStringLiteral("db"), QStringLiteral("recover"),
                                      QStringLiteral("--server"), serverSettings().storableString(),
                                      QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        bool seen = false;
        for (const auto &v : listed.json().object().value(QStringLiteral("runs")).toArray())
            if (v.toObject().value(QStringLiteral("op")).toString() == op) {
                seen = true;
                QCOMPARE(v.toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("not_dropped"));
            }
        QVERIFY(seen);

        // Wrong confirmation: refused, nothing changes.
        QCOMPARE(runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                         serverSettings().storableString(), QStringLiteral("--op"), op,
                         QStringLiteral("--restore"), QStringLiteral("--confirm"), name + QStringLiteral("x")})
                     .exitCode,
                 2);
        QVERIFY(runOn(recovery, name));

        // Restore: the fence comes down, every row is there, the run is closed.
        const CliRun restored = runCli({QStringLiteral("db"), QStringLiteral("recover"),
                                        QStringLiteral("--server"), serverSettings().storableString(),
                                        QStringLiteral("--op"), op, QStringLiteral("--restore"),
                                        QStringLiteral("--confirm"), name});
        QVERIFY2(restored.exitCode == 0, restored.err.constData());
        auto conn = test::connect(serverSettings());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), {name}), -1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT has_database_privilege('public', $1, 'CONNECT')::int"), {name}), 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT datallowconn::int FROM pg_database WHERE datname = $1"), {name}), 1);
        QCOMPARE(rowsIn(name), kRows);
        QVERIFY(!runOn(recovery, name));
        QCOMPARE(phasesOf(op).constLast(), QStringLiteral("resolved"));
    }

    // A create or restore killed (SIGKILL) after its intent, or after CREATE DATABASE with
    // the schema or the rows not yet in: db recover lists it (stage "recreated" when the
    // half-made database is there), --restore drops what it made (dumped first), --finish
    // makes it whole; either way nothing stays unfinished.
    void aCreateOrRestoreKilledMidwayIsRecovered_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("killAfter");
        QTest::addColumn<bool>("finish");
        for (const char *action : {"create", "restore"})
            for (const char *phase : {"intent", "created"})
                for (bool finish : {false, true})
                    QTest::addRow("%s killed after %s, %s", action, phase, finish ? "finish" : "restore")
                        << QString::fromLatin1(action) << QString::fromLatin1(phase) << finish;
    }

    void aCreateOrRestoreKilledMidwayIsRecovered()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        if (viaPgBouncer())
            QSKIP("run directly only: creating, restoring and dropping databases is server administration, which "
                  "needs the server itself, not a pooler (docs/ARCHITECTURE.md)");
        QFETCH(QString, action);
        QFETCH(QString, killAfter);
        QFETCH(bool, finish);
        const QString name = uniqueName(QStringLiteral("t_made"));
        m_databases << name;
        QStringList args{QStringLiteral("db"), action, QStringLiteral("--server"), serverSettings().storableString(),
                         QStringLiteral("--name"), name};
        QString dump;
        if (action == QLatin1String("restore")) {
            const pg::ConnectionSettings source = databaseWithRows(QStringLiteral("made_source"));
            dump = dumpDatabase(source, m_backups.path());
            args << QStringLiteral("--from") << dump;
        }
        qputenv("STATESCOPE_KILL_AFTER", killAfter.toUtf8());
        const CliRun killed = runCli(args);
        qunsetenv("STATESCOPE_KILL_AFTER");
        QCOMPARE(killed.exitCode, -1);
        QCOMPARE(exists(name), killAfter == QLatin1String("created"));

        const CliRun listed = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                      serverSettings().storableString(), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QJsonObject run;
        for (const QJsonValue &r : listed.json().object().value(QStringLiteral("runs")).toArray())
            if (r.toObject().value(QStringLiteral("database")).toString() == name)
                run = r.toObject();
        QVERIFY2(!run.isEmpty(), qPrintable(listed.describe()));
        QCOMPARE(run.value(QStringLiteral("action")).toString(), action);
        QCOMPARE(run.value(QStringLiteral("stage")).toString(),
                 killAfter == QLatin1String("created") ? QStringLiteral("recreated") : QStringLiteral("dropped"));

        const CliRun recovered = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                         serverSettings().storableString(), QStringLiteral("--op"),
                                         run.value(QStringLiteral("op")).toString(),
                                         finish ? QStringLiteral("--finish") : QStringLiteral("--restore"),
                                         QStringLiteral("--confirm"), name, QStringLiteral("--json")});
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.describe()));
        QCOMPARE(exists(name), finish);
        if (finish && action == QLatin1String("restore"))
            QCOMPARE(rowsIn(name), qint64(kRows));
        if (finish && action == QLatin1String("create")) {
            const CliRun status = runCli({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--db"),
                                          serverSettings().withDatabase(name).storableString(), QStringLiteral("--json")});
            QVERIFY2(status.exitCode == 0 && !status.out.contains("\"pending\": [\n    {"), qPrintable(status.describe()));
        }
        const ServerAdmin admin(serverSettings());
        QVERIFY(!runOn(Recovery(admin), name));
    }

    void aResetKilledAfterTheDropIsRestoredOrFinished()
    {
        const ServerAdmin admin(serverSettings());
        const Recovery recovery(admin);

        // Gone: restore brings every row back.
        const QString gone = databaseWithRows(QStringLiteral("rcv_gone")).database();
        const QString op1 = killedAfterDrop(QStringLiteral("reset"), gone, false);
        QVERIFY(!op1.isEmpty());
        auto run = runOn(recovery, gone);
        QVERIFY(run);
        QCOMPARE(run->stage, IncompleteRun::Stage::Dropped);
        QVERIFY(!run->dump.isEmpty());
        const auto wrong = errorOf([&] { recovery.restore(op1, gone + QStringLiteral("_"), {}); });
        QVERIFY(wrong && wrong->kind() == Error::Kind::InvalidInput);
        QVERIFY(!exists(gone));
        recovery.restore(op1, gone, QStringLiteral("put back"));
        QCOMPARE(rowsIn(gone), kRows);
        QCOMPARE(phasesOf(op1), (QStringList{"intent", "dumped", "resolved"}));

        // Re-created half-made: restore drops the half-made one (dumping it) and brings the
        // original back.
        const QString half = databaseWithRows(QStringLiteral("rcv_half")).database();
        const QString op2 = killedAfterDrop(QStringLiteral("reset"), half, true);
        run = runOn(recovery, half);
        QVERIFY(run);
        QCOMPARE(run->stage, IncompleteRun::Stage::Recreated);
        recovery.restore(op2, half, QStringLiteral("put back"));
        QCOMPARE(rowsIn(half), kRows);
        QVERIFY(!runOn(recovery, half));

        // Finish a reset that got past the drop: the original comes back from its dump and
        // is then reset for real (its own schema, no rows), with a fresh dump of its own.
        const QString fin = databaseWithRows(QStringLiteral("rcv_fin")).database();
        const QString op3 = killedAfterDrop(QStringLiteral("reset"), fin, true);
        const ActionResult done = recovery.finish(op3, fin, QStringLiteral("finish it"));
        QVERIFY(!done.dumpPath.isEmpty());
        QCOMPARE(rowsIn(fin), 0);
        QVERIFY(!runOn(recovery, fin));
        QCOMPARE(phasesOf(op3).constLast(), QStringLiteral("resolved"));
        QCOMPARE(phasesOf(done.operationId), (QStringList{"intent", "dumped", "building", "done"}));

        // A drop that got past the drop: finishing it only records it as done.
        const QString dropped = databaseWithRows(QStringLiteral("rcv_drop")).database();
        const QString op4 = killedAfterDrop(QStringLiteral("drop"), dropped, false);
        recovery.finish(op4, dropped, QStringLiteral("it was meant to go"));
        QVERIFY(!exists(dropped));
        QVERIFY(!runOn(recovery, dropped));
        QVERIFY(errorOf([&] { recovery.finish(op4, dropped, {}); })->kind() == Error::Kind::NotFound);
    }

    // A restore (a move's copy, say) whose CREATE DATABASE the server refuses made nothing:
    // its run is closed as failed, never left listed as unfinished (a phantom until the next
    // run of that name).
    void aRestoreRefusedAtCreateLeavesNoRunOpen()
    {
        if (viaPgBouncer())
            QSKIP("run directly only: creating databases is server administration, which needs the server itself, "
                  "not a pooler (docs/ARCHITECTURE.md)");
        const QString role = QStringLiteral("t_nocreatedb_%1").arg(QCoreApplication::applicationPid());
        auto admin = test::connect(serverSettings());
        admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw' NOCREATEDB").arg(role));
        const auto dropRole = qScopeGuard([&] { admin->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)); });
        const pg::ConnectionSettings source = databaseWithRows(QStringLiteral("refused_src"));
        const QString dump = dumpDatabase(source, m_backups.path());
        pg::ConnectionSettings weak = serverSettings();
        weak.setValue(QStringLiteral("user"), role);
        weak.setPassword(QStringLiteral("pw"));
        const QString name = uniqueName(QStringLiteral("t_refused"));
        const auto e = errorOf([&] { ServerAdmin(weak).restore(name, dump, QStringLiteral("refused")); });
        QVERIFY(e);
        QVERIFY2(!exists(name), "nothing made");
        QString op;
        for (const audit::Entry &j : audit::readJournal(1000))
            if (j.target == name && j.action == QLatin1String("restore") && j.phase == QLatin1String("intent"))
                op = j.op;
        QVERIFY(!op.isEmpty());
        QCOMPARE(phasesOf(op), (QStringList{"intent", "failed"}));
        for (const audit::Entry &open : audit::incomplete(audit::readJournal(100000)))
            QVERIFY2(open.op != op, "the refused restore is not listed as unfinished");
    }

    // A server restart during the run's DROP DATABASE leaves the database invalid: no
    // session can connect to it, ALTER DATABASE refuses it. db recover and db list name it so,
    // and both ways out complete from there: the drop finished first, then the week back
    // from the dump (restore) or the run completed (finish).
    void aDropInterruptedByARestartIsRecovered()
    {
        if (viaPgBouncer())
            QSKIP("run directly only: dropping and restoring databases is server administration, which needs the "
                  "server itself, not a pooler (docs/ARCHITECTURE.md)");
        const ServerAdmin admin(serverSettings());
        const Recovery recovery(admin);

        // A reset, put back.
        const QString back = databaseWithRows(QStringLiteral("inv_back")).database();
        const QString op1 = killedAfterDrop(QStringLiteral("reset"), back, false, true);
        QVERIFY(!op1.isEmpty());
        auto run = runOn(recovery, back);
        QVERIFY(run);
        QCOMPARE(run->stage, IncompleteRun::Stage::DropInterrupted);
        QVERIFY2(run->describe().contains(QLatin1String("invalid")), qPrintable(run->describe()));
        QVERIFY(!run->restorePlan().isEmpty() && !run->finishPlan().isEmpty());
        // Listed as invalid, never inspected (it cannot be connected to).
        bool listed = false;
        for (const DatabaseInfo &info : admin.list())
            if (info.name == back) {
                listed = true;
                QVERIFY(info.invalid);
                QVERIFY2(info.problem.startsWith(QLatin1String("Invalid")), qPrintable(info.problem));
            }
        QVERIFY(listed);
        const CliRun cli = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                   serverSettings().storableString(), QStringLiteral("--json")});
        QCOMPARE(cli.exitCode, 0);
        bool seen = false;
        for (const auto &v : cli.json().object().value(QStringLiteral("runs")).toArray())
            if (v.toObject().value(QStringLiteral("op")).toString() == op1) {
                seen = true;
                QCOMPARE(v.toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("drop_interrupted"));
            }
        QVERIFY(seen);
        const ActionResult restored = recovery.restore(op1, back, QStringLiteral("put back"));
        QCOMPARE(rowsIn(back), kRows);
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), {back}),
                 -1);
        QVERIFY(restored.warnings.join(QLatin1Char(' ')).contains(QLatin1String("interrupted drop")));
        QCOMPARE(phasesOf(op1), (QStringList{"intent", "dumped", "invalid-dropped", "resolved"}));
        QVERIFY(!runOn(recovery, back));

        // A reset, finished: back from its dump, then reset for real.
        const QString fin = databaseWithRows(QStringLiteral("inv_fin")).database();
        const QString op2 = killedAfterDrop(QStringLiteral("reset"), fin, false, true);
        const ActionResult done = recovery.finish(op2, fin, QStringLiteral("finish it"));
        QVERIFY(!done.dumpPath.isEmpty());
        QCOMPARE(rowsIn(fin), 0);
        QVERIFY(!runOn(recovery, fin));

        // A drop, finished (gone, its dump kept) and one put back.
        const QString gone = databaseWithRows(QStringLiteral("inv_gone")).database();
        const QString op3 = killedAfterDrop(QStringLiteral("drop"), gone, false, true);
        recovery.finish(op3, gone, QStringLiteral("it was meant to go"));
        QVERIFY(!exists(gone));
        QVERIFY(!runOn(recovery, gone));
        const QString kept = databaseWithRows(QStringLiteral("inv_kept")).database();
        const QString op4 = killedAfterDrop(QStringLiteral("drop"), kept, false, true);
        recovery.restore(op4, kept, QStringLiteral("not that one"));
        QCOMPARE(rowsIn(kept), kRows);
        QVERIFY(!runOn(recovery, kept));

        // A wrong confirmation changes nothing: still invalid, still listed.
        const QString wrong = databaseWithRows(QStringLiteral("inv_wrong")).database();
        const QString op5 = killedAfterDrop(QStringLiteral("drop"), wrong, false, true);
        QVERIFY(errorOf([&] { recovery.restore(op5, wrong + QStringLiteral("x"), {}); }));
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), {wrong}),
                 -2);
        recovery.restore(op5, wrong, {});
        QCOMPARE(rowsIn(wrong), kRows);
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
