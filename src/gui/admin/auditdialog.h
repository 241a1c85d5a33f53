#pragma once

#include "core/pg/connectionsettings.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace statescope::models {
class AuditLogModel;
}

namespace statescope::gui {

class Banner;
class JobRunner;
class ProgressPanel;

// What Statescope did and why, without the CLI (`db audit`): the local journal of
// server-level actions (reset, drop, move, restore, each with its dump and reason; a run
// killed midway flagged) and the selected database's own audit log (migrations, adoption,
// rollbacks, prunes), newest first, filtered by any word, read in the background. Reading
// only: nothing here changes anything.
class AuditDialog : public QDialog
{
    Q_OBJECT
public:
    // database: the selected database's settings, or none (the journal only).
    explicit AuditDialog(std::optional<pg::ConnectionSettings> database, QWidget *parent = nullptr);

    void refresh(); // F5
    // The database whose audit log is shown (none: the tab says to select one).
    void setDatabase(std::optional<pg::ConnectionSettings> database);

    models::AuditLogModel *journalModel() const { return m_journal; }
    models::AuditLogModel *databaseModel() const { return m_database; }
    QTableView *journalView() const { return m_journalView; }
    QTableView *databaseView() const { return m_databaseView; }
    QLabel *journalNote() const { return m_journalNote; }
    QLabel *databaseNote() const { return m_databaseNote; }
    JobRunner *runner() const { return m_runner; }           // the journal's reads
    JobRunner *databaseRunner() const { return m_dbRunner; } // the database's

private:
    void readJournal();
    void readDatabase();
    QWidget *page(models::AuditLogModel *model, QTableView *&view, QLabel *&note, QLineEdit *&filter,
                  const QString &name);

    std::optional<pg::ConnectionSettings> m_db;
    models::AuditLogModel *m_journal;
    models::AuditLogModel *m_database;
    QTableView *m_journalView = nullptr;
    QTableView *m_databaseView = nullptr;
    QLabel *m_journalNote = nullptr;
    QLabel *m_databaseNote = nullptr;
    QLineEdit *m_journalFilter = nullptr;
    QLineEdit *m_databaseFilter = nullptr;
    QTabWidget *m_tabs;
    JobRunner *m_runner;
    JobRunner *m_dbRunner;
    ProgressPanel *m_progress;
    Banner *m_banner;
    int m_generation = 0; // a database's answer that comes after another was selected is dropped
};

} // namespace statescope::gui
