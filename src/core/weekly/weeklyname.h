#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace statescope::weekly {

// A database per weekly reset: <prefix>_<ISO year>_w<ISO week, two digits>,
// e.g. spacetraders_2025_w01.
class WeeklyName
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::WeeklyName)
public:
    WeeklyName(QString prefix, int isoYear, int week);

    // nullopt when the text is not a weekly name (it may still be a valid database name).
    static std::optional<WeeklyName> parse(const QString &databaseName);
    // Throws Error(InvalidInput) explaining what is wrong.
    static WeeklyName parseOrThrow(const QString &databaseName);
    // "2025-W07" (ISO 8601 week), as used on the command line.
    static WeeklyName fromIsoWeek(const QString &prefix, const QString &isoWeek);
    static WeeklyName forDate(const QString &prefix, const QDate &date);

    const QString &prefix() const { return m_prefix; }
    int isoYear() const { return m_isoYear; }
    int week() const { return m_week; }
    QString databaseName() const;
    QString isoWeekString() const; // 2025-W07
    QDate monday() const;          // the day the reset starts
    WeeklyName next() const;

    bool operator==(const WeeklyName &other) const = default;
    bool operator<(const WeeklyName &other) const;

private:
    QString m_prefix;
    int m_isoYear;
    int m_week;
};

int isoWeeksInYear(int isoYear);

// Database names Statescope will create or act on: lower-case letters, digits and
// underscore, starting with a letter, at most 63 bytes. Throws Error(InvalidInput).
void validateDatabaseName(const QString &name);
void validatePrefix(const QString &prefix);

} // namespace statescope::weekly
