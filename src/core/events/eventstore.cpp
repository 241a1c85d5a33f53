#include "core/events/eventstore.h"

#include "core/error.h"
#include "core/layout/layout.h"

#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace statescope::events {

namespace {

const QString kColumns = QStringLiteral(
    "id, fetched_at, endpoint, request_key, status_code, pg_column_size(payload), payload_hash");
const QString kNewestFirst = QStringLiteral("ORDER BY fetched_at DESC, id DESC");
const QString kOldestFirst = QStringLiteral("ORDER BY fetched_at ASC, id ASC");

constexpr unsigned kJsonb = 3802, kJson = 114, kText = 25, kBytea = 17;

std::vector<pg::Param> with(std::vector<pg::Param> params, std::initializer_list<pg::Param> more)
{
    params.insert(params.end(), more);
    return params;
}

QByteArray fromHex(const QByteArray &pgBytea)
{
    // bytea's text output is \x followed by hex digits (bytea_output = hex, the default).
    if (pgBytea.startsWith("\\x"))
        return QByteArray::fromHex(pgBytea.mid(2));
    return pgBytea;
}

} // namespace

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

} // namespace

QDateTime timeFromServer(const QByteArray &text)
{
    // The UTC session this store sets up prints "2025-01-13 00:00:48.987654+00" (the
    // fraction, trailing zeros dropped, only when there is one). Read by hand: parsing it
    // with QDateTime::fromString cost more than the query for a page of 200 rows.
    const char *p = text.constData();
    const qsizetype n = text.size();
    if (n >= 19 && p[4] == '-' && p[7] == '-' && p[10] == ' ' && p[13] == ':' && p[16] == ':') {
        const int y = digits(p, 4), mo = digits(p + 5, 2), d = digits(p + 8, 2);
        const int h = digits(p + 11, 2), mi = digits(p + 14, 2), sec = digits(p + 17, 2);
        qsizetype i = 19;
        int ms = 0, scale = 100;
        if (i < n && p[i] == '.')
            for (++i; i < n && p[i] >= '0' && p[i] <= '9'; ++i, scale /= 10)
                ms += (p[i] - '0') * scale;
        const bool utc = i + 3 == n && p[i] == '+' && p[i + 1] == '0' && p[i + 2] == '0';
        if (utc && y > 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24
            && mi >= 0 && mi < 60 && sec >= 0 && sec < 61) {
            const qint64 msecs = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000LL
                + sec * 1000LL + ms;
            return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        }
    }
    if (text.isEmpty())
        return {};
    // Anything else (another session time zone, BC dates, infinity): Qt's parser.
    QByteArray iso = text;
    if (iso.size() > 10)
        iso[10] = 'T';
    if (iso.endsWith("+00"))
        iso.chop(3);
    const qsizetype dot = iso.indexOf('.');
    if (dot >= 0 && iso.size() - dot > 4)
        iso.truncate(dot + 4);
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc()); // the "+00" was cut off above
    return t.toUTC();
}

double TimeScale::fractionFromTop(const QDateTime &t) const
{
    if (isEmpty())
        return 0;
    const qint64 x = t.toMSecsSinceEpoch();
    const size_t n = bounds.size();
    if (x <= bounds.front().toMSecsSinceEpoch())
        return 1;
    if (x >= bounds.back().toMSecsSinceEpoch())
        return 0;
    for (size_t i = 1; i < n; ++i) {
        const qint64 lo = bounds[i - 1].toMSecsSinceEpoch(), hi = bounds[i].toMSecsSinceEpoch();
        if (x <= hi) {
            const double within = hi > lo ? double(x - lo) / double(hi - lo) : 1.0;
            const double below = (double(i - 1) + within) / double(n - 1);
            return 1.0 - below;
        }
    }
    return 0;
}

QDateTime TimeScale::timeAtFractionFromTop(double f) const
{
    if (isEmpty())
        return {};
    const double below = std::clamp(1.0 - f, 0.0, 1.0) * double(bounds.size() - 1);
    const size_t i = std::min(size_t(below), bounds.size() - 2);
    const double within = below - double(i);
    const qint64 lo = bounds[i].toMSecsSinceEpoch(), hi = bounds[i + 1].toMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(lo + qint64(within * double(hi - lo)), QTimeZone::utc());
}

