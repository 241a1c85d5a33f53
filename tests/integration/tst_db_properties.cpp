// A database comes back as it was, not only its rows: owner, connection limit, who may
// connect, its settings and its roles' settings in it, its comment, its encoding and locale.
// On a game's own database (owned by its application role, work_mem and search_path set,
// limit 25, CONNECT taken from PUBLIC and given to one role by name), every path that drops
// and recreates or restores it is checked against the properties read before: a completed
// reset (of a game's own database and of a weekly one), db restore of a dump, and both ways
// out of db recover (restore, finish) for runs killed past the drop and before it.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/weekly/dbproperties.h"
#include "core/weekly/dump.h"
#include "core/weekly/recovery.h"
#include "core/weekly/serveradmin.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

class TestDbProperties : public QObject
{
    Q_OBJECT

    QTemporaryDir m_backups;
    QString m_app;    // the game's own role, owner of its database
    QString m_viewer; // a role granted CONNECT by name
    QStringList m_databases;

    ActionOptions options() const
    {
        ActionOptions o;
        o.backupDir = m_backups.path();
        o.reason = QStringLiteral("test");
        return o;
    }

    // A database dressed as a game's own: properties nothing would give it by default.
    QString gameDatabase(const QString &hint, bool weekly = false)
    {
        const QString name = weekly ? freshDatabase(hint).database() : emptyDatabase(hint).database();
        m_databases << name;
        auto conn = test::connect(serverSettings());
        const QString db = conn->quoteIdentifier(name);
        for (const QString &sql : {
                 QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(db, m_app),
                 QStringLiteral("ALTER DATABASE %1 SET work_mem = '64MB'").arg(db),
                 QStringLiteral("ALTER DATABASE %1 SET search_path = '$user', public, app").arg(db),
                 QStringLiteral("ALTER ROLE %1 IN DATABASE %2 SET statement_timeout = '5s'").arg(m_app, db),
                 QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT 25").arg(db),
                 QStringLiteral("REVOKE CONNECT, TEMPORARY ON DATABASE %1 FROM PUBLIC").arg(db),
                 QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(db, m_viewer),
                 QStringLiteral("COMMENT ON DATABASE %1 IS 'the game''s own'").arg(db)})
            conn->exec(sql);
        if (!weekly) {
            auto game = test::connect(serverSettings().withDatabase(name));
            game->exec(QStringLiteral("CREATE TABLE public.w (id int PRIMARY KEY)"));
            game->exec(QStringLiteral("INSERT INTO public.w SELECT generate_series(1, 100)"));
        }
        return name;
    }

    DatabaseProperties read(const QString &name)
    {
        auto conn = test::connect(serverSettings());
        return DatabaseProperties::read(*conn, name);
    }

