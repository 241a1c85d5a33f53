#include "rollback.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/pg/connection.h"

namespace statescope::replay {

namespace {

constexpr auto kLockNotAvailable = "55P03";

// The rows a rollback to $2 removes or changes, for game $1.
const QString kSubsWhere = QStringLiteral("game_id = $1 AND after_play >= $2");
const QString kReplacedWhere = QStringLiteral(
    "id IN (SELECT replacing_id FROM core.lineups WHERE game_id = $1 AND after_play >= $2) "
    "AND (after_play IS NULL OR after_play < $2)");

void requireArchive(pg::Connection &conn)
{
    if (!conn.exec(QStringLiteral("SELECT to_regclass('statescope.rollback_rows') IS NOT NULL"))
             .toBool(0, 0))
        throw Error(Error::Kind::Conflict,
                    Rollback::tr("%1 has no rollback archive yet (schema older than version 5).")
                        .arg(conn.database()),
                    {}, Rollback::tr("Migrate the database first: Admin pane, or statescope-cli db "
                                     "migrate."));
}

} // namespace

void Rollback::lockGame(const QString &gameId) const
{
    try {
        m_conn.exec(QStringLiteral("SELECT 1 FROM core.games WHERE id = $1 FOR UPDATE NOWAIT"),
                    {gameId});
    } catch (const Error &e) {
        if (e.sqlstate() == QLatin1String(kLockNotAvailable))
            throw Error(Error::Kind::Conflict,
                        tr("Game %1 is busy: another session is writing to it.").arg(gameId),
                        e.message(), tr("Try again when the game server has finished its write."),
                        e.sqlstate());
        throw;
    }
}

RollbackPlan Rollback::plan(const QString &gameId, const RollbackOptions &options) const
{
    return planLocked(GameStore::normalizeGameId(gameId), options);
}

RollbackPlan Rollback::planLocked(const QString &gameId, const RollbackOptions &options) const
{
    GameStore store(m_conn);
    RollbackPlan plan;
    plan.game = store.summary(gameId);
    plan.toPlay = options.toPlay;
    plan.lastPlay = plan.game.lastPlay;
    if (plan.game.status == QLatin1String("completed"))
        throw Error(Error::Kind::Conflict,
                    tr("Game %1 is completed; completed games cannot be rolled back.").arg(gameId));
    if (options.toPlay < 0 || options.toPlay > plan.lastPlay)
        throw Error::invalidInput(tr("Play %1 is out of range: game %2 has plays 0 to %3.")
                                      .arg(options.toPlay)
                                      .arg(gameId)
                                      .arg(plan.lastPlay));
    const auto counts = m_conn.exec(
        QStringLiteral("SELECT (SELECT count(*) FROM core.plays WHERE game_id = $1 AND play_number > $2),"
                       " (SELECT count(*) FROM core.lineups WHERE %1),"
                       " (SELECT count(*) FROM core.lineups WHERE %2),"
                       " (SELECT count(*) FROM core.rolls WHERE game_id = $1 AND play_number > $2)")
            .arg(kSubsWhere, kReplacedWhere),
        {gameId, options.toPlay});
    plan.playsToDelete = counts.toInt(0, 0);
    plan.lineupsToDelete = counts.toInt(0, 1);
    plan.lineupsToReactivate = counts.toInt(0, 2);
    (options.deleteRolls ? plan.rollsToDelete : plan.rollsKept) = counts.toInt(0, 3);
    // A rollback that deletes nothing would still be recorded and audited, and would then
    // stand in the way of undoing an earlier, real one: refuse it.
    if (plan.playsToDelete == 0 && plan.lineupsToDelete == 0 && plan.rollsToDelete == 0)
        throw Error::invalidInput(
            tr("Nothing to roll back: play %1 is the last play of game %2 and no substitution "
               "follows it.")
                .arg(options.toPlay)
                .arg(gameId),
            tr("Choose an earlier play (0 undoes every play)."));
    if (options.toPlay > 0) {
        const auto row = m_conn.exec(QStringLiteral("SELECT %1 FROM core.plays WHERE game_id = $1 "
                                                    "AND play_number = $2 ORDER BY id LIMIT 1")
                                         .arg(playColumns()),
                                     {gameId, options.toPlay});
        if (row.rowCount() == 0)
            throw Error(Error::Kind::NotFound,
                        tr("Game %1 has no play %2 to roll back to.").arg(gameId).arg(options.toPlay));
        plan.resultingState = stateAfter(playFromRow(row, 0));
    }
    return plan;
}

RollbackRecord Rollback::apply(const QString &rawGameId, const RollbackOptions &options)
{
    const QString gameId = GameStore::normalizeGameId(rawGameId);
    if (options.reason.trimmed().isEmpty())
        throw Error::invalidInput(tr("A rollback needs a reason; it is kept in the audit log."));
    m_conn.requirePrimary(tr("Rolling back game %1").arg(gameId));
    requireArchive(m_conn);
    qint64 id = 0;
    m_conn.transaction([&] {
        lockGame(gameId);
        // Planned again under the lock: what we act on is what is there now.
        const RollbackPlan plan = planLocked(gameId, options);
        const auto inserted = m_conn.exec(
            QStringLiteral("INSERT INTO statescope.rollbacks (game_id, to_play, from_play, reason, "
                           "delete_rolls, os_user, game_before) "
                           "SELECT id, $2, $3, $4, $5, $6, to_jsonb(g) FROM core.games g WHERE id = $1 "
                           "RETURNING id"),
            {gameId, options.toPlay, plan.lastPlay, options.reason.trimmed(), options.deleteRolls,
             paths::osUser()});
        id = inserted.toLongLong(0, 0);
        const std::vector<pg::Param> where{gameId, options.toPlay};
        const std::vector<pg::Param> p{gameId, options.toPlay, id};
        auto archive = [&](const char *table, const char *kind, const QString &condition) {
            m_conn.exec(QStringLiteral("INSERT INTO statescope.rollback_rows (rollback_id, table_name, "
                                       "kind, row_data) SELECT $3, '%1', '%2', to_jsonb(t) FROM %1 t "
                                       "WHERE %3")
                            .arg(QLatin1String(table), QLatin1String(kind), condition),
                        p);
        };
        const QString playsWhere = QStringLiteral("game_id = $1 AND play_number > $2");
        archive("core.plays", "deleted", playsWhere);
        archive("core.lineups", "deleted", kSubsWhere);
        archive("core.lineups", "updated", kReplacedWhere);
        if (options.deleteRolls)
            archive("core.rolls", "deleted", playsWhere);

        // Plays first: they reference the substitution rows deleted after them.
        const qint64 plays =
            m_conn.exec(QStringLiteral("DELETE FROM core.plays WHERE %1")
                            .arg(playsWhere), where).affectedRows();
        m_conn.exec(QStringLiteral("UPDATE core.lineups SET is_active = true WHERE %1")
                        .arg(kReplacedWhere),
                    where);
        const qint64 lineups =
            m_conn.exec(QStringLiteral("DELETE FROM core.lineups WHERE %1")
                            .arg(kSubsWhere), where).affectedRows();
        qint64 rolls = 0;
        if (options.deleteRolls)
            rolls = m_conn.exec(QStringLiteral("DELETE FROM core.rolls WHERE %1")
                                    .arg(playsWhere), where).affectedRows();
        const BaseState &s = plan.resultingState;
        m_conn.exec(QStringLiteral("UPDATE core.games SET current_inning = $2, current_half = $3, "
                                   "away_score = $4, home_score = $5 WHERE id = $1"),
                    {gameId, s.inning, halfName(s.half), s.awayScore, s.homeScore});
        m_conn.exec(QStringLiteral("UPDATE statescope.rollbacks SET deleted_plays = $2, "
                                   "deleted_lineups = $3, deleted_rolls = $4 WHERE id = $1"),
                    {id, plays, lineups, rolls});
        audit::writeToDatabase(m_conn, {QStringLiteral("rollback"), QStringLiteral("core.games ") + gameId,
                                        options.reason.trimmed(),
                                        {{"rollback_id", id},
                                         {"to_play", options.toPlay},
                                         {"from_play", plan.lastPlay},
                                         {"deleted_plays", plays},
                                         {"deleted_lineups", lineups},
                                         {"deleted_rolls", rolls}}});
    });
    return record(id);
}

RollbackRecord Rollback::undo(qint64 rollbackId, const QString &reason)
{
    m_conn.requirePrimary(tr("Undoing rollback %1").arg(rollbackId));
    requireArchive(m_conn);
    m_conn.transaction([&] {
        const auto r = m_conn.exec(QStringLiteral("SELECT game_id, to_play, undone_at IS NOT NULL, "
                                                  "created_at FROM statescope.rollbacks WHERE id = $1 "
                                                  "FOR UPDATE"),
                                   {rollbackId});
        if (r.rowCount() == 0)
            throw Error(Error::Kind::NotFound, tr("There is no rollback %1.").arg(rollbackId));
        const QString gameId = r.value(0, 0);
        const int toPlay = r.toInt(0, 1);
        if (r.toBool(0, 2))
            throw Error(Error::Kind::Conflict, tr("Rollback %1 was already undone.").arg(rollbackId));
        lockGame(gameId);
        const auto later = m_conn.exec(
            QStringLiteral("SELECT id FROM statescope.rollbacks WHERE game_id = $1 AND id > $2 "
                           "AND undone_at IS NULL ORDER BY id DESC LIMIT 1"),
            {gameId, rollbackId});
        if (later.rowCount() > 0)
            throw Error(Error::Kind::Conflict,
                        tr("Rollback %1 of this game came later and is still in force.")
                            .arg(later.value(0, 0)),
                        {}, tr("Undo rollback %1 first.").arg(later.value(0, 0)));
        const int lastPlay = m_conn.exec(QStringLiteral("SELECT coalesce(max(play_number), 0) "
                                                        "FROM core.plays WHERE game_id = $1"),
                                         {gameId}).toInt(0, 0);
        if (lastPlay != toPlay)
            throw Error(Error::Kind::Conflict,
                        tr("Game %1 has plays up to %2, written after the rollback to %3; the "
                           "rollback can no longer be undone.")
                            .arg(gameId)
                            .arg(lastPlay)
                            .arg(toPlay),
                        {}, tr("Roll back the newer plays first if they should go too."));
        auto restore = [&](const char *table) {
            return m_conn.exec(QStringLiteral("INSERT INTO %1 SELECT (jsonb_populate_record(NULL::%1, "
                                              "row_data)).* FROM statescope.rollback_rows "
                                              "WHERE rollback_id = $1 AND table_name = '%1' "
                                              "AND kind = 'deleted' ORDER BY (row_data->>'id')::bigint")
                                   .arg(QLatin1String(table)),
                               {rollbackId}).affectedRows();
        };
        // Lineups before plays (plays reference them); replaced rows get their old state.
        const qint64 lineups = restore("core.lineups");
        m_conn.exec(QStringLiteral("UPDATE core.lineups l SET is_active = (r.row_data->>'is_active')::boolean "
                                   "FROM statescope.rollback_rows r WHERE r.rollback_id = $1 "
                                   "AND r.table_name = 'core.lineups' AND r.kind = 'updated' "
                                   "AND l.id = (r.row_data->>'id')::integer"),
                    {rollbackId});
        const qint64 plays = restore("core.plays");
        m_conn.exec(QStringLiteral("INSERT INTO core.rolls SELECT (jsonb_populate_record(NULL::core.rolls, "
                                   "row_data)).* FROM statescope.rollback_rows WHERE rollback_id = $1 "
                                   "AND table_name = 'core.rolls' AND kind = 'deleted'"),
                    {rollbackId});
        m_conn.exec(QStringLiteral(
                        "UPDATE core.games g SET current_inning = b.current_inning, "
                        "current_half = b.current_half, home_score = b.home_score, "
                        "away_score = b.away_score, status = b.status, "
                        "winner_team_id = b.winner_team_id, completed_at = b.completed_at "
                        "FROM statescope.rollbacks r, jsonb_populate_record(NULL::core.games, "
                        "r.game_before) b WHERE r.id = $1 AND g.id = r.game_id"),
                    {rollbackId});
        m_conn.exec(QStringLiteral("UPDATE statescope.rollbacks SET undone_at = now(), undone_by = $2 "
                                   "WHERE id = $1"),
                    {rollbackId, paths::osUser()});
        audit::writeToDatabase(m_conn, {QStringLiteral("rollback_undo"), QStringLiteral("core.games ") + gameId,
                                        reason, {{"rollback_id", rollbackId},
                                                 {"restored_plays", plays},
                                                 {"restored_lineups", lineups}}});
    });
    return record(rollbackId);
}

RollbackRecord Rollback::record(qint64 id) const
{
    const auto r = m_conn.exec(QStringLiteral("SELECT id, game_id, to_play, from_play, reason, os_user, "
                                              "created_at, undone_at, deleted_plays, deleted_lineups, "
                                              "deleted_rolls FROM statescope.rollbacks WHERE id = $1"),
                               {id});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no rollback %1.").arg(id));
    RollbackRecord rec;
    rec.id = r.toLongLong(0, 0);
    rec.gameId = r.value(0, 1);
    rec.toPlay = r.toInt(0, 2);
    rec.fromPlay = r.toInt(0, 3);
    rec.reason = r.value(0, 4);
    rec.osUser = r.value(0, 5);
    rec.createdAt = QDateTime::fromString(r.value(0, 6), Qt::ISODateWithMs);
    if (!r.isNull(0, 7))
        rec.undoneAt = QDateTime::fromString(r.value(0, 7), Qt::ISODateWithMs);
    rec.deletedPlays = r.toInt(0, 8);
    rec.deletedLineups = r.toInt(0, 9);
    rec.deletedRolls = r.toInt(0, 10);
    return rec;
}

QList<RollbackRecord> Rollback::history(const QString &gameId) const
{
    const auto r = m_conn.exec(QStringLiteral("SELECT id FROM statescope.rollbacks WHERE game_id = $1 "
                                              "ORDER BY id DESC"),
                               {GameStore::normalizeGameId(gameId)});
    QList<RollbackRecord> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append(record(r.toLongLong(i, 0)));
    return out;
}

} // namespace statescope::replay
