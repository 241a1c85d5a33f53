#include "gui/replay/scoreboard.h"

#include "models/gamelistmodel.h"
#include "models/ink.h"

#include <QPainter>
#include <QPainterPath>

namespace statescope::gui {

Scoreboard::Scoreboard(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scoreboard"));
    setMinimumSize(320, 110);
}

void Scoreboard::setState(const replay::BaseState &state, int awayTeam, int homeTeam, const QString &caption)
{
    m_state = state;
    m_away = awayTeam;
    m_home = homeTeam;
    m_caption = caption;
    m_shown = true;
    setAccessibleDescription(tr("%1: %2, %3 out, away %4, home %5")
                                 .arg(caption, models::inningText(state.half, state.inning))
                                 .arg(state.outs)
                                 .arg(state.awayScore)
                                 .arg(state.homeScore));
    update();
}

void Scoreboard::clear()
{
    m_state = {};
    m_caption.clear();
    m_shown = false;
    setAccessibleDescription({});
    update();
}

void Scoreboard::paintEvent(QPaintEvent *)
{
    if (!m_shown)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette().color(QPalette::WindowText);
    // The outs drawn in a blue that stands out from the window in either theme (3:1).
    const QColor accent = models::ink::readable(QColor(0x1f, 0x4e, 0x79), palette().color(QPalette::Window), 3.0);

    // Score, left.
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.6);
    big.setBold(true);
    p.setFont(font());
    p.setPen(ink);
    p.drawText(QRect(8, 10, 130, 20), Qt::AlignLeft, tr("Away (team %1)").arg(m_away));
    p.drawText(QRect(8, 58, 130, 20), Qt::AlignLeft, tr("Home (team %1)").arg(m_home));
    p.setFont(big);
    p.drawText(QRect(8, 26, 130, 30), Qt::AlignLeft, QString::number(m_state.awayScore));
    p.drawText(QRect(8, 74, 130, 30), Qt::AlignLeft, QString::number(m_state.homeScore));

    // What moment this is, above the inning: the space between the scores and the diamond.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    const QRect captionBox(136, 2, std::max(40, width() - 113 - 136), 18);
    p.drawText(captionBox, Qt::AlignCenter,
               QFontMetrics(small).elidedText(m_caption, Qt::ElideRight, captionBox.width()));

    // Inning and outs, middle.
    p.setFont(big);
    const QString arrow = m_state.half == replay::Half::Top ? QStringLiteral("\u25B2")
                                                            : QStringLiteral("\u25BC");
    p.drawText(QRect(140, 20, 80, 34), Qt::AlignCenter, arrow + QString::number(m_state.inning));
    p.setFont(font());
    p.drawText(QRect(140, 56, 80, 18), Qt::AlignCenter, tr("%n out(s)", nullptr, m_state.outs));
    for (int i = 0; i < 3; ++i) {
        p.setBrush(i < m_state.outs ? QBrush(accent) : Qt::NoBrush);
        p.setPen(QPen(accent, 1.5));
        p.drawEllipse(QPointF(162 + i * 18, 86), 6, 6);
    }

    // The diamond, right: second at the top, first to the right, third to the left.
    const QPointF centre(width() - 70, 58);
    const double r = 34;
    const QPointF bases[3] = {centre + QPointF(r, 0), centre + QPointF(0, -r),
                              centre + QPointF(-r, 0)};
    p.setPen(QPen(ink, 1));
    p.setBrush(Qt::NoBrush);
    QPainterPath path;
    path.moveTo(centre + QPointF(0, r));
    path.lineTo(bases[0]);
    path.lineTo(bases[1]);
    path.lineTo(bases[2]);
    path.closeSubpath();
    p.drawPath(path);
    for (int i = 0; i < 3; ++i) {
        const bool occupied = m_state.runners[size_t(i)] != 0;
        QPolygonF square;
        const double s = 9;
        square << bases[i] + QPointF(0, -s) << bases[i] + QPointF(s, 0) << bases[i] + QPointF(0, s)
               << bases[i] + QPointF(-s, 0);
        p.setBrush(occupied ? QBrush(QColor(0xe6, 0x7e, 0x22)) : QBrush(palette().color(QPalette::Base)));
        p.setPen(QPen(ink, 1.2));
        p.drawPolygon(square);
    }
}

} // namespace statescope::gui
