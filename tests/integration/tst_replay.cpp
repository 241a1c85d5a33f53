// The replay core against a real server: replaying the demo generator's games reproduces
// the stored rows, the broken game is found by both the C++ and the SQL check, the rules
// of stateAfter() on hand-made games, lineupAt(), GameStore::list() filters, game id
// validation, and the CLI commands games list / replay / check.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/play.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>
#include <functional>
#include <optional>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

QString describe(const BaseState &s)
{
    return QStringLiteral("inning %1 %2, %3 out, away %4 home %5, runners [%6, %7, %8]")
        .arg(s.inning)
        .arg(halfName(s.half))
        .arg(s.outs)
        .arg(s.awayScore)
        .arg(s.homeScore)
        .arg(s.runners[0])
        .arg(s.runners[1])
        .arg(s.runners[2]);
}

BaseState state(int inning, Half half, int outs, int away, int home,
                std::array<int, 3> runners = {})
{
    BaseState s;
    s.inning = inning;
    s.half = half;
    s.outs = outs;
    s.awayScore = away;
    s.homeScore = home;
    s.runners = runners;
    return s;
}

// ---- hand-made games ----------------------------------------------------------------

struct HandGame
{
    QString id;
    int awayTeam = 0;
    int homeTeam = 0;
    std::array<int, 10> away{}; // lineup ids by batting order (1..9; 9 is the pitcher)
    std::array<int, 10> home{};
};

HandGame insertGame(pg::Connection &conn, const QString &league = QStringLiteral("sba"),
                    const QString &status = QStringLiteral("active"), int homeTeam = 1,
                    int awayTeam = 2, const QString &createdAt = {})
{
    HandGame g;
    g.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    g.homeTeam = homeTeam;
    g.awayTeam = awayTeam;
    conn.exec(QStringLiteral("INSERT INTO core.games (id, league_id, home_team_id, away_team_id, "
                             "status, created_at) VALUES ($1, $2, $3, $4, $5, "
                             "coalesce($6::timestamptz, now()))"),
              {g.id, league, homeTeam, awayTeam, status,
               createdAt.isEmpty() ? pg::Param(nullptr) : pg::Param(createdAt)});
    static const char *const kPositions[] = {"",   "CF", "SS", "1B", "LF",
                                             "RF", "3B", "2B", "C",  "P"};
    const bool sba = league == QLatin1String("sba");
    for (int team : {awayTeam, homeTeam}) {
        auto &ids = team == awayTeam ? g.away : g.home;
        for (int order = 1; order <= 9; ++order) {
            const int person = team * 100 + order;
            ids[size_t(order)] =
                conn.exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, card_id, "
                                         "player_id, position, batting_order) "
                                         "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"),
                          {g.id, team, sba ? pg::Param(nullptr) : pg::Param(person),
                           sba ? pg::Param(person) : pg::Param(nullptr), kPositions[order], order})
                    .toInt(0, 0);
        }
    }
    return g;
}

// A substitution row: replaces lineup row `replacing` after play `afterPlay`.
int insertSub(pg::Connection &conn, const QString &gameId, int team, int replacing,
              int battingOrder, int afterPlay, int person)
{
    conn.exec(QStringLiteral("UPDATE core.lineups SET is_active = false WHERE id = $1"),
              {replacing});
    return conn
        .exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, position, "
                             "batting_order, is_starter, is_active, replacing_id, after_play) "
                             "VALUES ($1, $2, $3, 'PH', $4, false, true, $5, $6) RETURNING id"),
              {gameId, team, person, battingOrder, replacing, afterPlay})
        .toInt(0, 0);
}

std::optional<int> fin(int base)
{
    return base ? std::optional<int>(base) : std::nullopt;
}

// A play as the C++ side sees it; on_base_code stored as the runners imply unless changed.
Play makePlay(int number, const BaseState &start, int batter, int pitcher, int batterFinal,
              std::array<int, 3> runnerFinals, int outs, int runs)
{
    Play p;
    p.playNumber = number;
    p.start = start;
    p.batterId = batter;
    p.pitcherId = pitcher;
    p.batterFinal = fin(batterFinal);
    p.runnerFinals = {fin(runnerFinals[0]), fin(runnerFinals[1]), fin(runnerFinals[2])};
    p.outsRecorded = outs;
    p.runsScored = runs;
    p.onBaseCodeStored = start.onBaseCode();
    p.description = QStringLiteral("hand-made play %1").arg(number);
    return p;
}

void insertPlay(pg::Connection &conn, const QString &gameId, const Play &p)
{
    auto id = [](int v) { return v ? pg::Param(v) : pg::Param(nullptr); };
    const BaseState &s = p.start;
    conn.exec(QStringLiteral(
                  "INSERT INTO core.plays (game_id, play_number, inning, half, outs_before, "
                  "away_score, home_score, on_base_code, on_first_id, on_second_id, on_third_id, "
                  "batter_id, pitcher_id, batter_final, on_first_final, on_second_final, "
                  "on_third_final, outs_recorded, runs_scored, result_description) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
                  "$17, $18, $19, $20)"),
              {gameId,
               p.playNumber,
               s.inning,
               halfName(s.half),
               s.outs,
               s.awayScore,
               s.homeScore,
               p.onBaseCodeStored,
               id(s.runners[0]),
               id(s.runners[1]),
               id(s.runners[2]),
               p.batterId,
               p.pitcherId,
               pg::Param(p.batterFinal),
               pg::Param(p.runnerFinals[0]),
               pg::Param(p.runnerFinals[1]),
               pg::Param(p.runnerFinals[2]),
               p.outsRecorded,
               p.runsScored,
               p.description});
}

