// QueryCursor: a SCROLL cursor in a READ ONLY transaction of its own, read a page at a time
// (rows.h).
#include "core/browse/rows.h"

#include "core/browse/sqlguard.h"
#include "core/pg/readerlogin.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace statescope::browse {

QueryCursor::QueryCursor(pg::Connection &conn, const QString &select,
                         const std::vector<pg::Param> &params, int timeoutMs, Origin origin)
    : m_conn(conn), m_select(select), m_params(params), m_timeoutMs(timeoutMs), m_origin(origin)
{
    open();
}

QueryCursor::~QueryCursor()
{
    release();
}

void QueryCursor::open()
{
    m_transaction = std::make_unique<UserTransaction>(m_conn, m_origin == Origin::User ? m_select : QString(),
                                                      m_timeoutMs);
    m_viaPooler = m_transaction->serverPid() != 0 && m_transaction->serverPid() != m_conn.backendPid();
    const QString declare = QStringLiteral("DECLARE statescope_rows SCROLL CURSOR FOR ");
    try {
        m_conn.exec(declare + m_select, m_params);
    } catch (Error &e) {
        release();
        // The server counts from the start of DECLARE; the person's statement starts after it.
        if (e.position() > declare.size())
            e.atPosition(e.position() - int(declare.size()));
        throw;
    } catch (...) {
        release();
        throw;
    }
    m_position = 0;
}

void QueryCursor::release()
{
    if (!m_transaction)
        return;
    m_transaction->end(); // read-only: nothing to keep
    m_transaction.reset();
}

pg::Result QueryCursor::fetch(qint64 first, int count)
{
    if (!m_transaction) {
        // Ended since the last read (the end was reached, or the reader paused): the
        // statement runs again, in a transaction of its own, for as long as this read.
        open();
        ++m_reruns;
    }
    if (first != m_position) {
        // MOVE ABSOLUTE n leaves the cursor on row n (1-based): the next FETCH reads n + 1.
        m_conn.exec(QStringLiteral("MOVE ABSOLUTE %1 IN statescope_rows").arg(first));
        m_position = first;
    }
    return next(count);
}

pg::Result QueryCursor::next(int count)
{
    if (!m_transaction)
        return fetch(m_position, count);
    const pg::Result r =
        m_conn.exec(QStringLiteral("FETCH FORWARD %1 FROM statescope_rows").arg(std::max(1, count)));
    if (m_columns.isEmpty())
        for (int c = 0; c < r.columnCount(); ++c)
            m_columns << r.columnName(c);
    m_position += r.rowCount();
    if (r.rowCount() < count) {
        m_total = m_position;
        release(); // every row is read: nothing left to hold the transaction for
    }
    return r;
}

} // namespace statescope::browse
