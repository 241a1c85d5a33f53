#pragma once

#include "core/metrics/metrics.h"

#include <QChartView>
#include <QHash>

#include <optional>

class QCategoryAxis;
class QGraphicsEllipseItem;
class QGraphicsTextItem;
class QLabel;
class QValueAxis;
class QTimer;
class QXYSeries;

namespace statescope::gui {

// A time chart of metric series: line or bar. Hovering snaps to the nearest data point
// (never an interpolated value) and says its bucket, value and series; the time axis is UTC
// with dates, the value axis has round ticks, and the series take the colour-blind-safe
// palette. Legend markers hide and show their series; rubber-band zoom with the mouse, +/-
// and arrows on the keyboard, 0 to reset; a signal when the visible time range settles
// (to re-query a finer bucket). Time labels are as many as the width holds whole (the date
// goes to the axis title when every tick is on one day); a line breaks where samples are
// missing rather than drawing across the gap; a chart with nothing to draw says why instead
// of showing an empty grid.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    enum class Kind { Line, Bar };

    explicit ChartView(QWidget *parent = nullptr);

    // offsets: x is time since the reset (hours) rather than a date. bucketSeconds: the
    // width of one bucket, for the hover text ("14:00-15:00"); 0 when unknown.
    void setSeries(const QList<metrics::Series> &series, Kind kind, bool offsets,
                   const QString &title, qint64 bucketSeconds = 0);
    int seriesCount() const; // series drawn (one per input series, whatever its gaps)
    int segmentCount() const; // lines drawn: a series broken by gaps draws several
    int pointCount() const; // drawn points, after downsampling
    bool isOffsets() const { return m_offsets; }

    // What the hover shows now ("" when nothing is under the mouse), and the point it is on.
    QString hoverText() const { return m_hoverText; }
    // Snaps to the data point nearest to pos (view coordinates); false when none is close.
    bool hoverAt(const QPointF &pos);
    // The labels of the time axis as drawn (tests, and the screen reader).
    QStringList timeAxisLabels() const;
    QString timeAxisTitle() const;
    // The chart's texts drawn cut: to "..." by Qt Charts, or past the view's edge (tests).
    QStringList cutAxisLabels() const;
    // Whether a text of any chart view runs past the view's edge, which cuts it without "..."
    // (a label centred on a tick at the plot's end).
    static bool drawnPastView(const QGraphicsView *view, const QGraphicsTextItem *text);
    // What the chart says while it has nothing to draw ("" hides nothing: a default text).
    void setEmptyText(const QString &text);
    QString emptyText() const;
    bool showsEmptyText() const;
    // The value axis' tick values.
    QList<double> valueTicks() const;
    // How to use the chart, for a hint line beside it.
    static QString usage();

signals:
    void visibleRangeChanged(const QDateTime &from, const QDateTime &to);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    // The scene answers the help event with "no tooltip", which would hide the hovered
    // point's value a moment after the mouse stops: the value stays while the mouse does.
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

public:
    // The palette index each series of the last setSeries() was drawn with (tests).
    QList<int> colourIndexes() const { return m_drawn; }
    // The legend's texts: names that share a long beginning are shortened in the middle, so
    // no two entries read alike ("/systems/…/waypoints", "/systems/{system}").
    QStringList legendLabels() const;

private:
    // A palette index for each series: style::seriesColourFor() its name, unless another
    // series of the same chart holds that colour.
    QList<int> assignColours(const QList<metrics::Series> &series);
    void labelLegend();
    void applyPalette(); // the chart's background, texts and axes in the palette in use
    void wireLegend();
    void emitRangeLater();
    void relabelTime();
    void clearHover();
    QString describe(const QXYSeries *series, const QPointF &point) const;
    static QDateTime utcAt(double ms); // a time axis' value as UTC
    static QString valueText(double v); // "9", not "9.000000"
    int timeAxisWidth() const;
    void fitValueAxis(QValueAxis *y);
    void placeEmptyText();

    bool m_offsets = false;
    qint64 m_bucketMs = 0;
    QTimer *m_rangeTimer;
    std::optional<QPointF> m_panFrom; // middle button held: panning
    QCategoryAxis *m_timeAxis = nullptr;
    QGraphicsEllipseItem *m_marker = nullptr;
    QString m_hoverText;
    bool m_relabelling = false;
    int m_axisWidth = 0; // the time axis' width the labels were last chosen for
    int m_valueTicks = 0; // the value ticks the plot's height was last found to hold
    double m_minY = 0, m_maxY = 0;
    bool m_whole = true; // every value a whole number
    QLabel *m_empty;
    QString m_emptyText;
    QList<int> m_drawn;
};

} // namespace statescope::gui
