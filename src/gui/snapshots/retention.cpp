// The Snapshots pane's retention tab: what the policy would prune now, and the admin
// actions (prune, roll the world back to a tick, undo), each previewed, confirmed with the
// database name, run in the background on a read-write connection, then the timeline
// reloaded.
#include "core/pg/connection.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/snapshots/snapshotspane.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::snapshots;

namespace {

QString describeSnapshot(const SnapshotInfo &s)
{
    return SnapshotsPane::tr("tick %1 (id %2, created %3)")
        .arg(s.tick)
        .arg(s.id)
        .arg(s.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

// The preview a ConfirmDialog shows: what goes, and what a restart recovers from after.
QString planHtml(const SnapshotPlan &plan)
{
    QString html =
        QStringLiteral("<p>%1</p><ul>")
            .arg(SnapshotsPane::tr("%n of %1 snapshot(s) will be archived, then deleted:", nullptr,
                                   int(plan.toDelete.size()))
                     .arg(plan.total));
    const int shown = std::min<int>(int(plan.toDelete.size()), 50);
    for (int i = 0; i < shown; ++i)
        html += QStringLiteral("<li>%1</li>")
                    .arg(describeSnapshot(plan.toDelete.at(i)).toHtmlEscaped());
    if (plan.toDelete.size() > shown)
        html += QStringLiteral("<li>%1</li>")
                    .arg(SnapshotsPane::tr("… and %1 more").arg(plan.toDelete.size() - shown));
    html +=
        QStringLiteral("</ul><p>%1</p><p>%2</p>")
            .arg(plan.recoveryAfter
                     ? SnapshotsPane::tr("Afterwards a restart recovers from %1.")
                           .arg(describeSnapshot(*plan.recoveryAfter).toHtmlEscaped())
                     : SnapshotsPane::tr("Afterwards no snapshot is left to recover from."),
                 SnapshotsPane::tr("Every deleted row is archived in one transaction; Undo puts "
                                   "it back with the same id."));
    if (plan.kind == SnapshotPlan::Kind::Prune)
        html += QStringLiteral("<p>%1</p>").arg(SnapshotsPane::tr("Rule: %1.").arg(plan.policy.describe().toHtmlEscaped()));
    return html;
}

} // namespace

QWidget *SnapshotsPane::buildRetentionTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *policyBox = new QGroupBox(tr("Retention policy"), page);
    auto *form = new QFormLayout(policyBox);
    m_maxKeep = new QSpinBox(policyBox);
    m_maxKeep->setObjectName(QStringLiteral("retentionMaxKeep"));
    m_maxKeep->setRange(1, 1000000);
    m_maxKeep->setValue(100);
    m_minAge = new QSpinBox(policyBox);
    m_minAge->setObjectName(QStringLiteral("retentionMinAge"));
    m_minAge->setRange(0, 525600);
    m_minAge->setValue(60);
    m_minAge->setSuffix(tr(" min"));
    m_rule = new QComboBox(policyBox);
    m_rule->setObjectName(QStringLiteral("retentionRule"));
    // Short names, each said in full in its tooltip: the long ones set the pane's minimum
    // width, and took the room the snapshot list beside it needs.
    m_rule->addItem(tr("The game's own"), int(RetentionPolicy::Rule::Game));
    m_rule->setItemData(0, tr("The lowest ticks older than the minimum age"), Qt::ToolTipRole);
    m_rule->addItem(tr("Newest by tick"), int(RetentionPolicy::Rule::NewestByTick));
    m_rule->setItemData(1, tr("Keep the newest by tick"), Qt::ToolTipRole);
    m_rule->setToolTip(tr("The game deletes, when there are more than the maximum, the lowest-tick snapshots "
                          "among those older than the minimum age. The two differ when young snapshots have "
                          "low ticks (after a roll back or a restart from an old snapshot)."));
    form->addRow(tr("&Rule:"), m_rule);
    form->addRow(tr("Keep at most:"), m_maxKeep);
    form->addRow(tr("Never prune younger than:"), m_minAge);
    auto *buttons = new QHBoxLayout;
    auto *preview = new QPushButton(tr("Preview"), policyBox);
    preview->setObjectName(QStringLiteral("retentionPreviewButton"));
    connect(preview, &QPushButton::clicked, this, &SnapshotsPane::previewRetention);
    m_pruneButton = new QPushButton(tr("Prune…"), policyBox);
    m_pruneButton->setObjectName(QStringLiteral("pruneButton"));
    connect(m_pruneButton, &QPushButton::clicked, this, &SnapshotsPane::prune);
    m_rollbackButton = new QPushButton(tr("Roll world back to selected tick…"), policyBox);
    m_rollbackButton->setObjectName(QStringLiteral("rollbackButton"));
    connect(m_rollbackButton, &QPushButton::clicked, this, &SnapshotsPane::rollBackToSelected);
    buttons->addWidget(preview);
    buttons->addWidget(m_pruneButton);
    buttons->addWidget(m_rollbackButton);
    buttons->addStretch(1);
    form->addRow(buttons);
    layout->addWidget(policyBox);

    m_planLabel =
        new QLabel(tr("Preview shows what the policy would prune now; nothing changes."), page);
    m_planLabel->setObjectName(QStringLiteral("retentionPlanLabel"));
    m_planLabel->setWordWrap(true);
    layout->addWidget(m_planLabel);
    m_planList = new QListWidget(page);
    m_planList->setObjectName(QStringLiteral("retentionPlanList"));
    layout->addWidget(m_planList, 1);

    layout->addWidget(new QLabel(tr("Operations (newest first):"), page));
    m_historyModel = new QStandardItemModel(this);
    m_historyModel->setHorizontalHeaderLabels({tr("Id"), tr("Kind"), tr("Parameters"),
                                               tr("Deleted"), tr("Ticks"), tr("Reason"), tr("By"),
                                               tr("At (UTC)"), tr("Undone (UTC)")});
    m_historyTable = new QTableView(page);
    m_historyTable->setObjectName(QStringLiteral("operationsTable"));
    m_historyTable->setModel(m_historyModel);
    m_historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyTable->verticalHeader()->setVisible(false);
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_historyTable, 1);
    auto *undoBar = new QHBoxLayout;
    m_undoButton = new QPushButton(tr("Undo…"), page);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    connect(m_undoButton, &QPushButton::clicked, this, &SnapshotsPane::undoSelectedOperation);
    connect(m_historyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SnapshotsPane::updateAdminButtons);
    undoBar->addWidget(m_undoButton);
    undoBar->addStretch(1);
    layout->addLayout(undoBar);
    return page;
}

