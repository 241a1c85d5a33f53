// The Activity pane: the frame (target, refresh timer, pause, tabs) and the Sessions tab.
// Locks and stopping sessions are in activitylocks.cpp, Statements, Replication and Pools in
// activitytabs.cpp, Health and the thresholds in activityhealth.cpp, the Charts tab and its
// samples in activitycharts.cpp.
#include "gui/activitypane.h"
#include "gui/tablewidgets.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/banner.h"
#include "gui/confirmdialog.h"
#include "gui/jobrunner.h"
#include "gui/progresspanel.h"
#include "gui/style.h"

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

namespace {

// Sorts by the number it carries (ages, pids), not by its text.
class SortItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant mine = data(ActivityPane::SortRole), theirs = other.data(ActivityPane::SortRole);
        if (mine.isValid() && theirs.isValid())
            return mine.toDouble() < theirs.toDouble();
        return QTableWidgetItem::operator<(other);
    }
};

} // namespace

// --- Frame ------------------------------------------------------------------------------

ActivityPane::ActivityPane(QWidget *parent)
    : QWidget(parent), m_thresholds(Thresholds::load()), m_runner(new JobRunner(this)), m_sampler(new JobRunner(this)),
      m_progress(new ProgressPanel(this)),
      m_banner(new Banner(this)), m_timer(new QTimer(this)), m_target(new QLabel(this)), m_updated(new QLabel(this)),
      m_modeHint(new QLabel(this)), m_seconds(new QSpinBox(this)), m_pause(new QPushButton(this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("activityPane"));
    m_progress->follow(m_runner);
    m_target->setObjectName(QStringLiteral("activityTarget"));
    m_target->setTextFormat(Qt::RichText);
    m_updated->setObjectName(QStringLiteral("activityUpdated"));
    auto *refreshButton = new QPushButton(style::icon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshActivity"));
    refreshButton->setToolTip(tr("Read the tab on screen again (F5)"));
    connect(refreshButton, &QPushButton::clicked, this, &ActivityPane::refresh);
    m_seconds->setObjectName(QStringLiteral("refreshSeconds"));
    m_seconds->setRange(1, 300);
    m_seconds->setValue(5);
    m_seconds->setPrefix(tr("every "));
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setToolTip(tr("How often the tab on screen is read while the pane is shown"));
    connect(m_seconds, &QSpinBox::valueChanged, this, &ActivityPane::updateTimer);
    m_pause->setObjectName(QStringLiteral("pauseRefresh"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop reading every few seconds, to look at what is shown (Ctrl+Shift+P)"));
    connect(m_pause, &QPushButton::toggled, this, &ActivityPane::setPaused);
    m_modeHint->setObjectName(QStringLiteral("activityModeHint"));
    m_modeHint->setText(tr("Read-only: switch on <b>Admin mode</b> (Ctrl+Shift+A) to cancel statements or terminate "
                           "sessions."));
    connect(m_timer, &QTimer::timeout, this, [this] {
        takeSample(); // whatever the tab: the charts' history grows while the pane is open
        if (!m_runner->isBusy()) // a slow server is not asked again before it has answered
            refresh();
    });
    // A refresh asked for while something ran (a switch, F5, another tab) runs once it ends.
    connect(m_runner, &JobRunner::busyChanged, this, [this](bool busy) {
        if (!busy && m_pending)
            refresh();
    });

    m_tabs->setObjectName(QStringLiteral("activityTabs"));
    m_tabs->addTab(buildSessions(), tr("&Sessions"));
    m_tabs->addTab(buildLocks(), tr("&Locks"));
    m_tabs->addTab(buildStatements(), tr("S&tatements"));
    m_tabs->addTab(buildReplication(), tr("Re&plication"));
    m_tabs->addTab(buildPools(), tr("P&ools"));
    m_tabs->addTab(buildHealth(), tr("H&ealth"));
    m_tabs->addTab(buildCharts(), tr("&Charts"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_shown)
            refresh();
    });

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_target, 1);
    controls->addWidget(m_updated);
    controls->addWidget(refreshButton);
    controls->addWidget(m_seconds);
    controls->addWidget(m_pause);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(controls);
    layout->addWidget(m_modeHint);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_progress);
    setPaused(false);
    clearShown();
}

