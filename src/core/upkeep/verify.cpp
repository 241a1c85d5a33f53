#include "core/upkeep/verify_p.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"

#include <QRandomGenerator>
#include <QThread>

namespace statescope::upkeep::detail {

namespace {

// A pg_dump pattern that matches exactly this name: quoted, so that no character in it is
// taken as a wildcard.
QString exactPattern(const QString &schema, const QString &name)
{
    auto quoted = [](QString s) { return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    return quoted(schema) + QLatin1Char('.') + quoted(name);
}

} // namespace

QString dumpPartition(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                      const QString &dir, TaskContext *ctx, const QString &snapshot)
{
    QStringList tables{exactPattern(p.schema, p.name)};
    const auto sequences = catalog::sequencesUsedBy(conn, p.qualified());
    for (int i = 0; i < sequences.rowCount(); ++i)
        tables << exactPattern(sequences.value(i, 0), sequences.value(i, 1));
    // A file name from the names, whatever characters a quoted identifier holds.
    QString stem = conn.database() + QLatin1Char('_') + p.name;
    for (QChar &c : stem)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.')))
            c = QLatin1Char('_');
    return weekly::dumpTables(settings, tables, dir, stem, ctx, p.bytes, snapshot);
}

qint64 restoredRows(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                    const QString &dump, TaskContext *ctx, QString *why,
                    const std::function<void(const QString &)> &onScratch)
{
    // Named after the database it checks (and so found, should a killed run leave it).
    const QString scratch = QStringLiteral("statescope_check_%1_%2")
                                .arg(conn.database().left(32))
                                .arg(QRandomGenerator::global()->generate() & 0xffffffu, 6, 16, QLatin1Char('0'));
    const QString quoted = layout::quoteIdent(scratch);
    if (onScratch)
        onScratch(scratch);
    // CREATE DATABASE runs from any database of the server, outside a transaction.
    conn.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(quoted));
    qint64 rows = -1;
    try {
        const pg::ConnectionSettings target = settings.withDatabase(scratch);
        {
            auto c = pg::Connection::open(target);
            for (const QString &schema : catalog::schemasOf(conn, p.qualified()))
                c->exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(layout::quoteIdent(schema)));
        }
        try {
            // Owners and grants name roles of this server that the scratch copy needs not
            // have; what matters is that the table and its rows come back.
            weekly::runTool(weekly::requireProgram(QStringLiteral("pg_restore")),
                            {QStringLiteral("--no-password"), QStringLiteral("--no-owner"),
                             QStringLiteral("--no-privileges"), QStringLiteral("--dbname"), scratch, dump},
                            target, ctx, QStringLiteral("pg_restore"));
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Cancelled)
                throw;
            if (why)
                *why = e.detail().isEmpty() ? e.message() : e.detail();
        }
        auto c = pg::Connection::open(target);
        try {
            rows = c->exec(QStringLiteral("SELECT count(*) FROM %1").arg(p.qualified())).toLongLong(0, 0);
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::Query)
                throw;
            if (why && why->isEmpty())
                *why = e.message();
        }
    } catch (...) {
        try {
            conn.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted));
        } catch (const Error &) {
        }
        throw;
    }
    conn.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted));
    return rows;
}

