#include "play.h"

#include "core/pg/result.h"

namespace statescope::replay {

int BaseState::onBaseCode() const
{
    return (runners[0] ? 1 : 0) | (runners[1] ? 2 : 0) | (runners[2] ? 4 : 0);
}

QString halfName(Half half)
{
    return half == Half::Top ? QStringLiteral("top") : QStringLiteral("bottom");
}

std::optional<Half> parseHalf(const QString &text)
{
    if (text == QLatin1String("top"))
        return Half::Top;
    if (text == QLatin1String("bottom"))
        return Half::Bottom;
    return std::nullopt;
}

BaseState stateAfter(const Play &play, bool endsGame)
{
    BaseState s = play.start;
    if (s.half == Half::Top)
        s.awayScore += play.runsScored;
    else
        s.homeScore += play.runsScored;
    s.outs += play.outsRecorded;

    std::array<int, 3> bases{0, 0, 0};
    auto place = [&bases](std::optional<int> final, int who) {
        if (who && final && *final >= 1 && *final <= 3)
            bases[size_t(*final - 1)] = who;
    };
    for (int i = 0; i < 3; ++i)
        place(play.runnerFinals[size_t(i)], play.start.runners[size_t(i)]);
    place(play.batterFinal, play.batterId);
    s.runners = bases;

    if (s.outs >= 3 && endsGame) {
        s.outs = 3;
        s.runners = {0, 0, 0};
    } else if (s.outs >= 3) {
        s.outs = 0;
        s.runners = {0, 0, 0};
        if (s.half == Half::Top) {
            s.half = Half::Bottom;
        } else {
            s.half = Half::Top;
            ++s.inning;
        }
    }
    return s;
}

QString playColumns()
{
    return QStringLiteral(
        "id, play_number, inning, half, outs_before, away_score, home_score, on_base_code, "
        "coalesce(on_first_id, 0), coalesce(on_second_id, 0), coalesce(on_third_id, 0), "
        "batter_id, pitcher_id, coalesce(catcher_id, 0), coalesce(batting_order, 0), "
        "batter_final, on_first_final, on_second_final, on_third_final, outs_recorded, "
        "runs_scored, coalesce(dice_roll, ''), coalesce(result_description, '')");
}

Play playFromRow(const pg::Result &r, int row)
{
    auto optional = [&r, row](int column) -> std::optional<int> {
        if (r.isNull(row, column))
            return std::nullopt;
        return r.toInt(row, column);
    };
    Play p;
    p.id = r.toLongLong(row, 0);
    p.playNumber = r.toInt(row, 1);
    p.start.inning = r.toInt(row, 2);
    // Compared in place: a string made for each of 100,000 plays only to be compared.
    p.start.half = r.view(row, 3) == QByteArrayView("bottom") ? Half::Bottom : Half::Top;
    p.start.outs = r.toInt(row, 4);
    p.start.awayScore = r.toInt(row, 5);
    p.start.homeScore = r.toInt(row, 6);
    p.onBaseCodeStored = r.toInt(row, 7);
    p.start.runners = {r.toInt(row, 8), r.toInt(row, 9), r.toInt(row, 10)};
    p.batterId = r.toInt(row, 11);
    p.pitcherId = r.toInt(row, 12);
    p.catcherId = r.toInt(row, 13);
    p.battingOrder = r.toInt(row, 14);
    p.batterFinal = optional(15);
    p.runnerFinals = {optional(16), optional(17), optional(18)};
    p.outsRecorded = r.toInt(row, 19);
    p.runsScored = r.toInt(row, 20);
    p.diceRoll = r.value(row, 21);
    p.description = r.value(row, 22);
    return p;
}

const QStringList &countRoles()
{
    static const QStringList roles{QStringLiteral("pa"), QStringLiteral("ab"), QStringLiteral("hit"),
                                   QStringLiteral("homerun"), QStringLiteral("bb"), QStringLiteral("so"),
                                   QStringLiteral("error"), QStringLiteral("passed_ball")};
    return roles;
}

} // namespace statescope::replay
