#include "seriestablemodel.h"

#include <QLocale>
#include <QTimeZone>

#include <set>

namespace statescope::models {

SeriesTableModel::SeriesTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SeriesTableModel::setSeries(const QList<metrics::Series> &series, bool offsets)
{
    beginResetModel();
    m_series = series;
    m_offsets = offsets;
    m_byTime.clear();
    std::set<qint64> times;
    for (const metrics::Series &s : series) {
        QHash<qint64, double> values;
        for (const metrics::Point &p : s.points) {
            values.insert(p.t.toMSecsSinceEpoch(), p.value);
            times.insert(p.t.toMSecsSinceEpoch());
        }
        m_byTime.append(values);
    }
    m_times.clear();
    for (qint64 t : times)
        m_times.append(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()));
    endResetModel();
}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_times.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size()) + 1;
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QDateTime &t = m_times[index.row()];
    if (index.column() == 0) {
        if (role != Qt::DisplayRole)
            return {};
        if (m_offsets)
            return tr("+%1 h").arg(QLocale().toString(t.toSecsSinceEpoch() / 3600.0, 'f', 2));
        return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    const auto &values = m_byTime[index.column() - 1];
    const auto it = values.constFind(t.toMSecsSinceEpoch());
    switch (role) {
    case Qt::DisplayRole:
        return it == values.cend() ? QVariant() : QVariant(QLocale().toString(*it, 'g', 10));
    case Qt::EditRole: return it == values.cend() ? QVariant() : QVariant(*it);
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return m_offsets ? tr("Since reset") : tr("Time (UTC)");
    return section - 1 < m_series.size() ? m_series[section - 1].name : QString();
}

} // namespace statescope::models
