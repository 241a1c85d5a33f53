#pragma once

#include "core/events/eventfilter.h"
#include "core/pg/connection.h"

#include <QString>

namespace statescope {
class TaskContext;
}

namespace statescope::events {

enum class ExportFormat { Csv, JsonLines };
std::optional<ExportFormat> exportFormatFromName(const QString &name); // "csv", "jsonl"

struct ExportResult
{
    QString path;
    qint64 rows = 0;
    qint64 bytes = 0;
};

struct ExportRequest
{
    EventFilter filter;
    ExportFormat format = ExportFormat::Csv;
    QString path;
    bool overwrite = false;
    qint64 expectedRows = 0; // for progress (an estimate is fine); 0 = unknown
};

// Streams the filtered events, newest first, with COPY ... TO STDOUT straight into the
// file: CSV with a header (id, fetched_at, endpoint, request_key, status_code,
// payload_hash, payload), or one JSON object per line. The filter's values reach COPY
// as session settings, so they stay parameters. Written to "<path>.partial" and renamed
// at the end; on cancel or error the partial file is removed and nothing is left behind.
ExportResult exportEvents(pg::Connection &conn, const ExportRequest &request, TaskContext *task);

} // namespace statescope::events
