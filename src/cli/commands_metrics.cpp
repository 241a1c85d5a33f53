#include "output.h"

#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QTimeZone>

#include <cstdio>
#include <map>

namespace statescope::cli {

namespace {

using metrics::Point;
using metrics::Series;
using metrics::SeriesSet;

void addDb(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("db"),
                            QStringLiteral("The database: conninfo, postgresql:// URI or "
                                           "service=NAME."),
                            QStringLiteral("CONN")});
}

void addQueryOptions(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("metric"), QStringLiteral("The metric (see: metrics list)."),
                 QStringLiteral("M")});
    p.addOption({QStringLiteral("bucket"), QStringLiteral("1m, 1h (default) or 1d."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("param"),
                 QStringLiteral("A metric parameter, e.g. endpoint=/my/agent (repeatable)."),
                 QStringLiteral("K=V")});
}

void addCsv(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("csv"),
                            QStringLiteral("Print CSV (time,series,value) instead of text.")});
}

QDateTime timeOption(const Command &cmd, const QString &option)
{
    if (!cmd.parser().isSet(option))
        return {};
    const auto t = metrics::parseTime(cmd.parser().value(option));
    if (!t)
        throw Error::invalidInput(
            QStringLiteral("--%1 must be an ISO 8601 date or date-time, not \"%2\".")
                .arg(option, cmd.parser().value(option)),
            QStringLiteral("For example 2025-01-06, 2025-01-06T14:00 (UTC) or "
                           "2025-01-06T14:00+02:00."));
    return *t;
}

metrics::Query queryFrom(const Command &cmd)
{
    const auto &p = cmd.parser();
    metrics::Query q;
    q.metric = cmd.required(QStringLiteral("metric"));
    if (p.isSet(QStringLiteral("bucket"))) {
        const auto b = metrics::parseBucket(p.value(QStringLiteral("bucket")));
        if (!b)
            throw Error::invalidInput(QStringLiteral("--bucket must be 1m, 1h or 1d, not \"%1\".")
                                          .arg(p.value(QStringLiteral("bucket"))));
        q.bucket = *b;
    }
    for (const QString &kv : p.values(QStringLiteral("param"))) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Error::invalidInput(
                QStringLiteral("--param takes key=value, not \"%1\".").arg(kv));
        const QString key = kv.left(eq).trimmed();
        if (q.params.contains(key))
            throw Error::invalidInput(QStringLiteral("--param %1 is given twice.").arg(key));
        q.params.insert(key, kv.mid(eq + 1));
    }
    return q;
}

// With offsets (compare --align reset) a point's time is seconds since the reset.
nlohmann::json pointsJson(const Series &s, bool offsets)
{
    nlohmann::json points = nlohmann::json::array();
    for (const Point &p : s.points) {
        if (offsets)
            points.push_back({{"t", p.t.toSecsSinceEpoch()}, {"value", p.value}});
        else
            points.push_back({{"t", utf8(metrics::isoUtc(p.t))}, {"value", p.value}});
    }
    return points;
}

nlohmann::json summaryJson(const metrics::Summary &s)
{
    return {{"total", s.total},
            {"mean", s.mean},
            {"peak", s.peak},
            {"time_to_peak_seconds", s.timeToPeakSeconds},
            {"points", s.points}};
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

QString duration(qint64 seconds)
{
    const QString sign = seconds < 0 ? QStringLiteral("-") : QString();
    seconds = std::abs(seconds);
    return QStringLiteral("%1%2d %3h%4m%5")
        .arg(sign)
        .arg(seconds / 86400)
        .arg(seconds % 86400 / 3600, 2, 10, QLatin1Char('0'))
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60 ? QStringLiteral("%1s").arg(seconds % 60, 2, 10, QLatin1Char('0')) : QString());
}

nlohmann::json setJson(const SeriesSet &set, const QString &database)
{
    nlohmann::json series = nlohmann::json::array();
    for (const Series &s : set.series)
        series.push_back({{"name", utf8(s.name)}, {"points", pointsJson(s, false)}});
    return {{"database", utf8(database)},
            {"metric", utf8(set.metric)},
            {"bucket", utf8(metrics::bucketName(set.bucket))},
            {"note", utf8(set.note)},
            {"series", series}};
}

