#pragma once

#include "core/pg/connectionsettings.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QTabWidget;
class QTreeView;

namespace statescope::models {
class DatabaseTreeModel;
}

namespace statescope::gui {

class AdminPane;
class ErrorPanel;
class JobRunner;
class ProgressPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts (or reuses) the private sandbox server with its demo family, then connects.
    void openSandbox();
    void connectTo(const pg::ConnectionSettings &server, const QString &label,
                   const QString &webhook = {});
    void refresh(const QString &selectDatabase = {});

    AdminPane *adminPane() const { return m_admin; }
    class ReplayPane *replayPane() const { return m_replay; }
    class MetricsPane *metricsPane() const { return m_metrics; }
    class EventsPane *eventsPane() const { return m_events; }
    class SnapshotsPane *snapshotsPane() const { return m_snapshots; }
    void showPane(QWidget *pane);
    models::DatabaseTreeModel *databaseModel() const { return m_model; }
    QAction *adminModeAction() const { return m_adminMode; }
    bool isConnected() const { return m_server.has_value(); }

signals:
    // The sidebar now lists these databases (after a connect or a refresh).
    void databasesListed(const QStringList &databases);
    // Starting the sandbox or listing the server's databases failed; also shown in the window.
    void failed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void showConnectionDialog();
    void setAdminMode(bool on);

    models::DatabaseTreeModel *m_model;
    AdminPane *m_admin;
    class ReplayPane *m_replay;
    class MetricsPane *m_metrics;
    class EventsPane *m_events;
    class SnapshotsPane *m_snapshots;
    QTabWidget *m_tabs;
    QTreeView *m_sidebar;
    QLabel *m_serverLabel;
    QLabel *m_statusLabel;
    ProgressPanel *m_progress;
    ErrorPanel *m_messages;
    JobRunner *m_runner;
    QAction *m_adminMode = nullptr;
    std::optional<pg::ConnectionSettings> m_server;
    QString m_serverName;
    int m_listGeneration = 0;
};

} // namespace statescope::gui
