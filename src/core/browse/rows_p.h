// Internal to RowSource's files (rows.cpp, rowcounts.cpp, rowpages.cpp): one statement's
// parameters, and what the select list and the order are built with.
#pragma once

#include "core/browse/rows.h"

#include <QStringList>

namespace statescope::browse {

// Parameters of one statement: bound ($n) normally; for COPY, which takes none, read from
// transaction-local settings (set_config, then current_setting('statescope.bN')).
struct RowSource::Sql
{
    bool copy = false;
    std::vector<pg::Param> params;

    QString bind(const QString &value, const QString &type)
    {
        params.emplace_back(value);
        const int n = int(params.size());
        return copy ? QStringLiteral("current_setting('statescope.b%1')::%2").arg(n).arg(type)
                    : QStringLiteral("$%1::%2").arg(n).arg(type);
    }
    QString settings() const
    {
        QStringList calls;
        for (size_t i = 0; i < params.size(); ++i)
            calls << QStringLiteral("set_config('statescope.b%1', $%1, true)").arg(i + 1);
        return calls.isEmpty() ? QString() : QStringLiteral("SELECT ") + calls.join(QStringLiteral(", "));
    }
};

namespace detail {

// A column of a type whose text is short whatever the value: selected as it is (no cut, no
// cast), and a key column of such a type is read from its cell.
bool shortText(const ColumnInfo &c);
// The order is the key's alone (no sort column before it): no sort value is read.
bool sortsByKeyAlone(const Order &order, const QStringList &key);

} // namespace detail

} // namespace statescope::browse