EventStore::EventStore(pg::Connection &conn) : m_conn(conn) {}

pg::Result EventStore::run(const QString &templ, const std::vector<pg::Param> &params)
{
    // Pages, counts and payloads are asked again and again as the list is turned and
    // filtered: prepared once per connection (pg::Connection::Statement::reuse).
    return m_conn.pipeline({{layout::of(m_conn)->sql(templ), params, true}}).front();
}

bool EventStore::pagesById()
{
    return !layout::of(m_conn)->require(layout::Kind::ApiEvents).indexLeadsWith(QStringLiteral("fetched_at"));
}

QString EventStore::orderNote()
{
    if (!pagesById())
        return {};
    const layout::Relation &rel = layout::of(m_conn)->require(
        layout::Kind::ApiEvents, {QStringLiteral("id"), QStringLiteral("fetched_at")}, tr("browsing events"));
    const QString fetched = rel.columns.at(QStringLiteral("fetched_at")).name;
    return tr("%1 has no index on %2: events are paged by id (the order they were stored in), "
              "newest first. An index would serve the time order: CREATE INDEX CONCURRENTLY ON "
              "%3.%4 (%5 DESC, %6 DESC).")
        .arg(rel.qualifiedName(), fetched, layout::quoteIdent(rel.schema), layout::quoteIdent(rel.table),
             layout::quoteIdent(fetched),
             layout::quoteIdent(rel.columns.at(QStringLiteral("id")).name));
}

QString EventStore::source()
{
    return layout::of(m_conn)->require(layout::Kind::ApiEvents).describe();
}

void EventStore::prepare()
{
    // Times come back in UTC; set per transaction, so it holds through a pooler too.
    m_conn.setTransactionSetting(QStringLiteral("TimeZone"), QStringLiteral("UTC"));
    // What browsing cannot do without: said once, clearly, rather than failing per query.
    layout::of(m_conn)->require(layout::Kind::ApiEvents,
                                {QStringLiteral("id"), QStringLiteral("fetched_at"), QStringLiteral("endpoint")},
                                tr("browsing events"));
}

std::vector<FieldError> EventStore::checkOnServer(const EventFilter &filter)
{
    std::vector<FieldError> errors;
    auto check = [&](const QString &text, const char *type, FieldError::Field field) {
        if (text.trimmed().isEmpty())
            return;
        try {
            run(QStringLiteral("SELECT $1::%1 IS NULL").arg(QLatin1String(type)),
                        {text.trimmed()});
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::Query)
                throw;
            errors.push_back({field, e.message()});
        }
    };
    check(filter.contains, "jsonb", FieldError::Field::Contains);
    check(filter.jsonPath, "jsonpath", FieldError::Field::JsonPath);
    return errors;
}

