#include "core/plurals.h"

#include <QRegularExpression>

#include <cstring>

namespace statescope {

QString EnglishPlurals::resolve(QString text, int n)
{
    const bool one = n == 1;
    static const QRegularExpression ies(QStringLiteral("\\(ies\\)"));
    static const QRegularExpression es(QStringLiteral("\\(es\\)"));
    static const QRegularExpression s(QStringLiteral("\\(s\\)"));
    text.replace(ies, one ? QStringLiteral("y") : QStringLiteral("ies"));
    text.replace(es, one ? QString() : QStringLiteral("es"));
    text.replace(s, one ? QString() : QStringLiteral("s"));
    return text;
}

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText || !std::strchr(sourceText, '('))
        return {};
    const QString source = QString::fromUtf8(sourceText);
    const QString resolved = resolve(source, n);
    return resolved == source ? QString() : resolved;
}

} // namespace statescope
