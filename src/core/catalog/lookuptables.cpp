// The tables of a database as a lock, a check, a count or a list needs them; row security;
// materialized views; what depends on the bookkeeping schema (catalog/lookup.h).
#include "core/catalog/lookup.h"
#include "core/catalog/lookup_p.h"

namespace statescope::catalog {

namespace {

// Tables and partitioned tables (partitions too) of user schemas: every schema but the
// system's own and pg_* (TOAST, temporary).
#define STATESCOPE_USER_TABLES                                                                  \
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "                           \
    "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') " \
    "AND n.nspname NOT LIKE 'pg\\_%'"

} // namespace

qint64 userTableCount(pg::Connection &conn)
{
    return conn.exec(QStringLiteral("SELECT count(*) " STATESCOPE_USER_TABLES)).toLongLong(0, 0);
}

bool isStatescopesOrEmpty(pg::Connection &conn)
{
    return conn.exec(QStringLiteral("SELECT to_regclass('statescope.schema_history') IS NOT NULL OR NOT EXISTS "
                                    "(SELECT 1 " STATESCOPE_USER_TABLES ")"))
        .toBool(0, 0);
}

#undef STATESCOPE_USER_TABLES

QStringList lockableTables(pg::Connection &conn)
{
    return firstColumn(conn.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' "
        "ORDER BY c.oid")));
}

QStringList ownTables(pg::Connection &conn)
{
    return firstColumn(conn.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'statescope') "
        "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1")));
}

pg::Result tableEstimates(pg::Connection &conn)
{
    return conn.exec(QStringLiteral(
        "SELECT n.nspname, c.relname, c.reltuples::bigint, c.relpages "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "  AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "  AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2"));
}

pg::Result vacuumSettings(pg::Connection &conn)
{
    return conn.exec(QStringLiteral(
        "SELECT n.nspname, c.relname, array_to_string(c.reloptions, E'\\n'), coalesce(s.n_live_tup, 0), "
        "coalesce(s.n_dead_tup, 0), to_char(s.last_autovacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "to_char(s.last_autoanalyze AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid "
        // Storage parameters live on tables that hold rows: ordinary tables, each partition
        // and materialized views (a partitioned parent takes none).
        "WHERE c.relkind IN ('r', 'm') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1, 2"));
}

QStringList statescopeObjects(pg::Connection &conn)
{
    return firstColumn(conn.exec(QStringLiteral(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'statescope' UNION ALL SELECT p.proname FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'statescope' "
        "UNION ALL SELECT '(the schema itself)' FROM pg_namespace WHERE nspname = 'statescope' "
        "ORDER BY 1")));
}

QStringList dependentsOfStatescope(pg::Connection &conn)
{
    return firstColumn(conn.exec(QStringLiteral(
        "SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid) FROM pg_depend d "
        "JOIN pg_class c ON c.oid = d.refobjid AND d.refclassid = 'pg_class'::regclass "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'statescope' "
        "LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid "
        "LEFT JOIN pg_constraint con ON d.classid = 'pg_constraint'::regclass AND con.oid = d.objid "
        "LEFT JOIN pg_trigger tg ON d.classid = 'pg_trigger'::regclass AND tg.oid = d.objid "
        "LEFT JOIN pg_class dc ON dc.oid = coalesce(rw.ev_class, con.conrelid, tg.tgrelid, "
        "CASE WHEN d.classid = 'pg_class'::regclass THEN d.objid END) "
        "LEFT JOIN pg_namespace dn ON dn.oid = dc.relnamespace "
        "WHERE d.deptype = 'n' AND dn.nspname IS NOT NULL AND dn.nspname <> 'statescope' "
        "AND dn.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1")));
}

pg::Result historyTables(pg::Connection &conn)
{
    // History tables by name, in any schema. Hand-rolled version tables go by several names.
    return conn.exec(QStringLiteral(R"(
SELECT n.nspname, c.relname,
       array_to_string(ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid
                             AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum), ',')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v')
  AND c.relname IN ('flyway_schema_history', 'schema_version', 'alembic_version',
                    '_sqlx_migrations', 'schema_migrations', 'db_version', 'schema_info',
                    'migration_version', 'version', 'schema_history', 'bookkeeping_history')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY n.nspname, c.relname
)"));
}

pg::Result rowSecurityTables(pg::Connection &conn)
{
    // The settings each table's policies read and the column each is compared with (a policy
    // "player_id = current_setting('app.x')::uuid", as pg_get_expr prints it), and whether
    // row security is active for this session: the server's own answer
    // (row_security_active), which covers superusers, BYPASSRLS, and owners (members of the
    // owning role) of tables without FORCE ROW LEVEL SECURITY.
    return conn.exec(QStringLiteral(R"(
SELECT n.nspname, c.relname,
       coalesce((SELECT string_agg(DISTINCT m[1], ',') FROM pg_policy p,
                 regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' ||
                                coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
                                'current_setting\(''([^'']+)''', 'g') m
                 WHERE p.polrelid = c.oid), '') AS settings,
       coalesce((SELECT string_agg(DISTINCT m[2] || '=' || m[1], ',') FROM pg_policy p,
                 regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), ''),
                                '([a-z_][a-z0-9_]*) = \(*current_setting\(''([^'']+)''', 'g') m
                 WHERE p.polrelid = c.oid), '') AS columns,
       NOT row_security_active(c.oid) AS bypassed,
       c.relforcerowsecurity,
       pg_has_role(current_user, c.relowner, 'USAGE') AS owner
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relrowsecurity AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2
)"));
}

pg::Result generatedColumns(pg::Connection &conn, const QString &column)
{
    return conn.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname), pg_get_expr(d.adbin, d.adrelid) "
        "FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE a.attname = $1 AND a.attgenerated = 's' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') "
        "AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"),
                     {column});
}

pg::Result columnChecks(pg::Connection &conn, const QString &column)
{
    return conn.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname), pg_get_constraintdef(k.oid) "
        "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attname = $1 "
        "WHERE k.contype = 'c' AND k.conkey = ARRAY[a.attnum] AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"),
                     {column});
}

namespace {

// REFRESH ... CONCURRENTLY needs a valid unique index on plain columns covering all rows.
constexpr auto kUniqueIndex =
    "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique "
    "AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL)";

} // namespace

pg::Result materializedViews(pg::Connection &conn, const QString &schema, const QString &joinColumns,
                             const QString &join)
{
    return conn.exec(QStringLiteral("SELECT m.schemaname, m.matviewname, m.ispopulated, "
                                    "pg_total_relation_size(c.oid), %1, %2 "
                                    "FROM pg_matviews m "
                                    "JOIN pg_namespace n ON n.nspname = m.schemaname "
                                    "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = m.matviewname "
                                    "%3 WHERE m.schemaname = $1 ORDER BY 1, 2")
                         .arg(QString::fromLatin1(kUniqueIndex), joinColumns, join),
                     {schema});
}

pg::Result materializedView(pg::Connection &conn, const QString &schema, const QString &name)
{
    return conn.exec(QStringLiteral("SELECT m.ispopulated, %1 FROM pg_matviews m "
                                    "JOIN pg_namespace n ON n.nspname = m.schemaname "
                                    "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = m.matviewname "
                                    "WHERE m.schemaname = $1 AND m.matviewname = $2")
                         .arg(QString::fromLatin1(kUniqueIndex)),
                     {schema, name});
}

} // namespace statescope::catalog
