#pragma once

#include <QString>

namespace statescope::pg {
class Connection;
}

namespace statescope::browse {

// The transaction SQL that a person typed runs in (the console, `query`, a metric's own SQL):
//   - guarded first: on a superuser's session without a reader login, what could act on the
//     server is refused before anything is sent (SqlGuard);
//   - BEGIN READ ONLY (with the connection's transaction settings), statement_timeout set
//     inside it, then a savepoint;
//   - at the end, whether the statement worked or not (back to the savepoint first when it
//     failed), what a statement may leave on the server session is cleaned up before the
//     ROLLBACK: session advisory locks and prepared statements survive a rollback, and
//     through PgBouncer in transaction mode the next client of that server session would
//     inherit them. DISCARD ALL cannot run inside a transaction, and after it the pooler may
//     hand us another session, so the cleanup is spelled out: pg_advisory_unlock_all(),
//     DEALLOCATE ALL, CLOSE ALL, UNLISTEN *, SET SESSION AUTHORIZATION DEFAULT, RESET ALL.
// An empty userSql (SQL of our own in the same shape of transaction) is not checked.
class UserTransaction
{
public:
    UserTransaction(pg::Connection &conn, const QString &userSql, int timeoutMs);
    ~UserTransaction();
    UserTransaction(const UserTransaction &) = delete;
    UserTransaction &operator=(const UserTransaction &) = delete;

    // Cleans up and rolls back (idempotent; never throws).
    void end();

private:
    pg::Connection &m_conn;
    bool m_open = false;
};

} // namespace statescope::browse
