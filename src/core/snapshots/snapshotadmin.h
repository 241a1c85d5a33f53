#pragma once

#include "core/snapshots/snapshotstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <nlohmann/json.hpp>

namespace statescope::pg {
class Connection;
}

namespace statescope::snapshots {

// A prune or a roll back to a tick, as recorded in statescope.snapshot_operations.
struct OperationRecord
{
    qint64 id = 0;                                        // 0: nothing matched, nothing was written
    QString kind;                                         // "prune" or "rollback"
    nlohmann::json parameters = nlohmann::json::object(); // max_keep/min_age_seconds or to_tick
    int deletedCount = 0;
    int restoredCount = 0;
    QString reason;
    QString osUser;
    QDateTime createdAt;
    QDateTime undoneAt;                 // invalid while in force
    qint64 firstTick = 0, lastTick = 0; // range of the archived ticks
};

// Deletes snapshots the admin way: typed confirmation (the database name), then one
// transaction that locks core.snapshots without waiting, plans again under the lock,
// archives every row it deletes (statescope.snapshot_archive), deletes, records the
// operation and writes the audit entry. undo() puts the archived rows back, same ids.
class SnapshotAdmin
{
    Q_DECLARE_TR_FUNCTIONS(statescope::snapshots::SnapshotAdmin)
public:
    explicit SnapshotAdmin(pg::Connection &conn) : m_conn(conn) {}

    // What the retention policy prunes now. An empty reason records the policy itself.
    OperationRecord prune(const RetentionPolicy &policy, const QString &confirmation,
                          const QString &reason = {});
    // Archives, then deletes the snapshots with a tick after toTick. Needs a reason.
    OperationRecord rollBackTo(qint64 toTick, const QString &confirmation, const QString &reason);
    // Refused (Conflict) when already undone, when a restored id is taken again, when a
    // rolled-back timeline has new snapshots after its tick, or while a later roll back
    // to an earlier tick is still in force.
    OperationRecord undo(qint64 operationId, const QString &confirmation,
                         const QString &reason = {});

    OperationRecord record(qint64 operationId) const;
    QList<OperationRecord> history(int limit = 100) const;
    // Refused (Conflict, saying what to do) where prune, roll back and undo would be: no
    // snapshots table, or no archive (a database not adopted, not migrated). A read only:
    // asked before a preview, so nothing is asked of the user first.
    void requireArchive() const;

private:
    void requireConfirmation(const QString &confirmation) const;
    void lockSnapshots() const;
    QString sql(const QString &templ) const;
    qint64 execute(const SnapshotPlan &plan, const QString &reason); // 0: nothing to delete

    pg::Connection &m_conn;
};

} // namespace statescope::snapshots
