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
    QStringList foreignHistories;   // flyway_schema_history, alembic_version, ...
    int latestKnown = 0;

    bool newerThanApp() const;
    // Migration is refused while drift or a newer schema is present.
    bool blocked() const { return !drift.isEmpty() || newerThanApp(); }
};

struct MigrationReport
{
    bool dryRun = false;
    int fromVersion = 0;
    int toVersion = 0;
    QList<Migration> pending;  // what was (or, on a dry run, would be) applied
    QList<int> applied;        // versions this call applied (others may have raced us)
};

// Applies the migrations of a MigrationSet to one database. Each migration runs in its own
// transaction holding a transaction-level advisory lock (safe behind PgBouncer in
// transaction mode); two clients migrating at once never apply a version twice. A failed
// migration rolls back, is recorded with its error, and leaves the previous version.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(statescope::migrate::Migrator)
public:
    static constexpr qint64 kLockKey = 0x5354415445534350; // "STATESCP"

    explicit Migrator(const MigrationSet &set = MigrationSet::embedded());

    SchemaStatus status(pg::Connection &conn) const;
    MigrationReport migrate(pg::Connection &conn, TaskContext *ctx = nullptr,
                            bool dryRun = false) const;
    // Accepts the current files' checksums for drifted versions (an explicit decision,
    // audited). Returns what was repaired.
    QList<Drift> repair(pg::Connection &conn, const QString &reason) const;

    static QString describe(const SchemaStatus &status);

private:
    void ensureHistoryTable(pg::Connection &conn) const;
    MigrationSet m_set;
};

} // namespace statescope::migrate
