#include "core/shard/shardreader.h"

#include "core/catalog/lookup.h"
#include "core/layout/layout.h"

#include "core/browse/schema.h"
#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "core/timestamp.h"
#include "core/validate.h"

#include <QScopeGuard>

#include <algorithm>
#include <mutex>
#include <thread>
#include <tuple>

namespace statescope::shard {

namespace {

// One value of the order, compared as its type sorts (numbers as numbers, times as instants);
// other types by their text's bytes. A member's own rows always come in its server's order,
// so even where this differs from a collation's, every row is shown once.
int compareCell(layout::TypeClass cls, const QByteArray &a, const QByteArray &b)
{
    if (cls == layout::TypeClass::Int) {
        const auto x = validate::wholeNumber(QString::fromLatin1(a));
        const auto y = validate::wholeNumber(QString::fromLatin1(b));
        if (x && y)
            return *x < *y ? -1 : (*x > *y ? 1 : 0);
        bool okA = false, okB = false;
        const double dx = a.toDouble(&okA), dy = b.toDouble(&okB);
        if (okA && okB)
            return dx < dy ? -1 : (dx > dy ? 1 : 0);
    } else if (cls == layout::TypeClass::Time) {
        const auto x = Timestamp::parse(QString::fromLatin1(a));
        const auto y = Timestamp::parse(QString::fromLatin1(b));
        if (x && y)
            return x->usecsSinceEpoch() < y->usecsSinceEpoch() ? -1 : (x->usecsSinceEpoch() > y->usecsSinceEpoch() ? 1 : 0);
    }
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

layout::TypeClass classOf(const browse::RelationDetails &d, const QString &column)
{
    const browse::ColumnInfo *c = d.column(column);
    return c ? c->typeClass : layout::TypeClass::Text;
}

// <0 when a comes before b in the display order (NULLs of the sort column last).
int compareRows(const browse::RelationDetails &d, const browse::Order &order, const browse::Row &a,
                const browse::Row &b)
{
    const int dir = order.descending ? -1 : 1;
    if (!order.column.isEmpty() && (a.sortValue || b.sortValue)) {
        if (!a.sortValue)
            return 1;
        if (!b.sortValue)
            return -1;
        if (const int c = compareCell(classOf(d, order.column), *a.sortValue, *b.sortValue))
            return c * dir;
    }
    for (int k = 0; k < d.key.size() && size_t(k) < a.key.size() && size_t(k) < b.key.size(); ++k)
        if (const int c = compareCell(classOf(d, d.key[k]), a.key[size_t(k)], b.key[size_t(k)]))
            return c * dir;
    return 0;
}

// Runs fn(member) for each member on a thread of its own; what each throws is kept per member.
template <class Fn>
std::vector<std::optional<Error>> eachAtOnce(const QList<int> &members, int total, Fn fn)
{
    std::vector<std::optional<Error>> errors(static_cast<size_t>(total));
    const auto one = [&](int i) {
        try {
            fn(i);
        } catch (const Error &e) {
            errors[size_t(i)] = e;
        } catch (const std::exception &e) {
            errors[size_t(i)] = Error(Error::Kind::Internal, QString::fromLocal8Bit(e.what()));
        }
    };
    // One member (a routed read) is read here: a thread would cost a fifth of the read.
    if (members.size() == 1) {
        one(members.first());
        return errors;
    }
    std::vector<std::thread> threads;
    for (int i : members)
        threads.emplace_back(one, i);
    for (std::thread &t : threads)
        t.join();
    return errors;
}

QByteArray jsonBytes(const nlohmann::json &v)
{
    if (!v.is_string())
        throw Error::invalidInput(ShardReader::tr("A shard cursor's values are strings."));
    return QByteArray::fromStdString(v.get<std::string>());
}

} // namespace

nlohmann::json Cursor::toJson() const
{
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < after.size(); ++i) {
        if (i < ended.size() && ended[i]) {
            out.push_back("end");
        } else if (!after[i]) {
            out.push_back(nullptr);
        } else {
            nlohmann::json key = nlohmann::json::array();
            for (const QByteArray &k : after[i]->key)
                key.push_back(k.toStdString());
            nlohmann::json p{{"key", key}};
            p["sort"] = after[i]->sortValue ? nlohmann::json(after[i]->sortValue->toStdString()) : nlohmann::json();
            out.push_back(p);
        }
    }
    return out;
}

Cursor Cursor::fromJson(const nlohmann::json &doc, int members)
{
    if (!doc.is_array() || int(doc.size()) != members)
        throw Error::invalidInput(ShardReader::tr("A cursor of this shard set has one entry per shard (%1).").arg(members));
    Cursor c;
    c.after.resize(size_t(members));
    c.ended.resize(size_t(members), false);
    for (int i = 0; i < members; ++i) {
        const nlohmann::json &e = doc[size_t(i)];
        if (e.is_string() && e.get<std::string>() == "end") {
            c.ended[size_t(i)] = true;
        } else if (e.is_object() && e.contains("key") && e["key"].is_array()) {
            browse::Position p;
            for (const auto &k : e["key"])
                p.key.push_back(jsonBytes(k));
            if (e.contains("sort") && !e["sort"].is_null())
                p.sortValue = jsonBytes(e["sort"]);
            c.after[size_t(i)] = p;
        } else if (!e.is_null()) {
            throw Error::invalidInput(ShardReader::tr("Entry %1 of the cursor is not a place in a shard.").arg(i + 1));
        }
    }
    return c;
}

ShardReader::ShardReader(ShardSet set) : m_set(std::move(set))
{
    m_conns.resize(size_t(m_set.members.size()));
    m_details.resize(size_t(m_set.members.size()));
    m_guardChecked.resize(size_t(m_set.members.size()));
}

ShardReader::~ShardReader() = default;

void ShardReader::release()
{
    for (auto &c : m_conns)
        if (c)
            c->bindCancelToken(nullptr);
}

void ShardReader::markDown(int member, const QString &error)
{
    clearDown(member);
    m_down.append({member, m_set.members[member].displayLabel(), error});
}

void ShardReader::clearDown(int member)
{
    m_down.removeIf([member](const Down &d) { return d.member == member; });
}

std::unique_ptr<pg::Connection> &ShardReader::open(int member, CancelToken &cancel)
{
    std::unique_ptr<pg::Connection> &c = m_conns[size_t(member)];
    if (c && !c->isAlive()) {
        c.reset();
        m_details[size_t(member)].clear();
    }
    if (!c) {
        m_guardChecked[size_t(member)].clear(); // a new session is checked anew
        c = pg::Connection::open(m_set.members[member].settings, pg::Connection::Access::ReadOnly, &cancel);
    } else {
        c->bindCancelToken(&cancel);
    }
    return c;
}

pg::Connection *ShardReader::connection(int member, CancelToken &cancel)
{
    const auto failed = m_failedAt.find(member);
    if (failed != m_failedAt.end() && std::chrono::steady_clock::now() - failed->second < kRetryDown
        && !m_conns[size_t(member)])
        return nullptr; // still in down(), with the error it gave
    try {
        pg::Connection *c = open(member, cancel).get();
        clearDown(member);
        m_failedAt.erase(member);
        return c;
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::Connection)
            throw;
        markDown(member, e.oneLine());
        m_failedAt[member] = std::chrono::steady_clock::now();
        return nullptr;
    }
}

