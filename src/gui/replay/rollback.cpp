// The write side of the Replay pane: rollback and undo, each previewed, confirmed with the
// game's short id, run in the background, and reported with the webhook's answer.
#include "gui/replay/replaypane.h"

#include "core/layout/indexbuild.h"
#include "core/pg/connection.h"
#include "core/replay/notifier.h"
#include "core/replay/rollback.h"
#include "core/shard/shardguard.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "models/gamelistmodel.h"

#include <QUrl>

namespace statescope::gui {

using namespace statescope::replay;

namespace {
// How long a rollback or undo waits for a game the game server is writing before it says
// the game is busy; the wait shows progress and Cancel stops it.
constexpr int kBusyGameWaitSeconds = 30;
} // namespace

void ReplayPane::rollBack()
{
    if (!m_game || !m_database)
        return;
    const int toPlay = currentPlay();
    const QString game = m_game->summary.id;
    const pg::ConnectionSettings db = *m_database;
    m_messages->hide();
    m_runner->start<RollbackPlan>(
        tr("Preparing the rollback preview"),
        [db, game, toPlay](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            RollbackOptions options;
            options.toPlay = toPlay;
            Rollback rollback(*conn);
            rollback.requireBookkeeping(); // said before anything is asked
            return rollback.plan(game, options);
        },
        [this, game, toPlay](const Outcome<RollbackPlan> &r) {
            if (!r.ok())
                return showError(r.error());
            const RollbackPlan &plan = r.value();
            const QString html =
                QStringLiteral("<p>%1</p><ul><li>%2</li><li>%3</li><li>%4</li></ul><p>%5</p><p>%6</p>")
                    .arg(tr("Game %1 will keep plays 1 to %2.").arg(game).arg(toPlay),
                         tr("%n play(s) deleted (%1 to %2)", nullptr, plan.playsToDelete)
                             .arg(toPlay + 1)
                             .arg(plan.lastPlay),
                         tr("%n substitution(s) deleted", nullptr, plan.lineupsToDelete) + QStringLiteral(", ")
                             + tr("%n lineup row(s) back in the game", nullptr, plan.lineupsToReactivate),
                         plan.deletesRolls
                             ? tr("%n dice roll(s) of those plays deleted, as the game does (archived; tick the box to keep them)",
                                  nullptr, plan.rollsToDelete)
                             : tr("%n dice roll(s) of those plays kept (this database keeps no rolls by play)",
                                  nullptr, plan.rollsKept),
                         tr("The game will stand at: %1").arg(models::stateText(plan.resultingState).toHtmlEscaped())
                             + (!plan.placesRunner ? QString()
                                : plan.placedRunner
                                    ? QLatin1Char(' ') + tr("(%1 placed on second by the extra-inning rule)")
                                                             .arg(lineupLabel(plan.placedRunner).toHtmlEscaped())
                                    : QLatin1Char(' ') + tr("(the next half-inning starts with a runner placed on second)")),
                         tr("Every deleted row is archived; \"Undo last rollback\" puts it back while "
                            "no newer plays exist.")
                             + (plan.missingIndexes.isEmpty()
                                    ? QString()
                                    : QStringLiteral("</p><p>")
                                          + tr("The references to lineup rows have no index: each deleted substitution "
                                               "has all %n play(s) checked, seconds at a season's size. \"Index the "
                                               "references\" builds the indexes first (shown before they are built).",
                                               nullptr, int(plan.playsRows))
                                                .toHtmlEscaped()));
            auto *dialog = new ConfirmDialog(tr("Roll back"),
                                             tr("Roll game <b>%1</b> back to play <b>%2</b>?")
                                                 .arg(game.left(8))
                                                 .arg(toPlay),
                                             html, game.left(8), false, this);
            dialog->setObjectName(QStringLiteral("rollbackDialog"));
            dialog->setOption(tr("Keep the dice rolls of the removed plays (the game deletes them)"), false);
            dialog->setReasonRequired(true);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, game, toPlay] {
                if (!m_database)
                    return;
                const pg::ConnectionSettings db = *m_database; // where commitChange writes (its password)
                RollbackOptions options;
                options.toPlay = toPlay;
                options.reason = dialog->reason();
                if (dialog->optionChecked())
                    options.deleteRolls = false; // else the game's own rule
                commitChange(tr("Rolling back game %1").arg(game.left(8)),
                             [game, options, db](pg::Connection &conn, const LockWait &wait, CancelToken &cancel) {
                                 // A shard of a saved set: the set's rule must place the game here.
                                 shard::requireOwnsGame(conn, db, game, cancel);
                                 RollbackOptions o = options;
                                 o.wait = wait;
                                 return Rollback(conn).apply(game, o);
                             },
                             [](const RollbackRecord &rec) {
                                 return tr("Rolled back to play %1 (rollback %2: %3 plays archived).")
                                     .arg(rec.toPlay)
                                     .arg(rec.id)
                                     .arg(rec.deletedPlays);
                             });
            });
            dialog->open();
        });
}

