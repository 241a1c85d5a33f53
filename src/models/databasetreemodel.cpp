#include "databasetreemodel.h"

#include "models/ink.h"
#include "core/format.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace statescope::models {

DatabaseTreeModel::DatabaseTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void DatabaseTreeModel::setDatabases(const QList<weekly::DatabaseInfo> &databases, const QString &server,
                                     const QList<std::pair<QString, weekly::DatabaseInfo>> &elsewhere)
{
    QList<Family> families;
    Family other;
    auto familyOf = [&families](const QString &prefix) -> Family & {
        for (Family &f : families)
            if (f.prefix == prefix)
                return f;
        families.append({prefix, {}});
        return families.last();
    };
    for (const auto &db : databases) {
        if (!db.weekly)
            other.databases.append({db, {}});
        else
            familyOf(db.weekly->prefix()).databases.append({db, {}});
    }
    // Other servers' weeks join a family this server has, in week order.
    for (const auto &[where, db] : elsewhere) {
        if (!db.weekly)
            continue;
        bool here = false;
        for (const Family &f : families)
            here = here || f.prefix == db.weekly->prefix();
        if (!here)
            continue;
        Family &f = familyOf(db.weekly->prefix());
        const auto at = std::find_if(f.databases.begin(), f.databases.end(), [&](const Entry &e) {
            return e.db.weekly && *db.weekly < *e.db.weekly;
        });
        f.databases.insert(at, {db, where});
    }
    if (!other.databases.isEmpty())
        families.append(other);

    beginResetModel();
    m_families = families;
    m_all = databases;
    m_server = server;
    endResetModel();
}

const weekly::DatabaseInfo *DatabaseTreeModel::database(const QString &name) const
{
    for (const auto &db : m_all)
        if (db.name == name)
            return &db;
    return nullptr;
}

QModelIndex DatabaseTreeModel::indexOfDatabase(const QString &name) const
{
    for (int f = 0; f < m_families.size(); ++f)
        for (int r = 0; r < m_families[f].databases.size(); ++r)
            if (m_families[f].databases[r].elsewhere.isEmpty() && m_families[f].databases[r].db.name == name)
                return createIndex(r, 0, quintptr(f + 1));
    return {};
}

bool DatabaseTreeModel::spansServers() const
{
    for (const Family &f : m_families)
        for (const Entry &e : f.databases)
            if (!e.elsewhere.isEmpty())
                return true;
    return false;
}

QStringList DatabaseTreeModel::families() const
{
    QStringList out;
    for (const auto &f : m_families)
        if (!f.prefix.isEmpty())
            out << f.prefix;
    return out;
}

QModelIndex DatabaseTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_families.size() ? createIndex(row, column, kFamilyId) : QModelIndex();
    if (parent.internalId() != kFamilyId || parent.column() != 0)
        return {};
    const int family = parent.row();
    if (family >= m_families.size() || row >= m_families[family].databases.size())
        return {};
    return createIndex(row, column, quintptr(family + 1));
}

QModelIndex DatabaseTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kFamilyId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kFamilyId);
}

int DatabaseTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_families.size());
    if (parent.internalId() == kFamilyId && parent.column() == 0)
        return int(m_families[parent.row()].databases.size());
    return 0;
}

int DatabaseTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DatabaseTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kFamilyId)
        return familyData(m_families[index.row()], index.column(), role);
    const Family &family = m_families[int(index.internalId() - 1)];
    return databaseData(family.databases[index.row()], index.column(), role);
}

QVariant DatabaseTreeModel::familyData(const Family &family, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == Name)
            return family.prefix.isEmpty() ? tr("Other databases") : family.prefix;
        if (column == Week)
            return family.prefix.isEmpty()
                       ? tr("%n database(s)", nullptr, int(family.databases.size()))
                       : tr("%n week(s)", nullptr, int(family.databases.size()));
        if (column == Size) {
            qint64 total = 0;
            for (const auto &e : family.databases)
                total += e.db.sizeBytes;
            return format::bytes(total);
        }
        if (column == Server) {
            QStringList servers;
            for (const auto &e : family.databases) {
                const QString s = e.elsewhere.isEmpty() ? m_server : e.elsewhere;
                if (!s.isEmpty() && !servers.contains(s))
                    servers << s;
            }
            return servers.size() > 1 ? servers.join(QStringLiteral(", ")) : QString();
        }
        return {};
    case FamilyRole: return family.prefix;
    case IsFamilyRole: return true;
    case DatabaseNameRole: return QString();
    default: return {};
    }
}