// What each member's answer leaves: the down ones marked, the first other failure thrown.
void ShardReader::settle(const QList<int> &asked, const std::vector<std::optional<Error>> &errors)
{
    for (int i : asked) {
        if (!errors[size_t(i)]) {
            clearDown(i);
            continue;
        }
        if (errors[size_t(i)]->kind() != Error::Kind::Connection)
            continue;
        m_conns[size_t(i)].reset();
        markDown(i, errors[size_t(i)]->oneLine());
        m_failedAt[i] = std::chrono::steady_clock::now(); // as a failed connect: not asked again at once
    }
    for (int i : asked)
        if (errors[size_t(i)] && errors[size_t(i)]->kind() != Error::Kind::Connection) {
            const Error &e = *errors[size_t(i)];
            if (e.kind() == Error::Kind::Cancelled || e.kind() == Error::Kind::InvalidInput)
                throw e;
            throw Error(e.kind(), tr("%1: %2").arg(m_set.members[i].displayLabel(), e.message()), e.detail(),
                        e.hint(), e.sqlstate());
        }
}

const browse::RelationDetails &ShardReader::details(int member, const QString &schema, const QString &table)
{
    auto &cache = m_details[size_t(member)];
    const QString key = schema + QLatin1Char('.') + table;
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, browse::readPagingDetails(*m_conns[size_t(member)], schema, table)).first;
    return it->second;
}

