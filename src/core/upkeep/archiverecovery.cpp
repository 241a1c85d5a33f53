// What a killed `upkeep archive-partitions` left (partitions detached as tables of their own,
// scratch databases, partial dumps), found from its journal lines and the database, and the
// two ways out: finish the archive, or attach the partitions again.
#include "core/upkeep/partitions.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/upkeep/journal_p.h"
#include "core/upkeep/verify_p.h"
#include "core/weekly/retention.h"
#include "core/weekly/serveradmin.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <limits>

namespace statescope::upkeep {

namespace {

const QString kAction = QStringLiteral("archive_partitions");

QString str(const nlohmann::json &j, const char *key)
{
    const auto v = j.value(key, nlohmann::json());
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

// "schema.name" (as journalled: the names as they are, unquoted) split at its last dot that
// leaves a schema the catalog has; the journal wrote schema + '.' + name.
Partition partitionOf(const QString &qualified)
{
    Partition p;
    const qsizetype dot = qualified.indexOf(QLatin1Char('.'));
    p.schema = qualified.left(dot);
    p.name = qualified.mid(dot + 1);
    return p;
}

struct JournalRun
{
    audit::Entry intent;
    QStringList scratch; // scratch databases it said it would make
};

QList<JournalRun> journalRuns()
{
    const QList<audit::Entry> lines = audit::readJournal(std::numeric_limits<int>::max());
    QHash<QString, QStringList> scratch;
    for (const audit::Entry &e : lines)
        if (e.action == kAction && e.phase == QLatin1String("scratch"))
            scratch[e.op] << str(e.details, "scratch");
    QList<JournalRun> out;
    for (const audit::Entry &e : audit::incomplete(lines))
        if (e.action == kAction)
            out.append({e, scratch.value(e.op)});
    return out;
}

UnfinishedArchive fromJournal(const JournalRun &run)
{
    const audit::Entry &e = run.intent;
    UnfinishedArchive u;
    u.op = e.op;
    u.database = str(e.details, "database");
    u.table = str(e.details, "table");
    if (u.database.isEmpty()) // an older line: "database schema.table"
        u.database = e.target.section(QLatin1Char(' '), 0, 0);
    if (u.table.isEmpty())
        u.table = e.target.section(QLatin1Char(' '), 1);
    u.reason = e.reason;
    u.server = e.server;
    u.serverId = e.serverId;
    u.backupDir = str(e.details, "backup_dir");
    u.started = e.at;
    for (const auto &n : e.details.value("partitions", nlohmann::json::array()))
        if (n.is_string())
            u.partitions << QString::fromStdString(n.get<std::string>());
    u.scratch = run.scratch;
    return u;
}

// The partial dumps of the run's partitions in its backup directory that Statescope wrote.
QStringList partialsOf(const UnfinishedArchive &u)
{
    QStringList out;
    if (u.backupDir.isEmpty())
        return out;
    const QSet<QString> ours = weekly::filesWritten();
    for (const QString &qualified : u.partitions) {
        QString stem = u.database + QLatin1Char('_') + partitionOf(qualified).name;
        for (QChar &c : stem)
            if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.')))
                c = QLatin1Char('_');
        for (const QFileInfo &f : QDir(u.backupDir).entryInfoList({stem + QStringLiteral("_*.dump.partial")},
                                                                  QDir::Files | QDir::NoSymLinks))
            if (ours.contains(f.absoluteFilePath()))
                out << f.absoluteFilePath();
    }
    return out;
}

} // namespace

QString UnfinishedArchive::describe() const
{
    const QString when = started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (!looked)
        return Partitions::tr("The archive of %1 in %2 started %3 never finished (partitions %4).")
            .arg(table, database, when, partitions.join(QStringLiteral(", ")));
    QStringList parts;
    if (!stranded.isEmpty())
        parts << Partitions::tr("detached, a table of its own with every row: %1").arg(stranded.join(QStringLiteral(", ")));
    if (!archived.isEmpty())
        parts << Partitions::tr("archived and dropped: %1").arg(archived.join(QStringLiteral(", ")));
    if (!attached.isEmpty())
        parts << Partitions::tr("still a partition: %1").arg(attached.join(QStringLiteral(", ")));
    if (!scratch.isEmpty())
        parts << Partitions::tr("scratch databases left: %1").arg(scratch.join(QStringLiteral(", ")));
    if (!partialFiles.isEmpty())
        parts << Partitions::tr("incomplete dumps left: %1").arg(partialFiles.join(QStringLiteral(", ")));
    return Partitions::tr("The archive of %1 in %2 started %3 never finished; %4.")
        .arg(table, database, when, parts.join(QStringLiteral("; ")));
}

QString UnfinishedArchive::finishPlan() const
{
    QStringList remaining = stranded + attached;
    QString plan = remaining.isEmpty()
                       ? Partitions::tr("Nothing left to archive")
                       : Partitions::tr("Archive %1 (each locked against writers, dumped, the dump checked in a "
                                        "scratch database, then dropped)")
                             .arg(remaining.join(QStringLiteral(", ")));
    if (!scratch.isEmpty() || !partialFiles.isEmpty())
        plan += Partitions::tr("; drop the scratch databases and remove the incomplete dumps it left");
    return plan + QLatin1Char('.');
}

QString UnfinishedArchive::restorePlan() const
{
    QString plan = stranded.isEmpty()
                       ? Partitions::tr("Nothing is detached")
                       : Partitions::tr("Attach %1 to %2 again, with the bounds it had").arg(stranded.join(QStringLiteral(", ")), table);
    if (!archived.isEmpty())
        plan += Partitions::tr(" (%1 stay archived: their dumps hold every row)").arg(archived.join(QStringLiteral(", ")));
    if (!scratch.isEmpty() || !partialFiles.isEmpty())
        plan += Partitions::tr("; drop the scratch databases and remove the incomplete dumps it left");
    return plan + QLatin1Char('.');
}

QList<UnfinishedArchive> Partitions::unfinishedArchives()
{
    QList<UnfinishedArchive> out;
    for (const JournalRun &run : journalRuns())
        out << fromJournal(run);
    return out;
}

QList<UnfinishedArchive> Partitions::unfinishedArchives(pg::Connection &conn)
{
    QList<UnfinishedArchive> out;
    const QList<JournalRun> runs = journalRuns();
    if (runs.isEmpty())
        return out;
    const QString id = weekly::ServerAdmin::identity(conn);
    for (const JournalRun &run : runs) {
        UnfinishedArchive u = fromJournal(run);
        if (u.database != conn.database() || (!u.serverId.isEmpty() && !id.isEmpty() && u.serverId != id))
            continue;
        for (const QString &qualified : u.partitions) {
            const Partition p = partitionOf(qualified);
            const auto r = catalog::isAttached(conn, p.qualified());
            if (r.rowCount() == 0)
                u.archived << qualified;
            else if (r.value(0, 0) == QLatin1String("t"))
                u.attached << qualified;
            else
                u.stranded << qualified;
        }
        QStringList left;
        for (const QString &db : std::as_const(u.scratch))
            if (conn.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {db}).rowCount() > 0)
                left << db;
        u.scratch = left;
        u.partialFiles = partialsOf(u);
        u.looked = true;
        out << u;
    }
    return out;
}

ArchiveResult Partitions::recoverArchive(pg::Connection &conn, const pg::ConnectionSettings &settings,
                                         const QString &operationId, bool finish, const QString &confirm,
                                         const QString &reason, TaskContext *ctx)
{
    UnfinishedArchive run;
    bool found = false;
    for (const UnfinishedArchive &u : unfinishedArchives(conn))
        if (u.op == operationId) {
            run = u;
            found = true;
        }
    if (!found)
        throw Error(Error::Kind::NotFound,
                    tr("No unfinished archive with operation id \"%1\" in %2.").arg(operationId, conn.database()),
                    {}, tr("statescope-cli db recover lists them all."));
    if (confirm != conn.database())
        throw Error::invalidInput(tr("The confirmation does not match the database name %1; nothing was "
                                     "changed.").arg(conn.database()));
    conn.requirePrimary(tr("Recovering an archive"));
    // The recovery is a run of its own (journalled, so that it too can be found if killed),
    // and closes the killed one with "resolved" when it is through.
    detail::RunJournal journal(kAction, run.database + QLatin1Char(' ') + run.table, reason);
    journal.setServer(run.server, run.serverId);
    const audit::Entry intent = [&] {
        for (const JournalRun &j : journalRuns())
            if (j.intent.op == operationId)
                return j.intent;
        return audit::Entry();
    }();
    const nlohmann::json bounds = intent.details.value("bounds", nlohmann::json::object());
    const QString parent = str(intent.details, "parent");
    const bool concurrently = intent.details.value("concurrently", true);
    QStringList remaining = finish ? run.stranded + run.attached : run.stranded;
    nlohmann::json names = nlohmann::json::array();
    for (const QString &n : remaining)
        names.push_back(n.toStdString());
    nlohmann::json intentDetails = intent.details;
    intentDetails["partitions"] = names;
    intentDetails["resolving"] = operationId.toStdString();
    intentDetails["way"] = finish ? "finish" : "restore";
    journal.intent(intentDetails);
    ArchiveResult result;
    result.operationId = journal.operationId();
    auto writer = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
    const int total = int(remaining.size()) * 3 + 1;
    const auto progress = detail::stepper(ctx, total);
    try {
        for (const QString &qualified : remaining) {
            Partition p = partitionOf(qualified);
            const QString forValues = bounds.contains(qualified.toStdString())
                                          ? QString::fromStdString(bounds[qualified.toStdString()].get<std::string>())
                                          : QString();
            const bool stranded = run.stranded.contains(qualified);
            if (!finish) {
                if (parent.isEmpty() || forValues.isEmpty())
                    throw Error(Error::Kind::Conflict,
                                tr("The journal does not say which bounds %1 had (an older line); it was left as "
                                   "it is, a table of its own with every row.").arg(qualified),
                                {}, tr("Attach it by hand: ALTER TABLE %1 ATTACH PARTITION ... FOR VALUES ...").arg(run.table));
                progress(tr("Attaching %1 again").arg(p.name));
                detail::attachAgain(settings, parent, p, forValues);
                journal.phase("attached", {{"partition", p.name.toStdString()}});
                result.archived << qualified; // here: put back
                continue;
            }
            if (stranded) {
                // A detach left pending is finished first, so the table stands alone.
                if (catalog::detachPending(*writer, p.qualified()))
                    writer->exec(QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2 FINALIZE").arg(parent, p.qualified()));
            } else {
                progress(tr("Detaching %1").arg(p.name));
                journal.phase("detaching", {{"partition", p.name.toStdString()}, {"bounds", forValues.toStdString()}});
                PartitionedTable t;
                t.schema = run.table.section(QLatin1Char('.'), 0, 0);
                t.table = run.table.section(QLatin1Char('.'), 1);
                detail::detachPartition(*writer, t, p, concurrently);
            }
            journal.phase("detached", {{"partition", p.name.toStdString()}});
            const detail::ArchivedPartition done =
                detail::dumpCheckAndDrop(*writer, settings, p, run.backupDir, journal, ctx, progress);
            result.archived << qualified;
            result.dumps << done.dump;
            result.rows << done.rows;
        }
    } catch (const Error &e) {
        // What stays detached is listed again by db recover (the killed run stays open).
        journal.phase("failed", {{"error", e.oneLine().toStdString()}});
        throw;
    }
    progress(tr("Cleaning up"));
    for (const QString &db : std::as_const(run.scratch))
        conn.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(layout::quoteIdent(db)));
    for (const QString &f : std::as_const(run.partialFiles))
        QFile::remove(f);
    journal.phase("done", {{"partitions", names}, {"scratch_dropped", run.scratch.join(QLatin1Char(',')).toStdString()},
                           {"partial_removed", run.partialFiles.join(QLatin1Char(',')).toStdString()}});
    detail::RunJournal(kAction, run.database + QLatin1Char(' ') + run.table, reason, operationId)
        .phase("resolved", {{"resolved_by", finish ? "finish" : "restore"}, {"by_operation", result.operationId.toStdString()}});
    layout::forget(conn);
    return result;
}

} // namespace statescope::upkeep
