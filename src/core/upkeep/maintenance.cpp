#include "core/upkeep/maintenance.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/upkeep/journal_p.h"

#include <QRegularExpression>

#include <atomic>
#include <exception>
#include <thread>

namespace statescope::upkeep {

using layout::quoteIdent;

namespace {

struct Range
{
    const char *name;
    bool real;
    double min, max;
};

// PostgreSQL 15's autovacuum storage parameters and their ranges (reloptions.c).
const Range kVacuumOptions[] = {
    {"autovacuum_vacuum_threshold", false, 0, 2147483647},
    {"autovacuum_vacuum_scale_factor", true, 0, 100},
    {"autovacuum_vacuum_insert_threshold", false, -1, 2147483647},
    {"autovacuum_vacuum_insert_scale_factor", true, 0, 100},
    {"autovacuum_analyze_threshold", false, 0, 2147483647},
    {"autovacuum_analyze_scale_factor", true, 0, 100},
    {"autovacuum_vacuum_cost_delay", true, -1, 100},
    {"autovacuum_vacuum_cost_limit", false, 1, 10000},
    {"autovacuum_freeze_min_age", false, 0, 1000000000},
    {"autovacuum_freeze_max_age", false, 100000, 2000000000},
    {"autovacuum_freeze_table_age", false, 0, 2000000000},
    {"autovacuum_multixact_freeze_min_age", false, 0, 1000000000},
    {"autovacuum_multixact_freeze_max_age", false, 10000, 2000000000},
    {"autovacuum_multixact_freeze_table_age", false, 0, 2000000000},
    {"log_autovacuum_min_duration", false, -1, 2147483647},
};

struct Named
{
    QString schema, name;
    QString qualified() const { return quoteIdent(schema) + QLatin1Char('.') + quoteIdent(name); }
    QString display() const { return schema + QLatin1Char('.') + name; }
};

// A relation named "schema.name", or "name" on the search path, of the given kinds.
Named resolve(pg::Connection &conn, const QString &name, const QString &kinds, const QString &what)
{
    const auto r = catalog::resolveRelation(conn, name, kinds);
    if (r.rowCount() != 1)
        throw Error(Error::Kind::NotFound,
                    r.rowCount() == 0 ? Maintenance::tr("%1 has no %2 named %3.").arg(conn.database(), what, name)
                                      : Maintenance::tr("%1 names more than one %2; give its schema too.").arg(name, what));
    return {r.value(0, 0), r.value(0, 1)};
}

QString firstOf(const QStringList &have, const QStringList &wanted)
{
    for (const QString &w : wanted)
        if (have.contains(w))
            return w;
    return {};
}

void requireConfirmation(pg::Connection &conn, const QString &confirm, const QString &nothing)
{
    if (confirm != conn.database())
        throw Error::invalidInput(Maintenance::tr("The confirmation does not match the database name %1; %2")
                                      .arg(conn.database(), nothing));
}

QDateTime timeOf(const pg::Result &r, int row, int col)
{
    return r.isNull(row, col) ? QDateTime() : QDateTime::fromString(r.value(row, col), Qt::ISODate);
}

} // namespace

JobsArchivePlan Maintenance::planJobsArchive(pg::Connection &conn, int days, const QString &table)
{
    if (days < 0 || days > 36500)
        throw Error::invalidInput(tr("%1 days is out of range: 0 to 36500.").arg(days));
    const Named jobs = resolve(conn, table.isEmpty() ? QStringLiteral("processing_jobs") : table,
                               QStringLiteral("{r,p}"), tr("table"));
    auto columnsOf = [&](const Named &t) {
        QMap<QString, QString> cols;
        const auto r = catalog::columnTypes(conn, t.qualified());
        QStringList order;
        for (int i = 0; i < r.rowCount(); ++i) {
            cols.insert(r.value(i, 0), r.value(i, 1));
            order << r.value(i, 0);
        }
        return std::make_pair(order, cols);
    };
    const auto [order, types] = columnsOf(jobs);
    JobsArchivePlan plan;
    plan.days = days;
    plan.table = jobs.display();
    plan.doneColumn = firstOf(order, {QStringLiteral("is_complete"), QStringLiteral("completed"), QStringLiteral("done"),
                                      QStringLiteral("is_done")});
    plan.timeColumn = firstOf(order, {QStringLiteral("finishes_at"), QStringLiteral("finished_at"),
                                      QStringLiteral("completed_at")});
    if (plan.doneColumn.isEmpty() || types.value(plan.doneColumn) != QLatin1String("boolean") || plan.timeColumn.isEmpty()
        || !types.value(plan.timeColumn).startsWith(QLatin1String("timestamp")))
        throw Error::invalidInput(tr("%1 has no boolean is_complete (or completed, done) column and no finishes_at "
                                     "(or finished_at, completed_at) time: it is not a jobs table Statescope can archive.")
                                      .arg(plan.table));
    const Named archive = resolve(conn, jobs.schema + QLatin1Char('.') + jobs.name + QStringLiteral("_archive"),
                                  QStringLiteral("{r,p}"), tr("archive table"));
    plan.archive = archive.display();
    const auto [archiveOrder, archiveTypes] = columnsOf(archive);
    QStringList missing;
    for (const QString &c : order) {
        if (archiveTypes.value(c) != types.value(c))
            missing << c;
        else
            plan.columns << c;
    }
    if (!missing.isEmpty())
        throw Error::invalidInput(tr("%1 lacks %2 of %3 (or has another type): nothing would be archived.")
                                      .arg(plan.archive, missing.join(QStringLiteral(", ")), plan.table));
    // A foreign key ON DELETE CASCADE / SET NULL / SET DEFAULT would change (or delete) rows
    // of other tables that no archive keeps: refused, named.
    const auto actions = catalog::deletingForeignKeys(conn, jobs.qualified());
    if (!actions.isNull(0, 0))
        throw Error::invalidInput(tr("Deleting from %1 would also change %2: nothing is archived while a foreign key "
                                     "acts on delete.")
                                      .arg(plan.table, actions.value(0, 0)));
    QStringList cols;
    for (const QString &c : plan.columns)
        cols << quoteIdent(c);
    const QString where = QStringLiteral("%1 AND %2 < now() - make_interval(days => %3)")
                              .arg(quoteIdent(plan.doneColumn), quoteIdent(plan.timeColumn))
                              .arg(days);
    plan.statement = QStringLiteral("WITH moved AS (DELETE FROM %1 WHERE %2 RETURNING %3) INSERT INTO %4 (%3) SELECT %3 FROM moved")
                         .arg(jobs.qualified(), where, cols.join(QStringLiteral(", ")), archive.qualified());
    plan.rows = conn.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(jobs.qualified(), where)).toLongLong(0, 0);
    return plan;
}

