// The window's family of weeks: the family of the database shown (over every open server), the
// week switcher following it, a week gone to, and the admin pane's model of the family.
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

void MainWindow::updateFamily()
{
    const auto *info = m_model->database(m_currentDatabase);
    if (!info || !info->weekly) {
        m_weeks->clear();
        m_console->setFamily({});
        return;
    }
    if (const weekly::Family f = familyOf(info->weekly->prefix()); !f.isEmpty()) {
        m_weeks->setFamily(f, f.indexOf(m_currentDatabase, serverLabel(m_currentServer)));
        m_console->setFamily(f);
        m_metrics->setFamily(f, serverLabel(m_currentServer));
        return;
    }
    m_weeks->clear();
    m_console->setFamily({});
}

CompareDialog *MainWindow::showFamilyDrift(const QString &prefix)
{
    const weekly::Family family = familyOf(prefix);
    if (family.isEmpty())
        return nullptr;
    auto *dialog = new CompareDialog(family, int(family.weeks().size()) - 1, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->tabs()->setCurrentIndex(dialog->tabs()->count() - 1); // Drift
    dialog->show();
    dialog->readDrift();
    return dialog;
}

weekly::Family MainWindow::familyOf(const QString &prefix) const
{
    // One family over every open server that has listed its databases.
    QList<weekly::Family::Source> sources;
    for (const QString &id : m_sidebar->model()->serverIds())
        if (const Sidebar::Server *s = m_sidebar->server(id))
            sources.append({serverLabel(id), s->settings, m_sidebar->model()->databases(id)});
    for (const weekly::Family &f : weekly::Family::fromListings(sources))
        if (f.prefix() == prefix)
            return f;
    return {};
}

void MainWindow::fillAdminModel()
{
    // This server's databases, and the weeks the other open servers hold of its families.
    QList<std::pair<QString, weekly::DatabaseInfo>> elsewhere;
    for (const QString &id : m_sidebar->model()->serverIds())
        if (id != m_currentServer)
            for (const weekly::DatabaseInfo &db : m_sidebar->model()->databases(id))
                if (db.weekly)
                    elsewhere.append({serverLabel(id), db});
    m_model->setDatabases(m_sidebar->server(m_currentServer) ? m_sidebar->model()->databases(m_currentServer)
                                                             : QList<weekly::DatabaseInfo>{},
                          serverLabel(m_currentServer), elsewhere);
}

void MainWindow::goToWeek(const weekly::FamilyWeek &week)
{
    QString target;
    for (const QString &id : m_sidebar->model()->serverIds())
        if (serverLabel(id) == week.server)
            target = id;
    if (target.isEmpty())
        return; // its server was closed meanwhile
    m_keepState = true;
    if (target != m_currentServer)
        switchServer(target);
    showDatabase(week.database());
    m_sidebar->select(target, week.database());
    m_keepState = false;
}

void MainWindow::refillAdminModel()
{
    const QString keep = m_admin->selectedDatabase();
    m_syncing = true;
    fillAdminModel();
    if (const QModelIndex at = m_model->indexOfDatabase(keep); at.isValid())
        m_admin->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect
                                                           | QItemSelectionModel::Rows);
    m_syncing = false;
    updateFamily();
}

} // namespace statescope::gui
