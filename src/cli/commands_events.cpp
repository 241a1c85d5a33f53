#include "jsonoutput.h"
#include "interrupt.h"
#include "output.h"

#include "core/events/eventexport.h"
#include "core/events/eventstore.h"
#include "core/json/diff.h"
#include "core/json/document.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/validate.h"

#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <limits>
#include <thread>

namespace statescope::cli {

namespace {

using namespace statescope::events;

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();

// fetched_at as ISO 8601 with the server's microseconds: 2025-01-13T00:00:48.987654Z.
std::string isoTime(const QByteArray &serverText)
{
    if (serverText.isEmpty())
        return {};
    QByteArray t = serverText;
    if (t.size() > 10)
        t[10] = 'T';
    if (t.endsWith("+00"))
        t.chop(3);
    return (t + 'Z').toStdString();
}

nlohmann::json toJson(const EventRow &r)
{
    return {{"id", r.id},
            {"fetched_at", r.time.isEmpty() ? nlohmann::json() : nlohmann::json(isoTime(r.time))},
            {"endpoint", utf8(r.endpoint)},
            {"request_key", utf8(r.requestKey)},
            {"status_code", r.status < 0 ? nlohmann::json() : nlohmann::json(r.status)},
            {"stored_bytes", r.storedBytes},
            {"payload_hash", utf8(r.payloadHash)}};
}

QString rowLine(const EventRow &r)
{
    return QStringLiteral("%1  %2  %3  %4  %5  %6")
        .arg(r.id, 10)
        .arg(QString::fromStdString(isoTime(r.time)), -27)
        .arg(r.status < 0 ? QStringLiteral("-") : QString::number(r.status), 3)
        .arg(r.endpoint, -28)
        .arg(r.requestKey, -24)
        .arg(r.payloadHash.left(12));
}

void addDb(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("db"), QStringLiteral("The weekly database (conninfo or URI)."),
                            QStringLiteral("CONN")});
}

