// The Shards pane's "Open the player's shard": a member database of a set shown in the window.
#include "gui/window/mainwindow.h"

#include "gui/widgets/banner.h"
#include "gui/players/playereventspane.h"
#include "gui/window/sidebar.h"
#include "gui/tables/tablespane.h"

#include <QLineEdit>

namespace statescope::gui {

namespace {

bool sameServer(const pg::ConnectionSettings &a, const pg::ConnectionSettings &b)
{
    for (const char *key : {"host", "hostaddr", "port", "user"})
        if (a.value(QLatin1String(key)) != b.value(QLatin1String(key)))
            return false;
    return true;
}

} // namespace

void MainWindow::openShard(const pg::ConnectionSettings &member, const QString &label, const QString &player)
{
    QString id;
    for (const QString &sid : m_sidebar->model()->serverIds())
        if (const Sidebar::Server *s = m_sidebar->server(sid); s && sameServer(s->settings, member)) {
            id = sid;
            break;
        }
    if (id.isEmpty()) // the member's server is not open: open it, listed from the member's database
        id = m_sidebar->openAdHoc(member, label.section(QLatin1Char('/'), 0, 0));
    if (id != m_currentServer)
        switchServer(id);
    m_pendingShard = PendingShard{id, member.database(), player};
    if (m_currentDatabase == member.database()) {
        arriveAtShard(); // already shown
        return;
    }
    if (m_sidebar->model()->indexOfDatabase(id, member.database()).isValid())
        m_sidebar->select(id, member.database()); // the panes follow (showDatabase)
    else
        m_sidebar->refresh(id, member.database()); // selected once listed
}

void MainWindow::arriveAtShard()
{
    if (!m_pendingShard)
        return;
    if (m_pendingShard->server != m_currentServer || m_pendingShard->database != m_currentDatabase) {
        // Another database was chosen before the shard's was shown: the player is not taken there.
        if (!m_currentDatabase.isEmpty() && m_pendingShard->server == m_currentServer)
            m_pendingShard.reset();
        return;
    }
    const QString player = m_pendingShard->player;
    m_pendingShard.reset();
    if (player.isEmpty())
        return;
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
