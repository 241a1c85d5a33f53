#pragma once

#include <QByteArray>
#include <QString>
#include <string>

namespace statescope::demo {

// Rows in PostgreSQL's COPY text format: fields separated by tabs, rows ended by a
// newline, NULL written as \N, and backslash, tab, newline and carriage return inside a
// value escaped with a backslash. (COPY text has no quoting; everything else in a value,
// UTF-8 included, goes through as is.)
class CopyBuffer
{
public:
    void add(const QByteArray &utf8);
    void add(const QString &text) { add(text.toUtf8()); }
    void add(const char *text) { add(QByteArray(text)); }
    void add(qint64 value);
    void add(int value) { add(qint64(value)); }
    void addNull();
    void endRow();

    qsizetype size() const { return m_data.size(); }
    bool isEmpty() const { return m_data.isEmpty(); }
    QByteArray take();

private:
    void separate();

    QByteArray m_data;
    bool m_rowStarted = false;
};

// Timestamps from milliseconds since the epoch, UTC, computed with integer arithmetic
// (no time zone database, no locale): "2025-01-06 00:00:00.123+00" for timestamptz
// columns and "2025-01-06T00:00:00.123Z" inside JSON documents.
QByteArray sqlTimestamp(qint64 msecsSinceEpoch);
std::string isoTimestamp(qint64 msecsSinceEpoch);

} // namespace statescope::demo
