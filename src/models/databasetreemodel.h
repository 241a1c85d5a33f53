#pragma once

#include "core/weekly/serveradmin.h"

#include <QAbstractItemModel>
#include <QList>

namespace statescope::models {

// A server's databases as a two-level tree: weekly families (by prefix) with their weeks
// beneath, then an "Other databases" group. Fed whole lists from background work;
// setDatabases() keeps selections sane by resetting only when the shape changes.
class DatabaseTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Week, Size, Schema, Pending, Sessions, ColumnCount };
    enum Role {
        DatabaseNameRole = Qt::UserRole + 1, // empty for family rows
        FamilyRole,                          // the prefix, for both kinds of row
        IsFamilyRole,
        SchemaVersionRole,
        PendingRole,
        BlockedRole,
    };

    explicit DatabaseTreeModel(QObject *parent = nullptr);

    void setDatabases(const QList<weekly::DatabaseInfo> &databases);
    const QList<weekly::DatabaseInfo> &databases() const { return m_all; }
    const weekly::DatabaseInfo *database(const QString &name) const;
    QModelIndex indexOfDatabase(const QString &name) const;
    QStringList families() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Family
    {
        QString prefix; // empty: other databases
        QList<weekly::DatabaseInfo> databases;
    };
    static constexpr quintptr kFamilyId = 0; // internalId of family rows; db rows: family+1

    QVariant familyData(const Family &family, int column, int role) const;
    QVariant databaseData(const weekly::DatabaseInfo &db, int column, int role) const;

    QList<Family> m_families;
    QList<weekly::DatabaseInfo> m_all;
};

} // namespace statescope::models
