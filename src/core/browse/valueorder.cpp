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
Equality equalityOf(const QString &type, unsigned typeOid)
{
    using V = Equality::Value;
    using S = Equality::Shape;
    switch (typeOid) { // pg_type.h's OIDs, fixed since they were given
    case 1700: return {V::Numeric, S::Single};
    case 1231: return {V::Numeric, S::Array};
    case 700: case 701: return {V::Float, S::Single};
    case 1021: case 1022: return {V::Float, S::Array};
    case 3802: return {V::Json, S::Single};
    case 3807: return {V::Json, S::Array};
    case 1186: return {V::Interval, S::Single};
    case 1187: return {V::Interval, S::Array};
    case 3906: return {V::Numeric, S::Range};
    case 0: break;
    default: return {};
    }
    QString base = type;
    S shape = S::Single;
    if (base.endsWith(QLatin1String("[]"))) {
        base.chop(2);
        shape = S::Array;
    }
    if (base == QLatin1String("numrange") && shape == S::Single)
        return {V::Numeric, S::Range};
    if (base == QLatin1String("numeric") || base.startsWith(QLatin1String("numeric(")))
        return {V::Numeric, shape};
    if (base == QLatin1String("real") || base == QLatin1String("double precision"))
        return {V::Float, shape};
    if (base == QLatin1String("jsonb"))
        return {V::Json, shape};
    if (base == QLatin1String("interval") || base.startsWith(QLatin1String("interval ")) || base.startsWith(QLatin1String("interval(")))
        return {V::Interval, shape};
    return {};
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

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// jsonb prints its keys in one order, with one spacing, and its numbers as numeric does
// (never an exponent): two texts of equal values differ only in their numbers' scale.
// Each number is compared exactly as a decimal, never through a double.
bool sameJson(QByteArrayView a, QByteArrayView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char c = a[i];
        if (c == '"') { // a string (a key or a value): the same bytes
            qsizetype end = i + 1;
            while (end < a.size() && a[end] != '"')
                end += a[end] == '\\' ? 2 : 1;
            ++end;
            if (end > a.size() || j + (end - i) > b.size() || a.sliced(i, end - i) != b.sliced(j, end - i))
                return false;
            j += end - i;
            i = end;
        } else if (c == '-' || isDigit(c)) {
            const auto number = [](QByteArrayView v, qsizetype at) {
                qsizetype end = at + 1;
                while (end < v.size() && (isDigit(v[end]) || v[end] == '.' || v[end] == 'e' || v[end] == 'E'
                                          || v[end] == '+' || v[end] == '-'))
                    ++end;
                return v.sliced(at, end - at);
            };
            if (b[j] != '-' && !isDigit(b[j]))
                return false;
            const QByteArrayView na = number(a, i), nb = number(b, j);
            const bool plain = !na.contains('e') && !na.contains('E') && !nb.contains('e') && !nb.contains('E');
            if (na != nb && !(plain && trimScale(na) == trimScale(nb)))
                return false;
            i += na.size();
            j += nb.size();
        } else {
            if (b[j] != c)
                return false;
            ++i;
            ++j;
        }
    }
    return i == a.size() && j == b.size();
}

__extension__ using Wide = __int128; // an interval's span overflows 64 bits, as in interval_cmp

// An interval as interval_cmp orders it: months of 30 days, days of 24 hours, in
// microseconds. Printed in the postgres style (pinned): "1 year 2 mons -3 days +04:05:06.5".
std::optional<Wide> intervalSpan(QByteArrayView v)
{
    Wide months = 0, days = 0, micros = 0;
    const QList<QByteArrayView> words = [&] {
        QList<QByteArrayView> out;
        qsizetype from = 0;
        for (qsizetype k = 0; k <= v.size(); ++k)
            if (k == v.size() || v[k] == ' ') {
                if (k > from)
                    out << v.sliced(from, k - from);
                from = k + 1;
            }
        return out;
    }();
    for (qsizetype k = 0; k < words.size(); ++k) {
        QByteArrayView w = words[k];
        int sign = 1;
        if (w.startsWith('-') || w.startsWith('+')) {
            sign = w.startsWith('-') ? -1 : 1;
            w = w.sliced(1);
        }
        if (w.contains(':')) { // hh:mm:ss[.ffffff]
            const QList<QByteArray> parts = w.toByteArray().split(':');
            if (parts.size() != 3)
                return std::nullopt;
            const QList<QByteArray> sec = parts[2].split('.');
            bool ok1 = false, ok2 = false, ok3 = false;
            const qint64 h = parts[0].toLongLong(&ok1), m = parts[1].toLongLong(&ok2), s = sec[0].toLongLong(&ok3);
            if (!ok1 || !ok2 || !ok3 || sec.size() > 2)
                return std::nullopt;
            qint64 frac = 0;
            if (sec.size() == 2) {
                const QByteArray digits = sec[1].leftJustified(6, '0').left(6);
                bool ok = false;
                frac = digits.toLongLong(&ok);
                if (!ok)
                    return std::nullopt;
            }
            micros += sign * ((Wide(h) * 3600 + m * 60 + s) * 1000000 + frac);
            continue;
        }
        bool ok = false;
        const qint64 n = w.toByteArray().toLongLong(&ok);
        if (!ok || k + 1 >= words.size())
            return std::nullopt;
        const QByteArrayView unit = words[++k];
        if (unit == "year" || unit == "years")
            months += Wide(sign) * n * 12;
        else if (unit == "mon" || unit == "mons")
            months += Wide(sign) * n;
        else if (unit == "day" || unit == "days")
            days += Wide(sign) * n;
        else
            return std::nullopt;
    }
    return (months * 30 + days) * 86400 * 1000000 + micros;
}

