// Benchmark (not a test): the events browser next to raw libpq / nlohmann doing the same
// work in the same run; medians after one warm-up, ours and the baseline taking turns.
//
//   bench_events [--events N] [--db CONN] [--reps R] [--page-reps P] [--export-reps E] [--drop]
//
//   --events N  events in the database (default 1000000). Without --db the database
//               bench_events_<N> on the test server is reused, or (re)created and seeded
//               with the demo generator when its raw.api_events count differs from N
//   --db CONN   an existing seeded database; nothing is seeded
//   --reps R    repetitions of the JSON figure (default 15)
//   --page-reps P  of the page figures, a millisecond each (default 201)
//   --export-reps E  of the export (default 3: at 1M rows each writes 5.5 GB in ~75 s)
//   --drop      drop bench_events_<N> at the end
//
// 1. first page of 200 rows (unfiltered; one endpoint): EventStore::page vs PQexec of the
//    same SQL text on another open connection;
//    EventStore prepares the statements it repeats, so both are measured again beside the
//    same SQL prepared once through libpq;
// 2. a page N/2 rows deep by keyset and by time jump (pageAt), vs the first page;
// 3. memory while a view scrolls top to bottom through EventTableModel (VmRSS/VmHWM);
// 4. CSV export of min(N, 1M) rows: exportEvents vs COPY TO STDOUT + fwrite;
// 5. a 50 MB JSON payload in JsonView until the root's children show, vs nlohmann parse.
// The scroll runs before export and JSON, which raise VmHWM (the process's peak).
#include "bench/benchutil.h"
#include "core/demo/demogenerator.h"
#include "core/events/eventexport.h"
#include "core/events/eventstore.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/jsonview.h"
#include "models/eventtablemodel.h"
#include "support/testserver.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <libpq-fe.h>
#include <nlohmann/json.hpp>
#include <tuple>
#include <vector>

using namespace statescope;
using events::EventFilter;
using events::EventStore;

using namespace statescope::bench;

namespace {

struct Figure
{
    QString what, unit, baseline, target;
    double ours = 0, base = 0; // the ratio is ours / base
    bool holds = false;
};
std::vector<Figure> figures;

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_events: %s\n", qPrintable(why));
    std::exit(1);
}

void report(const Figure &f)
{
    std::printf("%-46s %11.2f %-4s  %-42s %11.2f %-4s  ratio %.2f  (target %s)\n",
                qPrintable(f.what), f.ours, qPrintable(f.unit), qPrintable(f.baseline), f.base,
                qPrintable(f.unit), f.ours / f.base, qPrintable(f.target));
    std::fflush(stdout);
    figures.push_back(f);
}

// A time ratio (ours / baseline) against a target of at most `limit`.
void reportTimes(const QString &what, double ours, const QString &baseline, double base,
                 double limit = 1.5)
{
    report({what, QStringLiteral("ms"), baseline, QStringLiteral("<= %1x").arg(limit), ours, base,
            ours / base <= limit});
}

// Times ours() and base() `reps` times after one warm-up, in turns (which goes first
// alternates, so neither always finds the other's cache), calling after() untimed after
// each pair; returns both medians in ms.
std::pair<double, double> timePair(int reps, const std::function<void()> &ours,
                                   const std::function<void()> &base,
                                   const std::function<void()> &after = {})
{
    std::vector<double> a, b;
    auto timed = [](const std::function<void()> &f) {
        QElapsedTimer t;
        t.start();
        f();
        return ms(t);
    };
    for (int i = 0; i <= reps; ++i) {
        double oursMs = 0, baseMs = 0;
        if (i % 2) {
            baseMs = timed(base);
            oursMs = timed(ours);
        } else {
            oursMs = timed(ours);
            baseMs = timed(base);
        }
        if (after)
            after();
        if (i > 0) {
            a.push_back(oursMs);
            b.push_back(baseMs);
        }
    }
    return {median(a), median(b)};
}

