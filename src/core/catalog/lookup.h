#pragma once

// Small reads of the catalog, each one statement, for the features that need one fact now
// rather than the whole Catalog value: a relation by name, a table's partitions, an index's
// table, the tables a lock or a check goes over, who may read what. Every statement that
// names pg_class, pg_namespace, pg_attribute, pg_index, pg_constraint, pg_inherits,
// pg_depend, pg_trigger or pg_policy lives in src/core/catalog (here, catalog.h or
// schemasnapshot.h), so a change to how a relation, a partition or an index is read is
// made once. Names reach them as parameters, never as SQL text.
//
// Those that return a pg::Result say its columns; where a read must share one round trip
// with a statement of the feature's own, it is a piece of SQL (sql::...) to embed.
// Two checks stay with their callers, as the read guard's: browse/sqlguard.cpp and the page's
// own proof in browse/rows.cpp, made in the transaction of the statement they guard.
#include "core/pg/connection.h"
#include "core/pg/result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace statescope::catalog {

// ---- Relations by name (lookuprelations.cpp) ----

// Is schema.name a table, partitioned table, view, materialized view or foreign table?
bool relationExists(pg::Connection &conn, const QString &schema, const QString &name);
// Is there a relation of any kind named schema.name?
bool anyRelationExists(pg::Connection &conn, const QString &schema, const QString &name);
// Relations named "schema.name", or "name" in a schema of the search path, whose relkind
// is one of kinds (a text array, "{r,p}"): (schema, name), at most two.
pg::Result resolveRelation(pg::Connection &conn, const QString &name, const QString &kinds);
// The same for a table, materialized view or TOAST table, as "schema.name" (unquoted) and
// its OID (all matches).
pg::Result resolveTableForStats(pg::Connection &conn, const QString &name);
// Columns of a relation (a regclass text), in order: (name, format_type).
pg::Result columnTypes(pg::Connection &conn, const QString &relation);
// Does relation (a regclass text) have a live column named column?
bool hasColumn(pg::Connection &conn, const QString &relation, const QString &column);
// Which of schemas.names (two text arrays, by position) are relations at all; of those
// this login may use the schema of and select from: (readable, readable under row security),
// one row per name, in order (false, false for a name that is not there).
pg::Result readability(pg::Connection &conn, const QStringList &schemas, const QStringList &names);
// Tables, partitioned tables and materialized views of user schemas this login cannot read:
// no USAGE on the schema, no SELECT, or row security that reads a setting (unset: an error).
QSet<qint64> unreadableRelations(pg::Connection &conn);
// Of "schema.name" (unquoted, folded) relations and functions, those that exist, sorted;
// the functions as "schema.name()".
QStringList existingNames(pg::Connection &conn, const QByteArray &relations, const QByteArray &functions);
// Of names, those already taken by some relation in schema, comma-separated; null when none.
pg::Result takenNames(pg::Connection &conn, const QString &schema, const QStringList &names);
// The schema an extension is created in; empty when it is not.
QString extensionSchema(pg::Connection &conn, const QString &extension);
// Of roles (quoted, as a script names them: SchemaDiff::script), those this login can neither
// give an object to nor take one from (it is not a superuser nor a member): (role, true when
// the role is not there at all), in order.
std::vector<std::pair<QString, bool>> rolesNotHeld(pg::Connection &conn, const QStringList &roles);

// ---- Relation details (lookupdetails.cpp) ----

// Everything the details pane shows of one relation (kinds r, p, v, m, f) in one statement,
// no row when there is none: relkind, relrowsecurity, row estimate (a partitioned table's
// summed over its partitions), bytes, then JSON arrays: columns [name, type, typname,
// category, not null, default, is enum, base type OID], indexes [name, primary, unique,
// partial, expression, key column names, definition, valid], foreign keys out and in [name,
// columns, to schema, to table, to columns, definition, from schema, from table], triggers
// [name, definition], policies [name, CREATE POLICY], table constraints [name, definition];
// then partition key, view definition, "parent bound" of a partition, quoted name,
// partitions [schema, name, bound, rows, bytes, server], foreign server, has children.
pg::Result readRelationDetails(pg::Connection &conn, const QString &schema, const QString &name);
// What paging a relation needs, in three statements sent in one round trip: the relation
// (OID, relkind, relrowsecurity, is partition, row estimate, foreign server, has children;
// no row when there is none), its columns (number, name, type, typname, category, not null,
// default, base type OID) and its indexes (name, primary, unique, partial, expression, key
// count, attribute numbers "1,2", valid), primary first.
std::vector<pg::Result> readRelationShape(pg::Connection &conn, const QString &schema, const QString &name);

// ---- Tables of a database (lookuptables.cpp) ----

