#include "core/browse/rows.h"
#include "core/browse/rows_p.h"

#include "core/browse/sqlguard.h"
#include "core/pg/readerlogin.h"

#include "core/error.h"

#include <algorithm>

namespace statescope::browse {

using detail::shortText;
using detail::sortsByKeyAlone;

std::optional<Filter::Op> Filter::parseOp(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("=") || t == QLatin1String("eq"))
        return Op::Equals;
    if (t == QLatin1String("!=") || t == QLatin1String("<>") || t == QLatin1String("ne"))
        return Op::NotEquals;
    if (t == QLatin1String("<") || t == QLatin1String("lt"))
        return Op::Less;
    if (t == QLatin1String("<=") || t == QLatin1String("le"))
        return Op::LessOrEqual;
    if (t == QLatin1String(">") || t == QLatin1String("gt"))
        return Op::Greater;
    if (t == QLatin1String(">=") || t == QLatin1String("ge"))
        return Op::GreaterOrEqual;
    if (t == QLatin1String("~") || t == QLatin1String("contains"))
        return Op::Contains;
    if (t == QLatin1String("null") || t == QLatin1String("is null"))
        return Op::IsNull;
    if (t == QLatin1String("notnull") || t == QLatin1String("is not null"))
        return Op::IsNotNull;
    return std::nullopt;
}

QString Filter::opText(Op op)
{
    switch (op) {
    case Op::Equals: return QStringLiteral("=");
    case Op::NotEquals: return QStringLiteral("!=");
    case Op::Less: return QStringLiteral("<");
    case Op::LessOrEqual: return QStringLiteral("<=");
    case Op::Greater: return QStringLiteral(">");
    case Op::GreaterOrEqual: return QStringLiteral(">=");
    case Op::Contains: return QStringLiteral("~");
    case Op::IsNull: return QStringLiteral("null");
    case Op::IsNotNull: return QStringLiteral("notnull");
    }
    return QStringLiteral("=");
}

namespace {

// A session that could run what a plain role cannot: a superuser's (through its reader
// login, or guarded). Nothing is walked for a plain role: the server's privileges guard it.
bool guarded(const pg::Connection &conn)
{
    return conn.readProtection().kind != pg::ReadProtection::Kind::PlainRole;
}

// Reading a table's own rows runs no code of the database's, so the guard's catalog walk is
// skipped for it, and each statement proves the name still is such a table (guardedRun).
// A row-security policy the session is subject to (a reader login's; a superuser bypasses
// them) calls functions: such a table is walked as a view is.
bool readsOwnRows(const pg::Connection &conn, const RelationInfo &r)
{
    return r.kind != RelationInfo::Kind::View && r.kind != RelationInfo::Kind::MaterializedView
           && r.foreignServer.isEmpty() && !(r.rowSecurity && !conn.readProtection().isGuarded());
}

// The errors that fail guardedRun's checks (a value that is no integer, never folded at plan
// time): the name is no longer a table, or what it reads with it is more than tables' rows.
constexpr auto kKindChanged = "statescope:relkind:";
constexpr auto kReadsMore = "statescope:reads:";

// Whether a read failed in one of its checks (before its statement ran).
bool failedCheck(const Error &e)
{
    for (const char *marker : {kKindChanged, kReadsMore, "statescope:types:"})
        if (e.message().contains(QLatin1String(marker)))
            return true;
    return false;
}

// $2 of the checks: policies do not apply to a superuser's session.
QString superuserSession(const pg::Connection &conn)
{
    return conn.readProtection().isGuarded() ? QStringLiteral("true") : QStringLiteral("false");
}

// The check, for a table with no children: its kind, and that nothing is read with it.
const char *kOwnRowsCheck =
    "SELECT CASE WHEN c.relkind NOT IN ('r', 'p') THEN CAST('statescope:relkind:' || c.relkind::text AS int) "
    "WHEN c.relhassubclass OR (c.relrowsecurity AND NOT $2) THEN CAST('statescope:reads:' || c.relkind::text AS int) "
    "ELSE 1 END FROM pg_class c WHERE c.oid = $1::regclass";
// For a parent: every partition and inheritance child at any depth is a table too, with no
// policy the session is subject to (a foreign one may run a program when read).
const char *kTreeCheck =
    "WITH RECURSIVE tree(oid, top) AS (SELECT $1::regclass::oid, true UNION ALL "
    "SELECT i.inhrelid, false FROM pg_inherits i JOIN tree t ON i.inhparent = t.oid) "
    "SELECT CASE WHEN bool_or(t.top AND c.relkind NOT IN ('r', 'p')) THEN CAST('statescope:relkind:' || count(*)::text AS int) "
    "WHEN bool_or(c.relkind NOT IN ('r', 'p') OR (c.relrowsecurity AND NOT $2)) "
    "THEN CAST('statescope:reads:' || count(*)::text AS int) ELSE 1 END "
    "FROM tree t JOIN pg_class c ON c.oid = t.oid";

} // namespace