void ReplayPane::undoLastRollback()
{
    if (!m_game || !m_database)
        return;
    const QString game = m_game->summary.id;
    const pg::ConnectionSettings db = *m_database;
    m_runner->start<QList<RollbackRecord>>(
        tr("Reading the rollback history"),
        [db, game](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            Rollback rollback(*conn);
            rollback.requireBookkeeping();
            return rollback.history(game);
        },
        [this, game](const Outcome<QList<RollbackRecord>> &r) {
            if (!r.ok())
                return showError(r.error());
            const RollbackRecord *latest = nullptr;
            for (const RollbackRecord &rec : r.value())
                if (!rec.undoneAt.isValid()) {
                    latest = &rec;
                    break;
                }
            if (!latest)
                return m_messages->showMessage(tr("Game %1 has no rollback to undo.").arg(game.left(8)));
            const RollbackRecord rec = *latest;
            auto *dialog = new ConfirmDialog(
                tr("Undo rollback"),
                tr("Undo rollback <b>%1</b> of game <b>%2</b>?").arg(rec.id).arg(game.left(8)),
                tr("<p>Rolled back from play %1 to play %2 by %3 at %4 (\"%5\").</p><p>%6 plays, "
                   "%7 substitutions and %8 rolls come back.</p>")
                    .arg(rec.fromPlay)
                    .arg(rec.toPlay)
                    .arg(rec.osUser.toHtmlEscaped(), rec.createdAt.toLocalTime().toString(Qt::ISODate),
                         rec.reason.toHtmlEscaped())
                    .arg(rec.deletedPlays)
                    .arg(rec.deletedLineups)
                    .arg(rec.deletedRolls),
                game.left(8), false, this);
            dialog->setObjectName(QStringLiteral("undoDialog"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, rec] {
                const QString reason = dialog->reason();
                const qint64 id = rec.id;
                commitChange(tr("Undoing rollback %1").arg(id),
                             [id, reason](pg::Connection &conn, const LockWait &wait, CancelToken &) {
                                 return Rollback(conn).undo(id, reason, wait);
                             },
                             [](const RollbackRecord &undone) {
                                 return tr("Undid rollback %1; the game is back at play %2.")
                                     .arg(undone.id)
                                     .arg(undone.fromPlay);
                             });
            });
            dialog->open();
        });
}

