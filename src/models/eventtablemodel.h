#pragma once

#include "core/events/eventstore.h"
#include "core/pg/connectionsettings.h"
#include "core/task/worker.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>
#include <memory>

namespace statescope::pg {
class ConnectionSlot;
}

namespace statescope::models {

// raw.api_events as a table of millions of rows that never loads them all. The model has
// one row per event (the planner's estimate until the end is seen or counted), and keeps
// one contiguous run of at most kMaxCached loaded rows around what the view shows. Rows
// the view asks for outside the run are fetched in the background: next to the run by
// keyset from its first or last key; far from it by jumping to the time that position
// corresponds to (pg_stats' histogram), which starts a new run. Answers for an older
// filter or run are dropped. Positions far from a loaded run are therefore approximate;
// the order and the rows themselves are always exact.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPage = 200;
    static constexpr int kMaxCached = 4000;
    enum Column { IdColumn, TimeColumn, EndpointColumn, RequestKeyColumn, StatusColumn,
                  SizeColumn, HashColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, LoadedRole };

    explicit EventTableModel(QObject *parent = nullptr);
    ~EventTableModel() override;

    // Starts over on another database (nothing shown until setFilter).
    void setDatabase(const pg::ConnectionSettings &db);
    // No database: no rows, nothing in flight is used.
    void clear();
    // New connections for what follows (the rows on screen stay), as after a lost one; the
    // next read says where it landed (reconnected()): the server it read from is no longer
    // the one its string chooses (a formation's primary moved while a pooler in between kept
    // the old session answering).
    void reconnect(const QString &why);
    // Starts over with a filter: estimate, time scale, first page.
    void setFilter(const events::EventFilter &filter);
    const events::EventFilter &filter() const { return m_filter; }
    bool hasDatabase() const { return m_slot != nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // The loaded row at a model row, or nullptr while it is not loaded.
    const events::EventRow *rowAt(int row) const;
    // The model row holding event id, or -1 when it is not loaded.
    int rowOfEvent(qint64 id) const;

    // The number of matching events: the planner's estimate, or exact once counted.
    qint64 count() const { return m_count; }
    bool countIsExact() const { return m_countExact; }
    // Events proven to exist: the count when exact, else those read in one run from the
    // newest down. Not rowCount(), which is the scroll range (the estimate, or a page more).
    qint64 rowsKnown() const { return m_countExact ? m_count : m_known; }
    void countExactly(); // in the background, on its own connection; cancellable
    void cancelCount();

    void jumpToTime(const Timestamp &t);
    void jumpToEvent(qint64 id);

    // Follows new events (id above the newest seen) every interval, without re-reading.
    void setLiveTail(bool on, int intervalMs = 2000);
    bool liveTail() const { return m_tailTimer.isActive(); }

    // For tests and the status line: rows currently held in memory.
    int cachedRows() const { return int(m_rows.size()); }
    bool isLoading() const { return m_inFlight; }
    // The current filter's first answer came (its rows, or none): what the list holds is
    // what the filter gives, not a list still on its way.
    bool hasAnswered() const { return m_answered; }

signals:
    void countChanged(qint64 count, bool exact);
    void countingChanged(bool running);
    void loadingChanged(bool loading);
    void failed(const statescope::Error &error);
    void jumped(int row);  // after jumpTo*: the row to scroll to and select
    void eventMissing(qint64 id); // after jumpToEvent: the filter does not show that event
    void arrived(int rows); // live tail: new events shown
    // A read lost its connection (a failover) and was run again on `to` (queued before its
    // result: show it once the result is in).
    void reconnected(const QString &from, const QString &to, const QString &why);
    void serverAddressChanged(const QString &address);

private:
    void reset(); // drops every row and count; answers on their way are ignored
    struct Fetch;
    struct Ready;
    static Ready runFetch(pg::ConnectionSlot &slot, const events::EventFilter &filter,
                          const Fetch &fetch, TaskContext &ctx);
    void noteMiss(int row) const;
    void schedule();
    void submit(const Fetch &fetch);
    void apply(const Fetch &fetch, const std::vector<events::EventRow> &rows);
    void applyForward(const Fetch &fetch, const std::vector<events::EventRow> &rows);
    void applyBackward(const Fetch &fetch, const std::vector<events::EventRow> &rows);
    void anchorAt(int row);
    void resizeVirtual(int newCount);
    void insertVirtualTop(int n);
    void removeVirtualTop(int n);
    void trim(bool keepEnd);
    void pollTail();
    void setInFlight(bool on);
    QString cell(const events::EventRow &row, int column) const;

    events::EventFilter m_filter;
    std::shared_ptr<pg::ConnectionSlot> m_slot;      // pages, estimate, tail
    std::shared_ptr<pg::ConnectionSlot> m_countSlot; // exact count, apart from paging
    Worker m_worker;
    Worker m_countWorker;
    QString m_address;
    pg::ConnectionSettings m_db;
    QString m_reconnectWhy, m_reconnectFrom; // set by reconnect() until the next read lands

    std::deque<events::EventRow> m_rows; // the loaded run
    int m_base = 0;                      // model row of m_rows.front()
    int m_rowCount = 0;                  // model rows (virtual)
    bool m_runAtTop = false;             // the run starts at the newest event
    bool m_answered = false;             // see hasAnswered()
    events::TimeScale m_scale;
    qint64 m_count = 0;
    bool m_countExact = false;
    qint64 m_known = 0; // rows read from the newest down without a gap (rowsKnown)
    quint64 m_generation = 0; // filter/database; older answers are dropped
    quint64 m_runSerial = 0;  // the loaded run
    quint64 m_requestSerial = 0;
    bool m_inFlight = false;
    bool m_counting = false;
    mutable int m_missLo = -1, m_missHi = -1;
    mutable QTimer m_fetchTimer;
    QTimer m_tailTimer;
    qint64 m_watermark = 0;
};

} // namespace statescope::models
