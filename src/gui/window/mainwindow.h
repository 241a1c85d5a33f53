#pragma once

#include <QHash>

#include "core/pg/connectionsettings.h"
#include "core/settings.h"
#include "core/weekly/family.h"
#include "core/weekly/serveradmin.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace statescope::models {
class DatabaseTreeModel;
}

namespace statescope::gui {

class ActivityPane;
class AdminPane;
class CompareDialog;
class Banner;
class ConsolePane;
class TablesPane;
class PlayerEventsPane;
class EventsPane;
class FindPane;
struct FoundRow;
class JobRunner;
class MetricsPane;
class ProgressPanel;
class ReplayPane;
class SafetyStrip;
class ShardsPane;
class Sidebar;
class SnapshotsPane;
class WeekSwitcher;

// The window: the sidebar of open servers on the left; on the right, above the panes, the
// safety strip (the server's colour, PRODUCTION, admin mode) and the window's banner. The
// panes and the admin pane follow the server and database selected in the sidebar; admin
// mode belongs to one server and goes off whenever the window moves to another server or
// that server is reconnected.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts (or reuses) the private sandbox server with its demo family, then opens it.
    void openSandbox();
    // A server that is not a saved profile; it becomes the current one.
    void connectTo(const pg::ConnectionSettings &server, const QString &label,
                   const QString &webhook = {});
    // A saved profile (the connection dialog's Connect); it becomes the current one.
    void openProfile(const settings::Profile &profile, const std::optional<QString> &password = {});
    // Lists the current server again (after an admin action, or F5).
    void refresh(const QString &selectDatabase = {});

    AdminPane *adminPane() const { return m_admin; }
    ReplayPane *replayPane() const { return m_replay; }
    MetricsPane *metricsPane() const { return m_metrics; }
    EventsPane *eventsPane() const { return m_events; }
    SnapshotsPane *snapshotsPane() const { return m_snapshots; }
    TablesPane *tablesPane() const { return m_tables; }
    PlayerEventsPane *playerEventsPane() const { return m_players; }
    ActivityPane *activityPane() const { return m_activity; }
    ConsolePane *consolePane() const { return m_console; }
    ShardsPane *shardsPane() const { return m_shards; }
    FindPane *findPane() const { return m_find; }
    QLineEdit *findField() const { return m_findField; }
    // Ctrl+K: the find field, focused with its text selected.
    void focusFind();
    Sidebar *sidebar() const { return m_sidebar; }
    SafetyStrip *safetyStrip() const { return m_strip; }
    Banner *banner() const { return m_messages; }
    WeekSwitcher *weekSwitcher() const { return m_weeks; }
    // Shows another week of the shown database's family (on whichever open server holds it),
    // each pane keeping its set-up; what the pane had selected and the week lacks is said.
    void goToWeek(const weekly::FamilyWeek &week);
    // The Compare weeks dialog on its Drift tab for this family (over every open server),
    // reading; nullptr when no open server has a week of it.
    CompareDialog *showFamilyDrift(const QString &prefix);
    void showPane(QWidget *pane);
    // A shard of a set in the window (window/openshard.cpp): the open server that holds it
    // (or the member's own server, opened), its database shown in the panes, and `player` in
    // the player events pane and viewed as in the Tables pane.
    void openShard(const pg::ConnectionSettings &member, const QString &label, const QString &player);
    QWidget *currentPane() const;
    // The current server's databases, with the admin pane's columns.
    models::DatabaseTreeModel *databaseModel() const { return m_model; }
    QAction *adminModeAction() const { return m_adminMode; }
    bool isConnected() const { return !m_currentServer.isEmpty(); }
    QString currentServer() const { return m_currentServer; }
    QString currentDatabase() const { return m_currentDatabase; }
    // Help > Keyboard shortcuts: every shortcut of the window's actions and buttons, from
    // the actions themselves ("what", "keys", "where").
    QList<QStringList> shortcutList() const;

signals:
    // The current server's databases were listed (after a connect or a refresh).
    void databasesListed(const QStringList &databases);
    // Starting the sandbox or listing the current server failed; also shown in the window.
    void failed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The sidebar's id of the sandbox server (one per window).
    static QString sandboxId() { return QStringLiteral("sandbox"); }
    void buildActions();
    void buildViewMenu(QMenu *menu);
    void showConnectionDialog(const QString &profileId = {});
    void showShortcuts();
    void setAdminMode(bool on);
    void switchServer(const QString &id);
    void showDatabase(const QString &database);
    void onListed(const QString &id, const QList<weekly::DatabaseInfo> &databases);
    void onInspected(const QString &id);
    void updateTitle();
    void updateFamily();
    void fillAdminModel();
    void refillAdminModel(); // fillAdminModel, keeping the Admin pane's selection and the panes
    weekly::Family familyOf(const QString &prefix) const; // over every open server
    QString serverLabel(const QString &id) const;

