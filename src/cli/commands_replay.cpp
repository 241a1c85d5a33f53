#include "interrupt.h"
#include "output.h"
#include "shardroute.h"

#include "core/pg/connection.h"
#include "core/replay/boxscore.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/notifier.h"
#include "core/replay/rollback.h"
#include "core/shard/shardguard.h"

#include <cstdio>
#include <limits>
#include <memory>

#include <unistd.h>

namespace statescope::cli {

namespace {

using namespace statescope::replay;

void addWait(Command &cmd)
{
    cmd.parser().addOption(
        {QStringLiteral("wait"),
         QStringLiteral("When another session is writing to the game, wait up to S seconds for "
                        "it (0 to %1; default 0: refuse at once as busy). Ctrl+C stops waiting.")
             .arg(LockWait::kMaxSeconds),
         QStringLiteral("S")});
}

// The --wait option, with progress on stderr (a line per second, on one line when stderr
// is a terminal).
LockWait waitFrom(const Command &cmd, const QString &game)
{
    LockWait wait;
    wait.seconds = int(cmd.integer(QStringLiteral("wait"), 0, 0, LockWait::kMaxSeconds));
    if (wait.seconds > 0) {
        const bool tty = isatty(fileno(stderr));
        auto lastSecond = std::make_shared<int>(-1);
        wait.progress = [game, tty, lastSecond](int waitedMs, int totalMs) {
            if (waitedMs < 500 || waitedMs / 1000 == *lastSecond)
                return; // quiet when the game was free
            *lastSecond = waitedMs / 1000;
            std::fprintf(stderr, "%sWaiting for game %s, busy in another session: %d s of %d s%s",
                         tty ? "\r" : "", qPrintable(game.left(8)), waitedMs / 1000,
                         totalMs / 1000, tty ? "" : "\n");
            std::fflush(stderr);
        };
    }
    return wait;
}

nlohmann::json toJson(const BaseState &s)
{
    return {{"inning", s.inning},
            {"half", utf8(halfName(s.half))},
            {"outs", s.outs},
            {"runners", {s.runners[0], s.runners[1], s.runners[2]}},
            {"on_base_code", s.onBaseCode()},
            {"away_score", s.awayScore},
            {"home_score", s.homeScore}};
}

nlohmann::json toJson(const GameSummary &g)
{
    return {{"id", utf8(g.id)},
            {"league", utf8(g.league)},
            {"home_team", g.homeTeam},
            {"away_team", g.awayTeam},
            {"status", utf8(g.status)},
            {"inning", g.inning},
            {"half", utf8(g.half)},
            {"home_score", g.homeScore},
            {"away_score", g.awayScore},
            {"plays", g.plays},
            {"last_play", g.lastPlay},
            {"created_at", utf8(g.createdAt.toString(Qt::ISODateWithMs))},
            {"first_inconsistent_play", g.firstInconsistentPlay}};
}

nlohmann::json toJson(const RollbackRecord &r)
{
    return {{"rollback_id", r.id},
            {"game_id", utf8(r.gameId)},
            {"to_play", r.toPlay},
            {"from_play", r.fromPlay},
            {"reason", utf8(r.reason)},
            {"os_user", utf8(r.osUser)},
            {"created_at", utf8(r.createdAt.toString(Qt::ISODateWithMs))},
            {"undone_at", r.undoneAt.isValid() ? utf8(r.undoneAt.toString(Qt::ISODateWithMs)) : ""},
            {"deleted_plays", r.deletedPlays},
            {"deleted_lineups", r.deletedLineups},
            {"deleted_rolls", r.deletedRolls}};
}

QString stateText(const BaseState &s)
{
    return QStringLiteral("%1 %2, %3 out, bases %4, away %5 - home %6")
        .arg(halfName(s.half))
        .arg(s.inning)
        .arg(s.outs)
        .arg(s.onBaseCode())
        .arg(s.awayScore)
        .arg(s.homeScore);
}

void addDb(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("db"), QStringLiteral("The weekly database (conninfo or URI)."),
                            QStringLiteral("CONN")});
}

void addGame(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("game"), QStringLiteral("The game id (UUID)."),
                            QStringLiteral("ID")});
}

