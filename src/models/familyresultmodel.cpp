#include "models/familyresultmodel.h"

#include "models/ink.h"

#include "core/timestamp.h"
#include "core/weekly/weeklyname.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <map>

namespace statescope::models {

FamilyResultModel::FamilyResultModel(bool withServer, qint64 rowLimit, QObject *parent, const QString &leading)
    : QAbstractTableModel(parent), m_withServer(withServer), m_leading(leading), m_limit(rowLimit),
      m_columns(withServer, leading)
{
    m_header = m_columns.header();
}

void FamilyResultModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_columns = browse::FamilyColumns(m_withServer, m_leading);
    m_header = m_columns.header();
    m_dropped.clear();
    m_failed = 0;
    m_limitReached = false;
    endResetModel();
}

bool FamilyResultModel::add(const browse::FamilyBatch &batch)
{
    using Kind = browse::FamilyBatch::Kind;
    if (batch.kind == Kind::Started)
        return true;
    if (batch.kind == Kind::Done)
        return !m_limitReached;
    if (batch.kind == Kind::Failed || batch.kind == Kind::Unavailable) {
        Row row;
        row.failed = true;
        row.week = batch.week;
        const auto week = weekly::WeeklyName::parse(batch.database);
        row.cells.push_back((week ? week->isoWeekString() : batch.database).toUtf8());
        if (m_withServer)
            row.cells.push_back(batch.server.toUtf8());
        row.cells.push_back((batch.kind == Kind::Unavailable ? tr("unavailable: %1") : tr("failed: %1"))
                                .arg(batch.error)
                                .toUtf8());
        ++m_failed;
        const int at = placeOf(batch.week);
        if (!m_columns.isSet() && columnCount() < leading() + 1) {
            // No week has answered yet: a column to hold the error until one does.
            beginInsertColumns({}, leading(), leading());
            m_header << tr("error");
            endInsertColumns();
        }
        beginInsertRows({}, at, at);
        m_rows.insert(m_rows.begin() + at, std::move(row));
        endInsertRows();
        return !m_limitReached;
    }
    if (m_limitReached)
        return false;
    if (!m_columns.isSet() && !batch.columns.isEmpty()) {
        m_columns.setFrom(batch.columns, batch.types);
        const QStringList header = m_columns.header();
        const int before = int(m_header.size());
        if (int(header.size()) > before) {
            beginInsertColumns({}, before, int(header.size()) - 1);
            m_header = header;
            endInsertColumns();
        } else if (int(header.size()) < before) {
            beginRemoveColumns({}, int(header.size()), before - 1);
            m_header = header;
            endRemoveColumns();
        } else {
            m_header = header;
            emit headerDataChanged(Qt::Horizontal, 0, int(m_header.size()) - 1);
        }
    }
    const qint64 room = m_limit - qint64(m_rows.size());
    const size_t take = size_t(std::clamp<qint64>(qint64(batch.rows.size()), 0, room));
    if (take > 0) {
        const int at = placeOf(batch.week);
        beginInsertRows({}, at, at + int(take) - 1);
        std::vector<Row> rows;
        rows.reserve(take);
        for (size_t r = 0; r < take; ++r)
            rows.push_back({m_columns.place(batch, r, &m_dropped), false, batch.week});
        m_rows.insert(m_rows.begin() + at, std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
        endInsertRows();
    }
    if (take < batch.rows.size())
        m_limitReached = true;
    return !m_limitReached;
}

int FamilyResultModel::placeOf(int week) const
{
    return int(std::upper_bound(m_rows.begin(), m_rows.end(), week, [](int w, const Row &r) { return w < r.week; }) - m_rows.begin());
}

QString FamilyResultModel::text(int row, int column) const
{
    if (row < 0 || size_t(row) >= m_rows.size() || column < 0)
        return {};
    const auto &cells = m_rows[size_t(row)].cells;
    if (size_t(column) >= cells.size() || !cells[size_t(column)])
        return {};
    return QString::fromUtf8(*cells[size_t(column)]);
}

bool FamilyResultModel::isNull(int row, int column) const
{
    if (row < 0 || size_t(row) >= m_rows.size() || column < 0)
        return true;
    const auto &cells = m_rows[size_t(row)].cells;
    return size_t(column) >= cells.size() || !cells[size_t(column)];
}

bool FamilyResultModel::everyValue(int column, const std::function<bool(const QString &)> &reads) const
{
    bool any = false;
    for (size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].failed || isNull(int(r), column))
            continue;
        if (!reads(text(int(r), column)))
            return false;
        any = true;
    }
    return any;
}

std::optional<int> FamilyResultModel::timeColumn() const
{
    for (int c = leading(); c < columnCount(); ++c)
        if (everyValue(c, [](const QString &v) { return Timestamp::parse(v).has_value(); }))
            return c;
    return std::nullopt;
}

QList<int> FamilyResultModel::numberColumns() const
{
    QList<int> out;
    for (int c = leading(); c < columnCount(); ++c)
        if (everyValue(c, [](const QString &v) {
                bool ok = false;
                v.toDouble(&ok);
                return ok;
            }))
            out << c;
    return out;
}

QList<metrics::Series> FamilyResultModel::seriesOf(int timeColumn, int valueColumn) const
{
    std::map<QString, metrics::Series> byWeek; // ISO week strings sort in week order
    for (size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].failed || isNull(int(r), timeColumn) || isNull(int(r), valueColumn))
            continue;
        const auto t = Timestamp::parse(text(int(r), timeColumn));
        bool ok = false;
        const double v = text(int(r), valueColumn).toDouble(&ok);
        if (!t || !ok)
            continue;
        QString week = text(int(r), 0);
        if (m_withServer)
            week += QStringLiteral(" (%1)").arg(text(int(r), 1));
        metrics::Series &s = byWeek[week];
        s.name = week;
        s.points.append({t->toDateTime(), v});
    }
    QList<metrics::Series> out;
    for (auto &[week, s] : byWeek) {
        std::stable_sort(s.points.begin(), s.points.end(),
                         [](const metrics::Point &a, const metrics::Point &b) { return a.t < b.t; });
        out.append(s);
    }
    return out;
}

int FamilyResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FamilyResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant FamilyResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size() || index.column() >= columnCount())
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (isNull(index.row(), index.column()))
            return row.failed ? QVariant() : QVariant(QStringLiteral("NULL"));
        return text(index.row(), index.column());
    case Qt::ForegroundRole:
        if (row.failed)
            return QBrush(ink::text(ink::Meaning::Danger));
        if (isNull(index.row(), index.column()))
            return QBrush(ink::text(ink::Meaning::Muted));
        return {};
    case Qt::ToolTipRole:
        return row.failed ? text(index.row(), leading()) : QVariant();
    case FailedRole:
        return row.failed;
    default:
        return {};
    }
}

QVariant FamilyResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_header.value(section);
}

} // namespace statescope::models
