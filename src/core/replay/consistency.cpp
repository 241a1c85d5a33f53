#include "consistency.h"

namespace statescope::replay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::Consistency)
};

QString runnersText(const std::array<int, 3> &r)
{
    return QStringLiteral("[%1, %2, %3]").arg(r[0]).arg(r[1]).arg(r[2]);
}

void compare(QList<Inconsistency> &out, int play, const char *field, const QString &expected,
             const QString &actual)
{
    if (expected != actual)
        out.append({play, QString::fromLatin1(field), expected, actual});
}

} // namespace

QString Inconsistency::message() const
{
    return Tr::tr("Play %1: %2 is %3, expected %4.").arg(playNumber).arg(field, actual, expected);
}

QList<Inconsistency> checkConsistency(const QList<Play> &plays)
{
    QList<Inconsistency> out;
    BaseState expected; // the start of a game
    int expectedNumber = 1;
    for (const Play &p : plays) {
        if (p.playNumber != expectedNumber)
            out.append({p.playNumber, QStringLiteral("play_number"),
                        QString::number(expectedNumber), QString::number(p.playNumber)});
        const BaseState &s = p.start;
        compare(out, p.playNumber, "inning", QString::number(expected.inning), QString::number(s.inning));
        compare(out, p.playNumber, "half", halfName(expected.half), halfName(s.half));
        compare(out, p.playNumber, "outs_before", QString::number(expected.outs), QString::number(s.outs));
        compare(out, p.playNumber, "away_score", QString::number(expected.awayScore),
                QString::number(s.awayScore));
        compare(out, p.playNumber, "home_score", QString::number(expected.homeScore),
                QString::number(s.homeScore));
        compare(out, p.playNumber, "runners", runnersText(expected.runners), runnersText(s.runners));
        compare(out, p.playNumber, "on_base_code", QString::number(s.onBaseCode()),
                QString::number(p.onBaseCodeStored));
        expected = stateAfter(p);
        expectedNumber = p.playNumber + 1;
    }
    return out;
}

} // namespace statescope::replay
