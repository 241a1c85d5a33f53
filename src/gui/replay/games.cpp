// The Replay pane's games: the list read with its filters and consistency marks, and one game
// opened (its plays, lineups and rosters read in the background).
#include "gui/replay/replaypane.h"

#include "gui/widgets/style.h"

#include <QEvent>

#include "core/layout/indexbuild.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/replay/consistency.h"
#include "core/replay/notifier.h"
#include "core/replay/rollback.h"
#include "core/replay/boxscore.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/replay/boxscore.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/elidinglabel.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/replay/scoreboard.h"
#include "models/gamelistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::replay;

namespace {
// Games read per page: a season holds thousands, and each listed game's plays are checked.
constexpr int kGamesPage = 200;
} // namespace

void ReplayPane::reloadGames()
{
    loadGames(false);
}

void ReplayPane::loadMoreGames()
{
    loadGames(true);
}

void ReplayPane::loadGames(bool more)
{
    if (!m_database)
        return;
    GameFilter filter;
    filter.status = m_status->currentData().toString();
    filter.league = m_league->currentData().toString();
    if (!m_team->text().isEmpty())
        filter.team = m_team->text().toInt();
    filter.onlyInconsistent = m_onlyInconsistent->isChecked();
    if (m_since->date() != m_since->minimumDate())
        filter.from = m_since->date();
    if (m_until->date() != m_until->minimumDate())
        filter.to = m_until->date();
    filter.limit = kGamesPage;
    filter.offset = more ? m_games->rowCount() : 0;
    const int generation = more ? m_gamesGeneration : ++m_gamesGeneration;
    const pg::ConnectionSettings db = *m_database;
    m_runner->start<GamesLoaded>(
        more ? tr("Loading more games") : tr("Loading games"),
        [db, filter](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            GamesLoaded loaded;
            // Through the database's layout; a database without games (Galaxy, Marketland+)
            // says so instead of failing.
            const auto lay = layout::of(*conn);
            if (!lay->has(layout::Kind::Games) || !lay->has(layout::Kind::Plays))
                return loaded;
            GameStore store(*conn);
            loaded.hasGames = true;
            loaded.games = store.list(filter);
            loaded.sources = store.sources();
            loaded.limitations = store.limitations();
            if (lay->has(layout::Kind::Lineups))
                loaded.referencesUnindexed = !layout::IndexBuilder::plan(*conn, layout::Kind::Plays).exists;
            return loaded;
        },
        [this, generation, more, name = db.database()](const Outcome<GamesLoaded> &r) {
            if (generation != m_gamesGeneration)
                return;
            if (!r.ok()) {
                if (more)
                    m_games->setMoreAvailable(false);
                else
                    m_sourceLabel->clear();
                return showError(r.error());
            }
            const GamesLoaded &loaded = r.value();
            if (more) {
                m_games->appendGames(loaded.games);
                m_games->setMoreAvailable(loaded.games.size() == kGamesPage);
                return;
            }
            m_messages->clearFor(name); // this database answered
            if (!loaded.hasGames) {
                m_games->setGames({});
                m_header->setText(tr("%1 holds no games (no tables shaped like games and plays).").arg(name));
                m_sourceLabel->setText(tr("If they are there under other names, map them with a layout "
                                          "file (docs/LAYOUTS.md)."));
                return;
            }
            m_referencesUnindexed = loaded.referencesUnindexed;
            updateActions();
            m_sourceLabel->setText(tr("Source: %1.").arg(loaded.sources.join(QStringLiteral("; ")))
                                   + (loaded.limitations.isEmpty()
                                          ? QString()
                                          : QLatin1Char(' ') + loaded.limitations.join(QLatin1Char(' '))));
            const bool switched = !m_keepGame.isEmpty();
            const QString keep = switched ? m_keepGame : currentGame();
            m_keepGame.clear();
            m_games->setGames(loaded.games);
            m_games->setMoreAvailable(loaded.games.size() == kGamesPage);
            m_gameView->resizeColumnsToContents();
            const int row = m_games->rowOf(keep);
            if (row >= 0) {
                m_gameView->selectRow(row);
            } else if (switched) {
                m_keepPlay = -1;
                m_messages->showMessage(tr("%1 has no game %2 (with these filters). Choose one in the list.")
                                            .arg(name, keep),
                                        name);
            }
        });
}

void ReplayPane::openGameAt(const QString &gameId, int playNumber)
{
    m_keepPlay = playNumber > 0 ? playNumber : -1;
    openGame(gameId);
}

