#include "core/upkeep/verify_p.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"

#include <QRandomGenerator>

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
                      const QString &dir, TaskContext *ctx)
{
    QStringList tables{exactPattern(p.schema, p.name)};
    const auto sequences = conn.exec(QStringLiteral(
                                         "SELECT DISTINCT sn.nspname, s.relname FROM pg_attrdef d "
                                         "JOIN pg_depend dep ON dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid "
                                         "AND dep.refclassid = 'pg_class'::regclass "
                                         "JOIN pg_class s ON s.oid = dep.refobjid AND s.relkind = 'S' "
                                         "JOIN pg_namespace sn ON sn.oid = s.relnamespace WHERE d.adrelid = $1::regclass"),
                                     {p.qualified()});
    for (int i = 0; i < sequences.rowCount(); ++i)
        tables << exactPattern(sequences.value(i, 0), sequences.value(i, 1));
    // A file name from the names, whatever characters a quoted identifier holds.
    QString stem = conn.database() + QLatin1Char('_') + p.name;
    for (QChar &c : stem)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.')))
            c = QLatin1Char('_');
    return weekly::dumpTables(settings, tables, dir, stem, ctx, p.bytes);
}

qint64 restoredRows(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                    const QString &dump, TaskContext *ctx, QString *why)
{
    // Named after the database it checks (and so found, should a killed run leave it).
    const QString scratch = QStringLiteral("statescope_check_%1_%2")
                                .arg(conn.database().left(32))
                                .arg(QRandomGenerator::global()->generate() & 0xffffffu, 6, 16, QLatin1Char('0'));
    const QString quoted = layout::quoteIdent(scratch);
    // CREATE DATABASE runs from any database of the server, outside a transaction.
    conn.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(quoted));
    qint64 rows = -1;
    try {
        const pg::ConnectionSettings target = settings.withDatabase(scratch);
        {
            auto c = pg::Connection::open(target);
            const auto schemas = conn.exec(QStringLiteral(
                                               "SELECT DISTINCT n.nspname FROM pg_class c JOIN pg_namespace n ON "
                                               "n.oid = c.relnamespace WHERE c.oid = $1::regclass"),
                                           {p.qualified()});
            for (int i = 0; i < schemas.rowCount(); ++i)
                c->exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(layout::quoteIdent(schemas.value(i, 0))));
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

} // namespace statescope::upkeep::detail