QVariant DatabaseTreeModel::databaseData(const Entry &entry, int column, int role) const
{
    const weekly::DatabaseInfo &db = entry.db;
    if (!entry.elsewhere.isEmpty()) {
        // Another server's week: what its listing said, greyed, never a target of the actions.
        switch (role) {
        case Qt::DisplayRole:
            if (column == Server)
                return entry.elsewhere;
            if (column == Name || column == Week || column == Size)
                break;
            return {};
        case Qt::ToolTipRole:
            return tr("%1 lives on %2: select it there to act on it.").arg(db.name, entry.elsewhere);
        case Qt::ForegroundRole: return QBrush(ink::text(ink::Meaning::Muted));
        case ElsewhereRole: return entry.elsewhere;
        case DatabaseNameRole: return QString();
        case FamilyRole: return db.weekly ? db.weekly->prefix() : QString();
        case IsFamilyRole: return false;
        default: return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Server: return m_server;
        case Name: return db.name;
        case Week: return db.weekly ? db.weekly->isoWeekString() : QString();
        case Size: return format::bytes(db.sizeBytes);
        case Schema:
            if (!db.problem.isEmpty())
                return tr("unreadable");
            if (!db.inspected)
                return QStringLiteral("\u2026"); // being read (the sidebar lists names first)
            if (!db.managed) {
                // Another tool's history as tool and version ("Alembic 009"); the weekly
                // migrations do not apply, which is not a fault.
                if (db.foreignHistories.isEmpty())
                    return tr("own schema");
                QString first = db.foreignHistories.first();
                return first.left(first.indexOf(QLatin1String(" (")));
            }
            return tr("v%1").arg(db.schemaVersion);
        case Pending:
            // Always a value: a blank cell reads as "not loaded". Databases Statescope did
            // not create have no pending weekly migrations by definition.
            if (!db.problem.isEmpty())
                return QStringLiteral("\u2014");
            if (!db.inspected)
                return QStringLiteral("\u2026");
            if (!db.managed)
                return tr("n/a");
            if (db.blocked)
                return tr("blocked");
            return QLocale().toString(db.pending);
        case Sessions:
            return db.problem.isEmpty() ? QLocale().toString(db.sessions) : QStringLiteral("\u2014");
        }
        return {};
    case Qt::ToolTipRole:
        if (!db.problem.isEmpty())
            return db.problem;
        if (!db.inspected)
            return tr("Its schema state is being read.");
        if (!db.managed)
            return db.foreignHistories.isEmpty()
                       ? tr("Not created by Statescope; no migration history found.")
                       : tr("Not created by Statescope; managed by %1.").arg(db.foreignHistories.join(QStringLiteral(", ")));
        if (db.blocked)
            return tr("Migration blocked: a migration changed after it was applied, or the "
                      "schema is newer than this Statescope.");
        if (db.pending)
            return tr("%n migration(s) pending", nullptr, db.pending);
        return {};
    case Qt::ForegroundRole:
        if (column == Pending && db.managed && (db.blocked || db.pending))
            return QBrush(ink::text(db.blocked ? ink::Meaning::Danger : ink::Meaning::Warning));
        if (!db.problem.isEmpty())
            return QBrush(ink::text(ink::Meaning::Muted));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Size || column == Pending || column == Sessions)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DatabaseNameRole: return db.name;
    case FamilyRole: return db.weekly ? db.weekly->prefix() : QString();
    case IsFamilyRole: return false;
    case SchemaVersionRole: return db.schemaVersion;
    case PendingRole: return db.pending;
    case BlockedRole: return db.blocked;
    default: return {};
    }
}

QVariant DatabaseTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Database");
    case Week: return tr("Week");
    case Size: return tr("Size");
    case Schema: return tr("Schema");
    case Pending: return tr("Pending");
    case Sessions: return tr("Sessions");
    case Server: return tr("Server");
    }
    return {};
}

} // namespace statescope::models
