// Charts people can read (issue 13): hovering snaps to a real data point and says its
// bucket, exact value and series (never an interpolated 9.832258065 on hourly buckets, and
// no generic tooltip taking its place); the time axis is UTC with dates; value ticks are
// round; series have distinct colours from the colour-blind-safe palette.

#include "gui/widgets/chartview.h"
#include "gui/widgets/style.h"

#include <QAbstractAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <QToolTip>
#include <QHelpEvent>
#include <QApplication>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <array>
#include <cmath>

using namespace statescope;

namespace {

QDateTime at(int hour)
{
    return QDateTime(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc()).addSecs(hour * 3600);
}

// One line of samples drawn in a chart `width` pixels wide, shown and laid out.
bool showSamples(gui::ChartView &chart, int width, const decltype(metrics::Series::points) &points)
{
    chart.resize(width, 260);
    QList<metrics::Series> series(1);
    series[0].name = QStringLiteral("samples");
    series[0].points = points;
    chart.setSeries(series, gui::ChartView::Kind::Line, false, QStringLiteral("samples"));
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return false;
    QTest::qWait(50);
    return true;
}

// A line from 0 to `peak` in a 600 x 300 chart (not shown): its value axis as fitted.
void drawRamp(gui::ChartView &chart, double peak)
{
    chart.resize(600, 300);
    QList<metrics::Series> series(1);
    series[0].name = QStringLiteral("count");
    series[0].points.append({at(0), 0});
    series[0].points.append({at(1), peak});
    chart.setSeries(series, gui::ChartView::Kind::Line, false, QString());
}

// Round: 1, 2, 2.5 or 5 times a power of ten.
bool isRound(double step)
{
    if (step <= 0)
        return false;
    const double p = std::pow(10.0, std::floor(std::log10(step)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (std::abs(step - m * p) < 1e-9 * p)
            return true;
    return false;
}

} // namespace

class TestChartView : public QObject
{
    Q_OBJECT

    gui::ChartView m_chart;

private slots:
    void initTestCase()
    {
        QList<metrics::Series> series(2);
        series[0].name = QStringLiteral("/my/ships");
        series[1].name = QStringLiteral("/my/agent");
        // Odd values on purpose: an interpolating tooltip would show fractions between them.
        const int values[] = {3, 17, 4, 21, 9, 13, 6, 19, 2, 11, 7, 15};
        for (int h = 0; h < 12; ++h) {
            series[0].points.append({at(h), double(values[h])});
            series[1].points.append({at(h), double(values[11 - h]) * 0.5});
        }
        m_chart.resize(900, 500);
        m_chart.setSeries(series, gui::ChartView::Kind::Line, false, QStringLiteral("API events"), 3600);
        m_chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_chart));
    }

    void hoverSnapsToTheDataPoint()
    {
        auto *line = qobject_cast<QLineSeries *>(m_chart.chart()->series().first());
        QVERIFY(line);
        // On the line between 03:00 (21) and 04:00 (4), nearer 03:00, where the other series
        // is far below (1): snaps to the 03:00 point, with its exact value, not the line's.
        const QPointF p3 = m_chart.chart()->mapToPosition(line->at(3), line);
        const QPointF p4 = m_chart.chart()->mapToPosition(line->at(4), line);
        const QPointF between = p3 + (p4 - p3) * 0.2;
        QVERIFY(m_chart.hoverAt(m_chart.mapFromScene(m_chart.chart()->mapToScene(between))));
        QVERIFY2(m_chart.hoverText().contains(QLatin1String("2025-01-06 03:00 to 04:00 UTC")),
                 qPrintable(m_chart.hoverText()));
        QVERIFY2(m_chart.hoverText().endsWith(QLatin1String("/my/ships: 21")), qPrintable(m_chart.hoverText()));
        QVERIFY(!m_chart.hoverText().contains(QLatin1Char('.'))); // no interpolated fraction
        // The widget has no tooltip of its own to cover the point's.
        QVERIFY(m_chart.toolTip().isEmpty());
        // Far from every point: nothing.
        QVERIFY(!m_chart.hoverAt(QPointF(2, 2)));
        QVERIFY(m_chart.hoverText().isEmpty());
    }

