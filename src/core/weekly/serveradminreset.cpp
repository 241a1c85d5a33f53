// ServerAdmin's reset and drop: the writers fenced off, the database dumped, the dump
// checked against what was written meanwhile, dropped, and for a reset made again as it was.
#include "core/weekly/serveradmin.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"
#include "core/weekly/fence.h"
#include "core/weekly/recovery.h"
#include "core/weekly/retention.h"
#include "core/weekly/schemacopy.h"
#include "core/weekly/serveradmin_p.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <mutex>
#include <thread>

namespace statescope::weekly {

int ServerAdmin::dropDatabase(pg::Connection &conn, const QString &name) const
{
    // Terminate first so we can report how many sessions were cut off; WITH (FORCE)
    // then catches any that connected in between.
    // pg_terminate_backend() in the select list runs for every row the WHERE kept; this
    // Statescope's own panes and the server's own workers (autovacuum) are not counted, as the
    // preview does not count them.
    const auto killed = conn.exec(QStringLiteral(
        "SELECT pg_terminate_backend(pid), application_name IS DISTINCT FROM $2 "
        "  AND backend_type IN ('client backend', 'walsender') "
        "FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()"),
        {name, pg::Connection::ownApplicationName()});
    conn.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(conn.quoteIdentifier(name)));
    int others = 0;
    for (int i = 0; i < killed.rowCount(); ++i)
        others += killed.toBool(i, 0) && killed.toBool(i, 1) ? 1 : 0;
    return others;
}

void ServerAdmin::fenceDumpAndDrop(pg::Connection &conn, const QString &action,
                                   const QString &name, const ActionOptions &options,
                                   ActionResult *result, TaskContext *ctx, int totalSteps,
                                   const std::function<int()> &afterDump,
                                   const nlohmann::json &intentDetails,
                                   DatabaseProperties *properties,
                                   const std::function<bool()> &undo) const
{
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Absolute: the journal names files whatever directory a later run starts in.
    const QString dir = QFileInfo(options.backupDir.isEmpty() ? paths::backupDir() : options.backupDir).absoluteFilePath();
    // A killed run of this database left its fence (and its way back) on record: what is
    // read now would take the fence for the database's own properties. Finish or undo it first.
    for (const IncompleteRun &run : Recovery(*this).incomplete())
        if (run.intent.target == name && run.intent.op != options.resolving)
            throw Error(Error::Kind::Conflict,
                        tr("A %1 of %2 started %3 never finished; nothing was changed.")
                            .arg(run.intent.action, name,
                                 run.intent.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))),
                        run.describe(),
                        tr("Finish it or put %1 back first: statescope-cli db recover --server CONN (or the "
                           "Admin pane's recovery panel).")
                            .arg(name));
    // Every check that can refuse runs before the fence goes up: a refusal changes nothing,
    // the database's sessions included.
    if (options.dump) {
        requireProgram(QStringLiteral("pg_dump"));
        checkDumpSpace(dir, name,
                       conn.exec(QStringLiteral("SELECT pg_database_size($1)"), {name}).value(0, 0).toLongLong());
    }
    // What the database is (owner, settings, limit, grants...), read before the fence
    // changes any of it, and journalled: every way back puts it back.
    const DatabaseProperties before = DatabaseProperties::read(conn, name);
    if (properties)
        *properties = before;
    result->serverId = identity(conn);
    WriterFence fence(conn, name);
    if (options.dump)
        fence.holdWriters(databaseSettings(name), ctx ? &ctx->cancelToken() : nullptr);
    // The database's oid tells a later look whether a killed run got as far as the drop
    // (gone), or the re-creation (there again, under another oid).
    nlohmann::json intent = intentDetails.is_object() ? intentDetails : nlohmann::json::object();
    intent["fence"] = fence.state();
    intent["properties"] = before.toJson();
    intent["dump"] = options.dump;
    intent["backup_dir"] = dir.toStdString();
    intent["oid"] = conn.exec(QStringLiteral("SELECT oid::bigint FROM pg_database WHERE datname = $1"),
                              {name})
                        .toLongLong(0, 0);
    journalPhase(action, name, options, op, QStringLiteral("intent"), intent, result);
    result->operationId = op;
    try {
        detail::step(ctx, 0, totalSteps, tr("Stopping other sessions on %1").arg(name));
        fence.raise();
        if (options.dump) {
            const qint64 size = conn.exec(QStringLiteral("SELECT pg_database_size($1)"), {name})
                                    .value(0, 0)
                                    .toLongLong();
            for (int attempt = 1;; ++attempt) {
                detail::step(ctx, 0, totalSteps, tr("Dumping %1 before the %2").arg(name, action));
                result->dumpPath = dumpDatabase(databaseSettings(name), dir, ctx, size);
                // Our own sessions: the dump's, and what comes after it while the door is
                // still open to us (a schema copy).
                const int own = 1 + (afterDump ? afterDump() : 0);
                if (fence.isQuiet(own))
                    break;
                // Somebody got in and wrote while the dump ran: their rows may be missing.
                QFile::remove(result->dumpPath);
                result->dumpPath.clear();
                if (attempt == 2)
                    throw Error(Error::Kind::Conflict,
                                tr("Other sessions kept connecting to %1 and writing to it while "
                                   "it was being dumped, so the dump might miss what they wrote; "
                                   "nothing was changed.")
                                    .arg(name),
                                {},
                                tr("Stop the programs writing to it (superusers and roles "
                                   "granted CONNECT by name get past the fence), then try "
                                   "again."));
                fence.clear();
            }
            if (!fence.lockProblem().isEmpty())
                result->warnings << tr("Writers were not held off by table locks during the dump "
                                       "(%1); the statistics proved that nobody else wrote.")
                                        .arg(fence.lockProblem());
            journalPhase(action, name, options, op, QStringLiteral("dumped"),
                         {{"dump", result->dumpPath.toStdString()}}, result);
        } else {
            if (afterDump)
                afterDump();
            fence.seal();
        }
        // Past this point the steps are not cancellable: a half-done action helps nobody.
        detail::step(ctx, 1, totalSteps, tr("Dropping %1").arg(name));
        result->terminatedSessions = fence.terminated() + dropDatabase(conn, name);
        fence.keep(); // the database is gone; nothing of the fence is left to lower
    } catch (const Error &e) {
        // Cancelled or failed before the drop: the fence comes down now, and only then is
        // the run closed. When the server cannot be told, the run stays open ("interrupted"
        // does not close it), so db audit and db recover offer to put the fence down.
        // What was made elsewhere (a move's copy) goes first; left there, the run stays open.
        const bool undone = fence.isKept() || !undo || undo();
        const bool down = fence.isKept() || fence.lowerNow();
        journalPhase(action, name, options, op,
                     down && undone ? QStringLiteral("failed") : QStringLiteral("interrupted"),
                     {{"error", e.message().toStdString()},
                      {"dropped", fence.isKept()},
                      {"fence_lowered", down},
                      {"undone", undone},
                      {"dump", result->dumpPath.toStdString()}},
                     result);
        throw;
    }
}