// How many tables and partitioned tables (partitions too) user schemas hold.
qint64 userTableCount(pg::Connection &conn);
// True when statescope.schema_history exists or the user schemas hold no table.
bool isStatescopesOrEmpty(pg::Connection &conn);
// Every top-level table of user schemas, quoted "schema"."name", in OID order (the order a
// lock takes them in).
QStringList lockableTables(pg::Connection &conn);
// Every top-level table outside statescope and pg_* schemas, quoted, sorted.
QStringList ownTables(pg::Connection &conn);
// Every top-level table of user schemas: (schema, name, row estimate, pages), sorted.
pg::Result tableEstimates(pg::Connection &conn);
// Tables and materialized views with their storage parameters and activity: (schema, name,
// reloptions one a line, live rows, dead rows, last autovacuum, last autoanalyze), sorted.
pg::Result vacuumSettings(pg::Connection &conn);
// Relations and functions in schema statescope, and the schema itself as
// "(the schema itself)", sorted.
QStringList statescopeObjects(pg::Connection &conn);
// Objects outside schema statescope that depend on its relations (views, foreign keys,
// triggers), as pg_describe_object names them, sorted.
QStringList dependentsOfStatescope(pg::Connection &conn);
// Tables named as migration tools name their history, in user schemas: (schema, name,
// columns "a,b,c"), sorted.
pg::Result historyTables(pg::Connection &conn);
// Every table with row-level security: (schema, name, settings its policies read "a,b",
// columns compared with a setting "setting=column,...", bypassed for this session, FORCE,
// this login is a member of its owner), sorted.
pg::Result rowSecurityTables(pg::Connection &conn);
// Top-level tables with a stored generated column named column: (quoted name, expression).
pg::Result generatedColumns(pg::Connection &conn, const QString &column);
// CHECK constraints on exactly the column named column: (quoted table, definition).
pg::Result columnChecks(pg::Connection &conn, const QString &column);
// Materialized views of schema: (schema, name, populated, bytes, has a unique index
// REFRESH ... CONCURRENTLY can use), then the columns of join (a LEFT JOIN r of the
// caller's, or empty), sorted. The join's SQL is the caller's own constant text.
pg::Result materializedViews(pg::Connection &conn, const QString &schema, const QString &joinColumns,
                             const QString &join);
// One materialized view: (populated, has such a unique index); no row when there is none.
pg::Result materializedView(pg::Connection &conn, const QString &schema, const QString &name);

// ---- Partitions, indexes, keys (lookuppartitions.cpp) ----

// Range-partitioned tables on one time column: (OID, schema, name, column, its type), sorted.
pg::Result rangePartitionedTables(pg::Connection &conn);
// The partitions of parent (an OID): (schema, name, is DEFAULT, from and to as epoch
// seconds (null for MINVALUE/MAXVALUE or another bound), row estimate, bytes, detach
// pending (false before PostgreSQL 14)).
pg::Result partitionsWithBounds(pg::Connection &conn, const QString &parentOid);
// Direct children of parent (a regclass text): (schema, name), by name.
pg::Result childrenOf(pg::Connection &conn, const QString &parent);
// How many children of parent (a regclass text) are named one of names.
qint64 childrenNamed(pg::Connection &conn, const QString &parent, const QStringList &names);
// Is relation (a regclass text) a partition not being detached? null when there is none.
pg::Result isAttached(pg::Connection &conn, const QString &relation);
// Is relation (a regclass text) a partition whose DETACH ... CONCURRENTLY did not finish?
bool detachPending(pg::Connection &conn, const QString &relation);
// The schemas of relation (a regclass text).
QStringList schemasOf(pg::Connection &conn, const QString &relation);
// The sequences relation's column defaults use: (schema, name).
pg::Result sequencesUsedBy(pg::Connection &conn, const QString &relation);
// Indexes of user schemas, largest first: (schema, table, index, bytes, valid, definition).
pg::Result largestIndexes(pg::Connection &conn, int limit);
// The table of index (a regclass text), as regclass text.
QString tableOfIndex(pg::Connection &conn, const QString &index);
// Invalid indexes of table (a regclass text) named like what an interrupted REINDEX
// CONCURRENTLY leaves of index name (<name>_ccnew[N], _ccold[N]), quoted.
QStringList reindexLeftovers(pg::Connection &conn, const QString &table, const QString &name);
// Invalid indexes named like Statescope's own (..._statescope_idx), quoted.
QStringList invalidStatescopeIndexes(pg::Connection &conn);
// Columns of rel with a one-column foreign key to target (both regclass texts).
QStringList singleColumnReferences(pg::Connection &conn, const QString &rel, const QString &target);
// Foreign keys to table (a regclass text) that act on delete, "schema.table (ON DELETE
// ...)", comma-separated; null when none.
pg::Result deletingForeignKeys(pg::Connection &conn, const QString &table);

namespace sql {
// The columns (indexed relation OID, first key column number) of every valid GIN index whose
// first column uses jsonb_ops: a statement to send with others.
QString jsonbOpsIndexes();
// A subquery of relation's (a regclass parameter such as "$3") live column names.
QString columnNames(const QString &relationParam);
// A subquery of the first `limit` tables, views and materialized views (no partitions)
// outside statescope and the system's schemas, "schema.name" (unquoted), sorted.
QString ownRelationNames(int limit);
} // namespace sql

} // namespace statescope::catalog