JobsArchivePlan Maintenance::archiveJobs(pg::Connection &conn, int days, const QString &table, const QString &confirm,
                                         const QString &reason)
{
    requireConfirmation(conn, confirm, tr("nothing was archived."));
    conn.requirePrimary(tr("Archiving jobs"));
    JobsArchivePlan plan = planJobsArchive(conn, days, table);
    detail::RunJournal journal(QStringLiteral("archive_jobs"), conn.database() + QLatin1Char(' ') + plan.table, reason);
    journal.intent({{"statement", plan.statement.toStdString()}, {"expected_rows", plan.rows}});
    try {
        plan.rows = conn.transaction([&] {
            conn.exec(QStringLiteral("SELECT set_config('lock_timeout', '5s', true)"));
            const qint64 moved = conn.exec(plan.statement).affectedRows();
            journal.audit(conn, {{"archive", plan.archive.toStdString()}, {"rows", moved}, {"days", days}});
            return moved;
        });
    } catch (const Error &e) {
        journal.phase("failed", {{"error", e.oneLine().toStdString()}});
        throw;
    }
    journal.phase("done", {{"rows", plan.rows}});
    return plan;
}

QStringList Maintenance::vacuumOptionNames()
{
    QStringList names{QStringLiteral("autovacuum_enabled")};
    for (const Range &r : kVacuumOptions)
        names << QLatin1String(r.name);
    return names;
}