RetentionPolicy SnapshotsPane::policy() const
{
    RetentionPolicy p;
    p.maxKeep = m_maxKeep->value();
    p.minAgeSeconds = qint64(m_minAge->value()) * 60;
    p.rule = RetentionPolicy::Rule(m_rule->currentData().toInt());
    return p;
}

void SnapshotsPane::updateAdminButtons()
{
    const QString offTip = tr("Turn on admin mode (Ctrl+Shift+A) to change snapshots.");
    m_pruneButton->setEnabled(m_admin && m_db.has_value());
    m_pruneButton->setToolTip(m_admin ? tr("Archive and delete what the policy prunes now")
                                      : offTip);
    m_rollbackButton->setEnabled(m_admin && currentSnapshot().has_value());
    m_rollbackButton->setToolTip(
        m_admin ? tr("Archive and delete every snapshot after the selected tick") : offTip);
    const QModelIndex op = m_historyTable->currentIndex();
    const bool undoable = op.isValid() && m_historyTable->selectionModel()->hasSelection() &&
                          m_historyModel->index(op.row(), 8).data().toString().isEmpty();
    m_undoButton->setEnabled(m_admin && undoable);
    m_undoButton->setToolTip(m_admin ? tr("Put the selected operation's snapshots back") : offTip);
}

