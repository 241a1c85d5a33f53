// Finding one value in one database by its indexes (finder.h).
#include "core/find/finder.h"

#include "core/catalog/catalog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

#include <nlohmann/json.hpp>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace statescope::find {

namespace {

// Built-in types whose text the server prints with its own output functions.
const QSet<QString> &textTypes()
{
    static const QSet<QString> t{QStringLiteral("text"), QStringLiteral("varchar"), QStringLiteral("bpchar"),
                                 QStringLiteral("name")};
    return t;
}

bool shortType(const catalog::Attribute &a)
{
    static const QSet<QString> t{QStringLiteral("int2"), QStringLiteral("int4"), QStringLiteral("int8"),
                                 QStringLiteral("numeric"), QStringLiteral("text"), QStringLiteral("varchar"),
                                 QStringLiteral("bpchar"), QStringLiteral("name"), QStringLiteral("uuid"),
                                 QStringLiteral("bool"), QStringLiteral("date"), QStringLiteral("float4"),
                                 QStringLiteral("float8")};
    return a.isEnum || t.contains(a.typeName);
}

bool timeType(const catalog::Attribute &a)
{
    return a.typeName == QLatin1String("timestamptz") || a.typeName == QLatin1String("timestamp");
}

// The value as a JSON string literal inside a jsonpath.
QString jsonString(const QString &text)
{
    return QString::fromStdString(nlohmann::json(text.toStdString()).dump());
}

bool planScans(const nlohmann::json &node)
{
    if (!node.is_object())
        return false;
    if (node.value("Node Type", std::string()) == "Seq Scan")
        return true;
    if (const auto plans = node.find("Plans"); plans != node.end() && plans->is_array())
        for (const auto &child : *plans)
            if (planScans(child))
                return true;
    return false;
}

// The layout's roles that place a row in its game (Hit::context).
const QStringList &contextRoles()
{
    static const QStringList roles{QStringLiteral("id"), QStringLiteral("game_id"), QStringLiteral("play_number"),
                                   QStringLiteral("player_id")};
    return roles;
}

// Lookups of the layout's kinds of game data first, in the layout's order, then the other
// tables by name.
int kindRank(const QString &kind)
{
    if (kind.isEmpty())
        return std::numeric_limits<int>::max();
    int i = 0;
    for (const layout::KindSpec &s : layout::kindSpecs()) {
        if (QLatin1String(s.key) == kind)
            return i;
        ++i;
    }
    return i;
}

} // namespace

QString Lookup::relation() const
{
    return schema + QLatin1Char('.') + table;
}

