// The Activity pane's Locks tab (the blocking tree) and stopping sessions: a statement
// cancelled or sessions terminated after a preview and a typed confirmation.
#include "gui/activitypane.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/banner.h"
#include "gui/confirmdialog.h"
#include "gui/jobrunner.h"
#include "gui/style.h"

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

QString sessionCells(const Session &s)
{
    return QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td><code>%6</code></td></tr>")
        .arg(s.pid)
        .arg(s.user.toHtmlEscaped(), s.database.toHtmlEscaped(), s.application.toHtmlEscaped(), s.state.toHtmlEscaped(),
             s.query.simplified().left(300).toHtmlEscaped());
}

// The confirmation's preview: exactly the sessions that will be stopped, and those left alone.
QString planHtml(const StopPlan &plan)
{
    const int n = int(plan.targets.size());
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(plan.kind == StopKind::Cancel
                                ? ActivityPane::tr("The running statement of %n session(s) is cancelled "
                                                   "(pg_cancel_backend); the sessions stay connected:",
                                                   nullptr, n)
                                : ActivityPane::tr("%n session(s) are terminated (pg_terminate_backend): the "
                                                   "connection closes and an open transaction is rolled back:",
                                                   nullptr, n));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1</th><th>%2</th>"
                           "<th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                .arg(ActivityPane::tr("PID"), ActivityPane::tr("User"), ActivityPane::tr("Database"),
                     ActivityPane::tr("Application"), ActivityPane::tr("State"), ActivityPane::tr("Query"));
    for (const Session &s : plan.targets)
        html += sessionCells(s);
    html += QStringLiteral("</table>");
    if (!plan.refused.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(ActivityPane::tr("Left alone:"));
        for (const QString &r : plan.refused)
            html += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(ActivityPane::tr("Each session is read again at the moment it is stopped: one that has gone by then is "
                                      "left alone. Journalled, with your reason."));
    return html;
}

void markItem(QTreeWidgetItem *item, const QColor &fill, const QString &why)
{
    const int columns = item->treeWidget() ? item->treeWidget()->columnCount() : item->columnCount();
    for (int c = 0; c < columns; ++c) {
        item->setBackground(c, fill);
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
    const QColor fill = style::blend(palette().color(QPalette::Base), style::toneColour(style::Tone::Warning), 0.3);
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
                markItem(item, fill, tr("Waiting for %1, longer than the threshold of %2.")
                                         .arg(age(w->waitingSeconds), age(m_thresholds.lockWaitSeconds)));
        } else if (const Session *s = blockers.value(n.pid)) {
            item->setText(1, s->user);
            item->setText(2, s->database);
            item->setText(5, s->stateSeconds ? tr("not waiting: %1 for %2").arg(s->state, age(s->stateSeconds))
                                             : tr("not waiting: %1").arg(s->state));
            item->setText(6, s->query.simplified().left(300));
            item->setToolTip(6, s->query);
            if (s->idleInTransaction())
                markItem(item, fill, tr("Idle in transaction while others wait for its locks."));
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
    note += tr("; %L1 lock(s) held or asked for; %L2 deadlock(s) since the statistics were reset")
                .arg(r.totalLocks)
                .arg(r.deadlocks);
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

// --- Stopping sessions ------------------------------------------------------------------

void ActivityPane::stopSelected(StopKind kind)
{
    const QList<int> pids = selectedPids(true);
    if (!m_adminMode || pids.isEmpty())
        return;
    confirmStop(kind == StopKind::Cancel ? tr("Cancel statements") : tr("Terminate sessions"),
                [kind, pids](pg::Connection &conn) { return Activity::planStop(conn, kind, pids); });
}

void ActivityPane::terminateDatabase()
{
    if (!m_adminMode || m_database.isEmpty())
        return;
    const QString database = m_database;
    confirmStop(tr("Terminate every session of %1").arg(database), [database](pg::Connection &conn) {
        return Activity::planStopDatabase(conn, StopKind::Terminate, database);
    });
}

void ActivityPane::terminateBlockers()
{
    const int blocked = selectedBlockedPid();
    if (!m_adminMode || blocked <= 0)
        return;
    confirmStop(tr("Terminate the blockers of %1").arg(blocked), [blocked](pg::Connection &conn) {
        return Activity::planStopBlockers(conn, StopKind::Terminate, blocked);
    });
}

void ActivityPane::confirmStop(const QString &title, const std::function<StopPlan(pg::Connection &)> &plan)
{
    if (!m_server)
        return;
    const pg::ConnectionSettings server = *m_server;
    const int generation = m_generation;
    m_runner->start<StopPlan>(
        tr("Preparing: %1").arg(title),
        [server, plan](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return plan(*conn);
        },
        [this, title, server, generation](const Outcome<StopPlan> &planned) {
            if (!current(generation))
                return;
            if (!planned.ok()) {
                if (!planned.cancelled())
                    m_banner->showError(planned.error(), title);
                return;
            }
            const StopPlan p = planned.value();
            if (p.targets.isEmpty()) {
                m_banner->showWarning(p.refused.isEmpty()
                                          ? tr("Nothing to stop: no session matches any more.")
                                          : tr("Nothing to stop: %1").arg(p.refused.join(QStringLiteral("; "))),
                                      title);
                return;
            }
            auto *dialog = new ConfirmDialog(
                title, tr("%1 on <b>%2</b>?").arg(title.toHtmlEscaped(), server.displayName().toHtmlEscaped()),
                planHtml(p), p.confirmation, false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setReasonRequired(true);
            connect(dialog, &QDialog::accepted, this, [this, dialog, title, server, p, generation] {
                if (!m_adminMode || !current(generation)) {
                    m_banner->showWarning(tr("Admin mode or the server changed: nothing was stopped."), title);
                    return;
                }
                const QString reason = dialog->reason();
                m_runner->start<StopResult>(
                    title,
                    [server, p, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(server, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
                        return Activity::stop(*conn, p, p.confirmation, reason);
                    },
                    [this, title, kind = p.kind](const Outcome<StopResult> &done) {
                        if (!done.ok()) {
                            if (done.cancelled())
                                m_banner->showWarning(tr("Cancelled before it was done: see Sessions for what is "
                                                         "still there."),
                                                      title);
                            else
                                m_banner->showError(done.error(), title);
                        } else {
                            const StopResult &r = done.value();
                            QString text;
                            if (!r.stopped.isEmpty())
                                text = (kind == StopKind::Cancel
                                            ? tr("Cancelled the running statement of %n session(s): %1.", nullptr,
                                                 int(r.stopped.size()))
                                            : tr("Terminated %n session(s): %1.", nullptr, int(r.stopped.size())))
                                           .arg(pidList(r.stopped));
                            if (!r.gone.isEmpty())
                                text += (text.isEmpty() ? QString() : QStringLiteral(" "))
                                        + tr("Gone before it came to them, nothing done: %1.").arg(pidList(r.gone));
                            if (r.stopped.isEmpty())
                                m_banner->showWarning(text.isEmpty() ? tr("Nothing was stopped.") : text, title);
                            else
                                m_banner->showSuccess(text + QLatin1Char(' ') + tr("Journalled."), title);
                        }
                        refresh();
                    });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
