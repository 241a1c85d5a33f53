#pragma once

#include "core/browse/familyquery.h"
#include "core/metrics/metrics.h"

#include <QAbstractTableModel>

#include <functional>
#include <optional>
#include <vector>

namespace statescope::models {

// The rows of a family query as they stream in: a leading week column (and server when the
// weeks are on several), then the first answering week's columns (browse::FamilyColumns). A
// week that failed or takes no connections is a row of its own, its error in the first data
// column and flagged (FailedRole). Rows stop at a limit (the grid is for reading, the CLI
// for all of it); reaching it is said by limitReached().
class FamilyResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int FailedRole = Qt::UserRole + 1;

    // leading: the first column's name ("week"; "shard" for the shards of a set).
    explicit FamilyResultModel(bool withServer, qint64 rowLimit = 200'000, QObject *parent = nullptr,
                               const QString &leading = QStringLiteral("week"));

    // One batch from browse::FamilyQuery (on the GUI thread). False once the limit is
    // reached: the query should stop.
    bool add(const browse::FamilyBatch &batch);
    void clear();

    qint64 rowLimit() const { return m_limit; }
    bool limitReached() const { return m_limitReached; }
    int failedWeeks() const { return m_failed; }
    // Columns a later week had and the grid does not (matched by name), for a note.
    QStringList droppedColumns() const { return m_dropped; }
    QString text(int row, int column) const; // "" for NULL
    bool isNull(int row, int column) const;

    // What can be charted: a column whose values all read as times, and the columns whose
    // values all read as numbers (both among the result's own columns).
    std::optional<int> timeColumn() const;
    QList<int> numberColumns() const;
    // One series per week (named by its week): time on x, `valueColumn` on y, in time order.
    QList<metrics::Series> seriesOf(int timeColumn, int valueColumn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        std::vector<std::optional<QByteArray>> cells;
        bool failed = false;
        int week = 0; // the week's place in the run: rows stand in week order, not as weeks finish
    };
    // Where rows of `week` go: after every row of its week and the weeks before it.
    int placeOf(int week) const;
    int leading() const { return m_withServer ? 2 : 1; }
    // Whether the column has a value (besides NULLs and failed weeks) and every one reads.
    bool everyValue(int column, const std::function<bool(const QString &)> &reads) const;

    bool m_withServer;
    QString m_leading;
    qint64 m_limit;
    bool m_limitReached = false;
    int m_failed = 0;
    browse::FamilyColumns m_columns;
    QStringList m_header;
    QStringList m_dropped;
    std::vector<Row> m_rows;
};

} // namespace statescope::models
