// readPagingDetails: what reading a relation's rows needs, in three small statements sent
// together (one round trip). The whole of readDetails is one statement of correlated
// sub-selects over a dozen catalogs (keys of other tables, triggers, policies, partitions,
// DDL) whose plan alone costs a new session more than the first page it is read for.
#include "core/browse/schema_p.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QHash>

namespace statescope::browse {

RelationDetails readPagingDetails(pg::Connection &conn, const QString &schema, const QString &name)
{
    const std::vector<pg::Result> read = catalog::readRelationShape(conn, schema, name);
    const pg::Result &rel = read[0];
    if (rel.rowCount() == 0)
        throw Error(Error::Kind::NotFound,
                    QCoreApplication::translate("statescope::browse", "%1.%2 is not a table, view or materialized view of %3.")
                        .arg(schema, name, conn.database()),
                    {}, QCoreApplication::translate("statescope::browse", "statescope-cli tables --db ... lists them."));
    RelationDetails d;
    RelationInfo &r = d.relation;
    r.schema = schema;
    r.name = name;
    const QString relkind = rel.value(0, 1);
    r.kind = rel.toBool(0, 3) ? RelationInfo::Kind::Partition : detail::kindOf(relkind.isEmpty() ? 'r' : relkind.at(0).toLatin1());
    r.rowSecurity = rel.toBool(0, 2);
    r.estimatedRows = rel.value(0, 4).toDouble();
    r.foreignServer = rel.value(0, 5);
    r.hasChildren = rel.toBool(0, 6);

    const pg::Result &cols = read[1];
    QHash<int, QString> byNumber;
    for (int i = 0; i < cols.rowCount(); ++i) {
        byNumber.insert(cols.toInt(i, 0), cols.value(i, 1));
        d.columns.append(detail::columnOf(cols.value(i, 1), cols.value(i, 2), cols.value(i, 3), cols.value(i, 4),
                                          cols.toBool(i, 5), cols.value(i, 6), unsigned(cols.toLongLong(i, 7))));
    }
    const pg::Result &idx = read[2];
    for (int i = 0; i < idx.rowCount(); ++i) {
        layout::IndexDef x;
        x.name = idx.value(i, 0);
        x.primary = idx.toBool(i, 1);
        x.unique = idx.toBool(i, 2);
        x.partial = idx.toBool(i, 3);
        x.expression = idx.toBool(i, 4);
        const int keys = idx.toInt(i, 5);
        const QStringList numbers = idx.value(i, 6).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int k = 0; k < numbers.size() && k < keys; ++k)
            if (const auto it = byNumber.constFind(numbers[k].toInt()); it != byNumber.constEnd())
                x.columns << *it;
        x.valid = idx.toBool(i, 7);
        d.indexes.append(x);
        d.indexDefinitions.append({x.name, QString()});
    }
    detail::chooseKey(d);
    return d;
}

} // namespace statescope::browse
