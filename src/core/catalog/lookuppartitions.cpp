// Partitions and their bounds, indexes, sequences and foreign keys, as upkeep and index
// builds need them (catalog/lookup.h).
#include "core/catalog/lookup.h"
#include "core/catalog/lookup_p.h"

namespace statescope::catalog {

namespace {

QString arrayOf(const QStringList &names)
{
    return QStringLiteral("{%1}").arg(names.join(QLatin1Char(',')));
}

} // namespace

pg::Result rangePartitionedTables(pg::Connection &conn)
{
    return conn.exec(QStringLiteral(
        "SELECT c.oid, n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
        "FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0] "
        "WHERE p.partstrat = 'r' AND p.partnatts = 1 AND NOT c.relispartition "
        "AND a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype) "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 2, 3"));
}

pg::Result partitionsWithBounds(pg::Connection &conn, const QString &parentOid)
{
    // Bounds as the server prints them, read back as instants (the key is of a time type,
    // so the quoted literals are times); MINVALUE/MAXVALUE give nothing.
    const bool pending = conn.serverVersion() >= 140000;
    return conn.exec(QStringLiteral("SELECT n.nspname, c.relname, pg_get_expr(c.relpartbound, 0) = 'DEFAULT', "
                                    "extract(epoch FROM (regexp_match(pg_get_expr(c.relpartbound, 0), "
                                    "$2))[1]::timestamptz)::float8, "
                                    "extract(epoch FROM (regexp_match(pg_get_expr(c.relpartbound, 0), "
                                    "$3))[1]::timestamptz)::float8, "
                                    "c.reltuples::bigint, pg_total_relation_size(c.oid), %1 "
                                    "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.inhparent = $1::oid")
                         .arg(pending ? QStringLiteral("i.inhdetachpending") : QStringLiteral("false")),
                     {parentOid, QStringLiteral("FROM \\('([^']*)'\\)"), QStringLiteral("TO \\('([^']*)'\\)")});
}

pg::Result childrenOf(pg::Connection &conn, const QString &parent)
{
    return conn.exec(QStringLiteral("SELECT n.nspname, c.relname FROM pg_inherits i JOIN pg_class c ON "
                                    "c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    "WHERE i.inhparent = $1::regclass ORDER BY c.relname"),
                     {parent});
}

qint64 childrenNamed(pg::Connection &conn, const QString &parent, const QStringList &names)
{
    return conn.exec(QStringLiteral("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON "
                                    "c.oid = i.inhrelid WHERE i.inhparent = $1::regclass "
                                    "AND c.relname = ANY($2)"),
                     {parent, arrayOf(names)})
        .toLongLong(0, 0);
}

pg::Result isAttached(pg::Connection &conn, const QString &relation)
{
    return conn.exec(QStringLiteral("SELECT i.inhrelid IS NOT NULL AND NOT i.inhdetachpending "
                                    "FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid "
                                    "WHERE c.oid = to_regclass($1)"),
                     {relation});
}

bool detachPending(pg::Connection &conn, const QString &relation)
{
    return conn.exec(QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhrelid = "
                                    "to_regclass($1) AND inhdetachpending"),
                     {relation})
               .toLongLong(0, 0)
           > 0;
}

QStringList schemasOf(pg::Connection &conn, const QString &relation)
{
    return firstColumn(conn.exec(QStringLiteral("SELECT DISTINCT n.nspname FROM pg_class c JOIN pg_namespace n ON "
                                                "n.oid = c.relnamespace WHERE c.oid = $1::regclass"),
                                 {relation}));
}

pg::Result sequencesUsedBy(pg::Connection &conn, const QString &relation)
{
    return conn.exec(QStringLiteral("SELECT DISTINCT sn.nspname, s.relname FROM pg_attrdef d "
                                    "JOIN pg_depend dep ON dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid "
                                    "AND dep.refclassid = 'pg_class'::regclass "
                                    "JOIN pg_class s ON s.oid = dep.refobjid AND s.relkind = 'S' "
                                    "JOIN pg_namespace sn ON sn.oid = s.relnamespace WHERE d.adrelid = $1::regclass"),
                     {relation});
}

pg::Result largestIndexes(pg::Connection &conn, int limit)
{
    return conn.exec(QStringLiteral(
                         "SELECT n.nspname, t.relname, c.relname, pg_relation_size(c.oid), x.indisvalid, "
                         "pg_get_indexdef(c.oid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                         "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                         "WHERE c.relkind = 'i' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
                         "ORDER BY 4 DESC, 1, 3 LIMIT $1"),
                     {qint64(limit)});
}

QString tableOfIndex(pg::Connection &conn, const QString &index)
{
    return conn.exec(QStringLiteral("SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = $1::regclass"),
                     {index})
        .value(0, 0);
}

QStringList reindexLeftovers(pg::Connection &conn, const QString &table, const QString &name)
{
    return firstColumn(conn.exec(
        QStringLiteral("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index x "
                       "JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE NOT x.indisvalid AND x.indrelid = $1::regclass "
                       // Its name starts like the index's (PostgreSQL truncates a long one to
                       // fit the suffix).
                       "AND c.relname ~ '_cc(new|old)[0-9]*$' AND left(c.relname, least(length($2), 40)) = "
                       "left($2, 40)"),
        {table, name}));
}

QStringList invalidStatescopeIndexes(pg::Connection &conn)
{
    return firstColumn(conn.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index x JOIN pg_class c ON "
        "c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT x.indisvalid AND c.relname LIKE '%\\_statescope\\_idx'")));
}

QStringList singleColumnReferences(pg::Connection &conn, const QString &rel, const QString &target)
{
    return firstColumn(conn.exec(QStringLiteral("SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid "
                                                "AND a.attnum = c.conkey[1] WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 "
                                                "AND c.conrelid = $1::regclass AND c.confrelid = $2::regclass"),
                                 {rel, target}));
}

pg::Result deletingForeignKeys(pg::Connection &conn, const QString &table)
{
    return conn.exec(QStringLiteral("SELECT string_agg(format('%s.%s (%s)', n.nspname, c.relname, "
                                    "CASE x.confdeltype WHEN 'c' THEN 'ON DELETE CASCADE' "
                                    "WHEN 'n' THEN 'ON DELETE SET NULL' ELSE 'ON DELETE SET DEFAULT' END), ', ') "
                                    "FROM pg_constraint x JOIN pg_class c ON c.oid = x.conrelid "
                                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    "WHERE x.contype = 'f' AND x.confrelid = $1::regclass "
                                    "AND x.confdeltype IN ('c', 'n', 'd')"),
                     {table});
}

} // namespace statescope::catalog
