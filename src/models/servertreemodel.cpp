#include "models/servertreemodel.h"
#include "models/relationkind.h"

#include "models/ink.h"

#include "core/format.h"

#include <QFont>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace statescope::models {

struct ServerTreeModel::Node
{
    NodeKind kind = NodeKind::Server;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    // Server rows
    ServerInfo info;
    ServerState state = ServerState::Idle;
    QString message;
    QList<weekly::DatabaseInfo> databases;
    // Family rows: the prefix ("" for the server's other databases)
    QString prefix;
    // Database rows
    weekly::DatabaseInfo db;
    QString owner, ownerLabel; // rows under "Families across servers": the server holding it
    bool schemasAsked = false; // the schema tree was asked for (or is there)
    // Schema and relation rows
    QString schema;
    browse::RelationInfo relation;

    // The database a schema or relation row belongs to.
    const Node *databaseNode() const
    {
        const Node *n = this;
        while (n && n->kind != NodeKind::Database)
            n = n->parent;
        return n;
    }

    const QString &serverId() const
    {
        for (const Node *o = this; o; o = o->parent)
            if (!o->owner.isEmpty())
                return o->owner;
        const Node *n = this;
        while (n->parent)
            n = n->parent;
        return n->info.id;
    }
};

ServerTreeModel::ServerTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

ServerTreeModel::~ServerTreeModel() = default;

ServerTreeModel::Node *ServerTreeModel::serverNode(const QString &id) const
{
    for (const auto &s : m_servers)
        if (s->info.id == id)
            return s.get();
    return nullptr;
}

void ServerTreeModel::addServer(const ServerInfo &info)
{
    if (Node *s = serverNode(info.id)) {
        s->info = info;
        const QModelIndex at = indexOf(s);
        emit dataChanged(at, at);
        rebuildFamilies(); // its weeks there name it
        return;
    }
    auto node = std::make_unique<Node>();
    node->kind = NodeKind::Server;
    node->info = info;
    const int row = int(m_servers.size()); // before "Families across servers"
    beginInsertRows({}, row, row);
    m_servers.push_back(std::move(node));
    endInsertRows();
}

void ServerTreeModel::rebuildFamilies()
{
    struct Week
    {
        const Node *server;
        weekly::DatabaseInfo db;
    };
    QMap<QString, QList<Week>> byPrefix;
    for (const auto &s : m_servers)
        for (const weekly::DatabaseInfo &db : s->databases)
            if (db.weekly)
                byPrefix[db.weekly->prefix()].append({s.get(), db});
    QStringList shape;
    std::vector<std::unique_ptr<Node>> families;
    for (auto it = byPrefix.begin(); it != byPrefix.end(); ++it) {
        QList<Week> &weeks = it.value();
        QSet<const Node *> servers;
        for (const Week &w : weeks)
            servers.insert(w.server);
        if (servers.size() < 2)
            continue;
        std::stable_sort(weeks.begin(), weeks.end(), [](const Week &a, const Week &b) {
            return *a.db.weekly < *b.db.weekly;
        });
        auto family = std::make_unique<Node>();
        family->kind = NodeKind::Family;
        family->prefix = it.key();
        for (const Week &w : weeks) {
            auto node = std::make_unique<Node>();
            node->kind = NodeKind::Database;
            node->db = w.db;
            node->owner = w.server->info.id;
            node->ownerLabel = w.server->info.label;
            node->schemasAsked = true; // its schema tree is under its server
            node->parent = family.get();
            family->children.push_back(std::move(node));
            shape << w.server->info.id + QLatin1Char('/') + w.db.name + QLatin1Char('/') + w.server->info.label;
        }
        families.push_back(std::move(family));
    }
    if (shape == m_familiesShape && bool(m_families) == !families.empty())
        return;
    m_familiesShape = shape;
    const int row = int(m_servers.size());
    if (m_families) {
        beginRemoveRows({}, row, row);
        m_families.reset();
        endRemoveRows();
    }
    if (families.empty())
        return;
    auto group = std::make_unique<Node>();
    group->kind = NodeKind::Families;
    for (auto &f : families) {
        f->parent = group.get();
        group->children.push_back(std::move(f));
    }
    beginInsertRows({}, row, row);
    m_families = std::move(group);
    endInsertRows();
}

void ServerTreeModel::removeServer(const QString &id)
{
    for (size_t i = 0; i < m_servers.size(); ++i) {
        if (m_servers[i]->info.id != id)
            continue;
        beginRemoveRows({}, int(i), int(i));
        m_servers.erase(m_servers.begin() + qsizetype(i));
        endRemoveRows();
        rebuildFamilies();
        return;
    }
}

