#pragma once

#include "core/json/document.h"

#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

namespace statescope::json {

// The difference between two JSON values as a list of changes, and as an RFC 6902 patch
// that turns the first into the second when applied in order.
struct Change
{
    enum class Op { Add, Remove, Replace };
    Op op = Op::Replace;
    Path path;                   // where, as applied in sequence (indexes shift as in RFC 6902)
    QString displayPath;         // for people: keyed array elements as ships[ship_id="S1"]
    std::optional<Value> before; // in the first document (Remove, Replace)
    std::optional<Value> after;  // in the second document (Add, Replace)
    std::optional<double> delta; // after - before, when both are numbers
};

struct DiffOptions
{
    // Match array elements that are objects by an identifying key (the first of these
    // that every element on both sides has, with unique values) rather than by position.
    bool keyedArrays = false;
    QStringList identityKeys{QStringLiteral("ship_id"), QStringLiteral("name"),
                             QStringLiteral("id"), QStringLiteral("symbol")};
};

struct DiffResult
{
    std::vector<Change> changes;
    // The patch as JSON text: [{"op":"replace","path":"/a","value":…}, …]. Values are
    // copied from the second document's text, so big numbers survive.
    QByteArray patch(const Document &after) const;
};

// How diff() pairs the elements of two arrays; viewers use it to line both sides up the
// same way. Keyed when options.keyedArrays, every element on both sides is an object with
// the first identity key that all of them have (unique scalar values on each side; values
// match by kind and text: strings decoded, numbers as written), and the matched elements
// keep their relative order; otherwise by position, with the equal common prefix and
// suffix trimmed when the lengths differ (with equal lengths every element pairs with the
// one at its index, so nothing is trimmed).
struct ArrayMatch
{
    QString identityKey; // the key matched on; empty: by position
    int prefix = 0;      // by position: equal elements at the front ...
    int suffix = 0;      // ... and at the back
    // (index in the first, index in the second) of each matched pair, ascending on both
    // sides; elements of the first not listed were removed, of the second added.
    std::vector<std::pair<int, int>> pairs;
    bool keyed() const { return !identityKey.isEmpty(); }
};
ArrayMatch matchArrays(const Document &a, Value va, const Document &b, Value vb,
                       const DiffOptions &options = {}, CancelToken *cancel = nullptr);

// What keyed matching reads: the identity (kind and decoded text) of each element's
// value under key, in order. False when an element lacks the key, holds a container
// there, or repeats another element's value. tick, if given, runs once per element.
bool elementIdentities(const Document &doc, const std::vector<Member> &elements,
                       const QString &key, std::vector<QString> &out,
                       const std::function<void()> &tick = {});

// The SQL/JSON path that follows path by identity rather than by position: every array
// index step whose array is keyed (as matchArrays would key it: all elements objects with
// the first identity key that all have, unique string or number values) becomes a filter,
// so /ships/0/fuel reads $."ships"[*] ? (@."ship_id" == "S1")."fuel" and keeps following
// ship S1 when the order changes. nullopt when no step is keyed (track by position then).
std::optional<QString> keyedJsonPath(const Document &doc, const Path &path,
                                     const DiffOptions &options = {.keyedArrays = true});

// Iterative (any depth); cancellable through the token between steps.
DiffResult diff(const Document &a, Value va, const Document &b, Value vb,
                const DiffOptions &options = {}, CancelToken *cancel = nullptr);

} // namespace statescope::json