void addFilters(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("endpoint"), QStringLiteral("Only this endpoint (repeatable: any of them)."),
                 QStringLiteral("E")});
    p.addOption({QStringLiteral("status"), QStringLiteral("A code (404), a class (5xx) or a list (429,5xx)."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("since"), QStringLiteral("fetched_at on or after T (ISO 8601; UTC unless an offset is given)."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("until"), QStringLiteral("fetched_at before T."), QStringLiteral("T")});
    p.addOption({QStringLiteral("request-key"), QStringLiteral("request_key contains TEXT (case-insensitive)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("contains"), QStringLiteral("payload @> JSON."), QStringLiteral("JSON")});
    p.addOption({QStringLiteral("path"), QStringLiteral("payload @? JSONPATH (SQL/JSON path)."),
                 QStringLiteral("JSONPATH")});
    p.addOption({QStringLiteral("hash"), QStringLiteral("payload_hash equals HASH."), QStringLiteral("HASH")});
}

EventFilter filterFrom(const Command &cmd)
{
    const auto &p = cmd.parser();
    EventFilter f;
    f.endpoints = p.values(QStringLiteral("endpoint"));
    f.status = p.value(QStringLiteral("status"));
    auto time = [&](const char *option) -> std::optional<Timestamp> {
        const QString name = QLatin1String(option);
        if (!p.isSet(name))
            return std::nullopt;
        const auto t = parseTime(p.value(name));
        if (!t)
            throw Error::invalidInput(QStringLiteral("--%1: \"%2\" is not a time; write ISO 8601, "
                                                     "e.g. 2025-01-06T14:02:00Z.")
                                          .arg(name, p.value(name)));
        return t;
    };
    f.since = time("since");
    f.until = time("until");
    f.requestKey = p.value(QStringLiteral("request-key"));
    f.contains = p.value(QStringLiteral("contains"));
    f.jsonPath = p.value(QStringLiteral("path"));
    f.payloadHash = p.value(QStringLiteral("hash"));
    for (const FieldError &e : events::validate(f))
        throw Error::invalidInput(e.message);
    return f;
}

struct Session
{
    std::unique_ptr<pg::Connection> conn;
    std::unique_ptr<EventStore> store;
};

Session open(const Command &cmd, CancelToken *token = nullptr)
{
    Session s;
    s.conn = cmd.open(QStringLiteral("db"),
                                  pg::Connection::Access::ReadOnly, token);
    s.store = std::make_unique<EventStore>(*s.conn);
    s.store->prepare();
    return s;
}

void checkOnServer(EventStore &store, const EventFilter &f)
{
    const auto errors = store.checkOnServer(f);
    if (!errors.empty())
        throw Error::invalidInput(errors.front().message);
}

int list(const QStringList &args)
{
    Command cmd(QStringLiteral("events list"),
                QStringLiteral("Events newest first, one keyset page at a time (no OFFSET)."));
    addDb(cmd);
    addFilters(cmd);
    cmd.parser().addOption({QStringLiteral("before-id"),
                            QStringLiteral("Start after this event (the previous page's next_before_id)."),
                            QStringLiteral("ID")});
    cmd.parser().addOption({QStringLiteral("limit"), QStringLiteral("At most N events (default 50, max 10000)."),
                            QStringLiteral("N")});
    cmd.parse(args);
    const EventFilter f = filterFrom(cmd);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 50, 1, 10000));
    const qint64 beforeId = cmd.integer(QStringLiteral("before-id"), 0, 1, kMaxId);
    Session s = open(cmd);
    checkOnServer(*s.store, f);
    std::optional<EventKey> from;
    if (beforeId > 0) {
        const auto anchor = s.store->row(beforeId);
        if (!anchor)
            throw Error(Error::Kind::NotFound, QStringLiteral("There is no event %1.").arg(beforeId));
        from = EventKey::of(*anchor);
    }
    const auto rows = s.store->page(f, from, EventStore::Direction::Older, limit);
    nlohmann::json doc = {{"events", nlohmann::json::array()}, {"filter", utf8(f.describe())}};
    QStringList lines;
    for (const EventRow &r : rows) {
        doc["events"].push_back(toJson(r));
        lines << rowLine(r);
    }
    const bool more = int(rows.size()) == limit;
    doc["next_before_id"] = more ? nlohmann::json(rows.back().id) : nlohmann::json();
    if (more)
        lines << QStringLiteral("-- more: --before-id %1").arg(rows.back().id);
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

json::Document parsedPayload(EventStore &store, qint64 id, Payload *out = nullptr)
{
    Payload p = store.payload(id);
    json::Document doc = json::Document::parse(p.isNull ? QByteArray("null") : p.bytes);
    if (!doc.isValid()) {
        const json::ParseError &e = *doc.error();
        throw Error(Error::Kind::InvalidInput,
                    QStringLiteral("The payload of event %1 (%2) is not valid JSON: %3 at line %4, "
                                   "column %5.")
                        .arg(id)
                        .arg(p.columnType, e.message)
                        .arg(e.line)
                        .arg(e.column));
    }
    if (out)
        *out = std::move(p);
    return doc;
}

int show(const QStringList &args)
{
    Command cmd(QStringLiteral("events show"), QStringLiteral("One event and its payload, as stored."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("id"), QStringLiteral("The event id."), QStringLiteral("ID")});
    cmd.parse(args);
    const qint64 id = cmd.integer(QStringLiteral("id"), 0, 1, kMaxId);
    if (id == 0)
        cmd.required(QStringLiteral("id"));
    Session s = open(cmd);
    const auto row = s.store->row(id);
    if (!row)
        throw Error(Error::Kind::NotFound, QStringLiteral("There is no event %1.").arg(id));
    // The payload is written out from the server's result as it is (no copy of it, no
    // pretty text held whole): a 200 MB payload costs about its size twice (libpq's buffer
    // and the result), not five times.
    const Payload p = s.store->payloadInPlace(id);
    const QByteArray text = p.isNull ? QByteArray("null") : p.bytes;
    const json::Document doc = json::Document::parse(text);
    nlohmann::json meta = toJson(*row);
    meta["column_type"] = utf8(p.columnType);
    const auto write = [](const char *data, qsizetype size) {
        std::fwrite(data, 1, size_t(size), stdout);
    };
    if (cmd.json()) {
        nlohmann::json out = {{"event", meta}};
        if (!doc.isValid()) {
            bool invalid = false;
            out["payload_text"] = textJson(text, &invalid);
            if (invalid)
                out["invalid_utf8"] = true;
            out["parse_error"] = {{"message", utf8(doc.error()->message)},
                                  {"offset", doc.error()->offset},
                                  {"line", doc.error()->line},
                                  {"column", doc.error()->column}};
            std::fputs((dumpJson(out, 2) + "\n").c_str(), stdout);
            return Ok;
        }
        // {"event": ..., "payload": <the payload as stored>}
        std::string head = dumpJson(out, 2);
        head.pop_back(); // the closing brace
        while (!head.empty() && (head.back() == '\n' || head.back() == ' '))
            head.pop_back();
        head += ",\n  \"payload\": ";
        write(head.data(), qsizetype(head.size()));
        write(text.constData(), text.size());
        std::fputs("\n}\n", stdout);
        return Ok;
    }
    const QByteArray line = (rowLine(*row) + QLatin1Char('\n')).toUtf8();
    write(line.constData(), line.size());
    if (doc.isValid()) {
        json::pretty(doc, doc.root(), [&](const QByteArray &chunk) { write(chunk.constData(), chunk.size()); });
        std::fputs("\n", stdout);
    } else {
        const QByteArray why = QStringLiteral("(not valid JSON: %1 at line %2, column %3)\n")
                                   .arg(doc.error()->message)
                                   .arg(doc.error()->line)
                                   .arg(doc.error()->column)
                                   .toUtf8();
        write(why.constData(), why.size());
        write(text.constData(), text.size());
        std::fputs("\n", stdout);
    }
    return Ok;
}

int diff(const QStringList &args)
{
    Command cmd(QStringLiteral("events diff"),
                QStringLiteral("What changed from event A's payload to event B's, with the RFC 6902 patch."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("id"), QStringLiteral("Event id; give it twice (A, then B)."),
                            QStringLiteral("ID")});
    cmd.parser().addOption({QStringLiteral("keyed"),
                            QStringLiteral("Match array elements by ship_id/name/id/symbol, not position.")});
    cmd.parse(args);
    const QStringList ids = cmd.parser().values(QStringLiteral("id"));
    if (ids.size() != 2)
        throw Error::invalidInput(QStringLiteral("Give --id twice: the event to compare from, then the one to compare to."));
    qint64 idv[2];
    for (int i = 0; i < 2; ++i) {
        const auto parsed = validate::wholeNumber(ids[i]);
        idv[i] = parsed.value_or(0);
        if (!parsed || idv[i] < 1)
            throw Error::invalidInput(QStringLiteral("--id must be a positive whole number, not \"%1\".").arg(ids[i]));
    }
    Session s = open(cmd);
    const json::Document a = parsedPayload(*s.store, idv[0]);
    const json::Document b = parsedPayload(*s.store, idv[1]);
    json::DiffOptions options;
    options.keyedArrays = cmd.parser().isSet(QStringLiteral("keyed"));
    const json::DiffResult result = json::diff(a, a.root(), b, b.root(), options);
    return printDiff(cmd, {{"a", idv[0]}, {"b", idv[1]}}, result, a, b);
}

int history(const QStringList &args)
{
    Command cmd(QStringLiteral("events history"),
                QStringLiteral("The distinct payloads an event's request key (or endpoint) returned, newest first, "
                               "with what changed each time."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("id"), QStringLiteral("The event id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("by"), QStringLiteral("request-key (default) or endpoint."), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N distinct payloads (default 20, max 1000)."),
                 QStringLiteral("N")});
    cmd.parse(args);
    const qint64 id = cmd.integer(QStringLiteral("id"), 0, 1, kMaxId);
    if (id == 0)
        cmd.required(QStringLiteral("id"));
    const QString by = p.value(QStringLiteral("by")).isEmpty() ? QStringLiteral("request-key")
                                                                 : p.value(QStringLiteral("by"));
    if (by != QLatin1String("request-key") && by != QLatin1String("endpoint"))
        throw Error::invalidInput(QStringLiteral("--by is request-key or endpoint, not \"%1\".").arg(by));
    const int limit = int(cmd.integer(QStringLiteral("limit"), 20, 1, 1000));
    Session s = open(cmd);
    const History h = s.store->history(
        id, by == QLatin1String("endpoint") ? History::By::Endpoint : History::By::RequestKey, limit);
    nlohmann::json doc = {{"by", h.by == History::By::Endpoint ? "endpoint" : "request_key"},
                          {"key", utf8(h.key)},
                          {"total_fetches", h.totalFetches},
                          {"entries", nlohmann::json::array()}};
    QStringList lines{QStringLiteral("%1 %2: %3 fetches, %4 distinct payloads shown")
                          .arg(h.by == History::By::Endpoint ? QStringLiteral("endpoint") : QStringLiteral("request key"),
                               h.key)
                          .arg(h.totalFetches)
                          .arg(h.entries.size())};
    // Each entry against the one before it in time (the next in this newest-first list).
    for (size_t i = 0; i < h.entries.size(); ++i) {
        const HistoryEntry &e = h.entries[i];
        nlohmann::json j = {{"first_id", e.firstId},
                            {"last_id", e.lastId},
                            {"first_seen", utf8(e.firstSeen.toString(Qt::ISODateWithMs))},
                            {"last_seen", utf8(e.lastSeen.toString(Qt::ISODateWithMs))},
                            {"fetches", e.fetches},
                            {"status_code", e.status},
                            {"payload_hash", utf8(e.payloadHash)}};
        QString line = QStringLiteral("%1  %2 x%3  %4").arg(e.firstSeen.toString(Qt::ISODateWithMs)).arg(e.firstId).arg(e.fetches).arg(e.payloadHash.left(12));
        if (i + 1 < h.entries.size()) {
            const json::Document before = parsedPayload(*s.store, h.entries[i + 1].firstId);
            const json::Document after = parsedPayload(*s.store, e.firstId);
            const auto d = json::diff(before, before.root(), after, after.root());
            int counts[3] = {0, 0, 0};
            for (const json::Change &c : d.changes)
                ++counts[int(c.op)];
            j["changes_from_previous"] = {{"added", counts[0]}, {"removed", counts[1]}, {"replaced", counts[2]}};
            line += QStringLiteral("  +%1 -%2 ~%3").arg(counts[0]).arg(counts[1]).arg(counts[2]);
        }
        doc["entries"].push_back(j);
        lines << line;
    }
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int exportEventsCommand(const QStringList &args)
{
    Command cmd(QStringLiteral("events export"),
                QStringLiteral("Stream the filtered events to CSV or JSON Lines (COPY; Ctrl+C stops and removes the "
                               "partial file)."));
    addDb(cmd);
    addFilters(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("format"), QStringLiteral("csv or jsonl."), QStringLiteral("F")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Overwrite FILE if it exists.")});
    cmd.parse(args);
    ExportRequest request;
    request.filter = filterFrom(cmd);
    const auto format = exportFormatFromName(cmd.required(QStringLiteral("format")));
    if (!format)
        throw Error::invalidInput(QStringLiteral("--format is csv or jsonl, not \"%1\".").arg(p.value(QStringLiteral("format"))));
    request.format = *format;
    request.path = cmd.required(QStringLiteral("out"));
    request.overwrite = p.isSet(QStringLiteral("force"));
    CancelToken token;
    Session s = open(cmd, &token);
    checkOnServer(*s.store, request.filter);
    request.expectedRows = s.store->estimateCount(request.filter);
    // Ctrl+C cancels the COPY on the server and the partial file is removed.
    TaskContext task(token, {});
    std::optional<ExportResult> r;
    {
        InterruptGuard guard(token);
        r = exportEvents(*s.conn, request, &task);
    }
    cmd.print({{"path", utf8(QFileInfo(r->path).absoluteFilePath())}, {"rows", r->rows}, {"bytes", r->bytes}},
              QStringLiteral("%1 events, %2 bytes -> %3").arg(r->rows).arg(r->bytes).arg(r->path));
    return Ok;
}

} // namespace

int runEvents(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("show"))
        return show(args);
    if (sub == QLatin1String("changes"))
        return runEventsChanges(args);
    if (sub == QLatin1String("diff"))
        return diff(args);
    if (sub == QLatin1String("history"))
        return history(args);
    if (sub == QLatin1String("export"))
        return exportEventsCommand(args);
    throw Error::invalidInput(QStringLiteral("Unknown events command: %1").arg(sub),
                              QStringLiteral("Commands: list, show, diff, history, export, changes."));
}

} // namespace statescope::cli
