// The story of one thing (issue 59): a player, ship or game of each game system's demo, its
// story read whole page by page, forwards and backwards with several page sizes, against an
// oracle of the test's own SQL: per kind of data, the rows that hold the value (snapshots only
// where the parts holding it change, by a window over every snapshot), merged by time. Rows of
// one instant in several kinds, and several rows of one instant in one kind, are neither
// skipped nor read twice at a page's edge. Bad input changes nothing and says why; nothing of
// ours is left in a transaction.
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/find/story.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace statescope;
using namespace statescope::test;

namespace {

struct Line
{
    qint64 at = 0;
    int rank = 0;
    QString what; // "kind|key"
};

QString q(const QString &name)
{
    return layout::quoteIdent(name);
}

} // namespace

class TestStory : public QObject
{
    Q_OBJECT

    QMap<demo::Shape, pg::ConnectionSettings> m_dbs;
    QStringList m_made;

    pg::ConnectionSettings shaped(demo::Shape shape)
    {
        if (!m_dbs.contains(shape)) {
            const pg::ConnectionSettings db = emptyDatabase(QStringLiteral("story_") + demo::shapeName(shape));
            m_made << db.database();
            auto conn = test::connect(db);
            demo::DemoOptions options;
            options.events = 600;
            options.games = 4;
            options.snapshots = 60;
            demo::seedShape(*conn, shape, options);
            m_dbs.insert(shape, db);
        }
        return m_dbs.value(shape);
    }

    // Every entry, reading pages of `size` in `direction` until there is none further.
    static QList<find::StoryEntry> readAll(find::Story &story, find::Story::Direction direction, int size)
    {
        QList<find::StoryEntry> all;
        std::optional<find::StoryCursor> at;
        for (int pages = 0; pages < 100000; ++pages) {
            const find::StoryPage page = story.page(at, direction, size);
            if (direction == find::Story::Direction::Newer) {
                all += page.entries;
                at = page.newer;
            } else {
                QList<find::StoryEntry> before = page.entries;
                before += all;
                all = before;
                at = page.older;
            }
            if (!at)
                break;
        }
        return all;
    }

