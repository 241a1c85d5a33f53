#include "fence.h"

#include "core/error.h"
#include "core/pg/connection.h"

#include <QElapsedTimer>
#include <QThread>

namespace statescope::weekly {

namespace {
constexpr int kWaitMs = 10000;
constexpr int kPollMs = 50;
constexpr int kSettleMs = 3000; // the longest wait for counters to catch up
constexpr int kStillMs = 150;   // how long the session counter must stand still
} // namespace

WriterFence::WriterFence(pg::Connection &maintenance, QString database)
    : m_conn(maintenance), m_database(std::move(database))
{
    const auto r = m_conn.exec(
        QStringLiteral("SELECT d.datconnlimit, "
                       "has_database_privilege('public', d.oid, 'CONNECT') AS public_connect, "
                       "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser "
                       "FROM pg_database d WHERE d.datname = $1"),
        {m_database});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no database %1.").arg(m_database));
    m_oldLimit = r.toInt(0, 0);
    m_publicConnect = r.toBool(0, 1);
    m_superuser = r.toBool(0, 2);
}

void WriterFence::raise()
{
    const QString quoted = m_conn.quoteIdentifier(m_database);
    try {
        if (m_superuser) {
            m_conn.exec(QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT 0").arg(quoted));
            m_limitSet = true;
        }
        if (m_publicConnect) {
            m_conn.exec(QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM PUBLIC").arg(quoted));
            m_publicConnectRevoked = true;
        }
        clear();
    } catch (...) {
        lower();
        throw;
    }
}

WriterFence::~WriterFence()
{
    if (!m_keep)
        lower();
}

void WriterFence::lower()
{
    const QString quoted = m_conn.quoteIdentifier(m_database);
    try {
        if (m_limitSet)
            m_conn.exec(QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT %2")
                            .arg(quoted)
                            .arg(m_oldLimit));
        m_limitSet = false;
        if (m_publicConnectRevoked)
            m_conn.exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO PUBLIC").arg(quoted));
        m_publicConnectRevoked = false;
    } catch (const Error &) {
        // The server went away: state() was journalled before the fence went up, so what is
        // left to put back is on record.
    }
}

int WriterFence::otherClientSessions() const
{
    return m_conn
        .exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                             "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"),
              {m_database})
        .toInt(0, 0);
}

WriterFence::Counters WriterFence::counters() const
{
    if (m_conn.serverVersion() < 140000)
        return {};
    // Each statement is its own transaction, so the statistics are read afresh.
    const auto r = m_conn.exec(
        QStringLiteral("SELECT sessions, sessions_killed FROM pg_stat_database WHERE datname = $1"),
        {m_database});
    if (r.rowCount() == 0)
        return {};
    return {r.toLongLong(0, 0), r.toLongLong(0, 1)};
}

qint64 WriterFence::sessionCounter() const
{
    return counters().sessions;
}

void WriterFence::clear()
{
    const Counters before = counters();
    const int terminated = m_conn
                               .exec(QStringLiteral(
                                         "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                         "WHERE datname = $1 AND pid <> pg_backend_pid()"),
                                     {m_database})
                               .toInt(0, 0);
    m_terminated += terminated;
    QElapsedTimer waited;
    waited.start();
    while (otherClientSessions() > 0) {
        if (waited.elapsed() > kWaitMs)
            throw Error(Error::Kind::Conflict,
                        tr("Sessions on %1 did not end after being terminated; nothing was "
                           "changed.")
                            .arg(m_database));
        QThread::msleep(kPollMs);
    }
    if (before.sessions < 0) {
        m_baseline = -1;
        return;
    }
    // A backend leaves pg_stat_activity a moment before it flushes its statistics, and a
    // session that had not flushed yet still owes the counter its own connection. Read the
    // baseline only once the terminated sessions have reported their end (sessions_killed)
    // and the counter has stood still for a moment; a baseline read too early would make
    // the dump that follows look as if somebody had got in.
    Counters now = counters();
    waited.restart();
    while (now.killed < before.killed + terminated && waited.elapsed() < kSettleMs) {
        QThread::msleep(kPollMs);
        now = counters();
    }
    waited.restart();
    for (;;) {
        QThread::msleep(kStillMs);
        const Counters again = counters();
        if (again.sessions == now.sessions || waited.elapsed() > kSettleMs) {
            now = again;
            break;
        }
        now = again;
    }
    m_baseline = now.sessions;
}

bool WriterFence::isQuiet(int ownSessions)
{
    // Our own sessions must be gone (and counted) before the counter can be compared.
    QElapsedTimer waited;
    waited.start();
    while (otherClientSessions() > 0) {
        if (waited.elapsed() > kWaitMs)
            return false; // somebody is connected now
        QThread::msleep(kPollMs);
    }
    if (m_baseline < 0)
        return true; // before PostgreSQL 14: only "nobody is connected now" can be checked
    // A backend leaves pg_stat_activity a moment before its counters reach the shared
    // statistics: give the expected count a short while to arrive.
    qint64 now = sessionCounter();
    waited.restart();
    while (now < m_baseline + ownSessions && waited.elapsed() < kSettleMs) {
        QThread::msleep(kPollMs);
        now = sessionCounter();
    }
    return now <= m_baseline + ownSessions;
}

void WriterFence::lowerLeftover(pg::Connection &conn, const QString &database,
                                const nlohmann::json &state)
{
    if (!state.is_object())
        return;
    const QString quoted = conn.quoteIdentifier(database);
    const auto limit = state.value("connection_limit_before", nlohmann::json());
    if (state.value("sets_connection_limit_0", false) && limit.is_number_integer())
        conn.exec(QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT %2")
                      .arg(quoted)
                      .arg(limit.get<qint64>()));
    if (state.value("revokes_public_connect", false))
        conn.exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO PUBLIC").arg(quoted));
}

nlohmann::json WriterFence::state() const
{
    return {{"connection_limit_before", m_oldLimit},
            {"public_connect_before", m_publicConnect},
            {"sets_connection_limit_0", m_superuser},
            {"revokes_public_connect", m_publicConnect}};
}

} // namespace statescope::weekly