void ServerTreeModel::setServerState(const QString &id, ServerState state, const QString &message)
{
    Node *s = serverNode(id);
    if (!s)
        return;
    s->state = state;
    s->message = message;
    const QModelIndex at = indexOf(s);
    emit dataChanged(at, at);
}

void ServerTreeModel::setDatabases(const QString &id, const QList<weekly::DatabaseInfo> &databases)
{
    Node *s = serverNode(id);
    if (!s)
        return;
    const QModelIndex parent = indexOf(s);
    if (!s->children.empty()) {
        beginRemoveRows(parent, 0, int(s->children.size()) - 1);
        s->children.clear();
        endRemoveRows();
    }
    s->databases = databases;
    rebuildFamilies();
    std::vector<std::unique_ptr<Node>> families;
    std::unique_ptr<Node> other;
    for (const weekly::DatabaseInfo &db : databases) {
        Node *family = nullptr;
        if (!db.weekly) {
            if (!other) {
                other = std::make_unique<Node>();
                other->kind = NodeKind::Family;
            }
            family = other.get();
        } else {
            const QString prefix = db.weekly->prefix();
            auto it = std::find_if(families.begin(), families.end(),
                                   [&](const auto &f) { return f->prefix == prefix; });
            if (it == families.end()) {
                families.push_back(std::make_unique<Node>());
                families.back()->kind = NodeKind::Family;
                families.back()->prefix = prefix;
                it = families.end() - 1;
            }
            family = it->get();
        }
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Database;
        node->db = db;
        node->parent = family;
        family->children.push_back(std::move(node));
    }
    if (other)
        families.push_back(std::move(other));
    if (families.empty())
        return;
    beginInsertRows(parent, 0, int(families.size()) - 1);
    for (auto &f : families) {
        f->parent = s;
        s->children.push_back(std::move(f));
    }
    endInsertRows();
}

void ServerTreeModel::updateDatabases(const QString &id, const QList<weekly::DatabaseInfo> &databases)
{
    Node *s = serverNode(id);
    if (!s)
        return;
    QHash<QString, const weekly::DatabaseInfo *> byName;
    for (const weekly::DatabaseInfo &db : databases)
        byName.insert(db.name, &db);
    std::vector<Node *> rows;
    for (const auto &family : s->children)
        for (const auto &db : family->children) {
            if (!byName.contains(db->db.name)) {
                setDatabases(id, databases); // one went away meanwhile: listed anew
                return;
            }
            rows.push_back(db.get());
        }
    s->databases = databases;
    for (Node *n : rows) {
        n->db = *byName.value(n->db.name);
        const QModelIndex at = indexOf(n);
        emit dataChanged(at, at);
    }
}

void ServerTreeModel::setSchemas(const QString &serverId, const QString &database,
                                 const QList<browse::SchemaInfo> &schemas)
{
    const QModelIndex at = indexOfDatabase(serverId, database);
    Node *dbNode = nodeOf(at);
    if (!dbNode)
        return;
    dbNode->schemasAsked = true;
    if (!dbNode->children.empty()) {
        beginRemoveRows(at, 0, int(dbNode->children.size()) - 1);
        dbNode->children.clear();
        endRemoveRows();
    }
    if (schemas.isEmpty())
        return;
    std::vector<std::unique_ptr<Node>> nodes;
    for (const browse::SchemaInfo &sc : schemas) {
        auto schema = std::make_unique<Node>();
        schema->kind = NodeKind::Schema;
        schema->schema = sc.name;
        schema->parent = dbNode;
        for (const browse::RelationInfo &r : sc.relations) {
            auto rel = std::make_unique<Node>();
            rel->kind = NodeKind::Relation;
            rel->schema = sc.name;
            rel->relation = r;
            rel->parent = schema.get();
            for (const browse::RelationInfo &p : r.partitions) {
                auto part = std::make_unique<Node>();
                part->kind = NodeKind::Relation;
                part->schema = p.schema;
                part->relation = p;
                part->parent = rel.get();
                rel->children.push_back(std::move(part));
            }
            rel->relation.partitions.clear();
            schema->children.push_back(std::move(rel));
        }
        nodes.push_back(std::move(schema));
    }
    beginInsertRows(at, 0, int(nodes.size()) - 1);
    for (auto &n : nodes)
        dbNode->children.push_back(std::move(n));
    endInsertRows();
}

void ServerTreeModel::clearSchemas(const QString &serverId, const QString &database)
{
    const QModelIndex at = indexOfDatabase(serverId, database);
    Node *dbNode = nodeOf(at);
    if (!dbNode)
        return;
    if (!dbNode->children.empty()) {
        beginRemoveRows(at, 0, int(dbNode->children.size()) - 1);
        dbNode->children.clear();
        endRemoveRows();
    }
    dbNode->schemasAsked = false;
}

