// A relation's rows counted (the planner's estimate, or exactly) and read whole: every row in
// order as a statement, or streamed through COPY into an export (rows.h).
#include "core/browse/rows.h"
#include "core/browse/rows_p.h"

#include "core/browse/sqlguard.h"
#include "core/pg/readerlogin.h"

#include "core/error.h"
#include "core/pg/copytext.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace statescope::browse {

qint64 RowSource::estimateCount(const QList<Filter> &filters)
{
    check(filters, {});
    Sql sql;
    const auto r = run(QStringLiteral("EXPLAIN (FORMAT JSON) SELECT 1 FROM %1 WHERE %2")
                           .arg(table(), where(filters, sql)),
                       sql.params);
    const auto plan = nlohmann::json::parse(r.bytes(0, 0).toStdString(), nullptr, false);
    if (plan.is_array() && !plan.empty() && plan[0].contains("Plan"))
        return plan[0]["Plan"].value("Plan Rows", qint64(0));
    return 0;
}

qint64 RowSource::exactCount(const QList<Filter> &filters)
{
    check(filters, {});
    Sql sql;
    return run(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table(), where(filters, sql)),
               sql.params)
        .toLongLong(0, 0);
}

std::pair<QString, std::vector<pg::Param>> RowSource::selectAll(const QList<Filter> &filters, const Order &order)
{
    check(filters, order);
    guardRead();
    Sql sql;
    const QString condition = where(filters, sql);
    QString text = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(selectList(), table(), condition);
    if (keyed())
        text += QStringLiteral(" ORDER BY ") + orderBy(order, false);
    return {text, sql.params};
}

qint64 RowSource::copyOut(const QList<Filter> &filters, const Order &order, bool json,
                          const std::function<bool(const char *, int)> &consumer)
{
    check(filters, order);
    guardRead();
    Sql sql;
    sql.copy = true;
    const QString condition = where(filters, sql, true);
    QStringList columns;
    for (const ColumnInfo &c : m_details.columns)
        columns << ident(c.name);
    QString select = QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                         .arg(columns.join(QStringLiteral(", ")), table(), condition);
    if (keyed())
        select += QStringLiteral(" ORDER BY ") + orderBy(order, false);
    const QString copy = json ? QStringLiteral("COPY (SELECT row_to_json(r) FROM (%1) r) TO STDOUT").arg(select)
                              : QStringLiteral("COPY (%1) TO STDOUT WITH (FORMAT csv, HEADER)").arg(select);
    return m_conn.transaction([&] {
        if (!sql.params.empty())
            m_conn.exec(sql.settings(), sql.params);
        if (!json)
            return m_conn.copyOut(copy, consumer) - 1; // the header line is not a row
        // COPY's text format escapes backslashes and control characters: one JSON object
        // per line, as the server wrote it.
        return m_conn.copyOut(copy, [&consumer](const char *data, int length) {
            const QByteArray line = pg::unescapeCopyText(data, length);
            return consumer(line.constData(), int(line.size()));
        });
    });
}

} // namespace statescope::browse
