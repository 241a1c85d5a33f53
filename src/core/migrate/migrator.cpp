#include "migrator.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/history.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>

#include <mutex>
#include <set>

namespace statescope::migrate {

namespace {

const QString kHistoryDdl = QStringLiteral(R"(
CREATE SCHEMA IF NOT EXISTS statescope;
CREATE TABLE IF NOT EXISTS statescope.schema_history (
    id           serial      PRIMARY KEY,
    version      integer     NOT NULL,
    description  text        NOT NULL,
    script       text        NOT NULL,
    checksum     text        NOT NULL,
    applied_by   text        NOT NULL DEFAULT current_user,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    execution_ms integer     NOT NULL DEFAULT 0,
    success      boolean     NOT NULL,
    error        text
);
CREATE UNIQUE INDEX IF NOT EXISTS schema_history_success_uq
    ON statescope.schema_history (version) WHERE success;
)");

QByteArray textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString item : items)
        quoted << QLatin1Char('"') + item.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                                         .replace(QLatin1Char('"'), QStringLiteral("\\\""))
                      + QLatin1Char('"');
    return (QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}')).toUtf8();
}

void lock(pg::Connection &conn)
{
    conn.exec(QStringLiteral("SELECT pg_advisory_xact_lock($1)"), {Migrator::kLockKey});
}

} // namespace

bool SchemaStatus::newerThanApp() const
{
    for (int v : unknownVersions)
        if (v > latestKnown)
            return true;
    return false;
}

Migrator::Migrator(const MigrationSet &set) : m_set(set) {}

SchemaStatus Migrator::status(pg::Connection &conn, bool brief) const
{
    SchemaStatus st;
    st.latestKnown = m_set.latestVersion();
    for (const layout::History &h : layout::Histories::foreign(layout::Histories::read(conn))) {
        st.foreignHistories << h.table;
        st.managedBy << QStringLiteral("%1 (%2)").arg(h.summary(), h.table);
    }
    st.foreignHistories.sort();
    // One round trip: our history, and (for a database without it) the tables of its own.
    const auto head = conn.exec(QStringLiteral("SELECT to_regclass('statescope.schema_history') IS NOT NULL, "
                                               "to_regclass('statescope.bookkeeping_history') IS NOT NULL, ARRAY(")
                                + catalog::sql::ownRelationNames(21) + QStringLiteral(")::text"));
    st.hasHistory = head.toBool(0, 0);
    st.adopted = head.toBool(0, 1);
    if (st.adopted)
        st.bookkeepingVersion = conn.exec(QStringLiteral("SELECT coalesce(max(version), 0) "
                                                         "FROM statescope.bookkeeping_history"))
                                    .toInt(0, 0);
    if (!st.hasHistory) {
        // {a.b,c.d}: catalog names of tables, which could hold commas or quotes only if
        // quoted; array_to_string would lose that, so parse the array literal.
        QString text = head.value(0, 2).mid(1);
        text.chop(1);
        QString item;
        bool quoted = false, escaped = false;
        for (const QChar ch : text) {
            if (escaped) {
                item += ch;
                escaped = false;
            } else if (ch == u'\\') {
                escaped = true;
            } else if (ch == u'"') {
                quoted = !quoted;
            } else if (ch == u',' && !quoted) {
                st.foreignTables << item;
                item.clear();
            } else {
                item += ch;
            }
        }
        if (!item.isEmpty())
            st.foreignTables << item;
    }
    std::set<int> appliedVersions;
    if (st.hasHistory) {
        const auto r = conn.exec(QStringLiteral(
            "SELECT version, description, checksum, applied_by, applied_at, execution_ms, "
            "success, coalesce(error, '') AS error FROM statescope.schema_history "
            "ORDER BY version, id"));
        for (int i = 0; i < r.rowCount(); ++i) {
            const int version = r.toInt(i, 0);
            if (r.toBool(i, 6)) {
                AppliedMigration a;
                a.version = version;
                a.description = r.value(i, 1);
                a.checksum = r.bytes(i, 2);
                a.appliedBy = r.value(i, 3);
                a.appliedAt = QDateTime::fromString(r.value(i, 4), Qt::ISODateWithMs);
                a.executionMs = r.toInt(i, 5);
                st.applied.append(a);
                appliedVersions.insert(version);
                st.currentVersion = std::max(st.currentVersion, version);
            } else {
                st.failures.append({version, r.value(i, 7),
                                    QDateTime::fromString(r.value(i, 4), Qt::ISODateWithMs)});
            }
        }
        st.failures.removeIf(
            [&](const FailedAttempt &f) { return appliedVersions.count(f.version) > 0; });
    }
    for (const AppliedMigration &a : st.applied) {
        const Migration *m = m_set.find(a.version);
        if (!m)
            st.unknownVersions.append(a.version);
        else if (m->checksum != a.checksum)
            st.drift.append({a.version, m->fileName, a.checksum, m->checksum});
    }
    for (const Migration &m : m_set.migrations())
        if (!appliedVersions.count(m.version))
            st.pending.append(m);
    if (!st.pending.isEmpty() && !(brief && st.foreign()))
        st.clashes = clashes(conn, st.pending);
    // An adopted database's statescope schema is the bookkeeping: ours, not in the way.
    if (st.adopted)
        st.clashes.removeIf([](const QString &c) { return c.startsWith(QLatin1String("statescope.")); });
    return st;
}