    void theHoveredValueStaysWhileTheMouseDoes()
    {
        auto *line = qobject_cast<QLineSeries *>(m_chart.chart()->series().first());
        const QPoint p = m_chart.mapFromScene(m_chart.chart()->mapToScene(m_chart.chart()->mapToPosition(line->at(3), line)));
        QVERIFY(m_chart.hoverAt(p));
        QToolTip::showText(m_chart.viewport()->mapToGlobal(p), m_chart.hoverText(), &m_chart);
        // What Qt sends when the mouse rests: the scene alone would hide the text.
        QHelpEvent rest(QEvent::ToolTip, p, m_chart.viewport()->mapToGlobal(p));
        QApplication::sendEvent(m_chart.viewport(), &rest);
        QCOMPARE(QToolTip::text(), m_chart.hoverText());
        QVERIFY(QToolTip::isVisible());
        QToolTip::hideText();
    }

    void legendEntriesNeverReadAlike()
    {
        gui::ChartView chart;
        chart.resize(760, 520);
        QList<metrics::Series> series;
        for (const QString &name : {QStringLiteral("/my/agent"), QStringLiteral("/my/contracts"), QStringLiteral("/my/ships"),
                                    QStringLiteral("/my/ships/{symbol}"), QStringLiteral("/systems/{system}/waypoints/{waypoint}"),
                                    QStringLiteral("/systems/{system}/waypoints/{waypoint}/market")}) {
            metrics::Series s;
            s.name = name;
            s.points.append({at(0), 1});
            s.points.append({at(1), 2});
            series << s;
        }
        chart.setSeries(series, gui::ChartView::Kind::Line, false, QStringLiteral("API events"), 3600);
        const QStringList labels = chart.legendLabels();
        QCOMPARE(labels.size(), 6);
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), 6);
        // The end that tells two names apart is kept.
        QVERIFY2(labels.last().endsWith(QLatin1String("market")), qPrintable(labels.join(u'|')));
    }

    void timeAxisIsUtcWithDates()
    {
        // Twelve hours of one day: the date once, in the axis title; the ticks say the hour.
        const QStringList labels = m_chart.timeAxisLabels();
        QVERIFY(labels.size() >= 3);
        QVERIFY2(m_chart.timeAxisTitle().contains(QLatin1String("2025-01-06")), qPrintable(m_chart.timeAxisTitle()));
        QVERIFY2(m_chart.timeAxisTitle().contains(QLatin1String("UTC")), qPrintable(m_chart.timeAxisTitle()));
        // Ticks fall on round UTC times whatever the machine's zone.
        QVERIFY2(labels.contains(QStringLiteral("06:00")), qPrintable(labels.join(u'|')));
        // Over several days each label has its date.
        gui::ChartView week;
        week.resize(900, 400);
        QList<metrics::Series> series(1);
        series[0].name = QStringLiteral("w");
        for (int h = 0; h < 7 * 24; h += 6)
            series[0].points.append({at(h), double(h)});
        week.setSeries(series, gui::ChartView::Kind::Line, false, QStringLiteral("week"), 6 * 3600);
        for (const QString &l : week.timeAxisLabels())
            QVERIFY2(l.startsWith(QLatin1String("2025-01-")), qPrintable(l));
        QCOMPARE(week.timeAxisTitle(), QStringLiteral("time (UTC)"));
    }

    // Issue 36: at the sizes the panes give them (an Activity chart is 240 pixels wide, Run on
    // weeks shares its tab with the grid) every time label is drawn whole, never "2025-…".
    void timeLabelsAreWholeAtEverySize_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("hours");
        for (int w : {240, 320, 480, 700, 1100})
            for (int h : {1, 12, 7 * 24, 60 * 24}) {
                QTest::addRow("%d px, %d h", w, h) << w << h;
            }
    }
    void timeLabelsAreWholeAtEverySize()
    {
        QFETCH(int, width);
        QFETCH(int, hours);
        decltype(metrics::Series::points) points;
        const int step = std::max(1, hours * 60 / 100); // minutes
        for (int m = 0; m <= hours * 60; m += step)
            points.append({at(0).addSecs(m * 60 + 17), double(m % 7)});
        gui::ChartView chart;
        QVERIFY(showSamples(chart, width, points));
        // At least two ticks where the width holds them; the narrowest chart may hold one.
        QVERIFY2(chart.timeAxisLabels().size() >= (width >= 320 ? 2 : 1), qPrintable(chart.timeAxisLabels().join(u'|')));
        QVERIFY2(chart.cutAxisLabels().isEmpty(), qPrintable(chart.cutAxisLabels().join(u'|')));
    }

    // A range that ends on a round time puts a tick at the plot's very end: its label,
    // centred there, ran past the view ("10:08:3" on the Activity charts). It is left out.
    void timeLabelsStayInsideTheView_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("seconds");
        for (int w : {240, 320, 480, 700, 1100})
            for (int s : {60, 120, 3600}) {
                QTest::addRow("%d px, %d s", w, s) << w << s;
            }
    }
    void timeLabelsStayInsideTheView()
    {
        QFETCH(int, width);
        QFETCH(int, seconds);
        // From just past a round time to a round time: ticks at both ends of the range.
        decltype(metrics::Series::points) points;
        for (int s = 1; s <= seconds + 1; s += std::max(1, seconds / 60))
            points.append({at(0).addSecs(qMin(s, seconds)), double(s % 5)});
        gui::ChartView chart;
        QVERIFY(showSamples(chart, width, points));
        QVERIFY2(!chart.timeAxisLabels().isEmpty(), "no time label at all");
        QVERIFY2(chart.cutAxisLabels().isEmpty(), qPrintable(chart.cutAxisLabels().join(u'|')));
    }

    // A few seconds of samples (the Activity pane just opened) are drawn as the minute that
    // ends with the last one: the samples at the right edge, where the next ones come in,
    // never squeezed to the left of a minute that has not happened yet.
    void aShortSpanEndsAtItsLastSample()
    {
        decltype(metrics::Series::points) points;
        for (int s = 0; s <= 10; s += 5)
            points.append({at(0).addSecs(s), double(s)});
        gui::ChartView chart;
        QVERIFY(showSamples(chart, 480, points));
        const QList<QAbstractAxis *> axes = chart.chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        const auto *x = qobject_cast<QValueAxis *>(axes.first());
        QVERIFY(x);
        const double last = double(points.last().t.toMSecsSinceEpoch());
        QCOMPARE(x->max(), last);
        QCOMPARE(x->min(), last - 60'000.0);
        QVERIFY2(chart.cutAxisLabels().isEmpty(), qPrintable(chart.cutAxisLabels().join(u'|')));
    }

    // Samples missing for a while (the pane was hidden, the server away): the line stops
    // there rather than drawing a straight line across time nobody measured.
    void aLineBreaksWhereSamplesAreMissing()
    {
        gui::ChartView chart;
        chart.resize(600, 300);
        QList<metrics::Series> series(1);
        series[0].name = QStringLiteral("client sessions");
        const QDateTime t0 = at(0);
        for (int s = 0; s < 60; s += 5) // a minute at 5 s
            series[0].points.append({t0.addSecs(s), 3});
        for (int s = 3600; s < 3660; s += 5) // an hour later, another minute
            series[0].points.append({t0.addSecs(s), 4});
        series[0].points.append({t0.addSecs(7200), 5}); // a lone sample
        chart.setSeries(series, gui::ChartView::Kind::Line, false, QStringLiteral("Connections"));
        QCOMPARE(chart.seriesCount(), 1);
        QCOMPARE(chart.segmentCount(), 3);
        QCOMPARE(chart.pointCount(), 25);
        // One series, one name: the title says it, no legend repeats it (nor one per line).
        QVERIFY(!chart.chart()->legend()->isVisible());
        // Without gaps: one line.
        series[0].points.removeLast();
        series[0].points.erase(series[0].points.begin() + 12, series[0].points.end());
        chart.setSeries(series, gui::ChartView::Kind::Line, false, QStringLiteral("Connections"));
        QCOMPARE(chart.segmentCount(), 1);
    }

    // Nothing to draw: the chart says so, with no 0-to-1 grid that reads as data.
    void anEmptyChartSaysWhy()
    {
        gui::ChartView chart;
        chart.resize(600, 300);
        chart.setEmptyText(QStringLiteral("Choose a metric, then Run."));
        chart.setSeries({}, gui::ChartView::Kind::Line, false, QString());
        QVERIFY(chart.showsEmptyText());
        for (QAbstractAxis *axis : chart.chart()->axes())
            QVERIFY(!axis->isVisible());
        QList<metrics::Series> series(1);
        series[0].name = QStringLiteral("x");
        series[0].points.append({at(0), 2});
        chart.setSeries(series, gui::ChartView::Kind::Line, false, QString());
        QVERIFY(!chart.showsEmptyText());
    }

    // Counts never draw ticks that read 0, 0, 1, 1, 1.
    void wholeNumbersHaveWholeTicks_data()
    {
        QTest::addColumn<double>("peak");
        QTest::newRow("all zero") << 0.0;
        QTest::newRow("one") << 1.0;
        QTest::newRow("three") << 3.0;
        QTest::newRow("forty") << 40.0;
    }
    void wholeNumbersHaveWholeTicks()
    {
        QFETCH(double, peak);
        gui::ChartView chart;
        drawRamp(chart, peak);
        const QList<double> ticks = chart.valueTicks();
        QVERIFY(ticks.size() >= 2);
        for (double t : ticks)
            QVERIFY2(t == std::floor(t), qPrintable(QString::number(t)));
        QVERIFY(ticks.last() >= peak);
    }

    // The highest value is drawn below the plot's top border, never on it, round or not.
    void thePeakIsBelowTheTop_data()
    {
        QTest::addColumn<double>("peak");
        for (double peak : {1.0, 2.5, 3.0, 10.0, 40.0, 100.0, 0.5, 12345.0})
            QTest::newRow(qPrintable(QString::number(peak))) << peak;
    }
    void thePeakIsBelowTheTop()
    {
        QFETCH(double, peak);
        gui::ChartView chart;
        drawRamp(chart, peak);
        const QList<QAbstractAxis *> axes = chart.chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        const auto *y = qobject_cast<QValueAxis *>(axes.first());
        QVERIFY(y);
        QVERIFY2(y->max() > peak, qPrintable(QStringLiteral("top %1, peak %2").arg(y->max()).arg(peak)));
        // With no more room than a part of a step: the ticks stay round, the last at the peak
        // or above it, and no label is cut.
        const QList<double> ticks = chart.valueTicks();
        QVERIFY(ticks.size() >= 2);
        QVERIFY(ticks.last() >= peak);
        QVERIFY2(y->max() - ticks.last() < ticks[1] - ticks[0],
                 qPrintable(QStringLiteral("top %1, last tick %2").arg(y->max()).arg(ticks.last())));
        QVERIFY(isRound(ticks[1] - ticks[0]));
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVERIFY2(chart.cutAxisLabels().isEmpty(), qPrintable(chart.cutAxisLabels().join(u'|')));
    }

    void valueTicksAreRound()
    {
        const QList<double> ticks = m_chart.valueTicks();
        QVERIFY(ticks.size() >= 3);
        QVERIFY(isRound(ticks[1] - ticks[0]));
        QCOMPARE(std::fmod(ticks[0], ticks[1] - ticks[0]), 0.0);
    }

    void seriesHaveDistinctPaletteColours()
    {
        const auto all = m_chart.chart()->series();
        QCOMPARE(all.size(), 2);
        const QColor a = qobject_cast<QLineSeries *>(all[0])->pen().color();
        const QColor b = qobject_cast<QLineSeries *>(all[1])->pen().color();
        QVERIFY2(a != b, qPrintable(a.name()));
        // Far apart in hue, not two blues.
        const int dh = std::abs(a.hslHue() - b.hslHue());
        QVERIFY2(std::min(dh, 360 - dh) > 60 || std::abs(a.lightness() - b.lightness()) > 60,
                 qPrintable(QStringLiteral("%1 vs %2").arg(a.name(), b.name())));
    }

    // Every two colours of the palette told apart at a glance in a legend: CIE76 distance in
    // L*a*b* of 25 or more (two oranges, #e69f00 and #d55e00, were 22 apart and read alike).
    void paletteColoursAreFarApart()
    {
        const auto lab = [](const QColor &c) {
            const auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            const double r = lin(c.redF()), g = lin(c.greenF()), b = lin(c.blueF());
            const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b,
                         z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
            const auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
            return std::array<double, 3>{116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
        };
        for (int i = 0; i < gui::style::seriesColourCount(); ++i)
            for (int j = i + 1; j < gui::style::seriesColourCount(); ++j) {
                const auto p = lab(gui::style::seriesColour(i)), q = lab(gui::style::seriesColour(j));
                const double d = std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
                QVERIFY2(d >= 25, qPrintable(QStringLiteral("%1 and %2: %3 apart").arg(gui::style::seriesColour(i).name(),
                                                                                        gui::style::seriesColour(j).name()).arg(d)));
            }
    }

    // A week is drawn in the same colour in every chart of every session, whatever else is
    // drawn with it and in whatever order (W01 was grey in one session and blue in the next).
    void aWeekKeepsItsColourAcrossCharts()
    {
        const auto series = [](const QString &name) {
            metrics::Series s;
            s.name = name;
            s.points = {{QDateTime(QDate(2025, 1, 6), QTime(0, 0), Qt::UTC), 1.0},
                        {QDateTime(QDate(2025, 1, 6), QTime(1, 0), Qt::UTC), 2.0}};
            return s;
        };
        const auto coloursOf = [](gui::ChartView &chart) {
            QHash<QString, QColor> out;
            for (QAbstractSeries *s : chart.chart()->series())
                if (auto *line = qobject_cast<QLineSeries *>(s))
                    out.insert(line->name(), line->pen().color());
            return out;
        };
        gui::ChartView first, second;
        first.setSeries({series(QStringLiteral("spacetraders_2025_w01")), series(QStringLiteral("spacetraders_2025_w02")),
                         series(QStringLiteral("spacetraders_2025_w03"))},
                        gui::ChartView::Kind::Line, false, QString(), 3600);
        second.setSeries({series(QStringLiteral("spacetraders_2025_w03")), series(QStringLiteral("spacetraders_2025_w01"))},
                         gui::ChartView::Kind::Line, false, QString(), 3600);
        const auto a = coloursOf(first), b = coloursOf(second);
        QCOMPARE(a.size(), 3);
        QCOMPARE(b.value(QStringLiteral("spacetraders_2025_w01")), a.value(QStringLiteral("spacetraders_2025_w01")));
        QCOMPARE(b.value(QStringLiteral("spacetraders_2025_w03")), a.value(QStringLiteral("spacetraders_2025_w03")));
        QCOMPARE(a.value(QStringLiteral("spacetraders_2025_w01")), gui::style::seriesColour(0));
        QSet<QRgb> distinct;
        for (const QColor &c : a)
            distinct.insert(c.rgb());
        QCOMPARE(distinct.size(), 3);
    }
};

QTEST_MAIN(TestChartView)
#include "tst_chartview.moc"
