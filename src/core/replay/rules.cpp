#include "rules.h"

#include "core/error.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/settings.h"
#include "core/weekly/weeklyname.h"

#include <QSet>

#include <map>

namespace statescope::replay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::GameRules)
};

bool endsHalf(const Play &p)
{
    return p.start.outs + p.outsRecorded >= 3;
}

bool isPitcher(const QString &position)
{
    const QString p = position.trimmed().toUpper();
    return p == QLatin1String("P") || p == QLatin1String("SP") || p == QLatin1String("RP");
}

bool isDesignatedHitter(const QString &position)
{
    return position.trimmed().compare(QLatin1String("DH"), Qt::CaseInsensitive) == 0;
}

} // namespace

QString GameRules::describe() const
{
    QStringList parts;
    if (placedRunnerFrom > 0)
        parts << Tr::tr("runner placed on second from inning %1").arg(placedRunnerFrom);
    if (designatedHitter)
        parts << (*designatedHitter ? Tr::tr("designated hitter") : Tr::tr("no designated hitter"));
    return parts.isEmpty() ? Tr::tr("none stated") : parts.join(QStringLiteral("; "));
}

void GameRules::validate() const
{
    if (placedRunnerFrom != 0 && (placedRunnerFrom < kMinPlacedInning || placedRunnerFrom > kMaxPlacedInning))
        throw Error::invalidInput(Tr::tr("The inning a runner is first placed in must be between %1 and %2 "
                                         "(0: no runner is placed); %3 is not.")
                                      .arg(kMinPlacedInning)
                                      .arg(kMaxPlacedInning)
                                      .arg(placedRunnerFrom),
                                  Tr::tr("Today's leagues place him from the 10th inning."));
}

QString rulesScopeFor(const QString &database)
{
    if (database.isEmpty())
        return {};
    if (replay::statedRules(database))
        return database;
    if (const auto name = weekly::WeeklyName::parse(database); name && replay::statedRules(name->prefix()))
        return name->prefix();
    return {};
}

GameRules rulesFor(const QString &database)
{
    if (database.isEmpty())
        return {};
    if (const auto own = replay::statedRules(database))
        return *own;
    if (const auto name = weekly::WeeklyName::parse(database))
        return replay::statedRules(name->prefix()).value_or(GameRules{});
    return {};
}

int placedRunner(const QList<Play> &plays, qsizetype index, const GameRules &rules)
{
    if (index <= 0 || index >= plays.size() || !endsHalf(plays[index - 1]))
        return 0;
    const Play &p = plays[index];
    return rules.placesRunner(p.start.inning) && p.start.outs == 0 ? p.start.runners[1] : 0;
}

int nextPlacedRunner(const QList<Play> &plays, qsizetype index, const QList<LineupEntry> &lineups,
                     const GameRules &rules)
{
    if (index < 0 || index >= plays.size())
        return 0;
    const Play &p = plays[index];
    if (!endsHalf(p) || !rules.placesRunner(stateAfter(p).inning))
        return 0;
    if (index + 1 < plays.size())
        return plays[index + 1].start.runners[1];
    std::map<int, const LineupEntry *> byId;
    for (const LineupEntry &e : lineups)
        byId[e.id] = &e;
    // The team to bat next is the one in the field for this play: its pitcher's.
    const auto pitcher = byId.find(p.pitcherId);
    if (pitcher == byId.end())
        return 0;
    const int team = pitcher->second->teamId;
    for (qsizetype i = index; i >= 0; --i) {
        const auto batter = byId.find(plays[i].batterId);
        if (batter == byId.end() || batter->second->teamId != team)
            continue;
        const int slot = plays[i].battingOrder > 0 ? plays[i].battingOrder : batter->second->battingOrder;
        if (slot <= 0)
            return 0;
        for (const LineupEntry &e : lineupAt(lineups, team, p.playNumber + 1))
            if (e.battingOrder == slot)
                return e.id;
        return 0;
    }
    return 0;
}

BaseState stateAfterPlay(const QList<Play> &plays, qsizetype index, const QList<Replacement> &replacements,
                         const GameRules &rules, bool endsGame, const QList<LineupEntry> &lineups)
{
    const Play &p = plays[index];
    BaseState s = withReplacements(stateAfter(p, endsGame), p.playNumber, replacements);
    if (!endsGame && endsHalf(p) && rules.placesRunner(s.inning))
        s.runners = {0, nextPlacedRunner(plays, index, lineups, rules), 0};
    return s;
}

BaseState stateAfterPlay(const QList<Play> &plays, qsizetype index, const QList<Replacement> &replacements,
                         const GameRules &rules, bool endsGame)
{
    return stateAfterPlay(plays, index, replacements, rules, endsGame, QList<LineupEntry>{});
}

