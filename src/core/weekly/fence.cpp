#include "fence.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"

#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <optional>
#include <thread>

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
// How long the table locks wait for a writer's transaction to end; a deadlock with a writer
// is tried again this many times.
constexpr int kLockTimeoutMs = 10000;
constexpr int kLockAttempts = 3;
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
        // The limit already stops every role but a superuser, so PUBLIC's CONNECT is taken
        // away only when no limit could be set: a REVOKE turns a database's default
        // privileges (datacl NULL) into an explicit list that no GRANT turns back.
        if (m_publicConnect && !m_superuser) {
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
    releaseLocks();
}

void WriterFence::holdWriters(const pg::ConnectionSettings &database, CancelToken *token)
{
    m_lockDatabase = database;
    m_lockToken = token;
}

QString WriterFence::ownPids() const
{
    // The maintenance session, and the one holding the table locks.
    QString pids = QString::number(m_conn.backendPid());
    if (m_lockSession)
        pids += QLatin1Char(',') + QString::number(m_lockPid);
    return QLatin1Char('{') + pids + QLatin1Char('}');
}

void WriterFence::releaseLocks()
{
    if (!m_lockSession)
        return;
    m_lockSession->bindCancelToken(nullptr);
    m_lockSession->rollbackQuietly();
    m_lockSession.reset();
}

void WriterFence::lockTables()
{
    if (!m_lockDatabase || m_lockSession)
        return;
    m_lockProblem.clear();
    std::unique_ptr<pg::Connection> session;
    try {
        session = pg::Connection::open(*m_lockDatabase, pg::Connection::Access::ReadWrite, m_lockToken);
    } catch (const Error &e) {
        if (e.kind() == Error::Kind::Cancelled)
            throw;
        m_lockProblem = tr("the session to lock its tables could not connect: %1").arg(e.message());
        return;
    }
    const QStringList names = catalog::lockableTables(*session);
    if (names.isEmpty())
        return;
    const QString lock = QStringLiteral("LOCK TABLE %1 IN SHARE MODE").arg(names.join(QStringLiteral(", ")));
    for (int attempt = 1;; ++attempt) {
        // The LOCK runs on its own thread while this one watches whom it waits for, so a
        // timeout can name the transaction that held it up.
        // The server's own pid of the session (through a pooler the one libpq knows is not),
        // fixed for as long as its transaction lasts.
        session->begin();
        m_lockPid = session->exec(QStringLiteral("SELECT pg_backend_pid(), set_config('lock_timeout', $1, true)"),
                                  {QString::number(kLockTimeoutMs)})
                        .toInt(0, 0);
        const int pid = m_lockPid;
        std::atomic_bool done{false};
        std::optional<Error> failure;
        std::thread locker([&] {
            try {
                session->exec(lock);
            } catch (const Error &e) {
                failure = e;
            } catch (const std::exception &e) {
                failure = Error(Error::Kind::Internal, QString::fromLocal8Bit(e.what()));
            }
            done = true;
        });
        QString blockers;
        while (!done) {
            QThread::msleep(kPollMs);
            try {
                const auto b = m_conn.exec(
                    QStringLiteral("SELECT string_agg(format('pid %s (%s, %s, %s, transaction started %s: %s)', "
                                   "a.pid, coalesce(a.usename, '?'), coalesce(nullif(a.application_name, ''), '?'), "
                                   "a.state, to_char(a.xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS UTC'), "
                                   "left(a.query, 120)), '; ') "
                                   "FROM pg_stat_activity a WHERE a.pid = ANY(pg_blocking_pids($1))"),
                    {pid});
                if (!b.isNull(0, 0))
                    blockers = b.value(0, 0);
            } catch (const Error &) {
                // Watching is best effort; the LOCK's own outcome decides.
            }
        }
        locker.join();
        if (!failure) {
            m_lockSession = std::move(session);
            return;
        }
        session->rollbackQuietly();
        m_lockPid = 0;
        if (failure->kind() == Error::Kind::Cancelled || failure->kind() == Error::Kind::Connection)
            throw *failure;
        if (failure->sqlstate() == QLatin1String("40P01") && attempt < kLockAttempts)
            continue; // a deadlock with a writer: the writer's turn is over, try again
        if (failure->sqlstate() == QLatin1String("55P03"))
            throw Error(Error::Kind::Conflict,
                        tr("Waited %1 s to stop the writes to %2, and a transaction did not end; "
                           "nothing was changed.")
                            .arg(kLockTimeoutMs / 1000)
                            .arg(m_database),
                        blockers.isEmpty() ? failure->message()
                                           : tr("The lock was held by %1.").arg(blockers),
                        tr("End that transaction (or terminate its session), then try again."),
                        failure->sqlstate());
        // No right to lock every table, or more tables than the lock table holds: go on
        // without the locks; the counters still prove whether anybody wrote.
        m_lockProblem = failure->message();
        return;
    }
}

