// Comparing resets: the same query over several weekly databases at once, one thread and
// one connection per database, at most kParallel connected at a time.

#include "metrics.h"

#include "core/error.h"
#include "core/metrics/metricsinternal.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <QTimeZone>

#include <condition_variable>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

namespace statescope::metrics {

namespace {

// A family can hold a year of weeks; the server's max_connections is shared with others.
constexpr std::ptrdiff_t kParallel = 8;

WeekResult runWeek(const pg::ConnectionSettings &db, const Query &query, Align align, CancelToken *token)
{
    WeekResult week;
    const QString database = db.database();
    week.database = database;
    try {
        if (token)
            token->throwIfCancelled();
        auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, token);
        const auto start = resetStart(*conn);
        if (start)
            week.resetStart = *start;
        Query q = query;
        if (align == Align::Reset) {
            if (!start)
                throw Error(Error::Kind::NotFound,
                            Metrics::tr("%1 holds no events, plays or snapshots: there is no "
                                        "reset start to align on.")
                                .arg(database));
            // Buckets counted from the reset, so bucket k is "the k-th hour of the week"
            // in every database; the bounds are offsets from the reset as well.
            q.origin = *start;
            const qint64 startMs = start->toMSecsSinceEpoch();
            if (query.since.isValid())
                q.since = fromMs(startMs + query.since.toMSecsSinceEpoch());
            if (query.until.isValid())
                q.until = fromMs(startMs + query.until.toMSecsSinceEpoch());
        }
        week.set = run(*conn, q);
        if (align == Align::Reset) {
            const qint64 startMs = start->toMSecsSinceEpoch();
            for (Series &s : week.set.series) {
                for (Point &p : s.points)
                    p.t = QDateTime::fromSecsSinceEpoch(
                        (p.t.toMSecsSinceEpoch() - startMs) / 1000, QTimeZone::utc());
            }
        }
    } catch (const Error &e) {
        week.error = e.oneLine();
    } catch (const std::exception &e) {
        week.error = QString::fromLocal8Bit(e.what());
    }
    return week;
}

} // namespace

QList<WeekResult> compare(const pg::ConnectionSettings &server, const QStringList &databases,
                          const Query &query, Align align, TaskContext *ctx)
{
    QList<pg::ConnectionSettings> weeks;
    for (const QString &d : databases)
        weeks << server.withDatabase(d);
    return compare(weeks, query, align, ctx);
}

QList<WeekResult> compare(const QList<pg::ConnectionSettings> &databases, const Query &query, Align align,
                          TaskContext *ctx)
{
    validate(query); // a bad query is the caller's mistake, not each week's failure
    if (ctx)
        ctx->throwIfCancelled();
    const qsizetype n = databases.size();
    std::vector<WeekResult> results(static_cast<size_t>(n));
    std::counting_semaphore<kParallel> gate{kParallel};
    std::mutex mutex;
    std::condition_variable changed;
    qsizetype done = 0;
    CancelToken *token = ctx ? &ctx->cancelToken() : nullptr;

    std::vector<std::thread> threads;
    threads.reserve(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            gate.acquire();
            results[size_t(i)] = runWeek(databases[i], query, align, token);
            gate.release();
            {
                const std::lock_guard lock(mutex);
                ++done;
            }
            changed.notify_all();
        });
    }
    // Progress is reported from the caller's thread only, as each week finishes.
    {
        std::unique_lock lock(mutex);
        qsizetype reported = -1;
        while (reported < n) {
            changed.wait(lock, [&] { return done != reported; });
            reported = done;
            if (ctx) {
                lock.unlock();
                ctx->progress(int(reported), int(n),
                              Metrics::tr("%1 of %2 weeks done").arg(reported).arg(n));
                lock.lock();
            }
        }
    }
    for (std::thread &t : threads)
        t.join();
    if (ctx)
        ctx->throwIfCancelled();
    return QList<WeekResult>(results.begin(), results.end());
}

} // namespace statescope::metrics