RowSource::RowSource(pg::Connection &conn, RelationDetails details)
    : m_conn(conn), m_details(std::move(details))
{
}

QString RowSource::ident(const QString &name) const
{
    return m_conn.quoteIdentifier(name);
}

QString RowSource::table() const
{
    return ident(m_details.relation.schema) + QLatin1Char('.') + ident(m_details.relation.name);
}

QString RowSource::cast(const QString &column) const
{
    const ColumnInfo *c = m_details.column(column);
    return c ? c->type : QStringLiteral("text");
}

void RowSource::check(const QList<Filter> &filters, const Order &order) const
{
    for (const Filter &f : filters)
        if (!m_details.column(f.column))
            throw Error::invalidInput(tr("%1 has no column \"%2\".")
                                          .arg(m_details.relation.qualified(), f.column));
    if (!order.column.isEmpty()) {
        if (!m_details.column(order.column))
            throw Error::invalidInput(tr("%1 has no column \"%2\".")
                                          .arg(m_details.relation.qualified(), order.column));
        if (!keyed())
            throw Error::invalidInput(
                tr("%1 has no key to page by, so it is shown in the order it is read.")
                    .arg(m_details.relation.qualified()));
        if (!m_details.sortable.contains(order.column) && m_details.key.value(0) != order.column)
            throw Error::invalidInput(
                tr("Sorting by %1 needs an index that starts with it: without one, every row "
                   "would be read and sorted for each page.")
                    .arg(order.column),
                tr("Sort by one of: %1.").arg(m_details.sortable.join(QStringLiteral(", "))));
    }
}

void RowSource::checkValues(const QList<Filter> &filters)
{
    check(filters, {});
    for (const Filter &f : filters) {
        if (f.op == Filter::Op::IsNull || f.op == Filter::Op::IsNotNull || f.op == Filter::Op::Contains)
            continue;
        try {
            m_conn.exec(QStringLiteral("SELECT $1::%1").arg(cast(f.column)), {f.value});
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::Query || !e.sqlstate().startsWith(QLatin1String("22")))
                throw;
            throw Error(Error::Kind::InvalidInput,
                        tr("\"%1\" is not a value of column %2 (%3): %4")
                            .arg(f.value, f.column, cast(f.column), e.message()),
                        e.detail(), {}, e.sqlstate());
        }
    }
}

namespace detail {

// Types whose text is short whatever the value: selected as they are, with no cut and no
// cast (the text format prints them as ::text would), which keeps the first page close to
// a plain SELECT.
bool shortText(const ColumnInfo &c)
{
    if (c.isArray)
        return false;
    static const QStringList kShort{
        QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint"),
        QStringLiteral("real"), QStringLiteral("double precision"), QStringLiteral("boolean"),
        QStringLiteral("uuid"), QStringLiteral("date"), QStringLiteral("oid"),
        QStringLiteral("money"), QStringLiteral("interval")};
    // "timestamp(3) with time zone", "time without time zone", ...
    return kShort.contains(c.type) || c.type.startsWith(QLatin1String("time"));
}

} // namespace detail

