// The admin commands of snapshots: prune, rollback to a tick, undo. Each plans first
// (--dry-run, read-only), then acts in one transaction after the typed confirmation.

#include "commands_snapshots.h"
#include "core/snapshots/snapshotadmin.h"

#include <limits>

namespace statescope::cli::snapshotscli {

namespace {

using namespace statescope::snapshots;
using Access = pg::Connection::Access;

constexpr qint64 kMaxId = std::numeric_limits<qint64>::max();

nlohmann::json operationJson(const OperationRecord &r)
{
    return {
        {"operation_id", r.id},
        {"kind", utf8(r.kind)},
        {"parameters", r.parameters},
        {"deleted", r.deletedCount},
        {"restored", r.restoredCount},
        {"reason", utf8(r.reason)},
        {"os_user", utf8(r.osUser)},
        {"created_at", iso(r.createdAt)},
        {"undone_at", r.undoneAt.isValid() ? nlohmann::json(iso(r.undoneAt)) : nlohmann::json()},
        {"first_tick", r.firstTick},
        {"last_tick", r.lastTick}};
}

nlohmann::json planJson(const SnapshotPlan &plan)
{
    nlohmann::json doc = {{"dry_run", true},
                          {"kind", plan.kind == SnapshotPlan::Kind::Prune ? "prune" : "rollback"},
                          {"total", plan.total},
                          {"delete_count", plan.toDelete.size()},
                          {"to_delete", nlohmann::json::array()},
                          {"recovery_after", toJson(plan.recoveryAfter)}};
    if (plan.kind == SnapshotPlan::Kind::Prune) {
        doc["policy"] = {{"max_keep", plan.policy.maxKeep},
                         {"min_age_seconds", plan.policy.minAgeSeconds},
                         {"rule", RetentionPolicy::ruleKey(plan.policy.rule).toStdString()}};
        doc["kept_young"] = plan.keptYoung;
    } else {
        doc["to_tick"] = plan.toTick;
    }
    for (const SnapshotInfo &s : plan.toDelete)
        doc["to_delete"].push_back(toJson(s));
    return doc;
}

QString planText(const SnapshotPlan &plan)
{
    QStringList lines;
    for (const SnapshotInfo &s : plan.toDelete)
        lines << infoLine(s);
    lines << QStringLiteral("Would delete %1 of %2 snapshots%3. A restart would then recover "
                            "from %4.")
                 .arg(plan.toDelete.size())
                 .arg(plan.total)
                 .arg(plan.kind == SnapshotPlan::Kind::Prune
                          ? QStringLiteral(" (%1 more kept: younger than %2 s)")
                                .arg(plan.keptYoung)
                                .arg(plan.policy.minAgeSeconds)
                          : QStringLiteral(" (ticks after %1)").arg(plan.toTick))
                 .arg(plan.recoveryAfter ? QStringLiteral("tick %1").arg(plan.recoveryAfter->tick)
                                         : QStringLiteral("nothing"));
    if (plan.kind == SnapshotPlan::Kind::Prune)
        lines << QStringLiteral("Rule: %1.").arg(plan.policy.describe());
    return lines.join(QLatin1Char('\n'));
}

int printOperation(const Command &cmd, const OperationRecord &r, const QString &verb)
{
    if (r.id == 0) {
        cmd.print(operationJson(r), QStringLiteral("Nothing to delete; nothing was changed."));
        return Ok;
    }
    cmd.print(operationJson(r),
              QStringLiteral("%1 %2 snapshots (ticks %3..%4), operation %5. Undo with: "
                             "statescope-cli snapshots undo --db ... --id %5 "
                             "--confirm DBNAME")
                  .arg(verb)
                  .arg(r.deletedCount)
                  .arg(r.firstTick)
                  .arg(r.lastTick)
                  .arg(r.id));
    return Ok;
}

void addAdminOptions(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Only show what would be deleted.")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name, to confirm."),
                 QStringLiteral("DBNAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."),
                 QStringLiteral("TEXT")});
}

// Exactly one of --dry-run and --confirm; true for a dry run.
bool dryRun(const Command &cmd)
{
    const bool dry = cmd.parser().isSet(QStringLiteral("dry-run"));
    if (dry == cmd.parser().isSet(QStringLiteral("confirm")))
        throw Error::invalidInput(
            QStringLiteral("Give either --dry-run or --confirm with the database name."));
    return dry;
}

} // namespace