// VmRSS and VmHWM of this process, in MB.
std::pair<double, double> memoryMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    double rss = 0, hwm = 0;
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : f.readAll().split('\n')) {
            const double mb = l.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
            if (l.startsWith("VmRSS:"))
                rss = mb;
            else if (l.startsWith("VmHWM:"))
                hwm = mb;
        }
    }
    return {rss, hwm};
}

// Processes events until done() holds, as QTRY_VERIFY waits; false after timeoutMs.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer heartbeat; // wakes the loop when nothing else arrives
    heartbeat.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

PGconn *rawConnection(const pg::ConnectionSettings &db)
{
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());
    if (PQstatus(raw) != CONNECTION_OK)
        fail(QString::fromUtf8(PQerrorMessage(raw)));
    PQclear(PQexec(raw, "SET TimeZone TO 'UTC'")); // as EventStore::prepare: the same text
    return raw;
}

// PQexec, the whole result fetched; fails unless it has `rows` rows. Returns row 0, column 0.
QByteArray rawQuery(PGconn *raw, const QByteArray &sql, int rows = 1)
{
    PGresult *r = PQexec(raw, sql.constData());
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != rows)
        fail(QStringLiteral("libpq: %1 (%2 rows) in %3")
                 .arg(QString::fromUtf8(PQerrorMessage(raw)))
                 .arg(PQntuples(r))
                 .arg(QString::fromUtf8(sql)));
    const QByteArray first(rows > 0 ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    return first;
}

