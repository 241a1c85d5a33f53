// Relations by name, their columns, and who may read them (catalog/lookup.h).
#include "core/catalog/lookup.h"
#include "core/catalog/lookup_p.h"

#include "core/pg/arrayliteral.h"

namespace statescope::catalog {

bool relationExists(pg::Connection &conn, const QString &schema, const QString &name)
{
    return conn.exec(QStringLiteral("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"),
                     {schema, name})
               .rowCount()
           > 0;
}

bool anyRelationExists(pg::Connection &conn, const QString &schema, const QString &name)
{
    // By the catalog, not by name: a name in a schema this login may not use is an error.
    return conn.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                                    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2)"),
                     {schema, name})
        .toBool(0, 0);
}

pg::Result resolveRelation(pg::Connection &conn, const QString &name, const QString &kinds)
{
    return conn.exec(QStringLiteral("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON "
                                    "n.oid = c.relnamespace WHERE c.relkind::text = ANY($2::text[]) AND "
                                    "(n.nspname || '.' || c.relname = $1 OR (c.relname = $1 AND "
                                    "n.nspname = ANY(current_schemas(false)))) ORDER BY 1 LIMIT 2"),
                     {name, kinds});
}

pg::Result resolveTableForStats(pg::Connection &conn, const QString &name)
{
    return conn.exec(QStringLiteral("SELECT n.nspname || '.' || c.relname, c.oid::int8 FROM pg_class c JOIN pg_namespace n ON "
                                    "n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm', 't') AND "
                                    "(n.nspname || '.' || c.relname = $1 OR (c.relname = $1 AND "
                                    "n.nspname = ANY(current_schemas(false))))"),
                     {name});
}

pg::Result columnTypes(pg::Connection &conn, const QString &relation)
{
    return conn.exec(QStringLiteral("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                                    "WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped "
                                    "ORDER BY attnum"),
                     {relation});
}

bool hasColumn(pg::Connection &conn, const QString &relation, const QString &column)
{
    return conn.exec(QStringLiteral("SELECT count(*) FROM pg_attribute WHERE attrelid = $1::regclass "
                                    "AND attname = $2"),
                     {relation, column})
               .toLongLong(0, 0)
           > 0;
}

pg::Result readability(pg::Connection &conn, const QStringList &schemas, const QStringList &names)
{
    return conn.exec(
        QStringLiteral("SELECT COALESCE(pg_catalog.has_schema_privilege(n.oid, 'USAGE') "
                       "  AND pg_catalog.has_table_privilege(c.oid, 'SELECT'), false), "
                       "COALESCE(pg_catalog.has_schema_privilege(n.oid, 'USAGE') "
                       "  AND pg_catalog.has_table_privilege(c.oid, 'SELECT') AND pg_catalog.row_security_active(c.oid), false) "
                       "FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(s, t, i) "
                       "LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = u.s "
                       "LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = u.t ORDER BY u.i"),
        {pg::textArrayLiteral(schemas), pg::textArrayLiteral(names)});
}

QSet<qint64> unreadableRelations(pg::Connection &conn)
{
    const pg::Result r = conn.exec(QStringLiteral(
        "SELECT c.oid::bigint FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND NOT (pg_catalog.has_schema_privilege(n.oid, 'USAGE') AND pg_catalog.has_table_privilege(c.oid, 'SELECT') "
        "AND NOT (pg_catalog.row_security_active(c.oid) AND EXISTS (SELECT 1 FROM pg_catalog.pg_policy p "
        "  WHERE p.polrelid = c.oid AND (pg_catalog.pg_get_expr(p.polqual, p.polrelid) LIKE '%current_setting%' "
        "  OR pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%current_setting%'))))"));
    QSet<qint64> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.insert(r.toLongLong(i, 0));
    return out;
}

QStringList existingNames(pg::Connection &conn, const QByteArray &relations, const QByteArray &functions)
{
    // Each name looked up by schema and name (the catalogs' own indexes), both kinds in one
    // round trip.
    return firstColumn(conn.exec(
        QStringLiteral("SELECT n FROM unnest($1::text[]) n WHERE EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace s"
                       " ON s.oid = c.relnamespace WHERE c.relname = split_part(n, '.', 2)"
                       " AND s.nspname = split_part(n, '.', 1))"
                       " UNION ALL SELECT n || '()' FROM unnest($2::text[]) n WHERE EXISTS (SELECT 1 FROM pg_proc p"
                       " JOIN pg_namespace s ON s.oid = p.pronamespace WHERE p.proname = split_part(n, '.', 2)"
                       " AND s.nspname = split_part(n, '.', 1))"
                       " ORDER BY 1"),
        {relations, functions}));
}

pg::Result takenNames(pg::Connection &conn, const QString &schema, const QStringList &names)
{
    return conn.exec(QStringLiteral("SELECT string_agg(c.relname, ', ') FROM pg_class c JOIN pg_namespace n "
                                    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = ANY($2)"),
                     {schema, QStringLiteral("{%1}").arg(names.join(QLatin1Char(',')))});
}

QString extensionSchema(pg::Connection &conn, const QString &extension)
{
    return conn.exec(QStringLiteral("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                                    "WHERE e.extname = $1"),
                     {extension})
        .value(0, 0);
}

std::vector<std::pair<QString, bool>> rolesNotHeld(pg::Connection &conn, const QStringList &roles)
{
    const pg::Result r = conn.exec(
        QStringLiteral("SELECT u.r, pg_catalog.to_regrole(u.r) IS NULL FROM unnest($1::text[]) WITH ORDINALITY AS u(r, i) "
                       "WHERE pg_catalog.to_regrole(u.r) IS NULL "
                       "OR NOT pg_catalog.pg_has_role(current_user, pg_catalog.to_regrole(u.r), 'MEMBER') ORDER BY u.i"),
        {pg::textArrayLiteral(roles)});
    std::vector<std::pair<QString, bool>> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.emplace_back(r.value(i, 0), r.toBool(i, 1));
    return out;
}

namespace sql {

QString ownRelationNames(int limit)
{
    return QStringLiteral("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
                          "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition "
                          "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'statescope') "
                          "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT %1")
        .arg(limit);
}

QString columnNames(const QString &relationParam)
{
    return QStringLiteral("SELECT attname FROM pg_attribute WHERE attrelid = %1::regclass AND attnum > 0 "
                          "AND NOT attisdropped")
        .arg(relationParam);
}

QString jsonbOpsIndexes()
{
    return QStringLiteral("SELECT i.indrelid::bigint, i.indkey[0]::int FROM pg_catalog.pg_index i "
                          "JOIN pg_catalog.pg_opclass o ON o.oid = i.indclass[0] "
                          "JOIN pg_catalog.pg_am m ON m.oid = o.opcmethod "
                          "WHERE i.indisvalid AND m.amname = 'gin' AND o.opcname = 'jsonb_ops' "
                          "AND o.opcnamespace = 'pg_catalog'::regnamespace");
}

} // namespace sql

} // namespace statescope::catalog
