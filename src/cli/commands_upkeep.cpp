// upkeep ...: a busy game database's upkeep (Marketland+'s): time partitions made ahead and
// archived after an age, completed jobs archived, autovacuum settings, indexes rebuilt
// concurrently, and the pg_cron jobs that do it on a schedule. Every change is shown first
// and made only with --confirm DBNAME.
#include "interrupt.h"
#include "jsonoutput.h"
#include "output.h"

#include "core/paths.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/upkeep/maintenance.h"
#include "core/upkeep/partitions.h"

#include <QDir>

namespace statescope::cli {

namespace {

using namespace statescope::upkeep;

void addCommon(Command &cmd, bool changes)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("The database (conninfo or URI)."), QStringLiteral("CONN")});
    if (changes) {
        p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name: make the change shown."),
                     QStringLiteral("NAME")});
        p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the journal and the audit log."),
                     QStringLiteral("TEXT")});
    }
}

// Read-write only to make a confirmed change.
std::unique_ptr<pg::Connection> openFor(const Command &cmd, bool changes = true)
{
    const bool write = changes && cmd.parser().isSet(QStringLiteral("confirm"));
    return cmd.open(QStringLiteral("db"), write ? pg::Connection::Access::ReadWrite : pg::Connection::Access::ReadOnly);
}

QString day(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODate) : QString();
}

nlohmann::json partitionJson(const Partition &p)
{
    return {{"schema", utf8(p.schema)},          {"name", utf8(p.name)},
            {"from", utf8(day(p.from))},         {"to", utf8(day(p.to))},
            {"default", p.isDefault},            {"detach_pending", p.detachPending},
            {"estimated_rows", p.estimatedRows}, {"bytes", p.bytes}};
}

QString partitionLine(const Partition &p)
{
    if (p.isDefault)
        return QStringLiteral("  %1  (default partition)").arg(p.name);
    if (p.estimatedRows < 0 && p.bytes == 0) // one to be made
        return QStringLiteral("  %1  %2 .. %3")
            .arg(p.name.leftJustified(28), p.from.date().toString(Qt::ISODate), p.to.date().toString(Qt::ISODate));
    return QStringLiteral("  %1  %2 .. %3  ~%4 rows%5")
        .arg(p.name.leftJustified(28), p.from.date().toString(Qt::ISODate), p.to.date().toString(Qt::ISODate))
        .arg(p.estimatedRows < 0 ? QStringLiteral("?") : QString::number(p.estimatedRows))
        .arg(p.detachPending ? QStringLiteral("  (detach pending)") : QString());
}

QString expected(const PartitionedTable &t)
{
    return t.scheme.known() ? t.scheme.expectedForm() : QStringLiteral("no scheme: ") + t.scheme.problem;
}

int partitions(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep partitions"),
                QStringLiteral("Tables range-partitioned by time, their partitions and the scheme they follow."));
    addCommon(cmd, false);
    cmd.parse(args);
    auto conn = openFor(cmd, false);
    nlohmann::json tables = nlohmann::json::array();
    QStringList lines;
    // What a killed archive left detached is no partition now, but still the table's rows.
    const QList<upkeep::UnfinishedArchive> unfinished = Partitions::unfinishedArchives(*conn);
    for (const PartitionedTable &t : partitionedTables(*conn)) {
        nlohmann::json parts = nlohmann::json::array();
        lines << QStringLiteral("%1 by %2 (%3)%4").arg(t.displayName(), t.column, expected(t),
                                                       t.partmanSchema.isEmpty() ? QString() : QStringLiteral(", pg_partman"));
        for (const Partition &p : t.partitions) {
            parts.push_back(partitionJson(p));
            lines << partitionLine(p);
        }
        nlohmann::json stranded = nlohmann::json::array();
        for (const upkeep::UnfinishedArchive &u : unfinished) {
            if (u.table != t.displayName())
                continue;
            for (const QString &name : u.stranded) {
                stranded.push_back({{"table", utf8(name)}, {"op", utf8(u.op)}});
                lines << QStringLiteral("  %1  DETACHED by the unfinished archive %2: statescope-cli db recover "
                                        "--server CONN --op %2 --finish|--restore")
                             .arg(name.section(QLatin1Char('.'), 1).leftJustified(28), u.op);
            }
        }
        tables.push_back({{"table", utf8(t.displayName())},
                          {"column", utf8(t.column)},
                          {"scheme", t.scheme.known() ? nlohmann::json(utf8(t.scheme.expectedForm())) : nlohmann::json()},
                          {"scheme_problem", utf8(t.scheme.problem)},
                          {"pg_partman", !t.partmanSchema.isEmpty()},
                          {"partitions", parts},
                          {"stranded", stranded}});
    }
    cmd.print(tables, lines.isEmpty() ? QStringLiteral("No table partitioned by time.") : lines.join(QLatin1Char('\n')));
    return Ok;
}

