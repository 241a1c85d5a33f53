// The rules a league states (core/replay/rules.h) on a real server, in both table shapes
// (the weekly core.* tables and Paper Dynasty's public.* ones): a game tied after nine that
// goes to the 11th with a runner placed on second at the start of each extra half-inning,
// one of them replaced by a pinch runner, two of them scoring. Replay, both consistency
// checks (C++ and the games list's SQL), the box score, rollback's preview and the CLI
// (`games rules`, `check`, `replay`) apply the rule exactly; without it, or from a later
// inning, the same game is inconsistent where the rule was used. The designated-hitter rule
// is checked on the same game's lineups.

#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/weekly/adopt.h"
#include "core/layout/indexbuild.h"
#include "core/pg/connection.h"
#include "core/replay/boxscore.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/rollback.h"
#include "core/replay/rules.h"
#include "core/settings.h"
#include "integration/extragame.h"
#include "integration/replayfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

constexpr Half T = Half::Top;
constexpr Half B = Half::Bottom;

GameRules placedFrom(int inning)
{
    GameRules r;
    r.placedRunnerFrom = inning;
    return r;
}

// The set-based SQL check (a list of many games) and the page's (a list of a page, checked
// play by play): both must mark the game alike, or -2.
int firstBadBySql(pg::Connection &conn, const QString &game, const GameRules &rules)
{
    const auto markOf = [&](int limit) {
        GameFilter f;
        f.limit = limit;
        for (const GameSummary &s : GameStore(conn, rules).list(f))
            if (s.id == game)
                return s.firstInconsistentPlay;
        return -1;
    };
    const int many = markOf(1000), page = markOf(100);
    return many == page ? many : -2;
}

} // namespace

