// The Activity pane's Locks tab: the blocking tree (who waits for whom), the locks counted by
// mode, deadlocks since the statistics reset. Stopping sessions is in stopsessions.cpp.
#include "gui/activity/activitypane.h"

#include "models/ink.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/roomfor.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using namespace statescope::activity;

namespace {

void markItem(QTreeWidgetItem *item, const QString &why)
{
    const int columns = item->treeWidget() ? item->treeWidget()->columnCount() : item->columnCount();
    for (int c = 0; c < columns; ++c) {
        style::setFill(item, c, models::ink::Meaning::Warning);
        item->setToolTip(c, item->toolTip(c).isEmpty() ? why : why + QStringLiteral("\n\n") + item->toolTip(c));
    }
}

} // namespace

// --- Locks ------------------------------------------------------------------------------

QWidget *ActivityPane::buildLocks()
{
    auto *w = new QWidget(this);
    m_locksNote = new QLabel(w);
    m_locksNote->setObjectName(QStringLiteral("locksNote"));
    m_locksNote->setTextFormat(Qt::PlainText);
    m_locksNote->setWordWrap(true);
    m_blockingTree = new QTreeWidget(w);
    m_blockingTree->setObjectName(QStringLiteral("blockingTree"));
    m_blockingTree->setHeaderLabels(
        {tr("PID"), tr("User"), tr("Database"), tr("Mode"), tr("Relation"), tr("Waiting"), tr("Query")});
    m_blockingTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_blockingTree->setAllColumnsShowFocus(true);
    m_blockingTree->setToolTip(tr("Each session that blocks others and waits for nobody, with the sessions waiting "
                                  "for it below"));
    m_lockCounts = makeTable(w, QStringLiteral("lockCounts"), {tr("Mode"), tr("Granted"), tr("Locks")});
    m_terminateBlockers = new QPushButton(tr("Terminate the blockers of the selected session…"), w);
    m_terminateBlockers->setObjectName(QStringLiteral("terminateBlockers"));
    m_terminateBlockers->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_terminateBlockers->setToolTip(tr("Close every session that the selected waiting session waits for, so that it "
                                       "can go on (Ctrl+Shift+B)"));
    connect(m_blockingTree, &QTreeWidget::currentItemChanged, this, &ActivityPane::updateActions);
    connect(m_terminateBlockers, &QPushButton::clicked, this, &ActivityPane::terminateBlockers);
    auto *split = new QSplitter(Qt::Horizontal, w);
    split->addWidget(m_blockingTree);
    split->addWidget(m_lockCounts);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    roomForList(split, m_lockCounts, 0.4);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_terminateBlockers);
    actions->addStretch(1);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_locksNote);
    layout->addWidget(split, 1);
    layout->addLayout(actions);
    return w;
}

void ActivityPane::loadLocks()
{
    // Read in the selected database: relations there are named, not only numbered.
    const pg::ConnectionSettings here = databaseSettings();
    const QString database = m_database;
    const int generation = m_generation;
    m_runner->start<LockReport>(
        tr("Reading the locks"),
        [here, database](TaskContext &ctx) {
            auto conn = pg::Connection::open(here, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::locks(*conn, database);
        },
        [this, generation](const Outcome<LockReport> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_lockReport = r.value();
            showLocks();
            markRefreshed(tr("Locks"));
        });
}

void ActivityPane::showLocks()
{
    const QTreeWidgetItem *was = m_blockingTree->currentItem();
    const int keep = was ? was->data(0, PidRole).toInt() : 0;
    const QSignalBlocker block(m_blockingTree);
    m_blockingTree->clear();
    m_lockCounts->setRowCount(0);
    if (!m_lockReport) {
        m_locksNote->setText(m_server ? QString() : tr("Not connected."));
        updateActions();
        return;
    }
    const LockReport &r = *m_lockReport;
    QHash<int, const LockWait *> waits;
    for (const LockWait &w : r.waits)
        waits.insert(w.pid, &w);
    QHash<int, const Session *> blockers;
    for (const Session &s : r.blockers)
        blockers.insert(s.pid, &s);
    QList<QTreeWidgetItem *> path; // the item at each depth of the branch being built
    QTreeWidgetItem *again = nullptr;
    for (const LockReport::Node &n : r.tree()) {
        const int depth = std::clamp(n.depth, 0, int(path.size()));
        auto *item = depth > 0 ? new QTreeWidgetItem(path[depth - 1]) : new QTreeWidgetItem(m_blockingTree);
        path.resize(depth);
        path.append(item);
        item->setText(0, QString::number(n.pid));
        item->setData(0, PidRole, n.pid);
        item->setData(0, DepthRole, depth);
        if (const LockWait *w = waits.value(n.pid)) {
            item->setText(1, w->user);
            item->setText(2, w->database);
            item->setText(3, w->mode);
            item->setText(4, w->relation.isEmpty() ? w->lockType : w->relation);
            item->setText(5, age(w->waitingSeconds));
            item->setText(6, w->query.simplified().left(300));
            item->setToolTip(6, w->query);
            if (w->waitingSeconds && *w->waitingSeconds > m_thresholds.lockWaitSeconds)
                markItem(item, tr("Waiting for %1, longer than the threshold of %2.")
                                         .arg(age(w->waitingSeconds), age(m_thresholds.lockWaitSeconds)));
        } else if (const Session *s = blockers.value(n.pid)) {
            item->setText(1, s->user);
            item->setText(2, s->database);
            item->setText(5, s->stateSeconds ? tr("not waiting: %1 for %2").arg(s->state, age(s->stateSeconds))
                                             : tr("not waiting: %1").arg(s->state));
            item->setText(6, s->query.simplified().left(300));
            item->setToolTip(6, s->query);
            if (s->idleInTransaction())
                markItem(item, tr("Idle in transaction while others wait for its locks."));
        }
        if (n.pid == keep && !again)
            again = item;
    }
    m_blockingTree->expandAll();
    for (int c = 0; c < 6; ++c)
        m_blockingTree->resizeColumnToContents(c);
    if (again)
        m_blockingTree->setCurrentItem(again);

    m_lockCounts->setRowCount(int(r.counts.size()));
    for (int row = 0; row < r.counts.size(); ++row) {
        const LockModeCount &c = r.counts[row];
        m_lockCounts->setItem(row, 0, cell(c.mode));
        m_lockCounts->setItem(row, 1, cell(c.granted ? tr("granted") : tr("waiting")));
        m_lockCounts->setItem(row, 2, cell(QLocale().toString(c.count), double(c.count)));
    }
    m_lockCounts->resizeColumnsToContents();

    QString note = r.totalWaits == 0 ? tr("No session waits on a lock")
                                     : tr("%n session(s) waiting on a lock", nullptr, r.totalWaits);
    if (r.waits.size() < r.totalWaits)
        note += tr(" (the %1 longest waits shown)").arg(r.waits.size());
    note += tr("; %Ln lock(s) held or asked for", nullptr, int(r.totalLocks))
            + tr("; %Ln deadlock(s) since the statistics were reset", nullptr, int(r.deadlocks));
    if (r.statsReset.isValid())
        note += tr(" (%1)").arg(QLocale().toString(r.statsReset.toLocalTime(), QLocale::ShortFormat));
    m_locksNote->setText(note + QLatin1Char('.'));
    updateActions();
}

int ActivityPane::selectedBlockedPid() const
{
    const QTreeWidgetItem *item = m_blockingTree->currentItem();
    return item && item->data(0, DepthRole).toInt() > 0 ? item->data(0, PidRole).toInt() : 0;
}

} // namespace statescope::gui