int createPartitions(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep create-partitions"),
                QStringLiteral("The partitions that continue a table's scheme from its last bound: until one covers "
                               "--ahead periods past today (default 1: next month's), or until --until. Shows them; "
                               "makes them with --confirm, in one transaction (through pg_partman when it manages "
                               "the table)."));
    addCommon(cmd, true);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("The partitioned table (schema.table or table)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("ahead"), QStringLiteral("Periods past the current one (0..120, default 1)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("until"), QStringLiteral("The last upper bound to reach (YYYY-MM-DD, a bound of the scheme)."),
                 QStringLiteral("DATE")});
    cmd.parse(args);
    const QString table = cmd.required(QStringLiteral("table"));
    const int ahead = int(cmd.integer(QStringLiteral("ahead"), 1, 0, 120));
    const QString until = p.value(QStringLiteral("until"));
    auto conn = openFor(cmd);
    const bool confirmed = p.isSet(QStringLiteral("confirm"));
    const CreatePlan plan = confirmed ? Partitions::create(*conn, table, ahead, until, p.value(QStringLiteral("confirm")),
                                                           p.value(QStringLiteral("reason")))
                                      : Partitions::planCreate(*conn, table, ahead, until);
    nlohmann::json parts = nlohmann::json::array(), statements = nlohmann::json::array();
    QStringList lines;
    for (const Partition &x : plan.toCreate) {
        parts.push_back(partitionJson(x));
        lines << partitionLine(x);
    }
    for (const QString &s : plan.statements)
        statements.push_back(utf8(s));
    QString text;
    if (plan.toCreate.isEmpty())
        text = QStringLiteral("%1's partitions already reach far enough; nothing to create.").arg(plan.table.displayName());
    else if (confirmed)
        text = QStringLiteral("Created %1 partitions of %2:\n%3").arg(plan.toCreate.size()).arg(plan.table.displayName(), lines.join(QLatin1Char('\n')));
    else
        text = QStringLiteral("Would create %1 partitions of %2 (%3):\n%4\nStatements:\n  %5\nRepeat with --confirm %6.")
                   .arg(plan.toCreate.size())
                   .arg(plan.table.displayName(), expected(plan.table), lines.join(QLatin1Char('\n')),
                        plan.statements.join(QStringLiteral(";\n  ")), conn->database());
    cmd.print({{"table", utf8(plan.table.displayName())}, {"scheme", utf8(expected(plan.table))},
               {"pg_partman", plan.viaPartman}, {"partitions", parts}, {"statements", statements},
               {"created", confirmed}},
              text);
    return Ok;
}

