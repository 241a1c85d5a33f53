#include "gui/widgets/chartview.h"

#include "gui/widgets/style.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QCategoryAxis>
#include <QGraphicsEllipseItem>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <QHelpEvent>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>
#include <iterator>

namespace statescope::gui {

namespace {

constexpr int kMaxBars = 120; // more buckets than this are drawn as lines
constexpr double kSnapPixels = 48; // the nearest point further than this is not "under" the mouse

qreal xOf(const QDateTime &t, bool offsets)
{
    return offsets ? t.toSecsSinceEpoch() / 3600.0 : qreal(t.toMSecsSinceEpoch());
}

QDateTime utcAt(double ms)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms)), QTimeZone::utc());
}

QString valueText(double v)
{
    // Whole numbers as whole numbers ("9", not "9.000000"); others to 10 significant digits.
    if (std::abs(v) < 1e15 && v == std::floor(v))
        return QLocale().toString(qint64(v));
    return QLocale().toString(v, 'g', 10);
}

// The decimals a tick interval needs to tell its ticks apart: 0 for 1, 2, 5, 10...; 1 for
// 0.5; 2 for 0.25...
int decimalsFor(double interval)
{
    if (interval <= 0 || !std::isfinite(interval))
        return 0;
    int d = 0;
    while (d < 6 && std::abs(interval * std::pow(10.0, d) - std::round(interval * std::pow(10.0, d))) > 1e-6)
        ++d;
    return d;
}

} // namespace

ChartView::ChartView(QWidget *parent) : QChartView(parent), m_rangeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("chartView"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    // No widget tooltip: it would replace the hovered point's own text a second later.
    setAccessibleDescription(usage());
    m_rangeTimer->setSingleShot(true);
    m_rangeTimer->setInterval(400);
    connect(m_rangeTimer, &QTimer::timeout, this, [this] {
        if (!m_timeAxis || m_offsets)
            return;
        emit visibleRangeChanged(utcAt(m_timeAxis->min()), utcAt(m_timeAxis->max()));
    });
}

QString ChartView::usage()
{
    return tr("Hover for exact values; drag or wheel to zoom, right-click to zoom out, "
              "middle-drag or arrow keys to pan, +/- to zoom, 0 to reset. Times are UTC.");
}

QList<int> ChartView::assignColours(const QList<metrics::Series> &series)
{
    QList<int> out(series.size(), -1);
    QSet<int> taken;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const auto known = m_colourOf.constFind(series[i].name);
        if (known != m_colourOf.cend() && !taken.contains(*known)) {
            out[i] = *known;
            taken.insert(*known);
        }
    }
    // New names take the first colour nobody here holds, preferring one no name remembers.
    QSet<int> remembered;
    for (const int c : std::as_const(m_colourOf))
        remembered.insert(c);
    for (qsizetype i = 0; i < series.size(); ++i) {
        if (out[i] >= 0)
            continue;
        int c = 0;
        while (taken.contains(c) || (remembered.contains(c) && c < style::seriesColourCount()))
            ++c;
        if (c >= style::seriesColourCount()) // every colour is remembered: any not drawn here
            for (c = 0; taken.contains(c);)
                ++c;
        out[i] = c;
        taken.insert(c);
        m_colourOf.insert(series[i].name, c);
        remembered.insert(c);
    }
    m_drawn = out;
    return out;
}

