#include "rollback.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/weekly/adopt.h"
#include "core/layout/indexbuild.h"
#include "core/layout/layout.h"
#include "core/paths.h"
#include "core/pg/connection.h"

#include <QElapsedTimer>

#include <algorithm>

namespace statescope::replay {

namespace {

constexpr auto kLockNotAvailable = "55P03";

// The real tables' columns, through the layout: {lineups.after_play} is the real column.
const QString kPlaysWhere = QStringLiteral("{plays.game_id} = $1 AND {plays.play_number} > $2");
const QString kSubsWhere = QStringLiteral("{lineups.game_id} = $1 AND {lineups.after_play} >= $2");
const QString kReplacedWhere = QStringLiteral(
    "{lineups.id} IN (SELECT {lineups.replacing_id} FROM {lineups!} WHERE {lineups.game_id} = $1 "
    "AND {lineups.after_play} >= $2) AND ({lineups.after_play} IS NULL OR {lineups.after_play} < $2)");

bool hasSubstitutions(const layout::Layout &l)
{
    const layout::Relation *r = l.find(layout::Kind::Lineups);
    return r && r->has(QStringLiteral("after_play")) && r->has(QStringLiteral("replacing_id"));
}

bool canDeleteRolls(const layout::Layout &l)
{
    const layout::Relation *r = l.find(layout::Kind::Rolls);
    return r && r->has(QStringLiteral("play_number"));
}

// The game's columns a rollback sets and an undo puts back, those this table has.
QStringList gameStateRoles(const layout::Relation &games, bool undo)
{
    QStringList roles{QStringLiteral("current_inning"), QStringLiteral("current_half"),
                      QStringLiteral("away_score"), QStringLiteral("home_score")};
    if (undo)
        roles << QStringLiteral("status") << QStringLiteral("winner_team_id")
              << QStringLiteral("completed_at");
    roles.removeIf([&](const QString &r) { return !games.has(r); });
    return roles;
}

// An archived row is put back with jsonb_populate_record, which silently drops keys the
// table no longer has: refuse instead when the table lost a column since the rollback.
void requireSameColumns(pg::Connection &conn, qint64 rollbackId, const char *label,
                        const layout::Relation &rel)
{
    const auto r = conn.exec(
        QStringLiteral("SELECT string_agg(k, ', ' ORDER BY k) FROM (SELECT DISTINCT jsonb_object_keys("
                       "row_data) AS k FROM statescope.rollback_rows WHERE rollback_id = $1 AND "
                       "table_name = $2) keys WHERE k NOT IN (")
            + catalog::sql::columnNames(QStringLiteral("$3")) + QStringLiteral(")"),
        {rollbackId, QString::fromLatin1(label),
         layout::quoteIdent(rel.schema) + QLatin1Char('.') + layout::quoteIdent(rel.table)});
    if (!r.isNull(0, 0))
        throw Error(Error::Kind::Conflict,
                    Rollback::tr("%1 no longer has the columns %2 that rollback %3 archived; putting "
                                 "the rows back would lose them.")
                        .arg(rel.qualifiedName(), r.value(0, 0))
                        .arg(rollbackId),
                    {}, Rollback::tr("The archived rows stay in statescope.rollback_rows."));
}

} // namespace

QString Rollback::sql(const QString &templ) const
{
    return layout::of(m_conn)->sql(templ);
}

void Rollback::lockGame(const QString &gameId, const LockWait &wait) const
{
    if (wait.seconds < 0 || wait.seconds > LockWait::kMaxSeconds)
        throw Error::invalidInput(tr("The wait for a busy game must be from 0 to %1 seconds, not %2.")
                                      .arg(LockWait::kMaxSeconds)
                                      .arg(wait.seconds));
    const QString lockSql =
        sql(QStringLiteral("SELECT 1 FROM {games!} WHERE {games.id} = $1 FOR UPDATE%1"));
    auto busy = [&](const Error &e) {
        return Error(Error::Kind::Conflict,
                     wait.seconds > 0
                         ? tr("Game %1 is busy: another session held it for the whole %n second(s) "
                              "waited.", nullptr, wait.seconds)
                               .arg(gameId)
                         : tr("Game %1 is busy: another session is writing to it.").arg(gameId),
                     e.message(),
                     wait.seconds > 0 ? tr("Try again later, or wait longer (--wait).")
                                      : tr("Try again when the game server has finished its write, "
                                           "or wait for it (--wait SECONDS)."),
                     e.sqlstate());
    };
    if (wait.seconds == 0) {
        try {
            m_conn.exec(lockSql.arg(QStringLiteral(" NOWAIT")), {gameId});
        } catch (const Error &e) {
            if (e.sqlstate() == QLatin1String(kLockNotAvailable))
                throw busy(e);
            throw;
        }
        return;
    }
    // Waits in slices of at most half a second, each under a savepoint, so progress is told
    // between them and a refused slice leaves the transaction usable; the session's own
    // lock_timeout is put back afterwards.
    constexpr int kSliceMs = 500;
    const int totalMs = wait.seconds * 1000;
    const QString previous =
        m_conn.exec(QStringLiteral("SELECT current_setting('lock_timeout')")).value(0, 0);
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const int waited = int(clock.elapsed());
        if (wait.progress)
            wait.progress(std::min(waited, totalMs), totalMs);
        const int slice = std::clamp(totalMs - waited, 1, kSliceMs);
        m_conn.exec(QStringLiteral("SAVEPOINT statescope_game_lock"));
        try {
            m_conn.exec(QStringLiteral("SELECT set_config('lock_timeout', $1, true)"),
                        {QStringLiteral("%1ms").arg(slice)});
            m_conn.exec(lockSql.arg(QString()), {gameId});
            m_conn.exec(QStringLiteral("RELEASE SAVEPOINT statescope_game_lock"));
            m_conn.exec(QStringLiteral("SELECT set_config('lock_timeout', $1, true)"), {previous});
            return;
        } catch (const Error &e) {
            if (e.sqlstate() != QLatin1String(kLockNotAvailable))
                throw;
            m_conn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT statescope_game_lock"));
            if (clock.elapsed() >= totalMs)
                throw busy(e);
        }
    }
}