    models::DatabaseTreeModel *m_model;
    Sidebar *m_sidebar;
    AdminPane *m_admin;
    ReplayPane *m_replay;
    MetricsPane *m_metrics;
    EventsPane *m_events;
    SnapshotsPane *m_snapshots;
    TablesPane *m_tables;
    PlayerEventsPane *m_players;
    ActivityPane *m_activity;
    ConsolePane *m_console;
    ShardsPane *m_shards;
    FindPane *m_find;
    QLineEdit *m_findField;
    QTabWidget *m_tabs;
    SafetyStrip *m_strip;
    QWidget *m_frame;
    QLabel *m_statusLabel;
    QLabel *m_hostLabel = nullptr;     // the host the pane on screen reads from
    QHash<QWidget *, QString> m_paneHosts;
    void followFailover();             // window/failover.cpp
    void updateHostLabel();
    // A pg_auto_failover formation's monitor, asked every few seconds while the server shown
    // is one: a failover under way is named in the window's banner (window/failover.cpp).
    void watchFormation();
    void followPrimary(const QString &server, const QString &primary);
    JobRunner *m_formationRunner = nullptr;
    QString m_formationNotice; // the transition the banner shows, or empty
    QString m_formationServer, m_formationPrimary; // the monitor's last primary (host:port) of that server
    ProgressPanel *m_progress;
    Banner *m_messages;
    WeekSwitcher *m_weeks;
    JobRunner *m_runner;
    QAction *m_adminMode = nullptr;
    QActionGroup *m_themes = nullptr;
    QString m_currentServer;
    QString m_currentDatabase;
    QString m_tailFor; // the collector's database, to tail once it is shown
    bool m_openedFirst = false; // the first listing opened the newest week's Events pane
    bool m_syncing = false;     // moving the sidebar and the admin pane's view together
    bool m_keepState = false;   // a week switch: the panes keep their set-up
    // A database to show and what to do there once it is shown (openShard, a row Find found).
    struct PendingArrival
    {
        QString server, database;
        std::function<void()> arrive;
    };
    std::optional<PendingArrival> m_pending; // until its database is shown
    void arrive();
    // Shows `database` of `server` (a server open in the sidebar with those settings, else
    // opened as `serverLabel`), then runs `then` (not when another database is chosen first).
    void openDatabaseThen(const pg::ConnectionSettings &database, const QString &serverLabel,
                          std::function<void()> then);
    void arriveAtPlayer(const QString &player);
    static bool sameServer(const pg::ConnectionSettings &a, const pg::ConnectionSettings &b);
    void runFind();                       // the find field's value, in the Find pane's scope
    void refreshFindScopes();
    void openFound(const FoundRow &row); // window/openfound.cpp
    void openStory(const FoundRow &row); // window/find.cpp: the found value's story there
    void openStoryHere(const QString &value); // the value's story in the database shown
    void showStory(const pg::ConnectionSettings &database, const QString &label, const QString &server,
                   const QString &value);
};

} // namespace statescope::gui
