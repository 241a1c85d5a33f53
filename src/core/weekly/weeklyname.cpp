#include "weeklyname.h"

#include "core/error.h"
#include "core/validate.h"

#include <QRegularExpression>

namespace statescope::weekly {

namespace {

constexpr int kMaxIdentifierBytes = 63;
const validate::WholePattern &namePattern()
{
    static const validate::WholePattern re(QStringLiteral("[a-z][a-z0-9_]*"));
    return re;
}
const validate::WholePattern &weeklyPattern()
{
    static const validate::WholePattern re(QStringLiteral("([a-z][a-z0-9_]*)_([0-9]{4})_w([0-9]{2})"));
    return re;
}

} // namespace

int isoWeeksInYear(int isoYear)
{
    // December 28th always falls in the last ISO week of its year.
    return QDate(isoYear, 12, 28).weekNumber();
}

void validateDatabaseName(const QString &name)
{
    if (name.isEmpty())
        throw Error::invalidInput(WeeklyName::tr("The database name is empty."));
    const qsizetype bytes = name.toUtf8().size();
    if (bytes > kMaxIdentifierBytes)
        throw Error::invalidInput(
            WeeklyName::tr("The database name \"%1\" is %2 bytes long; PostgreSQL allows 63.")
                .arg(name)
                .arg(bytes));
    if (!namePattern().match(name).hasMatch())
        throw Error::invalidInput(
            WeeklyName::tr("\"%1\" is not an accepted database name.").arg(name),
            WeeklyName::tr("Use lower-case letters, digits and underscores, starting with a "
                           "letter, e.g. spacetraders_2025_w01."));
}

void validatePrefix(const QString &prefix)
{
    if (prefix.isEmpty())
        throw Error::invalidInput(WeeklyName::tr("The prefix is empty."));
    // Leave room for "_YYYY_wWW" (9 bytes).
    if (prefix.toUtf8().size() > kMaxIdentifierBytes - 9)
        throw Error::invalidInput(
            WeeklyName::tr("The prefix \"%1\" is too long: at most 54 bytes leave room for "
                           "the week suffix.")
                .arg(prefix));
    if (!namePattern().match(prefix).hasMatch())
        throw Error::invalidInput(
            WeeklyName::tr("\"%1\" is not an accepted prefix.").arg(prefix),
            WeeklyName::tr("Use lower-case letters, digits and underscores, starting with a "
                           "letter, e.g. spacetraders."));
}

WeeklyName::WeeklyName(QString prefix, int isoYear, int week)
    : m_prefix(std::move(prefix)), m_isoYear(isoYear), m_week(week)
{
    validatePrefix(m_prefix);
    if (m_isoYear < 1970 || m_isoYear > 9999)
        throw Error::invalidInput(tr("The year %1 is out of range (1970-9999).").arg(isoYear));
    if (m_week < 1 || m_week > isoWeeksInYear(m_isoYear))
        throw Error::invalidInput(tr("ISO year %1 has no week %2 (it has weeks 1-%3).")
                                      .arg(isoYear)
                                      .arg(week)
                                      .arg(isoWeeksInYear(isoYear)));
}

std::optional<WeeklyName> WeeklyName::parse(const QString &databaseName)
{
    const auto m = weeklyPattern().match(databaseName);
    if (!m.hasMatch() || databaseName.toUtf8().size() > kMaxIdentifierBytes)
        return std::nullopt;
    try {
        return WeeklyName(m.captured(1), m.captured(2).toInt(), m.captured(3).toInt());
    } catch (const Error &) {
        return std::nullopt;
    }
}

WeeklyName WeeklyName::parseOrThrow(const QString &databaseName)
{
    validateDatabaseName(databaseName);
    const auto m = weeklyPattern().match(databaseName);
    if (!m.hasMatch())
        throw Error::invalidInput(
            tr("\"%1\" is not a weekly database name.").arg(databaseName),
            tr("Weekly names look like <prefix>_<ISO year>_w<week>, e.g. spacetraders_2025_w01."));
    return WeeklyName(m.captured(1), m.captured(2).toInt(), m.captured(3).toInt());
}

WeeklyName WeeklyName::fromIsoWeek(const QString &prefix, const QString &isoWeek)
{
    // Exactly ISO 8601's extended form: a capital W and two digits (2025-W07).
    static const validate::WholePattern re(QStringLiteral("([0-9]{4})-W([0-9]{2})"));
    const auto m = re.match(isoWeek);
    if (!m.hasMatch())
        throw Error::invalidInput(tr("\"%1\" is not an ISO week.").arg(isoWeek),
                                  tr("Write the week as YYYY-Www, e.g. 2025-W07."));
    return WeeklyName(prefix, m.captured(1).toInt(), m.captured(2).toInt());
}

WeeklyName WeeklyName::forDate(const QString &prefix, const QDate &date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return WeeklyName(prefix, year, week);
}

QString WeeklyName::databaseName() const
{
    return QStringLiteral("%1_%2_w%3").arg(m_prefix).arg(m_isoYear).arg(m_week, 2, 10,
                                                                        QLatin1Char('0'));
}

QString WeeklyName::isoWeekString() const
{
    return QStringLiteral("%1-W%2").arg(m_isoYear).arg(m_week, 2, 10, QLatin1Char('0'));
}

QDate WeeklyName::monday() const
{
    // January 4th is always in ISO week 1.
    const QDate jan4(m_isoYear, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek()).addDays(7 * (m_week - 1));
}

WeeklyName WeeklyName::next() const
{
    if (m_week < isoWeeksInYear(m_isoYear))
        return WeeklyName(m_prefix, m_isoYear, m_week + 1);
    return WeeklyName(m_prefix, m_isoYear + 1, 1);
}

bool WeeklyName::operator<(const WeeklyName &other) const
{
    if (m_prefix != other.m_prefix)
        return m_prefix < other.m_prefix;
    if (m_isoYear != other.m_isoYear)
        return m_isoYear < other.m_isoYear;
    return m_week < other.m_week;
}

} // namespace statescope::weekly