int archivePartitions(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep archive-partitions"),
                QStringLiteral("Partitions whose range ended more than --older-than-months ago (default 6): each is "
                               "detached CONCURRENTLY, dumped, the dump restored into a scratch database and its "
                               "rows counted; only when they match is the partition dropped. Shows them; runs "
                               "with --confirm. Ctrl+C stops, attaching the partition in hand again."));
    addCommon(cmd, true);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("The partitioned table."), QStringLiteral("T")});
    p.addOption({QStringLiteral("older-than-months"), QStringLiteral("The age (0..1200, default 6)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("partition"), QStringLiteral("Only this partition (repeatable)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("backup-dir"), QStringLiteral("Where the dumps go (default: the backups folder)."),
                 QStringLiteral("DIR")});
    cmd.parse(args);
    const QString table = cmd.required(QStringLiteral("table"));
    const int months = int(cmd.integer(QStringLiteral("older-than-months"), 6, 0, 1200));
    const QStringList only = p.values(QStringLiteral("partition"));
    const QString dir = p.isSet(QStringLiteral("backup-dir")) ? QDir(p.value(QStringLiteral("backup-dir"))).absolutePath()
                                                              : paths::backupDir();
    auto conn = openFor(cmd);
    const ArchivePlan plan = Partitions::planArchive(*conn, table, months, only);
    nlohmann::json parts = nlohmann::json::array();
    QStringList lines;
    for (const Partition &x : plan.toArchive) {
        parts.push_back(partitionJson(x));
        lines << partitionLine(x);
    }
    if (!p.isSet(QStringLiteral("confirm"))) {
        nlohmann::json statements = nlohmann::json::array();
        for (const QString &s : plan.statements)
            statements.push_back(utf8(s));
        cmd.print({{"table", utf8(plan.table.displayName())}, {"cutoff", utf8(day(plan.cutoff))},
                   {"concurrently", plan.concurrently}, {"partitions", parts}, {"statements", statements},
                   {"archived", false}},
                  plan.toArchive.isEmpty()
                      ? QStringLiteral("No partition of %1 ended before %2; nothing to archive.")
                            .arg(plan.table.displayName(), day(plan.cutoff))
                      : QStringLiteral("Would archive %1 partitions of %2 (ended before %3) into %4:\n%5\nSteps:\n  %6%7\n"
                                       "Repeat with --confirm %8.")
                            .arg(plan.toArchive.size())
                            .arg(plan.table.displayName(), day(plan.cutoff), dir, lines.join(QLatin1Char('\n')),
                                 plan.statements.join(QStringLiteral("\n  ")),
                                 plan.concurrently ? QString()
                                                   : QStringLiteral("\n(The table has a default partition: DETACH "
                                                                    "cannot be CONCURRENTLY; it waits at most 5 s for its lock.)"),
                                 conn->database()));
        return Ok;
    }
    CancelToken token;
    TaskContext task(token, {});
    ArchiveResult r;
    {
        InterruptGuard guard(token);
        r = Partitions::archive(*conn, cmd.connection(QStringLiteral("db")), table, months, only, dir,
                                p.value(QStringLiteral("confirm")), p.value(QStringLiteral("reason")), &task);
    }
    nlohmann::json done = nlohmann::json::array();
    QStringList text;
    for (int i = 0; i < r.archived.size(); ++i) {
        done.push_back({{"partition", utf8(r.archived[i])}, {"dump", utf8(r.dumps[i])}, {"rows", r.rows[i]}});
        text << QStringLiteral("  %1: %2 rows, checked, in %3").arg(r.archived[i]).arg(r.rows[i]).arg(r.dumps[i]);
    }
    cmd.print({{"table", utf8(plan.table.displayName())}, {"archived", done}, {"operation", utf8(r.operationId)}},
              QStringLiteral("Archived and dropped %1 partitions of %2:\n%3")
                  .arg(r.archived.size())
                  .arg(plan.table.displayName(), text.join(QLatin1Char('\n'))));
    return Ok;
}

int archiveJobs(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep archive-jobs"),
                QStringLiteral("Completed jobs older than --days (default 30) moved into the archive table "
                               "(<table>_archive) in one statement. Shows the count; moves with --confirm."));
    addCommon(cmd, true);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("The jobs table (default processing_jobs)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("days"), QStringLiteral("Age in days (0..36500, default 30)."), QStringLiteral("N")});
    cmd.parse(args);
    const int days = int(cmd.integer(QStringLiteral("days"), 30, 0, 36500));
    const QString table = p.value(QStringLiteral("table"));
    auto conn = openFor(cmd);
    const bool confirmed = p.isSet(QStringLiteral("confirm"));
    const JobsArchivePlan plan = confirmed ? Maintenance::archiveJobs(*conn, days, table, p.value(QStringLiteral("confirm")),
                                                                      p.value(QStringLiteral("reason")))
                                           : Maintenance::planJobsArchive(*conn, days, table);
    cmd.print({{"table", utf8(plan.table)}, {"archive", utf8(plan.archive)}, {"days", days}, {"rows", plan.rows},
               {"statement", utf8(plan.statement)}, {"archived", confirmed}},
              confirmed ? QStringLiteral("Moved %1 completed jobs older than %2 days from %3 into %4.")
                              .arg(plan.rows).arg(days).arg(plan.table, plan.archive)
                        : QStringLiteral("Would move %1 completed jobs older than %2 days from %3 into %4:\n  %5\n"
                                         "Repeat with --confirm %6.")
                              .arg(plan.rows).arg(days).arg(plan.table, plan.archive, plan.statement, conn->database()));
    return Ok;
}

