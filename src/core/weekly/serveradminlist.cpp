// ServerAdmin::list: names, sizes, sessions and ALLOW_CONNECTIONS from one maintenance
// session; each database's schema state from a connection of its own, a few at a time.
#include "core/weekly/serveradmin.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/weekly/serveradmin_p.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace statescope::weekly {

QList<DatabaseInfo> ServerAdmin::list(const QString &prefix, TaskContext *ctx) const
{
    return inspect(listNames(prefix, ctx), ctx);
}

QList<DatabaseInfo> ServerAdmin::listNames(const QString &prefix, TaskContext *ctx) const
{
    if (!prefix.isEmpty())
        validatePrefix(prefix);
    auto conn = maintenance(ctx);
    // pg_database_size() of a database dropped while the statement runs fails the whole
    // statement ("database with OID ... does not exist"): then it is read again.
    pg::Result r;
    for (int attempt = 1;; ++attempt) {
        try {
            r = conn->exec(QStringLiteral(
                "SELECT d.datname, d.datallowconn, has_database_privilege(d.oid, 'CONNECT'), "
                "  CASE WHEN has_database_privilege(d.oid, 'CONNECT') "
                "    OR pg_has_role('pg_read_all_stats', 'MEMBER') THEN pg_database_size(d.oid) END, "
                "  (SELECT count(*) FROM pg_stat_activity a "
                "    WHERE a.datid = d.oid AND a.pid <> pg_backend_pid() "
                "      AND a.application_name IS DISTINCT FROM $2) AS sessions, "
                "  d.datconnlimit = -2 "
                "FROM pg_database d "
                "WHERE NOT d.datistemplate AND d.datname <> $1 "
                "ORDER BY d.datname"),
                {detail::kMaintenanceDb, pg::Connection::ownApplicationName()});
            break;
        } catch (const Error &e) {
            if (attempt == 3 || e.kind() != Error::Kind::Query)
                throw;
        }
    }
    QList<DatabaseInfo> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        DatabaseInfo info;
        info.name = r.value(i, 0);
        info.weekly = WeeklyName::parse(info.name);
        if (!prefix.isEmpty() && (!info.weekly || info.weekly->prefix() != prefix))
            continue;
        info.takesConnections = r.toBool(i, 1);
        info.sizeBytes = r.isNull(i, 3) ? -1 : r.toLongLong(i, 3);
        info.sessions = r.toInt(i, 4);
        info.invalid = r.toBool(i, 5);
        if (info.invalid)
            info.problem = tr("Invalid: a DROP DATABASE of it was interrupted (a server restart or crash midway), "
                              "so part of its data is gone and nobody can connect to it. db recover finishes that "
                              "drop and, from the run's dump, brings it back.");
        else if (!info.takesConnections)
            info.problem = tr("It takes no connections (ALLOW_CONNECTIONS false): a reset or drop "
                              "may be under way.");
        else if (!r.toBool(i, 2))
            info.problem = tr("%1 may not connect to it (no CONNECT privilege).").arg(conn->user());
        out.append(info);
    }
    std::stable_sort(out.begin(), out.end(), [](const DatabaseInfo &a, const DatabaseInfo &b) {
        if (a.weekly.has_value() != b.weekly.has_value())
            return a.weekly.has_value();
        if (a.weekly && b.weekly)
            return *a.weekly < *b.weekly;
        return a.name < b.name;
    });
    return out;
}