QList<TableVacuum> Maintenance::vacuumSettings(pg::Connection &conn)
{
    const auto r = catalog::vacuumSettings(conn);
    QList<TableVacuum> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        TableVacuum t;
        t.schema = r.value(i, 0);
        t.table = r.value(i, 1);
        for (const QString &opt : r.value(i, 2).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString name = opt.section(QLatin1Char('='), 0, 0);
            if (name.startsWith(QLatin1String("autovacuum_")) || name == QLatin1String("log_autovacuum_min_duration"))
                t.options.insert(name, opt.section(QLatin1Char('='), 1));
        }
        t.liveRows = r.toLongLong(i, 3);
        t.deadRows = r.toLongLong(i, 4);
        t.lastAutovacuum = timeOf(r, i, 5);
        t.lastAutoanalyze = timeOf(r, i, 6);
        out << t;
    }
    return out;
}

QStringList Maintenance::vacuumChanges(const QMap<QString, QString> &changes)
{
    if (changes.isEmpty())
        throw Error::invalidInput(tr("No setting to change."));
    QStringList out;
    static const QRegularExpression integer(QStringLiteral("^-?[0-9]{1,12}$"));
    static const QRegularExpression real(QStringLiteral("^-?[0-9]{1,12}(\\.[0-9]{1,12})?$"));
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString &name = it.key(), &value = it.value();
        if (!vacuumOptionNames().contains(name))
            throw Error::invalidInput(tr("%1 is not an autovacuum setting; these are: %2.")
                                          .arg(name, vacuumOptionNames().join(QStringLiteral(", "))));
        if (value.isEmpty()) {
            out << QStringLiteral("RESET ") + name;
            continue;
        }
        if (name == QLatin1String("autovacuum_enabled")) {
            if (value != QLatin1String("true") && value != QLatin1String("false"))
                throw Error::invalidInput(tr("autovacuum_enabled is true or false, not %1.").arg(value));
        } else {
            const auto r = std::find_if(std::begin(kVacuumOptions), std::end(kVacuumOptions),
                                        [&](const Range &o) { return name == QLatin1String(o.name); });
            const bool ok = (r->real ? real : integer).match(value).hasMatch();
            const double v = value.toDouble();
            if (!ok || v < r->min || v > r->max)
                throw Error::invalidInput(tr("%1 takes %2 from %3 to %4, not %5.")
                                              .arg(name, r->real ? tr("a number") : tr("a whole number"))
                                              .arg(r->min, 0, 'g', 12)
                                              .arg(r->max, 0, 'g', 12)
                                              .arg(value));
        }
        out << name + QStringLiteral(" = ") + value;
    }
    return out;
}

TableVacuum Maintenance::setVacuumSettings(pg::Connection &conn, const QString &table,
                                           const QMap<QString, QString> &changes, const QString &confirm,
                                           const QString &reason)
{
    QStringList set, reset;
    for (const QString &c : vacuumChanges(changes)) {
        if (c.startsWith(QLatin1String("RESET ")))
            reset << c.mid(6);
        else
            set << c;
    }
    requireConfirmation(conn, confirm, tr("nothing was changed."));
    conn.requirePrimary(tr("Changing autovacuum settings"));
    const Named t = resolve(conn, table, QStringLiteral("{r,m}"), tr("table (or partition, or materialized view)"));
    TableVacuum before;
    for (const TableVacuum &v : vacuumSettings(conn))
        if (v.schema == t.schema && v.table == t.name)
            before = v;
    nlohmann::json was = nlohmann::json::object(), now = nlohmann::json::object();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        was[it.key().toStdString()] = before.options.contains(it.key()) ? nlohmann::json(before.options.value(it.key()).toStdString())
                                                                         : nlohmann::json(nullptr);
        now[it.key().toStdString()] = it.value().isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(it.value().toStdString());
    }
    detail::RunJournal journal(QStringLiteral("autovacuum"), conn.database() + QLatin1Char(' ') + t.display(), reason);
    journal.intent({{"before", was}, {"after", now}});
    try {
        conn.transaction([&] {
            conn.exec(QStringLiteral("SELECT set_config('lock_timeout', '5s', true)"));
            if (!set.isEmpty())
                conn.exec(QStringLiteral("ALTER TABLE %1 SET (%2)").arg(t.qualified(), set.join(QStringLiteral(", "))));
            if (!reset.isEmpty())
                conn.exec(QStringLiteral("ALTER TABLE %1 RESET (%2)").arg(t.qualified(), reset.join(QStringLiteral(", "))));
            journal.audit(conn, {{"before", was}, {"after", now}});
        });
    } catch (const Error &e) {
        journal.phase("failed", {{"error", e.oneLine().toStdString()}});
        throw;
    }
    journal.phase("done", {});
    for (const TableVacuum &v : vacuumSettings(conn))
        if (v.schema == t.schema && v.table == t.name)
            return v;
    return before;
}

