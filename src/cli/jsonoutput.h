#pragma once

// Printing JSON documents and diffs the way every command does: payloads, states and
// patches keep their text exactly as stored (big numbers, key order).

#include "core/json/diff.h"
#include "output.h"

#include <QByteArray>
#include <string>
#include <utility>
#include <vector>

namespace statescope::cli {

// doc, with the listed members appended holding raw JSON text.
std::string withRaw(const nlohmann::json &doc,
                    const std::vector<std::pair<std::string, QByteArray>> &raw);

// Prints the changes from `from` to `to`: with --json, doc plus "changes" (op, pointer,
// display path, before/after as stored, delta) and the RFC 6902 "patch"; else one line
// per change (+ added, - removed, ~ replaced) and a count.
int printDiff(const Command &cmd, nlohmann::json doc, const json::DiffResult &result,
              const json::Document &from, const json::Document &to);

} // namespace statescope::cli
