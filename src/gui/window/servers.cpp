// The window's servers: the connection dialog, the sandbox, a profile or a conninfo opened,
// the sidebar's server switched to, and its listing arriving (the newest week selected).
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
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTableWidget>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

// The newest weekly database of a listing (highest ISO week, then name), or the first.
QString newestWeek(const QList<weekly::DatabaseInfo> &databases)
{
    const weekly::DatabaseInfo *best = nullptr;
    for (const auto &db : databases) {
        if (!db.weekly)
            continue;
        if (!best || db.weekly->monday() > best->weekly->monday()
            || (db.weekly->monday() == best->weekly->monday() && db.name > best->name))
            best = &db;
    }
    if (best)
        return best->name;
    return databases.isEmpty() ? QString() : databases.first().name;
}

} // namespace

void MainWindow::showConnectionDialog(const QString &profileId)
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!profileId.isEmpty())
        dialog->selectProfile(profileId);
    connect(dialog, &ConnectionDialog::connectRequested, this,
            [this](const settings::Profile &profile, const std::optional<QString> &password) {
                openProfile(profile, password);
            });
    dialog->open();
}

void MainWindow::openSandbox()
{
    m_statusLabel->setText(tr("Starting the sandbox server…"));
    // Said where the user looks, not only in the status bar: the first start makes a server
    // and its demo weeks, and takes a few seconds with nothing else to show.
    m_messages->showMessage(tr("Starting the private PostgreSQL sandbox and its demo weeks (a few seconds the first "
                               "time)…"),
                            tr("Sandbox"));
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
                m_messages->showError(r.error(), tr("Sandbox"));
                emit failed(r.error().message());
                return;
            }
            m_messages->hide();
            const QString id = m_sidebar->openAdHoc(r.value(), tr("Sandbox"), sandboxId());
            m_sidebar->select(id, {});
        });
}

void MainWindow::connectTo(const pg::ConnectionSettings &server, const QString &label,
                           const QString &webhook)
{
    const QString id = m_sidebar->openAdHoc(server, label);
    m_replay->setWebhook(webhook);
    m_sidebar->select(id, {});
    if (m_currentServer != id)
        switchServer(id);
}

void MainWindow::openProfile(const settings::Profile &profile, const std::optional<QString> &password)
{
    try {
        const bool reconnect = m_sidebar->server(profile.id) != nullptr;
        m_sidebar->open(profile, password);
        m_sidebar->select(profile.id, {});
        if (m_currentServer != profile.id)
            switchServer(profile.id);
        else if (reconnect)
            m_adminMode->setChecked(false); // a reconnect: admin mode is asked for again
        updateTitle();
    } catch (const Error &e) {
        m_messages->showError(e, profile.name);
    }
}

void MainWindow::refresh(const QString &selectDatabase)
{
    if (!m_currentServer.isEmpty())
        m_sidebar->refresh(m_currentServer,
                           selectDatabase.isEmpty() ? m_currentDatabase : selectDatabase);
}

void MainWindow::switchServer(const QString &id)
{
    // Admin mode never travels from one server to another.
    if (m_adminMode)
        m_adminMode->setChecked(false);
    m_currentServer = id;
    if (m_pending && m_pending->server != id)
        m_pending.reset(); // "Open the player's shard" (or a row found) was left for another server
    m_paneHosts.clear(); // another server's hosts say nothing of this one
    if (m_hostLabel)
        m_hostLabel->clear();
    m_currentDatabase.clear();
    const Sidebar::Server *s = m_sidebar->server(id);
    const std::optional<pg::ConnectionSettings> settings =
        s ? std::optional(s->settings) : std::nullopt;
    m_replay->setWebhook(s ? s->profile.webhookUrl : QString());
    if (!m_keepState) {
        // A week of the same family on another server keeps the panes' set-up; anything
        // else starts them afresh.
        m_replay->setDatabase(std::nullopt);
        m_events->setDatabase(std::nullopt);
        m_snapshots->setDatabase(std::nullopt);
        m_tables->setDatabase(std::nullopt);
        m_players->setDatabase(std::nullopt);
        m_console->setDatabase(std::nullopt);
        m_weeks->clear();
    }
    m_metrics->setServer(settings);
    m_activity->setServer(settings); // what the server is doing: every database until one is shown
    m_syncing = true;
    m_admin->setServer(settings);
    fillAdminModel();
    m_syncing = false;
    const auto info = m_sidebar->model()->serverInfo(id);
    m_strip->setServer(info.label, info.colour, info.production);
    m_console->setServerLook(info.label, info.colour, info.production);
    m_frame->setStyleSheet(info.colour.isValid() || info.production
                               ? QStringLiteral("#serverFrame { border: 3px solid %1; }")
                                     .arg((info.colour.isValid()
                                               ? info.colour
                                               : style::toneColour(style::Tone::Danger))
                                              .name())
                               : QString());
    m_messages->hide();
    updateTitle();
}

void MainWindow::onInspected(const QString &id)
{
    // The schema states the admin pane shows: its selection and the panes stay as they are.
    Q_UNUSED(id); // another server's weeks may be in this server's families
    refillAdminModel();
}

void MainWindow::onListed(const QString &id, const QList<weekly::DatabaseInfo> &databases)
{
    m_messages->clearFor(serverLabel(id));
    m_statusLabel->setText(tr("%1: %n database(s)", nullptr, int(databases.size())).arg(serverLabel(id)));
    if (m_currentServer.isEmpty())
        switchServer(id);
    if (id != m_currentServer) {
        // Another server's weeks may belong to the families shown.
        refillAdminModel();
        return;
    }
    const QString keep = m_currentDatabase;
    m_syncing = true;
    fillAdminModel();
    m_syncing = false;
    updateFamily();
    QString select = keep;
    if (m_pending && m_pending->server == id) {
        // A database to arrive at (openDatabaseThen): that one, if the server lists it.
        if (m_model->database(m_pending->database))
            select = m_pending->database;
        else
            m_messages->showWarning(tr("%1 does not list the database %2.")
                                        .arg(serverLabel(id), m_pending->database));
        if (!m_model->database(m_pending->database))
            m_pending.reset();
    }
    if (select.isEmpty() || !m_model->database(select)) {
        select = newestWeek(databases);
        m_currentDatabase.clear();
    }
    if (!m_openedFirst) {
        // The first listing decides where the window opens: where people look first, the
        // newest week's events. Later listings leave the pane alone.
        m_openedFirst = true;
        m_tabs->setCurrentWidget(m_events);
    }
    if (!select.isEmpty()) {
        m_sidebar->select(id, select);
        showDatabase(select);
    }
    QStringList names;
    for (const weekly::DatabaseInfo &db : databases)
        names << db.name;
    emit databasesListed(names);
}

} // namespace statescope::gui
