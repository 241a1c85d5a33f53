#include "copytext.h"

#include <cstdio>

namespace statescope::demo {

namespace {

struct CivilTime
{
    qint64 year;
    int month, day, hour, minute, second, millisecond;
};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
CivilTime civil(qint64 msecs)
{
    const qint64 days = floorDiv(msecs, 86'400'000);
    qint64 msOfDay = msecs - days * 86'400'000;
    const qint64 z = days + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    CivilTime t{year, month, day, 0, 0, 0, 0};
    t.hour = int(msOfDay / 3'600'000);
    msOfDay %= 3'600'000;
    t.minute = int(msOfDay / 60'000);
    msOfDay %= 60'000;
    t.second = int(msOfDay / 1000);
    t.millisecond = int(msOfDay % 1000);
    return t;
}

std::string format(qint64 msecs, char dateTimeSeparator, const char *zone)
{
    const CivilTime t = civil(msecs);
    char text[48];
    std::snprintf(text, sizeof text, "%04lld-%02d-%02d%c%02d:%02d:%02d.%03d%s",
                  static_cast<long long>(t.year), t.month, t.day, dateTimeSeparator, t.hour,
                  t.minute, t.second, t.millisecond, zone);
    return std::string(text);
}

} // namespace

void CopyBuffer::separate()
{
    if (m_rowStarted)
        m_data.append('\t');
    m_rowStarted = true;
}

void CopyBuffer::add(const QByteArray &utf8)
{
    separate();
    // Copy runs of plain bytes in one go; only the four special bytes are rewritten.
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p;
    for (; p != end; ++p) {
        const char *escaped = nullptr;
        switch (*p) {
        case '\\':
            escaped = "\\\\";
            break;
        case '\t':
            escaped = "\\t";
            break;
        case '\n':
            escaped = "\\n";
            break;
        case '\r':
            escaped = "\\r";
            break;
        default:
            continue;
        }
        m_data.append(run, p - run);
        m_data.append(escaped, 2);
        run = p + 1;
    }
    m_data.append(run, end - run);
}

void CopyBuffer::add(qint64 value)
{
    separate();
    m_data.append(QByteArray::number(value));
}

void CopyBuffer::addNull()
{
    separate();
    m_data.append("\\N", 2);
}

void CopyBuffer::endRow()
{
    m_data.append('\n');
    m_rowStarted = false;
}

QByteArray CopyBuffer::take()
{
    QByteArray out;
    out.swap(m_data);
    m_rowStarted = false;
    return out;
}

QByteArray sqlTimestamp(qint64 msecsSinceEpoch)
{
    return QByteArray::fromStdString(format(msecsSinceEpoch, ' ', "+00"));
}

std::string isoTimestamp(qint64 msecsSinceEpoch)
{
    return format(msecsSinceEpoch, 'T', "Z");
}

} // namespace statescope::demo
