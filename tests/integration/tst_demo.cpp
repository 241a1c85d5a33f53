// The demo generator against a real server: determinism, counts, the payload hashes, the
// baseball rules (every play follows from the one before, except the one broken play),
// the Galaxy snapshots, refusing a database with data, and cancellation.

#include "core/demo/demogenerator.h"
#include "core/demo/random.h"
#include "core/error.h"
#include "core/json/canonical.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QRegularExpression>
#include <QTest>
#include <map>
#include <set>

using namespace statescope;
using namespace statescope::test;

namespace {

// md5 over every row of a table in a fixed order, timestamps written in UTC: equal digests
// mean byte-identical contents.
QString digest(pg::Connection &conn, const QString &table, const QString &orderBy)
{
    conn.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    // Table and column names are this test's own constants, never input.
    return conn
        .exec(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY %2)), '') "
                             "FROM %1 t")
                  .arg(table, orderBy))
        .value(0, 0);
}

const std::vector<std::pair<QString, QString>> &seededTables()
{
    static const std::vector<std::pair<QString, QString>> tables = {
        {QStringLiteral("raw.api_events"), QStringLiteral("id")},
        {QStringLiteral("core.games"), QStringLiteral("id")},
        {QStringLiteral("core.roster_links"), QStringLiteral("id")},
        {QStringLiteral("core.lineups"), QStringLiteral("id")},
        {QStringLiteral("core.plays"), QStringLiteral("id")},
        {QStringLiteral("core.rolls"), QStringLiteral("roll_id")},
        {QStringLiteral("core.game_sessions"), QStringLiteral("game_id")},
        {QStringLiteral("core.snapshots"), QStringLiteral("id")},
        {QStringLiteral("core.game_config"), QStringLiteral("key")},
    };
    return tables;
}

std::map<QString, QString> allDigests(pg::Connection &conn)
{
    std::map<QString, QString> d;
    for (const auto &[table, order] : seededTables())
        d[table] = digest(conn, table, order);
    return d;
}

