// Materialized views in the metrics schema: listing with their last recorded refresh,
// and refreshing one (concurrently when the view allows it), recorded and audited.

#include "metrics.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/metrics/metricsinternal.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <QElapsedTimer>

namespace statescope::metrics {

namespace {

bool hasRefreshLog(pg::Connection &conn)
{
    return conn.exec(QStringLiteral("SELECT to_regclass('statescope.matview_refreshes') IS NOT NULL"))
        .toBool(0, 0);
}

} // namespace

QList<MaterializedView> materializedViews(pg::Connection &conn)
{
    const bool log = hasRefreshLog(conn);
    // An older schema has no refresh log: the views are still listed, never refreshed.
    const QString last =
        log ? QStringLiteral(
                  "LEFT JOIN LATERAL (SELECT floor(extract(epoch FROM refreshed_at) * 1000)::bigint "
                  "AS at_ms, duration_ms, \"concurrently\" FROM statescope.matview_refreshes r "
                  "WHERE r.view = m.schemaname || '.' || m.matviewname "
                  "ORDER BY r.refreshed_at DESC, r.id DESC LIMIT 1) r ON true")
            : QStringLiteral("LEFT JOIN (SELECT NULL::bigint AS at_ms, NULL::int AS duration_ms, "
                             "NULL::boolean AS \"concurrently\") r ON false");
    const pg::Result r = catalog::materializedViews(
        conn, QStringLiteral("metrics"), QStringLiteral("r.at_ms, r.duration_ms, coalesce(r.\"concurrently\", false)"),
        last);
    QList<MaterializedView> views;
    for (int i = 0; i < r.rowCount(); ++i) {
        MaterializedView v;
        v.schema = r.value(i, 0);
        v.name = r.value(i, 1);
        v.populated = r.toBool(i, 2);
        v.sizeBytes = r.toLongLong(i, 3);
        v.hasUniqueIndex = r.toBool(i, 4);
        v.canRefreshConcurrently = v.populated && v.hasUniqueIndex;
        if (!r.isNull(i, 5))
            v.refreshedAt = fromMs(r.toLongLong(i, 5));
        v.lastDurationMs = r.isNull(i, 6) ? -1 : r.toInt(i, 6);
        v.lastConcurrently = r.toBool(i, 7);
        views.append(v);
    }
    return views;
}

void refresh(pg::Connection &conn, const QString &schema, const QString &name, TaskContext *ctx)
{
    conn.requirePrimary(QCoreApplication::translate("statescope::metrics", "Refreshing %1.%2")
                            .arg(schema, name));
    const QString label = schema + QLatin1Char('.') + name;
    if (schema.isEmpty() || name.isEmpty())
        throw Error::invalidInput(Metrics::tr("Name the view as schema.name, e.g. "
                                              "metrics.events_per_hour."));
    if (ctx) {
        ctx->throwIfCancelled();
        ctx->progress(0, 1, Metrics::tr("Refreshing %1").arg(label));
    }
    // The names are only used once the catalogue knows them, and then quoted.
    const pg::Result info = catalog::materializedView(conn, schema, name);
    if (info.rowCount() == 0)
        throw Error(Error::Kind::NotFound,
                    Metrics::tr("%1 has no materialized view %2.").arg(conn.database(), label),
                    {}, Metrics::tr("List them with: statescope-cli metrics list"));
    if (!hasRefreshLog(conn))
        throw Error(Error::Kind::NotFound,
                    Metrics::tr("%1 has no refresh log (statescope.matview_refreshes).")
                        .arg(conn.database()),
                    {}, Metrics::tr("Migrate the database to schema version 6 or later."));
    // Concurrently: readers keep seeing the old rows meanwhile. It needs the view populated
    // and a unique index; without them the plain refresh locks readers out until done.
    const bool concurrently = info.toBool(0, 0) && info.toBool(0, 1);
    const QString sql = QStringLiteral("REFRESH MATERIALIZED VIEW %1%2.%3")
                            .arg(concurrently ? QStringLiteral("CONCURRENTLY ") : QString(),
                                 conn.quoteIdentifier(schema), conn.quoteIdentifier(name));
    // One transaction: the refresh, its log row and the audit entry commit together.
    // (REFRESH ... CONCURRENTLY, unlike CREATE INDEX CONCURRENTLY, may run inside one.)
    conn.transaction([&] {
        QElapsedTimer timer;
        timer.start();
        conn.exec(sql);
        const int ms = int(timer.elapsed());
        conn.exec(QStringLiteral("INSERT INTO statescope.matview_refreshes (view, duration_ms, "
                                 "\"concurrently\", os_user) VALUES ($1, $2, $3, $4)"),
                  {label, ms, concurrently, paths::osUser()});
        audit::writeToDatabase(conn, {QStringLiteral("refresh"), label, {},
                                      {{"concurrently", concurrently}, {"duration_ms", ms}}});
    });
    if (ctx)
        ctx->progress(1, 1, Metrics::tr("Refreshed %1").arg(label));
}

} // namespace statescope::metrics