QList<IndexInfo> Maintenance::indexes(pg::Connection &conn, int limit)
{
    const auto r = catalog::largestIndexes(conn, limit);
    QList<IndexInfo> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out << IndexInfo{r.value(i, 0), r.value(i, 1), r.value(i, 2), r.toLongLong(i, 3), r.toBool(i, 4), r.value(i, 5)};
    return out;
}

IndexInfo Maintenance::reindex(pg::Connection &conn, const pg::ConnectionSettings &settings, const QString &index,
                               const QString &confirm, const QString &reason, TaskContext *ctx)
{
    requireConfirmation(conn, confirm, tr("nothing was rebuilt."));
    conn.requirePrimary(tr("Rebuilding an index"));
    const Named idx = resolve(conn, index, QStringLiteral("{i}"), tr("index"));
    const QString table = catalog::tableOfIndex(conn, idx.qualified());
    const QString statement = QStringLiteral("REINDEX INDEX CONCURRENTLY %1").arg(idx.qualified());
    detail::RunJournal journal(QStringLiteral("reindex"), conn.database() + QLatin1Char(' ') + idx.display(), reason);
    journal.intent({{"statement", statement.toStdString()}});
    // Its own session (REINDEX CONCURRENTLY runs outside a transaction), on a thread of its
    // own, while this one reads its progress.
    auto writer = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
    const int pid = writer->backendPid();
    std::exception_ptr failure;
    std::atomic<bool> finished = false;
    std::thread run([&] {
        try {
            writer->exec(statement);
        } catch (...) {
            failure = std::current_exception();
        }
        finished = true;
    });
    bool cancelled = false;
    while (!finished) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (finished)
            break;
        if (ctx && ctx->isCancelled() && !cancelled) {
            writer->cancel();
            cancelled = true;
        }
        if (!ctx || cancelled)
            continue;
        try {
            // By the table, not the session's pid: behind a pooler the pid the session was
            // given is not the server's.
            const auto p = conn.exec(QStringLiteral("SELECT phase, blocks_total, blocks_done, tuples_total, tuples_done "
                                                    "FROM pg_stat_progress_create_index WHERE relid = $1::regclass "
                                                    "AND command = 'REINDEX CONCURRENTLY' "
                                                    "AND datid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                                                    "ORDER BY pid = $2 DESC LIMIT 1"),
                                     {table, pid});
            if (p.rowCount() == 1) {
                const qint64 total = p.toLongLong(0, 1) > 0 ? p.toLongLong(0, 1) : p.toLongLong(0, 3);
                const qint64 done = p.toLongLong(0, 1) > 0 ? p.toLongLong(0, 2) : p.toLongLong(0, 4);
                const int permille = total > 0 ? int(std::min<qint64>(1000, done * 1000 / total)) : 0;
                ctx->progress(permille, 1000, tr("Rebuilding %1: %2").arg(idx.display(), p.value(0, 0)));
            }
        } catch (const Error &) {
            // Progress is a courtesy: the rebuild goes on without it.
        }
    }
    run.join();
    if (failure) {
        // An interrupted REINDEX CONCURRENTLY leaves its new copy behind, invalid, named
        // <index>_ccnew[N] (and, late in the swap, the old one as _ccold): drop them, so that
        // the table is as it was. On the writer, which has no cancel token: a cancelled task
        // still cleans up.
        QString leftover;
        try {
            for (const QString &copy : catalog::reindexLeftovers(*writer, table, idx.name))
                writer->exec(QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1").arg(copy));
        } catch (const Error &e) {
            leftover = tr("The unfinished copy of %1 could not be dropped (%2): drop the invalid index ending in "
                          "_ccnew on %3 by hand.")
                           .arg(idx.display(), e.oneLine(), table);
        }
        try {
            std::rethrow_exception(failure);
        } catch (const Error &e) {
            journal.phase("failed", {{"error", e.oneLine().toStdString()}, {"cancelled", cancelled},
                                     {"leftover", leftover.toStdString()}});
            if (cancelled && leftover.isEmpty())
                throw Error::cancelled();
            if (!leftover.isEmpty())
                throw Error(cancelled ? Error::Kind::Cancelled : e.kind(), e.message() + QLatin1Char(' ') + leftover,
                            e.detail(), e.hint(), e.sqlstate());
            throw;
        }
    }
    journal.phase("done", {});
    journal.audit(*writer, {{"statement", statement.toStdString()}});
    for (const IndexInfo &i : indexes(conn, 100000))
        if (i.schema == idx.schema && i.name == idx.name)
            return i;
    IndexInfo gone;
    gone.schema = idx.schema;
    gone.table = table;
    gone.name = idx.name;
    return gone;
}

CronListing Maintenance::cronJobs(pg::Connection &conn, const pg::ConnectionSettings &settings)
{
    CronListing out;
    // cron.database_name is for superusers (and pg_read_all_settings) only; anyone sees
    // where pg_cron's launcher is connected, which is that database.
    try {
        out.cronDatabase = conn.exec(QStringLiteral("SELECT current_setting('cron.database_name', true)")).value(0, 0);
    } catch (const Error &e) {
        if (e.sqlstate() != QLatin1String("42501"))
            throw;
    }
    if (out.cronDatabase.isEmpty())
        out.cronDatabase = conn.exec(QStringLiteral("SELECT d.datname FROM pg_stat_activity a JOIN pg_database d ON "
                                                    "d.oid = a.datid WHERE a.backend_type = 'pg_cron launcher' LIMIT 1"))
                               .value(0, 0);
    if (out.cronDatabase.isEmpty()) {
        out.problem = tr("The server does not run pg_cron (it is not in shared_preload_libraries).");
        return out;
    }
    try {
        auto cron = out.cronDatabase == conn.database()
                        ? std::unique_ptr<pg::Connection>()
                        : pg::Connection::open(settings.withDatabase(out.cronDatabase), pg::Connection::Access::ReadOnly);
        pg::Connection &c = cron ? *cron : conn;
        if (c.exec(QStringLiteral("SELECT to_regclass('cron.job') IS NOT NULL")).toBool(0, 0) == false) {
            out.problem = tr("pg_cron is loaded, but its extension is not created in %1.").arg(out.cronDatabase);
            return out;
        }
        const bool perDatabase = catalog::hasColumn(c, QStringLiteral("cron.job"), QStringLiteral("jobname"));
        const auto r = c.exec(
            QStringLiteral("SELECT j.jobid, %1, j.schedule, j.command, j.database, j.username, j.active, "
                           "d.status, d.return_message, "
                           "to_char(d.start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                           "to_char(d.end_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                           "FROM cron.job j LEFT JOIN LATERAL (SELECT * FROM cron.job_run_details r "
                           "WHERE r.jobid = j.jobid ORDER BY r.start_time DESC NULLS LAST LIMIT 1) d ON true "
                           "WHERE j.database = $1 ORDER BY j.jobid")
                .arg(perDatabase ? QStringLiteral("j.jobname") : QStringLiteral("NULL::text")),
            {conn.database()});
        for (int i = 0; i < r.rowCount(); ++i) {
            CronJob j;
            j.id = r.toLongLong(i, 0);
            j.name = r.value(i, 1);
            j.schedule = r.value(i, 2);
            j.command = r.value(i, 3);
            j.database = r.value(i, 4);
            j.user = r.value(i, 5);
            j.active = r.toBool(i, 6);
            j.lastStatus = r.value(i, 7);
            j.lastMessage = r.value(i, 8);
            j.lastStart = timeOf(r, i, 9);
            j.lastEnd = timeOf(r, i, 10);
            out.jobs << j;
        }
        out.available = true;
    } catch (const Error &e) {
        if (e.kind() == Error::Kind::Cancelled)
            throw;
        out.problem = tr("pg_cron's jobs in %1 could not be read: %2").arg(out.cronDatabase, e.oneLine());
    }
    return out;
}

} // namespace statescope::upkeep
