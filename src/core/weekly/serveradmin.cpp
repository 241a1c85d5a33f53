#include "core/weekly/serveradmin.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
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
        "  AND backend_type IN ('client backend', 'walsender') "
        "  AND application_name IS DISTINCT FROM $2 ORDER BY pid"),
        // this Statescope's own panes are not counted, nor the server's own workers (autovacuum
        // on a new database), which hold no one's work and DROP DATABASE stops by itself
        {name, pg::Connection::ownApplicationName()});
    p.sessions = sessions.rowCount();
    for (int i = 0; i < sessions.rowCount(); ++i)
        p.sessionDescriptions << sessions.value(i, 0);
    conn.reset();

    auto db = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadOnlySelf);
    db->setTransactionSetting(QStringLiteral("lock_timeout"), QStringLiteral("500ms"));
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
    const auto tables = catalog::tableEstimates(*db);
    for (int i = 0; i < tables.rowCount(); ++i) {
        const QString schema = tables.value(i, 0);
        const QString table = tables.value(i, 1);
        qint64 rows = tables.toLongLong(i, 2);
        // The planner's estimate is free but unknown (-1) before the first ANALYZE;
        // small tables are cheap to count exactly, big ones keep the estimate.
        constexpr int kExactCountPages = 1280; // 10 MB
        // A table another session holds locked (a migration, a game's own LOCK) keeps its
        // estimate rather than holding the preview up until the lock goes.
        if (rows < 0 || tables.toLongLong(i, 3) <= kExactCountPages) {
            try {
                rows = db->exec(QStringLiteral("SELECT count(*) FROM %1.%2")
                                    .arg(db->quoteIdentifier(schema), db->quoteIdentifier(table)))
                           .toLongLong(0, 0);
            } catch (const Error &e) {
                if (e.sqlstate() != QLatin1String("55P03"))
                    throw;
                rows = std::max<qint64>(rows, 0);
            }
        }
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

bool ServerAdmin::isStatescopes(const QString &name) const
{
    auto db = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadOnlySelf);
    return catalog::isStatescopesOrEmpty(*db);
}

} // namespace statescope::weekly