class TestExtraInnings : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases;
    pg::ConnectionSettings m_weekly; // core.*
    pg::ConnectionSettings m_pd;     // Paper Dynasty's public.*
    ExtraGame m_game;   // in m_weekly
    ExtraGame m_pdGame; // the same game in m_pd (its own id, the same lineup ids)

    void checkShape(const pg::ConnectionSettings &db, const ExtraGame &game)
    {
        auto conn = test::connect(db);
        const GameRules rules = placedFrom(10);
        GameStore store(*conn, rules);
        const QList<Play> plays = store.plays(game.id);
        const QList<LineupEntry> lineups = store.lineups(game.id);
        const QList<Replacement> subs = GameStore::replacements(lineups);
        QCOMPARE(plays.size(), 67);
        QCOMPARE(plays.last().playNumber, game.lastPlay);

        // Both checks accept the game under the rule.
        const auto issues = checkConsistency(plays, subs, rules);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.isEmpty() ? QString() : issues.first().message()));
        QCOMPARE(firstBadBySql(*conn, game.id, rules), 0);
        QVERIFY(checkGameRow(store.summary(game.id), plays, subs).isEmpty());

        // Without it, the first extra half-inning is wrong: a runner nobody put there.
        const auto without = checkConsistency(plays, subs);
        QVERIFY(!without.isEmpty());
        QCOMPARE(without.first().playNumber, game.lastOfNinth + 1);
        QCOMPARE(without.first().field, QStringLiteral("runners"));
        QCOMPARE(firstBadBySql(*conn, game.id, {}), game.lastOfNinth + 1);
        // From the 11th only: the 10th is still wrong; the 11th is not.
        const auto fromEleventh = checkConsistency(plays, subs, placedFrom(11));
        QCOMPARE(fromEleventh.first().playNumber, game.lastOfNinth + 1);
        for (const Inconsistency &i : fromEleventh)
            QVERIFY2(plays[i.playNumber - 1].start.inning == 10, qPrintable(i.message()));
        QCOMPARE(firstBadBySql(*conn, game.id, placedFrom(11)), game.lastOfNinth + 1);

        // Who was placed, half by half, as replay shows him.
        QList<int> placed;
        for (qsizetype i = 0; i < plays.size(); ++i)
            if (const int who = placedRunner(plays, i, rules))
                placed << who;
        QCOMPARE(placed, game.placed);
        // The state after each play is where the next one starts: after the 9th's last out
        // the placed runner already stands on second.
        for (qsizetype i = 0; i + 1 < plays.size(); ++i)
            QCOMPARE(describe(stateAfterPlay(plays, i, subs, rules)), describe(plays[i + 1].start));
        QCOMPARE(describe(stateAfterPlay(plays, plays.size() - 1, subs, rules, true)),
                 describe(state(11, B, 1, 1, 2, {game.lineup.home[6], 0, 0})));

        // The box score: the runs of placed runners (or the pinch runner for one) are
        // counted apart, for the pitcher they scored against.
        const BoxScore box = boxScore(plays, lineups, plays.last().playNumber, store.absentCountRoles(), rules);
        QVERIFY(box.placedRunnerRule);
        const auto line = [&box](int id) {
            for (const PitchingLine &l : box.pitching)
                if (l.lineupId == id)
                    return l;
            return PitchingLine{};
        };
        const auto &a = game.lineup.away;
        const auto &h = game.lineup.home;
        QCOMPARE(line(h[9]).runs, 1);
        QCOMPARE(line(h[9]).placedRunnerRuns, 1);
        QCOMPARE(line(a[9]).runs, 2);
        QCOMPARE(line(a[9]).placedRunnerRuns, 2);
        QCOMPARE(line(game.reliever).placedRunnerRuns, 0);
        QCOMPARE(box.pitchingTotal(game.lineup.awayTeam).placedRunnerRuns, 2);
        QVERIFY(!boxScore(plays, lineups, plays.last().playNumber).placedRunnerRule);
        QCOMPARE(boxScore(plays, lineups, plays.last().playNumber).pitching.first().placedRunnerRuns, 0);

        // Rollback's preview: rolled back to a play that ends a half-inning the rule applies
        // to, the game stands with the placed runner on second: the man the lineup holds in
        // that slot once the rollback has deleted the substitutions made after the play.
        // Oracle, from the rows alone: the next play's runner on second, followed back through
        // every lineup row the rollback deletes (after_play >= N) to the row he replaced.
        // (A completed game is not rolled back: the game is put back in progress for this.)
        const QString games = conn->exec(QStringLiteral("SELECT to_regclass('core.games') IS NOT NULL")).toBool(0, 0)
                                  ? QStringLiteral("core.games")
                                  : QStringLiteral("public.games");
        conn->exec(QStringLiteral("UPDATE %1 SET status = 'active' WHERE id = $1").arg(games), {game.id});
        replay::stateRules(db.database(), rules);
        QMap<int, LineupEntry> byId;
        for (const LineupEntry &e : lineups)
            byId.insert(e.id, e);
        Rollback rb(*conn);
        int boundaries = 0;
        for (qsizetype i = 0; i + 1 < plays.size(); ++i) {
            const Play &p = plays[i];
            if (p.start.outs + p.outsRecorded < 3 || stateAfter(p).inning < 10)
                continue;
            ++boundaries;
            int expected = plays[i + 1].start.runners[1];
            while (byId.contains(expected) && byId[expected].afterPlay && *byId[expected].afterPlay >= p.playNumber)
                expected = byId[expected].replacingId;
            RollbackOptions to;
            to.toPlay = p.playNumber;
            const RollbackPlan plan = rb.plan(game.id, to);
            QVERIFY(plan.placesRunner);
            QVERIFY(expected != 0);
            QCOMPARE(plan.placedRunner, expected);
            QCOMPARE(plan.resultingState.runners, (std::array<int, 3>{0, expected, 0}));
        }
        QCOMPARE(boundaries, 4); // the end of the 9th, of the top and bottom of the 10th, of the top of the 11th
        // The pinch runner put in after the top of the 10th goes with that rollback: the man
        // he ran for is placed, not he.
        RollbackOptions to;
        to.toPlay = game.endOfTopTenth;
        const RollbackPlan cost = rb.plan(game.id, to);
        QCOMPARE(cost.placedRunner, game.lineup.home[9]);
        // Its deletes include a substitution: without indexes on the references to lineup
        // rows (Paper Dynasty's own schema has none) the preview says what that costs and
        // what would build them; with them, nothing.
        QVERIFY(cost.lineupsToDelete >= 1);
        const bool indexed = layout::IndexBuilder::plan(*conn, layout::Kind::Plays).exists;
        QCOMPARE(cost.missingIndexes.isEmpty(), indexed);
        if (games == QLatin1String("public.games")) {
            QVERIFY(!indexed);
            const CliRun dry = runCli({QStringLiteral("rollback"), QStringLiteral("--db"), db.storableString(),
                                       QStringLiteral("--game"), game.id, QStringLiteral("--to"),
                                       QString::number(game.endOfTopTenth), QStringLiteral("--dry-run")});
            QVERIFY2(dry.exitCode == 0 && dry.out.contains("create-index --kind plays"), qPrintable(dry.describe()));
        }
        // (A game's own database is given Statescope's bookkeeping first, as a user would.)
        adopt::Adoption::adopt(*conn, QStringLiteral("tst_extra_innings"));
        // Rolled back for real to the third out that ends the 9th: replay, the state after
        // the last play and check show the next half with its placed runner; undo restores.
        to.toPlay = game.lastOfNinth;
        to.reason = QStringLiteral("tst_extra_innings");
        const RollbackRecord done = rb.apply(game.id, to);
        {
            GameStore after(*conn);
            const GameData data = after.open(game.id);
            QCOMPARE(data.plays.last().playNumber, game.lastOfNinth);
            const BaseState now = stateAfterPlay(data.plays, data.plays.size() - 1,
                                                 GameStore::replacements(data.lineups), after.rules(), false, data.lineups);
            QCOMPARE(describe(now), describe(state(10, T, 0, 0, 0, {0, game.placed.first(), 0})));
            QCOMPARE(nextPlacedRunner(data.plays, data.plays.size() - 1, data.lineups, after.rules()), game.placed.first());
            // Without the lineups nothing names him: what replay showed before.
            QCOMPARE(stateAfterPlay(data.plays, data.plays.size() - 1, {}, after.rules()).runners[1], 0);
        }
        rb.undo(done.id, QStringLiteral("tst_extra_innings"));
        QCOMPARE(GameStore(*conn).plays(game.id).size(), plays.size());
        replay::forgetStatedRules(db.database());
        // Nothing stated: the plays show the rule (every extra half starts with a runner on
        // second, nobody put there by a play), and the preview applies it all the same.
        to = RollbackOptions{};
        to.toPlay = game.lastOfNinth;
        const RollbackPlan seen = rb.plan(game.id, to);
        QVERIFY(seen.placesRunner);
        QCOMPARE(seen.placedRunner, game.placed.first());
        QCOMPARE(GameStore(*conn).rulesInForce().source, RulesInForce::Source::Seen);
        QCOMPARE(GameStore(*conn).rulesInForce().rules.placedRunnerFrom, 10);
        to.toPlay = game.lastOfNinth - 1;
        QVERIFY(!rb.plan(game.id, to).placesRunner);
        conn->exec(QStringLiteral("UPDATE %1 SET status = 'completed' WHERE id = $1").arg(games), {game.id});
    }

    // An error thrown by the code under test fails the test with its message.
    template<typename F>
    void checked(F f)
    {
        try {
            f();
        } catch (const Error &e) {
            QFAIL(qPrintable(e.message()));
        }
    }

