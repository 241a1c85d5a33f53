#pragma once

#include "core/migrate/migration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
}
} // namespace statescope

namespace statescope::migrate {

struct AppliedMigration
{
    int version = 0;
    QString description;
    QByteArray checksum;
    QString appliedBy;
    QDateTime appliedAt;
    int executionMs = 0;
};

// An applied migration whose file changed afterwards.
struct Drift
{
    int version = 0;
    QString fileName;
    QByteArray recorded;
    QByteArray current;
};

struct FailedAttempt
{
    int version = 0;
    QString error;
    QDateTime at;
};

struct SchemaStatus
{
    bool hasHistory = false;
    int currentVersion = 0; // highest successfully applied version
    QList<AppliedMigration> applied;
    QList<Migration> pending;
    QList<Drift> drift;
    QList<int> unknownVersions;     // applied here, unknown to this build
    QList<FailedAttempt> failures;  // failed attempts not followed by a success
    QStringList foreignHistories;   // flyway_schema_history, alembic_version, ... (schema.table)
    QStringList managedBy;          // "Flyway 3 (public.flyway_schema_history)": other tools' histories
    QStringList foreignTables;      // without a Statescope history: tables that are not ours
    QStringList clashes;            // objects the pending migrations would create that exist
    int latestKnown = 0;
    // Adopted: Statescope's bookkeeping only (statescope.bookkeeping_history, `db adopt`), at
    // this version; the weekly schema is not for the database.
    bool adopted = false;
    int bookkeepingVersion = 0;

    bool newerThanApp() const;
    // A database another tool manages, or one Statescope did not create (tables of its own
    // and no Statescope history): the weekly schema is not for it (adopt it instead).
    bool foreign() const { return !managedBy.isEmpty() || !foreignTables.isEmpty(); }
    // Migration is refused while drift, a newer schema, clashes or a foreign database are present.
    bool blocked() const
    {
        return !drift.isEmpty() || newerThanApp() || !clashes.isEmpty() || (foreign() && !pending.isEmpty());
    }
};

struct MigrationReport
{
    bool dryRun = false;
    int fromVersion = 0;
    int toVersion = 0;
    QList<Migration> pending;  // what was (or, on a dry run, would be) applied
    QList<int> applied;        // versions this call applied (others may have raced us)
};

// Applies the migrations of a MigrationSet to one database. All pending migrations run in one
// transaction holding a transaction-level advisory lock (safe behind PgBouncer in transaction
// mode): two clients migrating at once never apply a version twice, and a failure rolls every
// one of them back, so the database is never left between versions; the failure is recorded
// with its error. Databases another tool manages, databases Statescope did not create, and
// objects the migrations would create that already exist are refused before anything runs.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(statescope::migrate::Migrator)
public:
    static constexpr qint64 kLockKey = 0x5354415445534350; // "STATESCP"

    explicit Migrator(const MigrationSet &set = MigrationSet::embedded());

    // With `brief`, clashes are not looked for (listing many databases): blocked() still
    // holds for foreign databases, whose clashes only say why in more detail.
    SchemaStatus status(pg::Connection &conn, bool brief = false) const;
    MigrationReport migrate(pg::Connection &conn, TaskContext *ctx = nullptr,
                            bool dryRun = false) const;
    // Accepts the current files' checksums for drifted versions (an explicit decision,
    // audited). Returns what was repaired.
    QList<Drift> repair(pg::Connection &conn, const QString &reason) const;

    static QString describe(const SchemaStatus &status);

    // Objects the migrations would create (without IF NOT EXISTS) that already exist.
    static QStringList clashes(pg::Connection &conn, const QList<Migration> &pending);

private:
    MigrationSet m_set;
};

} // namespace statescope::migrate
