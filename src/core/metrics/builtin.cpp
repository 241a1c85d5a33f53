// The built-in metrics: each one statement, one server-side aggregate per time bucket,
// every value (bucket width, origin, bounds, endpoint, status, JSON path) bound as a
// parameter. Only SQL structure chosen from closed lists (table, column, aggregate) is
// ever put into the statement text.

#include "metrics.h"

#include <limits>

#include "core/error.h"
#include "core/validate.h"
#include "core/layout/layout.h"
#include "core/metrics/metricsinternal.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <map>
#include <vector>

namespace statescope::metrics {

namespace {

const QStringList kByteAggs = {QStringLiteral("avg"), QStringLiteral("sum"),
                               QStringLiteral("max")};
const QStringList kValueAggs = {QStringLiteral("avg"), QStringLiteral("min"),
                                QStringLiteral("max"), QStringLiteral("last")};

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    return std::nullopt;
}

// Statement under construction: parameters are appended and referred to as $n.
class Statement
{
public:
    QString bind(const pg::Param &p)
    {
        m_params.push_back(p);
        return QStringLiteral("$%1").arg(m_params.size());
    }
    const std::vector<pg::Param> &params() const { return m_params; }

private:
    std::vector<pg::Param> m_params;
};

// What one metric reads: the table, its time column and extra conditions.
struct Source
{
    QString table;
    QString timeColumn;
    QStringList where;
};

QString timeBounds(Statement &st, const Source &src, const Query &q)
{
    QStringList where = src.where;
    where.prepend(src.timeColumn + QStringLiteral(" IS NOT NULL"));
    if (q.since.isValid())
        where << QStringLiteral("%1 >= %2::timestamptz")
                     .arg(src.timeColumn, st.bind(isoUtc(q.since)));
    if (q.until.isValid())
        where << QStringLiteral("%1 < %2::timestamptz")
                     .arg(src.timeColumn, st.bind(isoUtc(q.until)));
    return where.join(QStringLiteral(" AND "));
}

QString bucketExpression(Statement &st, const Source &src, const Query &q)
{
    static const QDateTime kDefaultOrigin = defaultOrigin();
    const QString width = st.bind(QStringLiteral("%1 seconds").arg(bucketSeconds(q.bucket)));
    const QString origin = st.bind(isoUtc(q.origin.isValid() ? q.origin : kDefaultOrigin));
    return QStringLiteral("date_bin(%1::interval, %2, %3::timestamptz)")
        .arg(width, src.timeColumn, origin);
}

// Long form: (bucket, series, value) rows. The outer select turns the bucket into epoch
// milliseconds so that reading it back needs no date parsing.
QString longForm(const QString &bucket, const QString &series, const QString &value,
                 const QString &from, const QString &where)
{
    return QStringLiteral("SELECT (extract(epoch FROM b) * 1000)::bigint, s, v FROM ("
                          "SELECT %1 AS b, %2 AS s, (%3)::float8 AS v FROM %4 WHERE %5 "
                          "GROUP BY 1, 2) q ORDER BY 1, 2")
        .arg(bucket, series, value, from, where);
}

void readLong(const pg::Result &r, SeriesSet &set)
{
    std::map<QString, Series> byName; // series ordered by name
    for (int i = 0; i < r.rowCount(); ++i) {
        if (r.isNull(i, 2))
            continue; // an aggregate over nothing (no numeric value)
        Series &s = byName[r.value(i, 1)];
        s.points.append(Point{fromMs(r.toLongLong(i, 0)), r.value(i, 2).toDouble()});
    }
    for (auto &[name, s] : byName) {
        s.name = name;
        set.series.append(std::move(s));
    }
}

// Errors come back wide: (bucket, all requests, count per class...). Every bucket with
// requests has a row, so a rate is known (possibly 0) wherever there were requests.
void readErrors(const pg::Result &r, const QStringList &names, bool rate, SeriesSet &set)
{
    for (const QString &name : names)
        set.series.append(Series{name, {}});
    for (int i = 0; i < r.rowCount(); ++i) {
        const QDateTime t = fromMs(r.toLongLong(i, 0));
        const double total = double(r.toLongLong(i, 1));
        for (int c = 0; c < names.size(); ++c) {
            const double n = double(r.toLongLong(i, 2 + c));
            set.series[c].points.append(Point{t, rate ? (total > 0 ? n / total : 0) : n});
        }
    }
}

QString pathNote(pg::Connection &conn, const Query &q, const QStringList &path)
{
    Statement st;
    const QString endpoint = q.params.value(QStringLiteral("endpoint"));
    const QString p = st.bind(textArrayLiteral(path));
    Source src{QStringLiteral("{api_events}"), QStringLiteral("fetched_at"), {}};
    src.where << QStringLiteral("endpoint = %1").arg(st.bind(endpoint));
    const QString where = timeBounds(st, src, q);
    const pg::Result r = conn.exec(
        layout::of(conn)->sql(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE payload #> "
                                             "%1::text[] IS NOT NULL) FROM {api_events} WHERE %2")
                                  .arg(p, where)),
        st.params());
    const qint64 events = r.toLongLong(0, 0);
    const qint64 matched = r.toLongLong(0, 1);
    const QString shown = q.params.value(QStringLiteral("path"));
    if (events == 0)
        return Metrics::tr("No %1 events in the range.").arg(endpoint);
    if (matched == 0)
        return Metrics::tr("The path %1 matched no value in %2 %3 events.")
            .arg(shown)
            .arg(events)
            .arg(endpoint);
    return Metrics::tr("The path %1 matched %2 values in %3 events, none of them a number.")
        .arg(shown)
        .arg(matched)
        .arg(endpoint);
}

} // namespace

