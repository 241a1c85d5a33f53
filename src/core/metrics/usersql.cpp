// A user-defined metric: one SELECT (or WITH ... SELECT) returning (time, value[, series]),
// run in a READ ONLY transaction with a statement timeout and always rolled back.
//
// The checks made here before sending (one statement, starting with SELECT or WITH) are
// for clear messages; the guarantees come from the server: PQexecParams refuses several
// statements, and the read-only transaction refuses writes (also inside a CTE). The
// database role remains the real boundary for what a query may read.

#include "metrics.h"

#include "core/browse/usertransaction.h"
#include "core/error.h"
#include "core/metrics/metricsinternal.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <QDate>
#include <QTime>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <map>

namespace statescope::metrics {

namespace {

constexpr int kMaxTimeoutMs = 24 * 3600 * 1000;

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// Index of the first character at or after i that is neither white space nor inside a
// comment (-- to the end of the line, /* */ nested as PostgreSQL nests them).
qsizetype skipSpaceAndComments(const QString &s, qsizetype i)
{
    const qsizetype n = s.size();
    while (i < n) {
        if (s[i].isSpace()) {
            ++i;
        } else if (s[i] == QLatin1Char('-') && i + 1 < n && s[i + 1] == QLatin1Char('-')) {
            while (i < n && s[i] != QLatin1Char('\n'))
                ++i;
        } else if (s[i] == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('*')) {
            int depth = 0;
            do {
                if (s[i] == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('*')) {
                    ++depth;
                    i += 2;
                } else if (s[i] == QLatin1Char('*') && i + 1 < n && s[i + 1] == QLatin1Char('/')) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (i < n && depth > 0);
        } else {
            break;
        }
    }
    return i;
}

// The position of the first ';' that is outside literals, quoted identifiers, dollar
// quotes and comments; -1 when there is none.
qsizetype statementEnd(const QString &s)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype next = skipSpaceAndComments(s, i);
        if (next != i) {
            i = next;
            continue;
        }
        const QChar c = s[i];
        if (c == QLatin1Char(';'))
            return i;
        if (c == QLatin1Char('\'')) {
            // E'...' takes backslash escapes; '' is a quote in both kinds.
            const bool escapes = i > 0 && (s[i - 1] == QLatin1Char('E') || s[i - 1] == QLatin1Char('e'))
                                 && (i < 2 || !isIdentChar(s[i - 2]));
            for (++i; i < n; ++i) {
                if (escapes && s[i] == QLatin1Char('\\')) {
                    ++i;
                } else if (s[i] == QLatin1Char('\'')) {
                    if (i + 1 < n && s[i + 1] == QLatin1Char('\''))
                        ++i;
                    else
                        break;
                }
            }
            ++i;
        } else if (c == QLatin1Char('"')) {
            for (++i; i < n; ++i) {
                if (s[i] == QLatin1Char('"')) {
                    if (i + 1 < n && s[i + 1] == QLatin1Char('"'))
                        ++i;
                    else
                        break;
                }
            }
            ++i;
        } else if (c == QLatin1Char('$') && (i == 0 || !isIdentChar(s[i - 1]))) {
            // $tag$ ... $tag$ (the tag may be empty); $1 is a parameter, not a quote.
            qsizetype j = i + 1;
            while (j < n && (s[j].isLetter() || s[j] == QLatin1Char('_')
                             || (j > i + 1 && s[j].isDigit())))
                ++j;
            if (j < n && s[j] == QLatin1Char('$')) {
                const QString tag = s.mid(i, j - i + 1);
                const qsizetype close = s.indexOf(tag, j + 1);
                i = close < 0 ? n : close + tag.size();
            } else {
                i = j;
            }
        } else {
            ++i;
        }
    }
    return -1;
}

// The statement to send: checked to be one SELECT or WITH, without a trailing ';'.
QString checkedStatement(const QString &sql)
{
    const qsizetype start = skipSpaceAndComments(sql, 0);
    qsizetype wordEnd = start;
    while (wordEnd < sql.size() && sql[wordEnd].isLetter())
        ++wordEnd;
    const QString word = sql.mid(start, wordEnd - start).toLower();
    if (word != QLatin1String("select") && word != QLatin1String("with"))
        throw Error::invalidInput(
            word.isEmpty() ? Metrics::tr("The metric query is empty.")
                           : Metrics::tr("A metric query must be a SELECT (or WITH ... SELECT), "
                                         "not %1.")
                                 .arg(word.toUpper()),
            Metrics::tr("Return (time, value[, series]) rows, e.g. SELECT date_trunc('hour', "
                        "fetched_at), count(*) FROM raw.api_events GROUP BY 1 ORDER BY 1"));
    const qsizetype end = statementEnd(sql);
    if (end < 0)
        return sql;
    if (skipSpaceAndComments(sql, end + 1) < sql.size())
        throw Error::invalidInput(Metrics::tr("A metric query must be a single statement."),
                                  Metrics::tr("Remove everything after the first ';'."));
    return sql.left(end);
}

enum Oid : unsigned int {
    Int8 = 20, Int2 = 21, Int4 = 23, Text = 25, Name = 19, Float4 = 700, Float8 = 701,
    Unknown = 705, Bpchar = 1042, Varchar = 1043, Date = 1082, Timestamp = 1114,
    Timestamptz = 1184, Numeric = 1700,
};

QString typeName(unsigned int oid)
{
    static const std::map<unsigned int, const char *> names = {
        {Int8, "bigint"}, {Int2, "smallint"}, {Int4, "integer"}, {Text, "text"},
        {Name, "name"}, {Float4, "real"}, {Float8, "double precision"},
        {Unknown, "unknown"}, {Bpchar, "character"}, {Varchar, "character varying"},
        {Date, "date"}, {Timestamp, "timestamp"}, {Timestamptz, "timestamptz"},
        {Numeric, "numeric"}, {16, "boolean"}, {114, "json"}, {3802, "jsonb"},
        {1083, "time"}, {1186, "interval"}, {2950, "uuid"}};
    const auto it = names.find(oid);
    return it != names.end() ? QString::fromLatin1(it->second)
                             : Metrics::tr("type OID %1").arg(oid);
}

void checkShape(const pg::Result &r)
{
    const int columns = r.columnCount();
    const unsigned int t = columns > 0 ? r.columnType(0) : 0;
    const unsigned int v = columns > 1 ? r.columnType(1) : 0;
    const unsigned int s = columns > 2 ? r.columnType(2) : Text;
    const bool ok = (columns == 2 || columns == 3)
                    && (t == Timestamptz || t == Timestamp || t == Date)
                    && (v == Int2 || v == Int4 || v == Int8 || v == Numeric || v == Float4
                        || v == Float8)
                    && (s == Text || s == Varchar || s == Bpchar || s == Name || s == Unknown);
    if (ok)
        return;
    QStringList found;
    for (int c = 0; c < columns; ++c)
        found << QStringLiteral("%1 (%2)").arg(r.columnName(c), typeName(r.columnType(c)));
    throw Error::invalidInput(
        Metrics::tr("A metric query returns a time (timestamptz, timestamp or date), a number "
                    "and optionally a text series name, in that order."),
        Metrics::tr("It returned %n column(s): %1. Cast where needed, e.g. count(*)::bigint, "
                    "endpoint::text.",
                    nullptr, columns)
            .arg(found.isEmpty() ? Metrics::tr("none") : found.join(QStringLiteral(", "))));
}

int digits(const char *p, int count)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

// Text of a date, timestamp or timestamptz under DateStyle ISO and TimeZone UTC:
// "2025-01-06", "2025-01-06 10:00:00[.ffffff][+00]". Infinity and BC dates: nullopt.
std::optional<qint64> parseServerTime(const QByteArray &text)
{
    const char *p = text.constData();
    const qsizetype n = text.size();
    if (n < 10 || p[4] != '-' || p[7] != '-')
        return std::nullopt;
    const QDate date(digits(p, 4), digits(p + 5, 2), digits(p + 8, 2));
    if (!date.isValid())
        return std::nullopt;
    qint64 ms = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    if (n == 10)
        return ms;
    if (n < 19 || p[10] != ' ' || p[13] != ':' || p[16] != ':')
        return std::nullopt;
    const int h = digits(p + 11, 2), m = digits(p + 14, 2), s = digits(p + 17, 2);
    if (h < 0 || m < 0 || s < 0)
        return std::nullopt;
    ms += (h * 3600 + m * 60 + s) * 1000LL;
    qsizetype i = 19;
    if (i < n && p[i] == '.') {
        int scale = 100, frac = 0;
        for (++i; i < n && p[i] >= '0' && p[i] <= '9'; ++i, scale /= 10)
            frac += (p[i] - '0') * scale;
        ms += frac;
    }
    if (i < n && (p[i] == '+' || p[i] == '-')) {
        // The session runs in UTC, but an offset with minutes or seconds must still count.
        const int sign = p[i] == '-' ? -1 : 1;
        ++i;
        if (i + 2 > n)
            return std::nullopt;
        const int oh = digits(p + i, 2);
        int om = 0, os = 0;
        i += 2;
        if (i < n && p[i] == ':') {
            om = i + 3 <= n ? digits(p + i + 1, 2) : -1;
            i += 3;
            if (om >= 0 && i < n && p[i] == ':') {
                os = i + 3 <= n ? digits(p + i + 1, 2) : -1;
                i += 3;
            }
        }
        if (oh < 0 || om < 0 || os < 0 || i > n)
            return std::nullopt;
        ms -= sign * (oh * 3600 + om * 60 + os) * 1000LL;
    }
    if (i != n)
        return std::nullopt; // " BC" and anything else unexpected
    return ms;
}

Bucket guessBucket(const SeriesSet &set)
{
    qint64 smallest = std::numeric_limits<qint64>::max();
    for (const Series &s : set.series) {
        for (qsizetype i = 1; i < s.points.size(); ++i) {
            const qint64 gap = s.points[i - 1].t.msecsTo(s.points[i].t);
            if (gap > 0)
                smallest = std::min(smallest, gap);
        }
    }
    if (smallest >= 86'400'000)
        return smallest == std::numeric_limits<qint64>::max() ? Bucket::Hour : Bucket::Day;
    return smallest >= 3'600'000 ? Bucket::Hour : Bucket::Minute;
}

} // namespace

