// Reads the catalog (catalog.h): one flat statement a kind of object, in one transaction,
// joined here by OID. Flat rows rather than one row per relation with its columns and indexes
// aggregated as JSON: building and parsing 2,000 relations' JSON took the server and the
// client longer than reading the same rows plainly (94 ms on the server alone at 2,000 tables).
#include "core/catalog/catalog.h"
#include "core/catalog/catalogsql_p.h"

#include "core/pg/connection.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <iterator>

namespace statescope::catalog {

namespace {

// Sizes are the catalog's estimates (pages as of the last VACUUM, ANALYZE or CREATE INDEX,
// with TOAST and indexes): asking the file system for each relation's size
// (pg_total_relation_size) cost three quarters of the detection at 2,000 tables.
//
// Every statement here reads its catalogs once and has no aggregate or subquery a join could
// repeat: the plans stay linear whatever the planner believes of the catalogs' sizes. (A
// database of 5,000 partitions was measured where the planner estimated 2 rows and repeated
// the aggregate of every index's pages for each relation: 3 s on the server.) Where a join
// would only look up a small catalog's row for each of many (a column's type, a table's
// TOAST pages), the small one is read flat and joined here; index and TOAST pages are summed
// here from their own statements (kIndexOwnersSql, kPagesSql). bench_catalog sweeps the sizes.
//
// Relations are asked for by OID first (>= 16384, FirstNormalObjectId: everything made after
// initdb, as pg_dump counts it) and by schema second. The system's own columns and indexes,
// about 2,400 and 170 rows of every database, are then not read at all: an index range scan
// of pg_attribute instead of a scan of all of it. On a season's database (22 tables) a new
// session's columns statement went from 4.7 to 2.8 ms, the layout's reads from 16.5 to 14.
//
// A partition bound holds constants only, so it is printed without its relation
// (pg_get_expr(..., 0)): with the relation, the server opened every partition to name its
// columns (relcache entries built for thousands of partitions on a new session).
// Two forms, as the columns' below: detection's (Shape) leaves NULL what only definitions need.
// One text with a parameter for both had a new session parse and plan the definitions'
// subqueries and functions for every detection too: 1.3 ms more of a process that reads its
// layout once (pgbench -C, a new session for each, 11.7 against 10.4 ms).
#define STATESCOPE_RELATIONS_FROM                                                               \
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"                              \
    " LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid"                                        \
    " LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver"                                     \
    " WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND" STATESCOPE_USER_SCHEMA
const char *kRelationsShapeSql =
    "SELECT c.oid::bigint, n.nspname, c.relname, NULL, c.relkind::text, c.relpersistence::text,"
    "       c.relispartition, c.relrowsecurity, c.relforcerowsecurity, c.reltuples,"
    "       c.relpages::bigint * current_setting('block_size')::bigint,"
    "       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, 0) END, NULL, NULL, fs.srvname,"
    "       NULL, NULL, NULL, NULL, c.reltoastrelid::bigint" STATESCOPE_RELATIONS_FROM;
const char *kRelationsSql =
    "SELECT c.oid::bigint, n.nspname, c.relname,"
    "        CASE WHEN $1::bool THEN quote_ident(n.nspname) || '.' || quote_ident(c.relname) END,"
    "        c.relkind::text, c.relpersistence::text, c.relispartition, c.relrowsecurity,"
    "        c.relforcerowsecurity, c.reltuples,"
    "        c.relpages::bigint * current_setting('block_size')::bigint,"
    "        CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, 0) END,"
    "        CASE WHEN $1::bool AND c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
    "        CASE WHEN $1::bool THEN array_to_string(c.reloptions || coalesce((SELECT array_agg('toast.' || o)"
    "          FROM pg_class tc, unnest(tc.reloptions) o WHERE tc.oid = c.reltoastrelid), '{}'), ', ') END,"
    "        fs.srvname,"
    "        CASE WHEN $1::bool THEN quote_ident(fs.srvname) END,"
    "        CASE WHEN $1::bool AND c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END,"
    "        CASE WHEN $1::bool THEN (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || ' '"
    "          || quote_literal(substr(o, strpos(o, '=') + 1)), ', ') FROM unnest(ft.ftoptions) o) END,"
    "        CASE WHEN $1::bool THEN c.relreplident::text END, c.reltoastrelid::bigint" STATESCOPE_RELATIONS_FROM;
#undef STATESCOPE_RELATIONS_FROM

// The pages of each table's TOAST table and indexes, added to its size, from two flat reads
// joined here: which table each index is of, and the pages of every index and TOAST table
// made after initdb. Not the system catalogs' nor the TOAST tables' own indexes (no
// relation read here is one of them). Joined on the server, each index or TOAST table was
// looked up by OID one at a time (the catalog's statistics promising a few rows): 75 ms of
// the 390 a new session's read took at 5,000 tables, against 35 ms read flat.
const char *kIndexOwnersSql = "SELECT indexrelid::bigint, indrelid::bigint FROM pg_index WHERE indexrelid >= 16384";
const char *kPagesSql = "SELECT oid::bigint, relpages::bigint * current_setting('block_size')::bigint FROM pg_class"
                        " WHERE oid >= 16384 AND relpages > 0 AND (relkind = 't' OR (relkind IN ('i', 'I')"
                        " AND relnamespace NOT IN ('pg_catalog'::regnamespace, 'pg_toast'::regnamespace)))";

// What detection asks of a column's type, read once for every type rather than joined to
// every column (35,000 lookups of pg_type, 64 ms of the columns' 147 at 5,000 tables). Row
// types and arrays are left out: they are text to detection, as a type not found here is.
const char *kColumnTypesSql = "SELECT oid::bigint, typname, typcategory::text, typtype = 'e' FROM pg_type"
                        " WHERE typtype <> 'c' AND typcategory <> 'A'";

const char *kInheritsSql = "SELECT inhrelid::bigint, inhparent::bigint FROM pg_inherits ORDER BY inhrelid, inhseqno";

// Columns and indexes of relations that are not partitions (a partition's are its table's).
#define STATESCOPE_NOT_PARTITIONS                                                               \
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"

// Two forms: detection's (Shape) reads no defaults, and joining pg_attrdef at all, even to
// nothing, cost it 10% at 2,000 tables. Nor does it sort: the rows are put in order here
// (ORDER BY nearly doubled the statement's time at 2,000 tables).
#define STATESCOPE_COLUMNS_FROM                                                                 \
    STATESCOPE_NOT_PARTITIONS                                                                   \
    " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
#define STATESCOPE_COLUMNS_WHERE                                                                \
    " WHERE a.attrelid >= 16384 AND c.oid >= 16384 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"        \
    " AND NOT c.relispartition AND" STATESCOPE_USER_SCHEMA
const char *kColumnsSql =
    "SELECT a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid::bigint,"
    "       a.attnotnull, a.attnum" STATESCOPE_COLUMNS_FROM STATESCOPE_COLUMNS_WHERE;
const char *kColumnsDefinedSql =
    "SELECT a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid::bigint,"
    "       a.attnotnull, a.attnum,"
    "       quote_ident(a.attname), pg_get_expr(ad.adbin, ad.adrelid), a.attidentity::text,"
    "       a.attgenerated::text,"
    "       CASE WHEN a.attcollation <> t.typcollation THEN (SELECT quote_ident(cn.nspname)"
    "         || '.' || quote_ident(co.collname) FROM pg_collation co"
    "         JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END,"
    "       a.attislocal, a.attinhcount, a.attstattarget, a.attstorage::text, t.typstorage::text"
    STATESCOPE_COLUMNS_FROM
    " JOIN pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
    STATESCOPE_COLUMNS_WHERE;
#undef STATESCOPE_COLUMNS_FROM
#undef STATESCOPE_COLUMNS_WHERE

// Key columns come as attribute numbers ("1 3"; 0 for an expression), named from the columns:
// joining pg_attribute per key here cost more than the whole columns read.
#define STATESCOPE_INDEXES_FROM                                                                 \
    STATESCOPE_NOT_PARTITIONS                                                                   \
    " JOIN pg_index x ON x.indrelid = c.oid JOIN pg_class ic ON ic.oid = x.indexrelid"            \
    " WHERE x.indrelid >= 16384 AND c.oid >= 16384 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"    \
    " AND NOT c.relispartition AND" STATESCOPE_USER_SCHEMA
const char *kIndexesSql =
    "SELECT x.indrelid::bigint, ic.relname, x.indisprimary, x.indisunique, x.indpred IS NOT NULL,"
    "       0 = ANY (x.indkey::int2[]) OR x.indexprs IS NOT NULL, x.indisvalid, x.indkey::text,"
    "       x.indnkeyatts, CASE WHEN $1::bool THEN quote_ident(n.nspname) || '.' || quote_ident(ic.relname) END,"
    "       CASE WHEN $1::bool THEN pg_get_indexdef(x.indexrelid) END,"
    // Whether a constraint made it is found from the constraints (definitions): a subquery
    // per index here scanned pg_constraint once for each.
    "       false, x.indexrelid::bigint, x.indisreplident, x.indisclustered" STATESCOPE_INDEXES_FROM;
// The same for detection: without what only definitions print.
const char *kIndexesShapeSql =
    "SELECT x.indrelid::bigint, ic.relname, x.indisprimary, x.indisunique, x.indpred IS NOT NULL,"
    "       0 = ANY (x.indkey::int2[]) OR x.indexprs IS NOT NULL, x.indisvalid, x.indkey::text,"
    "       x.indnkeyatts, NULL, NULL, false, x.indexrelid::bigint, x.indisreplident, x.indisclustered" STATESCOPE_INDEXES_FROM;
#undef STATESCOPE_INDEXES_FROM

const char *kPoliciesSql =
    "SELECT p.polrelid::bigint, p.polname, quote_ident(p.polname), p.polpermissive, p.polcmd::text,"
    // The roles named by pg_get_userbyid(): the pg_roles view cost a new session more to plan
    // than the whole read of a table-less database's policies.
    "  CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(pg_get_userbyid(ro)), ', '"
    "    ORDER BY pg_get_userbyid(ro)) FROM unnest(p.polroles) ro) END,"
    "  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), p.oid::bigint"
    " FROM pg_policy p ORDER BY p.polrelid, p.polname";

#undef STATESCOPE_NOT_PARTITIONS

// The settings the server's text depends on, for this transaction only.
const char *kPinSql = "SELECT set_config('search_path', '', true), set_config('TimeZone', 'UTC', true),"
                      " set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true),"
                      " set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true),"
                      " set_config('transaction_read_only', 'on', true),"
                      // The read's estimated cost crosses jit_above_cost on a big catalog, and
                      // compiling it took longer (60 ms at 2,000 tables) than it would save.
                      " set_config('jit', 'off', true)";

bool isTrue(QByteArrayView v)
{
    return v == "t";
}

char firstOf(QByteArrayView v, char fallback = 0)
{
    return v.isEmpty() ? fallback : v.at(0);
}

// indkey: attribute numbers separated by spaces; the first `count` are the key columns.
std::vector<int> keyNumbers(QByteArrayView text, int count)
{
    std::vector<int> out;
    int num = 0;
    bool inNumber = false;
    for (qsizetype at = 0; at <= text.size() && int(out.size()) < count; ++at) {
        if (at < text.size() && text.at(at) >= '0' && text.at(at) <= '9') {
            num = num * 10 + (text.at(at) - '0');
            inNumber = true;
        } else if (inNumber) {
            out.push_back(num);
            num = 0;
            inNumber = false;
        }
    }
    return out;
}

QStringList settingsRead(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("current_setting\\('([^']+)'"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

} // namespace

// catalogdepends.cpp: what the rows of its statements make.
QList<Dependency> dependenciesFrom(const pg::Result &r);
QList<Comment> commentsFrom(const pg::Result &r);
QList<StatisticsObject> statisticsFrom(const pg::Result &r);
QList<Rule> rulesFrom(const pg::Result &r);
QList<DefaultPrivilege> defaultPrivilegesFrom(const pg::Result &r);
QList<Owner> ownersFrom(const pg::Result &r);

struct CatalogBuilder
{
    pg::Connection &conn;
    Catalog &out;
    bool defs;
    // Type names and schemas repeat thousands of times in a big catalog: one string each.
    QHash<QByteArray, QString> strings;

    QString intern(QByteArrayView v)
    {
        const QByteArray key = QByteArray::fromRawData(v.data(), v.size()); // no copy to look up
        const auto at = strings.constFind(key);
        if (at != strings.constEnd())
            return *at;
        const QString s = QString::fromUtf8(v);
        strings.insert(v.toByteArray(), s);
        return s;
    }

    void relations(const pg::Result &r, const pg::Result &owners, const pg::Result &pages, const pg::Result &inh)
    {
        out.relations.reserve(r.rowCount());
        out.m_byOid.reserve(r.rowCount());
        // In the catalog's order of names (schema, then name; bytes, as the name type compares
        // them), put here: sorting on the server cost the statement 40% at 5,000 tables.
        std::vector<int> order(size_t(r.rowCount()));
        for (int i = 0; i < r.rowCount(); ++i)
            order[size_t(i)] = i;
        std::sort(order.begin(), order.end(), [&](int x, int y) {
            const int schema = r.view(x, 1).compare(r.view(y, 1));
            return schema != 0 ? schema < 0 : r.view(x, 2).compare(r.view(y, 2)) < 0;
        });
        std::vector<qint64> toast;
        toast.reserve(order.size());
        for (const int i : order) {
            Relation rel;
            rel.oid = r.toLongLong(i, 0);
            rel.schema = intern(r.view(i, 1));
            rel.name = r.value(i, 2);
            rel.qualified = r.value(i, 3);
            rel.kind = firstOf(r.view(i, 4), 'r');
            rel.persistence = firstOf(r.view(i, 5), 'p');
            rel.isPartition = isTrue(r.view(i, 6));
            rel.rowSecurity = isTrue(r.view(i, 7));
            rel.forceRowSecurity = isTrue(r.view(i, 8));
            rel.reltuples = r.isNull(i, 9) ? -1 : r.value(i, 9).toDouble();
            rel.ownBytes = r.toLongLong(i, 10);
            rel.partitionBound = r.value(i, 11);
            rel.partitionKey = r.value(i, 12);
            rel.options = r.value(i, 13);
            rel.server = r.value(i, 14);
            rel.quotedServer = r.value(i, 15);
            rel.viewDefinition = r.value(i, 16);
            rel.foreignOptions = r.value(i, 17);
            rel.replicaIdentity = firstOf(r.view(i, 18), 'd');
            toast.push_back(r.toLongLong(i, 19));
            out.m_byOid.insert(rel.oid, out.relations.size());
            out.relations.append(std::move(rel));
        }
        QHash<qint64, qint64> bytes; // of each index and TOAST table that has pages
        bytes.reserve(pages.rowCount());
        for (int i = 0; i < pages.rowCount(); ++i)
            bytes.insert(pages.toLongLong(i, 0), pages.toLongLong(i, 1));
        for (size_t at = 0; at < toast.size(); ++at)
            if (toast[at])
                out.relations[qsizetype(at)].ownBytes += bytes.value(toast[at]);
        for (int i = 0; i < owners.rowCount(); ++i)
            if (const auto at = out.m_byOid.constFind(owners.toLongLong(i, 1)); at != out.m_byOid.constEnd())
                out.relations[*at].ownBytes += bytes.value(owners.toLongLong(i, 0));
        for (int i = 0; i < inh.rowCount(); ++i) {
            const qint64 child = inh.toLongLong(i, 0), parent = inh.toLongLong(i, 1);
            const auto c = out.m_byOid.constFind(child);
            const auto p = out.m_byOid.constFind(parent);
            if (c != out.m_byOid.constEnd())
                out.relations[*c].parents.push_back(parent);
            if (p != out.m_byOid.constEnd())
                out.relations[*p].children.push_back(child);
        }
    }

    // Rows for a relation the relations statement did not see (made in between, or outside
    // the user schemas) are left out. Rows come grouped by relation: one lookup a relation.
    qint64 lastOid = -1;
    bool lastKnown = false;
    bool known(qint64 oid)
    {
        if (oid != lastOid) {
            lastOid = oid;
            lastKnown = out.m_byOid.contains(oid);
        }
        return lastKnown;
    }
    bool known(const pg::Result &r, int row) { return known(r.toLongLong(row, 0)); }

    struct TypeInfo
    {
        QString name;
        char category = 'X';
        bool isEnum = false;
    };
    QHash<qint64, TypeInfo> types{};

    void typesFrom(const pg::Result &r)
    {
        types.reserve(r.rowCount());
        for (int i = 0; i < r.rowCount(); ++i)
            types.insert(r.toLongLong(i, 0), {intern(r.view(i, 1)), firstOf(r.view(i, 2), 'X'), isTrue(r.view(i, 3))});
    }

    void columns(const pg::Result &r)
    {
        const TypeInfo other; // a row type or an array: text to detection
        out.attributes.reserve(r.rowCount());
        if (defs)
            out.attributeDefinitions.reserve(size_t(r.rowCount()));
        for (int i = 0; i < r.rowCount(); ++i) {
            const qint64 relation = r.toLongLong(i, 0);
            if (!known(relation))
                continue;
            Attribute a;
            a.relation = relation;
            a.name = r.value(i, 1);
            a.type = intern(r.view(i, 2));
            const auto type = types.constFind(r.toLongLong(i, 3));
            const TypeInfo &t = type == types.constEnd() ? other : *type;
            a.typeName = t.name;
            a.typeCategory = t.category;
            a.isEnum = t.isEnum;
            a.notNull = isTrue(r.view(i, 4));
            a.number = r.toInt(i, 5);
            if (defs)
                out.attributeDefinitions.push_back({r.value(i, 6), r.value(i, 7), firstOf(r.view(i, 8)),
                                                    firstOf(r.view(i, 9)), r.value(i, 10), isTrue(r.view(i, 11)),
                                                    r.toInt(i, 12), r.toInt(i, 13), firstOf(r.view(i, 14)),
                                                    firstOf(r.view(i, 15))});
            out.attributes.append(std::move(a));
        }
        // By relation, then attribute number (the definitions in the same order).
        std::vector<qsizetype> order(size_t(out.attributes.size()));
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = qsizetype(i);
        const auto key = [&](qsizetype i) { return std::pair(out.attributes[i].relation, out.attributes[i].number); };
        std::sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return key(x) < key(y); });
        QList<Attribute> attributes;
        attributes.reserve(out.attributes.size());
        for (qsizetype i : order)
            attributes.append(std::move(out.attributes[i]));
        out.attributes = std::move(attributes);
        if (defs) {
            std::vector<AttributeDefinition> definitions;
            definitions.reserve(order.size());
            for (qsizetype i : order)
                definitions.push_back(std::move(out.attributeDefinitions[size_t(i)]));
            out.attributeDefinitions = std::move(definitions);
        }
    }