RollbackPlan Rollback::plan(const QString &gameId, const RollbackOptions &options) const
{
    return planLocked(GameStore::normalizeGameId(gameId), options);
}

RollbackPlan Rollback::planLocked(const QString &gameId, const RollbackOptions &options) const
{
    const auto lay = layout::of(m_conn);
    lay->require(layout::Kind::Games, {QStringLiteral("id"), QStringLiteral("status")},
                 tr("rollback"));
    lay->require(layout::Kind::Plays, {QStringLiteral("game_id"), QStringLiteral("play_number")},
                 tr("rollback"));
    if (options.deleteRolls.value_or(false) && !canDeleteRolls(*lay))
        throw Error::invalidInput(tr("This database keeps no dice rolls by play number; there are "
                                     "no rolls to delete."),
                                  tr("Leave out --delete-rolls."));
    GameStore store(m_conn);
    RollbackPlan plan;
    plan.game = store.summary(gameId);
    plan.toPlay = options.toPlay;
    plan.lastPlay = plan.game.lastPlay;
    plan.deletesRolls = options.deleteRolls.value_or(canDeleteRolls(*lay));
    if (plan.game.status == QLatin1String("completed"))
        throw Error::invalidInput(tr("Game %1 is completed; completed games cannot be rolled back.").arg(gameId));
    if (options.toPlay < 0 || options.toPlay > plan.lastPlay)
        throw Error::invalidInput(tr("Play %1 is out of range: game %2 has plays 0 to %3.")
                                      .arg(options.toPlay)
                                      .arg(gameId)
                                      .arg(plan.lastPlay));
    const bool subs = hasSubstitutions(*lay);
    const auto counts = m_conn.exec(
        sql(QStringLiteral("SELECT (SELECT count(*) FROM {plays!} WHERE %1), %2, %3, %4")
                .arg(kPlaysWhere,
                     subs ? QStringLiteral("(SELECT count(*) FROM {lineups!} WHERE %1)").arg(kSubsWhere)
                          : QStringLiteral("0"),
                     subs ? QStringLiteral("(SELECT count(*) FROM {lineups!} WHERE %1)").arg(kReplacedWhere)
                          : QStringLiteral("0"),
                     canDeleteRolls(*lay)
                         ? QStringLiteral("(SELECT count(*) FROM {rolls!} WHERE {rolls.game_id} = $1 "
                                          "AND {rolls.play_number} > $2)")
                         : QStringLiteral("0"))),
        {gameId, options.toPlay});
    plan.playsToDelete = counts.toInt(0, 0);
    plan.lineupsToDelete = counts.toInt(0, 1);
    plan.lineupsToReactivate = counts.toInt(0, 2);
    (plan.deletesRolls ? plan.rollsToDelete : plan.rollsKept) = counts.toInt(0, 3);
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
        // The game as the rollback leaves it: its plays up to the one kept last, and its lineup
        // without the substitutions made after it (deleted too). When that play ends a half the
        // league's rule places a runner in, the lineup names him (nextPlacedRunner()): the next
        // play's row, deleted with it, may name a pinch runner whose row goes as well.
        QList<Play> kept;
        for (const Play &p : store.plays(gameId))
            if (p.playNumber <= options.toPlay)
                kept << p;
        if (kept.isEmpty() || kept.last().playNumber != options.toPlay)
            throw Error(Error::Kind::NotFound,
                        tr("Game %1 has no play %2 to roll back to.").arg(gameId).arg(options.toPlay));
        QList<LineupEntry> lineups;
        if (lay->has(layout::Kind::Lineups))
            for (const LineupEntry &e : store.lineups(gameId))
                if (!e.afterPlay || *e.afterPlay < options.toPlay)
                    lineups << e;
        const GameRules &rules = store.rules();
        const qsizetype last = kept.size() - 1;
        plan.resultingState = stateAfterPlay(kept, last, GameStore::replacements(lineups), rules, false, lineups);
        const Play &end = kept.last();
        plan.placesRunner = end.start.outs + end.outsRecorded >= 3 && rules.placesRunner(plan.resultingState.inning);
        if (plan.placesRunner)
            plan.placedRunner = plan.resultingState.runners[1];
    }
    // What the deletes will cost: without indexes on the references to lineup rows, each
    // deleted lineup row has the whole plays table checked (a game's own schema often has
    // none: seconds at a season's size, against milliseconds with them).
    if (plan.lineupsToDelete > 0) {
        const layout::IndexPlan refs = layout::IndexBuilder::plan(m_conn, layout::Kind::Plays);
        if (!refs.exists) {
            plan.missingIndexes = refs.statements;
            plan.playsRows = std::max(0.0, lay->require(layout::Kind::Plays).estimatedRows);
        }
    }
    return plan;
}