namespace {

// What one script creates without IF NOT EXISTS: tables, views, indexes (in the schema of
// their table), and functions, as schema.name. Read from the script once a process: the
// listing asks it of every database on the server, from several lanes at once.
struct Creates
{
    QStringList relations, functions;
};

Creates createsOf(const Migration &m)
{
    static std::mutex lock;
    static QHash<QByteArray, Creates> known; // by the script's checksum
    {
        std::lock_guard guard(lock);
        if (const auto at = known.constFind(m.checksum); at != known.constEnd())
            return *at;
    }
    static const QRegularExpression create(QStringLiteral(
        R"re(CREATE\s+(?:UNIQUE\s+)?(TABLE|MATERIALIZED\s+VIEW|VIEW|INDEX|FUNCTION)\s+(?!IF\s+NOT\s+EXISTS))re"
        R"re(([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?(?:\s+ON\s+([a-z_][a-z0-9_]*)\.)?)re"),
        QRegularExpression::CaseInsensitiveOption);
    Creates out;
    auto it = create.globalMatch(m.sql);
    while (it.hasNext()) {
        const auto c = it.next();
        const QString kind = c.captured(1).toUpper();
        QString name = c.captured(3).isEmpty() ? c.captured(2) : c.captured(2) + u'.' + c.captured(3);
        if (kind == QLatin1String("INDEX") && c.captured(3).isEmpty() && !c.captured(4).isEmpty())
            name = c.captured(4) + u'.' + c.captured(2);
        if (!name.contains(u'.'))
            name.prepend(QStringLiteral("public."));
        (kind == QLatin1String("FUNCTION") ? out.functions : out.relations) << name.toLower();
    }
    std::lock_guard guard(lock);
    known.insert(m.checksum, out);
    return out;
}

} // namespace

QStringList Migrator::clashes(pg::Connection &conn, const QList<Migration> &pending)
{
    QStringList relations, functions;
    for (const Migration &m : pending) {
        const Creates c = createsOf(m);
        relations << c.relations;
        functions << c.functions;
    }
    if (relations.isEmpty() && functions.isEmpty())
        return {};
    // Each name looked up by schema and name (the catalogs' own indexes), both kinds in one
    // round trip. The names are unquoted identifiers (the pattern above): one dot, folded.
    return catalog::existingNames(conn, textArray(relations), textArray(functions));
}