void validate(const Query &q)
{
    const MetricInfo *info = findMetric(q.metric);
    if (!info) {
        QStringList ids;
        for (const MetricInfo &m : catalogue())
            ids << m.id;
        throw Error::invalidInput(Metrics::tr("Unknown metric \"%1\".").arg(q.metric),
                                  Metrics::tr("Known metrics: %1.").arg(ids.join(QStringLiteral(", "))));
    }
    for (auto it = q.params.cbegin(); it != q.params.cend(); ++it) {
        if (!info->params.contains(it.key()))
            throw Error::invalidInput(
                Metrics::tr("The metric %1 has no parameter \"%2\".").arg(q.metric, it.key()),
                info->params.isEmpty()
                    ? Metrics::tr("It takes no parameters.")
                    : Metrics::tr("Its parameters: %1.").arg(info->params.join(QStringLiteral(", "))));
    }
    if (q.since.isValid() && q.until.isValid() && q.since >= q.until)
        throw Error::invalidInput(Metrics::tr("The start of the range must come before its end."));
    auto agg = [&](const QStringList &allowed) {
        const QString a = q.params.value(QStringLiteral("agg"), allowed.first());
        if (!allowed.contains(a))
            throw Error::invalidInput(
                Metrics::tr("Unknown aggregate \"%1\" for %2.").arg(a, q.metric),
                Metrics::tr("Use one of: %1.").arg(allowed.join(QStringLiteral(", "))));
    };
    if (q.params.contains(QStringLiteral("endpoint"))
        && q.params.value(QStringLiteral("endpoint")).isEmpty())
        throw Error::invalidInput(Metrics::tr("The endpoint parameter is empty."));
    if (q.metric == QLatin1String("errors")) {
        if (q.params.contains(QStringLiteral("status"))) {
            const auto code = validate::wholeNumber(q.params.value(QStringLiteral("status")));
            if (!code || *code < 100 || *code > 599)
                throw Error::invalidInput(
                    Metrics::tr("status must be an HTTP status code from 100 to 599, not \"%1\".")
                        .arg(q.params.value(QStringLiteral("status"))));
        }
        if (q.params.contains(QStringLiteral("rate"))
            && !parseBool(q.params.value(QStringLiteral("rate"))))
            throw Error::invalidInput(Metrics::tr("rate must be true or false, not \"%1\".")
                                          .arg(q.params.value(QStringLiteral("rate"))));
    } else if (q.metric == QLatin1String("player_events")) {
        if (q.params.contains(QStringLiteral("player")) && !validate::uuid(q.params.value(QStringLiteral("player"))))
            throw Error::invalidInput(Metrics::tr("player must be a player id (a UUID), not \"%1\".")
                                          .arg(q.params.value(QStringLiteral("player"))));
        if (q.params.contains(QStringLiteral("type")) && q.params.value(QStringLiteral("type")).isEmpty())
            throw Error::invalidInput(Metrics::tr("The type parameter is empty."));
    } else if (q.metric == QLatin1String("payload_bytes")) {
        agg(kByteAggs);
    } else if (q.metric == QLatin1String("payload_value")) {
        for (const char *key : {"endpoint", "path"}) {
            if (q.params.value(QString::fromLatin1(key)).isEmpty())
                throw Error::invalidInput(
                    Metrics::tr("payload_value needs the parameter %1.").arg(QString::fromLatin1(key)),
                    Metrics::tr("For example: endpoint=/my/agent path=data.credits"));
        }
        parseJsonPath(q.params.value(QStringLiteral("path")));
        agg(kValueAggs);
    }
}