QString RowSource::selectList() const
{
    // Text output, as the server prints each type; long values cut for the grid.
    // Every output column has a name of its own (_c0, _b0, ...): ORDER BY "id" would
    // otherwise pick an output column named "id" (its text, sorted as text) over the column.
    QStringList out;
    int i = 0;
    for (const ColumnInfo &c : m_details.columns)
        out << (shortText(c) ? QStringLiteral("%1 AS _c%2").arg(ident(c.name)).arg(i++)
                             : QStringLiteral("left(%1::text, %2) AS _c%3")
                                   .arg(ident(c.name))
                                   .arg(Row::kCellChars + 1)
                                   .arg(i++));
    // Then each bytea column's real length (its hex text may be cut).
    i = 0;
    for (const ColumnInfo &c : m_details.columns)
        if (c.isBytes)
            out << QStringLiteral("octet_length(%1) AS _b%2").arg(ident(c.name)).arg(i++);
    return out.join(QStringLiteral(", "));
}

QString RowSource::where(const QList<Filter> &filters, Sql &sql, bool) const
{
    QStringList parts{QStringLiteral("TRUE")};
    for (const Filter &f : filters) {
        const QString c = ident(f.column);
        const QString type = cast(f.column);
        switch (f.op) {
        case Filter::Op::IsNull: parts << c + QStringLiteral(" IS NULL"); break;
        case Filter::Op::IsNotNull: parts << c + QStringLiteral(" IS NOT NULL"); break;
        case Filter::Op::Contains: {
            QString escaped = f.value;
            escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('%'), QStringLiteral("\\%"))
                .replace(QLatin1Char('_'), QStringLiteral("\\_"));
            parts << QStringLiteral("%1::text ILIKE %2")
                         .arg(c, sql.bind(QLatin1Char('%') + escaped + QLatin1Char('%'), QStringLiteral("text")));
            break;
        }
        default: {
            const QString op = Filter::opText(f.op) == QLatin1String("!=") ? QStringLiteral("<>")
                                                                           : Filter::opText(f.op);
            parts << QStringLiteral("%1 %2 %3").arg(c, op, sql.bind(f.value, type));
        }
        }
    }
    return parts.join(QStringLiteral(" AND "));
}

namespace detail {

bool sortsByKeyAlone(const Order &order, const QStringList &key)
{
    return order.column.isEmpty() || (key.size() == 1 && key.first() == order.column);
}

} // namespace detail

QString RowSource::orderBy(const Order &order, bool reversed) const
{
    const bool desc = order.descending != reversed;
    const QString dir = desc ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    // NULLs last in the display order, so first when read backwards.
    const QString nulls = reversed ? QStringLiteral(" NULLS FIRST") : QStringLiteral(" NULLS LAST");
    QStringList parts;
    if (!sortsByKeyAlone(order, m_details.key))
        parts << ident(order.column) + dir + nulls;
    for (const QString &k : m_details.key)
        parts << ident(k) + dir;
    return parts.join(QStringLiteral(", "));
}

QString RowSource::keyset(const Order &order, const Position &from, bool backward, Sql &sql) const
{
    const QStringList &key = m_details.key;
    if (from.key.size() != size_t(key.size()))
        throw Error::invalidInput(tr("The key of %1 has %n column(s).", nullptr, int(key.size()))
                                      .arg(m_details.relation.qualified()));
    QStringList cols, vals;
    for (int i = 0; i < key.size(); ++i) {
        cols << ident(key[i]);
        vals << sql.bind(QString::fromUtf8(from.key[size_t(i)]), cast(key[i]));
    }
    const QString k = QStringLiteral("(%1)").arg(cols.join(QStringLiteral(", ")));
    const QString kv = QStringLiteral("(%1)").arg(vals.join(QStringLiteral(", ")));
    // Later in the display order is ">" ascending, "<" descending; earlier the other way.
    const bool greater = order.descending == backward;
    const QString op = greater ? QStringLiteral(">") : QStringLiteral("<");
    if (sortsByKeyAlone(order, key))
        return QStringLiteral("%1 %2 %3").arg(k, op, kv);
    const QString s = ident(order.column);
    const ColumnInfo *sc = m_details.column(order.column);
    const bool nullable = !sc || !sc->notNull;
    if (!backward) {
        if (from.sortValue) {
            const QString sv = sql.bind(QString::fromUtf8(*from.sortValue), cast(order.column));
            return QStringLiteral("(%1 %2 %3 OR (%1 = %3 AND %4 %2 %5)%6)")
                .arg(s, op, sv, k, kv, nullable ? QStringLiteral(" OR %1 IS NULL").arg(s) : QString());
        }
        return QStringLiteral("(%1 IS NULL AND %2 %3 %4)").arg(s, k, op, kv);
    }
    if (from.sortValue) {
        const QString sv = sql.bind(QString::fromUtf8(*from.sortValue), cast(order.column));
        return QStringLiteral("(%1 %2 %3 OR (%1 = %3 AND %4 %2 %5))").arg(s, op, sv, k, kv);
    }
    return QStringLiteral("(%1 IS NOT NULL OR %2 %3 %4)").arg(s, k, op, kv);
}

