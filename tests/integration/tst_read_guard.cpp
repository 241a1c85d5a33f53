// Reading can never act on the server. Every escape a reliability campaign found through the
// read-only paths (`query --sql`, `metrics sql`) is tried here three ways, through the real
// statescope-cli: as a superuser with no reader login (refused before sending, exit 2), as a
// superuser whose reading sessions use its reader login (the server refuses: exit 1), and as
// a role that is not a superuser (the server refuses: exit 1). After each, the side effect it
// aimed at is looked for with a connection of the test's own: no file written, no slot, no
// row inserted elsewhere, no session terminated (where it can be seen; the server controls
// such as CHECKPOINT are checked by the refusal itself). Also: what a statement leaves
// on its server session (an advisory lock) is gone when the command ends, through PgBouncer
// too (the pass NAME.pgbouncer).

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/console.h"
#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace statescope;
using namespace statescope::test;

namespace {

struct Escape
{
    QString name;
    QString sql;
    // True when the escape did what it aimed at (checked after every run).
    std::function<bool()> happened;
};

} // namespace

class TestReadGuard : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QString m_superuser; // a superuser without a reader login
    QString m_plain;     // a role that is not a superuser
    QTemporaryDir m_dir;
    std::unique_ptr<pg::Connection> m_admin; // the test's own (read-write, direct)
    std::unique_ptr<pg::Connection> m_victim; // a session the escapes try to stop
    int m_victimPid = 0;
    qint64 m_largeObject = 0;
    bool m_dblink = false;
    QList<Escape> m_escapes;

    // Over TCP the server requires SCRAM passwords (the sandbox's host rule); the roles'
    // passwords are in a password file, as a user would keep them.
    bool m_tcp = false;
    QString m_tcpSuper; // a superuser with a password and a reader login with one
    QTemporaryDir m_home;

    pg::ConnectionSettings as(const QString &role) const
    {
        pg::ConnectionSettings s = m_db;
        s.setValue(QStringLiteral("user"), role);
        if (m_tcp) {
            const QString port = directServerSettings().value(QStringLiteral("port"));
            s.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
            s.setValue(QStringLiteral("port"), port.isEmpty() ? QStringLiteral("5432") : port);
        }
        return s;
    }
    // A superuser that has its reader login: the sandbox's own, or over TCP one with passwords.
    QString readerSuper() const { return m_tcp ? m_tcpSuper : directServerSettings().value(QStringLiteral("user")); }

    static void transports()
    {
        QTest::addColumn<bool>("tcp");
        QTest::newRow("socket") << false;
        QTest::newRow("tcp, scram") << true;
    }

    QString file(const QString &name) const { return m_dir.filePath(name); }
    // A program for COPY ... TO PROGRAM that leaves the file `name`. It reads what the server
    // writes to it: one that exits first fails the COPY with a broken pipe whenever it wins
    // that race (seen on a fresh machine: "could not close pipe to external command").
    QString touching(const QString &name) const { return QStringLiteral("touch %1; cat >/dev/null").arg(file(name)); }

    bool victimAlive()
    {
        // Its pid still there, and the victim itself still answers.
        const auto direct = test::connect(directServerSettings());
        return scalar(*direct, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1"),
                      {m_victimPid}) == 1;
    }

    // Runs one escape through the CLI as `role`; returns the run.
    CliRun attempt(const QString &role, const Escape &e, const QString &command = QStringLiteral("query"))
    {
        QStringList args;
        if (command == QLatin1String("query"))
            args << QStringLiteral("query");
        else
            args << QStringLiteral("metrics") << QStringLiteral("sql");
        args << QStringLiteral("--db") << as(role).storableString() << QStringLiteral("--sql") << e.sql
             << QStringLiteral("--json");
        return runCli(args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_dir.isValid());
        // The server (running as another user when the tests run as root) may write here.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                | QFileDevice::WriteOther | QFileDevice::ExeOther);
        m_db = emptyDatabase(QStringLiteral("guard"));
        m_admin = test::connect(directServerSettings().withDatabase(m_db.database()));
        const QString suffix = QString::number(QCoreApplication::applicationPid());
        m_superuser = QStringLiteral("t_guard_super_") + suffix;
        m_plain = QStringLiteral("t_guard_plain_") + suffix;
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER").arg(m_superuser));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_plain));
        m_admin->exec(QStringLiteral("CREATE TABLE public.t (id int)"));
        m_admin->exec(QStringLiteral("GRANT SELECT ON public.t TO %1").arg(m_plain));
        m_largeObject = scalar(*m_admin, QStringLiteral("SELECT lo_from_bytea(0, 'secret')"));
        m_dblink = m_admin->exec(QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = 'dblink'"))
                       .toInt(0, 0)
                   > 0;
        if (m_dblink)
            m_admin->exec(QStringLiteral("CREATE EXTENSION dblink"));
        m_victim = test::connect(directServerSettings().withDatabase(m_db.database()));
        m_victimPid = m_victim->backendPid();

        const QString slot = QStringLiteral("t_guard_slot_") + suffix;
        const QString inner = QStringLiteral("dbname=%1 user=%2").arg(m_db.database(), directServerSettings().value(QStringLiteral("user")));
        const QString host = directServerSettings().value(QStringLiteral("host"));
        const QString port = directServerSettings().value(QStringLiteral("port"));
        const QString dblinkConn = QStringLiteral("%1 host=%2%3").arg(inner, host,
                                                                      port.isEmpty() ? QString() : QStringLiteral(" port=") + port);
        m_escapes = {
            {QStringLiteral("copy to program"),
             QStringLiteral("COPY (SELECT 1) TO PROGRAM '%1'").arg(touching(QStringLiteral("program"))),
             [this] { return QFileInfo::exists(file(QStringLiteral("program"))); }},
            {QStringLiteral("copy to server file"),
             QStringLiteral("COPY (SELECT 1) TO '%1'").arg(file(QStringLiteral("copied"))),
             [this] { return QFileInfo::exists(file(QStringLiteral("copied"))); }},
            {QStringLiteral("lo_export"),
             QStringLiteral("SELECT lo_export(%1, '%2')").arg(m_largeObject).arg(file(QStringLiteral("lo"))),
             [this] { return QFileInfo::exists(file(QStringLiteral("lo"))); }},
            {QStringLiteral("replication slot"),
             QStringLiteral("SELECT pg_create_physical_replication_slot('%1')").arg(slot),
             [this, slot] {
                 return scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1"),
                               {slot}) > 0;
             }},
            {QStringLiteral("terminate"), QStringLiteral("SELECT pg_terminate_backend(%1)").arg(m_victimPid),
             [this] { return !victimAlive(); }},
            {QStringLiteral("cancel"), QStringLiteral("SELECT pg_cancel_backend(%1)").arg(m_victimPid),
             [] { return false; }},
            {QStringLiteral("reload"), QStringLiteral("SELECT pg_reload_conf()"), [] { return false; }},
            {QStringLiteral("switch wal"), QStringLiteral("SELECT pg_switch_wal()"), [] { return false; }},
            {QStringLiteral("checkpoint"), QStringLiteral("CHECKPOINT"), [] { return false; }},
            {QStringLiteral("do block resetting the role"),
             QStringLiteral("DO $$ BEGIN RESET ROLE; PERFORM pg_terminate_backend(%1); END $$").arg(m_victimPid),
             [this] { return !victimAlive(); }},
            {QStringLiteral("set_config role"),
             QStringLiteral("SELECT set_config('role', '%1', true), pg_terminate_backend(%2)")
                 .arg(directServerSettings().value(QStringLiteral("user")))
                 .arg(m_victimPid),
             [this] { return !victimAlive(); }},
            {QStringLiteral("quoted and qualified"),
             QStringLiteral("SELECT \"pg_catalog\".\"pg_terminate_backend\"(%1)").arg(m_victimPid),
             [this] { return !victimAlive(); }},
            {QStringLiteral("sql given as text"),
             QStringLiteral("SELECT query_to_xml('COPY (SELECT 1) TO PROGRAM ''%1''', true, false, '')")
                 .arg(touching(QStringLiteral("xml"))),
             [this] { return QFileInfo::exists(file(QStringLiteral("xml"))); }},
        };
        // Passwords for TCP: the guarded superuser's, and a second superuser whose reader
        // login is made with a password through the CLI over TCP (the verifier made on the
        // connection) and kept in the password file.
        m_tcpSuper = QStringLiteral("t_guard_tcpsu_") + suffix;
        m_admin->exec(QStringLiteral("ALTER ROLE %1 PASSWORD 'guard secret'").arg(m_superuser));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD 'tcp secret'").arg(m_tcpSuper));
        QVERIFY(m_home.isValid());
        const QString pgpass = m_home.filePath(QStringLiteral("pgpass"));
        {
            QFile f(pgpass);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("127.0.0.1:*:*:%1:guard secret\n127.0.0.1:*:*:%2:tcp secret\n127.0.0.1:*:*:%3:its reader\n")
                        .arg(m_superuser, m_tcpSuper, pg::readerRoleName(m_tcpSuper))
                        .toUtf8());
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        qputenv("PGPASSFILE", QFile::encodeName(pgpass));
        qputenv("T_GUARD_READER_PW", "its reader");
        m_tcp = true;
        const CliRun made = runCli({QStringLiteral("db"), QStringLiteral("reader"), QStringLiteral("--server"),
                                    as(m_tcpSuper).storableString(), QStringLiteral("--create"), QStringLiteral("--confirm"),
                                    pg::readerRoleName(m_tcpSuper), QStringLiteral("--password-env"),
                                    QStringLiteral("T_GUARD_READER_PW"), QStringLiteral("--json")});
        m_tcp = false;
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        if (m_dblink)
            m_escapes << Escape{QStringLiteral("dblink_exec"),
                                QStringLiteral("SELECT dblink_exec('%1', 'INSERT INTO public.t VALUES (99)')").arg(dblinkConn),
                                [this] { return scalar(*m_admin, QStringLiteral("SELECT count(*) FROM public.t WHERE id = 99")) > 0; }};
    }

    void init() { m_tcp = false; } // a failed TCP row leaves the next test on the socket

    void cleanupTestCase()
    {
        m_victim.reset();
        m_admin.reset();
        dropDatabase(m_db.database());
        auto conn = test::connect(directServerSettings());
        for (const QString &role : {m_superuser, m_plain, pg::readerRoleName(m_tcpSuper), m_tcpSuper})
            conn->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        qunsetenv("PGPASSFILE");
    }

    void theGuardNamesWhatCouldAct_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("refused");
        QTest::newRow("do") << "do $$ begin null; end $$" << true;
        QTest::newRow("do after comment") << "/* x */ -- y\n DO 'begin null; end'" << true;
        QTest::newRow("set role") << "SET ROLE postgres" << true;
        QTest::newRow("set local role") << "set local role postgres" << true;
        QTest::newRow("reset role") << "RESET ROLE" << true;
        QTest::newRow("session authorization") << "SET SESSION AUTHORIZATION postgres" << true;
        QTest::newRow("set_config role") << "select set_config('role', 'x', true)" << true;
        QTest::newRow("set_config expression") << "select set_config('ro' || 'le', 'x', true)" << true;
        QTest::newRow("set_config other") << "select set_config('app.player', 'x', true)" << false;
        QTest::newRow("copy program") << "copy t to program 'x'" << true;
        QTest::newRow("copy file") << "copy (select 1) to '/tmp/x'" << true;
        QTest::newRow("copy stdout") << "copy (select 1) to stdout" << false;
        QTest::newRow("lo_export") << "select lo_export(1, '/tmp/x')" << true;
        QTest::newRow("dblink") << "select * from dblink('x', 'y') as t(a int)" << true;
        QTest::newRow("terminate") << "select pg_terminate_backend(1)" << true;
        QTest::newRow("quoted") << "select \"pg_terminate_backend\"(1)" << true;
        QTest::newRow("unicode name") << "select U&\"pg_terminate_backen\\0064\"(1)" << true;
        QTest::newRow("slot") << "select pg_create_logical_replication_slot('s', 'x')" << true;
        QTest::newRow("reload") << "SELECT pg_reload_conf()" << true;
        QTest::newRow("switch wal") << "SELECT pg_switch_wal()" << true;
        QTest::newRow("checkpoint") << "CHECKPOINT" << true;
        QTest::newRow("query_to_xml") << "select query_to_xml('select 1', true, false, '')" << true;
        QTest::newRow("name in a string") << "select 'pg_terminate_backend(1); do; checkpoint'" << false;
        QTest::newRow("name in a comment") << "select 1 -- pg_reload_conf()" << false;
        QTest::newRow("name in dollar quotes") << "select $x$ copy t to program 'y' $x$" << false;
        QTest::newRow("column named do") << "select \"do\", checkpoint_x from t" << false;
        QTest::newRow("plain select") << "select id from t where id > $1" << false;
        QTest::newRow("uescape") << "select U&\"pg_terminate_backen!0064\" UESCAPE '!'(1)" << true;
        QTest::newRow("quoted role") << "SET \"role\" = 'postgres'" << true;
        QTest::newRow("reindex") << "REINDEX TABLE t" << true;
        QTest::newRow("lock") << "LOCK TABLE t IN ACCESS EXCLUSIVE MODE" << true;
    }

    void theGuardNamesWhatCouldAct()
    {
        QFETCH(QString, sql);
        QFETCH(bool, refused);
        const QStringList found = browse::SqlGuard::findings(sql);
        QVERIFY2(found.isEmpty() != refused, qPrintable(found.join(QStringLiteral("; "))));
    }

    void stringsAreReadAsTheServerReadsThem()
    {
        // With standard_conforming_strings off, a backslash escapes a quote in '...': read the
        // standard way, the call below sits inside a string; read as such a server reads it, it
        // is a call.
        const QString sql = QStringLiteral("SELECT '\\', ' , pg_terminate_backend(1) , '\\''");
        QVERIFY(browse::SqlGuard::findings(sql, true).isEmpty());
        QVERIFY(!browse::SqlGuard::findings(sql, false).isEmpty());
    }

    void transactionControlIsNeverTypedSql()
    {
        for (const char *sql : {"COMMIT", "rollback", "begin read write", "PREPARE TRANSACTION 'x'", "savepoint s",
                                "select 1; commit"})
            QVERIFY2(!browse::SqlGuard::transactionControl(QString::fromLatin1(sql)).isEmpty(), sql);
        for (const char *sql : {"select 'commit'", "PREPARE q AS SELECT 1", "select begin from t"})
            QVERIFY2(browse::SqlGuard::transactionControl(QString::fromLatin1(sql)).isEmpty(), sql);
        // Whoever reads: a plain role too.
        const CliRun run = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(m_plain).storableString(),
                                   QStringLiteral("--sql"), QStringLiteral("PREPARE TRANSACTION 'statescope_t'")});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QCOMPARE(scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_prepared_xacts WHERE gid = 'statescope_t'")), 0);
    }

    void aUserTransactionLeavesNoLockOnItsSession()
    {
        // In process, the session kept open after the statement (as a pooler keeps it): the
        // advisory lock the statement took is gone once its transaction ended, as is a
        // prepared statement.
        const QString key = QString::number(800000 + QCoreApplication::applicationPid() % 100000);
        auto conn = pg::Connection::open(directServerSettings().withDatabase(m_db.database()),
                                         pg::Connection::Access::ReadOnly);
        const int pid = scalar(*conn, QStringLiteral("SELECT pg_backend_pid()"));
        browse::Console::runCommand(*conn, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key), 0);
        browse::Console::runCommand(*conn, QStringLiteral("PREPARE statescope_leftover AS SELECT 1"), 0);
        QVERIFY(errorOf([&] { browse::Console::runCommand(*conn, QStringLiteral("SELECT pg_advisory_lock(%1), 1/(random()*0)::int").arg(key), 0); }));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT pg_backend_pid()")), pid); // the same session
        QCOMPARE(scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 "
                                                 "AND pid = $2"),
                        {key, pid}),
                 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE name = 'statescope_leftover'")), 0);
    }

    void theCleanupLeavesAnotherClientsLocksAlone()
    {
        // Through PgBouncer in transaction mode, one server session serves many clients: what
        // it held before our statement is another client's (a session advisory lock, a
        // prepared statement) and must stay; what the statement took (a lock taken three
        // times, a shared one, one of two integer keys, a prepared statement) must go.
        const qint64 base = 900000 + QCoreApplication::applicationPid() % 50000;
        auto conn = pg::Connection::open(directServerSettings().withDatabase(m_db.database()),
                                         pg::Connection::Access::ReadOnly);
        const int pid = scalar(*conn, QStringLiteral("SELECT pg_backend_pid()"));
        conn->exec(QStringLiteral("SELECT pg_advisory_lock($1::bigint)"), {base});
        conn->exec(QStringLiteral("SELECT pg_advisory_lock_shared(7, $1::integer)"), {base});
        conn->exec(QStringLiteral("PREPARE other_client AS SELECT 1"));
        browse::Console::runCommand(*conn,
                                    QStringLiteral("SELECT pg_advisory_lock(%1), pg_advisory_lock(%1), pg_advisory_lock(%1), "
                                                   "pg_advisory_lock_shared(%2), pg_advisory_lock(-5, -%3), "
                                                   "pg_advisory_lock(-4294967296)")
                                        .arg(base + 1)
                                        .arg(base + 2)
                                        .arg(base),
                                    0);
        browse::Console::runCommand(*conn, QStringLiteral("PREPARE ours AS SELECT 2"), 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT pg_backend_pid()")), pid); // the same session
        auto heldBy = [&](const QString &where) {
            return scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = $1 AND ")
                                        + where,
                          {pid});
        };
        QCOMPARE(heldBy(QStringLiteral("objsubid = 1 AND objid = %1").arg(base)), 1);
        QCOMPARE(heldBy(QStringLiteral("objsubid = 2 AND classid = 7 AND objid = %1 AND mode = 'ShareLock'").arg(base)), 1);
        QCOMPARE(heldBy(QStringLiteral("true")), 2); // nothing else
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE name = 'other_client'")), 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE name = 'ours'")), 0);
        // A statement that fails after taking a lock leaves the others alone too.
        QVERIFY(errorOf([&] {
            browse::Console::runCommand(*conn, QStringLiteral("SELECT pg_advisory_lock(%1), 1/0").arg(base + 3), 0);
        }));
        QCOMPARE(heldBy(QStringLiteral("true")), 2);
        conn->exec(QStringLiteral("SELECT pg_advisory_unlock_all()"));
        conn->exec(QStringLiteral("DEALLOCATE other_client"));
    }

    void aSuperuserWithoutAReaderLoginIsRefusedBeforeSending_data() { transports(); }
    void aSuperuserWithoutAReaderLoginIsRefusedBeforeSending()
    {
        QFETCH(bool, tcp);
        m_tcp = tcp;
        for (const Escape &e : std::as_const(m_escapes)) {
            const CliRun run = attempt(m_superuser, e);
            QVERIFY2(run.exitCode == 2, qPrintable(e.name + QStringLiteral(": ") + run.describe()));
            QVERIFY2(run.errorField("message").contains(QStringLiteral("Refused before sending")),
                     qPrintable(e.name + QStringLiteral(": ") + run.describe()));
            QVERIFY2(!e.happened(), qPrintable(e.name));
        }
        // A metric's own SQL goes through the same check.
        const CliRun metric = attempt(m_superuser, m_escapes.first(), QStringLiteral("metrics"));
        QCOMPARE(metric.exitCode, 2);
        QVERIFY(!m_escapes.first().happened());
        // Ordinary reading still works for it.
        const CliRun ok = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(m_superuser).storableString(),
                                  QStringLiteral("--sql"), QStringLiteral("SELECT count(*) AS n FROM public.t")});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
        // And it says which protection is in force.
        const CliRun reader = runCli({QStringLiteral("db"), QStringLiteral("reader"), QStringLiteral("--server"),
                                      as(m_superuser).storableString(), QStringLiteral("--json")});
        QVERIFY2(reader.exitCode == 0, qPrintable(reader.describe()));
        QCOMPARE(reader.json().object().value(QStringLiteral("protection")).toString(),
                 QStringLiteral("superuser, guarded"));
        QCOMPARE(reader.json().object().value(QStringLiteral("exists")).toBool(), false);
        m_tcp = false;
    }

    void aSuperuserReadsThroughItsReaderLoginAndTheServerRefuses_data() { transports(); }
    void aSuperuserReadsThroughItsReaderLoginAndTheServerRefuses()
    {
        // The sandbox's superuser has its reader login (made when the sandbox starts); over
        // TCP, the superuser with passwords whose reader login initTestCase made.
        QFETCH(bool, tcp);
        m_tcp = tcp;
        const QString superuser = readerSuper();
        const CliRun reader = runCli({QStringLiteral("db"), QStringLiteral("reader"), QStringLiteral("--server"),
                                      as(superuser).storableString(), QStringLiteral("--json")});
        QVERIFY2(reader.exitCode == 0, qPrintable(reader.describe()));
        QCOMPARE(reader.json().object().value(QStringLiteral("protection")).toString(), QStringLiteral("reader login"));
        for (const Escape &e : std::as_const(m_escapes)) {
            const CliRun run = attempt(superuser, e);
            QVERIFY2(run.exitCode == 1 && !run.errorField("sqlstate").isEmpty(),
                     qPrintable(e.name + QStringLiteral(": ") + run.describe()));
            QVERIFY2(!e.happened(), qPrintable(e.name));
        }
        // The reader sees what the superuser sees.
        m_admin->exec(QStringLiteral("INSERT INTO public.t VALUES (7)"));
        const CliRun rows = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(superuser).storableString(),
                                    QStringLiteral("--sql"), QStringLiteral("SELECT current_user AS who, count(*) AS n FROM public.t"),
                                    QStringLiteral("--json")});
        QVERIFY2(rows.exitCode == 0, qPrintable(rows.describe()));
        QVERIFY2(rows.out.contains("statescope_reader_"), rows.out.constData());
        QVERIFY2(rows.out.contains("\"n\":1"), rows.out.constData());
        if (tcp) {
            // Over TCP indeed (where the server asks for the reader's password).
            const CliRun where = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(superuser).storableString(),
                                         QStringLiteral("--sql"), QStringLiteral("SELECT inet_client_addr()::text AS a"),
                                         QStringLiteral("--json")});
            QVERIFY2(where.exitCode == 0 && where.out.contains("127.0.0.1"), qPrintable(where.describe()));
        }
        m_admin->exec(QStringLiteral("DELETE FROM public.t"));
        m_tcp = false;
    }

    void objectsInTheDatabaseThatWouldActAreRefused_data() { transports(); }
    void objectsInTheDatabaseThatWouldActAreRefused()
    {
        QFETCH(bool, tcp);
        m_tcp = tcp;
        for (const QString &made : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(file(made));
        // What the database already holds: a function that runs a program, a view over it, a
        // view over a built-in that reads server files, a SECURITY DEFINER function of a
        // superuser, a file_fdw table that runs a program. Read as a superuser without a
        // reader login (guarded), each is refused before anything runs; read through the
        // reader login, what would run with a superuser's rights is refused and the rest is
        // left to the server's privileges; allowed by name, it runs.
        // Whatever the end, nothing is left for the next transport's run (a check that fails
        // half-way must not make the next one fail on "already exists").
        const auto dropAll = [&] {
            m_admin->exec(QStringLiteral("DROP VIEW IF EXISTS public.t_view_of_view, public.t_touch_view, public.t_files, "
                                         "public.\"table\""));
            m_admin->exec(QStringLiteral("DROP FUNCTION IF EXISTS public.\"order\"(text), public.t_touch(text), public.t_definer()"));
            m_admin->exec(QStringLiteral("DROP SERVER IF EXISTS t_guard_files CASCADE"));
            runCli({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("--forget-object"),
                    QStringLiteral("public.t_touch(what text)")});
        };
        dropAll();
        const auto cleanup = qScopeGuard(dropAll);
        m_admin->exec(QStringLiteral("CREATE FUNCTION public.t_touch(what text) RETURNS int LANGUAGE plpgsql AS $f$ "
                                     "BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', what); RETURN 1; END $f$"));
        m_admin->exec(QStringLiteral("CREATE VIEW public.t_touch_view AS SELECT public.t_touch('%1') AS x")
                          .arg(touching(QStringLiteral("via_view"))));
        m_admin->exec(QStringLiteral("CREATE VIEW public.t_view_of_view AS SELECT x FROM public.t_touch_view"));
        m_admin->exec(QStringLiteral("CREATE VIEW public.t_files AS SELECT pg_read_file('PG_VERSION') AS f"));
        m_admin->exec(QStringLiteral("CREATE FUNCTION public.t_definer() RETURNS int SECURITY DEFINER LANGUAGE plpgsql "
                                     "AS $f$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); RETURN 1; END $f$")
                          .arg(touching(QStringLiteral("definer"))));
        const bool fileFdw = scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = "
                                                             "'file_fdw'")) > 0;
        if (fileFdw) {
            m_admin->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS file_fdw"));
            m_admin->exec(QStringLiteral("CREATE SERVER t_guard_files FOREIGN DATA WRAPPER file_fdw"));
            m_admin->exec(QStringLiteral("CREATE FOREIGN TABLE public.t_prog (x text) SERVER t_guard_files OPTIONS "
                                         "(program 'touch %1; echo 1')")
                              .arg(file(QStringLiteral("fdw"))));
        }
        const auto run = [&](const QString &role, const QString &sql, const QStringList &extra = {}) {
            return runCli(QStringList{QStringLiteral("query"), QStringLiteral("--db"), as(role).storableString(),
                                      QStringLiteral("--sql"), sql, QStringLiteral("--json")}
                          + extra);
        };
        struct Case
        {
            QString sql, names, made;
        };
        QList<Case> cases{
            {QStringLiteral("SELECT public.t_touch('%1')").arg(touching(QStringLiteral("direct"))),
             QStringLiteral("public.t_touch(what text)"), QStringLiteral("direct")},
            {QStringLiteral("SELECT * FROM public.t_touch_view"), QStringLiteral("public.t_touch(what text)"),
             QStringLiteral("via_view")},
            {QStringLiteral("SELECT * FROM t_view_of_view"), QStringLiteral("public.t_touch(what text)"),
             QStringLiteral("via_view")},
            {QStringLiteral("SELECT * FROM public.t_files"), QStringLiteral("pg_read_file"), QString()},
            {QStringLiteral("SELECT public.t_definer()"), QStringLiteral("public.t_definer()"), QStringLiteral("definer")}};
        if (fileFdw)
            cases << Case{QStringLiteral("SELECT * FROM public.t_prog"), QStringLiteral("public.t_prog"),
                          QStringLiteral("fdw")};
        // Names that are reserved words unquoted: looked up all the same where they can name
        // an object (quoted, or after a schema's dot), though the guard skips bare key words.
        m_admin->exec(QStringLiteral("CREATE VIEW public.\"table\" AS SELECT public.t_touch('%1') AS x")
                          .arg(touching(QStringLiteral("reserved_view"))));
        m_admin->exec(QStringLiteral("CREATE FUNCTION public.\"order\"(what text) RETURNS int LANGUAGE sql "
                                     "AS $f$ SELECT public.t_touch(what) $f$"));
        cases << Case{QStringLiteral("SELECT * FROM public.table"), QStringLiteral("public.t_touch(what text)"),
                      QStringLiteral("reserved_view")}
              << Case{QStringLiteral("SELECT public.\"order\"('%1')").arg(touching(QStringLiteral("reserved_fn"))),
                      QStringLiteral("public.order(what text)"), QStringLiteral("reserved_fn")};
        // Guarded: every one refused, naming the object, nothing run.
        for (const Case &c : std::as_const(cases)) {
            const CliRun r = run(m_superuser, c.sql);
            QVERIFY2(r.exitCode == 2, qPrintable(c.sql + QLatin1Char(' ') + r.describe()));
            QVERIFY2(r.errorField("message").contains(c.names), qPrintable(c.sql + QLatin1Char(' ') + r.describe()));
            if (!c.made.isEmpty())
                QVERIFY2(!QFileInfo::exists(file(c.made)), qPrintable(c.sql));
        }
        // Through rows (a view read by name) and rows diff too.
        const CliRun rows = runCli({QStringLiteral("rows"), QStringLiteral("--db"), as(m_superuser).storableString(),
                                    QStringLiteral("--table"), QStringLiteral("public.t_touch_view"), QStringLiteral("--json")});
        QVERIFY2(rows.exitCode == 2 && rows.errorField("message").contains(QLatin1String("public.t_touch")),
                 qPrintable(rows.describe()));
        const CliRun diff = runCli({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"),
                                    as(m_superuser).storableString(), QStringLiteral("--db"), as(m_superuser).storableString(),
                                    QStringLiteral("--table"), QStringLiteral("public.t_touch_view"), QStringLiteral("--key"),
                                    QStringLiteral("x"), QStringLiteral("--json")});
        QVERIFY2(diff.exitCode == 2, qPrintable(diff.describe()));
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("via_view"))));
        // Consent, by the name the refusal gave: it runs (and so it would have, unrefused).
        const CliRun allowed = run(m_superuser, cases[0].sql, {QStringLiteral("--allow"), QStringLiteral("public.t_touch(what text)")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QVERIFY(QFileInfo::exists(file(QStringLiteral("direct"))));
        // Through the reader login: a superuser's SECURITY DEFINER function and the program
        // table are refused; a plain function runs as the reader, and the server refuses its
        // COPY TO PROGRAM.
        const QString superuser = readerSuper();
        const CliRun definer = run(superuser, cases[4].sql);
        QVERIFY2(definer.exitCode == 2 && definer.errorField("message").contains(QLatin1String("SECURITY DEFINER")),
                 qPrintable(definer.describe()));
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("definer"))));
        if (fileFdw) {
            const CliRun prog = run(superuser, QStringLiteral("SELECT * FROM public.t_prog"));
            QVERIFY2(prog.exitCode == 2, qPrintable(prog.describe()));
            QVERIFY(!QFileInfo::exists(file(QStringLiteral("fdw"))));
        }
        const CliRun plain = run(superuser, QStringLiteral("SELECT * FROM public.t_touch_view"));
        QVERIFY2(plain.exitCode == 1 && !plain.errorField("sqlstate").isEmpty(), qPrintable(plain.describe()));
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("via_view"))));
        // Ordinary reads of ordinary tables are not touched.
        QCOMPARE(run(m_superuser, QStringLiteral("SELECT count(*) AS n FROM public.t")).exitCode, 0);
        // Consent kept in the settings (the window's and every command's): the view runs
        // without --allow, until the consent is taken back.
        const CliRun kept = runCli({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("--allow-object"),
                                    QStringLiteral("public.t_touch(what text)"), QStringLiteral("--json")});
        QVERIFY2(kept.exitCode == 0, qPrintable(kept.describe()));
        const CliRun consented = run(m_superuser, QStringLiteral("SELECT * FROM public.t_touch_view"));
        QVERIFY2(consented.exitCode == 0, qPrintable(consented.describe()));
        QVERIFY(QFileInfo::exists(file(QStringLiteral("via_view"))));
        QVERIFY(runCli({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("--forget-object"),
                        QStringLiteral("public.t_touch(what text)")})
                    .exitCode
                == 0);
        QCOMPARE(run(m_superuser, QStringLiteral("SELECT * FROM public.t_touch_view")).exitCode, 2);
        m_tcp = false;
    }

    void operatorsAndCastsThatCallUserCodeAreRefused()
    {
        // Code reached without a function's name in the text: an operator and a cast whose
        // functions run a program. Guarded, both are refused by name, nothing run; PostgreSQL's
        // own operators and casts are not.
        m_admin->exec(QStringLiteral("CREATE FUNCTION public.t_op_touch(a int, b int) RETURNS int LANGUAGE plpgsql AS $f$ "
                                     "BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); RETURN a + b; END $f$")
                          .arg(touching(QStringLiteral("op"))));
        m_admin->exec(QStringLiteral("CREATE OPERATOR public.#+# (LEFTARG = int, RIGHTARG = int, FUNCTION = public.t_op_touch)"));
        m_admin->exec(QStringLiteral("CREATE TYPE public.t_mood AS ENUM ('calm')"));
        m_admin->exec(QStringLiteral("CREATE FUNCTION public.t_cast_touch(x int) RETURNS public.t_mood LANGUAGE plpgsql AS $f$ "
                                     "BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); RETURN 'calm'; END $f$")
                          .arg(touching(QStringLiteral("cast"))));
        m_admin->exec(QStringLiteral("CREATE CAST (int AS public.t_mood) WITH FUNCTION public.t_cast_touch(int)"));
        const auto query = [&](const QString &sql) {
            return runCli({QStringLiteral("query"), QStringLiteral("--db"), as(m_superuser).storableString(),
                           QStringLiteral("--sql"), sql, QStringLiteral("--json")});
        };
        const CliRun op = query(QStringLiteral("SELECT 1#+#2 AS x"));
        QVERIFY2(op.exitCode == 2 && op.errorField("message").contains(QLatin1String("operator public.#+#(integer, integer)")),
                 qPrintable(op.describe()));
        const CliRun cast = query(QStringLiteral("SELECT CAST(1 AS t_mood) AS m"));
        QVERIFY2(cast.exitCode == 2 && cast.errorField("message").contains(QLatin1String("cast (integer AS t_mood)")),
                 qPrintable(cast.describe()));
        const CliRun colons = query(QStringLiteral("SELECT 1::public.t_mood AS m"));
        QCOMPARE(colons.exitCode, 2);
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("op"))));
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("cast"))));
        // PostgreSQL's own: untouched.
        // (A type named in the text is read as a cast to it from anything: 'calm'::t_mood is
        // refused too while a user's cast to t_mood exists.)
        const CliRun own = query(QStringLiteral("SELECT 1 + 2 AS x, '{\"a\": 1}'::jsonb -> 'a' AS a, 2 >= 1 AS b"));
        QVERIFY2(cast.errorField("hint").contains(QLatin1String("--allow 'cast (integer AS t_mood)'")),
                 qPrintable(cast.describe()));
        QVERIFY2(own.exitCode == 0, qPrintable(own.describe()));
        // Allowed by name, the operator runs (so it would have, unrefused).
        const CliRun allowed = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(m_superuser).storableString(),
                                       QStringLiteral("--sql"), QStringLiteral("SELECT 1 #+# 2 AS x"), QStringLiteral("--allow"),
                                       QStringLiteral("operator public.#+#(integer, integer)"), QStringLiteral("--json")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QVERIFY(QFileInfo::exists(file(QStringLiteral("op"))));
        m_admin->exec(QStringLiteral("DROP CAST (int AS public.t_mood)"));
        m_admin->exec(QStringLiteral("DROP OPERATOR public.#+# (int, int)"));
        m_admin->exec(QStringLiteral("DROP FUNCTION public.t_op_touch(int, int), public.t_cast_touch(int)"));
        m_admin->exec(QStringLiteral("DROP TYPE public.t_mood"));
    }

    void aPlainRoleIsRefusedByTheServer()
    {
        for (const Escape &e : std::as_const(m_escapes)) {
            const CliRun run = attempt(m_plain, e);
            QVERIFY2(run.exitCode == 1 && !run.errorField("sqlstate").isEmpty(),
                     qPrintable(e.name + QStringLiteral(": ") + run.describe()));
            QVERIFY2(!e.happened(), qPrintable(e.name));
        }
    }

    void aStatementLeavesNothingOnItsServerSession()
    {
        // Session advisory locks survive a rollback; through PgBouncer the next client of that
        // server session would inherit one. The CLI's cleanup releases it before it ends.
        const QString key = QString::number(700000 + QCoreApplication::applicationPid() % 100000);
        for (const QString &role : {directServerSettings().value(QStringLiteral("user")), m_plain, m_superuser}) {
            const CliRun run = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(role).storableString(),
                                       QStringLiteral("--sql"), QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key)});
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            QCOMPARE(scalar(*m_admin,
                            QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1"),
                            {key}),
                     0);
            // A failed statement too (the cleanup runs after going back to the savepoint).
            const CliRun failed = runCli({QStringLiteral("query"), QStringLiteral("--db"), as(role).storableString(),
                                          QStringLiteral("--sql"),
                                          QStringLiteral("SELECT pg_advisory_lock(%1), 1/0").arg(key)});
            QCOMPARE(failed.exitCode, 1);
            QCOMPARE(scalar(*m_admin,
                            QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1"),
                            {key}),
                     0);
        }
    }
};

QTEST_GUILESS_MAIN(TestReadGuard)
#include "tst_read_guard.moc"
