#pragma once

#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/settings.h"
#include "models/servertreemodel.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QTreeView;

namespace statescope::gui {

class JobRunner;

// The left side of the window: several servers at once, each with its weekly families and
// other databases. Each server is listed on its own background lane (an unreachable one
// never holds up another). A saved profile's password is read from the system keychain;
// when the server asks for a password nobody gave (or refuses the one given), the person
// is asked, and the answer is kept in memory for the session only.
class Sidebar : public QWidget
{
    Q_OBJECT
public:
    struct Server
    {
        QString id;
        settings::Profile profile;       // saved profiles; an ad-hoc server has an empty id here
        pg::ConnectionSettings settings; // with the password once one is known
        JobRunner *runner = nullptr;
        JobRunner *inspector = nullptr; // each database's schema state, after the names are shown
        int generation = 0;   // of the latest listing: older answers are dropped
        int prompts = 0;      // password prompts in a row (a wrong password asks again)
    };

    explicit Sidebar(QWidget *parent = nullptr);
    ~Sidebar() override;

    models::ServerTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    // Adds the server (or finds it), then lists it. A password typed in the connection
    // dialog is kept in memory; otherwise a profile that saves its password reads it from the
    // keychain first. Returns the server id.
    QString open(const settings::Profile &profile, const std::optional<QString> &password = {});
    // A server that is not a saved profile (--server, the sandbox, tests).
    QString openAdHoc(const pg::ConnectionSettings &settings, const QString &label,
                      const QString &id = {});
    // Lists the server again (a reconnect); selectDatabase is selected when it is there.
    void refresh(const QString &serverId, const QString &selectDatabase = {});
    void close(const QString &serverId);

    const Server *server(const QString &id) const;
    QString currentServer() const;
    QString currentDatabase() const;
    void select(const QString &serverId, const QString &database);

signals:
    // The selection moved: a database (database set) or a server or family row (empty).
    void currentChanged(const QString &serverId, const QString &database);
    // A table, view or partition was chosen in a database's schema tree.
    void relationChosen(const QString &serverId, const QString &database, const QString &schema,
                        const QString &name);
    void listing(const QString &serverId);
    void listed(const QString &serverId, const QList<weekly::DatabaseInfo> &databases);
    // The listed databases' schema states were read (versions, pending migrations, problems).
    void inspected(const QString &serverId, const QList<weekly::DatabaseInfo> &databases);
    void failed(const QString &serverId, const Error &error);
    void runnerCreated(JobRunner *runner);
    void editRequested(const QString &serverId); // "Edit connection…" in the context menu
    void closed(const QString &serverId);

private:
    void inspect(Server &server, const QList<weekly::DatabaseInfo> &databases);
    Server &add(const QString &id, const settings::Profile &profile,
                const pg::ConnectionSettings &settings);
    void list(Server &server, const QString &selectDatabase);
    void loadSchemas(const QString &serverId, const QString &database);
    void askForPassword(const QString &serverId, const QString &why,
                        const QString &selectDatabase);
    void showContextMenu(const QPoint &at);

    models::ServerTreeModel *m_model;
    QTreeView *m_view;
    QHash<QString, std::shared_ptr<Server>> m_servers;
    int m_adHoc = 0;
};

} // namespace statescope::gui