// Twelve plays over one and a half innings, each start written out by hand (not computed),
// with the state after each play as the rules say it must be.
struct RuleCase
{
    QList<Play> plays;
    QList<BaseState> after;
};

RuleCase ruleGame(const HandGame &g)
{
    const auto &a = g.away;
    const auto &h = g.home;
    const Half T = Half::Top, B = Half::Bottom;
    RuleCase c;
    auto add = [&c](const Play &p, const BaseState &after) {
        c.plays.append(p);
        c.after.append(after);
    };
    // 1: single.
    add(makePlay(1, state(1, T, 0, 0, 0), a[1], h[9], 1, {0, 0, 0}, 0, 0),
        state(1, T, 0, 0, 0, {a[1], 0, 0}));
    // 2: double, the runner from first to third.
    add(makePlay(2, state(1, T, 0, 0, 0, {a[1], 0, 0}), a[2], h[9], 2, {3, 0, 0}, 0, 0),
        state(1, T, 0, 0, 0, {0, a[2], a[1]}));
    // 3: home run with men on second and third: three runs for the batting (away) side.
    add(makePlay(3, state(1, T, 0, 0, 0, {0, a[2], a[1]}), a[3], h[9], 4, {0, 4, 4}, 0, 3),
        state(1, T, 0, 3, 0));
    // 4: strikeout.
    add(makePlay(4, state(1, T, 0, 3, 0), a[4], h[9], 0, {0, 0, 0}, 1, 0), state(1, T, 1, 3, 0));
    // 5: walk.
    add(makePlay(5, state(1, T, 1, 3, 0), a[5], h[9], 1, {0, 0, 0}, 0, 0),
        state(1, T, 1, 3, 0, {a[5], 0, 0}));
    // 6: fly out, the runner holds.
    add(makePlay(6, state(1, T, 1, 3, 0, {a[5], 0, 0}), a[6], h[9], 0, {1, 0, 0}, 1, 0),
        state(1, T, 2, 3, 0, {a[5], 0, 0}));
    // 7: third out while the runner reaches second: the bases clear anyway, bottom 1.
    add(makePlay(7, state(1, T, 2, 3, 0, {a[5], 0, 0}), a[7], h[9], 0, {2, 0, 0}, 1, 0),
        state(1, B, 0, 3, 0));
    // 8: home run in the bottom half: the run goes to the home side.
    add(makePlay(8, state(1, B, 0, 3, 0), h[1], a[9], 4, {0, 0, 0}, 0, 1), state(1, B, 0, 3, 1));
    // 9: single.
    add(makePlay(9, state(1, B, 0, 3, 1), h[2], a[9], 1, {0, 0, 0}, 0, 0),
        state(1, B, 0, 3, 1, {h[2], 0, 0}));
    // 10: double play: two outs, nobody on.
    add(makePlay(10, state(1, B, 0, 3, 1, {h[2], 0, 0}), h[3], a[9], 0, {0, 0, 0}, 2, 0),
        state(1, B, 2, 3, 1));
    // 11: third out of a bottom half: top of the next inning.
    add(makePlay(11, state(1, B, 2, 3, 1), h[4], a[9], 0, {0, 0, 0}, 1, 0), state(2, T, 0, 3, 1));
    // 12: single to start the second.
    add(makePlay(12, state(2, T, 0, 3, 1), a[8], h[9], 1, {0, 0, 0}, 0, 0),
        state(2, T, 0, 3, 1, {a[8], 0, 0}));
    return c;
}

// The set-based SQL check of GameStore::list() for one game (summary() leaves it to the
// caller's checkConsistency()).
int firstInconsistentBySql(pg::Connection &conn, const QString &gameId)
{
    GameFilter all;
    all.limit = 100000;
    for (const GameSummary &g : GameStore(conn).list(all))
        if (g.id == gameId)
            return g.firstInconsistentPlay;
    return -1;
}