    void indexes(const pg::Result &r)
    {
        const qsizetype before = out.indexes.size();
        out.indexes.reserve(before + r.rowCount());
        for (int i = 0; i < r.rowCount(); ++i) {
            const qint64 relation = r.toLongLong(i, 0);
            if (!known(relation))
                continue;
            Index x;
            x.relation = relation;
            x.name = r.value(i, 1);
            x.primary = isTrue(r.view(i, 2));
            x.unique = isTrue(r.view(i, 3));
            x.partial = isTrue(r.view(i, 4));
            x.expression = isTrue(r.view(i, 5));
            x.valid = isTrue(r.view(i, 6));
            x.keys = keyNumbers(r.view(i, 7), r.toInt(i, 8));
            x.qualified = r.value(i, 9);
            x.definition = r.value(i, 10);
            x.ofConstraint = isTrue(r.view(i, 11));
            x.oid = r.toLongLong(i, 12);
            x.replicaIdentity = isTrue(r.view(i, 13));
            x.clustered = isTrue(r.view(i, 14));
            out.indexes.append(std::move(x));
        }
        // By table, then index (sorted here: the statement has no ORDER BY to plan and run).
        std::sort(out.indexes.begin() + before, out.indexes.end(), [](const Index &x, const Index &y) {
            return std::pair(x.relation, x.oid) < std::pair(y.relation, y.oid);
        });
    }