void ChartView::setSeries(const QList<metrics::Series> &input, Kind kind, bool offsets,
                          const QString &title, qint64 bucketSeconds)
{
    m_offsets = offsets;
    m_bucketMs = bucketSeconds * 1000;
    m_timeAxis = nullptr;
    m_marker = nullptr; // owned by the old chart's scene
    m_hoverText.clear();
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setTitleBrush(palette().color(QPalette::Text));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    // One pixel per point is all a screen can show: downsample what is beyond that.
    const int budget = std::max(200, width());
    qsizetype buckets = 0;
    for (const auto &s : input)
        buckets = std::max(buckets, s.points.size());
    const bool bars = kind == Kind::Bar && !offsets && buckets <= kMaxBars;
    const QList<int> colours = assignColours(input);

    auto *y = new QValueAxis;
    double maxY = 0;
    double minY = 0;
    if (bars) {
        // Bars need categories: the union of bucket times, in order.
        QList<QDateTime> times;
        for (const auto &s : input)
            for (const auto &p : s.points)
                if (!times.contains(p.t))
                    times.append(p.t);
        std::sort(times.begin(), times.end());
        auto *series = new QBarSeries;
        int index = 0;
        for (const auto &s : input) {
            auto *set = new QBarSet(s.name);
            set->setColor(style::seriesColour(colours[index++]));
            set->setBorderColor(set->color());
            for (const QDateTime &t : times) {
                double v = 0;
                for (const auto &p : s.points)
                    if (p.t == t)
                        v = p.value;
                *set << v;
                maxY = std::max(maxY, v);
                minY = std::min(minY, v);
            }
            connect(set, &QBarSet::hovered, this, [this, set, times](bool on, int i) {
                if (!on) {
                    m_hoverText.clear();
                    return QToolTip::hideText();
                }
                const QDateTime t = times[i].toUTC();
                m_hoverText = QStringLiteral("%1\n%2: %3")
                                  .arg(m_bucketMs > 0 ? tr("%1 to %2 UTC")
                                                            .arg(t.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                                 t.addMSecs(m_bucketMs).toString(QStringLiteral("HH:mm")))
                                                      : t.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                                       set->label(), valueText(set->at(i)));
                QToolTip::showText(QCursor::pos(), m_hoverText, this);
            });
            series->append(set);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        QStringList labels;
        for (const QDateTime &t : times)
            labels << t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        x->append(labels);
        x->setTitleText(tr("time (UTC)"));
        if (labels.size() > 12)
            x->setLabelsAngle(-60);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    } else {
        QAbstractAxis *x = nullptr;
        double minX = 0, maxX = 0;
        bool any = false;
        if (offsets) {
            auto *v = new QValueAxis;
            v->setTitleText(tr("hours since the reset"));
            v->setLabelFormat(QStringLiteral("%.0f"));
            x = v;
        } else {
            m_timeAxis = new QCategoryAxis;
            m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
            m_timeAxis->setTitleText(tr("time (UTC)"));
            x = m_timeAxis;
        }
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        int index = 0;
        for (const auto &s : input) {
            auto *line = new QLineSeries;
            line->setName(s.name);
            QPen pen(style::seriesColour(colours[index++]));
            pen.setWidthF(2);
            line->setPen(pen);
            QList<QPointF> points;
            for (const auto &p : metrics::downsampleLttb(s.points, budget)) {
                const QPointF pt(xOf(p.t, offsets), p.value);
                points.append(pt);
                maxY = std::max(maxY, p.value);
                minY = std::min(minY, p.value);
                minX = any ? std::min(minX, pt.x()) : pt.x();
                maxX = any ? std::max(maxX, pt.x()) : pt.x();
                any = true;
            }
            line->replace(points);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
        if (any) {
            if (maxX <= minX)
                maxX = minX + (offsets ? 1 : 3600 * 1000.0);
            x->setRange(minX, maxX);
        }
    }
    y->setRange(minY, maxY > minY ? maxY : minY + 1);
    y->applyNiceNumbers(); // round ticks: 0, 5, 10... not 6.825, 13.65
    const double interval = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    y->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(interval)));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setTitleBrush(palette().color(QPalette::Text));
    }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    if (m_timeAxis) {
        connect(m_timeAxis, &QValueAxis::rangeChanged, this, [this] {
            relabelTime();
            emitRangeLater();
        });
        relabelTime();
    }
    labelLegend();
    wireLegend();
}