bool WriterFence::lowerNow()
{
    // Lowering is what a cancelled or failed action owes: it must not be cancelled itself.
    m_conn.bindCancelToken(nullptr);
    releaseLocks();
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
                             "AND backend_type = 'client backend' AND pid <> ALL($2::int[])"),
              {m_database, ownPids()})
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
                             "AND l.pid IS NOT NULL AND l.pid <> ALL($2::int[])"),
              {m_database, ownPids()})
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

void WriterFence::terminateAndWait(bool untilEmpty)
{
    // pg_terminate_backend() in the select list: it runs only for the rows the WHERE kept
    // (a condition beside it could be evaluated first, for every session of the server).
    // The server's own workers (an autovacuum that began on rows just written) go too, but
    // are not counted: the preview counts client sessions only, as dropDatabase does.
    const auto r = m_conn.exec(
        QStringLiteral("SELECT pid, pg_terminate_backend(pid), application_name IS DISTINCT FROM $3 "
                       "  AND backend_type IN ('client backend', 'walsender') "
                       "FROM pg_stat_activity WHERE datname = $1 AND pid <> ALL($2::int[])"),
        {m_database, ownPids(), pg::Connection::ownApplicationName()});
    QStringList pids;
    for (int i = 0; i < r.rowCount(); ++i)
        if (r.toBool(i, 1)) {
            pids << r.value(i, 0);
            // This Statescope's own panes are not counted, as the preview does not count them.
            m_terminated += r.toBool(i, 2) ? 1 : 0;
        }
    const QString terminated = QLatin1Char('{') + pids.join(QLatin1Char(',')) + QLatin1Char('}');
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        // Everybody but us, or (with the tables locked: newcomers cannot write) those we
        // terminated.
        const int left = untilEmpty ? otherClientSessions()
                                    : m_conn.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                                                                 "WHERE pid = ANY($1::int[])"),
                                                  {terminated})
                                          .toInt(0, 0);
        if (left == 0)
            return;
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
    if (m_lockDatabase && !m_lockSession) {
        // Those inside now first: a transaction of theirs would hold the locks up.
        terminateAndWait(false);
        lockTables();
    }
    if (m_lockSession) {
        // Whoever gets in from here on waits for the locks and cannot write: the counters
        // of everybody who could have are final once they are gone.
        terminateAndWait(false);
        m_baseline = counters();
        return;
    }
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        terminateAndWait(true);
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
    terminateAndWait(true);
}

bool WriterFence::isQuiet(int ownSessions)
{
    if (!m_sealed && m_allowConnections)
        seal();
    // Nobody else is inside and nobody can get in: the locks have done their work. (Our
    // locking session connected before the baseline was read: it is counted there.)
    releaseLocks();
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
    // Only when PUBLIC lacks it now: a GRANT of what the default privileges already give
    // writes them out as an explicit list (datacl NULL no more).
    if (state.value("revokes_public_connect", false)
        && !conn.exec(QStringLiteral("SELECT has_database_privilege('public', $1, 'CONNECT')"), {database}).toBool(0, 0))
        conn.exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO PUBLIC").arg(quoted));
}

nlohmann::json WriterFence::state() const
{
    return {{"connection_limit_before", m_oldLimit},
            {"public_connect_before", m_publicConnect},
            {"allow_connections_before", m_allowConnections},
            {"sets_connection_limit_0", m_superuser},
            {"revokes_public_connect", m_publicConnect && !m_superuser}, // the limit does it for a superuser
            {"seals", m_allowConnections}};
}

} // namespace statescope::weekly