    void policies(const pg::Result &r)
    {
        for (int i = 0; i < r.rowCount(); ++i) {
            if (!known(r, i))
                continue;
            Policy p;
            p.relation = r.toLongLong(i, 0);
            p.name = r.value(i, 1);
            p.quoted = r.value(i, 2);
            p.permissive = isTrue(r.view(i, 3));
            p.command = firstOf(r.view(i, 4), '*');
            p.roles = r.value(i, 5);
            p.hasUsing = !r.isNull(i, 6);
            p.hasCheck = !r.isNull(i, 7);
            p.usingExpr = r.value(i, 6);
            p.checkExpr = r.value(i, 7);
            p.oid = r.toLongLong(i, 8);
            p.settings = settingsRead(p.usingExpr + QLatin1Char(' ') + p.checkExpr);
            p.settings.removeDuplicates();
            out.policies.append(std::move(p));
        }
    }

    // The statements of definitions, in the order definitionsFrom() reads their results.
    std::vector<pg::Connection::Statement> definitionStatements() const
    {
        QString triggers = QString::fromLatin1(kTriggersSql);
        if (conn.serverVersion() < 130000) // no tgparentid: a clone cannot be told from its own
            triggers.replace(QStringLiteral("t.tgparentid <> 0"), QStringLiteral("false"));
        // A partition's own indexes (those no index of its table made).
        QString own = QString::fromLatin1(kIndexesSql);
        own.replace(QStringLiteral("AND NOT c.relispartition AND"),
                    QStringLiteral("AND c.relispartition AND NOT EXISTS (SELECT 1 FROM pg_inherits pi"
                                   " WHERE pi.inhrelid = x.indexrelid) AND"));
        std::vector<pg::Connection::Statement> out;
        for (const char *sql : {kExtensionMembersSql, kConstraintsSql})
            out.push_back({QString::fromLatin1(sql)});
        out.push_back({triggers});
        out.push_back({own, {defs}});
        for (const char *sql : {kTypesSql, kSequencesSql, kFunctionsSql, kGrantsSql, kExtensionsSql, kSchemasSql,
                                kCollationsSql, kServersSql, kUserMappingsSql, kDependenciesSql, kCommentsSql,
                                kStatisticsSql, kRulesSql, kDefaultPrivilegesSql, kOwnersSql})
            out.push_back({QString::fromLatin1(sql)});
        return out;
    }