std::vector<EventRow> EventStore::rows(const QString &sql, const std::vector<pg::Param> &params)
{
    const pg::Result r = run(sql, params);
    std::vector<EventRow> out;
    out.reserve(size_t(r.rowCount()));
    for (int i = 0; i < r.rowCount(); ++i) {
        EventRow row;
        row.id = r.toLongLong(i, 0);
        row.time = r.isNull(i, 1) ? QByteArray() : r.bytes(i, 1);
        row.fetchedAt = timeFromServer(row.time);
        row.endpoint = r.value(i, 2);
        row.requestKey = r.value(i, 3);
        row.status = r.isNull(i, 4) ? -1 : r.toInt(i, 4);
        row.storedBytes = r.toLongLong(i, 5);
        row.payloadHash = r.value(i, 6);
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<EventRow> EventStore::page(const EventFilter &filter,
                                       const std::optional<EventKey> &from, Direction direction,
                                       int limit)
{
    requireValid(filter);
    const SqlFilter f(filter);
    const int n = f.nextParam();
    const QString select =
        QStringLiteral("SELECT %1 FROM {api_events} WHERE %2 AND ").arg(kColumns, f.where());
    std::vector<EventRow> out;
    auto fill = [&](const QString &sql, std::initializer_list<pg::Param> extra) {
        const int rest = limit - int(out.size());
        if (rest <= 0)
            return;
        const QString full = sql + QStringLiteral(" LIMIT $%1").arg(n + int(extra.size()));
        auto params = with(f.params(), extra);
        params.emplace_back(rest);
        auto got = rows(full, params);
        out.insert(out.end(), std::make_move_iterator(got.begin()),
                   std::make_move_iterator(got.end()));
    };
    if (pagesById()) {
        // No index serves the time order (seed 000 makes raw.api_events with its primary
        // key only): page on the primary key, whose order follows insertion, newest first.
        if (direction == Direction::Older) {
            if (from)
                fill(select + QStringLiteral("id < $%1 ORDER BY id DESC").arg(n), {from->id});
            else
                fill(select + QStringLiteral("TRUE ORDER BY id DESC"), {});
            return out;
        }
        fill(select + QStringLiteral("id > $%1 ORDER BY id ASC").arg(n),
             {from ? from->id : std::numeric_limits<qint64>::min()});
        std::reverse(out.begin(), out.end());
        return out;
    }
    const QString key = QStringLiteral("(fetched_at, id) %1 ($%2::timestamptz, $%3::bigint) ");
    if (direction == Direction::Older) {
        if (!from) {
            fill(select + QStringLiteral("fetched_at IS NOT NULL ") + kNewestFirst, {});
        } else if (!from->time.isEmpty()) {
            fill(select + key.arg(QLatin1String("<")).arg(n).arg(n + 1) + kNewestFirst,
                 {from->time, from->id});
        }
        // Events without a time come after all timed ones.
        if (!from || !from->time.isEmpty())
            fill(select + QStringLiteral("fetched_at IS NULL ORDER BY id DESC"), {});
        else
            fill(select + QStringLiteral("fetched_at IS NULL AND id < $%1 ORDER BY id DESC").arg(n),
                 {from->id});
        return out;
    }
    // Newer: walk upwards, then hand the rows back newest first.
    if (!from || from->time.isEmpty()) {
        fill(select + QStringLiteral("fetched_at IS NULL AND id > $%1 ORDER BY id ASC").arg(n),
             {from ? from->id : std::numeric_limits<qint64>::min()});
        fill(select + QStringLiteral("fetched_at IS NOT NULL ") + kOldestFirst, {});
    } else {
        fill(select + key.arg(QLatin1String(">")).arg(n).arg(n + 1) + kOldestFirst,
             {from->time, from->id});
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<EventRow> EventStore::pageAt(const EventFilter &filter, const Timestamp &t, int limit)
{
    requireValid(filter);
    const SqlFilter f(filter);
    const int n = f.nextParam();
    auto out = rows(QStringLiteral("SELECT %1 FROM {api_events} WHERE %2 AND fetched_at <= "
                                   "$%3::timestamptz %4 LIMIT $%5")
                        .arg(kColumns, f.where())
                        .arg(n)
                        .arg(pagesById() ? QStringLiteral("ORDER BY id DESC") : kNewestFirst)
                        .arg(n + 1),
                    with(f.params(), {t.toIso(), limit}));
    if (int(out.size()) < limit && !out.empty()) {
        auto more = page(filter, EventKey::of(out.back()), Direction::Older,
                         limit - int(out.size()));
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

qint64 EventStore::estimateCount(const EventFilter &filter)
{
    requireValid(filter);
    const SqlFilter f(filter);
    const pg::Result r = run(
        QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM {api_events} WHERE %1").arg(f.where()),
        f.params());
    const auto plan = nlohmann::json::parse(r.bytes(0, 0).toStdString(), nullptr, false);
    if (plan.is_discarded() || !plan.is_array() || plan.empty())
        throw Error(Error::Kind::Internal, tr("The server's plan could not be read."));
    return plan[0]["Plan"].value("Plan Rows", qint64(0));
}

qint64 EventStore::exactCount(const EventFilter &filter)
{
    requireValid(filter);
    const SqlFilter f(filter);
    return run(QStringLiteral("SELECT count(*) FROM {api_events} WHERE %1").arg(f.where()), f.params())
        .toLongLong(0, 0);
}

TimeScale EventStore::timeScale(const EventFilter &filter)
{
    TimeScale scale;
    const auto newest = page(filter, std::nullopt, Direction::Older, 1);
    const auto oldest = rows(QStringLiteral("SELECT %1 FROM {api_events} WHERE %2 AND fetched_at "
                                            "IS NOT NULL %3 LIMIT 1")
                                 .arg(kColumns, SqlFilter(filter).where(), kOldestFirst),
                             SqlFilter(filter).params());
    if (newest.empty() || oldest.empty() || newest.front().time.isEmpty())
        return scale;
    const QDateTime lo = oldest.front().fetchedAt, hi = newest.front().fetchedAt;
    scale.bounds.push_back(lo);
    // The planner's equal-depth histogram places times between the ends; it describes
    // the whole table, which is what the scroll bar approximates for a filter too.
    const layout::Relation &rel = layout::of(m_conn)->require(
        layout::Kind::ApiEvents, {QStringLiteral("fetched_at")}, tr("the time scale"));
    const pg::Result h = m_conn.exec(
        QStringLiteral("SELECT unnest(histogram_bounds::text::timestamptz[]) FROM pg_stats "
                       "WHERE schemaname = $1 AND tablename = $2 AND attname = $3"),
        {rel.schema, rel.table, rel.columns.at(QStringLiteral("fetched_at")).name});
    for (int i = 0; i < h.rowCount(); ++i) {
        const QDateTime t = timeFromServer(h.bytes(i, 0));
        if (t > scale.bounds.back() && t < hi)
            scale.bounds.push_back(t);
    }
    scale.bounds.push_back(hi);
    return scale;
}

std::vector<EndpointCount> EventStore::endpoints()
{
    // A loose index scan: one index probe per distinct endpoint, not a table scan.
    const pg::Result r = run(QStringLiteral(
        "WITH RECURSIVE e(endpoint) AS ("
        "  (SELECT endpoint FROM {api_events} WHERE endpoint IS NOT NULL ORDER BY endpoint LIMIT 1)"
        "  UNION ALL"
        "  SELECT (SELECT a.endpoint FROM {api_events a} WHERE a.endpoint > e.endpoint"
        "          ORDER BY a.endpoint LIMIT 1) FROM e WHERE e.endpoint IS NOT NULL)"
        " SELECT endpoint FROM e WHERE endpoint IS NOT NULL"));
    std::vector<EndpointCount> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        EventFilter one;
        one.endpoints = {r.value(i, 0)};
        out.push_back({r.value(i, 0), estimateCount(one)});
    }
    return out;
}

std::optional<EventRow> EventStore::row(qint64 id)
{
    auto got = rows(QStringLiteral("SELECT %1 FROM {api_events} WHERE id = $1").arg(kColumns), {id});
    if (got.empty())
        return std::nullopt;
    return got.front();
}

Payload EventStore::payload(qint64 id)
{
    Payload p = payloadInPlace(id);
    if (p.result.rowCount() == 0)
        return p; // bytea: decoded into bytes of its own already
    p.bytes = QByteArray(p.bytes.constData(), p.bytes.size()); // a copy of its own
    p.result = {};
    return p;
}

Payload EventStore::payloadInPlace(qint64 id)
{
    const pg::Result r =
        run(QStringLiteral("SELECT payload FROM {api_events} WHERE id = $1"), {id});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no event %1.").arg(id));
    Payload p;
    p.id = id;
    p.isNull = r.isNull(0, 0);
    switch (r.columnType(0)) {
    case kJsonb: p.columnType = QStringLiteral("jsonb"); break;
    case kJson: p.columnType = QStringLiteral("json"); break;
    case kText: p.columnType = QStringLiteral("text"); break;
    case kBytea: p.columnType = QStringLiteral("bytea"); break;
    default: p.columnType = QStringLiteral("oid %1").arg(r.columnType(0)); break;
    }
    if (r.columnType(0) == kBytea) {
        p.bytes = fromHex(r.bytes(0, 0));
    } else {
        const QByteArrayView v = r.view(0, 0);
        p.bytes = QByteArray::fromRawData(v.data(), v.size());
        p.result = r;
    }
    return p;
}

qint64 EventStore::duplicateCount(const QString &payloadHash)
{
    return run(QStringLiteral("SELECT count(*) FROM {api_events} WHERE payload_hash = $1"), {payloadHash})
        .toLongLong(0, 0);
}

std::vector<EventRow> EventStore::duplicates(const QString &payloadHash, int limit)
{
    EventFilter f;
    f.payloadHash = payloadHash;
    return page(f, std::nullopt, Direction::Older, limit);
}

History EventStore::history(qint64 eventId, History::By by, int limit)
{
    const auto event = row(eventId);
    if (!event)
        throw Error(Error::Kind::NotFound, tr("There is no event %1.").arg(eventId));
    History h;
    h.by = by;
    if (by == History::By::RequestKey && event->requestKey.isEmpty())
        h.by = History::By::Endpoint; // nothing narrower to follow
    h.key = h.by == History::By::RequestKey ? event->requestKey : event->endpoint;
    const QString column =
        h.by == History::By::RequestKey ? QStringLiteral("request_key") : QStringLiteral("endpoint");
    // Runs of consecutive fetches with the same payload hash, numbered by a running sum of
    // "the hash changed here"; one row per run.
    const pg::Result r = run(
        QStringLiteral(
            "WITH e AS (SELECT id, fetched_at, status_code, payload_hash,"
            "  CASE WHEN payload_hash IS NOT DISTINCT FROM lag(payload_hash) OVER w"
            "       THEN 0 ELSE 1 END AS starts"
            "  FROM {api_events} WHERE %1 = $1 WINDOW w AS (ORDER BY fetched_at, id)),"
            " g AS (SELECT *, sum(starts) OVER (ORDER BY fetched_at, id) AS run FROM e)"
            " SELECT (array_agg(id ORDER BY fetched_at, id))[1],"
            "  (array_agg(id ORDER BY fetched_at DESC, id DESC))[1], min(fetched_at),"
            "  max(fetched_at), count(*), (array_agg(status_code ORDER BY fetched_at, id))[1],"
            "  min(payload_hash), sum(count(*)) OVER ()"
            " FROM g GROUP BY run ORDER BY run DESC LIMIT $2")
            .arg(column),
        {h.key, limit});
    for (int i = 0; i < r.rowCount(); ++i) {
        HistoryEntry e;
        e.firstId = r.toLongLong(i, 0);
        e.lastId = r.toLongLong(i, 1);
        e.firstSeen = timeFromServer(r.bytes(i, 2));
        e.lastSeen = timeFromServer(r.bytes(i, 3));
        e.fetches = r.toLongLong(i, 4);
        e.status = r.isNull(i, 5) ? -1 : r.toInt(i, 5);
        e.payloadHash = r.value(i, 6);
        h.totalFetches = r.toLongLong(i, 7);
        h.entries.push_back(e);
    }
    return h;
}

qint64 EventStore::maxId()
{
    return run(QStringLiteral("SELECT coalesce(max(id), 0) FROM {api_events}")).toLongLong(0, 0);
}

std::vector<EventRow> EventStore::arrivedAfter(const EventFilter &filter, qint64 afterId, int limit)
{
    requireValid(filter);
    const SqlFilter f(filter);
    const int n = f.nextParam();
    return rows(QStringLiteral("SELECT %1 FROM {api_events} WHERE %2 AND id > $%3 ORDER BY id "
                               "LIMIT $%4")
                    .arg(kColumns, f.where())
                    .arg(n)
                    .arg(n + 1),
                with(f.params(), {afterId, limit}));
}

} // namespace statescope::events
