#include "core/events/apichange.h"

#include "core/browse/rows.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <QSet>

#include <nlohmann/json.hpp>

#include <vector>

namespace statescope::events {

namespace {

const char *typeOf(const nlohmann::json &v)
{
    switch (v.type()) {
    case nlohmann::json::value_t::object: return "object";
    case nlohmann::json::value_t::array: return "array";
    case nlohmann::json::value_t::string: return "string";
    case nlohmann::json::value_t::boolean: return "boolean";
    case nlohmann::json::value_t::null: return "null";
    default: return "number";
    }
}

QString member(const QString &path, const std::string &key)
{
    // Plain names as .name, anything else quoted (SQL/JSON path style).
    const QString k = QString::fromStdString(key);
    bool plain = !k.isEmpty() && (k[0].isLetter() || k[0] == QLatin1Char('_'));
    for (const QChar c : k)
        plain = plain && (c.isLetterOrNumber() || c == QLatin1Char('_'));
    if (plain)
        return path + QLatin1Char('.') + k;
    QString quoted = k;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return path + QStringLiteral(".\"") + quoted + QLatin1Char('"');
}

} // namespace

QString ShapeChange::typeName(Type type)
{
    switch (type) {
    case Type::Added: return QStringLiteral("added");
    case Type::Removed: return QStringLiteral("removed");
    case Type::Changed: break;
    }
    return QStringLiteral("changed");
}

bool ApiChange::walk(const QByteArray &text, qint64 eventId, EndpointShape &shape)
{
    const nlohmann::json doc = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (doc.is_discarded())
        return false;
    ++shape.sampled;
    // Iterative: any depth.
    std::vector<std::pair<const nlohmann::json *, QString>> stack{{&doc, QStringLiteral("$")}};
    while (!stack.empty()) {
        const auto [v, path] = stack.back();
        stack.pop_back();
        auto it = shape.paths.find(path);
        if (it == shape.paths.end()) {
            if (shape.paths.size() >= kMaxPaths) {
                shape.truncated = true;
                continue;
            }
            it = shape.paths.insert(path, {});
            shape.example.insert(path, eventId);
        }
        const QString type = QLatin1String(typeOf(*v));
        if (!it->contains(type)) {
            it->append(type);
            shape.typeExample.insert(path + QChar(0x1f) + type, eventId);
            it->sort();
        }
        if (v->is_object()) {
            for (auto m = v->begin(); m != v->end(); ++m)
                stack.emplace_back(&m.value(), member(path, m.key()));
        } else if (v->is_array()) {
            for (const auto &e : *v)
                stack.emplace_back(&e, path + QStringLiteral("[*]"));
        }
    }
    return true;
}

QList<EndpointShape> ApiChange::read(pg::Connection &conn, int sample, TaskContext *ctx)
{
    if (sample < 0)
        throw Error::invalidInput(tr("The sample must be 0 (every payload) or more."));
    const auto l = layout::of(conn);
    l->require(layout::Kind::ApiEvents,
               {QStringLiteral("id"), QStringLiteral("endpoint"), QStringLiteral("status_code"), QStringLiteral("payload")},
               tr("comparing the API between resets"));
    const auto counts = conn.exec(l->sql(QStringLiteral(
        "SELECT endpoint, count(*), count(*) FILTER (WHERE status_code >= 400) FROM {api_events} "
        "GROUP BY endpoint ORDER BY endpoint")));
    QList<EndpointShape> out;
    const bool ordered = l->require(layout::Kind::ApiEvents).has(QStringLiteral("fetched_at"));
    for (int i = 0; i < counts.rowCount(); ++i) {
        if (ctx) {
            ctx->throwIfCancelled();
            ctx->progress(i, counts.rowCount(), tr("Reading the payloads of %1").arg(counts.value(i, 0)));
        }
        EndpointShape shape;
        shape.endpoint = counts.value(i, 0);
        shape.events = counts.toLongLong(i, 1);
        shape.errors = counts.toLongLong(i, 2);
        if (counts.isNull(i, 0)) {
            out.append(shape);
            continue;
        }
        const QString select = l->sql(
            QStringLiteral("SELECT id, payload::text FROM {api_events} WHERE endpoint = $1 "
                           "AND (status_code IS NULL OR status_code < 400) ORDER BY %1 id DESC%2")
                .arg(ordered ? QStringLiteral("fetched_at DESC NULLS LAST,") : QString(),
                     sample > 0 ? QStringLiteral(" LIMIT %1").arg(sample) : QString()));
        // Through a cursor, a page at a time: all of them (sample 0) is any number.
        browse::QueryCursor cursor(conn, select, {shape.endpoint});
        for (;;) {
            const pg::Result page = cursor.next(500);
            for (int r = 0; r < page.rowCount(); ++r)
                walk(page.bytes(r, 1), page.toLongLong(r, 0), shape);
            if (page.rowCount() < 500)
                break;
            if (ctx)
                ctx->throwIfCancelled();
        }
        out.append(shape);
    }
    return out;
}

QList<EndpointChange> ApiChange::compare(const QList<EndpointShape> &from, const QList<EndpointShape> &to)
{
    QMap<QString, std::pair<const EndpointShape *, const EndpointShape *>> byName;
    for (const EndpointShape &s : from)
        byName[s.endpoint].first = &s;
    for (const EndpointShape &s : to)
        byName[s.endpoint].second = &s;
    QList<EndpointChange> out;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        const EndpointShape *a = it->first;
        const EndpointShape *b = it->second;
        EndpointChange c;
        c.endpoint = it.key();
        if (a) {
            c.fromEvents = a->events;
            c.fromErrors = a->errors;
            c.fromSampled = a->sampled;
        }
        if (b) {
            c.toEvents = b->events;
            c.toErrors = b->errors;
            c.toSampled = b->sampled;
        }
        // A shape is compared where both sides have payloads to show it.
        if (a && b && a->sampled > 0 && b->sampled > 0) {
            QSet<QString> paths;
            for (auto p = a->paths.cbegin(); p != a->paths.cend(); ++p)
                paths.insert(p.key());
            for (auto p = b->paths.cbegin(); p != b->paths.cend(); ++p)
                paths.insert(p.key());
            QStringList sorted(paths.begin(), paths.end());
            sorted.sort();
            for (const QString &p : sorted) {
                const bool inA = a->paths.contains(p), inB = b->paths.contains(p);
                ShapeChange s;
                s.path = p;
                s.fromTypes = a->paths.value(p);
                s.toTypes = b->paths.value(p);
                s.fromExample = a->example.value(p);
                s.toExample = b->example.value(p);
                if (inA && !inB)
                    s.type = ShapeChange::Type::Removed;
                else if (!inA && inB)
                    s.type = ShapeChange::Type::Added;
                else if (s.fromTypes != s.toTypes) {
                    s.type = ShapeChange::Type::Changed;
                    // The examples show the types one side has and the other lacks.
                    for (const QString &t : s.toTypes)
                        if (!s.fromTypes.contains(t)) {
                            s.toExample = b->exampleOf(p, t);
                            break;
                        }
                    for (const QString &t : s.fromTypes)
                        if (!s.toTypes.contains(t)) {
                            s.fromExample = a->exampleOf(p, t);
                            break;
                        }
                } else {
                    continue;
                }
                c.shape.append(s);
            }
        }
        out.append(c);
    }
    return out;
}

} // namespace statescope::events
