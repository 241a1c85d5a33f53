// Reads the catalog once and finds, for each kind of game data, the table that holds it,
// by shape: the table's name, its columns' names and types.
#include "core/layout/catalog.h"

#include "core/pg/connection.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace statescope::layout {

namespace {

// Every relation outside the system schemas and Statescope's bookkeeping; partitions are
// folded into their parents (counted, their row estimates summed). Sizes are the catalog's
// estimates (pages as of the last VACUUM, ANALYZE or CREATE INDEX, with TOAST and indexes):
// asking the file system for each relation's size (pg_total_relation_size) cost three
// quarters of the detection on a database with 2,000 tables.
const char *kCatalogSql = R"(
SELECT n.nspname, c.relname, c.relkind::text, c.relrowsecurity,
       (SELECT count(*) FROM pg_inherits i WHERE i.inhparent = c.oid),
       CASE WHEN c.relkind = 'p'
            THEN coalesce((SELECT sum(greatest(pc.reltuples, 0)) FROM pg_inherits i
                           JOIN pg_class pc ON pc.oid = i.inhrelid WHERE i.inhparent = c.oid), 0)
            ELSE c.reltuples END,
       (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod),
                        t.typname, t.typcategory, t.typtype = 'e', a.attnotnull) ORDER BY a.attnum)
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
       (SELECT json_agg(json_build_array(x.indisprimary,
                 (SELECT json_agg(a.attname ORDER BY k.ord)
                  FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num
                  WHERE k.ord <= x.indnkeyatts),
                 x.indisunique, x.indpred IS NOT NULL,
                 0 = ANY (x.indkey::int2[]) OR x.indexprs IS NOT NULL,
                 (SELECT relname FROM pg_class ic WHERE ic.oid = x.indexrelid),
                 x.indisvalid))
        FROM pg_index x WHERE x.indrelid = c.oid),
       (SELECT string_agg(DISTINCT m[1], ',')
        FROM pg_policy p, regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
             || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
             'current_setting\(''([^'']+)''', 'g') m
        WHERE p.polrelid = c.oid),
       (SELECT json_agg(json_build_array(pn.nspname || '.' || pc.relname,
                                         pg_get_expr(pc.relpartbound, pc.oid), pc.reltuples,
                                         (pc.relpages + coalesce((SELECT tc.relpages FROM pg_class tc
                                                                  WHERE tc.oid = pc.reltoastrelid), 0)
                                          + coalesce((SELECT sum(ic.relpages) FROM pg_index x
                                                      JOIN pg_class ic ON ic.oid = x.indexrelid
                                                      WHERE x.indrelid = pc.oid), 0))::bigint
                                         * current_setting('block_size')::bigint)
                        ORDER BY pc.relname)
        FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhrelid
        JOIN pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE i.inhparent = c.oid AND c.relkind = 'p'),
       c.oid::bigint,
       (CASE WHEN c.relkind = 'p'
             THEN coalesce((SELECT sum(pc.relpages + coalesce(tc.relpages, 0)
                                       + coalesce((SELECT sum(ic.relpages) FROM pg_index x
                                                   JOIN pg_class ic ON ic.oid = x.indexrelid
                                                   WHERE x.indrelid = pc.oid), 0))
                            FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhrelid
                            LEFT JOIN pg_class tc ON tc.oid = pc.reltoastrelid
                            WHERE i.inhparent = c.oid), 0)
             ELSE c.relpages + coalesce((SELECT tc.relpages FROM pg_class tc WHERE tc.oid = c.reltoastrelid), 0)
                  + coalesce((SELECT sum(ic.relpages) FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
                              WHERE x.indrelid = c.oid), 0) END)::bigint * current_setting('block_size')::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND (n.nspname <> 'statescope' OR $1::bool)
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY n.nspname, c.relname
)";

TypeClass classify(const QString &typname, const QString &category, bool isEnum)
{
    if (typname == QLatin1String("uuid"))
        return TypeClass::Uuid;
    if (typname == QLatin1String("json") || typname == QLatin1String("jsonb"))
        return TypeClass::Json;
    if (typname == QLatin1String("bytea"))
        return TypeClass::Bytes;
    if (isEnum)
        return TypeClass::Text;
    switch (category.isEmpty() ? 'X' : category.at(0).toLatin1()) {
    case 'N': return TypeClass::Int;
    case 'S': return TypeClass::Text;
    case 'D': return TypeClass::Time;
    case 'B': return TypeClass::Bool;
    default: return TypeClass::Text;
    }
}

struct Candidate
{
    const CatalogTable *table = nullptr;
    std::map<QString, Column> columns;
    int score = 0;
    int requiredMissing = 0;
};

