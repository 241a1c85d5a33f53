#pragma once

#include <functional>

#include "core/replay/gamestore.h"

#include <QCoreApplication>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
}
} // namespace statescope

namespace statescope::replay {

// How long a rollback or undo waits for a game another session is writing (its row is
// locked) before it gives up as busy, and what it reports meanwhile (about twice a second:
// milliseconds waited and allowed). 0 seconds: give up at once. Cancelling the
// connection's token stops the wait.
struct LockWait
{
    static constexpr int kMaxSeconds = 3600;
    int seconds = 0;
    std::function<void(int waitedMs, int totalMs)> progress;
};

struct RollbackOptions
{
    int toPlay = 0;
    QString reason;
    // nullopt: the game's own rule (its delete_rolls_after): the dice rolls after the play go
    // with it, archived so that undo restores them, when the database keeps rolls by play
    // number. false keeps them; true asks for it (refused where there are none to delete).
    std::optional<bool> deleteRolls;
    LockWait wait;
};

// What a rollback would do, computed before anything changes.
struct RollbackPlan
{
    GameSummary game;
    int toPlay = 0;
    int lastPlay = 0;
    int playsToDelete = 0;
    int lineupsToDelete = 0;      // substitutions with after_play >= toPlay
    int lineupsToReactivate = 0;  // the rows those substitutions had replaced
    bool deletesRolls = false;    // the rolls after the play go (the game's rule, or asked)
    int rollsToDelete = 0;
    int rollsKept = 0;            // rolls of deleted plays that stay (the default)
    BaseState resultingState;     // the game's state after play toPlay
    // The next half-inning is one the league's rule places a runner in (rules.h): who the
    // kept next play's row put on second (he is in resultingState), 0 when unknown.
    bool placesRunner = false;
    int placedRunner = 0;
    // The references to lineup rows in the plays and lineups that have no index: each lineup
    // row the rollback deletes then has every play of the table checked for it. The
    // statements `db create-index --kind plays` would run (empty: none missing).
    QStringList missingIndexes;
    double playsRows = 0; // the plays table's rows, as the planner estimates them
};

struct RollbackRecord
{
    qint64 id = 0;
    QString gameId;
    int toPlay = 0;
    int fromPlay = 0;
    QString reason;
    QString osUser;
    QDateTime createdAt;
    QDateTime undoneAt;
    int deletedPlays = 0;
    int deletedLineups = 0;
    int deletedRolls = 0;
};

// Rolls a game back to play N by the real system's rules, in one transaction, archiving
// every row it deletes or changes (statescope.rollback_rows) so undo() can put them back.
class Rollback
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::Rollback)
public:
    explicit Rollback(pg::Connection &conn) : m_conn(conn) {}

    // Throws InvalidInput (N out of range), Conflict (completed game), NotFound.
    RollbackPlan plan(const QString &gameId, const RollbackOptions &options) const;
    // Locks the game row without waiting (Conflict "busy" when another session holds it).
    RollbackRecord apply(const QString &gameId, const RollbackOptions &options);
    // Refused (Conflict) once newer plays were written to the game, or when a later
    // rollback of the same game is still in force.
    RollbackRecord undo(qint64 rollbackId, const QString &reason, const LockWait &wait = {});
    QList<RollbackRecord> history(const QString &gameId) const;
    // Refused (Conflict, saying what to do) where apply and undo would be for want of
    // Statescope's bookkeeping (a database not adopted). A read only: asked before a preview.
    void requireBookkeeping() const;

private:
    RollbackPlan planLocked(const QString &gameId, const RollbackOptions &options) const;
    RollbackRecord record(qint64 id) const;
    void lockGame(const QString &gameId, const LockWait &wait) const;
    QString sql(const QString &templ) const;

    pg::Connection &m_conn;
};

} // namespace statescope::replay
