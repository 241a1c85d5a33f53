// db recover: what killed resets and drops left behind, and the two ways out of each.
#include "output.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/format.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "core/upkeep/partitions.h"
#include "core/weekly/recovery.h"
#include "core/weekly/retention.h"

#include <QFile>
#include <QSet>

#include <cstdio>
#include <optional>

namespace statescope::cli {

namespace {

const char *stageName(weekly::IncompleteRun::Stage stage)
{
    switch (stage) {
    case weekly::IncompleteRun::Stage::NotDropped:
        return "not_dropped";
    case weekly::IncompleteRun::Stage::Dropped:
        return "dropped";
    case weekly::IncompleteRun::Stage::Recreated:
        return "recreated";
    case weekly::IncompleteRun::Stage::DropInterrupted:
        return "drop_interrupted";
    case weekly::IncompleteRun::Stage::Unknown:
        break;
    }
    return "unknown";
}

} // namespace

namespace {

nlohmann::json runJson(const weekly::IncompleteRun &run, bool staged)
{
    return {{"op", utf8(run.intent.op)},
            {"action", utf8(run.intent.action)},
            {"database", utf8(run.intent.target)},
            {"started", utf8(run.intent.at.toUTC().toString(Qt::ISODate))},
            {"server", utf8(run.intent.server)},
            {"server_id", utf8(run.intent.serverId)},
            {"stage", staged ? stageName(run.stage) : "not looked at"},
            {"recorded_elsewhere", run.recordedElsewhere},
            {"dump", utf8(run.dump)},
            {"finish", staged ? nlohmann::json(utf8(run.finishPlan())) : nlohmann::json()},
            {"restore", staged ? nlohmann::json(utf8(run.restorePlan())) : nlohmann::json()},
            // A move whose copy was begun: recovering it needs --to (the server it went to).
            {"target_server", run.intent.action == QLatin1String("move")
                                  ? nlohmann::json(run.intent.details.value("target_server", std::string()))
                                  : nlohmann::json()},
            {"needs_target", weekly::Recovery::moveReachedTarget(run)}};
}

nlohmann::json archiveJson(const upkeep::UnfinishedArchive &u)
{
    auto list = [](const QStringList &l) {
        nlohmann::json a = nlohmann::json::array();
        for (const QString &s : l)
            a.push_back(utf8(s));
        return a;
    };
    nlohmann::json j = {{"op", utf8(u.op)},
                        {"action", "archive_partitions"},
                        {"database", utf8(u.database)},
                        {"table", utf8(u.table)},
                        {"started", utf8(u.started.toUTC().toString(Qt::ISODate))},
                        {"server", utf8(u.server)},
                        {"server_id", utf8(u.serverId)},
                        {"partitions", list(u.partitions)},
                        {"stage", u.looked ? "looked" : "not looked at"}};
    if (u.looked) {
        j["stranded"] = list(u.stranded);
        j["attached"] = list(u.attached);
        j["archived"] = list(u.archived);
        j["scratch"] = list(u.scratch);
        j["partial_files"] = list(u.partialFiles);
        j["finish"] = utf8(u.finishPlan());
        j["restore"] = utf8(u.restorePlan());
    }
    return j;
}

// The unfinished archives of this server, each read from its database (one that cannot be
// reached is said, not skipped).
QList<upkeep::UnfinishedArchive> archivesOn(const weekly::ServerAdmin &admin, QStringList *problems)
{
    QList<upkeep::UnfinishedArchive> out;
    QSet<QString> databases;
    for (const upkeep::UnfinishedArchive &u : upkeep::Partitions::unfinishedArchives())
        databases.insert(u.database);
    for (const QString &db : std::as_const(databases)) {
        try {
            auto conn = pg::Connection::open(admin.server().withDatabase(db), pg::Connection::Access::ReadWrite);
            out << upkeep::Partitions::unfinishedArchives(*conn);
        } catch (const Error &e) {
            if (problems && e.kind() != Error::Kind::Cancelled)
                problems->append(QStringLiteral("%1: %2").arg(db, e.oneLine()));
        }
    }
    return out;
}

} // namespace

int runRecover(const QStringList &args)
{
    Command cmd(QStringLiteral("db recover"),
                QStringLiteral("Resets, drops, moves and partition archives that were killed midway (from the local journal): "
                               "without --server, every one on any server, with where it was; with "
                               "--server, those on that server (by its identity, whatever address "
                               "reaches it) and what each left, to finish one (--finish) or put its "
                               "database back as it was (--restore). Also lists dump files that no "
                               "run names (--delete-orphans removes them)."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("server"),
                 QStringLiteral("The server: conninfo, postgresql:// URI or service=NAME."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("op"), QStringLiteral("The operation id of the killed run (db recover lists them)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("finish"), QStringLiteral("Do what the run set out to do.")});
    p.addOption({QStringLiteral("restore"), QStringLiteral("Put the database back as it was before the run.")});
    p.addOption({QStringLiteral("delete-orphans"),
                 QStringLiteral("Remove the files in the backup directories that no run names; --confirm "
                                "gives the code db recover shows for them.")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name, typed back (or, with "
                                                           "--delete-orphans, the code of the files listed)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("to"),
                 QStringLiteral("For a killed move that got as far as its copy: the server it went to, where "
                                "the copy is taken away (conninfo, URI or service=NAME)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("same-server"),
                 QStringLiteral("The run was recorded under another name of this server (another port, a "
                                "failover): say that this is the server it ran on, not a copy of it.")});
    cmd.parse(args);
    const bool finish = p.isSet(QStringLiteral("finish"));
    const bool restore = p.isSet(QStringLiteral("restore"));
    const bool deleteOrphans = p.isSet(QStringLiteral("delete-orphans"));
    if (int(finish) + int(restore) + int(deleteOrphans) > 1)
        throw Error::invalidInput(QStringLiteral("Give one of --finish, --restore and --delete-orphans."));
    const QList<weekly::OrphanFile> orphans = weekly::orphanFiles(weekly::backupDirs());
    if (deleteOrphans) {
        const QString confirm = cmd.required(QStringLiteral("confirm"));
        if (confirm != weekly::orphansDigest(orphans))
            throw Error::invalidInput(
                QStringLiteral("--confirm %1 does not name the %2 orphaned file(s) there are now; nothing was "
                               "removed.")
                    .arg(confirm)
                    .arg(orphans.size()),
                QStringLiteral("List them again (statescope-cli db recover) and confirm with the code it shows."));
        nlohmann::json removed = nlohmann::json::array();
        QStringList lines;
        for (const weekly::OrphanFile &o : orphans) {
            if (!QFile::remove(o.path))
                throw Error(Error::Kind::Environment, QStringLiteral("Could not remove %1.").arg(o.path));
            removed.push_back(utf8(o.path));
            lines << QStringLiteral("removed %1").arg(o.path);
        }
        audit::appendToJournal({QStringLiteral("remove-orphans"), paths::backupDir(),
                                p.value(QStringLiteral("reason")), {{"removed", removed}}});
        lines << QStringLiteral("Removed %1 file(s).").arg(orphans.size());
        cmd.print({{"removed", removed}}, lines.join(QLatin1Char('\n')));
        return Ok;
    }
    const auto orphanJson = [&] {
        nlohmann::json a = nlohmann::json::array();
        for (const weekly::OrphanFile &o : orphans)
            a.push_back({{"path", utf8(o.path)},
                         {"bytes", o.bytes},
                         {"modified", utf8(o.modified.toString(Qt::ISODate))},
                         {"partial", o.partial}});
        return a;
    };
    const auto orphanLines = [&] {
        QStringList lines;
        if (orphans.isEmpty())
            return lines;
        lines << QString()
              << QStringLiteral("%1 file(s) in the backup directories that no run names (killed before "
                                "they were journalled; .partial ones are incomplete dumps):")
                     .arg(orphans.size());
        for (const weekly::OrphanFile &o : orphans)
            lines << QStringLiteral("  %1  %2  %3").arg(o.modified.toString(Qt::ISODate), format::bytes(o.bytes, true), o.path);
        lines << QStringLiteral("  Remove them: statescope-cli db recover --delete-orphans --confirm %1")
                     .arg(weekly::orphansDigest(orphans));
        return lines;
    };
    if (!finish && !restore) {
        if (p.isSet(QStringLiteral("op")) || p.isSet(QStringLiteral("confirm")))
            throw Error::invalidInput(QStringLiteral("--op and --confirm go with --finish or --restore."));
        nlohmann::json doc = {{"runs", nlohmann::json::array()}};
        QStringList lines;
        if (!p.isSet(QStringLiteral("server"))) {
            // Every unfinished run of the journal, with where it was; nothing is connected to.
            for (const weekly::IncompleteRun &run : weekly::Recovery::everywhere()) {
                doc["runs"].push_back(runJson(run, false));
                lines << QStringLiteral("%1  %2 of %3, started %4, on %5%6")
                             .arg(run.intent.op, run.intent.action, run.intent.target,
                                  run.intent.at.toUTC().toString(Qt::ISODate), run.where(),
                                  run.dump.isEmpty() ? QString() : QStringLiteral("; dump %1").arg(run.dump));
            }
            doc["archives"] = nlohmann::json::array();
            for (const upkeep::UnfinishedArchive &u : upkeep::Partitions::unfinishedArchives()) {
                doc["archives"].push_back(archiveJson(u));
                lines << QStringLiteral("%1  archive of %2 in %3, started %4, on %5")
                             .arg(u.op, u.table, u.database, u.started.toUTC().toString(Qt::ISODate),
                                  u.serverId.isEmpty() ? u.server : QStringLiteral("%1 (system identifier %2)").arg(u.server, u.serverId));
            }
            if (lines.isEmpty())
                lines << QStringLiteral("No unfinished reset, drop, move or archive in the journal.");
            else
                lines << QStringLiteral("Finish or undo one: statescope-cli db recover --server CONN "
                                        "(any address of its server)");
        } else {
            const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
            const weekly::Recovery recovery(admin);
            QSet<QString> here;
            for (const weekly::IncompleteRun &run : recovery.incomplete()) {
                here.insert(run.intent.op);
                doc["runs"].push_back(runJson(run, true));
                lines << QStringLiteral("%1  %2").arg(run.intent.op, run.describe());
                if (!run.finishPlan().isEmpty())
                    lines << QStringLiteral("  --finish:  %1").arg(run.finishPlan());
                if (!run.restorePlan().isEmpty())
                    lines << QStringLiteral("  --restore: %1").arg(run.restorePlan());
                if (weekly::Recovery::moveReachedTarget(run))
                    lines << QStringLiteral("  (either way with --to, the server the move went to: %1)")
                                 .arg(QString::fromStdString(run.intent.details.value("target_server", std::string())));
            }
            QStringList problems;
            doc["archives"] = nlohmann::json::array();
            for (const upkeep::UnfinishedArchive &u : archivesOn(admin, &problems)) {
                here.insert(u.op);
                doc["archives"].push_back(archiveJson(u));
                lines << QStringLiteral("%1  %2").arg(u.op, u.describe())
                      << QStringLiteral("  --finish:  %1").arg(u.finishPlan())
                      << QStringLiteral("  --restore: %1").arg(u.restorePlan());
            }
            for (const QString &problem : std::as_const(problems))
                lines << QStringLiteral("Not read (its unfinished archives are not listed): %1").arg(problem);
            if (lines.isEmpty())
                lines << QStringLiteral("No unfinished reset, drop, move or archive on %1.").arg(admin.server().displayName());
            int elsewhere = 0;
            doc["elsewhere"] = nlohmann::json::array();
            for (const weekly::IncompleteRun &run : weekly::Recovery::everywhere())
                if (!here.contains(run.intent.op)) {
                    ++elsewhere;
                    doc["elsewhere"].push_back(runJson(run, false));
                }
            for (const upkeep::UnfinishedArchive &u : upkeep::Partitions::unfinishedArchives())
                if (!here.contains(u.op)) {
                    ++elsewhere;
                    doc["elsewhere"].push_back(archiveJson(u));
                }
            if (elsewhere > 0)
                lines << QStringLiteral("%1 more on other servers: statescope-cli db recover lists them.")
                             .arg(elsewhere);
        }
        doc["orphans"] = orphanJson();
        doc["orphans_confirm"] = utf8(weekly::orphansDigest(orphans));
        lines << orphanLines();
        cmd.print(doc, lines.join(QLatin1Char('\n')));
        return Ok;
    }
    const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
    weekly::Recovery recovery(admin);
    std::optional<weekly::ServerAdmin> target;
    if (p.isSet(QStringLiteral("to"))) {
        target.emplace(cmd.connection(QStringLiteral("to")));
        recovery.setMoveTarget(&*target);
    }
    const QString op = cmd.required(QStringLiteral("op"));
    const QString confirm = cmd.required(QStringLiteral("confirm"));
    const QString reason = p.value(QStringLiteral("reason"));
    const bool same = p.isSet(QStringLiteral("same-server"));
    for (const upkeep::UnfinishedArchive &u : upkeep::Partitions::unfinishedArchives()) {
        if (u.op != op)
            continue;
        auto conn = pg::Connection::open(admin.server().withDatabase(u.database), pg::Connection::Access::ReadWrite);
        const upkeep::ArchiveResult r =
            upkeep::Partitions::recoverArchive(*conn, admin.server().withDatabase(u.database), op, finish, confirm, reason);
        nlohmann::json partitions = nlohmann::json::array();
        for (const QString &n : r.archived)
            partitions.push_back(utf8(n));
        nlohmann::json dumps = nlohmann::json::array();
        for (const QString &d : r.dumps)
            dumps.push_back(utf8(d));
        cmd.print({{"op", utf8(op)}, {"way", finish ? "finish" : "restore"}, {"database", utf8(u.database)},
                   {"table", utf8(u.table)}, {"partitions", partitions}, {"dumps", dumps},
                   {"by_operation", utf8(r.operationId)}},
                  finish ? QStringLiteral("Finished the archive %1 of %2: archived %3.")
                               .arg(op, u.table, r.archived.isEmpty() ? QStringLiteral("nothing more") : r.archived.join(QStringLiteral(", ")))
                         : QStringLiteral("Put back what the archive %1 of %2 detached: %3.")
                               .arg(op, u.table, r.archived.isEmpty() ? QStringLiteral("nothing was detached") : r.archived.join(QStringLiteral(", "))));
        return Ok;
    }
    const weekly::ActionResult r = finish ? recovery.finish(op, confirm, reason, nullptr, same)
                                          : recovery.restore(op, confirm, reason, nullptr, same);
    for (const QString &w : r.warnings)
        std::fputs(("statescope-cli: warning: " + utf8(w) + "\n").c_str(), stderr);
    cmd.print({{"name", utf8(r.name)},
               {"op", utf8(op)},
               {"way", finish ? "finish" : "restore"},
               {"dump", utf8(r.dumpPath)},
               {"schema_version", r.schemaVersion},
               {"warnings", utf8Array(r.warnings)}},
              finish ? QStringLiteral("Finished the run %1 on %2.").arg(op, r.name)
                     : QStringLiteral("Put %1 back as it was before the run %2.").arg(r.name, op));
    return Ok;
}

} // namespace statescope::cli
