#include "models/auditlogmodel.h"

#include "models/ink.h"

#include <QTimeZone>

namespace statescope::models {

namespace {

QString detailsText(const nlohmann::json &details, bool pretty)
{
    if (!details.is_object() || details.empty())
        return {};
    return QString::fromStdString(details.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setEntries(const QList<audit::Entry> &entries, bool journal)
{
    beginResetModel();
    m_entries = entries;
    m_journal = journal;
    m_unfinished = journal ? audit::incomplete(entries) : QList<audit::Entry>{};
    m_open.clear();
    for (const audit::Entry &e : std::as_const(m_unfinished))
        m_open.insert(e.op);
    endResetModel();
}

void AuditLogModel::clear()
{
    setEntries({}, m_journal);
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const audit::Entry &e = m_entries[index.row()];
    const bool unfinished = !e.op.isEmpty() && m_open.contains(e.op);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return e.at.isValid() ? e.at.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
        case User: return e.osUser;
        case Action: return e.action;
        case Target: return e.target;
        case Phase:
            if (unfinished && e.phase == QLatin1String("intent"))
                return tr("intent, never finished");
            return e.phase;
        case Reason: return e.reason;
        case Server: return e.server;
        case Details: return detailsText(e.details, false);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Details)
            return detailsText(e.details, true);
        if (unfinished)
            return tr("Operation %1 never finished: Admin → the recovery panel finishes it or puts %2 back "
                      "(statescope-cli db recover).")
                .arg(e.op, e.target);
        return {};
    case Qt::ForegroundRole:
        if (unfinished || e.phase == QLatin1String("failed"))
            return ink::text(ink::Meaning::Danger);
        return {};
    case UnfinishedRole:
        return unfinished;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time (UTC)");
    case User: return tr("User");
    case Action: return tr("Action");
    case Target: return tr("Target");
    case Phase: return tr("Phase");
    case Reason: return tr("Reason");
    case Server: return tr("Server");
    case Details: return tr("Details");
    default: return {};
    }
}

} // namespace statescope::models
