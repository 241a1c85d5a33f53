// layout show, db adopt, db unadopt: where a database's game data lives, and Statescope's
// bookkeeping beside it.
#include "output.h"

#include "core/weekly/adopt.h"
#include "core/layout/history.h"
#include "core/layout/indexbuild.h"
#include "core/layout/layout.h"
#include "core/paths.h"
#include "core/pg/connection.h"

namespace statescope::cli {

namespace {

nlohmann::json historiesJson(const QList<layout::History> &all)
{
    nlohmann::json out = nlohmann::json::array();
    for (const layout::History &h : all) {
        nlohmann::json notes = nlohmann::json::array();
        for (const QString &n : h.notes)
            notes.push_back(utf8(n));
        out.push_back({{"tool", utf8(h.tool)}, {"table", utf8(h.table)}, {"version", utf8(h.version)},
                       {"notes", notes}, {"problem", h.problem}});
    }
    return out;
}

QString layoutText(const layout::Layout &l)
{
    QStringList lines;
    for (const layout::KindSpec &s : layout::kindSpecs()) {
        const layout::Relation *r = l.find(s.kind);
        if (!r) {
            lines << QStringLiteral("%1: none").arg(QLatin1String(s.label), -18);
            continue;
        }
        QString line = QStringLiteral("%1: %2").arg(QLatin1String(s.label), -18).arg(r->describe());
        if (r->relkind == 'p')
            line += QStringLiteral(" (partitioned, %1 partitions)").arg(r->partitions);
        if (r->rowSecurity)
            line += QStringLiteral(" (row-level security)");
        lines << line;
        QStringList renamed;
        for (const auto &[role, col] : r->columns)
            if (role != col.name)
                renamed << QStringLiteral("%1=%2").arg(role, col.name);
        if (!renamed.isEmpty())
            lines << QStringLiteral("    columns: ") + renamed.join(QStringLiteral(", "));
        const QStringList missing = r->missing(false);
        if (!missing.isEmpty())
            lines << QStringLiteral("    not there: ") + missing.join(QStringLiteral(", "));
        for (const layout::Partition &p : r->partitionList)
            lines << QStringLiteral("    partition %1 %2 (~%3 rows)")
                         .arg(p.name, p.bounds)
                         .arg(p.estimatedRows < 0 ? QStringLiteral("?") : QString::number(qint64(p.estimatedRows)));
        if (!r->alsoFound.isEmpty())
            lines << QStringLiteral("    also looked like it: ") + r->alsoFound.join(QStringLiteral(", "));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

int runLayout(const QString &sub, const QStringList &args)
{
    if (sub != QLatin1String("show"))
        throw Error::invalidInput(QStringLiteral("Unknown layout command: %1").arg(sub),
                                  QStringLiteral("Use: layout show --db CONN [--json]"));
    Command cmd(QStringLiteral("layout show"),
                QStringLiteral("Where the game's data lives in one database, as detected from the "
                               "catalog (and laid over by --layout FILE). With --json: a layout "
                               "document, ready to edit and pass back with --layout."));
    cmd.parser().addOption({QStringLiteral("db"), QStringLiteral("The database (conninfo or URI)."),
                            QStringLiteral("CONN")});
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    const auto l = layout::of(*conn);
    const QList<layout::History> histories = layout::Histories::read(*conn);
    if (cmd.json()) {
        std::printf("%s\n", dumpJson(l->toJson(), 2).c_str());
        return Ok;
    }
    QStringList text{QStringLiteral("Database %1").arg(conn->database()), layoutText(*l)};
    for (const layout::History &h : histories)
        text << QStringLiteral("history: %1 (%2)").arg(h.summary(), h.table);
    if (histories.isEmpty())
        text << QStringLiteral("history: none");
    cmd.print({}, text.join(QLatin1Char('\n')));
    return Ok;
}

int runAdopt(const QStringList &args)
{
    Command cmd(QStringLiteral("db adopt"),
                QStringLiteral("Install Statescope's bookkeeping (the statescope schema: audit "
                               "log, rollback and snapshot archives) in a database Statescope did "
                               "not create, in one transaction. Nothing outside that schema is "
                               "created, altered or dropped; the game's own migrations are not "
                               "affected."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("The database."), QStringLiteral("CONN")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Say what would be created; change nothing.")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."), QStringLiteral("TEXT")});
    cmd.parse(args);
    const bool dry = p.isSet(QStringLiteral("dry-run"));
    auto conn = cmd.open(QStringLiteral("db"),
                         dry ? pg::Connection::Access::ReadOnly : pg::Connection::Access::ReadWrite);
    const adopt::Status before = adopt::Adoption::status(*conn);
    const adopt::Status after = adopt::Adoption::adopt(*conn, p.value(QStringLiteral("reason")), dry);
    nlohmann::json pending = nlohmann::json::array();
    for (const migrate::Migration &m : before.pending)
        pending.push_back(utf8(m.fileName));
    QString text;
    if (before.weeklySchema)
        text = QStringLiteral("%1 was created by Statescope: its weekly schema already holds the "
                              "bookkeeping. Nothing to do.").arg(conn->database());
    else if (before.pending.isEmpty())
        text = QStringLiteral("%1 is already adopted (bookkeeping version %2).").arg(conn->database()).arg(before.version);
    else if (dry)
        text = QStringLiteral("Would create the statescope schema in %1 (%2), and nothing else.")
                   .arg(conn->database(), QStringList([&] {
                            QStringList n;
                            for (const auto &m : before.pending)
                                n << m.fileName;
                            return n;
                        }()).join(QStringLiteral(", ")));
    else
        text = QStringLiteral("Adopted %1: bookkeeping version %2 in the statescope schema.")
                   .arg(conn->database()).arg(after.version);
    // Offered, never built here (adoption touches nothing outside its schema): the indexes a
    // rollback's deletes need on the game's own plays and lineups, when they are missing.
    nlohmann::json offered = nlohmann::json::array();
    if (const auto lay = layout::of(*conn); lay->has(layout::Kind::Plays) && lay->has(layout::Kind::Lineups)) {
        try {
            const layout::IndexPlan refs = layout::IndexBuilder::plan(*conn, layout::Kind::Plays);
            offered = utf8Array(refs.statements);
            if (!refs.exists)
                text += QStringLiteral("\nThe plays' references to lineup rows have no index, so a rollback checks "
                                       "every play for each substitution it deletes: statescope-cli db create-index "
                                       "--kind plays --db ... shows and builds them.");
        } catch (const Error &) {
            // A layout without what the rollback reads: nothing to offer.
        }
    }
    cmd.print({{"database", utf8(conn->database())},
               {"indexes_offered", offered},
               {"dry_run", dry},
               {"weekly_schema", before.weeklySchema},
               {"adopted", after.adopted},
               {"version", after.version},
               {"pending", pending},
               {"histories", historiesJson(before.histories)}},
              text);
    return Ok;
}

int runUnadopt(const QStringList &args)
{
    Command cmd(QStringLiteral("db unadopt"),
                QStringLiteral("Remove Statescope's bookkeeping from an adopted database. Shows "
                               "what its archives hold; with --confirm it dumps the whole database "
                               "first (the archives' way back), then drops the statescope schema "
                               "in one transaction."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("The database."), QStringLiteral("CONN")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name, to confirm."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the local journal."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("backup-dir"), QStringLiteral("Where the dump goes (default: the backups folder)."),
                 QStringLiteral("DIR")});
    cmd.parse(args);
    const auto settings = cmd.connection(QStringLiteral("db"));
    auto conn = cmd.open(QStringLiteral("db"));
    const adopt::Holdings h = adopt::Adoption::holdings(*conn);
    const nlohmann::json holdings = {{"audit_rows", h.auditRows},
                                     {"rollbacks", h.rollbacks},
                                     {"rollback_rows", h.rollbackRows},
                                     {"snapshot_operations", h.snapshotOperations},
                                     {"archived_snapshots", h.archivedSnapshots}};
    const QString held = QStringLiteral("The statescope schema of %1 holds %2 audit rows, %3 "
                                        "rollbacks (%4 archived rows), %5 snapshot operations (%6 "
                                        "archived snapshots).")
                             .arg(conn->database())
                             .arg(h.auditRows)
                             .arg(h.rollbacks)
                             .arg(h.rollbackRows)
                             .arg(h.snapshotOperations)
                             .arg(h.archivedSnapshots);
    if (!p.isSet(QStringLiteral("confirm"))) {
        cmd.print({{"database", utf8(conn->database())}, {"holdings", holdings}, {"removed", false}},
                  held + QStringLiteral("\nNothing removed; repeat with --confirm %1 to remove it "
                                        "(after a dump of the whole database).").arg(conn->database()));
        return Ok;
    }
    const QString dir = p.isSet(QStringLiteral("backup-dir")) ? p.value(QStringLiteral("backup-dir"))
                                                              : paths::backupDir();
    const QString dump = adopt::Adoption::unadopt(*conn, settings, p.value(QStringLiteral("confirm")),
                                                  p.value(QStringLiteral("reason")), dir);
    cmd.print({{"database", utf8(conn->database())}, {"holdings", holdings}, {"removed", true},
               {"dump", utf8(dump)}},
              held + QStringLiteral("\nRemoved the statescope schema; the dump %1 holds it.").arg(dump));
    return Ok;
}

int runCreateIndex(const QStringList &args)
{
    Command cmd(QStringLiteral("db create-index"),
                QStringLiteral("Build the index that serves the browsing order (time DESC, id DESC) on "
                               "the game's own events table, or (--kind plays) the indexes the plays' "
                               "and lineups' references to lineup rows lack (a rollback's deletes "
                               "check each of them), without blocking the game's writes (CREATE "
                               "INDEX CONCURRENTLY; per partition on a partitioned table). Shows the "
                               "statements; builds them with --confirm. Journalled and audited. Not "
                               "part of adoption."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("The database."), QStringLiteral("CONN")});
    p.addOption({QStringLiteral("kind"), QStringLiteral("api_events (default), player_events or plays."),
                 QStringLiteral("KIND")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name, to build."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the journal and audit log."), QStringLiteral("TEXT")});
    cmd.parse(args);
    const QString kindName = p.isSet(QStringLiteral("kind")) ? p.value(QStringLiteral("kind")) : QStringLiteral("api_events");
    const std::optional<layout::Kind> kind = layout::kindFromKey(kindName);
    if (!kind || (*kind != layout::Kind::ApiEvents && *kind != layout::Kind::PlayerEvents && *kind != layout::Kind::Plays))
        throw Error::invalidInput(QStringLiteral("--kind must be api_events, player_events or plays."));
    const auto settings = cmd.connection(QStringLiteral("db"));
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    const bool build = p.isSet(QStringLiteral("confirm"));
    const layout::IndexPlan plan = build
        ? layout::IndexBuilder::build(*conn, settings, *kind, p.value(QStringLiteral("confirm")),
                                      p.value(QStringLiteral("reason")))
        : layout::IndexBuilder::plan(*conn, *kind);
    nlohmann::json statements = nlohmann::json::array();
    for (const QString &s : plan.statements)
        statements.push_back(utf8(s));
    QString text;
    if (build)
        text = QStringLiteral("Built %1 on %2.").arg(plan.indexNames.join(QStringLiteral(", ")), plan.table);
    else if (plan.exists && *kind == layout::Kind::Plays)
        text = QStringLiteral("Every reference to a lineup row in %1 has its index.").arg(plan.table);
    else if (plan.exists)
        text = QStringLiteral("%1 already has an index that serves the time order.").arg(plan.table);
    else
        text = QStringLiteral("Would run on %1:\n  %2\nRepeat with --confirm %3 to build it.")
                   .arg(plan.table, plan.statements.join(QStringLiteral(";\n  ")), conn->database());
    nlohmann::json indexes = nlohmann::json::array();
    for (const QString &s : plan.indexNames)
        indexes.push_back(utf8(s));
    cmd.print({{"table", utf8(plan.table)}, {"index", utf8(plan.indexName)}, {"indexes", indexes}, {"exists", plan.exists},
               {"built", build}, {"statements", statements}},
              text);
    return Ok;
}

} // namespace statescope::cli
