// The Activity pane's Sessions tab: who is connected, their state, waits and statements, the
// idle-in-transaction and long-running ones marked, this Statescope's own greyed.
#include "gui/activity/activitypane.h"

#include "models/ink.h"
#include "gui/widgets/tablewidgets.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTime>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using namespace statescope::activity;

// --- Sessions ---------------------------------------------------------------------------

QWidget *ActivityPane::buildSessions()
{
    auto *w = new QWidget(this);
    m_activeOnly = new QCheckBox(tr("Active only"), w);
    m_activeOnly->setObjectName(QStringLiteral("activeOnly"));
    m_activeOnly->setToolTip(tr("Only sessions running a statement now"));
    m_idleOnly = new QCheckBox(tr("Idle in transaction"), w);
    m_idleOnly->setObjectName(QStringLiteral("idleInTransaction"));
    m_idleOnly->setToolTip(tr("Only sessions that opened a transaction and wait: they keep their locks and hold back "
                              "vacuum"));
    // One state or the other (or every session): a session cannot be both.
    connect(m_activeOnly, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            const QSignalBlocker block(m_idleOnly);
            m_idleOnly->setChecked(false);
        }
        if (m_shown)
            refresh();
    });
    connect(m_idleOnly, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            const QSignalBlocker block(m_activeOnly);
            m_activeOnly->setChecked(false);
        }
        if (m_shown)
            refresh();
    });
    m_sessionsNote = new QLabel(w);
    m_sessionsNote->setObjectName(QStringLiteral("sessionsNote"));
    m_sessionsNote->setTextFormat(Qt::PlainText);
    m_sessionsNote->setWordWrap(true);
    m_sessions = makeTable(w, QStringLiteral("sessionList"),
                           {tr("PID"), tr("Database"), tr("User"), tr("Application"), tr("Client"), tr("State"),
                            tr("Wait event"), tr("Transaction age"), tr("Statement age"), tr("Query")});
    m_sessions->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sessions->setSortingEnabled(true);
    m_sessions->sortByColumn(7, Qt::DescendingOrder); // the oldest transactions first
    connect(m_sessions, &QTableWidget::itemSelectionChanged, this, &ActivityPane::updateActions);

    m_cancelSession = new QPushButton(tr("Cancel statement…"), w);
    m_cancelSession->setObjectName(QStringLiteral("cancelSession"));
    m_cancelSession->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_cancelSession->setToolTip(tr("Cancel the running statement of the selected sessions (pg_cancel_backend); they "
                                   "stay connected (Ctrl+.)"));
    m_terminateSession = new QPushButton(tr("Terminate session…"), w);
    m_terminateSession->setObjectName(QStringLiteral("terminateSession"));
    m_terminateSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_terminateSession->setToolTip(tr("Close the selected sessions (pg_terminate_backend); an open transaction is "
                                      "rolled back (Ctrl+Shift+Del)"));
    m_terminateDatabase = new QPushButton(w);
    m_terminateDatabase->setObjectName(QStringLiteral("terminateDatabase"));
    m_terminateDatabase->setToolTip(tr("Close every session of the selected database but this Statescope's own"));
    connect(m_cancelSession, &QPushButton::clicked, this, [this] { stopSelected(StopKind::Cancel); });
    connect(m_terminateSession, &QPushButton::clicked, this, [this] { stopSelected(StopKind::Terminate); });
    connect(m_terminateDatabase, &QPushButton::clicked, this, &ActivityPane::terminateDatabase);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_activeOnly);
    filters->addWidget(m_idleOnly);
    filters->addWidget(m_sessionsNote, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_cancelSession);
    actions->addWidget(m_terminateSession);
    actions->addStretch(1);
    actions->addWidget(m_terminateDatabase);
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(filters);
    layout->addWidget(m_sessions, 1);
    layout->addLayout(actions);
    return w;
}

void ActivityPane::loadSessions()
{
    const pg::ConnectionSettings server = *m_server;
    SessionFilter filter;
    filter.database = m_database;
    filter.activeOnly = m_activeOnly->isChecked();
    filter.idleInTransactionOnly = m_idleOnly->isChecked();
    const int generation = m_generation;
    m_runner->start<SessionList>(
        tr("Reading the sessions"),
        [server, filter](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::sessions(*conn, filter);
        },
        [this, generation](const Outcome<SessionList> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_sessionList = r.value();
            showSessions();
            markRefreshed(tr("Sessions"));
        });
}

