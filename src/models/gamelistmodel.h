#pragma once

#include "core/replay/gamestore.h"

#include <QAbstractTableModel>

namespace statescope::models {

// The games of one database: score, inning, plays, and the first inconsistent play.
class GameListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Game, League, Status, Score, Inning, Plays, Check, Created, ColumnCount };
    enum Role { GameIdRole = Qt::UserRole + 1, InconsistentPlayRole };

    explicit GameListModel(QObject *parent = nullptr);
    void setGames(const QList<replay::GameSummary> &games);
    // A further page, newest first after those shown (a game already shown is not repeated).
    void appendGames(const QList<replay::GameSummary> &games);
    // Whether the database has games past those shown: the view asks for them (fetchMore,
    // as it scrolls to the end) through moreWanted(), once per page.
    void setMoreAvailable(bool more);
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    const replay::GameSummary *game(int row) const;
    int rowOf(const QString &gameId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void moreWanted();

private:
    QList<replay::GameSummary> m_games;
    bool m_more = false;
    bool m_asked = false; // moreWanted() sent, the page not here yet
};

// The plays of one game. Rows whose start does not follow from the play before are
// marked; the first such row stands out.
class PlayListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Inning, Outs, Bases, Score, Result, Runs, ColumnCount };
    enum Role { PlayNumberRole = Qt::UserRole + 1, IssueRole };

    explicit PlayListModel(QObject *parent = nullptr);
    void setPlays(const QList<replay::Play> &plays, const QMap<int, QStringList> &issues);
    const QList<replay::Play> &plays() const { return m_plays; }
    int rowOfPlay(int playNumber) const;
    int firstIssueRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<replay::Play> m_plays;
    QMap<int, QStringList> m_issues; // play number -> messages
};

QString basesText(int onBaseCode); // "1--", "-2-", "123", "---"
// "top 4" / "bottom 4" in the reader's language ("4. oben"); the stored words are English.
QString inningText(replay::Half half, int inning);
// "top 4, 2 out, bases 1--, 5-3": a game's state in one line.
QString stateText(const replay::BaseState &state);

} // namespace statescope::models
