#pragma once

#include <optional>

// Internals of EventTableModel shared by its two source files: what one background
// fetch asks for and what it brings back.

#include "models/eventtablemodel.h"

namespace statescope::models {

struct EventTableModel::Fetch
{
    enum class Kind { Start, Forward, Backward, AtTime, AtEvent, Bottom, Tail };
    Kind kind = Kind::Start;
    quint64 generation = 0;
    quint64 run = 0;
    quint64 serial = 0; // the request; only the latest one's answer is used
    int target = 0;     // model row of the first row handed back (Forward, AtTime, AtEvent)
    int limit = kPage;
    std::optional<events::EventKey> key;
    std::optional<Timestamp> time; // for AtTime
    qint64 id = 0;
};

struct EventTableModel::Ready
{
    std::vector<events::EventRow> rows;
    qint64 estimate = 0;
    events::TimeScale scale;
    qint64 maxId = 0;
    std::optional<events::EventRow> event; // AtEvent: the event asked for
};

// Browsing order: newer first; events without a time after all others; ties by id.
bool newerEvent(const events::EventRow &a, const events::EventRow &b);

} // namespace statescope::models
