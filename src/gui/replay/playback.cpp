// The Replay pane's playback: a play chosen, stepped to or played in time, and the state after
// it shown (scoreboard, box score, detail, the dice rolls of the play).
#include "gui/replay/replaypane.h"

#include "gui/widgets/style.h"

#include <QEvent>

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

int ReplayPane::currentPlay() const
{
    if (!m_game || m_game->plays.isEmpty())
        return 0;
    return m_game->plays.value(m_slider->value()).playNumber;
}

void ReplayPane::seek(int playNumber)
{
    const int row = m_plays->rowOfPlay(playNumber);
    if (row >= 0)
        m_slider->setValue(row);
}

void ReplayPane::step(int delta)
{
    m_slider->setValue(std::clamp(m_slider->value() + delta, 0, m_slider->maximum()));
}

void ReplayPane::togglePlayback()
{
    if (m_timer->isActive()) {
        m_timer->stop();
        m_play->setIcon(style::icon(QStringLiteral("media-playback-start")));
    } else if (m_game && !m_game->plays.isEmpty()) {
        if (m_slider->value() >= m_slider->maximum())
            m_slider->setValue(0);
        m_timer->start();
        m_play->setIcon(style::icon(QStringLiteral("media-playback-pause")));
    }
}

QString ReplayPane::lineupLabel(int lineupId) const
{
    if (!lineupId)
        return QStringLiteral("-");
    for (const LineupEntry &e : m_game->lineups)
        if (e.id == lineupId)
            return e.label();
    return tr("#%1 (not in the lineups)").arg(lineupId);
}

void ReplayPane::keepCurrentPlayInView()
{
    if (!m_game || m_game->plays.isEmpty())
        return;
    m_playView->scrollTo(m_plays->index(m_slider->value(), 0), QAbstractItemView::EnsureVisible);
}

bool ReplayPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_playView->viewport() && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &ReplayPane::keepCurrentPlayInView, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void ReplayPane::showRow(int row)
{
    if (!m_game || row < 0 || row >= m_game->plays.size())
        return;
    const Play &p = m_game->plays[row];
    const bool endsGame = m_game->summary.status == QLatin1String("completed")
                          && p.playNumber == m_game->summary.lastPlay;
    // A pinch runner put in after this play stands on the base of the man he runs for; after a
    // third out, the next half's placed runner stands on second.
    const BaseState after = stateAfterPlay(m_game->plays, row, m_game->replacements, m_game->rules, endsGame,
                                           m_game->lineups);
    // The situation the play starts from; the last play of a finished game shows how it ended
    // (a walk-off single's 6-5, not the 5-5 it was hit at).
    if (endsGame)
        m_scoreboard->setState(after, m_game->summary.awayTeam, m_game->summary.homeTeam, tr("final"));
    else
        m_scoreboard->setState(p.start, m_game->summary.awayTeam, m_game->summary.homeTeam,
                               tr("before play %1").arg(p.playNumber));
    m_people->setText(tr("batter %1, pitcher %2, catcher %3")
                          .arg(lineupLabel(p.batterId), lineupLabel(p.pitcherId), lineupLabel(p.catcherId)));
    // Both lineups in force at this play: starters with substitutions applied by after_play.
    QStringList lineups;
    for (const int team : {m_game->summary.awayTeam, m_game->summary.homeTeam}) {
        QStringList members;
        for (const LineupEntry &e : lineupAt(m_game->lineups, team, p.playNumber))
            members << QStringLiteral("%1. %2").arg(e.battingOrder).arg(e.label());
        lineups << tr("Team %1: %2").arg(team).arg(members.join(QStringLiteral(", ")));
    }
    m_people->setToolTip(lineups.join(QLatin1Char('\n')));
    QString result = tr("Play %1: %2").arg(p.playNumber).arg(p.description);
    if (const int placed = placedRunner(m_game->plays, row, m_game->rules))
        result += QStringLiteral("  |  ") + tr("%1 placed on second (extra innings)").arg(lineupLabel(placed));
    m_result->setText(result);
    QString change = tr("after: %1").arg(models::stateText(after));
    if (row > 0) {
        const BaseState &before = m_game->plays[row - 1].start;
        change += QStringLiteral("  |  ")
                  + tr("since play %1: %Ln run(s), outs %2 -> %3", nullptr,
                       (p.start.awayScore + p.start.homeScore) - (before.awayScore + before.homeScore))
                        .arg(m_game->plays[row - 1].playNumber)
                        .arg(before.outs)
                        .arg(p.start.outs);
    }
    m_change->setText(change);
    {
        const QSignalBlocker block(m_goTo);
        m_goTo->setValue(p.playNumber);
    }
    m_playView->selectRow(row);
    keepCurrentPlayInView();
    const auto issue = m_game->issues.constFind(p.playNumber);
    if (issue != m_game->issues.cend())
        m_issueLabel->setText(issue->join(QStringLiteral("; ")));
    fetchRolls(p.playNumber);
    showDetail();
}

void ReplayPane::showDetail()
{
    if (!m_game || m_game->plays.isEmpty() || m_detailTabs->currentWidget() != m_box)
        return;
    const int playNumber = m_game->plays.value(m_slider->value()).playNumber;
    m_box->showBox(replay::boxScore(m_game->plays, m_game->lineups, playNumber, m_game->absentCounts, m_game->rules),
                   [this](int id) { return lineupLabel(id); });
}

void ReplayPane::fetchRolls(int playNumber)
{
    const int generation = ++m_rollsGeneration;
    const pg::ConnectionSettings db = *m_database;
    const QString game = m_game->summary.id;
    m_dice->setText(QStringLiteral("..."));
    m_rollsRunner->start<QList<Roll>>(
        tr("Loading dice rolls"),
        [db, game, playNumber](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return GameStore(*conn).rolls(game, playNumber);
        },
        [this, generation](const Outcome<QList<Roll>> &r) {
            if (generation != m_rollsGeneration)
                return; // the user stepped on
            if (!r.ok())
                return m_dice->setText(r.error().message());
            QStringList parts;
            for (const Roll &roll : r.value())
                parts << QStringLiteral("%1 %2").arg(roll.type, roll.data);
            m_dice->setText(parts.isEmpty() ? tr("none recorded") : parts.join(QStringLiteral("; ")));
        });
}

} // namespace statescope::gui