QList<HalfStarts> halfStarts(const QList<Play> &plays)
{
    std::map<int, HalfStarts> byInning;
    for (qsizetype i = 1; i < plays.size(); ++i) {
        if (!endsHalf(plays[i - 1]))
            continue;
        const BaseState &s = plays[i].start;
        HalfStarts &h = byInning[s.inning];
        h.inning = s.inning;
        ++h.halves;
        h.withPlacedRunner += s.outs == 0 && s.runners[1] && !s.runners[0] && !s.runners[2] ? 1 : 0;
    }
    QList<HalfStarts> out;
    for (const auto &[inning, h] : byInning)
        out.append(h);
    return out;
}

std::optional<int> placedRunnerSeen(const QList<HalfStarts> &halves)
{
    constexpr int kFirstExtraInning = 10;
    int from = 0;
    bool extra = false;
    for (const HalfStarts &h : halves) {
        extra = extra || (h.inning >= kFirstExtraInning && h.halves > 0);
        if (!from && h.withPlacedRunner > 0)
            from = h.inning;
    }
    if (!from)
        return extra ? std::optional<int>(0) : std::nullopt;
    if (from < GameRules::kMinPlacedInning || from > GameRules::kMaxPlacedInning)
        return std::nullopt;
    for (const HalfStarts &h : halves)
        if (h.inning >= from && h.withPlacedRunner != h.halves)
            return std::nullopt; // some halves from that inning on start without him
    return from;
}

QString RulesInForce::describe() const
{
    switch (source) {
    case Source::Stated:
        return Tr::tr("%1 (stated for %2)").arg(rules.describe(), scope);
    case Source::Seen:
        return rules.isDefault() ? Tr::tr("none seen in the plays (no runner placed in extra innings)")
                                 : Tr::tr("%1 (seen in the plays)").arg(rules.describe());
    case Source::None:
        break;
    }
    return Tr::tr("none stated, and the plays do not show them");
}

QStringList RulesInForce::contradictions() const
{
    QStringList out;
    if (source != Source::Stated || !placedSeen || *placedSeen == rules.placedRunnerFrom)
        return out;
    const auto what = [](int from) {
        return from > 0 ? Tr::tr("a runner placed on second from inning %1").arg(from)
                        : Tr::tr("no runner placed in extra innings");
    };
    out << Tr::tr("The rules stated for %1 say %2; the plays show %3.")
               .arg(scope, what(rules.placedRunnerFrom), what(*placedSeen));
    return out;
}

QList<PlacedRun> placedRuns(const QList<Play> &plays, const QList<Replacement> &replacements,
                            const GameRules &rules)
{
    QList<PlacedRun> out;
    if (rules.placedRunnerFrom == 0)
        return out;
    QSet<int> placed; // the half's placed runner and whoever ran for him
    for (qsizetype i = 0; i < plays.size(); ++i) {
        const Play &p = plays[i];
        if (i > 0 && endsHalf(plays[i - 1]))
            placed.clear();
        if (const int who = placedRunner(plays, i, rules))
            placed.insert(who);
        if (placed.isEmpty())
            continue;
        for (int b = 0; b < 3; ++b) {
            const int runner = p.start.runners[size_t(b)];
            if (runner && placed.contains(runner) && p.runnerFinals[size_t(b)] == 4)
                out.append({p.playNumber, runner, p.pitcherId});
        }
        for (const Replacement &r : replacements)
            if (r.afterPlay == p.playNumber && placed.contains(r.replacedId))
                placed.insert(r.newId);
    }
    return out;
}

QList<RuleFinding> checkDesignatedHitter(const QList<Play> &plays, const QList<LineupEntry> &lineups,
                                         const GameRules &rules)
{
    QList<RuleFinding> out;
    if (!rules.designatedHitter)
        return out;
    if (!*rules.designatedHitter) {
        for (const LineupEntry &e : lineups)
            if (isDesignatedHitter(e.position))
                out.append({e.afterPlay.value_or(0), QStringLiteral("lineup"),
                            Tr::tr("Lineup #%1 of team %2 is a designated hitter; the league's rules have "
                                   "none.")
                                .arg(e.id)
                                .arg(e.teamId)});
        return out;
    }
    std::map<int, const LineupEntry *> byId;
    for (const LineupEntry &e : lineups)
        byId[e.id] = &e;
    for (const Play &p : plays) {
        const auto batter = byId.find(p.batterId);
        if (batter == byId.end() || !isPitcher(batter->second->position))
            continue;
        for (const LineupEntry &e : lineupAt(lineups, batter->second->teamId, p.playNumber))
            if (isDesignatedHitter(e.position)) {
                out.append({p.playNumber, QStringLiteral("batter"),
                            Tr::tr("Play %1: pitcher #%2 bats while team %3 has a designated hitter (#%4).")
                                .arg(p.playNumber)
                                .arg(p.batterId)
                                .arg(e.teamId)
                                .arg(e.id)});
                break;
            }
    }
    return out;
}

} // namespace statescope::replay
