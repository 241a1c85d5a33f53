#pragma once

#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/replay/gamestore.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace statescope {
class CancelToken;
}

namespace statescope::replay {
struct RollbackRecord;
struct LockWait;
}
namespace statescope::pg {
class Connection;
}
namespace statescope::models {
class GameListModel;
class PlayListModel;
} // namespace statescope::models

namespace statescope::gui {

class Banner;
class ElidingLabel;
class BoxScoreView;
class GameInfoView;
class JobRunner;
class ProgressPanel;
class Scoreboard;

// Support's view of a game: the games list, a timeline of its plays with the state at each
// one, the first play where the state went wrong, and rollback / undo (admin mode only).
class ReplayPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayPane(QWidget *parent = nullptr);
    ~ReplayPane() override;

    void setDatabase(const std::optional<pg::ConnectionSettings> &database);
    // Another week of the same family: the filters stay, and the game and play shown are
    // opened there when that week has them (else the pane says it has not).
    void switchWeek(const pg::ConnectionSettings &database);
    void setAdminMode(bool on);
    void setWebhook(const QString &url) { m_webhook = url; }

    void reloadGames();
    // The next page of games after those listed (the list asks as it scrolls to its end).
    void loadMoreGames();
    void openGame(const QString &gameId);
    // The game opened at that play (what Find opens); at its first broken play, else its end,
    // when it has no such play.
    void openGameAt(const QString &gameId, int playNumber);
    void seek(int playNumber); // shows that play; ignored when the game has no such play
    int currentPlay() const;   // 0 when no game or no plays
    QString currentGame() const { return m_game ? m_game->summary.id : QString(); }
    JobRunner *runner() const { return m_runner; }
    const std::optional<pg::ConnectionSettings> &database() const { return m_database; }
    models::GameListModel *gameModel() const { return m_games; }
    models::PlayListModel *playModel() const { return m_plays; }
    QTabWidget *detailTabs() const { return m_detailTabs; }
    BoxScoreView *boxScore() const { return m_box; }
    GameInfoView *gameInfo() const { return m_info; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void keepCurrentPlayInView();
    struct GameView
    {
        replay::GameSummary summary;
        QList<replay::Play> plays;
        QList<replay::LineupEntry> lineups;
        QList<replay::Replacement> replacements;
        replay::GameRules rules; // the league's, in force for the database
        QString rulesText;       // what they are and where they come from (stated, seen)
        QStringList ruleContradictions; // stated rules the plays contradict
        QMap<int, QStringList> issues;
        QStringList rowDifferences; // the games row against the state after the last play
        QStringList absentCounts;   // counting columns the plays table lacks
        QList<replay::RosterEntry> rosters;
        bool hasRosters = false;
        std::optional<replay::GameSession> session;
        bool hasSessions = false;
        bool undoable = false; // a rollback of this game in force, which undo can put back
    };

    void buildUi();
    void showRow(int row);
    void step(int delta);
    void togglePlayback();
    void fetchRolls(int playNumber);
    void showDetail(); // the box score at the play shown, when its tab is open
    void rollBack();
    void undoLastRollback();
    // Runs a committed change (rollback or undo) in the background, tells the webhook,
    // reports, and reloads the game.
    void commitChange(const QString &label,
                      std::function<replay::RollbackRecord(pg::Connection &, const replay::LockWait &, CancelToken &)> change,
                      std::function<QString(const replay::RollbackRecord &)> describe);
    void updateActions();
    void showError(const Error &error);
    QString lineupLabel(int lineupId) const;

    std::optional<pg::ConnectionSettings> m_database;
    std::optional<GameView> m_game;
    bool m_adminMode = false;
    QString m_webhook;
    int m_gamesGeneration = 0;
    int m_gameGeneration = 0;
    int m_rollsGeneration = 0;
    QString m_keepGame; // a week switch: the game to open once listed, and its play
    int m_keepPlay = -1;

    models::GameListModel *m_games;
    models::PlayListModel *m_plays;
    JobRunner *m_runner;
    JobRunner *m_rollsRunner;
    QComboBox *m_status;
    QComboBox *m_league;
    QLineEdit *m_team;
    QCheckBox *m_onlyInconsistent;
    QDateEdit *m_since;
    QDateEdit *m_until;
    QTableView *m_gameView;
    QLabel *m_gameId; // the open game's id, to select and copy
    ElidingLabel *m_header;
    Scoreboard *m_scoreboard;
    ElidingLabel *m_people;
    ElidingLabel *m_dice;
    ElidingLabel *m_result;
    ElidingLabel *m_change;
    ElidingLabel *m_issueLabel;
    QLabel *m_sourceLabel = nullptr; // the tables read, and what their missing columns cost
    // The game's own tables lack indexes on their references to lineup rows: a rollback's
    // deletes would scan every play (admin mode builds them, previewed and confirmed).
    QPushButton *m_indexReferences = nullptr;
    QLabel *m_rulesLabel = nullptr;
    QPushButton *m_rulesButton = nullptr;
    void showRules();
    void editRules();
    bool m_referencesUnindexed = false;
    void confirmIndexReferences();
    void loadGames(bool more);
    struct GamesLoaded
    {
        bool hasGames = false;
        QList<replay::GameSummary> games;
        QStringList sources;
        bool referencesUnindexed = false;
        QStringList limitations;
    };
    QSlider *m_slider;
    QSpinBox *m_goTo;
    QComboBox *m_speed;
    QPushButton *m_play;
    QTableView *m_playView;
    QTabWidget *m_detailTabs;
    BoxScoreView *m_box;
    GameInfoView *m_info;
    QPushButton *m_rollback;
    QPushButton *m_undo;
    QTimer *m_timer;
    ProgressPanel *m_progress;
    Banner *m_messages;
};

} // namespace statescope::gui
