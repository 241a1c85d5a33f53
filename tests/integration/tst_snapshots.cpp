// Reading Galaxy world snapshots against a real server: the timeline's order and sizes,
// values at paths (resolved by the server), keyed diffs, tracking a value over ticks
// (checked against an independent per-row query), the recovery choice with ties, and the
// retention preview.

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/json/diff.h"
#include "core/snapshots/snapshotstore.h"
#include "integration/snapshotsfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <set>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::snapshots;

namespace {

// A copy of the snapshot at tick `from`, stored as tick `as`: ships in reverse order,
// and the ship `shipId` (if any) with `fuelDelta` added to its fuel. Returns the new id.
qint64 derive(pg::Connection &conn, qint64 from, qint64 as, const QString &shipId,
              const QString &fuelDelta)
{
    return conn
        .exec(QStringLiteral(
                  "INSERT INTO core.snapshots (tick_number, game_time, state, created_at) "
                  "SELECT $2, game_time, jsonb_set(state, '{ships}', (SELECT jsonb_agg(CASE "
                  "WHEN e->>'ship_id' = $3 THEN jsonb_set(e, '{fuel}', to_jsonb((e->>'fuel')"
                  "::numeric + $4::numeric)) ELSE e END ORDER BY ord DESC) FROM "
                  "jsonb_array_elements(state->'ships') WITH ORDINALITY AS t(e, ord))), "
                  "created_at FROM core.snapshots WHERE tick_number = $1 RETURNING id"),
              {from, as, shipId, fuelDelta})
        .toLongLong(0, 0);
}

} // namespace

class TestSnapshots : public QObject, private SnapshotsFixture
{
    Q_OBJECT

private slots:
    void cleanupTestCase() { dropAll(); }