// Optional webhook call after a committed change; its failure never undoes anything.
void notify(const Command &cmd, nlohmann::json &doc, const QString &event, const RollbackRecord &r,
            int playNumber)
{
    if (!cmd.parser().isSet(QStringLiteral("webhook")))
        return;
    const WebhookResult w = notifyGameServer(QUrl(cmd.parser().value(QStringLiteral("webhook"))),
                                             rollbackNotice(event, r.gameId, playNumber, r.id));
    doc["webhook"] = {{"ok", w.ok}, {"http_status", w.httpStatus}, {"error", utf8(w.error)}};
    if (!w.ok)
        std::fputs(("statescope-cli: warning: the game server was not told: " + utf8(w.error)
                    + " (the change stays committed)\n").c_str(),
                   stderr);
}

int gamesList(const QStringList &args)
{
    Command cmd(QStringLiteral("games list"),
                QStringLiteral("List games with score, inning, plays and the first inconsistent play."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("status"), QStringLiteral("pending, active, completed or abandoned."), QStringLiteral("S")});
    p.addOption({QStringLiteral("league"), QStringLiteral("sba or pd."), QStringLiteral("L")});
    p.addOption({QStringLiteral("team"), QStringLiteral("Home or away team id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("since"), QStringLiteral("Created on or after (YYYY-MM-DD)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("until"), QStringLiteral("Created on or before (YYYY-MM-DD)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("inconsistent"), QStringLiteral("Only games with an inconsistent play.")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N games (default 1000)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("offset"), QStringLiteral("Skip the first N games, newest first (the next page)."),
                 QStringLiteral("N")});
    cmd.parse(args);
    GameFilter f;
    f.status = p.value(QStringLiteral("status"));
    f.league = p.value(QStringLiteral("league"));
    if (p.isSet(QStringLiteral("team")))
        f.team = int(cmd.integer(QStringLiteral("team"), 0, 0, std::numeric_limits<int>::max()));
    auto date = [&](const QString &option) {
        if (!p.isSet(option))
            return QDate();
        const QDate d = QDate::fromString(p.value(option), Qt::ISODate);
        if (!d.isValid())
            throw Error::invalidInput(QStringLiteral("--%1 must be a date YYYY-MM-DD.").arg(option));
        return d;
    };
    f.from = date(QStringLiteral("since"));
    f.to = date(QStringLiteral("until"));
    f.onlyInconsistent = p.isSet(QStringLiteral("inconsistent"));
    f.limit = int(cmd.integer(QStringLiteral("limit"), 1000, 1, 100000));
    f.offset = int(cmd.integer(QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max()));
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    const auto games = GameStore(*conn).list(f);
    nlohmann::json doc = nlohmann::json::array();
    QStringList lines;
    for (const auto &g : games) {
        doc.push_back(toJson(g));
        lines << QStringLiteral("%1  %2  %3  %4-%5  %6 %7  %8 plays%9")
                     .arg(g.id, g.league, g.status.leftJustified(9))
                     .arg(g.awayScore)
                     .arg(g.homeScore)
                     .arg(g.half)
                     .arg(g.inning)
                     .arg(g.plays)
                     .arg(g.firstInconsistentPlay ? QStringLiteral("  INCONSISTENT at play %1")
                                                        .arg(g.firstInconsistentPlay)
                                                  : QString());
    }
    cmd.print(doc, lines.isEmpty() ? QStringLiteral("No games.") : lines.join('\n'));
    return Ok;
}

QString lineupName(const QList<LineupEntry> &lineups, int id)
{
    for (const LineupEntry &e : lineups)
        if (e.id == id)
            return e.label();
    return QStringLiteral("#%1").arg(id);
}

// A line's man: his first row's label, and the positions he moved to ("SS card 12 (#5), 2B").
QString lineName(const QList<LineupEntry> &lineups, int first, const QStringList &positions)
{
    return lineupName(lineups, first) + movedTo(positions);
}

nlohmann::json idsJson(const QList<int> &ids)
{
    nlohmann::json a = nlohmann::json::array();
    for (const int id : ids)
        a.push_back(id);
    return a;
}

// The box score after play `to`: batting and pitching lines, the absent columns named.
void printBox(Command &cmd, const GameSummary &summary, const QList<Play> &plays,
              const QList<LineupEntry> &lineups, int to, const QStringList &absent, const GameRules &rules)
{
    const BoxScore box = boxScore(plays, lineups, to, absent, rules);
    nlohmann::json batting = nlohmann::json::array(), pitching = nlohmann::json::array();
    QStringList text{QStringLiteral("Box score of game %1 after play %2").arg(summary.id).arg(to)};
    QStringList counted = absent; // the figures shown that the plays cannot give
    counted.removeAll(QStringLiteral("error"));
    counted.removeAll(QStringLiteral("passed_ball"));
    if (!counted.isEmpty())
        text << QStringLiteral("The plays have no %1: counted as 0.").arg(counted.join(QStringLiteral(", ")));
    if (!box.earnedKnown)
        text << QStringLiteral("The plays carry no errors and passed balls: earned runs cannot be known (ER shown as -).");
    // Each team's lines, then its totals.
    nlohmann::json battingTotals = nlohmann::json::array(), pitchingTotals = nlohmann::json::array();
    const auto battingRow = [](const QString &order, const QString &name, const BattingLine &b) {
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
            .arg(order, 1)
            .arg(name.left(26), -26)
            .arg(b.plateAppearances, 3)
            .arg(b.atBats, 3)
            .arg(b.hits, 3)
            .arg(b.homeRuns, 3)
            .arg(b.walks, 3)
            .arg(b.strikeouts, 3);
    };
    // With the placed-runner rule, PR: the runs of placed runners among R (unearned).
    const auto pitchingRow = [&box](const QString &name, const PitchingLine &l) {
        QString row = QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9")
                          .arg(name.left(26), -26)
                          .arg(l.inningsPitched(), 4)
                          .arg(l.battersFaced, 4)
                          .arg(l.hits, 3)
                          .arg(l.runs, 3)
                          .arg(box.earnedKnown ? QString::number(l.earnedRuns) : QStringLiteral("-"), 3)
                          .arg(l.homeRuns, 3)
                          .arg(l.walks, 3)
                          .arg(l.strikeouts, 3);
        if (box.placedRunnerRule)
            row += QStringLiteral(" %1").arg(l.placedRunnerRuns, 3);
        return row;
    };
    for (const int team : box.teams()) {
        bool any = false;
        for (const BattingLine &b : box.batting) {
            if (b.teamId != team)
                continue;
            if (!any)
                text << QString() << QStringLiteral("Team %1 batting          PA  AB   H  HR  BB  SO").arg(team, -4);
            any = true;
            const QString name = lineName(lineups, b.lineupId, b.positions);
            batting.push_back({{"lineup_id", b.lineupId}, {"lineup_ids", idsJson(b.lineupIds)},
                               {"team_id", b.teamId}, {"name", utf8(name)},
                               {"batting_order", b.battingOrder}, {"pa", b.plateAppearances},
                               {"ab", b.atBats}, {"h", b.hits}, {"hr", b.homeRuns}, {"bb", b.walks},
                               {"so", b.strikeouts}});
            text << battingRow(b.battingOrder ? QString::number(b.battingOrder) : QStringLiteral(" "), name, b);
        }
        if (any) {
            const BattingLine total = box.battingTotal(team);
            battingTotals.push_back({{"team_id", team}, {"pa", total.plateAppearances}, {"ab", total.atBats},
                                     {"h", total.hits}, {"hr", total.homeRuns}, {"bb", total.walks},
                                     {"so", total.strikeouts}});
            text << battingRow(QStringLiteral(" "), QStringLiteral("Totals"), total);
        }
    }
    QList<int> pitchingTeams; // in the order of the pitching lines
    for (const PitchingLine &l : box.pitching)
        if (!pitchingTeams.contains(l.teamId))
            pitchingTeams << l.teamId;
    for (const int team : pitchingTeams) {
        bool any = false;
        for (const PitchingLine &l : box.pitching) {
            if (l.teamId != team)
                continue;
            if (!any)
                text << QString()
                     << QStringLiteral("Team %1 pitching        IP   BF   H   R  ER  HR  BB  SO%2")
                            .arg(team, -4)
                            .arg(box.placedRunnerRule ? QStringLiteral("  PR") : QString());
            any = true;
            const QString name = lineName(lineups, l.lineupId, l.positions);
            pitching.push_back({{"lineup_id", l.lineupId}, {"lineup_ids", idsJson(l.lineupIds)},
                                {"team_id", l.teamId}, {"name", utf8(name)},
                                {"batters_faced", l.battersFaced}, {"outs", l.outs},
                                {"ip", utf8(l.inningsPitched())}, {"h", l.hits}, {"r", l.runs},
                                {"er", box.earnedKnown ? nlohmann::json(l.earnedRuns) : nlohmann::json()},
                                {"hr", l.homeRuns}, {"bb", l.walks}, {"so", l.strikeouts},
                                {"placed_runner_runs", l.placedRunnerRuns}});
            text << pitchingRow(name, l);
        }
        if (any) {
            const PitchingLine total = box.pitchingTotal(team);
            pitchingTotals.push_back({{"team_id", team}, {"batters_faced", total.battersFaced}, {"outs", total.outs},
                                      {"ip", utf8(total.inningsPitched())}, {"h", total.hits}, {"r", total.runs},
                                      {"er", box.earnedKnown ? nlohmann::json(total.earnedRuns) : nlohmann::json()},
                                      {"hr", total.homeRuns}, {"bb", total.walks}, {"so", total.strikeouts},
                                      {"placed_runner_runs", total.placedRunnerRuns}});
            text << pitchingRow(QStringLiteral("Totals"), total);
        }
    }
    nlohmann::json absentJson = nlohmann::json::array();
    for (const QString &a : absent)
        absentJson.push_back(utf8(a));
    if (box.placedRunnerRule)
        text << QString() << QStringLiteral("PR: runs of the runners placed on second in extra innings (%1), "
                                            "counted in R and unearned.").arg(rules.describe());
    cmd.print({{"game_id", utf8(summary.id)}, {"through_play", to}, {"batting", batting},
               {"pitching", pitching}, {"batting_totals", battingTotals}, {"pitching_totals", pitchingTotals},
               {"absent_columns", absentJson}},
              text.join('\n'));
}

int replayCmd(const QStringList &args)
{
    Command cmd(QStringLiteral("replay"),
                QStringLiteral("Replay a game: one line per play with the state after it, or with "
                               "--to N the state after play N, or with --box its box score."));
    addDb(cmd);
    addGame(cmd);
    cmd.parser().addOption({QStringLiteral("to"), QStringLiteral("Only the state after play N (0: the start)."),
                            QStringLiteral("N")});
    cmd.parser().addOption({QStringLiteral("box"),
                            QStringLiteral("The box score (batting and pitching lines summed from the plays) "
                                           "after play N (--to) or after the last play.")});
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    GameStore store(*conn);
    const QString game = cmd.required(QStringLiteral("game"));
    const GameData data = store.open(game); // NotFound for an unknown game
    const GameSummary &summary = data.summary;
    const QList<Play> &plays = data.plays;
    const QList<LineupEntry> &lineups = data.lineups;
    const QList<Replacement> replacements = GameStore::replacements(lineups);
    // The last play of a completed game has no next half-inning after it; a pinch runner
    // put in after a play stands on the base of the man he runs for.
    // A half-inning the league's rule places a runner in starts with him on second.
    const GameRules &rules = store.rules();
    const auto after = [&](qsizetype i) {
        const bool endsGame = summary.status == QLatin1String("completed") && plays[i].playNumber == summary.lastPlay;
        return stateAfterPlay(plays, i, replacements, rules, endsGame, lineups);
    };
    const bool box = cmd.parser().isSet(QStringLiteral("box"));
    if (cmd.parser().isSet(QStringLiteral("to")) || box) {
        const int to = cmd.parser().isSet(QStringLiteral("to"))
                           ? int(cmd.integer(QStringLiteral("to"), 0, 0, summary.lastPlay))
                           : summary.lastPlay;
        if (box) {
            printBox(cmd, summary, plays, lineups, to, store.absentCountRoles(), rules);
            return Ok;
        }
        BaseState state;
        for (qsizetype i = 0; i < plays.size(); ++i)
            if (plays[i].playNumber <= to)
                state = after(i);
        nlohmann::json doc = toJson(state);
        doc["game_id"] = utf8(summary.id);
        doc["play_number"] = to;
        cmd.print(doc, QStringLiteral("After play %1: %2").arg(to).arg(stateText(state)));
        return Ok;
    }
    // One JSON document per line (JSON Lines) with --json; text otherwise.
    for (qsizetype i = 0; i < plays.size(); ++i) {
        const Play &p = plays[i];
        const BaseState state = after(i);
        // The runner the rule put on second for the next half-inning (0: none, or unknown yet).
        const int placed = nextPlacedRunner(plays, i, lineups, rules);
        if (cmd.json()) {
            nlohmann::json line = toJson(state);
            line["play_number"] = p.playNumber;
            line["description"] = utf8(p.description);
            line["runs_scored"] = p.runsScored;
            line["outs_recorded"] = p.outsRecorded;
            if (placed)
                line["placed_runner"] = placed;
            std::fputs((dumpJson(line) + "\n").c_str(), stdout);
        } else {
            std::fputs(QStringLiteral("%1  %2  -> %3%4\n")
                           .arg(p.playNumber, 5)
                           .arg(p.description.left(40).leftJustified(40), stateText(state),
                                placed ? QStringLiteral(" (#%1 placed on second)").arg(placed) : QString())
                           .toUtf8()
                           .constData(),
                       stdout);
        }
    }
    return Ok;
}

int check(const QStringList &args)
{
    Command cmd(QStringLiteral("check"),
                QStringLiteral("Walk a game's plays and report every play whose starting state does "
                               "not follow from the previous one, and every field of the games row "
                               "(scores, inning, half, status) that differs from the state after the "
                               "last play. Exit 0 either way."));
    addDb(cmd);
    addGame(cmd);
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    GameStore store(*conn);
    const QString game = GameStore::normalizeGameId(cmd.required(QStringLiteral("game")));
    const GameData data = store.open(game); // NotFound for an unknown game
    const GameSummary &summary = data.summary;
    const QList<Play> &plays = data.plays;
    const QList<LineupEntry> &lineups = data.lineups;
    const QList<Replacement> replacements = GameStore::replacements(lineups);
    const RulesInForce &inForce = store.rulesInForce();
    const auto issues = checkConsistency(plays, replacements, inForce.rules);
    const auto rowDifferences = checkGameRow(summary, plays, replacements);
    auto ruleFindings = checkDesignatedHitter(plays, lineups, inForce.rules);
    // A stated rule the plays contradict: this game's own, else the database's newest games'.
    RulesInForce own = inForce;
    if (const auto seen = placedRunnerSeen(halfStarts(plays)))
        own.placedSeen = seen;
    for (const QString &c : own.contradictions())
        ruleFindings.append({0, QStringLiteral("rules"), c});
    nlohmann::json list = nlohmann::json::array(), row = nlohmann::json::array(), rules = nlohmann::json::array();
    QStringList lines;
    for (const auto &i : issues) {
        list.push_back({{"play_number", i.playNumber}, {"field", utf8(i.field)},
                        {"expected", utf8(i.expected)}, {"actual", utf8(i.actual)}});
        lines << i.message();
    }
    for (const auto &f : ruleFindings) {
        rules.push_back({{"play_number", f.playNumber}, {"field", utf8(f.field)}, {"message", utf8(f.message)}});
        lines << f.message;
    }
    for (const auto &d : rowDifferences) {
        row.push_back({{"field", utf8(d.field)}, {"stored", utf8(d.stored)}, {"expected", utf8(d.expected)}});
        lines << d.message(summary.lastPlay);
    }
    const bool consistent = issues.isEmpty() && rowDifferences.isEmpty() && ruleFindings.isEmpty();
    // Where the game stands now: after its last play (a third out before a half the rule
    // places a runner in shows him on second, as the lineup names him).
    const bool completed = summary.status == QLatin1String("completed");
    const BaseState now = plays.isEmpty() ? BaseState{}
                                          : stateAfterPlay(plays, plays.size() - 1, replacements, inForce.rules,
                                                           completed, lineups);
    lines << QStringLiteral("Rules applied: %1.").arg(inForce.describe());
    lines << QStringLiteral("After play %1: %2").arg(summary.lastPlay).arg(stateText(now));
    const char *sources[] = {"stated", "seen", "none"};
    cmd.print({{"game_id", utf8(game)},
               {"consistent", consistent},
               {"first_inconsistent_play", issues.isEmpty() ? 0 : issues.first().playNumber},
               {"issues", list},
               {"game_row", row},
               {"rule_findings", rules},
               {"rules", utf8(inForce.rules.describe())},
               {"rules_source", sources[int(inForce.source)]},
               {"state_after_last_play", toJson(now)}},
              consistent ? QStringLiteral("Game %1 is consistent.\n%2").arg(game, lines.mid(lines.size() - 2).join('\n'))
                         : lines.join('\n'));
    return Ok;
}

int rollback(const QStringList &args)
{
    Command cmd(QStringLiteral("rollback"),
                QStringLiteral("Roll a game back to play N: delete later plays, the substitutions "
                               "with after_play >= N and, as the game's own rollback does, the dice rolls "
                               "after play N (--keep-rolls keeps them), in one transaction, archived for undo."));
    addDb(cmd);
    addGame(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("set"),
                 QStringLiteral("Instead of --db: a saved shard set; the rollback goes to the shard that owns the "
                                "game (by the set's rule), and is refused when the rule cannot name one."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("to"), QStringLiteral("The play to keep as the last one (0: none)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why (required; kept in the audit log)."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Only show what would change.")});
    p.addOption({QStringLiteral("confirm"),
                 QStringLiteral("The game's short id (its first 8 characters, as the Replay pane shows it) or its "
                                "whole id, to confirm (required unless --dry-run)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("keep-rolls"), QStringLiteral("Keep the dice rolls of the removed plays (the game deletes them).")});
    p.addOption({QStringLiteral("delete-rolls"), QStringLiteral("Delete the dice rolls of the removed plays (the default; "
                                                                "refused where the database keeps none by play).")});
    p.addOption({QStringLiteral("webhook"), QStringLiteral("POST a notice to the game server afterwards."), QStringLiteral("URL")});
    addWait(cmd);
    cmd.parse(args);
    const bool dry = p.isSet(QStringLiteral("dry-run"));
    RollbackOptions options;
    options.toPlay = int(cmd.integer(QStringLiteral("to"), -1, 0, std::numeric_limits<int>::max()));
    if (!p.isSet(QStringLiteral("to")))
        throw Error::invalidInput(QStringLiteral("--to is required."));
    options.reason = p.value(QStringLiteral("reason"));
    if (p.isSet(QStringLiteral("keep-rolls")) && p.isSet(QStringLiteral("delete-rolls")))
        throw Error::invalidInput(QStringLiteral("--keep-rolls and --delete-rolls contradict each other."));
    if (p.isSet(QStringLiteral("keep-rolls")))
        options.deleteRolls = false;
    else if (p.isSet(QStringLiteral("delete-rolls")))
        options.deleteRolls = true;
    if (!dry && options.reason.trimmed().isEmpty())
        throw Error::invalidInput(QStringLiteral("--reason is required: it is kept in the audit log."));
    const QString game = cmd.required(QStringLiteral("game"));
    if (!dry) {
        // As a reset asks for the database's name: the game's short id, typed.
        const QString normalized = GameStore::normalizeGameId(game);
        const QString typed = p.value(QStringLiteral("confirm")).trimmed().toLower();
        if (typed.isEmpty())
            throw Error::invalidInput(QStringLiteral("--confirm is required: give the game's short id, %1.").arg(normalized.left(8)));
        if (typed != normalized.left(8) && typed != normalized)
            throw Error::invalidInput(QStringLiteral("--confirm %1 is not game %2: give its short id, %3.")
                                          .arg(typed, normalized, normalized.left(8)));
    }
    options.wait = waitFrom(cmd, game);
    CancelToken token;
    const auto access = dry ? pg::Connection::Access::ReadOnly : pg::Connection::Access::ReadWrite;
    std::unique_ptr<pg::Connection> conn;
    QString shardLabel; // the owning shard, through --set
    if (p.isSet(QStringLiteral("set"))) {
        if (p.isSet(QStringLiteral("db")))
            throw Error::invalidInput(QStringLiteral("Give --db or --set, not both."));
        const pg::ConnectionSettings owner = shardOwnerOfGame(cmd, game, token, &shardLabel);
        std::fprintf(stderr, "statescope-cli: game %s is on shard %s.\n", qPrintable(game), qPrintable(shardLabel));
        conn = pg::Connection::open(owner, access, &token);
    } else {
        conn = cmd.open(QStringLiteral("db"), access, &token);
        // A shard of a saved set: the set's rule must place the game here.
        shard::requireOwnsGame(*conn, cmd.connection(QStringLiteral("db")), game, token);
    }
    Rollback rb(*conn);
    if (dry) {
        const RollbackPlan plan = rb.plan(game, options);
        cmd.print({{"game_id", utf8(plan.game.id)},
                   {"dry_run", true},
                   {"to_play", plan.toPlay},
                   {"last_play", plan.lastPlay},
                   {"plays_to_delete", plan.playsToDelete},
                   {"lineups_to_delete", plan.lineupsToDelete},
                   {"lineups_to_reactivate", plan.lineupsToReactivate},
                   {"rolls_to_delete", plan.rollsToDelete},
                   {"rolls_kept", plan.rollsKept},
                   {"resulting_state", toJson(plan.resultingState)},
                   {"places_runner", plan.placesRunner},
                   {"placed_runner", plan.placedRunner},
                   {"missing_indexes", utf8Array(plan.missingIndexes)}},
                  QStringLiteral("Would delete %1 plays (%2..%3), %4 substitutions, %5 rolls (%6 kept). "
                                 "The game would stand at: %7%8")
                      .arg(plan.playsToDelete)
                      .arg(plan.toPlay + 1)
                      .arg(plan.lastPlay)
                      .arg(plan.lineupsToDelete)
                      .arg(plan.rollsToDelete)
                      .arg(plan.rollsKept)
                      .arg(stateText(plan.resultingState),
                           !plan.placesRunner ? QString()
                           : plan.placedRunner
                               ? QStringLiteral(" (#%1 placed on second by the extra-inning rule)").arg(plan.placedRunner)
                               : QStringLiteral(" (the next half-inning starts with a runner placed on second)"))
                      + (plan.missingIndexes.isEmpty()
                             ? QString()
                             : QStringLiteral("\nThe references to lineup rows have no index: each of the %1 deleted "
                                              "substitutions has all %2 plays checked (seconds at a season's size). "
                                              "statescope-cli db create-index --kind plays --db ... builds them first "
                                              "(CONCURRENTLY, shown before it runs).")
                                   .arg(plan.lineupsToDelete)
                                   .arg(qint64(plan.playsRows))));
        return Ok;
    }
    const RollbackRecord r = [&] {
        InterruptGuard guard(token);
        return rb.apply(game, options);
    }();
    nlohmann::json doc = toJson(r);
    if (!shardLabel.isEmpty())
        doc["shard"] = utf8(shardLabel);
    notify(cmd, doc, QStringLiteral("rollback"), r, r.toPlay);
    cmd.print(doc, QStringLiteral("Rolled game %1 back to play %2 (rollback %3: %4 plays, %5 "
                                  "substitutions, %6 rolls archived). Undo with: statescope-cli "
                                  "rollback undo --db ... --id %3")
                       .arg(r.gameId)
                       .arg(r.toPlay)
                       .arg(r.id)
                       .arg(r.deletedPlays)
                       .arg(r.deletedLineups)
                       .arg(r.deletedRolls));
    return Ok;
}

int undo(const QStringList &args)
{
    Command cmd(QStringLiteral("rollback undo"),
                QStringLiteral("Put back what a rollback deleted, while no newer plays were written."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("id"), QStringLiteral("The rollback id."), QStringLiteral("ROLLBACK_ID")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("webhook"), QStringLiteral("POST a notice to the game server afterwards."), QStringLiteral("URL")});
    addWait(cmd);
    cmd.parse(args);
    const qint64 id = cmd.integer(QStringLiteral("id"), 0, 1, std::numeric_limits<qint64>::max());
    if (!p.isSet(QStringLiteral("id")))
        throw Error::invalidInput(QStringLiteral("--id is required."));
    CancelToken token;
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadWrite, &token);
    const RollbackRecord r = [&] {
        InterruptGuard guard(token);
        return Rollback(*conn).undo(id, p.value(QStringLiteral("reason")),
                                    waitFrom(cmd, QStringLiteral("of rollback %1").arg(id)));
    }();
    nlohmann::json doc = toJson(r);
    notify(cmd, doc, QStringLiteral("rollback_undo"), r, r.fromPlay);
    cmd.print(doc, QStringLiteral("Undid rollback %1: game %2 is back at play %3.")
                       .arg(r.id)
                       .arg(r.gameId)
                       .arg(r.fromPlay));
    return Ok;
}

} // namespace

int runGames(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("list"))
        return gamesList(args);
    if (sub == QLatin1String("rules"))
        return gamesRules(args);
    throw Error::invalidInput(QStringLiteral("Unknown command: games %1").arg(sub),
                              QStringLiteral("Use: games list --db CONN | games rules"));
}

int runReplay(const QStringList &args)
{
    return replayCmd(args);
}

int runCheck(const QStringList &args)
{
    return check(args);
}

int runRollback(const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1String("undo"))
        return undo(args.mid(1));
    return rollback(args);
}

} // namespace statescope::cli