void ReplayPane::openGame(const QString &gameId)
{
    if (!m_database)
        return;
    const int generation = ++m_gameGeneration;
    const pg::ConnectionSettings db = *m_database;
    int keepPlay = gameId == currentGame() ? currentPlay() : -1;
    if (m_keepPlay > 0) { // the play shown in the week before
        keepPlay = m_keepPlay;
        m_keepPlay = -1;
    }
    m_runner->start<GameView>(
        tr("Loading game %1").arg(gameId.left(8)),
        [db, gameId](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            GameStore store(*conn);
            GameView view;
            GameData data = store.open(gameId);
            view.summary = std::move(data.summary);
            view.plays = std::move(data.plays);
            view.lineups = std::move(data.lineups);
            view.replacements = GameStore::replacements(view.lineups);
            RulesInForce inForce = store.rulesInForce();
            view.rules = inForce.rules;
            view.rulesText = inForce.describe();
            if (const auto seen = placedRunnerSeen(halfStarts(view.plays)))
                inForce.placedSeen = seen; // the game's own plays first
            view.ruleContradictions = inForce.contradictions();
            view.rowDifferences << view.ruleContradictions;
            for (const Inconsistency &i : checkConsistency(view.plays, view.replacements, view.rules))
                view.issues[i.playNumber] << i.message();
            for (const GameRowDifference &d : checkGameRow(view.summary, view.plays, view.replacements))
                view.rowDifferences << d.message(view.summary.lastPlay);
            // The designated-hitter rule: a batter at his play, a lineup row with the game's row.
            for (const RuleFinding &f : checkDesignatedHitter(view.plays, view.lineups, view.rules))
                (f.field == QLatin1String("batter") ? view.issues[f.playNumber] : view.rowDifferences) << f.message;
            view.absentCounts = store.absentCountRoles();
            const auto lay = layout::of(*conn);
            view.hasRosters = lay->has(layout::Kind::RosterLinks);
            view.rosters = store.rosters(gameId);
            view.hasSessions = lay->has(layout::Kind::GameSessions);
            view.session = store.session(gameId);
            view.summary.firstInconsistentPlay = view.issues.isEmpty() ? 0 : view.issues.firstKey();
            // Undo last rollback is offered only for a game that has one in force (a week not
            // adopted keeps no rollbacks at all).
            try {
                Rollback rollback(*conn);
                rollback.requireBookkeeping();
                for (const RollbackRecord &rec : rollback.history(gameId))
                    view.undoable = view.undoable || !rec.undoneAt.isValid();
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled || e.kind() == Error::Kind::Connection)
                    throw; // else not known: not offered (its own click would say why)
            }
            return view;
        },
        [this, generation, keepPlay](const Outcome<GameView> &r) {
            if (generation != m_gameGeneration)
                return; // another game was chosen meanwhile
            if (!r.ok())
                return showError(r.error());
            m_game = r.value();
            showRules();
            const GameSummary &g = m_game->summary;
            m_gameId->setText(g.id);
            m_gameId->setVisible(true);
            // Its row in the list, when the list holds it (a game opened from elsewhere).
            if (const int listed = m_games->rowOf(g.id); listed >= 0 && m_gameView->currentIndex().row() != listed)
                m_gameView->selectRow(listed);
            m_header->setText(tr("%1, team %2 at team %3, %4, %n play(s)", nullptr, int(m_game->plays.size()))
                                  .arg(g.league)
                                  .arg(g.awayTeam)
                                  .arg(g.homeTeam)
                                  .arg(g.status));
            m_plays->setPlays(m_game->plays, m_game->issues);
            m_playView->resizeColumnsToContents();
            const int n = int(m_game->plays.size());
            m_slider->setRange(0, std::max(0, n - 1));
            m_goTo->setRange(n ? m_game->plays.first().playNumber : 0,
                             n ? m_game->plays.last().playNumber : 0);
            QStringList problems;
            if (!m_game->issues.isEmpty()) {
                const auto first = m_game->issues.constBegin();
                // Each issue names its play already ("Play 84: ...").
                problems << tr("First inconsistency: %1").arg(first.value().join(QStringLiteral("; ")));
            }
            problems << m_game->rowDifferences;
            m_issueLabel->setText(problems.join(QLatin1Char(' ')));
            m_issueLabel->setToolTip(problems.join(QLatin1Char('\n')));
            m_info->showGame(m_game->rosters, m_game->hasRosters, m_game->session, m_game->hasSessions);
            updateActions();
            // Land where it matters: where we were, else the first broken play, else the end.
            int row = keepPlay > 0 ? m_plays->rowOfPlay(keepPlay) : -1;
            if (row < 0)
                row = m_plays->firstIssueRow();
            if (row < 0)
                row = n - 1;
            m_slider->setValue(std::max(0, row));
            showRow(std::max(0, row));
        });
}

} // namespace statescope::gui
