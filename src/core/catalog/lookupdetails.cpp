// The relation details' two reads: the whole of it for the details pane, and the shape
// that paging needs (catalog/lookup.h).
#include "core/catalog/lookup.h"

namespace statescope::catalog {

namespace {

// Everything the details pane and the browser need about one relation, in one statement.
// The relation is found by name in the catalog ($1, $2): nothing typed reaches the SQL text.
const char *kDetailsSql = R"(
WITH rel AS (
  SELECT c.oid, c.relkind, c.relrowsecurity, c.reltuples, c.relispartition, c.relhassubclass,
         n.nspname, c.relname,
         quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))
SELECT rel.relkind::text, rel.relrowsecurity,
  CASE WHEN rel.relkind = 'p'
       THEN coalesce((SELECT sum(greatest(pc.reltuples, 0)) FROM pg_inherits i
                      JOIN pg_class pc ON pc.oid = i.inhrelid WHERE i.inhparent = rel.oid), 0)
       ELSE rel.reltuples END,
  CASE WHEN rel.relkind = 'p'
       THEN coalesce((SELECT sum(pg_total_relation_size(i.inhrelid)) FROM pg_inherits i
                      WHERE i.inhparent = rel.oid), 0)
       ELSE pg_total_relation_size(rel.oid) END::bigint,
  (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod), t.typname,
                   t.typcategory, a.attnotnull, pg_get_expr(d.adbin, d.adrelid), t.typtype = 'e',
                   CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END::int8)
                   ORDER BY a.attnum)
   FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped),
  (SELECT json_agg(json_build_array(ic.relname, x.indisprimary, x.indisunique,
                   x.indpred IS NOT NULL, 0 = ANY (x.indkey::int2[]) OR x.indexprs IS NOT NULL,
                   (SELECT json_agg(a.attname ORDER BY k.ord)
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, ord)
                    JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum = k.num
                    WHERE k.ord <= x.indnkeyatts),
                   pg_get_indexdef(x.indexrelid), x.indisvalid) ORDER BY NOT x.indisprimary, ic.relname)
   FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid WHERE x.indrelid = rel.oid),
  (SELECT json_agg(json_build_array(k.conname,
                   (SELECT json_agg(a.attname ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num),
                   fn.nspname, fc.relname,
                   (SELECT json_agg(a.attname ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num),
                   pg_get_constraintdef(k.oid), rn.nspname, rc.relname) ORDER BY k.conname)
   FROM pg_constraint k
   JOIN pg_class fc ON fc.oid = k.confrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace
   JOIN pg_class rc ON rc.oid = k.conrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
   WHERE k.contype = 'f' AND k.conrelid = rel.oid AND k.conparentid = 0),
  (SELECT json_agg(json_build_array(k.conname,
                   (SELECT json_agg(a.attname ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num),
                   rel.nspname, rel.relname,
                   (SELECT json_agg(a.attname ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num),
                   pg_get_constraintdef(k.oid), rn.nspname, rc.relname) ORDER BY rn.nspname, rc.relname, k.conname)
   FROM pg_constraint k
   JOIN pg_class rc ON rc.oid = k.conrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
   WHERE k.contype = 'f' AND k.confrelid = rel.oid AND k.conparentid = 0 AND NOT rc.relispartition),
  (SELECT json_agg(json_build_array(t.tgname, pg_get_triggerdef(t.oid, true)) ORDER BY t.tgname)
   FROM pg_trigger t WHERE t.tgrelid = rel.oid AND NOT t.tgisinternal),
  (SELECT json_agg(json_build_array(p.policyname,
     'CREATE POLICY ' || quote_ident(p.policyname) || ' ON ' || rel.qname
     || ' AS ' || p.permissive || ' FOR ' || p.cmd
     || ' TO ' || array_to_string(p.roles, ', ')
     || coalesce(E'\n  USING (' || p.qual || ')', '')
     || coalesce(E'\n  WITH CHECK (' || p.with_check || ')', '') || ';') ORDER BY p.policyname)
   FROM pg_policies p WHERE p.schemaname = rel.nspname AND p.tablename = rel.relname),
  (SELECT json_agg(json_build_array(k.conname, pg_get_constraintdef(k.oid)) ORDER BY k.contype <> 'p', k.conname)
   FROM pg_constraint k WHERE k.conrelid = rel.oid AND k.contype IN ('p', 'u', 'c', 'f', 'x')
     AND (k.contype <> 'c' OR NOT k.conislocal IS FALSE)),
  CASE WHEN rel.relkind = 'p' THEN pg_get_partkeydef(rel.oid) END,
  CASE WHEN rel.relkind IN ('v', 'm') THEN pg_get_viewdef(rel.oid, true) END,
  CASE WHEN rel.relispartition
       THEN (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) || ' '
                    || pg_get_expr(c2.relpartbound, 0)
             FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
             JOIN pg_namespace pn ON pn.oid = pc.relnamespace
             JOIN pg_class c2 ON c2.oid = rel.oid WHERE i.inhrelid = rel.oid) END,
  rel.qname,
  (SELECT json_agg(json_build_array(pn.nspname, pc.relname, pg_get_expr(pc.relpartbound, 0),
                   pc.reltuples, pg_total_relation_size(pc.oid), fs.srvname) ORDER BY pc.relname)
   FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhrelid
   JOIN pg_namespace pn ON pn.oid = pc.relnamespace
   LEFT JOIN pg_foreign_table ft ON ft.ftrelid = pc.oid
   LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
   WHERE i.inhparent = rel.oid AND rel.relkind = 'p'),
  (SELECT fs.srvname FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver
   WHERE ft.ftrelid = rel.oid),
  rel.relhassubclass
FROM rel
)";

// The relation, found by name in the catalog ($1, $2): nothing typed reaches the SQL text.
const char *kRelationSql =
    "SELECT c.oid::int8, c.relkind::text, c.relrowsecurity, c.relispartition, "
    "CASE WHEN c.relkind = 'p' THEN coalesce((SELECT sum(greatest(pc.reltuples, 0)) FROM pg_inherits i "
    "JOIN pg_class pc ON pc.oid = i.inhrelid WHERE i.inhparent = c.oid), 0) ELSE c.reltuples END, "
    "CASE WHEN c.relkind = 'f' THEN (SELECT fs.srvname FROM pg_foreign_table ft JOIN pg_foreign_server fs "
    "ON fs.oid = ft.ftserver WHERE ft.ftrelid = c.oid) END, c.relhassubclass "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')";

// The three are sent together (one round trip), so the two below find the relation by name too.
#define STATESCOPE_RELATION_OID                                                                 \
    "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "             \
    "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))"

// Its columns, as readDetails describes them, with their numbers for the indexes below.
const char *kColumnsSql =
    "SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), t.typname, t.typcategory::text, "
    "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), "
    "CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END::int8 "
    "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE a.attrelid = " STATESCOPE_RELATION_OID " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

// Its indexes: key columns by number (0 for an expression), in readDetails' order.
const char *kIndexesSql =
    "SELECT ic.relname, x.indisprimary, x.indisunique, x.indpred IS NOT NULL, "
    "0 = ANY (x.indkey::int2[]) OR x.indexprs IS NOT NULL, x.indnkeyatts, "
    "array_to_string(x.indkey::int2[], ','), x.indisvalid "
    "FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid WHERE x.indrelid = " STATESCOPE_RELATION_OID " "
    "ORDER BY NOT x.indisprimary, ic.relname";

#undef STATESCOPE_RELATION_OID

} // namespace

pg::Result readRelationDetails(pg::Connection &conn, const QString &schema, const QString &name)
{
    return conn.exec(QString::fromLatin1(kDetailsSql), {schema, name});
}

std::vector<pg::Result> readRelationShape(pg::Connection &conn, const QString &schema, const QString &name)
{
    return conn.pipeline({{QString::fromLatin1(kRelationSql), {schema, name}},
                          {QString::fromLatin1(kColumnsSql), {schema, name}},
                          {QString::fromLatin1(kIndexesSql), {schema, name}}});
}

} // namespace statescope::catalog
