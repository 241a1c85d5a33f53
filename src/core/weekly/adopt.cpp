#include "core/weekly/adopt.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/migrate/migrator.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"

#include <QElapsedTimer>
#include <QUuid>

namespace statescope::adopt {

namespace {

const QString kHistoryDdl = QStringLiteral(R"(
CREATE TABLE statescope.bookkeeping_history (
    id           serial      PRIMARY KEY,
    version      integer     NOT NULL UNIQUE,
    description  text        NOT NULL,
    script       text        NOT NULL,
    checksum     text        NOT NULL,
    applied_by   text        NOT NULL DEFAULT current_user,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    execution_ms integer     NOT NULL DEFAULT 0
)
)");

bool exists(pg::Connection &conn, const char *relation)
{
    return conn.exec(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {QString::fromLatin1(relation)})
        .toBool(0, 0);
}

} // namespace

const migrate::MigrationSet &Adoption::bookkeepingSet()
{
    static const migrate::MigrationSet set =
        migrate::MigrationSet::fromDirectory(QStringLiteral(":/sql/bookkeeping"));
    return set;
}

Status Adoption::status(pg::Connection &conn)
{
    Status st;
    st.weeklySchema = exists(conn, "statescope.schema_history");
    st.adopted = exists(conn, "statescope.bookkeeping_history");
    st.histories = layout::Histories::read(conn);
    if (st.adopted) {
        const auto r = conn.exec(QStringLiteral("SELECT version FROM statescope.bookkeeping_history"));
        QList<int> applied;
        for (int i = 0; i < r.rowCount(); ++i) {
            applied << r.toInt(i, 0);
            st.version = std::max(st.version, r.toInt(i, 0));
        }
        for (const migrate::Migration &m : bookkeepingSet().migrations())
            if (!applied.contains(m.version))
                st.pending << m;
    } else if (!st.weeklySchema) {
        st.pending = bookkeepingSet().migrations();
        // A statescope schema we did not make (a team's own, or a half-removed one).
        st.strangers << catalog::statescopeObjects(conn);
    }
    return st;
}

Status Adoption::adopt(pg::Connection &conn, const QString &reason, bool dryRun)
{
    Status st = status(conn);
    if (st.weeklySchema || (st.adopted && st.pending.isEmpty()))
        return st;
    if (!st.strangers.isEmpty())
        throw Error(Error::Kind::Conflict,
                    tr("Database %1 already has a schema named statescope that Statescope did not "
                       "create; adoption would mix with it.")
                        .arg(conn.database()),
                    tr("It holds: %1").arg(st.strangers.join(QStringLiteral(", "))),
                    tr("Rename that schema first if it is not needed by the game."));
    if (dryRun)
        return st;
    conn.requirePrimary(tr("Adopting %1").arg(conn.database()));
    if (conn.isReadOnly())
        throw Error(Error::Kind::Internal, tr("Adoption needs a read-write session."));
    const int from = st.version;
    conn.transaction([&] {
        conn.exec(QStringLiteral("SELECT pg_advisory_xact_lock($1)"), {migrate::Migrator::kLockKey});
        // Under the lock: another client may have adopted it meanwhile.
        st = status(conn);
        if (st.weeklySchema || (st.adopted && st.pending.isEmpty()))
            return;
        conn.exec(QStringLiteral("SET LOCAL search_path TO pg_catalog"));
        for (const migrate::Migration &m : st.pending) {
            QElapsedTimer timer;
            timer.start();
            conn.execScript(m.sql);
            if (!exists(conn, "statescope.bookkeeping_history"))
                conn.execScript(kHistoryDdl);
            conn.exec(QStringLiteral("INSERT INTO statescope.bookkeeping_history (version, "
                                     "description, script, checksum, execution_ms) "
                                     "VALUES ($1, $2, $3, $4, $5)"),
                      {m.version, m.description, m.fileName, m.checksum, qint64(timer.elapsed())});
        }
        nlohmann::json applied = nlohmann::json::array();
        for (const migrate::Migration &m : st.pending)
            applied.push_back(m.version);
        audit::writeToDatabase(conn, {QStringLiteral("adopt"), conn.database(), reason,
                                      {{"from", from}, {"applied", applied}}});
    });
    audit::appendToJournal({QStringLiteral("adopt"), conn.database(), reason, {{"from", from}}});
    layout::forget(conn);
    return status(conn);
}

Holdings Adoption::holdings(pg::Connection &conn)
{
    Holdings h;
    if (!exists(conn, "statescope.audit_log"))
        return h;
    const auto r = conn.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM statescope.audit_log), (SELECT count(*) FROM statescope.rollbacks), "
        "(SELECT count(*) FROM statescope.rollback_rows), (SELECT count(*) FROM "
        "statescope.snapshot_operations), (SELECT count(*) FROM statescope.snapshot_archive)"));
    h.auditRows = r.toLongLong(0, 0);
    h.rollbacks = r.toLongLong(0, 1);
    h.rollbackRows = r.toLongLong(0, 2);
    h.snapshotOperations = r.toLongLong(0, 3);
    h.archivedSnapshots = r.toLongLong(0, 4);
    return h;
}