QList<Lookup> Finder::plan(pg::Connection &conn, const Needle &needle)
{
    // One read of the catalog for the lookups and the layout's detection both.
    const catalog::Catalog cat = catalog::Catalog::read(conn, catalog::Catalog::Shape);
    const auto lay = layout::of(conn, cat);
    // What this login cannot read is not looked in (a lookup there would fail the whole
    // database): a table it may not select from, in a schema it may not use, or whose
    // row-level security binds it through a setting its policies read (unset, an error).
    const QSet<qint64> unreadable = catalog::unreadableRelations(conn);
    QHash<QString, QString> kindOf; // schema.table -> kind key
    QHash<QString, const layout::Relation *> relationOf;
    for (const auto &[kind, rel] : lay->relations) {
        kindOf.insert(rel.schema + QLatin1Char('.') + rel.table, QLatin1String(layout::spec(kind).key));
        relationOf.insert(rel.schema + QLatin1Char('.') + rel.table, &rel);
    }
    QHash<qint64, QList<const catalog::Attribute *>> columns;
    for (const catalog::Attribute &a : cat.attributes)
        columns[a.relation].append(&a);
    // Every valid index may answer (a partial one too: `col IS NOT NULL` holds for `col = v`;
    // the planner says); only whole-table unique ones give a row's key.
    QHash<qint64, QList<const catalog::Index *>> indexes;
    for (const catalog::Index &i : cat.indexes)
        if (i.valid)
            indexes[i.relation].append(&i);

    QList<Lookup> out;
    // Each jsonb lookup's column (relation, attribute number), for the index check below.
    QHash<qsizetype, QPair<qint64, int>> documentColumn;
    for (const catalog::Relation &r : cat.relations) {
        if (!(r.kind == 'r' || r.kind == 'p' || r.kind == 'm') || r.isPartition || r.extension
            || r.schema == QLatin1String("statescope") || unreadable.contains(r.oid))
            continue;
        const QList<const catalog::Attribute *> cols = columns.value(r.oid);
        const auto nameOf = [&](int number) {
            for (const catalog::Attribute *a : cols)
                if (a->number == number)
                    return a;
            return static_cast<const catalog::Attribute *>(nullptr);
        };
        // The row's key: the primary key, else a unique index, each of short built-in columns.
        QList<const catalog::Attribute *> key;
        for (int pass = 0; pass < 2 && key.isEmpty(); ++pass)
            for (const catalog::Index *i : indexes.value(r.oid)) {
                if (!(pass == 0 ? i->primary : i->unique) || i->expression || i->partial)
                    continue;
                QList<const catalog::Attribute *> k;
                for (int n : i->keys)
                    if (const catalog::Attribute *a = nameOf(n); a && shortType(*a))
                        k << a;
                if (k.size() == int(i->keys.size())) {
                    key = k;
                    break;
                }
            }
        const catalog::Attribute *time = nullptr;
        for (const catalog::Attribute *a : cols)
            if (!time && timeType(*a))
                time = a;
        const QString kind = kindOf.value(r.schema + QLatin1Char('.') + r.name);
        const layout::Relation *laid = relationOf.value(r.schema + QLatin1Char('.') + r.name);
        for (const catalog::Attribute *a : cols) {
            Lookup l;
            const QString c = layout::quoteIdent(a->name);
            if (a->typeName == QLatin1String("uuid") && needle.uuid) {
                l.how = QStringLiteral("=");
                l.where = c + QStringLiteral(" = $1::uuid");
                l.params << *needle.uuid;
            } else if (a->typeName == QLatin1String("uuid") && needle.uuidRange) {
                l.how = tr("uuid beginning");
                l.where = c + QStringLiteral(" BETWEEN $1::uuid AND $2::uuid");
                l.params << needle.uuidRange->first << needle.uuidRange->second;
            } else if ((a->typeName == QLatin1String("int2") || a->typeName == QLatin1String("int4")
                        || a->typeName == QLatin1String("int8"))
                       && needle.integer) {
                const qint64 v = *needle.integer;
                const qint64 max = a->typeName == QLatin1String("int2")   ? 32767
                                   : a->typeName == QLatin1String("int4") ? 2147483647
                                                                          : std::numeric_limits<qint64>::max();
                if (v > max || v < -max - 1)
                    continue; // the column cannot hold it
                l.how = QStringLiteral("=");
                l.where = c + QStringLiteral(" = $1::int8");
                l.params << QString::number(v);
            } else if (textTypes().contains(a->typeName)) {
                l.how = QStringLiteral("=");
                l.where = c + QStringLiteral(" = $1");
                l.params << needle.text;
            } else if (a->typeName == QLatin1String("jsonb")) {
                // The value anywhere in the document: as a string, or as the number it is.
                QString path = QStringLiteral("$.** == ") + jsonString(needle.text);
                if (needle.integer)
                    path += QStringLiteral(" || $.** == ") + QString::number(*needle.integer);
                l.how = tr("anywhere in the document");
                l.where = c + QStringLiteral(" @@ $1::jsonpath");
                l.params << path;
            } else {
                continue;
            }
            l.schema = r.schema;
            l.table = r.name;
            l.column = a->name;
            l.kind = kind;
            l.rows = r.reltuples;
            // Indexed when an index leads with it (the planner confirms below).
            for (const catalog::Index *i : indexes.value(r.oid))
                l.indexed = l.indexed || (!i->keys.empty() && i->keys.front() == a->number);
            QStringList select;
            const auto keyColumns = key.isEmpty() ? QList<const catalog::Attribute *>{a} : key;
            for (const catalog::Attribute *k : keyColumns) {
                select << layout::quoteIdent(k->name) + QStringLiteral("::text");
                l.keyColumns << k->name;
            }
            select << (time ? layout::quoteIdent(time->name) + QStringLiteral("::text") : QStringLiteral("NULL::text"));
            l.timeColumn = time ? time->name : QString();
            for (const catalog::Attribute *s : cols) {
                if (l.summaryColumns.size() == 3 || keyColumns.contains(s) || s == time || !shortType(*s))
                    continue;
                select << QStringLiteral("left(%1::text, 60)").arg(layout::quoteIdent(s->name));
                l.summaryColumns << s->name;
            }
            for (const QString &role : contextRoles())
                if (laid && laid->has(role)) {
                    select << layout::quoteIdent(laid->columns.at(role).name) + QStringLiteral("::text");
                    l.contextRoles << role;
                }
            if (a->typeName == QLatin1String("jsonb"))
                documentColumn.insert(out.size(), {r.oid, a->number});
            l.select = QStringLiteral("SELECT %1 FROM %2.%3 WHERE %4 LIMIT $%5")
                           .arg(select.join(QStringLiteral(", ")), layout::quoteIdent(r.schema),
                                layout::quoteIdent(r.name), l.where)
                           .arg(l.params.size() + 1);
            out.append(l);
        }
    }
    // The planner's word on each that an index should answer: EXPLAIN of each, one round trip,
    // with sequential scans priced out (a table of a few pages is cheaper to scan, and would
    // be, though an index answers it): a plan that still scans has no index to use.
    // A GIN index answers "the value anywhere in the document" ($.** == v) only with the
    // jsonb_ops operator class, which indexes every value apart: jsonb_path_ops indexes values
    // under their paths, so a wildcard path reads the whole index, and its plan still shows an
    // index scan. The columns led by a jsonb_ops GIN index, read in the same round trip.
    // (Read before sequential scans are priced out: the catalog's own small tables are
    // read by scans, and without them this one statement takes hundreds of milliseconds.)
    std::vector<pg::Connection::Statement> explains{
        {catalog::sql::jsonbOpsIndexes()},
        {QStringLiteral("SELECT set_config('enable_seqscan', 'off', true)")}};
    std::vector<qsizetype> asked;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (!out[i].indexed)
            continue;
        std::vector<pg::Param> params(out[i].params.cbegin(), out[i].params.cend());
        params.emplace_back(qint64(1));
        explains.push_back({QStringLiteral("EXPLAIN (FORMAT JSON) ") + out[i].select, params});
        asked.push_back(i);
    }
    if (explains.size() > 2) {
        const std::vector<pg::Result> plans = conn.pipeline(explains, pg::Connection::Framing{true, true, {}, true});
        QSet<QPair<qint64, int>> valueIndexed;
        for (int row = 0; row < plans[0].rowCount(); ++row)
            valueIndexed.insert({plans[0].toLongLong(row, 0), int(plans[0].toLongLong(row, 1))});
        for (size_t k = 0; k + 2 < plans.size(); ++k) {
            const auto plan = nlohmann::json::parse(plans[k + 2].value(0, 0).toStdString(), nullptr, false);
            const bool scans = !plan.is_array() || plan.empty() || planScans(plan.front().value("Plan", nlohmann::json()));
            const auto document = documentColumn.constFind(asked[k]);
            out[asked[k]].indexed = !scans && (document == documentColumn.cend() || valueIndexed.contains(*document));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Lookup &a, const Lookup &b) {
        const int ra = kindRank(a.kind), rb = kindRank(b.kind);
        if (ra != rb)
            return ra < rb;
        return a.relation() < b.relation();
    });
    return out;
}

