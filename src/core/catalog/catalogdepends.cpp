// The server's dependency graph between user objects (catalog.h, Dependency): what schema
// compare's script is ordered by. Each end is said as an object the snapshot knows: a view's
// rule as its view, a column default as its column, a domain's constraint as its domain, a
// table's row type as its table, an array type as its element.
#include "core/catalog/catalog.h"
#include "core/catalog/catalogsql_p.h"

#include "core/pg/connection.h"

namespace statescope::catalog {

namespace {

// Objects made by initdb have OIDs below 16384 (FirstNormalObjectId): an edge to one of them
// (a built-in type, function or schema) orders nothing a script does.
#define STATESCOPE_HOLDER(cls)                                                                  \
    "CASE " cls " WHEN 'pg_class'::regclass THEN 1 WHEN 'pg_type'::regclass THEN 2"            \
    " WHEN 'pg_proc'::regclass THEN 3 WHEN 'pg_constraint'::regclass THEN 4"                   \
    " WHEN 'pg_trigger'::regclass THEN 5 WHEN 'pg_policy'::regclass THEN 6"                    \
    " WHEN 'pg_namespace'::regclass THEN 7 WHEN 'pg_extension'::regclass THEN 8"               \
    " WHEN 'pg_collation'::regclass THEN 9 WHEN 'pg_rewrite'::regclass THEN 1"                 \
    " WHEN 'pg_attrdef'::regclass THEN 1 WHEN 'pg_foreign_server'::regclass THEN 10"                 \
    " WHEN 'pg_user_mapping'::regclass THEN 11 ELSE 0 END"

} // namespace

extern const char *const kDependenciesSql =
    "WITH d AS (SELECT * FROM pg_depend WHERE deptype IN ('n', 'a', 'i', 'e')"
    "             AND objid >= 16384 AND refobjid >= 16384),"
    " e AS (SELECT d.deptype,"
    "   " STATESCOPE_HOLDER("d.classid") " AS h, d.classid, d.objid, d.objsubid,"
    "   " STATESCOPE_HOLDER("d.refclassid") " AS rh, d.refclassid, d.refobjid, d.refobjsubid,"
    "   rw.ev_class, ad.adrelid, ad.adnum, oc.contypid AS ocd, ot.typrelid AS otr, ot.typelem AS ote,"
    "   ot.typcategory AS otc, rc.contypid AS rcd, rt.typrelid AS rtr, rt.typelem AS rte,"
    "   rt.typcategory AS rtc"
    "  FROM d"
    "  LEFT JOIN pg_rewrite rw ON d.classid = 'pg_rewrite'::regclass AND rw.oid = d.objid"
    "  LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid"
    "  LEFT JOIN pg_constraint oc ON d.classid = 'pg_constraint'::regclass AND oc.oid = d.objid"
    "  LEFT JOIN pg_type ot ON d.classid = 'pg_type'::regclass AND ot.oid = d.objid"
    "  LEFT JOIN pg_constraint rc ON d.refclassid = 'pg_constraint'::regclass AND rc.oid = d.refobjid"
    "  LEFT JOIN pg_type rt ON d.refclassid = 'pg_type'::regclass AND rt.oid = d.refobjid)"
    " SELECT deptype::text,"
    "  CASE WHEN ocd <> 0 THEN 2 WHEN otr <> 0 THEN 1 WHEN otc = 'A' AND ote <> 0 THEN 2 ELSE h END,"
    "  (CASE WHEN ev_class IS NOT NULL THEN ev_class WHEN adrelid IS NOT NULL THEN adrelid"
    "   WHEN ocd <> 0 THEN ocd WHEN otr <> 0 THEN otr WHEN otc = 'A' AND ote <> 0 THEN ote"
    "   ELSE objid END)::bigint,"
    "  CASE WHEN adnum IS NOT NULL THEN adnum WHEN ev_class IS NOT NULL THEN 0 ELSE objsubid END,"
    "  adrelid IS NOT NULL,"
    "  CASE WHEN rcd <> 0 THEN 2 WHEN rtr <> 0 THEN 1 WHEN rtc = 'A' AND rte <> 0 THEN 2 ELSE rh END,"
    "  (CASE WHEN rcd <> 0 THEN rcd WHEN rtr <> 0 THEN rtr WHEN rtc = 'A' AND rte <> 0 THEN rte"
    "   ELSE refobjid END)::bigint,"
    "  refobjsubid"
    " FROM e WHERE h <> 0 AND rh <> 0";

#undef STATESCOPE_HOLDER

QList<Dependency> dependenciesFrom(const pg::Result &r)
{
    QList<Dependency> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        Dependency d;
        const QByteArrayView type = r.view(i, 0);
        d.type = type.isEmpty() ? 'n' : type.at(0);
        d.object = {Dependency::Holder(r.toInt(i, 1)), r.toLongLong(i, 2), r.toInt(i, 3)};
        d.ofDefault = r.view(i, 4) == "t";
        d.reference = {Dependency::Holder(r.toInt(i, 5)), r.toLongLong(i, 6), r.toInt(i, 7)};
        if (d.object.holder == d.reference.holder && d.object.oid == d.reference.oid && d.object.column == d.reference.column)
            continue; // a view's rule on its view, a row type on its table
        out.append(d);
    }
    return out;
}

} // namespace statescope::catalog

