#include "core/events/eventexport.h"
#include "core/pg/copytext.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/partialfile.h"
#include "core/task/worker.h"

#include <QCoreApplication>
#include <QFile>
#include <QDir>
#include <QFileInfo>

#include <climits>

namespace statescope::events {

namespace {

QString tr(const char *text)
{
    // The context lupdate gives a free tr() in this namespace (translations/statescope_de.ts).
    return QCoreApplication::translate("statescope::events", text);
}

constexpr qsizetype kFlushAt = 1 << 20;

} // namespace

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (n == QLatin1String("jsonl") || n == QLatin1String("ndjson"))
        return ExportFormat::JsonLines;
    return std::nullopt;
}

ExportResult exportEvents(pg::Connection &conn, const ExportRequest &request, TaskContext *task)
{
    requireValid(request.filter);
    if (request.path.isEmpty())
        throw Error::invalidInput(tr("No file to export to."));
    const QFileInfo target(request.path);
    if (target.exists() && !request.overwrite)
        // The user's choice of file is refused (CLI exit 2): nothing was written.
        throw Error(Error::Kind::InvalidInput, tr("%1 already exists.").arg(request.path), {},
                    tr("Choose another file, or allow overwriting it."));
    if (!target.absoluteDir().exists())
        throw Error(Error::Kind::Environment,
                    tr("The folder %1 does not exist.").arg(target.absolutePath()));

    // FILE.partial, made exclusively (never through a link), renamed at the end.
    PartialFile partial(request.path);
    const QString partialPath = partial.partialPath();
    QFile &file = partial.file();

    const SqlFilter f(request.filter, SqlFilter::Style::SessionSettings);
    const bool csv = request.format == ExportFormat::Csv;
    const QString columns =
        csv ? QStringLiteral("id, fetched_at, endpoint, request_key, status_code, payload_hash, payload")
            : QStringLiteral("json_build_object('id', id, 'fetched_at', fetched_at, 'endpoint', "
                             "endpoint, 'request_key', request_key, 'status_code', status_code, "
                             "'payload_hash', payload_hash, 'payload', payload)");
    // The browsing order, in two index-ordered parts: timed events newest first, then
    // those without a time (one ORDER BY with NULLS LAST would sort the whole set).
    const QStringList copies = {
        QStringLiteral("COPY (SELECT %1 FROM {api_events} WHERE %2 AND fetched_at IS NOT NULL "
                       "ORDER BY fetched_at DESC, id DESC) TO STDOUT%3")
            .arg(columns, f.where(), csv ? QStringLiteral(" WITH (FORMAT csv, HEADER)") : QString()),
        QStringLiteral("COPY (SELECT %1 FROM {api_events} WHERE %2 AND fetched_at IS NULL "
                       "ORDER BY id DESC) TO STDOUT%3")
            .arg(columns, f.where(), csv ? QStringLiteral(" WITH (FORMAT csv)") : QString())};

    ExportResult result;
    result.path = request.path;
    QByteArray buffer;
    buffer.reserve(kFlushAt + (64 << 10));
    bool writeFailed = false;
    auto flush = [&] {
        if (!buffer.isEmpty() && file.write(buffer) != buffer.size())
            writeFailed = true;
        result.bytes += buffer.size();
        buffer.clear();
        return !writeFailed;
    };
    try {
        conn.transaction([&] {
            conn.exec(QStringLiteral("SET LOCAL TimeZone TO 'UTC'"));
            if (!f.params().empty())
                conn.exec(f.settingsSql(), f.params());
            qint64 seen = 0;
            auto consume = [&](const char *data, int length) {
                if (csv)
                    buffer.append(data, length);
                else
                    buffer.append(pg::unescapeCopyText(data, length));
                if (buffer.size() >= kFlushAt && !flush())
                    return false;
                if (!task)
                    return true;
                if (++seen % 5000 == 0)
                    task->progress(int(std::min<qint64>(seen, INT_MAX)),
                                   int(std::min<qint64>(std::max(request.expectedRows, seen), INT_MAX)),
                                   tr("%L1 events exported").arg(seen));
                return !task->isCancelled();
            };
            for (const QString &copy : copies)
                result.rows += conn.copyOut(layout::of(conn)->sql(copy), consume);
            if (csv)
                --result.rows; // the header is a row of COPY's output
            if (!flush())
                throw Error(Error::Kind::Environment,
                            tr("Writing %1 failed: %2").arg(partialPath, file.errorString()));
        });
    } catch (const Error &e) {
        partial.discard();
        if (writeFailed && e.kind() == Error::Kind::Cancelled)
            throw Error(Error::Kind::Environment,
                        tr("Writing %1 failed: %2").arg(partialPath, file.errorString()));
        throw;
    }
    partial.commit();
    return result;
}

} // namespace statescope::events