void ActivityPane::showSessions()
{
    const QList<int> keep = selectedPids();
    const QSignalBlocker block(m_sessions);
    m_sessions->setSortingEnabled(false);
    m_sessions->setRowCount(0);
    if (!m_sessionList) {
        m_sessionsNote->setText(m_server ? QString() : tr("Not connected."));
        m_sessions->setSortingEnabled(true);
        updateActions();
        return;
    }
    const SessionList &l = *m_sessionList;
    int marked = 0;
    m_sessions->setRowCount(int(l.sessions.size()));
    for (int row = 0; row < l.sessions.size(); ++row) {
        const Session &s = l.sessions[row];
        QTableWidgetItem *pid = cell(QString::number(s.pid), s.pid);
        pid->setData(PidRole, s.pid);
        pid->setData(OwnRole, s.own);
        m_sessions->setItem(row, 0, pid);
        m_sessions->setItem(row, 1, cell(s.database));
        m_sessions->setItem(row, 2, cell(s.user));
        m_sessions->setItem(row, 3, cell(s.own ? tr("%1 (this Statescope)").arg(s.application) : s.application));
        m_sessions->setItem(row, 4, cell(s.client));
        m_sessions->setItem(row, 5, cell(s.state));
        QString wait = s.waitEventType.isEmpty() ? QString() : s.waitEventType + QStringLiteral(": ") + s.waitEvent;
        if (!s.blockedBy.isEmpty())
            wait += tr(" (blocked by %1)").arg(pidList(s.blockedBy));
        m_sessions->setItem(row, 6, cell(wait));
        m_sessions->setItem(row, 7, cell(age(s.transactionSeconds), s.transactionSeconds.value_or(-1)));
        m_sessions->setItem(row, 8, cell(age(s.statementSeconds), s.statementSeconds.value_or(-1)));
        QTableWidgetItem *query = cell(s.query.simplified().left(300));
        query->setToolTip(s.query);
        m_sessions->setItem(row, 9, query);
        if (s.own) {
            for (int c = 0; c < m_sessions->columnCount(); ++c) {
                style::setInk(m_sessions->item(row, c), models::ink::Meaning::Muted);
                if (c != 9)
                    m_sessions->item(row, c)->setToolTip(
                        tr("This Statescope's own session: it is never cancelled or terminated from here."));
            }
            continue;
        }
        QStringList why;
        if (s.idleInTransaction())
            why << tr("Idle in transaction for %1: it keeps its locks and holds back vacuum until it commits or rolls "
                      "back.")
                       .arg(age(s.stateSeconds ? s.stateSeconds : s.transactionSeconds));
        else if (s.state == QLatin1String("active") && s.statementSeconds
                 && *s.statementSeconds > m_thresholds.longStatementSeconds)
            why << tr("Running for %1, longer than the threshold of %2.")
                       .arg(age(s.statementSeconds), age(m_thresholds.longStatementSeconds));
        if (s.waitingOnLock() && !s.blockedBy.isEmpty())
            why << tr("Waiting for a lock held by %1 (see Locks).").arg(pidList(s.blockedBy));
        if (!why.isEmpty()) {
            mark(m_sessions, row, why.join(QLatin1Char('\n')));
            ++marked;
        }
    }
    m_sessions->setSortingEnabled(true);
    fitRefreshedColumns(m_sessions);
    if (!keep.isEmpty()) {
        QItemSelection again;
        QModelIndex first;
        for (int row = 0; row < m_sessions->rowCount(); ++row) {
            if (!keep.contains(m_sessions->item(row, 0)->data(PidRole).toInt()))
                continue;
            const QModelIndex left = m_sessions->model()->index(row, 0);
            again.select(left, m_sessions->model()->index(row, m_sessions->columnCount() - 1));
            if (!first.isValid())
                first = left;
        }
        if (first.isValid()) {
            m_sessions->selectionModel()->select(again, QItemSelectionModel::ClearAndSelect);
            m_sessions->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        }
    }
    const int total = int(l.total);
    QString note = m_activeOnly->isChecked()  ? tr("%1 of %n session(s) running a statement", nullptr, total)
                   : m_idleOnly->isChecked() ? tr("%1 of %n session(s) idle in transaction", nullptr, total)
                                             : tr("%1 of %n session(s)", nullptr, total);
    note = note.arg(l.sessions.size());
    if (marked > 0)
        note += tr("; %n marked (idle in transaction, long-running or waiting on a lock)", nullptr, marked);
    note += QLatin1Char('.');
    if (!l.note.isEmpty())
        note += QLatin1Char('\n') + l.note;
    m_sessionsNote->setText(note);
    updateActions();
}

QList<int> ActivityPane::selectedPids(bool stoppableOnly) const
{
    QList<int> pids;
    for (const QModelIndex &index : m_sessions->selectionModel()->selectedRows(0)) {
        const QTableWidgetItem *item = m_sessions->item(index.row(), 0);
        if (item && !(stoppableOnly && item->data(OwnRole).toBool()))
            pids << item->data(PidRole).toInt();
    }
    return pids;
}

} // namespace statescope::gui
