#include "mainwindow.h"

#include "core/demo/demofamily.h"
#include "core/demo/shapes.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "gui/adminpane.h"
#include "gui/layoutdialog.h"
#include "gui/connectiondialog.h"
#include "gui/errorpanel.h"
#include "gui/jobrunner.h"
#include "gui/progresspanel.h"
#include "gui/eventspane.h"
#include "gui/metricspane.h"
#include "gui/replaypane.h"
#include "gui/snapshotspane.h"
#include "gui/settings.h"
#include "models/databasetreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace statescope::gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_model(new models::DatabaseTreeModel(this)),
      m_admin(new AdminPane(m_model, this)), m_replay(new ReplayPane(this)),
      m_metrics(new MetricsPane(this)), m_events(new EventsPane(this)),
      m_snapshots(new SnapshotsPane(this)),
      m_tabs(new QTabWidget(this)),
      m_sidebar(new QTreeView(this)), m_serverLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)), m_progress(new ProgressPanel(this)),
      m_messages(new ErrorPanel(this)), m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Statescope"));
    // Mappings the user remembered per family apply to every connection the panes open.
    LayoutDialog::installMappings();
    setWindowIcon(QIcon(QStringLiteral(":/icons/statescope.svg")));

    m_tabs->setObjectName(QStringLiteral("paneTabs"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_snapshots, tr("Snapshots"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(m_replay, tr("Replay"));
    m_tabs->addTab(m_admin, tr("Admin"));
    m_tabs->setCurrentWidget(m_admin);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_messages);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    // The sidebar shares the admin pane's model and selection: one source of truth.
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setModel(m_model);
    m_sidebar->setSelectionModel(m_admin->selectionModel());
    for (int c = 1; c < models::DatabaseTreeModel::ColumnCount; ++c)
        m_sidebar->hideColumn(c);
    m_sidebar->setHeaderHidden(true);
    connect(m_model, &QAbstractItemModel::modelReset, m_sidebar, &QTreeView::expandAll);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 4, 4, 4);
    m_serverLabel->setWordWrap(true);
    sideLayout->addWidget(m_serverLabel);
    sideLayout->addWidget(m_sidebar, 1);
    auto *dock = new QDockWidget(tr("Databases"), this);
    dock->setObjectName(QStringLiteral("databasesDock"));
    dock->setWidget(side);
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_progress->follow(m_runner);

    connect(m_admin, &AdminPane::changed, this, &MainWindow::refresh);
    // The panes that look inside one database follow the sidebar's selection.
    connect(m_admin->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString db = current.data(models::DatabaseTreeModel::DatabaseNameRole).toString();
                if (!m_server || db.isEmpty())
                    return;
                m_replay->setDatabase(m_server->withDatabase(db));
                m_events->setDatabase(m_server->withDatabase(db));
                m_snapshots->setDatabase(m_server->withDatabase(db));
                QStringList family;
                const QString prefix = current.data(models::DatabaseTreeModel::FamilyRole).toString();
                for (const auto &info : m_model->databases())
                    if (!prefix.isEmpty() && info.weekly && info.weekly->prefix() == prefix)
                        family << info.name;
                m_metrics->setDatabase(db, family.isEmpty() ? QStringList{db} : family);
            });
    connect(m_admin, &AdminPane::refreshRequested, this, [this] { refresh(); });

    buildActions();
    m_serverLabel->setText(tr("Not connected."));
    m_statusLabel->setText(tr("Connect to a server (Ctrl+O)."));
    resize(1200, 760);
    restoreGeometry(settings::windowGeometry());
    restoreState(settings::windowState());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);

    auto *connectAction = new QAction(tr("&Connect..."), this);
    connectAction->setShortcut(QKeySequence::Open);
    connectAction->setToolTip(tr("Connect to a server (Ctrl+O)"));
    connect(connectAction, &QAction::triggered, this, &MainWindow::showConnectionDialog);

    auto *sandboxAction = new QAction(tr("Open the &sandbox"), this);
    sandboxAction->setToolTip(tr("Start the private demo server and connect to it"));
    connect(sandboxAction, &QAction::triggered, this, &MainWindow::openSandbox);

    auto *refreshAction = new QAction(tr("&Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, [this] { refresh(); });

    m_adminMode = new QAction(tr("&Admin mode"), this);
    m_adminMode->setObjectName(QStringLiteral("adminModeAction"));
    m_adminMode->setCheckable(true);
    m_adminMode->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_adminMode->setToolTip(tr("Allow changes: create, migrate, reset, drop (Ctrl+Shift+A)"));
    connect(m_adminMode, &QAction::toggled, this, &MainWindow::setAdminMode);

    auto *layoutAction = new QAction(tr("Database &layout..."), this);
    layoutAction->setObjectName(QStringLiteral("layoutAction"));
    layoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    layoutAction->setToolTip(tr("Where the game's data lives in the selected database; map it "
                                "by hand and remember it for the family"));
    connect(layoutAction, &QAction::triggered, this, [this] {
        const QString db = m_admin->selectedDatabase();
        if (!m_server || db.isEmpty()) {
            QMessageBox::information(this, tr("Database layout"), tr("Select a database first."));
            return;
        }
        auto *dialog = new LayoutDialog(m_server->withDatabase(db), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &LayoutDialog::mappingChanged, this, [this, db] { refresh(db); });
        dialog->open();
    });

    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    fileMenu->addAction(connectAction);
    fileMenu->addAction(sandboxAction);
    fileMenu->addAction(refreshAction);
    fileMenu->addAction(layoutAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    toolbar->addAction(connectAction);
    toolbar->addAction(refreshAction);
    toolbar->addSeparator();
    toolbar->addAction(m_adminMode);

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *a = viewMenu->addAction(m_tabs->tabText(i));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Statescope"), this, [this] {
        QMessageBox::about(this, tr("About Statescope"),
                           tr("<b>Statescope %1</b><p>Inspect, compare, replay and administer "
                              "PostgreSQL game databases kept one per weekly reset.</p>"
                              "<p>Copyright \u00a9 2025-2026 the Statescope developers.</p>"
                              "<p>This program is free software: you can redistribute it and/or "
                              "modify it under the terms of the GNU General Public License as "
                              "published by the Free Software Foundation, either version 3 of "
                              "the License, or (at your option) any later version. It comes "
                              "with ABSOLUTELY NO WARRANTY. See "
                              "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">the GNU "
                              "General Public License</a> (on Debian: "
                              "/usr/share/common-licenses/GPL-3) for details.</p>"
                              "<p>Built with Qt %2 (LGPL-3 / GPL-3; Qt Charts GPL-3), libpq "
                              "(PostgreSQL licence) and nlohmann/json (MIT).</p>")
                               .arg(QApplication::applicationVersion(),
                                    QString::fromLatin1(qVersion())));
    });
}

