#include "core/browse/familyquery.h"

#include "core/browse/console.h"
#include "core/browse/rows.h"
#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"

#include <QElapsedTimer>

#include <atomic>
#include <mutex>
#include <thread>

namespace statescope::browse {

void FamilyQuery::check(const QString &sql, const Options &options)
{
    const QList<ScriptStatement> statements = splitScript(sql);
    if (statements.size() != 1)
        throw Error::invalidInput(statements.isEmpty()
                                      ? tr("There is no statement to run.")
                                      : tr("Run one statement on the weeks, not %1.").arg(statements.size()));
    if (classify(statements.first().text) != StatementKind::Query)
        throw Error::invalidInput(tr("Only a statement that returns rows (SELECT, WITH, VALUES, TABLE) runs on "
                                     "the weeks of a family."));
    if (const QString write = SqlGuard::writeInQuery(statements.first().text); !write.isEmpty())
        throw Error::invalidInput(tr("The statement uses %1, which a read-only transaction refuses; nothing was sent "
                                     "to any week.")
                                      .arg(write));
    if (options.parallelism < 1 || options.parallelism > 16)
        throw Error::invalidInput(tr("Run on 1 to 16 weeks at once, not %1.").arg(options.parallelism));
    if (options.timeoutMs < 0 || options.batchRows < 1)
        throw Error::invalidInput(tr("The timeout and the batch size must be positive."));
}

QList<FamilyQuery::Target> FamilyQuery::targetsOf(const QList<weekly::FamilyWeek> &weeks)
{
    QList<Target> targets;
    targets.reserve(weeks.size());
    for (const weekly::FamilyWeek &w : weeks)
        targets.append({w.name.isoWeekString(), w.database(), w.server, w.settings,
                        w.info.takesConnections
                            ? QString()
                            : (w.missing ? w.info.problem
                                         : tr("%1 takes no connections now (a reset or drop may be under way).")
                                               .arg(w.database()))});
    return targets;
}

void FamilyQuery::run(const QList<weekly::FamilyWeek> &weeks, const QString &sql, const Options &options,
                      const std::function<bool(const FamilyBatch &)> &sink, CancelToken &cancel)
{
    run(targetsOf(weeks), sql, options, sink, cancel);
}

void FamilyQuery::run(const QList<Target> &weeks, const QString &sql, const Options &options,
                      const std::function<bool(const FamilyBatch &)> &sink, CancelToken &cancel)
{
    check(sql, options);
    const QString statement = splitScript(sql).first().text;
    std::mutex sinkLock;
    std::atomic_bool stopped{false};
    const auto deliver = [&](const FamilyBatch &b) {
        std::lock_guard guard(sinkLock);
        if (stopped)
            return false;
        if (!sink(b)) {
            stopped = true;
            cancel.cancel();
            return false;
        }
        return true;
    };
    std::atomic<int> next{0};
    const auto work = [&] {
        for (;;) {
            const int i = next++;
            if (i >= weeks.size() || stopped || cancel.isCancelled())
                return;
            const Target &w = weeks[i];
            FamilyBatch head;
            head.week = i;
            head.label = w.label;
            head.database = w.database;
            head.server = w.server;
            if (!w.unavailable.isEmpty()) {
                head.kind = FamilyBatch::Kind::Unavailable;
                head.error = w.unavailable;
                if (!deliver(head))
                    return;
                continue;
            }
            QElapsedTimer timer;
            timer.start();
            // A week whose connection is lost before it sent a row is asked once more, on a
            // new connection: reading twice changes nothing, and a failover (a formation's,
            // or a multi-host string's) leaves another server to answer. One that sent rows
            // already fails, as said below: asking again would send them twice.
            bool startedSent = false;
            for (int attempt = 0;; ++attempt) {
                try {
                    auto conn = pg::Connection::open(w.settings, pg::Connection::Access::ReadOnly, &cancel);
                    FamilyBatch started = head;
                    started.kind = FamilyBatch::Kind::Started;
                    if (!startedSent && !deliver(started))
                        return;
                    startedSent = true;
                    QueryCursor cursor(*conn, statement, {}, options.timeoutMs, QueryCursor::Origin::User);
                    for (;;) {
                        const pg::Result r = cursor.next(options.batchRows);
                        FamilyBatch b = head;
                        b.columns = cursor.columnNames();
                        for (int c = 0; c < r.columnCount(); ++c)
                            b.types << r.columnType(c);
                        b.rows.reserve(size_t(r.rowCount()));
                        for (int row = 0; row < r.rowCount(); ++row) {
                            std::vector<std::optional<QByteArray>> cells(size_t(r.columnCount()));
                            for (int c = 0; c < r.columnCount(); ++c)
                                if (!r.isNull(row, c))
                                    cells[size_t(c)] = r.bytes(row, c);
                            b.rows.push_back(std::move(cells));
                        }
                        head.rowsSoFar += r.rowCount();
                        b.rowsSoFar = head.rowsSoFar;
                        if ((r.rowCount() > 0 || head.rowsSoFar == 0) && !deliver(b))
                            return;
                        if (r.rowCount() < options.batchRows)
                            break;
                    }
                    cursor.close();
                    FamilyBatch done = head;
                    done.kind = FamilyBatch::Kind::Done;
                    done.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
                    if (!deliver(done))
                        return;
                } catch (const Error &e) {
                    if (e.kind() == Error::Kind::Cancelled || cancel.isCancelled())
                        return;
                    if (e.kind() == Error::Kind::Connection && head.rowsSoFar == 0 && attempt == 0)
                        continue;
                    FamilyBatch failed = head;
                    failed.kind = FamilyBatch::Kind::Failed;
                    failed.error = e.oneLine();
                    failed.sqlstate = e.sqlstate();
                    failed.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
                    if (!deliver(failed))
                        return;
                } catch (const std::exception &e) {
                    FamilyBatch failed = head;
                    failed.kind = FamilyBatch::Kind::Failed;
                    failed.error = QString::fromLocal8Bit(e.what());
                    if (!deliver(failed))
                        return;
                }
                break;
            }
        }
    };
    std::vector<std::thread> threads;
    const int n = std::min<int>(options.parallelism, int(weeks.size()));
    for (int t = 0; t < n; ++t)
        threads.emplace_back(work);
    for (std::thread &t : threads)
        t.join();
    if (cancel.isCancelled() && !stopped)
        throw Error::cancelled();
}

void FamilyColumns::setFrom(const QStringList &columns, const QList<unsigned> &types)
{
    m_columns = columns;
    m_types = types;
    QStringList leading{m_leading};
    if (m_withServer)
        leading << QStringLiteral("server");
    m_header = leading + resultformat::uniqueNames(columns, leading);
}

QList<resultformat::ColumnShape> FamilyColumns::shapes() const
{
    QList<resultformat::ColumnShape> out(m_withServer ? 2 : 1);
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        out.append(c < m_types.size() ? resultformat::shapeOf(m_types[c]) : resultformat::ColumnShape{});
    return out;
}

std::vector<std::optional<QByteArray>> FamilyColumns::place(const FamilyBatch &batch, size_t row,
                                                            QStringList *dropped) const
{
    std::vector<std::optional<QByteArray>> out;
    if (!batch.label.isEmpty()) {
        out.push_back(batch.label.toUtf8());
    } else {
        const auto week = weekly::WeeklyName::parse(batch.database);
        out.push_back((week ? week->isoWeekString() : batch.database).toUtf8());
    }
    if (m_withServer)
        out.push_back(batch.server.toUtf8());
    const auto &cells = batch.rows[row];
    if (batch.columns == m_columns) {
        out.insert(out.end(), cells.begin(), cells.end());
        return out;
    }
    // The k-th column of a name takes the week's k-th column of that name.
    std::vector<bool> used(size_t(batch.columns.size()), false);
    for (const QString &c : m_columns) {
        qsizetype at = -1;
        for (qsizetype i = 0; i < batch.columns.size(); ++i)
            if (!used[size_t(i)] && batch.columns[i] == c) {
                at = i;
                break;
            }
        if (at >= 0)
            used[size_t(at)] = true;
        out.push_back(at >= 0 && size_t(at) < cells.size() ? cells[size_t(at)] : std::nullopt);
    }
    if (dropped)
        for (qsizetype i = 0; i < batch.columns.size(); ++i)
            if (!used[size_t(i)] && !dropped->contains(batch.columns[i]))
                *dropped << batch.columns[i];
    return out;
}

} // namespace statescope::browse
