#pragma once

// What every benchmark needs to take and print its figures.

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <vector>

namespace statescope::bench {

inline double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The middle of the repetitions: robust to the odd run disturbed by other load.
inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The value after `name` on the command line, or fallback.
inline QString option(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at > 0 && at + 1 < args.size() ? args[at + 1] : fallback;
}

} // namespace statescope::bench
