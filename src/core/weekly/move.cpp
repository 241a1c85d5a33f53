// ServerAdmin::move: a week to another server. The source is fenced, dumped and proven
// quiet as for a drop; the dump is restored on the target and every table's rows counted on
// both sides; only when they agree is the source dropped. Anything short of that leaves the
// source as it was and takes the target's copy away again.
#include "core/weekly/serveradmin.h"

#include "core/audit/auditlog.h"
#include "core/catalog/catalog.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/dbproperties.h"
#include "core/weekly/serveradmin_p.h"
#include "core/weekly/weeklyname.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace statescope::weekly {

namespace {

QList<std::pair<QString, qint64>> countRows(pg::Connection &db, TaskContext *ctx)
{
    // Every table that holds rows here (partitions counted one by one, never through their
    // parent twice), from the one catalog reader. Not foreign tables (their rows are on another
    // server) nor materialized views (derived: the restore refreshes them, so a stale one would
    // differ). Names come from the catalog, quoted by libpq.
    const catalog::Catalog cat = catalog::Catalog::read(db, catalog::Catalog::Relations);
    QList<std::pair<QString, qint64>> out;
    for (const catalog::Relation &rel : cat.relations) {
        if (rel.kind != 'r')
            continue;
        if (ctx)
            ctx->throwIfCancelled();
        out.append({rel.schema + QLatin1Char('.') + rel.name,
                    db.exec(QStringLiteral("SELECT count(*) FROM ONLY %1.%2")
                                .arg(db.quoteIdentifier(rel.schema), db.quoteIdentifier(rel.name)))
                        .toLongLong(0, 0)});
    }
    return out;
}

// Whether the journal holds a move of `name` to the server `targetId` that never finished.
bool leftByEarlierMove(const QString &name, const QString &targetId)
{
    if (targetId.isEmpty())
        return false;
    const QList<audit::Entry> lines = audit::readJournal(std::numeric_limits<int>::max());
    QSet<QString> done;
    for (const audit::Entry &e : lines)
        if (e.action == QLatin1String("move") && e.target == name && e.phase == QLatin1String("done"))
            done.insert(e.op);
    return std::any_of(lines.begin(), lines.end(), [&](const audit::Entry &e) {
        return e.action == QLatin1String("move") && e.target == name && e.phase == QLatin1String("intent")
               && !done.contains(e.op)
               && QString::fromStdString(e.details.value("target_id", std::string())) == targetId;
    });
}

} // namespace

