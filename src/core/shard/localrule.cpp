#include "core/shard/localrule.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace statescope::shard {

namespace {

// The expression without its white space, quoted names and literals kept as they are.
QString squeezed(const QString &expression)
{
    QString out;
    QChar quote;
    for (const QChar c : expression) {
        if (!quote.isNull()) {
            out += c;
            if (c == quote)
                quote = QChar(); // a doubled quote closes and opens again: the same text
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            quote = c;
        if (!c.isSpace())
            out += c;
    }
    return out;
}

// A name as the server keeps it: unquoted folded to lower case, quoted as written.
QString nameOf(const QString &token)
{
    if (token.startsWith(QLatin1Char('"')))
        return token.mid(1, token.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return token.toLower();
}

#define STATESCOPE_COLUMN R"(([A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+"))"
// The key cast to an integer type, as pg_get_expr prints a smallint widened for mod().
#define STATESCOPE_CAST R"(\)*(?:::(smallint|integer|bigint))?)"
// The modulus, as pg_get_expr prints it for a bigint key: (16)::bigint.
#define STATESCOPE_NUMBER R"(\(*([0-9]+)\)*(?:::(?:smallint|integer|bigint))?)"

const QRegularExpression &hexPrefix()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\(*'x'(?:::text)?\|\|substr\(\(*)" STATESCOPE_COLUMN
        R"(\)*(?:::text)?,1,([1-7])\)\)*::bit\(([0-9]+)\)\)*::int(?:eger|4)?\)*%([0-9]+)\)*$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &remainder()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\(*(abs\()?\(*)" STATESCOPE_COLUMN STATESCOPE_CAST R"(\)*%)" STATESCOPE_NUMBER R"(\)*$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &modCall()
{
    static const QRegularExpression re(QStringLiteral(R"(^\(*mod\(\(*)" STATESCOPE_COLUMN STATESCOPE_CAST
                                                      R"(,)" STATESCOPE_NUMBER R"(\)\)*$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

#undef STATESCOPE_COLUMN
#undef STATESCOPE_CAST
#undef STATESCOPE_NUMBER

// The range of an integer type, as format_type() names it.
std::optional<std::pair<qint64, qint64>> integerRange(const QString &type)
{
    if (type == QLatin1String("smallint"))
        return std::pair<qint64, qint64>{-32768, 32767};
    if (type == QLatin1String("integer"))
        return std::pair<qint64, qint64>{std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max()};
    if (type == QLatin1String("bigint"))
        return std::pair<qint64, qint64>{std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()};
    return std::nullopt;
}

bool isHex(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

} // namespace

std::optional<LocalRule> LocalRule::recognise(const QString &expression)
{
    const QString text = squeezed(expression);
    LocalRule rule;
    if (const auto m = hexPrefix().match(text); m.hasMatch()) {
        rule.m_form = Form::HexPrefix;
        rule.m_column = nameOf(m.captured(1));
        rule.m_digits = m.captured(2).toInt();
        rule.m_modulus = m.captured(4).toLongLong();
        if (m.captured(3).toInt() != 4 * rule.m_digits) // 'x' and N hex digits are 4N bits
            return std::nullopt;
    } else if (const auto r = remainder().match(text); r.hasMatch()) {
        // "abs(" opened needs its ")" before the %: "abs(k)%4", not "abs(k%4)" (no match then).
        rule.m_absolute = !r.captured(1).isEmpty();
        const qsizetype percent = text.lastIndexOf(QLatin1Char('%'));
        if (rule.m_absolute && !text.left(percent).endsWith(QLatin1Char(')')))
            return std::nullopt;
        rule.m_column = nameOf(r.captured(2));
        rule.m_cast = r.captured(3).toLower();
        rule.m_modulus = r.captured(4).toLongLong();
    } else if (const auto c = modCall().match(text); c.hasMatch()) {
        rule.m_column = nameOf(c.captured(1));
        rule.m_cast = c.captured(2).toLower();
        rule.m_modulus = c.captured(3).toLongLong();
    } else {
        return std::nullopt;
    }
    if (rule.m_modulus <= 0 || rule.m_modulus > 1024)
        return std::nullopt;
    return rule;
}

bool LocalRule::handles(const QString &type) const
{
    if (m_form == Form::HexPrefix)
        return type == QLatin1String("uuid") || type == QLatin1String("text") || type == QLatin1String("character varying");
    return integerRange(type).has_value();
}

std::optional<int> LocalRule::evaluate(const QString &type, const QString &value) const
{
    if (!handles(type))
        return std::nullopt;
    if (m_form == Form::HexPrefix) {
        if (type == QLatin1String("uuid")) {
            // The forms the server prints the same: 8-4-4-4-12 digits, or 32 digits. Braces,
            // other hyphens, spaces: the server reads those.
            static const QRegularExpression canonical(
                QStringLiteral("^(?:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
                               "|[0-9A-Fa-f]{32})$"));
            if (!canonical.match(value).hasMatch())
                return std::nullopt;
        }
        if (value.size() < m_digits)
            return std::nullopt; // the server refuses a shorter bit string
        const QString prefix = value.left(m_digits);
        if (!std::all_of(prefix.cbegin(), prefix.cend(), isHex))
            return std::nullopt;
        return int(prefix.toLongLong(nullptr, 16) % m_modulus);
    }
    static const QRegularExpression integer(QStringLiteral("^-?[0-9]+$"));
    if (!integer.match(value).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 v = value.toLongLong(&ok);
    const auto range = integerRange(type);
    if (!ok || v < range->first || v > range->second)
        return std::nullopt; // out of the type's range: the server says so
    const auto cast = m_cast.isEmpty() ? range : integerRange(m_cast);
    if (v < cast->first || v > cast->second)
        return std::nullopt; // out of the range of the type the rule casts it to
    if (m_absolute && v == cast->first)
        return std::nullopt; // abs() of the smallest value is out of range too
    return int((m_absolute ? (v < 0 ? -v : v) : v) % m_modulus);
}

QStringList LocalRule::samples(const QString &type) const
{
    QStringList out;
    if (m_form == Form::HexPrefix) {
        const qint64 all = qint64(1) << (4 * m_digits);
        const qint64 count = std::min<qint64>(all, 4096);
        for (qint64 i = 0; i < count; ++i) {
            const qint64 v = count == all ? i : i * (all - 1) / (count - 1);
            QString prefix = QString::number(v, 16).rightJustified(m_digits, QLatin1Char('0'));
            if (i % 7 == 3)
                prefix = prefix.toUpper(); // the server reads either case
            if (type == QLatin1String("uuid"))
                out << prefix + QString(8 - m_digits, QLatin1Char('0')) + QStringLiteral("-0000-4000-8000-000000000000");
            else
                out << prefix + QStringLiteral("-rest");
        }
        return out;
    }
    auto range = integerRange(type);
    if (!range)
        return out;
    if (const auto cast = integerRange(m_cast)) // the narrower of the two
        range = std::pair{std::max(range->first, cast->first), std::min(range->second, cast->second)};
    for (qint64 v = -300; v <= 300; ++v)
        out << QString::number(v);
    for (const qint64 v : {range->first + (m_absolute ? 1 : 0), range->first + 1, range->second - 1, range->second})
        out << QString::number(v);
    return out;
}

} // namespace statescope::shard
