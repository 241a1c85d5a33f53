#pragma once

#include "core/replay/boxscore.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace statescope::gui {

// A game's box score at the play shown: batting lines (PA, AB, H, HR, BB, SO) by team and
// batting order, pitching lines (IP, BF, H, R, HR, BB, SO), from the plays as the game sums
// them; the counting columns the plays table lacks are named.
class BoxScoreView : public QWidget
{
    Q_OBJECT
public:
    explicit BoxScoreView(QWidget *parent = nullptr);
    // label: how a lineup id reads ("SS card 4711 (#12)").
    void showBox(const replay::BoxScore &box, const std::function<QString(int)> &label);
    void clear();
    QTableWidget *batting() const { return m_batting; }
    QTableWidget *pitching() const { return m_pitching; }

private:
    QLabel *m_title;
    QTableWidget *m_batting;
    QTableWidget *m_pitching;
};

// The game's rosters (card or player per team) and its live session row.
class GameInfoView : public QWidget
{
    Q_OBJECT
public:
    explicit GameInfoView(QWidget *parent = nullptr);
    // hasRosters / hasSessions: whether the database has such a table at all (else the view
    // says so rather than showing an empty list).
    void showGame(const QList<replay::RosterEntry> &rosters, bool hasRosters,
                  const std::optional<replay::GameSession> &session, bool hasSessions);
    void clear();
    QTableWidget *rosters() const { return m_rosters; }
    QLabel *sessionSummary() const { return m_session; }

private:
    QTableWidget *m_rosters;
    QLabel *m_session;
    QPlainTextEdit *m_snapshot;
};

} // namespace statescope::gui