Candidate match(const KindSpec &spec, const CatalogTable &t)
{
    Candidate c;
    c.table = &t;
    const bool named = std::any_of(spec.tableNames.begin(), spec.tableNames.end(),
                                   [&](const char *n) { return t.name == QLatin1String(n); });
    int requiredFound = 0, optionalFound = 0, required = 0;
    for (const RoleSpec &role : spec.roles) {
        required += role.required ? 1 : 0;
        std::vector<const char *> names{role.role};
        names.insert(names.end(), role.synonyms.begin(), role.synonyms.end());
        bool found = false;
        for (const char *n : names) {
            const Column *col = t.column(QLatin1String(n));
            // A column already given a role is not a synonym for another.
            if (!col || !typeFits(role.type, col->typeClass)
                || std::any_of(c.columns.begin(), c.columns.end(),
                               [&](const auto &kv) { return kv.second.name == col->name; }))
                continue;
            c.columns[QString::fromLatin1(role.role)] = *col;
            (role.required ? requiredFound : optionalFound) += 1;
            found = true;
            break;
        }
        // Without its name a table must have every required role: the first one missing
        // settles it (most tables of a big catalog are no kind at all).
        if (!named && role.required && !found) {
            c.table = nullptr;
            return c;
        }
    }
    c.requiredMissing = required - requiredFound;
    // Without its name a table must have the whole shape; with it, most of it.
    if ((!named && c.requiredMissing > 0) || (named && requiredFound * 2 < required)) {
        c.table = nullptr;
        return c;
    }
    c.score = (named ? 10 : 0) + 3 * requiredFound + optionalFound - 5 * c.requiredMissing
        + (t.relkind == 'r' || t.relkind == 'p' ? 1 : 0);
    return c;
}

bool hasRows(pg::Connection &conn, const CatalogTable &t)
{
    if (t.estimatedRows > 0)
        return true;
    return conn.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1.%2)")
                         .arg(quoteIdent(t.schema), quoteIdent(t.name)))
        .toBool(0, 0);
}

bool isGameKind(Kind k)
{
    return k == Kind::Plays || k == Kind::Lineups || k == Kind::Rolls || k == Kind::RosterLinks
           || k == Kind::GameSessions;
}

} // namespace

const Column *CatalogTable::column(const QString &n) const
{
    for (const Column &c : columns)
        if (c.name == n)
            return &c;
    return nullptr;
}

const Column *CatalogTable::column(QLatin1String n) const
{
    for (const Column &c : columns)
        if (c.name == n)
            return &c;
    return nullptr;
}

bool typeFits(TypeClass want, TypeClass have)
{
    if (want == TypeClass::Key)
        return have == TypeClass::Uuid || have == TypeClass::Text || have == TypeClass::Int;
    if (want == TypeClass::Document)
        return have == TypeClass::Json || have == TypeClass::Text || have == TypeClass::Bytes;
    return want == have;
}

QList<CatalogTable> readCatalog(pg::Connection &conn, bool includeStatescope)
{
    // Without JIT: the catalog read's estimated cost crosses jit_above_cost on a big catalog,
    // and compiling it took longer (60 ms at 2,000 tables) than the read it was to speed up.
    const auto read = [&] {
        conn.exec(QStringLiteral("SELECT set_config('jit', 'off', true)"));
        return conn.exec(QString::fromLatin1(kCatalogSql), {includeStatescope});
    };
    const auto r = conn.inTransaction() ? read() : conn.transaction(read);
    QList<CatalogTable> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        CatalogTable t;
        t.schema = r.value(i, 0);
        t.name = r.value(i, 1);
        t.relkind = r.value(i, 2).isEmpty() ? 'r' : r.value(i, 2).at(0).toLatin1();
        t.rowSecurity = r.toBool(i, 3);
        t.partitions = r.toInt(i, 4);
        t.estimatedRows = r.value(i, 5).toDouble();
        if (!r.isNull(i, 6)) {
            for (const auto &a : nlohmann::json::parse(r.bytes(i, 6).toStdString())) {
                Column c;
                c.name = QString::fromStdString(a[0].get<std::string>());
                c.type = QString::fromStdString(a[1].get<std::string>());
                c.isEnum = a[4].get<bool>();
                c.notNull = a[5].get<bool>();
                c.typeClass = classify(QString::fromStdString(a[2].get<std::string>()),
                                       QString::fromStdString(a[3].get<std::string>()), c.isEnum);
                t.columns.append(c);
            }
        }
        if (!r.isNull(i, 7)) {
            for (const auto &x : nlohmann::json::parse(r.bytes(i, 7).toStdString())) {
                QStringList cols;
                if (x[1].is_array())
                    for (const auto &n : x[1])
                        cols << QString::fromStdString(n.get<std::string>());
                if (x[0].get<bool>())
                    t.primaryKey = cols;
                t.indexes.append(cols);
                IndexDef def;
                def.columns = cols;
                def.primary = x[0].get<bool>();
                def.unique = x.size() > 2 && x[2].get<bool>();
                def.partial = x.size() > 3 && x[3].get<bool>();
                def.expression = x.size() > 4 && x[4].get<bool>();
                def.name = x.size() > 5 && x[5].is_string() ? QString::fromStdString(x[5].get<std::string>()) : QString();
                def.valid = x.size() <= 6 || x[6].get<bool>();
                t.indexDefs.append(def);
            }
        }
        if (!r.isNull(i, 8))
            t.rlsSettings = r.value(i, 8).split(QLatin1Char(','));
        if (!r.isNull(i, 9))
            for (const auto &x : nlohmann::json::parse(r.bytes(i, 9).toStdString()))
                t.partitionList.append({QString::fromStdString(x[0].get<std::string>()),
                                        x[1].is_string() ? QString::fromStdString(x[1].get<std::string>()) : QString(),
                                        x[2].is_number() ? x[2].get<double>() : -1,
                                        x.size() > 3 && x[3].is_number() ? x[3].get<qint64>() : 0});
        t.oid = r.toLongLong(i, 10);
        t.sizeBytes = r.toLongLong(i, 11);
        out.append(std::move(t));
    }
    return out;
}

