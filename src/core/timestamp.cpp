#include "timestamp.h"

#include "validate.h"

#include <QTimeZone>

namespace statescope {

namespace {

constexpr qint64 kUsecsPerSec = 1000000;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

std::optional<Timestamp> Timestamp::parse(const QString &input)
{
    static const validate::WholePattern form(QStringLiteral(
        "(\\d{4})-(\\d{2})-(\\d{2})"                      // date
        "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,6}))?)?" // time
        " ?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?"));             // offset
    const QString text = input.trimmed();
    const auto m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    int h = 0, mi = 0, s = 0;
    if (m.capturedLength(4) > 0) {
        h = m.captured(4).toInt();
        mi = m.captured(5).toInt();
        s = m.capturedLength(6) > 0 ? m.captured(6).toInt() : 0;
        if (h > 23 || mi > 59 || s > 59) // no leap seconds: the server has none either
            return std::nullopt;
    }
    qint64 fraction = 0;
    if (m.capturedLength(7) > 0)
        fraction = m.captured(7).leftJustified(6, QLatin1Char('0')).toLongLong();
    qint64 offsetSecs = 0;
    const QString offset = m.captured(8);
    if (!offset.isEmpty() && offset != QLatin1String("Z")) {
        const QString digits = offset.mid(1).remove(QLatin1Char(':'));
        const int oh = digits.left(2).toInt();
        const int om = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        if (oh > 15 || om > 59)
            return std::nullopt;
        offsetSecs = (oh * 3600 + om * 60) * (offset.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    const qint64 secs = QDateTime(date, QTime(h, mi, s), QTimeZone::utc()).toSecsSinceEpoch();
    return Timestamp((secs - offsetSecs) * kUsecsPerSec + fraction);
}

std::optional<Timestamp> Timestamp::fromServer(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return parse(QString::fromLatin1(text));
}

Timestamp Timestamp::fromDateTime(const QDateTime &t)
{
    return Timestamp(t.toMSecsSinceEpoch() * 1000);
}

QDateTime Timestamp::toDateTime() const
{
    return QDateTime::fromMSecsSinceEpoch(floorDiv(m_usecs, 1000), Qt::UTC);
}

QString Timestamp::toIso() const
{
    const qint64 secs = floorDiv(m_usecs, kUsecsPerSec);
    const qint64 fraction = m_usecs - secs * kUsecsPerSec;
    QString out = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc())
                      .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (fraction != 0)
        out += QLatin1Char('.') + QString::number(fraction).rightJustified(6, QLatin1Char('0'));
    return out + QLatin1Char('Z');
}

} // namespace statescope