QString Adoption::unadopt(pg::Connection &conn, const pg::ConnectionSettings &settings,
                          const QString &confirm, const QString &reason, const QString &dumpDir,
                          TaskContext *ctx)
{
    const QString db = conn.database();
    if (confirm != db)
        throw Error::invalidInput(tr("The confirmation does not match the database name %1; nothing "
                                     "was removed.").arg(db));
    const Status st = status(conn);
    if (st.weeklySchema)
        throw Error(Error::Kind::Conflict,
                    tr("%1 was created by Statescope: its statescope schema is part of its weekly "
                       "schema and is not removed.").arg(db));
    if (!st.adopted)
        throw Error(Error::Kind::NotFound, tr("%1 is not adopted; there is nothing to remove.").arg(db));
    conn.requirePrimary(tr("Removing the bookkeeping of %1").arg(db));
    // Views, foreign keys and triggers of other schemas that use the bookkeeping tables:
    // dropping the schema would take them along.
    if (const QStringList names = catalog::dependentsOfStatescope(conn); !names.isEmpty()) {
        throw Error(Error::Kind::Conflict,
                    tr("Objects outside the statescope schema depend on it; nothing was removed."),
                    names.join(QStringLiteral(", ")), tr("Drop or change those objects first."));
    }
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto journal = [&](const char *phase, const nlohmann::json &details) {
        audit::Entry e{QStringLiteral("unadopt"), db, reason, details};
        e.op = op;
        e.phase = QLatin1String(phase);
        QString why;
        if (!audit::appendToJournal(e, &why) && e.phase == QLatin1String("intent"))
            throw Error(Error::Kind::Environment,
                        tr("The local audit journal could not be written; nothing was removed."), why);
    };
    const Holdings h = holdings(conn);
    journal("intent", {{"audit_rows", h.auditRows}, {"rollbacks", h.rollbacks},
                       {"snapshot_operations", h.snapshotOperations}});
    QString dump;
    try {
        const qint64 size = conn.exec(QStringLiteral("SELECT pg_database_size(current_database())"))
                                .toLongLong(0, 0);
        dump = weekly::dumpDatabase(settings, dumpDir, ctx, size);
        journal("dumped", {{"dump", dump.toStdString()}});
        conn.transaction([&] {
            conn.exec(QStringLiteral("SELECT pg_advisory_xact_lock($1)"), {migrate::Migrator::kLockKey});
            conn.exec(QStringLiteral("DROP SCHEMA statescope CASCADE"));
        });
    } catch (const Error &e) {
        journal("failed", {{"error", e.oneLine().toStdString()}});
        throw;
    }
    journal("done", {{"dump", dump.toStdString()}});
    layout::forget(conn);
    return dump;
}

void requireBookkeeping(pg::Connection &conn, const QString &table, const QString &action)
{
    if (conn.exec(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {table}).toBool(0, 0))
        return;
    const bool weekly = conn.exec(QStringLiteral("SELECT to_regclass('statescope.schema_history') "
                                                 "IS NOT NULL")).toBool(0, 0);
    if (weekly)
        throw Error(Error::Kind::Conflict,
                    Adoption::tr("%1 needs %2, which the weekly schema of %3 does not have yet.")
                        .arg(action, table, conn.database()),
                    {}, Adoption::tr("Migrate the database first: Admin pane, or statescope-cli db "
                                     "migrate --db %1.").arg(conn.database()));
    throw Error(Error::Kind::Conflict,
                Adoption::tr("%1 needs Statescope's bookkeeping (the statescope schema: audit log "
                             "and archives), which %2 does not have.")
                    .arg(action, conn.database()),
                {}, Adoption::tr("Adopt the database first: statescope-cli db adopt --db %1 (or "
                                 "Admin pane, Adopt). It creates the statescope schema and nothing "
                                 "else; the game's own tables are not touched.")
                        .arg(conn.database()));
}

} // namespace statescope::adopt
