// A database of any open (or newly opened) server shown in the window, then something done
// there: the Shards pane's "Open the player's shard", a row Find found (openfound.cpp).
#include "gui/window/mainwindow.h"

#include "gui/widgets/banner.h"
#include "gui/players/playereventspane.h"
#include "gui/window/sidebar.h"
#include "gui/tables/tablespane.h"

#include <QLineEdit>

namespace statescope::gui {

bool MainWindow::sameServer(const pg::ConnectionSettings &a, const pg::ConnectionSettings &b)
{
    for (const char *key : {"host", "hostaddr", "port", "user"})
        if (a.value(QLatin1String(key)) != b.value(QLatin1String(key)))
            return false;
    return true;
}

void MainWindow::openShard(const pg::ConnectionSettings &member, const QString &label, const QString &player)
{
    openDatabaseThen(member, label.section(QLatin1Char('/'), 0, 0), [this, player] {
        if (!player.isEmpty())
            arriveAtPlayer(player);
    });
}

void MainWindow::openDatabaseThen(const pg::ConnectionSettings &database, const QString &label,
                                  std::function<void()> then)
{
    QString id;
    for (const QString &sid : m_sidebar->model()->serverIds())
        if (const Sidebar::Server *s = m_sidebar->server(sid); s && sameServer(s->settings, database)) {
            id = sid;
            break;
        }
    if (id.isEmpty()) // its server is not open: open it, listed from that database
        id = m_sidebar->openAdHoc(database, label);
    if (id != m_currentServer)
        switchServer(id);
    m_pending = PendingArrival{id, database.database(), std::move(then)};
    if (m_currentDatabase == database.database()) {
        arrive(); // already shown
        return;
    }
    if (m_sidebar->model()->indexOfDatabase(id, database.database()).isValid())
        m_sidebar->select(id, database.database()); // the panes follow (showDatabase)
    else
        m_sidebar->refresh(id, database.database()); // selected once listed
}

void MainWindow::arrive()
{
    if (!m_pending)
        return;
    if (m_pending->server != m_currentServer || m_pending->database != m_currentDatabase) {
        // Another database was chosen before this one was shown: nothing is done there.
        if (!m_currentDatabase.isEmpty() && m_pending->server == m_currentServer)
            m_pending.reset();
        return;
    }
    const std::function<void()> then = std::move(m_pending->arrive);
    m_pending.reset();
    if (then)
        then();
}

void MainWindow::arriveAtPlayer(const QString &player)
{
    m_players->playerEdit()->setText(player);
    m_players->apply();
    showPane(m_players);
    // The Tables pane views the shard as him once it knows what the policies read.
    const auto viewAs = [this, player, database = m_currentDatabase] {
        const QStringList settings = m_tables->viewAsSettings();
        if (database != m_currentDatabase)
            return; // another database was chosen meanwhile
        if (!settings.isEmpty())
            m_tables->setViewAs(settings.first(), player);
    };
    if (!m_tables->viewAsSettings().isEmpty())
        viewAs();
    else
        connect(m_tables, &TablesPane::rowSecurityRead, this, viewAs, Qt::SingleShotConnection);
    m_messages->showMessage(tr("Player %1's shard: %2.").arg(player, m_currentDatabase), m_currentDatabase);
}

} // namespace statescope::gui
