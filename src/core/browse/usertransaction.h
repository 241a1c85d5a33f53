#pragma once

#include <QString>
#include <QStringList>

namespace statescope::pg {
class Connection;
}

namespace statescope::browse {

// The transaction SQL that a person typed runs in (the console, `query`, a metric's own SQL):
//   - guarded first: on a superuser's session without a reader login, what could act on the
//     server is refused before anything is sent (SqlGuard);
//   - BEGIN READ ONLY (with the connection's transaction settings), statement_timeout set
//     inside it, then a savepoint;
//   - at the end, whether the statement worked or not, back to the savepoint (its settings,
//     role, cursors, LISTENs and transaction-level locks go), then what survives a rollback
//     is cleaned up before the ROLLBACK: session advisory locks and prepared statements that
//     the statement itself took, and only those. Through PgBouncer in transaction mode the
//     server session is shared: what it held before the statement (read at the start) is
//     another client's and stays; what the statement left would otherwise pass to the next.
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
    // The server process the transaction runs in, as the server knows it: through a pooler
    // in transaction mode it is not the one libpq was told at login.
    int serverPid() const { return m_serverPid; }

private:
    // Session advisory locks (the unlock call and its pg_locks condition) and prepared
    // statements (by name) the server session holds.
    struct Held
    {
        QStringList locks;
        QStringList prepared;
        int serverPid = 0;
    };
    static Held held(pg::Connection &conn);

    pg::Connection &m_conn;
    Held m_before;
    bool m_open = false;
    int m_serverPid = 0;
};

} // namespace statescope::browse
