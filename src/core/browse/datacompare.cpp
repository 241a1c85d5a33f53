#include "core/browse/datacompare.h"
#include "core/browse/valueorder.h"

#include "core/browse/sqlguard.h"

#include "core/browse/schema.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace statescope::browse {

namespace {

using namespace values;


bool isText(const QString &type)
{
    return type == QLatin1String("text") || type.startsWith(QLatin1String("character")) || type == QLatin1String("name");
}

struct Side
{
    std::unique_ptr<pg::Connection> conn;
    std::optional<RelationDetails> details; // nullopt: not there
};

QPair<QString, QString> splitName(const QString &table)
{
    const qsizetype dot = table.indexOf(QLatin1Char('.'));
    return dot < 0 ? qMakePair(QStringLiteral("public"), table) : qMakePair(table.left(dot), table.mid(dot + 1));
}

std::optional<RelationDetails> detailsOf(pg::Connection &conn, const QString &schema, const QString &name)
{
    if (!catalog::relationExists(conn, schema, name))
        return std::nullopt;
    return readDetails(conn, schema, name);
}

// A chosen key that no unique index guarantees: checked on the rows (no NULL in it, no
// value twice).
void requireUnique(pg::Connection &conn, const QString &relation, const QStringList &key, const QString &where)
{
    QStringList cols, nulls;
    for (const QString &k : key) {
        cols << layout::quoteIdent(k);
        nulls << layout::quoteIdent(k) + QStringLiteral(" IS NULL");
    }
    const qint64 withNull = conn.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(relation, nulls.join(QStringLiteral(" OR "))))
                                .toLongLong(0, 0);
    if (withNull > 0)
        throw Error::invalidInput(
            DataCompare::tr("The key (%1) is NULL in %2 row(s) of %3, which it cannot identify; nothing was compared.")
                .arg(key.join(QStringLiteral(", ")))
                .arg(withNull)
                .arg(where),
            DataCompare::tr("Choose columns that identify a row (the primary key, or a unique index's)."));
    const auto r = conn.exec(QStringLiteral("SELECT %1::text, count(*) FROM %2 GROUP BY %3 HAVING count(*) > 1 LIMIT 1")
                                 .arg(key.size() == 1 ? cols.first() : QStringLiteral("ROW(%1)").arg(cols.join(QStringLiteral(", "))),
                                      relation, cols.join(QStringLiteral(", "))));
    if (r.rowCount() > 0)
        throw Error::invalidInput(
            DataCompare::tr("The key (%1) is not unique in %2: %3 appears %4 times; nothing was compared.")
                .arg(key.join(QStringLiteral(", ")), where, r.value(0, 0), r.value(0, 1)),
            DataCompare::tr("Choose columns that identify a row (the primary key, or a unique index's)."));
}

QString orderBy(const QStringList &key, const QStringList &types)
{
    QStringList parts;
    for (int i = 0; i < key.size(); ++i)
        parts << layout::quoteIdent(key[i]) + (isText(types[i]) ? QStringLiteral(" COLLATE \"C\"") : QString());
    return parts.join(QStringLiteral(", "));
}

