#pragma once

#include "core/pg/connectionsettings.h"
#include "core/shard/shardset.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace statescope::gui {

// "New shard set": its name, the rule (empty: read from the generated column in the shards)
// and the shards, each a database on one of the open servers with the rule's values it holds
// (empty: its CHECK constraint says). OK refuses a set that does not validate and says why.
class ShardSetDialog : public QDialog
{
    Q_OBJECT
public:
    ShardSetDialog(const QList<QPair<QString, pg::ConnectionSettings>> &servers, QWidget *parent = nullptr);

    // The set as given (connections without a password). Throws InvalidInput for bad values.
    shard::ShardSet set() const;
    void addMember(int server = 0, const QString &database = {}, const QString &values = {});

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *ruleEdit() const { return m_rule; }
    QLineEdit *columnEdit() const { return m_column; }
    QSpinBox *slotsBox() const { return m_slots; }
    QTableWidget *memberTable() const { return m_members; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    QList<QPair<QString, pg::ConnectionSettings>> m_servers;
    QLineEdit *m_name;
    QLineEdit *m_rule;
    QLineEdit *m_column;
    QSpinBox *m_slots;
    QTableWidget *m_members;
    QLabel *m_error;
};

} // namespace statescope::gui
