#pragma once

#include "core/browse/schema.h"
#include "core/browse/usertransaction.h"
#include "core/pg/connection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace statescope::browse {

// A condition on one column, compiled to SQL with the value bound as a parameter of the
// column's own type (so "< 10" compares numbers, not text).
struct Filter
{
    enum class Op { Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual, Contains, IsNull, IsNotNull };
    QString column;
    Op op = Op::Equals;
    QString value; // unused for IsNull / IsNotNull

    // "=", "!=", "<>", "<", "<=", ">", ">=", "~" (contains, case-insensitive), "null", "notnull".
    static std::optional<Op> parseOp(const QString &text);
    static QString opText(Op op);
};

// The order rows are shown in: an indexed column then the key as a tie-break, or the key
// alone (column empty). NULLs come last either way.
struct Order
{
    QString column; // empty: by the key
    bool descending = false;
};

// One row as the server prints it (text output: arrays, timestamps, numerics exactly as
// psql would show them). Long values are cut to kCellChars characters for the grid.
struct Row
{
    static constexpr int kCellChars = 4096;
    std::vector<std::optional<QByteArray>> cells; // nullopt: SQL NULL ("" is an empty string)
    std::vector<bool> cut;                        // the cell was longer than kCellChars
    std::vector<qint64> byteSizes;                // bytea: its length in bytes, -1 otherwise;
                                                  // empty when no column is bytea
    // Where the row is in the order: the sort column's value, then the key's (text).
    std::optional<QByteArray> sortValue;
    std::vector<QByteArray> key;
};

// A place in the order to page from: after (or before) the row with these values.
struct Position
{
    std::optional<QByteArray> sortValue; // nullopt with a sort column: a NULL there
    std::vector<QByteArray> key;
};

// Reads one relation page by page without OFFSET: by its key (keyset pages both ways), or,
// when it has none (a view, a table without a unique NOT NULL key), forward through a
// cursor. Every statement is read-only; the filters are bound parameters; names come from
// the catalog (RelationDetails) and are quoted by the server's rules.
class RowSource
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::RowSource)
public:
    RowSource(pg::Connection &conn, RelationDetails details);

    const RelationDetails &details() const { return m_details; }
    bool keyed() const { return !m_details.key.isEmpty(); }

    // Refuses a filter on an unknown column or with a value the column's type cannot take,
    // and an order by a column no index leads with (InvalidInput, naming what to do).
    void check(const QList<Filter> &filters, const Order &order) const;
    // Asks the server to read each filter value as its column's type: a value it cannot
    // take is InvalidInput naming the column, before any row is read.
    void checkValues(const QList<Filter> &filters);

    // Keyed only: up to limit rows after `from` (from the start when nullopt), or before it
    // (backward), always returned in display order.
    QList<Row> page(const QList<Filter> &filters, const Order &order,
                    const std::optional<Position> &from, bool backward, int limit);
    // The statement page() runs, with its parameters (for EXPLAIN, and the benchmark).
    std::pair<QString, std::vector<pg::Param>> pageStatement(const QList<Filter> &filters,
                                                             const Order &order,
                                                             const std::optional<Position> &from,
                                                             bool backward, int limit) const;
    // Keyed only: the rows from about `fraction` (0..1) of the way down, by the planner's
    // histogram of the order's first column; nullopt when there is none to go by.
    std::optional<QList<Row>> pageNear(const QList<Filter> &filters, const Order &order,
                                       double fraction, int limit);

    qint64 estimateCount(const QList<Filter> &filters);
    qint64 exactCount(const QList<Filter> &filters);
    // Keyed only: how many rows matching the filters come before `at` in the order (the
    // row there is row number result + 1).
    qint64 countBefore(const QList<Filter> &filters, const Order &order, const Position &at);

    // The SELECT (cells, then the order's values) for the rows matching the filters in
    // order, with its parameters: for a cursor, or COPY (through session settings then).
    // Guarded as every statement of the source is (a round trip of its own, before).
    std::pair<QString, std::vector<pg::Param>> selectAll(const QList<Filter> &filters, const Order &order);
    // The rows as COPY text (CSV with a header, or one JSON object per line), streamed to
    // the consumer; the relation's full values, not cut.
    qint64 copyOut(const QList<Filter> &filters, const Order &order, bool json,
                   const std::function<bool(const char *, int)> &consumer);

    // The JSON key from --after ('[42]', '["a", 7]'): one value per key column.
    Position parseKey(const QString &json) const;
    // The full value of one cell of a keyed row (for the JSON viewer, a cut cell).
    std::optional<QByteArray> fullValue(const std::vector<QByteArray> &key, const QString &column);

    QList<Row> readRows(const pg::Result &r, int sortColumns) const;

