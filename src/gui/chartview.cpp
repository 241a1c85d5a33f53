#include "chartview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>

namespace statescope::gui {

namespace {

constexpr int kMaxBars = 120; // more buckets than this are drawn as lines

qreal xOf(const QDateTime &t, bool offsets)
{
    return offsets ? t.toSecsSinceEpoch() / 3600.0 : qreal(t.toMSecsSinceEpoch());
}

} // namespace

ChartView::ChartView(QWidget *parent) : QChartView(parent), m_rangeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("chartView"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Drag or wheel to zoom, right-click to zoom out, middle-drag or arrow keys "
                  "to pan, +/- to zoom, 0 to reset"));
    m_rangeTimer->setSingleShot(true);
    m_rangeTimer->setInterval(400);
    connect(m_rangeTimer, &QTimer::timeout, this, [this] {
        const auto axes = chart()->axes(Qt::Horizontal);
        if (axes.isEmpty() || m_offsets)
            return;
        if (auto *axis = qobject_cast<QDateTimeAxis *>(axes.first()))
            emit visibleRangeChanged(axis->min().toUTC(), axis->max().toUTC());
    });
}

void ChartView::setSeries(const QList<metrics::Series> &input, Kind kind, bool offsets,
                          const QString &title)
{
    m_offsets = offsets;
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // One pixel per point is all a screen can show: downsample what is beyond that.
    const int budget = std::max(200, width());
    qsizetype buckets = 0;
    for (const auto &s : input)
        buckets = std::max(buckets, s.points.size());
    const bool bars = kind == Kind::Bar && !offsets && buckets <= kMaxBars;

    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.4g"));
    double maxY = 0;
    if (bars) {
        // Bars need categories: the union of bucket times, in order.
        QList<QDateTime> times;
        for (const auto &s : input)
            for (const auto &p : s.points)
                if (!times.contains(p.t))
                    times.append(p.t);
        std::sort(times.begin(), times.end());
        auto *series = new QBarSeries;
        for (const auto &s : input) {
            auto *set = new QBarSet(s.name);
            for (const QDateTime &t : times) {
                double v = 0;
                for (const auto &p : s.points)
                    if (p.t == t)
                        v = p.value;
                *set << v;
                maxY = std::max(maxY, v);
            }
            connect(set, &QBarSet::hovered, this, [set, times](bool on, int index) {
                if (on)
                    QToolTip::showText(QCursor::pos(),
                                       QStringLiteral("%1\n%2: %3")
                                           .arg(times[index].toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                set->label(), QLocale().toString(set->at(index), 'g', 10)));
            });
            series->append(set);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        QStringList labels;
        for (const QDateTime &t : times)
            labels << t.toString(QStringLiteral("MM-dd HH:mm"));
        x->append(labels);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    } else {
        QAbstractAxis *x = nullptr;
        if (offsets) {
            auto *v = new QValueAxis;
            v->setTitleText(tr("hours since the reset"));
            v->setLabelFormat(QStringLiteral("%.0f"));
            x = v;
        } else {
            auto *d = new QDateTimeAxis;
            d->setFormat(QStringLiteral("MM-dd HH:mm"));
            d->setTitleText(tr("local time"));
            x = d;
        }
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (const auto &s : input) {
            auto *line = new QLineSeries;
            line->setName(s.name);
            QList<QPointF> points;
            for (const auto &p : metrics::downsampleLttb(s.points, budget)) {
                points.append({xOf(p.t, offsets), p.value});
                maxY = std::max(maxY, p.value);
            }
            line->replace(points);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
            attachTooltips(line);
        }
        if (auto *d = qobject_cast<QDateTimeAxis *>(x))
            connect(d, &QDateTimeAxis::rangeChanged, this, &ChartView::emitRangeLater);
    }
    y->setRange(0, maxY > 0 ? maxY * 1.05 : 1);
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    wireLegend();
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

void ChartView::attachTooltips(QXYSeries *series)
{
    connect(series, &QXYSeries::hovered, this, [this, series](const QPointF &point, bool on) {
        if (!on)
            return QToolTip::hideText();
        const QString x = m_offsets
                              ? tr("+%1 h").arg(QLocale().toString(point.x(), 'f', 2))
                              : QDateTime::fromMSecsSinceEpoch(qint64(point.x()))
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2: %3")
                                               .arg(x, series->name(),
                                                    QLocale().toString(point.y(), 'g', 10)));
    });
}

void ChartView::wireLegend()
{
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            // Bar sets share one series; lines toggle their own.
            if (marker->type() == QLegendMarker::LegendMarkerTypeBar) {
                marker->setVisible(true);
                return;
            }
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            marker->setLabelBrush(marker->series()->isVisible() ? QBrush(Qt::black)
                                                                 : QBrush(Qt::gray));
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
    QChartView::mouseMoveEvent(event);
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
    emitRangeLater();
    event->accept();
}

} // namespace statescope::gui
