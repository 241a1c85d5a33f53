#pragma once

// What the snapshots tests share: a database seeded with Galaxy snapshots only, a digest
// of core.snapshots, created_at values crafted around the retention policy's minimum age,
// and counts of Statescope's own records.

#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/pg/connectionsettings.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QString>
#include <QStringList>

namespace statescope::test {

// md5 over every row of core.snapshots (all columns, by id, in UTC): equal digests mean
// byte-identical rows, ids included.
inline QString snapshotsDigest(pg::Connection &conn)
{
    conn.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    return conn
        .exec(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t.id)), '') "
                             "FROM core.snapshots t"))
        .value(0, 0);
}

// Ranks the snapshots newest first by tick (1 = latest tick) and sets created_at: ranks
// youngFrom..youngTo 10 minutes ago (younger than the default 1 h), all others three
// hours ago and older, one minute apart.
inline void craftAges(pg::Connection &conn, int youngFrom, int youngTo)
{
    conn.exec(QStringLiteral(
                  "UPDATE core.snapshots s SET created_at = CASE WHEN r.rank BETWEEN $1 AND $2 "
                  "THEN now() - interval '10 minutes' ELSE now() - interval '3 hours' - r.rank * "
                  "interval '1 minute' END FROM (SELECT id, row_number() OVER (ORDER BY "
                  "tick_number DESC, id DESC) AS rank FROM core.snapshots) r WHERE r.id = s.id"),
              {youngFrom, youngTo});
}

// Statescope's own records of snapshot operations: a refused operation leaves them as
// they were.
struct SnapshotRecords
{
    qint64 operations = 0, archived = 0, audits = 0, undone = 0;
    bool operator==(const SnapshotRecords &) const = default;
    QString text() const
    {
        return QStringLiteral("%1 operations (%4 undone), %2 archived rows, %3 audit rows")
            .arg(operations)
            .arg(archived)
            .arg(audits)
            .arg(undone);
    }
};

inline SnapshotRecords snapshotRecords(pg::Connection &conn)
{
    return {scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.snapshot_operations")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.snapshot_archive")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                        "WHERE action LIKE 'snapshots_%'")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.snapshot_operations "
                                        "WHERE undone_at IS NOT NULL"))};
}

// The databases of one test binary: each test seeds its own, all are dropped at the end.
class SnapshotsFixture
{
protected:
    QStringList m_databases;

    // A fresh weekly database holding `snapshots` Galaxy snapshots (ticks 60, 120, ...)
    // and nothing else.
    pg::ConnectionSettings galaxy(const QString &hint, int snapshots)
    {
        const pg::ConnectionSettings db = freshDatabase(hint);
        m_databases << db.database();
        demo::DemoOptions options;
        options.events = 0;
        options.games = 0;
        options.snapshots = snapshots;
        demo::seed(*test::connect(db), options);
        return db;
    }

    pg::ConnectionSettings empty(const QString &hint)
    {
        const pg::ConnectionSettings db = freshDatabase(hint);
        m_databases << db.database();
        return db;
    }

    void dropAll()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }
};

} // namespace statescope::test