    // The oracle: the rows of each kind that hold `value`, by the test's own SQL on the
    // layout's tables, merged by time, then by the kind's place in story.sources().
    QList<Line> oracle(pg::Connection &conn, const QStringList &sources, const QString &value)
    {
        const auto lay = layout::of(conn);
        const auto rankOf = [&](const QString &kind) {
            for (int i = 0; i < sources.size(); ++i)
                if (sources[i].startsWith(kind + QLatin1Char(' ')))
                    return i;
            return -1;
        };
        const QString anywhere = QStringLiteral("$.** == ") + QString::fromStdString(nlohmann::json(value.toStdString()).dump());
        QList<Line> lines;
        const auto add = [&](const QString &kind, const QString &sql, const std::vector<pg::Param> &params) {
            const int rank = rankOf(kind);
            QVERIFY2(rank >= 0, qPrintable(kind + QStringLiteral(" is not followed: ") + sources.join(QLatin1String(", "))));
            const pg::Result r = conn.exec(sql, params);
            for (int i = 0; i < r.rowCount(); ++i)
                lines.append({r.toLongLong(i, 0), rank, kind + QLatin1Char('|') + r.value(i, 1)});
        };
        const auto col = [&](layout::Kind k, const char *role) { return q(lay->find(k)->columns.at(QLatin1String(role)).name); };
        const auto table = [&](layout::Kind k) {
            const layout::Relation *r = lay->find(k);
            return q(r->schema) + QLatin1Char('.') + q(r->table);
        };
        const QString micros = QStringLiteral("(extract(epoch FROM %1) * 1000000)::int8");
        if (lay->has(layout::Kind::ApiEvents)) {
            const auto k = layout::Kind::ApiEvents;
            // The request key too where an index answers it (the story asks it only there).
            const bool keyed = lay->find(k)->indexLeadsWith(QStringLiteral("request_key"));
            add(QStringLiteral("api_events"),
                QStringLiteral("SELECT %1 AS t_us, %2::text AS k FROM %3 WHERE (%4 @@ $1::jsonpath OR (%7 AND %5 = $2)) "
                               "AND %6 IS NOT NULL ORDER BY %6, %2")
                    .arg(micros.arg(col(k, "fetched_at")), col(k, "id"), table(k), col(k, "payload"),
                         col(k, "request_key"), col(k, "fetched_at"), keyed ? QStringLiteral("true") : QStringLiteral("false")),
                {anywhere, value});
        }
        if (lay->has(layout::Kind::Snapshots)) {
            // Only where the objects holding the value differ from the previous snapshot's.
            const auto k = layout::Kind::Snapshots;
            add(QStringLiteral("snapshots"),
                QStringLiteral("WITH s AS (SELECT %1 AS t, %2 AS id, %3 AS at, "
                               "jsonb_path_query_array(%4, 'strict $.** ? (@.type() == \"object\" && exists(@.* ? (@ == $v)))', "
                               "jsonb_build_object('v', $2::text)) AS parts FROM %5 WHERE %4 @@ $1::jsonpath AND %3 IS NOT NULL), "
                               "w AS (SELECT t, id, at, parts, lag(parts) OVER (ORDER BY at, id) AS prev FROM s) "
                               "SELECT t, id::text AS k FROM w WHERE prev IS NULL OR prev <> parts ORDER BY at, id")
                    .arg(micros.arg(col(k, "created_at")), col(k, "id"), col(k, "created_at"), col(k, "state"), table(k)),
                {anywhere, value});
        }
        const auto byKey = [&](const QString &kind, layout::Kind k, const char *who, const char *time, const QString &key) {
            if (!lay->has(k))
                return;
            const QString keyCol = key.isEmpty() ? QStringLiteral("ctid") : col(k, key.toLatin1().constData());
            add(kind,
                QStringLiteral("SELECT %1 AS t_us, %2::text AS k FROM %3 WHERE %4::text = $1 AND %5 IS NOT NULL ORDER BY %5, %2")
                    .arg(micros.arg(col(k, time)), keyCol, table(k), col(k, who), col(k, time)),
                {value});
        };
        byKey(QStringLiteral("saves"), layout::Kind::Saves, "player_id", "created_at", QStringLiteral("snapshot_id"));
        byKey(QStringLiteral("player_events"), layout::Kind::PlayerEvents, "player_id", "occurred_at",
              lay->has(layout::Kind::PlayerEvents) && lay->find(layout::Kind::PlayerEvents)->has(QStringLiteral("id"))
                  ? QStringLiteral("id") : QString());
        byKey(QStringLiteral("maneuver_events"), layout::Kind::ManeuverEvents, "ship_id", "created_at", QStringLiteral("id"));
        byKey(QStringLiteral("games"), layout::Kind::Games, "id", "created_at", QStringLiteral("id"));
        byKey(QStringLiteral("plays"), layout::Kind::Plays, "game_id", "created_at", QStringLiteral("id"));
        byKey(QStringLiteral("rolls"), layout::Kind::Rolls, "game_id", "created_at", QStringLiteral("roll_id"));
        if (scalar(conn, QStringLiteral("SELECT (to_regclass('statescope.audit_log') IS NOT NULL)::int")) == 1)
            add(QStringLiteral("audit_log"),
                QStringLiteral("SELECT %1 AS t_us, id::text AS k FROM statescope.audit_log WHERE target = $2 OR details @@ $1::jsonpath "
                               "ORDER BY at, id")
                    .arg(micros.arg(QStringLiteral("at"))),
                {anywhere, value});
        std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
            return a.at != b.at ? a.at < b.at : a.rank < b.rank;
        });
        return lines;
    }

    static QStringList whats(const QList<find::StoryEntry> &entries)
    {
        QStringList out;
        for (const find::StoryEntry &e : entries)
            out << e.source + QLatin1Char('|') + e.key;
        return out;
    }
    static QStringList whats(const QList<Line> &lines)
    {
        QStringList out;
        for (const Line &l : lines)
            out << l.what;
        return out;
    }

    void checkAgainstOracle(const pg::ConnectionSettings &db, const QString &value, int atLeast)
    {
        auto conn = test::connect(db);
        find::Story story(*conn, find::Needle::parse(value));
        const QList<Line> expected = oracle(*conn, story.sources(), value);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(expected.size() >= atLeast,
                 qPrintable(QStringLiteral("the oracle found only %1 rows of %2").arg(expected.size()).arg(value)));
        for (int size : {1, 7, 50}) {
            if (size == 1 && expected.size() > 400)
                continue; // a page per row is asked of the smaller stories only
            const QList<find::StoryEntry> forward = readAll(story, find::Story::Direction::Newer, size);
            QCOMPARE(whats(forward), whats(expected));
            for (qsizetype i = 0; i < forward.size(); ++i)
                QCOMPARE(forward[i].atMicros, expected[i].at);
            const QList<find::StoryEntry> backward = readAll(story, find::Story::Direction::Older, size + 2);
            QCOMPARE(whats(backward), whats(expected));
        }
        // Nothing of ours is left in a transaction once a page is read.
        auto watch = test::connect(db);
        QCOMPARE(scalar(*watch, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                               "AND state <> 'idle'"),
                        {qint64(conn->backendPid())}),
                 0);
    }

