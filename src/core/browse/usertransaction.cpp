#include "core/browse/usertransaction.h"

#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"

namespace statescope::browse {

namespace {
const QString kSavepoint = QStringLiteral("statescope_user");
}

UserTransaction::UserTransaction(pg::Connection &conn, const QString &userSql, int timeoutMs)
    : m_conn(conn)
{
    if (!userSql.isEmpty()) {
        // Ending our transaction (or preparing it, to outlive the session) is never typed SQL's
        // to do, whoever reads.
        if (const QString control = SqlGuard::transactionControl(userSql); !control.isEmpty())
            throw Error::invalidInput(
                SqlGuard::tr("%1 is not run here: every statement runs in a read-only transaction of its own, "
                            "rolled back when it ends; nothing was sent.")
                    .arg(control));
        SqlGuard::check(conn, userSql);
    }
    m_conn.begin();
    m_open = true;
    try {
        // Read-only whatever the connection (a read-write one too): going to read-only is
        // allowed at any point of a transaction.
        m_conn.exec(QStringLiteral("SET TRANSACTION READ ONLY"));
        if (timeoutMs > 0)
            m_conn.exec(QStringLiteral("SELECT set_config('statement_timeout', $1, true)"),
                        {QString::number(timeoutMs)});
        m_conn.exec(QStringLiteral("SAVEPOINT ") + kSavepoint);
    } catch (...) {
        end();
        throw;
    }
}

UserTransaction::~UserTransaction()
{
    end();
}

void UserTransaction::end()
{
    if (!m_open)
        return;
    m_open = false;
    if (!m_conn.isAlive())
        return;
    try {
        // A failed statement leaves the transaction waiting for a rollback: back to before
        // it, so the cleanup can run. (A statement that ended our transaction itself, a
        // COMMIT or ROLLBACK typed by the person, leaves nothing to go back to.)
        if (m_conn.inFailedTransaction())
            m_conn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint);
        // What outlives a rollback first (advisory locks, prepared statements), then the rest;
        // one round trip.
        m_conn.execScript(QStringLiteral("SELECT pg_advisory_unlock_all(); DEALLOCATE ALL; CLOSE ALL; "
                                         "UNLISTEN *; SET SESSION AUTHORIZATION DEFAULT; RESET ALL"));
    } catch (const Error &) {
        // The ROLLBACK below still ends the transaction; a lost connection ends everything.
    }
    m_conn.rollbackQuietly();
}

} // namespace statescope::browse
