#pragma once

#include "core/find/needle.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace statescope {
class TaskContext;
}
namespace statescope::pg {
class Connection;
}

namespace statescope::find {

// Where a page of a story starts: a moment, then which kind of data and which row at that
// moment, so rows of the same instant are neither skipped nor read twice. As a token for
// people and the command line: "<microseconds since 1970 UTC>.<source>.<row key, base64url>".
struct StoryCursor
{
    qint64 atMicros = 0;
    int source = 0;  // the source's rank (Story::sources() order)
    QString key;     // the row's key as the server prints it
    QString token() const;
    // Error(InvalidInput) for a token that is not one.
    static StoryCursor parse(const QString &token);
};

// One thing that happened to the value followed.
struct StoryEntry
{
    QString source;      // the kind of data: "api_events", "snapshots", "saves", "audit_log"...
    QString table;       // schema.table
    qint64 atMicros = 0; // when, in microseconds since 1970 UTC
    QString at;          // the same as the server prints it (UTC)
    QString keyColumn;   // the row's key
    QString key;
    QString summary;     // a few of its columns, "name=value"
    // The change from the previous row of the same kind (for API events, of the same
    // endpoint): the parts of the document that hold the value, compared keyed as the
    // snapshot diff compares them. "first seen" for the first; empty where not compared.
    QString change;
    nlohmann::json changes = nlohmann::json::array(); // [{"path","before","after"}], same
    QString document;    // the parts that hold the value (the row's document for saves, events)
    QMap<QString, QString> context; // the layout's roles that open the row in a pane
    StoryCursor cursor;
};

struct StoryPage
{
    QList<StoryEntry> entries; // oldest first
    // Where the neighbouring pages start (pass with Direction::Older / Newer); absent:
    // nothing more that way.
    std::optional<StoryCursor> older, newer;
};

// The story of one value (a player, ship, agent or game id, a symbol) in one database: every
// kind of game data the layout knows that can hold it, merged in time order. API events whose
// payload holds it (or whose request key or payload hash is it), the snapshots in which the
// parts holding it change, saves, per-player events and maneuver events of that id, the game
// of that id with its plays and rolls, and Statescope's own audit log entries about it. Read
// page by page by time in either direction (keyset on each kind's time and key; never the
// whole history in memory), each page in one read-only transaction. A kind without a time
// column is left out and named by skipped().
class Story
{
    Q_DECLARE_TR_FUNCTIONS(statescope::find::Story)
public:
    enum class Direction { Newer, Older };
    static constexpr int kMaxLimit = 1000;

    // Reads the connection's layout (and whether it has an audit log); nothing else yet.
    Story(pg::Connection &conn, Needle needle);
    ~Story();
    Story(const Story &) = delete;
    Story &operator=(const Story &) = delete;

    // The kinds of data followed, as "kind (schema.table)", in rank order.
    QStringList sources() const;
    // The kinds that could hold the value and are not followed, and why.
    QStringList skipped() const;

    // Up to `limit` (1..kMaxLimit) entries after `from` (Newer) or before it (Older); without
    // `from`, from the very beginning (Newer) or the very end (Older). Cancellable (ctx).
    StoryPage page(const std::optional<StoryCursor> &from, Direction direction, int limit,
                   TaskContext *ctx = nullptr);

    struct Source;

private:
    pg::Connection &m_conn;
    Needle m_needle;
    std::vector<std::unique_ptr<Source>> m_sources;
    QStringList m_skipped;
    // Row-level security keyed on a setting, where it binds this login: the value followed is
    // the one viewed as (set_config(name, value, true) in every transaction of the story).
    QList<QPair<QString, QString>> m_viewAs;
};

} // namespace statescope::find

namespace statescope::find::storyexport {

// One entry as a JSON object: source, table, at, at_us, key, summary, change, changes,
// document (parsed), context, place (the entry's cursor token).
nlohmann::json toJson(const StoryEntry &e);
// CSV (header, then a line per entry; fields quoted as COPY's CSV quotes them) and JSON lines.
QByteArray csvHeader();
QByteArray csvLine(const StoryEntry &e);
QByteArray jsonLine(const StoryEntry &e);

// The whole story, oldest first, page by page (`pageSize` entries each; never more in
// memory): `write` gets each page's lines (csv: the header first), and returns false to stop.
// The number of entries written.
qint64 writeAll(Story &story, bool csv, int pageSize, const std::function<bool(const QByteArray &)> &write,
                TaskContext *ctx = nullptr);

} // namespace statescope::find::storyexport