    void definitionsFrom(const std::vector<pg::Result> &results, size_t at)
    {
        const auto next = [&]() -> const pg::Result & { return results.at(at++); };
        QHash<QString, QSet<qint64>> members; // catalog -> OIDs of extension members
        const pg::Result *r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            members[r->value(i, 0)].insert(r->toLongLong(i, 1));
        const auto member = [&](const char *catalog, qint64 oid) {
            return members.value(QLatin1String(catalog)).contains(oid);
        };
        for (Relation &rel : out.relations)
            rel.extension = member("pg_class", rel.oid);

        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            if (known(*r, i))
                out.constraints.append({r->toLongLong(i, 0), r->toLongLong(i, 6), r->toLongLong(i, 7), r->value(i, 1),
                                        r->value(i, 2), firstOf(r->view(i, 3), 'c'), r->value(i, 4),
                                        isTrue(r->view(i, 5))});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            if (known(*r, i))
                out.triggers.append({r->toLongLong(i, 0), r->toLongLong(i, 6), r->value(i, 1), r->value(i, 2),
                                     r->value(i, 3), isTrue(r->view(i, 4)), isTrue(r->view(i, 5))});
        // A partition's own indexes, after the others.
        const qsizetype before = out.indexes.size();
        indexes(next());
        for (qsizetype i = before; i < out.indexes.size(); ++i)
            out.indexes[i].ofPartition = true;
        // The indexes a primary key, unique or exclusion constraint of their own table made.
        QSet<std::pair<qint64, qint64>> made; // (table, index)
        for (const Constraint &co : std::as_const(out.constraints))
            if (co.type == 'p' || co.type == 'u' || co.type == 'x')
                made.insert({co.relation, co.index});
        for (Index &x : out.indexes)
            x.ofConstraint = made.contains({x.relation, x.oid});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.types.append({r->value(i, 1), r->value(i, 2), r->value(i, 4), isTrue(r->view(i, 3)), r->value(i, 5),
                              member("pg_type", r->toLongLong(i, 0)), r->toLongLong(i, 0), r->value(i, 6),
                              r->value(i, 7), isTrue(r->view(i, 8)),
                              r->value(i, 9).split(QLatin1Char('\n'), Qt::SkipEmptyParts), isTrue(r->view(i, 10)),
                              r->toLongLong(i, 11)});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.sequences.append({r->value(i, 1), r->value(i, 2), r->value(i, 3), r->value(i, 4), r->value(i, 5),
                                  r->value(i, 6), r->value(i, 7), r->value(i, 8), r->value(i, 9), isTrue(r->view(i, 10)),
                                  r->value(i, 11), isTrue(r->view(i, 12)), member("pg_class", r->toLongLong(i, 0)),
                                  r->toLongLong(i, 0)});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.functions.append({r->value(i, 1), r->value(i, 2), r->value(i, 3), r->value(i, 4), isTrue(r->view(i, 5)),
                                  r->value(i, 6), member("pg_proc", r->toLongLong(i, 0)), r->toLongLong(i, 0),
                                  r->value(i, 7), r->value(i, 8), isTrue(r->view(i, 9))});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i) {
            const QByteArray catalog = r->view(i, 0).toByteArray();
            out.grants.append({r->value(i, 2), r->value(i, 3), r->value(i, 4), r->value(i, 5), r->value(i, 6),
                               r->value(i, 7), isTrue(r->view(i, 8)), isTrue(r->view(i, 9)), isTrue(r->view(i, 10)),
                               member(catalog.constData(), r->toLongLong(i, 1)), r->value(i, 11)});
        }
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.extensions.append({r->value(i, 0), r->value(i, 1), r->value(i, 2), r->value(i, 3), r->value(i, 4),
                                   r->value(i, 5), r->toLongLong(i, 6)});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.schemas.append({r->value(i, 1), r->value(i, 2), member("pg_namespace", r->toLongLong(i, 0)),
                                r->toLongLong(i, 0)});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.collations.append({r->value(i, 0), r->value(i, 1), r->value(i, 2), r->value(i, 3), r->value(i, 4),
                                   isTrue(r->view(i, 5)), r->toLongLong(i, 6),
                                   member("pg_collation", r->toLongLong(i, 6))});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.servers.append({r->value(i, 1), r->value(i, 2), r->value(i, 3), r->value(i, 4), r->value(i, 5),
                                r->value(i, 6), r->toLongLong(i, 0), member("pg_foreign_server", r->toLongLong(i, 0))});
        r = &next();
        for (int i = 0; i < r->rowCount(); ++i)
            out.userMappings.append({r->value(i, 1), r->value(i, 2), r->value(i, 3), isTrue(r->view(i, 4)),
                                     r->toLongLong(i, 0), isTrue(r->view(i, 5))});
        out.dependencies = dependenciesFrom(next());
        out.comments = commentsFrom(next());
        out.statistics = statisticsFrom(next());
        out.rules = rulesFrom(next());
        out.defaultPrivileges = defaultPrivilegesFrom(next());
        out.owners = ownersFrom(next());
    }

