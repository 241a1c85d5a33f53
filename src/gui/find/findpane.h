#pragma once

#include "core/browse/familyquery.h"
#include "core/find/familyfind.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace statescope::gui {

class Banner;
class JobRunner;
class ProgressPanel;

// A row Find found, with the database that holds it.
struct FoundRow
{
    pg::ConnectionSettings database;
    QString label;  // the week ("2025-W03"), the shard or the database
    QString server; // for people
    find::Hit hit;
};

// Find (Ctrl+K, the window's find field): one value looked up in the database shown, in its
// family's every week (newest first, on every open server) or in a saved shard set, by
// indexes only (core/find), in a window of its own over the main window. The rows stream in as each database answers; a row activated
// (double-click, Enter) is opened where it belongs: the window shows its database and the
// pane of its kind at the row (window/openfound.cpp). What only a scan could answer is listed
// with the rows it would read, and "Search these too" reads them, with progress and Cancel.
class FindPane : public QWidget
{
    Q_OBJECT
public:
    // Where a search can look: the window offers the database shown, its family, the shard sets.
    struct Scope
    {
        enum class Kind { Database, Family, ShardSet };
        Kind kind = Kind::Database;
        QString name;                               // for people
        QList<browse::FamilyQuery::Target> targets; // a family's newest week first
    };
    enum Column { WhereColumn, ServerColumn, KindColumn, TableColumn, KeyColumn, TimeColumn, SummaryColumn };
    static constexpr int kMaxRows = 2000; // shown at most; the search stops there

    explicit FindPane(QWidget *parent = nullptr);
    ~FindPane() override;

    // The scopes offered; the kind chosen before stays chosen when it is still offered,
    // else the family, else the database.
    void setScopes(const QList<Scope> &scopes);
    // Looks the value up in the chosen scope (a running search stops first). A value that
    // cannot be looked up (empty, too long, a control character) is said, nothing is sent.
    void find(const QString &value, bool scan = false);
    // The same value again, what only a scan could answer too.
    void searchUnindexed();
    void stop();
    bool isRunning() const { return m_running; }
    QString value() const { return m_value; }

    int rowCount() const;
    FoundRow foundRow(int viewRow) const; // in the order shown
    void openRow(int viewRow);            // emits open()

    QComboBox *scopeBox() const { return m_scope; }
    QTableView *results() const { return m_view; }
    QTableWidget *notSearched() const { return m_skipped; }
    QLabel *summary() const { return m_summary; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *storyButton() const { return m_story; }
    Banner *banner() const { return m_banner; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void open(const FoundRow &row);
    // Story: the value's story in the selected row's database (storywindow.h).
    void storyRequested(const FoundRow &row);
    void finished(); // every database answered, or the search was stopped
    void closeRequested(); // Close: the window of rows closes (a search running stops)

private:
    void onEvent(const find::FindEvent &e);
    void updateSummary();

    QList<Scope> m_scopes;
    QComboBox *m_scope;
    QPushButton *m_again;
    QPushButton *m_stop;
    QPushButton *m_story;
    QLabel *m_summary;
    Banner *m_banner;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLabel *m_skippedLabel;
    QTableWidget *m_skipped;
    QPushButton *m_scan;
    QTabWidget *m_tabs;
    JobRunner *m_jobs;
    ProgressPanel *m_progress;

    QList<FoundRow> m_rows;        // in the order found (the model's rows name theirs)
    QList<browse::FamilyQuery::Target> m_targets; // of the search running or last run
    QString m_value, m_readAs, m_scopeName;
    bool m_scanned = false;        // the last search read what no index answers too
    bool m_running = false;
    bool m_stopped = false;
    int m_answered = 0, m_failed = 0, m_unindexed = 0;
    int m_generation = 0;          // of the search whose answers are shown
    std::shared_ptr<std::atomic<bool>> m_enough; // kMaxRows shown: the search stops
};

} // namespace statescope::gui
