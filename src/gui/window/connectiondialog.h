#pragma once

#include "core/pg/connectionsettings.h"
#include "core/settings.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class ConnectionDialog;
}

namespace statescope::gui {

class JobRunner;

// Saved profiles on the left; the selected one's fields on the right: host, port, user,
// database, SSL mode and root certificate (or a pg_auto_failover monitor, its formation and the
// nodes' PgBouncer port instead of host and port), and the same as one conninfo / URI / service
// string, kept in step both ways. Save profile only saves (never connects, never closes);
// Connect opens the server in the sidebar. A password typed here stays in memory, unless
// "Save in the system keychain" is ticked (and a keychain answers). Test connection runs
// in the background and says the server's version, whether TLS is on, and how long it took.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    void selectProfile(const QString &id);
    // The fields as a profile (id of the selected profile, or a new one); nullopt, with the
    // reason shown under the fields, when they do not make a valid connection.
    std::optional<settings::Profile> profileFromFields();
    bool saveProfile(); // false (and why, shown) when nothing was saved

signals:
    // Connect: open this server; password as typed (nullopt: none typed).
    void connectRequested(const settings::Profile &profile, const std::optional<QString> &password);

private:
    std::optional<pg::ConnectionSettings> parseFields(); // shows the error inline
    void loadProfile(int row);
    void clearFields();
    void fieldsToConninfo();
    void conninfoToFields();
    void showFormation(bool formation); // fields for a failover monitor's formation, or a host's
    void setColour(const QString &colour);
    void testConnection();
    void connectNow();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    QList<settings::Profile> m_profiles;
    JobRunner *m_runner;
    QString m_colour;
    QString m_currentId; // the profile being edited ("" for a new one)
    int m_testGeneration = 0;
    bool m_syncing = false;
};

} // namespace statescope::gui