void SnapshotsPane::previewRetention()
{
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    const RetentionPolicy p = policy();
    const quint64 generation = m_generation;
    m_jobs->start<SnapshotPlan>(
        tr("Previewing retention"),
        [db, p](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return SnapshotStore(*conn).retentionPreview(p);
        },
        [this, generation](const Outcome<SnapshotPlan> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                return showError(r.error());
            const SnapshotPlan &plan = r.value();
            m_planList->clear();
            for (const SnapshotInfo &s : plan.toDelete) {
                auto *entry = new QListWidgetItem(describeSnapshot(s), m_planList);
                entry->setData(IdRole, s.id);
            }
            QString text = tr("Pruning now would delete %n of %1 snapshot(s)", nullptr,
                              int(plan.toDelete.size()))
                               .arg(plan.total);
            if (plan.keptYoung > 0)
                text += tr(" (%n kept only because younger than the minimum age)", nullptr,
                           int(plan.keptYoung));
            text += QStringLiteral(". ") +
                    (plan.recoveryAfter
                         ? tr("Recovery afterwards: %1.").arg(describeSnapshot(*plan.recoveryAfter))
                         : tr("No snapshot would be left to recover from."));
            text += QLatin1Char(' ') + tr("Rule: %1.").arg(plan.policy.describe());
            m_planLabel->setText(text);
            m_planLabel->setProperty("previewed", true);
            emit retentionPreviewed(plan);
        });
}

void SnapshotsPane::prune()
{
    if (!m_db || !m_admin)
        return;
    const pg::ConnectionSettings db = *m_db;
    const RetentionPolicy p = policy();
    m_jobs->start<SnapshotPlan>(
        tr("Preparing the prune preview"),
        [db, p](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            SnapshotAdmin(*conn).requireArchive(); // said before anything is asked
            return SnapshotStore(*conn).retentionPreview(p);
        },
        [this, db, p](const Outcome<SnapshotPlan> &r) {
            if (!r.ok())
                return showError(r.error());
            if (r.value().toDelete.isEmpty())
                return m_errors->showMessage(tr("The policy prunes nothing now."));
            auto *dialog = new ConfirmDialog(
                tr("Prune"),
                tr("Prune the snapshots of <b>%1</b> by %2?")
                    .arg(db.database().toHtmlEscaped(), p.describe().toHtmlEscaped()),
                planHtml(r.value()), db.database(), false, this);
            dialog->setObjectName(QStringLiteral("pruneDialog"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, db, p] {
                const QString reason = dialog->reason();
                const QString confirmation = db.database();
                commit(
                    tr("Pruning snapshots"),
                    [p, confirmation, reason](SnapshotAdmin &admin) {
                        return admin.prune(p, confirmation, reason);
                    },
                    [](const OperationRecord &rec) {
                        return rec.id == 0
                                   ? tr("Nothing matched the policy any more; nothing was deleted.")
                                   : tr("Pruned %n snapshot(s) (operation %1).", nullptr,
                                        rec.deletedCount)
                                         .arg(rec.id);
                    });
            });
            dialog->open();
        });
}

void SnapshotsPane::rollBackToSelected()
{
    const auto target = currentSnapshot();
    if (!m_db || !m_admin || !target)
        return;
    const pg::ConnectionSettings db = *m_db;
    const qint64 tick = target->tick;
    m_jobs->start<SnapshotPlan>(
        tr("Preparing the roll back preview"),
        [db, tick](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            SnapshotAdmin(*conn).requireArchive();
            return SnapshotStore(*conn).rollbackPreview(tick);
        },
        [this, db, tick](const Outcome<SnapshotPlan> &r) {
            if (!r.ok())
                return showError(r.error());
            if (r.value().toDelete.isEmpty())
                return m_errors->showMessage(tr("No snapshot is newer than tick %1.").arg(tick));
            auto *dialog =
                new ConfirmDialog(tr("Roll back"),
                                  tr("Roll the world of <b>%1</b> back to tick <b>%2</b>?")
                                      .arg(db.database().toHtmlEscaped())
                                      .arg(tick),
                                  planHtml(r.value()), db.database(), false, this);
            dialog->setObjectName(QStringLiteral("snapshotRollbackDialog"));
            dialog->setReasonRequired(true);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, db, tick] {
                const QString reason = dialog->reason();
                const QString confirmation = db.database();
                commit(
                    tr("Rolling back to tick %1").arg(tick),
                    [tick, confirmation, reason](SnapshotAdmin &admin) {
                        return admin.rollBackTo(tick, confirmation, reason);
                    },
                    [tick](const OperationRecord &rec) {
                        return tr("Rolled the world back to tick %1: %n snapshot(s) archived "
                                  "(operation %2).",
                                  nullptr, rec.deletedCount)
                            .arg(tick)
                            .arg(rec.id);
                    });
            });
            dialog->open();
        });
}

