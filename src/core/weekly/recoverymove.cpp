// Recovering a killed move on the target's side: the copy the move was making (or had made)
// there is found through the journal (the copy's restore run names the move) and taken away
// before the source's fence comes down, so that neither server keeps anything of the run.
#include "core/weekly/recovery.h"

#include "core/error.h"
#include "core/pg/connection.h"

#include <QSet>
#include <QThread>

#include <algorithm>
#include <limits>

namespace statescope::weekly {

namespace {

QString detail(const audit::Entry &e, const char *key)
{
    const auto v = e.details.value(key, nlohmann::json());
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

// The intents of the restores that made the move's copy: named by the move's operation id,
// or (journals from before that was recorded) a restore of the same name on the target's
// server begun after the move's intent.
QList<audit::Entry> copyRestores(const IncompleteRun &run, const QList<audit::Entry> &lines)
{
    const QString targetId = detail(run.intent, "target_id");
    QList<audit::Entry> out;
    for (const audit::Entry &e : lines) {
        if (e.action != QLatin1String("restore") || e.phase != QLatin1String("intent") || e.target != run.intent.target)
            continue;
        const QString moveOp = detail(e, "move_op");
        if (moveOp.isEmpty() ? (!targetId.isEmpty() && e.serverId == targetId && e.at >= run.intent.at)
                             : moveOp == run.intent.op)
            out.append(e);
    }
    return out;
}

} // namespace

int ServerAdmin::settleOwnCreates(pg::Connection &conn, const QString &name)
{
    // Statescope's own sessions (any process of it), running CREATE DATABASE of that name.
    const QString find = QStringLiteral(
        "SELECT pid FROM pg_catalog.pg_stat_activity WHERE pid <> pg_catalog.pg_backend_pid() "
        "AND state = 'active' AND application_name LIKE 'statescope/%' AND application_name <> $1 "
        "AND query ~* '^\\s*create\\s+database\\s' AND position($2 in query) > 0");
    const std::vector<pg::Param> params{pg::Connection::ownApplicationName(), conn.quoteIdentifier(name)};
    int cancelled = 0;
    for (int attempt = 0; attempt < 600; ++attempt) { // at most a minute
        const pg::Result r = conn.exec(find, params);
        if (r.rowCount() == 0)
            return cancelled;
        for (int i = 0; i < r.rowCount(); ++i)
            if (conn.exec(QStringLiteral("SELECT pg_catalog.pg_cancel_backend($1::int)"), {r.value(i, 0)}).toBool(0, 0)
                && attempt == 0)
                ++cancelled;
        QThread::msleep(100);
    }
    throw Error(Error::Kind::Conflict,
                tr("A CREATE DATABASE of %1 that an earlier run began is still running and did not stop when "
                   "cancelled; nothing was changed.")
                    .arg(name),
                {}, tr("Wait for it to end (pg_stat_activity), then recover again."));
}

QString ServerAdmin::systemIdentifier(TaskContext *ctx) const
{
    return identity(*maintenance(ctx));
}

bool Recovery::moveReachedTarget(const IncompleteRun &run, const QList<audit::Entry> &journal)
{
    return run.intent.action == QLatin1String("move") && !copyRestores(run, journal).isEmpty();
}

void Recovery::takeMoveCopyBack(const IncompleteRun &run, const QString &reason, ActionResult *result) const
{
    const QString name = run.intent.target;
    const QString targetServer = detail(run.intent, "target_server");
    const QString targetId = detail(run.intent, "target_id");
    const QList<audit::Entry> lines = audit::readJournal(std::numeric_limits<int>::max());
    const QList<audit::Entry> restores = copyRestores(run, lines);
    if (restores.isEmpty())
        return; // killed before it began the copy: the target has nothing of this run
    if (!m_moveTarget)
        throw Error(Error::Kind::InvalidInput,
                    tr("The move of %1 got as far as copying it to %2, and recovering the move takes that "
                       "copy away there too, so it needs that server. Nothing was changed.")
                        .arg(name, targetServer),
                    {}, tr("Give the server the move went to (statescope-cli db recover ... --to CONN)."));
    auto there = m_moveTarget->maintenance(nullptr);
    there->requirePrimary(tr("Dropping the copy of %1 on %2").arg(name, targetServer));
    const QString id = ServerAdmin::identity(*there);
    if (!targetId.isEmpty() && id != targetId)
        throw Error(Error::Kind::Conflict,
                    tr("%1 is not the server the move of %2 went to: that was %3 (system identifier %4), "
                       "this one's identifier is %5. Nothing was changed.")
                        .arg(m_moveTarget->server().displayName(), name, targetServer, targetId, id));
    // Only the database the copy's restore made (its journalled oid): one of that name made
    // there since by someone else is not the run's to drop.
    QSet<qint64> made;
    QSet<QString> ended;
    for (const audit::Entry &e : lines) {
        if (e.action != QLatin1String("restore"))
            continue;
        const bool ours = std::any_of(restores.begin(), restores.end(), [&](const audit::Entry &r) { return r.op == e.op; });
        if (!ours)
            continue;
        const auto oid = e.details.value("oid", nlohmann::json());
        if (e.phase == QLatin1String("created") && oid.is_number_integer())
            made.insert(oid.get<qint64>());
        if (e.phase == QLatin1String("done") || e.phase == QLatin1String("failed") || e.phase == QLatin1String("resolved"))
            ended.insert(e.op);
    }
    // The copy's CREATE DATABASE may still be running there: it ends before this looks, so no
    // copy can appear once recovery is over.
    if (ServerAdmin::settleOwnCreates(*there, name) > 0)
        result->warnings << tr("A CREATE DATABASE of the copy of %1 was still running on %2; it was cancelled.")
                                .arg(name, targetServer);
    const pg::Result found =
        there->exec(QStringLiteral("SELECT oid::bigint FROM pg_database WHERE datname = $1"), {name});
    if (found.rowCount() > 0) {
        if (!made.isEmpty() && !made.contains(found.toLongLong(0, 0)))
            throw Error(Error::Kind::Conflict,
                        tr("%2 has a database named %1 that the move did not make (it was made there since); "
                           "nothing was changed.")
                            .arg(name, targetServer),
                        {}, tr("Drop or rename it there yourself if it is not wanted, then recover the move again."));
        m_moveTarget->dropDatabase(*there, name);
        result->warnings << tr("The copy of %1 the move made on %2 was dropped there.").arg(name, targetServer);
    }
    // The copy's own run is over with it (listed on the target until then).
    ActionOptions options;
    options.reason = reason;
    for (const audit::Entry &r : restores) {
        if (ended.contains(r.op))
            continue;
        ActionResult closing;
        closing.serverId = r.serverId;
        m_moveTarget->journalPhase(QStringLiteral("restore"), name, options, r.op, QStringLiteral("resolved"),
                                   {{"resolved_by", "move recovery"}, {"move_op", run.intent.op.toStdString()}},
                                   &closing);
        result->warnings << closing.warnings;
    }
}

} // namespace statescope::weekly
