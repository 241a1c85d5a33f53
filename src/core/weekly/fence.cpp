#include "fence.h"

#include "core/error.h"
#include "core/pg/connection.h"

#include <QElapsedTimer>
#include <QThread>

namespace statescope::weekly {

namespace {
constexpr int kWaitMs = 10000;
constexpr int kPollMs = 50;
constexpr int kStartingMs = 1000;
constexpr int kStartingPollMs = 10;
// PostgreSQL 14 sends statistics to a collector process that publishes them every half
// second: there the counters are read once they stand still that long.
constexpr int kCollectorStillMs = 600;
constexpr int kCollectorSettleMs = 3000;
} // namespace

WriterFence::WriterFence(pg::Connection &maintenance, QString database)
    : m_conn(maintenance), m_database(std::move(database))
{
    const auto r = m_conn.exec(
        QStringLiteral("SELECT d.datconnlimit, "
                       "has_database_privilege('public', d.oid, 'CONNECT') AS public_connect, "
                       "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser, "
                       "d.datallowconn "
                       "FROM pg_database d WHERE d.datname = $1"),
        {m_database});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no database %1.").arg(m_database));
    m_oldLimit = r.toInt(0, 0);
    m_publicConnect = r.toBool(0, 1);
    m_superuser = r.toBool(0, 2);
    m_allowConnections = r.toBool(0, 3);
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
        lowerNow();
        throw;
    }
}

WriterFence::~WriterFence()
{
    if (!m_keep)
        lowerNow();
}

bool WriterFence::lowerNow()
{
    // Lowering is what a cancelled or failed action owes: it must not be cancelled itself.
    m_conn.bindCancelToken(nullptr);
    const QString quoted = m_conn.quoteIdentifier(m_database);
    try {
        if (m_sealed)
            m_conn.exec(
                QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(quoted));
        m_sealed = false;
        if (m_limitSet)
            m_conn.exec(QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT %2")
                            .arg(quoted)
                            .arg(m_oldLimit));
        m_limitSet = false;
        if (m_publicConnectRevoked)
            m_conn.exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO PUBLIC").arg(quoted));
        m_publicConnectRevoked = false;
        return true;
    } catch (const Error &) {
        // The server went away: state() was journalled before the fence went up, so what is
        // left to put back is on record (the caller keeps the run open).
        return false;
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

int WriterFence::startingBackends() const
{
    // A backend holds a lock on the database from before it checks that it may connect
    // until after it shows in pg_stat_activity.
    return m_conn
        .exec(QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_database d "
                             "ON l.locktype = 'object' AND l.classid = 'pg_database'::regclass "
                             "AND l.objid = d.oid WHERE d.datname = $1 "
                             "AND l.pid IS NOT NULL AND l.pid <> pg_backend_pid()"),
              {m_database})
        .toInt(0, 0);
}

WriterFence::Counters WriterFence::counters() const
{
    if (m_conn.serverVersion() < 140000)
        return {};
    // Each statement is its own transaction, so the statistics are read afresh. Rows
    // written are counted only while track_counts is on (the default).
    const auto read = [this] {
        const auto r =
            m_conn.exec(QStringLiteral("SELECT sessions, "
                                       "CASE WHEN current_setting('track_counts')::bool "
                                       "THEN tup_inserted + tup_updated + tup_deleted ELSE -1 END, "
                                       "coalesce(stats_reset::text, '') "
                                       "FROM pg_stat_database WHERE datname = $1"),
                        {m_database});
        return r.rowCount() == 0 ? Counters{}
                                 : Counters{r.toLongLong(0, 0), r.toLongLong(0, 1), r.value(0, 2)};
    };
    Counters now = read();
    if (m_conn.serverVersion() >= 150000)
        return now; // a backend's statistics are in shared memory before it leaves pg_stat_activity
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < kCollectorSettleMs) {
        QThread::msleep(kCollectorStillMs);
        const Counters again = read();
        if (again.sessions == now.sessions && again.writes == now.writes)
            break;
        now = again;
    }
    return now;
}

void WriterFence::terminateAndWait()
{
    m_terminated +=
        m_conn
            .exec(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                 "WHERE datname = $1 AND pid <> pg_backend_pid()"),
                  {m_database})
            .toInt(0, 0);
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
}

void WriterFence::clear()
{
    if (m_sealed) {
        m_conn.exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true")
                        .arg(m_conn.quoteIdentifier(m_database)));
        m_sealed = false;
    }
    // Every session that ever connected has ended, and a backend's counters reach the
    // shared statistics before it leaves pg_stat_activity: the baseline is exact, provided
    // nobody is inside once it is read. A session that got in just before would have its
    // connection counted already and could write on unnoticed: then clear again.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        terminateAndWait();
        m_baseline = counters();
        if (otherClientSessions() == 0)
            return;
        if (waited.elapsed() > kWaitMs)
            throw Error(Error::Kind::Conflict,
                        tr("Sessions kept connecting to %1 as fast as they were terminated; "
                           "nothing was changed.")
                            .arg(m_database),
                        {},
                        tr("Stop the programs connecting to it (superusers and roles granted "
                           "CONNECT by name get past the fence), then try again."));
    }
}

void WriterFence::seal()
{
    if (m_allowConnections && !m_sealed) {
        m_conn.exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false")
                        .arg(m_conn.quoteIdentifier(m_database)));
        m_sealed = true;
    }
    // A backend that passed the door just before it shut may not show in pg_stat_activity
    // yet: once no backend holds the database's lock, every such one shows there. (Refused
    // attempts hold it for a moment too; after a second of them, carry on.)
    QElapsedTimer waited;
    waited.start();
    while (startingBackends() > 0 && waited.elapsed() < kStartingMs)
        QThread::msleep(kStartingPollMs);
    terminateAndWait();
}

bool WriterFence::isQuiet(int ownSessions)
{
    if (!m_sealed && m_allowConnections)
        seal();
    if (m_baseline.sessions < 0)
        return true; // before PostgreSQL 14: only "nobody is connected now" can be checked
    const Counters now = counters();
    if (now.sessions < m_baseline.sessions || now.reset != m_baseline.reset)
        return false; // the statistics were reset meanwhile: they prove nothing
    if (now.sessions <= m_baseline.sessions + ownSessions)
        return true;
    // Somebody else got in (a superuser, a role granted CONNECT by name). Harmless when
    // none of them wrote a row: another user's listing, a monitoring probe.
    return m_baseline.writes >= 0 && now.writes == m_baseline.writes;
}

void WriterFence::lowerLeftover(pg::Connection &conn, const QString &database,
                                const nlohmann::json &state)
{
    if (!state.is_object())
        return;
    const QString quoted = conn.quoteIdentifier(database);
    if (state.value("seals", false) && state.value("allow_connections_before", true))
        conn.exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(quoted));
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
            {"allow_connections_before", m_allowConnections},
            {"sets_connection_limit_0", m_superuser},
            {"revokes_public_connect", m_publicConnect},
            {"seals", m_allowConnections}};
}

} // namespace statescope::weekly
