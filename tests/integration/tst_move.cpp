// Moving a week to another server (ServerAdmin::move): the suite's server and a second real
// sandbox server of the test's own. The move's row check, its audit trail, and what a failed
// restore, a copy that lost rows, or a refused move leave behind.

#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/recovery.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>
#include <thread>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

namespace {

bool exists(const pg::ConnectionSettings &server, const QString &name)
{
    return scalar(*test::connect(server), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"),
                  {name})
        == 1;
}

// Rows per table, read by the test itself.
std::map<QString, qint64> rowsOf(const pg::ConnectionSettings &db)
{
    auto conn = test::connect(db);
    const pg::Result t = conn->exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname IN ('raw', 'core', 'statescope')"));
    std::map<QString, qint64> out;
    for (int i = 0; i < t.rowCount(); ++i)
        out[t.value(i, 0)] = scalar(*conn, QStringLiteral("SELECT count(*) FROM ONLY %1").arg(t.value(i, 0)));
    return out;
}

std::optional<audit::Entry> journalLine(const QString &name, const QString &phase)
{
    for (const audit::Entry &e : audit::readJournal(1000))
        if (e.action == QLatin1String("move") && e.target == name && e.phase == phase)
            return e;
    return std::nullopt;
}

} // namespace

class TestMove : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{statescope::test::shortTempTemplate(QStringLiteral("ssmove"))};
    QTemporaryDir m_backups;
    std::optional<sandbox::Sandbox> m_box;
    pg::ConnectionSettings m_far; // the second server
    QStringList m_databases;

    ActionOptions options() const
    {
        ActionOptions o;
        o.reason = QStringLiteral("to the archive server");
        o.backupDir = m_backups.path();
        return o;
    }

    // A week with the demo's events and games, a database setting and a comment.
    QString week(const QString &hint)
    {
        const QString name = WeeklyName(uniqueName(hint), 2025, 7).databaseName();
        m_databases << name;
        ServerAdmin(serverSettings()).create(name);
        demo::DemoOptions d;
        d.events = 400;
        d.games = 3;
        d.snapshots = 5;
        demo::seed(*test::connect(serverSettings().withDatabase(name)), d);
        auto server = test::connect(serverSettings());
        server->exec(QStringLiteral("ALTER DATABASE %1 SET work_mem = '7MB'").arg(server->quoteIdentifier(name)));
        return name;
    }

    // Replaces pg_restore, for the next move only, by a script.
    void fakeRestore(QTemporaryDir &tools, const QString &script)
    {
        const QDir bin = QFileInfo(pg::clientProgram(QStringLiteral("pg_dump"))).absoluteDir();
        for (const QString &program : bin.entryList(QDir::Files | QDir::Executable))
            if (program != QLatin1String("pg_restore"))
                QFile::link(bin.filePath(program), QDir(tools.path()).filePath(program));
        QFile wrapper(QDir(tools.path()).filePath(QStringLiteral("pg_restore")));
        QVERIFY(wrapper.open(QIODevice::WriteOnly));
        wrapper.write(script.toUtf8());
        wrapper.close();
        wrapper.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("STATESCOPE_PG_BINDIR", tools.path().toLocal8Bit());
    }

    // The source as it was: there, taking connections, its rows all present.
    // `db move` of `name` to the far server, killed after the journal line `killAfter`;
    // the killed run's operation id (empty when it was not killed or not found).
    QString killedMove(const QString &name, const QString &killAfter)
    {
        qputenv("STATESCOPE_KILL_AFTER", killAfter.toUtf8());
        const CliRun killed = runCli({QStringLiteral("db"), QStringLiteral("move"), QStringLiteral("--server"),
                                      serverSettings().storableString(), QStringLiteral("--to"), m_far.storableString(),
                                      QStringLiteral("--name"), name, QStringLiteral("--confirm"), name,
                                      QStringLiteral("--backup-dir"), m_backups.path()});
        qunsetenv("STATESCOPE_KILL_AFTER");
        if (killed.exitCode != -1)
            return {};
        const ServerAdmin here(serverSettings());
        for (const IncompleteRun &run : Recovery(here).incomplete())
            if (run.intent.target == name && run.intent.action == QLatin1String("move"))
                return run.intent.op;
        return {};
    }

    void verifyUntouched(const QString &name, const std::map<QString, qint64> &before)
    {
        QVERIFY(exists(serverSettings(), name));
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 AND datallowconn "
                                       "AND datconnlimit = -1"),
                        {name}),
                 1);
        QVERIFY(rowsOf(serverSettings().withDatabase(name)) == before);
        QVERIFY(!exists(m_far, name)); // the target's copy taken away again
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_backups.isValid());
        sandbox::Options o;
        o.dir = m_dir.path();
        o.durable = false;
        m_box.emplace(o);
        m_far = m_box->start().settings;
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
        if (m_box)
            m_box->stop();
    }

    void movesAWeekAfterCountingEveryTable()
    {
        const QString name = week(QStringLiteral("mv"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        QVERIFY(before.at(QStringLiteral("raw.api_events")) == 400);
        const MoveResult r = ServerAdmin(serverSettings()).move(name, ServerAdmin(m_far), name, options());
        QVERIFY(!exists(serverSettings(), name));
        QVERIFY(exists(m_far, name));
        // Every table counted on both servers, and the test's own count agrees.
        QVERIFY(r.tables.size() >= 10);
        for (const MovedTable &t : r.tables) {
            QCOMPARE(t.targetRows, t.sourceRows);
            if (before.count(t.table))
                QCOMPARE(t.sourceRows, before.at(t.table));
        }
        auto after = rowsOf(m_far.withDatabase(name));
        // The one row more there: the move's own line in the week's audit log.
        QCOMPARE(after[QStringLiteral("statescope.audit_log")], before.at(QStringLiteral("statescope.audit_log")) + 1);
        after[QStringLiteral("statescope.audit_log")] -= 1;
        QVERIFY(after == before);
        auto copy = test::connect(m_far.withDatabase(name));
        QCOMPARE(copy->exec(QStringLiteral("SELECT action FROM statescope.audit_log ORDER BY id DESC LIMIT 1")).value(0, 0),
                 QStringLiteral("move"));
        // The database's own settings travelled with it.
        QCOMPARE(copy->exec(QStringLiteral("SHOW work_mem")).value(0, 0), QStringLiteral("7MB"));
        // Journalled before and after, naming the target; the dump stays as the way back.
        const auto intent = journalLine(name, QStringLiteral("intent"));
        const auto done = journalLine(name, QStringLiteral("done"));
        QVERIFY(intent && done);
        QCOMPARE(QString::fromStdString(done->details.value("target_server", std::string())), m_far.displayName());
        QCOMPARE(done->details["rows"]["raw.api_events"].get<qint64>(), 400);
        QVERIFY(QFileInfo(r.result.dumpPath).isFile());
        copy.reset();
        test::connect(m_far)->exec(QStringLiteral("DROP DATABASE %1").arg(name));
    }

    void aFailedRestoreLeavesTheSource()
    {
        const QString name = week(QStringLiteral("mvfail"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        QTemporaryDir tools;
        fakeRestore(tools, QStringLiteral("#!/bin/sh\necho 'pg_restore: error: out of disk space' >&2\nexit 1\n"));
        const auto err = errorOf([&] { ServerAdmin(serverSettings()).move(name, ServerAdmin(m_far), name, options()); });
        qunsetenv("STATESCOPE_PG_BINDIR");
        QVERIFY(err);
        QVERIFY2(err->message().contains(QLatin1String("pg_restore")) || err->detail().contains(QLatin1String("out of disk")),
                 qPrintable(err->message() + QLatin1Char(' ') + err->detail()));
        verifyUntouched(name, before);
        QVERIFY(journalLine(name, QStringLiteral("failed")));
    }

    void aCopyThatLostRowsIsTakenAway()
    {
        // pg_restore that restores the schema only: the copy is whole in shape, empty in rows.
        const QString name = week(QStringLiteral("mvlost"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        QTemporaryDir tools;
        fakeRestore(tools, QStringLiteral("#!/bin/sh\nexec '%1' --schema-only \"$@\"\n")
                               .arg(pg::clientProgram(QStringLiteral("pg_restore"))));
        const auto err = errorOf([&] { ServerAdmin(serverSettings()).move(name, ServerAdmin(m_far), name, options()); });
        qunsetenv("STATESCOPE_PG_BINDIR");
        QVERIFY(err);
        QCOMPARE(err->kind(), Error::Kind::Conflict);
        QVERIFY2(err->detail().contains(QLatin1String("raw.api_events: 400 rows here, 0 there")), qPrintable(err->detail()));
        verifyUntouched(name, before);
    }

    void anOwnerOrGranteeTheTargetLacksKeepsTheSource()
    {
        // The week's owner and a grantee exist here only: the copy there could not have them,
        // so the source stays, with its owner and grants, and the copy is taken away.
        const QString name = week(QStringLiteral("mvown"));
        const QString owner = uniqueName(QStringLiteral("t_owner")), grantee = uniqueName(QStringLiteral("t_grantee"));
        auto server = test::connect(serverSettings());
        server->exec(QStringLiteral("CREATE ROLE %1").arg(owner));
        server->exec(QStringLiteral("CREATE ROLE %1").arg(grantee));
        server->exec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(server->quoteIdentifier(name), owner));
        server->exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(server->quoteIdentifier(name), grantee));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        const auto err = errorOf([&] { ServerAdmin(serverSettings()).move(name, ServerAdmin(m_far), name, options()); });
        QVERIFY(err);
        QCOMPARE(err->kind(), Error::Kind::Conflict);
        QVERIFY2(err->detail().contains(owner), qPrintable(err->message() + QLatin1Char('\n') + err->detail()));
        verifyUntouched(name, before);
        QCOMPARE(server->exec(QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1"), {name})
                     .value(0, 0),
                 owner);
        QCOMPARE(scalar(*server, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 AND "
                                                "has_database_privilege($2, oid, 'CONNECT')"),
                        {name, grantee}),
                 1);
        server->exec(QStringLiteral("ALTER DATABASE %1 OWNER TO CURRENT_USER").arg(server->quoteIdentifier(name)));
        server->exec(QStringLiteral("REVOKE ALL ON DATABASE %1 FROM %2").arg(server->quoteIdentifier(name), grantee));
        server->exec(QStringLiteral("DROP ROLE %1").arg(owner));
        server->exec(QStringLiteral("DROP ROLE %1").arg(grantee));
    }

    void aCopyAKilledMoveLeftIsTakenAwayOnTheRetry()
    {
        // A move killed after its restore on the target (its intent in the journal, no done):
        // the copy there is the earlier run's, and moving again drops it first. A database of
        // that name no run of ours made is refused, untouched.
        const QString name = week(QStringLiteral("mvretry"));
        auto far = test::connect(m_far);
        far->exec(QStringLiteral("CREATE DATABASE %1").arg(far->quoteIdentifier(name)));
        const ServerAdmin here(serverSettings()), there(m_far);
        auto err = errorOf([&] { here.move(name, there, name, options()); });
        QVERIFY(err && err->kind() == Error::Kind::Conflict);
        QVERIFY(exists(m_far, name));
        audit::Entry intent{QStringLiteral("move"), name, QStringLiteral("killed"),
                            {{"target_id", far->exec(QStringLiteral("SELECT system_identifier::text FROM "
                                                                    "pg_control_system()")).value(0, 0).toStdString()}}};
        intent.op = QUuid::createUuid().toString(QUuid::WithoutBraces);
        intent.phase = QStringLiteral("intent");
        QVERIFY(audit::appendToJournal(intent));
        audit::Entry resolved = intent;
        resolved.phase = QStringLiteral("resolved"); // ended by db recover --restore: not moved
        QVERIFY(audit::appendToJournal(resolved));
        const MoveResult r = here.move(name, there, name, options());
        QVERIFY2(r.result.warnings.join(QLatin1Char(' ')).contains(QLatin1String("earlier, unfinished move")),
                 qPrintable(r.result.warnings.join(QLatin1Char(' '))));
        QVERIFY(!exists(serverSettings(), name));
        QVERIFY(exists(m_far, name));
        QVERIFY(scalar(*test::connect(m_far.withDatabase(name)), QStringLiteral("SELECT count(*) FROM raw.api_events")) == 400);
        far->exec(QStringLiteral("DROP DATABASE %1").arg(far->quoteIdentifier(name)));
    }

    void aMoveKilledAtEachStageIsRecoveredAndMovesOnTheRetry_data()
    {
        QTest::addColumn<QString>("killAfter");
        QTest::addColumn<bool>("finish");
        // Before anything; after the copy's restore was journalled (nothing made yet); after
        // the copy was made on the target (still empty); after the copy was restored whole;
        // after the source's dump was journalled (the copy counted), before the drop. Each
        // recovered both ways.
        for (const char *stage : {"intent", "intent:2", "created", "done", "dumped"})
            for (const bool finish : {true, false})
                QTest::addRow("%s %s", stage, finish ? "finish" : "restore") << QString::fromLatin1(stage) << finish;
    }

    void aMoveKilledAtEachStageIsRecoveredAndMovesOnTheRetry()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QFETCH(QString, killAfter);
        QFETCH(bool, finish);
        const QString name = week(QStringLiteral("mvkill"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        const QString op = killedMove(name, killAfter);
        QVERIFY(!op.isEmpty());
        const ServerAdmin here(serverSettings()), there(m_far);
        const bool copied = killAfter != QLatin1String("intent");
        const QStringList recover = {QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                     serverSettings().storableString(), QStringLiteral("--op"), op,
                                     finish ? QStringLiteral("--finish") : QStringLiteral("--restore"),
                                     QStringLiteral("--confirm"), name};
        if (copied) {
            // Recovering a move that began its copy needs the target: refused without it,
            // nothing changed on either server.
            const CliRun refused = runCli(recover);
            QVERIFY2(refused.exitCode == 2 && refused.err.contains("--to"), refused.err.constData());
            QVERIFY(!Recovery(here).incomplete().isEmpty());
        }
        const CliRun recovered = runCli(recover + QStringList{QStringLiteral("--to"), m_far.storableString()});
        QVERIFY2(recovered.exitCode == 0, recovered.err.constData());
        // The source is back as it was (fence down), and the target keeps nothing of the run.
        QVERIFY(rowsOf(serverSettings().withDatabase(name)) == before);
        QVERIFY2(!exists(m_far, name), qPrintable(killAfter));
        for (const ServerAdmin *admin : {&here, &there})
            for (const IncompleteRun &run : Recovery(*admin).incomplete())
                QVERIFY2(run.intent.target != name, qPrintable(run.describe()));
        // Moving again moves the week.
        here.move(name, there, name, options());
        QVERIFY(!exists(serverSettings(), name));
        QCOMPARE(scalar(*test::connect(m_far.withDatabase(name)), QStringLiteral("SELECT count(*) FROM raw.api_events")),
                 before.at(QStringLiteral("raw.api_events")));
        test::connect(m_far)->exec(QStringLiteral("DROP DATABASE %1").arg(name));
    }

    void aMoveKilledAfterTheSourceWentIsRecoveredToOneServer_data()
    {
        QTest::addColumn<bool>("finish");
        QTest::newRow("finish") << true;
        QTest::newRow("restore") << false;
    }

    // Killed after the source was dropped (its copy proven whole) and before the run closed:
    // finishing records the move (the week on the target only); undoing it brings the source
    // back from the dump and then takes the copy away. Never the week on both servers.
    void aMoveKilledAfterTheSourceWentIsRecoveredToOneServer()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QFETCH(bool, finish);
        const QString name = week(QStringLiteral("mvgap"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        const QString op = killedMove(name, QStringLiteral("source-dropped"));
        QVERIFY(!op.isEmpty());
        QVERIFY(!exists(serverSettings(), name));
        QVERIFY(exists(m_far, name));
        const CliRun recovered = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                         serverSettings().storableString(), QStringLiteral("--op"), op,
                                         finish ? QStringLiteral("--finish") : QStringLiteral("--restore"),
                                         QStringLiteral("--confirm"), name, QStringLiteral("--to"), m_far.storableString()});
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.describe()));
        QCOMPARE(exists(serverSettings(), name), !finish);
        QCOMPARE(exists(m_far, name), finish);
        const pg::ConnectionSettings where = finish ? m_far.withDatabase(name) : serverSettings().withDatabase(name);
        QCOMPARE(scalar(*test::connect(where), QStringLiteral("SELECT count(*) FROM raw.api_events")),
                 before.at(QStringLiteral("raw.api_events")));
        const ServerAdmin here(serverSettings()), there(m_far);
        for (const ServerAdmin *admin : {&here, &there})
            for (const IncompleteRun &run : Recovery(*admin).incomplete())
                QVERIFY2(run.intent.target != name, qPrintable(run.describe()));
        if (finish)
            test::connect(m_far)->exec(QStringLiteral("DROP DATABASE %1").arg(name));
    }

    // The copy's CREATE DATABASE still running on the target when recovery looks (the killed
    // CLI's statement goes on in the server): recovery cancels it and waits, so no copy
    // appears there afterwards that no run names.
    void aMoveRecoveryEndsTheCopysCreateStillRunning()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString name = week(QStringLiteral("mvcreate"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        // Killed once the copy's restore was journalled on the target, before its CREATE.
        const QString op = killedMove(name, QStringLiteral("intent:2"));
        QVERIFY(!op.isEmpty());
        // The CREATE DATABASE the killed run would have sent, sent by a session of "another
        // Statescope" and held up on the catalog, as a slow server would hold it.
        auto holder = test::connect(m_far);
        holder->exec(QStringLiteral("BEGIN"));
        holder->exec(QStringLiteral("LOCK TABLE pg_catalog.pg_database IN EXCLUSIVE MODE"));
        pg::ConnectionSettings late = m_far;
        late.setValue(QStringLiteral("application_name"), QStringLiteral("statescope/1"));
        auto creator = test::connect(late);
        std::optional<Error> createError;
        std::thread create([&] {
            try {
                creator->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(creator->quoteIdentifier(name)));
            } catch (const Error &e) {
                createError = e;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(scalar(*test::connect(m_far), QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                                                                               "WHERE application_name = 'statescope/1' "
                                                                               "AND state = 'active'"))
                                     == 1,
                                 30000);
        const CliRun recovered = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                         serverSettings().storableString(), QStringLiteral("--op"), op,
                                         QStringLiteral("--restore"), QStringLiteral("--confirm"), name,
                                         QStringLiteral("--to"), m_far.storableString()});
        holder->exec(QStringLiteral("ROLLBACK"));
        create.join();
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.describe()));
        QVERIFY2(recovered.err.contains("cancelled") || recovered.out.contains("cancelled"), qPrintable(recovered.describe()));
        QVERIFY(createError && createError->sqlstate() == QLatin1String("57014")); // canceled
        QVERIFY(!exists(m_far, name));
        QVERIFY(rowsOf(serverSettings().withDatabase(name)) == before);
    }

    void aMoveRecoveryDropsOnlyTheCopyItMade()
    {
        // Killed after its copy was whole; the copy dropped by hand and a database of the same
        // name made there since: recovering the move refuses and leaves both servers alone.
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString name = week(QStringLiteral("mvother"));
        const QString op = killedMove(name, QStringLiteral("done"));
        QVERIFY(!op.isEmpty());
        auto far = test::connect(m_far);
        far->exec(QStringLiteral("DROP DATABASE %1").arg(far->quoteIdentifier(name)));
        far->exec(QStringLiteral("CREATE DATABASE %1").arg(far->quoteIdentifier(name)));
        const ServerAdmin here(serverSettings()), there(m_far);
        Recovery recovery(here);
        recovery.setMoveTarget(&there);
        const auto err = errorOf([&] { recovery.restore(op, name, QStringLiteral("test")); });
        QVERIFY(err && err->kind() == Error::Kind::Conflict);
        QVERIFY(exists(m_far, name));
        QVERIFY(!Recovery(here).incomplete().isEmpty()); // still open, source still fenced
        far->exec(QStringLiteral("DROP DATABASE %1").arg(far->quoteIdentifier(name)));
        recovery.restore(op, name, QStringLiteral("test"));
        QVERIFY(!exists(m_far, name));
        QVERIFY(exists(serverSettings(), name));
    }

    void refusesWithoutChangingAnything()
    {
        const QString name = week(QStringLiteral("mvref"));
        const auto before = rowsOf(serverSettings().withDatabase(name));
        const ServerAdmin here(serverSettings());
        // The name typed wrong.
        auto err = errorOf([&] { here.move(name, ServerAdmin(m_far), name + QStringLiteral("x"), options()); });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        // The same server under another connection string.
        pg::ConnectionSettings same = directServerSettings();
        same.setValue(QStringLiteral("application_name"), QStringLiteral("another-name"));
        err = errorOf([&] { here.move(name, ServerAdmin(same), name, options()); });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        QVERIFY2(err->message().contains(QLatin1String("same server")), qPrintable(err->message()));
        // The target already has a database of that name: never overwritten.
        test::connect(m_far)->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        test::connect(m_far.withDatabase(name))->execScript(QStringLiteral("CREATE TABLE keep_me (x int); INSERT INTO keep_me VALUES (1)"));
        err = errorOf([&] { here.move(name, ServerAdmin(m_far), name, options()); });
        QVERIFY(err && err->kind() == Error::Kind::Conflict);
        QCOMPARE(scalar(*test::connect(m_far.withDatabase(name)), QStringLiteral("SELECT count(*) FROM keep_me")), 1);
        test::connect(m_far)->exec(QStringLiteral("DROP DATABASE %1").arg(name));
        QVERIFY(rowsOf(serverSettings().withDatabase(name)) == before);
        // No such database here.
        err = errorOf([&] { here.move(name + QStringLiteral("_none"), ServerAdmin(m_far), name + QStringLiteral("_none"), options()); });
        QVERIFY(err);
    }
};

QTEST_GUILESS_MAIN(TestMove)
#include "tst_move.moc"
