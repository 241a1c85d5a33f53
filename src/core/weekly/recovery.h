#pragma once

#include "core/audit/auditlog.h"
#include "core/weekly/serveradmin.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace statescope::weekly {

// A reset or drop of this server whose intent is in the local journal with no "done" or
// "failed" line after it: the run was killed midway. What it left is read from the server:
// the database's oid recorded in the intent tells whether it got to the drop.
struct IncompleteRun
{
    enum class Stage {
        NotDropped, // the database is there as it was (perhaps fenced: limit 0, no CONNECT)
        Dropped,    // the database is gone
        Recreated,  // a reset got past the drop: a new, possibly half-made database is there
        Unknown,    // an intent without an oid (older journal): there, but which one?
        // The run's DROP DATABASE was interrupted (a server restart or crash midway):
        // PostgreSQL marks the database invalid; part of its data is gone, nobody can
        // connect to it, and it can only be dropped. Both ways out finish that drop first.
        DropInterrupted,
    };
    audit::Entry intent; // action (reset or drop), target, op, at, details
    QString dump;        // the dump the run took before the drop, if it got that far
    Stage stage = Stage::Unknown;
    // It was recorded under another name of a server with this system identifier: this one
    // after a restart or failover, or a copy made from it (a clone shares the identifier).
    bool recordedElsewhere = false;
    // A move that got as far as beginning its copy on the target (read with the journal).
    bool copyBegun = false;

    // Where the run was: the server as it was reached then, and its identity.
    QString where() const;
    // The database's owner, settings, limit and grants before the run (newer journals).
    std::optional<DatabaseProperties> properties() const;

    // A create or restore (a run that makes the database): Recreated means it is there,
    // Dropped that the run never got to make it.
    bool makes() const;

    QString describe() const;
    QString describeStage() const;
    // What finish() would do, and what restore() would do (empty: not offered), for people.
    QString finishPlan() const;
    QString restorePlan() const;
};

// Finishing or undoing what a killed reset or drop left behind. Each way is a full action
// of its own (name typed back, journalled, dumping what it drops) and ends by closing the
// killed run's intent with a "resolved" line that says how.
class Recovery
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::Recovery)
public:
    explicit Recovery(const ServerAdmin &admin) : m_admin(admin) {}

    // The server a killed move went to. A move that got as far as its copy is finished or
    // undone only with it: the copy is taken away there (and the copy's own restore run
    // closed) before the source's fence comes down.
    void setMoveTarget(const ServerAdmin *target) { m_moveTarget = target; }
    // Whether the killed move got as far as making its copy on the target.
    static bool moveReachedTarget(const IncompleteRun &run) { return run.copyBegun; }
    static bool moveReachedTarget(const IncompleteRun &run, const QList<audit::Entry> &journal);

    // Killed runs on this server, newest first: those journalled with this server's system
    // identifier (whatever connection string reached it then: another port after a restart,
    // one host of a multi-host string, the standby promoted in its place), and older lines
    // that name no identifier by the server's display name.
    QList<IncompleteRun> incomplete(int journalLines = 2000) const;
    // Every killed run in the journal, on any server, without looking at any (stage
    // Unknown), newest first.
    static QList<IncompleteRun> everywhere(int journalLines = 2000);
    IncompleteRun find(const QString &operationId) const; // NotFound

    // Does what the run set out to do: a drop that never got to the drop is run again
    // (fence put back first, a fresh dump), one that did is closed as done; a reset is
    // completed (the dump restored first when the database is gone, so the reset dumps and
    // recreates it like any other).
    // A run recordedElsewhere is acted on only with `sameServer` (the person says this is
    // the server it ran on, not a copy of it).
    ActionResult finish(const QString &operationId, const QString &confirmation,
                        const QString &reason, TaskContext *ctx = nullptr, bool sameServer = false) const;
    // Puts the database back as it was before the run: from the run's dump when it was
    // dropped (a half-made re-creation is dropped first, with its own dump), or by lowering
    // the fence the run left when it never got to the drop.
    ActionResult restore(const QString &operationId, const QString &confirmation,
                         const QString &reason, TaskContext *ctx = nullptr, bool sameServer = false) const;

private:
    // The run, checked: the name typed back, and (recorded elsewhere) `sameServer`.
    IncompleteRun checked(const QString &operationId, const QString &confirmation, bool sameServer) const;
    void close(const IncompleteRun &run, const QString &how, const QString &reason,
               const nlohmann::json &details, ActionResult *result) const;
    void lowerFence(const IncompleteRun &run) const;
    // A killed create or restore: the half-made database dropped (dumped first), then made
    // again (finish) or not (restore: the server as it was before the run).
    ActionResult remake(const IncompleteRun &run, bool finish, const QString &reason, TaskContext *ctx) const;
    // A killed move: its copy on the target dropped, the copy's restore run closed. A CREATE
    // DATABASE of the copy still running there (its client was killed, the server goes on)
    // is cancelled and waited for first, so that no copy appears after recovery looked.
    void takeMoveCopyBack(const IncompleteRun &run, const QString &reason, ActionResult *result) const;
    // Refuses (changing nothing) a move that reached its target when that server is not given.
    void requireMoveTarget(const IncompleteRun &run) const;
    // A run whose DROP DATABASE was interrupted: that drop finished, and the run as one that
    // got past its drop (stage Dropped).
    IncompleteRun finishInterruptedDrop(IncompleteRun run, const QString &reason, QStringList *warnings) const;

    const ServerAdmin &m_admin;
    const ServerAdmin *m_moveTarget = nullptr;
};

} // namespace statescope::weekly
