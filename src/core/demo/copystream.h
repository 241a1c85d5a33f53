#pragma once

#include "core/demo/copytext.h"

#include <functional>

namespace statescope::pg {
class Connection;
}

namespace statescope::demo {

// Streams generated rows into "COPY ... FROM STDIN" in chunks of about one megabyte.
//
// nextRow appends one row to the buffer and returns false once there are no more
// (appending nothing then). It runs on a helper thread that stays a few chunks ahead of
// the server, so generating and loading overlap instead of taking turns; it must not touch
// anything the calling thread uses meanwhile. Rows keep their order, so the result is the
// same as generating them in line.
//
// afterChunk runs on the calling thread after each chunk went to the server, with the
// number of rows sent so far: check cancellation and report progress there.
//
// An exception from either callback ends the COPY without sending the rest and is
// rethrown once the server has answered, so the caller's transaction can roll back.
// Returns the number of rows the server reports.
qint64 copyRows(pg::Connection &conn, const QString &copySql,
                const std::function<bool(CopyBuffer &)> &nextRow,
                const std::function<void(qint64 rowsSent)> &afterChunk = {});

} // namespace statescope::demo
