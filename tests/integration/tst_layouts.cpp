// Databases Statescope did not create, in each game system's own layout (sql/shapes): the
// layout is detected, every store reads through it, histories are read in full, the weekly
// schema is refused, adoption touches nothing outside the statescope schema, and rollback,
// prune and their undo work on the game's own tables.
#include "core/demo/shapes.h"
#include "core/events/eventstore.h"
#include "core/error.h"
#include "core/weekly/adopt.h"
#include "core/layout/history.h"
#include "core/layout/indexbuild.h"
#include "core/layout/layout.h"
#include "core/metrics/metrics.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/replay/gamestore.h"
#include "core/replay/rollback.h"
#include "core/snapshots/saves.h"
#include "core/snapshots/snapshotadmin.h"
#include "core/snapshots/snapshotstore.h"
#include "core/weekly/serveradmin.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

namespace {

QStringList made; // dropped at the end: the server is shared with the other tests

pg::ConnectionSettings shaped(demo::Shape shape)
{
    const pg::ConnectionSettings db = emptyDatabase(demo::shapeName(shape));
    made << db.database();
    auto conn = test::connect(db);
    demo::DemoOptions options;
    options.events = 400;
    options.games = 6;
    options.snapshots = 40;
    demo::seedShape(*conn, shape, options);
    return db;
}

// Every table outside the statescope schema, its rows in a fixed order, hashed: what
// "byte-identical" means for the data.
QByteArray dataFingerprint(pg::Connection &conn)
{
    const auto tables = conn.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'statescope') "
        "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1"));
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (int i = 0; i < tables.rowCount(); ++i) {
        const auto r = conn.exec(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, E'\\n' "
                                                "ORDER BY t::text)), '-') FROM %1 t")
                                     .arg(tables.value(i, 0)));
        h.addData((tables.value(i, 0) + QLatin1Char('=') + r.value(0, 0) + QLatin1Char('\n')).toUtf8());
    }
    return h.result().toHex();
}