SeriesSet runUserSql(pg::Connection &conn, const QString &sql, int timeoutMs, TaskContext *ctx)
{
    if (timeoutMs < 1 || timeoutMs > kMaxTimeoutMs)
        throw Error::invalidInput(
            Metrics::tr("The timeout must be from 1 to %1 ms.").arg(kMaxTimeoutMs));
    const QString statement = checkedStatement(sql);
    if (ctx) {
        ctx->throwIfCancelled();
        ctx->progress(0, 1, Metrics::tr("Running the metric query"));
    }
    pg::Result r;
    try {
        // Read-only, guarded on a superuser's session, cleaned up and always rolled back.
        browse::UserTransaction transaction(conn, statement, timeoutMs);
        // UTC and ISO make the time column's text predictable.
        conn.exec(QStringLiteral("SELECT set_config('TimeZone', 'UTC', true), "
                                 "set_config('DateStyle', 'ISO, YMD', true)"));
        r = conn.exec(statement);
    } catch (const Error &e) {
        if (e.sqlstate() == QLatin1String("57014") && e.kind() != Error::Kind::Cancelled)
            throw Error(Error::Kind::Query,
                        Metrics::tr("The metric query ran too long and was stopped after %1 ms.")
                            .arg(timeoutMs),
                        e.message(),
                        Metrics::tr("Narrow it (a time range, fewer rows) or allow more time."),
                        e.sqlstate());
        if (e.sqlstate() == QLatin1String("25006"))
            throw Error(Error::Kind::Query,
                        Metrics::tr("A metric query may only read; this one tried to write."),
                        e.message(), {}, e.sqlstate());
        throw;
    }
    checkShape(r);

    SeriesSet set;
    set.metric = QStringLiteral("sql");
    std::map<QString, Series> byName;
    const bool hasSeries = r.columnCount() == 3;
    qint64 skipped = 0;
    for (int i = 0; i < r.rowCount(); ++i) {
        const auto t = r.isNull(i, 0) ? std::nullopt : parseServerTime(r.bytes(i, 0));
        bool ok = false;
        const double v = r.isNull(i, 1) ? 0 : r.value(i, 1).toDouble(&ok);
        if (!t || !ok || !std::isfinite(v)) {
            ++skipped;
            continue;
        }
        const QString name = !hasSeries ? QStringLiteral("value")
                             : r.isNull(i, 2) ? QStringLiteral("(null)")
                                              : r.value(i, 2);
        byName[name].points.append(Point{fromMs(*t), v});
    }
    for (auto &[name, s] : byName) {
        s.name = name;
        std::stable_sort(s.points.begin(), s.points.end(),
                         [](const Point &a, const Point &b) { return a.t < b.t; });
        set.series.append(std::move(s));
    }
    set.bucket = guessBucket(set);
    if (r.rowCount() == 0)
        set.note = Metrics::tr("The query returned no rows.");
    else if (skipped > 0)
        set.note = Metrics::tr("%n row(s) left out: no time, no finite number, or a time "
                               "outside the calendar (infinity, BC).",
                               nullptr, int(std::min<qint64>(skipped, INT_MAX)));
    if (ctx)
        ctx->progress(1, 1, Metrics::tr("Metric query done"));
    return set;
}

} // namespace statescope::metrics
