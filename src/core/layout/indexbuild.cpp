#include "core/layout/indexbuild.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <QHash>
#include <QUuid>

namespace statescope::layout {

namespace {

QString qualified(const QString &schema, const QString &name)
{
    return quoteIdent(schema) + QLatin1Char('.') + quoteIdent(name);
}

QString indexNameFor(const QString &table, const QString &column)
{
    // PostgreSQL truncates identifiers at 63 bytes; keep the suffix that says whose it is.
    const QString suffix = QLatin1Char('_') + column + QStringLiteral("_statescope_idx");
    return table.left(63 - int(suffix.toUtf8().size())) + suffix;
}

const char *timeRole(Kind kind)
{
    return kind == Kind::PlayerEvents ? "occurred_at" : "fetched_at";
}

// The statements that make one index on `rel` without blocking its writes: CONCURRENTLY on
// a plain table; on a partitioned one, the parent's index ON ONLY the parent (invalid until
// every partition has its own, attached: no lock on the partitions while it is made).
void addIndex(pg::Connection &conn, IndexPlan &p, const Relation &rel, const QString &name, const QString &columnList,
              const QString &where, const QString &column)
{
    p.indexNames << name;
    if (rel.relkind != 'p') {
        p.statements << QStringLiteral("CREATE INDEX CONCURRENTLY %1 ON %2 (%3)%4")
                            .arg(quoteIdent(name), qualified(rel.schema, rel.table), columnList, where);
        return;
    }
    const auto parts = catalog::childrenOf(conn, qualified(rel.schema, rel.table));
    p.statements << QStringLiteral("CREATE INDEX %1 ON ONLY %2 (%3)%4")
                        .arg(quoteIdent(name), qualified(rel.schema, rel.table), columnList, where);
    for (int i = 0; i < parts.rowCount(); ++i) {
        const QString schema = parts.value(i, 0), table = parts.value(i, 1);
        if (!p.partitions.contains(schema + QLatin1Char('.') + table))
            p.partitions << schema + QLatin1Char('.') + table;
        const QString child = indexNameFor(table, column);
        p.statements << QStringLiteral("CREATE INDEX CONCURRENTLY %1 ON %2 (%3)%4")
                            .arg(quoteIdent(child), qualified(schema, table), columnList, where)
                     << QStringLiteral("ALTER INDEX %1 ATTACH PARTITION %2")
                            .arg(qualified(rel.schema, name), qualified(schema, child));
    }
}

// The columns of `rel` with a foreign key of their own to `target` (one column each).
QStringList referencesTo(pg::Connection &conn, const Relation &rel, const Relation &target)
{
    return catalog::singleColumnReferences(conn, qualified(rel.schema, rel.table),
                                           qualified(target.schema, target.table));
}

IndexPlan referencePlan(pg::Connection &conn)
{
    const auto lay = of(conn);
    const Relation &plays = lay->require(Kind::Plays);
    const Relation &lineups = lay->require(Kind::Lineups);
    IndexPlan p;
    p.table = plays.qualifiedName();
    QHash<const Relation *, QStringList> referencing;
    const auto add = [&](const Relation &rel, const char *role) {
        const QString r = QString::fromLatin1(role);
        if (!referencing.contains(&rel))
            referencing.insert(&rel, referencesTo(conn, rel, lineups));
        // only a foreign key's column: a delete from lineups checks it
        if (!rel.has(r) || rel.indexLeadsWith(r) || !referencing.value(&rel).contains(rel.columns.at(r).name))
            return;
        const QString column = rel.columns.at(r).name;
        p.columns << rel.table + QLatin1Char('.') + column;
        addIndex(conn, p, rel, indexNameFor(rel.table, column), quoteIdent(column),
                 QStringLiteral(" WHERE %1 IS NOT NULL").arg(quoteIdent(column)), column);
    };
    for (const char *role : {"batter_id", "pitcher_id", "catcher_id", "on_first_id", "on_second_id", "on_third_id"})
        add(plays, role);
    add(lineups, "replacing_id");
    if (!p.columns.isEmpty() && p.columns.last().startsWith(lineups.table + QLatin1Char('.')))
        p.table += QStringLiteral(", ") + lineups.qualifiedName();
    p.exists = p.statements.isEmpty();
    p.indexName = p.indexNames.value(0);
    return p;
}

} // namespace

IndexPlan IndexBuilder::plan(pg::Connection &conn, Kind kind)
{
    if (kind == Kind::Plays)
        return referencePlan(conn);
    if (kind != Kind::ApiEvents && kind != Kind::PlayerEvents)
        throw Error::invalidInput(tr("Only API events, player events and plays have indexes to build."));
    const auto lay = of(conn);
    const QString time = QString::fromLatin1(timeRole(kind));
    const Relation &rel = lay->require(kind, {time}, tr("building the browsing index"));
    IndexPlan p;
    p.table = rel.qualifiedName();
    p.exists = rel.indexLeadsWith(time);
    p.columns << rel.columns.at(time).name;
    if (rel.has(QStringLiteral("id")))
        p.columns << rel.columns.at(QStringLiteral("id")).name;
    QStringList cols;
    for (const QString &c : p.columns)
        cols << quoteIdent(c) + QStringLiteral(" DESC");
    addIndex(conn, p, rel, indexNameFor(rel.table, rel.columns.at(time).name), cols.join(QStringLiteral(", ")), QString(),
             rel.columns.at(time).name);
    p.indexName = p.indexNames.value(0);
    return p;
}

IndexPlan IndexBuilder::build(pg::Connection &conn, const pg::ConnectionSettings &settings, Kind kind,
                              const QString &confirm, const QString &reason, TaskContext *ctx)
{
    const QString db = conn.database();
    if (confirm != db)
        throw Error::invalidInput(tr("The confirmation does not match the database name %1; nothing "
                                     "was built.").arg(db));
    const IndexPlan p = plan(conn, kind);
    if (p.exists)
        throw Error::invalidInput(kind == Kind::Plays ? tr("Every reference to a lineup row in %1 has its index already.").arg(p.table)
                                                      : tr("%1 already has an index that serves the time order.").arg(p.table));
    conn.requirePrimary(tr("Building an index on %1").arg(p.table));
    // Its own read-write session: CONCURRENTLY runs outside any transaction.
    auto writer = pg::Connection::open(settings, pg::Connection::Access::ReadWrite,
                                       ctx ? &ctx->cancelToken() : nullptr);
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto journal = [&](const char *phase, nlohmann::json details) {
        audit::Entry e{QStringLiteral("create_index"), db + QLatin1Char(' ') + p.table, reason, std::move(details)};
        e.op = op;
        e.phase = QLatin1String(phase);
        QString why;
        if (!audit::appendToJournal(e, &why) && e.phase == QLatin1String("intent"))
            throw Error(Error::Kind::Environment,
                        tr("The local audit journal could not be written; nothing was built."), why);
    };
    nlohmann::json statements = nlohmann::json::array();
    for (const QString &s : p.statements)
        statements.push_back(s.toStdString());
    journal("intent", {{"statements", statements}});
    const int total = int(p.statements.size());
    try {
        for (int i = 0; i < total; ++i) {
            if (ctx) {
                ctx->throwIfCancelled();
                ctx->progress(i, total, tr("Step %1 of %2: %3").arg(i + 1).arg(total).arg(p.statements[i]));
            }
            writer->exec(p.statements[i]);
        }
    } catch (const Error &e) {
        // An interrupted CONCURRENTLY build leaves an invalid index behind: remove what this
        // run made and is not valid, so that a new attempt starts clean.
        try {
            auto cleanup = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
            for (const QString &index : catalog::invalidStatescopeIndexes(*cleanup))
                cleanup->exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(index));
        } catch (const Error &) {
        }
        journal("failed", {{"error", e.oneLine().toStdString()}});
        throw;
    }
    if (ctx)
        ctx->progress(total, total, tr("Built %1 on %2").arg(p.indexNames.join(QStringLiteral(", ")), p.table));
    journal("done", {{"index", p.indexNames.join(QStringLiteral(", ")).toStdString()}});
    if (audit::hasAuditTable(*writer))
        audit::writeToDatabase(*writer, {QStringLiteral("create_index"), p.table, reason,
                                         {{"index", p.indexNames.join(QStringLiteral(", ")).toStdString()}, {"statements", statements}}});
    forget(conn);
    // What was built (a plan made again now would find nothing left to build, and name none).
    IndexPlan built = p;
    built.exists = true;
    return built;
}

} // namespace statescope::layout