    // Every statement goes to the server at once, in one round trip: on a small database
    // each statement's own round trip weighed more than its rows (19 of them for a
    // snapshot's definitions).
    std::vector<pg::Connection::Statement> shapeStatements(unsigned parts) const
    {
        // Prepared once per connection (pg::Connection::Statement::reuse): a connection reads
        // its catalog again on every refresh and week switch, and parsing and planning these
        // joins cost more than running them on a catalog of a few tables (7.0 ms against
        // libpq's 2.6 for 10 tables, each statement sent as text).
        std::vector<pg::Connection::Statement> out{{QString::fromLatin1(kPinSql), {}, true},
                                                   defs ? pg::Connection::Statement{QString::fromLatin1(kRelationsSql), {defs}, true}
                                                        : pg::Connection::Statement{QString::fromLatin1(kRelationsShapeSql), {}, true},
                                                   {QString::fromLatin1(kIndexOwnersSql), {}, true},
                                                   {QString::fromLatin1(kPagesSql), {}, true},
                                                   {QString::fromLatin1(kInheritsSql), {}, true}};
        if (parts & Catalog::Columns) {
            out.push_back({QString::fromLatin1(kColumnTypesSql), {}, true});
            out.push_back({QString::fromLatin1(defs ? kColumnsDefinedSql : kColumnsSql), {}, true});
        }
        if (parts & Catalog::Indexes)
            out.push_back(defs ? pg::Connection::Statement{QString::fromLatin1(kIndexesSql), {defs}, true}
                               : pg::Connection::Statement{QString::fromLatin1(kIndexesShapeSql), {}, true});
        if (parts & Catalog::Policies)
            out.push_back({QString::fromLatin1(kPoliciesSql), {}, true});
        return out;
    }