ActivityPane::~ActivityPane() = default;

QTableWidget *ActivityPane::makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    return readOnlyTable(parent, name, headers);
}

QTableWidgetItem *ActivityPane::cell(const QString &text, double sortKey)
{
    auto *item = new SortItem(text);
    item->setData(ActivityPane::SortRole, sortKey);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem *ActivityPane::cell(const QString &text)
{
    return new SortItem(text);
}

QString ActivityPane::age(const std::optional<double> &seconds)
{
    if (!seconds)
        return QString();
    const double s = std::max(0.0, *seconds);
    if (s < 10)
        return tr("%1 s").arg(QLocale().toString(s, 'f', 1));
    const qint64 whole = qint64(s);
    if (whole < 120)
        return tr("%1 s").arg(whole);
    if (whole < 7200)
        return tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    if (whole < 172800)
        return tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(whole / 86400).arg((whole % 86400) / 3600);
}

QString ActivityPane::number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString ActivityPane::percent(double ratio, int decimals)
{
    return tr("%1 %").arg(QLocale().toString(ratio * 100, 'f', decimals));
}

QString ActivityPane::pidList(const QList<int> &pids)
{
    QStringList out;
    for (int p : pids)
        out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

void ActivityPane::mark(QTableWidget *table, int row, const QString &why) const
{
    const QColor fill = style::blend(palette().color(QPalette::Base), style::toneColour(style::Tone::Warning), 0.3);
    for (int c = 0; c < table->columnCount(); ++c) {
        QTableWidgetItem *item = table->item(row, c);
        if (!item) {
            item = cell(QString());
            table->setItem(row, c, item);
        }
        item->setBackground(fill);
        item->setToolTip(item->toolTip().isEmpty() ? why : why + QStringLiteral("\n\n") + item->toolTip());
    }
}

void ActivityPane::setServer(const std::optional<pg::ConnectionSettings> &server)
{
    std::optional<pg::ConnectionSettings> next = server;
    // The server itself, never its read replica: its sessions are the ones to see and stop.
    if (next)
        next->clearReadReplica();
    if (next && m_server && next->conninfo() == m_server->conninfo())
        return;
    m_server = next;
    m_database.clear();
    ++m_generation;
    m_runner->cancel();
    m_sampler->cancel();
    m_history.clear(); // another server's counters (or none): the charts start again
    m_pending = false;
    m_consoleSettings.reset();
    m_console->clear();
    // A confirmation still open is about the server left: nothing of it may act now.
    for (ConfirmDialog *d : findChildren<ConfirmDialog *>())
        d->reject();
    clearShown();
    updateTimer();
    if (m_server && m_shown) {
        refresh();
        takeSample();
    }
}

void ActivityPane::setDatabase(const QString &database)
{
    if (database == m_database)
        return;
    m_database = database;
    ++m_generation;
    m_runner->cancel();
    m_pending = false;
    clearShown();
    if (m_server && m_shown)
        refresh();
}

void ActivityPane::setAdminMode(bool on)
{
    m_adminMode = on;
    if (!on)
        for (ConfirmDialog *d : findChildren<ConfirmDialog *>())
            d->reject();
    updateActions();
}

void ActivityPane::setPaused(bool paused)
{
    m_paused = paused;
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(paused);
    }
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)); // after the text, which resets it
    m_pause->setIcon(style::icon(paused ? QStringLiteral("media-playback-start") : QStringLiteral("media-playback-pause")));
    updateTimer();
    if (!paused && m_shown && m_server) {
        refresh();
        takeSample();
    }
}

void ActivityPane::updateTimer()
{
    m_timer->setInterval(m_seconds->value() * 1000);
    const bool run = m_shown && !m_paused && m_server.has_value();
    if (run && !m_timer->isActive())
        m_timer->start();
    else if (!run)
        m_timer->stop();
}

void ActivityPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_shown = true;
    updateTimer();
    if (m_server) {
        refresh();
        takeSample();
    }
}

void ActivityPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_shown = false;
    updateTimer();
}

bool ActivityPane::event(QEvent *event)
{
    // The window's Refresh action owns F5 too; a second shortcut would make both ambiguous,
    // so the pane claims the key as a plain key press while it has the focus.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Refresh)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void ActivityPane::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Refresh)) {
        refresh();
        return event->accept();
    }
    QWidget::keyPressEvent(event);
}

QString ActivityPane::serverContext() const
{
    return m_server ? m_server->displayName() : QString();
}

pg::ConnectionSettings ActivityPane::databaseSettings() const
{
    return m_database.isEmpty() ? *m_server : m_server->withDatabase(m_database);
}

void ActivityPane::clearShown()
{
    m_sessionList.reset();
    m_lockReport.reset();
    m_statementsLoad.reset();
    m_replication.reset();
    m_poolReport.reset();
    m_healthLoad.reset();
    m_banner->hide();
    m_updated->clear();
    m_target->setText(m_server ? tr("Server <b>%1</b>, %2")
                                     .arg(m_server->displayName().toHtmlEscaped(),
                                          m_database.isEmpty() ? tr("every database")
                                                               : tr("database <b>%1</b>").arg(m_database.toHtmlEscaped()))
                               : tr("Select a server in the sidebar."));
    m_statementText->clear();
    m_planTree->clear();
    m_planText->clear();
    m_sessions->clearSelection();
    m_blockingTree->clear();
    showSessions();
    showLocks();
    showStatements();
    showReplication();
    showPools();
    showHealth();
    showCharts();
    updateActions();
}

void ActivityPane::refresh()
{
    if (!m_server)
        return;
    if (m_tabs->currentIndex() == ChartsTab) { // its read is a sample, on the sampler
        m_pending = false;
        showCharts();
        return takeSample(true);
    }
    if (m_runner->isBusy()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    switch (m_tabs->currentIndex()) {
    case SessionsTab: return loadSessions();
    case LocksTab: return loadLocks();
    case StatementsTab: return loadStatements();
    case ReplicationTab: return loadReplication();
    case PoolsTab: return loadPools();
    case HealthTab: return loadHealth();
    default: return;
    }
}

void ActivityPane::readFailed(const Error &error)
{
    if (error.kind() != Error::Kind::Cancelled)
        m_banner->showError(error, serverContext());
}

void ActivityPane::markRefreshed(const QString &what)
{
    m_banner->clearFor(serverContext());
    m_updated->setText(tr("%1 read at %2").arg(what, QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    emit refreshed();
}

void ActivityPane::updateActions()
{
    const bool admin = m_adminMode && m_server.has_value();
    const bool stoppable = !selectedPids(true).isEmpty();
    m_cancelSession->setEnabled(admin && stoppable);
    m_terminateSession->setEnabled(admin && stoppable);
    m_terminateDatabase->setVisible(!m_database.isEmpty());
    m_terminateDatabase->setText(tr("Terminate every session of %1…").arg(m_database));
    m_terminateDatabase->setEnabled(admin && !m_database.isEmpty());
    m_terminateBlockers->setEnabled(admin && selectedBlockedPid() > 0);
    const bool listed = m_statementsLoad && m_statementsLoad->report.available;
    const int row = m_statements->currentRow();
    m_genericPlan->setEnabled(m_server && listed && row >= 0 && row < m_statementsLoad->report.statements.size());
    m_resetStatements->setEnabled(admin && listed);
    m_modeHint->setVisible(!m_adminMode);
}

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
    const QColor own = palette().color(QPalette::Disabled, QPalette::Text);
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
                m_sessions->item(row, c)->setForeground(own);
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
    QString note = m_activeOnly->isChecked()  ? tr("%1 of %2 session(s) running a statement")
                   : m_idleOnly->isChecked() ? tr("%1 of %2 session(s) idle in transaction")
                                             : tr("%1 of %2 session(s)");
    note = note.arg(l.sessions.size()).arg(l.total);
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
