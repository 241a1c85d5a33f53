#include "saves.h"

#include "core/error.h"
#include "core/snapshots/snapshotsql.h"
#include "core/validate.h"

#include <QUuid>

namespace statescope::snapshots {

using namespace detail;

namespace {

// The recomputed checksum: SHA-256 over the bytes of the jsonb text in UTF-8.
constexpr auto kComputed = "encode(sha256(convert_to(d.snapshot_data::text, 'UTF8')), 'hex')";

} // namespace

SaveStore::SaveStore(pg::Connection &conn) : m_conn(conn)
{
    // Only these two names are ever interpolated into the statements below.
    m_table = conn.exec(QStringLiteral(
                            "SELECT CASE WHEN to_regclass('core.save_snapshots') IS NOT NULL "
                            "THEN 'core.save_snapshots' WHEN to_regclass('public.save_snapshots') "
                            "IS NOT NULL THEN 'public.save_snapshots' ELSE '' END"))
                  .value(0, 0);
}

QString SaveStore::checksumRule()
{
    return tr("SHA-256, in lower-case hex, of snapshot_data as PostgreSQL prints jsonb "
              "(snapshot_data::text in UTF-8: keys shorter first, then by bytes; \", \" and "
              "\": \" between items). The stored checksum matches when it is the same hex "
              "string, ignoring case and surrounding spaces.");
}

void SaveStore::requireTable() const
{
    if (m_table.isEmpty())
        throw Error(Error::Kind::NotFound,
                    tr("%1 has no save_snapshots table.").arg(m_conn.database()), {},
                    tr("Migrate to version 7 for core.save_snapshots."));
}

QList<SavePlayer> SaveStore::players(int limit) const
{
    requireTable();
    const auto r =
        m_conn.exec(QStringLiteral("SELECT player_id, count(*), %1 FROM %2 d GROUP BY player_id "
                                   "ORDER BY max(created_at) DESC, player_id LIMIT $1")
                        .arg(utcMillis(QStringLiteral("max(d.created_at)")), m_table),
                    {limit});
    QList<SavePlayer> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.value(i, 0), r.toLongLong(i, 1), parseUtc(r.value(i, 2))});
    return out;
}

QList<SaveInfo> SaveStore::query(const QString &where, const std::vector<pg::Param> &params) const
{
    requireTable();
    const auto r = m_conn.exec(
        QStringLiteral("SELECT d.snapshot_id, d.player_id, d.version, %1, %2, "
                       "pg_column_size(d.snapshot_data), d.checksum, %3 FROM %4 d WHERE %5 "
                       "ORDER BY d.created_at DESC, d.snapshot_id DESC")
            .arg(utcMillis(QStringLiteral("d.created_at")),
                 utcMicros(QStringLiteral("d.created_at")), QLatin1String(kComputed), m_table,
                 where),
        params);
    QList<SaveInfo> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        SaveInfo s;
        s.snapshotId = r.toLongLong(i, 0);
        s.playerId = r.value(i, 1);
        s.version = r.value(i, 2);
        s.createdAt = parseUtc(r.value(i, 3));
        s.createdAtExact = r.value(i, 4);
        s.sizeBytes = r.toLongLong(i, 5);
        s.storedChecksum = r.value(i, 6);
        s.computedChecksum = r.value(i, 7);
        s.checksumMatches =
            s.storedChecksum.trimmed().compare(s.computedChecksum, Qt::CaseInsensitive) == 0;
        out.append(s);
    }
    return out;
}

QList<SaveInfo> SaveStore::saves(const QString &playerId) const
{
    const std::optional<QUuid> id = validate::uuid(playerId);
    if (!id)
        throw Error::invalidInput(tr("\"%1\" is not a player id (a UUID).").arg(playerId));
    return query(QStringLiteral("d.player_id = $1"), {id->toString(QUuid::WithoutBraces)});
}

SaveInfo SaveStore::save(qint64 snapshotId) const
{
    const QList<SaveInfo> rows = query(QStringLiteral("d.snapshot_id = $1"), {snapshotId});
    if (rows.isEmpty())
        throw Error(Error::Kind::NotFound, tr("There is no save %1.").arg(snapshotId));
    return rows.first();
}

QByteArray SaveStore::data(qint64 snapshotId) const
{
    requireTable();
    const auto r = m_conn.exec(
        QStringLiteral("SELECT snapshot_data::text FROM %1 WHERE snapshot_id = $1").arg(m_table),
        {snapshotId});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no save %1.").arg(snapshotId));
    return r.bytes(0, 0);
}

StateDiff SaveStore::diff(qint64 fromId, qint64 toId, bool keyed) const
{
    return diffStates(data(fromId), data(toId), keyed);
}

} // namespace statescope::snapshots
