#pragma once

#include "core/metrics/metrics.h"

#include <QChartView>

#include <optional>

class QTimer;
class QXYSeries;

namespace statescope::gui {

// A time chart of metric series: line or bar, tooltips with exact values, legend markers
// that hide and show their series, rubber-band zoom with the mouse, +/- and arrows on the
// keyboard, and a signal when the visible time range settles (to re-query a finer bucket).
class ChartView : public QChartView
{
    Q_OBJECT
public:
    enum class Kind { Line, Bar };

    explicit ChartView(QWidget *parent = nullptr);

    // offsets: x is time since the reset (hours) rather than a date.
    void setSeries(const QList<metrics::Series> &series, Kind kind, bool offsets,
                   const QString &title);
    int seriesCount() const;
    int pointCount() const; // drawn points, after downsampling
    bool isOffsets() const { return m_offsets; }

signals:
    void visibleRangeChanged(const QDateTime &from, const QDateTime &to);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void attachTooltips(QXYSeries *series);
    void wireLegend();
    void emitRangeLater();

    bool m_offsets = false;
    QTimer *m_rangeTimer;
    std::optional<QPointF> m_panFrom; // middle button held: panning
};

} // namespace statescope::gui
