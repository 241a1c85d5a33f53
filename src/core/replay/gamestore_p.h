#pragma once

// What gamestore.cpp and gamepage.cpp share; not for other callers.

#include "core/pg/connection.h"
#include "core/pg/result.h"
#include "core/replay/gamestore.h"

namespace statescope::replay::detail {

// A row of id, league, home, away, status, inning, half, home score, away score, created_at,
// plays, last play, first inconsistent play.
GameSummary summaryFromRow(const pg::Result &r, int i);
// The start of `day` in UTC as a parameter (NULL for an invalid day).
pg::Param dayStart(const QDate &day);

} // namespace statescope::replay::detail
