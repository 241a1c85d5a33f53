#include "snapshotstore.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/validate.h"

#include <limits>
#include "core/snapshots/snapshotsql.h"

namespace statescope::snapshots {

using namespace detail;

namespace {

constexpr int kMaxKeep = 100'000'000;

// One dotted token: "ships", "0", "ships[0]", "grid[1][2]".
bool appendDotted(const QString &token, json::Path &path)
{
    const qsizetype bracket = token.indexOf(u'[');
    const QString key = bracket < 0 ? token : token.left(bracket);
    if (key.isEmpty() && bracket != 0)
        return false;
    if (!key.isEmpty())
        path.push_back(json::PathStep::ofKey(key));
    if (bracket < 0)
        return true;
    QString rest = token.mid(bracket);
    while (!rest.isEmpty()) {
        const qsizetype close = rest.indexOf(u']');
        if (!rest.startsWith(u'[') || close < 2)
            return false;
        const auto index = validate::wholeNumber(rest.mid(1, close - 1));
        if (!index || *index < 0 || *index > std::numeric_limits<int>::max())
            return false;
        path.push_back(json::PathStep::ofIndex(int(*index)));
        rest = rest.mid(close + 1);
    }
    return true;
}

} // namespace

pg::Result SnapshotStore::run(const QString &templ, const std::vector<pg::Param> &params) const
{
    return m_conn.exec(layout::of(m_conn)->sql(templ), params);
}

const layout::Relation &SnapshotStore::relation() const
{
    return layout::of(m_conn)->require(layout::Kind::Snapshots);
}

std::optional<json::Path> parsePath(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return json::Path{};
    if (text.startsWith(u'/'))
        return json::fromPointer(text);
    json::Path path;
    for (const QString &token : text.split(u'.')) {
        if (token.isEmpty() || !appendDotted(token, path))
            return std::nullopt;
    }
    return path;
}

QList<SnapshotInfo> SnapshotStore::list() const
{
    const auto r = run(QStringLiteral("SELECT %1 FROM {snapshots s} ORDER BY %2")
                                   .arg(infoColumns(), QLatin1String(kTimelineOrder)));
    QList<SnapshotInfo> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        out.append(infoFromRow(r, i));
    return out;
}

SnapshotInfo SnapshotStore::atTick(qint64 tick) const
{
    const auto r = run(QStringLiteral("SELECT %1 FROM {snapshots s} WHERE s.tick_number "
                                              "= $1 ORDER BY %2 LIMIT 1")
                                   .arg(infoColumns(), QLatin1String(kRecoveryOrder)),
                               {tick});
    if (r.rowCount() == 0) {
        const auto range = run(
            QStringLiteral("SELECT min(tick_number), max(tick_number) FROM {snapshots}"));
        throw Error(Error::Kind::NotFound, tr("No snapshot has tick %1.").arg(tick), {},
                    range.isNull(0, 0) ? tr("%1 is empty.").arg(relation().qualifiedName())
                                       : tr("Ticks run from %1 to %2; see the list of snapshots.")
                                             .arg(range.value(0, 0), range.value(0, 1)));
    }
    return infoFromRow(r, 0);
}

SnapshotInfo SnapshotStore::byId(qint64 id) const
{
    const auto r = run(
        QStringLiteral("SELECT %1 FROM {snapshots s} WHERE s.id = $1").arg(infoColumns()), {id});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no snapshot with id %1.").arg(id));
    return infoFromRow(r, 0);
}

QByteArray SnapshotStore::state(qint64 snapshotId) const
{
    const auto r = run(
        QStringLiteral("SELECT state::text FROM {snapshots} WHERE id = $1"), {snapshotId});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no snapshot with id %1.").arg(snapshotId));
    return r.bytes(0, 0);
}

PathValue SnapshotStore::valueAt(qint64 snapshotId, const json::Path &path) const
{
    const auto r = run(
        QStringLiteral("SELECT x.v IS NOT NULL, jsonb_typeof(x.v), x.v::text FROM {snapshots s} "
                       "CROSS JOIN LATERAL (SELECT s.state #> $2::text[] AS v) x WHERE s.id = $1"),
        {snapshotId, textArray(path)});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no snapshot with id %1.").arg(snapshotId));
    PathValue v;
    v.present = r.toBool(0, 0);
    if (v.present) {
        v.type = r.value(0, 1);
        v.text = r.bytes(0, 2);
    }
    return v;
}

std::optional<TrackPath> TrackPath::parse(const QString &raw)
{
    const QString text = raw.trimmed();
    TrackPath out;
    if (text.startsWith(u'$')) {
        out.sqlJson = text;
        return out;
    }
    out.pointer = parsePath(text);
    if (!out.pointer)
        return std::nullopt;
    return out;
}

QString TrackPath::text() const
{
    return pointer ? json::toPointer(*pointer) : sqlJson;
}

QList<TrackPoint> SnapshotStore::track(const json::Path &path) const
{
    return trackValues(QStringLiteral("s.state #> $1::text[]"), textArray(path));
}

QList<TrackPoint> SnapshotStore::track(const TrackPath &path) const
{
    if (path.pointer)
        return track(*path.pointer);
    try {
        run(QStringLiteral("SELECT $1::jsonpath"), {path.sqlJson});
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::Query)
            throw;
        throw Error::invalidInput(tr("\"%1\" is not an SQL/JSON path the server can read: %2")
                                      .arg(path.sqlJson, e.message()));
    }
    // silent => true: in lax mode a structural error in one snapshot is "missing" there.
    return trackValues(QStringLiteral("jsonb_path_query_first(s.state, $1::jsonpath, '{}', true)"),
                       path.sqlJson);
}