void ChartView::labelLegend()
{
    QLegend *legend = chart()->legend();
    const QList<QLegendMarker *> markers = legend->markers();
    if (markers.isEmpty())
        return;
    // Many series: a column on the right, where each name has room; few: a row below.
    const bool side = markers.size() > 4;
    legend->setAlignment(side ? Qt::AlignRight : Qt::AlignBottom);
    const QFontMetrics fm(legend->font());
    const int room = side ? std::max(120, width() / 5)
                          : std::max(80, (width() - 60) / int(markers.size()) - 30);
    for (QLegendMarker *marker : markers) {
        const QString name = marker->type() == QLegendMarker::LegendMarkerTypeBar
                                 ? static_cast<QBarLegendMarker *>(marker)->barset()->label()
                                 : marker->series()->name();
        marker->setLabel(fm.elidedText(name, Qt::ElideMiddle, room));
    }
    if (side)
        legend->setMaximumWidth(room + 40);
}

QStringList ChartView::legendLabels() const
{
    QStringList out;
    if (chart())
        for (QLegendMarker *marker : chart()->legend()->markers())
            out << marker->label();
    return out;
}

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

void ChartView::relabelTime()
{
    if (!m_timeAxis || m_relabelling)
        return;
    m_relabelling = true;
    const double min = m_timeAxis->min(), max = m_timeAxis->max();
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    // A round step in UTC that gives at most about eight ticks.
    static const qint64 steps[] = {60'000,        5 * 60'000,    15 * 60'000,    30 * 60'000,
                                   3'600'000,     3 * 3'600'000, 6 * 3'600'000,  12 * 3'600'000,
                                   86'400'000,    2 * 86'400'000, 7 * 86'400'000, 14 * 86'400'000,
                                   30 * 86'400'000LL, 91 * 86'400'000LL, 365 * 86'400'000LL};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps)
        if ((max - min) / double(s) <= 8) {
            step = s;
            break;
        }
    const bool days = step >= 86'400'000;
    const QString format = days ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm");
    m_timeAxis->setStartValue(min);
    for (qint64 t = qint64(std::ceil(min / double(step))) * step; t <= max; t += step)
        m_timeAxis->append(utcAt(double(t)).toString(format), double(t));
    m_relabelling = false;
}

QStringList ChartView::timeAxisLabels() const
{
    if (m_timeAxis)
        return m_timeAxis->categoriesLabels();
    for (QAbstractAxis *axis : chart()->axes(Qt::Horizontal))
        if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis))
            return bars->categories();
    return {};
}

QList<double> ChartView::valueTicks() const
{
    QList<double> out;
    for (QAbstractAxis *axis : chart()->axes(Qt::Vertical))
        if (auto *v = qobject_cast<QValueAxis *>(axis)) {
            const int n = v->tickCount();
            for (int i = 0; i < n; ++i)
                out << v->min() + (v->max() - v->min()) * i / std::max(1, n - 1);
        }
    return out;
}

int ChartView::seriesCount() const
{
    int n = 0;
    for (QAbstractSeries *s : chart()->series())
        n += qobject_cast<QBarSeries *>(s) ? int(static_cast<QBarSeries *>(s)->count()) : 1;
    return n;
}

int ChartView::pointCount() const
{
    int n = 0;
    for (QAbstractSeries *s : chart()->series()) {
        if (auto *xy = qobject_cast<QXYSeries *>(s))
            n += int(xy->count());
        else if (auto *bars = qobject_cast<QBarSeries *>(s))
            for (QBarSet *set : bars->barSets())
                n += int(set->count());
    }
    return n;
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

void ChartView::wireLegend()
{
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            // Bar sets share one series; lines toggle their own.
            if (marker->type() == QLegendMarker::LegendMarkerTypeBar) {
                marker->setVisible(true);
                return;
            }
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            marker->setLabelBrush(marker->series()->isVisible()
                                      ? palette().color(QPalette::Text)
                                      : palette().color(QPalette::Disabled, QPalette::Text));
            clearHover();
        });
    }
}

void ChartView::emitRangeLater()
{
    m_rangeTimer->start();
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