// The same, prepared once per text (PQprepare) and then run by name, as EventStore runs the
// statements it repeats: the strongest baseline for a page read again.
QByteArray rawPrepared(PGconn *raw, const QByteArray &sql, int rows)
{
    static std::map<QByteArray, QByteArray> names;
    auto it = names.find(sql);
    if (it == names.end()) {
        const QByteArray name = "bench_" + QByteArray::number(qulonglong(names.size()));
        PGresult *p = PQprepare(raw, name.constData(), sql.constData(), 0, nullptr);
        if (PQresultStatus(p) != PGRES_COMMAND_OK)
            fail(QStringLiteral("libpq: %1").arg(QString::fromUtf8(PQerrorMessage(raw))));
        PQclear(p);
        it = names.emplace(sql, name).first;
    }
    PGresult *r = PQexecPrepared(raw, it->second.constData(), 0, nullptr, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != rows)
        fail(QStringLiteral("libpq: %1 in %2").arg(QString::fromUtf8(PQerrorMessage(raw)), QString::fromUtf8(sql)));
    const QByteArray first(rows > 0 ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    return first;
}

// The same again, framed as every read of a read-only Statescope session is: one round trip
// of BEGIN READ ONLY, the session's settings for this transaction (set_config(..., true)),
// the prepared statement and COMMIT (pg::Connection::pipeline). What the frame costs is what
// reading can never write and a pooler's server sessions keep no setting of ours.
QByteArray rawFramed(PGconn *raw, const QByteArray &sql, int rows)
{
    static std::map<QByteArray, QByteArray> names;
    const auto prepared = [&](const QByteArray &text, int params) {
        auto it = names.find(text);
        if (it == names.end()) {
            const QByteArray name = "framed_" + QByteArray::number(qulonglong(names.size()));
            PGresult *p = PQprepare(raw, name.constData(), text.constData(), params, nullptr);
            if (PQresultStatus(p) != PGRES_COMMAND_OK)
                fail(QStringLiteral("libpq: %1").arg(QString::fromUtf8(PQerrorMessage(raw))));
            PQclear(p);
            it = names.emplace(text, name).first;
        }
        return it->second;
    };
    const QByteArray settings = prepared("SELECT set_config($1, $2, true)", 2);
    const QByteArray statement = prepared(sql, 0);
    const char *values[] = {"TimeZone", "UTC"};
    if (PQenterPipelineMode(raw) != 1 || PQsendQueryParams(raw, "BEGIN READ ONLY", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1
        || PQsendQueryPrepared(raw, settings.constData(), 2, values, nullptr, nullptr, 0) != 1
        || PQsendQueryPrepared(raw, statement.constData(), 0, nullptr, nullptr, nullptr, 0) != 1
        || PQsendQueryParams(raw, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1 || PQpipelineSync(raw) != 1)
        fail(QStringLiteral("libpq: %1").arg(QString::fromUtf8(PQerrorMessage(raw))));
    QByteArray first;
    for (int step = 0; step < 4; ++step) {
        while (PGresult *r = PQgetResult(raw)) {
            const ExecStatusType st = PQresultStatus(r);
            if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
                fail(QStringLiteral("libpq: %1 in %2").arg(QString::fromUtf8(PQerrorMessage(raw)), QString::fromUtf8(sql)));
            if (step == 2) {
                if (PQntuples(r) != rows)
                    fail(QStringLiteral("libpq: %1 rows in %2").arg(PQntuples(r)).arg(QString::fromUtf8(sql)));
                first = QByteArray(rows > 0 ? PQgetvalue(r, 0, 0) : "");
            }
            PQclear(r);
        }
    }
    PGresult *sync = PQgetResult(raw);
    if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC)
        fail(QStringLiteral("libpq: no pipeline sync"));
    PQclear(sync);
    PQexitPipelineMode(raw);
    return first;
}

// bench_events_<N> with exactly N events: reused when it has them, else seeded afresh.
pg::ConnectionSettings benchDatabase(qint64 events)
{
    const pg::ConnectionSettings server = test::serverSettings();
    const QString name = QStringLiteral("bench_events_%1").arg(events);
    const weekly::ServerAdmin admin(server);
    if (admin.exists(name)) {
        qint64 have = -1;
        try {
            auto c = pg::Connection::open(server.withDatabase(name));
            have = c->exec(QStringLiteral("SELECT count(*) FROM raw.api_events")).toLongLong(0, 0);
        } catch (const Error &) {
        }
        if (have == events)
            return server.withDatabase(name);
        std::fprintf(stderr, "%s holds %lld events, not %lld: seeding it again\n", qPrintable(name),
                     static_cast<long long>(have), static_cast<long long>(events));
        test::dropDatabase(name);
    }
    admin.create(name);
    demo::DemoOptions o;
    o.events = events;
    o.games = 0;
    o.snapshots = 0;
    QElapsedTimer t;
    t.start();
    int shown = -1;
    CancelToken token;
    TaskContext ctx(token, [&](int done, int total, const QString &text) {
        const int percent = total > 0 ? int(qint64(done) * 100 / total) : 0;
        if (percent / 5 != shown / 5) {
            shown = percent;
            std::fprintf(stderr, "seeding %s: %3d%%  %6.0f s  %s\n", qPrintable(name), percent,
                         ms(t) / 1000, qPrintable(text));
        }
    });
    demo::seed(*pg::Connection::open(server.withDatabase(name)), o, &ctx);
    std::fprintf(stderr, "seeded %lld events in %.1f s\n", static_cast<long long>(events),
                 ms(t) / 1000);
    return server.withDatabase(name);
}

// EventStore's columns and order, as SQL text for libpq.
const QByteArray kSelect =
    "SELECT id, fetched_at, endpoint, request_key, status_code, pg_column_size(payload), "
    "payload_hash FROM raw.api_events WHERE ";
const QByteArray kTimed = " fetched_at IS NOT NULL ORDER BY fetched_at DESC, id DESC";

void benchPages(const pg::ConnectionSettings &db, qint64 rows, int reps)
{
    auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
    EventStore store(*conn);
    store.prepare();
    PGconn *raw = rawConnection(db);
    auto endpoints = store.endpoints(); // the most frequent one, by the planner's estimate
    if (endpoints.empty())
        fail(QStringLiteral("no endpoints"));
    std::sort(endpoints.begin(), endpoints.end(),
              [](const auto &a, const auto &b) { return a.estimate > b.estimate; });
    EventFilter one;
    one.endpoints = {endpoints.front().endpoint};
    const QByteArray name = one.endpoints.front().toUtf8();
    char *quoted = PQescapeLiteral(raw, name.constData(), size_t(name.size()));
    const QByteArray endpointSql = QByteArray("endpoint = ") + quoted + " AND";
    PQfreemem(quoted);
    constexpr int kLimit = 200;
    auto page = [&](const EventFilter &f, const std::optional<events::EventKey> &from) {
        if (store.page(f, from, EventStore::Direction::Older, kLimit).size() != size_t(kLimit))
            fail(QStringLiteral("short page"));
    };
    const QString libpq = QStringLiteral("libpq PQexec, same SQL, open connection");

    double ours = 0, base = 0;
    std::tie(ours, base) = timePair(
        reps, [&] { page({}, std::nullopt); },
        [&] { rawQuery(raw, kSelect + kTimed + " LIMIT 200", kLimit); });
    reportTimes(QStringLiteral("first page, 200 rows, EventStore::page"), ours, libpq, base);
    std::tie(ours, base) = timePair(
        reps, [&] { page({}, std::nullopt); },
        [&] { rawPrepared(raw, kSelect + kTimed + " LIMIT 200", kLimit); });
    reportTimes(QStringLiteral("the same, again"), ours, QStringLiteral("libpq, same SQL prepared"), base);
    std::tie(ours, base) = timePair(
        reps, [&] { page({}, std::nullopt); },
        [&] { rawFramed(raw, kSelect + kTimed + " LIMIT 200", kLimit); });
    reportTimes(QStringLiteral("the same, again"), ours,
                QStringLiteral("libpq, same SQL prepared, in the same read-only frame"), base);
    // Where the difference goes: turning the page's times into QDateTime, client side.
    const auto firstRows = store.page({}, std::nullopt, EventStore::Direction::Older, kLimit);
    std::vector<double> parse;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        for (const auto &row : firstRows)
            if (!events::timeFromServer(row.time).isValid())
                fail(QStringLiteral("bad time %1").arg(QString::fromLatin1(row.time)));
        parse.push_back(ms(t));
    }
    std::printf("  (of which events::timeFromServer for the 200 times: %.2f ms)\n", median(parse));
    std::tie(ours, base) = timePair(
        reps, [&] { page(one, std::nullopt); },
        [&] { rawQuery(raw, kSelect + endpointSql + kTimed + " LIMIT 200", kLimit); });
    reportTimes(QStringLiteral("the same, endpoint = %1").arg(one.endpoints.front()), ours, libpq,
                base);
    std::tie(ours, base) = timePair(
        reps, [&] { page(one, std::nullopt); },
        [&] { rawPrepared(raw, kSelect + endpointSql + kTimed + " LIMIT 200", kLimit); });
    reportTimes(QStringLiteral("the same, again"), ours, QStringLiteral("libpq, same SQL prepared"), base);

    // The key of the row half-way down, found once with OFFSET (not measured).
    const QByteArray offset = " OFFSET " + QByteArray::number(rows / 2) + " LIMIT 1";
    const events::EventKey middle{
        rawQuery(raw, "SELECT fetched_at FROM raw.api_events WHERE" + kTimed + offset),
        rawQuery(raw, "SELECT id FROM raw.api_events WHERE" + kTimed + offset).toLongLong()};
    const Timestamp middleTime = *Timestamp::fromServer(middle.time);
    const QString depth = QStringLiteral("%L1 rows deep").arg(rows / 2);
    const QString top = QStringLiteral("first page (EventStore::page)");
    std::tie(ours, base) = timePair(
        reps, [&] { page({}, middle); }, [&] { page({}, std::nullopt); });
    reportTimes(QStringLiteral("page %1, keyset").arg(depth), ours, top, base);
    std::tie(ours, base) = timePair(
        reps,
        [&] {
            if (store.pageAt({}, middleTime, kLimit).size() != size_t(kLimit))
                fail(
                    QStringLiteral("short page at %1").arg(middleTime.toIso()));
        },
        [&] { page({}, std::nullopt); });
    reportTimes(QStringLiteral("page %1, time jump (pageAt)").arg(depth), ours, top, base);
    PQfinish(raw);
}

void benchScroll(const pg::ConnectionSettings &db, qint64 rows)
{
    constexpr int kWindow = 50;
    const int total = int(std::min<qint64>(rows, 1'000'000));
    models::EventTableModel model;
    model.setDatabase(db);
    model.setFilter({});
    if (!waitFor([&] { return model.rowCount() > 0 && !model.isLoading(); }))
        fail(QStringLiteral("the first page did not load"));
    // A view painting rows first..first+49 asks for each; true once all are loaded.
    auto shows = [&](int first) {
        bool all = true;
        for (int r = first; r < std::min(first + kWindow, model.rowCount()); ++r) {
            model.data(model.index(r, models::EventTableModel::TimeColumn));
            all = all && model.rowAt(r) != nullptr;
        }
        return all;
    };
    QElapsedTimer t;
    t.start();
    int step = kWindow, maxCached = 0, mark = 0, r = 0;
    const double rssAtTop = memoryMb().first;
    auto print = [&](int visited) {
        const auto [rss, hwm] = memoryMb();
        std::printf("scroll %3d%%: %8d rows visited  VmRSS %6.1f MB  VmHWM %6.1f MB  "
                    "cachedRows %5d  %6.1f s\n",
                    mark * 25, visited, rss, hwm, model.cachedRows(), ms(t) / 1000);
        std::fflush(stdout);
        if (mark++ == 4)
            report({QStringLiteral("VmRSS after scrolling %L1 rows (VmHWM %2)")
                        .arg(visited)
                        .arg(hwm, 0, 'f', 1),
                    QStringLiteral("MB"), QStringLiteral("VmRSS at the top (0%)"),
                    QStringLiteral("< 300 MB"), rss, rssAtTop, hwm < 300});
    };
    print(0);
    for (; r < total && r < model.rowCount(); r += step) {
        if (!waitFor([&] { return shows(r); }))
            fail(QStringLiteral("rows %1.. did not load").arg(r));
        maxCached = std::max(maxCached, model.cachedRows());
        while (mark < 4 && r + kWindow >= qint64(total) * mark / 4)
            print(r + kWindow);
        if (step == kWindow && r >= total / 50 && ms(t) * total / r > 180000) {
            step = 4 * kWindow;
            std::printf("(every row would take over 3 min: from row %d on, windows of %d rows "
                        "every %d rows; fetching stays contiguous by keyset)\n",
                        r, kWindow, step);
        }
    }
    print(std::min(r, model.rowCount()));
    std::printf("scroll: %d model rows, cachedRows at most %d (cap %d), %.1f s\n", model.rowCount(),
                maxCached, models::EventTableModel::kMaxCached, ms(t) / 1000);
}

void benchExport(const pg::ConnectionSettings &db, qint64 rows, int reps)
{
    const qint64 want = std::min<qint64>(rows, 1'000'000);
    PGconn *raw = rawConnection(db);
    EventFilter filter;
    QByteArray where = "TRUE AND";
    if (rows > want) { // the newest ~1M: since the time of row 1M
        filter.since = Timestamp::fromServer(
            rawQuery(raw, "SELECT fetched_at FROM raw.api_events WHERE" + kTimed + " OFFSET " +
                              QByteArray::number(want - 1) + " LIMIT 1"));
        where = "fetched_at >= '" + filter.since->toIso().toLatin1() + "'::timestamptz AND";
    }
    // exportEvents' statement (its second COPY, of events without a time, is left out).
    const QByteArray copy = "COPY (SELECT id, fetched_at, endpoint, request_key, status_code, "
                            "payload_hash, payload FROM raw.api_events WHERE " +
                            where + kTimed + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    QTemporaryDir dir(QStringLiteral("/tmp/bench_events-XXXXXX"));
    auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
    events::ExportRequest request;
    request.filter = filter;
    request.path = dir.filePath(QStringLiteral("ours.csv"));
    request.expectedRows = want;
    events::ExportResult ours;
    const QString basePath = dir.filePath(QStringLiteral("libpq.csv"));
    qint64 baseBytes = 0, baseRows = 0;
    const auto [oursMs, baseMs] = timePair(
        reps, [&] { ours = events::exportEvents(*conn, request, nullptr); },
        [&] {
            FILE *out = std::fopen(basePath.toLocal8Bit().constData(), "wb");
            PGresult *r = PQexec(raw, copy.constData());
            if (!out || PQresultStatus(r) != PGRES_COPY_OUT)
                fail(QStringLiteral("COPY: %1").arg(QString::fromUtf8(PQerrorMessage(raw))));
            PQclear(r);
            baseBytes = 0;
            baseRows = -1; // the header
            char *buf = nullptr;
            int n = 0;
            while ((n = PQgetCopyData(raw, &buf, 0)) > 0) {
                if (std::fwrite(buf, 1, size_t(n), out) != size_t(n))
                    fail(QStringLiteral("fwrite failed"));
                baseBytes += n;
                ++baseRows;
                PQfreemem(buf);
            }
            for (; (r = PQgetResult(raw)); PQclear(r))
                if (PQresultStatus(r) != PGRES_COMMAND_OK)
                    fail(QStringLiteral("COPY: %1").arg(QString::fromUtf8(PQerrorMessage(raw))));
            std::fclose(out);
        },
        [&] {
            QFile::remove(request.path);
            QFile::remove(basePath);
        });
    std::printf("export: ours %lld rows, %.1f MB, %.0f ms; libpq %lld rows, %.1f MB, %.0f ms%s\n",
                static_cast<long long>(ours.rows), ours.bytes / 1e6, oursMs,
                static_cast<long long>(baseRows), baseBytes / 1e6, baseMs,
                ours.bytes == baseBytes ? " (same bytes)" : " (SIZES DIFFER)");
    const double rate = ours.rows / oursMs, baseRate = baseRows / baseMs;
    const double mbs = ours.bytes / oursMs, baseMbs = baseBytes / baseMs;
    report({QStringLiteral("export %L1 rows to CSV, exportEvents").arg(ours.rows),
            QStringLiteral("rows/s"), QStringLiteral("libpq COPY TO STDOUT + fwrite"),
            QStringLiteral(">= 70%"), rate * 1000, baseRate * 1000, rate / baseRate >= 0.7});
    report({QStringLiteral("the same"), QStringLiteral("MB/s"),
            QStringLiteral("libpq COPY TO STDOUT + fwrite"), QStringLiteral(">= 70%"), mbs / 1000,
            baseMbs / 1000, mbs / baseMbs >= 0.7});
    PQfinish(raw);
}

// {"ships":[...]}: ship objects shaped like the game's, until the text is `size` bytes.
QByteArray shipsJson(qsizetype size)
{
    QByteArray out("{\"ships\":[");
    out.reserve(size + 4096);
    char buf[1024];
    for (int i = 0; out.size() < size; ++i) {
        const int n = std::snprintf(
            buf, sizeof buf,
            R"(%s{"symbol":"BENCH-%X","nav":{"waypoint":"X1-K%d-A%d","route":{"x":%d,"y":%d,)"
            R"("arrival":"2025-01-06T13:%02d:%02d.%03dZ"},"status":"IN_ORBIT"},"fuel":{"current":)"
            R"(%d,"capacity":400},"frame":{"condition":0.%03d,"integrity":1.0},"cargo":{"units":)"
            R"(%d,"inventory":[{"symbol":"IRON_ORE","about":"Ferrous \u2014 \"the backbone\".",)"
            R"("units":%d},{"symbol":"ICE_WATER","units":%d}]},"mounts":[{"symbol":"LASER_II",)"
            R"("deposits":["IRON_ORE","COPPER_ORE"]}],"cooldown":null,"autopilot":%s})",
            i ? "," : "", unsigned(i), i % 97, i % 89, i * 7 % 1000 - 500, i * 13 % 1000 - 500,
            i % 60, i % 59, i % 1000, i % 400, i % 1000, i % 60, i % 30, i % 30,
            i % 2 ? "true" : "false");
        out.append(buf, n);
    }
    return out + "]}";
}

