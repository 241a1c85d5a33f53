// db recover: what killed resets and drops left behind, and the two ways out of each.
#include "output.h"

#include "core/error.h"
#include "core/weekly/recovery.h"

#include <cstdio>

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
    case weekly::IncompleteRun::Stage::Unknown:
        break;
    }
    return "unknown";
}

} // namespace

int runRecover(const QStringList &args)
{
    Command cmd(QStringLiteral("db recover"),
                QStringLiteral("Resets and drops on this server that were killed midway (from the "
                               "local journal): list them, or finish one (--finish) or put its "
                               "database back as it was (--restore)."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("server"),
                 QStringLiteral("The server: conninfo, postgresql:// URI or service=NAME."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("op"), QStringLiteral("The operation id of the killed run (db recover lists them)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("finish"), QStringLiteral("Do what the run set out to do.")});
    p.addOption({QStringLiteral("restore"), QStringLiteral("Put the database back as it was before the run.")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name, typed back."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the audit log."), QStringLiteral("TEXT")});
    cmd.parse(args);
    const weekly::ServerAdmin admin(cmd.connection(QStringLiteral("server")));
    const weekly::Recovery recovery(admin);
    const bool finish = p.isSet(QStringLiteral("finish"));
    const bool restore = p.isSet(QStringLiteral("restore"));
    if (finish && restore)
        throw Error::invalidInput(QStringLiteral("Give --finish or --restore, not both."));
    if (!finish && !restore) {
        if (p.isSet(QStringLiteral("op")) || p.isSet(QStringLiteral("confirm")))
            throw Error::invalidInput(QStringLiteral("--op and --confirm go with --finish or --restore."));
        nlohmann::json doc = nlohmann::json::array();
        QStringList lines;
        for (const weekly::IncompleteRun &run : recovery.incomplete()) {
            doc.push_back({{"op", utf8(run.intent.op)},
                           {"action", utf8(run.intent.action)},
                           {"database", utf8(run.intent.target)},
                           {"started", utf8(run.intent.at.toUTC().toString(Qt::ISODate))},
                           {"stage", stageName(run.stage)},
                           {"dump", utf8(run.dump)},
                           {"finish", utf8(run.finishPlan())},
                           {"restore", utf8(run.restorePlan())}});
            lines << QStringLiteral("%1  %2").arg(run.intent.op, run.describe());
            if (!run.finishPlan().isEmpty())
                lines << QStringLiteral("  --finish:  %1").arg(run.finishPlan());
            if (!run.restorePlan().isEmpty())
                lines << QStringLiteral("  --restore: %1").arg(run.restorePlan());
        }
        if (lines.isEmpty())
            lines << QStringLiteral("No unfinished reset or drop on %1.").arg(admin.server().displayName());
        cmd.print(doc, lines.join(QLatin1Char('\n')));
        return Ok;
    }
    const QString op = cmd.required(QStringLiteral("op"));
    const QString confirm = cmd.required(QStringLiteral("confirm"));
    const QString reason = p.value(QStringLiteral("reason"));
    const weekly::ActionResult r = finish ? recovery.finish(op, confirm, reason)
                                          : recovery.restore(op, confirm, reason);
    for (const QString &w : r.warnings)
        std::fputs(("statescope-cli: warning: " + utf8(w) + "\n").c_str(), stderr);
    cmd.print({{"name", utf8(r.name)},
               {"op", utf8(op)},
               {"way", finish ? "finish" : "restore"},
               {"dump", utf8(r.dumpPath)},
               {"schema_version", r.schemaVersion}},
              finish ? QStringLiteral("Finished the run %1 on %2.").arg(op, r.name)
                     : QStringLiteral("Put %1 back as it was before the run %2.").arg(r.name, op));
    return Ok;
}

} // namespace statescope::cli
