#include "output.h"
#include "core/format.h"

#include "core/audit/auditlog.h"
#include "core/weekly/drift.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/weekly/serveradmin.h"

#include <QSet>

#include <cstdio>

namespace statescope::cli {

namespace {

nlohmann::json toJson(const weekly::DatabaseInfo &d)
{
    return {{"name", utf8(d.name)},
            {"prefix", d.weekly ? utf8(d.weekly->prefix()) : ""},
            {"week", d.weekly ? utf8(d.weekly->isoWeekString()) : ""},
            {"size_bytes", d.sizeBytes < 0 ? nlohmann::json() : nlohmann::json(d.sizeBytes)},
            {"takes_connections", d.takesConnections},
            {"invalid", d.invalid},
            {"inspected", d.inspected},
            {"sessions", d.sessions},
            {"managed", d.managed},
            {"schema_version", d.schemaVersion},
            {"pending_migrations", d.pending},
            {"blocked", d.blocked},
            {"foreign_histories", utf8Array(d.foreignHistories)},
            {"problem", utf8(d.problem)}};
}

nlohmann::json toJson(const migrate::SchemaStatus &st)
{
    nlohmann::json pending = nlohmann::json::array();
    for (const auto &m : st.pending)
        pending.push_back({{"version", m.version}, {"description", utf8(m.description)},
                           {"file", utf8(m.fileName)}});
    nlohmann::json applied = nlohmann::json::array();
    for (const auto &a : st.applied)
        applied.push_back({{"version", a.version}, {"description", utf8(a.description)},
                           {"checksum", a.checksum.toStdString()},
                           {"applied_by", utf8(a.appliedBy)},
                           {"applied_at", utf8(a.appliedAt.toString(Qt::ISODateWithMs))},
                           {"execution_ms", a.executionMs}});
    nlohmann::json drift = nlohmann::json::array();
    for (const auto &d : st.drift)
        drift.push_back({{"version", d.version}, {"file", utf8(d.fileName)},
                         {"recorded", d.recorded.toStdString()},
                         {"current", d.current.toStdString()}});
    nlohmann::json failures = nlohmann::json::array();
    for (const auto &f : st.failures)
        failures.push_back({{"version", f.version}, {"error", utf8(f.error)},
                            {"at", utf8(f.at.toString(Qt::ISODateWithMs))}});
    nlohmann::json foreign = nlohmann::json::array();
    for (const auto &h : st.foreignHistories)
        foreign.push_back(utf8(h));
    return {{"managed", st.hasHistory},
            {"adopted", st.adopted},
            {"bookkeeping_version", st.bookkeepingVersion},
            {"schema_version", st.currentVersion},
            {"latest_known", st.latestKnown},
            {"pending", pending},
            {"applied", applied},
            {"drift", drift},
            {"unknown_versions", std::vector<int>(st.unknownVersions.begin(),
                                                  st.unknownVersions.end())},
            {"failures", failures},
            {"foreign_histories", foreign},
            {"managed_by", [&] {
                 nlohmann::json a = nlohmann::json::array();
                 for (const QString &m : st.managedBy)
                     a.push_back(utf8(m));
                 return a;
             }()},
            {"foreign_tables", [&] {
                 nlohmann::json a = nlohmann::json::array();
                 for (const QString &m : st.foreignTables)
                     a.push_back(utf8(m));
                 return a;
             }()},
            {"clashes", [&] {
                 nlohmann::json a = nlohmann::json::array();
                 for (const QString &m : st.clashes)
                     a.push_back(utf8(m));
                 return a;
             }()},
            {"blocked", st.blocked()}};
}

QString humanSize(qint64 bytes)
{
    return format::bytes(bytes, true);
}

void addServer(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("server"),
                            QStringLiteral("The server: conninfo, postgresql:// URI or "
                                           "service=NAME (its dbname is the maintenance database, "
                                           "default postgres)."),
                            QStringLiteral("CONN")});
}

void addDb(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("db"),
                            QStringLiteral("The database: conninfo, postgresql:// URI or "
                                           "service=NAME."),
                            QStringLiteral("CONN")});
}

void addDestructive(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("name"), QStringLiteral("The database."), QStringLiteral("N")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name again, to confirm."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why (kept in the audit log)."),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("backup-dir"),
                 QStringLiteral("Where the dump taken first goes (default: the data directory's "
                                "backups)."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("no-dump"),
                 QStringLiteral("Skip the dump taken first. There is no way back then.")});
}

