#include "gamelistmodel.h"

#include "models/ink.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace statescope::models {

QString basesText(int code)
{
    return QStringLiteral("%1%2%3")
        .arg(code & 1 ? QStringLiteral("1") : QStringLiteral("-"),
             code & 2 ? QStringLiteral("2") : QStringLiteral("-"),
             code & 4 ? QStringLiteral("3") : QStringLiteral("-"));
}

QString inningText(replay::Half half, int inning)
{
    return half == replay::Half::Top ? GameListModel::tr("top %1").arg(inning)
                                     : GameListModel::tr("bottom %1").arg(inning);
}

QString stateText(const replay::BaseState &s)
{
    return GameListModel::tr("%1, %2 out, bases %3, %4-%5")
        .arg(inningText(s.half, s.inning))
        .arg(s.outs)
        .arg(basesText(s.onBaseCode()))
        .arg(s.awayScore)
        .arg(s.homeScore);
}

GameListModel::GameListModel(QObject *parent) : QAbstractTableModel(parent) {}

void GameListModel::setGames(const QList<replay::GameSummary> &games)
{
    beginResetModel();
    m_games = games;
    m_more = false;
    m_asked = false;
    endResetModel();
}

void GameListModel::appendGames(const QList<replay::GameSummary> &games)
{
    QList<replay::GameSummary> fresh;
    for (const replay::GameSummary &g : games)
        if (rowOf(g.id) < 0)
            fresh << g;
    m_asked = false;
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_games.size()), int(m_games.size() + fresh.size()) - 1);
    m_games += fresh;
    endInsertRows();
}

void GameListModel::setMoreAvailable(bool more)
{
    m_more = more;
    m_asked = false;
}

bool GameListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_asked;
}

void GameListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_asked = true;
    emit moreWanted();
}

const replay::GameSummary *GameListModel::game(int row) const
{
    return row >= 0 && row < m_games.size() ? &m_games[row] : nullptr;
}

int GameListModel::rowOf(const QString &gameId) const
{
    for (int i = 0; i < m_games.size(); ++i)
        if (m_games[i].id == gameId)
            return i;
    return -1;
}

int GameListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_games.size());
}

int GameListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GameListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const replay::GameSummary &g = m_games[index.row()];
    if (role == GameIdRole)
        return g.id;
    if (role == InconsistentPlayRole)
        return g.firstInconsistentPlay;
    if (role == Qt::ForegroundRole && index.column() == Check && g.firstInconsistentPlay)
        return QBrush(ink::text(ink::Meaning::Danger));
    if (role == Qt::ToolTipRole && index.column() == Game)
        return g.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Game: return g.id.left(8);
    case League: return g.league;
    case Status: return g.status;
    case Score: return tr("%1 - %2").arg(g.awayScore).arg(g.homeScore);
    case Inning:
        if (const auto half = replay::parseHalf(g.half))
            return inningText(*half, g.inning);
        return tr("%1 %2").arg(g.half).arg(g.inning);
    case Plays: return g.plays;
    case Check:
        return g.firstInconsistentPlay ? tr("play %1").arg(g.firstInconsistentPlay) : tr("ok");
    case Created: return g.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    return {};
}

QVariant GameListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Game: return tr("Game");
    case League: return tr("League");
    case Status: return tr("Status");
    case Score: return tr("Away - Home");
    case Inning: return tr("Inning");
    case Plays: return tr("Plays");
    case Check: return tr("Consistency");
    case Created: return tr("Created");
    }
    return {};
}

PlayListModel::PlayListModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlayListModel::setPlays(const QList<replay::Play> &plays, const QMap<int, QStringList> &issues)
{
    beginResetModel();
    m_plays = plays;
    m_issues = issues;
    endResetModel();
}

int PlayListModel::rowOfPlay(int playNumber) const
{
    // Plays are ordered by number; a binary search keeps seeking cheap on long games.
    auto it = std::lower_bound(m_plays.cbegin(), m_plays.cend(), playNumber,
                               [](const replay::Play &p, int n) { return p.playNumber < n; });
    if (it == m_plays.cend() || it->playNumber != playNumber)
        return -1;
    return int(it - m_plays.cbegin());
}

int PlayListModel::firstIssueRow() const
{
    return m_issues.isEmpty() ? -1 : rowOfPlay(m_issues.firstKey());
}

int PlayListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plays.size());
}

int PlayListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlayListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const replay::Play &p = m_plays[index.row()];
    const auto issue = m_issues.constFind(p.playNumber);
    switch (role) {
    case PlayNumberRole: return p.playNumber;
    case IssueRole: return issue == m_issues.cend() ? QString() : issue->join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        return issue == m_issues.cend() ? p.description : issue->join(QLatin1Char('\n'));
    case Qt::BackgroundRole:
        return issue == m_issues.cend() ? QVariant() : QBrush(ink::fill(ink::Meaning::Danger));
    case Qt::FontRole:
        if (issue != m_issues.cend() && issue.key() == m_issues.firstKey()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return p.playNumber;
        case Inning: return inningText(p.start.half, p.start.inning);
        case Outs: return p.start.outs;
        case Bases: return basesText(p.start.onBaseCode());
        case Score: return tr("%1 - %2").arg(p.start.awayScore).arg(p.start.homeScore);
        case Result: return p.description;
        case Runs: return p.runsScored ? QVariant(p.runsScored) : QVariant();
        }
        return {};
    default: return {};
    }
}

QVariant PlayListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("#");
    case Inning: return tr("Inning");
    case Outs: return tr("Outs");
    case Bases: return tr("Bases");
    case Score: return tr("Score");
    case Result: return tr("Result");
    case Runs: return tr("Runs");
    }
    return {};
}

} // namespace statescope::models
