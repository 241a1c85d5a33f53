#pragma once

#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/weekly/recovery.h"

#include <QFrame>

#include <functional>
#include <optional>

class QVBoxLayout;
class QLabel;

namespace statescope::gui {

class JobRunner;

// The resets and drops of this server that were killed midway (weekly::Recovery), shown
// in a warning frame above the admin pane's list, each with its two ways out: Finish and
// Restore, each behind a typed confirmation and run on the admin pane's job runner (with
// its progress and Cancel). Hidden when there is nothing unfinished.
class RecoveryPanel : public QFrame
{
    Q_OBJECT
public:
    RecoveryPanel(JobRunner *actions, QWidget *parent = nullptr);
    ~RecoveryPanel() override;

    void setServer(const std::optional<pg::ConnectionSettings> &server);
    void setAdminMode(bool on);
    // The other open servers: a killed move's copy is taken away on whichever of them has
    // the system identifier the move went to.
    void setOtherServers(std::function<QList<pg::ConnectionSettings>()> provider) { m_otherServers = std::move(provider); }
    // Reads the journal and the server again, in the background.
    void refresh();
    const QList<weekly::IncompleteRun> &runs() const { return m_runs; }

signals:
    void refreshed(int runs);
    // A way out finished: the listing should be refreshed and this database selected.
    void changed(const QString &database);
    void failed(const Error &error);
    void succeeded(const QString &message);

private:
    void rebuild();
    void confirm(const weekly::IncompleteRun &run, bool finish);

    JobRunner *m_actions;
    JobRunner *m_reader;
    QLabel *m_title;
    QVBoxLayout *m_rows;
    QList<weekly::IncompleteRun> m_runs;
    std::optional<pg::ConnectionSettings> m_server;
    std::function<QList<pg::ConnectionSettings>()> m_otherServers;
    bool m_adminMode = false;
    quint64 m_generation = 0;
};

} // namespace statescope::gui