    void listsByTickWithSizesAndAges()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_list"), 30));
        // Written late, out of order: a lower tick with the highest id.
        const qint64 late = derive(*conn, 60, 90, QString(), QStringLiteral("0"));
        const auto expected = conn->exec(QStringLiteral(
            "SELECT id, tick_number, pg_column_size(state), (extract(epoch FROM game_time) * "
            "1000)::bigint, floor(extract(epoch FROM now() - created_at))::bigint FROM "
            "core.snapshots ORDER BY tick_number, created_at, id"));
        const QList<SnapshotInfo> rows = SnapshotStore(*conn).list();
        const auto after = conn->exec(QStringLiteral(
            "SELECT floor(extract(epoch FROM now() - created_at))::bigint FROM core.snapshots "
            "ORDER BY tick_number, created_at, id"));
        QCOMPARE(rows.size(), 31);
        QCOMPARE(expected.rowCount(), 31);
        QCOMPARE(rows[1].id, late); // by tick, not by id
        QCOMPARE(rows[1].tick, 90);
        std::set<qint64> sizes;
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].id, expected.toLongLong(i, 0));
            QCOMPARE(rows[i].tick, expected.toLongLong(i, 1));
            QCOMPARE(rows[i].sizeBytes, expected.toLongLong(i, 2));
            QCOMPARE(rows[i].gameTime.toMSecsSinceEpoch(), expected.toLongLong(i, 3));
            QVERIFY(rows[i].ageSeconds >= expected.toLongLong(i, 4));
            QVERIFY(rows[i].ageSeconds <= after.toLongLong(i, 0));
            if (i > 0)
                QVERIFY(rows[i - 1].tick <= rows[i].tick);
            sizes.insert(rows[i].sizeBytes);
        }
        QVERIFY2(sizes.size() > 1, "sizes come from each row, not one value");
    }

    void showsStateAndValuesAtPaths()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_show"), 12));
        SnapshotStore store(*conn);
        const SnapshotInfo s = store.atTick(600);
        QCOMPARE(s.tick, 600);
        QCOMPARE(store.state(s.id),
                 conn->exec(QStringLiteral("SELECT state::text FROM core.snapshots WHERE id = $1"),
                            {s.id})
                     .bytes(0, 0));
        const QByteArray fuel =
            conn->exec(QStringLiteral("SELECT (state->'ships'->0->'fuel')::text FROM "
                                      "core.snapshots WHERE id = $1"),
                       {s.id})
                .bytes(0, 0);
        for (const char *spelling : {"/ships/0/fuel", "ships.0.fuel", "ships[0].fuel"}) {
            const auto path = parsePath(QLatin1String(spelling));
            QVERIFY2(path.has_value(), spelling);
            const PathValue v = store.valueAt(s.id, *path);
            QVERIFY2(v.present, spelling);
            QCOMPARE(v.type, QStringLiteral("number"));
            QCOMPARE(v.text, fuel);
        }
        QVERIFY(!store.valueAt(s.id, *parsePath(QStringLiteral("/ships/99/fuel"))).present);
        QVERIFY(!store.valueAt(s.id, *parsePath(QStringLiteral("ships.0.nothing"))).present);
        QCOMPARE(store.valueAt(s.id, {}).text, store.state(s.id)); // the empty path: all of it

        // Keys that an array literal would have to escape reach the server intact.
        const QByteArray weird =
            "{\"we\\\"ird,{key}\\\\\": {\"x\": [10, 20]}, \"a.b\": 1, \"NULL\": 2}";
        const qint64 id = conn->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, "
                                                    "game_time, state) VALUES (999999, now(), "
                                                    "$1::jsonb) RETURNING id"),
                                     {weird})
                              .toLongLong(0, 0);
        const json::Path odd{json::PathStep::ofKey(QStringLiteral("we\"ird,{key}\\")),
                             json::PathStep::ofKey(QStringLiteral("x")),
                             json::PathStep::ofIndex(1)};
        QCOMPARE(store.valueAt(id, odd).text, QByteArray("20"));
        QCOMPARE(store.valueAt(id, *parsePath(QStringLiteral("/a.b"))).text, QByteArray("1"));
        QCOMPARE(store.valueAt(id, *parsePath(QStringLiteral("NULL"))).text, QByteArray("2"));

        for (const char *bad : {"ships..fuel", "ships[x]", "ships[0", "/~2", ".ships", "ships."})
            QVERIFY2(!parsePath(QLatin1String(bad)).has_value(), bad);
        const auto e = errorOf([&] { store.atTick(61); });
        QVERIFY(e.has_value());
        QCOMPARE(e->kind(), Error::Kind::NotFound);
    }

    void diffMatchesShipsByIdentity()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_diff"), 12));
        const QString ship = conn->exec(QStringLiteral("SELECT state->'ships'->0->>'ship_id' FROM "
                                                       "core.snapshots WHERE tick_number = 600"))
                                 .value(0, 0);
        QVERIFY(!ship.isEmpty());
        const qint64 reordered = derive(*conn, 600, 100001, QString(), QStringLiteral("0"));
        const qint64 refuelled = derive(*conn, 600, 100002, ship, QStringLiteral("-12.5"));
        SnapshotStore store(*conn);
        const QByteArray original = store.state(store.atTick(600).id);

        // Ships in another order are the same ships.
        const StateDiff same = diffStates(original, store.state(reordered), true);
        QCOMPARE(same.result.changes.size(), std::size_t(0));
        QVERIFY(diffStates(original, store.state(reordered), false).result.changes.size() > 1);

        // One ship's fuel: one replace, with its delta, found by ship_id.
        const StateDiff d = diffStates(original, store.state(refuelled), true);
        QCOMPARE(d.result.changes.size(), std::size_t(1));
        const json::Change &c = d.result.changes.front();
        QCOMPARE(c.op, json::Change::Op::Replace);
        QCOMPARE(c.displayPath, QStringLiteral("$.ships[ship_id=\"%1\"].fuel").arg(ship));
        QVERIFY(c.delta.has_value());
        QCOMPARE(*c.delta, -12.5);
        const double before = d.from.raw(*c.before).toByteArray().toDouble();
        QCOMPARE(d.to.raw(*c.after).toByteArray().toDouble(), before - 12.5);
        const QJsonArray patch = QJsonDocument::fromJson(d.result.patch(d.to)).array();
        bool replaced = false;
        for (const auto &op : patch)
            replaced |= op.toObject().value(QLatin1String("op")).toString() == "replace" &&
                        op.toObject().value(QLatin1String("path")).toString().endsWith("/fuel") &&
                        op.toObject().value(QLatin1String("value")).toDouble() == before - 12.5;
        QVERIFY2(replaced, d.result.patch(d.to).constData());
        QVERIFY(diffStates(original, store.state(refuelled), false).result.changes.size() > 1);

        // Reordered, one ship gone and one new: one remove and one add, nothing else.
        const QString gone = conn->exec(QStringLiteral("SELECT state->'ships'->1->>'ship_id' FROM "
                                                       "core.snapshots WHERE tick_number = 600"))
                                 .value(0, 0);
        const qint64 changed =
            conn->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) "
                                      "SELECT 100003, game_time, jsonb_set(state, '{ships}', "
                                      "(SELECT jsonb_agg(e ORDER BY ord DESC) FROM "
                                      "jsonb_array_elements(state->'ships') WITH ORDINALITY "
                                      "AS t(e, ord) WHERE e->>'ship_id' <> $1) || "
                                      "'[{\"ship_id\": \"new\", \"fuel\": 1}]'::jsonb) FROM "
                                      "core.snapshots WHERE tick_number = 600 RETURNING id"),
                       {gone})
                .toLongLong(0, 0);
        const StateDiff moved = diffStates(original, store.state(changed), true);
        QCOMPARE(moved.result.changes.size(), std::size_t(2));
        QCOMPARE(moved.result.changes[0].op, json::Change::Op::Remove);
        QVERIFY2(moved.result.changes[0].displayPath.contains(gone),
                 qPrintable(moved.result.changes[0].displayPath));
        QCOMPARE(moved.result.changes[1].op, json::Change::Op::Add);
        QVERIFY2(moved.result.changes[1].displayPath.contains(QLatin1String("new")),
                 qPrintable(moved.result.changes[1].displayPath));
    }

    void trackEqualsPerRowQuery()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_track"), 30));
        SnapshotStore store(*conn);
        const QList<SnapshotInfo> timeline = store.list();
        // Ship 2 has the stuck throttle: its fuel falls to zero along the way.
        const QList<TrackPoint> fuel = store.track(*parsePath(QStringLiteral("/ships/2/fuel")));
        QCOMPARE(fuel.size(), timeline.size());
        bool ranDry = false;
        for (int i = 0; i < fuel.size(); ++i) {
            const TrackPoint &p = fuel[i];
            QCOMPARE(p.id, timeline[i].id);
            QCOMPARE(p.tick, timeline[i].tick);
            QCOMPARE(p.gameTime, timeline[i].gameTime);
            const QByteArray own =
                conn->exec(QStringLiteral("SELECT (state->'ships'->2->'fuel')::text FROM "
                                          "core.snapshots WHERE id = $1"),
                           {p.id})
                    .bytes(0, 0);
            QVERIFY(p.value.present);
            QCOMPARE(p.value.text, own);
            QCOMPARE(p.value.type, QStringLiteral("number"));
            QVERIFY(p.number.has_value());
            QCOMPARE(*p.number, own.toDouble());
            ranDry |= *p.number == 0.0;
        }
        QVERIFY2(ranDry, "the stuck ship runs out of fuel in the demo");

        // The sixth ship spawns two thirds of the way: absent before, a string after.
        const QList<TrackPoint> name = store.track(*parsePath(QStringLiteral("ships[5].name")));
        int present = 0;
        for (const TrackPoint &p : name) {
            const auto own = conn->exec(
                QStringLiteral(
                    "SELECT jsonb_array_length(state->'ships') > 5, "
                    "(state->'ships'->5->'name')::text FROM core.snapshots WHERE id = $1"),
                {p.id});
            QCOMPARE(p.value.present, own.toBool(0, 0));
            if (p.value.present) {
                ++present;
                QCOMPARE(p.value.text, own.bytes(0, 1));
                QCOMPARE(p.value.type, QStringLiteral("string"));
                QVERIFY(!p.number.has_value());
            }
        }
        QVERIFY(present > 0 && present < name.size());
    }

    void trackFollowsAnElementByItsKeyThroughAnSqlJsonPath()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_trackkey"), 30));
        SnapshotStore store(*conn);
        const SnapshotInfo last = store.list().constLast();
        const json::Document state = json::Document::parse(store.state(last.id));
        const json::Path first = *parsePath(QStringLiteral("/ships/0/fuel"));
        const auto keyed = json::keyedJsonPath(state, first);
        QVERIFY(keyed.has_value());
        const QString shipId = conn->exec(QStringLiteral("SELECT state->'ships'->0->>'ship_id' "
                                                         "FROM core.snapshots WHERE id = $1"),
                                          {last.id})
                                   .value(0, 0);
        QCOMPARE(*keyed, QStringLiteral("$.\"ships\"[*] ? (@.\"ship_id\" == \"%1\").\"fuel\"").arg(shipId));
        // The next tick lists the ships in reverse order and adds 7.25 to that ship's fuel.
        const qint64 reordered = derive(*conn, last.tick, last.tick + 1, shipId, QStringLiteral("7.25"));

        const auto path = TrackPath::parse(*keyed);
        QVERIFY(path && !path->pointer);
        const QList<TrackPoint> byKey = store.track(*path);
        const QList<TrackPoint> byPosition = store.track(first);
        QCOMPARE(byKey.size(), byPosition.size());
        for (const TrackPoint &p : byKey) {
            const auto own = conn->exec(
                QStringLiteral("SELECT (e->'fuel')::text FROM core.snapshots, "
                               "jsonb_array_elements(state->'ships') e WHERE id = $1 AND "
                               "e->>'ship_id' = $2"),
                {p.id, shipId});
            QCOMPARE(p.value.present, own.rowCount() == 1);
            if (p.value.present)
                QCOMPARE(p.value.text, own.bytes(0, 0));
        }
        QCOMPARE(byKey.constLast().id, reordered);
        QCOMPARE(*byKey.constLast().number, *byKey[byKey.size() - 2].number + 7.25);
        // By position the last point is another ship's fuel: the defect tracking by key fixes.
        const QByteArray otherShip =
            conn->exec(QStringLiteral("SELECT state->'ships'->0->>'ship_id' FROM core.snapshots "
                                      "WHERE id = $1"),
                       {reordered})
                .bytes(0, 0);
        QVERIFY(otherShip != shipId.toUtf8());

        // A path the server cannot read is refused up front with its reason.
        try {
            store.track(*TrackPath::parse(QStringLiteral("$.ships[*] ? (@.ship_id == ")));
            QFAIL("a malformed SQL/JSON path was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            QVERIFY2(e.message().contains(QLatin1String("SQL/JSON path")), qPrintable(e.message()));
        }
        QVERIFY(!TrackPath::parse(QStringLiteral("ships..fuel")));
        QCOMPARE(TrackPath::parse(QStringLiteral("ships.0.fuel"))->text(), QStringLiteral("/ships/0/fuel"));
        // Positions in plain arrays (no identity key) stay positions.
        QVERIFY(!json::keyedJsonPath(json::Document::parse("{\"a\": [[1, 2], [3]]}"),
                                     *parsePath(QStringLiteral("/a/0/1"))));
    }

    void recoveryTakesLatestTickThenCreatedAtThenId()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_recovery"), 10));
        SnapshotStore store(*conn);
        RecoveryChoice rc = store.recovery();
        QVERIFY(rc.snapshot.has_value());
        QCOMPARE(rc.snapshot->tick, 600);
        QCOMPARE(rc.sameTick, 1);
        QVERIFY(rc.rule.contains(QLatin1String("tick_number")));
        const qint64 top = rc.snapshot->id;

        auto insert = [&](qint64 tick, const QString &createdAt) {
            return conn
                ->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state, "
                                      "created_at) SELECT $1, game_time, state, %1 FROM "
                                      "core.snapshots WHERE id = $2 RETURNING id")
                           .arg(createdAt),
                       {tick, top})
                .toLongLong(0, 0);
        };
        // Two more at tick 600: the later created_at wins over the higher id.
        const qint64 later = insert(600, QStringLiteral("created_at + interval '10 seconds'"));
        insert(600, QStringLiteral("created_at + interval '5 seconds'"));
        rc = store.recovery();
        QCOMPARE(rc.snapshot->id, later);
        QCOMPARE(rc.sameTick, 3);
        // Same tick and same created_at: the highest id.
        const qint64 twin = insert(600, QStringLiteral("created_at + interval '10 seconds'"));
        QVERIFY(twin > later);
        QCOMPARE(store.recovery().snapshot->id, twin);
        QCOMPARE(store.atTick(600).id, twin); // show --tick takes the same one
        // A newer row for an older tick changes nothing: the tick decides.
        insert(540, QStringLiteral("now()"));
        QCOMPARE(store.recovery().snapshot->id, twin);
    }

    void retentionPreviewKeepsNewestAndYoung()
    {
        auto conn = test::connect(galaxy(QStringLiteral("snap_retention"), 130));
        // Ranks 101..105 (beyond the 100 kept) are younger than an hour: kept anyway.
        craftAges(*conn, 101, 105);
        SnapshotStore store(*conn);
        RetentionPolicy newest;
        newest.rule = RetentionPolicy::Rule::NewestByTick;
        const SnapshotPlan plan = store.retentionPreview(newest);
        QCOMPARE(plan.total, 130);
        QCOMPARE(plan.keptYoung, 5);
        QCOMPARE(plan.toDelete.size(), 25);
        const auto expected = conn->exec(
            QStringLiteral("SELECT id FROM core.snapshots ORDER BY tick_number LIMIT 25"));
        for (int i = 0; i < 25; ++i) {
            QCOMPARE(plan.toDelete[i].id, expected.toLongLong(i, 0));
            QVERIFY(plan.toDelete[i].ageSeconds >= 3 * 3600);
        }
        QVERIFY(plan.recoveryAfter.has_value());
        QCOMPARE(plan.recoveryAfter->tick, 130 * 60);
        // Nothing is deleted by a preview.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots")), 130);

        // The game's own rule (the default) deletes count - 100 = 30, the lowest ticks among
        // those older than an hour: past the five young ones, to higher ticks. The two rules
        // differ exactly here, where young snapshots have lower ticks than old ones.
        const SnapshotPlan game = store.retentionPreview({});
        QCOMPARE(game.policy.rule, RetentionPolicy::Rule::Game);
        QCOMPARE(game.toDelete.size(), 30);
        QCOMPARE(game.keptYoung, 0);
        const auto gameExpected = conn->exec(QStringLiteral(
            "SELECT id FROM core.snapshots WHERE created_at < now() - interval '1 hour' "
            "ORDER BY tick_number ASC LIMIT (SELECT count(*) - 100 FROM core.snapshots)"));
        QSet<qint64> want, got;
        for (int i = 0; i < gameExpected.rowCount(); ++i)
            want.insert(gameExpected.toLongLong(i, 0));
        for (const SnapshotInfo &s : game.toDelete) {
            got.insert(s.id);
            QVERIFY(s.ageSeconds >= 3600);
        }
        QCOMPARE(got, want);
        QVERIFY(game.toDelete.last().tick > plan.toDelete.last().tick); // reaches beyond the young ones
        // With every snapshot young, the game deletes nothing and says how many it kept.
        RetentionPolicy young;
        young.minAgeSeconds = 100 * 24 * 3600;
        QCOMPARE(store.retentionPreview(young).toDelete.size(), 0);
        QCOMPARE(store.retentionPreview(young).keptYoung, 30);

        // Configurable: no minimum age prunes all 30 beyond the kept 100; keeping 200 none.
        RetentionPolicy any;
        any.minAgeSeconds = 0;
        QCOMPARE(store.retentionPreview(any).toDelete.size(), 30);
        RetentionPolicy many;
        many.maxKeep = 200;
        QCOMPARE(store.retentionPreview(many).toDelete.size(), 0);
        // Nothing goes under either rule: recovery afterwards is recovery now, never "none".
        for (RetentionPolicy nothing : {many, young}) {
            for (const auto rule : {RetentionPolicy::Rule::Game, RetentionPolicy::Rule::NewestByTick}) {
                nothing.rule = rule;
                const SnapshotPlan p = store.retentionPreview(nothing);
                QVERIFY(p.toDelete.isEmpty());
                QVERIFY(p.recoveryAfter.has_value());
                QCOMPARE(p.recoveryAfter->tick, 130 * 60);
            }
        }
        // Four hours and a half minute (ages are whole minutes apart): only those older.
        RetentionPolicy old;
        old.maxKeep = 10;
        old.minAgeSeconds = 4 * 3600 + 30;
        const qint64 older = scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots "
                                                          "WHERE created_at <= now() - "
                                                          "interval '4 hours 30 seconds'"));
        QVERIFY(older > 0 && older < 120);
        QCOMPARE(store.retentionPreview(old).toDelete.size(), older);
        RetentionPolicy none;
        none.maxKeep = 0;
        const auto e = errorOf([&] { store.retentionPreview(none); });
        QVERIFY(e.has_value());
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestSnapshots)
#include "tst_snapshots.moc"
