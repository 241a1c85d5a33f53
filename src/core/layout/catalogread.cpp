// Reads the catalog as the detection and the schema tree need it: relations, their columns,
// indexes, policies and partitions, each as one flat statement in one transaction.
//
// Flat rows joined here by OID rather than one row per relation with its columns and indexes
// aggregated as JSON: building and parsing 2,000 relations' JSON took the server and the client
// longer than reading the same catalog rows plainly (the JSON form cost 94 ms on the server
// alone at 2,000 tables).
#include "core/layout/catalog.h"

#include "core/pg/connection.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace statescope::layout {

namespace {

// Which relations: outside the system schemas and (unless asked) Statescope's bookkeeping;
// partitions are folded into their parents.
#define STATESCOPE_RELATIONS                                                                    \
    " c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition"                               \
    " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"                                \
    " AND (n.nspname <> 'statescope' OR $1::bool)"                                              \
    " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' "

// Sizes are the catalog's estimates (pages as of the last VACUUM, ANALYZE or CREATE INDEX,
// with TOAST and indexes): asking the file system for each relation's size
// (pg_total_relation_size) cost three quarters of the detection at 2,000 tables.
#define STATESCOPE_PAGES                                                                        \
    "WITH idx AS (SELECT x.indrelid, sum(ic.relpages) AS pages FROM pg_index x"                 \
    "             JOIN pg_class ic ON ic.oid = x.indexrelid GROUP BY x.indrelid),"              \
    " own AS (SELECT c.oid, c.relpages + coalesce(tc.relpages, 0) + coalesce(idx.pages, 0) AS pages" \
    "         FROM pg_class c LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid"                \
    "         LEFT JOIN idx ON idx.indrelid = c.oid WHERE c.relkind IN ('r', 'p', 'm', 'f')) "

const char *kRelationsSql = STATESCOPE_PAGES
    ", kids AS (SELECT i.inhparent, count(*) AS n, sum(greatest(pc.reltuples, 0)) AS est,"
    "                  sum(o.pages) AS pages"
    "           FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhrelid"
    "           LEFT JOIN own o ON o.oid = pc.oid GROUP BY i.inhparent)"
    " SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, c.relrowsecurity, coalesce(k.n, 0),"
    "        CASE WHEN c.relkind = 'p' THEN coalesce(k.est, 0) ELSE c.reltuples END,"
    "        (CASE WHEN c.relkind = 'p' THEN coalesce(k.pages, 0) ELSE coalesce(o.pages, 0) END)::bigint"
    "        * current_setting('block_size')::bigint"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN kids k ON k.inhparent = c.oid LEFT JOIN own o ON o.oid = c.oid"
    " WHERE" STATESCOPE_RELATIONS "ORDER BY n.nspname, c.relname";

const char *kColumnsSql =
    "SELECT a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), t.typname,"
    "       t.typcategory::text, t.typtype = 'e', a.attnotnull, a.attnum"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
    " JOIN pg_type t ON t.oid = a.atttypid"
    " WHERE" STATESCOPE_RELATIONS "ORDER BY a.attrelid, a.attnum";

// Key columns come as attribute numbers ("1 3"; 0 for an expression), named from the columns
// read above: joining pg_attribute per key here cost more than the whole columns read.
const char *kIndexesSql =
    "SELECT x.indrelid::bigint, ic.relname, x.indisprimary, x.indisunique, x.indpred IS NOT NULL,"
    "       0 = ANY (x.indkey::int2[]) OR x.indexprs IS NOT NULL, x.indisvalid, x.indkey::text, x.indnkeyatts"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_index x ON x.indrelid = c.oid JOIN pg_class ic ON ic.oid = x.indexrelid"
    " WHERE" STATESCOPE_RELATIONS "ORDER BY x.indrelid, x.indexrelid";

// The settings row-level security policies read: current_setting('app.player_id').
const char *kPoliciesSql =
    "SELECT p.polrelid::bigint, string_agg(DISTINCT m[1], ',')"
    " FROM pg_policy p, regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '"
    "      || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),"
    "      'current_setting\\(''([^'']+)''', 'g') m"
    " GROUP BY p.polrelid";

// Partitions of partitioned tables, with the foreign server of a postgres_fdw partition.
const char *kPartitionsSql = STATESCOPE_PAGES
    "SELECT i.inhparent::bigint, pn.nspname || '.' || pc.relname, pg_get_expr(pc.relpartbound, pc.oid),"
    "       pc.reltuples, coalesce(o.pages, 0)::bigint * current_setting('block_size')::bigint,"
    "       pc.relkind::text, fs.srvname"
    " FROM pg_inherits i JOIN pg_class parent ON parent.oid = i.inhparent AND parent.relkind = 'p'"
    " JOIN pg_class pc ON pc.oid = i.inhrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
    " LEFT JOIN own o ON o.oid = pc.oid"
    " LEFT JOIN pg_foreign_table ft ON ft.ftrelid = pc.oid"
    " LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver"
    " ORDER BY i.inhparent, pc.relname";

#undef STATESCOPE_RELATIONS
#undef STATESCOPE_PAGES

bool isTrue(QByteArrayView v)
{
    return v == "t";
}

TypeClass classify(QByteArrayView typname, QByteArrayView category, bool isEnum)
{
    if (typname == "uuid")
        return TypeClass::Uuid;
    if (typname == "json" || typname == "jsonb")
        return TypeClass::Json;
    if (typname == "bytea")
        return TypeClass::Bytes;
    if (isEnum)
        return TypeClass::Text;
    switch (category.isEmpty() ? 'X' : category.at(0)) {
    case 'N': return TypeClass::Int;
    case 'S': return TypeClass::Text;
    case 'D': return TypeClass::Time;
    case 'B': return TypeClass::Bool;
    default: return TypeClass::Text;
    }
}

} // namespace