bool sameSingle(QByteArrayView a, QByteArrayView b, Equality::Value e)
{
    if (a == b)
        return true;
    switch (e) {
    case Equality::Value::Bytes: return false;
    case Equality::Value::Numeric: return trimScale(a) == trimScale(b);
    case Equality::Value::Float: {
        const auto zero = [](QByteArrayView v) { return v == "0" || v == "-0"; };
        return zero(a) && zero(b);
    }
    case Equality::Value::Json: return sameJson(a, b);
    case Equality::Value::Interval: {
        const auto sa = intervalSpan(a), sb = intervalSpan(b);
        return sa && sb && *sa == *sb;
    }
    }
    return false;
}

// An array or range as printed, in pieces: the marks between elements, and each element
// (unquoted and unescaped; quoted tells NULL from "NULL").
struct Piece
{
    QByteArray text;
    bool element = false, quoted = false;
};

std::optional<QList<Piece>> piecesOf(QByteArrayView v, bool range)
{
    QList<Piece> out;
    qsizetype k = 0;
    // A lower bound other than 1 is printed first: "[0:1]={1,2}".
    if (!range && v.startsWith('[')) {
        const qsizetype eq = v.indexOf('=');
        if (eq < 0)
            return std::nullopt;
        out << Piece{v.first(eq + 1).toByteArray()};
        k = eq + 1;
    }
    const QByteArrayView marks = range ? QByteArrayView("[](),") : QByteArrayView("{},");
    bool expectElement = true;
    while (k < v.size()) {
        const char c = v[k];
        if (marks.contains(c)) {
            // A range's missing bound ("(,5]", "[1,)") is an element of its own: infinite.
            if (range && expectElement && (c == ',' || c == ')' || c == ']'))
                out << Piece{QByteArray(), true, false};
            out << Piece{QByteArray(1, c)};
            expectElement = c == ',' || c == '{' || c == '[' || c == '(';
            ++k;
            continue;
        }
        Piece p{QByteArray(), true, c == '"'};
        if (p.quoted) {
            ++k;
            while (k < v.size() && v[k] != '"') {
                if (v[k] == '\\')
                    ++k;
                if (k < v.size())
                    p.text += v[k++];
            }
            if (k >= v.size())
                return std::nullopt;
            ++k;
        } else {
            while (k < v.size() && !marks.contains(v[k]))
                p.text += v[k++];
        }
        out << p;
        expectElement = false;
    }
    return out;
}

bool samePieces(QByteArrayView a, QByteArrayView b, Equality e)
{
    const bool range = e.shape == Equality::Shape::Range;
    const auto pa = piecesOf(a, range), pb = piecesOf(b, range);
    if (!pa || !pb || pa->size() != pb->size())
        return false;
    for (qsizetype k = 0; k < pa->size(); ++k) {
        const Piece &x = pa->at(k), &y = pb->at(k);
        if (x.element != y.element)
            return false;
        if (!x.element) {
            if (x.text != y.text)
                return false;
            continue;
        }
        const bool nullX = !x.quoted && (x.text == "NULL" || x.text.isEmpty());
        const bool nullY = !y.quoted && (y.text == "NULL" || y.text.isEmpty());
        if (nullX || nullY) {
            if (nullX != nullY || x.text != y.text)
                return false;
            continue;
        }
        if (!sameSingle(x.text, y.text, e.value))
            return false;
    }
    return true;
}

} // namespace

bool sameValue(QByteArrayView a, QByteArrayView b, Equality e)
{
    if (e.value == Equality::Value::Bytes)
        return false;
    if (e.shape == Equality::Shape::Single)
        return sameSingle(a, b, e.value);
    return samePieces(a, b, e);
}

} // namespace statescope::browse::values
