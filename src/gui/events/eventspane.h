#pragma once

#include "core/events/eventexport.h"
#include "core/pg/connectionsettings.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QBoxLayout;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace statescope::models {
class EventTableModel;
}

namespace statescope::gui {

class Banner;
class EventDetail;
class EventFilterBar;
class JobRunner;
class ProgressPanel;

// Raw API events of one weekly database: the filter bar, a lazily paged table of
// millions of rows, and the selected event's payload, duplicates, history and diff.
class EventsPane : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPane(QWidget *parent = nullptr);
    ~EventsPane() override;

    void setDatabase(const std::optional<pg::ConnectionSettings> &db);
    // Another week of the same family, with the filter kept.
    void switchWeek(const pg::ConnectionSettings &db);
    // Admin mode offers building the browsing index on a table with only its primary key.
    void setAdminMode(bool on);

    // The event with this id, selected and shown: the filter is cleared so that it is among
    // the rows (what Find opens); the banner says so when the database has no such event.
    void openEvent(qint64 id);
    // Runs the filter as typed: checked locally, then by the server, then shown.
    void applyFilter();
    // The viewer follows the list: its event selected again, or cleared when it left (decided
    // once the filter's first answer is there).
    void settleDetail(bool listArrived);
    // Writes the filtered set (or only the selected events) to path, in the background.
    void exportTo(const QString &path, events::ExportFormat format, bool selectionOnly);
    // Diffs the two selected events (older first); false unless exactly two are selected
    // and loaded.
    bool diffSelected();

    models::EventTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    EventFilterBar *filterBar() const { return m_filters; }
    EventDetail *detail() const { return m_detail; }
    // Live tail on or off (Ctrl+T), as the checkbox does.
    void setLiveTail(bool on);
    Banner *errors() const { return m_errors; }
    // What is shown no longer answers what the fields say (an edit, a field that does not
    // parse, a Go to time that could not run): the rows are greyed and this says why. Empty
    // while the rows match.
    QString notApplied() const;

signals:
    void exported(qint64 rows, const QString &path);

private:
    void buildToolbar(QBoxLayout *layout);
    void loadEndpoints();
    void updateCount(qint64 count, bool exact);
    void setNotApplied(const QString &why);
    QString dbName() const;
    void chooseExport(events::ExportFormat format, bool selectionOnly);
    std::vector<qint64> selectedIds() const;

    std::optional<pg::ConnectionSettings> m_db;
    models::EventTableModel *m_model;
    EventFilterBar *m_filters;
    QTableView *m_table;
    EventDetail *m_detail;
    QLabel *m_count;
    QLabel *m_source = nullptr; // "Reading raw.api_events, detected."
    class QPushButton *m_buildIndex = nullptr;
    bool m_adminMode = false;
    bool m_pagedById = false;
    bool m_awaitingList = false; // the viewer's event: decided when the new list comes
    // Each week's selected event (by its connection), selected again on coming back to it.
    QHash<QString, qint64> m_selectedIn;
    qint64 m_restoreId = 0;   // to select once the week's first rows are in
    qint64 m_opening = 0;     // openEvent: said when missing
    qint64 m_restoring = 0;   // asked of the model: selected if it comes back
    void updateIndexButton();
    void confirmBuildIndex();
    QPushButton *m_countButton;
    QLineEdit *m_jump;
    QCheckBox *m_tail;
    QLabel *m_loading;
    QLabel *m_stale = nullptr;
    qint64 m_estimate = -1; // the planner's estimate shown before an exact count
    JobRunner *m_jobs;
    ProgressPanel *m_progress;
    Banner *m_errors;
};

} // namespace statescope::gui
