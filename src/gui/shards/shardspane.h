#pragma once

#include "core/browse/rows.h"
#include "core/pg/connectionsettings.h"
#include "core/shard/shardreader.h"

#include <QList>
#include <QPair>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTableWidget;
class QVBoxLayout;

namespace statescope::gui {

class Banner;
class FamilyRunView;
class JobRunner;
class ProgressPanel;

// A shard set (N databases, on one server or several, that are the shards of one game) read
// as one database. The set's rule and each shard's values are read from the databases where
// they say them (ShardReader::resolve). Rows: any table of the shards, every shard read and
// the pages merged by the table's key (or an indexed column), a leading shard column; an
// Equals filter on a column the rule goes by (one player) reads only the shard the rule names.
// Counts are summed. SQL: a statement on each shard with a shard column (free SQL cannot be
// merged by key). Placement: rows the rule places on another shard than the one holding them.
// A shard that does not answer is named in the banner and its rows are missing visibly. Only
// reads: writes go to the one shard that owns the row (statescope-cli rollback --set).
class ShardsPane : public QWidget
{
    Q_OBJECT
public:
    // A kind of game data the shards' layout found, and how to show it.
    struct GameData
    {
        QString label, relation, timeColumn, playerColumn;
        bool timeIndexed = false; // an index on each shard leads with the time column
    };
    explicit ShardsPane(QWidget *parent = nullptr);
    ~ShardsPane() override;

    // Servers open in the window, as the New set dialog offers them and as the shards' passwords
    // are found (a member on an open server's host, port and user takes its password).
    using ServerList = std::function<QList<QPair<QString, pg::ConnectionSettings>>()>;
    void setServerList(ServerList list) { m_servers = std::move(list); }

    // The saved sets (shard::savedSets) in the chooser; `select` is opened when given.
    void reloadSets(const QString &select = {});
    // Reads the set's rule and values from its shards and lists the tables of the first that
    // answers; everything shown before (rows, counts, results) goes.
    void openSet(const QString &name);
    // Reads what `set` leaves to the databases, then saves it beside the others and opens it;
    // the banner says why not (nothing saved then).
    void addSet(const shard::ShardSet &set);
    void removeSet(const QString &name);

    // schema.table, from its first page, in `order` with `filters`.
    void openTable(const QString &qualified, const browse::Order &order = {}, const QList<browse::Filter> &filters = {});
    // The game's own data the shards' layout found (API events, player events, saves): its
    // table newest first (when an index on each shard serves that order), and only the
    // Player field's player when one is given (read on his shard alone).
    void openGameData(int view);
    void addFilter(const browse::Filter &filter);
    void clearFilters();
    void sortBy(const QString &column, bool descending); // "" : by the key
    void loadMore();
    void countRows(bool exact);
    void runSql(const QString &sql);
    void checkPlacement();
    // The shard the rule places `player` on (ShardReader::ownerOfPlayer), then openShard().
    void goToPlayer(const QString &player);

    QString currentSet() const { return m_setName; }
    bool isBusy() const;
    Banner *banner() const { return m_banner; }
    QComboBox *setBox() const { return m_setBox; }
    QComboBox *tableBox() const { return m_tableBox; }
    QComboBox *gameDataBox() const { return m_viewBox; }
    QTableWidget *membersTable() const { return m_members; }
    QStandardItemModel *rowsModel() const { return m_rows; }
    QTableView *grid() const { return m_grid; }
    QLabel *countLabel() const { return m_count; }
    QLabel *routeLabel() const { return m_route; }
    QLineEdit *playerEdit() const { return m_player; }
    QTableWidget *placementTable() const { return m_placement; }
    QLabel *placementSummary() const { return m_placementSummary; }
    QPlainTextEdit *sqlEdit() const { return m_sql; }
    FamilyRunView *sqlView() const { return m_sqlView; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void setOpened(const QString &name);
    void pageShown(int rowsOnScreen, bool atEnd);
    void counted(qint64 rows, bool exact);
    void placementChecked(int misplacedGroups);
    void failed(const QString &message);
    // Show the member's own database in the window's panes, with `player` in the player
    // events pane and viewed as in the Tables pane (empty: none).
    void openShard(const pg::ConnectionSettings &member, const QString &label, const QString &player);

private:
    void showNewSetDialog();
    void clearShown();
    void stopReading(); // answers on the way are dropped, what they would have reset is
    void showMembers();
    QString shardLabel(int member) const; // the shard column's name for a member
    void showDown(const QList<shard::Down> &down, const QString &what);
    void fillPasswords(shard::ShardSet &set) const;
    void rebuildFilterText();
    void addFilterFromRow();
    QWidget *buildRowsTab();
    QWidget *buildSqlTab();
    QWidget *buildPlacementTab();

    ServerList m_servers;
    std::shared_ptr<shard::ShardReader> m_reader; // touched only by m_jobs' thread while a task runs
    shard::ShardSet m_set;                        // as resolved, for the GUI thread
    QList<shard::Down> m_down;
    QList<GameData> m_views;
    QString m_setName;
    QString m_schema, m_table;
    QList<browse::Filter> m_filters;
    browse::Order m_order;
    QList<browse::Filter> m_goodFilters; // the last filters and order the shards answered
    browse::Order m_goodOrder;
    shard::Cursor m_cursor;
    bool m_atEnd = true;
    QStringList m_columns;
    quint64 m_generation = 0; // answers for an older set or table are dropped

    QComboBox *m_setBox;
    QLabel *m_summary;
    QLineEdit *m_player;
    QTableWidget *m_members;
    QTabWidget *m_tabs;
    QComboBox *m_tableBox;
    QComboBox *m_viewBox;
    QComboBox *m_filterColumn;
    QComboBox *m_filterOp;
    QLineEdit *m_filterValue;
    QLabel *m_filterText;
    QLabel *m_route;
    QLabel *m_count;
    QPushButton *m_more;
    QStandardItemModel *m_rows;
    QTableView *m_grid;
    QPlainTextEdit *m_sql;
    QVBoxLayout *m_sqlHolder;
    FamilyRunView *m_sqlView = nullptr;
    QTableWidget *m_placement;
    QLabel *m_placementSummary;
    Banner *m_banner;
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
};

} // namespace statescope::gui
