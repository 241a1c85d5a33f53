#pragma once

// The catalog as the layout detection reads it: every table, partitioned table, view and
// materialized view outside the system schemas (partitions folded into their parents), read
// in one statement.
#include "core/layout/layout.h"

#include <QList>

namespace statescope::layout {

struct CatalogTable
{
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

    const Column *column(const QString &name) const;
};

QList<CatalogTable> readCatalog(pg::Connection &conn);
bool typeFits(TypeClass want, TypeClass have);
Layout detectIn(pg::Connection &conn, const QList<CatalogTable> &catalog);
// The columns of a table that fit the kind's roles by name and type (detection's matching).
std::map<QString, Column> roleColumns(const KindSpec &spec, const CatalogTable &table);

} // namespace statescope::layout
