#pragma once

// What the benchmarks that race us against libpq share: taking turns, and a database made
// once and kept (filled by `fill`, reused while `check` still yields `expected`).

#include "bench/benchutil.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "support/testserver.h"

#include <QElapsedTimer>
#include <cstdio>
#include <functional>
#include <utility>
#include <vector>

namespace statescope::bench {

// Ours and the baseline in turns, one warm-up each; medians.
inline std::pair<double, double> race(int reps, const std::function<void()> &ours, const std::function<void()> &base)
{
    std::vector<double> a, b;
    ours();
    base();
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        ours();
        a.push_back(ms(t));
        t.restart();
        base();
        b.push_back(ms(t));
    }
    return {median(a), median(b)};
}

// The database `name`, made and filled unless it is there with `check` yielding `expected`.
inline pg::ConnectionSettings ensure(const QString &name, const std::function<void(pg::Connection &)> &fill,
                                     const QString &check, qint64 expected)
{
    auto server = test::connect(test::serverSettings());
    const bool exists = server->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name})
                            .rowCount() > 0;
    const pg::ConnectionSettings db = test::serverSettings().withDatabase(name);
    if (exists) {
        auto conn = test::connect(db);
        try {
            if (conn->exec(check).toLongLong(0, 0) == expected)
                return db;
        } catch (const Error &) {
        }
        conn.reset();
        server->exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name));
    }
    server->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    auto conn = test::connect(db);
    std::printf("filling %s...\n", qPrintable(name));
    std::fflush(stdout);
    fill(*conn);
    conn->exec(QStringLiteral("VACUUM ANALYZE"));
    return db;
}

} // namespace statescope::bench
