#pragma once

#include "core/pg/connection.h"
#include "core/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace statescope::events {

// What the user narrowed raw.api_events down to. Every field is optional and they
// combine with AND. Values only ever reach the server as bound parameters.
struct EventFilter
{
    QStringList endpoints;      // any of these (exact)
    QString status;             // "404", "4xx", or a comma list: "429,5xx"
    std::optional<Timestamp> since; // fetched_at >= since (microseconds kept)
    std::optional<Timestamp> until; // fetched_at < until
    QString requestKey;         // substring of request_key, case-insensitive
    QString contains;           // JSON text: payload @> contains
    QString jsonPath;           // SQL/JSON path: payload @? jsonPath
    QString payloadHash;        // payload_hash: exact (64 hex digits), or a prefix of it
    std::vector<qint64> ids;    // only these events (export of a selection)

    bool isEmpty() const;
    // A short human summary for status lines and audit ("endpoint=/my/ships, status=5xx").
    QString describe() const;
};

// A problem with one field, found without asking the server.
struct FieldError
{
    enum class Field { Endpoints, Status, Since, Until, RequestKey, Contains, JsonPath, Hash };
    Field field;
    QString message;
};

// Local checks: status syntax and range, time order, JSON well-formed (with position),
// path not empty/plausible. An empty list means the filter may be sent.
std::vector<FieldError> validate(const EventFilter &filter);
// Throws Error(InvalidInput) with the first problem, for callers without fields (CLI).
void requireValid(const EventFilter &filter);

// Parses a point in time typed by a person: ISO 8601 ("2025-01-06T14:02:03.372160Z",
// "2025-01-06 14:02", "2025-01-06"), the whole text; without an offset it is UTC.
std::optional<Timestamp> parseTime(const QString &text);

// The WHERE clause for a filter with its parameters. Placeholders are $n from
// firstParam on; with Style::SessionSettings they read set_config() values instead,
// for COPY, which takes no parameters (settings() lists what to set first).
class SqlFilter
{
    Q_DECLARE_TR_FUNCTIONS(statescope::events::SqlFilter)
public:
    enum class Style { Placeholders, SessionSettings };
    SqlFilter(const EventFilter &filter, Style style = Style::Placeholders, int firstParam = 1);

    // "TRUE" when nothing is filtered; never empty.
    const QString &where() const { return m_where; }
    const std::vector<pg::Param> &params() const { return m_params; }
    int nextParam() const { return m_next; }
    // For SessionSettings: SELECT set_config(...) for every value, to run (bound) before.
    QString settingsSql() const;

private:
    QString placeholder(const QString &type);
    void add(const QString &condition);

    Style m_style;
    int m_next;
    QString m_where;
    QStringList m_conditions;
    std::vector<pg::Param> m_params;
};

} // namespace statescope::events