QList<TrackPoint> SnapshotStore::trackValues(const QString &valueExpression,
                                             const pg::Param &path) const
{
    // One statement: the server walks the path in every row; only the values travel.
    const auto r = run(
        QStringLiteral("SELECT s.id, s.tick_number, %1, x.v IS NOT NULL, jsonb_typeof(x.v), "
                       "x.v::text, CASE WHEN jsonb_typeof(x.v) = 'number' "
                       "THEN (x.v #>> '{}')::numeric END "
                       "FROM {snapshots s} CROSS JOIN LATERAL "
                       "(SELECT %3 AS v) x ORDER BY %2")
            .arg(utcMillis(QStringLiteral("s.game_time")), QLatin1String(kTimelineOrder),
                 valueExpression),
        {path});
    QList<TrackPoint> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        TrackPoint p;
        p.id = r.toLongLong(i, 0);
        p.tick = r.toLongLong(i, 1);
        p.gameTime = parseUtc(r.value(i, 2));
        p.value.present = r.toBool(i, 3);
        if (p.value.present) {
            p.value.type = r.value(i, 4);
            p.value.text = r.bytes(i, 5);
        }
        if (!r.isNull(i, 6)) {
            bool ok = false;
            const double d = r.value(i, 6).toDouble(&ok);
            if (ok)
                p.number = d;
        }
        out.append(p);
    }
    return out;
}

QString SnapshotStore::recoveryRule()
{
    return tr("A restart recovers from the latest snapshot by tick_number; when several share "
              "that tick, the one created last (created_at), then the highest id. (The game "
              "server prefers a newer live tick held elsewhere, which the database cannot see.)");
}

RecoveryChoice SnapshotStore::recovery() const
{
    RecoveryChoice c;
    c.rule = recoveryRule();
    const auto r = run(
        QStringLiteral("SELECT %1, (SELECT count(*) FROM {snapshots t} WHERE t.tick_number = "
                       "s.tick_number) FROM {snapshots s} ORDER BY %2 LIMIT 1")
            .arg(infoColumns(), QLatin1String(kRecoveryOrder)));
    if (r.rowCount() > 0) {
        c.snapshot = infoFromRow(r, 0);
        c.sameTick = r.toInt(0, 6);
    }
    return c;
}

std::optional<SnapshotInfo>
SnapshotStore::recoveryExcluding(const QList<SnapshotInfo> &excluded) const
{
    QList<qint64> ids;
    ids.reserve(excluded.size());
    for (const SnapshotInfo &s : excluded)
        ids.append(s.id);
    const auto r = run(QStringLiteral("SELECT %1 FROM {snapshots s} WHERE NOT (s.id = "
                                              "ANY($1::bigint[])) ORDER BY %2 LIMIT 1")
                                   .arg(infoColumns(), QLatin1String(kRecoveryOrder)),
                               {idArray(ids)});
    if (r.rowCount() == 0)
        return std::nullopt;
    return infoFromRow(r, 0);
}

QString RetentionPolicy::ruleKey(Rule rule)
{
    return rule == Rule::Game ? QStringLiteral("game") : QStringLiteral("newest-by-tick");
}

std::optional<RetentionPolicy::Rule> RetentionPolicy::ruleFromKey(const QString &key)
{
    if (key == QLatin1String("game"))
        return Rule::Game;
    if (key == QLatin1String("newest-by-tick"))
        return Rule::NewestByTick;
    return std::nullopt;
}