SeriesSet run(pg::Connection &conn, const Query &q, TaskContext *ctx)
{
    validate(q);
    if (ctx) {
        ctx->throwIfCancelled();
        ctx->progress(0, 1, Metrics::tr("Computing %1").arg(q.metric));
    }
    if (conn.serverVersion() < 140000)
        throw Error(Error::Kind::Environment,
                    Metrics::tr("Metrics need PostgreSQL 14 or newer (date_bin)."));
    SeriesSet set;
    set.metric = q.metric;
    set.bucket = q.bucket;
    Statement st;
    const auto param = [&q](const char *key) { return q.params.value(QString::fromLatin1(key)); };
    const QString endpoint = param("endpoint");
    Source src;
    QString sql;
    bool counts = true; // a bucket without rows means 0: fill the gaps
    QStringList errorNames;
    bool rate = false;
    QStringList path;

    if (q.metric == QLatin1String("plays") || q.metric == QLatin1String("games_completed")
        || q.metric == QLatin1String("snapshots")) {
        const auto lay = layout::of(conn);
        if (q.metric == QLatin1String("plays")) {
            lay->require(layout::Kind::Plays, {QStringLiteral("created_at")}, Metrics::tr("the plays metric"));
            src = {QStringLiteral("{plays}"), QStringLiteral("created_at"), {}};
        } else if (q.metric == QLatin1String("games_completed")) {
            lay->require(layout::Kind::Games, {QStringLiteral("completed_at")},
                         Metrics::tr("the games_completed metric"));
            src = {QStringLiteral("{games}"), QStringLiteral("completed_at"), {}};
        } else {
            // Galaxy's game time where the table has it, else when the snapshot was taken.
            const bool gameTime = lay->require(layout::Kind::Snapshots).has(QStringLiteral("game_time"));
            src = {QStringLiteral("{snapshots}"),
                   gameTime ? QStringLiteral("game_time") : QStringLiteral("created_at"), {}};
        }
        const QString b = bucketExpression(st, src, q);
        sql = longForm(b, QStringLiteral("'value'"), QStringLiteral("count(*)"), src.table,
                       timeBounds(st, src, q));
    } else if (q.metric == QLatin1String("player_events")) {
        layout::of(conn)->require(layout::Kind::PlayerEvents);
        src = {QStringLiteral("{player_events}"), QStringLiteral("occurred_at"), {}};
        const QString b = bucketExpression(st, src, q);
        if (!param("type").isEmpty())
            src.where << QStringLiteral("event_type = %1").arg(st.bind(param("type")));
        if (!param("player").isEmpty())
            src.where << QStringLiteral("player_id = %1").arg(st.bind(param("player")));
        sql = longForm(b, QStringLiteral("coalesce(event_type::text, '(null)')"), QStringLiteral("count(*)"),
                       src.table, timeBounds(st, src, q));
    } else {
        src = {QStringLiteral("{api_events}"), QStringLiteral("fetched_at"), {}};
        const QString b = bucketExpression(st, src, q);
        if (!endpoint.isEmpty())
            src.where << QStringLiteral("endpoint = %1").arg(st.bind(endpoint));
        if (q.metric == QLatin1String("events")) {
            sql = longForm(b, QStringLiteral("coalesce(endpoint, '(null)')"),
                           QStringLiteral("count(*)"), src.table, timeBounds(st, src, q));
        } else if (q.metric == QLatin1String("distinct_payloads")) {
            sql = longForm(b, QStringLiteral("'value'"),
                           QStringLiteral("count(DISTINCT payload_hash)"), src.table,
                           timeBounds(st, src, q));
        } else if (q.metric == QLatin1String("payload_bytes")) {
            // The aggregate's name comes from the closed list validate() checked.
            const QString agg = param("agg").isEmpty() ? QStringLiteral("avg") : param("agg");
            sql = longForm(b, QStringLiteral("'value'"),
                           agg + QStringLiteral("(octet_length(payload::text))"), src.table,
                           timeBounds(st, src, q));
            counts = false;
        } else if (q.metric == QLatin1String("errors")) {
            rate = parseBool(param("rate")).value_or(false);
            QStringList columns;
            if (q.params.contains(QStringLiteral("status"))) {
                const QString code = QString::number(param("status").toInt());
                errorNames << code;
                columns << QStringLiteral("count(*) FILTER (WHERE status_code = %1::int)")
                               .arg(st.bind(code));
            } else {
                errorNames << QStringLiteral("4xx") << QStringLiteral("5xx");
                columns << QStringLiteral("count(*) FILTER (WHERE status_code >= 400 AND "
                                          "status_code < 500)")
                        << QStringLiteral("count(*) FILTER (WHERE status_code >= 500)");
            }
            QStringList outer;
            for (qsizetype c = 0; c < columns.size(); ++c) {
                columns[c] += QStringLiteral(" AS c%1").arg(c);
                outer << QStringLiteral("c%1").arg(c);
            }
            sql = QStringLiteral("SELECT (extract(epoch FROM b) * 1000)::bigint, total, %1 "
                                 "FROM (SELECT %2 AS b, count(*) AS total, %3 FROM %4 WHERE "
                                 "%5 GROUP BY 1) q ORDER BY 1")
                      .arg(outer.join(QStringLiteral(", ")), b,
                           columns.join(QStringLiteral(", ")), src.table,
                           timeBounds(st, src, q));
            counts = !rate;
        } else { // payload_value
            path = parseJsonPath(param("path"));
            const QString p = st.bind(textArrayLiteral(path));
            src.where << QStringLiteral("jsonb_typeof(payload #> %1::text[]) = 'number'").arg(p);
            // Only numbers pass the WHERE, so the cast in the aggregate cannot fail.
            const QString x = QStringLiteral("(payload #>> %1::text[])::numeric").arg(p);
            const QString agg = param("agg").isEmpty() ? QStringLiteral("avg") : param("agg");
            const QString value =
                agg == QLatin1String("last")
                    ? QStringLiteral("(array_agg(%1 ORDER BY fetched_at DESC, id DESC))[1]").arg(x)
                    : QStringLiteral("%1(%2)").arg(agg, x);
            sql = longForm(b, QStringLiteral("'value'"), value, src.table, timeBounds(st, src, q));
            counts = false;
        }
    }

    // Which table this metric read, for the pane to say.
    for (const auto &[key, kind] : {std::pair{"{api_events}", layout::Kind::ApiEvents},
                                    std::pair{"{plays}", layout::Kind::Plays},
                                    std::pair{"{games}", layout::Kind::Games},
                                    std::pair{"{snapshots}", layout::Kind::Snapshots},
                                    std::pair{"{player_events}", layout::Kind::PlayerEvents}})
        if (src.table == QLatin1String(key))
            if (const layout::Relation *rel = layout::of(conn)->find(kind))
                set.source = rel->describe();
    pg::Result r;
    try {
        r = conn.exec(layout::of(conn)->sql(sql), st.params());
    } catch (const Error &e) {
        if (e.sqlstate() == QLatin1String("42P01"))
            throw Error(Error::Kind::NotFound,
                        Metrics::tr("%1 has no table for the metric %2.").arg(conn.database(), q.metric),
                        e.message(), {}, e.sqlstate());
        throw;
    }
    if (q.metric == QLatin1String("errors"))
        readErrors(r, errorNames, rate, set);
    else
        readLong(r, set);
    if (q.autoBucket) {
        // How many buckets the rows span; past the cap, the finest bucket within it.
        qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
        for (const Series &s : set.series)
            if (!s.points.isEmpty()) {
                first = std::min(first, s.points.first().t.toMSecsSinceEpoch());
                last = std::max(last, s.points.last().t.toMSecsSinceEpoch());
            }
        const auto count = [&](Bucket b) { return (last - first) / (bucketSeconds(b) * 1000) + 1; };
        if (first <= last) {
            const qint64 wanted = count(q.bucket);
            if (wanted > kMaxAutoBuckets) {
                Bucket coarser = Bucket::ThirtyDays;
                for (Bucket b : {Bucket::Minute, Bucket::Hour, Bucket::Day, Bucket::Week})
                    if (bucketSeconds(b) > bucketSeconds(q.bucket) && count(b) <= kMaxAutoBuckets) {
                        coarser = b;
                        break;
                    }
                Query again = q;
                again.bucket = coarser;
                again.autoBucket = false;
                SeriesSet redone = run(conn, again, ctx);
                redone.bucketNote = Metrics::tr("Auto: %1 buckets (%L2); %3 would make %L4 "
                                                "over the rows' whole span.")
                                        .arg(bucketName(coarser))
                                        .arg(count(coarser))
                                        .arg(bucketName(q.bucket))
                                        .arg(wanted);
                return redone;
            }
            set.bucketNote = Metrics::tr("Auto: %1 buckets (%L2).").arg(bucketName(q.bucket)).arg(wanted);
        }
    }
    if (counts)
        fillGaps(set);
    if (set.series.isEmpty() || set.series.first().points.isEmpty()) {
        set.series.clear();
        set.note = q.metric == QLatin1String("payload_value")
                       ? pathNote(conn, q, path)
                       : Metrics::tr("No rows in the range.");
    }
    if (ctx)
        ctx->progress(1, 1, Metrics::tr("Computed %1").arg(q.metric));
    return set;
}

} // namespace statescope::metrics