QList<DatabaseInfo> ServerAdmin::inspect(QList<DatabaseInfo> out, TaskContext *ctx) const
{
    auto conn = maintenance(ctx);
    // Schema state needs a connection to each database (read-only is enough): a few at a
    // time, each closed when done.
    std::vector<int> toInspect;
    for (int i = 0; i < out.size(); ++i)
        if (out[i].problem.isEmpty())
            toInspect.push_back(i);
    // Through a pooler (PgBouncer tells its clients a process id of its own, not the server
    // backend's), every database read leaves a server connection in that database's pool,
    // idle for minutes: reading them all could fill max_connections and lock everyone out.
    // Then only as many are read as leave a quarter of the server's connections (at least
    // five) free; the others are listed with why their state was not read.
    bool viaPooler = false;
    if (!toInspect.empty()) {
        const auto r = conn->exec(QStringLiteral(
            "SELECT pg_backend_pid(), current_setting('max_connections')::int - "
            "current_setting('superuser_reserved_connections')::int - "
            "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'), "
            "current_setting('max_connections')::int"));
        viaPooler = r.toInt(0, 0) != conn->backendPid();
        if (viaPooler) {
            const int free = r.toInt(0, 1), max = r.toInt(0, 2);
            const int budget = std::max(0, free - std::max(5, max / 4));
            for (size_t k = size_t(budget); k < toInspect.size(); ++k)
                out[toInspect[k]].problem =
                    tr("Not read: this connection goes through a pooler, which keeps a server connection open for "
                       "each database read, and the server has %1 of its %2 connections left.")
                        .arg(free)
                        .arg(max)
                    + QLatin1Char(' ') + tr("Connect to the server's own port to read every database.");
            if (toInspect.size() > size_t(budget))
                toInspect.resize(size_t(budget));
        }
    }
    std::mutex maintenanceLock; // the maintenance session serves one thread at a time
    std::atomic<size_t> next{0};
    std::atomic<int> finished{0};
    std::vector<char> gone(size_t(out.size()), 0);
    const migrate::Migrator migrator(m_migrations);
    const auto stillThere = [&](const QString &name, bool takingConnections) {
        std::lock_guard guard(maintenanceLock);
        return conn->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1 %1")
                              .arg(takingConnections ? QStringLiteral("AND datallowconn") : QString()),
                          {name})
                   .rowCount()
            > 0;
    };
    const auto inspect = [&](int index) {
        DatabaseInfo &info = out[index];
        try {
            // Through PgBouncer, looked up again right before connecting: a login to a
            // database dropped meanwhile is held until connect_timeout instead of failing.
            // The server itself refuses it at once, and the refusal is told apart below
            // (a round trip a database saved, on the one session all lanes share).
            if (viaPooler && !stillThere(info.name, true)) {
                if (stillThere(info.name, false)) {
                    info.takesConnections = false;
                    info.problem = tr("It stopped taking connections (a reset or drop may be under way).");
                } else {
                    gone[size_t(index)] = 1;
                }
                return;
            }
            auto db = pg::Connection::open(databaseSettings(info.name), pg::Connection::Access::ReadOnlySelf,
                                           ctx ? &ctx->cancelToken() : nullptr);
            const migrate::SchemaStatus st = migrator.status(*db, true);
            info.managed = st.hasHistory;
            info.schemaVersion = st.currentVersion;
            info.pending = int(st.pending.size());
            info.blocked = st.blocked();
            info.foreignHistories = st.managedBy; // "Alembic 009 (public.alembic_version)"
            info.inspected = true;
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Cancelled)
                return;
            try {
                if (e.sqlstate() == QLatin1String("3D000") || !stillThere(info.name, false)) {
                    gone[size_t(index)] = 1; // dropped since the list was read
                    return;
                }
                if (!stillThere(info.name, true)) {
                    info.takesConnections = false;
                    info.problem = tr("It stopped taking connections (a reset or drop may be under way).");
                    return;
                }
            } catch (const Error &) {
            }
            info.problem = e.detail().isEmpty() ? e.message() : e.message() + QStringLiteral(": ") + e.detail();
        } catch (const std::exception &e) {
            info.problem = QString::fromLocal8Bit(e.what());
        }
    };
    const auto work = [&] {
        for (;;) {
            const size_t k = next++;
            if (k >= toInspect.size() || (ctx && ctx->isCancelled()))
                return;
            inspect(toInspect[k]);
            ++finished;
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < std::min<int>(kListParallelism, int(toInspect.size())); ++t)
        threads.emplace_back(work);
    while (finished < int(toInspect.size()) && !(ctx && ctx->isCancelled())) {
        if (ctx)
            ctx->progress(finished, int(toInspect.size()), tr("Inspecting the databases of %1").arg(m_server.displayName()));
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    for (std::thread &t : threads)
        t.join();
    if (ctx)
        ctx->throwIfCancelled();
    QList<DatabaseInfo> present;
    for (int i = 0; i < out.size(); ++i)
        if (!gone[size_t(i)])
            present.append(out[i]);
    detail::step(ctx, int(toInspect.size()), int(toInspect.size()),
         tr("Listed %n database(s)", nullptr, int(present.size())));
    return present;
}

} // namespace statescope::weekly
