// RowSource's keyset pages: after or before a row, or near a fraction of the way down by the
// planner's histogram; a key given as JSON, and one keyed row's cell in full (rows.h).
#include "core/browse/rows.h"
#include "core/browse/rows_p.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace statescope::browse {

using detail::shortText;
using detail::sortsByKeyAlone;

namespace {

QString keyColumns(const RowSource &src, const Order &order, const std::function<QString(const QString &)> &ident)
{
    QStringList out;
    if (!sortsByKeyAlone(order, src.details().key))
        out << ident(order.column) + QStringLiteral("::text AS _s");
    // A key column of a short type is read from its cell (never cut); others in full.
    int i = 0;
    for (const QString &k : src.details().key) {
        const ColumnInfo *c = src.details().column(k);
        if (!c || !shortText(*c))
            out << ident(k) + QStringLiteral("::text AS _k%1").arg(i);
        ++i;
    }
    return out.isEmpty() ? QString() : QStringLiteral(", ") + out.join(QStringLiteral(", "));
}

} // namespace

std::pair<QString, std::vector<pg::Param>> RowSource::pageStatement(
    const QList<Filter> &filters, const Order &order, const std::optional<Position> &from,
    bool backward, int limit) const
{
    if (!keyed())
        throw Error(Error::Kind::Internal, tr("%1 has no key: read it through a cursor.")
                                               .arg(m_details.relation.qualified()));
    check(filters, order);
    Sql sql;
    QString condition = where(filters, sql);
    if (from)
        condition += QStringLiteral(" AND ") + keyset(order, *from, backward, sql);
    sql.params.emplace_back(qint64(std::clamp(limit, 1, 100000)));
    QString text = QStringLiteral("SELECT %1%2 FROM %3 WHERE %4 ORDER BY %5 LIMIT $%6")
                       .arg(selectList(),
                            keyColumns(*this, order, [this](const QString &n) { return ident(n); }),
                            table(), condition, orderBy(order, backward))
                       .arg(sql.params.size());
    return {std::move(text), std::move(sql.params)};
}

qint64 RowSource::countBefore(const QList<Filter> &filters, const Order &order, const Position &at)
{
    if (!keyed())
        throw Error(Error::Kind::Internal, tr("%1 has no key: read it through a cursor.")
                                               .arg(m_details.relation.qualified()));
    check(filters, order);
    Sql sql;
    QString condition = where(filters, sql);
    condition += QStringLiteral(" AND ") + keyset(order, at, true, sql);
    return run(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table(), condition), sql.params)
        .toLongLong(0, 0);
}

QList<Row> RowSource::page(const QList<Filter> &filters, const Order &order,
                           const std::optional<Position> &from, bool backward, int limit)
{
    const auto [text, params] = pageStatement(filters, order, from, backward, limit);
    QList<Row> rows = readRows(run(text, params), sortsByKeyAlone(order, m_details.key) ? 0 : 1);
    if (backward)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

std::optional<QList<Row>> RowSource::pageNear(const QList<Filter> &filters, const Order &order,
                                              double fraction, int limit)
{
    if (!keyed())
        return std::nullopt;
    check(filters, order);
    const QString first = order.column.isEmpty() ? m_details.key.first() : order.column;
    const double f = std::clamp(order.descending ? 1.0 - fraction : fraction, 0.0, 1.0);
    std::optional<QByteArray> bound;
    try {
        // The histogram's bounds as the column's own type, so the value at the fraction is
        // read by the server, whatever the type prints like.
        const auto r = m_conn.exec(
            QStringLiteral("SELECT b[greatest(1, least(array_length(b, 1), "
                           "round($4::float8 * (array_length(b, 1) - 1))::int + 1))]::text "
                           "FROM (SELECT histogram_bounds::text::%1[] AS b FROM pg_stats "
                           "WHERE schemaname = $1 AND tablename = $2 AND attname = $3 "
                           "ORDER BY inherited DESC LIMIT 1) s WHERE b IS NOT NULL")
                .arg(cast(first)),
            {m_details.relation.schema, m_details.relation.name, first, QString::number(f)});
        if (r.rowCount() == 1 && !r.isNull(0, 0))
            bound = r.bytes(0, 0);
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::Query)
            throw;
    }
    if (!bound)
        return std::nullopt;
    Sql sql;
    QString condition = where(filters, sql);
    condition += QStringLiteral(" AND %1 %2 %3")
                     .arg(ident(first), order.descending ? QStringLiteral("<=") : QStringLiteral(">="),
                          sql.bind(QString::fromUtf8(*bound), cast(first)));
    sql.params.emplace_back(qint64(std::clamp(limit, 1, 100000)));
    const QString text = QStringLiteral("SELECT %1%2 FROM %3 WHERE %4 ORDER BY %5 LIMIT $%6")
                             .arg(selectList(),
                                  keyColumns(*this, order, [this](const QString &n) { return ident(n); }),
                                  table(), condition, orderBy(order, false))
                             .arg(sql.params.size());
    return readRows(run(text, sql.params), sortsByKeyAlone(order, m_details.key) ? 0 : 1);
}

Position RowSource::parseKey(const QString &text) const
{
    const auto j = nlohmann::json::parse(text.toStdString(), nullptr, false);
    const QStringList &key = m_details.key;
    if (j.is_discarded() || !j.is_array() || j.size() != size_t(key.size()))
        throw Error::invalidInput(
            tr("The key of %1 is %2: give it as a JSON array of %n value(s), e.g. --after '[42]'.",
               nullptr, int(key.size()))
                .arg(m_details.relation.qualified(), key.join(QStringLiteral(", "))));
    Position p;
    for (const auto &v : j) {
        if (v.is_null())
            throw Error::invalidInput(tr("A key value cannot be null."));
        p.key.push_back(v.is_string() ? QByteArray::fromStdString(v.get<std::string>())
                                      : QByteArray::fromStdString(v.dump()));
    }
    return p;
}

std::optional<QByteArray> RowSource::fullValue(const std::vector<QByteArray> &key, const QString &column)
{
    if (!keyed() || !m_details.column(column) || key.size() != size_t(m_details.key.size()))
        return std::nullopt;
    Sql sql;
    QStringList match;
    for (int i = 0; i < m_details.key.size(); ++i)
        match << QStringLiteral("%1 = %2").arg(ident(m_details.key[i]),
                                              sql.bind(QString::fromUtf8(key[size_t(i)]), cast(m_details.key[i])));
    const auto r = run(QStringLiteral("SELECT %1::text FROM %2 WHERE %3")
                           .arg(ident(column), table(), match.join(QStringLiteral(" AND "))),
                       sql.params);
    if (r.rowCount() == 0 || r.isNull(0, 0))
        return std::nullopt;
    return r.bytes(0, 0);
}

} // namespace statescope::browse
