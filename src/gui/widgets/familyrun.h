#pragma once

#include "core/browse/familyquery.h"
#include "core/weekly/family.h"

#include <QDialog>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace statescope::models {
class FamilyResultModel;
}

namespace statescope::gui {

class ChartView;
class JobRunner;
class ProgressPanel;

// "Run on weeks…": which of the family's weeks to run the statement on (all that take
// connections, by default) and how many at once.
class FamilyRunDialog : public QDialog
{
    Q_OBJECT
public:
    FamilyRunDialog(const weekly::Family &family, const QString &sql, QWidget *parent = nullptr);

    QList<weekly::FamilyWeek> chosen() const;
    int parallelism() const;
    QListWidget *weekList() const { return m_weeks; }
    QSpinBox *parallelismBox() const { return m_parallelism; }

private:
    weekly::Family m_family;
    QListWidget *m_weeks;
    QSpinBox *m_parallelism;
};

// One statement run on several weeks, as a result tab of the SQL pane: the rows of every week
// in one grid as they arrive (a leading week column, and server when the weeks are on
// several), each week's state beside it (waiting, running with its rows so far, done in so
// many ms, failed and why), Stop for all of them, and a chart of a number column over a time
// column, a line per week.
class FamilyRunView : public QWidget
{
    Q_OBJECT
public:
    FamilyRunView(const QList<weekly::FamilyWeek> &weeks, const QString &sql,
                  const browse::FamilyQuery::Options &options, QWidget *parent = nullptr);
    // The shards of a set: a leading shard column instead of week, a row per shard beside.
    FamilyRunView(const QList<browse::FamilyQuery::Target> &shards, const QString &sql,
                  const browse::FamilyQuery::Options &options, QWidget *parent = nullptr);
    ~FamilyRunView() override;

    void start();
    void stop();
    bool isRunning() const;
    // Draws the chart of the chosen number column; false (and says why) when the result has
    // no time column or no number column.
    bool showChart();

    models::FamilyResultModel *model() const { return m_model; }
    QTableView *grid() const { return m_grid; }
    QTableWidget *weeksTable() const { return m_weekTable; }
    ChartView *chart() const { return m_chart; }
    QLabel *summary() const { return m_summary; }

signals:
    void firstRows();    // the first rows are on screen
    void finished();     // every week ended (or Stop)
    // Charted, the chart and the grid need this many pixels more than they have: the pane
    // holding the view may give them some (the SQL pane takes it from its editor).
    void wantsHeight(int pixels);

private:
    void fitChartAndGrid();
    void onBatch(const browse::FamilyBatch &batch);
    void setWeekState(int week, const QString &state, const QString &rows, const QString &time, bool failed = false);
    void updateSummary(bool done, bool cancelled = false);

    FamilyRunView(const QList<browse::FamilyQuery::Target> &targets, bool shards, const QString &sql,
                  const browse::FamilyQuery::Options &options, QWidget *parent);
    QList<browse::FamilyQuery::Target> m_targets;
    bool m_shards = false; // the targets are the shards of a set, not weeks
    QString m_sql;
    browse::FamilyQuery::Options m_options;
    models::FamilyResultModel *m_model;
    QTableView *m_grid;
    QTableWidget *m_weekTable;
    ChartView *m_chart;
    QComboBox *m_valueColumn;
    QPushButton *m_stop;
    QPushButton *m_chartButton;
    QLabel *m_summary;
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
    std::shared_ptr<std::atomic<bool>> m_enough; // the grid is full: the query stops
    int m_ended = 0;
    bool m_sawRows = false;
    bool m_running = false;
    bool m_askedForHeight = false;
};

} // namespace statescope::gui
