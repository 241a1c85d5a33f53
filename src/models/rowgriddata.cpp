// What the row grid shows (rowgridmodel.h): the cells of the rows in memory and the header; a
// row scrolled to that is not read yet is noted, to be fetched (fetchMissing).
#include "models/rowgridmodel.h"

#include "models/ink.h"

#include "core/format.h"
#include "core/pg/connection.h"

#include <QBrush>
#include <QFont>
#include <QFutureWatcher>
#include <QPalette>
#include <QGuiApplication>

#include <algorithm>
#include <climits>

namespace statescope::models {

namespace {

// A column whose values are numbers (a table's type as the catalog names it, a statement's by
// its oid): right-aligned, so digits line up.
bool isNumberType(const QString &type)
{
    for (const char *t : {"smallint", "integer", "bigint", "numeric", "decimal", "real", "double precision", "oid", "money"})
        if (type.startsWith(QLatin1String(t)))
            return true;
    return false;
}

} // namespace

using browse::Row;

const Row *RowGridModel::rowAt(int row) const
{
    const int i = row - m_base;
    if (i < 0 || i >= int(m_rows.size()))
        return nullptr;
    return &m_rows[size_t(i)];
}

void RowGridModel::noteMiss(int row) const
{
    m_missLo = m_missLo < 0 ? row : std::min(m_missLo, row);
    m_missHi = std::max(m_missHi, row);
    auto *self = const_cast<RowGridModel *>(this);
    if (!self->m_missTimer.isActive())
        self->m_missTimer.start();
}

int RowGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int RowGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RowGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount || index.column() >= m_columns.size())
        return {};
    const Row *r = rowAt(index.row());
    if (!r) {
        if (role == Qt::DisplayRole) {
            noteMiss(index.row());
            return index.column() == 0 ? QStringLiteral("…") : QString();
        }
        return role == LoadedRole ? QVariant(false) : QVariant();
    }
    const size_t c = size_t(index.column());
    const std::optional<QByteArray> &cell = c < r->cells.size() ? r->cells[c] : std::nullopt;
    switch (role) {
    case Qt::DisplayRole: {
        if (!cell)
            return QStringLiteral("NULL");
        QString text = QString::fromUtf8(*cell);
        if (c < r->byteSizes.size() && r->byteSizes[c] >= 0) {
            // bytea: the start of its hex, and its size.
            if (text.size() > 66)
                text = text.left(66) + QStringLiteral("…");
            return QStringLiteral("%1 (%2)").arg(text, format::bytes(r->byteSizes[c]));
        }
        if (text.size() > 300 || text.contains(QLatin1Char('\n')))
            text = text.left(300).replace(QLatin1Char('\n'), QLatin1Char(' ')) + QStringLiteral("…");
        else if (c < r->cut.size() && r->cut[c])
            text += QStringLiteral("…");
        return text;
    }
    case Qt::ToolTipRole:
        if (!cell)
            return tr("NULL (no value; not an empty string)");
        return QString::fromUtf8(cell->left(2000));
    case Qt::ForegroundRole:
        if (!cell)
            return QBrush(ink::text(ink::Meaning::Muted));
        return {};
    case Qt::FontRole:
        if (!cell) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if ((m_details && int(c) < m_details->columns.size() && m_details->columns[int(c)].typeClass == layout::TypeClass::Int)
            || isNumberType(m_types.value(int(c))))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IsNullRole:
        return !cell;
    case LoadedRole:
        return true;
    case RawRole:
        return cell ? QVariant(*cell) : QVariant();
    case CutRole:
        return c < r->cut.size() && r->cut[c];
    default:
        return {};
    }
}

qint64 RowGridModel::rowNumber(int row) const
{
    const bool inWindow = row >= m_base && row < m_base + int(m_rows.size());
    return qint64(row) + 1 + (inWindow ? m_shift : 0);
}

bool RowGridModel::rowNumberIsExact(int row) const
{
    // Rows outside the window are exact only where the window's places are and need no
    // correction (rows next to it keep its places when read).
    const bool inWindow = row >= m_base && row < m_base + int(m_rows.size());
    return m_placesExact && (inWindow || m_shift == 0);
}

QVariant RowGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return rowNumberIsExact(section) ? QVariant(rowNumber(section))
                                             : QVariant(QStringLiteral("\u2248%1").arg(rowNumber(section)));
        if (role == Qt::ToolTipRole && !rowNumberIsExact(section))
            return tr("About this row number: the rows were reached by the planner's statistics, "
                      "not counted. It becomes exact once the rows before it are counted.");
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns[section];
    if (role == Qt::ToolTipRole)
        return section < m_types.size() ? m_types[section] : QString();
    return {};
}

} // namespace statescope::models
