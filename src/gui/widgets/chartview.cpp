#include "gui/widgets/chartview.h"

#include "gui/widgets/style.h"
#include "models/ink.h"
#include "gui/widgets/themed.h"

#include <QApplication>
#include <QRegularExpression>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QCategoryAxis>
#include <QGraphicsEllipseItem>
#include <QGraphicsLayout>
#include <QGraphicsTextItem>
#include <QKeyEvent>
#include <QLabel>
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

#include <algorithm>
#include <cmath>
#include <iterator>

namespace statescope::gui {

namespace {

constexpr int kMaxBars = 120; // more buckets than this are drawn as lines

qreal xOf(const QDateTime &t, bool offsets)
{
    return offsets ? t.toSecsSinceEpoch() / 3600.0 : qreal(t.toMSecsSinceEpoch());
}


// Where a series has no samples for a while, its line stops: a gap is more than three times
// the usual distance between two points (the bucket when known, else the median distance).
QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double usual)
{
    QList<QList<QPointF>> out;
    if (points.isEmpty())
        return out;
    if (usual <= 0 && points.size() > 2) {
        QList<double> d;
        d.reserve(points.size() - 1);
        for (qsizetype i = 1; i < points.size(); ++i)
            d << points[i].x() - points[i - 1].x();
        std::nth_element(d.begin(), d.begin() + d.size() / 2, d.end());
        usual = d[d.size() / 2];
    }
    out.append(QList<QPointF>{points.first()});
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (usual > 0 && points[i].x() - points[i - 1].x() > 3 * usual)
            out.append(QList<QPointF>{});
        out.last().append(points[i]);
    }
    return out;
}

constexpr char kSegment[] = "statescopeSegment"; // 0 for a series' first line, 1.. for the rest

bool isFirstSegment(const QAbstractSeries *s)
{
    return s->property(kSegment).toInt() == 0;
}

} // namespace

QString ChartView::valueText(double v)
{
    // Whole numbers as whole numbers ("9", not "9.000000"); others to 10 significant digits.
    if (std::abs(v) < 1e15 && v == std::floor(v))
        return QLocale().toString(qint64(v));
    return QLocale().toString(v, 'g', 10);
}

QDateTime ChartView::utcAt(double ms)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms)), QTimeZone::utc());
}