Page ShardReader::page(const QString &schema, const QString &table, const QList<browse::Filter> &filters,
                       const browse::Order &order, const Cursor &from, int limit, CancelToken &cancel)
{
    const auto unbind = qScopeGuard([this] { release(); }); // no connection keeps the caller's token
    if (limit < 1 || limit > 100000)
        throw Error::invalidInput(tr("A page holds 1 to 100000 rows, not %1.").arg(limit));
    const int n = int(m_set.members.size());
    Page out;
    out.next = from.after.empty() ? Cursor{std::vector<std::optional<browse::Position>>(size_t(n)),
                                           std::vector<bool>(size_t(n), false)}
                                  : from;
    if (int(out.next.after.size()) != n || int(out.next.ended.size()) != n)
        throw Error::invalidInput(tr("A cursor of this shard set has one entry per shard (%1).").arg(n));
    // An Equals filter on a column the rule goes by names the one shard to read.
    for (int i = 0; i < n; ++i)
        out.asked << i;
    for (const browse::Filter &f : filters)
        if (f.op == browse::Filter::Op::Equals)
            if (const auto m = route(schema, table, f.column, f.value, cancel)) {
                out.asked = {*m};
                for (int i = 0; i < n; ++i)
                    if (i != *m)
                        out.next.ended[size_t(i)] = true;
                break;
            }
    QList<int> wanted, reading; // connections are opened here, read on a thread each
    for (int i : std::as_const(out.asked))
        if (!out.next.ended[size_t(i)]) {
            wanted << i;
            if (connection(i, cancel))
                reading << i;
        }
    std::vector<QList<browse::Row>> rows(static_cast<size_t>(n));
    const auto errors = eachAtOnce(reading, n, [&](int i) {
        pg::Connection &conn = *m_conns[size_t(i)];
        browse::RowSource source(conn, details(i, schema, table));
        if (!source.keyed())
            throw Error(Error::Kind::Conflict, tr("%1.%2 has no key on this shard, so its rows cannot be merged by it.")
                                                   .arg(schema, table));
        source.check(filters, order);
        rows[size_t(i)] = source.page(filters, order, out.next.after[size_t(i)], false, limit);
    });
    settle(reading, errors);
    QList<int> live;
    for (int i : std::as_const(reading))
        if (!errors[size_t(i)])
            live << i;
    if (live.isEmpty()) {
        for (const Down &d : std::as_const(m_down))
            if (wanted.contains(d.member))
                out.down << d;
        out.atEnd = wanted.isEmpty();
        return out;
    }
    const browse::RelationDetails &shape = details(live.first(), schema, table);
    for (const browse::ColumnInfo &c : shape.columns)
        out.columns << c.name;
    for (int i : std::as_const(live)) {
        QStringList names;
        for (const browse::ColumnInfo &c : details(i, schema, table).columns)
            names << c.name;
        if (names != out.columns || details(i, schema, table).key != shape.key)
            throw Error(Error::Kind::Conflict,
                        tr("%1.%2 is not the same table on %3 and %4 (its columns or key differ), so its rows "
                           "cannot be shown as one table.")
                            .arg(schema, table, m_set.members[live.first()].displayLabel(),
                                 m_set.members[i].displayLabel()),
                        {}, tr("Compare the shards' schemas (db diff) and bring them together first."));
    }
    // The k-way merge: the smallest head each time, `limit` times at most.
    std::vector<qsizetype> head(static_cast<size_t>(n), 0);
    while (out.rows.size() < limit) {
        int best = -1;
        for (int i : std::as_const(live))
            if (head[size_t(i)] < rows[size_t(i)].size()
                && (best < 0 || compareRows(shape, order, rows[size_t(i)][head[size_t(i)]],
                                            rows[size_t(best)][head[size_t(best)]]) < 0))
                best = i;
        if (best < 0)
            break;
        const browse::Row &r = rows[size_t(best)][head[size_t(best)]++];
        out.next.after[size_t(best)] = browse::Position{r.sortValue, r.key};
        out.rows.append(r);
        out.member.append(best);
    }
    // A member that gave fewer rows than asked and had all of them taken has no more.
    for (int i : std::as_const(live))
        if (rows[size_t(i)].size() < limit && head[size_t(i)] == rows[size_t(i)].size())
            out.next.ended[size_t(i)] = true;
    out.atEnd = true;
    for (int i : std::as_const(out.asked))
        if (!out.next.ended[size_t(i)] && live.contains(i))
            out.atEnd = false;
    for (const Down &d : std::as_const(m_down))
        if (wanted.contains(d.member))
            out.down << d;
    return out;
}

