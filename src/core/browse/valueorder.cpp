// How rows diff orders keys and tells values apart (valueorder.h).
#include "core/browse/valueorder.h"

#include <QStringList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

namespace statescope::browse::values {

// How a key type is ordered the same way on both sides and by us.
std::optional<Order> orderOf(const QString &type)
{
    static const QStringList numbers = {QStringLiteral("smallint"), QStringLiteral("integer"), QStringLiteral("bigint")};
    if (numbers.contains(type))
        return Order::Number;
    // Compared as printed: text by bytes (ordered COLLATE "C"), the others because their
    // printed form (UTC, ISO) sorts as they do.
    if (type == QLatin1String("text") || type.startsWith(QLatin1String("character")) || type == QLatin1String("name")
        || type == QLatin1String("uuid") || type == QLatin1String("boolean"))
        return Order::Bytes;
    // Printed in ISO and UTC, but a year past 9999 has five digits and one before year 1
    // ends in " BC": ordered by era, year, then the rest.
    if (type == QLatin1String("date") || type.startsWith(QLatin1String("timestamp")))
        return Order::Time;
    return std::nullopt;
}

// -1, 0, 1 for two ISO dates or timestamps as the server prints them in UTC.
int compareTimes(QByteArrayView a, QByteArrayView b)
{
    const auto rank = [](QByteArrayView v, qint64 *year, QByteArrayView *rest) {
        if (v == "-infinity")
            return -2;
        if (v == "infinity")
            return 2;
        const bool bc = v.endsWith(" BC");
        if (bc)
            v.chop(3);
        const qsizetype dash = v.indexOf('-');
        *year = v.first(dash < 0 ? v.size() : dash).toLongLong();
        *rest = dash < 0 ? QByteArrayView() : v.sliced(dash);
        if (bc)
            *year = 1 - *year; // 1 BC is year 0, 2 BC year -1
        return 0;
    };
    qint64 ya = 0, yb = 0;
    QByteArrayView ra, rb;
    const int ka = rank(a, &ya, &ra), kb = rank(b, &yb, &rb);
    if (ka != kb)
        return ka < kb ? -1 : 1;
    if (ka != 0 || ya != yb)
        return ka != 0 ? 0 : (ya < yb ? -1 : 1);
    const int c = std::memcmp(ra.data(), rb.data(), size_t(std::min(ra.size(), rb.size())));
    if (c != 0)
        return c < 0 ? -1 : 1;
    return ra.size() == rb.size() ? 0 : (ra.size() < rb.size() ? -1 : 1);
}

// How a compared column's two texts are equal under SQL's = when the bytes differ.
Equality equalityOf(const QString &type)
{
    if (type.startsWith(QLatin1String("numeric")))
        return Equality::Numeric;
    if (type == QLatin1String("real") || type == QLatin1String("double precision"))
        return Equality::Float;
    if (type == QLatin1String("jsonb"))
        return Equality::Json;
    return Equality::Bytes;
}

// "2.50" -> "2.5", "1.000" -> "1" (numeric's scale is not its value).
QByteArrayView trimScale(QByteArrayView v)
{
    if (!v.contains('.'))
        return v;
    while (v.endsWith('0'))
        v.chop(1);
    if (v.endsWith('.'))
        v.chop(1);
    return v;
}

bool sameValue(QByteArrayView a, QByteArrayView b, Equality e)
{
    switch (e) {
    case Equality::Bytes: return false;
    case Equality::Numeric: return trimScale(a) == trimScale(b);
    case Equality::Float: {
        const auto zero = [](QByteArrayView v) { return v == "0" || v == "-0"; };
        return zero(a) && zero(b);
    }
    case Equality::Json: {
        // jsonb's = compares numbers as numeric: 1.0 and 1.00 are equal.
        const auto pa = nlohmann::json::parse(a.begin(), a.end(), nullptr, false);
        const auto pb = nlohmann::json::parse(b.begin(), b.end(), nullptr, false);
        return !pa.is_discarded() && !pb.is_discarded() && pa == pb;
    }
    }
    return false;
}

} // namespace statescope::browse::values