QString setText(const SeriesSet &set, const QString &database)
{
    QStringList lines;
    lines << QStringLiteral("%1 per %2 on %3: %4 series")
                 .arg(set.metric, metrics::bucketName(set.bucket), database)
                 .arg(set.series.size());
    if (!set.note.isEmpty())
        lines << QStringLiteral("Note: %1").arg(set.note);
    for (const Series &s : set.series) {
        const auto sum = metrics::summarize(s, {});
        lines << QString() << QStringLiteral("%1  (%2 points, total %3, mean %4, peak %5)")
                                  .arg(s.name)
                                  .arg(sum.points)
                                  .arg(number(sum.total), number(sum.mean), number(sum.peak));
        for (const Point &p : s.points)
            lines << QStringLiteral("  %1  %2").arg(metrics::isoUtc(p.t), -20).arg(number(p.value));
    }
    return lines.join(QLatin1Char('\n'));
}

void printSet(const Command &cmd, const SeriesSet &set, const QString &database)
{
    if (!cmd.json() && cmd.parser().isSet(QStringLiteral("csv"))) {
        std::fputs(metrics::toCsv(set).constData(), stdout);
        std::fflush(stdout);
        return;
    }
    cmd.print(setJson(set, database), setText(set, database));
}

int series(const QStringList &args)
{
    Command cmd(QStringLiteral("metrics series"),
                QStringLiteral("A built-in metric over time on one database, one server-side "
                               "aggregate per bucket."));
    addDb(cmd);
    addQueryOptions(cmd);
    addCsv(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("since"), QStringLiteral("From this time on (ISO 8601, UTC "
                                                         "unless a zone is given)."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("until"), QStringLiteral("Before this time (exclusive)."),
                 QStringLiteral("T")});
    cmd.parse(args);
    metrics::Query q = queryFrom(cmd);
    q.since = timeOption(cmd, QStringLiteral("since"));
    q.until = timeOption(cmd, QStringLiteral("until"));
    metrics::validate(q); // bad input is a usage error, whatever the server says
    auto conn = cmd.open(QStringLiteral("db"),
                                     pg::Connection::Access::ReadOnly);
    printSet(cmd, metrics::run(*conn, q), conn->database());
    return Ok;
}

int sql(const QStringList &args)
{
    Command cmd(QStringLiteral("metrics sql"),
                QStringLiteral("A user-defined metric: one SELECT returning (time, value[, "
                               "series]), run read-only with a timeout and rolled back."));
    addDb(cmd);
    addCsv(cmd);
    cmd.parser().addOption({QStringLiteral("sql"), QStringLiteral("The query."),
                            QStringLiteral("TEXT")});
    cmd.parser().addOption({QStringLiteral("timeout-ms"),
                            QStringLiteral("Stop the query after N ms (default 30000)."),
                            QStringLiteral("N")});
    cmd.parse(args);
    const QString text = cmd.required(QStringLiteral("sql"));
    const int timeout = int(cmd.integer(QStringLiteral("timeout-ms"), 30000, 1, 86'400'000));
    auto conn = cmd.open(QStringLiteral("db"),
                                     pg::Connection::Access::ReadOnly);
    printSet(cmd, metrics::runUserSql(*conn, text, timeout), conn->database());
    return Ok;
}

