#pragma once

#include "core/replay/play.h"

#include <QWidget>

namespace statescope::gui {

// Inning, outs, the bases as a diamond, and the score: the state at one point of a game,
// named by a caption above the inning ("before play 57", "final").
class Scoreboard : public QWidget
{
    Q_OBJECT
public:
    explicit Scoreboard(QWidget *parent = nullptr);
    void setState(const replay::BaseState &state, int awayTeam, int homeTeam, const QString &caption);
    // No game: nothing drawn (not "team 0" in the 1st inning).
    void clear();
    bool isClear() const { return !m_shown; }
    const replay::BaseState &state() const { return m_state; }
    const QString &caption() const { return m_caption; }
    QSize sizeHint() const override { return {360, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    replay::BaseState m_state;
    int m_away = 0;
    int m_home = 0;
    QString m_caption;
    bool m_shown = false;
};

} // namespace statescope::gui
