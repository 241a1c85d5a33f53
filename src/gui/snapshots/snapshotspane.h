#pragma once

#include "core/json/document.h"
#include "core/pg/connectionsettings.h"
#include "core/snapshots/saves.h"
#include "core/snapshots/snapshotadmin.h"
#include "core/snapshots/redisrecovery.h"
#include "core/snapshots/snapshotstore.h"

#include <QPair>
#include <QWidget>
#include <optional>

class QChartView;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QComboBox;
class QSpinBox;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace statescope::gui {

class DiffView;
class GalaxyView;
class Banner;
class JobRunner;
class JsonView;
class ProgressPanel;

// World snapshots (core.snapshots) of one database: the timeline with the recovery
// snapshot marked, the selected state as a tree and as tables, the diff of two snapshots,
// a value tracked over ticks, retention (preview, prune, roll back, undo: admin only) and
// per-player cloud saves when the database has them. Every query runs in the background.
class SnapshotsPane : public QWidget
{
    Q_OBJECT
public:
    // The game's Redis (redis://host:port/db) the recovery answer consults; empty: none.
    void setRedisUrl(const QString &url);
    QString recoveryText() const;
    enum TimelineColumn { TickColumn, GameTimeColumn, CreatedColumn, SizeColumn, AgeColumn };
    static constexpr int IdRole = Qt::UserRole + 1; // on the tick column: the snapshot id

    explicit SnapshotsPane(QWidget *parent = nullptr);
    ~SnapshotsPane() override;

    void setDatabase(const std::optional<pg::ConnectionSettings> &db);
    // Another week of the same family: the same tick is selected there (or the pane says the
    // week has none), the tab and the tracked path stay.
    void switchWeek(const pg::ConnectionSettings &db);
    void setAdminMode(bool on);
    GalaxyView *galaxyView() const { return m_galaxy; }

    // The snapshot with this id selected in the timeline and its state shown (what Find
    // opens): now when the timeline is listed, else once it is; the banner says when the
    // database has no such snapshot.
    void openSnapshot(qint64 id);
    // Reloads the timeline, recovery choice, operations and saves (F5).
    void reload();
    // Diffs the two selected snapshots (older first), or the selected one against the one
    // before it by tick. False when there is nothing to compare.
    bool diffSelected();
    // Tracks the path in the path field across all snapshots.
    void track();
    void previewRetention();
    // Admin actions: each asks for the typed database name in a ConfirmDialog first.
    void prune();
    void rollBackToSelected();
    void undoSelectedOperation();
    // Diffs the two selected saves (older first by stored order).
    bool diffSelectedSaves();