void MainWindow::showPane(QWidget *pane)
{
    m_tabs->setCurrentWidget(pane);
}

void MainWindow::setAdminMode(bool on)
{
    m_admin->setAdminMode(on);
    m_replay->setAdminMode(on);
    m_metrics->setAdminMode(on);
    m_snapshots->setAdminMode(on);
    m_events->setAdminMode(on);
    m_adminMode->setText(on ? tr("&Admin mode: ON") : tr("&Admin mode"));
    statusBar()->showMessage(on ? tr("Admin mode on: changes are possible and audited.")
                                : tr("Admin mode off: read-only."),
                             4000);
}

void MainWindow::showConnectionDialog()
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        connectTo(dialog->settings(),
                  dialog->profileName().isEmpty() ? dialog->settings().displayName()
                                                  : dialog->profileName(),
                  dialog->webhookUrl());
    });
    dialog->open();
}

void MainWindow::openSandbox()
{
    m_statusLabel->setText(tr("Starting the sandbox server..."));
    m_runner->start<pg::ConnectionSettings>(
        tr("Starting the sandbox"),
        [](TaskContext &ctx) {
            ctx.progress(0, 0, tr("Starting the private PostgreSQL server"));
            const sandbox::Info info = sandbox::Sandbox().start();
            ctx.progress(0, 0, tr("Preparing the demo databases"));
            const weekly::ServerAdmin admin(info.settings);
            demo::ensureDemoFamily(admin, demo::FamilyOptions{}, &ctx);
            // One database in each other game system's own layout, to show that Statescope
            // opens databases it did not create.
            demo::ensureShapeDemos(admin, &ctx);
            return info.settings;
        },
        [this](const Outcome<pg::ConnectionSettings> &r) {
            if (!r.ok()) {
                m_statusLabel->setText(tr("The sandbox could not start."));
                m_messages->showError(r.error());
                emit failed(r.error().message());
                return;
            }
            connectTo(r.value(), tr("Sandbox"));
        });
}

void MainWindow::connectTo(const pg::ConnectionSettings &server, const QString &label,
                           const QString &webhook)
{
    m_server = server;
    m_replay->setWebhook(webhook);
    m_replay->setDatabase(std::nullopt);
    m_events->setDatabase(std::nullopt);
    m_snapshots->setDatabase(std::nullopt);
    m_metrics->setServer(server);
    if (m_server->database().isEmpty())
        m_server->setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
    m_serverName = label;
    m_serverLabel->setText(label == m_server->displayName()
                               ? QStringLiteral("<b>%1</b>").arg(label.toHtmlEscaped())
                               : tr("<b>%1</b><br><small>%2</small>")
                                     .arg(label.toHtmlEscaped(),
                                          m_server->displayName().toHtmlEscaped()));
    setWindowTitle(tr("Statescope - %1").arg(label));
    m_admin->setServer(m_server);
    m_model->setDatabases({});
    refresh();
}

void MainWindow::refresh(const QString &selectDatabase)
{
    if (!m_server)
        return;
    const int generation = ++m_listGeneration;
    const weekly::ServerAdmin admin(*m_server);
    const QString keep = selectDatabase.isEmpty() ? m_admin->selectedDatabase() : selectDatabase;
    m_statusLabel->setText(tr("Listing databases on %1...").arg(m_serverName));
    m_runner->start<QList<weekly::DatabaseInfo>>(
        tr("Listing databases"),
        [admin](TaskContext &ctx) { return admin.list({}, &ctx); },
        [this, generation, keep](const Outcome<QList<weekly::DatabaseInfo>> &r) {
            if (generation != m_listGeneration)
                return; // a newer listing is on its way
            if (!r.ok()) {
                m_statusLabel->setText(tr("Could not list the databases."));
                m_messages->showError(r.error());
                emit failed(r.error().message());
                return;
            }
            m_messages->hide();
            m_model->setDatabases(r.value());
            m_statusLabel->setText(tr("%1: %n database(s)", nullptr, int(r.value().size()))
                                       .arg(m_serverName));
            QModelIndex index = m_model->indexOfDatabase(keep);
            if (!index.isValid() && m_model->rowCount() > 0)
                index = m_model->index(0, 0, m_model->index(0, 0));
            if (index.isValid())
                m_admin->selectionModel()->setCurrentIndex(
                    index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            QStringList names;
            for (const weekly::DatabaseInfo &db : r.value())
                names << db.name;
            emit databasesListed(names);
        });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings::setWindowGeometry(saveGeometry());
    settings::setWindowState(saveState());
    // Workers cancel their running statements and join their threads as they are destroyed.
    event->accept();
}

} // namespace statescope::gui
