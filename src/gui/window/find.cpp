// The window's Find: the find field (Ctrl+K), the scopes it offers (the database shown, its
// family over every open server, the saved shard sets) and a row found opened where it
// belongs: Events at the event, Snapshots at the snapshot, Replay at the game and play,
// Players at the player, any other row in Tables.
#include "gui/window/mainwindow.h"

#include "core/settings.h"
#include "core/shard/shardset.h"
#include "gui/events/eventspane.h"
#include "gui/find/findpane.h"
#include "gui/find/storywindow.h"
#include "gui/players/playereventspane.h"
#include "gui/replay/replaypane.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/widgets/banner.h"
#include "gui/window/sidebar.h"
#include "models/databasetreemodel.h"

#include <QLineEdit>

#include <algorithm>

namespace statescope::gui {

void MainWindow::focusFind()
{
    activateWindow(); // from the Find window, back to the field
    raise();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
}

void MainWindow::refreshFindScopes()
{
    QList<FindPane::Scope> scopes;
    const Sidebar::Server *server = m_sidebar->server(m_currentServer);
    if (server && !m_currentDatabase.isEmpty()) {
        const pg::ConnectionSettings db = server->settings.withDatabase(m_currentDatabase);
        FindPane::Scope here{FindPane::Scope::Kind::Database, tr("the database %1").arg(m_currentDatabase), {}};
        here.targets.append({m_currentDatabase, m_currentDatabase, serverLabel(m_currentServer), db, {}});
        scopes.append(here);
        const auto *info = m_model->database(m_currentDatabase);
        if (info && info->weekly) {
            const weekly::Family family = familyOf(info->weekly->prefix());
            QList<weekly::FamilyWeek> weeks;
            for (const weekly::FamilyWeek &w : family.weeks())
                if (!w.missing)
                    weeks.append(w);
            std::reverse(weeks.begin(), weeks.end()); // the newest week first
            if (!weeks.isEmpty())
                scopes.append({FindPane::Scope::Kind::Family,
                               tr("every week of %1 (%n database(s))", nullptr, int(weeks.size()))
                                   .arg(info->weekly->prefix()),
                               browse::FamilyQuery::targetsOf(weeks)});
        }
    }
    // The saved shard sets, each member through the open server that holds it when there is
    // one (its password with it).
    for (const shard::ShardSet &set : shard::savedSets()) {
        FindPane::Scope scope{FindPane::Scope::Kind::ShardSet, tr("the shard set %1").arg(set.name), {}};
        for (const shard::Member &m : set.members) {
            pg::ConnectionSettings settings = m.settings;
            QString serverName = m.settings.displayName();
            for (const QString &id : m_sidebar->model()->serverIds())
                if (const Sidebar::Server *s = m_sidebar->server(id); s && sameServer(s->settings, m.settings)) {
                    settings = s->settings.withDatabase(m.settings.database());
                    serverName = serverLabel(id);
                    break;
                }
            scope.targets.append({m.displayLabel(), m.settings.database(), serverName, settings, {}});
        }
        if (!scope.targets.isEmpty())
            scopes.append(scope);
    }
    m_find->setScopes(scopes);
}

void MainWindow::runFind()
{
    refreshFindScopes();
    QWidget *window = m_find->window();
    if (window != this && !window->isVisible()) {
        // Over the lower part of the window, most of its width: the pane a row opens in stays
        // in sight above it.
        const QRect frame = geometry();
        const int w = std::min(frame.width() - 80, 1100), h = std::clamp(frame.height() / 2, 320, 480);
        window->resize(w, h);
        window->move(frame.x() + (frame.width() - w) / 2, frame.y() + frame.height() - h - 40);
        window->show();
    }
    window->raise();
    m_find->find(m_findField->text());
}

void MainWindow::openFound(const FoundRow &row)
{
    openDatabaseThen(row.database, row.server, [this, row] {
        const find::Hit &h = row.hit;
        const auto number = [&h](const char *role) { return h.context.value(QLatin1String(role)).toLongLong(); };
        static const QStringList gameKinds{QStringLiteral("plays"), QStringLiteral("lineups"), QStringLiteral("rolls"),
                                           QStringLiteral("roster_links"), QStringLiteral("game_sessions")};
        if (h.kind == QLatin1String("api_events") && number("id") > 0) {
            m_events->openEvent(number("id"));
            showPane(m_events);
        } else if (h.kind == QLatin1String("snapshots") && h.context.contains(QStringLiteral("id"))) {
            m_snapshots->openSnapshot(number("id"));
            showPane(m_snapshots);
        } else if (h.kind == QLatin1String("games") && h.context.contains(QStringLiteral("id"))) {
            m_replay->openGameAt(h.context.value(QStringLiteral("id")), 0);
            showPane(m_replay);
        } else if (gameKinds.contains(h.kind) && h.context.contains(QStringLiteral("game_id"))) {
            m_replay->openGameAt(h.context.value(QStringLiteral("game_id")), int(number("play_number")));
            showPane(m_replay);
        } else if (h.kind == QLatin1String("player_events") && h.context.contains(QStringLiteral("player_id"))) {
            m_players->playerEdit()->setText(h.context.value(QStringLiteral("player_id")));
            m_players->apply();
            showPane(m_players);
        } else {
            // Any other row: its table in the Tables pane, filtered to the row's key.
            QList<browse::Filter> filters;
            for (qsizetype i = 0; i < h.keyColumns.size(); ++i)
                if (h.keyValues.value(i) != QLatin1String("NULL"))
                    filters.append({h.keyColumns[i], browse::Filter::Op::Equals, h.keyValues.value(i)});
            m_tables->openRelation(h.schema, h.table, filters);
            showPane(m_tables);
        }
        m_messages->showMessage(tr("Found in %1: %2.%3, %4.")
                                    .arg(row.label, h.schema, h.table,
                                         h.keyColumns.isEmpty() ? h.column
                                                                : h.keyColumns.first() + QLatin1Char('=')
                                                                      + h.keyValues.value(0)),
                                m_currentDatabase);
    });
}

void MainWindow::openStory(const FoundRow &row)
{
    showStory(row.database, row.label, row.server, m_find->value());
}

void MainWindow::openStoryHere(const QString &value)
{
    const Sidebar::Server *server = m_sidebar->server(m_currentServer);
    if (!server || m_currentDatabase.isEmpty() || value.isEmpty())
        return;
    showStory(server->settings.withDatabase(m_currentDatabase), m_currentDatabase, serverLabel(m_currentServer), value);
}

void MainWindow::showStory(const pg::ConnectionSettings &database, const QString &label, const QString &server,
                           const QString &value)
{
    // A window of its own per story, over the panes: an entry opened keeps it there.
    auto *story = new StoryWindow(database, label, server, value, this);
    story->setAttribute(Qt::WA_DeleteOnClose);
    connect(story, &StoryWindow::open, this, &MainWindow::openFound);
    story->show();
    story->showOldest();
}

} // namespace statescope::gui
