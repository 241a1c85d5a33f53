#include "core/find/needle.h"

#include "core/error.h"
#include "core/validate.h"

#include <QRegularExpression>

namespace statescope::find {

namespace {

// A uuid's 32 hex digits in its 8-4-4-4-12 form.
QString dashed(const QString &hex)
{
    return hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4) + QLatin1Char('-')
           + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
}

// The hex digits of a uuid or its beginning, when dashes stand only where a uuid has them
// (or nowhere): "7f3c1a2b", "7f3c1a2b-9d", "7f3c1a2b9d...". Empty when it is not one.
QString uuidDigits(const QString &s)
{
    static const int dashesAt[] = {8, 13, 18, 23};
    QString hex;
    bool anyDash = s.contains(QLatin1Char('-'));
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('-')) {
            if (std::find(std::begin(dashesAt), std::end(dashesAt), i) == std::end(dashesAt))
                return {};
            continue;
        }
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'))))
            return {};
        if (anyDash && std::find(std::begin(dashesAt), std::end(dashesAt), i) != std::end(dashesAt))
            return {}; // a digit where the dashed form has a dash
        hex += c.toLower();
    }
    return hex.size() <= 32 ? hex : QString();
}

} // namespace

Needle Needle::parse(const QString &typed)
{
    Needle n;
    n.text = typed.trimmed();
    if (n.text.isEmpty())
        throw Error::invalidInput(tr("Nothing to find: type an id, a number, a symbol or a name."));
    if (n.text.size() > kMaxChars)
        throw Error::invalidInput(tr("The value is %1 characters long; at most %2 are looked up.")
                                      .arg(n.text.size())
                                      .arg(kMaxChars));
    for (const QChar c : n.text)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            throw Error::invalidInput(tr("The value holds a control character (U+%1); nothing was looked up.")
                                          .arg(c.unicode(), 4, 16, QLatin1Char('0')));
    const QString hex = uuidDigits(n.text);
    if (hex.size() == 32) {
        n.uuid = dashed(hex);
    } else if (hex.size() >= 8) {
        n.uuidRange = std::make_pair(dashed(hex + QString(32 - hex.size(), QLatin1Char('0'))),
                                     dashed(hex + QString(32 - hex.size(), QLatin1Char('f'))));
    }
    static const validate::WholePattern integer(QStringLiteral("-?[0-9]{1,19}"));
    if (integer.match(n.text).hasMatch()) {
        bool ok = false;
        const qint64 v = n.text.toLongLong(&ok);
        if (ok)
            n.integer = v;
    }
    return n;
}

QString Needle::describe() const
{
    QStringList as;
    if (uuid)
        as << tr("a uuid");
    if (uuidRange)
        as << tr("a uuid's beginning");
    if (integer)
        as << tr("an integer");
    as << tr("text");
    return as.join(QStringLiteral(", "));
}

} // namespace statescope::find
