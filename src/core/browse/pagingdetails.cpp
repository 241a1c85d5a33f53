// readPagingDetails: what reading a relation's rows needs, in three small statements sent
// together (one round trip). The whole of readDetails is one statement of correlated
// sub-selects over a dozen catalogs (keys of other tables, triggers, policies, partitions,
// DDL) whose plan alone costs a new session more than the first page it is read for.
#include "core/browse/schema_p.h"

#include "core/error.h"
#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QHash>

namespace statescope::browse {

namespace {

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

RelationDetails readPagingDetails(pg::Connection &conn, const QString &schema, const QString &name)
{
    const std::vector<pg::Result> read = conn.pipeline({{QString::fromLatin1(kRelationSql), {schema, name}},
                                                        {QString::fromLatin1(kColumnsSql), {schema, name}},
                                                        {QString::fromLatin1(kIndexesSql), {schema, name}}});
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
