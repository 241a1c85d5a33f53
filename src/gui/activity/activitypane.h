#pragma once

#include "core/activity/activity.h"
#include "core/pg/connectionsettings.h"
#include "core/pg/formation.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTableWidgetItem;
class QTimer;
class QTreeWidget;

namespace statescope {
class Error;
}

namespace statescope::gui {

class Banner;
class ChartView;
class ElidingLabel;
class JobRunner;
class ProgressPanel;

// What the selected server is doing now (issue 25): its sessions, who blocks whom, the
// costliest statements, replication, PgBouncer's pools and each database's health against
// thresholds, optionally narrowed to one database. Only the tab on screen is read, every few
// seconds while the pane is shown and not paused, each time on a connection of its own in the
// background; at each of those ticks, whatever the tab, the server's counters are sampled too
// (kept in memory, the last kHistoryCapacity samples) for the Charts tab, which can export
// them. In admin mode a statement can be cancelled or a session terminated (one, every session
// of the database, or every session blocking a chosen one) after a preview that names them and
// a typed confirmation with a reason; never this Statescope's own sessions.
class ActivityPane : public QWidget
{
    Q_OBJECT
public:
    enum Tab { SessionsTab, LocksTab, StatementsTab, ReplicationTab, PoolsTab, HealthTab, ChartsTab };
    // Samples kept for the charts: one hour at the default 5 s.
    static constexpr int kHistoryCapacity = 720;
    // Item data of the pane's tables (their first column) and of the blocking tree's items.
    static constexpr int PidRole = Qt::UserRole;       // the session's pid
    static constexpr int SortRole = Qt::UserRole + 1;  // the number a cell sorts by
    static constexpr int OwnRole = Qt::UserRole + 2;   // this Statescope's own session
    static constexpr int DepthRole = Qt::UserRole + 3; // in the tree: 0 for a blocker that waits for nobody
    static constexpr int KeyRole = Qt::UserRole + 4;   // a statement's query id (statements' first column)

    explicit ActivityPane(QWidget *parent = nullptr);
    ~ActivityPane() override;

    // The server's maintenance connection; a switch clears everything shown.
    void setServer(const std::optional<pg::ConnectionSettings> &server);
    // Narrows to one database (empty: every database); clears and reads again.
    void setDatabase(const QString &database);
    void setAdminMode(bool on);
    // Reads the tab on screen again (F5); after the running read when one runs.
    void refresh();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    JobRunner *runner() const { return m_runner; }
    Banner *banner() const { return m_banner; }
    QTabWidget *tabs() const { return m_tabs; }
    QSpinBox *refreshSeconds() const { return m_seconds; }
    QPushButton *pauseButton() const { return m_pause; }
    QTableWidget *sessions() const { return m_sessions; }
    QCheckBox *activeOnly() const { return m_activeOnly; }
    QCheckBox *idleInTransaction() const { return m_idleOnly; }
    QLabel *sessionsNote() const { return m_sessionsNote; }
    QTreeWidget *blockingTree() const { return m_blockingTree; }
    QTableWidget *lockCounts() const { return m_lockCounts; }
    QLabel *locksNote() const { return m_locksNote; }
    QTableWidget *statements() const { return m_statements; }
    QComboBox *statementOrder() const { return m_order; }
    QLabel *statementsNote() const { return m_statementsNote; }
    QPlainTextEdit *planText() const { return m_planText; }
    QTreeWidget *planTree() const { return m_planTree; }
    QTableWidget *standbyList() const { return m_standbys; }
    QTableWidget *slotList() const { return m_slots; }
    QTableWidget *formationNodes() const { return m_formationNodes; }
    QLabel *formationNote() const { return m_formationNote; }
    QLabel *replicationNote() const { return m_replicationNote; }
    QLineEdit *poolsConsole() const { return m_console; }
    QTableWidget *poolList() const { return m_pools; }
    QLabel *poolsNote() const { return m_poolsNote; }
    QTableWidget *healthList() const { return m_health; }
    QTableWidget *tableHealthList() const { return m_tableHealth; }
    QLabel *bloatNote() const { return m_bloatNote; }
    QListWidget *findingList() const { return m_findings; }
    const activity::Thresholds &thresholds() const { return m_thresholds; }
    // The Charts tab: the samples taken since the pane was shown for this server, and the
    // charts drawn from them (chartConnections, chartTps, chartCacheHit, chartLag).
    const activity::SampleHistory &history() const { return m_history; }
    ChartView *chart(const QString &objectName) const;
    QLabel *chartsNote() const { return m_chartsNote; }
    JobRunner *sampler() const { return m_sampler; }
    // Writes the samples as CSV (SampleHistory::csv) to `path`, atomically; false and a
    // sentence in `error` when it cannot.
    bool exportChartsTo(const QString &path, QString *error = nullptr) const;

signals:
    // A tab was read and is on screen.
    void refreshed();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The statements and where they were read (the selected database, else the server's).
    struct StatementsLoad
    {
        activity::StatementReport report;
        pg::ConnectionSettings source;
        QString readIn;             // the database the report was read in
        QString firstProblem;       // why not in the selected database, when read elsewhere
    };
    // Health and what the findings weigh beside it, read together.
    struct HealthLoad
    {
        QList<activity::DatabaseHealth> health;
        QString tablesOf; // the database whose tables were read
        std::optional<activity::SessionList> sessions;
        std::optional<activity::LockReport> locks;
        std::optional<activity::StatementReport> statements;
        std::optional<activity::ReplicationReport> replication;
        QStringList unread; // what could not be read, for people
    };

    QWidget *buildSessions();
    QWidget *buildLocks();
    QWidget *buildStatements();
    QWidget *buildReplication();
    QWidget *buildPools();
    QWidget *buildHealth();
    void measureBloat();
    QWidget *buildThresholds(QWidget *parent);
    QWidget *buildCharts();

    void clearShown();
    void updateTimer();
    void updateActions();
    QString serverContext() const;
    pg::ConnectionSettings databaseSettings() const; // the selected database, else the server's
    // Whether a read started at `generation` is still wanted (same server and database).
    bool current(int generation) const { return generation == m_generation; }
    void readFailed(const Error &error);
    void markRefreshed(const QString &what);

    // Shared by the tabs: a read-only table, a cell that sorts by a number, a marked row.
    static QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers);
    static QTableWidgetItem *cell(const QString &text, double sortKey);
    static QTableWidgetItem *cell(const QString &text);
    static QString age(const std::optional<double> &seconds);
    static QString number(double value, int decimals = 0);
    static QString percent(double ratio, int decimals);
    static QString pidList(const QList<int> &pids);
    void mark(QTableWidget *table, int row, const QString &why) const;