QString RetentionPolicy::describe() const
{
    const qint64 minutes = minAgeSeconds / 60;
    return rule == Rule::Game
               ? SnapshotStore::tr("the game's own rule: above %1 snapshots, the lowest ticks among those older "
                                   "than %n minute(s) go, as many as there are above %1",
                                   nullptr, int(minutes))
                     .arg(maxKeep)
               : SnapshotStore::tr("newest by tick: the newest %1 by tick stay; of the rest, those older than %n "
                                   "minute(s) go",
                                   nullptr, int(minutes))
                     .arg(maxKeep);
}

SnapshotPlan SnapshotStore::retentionPreview(const RetentionPolicy &policy) const
{
    if (policy.maxKeep < 1 || policy.maxKeep > kMaxKeep)
        throw Error::invalidInput(
            tr("The retention policy must keep from 1 to %1 snapshots, not %2.")
                .arg(kMaxKeep)
                .arg(policy.maxKeep));
    if (policy.minAgeSeconds < 0)
        throw Error::invalidInput(tr("The minimum age to prune cannot be negative."));
    SnapshotPlan plan;
    plan.kind = SnapshotPlan::Kind::Prune;
    plan.policy = policy;
    plan.total =
        run(QStringLiteral("SELECT count(*) FROM {snapshots}")).toLongLong(0, 0);
    if (policy.rule == RetentionPolicy::Rule::Game) {
        // The game's own statement: among those older than minAge, the lowest ticks, as many
        // as the count exceeds maxKeep.
        const qint64 excess = std::max<qint64>(0, plan.total - policy.maxKeep);
        if (excess == 0) {
            plan.recoveryAfter = recoveryExcluding(plan.toDelete); // as it is now: nothing goes
            return plan;
        }
        const auto r = run(
            QStringLiteral("SELECT %1 FROM {snapshots s} WHERE s.id IN ("
                           "  SELECT t.id FROM {snapshots t} "
                           "  WHERE t.created_at < now() - $2::bigint * interval '1 second' "
                           "  ORDER BY t.tick_number ASC, t.created_at ASC, t.id ASC LIMIT $1) "
                           "ORDER BY %2")
                .arg(infoColumns(), QLatin1String(kTimelineOrder)),
            {excess, policy.minAgeSeconds});
        for (int i = 0; i < r.rowCount(); ++i)
            plan.toDelete.append(infoFromRow(r, i));
        plan.keptYoung = excess - plan.toDelete.size(); // over the limit, but too young to go
        plan.recoveryAfter = recoveryExcluding(plan.toDelete);
        return plan;
    }
    // Ranked newest first by the recovery order; only those beyond maxKeep are candidates,
    // and of those only the ones at least minAge old go.
    const auto r = run(
        QStringLiteral("SELECT %1, s.created_at > now() - $2::bigint * interval '1 second' "
                       "FROM (SELECT t.*, row_number() OVER (ORDER BY t.tick_number DESC, "
                       "t.created_at DESC, t.id DESC) AS rank FROM {snapshots t}) s "
                       "WHERE s.rank > $1 ORDER BY %2")
            .arg(infoColumns(), QLatin1String(kTimelineOrder)),
        {policy.maxKeep, policy.minAgeSeconds});
    for (int i = 0; i < r.rowCount(); ++i) {
        if (r.toBool(i, 6))
            ++plan.keptYoung;
        else
            plan.toDelete.append(infoFromRow(r, i));
    }
    plan.recoveryAfter = recoveryExcluding(plan.toDelete);
    return plan;
}

SnapshotPlan SnapshotStore::rollbackPreview(qint64 toTick) const
{
    // The tick to roll back to is the caller's input: one no snapshot has is refused as such.
    try {
        atTick(toTick);
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::NotFound)
            throw;
        throw Error::invalidInput(tr("No snapshot has tick %1; nothing was changed.").arg(toTick),
                                  e.hint());
    }
    SnapshotPlan plan;
    plan.kind = SnapshotPlan::Kind::Rollback;
    plan.toTick = toTick;
    plan.total =
        run(QStringLiteral("SELECT count(*) FROM {snapshots}")).toLongLong(0, 0);
    const auto r = run(QStringLiteral("SELECT %1 FROM {snapshots s} WHERE s.tick_number "
                                              "> $1 ORDER BY %2")
                                   .arg(infoColumns(), QLatin1String(kTimelineOrder)),
                               {toTick});
    for (int i = 0; i < r.rowCount(); ++i)
        plan.toDelete.append(infoFromRow(r, i));
    plan.recoveryAfter = recoveryExcluding(plan.toDelete);
    return plan;
}

} // namespace statescope::snapshots
