#include "result.h"

#include "core/error.h"

#include <libpq-fe.h>

#include <charconv>

namespace statescope::pg {

Result::Result(pg_result *res) : m_res(res, PQclear) {}

int Result::rowCount() const
{
    return m_res ? PQntuples(m_res.get()) : 0;
}

int Result::columnCount() const
{
    return m_res ? PQnfields(m_res.get()) : 0;
}

QString Result::columnName(int column) const
{
    return QString::fromUtf8(PQfname(m_res.get(), column));
}

int Result::columnIndex(const QString &name) const
{
    return m_res ? PQfnumber(m_res.get(), ('"' + name.toUtf8() + '"').constData()) : -1;
}

unsigned int Result::columnType(int column) const
{
    return m_res ? PQftype(m_res.get(), column) : 0;
}

bool Result::isNull(int row, int column) const
{
    return PQgetisnull(m_res.get(), row, column) == 1;
}

QString Result::value(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_res.get(), row, column),
                             PQgetlength(m_res.get(), row, column));
}

QByteArray Result::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_res.get(), row, column), PQgetlength(m_res.get(), row, column));
}

QByteArrayView Result::view(int row, int column) const
{
    return QByteArrayView(PQgetvalue(m_res.get(), row, column), PQgetlength(m_res.get(), row, column));
}

qint64 Result::toLongLong(int row, int column, qint64 fallback) const
{
    // Parsed in place: no allocation per value (long results read millions of them). A NULL
    // is libpq's empty string, which is no number either: the fallback, without asking
    // PQgetisnull() as well (a third of the calls into libpq for a row of numbers).
    const char *text = PQgetvalue(m_res.get(), row, column);
    const char *end = text + PQgetlength(m_res.get(), row, column);
    qint64 v = 0;
    const auto [ptr, ec] = std::from_chars(text, end, v);
    return ec == std::errc() && ptr == end && ptr != text ? v : fallback;
}

int Result::toInt(int row, int column, int fallback) const
{
    return int(toLongLong(row, column, fallback));
}

bool Result::toBool(int row, int column) const
{
    return *PQgetvalue(m_res.get(), row, column) == 't'; // a NULL is libpq's empty string
}

QString Result::commandTag() const
{
    return m_res ? QString::fromUtf8(PQcmdStatus(m_res.get())) : QString();
}

qint64 Result::affectedRows() const
{
    return m_res ? QByteArray(PQcmdTuples(m_res.get())).toLongLong() : 0;
}

int Result::requireColumn(const char *column) const
{
    const int index = m_res ? PQfnumber(m_res.get(), column) : -1;
    if (index < 0)
        throw Error(Error::Kind::Internal,
                    QStringLiteral("Result has no column \"%1\"").arg(QString::fromUtf8(column)));
    return index;
}

QString Result::value(int row, const char *column) const
{
    return value(row, requireColumn(column));
}

qint64 Result::toLongLong(int row, const char *column, qint64 fallback) const
{
    return toLongLong(row, requireColumn(column), fallback);
}

bool Result::isNull(int row, const char *column) const
{
    return isNull(row, requireColumn(column));
}

} // namespace statescope::pg
