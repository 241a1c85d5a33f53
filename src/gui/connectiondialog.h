#pragma once

#include "core/pg/connectionsettings.h"
#include "gui/settings.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class ConnectionDialog;
}

namespace statescope::gui {

class JobRunner;

// Saved profiles on the left, the selected one's fields on the right. Test connection
// runs off the UI thread; passwords stay in memory.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Valid after accept().
    pg::ConnectionSettings settings() const { return m_settings; }
    QString profileName() const;
    QString webhookUrl() const;

private:
    std::optional<pg::ConnectionSettings> parseFields(); // shows the error inline
    void loadProfile(int row);
    void saveProfile();
    void testConnection();
    void acceptIfValid();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    QList<Profile> m_profiles;
    JobRunner *m_runner;
    pg::ConnectionSettings m_settings;
    int m_testGeneration = 0;
};

} // namespace statescope::gui
