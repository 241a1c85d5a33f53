// ChartView's axes: how many labels and ticks the chart's size holds, and what was drawn.
#include "gui/widgets/chartview.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>

namespace statescope::gui {

namespace {

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
    y->setTickType(QValueAxis::TicksFixed);
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
    // A peak on the top tick (10 of ticks 0, 5, 10; a ratio of 100 %) was drawn on the plot's
    // top border, where it read as the frame: a fifth of a step of room above it, the ticks
    // and their labels where they were.
    if (m_maxY > m_minY && m_maxY >= y->max() - interval * 1e-9) {
        y->setTickAnchor(y->min());
        y->setTickInterval(interval);
        y->setTickType(QValueAxis::TicksDynamic);
        y->setRange(y->min(), y->max() + interval / 5);
    }
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
    // Each label is centred on its tick: one that would run past the chart's edge (a tick at
    // the plot's very end) is left out, not cut by the view.
    const QRectF plot = chart() ? chart()->plotArea() : QRectF();
    const double chartWidth = chart() ? chart()->size().width() : 0;
    const bool placed = plot.width() > 50 && chartWidth >= plot.right() && max > min;
    const auto inside = [&](qint64 t, const QString &label) {
        if (!placed)
            return true;
        const double x = plot.left() + (double(t) - min) / (max - min) * plot.width();
        const double half = fm.horizontalAdvance(label) / 2 + 1;
        return x - half >= 0 && x + half <= chartWidth;
    };
    const auto each = [&](qint64 step, const QString &format, const std::function<void(qint64, const QString &)> &f) {
        for (qint64 t = qint64(std::ceil(min / double(step))) * step; t <= max; t += step)
            if (const QString label = utcAt(double(t)).toString(format); inside(t, label))
                f(t, label);
    };
    const auto ticks = [&](qint64 step, const QString &format) {
        // More than a chart's width could label: no need to place each (10 s steps over weeks).
        const int all = int(std::floor(max / double(step)) - std::ceil(min / double(step))) + 1;
        if (!placed || all > 200)
            return all;
        int n = 0;
        each(step, format, [&n](qint64, const QString &) { ++n; });
        return n;
    };
    const auto fits = [&](qint64 step, const Labels &l) {
        const int n = ticks(step, l.format);
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
                if (form < options.size() && ticks(s, options[form].format) >= least && fits(s, options[form])) {
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
    each(step, chosen.format, [this](qint64 t, const QString &label) { m_timeAxis->append(label, double(t)); });
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
        if (drawnPastView(this, text))
            out << QStringLiteral("%1 (past the edge)").arg(plain);
    }
    return out;
}

bool ChartView::drawnPastView(const QGraphicsView *view, const QGraphicsTextItem *text)
{
    if (text->toPlainText().trimmed().isEmpty())
        return false;
    const qreal margin = text->document()->documentMargin();
    const QRect ink = view->mapFromScene(text->sceneBoundingRect().adjusted(margin, margin, -margin, -margin))
                          .boundingRect();
    return !view->viewport()->rect().adjusted(-1, -1, 1, 1).contains(ink);
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
            if (v->tickType() == QValueAxis::TicksDynamic && v->tickInterval() > 0) {
                for (double t = v->tickAnchor(); t <= v->max() + v->tickInterval() * 1e-9; t += v->tickInterval())
                    out << t;
                continue;
            }
            const int n = v->tickCount();
            for (int i = 0; i < n; ++i)
                out << v->min() + (v->max() - v->min()) * i / std::max(1, n - 1);
        }
    return out;
}

} // namespace statescope::gui
