#include "baseball.h"

#include "core/demo/baseballrules.h"
#include "core/error.h"

#include <QCoreApplication>
#include <algorithm>
#include <set>

namespace statescope::demo {

namespace {

using rules::Dice;

constexpr int kMaxInnings = 40; // a safety net; ties this long do not happen in practice

struct Team
{
    std::array<int, 10> slot{}; // batting order position -> lineup index (1..9)
    int catcher = -1;
    std::vector<int> benchPitchers, benchHitters; // person ids not yet used
};

struct PlannedSub
{
    bool pitcher = false;
    int team = 0;
    int inning = 0;
    int slot = 0; // pinch hitters: the batting order position replaced
    bool done = false;
};

class GameSimulator
{
    Q_DECLARE_TR_FUNCTIONS(statescope::demo::GameSimulator)
public:
    GameSimulator(Random &rng, const GameSetup &setup) : m_rng(rng), m_setup(setup) {}
    SimulatedGame run();

private:
    void pickTeams();
    void planSubstitutions();
    void applySubstitutions();
    void substitute(PlannedSub &sub, const QString &position, int person);
    void playOne();
    void stopMidGame();
    void breakOnePlay();
    void addRoll(const char *type, int playNumber, nlohmann::json data, nlohmann::json context,
                 int team, int personId = -1);