namespace {

// Whether a column's type (or an array's, a domain's base type) is not one of PostgreSQL's
// own: reading it may call a user's operators, casts or support functions
// (SqlGuard::columnTypesCheck).
bool hasUserTypes(const RelationDetails &d)
{
    constexpr unsigned kFirstNormalObjectId = 16384;
    return std::any_of(d.columns.cbegin(), d.columns.cend(),
                       [](const ColumnInfo &c) { return c.typeOid >= kFirstNormalObjectId; });
}

// What the server's errors mean for a read of the source's.
[[noreturn]] void rethrowRead(const Error &e, const RelationInfo &relation, const pg::Connection &conn)
{
    SqlGuard::throwColumnTypesRefusal(e, conn);
    if (e.message().contains(QLatin1String(kKindChanged)))
        throw Error(Error::Kind::Conflict,
                    RowSource::tr("%1 is no longer the table it was when it was opened; nothing was read.")
                        .arg(relation.qualified()),
                    {}, RowSource::tr("Open it again."));
    // A value the column's type cannot take (22xxx): the person's input, said so.
    if (e.kind() == Error::Kind::Query && e.sqlstate().startsWith(QLatin1String("22")))
        throw Error(Error::Kind::InvalidInput, RowSource::tr("A filter value does not fit its column: %1").arg(e.message()),
                    e.detail(), e.hint(), e.sqlstate());
    throw e;
}

} // namespace

pg::Result RowSource::run(const QString &sql, const std::vector<pg::Param> &params)
{
    // A read's statements repeat as its pages are turned: prepared once per connection.
    return guardedRun(pg::Connection::Statement{sql, params, true});
}

pg::Result RowSource::guardedRun(const std::optional<pg::Connection::Statement> &statement)
{
    try {
        // Nothing is walked for a plain role: the server's privileges guard it.
        if (!guarded(m_conn))
            return statement ? m_conn.pipeline({*statement}).front() : pg::Result();
        // A column of a user's type: what comparing, sorting and printing it calls, checked too.
        std::vector<pg::Connection::Statement> types;
        if (hasUserTypes(m_details)) {
            types.push_back(SqlGuard::columnTypesCheck(m_conn, table()));
            types.back().reuse = true;
        }
        if (!m_walkEach && readsOwnRows(m_conn, m_details.relation)) {
            // The details may be older than the catalog (a grid kept open, a shard's cache):
            // the name could be a view by now, or have a foreign child, whose code the walk was
            // skipped for. Before the statement: the name locked (no DROP until we end), then
            // checked, failing the pipeline unless it (and whatever it reads with it) is still
            // a table. ONLY: a partitioned table's partitions are not locked one by one.
            std::vector<pg::Connection::Statement> checks{
                {QStringLiteral("LOCK TABLE ONLY %1 IN ACCESS SHARE MODE").arg(table()), {}, true},
                {ownRowsCheck(), {table(), superuserSession(m_conn)}, true}};
            checks.insert(checks.end(), types.begin(), types.end());
            try {
                return checkedPipeline(std::move(checks), statement);
            } catch (const Error &e) {
                if (!e.message().contains(QLatin1String(kReadsMore)))
                    throw;
                m_walkEach = true; // partitions or children that are not all tables, or a policy
            }
        }
        // A view may call what a superuser's session must not run, a foreign table reads
        // through its server, a parent reads its children: read through the same guard as
        // typed SQL, walked before every statement (the definition may have changed since).
        SqlGuard::checkObjects(m_conn, QStringLiteral("TABLE %1").arg(table()));
        return checkedPipeline(std::move(types), statement);
    } catch (const Error &e) {
        rethrowRead(e, m_details.relation, m_conn);
    }
}

