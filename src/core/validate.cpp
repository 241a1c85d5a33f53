#include "validate.h"

namespace statescope::validate {

WholePattern::WholePattern(const QString &pattern, QRegularExpression::PatternOptions options)
    : m_re(QRegularExpression::anchoredPattern(pattern), options)
{
    Q_ASSERT_X(m_re.isValid(), "WholePattern", qPrintable(m_re.errorString()));
}

QRegularExpressionMatch WholePattern::match(const QString &text) const
{
    return m_re.match(text);
}

std::optional<QUuid> uuid(const QString &text)
{
    static const WholePattern form(QStringLiteral(
        "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?"));
    if (!form.matches(text) || text.startsWith(QLatin1Char('{')) != text.endsWith(QLatin1Char('}')))
        return std::nullopt;
    return QUuid::fromString(text);
}

std::optional<qint64> wholeNumber(const QString &text)
{
    static const WholePattern form(QStringLiteral("[+-]?[0-9]{1,19}"));
    if (!form.matches(text))
        return std::nullopt;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

} // namespace statescope::validate
