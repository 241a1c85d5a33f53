#include "demofamily.h"

#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/serveradmin.h"

#include <QTimeZone>

namespace statescope::demo {

QStringList ensureDemoFamily(const weekly::ServerAdmin &admin, const FamilyOptions &options,
                             TaskContext *ctx)
{
    QStringList names;
    for (int i = 0; i < options.weeks; ++i) {
        const weekly::WeeklyName week(options.prefix, options.isoYear, options.firstWeek + i);
        const QString name = week.databaseName();
        names << name;
        if (ctx) {
            ctx->throwIfCancelled();
            ctx->progress(i, options.weeks, QCoreApplication::translate(
                                                "statescope::demo", "Preparing %1").arg(name));
        }
        if (admin.exists(name))
            continue;
        admin.create(name, QStringLiteral("demo data"));
        DemoOptions seedOptions = options.base;
        seedOptions.seed = options.base.seed + quint64(week.isoYear()) * 100 + quint64(week.week());
        seedOptions.start = QDateTime(week.monday(), QTime(0, 0), QTimeZone::utc());
        // Weeks differ a little in volume, as real resets do.
        seedOptions.events = options.base.events + i * (options.base.events / 5);
        auto conn = pg::Connection::open(admin.databaseSettings(name),
                                         pg::Connection::Access::ReadWrite,
                                         ctx ? &ctx->cancelToken() : nullptr);
        try {
            seed(*conn, seedOptions, ctx);
        } catch (...) {
            // Never leave an empty demo week behind that would be skipped next time.
            conn.reset();
            weekly::ActionOptions drop;
            drop.dump = false;
            drop.reason = QStringLiteral("demo seeding did not finish");
            admin.drop(name, name, drop);
            throw;
        }
    }
    if (ctx)
        ctx->progress(options.weeks, options.weeks, {});
    return names;
}

} // namespace statescope::demo
