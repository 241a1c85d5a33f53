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

// How a compared column's two texts are equal under SQL's = when their bytes differ.
enum class Equality { Bytes, Numeric, Float, Json };
Equality equalityOf(const QString &type);
// "2.50" -> "2.5", "1.000" -> "1" (numeric's scale is not its value).
QByteArrayView trimScale(QByteArrayView v);
bool sameValue(QByteArrayView a, QByteArrayView b, Equality e);

} // namespace statescope::browse::values
