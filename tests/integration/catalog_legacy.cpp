// The catalog readers as they were before core/catalog/catalogread.cpp replaced them, kept
// frozen as the oracle tst_catalog_reader holds the one reader to: detection's
// (layout::readCatalog) and compare's and drift's (SchemaSnapshot::read). Not built into the
// product; change it only when a difference from the old readers is meant, and say so there.
#include "integration/catalog_legacy.h"

#include "core/pg/connection.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace statescope::test::legacy {

using namespace statescope::layout;
using catalog::SchemaObject;
using catalog::SchemaSnapshot;

namespace layoutread {

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

} // namespace layoutread

using namespace layoutread;

QList<layout::CatalogTable> readCatalog(pg::Connection &conn, bool includeStatescope)
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


namespace snapshotread {

using Kind = SchemaObject::Kind;

// The schemas that are ours to compare: not the system's, not temporary ones.
const char *kUserSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
                          "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

// Not a member of an extension (its objects are the extension's).
QString notExtension(const char *catalog, const char *oid)
{
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM pg_depend dx WHERE dx.classid = '%1'::regclass "
                          "AND dx.objid = %2 AND dx.deptype = 'e')")
        .arg(QLatin1String(catalog), QLatin1String(oid));
}

QString sql(QString text)
{
    return text.replace(QStringLiteral("{user}"), QLatin1String(kUserSchema));
}

QString columnDefinition(const QMap<QString, QString> &a)
{
    QString d = a.value(QStringLiteral("type"));
    if (!a.value(QStringLiteral("collation")).isEmpty())
        d += QStringLiteral(" COLLATE ") + a.value(QStringLiteral("collation"));
    if (a.value(QStringLiteral("identity")) == QLatin1String("a"))
        d += QStringLiteral(" GENERATED ALWAYS AS IDENTITY");
    else if (a.value(QStringLiteral("identity")) == QLatin1String("d"))
        d += QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
    if (a.value(QStringLiteral("generated")) == QLatin1String("s"))
        d += QStringLiteral(" GENERATED ALWAYS AS (%1) STORED").arg(a.value(QStringLiteral("default")));
    else if (!a.value(QStringLiteral("default")).isEmpty())
        d += QStringLiteral(" DEFAULT ") + a.value(QStringLiteral("default"));
    if (a.value(QStringLiteral("not_null")) == QLatin1String("true"))
        d += QStringLiteral(" NOT NULL");
    return d;
}

} // namespace snapshotread

using namespace snapshotread;

