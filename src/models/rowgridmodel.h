#pragma once

#include <functional>

#include "core/browse/rows.h"
#include "core/error.h"
#include "core/task/worker.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <memory>
#include <optional>

namespace statescope::models {

// Rows of a table, a view or a query, read lazily in the background: only a window of at
// most kWindow rows is held, whatever the row count, and the rows the view paints outside
// it are fetched next to it (keyset pages, or the cursor) or, far from it, around the
// position asked for (the planner's histogram for a keyed table, MOVE ABSOLUTE for a
// cursor). The count shown first is the planner's estimate; it becomes exact when the end
// is reached or counted. Answers for an earlier open() are dropped.
class RowGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPage = 200;
    static constexpr int kWindow = 4000;
    enum Role {
        IsNullRole = Qt::UserRole + 1, // the cell is SQL NULL
        LoadedRole,                    // the row is in memory
        RawRole,                       // the cell's text as the server printed it (QByteArray)
        CutRole,                       // the cell was cut to Row::kCellChars
    };

    explicit RowGridModel(QObject *parent = nullptr);
    ~RowGridModel() override;

    // Rows of schema.name matching the filters, in order (keyset when it has a key,
    // otherwise a cursor in its order of reading).
    void openTable(const pg::ConnectionSettings &db, const QString &schema, const QString &name,
                   const QList<browse::Filter> &filters = {}, const browse::Order &order = {});
    // The rows of one query, through a server-side cursor in a READ ONLY transaction.
    void openQuery(const pg::ConnectionSettings &db, const QString &select, int timeoutMs = 0);
    void close();

    bool isOpen() const { return m_open; }
    bool keyed() const { return m_keyed; }
    const browse::RelationDetails *details() const { return m_details.get(); }
    const QList<browse::Filter> &filters() const { return m_filters; }
    const browse::Order &order() const { return m_order; }
    QStringList columnNames() const { return m_columns; }
    QStringList columnTypes() const { return m_types; }

    qint64 count() const { return m_count; }
    bool countIsExact() const { return m_exact; }
    // The table on screen opened again on a new connection, as after a lost one (with its
    // filters and order; reconnected() says so): the server it reads from is no longer the
    // one its string chooses (a formation's primary moved while a pooler in between kept this
    // session answering). Nothing for a typed query, which the person runs again.
    void reopen(const QString &why);
    void countExactly(); // tables only; cancellable with cancel()
    void cancel();       // stops what runs in the background now
    // How long a cursor's transaction stays open after the last read while nobody pages
    // (settings::cursorHoldSeconds() unless set here; not at all through a pooler in
    // transaction mode, where it would pin a server connection): then it ends, the rows read
    // stay, and rows beyond them are read by running the statement again.
    void setCursorHold(int ms);
    bool cursorHeld() const { return m_cursorHeld; }

    const browse::Row *rowAt(int row) const;
    // Waits (spinning the event loop) until row is loaded or the timeout passes: tests.
    bool isLoading() const { return m_inFlight; }
    // The row number shown for a row (1 for the first), and whether it is exact. Rows read
    // from the start (or the end, once counted) are numbered exactly; a far jump lands by
    // the planner's statistics, so its rows are numbered "≈" until the rows before them are
    // counted in the background, then exactly.
    qint64 rowNumber(int row) const;
    bool rowNumberIsExact(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void opened(); // the columns and the first rows are in
    void failed(const statescope::Error &error);
    void countChanged(qint64 count, bool exact);
    void loadingChanged(bool loading);
    // The table's connection was lost (a failover) and the table opened again, with its
    // filters and order, on `to`.
    void reconnected(const QString &from, const QString &to, const QString &why);
    void serverAddressChanged(const QString &address);
    // Rows were read by running the statement again, its first transaction having ended
    // (the rows may have changed since): the text says so.
    void rerun(const QString &message);

private:
    struct Session;
    struct Fetch;
    struct Ready;

    void start(std::function<void(Session &, TaskContext &)> open);
    void submit(const Fetch &fetch);
    void fetchMissing();
    void apply(const Fetch &fetch, const Ready &ready);
    void noteMiss(int row) const;
    void trim(bool keepEnd);
    void setInFlight(bool on);
    void locate(); // counts the rows before the window's first, in the background
    void noteCursor(const Ready &ready); // the hold timer and what a rerun says
    void releaseCursor();

    Worker m_worker;
    std::function<void()> m_reopen; // the table as last opened (not a typed query)
    QString m_address;              // where the latest read ran
    QString m_lostFrom, m_lostWhy;  // a lost connection being made good
    bool m_reopening = false;
    std::shared_ptr<Session> m_session;
    quint64 m_generation = 0;
    bool m_open = false;
    bool m_keyed = false;
    std::shared_ptr<const browse::RelationDetails> m_details;
    QList<browse::Filter> m_filters;
    browse::Order m_order;
    QStringList m_columns;
    QStringList m_types;

    std::vector<browse::Row> m_rows; // the window: rows m_base .. m_base + size - 1
    int m_base = 0;
    int m_rowCount = 0;
    qint64 m_count = 0;
    bool m_exact = false;
    bool m_placesExact = true; // the window's rows are at their true places (+ m_shift)
    int m_shift = 0;           // true place - model row, for the window's rows once located
    bool m_inFlight = false;
    mutable int m_missLo = -1, m_missHi = -1;
    QTimer m_missTimer;
    QTimer m_holdTimer; // ends an idle cursor's transaction
    int m_holdMs = 0;
    bool m_cursorHeld = false;
    int m_reruns = 0;
};

} // namespace statescope::models