Count ShardReader::count(const QString &schema, const QString &table, const QList<browse::Filter> &filters,
                         bool exact, CancelToken &cancel)
{
    const auto unbind = qScopeGuard([this] { release(); }); // no connection keeps the caller's token
    const int n = int(m_set.members.size());
    QList<int> all;
    for (int i = 0; i < n; ++i)
        if (connection(i, cancel))
            all << i;
    std::vector<qint64> counts(static_cast<size_t>(n), -1);
    const auto errors = eachAtOnce(all, n, [&](int i) {
        browse::RowSource source(*m_conns[size_t(i)], details(i, schema, table));
        source.check(filters, {});
        counts[size_t(i)] = exact ? source.exactCount(filters) : source.estimateCount(filters);
    });
    settle(all, errors);
    Count out;
    out.exact = exact;
    for (int i = 0; i < n; ++i) {
        out.perMember << counts[size_t(i)];
        if (counts[size_t(i)] > 0)
            out.rows += counts[size_t(i)];
    }
    for (const Down &d : std::as_const(m_down))
        out.down << d;
    return out;
}

QList<Misplaced> ShardReader::check(TaskContext *ctx)
{
    CancelToken own;
    CancelToken &cancel = ctx ? ctx->cancelToken() : own;
    const auto unbind = qScopeGuard([this] { release(); }); // before `own` goes
    QList<Misplaced> out;
    const int n = int(m_set.members.size());
    for (int i = 0; i < n; ++i) {
        pg::Connection *conn = connection(i, cancel);
        if (!conn)
            continue;
        const QStringList tables = catalog::ownTables(*conn);
        for (int t = 0; t < int(tables.size()); ++t) {
            cancel.throwIfCancelled();
            const QString name = tables[t];
            if (ctx)
                ctx->progress(i * 1000 + t * 1000 / std::max(1, int(tables.size())), n * 1000,
                              tr("Checking %1 on %2").arg(name, m_set.members[i].displayLabel()));
            const QString sql = QStringLiteral("SELECT v, count(*) FROM (%1 AS r) AS placed GROUP BY v ORDER BY v")
                                    .arg(ruleSelect(name));
            browse::SqlGuard::check(*conn, sql);
            pg::Result r;
            try {
                r = conn->exec(sql);
            } catch (const Error &e) {
                if (e.sqlstate() == QLatin1String("42703")) // the rule does not apply to this table
                    continue;
                throw;
            }
            for (int row = 0; row < r.rowCount(); ++row) {
                const int value = r.isNull(row, 0) ? -1 : r.toInt(row, 0);
                const int owner = value < 0 ? -1 : m_set.memberOf(value);
                if (owner != i)
                    out.append({i, name, value, owner, r.toLongLong(row, 1)});
            }
        }
    }
    return out;
}

} // namespace statescope::shard