ChartView::ChartView(QWidget *parent)
    : QChartView(parent), m_rangeTimer(new QTimer(this)), m_empty(new QLabel(viewport()))
{
    setObjectName(QStringLiteral("chartView"));
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    // No widget tooltip: it would replace the hovered point's own text a second later.
    setAccessibleDescription(usage());
    m_empty->setObjectName(QStringLiteral("chartEmptyText"));
    style::onThemeChange(this, [this] {
        applyPalette();
        placeEmptyText();
    });
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->setText(emptyText());
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
    // Each name has a colour of its own, the same in every chart and every session: a week by
    // its number (W01 blue, W02 orange, ...: neighbours far apart), any other name by a hash
    // of it. Two names of one chart wanting one colour: the later takes the next free one.
    QList<int> out(series.size(), -1);
    QSet<int> taken;
    const int n = style::seriesColourCount();
    for (qsizetype i = 0; i < series.size(); ++i) {
        int c = style::seriesColourFor(series[i].name);
        for (int tries = 0; tries < n && taken.contains(c); ++tries)
            c = (c + 1) % n;
        out[i] = c;
        taken.insert(c);
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
    // Compact: a chart shares its pane with a grid or three others, and every pixel of
    // margin is one its axis labels lack (Qt cuts them to "..." when they have no room).
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // One series is named by the title: no legend repeating it.
    chart->legend()->setVisible(input.size() > 1 || title.isEmpty());
    chart->legend()->setAlignment(Qt::AlignBottom);
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
            QPen pen(style::seriesColour(colours[index]));
            pen.setWidthF(2);
            QList<QPointF> points;
            const QList<metrics::Point> kept = metrics::downsampleLttb(s.points, budget);
            for (const auto &p : kept) {
                const QPointF pt(xOf(p.t, offsets), p.value);
                points.append(pt);
                maxY = std::max(maxY, p.value);
                minY = std::min(minY, p.value);
                minX = any ? std::min(minX, pt.x()) : pt.x();
                maxX = any ? std::max(maxX, pt.x()) : pt.x();
                any = true;
            }
            // Downsampled points are unevenly spaced: their own median says what a gap is.
            const double bucket = kept.size() < s.points.size() ? 0.0
                                  : offsets                      ? m_bucketMs / 3'600'000.0
                                                                 : double(m_bucketMs);
            QList<QList<QPointF>> segments = splitAtGaps(points, bucket);
            if (segments.isEmpty())
                segments.append(QList<QPointF>{}); // the series is still named in the legend
            for (qsizetype k = 0; k < segments.size(); ++k) {
                auto *line = new QLineSeries;
                line->setName(s.name);
                line->setPen(pen);
                line->setProperty(kSegment, int(k));
                line->setProperty("statescopeSeries", index);
                line->setPointsVisible(segments[k].size() == 1); // a lone sample is a dot
                line->replace(segments[k]);
                chart->addSeries(line);
                line->attachAxis(x);
                line->attachAxis(y);
            }
            ++index;
        }
        if (any) {
            // A span too short to hold a round tick (two samples 5 s apart) is drawn as a
            // minute (an hour since the reset): its ticks and labels are readable. Times end
            // at the last sample, as a live chart's do (Activity's first seconds sit at the
            // right edge, where the next samples come in, not squeezed to the left); hours
            // since the reset start at the reset.
            if (offsets && maxX - minX < 1)
                maxX = minX + 1;
            else if (!offsets && maxX - minX < 60'000.0)
                minX = maxX - 60'000.0;
            x->setRange(minX, maxX);
        }
    }
    m_whole = true; // counts: ticks 0, 1, 2, never 0, 0, 1, 1, 1 read at %.0f
    for (const auto &s : input)
        for (const auto &p : s.points)
            m_whole = m_whole && p.value == std::floor(p.value);
    m_minY = minY;
    m_maxY = maxY;
    m_valueTicks = 0;
    fitValueAxis(y);
    const bool empty = std::none_of(input.begin(), input.end(), [](const metrics::Series &s) { return !s.points.isEmpty(); });
    if (empty) // no grid from 0 to 1 that reads as data: the text says why there is none
        for (QAbstractAxis *axis : chart->axes())
            axis->setVisible(false);
    QChart *old = this->chart();
    setChart(chart);
    applyPalette();
    delete old;
    m_empty->setVisible(empty);
    placeEmptyText();
    m_axisWidth = 0;
    if (m_timeAxis) {
        connect(m_timeAxis, &QValueAxis::rangeChanged, this, [this] {
            relabelTime();
            emitRangeLater();
        });
        relabelTime();
    }
    // Labels as many as the chart's size holds, chosen again when the plot's size changes.
    connect(chart, &QChart::plotAreaChanged, this, [this, y] {
        fitValueAxis(y);
        if (m_timeAxis && std::abs(timeAxisWidth() - m_axisWidth) > 1)
            relabelTime();
    });
    labelLegend();
    wireLegend();
}

