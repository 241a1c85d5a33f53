// The statements of a snapshot's definitions (catalogsql_p.h), read by the catalog reader
// (catalogread.cpp) in the same pipeline as the shape.
#include "core/catalog/catalogsql_p.h"

namespace statescope::catalog {

// Members of extensions, by catalog: pg_class, pg_type, pg_proc, pg_namespace.
extern const char *const kExtensionMembersSql =
    "SELECT classid::regclass::text, objid::bigint FROM pg_depend WHERE deptype = 'e'"
    " AND classid IN ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass,"
    "                 'pg_namespace'::regclass, 'pg_collation'::regclass, 'pg_foreign_server'::regclass)";

extern const char *const kConstraintsSql =
    "SELECT co.conrelid::bigint, co.conname, quote_ident(co.conname), co.contype::text,"
    "  pg_get_constraintdef(co.oid), co.conparentid <> 0 OR NOT co.conislocal, co.oid::bigint, co.conindid::bigint"
    " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE co.contype IN ('p', 'u', 'f', 'c', 'x') AND" STATESCOPE_USER_SCHEMA
    " ORDER BY co.conrelid, co.conname";

extern const char *const kTriggersSql =
    "SELECT t.tgrelid::bigint, t.tgname, quote_ident(t.tgname), pg_get_triggerdef(t.oid, true),"
    "  t.tgenabled = 'D', t.tgparentid <> 0, t.oid::bigint"
    " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE NOT t.tgisinternal AND" STATESCOPE_USER_SCHEMA " ORDER BY t.tgrelid, t.tgname";

extern const char *const kTypesSql =
    "SELECT t.oid::bigint, n.nspname, t.typname, t.typtype = 'e',"
    "  quote_ident(n.nspname) || '.' || quote_ident(t.typname),"
    "  CASE t.typtype WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', '"
    "    ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)"
    "  WHEN 'c' THEN (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', '"
    "    ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
    "    AND NOT a.attisdropped)"
    "  ELSE format_type(t.typbasetype, t.typtypmod) || coalesce(' DEFAULT ' || t.typdefault, '')"
    "    || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
    "    || coalesce((SELECT ' ' || string_agg('CONSTRAINT ' || quote_ident(c.conname) || ' '"
    "      || pg_get_constraintdef(c.oid), ' ' ORDER BY c.conname) FROM pg_constraint c"
    "      WHERE c.contypid = t.oid), '') END,"
    "  format_type(t.typbasetype, t.typtypmod), t.typdefault, t.typnotnull,"
    "  (SELECT string_agg(quote_ident(c.conname) || chr(9) || pg_get_constraintdef(c.oid), chr(10)"
    "    ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid),"
    "  t.typtype = 'c', t.typrelid::bigint"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    // Composite types of their own (CREATE TYPE ... AS), not a table's row type.
    " WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND (SELECT rc.relkind FROM pg_class rc"
    "   WHERE rc.oid = t.typrelid) = 'c')) AND" STATESCOPE_USER_SCHEMA " ORDER BY 2, 3";

extern const char *const kSequencesSql =
    "SELECT c.oid::bigint, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
    "  format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,"
    "  s.seqcycle,"
    "  (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)"
    "    FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid"
    "    JOIN pg_namespace tn ON tn.oid = t.relnamespace"
    "    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
    "    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')"
    "      AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 LIMIT 1),"
    "  EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
    "    AND d.deptype = 'i')"
    " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE" STATESCOPE_USER_SCHEMA " ORDER BY 2, 3";

extern const char *const kFunctionsSql =
    "SELECT p.oid::bigint, n.nspname, p.proname, pg_get_function_identity_arguments(p.oid),"
    "  quote_ident(n.nspname) || '.' || quote_ident(p.proname), p.prokind = 'p',"
    // An aggregate has no pg_get_functiondef: its statement is put together from pg_aggregate.
    "  CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) ELSE"
    "   'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || ' ('"
    "   || coalesce(nullif(pg_get_function_arguments(p.oid), ''), '*') || ') (SFUNC = ' || a.aggtransfn::regproc::text"
    "   || ', STYPE = ' || format_type(a.aggtranstype, NULL)"
    "   || CASE WHEN a.aggtransspace <> 0 THEN ', SSPACE = ' || a.aggtransspace ELSE '' END"
    "   || CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::regproc::text ELSE '' END"
    "   || CASE WHEN a.aggfinalextra THEN ', FINALFUNC_EXTRA' ELSE '' END"
    "   || CASE a.aggfinalmodify WHEN 's' THEN ', FINALFUNC_MODIFY = SHAREABLE'"
    "        WHEN 'w' THEN ', FINALFUNC_MODIFY = READ_WRITE' ELSE '' END"
    "   || CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::regproc::text ELSE '' END"
    "   || CASE WHEN a.aggserialfn <> 0 THEN ', SERIALFUNC = ' || a.aggserialfn::regproc::text ELSE '' END"
    "   || CASE WHEN a.aggdeserialfn <> 0 THEN ', DESERIALFUNC = ' || a.aggdeserialfn::regproc::text ELSE '' END"
    "   || CASE WHEN a.agginitval IS NOT NULL THEN ', INITCOND = ' || quote_literal(a.agginitval) ELSE '' END"
    "   || CASE WHEN a.aggmtransfn <> 0 THEN ', MSFUNC = ' || a.aggmtransfn::regproc::text || ', MINVFUNC = '"
    "        || a.aggminvtransfn::regproc::text || ', MSTYPE = ' || format_type(a.aggmtranstype, NULL) ELSE '' END"
    "   || CASE WHEN a.aggmfinalfn <> 0 THEN ', MFINALFUNC = ' || a.aggmfinalfn::regproc::text ELSE '' END"
    "   || CASE WHEN a.aggminitval IS NOT NULL THEN ', MINITCOND = ' || quote_literal(a.aggminitval) ELSE '' END"
    "   || CASE WHEN a.aggsortop <> 0 THEN ', SORTOP = ' || (SELECT 'OPERATOR(' || quote_ident(opn.nspname) || '.'"
    "        || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace"
    "        WHERE o.oid = a.aggsortop) ELSE '' END"
    "   || CASE p.proparallel WHEN 's' THEN ', PARALLEL = SAFE' WHEN 'r' THEN ', PARALLEL = RESTRICTED' ELSE '' END"
    "   || CASE WHEN a.aggkind = 'h' THEN ', HYPOTHETICAL' ELSE '' END || ')' END,"
    "  pg_get_function_result(p.oid), pg_get_function_arguments(p.oid), p.prokind = 'a'"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    " LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid"
    " WHERE" STATESCOPE_USER_SCHEMA " ORDER BY 2, 3, 4";

// Privileges on relations, schemas and functions; an object without an ACL of its own has its
// kind's defaults (acldefault), which the catalog does not write down.
#define STATESCOPE_GRANTEE                                                                      \
    " CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,"  \
    " a.privilege_type, a.is_grantable, "
extern const char *const kGrantsSql =
    "SELECT 'pg_class', c.oid::bigint, n.nspname, c.relname::text,"
    "  CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,"
    "  quote_ident(n.nspname) || '.' || quote_ident(c.relname)," STATESCOPE_GRANTEE
    "  a.grantee = c.relowner, c.relacl IS NULL, ''"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
    "  aclexplode(coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\","
    "    c.relowner))) a"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND" STATESCOPE_USER_SCHEMA
    "UNION ALL"
    // Column privileges: only where a column has an ACL of its own (there are no defaults).
    " SELECT 'pg_class', c.oid::bigint, n.nspname, c.relname::text, 'TABLE',"
    "  quote_ident(n.nspname) || '.' || quote_ident(c.relname)," STATESCOPE_GRANTEE
    "  a.grantee = c.relowner, false, quote_ident(at.attname)"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_attribute at ON at.attrelid = c.oid AND at.attnum > 0 AND NOT at.attisdropped"
    "  AND at.attacl IS NOT NULL, aclexplode(at.attacl) a"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND" STATESCOPE_USER_SCHEMA
    "UNION ALL"
    " SELECT 'pg_namespace', n.oid::bigint, n.nspname, '', 'SCHEMA', quote_ident(n.nspname)," STATESCOPE_GRANTEE
    "  a.grantee = n.nspowner, n.nspacl IS NULL, ''"
    " FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a"
    " WHERE" STATESCOPE_USER_SCHEMA
    "UNION ALL"
    " SELECT 'pg_proc', p.oid::bigint, n.nspname,"
    "  p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',"
    "  CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,"
    "  quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '('"
    "    || pg_get_function_identity_arguments(p.oid) || ')'," STATESCOPE_GRANTEE
    "  a.grantee = p.proowner, p.proacl IS NULL, ''"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,"
    "  aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a"
    " WHERE" STATESCOPE_USER_SCHEMA
    "UNION ALL"
    " SELECT 'pg_foreign_server', s.oid::bigint, '', s.srvname, 'FOREIGN SERVER', quote_ident(s.srvname)," STATESCOPE_GRANTEE
    "  a.grantee = s.srvowner, s.srvacl IS NULL, ''"
    " FROM pg_foreign_server s, aclexplode(coalesce(s.srvacl, acldefault('S', s.srvowner))) a "
    "ORDER BY 3, 4, 12, 7, 8";

extern const char *const kServersSql =
    "SELECT s.oid::bigint, s.srvname, quote_ident(s.srvname), quote_ident(w.fdwname), s.srvtype, s.srvversion,"
    "  (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || ' ' || quote_literal(substr(o,"
    "    strpos(o, '=') + 1)), ', ' ORDER BY o) FROM unnest(s.srvoptions) o)"
    " FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw ORDER BY 2";
// pg_user_mappings shows a mapping's options to whom may see them; a password is left out.
extern const char *const kUserMappingsSql =
    "SELECT m.umid::bigint, quote_ident(m.srvname),"
    "  CASE WHEN m.umuser = 0 THEN 'PUBLIC' ELSE quote_ident(m.usename) END,"
    "  (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || ' ' || quote_literal(substr(o,"
    "    strpos(o, '=') + 1)), ', ' ORDER BY o) FROM unnest(m.umoptions) o WHERE split_part(o, '=', 1) <> 'password'),"
    "  EXISTS (SELECT 1 FROM unnest(m.umoptions) o WHERE split_part(o, '=', 1) = 'password'),"
    "  m.umoptions IS NULL AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
    " FROM pg_user_mappings m ORDER BY 2, 3";

extern const char *const kExtensionsSql =
    "SELECT e.extname, e.extversion, n.nspname, quote_ident(e.extname), quote_ident(n.nspname),"
    " quote_literal(e.extversion), e.oid::bigint"
    " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY 1";

extern const char *const kSchemasSql =
    "SELECT n.oid::bigint, n.nspname, quote_ident(n.nspname) FROM pg_namespace n WHERE"
    STATESCOPE_USER_SCHEMA " ORDER BY 2";

extern const char *const kCollationsSql =
    "SELECT n.nspname, co.collname, quote_ident(n.nspname) || '.' || quote_ident(co.collname),"
    // The ICU locale's column has been renamed twice (colliculocale in 15, colllocale in 17).
    "  co.collprovider::text, coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale',"
    "    co.collcollate), co.collisdeterministic, co.oid::bigint"
    " FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace"
    " WHERE" STATESCOPE_USER_SCHEMA " ORDER BY 1, 2";

#undef STATESCOPE_GRANTEE

} // namespace statescope::catalog