MigrationReport Migrator::migrate(pg::Connection &conn, TaskContext *ctx, bool dryRun) const
{
    if (!dryRun)
        conn.requirePrimary(tr("Migrating %1").arg(conn.database()));
    SchemaStatus st = status(conn);
    MigrationReport report;
    report.dryRun = dryRun;
    report.fromVersion = st.currentVersion;
    report.toVersion = st.currentVersion;
    report.pending = st.pending;
    if (st.blocked()) {
        QString hint;
        if (!st.managedBy.isEmpty())
            hint = tr("%1 manages this database's schema; Statescope does not apply its weekly "
                      "schema over it. To roll back games or prune snapshots here, adopt it: "
                      "statescope-cli db adopt --db %2 (the statescope schema only).")
                       .arg(st.managedBy.join(QStringLiteral(", ")), conn.database());
        else if (!st.foreignTables.isEmpty() || !st.clashes.isEmpty())
            hint = tr("%1 was not created by Statescope; its weekly schema is for databases "
                      "Statescope creates. Statescope reads this one as it is; to write here "
                      "(rollbacks, prunes), adopt it: statescope-cli db adopt --db %1.")
                       .arg(conn.database());
        else if (!st.drift.isEmpty())
            hint = tr("Review the changed files, then run repair to accept them.");
        else
            hint = tr("This database was migrated by a newer Statescope; upgrade first.");
        throw Error(Error::Kind::Conflict, tr("Migration of %1 is refused; nothing was applied.")
                                               .arg(conn.database()),
                    describe(st), hint);
    }
    if (dryRun || st.pending.isEmpty())
        return report;
    if (conn.isReadOnly())
        throw Error(Error::Kind::Internal, tr("Migrations need a read-write session."));

    const int total = int(st.pending.size());
    const Migration *current = nullptr;
    QElapsedTimer timer;
    try {
        conn.transaction([&] {
            lock(conn);
            // The bookkeeping schema and its history table come in the same transaction as
            // the first migration: a run killed before it commits leaves nothing behind.
            conn.execScript(kHistoryDdl);
            // Unqualified names land in public whoever migrates: a role named like one of
            // our schemas ("$user" in the default search_path) must not matter.
            conn.exec(QStringLiteral("SET LOCAL search_path TO public"));
            for (int i = 0; i < total; ++i) {
                const Migration &m = st.pending[i];
                current = &m;
                if (ctx) {
                    ctx->throwIfCancelled();
                    ctx->progress(i, total, tr("Applying V%1 %2").arg(m.version).arg(m.description));
                }
                // Another client may have applied it while we waited for the lock.
                if (conn.exec(QStringLiteral("SELECT 1 FROM statescope.schema_history "
                                             "WHERE version = $1 AND success"),
                              {m.version}).rowCount() > 0)
                    continue;
                timer.start();
                conn.execScript(m.sql);
                conn.exec(QStringLiteral(
                              "INSERT INTO statescope.schema_history (version, description, "
                              "script, checksum, execution_ms, success) "
                              "VALUES ($1, $2, $3, $4, $5, true)"),
                          {m.version, m.description, m.fileName, m.checksum,
                           qint64(timer.elapsed())});
                report.applied.append(m.version);
            }
        });
    } catch (const Error &e) {
        report.applied.clear();
        if (e.kind() == Error::Kind::Cancelled || !current)
            throw;
        const Migration &m = *current;
        if (conn.isAlive()) {
            try {
                // The failure is recorded on purpose, in a transaction of its own (with the
                // history table when this was the first migration): what a killed run leaves is
                // nothing, what a failed one leaves is the record of its failure.
                conn.transaction([&] {
                    lock(conn);
                    conn.execScript(kHistoryDdl);
                    conn.exec(QStringLiteral(
                                  "INSERT INTO statescope.schema_history (version, description, "
                                  "script, checksum, execution_ms, success, error) "
                                  "VALUES ($1, $2, $3, $4, $5, false, $6)"),
                              {m.version, m.description, m.fileName, m.checksum,
                               qint64(timer.isValid() ? timer.elapsed() : 0), e.oneLine()});
                });
            } catch (const Error &) {
                // Recording the failure is best effort; the original error matters more.
            }
        }
        throw Error(e.kind(),
                    tr("Migration V%1 (%2) failed; nothing was applied: %3 stays at version %4.")
                        .arg(m.version)
                        .arg(m.description, conn.database())
                        .arg(report.fromVersion),
                    e.message() + (e.detail().isEmpty() ? QString() : QStringLiteral(": ")
                                                                          + e.detail()),
                    e.hint(), e.sqlstate());
    }
    for (const Migration &m : st.pending)
        report.toVersion = std::max(report.toVersion, m.version);
    if (ctx)
        ctx->progress(total, total, tr("Up to date at version %1").arg(report.toVersion));
    if (!report.applied.isEmpty() && audit::hasAuditTable(conn)) {
        audit::Entry entry;
        entry.action = QStringLiteral("migrate");
        entry.target = conn.database();
        entry.details = {{"from", report.fromVersion},
                         {"to", report.toVersion},
                         {"applied", std::vector<int>(report.applied.begin(),
                                                      report.applied.end())}};
        audit::writeToDatabase(conn, entry);
    }
    return report;
}

