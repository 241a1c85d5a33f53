#include "gui/window/mainwindow.h"

#include "core/demo/demofamily.h"
#include "core/demo/shapes.h"
#include "core/sandbox/sandbox.h"
#include "gui/activity/activitypane.h"
#include "gui/admin/adminpane.h"
#include "gui/widgets/banner.h"
#include "gui/compare/comparedialog.h"
#include "gui/window/connectiondialog.h"
#include "gui/console/consolepane.h"
#include "gui/players/playereventspane.h"
#include "gui/tables/tablespane.h"
#include "gui/window/weekswitcher.h"
#include "gui/events/eventspane.h"
#include "gui/find/findpane.h"
#include "gui/widgets/jobrunner.h"
#include "gui/window/layoutdialog.h"
#include "gui/metrics/metricspane.h"
#include "gui/widgets/progresspanel.h"
#include "gui/replay/replaypane.h"
#include "gui/window/safetystrip.h"
#include "gui/shards/shardspane.h"
#include "gui/window/sidebar.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/widgets/style.h"
#include "models/databasetreemodel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QScreen>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace statescope::gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_model(new models::DatabaseTreeModel(this)),
      m_sidebar(new Sidebar(this)), m_admin(new AdminPane(m_model, this)),
      m_replay(new ReplayPane(this)), m_metrics(new MetricsPane(this)),
      m_events(new EventsPane(this)), m_snapshots(new SnapshotsPane(this)),
      m_tables(new TablesPane(this)), m_players(new PlayerEventsPane(this)), m_activity(new ActivityPane(this)),
      m_console(new ConsolePane(this)), m_shards(new ShardsPane(this)), m_find(new FindPane(this)),
      m_findField(new QLineEdit(this)),
      m_tabs(new QTabWidget(this)), m_strip(new SafetyStrip(this)), m_frame(new QWidget(this)),
      m_statusLabel(new QLabel(this)), m_progress(new ProgressPanel(this)),
      m_messages(new Banner(this)), m_weeks(new WeekSwitcher(this)), m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Mappings the user remembered per family apply to every connection the panes open.
    LayoutDialog::installMappings();
    setWindowIcon(QIcon(QStringLiteral(":/icons/statescope.svg")));

    m_tabs->setObjectName(QStringLiteral("paneTabs"));
    m_tabs->addTab(m_events, style::icon(QStringLiteral("view-list-details")), tr("Events"));
    m_tabs->addTab(m_snapshots, style::icon(QStringLiteral("camera-photo")), tr("Snapshots"));
    m_tabs->addTab(m_metrics, style::icon(QStringLiteral("office-chart-line")), tr("Metrics"));
    m_tabs->addTab(m_replay, style::icon(QStringLiteral("media-playback-start")), tr("Replay"));
    m_tabs->addTab(m_tables, style::icon(QStringLiteral("view-list-details")), tr("Tables"));
    m_tabs->addTab(m_console, style::icon(QStringLiteral("document-edit")), tr("SQL"));
    m_tabs->addTab(m_admin, style::icon(QStringLiteral("applications-system")), tr("Admin"));
    m_tabs->addTab(m_players, style::icon(QStringLiteral("view-list-details")), tr("Players"));
    m_tabs->addTab(m_activity, style::icon(QStringLiteral("network-wired")), tr("Activity"));
    m_tabs->addTab(m_shards, style::icon(QStringLiteral("network-server")), tr("Shards"));
    // The shard sets' databases are found among the open servers (their passwords too).
    m_shards->setServerList([this] {
        QList<QPair<QString, pg::ConnectionSettings>> out;
        for (const QString &id : m_sidebar->model()->serverIds())
            if (const Sidebar::Server *s = m_sidebar->server(id))
                out.append({serverLabel(id), s->settings});
        return out;
    });
    m_shards->reloadSets();
    connect(m_shards, &ShardsPane::openShard, this, &MainWindow::openShard);
    m_tabs->setCurrentWidget(m_events);

    // The frame takes the server's colour (its border) so the whole pane area is tinted.
    m_frame->setObjectName(QStringLiteral("serverFrame"));
    auto *layout = new QVBoxLayout(m_frame);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_strip);
    layout->addWidget(m_messages);
    layout->addWidget(m_weeks);
    layout->addWidget(m_tabs, 1);
    connect(m_weeks, &WeekSwitcher::weekChosen, this, &MainWindow::goToWeek);
    setCentralWidget(m_frame);

    auto *dock = new QDockWidget(tr("Servers"), this);
    dock->setObjectName(QStringLiteral("databasesDock"));
    dock->setWidget(m_sidebar);
    // Never squeezed below a readable width by a wide pane ("spacetraders_2025_…"): the
    // panes fit 1280 pixels beside it (the GUI audit checks that in English and German).
    dock->setMinimumWidth(210);
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    // At least wide enough to tell the rows apart; first shown wide enough for
    // "spacetraders_2025_w01" under its family and server. The user may drag it.
    m_sidebar->setMinimumWidth(160);
    resizeDocks({dock}, {240}, Qt::Horizontal);

    // Find's rows in a window of their own over the panes (shown by the first search, kept
    // open while rows are opened in the panes): the panes keep their whole height.
    auto *findWindow = new QDialog(this);
    findWindow->setObjectName(QStringLiteral("findWindow"));
    findWindow->setWindowTitle(tr("Find"));
    findWindow->setModal(false);
    auto *findLayout = new QVBoxLayout(findWindow);
    findLayout->setContentsMargins(0, 0, 0, 0);
    m_find->setParent(findWindow);
    findLayout->addWidget(m_find);
    connect(m_find, &FindPane::open, this, &MainWindow::openFound);
    connect(m_find, &FindPane::storyRequested, this, &MainWindow::openStory);
    connect(m_players, &PlayerEventsPane::storyRequested, this, &MainWindow::openStoryHere);
    connect(m_find, &FindPane::closeRequested, findWindow, &QDialog::reject);
    connect(findWindow, &QDialog::rejected, m_find, [this] {
        if (m_find->isRunning())
            m_find->stop(); // Esc or Close: what is found stays, the search ends
    });

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_progress->follow(m_runner);
    connect(m_sidebar, &Sidebar::runnerCreated, m_progress, &ProgressPanel::follow);

    connect(m_sidebar, &Sidebar::currentChanged, this,
            [this](const QString &server, const QString &database) {
                if (server.isEmpty())
                    return;
                if (server != m_currentServer)
                    switchServer(server);
                if (!database.isEmpty())
                    showDatabase(database);
            });
    connect(m_sidebar, &Sidebar::relationChosen, this,
            [this](const QString &, const QString &, const QString &schema, const QString &name) {
                m_tables->openRelation(schema, name);
                m_tabs->setCurrentWidget(m_tables);
            });
    connect(m_sidebar, &Sidebar::listing, this, [this](const QString &id) {
        m_statusLabel->setText(tr("Listing databases on %1…").arg(serverLabel(id)));
    });
    connect(m_sidebar, &Sidebar::listed, this, &MainWindow::onListed);
    connect(m_sidebar, &Sidebar::inspected, this, &MainWindow::onInspected);
    connect(m_sidebar, &Sidebar::failed, this, [this](const QString &id, const Error &error) {
        m_statusLabel->setText(tr("Could not list the databases of %1.").arg(serverLabel(id)));
        m_messages->showError(error, serverLabel(id));
        if (m_pending && m_pending->server == id)
            m_pending.reset();
        if (id == m_currentServer || m_currentServer.isEmpty())
            emit failed(error.message());
    });
    connect(m_sidebar, &Sidebar::editRequested, this, &MainWindow::showConnectionDialog);
    connect(m_sidebar, &Sidebar::closed, this, [this](const QString &id) {
        if (id != m_currentServer) {
            updateFamily(); // its weeks leave the family
            return;
        }
        m_currentServer.clear();
        switchServer(m_sidebar->model()->serverIds().value(0));
    });

    // The admin pane's list and the sidebar move together.
    connect(m_admin->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString db = current.data(models::DatabaseTreeModel::DatabaseNameRole).toString();
                if (m_syncing || db.isEmpty() || m_currentServer.isEmpty())
                    return;
                m_sidebar->select(m_currentServer, db);
            });
    connect(m_admin, &AdminPane::changed, this, &MainWindow::refresh);
    // A database adopted, migrated or restored: what the panes said about it before (it
    // "needs adopting") is no longer so. What an action came to stays (Banner).
    connect(m_admin, &AdminPane::changed, this, [this](const QString &database) {
        for (Banner *banner : findChildren<Banner *>())
            if (!database.isEmpty() && banner->context() == database)
                banner->clearFor(database);
    });
    connect(m_admin, &AdminPane::driftRequested, this, &MainWindow::showFamilyDrift);
    connect(m_admin, &AdminPane::refreshRequested, this, [this] { refresh(); });
    connect(m_admin, &AdminPane::serverChanged, this, [this](const QString &id) {
        if (m_sidebar->server(id))
            m_sidebar->refresh(id);
    });
    m_admin->setOtherServers([this] {
        QList<AdminPane::OtherServer> out;
        for (const QString &id : m_sidebar->model()->serverIds())
            if (id != m_currentServer)
                if (const Sidebar::Server *s = m_sidebar->server(id))
                    out.append({id, serverLabel(id), s->settings});
        return out;
    });
    connect(m_admin, &AdminPane::showCollectedRows, this, [this](const QString &database) {
        // The collector may have made this week's database: list again, then show it.
        m_tailFor = database;
        m_tabs->setCurrentWidget(m_events);
        if (database == m_currentDatabase) {
            m_events->setLiveTail(true);
            m_tailFor.clear();
        }
        refresh(database);
    });
    connect(m_strip, &SafetyStrip::turnOffAdminRequested, this,
            [this] { m_adminMode->setChecked(false); });

    buildActions();
    followFailover();
    watchFormation();
    // One row height in every table and tree of every pane.
    for (QAbstractItemView *view : findChildren<QAbstractItemView *>())
        style::uniformRows(view);
    m_statusLabel->setText(tr("Connect to a server (Ctrl+O)."));
    switchServer({});
    // First start: the screen's available area, with or without a window manager (without one
    // "maximized" means nothing, and the window came up at its size hint in a corner).
    if (screen())
        setGeometry(screen()->availableGeometry());
    setWindowState(windowState() | Qt::WindowMaximized);
    restoreGeometry(settings::windowGeometry());
    if (!restoreState(settings::windowState())) {
        // First start: the sidebar gets its width once the window is laid out.
        QTimer::singleShot(0, this, [this, dock] { resizeDocks({dock}, {280}, Qt::Horizontal); });
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::showPane(QWidget *pane)
{
    m_tabs->setCurrentWidget(pane);
}

QWidget *MainWindow::currentPane() const
{
    return m_tabs->currentWidget();
}

QString MainWindow::serverLabel(const QString &id) const
{
    return m_sidebar->model()->serverInfo(id).label;
}

void MainWindow::setAdminMode(bool on)
{
    if (on && m_currentServer.isEmpty()) {
        m_adminMode->setChecked(false);
        return;
    }
    m_admin->setAdminMode(on);
    m_replay->setAdminMode(on);
    m_metrics->setAdminMode(on);
    m_snapshots->setAdminMode(on);
    m_events->setAdminMode(on);
    m_console->setAdminMode(on);
    m_activity->setAdminMode(on);
    m_strip->setAdminMode(on);
    m_adminMode->setText(on ? tr("&Admin mode: ON") : tr("&Admin mode"));
    statusBar()->showMessage(on ? tr("Admin mode on for %1: changes are possible and audited.")
                                      .arg(serverLabel(m_currentServer))
                                : tr("Admin mode off: read-only."),
                             4000);
}

void MainWindow::showDatabase(const QString &database)
{
    const Sidebar::Server *s = m_sidebar->server(m_currentServer);
    if (!s)
        return;
    if (database != m_currentDatabase) {
        m_currentDatabase = database;
        const pg::ConnectionSettings db = s->settings.withDatabase(database);
        if (m_keepState) {
            m_replay->switchWeek(db);
            m_events->switchWeek(db);
            m_snapshots->switchWeek(db);
            m_tables->switchWeek(db);
            m_players->switchWeek(db);
            m_console->setDatabase(db, true);
        } else {
            m_replay->setDatabase(db);
            m_events->setDatabase(db);
            m_snapshots->setDatabase(db);
            m_tables->setDatabase(db);
            m_players->setDatabase(db);
            m_console->setDatabase(db);
        }
        m_activity->setDatabase(database);
        QStringList family;
        const auto *info = m_model->database(database);
        const QString prefix = info && info->weekly ? info->weekly->prefix() : QString();
        for (const auto &d : m_model->databases())
            if (!prefix.isEmpty() && d.weekly && d.weekly->prefix() == prefix)
                family << d.name;
        if (m_keepState)
            m_metrics->switchWeek(database, family.isEmpty() ? QStringList{database} : family);
        else
            m_metrics->setDatabase(database, family.isEmpty() ? QStringList{database} : family);
        if (database == m_tailFor) {
            m_events->setLiveTail(true);
            m_tailFor.clear();
        }
    }
    const QModelIndex index = m_model->indexOfDatabase(database);
    if (index.isValid() && m_admin->selectionModel()->currentIndex() != index) {
        m_syncing = true;
        m_admin->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_syncing = false;
    }
    updateFamily();
    updateTitle();
    refreshFindScopes();
    // The status bar names what is shown, not the last listing.
    m_statusLabel->setText(tr("%1: %2 (one of %n database(s))", nullptr, int(m_model->databases().size()))
                               .arg(serverLabel(m_currentServer), database));
    arrive();
}

void MainWindow::updateTitle()
{
    const QString server = serverLabel(m_currentServer);
    const auto info = m_sidebar->model()->serverInfo(m_currentServer);
    QStringList parts;
    if (!m_currentDatabase.isEmpty())
        parts << m_currentDatabase;
    if (!server.isEmpty())
        parts << (info.production ? tr("%1 [PRODUCTION]").arg(server) : server);
    parts << QStringLiteral("Statescope");
    setWindowTitle(parts.join(QStringLiteral(" \u2014 ")));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings::setWindowGeometry(saveGeometry());
    settings::setWindowState(saveState());
    // Saved profiles (and the sandbox) come back next time; ad-hoc servers do not.
    QStringList open;
    for (const QString &id : m_sidebar->model()->serverIds())
        if (id == sandboxId() || (m_sidebar->server(id) && !m_sidebar->server(id)->profile.id.isEmpty()))
            open << id;
    settings::setOpenServers(open);
    // Workers cancel their running statements and join their threads as they are destroyed.
    event->accept();
}

} // namespace statescope::gui