DataCompare::Plan planTable(Side &a, Side &b, const DataCompare::Options &options, const QString &fromName,
                            const QString &toName)
{
    DataCompare::Plan plan;
    const auto [schema, name] = splitName(options.table);
    plan.name = schema + QLatin1Char('.') + name;
    a.details = detailsOf(*a.conn, schema, name);
    b.details = detailsOf(*b.conn, schema, name);
    if (!a.details && !b.details)
        throw Error(Error::Kind::NotFound, DataCompare::tr("There is no table %1 in %2 nor in %3.").arg(plan.name, fromName, toName));
    if (!a.details)
        plan.missingOn = QStringLiteral("from");
    if (!b.details)
        plan.missingOn = QStringLiteral("to");
    const RelationDetails &any = a.details ? *a.details : *b.details;
    plan.key = options.key.isEmpty() ? any.key : options.key;
    if (plan.key.isEmpty())
        throw Error::invalidInput(DataCompare::tr("%1 has no primary key or unique index to match rows by.").arg(plan.name),
                                  DataCompare::tr("Name the columns that identify a row (--key)."));
    // The key: there on both sides, of one type.
    for (const QString &k : plan.key) {
        const ColumnInfo *ca = a.details ? a.details->column(k) : nullptr;
        const ColumnInfo *cb = b.details ? b.details->column(k) : nullptr;
        if ((a.details && !ca) || (b.details && !cb))
            throw Error::invalidInput(DataCompare::tr("The key column %1 is not in %2 of %3.")
                                          .arg(k, plan.name, a.details && !ca ? fromName : toName));
        if (ca && cb && ca->type != cb->type)
            throw Error::invalidInput(DataCompare::tr("The key column %1 is %2 in %3 and %4 in %5: rows cannot be matched.")
                                          .arg(k, ca->type, fromName, cb->type, toName));
        const QString type = ca ? ca->type : cb->type;
        if (!orderOf(type))
            throw Error::invalidInput(DataCompare::tr("The key column %1 is %2, which cannot be ordered alike on both "
                                                      "sides; choose other key columns (numbers, text, uuids, times).")
                                          .arg(k, type));
        plan.keyTypes << type;
    }
    for (auto *side : {&a, &b})
        if (side->details && !options.key.isEmpty() && side->details->key != plan.key)
            requireUnique(*side->conn, layout::quoteIdent(schema) + QLatin1Char('.') + layout::quoteIdent(name), plan.key,
                          side == &a ? fromName : toName);
    // The columns both have are compared; the others are named.
    const auto columnsOf = [&](const std::optional<RelationDetails> &d) {
        QStringList out;
        if (d)
            for (const ColumnInfo &c : d->columns)
                if (!plan.key.contains(c.name))
                    out << c.name;
        return out;
    };
    const QStringList ca = columnsOf(a.details), cb = columnsOf(b.details);
    const QStringList &base = a.details ? ca : cb;
    for (const QString &c : base)
        if (plan.missingOn.isEmpty() ? cb.contains(c) : true)
            plan.columns << c;
    if (plan.missingOn.isEmpty()) {
        for (const QString &c : ca)
            if (!cb.contains(c))
                plan.onlyFrom << c;
        for (const QString &c : cb)
            if (!ca.contains(c))
                plan.onlyTo << c;
        for (const QString &c : plan.columns)
            if (a.details->column(c)->type != b.details->column(c)->type)
                plan.typeDiffers << c;
    }
    for (const QString &c : plan.columns) {
        const browse::ColumnInfo *info = (a.details ? a.details : b.details)->column(c);
        plan.columnTypes << info->type;
        plan.columnTypeOids << info->typeOid;
    }
    QStringList select;
    for (const QString &c : plan.key + plan.columns)
        select << layout::quoteIdent(c);
    const QString sql = QStringLiteral("SELECT %1 FROM %2.%3 ORDER BY %4")
                            .arg(select.join(QStringLiteral(", ")), layout::quoteIdent(schema), layout::quoteIdent(name),
                                 orderBy(plan.key, plan.keyTypes));
    plan.fromSelect = a.details ? sql : QString();
    plan.toSelect = b.details ? sql : QString();
    return plan;
}

