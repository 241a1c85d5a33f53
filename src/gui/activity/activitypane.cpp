// The Activity pane's frame: the target, the refresh timer, Pause and the tabs. Each tab has a
// file of its own in this folder: sessions, blockingtree (Locks), stopsessions, statements,
// replication, pools, health, charts; tablecells holds the cells they share.
#include "gui/activity/activitypane.h"
#include "gui/widgets/tablewidgets.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/elidinglabel.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"

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

// --- Frame ------------------------------------------------------------------------------

ActivityPane::ActivityPane(QWidget *parent)
    : QWidget(parent), m_thresholds(Thresholds::load()), m_runner(new JobRunner(this)), m_sampler(new JobRunner(this)),
      m_progress(new ProgressPanel(this)),
      m_banner(new Banner(this)), m_timer(new QTimer(this)), m_target(new ElidingLabel(this)), m_updated(new QLabel(this)),
      m_modeHint(new QLabel(this)), m_seconds(new QSpinBox(this)), m_pause(new QPushButton(this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("activityPane"));
    m_progress->follow(m_runner);
    m_target->setObjectName(QStringLiteral("activityTarget"));
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
    m_modeHint->setWordWrap(true); // long in German: it wraps rather than widen the window
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
        // "Replication read at ..." must not stand over the Pools tab: each tab says when it
        // was read itself (a tab with nothing to read, says nothing).
        m_updated->clear();
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
    m_formation.reset();
    m_poolReport.reset();
    m_healthLoad.reset();
    m_banner->hide();
    m_updated->clear();
    // One line, elided: a long server or database name never widens the pane (it asked for
    // 1,012 px in German and squeezed the sidebar).
    m_target->setText(m_server ? tr("Server %1, %2")
                                     .arg(m_server->displayName(),
                                          m_database.isEmpty() ? tr("every database") : tr("database %1").arg(m_database))
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

} // namespace statescope::gui