int prune(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots prune"),
                QStringLiteral("Apply the retention policy. By default the game's own rule: when there are "
                               "more than N snapshots, delete the (count - N) lowest-tick ones among those "
                               "older than M minutes. --rule newest-by-tick keeps the newest N by tick instead "
                               "(and deletes the older-than-M rest). Archived for undo."));
    addDb(cmd);
    addAdminOptions(cmd);
    cmd.parser().addOption({QStringLiteral("keep"),
                            QStringLiteral("Snapshots to keep (default 100)."),
                            QStringLiteral("N")});
    cmd.parser().addOption({QStringLiteral("min-age-minutes"),
                            QStringLiteral("Never prune younger ones (default 60)."),
                            QStringLiteral("M")});
    cmd.parser().addOption({QStringLiteral("rule"),
                            QStringLiteral("game (default: what the game's own prune deletes) or newest-by-tick."),
                            QStringLiteral("R")});
    cmd.parse(args);
    RetentionPolicy policy;
    if (cmd.parser().isSet(QStringLiteral("rule"))) {
        const auto rule = RetentionPolicy::ruleFromKey(cmd.parser().value(QStringLiteral("rule")));
        if (!rule)
            throw Error::invalidInput(QStringLiteral("Unknown rule \"%1\".").arg(cmd.parser().value(QStringLiteral("rule"))),
                                      QStringLiteral("Rules: game, newest-by-tick."));
        policy.rule = *rule;
    }
    policy.maxKeep = int(cmd.integer(QStringLiteral("keep"), 100, 1, 100'000'000));
    policy.minAgeSeconds = cmd.integer(QStringLiteral("min-age-minutes"), 60, 0, 52'560'000) * 60;
    const bool dry = dryRun(cmd);
    auto conn = open(cmd, dry ? Access::ReadOnly : Access::ReadWrite);
    if (dry) {
        const SnapshotPlan plan = SnapshotStore(*conn).retentionPreview(policy);
        cmd.print(planJson(plan), planText(plan));
        return Ok;
    }
    return printOperation(cmd,
                          SnapshotAdmin(*conn).prune(policy,
                                                     cmd.parser().value(QStringLiteral("confirm")),
                                                     cmd.parser().value(QStringLiteral("reason"))),
                          QStringLiteral("Pruned"));
}

int rollback(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots rollback"),
                QStringLiteral("Roll the world back to tick T: archive, then delete every snapshot "
                               "with a later tick, in one transaction."));
    addDb(cmd);
    addAdminOptions(cmd);
    cmd.parser().addOption({QStringLiteral("to-tick"),
                            QStringLiteral("The tick to keep as the latest."),
                            QStringLiteral("T")});
    cmd.parse(args);
    const qint64 tick = wholeNumber("to-tick", cmd.required(QStringLiteral("to-tick")));
    const bool dry = cmd.parser().isSet(QStringLiteral("dry-run"));
    if (!dry && cmd.parser().value(QStringLiteral("reason")).trimmed().isEmpty())
        throw Error::invalidInput(
            QStringLiteral("--reason is required: it is kept in the audit log."));
    if (!dry)
        cmd.required(QStringLiteral("confirm"));
    auto conn = open(cmd, dry ? Access::ReadOnly : Access::ReadWrite);
    if (dry) {
        const SnapshotPlan plan = SnapshotStore(*conn).rollbackPreview(tick);
        cmd.print(planJson(plan), planText(plan));
        return Ok;
    }
    return printOperation(
        cmd,
        SnapshotAdmin(*conn).rollBackTo(tick, cmd.parser().value(QStringLiteral("confirm")),
                                        cmd.parser().value(QStringLiteral("reason"))),
        QStringLiteral("Rolled back"));
}

int undo(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots undo"),
                QStringLiteral("Put back the snapshots a prune or roll back deleted (same ids)."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("id"), QStringLiteral("The operation id."), QStringLiteral("OP")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name, to confirm."),
                 QStringLiteral("DBNAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."),
                 QStringLiteral("TEXT")});
    cmd.parse(args);
    const qint64 id = cmd.integer(QStringLiteral("id"), 0, 1, kMaxId);
    if (id == 0)
        cmd.required(QStringLiteral("id"));
    const QString confirm = cmd.required(QStringLiteral("confirm"));
    auto conn = open(cmd, Access::ReadWrite);
    const OperationRecord r =
        SnapshotAdmin(*conn).undo(id, confirm, p.value(QStringLiteral("reason")));
    cmd.print(operationJson(r), QStringLiteral("Undid operation %1: %2 snapshots restored.")
                                    .arg(r.id)
                                    .arg(r.restoredCount));
    return Ok;
}

} // namespace statescope::cli::snapshotscli