ActionResult ServerAdmin::reset(const QString &name, const QString &confirmation,
                                const ActionOptions &options, TaskContext *ctx) const
{
    validateDatabaseName(name);
    requireConfirmation(name, confirmation);
    ActionResult result;
    result.name = name;
    auto conn = maintenance(ctx);
    conn->requirePrimary(tr("Resetting %1").arg(name));
    requireExists(*conn, name);
    // The new database is built under a name of its own and takes its name only when whole:
    // a writer that reconnects meanwhile, a superuser too, finds no database rather than one
    // without its schema. A database already under that name is a killed reset's: db recover
    // ends that run first.
    const QString building = buildingName(name);
    if (conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {building}).rowCount())
        throw Error(Error::Kind::Conflict,
                    tr("%1 exists: a reset of %2 that never finished was building it; nothing was changed.")
                        .arg(building, name),
                    {}, tr("End that run first: statescope-cli db recover --server CONN."));
    const int total = 4;
    // A database Statescope did not create comes back with its own schema (a schema-only
    // copy of itself, taken after the full dump), never with Statescope's weekly schema.
    const bool own = !isStatescopes(name);
    const QString dir = options.backupDir.isEmpty() ? paths::backupDir() : options.backupDir;
    SchemaCopy copy;
    DatabaseProperties properties;
    fenceDumpAndDrop(
        *conn, QStringLiteral("reset"), name, options, &result, ctx, total,
        [&] {
            if (!own)
                return 0;
            detail::step(ctx, 1, total, tr("Copying the schema of %1").arg(name));
            SchemaCopier::discard(copy); // a copy taken beside a dump that was refused
            copy = SchemaCopier::captureSchema(databaseSettings(name), dir, ctx);
            return copy.sessions;
        },
        {{"statescopes", !own}}, &properties);
    nlohmann::json details = {{"dump", result.dumpPath.toStdString()},
                              {"terminated_sessions", result.terminatedSessions},
                              {"recreated_with", own ? "own schema" : "weekly schema"}};
    try {
        createDatabase(*conn, building, &properties, &result.warnings);
        journalPhase(QStringLiteral("reset"), name, options, result.operationId, QStringLiteral("building"),
                     {{"building", building.toStdString()}}, &result);
        auto db = pg::Connection::open(databaseSettings(building));
        if (own) {
            detail::step(ctx, 2, total, tr("Recreating the schema of %1").arg(name));
            SchemaCopier::apply(copy, databaseSettings(building), m_server, ctx);
            details["schema_copy"] = copy.archive.toStdString();
            if (!copy.historyRows.isEmpty())
                details["history_rows"] = copy.historyRows.toStdString();
            details["histories"] = [&] {
                nlohmann::json a = nlohmann::json::array();
                for (const QString &h : copy.historyTables)
                    a.push_back(h.toStdString());
                return a;
            }();
        } else {
            detail::step(ctx, 2, total, tr("Migrating %1").arg(name));
            const auto report = migrate::Migrator(m_migrations).migrate(*db);
            result.schemaVersion = report.toVersion;
            details["schema_version"] = result.schemaVersion;
        }
        if (audit::hasAuditTable(*db))
            audit::writeToDatabase(*db, {QStringLiteral("reset"), name, options.reason, details});
        db.reset();
        // Whole now: it takes its name (nobody else may be in it for the rename).
        conn->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 "
                                  "AND pid <> pg_backend_pid()"),
                   {building});
        conn->exec(QStringLiteral("ALTER DATABASE %1 RENAME TO %2")
                       .arg(conn->quoteIdentifier(building), conn->quoteIdentifier(name)));
        // Owner, settings, connection limit, grants and comment as they were before the fence.
        detail::step(ctx, 3, total, tr("Putting back the owner, settings and grants of %1").arg(name));
        result.warnings << properties.apply(*conn, name);
    } catch (const Error &e) {
        // Past the drop: the run stays open ("interrupted" closes nothing), so db recover
        // offers to restore the dump or finish the reset.
        details["error"] = e.message().toStdString();
        details["dropped"] = true;
        journalPhase(QStringLiteral("reset"), name, options, result.operationId,
                     QStringLiteral("interrupted"), details, &result);
        throw;
    }
    journalPhase(QStringLiteral("reset"), name, options, result.operationId,
                 QStringLiteral("done"), details, &result);
    applyDumpRetention(name, options, &result);
    return result;
}

