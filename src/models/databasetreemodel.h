#pragma once

#include "core/weekly/serveradmin.h"

#include <QAbstractItemModel>
#include <QList>

namespace statescope::models {

// A server's databases as a two-level tree: weekly families (by prefix) with their weeks
// beneath, then an "Other databases" group. Fed whole lists from background work.
// A family whose weeks live on several servers is one family here too: the weeks other
// servers hold are rows of it, in week order, naming their server; they are shown, never
// acted on (their DatabaseNameRole is empty: the actions work on this server only).
class DatabaseTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Week, Size, Schema, Pending, Sessions, Server, ColumnCount };
    enum Role {
        DatabaseNameRole = Qt::UserRole + 1, // empty for family rows
        FamilyRole,                          // the prefix, for both kinds of row
        IsFamilyRole,
        SchemaVersionRole,
        PendingRole,
        BlockedRole,
        ElsewhereRole, // week rows another server holds: that server's name
    };

    explicit DatabaseTreeModel(QObject *parent = nullptr);

    // This server's databases (named `server` in the Server column) and the weeks other
    // servers hold of the families (by prefix, as weekly::Family::FamilyWeek::server names them).
    void setDatabases(const QList<weekly::DatabaseInfo> &databases, const QString &server = {},
                      const QList<std::pair<QString, weekly::DatabaseInfo>> &elsewhere = {});
    const QList<weekly::DatabaseInfo> &databases() const { return m_all; }
    const weekly::DatabaseInfo *database(const QString &name) const;
    QModelIndex indexOfDatabase(const QString &name) const;
    QStringList families() const;
    bool spansServers() const; // a family here has weeks on another server

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        weekly::DatabaseInfo db;
        QString elsewhere; // the server holding it when that is not this one
    };
    struct Family
    {
        QString prefix; // empty: other databases
        QList<Entry> databases;
    };
    static constexpr quintptr kFamilyId = 0; // internalId of family rows; db rows: family+1

    QVariant familyData(const Family &family, int column, int role) const;
    QVariant databaseData(const Entry &entry, int column, int role) const;

    QList<Family> m_families;
    QList<weekly::DatabaseInfo> m_all;
    QString m_server;
};

} // namespace statescope::models
