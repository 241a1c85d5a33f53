// Pruning and rolling the world back against a real server: what the preview promised is
// what goes, archived and audited in one transaction; undo puts the same rows back byte
// for byte; refused operations (wrong confirmation, busy table, undo twice, collisions,
// a later roll back still in force) change nothing.

#include "core/error.h"
#include "core/migrate/migration.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/snapshots/snapshotadmin.h"
#include "core/snapshots/snapshotstore.h"
#include "integration/snapshotsfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::snapshots;

class TestSnapshotsAdmin : public QObject, private SnapshotsFixture
{
    Q_OBJECT

private slots:
    void cleanupTestCase() { dropAll(); }

    void pruneDeletesThePreviewAndUndoRestoresExactly()
    {
        const auto db = galaxy(QStringLiteral("snap_prune"), 130);
        auto conn = test::connect(db);
        craftAges(*conn, 101, 105);
        const QString before = snapshotsDigest(*conn);
        const SnapshotPlan plan = SnapshotStore(*conn).retentionPreview({});
        // The game's own rule: count - 100 = 30 of the older-than-an-hour ones, lowest ticks first.
        QCOMPARE(plan.toDelete.size(), 30);

        SnapshotAdmin admin(*conn);
        const OperationRecord op =
            admin.prune({}, db.database(), QStringLiteral("weekly clean-up"));
        QVERIFY(op.id > 0);
        QCOMPARE(op.kind, QStringLiteral("prune"));
        QCOMPARE(op.deletedCount, 30);
        QCOMPARE(op.reason, QStringLiteral("weekly clean-up"));
        QCOMPARE(op.parameters.value("max_keep", 0), 100);
        QCOMPARE(op.parameters.value("min_age_seconds", 0), 3600);
        QCOMPARE(op.parameters.value("rule", std::string()), std::string("game"));
        QCOMPARE(op.firstTick, plan.toDelete.first().tick);
        QCOMPARE(op.lastTick, plan.toDelete.last().tick);
        QVERIFY(!op.undoneAt.isValid());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots")), 100);
        for (const SnapshotInfo &s : plan.toDelete) {
            QCOMPARE(scalar(*conn,
                            QStringLiteral("SELECT count(*) FROM core.snapshots WHERE id = $1"),
                            {s.id}),
                     0);
            QCOMPARE(scalar(*conn,
                            QStringLiteral("SELECT count(*) FROM statescope.snapshot_archive "
                                           "WHERE operation_id = $1 AND snapshot_id = $2"),
                            {op.id, s.id}),
                     1);
        }
        // The young ones (low ticks) are still there: the game never deletes those.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots WHERE "
                                              "created_at > now() - interval '1 hour'")),
                 5);
        const auto audit = conn->exec(QStringLiteral(
            "SELECT reason, (details->>'operation_id')::bigint, (details->>'deleted')::int "
            "FROM statescope.audit_log WHERE action = 'snapshots_prune'"));
        QCOMPARE(audit.rowCount(), 1);
        QCOMPARE(audit.value(0, 0), QStringLiteral("weekly clean-up"));
        QCOMPARE(audit.toLongLong(0, 1), op.id);
        QCOMPARE(audit.toInt(0, 2), 30);
        // Nothing left to prune: no operation, no audit row.
        QCOMPARE(admin.prune({}, db.database()).id, 0);
        QCOMPARE(snapshotRecords(*conn).operations, 1);

        const OperationRecord undone = admin.undo(op.id, db.database(), QStringLiteral("oops"));
        QCOMPARE(undone.restoredCount, 30);
        QVERIFY(undone.undoneAt.isValid());
        QCOMPARE(snapshotsDigest(*conn), before);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE "
                                              "action = 'snapshots_undo' AND reason = 'oops' AND "
                                              "(details->>'restored')::int = 30")),
                 1);

        // Twice: refused, and nothing changes.
        const SnapshotRecords recorded = snapshotRecords(*conn);
        const auto again = errorOf([&] { admin.undo(op.id, db.database()); });
        QVERIFY(again.has_value());
        QCOMPARE(again->kind(), Error::Kind::Conflict);
        QCOMPARE(snapshotsDigest(*conn), before);
        QCOMPARE(snapshotRecords(*conn), recorded);
    }

    void rollbackToTickAndUndo()
    {
        const auto db = galaxy(QStringLiteral("snap_rollback"), 40);
        auto conn = test::connect(db);
        const QString before = snapshotsDigest(*conn);
        SnapshotStore store(*conn);
        SnapshotAdmin admin(*conn);
        const SnapshotPlan plan = store.rollbackPreview(1500);
        QCOMPARE(plan.toDelete.size(), 15);
        QCOMPARE(plan.recoveryAfter->tick, 1500);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots")), 40);

        const OperationRecord op =
            admin.rollBackTo(1500, db.database(), QStringLiteral("bad tick"));
        QCOMPARE(op.kind, QStringLiteral("rollback"));
        QCOMPARE(op.deletedCount, 15);
        QCOMPARE(op.parameters.value("to_tick", 0), 1500);
        QCOMPARE(op.firstTick, 1560);
        QCOMPARE(op.lastTick, 2400);
        QCOMPARE(store.recovery().snapshot->tick, 1500);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE "
                                              "action = 'snapshots_rollback' AND reason = "
                                              "'bad tick'")),
                 1);
        admin.undo(op.id, db.database());
        QCOMPARE(snapshotsDigest(*conn), before);
        QCOMPARE(store.recovery().snapshot->tick, 2400);

        // The game server wrote tick 1560 again after a roll back: undo would mix two
        // timelines, so it is refused until that snapshot is gone.
        const OperationRecord second =
            admin.rollBackTo(1500, db.database(), QStringLiteral("again"));
        conn->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) "
                                  "SELECT 1560, now(), state FROM core.snapshots WHERE "
                                  "tick_number = 1500"));
        const QString rewritten = snapshotsDigest(*conn);
        SnapshotRecords recorded = snapshotRecords(*conn);
        const auto mixed = errorOf([&] { admin.undo(second.id, db.database()); });
        QVERIFY(mixed.has_value());
        QCOMPARE(mixed->kind(), Error::Kind::Conflict);
        QCOMPARE(snapshotsDigest(*conn), rewritten);
        QCOMPARE(snapshotRecords(*conn), recorded);
        conn->exec(QStringLiteral("DELETE FROM core.snapshots WHERE tick_number > 1500"));

        // A later roll back to an earlier tick is in force: undo that one first.
        const OperationRecord third =
            admin.rollBackTo(900, db.database(), QStringLiteral("deeper"));
        QCOMPARE(third.deletedCount, 10);
        recorded = snapshotRecords(*conn);
        const QString deeper = snapshotsDigest(*conn);
        const auto order = errorOf([&] { admin.undo(second.id, db.database()); });
        QVERIFY(order.has_value());
        QCOMPARE(order->kind(), Error::Kind::Conflict);
        QVERIFY2(order->hint().contains(QString::number(third.id)), qPrintable(order->hint()));
        QCOMPARE(snapshotsDigest(*conn), deeper);
        QCOMPARE(snapshotRecords(*conn), recorded);
        admin.undo(third.id, db.database());
        admin.undo(second.id, db.database());
        QCOMPARE(snapshotsDigest(*conn), before);
        QCOMPARE(admin.history().size(), 3);
    }

    void refusalsChangeNothing()
    {
        const auto db = galaxy(QStringLiteral("snap_refuse"), 20);
        auto conn = test::connect(db);
        SnapshotAdmin admin(*conn);
        RetentionPolicy keepFive;
        keepFive.maxKeep = 5;
        const QString before = snapshotsDigest(*conn);
        const SnapshotRecords none = snapshotRecords(*conn);
        auto refused = [&](const char *what, Error::Kind kind, auto &&fn) {
            const auto e = errorOf(fn);
            QVERIFY2(e.has_value(), what);
            QVERIFY2(e->kind() == kind,
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(what), e->oneLine())));
            QCOMPARE(snapshotsDigest(*conn), before);
            QCOMPARE(snapshotRecords(*conn), none);
        };
        refused("prune, wrong confirmation", Error::Kind::InvalidInput,
                [&] { admin.prune(keepFive, QStringLiteral("other_db")); });
        refused("prune, empty confirmation", Error::Kind::InvalidInput,
                [&] { admin.prune(keepFive, QString()); });
        refused("rollback, wrong confirmation", Error::Kind::InvalidInput, [&] {
            admin.rollBackTo(600, db.database() + QLatin1Char('x'), QStringLiteral("r"));
        });
        refused("rollback, no reason", Error::Kind::InvalidInput,
                [&] { admin.rollBackTo(600, db.database(), QStringLiteral("  ")); });
        refused("rollback, no such tick", Error::Kind::InvalidInput,
                [&] { admin.rollBackTo(601, db.database(), QStringLiteral("r")); });
        refused("undo, no such operation", Error::Kind::NotFound,
                [&] { admin.undo(424242, db.database()); });

        // Another session is writing a snapshot: no waiting, a "busy" conflict.
        auto writer = test::connect(db);
        writer->exec(QStringLiteral("BEGIN"));
        writer->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) "
                                    "VALUES (999999, now(), '{}')"));
        refused("prune while the table is written to", Error::Kind::Conflict,
                [&] { admin.prune(keepFive, db.database()); });
        writer->exec(QStringLiteral("ROLLBACK"));

        // A read-only session cannot prune (the server says so), and changes nothing.
        auto reader = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
        refused("prune on a read-only session", Error::Kind::Query,
                [&] { SnapshotAdmin(*reader).prune(keepFive, db.database()); });
        QCOMPARE(SnapshotStore(*reader).retentionPreview(keepFive).toDelete.size(), 15);

        // Undo is refused while a restored id is taken again.
        const OperationRecord op = admin.prune(keepFive, db.database());
        QCOMPARE(op.deletedCount, 15);
        const qint64 firstId = scalar(*conn, QStringLiteral("SELECT min(snapshot_id) FROM "
                                                            "statescope.snapshot_archive"));
        conn->exec(QStringLiteral("INSERT INTO core.snapshots (id, tick_number, game_time, state) "
                                  "VALUES ($1, 5, now(), '{}')"),
                   {firstId});
        const auto taken = errorOf([&] { admin.undo(op.id, db.database()); });
        QVERIFY(taken.has_value());
        QCOMPARE(taken->kind(), Error::Kind::Conflict);
        QVERIFY(admin.record(op.id).undoneAt.isNull());
        conn->exec(QStringLiteral("DELETE FROM core.snapshots WHERE id = $1"), {firstId});
        const auto wrong = errorOf([&] { admin.undo(op.id, QStringLiteral("nope")); });
        QVERIFY(wrong.has_value());
        QCOMPARE(wrong->kind(), Error::Kind::InvalidInput);
        admin.undo(op.id, db.database());
        QCOMPARE(snapshotsDigest(*conn), before);
    }

    // An autovacuum of the table (a table just written to a lot) is not a writer: the prune
    // waits until the server cancels it, where it once refused the table as busy.
    void anAutovacuumInTheWayIsWaitedOut()
    {
        const auto db = galaxy(QStringLiteral("snap_autovac"), 200);
        auto conn = test::connect(db);
        // A vacuum that crawls (a cost limit of 1), due at once on any dead row.
        conn->exec(QStringLiteral("ALTER TABLE core.snapshots SET (autovacuum_vacuum_threshold = 0, "
                                  "autovacuum_vacuum_scale_factor = 0, autovacuum_analyze_threshold = 0, "
                                  "autovacuum_vacuum_cost_delay = 100, autovacuum_vacuum_cost_limit = 1)"));
        conn->exec(QStringLiteral("UPDATE core.snapshots SET tick_number = tick_number"));
        // The launcher looks at each database every autovacuum_naptime: a second, for this test
        // (set again while waiting: this test's run through PgBouncer, beside it, resets it).
        auto server = test::connect(serverSettings());
        const auto quickLauncher = [&] {
            server->exec(QStringLiteral("ALTER SYSTEM SET autovacuum_naptime = '1s'"));
            server->exec(QStringLiteral("SELECT pg_reload_conf()"));
        };
        const auto restore = qScopeGuard([&] {
            server->exec(QStringLiteral("ALTER SYSTEM RESET autovacuum_naptime"));
            server->exec(QStringLiteral("SELECT pg_reload_conf()"));
        });
        QElapsedTimer waited;
        waited.start();
        bool vacuuming = false;
        for (int i = 0; !vacuuming && waited.elapsed() < 60000; ++i) {
            if (i % 10 == 0)
                quickLauncher();
            vacuuming = scalar(*server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                                                       "AND backend_type = 'autovacuum worker' "
                                                       "AND query LIKE '%core.snapshots%'"),
                               {db.database()}) > 0;
            if (!vacuuming)
                QThread::msleep(100);
        }
        QVERIFY2(vacuuming, "no autovacuum of core.snapshots started within a minute");
        SnapshotAdmin admin(*conn);
        RetentionPolicy keepFive;
        keepFive.maxKeep = 5;
        QCOMPARE(admin.prune(keepFive, db.database()).deletedCount, 195);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots")), 5);
    }

    void olderSchemaHasNoArchive()
    {
        const pg::ConnectionSettings db = emptyDatabase(QStringLiteral("snap_v6"));
        m_databases << db.database();
        QList<std::pair<QString, QByteArray>> files;
        for (const migrate::Migration &m : migrate::MigrationSet::embedded().migrations())
            if (m.version <= 6)
                files.append({m.fileName, m.sql.toUtf8()});
        migrate::Migrator(migrate::MigrationSet::fromFiles(files)).migrate(*test::connect(db));
        auto conn = test::connect(db);
        conn->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state, "
                                  "created_at) SELECT g * 60, now(), '{}', now() - interval "
                                  "'1 day' FROM generate_series(1, 3) g"));
        RetentionPolicy keepOne;
        keepOne.maxKeep = 1;
        QCOMPARE(SnapshotStore(*conn).retentionPreview(keepOne).toDelete.size(), 2);
        const auto e = errorOf([&] { SnapshotAdmin(*conn).prune(keepOne, db.database()); });
        QVERIFY(e.has_value());
        QCOMPARE(e->kind(), Error::Kind::Conflict);
        QVERIFY2(e->message().contains(QLatin1String("statescope.snapshot_archive")), qPrintable(e->message()));
        QVERIFY2(e->hint().contains(QLatin1String("migrate")), qPrintable(e->hint()));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots")), 3);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotsAdmin)
#include "tst_snapshots_admin.moc"