int list(const QStringList &args)
{
    Command cmd(QStringLiteral("db list"),
                QStringLiteral("List a server's databases, weekly families grouped by prefix."));
    addServer(cmd);
    cmd.parser().addOption({QStringLiteral("prefix"), QStringLiteral("Only this family."),
                            QStringLiteral("P")});
    cmd.parse(args);
    const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
    const auto dbs = admin.list(cmd.parser().value(QStringLiteral("prefix")));
    nlohmann::json doc = nlohmann::json::array();
    QStringList lines;
    QString family;
    for (const auto &d : dbs) {
        doc.push_back(toJson(d));
        const QString f = d.weekly ? d.weekly->prefix() : QStringLiteral("(other)");
        if (f != family) {
            lines << f;
            family = f;
        }
        // Statescope's weekly schema: its version and what is pending. Any other database:
        // the tool that manages it, as tool and version, or that none was found.
        QString state;
        if (!d.problem.isEmpty()) {
            state = QStringLiteral("? %1").arg(d.problem);
        } else if (d.managed) {
            state = QStringLiteral("v%1").arg(d.schemaVersion);
            if (d.pending)
                state += QStringLiteral(", %1 pending").arg(d.pending);
            if (d.blocked)
                state += QStringLiteral(", BLOCKED");
        } else {
            state = d.foreignHistories.isEmpty()
                        ? QStringLiteral("not Statescope's (no migration history)")
                        : QStringLiteral("not Statescope's: %1").arg(d.foreignHistories.join(QStringLiteral("; ")));
        }
        lines << QStringLiteral("  %1  %2  %3  %4")
                     .arg(d.name, -32)
                     .arg(d.weekly ? d.weekly->isoWeekString() : QStringLiteral("-"), -8)
                     .arg(d.sizeBytes < 0 ? QStringLiteral("?") : humanSize(d.sizeBytes), 9)
                     .arg(state);
    }
    cmd.print(doc, lines.isEmpty() ? QStringLiteral("No databases.") : lines.join('\n'));
    // Listed, but not read: said on stderr too, so a script that reads the list sees it.
    int unread = 0;
    for (const auto &d : dbs)
        unread += d.problem.isEmpty() ? 0 : 1;
    if (unread > 0)
        std::fputs(QStringLiteral("statescope-cli: warning: %1 database(s) could not be inspected; "
                                  "see their problem.\n")
                       .arg(unread)
                       .toUtf8()
                       .constData(),
                   stderr);
    return Ok;
}

int create(const QStringList &args)
{
    Command cmd(QStringLiteral("db create"),
                QStringLiteral("Create a weekly database (from template0, UTF8) and migrate it."));
    addServer(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("name"), QStringLiteral("The database name."), QStringLiteral("N")});
    p.addOption({QStringLiteral("prefix"), QStringLiteral("The family; the name is derived."),
                 QStringLiteral("P")});
    p.addOption({QStringLiteral("week"),
                 QStringLiteral("ISO week YYYY-Www (default: after the family's newest)."),
                 QStringLiteral("W")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."),
                 QStringLiteral("TEXT")});
    cmd.parse(args);
    const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
    QString name;
    if (p.isSet(QStringLiteral("name")) == p.isSet(QStringLiteral("prefix")))
        throw Error::invalidInput(QStringLiteral("Give either --name or --prefix."));
    if (p.isSet(QStringLiteral("name"))) {
        if (p.isSet(QStringLiteral("week")))
            throw Error::invalidInput(QStringLiteral("--week goes with --prefix, not --name."));
        name = p.value(QStringLiteral("name"));
    } else {
        const QString prefix = p.value(QStringLiteral("prefix"));
        name = p.isSet(QStringLiteral("week"))
                   ? weekly::WeeklyName::fromIsoWeek(prefix, p.value(QStringLiteral("week")))
                         .databaseName()
                   : admin.nextWeek(prefix).databaseName();
    }
    // A new week made like one that differs from the family's other weeks differs too: said
    // before anything is made.
    if (const QString source = admin.copySource(name); !source.isEmpty())
        if (const auto warning = weekly::FamilyDrift::copyWarning(admin.server(), source))
            std::fputs(("statescope-cli: warning: " + utf8(*warning) + "\n").c_str(), stderr);
    const auto info = admin.create(name, p.value(QStringLiteral("reason")));
    cmd.print(toJson(info), QStringLiteral("Created %1 at schema version %2.")
                                .arg(info.name)
                                .arg(info.schemaVersion));
    return Ok;
}