// Comments and extended statistics: read with the dependencies, said the same way.
namespace statescope::catalog {

// Objects made by initdb are left out, as in the dependencies, but for the public schema's
// comment when it is not initdb's own.
extern const char *const kCommentsSql =
    "SELECT CASE d.classoid WHEN 'pg_class'::regclass THEN 1 WHEN 'pg_type'::regclass THEN 2"
    " WHEN 'pg_proc'::regclass THEN 3 WHEN 'pg_constraint'::regclass THEN 4 WHEN 'pg_trigger'::regclass THEN 5"
    " WHEN 'pg_policy'::regclass THEN 6 WHEN 'pg_namespace'::regclass THEN 7 WHEN 'pg_collation'::regclass THEN 9"
    " WHEN 'pg_foreign_server'::regclass THEN 10 ELSE 0 END, d.objoid::bigint, d.objsubid, d.description"
    " FROM pg_description d WHERE d.objoid >= 16384 OR (d.classoid = 'pg_namespace'::regclass"
    "  AND d.objoid = to_regnamespace('public')::oid AND d.description <> 'standard public schema')";

QList<Comment> commentsFrom(const pg::Result &r)
{
    QList<Comment> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        if (r.toInt(i, 0) != 0)
            out.append({{Dependency::Holder(r.toInt(i, 0)), r.toLongLong(i, 1), r.toInt(i, 2)}, r.value(i, 3)});
    return out;
}

extern const char *const kStatisticsSql =
    "SELECT s.stxrelid::bigint, n.nspname, s.stxname, quote_ident(n.nspname) || '.' || quote_ident(s.stxname),"
    "  pg_get_statisticsobjdef(s.oid), s.stxstattarget, s.oid::bigint"
    " FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace"
    " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
    "  AND n.nspname NOT LIKE 'pg\\_temp%'";

QList<StatisticsObject> statisticsFrom(const pg::Result &r)
{
    QList<StatisticsObject> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.toLongLong(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3), r.value(i, 4), r.toInt(i, 5), r.toLongLong(i, 6)});
    return out;
}

extern const char *const kRulesSql =
    "SELECT r.ev_class::bigint, r.rulename, quote_ident(r.rulename), pg_get_ruledef(r.oid)"
    " FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE r.rulename <> '_RETURN' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    "  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

QList<Rule> rulesFrom(const pg::Result &r)
{
    QList<Rule> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.toLongLong(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3)});
    return out;
}

// Entries of a schema's default privileges add to the built-in ones; those for every schema
// replace them, so there both what they add and what they take away are read.
extern const char *const kDefaultPrivilegesSql =
    "WITH d AS (SELECT d.defaclrole, d.defaclnamespace, d.defaclobjtype, d.defaclacl,"
    "   acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole) AS builtin"
    "  FROM pg_default_acl d),"
    " e AS (SELECT d.*, a.grantee, a.privilege_type, a.is_grantable, false AS revoked"
    "  FROM d, aclexplode(d.defaclacl) a"
    "  WHERE d.defaclnamespace <> 0 OR NOT (a.grantee, a.privilege_type, a.is_grantable) IN"
    "   (SELECT b.grantee, b.privilege_type, b.is_grantable FROM aclexplode(d.builtin) b)"
    "  UNION ALL"
    "  SELECT d.*, b.grantee, b.privilege_type, b.is_grantable, true FROM d, aclexplode(d.builtin) b"
    "  WHERE d.defaclnamespace = 0 AND NOT (b.grantee, b.privilege_type, b.is_grantable) IN"
    "   (SELECT a.grantee, a.privilege_type, a.is_grantable FROM aclexplode(d.defaclacl) a))"
    " SELECT quote_ident(pg_get_userbyid(e.defaclrole)), coalesce(quote_ident(n.nspname), ''), coalesce(n.nspname, ''),"
    "  CASE e.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'"
    "   WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END, e.privilege_type,"
    "  CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(e.grantee)) END,"
    "  e.is_grantable, e.revoked"
    " FROM e LEFT JOIN pg_namespace n ON n.oid = e.defaclnamespace";

// The owners of what can be given to another role, holders numbered as Dependency::Holder.
#define STATESCOPE_OWNER(holder, oid, owner) " SELECT " holder ", " oid "::bigint, quote_ident(pg_get_userbyid(" owner "))"
extern const char *const kOwnersSql =
    STATESCOPE_OWNER("1", "c.oid", "c.relowner")
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND" STATESCOPE_USER_SCHEMA
    "UNION ALL" STATESCOPE_OWNER("2", "t.oid", "t.typowner")
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " WHERE t.typtype IN ('e', 'd', 'c') AND" STATESCOPE_USER_SCHEMA
    "UNION ALL" STATESCOPE_OWNER("3", "p.oid", "p.proowner")
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE" STATESCOPE_USER_SCHEMA
    "UNION ALL" STATESCOPE_OWNER("7", "n.oid", "n.nspowner") " FROM pg_namespace n WHERE" STATESCOPE_USER_SCHEMA
    "UNION ALL" STATESCOPE_OWNER("9", "co.oid", "co.collowner")
    " FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace WHERE" STATESCOPE_USER_SCHEMA
    "UNION ALL" STATESCOPE_OWNER("10", "s.oid", "s.srvowner") " FROM pg_foreign_server s"
    " UNION ALL" STATESCOPE_OWNER("12", "x.oid", "x.stxowner")
    " FROM pg_statistic_ext x JOIN pg_namespace n ON n.oid = x.stxnamespace WHERE" STATESCOPE_USER_SCHEMA;
#undef STATESCOPE_OWNER

QList<Owner> ownersFrom(const pg::Result &r)
{
    QList<Owner> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({{Dependency::Holder(r.toInt(i, 0)), r.toLongLong(i, 1), 0}, r.value(i, 2)});
    return out;
}

QList<DefaultPrivilege> defaultPrivilegesFrom(const pg::Result &r)
{
    QList<DefaultPrivilege> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.value(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3), r.value(i, 4), r.value(i, 5),
                    r.view(i, 6) == "t", r.view(i, 7) == "t"});
    return out;
}

} // namespace statescope::catalog
