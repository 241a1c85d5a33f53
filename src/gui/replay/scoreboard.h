#pragma once

#include "core/replay/play.h"

#include <QWidget>

namespace statescope::gui {

// Inning, outs, the bases as a diamond, and the score: the state at one point of a game.
class Scoreboard : public QWidget
{
    Q_OBJECT
public:
    explicit Scoreboard(QWidget *parent = nullptr);
    void setState(const replay::BaseState &state, int awayTeam, int homeTeam);
    // No game: nothing drawn (not "team 0" in the 1st inning).
    void clear();
    bool isClear() const { return !m_shown; }
    const replay::BaseState &state() const { return m_state; }
    QSize sizeHint() const override { return {360, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    replay::BaseState m_state;
    int m_away = 0;
    int m_home = 0;
    bool m_shown = false;
};

} // namespace statescope::gui