// One kind of game data, read through each side's layout under canonical names.
DataCompare::Plan planKind(Side &a, Side &b, layout::Kind kind)
{
    DataCompare::Plan plan;
    const layout::KindSpec &spec = layout::spec(kind);
    plan.name = QLatin1String(spec.label);
    QStringList key;
    QString latest; // the rows kept per key: the newest (a key that repeats)
    switch (kind) {
    case layout::Kind::Snapshots:
        key = {QStringLiteral("tick_number")};
        latest = QStringLiteral("created_at DESC NULLS LAST, id DESC");
        break;
    case layout::Kind::Games: key = {QStringLiteral("id")}; break;
    case layout::Kind::Plays: key = {QStringLiteral("game_id"), QStringLiteral("play_number")}; break;
    case layout::Kind::Saves:
        key = {QStringLiteral("player_id")};
        latest = QStringLiteral("created_at DESC NULLS LAST, snapshot_id DESC");
        break;
    case layout::Kind::ApiEvents:
        key = {QStringLiteral("request_key")};
        latest = QStringLiteral("fetched_at DESC NULLS LAST, id DESC");
        break;
    default:
        throw Error::invalidInput(DataCompare::tr("%1 cannot be compared by kind; compare its table instead.").arg(plan.name));
    }
    plan.key = key;
    const auto layoutA = layout::of(*a.conn);
    const auto layoutB = layout::of(*b.conn);
    const layout::Relation &ra = layoutA->require(kind, key, DataCompare::tr("comparing %1").arg(plan.name));
    const layout::Relation &rb = layoutB->require(kind, key, DataCompare::tr("comparing %1").arg(plan.name));
    for (const QString &k : key) {
        const QString ta = ra.columns.at(k).type, tb = rb.columns.at(k).type;
        if (ta != tb)
            throw Error::invalidInput(DataCompare::tr("The key column %1 of %2 is %3 on one side and %4 on the other.")
                                          .arg(k, plan.name, ta, tb));
        if (!orderOf(ta))
            throw Error::invalidInput(DataCompare::tr("The key column %1 of %2 is %3, which cannot be ordered alike on "
                                                      "both sides.").arg(k, plan.name, ta));
        plan.keyTypes << ta;
    }
    // Compared: the roles both have, but the key and the row's own id (which differ from one
    // database to the next).
    for (const layout::RoleSpec &r : spec.roles) {
        const QString role = QLatin1String(r.role);
        if (key.contains(role) || role == QLatin1String("id") || role == QLatin1String("snapshot_id"))
            continue;
        if (ra.has(role) && rb.has(role)) {
            plan.columns << role;
            plan.columnTypes << ra.columns.at(role).type;
        }
        else if (ra.has(role))
            plan.onlyFrom << role;
        else if (rb.has(role))
            plan.onlyTo << role;
    }
    const auto selectFor = [&](const layout::Layout &l) {
        QStringList cols;
        for (const QString &c : key + plan.columns)
            cols << c;
        const QString order = orderBy(key, plan.keyTypes);
        const QString notNull = key.join(QStringLiteral(" IS NOT NULL AND ")) + QStringLiteral(" IS NOT NULL");
        if (latest.isEmpty())
            return l.sql(QStringLiteral("SELECT %1 FROM {%2} WHERE %3 ORDER BY %4")
                             .arg(cols.join(QStringLiteral(", ")), QLatin1String(spec.key), notNull, order));
        // DISTINCT ON must lead with what ORDER BY leads with (the collation too).
        QStringList distinct;
        for (int i = 0; i < key.size(); ++i)
            distinct << key[i] + (isText(plan.keyTypes[i]) ? QStringLiteral(" COLLATE \"C\"") : QString());
        return l.sql(QStringLiteral("SELECT DISTINCT ON (%1) %2 FROM {%3} WHERE %4 ORDER BY %5, %6")
                         .arg(distinct.join(QStringLiteral(", ")), cols.join(QStringLiteral(", ")), QLatin1String(spec.key),
                              notNull, order, latest));
    };
    plan.fromSelect = selectFor(*layoutA);
    plan.toSelect = selectFor(*layoutB);
    return plan;
}