    Random &m_rng;
    GameSetup m_setup;
    SimulatedGame m_game;
    std::array<Team, 2> m_teams;
    std::vector<PlannedSub> m_subs;
    GameState m_state;
    qint64 m_clock = 0;
    bool m_over = false;
};

void GameSimulator::addRoll(const char *type, int playNumber, nlohmann::json data,
                            nlohmann::json context, int team, int personId)
{
    RollRecord roll;
    roll.rollType = QString::fromLatin1(type);
    roll.playNumber = playNumber;
    roll.data = std::move(data);
    roll.context = std::move(context);
    roll.team = team;
    roll.personId = personId;
    roll.atMs = m_clock;
    m_game.rolls.push_back(std::move(roll));
}

void GameSimulator::pickTeams()
{
    const bool sba = m_setup.league == QLatin1String("sba");
    // sba teams are numbered 1..32 and players team * 100 + n; pd cards are drawn from a
    // card pool, unique within a game.
    const int away = m_rng.uniformInt(1, sba ? 32 : 60);
    int home = m_rng.uniformInt(1, sba ? 31 : 59);
    if (home >= away)
        ++home;
    m_game.teamIds = {away, home};
    std::set<int> usedCards;
    static const char *const kFielders[] = {"C", "1B", "2B", "3B", "SS", "LF", "CF", "RF"};
    for (int team : {kAway, kHome}) {
        int next = 1;
        auto person = [&]() {
            if (sba)
                return m_game.teamIds[team] * 100 + next++;
            int card = 0;
            do {
                card = m_rng.uniformInt(1000, 99999);
            } while (!usedCards.insert(card).second);
            return card;
        };
        std::vector<const char *> positions(std::begin(kFielders), std::end(kFielders));
        m_rng.shuffle(positions);
        // Both leagues play without a designated hitter: the pitcher bats ninth.
        for (int order = 1; order <= 9; ++order) {
            LineupEntry e;
            e.team = team;
            e.personId = person();
            e.position = QString::fromLatin1(order == 9 ? "P" : positions[order - 1]);
            e.battingOrder = order;
            m_teams[team].slot[order] = int(m_game.lineups.size());
            if (e.position == QLatin1String("C"))
                m_teams[team].catcher = int(m_game.lineups.size());
            m_game.roster.push_back({team, e.personId});
            m_game.lineups.push_back(e);
        }
        // The bench: two relievers and two position players.
        for (int i = 0; i < 4; ++i) {
            const int id = person();
            m_game.roster.push_back({team, id});
            (i < 2 ? m_teams[team].benchPitchers : m_teams[team].benchHitters).push_back(id);
        }
    }
}

void GameSimulator::planSubstitutions()
{
    // Some games see a pitching change at the start of a late inning, some a pinch hitter.
    if (m_rng.chance(60))
        m_subs.push_back({true, m_rng.uniformInt(0, 1), m_rng.uniformInt(5, 8), 9});
    if (m_rng.chance(40)) {
        const int team = m_rng.uniformInt(0, 1);
        int slot = 0;
        do { // never the catcher (the plays keep one) and never the pitcher
            slot = m_rng.uniformInt(1, 8);
        } while (m_teams[team].slot[slot] == m_teams[team].catcher);
        m_subs.push_back({false, team, m_rng.uniformInt(6, 9), slot});
    }
}

void GameSimulator::substitute(PlannedSub &sub, const QString &position, int person)
{
    Team &team = m_teams[sub.team];
    const int replaced = team.slot[sub.slot];
    LineupEntry e;
    e.team = sub.team;
    e.personId = person;
    e.position = position;
    e.battingOrder = sub.slot;
    e.starter = false;
    e.replacing = replaced;
    e.afterPlay = int(m_game.plays.size()); // plays after this number use the new row
    e.enteredInning = m_state.inning;
    m_game.lineups[replaced].active = false;
    team.slot[sub.slot] = int(m_game.lineups.size());
    m_game.lineups.push_back(e);
    sub.done = true;
}

void GameSimulator::applySubstitutions()
{
    if (m_game.plays.empty())
        return;
    const int batting = m_state.battingTeam();
    const bool halfStart = m_state.outs == 0 && m_state.onBaseCode() == 0 &&
                           m_game.plays.back().start.half != m_state.half;
    for (PlannedSub &sub : m_subs) {
        if (sub.done || m_state.inning < sub.inning)
            continue;
        Team &team = m_teams[sub.team];
        if (sub.pitcher && sub.team != batting && halfStart) {
            substitute(sub, QStringLiteral("P"), team.benchPitchers.front());
        } else if (!sub.pitcher && sub.team == batting && m_state.nextSlot[batting] == sub.slot) {
            substitute(sub, QStringLiteral("PH"), team.benchHitters.front());
        }
    }
}

void GameSimulator::playOne()
{
    applySubstitutions();
    const int batting = m_state.battingTeam();
    const int fielding = 1 - batting;
    PlayRecord play;
    play.number = int(m_game.plays.size()) + 1;
    play.start = m_state;
    play.battingOrder = m_state.nextSlot[batting];
    play.batter = m_teams[batting].slot[play.battingOrder];
    play.pitcher = m_teams[fielding].slot[9];
    play.catcher = m_teams[fielding].catcher;
    play.atMs = m_clock;

    // A runner on first with second open sometimes gets a jump check (no steal follows
    // in this demo: the roll is kept for the audit trail all the same).
    if (m_state.bases[0] >= 0 && m_state.bases[1] < 0 && m_rng.chance(15)) {
        const int runner = m_state.bases[0];
        addRoll("jump", play.number, {{"d20", m_rng.uniformInt(1, 20)}},
                {{"base", 1}, {"result", "held"}}, batting, m_game.lineups[runner].personId);
    }
    Dice dice;
    dice.d6 = m_rng.uniformInt(1, 6);
    dice.twoD6a = m_rng.uniformInt(1, 6);
    dice.twoD6b = m_rng.uniformInt(1, 6);
    dice.d20 = m_rng.uniformInt(1, 20);
    play.dice = QStringLiteral("d6:%1 2d6:%2 d20:%3").arg(dice.d6).arg(dice.twoD6()).arg(dice.d20);
    addRoll("ab", play.number,
            {{"d6", dice.d6}, {"2d6", {dice.twoD6a, dice.twoD6b}}, {"d20", dice.d20}},
            {{"inning", m_state.inning},
             {"half", m_state.half == Half::Top ? "top" : "bottom"},
             {"outs", m_state.outs},
             {"batting_order", play.battingOrder}},
            batting, m_game.lineups[play.batter].personId);

    const rules::Outcome outcome = rules::chart(dice);
    bool doublePlay = false;
    if (rules::doublePlayPossible(outcome, m_state)) {
        // The defence tries to turn two: a fielding roll decides.
        const int d20 = m_rng.uniformInt(1, 20);
        doublePlay = d20 <= 12;
        addRoll("fielding", play.number, {{"d20", d20}},
                {{"check", "double_play"}, {"result", doublePlay ? "turned" : "safe"}}, fielding);
    }
    rules::resolve(outcome, dice, doublePlay, m_state, play);
    m_game.plays.push_back(play);
    rules::advance(m_state, play);
    m_over = rules::endOfPlay(m_state);
    m_clock += m_rng.uniformInt(20, 95) * 1000LL;
}

void GameSimulator::stopMidGame()
{
    // Keep the first k plays, as if the game were still going on; substitutions made
    // after play k never happened, and the men they replaced are still in. Substitution
    // rows sit at the end of the lineup in the order they were made (and none replaces
    // another substitute), so erasing them from the back leaves every other index valid.
    const int n = int(m_game.plays.size());
    const int k = m_rng.uniformInt(std::min(n - 1, std::max(8, n / 4)), n - 1);
    m_game.plays.resize(std::size_t(k));
    std::erase_if(m_game.rolls, [k](const RollRecord &r) { return r.playNumber > k; });
    for (int i = int(m_game.lineups.size()) - 1; i >= 0; --i) {
        const LineupEntry &e = m_game.lineups[std::size_t(i)];
        if (!e.starter && e.afterPlay >= k) {
            m_game.lineups[std::size_t(e.replacing)].active = true;
            m_game.lineups.erase(m_game.lineups.begin() + i);
        }
    }
    // Replay the last play onto its start to get the state the game is in now.
    const PlayRecord &last = m_game.plays.back();
    m_state = last.start;
    rules::advance(m_state, last);
    rules::endOfPlay(m_state); // only flips the half when the last play made the third out
}

void GameSimulator::breakOnePlay()
{
    // The deliberate inconsistency support staff are meant to find: from play p on, the
    // home score is two runs higher than the plays before it explain. Everything after
    // p follows from p, so p is the one place where the chain breaks.
    const int n = int(m_game.plays.size());
    const int p = m_rng.uniformInt(std::max(2, n / 3), std::max(2, 2 * n / 3));
    for (PlayRecord &play : m_game.plays) {
        if (play.number >= p)
            play.start.score[kHome] += 2;
    }
    m_game.finalState.score[kHome] += 2;
    m_game.brokenPlay = p;
}

SimulatedGame GameSimulator::run()
{
    m_game.id = m_rng.uuid();
    m_game.league = m_setup.league;
    m_game.createdAt = m_setup.startMs - m_rng.uniformInt(2, 30) * 60'000LL;
    m_game.startedAt = m_setup.startMs;
    m_clock = m_setup.startMs + m_rng.uniformInt(30, 120) * 1000LL;
    pickTeams();
    planSubstitutions();
    while (!m_over) {
        if (m_state.inning > kMaxInnings)
            throw Error(Error::Kind::Internal,
                        tr("A demo game did not end after %1 innings.").arg(kMaxInnings));
        playOne();
    }
    if (m_setup.stopMidGame && m_game.plays.size() > 2) {
        stopMidGame();
        m_game.finalState = m_state;
        if (m_setup.broken)
            breakOnePlay();
    } else {
        // A finished game keeps the half it ended in.
        const PlayRecord &last = m_game.plays.back();
        m_game.completed = true;
        m_game.finalState = m_state;
        m_game.finalState.inning = last.start.inning;
        m_game.finalState.half = last.start.half;
        m_game.winnerTeam = m_state.score[kHome] > m_state.score[kAway] ? kHome : kAway;
    }
    m_game.lastActionAt = m_game.plays.back().atMs;
    if (m_game.completed)
        m_game.completedAt = m_game.lastActionAt + m_rng.uniformInt(5, 40) * 1000LL;
    return m_game;
}

} // namespace

SimulatedGame simulateGame(Random &rng, const GameSetup &setup)
{
    GameSimulator simulator(rng, setup);
    return simulator.run();
}

} // namespace statescope::demo