catalog::SchemaSnapshot readSnapshotIn(pg::Connection &conn)
{
    SchemaSnapshot s;
    s.database = conn.database();
    auto &out = s.objects;
    const auto add = [&](SchemaObject o) { out.append(std::move(o)); };

    // Extensions and schemas.
    auto r = conn.exec(QStringLiteral("SELECT e.extname, e.extversion, n.nspname, quote_ident(e.extname), "
                                      "quote_ident(n.nspname) FROM pg_extension e "
                                      "JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY 1"));
    for (int i = 0; i < r.rowCount(); ++i)
        add({Kind::Extension, {}, {}, r.value(i, 0),
             QStringLiteral("version %1 in %2").arg(r.value(i, 1), r.value(i, 2)),
             QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2 VERSION %3;")
                 .arg(r.value(i, 3), r.value(i, 4), conn.quoteLiteral(r.value(i, 1))),
             r.value(i, 3), {{QStringLiteral("version"), r.value(i, 1)}}});
    r = conn.exec(sql(QStringLiteral("SELECT n.nspname, quote_ident(n.nspname) FROM pg_namespace n WHERE {user} AND ")
                      + notExtension("pg_namespace", "n.oid") + QStringLiteral(" ORDER BY 1")));
    for (int i = 0; i < r.rowCount(); ++i)
        add({Kind::Schema, {}, {}, r.value(i, 0), QStringLiteral("schema"),
             QStringLiteral("CREATE SCHEMA %1;").arg(r.value(i, 1)), r.value(i, 1), {}});

    // Types: enums (their labels, in order) and domains.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, t.typname, t.typtype, quote_ident(n.nspname) || '.' || quote_ident(t.typname), "
        "  CASE t.typtype WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) "
        "    FROM pg_enum e WHERE e.enumtypid = t.oid) "
        "  ELSE format_type(t.typbasetype, t.typtypmod) || coalesce(' DEFAULT ' || t.typdefault, '') "
        "    || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END "
        "    || coalesce((SELECT ' ' || string_agg('CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), "
        "      ' ' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid), '') END "
        "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
        "WHERE t.typtype IN ('e', 'd') AND {user} AND ")
                      + notExtension("pg_type", "t.oid") + QStringLiteral(" ORDER BY 1, 2")));
    for (int i = 0; i < r.rowCount(); ++i) {
        const bool isEnum = r.value(i, 2) == QLatin1String("e");
        add({Kind::Type, r.value(i, 0), {}, r.value(i, 1),
             (isEnum ? QStringLiteral("enum (%1)") : QStringLiteral("domain %1")).arg(r.value(i, 4)),
             (isEnum ? QStringLiteral("CREATE TYPE %1 AS ENUM (%2);") : QStringLiteral("CREATE DOMAIN %1 AS %2;"))
                 .arg(r.value(i, 3), r.value(i, 4)),
             r.value(i, 3), {{QStringLiteral("enum"), isEnum ? r.value(i, 4) : QString()}}});
    }

    // Sequences of their own (not an identity column's).
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, "
        "  (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname) "
        "    FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
        "    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
        "    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a' LIMIT 1) "
        "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE {user} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
        "  AND d.objid = c.oid AND d.deptype IN ('e', 'i')) ORDER BY 1, 2")));
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString def = QStringLiteral("AS %1 INCREMENT BY %2 MINVALUE %3 MAXVALUE %4 START WITH %5 CACHE %6%7")
                                .arg(r.value(i, 3), r.value(i, 5), r.value(i, 6), r.value(i, 7), r.value(i, 4),
                                     r.value(i, 8), r.toBool(i, 9) ? QStringLiteral(" CYCLE") : QString());
        const QString owned = r.isNull(i, 10) ? QString() : QStringLiteral(" OWNED BY ") + r.value(i, 10);
        add({Kind::Sequence, r.value(i, 0), {}, r.value(i, 1), def + owned,
             QStringLiteral("CREATE SEQUENCE %1 %2;").arg(r.value(i, 2), def)
                 + (owned.isEmpty() ? QString() : QStringLiteral("\nALTER SEQUENCE %1%2;").arg(r.value(i, 2), owned)),
             r.value(i, 2), {{QStringLiteral("alter"), def}}});
    }

    // Tables (partitioned and foreign ones too; partitions below), then their columns.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  c.relrowsecurity, c.relforcerowsecurity, CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
        "  array_to_string(c.reloptions, ', '), c.relpersistence, "
        "  (SELECT quote_ident(fs.srvname) FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver "
        "    WHERE ft.ftrelid = c.oid) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition AND {user} AND ")
                      + notExtension("pg_class", "c.oid") + QStringLiteral(" ORDER BY 1, 2")));
    QHash<QString, int> tableAt; // qualified name -> index of its Table object
    for (int i = 0; i < r.rowCount(); ++i) {
        SchemaObject t{Kind::Table, r.value(i, 0), {}, r.value(i, 1), {}, {}, r.value(i, 3), {}};
        const QString kind = r.value(i, 2) == QLatin1String("p")   ? QStringLiteral("partitioned table")
                             : r.value(i, 2) == QLatin1String("f") ? QStringLiteral("foreign table")
                             : r.value(i, 8) == QLatin1String("u") ? QStringLiteral("unlogged table")
                                                                   : QStringLiteral("table");
        t.attributes = {{QStringLiteral("kind"), kind},
                        {QStringLiteral("rls"), r.toBool(i, 4) ? QStringLiteral("true") : QStringLiteral("false")},
                        {QStringLiteral("force_rls"), r.toBool(i, 5) ? QStringLiteral("true") : QStringLiteral("false")},
                        {QStringLiteral("partition_key"), r.value(i, 6)},
                        {QStringLiteral("options"), r.value(i, 7)},
                        {QStringLiteral("server"), r.value(i, 9)}};
        t.definition = kind;
        if (!r.isNull(i, 6))
            t.definition += QStringLiteral(" PARTITION BY ") + r.value(i, 6);
        if (!r.isNull(i, 9))
            t.definition += QStringLiteral(" SERVER ") + r.value(i, 9);
        if (r.toBool(i, 4))
            t.definition += QStringLiteral(" ROW LEVEL SECURITY");
        if (r.toBool(i, 5))
            t.definition += QStringLiteral(" FORCED");
        if (!r.value(i, 7).isEmpty())
            t.definition += QStringLiteral(" WITH (%1)").arg(r.value(i, 7));
        tableAt.insert(t.qualified, int(out.size()));
        add(std::move(t));
    }
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, a.attname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "  pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated, "
        "  CASE WHEN a.attcollation <> t.typcollation THEN (SELECT quote_ident(cn.nspname) || '.' || "
        "    quote_ident(co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace "
        "    WHERE co.oid = a.attcollation) END "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
        "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition "
        "  AND {user} AND ")
                      + notExtension("pg_class", "c.oid") + QStringLiteral(" ORDER BY 1, 2, a.attnum")));
    QHash<QString, QStringList> tableColumns; // qualified table -> its column lines, in order
    for (int i = 0; i < r.rowCount(); ++i) {
        SchemaObject c{Kind::Column, r.value(i, 0), r.value(i, 1), r.value(i, 2), {}, {}, r.value(i, 3), {}};
        c.attributes = {{QStringLiteral("column"), r.value(i, 4)},
                        {QStringLiteral("type"), r.value(i, 5)},
                        {QStringLiteral("not_null"), r.toBool(i, 6) ? QStringLiteral("true") : QStringLiteral("false")},
                        {QStringLiteral("default"), r.value(i, 7)},
                        {QStringLiteral("identity"), r.value(i, 8)},
                        {QStringLiteral("generated"), r.value(i, 9)},
                        {QStringLiteral("collation"), r.value(i, 10)}};
        c.definition = columnDefinition(c.attributes);
        c.ddl = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;").arg(r.value(i, 3), r.value(i, 4), c.definition);
        tableColumns[r.value(i, 3)] << QStringLiteral("    %1 %2").arg(r.value(i, 4), c.definition);
        add(std::move(c));
    }
    // A table's statement holds its columns, for people and for a table the script creates.
    for (auto it = tableAt.cbegin(); it != tableAt.cend(); ++it) {
        SchemaObject &t = out[it.value()];
        const QString kind = t.attributes.value(QStringLiteral("kind"));
        QString ddl = QStringLiteral("CREATE %1TABLE %2 (\n%3\n)")
                          .arg(kind == QLatin1String("unlogged table") ? QStringLiteral("UNLOGGED ")
                               : kind == QLatin1String("foreign table") ? QStringLiteral("FOREIGN ")
                                                                        : QString(),
                               t.qualified, tableColumns.value(t.qualified).join(QStringLiteral(",\n")));
        if (!t.attributes.value(QStringLiteral("partition_key")).isEmpty())
            ddl += QStringLiteral(" PARTITION BY ") + t.attributes.value(QStringLiteral("partition_key"));
        if (!t.attributes.value(QStringLiteral("server")).isEmpty())
            ddl += QStringLiteral(" SERVER ") + t.attributes.value(QStringLiteral("server"));
        if (!t.attributes.value(QStringLiteral("options")).isEmpty())
            ddl += QStringLiteral(" WITH (%1)").arg(t.attributes.value(QStringLiteral("options")));
        ddl += QLatin1Char(';');
        if (t.attributes.value(QStringLiteral("rls")) == QLatin1String("true"))
            ddl += QStringLiteral("\nALTER TABLE %1 ENABLE ROW LEVEL SECURITY;").arg(t.qualified);
        if (t.attributes.value(QStringLiteral("force_rls")) == QLatin1String("true"))
            ddl += QStringLiteral("\nALTER TABLE %1 FORCE ROW LEVEL SECURITY;").arg(t.qualified);
        t.ddl = ddl;
    }

    // Constraints (a partition's come from its parent).
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, co.conname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  quote_ident(co.conname), co.contype, pg_get_constraintdef(co.oid) "
        "FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE co.contype IN ('p', 'u', 'f', 'c', 'x') AND NOT c.relispartition AND co.conparentid = 0 AND {user} AND ")
                      + notExtension("pg_class", "c.oid") + QStringLiteral(" ORDER BY 1, 2, 3")));
    for (int i = 0; i < r.rowCount(); ++i)
        add({Kind::Constraint, r.value(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 6),
             QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;").arg(r.value(i, 3), r.value(i, 4), r.value(i, 6)),
             r.value(i, 3), {{QStringLiteral("constraint"), r.value(i, 4)}, {QStringLiteral("type"), r.value(i, 5)}}});

    // Indexes no constraint makes.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, t.relname, i.relname, quote_ident(n.nspname) || '.' || quote_ident(t.relname), "
        "  quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(x.indexrelid), x.indisvalid "
        "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
        "JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE t.relkind IN ('r', 'p', 'm') AND NOT t.relispartition AND {user} "
        "  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = x.indexrelid "
        "    AND co.conrelid = x.indrelid AND co.contype IN ('p', 'u', 'x')) AND ")
                      + notExtension("pg_class", "t.oid") + QStringLiteral(" ORDER BY 1, 2, 3")));
    for (int i = 0; i < r.rowCount(); ++i)
        add({Kind::Index, r.value(i, 0), r.value(i, 1), r.value(i, 2),
             r.value(i, 5) + (r.toBool(i, 6) ? QString() : QStringLiteral(" (INVALID)")), r.value(i, 5) + QLatin1Char(';'),
             r.value(i, 4), {}});

    // Partitions and their bounds.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  quote_ident(pn.nspname) || '.' || quote_ident(p.relname), pg_get_expr(c.relpartbound, c.oid), "
        "  (SELECT quote_ident(fs.srvname) FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver "
        "    WHERE ft.ftrelid = c.oid), pn.nspname || '.' || p.relname "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_inherits h ON h.inhrelid = c.oid "
        "JOIN pg_class p ON p.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace "
        "WHERE c.relispartition AND c.relkind IN ('r', 'p', 'f') AND {user} ORDER BY 1, 2")));
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString server = r.isNull(i, 5) ? QString() : QStringLiteral(" SERVER ") + r.value(i, 5);
        add({Kind::Partition, r.value(i, 0), {}, r.value(i, 1),
             QStringLiteral("OF %1 %2%3").arg(r.value(i, 6), r.value(i, 4), server),
             QStringLiteral("CREATE %1TABLE %2 PARTITION OF %3 %4%5;")
                 .arg(server.isEmpty() ? QString() : QStringLiteral("FOREIGN "), r.value(i, 2), r.value(i, 3),
                      r.value(i, 4), server),
             r.value(i, 2), {{QStringLiteral("parent"), r.value(i, 3)}, {QStringLiteral("bound"), r.value(i, 4)}}});
    }

    // Views and materialized views: their definitions.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, c.relkind, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  pg_get_viewdef(c.oid, true) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('v', 'm') AND {user} AND ")
                      + notExtension("pg_class", "c.oid") + QStringLiteral(" ORDER BY 1, 2")));
    for (int i = 0; i < r.rowCount(); ++i) {
        const bool mat = r.value(i, 2) == QLatin1String("m");
        QString body = r.value(i, 4).trimmed();
        if (body.endsWith(QLatin1Char(';')))
            body.chop(1);
        add({mat ? Kind::MaterializedView : Kind::View, r.value(i, 0), {}, r.value(i, 1), body.simplified(),
             (mat ? QStringLiteral("CREATE MATERIALIZED VIEW %1 AS\n%2\nWITH NO DATA;") : QStringLiteral("CREATE OR REPLACE VIEW %1 AS\n%2;"))
                 .arg(r.value(i, 3), body),
             r.value(i, 3), {}});
    }

    // Functions and procedures (not aggregates), by their argument types.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), "
        "  quote_ident(n.nspname) || '.' || quote_ident(p.proname), p.prokind, pg_get_functiondef(p.oid) "
        "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE p.prokind <> 'a' AND {user} AND ")
                      + notExtension("pg_proc", "p.oid") + QStringLiteral(" ORDER BY 1, 2, 3")));
    for (int i = 0; i < r.rowCount(); ++i) {
        QString def = r.value(i, 5).trimmed();
        add({Kind::Function, r.value(i, 0), {}, QStringLiteral("%1(%2)").arg(r.value(i, 1), r.value(i, 2)),
             def.simplified(), def + QLatin1Char(';'),
             QStringLiteral("%1(%2)").arg(r.value(i, 3), r.value(i, 2)),
             {{QStringLiteral("procedure"), r.value(i, 4) == QLatin1String("p") ? QStringLiteral("true") : QString()}}});
    }

    // Triggers (a partition's come from its parent).
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, t.tgname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  quote_ident(t.tgname), pg_get_triggerdef(t.oid, true), t.tgenabled "
        "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND NOT c.relispartition AND {user} AND %1 AND ")
                      .arg(conn.serverVersion() >= 130000 ? QStringLiteral("t.tgparentid = 0") : QStringLiteral("true"))
                  + notExtension("pg_class", "c.oid") + QStringLiteral(" ORDER BY 1, 2, 3")));
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString disabled = r.value(i, 6) == QLatin1String("D") ? QStringLiteral(" (DISABLED)") : QString();
        add({Kind::Trigger, r.value(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 5) + disabled,
             r.value(i, 5) + QLatin1Char(';')
                 + (disabled.isEmpty() ? QString()
                                       : QStringLiteral("\nALTER TABLE %1 DISABLE TRIGGER %2;").arg(r.value(i, 3), r.value(i, 4))),
             r.value(i, 3), {{QStringLiteral("trigger"), r.value(i, 4)}}});
    }

    // Row-level security policies.
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, p.polname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  quote_ident(p.polname), p.polpermissive, p.polcmd, "
        "  CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(ro.rolname), ', ' "
        "    ORDER BY ro.rolname) FROM pg_roles ro WHERE ro.oid = ANY (p.polroles)) END, "
        "  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) "
        "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE {user} ORDER BY 1, 2, 3")));
    for (int i = 0; i < r.rowCount(); ++i) {
        static const QHash<QString, QString> commands = {{QStringLiteral("*"), QStringLiteral("ALL")},
                                                        {QStringLiteral("r"), QStringLiteral("SELECT")},
                                                        {QStringLiteral("a"), QStringLiteral("INSERT")},
                                                        {QStringLiteral("w"), QStringLiteral("UPDATE")},
                                                        {QStringLiteral("d"), QStringLiteral("DELETE")}};
        QString def = QStringLiteral("AS %1 FOR %2 TO %3")
                          .arg(r.toBool(i, 5) ? QStringLiteral("PERMISSIVE") : QStringLiteral("RESTRICTIVE"),
                               commands.value(r.value(i, 6)), r.value(i, 7));
        if (!r.isNull(i, 8))
            def += QStringLiteral(" USING (%1)").arg(r.value(i, 8));
        if (!r.isNull(i, 9))
            def += QStringLiteral(" WITH CHECK (%1)").arg(r.value(i, 9));
        add({Kind::Policy, r.value(i, 0), r.value(i, 1), r.value(i, 2), def,
             QStringLiteral("CREATE POLICY %1 ON %2 %3;").arg(r.value(i, 4), r.value(i, 3), def), r.value(i, 3),
             {{QStringLiteral("policy"), r.value(i, 4)}}});
    }

    // Privileges granted on tables, views, sequences, schemas and functions (not the owner's).
    r = conn.exec(sql(QStringLiteral(
        "SELECT n.nspname, c.relname, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, "
        "  quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
        "  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, "
        "  a.privilege_type, a.is_grantable "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND a.grantee <> c.relowner "
        "  AND {user} AND ")
                      + notExtension("pg_class", "c.oid")
                      + sql(QStringLiteral(
                          " UNION ALL "
                          "SELECT n.nspname, '', 'SCHEMA', quote_ident(n.nspname), "
                          "  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, "
                          "  a.privilege_type, a.is_grantable "
                          "FROM pg_namespace n, aclexplode(n.nspacl) a WHERE a.grantee <> n.nspowner AND {user} "
                          "UNION ALL "
                          "SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
                          "  CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, "
                          "  quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' "
                          "    || pg_get_function_identity_arguments(p.oid) || ')', "
                          "  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, "
                          "  a.privilege_type, a.is_grantable "
                          "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a "
                          "WHERE a.grantee <> p.proowner AND p.prokind <> 'a' AND {user} AND "))
                      + notExtension("pg_proc", "p.oid") + QStringLiteral(" ORDER BY 1, 2, 5, 6")));
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString on = QStringLiteral("%1 %2").arg(r.value(i, 2), r.value(i, 3));
        const QString def = QStringLiteral("%1 ON %2 TO %3%4")
                                .arg(r.value(i, 5), on, r.value(i, 4),
                                     r.toBool(i, 6) ? QStringLiteral(" WITH GRANT OPTION") : QString());
        add({Kind::Grant, r.value(i, 0), r.value(i, 1), QStringLiteral("%1 to %2").arg(r.value(i, 5), r.value(i, 4)), def,
             QStringLiteral("GRANT %1;").arg(def), r.value(i, 3),
             {{QStringLiteral("privilege"), r.value(i, 5)},
              {QStringLiteral("on"), on},
              {QStringLiteral("grantee"), r.value(i, 4)}}});
    }
    return s;
}


catalog::SchemaSnapshot readSnapshot(pg::Connection &conn)
{
    return conn.transaction([&] {
        conn.exec(QStringLiteral("SELECT set_config('search_path', '', true)"));
        return readSnapshotIn(conn);
    });
}

} // namespace statescope::test::legacy