    void fromShape(unsigned parts, const std::vector<pg::Result> &r, size_t at)
    {
        ++at; // after the pin
        relations(r.at(at), r.at(at + 1), r.at(at + 2), r.at(at + 3));
        at += 4;
        if (parts & Catalog::Columns) {
            typesFrom(r.at(at++));
            columns(r.at(at++));
        }
        if (parts & Catalog::Indexes)
            indexes(r.at(at++));
        if (parts & Catalog::Policies)
            policies(r.at(at++));
    }
};

Catalog Catalog::read(pg::Connection &conn, unsigned parts)
{
    Catalog out;
    out.database = conn.database();
    out.parts = parts;
    CatalogBuilder builder{conn, out, (parts & Definitions) != 0, {}};
    std::vector<pg::Connection::Statement> statements = builder.shapeStatements(parts);
    const size_t shapeCount = statements.size();
    if (builder.defs) {
        std::vector<pg::Connection::Statement> more = builder.definitionStatements();
        std::move(more.begin(), more.end(), std::back_inserter(statements));
    }
    const auto build = [&](const std::vector<pg::Result> &results, size_t at) {
        builder.fromShape(parts, results, at);
        if (builder.defs)
            builder.definitionsFrom(results, at + shapeCount);
    };
    if (!conn.inTransaction()) {
        // REPEATABLE READ: every statement sees the catalog as of the first.
        pg::Connection::Framing framing;
        framing.begin = framing.readOnly = framing.commit = true;
        framing.isolation = QByteArrayLiteral("ISOLATION LEVEL REPEATABLE READ");
        build(conn.pipeline(statements, framing), 0); // rolled back if it fails
        return out;
    }
    // In the caller's transaction: the pinned settings live in a savepoint, rolled back after.
    statements.insert(statements.begin(), {QStringLiteral("SAVEPOINT statescope_catalog_read")});
    try {
        build(conn.pipeline(statements), 1);
    } catch (...) {
        try {
            conn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT statescope_catalog_read"));
            conn.exec(QStringLiteral("RELEASE SAVEPOINT statescope_catalog_read"));
        } catch (...) {
            // The connection is gone or the transaction failed past the savepoint: the
            // caller's own error handling sees that; ours is the first error.
        }
        throw;
    }
    conn.pipeline({{QStringLiteral("ROLLBACK TO SAVEPOINT statescope_catalog_read")},
                   {QStringLiteral("RELEASE SAVEPOINT statescope_catalog_read")}});
    return out;
}

const Relation *Catalog::relation(qint64 oid) const
{
    const auto at = m_byOid.constFind(oid);
    return at == m_byOid.constEnd() ? nullptr : &relations.at(*at);
}

} // namespace statescope::catalog