qint64 totalRows(pg::Connection &conn)
{
    qint64 n = 0;
    for (const auto &[table, order] : seededTables())
        n += scalar(conn, QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return n;
}

// ---- the play-by-play check --------------------------------------------------------

struct PlayRow
{
    int number = 0, inning = 0, outs = 0, away = 0, home = 0, code = 0, order = 0;
    bool top = true;
    qint64 onBase[3] = {0, 0, 0}; // lineup ids, 0 = nobody
    qint64 batter = 0, pitcher = 0;
    int batterFinal = 0, runnerFinal[3] = {0, 0, 0}; // 0 = NULL
    int outsRecorded = 0, runs = 0;
};

std::vector<PlayRow> playsOf(pg::Connection &conn, const QString &gameId)
{
    const pg::Result r = conn.exec(
        QStringLiteral(
            "SELECT play_number, inning, half = 'top', outs_before, away_score, home_score, "
            "on_base_code, batting_order, coalesce(on_first_id, 0), coalesce(on_second_id, 0), "
            "coalesce(on_third_id, 0), batter_id, pitcher_id, coalesce(batter_final, 0), "
            "coalesce(on_first_final, 0), coalesce(on_second_final, 0), "
            "coalesce(on_third_final, 0), outs_recorded, runs_scored "
            "FROM core.plays WHERE game_id = $1 ORDER BY play_number"),
        {gameId});
    std::vector<PlayRow> plays;
    for (int i = 0; i < r.rowCount(); ++i) {
        PlayRow p;
        p.number = r.toInt(i, 0);
        p.inning = r.toInt(i, 1);
        p.top = r.toBool(i, 2);
        p.outs = r.toInt(i, 3);
        p.away = r.toInt(i, 4);
        p.home = r.toInt(i, 5);
        p.code = r.toInt(i, 6);
        p.order = r.toInt(i, 7);
        for (int b = 0; b < 3; ++b)
            p.onBase[b] = r.toLongLong(i, 8 + b);
        p.batter = r.toLongLong(i, 11);
        p.pitcher = r.toLongLong(i, 12);
        p.batterFinal = r.toInt(i, 13);
        for (int b = 0; b < 3; ++b)
            p.runnerFinal[b] = r.toInt(i, 14 + b);
        p.outsRecorded = r.toInt(i, 17);
        p.runs = r.toInt(i, 18);
        plays.push_back(p);
    }
    return plays;
}

// The state a play leaves behind (before a finished half-inning is turned over).
struct After
{
    int inning, outs, away, home;
    bool top;
    qint64 onBase[3];
};

After after(const PlayRow &p)
{
    After a{p.inning, p.outs + p.outsRecorded, p.away, p.home, p.top, {0, 0, 0}};
    (p.top ? a.away : a.home) += p.runs;
    if (p.batterFinal >= 1 && p.batterFinal <= 3)
        a.onBase[p.batterFinal - 1] = p.batter;
    for (int b = 0; b < 3; ++b) {
        const int f = p.runnerFinal[b];
        if (p.onBase[b] && f >= 1 && f <= 3)
            a.onBase[f - 1] = p.onBase[b];
    }
    return a;
}

// Turns a finished half-inning over: bases clear, outs back to 0, bottom -> next top.
void turnOver(After &a)
{
    if (a.outs < 3)
        return;
    a.outs = 0;
    a.onBase[0] = a.onBase[1] = a.onBase[2] = 0;
    if (!a.top)
        ++a.inning;
    a.top = !a.top;
}

// What each play did must add up by itself: runs = men who scored, outs = men put out.
bool playAddsUp(const PlayRow &p)
{
    int runs = p.batterFinal == 4 ? 1 : 0;
    int outs = p.batterFinal == 0 ? 1 : 0;
    for (int b = 0; b < 3; ++b) {
        if (!p.onBase[b])
            continue;
        runs += p.runnerFinal[b] == 4 ? 1 : 0;
        outs += p.runnerFinal[b] == 0 ? 1 : 0;
    }
    const int code = (p.onBase[0] ? 1 : 0) | (p.onBase[1] ? 2 : 0) | (p.onBase[2] ? 4 : 0);
    return runs == p.runs && outs == p.outsRecorded && code == p.code;
}

// The play numbers whose starting state does not follow from the play before (or, for
// play 1, from the first pitch), or that do not add up by themselves.
QList<int> brokenLinks(const std::vector<PlayRow> &plays)
{
    QList<int> broken;
    int nextOrder[2] = {1, 1}; // by team: 0 away (bats in the top), 1 home
    for (std::size_t i = 0; i < plays.size(); ++i) {
        const PlayRow &p = plays[i];
        After expected{1, 0, 0, 0, true, {0, 0, 0}};
        if (i > 0) {
            expected = after(plays[i - 1]);
            turnOver(expected);
        }
        const int team = p.top ? 0 : 1;
        const bool follows =
            p.number == int(i) + 1 && p.inning == expected.inning && p.top == expected.top &&
            p.outs == expected.outs && p.away == expected.away && p.home == expected.home &&
            p.onBase[0] == expected.onBase[0] && p.onBase[1] == expected.onBase[1] &&
            p.onBase[2] == expected.onBase[2] && p.order == nextOrder[team];
        if (!follows || !playAddsUp(p))
            broken << p.number;
        nextOrder[team] = p.order % 9 + 1;
    }
    return broken;
}

bool gameIsOver(const PlayRow &last)
{
    const After a = after(last);
    if (a.inning < 9)
        return false;
    if (!a.top && a.home > a.away)
        return true; // walk-off (or the last out of a bottom half the home side leads)
    if (a.outs < 3)
        return false;
    return a.top ? a.home > a.away : a.home != a.away;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases;
    demo::DemoOptions m_options;
    demo::DemoReport m_report;
    std::unique_ptr<pg::Connection> m_a; // seeded with m_options
    std::unique_ptr<pg::Connection> m_b; // seeded again with the same options

    std::unique_ptr<pg::Connection> newDatabase(const QString &hint)
    {
        const auto settings = freshDatabase(hint);
        m_databases << settings.database();
        return pg::Connection::open(settings);
    }

private slots:
    void initTestCase()
    {
        m_a = newDatabase(QStringLiteral("demo_a"));
        m_report = demo::seed(*m_a, m_options);
        m_b = newDatabase(QStringLiteral("demo_b"));
        demo::seed(*m_b, m_options);
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void randomMatchesReferenceValues()
    {
        // SplitMix64 seeded with 1234567 (the reference sequence published with it).
        std::uint64_t state = 1234567;
        const std::uint64_t expected[] = {6457827717110365317ULL, 3203168211198807973ULL,
                                          9817491932198370423ULL, 4593380528125082431ULL,
                                          16408922859458223821ULL};
        for (std::uint64_t e : expected)
            QCOMPARE(demo::Random::splitMix64(state), e);

        demo::Random a(42), b(42);
        for (int i = 0; i < 1000; ++i) {
            const int v = a.uniformInt(-3, 3);
            QCOMPARE(b.uniformInt(-3, 3), v);
            QVERIFY(v >= -3 && v <= 3);
            const double d = a.uniformDouble();
            QCOMPARE(b.uniformDouble(), d);
            QVERIFY(d >= 0.0 && d < 1.0);
        }
        const QRegularExpression v4(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY(v4.match(a.uuid()).hasMatch());
        QVERIFY(demo::Random::stream(7, "events").next() !=
                demo::Random::stream(7, "games").next());
    }

    void sameOptionsGiveIdenticalRows()
    {
        const auto a = allDigests(*m_a);
        const auto b = allDigests(*m_b);
        for (const auto &[table, order] : seededTables()) {
            QVERIFY2(!a.at(table).isEmpty(), qPrintable(table));
            QVERIFY2(a.at(table) == b.at(table), qPrintable(table));
        }
        // The two checks the brief spells out, by name.
        const QString hashes = QStringLiteral(
            "SELECT md5(string_agg(payload_hash, ',' ORDER BY id)) FROM raw.api_events");
        QCOMPARE(m_a->exec(hashes).value(0, 0), m_b->exec(hashes).value(0, 0));
        QCOMPARE(digest(*m_a, QStringLiteral("core.plays"), QStringLiteral("id")),
                 digest(*m_b, QStringLiteral("core.plays"), QStringLiteral("id")));
    }

    void otherSeedGivesOtherRows()
    {
        demo::DemoOptions small;
        small.events = 300;
        small.games = 3;
        small.snapshots = 5;
        auto one = newDatabase(QStringLiteral("demo_s1"));
        auto two = newDatabase(QStringLiteral("demo_s2"));
        demo::seed(*one, small);
        small.seed += 1;
        demo::seed(*two, small);
        const QString events = QStringLiteral("raw.api_events");
        QVERIFY(digest(*one, events, QStringLiteral("id")) !=
                digest(*two, events, QStringLiteral("id")));
        QVERIFY(digest(*one, QStringLiteral("core.plays"), QStringLiteral("id")) !=
                digest(*two, QStringLiteral("core.plays"), QStringLiteral("id")));
    }

    void sameRowsAsOnEveryOtherMachine()
    {
        // Pinned digests of the default options' rows (those not depending on serial ids).
        // They catch a generator that drifts between compilers, libraries or CPUs. When
        // you change the generator on purpose, update them (and say so in the commit).
        pg::Connection &c = *m_a;
        QCOMPARE(
            c
                .exec(QStringLiteral(
                    "SELECT md5(string_agg(row((extract(epoch FROM fetched_at) * 1000)::bigint, "
                    "endpoint, request_key, status_code, payload_hash)::text, E'\\n' ORDER BY id)) "
                    "FROM raw.api_events"))
                .value(0, 0),
            QStringLiteral("981938108329c7020c7ec79b4a4ed0f5"));
        QCOMPARE(
            c.exec(QStringLiteral(
                       "SELECT md5(string_agg(row(game_id, play_number, inning, half, outs_before, "
                       "away_score, home_score, on_base_code, batting_order, batter_final, "
                       "on_first_final, on_second_final, on_third_final, outs_recorded, "
                       "runs_scored, dice_roll, result_description)::text, E'\\n' "
                       "ORDER BY game_id, play_number)) FROM core.plays"))
                .value(0, 0),
            QStringLiteral("ddaa3c58e9217ed1c2aa6474c49a2b22"));
        QCOMPARE(c.exec(QStringLiteral("SELECT md5(string_agg(state::text, E'\\n' ORDER BY "
                                       "tick_number)) FROM core.snapshots"))
                     .value(0, 0),
                 QStringLiteral("b29a9e0ab09a407fee1465ea04877658"));
    }

    void countsMatchReportAndOptions()
    {
        pg::Connection &c = *m_a;
        QCOMPARE(m_report.events, m_options.events);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events")), m_report.events);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(DISTINCT payload_hash) FROM raw.api_events")),
            m_report.distinctPayloads);
        QCOMPARE(scalar(c, QStringLiteral(
                               "SELECT count(*) FROM raw.api_events WHERE status_code >= 400")),
                 m_report.errorEvents);
        QVERIFY(m_report.errorEvents > 0);
        QCOMPARE(m_report.games, m_options.games);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.games")),
                 qint64(m_report.games));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM core.games WHERE status = 'completed'")),
            qint64(m_report.completedGames));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.plays")), m_report.plays);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.lineups")), m_report.lineups);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.rolls")), m_report.rolls);
        QCOMPARE(m_report.snapshots, m_options.snapshots);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.snapshots")),
                 qint64(m_report.snapshots));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.game_sessions")),
                 qint64(m_report.games));
        // About a third of the games are still going on.
        const int active = m_report.games - m_report.completedGames;
        QVERIFY2(active >= m_report.games / 4 && active <= m_report.games / 2,
                 qPrintable(QString::number(active)));
        QVERIFY(m_report.plays > 40 * m_report.games);
        QVERIFY(m_report.rolls > m_report.plays);
    }

    void aboutAThirdOfPayloadsRepeat()
    {
        const double duplicates =
            double(m_report.events - m_report.distinctPayloads) / m_report.events;
        QVERIFY2(duplicates >= 0.20 && duplicates <= 0.45, qPrintable(QString::number(duplicates)));
    }

    void storedHashesAreTheCanonicalPayloadHashes()
    {
        // jsonb re-orders keys and re-spaces the text, but canonical form does not depend
        // on either: parsing the stored text and canonicalizing gives back the hash.
        const pg::Result r = m_a->exec(QStringLiteral(
            "SELECT payload::text, payload_hash FROM raw.api_events WHERE id % 7 = 1 ORDER BY id"));
        QVERIFY(r.rowCount() > 300);
        for (int i = 0; i < r.rowCount(); ++i) {
            const auto doc = nlohmann::json::parse(r.bytes(i, 0).toStdString());
            QCOMPARE(json::payloadHash(doc), r.bytes(i, 1));
        }
    }

    void eventsLookLikeTheApi()
    {
        pg::Connection &c = *m_a;
        const qint64 start = m_options.start.toSecsSinceEpoch();
        // In order, inside the week, with some ties.
        QCOMPARE(
            scalar(c, QStringLiteral(
                          "SELECT count(*) FROM (SELECT fetched_at, lag(fetched_at) OVER "
                          "(ORDER BY id) AS prev FROM raw.api_events) x WHERE fetched_at < prev")),
            qint64(0));
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT count(*) - count(DISTINCT fetched_at) FROM raw.api_events")) >
                0);
        QVERIFY(
            scalar(c,
                   QStringLiteral(
                       "SELECT extract(epoch FROM min(fetched_at))::bigint FROM raw.api_events")) >=
            start);
        QVERIFY(
            scalar(c,
                   QStringLiteral(
                       "SELECT extract(epoch FROM max(fetched_at))::bigint FROM raw.api_events")) <
            start + 7 * 86400);

        const pg::Result endpoints =
            c.exec(QStringLiteral("SELECT DISTINCT endpoint FROM raw.api_events ORDER BY 1"));
        QStringList names;
        for (int i = 0; i < endpoints.rowCount(); ++i)
            names << endpoints.value(i, 0);
        for (const char *e :
             {"/my/agent", "/my/ships", "/my/ships/{symbol}", "/my/contracts",
              "/systems/{system}/waypoints", "/systems/{system}/waypoints/{waypoint}/market"})
            QVERIFY2(names.contains(QLatin1String(e)), e);
        QVERIFY(
            scalar(c, QStringLiteral(
                          "SELECT count(*) FROM raw.api_events WHERE endpoint = "
                          "'/systems/{system}/waypoints' AND request_key ~ "
                          "'^/systems/X1-[A-Z]{2}[0-9]{2}/waypoints\\?page=[0-9]+&limit=20$'")) >
            0);
        // The usual error statuses, with the API's error shape.
        for (int status : {429, 404, 400, 500, 502})
            QVERIFY2(
                scalar(c,
                       QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = $1"),
                       {status}) > 0,
                qPrintable(QString::number(status)));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code >= 400 "
                                     "AND NOT payload ? 'error'")),
            qint64(0));
        QVERIFY(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 429 "
                                     "AND payload #> '{error,data,retryAfter}' IS NOT NULL")) > 0);
        QVERIFY(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 400 "
                                     "AND payload #>> '{error,code}' = '4224'")) > 0);
        // Lists carry meta; the agent's credits move over the week.
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 200 "
                                     "AND endpoint IN ('/my/ships', '/my/contracts', "
                                     "'/systems/{system}/waypoints') AND NOT payload ? 'meta'")),
            qint64(0));
        QVERIFY(
            scalar(c, QStringLiteral(
                          "SELECT count(DISTINCT payload #> '{data,credits}') FROM "
                          "raw.api_events WHERE endpoint = '/my/agent' AND status_code = 200")) >
            20);
        // Sizes from a few hundred bytes to tens of kilobytes.
        QVERIFY(
            scalar(c, QStringLiteral("SELECT min(octet_length(payload::text)) FROM raw.api_events "
                                     "WHERE status_code = 200")) < 600);
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT max(octet_length(payload::text)) FROM raw.api_events")) >
                15000);
        // Text with quotes, tabs, new lines, backslashes and non-ASCII survives COPY.
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE payload::text "
                                         "LIKE '%Z\u00fcrich%'")) > 0);
        QVERIFY(scalar(c,
                       QStringLiteral("SELECT count(*) FROM raw.api_events WHERE payload::text "
                                      "LIKE $1"),
                       {QStringLiteral("%C:\\\\\\\\fleet%")}) > 0);
    }

    void everyPlayFollowsFromThePreviousOneExceptTheBrokenOne()
    {
        QVERIFY(!m_report.brokenGameId.isEmpty());
        QVERIFY(m_report.brokenPlayNumber > 1);
        const pg::Result games =
            m_a->exec(QStringLiteral("SELECT id, status FROM core.games ORDER BY id"));
        QCOMPARE(games.rowCount(), m_report.games);
        bool brokenSeen = false;
        for (int g = 0; g < games.rowCount(); ++g) {
            const QString id = games.value(g, 0);
            const QList<int> broken = brokenLinks(playsOf(*m_a, id));
            if (id == m_report.brokenGameId) {
                brokenSeen = true;
                QCOMPARE(games.value(g, 1), QStringLiteral("active"));
                QCOMPARE(broken, QList<int>{m_report.brokenPlayNumber});
            } else {
                QVERIFY2(broken.isEmpty(), qPrintable(id + QStringLiteral(" at play ") +
                                                      QString::number(broken.value(0))));
            }
        }
        QVERIFY(brokenSeen);
    }

    void theCheckCatchesATamperedPlay()
    {
        // The check above is only worth something if it fails: tamper with copies of a
        // consistent game in database B (no longer needed for comparisons) and see it
        // point at the tampered play.
        const QString game =
            m_b->exec(QStringLiteral("SELECT id FROM core.games WHERE id <> $1 AND status = "
                                     "'completed' ORDER BY id LIMIT 1"),
                      {m_report.brokenGameId})
                .value(0, 0);
        QVERIFY(brokenLinks(playsOf(*m_b, game)).isEmpty());
        const auto tamper = [&](const QString &set, int play) {
            m_b->exec(
                QStringLiteral("UPDATE core.plays SET %1 WHERE game_id = $1 AND play_number = $2")
                    .arg(set),
                {game, play});
        };
        tamper(QStringLiteral("outs_before = (outs_before + 1) % 3"), 10);
        QCOMPARE(brokenLinks(playsOf(*m_b, game)), (QList<int>{10, 11}));
        tamper(QStringLiteral("outs_before = (outs_before + 2) % 3"), 10); // back as it was
        tamper(QStringLiteral("runs_scored = runs_scored + 1"), 20);       // no longer adds up
        QCOMPARE(brokenLinks(playsOf(*m_b, game)).value(0), 20);
    }

    void gamesRowsMatchTheirLastPlay()
    {
        const pg::Result games = m_a->exec(QStringLiteral(
            "SELECT id, status, current_inning, current_half = 'top', away_score, home_score, "
            "coalesce(winner_team_id, 0), home_team_id, away_team_id, completed_at IS NOT NULL "
            "FROM core.games ORDER BY id"));
        for (int g = 0; g < games.rowCount(); ++g) {
            const QString id = games.value(g, 0);
            const std::vector<PlayRow> plays = playsOf(*m_a, id);
            QVERIFY(!plays.empty());
            const PlayRow &last = plays.back();
            After a = after(last);
            const bool completed = games.value(g, 1) == QLatin1String("completed");
            QCOMPARE(games.toBool(g, 9), completed);
            if (completed) {
                // The final score is the last play's score plus that play's runs, and the
                // last play is one that ends a game.
                QVERIFY2(gameIsOver(last), qPrintable(id));
                QCOMPARE(games.toInt(g, 2), last.inning);
                QCOMPARE(games.toBool(g, 3), last.top);
                const int winner = a.home > a.away ? games.toInt(g, 7) : games.toInt(g, 8);
                QVERIFY(a.home != a.away);
                QCOMPARE(games.toInt(g, 6), winner);
            } else {
                QVERIFY(!gameIsOver(last));
                turnOver(a);
                QCOMPARE(games.toInt(g, 2), a.inning);
                QCOMPARE(games.toBool(g, 3), a.top);
                QCOMPARE(games.toInt(g, 6), 0);
            }
            QCOMPARE(games.toInt(g, 4), a.away);
            QCOMPARE(games.toInt(g, 5), a.home);
        }
    }

    void lineupsRostersAndSubstitutions()
    {
        pg::Connection &c = *m_a;
        // Nine starters a side, batting 1 to 9, the pitcher ninth; one id column per league.
        QCOMPARE(scalar(c, QStringLiteral(
                               "SELECT count(*) FROM (SELECT game_id, team_id FROM core.lineups "
                               "WHERE is_starter GROUP BY 1, 2 HAVING count(*) <> 9 OR "
                               "count(DISTINCT batting_order) <> 9 OR "
                               "bool_or(position = 'P' AND batting_order <> 9)) x")),
                 qint64(0));
        QCOMPARE(
            scalar(c,
                   QStringLiteral(
                       "SELECT count(*) FROM core.lineups l JOIN core.games g ON g.id = l.game_id "
                       "WHERE (g.league_id = 'sba') <> (l.player_id IS NOT NULL)")),
            qint64(0));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.roster_links r JOIN "
                                          "core.games g ON g.id = r.game_id "
                                          "WHERE (g.league_id = 'pd') <> (r.card_id IS NOT NULL)")),
                 qint64(0));
        QVERIFY(scalar(c, QStringLiteral("SELECT count(DISTINCT league_id) FROM core.games")) == 2);
        // Bench players: more roster links than starters.
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM core.roster_links")) >
                18 * m_report.games);

        // Substitutions: the replaced row is inactive; plays up to after_play use it, later
        // plays the new row, in its batting slot (pinch hitter) or on the mound (pitcher).
        const pg::Result subs = c.exec(QStringLiteral(
            "SELECT s.game_id, s.id, s.replacing_id, s.after_play, s.position, r.is_active "
            "FROM core.lineups s JOIN core.lineups r ON r.id = s.replacing_id "
            "WHERE NOT s.is_starter ORDER BY s.id"));
        QVERIFY(subs.rowCount() > 0);
        bool pitcherChange = false, pinchHitter = false;
        for (int i = 0; i < subs.rowCount(); ++i) {
            const QString game = subs.value(i, 0);
            const qint64 sub = subs.toLongLong(i, 1), replaced = subs.toLongLong(i, 2);
            const int afterPlay = subs.toInt(i, 3);
            const bool pitcher = subs.value(i, 4) == QLatin1String("P");
            (pitcher ? pitcherChange : pinchHitter) = true;
            QVERIFY(!subs.toBool(i, 5));
            bool newUsed = false;
            for (const PlayRow &p : playsOf(c, game)) {
                const qint64 man = pitcher ? p.pitcher : p.batter;
                if (p.number <= afterPlay)
                    QVERIFY(man != sub);
                else
                    QVERIFY(man != replaced);
                newUsed = newUsed || man == sub;
            }
            QVERIFY2(newUsed, qPrintable(game));
        }
        QVERIFY(pitcherChange);
        QVERIFY(pinchHitter);
    }

    void oneAtBatRollPerPlay()
    {
        pg::Connection &c = *m_a;
        // Exactly one at-bat roll per play, plus some extra rolls.
        QCOMPARE(
            scalar(c,
                   QStringLiteral(
                       "SELECT count(*) FROM core.plays p WHERE (SELECT count(*) FROM core.rolls r "
                       "WHERE r.game_id = p.game_id AND r.play_number = p.play_number "
                       "AND r.roll_type = 'ab') <> 1")),
            qint64(0));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM core.rolls WHERE roll_type = 'ab'")),
            m_report.plays);
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT count(*) FROM core.rolls WHERE roll_type = 'fielding'")) > 0);
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT count(*) FROM core.rolls WHERE roll_type = 'jump'")) > 0);
        // The play's dice text names the roll's dice.
        QCOMPARE(
            scalar(
                c,
                QStringLiteral(
                    "SELECT count(*) FROM core.plays p JOIN core.rolls r ON r.game_id = p.game_id "
                    "AND r.play_number = p.play_number AND r.roll_type = 'ab' "
                    "WHERE p.dice_roll NOT LIKE 'd6:' || (r.roll_data->>'d6') || ' %' "
                    "OR p.dice_roll NOT LIKE '% d20:' || (r.roll_data->>'d20')")),
            qint64(0));
        // Some of each kind of play.
        for (const char *what : {"so = 1", "bb = 1", "homerun = 1", "double = 1",
                                 "outs_recorded = 2", "ab = 0 AND bb = 0"})
            QVERIFY2(scalar(c, QStringLiteral("SELECT count(*) FROM core.plays WHERE %1")
                                   .arg(QLatin1String(what))) > 0,
                     what);
    }

    void snapshotsTickAndOneShipRunsDry()
    {
        pg::Connection &c = *m_a;
        const pg::Result r = c.exec(QStringLiteral(
            "SELECT tick_number, extract(epoch FROM game_time)::bigint, "
            "(state->>'tick_number')::bigint, "
            "jsonb_array_length(state->'ships'), (state->>'total_spawns')::int, "
            "EXISTS (SELECT 1 FROM jsonb_array_elements(state->'ships') s "
            "        WHERE (s->>'fuel')::numeric = 0 AND s->>'status' = 'out_of_fuel') "
            "FROM core.snapshots ORDER BY id"));
        QCOMPARE(r.rowCount(), m_options.snapshots);
        const qint64 start = m_options.start.toSecsSinceEpoch();
        int firstDry = -1;
        for (int i = 0; i < r.rowCount(); ++i) {
            QCOMPARE(r.toLongLong(i, 0), qint64(i + 1) * 60);
            QCOMPARE(r.toLongLong(i, 2), r.toLongLong(i, 0));
            QCOMPARE(r.toLongLong(i, 1), start + r.toLongLong(i, 0));
            QCOMPARE(r.toLongLong(i, 3), r.toLongLong(i, 4));
            const bool dry = r.toBool(i, 5);
            if (dry && firstDry < 0)
                firstDry = i;
            if (firstDry >= 0)
                QVERIFY(dry); // and it stays dry
        }
        QVERIFY2(firstDry > 0 && firstDry < r.rowCount() - 1,
                 qPrintable(QString::number(firstDry)));
        QVERIFY(r.toInt(r.rowCount() - 1, 4) > r.toInt(0, 4)); // ships spawned on the way
        // Ships move between snapshots.
        QVERIFY(
            scalar(
                c,
                QStringLiteral(
                    "SELECT count(DISTINCT state #> '{ships,0,position}') FROM core.snapshots")) ==
            m_options.snapshots);
        QCOMPARE(c.exec(QStringLiteral(
                            "SELECT value::text FROM core.game_config WHERE key = 'retention'"))
                     .value(0, 0),
                 QStringLiteral("{\"max_count\": 100, \"min_age_seconds\": 3600}"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT value::text::int FROM core.game_config WHERE key "
                                          "= 'snapshot_interval'")),
                 qint64(60));
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT count(*) FROM core.game_config WHERE key = 'tick_rate'")) ==
                1);
    }

    void refusesADatabaseThatHoldsData()
    {
        const auto before = allDigests(*m_a);
        const auto error = errorOf([&] { demo::seed(*m_a, m_options); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Conflict);
        QVERIFY(error->detail().contains(QLatin1String("raw.api_events")));
        QVERIFY(allDigests(*m_a) == before);

        // One snapshot is enough to refuse, and nothing else gets written.
        auto conn = newDatabase(QStringLiteral("demo_one_row"));
        conn->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) "
                                  "VALUES (1, now(), '{}')"));
        const auto again = errorOf([&] { demo::seed(*conn, m_options); });
        QVERIFY(again);
        QCOMPARE(again->kind(), Error::Kind::Conflict);
        QCOMPARE(totalRows(*conn), qint64(1));
    }

    void cancelledBeforeStartWritesNothing()
    {
        auto conn = newDatabase(QStringLiteral("demo_cancel0"));
        CancelToken token;
        token.cancel();
        TaskContext ctx(token, {});
        const auto error = errorOf([&] { demo::seed(*conn, m_options, &ctx); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QCOMPARE(totalRows(*conn), qint64(0));
    }

    void cancelledMidwayRollsEverythingBack_data()
    {
        QTest::addColumn<bool>("tokenOnConnection");
        QTest::newRow("task token only") << false;
        QTest::newRow("connection shares the token") << true; // as the demo family does
    }

    void cancelledMidwayRollsEverythingBack()
    {
        QFETCH(bool, tokenOnConnection);
        CancelToken token;
        const auto settings = freshDatabase(QStringLiteral("demo_cancel1"));
        m_databases << settings.database();
        auto conn = pg::Connection::open(settings, pg::Connection::Access::ReadWrite,
                                         tokenOnConnection ? &token : nullptr);
        int reports = 0;
        TaskContext ctx(token, [&](int done, int total, const QString &) {
            QVERIFY(done >= 0 && done <= total);
            if (++reports == 2) // a chunk of events is already with the server
                token.cancel();
        });
        const auto error = errorOf([&] { demo::seed(*conn, m_options, &ctx); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QVERIFY(reports >= 2);
        // The database is as empty as before (seen from a connection of its own: one
        // bound to the cancelled token refuses further statements).
        QCOMPARE(totalRows(*pg::Connection::open(settings)), qint64(0));
        if (!tokenOnConnection)
            QCOMPARE(totalRows(*conn), qint64(0)); // and the connection is still usable
    }

    void reportsProgress()
    {
        demo::DemoOptions small;
        small.events = 5000;
        small.games = 2;
        small.snapshots = 3;
        auto conn = newDatabase(QStringLiteral("demo_progress"));
        CancelToken token;
        QList<int> values;
        TaskContext ctx(token, [&](int done, int total, const QString &) {
            QCOMPARE(total, 1000);
            values << done;
        });
        const demo::DemoReport report = demo::seed(*conn, small, &ctx);
        QCOMPARE(report.events, small.events);
        QVERIFY(values.size() > 3);
        QVERIFY(std::is_sorted(values.begin(), values.end()));
        QCOMPARE(values.last(), 1000);
    }

    void rejectsNonsenseOptions()
    {
        auto conn = newDatabase(QStringLiteral("demo_invalid"));
        demo::DemoOptions bad;
        bad.events = -1;
        auto error = errorOf([&] { demo::seed(*conn, bad); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidInput);
        bad = {};
        bad.start = QDateTime();
        error = errorOf([&] { demo::seed(*conn, bad); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidInput);
        QCOMPARE(totalRows(*conn), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
