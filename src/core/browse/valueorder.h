#pragma once

// How rows diff orders keys and tells two values apart, the same way on both sides whatever
// each server's settings (datacompare.cpp).
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace statescope::browse::values {

enum class Order { Number, Bytes, Time };
// How a key type is ordered alike on both sides and by us; nullopt: it cannot be.
std::optional<Order> orderOf(const QString &type);
// -1, 0, 1 for two ISO dates or timestamps as the server prints them in UTC (years past 9999,
// BC dates and infinity included).
int compareTimes(QByteArrayView a, QByteArrayView b);

// How a compared column's two texts are equal under SQL's = when their bytes differ: by the
// value's own rule (numeric's scale, float's -0, an interval's 24 hours = 1 day, jsonb's
// numbers as numeric), alone or as the elements of an array or the bounds of a range. The
// other types are equal only as printed (with the settings pinned, that is their value).
struct Equality
{
    enum class Value { Bytes, Numeric, Float, Json, Interval };
    enum class Shape { Single, Array, Range };
    Value value = Value::Bytes;
    Shape shape = Shape::Single;
};
// By the type's OID when known (a domain's values come as its base type), else by
// format_type()'s name.
Equality equalityOf(const QString &type, unsigned typeOid = 0);
// "2.50" -> "2.5", "1.000" -> "1" (numeric's scale is not its value).
QByteArrayView trimScale(QByteArrayView v);
bool sameValue(QByteArrayView a, QByteArrayView b, Equality e);

} // namespace statescope::browse::values
