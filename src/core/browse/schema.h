#pragma once

#include "core/layout/catalog.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::pg {
class Connection;
}

namespace statescope::browse {

// One table, partitioned table, view or materialized view of the schema tree (partitions
// folded under their parent).
struct RelationInfo
{
    enum class Kind { Table, Partitioned, View, MaterializedView, Partition };
    QString schema;
    QString name;
    Kind kind = Kind::Table;
    double estimatedRows = -1; // the planner's reltuples; -1: never analysed
    qint64 sizeBytes = 0;      // with indexes and TOAST; a partitioned table: its partitions'
    bool rowSecurity = false;
    bool hasChildren = false;  // partitions or inheritance children (relhassubclass): read with it
    QString partitionBounds;   // partitions: FOR VALUES FROM (...) TO (...)
    QString foreignServer;     // a foreign table (postgres_fdw): the server its rows are on
    QList<RelationInfo> partitions;

    QString qualified() const { return schema + QLatin1Char('.') + name; }
    static QString kindName(Kind kind); // "table", "view"... for people and --json
};

struct SchemaInfo
{
    QString name;
    QList<RelationInfo> relations; // by name
};

// The database's schemas and their relations, from the one statement the layout detection
// reads the catalog with (layout::readCatalog), Statescope's own schema included.
QList<SchemaInfo> readSchemaTree(pg::Connection &conn);

struct ColumnInfo
{
    QString name;
    QString type;     // format_type(): "timestamp with time zone", "integer[]"
    unsigned typeOid = 0; // the type its values come as (a domain's base type), as PQftype says
    layout::TypeClass typeClass = layout::TypeClass::Text;
    bool notNull = false;
    QString defaultExpression; // as the server prints it, or empty
    bool isArray = false;
    bool isBytes = false;      // bytea: shown as hex with its size
    bool isJson = false;       // json/jsonb: opens in the JSON viewer
};

struct ForeignKey
{
    QString name;
    QString fromSchema, fromTable; // the referencing side
    QStringList columns;
    QString toSchema, toTable;     // the referenced side
    QStringList toColumns;
    QString definition;            // pg_get_constraintdef
};

struct NamedDefinition
{
    QString name;
    QString definition; // as pg_get_*def() prints it
};

// What the details pane shows of one relation, and what browsing it needs: the columns,
// the key it pages by (the primary key, else a unique index on NOT NULL columns with no
// expression or WHERE; never ctid), the indexed columns it can be sorted by.
struct RelationDetails
{
    RelationInfo relation;
    QList<ColumnInfo> columns;
    QList<layout::IndexDef> indexes;
    QList<NamedDefinition> indexDefinitions; // pg_get_indexdef, same order as indexes
    QList<ForeignKey> foreignKeys;   // this relation references
    QList<ForeignKey> referencedBy;  // others reference this relation
    QList<NamedDefinition> triggers;
    QList<NamedDefinition> policies; // CREATE POLICY text
    QString ddl;                     // CREATE ... as the catalog has it
    QStringList key;                 // empty: no usable key (cursor paging)
    QString keyIndex;                // the index the key comes from ("" for none)
    QStringList sortable;            // columns an index leads with

    const ColumnInfo *column(const QString &name) const;
    int columnIndex(const QString &name) const; // -1 when absent
};

// Throws NotFound when schema.name is not a relation (names are matched in the catalog and
// never pasted into SQL).
RelationDetails readDetails(pg::Connection &conn, const QString &schema, const QString &name);
// What reading its rows needs, the same as readDetails has it: the relation's kind, estimate,
// row security and foreign server, its columns, indexes, key and sortable columns. Not read: the
// sizes, foreign keys either way, triggers, policies, partitions, index definitions (each
// empty, in the indexes' order) and the DDL. Three small statements: readDetails' one costs a
// new session more to plan than the first page it is read for.
RelationDetails readPagingDetails(pg::Connection &conn, const QString &schema, const QString &name);

// "schema.table", "table" (public, then the search path's first match), or a quoted form
// ("My Schema"."Odd.Name"). nullopt when malformed.
std::optional<std::pair<QString, QString>> parseQualifiedName(const QString &text);

} // namespace statescope::browse