    void checkSame(const DatabaseProperties &before, const QString &name)
    {
        const DatabaseProperties after = read(name);
        const QStringList diff = before.differences(after);
        QVERIFY2(diff.isEmpty(), qPrintable(name + QStringLiteral(": ") + diff.join(QStringLiteral("; "))));
        QCOMPARE(after.owner, m_app);
        QCOMPARE(after.connectionLimit, 25);
        // PUBLIC may not connect; the role granted by name may.
        auto conn = test::connect(serverSettings());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT has_database_privilege('public', $1, 'CONNECT')::int"), {name}), 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT has_database_privilege($2, $1, 'CONNECT')::int"), {name, m_viewer}),
                 1);
    }

    // What a run killed past its drop leaves: its intent (properties and all, as a real run
    // journals them), its dump, and the database gone.
    QString killedAfterDrop(const QString &action, const QString &name)
    {
        const ServerAdmin admin(serverSettings());
        auto conn = test::connect(serverSettings());
        audit::Entry intent{action, name, QStringLiteral("test"), {}, admin.server().displayName()};
        intent.serverId = ServerAdmin::identity(*conn);
        intent.op = QUuid::createUuid().toString(QUuid::WithoutBraces);
        intent.phase = QStringLiteral("intent");
        intent.details = {{"oid", scalar(*conn, QStringLiteral("SELECT oid::bigint FROM pg_database WHERE datname = $1"),
                                         {name})},
                          {"dump", true},
                          {"properties", DatabaseProperties::read(*conn, name).toJson()},
                          {"fence", nlohmann::json::object()}};
        if (!audit::appendToJournal(intent))
            return {};
        audit::Entry dumped = intent;
        dumped.phase = QStringLiteral("dumped");
        dumped.details = {{"dump", dumpDatabase(admin.databaseSettings(name), m_backups.path()).toStdString()}};
        if (!audit::appendToJournal(dumped))
            return {};
        conn->exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(conn->quoteIdentifier(name)));
        return intent.op;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString suffix = QString::number(QCoreApplication::applicationPid());
        m_app = QStringLiteral("t_relapp_") + suffix;
        m_viewer = QStringLiteral("t_viewer_") + suffix;
        auto conn = test::connect(serverSettings());
        conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_app));
        conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_viewer));
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
        auto conn = test::connect(serverSettings());
        for (const QString &role : {m_app, m_viewer})
            conn->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    }

    void theyAreReadAsTheyAre()
    {
        const QString name = gameDatabase(QStringLiteral("dbp_read"));
        const DatabaseProperties p = read(name);
        QCOMPARE(p.owner, m_app);
        QCOMPARE(p.connectionLimit, 25);
        QCOMPARE(p.comment, QStringLiteral("the game's own"));
        QVERIFY(p.grants.has_value());
        QVERIFY(p.grants->contains(DatabaseProperties::Grant{m_viewer, QStringLiteral("CONNECT"), false}));
        for (const DatabaseProperties::Grant &g : *p.grants)
            QVERIFY2(!g.grantee.isEmpty(), "PUBLIC has nothing");
        QCOMPARE(p.settings.size(), 2); // the database's own, and the application role's
        // Through JSON (the journal) and back, nothing is lost.
        const auto again = DatabaseProperties::fromJson(p.toJson());
        QVERIFY(again);
        QVERIFY2(p.differences(*again).isEmpty(), qPrintable(p.differences(*again).join(QStringLiteral("; "))));
        // The list setting keeps its elements apart.
        bool searchPath = false;
        for (const QString &c : p.settings.first().configs)
            searchPath = searchPath || c.startsWith(QLatin1String("search_path="));
        QVERIFY(searchPath);
    }

    void aCompletedResetKeepsThem()
    {
        const ServerAdmin admin(serverSettings());
        for (bool weekly : {false, true}) {
            const QString name = gameDatabase(weekly ? QStringLiteral("dbp_wreset") : QStringLiteral("dbp_reset"), weekly);
            const DatabaseProperties before = read(name);
            const ActionResult r = admin.reset(name, name, options());
            QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QStringLiteral("; "))));
            checkSame(before, name);
        }
    }

    void dbRestoreOfADumpPutsThemBack()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = gameDatabase(QStringLiteral("dbp_drop"));
        const DatabaseProperties before = read(name);
        const ActionResult dropped = admin.drop(name, name, options());
        QVERIFY(!admin.exists(name));
        // The CLI's db restore finds them with the run that took the dump.
        const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("restore"), QStringLiteral("--server"),
                                   serverSettings().storableString(), QStringLiteral("--name"), name,
                                   QStringLiteral("--from"), dropped.dumpPath});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        checkSame(before, name);
    }

    void bothWaysOutOfAKilledRunPutThemBack()
    {
        const ServerAdmin admin(serverSettings());
        const Recovery recovery(admin);
        // Past the drop, restored.
        const QString restored = gameDatabase(QStringLiteral("dbp_krestore"));
        const DatabaseProperties before1 = read(restored);
        const QString op1 = killedAfterDrop(QStringLiteral("drop"), restored);
        QVERIFY(!op1.isEmpty());
        recovery.restore(op1, restored, QStringLiteral("put back"));
        checkSame(before1, restored);
        QCOMPARE(scalar(*test::connect(serverSettings().withDatabase(restored)), QStringLiteral("SELECT count(*) FROM public.w")),
                 100);

        // A reset past the drop, finished: restored, then reset for real.
        const QString finished = gameDatabase(QStringLiteral("dbp_kfinish"));
        const DatabaseProperties before2 = read(finished);
        const QString op2 = killedAfterDrop(QStringLiteral("reset"), finished);
        QVERIFY(!op2.isEmpty());
        recovery.finish(op2, finished, QStringLiteral("finish"));
        checkSame(before2, finished);
        QCOMPARE(scalar(*test::connect(serverSettings().withDatabase(finished)), QStringLiteral("SELECT count(*) FROM public.w")),
                 0);

        // Killed before the drop (the fence up), restored: the fence comes down exactly.
        const QString fenced = gameDatabase(QStringLiteral("dbp_kfence"));
        const DatabaseProperties before3 = read(fenced);
        QString why;
        const QString op3 = runCliKilledWhileDumping(
            {QStringLiteral("db"), QStringLiteral("drop"), QStringLiteral("--server"), serverSettings().storableString(),
             QStringLiteral("--name"), fenced, QStringLiteral("--confirm"), fenced, QStringLiteral("--backup-dir"),
             m_backups.path()},
            fenced, &why);
        QVERIFY2(!op3.isEmpty(), qPrintable(why));
        QCOMPARE(read(fenced).connectionLimit, 0);
        recovery.restore(op3, fenced, QStringLiteral("put back"));
        checkSame(before3, fenced);
    }
};

QTEST_GUILESS_MAIN(TestDbProperties)
#include "tst_db_properties.moc"
