#pragma once

#include "core/browse/familyquery.h"
#include "core/find/finder.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace statescope {
class CancelToken;
}

namespace statescope::find {

// What finding a value in many databases (a family's weeks, a shard set's members) tells as
// it goes: a database's hits, the lookups it did not run because only a scan could answer
// them, its end, or why it could not be asked.
struct FindEvent
{
    enum class Kind { Hit, NotSearched, Done, Failed };
    Kind kind = Kind::Hit;
    int target = 0;    // index into the targets given
    QString label;     // the week or shard
    QString database;
    QString server;
    Hit hit;           // Hit
    Lookup lookup;     // NotSearched
    int lookups = 0;   // Done: how many ran
    QString error;     // Failed
};

// Finds the value in each target (in the order given: a family's newest week first), at most
// `parallelism` at once, each on a read-only connection of its own; a target that fails or
// takes no connections is reported and the others go on. `sink` is called one event at a
// time; returning false stops everything. Throws Cancelled when cancelled.
class FamilyFind
{
    Q_DECLARE_TR_FUNCTIONS(statescope::find::FamilyFind)
public:
    static void run(const QList<browse::FamilyQuery::Target> &targets, const Needle &needle,
                    const Finder::Options &options, int parallelism,
                    const std::function<bool(const FindEvent &)> &sink, CancelToken &cancel);
};

} // namespace statescope::find