private slots:
    void initTestCase()
    {
        m_weekly = freshDatabase(QStringLiteral("extra_weekly"));
        m_databases << m_weekly.database();
        m_game = insertExtraGame(*test::connect(m_weekly));
        // The same game in Paper Dynasty's own tables (ids kept).
        m_pd = freshDatabase(QStringLiteral("extra_pd"));
        m_databases << m_pd.database();
        auto pd = test::connect(m_pd);
        m_pdGame = insertExtraGame(*pd);
        QCOMPARE(m_pdGame.placed, m_game.placed); // the same lineup ids in a fresh database
        demo::reshape(*pd, demo::Shape::PaperDynasty);
        QVERIFY(pd->exec(QStringLiteral("SELECT to_regclass('core.plays') IS NULL AND "
                                        "to_regclass('public.plays') IS NOT NULL")).toBool(0, 0));
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void weeklyTables() { checked([&] { checkShape(m_weekly, m_game); }); }
    void paperDynastyTables() { checked([&] { checkShape(m_pd, m_pdGame); }); }

    void aPlacedRunnerMissingOrMisplacedIsFlagged()
    {
        // The rule promises a runner on second and nobody else: a row without him, or with
        // him on first, is wrong at that play, by both checks.
        const pg::ConnectionSettings db = freshDatabase(QStringLiteral("extra_bad"));
        m_databases << db.database();
        auto conn = test::connect(db);
        const ExtraGame g = insertExtraGame(*conn);
        const int play = g.lastOfNinth + 1;
        const GameRules rules = placedFrom(10);
        for (const auto &[first, second] : {std::pair(0, 0), std::pair(g.placed.first(), 0)}) {
            conn->exec(QStringLiteral("UPDATE core.plays SET on_first_id = $3, on_second_id = $4, "
                                      "on_base_code = (($3::int IS NOT NULL)::int + 2 * ($4::int IS NOT NULL)::int) "
                                      "WHERE game_id = $1 AND play_number = $2"),
                       {g.id, play, first ? pg::Param(first) : pg::Param(nullptr),
                        second ? pg::Param(second) : pg::Param(nullptr)});
            GameStore store(*conn, rules);
            const auto issues = checkConsistency(store.plays(g.id), GameStore::replacements(store.lineups(g.id)), rules);
            QVERIFY(!issues.isEmpty());
            QCOMPARE(issues.first().playNumber, play);
            QCOMPARE(issues.first().field, QStringLiteral("runners"));
            QVERIFY2(issues.first().message().contains(QLatin1String("placed runner")),
                     qPrintable(issues.first().message()));
            QCOMPARE(firstBadBySql(*conn, g.id, rules), play);
        }
    }

    void theCommandLineStatesAndAppliesTheRules()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString conninfo = m_weekly.storableString();
        const QString family = m_weekly.database();
        auto cli = [](const QStringList &args) {
            CliRun r = runCli(args + QStringList{QStringLiteral("--json")});
            return r;
        };
        // Nothing stated: the rule is seen in the plays, and applied.
        CliRun r = cli({QStringLiteral("check"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.json().object().value(QLatin1String("consistent")).toBool(), r.out.constData());
        QCOMPARE(r.json().object().value(QLatin1String("rules_source")).toString(), QStringLiteral("seen"));
        r = runCli({QStringLiteral("check"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id});
        QVERIFY2(r.out.contains("seen in the plays"), r.out.constData());
        // Stated otherwise (from the 11th): the stated rule wins, the 10th is inconsistent,
        // and the contradiction with the plays is a finding.
        replay::stateRules(family, placedFrom(11));
        r = cli({QStringLiteral("check"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id});
        QCOMPARE(r.json().object().value(QLatin1String("first_inconsistent_play")).toInt(), m_game.lastOfNinth + 1);
        QCOMPARE(r.json().object().value(QLatin1String("rules_source")).toString(), QStringLiteral("stated"));
        const QJsonArray findings = r.json().object().value(QLatin1String("rule_findings")).toArray();
        QVERIFY2(!findings.isEmpty() && findings.first().toObject().value(QLatin1String("field")).toString() == QLatin1String("rules"),
                 r.out.constData());
        QVERIFY2(findings.first().toObject().value(QLatin1String("message")).toString().contains(QLatin1String("inning 10")),
                 r.out.constData());
        replay::forgetStatedRules(family);

        // Bad input changes nothing.
        r = cli({QStringLiteral("games"), QStringLiteral("rules"), QStringLiteral("--scope"), family,
                 QStringLiteral("--placed-runner-from"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("games"), QStringLiteral("rules"), QStringLiteral("--scope"), family,
                 QStringLiteral("--designated-hitter"), QStringLiteral("maybe")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!replay::statedRules(family));

        r = cli({QStringLiteral("games"), QStringLiteral("rules"), QStringLiteral("--scope"), family,
                 QStringLiteral("--placed-runner-from"), QStringLiteral("10")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.json().object().value(QLatin1String("placed_runner_from")).toInt(), 10);
        QCOMPARE(rulesFor(family), placedFrom(10)); // the window reads what the CLI wrote
        r = cli({QStringLiteral("games"), QStringLiteral("rules"), QStringLiteral("--for"), family});
        QCOMPARE(r.json().object().value(QLatin1String("scope")).toString(), family);

        r = cli({QStringLiteral("check"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.json().object().value(QLatin1String("consistent")).toBool(), r.out.constData());

        // games list marks it consistent too.
        r = cli({QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"), conninfo,
                 QStringLiteral("--inconsistent")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(!r.out.contains(m_game.id.toLatin1()), r.out.constData());

        // Replay: after the 9th's last out the placed runner stands on second.
        r = cli({QStringLiteral("replay"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id,
                 QStringLiteral("--to"), QString::number(m_game.lastOfNinth)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonArray runners = r.json().object().value(QLatin1String("runners")).toArray();
        QCOMPARE(runners.at(1).toInt(), m_game.placed.first());
        r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id});
        QVERIFY2(r.out.contains(QStringLiteral("#%1 placed on second").arg(m_game.pinchRunner).toLatin1()),
                 r.out.constData());

        // The box score counts the placed runners' runs apart.
        r = cli({QStringLiteral("replay"), QStringLiteral("--db"), conninfo, QStringLiteral("--game"), m_game.id,
                 QStringLiteral("--box")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        int placedRuns = 0;
        for (const auto &v : r.json().object().value(QLatin1String("pitching_totals")).toArray())
            placedRuns += v.toObject().value(QLatin1String("placed_runner_runs")).toInt();
        QCOMPARE(placedRuns, 3);

        // A family's rules apply to its weeks; the database's own win.
        replay::stateRules(QStringLiteral("extrafam"), placedFrom(11));
        QCOMPARE(rulesFor(QStringLiteral("extrafam_2025_w07")), placedFrom(11));
        QCOMPARE(rulesScopeFor(QStringLiteral("extrafam_2025_w07")), QStringLiteral("extrafam"));
        replay::stateRules(QStringLiteral("extrafam_2025_w07"), placedFrom(10));
        QCOMPARE(rulesFor(QStringLiteral("extrafam_2025_w07")), placedFrom(10));
        QCOMPARE(rulesFor(QStringLiteral("extrafam_2025_w08")), placedFrom(11));
        QCOMPARE(rulesFor(QStringLiteral("otherfam_2025_w07")), GameRules{});

        r = cli({QStringLiteral("games"), QStringLiteral("rules"), QStringLiteral("--scope"), family,
                 QStringLiteral("--forget")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(!replay::statedRules(family));
        replay::forgetStatedRules(QStringLiteral("extrafam"));
        replay::forgetStatedRules(QStringLiteral("extrafam_2025_w07"));
    }

    void theDesignatedHitterRule()
    {
        auto conn = test::connect(m_weekly);
        GameStore store(*conn);
        const QList<Play> plays = store.plays(m_game.id);
        QList<LineupEntry> lineups = store.lineups(m_game.id);
        GameRules dh;
        dh.designatedHitter = true;
        GameRules noDh;
        noDh.designatedHitter = false;
        // No lineup names a designated hitter: nothing to say either way, nor unstated.
        QVERIFY(checkDesignatedHitter(plays, lineups, dh).isEmpty());
        QVERIFY(checkDesignatedHitter(plays, lineups, noDh).isEmpty());
        // The away team's 8th man is its DH: its pitcher (9th) may not bat while he is in.
        const int awayPitcher = m_game.lineup.away[9];
        for (LineupEntry &e : lineups)
            if (e.id == m_game.lineup.away[8])
                e.position = QStringLiteral("DH");
        const auto findings = checkDesignatedHitter(plays, lineups, dh);
        int pitcherPlays = 0;
        for (const Play &p : plays)
            pitcherPlays += p.batterId == awayPitcher ? 1 : 0;
        QVERIFY(pitcherPlays > 0);
        QCOMPARE(findings.size(), pitcherPlays);
        QCOMPARE(findings.first().field, QStringLiteral("batter"));
        QVERIFY(checkDesignatedHitter(plays, lineups, GameRules{}).isEmpty());
        const auto without = checkDesignatedHitter(plays, lineups, noDh);
        QCOMPARE(without.size(), 1);
        QCOMPARE(without.first().field, QStringLiteral("lineup"));
    }
};

QTEST_GUILESS_MAIN(TestExtraInnings)
#include "tst_extra_innings.moc"