int migrateCmd(const QStringList &args)
{
    Command cmd(QStringLiteral("db migrate"),
                QStringLiteral("Apply pending migrations of the weekly schema, all in one "
                               "transaction under an advisory lock. Refused (the dry run too) for "
                               "databases another tool manages or Statescope did not create, and "
                               "when objects it would create exist: use db adopt there."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("dry-run"),
                            QStringLiteral("Only list what would be applied.")});
    cmd.parse(args);
    const bool dry = cmd.parser().isSet(QStringLiteral("dry-run"));
    auto conn = cmd.open(QStringLiteral("db"),
                                     dry ? pg::Connection::Access::ReadOnly
                                         : pg::Connection::Access::ReadWrite);
    const auto report = migrate::Migrator().migrate(*conn, nullptr, dry);
    nlohmann::json pending = nlohmann::json::array();
    QStringList lines;
    for (const auto &m : report.pending) {
        pending.push_back({{"version", m.version}, {"description", utf8(m.description)},
                           {"file", utf8(m.fileName)}});
        lines << QStringLiteral("  V%1  %2").arg(m.version, 3, 10, QLatin1Char('0')).arg(m.description);
    }
    QString text;
    if (dry)
        text = report.pending.isEmpty()
                   ? QStringLiteral("%1 is up to date at version %2.").arg(conn->database()).arg(report.fromVersion)
                   : QStringLiteral("%1 pending on %2 (at version %3):\n%4")
                         .arg(report.pending.size())
                         .arg(conn->database())
                         .arg(report.fromVersion)
                         .arg(lines.join('\n'));
    else
        text = QStringLiteral("%1: version %2 -> %3 (%4 applied).")
                   .arg(conn->database())
                   .arg(report.fromVersion)
                   .arg(report.toVersion)
                   .arg(report.applied.size());
    cmd.print({{"database", utf8(conn->database())},
               {"dry_run", dry},
               {"from_version", report.fromVersion},
               {"to_version", report.toVersion},
               {"pending", pending},
               {"applied", std::vector<int>(report.applied.begin(), report.applied.end())}},
              text);
    return Ok;
}

int status(const QStringList &args)
{
    Command cmd(QStringLiteral("db status"),
                QStringLiteral("Show a database's schema version, pending migrations and drift."));
    addDb(cmd);
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"),
                                     pg::Connection::Access::ReadOnly);
    const auto st = migrate::Migrator().status(*conn);
    nlohmann::json doc = toJson(st);
    doc["database"] = utf8(conn->database());
    cmd.print(doc, conn->database() + QStringLiteral(": ") + migrate::Migrator::describe(st));
    return Ok;
}

int repair(const QStringList &args)
{
    Command cmd(QStringLiteral("db repair"),
                QStringLiteral("Accept the current migration files' checksums where they drifted."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("confirm"), QStringLiteral("The database name."),
                            QStringLiteral("N")});
    cmd.parser().addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."),
                            QStringLiteral("TEXT")});
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"));
    if (cmd.required(QStringLiteral("confirm")) != conn->database())
        throw Error::invalidInput(QStringLiteral("--confirm does not match the database name %1; "
                                                 "nothing was changed.")
                                      .arg(conn->database()));
    const auto repaired = migrate::Migrator().repair(*conn, cmd.parser().value(QStringLiteral("reason")));
    nlohmann::json items = nlohmann::json::array();
    for (const auto &d : repaired)
        items.push_back({{"version", d.version}, {"accepted", d.current.toStdString()}});
    cmd.print({{"database", utf8(conn->database())}, {"repaired", items}},
              QStringLiteral("Repaired %1 checksum(s).").arg(repaired.size()));
    return Ok;
}

