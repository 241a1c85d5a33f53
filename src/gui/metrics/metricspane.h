#pragma once

#include "core/weekly/family.h"

#include "core/error.h"
#include "core/metrics/metrics.h"
#include "core/pg/connectionsettings.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTableWidget;
class QTreeWidget;

namespace statescope::models {
class SeriesTableModel;
}

namespace statescope::gui {

class ChartView;
class Banner;
class JobRunner;
class ProgressPanel;

// Analysts' view: a metric of one weekly database over time, or the same metric over
// several weeks of a family overlaid from each reset's start, as a chart, a table and a
// per-week summary; exports to PNG, SVG and CSV.
class MetricsPane : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsPane(QWidget *parent = nullptr);
    ~MetricsPane() override;

    void setServer(const std::optional<pg::ConnectionSettings> &server);
    // The week selected in the sidebar, and the databases of its family.
    void setDatabase(const QString &database, const QStringList &family);
    // Another week of the same family: the metric, its parameters, the chart settings and
    // the weeks ticked for comparing stay; a chart that was shown is drawn for the new week.
    void switchWeek(const QString &database, const QStringList &family);
    // The family over every open server (`here` names this pane's server): the weeks other
    // servers hold join the list to compare, each naming its server and read there.
    void setFamily(const weekly::Family &family, const QString &here);
    void setAdminMode(bool on);

    void selectMetric(const QString &id);
    void setParam(const QString &key, const QString &value);
    // databases: names on this server, "name on server" for another server's week.
    void setCompare(const QStringList &databases, metrics::Align align);
    void run();

    bool exportPng(const QString &path, QString *error = nullptr) const;
    bool exportSvg(const QString &path, QString *error = nullptr) const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    ChartView *chart() const { return m_chart; }
    JobRunner *runner() const { return m_runner; }
    const metrics::SeriesSet &shown() const { return m_shown; }
    QTableWidget *summaryTable() const { return m_summary; }

private:
    // The metric ids of the custom SQL metrics (and of "New SQL metric...") start with this.
    static QString customPrefix() { return QStringLiteral("custom:"); }
    void buildUi();
    void metricChanged();
    metrics::Query currentQuery() const;
    void runSingle(const metrics::Query &query, bool fromZoom);
    void runCompare(const metrics::Query &query);
    void display(const metrics::SeriesSet &set, bool offsets, const QDateTime &start,
              const QList<std::pair<QString, QDateTime>> &weekStarts = {});
    void loadViews();
    void refreshView();
    void saveCustom();
    void exportWithDialog(const QString &kind);
    void showError(const Error &error);
    void clearResults(); // chart, table, summary, caption and banner of another database

    std::optional<pg::ConnectionSettings> m_server;
    QString m_database;
    bool m_adminMode = false;
    bool m_keepMetric = false; // a week switch: the metric stays whatever the week has
    int m_generation = 0;
    metrics::SeriesSet m_shown;
    bool m_zoomed = false;

    QComboBox *m_metric;
    QLineEdit *m_endpoint;
    QLineEdit *m_path;
    QComboBox *m_agg;
    QLineEdit *m_status;
    QComboBox *m_bucket;
    QComboBox *m_kind;
    QCheckBox *m_compare;
    QListWidget *m_weeks;
    QList<weekly::FamilyWeek> m_familyWeeks; // the weeks listed from setFamily, by item data
    QStringList m_pendingTicks;              // ticked before a week switch, for setFamily
    bool m_runAfterFamily = false;           // a week switch ran nothing yet: weeks to come
    QComboBox *m_align;
    QPlainTextEdit *m_sql;
    QPushButton *m_saveSql;
    QPushButton *m_run;
    QTreeWidget *m_views;
    QPushButton *m_refreshView;
    ChartView *m_chart;
    models::SeriesTableModel *m_table;
    QTableView *m_tableView;
    QTableWidget *m_summary;
    QLabel *m_caption;
    JobRunner *m_runner;
    ProgressPanel *m_progress;
    Banner *m_messages;
};

} // namespace statescope::gui
