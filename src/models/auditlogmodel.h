#pragma once

#include "core/audit/auditlog.h"

#include <QAbstractTableModel>
#include <QSet>

namespace statescope::models {

// What Statescope wrote about what it did, newest first: the local journal of server-level
// actions (reset, drop, move, restore: an intent line before anything changes, then dumped,
// done or failed), or a database's own statescope.audit_log. An intent that no later line
// closes is a run killed midway: its rows are flagged (UnfinishedRole) and drawn as danger.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, User, Action, Target, Phase, Reason, Server, Details, ColumnCount };
    static constexpr int UnfinishedRole = Qt::UserRole + 1;

    explicit AuditLogModel(QObject *parent = nullptr);

    // journal: the local journal (phases and servers shown); else a database's audit log.
    void setEntries(const QList<audit::Entry> &entries, bool journal);
    void clear();
    const QList<audit::Entry> &entries() const { return m_entries; }
    // The intents no later line closes (audit::incomplete), with their dumps.
    const QList<audit::Entry> &unfinished() const { return m_unfinished; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<audit::Entry> m_entries;
    QList<audit::Entry> m_unfinished;
    QSet<QString> m_open; // operation ids of unfinished intents
    bool m_journal = false;
};

} // namespace statescope::models
