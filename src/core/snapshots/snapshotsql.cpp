#include "snapshotsql.h"

namespace statescope::snapshots::detail {

QString utcMillis(const QString &column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        .arg(column);
}

QString utcMicros(const QString &column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
        .arg(column);
}

QDateTime parseUtc(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

QString infoColumns()
{
    return QStringLiteral("s.id, s.tick_number, %1, %2, pg_column_size(s.state), "
                          "floor(extract(epoch FROM now() - s.created_at))::bigint")
        .arg(utcMillis(QStringLiteral("s.game_time")), utcMillis(QStringLiteral("s.created_at")));
}

SnapshotInfo infoFromRow(const pg::Result &r, int row)
{
    SnapshotInfo s;
    s.id = r.toLongLong(row, 0);
    s.tick = r.toLongLong(row, 1);
    s.gameTime = parseUtc(r.value(row, 2));
    s.createdAt = parseUtc(r.value(row, 3));
    s.sizeBytes = r.toLongLong(row, 4);
    s.ageSeconds = r.toLongLong(row, 5);
    return s;
}

QByteArray idArray(const QList<qint64> &ids)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(ids[i]);
    }
    return out + '}';
}

QByteArray textArray(const json::Path &path)
{
    QByteArray out = "{";
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0)
            out += ',';
        const QByteArray step =
            path[i].isIndex ? QByteArray::number(path[i].index) : path[i].key.toUtf8();
        out += '"';
        for (char c : step) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + '}';
}

} // namespace statescope::snapshots::detail
