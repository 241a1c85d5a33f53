// The catalog as detection and the schema tree see it (catalog.h), made from the one
// catalog reader (core/catalog/catalog.h): relations outside the system schemas with their
// columns, indexes, the settings their policies read and their partitions; partitions folded
// into their parents.
#include "core/layout/catalog.h"

#include "core/catalog/catalog.h"

#include <QHash>

#include <algorithm>

namespace statescope::layout {

namespace {

TypeClass classify(const QString &typname, char category, bool isEnum)
{
    if (typname == QLatin1String("uuid"))
        return TypeClass::Uuid;
    if (typname == QLatin1String("json") || typname == QLatin1String("jsonb"))
        return TypeClass::Json;
    if (typname == QLatin1String("bytea"))
        return TypeClass::Bytes;
    if (isEnum)
        return TypeClass::Text;
    switch (category) {
    case 'N': return TypeClass::Int;
    case 'S': return TypeClass::Text;
    case 'D': return TypeClass::Time;
    case 'B': return TypeClass::Bool;
    default: return TypeClass::Text;
    }
}

} // namespace

QList<CatalogTable> fromCatalog(catalog::Catalog cat, bool includeStatescope)
{
    QList<CatalogTable> out;
    QHash<qint64, qsizetype> byOid;
    out.reserve(cat.relations.size());
    // The catalog is this function's own: its strings move into the tables (a copy, and
    // the catalog's destruction after it, cost the detection a few per cent at 2,000 tables).
    // Partitions are read from below, so theirs stay.
    for (catalog::Relation &rel : cat.relations) {
        if (rel.isPartition || rel.kind == 'f' || (!includeStatescope && rel.schema == QLatin1String("statescope")))
            continue;
        CatalogTable t;
        t.oid = rel.oid;
        t.schema = rel.schema; // interned: shared with the rest of its schema
        t.name = std::move(rel.name);
        t.relkind = rel.kind;
        t.rowSecurity = rel.rowSecurity;
        t.partitions = int(rel.children.size());
        t.estimatedRows = rel.reltuples;
        t.sizeBytes = rel.ownBytes;
        // A partitioned table: its direct partitions' estimates and sizes, in partition order.
        std::vector<const catalog::Relation *> kids;
        for (qint64 oid : rel.children)
            if (const catalog::Relation *kid = cat.relation(oid))
                kids.push_back(kid);
        if (rel.kind == 'p') {
            t.estimatedRows = 0;
            t.sizeBytes = 0;
            for (const catalog::Relation *kid : kids) {
                t.estimatedRows += std::max(kid->reltuples, 0.0);
                t.sizeBytes += kid->ownBytes;
            }
            std::sort(kids.begin(), kids.end(), [](const catalog::Relation *a, const catalog::Relation *b) {
                return a->name < b->name; // the catalog's order for names (C), as code points
            });
            for (const catalog::Relation *kid : kids) {
                Partition p;
                p.name = kid->schema + QLatin1Char('.') + kid->name;
                p.bounds = kid->partitionBound;
                p.estimatedRows = kid->reltuples;
                p.sizeBytes = kid->ownBytes;
                p.foreign = kid->kind == 'f';
                p.server = kid->server;
                t.partitionList.append(std::move(p));
            }
        }
        byOid.insert(t.oid, out.size());
        out.append(std::move(t));
    }
    const auto tableOf = [&](qint64 oid) -> CatalogTable * {
        const auto at = byOid.constFind(oid);
        return at == byOid.constEnd() ? nullptr : &out[*at];
    };

    // Attribute numbers of each table's columns, in the same order, to name index keys.
    std::vector<std::vector<int>> attnums(size_t(out.size()));
    // Columns and indexes come grouped by relation: one lookup a relation.
    qint64 lastOid = -1;
    CatalogTable *last = nullptr;
    const auto tableOfNext = [&](qint64 oid) {
        if (oid != lastOid) {
            lastOid = oid;
            last = tableOf(oid);
        }
        return last;
    };
    for (catalog::Attribute &a : cat.attributes) {
        CatalogTable *t = tableOfNext(a.relation);
        if (!t)
            continue;
        Column c;
        c.name = std::move(a.name);
        c.type = a.type; // interned
        c.isEnum = a.isEnum;
        c.notNull = a.notNull;
        c.typeClass = classify(a.typeName, a.typeCategory, a.isEnum);
        t->columns.append(std::move(c));
        attnums[size_t(t - out.data())].push_back(a.number);
    }

    lastOid = -1;
    for (catalog::Index &x : cat.indexes) {
        CatalogTable *t = tableOfNext(x.relation);
        if (!t)
            continue;
        const std::vector<int> &nums = attnums[size_t(t - out.data())];
        IndexDef def;
        def.name = std::move(x.name);
        def.primary = x.primary;
        def.unique = x.unique;
        def.partial = x.partial;
        def.expression = x.expression;
        def.valid = x.valid;
        // An expression (0) has no name and is left out of the list.
        for (int num : x.keys)
            if (const auto pos = std::find(nums.begin(), nums.end(), num); num != 0 && pos != nums.end())
                def.columns.append(t->columns.at(qsizetype(pos - nums.begin())).name);
        if (def.primary)
            t->primaryKey = def.columns;
        t->indexes.append(def.columns);
        t->indexDefs.append(std::move(def));
    }

    for (const catalog::Policy &p : cat.policies)
        if (CatalogTable *t = tableOf(p.relation))
            for (const QString &setting : p.settings)
                if (!t->rlsSettings.contains(setting))
                    t->rlsSettings.append(setting);
    for (CatalogTable &t : out)
        t.rlsSettings.sort();
    return out;
}

QList<CatalogTable> readCatalog(pg::Connection &conn, bool includeStatescope)
{
    return fromCatalog(catalog::Catalog::read(conn, catalog::Catalog::Shape), includeStatescope);
}

} // namespace statescope::layout