bool ServerTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *n = nodeOf(parent);
    if (n && n->kind == NodeKind::Database)
        return !n->schemasAsked || !n->children.empty();
    return rowCount(parent) > 0;
}

bool ServerTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *n = nodeOf(parent);
    return n && n->kind == NodeKind::Database && !n->schemasAsked;
}

void ServerTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *n = nodeOf(parent);
    if (!n || n->kind != NodeKind::Database || n->schemasAsked)
        return;
    n->schemasAsked = true;
    emit schemasRequested(n->serverId(), n->db.name);
}

QStringList ServerTreeModel::serverIds() const
{
    QStringList out;
    for (const auto &s : m_servers)
        out << s->info.id;
    return out;
}

bool ServerTreeModel::hasServer(const QString &id) const
{
    return serverNode(id) != nullptr;
}

ServerTreeModel::ServerInfo ServerTreeModel::serverInfo(const QString &id) const
{
    const Node *s = serverNode(id);
    return s ? s->info : ServerInfo{};
}

ServerTreeModel::ServerState ServerTreeModel::serverState(const QString &id) const
{
    const Node *s = serverNode(id);
    return s ? s->state : ServerState::Idle;
}

QList<weekly::DatabaseInfo> ServerTreeModel::databases(const QString &id) const
{
    const Node *s = serverNode(id);
    return s ? s->databases : QList<weekly::DatabaseInfo>{};
}

QModelIndex ServerTreeModel::indexOfServer(const QString &id) const
{
    return indexOf(serverNode(id));
}

QModelIndex ServerTreeModel::indexOfFamilies() const
{
    return indexOf(m_families.get());
}

QModelIndex ServerTreeModel::indexOfDatabase(const QString &serverId, const QString &database) const
{
    const Node *s = serverNode(serverId);
    if (!s)
        return {};
    for (const auto &family : s->children)
        for (const auto &db : family->children)
            if (db->db.name == database)
                return indexOf(db.get());
    return {};
}

ServerTreeModel::Node *ServerTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex ServerTreeModel::indexOf(const Node *node) const
{
    if (!node)
        return {};
    if (node == m_families.get())
        return createIndex(int(m_servers.size()), 0, const_cast<Node *>(node));
    const auto &siblings = node->parent ? node->parent->children : m_servers;
    for (size_t i = 0; i < siblings.size(); ++i)
        if (siblings[i].get() == node)
            return createIndex(int(i), 0, const_cast<Node *>(node));
    return {};
}

QModelIndex ServerTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid() && m_families && row == int(m_servers.size()))
        return createIndex(row, 0, m_families.get());
    const auto &children = parent.isValid() ? nodeOf(parent)->children : m_servers;
    if (row >= int(children.size()))
        return {};
    return createIndex(row, 0, children[size_t(row)].get());
}

QModelIndex ServerTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    return node ? indexOf(node->parent) : QModelIndex();
}

int ServerTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? nodeOf(parent)->children.size() : m_servers.size() + (m_families ? 1 : 0));
}

namespace {

// "1.2k", "35M": the planner's estimate is rough; three figures say it.
QString compactCount(double n)
{
    const QLocale locale;
    if (n < 1000)
        return locale.toString(qint64(n));
    static const char *const units[] = {"k", "M", "G", "T"};
    int unit = -1;
    while (n >= 1000 && unit < 3) {
        n /= 1000;
        ++unit;
    }
    return locale.toString(n, 'f', n < 10 ? 1 : 0) + QLatin1String(units[unit]);
}

// A relation's rows (the planner's) and size at a glance, beside its name in the tree; a
// plain view holds neither, a table never analysed has its size only.
QString figuresOf(const browse::RelationInfo &r)
{
    if (r.kind == browse::RelationInfo::Kind::View)
        return {};
    const QString size = format::bytes(r.sizeBytes);
    return r.estimatedRows < 0 ? size : QStringLiteral("\u2248%1 \u00B7 %2").arg(compactCount(r.estimatedRows), size);
}

} // namespace

int ServerTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ServerTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *n = nodeOf(index);
    if (!n)
        return {};
    switch (role) {
    case KindRole: return int(n->kind);
    case ServerIdRole: return n->serverId(); // empty for "Families across servers" and its families
    case DatabaseNameRole:
        if (const Node *d = n->databaseNode())
            return d->db.name;
        return {};
    case SchemaRole:
        return n->kind == NodeKind::Schema || n->kind == NodeKind::Relation ? n->schema : QVariant();
    case RelationRole: return n->kind == NodeKind::Relation ? n->relation.name : QVariant();
    case RelationKindRole: return n->kind == NodeKind::Relation ? int(n->relation.kind) : QVariant();
    case FiguresRole: return n->kind == NodeKind::Relation ? figuresOf(n->relation) : QVariant();
    case FamilyRole:
        if (n->kind == NodeKind::Family)
            return n->prefix;
        if (n->kind == NodeKind::Database)
            return n->db.weekly ? n->db.weekly->prefix() : QString();
        return {};
    case ServerStateRole: return n->kind == NodeKind::Server ? int(n->state) : QVariant();
    case ProductionRole: return n->kind == NodeKind::Server && n->info.production;
    default: break;
    }
    switch (n->kind) {
    case NodeKind::Server:
        if (role == Qt::DisplayRole) {
            switch (n->state) {
            case ServerState::Connecting: return tr("%1 (connecting…)").arg(n->info.label);
            case ServerState::Failed: return tr("%1 (not connected)").arg(n->info.label);
            case ServerState::Idle:
            case ServerState::Listed: break;
            }
            return n->info.label;
        }
        if (role == Qt::ToolTipRole)
            return n->message.isEmpty() ? n->info.detail
                                        : n->info.detail + QLatin1Char('\n') + n->message;
        if (role == Qt::DecorationRole && n->info.colour.isValid())
            return n->info.colour;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case NodeKind::Families:
        if (role == Qt::DisplayRole)
            return tr("Families across servers");
        if (role == Qt::ToolTipRole)
            return tr("Weekly families whose weeks live on several of the open servers, each as one family");
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case NodeKind::Family:
        if (role == Qt::DisplayRole && n->parent && n->parent->kind == NodeKind::Families) {
            QSet<QString> servers;
            for (const auto &c : n->children)
                servers.insert(c->owner);
            return tr("%1 (%n week(s) on %2 servers)", nullptr, int(n->children.size()))
                .arg(n->prefix)
                .arg(servers.size());
        }
        if (role == Qt::DisplayRole)
            return n->prefix.isEmpty() ? tr("Other databases")
                                       : tr("%1 (%n week(s))", nullptr, int(n->children.size()))
                                             .arg(n->prefix);
        return {};
    case NodeKind::Schema:
        if (role == Qt::DisplayRole)
            return n->schema;
        if (role == Qt::ToolTipRole)
            return tr("Schema %1: %n relation(s)", nullptr, int(n->children.size())).arg(n->schema);
        return {};
    case NodeKind::Relation: {
        const browse::RelationInfo &r = n->relation;
        if (role == Qt::DisplayRole)
            return r.foreignServer.isEmpty() ? r.name : tr("%1 (on %2)").arg(r.name, r.foreignServer);
        if (role == Qt::ToolTipRole) {
            QString tip = QStringLiteral("%1.%2 (%3)").arg(r.schema, r.name, relationKindLabel(r.kind));
            if (!r.foreignServer.isEmpty())
                tip += QLatin1Char('\n') + tr("A foreign table: its rows are on the foreign server %1 (postgres_fdw).")
                                               .arg(r.foreignServer);
            tip += QLatin1Char('\n') + (r.estimatedRows < 0 ? tr("never analysed")
                                                           : tr("≈ %L1 rows").arg(qint64(r.estimatedRows)));
            tip += QStringLiteral(", ") + format::bytes(r.sizeBytes);
            if (!r.partitionBounds.isEmpty())
                tip += QLatin1Char('\n') + r.partitionBounds;
            if (r.rowSecurity)
                tip += QLatin1Char('\n') + tr("row-level security");
            return tip;
        }
        if (role == Qt::ForegroundRole && (r.kind == browse::RelationInfo::Kind::View
                                           || r.kind == browse::RelationInfo::Kind::MaterializedView))
            return ink::text(ink::Meaning::Link);
        return {};
    }
    case NodeKind::Database:
        if (role == Qt::DisplayRole)
            return n->ownerLabel.isEmpty() ? n->db.name : tr("%1 on %2").arg(n->db.name, n->ownerLabel);
        if (role == Qt::ToolTipRole) {
            QString tip = n->db.name;
            if (!n->ownerLabel.isEmpty())
                tip += QLatin1Char('\n') + tr("On %1").arg(n->ownerLabel);
            if (n->db.weekly)
                tip += QLatin1Char('\n') + tr("Week %1").arg(n->db.weekly->isoWeekString());
            tip += QLatin1Char('\n') + format::bytes(n->db.sizeBytes);
            if (!n->db.problem.isEmpty())
                tip += QLatin1Char('\n') + n->db.problem;
            return tip;
        }
        return {};
    }
    return {};
}

} // namespace statescope::models
