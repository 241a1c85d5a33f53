#pragma once

#include "core/pg/connection.h"
#include "core/snapshots/snapshotstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <vector>

namespace statescope::snapshots {

// A player with cloud saves.
struct SavePlayer
{
    QString playerId;
    qint64 saves = 0;
    QDateTime latest; // the latest created_at among them
};

// One save_snapshots row without its data, with its checksum recomputed by checksumRule().
struct SaveInfo
{
    qint64 snapshotId = 0;
    QString playerId;
    QString version;
    QDateTime createdAt;    // UTC, millisecond precision
    QString createdAtExact; // UTC with the server's microseconds: ties show as ties
    qint64 sizeBytes = 0;   // pg_column_size(snapshot_data)
    QString storedChecksum; // as stored
    QString computedChecksum; // of the form that matched, else of the jsonb text
    QString checksumForm;     // "canonical", "compact", "jsonb"; empty: none matched
    bool checksumMatches = false;
};

// Which form of a document a stored checksum is the SHA-256 of.
struct ChecksumCheck
{
    QString form;     // "canonical", "compact", "jsonb", or empty
    QString computed; // the matching hash, or the jsonb text's
};
ChecksumCheck checkChecksum(const QString &stored, const QByteArray &jsonbText);
QString checksumFormName(const QString &form); // for people

// Marketland-style cloud saves (save_snapshots: player_id, version, snapshot_data,
// checksum, created_at), in core or, in a game's own database, in public. A retention
// trigger keeps the last 5 per player by created_at and may delete the newest rows of a
// batch that share created_at: saves are always listed by what is stored (created_at,
// then snapshot_id), never by assuming the highest id is the latest.
class SaveStore
{
    Q_DECLARE_TR_FUNCTIONS(statescope::snapshots::SaveStore)
public:
    explicit SaveStore(pg::Connection &conn);

    // Whether the database has saves (found by its layout), and where ("public.save_snapshots").
    bool available() const { return !m_table.isEmpty(); }
    QString table() const { return m_table; }
    QString source() const; // "public.save_snapshots, detected"

    // Players with saves, the most recently saved first; at most limit.
    QList<SavePlayer> players(int limit = 1000) const;
    // One player's saves, ORDER BY created_at DESC, snapshot_id DESC. InvalidInput for a
    // malformed UUID.
    QList<SaveInfo> saves(const QString &playerId) const;
    SaveInfo save(qint64 snapshotId) const;
    // snapshot_data as PostgreSQL prints it.
    QByteArray data(qint64 snapshotId) const;
    StateDiff diff(qint64 fromId, qint64 toId, bool keyed = true) const;

    // How the checksum is recomputed, in words.
    static QString checksumRule();

    // Under row-level security keyed on a setting (Marketland's app.current_player_id): read
    // as this player from now on (per transaction, read-only). InvalidInput when no policy
    // of the saves table reads a setting, or for a malformed id.
    void viewAsPlayer(const QString &playerId);

private:
    pg::Result run(const QString &templ, const std::vector<pg::Param> &params) const;
    QList<SaveInfo> query(const QString &where, const std::vector<pg::Param> &params) const;

    pg::Connection &m_conn;
    QString m_table;
};

} // namespace statescope::snapshots
