#pragma once

// A small raw.api_events table with everything the browser must get right: ties on
// fetched_at, microseconds, events without a time, repeated payloads, LIKE metacharacters
// in a request key, and a big number. Shared by the events tests.

#include "core/pg/connection.h"
#include "support/testserver.h"

#include <QString>
#include <QStringList>

namespace statescope::test {

struct EventsFixture
{
    pg::ConnectionSettings db;
    static constexpr int kTimed = 1200; // events with a time; 4 share each second
    static constexpr int kUntimed = 6;

    // The test server lives on between runs: what a test made, it drops.
    ~EventsFixture()
    {
        if (!db.database().isEmpty())
            dropDatabase(db.database());
    }

    void seedEvents(const QString &hint)
    {
        db = freshDatabase(hint);
        auto conn = test::connect(db);
        conn->execScript(QStringLiteral(R"SQL(
INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash)
SELECT timestamptz '2025-01-06 00:00:00.123457+00' + make_interval(secs => i / 4),
       (ARRAY['/my/ships', '/my/agent', '/my/contracts', '/systems'])[1 + i % 4],
       'k' || (i % 20),
       CASE WHEN i % 37 = 0 THEN 500 WHEN i % 11 = 0 THEN 404 ELSE 200 END,
       p, md5(p::text)
FROM generate_series(0, 1199) AS i,
     LATERAL (SELECT jsonb_build_object('n', (i / 40) % 7, 'ship', jsonb_build_object('fuel', i % 5)) AS p) q;
INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash)
SELECT NULL, '/my/ships', 'untimed', 200, jsonb_build_object('n', i), md5(jsonb_build_object('n', i)::text)
FROM generate_series(1, 6) AS i;
INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash)
VALUES ('2025-01-05 00:00:00+00', '/odd', 'a%b_c\d', 201, '{"big": 123456789012345678901234567890}', 'feed');
ANALYZE raw.api_events;
)SQL"));
    }

    // Event ids in browsing order (newest first, events without a time last) under a
    // hand-written WHERE, independent of the code under test.
    QList<qint64> expectedIds(const QString &where = QStringLiteral("TRUE"),
                              const std::vector<pg::Param> &params = {})
    {
        auto conn = test::connect(db);
        const auto r = conn->exec(QStringLiteral("SELECT id FROM raw.api_events WHERE %1 "
                                                 "ORDER BY fetched_at DESC NULLS LAST, id DESC")
                                      .arg(where),
                                  params);
        QList<qint64> ids;
        for (int i = 0; i < r.rowCount(); ++i)
            ids << r.toLongLong(i, 0);
        return ids;
    }
};

} // namespace statescope::test
