// The demo generator's games against a real server, by the baseball rules: every play
// follows from the one before except the one broken play (and the check catches a tampered
// one), the games rows match their last play, lineups, rosters and substitutions, one
// at-bat roll per play, and the Galaxy snapshots. Determinism, counts, refusal and
// cancellation are in tst_demo.

#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "integration/demofixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QTest>
#include <vector>

using namespace statescope;
using namespace statescope::test;

namespace {

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

class TestDemoGames : public QObject, private DemoFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { seedTwice(); }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
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
};

QTEST_GUILESS_MAIN(TestDemoGames)
#include "tst_demo_games.moc"