    void loadSessions();
    void loadLocks();
    void loadStatements();
    void loadReplication();
    void loadPools();
    void loadHealth();
    void readPools();
    // One sample of the server's counters on the sampler (skipped while one runs, and while
    // paused unless `evenPaused`); added to the history and drawn when Charts is on screen.
    void takeSample(bool evenPaused = false);

    void showSessions();
    void showLocks();
    void showStatements();
    void showReplication();
    void showFormation();
    void showPools();
    void showHealth();
    void showCharts();
    void exportCharts();
    void showStatementText();
    void applyThresholds();

    // The pids of the selected sessions (only those that may be stopped: not this Statescope's).
    QList<int> selectedPids(bool stoppableOnly = false) const;
    int selectedBlockedPid() const;
    // Plans in the background, previews the sessions in a typed confirmation, then stops them.
    void confirmStop(const QString &title, const std::function<activity::StopPlan(pg::Connection &)> &plan);
    void stopSelected(activity::StopKind kind);
    void terminateDatabase();
    void terminateBlockers();
    void genericPlan();
    void resetStatements();

    std::optional<pg::ConnectionSettings> m_server;
    QString m_database;
    bool m_adminMode = false;
    bool m_paused = false;
    bool m_shown = false;
    bool m_pending = false; // a refresh asked for while the runner was busy
    int m_generation = 0;
    activity::Thresholds m_thresholds;

    std::optional<activity::SessionList> m_sessionList;
    std::optional<activity::LockReport> m_lockReport;
    std::optional<StatementsLoad> m_statementsLoad;
    std::optional<activity::ReplicationReport> m_replication;
    std::optional<pg::FormationState> m_formation; // when the server is a pg_auto_failover formation
    std::optional<pg::ConnectionSettings> m_consoleSettings;
    std::optional<activity::PoolReport> m_poolReport;
    std::optional<HealthLoad> m_healthLoad;
    activity::SampleHistory m_history{kHistoryCapacity};

    JobRunner *m_runner;
    JobRunner *m_sampler; // the samples for the charts: beside the tab's read, never queued behind it
    ProgressPanel *m_progress;
    Banner *m_banner;
    QTimer *m_timer;
    ElidingLabel *m_target;
    QLabel *m_updated;
    QLabel *m_modeHint;
    QSpinBox *m_seconds;
    QPushButton *m_pause;
    QTabWidget *m_tabs;

    QTableWidget *m_sessions = nullptr;
    QCheckBox *m_activeOnly = nullptr;
    QCheckBox *m_idleOnly = nullptr;
    QLabel *m_sessionsNote = nullptr;
    QPushButton *m_cancelSession = nullptr;
    QPushButton *m_terminateSession = nullptr;
    QPushButton *m_terminateDatabase = nullptr;

    QTreeWidget *m_blockingTree = nullptr;
    QTableWidget *m_lockCounts = nullptr;
    QLabel *m_locksNote = nullptr;
    QPushButton *m_terminateBlockers = nullptr;

    QComboBox *m_order = nullptr;
    QTableWidget *m_statements = nullptr;
    QLabel *m_statementsNote = nullptr;
    QTabWidget *m_statementDetail = nullptr;
    QPlainTextEdit *m_statementText = nullptr;
    QTreeWidget *m_planTree = nullptr;
    QPlainTextEdit *m_planText = nullptr;
    QPushButton *m_genericPlan = nullptr;
    QPushButton *m_resetStatements = nullptr;

    QTableWidget *m_standbys = nullptr;
    QTableWidget *m_slots = nullptr;
    QLabel *m_formationTitle = nullptr;
    QLabel *m_formationNote = nullptr;
    QTableWidget *m_formationNodes = nullptr;
    QTableWidget *m_formationEvents = nullptr;
    QLabel *m_replicationNote = nullptr;

    QLineEdit *m_console = nullptr;
    QTableWidget *m_pools = nullptr;
    QTableWidget *m_poolStats = nullptr;
    QTableWidget *m_poolClients = nullptr;
    QLabel *m_poolsNote = nullptr;

    QTableWidget *m_health = nullptr;
    QLabel *m_tablesNote = nullptr;
    QTableWidget *m_tableHealth = nullptr;
    QPushButton *m_measureBloat = nullptr;
    QLabel *m_bloatNote = nullptr;
    QListWidget *m_findings = nullptr;

    ChartView *m_chartConnections = nullptr;
    ChartView *m_chartTps = nullptr;
    ChartView *m_chartCacheHit = nullptr;
    ChartView *m_chartLag = nullptr;
    QLabel *m_chartsNote = nullptr;
    QLabel *m_lagNote = nullptr;
    QPushButton *m_exportCharts = nullptr;
};

} // namespace statescope::gui
