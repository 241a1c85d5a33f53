#include "recovery.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/weekly/fence.h"

#include <QFileInfo>

#include <algorithm>

namespace statescope::weekly {

namespace {

QString dumpOf(const audit::Entry &intent)
{
    const auto d = intent.details.value("dump", nlohmann::json());
    return d.is_string() ? QString::fromStdString(d.get<std::string>()) : QString();
}

// What an action taken to end `run` goes with: the reason, and the run it resolves (so that
// the run itself does not refuse it as another unfinished run of the same database).
ActionOptions resolvingOptions(const IncompleteRun &run, const QString &reason)
{
    ActionOptions options;
    options.reason = reason;
    options.resolving = run.intent.op;
    return options;
}

} // namespace

QString IncompleteRun::where() const
{
    return intent.serverId.isEmpty()
               ? intent.server
               : Recovery::tr("%1 (system identifier %2)").arg(intent.server, intent.serverId);
}

std::optional<DatabaseProperties> IncompleteRun::properties() const
{
    return DatabaseProperties::fromJson(intent.details.value("properties", nlohmann::json()));
}

QString IncompleteRun::describe() const
{
    const QString text = describeStage();
    return recordedElsewhere ? Recovery::tr("%1 (Recorded on %2, a server with this one's identity.)").arg(text, intent.server)
                             : text;
}

bool IncompleteRun::makes() const
{
    return intent.action == QLatin1String("create") || intent.action == QLatin1String("restore");
}

QString IncompleteRun::describeStage() const
{
    const QString when = intent.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (stage == Stage::DropInterrupted)
        return Recovery::tr("The %1 of %2 started %3 never finished; the server stopped during a DROP DATABASE of %2, "
                            "which PostgreSQL now marks invalid: part of its data is gone and nobody can connect to it. %4")
            .arg(intent.action, intent.target, when,
                 dump.isEmpty() ? Recovery::tr("The run took no dump.")
                                : Recovery::tr("The run's dump %1 holds every committed row.").arg(dump));
    if (makes())
        return stage == Stage::Recreated
                   ? Recovery::tr("The %1 of %2 started %3 never finished; %2 exists, perhaps only half made.")
                         .arg(intent.action, intent.target, when)
                   : Recovery::tr("The %1 of %2 started %3 never finished; it stopped before %2 was made.")
                         .arg(intent.action, intent.target, when);
    switch (stage) {
    case Stage::NotDropped:
        return Recovery::tr("The %1 of %2 started %3 never finished; it stopped before the drop: "
                            "%2 is intact, but may still refuse connections (its fence).")
            .arg(intent.action, intent.target, when);
    case Stage::Dropped:
        return Recovery::tr("The %1 of %2 started %3 never finished; %2 was dropped%4.")
            .arg(intent.action, intent.target, when,
                 dump.isEmpty() ? Recovery::tr(" and no dump was taken")
                                : Recovery::tr(" after its dump %1").arg(dump));
    case Stage::Recreated:
        return Recovery::tr("The reset of %1 started %2 never finished; %1 was dropped and "
                            "created again, perhaps only half made.")
            .arg(intent.target, when);
    case Stage::Unknown:
    case Stage::DropInterrupted: // above
        break;
    }
    return Recovery::tr("The %1 of %2 started %3 never finished; %2 exists, but whether it is the "
                        "original cannot be told (an older journal line).")
        .arg(intent.action, intent.target, when);
}

QString IncompleteRun::finishPlan() const
{
    if (stage == Stage::DropInterrupted) {
        const QString first = Recovery::tr("Finish the interrupted drop of the invalid %1").arg(intent.target);
        if (intent.action == QLatin1String("create"))
            return Recovery::tr("%1, then create it again.").arg(first);
        if (intent.action == QLatin1String("restore"))
            return dump.isEmpty() ? QString() : Recovery::tr("%1, then restore it again from %2.").arg(first, dump);
        if (intent.action == QLatin1String("reset"))
            return dump.isEmpty() ? QString()
                                  : Recovery::tr("%1, restore it from its dump %2, then reset it (dumped again first).")
                                        .arg(first, dump);
        if (intent.action == QLatin1String("move"))
            return Recovery::tr("%1; it was being dropped only because its copy on the target held the same rows: "
                                "record the move as done.")
                .arg(first);
        return Recovery::tr("%1 and record the drop as done (its dump stays).").arg(first);
    }
    if (makes()) {
        const bool create = intent.action == QLatin1String("create");
        if (stage == Stage::Recreated)
            return create ? Recovery::tr("Drop the half-made %1 (dumped first), then create it again.").arg(intent.target)
                          : Recovery::tr("Drop the half-made %1 (dumped first), then restore it again from %2.")
                                .arg(intent.target, dump);
        return create ? Recovery::tr("Create %1 again.").arg(intent.target)
                      : Recovery::tr("Restore %1 again from %2.").arg(intent.target, dump);
    }
    const bool reset = intent.action == QLatin1String("reset");
    const bool move = intent.action == QLatin1String("move");
    switch (stage) {
    case Stage::NotDropped:
    case Stage::Unknown:
        // A move is never finished from here: whether the target's copy is whole is not known.
        if (move)
            return Recovery::moveReachedTarget(*this)
                       ? Recovery::tr("Drop the copy the move made on %1, then put the fence back down; %2 "
                                      "keeps its data. Move it again if it should still go.")
                             .arg(QString::fromStdString(intent.details.value("target_server", std::string())),
                                  intent.target)
                       : Recovery::tr("Put the fence back down; %1 keeps its data (the move made no copy "
                                      "yet). Move it again if it should still go.")
                             .arg(intent.target);
        return Recovery::tr("Put the fence back down, then %1 %2 again (dumped first).")
            .arg(intent.action, intent.target);
    case Stage::Dropped:
        if (move)
            return Recovery::tr("Nothing left to do: %1 was dropped only after its copy on the target "
                                "held the same rows; record the move as done.")
                .arg(intent.target);
        if (!reset)
            return Recovery::tr("Nothing left to do: record the drop of %1 as done.").arg(intent.target);
        return dump.isEmpty()
                   ? QString()
                   : Recovery::tr("Restore %1 from its dump, then reset it (dumped again first).")
                         .arg(intent.target);
    case Stage::Recreated:
        return dump.isEmpty() ? QString()
                              : Recovery::tr("Drop the half-made %1 (dumped first), restore it from "
                                             "its dump, then reset it again.")
                                    .arg(intent.target);
    case Stage::DropInterrupted: // above
        break;
    }
    return {};
}

QString IncompleteRun::restorePlan() const
{
    if (stage == Stage::DropInterrupted) {
        const QString first = Recovery::tr("Finish the interrupted drop of the invalid %1").arg(intent.target);
        if (makes())
            return Recovery::tr("%1: the server as it was before the %2.").arg(first, intent.action);
        if (dump.isEmpty())
            return {};
        if (intent.action == QLatin1String("move"))
            return Recovery::tr("%1, drop the copy the move made on %2, then restore %3 here from %4.")
                .arg(first, QString::fromStdString(intent.details.value("target_server", std::string())),
                     intent.target, dump);
        return Recovery::tr("%1, then restore it from %2.").arg(first, dump);
    }
    if (makes())
        return stage == Stage::Recreated
                   ? Recovery::tr("Drop the half-made %1 (dumped first): the server as it was before the %2.")
                         .arg(intent.target, intent.action)
                   : Recovery::tr("Nothing was made; record the %1 as undone.").arg(intent.action);
    switch (stage) {
    case Stage::NotDropped:
        if (intent.action == QLatin1String("move") && Recovery::moveReachedTarget(*this))
            return Recovery::tr("Drop the copy the move made on %1, then put the fence back down "
                                "(connection limit and CONNECT as they were); %2 keeps its data.")
                .arg(QString::fromStdString(intent.details.value("target_server", std::string())), intent.target);
        return Recovery::tr("Put the fence back down (connection limit and CONNECT as they were); "
                            "%1 keeps its data.")
            .arg(intent.target);
    case Stage::Dropped:
        if (!dump.isEmpty() && intent.action == QLatin1String("move") && Recovery::moveReachedTarget(*this))
            return Recovery::tr("Restore %1 from %2, then drop the copy the move made on %3: the week on this server "
                                "only.")
                .arg(intent.target, dump, QString::fromStdString(intent.details.value("target_server", std::string())));
        return dump.isEmpty() ? QString()
                              : Recovery::tr("Restore %1 from %2.").arg(intent.target, dump);
    case Stage::Recreated:
        return dump.isEmpty() ? QString()
                              : Recovery::tr("Drop the half-made %1 (dumped first), then restore it "
                                             "from %2.")
                                    .arg(intent.target, dump);
    case Stage::Unknown:
    case Stage::DropInterrupted: // above
        break;
    }
    return {};
}

QList<IncompleteRun> Recovery::everywhere(int journalLines)
{
    QList<IncompleteRun> out;
    const QList<audit::Entry> lines = audit::readJournal(journalLines);
    for (const audit::Entry &e : audit::incomplete(lines)) {
        if (e.action != QLatin1String("reset") && e.action != QLatin1String("drop")
            && e.action != QLatin1String("move") && e.action != QLatin1String("create")
            && e.action != QLatin1String("restore"))
            continue;
        // A killed create or restore that a later create, restore or reset of the same
        // database on the same server completed is over: what is there now is that one's
        // (a retried move's copy, say), and is not the killed run's to drop.
        if ((e.action == QLatin1String("create") || e.action == QLatin1String("restore"))
            && std::any_of(lines.begin(), lines.end(), [&](const audit::Entry &later) {
                   return later.target == e.target && later.phase == QLatin1String("done") && later.at > e.at
                          && later.serverId == e.serverId
                          && (later.action == QLatin1String("create") || later.action == QLatin1String("restore")
                              || later.action == QLatin1String("reset"));
               }))
            continue;
        IncompleteRun run;
        run.intent = e;
        run.dump = dumpOf(e);
        run.copyBegun = moveReachedTarget(run, lines);
        out.append(run);
    }
    return out;
}

QList<IncompleteRun> Recovery::incomplete(int journalLines) const
{
    QList<IncompleteRun> out;
    const QList<IncompleteRun> all = everywhere(journalLines);
    if (all.isEmpty())
        return out;
    auto conn = m_admin.maintenance(nullptr);
    const QString id = ServerAdmin::identity(*conn);
    const QString server = m_admin.server().displayName();
    for (IncompleteRun run : all) {
        const audit::Entry &e = run.intent;
        const bool here = !e.serverId.isEmpty() && !id.isEmpty() ? e.serverId == id : e.server == server;
        if (!here)
            continue;
        run.recordedElsewhere = e.server != server;
        const auto r = conn->exec(
            QStringLiteral("SELECT oid::bigint, datconnlimit = -2 FROM pg_database WHERE datname = $1"), {e.target});
        const auto oid = e.details.value("oid", nlohmann::json());
        if (r.rowCount() > 0 && r.toBool(0, 1))
            run.stage = IncompleteRun::Stage::DropInterrupted; // whichever run's drop it was
        else if (run.makes())
            // A create or restore: the database it was making is there (half made, or whole
            // but never recorded as such), or it never got to CREATE DATABASE.
            run.stage = r.rowCount() > 0 ? IncompleteRun::Stage::Recreated : IncompleteRun::Stage::Dropped;
        else if (r.rowCount() == 0)
            run.stage = IncompleteRun::Stage::Dropped;
        else if (!oid.is_number_integer())
            run.stage = IncompleteRun::Stage::Unknown;
        else if (oid.get<qint64>() == r.toLongLong(0, 0))
            run.stage = IncompleteRun::Stage::NotDropped;
        else
            run.stage = IncompleteRun::Stage::Recreated;
        out.append(run);
    }
    return out;
}

IncompleteRun Recovery::find(const QString &operationId) const
{
    for (const IncompleteRun &run : incomplete())
        if (run.intent.op == operationId)
            return run;
    for (const IncompleteRun &run : everywhere())
        if (run.intent.op == operationId)
            throw Error(Error::Kind::NotFound,
                        tr("The unfinished %1 of %2 with operation id \"%3\" was on %4, not on %5; "
                           "nothing was changed.")
                            .arg(run.intent.action, run.intent.target, operationId, run.where(),
                                 m_admin.server().displayName()),
                        {},
                        tr("Connect to that server (any address of it, or the standby promoted in "
                           "its place)."));
    throw Error(Error::Kind::NotFound,
                tr("No unfinished run with operation id \"%1\" on %2.")
                    .arg(operationId, m_admin.server().displayName()),
                {}, tr("statescope-cli db recover lists them all."));
}

ActionResult Recovery::remake(const IncompleteRun &run, bool finish, const QString &reason, TaskContext *ctx) const
{
    const QString name = run.intent.target;
    const bool restoring = run.intent.action == QLatin1String("restore");
    if (finish && restoring && !QFileInfo(run.dump).isReadable())
        throw Error(Error::Kind::Environment,
                    tr("The dump %1 of %2 cannot be read; nothing was changed.").arg(run.dump, name));
    const ActionOptions options = resolvingOptions(run, reason);
    ActionResult result;
    result.name = name;
    if (run.stage == IncompleteRun::Stage::Recreated) {
        // Whatever is in it is kept in a dump before it goes.
        const ActionResult dropped = m_admin.drop(name, name, options, ctx);
        result.warnings << tr("The half-made %1 was dumped to %2 before it was dropped.").arg(name, dropped.dumpPath);
    }
    if (finish) {
        const QStringList warnings = result.warnings;
        if (restoring) {
            result = m_admin.restore(name, run.dump, reason, ctx, run.properties());
        } else {
            m_admin.create(name, reason, ctx);
            result.name = name;
        }
        result.warnings = warnings + result.warnings;
    }
    close(run, finish ? QStringLiteral("finish") : QStringLiteral("restore"), reason,
          {{"by_operation", result.operationId.toStdString()}}, &result);
    return result;
}

void Recovery::lowerFence(const IncompleteRun &run) const
{
    auto conn = m_admin.maintenance(nullptr);
    conn->requirePrimary(tr("Lowering the fence on %1").arg(run.intent.target));
    WriterFence::lowerLeftover(*conn, run.intent.target, run.intent.details.value("fence", nlohmann::json()));
    // Exactly as it was, privileges and all, when the run journalled it.
    if (const auto properties = run.properties())
        properties->apply(*conn, run.intent.target);
}

void Recovery::close(const IncompleteRun &run, const QString &how, const QString &reason,
                     const nlohmann::json &details, ActionResult *result) const
{
    nlohmann::json d = details;
    d["resolved_by"] = how.toStdString();
    ActionOptions options;
    options.reason = reason;
    result->serverId = run.intent.serverId;
    m_admin.journalPhase(run.intent.action, run.intent.target, options, run.intent.op,
                         QStringLiteral("resolved"), d, result);
}

IncompleteRun Recovery::checked(const QString &operationId, const QString &confirmation, bool sameServer) const
{
    IncompleteRun run = find(operationId);
    m_admin.requireConfirmation(run.intent.target, confirmation);
    if (run.recordedElsewhere && !sameServer)
        throw Error(Error::Kind::Conflict,
                    tr("The %1 of %2 was recorded on %3; this server (%4) has the same system identifier, "
                       "which it shares with that server after a restart or a failover, but also with a copy "
                       "made from it. Nothing was changed.")
                        .arg(run.intent.action, run.intent.target, run.intent.server, m_admin.server().displayName()),
                    {},
                    tr("If this is the server the run was on, say so: statescope-cli db recover ... --same-server."));
    if (run.makes()) {
        // The killed run's CREATE DATABASE may still be running (the server finishes it without
        // its client): ended first, then the stage read again, so what is decided on stays.
        auto conn = m_admin.maintenance(nullptr);
        if (ServerAdmin::settleOwnCreates(*conn, run.intent.target) > 0)
            run.stage = find(operationId).stage;
    }
    return run;
}

IncompleteRun Recovery::finishInterruptedDrop(IncompleteRun run, const QString &reason, QStringList *warnings) const
{
    ActionResult r;
    r.serverId = run.intent.serverId;
    if (m_admin.finishInterruptedDrop(run.intent.target, resolvingOptions(run, reason), run.intent.action,
                                      run.intent.op, &r))
        *warnings << tr("The interrupted drop of %1 was finished (PostgreSQL had marked it invalid).")
                         .arg(run.intent.target);
    *warnings << r.warnings;
    run.stage = IncompleteRun::Stage::Dropped;
    return run;
}

void Recovery::requireMoveTarget(const IncompleteRun &run) const
{
    if (run.intent.action == QLatin1String("move") && moveReachedTarget(run) && !m_moveTarget)
        throw Error(Error::Kind::InvalidInput,
                    tr("The move of %1 got as far as copying it to %2, and recovering the move takes that "
                       "copy away there too, so it needs that server. Nothing was changed.")
                        .arg(run.intent.target,
                             QString::fromStdString(run.intent.details.value("target_server", std::string()))),
                    {}, tr("Give the server the move went to (statescope-cli db recover ... --to CONN)."));
}

ActionResult Recovery::finish(const QString &operationId, const QString &confirmation,
                              const QString &reason, TaskContext *ctx, bool sameServer) const
{
    IncompleteRun run = checked(operationId, confirmation, sameServer);
    const QString name = run.intent.target;
    QStringList before; // what was done before the way out proper
    if (run.stage == IncompleteRun::Stage::DropInterrupted) {
        // Every refusal before the drop is finished: a refusal changes nothing.
        if (run.finishPlan().isEmpty())
            throw Error(Error::Kind::Conflict,
                        tr("The %1 of %2 cannot be finished: its drop was interrupted and the run took no dump "
                           "to bring it back from. Nothing was changed.")
                            .arg(run.intent.action, name),
                        {}, tr("Drop it (DROP DATABASE), create it again (db create), then record this run as resolved."));
        const bool needsDump = run.intent.action == QLatin1String("reset") || run.intent.action == QLatin1String("restore");
        if (needsDump && !QFileInfo(run.dump).isReadable())
            throw Error(Error::Kind::Environment,
                        tr("The dump %1 of %2 cannot be read; nothing was changed.").arg(run.dump, name));
        run = finishInterruptedDrop(run, reason, &before);
    }
    if (run.makes()) {
        ActionResult made = remake(run, true, reason, ctx);
        made.warnings = before + made.warnings;
        return made;
    }
    if (run.intent.action == QLatin1String("reset"))
        m_admin.dropBuilding(name); // what the killed reset was building, before it took the name
    if (run.intent.action == QLatin1String("move") && run.stage == IncompleteRun::Stage::Recreated)
        throw Error(Error::Kind::Conflict,
                    tr("%1 was made again on this server after the move dropped it; the move has nothing "
                       "left to finish here, and nothing was changed.")
                        .arg(name));
    if (run.finishPlan().isEmpty())
        throw Error(Error::Kind::Conflict,
                    tr("The %1 of %2 cannot be finished: %2 is gone and the run took no dump to "
                       "bring it back from.")
                        .arg(run.intent.action, name),
                    {}, tr("Create it again (db create), then record this run as resolved."));
    const ActionOptions options = resolvingOptions(run, reason);
    ActionResult result;
    const bool reset = run.intent.action == QLatin1String("reset");
    const bool move = run.intent.action == QLatin1String("move");
    switch (run.stage) {
    case IncompleteRun::Stage::NotDropped:
    case IncompleteRun::Stage::Unknown:
        if (move) {
            takeMoveCopyBack(run, reason, &result); // refuses, changing nothing, without the target
            lowerFence(run);
            result.name = name; // never dropped here: the target's copy was not proven whole
            break;
        }
        lowerFence(run);
        result = reset ? m_admin.reset(name, name, options, ctx) : m_admin.drop(name, name, options, ctx);
        break;
    case IncompleteRun::Stage::Dropped:
        if (reset) {
            m_admin.restore(name, run.dump, reason, ctx, run.properties());
            result = m_admin.reset(name, name, options, ctx);
        } else {
            result.name = name;
            result.dumpPath = run.dump;
        }
        break;
    case IncompleteRun::Stage::Recreated: {
        const ActionResult dropped = m_admin.drop(name, name, options, ctx);
        m_admin.restore(name, run.dump, reason, ctx, run.properties());
        result = m_admin.reset(name, name, options, ctx);
        result.warnings << tr("The half-made %1 was dumped to %2 before it was dropped.")
                               .arg(name, dropped.dumpPath);
        break;
    }
    case IncompleteRun::Stage::DropInterrupted: // finished above: Dropped from there
        break;
    }
    result.warnings = before + result.warnings;
    close(run, QStringLiteral("finish"), reason,
          {{"by_operation", result.operationId.toStdString()}, {"dump", result.dumpPath.toStdString()}},
          &result);
    return result;
}

ActionResult Recovery::restore(const QString &operationId, const QString &confirmation,
                               const QString &reason, TaskContext *ctx, bool sameServer) const
{
    IncompleteRun run = checked(operationId, confirmation, sameServer);
    const QString name = run.intent.target;
    QStringList before;
    if (run.stage == IncompleteRun::Stage::DropInterrupted) {
        if (run.restorePlan().isEmpty())
            throw Error(Error::Kind::Conflict,
                        tr("The %1 of %2 took no dump, so there is nothing to restore from; its drop was "
                           "interrupted and nothing was changed.")
                            .arg(run.intent.action, name));
        if (!run.makes() && !QFileInfo(run.dump).isReadable())
            throw Error(Error::Kind::Environment,
                        tr("The dump %1 of %2 cannot be read; nothing was changed.").arg(run.dump, name));
        requireMoveTarget(run);
        run = finishInterruptedDrop(run, reason, &before);
    }
    if (run.makes()) {
        ActionResult undone = remake(run, false, reason, ctx);
        undone.warnings = before + undone.warnings;
        return undone;
    }
    if (run.intent.action == QLatin1String("reset") && !run.restorePlan().isEmpty())
        m_admin.dropBuilding(name);
    if (run.restorePlan().isEmpty())
        throw Error(Error::Kind::Conflict,
                    run.stage == IncompleteRun::Stage::Unknown
                        ? tr("%1 exists, and whether it is the one the %2 started on cannot be "
                             "told; nothing was changed.")
                              .arg(name, run.intent.action)
                        : tr("The %1 of %2 took no dump, so there is nothing to restore from.")
                              .arg(run.intent.action, name));
    if (!run.dump.isEmpty() && run.stage != IncompleteRun::Stage::NotDropped
        && !QFileInfo(run.dump).isReadable())
        throw Error(Error::Kind::Environment,
                    tr("The dump %1 of %2 cannot be read; nothing was changed.").arg(run.dump, name));
    const ActionOptions options = resolvingOptions(run, reason);
    ActionResult result;
    result.name = name;
    switch (run.stage) {
    case IncompleteRun::Stage::NotDropped:
        if (run.intent.action == QLatin1String("move"))
            takeMoveCopyBack(run, reason, &result);
        lowerFence(run);
        break;
    case IncompleteRun::Stage::Recreated: {
        const ActionResult dropped = m_admin.drop(name, name, options, ctx);
        result = m_admin.restore(name, run.dump, reason, ctx, run.properties());
        result.warnings << tr("The half-made %1 was dumped to %2 before it was dropped.")
                               .arg(name, dropped.dumpPath);
        break;
    }
    case IncompleteRun::Stage::Dropped: {
        // A move whose source was dropped had proven its copy whole; undoing it brings the
        // source back and then takes the copy away, so the week is on one server only.
        const bool move = run.intent.action == QLatin1String("move");
        if (move)
            requireMoveTarget(run); // before anything changes
        result = m_admin.restore(name, run.dump, reason, ctx, run.properties());
        if (move)
            takeMoveCopyBack(run, reason, &result);
        break;
    }
    case IncompleteRun::Stage::Unknown:
    case IncompleteRun::Stage::DropInterrupted: // finished above
        break;
    }
    result.warnings = before + result.warnings;
    close(run, QStringLiteral("restore"), reason, {{"dump", run.dump.toStdString()}}, &result);
    return result;
}

} // namespace statescope::weekly
