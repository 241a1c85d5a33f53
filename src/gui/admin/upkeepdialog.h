#pragma once

#include "core/pg/connectionsettings.h"
#include "core/upkeep/maintenance.h"
#include "core/upkeep/partitions.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace statescope::gui {

class Banner;
class JobRunner;

// A game database's upkeep, in admin mode (the CLI's "upkeep"): its time partitions made
// ahead and archived after an age, completed jobs archived, per-table autovacuum settings,
// indexes rebuilt concurrently, and the pg_cron jobs that run here. Everything is read in
// the background; every change is previewed, confirmed with the database's name and a
// reason, runs with progress and Cancel, and is journalled and audited.
class UpkeepDialog : public QDialog
{
    Q_OBJECT
public:
    UpkeepDialog(pg::ConnectionSettings db, QWidget *parent = nullptr);
    ~UpkeepDialog() override;

    void setAdminMode(bool on);
    void reload();
    void reject() override;
    const pg::ConnectionSettings &database() const { return m_db; }

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *tableCombo() const { return m_table; }
    QTableWidget *partitions() const { return m_partitions; }
    QTableWidget *vacuum() const { return m_vacuum; }
    QTableWidget *indexes() const { return m_indexes; }
    QTableWidget *cron() const { return m_cron; }
    QLabel *jobsLabel() const { return m_jobsLabel; }
    QLabel *cronLabel() const { return m_cronLabel; }
    QLabel *schemeLabel() const { return m_scheme; }
    Banner *banner() const { return m_banner; }
    QSpinBox *aheadSpin() const { return m_ahead; }
    QSpinBox *monthsSpin() const { return m_months; }

signals:
    void loaded();
    void changed(); // a change was made (the dialog reads everything again)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct State
    {
        QList<upkeep::PartitionedTable> tables;
        QString jobs;        // the jobs archive's plan, for people (or why there is none)
        bool jobsReady = false;
        QList<upkeep::TableVacuum> vacuum;
        QList<upkeep::IndexInfo> indexes;
        upkeep::CronListing cron;
    };
    QWidget *buildPartitions();
    QWidget *buildJobs();
    QWidget *buildVacuum();
    QWidget *buildIndexes();
    QWidget *buildCron();
    void showState(const State &state);
    void showPartitions();
    void updateActions();
    // Reads the plan in the background, shows it for confirmation, then runs the change.
    void confirmThen(const QString &title, const std::function<QString(TaskContext &)> &preview,
                     const std::function<QString(TaskContext &, const QString &reason)> &run);
    void createPartitions();
    void archivePartitions();
    void archiveJobs();
    void changeVacuum();
    void rebuildIndex();

    pg::ConnectionSettings m_db;
    bool m_adminMode = false;
    JobRunner *m_runner;
    Banner *m_banner;
    QTabWidget *m_tabs;
    State m_state;
    QComboBox *m_table;
    QLabel *m_scheme;
    QTableWidget *m_partitions;
    QSpinBox *m_ahead;
    QSpinBox *m_months;
    QPushButton *m_create;
    QPushButton *m_archive;
    QLabel *m_jobsLabel;
    QSpinBox *m_days;
    QPushButton *m_archiveJobs;
    QTableWidget *m_vacuum;
    QComboBox *m_option;
    QLineEdit *m_value;
    QPushButton *m_applyVacuum;
    QTableWidget *m_indexes;
    QPushButton *m_reindex;
    QTableWidget *m_cron;
    QLabel *m_cronLabel;
    QLabel *m_modeHint = nullptr;
};

} // namespace statescope::gui
