#include "gui/widgets/chartview.h"

#include "gui/widgets/style.h"
#include "models/ink.h"

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
    // Compact: a chart shares its pane with a grid or three others, and every pixel of
    // margin is one its axis labels lack (Qt cuts them to "..." when they have no room).
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // One series is named by the title: no legend repeating it.
    chart->legend()->setVisible(input.size() > 1 || title.isEmpty());
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
            // minute (an hour since the reset): its ticks and labels are readable.
            if (maxX - minX < (offsets ? 1 : 60'000.0))
                maxX = minX + (offsets ? 1 : 60'000.0);
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
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setTitleBrush(palette().color(QPalette::Text));
    }
    const bool empty = std::none_of(input.begin(), input.end(), [](const metrics::Series &s) { return !s.points.isEmpty(); });
    if (empty) // no grid from 0 to 1 that reads as data: the text says why there is none
        for (QAbstractAxis *axis : chart->axes())
            axis->setVisible(false);
    QChart *old = this->chart();
    setChart(chart);
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
            if (marker->isVisible())
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

void ChartView::fitValueAxis(QValueAxis *y)
{
    // Qt Charts gives each value label the axis' height divided by the labels, and cuts one
    // with less room than its text to "...": as many round ticks as the height holds.
    const QRectF plot = chart() ? chart()->plotArea() : QRectF();
    const double height = plot.height() > 20 ? plot.height() : std::max(40, this->height() - 130);
    const int room = std::clamp(int(height / (QFontMetricsF(y->labelsFont()).height() * 1.6)), 2, 5);
    if (room == m_valueTicks)
        return;
    m_valueTicks = room;
    y->setTickCount(room);
    y->setRange(m_minY, m_maxY > m_minY ? m_maxY : m_minY + 1);
    y->applyNiceNumbers(); // round ticks: 0, 5, 10... not 6.825, 13.65
    double interval = (y->max() - y->min()) / std::max(1, y->tickCount() - 1);
    if (m_whole && interval < 1) {
        const double lo = std::floor(y->min()), hi = std::max(std::ceil(y->max()), lo + 1);
        y->setRange(lo, hi);
        // The most ticks the height holds that fall on whole numbers.
        const int span = int(hi - lo);
        int ticks = std::min(span + 1, room);
        while (ticks > 2 && span % (ticks - 1) != 0)
            --ticks;
        y->setTickCount(ticks);
        interval = double(span) / (ticks - 1);
    }
    y->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(interval)));
}

int ChartView::timeAxisWidth() const
{
    const QRectF plot = chart() ? chart()->plotArea() : QRectF();
    return plot.width() > 50 ? int(plot.width()) : std::max(100, width() - 120);
}

void ChartView::relabelTime()
{
    if (!m_timeAxis || m_relabelling)
        return;
    m_relabelling = true;
    const double min = m_timeAxis->min(), max = m_timeAxis->max();
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    // Round steps in UTC, each with the labels it can have, the fullest first. The date goes
    // to the axis title when every tick is on one day, the year when every tick is in one.
    static const qint64 steps[] = {10'000,        15'000,        30'000,
                                   60'000,        5 * 60'000,    15 * 60'000,    30 * 60'000,
                                   3'600'000,     3 * 3'600'000, 6 * 3'600'000,  12 * 3'600'000,
                                   86'400'000,    2 * 86'400'000, 7 * 86'400'000, 14 * 86'400'000,
                                   30 * 86'400'000LL, 91 * 86'400'000LL, 365 * 86'400'000LL};
    const QDate firstDay = utcAt(min).date(), lastDay = utcAt(max).date();
    const bool oneDay = firstDay == lastDay, oneYear = firstDay.year() == lastDay.year();
    struct Labels
    {
        QString format, title;
    };
    const auto labelsFor = [&](qint64 step) {
        QList<Labels> out;
        const QString utc = tr("time (UTC)");
        if (step >= 86'400'000) {
            out << Labels{QStringLiteral("yyyy-MM-dd"), utc};
            if (oneYear)
                out << Labels{QStringLiteral("MM-dd"), tr("%1 (UTC)").arg(firstDay.year())};
        } else if (oneDay) {
            const QString title = tr("%1 (UTC)").arg(firstDay.toString(Qt::ISODate));
            out << Labels{step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"), title};
        } else {
            out << Labels{step < 60'000 ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"), utc};
            if (oneYear)
                out << Labels{step < 60'000 ? QStringLiteral("MM-dd HH:mm:ss") : QStringLiteral("MM-dd HH:mm"),
                              tr("%1 (UTC)").arg(firstDay.year())};
        }
        return out;
    };
    // Qt Charts gives each label the axis' width divided by the labels plus one, less its
    // padding, and cuts a longer one to "...": the smallest step whose labels all fit whole,
    // the full form before the short one, at least two ticks before one.
    m_axisWidth = timeAxisWidth();
    const QFontMetricsF fm(m_timeAxis->labelsFont());
    const auto ticks = [&](qint64 step) { return int(std::floor(max / double(step)) - std::ceil(min / double(step))) + 1; };
    const auto fits = [&](qint64 step, const Labels &l) {
        const int n = ticks(step);
        const double room = m_axisWidth / double(n + 1) - 12;
        return n >= 1 && fm.horizontalAdvance(utcAt(min).toString(l.format)) + 8 <= room;
    };
    qint64 step = steps[std::size(steps) - 1];
    Labels chosen = labelsFor(step).last();
    bool found = false;
    for (int least : {2, 1}) {
        for (int form = 0; form < 2 && !found; ++form)
            for (qint64 s : steps) {
                const QList<Labels> options = labelsFor(s);
                if (form < options.size() && ticks(s) >= least && fits(s, options[form])) {
                    step = s;
                    chosen = options[form];
                    found = true;
                    break;
                }
            }
        if (found)
            break;
    }
    m_timeAxis->setTitleText(chosen.title);
    m_timeAxis->setStartValue(min);
    for (qint64 t = qint64(std::ceil(min / double(step))) * step; t <= max; t += step)
        m_timeAxis->append(utcAt(double(t)).toString(chosen.format), double(t));
    m_relabelling = false;
}

QString ChartView::timeAxisTitle() const
{
    return m_timeAxis ? m_timeAxis->titleText() : QString();
}

QStringList ChartView::cutAxisLabels() const
{
    QStringList out;
    if (!chart() || !scene())
        return out;
    // The labels Qt Charts cut to fit end in "...": whatever is drawn so is not read whole.
    for (QGraphicsItem *item : scene()->items()) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || !chart()->isAncestorOf(text))
            continue;
        const QString plain = text->toPlainText();
        if (plain.endsWith(QLatin1String("...")) || plain.endsWith(QChar(0x2026)))
            out << plain;
    }
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
