// Reads the catalog once and finds, for each kind of game data, the table that holds it,
// by shape: the table's name, its columns' names and types.
#include "core/layout/catalog.h"

#include "core/pg/connection.h"

#include <algorithm>

namespace statescope::layout {

namespace {

struct Candidate
{
    const CatalogTable *table = nullptr;
    // Role and column, pointing into the spec and the table: the map of the layout is made
    // for the chosen table only (a map of copies per candidate cost detection a fifth of its
    // time on a catalog of look-alike tables).
    std::vector<std::pair<const char *, const Column *>> picks;
    int score = 0;

    std::map<QString, Column> columns() const
    {
        std::map<QString, Column> out;
        for (const auto &[role, col] : picks)
            out.emplace(QString::fromLatin1(role), *col);
        return out;
    }
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
        bool found = false;
        for (size_t at = 0; at <= role.synonyms.size(); ++at) { // its name, then its synonyms
            const char *n = at == 0 ? role.role : role.synonyms[at - 1];
            const Column *col = t.column(QLatin1String(n));
            // A column already given a role is not a synonym for another.
            if (!col || !typeFits(role.type, col->typeClass)
                || std::any_of(c.picks.begin(), c.picks.end(), [&](const auto &kv) { return kv.second == col; }))
                continue;
            c.picks.emplace_back(role.role, col);
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

// The index of the first candidate whose table holds a row (the catalog's estimate, else
// asked, all in one statement), or -1.
int firstWithRows(pg::Connection &conn, std::vector<Candidate>::const_iterator from,
                  std::vector<Candidate>::const_iterator to)
{
    QStringList asks;
    for (auto it = from; it != to; ++it)
        asks << (it->table->estimatedRows > 0 ? QStringLiteral("true")
                                              : QStringLiteral("EXISTS (SELECT 1 FROM %1.%2)")
                                                    .arg(quoteIdent(it->table->schema), quoteIdent(it->table->name)));
    if (asks.isEmpty())
        return -1;
    const pg::Result r = conn.exec(QStringLiteral("SELECT ") + asks.join(QStringLiteral(", ")));
    for (int i = 0; i < r.columnCount(); ++i)
        if (r.toBool(0, i))
            return i;
    return -1;
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
                // Asked in one statement: the first of them that holds a row.
                constexpr int kProbes = 16;
                const auto probes = std::min<std::ptrdiff_t>(kProbes, tied - found.begin());
                if (const int first = firstWithRows(conn, found.begin(), found.begin() + probes); first >= 0)
                    best = found.begin() + first;
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
        rel.uniqueKeys = uniqueKeysOf(*best->table);
        rel.partitionList = best->table->partitionList;
        rel.partitions = best->table->partitions;
        rel.estimatedRows = best->table->estimatedRows;
        rel.columns = best->columns();
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
    return match(spec, table).columns();
}

Layout detect(pg::Connection &conn)
{
    return detectIn(conn, readCatalog(conn));
}

} // namespace statescope::layout
