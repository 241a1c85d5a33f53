// Migrator against real databases: history, idempotence, dry runs, drift and repair,
// failures, concurrent migrators, newer schemas, the embedded set, foreign histories.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/migrate/migration.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"

#include <QCryptographicHash>
#include <QTest>
#include <QThread>

#include <optional>
#include <thread>

using namespace statescope;
using namespace statescope::migrate;
using namespace statescope::test;

namespace {

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool relationExists(pg::Connection &conn, const QString &name)
{
    return conn.exec(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {name}).toBool(0, 0);
}

// The embedded V001 creates statescope.audit_log: sets that include it get audited.
QByteArray auditLogMigration()
{
    const Migration *m = MigrationSet::embedded().find(1);
    return m ? m->sql.toUtf8() : QByteArray();
}

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases;

    pg::ConnectionSettings newDatabase(const QString &hint)
    {
        const auto settings = emptyDatabase(hint);
        m_databases << settings.database();
        return settings;
    }

private slots:
    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void freshMigrateAppliesAllInOrderAndRecordsHistory()
    {
        const QByteArray v1 = "CREATE TABLE one (x int);\n";
        const QByteArray v2 = "ALTER TABLE one ADD COLUMN y int;\n";
        const QByteArray v10 = "CREATE TABLE ten (x int);\n";
        // Given out of order on purpose: versions, not list order, decide.
        const MigrationSet set = MigrationSet::fromFiles({{QStringLiteral("V10__ten.sql"), v10},
                                                          {QStringLiteral("V1__one.sql"), v1},
                                                          {QStringLiteral("V2__alter_one.sql"), v2}});
        const Migrator migrator(set);
        auto conn = test::connect(newDatabase(QStringLiteral("mig_fresh")));

        const MigrationReport report = migrator.migrate(*conn);
        QVERIFY(!report.dryRun);
        QCOMPARE(report.fromVersion, 0);
        QCOMPARE(report.toVersion, 10);
        QCOMPARE(report.applied, (QList<int>{1, 2, 10}));
        QVERIFY(relationExists(*conn, QStringLiteral("public.one")));
        QVERIFY(relationExists(*conn, QStringLiteral("public.ten")));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM information_schema.columns "
                                              "WHERE table_name = 'one' AND column_name = 'y'")),
                 1);

        const auto history = conn->exec(QStringLiteral(
            "SELECT version, checksum, success, description, script FROM statescope.schema_history "
            "ORDER BY id"));
        QCOMPARE(history.rowCount(), 3);
        const QList<std::pair<int, QByteArray>> expected = {{1, v1}, {2, v2}, {10, v10}};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(history.toInt(i, 0), expected[i].first);
            QCOMPARE(history.bytes(i, 1), sha256(expected[i].second));
            QVERIFY(history.toBool(i, 2));
        }
        QCOMPARE(history.value(1, 3), QStringLiteral("alter one"));
        QCOMPARE(history.value(1, 4), QStringLiteral("V2__alter_one.sql"));

        const SchemaStatus st = migrator.status(*conn);
        QVERIFY(st.hasHistory);
        QCOMPARE(st.currentVersion, 10);
        QVERIFY(st.pending.isEmpty());
        QVERIFY(st.drift.isEmpty());
        QVERIFY(!st.blocked());
    }

    void secondRunAppliesNothing()
    {
        const MigrationSet set = MigrationSet::fromFiles(
            {{QStringLiteral("V1__t.sql"), "CREATE TABLE t (x int);"},
             {QStringLiteral("V2__row.sql"), "INSERT INTO t VALUES (1);"}});
        const Migrator migrator(set);
        auto conn = test::connect(newDatabase(QStringLiteral("mig_again")));
        QCOMPARE(migrator.migrate(*conn).applied.size(), 2);

        const MigrationReport again = migrator.migrate(*conn);
        QVERIFY(again.applied.isEmpty());
        QVERIFY(again.pending.isEmpty());
        QCOMPARE(again.fromVersion, 2);
        QCOMPARE(again.toVersion, 2);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM t")), 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history")), 2);
    }

    void dryRunListsPendingAndChangesNothing()
    {
        const MigrationSet set = MigrationSet::fromFiles(
            {{QStringLiteral("V1__a.sql"), "CREATE TABLE dry_a (x int);"},
             {QStringLiteral("V2__b.sql"), "CREATE TABLE dry_b (x int);"}});
        const Migrator migrator(set);
        const auto db = newDatabase(QStringLiteral("mig_dry"));
        auto conn = test::connect(db);

        const MigrationReport report = migrator.migrate(*conn, nullptr, true);
        QVERIFY(report.dryRun);
        QCOMPARE(report.pending.size(), 2);
        QCOMPARE(report.pending[0].version, 1);
        QCOMPARE(report.pending[1].version, 2);
        QVERIFY(report.applied.isEmpty());
        QCOMPARE(report.toVersion, 0);
        QVERIFY(!relationExists(*conn, QStringLiteral("statescope.schema_history")));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = "
                                              "'statescope'")),
                 0);
        QVERIFY(!relationExists(*conn, QStringLiteral("public.dry_a")));

        // A dry run also works on a read-only session.
        auto ro = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
        QCOMPARE(migrator.migrate(*ro, nullptr, true).pending.size(), 2);
        // A real migration on a read-only session is refused before anything is sent.
        QVERIFY(errorOf([&] { migrator.migrate(*ro); }));
        QVERIFY(!relationExists(*conn, QStringLiteral("public.dry_a")));
    }

    void driftBlocksUntilRepaired()
    {
        const QByteArray v1 = auditLogMigration();
        QVERIFY(!v1.isEmpty());
        const QByteArray v2 = "CREATE TABLE drift_t (x int);\n";
        const QByteArray v2changed = "CREATE TABLE drift_t (x int, y int);\n";
        const QByteArray v3 = "CREATE TABLE drift_new (x int);\n";
        const MigrationSet setA = MigrationSet::fromFiles(
            {{QStringLiteral("V1__audit.sql"), v1}, {QStringLiteral("V2__t.sql"), v2}});
        const MigrationSet setB = MigrationSet::fromFiles({{QStringLiteral("V1__audit.sql"), v1},
                                                           {QStringLiteral("V2__t.sql"), v2changed},
                                                           {QStringLiteral("V3__new.sql"), v3}});
        auto conn = test::connect(newDatabase(QStringLiteral("mig_drift")));
        QCOMPARE(Migrator(setA).migrate(*conn).applied, (QList<int>{1, 2}));

        const Migrator migratorB(setB);
        const SchemaStatus st = migratorB.status(*conn);
        QCOMPARE(st.drift.size(), 1);
        QCOMPARE(st.drift[0].version, 2);
        QCOMPARE(st.drift[0].recorded, sha256(v2));
        QCOMPARE(st.drift[0].current, sha256(v2changed));
        QCOMPARE(st.pending.size(), 1);
        QCOMPARE(st.pending[0].version, 3);
        QVERIFY(st.blocked());
        QVERIFY(Migrator::describe(st).contains(QLatin1String("V2")));

        const qint64 historyBefore =
            scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history"));
        const auto blocked = errorOf([&] { migratorB.migrate(*conn); });
        QVERIFY(blocked);
        QCOMPARE(blocked->kind(), Error::Kind::Conflict);
        QVERIFY(!relationExists(*conn, QStringLiteral("public.drift_new")));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history")),
                 historyBefore);

        const QList<Drift> repaired = migratorB.repair(*conn, QStringLiteral("reviewed the change"));
        QCOMPARE(repaired.size(), 1);
        QCOMPARE(repaired[0].version, 2);
        const auto audit = conn->exec(QStringLiteral(
            "SELECT reason, details->'versions'->0->>'version', details->'versions'->0->>'accepted' "
            "FROM statescope.audit_log WHERE action = 'repair'"));
        QCOMPARE(audit.rowCount(), 1);
        QCOMPARE(audit.value(0, 0), QStringLiteral("reviewed the change"));
        QCOMPARE(audit.value(0, 1), QStringLiteral("2"));
        QCOMPARE(audit.value(0, 2), QString::fromLatin1(sha256(v2changed)));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history "
                                              "WHERE version = 2 AND success AND checksum = $1"),
                        {sha256(v2changed)}),
                 1);

        QVERIFY(!migratorB.status(*conn).blocked());
        const MigrationReport report = migratorB.migrate(*conn);
        QCOMPARE(report.applied, (QList<int>{3}));
        QVERIFY(relationExists(*conn, QStringLiteral("public.drift_new")));
        // V2 was accepted, not re-run: the column it would add now is absent.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM information_schema.columns "
                                              "WHERE table_name = 'drift_t' AND column_name = 'y'")),
                 0);
        // Nothing left to repair.
        QVERIFY(migratorB.repair(*conn, QStringLiteral("again")).isEmpty());
    }

    void aMigrationKilledMidwayLeavesNothing()
    {
        // The first migration of an empty database, killed while it runs (its session cut
        // off, as when the CLI is killed): not even the bookkeeping schema is left, so the
        // database is exactly as it was (db audit and db status on it still work).
        const QString key = QString::number(5000000 + QCoreApplication::applicationPid());
        const MigrationSet slow = MigrationSet::fromFiles(
            {{QStringLiteral("V1__waits.sql"),
              QStringLiteral("CREATE TABLE w1 (x int); SELECT pg_advisory_xact_lock(%1);").arg(key).toUtf8()}});
        const auto db = newDatabase(QStringLiteral("mig_kill"));
        // The lock's holder talks to the server itself: a session lock must stay on its session.
        auto holder = test::connect(directServerSettings().withDatabase(db.database()));
        holder->exec(QStringLiteral("SELECT pg_advisory_lock($1)"), {key});
        auto conn = test::connect(db);
        std::optional<Error> failure;
        std::thread migrating([&] { failure = errorOf([&] { Migrator(slow).migrate(*conn); }); });
        // Wait until it waits on the lock, inside its transaction, then cut it off (found by
        // the lock it waits for: through a pooler its server session is not ours to know).
        const QString waiting = QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                               "AND objid = $1::bigint AND NOT granted");
        for (int i = 0; i < 400 && scalar(*holder, waiting, {key}) == 0; ++i)
            QThread::msleep(25);
        QCOMPARE(scalar(*holder, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
                                                "WHERE locktype = 'advisory' AND objid = $1::bigint AND NOT granted"),
                        {key}),
                 1);
        migrating.join();
        QVERIFY(failure);
        holder->exec(QStringLiteral("SELECT pg_advisory_unlock($1)"), {key});
        QCOMPARE(scalar(*holder, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'statescope'")), 0);
        QVERIFY(!relationExists(*holder, QStringLiteral("public.w1")));
        const CliRun audit = runCli({QStringLiteral("db"), QStringLiteral("audit"), QStringLiteral("--db"),
                                     db.storableString()});
        QVERIFY2(audit.exitCode == 0, qPrintable(audit.describe()));
    }

    void failedMigrationRollsBackAndIsRecorded()
    {
        const MigrationSet broken = MigrationSet::fromFiles(
            {{QStringLiteral("V1__ok.sql"), "CREATE TABLE ok1 (x int);"},
             {QStringLiteral("V2__broken.sql"), "CREATE TABLE a (x int); SELECT 1/0;"}});
        const Migrator migrator(broken);
        auto conn = test::connect(newDatabase(QStringLiteral("mig_fail")));

        const auto e = errorOf([&] { migrator.migrate(*conn); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Query);
        QCOMPARE(e->sqlstate(), QStringLiteral("22012"));
        QVERIFY2(e->message().contains(QLatin1String("V2")), qPrintable(e->message()));

        QVERIFY(conn->isAlive());
        // All pending migrations run in one transaction: V1 went back with V2, the database
        // is where it was, never between versions.
        QVERIFY(!relationExists(*conn, QStringLiteral("public.ok1")));
        QVERIFY(!relationExists(*conn, QStringLiteral("public.a")));
        QVERIFY2(e->message().contains(QLatin1String("nothing was applied")), qPrintable(e->message()));
        const SchemaStatus st = migrator.status(*conn);
        QCOMPARE(st.currentVersion, 0);
        QCOMPARE(st.pending.size(), 2);
        QCOMPARE(st.failures.size(), 1);
        QCOMPARE(st.failures[0].version, 2);
        QVERIFY2(st.failures[0].error.contains(QLatin1String("22012")), qPrintable(st.failures[0].error));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history "
                                              "WHERE version = 2 AND NOT success")),
                 1);

        const MigrationSet fixed = MigrationSet::fromFiles(
            {{QStringLiteral("V1__ok.sql"), "CREATE TABLE ok1 (x int);"},
             {QStringLiteral("V2__broken.sql"), "CREATE TABLE a (x int);"}});
        const Migrator fixedMigrator(fixed);
        QCOMPARE(fixedMigrator.migrate(*conn).applied, (QList<int>{1, 2}));
        QVERIFY(relationExists(*conn, QStringLiteral("public.a")));
        const SchemaStatus after = fixedMigrator.status(*conn);
        QCOMPARE(after.currentVersion, 2);
        QVERIFY(after.failures.isEmpty()); // a success supersedes the failed attempt
        QVERIFY(!after.blocked());
    }

    void concurrentMigratorsApplyEachVersionOnce()
    {
        // V1 is slow so that the second client arrives while the first holds the lock.
        const MigrationSet set = MigrationSet::fromFiles(
            {{QStringLiteral("V1__slow.sql"), "SELECT pg_sleep(1); CREATE TABLE c1 (x int);"},
             {QStringLiteral("V2__row.sql"),
              "CREATE TABLE IF NOT EXISTS c2 (x int); INSERT INTO c2 VALUES (1);"}});
        const auto db = newDatabase(QStringLiteral("mig_race"));

        struct Result
        {
            std::optional<QString> error;
            QList<int> applied;
        };
        Result results[2];
        auto runOne = [&](Result *out) {
            try {
                auto conn = pg::Connection::open(db);
                out->applied = Migrator(set).migrate(*conn).applied;
            } catch (const std::exception &e) {
                out->error = QString::fromLocal8Bit(e.what());
            }
        };
        std::thread a(runOne, &results[0]);
        std::thread b(runOne, &results[1]);
        a.join();
        b.join();

        QVERIFY2(!results[0].error, qPrintable(results[0].error.value_or(QString())));
        QVERIFY2(!results[1].error, qPrintable(results[1].error.value_or(QString())));
        QList<int> all = results[0].applied + results[1].applied;
        std::sort(all.begin(), all.end());
        QCOMPARE(all, (QList<int>{1, 2})); // each version applied by exactly one client

        auto conn = test::connect(db);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history "
                                              "WHERE success AND version = 1")),
                 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history "
                                              "WHERE success AND version = 2")),
                 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.schema_history "
                                              "WHERE NOT success")),
                 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM c2")), 1);
    }

    void newerDatabaseBlocks()
    {
        const MigrationSet v1Only =
            MigrationSet::fromFiles({{QStringLiteral("V1__t.sql"), "CREATE TABLE newer_t (x int);"}});
        const MigrationSet v1v2 = MigrationSet::fromFiles(
            {{QStringLiteral("V1__t.sql"), "CREATE TABLE newer_t (x int);"},
             {QStringLiteral("V2__u.sql"), "CREATE TABLE newer_u (x int);"}});
        auto conn = test::connect(newDatabase(QStringLiteral("mig_newer")));
        Migrator(v1Only).migrate(*conn);
        // As if a newer build had applied V99.
        conn->exec(QStringLiteral("INSERT INTO statescope.schema_history (version, description, "
                                  "script, checksum, success) VALUES (99, 'future', "
                                  "'V99__future.sql', 'abc', true)"));

        const Migrator migrator(v1v2);
        const SchemaStatus st = migrator.status(*conn);
        QCOMPARE(st.unknownVersions, (QList<int>{99}));
        QVERIFY(st.newerThanApp());
        QVERIFY(st.blocked());
        QCOMPARE(st.currentVersion, 99);

        const auto e = errorOf([&] { migrator.migrate(*conn); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Conflict);
        QVERIFY(!relationExists(*conn, QStringLiteral("public.newer_u")));
    }

    // What the pending scripts would make and someone already made, by kind (table, view,
    // index in its table's schema, function), names written in any case and found as the
    // catalog folds them; what they make only IF NOT EXISTS, or what exists elsewhere, is none.
    void clashesAreFoundByKindAndSchema()
    {
        const MigrationSet set = MigrationSet::fromFiles(
            {{QStringLiteral("V1__make.sql"),
              "CREATE SCHEMA IF NOT EXISTS game;\n"
              "CREATE TABLE Game.Plays (id int PRIMARY KEY);\n"
              "CREATE TABLE IF NOT EXISTS game.seen (x int);\n"
              "CREATE UNIQUE INDEX plays_by_id ON game.plays (id);\n"
              "CREATE VIEW game.latest AS SELECT 1 AS x;\n"
              "CREATE FUNCTION game.prune() RETURNS void LANGUAGE sql AS 'SELECT';\n"
              "CREATE FUNCTION untouched() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"}});
        auto conn = test::connect(newDatabase(QStringLiteral("mig_clash")));
        conn->execScript(QStringLiteral("CREATE SCHEMA game; CREATE TABLE game.plays (id int); "
                                        "CREATE TABLE game.seen (x int); CREATE INDEX plays_by_id ON game.plays (id); "
                                        "CREATE FUNCTION game.prune(int) RETURNS void LANGUAGE sql AS 'SELECT'; "
                                        "CREATE TABLE public.latest (x int); CREATE SCHEMA other; "
                                        "CREATE FUNCTION other.untouched() RETURNS int LANGUAGE sql AS 'SELECT 1'"));
        const SchemaStatus st = Migrator(set).status(*conn);
        QCOMPARE(st.clashes, (QStringList{QStringLiteral("game.plays"), QStringLiteral("game.plays_by_id"),
                                          QStringLiteral("game.prune()")}));
        QVERIFY(st.blocked());
    }

    void embeddedSetMigratesFreshDatabase()
    {
        const MigrationSet &set = MigrationSet::embedded();
        QVERIFY(set.latestVersion() > 0);
        auto conn = test::connect(newDatabase(QStringLiteral("mig_embedded")));
        const Migrator migrator;
        const MigrationReport report = migrator.migrate(*conn);
        QCOMPARE(report.toVersion, set.latestVersion());
        QCOMPARE(report.applied.size(), set.migrations().size());
        for (const char *table :
             {"raw.api_events", "core.plays", "core.snapshots", "statescope.audit_log"})
            QVERIFY2(relationExists(*conn, QString::fromLatin1(table)), table);

        const SchemaStatus st = migrator.status(*conn);
        QCOMPARE(st.currentVersion, set.latestVersion());
        QVERIFY(st.pending.isEmpty());
        // The migration itself is audited once the audit table exists.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                              "WHERE action = 'migrate'")),
                 1);
    }

    void foreignHistoriesAreDetected()
    {
        auto conn = test::connect(newDatabase(QStringLiteral("mig_foreign")));
        QVERIFY(Migrator().status(*conn).foreignHistories.isEmpty());
        conn->exec(QStringLiteral("CREATE TABLE public.flyway_schema_history (installed_rank int)"));
        conn->exec(QStringLiteral("CREATE TABLE public.alembic_version (version_num text)"));
        const SchemaStatus st = Migrator().status(*conn);
        QCOMPARE(st.foreignHistories, (QStringList{QStringLiteral("public.alembic_version"),
                                                   QStringLiteral("public.flyway_schema_history")}));
        QVERIFY(!st.hasHistory);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