// One side's rows, read on a thread of its own a page at a time into a short queue.
class Reader
{
public:
    Reader(const pg::ConnectionSettings &db, QString select, int pageRows, CancelToken &cancel)
        : m_select(std::move(select)), m_pageRows(pageRows)
    {
        if (m_select.isEmpty()) {
            m_done = true;
            return;
        }
        m_thread = std::thread([this, db, &cancel] { read(db, cancel); });
    }
    ~Reader()
    {
        {
            std::lock_guard guard(m_lock);
            m_stop = true;
        }
        m_changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    // The next page; an empty Result at the end. Rethrows what the reader met.
    pg::Result next()
    {
        std::unique_lock guard(m_lock);
        m_changed.wait(guard, [this] { return !m_pages.empty() || m_done; });
        if (!m_pages.empty()) {
            pg::Result r = std::move(m_pages.front());
            m_pages.pop_front();
            m_changed.notify_all();
            return r;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return {};
    }

private:
    void read(const pg::ConnectionSettings &db, CancelToken &cancel)
    {
        try {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &cancel);
            conn->begin();
            // Every setting a value's text depends on, pinned: times in UTC and ISO (their text
            // sorts as they do), intervals, bytea in hex, floats in their shortest exact form,
            // money without the server's locale.
            conn->exec(QStringLiteral("SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),"
                                      " set_config('IntervalStyle', 'postgres', true), set_config('bytea_output', 'hex', true),"
                                      " set_config('extra_float_digits', '1', true), set_config('lc_monetary', 'C', true)"));
            conn->exec(QStringLiteral("DECLARE statescope_compare NO SCROLL CURSOR FOR ") + m_select);
            const QString fetch = QStringLiteral("FETCH FORWARD %1 FROM statescope_compare").arg(m_pageRows);
            for (;;) {
                pg::Result page = conn->exec(fetch);
                const bool last = page.rowCount() < m_pageRows;
                std::unique_lock guard(m_lock);
                m_changed.wait(guard, [this] { return m_pages.size() < 3 || m_stop; });
                if (m_stop)
                    break;
                if (page.rowCount() > 0)
                    m_pages.push_back(std::move(page));
                m_changed.notify_all();
                if (last)
                    break;
            }
            conn->rollbackQuietly();
        } catch (...) {
            std::lock_guard guard(m_lock);
            m_error = std::current_exception();
        }
        std::lock_guard guard(m_lock);
        m_done = true;
        m_changed.notify_all();
    }

    QString m_select;
    int m_pageRows;
    std::thread m_thread;
    std::mutex m_lock;
    std::condition_variable m_changed;
    std::deque<pg::Result> m_pages;
    bool m_done = false;
    bool m_stop = false;
    std::exception_ptr m_error;
};

// A cursor over a Reader's rows.
struct Rows
{
    Reader &reader;
    pg::Result page;
    int row = 0;
    bool end = false;

    bool advance()
    {
        ++row;
        return fill();
    }
    bool fill()
    {
        while (!end && row >= page.rowCount()) {
            page = reader.next();
            row = 0;
            end = page.rowCount() == 0;
        }
        return !end;
    }
};

int compareKeys(const Rows &a, const Rows &b, const std::vector<Order> &orders)
{
    for (int k = 0; k < int(orders.size()); ++k) {
        const QByteArrayView va = a.page.view(a.row, k), vb = b.page.view(b.row, k);
        if (orders[size_t(k)] == Order::Number) {
            const qint64 x = va.toLongLong(), y = vb.toLongLong();
            if (x != y)
                return x < y ? -1 : 1;
            continue;
        }
        if (orders[size_t(k)] == Order::Time) {
            if (const int c = compareTimes(va, vb))
                return c;
            continue;
        }
        const int c = std::memcmp(va.data(), vb.data(), size_t(std::min(va.size(), vb.size())));
        if (c != 0)
            return c < 0 ? -1 : 1;
        if (va.size() != vb.size())
            return va.size() < vb.size() ? -1 : 1;
    }
    return 0;
}

std::vector<std::optional<QByteArray>> valuesOf(const Rows &r, int keys, int columns)
{
    std::vector<std::optional<QByteArray>> out;
    out.reserve(size_t(columns));
    for (int c = keys; c < keys + columns; ++c)
        out.push_back(r.page.isNull(r.row, c) ? std::nullopt : std::optional<QByteArray>(r.page.bytes(r.row, c)));
    return out;
}

std::vector<QByteArray> keyOf(const Rows &r, int keys)
{
    std::vector<QByteArray> out;
    for (int k = 0; k < keys; ++k)
        out.push_back(r.page.bytes(r.row, k));
    return out;
}

} // namespace

QString DataCompare::Plan::valuesRule() const
{
    return values == Options::Values::Text ? DataCompare::tr("values compared as printed, byte for byte")
                                           : DataCompare::tr("values compared as SQL compares them (numeric 1.0 = 1.00, float -0 = 0, "
                                                "interval 1 day = 24:00:00, jsonb by value; in arrays, ranges and domains "
                                                "too), other types as printed");
}

QString RowDifference::typeName(Type type)
{
    switch (type) {
    case Type::Added: return QStringLiteral("added");
    case Type::Removed: return QStringLiteral("removed");
    case Type::Changed: break;
    }
    return QStringLiteral("changed");
}

