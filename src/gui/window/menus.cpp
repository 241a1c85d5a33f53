// The window's menus and actions: File, View (panes, themes), the toolbar's actions.
#include "gui/window/mainwindow.h"

#include "core/demo/demofamily.h"
#include "core/demo/shapes.h"
#include "core/sandbox/sandbox.h"
#include "gui/activity/activitypane.h"
#include "gui/admin/adminpane.h"
#include "gui/widgets/banner.h"
#include "gui/compare/comparedialog.h"
#include "gui/window/guidewindow.h"
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
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace statescope::gui {

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *connectAction = new QAction(style::icon(QStringLiteral("network-connect")),
                                      tr("&Connect…"), this);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence::Open);
    connectAction->setToolTip(tr("Open a server: saved profiles or a new connection (Ctrl+O)"));
    connect(connectAction, &QAction::triggered, this, [this] { showConnectionDialog(); });

    auto *sandboxAction = new QAction(style::icon(QStringLiteral("applications-development")),
                                      tr("Open the &sandbox"), this);
    sandboxAction->setObjectName(QStringLiteral("sandboxAction"));
    sandboxAction->setToolTip(tr("Start the private demo server and open it"));
    connect(sandboxAction, &QAction::triggered, this, &MainWindow::openSandbox);

    auto *refreshAction = new QAction(style::icon(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("List the current server's databases again (F5)"));
    connect(refreshAction, &QAction::triggered, this, [this] { refresh(); });

    m_adminMode = new QAction(style::icon(QStringLiteral("security-medium")), tr("&Admin mode"), this);
    m_adminMode->setObjectName(QStringLiteral("adminModeAction"));
    m_adminMode->setCheckable(true);
    m_adminMode->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_adminMode->setToolTip(tr("Allow changes on the current server: create, migrate, reset, drop, "
                               "roll back (Ctrl+Shift+A). Goes off when you switch server."));
    connect(m_adminMode, &QAction::toggled, this, &MainWindow::setAdminMode);

    auto *layoutAction = new QAction(style::icon(QStringLiteral("view-list-tree")),
                                     tr("Database &layout…"), this);
    layoutAction->setObjectName(QStringLiteral("layoutAction"));
    layoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    layoutAction->setToolTip(tr("Where the game's data lives in the selected database; map it "
                                "by hand and remember it for the family"));
    connect(layoutAction, &QAction::triggered, this, [this] {
        const Sidebar::Server *s = m_sidebar->server(m_currentServer);
        if (!s || m_currentDatabase.isEmpty()) {
            QMessageBox::information(this, tr("Database layout"), tr("Select a database first."));
            return;
        }
        const QString db = m_currentDatabase;
        auto *dialog = new LayoutDialog(s->settings.withDatabase(db), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &LayoutDialog::mappingChanged, this, [this, db] { refresh(db); });
        dialog->open();
    });

    auto *quitAction = new QAction(style::icon(QStringLiteral("application-exit")), tr("&Quit"), this);
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
    // Find, always there: the right end of the toolbar (Ctrl+K).
    auto *gap = new QWidget(toolbar);
    gap->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(gap);
    m_findField->setObjectName(QStringLiteral("findField"));
    m_findField->setPlaceholderText(tr("Find an id, a number, a symbol… (Ctrl+K)"));
    m_findField->setToolTip(tr("A uuid or its first 8 characters, a number, a symbol, a name, a request key or a "
                               "payload hash, looked up by indexes in the database shown, its family's every week "
                               "or a shard set. Enter finds; the rows appear in the Find window."));
    m_findField->setClearButtonEnabled(true);
    m_findField->addAction(style::icon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_findField->setMinimumWidth(m_findField->fontMetrics().horizontalAdvance(m_findField->placeholderText()) + 40);
    m_findField->setMaximumWidth(480);
    connect(m_findField, &QLineEdit::returnPressed, this, &MainWindow::runFind);
    toolbar->addWidget(m_findField);

    buildViewMenu(menuBar()->addMenu(tr("&View")));

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *guide = helpMenu->addAction(style::icon(QStringLiteral("help-contents")), tr("&User guide"), this, [this] {
        const QString path = GuideWindow::locate();
        if (path.isEmpty()) {
            QMessageBox::information(this, tr("User guide"),
                                     tr("The user guide is not installed here. It is docs/GUIDE.md in "
                                        "Statescope's sources, and /usr/share/statescope/guide once installed."));
            return;
        }
        if (auto *open = findChild<GuideWindow *>(); open && open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
        (new GuideWindow(path, this))->show();
    });
    guide->setObjectName(QStringLiteral("guideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    auto *shortcuts = helpMenu->addAction(style::icon(QStringLiteral("input-keyboard")),
                                          tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    helpMenu->addAction(style::icon(QStringLiteral("help-about")), tr("&About Statescope"), this, [this] {
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
                              "(PostgreSQL licence), nlohmann/json (MIT) and QtKeychain "
                              "(BSD-3-Clause).</p>")
                               .arg(QApplication::applicationVersion(),
                                    QString::fromLatin1(qVersion())));
    });
}

void MainWindow::buildViewMenu(QMenu *viewMenu)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *a = viewMenu->addAction(m_tabs->tabIcon(i), m_tabs->tabText(i));
        a->setObjectName(QStringLiteral("paneAction%1").arg(i + 1));
        if (i < 10) // Ctrl+1 … Ctrl+9, then Ctrl+0
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(i < 9 ? Qt::Key_1 + i : Qt::Key_0)));
        connect(a, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    viewMenu->addSeparator();
    viewMenu->addAction(m_weeks->previousAction());
    viewMenu->addAction(m_weeks->nextAction());
    auto *findAction = viewMenu->addAction(style::icon(QStringLiteral("edit-find")), tr("&Find…"));
    findAction->setObjectName(QStringLiteral("findAction"));
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    findAction->setShortcutContext(Qt::ApplicationShortcut); // from the Find window too
    findAction->setToolTip(tr("Find an id in the database shown, its family or a shard set (Ctrl+K)"));
    connect(findAction, &QAction::triggered, this, &MainWindow::focusFind);
    auto *compare = viewMenu->addAction(tr("&Compare weeks…"));
    compare->setObjectName(QStringLiteral("compareWeeksAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    compare->setToolTip(tr("Two weeks of this family side by side: schema, rows, API, and the family's drift"));
    connect(compare, &QAction::triggered, this, [this] {
        if (m_weeks->family().isEmpty() || m_weeks->current() < 0) {
            QMessageBox::information(this, tr("Compare weeks"), tr("Select a weekly database (prefix_YYYY_wNN) first."));
            return;
        }
        auto *dialog = new CompareDialog(m_weeks->family(), m_weeks->current(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    viewMenu->addSeparator();
    auto *themeMenu = viewMenu->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    const std::pair<settings::Theme, QString> themes[] = {
        {settings::Theme::System, tr("&System")},
        {settings::Theme::Light, tr("&Light")},
        {settings::Theme::Dark, tr("&Dark")},
    };
    const settings::Theme current = settings::theme();
    for (const auto &[theme, label] : themes) {
        auto *a = themeMenu->addAction(label);
        a->setCheckable(true);
        a->setChecked(theme == current);
        a->setData(int(theme));
        a->setObjectName(QStringLiteral("theme%1").arg(int(theme)));
        m_themes->addAction(a);
        connect(a, &QAction::triggered, this, [theme] {
            settings::setTheme(theme);
            style::applyTheme(theme);
        });
    }
}

} // namespace statescope::gui