QList<CatalogTable> readCatalog(pg::Connection &conn, bool includeStatescope)
{
    struct Rows
    {
        pg::Result relations, columns, indexes, policies, partitions;
    };
    // Without JIT: the catalog read's estimated cost crosses jit_above_cost on a big catalog,
    // and compiling it took longer (60 ms at 2,000 tables) than the read it was to speed up.
    const auto read = [&] {
        conn.exec(QStringLiteral("SELECT set_config('jit', 'off', true)"));
        Rows rows;
        rows.relations = conn.exec(QString::fromLatin1(kRelationsSql), {includeStatescope});
        rows.columns = conn.exec(QString::fromLatin1(kColumnsSql), {includeStatescope});
        rows.indexes = conn.exec(QString::fromLatin1(kIndexesSql), {includeStatescope});
        rows.policies = conn.exec(QString::fromLatin1(kPoliciesSql));
        rows.partitions = conn.exec(QString::fromLatin1(kPartitionsSql));
        return rows;
    };
    const Rows rows = conn.inTransaction() ? read() : conn.transaction(read);

    QList<CatalogTable> out;
    QHash<qint64, qsizetype> byOid;
    const pg::Result &r = rows.relations;
    out.reserve(r.rowCount());
    byOid.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        CatalogTable t;
        t.oid = r.toLongLong(i, 0);
        t.schema = r.value(i, 1);
        t.name = r.value(i, 2);
        t.relkind = r.view(i, 3).isEmpty() ? 'r' : r.view(i, 3).at(0);
        t.rowSecurity = isTrue(r.view(i, 4));
        t.partitions = r.toInt(i, 5);
        t.estimatedRows = r.value(i, 6).toDouble();
        t.sizeBytes = r.toLongLong(i, 7);
        byOid.insert(t.oid, out.size());
        out.append(std::move(t));
    }
    // Rows for a relation the first statement did not see (made in between) are left out.
    const auto tableOf = [&](const pg::Result &res, int row) -> CatalogTable * {
        const auto at = byOid.constFind(res.toLongLong(row, 0));
        return at == byOid.constEnd() ? nullptr : &out[*at];
    };

    // Attribute numbers of each table's columns, in the same order, to name index keys.
    std::vector<std::vector<int>> attnums(size_t(out.size()));
    const pg::Result &cols = rows.columns;
    for (int i = 0; i < cols.rowCount(); ++i) {
        CatalogTable *t = tableOf(cols, i);
        if (!t)
            continue;
        Column c;
        c.name = cols.value(i, 1);
        c.type = cols.value(i, 2);
        c.isEnum = isTrue(cols.view(i, 5));
        c.notNull = isTrue(cols.view(i, 6));
        c.typeClass = classify(cols.view(i, 3), cols.view(i, 4), c.isEnum);
        t->columns.append(std::move(c));
        attnums[size_t(t - out.data())].push_back(cols.toInt(i, 7));
    }

    const pg::Result &idx = rows.indexes;
    for (int i = 0; i < idx.rowCount(); ++i) {
        CatalogTable *t = tableOf(idx, i);
        if (!t)
            continue;
        const std::vector<int> &nums = attnums[size_t(t - out.data())];
        IndexDef def;
        def.name = idx.value(i, 1);
        def.primary = isTrue(idx.view(i, 2));
        def.unique = isTrue(idx.view(i, 3));
        def.partial = isTrue(idx.view(i, 4));
        def.expression = isTrue(idx.view(i, 5));
        def.valid = isTrue(idx.view(i, 6));
        const int keys = idx.toInt(i, 8);
        // indkey: attribute numbers separated by spaces, the key columns first.
        const QByteArrayView key = idx.view(i, 7);
        int ord = 0, num = 0;
        bool inNumber = false;
        for (qsizetype at = 0; at <= key.size() && ord < keys; ++at) {
            if (at < key.size() && key.at(at) >= '0' && key.at(at) <= '9') {
                num = num * 10 + (key.at(at) - '0');
                inNumber = true;
                continue;
            }
            if (!inNumber)
                continue;
            ++ord;
            // An expression (0) has no name; the old form left it out of the list too.
            const auto pos = std::find(nums.begin(), nums.end(), num);
            if (num != 0 && pos != nums.end())
                def.columns.append(t->columns.at(qsizetype(pos - nums.begin())).name);
            num = 0;
            inNumber = false;
        }
        if (def.primary)
            t->primaryKey = def.columns;
        t->indexes.append(def.columns);
        t->indexDefs.append(std::move(def));
    }

    const pg::Result &pol = rows.policies;
    for (int i = 0; i < pol.rowCount(); ++i)
        if (CatalogTable *t = tableOf(pol, i); t && !pol.isNull(i, 1))
            t->rlsSettings = pol.value(i, 1).split(QLatin1Char(','));

    const pg::Result &parts = rows.partitions;
    for (int i = 0; i < parts.rowCount(); ++i) {
        CatalogTable *t = tableOf(parts, i);
        if (!t)
            continue;
        Partition p;
        p.name = parts.value(i, 1);
        p.bounds = parts.value(i, 2);
        p.estimatedRows = parts.isNull(i, 3) ? -1 : parts.value(i, 3).toDouble();
        p.sizeBytes = parts.toLongLong(i, 4);
        p.foreign = parts.view(i, 5) == "f";
        p.server = parts.value(i, 6);
        t->partitionList.append(std::move(p));
    }
    return out;
}

} // namespace statescope::layout
