#pragma once

#include "core/metrics/metrics.h"

#include <QAbstractTableModel>

namespace statescope::models {

// Series side by side: one row per bucket time, one column per series. With reset-aligned
// comparisons the time column shows hours since the reset.
class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit SeriesTableModel(QObject *parent = nullptr);

    void setSeries(const QList<metrics::Series> &series, bool offsets);
    const QList<metrics::Series> &series() const { return m_series; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<metrics::Series> m_series;
    QList<QDateTime> m_times;                 // union of all series' times, ascending
    QList<QHash<qint64, double>> m_byTime;    // per series: msecs -> value
    bool m_offsets = false;
};

} // namespace statescope::models