int compare(const QStringList &args)
{
    Command cmd(QStringLiteral("metrics compare"),
                QStringLiteral("The same metric over several weeks of a family, in parallel, "
                               "aligned on each reset's start or on real time."));
    addFamilyOptions(cmd);
    cmd.parser().addOption({QStringLiteral("align"),
                            QStringLiteral("reset (default): times as offsets from each reset's "
                                           "start; absolute: real times."),
                            QStringLiteral("A")});
    addQueryOptions(cmd);
    cmd.parse(args);
    auto &p = cmd.parser();
    const metrics::Query q = queryFrom(cmd);
    const QString prefix = cmd.required(QStringLiteral("prefix"));
    weekly::validatePrefix(prefix);
    const QString alignText = p.value(QStringLiteral("align")).isEmpty()
                                  ? QStringLiteral("reset")
                                  : p.value(QStringLiteral("align")).toLower();
    if (alignText != QLatin1String("reset") && alignText != QLatin1String("absolute"))
        throw Error::invalidInput(
            QStringLiteral("--align must be reset or absolute, not \"%1\".").arg(alignText));
    const auto align = alignText == QLatin1String("reset") ? metrics::Align::Reset
                                                           : metrics::Align::Absolute;
    metrics::validate(q);
    // The family's weeks, on every server named (the live one and an archive, say).
    QList<weekly::FamilyWeek> selected;
    familyFrom(cmd, &selected, weekly::Family::Depth::Names);
    QList<pg::ConnectionSettings> databases;
    for (const weekly::FamilyWeek &w : selected)
        databases << w.settings;
    const auto weeks = metrics::compare(databases, q, align);

    const bool offsets = align == metrics::Align::Reset;
    nlohmann::json items = nlohmann::json::array();
    QStringList lines;
    lines << QStringLiteral("%1 per %2, %3 weeks of %4, aligned %5")
                 .arg(q.metric, metrics::bucketName(q.bucket))
                 .arg(weeks.size())
                 .arg(prefix, offsets ? QStringLiteral("on each reset's start")
                                      : QStringLiteral("on real time"));
    int failed = 0;
    for (const auto &w : weeks) {
        const auto name = weekly::WeeklyName::parse(w.database);
        const QString week = name ? name->isoWeekString() : w.database;
        // Where time to peak counts from: offset 0 is the reset itself.
        const QDateTime start = offsets ? QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc())
                                        : w.resetStart;
        const QDateTime gridOrigin = offsets ? start : metrics::defaultOrigin();
        // All series added up per bucket: the week's total line.
        std::map<qint64, double> sums;
        nlohmann::json series = nlohmann::json::array();
        QStringList seriesLines;
        for (const Series &s : w.set.series) {
            for (const Point &pt : s.points)
                sums[pt.t.toMSecsSinceEpoch()] += pt.value;
            // Whole buckets from the reset's own: the points lie on the reset's grid (aligned)
            // or the calendar's.
            const auto sum = metrics::summarize(s, start, metrics::bucketSeconds(w.set.bucket), gridOrigin);
            series.push_back({{"name", utf8(s.name)},
                              {"summary", summaryJson(sum)},
                              {"points", pointsJson(s, offsets)}});
            seriesLines << QStringLiteral("    %1  total %2, mean %3, peak %4 after %5")
                               .arg(s.name, number(sum.total), number(sum.mean), number(sum.peak),
                                    duration(sum.timeToPeakSeconds));
        }
        Series all{QStringLiteral("all"), {}};
        for (const auto &[ms, v] : sums)
            all.points.append(Point{QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()), v});
        const auto total = metrics::summarize(all, start, metrics::bucketSeconds(w.set.bucket), gridOrigin);
        items.push_back({{"database", utf8(w.database)},
                         {"week", name ? utf8(week) : ""},
                         {"reset_start", w.resetStart.isValid() ? utf8(metrics::isoUtc(w.resetStart)) : ""},
                         {"error", utf8(w.error)},
                         {"note", utf8(w.set.note)},
                         {"summary", summaryJson(total)},
                         {"series", series}});
        if (!w.error.isEmpty()) {
            ++failed;
            lines << QStringLiteral("  %1  FAILED: %2").arg(week, w.error);
            std::fputs(("statescope-cli: warning: " + utf8(w.database) + ": " + utf8(w.error) + "\n").c_str(),
                       stderr);
            continue;
        }
        lines << QStringLiteral("  %1  reset %2  total %3, mean %4, peak %5 after %6%7")
                     .arg(week, w.resetStart.isValid() ? metrics::isoUtc(w.resetStart) : QStringLiteral("-"),
                          number(total.total), number(total.mean), number(total.peak),
                          duration(total.timeToPeakSeconds),
                          w.set.note.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(w.set.note));
        if (w.set.series.size() > 1)
            lines << seriesLines;
    }
    cmd.print({{"metric", utf8(q.metric)},
               {"bucket", utf8(metrics::bucketName(q.bucket))},
               {"align", utf8(alignText)},
               {"prefix", utf8(prefix)},
               {"weeks", items}},
              lines.join(QLatin1Char('\n')));
    // Some weeks failing still gives an answer for the others; none succeeding does not.
    return failed == weeks.size() ? Failed : Ok;
}