Layout detectIn(pg::Connection &conn, const QList<CatalogTable> &catalog)
{
    Layout layout;
    layout.database = conn.database();
    QString gameSchema;
    // Games first: the tables of one game system sit together, beside its games table.
    std::vector<const KindSpec *> order;
    for (const KindSpec &s : kindSpecs())
        if (s.kind == Kind::Games)
            order.insert(order.begin(), &s);
        else
            order.push_back(&s);
    for (const KindSpec *spec : order) {
        std::vector<Candidate> found;
        for (const CatalogTable &t : catalog) {
            Candidate c = match(*spec, t);
            if (!c.table)
                continue;
            if (isGameKind(spec->kind) && t.schema == gameSchema)
                c.score += 4;
            found.push_back(std::move(c));
        }
        if (found.empty())
            continue;
        std::stable_sort(found.begin(), found.end(),
                         [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
        // Equally good candidates: the one that holds rows (an empty copy made beside the
        // real tables must not hide them). The catalog's row estimate says so for analysed
        // tables; only a few unanalysed ones are asked (a catalog of thousands of look-alike
        // tables must not cost a query each).
        auto best = found.begin();
        if (found.size() > 1 && found[1].score == found[0].score) {
            const auto tied = std::find_if(found.begin(), found.end(), [&](const Candidate &c) {
                return c.score != found[0].score;
            });
            const auto estimated = std::find_if(found.begin(), tied, [](const Candidate &c) {
                return c.table->estimatedRows > 0;
            });
            if (estimated != tied) {
                best = estimated;
            } else {
                constexpr int kProbes = 16;
                int probed = 0;
                for (auto it = found.begin(); it != tied && probed < kProbes; ++it, ++probed)
                    if (hasRows(conn, *it->table)) {
                        best = it;
                        break;
                    }
            }
        }
        Relation rel;
        rel.kind = spec->kind;
        rel.schema = best->table->schema;
        rel.table = best->table->name;
        rel.source = QStringLiteral("detected");
        rel.relkind = best->table->relkind;
        rel.rowSecurity = best->table->rowSecurity;
        rel.rlsSettings = best->table->rlsSettings;
        rel.indexes = best->table->indexes;
        rel.partitionList = best->table->partitionList;
        rel.partitions = best->table->partitions;
        rel.estimatedRows = best->table->estimatedRows;
        rel.columns = best->columns;
        for (auto it = found.begin(); it != found.end(); ++it)
            if (it != best)
                rel.alsoFound << QStringLiteral("%1.%2").arg(it->table->schema, it->table->name);
        if (spec->kind == Kind::Games)
            gameSchema = rel.schema;
        layout.relations[spec->kind] = std::move(rel);
    }
    return layout;
}

std::map<QString, Column> roleColumns(const KindSpec &spec, const CatalogTable &table)
{
    return match(spec, table).columns;
}

Layout detect(pg::Connection &conn)
{
    return detectIn(conn, readCatalog(conn));
}

} // namespace statescope::layout
