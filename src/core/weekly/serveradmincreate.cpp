// ServerAdmin's create, migrate and restore: a database built under a name of its own, closed
// to others until it is whole, then renamed; a dump restored the same way.
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

void ServerAdmin::createDatabaseJournalled(pg::Connection &conn, const QString &action, const QString &name,
                                           const DatabaseProperties *like, QStringList *warnings,
                                           const ActionOptions &options, ActionResult *run) const
{
    try {
        createDatabase(conn, name, like, warnings);
    } catch (const Error &e) {
        // Refused before anything was made (a locale, owner or tablespace the server lacks, a
        // name taken meanwhile): the run is over, not left listed as unfinished. When the
        // server cannot be asked, it stays open and db recover looks.
        bool made = true;
        if (e.kind() != Error::Kind::Cancelled) {
            try {
                // On a new session when ours went with the server (a restart): whether the
                // statement made it before is then read from the server as it is now.
                std::unique_ptr<pg::Connection> fresh;
                if (!conn.isAlive())
                    fresh = maintenance(nullptr);
                pg::Connection &ask = fresh ? *fresh : conn;
                made = ask.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name}).rowCount() > 0;
            } catch (const Error &) {
            }
        }
        if (!made)
            journalPhase(action, name, options, run->operationId, QStringLiteral("failed"),
                         {{"created", false}, {"error", e.message().toStdString()}}, run);
        throw;
    }
}

bool ServerAdmin::finishInterruptedDrop(const QString &name, const ActionOptions &options, const QString &action,
                                        const QString &op, ActionResult *result) const
{
    auto conn = maintenance(nullptr);
    conn->requirePrimary(tr("Finishing the drop of %1").arg(name));
    // Only a database the server itself marks invalid: one that still holds its data is
    // never dropped here (db recover dumps those first, through drop()).
    if (!conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1 AND datconnlimit = -2"), {name})
             .rowCount())
        return false;
    journalPhase(action, name, options, op, QStringLiteral("invalid-dropped"),
                 {{"note", "the interrupted DROP DATABASE finished"}}, result);
    conn->exec(QStringLiteral("DROP DATABASE %1").arg(conn->quoteIdentifier(name)));
    return true;
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
    createDatabaseJournalled(*conn, QStringLiteral("create"), name, copy.properties ? &*copy.properties : nullptr,
                             nullptr, options, &run);
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
            if (!conn->isAlive()) // the server restarted under the create: a new session
                conn = maintenance(nullptr);
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
    createDatabaseJournalled(*conn, QStringLiteral("restore"), name, before ? &*before : nullptr, &result.warnings,
                             options, &result);
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
            if (!conn->isAlive()) // the server restarted under the restore: a new session
                conn = maintenance(nullptr);
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