QString RowSource::ownRowsCheck() const
{
    return QString::fromLatin1(m_details.relation.hasChildren ? kTreeCheck : kOwnRowsCheck);
}

pg::Result RowSource::checkedPipeline(std::vector<pg::Connection::Statement> checks,
                                      const std::optional<pg::Connection::Statement> &statement)
{
    if (checks.empty())
        return statement ? m_conn.pipeline({*statement}).front() : pg::Result();
    // The checks, then the statement, in one round trip. In the caller's transaction (a
    // cursor still open), behind a savepoint: a check that fails leaves it usable.
    const bool own = !m_conn.inTransaction();
    if (!own) {
        checks.insert(checks.begin(), {QStringLiteral("SAVEPOINT statescope_read_check")});
        checks.push_back({QStringLiteral("RELEASE SAVEPOINT statescope_read_check")});
    }
    if (statement)
        checks.push_back(*statement);
    try {
        return m_conn.pipeline(checks, pg::Connection::Framing{own, true, {}, own}).back();
    } catch (const Error &e) {
        if (!own && failedCheck(e))
            m_conn.exec(QStringLiteral("ROLLBACK TO SAVEPOINT statescope_read_check"));
        throw;
    }
}

QList<Row> RowSource::readRows(const pg::Result &r, int sortColumns) const
{
    const int n = int(m_details.columns.size());
    // Per key column: the cell it is read from, or -1 when it has an output column of its own.
    std::vector<int> keyCells;
    for (const QString &k : m_details.key) {
        const int c = m_details.columnIndex(k);
        keyCells.push_back(c >= 0 && shortText(m_details.columns[c]) ? c : -1);
    }
    const bool anyBytes = std::any_of(m_details.columns.cbegin(), m_details.columns.cend(),
                                      [](const ColumnInfo &c) { return c.isBytes; });
    QList<Row> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        Row row;
        row.cells.reserve(size_t(n));
        row.cut.reserve(size_t(n));
        if (anyBytes)
            row.byteSizes.assign(size_t(n), -1);
        for (int c = 0; c < n; ++c) {
            if (r.isNull(i, c)) {
                row.cells.emplace_back(std::nullopt);
                row.cut.push_back(false);
                continue;
            }
            QByteArray v = r.bytes(i, c);
            bool cut = false;
            if (v.size() > Row::kCellChars) {
                const QString text = QString::fromUtf8(v);
                if (text.size() > Row::kCellChars) {
                    v = text.left(Row::kCellChars).toUtf8();
                    cut = true;
                }
            }
            row.cells.emplace_back(std::move(v));
            row.cut.push_back(cut);
        }
        int at = n;
        for (int c = 0; c < n; ++c)
            if (m_details.columns[c].isBytes) {
                if (!r.isNull(i, at))
                    row.byteSizes[size_t(c)] = r.toLongLong(i, at);
                ++at;
            }
        if (sortColumns > 0) {
            if (!r.isNull(i, at))
                row.sortValue = r.bytes(i, at);
            ++at;
        }
        row.key.reserve(keyCells.size());
        for (const int cell : keyCells) {
            if (cell >= 0) {
                row.key.push_back(*row.cells[size_t(cell)]); // shared, not copied
            } else {
                row.key.push_back(r.bytes(i, at));
                ++at;
            }
        }
        out.append(std::move(row));
    }
    return out;
}

} // namespace statescope::browse
