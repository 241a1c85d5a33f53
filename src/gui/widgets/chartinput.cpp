// ChartView's hover and input: the value under the mouse snapped to a real point, zoom and
// pan by mouse, wheel and keys.
#include "gui/widgets/chartview.h"

#include <QGraphicsEllipseItem>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QToolTip>
#include <QWheelEvent>
#include <QXYSeries>

#include <cmath>

namespace statescope::gui {

namespace {

constexpr double kSnapPixels = 48; // the nearest point further than this is not "under" the mouse

} // namespace

bool ChartView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        if (!m_hoverText.isEmpty())
            QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), m_hoverText, this);
        event->accept();
        return true;
    }
    return QChartView::viewportEvent(event);
}

QString ChartView::describe(const QXYSeries *series, const QPointF &point) const
{
    QString when;
    if (m_offsets) {
        when = tr("+%1 h since the reset").arg(QLocale().toString(point.x(), 'f', 1));
    } else {
        const QDateTime t = utcAt(point.x());
        when = m_bucketMs > 0
                   ? tr("%1 to %2 UTC")
                         .arg(t.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                              t.addMSecs(m_bucketMs).toString(
                                  m_bucketMs >= 86'400'000 ? QStringLiteral("yyyy-MM-dd HH:mm")
                                                           : QStringLiteral("HH:mm")))
                   : t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    }
    return QStringLiteral("%1\n%2: %3").arg(when, series->name(), valueText(point.y()));
}

bool ChartView::hoverAt(const QPointF &pos)
{
    const QPointF scenePos = mapToScene(pos.toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    QXYSeries *best = nullptr;
    QPointF bestPoint;
    double bestDistance = kSnapPixels;
    for (QAbstractSeries *s : chart()->series()) {
        auto *xy = qobject_cast<QXYSeries *>(s);
        if (!xy || !xy->isVisible() || xy->count() == 0)
            continue;
        const QList<QPointF> points = xy->points();
        const double x = chart()->mapToValue(chartPos, xy).x();
        // The points are in time order: the nearest in x is one of the two around x.
        auto it = std::lower_bound(points.begin(), points.end(), x,
                                   [](const QPointF &p, double v) { return p.x() < v; });
        for (auto c : {it, it == points.begin() ? it : it - 1}) {
            if (c == points.end())
                continue;
            const QPointF onScreen = chart()->mapToPosition(*c, xy);
            const double d = std::hypot(onScreen.x() - chartPos.x(), (onScreen.y() - chartPos.y()) / 4);
            if (d < bestDistance) {
                bestDistance = d;
                best = xy;
                bestPoint = *c;
            }
        }
    }
    if (!best) {
        clearHover();
        return false;
    }
    const QPointF at = chart()->mapToPosition(bestPoint, best);
    if (!m_marker) {
        m_marker = new QGraphicsEllipseItem(-5, -5, 10, 10, chart());
        m_marker->setZValue(100);
    }
    m_marker->setPen(QPen(palette().color(QPalette::Base), 2));
    m_marker->setBrush(best->pen().color());
    m_marker->setPos(at);
    m_marker->show();
    m_hoverText = describe(best, bestPoint);
    return true;
}

void ChartView::clearHover()
{
    if (m_marker)
        m_marker->hide();
    if (!m_hoverText.isEmpty())
        QToolTip::hideText();
    m_hoverText.clear();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: chart()->zoom(1.5); break;
    case Qt::Key_Minus: chart()->zoom(1 / 1.5); break;
    case Qt::Key_Left: chart()->scroll(-width() / 10.0, 0); break;
    case Qt::Key_Right: chart()->scroll(width() / 10.0, 0); break;
    case Qt::Key_0:
    case Qt::Key_Home: chart()->zoomReset(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    clearHover();
    emitRangeLater();
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        const QPointF delta = event->position() - *m_panFrom;
        chart()->scroll(-delta.x(), delta.y());
        m_panFrom = event->position();
        event->accept();
        return;
    }
    if (event->buttons() == Qt::NoButton) {
        if (hoverAt(event->position()))
            QToolTip::showText(event->globalPosition().toPoint(), m_hoverText, this);
    }
    QChartView::mouseMoveEvent(event);
}

void ChartView::leaveEvent(QEvent *event)
{
    clearHover();
    QChartView::leaveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panFrom && event->button() == Qt::MiddleButton) {
        m_panFrom.reset();
        unsetCursor();
        emitRangeLater();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
    emitRangeLater();
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0)
        return QChartView::wheelEvent(event);
    chart()->zoom(steps > 0 ? 1.25 : 0.8);
    clearHover();
    emitRangeLater();
    event->accept();
}

} // namespace statescope::gui