void detachPartition(pg::Connection &writer, const PartitionedTable &t, const Partition &p, bool concurrently)
{
    if (p.detachPending) {
        writer.exec(QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2 FINALIZE").arg(t.qualified(), p.qualified()));
    } else if (concurrently) {
        writer.exec(QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2 CONCURRENTLY").arg(t.qualified(), p.qualified()));
    } else {
        // With a default partition the detach takes the parent, the partition and the default
        // one; writers routing rows through the parent meanwhile can make the server pick the
        // detach as a deadlock's victim. Nothing was done then: tried again, a few times.
        for (int attempt = 1;; ++attempt) {
            try {
                writer.transaction([&] {
                    writer.exec(QStringLiteral("SET LOCAL lock_timeout = '5s'"));
                    writer.exec(QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2").arg(t.qualified(), p.qualified()));
                });
                return;
            } catch (const Error &e) {
                if (e.sqlstate() != QLatin1String("40P01") || attempt == 5)
                    throw;
                QThread::msleep(100 * attempt);
            }
        }
    }
}

ArchivedPartition dumpCheckAndDrop(pg::Connection &writer, const pg::ConnectionSettings &settings,
                                   const Partition &p, const QString &backupDir, RunJournal &journal,
                                   TaskContext *ctx, const std::function<void(const QString &)> &progress)
{
    // CREATE and DROP DATABASE of the scratch copy cannot run inside the transaction below.
    auto aux = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
    ArchivedPartition out;
    // READ COMMITTED on purpose: every statement after the LOCK takes its snapshot after the
    // lock was granted, so it sees every write committed before it (a transaction snapshot
    // taken earlier, by a setting's SELECT, would not). The lock is held to the COMMIT.
    writer.begin();
    try {
        writer.exec(QStringLiteral("SET LOCAL lock_timeout = '10s'"));
        writer.exec(QStringLiteral("SET LOCAL statement_timeout = 0"));
        writer.exec(QStringLiteral("SET LOCAL idle_in_transaction_session_timeout = 0"));
        // EXCLUSIVE: no INSERT, UPDATE or DELETE (a superuser's neither) until we commit;
        // SELECT and pg_dump's ACCESS SHARE go on.
        writer.exec(QStringLiteral("LOCK TABLE %1 IN EXCLUSIVE MODE").arg(p.qualified()));
        const auto counted =
            writer.exec(QStringLiteral("SELECT (SELECT count(*) FROM %1), pg_export_snapshot()").arg(p.qualified()));
        out.rows = counted.toLongLong(0, 0);
        const QString snapshot = counted.value(0, 1);
        progress(Partitions::tr("Dumping %1 (%2 rows)").arg(p.name).arg(out.rows));
        out.dump = dumpPartition(writer, settings, p, backupDir, ctx, snapshot);
        journal.phase("dumped", {{"partition", p.name.toStdString()}, {"dump", out.dump.toStdString()},
                                 {"rows", out.rows}});
        progress(Partitions::tr("Checking the dump of %1 in a scratch database").arg(p.name));
        QString why;
        const qint64 restored = restoredRows(*aux, settings, p, out.dump, ctx, &why, [&](const QString &scratch) {
            journal.phase("scratch", {{"partition", p.name.toStdString()}, {"scratch", scratch.toStdString()}});
        });
        if (restored != out.rows)
            throw Error(Error::Kind::Conflict,
                        Partitions::tr("The dump of %1 restored %2 rows, not its %3; nothing was dropped.")
                            .arg(p.name)
                            .arg(restored < 0 ? 0 : restored)
                            .arg(out.rows),
                        why);
        progress(Partitions::tr("Dropping %1").arg(p.name));
        writer.exec(QStringLiteral("DROP TABLE %1").arg(p.qualified()));
        journal.audit(writer, {{"partition", p.name.toStdString()}, {"dump", out.dump.toStdString()}, {"rows", out.rows}});
        writer.exec(QStringLiteral("COMMIT"));
    } catch (...) {
        writer.rollbackQuietly();
        throw;
    }
    journal.phase("dropped", {{"partition", p.name.toStdString()}, {"dump", out.dump.toStdString()}, {"rows", out.rows}});
    return out;
}

void attachAgain(const pg::ConnectionSettings &settings, const QString &parent, const Partition &p,
                 const QString &bounds)
{
    auto again = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
    const bool pending = catalog::detachPending(*again, p.qualified());
    if (pending)
        again->exec(QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2 FINALIZE").arg(parent, p.qualified()));
    again->transaction([&] {
        again->exec(QStringLiteral("SET LOCAL TimeZone = 'UTC'"));
        again->exec(QStringLiteral("SET LOCAL lock_timeout = '10s'"));
        again->exec(QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 %3").arg(parent, p.qualified(), bounds));
    });
}

} // namespace statescope::upkeep::detail