int destructive(const QString &sub, const QStringList &args)
{
    Command cmd(QStringLiteral("db ") + sub,
                sub == QLatin1String("reset")
                    ? QStringLiteral("Dump, drop (terminating other sessions), recreate and migrate "
                                     "a database.")
                    : QStringLiteral("Dump, then drop a database (terminating other sessions)."));
    addServer(cmd);
    addDestructive(cmd);
    cmd.parser().addOption({QStringLiteral("dry-run"),
                            QStringLiteral("Only show what would be destroyed.")});
    cmd.parse(args);
    const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
    const QString name = cmd.required(QStringLiteral("name"));
    // A reset of a game's own database brings back its own schema: said first when that schema
    // differs from the rest of its family's.
    std::optional<QString> drift;
    if (sub == QLatin1String("reset") && admin.exists(name) && !admin.isStatescopes(name))
        drift = weekly::FamilyDrift::copyWarning(admin.server(), name);
    if (drift)
        std::fputs(("statescope-cli: warning: " + utf8(*drift) + "\n").c_str(), stderr);
    if (cmd.parser().isSet(QStringLiteral("dry-run"))) {
        const auto pv = admin.preview(name);
        nlohmann::json tables = nlohmann::json::array();
        for (const auto &[t, rows] : pv.tables)
            tables.push_back({{"table", utf8(t)}, {"estimated_rows", rows}});
        const bool reset = sub == QLatin1String("reset");
        cmd.print({{"name", utf8(pv.name)}, {"size_bytes", pv.sizeBytes},
                   {"sessions", pv.sessions}, {"schema_version", pv.schemaVersion},
                   {"estimated_rows", pv.estimatedRows}, {"tables", tables},
                   {"recreated_with", reset ? nlohmann::json(pv.ownSchema ? "own schema" : "weekly schema")
                                            : nlohmann::json(nullptr)}},
                  QStringLiteral("%1 %2 would destroy %3 (%4 rows in %5 tables, %6 open "
                                 "sessions).%7")
                      .arg(QStringLiteral("db"), sub, pv.name)
                      .arg(pv.estimatedRows)
                      .arg(pv.tables.size())
                      .arg(pv.sessions)
                      .arg(reset ? QStringLiteral("\nIt would come back empty with %1.").arg(pv.recreateWith)
                                 : QString()));
        return Ok;
    }
    weekly::ActionOptions options;
    options.reason = cmd.parser().value(QStringLiteral("reason"));
    options.dump = !cmd.parser().isSet(QStringLiteral("no-dump"));
    options.backupDir = cmd.parser().value(QStringLiteral("backup-dir"));
    const QString confirm = cmd.required(QStringLiteral("confirm"));
    const auto r = sub == QLatin1String("reset") ? admin.reset(name, confirm, options)
                                                 : admin.drop(name, confirm, options);
    for (const QString &w : r.warnings)
        std::fputs(("statescope-cli: warning: " + utf8(w) + "\n").c_str(), stderr);
    cmd.print({{"name", utf8(r.name)},
               {"action", utf8(sub)},
               {"dump", utf8(r.dumpPath)},
               {"terminated_sessions", r.terminatedSessions},
               {"schema_version", r.schemaVersion}},
              QStringLiteral("%1 %2.%3")
                  .arg(sub == QLatin1String("reset") ? QStringLiteral("Reset") : QStringLiteral("Dropped"),
                       r.name,
                       r.dumpPath.isEmpty() ? QString()
                                            : QStringLiteral(" Dump kept at %1 (restore with: "
                                                             "statescope-cli db restore).")
                                                  .arg(r.dumpPath)));
    return Ok;
}

int restore(const QStringList &args)
{
    Command cmd(QStringLiteral("db restore"),
                QStringLiteral("Recreate a database from a dump taken by reset or drop."));
    addServer(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("name"), QStringLiteral("The (free) database name."), QStringLiteral("N")});
    p.addOption({QStringLiteral("from"), QStringLiteral("The dump file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."), QStringLiteral("TEXT")});
    cmd.parse(args);
    const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
    const auto r = admin.restore(cmd.required(QStringLiteral("name")), cmd.required(QStringLiteral("from")),
                                 p.value(QStringLiteral("reason")));
    cmd.print({{"name", utf8(r.name)}, {"dump", utf8(r.dumpPath)}, {"schema_version", r.schemaVersion}},
              QStringLiteral("Restored %1 from %2.").arg(r.name, r.dumpPath));
    return Ok;
}