void Finder::run(pg::Connection &conn, const QList<Lookup> &lookups, const Options &options,
                 const std::function<void(const Hit &)> &hit, TaskContext *ctx)
{
    if (options.limit < 1 || options.limit > 10000)
        throw Error::invalidInput(tr("At most %1 rows per lookup is out of range: 1 to 10000.").arg(options.limit));
    const QString database = conn.database();
    int done = 0;
    const int total = int(std::count_if(lookups.cbegin(), lookups.cend(),
                                        [&](const Lookup &l) { return l.indexed || options.scan; }));
    const auto deliver = [&](const Lookup &l, const pg::Result &r) {
        // The statement's columns: the key, the time, the summary's, then the context's.
        const int keys = int(l.keyColumns.size());
        for (int row = 0; row < r.rowCount(); ++row) {
            Hit h;
            h.database = database;
            h.kind = l.kind;
            h.schema = l.schema;
            h.table = l.table;
            h.column = l.column;
            h.keyColumns = l.keyColumns;
            for (int c = 0; c < keys; ++c)
                h.keyValues << (r.isNull(row, c) ? QStringLiteral("NULL") : r.value(row, c));
            h.at = r.isNull(row, keys) ? QString() : r.value(row, keys);
            QStringList summary;
            for (int c = 0; c < l.summaryColumns.size(); ++c)
                summary << QStringLiteral("%1=%2").arg(l.summaryColumns[c], r.isNull(row, keys + 1 + c)
                                                                                ? QStringLiteral("NULL")
                                                                                : r.value(row, keys + 1 + c));
            h.summary = summary.join(QStringLiteral(" "));
            const int context = keys + 1 + int(l.summaryColumns.size());
            for (int c = 0; c < l.contextRoles.size(); ++c)
                if (!r.isNull(row, context + c))
                    h.context.insert(l.contextRoles[c], r.value(row, context + c));
            hit(h);
        }
    };
    // What an index answers: every such lookup in one round trip, as planned (sequential
    // scans priced out, so each runs by its index).
    std::vector<pg::Connection::Statement> batch{{QStringLiteral("SELECT set_config('enable_seqscan', 'off', true)")}};
    QList<const Lookup *> batched;
    for (const Lookup &l : lookups) {
        if (!l.indexed)
            continue;
        std::vector<pg::Param> params(l.params.cbegin(), l.params.cend());
        params.emplace_back(qint64(options.limit));
        batch.push_back({l.select, params});
        batched << &l;
    }
    if (!batched.isEmpty()) {
        if (ctx) {
            ctx->throwIfCancelled();
            ctx->progress(done, total, tr("Looking in %n indexed column(s)", nullptr, int(batched.size())));
        }
        const std::vector<pg::Result> results = conn.pipeline(batch, pg::Connection::Framing{true, true, {}, true});
        for (qsizetype i = 0; i < batched.size(); ++i)
            deliver(*batched[i], results[size_t(i) + 1]);
        done += int(batched.size());
    }
    // Asked to: what only a scan finds, one table at a time (each cancellable).
    for (const Lookup &l : lookups) {
        if (l.indexed || !options.scan)
            continue;
        if (ctx) {
            ctx->throwIfCancelled();
            ctx->progress(done, total, tr("Looking in %1.%2").arg(l.relation(), l.column));
        }
        std::vector<pg::Param> params(l.params.cbegin(), l.params.cend());
        params.emplace_back(qint64(options.limit));
        deliver(l, conn.exec(l.select, params));
        ++done;
    }
    if (ctx)
        ctx->progress(total, total, tr("Every lookup done"));
}

} // namespace statescope::find