private:
    struct Sql;
    QString selectList() const;
    QString where(const QList<Filter> &filters, Sql &sql, bool forCopy = false) const;
    QString orderBy(const Order &order, bool reversed) const;
    QString keyset(const Order &order, const Position &from, bool backward, Sql &sql) const;
    QString table() const;
    QString ident(const QString &name) const;
    QString cast(const QString &column) const;
    pg::Result run(const QString &sql, const std::vector<pg::Param> &params);
    // Sends `statement` (none: the guard alone, for a read not sent through run()) behind
    // what the session's protection asks: a table's checks in the same round trip, or the
    // guard's walk first.
    pg::Result guardedRun(const std::optional<pg::Connection::Statement> &statement);
    void guardRead() { guardedRun(std::nullopt); }
    pg::Result checkedPipeline(std::vector<pg::Connection::Statement> checks,
                               const std::optional<pg::Connection::Statement> &statement);
    QString ownRowsCheck() const;

    pg::Connection &m_conn;
    RelationDetails m_details;
    bool m_walkEach = false; // a table found to read more than its rows: walked as a view is
};

// A read-only result read through a server-side SCROLL cursor in its own transaction: the
// first rows at once, the rest as asked, any window again, so a client holds a capped window
// of rows whatever the row count. One per connection at a time.
//
// The transaction is never held longer than the reading needs (no session of ours idles in a
// transaction once its answer is shown): it ends as soon as the last row has been read (a
// result that fits is read whole at once), and release() ends it earlier, when the reader
// has stopped paging for a while. A read after that runs the statement again in a new
// transaction and moves to the row asked for (reruns() counts those; rows may differ from
// the first run's, which the reader should say).
class QueryCursor
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::QueryCursor)
public:
    // Where the SELECT comes from: SQL of ours, or typed by a person (checked by SqlGuard
    // before anything is sent on a guarded session).
    enum class Origin { Ours, User };
    // Opens the cursor; statement_timeout applies to each statement in it (0: none). The
    // transaction is a UserTransaction: what the statement leaves on the server session is
    // cleaned up when the cursor closes.
    QueryCursor(pg::Connection &conn, const QString &select, const std::vector<pg::Param> &params,
                int timeoutMs = 0, Origin origin = Origin::Ours);
    ~QueryCursor();
    QueryCursor(const QueryCursor &) = delete;
    QueryCursor &operator=(const QueryCursor &) = delete;

    // Up to count rows from row `first` (0-based); fewer at the end, which sets total().
    pg::Result fetch(qint64 first, int count);
    // The next count rows after the last fetched.
    pg::Result next(int count);
    std::optional<qint64> total() const { return m_total; }
    QStringList columnNames() const { return m_columns; }
    // Whether the cursor's transaction is open on the server now.
    bool held() const { return m_transaction != nullptr; }
    // Ends the transaction (and the cursor with it) now; a later read runs the statement again.
    void release();
    // How many times the statement was run again after a release.
    int reruns() const { return m_reruns; }
    // The connection goes through a pooler in transaction mode (the server process of the
    // transaction is not the one of the login): an open cursor pins a server connection.
    bool viaPooler() const { return m_viaPooler; }
    void close() { release(); }

private:
    void open();

    pg::Connection &m_conn;
    QString m_select;
    std::vector<pg::Param> m_params;
    int m_timeoutMs = 0;
    Origin m_origin = Origin::Ours;
    qint64 m_position = 0; // rows before the cursor
    std::optional<qint64> m_total;
    QStringList m_columns;
    int m_reruns = 0;
    bool m_viaPooler = false;
    std::unique_ptr<UserTransaction> m_transaction;
};

} // namespace statescope::browse