int auditCmd(const QStringList &args)
{
    Command cmd(QStringLiteral("db audit"),
                QStringLiteral("Show a database's audit log (or, without --db, the local journal "
                               "of server-level actions)."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("limit"), QStringLiteral("Entries (default 50)."),
                            QStringLiteral("N")});
    cmd.parse(args);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 50, 1, 100000));
    QList<audit::Entry> entries;
    if (cmd.parser().isSet(QStringLiteral("db"))) {
        auto conn = cmd.open(QStringLiteral("db"),
                                         pg::Connection::Access::ReadOnly);
        if (!audit::hasAuditTable(*conn)) {
            cmd.print(nlohmann::json::array(),
                      QStringLiteral("%1 has no audit log (no statescope.audit_log: not made by "
                                     "Statescope, nor adopted). Server-level actions are in the "
                                     "local journal: statescope-cli db audit")
                          .arg(conn->database()));
            return Ok;
        }
        entries = audit::readFromDatabase(*conn, limit);
    } else {
        entries = audit::readJournalActions(limit);
    }
    // Intents that no "done"/"failed" line closes: runs killed midway (journal only).
    const QList<audit::Entry> unfinished = audit::incomplete(entries);
    QSet<QString> open;
    QStringList notes;
    for (const auto &e : unfinished) {
        open.insert(e.op);
        const auto dumpValue = e.details.value("dump", nlohmann::json());
        const QString dump = dumpValue.is_string() ? QString::fromStdString(dumpValue.get<std::string>())
                                                   : QString();
        notes << QStringLiteral("INCOMPLETE: %1 of %2 (operation %3, started %4) never finished.")
                     .arg(e.action, e.target, e.op, e.at.toString(Qt::ISODate));
        notes << (dump.isEmpty()
                      ? QStringLiteral("  No dump was recorded; check whether %1 still exists (db "
                                       "list) and whether its connection limit or CONNECT grant "
                                       "need putting back (details.fence).")
                            .arg(e.target)
                      : QStringLiteral("  Its dump: %1").arg(dump));
        notes << QStringLiteral("  Finish it or put %1 back: statescope-cli db recover --server CONN")
                     .arg(e.target);
    }
    nlohmann::json doc = nlohmann::json::array();
    QStringList lines;
    for (const auto &e : entries) {
        nlohmann::json item = {{"at", utf8(e.at.toString(Qt::ISODateWithMs))},
                               {"os_user", utf8(e.osUser)},
                               {"action", utf8(e.action)},
                               {"target", utf8(e.target)},
                               {"reason", utf8(e.reason)},
                               {"server", utf8(e.server)},
                               {"server_id", utf8(e.serverId)},
                               {"details", e.details}};
        QString phase;
        if (!e.op.isEmpty()) {
            const bool incomplete = e.phase == QLatin1String("intent") && open.contains(e.op);
            item["op"] = utf8(e.op);
            item["phase"] = utf8(e.phase);
            item["incomplete"] = incomplete;
            phase = incomplete ? QStringLiteral(" [INCOMPLETE]") : QStringLiteral(" [%1]").arg(e.phase);
        }
        doc.push_back(item);
        lines << QStringLiteral("%1  %2  %3 %4%5  %6")
                     .arg(e.at.toString(Qt::ISODate), e.osUser, e.action, e.target, phase, e.reason);
    }
    if (!notes.isEmpty())
        lines << QString() << notes;
    cmd.print(doc, lines.join('\n'));
    return Ok;
}

} // namespace

int runDb(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("create"))
        return create(args);
    if (sub == QLatin1String("migrate"))
        return migrateCmd(args);
    if (sub == QLatin1String("status"))
        return status(args);
    if (sub == QLatin1String("repair"))
        return repair(args);
    if (sub == QLatin1String("reset") || sub == QLatin1String("drop"))
        return destructive(sub, args);
    if (sub == QLatin1String("restore"))
        return restore(args);
    if (sub == QLatin1String("move"))
        return runMove(args);
    if (sub == QLatin1String("audit"))
        return auditCmd(args);
    if (sub == QLatin1String("recover"))
        return runRecover(args);
    if (sub == QLatin1String("reader"))
        return runReader(args);
    if (sub == QLatin1String("diff"))
        return runSchemaDiff(args);
    if (sub == QLatin1String("drift"))
        return runDrift(args);
    if (sub == QLatin1String("adopt"))
        return runAdopt(args);
    if (sub == QLatin1String("unadopt"))
        return runUnadopt(args);
    if (sub == QLatin1String("create-index"))
        return runCreateIndex(args);
    throw Error::invalidInput(QStringLiteral("Unknown command: db %1").arg(sub),
                              QStringLiteral("See: statescope-cli --help"));
}

} // namespace statescope::cli