int list(const QStringList &args)
{
    Command cmd(QStringLiteral("metrics list"),
                QStringLiteral("The built-in metrics and the database's materialized views."));
    addDb(cmd);
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"),
                                     pg::Connection::Access::ReadOnly);
    const auto views = metrics::materializedViews(*conn);
    nlohmann::json ms = nlohmann::json::array();
    QStringList lines{QStringLiteral("Metrics:")};
    for (const auto &m : metrics::catalogue()) {
        nlohmann::json params = nlohmann::json::array();
        for (const QString &k : m.params)
            params.push_back(utf8(k));
        ms.push_back({{"id", utf8(m.id)}, {"title", utf8(m.title)},
                      {"description", utf8(m.description)}, {"params", params},
                      {"unit", utf8(m.unit)}});
        lines << QStringLiteral("  %1  %2%3").arg(m.id, -18).arg(m.description,
                     m.params.isEmpty() ? QString()
                                        : QStringLiteral(" [params: %1]").arg(m.params.join(QStringLiteral(", "))));
    }
    nlohmann::json vs = nlohmann::json::array();
    lines << QString() << QStringLiteral("Materialized views in %1:").arg(conn->database());
    for (const auto &v : views) {
        vs.push_back({{"schema", utf8(v.schema)},
                      {"name", utf8(v.name)},
                      {"size_bytes", v.sizeBytes},
                      {"populated", v.populated},
                      {"has_unique_index", v.hasUniqueIndex},
                      {"can_refresh_concurrently", v.canRefreshConcurrently},
                      {"refreshed_at", v.refreshedAt.isValid() ? utf8(metrics::isoUtc(v.refreshedAt)) : ""},
                      {"last_duration_ms", v.lastDurationMs},
                      {"last_concurrently", v.lastConcurrently}});
        lines << QStringLiteral("  %1.%2  %3 bytes, %4, %5, last refresh: %6")
                     .arg(v.schema, v.name)
                     .arg(v.sizeBytes)
                     .arg(v.populated ? QStringLiteral("populated") : QStringLiteral("not populated"),
                          v.canRefreshConcurrently ? QStringLiteral("refreshes concurrently")
                                                   : QStringLiteral("refresh locks readers"),
                          v.refreshedAt.isValid()
                              ? QStringLiteral("%1 (%2 ms)").arg(metrics::isoUtc(v.refreshedAt)).arg(v.lastDurationMs)
                              : QStringLiteral("never (through Statescope)"));
    }
    if (views.isEmpty())
        lines << QStringLiteral("  (none)");
    cmd.print({{"database", utf8(conn->database())}, {"metrics", ms}, {"materialized_views", vs}},
              lines.join(QLatin1Char('\n')));
    return Ok;
}

int refreshCmd(const QStringList &args)
{
    Command cmd(QStringLiteral("metrics refresh"),
                QStringLiteral("Refresh a materialized view (concurrently when it has a unique "
                               "index), recorded and audited."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("view"),
                            QStringLiteral("schema.name (the schema defaults to metrics)."),
                            QStringLiteral("V")});
    cmd.parse(args);
    const QString view = cmd.required(QStringLiteral("view"));
    const qsizetype dot = view.indexOf(QLatin1Char('.'));
    const QString schema = dot < 0 ? QStringLiteral("metrics") : view.left(dot);
    const QString name = dot < 0 ? view : view.mid(dot + 1);
    auto conn = cmd.open(QStringLiteral("db"));
    metrics::refresh(*conn, schema, name);
    metrics::MaterializedView done;
    for (const auto &v : metrics::materializedViews(*conn)) {
        if (v.schema == schema && v.name == name)
            done = v;
    }
    cmd.print({{"database", utf8(conn->database())},
               {"view", utf8(schema + QLatin1Char('.') + name)},
               {"concurrently", done.lastConcurrently},
               {"duration_ms", done.lastDurationMs},
               {"refreshed_at", done.refreshedAt.isValid() ? utf8(metrics::isoUtc(done.refreshedAt)) : ""}},
              QStringLiteral("Refreshed %1.%2%3 in %4 ms.")
                  .arg(schema, name,
                       done.lastConcurrently ? QStringLiteral(" concurrently") : QString())
                  .arg(done.lastDurationMs));
    return Ok;
}

} // namespace

int runMetrics(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("series"))
        return series(args);
    if (sub == QLatin1String("compare"))
        return compare(args);
    if (sub == QLatin1String("refresh"))
        return refreshCmd(args);
    if (sub == QLatin1String("sql"))
        return sql(args);
    throw Error::invalidInput(QStringLiteral("Unknown command: metrics %1").arg(sub),
                              QStringLiteral("See: statescope-cli --help"));
}

} // namespace statescope::cli
