#pragma once

#include <QDateTime>
#include <QString>

#include <compare>
#include <optional>

namespace statescope {

// A point in time at the server's precision: microseconds since the Unix epoch, UTC.
// QDateTime stops at milliseconds, so a filter typed as "...21.372160Z" and sent through
// it became "...21.372Z" and returned an event stored at .372159. Every time a person types
// (filters, Go to time) and every time read back from timestamptz goes through this type.
class Timestamp
{
public:
    // Whole-string ISO 8601 as people and the server write it: "2025-01-06",
    // "2025-01-06 14:02", "2025-01-06T14:02:21.372160Z", "2025-01-06 14:02:21.37216+00",
    // "...+05:30". At most six fractional digits (the server keeps microseconds; more
    // would be rounded silently). Without an offset the text is UTC. nullopt otherwise.
    static std::optional<Timestamp> parse(const QString &text);
    // Exact, from a timestamptz as the server prints it in UTC (as parse()).
    static std::optional<Timestamp> fromServer(const QByteArray &text);
    static Timestamp fromDateTime(const QDateTime &t);
    static Timestamp fromUsecs(qint64 usecs) { return Timestamp(usecs); }

    qint64 usecsSinceEpoch() const { return m_usecs; }
    // For display and charts: millisecond precision (truncated towards the past).
    QDateTime toDateTime() const;
    // "2025-01-06T14:02:21.372160Z"; without a fraction when it is zero. The server reads
    // it back exactly (bind it as timestamptz).
    QString toIso() const;

    auto operator<=>(const Timestamp &) const = default;

private:
    explicit Timestamp(qint64 usecs) : m_usecs(usecs) {}
    qint64 m_usecs = 0;
};

} // namespace statescope