void ServerAdmin::applyDumpRetention(const QString &name, const ActionOptions &options,
                                     ActionResult *result) const
{
    const settings::DumpRetention retention = options.retention.value_or(settings::dumpRetention());
    const QString dir = options.backupDir.isEmpty() ? paths::backupDir() : options.backupDir;
    QSet<QString> protect = dumpsOfUnfinishedRuns();
    protect.insert(result->dumpPath);
    const QStringList expired = expiredDumps(dir, name, retention, protect);
    if (expired.isEmpty())
        return;
    nlohmann::json removed = nlohmann::json::array();
    for (const QString &path : expired) {
        if (QFile::remove(path)) {
            result->removedDumps << path;
            removed.push_back(path.toStdString());
        } else {
            result->warnings << tr("The old dump %1 could not be removed.").arg(path);
        }
    }
    if (!removed.empty())
        journal(QStringLiteral("remove-dumps"), name, tr("dump retention"),
                {{"removed", removed}, {"keep", retention.keep}, {"min_age_days", retention.minAgeDays}},
                result);
}

ActionResult ServerAdmin::drop(const QString &name, const QString &confirmation,
                               const ActionOptions &options, TaskContext *ctx) const
{
    validateDatabaseName(name);
    requireConfirmation(name, confirmation);
    ActionResult result;
    result.name = name;
    auto conn = maintenance(ctx);
    conn->requirePrimary(tr("Dropping %1").arg(name));
    requireExists(*conn, name);
    fenceDumpAndDrop(*conn, QStringLiteral("drop"), name, options, &result, ctx, 2);
    journalPhase(QStringLiteral("drop"), name, options, result.operationId,
                 QStringLiteral("done"),
                 {{"dump", result.dumpPath.toStdString()},
                  {"terminated_sessions", result.terminatedSessions}},
                 &result);
    applyDumpRetention(name, options, &result);
    return result;
}

} // namespace statescope::weekly
