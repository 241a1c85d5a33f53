#pragma once

#include "core/migrate/migrator.h"
#include "core/pg/connectionsettings.h"
#include "core/settings.h"
#include "core/weekly/dbproperties.h"
#include "core/weekly/weeklyname.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
}
} // namespace statescope

namespace statescope::weekly {

struct DatabaseInfo
{
    QString name;
    std::optional<WeeklyName> weekly; // nullopt: not a weekly database
    qint64 sizeBytes = 0;
    int sessions = 0;       // other backends connected to it (not this process's own)
    bool managed = false;   // has Statescope's migration history
    int schemaVersion = 0;
    int pending = 0;
    bool blocked = false;   // drift or a newer schema: migration refused
    QStringList foreignHistories;
    bool takesConnections = true; // ALLOW_CONNECTIONS (false: a reset or drop may be under way)
    // PostgreSQL marked it invalid (datconnlimit -2): a DROP DATABASE was interrupted (a
    // server restart or crash midway). It cannot be connected to, only dropped.
    bool invalid = false;
    bool inspected = false;       // its schema state was read (else: problem says why not)
    QString problem;        // could not inspect it (permissions, not accepting connections)
};

// What a reset or drop is about to destroy, shown before the user confirms.
struct DestructivePreview
{
    QString name;
    qint64 sizeBytes = 0;
    int sessions = 0;                // other sessions: this process's own are not counted
    QStringList sessionDescriptions; // "user@app (client)" per connected session
    int schemaVersion = 0;
    QList<std::pair<QString, qint64>> tables; // schema.table, estimated rows
    qint64 estimatedRows = 0;
    // What a reset brings back: Statescope's weekly schema for the databases it created;
    // for any other, the database's own schema (a schema-only copy of itself).
    bool ownSchema = false;
    QString recreateWith; // for people
};

struct ActionOptions
{
    QString reason;
    bool dump = true;    // take a pg_dump first (the way back)
    QString backupDir;   // empty: paths::backupDir()
    // Which older dumps of the database go after a reset or drop succeeded; nullopt: the
    // setting (settings::dumpRetention()).
    std::optional<settings::DumpRetention> retention;
    // The unfinished run this action resolves (db recover): a reset or drop is refused while
    // another run of the same database is unfinished, but not the one finishing it.
    QString resolving;
};

struct ActionResult
{
    QString name;
    QString dumpPath;
    int terminatedSessions = 0;
    int schemaVersion = 0;
    QStringList warnings;
    QString operationId; // reset/drop: the id of its lines in the local journal
    QString serverId;    // the server's system identifier, journalled with the run
    QStringList removedDumps; // older dumps the retention setting let go afterwards
};

// One table of a moved week: its rows counted on the source and on the target (-1: absent).
struct MovedTable
{
    QString table; // schema.table
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
};

struct MoveResult
{
    ActionResult result; // the source's run: dump, terminated sessions, journal id
    QString target;      // the target server, for people
    QList<MovedTable> tables;
};

// Server-level administration of a family of weekly databases, through the server's
// maintenance database. Names are validated and quoted; destructive actions demand the
// name typed back, journal their intent, fence writers off (weekly/fence.h), dump, prove
// no writer slipped in during the dump, and only then drop; each step is journalled.
class ServerAdmin
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::ServerAdmin)
public:
    explicit ServerAdmin(pg::ConnectionSettings server,
                         const migrate::MigrationSet &migrations = migrate::MigrationSet::embedded());

    const pg::ConnectionSettings &server() const { return m_server; }
    pg::ConnectionSettings databaseSettings(const QString &name) const;

    // Databases on the server, weekly ones first, grouped by prefix and ordered by week.
    // An empty prefix lists them all. Names, sizes, sessions and whether each takes
    // connections come from one maintenance session; each database is connected to only for
    // what only it can say (its schema version), a few at a time. A database that could not
    // be read, or takes no connections, is listed with its problem, never left out.
    QList<DatabaseInfo> list(const QString &prefix = {}, TaskContext *ctx = nullptr) const;
    // list() in two steps, for a sidebar that must fill at once on a server of hundreds of
    // weeks: the names, sizes and sessions from one statement (a database without CONNECT
    // or taking no connections already carries its problem), then each database's schema
    // state (inspected set), a few connections at a time. A database dropped in between is
    // left out of inspect()'s answer.
    QList<DatabaseInfo> listNames(const QString &prefix = {}, TaskContext *ctx = nullptr) const;
    QList<DatabaseInfo> inspect(QList<DatabaseInfo> databases, TaskContext *ctx = nullptr) const;
    // How many databases list() reads at once.
    static constexpr int kListParallelism = 3;

    // The server's system identifier (pg_control_system()): the same through any connection
    // string, and on a standby promoted in its place. Empty when it cannot be read.
    static QString identity(pg::Connection &conn);
    // This server's identity, read over a session of its own.
    QString systemIdentifier(TaskContext *ctx = nullptr) const;
    bool exists(const QString &name) const;
    // The week after the newest existing one of the family, or the current ISO week.
    WeeklyName nextWeek(const QString &prefix) const;

    // A new database: in a family whose newest week Statescope did not create, a copy of that
    // week's schema without its data (tables, indexes, functions, triggers, policies, the
    // migration tools' history rows, database settings, owner, grants); otherwise Statescope's
    // weekly schema.
    DatabaseInfo create(const QString &name, const QString &reason = {},
                        TaskContext *ctx = nullptr) const;
    // The week a new `name` would be made like (the family's newest, when Statescope did not
    // create it), or empty: Statescope's weekly schema.
    QString copySource(const QString &name) const;
    // Whether `name` is a database Statescope made (its weekly history) or an empty one.
    bool isStatescopes(const QString &name) const;
    migrate::MigrationReport migrate(const QString &name, bool dryRun = false,
                                     TaskContext *ctx = nullptr) const;
    migrate::SchemaStatus schemaStatus(const QString &name) const;
    DestructivePreview preview(const QString &name) const;
    ActionResult reset(const QString &name, const QString &confirmation,
                       const ActionOptions &options, TaskContext *ctx = nullptr) const;
    ActionResult drop(const QString &name, const QString &confirmation,
                      const ActionOptions &options, TaskContext *ctx = nullptr) const;
    // Moves a week to another server (an archive server, another member of the family): the
    // source fenced and dumped as for a drop, the dump restored on `target` under the same
    // name with the same owner, settings and grants, every table's rows counted on both
    // sides, and the source dropped only when they agree. A failed or cancelled restore, or
    // counts that differ, leave the source as it was (the fence lowered) and take the
    // target's copy away. The dump stays, as for a drop. Refused when the target is this
    // server or already has the name.
    MoveResult move(const QString &name, const ServerAdmin &target, const QString &confirmation,
                    const ActionOptions &options, TaskContext *ctx = nullptr) const;
    // Recreates a database from a dump taken by reset or drop; the name must be free. The
    // database-level properties (owner, settings, limit, grants...) are put back from
    // `properties`, or else from the run that took the dump (the local journal); without
    // either, a warning says they are the server's defaults.
    // `auditAs` names the action in the restored database's own audit log ("restore"); empty:
    // no row there (a move writes its own once the rows are counted). `forMove`: the
    // operation id of the move this restore makes the copy for (journalled, so recovering
    // the move finds its copy).
    ActionResult restore(const QString &name, const QString &dumpFile, const QString &reason,
                         TaskContext *ctx = nullptr,
                         const std::optional<DatabaseProperties> &properties = std::nullopt,
                         const QString &auditAs = QStringLiteral("restore"),
                         const QString &forMove = QString()) const;

    // The name a reset builds the new database under before it takes its own (<name>_ss_building).
    static QString buildingName(const QString &name);

