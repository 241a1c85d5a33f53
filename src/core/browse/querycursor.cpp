// QueryCursor: a SCROLL cursor in a READ ONLY transaction of its own, read a page at a time
// (rows.h).
#include "core/browse/rows.h"

#include "core/browse/sqlguard.h"
#include "core/pg/readerlogin.h"

#include "core/error.h"
#include "core/events/eventexport.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace statescope::browse {

QueryCursor::QueryCursor(pg::Connection &conn, const QString &select,
                         const std::vector<pg::Param> &params, int timeoutMs, Origin origin)
    : m_conn(conn),
      m_transaction(std::make_unique<UserTransaction>(conn, origin == Origin::User ? select : QString(),
                                                      timeoutMs))
{
    try {
        m_conn.exec(QStringLiteral("DECLARE statescope_rows SCROLL CURSOR FOR ") + select, params);
    } catch (...) {
        close();
        throw;
    }
}

QueryCursor::~QueryCursor()
{
    close();
}

void QueryCursor::close()
{
    if (m_transaction)
        m_transaction->end(); // read-only: nothing to keep
}

pg::Result QueryCursor::fetch(qint64 first, int count)
{
    if (first != m_position) {
        // MOVE ABSOLUTE n leaves the cursor on row n (1-based): the next FETCH reads n + 1.
        m_conn.exec(QStringLiteral("MOVE ABSOLUTE %1 IN statescope_rows").arg(first));
        m_position = first;
    }
    return next(count);
}

pg::Result QueryCursor::next(int count)
{
    const pg::Result r =
        m_conn.exec(QStringLiteral("FETCH FORWARD %1 FROM statescope_rows").arg(std::max(1, count)));
    if (m_columns.isEmpty())
        for (int c = 0; c < r.columnCount(); ++c)
            m_columns << r.columnName(c);
    if (r.rowCount() < count)
        m_total = m_position + r.rowCount();
    m_position += r.rowCount();
    return r;
}

} // namespace statescope::browse