void benchJson(int reps)
{
    const QByteArray bytes = shipsJson(50 * 1024 * 1024);
    gui::JsonView view;
    view.resize(1000, 700);
    view.show();
    QCoreApplication::processEvents();
    auto *tree = view.findChild<QTreeView *>(QStringLiteral("jsonTree"));
    if (!tree)
        fail(QStringLiteral("no jsonTree"));
    nlohmann::json parsed;
    size_t ships = 0;
    const auto [ours, base] = timePair(
        reps,
        [&] {
            view.setRawText(bytes, QStringLiteral("bench"));
            const QAbstractItemModel *m = tree->model();
            if (!waitFor([&] { return m->rowCount() > 0 && m->rowCount(m->index(0, 0)) > 0; },
                         120000))
                fail(QStringLiteral("the tree did not show the document"));
        },
        [&] {
            parsed = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
        },
        [&] {
            ships = parsed.at("ships").size();
            parsed = nullptr; // freed outside the timing
        });
    std::printf("json: %.1f MB, %zu ships\n", bytes.size() / 1e6, ships);
    report({QStringLiteral("JsonView::setRawText, %1 MB, root's children shown")
                .arg(bytes.size() / 1e6, 0, 'f', 1),
            QStringLiteral("ms"), QStringLiteral("nlohmann::json::parse of the bytes (floor)"),
            QStringLiteral("< 1000 ms"), ours, base, ours < 1000});
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv); // a QGuiApplication for the model, widgets for JsonView
    QLoggingCategory::setFilterRules(QStringLiteral("default.debug=false"));
    const QStringList args = app.arguments();
    qint64 events =
        option(args, QStringLiteral("--events"), QStringLiteral("1000000")).toLongLong();
    const int reps =
        std::max(1, option(args, QStringLiteral("--reps"), QStringLiteral("15")).toInt());
    const int pageReps =
        std::max(1, option(args, QStringLiteral("--page-reps"), QStringLiteral("201")).toInt());
    const int exportReps =
        std::max(1, option(args, QStringLiteral("--export-reps"), QStringLiteral("3")).toInt());
    try {
        pg::ConnectionSettings db;
        if (const QString given = option(args, QStringLiteral("--db")); !given.isEmpty())
            db = pg::ConnectionSettings::parse(given);
        else
            db = benchDatabase(events);
        events = pg::Connection::open(db)
                     ->exec(QStringLiteral("SELECT count(*) FROM raw.api_events"))
                     .toLongLong(0, 0);
        std::printf("database %s: %lld events; medians after one warm-up of %d (pages), %d "
                    "(export), %d (JSON)\n",
                    qPrintable(db.database()), static_cast<long long>(events), pageReps, exportReps,
                    reps);
        benchPages(db, events, pageReps);
        benchScroll(db, events);
        benchExport(db, events, exportReps);
        benchJson(reps);
        if (args.contains(QStringLiteral("--drop")) && !args.contains(QStringLiteral("--db")))
            test::dropDatabase(db.database());
    } catch (const Error &e) {
        fail(e.message());
    }
    std::printf("\n| measurement | ours | baseline (same run) | ratio | target | holds |\n"
                "|---|---:|---|---:|---:|---|\n");
    for (const Figure &f : figures)
        std::printf("| %s | %.2f %s | %s: %.2f %s | %.2f | %s | %s |\n", qPrintable(f.what), f.ours,
                    qPrintable(f.unit), qPrintable(f.baseline), f.base, qPrintable(f.unit),
                    f.ours / f.base, qPrintable(f.target), f.holds ? "yes" : "no");
    return 0;
}
