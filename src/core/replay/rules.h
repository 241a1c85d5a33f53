#pragma once

#include "core/replay/play.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::replay {

struct LineupEntry;
struct Replacement;

// The rules of a league that the plays follow and the tables do not say: stated per database
// family (its prefix, "paperdynasty") or per database (which wins), kept in the settings
// shared by the window and the command line (`statescope-cli rules`). Nothing stated: none of
// the optional rules, and the designated hitter not checked.
struct GameRules
{
    static constexpr int kMinPlacedInning = 2;
    static constexpr int kMaxPlacedInning = 99;
    // 0: no runner is placed. N: every half-inning from inning N on starts with a runner on
    // second (Retrosheet's `radj`): the row of its first play names him; the check accepts
    // whoever that is (a pinch runner for him too), and his run is unearned.
    int placedRunnerFrom = 0;
    // nullopt: not stated, not checked. true: while a team's lineup has a designated hitter,
    // its pitcher does not bat. false: no lineup names a designated hitter.
    std::optional<bool> designatedHitter;

    bool placesRunner(int inning) const { return placedRunnerFrom > 0 && inning >= placedRunnerFrom; }
    bool isDefault() const { return placedRunnerFrom == 0 && !designatedHitter; }
    // "runner placed on second from the 10th inning; designated hitter" / "none stated".
    QString describe() const;
    // Throws Error(InvalidInput) for an inning out of range.
    void validate() const;
    bool operator==(const GameRules &) const = default;
};

// The rules in force for a database: its own, else its family's (the prefix of a weekly
// name), else none.
GameRules rulesFor(const QString &database);
// Where they come from: the database's name, its family's prefix, or empty (none stated).
QString rulesScopeFor(const QString &database);

// The runner the extra-inning rule put on second at the start of plays[index]'s half-inning:
// his lineup id when that play is the first of a half in which the rule applies and its row
// has a runner on second; 0 otherwise.
int placedRunner(const QList<Play> &plays, qsizetype index, const GameRules &rules);

// The runner the rule places on second for the half-inning after plays[index], when that
// play ends a half and the rule applies to the next one: the next play's row names him when
// there is one; otherwise (a game stopped at that out, or rolled back to it) the lineup does,
// as it stands after the play: the man in the batting order just before the half's leadoff
// hitter, that is in the slot of his team's last batter (or whoever has taken that slot). 0
// when the play ends no such half, or nobody can be named.
int nextPlacedRunner(const QList<Play> &plays, qsizetype index, const QList<LineupEntry> &lineups,
                     const GameRules &rules);

// The state after plays[index] as the next play should find it: stateAfter(), the pinch
// runners put in after it, and, when it ends a half-inning the rule applies to, the runner
// placed on second for the next one (nextPlacedRunner(); without lineups, 0 while no next
// play names him).
BaseState stateAfterPlay(const QList<Play> &plays, qsizetype index, const QList<Replacement> &replacements,
                         const GameRules &rules, bool endsGame, const QList<LineupEntry> &lineups);
BaseState stateAfterPlay(const QList<Play> &plays, qsizetype index, const QList<Replacement> &replacements,
                         const GameRules &rules, bool endsGame = false); // without the lineups

// What the plays show of the placed-runner rule, from the half-innings they start (each after
// a third out), counted by inning: how many, and how many start with a runner on second and
// nobody else on.
struct HalfStarts
{
    int inning = 0;
    int halves = 0;
    int withPlacedRunner = 0;
};
QList<HalfStarts> halfStarts(const QList<Play> &plays);
// nullopt: the plays cannot tell (no half from the 10th inning on, or halves that disagree:
// some from an inning on start with a runner and some do not). 0: halves from the 10th on
// start with the bases empty, no runner is placed. N: every half from inning N on starts with
// a runner on second, and none before.
std::optional<int> placedRunnerSeen(const QList<HalfStarts> &halves);

// The rules as the plays show them, and where the ones in force come from.
struct RulesInForce
{
    enum class Source { Stated, Seen, None };
    GameRules rules;
    Source source = Source::None;
    QString scope; // Stated: the database or family they were stated for
    // Seen: what the plays showed (placedRunnerSeen() and whether a lineup has a DH);
    // Stated: the same, to compare.
    std::optional<int> placedSeen;
    bool designatedHitterSeen = false;
    // "runner placed on second from inning 10 (stated for paperdynasty)" / "(seen in the
    // plays)" / "none stated, and the plays do not show them".
    QString describe() const;
    // A stated rule the plays contradict (a runner placed from another inning, or none).
    QStringList contradictions() const;
};

// The runs scored by placed runners (or the pinch runners put in for them), by the play
// that scored each: what a box score counts as unearned.
struct PlacedRun
{
    int playNumber = 0;
    int runnerId = 0;
    int pitcherId = 0;
};
QList<PlacedRun> placedRuns(const QList<Play> &plays, const QList<Replacement> &replacements,
                            const GameRules &rules);

// What the designated-hitter rule says about the lineups and the batters: with it, a pitcher
// who bats while his team's lineup has a designated hitter in force; without it, a lineup row
// at DH. Nothing when the rule is not stated. field "batter" (playNumber set) or "lineup"
// (playNumber 0 for a starter, else the play after which he came in).
struct RuleFinding
{
    int playNumber = 0;
    QString field;
    QString message;
};
QList<RuleFinding> checkDesignatedHitter(const QList<Play> &plays, const QList<LineupEntry> &lineups,
                                         const GameRules &rules);

// A league's rules as stated in the settings file (rulesFor() picks the ones in force), by
// scope: a database family's prefix ("paperdynasty") or one database's name. nullopt: none
// stated for that scope.
std::optional<GameRules> statedRules(const QString &scope);
QStringList statedRulesScopes();
// Throws Error(InvalidInput) for rules out of range or an empty or over-long scope; nothing
// is written then.
void stateRules(const QString &scope, const GameRules &rules);
void forgetStatedRules(const QString &scope);

} // namespace statescope::replay