private slots:
    void cleanupTestCase()
    {
        auto conn = test::connect(serverSettings());
        for (const QString &db : m_made)
            conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(q(db)));
    }

    void marketlandPlayer()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland);
        auto conn = test::connect(db);
        const QString player = conn->exec(QStringLiteral(
            "SELECT player_id::text FROM public.player_events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
        QVERIFY(!player.isEmpty());
        checkAgainstOracle(db, player, 20);
        // Its first entry is its first event or save, as SQL says.
        find::Story story(*conn, find::Needle::parse(player));
        const find::StoryPage first = story.page(std::nullopt, find::Story::Direction::Newer, 5);
        QCOMPARE(first.entries.size(), 5);
        QVERIFY(!first.older);
        QVERIFY(first.newer);
        QCOMPARE(first.entries.front().atMicros,
                 scalar(*conn, QStringLiteral("SELECT (extract(epoch FROM least((SELECT min(occurred_at) FROM public.player_events "
                                              "WHERE player_id = $1::uuid), (SELECT min(created_at) FROM public.save_snapshots "
                                              "WHERE player_id = $1::uuid))) * 1000000)::int8"),
                        {player}));
    }

    void spaceTradersShip()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::SpaceTraders);
        auto conn = test::connect(db);
        const auto lay = layout::of(*conn);
        const layout::Relation &ev = lay->require(layout::Kind::ApiEvents);
        const QString ship = conn->exec(QStringLiteral("SELECT %1 #>> '{data,symbol}' FROM %2.%3 WHERE %1 #>> '{data,symbol}' "
                                                       "IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
                                            .arg(q(ev.columns.at(QStringLiteral("payload")).name), q(ev.schema), q(ev.table)))
                                 .value(0, 0);
        QVERIFY(!ship.isEmpty());
        checkAgainstOracle(db, ship, 5);
        // An event's change is that of the parts holding the ship, from the previous event of
        // its endpoint: the first of each endpoint is "first seen".
        find::Story story(*conn, find::Needle::parse(ship));
        QSet<QString> endpoints;
        for (const find::StoryEntry &e : readAll(story, find::Story::Direction::Newer, 25)) {
            if (e.source != QLatin1String("api_events"))
                continue;
            const QString endpoint = e.summary.section(QLatin1Char(' '), 0, 0);
            QCOMPARE(e.change == QLatin1String("first seen"), !endpoints.contains(endpoint));
            endpoints.insert(endpoint);
        }
    }

    // The player of SpaceTraders is its agent: the agent's symbol, as /my/agent reports it.
    void spaceTradersAgent()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::SpaceTraders);
        auto conn = test::connect(db);
        const auto lay = layout::of(*conn);
        const layout::Relation &ev = lay->require(layout::Kind::ApiEvents);
        const QString agent = conn->exec(QStringLiteral("SELECT %1 #>> '{data,symbol}' FROM %2.%3 WHERE %4 = '/my/agent' "
                                                        "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
                                             .arg(q(ev.columns.at(QStringLiteral("payload")).name), q(ev.schema), q(ev.table),
                                                  q(ev.columns.at(QStringLiteral("endpoint")).name)))
                                  .value(0, 0);
        QVERIFY(!agent.isEmpty());
        checkAgainstOracle(db, agent, 5);
    }

    void galaxyShip()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Galaxy);
        auto conn = test::connect(db);
        const QString ship = conn->exec(QStringLiteral("SELECT state #>> '{ships,0,ship_id}' FROM public.snapshots "
                                                       "ORDER BY id LIMIT 1")).value(0, 0);
        QVERIFY(!ship.isEmpty());
        checkAgainstOracle(db, ship, 2);
    }

    void paperDynastyGame()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::PaperDynasty);
        auto conn = test::connect(db);
        const QString game = conn->exec(QStringLiteral("SELECT game_id::text FROM public.plays GROUP BY 1 "
                                                       "ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
        QVERIFY(!game.isEmpty());
        checkAgainstOracle(db, game, 20);
    }

    // Rows of one instant: ten events and three saves of a player at one moment, two audit
    // entries naming it at that moment too; every page size reads each exactly once.
    void oneInstantAcrossPages()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland);
        auto conn = test::connect(db);
        const QString player = QStringLiteral("0f0f0f0f-1111-2222-3333-444455556666");
        // Their keys cross a power of ten (99996 to 100005): a key ordered as text would put
        // 100000 before 99996.
        conn->exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('public.player_events', 'event_id'), 99995)"));
        conn->exec(QStringLiteral("INSERT INTO public.player_events (player_id, event_type, event_data, occurred_at) "
                                  "SELECT $1::uuid, 'tick', jsonb_build_object('n', g), '2025-10-10 10:00:00+00' "
                                  "FROM generate_series(1, 10) g"),
                   {player});
        conn->exec(QStringLiteral("INSERT INTO public.players (player_id, display_name) VALUES ($1::uuid, 'instant')"),
                   {player});
        conn->exec(QStringLiteral("INSERT INTO public.save_snapshots (player_id, version, snapshot_data, checksum, created_at) "
                                  "SELECT $1::uuid, '3.0.0', jsonb_build_object('coins', g), md5(g::text), "
                                  "'2025-10-10 10:00:00+00' FROM generate_series(1, 3) g"),
                   {player});
        conn->execScript(QStringLiteral("CREATE SCHEMA IF NOT EXISTS statescope; "
                                        "CREATE TABLE IF NOT EXISTS statescope.audit_log (id bigserial PRIMARY KEY, "
                                        "at timestamptz NOT NULL DEFAULT now(), os_user text NOT NULL, "
                                        "db_user text NOT NULL DEFAULT current_user, action text NOT NULL, "
                                        "target text NOT NULL, reason text, details jsonb NOT NULL DEFAULT '{}')"));
        conn->exec(QStringLiteral("INSERT INTO statescope.audit_log (at, os_user, action, target, details) VALUES "
                                  "('2025-10-10 10:00:00+00', 'support', 'save_restored', $1, '{}'), "
                                  "('2025-10-10 10:00:00+00', 'support', 'rollback', 'marketland', "
                                  "jsonb_build_object('player_id', $1::text))"),
                   {player});
        auto reader = test::connect(db);
        find::Story story(*reader, find::Needle::parse(player));
        const QList<Line> expected = oracle(*reader, story.sources(), player);
        QCOMPARE(expected.size(), 15);
        for (int size : {1, 2, 3, 4, 6, 14, 15, 16}) {
            QCOMPARE(whats(readAll(story, find::Story::Direction::Newer, size)), whats(expected));
            QCOMPARE(whats(readAll(story, find::Story::Direction::Older, size)), whats(expected));
        }
        // A page from a place inside the instant, both ways, meets where it started.
        const find::StoryPage first = story.page(std::nullopt, find::Story::Direction::Newer, 6);
        const find::StoryPage next = story.page(first.newer, find::Story::Direction::Newer, 4);
        const find::StoryPage back = story.page(next.older, find::Story::Direction::Older, 6);
        QCOMPARE(whats(back.entries), whats(first.entries));
    }

    void badInputIsRefused()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland);
        auto conn = test::connect(db);
        find::Story story(*conn, find::Needle::parse(QStringLiteral("3dbb7fcd")));
        for (int limit : {0, -1, find::Story::kMaxLimit + 1}) {
            try {
                story.page(std::nullopt, find::Story::Direction::Newer, limit);
                QFAIL("a page size out of range was read");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            }
        }
        for (const char *token : {"", "x", "1.2", "1.x.AA", "12.-1.AA", "12.1.*", "12.99.AA"}) {
            try {
                story.page(find::StoryCursor::parse(QLatin1String(token)), find::Story::Direction::Newer, 5);
                QFAIL(qPrintable(QStringLiteral("\"%1\" was taken for a place").arg(QLatin1String(token))));
            } catch (const Error &e) {
                QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            }
        }
        // A value no column of the kinds can hold: nothing followed, an empty story.
        find::Story none(*conn, find::Needle::parse(QStringLiteral("not-a-player")));
        const find::StoryPage page = none.page(std::nullopt, find::Story::Direction::Newer, 5);
        QVERIFY(page.entries.isEmpty());
        QVERIFY(!page.newer && !page.older);
        // The command line: a story is of one database; a bad place changes nothing.
        const QString conninfo = db.storableString();
        CliRun r = runCli({QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--server"),
                           serverSettings().storableString(), QStringLiteral("--prefix"), QStringLiteral("story_"),
                           QStringLiteral("x")});
        QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
        r = runCli({QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--db"), conninfo,
                    QStringLiteral("--after"), QStringLiteral("nonsense"), QStringLiteral("3dbb7fcd")});
        QVERIFY2(r.exitCode != 0 && QString::fromUtf8(r.err).contains(QLatin1String("not a place")), qPrintable(r.describe()));
        r = runCli({QStringLiteral("find"), QStringLiteral("--csv"), QStringLiteral("--db"), conninfo, QStringLiteral("x")});
        QVERIFY2(r.exitCode != 0 && QString::fromUtf8(r.err).contains(QLatin1String("--story")), qPrintable(r.describe()));
    }

    // A login that may read the player's events but not the saves: the saves are named as
    // left out, the rest of the story is told. The events' row-level security binds that
    // login: they are read as the player followed (the policy's setting set to the id).
    void aTableTheLoginMayNotReadIsLeftOut()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland);
        auto conn = test::connect(db);
        const QString player = conn->exec(QStringLiteral(
            "SELECT player_id::text FROM public.player_events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
        const QString role = test::uniqueName(QStringLiteral("storyreader"));
        conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
        conn->exec(QStringLiteral("GRANT SELECT ON public.player_events TO %1").arg(role));
        {
            pg::ConnectionSettings as = db;
            as.setValue(QStringLiteral("user"), role);
            auto limited = pg::Connection::open(as, pg::Connection::Access::ReadOnly);
            find::Story story(*limited, find::Needle::parse(player));
            QVERIFY2(story.skipped().join(QLatin1Char(' ')).contains(QLatin1String("saves (public.save_snapshots): this login may not read it")),
                     qPrintable(story.skipped().join(QLatin1String("; "))));
            const QList<find::StoryEntry> all = readAll(story, find::Story::Direction::Newer, 50);
            QCOMPARE(qint64(all.size()), scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events "
                                                                      "WHERE player_id = $1::uuid"),
                                                {player}));
        }
        conn->exec(QStringLiteral("REVOKE ALL ON public.player_events FROM %1").arg(role));
        conn->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    // The command line's export holds the whole story, as the pages do.
    void cliExportsTheWholeStory()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland);
        auto conn = test::connect(db);
        const QString player = conn->exec(QStringLiteral(
            "SELECT player_id::text FROM public.player_events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
        find::Story story(*conn, find::Needle::parse(player));
        const QList<Line> expected = oracle(*conn, story.sources(), player);
        const CliRun jsonl = runCli({QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--db"),
                                     db.storableString(), QStringLiteral("--all"), QStringLiteral("--jsonl"),
                                     QStringLiteral("--limit"), QStringLiteral("9"), player});
        QVERIFY2(jsonl.exitCode == 0, qPrintable(jsonl.describe()));
        QStringList got;
        for (const QString &line : QString::fromUtf8(jsonl.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto j = nlohmann::json::parse(line.toStdString(), nullptr, false);
            QVERIFY2(j.is_object(), qPrintable(line));
            got << QString::fromStdString(j.value("source", "")) + QLatin1Char('|')
                    + QString::fromStdString(j["key"].begin().value().get<std::string>());
        }
        QCOMPARE(got, whats(expected));
        const CliRun csv = runCli({QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--db"),
                                   db.storableString(), QStringLiteral("--all"), QStringLiteral("--csv"), player});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.describe()));
        QVERIFY(QString::fromUtf8(csv.out).startsWith(QLatin1String("at,source,table,key_column,key,summary,change,document\n")));
        // A page, then the next from the place it printed.
        const CliRun page = runCli({QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--db"),
                                    db.storableString(), QStringLiteral("--json"), QStringLiteral("--limit"),
                                    QStringLiteral("3"), player});
        QVERIFY2(page.exitCode == 0, qPrintable(page.describe()));
        const QJsonObject doc = page.json().object();
        QCOMPARE(doc.value(QStringLiteral("entries")).toArray().size(), 3);
        QVERIFY(doc.value(QStringLiteral("older")).isNull());
        const CliRun next = runCli({QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--db"),
                                    db.storableString(), QStringLiteral("--json"), QStringLiteral("--limit"),
                                    QStringLiteral("3"), QStringLiteral("--after"),
                                    doc.value(QStringLiteral("newer")).toString(), player});
        QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
        const QJsonArray second = next.json().object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(second.size(), 3);
        QCOMPARE(second.at(0).toObject().value(QStringLiteral("source")).toString() + QLatin1Char('|')
                     + second.at(0).toObject().value(QStringLiteral("key")).toObject().begin().value().toString(),
                 expected.at(3).what);
    }
};

QTEST_GUILESS_MAIN(TestStory)
#include "tst_story.moc"
