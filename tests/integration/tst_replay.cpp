// The replay core against a real server: replaying the demo generator's games reproduces
// the stored rows, the broken game is found by both the C++ and the SQL check, the rules
// of stateAfter() and the consistency checks on hand-made games, and lineupAt().
// GameStore::list() filters, game id validation, rolls and the CLI are in tst_replay_store.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/replay/boxscore.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/play.h"
#include "integration/replayfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <optional>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

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

// The set-based SQL check of GameStore::list() for one game (summary() leaves it to the
// caller's checkConsistency()).
// With a page's limit, list() checks its games play by play instead (gamepage.cpp): both
// must mark the game alike, or -2.
int firstInconsistentBySql(pg::Connection &conn, const QString &gameId)
{
    const auto markOf = [&](int limit) {
        GameFilter f;
        f.limit = limit;
        for (const GameSummary &g : GameStore(conn).list(f))
            if (g.id == gameId)
                return g.firstInconsistentPlay;
        return -1;
    };
    const int many = markOf(100000), page = markOf(500);
    return many == page ? many : -2;
}

QList<int> lineupIds(const QList<LineupEntry> &entries)
{
    QList<int> out;
    for (const LineupEntry &e : entries)
        out.append(e.id);
    return out;
}

} // namespace

class TestReplay : public QObject, private ReplayFixture
{
    Q_OBJECT

private:
    pg::ConnectionSettings m_hand; // hand-made games

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);

        seedDemoGames();
        if (QTest::currentTestFailed())
            return;

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

    void aCompletedGameEndsWhereItsRowSays()
    {
        // After the last play of a completed game there is no next half-inning: the state
        // printed is the game's end as the games row records it, not "top 10".
        auto conn = test::connect(m_demo);
        const auto games = conn->exec(QStringLiteral(
            "SELECT id, current_inning, current_half, away_score, home_score FROM core.games "
            "WHERE status = 'completed' ORDER BY id"));
        QVERIFY(games.rowCount() >= 1);
        for (int i = 0; i < games.rowCount(); ++i) {
            const QString id = games.value(i, 0);
            const int last = GameStore(*conn).summary(id).lastPlay;
            const CliRun run = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_demo.storableString(),
                                       QStringLiteral("--game"), id, QStringLiteral("--to"),
                                       QString::number(last), QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            const QJsonObject end = run.json().object();
            QCOMPARE(end.value(QStringLiteral("inning")).toInt(), games.toInt(i, 1));
            QCOMPARE(end.value(QStringLiteral("half")).toString(), games.value(i, 2));
            QCOMPARE(end.value(QStringLiteral("away_score")).toInt(), games.toInt(i, 3));
            QCOMPARE(end.value(QStringLiteral("home_score")).toInt(), games.toInt(i, 4));
        }
    }

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

    void pinchRunnerTakesTheBase()
    {
        // A real substitution: a pinch runner replaces the man on first between two plays.
        // Both checks must expect the new lineup id on that base, and must flag a game
        // whose plays kept the replaced man's id.
        const auto db = freshDatabase(QStringLiteral("replay_pr"));
        m_databases << db.database();
        auto conn = test::connect(db);
        const demo::DemoReport report = seedDemo(*conn);
        const auto pick = conn->exec(QStringLiteral(
            "SELECT p.game_id, p.play_number, p.on_first_id FROM core.plays p "
            "WHERE p.game_id <> $1 AND p.play_number >= 2 AND p.on_first_id IS NOT NULL "
            "ORDER BY p.game_id, p.play_number LIMIT 1"),
            {report.brokenGameId});
        QCOMPARE(pick.rowCount(), 1);
        const QString game = pick.value(0, 0);
        const int n = pick.toInt(0, 1);
        const int replaced = pick.toInt(0, 2);
        GameStore store(*conn);
        QVERIFY(checkConsistency(store.plays(game), GameStore::replacements(store.lineups(game))).isEmpty());

        const int runner = conn->exec(QStringLiteral(
            "INSERT INTO core.lineups (game_id, team_id, card_id, player_id, position, "
            "batting_order, is_starter, is_active, replacing_id, after_play) "
            "SELECT game_id, team_id, card_id, player_id, 'PR', batting_order, false, true, id, $2 "
            "FROM core.lineups WHERE id = $1 RETURNING id"),
            {replaced, n - 1}).toInt(0, 0);
        auto sqlFirstBad = [&] {
            GameFilter f;
            f.limit = 100000;
            for (const GameSummary &g : store.list(f))
                if (g.id == game)
                    return g.firstInconsistentPlay;
            return -1;
        };
        // The plays kept the replaced man's id: wrong from play n on, by both checks.
        auto issues = checkConsistency(store.plays(game), GameStore::replacements(store.lineups(game)));
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.first().playNumber, n);
        QCOMPARE(issues.first().field, QStringLiteral("runners"));
        QCOMPARE(sqlFirstBad(), n);

        // As the game server writes it: the pinch runner's id from play n on.
        conn->exec(QStringLiteral(
            "UPDATE core.plays SET "
            "on_first_id = CASE WHEN on_first_id = $2 THEN $3 ELSE on_first_id END, "
            "on_second_id = CASE WHEN on_second_id = $2 THEN $3 ELSE on_second_id END, "
            "on_third_id = CASE WHEN on_third_id = $2 THEN $3 ELSE on_third_id END, "
            "batter_id = CASE WHEN batter_id = $2 THEN $3 ELSE batter_id END "
            "WHERE game_id = $1 AND play_number >= $4"),
            {game, replaced, runner, n});
        QVERIFY(checkConsistency(store.plays(game), GameStore::replacements(store.lineups(game))).isEmpty());
        QCOMPARE(sqlFirstBad(), 0);
        // Without the substitutions (the old check) the pinch runner looked like an error.
        QVERIFY(!checkConsistency(store.plays(game)).isEmpty());

        // Replay puts him on the base from the substitution's after_play on: the state after
        // play n - 1 (the one the stored play n starts from) has the runner, not the man he
        // replaced, wherever that man stood.
        const QList<Play> plays = store.plays(game);
        const QList<Replacement> subs = GameStore::replacements(store.lineups(game));
        const BaseState after = withReplacements(stateAfter(plays[n - 2]), n - 1, subs);
        QCOMPARE(describe(after), describe(plays[n - 1].start));
        QVERIFY(std::find(after.runners.begin(), after.runners.end(), runner) != after.runners.end());
        QVERIFY(std::find(after.runners.begin(), after.runners.end(), replaced) == after.runners.end());
        if (cliIsExecutable()) {
            const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), db.storableString(),
                                     QStringLiteral("--game"), game, QStringLiteral("--to"),
                                     QString::number(n - 1), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonArray runners = r.json().object().value(QLatin1String("runners")).toArray();
            QList<int> ids;
            for (const auto &v : runners)
                ids << v.toInt();
            QVERIFY2(ids.contains(runner) && !ids.contains(replaced), r.out.constData());
            // Every line of the replay, too: the line for play n - 1 has him on base.
            const CliRun all = runCli({QStringLiteral("replay"), QStringLiteral("--db"), db.storableString(),
                                       QStringLiteral("--game"), game, QStringLiteral("--json")});
            QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
            const QList<QByteArray> lines = all.out.split('\n');
            QVERIFY(lines.size() >= n - 1);
            const QJsonObject line = QJsonDocument::fromJson(lines[n - 2]).object();
            QCOMPARE(line.value(QLatin1String("play_number")).toInt(), n - 1);
            QVERIFY(line.value(QLatin1String("runners")).toArray().contains(runner));
        }
    }

    void boxScoreSumsThePlays()
    {
        // The box score is the game's own stats query: by batter_id, sum(ab), sum(hit),
        // sum(homerun); by pitcher_id, sum(outs_recorded), sum(hit), sum(bb), sum(so).
        auto conn = test::connect(m_demo);
        const QString game = conn->exec(QStringLiteral(
            "SELECT id FROM core.games WHERE status = 'completed' ORDER BY id LIMIT 1")).value(0, 0);
        QVERIFY(!game.isEmpty());
        GameStore store(*conn);
        const QList<Play> plays = store.plays(game);
        const QList<LineupEntry> lineups = store.lineups(game);
        // Statescope's weekly plays carry every counting column; errors and passed balls (what
        // makes a run unearned) only where a game's own table has them.
        QCOMPARE(store.absentCountRoles(), (QStringList{QStringLiteral("error"), QStringLiteral("passed_ball")}));
        for (const int through : {int(plays.size()) / 2, plays.last().playNumber}) {
            const BoxScore box = boxScore(plays, lineups, through);
            const auto batting = conn->exec(QStringLiteral(
                "SELECT batter_id, count(*), sum(ab), sum(hit), sum(homerun), sum(bb), sum(so) "
                "FROM core.plays WHERE game_id = $1 AND play_number <= $2 GROUP BY batter_id"),
                {game, through});
            QVERIFY(batting.rowCount() > 0);
            for (int i = 0; i < batting.rowCount(); ++i) {
                const auto line = std::find_if(box.batting.begin(), box.batting.end(), [&](const BattingLine &b) {
                    return b.lineupId == batting.toInt(i, 0);
                });
                QVERIFY(line != box.batting.end());
                QCOMPARE(line->plateAppearances, batting.toInt(i, 1));
                QCOMPARE(line->atBats, batting.toInt(i, 2));
                QCOMPARE(line->hits, batting.toInt(i, 3));
                QCOMPARE(line->homeRuns, batting.toInt(i, 4));
                QCOMPARE(line->walks, batting.toInt(i, 5));
                QCOMPARE(line->strikeouts, batting.toInt(i, 6));
            }
            const auto pitching = conn->exec(QStringLiteral(
                "SELECT pitcher_id, sum(outs_recorded), sum(hit), sum(bb), sum(so) FROM core.plays "
                "WHERE game_id = $1 AND play_number <= $2 GROUP BY pitcher_id"),
                {game, through});
            QCOMPARE(box.pitching.size(), pitching.rowCount());
            int outs = 0;
            for (int i = 0; i < pitching.rowCount(); ++i) {
                const auto line = std::find_if(box.pitching.begin(), box.pitching.end(), [&](const PitchingLine &l) {
                    return l.lineupId == pitching.toInt(i, 0);
                });
                QVERIFY(line != box.pitching.end());
                QCOMPARE(line->outs, pitching.toInt(i, 1));
                QCOMPARE(line->hits, pitching.toInt(i, 2));
                QCOMPARE(line->walks, pitching.toInt(i, 3));
                QCOMPARE(line->strikeouts, pitching.toInt(i, 4));
                QCOMPARE(line->inningsPitched(), QStringLiteral("%1.%2").arg(line->outs / 3).arg(line->outs % 3));
                outs += line->outs;
            }
            QCOMPARE(outs, int(scalar(*conn, QStringLiteral("SELECT sum(outs_recorded) FROM core.plays "
                                                            "WHERE game_id = $1 AND play_number <= $2"),
                                      {game, through})));
            // Batters are grouped by team, the team that batted first (away) first; each of
            // its nine starters has a line even before he came up.
            QVERIFY(!box.batting.isEmpty());
            QCOMPARE(box.batting.first().battingOrder, 1);
        }
        // Every starter of both teams has a line at play 1, with zeros for those who have not
        // batted yet.
        const BoxScore first = boxScore(plays, lineups, 1);
        int starters = 0;
        for (const LineupEntry &e : lineups)
            starters += (e.starter && e.battingOrder > 0) ? 1 : 0;
        QVERIFY(first.batting.size() >= starters);
        int pa = 0;
        for (const BattingLine &b : first.batting)
            pa += b.plateAppearances;
        QCOMPARE(pa, 1);

        if (cliIsExecutable()) {
            const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_demo.storableString(),
                                     QStringLiteral("--game"), game, QStringLiteral("--box"), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonObject o = r.json().object();
            QCOMPARE(o.value(QLatin1String("through_play")).toInt(), plays.last().playNumber);
            int hits = 0;
            for (const auto &v : o.value(QLatin1String("batting")).toArray())
                hits += v.toObject().value(QLatin1String("h")).toInt();
            QCOMPARE(hits, int(scalar(*conn, QStringLiteral("SELECT sum(hit) FROM core.plays WHERE game_id = $1"),
                                      {game})));
            QCOMPARE(o.value(QLatin1String("pitching")).toArray().size(),
                     boxScore(plays, lineups, plays.last().playNumber).pitching.size());
        }
    }

    void gamesRowIsCheckedAgainstTheLastPlay()
    {
        // The games row is written apart from the plays (update_game_state): a row that
        // disagrees with the state after the last play is reported field by field.
        const auto db = freshDatabase(QStringLiteral("replay_row"));
        m_databases << db.database();
        auto conn = test::connect(db);
        const demo::DemoReport report = seedDemo(*conn);
        GameStore store(*conn);
        GameFilter all;
        all.limit = 1000;
        for (const GameSummary &g : store.list(all)) {
            const QList<Play> plays = store.plays(g.id);
            const auto differences = checkGameRow(store.summary(g.id), plays,
                                                  GameStore::replacements(store.lineups(g.id)));
            QVERIFY2(differences.isEmpty(), qPrintable(g.id + QLatin1Char(' ')
                                                       + (differences.isEmpty() ? QString() : differences.first().message(g.lastPlay))));
        }
        const QString completed = conn->exec(QStringLiteral(
            "SELECT id FROM core.games WHERE status = 'completed' ORDER BY id LIMIT 1")).value(0, 0);
        const QString active = conn->exec(QStringLiteral(
            "SELECT id FROM core.games WHERE status <> 'completed' AND id <> $1 ORDER BY id LIMIT 1"),
            {report.brokenGameId}).value(0, 0);
        QVERIFY(!completed.isEmpty() && !active.isEmpty());
        // The active game's row lost a run and stayed an inning behind.
        conn->exec(QStringLiteral("UPDATE core.games SET home_score = home_score + 1, "
                                  "current_inning = current_inning + 1 WHERE id = $1"), {active});
        const GameSummary a = store.summary(active);
        auto differences = checkGameRow(a, store.plays(active), GameStore::replacements(store.lineups(active)));
        QStringList fields;
        for (const auto &d : differences)
            fields << d.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("home_score"), QStringLiteral("current_inning")}));
        QCOMPARE(differences.first().stored, QString::number(a.homeScore));
        QCOMPARE(differences.first().expected, QString::number(a.homeScore - 1));
        // A completed game whose row is tied: the plays say who won, the status cannot be.
        conn->exec(QStringLiteral("UPDATE core.plays SET away_score = 0, home_score = 0, runs_scored = 0 "
                                  "WHERE game_id = $1"), {completed});
        conn->exec(QStringLiteral("UPDATE core.games SET away_score = 0, home_score = 0 WHERE id = $1"), {completed});
        differences = checkGameRow(store.summary(completed), store.plays(completed));
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.first().field, QStringLiteral("status"));
        if (cliIsExecutable()) {
            const CliRun r = runCli({QStringLiteral("check"), QStringLiteral("--db"), db.storableString(),
                                     QStringLiteral("--game"), active, QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonObject o = r.json().object();
            QCOMPARE(o.value(QLatin1String("consistent")).toBool(true), false);
            QCOMPARE(o.value(QLatin1String("first_inconsistent_play")).toInt(-1), 0);
            const QJsonArray row = o.value(QLatin1String("game_row")).toArray();
            QCOMPARE(row.size(), 2);
            QCOMPARE(row[0].toObject().value(QLatin1String("field")).toString(), QStringLiteral("home_score"));
        }
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
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