// Sorted, so that two sets compare (and print) as lists.
QStringList ids(const QList<GameSummary> &games)
{
    QStringList out;
    for (const GameSummary &g : games)
        out.append(g.id);
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QList<int> lineupIds(const QList<LineupEntry> &entries)
{
    QList<int> out;
    for (const LineupEntry &e : entries)
        out.append(e.id);
    return out;
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases; // dropped at the end whatever happened
    pg::ConnectionSettings m_demo;
    demo::DemoReport m_report;
    pg::ConnectionSettings m_hand; // hand-made games

    QString demoConn() const { return m_demo.storableString(); }

    // An active game of the demo that is not the broken one, with at least `minPlays` plays.
    QString activeGame(int minPlays = 8)
    {
        auto conn = test::connect(m_demo);
        const auto r = conn->exec(
            QStringLiteral("SELECT g.id FROM core.games g WHERE g.status = 'active' AND g.id <> $1 "
                           "AND (SELECT count(*) FROM core.plays p WHERE p.game_id = g.id) >= $2 "
                           "ORDER BY g.id LIMIT 1"),
            {m_report.brokenGameId, minPlays});
        return r.rowCount() ? r.value(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        const QString exe = qEnvironmentVariable("STATESCOPE_CLI");
        QVERIFY2(QFileInfo(exe).isExecutable(),
                 "STATESCOPE_CLI must name the statescope-cli binary");

        m_demo = freshDatabase(QStringLiteral("replay_demo"));
        m_databases << m_demo.database();
        m_report = seedDemo(*test::connect(m_demo));
        QCOMPARE(m_report.games, 12);
        QVERIFY(!m_report.brokenGameId.isEmpty());
        QVERIFY(m_report.brokenPlayNumber >= 2);

        m_hand = freshDatabase(QStringLiteral("replay_hand"));
        m_databases << m_hand.database();
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    // ---- the demo games -----------------------------------------------------------------

    void replayReproducesStoredGames()
    {
        auto conn = test::connect(m_demo);
        GameStore store(*conn);
        const auto rows = conn->exec(QStringLiteral(
            "SELECT id, status, current_inning, current_half, home_score, away_score, "
            "winner_team_id, home_team_id, away_team_id FROM core.games ORDER BY id"));
        QCOMPARE(rows.rowCount(), 12);
        int active = 0;
        int completed = 0;
        for (int i = 0; i < rows.rowCount(); ++i) {
            const QString id = rows.value(i, 0);
            if (id == m_report.brokenGameId)
                continue;
            const QString status = rows.value(i, 1);
            const QList<Play> plays = store.plays(id);
            QVERIFY2(!plays.isEmpty(), qPrintable(id));
            const auto issues = checkConsistency(plays);
            QVERIFY2(issues.isEmpty(),
                     qPrintable(id + QLatin1String(": ") + issues.value(0).message()));

            const BaseState end = finalState(plays);
            QVERIFY(end == stateAfter(plays.last()));
            const int inning = rows.toInt(i, 2);
            const QString half = rows.value(i, 3);
            const int home = rows.toInt(i, 4);
            const int away = rows.toInt(i, 5);
            // The score always follows from the plays: the last start plus its runs.
            QCOMPARE(home, end.homeScore);
            QCOMPARE(away, end.awayScore);
            if (status == QLatin1String("active")) {
                ++active;
                QCOMPARE(inning, end.inning);
                QCOMPARE(half, halfName(end.half));
                QVERIFY2(rows.isNull(i, 6), qPrintable(id));
            } else {
                QCOMPARE(status, QStringLiteral("completed"));
                ++completed;
                // A finished game keeps the half it ended in (the last play's), where
                // stateAfter() would already have flipped it after a final third out.
                const Play &last = plays.last();
                QCOMPARE(inning, last.start.inning);
                QCOMPARE(half, halfName(last.start.half));
                if (end.half == last.start.half) {
                    QCOMPARE(inning, end.inning);
                }
                // A winner, and the one the score says.
                QVERIFY2(home != away, qPrintable(id));
                QVERIFY2(!rows.isNull(i, 6), qPrintable(id));
                const int winner = rows.toInt(i, 6);
                QCOMPARE(winner, home > away ? rows.toInt(i, 7) : rows.toInt(i, 8));
                // Nine innings at least; no bottom half is needed when home leads after the top.
                QVERIFY(last.start.inning >= 9);
            }
        }
        QVERIFY2(active >= 1, "the demo made no consistent active game");
        QVERIFY2(completed >= 1, "the demo made no completed game");
        QCOMPARE(active + completed, 11);
    }

    void brokenGameIsFoundByBothChecks()
    {
        auto conn = test::connect(m_demo);
        GameStore store(*conn);
        const QList<Play> plays = store.plays(m_report.brokenGameId);
        QVERIFY(plays.size() >= m_report.brokenPlayNumber);
        const auto issues = checkConsistency(plays);
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().playNumber, m_report.brokenPlayNumber);
        // The home score jumps by two at that one play; everything after follows from it.
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field, QStringLiteral("home_score"));
        QCOMPARE(issues.first().actual.toInt() - issues.first().expected.toInt(), 2);
        QVERIFY(issues.first().message().contains(QString::number(m_report.brokenPlayNumber)));
        QVERIFY(checkConsistency(plays.mid(0, m_report.brokenPlayNumber - 1)).isEmpty());

        // The set-based SQL check agrees with the C++ one, game by game.
        const QList<GameSummary> all = store.list();
        QCOMPARE(all.size(), 12);
        int marked = 0;
        for (const GameSummary &g : all) {
            const auto cpp = checkConsistency(store.plays(g.id));
            const int expected = cpp.isEmpty() ? 0 : cpp.first().playNumber;
            QCOMPARE(g.firstInconsistentPlay, expected);
            if (g.id == m_report.brokenGameId) {
                QCOMPARE(g.firstInconsistentPlay, m_report.brokenPlayNumber);
                ++marked;
            } else {
                QCOMPARE(g.firstInconsistentPlay, 0);
            }
            QCOMPARE(g.lastPlay, store.plays(g.id).last().playNumber);
            QCOMPARE(g.plays, int(store.plays(g.id).size()));
        }
        QCOMPARE(marked, 1);

        GameFilter onlyBad;
        onlyBad.onlyInconsistent = true;
        const QList<GameSummary> bad = store.list(onlyBad);
        QCOMPARE(bad.size(), 1);
        QCOMPARE(bad.first().id, m_report.brokenGameId);
        QCOMPARE(bad.first().firstInconsistentPlay, m_report.brokenPlayNumber);
        QCOMPARE(firstInconsistentBySql(*conn, m_report.brokenGameId), m_report.brokenPlayNumber);
        QCOMPARE(store.summary(m_report.brokenGameId).lastPlay, plays.last().playNumber);
    }

    // ---- hand-made games ----------------------------------------------------------------

    void stateAfterRules()
    {
        auto conn = test::connect(m_hand);
        const HandGame g = insertGame(*conn);
        const RuleCase c = ruleGame(g);
        for (const Play &p : c.plays)
            insertPlay(*conn, g.id, p);

        GameStore store(*conn);
        const QList<Play> plays = store.plays(g.id);
        QCOMPARE(plays.size(), c.plays.size());
        for (int i = 0; i < plays.size(); ++i) {
            // What was written comes back...
            QCOMPARE(plays[i].playNumber, i + 1);
            QCOMPARE(describe(plays[i].start), describe(c.plays[i].start));
            QVERIFY(plays[i].batterFinal == c.plays[i].batterFinal);
            QVERIFY(plays[i].runnerFinals == c.plays[i].runnerFinals);
            QCOMPARE(plays[i].onBaseCodeStored, c.plays[i].start.onBaseCode());
            QCOMPARE(plays[i].description, c.plays[i].description);
            // ... and the state after it is what the rules say.
            QCOMPARE(describe(stateAfter(plays[i])), describe(c.after[i]));
            QVERIFY(stateAfter(plays[i]) == c.after[i]);
        }
        QCOMPARE(describe(finalState(plays)),
                 describe(state(2, Half::Top, 0, 3, 1, {g.away[8], 0, 0})));
        QCOMPARE(describe(finalState({})), describe(BaseState{}));
        QVERIFY(checkConsistency(plays).isEmpty());
        QCOMPARE(firstInconsistentBySql(*conn, g.id), 0);
        const GameSummary s = store.summary(g.id);
        QCOMPARE(s.plays, 12);
        QCOMPARE(s.lastPlay, 12);

        // Each start must follow from the previous play: a start that does not is caught
        // by both checks, at that play, by field.
        const HandGame wrong = insertGame(*conn);
        RuleCase w = ruleGame(wrong);
        w.plays[7].start.homeScore = 0;
        w.plays[7].start.awayScore = 2; // play 8 should start 3-0 after the three-run homer
        for (const Play &p : w.plays)
            insertPlay(*conn, wrong.id, p);
        const auto issues = checkConsistency(store.plays(wrong.id));
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().playNumber, 8);
        QCOMPARE(issues.first().field, QStringLiteral("away_score"));
        QCOMPARE(issues.first().expected, QStringLiteral("3"));
        QCOMPARE(issues.first().actual, QStringLiteral("2"));
        QCOMPARE(firstInconsistentBySql(*conn, wrong.id), 8);

        // A play that starts in the wrong half (the third out did not flip it).
        const HandGame half = insertGame(*conn);
        RuleCase h = ruleGame(half);
        h.plays[7].start.half = Half::Top;
        for (const Play &p : h.plays)
            insertPlay(*conn, half.id, p);
        const auto halfIssues = checkConsistency(store.plays(half.id));
        QVERIFY(!halfIssues.isEmpty());
        QCOMPARE(halfIssues.first().playNumber, 8);
        QCOMPARE(halfIssues.first().field, QStringLiteral("half"));
        QCOMPARE(halfIssues.first().expected, QStringLiteral("bottom"));
        QCOMPARE(firstInconsistentBySql(*conn, half.id), 8);

        // Runners left on after a third out are reported as runners.
        const HandGame runners = insertGame(*conn);
        RuleCase r = ruleGame(runners);
        r.plays[7].start.runners = {runners.away[5], 0, 0};
        r.plays[7].onBaseCodeStored = 1;
        for (const Play &p : r.plays)
            insertPlay(*conn, runners.id, p);
        const auto runnerIssues = checkConsistency(store.plays(runners.id));
        QCOMPARE(runnerIssues.size(), 1);
        QCOMPARE(runnerIssues.first().playNumber, 8);
        QCOMPARE(runnerIssues.first().field, QStringLiteral("runners"));
        QCOMPARE(firstInconsistentBySql(*conn, runners.id), 8);
    }

    void numberingGapsAreReported()
    {
        auto conn = test::connect(m_hand);
        GameStore store(*conn);

        // 1, 2, 4: the chain of states is intact, only a number is missing.
        const HandGame gap = insertGame(*conn);
        RuleCase c = ruleGame(gap);
        c.plays[2].playNumber = 4;
        for (int i = 0; i < 3; ++i)
            insertPlay(*conn, gap.id, c.plays[i]);
        auto issues = checkConsistency(store.plays(gap.id));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().playNumber, 4);
        QCOMPARE(issues.first().field, QStringLiteral("play_number"));
        QCOMPARE(issues.first().expected, QStringLiteral("3"));
        QCOMPARE(issues.first().actual, QStringLiteral("4"));
        QCOMPARE(firstInconsistentBySql(*conn, gap.id), 4);
        QCOMPARE(store.summary(gap.id).lastPlay, 4);
        QCOMPARE(store.summary(gap.id).plays, 3);

        // 2, 3, 4: play 1 is missing (a gap at the start, no duplicates).
        const HandGame late = insertGame(*conn);
        RuleCase l = ruleGame(late);
        for (int i = 0; i < 3; ++i) {
            l.plays[i].playNumber = i + 2;
            insertPlay(*conn, late.id, l.plays[i]);
        }
        issues = checkConsistency(store.plays(late.id));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().playNumber, 2);
        QCOMPARE(issues.first().field, QStringLiteral("play_number"));
        QCOMPARE(issues.first().expected, QStringLiteral("1"));
        QCOMPARE(firstInconsistentBySql(*conn, late.id), 2);

        // A repeated number cannot be stored (UNIQUE), but the C++ check reports it too.
        QList<Play> dup = ruleGame(gap).plays.mid(0, 3);
        dup[2].playNumber = 2;
        issues = checkConsistency(dup);
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().playNumber, 2);
        QCOMPARE(issues.first().field, QStringLiteral("play_number"));
        QCOMPARE(issues.first().expected, QStringLiteral("3"));
        const auto stored = errorOf([&] { insertPlay(*conn, gap.id, dup[2]); });
        QVERIFY(stored.has_value());
        QCOMPARE(stored->sqlstate(), QStringLiteral("23505"));
    }

    void onBaseCodeMismatchIsReported()
    {
        auto conn = test::connect(m_hand);
        GameStore store(*conn);
        const HandGame g = insertGame(*conn);
        RuleCase c = ruleGame(g);
        c.plays[1].onBaseCodeStored = 3; // a man on first only, but the code says 1 and 2
        for (int i = 0; i < 4; ++i)
            insertPlay(*conn, g.id, c.plays[i]);
        auto issues = checkConsistency(store.plays(g.id));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().playNumber, 2);
        QCOMPARE(issues.first().field, QStringLiteral("on_base_code"));
        QCOMPARE(issues.first().expected, QStringLiteral("1"));
        QCOMPARE(issues.first().actual, QStringLiteral("3"));
        QCOMPARE(firstInconsistentBySql(*conn, g.id), 2);

        // A code saying "bases empty" with a runner id present.
        const HandGame e = insertGame(*conn);
        RuleCase d = ruleGame(e);
        d.plays[2].onBaseCodeStored = 0; // runners on second and third: 6
        for (int i = 0; i < 4; ++i)
            insertPlay(*conn, e.id, d.plays[i]);
        issues = checkConsistency(store.plays(e.id));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().playNumber, 3);
        QCOMPARE(issues.first().field, QStringLiteral("on_base_code"));
        QCOMPARE(issues.first().expected, QStringLiteral("6"));
        QCOMPARE(issues.first().actual, QStringLiteral("0"));
        QCOMPARE(firstInconsistentBySql(*conn, e.id), 3);
    }

    void sqlCheckIgnoresFinalsOfEmptyBases()
    {
        // stateAfter() places a runner only when there is one: a *_final written for an
        // empty base is ignored. The set-based SQL check of list() claims the same rule,
        // so it must not flag a chain the C++ check accepts.
        auto conn = test::connect(m_hand);
        const HandGame g = insertGame(*conn);
        const auto &a = g.away;
        const int p = g.home[9];
        const Half T = Half::Top;
        QList<Play> plays;
        plays << makePlay(1, state(1, T, 0, 0, 0), a[1], p, 2, {0, 0, 0}, 0, 0);
        // Nobody on first, yet on_first_final says 2; the man on second holds there.
        plays << makePlay(2, state(1, T, 0, 0, 0, {0, a[1], 0}), a[2], p, 0, {2, 2, 0}, 1, 0);
        plays << makePlay(3, state(1, T, 1, 0, 0, {0, a[1], 0}), a[3], p, 0, {0, 2, 0}, 1, 0);
        for (const Play &play : plays)
            insertPlay(*conn, g.id, play);
        const QList<Play> stored = GameStore(*conn).plays(g.id);
        QVERIFY(stored[1].runnerFinals[0] == std::optional<int>(2));
        QCOMPARE(describe(stateAfter(stored[1])), describe(state(1, T, 1, 0, 0, {0, a[1], 0})));
        QVERIFY(checkConsistency(stored).isEmpty());
        QCOMPARE(firstInconsistentBySql(*conn, g.id), 0);
    }

    void lineupAtAppliesEarlierSubstitutions()
    {
        auto conn = test::connect(m_hand);
        const HandGame g = insertGame(*conn);
        const auto &a = g.away;
        // Away: a reliever for the pitcher after play 3, replaced in turn after play 5;
        // a pinch hitter for the cleanup hitter after play 5. Home: one after play 2.
        const int s1 = insertSub(*conn, g.id, g.awayTeam, a[9], 9, 3, 901);
        const int s2 = insertSub(*conn, g.id, g.awayTeam, s1, 9, 5, 902);
        const int s3 = insertSub(*conn, g.id, g.awayTeam, a[4], 4, 5, 903);
        const int s4 = insertSub(*conn, g.id, g.homeTeam, g.home[2], 2, 2, 904);

        const QList<LineupEntry> all = GameStore(*conn).lineups(g.id);
        QCOMPARE(all.size(), 22);
        for (const LineupEntry &e : all) {
            if (e.id == s2) {
                QCOMPARE(e.replacingId, s1);
                QVERIFY(e.afterPlay == std::optional<int>(5));
                QVERIFY(!e.starter);
            }
            if (e.id == a[1]) {
                QVERIFY(!e.afterPlay.has_value());
                QVERIFY(e.starter);
                QCOMPARE(e.playerId, g.awayTeam * 100 + 1);
                QCOMPARE(e.battingOrder, 1);
            }
        }
        auto starters = [](const std::array<int, 10> &x) {
            return QList<int>{x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]};
        };
        // Before and at play 3 the reliever (after_play 3) is not in yet.
        QCOMPARE(lineupIds(lineupAt(all, g.awayTeam, 1)), starters(a));
        QCOMPARE(lineupIds(lineupAt(all, g.awayTeam, 3)), starters(a));
        // From play 4 on he is.
        QList<int> at4 = starters(a);
        at4[8] = s1;
        QCOMPARE(lineupIds(lineupAt(all, g.awayTeam, 4)), at4);
        QCOMPARE(lineupIds(lineupAt(all, g.awayTeam, 5)), at4);
        // From play 6 on the second reliever replaces the first, the pinch hitter bats 4th.
        QList<int> at6 = starters(a);
        at6[8] = s2;
        at6[3] = s3;
        QCOMPARE(lineupIds(lineupAt(all, g.awayTeam, 6)), at6);
        QCOMPARE(lineupIds(lineupAt(all, g.awayTeam, 100)), at6);
        // The other team is untouched by them; its own substitution counts from play 3.
        QCOMPARE(lineupIds(lineupAt(all, g.homeTeam, 2)), starters(g.home));
        QList<int> home3 = starters(g.home);
        home3[1] = s4;
        QCOMPARE(lineupIds(lineupAt(all, g.homeTeam, 3)), home3);
        // An unknown team has no lineup.
        QVERIFY(lineupAt(all, 999, 3).isEmpty());

        // The order of the input does not matter (substitutions are applied by after_play).
        QList<LineupEntry> reversed(all.rbegin(), all.rend());
        QCOMPARE(lineupIds(lineupAt(reversed, g.awayTeam, 6)), at6);
    }

    void listFilters()
    {
        const pg::ConnectionSettings db = freshDatabase(QStringLiteral("replay_filters"));
        m_databases << db.database();
        auto conn = test::connect(db);
        GameStore store(*conn);
        const HandGame g1 = insertGame(*conn, QStringLiteral("sba"), QStringLiteral("active"), 1, 2,
                                       QStringLiteral("2025-01-06 10:00:00+00"));
        const HandGame g2 = insertGame(*conn, QStringLiteral("pd"), QStringLiteral("completed"), 3,
                                       1, QStringLiteral("2025-01-07 10:00:00+00"));
        const HandGame g3 = insertGame(*conn, QStringLiteral("sba"), QStringLiteral("pending"), 4,
                                       5, QStringLiteral("2025-01-08 23:59:59+00"));
        const HandGame g4 = insertGame(*conn, QStringLiteral("pd"), QStringLiteral("active"), 2, 6,
                                       QStringLiteral("2025-01-09 00:00:00+00"));
        for (const HandGame *g : {&g1, &g2}) {
            const RuleCase c = ruleGame(*g);
            for (int i = 0; i < 4; ++i)
                insertPlay(*conn, g->id, c.plays[i]);
        }
        RuleCase bad = ruleGame(g4);
        bad.plays[2].start.outs = 1;
        for (int i = 0; i < 4; ++i)
            insertPlay(*conn, g4.id, bad.plays[i]);

        auto listed = [&](auto setup) {
            GameFilter f;
            setup(f);
            return ids(store.list(f));
        };
        auto S = [](const QStringList &l) { return sorted(l); };
        QCOMPARE(listed([](GameFilter &) {}), S({g1.id, g2.id, g3.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("active"); }),
                 S({g1.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("completed"); }), S({g2.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("pending"); }), S({g3.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("abandoned"); }), S({}));
        QCOMPARE(listed([](GameFilter &f) { f.league = QStringLiteral("sba"); }),
                 S({g1.id, g3.id}));
        QCOMPARE(listed([](GameFilter &f) { f.league = QStringLiteral("pd"); }), S({g2.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.team = 1; }), S({g1.id, g2.id})); // home or away
        QCOMPARE(listed([](GameFilter &f) { f.team = 2; }), S({g1.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.team = 6; }), S({g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.team = 99; }), S({}));
        QCOMPARE(listed([](GameFilter &f) { f.onlyInconsistent = true; }), S({g4.id}));
        QCOMPARE(listed([](GameFilter &f) {
                     f.status = QStringLiteral("active");
                     f.league = QStringLiteral("sba");
                 }),
                 S({g1.id}));
        QCOMPARE(listed([](GameFilter &f) {
                     f.league = QStringLiteral("sba");
                     f.onlyInconsistent = true;
                 }),
                 S({}));
        QCOMPARE(listed([](GameFilter &f) {
                     f.from = QDate(2025, 1, 7);
                     f.to = QDate(2025, 1, 8);
                 }),
                 S({g2.id, g3.id}));
        QCOMPARE(listed([](GameFilter &f) { f.from = QDate(2025, 1, 9); }), S({g4.id}));

        // Newest first; the limit keeps the newest; the summary carries the counts.
        const QList<GameSummary> all = store.list();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].id, g4.id);
        QCOMPARE(all[3].id, g1.id);
        QCOMPARE(all[3].league, QStringLiteral("sba"));
        QCOMPARE(all[3].homeTeam, 1);
        QCOMPARE(all[3].awayTeam, 2);
        QCOMPARE(all[3].status, QStringLiteral("active"));
        QCOMPARE(all[3].plays, 4);
        QCOMPARE(all[3].lastPlay, 4);
        QCOMPARE(all[3].firstInconsistentPlay, 0);
        QCOMPARE(all[0].firstInconsistentPlay, 3);
        QCOMPARE(all[1].plays, 0);
        QCOMPARE(all[1].lastPlay, 0);
        QCOMPARE(all[1].firstInconsistentPlay, 0);
        GameFilter two;
        two.limit = 2;
        const QList<GameSummary> newest = store.list(two);
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest[0].id, g4.id);
        QCOMPARE(newest[1].id, g3.id);
        GameFilter none;
        none.limit = 0;
        const auto limitError = errorOf([&] { store.list(none); });
        QVERIFY(limitError.has_value());
        QCOMPARE(limitError->kind(), Error::Kind::InvalidInput);
    }

    void badGameIds()
    {
        auto conn = test::connect(m_demo);
        GameStore store(*conn);
        const QStringList malformed = {QStringLiteral("not-a-uuid"), QString(),
                                       QStringLiteral("123"),
                                       QStringLiteral("x'; DROP TABLE core.games; --")};
        for (const QString &bad : malformed) {
            for (const auto &call : std::vector<std::function<void()>>{
                     [&] { store.summary(bad); }, [&] { store.plays(bad); },
                     [&] { store.lineups(bad); }, [&] { store.rolls(bad, 1); }}) {
                const auto e = errorOf(call);
                QVERIFY2(e.has_value(), qPrintable(bad));
                QCOMPARE(e->kind(), Error::Kind::InvalidInput);
            }
        }
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM core.games")).toInt(0, 0), 12);

        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto missing = errorOf([&] { store.summary(unknown); });
        QVERIFY(missing.has_value());
        QCOMPARE(missing->kind(), Error::Kind::NotFound);

        // Braces, upper case and spaces are accepted and normalised.
        const QString id = m_report.brokenGameId;
        const QString decorated = QStringLiteral(" {%1} ").arg(id.toUpper());
        QCOMPARE(GameStore::normalizeGameId(decorated), id);
        QCOMPARE(store.summary(decorated).id, id);
    }

    void rollsOfAPlay()
    {
        auto conn = test::connect(m_demo);
        const QString game = activeGame();
        QVERIFY(!game.isEmpty());
        const QList<Roll> rolls = GameStore(*conn).rolls(game, 1);
        const int expected = conn->exec(QStringLiteral("SELECT count(*) FROM core.rolls WHERE "
                                                       "game_id = $1 AND play_number = 1"),
                                        {game})
                                 .toInt(0, 0);
        QVERIFY(expected >= 1); // every at-bat has its dice roll
        QCOMPARE(int(rolls.size()), expected);
        for (const Roll &r : rolls) {
            QCOMPARE(r.playNumber, 1);
            QVERIFY(!r.rollId.isEmpty());
            QVERIFY(QJsonDocument::fromJson(r.data.toUtf8()).isObject());
        }
    }

    // ---- the CLI ------------------------------------------------------------------------

    void cliReplayPrintsOneLinePerPlay()
    {
        const QString game = activeGame();
        QVERIFY(!game.isEmpty());
        auto conn = test::connect(m_demo);
        const QList<Play> plays = GameStore(*conn).plays(game);

        const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                                 QStringLiteral("--game"), game, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.endsWith('\n'));
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), plays.size());
        for (int i = 0; i < lines.size(); ++i) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
            QVERIFY2(doc.isObject(), lines[i].constData());
            const QJsonObject o = doc.object();
            const BaseState after = stateAfter(plays[i]);
            QCOMPARE(o.value(QLatin1String("play_number")).toInt(), plays[i].playNumber);
            QCOMPARE(o.value(QLatin1String("inning")).toInt(), after.inning);
            QCOMPARE(o.value(QLatin1String("half")).toString(), halfName(after.half));
            QCOMPARE(o.value(QLatin1String("outs")).toInt(), after.outs);
            QCOMPARE(o.value(QLatin1String("away_score")).toInt(), after.awayScore);
            QCOMPARE(o.value(QLatin1String("home_score")).toInt(), after.homeScore);
            const QJsonArray runners = o.value(QLatin1String("runners")).toArray();
            QCOMPARE(runners.size(), 3);
            for (int b = 0; b < 3; ++b)
                QCOMPARE(runners[b].toInt(), after.runners[size_t(b)]);
            QCOMPARE(o.value(QLatin1String("on_base_code")).toInt(), after.onBaseCode());
            QCOMPARE(o.value(QLatin1String("runs_scored")).toInt(), plays[i].runsScored);
            QCOMPARE(o.value(QLatin1String("outs_recorded")).toInt(), plays[i].outsRecorded);
            QCOMPARE(o.value(QLatin1String("description")).toString(), plays[i].description);
        }
    }

    void cliReplayTo()
    {
        const QString game = activeGame();
        QVERIFY(!game.isEmpty());
        auto conn = test::connect(m_demo);
        const QList<Play> plays = GameStore(*conn).plays(game);
        const int last = plays.last().playNumber;
        for (int n : {0, 1, last / 2, last}) {
            const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                                     QStringLiteral("--game"), game, QStringLiteral("--to"),
                                     QString::number(n), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonObject o = r.json().object();
            const BaseState expected = n == 0 ? BaseState{} : stateAfter(plays[n - 1]);
            QCOMPARE(o.value(QLatin1String("game_id")).toString(), game);
            QCOMPARE(o.value(QLatin1String("play_number")).toInt(-1), n);
            QCOMPARE(o.value(QLatin1String("inning")).toInt(), expected.inning);
            QCOMPARE(o.value(QLatin1String("half")).toString(), halfName(expected.half));
            QCOMPARE(o.value(QLatin1String("outs")).toInt(-1), expected.outs);
            QCOMPARE(o.value(QLatin1String("away_score")).toInt(-1), expected.awayScore);
            QCOMPARE(o.value(QLatin1String("home_score")).toInt(-1), expected.homeScore);
            const QJsonArray runners = o.value(QLatin1String("runners")).toArray();
            QCOMPARE(runners.size(), 3);
            for (int b = 0; b < 3; ++b)
                QCOMPARE(runners[b].toInt(-1), expected.runners[size_t(b)]);
            // In a consistent game the state after play n is where play n + 1 starts.
            if (n < last)
                QCOMPARE(describe(expected), describe(plays[n].start));
        }
        // Beyond the last play: a usage error.
        const CliRun beyond = runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                                      QStringLiteral("--game"), game, QStringLiteral("--to"),
                                      QString::number(last + 1)});
        QCOMPARE(beyond.exitCode, 2);
        QVERIFY(beyond.out.isEmpty());
        // A malformed game id: usage error; an unknown one: failure.
        const CliRun malformed =
            runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                    QStringLiteral("--game"), QStringLiteral("nope"), QStringLiteral("--json")});
        QCOMPARE(malformed.exitCode, 2);
        QCOMPARE(malformed.json()
                     .object()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("invalid_input"));
        const CliRun unknown = runCli(
            {QStringLiteral("replay"), QStringLiteral("--db"), demoConn(), QStringLiteral("--game"),
             QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("--json")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.json()
                     .object()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("not_found"));
    }

    void cliCheck()
    {
        const CliRun bad =
            runCli({QStringLiteral("check"), QStringLiteral("--db"), demoConn(),
                    QStringLiteral("--game"), m_report.brokenGameId, QStringLiteral("--json")});
        QVERIFY2(bad.exitCode == 0, qPrintable(bad.describe())); // exit 0 either way
        const QJsonObject b = bad.json().object();
        QCOMPARE(b.value(QLatin1String("game_id")).toString(), m_report.brokenGameId);
        QCOMPARE(b.value(QLatin1String("consistent")).toBool(true), false);
        QCOMPARE(b.value(QLatin1String("first_inconsistent_play")).toInt(),
                 m_report.brokenPlayNumber);
        const QJsonArray issues = b.value(QLatin1String("issues")).toArray();
        QCOMPARE(issues.size(), 1);
        const QJsonObject issue = issues.first().toObject();
        QCOMPARE(issue.value(QLatin1String("play_number")).toInt(), m_report.brokenPlayNumber);
        QCOMPARE(issue.value(QLatin1String("field")).toString(), QStringLiteral("home_score"));
        QCOMPARE(issue.value(QLatin1String("actual")).toString().toInt() -
                     issue.value(QLatin1String("expected")).toString().toInt(),
                 2);

        const QString game = activeGame();
        const CliRun good = runCli({QStringLiteral("check"), QStringLiteral("--db"), demoConn(),
                                    QStringLiteral("--game"), game, QStringLiteral("--json")});
        QVERIFY2(good.exitCode == 0, qPrintable(good.describe()));
        const QJsonObject g = good.json().object();
        QCOMPARE(g.value(QLatin1String("consistent")).toBool(false), true);
        QCOMPARE(g.value(QLatin1String("first_inconsistent_play")).toInt(-1), 0);
        QVERIFY(g.value(QLatin1String("issues")).toArray().isEmpty());

        // Text mode names the play.
        const CliRun text = runCli({QStringLiteral("check"), QStringLiteral("--db"), demoConn(),
                                    QStringLiteral("--game"), m_report.brokenGameId});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(
            text.out.contains(QStringLiteral("Play %1").arg(m_report.brokenPlayNumber).toUtf8()),
            text.out.constData());
    }

    void cliGamesListInconsistent()
    {
        const CliRun r =
            runCli({QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"),
                    demoConn(), QStringLiteral("--inconsistent"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.json().isArray());
        const QJsonArray games = r.json().array();
        QCOMPARE(games.size(), 1);
        const QJsonObject g = games.first().toObject();
        QCOMPARE(g.value(QLatin1String("id")).toString(), m_report.brokenGameId);
        QCOMPARE(g.value(QLatin1String("first_inconsistent_play")).toInt(),
                 m_report.brokenPlayNumber);
        QCOMPARE(g.value(QLatin1String("status")).toString(), QStringLiteral("active"));

        // Without the filter: all twelve, one of them inconsistent.
        const CliRun all = runCli({QStringLiteral("games"), QStringLiteral("list"),
                                   QStringLiteral("--db"), demoConn(), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
        const QJsonArray list = all.json().array();
        QCOMPARE(list.size(), 12);
        int inconsistent = 0;
        for (const QJsonValue &v : list)
            inconsistent +=
                v.toObject().value(QLatin1String("first_inconsistent_play")).toInt() != 0;
        QCOMPARE(inconsistent, 1);

        // Filters reach the query: completed games only.
        const CliRun completed = runCli(
            {QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"), demoConn(),
             QStringLiteral("--status"), QStringLiteral("completed"), QStringLiteral("--json")});
        QVERIFY2(completed.exitCode == 0, qPrintable(completed.describe()));
        QCOMPARE(completed.json().array().size(), m_report.completedGames);
        for (const QJsonValue &v : completed.json().array())
            QCOMPARE(v.toObject().value(QLatin1String("status")).toString(),
                     QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