nlohmann::json vacuumJson(const TableVacuum &t)
{
    nlohmann::json options = nlohmann::json::object();
    for (auto it = t.options.begin(); it != t.options.end(); ++it)
        options[utf8(it.key())] = utf8(it.value());
    return {{"table", utf8(t.displayName())}, {"options", options}, {"live_rows", t.liveRows},
            {"dead_rows", t.deadRows}, {"last_autovacuum", utf8(day(t.lastAutovacuum))},
            {"last_autoanalyze", utf8(day(t.lastAutoanalyze))}};
}

QString vacuumLine(const TableVacuum &t)
{
    QStringList opts;
    for (auto it = t.options.begin(); it != t.options.end(); ++it)
        opts << it.key() + QLatin1Char('=') + it.value();
    return QStringLiteral("%1  live %2  dead %3  %4")
        .arg(t.displayName().leftJustified(36))
        .arg(t.liveRows)
        .arg(t.deadRows)
        .arg(opts.isEmpty() ? QStringLiteral("(server defaults)") : opts.join(QStringLiteral(", ")));
}

int autovacuum(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep autovacuum"),
                QStringLiteral("Per-table autovacuum settings and dead rows. With --table and --set NAME=VALUE "
                               "or --reset NAME: shows the change; makes it with --confirm."));
    addCommon(cmd, true);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("The table to change."), QStringLiteral("T")});
    p.addOption({QStringLiteral("set"), QStringLiteral("NAME=VALUE (repeatable)."), QStringLiteral("NAME=VALUE")});
    p.addOption({QStringLiteral("reset"), QStringLiteral("Back to the server's default (repeatable)."), QStringLiteral("NAME")});
    cmd.parse(args);
    QMap<QString, QString> changes;
    for (const QString &s : p.values(QStringLiteral("set"))) {
        const qsizetype eq = s.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == s.size() - 1)
            throw Error::invalidInput(QStringLiteral("--set takes NAME=VALUE, not \"%1\".").arg(s));
        changes.insert(s.left(eq).trimmed(), s.mid(eq + 1).trimmed());
    }
    for (const QString &name : p.values(QStringLiteral("reset")))
        changes.insert(name.trimmed(), QString());
    if (!changes.isEmpty() && !p.isSet(QStringLiteral("table")))
        throw Error::invalidInput(QStringLiteral("--set and --reset need --table."));
    auto conn = openFor(cmd);
    if (!changes.isEmpty() && p.isSet(QStringLiteral("confirm"))) {
        const TableVacuum t = Maintenance::setVacuumSettings(*conn, p.value(QStringLiteral("table")), changes,
                                                             p.value(QStringLiteral("confirm")), p.value(QStringLiteral("reason")));
        cmd.print(vacuumJson(t), QStringLiteral("Changed:\n") + vacuumLine(t));
        return Ok;
    }
    if (!changes.isEmpty()) {
        const QStringList shown = Maintenance::vacuumChanges(changes); // checked, nothing sent
        const QString table = p.value(QStringLiteral("table"));
        const QList<TableVacuum> all = Maintenance::vacuumSettings(*conn);
        if (std::none_of(all.begin(), all.end(), [&](const TableVacuum &t) { return t.displayName() == table || t.table == table; }))
            throw Error(Error::Kind::NotFound, QStringLiteral("%1 has no table named %2.").arg(conn->database(), table));
        cmd.print({{"table", utf8(p.value(QStringLiteral("table")))}, {"changed", false}},
                  QStringLiteral("Would change %1: %2\nRepeat with --confirm %3.")
                      .arg(p.value(QStringLiteral("table")), shown.join(QStringLiteral(", ")), conn->database()));
        return Ok;
    }
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const TableVacuum &t : Maintenance::vacuumSettings(*conn)) {
        rows.push_back(vacuumJson(t));
        lines << vacuumLine(t);
    }
    cmd.print(rows, lines.join(QLatin1Char('\n')));
    return Ok;
}