MoveResult ServerAdmin::move(const QString &name, const ServerAdmin &target, const QString &confirmation,
                             const ActionOptions &given, TaskContext *ctx) const
{
    validateDatabaseName(name);
    requireConfirmation(name, confirmation);
    ActionOptions options = given;
    options.dump = true; // the dump is what travels; it also stays as the way back
    MoveResult out;
    out.result.name = name;
    out.target = target.server().displayName();
    auto conn = maintenance(ctx);
    conn->requirePrimary(tr("Moving %1").arg(name));
    requireExists(*conn, name);
    auto there = target.maintenance(ctx);
    there->requirePrimary(tr("Moving %1 to %2").arg(name, out.target));
    const QString sourceId = identity(*conn), targetId = identity(*there);
    if (!sourceId.isEmpty() && sourceId == targetId)
        throw Error::invalidInput(tr("%1 and %2 are the same server (system identifier %3); a move needs "
                                     "another server. Nothing was changed.")
                                      .arg(m_server.displayName(), out.target, sourceId));
    const auto existsThere = [&] {
        return there->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name}).rowCount() > 0;
    };
    if (existsThere()) {
        // A copy an earlier move of this week to this server left there (killed, or ended by
        // db recover without moving): the source is still here, whole, so the copy is the
        // earlier run's to take away. Anything else of that name is not ours: refused.
        if (!leftByEarlierMove(name, targetId))
            throw Error(Error::Kind::Conflict,
                        tr("%1 already has a database named %2; nothing was changed.").arg(out.target, name), {},
                        tr("Drop or rename it there first, or move another week."));
        target.dropDatabase(*there, name);
        out.result.warnings << tr("The copy of %1 an earlier, unfinished move left on %2 was dropped first.")
                                   .arg(name, out.target);
    }

    constexpr int kSteps = 5;
    bool restored = false; // the target's copy is ours to take away until the source is gone
    const auto takeBack = [&] {
        if (!restored)
            return;
        try {
            // A new session when the one we had is gone (the target restarted meanwhile).
            if (!there->isAlive())
                there = target.maintenance(nullptr);
            target.dropDatabase(*there, name);
            restored = false;
        } catch (const Error &e) {
            out.result.warnings << tr("The copy of %1 made on %2 could not be dropped again: %3")
                                       .arg(name, out.target, e.message());
        }
    };
    // After a failure: the copy goes only while the source is there whole. A source whose
    // drop was under way (gone, or left invalid by a restart) leaves the copy as the week's
    // live rows, and the run open for db recover to finish the move.
    const auto takeBackIfSourceWhole = [&] {
        if (!restored)
            return;
        bool sourceWhole = false;
        try {
            auto again = maintenance(nullptr);
            sourceWhole = again->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1 AND datconnlimit <> -2"),
                                      {name})
                              .rowCount()
                          > 0;
        } catch (const Error &) {
        }
        if (sourceWhole)
            takeBack();
    };
    DatabaseProperties properties;
    try {
        fenceDumpAndDrop(
            *conn, QStringLiteral("move"), name, options, &out.result, ctx, kSteps,
            [&] {
                // Runs while the source is fenced and still open to us; a second attempt
                // (somebody wrote during the first dump) starts from a fresh dump.
                takeBack();
                detail::step(ctx, 1, kSteps, tr("Restoring %1 on %2").arg(name, out.target));
                const ActionResult r = target.restore(name, out.result.dumpPath, options.reason, ctx, properties,
                                                      QString(), // its audit row comes after the count
                                                      out.result.operationId);
                restored = true;
                out.result.warnings << r.warnings;
                // Every property the source had (owner, grants, settings, limit, comment, ...)
                // proven on the copy before the source may go: a missing owner role or grantee
                // there would otherwise be lost with the source.
                const QStringList lost = properties.differences(DatabaseProperties::read(*there, name));
                if (!lost.isEmpty())
                    throw Error(Error::Kind::Conflict,
                                tr("The copy of %1 on %2 does not have the properties %1 has here; %1 was left as it "
                                   "was and the copy taken away.")
                                    .arg(name, out.target),
                                lost.join(QLatin1Char('\n')),
                                tr("Create the roles it names on %1 (owner, grantees), then move it again.").arg(out.target));
                detail::step(ctx, 2, kSteps, tr("Counting the rows of %1 on both servers").arg(name));
                auto source = pg::Connection::open(databaseSettings(name), pg::Connection::Access::ReadOnlySelf,
                                                   ctx ? &ctx->cancelToken() : nullptr);
                auto copy = pg::Connection::open(target.databaseSettings(name), pg::Connection::Access::ReadWrite,
                                                 ctx ? &ctx->cancelToken() : nullptr);
                const auto here = countRows(*source, ctx);
                const auto moved = countRows(*copy, ctx);
                QStringList differ;
                out.tables.clear();
                for (const auto &entry : here) {
                    // Plain names, not structured bindings: clang before 16 cannot capture those.
                    const QString &table = entry.first;
                    const qint64 rows = entry.second;
                    const auto found = std::find_if(moved.begin(), moved.end(),
                                                    [&](const auto &m) { return m.first == table; });
                    const qint64 got = found == moved.end() ? -1 : found->second;
                    out.tables.append({table, rows, got});
                    if (got != rows)
                        differ << (got < 0 ? tr("%1: %2 rows here, no such table there").arg(table).arg(rows)
                                           : tr("%1: %2 rows here, %3 there").arg(table).arg(rows).arg(got));
                }
                for (const auto &entry : moved) {
                    const QString &table = entry.first;
                    if (std::none_of(here.begin(), here.end(), [&](const auto &h) { return h.first == table; }))
                        differ << tr("%1: not here, %2 rows there").arg(table).arg(entry.second);
                }
                if (!differ.isEmpty())
                    throw Error(Error::Kind::Conflict,
                                tr("The copy of %1 on %2 does not hold the same rows; %1 was left as it was "
                                   "and the copy taken away.")
                                    .arg(name, out.target),
                                differ.join(QLatin1Char('\n')));
                nlohmann::json rows = nlohmann::json::object();
                for (const MovedTable &t : out.tables)
                    rows[t.table.toStdString()] = t.sourceRows;
                if (audit::hasAuditTable(*copy))
                    audit::writeToDatabase(*copy, {QStringLiteral("move"), name, options.reason,
                                                   {{"from", m_server.displayName().toStdString()},
                                                    {"from_id", sourceId.toStdString()},
                                                    {"dump", out.result.dumpPath.toStdString()},
                                                    {"rows", rows}}});
                return 1; // the counting session on the source
            },
            {{"target_server", out.target.toStdString()}, {"target_id", targetId.toStdString()}}, &properties,
            [&] {
                takeBackIfSourceWhole();
                if (restored)
                    return false; // a copy that could not be dropped keeps the run open for db recover
                // So does a copy's own restore run that could not close itself (its server went
                // away midway): recovering the move closes it with the copy.
                const QString op = out.result.operationId;
                for (const audit::Entry &e : audit::incomplete(audit::readJournal(100000)))
                    if (e.action == QLatin1String("restore") && e.target == name
                        && e.details.value("move_op", std::string()) == op.toStdString())
                        return false;
                return true;
            });
    } catch (...) {
        takeBackIfSourceWhole();
        throw;
    }
    // The source is gone, its copy proven whole: said before the run closes, so that a run
    // killed in between is known to have got this far.
    journalPhase(QStringLiteral("move"), name, options, out.result.operationId, QStringLiteral("source-dropped"), {},
                 &out.result);
    nlohmann::json counts = nlohmann::json::object();
    for (const MovedTable &t : out.tables)
        counts[t.table.toStdString()] = t.sourceRows;
    journalPhase(QStringLiteral("move"), name, options, out.result.operationId, QStringLiteral("done"),
                 {{"dump", out.result.dumpPath.toStdString()},
                  {"target_server", out.target.toStdString()},
                  {"target_id", targetId.toStdString()},
                  {"rows", counts},
                  {"terminated_sessions", out.result.terminatedSessions}},
                 &out.result);
    applyDumpRetention(name, options, &out.result);
    detail::step(ctx, kSteps, kSteps, tr("Moved %1 to %2").arg(name, out.target));
    return out;
}

} // namespace statescope::weekly