private:
    friend class Recovery; // finishes or undoes killed runs with the steps below
    // Drops the database a killed reset of `name` was building, if there is one.
    void dropBuilding(const QString &name) const;
    // Completes the DROP DATABASE of `name` that a server restart interrupted, when the
    // server marks it invalid (and only then): its data is already partly gone and nobody
    // can connect to it. Journalled under `op`. True when it dropped one.
    bool finishInterruptedDrop(const QString &name, const ActionOptions &options, const QString &action,
                               const QString &op, ActionResult *result) const;
    std::unique_ptr<pg::Connection> maintenance(TaskContext *ctx) const;
    // A CREATE DATABASE of `name` that another Statescope run began and still runs (its
    // client was killed; the server finishes the statement all the same) is cancelled, and
    // waited for until it has ended: a recovery decides on what will stay. Returns how many.
    static int settleOwnCreates(pg::Connection &conn, const QString &name);
    void requireConfirmation(const QString &name, const QString &confirmation) const;
    void requireExists(pg::Connection &conn, const QString &name) const;
    int dropDatabase(pg::Connection &conn, const QString &name) const;
    // Made like `like` (its encoding, locale, tablespace) when given; when that fails and
    // `warnings` is given, made the plain way with a warning.
    void createDatabase(pg::Connection &conn, const QString &name, const DatabaseProperties *like = nullptr,
                        QStringList *warnings = nullptr) const;
    // The same inside a journalled create or restore (its intent written): a CREATE DATABASE
    // refused with nothing made closes the run as failed, so it is not listed as unfinished.
    void createDatabaseJournalled(pg::Connection &conn, const QString &action, const QString &name,
                                  const DatabaseProperties *like, QStringList *warnings,
                                  const ActionOptions &options, ActionResult *run) const;
    void journal(const QString &action, const QString &name, const QString &reason,
                 const nlohmann::json &details, ActionResult *result) const;
    // One line of a multi-step action in the local journal; an "intent" that cannot be
    // written throws (nothing has changed yet), later phases add a warning.
    void journalPhase(const QString &action, const QString &name, const ActionOptions &options,
                      const QString &op, const QString &phase, const nlohmann::json &details,
                      ActionResult *result) const;
    // After a reset or drop succeeded: removes the database's older dumps the retention
    // allows (never the new one, never one an unfinished run may need), and journals it.
    void applyDumpRetention(const QString &name, const ActionOptions &options,
                            ActionResult *result) const;
    // Reset and drop up to the drop: intent journalled, writers fenced off, a dump that is
    // proven to hold every committed row, the database dropped. `afterDump` runs while the
    // database is still open to us and returns how many sessions it opened there. `undo`, on
    // a failure before the drop, takes away what afterDump made elsewhere (a move's copy) and
    // says whether it could: when it could not, the run stays open for db recover.
    void fenceDumpAndDrop(pg::Connection &conn, const QString &action, const QString &name,
                          const ActionOptions &options, ActionResult *result, TaskContext *ctx,
                          int totalSteps, const std::function<int()> &afterDump = {},
                          const nlohmann::json &intentDetails = {},
                          DatabaseProperties *properties = nullptr,
                          const std::function<bool()> &undo = {}) const;

    pg::ConnectionSettings m_server;
    migrate::MigrationSet m_migrations;
};

// The database-level properties journalled by the run that took `dumpFile` (its intent),
// or nullopt when no run on record took it.
std::optional<DatabaseProperties> propertiesOfDump(const QString &dumpFile);

} // namespace statescope::weekly
