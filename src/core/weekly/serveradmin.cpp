#include "serveradmin.h"

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

ServerAdmin::ServerAdmin(pg::ConnectionSettings server, const migrate::MigrationSet &migrations)
    : m_server(std::move(server)), m_migrations(migrations)
{
    if (m_server.database().isEmpty())
        m_server.setValue(QStringLiteral("dbname"), detail::kMaintenanceDb);
}

pg::ConnectionSettings ServerAdmin::databaseSettings(const QString &name) const
{
    return m_server.withDatabase(name);
}

std::unique_ptr<pg::Connection> ServerAdmin::maintenance(TaskContext *ctx) const
{
    return pg::Connection::open(m_server, pg::Connection::Access::ReadWrite,
                                ctx ? &ctx->cancelToken() : nullptr);
}

QString ServerAdmin::identity(pg::Connection &conn)
{
    try {
        return conn.exec(QStringLiteral("SELECT system_identifier::text FROM pg_control_system()"))
            .value(0, 0);
    } catch (const Error &e) {
        if (e.kind() == Error::Kind::Connection || e.kind() == Error::Kind::Cancelled)
            throw;
        return {}; // not allowed to read it: runs are then found by the connection's name
    }
}

QString ServerAdmin::copySource(const QString &name) const
{
    const auto week = WeeklyName::parse(name);
    if (!week)
        return {};
    auto conn = maintenance(nullptr);
    const auto r = conn->exec(QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE "
                                             "replace($1, '_', '\\_') || '\\_%' AND datistemplate = false"),
                              {week->prefix()});
    std::optional<WeeklyName> newest;
    for (int i = 0; i < r.rowCount(); ++i) {
        const auto other = WeeklyName::parse(r.value(i, 0));
        if (other && other->prefix() == week->prefix() && !(*other == *week) && (!newest || *newest < *other))
            newest = other;
    }
    return newest && !isStatescopes(newest->databaseName()) ? newest->databaseName() : QString();
}

bool ServerAdmin::exists(const QString &name) const
{
    auto conn = maintenance(nullptr);
    return conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name})
               .rowCount() > 0;
}

void ServerAdmin::requireExists(pg::Connection &conn, const QString &name) const
{
    if (conn.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name})
            .rowCount() == 0)
        throw Error(Error::Kind::NotFound,
                    tr("The database %1 does not exist on %2.").arg(name, m_server.displayName()));
}

WeeklyName ServerAdmin::nextWeek(const QString &prefix) const
{
    validatePrefix(prefix);
    auto conn = maintenance(nullptr);
    const auto r = conn->exec(QStringLiteral("SELECT datname FROM pg_database"));
    std::optional<WeeklyName> newest;
    for (int i = 0; i < r.rowCount(); ++i) {
        const auto w = WeeklyName::parse(r.value(i, 0));
        if (w && w->prefix() == prefix && (!newest || *newest < *w))
            newest = w;
    }
    return newest ? newest->next() : WeeklyName::forDate(prefix, QDate::currentDate());
}

void ServerAdmin::createDatabase(pg::Connection &conn, const QString &name,
                                 const DatabaseProperties *like, QStringList *warnings) const
{
    // CREATE DATABASE cannot run inside a transaction block and takes no parameters:
    // the name is validated above and quoted by the server's rules here. A database made
    // again (a reset, a restore) keeps its encoding, locale and tablespace.
    const QString plain = QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'")
                              .arg(conn.quoteIdentifier(name));
    if (!like)
        return conn.exec(plain), void();
    try {
        conn.exec(like->createStatement(conn, name));
    } catch (const Error &e) {
        // A locale or tablespace this server does not have (any more): made the plain way,
        // and said so, rather than not at all (a reset is past its drop here).
        if (e.kind() != Error::Kind::Query || !warnings)
            throw;
        conn.exec(plain);
        *warnings << tr("%1 could not be made as it was (%2); it was made with the server's default encoding, "
                        "locale and tablespace.")
                         .arg(name, e.message());
    }
}

QString ServerAdmin::buildingName(const QString &name)
{
    // At most 63 bytes, as every database name.
    QString stem = name;
    while (stem.toUtf8().size() > 63 - 12)
        stem.chop(1);
    return stem + QStringLiteral("_ss_building");
}

void ServerAdmin::dropBuilding(const QString &name) const
{
    auto conn = maintenance(nullptr);
    const QString building = buildingName(name);
    if (conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {building}).rowCount())
        dropDatabase(*conn, building); // half made by a killed reset: its schema only, nothing of anyone's
}

