#pragma once

#include "core/json/document.h"
#include "core/snapshots/statediff.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

#include "core/pg/connection.h"

namespace statescope::layout {
struct Relation;
}

namespace statescope::snapshots {

// One row of core.snapshots (Galaxy world snapshots), without its state.
struct SnapshotInfo
{
    qint64 id = 0;
    qint64 tick = 0;
    QDateTime gameTime;    // UTC, millisecond precision
    QDateTime createdAt;   // UTC, millisecond precision
    qint64 sizeBytes = 0;  // pg_column_size(state): stored bytes, maybe compressed
    qint64 ageSeconds = 0; // server now() - created_at
};

// The value at a path in one snapshot's state, as the server resolved it (jsonb #>).
struct PathValue
{
    bool present = false; // false: the path does not exist in this state
    QString type;         // jsonb_typeof: object, array, string, number, boolean, null
    QByteArray text;      // the value as PostgreSQL prints jsonb
};

// The value at a path in one snapshot, for a series over ticks.
struct TrackPoint
{
    qint64 id = 0;
    qint64 tick = 0;
    QDateTime gameTime;
    PathValue value;
    std::optional<double> number; // when the value is a number
};

// Which snapshot a restart recovers from, and why.
struct RecoveryChoice
{
    std::optional<SnapshotInfo> snapshot; // none: the table is empty
    int sameTick = 0;                     // snapshots sharing its tick (a tie when > 1)
    QString rule;                         // the rule, in words
};

// Galaxy's retention: keep the newest maxKeep snapshots by tick, and never prune one
// younger than minAgeSeconds whatever the count.
// Which snapshots a prune deletes.
//   Game          the game's own prune (seed 002): when there are more than maxKeep, delete
//                 the (count - maxKeep) lowest-tick snapshots among those older than minAge
//                 (ties broken by created_at, then id). What the game itself would delete.
//   NewestByTick  keep the newest maxKeep by tick; of the rest, delete those older than
//                 minAge. Differs from the game when young snapshots have low ticks (after a
//                 roll back to a tick, or a restart from an old snapshot).
struct RetentionPolicy
{
    enum class Rule { Game, NewestByTick };
    int maxKeep = 100;
    qint64 minAgeSeconds = 3600;
    Rule rule = Rule::Game;

    static QString ruleKey(Rule rule);                  // "game", "newest-by-tick"
    static std::optional<Rule> ruleFromKey(const QString &key);
    QString describe() const;                           // for people, with the numbers
};

// What a prune or a roll back to a tick would delete, computed before anything changes.
struct SnapshotPlan
{
    enum class Kind { Prune, Rollback };
    Kind kind = Kind::Prune;
    RetentionPolicy policy;       // Prune
    qint64 toTick = 0;            // Rollback: snapshots with a later tick go
    qint64 total = 0;             // snapshots in the table now
    QList<SnapshotInfo> toDelete; // by tick, then created_at, then id
    qint64 keptYoung = 0;         // Prune: beyond maxKeep but younger than minAge, so kept
    std::optional<SnapshotInfo> recoveryAfter; // what a restart would recover from afterwards
};

// A path as a JSON Pointer ("/ships/0/fuel"), or dotted ("ships.0.fuel", "ships[0].fuel");
// "" is the whole document. nullopt when malformed.
std::optional<json::Path> parsePath(const QString &text);

// What Track follows. A JSON Pointer or dotted path follows array positions; an SQL/JSON
// path ("$.ships[*] ? (@.ship_id == \"S1\").fuel") is evaluated by the server in every
// snapshot (the first item it yields; lax mode, errors in one snapshot give "missing"),
// so a ship is followed by its id whatever its position.
struct TrackPath
{
    std::optional<json::Path> pointer; // set for a pointer or dotted path
    QString sqlJson;                   // set for an SQL/JSON path
    // "$..." is SQL/JSON (checked by the server when tracked); anything else as parsePath().
    // nullopt when malformed.
    static std::optional<TrackPath> parse(const QString &text);
    QString text() const;
};

// Reads core.snapshots; every statement is parameterized and read-only, so a read-only
// session serves all of it.
class SnapshotStore
{
    Q_DECLARE_TR_FUNCTIONS(statescope::snapshots::SnapshotStore)
public:
    explicit SnapshotStore(pg::Connection &conn) : m_conn(conn) {}

    // The timeline: by tick, then created_at, then id.
    QList<SnapshotInfo> list() const;
    // The snapshot of a tick; when several share it, the one recovery would take. NotFound.
    SnapshotInfo atTick(qint64 tick) const;
    SnapshotInfo byId(qint64 id) const;
    // The state as PostgreSQL prints jsonb (state::text).
    QByteArray state(qint64 snapshotId) const;
    // Resolved by the server: state #> path (a text[] parameter).
    PathValue valueAt(qint64 snapshotId, const json::Path &path) const;
    // The value at path in every snapshot, in timeline order, in one query.
    QList<TrackPoint> track(const json::Path &path) const;
    // Either kind of path; an SQL/JSON path the server cannot read is InvalidInput, with
    // the server's reason, before anything else runs.
    QList<TrackPoint> track(const TrackPath &path) const;

    RecoveryChoice recovery() const;
    static QString recoveryRule();

    // What the policy would prune now (server time). InvalidInput for a bad policy.
    SnapshotPlan retentionPreview(const RetentionPolicy &policy) const;
    // What rolling the world back to tick would delete. NotFound when no snapshot has it.
    SnapshotPlan rollbackPreview(qint64 toTick) const;

    // The table the snapshots are read from (through the database's layout); NotFound
    // saying so when the database has none.
    const layout::Relation &relation() const;

private:
    pg::Result run(const QString &templ, const std::vector<pg::Param> &params = {}) const;
    std::optional<SnapshotInfo> recoveryExcluding(const QList<SnapshotInfo> &excluded) const;
    QList<TrackPoint> trackValues(const QString &valueExpression, const pg::Param &path) const;

    pg::Connection &m_conn;
};

} // namespace statescope::snapshots