QList<Drift> Migrator::repair(pg::Connection &conn, const QString &reason) const
{
    conn.requirePrimary(tr("Repairing the migration history of %1").arg(conn.database()));
    QList<Drift> repaired;
    conn.transaction([&] {
        lock(conn);
        const SchemaStatus st = status(conn);
        for (const Drift &d : st.drift) {
            conn.exec(QStringLiteral("UPDATE statescope.schema_history SET checksum = $2 "
                                     "WHERE version = $1 AND success"),
                      {d.version, d.current});
            repaired.append(d);
        }
        if (!repaired.isEmpty() && audit::hasAuditTable(conn)) {
            nlohmann::json items = nlohmann::json::array();
            for (const Drift &d : repaired)
                items.push_back({{"version", d.version},
                                 {"recorded", d.recorded.toStdString()},
                                 {"accepted", d.current.toStdString()}});
            audit::writeToDatabase(conn, {QStringLiteral("repair"), conn.database(), reason,
                                          {{"versions", items}}});
        }
    });
    return repaired;
}

QString Migrator::describe(const SchemaStatus &st)
{
    QStringList lines;
    if (st.adopted && !st.hasHistory)
        lines << tr("Adopted: Statescope's bookkeeping (the statescope schema) at version %1. Statescope's "
                    "weekly schema is not for this database: its schema is the game's own.")
                     .arg(st.bookkeepingVersion);
    else
        lines << tr("At version %1; %2 pending.").arg(st.currentVersion).arg(st.pending.size());
    for (const Drift &d : st.drift)
        lines << tr("V%1 changed after it was applied (%2: recorded %3, file %4).")
                     .arg(d.version)
                     .arg(d.fileName, QString::fromLatin1(d.recorded.left(12)),
                          QString::fromLatin1(d.current.left(12)));
    for (int v : st.unknownVersions)
        lines << tr("V%1 is applied but unknown to this build.").arg(v);
    for (const FailedAttempt &f : st.failures)
        lines << tr("V%1 failed at %2: %3").arg(f.version).arg(f.at.toString(Qt::ISODate), f.error);
    if (!st.managedBy.isEmpty())
        lines << tr("Managed by: %1").arg(st.managedBy.join(QStringLiteral(", ")));
    if (!st.foreignTables.isEmpty())
        lines << tr("Not created by Statescope: no Statescope history, and tables of its own (%1%2).")
                     .arg(QStringList(st.foreignTables.mid(0, 20)).join(QStringLiteral(", ")),
                          st.foreignTables.size() > 20 ? QStringLiteral(", ...") : QString());
    if (!st.clashes.isEmpty())
        lines << tr("Already there, would clash: %1").arg(st.clashes.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

} // namespace statescope::migrate