DatabaseInfo ServerAdmin::create(const QString &name, const QString &reason, TaskContext *ctx) const
{
    validateDatabaseName(name);
    detail::step(ctx, 0, 3, tr("Creating %1").arg(name));
    auto conn = maintenance(ctx);
    conn->requirePrimary(tr("Creating %1").arg(name));
    if (conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name}).rowCount())
        throw Error(Error::Kind::Conflict, tr("The database %1 already exists.").arg(name));
    // The family's newest week, when Statescope did not create it, is the template.
    const QString like = copySource(name);
    SchemaCopy copy;
    if (!like.isEmpty()) {
        detail::step(ctx, 0, 3, tr("Copying the schema of %1").arg(like));
        copy = SchemaCopier::capture(databaseSettings(like), paths::backupDir(), ctx);
    }
    // Journalled like a drop: a run killed between CREATE DATABASE and the end leaves a
    // half-made database that db recover must know of (intent, created, done or failed).
    ActionOptions options;
    options.reason = reason;
    ActionResult run;
    run.serverId = identity(*conn);
    run.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    journalPhase(QStringLiteral("create"), name, options, run.operationId, QStringLiteral("intent"),
                 {{"like", like.toStdString()}}, &run);
    createDatabase(*conn, name, copy.properties ? &*copy.properties : nullptr);
    journalPhase(QStringLiteral("create"), name, options, run.operationId, QStringLiteral("created"), {}, &run);
    try {
        auto db = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadWrite,
                                       ctx ? &ctx->cancelToken() : nullptr);
        nlohmann::json details = {{"server", m_server.displayName().toStdString()}};
        if (like.isEmpty()) {
            detail::step(ctx, 1, 3, tr("Migrating %1").arg(name));
            migrate::Migrator(m_migrations).migrate(*db, nullptr);
        } else {
            detail::step(ctx, 1, 3, tr("Creating the schema of %1 like %2").arg(name, like));
            SchemaCopier::apply(copy, databaseSettings(name), m_server, ctx);
            SchemaCopier::discard(copy);
            details["like"] = like.toStdString();
        }
        if (audit::hasAuditTable(*db))
            audit::writeToDatabase(*db, {QStringLiteral("create"), name, reason, details});
        if (!like.isEmpty())
            audit::appendToJournal({QStringLiteral("create"), name, reason, details});
    } catch (...) {
        SchemaCopier::discard(copy);
        // The database was created empty a moment ago: removing it loses nothing and
        // leaves the server as it was (then, and only then, the run is closed).
        try {
            dropDatabase(*conn, name);
            journalPhase(QStringLiteral("create"), name, options, run.operationId, QStringLiteral("failed"),
                         {{"dropped", true}}, &run);
        } catch (const Error &) {
        }
        throw;
    }
    journalPhase(QStringLiteral("create"), name, options, run.operationId, QStringLiteral("done"), {}, &run);
    detail::step(ctx, 3, 3, tr("Created %1").arg(name));
    DatabaseInfo info;
    info.name = name;
    info.weekly = WeeklyName::parse(name);
    info.managed = like.isEmpty();
    info.schemaVersion = like.isEmpty() ? m_migrations.latestVersion() : 0;
    return info;
}

migrate::SchemaStatus ServerAdmin::schemaStatus(const QString &name) const
{
    validateDatabaseName(name);
    auto db = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadOnlySelf);
    return migrate::Migrator(m_migrations).status(*db);
}

migrate::MigrationReport ServerAdmin::migrate(const QString &name, bool dryRun, TaskContext *ctx) const
{
    validateDatabaseName(name);
    auto db = pg::Connection::open(databaseSettings(name),
                                   dryRun ? pg::Connection::Access::ReadOnlySelf
                                          : pg::Connection::Access::ReadWrite,
                                   ctx ? &ctx->cancelToken() : nullptr);
    return migrate::Migrator(m_migrations).migrate(*db, ctx, dryRun);
}