void SnapshotsPane::undoSelectedOperation()
{
    const QModelIndex current = m_historyTable->currentIndex();
    if (!m_db || !m_admin || !current.isValid())
        return;
    const qint64 id = m_historyModel->index(current.row(), 0).data(IdRole).toLongLong();
    const auto rec = std::find_if(m_history.cbegin(), m_history.cend(),
                                  [id](const OperationRecord &r) { return r.id == id; });
    if (rec == m_history.cend())
        return;
    const pg::ConnectionSettings db = *m_db;
    auto *dialog = new ConfirmDialog(
        tr("Undo"),
        tr("Undo %1 operation <b>%2</b> on <b>%3</b>?")
            .arg(rec->kind)
            .arg(id)
            .arg(db.database().toHtmlEscaped()),
        tr("<p>%n archived snapshot(s) (ticks %1 to %2) come back with their ids.</p>"
           "<p>Done by %3 at %4 (\"%5\").</p>",
           nullptr, rec->deletedCount)
            .arg(rec->firstTick)
            .arg(rec->lastTick)
            .arg(rec->osUser.toHtmlEscaped(),
                 rec->createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 rec->reason.toHtmlEscaped()),
        db.database(), false, this);
    dialog->setObjectName(QStringLiteral("undoDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, db, id] {
        const QString reason = dialog->reason();
        const QString confirmation = db.database();
        commit(
            tr("Undoing operation %1").arg(id),
            [id, confirmation, reason](SnapshotAdmin &admin) {
                return admin.undo(id, confirmation, reason);
            },
            [](const OperationRecord &rec) {
                return tr("Undid operation %1: %n snapshot(s) restored.", nullptr,
                          rec.restoredCount)
                    .arg(rec.id);
            });
    });
    dialog->open();
}

void SnapshotsPane::commit(const QString &label,
                           std::function<OperationRecord(SnapshotAdmin &)> change,
                           std::function<QString(const OperationRecord &)> describe)
{
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<OperationRecord>(
        label,
        [db, change](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            SnapshotAdmin admin(*conn);
            return change(admin);
        },
        [this, generation, describe](const Outcome<OperationRecord> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok() && r.cancelled()) {
                showError(r.error());
            } else if (!r.ok()) {
                m_errors->showFailure(r.error(), m_db ? m_db->database() : QString()); // kept over the reload
            } else {
                m_errors->showSuccess(describe(r.value()), m_db ? m_db->database() : QString());
                m_diffPair = {-1, -1};
                emit changed(r.value());
            }
            // What the policy would prune was true before: shown again as it is now.
            m_planList->clear();
            if (m_planLabel->property("previewed").toBool())
                previewRetention();
            reload(); // after a failure too: someone else may have changed the table
        });
}

void SnapshotsPane::showHistory(const QList<OperationRecord> &history)
{
    m_history = history;
    m_historyModel->removeRows(0, m_historyModel->rowCount());
    const auto utc = [](const QDateTime &t) {
        return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
    };
    for (const OperationRecord &rec : history) {
        QList<QStandardItem *> row;
        for (const QString &text :
             {QString::number(rec.id), rec.kind, QString::fromStdString(rec.parameters.dump()),
              QString::number(rec.deletedCount),
              rec.deletedCount > 0 ? tr("%1 to %2").arg(rec.firstTick).arg(rec.lastTick)
                                   : QString(),
              rec.reason, rec.osUser, utc(rec.createdAt), utc(rec.undoneAt)})
            row << new QStandardItem(text);
        row[0]->setData(rec.id, IdRole);
        m_historyModel->appendRow(row);
    }
    m_historyTable->resizeColumnsToContents();
    updateAdminButtons();
}

} // namespace statescope::gui