// pg_dump --schema-only without the statescope schema: what "unchanged" means for the DDL.
QByteArray schemaDump(const pg::ConnectionSettings &db)
{
    QProcess p;
    p.setProcessEnvironment(pg::environmentFor(db));
    p.start(pg::clientProgram(QStringLiteral("pg_dump")),
            {QStringLiteral("--schema-only"), QStringLiteral("--exclude-schema=statescope"),
             QStringLiteral("--no-comments")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("pg_dump failed: %s", p.readAllStandardError().constData());
    // \restrict / \unrestrict carry a random key per run: not part of the schema.
    QByteArrayList lines = p.readAllStandardOutput().split('\n');
    lines.removeIf([](const QByteArray &l) { return l.startsWith("\\restrict") || l.startsWith("\\unrestrict"); });
    return lines.join('\n');
}

QString relationOf(const layout::Layout &l, layout::Kind k)
{
    const layout::Relation *r = l.find(k);
    return r ? r->qualifiedName() : QString();
}

} // namespace

class TestLayouts : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase()
    {
        for (const QString &name : made)
            dropDatabase(name);
    }

    void eachShapeIsDetected()
    {
        {
            auto conn = test::connect(shaped(demo::Shape::PaperDynasty));
            const layout::Layout l = layout::detect(*conn);
            QCOMPARE(relationOf(l, layout::Kind::Games), QStringLiteral("public.games"));
            QCOMPARE(relationOf(l, layout::Kind::Plays), QStringLiteral("public.plays"));
            QCOMPARE(relationOf(l, layout::Kind::Lineups), QStringLiteral("public.lineups"));
            QCOMPARE(relationOf(l, layout::Kind::Rolls), QStringLiteral("public.rolls"));
            QVERIFY(!l.has(layout::Kind::Snapshots));
            QVERIFY(l.find(layout::Kind::Plays)->missing(true).isEmpty());
        }
        {
            auto conn = test::connect(shaped(demo::Shape::Galaxy));
            const layout::Layout l = layout::detect(*conn);
            QCOMPARE(relationOf(l, layout::Kind::Snapshots), QStringLiteral("public.snapshots"));
            QCOMPARE(relationOf(l, layout::Kind::GameConfig), QStringLiteral("public.game_config"));
            QVERIFY(!l.has(layout::Kind::Games));
        }
        {
            auto conn = test::connect(shaped(demo::Shape::Marketland));
            const layout::Layout l = layout::detect(*conn);
            QCOMPARE(relationOf(l, layout::Kind::Saves), QStringLiteral("public.save_snapshots"));
            const layout::Relation *events = l.find(layout::Kind::PlayerEvents);
            QVERIFY(events);
            QCOMPARE(events->qualifiedName(), QStringLiteral("public.player_events"));
            QCOMPARE(events->relkind, 'p');
            QCOMPARE(events->partitions, 3);
            QCOMPARE(events->partitionList.size(), 3);
            QCOMPARE(events->partitionList[1].name, QStringLiteral("public.player_events_2025_11"));
            QVERIFY2(events->partitionList[1].bounds.contains(QLatin1String("FOR VALUES FROM ('2025-11-01")),
                     qPrintable(events->partitionList[1].bounds));
            QVERIFY(events->rowSecurity);
            QCOMPARE(events->rlsSettings, QStringList{QStringLiteral("app.current_player_id")});
            QCOMPARE(events->columns.at(QStringLiteral("id")).name, QStringLiteral("event_id"));
            // Galaxy-like world snapshots are not mistaken for saves, nor saves for snapshots.
            QVERIFY(!l.has(layout::Kind::Snapshots));
        }
        {
            auto conn = test::connect(shaped(demo::Shape::SpaceTraders));
            const layout::Layout l = layout::detect(*conn);
            QCOMPARE(relationOf(l, layout::Kind::ApiEvents), QStringLiteral("raw.api_events"));
            QVERIFY(!l.has(layout::Kind::Games));
        }
    }

    void historiesAreReadInFull()
    {
        auto m = test::connect(shaped(demo::Shape::Marketland));
        const QList<layout::History> fly = layout::Histories::read(*m);
        QCOMPARE(fly.size(), 1);
        QCOMPARE(fly[0].tool, QStringLiteral("Flyway"));
        QCOMPARE(fly[0].version, QStringLiteral("3")); // 2.1 < 3; V4 failed
        QVERIFY(fly[0].problem);
        QVERIFY2(fly[0].summary().contains(QLatin1String("1 failed")), qPrintable(fly[0].summary()));
        QVERIFY2(fly[0].summary().contains(QLatin1String("1 repeatable")), qPrintable(fly[0].summary()));

        const pg::ConnectionSettings hdb = emptyDatabase(QStringLiteral("histories"));
        made << hdb.database();
        auto conn = test::connect(hdb);
        QVERIFY(layout::Histories::read(*conn).isEmpty()); // none at all: create_all()
        conn->execScript(QStringLiteral(
            "CREATE SCHEMA app;"
            "CREATE TABLE app.alembic_version (version_num varchar(64) PRIMARY KEY);"
            "INSERT INTO app.alembic_version VALUES ('0042_a_revision_name_longer_than_32_chars'), ('0041b');"
            "CREATE TABLE public._sqlx_migrations (version bigint PRIMARY KEY, description text, "
            "  installed_on timestamptz DEFAULT now(), success boolean, checksum bytea, execution_time bigint);"
            "INSERT INTO public._sqlx_migrations (version, description, success, checksum, execution_time) VALUES "
            "  (20240101000000, 'init', true, '\\x00', 1), (20240301000000, 'more', true, '\\x01', 1),"
            "  (20240401000000, 'broken', false, '\\x02', 1);"
            "CREATE TABLE public.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);"
            "INSERT INTO public.schema_migrations VALUES (17, true);"
            "CREATE TABLE public.db_version (version integer);"
            "INSERT INTO public.db_version VALUES (12);"));
        QMap<QString, layout::History> byTool;
        for (const layout::History &h : layout::Histories::read(*conn))
            byTool[h.tool] = h;
        QCOMPARE(byTool.value(QStringLiteral("Alembic")).version,
                 QStringLiteral("0041b, 0042_a_revision_name_longer_than_32_chars"));
        QVERIFY(byTool.value(QStringLiteral("Alembic")).summary().contains(QLatin1String("2 heads")));
        QCOMPARE(byTool.value(QStringLiteral("sqlx")).version, QStringLiteral("20240301000000"));
        QVERIFY(byTool.value(QStringLiteral("sqlx")).problem);
        QCOMPARE(byTool.value(QStringLiteral("golang-migrate")).version, QStringLiteral("17"));
        QVERIFY(byTool.value(QStringLiteral("golang-migrate")).problem);
        QCOMPARE(byTool.value(QStringLiteral("version table")).version, QStringLiteral("12"));
    }

    void weeklySchemaIsRefusedOnForeignDatabases()
    {
        const migrate::Migrator migrator;
        // Managed by Alembic: refused, naming the tool, before anything is created.
        auto pd = test::connect(shaped(demo::Shape::PaperDynasty));
        auto e = errorOf([&] { migrator.migrate(*pd, nullptr, true); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Conflict);
        QVERIFY2(e->hint().contains(QLatin1String("Alembic")), qPrintable(e->hint()));
        e = errorOf([&] { migrator.migrate(*pd); });
        QVERIFY(e);
        QCOMPARE(scalar(*pd, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname IN "
                                            "('core', 'raw', 'statescope')")),
                 0);
        // The seed's own SpaceTraders database: no history, but raw.api_events would clash.
        // The dry run predicts it; nothing is applied.
        auto st = test::connect(shaped(demo::Shape::SpaceTraders));
        const migrate::SchemaStatus status = migrator.status(*st);
        QVERIFY(status.clashes.contains(QStringLiteral("raw.api_events")));
        QVERIFY(status.blocked());
        e = errorOf([&] { migrator.migrate(*st, nullptr, true); });
        QVERIFY(e);
        QVERIFY2(e->detail().contains(QLatin1String("raw.api_events")), qPrintable(e->detail()));
        e = errorOf([&] { migrator.migrate(*st); });
        QVERIFY(e);
        QCOMPARE(scalar(*st, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'statescope'")), 0);
        QCOMPARE(scalar(*st, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'games'")), 0);
    }

    void adoptionLeavesEverythingElseIdenticalAndRollbackUndoes()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::PaperDynasty);
        auto conn = test::connect(db);
        const QByteArray data = dataFingerprint(*conn);
        const QByteArray ddl = schemaDump(db);

        // Unadopted: a write says how to adopt, and changes nothing.
        replay::GameStore store(*conn);
        replay::GameFilter active;
        active.status = QStringLiteral("active");
        const QList<replay::GameSummary> games = store.list(active);
        QVERIFY(!games.isEmpty());
        const replay::GameSummary game = games.first();
        QVERIFY(game.lastPlay > 5);
        replay::RollbackOptions options;
        options.toPlay = 3;
        options.reason = QStringLiteral("layout test");
        const auto refused = errorOf([&] { replay::Rollback(*conn).apply(game.id, options); });
        QVERIFY(refused);
        QVERIFY2(refused->hint().contains(QLatin1String("db adopt")), qPrintable(refused->hint()));
        QCOMPARE(dataFingerprint(*conn), data);

        // Adoption: the statescope schema only.
        QCOMPARE(adopt::Adoption::adopt(*conn, QStringLiteral("test"), true).pending.size(),
                 adopt::Adoption::bookkeepingSet().migrations().size());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'statescope'")), 0);
        const adopt::Status st = adopt::Adoption::adopt(*conn, QStringLiteral("test"));
        QVERIFY(st.adopted);
        QCOMPARE(st.version, adopt::Adoption::bookkeepingSet().latestVersion());
        QVERIFY(st.pending.isEmpty());
        QCOMPARE(dataFingerprint(*conn), data);
        QCOMPARE(schemaDump(db), ddl);
        QCOMPARE(conn->exec(QStringLiteral("SELECT version_num FROM public.alembic_version")).value(0, 0),
                 QStringLiteral("c4e1f0a7b9d2"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE action = 'adopt'")), 1);
        // Adopting again changes nothing.
        QVERIFY(adopt::Adoption::adopt(*conn, QStringLiteral("again")).pending.isEmpty());

        // Rollback on the game's own tables, then undo: byte for byte.
        const replay::RollbackPlan plan = replay::Rollback(*conn).plan(game.id, options);
        QCOMPARE(plan.playsToDelete, game.lastPlay - 3);
        const replay::RollbackRecord rec = replay::Rollback(*conn).apply(game.id, options);
        QCOMPARE(rec.deletedPlays, game.lastPlay - 3);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT max(play_number) FROM public.plays WHERE game_id = $1"), {game.id}),
                 3);
        QVERIFY(dataFingerprint(*conn) != data);
        replay::Rollback(*conn).undo(rec.id, QStringLiteral("undo"));
        QCOMPARE(dataFingerprint(*conn), data);
        QCOMPARE(schemaDump(db), ddl);

        // Unadopting: the way back is a dump; then nothing of Statescope is left.
        const adopt::Holdings held = adopt::Adoption::holdings(*conn);
        QCOMPARE(held.rollbacks, 1);
        QVERIFY(held.rollbackRows > 0);
        QTemporaryDir dumps;
        const auto wrongName = errorOf([&] {
            adopt::Adoption::unadopt(*conn, db, QStringLiteral("nope"), {}, dumps.path());
        });
        QVERIFY(wrongName);
        QCOMPARE(wrongName->kind(), Error::Kind::InvalidInput);
        const QString dump = adopt::Adoption::unadopt(*conn, db, db.database(), QStringLiteral("done"), dumps.path());
        QVERIFY(QFileInfo(dump).size() > 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'statescope'")), 0);
        QCOMPARE(dataFingerprint(*conn), data);
        QCOMPARE(schemaDump(db), ddl);
    }

    void builtInMetricsReadTheGamesTables()
    {
        auto galaxy = test::connect(shaped(demo::Shape::Galaxy));
        metrics::Query q;
        q.metric = QStringLiteral("snapshots");
        const metrics::SeriesSet snaps = metrics::run(*galaxy, q);
        QCOMPARE(snaps.source, QStringLiteral("public.snapshots, detected"));
        QVERIFY(!snaps.series.isEmpty());
        QVERIFY(metrics::resetStart(*galaxy).has_value());
        auto pd = test::connect(shaped(demo::Shape::PaperDynasty));
        q.metric = QStringLiteral("plays");
        const metrics::SeriesSet plays = metrics::run(*pd, q);
        QCOMPARE(plays.source, QStringLiteral("public.plays, detected"));
        qint64 total = 0;
        for (const metrics::Series &s : plays.series)
            for (const metrics::Point &p : s.points)
                total += qint64(p.value);
        QCOMPARE(total, scalar(*pd, QStringLiteral("SELECT count(*) FROM public.plays")));
    }

    void snapshotsPruneAndUndoOnTheGamesTable()
    {
        auto conn = test::connect(shaped(demo::Shape::Galaxy));
        snapshots::SnapshotStore store(*conn);
        QCOMPARE(store.relation().qualifiedName(), QStringLiteral("public.snapshots"));
        QCOMPARE(store.list().size(), 40);
        adopt::Adoption::adopt(*conn, QStringLiteral("test"));
        const QByteArray before = dataFingerprint(*conn);
        snapshots::RetentionPolicy keep;
        keep.maxKeep = 10;
        keep.minAgeSeconds = 0;
        QCOMPARE(store.retentionPreview(keep).toDelete.size(), 30);
        const auto op = snapshots::SnapshotAdmin(*conn).prune(keep, conn->database(), QStringLiteral("test"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM public.snapshots")), 10);
        snapshots::SnapshotAdmin(*conn).undo(op.id, conn->database(), QStringLiteral("undo"));
        QCOMPARE(dataFingerprint(*conn), before);
    }

    void savesChecksumFormsAndRowLevelSecurity()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland);
        auto owner = test::connect(db);
        snapshots::SaveStore saves(*owner);
        QVERIFY(saves.available());
        QCOMPARE(saves.table(), QStringLiteral("public.save_snapshots"));
        const QList<snapshots::SavePlayer> players = saves.players();
        QCOMPARE(players.size(), 24);
        QMap<QString, int> forms;
        for (const snapshots::SavePlayer &p : players)
            for (const snapshots::SaveInfo &s : saves.saves(p.playerId))
                forms[s.checksumForm.isEmpty() ? QStringLiteral("none") : s.checksumForm] += 1;
        QVERIFY2(forms.value(QStringLiteral("jsonb")) > 0, qPrintable(QStringList(forms.keys()).join(',')));
        QVERIFY(forms.value(QStringLiteral("compact")) > 0);
        QCOMPARE(forms.value(QStringLiteral("none")), 1);

        // A role under the policies: a clear explanation instead of 42704, then its view.
        const QString role = uniqueName(QStringLiteral("player_role"));
        owner->execScript(QStringLiteral("CREATE ROLE %1 LOGIN; GRANT SELECT ON public.save_snapshots, "
                                         "public.player_events TO %1;").arg(role));
        pg::ConnectionSettings asRole = db;
        asRole.setValue(QStringLiteral("user"), role);
        {
            auto conn = test::connect(asRole);
            snapshots::SaveStore blocked(*conn);
            const auto e = errorOf([&] { blocked.players(); });
            QVERIFY(e);
            QCOMPARE(e->kind(), Error::Kind::Conflict);
            QVERIFY2(e->message().contains(QLatin1String("row-level security")), qPrintable(e->message()));
            QVERIFY(e->message().contains(QLatin1String("app.current_player_id")));
            const auto bad = errorOf([&] { layout::viewAs(*conn, QStringLiteral("app.other"), QStringLiteral("x")); });
            QVERIFY(bad);
            QCOMPARE(bad->kind(), Error::Kind::InvalidInput);
            blocked.viewAsPlayer(players[3].playerId);
            const QList<snapshots::SavePlayer> seen = blocked.players();
            QCOMPARE(seen.size(), 1);
            QCOMPARE(seen[0].playerId, players[3].playerId);
            QCOMPARE(blocked.saves(players[3].playerId).size(), 5);
            QVERIFY(blocked.saves(players[4].playerId).isEmpty());
        }
        owner->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        owner->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    void timeFiltersPrunePartitionsThroughTheLayout()
    {
        auto conn = test::connect(shaped(demo::Shape::Marketland));
        const auto l = layout::of(*conn);
        const QString sql = l->sql(QStringLiteral(
            "EXPLAIN (FORMAT JSON) SELECT * FROM {player_events e} WHERE e.occurred_at >= $1 "
            "AND e.occurred_at < $2 ORDER BY e.occurred_at DESC LIMIT 50"));
        const QString plan = conn->exec(sql, {QStringLiteral("2025-11-03 00:00+00"),
                                              QStringLiteral("2025-11-04 00:00+00")})
                                 .value(0, 0);
        QVERIFY2(plan.contains(QLatin1String("player_events_2025_11")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("player_events_2025_10")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("player_events_2025_12")), qPrintable(plan));
    }

    void missingColumnsSayWhatTheyCost()
    {
        auto conn = test::connect(shaped(demo::Shape::PaperDynasty));
        conn->execScript(QStringLiteral("ALTER TABLE public.plays DROP COLUMN on_first_final, "
                                        "DROP COLUMN on_second_final, DROP COLUMN on_third_final;"));
        replay::GameStore store(*conn);
        QVERIFY(!replay::GameStore::canCheck(*layout::of(*conn)));
        const QStringList costs = store.limitations();
        QVERIFY2(costs.join(' ').contains(QLatin1String("the consistency check cannot run")),
                 qPrintable(costs.join(' ')));
        for (const replay::GameSummary &g : store.list())
            QCOMPARE(g.firstInconsistentPlay, 0); // not checked rather than wrongly flagged
        QVERIFY(!store.plays(store.list().first().id).isEmpty());
    }

    void layoutFilesMapWhatDetectionCannot()
    {
        const pg::ConnectionSettings ldb = emptyDatabase(QStringLiteral("layoutfile"));
        made << ldb.database();
        auto conn = test::connect(ldb);
        conn->execScript(QStringLiteral(
            "CREATE TABLE public.world_ticks (sid serial PRIMARY KEY, tick bigint NOT NULL, "
            "  body jsonb NOT NULL, taken timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO public.world_ticks (tick, body, taken) SELECT g, jsonb_build_object('t', g), "
            "  timestamptz '2025-01-06 00:00+00' + g * interval '1 minute' FROM generate_series(1, 5) g;"));
        QVERIFY(!layout::of(*conn)->has(layout::Kind::Snapshots));
        const auto missing = errorOf([&] { snapshots::SnapshotStore(*conn).list(); });
        QVERIFY(missing);
        QCOMPARE(missing->kind(), Error::Kind::NotFound);
        QVERIFY(missing->sqlstate().isEmpty()); // never a raw 42P01

        nlohmann::json doc = {{"format", "statescope-layout/1"},
                              {"relations",
                               {{"snapshots",
                                 {{"schema", "public"},
                                  {"table", "world_ticks"},
                                  {"columns", {{"id", "sid"}, {"tick_number", "tick"}, {"state", "body"},
                                               {"created_at", "taken"}}}}}}}};
        layout::applyOverride(*conn, doc, QStringLiteral("test"));
        const QList<snapshots::SnapshotInfo> list = snapshots::SnapshotStore(*conn).list();
        QCOMPARE(list.size(), 5);
        QCOMPARE(snapshots::SnapshotStore(*conn).relation().describe(), QStringLiteral("public.world_ticks, test"));

        // Bad documents change nothing and say what is wrong.
        nlohmann::json badColumn = doc;
        badColumn["relations"]["snapshots"]["columns"]["state"] = "nope";
        auto e = errorOf([&] { layout::applyOverride(*conn, badColumn, QStringLiteral("test")); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        QVERIFY(e->message().contains(QLatin1String("nope")));
        nlohmann::json badRole = doc;
        badRole["relations"]["snapshots"]["columns"]["colour"] = "tick";
        e = errorOf([&] { layout::applyOverride(*conn, badRole, QStringLiteral("test")); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        nlohmann::json badType = doc;
        badType["relations"]["snapshots"]["columns"]["tick_number"] = "body";
        e = errorOf([&] { layout::applyOverride(*conn, badType, QStringLiteral("test")); });
        QVERIFY(e);
        QCOMPARE(snapshots::SnapshotStore(*conn).list().size(), 5); // the good layout stays

        // The detected layout printed as a document is itself a valid layout file.
        layout::Layout::validate(layout::of(*conn)->toJson(), QStringLiteral("round trip"));
        QVERIFY(Layout_roundTrips(*conn));
    }

    void primaryKeyOnlyEventsPageByIdNewestFirst()
    {
        auto conn = test::connect(shaped(demo::Shape::SpaceTraders));
        events::EventStore store(*conn);
        store.prepare();
        QVERIFY(store.pagesById());
        QVERIFY2(store.orderNote().contains(QLatin1String("CREATE INDEX CONCURRENTLY ON \"raw\".\"api_events\"")),
                 qPrintable(store.orderNote()));
        QList<qint64> expected;
        const auto r = conn->exec(QStringLiteral("SELECT id FROM raw.api_events ORDER BY id DESC"));
        for (int i = 0; i < r.rowCount(); ++i)
            expected << r.toLongLong(i, 0);
        QVERIFY(expected.size() >= 400);
        QList<qint64> down;
        std::optional<events::EventKey> from;
        for (;;) {
            const auto rows = store.page({}, from, events::EventStore::Direction::Older, 37);
            if (rows.empty())
                break;
            for (const auto &row : rows)
                down << row.id;
            from = events::EventKey::of(rows.back());
        }
        QCOMPARE(down, expected);
        // And back up from the oldest: the same rows, newest first within each page.
        const auto newer = store.page({}, events::EventKey::of(store.page({}, std::nullopt,
            events::EventStore::Direction::Older, 400).back()), events::EventStore::Direction::Newer, 10);
        QCOMPARE(newer.size(), size_t(10));
        QVERIFY(newer.front().id > newer.back().id);
        // Explained where it matters: the plan uses the primary key, not a sort.
        const auto explained = conn->exec(layout::of(*conn)->sql(
            QStringLiteral("EXPLAIN SELECT id FROM {api_events} WHERE id < 100 ORDER BY id DESC LIMIT 10")));
        QString plan;
        for (int i = 0; i < explained.rowCount(); ++i)
            plan += explained.value(i, 0) + QLatin1Char('\n');
        QVERIFY2(!plan.contains(QLatin1String("Sort")), qPrintable(plan));
        QVERIFY2(plan.contains(QLatin1String("Index")), qPrintable(plan));
    }

    void browsingIndexIsBuiltConcurrentlyOnRequest()
    {
        // Seed 000's table: no time index until asked; then the pages follow the time.
        const pg::ConnectionSettings db = shaped(demo::Shape::SpaceTraders);
        auto conn = test::connect(db);
        layout::IndexPlan p = layout::IndexBuilder::plan(*conn, layout::Kind::ApiEvents);
        QVERIFY(!p.exists);
        QCOMPARE(p.statements.size(), 1);
        QVERIFY(p.statements[0].startsWith(QLatin1String("CREATE INDEX CONCURRENTLY")));
        const auto wrong = errorOf([&] {
            layout::IndexBuilder::build(*conn, db, layout::Kind::ApiEvents, QStringLiteral("nope"), {});
        });
        QVERIFY(wrong);
        QCOMPARE(wrong->kind(), Error::Kind::InvalidInput);
        // An earlier build interrupted midway left an invalid index of that name: the next
        // attempt fails on it, removes it, and the one after that builds.
        QVERIFY(errorOf([&] {
            conn->exec(QStringLiteral("CREATE UNIQUE INDEX CONCURRENTLY api_events_fetched_at_statescope_idx "
                                      "ON raw.api_events (endpoint)"));
        }));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                                              "WHERE c.relname = 'api_events_fetched_at_statescope_idx' AND NOT x.indisvalid")),
                 1);
        QVERIFY(errorOf([&] {
            layout::IndexBuilder::build(*conn, db, layout::Kind::ApiEvents, db.database(), QStringLiteral("test"));
        }));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = "
                                              "'api_events_fetched_at_statescope_idx'")),
                 0);
        p = layout::IndexBuilder::build(*conn, db, layout::Kind::ApiEvents, db.database(), QStringLiteral("test"));
        QVERIFY(p.exists);
        events::EventStore store(*conn);
        store.prepare();
        QVERIFY(!store.pagesById());

        // A partitioned parent: one index per partition, attached, the parent's valid.
        const pg::ConnectionSettings ml = shaped(demo::Shape::Marketland);
        auto mconn = test::connect(ml);
        mconn->exec(QStringLiteral("DROP INDEX public.idx_events_type_time"));
        layout::forget(*mconn);
        const layout::IndexPlan mp = layout::IndexBuilder::plan(*mconn, layout::Kind::PlayerEvents);
        QCOMPARE(mp.partitions.size(), 3);
        QCOMPARE(mp.statements.size(), 7);
        layout::IndexBuilder::build(*mconn, ml, layout::Kind::PlayerEvents, ml.database(), {});
        QCOMPARE(scalar(*mconn, QStringLiteral("SELECT count(*) FROM pg_index x JOIN pg_class c ON c.oid = "
                                               "x.indexrelid WHERE c.relname LIKE '%statescope_idx' AND x.indisvalid")),
                 4);
        const auto explained = mconn->exec(QStringLiteral("EXPLAIN SELECT * FROM public.player_events ORDER BY "
                                                          "occurred_at DESC, event_id DESC LIMIT 5"));
        QString plan;
        for (int i = 0; i < explained.rowCount(); ++i)
            plan += explained.value(i, 0) + QLatin1Char('\n');
        QVERIFY2(!plan.contains(QLatin1String("Sort ")), qPrintable(plan));
    }

    void cliShowsAdoptsAndTakesLayoutFiles()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const pg::ConnectionSettings db = shaped(demo::Shape::Galaxy);
        const QString conn = db.storableString();
        const CliRun shown = runCli({QStringLiteral("layout"), QStringLiteral("show"), QStringLiteral("--db"), conn,
                                     QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject rel = shown.json().object().value(QStringLiteral("relations")).toObject();
        QCOMPARE(rel.value(QStringLiteral("snapshots")).toObject().value(QStringLiteral("table")).toString(),
                 QStringLiteral("snapshots"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("layout.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(shown.out);
        f.close();
        const CliRun listed = runCli({QStringLiteral("snapshots"), QStringLiteral("list"), QStringLiteral("--db"), conn,
                                      QStringLiteral("--layout"), file, QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"statescope-layout/1\", \"relations\": {\"snapshots\": "
                  "{\"schema\": \"public\", \"table\": \"nope\"}}}");
        bad.close();
        const CliRun refused = runCli({QStringLiteral("snapshots"), QStringLiteral("list"), QStringLiteral("--db"),
                                       conn, QStringLiteral("--layout"), bad.fileName()});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("nope"), refused.err.constData());

        const CliRun migrate = runCli({QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), conn,
                                       QStringLiteral("--dry-run")});
        QCOMPARE(migrate.exitCode, 1);
        QVERIFY2(migrate.err.contains("Alembic 009"), migrate.err.constData());
        const CliRun prune = runCli({QStringLiteral("snapshots"), QStringLiteral("prune"), QStringLiteral("--db"), conn,
                                     QStringLiteral("--confirm"), db.database(), QStringLiteral("--keep"),
                                     QStringLiteral("5"), QStringLiteral("--min-age-minutes"), QStringLiteral("0")});
        QCOMPARE(prune.exitCode, 1);
        QVERIFY2(prune.err.contains("db adopt"), prune.err.constData());
        const CliRun adopted = runCli({QStringLiteral("db"), QStringLiteral("adopt"), QStringLiteral("--db"), conn});
        QCOMPARE(adopted.exitCode, 0);
        const CliRun pruned = runCli({QStringLiteral("snapshots"), QStringLiteral("prune"), QStringLiteral("--db"), conn,
                                      QStringLiteral("--confirm"), db.database(), QStringLiteral("--keep"),
                                      QStringLiteral("5"), QStringLiteral("--min-age-minutes"), QStringLiteral("0")});
        QCOMPARE(pruned.exitCode, 0);
        const CliRun status = runCli({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--db"), conn,
                                      QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json().object().value(QStringLiteral("managed_by")).toArray().first().toString(),
                 QStringLiteral("Alembic 009 (public.alembic_version)"));
        // Adopted, and said so; its own bookkeeping is neither failed nor in the way.
        QVERIFY(status.json().object().value(QStringLiteral("adopted")).toBool());
        QVERIFY(status.json().object().value(QStringLiteral("bookkeeping_version")).toInt() >= 1);
        for (const auto &c : status.json().object().value(QStringLiteral("clashes")).toArray())
            QVERIFY2(!c.toString().startsWith(QLatin1String("statescope.")), qPrintable(c.toString()));
        const CliRun said = runCli({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--db"), conn});
        QVERIFY2(said.out.contains("Adopted: Statescope's bookkeeping"), said.out.constData());
        QVERIFY2(!said.out.contains("At version 0"), said.out.constData());
        const CliRun layoutShown = runCli({QStringLiteral("layout"), QStringLiteral("show"), QStringLiteral("--db"), conn});
        QVERIFY2(layoutShown.out.contains("Statescope bookkeeping "), layoutShown.out.constData());
        QVERIFY2(!layoutShown.out.contains("failed") && !layoutShown.out.contains("bookkeeping (no version)"), layoutShown.out.constData());
    }

    void resetAndNextWeekKeepTheFamilysOwnSchema()
    {
        // A Paper Dynasty family: week 1 in its own layout, with database-level settings,
        // an owner and a grant its tools rely on.
        const QString prefix = uniqueName(QStringLiteral("pdfam")).replace(QLatin1Char('_'), QLatin1Char('x'));
        const QString w1 = prefix + QStringLiteral("_2025_w01");
        const QString w2 = prefix + QStringLiteral("_2025_w02");
        const weekly::ServerAdmin admin(serverSettings());
        {
            auto server = test::connect(serverSettings());
            server->exec(QStringLiteral("CREATE DATABASE %1").arg(w1));
            server->exec(QStringLiteral("ALTER DATABASE %1 SET statement_timeout = '41s'").arg(w1));
            server->exec(QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM PUBLIC").arg(w1));
        }
        const pg::ConnectionSettings db1 = admin.databaseSettings(w1);
        {
            auto conn = test::connect(db1);
            demo::DemoOptions o;
            o.games = 3;
            demo::seedShape(*conn, demo::Shape::PaperDynasty, o);
        }
        const QByteArray ddl = schemaDump(db1);
        QVERIFY(!admin.isStatescopes(w1));

        const weekly::DestructivePreview pv = admin.preview(w1);
        QVERIFY(pv.ownSchema);
        QVERIFY2(pv.recreateWith.contains(QLatin1String("its own schema")), qPrintable(pv.recreateWith));
        QVERIFY2(pv.recreateWith.contains(QLatin1String("Alembic")), qPrintable(pv.recreateWith));

        // Create next week: the same schema, no rows, the history row kept.
        admin.create(w2, QStringLiteral("next week"));
        const pg::ConnectionSettings db2 = admin.databaseSettings(w2);
        auto next = test::connect(db2);
        QCOMPARE(scalar(*next, QStringLiteral("SELECT count(*) FROM public.plays")), 0);
        QCOMPARE(next->exec(QStringLiteral("SELECT version_num FROM public.alembic_version")).value(0, 0),
                 QStringLiteral("c4e1f0a7b9d2"));
        QCOMPARE(scalar(*next, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname IN ('core', 'statescope')")), 0);
        QByteArray ddl2 = schemaDump(db2);
        QCOMPARE(ddl2, ddl);
        next.reset();

        // Reset week 1: the full dump first, then the same schema again, settings and grants kept.
        weekly::ActionOptions options;
        options.reason = QStringLiteral("test");
        QTemporaryDir backups;
        options.backupDir = backups.path();
        const weekly::ActionResult r = admin.reset(w1, w1, options);
        QVERIFY(QFileInfo(r.dumpPath).size() > 0);
        auto conn = test::connect(db1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM public.games")), 0);
        QCOMPARE(conn->exec(QStringLiteral("SELECT version_num FROM public.alembic_version")).value(0, 0),
                 QStringLiteral("c4e1f0a7b9d2"));
        QCOMPARE(schemaDump(db1), ddl);
        QCOMPARE(conn->exec(QStringLiteral("SELECT current_setting('statement_timeout')")).value(0, 0),
                 QStringLiteral("41s"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 AND "
                                              "NOT has_database_privilege('public', oid, 'CONNECT')"), {w1}),
                 1);
        conn.reset();
        dropDatabase(w1);
        dropDatabase(w2);
    }

private:
    static bool Layout_roundTrips(pg::Connection &conn)
    {
        const nlohmann::json shown = layout::of(conn)->toJson();
        layout::applyOverride(conn, shown, QStringLiteral("round trip"));
        return layout::of(conn)->find(layout::Kind::Snapshots)->qualifiedName() == QLatin1String("public.world_ticks");
    }
};

QTEST_GUILESS_MAIN(TestLayouts)
#include "tst_layouts.moc"