void ReplayPane::commitChange(const QString &label,
                              std::function<RollbackRecord(pg::Connection &, const LockWait &, CancelToken &)> change,
                              std::function<QString(const RollbackRecord &)> describe)
{
    const pg::ConnectionSettings db = *m_database;
    const QString webhook = m_webhook;
    const QString game = currentGame();
    using Done = std::pair<RollbackRecord, std::optional<WebhookResult>>;
    m_runner->start<Done>(
        label,
        [db, webhook, change](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            // A game the server is writing is waited for, with the wait shown and Cancel.
            LockWait wait;
            wait.seconds = kBusyGameWaitSeconds;
            wait.progress = [&ctx](int waitedMs, int totalMs) {
                if (waitedMs >= 500)
                    ctx.progress(waitedMs, totalMs,
                                 tr("Waiting for the game: another session is writing to it "
                                    "(%1 s of %2 s)")
                                     .arg(waitedMs / 1000)
                                     .arg(totalMs / 1000));
            };
            const RollbackRecord rec = change(*conn, wait, ctx.cancelToken());
            // Told only after the commit; a failure here is reported, never rolled back.
            std::optional<WebhookResult> told;
            if (!webhook.isEmpty()) {
                const bool undone = rec.undoneAt.isValid();
                told = notifyGameServer(QUrl(webhook),
                                        rollbackNotice(undone ? QStringLiteral("rollback_undo")
                                                              : QStringLiteral("rollback"),
                                                       rec.gameId, undone ? rec.fromPlay : rec.toPlay,
                                                       rec.id));
            }
            return Done{rec, told};
        },
        [this, game, describe](const Outcome<Done> &done) {
            if (!done.ok() && !done.cancelled()) // kept over the reload that follows
                return m_messages->showFailure(done.error(), m_database ? m_database->database() : QString());
            if (!done.ok())
                return showError(done.error());
            const auto &[rec, told] = done.value();
            QString text = describe(rec);
            if (told)
                text += QLatin1Char(' ')
                        + (told->ok ? tr("The game server was told.")
                                    : tr("The game server was NOT told: %1").arg(told->error));
            if (told && !told->ok)
                m_messages->showWarning(text); // committed, but the game server does not know
            else
                m_messages->showSuccess(text);
            openGame(game);
            reloadGames();
        });
}

// The references to lineup rows indexed on request (admin mode): the statements previewed,
// the database's name typed, then built one by one without blocking the game's writes.
void ReplayPane::confirmIndexReferences()
{
    if (!m_database)
        return;
    const pg::ConnectionSettings db = *m_database;
    m_runner->start<layout::IndexPlan>(
        tr("Preparing the indexes of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return layout::IndexBuilder::plan(*conn, layout::Kind::Plays);
        },
        [this, db](const Outcome<layout::IndexPlan> &r) {
            if (!r.ok())
                return showError(r.error());
            QString html = QStringLiteral("<p>")
                           + tr("Each lineup row a rollback deletes is checked against every play that may "
                                "name it. These indexes answer those checks; they are built without blocking "
                                "the game's writes, and no row is changed. Runs, one statement at a time:")
                           + QStringLiteral("</p><ul>");
            for (const QString &s : r.value().statements)
                html += QStringLiteral("<li><code>%1</code></li>").arg(s.toHtmlEscaped());
            html += QStringLiteral("</ul>");
            auto *dialog = new ConfirmDialog(tr("Index the references to lineups"),
                                             tr("Build %n index(es) on <b>%1</b>?", nullptr, int(r.value().indexNames.size()))
                                                 .arg(r.value().table.toHtmlEscaped()),
                                             html, db.database(), false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, db] {
                const QString reason = dialog->reason();
                m_runner->start<layout::IndexPlan>(
                    tr("Building indexes on %1").arg(db.database()),
                    [db, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
                        return layout::IndexBuilder::build(*conn, db, layout::Kind::Plays, db.database(), reason, &ctx);
                    },
                    [this, db](const Outcome<layout::IndexPlan> &done) {
                        if (!done.ok())
                            return showError(done.error());
                        m_messages->showSuccess(tr("Built %1.").arg(done.value().indexNames.join(QStringLiteral(", "))), db.database());
                        m_referencesUnindexed = !done.value().exists;
                        updateActions();
                    });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
