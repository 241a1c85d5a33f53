#pragma once

#include "core/json/diff.h"
#include "core/json/document.h"

#include <QByteArray>

namespace statescope::snapshots {

// Two JSON documents and their difference (json::diff); the documents own the text the
// changes point into.
struct StateDiff
{
    json::Document from;
    json::Document to;
    json::DiffResult result;
};

// The difference between two states. Keyed: arrays of objects are matched by their
// identity key (ship_id, name, id, symbol: json::DiffOptions) whatever their order, so a
// reordering alone is no change. json::diff pairs keyed elements only while they keep
// their relative order (its patch has no moves), so the second document is first
// rewritten with such arrays in the first one's order, new elements last: `to` holds
// that text, and the patch turns `from` into it. Positional: json::diff as it is.
// Throws InvalidInput when a text is not JSON.
StateDiff diffStates(const QByteArray &from, const QByteArray &to, bool keyed);

// The second document's text with its keyed arrays in the first one's order (the step
// above). Containers are rewritten with ", " and ": " between items, as jsonb prints
// them; scalars and unchanged subtrees are copied byte for byte.
QByteArray alignKeyedArrays(const json::Document &from, const json::Document &to,
                            const json::DiffOptions &options = {});

} // namespace statescope::snapshots
