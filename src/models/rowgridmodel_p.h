#pragma once

// Internals of RowGridModel shared by its source files (rowgridmodel.cpp, rowgridwindow.cpp):
// what one background fetch asks for and what it brings back.

#include "models/rowgridmodel.h"

#include <optional>
#include <vector>

namespace statescope::models {

struct RowGridModel::Fetch
{
    enum class Kind { Open, Start, Forward, Backward, End, Near, Range, Count, Locate };
    Kind kind = Kind::Start;
    quint64 generation = 0;
    int target = 0;        // where the rows go: Near, End, Range; the row Locate counts to
    double fraction = 0;   // Near
    std::optional<browse::Position> from;
    int limit = kPage;
};

struct RowGridModel::Ready
{
    std::vector<browse::Row> rows;
    bool nearFailed = false;          // no histogram: move step by step instead
    qint64 estimate = -1;
    qint64 exactCount = -1;
    qint64 before = -1;               // Locate: rows before the one asked about
    std::optional<qint64> cursorTotal;
    bool cursorHeld = false; // a cursor's transaction is still open after this read
    bool viaPooler = false;  // ...through a pooler in transaction mode: then held not a moment longer
    int reruns = 0;          // times the cursor's statement ran again after its transaction ended
    // Open only
    std::shared_ptr<const browse::RelationDetails> details;
    QStringList columns, types;
    bool keyed = false;
};

} // namespace statescope::models
