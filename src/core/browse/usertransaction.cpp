#include "core/browse/usertransaction.h"

#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"

namespace statescope::browse {

namespace {
const QString kSavepoint = QStringLiteral("statescope_user");
}

UserTransaction::Held UserTransaction::held(pg::Connection &conn)
{
    Held h;
    const auto r = conn.exec(QStringLiteral(
        "SELECT 'l', classid::text, objid::text, objsubid::text, (mode = 'ShareLock')::text FROM pg_catalog.pg_locks "
        "WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid() AND granted "
        "UNION ALL SELECT 'p', name, '', '', '' FROM pg_catalog.pg_prepared_statements WHERE from_sql "
        "UNION ALL SELECT 'b', pg_catalog.pg_backend_pid()::text, '', '', ''"));
    for (int i = 0; i < r.rowCount(); ++i) {
        if (r.value(i, 0) == QLatin1String("b")) {
            h.serverPid = r.value(i, 1).toInt();
            continue;
        }
        if (r.value(i, 0) == QLatin1String("p")) {
            h.prepared << r.value(i, 1);
            continue;
        }
        // As pg_locks shows them: a bigint key in two halves (objsubid 1), or two integer
        // keys (objsubid 2), each an unsigned 32-bit oid.
        const quint32 hi = r.value(i, 1).toUInt(), lo = r.value(i, 2).toUInt();
        const QString shared = r.value(i, 4) == QLatin1String("true") ? QStringLiteral("_shared") : QString();
        const QString args = r.value(i, 3) == QLatin1String("1")
                                 ? QStringLiteral("%1::bigint").arg(qint64((quint64(hi) << 32) | lo))
                                 : QStringLiteral("%1, %2").arg(qint32(hi)).arg(qint32(lo));
        h.locks << QStringLiteral("pg_catalog.pg_advisory_unlock%1(%2)").arg(shared, args) + QLatin1Char('|')
                       + QStringLiteral("classid = %1 AND objid = %2 AND objsubid = %3 AND mode = '%4'")
                             .arg(hi)
                             .arg(lo)
                             .arg(r.value(i, 3), shared.isEmpty() ? QStringLiteral("ExclusiveLock") : QStringLiteral("ShareLock"));
    }
    return h;
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
        // What this server session holds before the statement: through a pooler in
        // transaction mode it may be another client's, and stays theirs.
        m_before = held(m_conn);
        m_serverPid = m_before.serverPid;
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
        // Back to before the statement, whether it failed or not: this releases the
        // transaction-level locks it took and undoes its settings, so that what is still held
        // below is what outlives a rollback.
        m_conn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint);
        // What outlives the rollback: session advisory locks and prepared statements the
        // statement itself took (only those: what the session held before it is another
        // client's, through a pooler). Settings, SET SESSION AUTHORIZATION, LISTEN and cursors
        // made inside the transaction all go with the ROLLBACK below.
        const Held after = held(m_conn);
        QStringList cleanup;
        for (const QString &lock : after.locks) {
            if (m_before.locks.contains(lock))
                continue;
            // A session lock taken n times is released n times: unlock while the server still
            // shows it held (CASE: the check before each call), at most 1000 times.
            const QString unlock = lock.section(QLatin1Char('|'), 0, 0), which = lock.section(QLatin1Char('|'), 1);
            cleanup << QStringLiteral("WITH RECURSIVE u(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM u WHERE n < 1000 "
                                      "AND CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' "
                                      "AND pid = pg_catalog.pg_backend_pid() AND granted AND %1) THEN %2 ELSE false END) "
                                      "SELECT count(*) FROM u")
                           .arg(which, unlock);
        }
        for (const QString &name : after.prepared)
            if (!m_before.prepared.contains(name))
                cleanup << QStringLiteral("DEALLOCATE \"%1\"").arg(QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")));
        if (!cleanup.isEmpty())
            m_conn.execScript(cleanup.join(QStringLiteral("; ")));
    } catch (const Error &) {
        // The ROLLBACK below still ends the transaction; a lost connection ends everything.
    }
    m_conn.rollbackQuietly();
}

} // namespace statescope::browse
