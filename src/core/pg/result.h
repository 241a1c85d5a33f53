#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_result;

namespace statescope::pg {

// A completed result set. Cheap to copy (shared, immutable), safe to read from any thread.
// Values are in PostgreSQL's text format.
class Result
{
public:
    Result() = default;
    explicit Result(pg_result *res);

    int rowCount() const;
    int columnCount() const;
    QString columnName(int column) const;
    int columnIndex(const QString &name) const; // -1 when absent
    // The column's type OID (PQftype), e.g. 1184 for timestamptz; 0 when unknown.
    unsigned int columnType(int column) const;
    bool isNull(int row, int column) const;
    QString value(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    // The value in place, without a copy: valid while this Result (or a copy of it) lives.
    QByteArrayView view(int row, int column) const;
    qint64 toLongLong(int row, int column, qint64 fallback = 0) const;
    int toInt(int row, int column, int fallback = 0) const;
    bool toBool(int row, int column) const;
    // Rows touched by INSERT/UPDATE/DELETE.
    qint64 affectedRows() const;
    // The server's command tag: "SELECT 3", "INSERT 0 1", "SET".
    QString commandTag() const;

    QString value(int row, const char *column) const;
    qint64 toLongLong(int row, const char *column, qint64 fallback = 0) const;
    bool isNull(int row, const char *column) const;

private:
    int requireColumn(const char *column) const;
    std::shared_ptr<pg_result> m_res;
};

} // namespace statescope::pg
