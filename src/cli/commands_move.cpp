// db move: a week to another server (an archive server, another member of its family).
#include "output.h"

#include "cli/interrupt.h"
#include "core/format.h"
#include "core/task/worker.h"
#include "core/weekly/serveradmin.h"

#include <cstdio>

namespace statescope::cli {

int runMove(const QStringList &args)
{
    Command cmd(QStringLiteral("db move"),
                QStringLiteral("Move a database to another server: dumped (writers fenced off), restored "
                               "there with its owner, settings and grants, every table's rows counted on "
                               "both servers, and dropped here only when they agree."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("server"), QStringLiteral("The server it is on (conninfo or URI)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("to"), QStringLiteral("The server it goes to (conninfo or URI)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("name"), QStringLiteral("The database."), QStringLiteral("N")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The database name again, to confirm."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why (kept in the audit log)."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("backup-dir"), QStringLiteral("Where the dump goes (and stays)."),
                 QStringLiteral("DIR")});
    cmd.parse(args);
    const weekly::ServerAdmin source(cmd.connection(QStringLiteral("server")));
    const weekly::ServerAdmin target(cmd.connection(QStringLiteral("to")));
    const QString name = cmd.required(QStringLiteral("name"));
    if (!p.isSet(QStringLiteral("confirm"))) {
        // The preview: what would travel, and what the move will do.
        const auto pv = source.preview(name);
        nlohmann::json tables = nlohmann::json::array();
        QStringList lines;
        for (const auto &[t, rows] : pv.tables) {
            tables.push_back({{"table", utf8(t)}, {"estimated_rows", rows}});
            lines << QStringLiteral("  %1: about %2 rows").arg(t).arg(rows);
        }
        cmd.print({{"name", utf8(pv.name)},
                   {"from", utf8(source.server().displayName())},
                   {"to", utf8(target.server().displayName())},
                   {"size_bytes", pv.sizeBytes},
                   {"sessions", pv.sessions},
                   {"tables", tables}},
                  QStringLiteral("Would move %1 (%2, %3 tables, %4 open sessions that would be ended) from %5 "
                                 "to %6:\n%7\nSteps: fence writers off and dump; restore on %6; count every "
                                 "table's rows on both; drop %1 on %5 only when they agree (the dump stays).\n"
                                 "Repeat with --confirm %1.")
                      .arg(pv.name, format::bytes(pv.sizeBytes))
                      .arg(pv.tables.size())
                      .arg(pv.sessions)
                      .arg(source.server().displayName(), target.server().displayName(), lines.join('\n')));
        return Ok;
    }
    weekly::ActionOptions options;
    options.reason = p.value(QStringLiteral("reason"));
    options.backupDir = p.value(QStringLiteral("backup-dir"));
    CancelToken token;
    TaskContext task(token, {});
    weekly::MoveResult r;
    {
        InterruptGuard guard(token);
        r = source.move(name, target, p.value(QStringLiteral("confirm")), options, &task);
    }
    for (const QString &w : r.result.warnings)
        std::fputs(("statescope-cli: warning: " + utf8(w) + "\n").c_str(), stderr);
    nlohmann::json tables = nlohmann::json::array();
    QStringList lines;
    for (const weekly::MovedTable &t : r.tables) {
        tables.push_back({{"table", utf8(t.table)}, {"rows", t.sourceRows}, {"rows_on_target", t.targetRows}});
        lines << QStringLiteral("  %1: %2 rows on both").arg(t.table).arg(t.sourceRows);
    }
    cmd.print({{"name", utf8(name)},
               {"to", utf8(r.target)},
               {"dump", utf8(r.result.dumpPath)},
               {"terminated_sessions", r.result.terminatedSessions},
               {"operation", utf8(r.result.operationId)},
               {"tables", tables}},
              QStringLiteral("Moved %1 to %2; rows counted on both servers:\n%3\nDump kept at %4.")
                  .arg(name, r.target, lines.join('\n'), r.result.dumpPath));
    return Ok;
}

} // namespace statescope::cli