void Rollback::requireBookkeeping() const
{
    adopt::requireBookkeeping(m_conn, QStringLiteral("statescope.rollback_rows"),
                              tr("Rolling back a game"));
}

RollbackRecord Rollback::apply(const QString &rawGameId, const RollbackOptions &options)
{
    const QString gameId = GameStore::normalizeGameId(rawGameId);
    if (options.reason.trimmed().isEmpty())
        throw Error::invalidInput(tr("A rollback needs a reason; it is kept in the audit log."));
    m_conn.requirePrimary(tr("Rolling back game %1").arg(gameId));
    requireBookkeeping();
    const auto lay = layout::of(m_conn);
    const layout::Relation &games = lay->require(layout::Kind::Games);
    qint64 id = 0;
    m_conn.transaction([&] {
        lockGame(gameId, options.wait);
        // Planned again under the lock: what we act on is what is there now.
        const RollbackPlan plan = planLocked(gameId, options);
        const auto inserted = m_conn.exec(
            sql(QStringLiteral("INSERT INTO statescope.rollbacks (game_id, to_play, from_play, reason, "
                               "delete_rolls, os_user, game_before) "
                               "SELECT $7::uuid, $2, $3, $4, $5, $6, to_jsonb(g) FROM {games!} g "
                               "WHERE g.{games.id} = $1 RETURNING id")),
            {gameId, options.toPlay, plan.lastPlay, options.reason.trimmed(), plan.deletesRolls,
             paths::osUser(), gameId});
        id = inserted.toLongLong(0, 0);
        const std::vector<pg::Param> where{gameId, options.toPlay};
        const std::vector<pg::Param> p{gameId, options.toPlay, id};
        auto archive = [&](const char *label, const char *table, const char *kind,
                           const QString &condition) {
            m_conn.exec(sql(QStringLiteral("INSERT INTO statescope.rollback_rows (rollback_id, "
                                           "table_name, kind, row_data) SELECT $3, '%1', '%2', "
                                           "to_jsonb(t) FROM %3 t WHERE %4")
                                .arg(QLatin1String(label), QLatin1String(kind),
                                     QLatin1String(table), condition)),
                        p);
        };
        const bool subs = hasSubstitutions(*lay);
        const bool activeFlag = subs && lay->require(layout::Kind::Lineups).has(QStringLiteral("is_active"));
        archive("core.plays", "{plays!}", "deleted", kPlaysWhere);
        if (subs) {
            archive("core.lineups", "{lineups!}", "deleted", kSubsWhere);
            if (activeFlag)
                archive("core.lineups", "{lineups!}", "updated", kReplacedWhere);
        }
        if (plan.deletesRolls)
            archive("core.rolls", "{rolls!}", "deleted",
                    QStringLiteral("{rolls.game_id} = $1 AND {rolls.play_number} > $2"));

        // Plays first: they reference the substitution rows deleted after them.
        const qint64 plays = m_conn.exec(sql(QStringLiteral("DELETE FROM {plays!} WHERE %1").arg(kPlaysWhere)),
                                         where).affectedRows();
        qint64 lineups = 0;
        if (subs) {
            if (activeFlag)
                m_conn.exec(sql(QStringLiteral("UPDATE {lineups!} SET {lineups.is_active} = true WHERE %1")
                                    .arg(kReplacedWhere)),
                            where);
            lineups = m_conn.exec(sql(QStringLiteral("DELETE FROM {lineups!} WHERE %1").arg(kSubsWhere)),
                                  where).affectedRows();
        }
        qint64 rolls = 0;
        if (plan.deletesRolls)
            rolls = m_conn.exec(sql(QStringLiteral("DELETE FROM {rolls!} WHERE {rolls.game_id} = $1 "
                                                   "AND {rolls.play_number} > $2")),
                                where).affectedRows();
        const BaseState &s = plan.resultingState;
        const std::map<QString, pg::Param> values{{QStringLiteral("current_inning"), s.inning},
                                                  {QStringLiteral("current_half"), halfName(s.half)},
                                                  {QStringLiteral("away_score"), s.awayScore},
                                                  {QStringLiteral("home_score"), s.homeScore}};
        QStringList sets;
        std::vector<pg::Param> params{gameId};
        for (const QString &role : gameStateRoles(games, false)) {
            params.push_back(values.at(role));
            sets << QStringLiteral("{games.%1} = $%2").arg(role).arg(params.size());
        }
        if (!sets.isEmpty())
            m_conn.exec(sql(QStringLiteral("UPDATE {games!} SET %1 WHERE {games.id} = $1")
                                .arg(sets.join(QStringLiteral(", ")))),
                        params);
        m_conn.exec(QStringLiteral("UPDATE statescope.rollbacks SET deleted_plays = $2, "
                                   "deleted_lineups = $3, deleted_rolls = $4 WHERE id = $1"),
                    {id, plays, lineups, rolls});
        audit::writeToDatabase(m_conn, {QStringLiteral("rollback"), games.qualifiedName() + QLatin1Char(' ') + gameId,
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

RollbackRecord Rollback::undo(qint64 rollbackId, const QString &reason, const LockWait &wait)
{
    m_conn.requirePrimary(tr("Undoing rollback %1").arg(rollbackId));
    adopt::requireBookkeeping(m_conn, QStringLiteral("statescope.rollback_rows"),
                              tr("Undoing a rollback"));
    const auto lay = layout::of(m_conn);
    const layout::Relation &games = lay->require(layout::Kind::Games);
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
        lockGame(gameId, wait);
        const auto later = m_conn.exec(
            QStringLiteral("SELECT id FROM statescope.rollbacks WHERE game_id = $1 AND id > $2 "
                           "AND undone_at IS NULL ORDER BY id DESC LIMIT 1"),
            {gameId, rollbackId});
        if (later.rowCount() > 0)
            throw Error(Error::Kind::Conflict,
                        tr("Rollback %1 of this game came later and is still in force.")
                            .arg(later.value(0, 0)),
                        {}, tr("Undo rollback %1 first.").arg(later.value(0, 0)));
        const int lastPlay = m_conn.exec(sql(QStringLiteral("SELECT coalesce(max(play_number), 0) "
                                                            "FROM {plays} WHERE game_id = $1")),
                                         {gameId}).toInt(0, 0);
        if (lastPlay != toPlay)
            throw Error(Error::Kind::Conflict,
                        tr("Game %1 has plays up to %2, written after the rollback to %3; the "
                           "rollback can no longer be undone.")
                            .arg(gameId)
                            .arg(lastPlay)
                            .arg(toPlay),
                        {}, tr("Roll back the newer plays first if they should go too."));
        const auto counts = m_conn.exec(QStringLiteral(
            "SELECT count(*) FILTER (WHERE table_name = 'core.lineups'), "
            "count(*) FILTER (WHERE table_name = 'core.rolls') FROM statescope.rollback_rows "
            "WHERE rollback_id = $1"), {rollbackId});
        const bool hasLineups = counts.toLongLong(0, 0) > 0, hasRolls = counts.toLongLong(0, 1) > 0;
        const layout::Relation &plays = lay->require(layout::Kind::Plays, {QStringLiteral("id")}, tr("undo"));
        requireSameColumns(m_conn, rollbackId, "core.plays", plays);
        if (hasLineups)
            requireSameColumns(m_conn, rollbackId, "core.lineups", lay->require(layout::Kind::Lineups));
        if (hasRolls)
            requireSameColumns(m_conn, rollbackId, "core.rolls", lay->require(layout::Kind::Rolls));
        // Rows go back in id order; the id's key in the archived JSON is the real column's name.
        auto restore = [&](const char *label, const char *table, const QString &idKey) {
            return m_conn.exec(sql(QStringLiteral("INSERT INTO %1 OVERRIDING SYSTEM VALUE SELECT "
                                                  "(jsonb_populate_record(NULL::%1, row_data)).* "
                                                  "FROM statescope.rollback_rows WHERE rollback_id = $1 "
                                                  "AND table_name = '%2' AND kind = 'deleted' "
                                                  "ORDER BY row_data->$2, row_data::text")
                                       .arg(QLatin1String(table), QLatin1String(label))),
                               {rollbackId, idKey}).affectedRows();
        };
        // Lineups before plays (plays reference them); replaced rows get their old state.
        qint64 lineups = 0;
        if (hasLineups) {
            const layout::Relation &l = lay->require(layout::Kind::Lineups, {QStringLiteral("id")}, tr("undo"));
            const QString idKey = l.columns.at(QStringLiteral("id")).name;
            lineups = restore("core.lineups", "{lineups!}", idKey);
            if (l.has(QStringLiteral("is_active")))
                m_conn.exec(sql(QStringLiteral("UPDATE {lineups!} l SET {lineups.is_active} = "
                                               "(r.row_data->>$2)::boolean FROM statescope.rollback_rows r "
                                               "WHERE r.rollback_id = $1 AND r.table_name = 'core.lineups' "
                                               "AND r.kind = 'updated' AND l.{lineups.id} = "
                                               "(r.row_data->>$3)::bigint")),
                            {rollbackId, l.columns.at(QStringLiteral("is_active")).name, idKey});
        }
        const qint64 restoredPlays =
            restore("core.plays", "{plays!}", plays.columns.at(QStringLiteral("id")).name);
        if (hasRolls)
            restore("core.rolls", "{rolls!}",
                    lay->require(layout::Kind::Rolls, {QStringLiteral("roll_id")}, tr("undo"))
                        .columns.at(QStringLiteral("roll_id")).name);
        QStringList sets;
        for (const QString &role : gameStateRoles(games, true))
            sets << QStringLiteral("{games.%1} = b.{games.%1}").arg(role);
        if (!sets.isEmpty())
            m_conn.exec(sql(QStringLiteral("UPDATE {games!} g SET %1 FROM statescope.rollbacks r, "
                                           "jsonb_populate_record(NULL::{games!}, r.game_before) b "
                                           "WHERE r.id = $1 AND g.{games.id} = b.{games.id}")
                                .arg(sets.join(QStringLiteral(", ")))),
                        {rollbackId});
        m_conn.exec(QStringLiteral("UPDATE statescope.rollbacks SET undone_at = now(), undone_by = $2 "
                                   "WHERE id = $1"),
                    {rollbackId, paths::osUser()});
        audit::writeToDatabase(m_conn, {QStringLiteral("rollback_undo"), games.qualifiedName() + QLatin1Char(' ') + gameId,
                                        reason, {{"rollback_id", rollbackId},
                                                 {"restored_plays", restoredPlays},
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