DestructivePreview ServerAdmin::preview(const QString &name) const
{
    validateDatabaseName(name);
    auto conn = maintenance(nullptr);
    requireExists(*conn, name);
    DestructivePreview p;
    p.name = name;
    const auto size = conn->exec(
        QStringLiteral("SELECT pg_database_size(datname) FROM pg_database WHERE datname = $1"),
        {name});
    p.sizeBytes = size.toLongLong(0, 0);
    const auto sessions = conn->exec(QStringLiteral(
        "SELECT coalesce(usename, '?') || '@' || coalesce(nullif(application_name, ''), '?') "
        "  || coalesce(' (' || host(client_addr) || ')', ' (local)') "
        "FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() "
        "  AND application_name IS DISTINCT FROM $2 ORDER BY pid"),
        {name, pg::Connection::ownApplicationName()}); // this Statescope's own panes are not counted
    p.sessions = sessions.rowCount();
    for (int i = 0; i < sessions.rowCount(); ++i)
        p.sessionDescriptions << sessions.value(i, 0);
    conn.reset();

    auto db = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadOnlySelf);
    const migrate::SchemaStatus st = migrate::Migrator(m_migrations).status(*db);
    p.schemaVersion = st.currentVersion;
    p.ownSchema = !st.hasHistory && !st.foreignTables.isEmpty();
    p.recreateWith = p.ownSchema
                         ? tr("its own schema: a schema-only copy of itself taken after the dump "
                              "(tables, indexes, functions, triggers, policies, grants, database "
                              "settings%1), not Statescope's weekly schema")
                               .arg(st.managedBy.isEmpty()
                                        ? QString()
                                        : tr(", and the history rows of %1").arg(st.managedBy.join(QStringLiteral(", "))))
                         : tr("Statescope's weekly schema, version %1").arg(m_migrations.latestVersion());
    const auto tables = db->exec(QStringLiteral(
        "SELECT n.nspname, c.relname, c.reltuples::bigint, c.relpages "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "  AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "  AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2"));
    for (int i = 0; i < tables.rowCount(); ++i) {
        const QString schema = tables.value(i, 0);
        const QString table = tables.value(i, 1);
        qint64 rows = tables.toLongLong(i, 2);
        // The planner's estimate is free but unknown (-1) before the first ANALYZE;
        // small tables are cheap to count exactly, big ones keep the estimate.
        constexpr int kExactCountPages = 1280; // 10 MB
        if (rows < 0 || tables.toLongLong(i, 3) <= kExactCountPages)
            rows = db->exec(QStringLiteral("SELECT count(*) FROM %1.%2")
                                .arg(db->quoteIdentifier(schema), db->quoteIdentifier(table)))
                       .toLongLong(0, 0);
        p.tables.append({schema + QLatin1Char('.') + table, rows});
        p.estimatedRows += rows;
    }
    return p;
}

void ServerAdmin::requireConfirmation(const QString &name, const QString &confirmation) const
{
    if (confirmation != name)
        throw Error::invalidInput(
            tr("The confirmation \"%1\" does not match the database name %2; nothing was changed.")
                .arg(confirmation, name),
            tr("Type the database name exactly to confirm."));
}

int ServerAdmin::dropDatabase(pg::Connection &conn, const QString &name) const
{
    // Terminate first so we can report how many sessions were cut off; WITH (FORCE)
    // then catches any that connected in between.
    const auto killed = conn.exec(QStringLiteral(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = $1 AND pid <> pg_backend_pid()"),
        {name});
    conn.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(conn.quoteIdentifier(name)));
    return killed.toInt(0, 0);
}

void ServerAdmin::journal(const QString &action, const QString &name, const QString &reason,
                          const nlohmann::json &details, ActionResult *result) const
{
    audit::Entry entry{action, name, reason, details, m_server.displayName()};
    QString why;
    if (!audit::appendToJournal(entry, &why))
        result->warnings << tr("The local audit journal could not be written: %1").arg(why);
}

void ServerAdmin::journalPhase(const QString &action, const QString &name,
                               const ActionOptions &options, const QString &op,
                               const QString &phase, const nlohmann::json &details,
                               ActionResult *result) const
{
    audit::Entry entry{action, name, options.reason, details, m_server.displayName()};
    entry.serverId = result->serverId;
    entry.op = op;
    entry.phase = phase;
    QString why;
    if (audit::appendToJournal(entry, &why))
        return;
    // Without its intent on record a killed run would leave no trace: refuse to start.
    if (phase == QLatin1String("intent"))
        throw Error(Error::Kind::Environment,
                    tr("The local audit journal %1 could not be written, so %2 was not "
                       "started; nothing was changed.")
                        .arg(paths::journalPath(), name),
                    why);
    result->warnings << tr("The local audit journal could not be written: %1").arg(why);
}

void ServerAdmin::fenceDumpAndDrop(pg::Connection &conn, const QString &action,
                                   const QString &name, const ActionOptions &options,
                                   ActionResult *result, TaskContext *ctx, int totalSteps,
                                   const std::function<int()> &afterDump,
                                   const nlohmann::json &intentDetails,
                                   DatabaseProperties *properties) const
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
        const bool down = fence.isKept() || fence.lowerNow();
        journalPhase(action, name, options, op,
                     down ? QStringLiteral("failed") : QStringLiteral("interrupted"),
                     {{"error", e.message().toStdString()},
                      {"dropped", fence.isKept()},
                      {"fence_lowered", down},
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

bool ServerAdmin::isStatescopes(const QString &name) const
{
    auto db = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadOnlySelf);
    return db->exec(QStringLiteral(
                       "SELECT to_regclass('statescope.schema_history') IS NOT NULL OR NOT EXISTS "
                       "(SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', "
                       "'information_schema') AND n.nspname NOT LIKE 'pg\\_%')"))
        .toBool(0, 0);
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

ActionResult ServerAdmin::restore(const QString &name, const QString &dumpFile,
                                  const QString &reason, TaskContext *ctx,
                                  const std::optional<DatabaseProperties> &properties,
                                  const QString &auditAs, const QString &forMove) const
{
    validateDatabaseName(name);
    ActionResult result;
    result.name = name;
    result.dumpPath = dumpFile;
    auto conn = maintenance(ctx);
    conn->requirePrimary(tr("Restoring %1").arg(name));
    if (conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name}).rowCount())
        throw Error(Error::Kind::Conflict,
                    tr("The database %1 exists; restore only into a free name.").arg(name),
                    {}, tr("Drop it first (which dumps it), or restore under another name."));
    const std::optional<DatabaseProperties> before = properties ? properties : propertiesOfDump(dumpFile);
    detail::step(ctx, 0, 3, tr("Restoring %1 from %2").arg(name, dumpFile));
    // Journalled: a restore killed midway leaves a half-made database db recover knows of.
    ActionOptions options;
    options.reason = reason;
    result.serverId = identity(*conn);
    result.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString absoluteDump = QFileInfo(dumpFile).absoluteFilePath();
    nlohmann::json intent = {{"dump", absoluteDump.toStdString()}};
    if (!forMove.isEmpty())
        intent["move_op"] = forMove.toStdString();
    journalPhase(QStringLiteral("restore"), name, options, result.operationId, QStringLiteral("intent"), intent,
                 &result);
    createDatabase(*conn, name, before ? &*before : nullptr, &result.warnings);
    // Its oid: which database of that name this run made (recovering a move drops only that one).
    journalPhase(QStringLiteral("restore"), name, options, result.operationId, QStringLiteral("created"),
                 {{"oid", conn->exec(QStringLiteral("SELECT oid::bigint FROM pg_database WHERE datname = $1"), {name})
                              .toLongLong(0, 0)}},
                 &result);
    try {
        restoreDatabase(databaseSettings(name), dumpFile, ctx);
    } catch (const Error &e) {
        // The half-made database goes again (a full disk, a broken dump): then the run is
        // over. When it cannot go, the run stays open and the error says so.
        try {
            dropDatabase(*conn, name);
            journalPhase(QStringLiteral("restore"), name, options, result.operationId, QStringLiteral("failed"),
                         {{"dropped", true}}, &result);
        } catch (const Error &left) {
            throw Error(e.kind(),
                        e.message() + QLatin1Char(' ')
                            + tr("The half-made %1 could not be dropped again (%2); statescope-cli db recover lists it.")
                                  .arg(name, left.oneLine()),
                        e.detail());
        }
        throw;
    }
    nlohmann::json details = {{"dump", dumpFile.toStdString()}};
    {
        auto db = pg::Connection::open(databaseSettings(name));
        const auto st = migrate::Migrator(m_migrations).status(*db);
        result.schemaVersion = st.currentVersion;
        if (!auditAs.isEmpty() && audit::hasAuditTable(*db))
            audit::writeToDatabase(*db, {auditAs, name, reason, details});
    }
    detail::step(ctx, 2, 3, tr("Putting back the owner, settings and grants of %1").arg(name));
    if (before) {
        result.warnings << before->apply(*conn, name);
        details["properties"] = before->toJson();
    } else {
        result.warnings << tr("No run on record took %1, so the database's owner, settings, "
                              "connection limit and grants are the server's defaults.")
                               .arg(dumpFile);
    }
    journalPhase(QStringLiteral("restore"), name, options, result.operationId, QStringLiteral("done"), details, &result);
    detail::step(ctx, 3, 3, tr("Restored %1").arg(name));
    return result;
}

std::optional<DatabaseProperties> propertiesOfDump(const QString &dumpFile)
{
    const QList<audit::Entry> lines = audit::readJournal(std::numeric_limits<int>::max());
    const QString canonical = QFileInfo(dumpFile).canonicalFilePath();
    QString op;
    for (const audit::Entry &e : lines) {
        const auto d = e.details.value("dump", nlohmann::json());
        if (e.phase == QLatin1String("dumped") && d.is_string()) {
            const QString path = QString::fromStdString(d.get<std::string>());
            if (path == dumpFile || (!canonical.isEmpty() && QFileInfo(path).canonicalFilePath() == canonical)) {
                op = e.op;
                break;
            }
        }
    }
    if (op.isEmpty())
        return std::nullopt;
    for (const audit::Entry &e : lines)
        if (e.op == op && e.phase == QLatin1String("intent"))
            return DatabaseProperties::fromJson(e.details.value("properties", nlohmann::json()));
    return std::nullopt;
}

} // namespace statescope::weekly
