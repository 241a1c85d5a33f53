#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace statescope {
class TaskContext;
}
namespace statescope::pg {
class Connection;
}

namespace statescope::events {

// What one endpoint's answers looked like in one database: how many, how many failed, and the
// shape of its successful payloads (every JSON path, arrays' elements as [*], with the types
// seen there) as read from a sample of the newest (or all of them).
struct EndpointShape
{
    QString endpoint;
    qint64 events = 0;
    qint64 errors = 0;  // status 400 and above
    int sampled = 0;    // payloads walked
    bool truncated = false; // more distinct paths than are kept (kMaxPaths)
    QMap<QString, QStringList> paths;  // "$.data[*].fuel.current" -> types ("number", "null")
    QMap<QString, qint64> example;     // path -> the id of an event where it was seen
    QMap<QString, qint64> typeExample; // path + '\x1f' + type -> an event where it had that type

    qint64 exampleOf(const QString &path, const QString &type) const
    {
        return typeExample.value(path + QChar(0x1f) + type, example.value(path));
    }

    double errorRate() const { return events ? double(errors) / double(events) : 0; }
};

// One path of an endpoint's payloads that is new, gone, or of other types.
struct ShapeChange
{
    enum class Type { Added, Removed, Changed };
    Type type = Type::Changed;
    QString path;
    QStringList fromTypes, toTypes;
    qint64 fromExample = 0, toExample = 0; // event ids showing it (0: none on that side)
    static QString typeName(Type type);
};

// How one endpoint changed between two databases (two resets).
struct EndpointChange
{
    QString endpoint;
    qint64 fromEvents = 0, toEvents = 0;
    qint64 fromErrors = 0, toErrors = 0;
    int fromSampled = 0, toSampled = 0;
    QList<ShapeChange> shape;
    double fromErrorRate() const { return fromEvents ? double(fromErrors) / double(fromEvents) : 0; }
    double toErrorRate() const { return toEvents ? double(toErrors) / double(toEvents) : 0; }
    // Called in the second week only (a new endpoint), or in the first only (one gone).
    bool isNew() const { return fromEvents == 0 && toEvents > 0; }
    bool isGone() const { return fromEvents > 0 && toEvents == 0; }
    // "new", "gone", "changed" (its payloads' shape) or "same".
    const char *status() const
    {
        return isNew() ? "new" : isGone() ? "gone" : shape.isEmpty() ? "same" : "changed";
    }
};

// How a game's API changed between resets, read from each database's API events (through its
// layout): per endpoint the counts, the error rates, and the payloads' shape, with an example
// event for each path that came, went or changed type. Read-only.
class ApiChange
{
    Q_DECLARE_TR_FUNCTIONS(statescope::events::ApiChange)
public:
    static constexpr int kMaxPaths = 5000; // per endpoint: a payload keyed by ids is not a shape

    // sample: the newest successful payloads per endpoint (0: all of them).
    static QList<EndpointShape> read(pg::Connection &conn, int sample = 200, TaskContext *ctx = nullptr);
    // Endpoints of both, by name; the shape's changes by path.
    static QList<EndpointChange> compare(const QList<EndpointShape> &from, const QList<EndpointShape> &to);
    // Adds one payload's paths (the JSON text as stored) to a shape; false when it is not JSON.
    static bool walk(const QByteArray &json, qint64 eventId, EndpointShape &shape);
};

} // namespace statescope::events
