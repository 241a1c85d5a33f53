#include "snapshotadmin.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/weekly/adopt.h"
#include "core/layout/layout.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "core/snapshots/snapshotsql.h"

namespace statescope::snapshots {

using namespace detail;

namespace {

constexpr auto kLockNotAvailable = "55P03";

const char *kindName(SnapshotPlan::Kind kind)
{
    return kind == SnapshotPlan::Kind::Prune ? "prune" : "rollback";
}

// In the same transaction as the change, so both commit or neither does.
void writeAudit(pg::Connection &conn, const QString &action, const QString &reason,
                const nlohmann::json &details)
{
    audit::Entry entry;
    entry.action = action;
    entry.target = layout::of(conn)->require(layout::Kind::Snapshots).qualifiedName();
    entry.reason = reason;
    entry.details = details;
    audit::writeToDatabase(conn, entry);
}

} // namespace

QString SnapshotAdmin::sql(const QString &templ) const
{
    return layout::of(m_conn)->sql(templ);
}

void SnapshotAdmin::requireConfirmation(const QString &confirmation) const
{
    if (confirmation != m_conn.database())
        throw Error::invalidInput(
            tr("The confirmation \"%1\" does not match the database name %2; nothing was changed.")
                .arg(confirmation, m_conn.database()),
            tr("Type the database name exactly to confirm."));
}

void SnapshotAdmin::requireArchive() const
{
    layout::of(m_conn)->require(layout::Kind::Snapshots);
    adopt::requireBookkeeping(m_conn, QStringLiteral("statescope.snapshot_archive"),
                              tr("Deleting snapshots"));
}

void SnapshotAdmin::lockSnapshots() const
{
    // EXCLUSIVE still lets readers in but keeps the game server from writing a snapshot
    // between the plan and the delete. A writer in the way makes it "busy" at once (waiting
    // would hold the game server's next write up behind us).
    const QString lock = sql(QStringLiteral("LOCK TABLE {snapshots!} IN EXCLUSIVE MODE"));
    const auto busy = [this](const Error &e) {
        return Error(Error::Kind::Conflict,
                     tr("%1 is busy: another session is writing to it.")
                         .arg(layout::of(m_conn)->require(layout::Kind::Snapshots).qualifiedName()),
                     e.message(), tr("Try again when the game server has written its snapshot."),
                     e.sqlstate());
    };
    m_conn.exec(QStringLiteral("SAVEPOINT statescope_snapshots_lock"));
    try {
        m_conn.exec(lock + QStringLiteral(" NOWAIT"));
        m_conn.exec(QStringLiteral("RELEASE SAVEPOINT statescope_snapshots_lock"));
        return;
    } catch (const Error &e) {
        if (e.sqlstate() != QLatin1String(kLockNotAvailable))
            throw;
        m_conn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT statescope_snapshots_lock"));
        m_conn.exec(QStringLiteral("RELEASE SAVEPOINT statescope_snapshots_lock"));
        // Autovacuum alone in the way (a table just written to a lot): the server cancels a
        // worker that holds up a lock request once deadlock_timeout has passed, so wait that
        // long and a little more. (One that prevents wraparound is not cancelled: busy.)
        const auto holders = m_conn.exec(
            QStringLiteral("SELECT count(*) > 0 AND bool_and(a.backend_type = 'autovacuum worker'), "
                           "  current_setting('lock_timeout'), "
                           "  (extract(epoch FROM current_setting('deadlock_timeout')::interval) * 1000)::bigint + 2000 "
                           "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                           "WHERE l.locktype = 'relation' AND l.relation = $1::regclass AND l.granted "
                           "  AND l.pid <> pg_backend_pid() AND l.mode IN ('RowExclusiveLock', "
                           "  'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', "
                           "  'ExclusiveLock', 'AccessExclusiveLock')"),
            {sql(QStringLiteral("{snapshots!}"))});
        if (!holders.toBool(0, 0))
            throw busy(e);
        m_conn.exec(QStringLiteral("SELECT set_config('lock_timeout', $1, true)"),
                    {QStringLiteral("%1ms").arg(holders.toLongLong(0, 2))});
        try {
            m_conn.exec(lock);
        } catch (const Error &waited) {
            if (waited.sqlstate() == QLatin1String(kLockNotAvailable))
                throw busy(waited);
            throw;
        }
        m_conn.exec(QStringLiteral("SELECT set_config('lock_timeout', $1, true)"), {holders.value(0, 1)});
    }
}

qint64 SnapshotAdmin::execute(const SnapshotPlan &plan, const QString &reason)
{
    if (plan.toDelete.isEmpty())
        return 0;
    QList<qint64> ids;
    for (const SnapshotInfo &s : plan.toDelete)
        ids.append(s.id);
    const QByteArray idList = idArray(ids);
    nlohmann::json parameters = nlohmann::json::object();
    if (plan.kind == SnapshotPlan::Kind::Prune)
        parameters = {{"max_keep", plan.policy.maxKeep},
                      {"min_age_seconds", plan.policy.minAgeSeconds},
                      {"rule", RetentionPolicy::ruleKey(plan.policy.rule).toStdString()}};
    else
        parameters = {{"to_tick", plan.toTick}};
    const qint64 id =
        m_conn
            .exec(QStringLiteral("INSERT INTO statescope.snapshot_operations (kind, parameters, "
                                 "reason, os_user) VALUES ($1, $2::jsonb, $3, $4) RETURNING id"),
                  {kindName(plan.kind), QByteArray::fromStdString(parameters.dump()), reason,
                   paths::osUser()})
            .toLongLong(0, 0);
    const qint64 archived =
        m_conn
            .exec(sql(QStringLiteral("INSERT INTO statescope.snapshot_archive (operation_id, "
                                     "snapshot_id, tick_number, row_data) SELECT $1, "
                                     "s.{snapshots.id}, s.{snapshots.tick_number}, to_jsonb(s) "
                                     "FROM {snapshots!} s WHERE s.{snapshots.id} = ANY($2::bigint[])")),
                  {id, idList})
            .affectedRows();
    const qint64 deleted =
        m_conn
            .exec(sql(QStringLiteral("DELETE FROM {snapshots!} WHERE {snapshots.id} = ANY($1::bigint[])")),
                  {idList})
            .affectedRows();
    // The table is locked, so the plan holds; anything else is a bug, and rolls back.
    if (archived != ids.size() || deleted != ids.size())
        throw Error(Error::Kind::Internal,
                    tr("Planned %1 snapshots but archived %2 and deleted %3; nothing was changed.")
                        .arg(ids.size())
                        .arg(archived)
                        .arg(deleted));
    m_conn.exec(QStringLiteral("UPDATE statescope.snapshot_operations SET deleted_count = $2 "
                               "WHERE id = $1"),
                {id, deleted});
    nlohmann::json details = parameters;
    details["operation_id"] = id;
    details["deleted"] = deleted;
    details["first_tick"] = plan.toDelete.first().tick;
    details["last_tick"] = plan.toDelete.last().tick;
    writeAudit(m_conn, QStringLiteral("snapshots_") + QLatin1String(kindName(plan.kind)), reason,
               details);
    return id;
}

OperationRecord SnapshotAdmin::prune(const RetentionPolicy &policy, const QString &confirmation,
                                     const QString &reason)
{
    requireConfirmation(confirmation);
    m_conn.requirePrimary(tr("Pruning snapshots"));
    requireArchive();
    const QString why = reason.trimmed().isEmpty()
                            ? tr("Retention policy, %1.").arg(policy.describe())
                            : reason.trimmed();
    const qint64 id = m_conn.transaction([&] {
        lockSnapshots();
        // Planned again under the lock: what we delete is what is there now.
        return execute(SnapshotStore(m_conn).retentionPreview(policy), why);
    });
    return id == 0 ? OperationRecord{} : record(id);
}

OperationRecord SnapshotAdmin::rollBackTo(qint64 toTick, const QString &confirmation,
                                          const QString &reason)
{
    requireConfirmation(confirmation);
    if (reason.trimmed().isEmpty())
        throw Error::invalidInput(tr("Rolling the world back needs a reason; it is kept in the "
                                     "audit log."));
    m_conn.requirePrimary(tr("Rolling the world back"));
    requireArchive();
    const qint64 id = m_conn.transaction([&] {
        lockSnapshots();
        return execute(SnapshotStore(m_conn).rollbackPreview(toTick), reason.trimmed());
    });
    return id == 0 ? OperationRecord{} : record(id);
}

OperationRecord SnapshotAdmin::undo(qint64 operationId, const QString &confirmation,
                                    const QString &reason)
{
    requireConfirmation(confirmation);
    m_conn.requirePrimary(tr("Undoing snapshot operation %1").arg(operationId));
    requireArchive();
    m_conn.transaction([&] {
        const auto op = m_conn.exec(
            QStringLiteral("SELECT kind, (parameters->>'to_tick')::bigint, undone_at IS NOT NULL, "
                           "(SELECT max(tick_number) FROM statescope.snapshot_archive "
                           "WHERE operation_id = o.id) FROM statescope.snapshot_operations o "
                           "WHERE id = $1 FOR UPDATE"),
            {operationId});
        if (op.rowCount() == 0)
            throw Error(Error::Kind::NotFound,
                        tr("There is no snapshot operation %1.").arg(operationId));
        if (op.toBool(0, 2))
            throw Error(Error::Kind::Conflict,
                        tr("Snapshot operation %1 was already undone.").arg(operationId));
        lockSnapshots();
        const auto taken = m_conn.exec(
            sql(QStringLiteral(
                "SELECT count(*), min(a.snapshot_id) FROM statescope.snapshot_archive a "
                "JOIN {snapshots s} ON s.id = a.snapshot_id WHERE a.operation_id = $1")),
            {operationId});
        if (taken.toLongLong(0, 0) > 0)
            throw Error(Error::Kind::Conflict,
                        tr("%1 archived snapshots have ids that are in use again (first: %2).")
                            .arg(taken.value(0, 0), taken.value(0, 1)));
        if (op.value(0, 0) == QLatin1String("rollback")) {
            const auto newer =
                m_conn.exec(sql(QStringLiteral("SELECT count(*), min(tick_number) FROM {snapshots} "
                                               "WHERE tick_number > $1")),
                            {op.toLongLong(0, 1)});
            if (newer.toLongLong(0, 0) > 0)
                throw Error(Error::Kind::Conflict,
                            tr("%1 snapshots after tick %2 were written since the roll back (first "
                               "tick %3); restoring would mix two timelines.")
                                .arg(newer.value(0, 0), op.value(0, 1), newer.value(0, 1)),
                            {},
                            tr("Roll back to tick %1 first if the newer snapshots should go.")
                                .arg(op.value(0, 1)));
        }
        // A later roll back to an earlier tick is still in force: restoring these ticks
        // would leave a hole in the timeline.
        const auto later = m_conn.exec(
            QStringLiteral("SELECT id FROM statescope.snapshot_operations WHERE id > $1 "
                           "AND kind = 'rollback' AND undone_at IS NULL "
                           "AND (parameters->>'to_tick')::bigint < $2 ORDER BY id DESC LIMIT 1"),
            {operationId, op.toLongLong(0, 3)});
        if (later.rowCount() > 0)
            throw Error(Error::Kind::Conflict,
                        tr("Snapshot operation %1 came later and is still in force.")
                            .arg(later.value(0, 0)),
                        {}, tr("Undo operation %1 first.").arg(later.value(0, 0)));
        const qint64 restored =
            m_conn
                .exec(sql(QStringLiteral("INSERT INTO {snapshots!} OVERRIDING SYSTEM VALUE SELECT "
                                         "(jsonb_populate_record(NULL::{snapshots!}, row_data)).* "
                                         "FROM statescope.snapshot_archive WHERE operation_id = $1 "
                                         "ORDER BY snapshot_id")),
                      {operationId})
                .affectedRows();
        m_conn.exec(QStringLiteral("UPDATE statescope.snapshot_operations SET undone_at = now(), "
                                   "undone_by = $2, restored_count = $3 WHERE id = $1"),
                    {operationId, paths::osUser(), restored});
        writeAudit(m_conn, QStringLiteral("snapshots_undo"), reason.trimmed(),
                   {{"operation_id", operationId},
                    {"kind", op.value(0, 0).toStdString()},
                    {"restored", restored}});
    });
    return record(operationId);
}

OperationRecord SnapshotAdmin::record(qint64 operationId) const
{
    const auto r = m_conn.exec(
        QStringLiteral(
            "SELECT o.id, o.kind, o.parameters::text, o.deleted_count, o.restored_count, "
            "o.reason, o.os_user, %1, %2, (SELECT min(tick_number) FROM "
            "statescope.snapshot_archive a WHERE a.operation_id = o.id), (SELECT "
            "max(tick_number) FROM statescope.snapshot_archive a WHERE a.operation_id "
            "= o.id) FROM statescope.snapshot_operations o WHERE o.id = $1")
            .arg(utcMillis(QStringLiteral("o.created_at")),
                 utcMillis(QStringLiteral("o.undone_at"))),
        {operationId});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound,
                    tr("There is no snapshot operation %1.").arg(operationId));
    OperationRecord rec;
    rec.id = r.toLongLong(0, 0);
    rec.kind = r.value(0, 1);
    rec.parameters = nlohmann::json::parse(r.bytes(0, 2).toStdString(), nullptr, false);
    rec.deletedCount = r.toInt(0, 3);
    rec.restoredCount = r.toInt(0, 4);
    rec.reason = r.value(0, 5);
    rec.osUser = r.value(0, 6);
    rec.createdAt = parseUtc(r.value(0, 7));
    if (!r.isNull(0, 8))
        rec.undoneAt = parseUtc(r.value(0, 8));
    rec.firstTick = r.toLongLong(0, 9);
    rec.lastTick = r.toLongLong(0, 10);
    return rec;
}

QList<OperationRecord> SnapshotAdmin::history(int limit) const
{
    const auto r = m_conn.exec(QStringLiteral("SELECT id FROM statescope.snapshot_operations "
                                              "ORDER BY id DESC LIMIT $1"),
                               {limit});
    QList<OperationRecord> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append(record(r.toLongLong(i, 0)));
    return out;
}

} // namespace statescope::snapshots
