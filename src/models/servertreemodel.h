#pragma once

#include "core/browse/schema.h"
#include "core/weekly/serveradmin.h"

#include <QAbstractItemModel>
#include <QColor>

#include <memory>
#include <vector>

namespace statescope::models {

// The sidebar: every open server, each with its weekly families (by prefix) and their weeks,
// then its other databases; under each database, once it is expanded, its schemas with
// their tables (partitions folded under their parent), views and materialized views.
// Servers keep their rows when another server is listed again, so expansion and selection
// elsewhere survive a refresh.
// A family whose weeks live on several open servers (the live server and an archive) is
// also one node under a last top-level row, "Families across servers": all its weeks in week
// order, each naming its server (its ServerIdRole is that server's id, so choosing it is
// choosing that week there). That row exists only while such a family does.
class ServerTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class NodeKind { Server, Family, Database, Schema, Relation, Families };
    enum class ServerState { Idle, Connecting, Listed, Failed };
    enum Role {
        KindRole = Qt::UserRole + 1, // NodeKind as int
        ServerIdRole,                // every row
        DatabaseNameRole,            // database rows
        FamilyRole,                  // family and database rows: the prefix ("" for others)
        ServerStateRole,             // server rows: ServerState as int
        ProductionRole,              // server rows
        SchemaRole,                  // schema and relation rows
        RelationRole,                // relation rows: the relation's name
        RelationKindRole,            // relation rows: browse::RelationInfo::Kind as int
        FiguresRole,                 // relation rows: "≈1.2k · 96.0 KiB", the planner's rows and
                                     // the size on disk (empty for a view), drawn beside the name
    };

    struct ServerInfo
    {
        QString id;
        QString label;  // the profile's name
        QString detail; // user@host:port, shown as tooltip and second line
        QColor colour;  // invalid: none
        bool production = false;
    };

    explicit ServerTreeModel(QObject *parent = nullptr);
    ~ServerTreeModel() override;

    // Adds the server at the end, or updates its label, colour and flag if it is there.
    void addServer(const ServerInfo &info);
    void removeServer(const QString &id);
    void setServerState(const QString &id, ServerState state, const QString &message = {});
    // Replaces the server's families and databases.
    void setDatabases(const QString &id, const QList<weekly::DatabaseInfo> &databases);
    // The same databases with more said of them (schema states): rows are updated in place,
    // so expanded schema trees and the selection stay. A database no longer there is removed.
    void updateDatabases(const QString &id, const QList<weekly::DatabaseInfo> &databases);
    // The schema tree of one database (asked for with schemasRequested).
    void setSchemas(const QString &serverId, const QString &database,
                    const QList<browse::SchemaInfo> &schemas);
    // Forgets a database's schema tree, so the next expansion reads it again.
    void clearSchemas(const QString &serverId, const QString &database);

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

signals:
    // A database row was expanded for the first time: its schema tree is wanted.
    void schemasRequested(const QString &serverId, const QString &database);

public:

    QStringList serverIds() const;
    bool hasServer(const QString &id) const;
    ServerInfo serverInfo(const QString &id) const;
    ServerState serverState(const QString &id) const;
    QList<weekly::DatabaseInfo> databases(const QString &id) const;
    QModelIndex indexOfServer(const QString &id) const;
    QModelIndex indexOfDatabase(const QString &serverId, const QString &database) const;
    // The "Families across servers" row; invalid when no family spans servers.
    QModelIndex indexOfFamilies() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    Node *serverNode(const QString &id) const;
    QModelIndex indexOf(const Node *node) const;
    void rebuildFamilies();

    std::vector<std::unique_ptr<Node>> m_servers;
    std::unique_ptr<Node> m_families; // "Families across servers", when there is one
    QStringList m_familiesShape;      // what it holds, to leave it alone when nothing changed
};

} // namespace statescope::models
