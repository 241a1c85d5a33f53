#pragma once

// The catalog as the layout detection reads it: every table, partitioned table, view and
// materialized view outside the system schemas (partitions folded into their parents), read
// in one statement.
#include "core/layout/layout.h"

#include <QList>

namespace statescope::catalog {
struct Catalog;
}

namespace statescope::layout {

// One index of a table, as the catalog says.
struct IndexDef
{
    QString name;
    QStringList columns; // key columns in order (empty names for expressions)
    bool primary = false;
    bool unique = false;
    bool partial = false;    // has a WHERE
    bool expression = false; // a key is an expression, not a column
    bool valid = true;       // false: an interrupted CREATE INDEX CONCURRENTLY left it
};

struct CatalogTable
{
    qint64 oid = 0;
    qint64 sizeBytes = 0; // the catalog's page estimate with TOAST and indexes (a partitioned table: its partitions')
    QString schema;
    QString name;
    char relkind = 'r';
    bool rowSecurity = false;
    QStringList rlsSettings; // settings its policies read (current_setting('app.x'))
    QList<Partition> partitionList;
    int partitions = 0;
    double estimatedRows = -1;
    QList<Column> columns;
    QStringList primaryKey;
    QList<QStringList> indexes; // key columns of each index, in order
    QList<IndexDef> indexDefs;  // the same indexes, in full

    const Column *column(const QString &name) const;
    const Column *column(QLatin1String name) const; // no allocation: detection asks thousands of times
};

// Statescope's own schema is left out unless asked for (the detection never looks there; the
// table browser shows it). Read by the one catalog reader (catalog::Catalog, its Shape parts).
QList<CatalogTable> readCatalog(pg::Connection &conn, bool includeStatescope = false);
// The same from a catalog already read (with at least catalog::Catalog::Shape).
QList<CatalogTable> fromCatalog(catalog::Catalog catalog, bool includeStatescope = false); // its strings move
bool typeFits(TypeClass want, TypeClass have);
// Key columns of the table's valid, whole-table unique indexes (Relation::uniqueKeys).
QList<QStringList> uniqueKeysOf(const CatalogTable &table);
Layout detectIn(pg::Connection &conn, const QList<CatalogTable> &catalog);
// The columns of a table that fit the kind's roles by name and type (detection's matching).
std::map<QString, Column> roleColumns(const KindSpec &spec, const CatalogTable &table);

} // namespace statescope::layout
