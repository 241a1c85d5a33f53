#pragma once

#include "core/browse/rowsecurity.h"
#include "core/pg/connectionsettings.h"

#include <QObject>

#include <optional>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QWidget;

namespace statescope::gui {

class JobRunner;

// "View as player" for a pane that reads a database under row-level security (the Tables
// and SQL panes): the setting its policies read (a box, shown when there are several) and
// the player (a field, shown when there is any), the database's policies read in the
// background, and the settings a pane's connections then carry in each transaction.
class ViewAsBar : public QObject
{
    Q_OBJECT
public:
    struct Names
    {
        QString settingBox, edit; // object names
        QString tooltip;
        int maxWidth = 300;
    };
    ViewAsBar(QWidget *owner, QHBoxLayout *row, JobRunner *jobs, const Names &names);

    // Forgets the player and reads the policies of `db` (none: nothing shown).
    void load(const std::optional<pg::ConnectionSettings> &db);
    // `db` viewing as `value` for `setting` (empty value: as yourself), after checking that
    // a policy reads the setting; Error(InvalidInput or Conflict) says why not.
    pg::ConnectionSettings apply(const pg::ConnectionSettings &db, const QString &setting, const QString &value);

    const std::optional<browse::RowSecurity> &rowSecurity() const { return m_rls; }
    const QString &setting() const { return m_setting; }
    const QString &value() const { return m_value; }
    QLineEdit *edit() const { return m_edit; }

signals:
    void read();                                                    // the policies are known
    void requested(const QString &setting, const QString &value);   // Enter in the field

private:
    JobRunner *m_jobs;
    QComboBox *m_settingBox;
    QLineEdit *m_edit;
    std::optional<browse::RowSecurity> m_rls;
    QString m_setting, m_value;
    QString m_database; // the one being read: a late answer for another is dropped
};

} // namespace statescope::gui