void ChartView::labelLegend()
{
    QLegend *legend = chart()->legend();
    QList<QLegendMarker *> markers;
    for (QLegendMarker *marker : legend->markers()) {
        if (marker->series() && !isFirstSegment(marker->series()))
            marker->setVisible(false); // a series broken by gaps is one entry
        else
            markers << marker;
    }
    if (markers.isEmpty())
        return;
    const QFontMetrics fm(legend->font());
    const auto nameOf = [](QLegendMarker *marker) {
        return marker->type() == QLegendMarker::LegendMarkerTypeBar ? static_cast<QBarLegendMarker *>(marker)->barset()->label()
                                                                    : marker->series()->name();
    };
    int longest = 0, row = 0;
    for (QLegendMarker *marker : markers) {
        const int need = fm.horizontalAdvance(nameOf(marker));
        longest = std::max(longest, need);
        row += need + 40; // the marker's box and the gap to the next
    }
    // Few short names: a row below; else a column on the right, as wide as the longest name
    // asks, up to what Qt Charts gives a side legend (two fifths of the chart inside its
    // margins, less the marker's box and the legend's margins): a legend says which line is
    // which. A name longer than that first loses what every name of its kind holds, the
    // names of an endpoint's path parameters ("/systems/{}/waypoints/{}/market"), and is cut
    // only past that.
    const bool side = markers.size() > 4 || row > width() - 60;
    legend->setAlignment(side ? Qt::AlignRight : Qt::AlignBottom);
    const QMargins around = chart()->margins();
    const int sideRoom = int((width() - around.left() - around.right()) * 0.4) - 36; // the marker's box, its margins and the legend's
    const int room = side ? std::min(longest, std::max(100, sideRoom))
                          : std::max(80, (width() - 60) / int(markers.size()) - 30);
    static const QRegularExpression parameter(QStringLiteral("\\{[^{}/]+\\}"));
    const bool shorten = longest > room; // every name alike, not one of them
    for (QLegendMarker *marker : markers) {
        QString name = nameOf(marker);
        if (shorten)
            name.replace(parameter, QStringLiteral("{}"));
        marker->setLabel(fm.elidedText(name, Qt::ElideMiddle, room));
    }
    if (side) // the name, its marker's box and the legend's own margins
        legend->setMaximumWidth(room + fm.height() + 40);
}

QStringList ChartView::legendLabels() const
{
    QStringList out;
    if (chart())
        for (QLegendMarker *marker : chart()->legend()->markers())
            if (marker->isVisible())
                out << marker->label();
    return out;
}

QString ChartView::emptyText() const
{
    return m_emptyText.isEmpty() ? tr("Nothing to draw yet.") : m_emptyText;
}

void ChartView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    m_empty->setText(emptyText());
    placeEmptyText();
}

void ChartView::applyPalette()
{
    const QPalette p = QApplication::palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setTitleBrush(p.color(QPalette::Text));
    c->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis *axis : c->axes()) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
    }
}

bool ChartView::showsEmptyText() const
{
    return !m_empty->isHidden();
}

void ChartView::placeEmptyText()
{
    QPalette p = m_empty->palette();
    p.setColor(QPalette::WindowText, models::ink::text(models::ink::Meaning::Muted, palette().color(QPalette::Base)));
    m_empty->setPalette(p);
    const QRect r = viewport()->rect().adjusted(24, 24, -24, -24);
    m_empty->setGeometry(r);
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeEmptyText();
    // The labels the new width holds, once the chart has laid itself out.
    if (m_timeAxis)
        QTimer::singleShot(0, this, [this] {
            if (m_timeAxis && std::abs(timeAxisWidth() - m_axisWidth) > 1)
                relabelTime();
        });
}

int ChartView::seriesCount() const
{
    int n = 0;
    for (QAbstractSeries *s : chart()->series())
        n += qobject_cast<QBarSeries *>(s) ? int(static_cast<QBarSeries *>(s)->count()) : isFirstSegment(s) ? 1 : 0;
    return n;
}

int ChartView::segmentCount() const
{
    int n = 0;
    for (QAbstractSeries *s : chart()->series())
        n += qobject_cast<QXYSeries *>(s) && static_cast<QXYSeries *>(s)->count() > 0 ? 1 : 0;
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

void ChartView::wireLegend()
{
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            // Bar sets share one series; lines toggle their own.
            if (marker->type() == QLegendMarker::LegendMarkerTypeBar) {
                marker->setVisible(true);
                return;
            }
            const bool show = !marker->series()->isVisible();
            const QVariant which = marker->series()->property("statescopeSeries");
            for (QAbstractSeries *s : chart()->series())
                if (s == marker->series() || (which.isValid() && s->property("statescopeSeries") == which))
                    s->setVisible(show);
            // Hiding a series hides its legend entries: the first comes back, the rest stay out.
            for (QLegendMarker *m : chart()->legend()->markers())
                m->setVisible(!m->series() || isFirstSegment(m->series()));
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

} // namespace statescope::gui