    QTableView *timeline() const { return m_timeline; }
    QList<snapshots::SnapshotInfo> snapshotList() const { return m_snapshots; }
    std::optional<snapshots::SnapshotInfo> recoverySnapshot() const { return m_recovery.snapshot; }
    JsonView *stateView() const { return m_state; }
    DiffView *diffView() const { return m_diff; }
    JobRunner *runner() const { return m_jobs; }
    Banner *messages() const { return m_errors; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void loaded(); // the timeline was (re)loaded
    void stateShown(qint64 snapshotId);
    void tracked(int points);
    void retentionPreviewed(const snapshots::SnapshotPlan &plan);
    void changed(const snapshots::OperationRecord &record); // a prune, roll back or undo
    void savesLoaded(int players);

protected:
    // F5 reloads the pane when the focus is inside it; the window's Refresh otherwise.
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Loaded
    {
        QList<snapshots::SnapshotInfo> list;
        snapshots::RecoveryChoice recovery;
        std::optional<snapshots::RecoveryAnswer> answer; // the game's rule, with Redis when named
        QList<snapshots::OperationRecord> history;
        bool hasSaves = false;
        QList<snapshots::SavePlayer> players;
        QString snapshotsSource; // "public.snapshots, detected"; empty: no world snapshots
        QString savesSource;
        QString savesError;      // row-level security without a player chosen, ...
        bool savesRls = false;   // the saves table's policies read a setting
    };

    QWidget *buildStateTab();
    QWidget *buildDiffTab();
    QWidget *buildTrackTab();
    QWidget *buildRetentionTab();
    QWidget *buildSavesTab();

    void showLoaded(const Loaded &data);
    void showHistory(const QList<snapshots::OperationRecord> &history);
    void showPlayers(bool available, const QList<snapshots::SavePlayer> &players);
    void loadState(qint64 id);
    void showTables(const json::Document &doc);
    void showTrack(const QList<snapshots::TrackPoint> &points, const QString &path);
    void loadSaves(const QString &player);
    void showSaves(const QList<snapshots::SaveInfo> &saves);
    void updateAdminButtons();
    // The selected snapshots, oldest first by tick.
    QList<snapshots::SnapshotInfo> selectedSnapshots() const;
    std::optional<snapshots::SnapshotInfo> currentSnapshot() const;
    snapshots::RetentionPolicy policy() const;
    void commit(const QString &label,
                std::function<snapshots::OperationRecord(snapshots::SnapshotAdmin &)> change,
                std::function<QString(const snapshots::OperationRecord &)> describe);
    void showError(const Error &error);

    std::optional<pg::ConnectionSettings> m_db;
    bool m_admin = false;
    quint64 m_generation = 0; // bumped on database change: late answers are dropped
    std::optional<qint64> m_keepTick; // a week switch: the tick to select once listed
    std::optional<qint64> m_openId;   // openSnapshot: the snapshot to select once listed
    bool selectSnapshot(qint64 id);   // its row selected; false when the timeline lacks it
    quint64 m_stateRequest = 0;
    QPair<qint64, qint64> m_diffPair{-1, -1};   // the snapshots shown (or coming) in the diff
    QList<snapshots::SnapshotInfo> m_snapshots; // by tick, as listed
    snapshots::RecoveryChoice m_recovery;
    QList<snapshots::OperationRecord> m_history;

    JobRunner *m_jobs;
    ProgressPanel *m_progress;
    Banner *m_errors;
    QLabel *m_recoveryLabel;
    QLineEdit *m_redisEdit; // Galaxy's Redis, for the recovery answer (remembered per family)
    QString m_redisFamily;   // the family whose Redis the field shows
    QString m_redisPassword; // from the keychain, or typed in this session
    // snapshots/redis.cpp: the field follows the database's family; a URL entered is
    // remembered without its password, which goes to the keychain.
    void restoreRedis();
    void rememberRedis();
    GalaxyView *m_galaxy = nullptr;
    QWidget *m_savesTab = nullptr;
    QStandardItemModel *m_timelineModel;
    QTableView *m_timeline;
    QTabWidget *m_tabs;
    // State
    JsonView *m_state;
    QTabWidget *m_tables;
    // Diff
    DiffView *m_diff;
    // Track
    QLineEdit *m_trackPath;
    QStandardItemModel *m_trackModel;
    QTableView *m_trackTable;
    QChartView *m_trackChart;
    QLabel *m_trackNote;
    // Retention
    QSpinBox *m_maxKeep;
    QSpinBox *m_minAge;
    QComboBox *m_rule;
    QLabel *m_planLabel;
    QListWidget *m_planList;
    QPushButton *m_pruneButton;
    QPushButton *m_rollbackButton;
    QStandardItemModel *m_historyModel;
    QTableView *m_historyTable;
    QPushButton *m_undoButton;
    // Saves
    QLabel *m_savesNote;
    QLineEdit *m_viewAs = nullptr;
    QString m_viewAsPlayer; // row-level security: read as this player (empty: as yourself)
    QStandardItemModel *m_playersModel;
    QTableView *m_players;
    QStandardItemModel *m_savesModel;
    QTableView *m_saves;
    QLabel *m_checksumLabel;
    DiffView *m_saveDiff;
};

} // namespace statescope::gui