DataCompare::Plan DataCompare::plan(const pg::ConnectionSettings &from, const pg::ConnectionSettings &to,
                                    const Options &options, CancelToken *cancel)
{
    if (options.table.isEmpty() == !options.kind.has_value())
        throw Error::invalidInput(tr("Name a table or a kind of game data to compare, not both."));
    if (options.pageRows < 1)
        throw Error::invalidInput(tr("The page size must be positive."));
    Side a{pg::Connection::open(from, pg::Connection::Access::ReadOnly, cancel), {}};
    Side b{pg::Connection::open(to, pg::Connection::Access::ReadOnly, cancel), {}};
    const QString fromName = from.database(), toName = to.database();
    // Checked before anything reads the table (planning probes the key's uniqueness).
    if (!options.table.isEmpty()) {
        SqlGuard::checkObjects(*a.conn, QStringLiteral("TABLE ") + options.table);
        SqlGuard::checkObjects(*b.conn, QStringLiteral("TABLE ") + options.table);
    }
    Plan plan = options.kind ? planKind(a, b, *options.kind) : planTable(a, b, options, fromName, toName);
    plan.values = options.values;
    // What each side will read may call what a superuser's session must not run (a view over
    // a function): checked on each side as typed SQL is.
    if (!plan.fromSelect.isEmpty())
        SqlGuard::checkObjects(*a.conn, plan.fromSelect);
    if (!plan.toSelect.isEmpty())
        SqlGuard::checkObjects(*b.conn, plan.toSelect);
    return plan;
}

DataCompare::Counts DataCompare::run(const Plan &plan, const pg::ConnectionSettings &from,
                                     const pg::ConnectionSettings &to,
                                     const std::function<bool(const RowDifference &)> &sink, CancelToken &cancel,
                                     int pageRows)
{
    std::vector<Order> orders;
    for (const QString &t : plan.keyTypes)
        orders.push_back(*orderOf(t));
    const int keys = int(plan.key.size());
    const int columns = int(plan.columns.size());
    std::vector<Equality> equality;
    for (int c = 0; c < columns; ++c)
        equality.push_back(plan.values == Options::Values::Text || c >= plan.columnTypes.size()
                                   || plan.typeDiffers.contains(plan.columns.at(c))
                               ? Equality{}
                               : equalityOf(plan.columnTypes.at(c), plan.columnTypeOids.value(c)));
    Counts counts;
    Reader readerA(from, plan.fromSelect, pageRows, cancel);
    Reader readerB(to, plan.toSelect, pageRows, cancel);
    Rows a{readerA, {}, 0, false}, b{readerB, {}, 0, false};
    bool moreA = a.fill(), moreB = b.fill();
    qint64 step = 0;
    while (moreA || moreB) {
        if ((++step & 0xFFF) == 0)
            cancel.throwIfCancelled();
        const int c = !moreA ? 1 : !moreB ? -1 : compareKeys(a, b, orders);
        RowDifference d;
        if (c < 0) {
            d.type = RowDifference::Type::Removed;
            d.key = keyOf(a, keys);
            d.from = valuesOf(a, keys, columns);
            ++counts.removed;
            moreA = a.advance();
        } else if (c > 0) {
            d.type = RowDifference::Type::Added;
            d.key = keyOf(b, keys);
            d.to = valuesOf(b, keys, columns);
            ++counts.added;
            moreB = b.advance();
        } else {
            for (int col = 0; col < columns; ++col) {
                const int at = keys + col;
                const bool na = a.page.isNull(a.row, at), nb = b.page.isNull(b.row, at);
                if (na != nb)
                    d.changed.push_back(col);
                else if (!na && a.page.view(a.row, at) != b.page.view(b.row, at)
                         && !sameValue(a.page.view(a.row, at), b.page.view(b.row, at), equality[size_t(col)]))
                    d.changed.push_back(col);
            }
            if (d.changed.empty()) {
                ++counts.same;
                moreA = a.advance();
                moreB = b.advance();
                continue;
            }
            d.type = RowDifference::Type::Changed;
            d.key = keyOf(a, keys);
            d.from = valuesOf(a, keys, columns);
            d.to = valuesOf(b, keys, columns);
            ++counts.changed;
            moreA = a.advance();
            moreB = b.advance();
        }
        if (!sink(d))
            break;
    }
    cancel.throwIfCancelled();
    return counts;
}

} // namespace statescope::browse
