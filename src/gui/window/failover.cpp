// After a failover: the panes that only read run again on the new primary by themselves
// (Worker::run with retryOnConnectionLoss), say so in their banners, and the status bar says
// which host the pane on screen reads from. For a pg_auto_failover formation, the window's
// banner names a failover while it is under way.
#include "gui/window/mainwindow.h"

#include "core/pg/formation.h"
#include "gui/widgets/banner.h"
#include "gui/window/sidebar.h"
#include "gui/events/eventspane.h"
#include "gui/widgets/jobrunner.h"
#include "gui/players/playereventspane.h"
#include "gui/tables/tablespane.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace statescope::gui {

void MainWindow::followFailover()
{
    m_hostLabel = new QLabel(this);
    m_hostLabel->setObjectName(QStringLiteral("hostLabel"));
    m_hostLabel->setToolTip(tr("The host the pane on screen reads from (with several hosts in the connection "
                               "string, the one that answered)"));
    statusBar()->addPermanentWidget(m_hostLabel);
    const auto say = [this](Banner *banner, const QString &from, const QString &to, const QString &why) {
        // After the result is shown (which may clear the banner).
        QTimer::singleShot(0, banner, [banner, from, to, why] {
            banner->showMessage(from.isEmpty() || from == to
                                    ? tr("The connection was lost (%1); read again on %2.").arg(why, to)
                                    : tr("The connection to %1 was lost (%2); reconnected to %3 and read again.")
                                          .arg(from, why, to));
        });
    };
    const auto track = [this](QWidget *pane, const QString &address) {
        m_paneHosts[pane] = address;
        updateHostLabel();
    };
    connect(m_events->model(), &models::EventTableModel::reconnected, this,
            [this, say](const QString &from, const QString &to, const QString &why) { say(m_events->errors(), from, to, why); });
    connect(m_events->model(), &models::EventTableModel::serverAddressChanged, this,
            [this, track](const QString &a) { track(m_events, a); });
    connect(m_tables->model(), &models::RowGridModel::reconnected, this,
            [this, say](const QString &from, const QString &to, const QString &why) { say(m_tables->banner(), from, to, why); });
    connect(m_tables->model(), &models::RowGridModel::serverAddressChanged, this,
            [this, track](const QString &a) { track(m_tables, a); });
    connect(m_players->runner(), &JobRunner::reconnected, this,
            [this, say](const QString &from, const QString &to, const QString &why) { say(m_players->banner(), from, to, why); });
    connect(m_players->runner(), &JobRunner::serverAddressChanged, this,
            [this, track](const QString &a) { track(m_players, a); });
    // Every other pane by the lanes it reads through: the status bar names the server in each.
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget *pane = m_tabs->widget(i);
        if (pane == m_events || pane == m_tables || pane == m_players)
            continue;
        for (JobRunner *r : pane->findChildren<JobRunner *>())
            connect(r, &JobRunner::serverAddressChanged, this, [track, pane](const QString &a) { track(pane, a); });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateHostLabel);
}

void MainWindow::updateHostLabel()
{
    // A pane that has read nothing yet: the server's address as the last pane read it (the
    // text was there in some panes and gone in others).
    QString host = m_paneHosts.value(m_tabs->currentWidget());
    for (auto it = m_paneHosts.cbegin(); host.isEmpty() && it != m_paneHosts.cend(); ++it)
        host = it.value();
    m_hostLabel->setText(host.isEmpty() ? QString() : tr("on %1").arg(host));
}

void MainWindow::watchFormation()
{
    m_formationRunner = new JobRunner(this);
    auto *timer = new QTimer(this);
    timer->setInterval(2000);
    connect(timer, &QTimer::timeout, this, [this] {
        const Sidebar::Server *s = m_sidebar->server(m_currentServer);
        const bool formation = s && pg::formation::named(s->settings);
        if (!formation) {
            if (!m_formationNotice.isEmpty())
                m_messages->clearFor(tr("formation"));
            m_formationNotice.clear();
            m_formationServer.clear();
            m_formationPrimary.clear();
            return;
        }
        if (m_formationRunner->isBusy())
            return;
        const pg::ConnectionSettings server = s->settings;
        const QString id = m_currentServer;
        struct Seen
        {
            QString notice, primary;
        };
        m_formationRunner->start<Seen>(
            tr("Asking the formation's monitor"),
            [server](TaskContext &) {
                const pg::FormationState st = pg::formation::read(server, 0);
                const QString transition = st.transition();
                Seen seen;
                seen.notice = transition.isEmpty() ? QString() : tr("Formation %1: %2").arg(st.formation, transition);
                if (transition.isEmpty() && st.primary())
                    seen.primary = QStringLiteral("%1:%2").arg(st.primary()->host).arg(st.primary()->port);
                return seen;
            },
            [this, id](const Outcome<Seen> &r) {
                // The monitor not answering is the panes' to say, with their own reads.
                const Seen seen = r.ok() ? r.value() : Seen{};
                if (id != m_currentServer)
                    return;
                followPrimary(id, seen.primary);
                if (seen.notice == m_formationNotice)
                    return;
                m_formationNotice = seen.notice;
                if (seen.notice.isEmpty())
                    m_messages->clearFor(tr("formation"));
                else
                    m_messages->showWarning(seen.notice, tr("formation"));
            });
    });
    timer->start();
}

// A settled formation whose primary is not the one it had: the panes that read through a
// session of their own open it again. A session reaching the old primary directly was cut by
// the failover and is opened again anyway; one through the PgBouncer beside it was not (the
// pooler keeps the client's session and gives it the node, now a standby, or holds its
// queries while that node is down).
void MainWindow::followPrimary(const QString &server, const QString &primary)
{
    if (primary.isEmpty())
        return; // between states, or the monitor not answering: nothing new is known
    if (std::exchange(m_formationServer, server) != server)
        m_formationPrimary.clear(); // another server's: nothing to compare with
    const QString before = std::exchange(m_formationPrimary, primary);
    if (before.isEmpty() || before == primary)
        return;
    const QString why = tr("the formation's primary moved from %1 to %2").arg(before, primary);
    m_tables->model()->reopen(why);
    m_events->model()->reconnect(why);
}

} // namespace statescope::gui
