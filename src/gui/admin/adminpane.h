#pragma once

#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "gui/admin/auditdialog.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <map>
#include <functional>
#include <optional>

class QAction;
class QItemSelectionModel;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeView;

namespace statescope::weekly {
class ServerAdmin;
}
namespace statescope::models {
class DatabaseTreeModel;
}

namespace statescope::gui {

class Banner;
class JobRunner;
class ProgressPanel;
class RecoveryPanel;

// Create, migrate, reset, drop and restore the weekly databases of one server. Nothing
// here writes unless admin mode is on; destructive actions preview, demand the typed
// name, dump first, and are audited by core.
class AdminPane : public QWidget
{
    Q_OBJECT
public:
    AdminPane(models::DatabaseTreeModel *model, QWidget *parent = nullptr);
    ~AdminPane() override;

    void setServer(const std::optional<pg::ConnectionSettings> &server);
    void setAdminMode(bool on);
    QItemSelectionModel *selectionModel() const;
    QString selectedDatabase() const;
    QString selectedFamily() const;
    JobRunner *runner() const { return m_runner; }
    // The other open servers a week can be moved to, as the window knows them.
    struct OtherServer
    {
        QString id, label;
        pg::ConnectionSettings settings;
    };
    void setOtherServers(std::function<QList<OtherServer>()> provider);
    RecoveryPanel *recovery() const { return m_recovery; }
    AuditDialog *auditDialog() const { return m_auditDialog; }

signals:
    // A write finished: the listing should be refreshed (and this database selected).
    void changed(const QString &selectDatabase);
    void refreshRequested();
    // The collector's "Show rows": open this database's events with live tail on.
    void showCollectedRows(const QString &database);
    // "Family drift…": the drift matrix of this family over every open server.
    void driftRequested(const QString &prefix);
    // A week arrived on another open server (a move): that server is to be listed again.
    void serverChanged(const QString &serverId);

private:
    void updateActions();
    void loadDetails();
    void createDatabase();
    void migrateSelected();
    void confirmMigrate();
    void confirmAdopt();
    void confirmDestructive(bool reset);
    void restoreFromDump();
    void restoreInto(const QString &name, const QString &file);
    void showOutcomeError(const Error &error);
    void openCollector(); // admin/tools.cpp
    void openUpkeep();    // admin/tools.cpp
    void confirmReaderLogin(); // admin/readerlogin.cpp
    void confirmMove();        // admin/move.cpp
    void openAuditLog();       // admin/tools.cpp
    // The selected database's connection settings, if a database of this server is selected.
    std::optional<pg::ConnectionSettings> selectedSettings() const;
    void moveTo(const QString &name, const OtherServer &target);
    weekly::ServerAdmin admin() const;

    models::DatabaseTreeModel *m_model;
    QTreeView *m_view;
    QLabel *m_serverLabel;
    RecoveryPanel *m_recovery;
    QLabel *m_details;
    QListWidget *m_pending;
    QLabel *m_modeHint;
    ProgressPanel *m_progress;
    Banner *m_messages;
    JobRunner *m_runner;
    JobRunner *m_detailsRunner;
    QPushButton *m_create;
    QPushButton *m_adopt = nullptr;
    QPushButton *m_migrate;
    QPushButton *m_reset;
    QPushButton *m_drop;
    QPushButton *m_restore;
    QPushButton *m_retention;
    QPushButton *m_auditLog;
    QPointer<AuditDialog> m_auditDialog;
    QPushButton *m_collector;
    QPushButton *m_drift;
    QPushButton *m_upkeep;
    // Open ones follow admin mode while their server is the one shown (by its storable string).
    QList<QPair<QPointer<class UpkeepDialog>, QString>> m_upkeeps;
    QPushButton *m_reader;
    QPushButton *m_move;
    std::function<QList<OtherServer>()> m_otherServers;
    std::map<QString, class CollectorDialog *> m_collectors; // by server and family
    QPushButton *m_refresh;
    std::optional<pg::ConnectionSettings> m_server;
    bool m_adminMode = false;
    int m_detailsGeneration = 0;
};

} // namespace statescope::gui