int reindex(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep reindex"),
                QStringLiteral("The biggest indexes; with --index, REINDEX INDEX CONCURRENTLY (shown; run with "
                               "--confirm). Ctrl+C cancels it and drops the invalid copy it leaves."));
    addCommon(cmd, true);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("index"), QStringLiteral("The index (schema.name or name)."), QStringLiteral("I")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("Indexes listed (1..1000, default 20)."), QStringLiteral("N")});
    cmd.parse(args);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 20, 1, 1000));
    auto conn = openFor(cmd);
    if (p.isSet(QStringLiteral("index")) && p.isSet(QStringLiteral("confirm"))) {
        CancelToken token;
        TaskContext task(token, {});
        IndexInfo i;
        {
            InterruptGuard guard(token);
            i = Maintenance::reindex(*conn, cmd.connection(QStringLiteral("db")), p.value(QStringLiteral("index")),
                                     p.value(QStringLiteral("confirm")), p.value(QStringLiteral("reason")), &task);
        }
        cmd.print({{"index", utf8(i.displayName())}, {"bytes", i.bytes}, {"valid", i.valid}, {"rebuilt", true}},
                  QStringLiteral("Rebuilt %1 (%2 bytes).").arg(i.displayName()).arg(i.bytes));
        return Ok;
    }
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const IndexInfo &i : Maintenance::indexes(*conn, limit)) {
        rows.push_back({{"index", utf8(i.displayName())}, {"table", utf8(i.table)}, {"bytes", i.bytes},
                        {"valid", i.valid}, {"definition", utf8(i.definition)}});
        lines << QStringLiteral("%1  %2 bytes%3").arg(i.displayName().leftJustified(48)).arg(i.bytes)
                     .arg(i.valid ? QString() : QStringLiteral("  INVALID"));
    }
    if (p.isSet(QStringLiteral("index")))
        lines << QStringLiteral("Would run: REINDEX INDEX CONCURRENTLY %1\nRepeat with --confirm %2.")
                     .arg(p.value(QStringLiteral("index")), conn->database());
    cmd.print(rows, lines.join(QLatin1Char('\n')));
    return Ok;
}

int cron(const QStringList &args)
{
    Command cmd(QStringLiteral("upkeep cron"),
                QStringLiteral("The pg_cron jobs that run in this database and their newest runs (read from the "
                               "database named by cron.database_name)."));
    addCommon(cmd, false);
    cmd.parse(args);
    auto conn = openFor(cmd, false);
    const CronListing l = Maintenance::cronJobs(*conn, cmd.connection(QStringLiteral("db")));
    nlohmann::json jobs = nlohmann::json::array();
    QStringList lines;
    for (const CronJob &j : l.jobs) {
        jobs.push_back({{"id", j.id}, {"name", utf8(j.name)}, {"schedule", utf8(j.schedule)},
                        {"command", utf8(j.command)}, {"user", utf8(j.user)}, {"active", j.active},
                        {"last_status", utf8(j.lastStatus)}, {"last_message", utf8(j.lastMessage)},
                        {"last_start", utf8(day(j.lastStart))}, {"last_end", utf8(day(j.lastEnd))}});
        lines << QStringLiteral("%1  %2  %3  %4  last: %5 %6")
                     .arg(j.id)
                     .arg(j.name.isEmpty() ? QStringLiteral("-") : j.name, j.schedule,
                          j.active ? QStringLiteral("active") : QStringLiteral("inactive"),
                          j.lastStatus.isEmpty() ? QStringLiteral("never ran") : j.lastStatus, day(j.lastStart));
    }
    QString text = l.available ? (lines.isEmpty() ? QStringLiteral("No pg_cron job runs in %1.").arg(conn->database())
                                                  : lines.join(QLatin1Char('\n')))
                               : l.problem;
    cmd.print({{"available", l.available}, {"cron_database", utf8(l.cronDatabase)}, {"problem", utf8(l.problem)},
               {"jobs", jobs}},
              text);
    return Ok;
}

} // namespace

int runUpkeep(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("partitions"))
        return partitions(args);
    if (sub == QLatin1String("create-partitions"))
        return createPartitions(args);
    if (sub == QLatin1String("archive-partitions"))
        return archivePartitions(args);
    if (sub == QLatin1String("archive-jobs"))
        return archiveJobs(args);
    if (sub == QLatin1String("autovacuum"))
        return autovacuum(args);
    if (sub == QLatin1String("reindex"))
        return reindex(args);
    if (sub == QLatin1String("cron"))
        return cron(args);
    throw Error::invalidInput(QStringLiteral("Unknown upkeep command: %1").arg(sub),
                              QStringLiteral("Commands: partitions, create-partitions, archive-partitions, "
                                             "archive-jobs, autovacuum, reindex, cron."));
}

} // namespace statescope::cli
