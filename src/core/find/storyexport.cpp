// A story as JSON lines or CSV (story.h).
#include "core/find/story.h"

#include "core/browse/resultformat.h"
#include "core/task/worker.h"

namespace statescope::find::storyexport {

namespace rf = browse::resultformat;

nlohmann::json toJson(const StoryEntry &e)
{
    nlohmann::json context = nlohmann::json::object();
    for (auto it = e.context.cbegin(); it != e.context.cend(); ++it)
        context[it.key().toStdString()] = it.value().toStdString();
    nlohmann::json document;
    if (!e.document.isEmpty()) {
        document = nlohmann::json::parse(e.document.toStdString(), nullptr, false);
        if (document.is_discarded())
            document = e.document.toStdString();
    }
    return {{"source", e.source.toStdString()},
            {"table", e.table.toStdString()},
            {"at", e.at.toStdString()},
            {"at_us", e.atMicros},
            {"key", {{e.keyColumn.toStdString(), e.key.toStdString()}}},
            {"summary", e.summary.toStdString()},
            {"change", e.change.isEmpty() ? nlohmann::json() : nlohmann::json(e.change.toStdString())},
            {"changes", e.changes},
            {"document", document},
            {"context", context},
            {"place", e.cursor.token().toStdString()}};
}

QByteArray csvHeader()
{
    return rf::csvLine(rf::headerCells({QStringLiteral("at"), QStringLiteral("source"), QStringLiteral("table"),
                                        QStringLiteral("key_column"), QStringLiteral("key"), QStringLiteral("summary"),
                                        QStringLiteral("change"), QStringLiteral("document")}));
}

QByteArray csvLine(const StoryEntry &e)
{
    const auto cell = [](const QString &s) { return std::optional<QByteArray>(s.toUtf8()); };
    return rf::csvLine({cell(e.at), cell(e.source), cell(e.table), cell(e.keyColumn), cell(e.key), cell(e.summary),
                        cell(e.change), e.document.isEmpty() ? std::nullopt : cell(e.document)});
}

QByteArray jsonLine(const StoryEntry &e)
{
    return QByteArray::fromStdString(toJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + '\n';
}

qint64 writeAll(Story &story, bool csv, int pageSize, const std::function<bool(const QByteArray &)> &write,
                TaskContext *ctx)
{
    qint64 written = 0;
    if (csv && !write(csvHeader()))
        return 0;
    std::optional<StoryCursor> at;
    for (;;) {
        if (ctx)
            ctx->throwIfCancelled();
        const StoryPage page = story.page(at, Story::Direction::Newer, pageSize);
        QByteArray out;
        for (const StoryEntry &e : page.entries)
            out += csv ? csvLine(e) : jsonLine(e);
        written += page.entries.size();
        if ((!out.isEmpty() && !write(out)) || !page.newer)
            return written;
        if (ctx)
            ctx->progress(0, 0, Story::tr("%n entries written", nullptr, int(qMin<qint64>(written, INT_MAX))));
        at = page.newer;
    }
}

} // namespace statescope::find::storyexport
