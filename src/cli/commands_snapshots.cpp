#include "commands_snapshots.h"
#include "jsonoutput.h"

#include "core/json/diff.h"
#include "core/json/document.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/snapshots/galaxyextras.h"
#include "core/snapshots/redisrecovery.h"
#include "core/snapshots/saves.h"
#include "core/snapshots/snapshotadmin.h"
#include "core/snapshots/snapshotstore.h"
#include "core/secrets.h"
#include "core/settings.h"
#include "core/validate.h"
#include "core/weekly/weeklyname.h"

#include <cstdio>
#include <limits>

namespace statescope::cli::snapshotscli {

using namespace statescope::snapshots;

std::string iso(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs).toStdString() : std::string();
}

nlohmann::json toJson(const SnapshotInfo &s)
{
    return {{"id", s.id},
            {"tick", s.tick},
            {"game_time", iso(s.gameTime)},
            {"created_at", iso(s.createdAt)},
            {"size_bytes", s.sizeBytes},
            {"age_seconds", s.ageSeconds}};
}

nlohmann::json toJson(const std::optional<SnapshotInfo> &s)
{
    return s ? toJson(*s) : nlohmann::json();
}

QString infoLine(const SnapshotInfo &s)
{
    return QStringLiteral("%1  tick %2  %3  created %4  %5 bytes  age %6 s")
        .arg(s.id, 8)
        .arg(s.tick, 10)
        .arg(QString::fromStdString(iso(s.gameTime)), QString::fromStdString(iso(s.createdAt)))
        .arg(s.sizeBytes, 9)
        .arg(s.ageSeconds);
}

void addDb(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("db"),
                            QStringLiteral("The weekly database (conninfo or URI)."),
                            QStringLiteral("CONN")});
}

std::unique_ptr<pg::Connection> open(const Command &cmd, pg::Connection::Access access)
{
    return cmd.open(QStringLiteral("db"), access);
}

qint64 wholeNumber(const char *option, const QString &text)
{
    const auto parsed = validate::wholeNumber(text);
    const qint64 v = parsed.value_or(-1);
    if (!parsed || v < 0)
        throw Error::invalidInput(QStringLiteral("--%1 must be a whole number >= 0, not \"%2\".")
                                      .arg(QLatin1String(option), text));
    return v;
}

} // namespace statescope::cli::snapshotscli

namespace statescope::cli {

namespace {

using namespace statescope::snapshots;
using namespace statescope::cli::snapshotscli;

nlohmann::json saveJson(const SaveInfo &s)
{
    return {{"snapshot_id", s.snapshotId},
            {"player_id", utf8(s.playerId)},
            {"version", utf8(s.version)},
            {"created_at", utf8(s.createdAtExact)},
            {"size_bytes", s.sizeBytes},
            {"checksum", utf8(s.storedChecksum)},
            {"computed_checksum", utf8(s.computedChecksum)},
            {"checksum_matches", s.checksumMatches},
            {"checksum_form", s.checksumForm.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(utf8(s.checksumForm))}};
}

json::Path pathOption(const Command &cmd)
{
    const QString text = cmd.required(QStringLiteral("path"));
    const auto path = parsePath(text);
    if (!path)
        throw Error::invalidInput(
            QStringLiteral("--path \"%1\" is neither a JSON pointer "
                           "(/ships/0/fuel) nor a dotted path (ships.0.fuel).")
                .arg(text));
    return *path;
}

int printDiff(const Command &cmd, nlohmann::json doc, const StateDiff &d)
{
    return cli::printDiff(cmd, std::move(doc), d.result, d.from, d.to);
}

int list(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots list"),
                QStringLiteral("World snapshots by tick with size and age, and the one a restart "
                               "would recover from."));
    addDb(cmd);
    cmd.parse(args);
    auto conn = open(cmd);
    SnapshotStore store(*conn);
    const QList<SnapshotInfo> rows = store.list();
    const RecoveryChoice rc = store.recovery();
    nlohmann::json doc = {{"count", rows.size()}, {"snapshots", nlohmann::json::array()}};
    QStringList lines;
    // Newest first, as the Snapshots pane and the docs show them.
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        doc["snapshots"].push_back(toJson(*it));
        lines << infoLine(*it);
    }
    doc["recovery"] = {
        {"snapshot", toJson(rc.snapshot)}, {"same_tick", rc.sameTick}, {"rule", utf8(rc.rule)}};
    lines << (rc.snapshot ? QStringLiteral("Recovery: tick %1 (id %2). %3")
                                .arg(rc.snapshot->tick)
                                .arg(rc.snapshot->id)
                                .arg(rc.rule)
                          : QStringLiteral("No snapshots."));
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int show(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots show"),
                QStringLiteral("The state of the snapshot at a tick, or the value at a path in it "
                               "(resolved by the server)."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("tick"), QStringLiteral("The tick."), QStringLiteral("T")});
    p.addOption({QStringLiteral("path"),
                 QStringLiteral("A JSON pointer (/ships/0/fuel) or dotted path (ships.0.fuel)."),
                 QStringLiteral("P")});
    cmd.parse(args);
    const qint64 tick = wholeNumber("tick", cmd.required(QStringLiteral("tick")));
    const std::optional<json::Path> path =
        p.isSet(QStringLiteral("path")) ? std::optional(pathOption(cmd)) : std::nullopt;
    auto conn = open(cmd);
    SnapshotStore store(*conn);
    const SnapshotInfo info = store.atTick(tick);
    nlohmann::json doc = {{"snapshot", toJson(info)}};
    QByteArray raw;
    if (path) {
        const PathValue v = store.valueAt(info.id, *path);
        if (!v.present)
            throw Error(Error::Kind::NotFound, QStringLiteral("The snapshot at tick %1 has nothing "
                                                              "at %2.")
                                                   .arg(tick)
                                                   .arg(json::toPointer(*path)));
        doc["path"] = utf8(json::toPointer(*path));
        doc["type"] = utf8(v.type);
        raw = v.text;
    } else {
        raw = store.state(info.id);
    }
    if (cmd.json()) {
        std::fputs(withRaw(doc, {{path ? "value" : "state", raw}}).c_str(), stdout);
        return Ok;
    }
    const json::Document d = json::Document::parse(raw);
    cmd.print({}, infoLine(info) + QLatin1Char('\n') +
                      QString::fromUtf8(d.isValid() ? json::pretty(d, d.root()) : raw));
    return Ok;
}

int diff(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots diff"),
                QStringLiteral("What changed from the snapshot at tick A to the one at tick B; "
                               "arrays of objects matched by ship_id/name/id/symbol."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("tick"),
                            QStringLiteral("A tick; give it twice (A, then B)."),
                            QStringLiteral("T")});
    cmd.parser().addOption({QStringLiteral("positional"),
                            QStringLiteral("Match array elements by position instead.")});
    cmd.parse(args);
    const QStringList ticks = cmd.parser().values(QStringLiteral("tick"));
    if (ticks.size() != 2)
        throw Error::invalidInput(QStringLiteral("Give --tick twice: the snapshot to compare from, "
                                                 "then the one to compare to."));
    const bool keyed = !cmd.parser().isSet(QStringLiteral("positional"));
    auto conn = open(cmd);
    SnapshotStore store(*conn);
    const SnapshotInfo a = store.atTick(wholeNumber("tick", ticks[0]));
    const SnapshotInfo b = store.atTick(wholeNumber("tick", ticks[1]));
    return printDiff(cmd, {{"from", toJson(a)}, {"to", toJson(b)}, {"keyed", keyed}},
                     diffStates(store.state(a.id), store.state(b.id), keyed));
}

int track(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots track"),
                QStringLiteral("The value at a path in every snapshot, by tick (one server-side "
                               "query)."));
    addDb(cmd);
    cmd.parser().addOption(
        {QStringLiteral("path"),
         QStringLiteral("A JSON pointer (/ships/0/fuel) or dotted path, which follow array "
                        "positions, or an SQL/JSON path evaluated by the server, which can "
                        "follow one element by its key: '$.ships[*] ? (@.ship_id == \"S1\").fuel'."),
         QStringLiteral("P")});
    cmd.parse(args);
    const QString text = cmd.required(QStringLiteral("path"));
    const auto path = TrackPath::parse(text);
    if (!path)
        throw Error::invalidInput(
            QStringLiteral("--path \"%1\" is neither a JSON pointer (/ships/0/fuel), a dotted "
                           "path (ships.0.fuel) nor an SQL/JSON path ($.ships[0].fuel).")
                .arg(text));
    auto conn = open(cmd);
    const QList<TrackPoint> points = SnapshotStore(*conn).track(*path);
    nlohmann::json doc = {{"path", utf8(path->text())},
                          {"points", nlohmann::json::array()}};
    QStringList lines;
    for (const TrackPoint &t : points) {
        doc["points"].push_back(
            {{"id", t.id},
             {"tick", t.tick},
             {"game_time", iso(t.gameTime)},
             {"present", t.value.present},
             {"type", t.value.present ? nlohmann::json(utf8(t.value.type)) : nlohmann::json()},
             {"value",
              t.value.present ? nlohmann::json(t.value.text.toStdString()) : nlohmann::json()},
             {"number", t.number ? nlohmann::json(*t.number) : nlohmann::json()}});
        lines << QStringLiteral("tick %1  %2  %3")
                     .arg(t.tick, 10)
                     .arg(QString::fromStdString(iso(t.gameTime)),
                          t.value.present ? QString::fromUtf8(t.value.text) : QStringLiteral("-"));
    }
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int saves(const QStringList &args)
{
    Command cmd(
        QStringLiteral("snapshots saves"),
        QStringLiteral("Players with cloud saves; with --player, that player's saves (newest "
                       "first, as stored) with their checksums recomputed; with --diff "
                       "twice, what changed between two saves."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("player"), QStringLiteral("The player id (UUID)."),
                 QStringLiteral("UUID")});
    p.addOption({QStringLiteral("as-player"),
                 QStringLiteral("Under row-level security keyed on a setting (app.current_player_id): "
                                "read as this player (per transaction, read-only)."),
                 QStringLiteral("UUID")});
    p.addOption({QStringLiteral("diff"), QStringLiteral("A save id; give it twice (A, then B)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("positional"),
                 QStringLiteral("With --diff: match array elements by position.")});
    cmd.parse(args);
    auto conn = open(cmd);
    SaveStore store(*conn);
    if (p.isSet(QStringLiteral("as-player")))
        store.viewAsPlayer(p.value(QStringLiteral("as-player")));
    const std::string rule = utf8(SaveStore::checksumRule());
    if (p.isSet(QStringLiteral("diff"))) {
        const QStringList ids = p.values(QStringLiteral("diff"));
        if (ids.size() != 2)
            throw Error::invalidInput(QStringLiteral("Give --diff twice: the save to compare from, "
                                                     "then the one to compare to."));
        const qint64 a = wholeNumber("diff", ids[0]), b = wholeNumber("diff", ids[1]);
        const bool keyed = !p.isSet(QStringLiteral("positional"));
        return printDiff(
            cmd,
            {{"from", saveJson(store.save(a))}, {"to", saveJson(store.save(b))}, {"keyed", keyed}},
            store.diff(a, b, keyed));
    }
    nlohmann::json doc = {{"table", utf8(store.table())}, {"source", utf8(store.source())},
                          {"checksum_rule", rule}};
    QStringList lines;
    if (!p.isSet(QStringLiteral("player"))) {
        doc["players"] = nlohmann::json::array();
        for (const SavePlayer &s : store.players()) {
            doc["players"].push_back(
                {{"player_id", utf8(s.playerId)}, {"saves", s.saves}, {"latest", iso(s.latest)}});
            lines << QStringLiteral("%1  %2 saves  latest %3")
                         .arg(s.playerId)
                         .arg(s.saves)
                         .arg(QString::fromStdString(iso(s.latest)));
        }
    } else {
        doc["player_id"] = utf8(p.value(QStringLiteral("player")));
        doc["saves"] = nlohmann::json::array();
        for (const SaveInfo &s : store.saves(p.value(QStringLiteral("player")))) {
            doc["saves"].push_back(saveJson(s));
            lines << QStringLiteral("%1  %2  v%3  %4 bytes  checksum %5 %6")
                         .arg(s.snapshotId, 8)
                         .arg(s.createdAtExact, s.version)
                         .arg(s.sizeBytes)
                         .arg(s.storedChecksum.left(16),
                              s.checksumMatches ? QStringLiteral("ok: %1").arg(checksumFormName(s.checksumForm))
                                                : QStringLiteral("MISMATCH: no known form matches "
                                                                 "(jsonb text gives %1)")
                                                      .arg(s.computedChecksum.left(16)));
        }
        lines << QStringLiteral("Checksum rule: ") + QString::fromStdString(rule);
    }
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int recovery(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots recovery"),
                QStringLiteral("What a Galaxy restart recovers from, by the game's own rule: Redis game:tick absent: "
                               "the newest snapshot; Redis ahead of the snapshot: Redis; otherwise the snapshot. "
                               "With the values the restart uses (tick, paused, tick_rate, total_spawns). Redis is "
                               "only read (GET), never written; its password comes from the URL or REDISCLI_AUTH, "
                               "as for redis-cli. TLS (rediss://) is not supported."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("redis"),
                            QStringLiteral("The game's Redis: redis://[:password@]host[:port][/db]. Without it, the "
                                           "Redis the app remembers for the database's family (its password from the "
                                           "keychain); without either the answer assumes Redis is empty, and says so."),
                            QStringLiteral("URL")});
    cmd.parse(args);
    std::optional<RedisUrl> redis;
    const QString family = [&] {
        const auto name = weekly::WeeklyName::parse(cmd.connection(QStringLiteral("db")).database());
        return name ? name->prefix() : cmd.connection(QStringLiteral("db")).database();
    }();
    if (cmd.parser().isSet(QStringLiteral("redis"))) {
        redis = RedisUrl::parse(cmd.parser().value(QStringLiteral("redis")));
    } else if (const QString saved = settings::redisUrl(family); !saved.isEmpty()) {
        // The family's Redis as the app remembered it; its password from the keychain.
        redis = RedisUrl::parse(saved);
        if (const secrets::Result r = secrets::readNow(secrets::redisKey(family), 5000); r.ok())
            redis->password = r.secret;
    }
    if (redis && redis->password.isEmpty())
        redis->password = qEnvironmentVariable("REDISCLI_AUTH");
    auto conn = open(cmd);
    const RecoveryAnswer a = recoveryAnswer(*conn, redis);
    const auto opt = [](const QString &v) { return v.isEmpty() ? nlohmann::json() : nlohmann::json(utf8(v)); };
    nlohmann::json doc = {
        {"source", utf8(RecoveryAnswer::sourceName(a.source))},
        {"why", utf8(a.why)},
        {"snapshot", toJson(a.snapshot.snapshot)},
        {"snapshot_tick", a.snapshot.snapshot ? nlohmann::json(a.snapshot.snapshot->tick) : nlohmann::json()},
        {"redis_url", a.redisAsked ? nlohmann::json(utf8(a.redisUrl)) : nlohmann::json()},
        {"redis_tick", a.redisTick ? nlohmann::json(*a.redisTick) : nlohmann::json()},
        {"redis_error", opt(a.redisError)},
        {"confirmed", a.redisAsked && a.redisError.isEmpty()},
        {"values", {{"tick", opt(a.tick)}, {"paused", opt(a.paused)}, {"tick_rate", opt(a.tickRate)},
                    {"total_spawns", opt(a.totalSpawns)}}}};
    QStringList lines{QStringLiteral("Source: %1").arg(RecoveryAnswer::sourceName(a.source)), a.why};
    if (a.source != RecoveryAnswer::Source::Nothing)
        lines << QStringLiteral("A restart would use: tick %1, paused %2, tick_rate %3, total_spawns %4")
                     .arg(a.tick, a.paused.isEmpty() ? QStringLiteral("(none)") : a.paused,
                          a.tickRate.isEmpty() ? QStringLiteral("(none)") : a.tickRate,
                          a.totalSpawns.isEmpty() ? QStringLiteral("(none)") : a.totalSpawns);
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int config(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots config"),
                QStringLiteral("Galaxy's game_config (key, JSON value, updated_at), and the history the game's "
                               "snapshot retention keeps, from snapshot_interval."));
    addDb(cmd);
    cmd.parse(args);
    auto conn = open(cmd);
    const QList<ConfigEntry> entries = readGameConfig(*conn);
    if (!layout::of(*conn)->has(layout::Kind::GameConfig))
        throw Error(Error::Kind::NotFound, QStringLiteral("This database has no game configuration table."));
    nlohmann::json list = nlohmann::json::array();
    QStringList lines;
    for (const ConfigEntry &e : entries) {
        const auto value = nlohmann::json::parse(e.value.toStdString(), nullptr, false);
        list.push_back({{"key", utf8(e.key)},
                        {"value", value.is_discarded() ? nlohmann::json(utf8(e.value)) : value},
                        {"updated_at", e.updatedAt.isValid() ? nlohmann::json(iso(e.updatedAt)) : nlohmann::json()}});
        lines << QStringLiteral("%1  %2").arg(e.key, -24).arg(e.value);
    }
    const QString history = describeHistory(entries);
    lines << QString() << history;
    cmd.print({{"config", list}, {"history", utf8(history)}}, lines.join(QLatin1Char('\n')));
    return Ok;
}

int maneuvers(const QStringList &args)
{
    Command cmd(QStringLiteral("snapshots maneuvers"),
                QStringLiteral("Galaxy's maneuver events: per ship, its count and span and what the game's "
                               "retention (1,000 per ship, pruned on insert) deletes next; with --ship, that "
                               "ship's events, newest first. Read only."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("ship"), QStringLiteral("A ship id (UUID): its events."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("keep"), QStringLiteral("Rows kept per ship (default 1000, the game's)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N rows (ships, or events with --ship; default 1000)."),
                 QStringLiteral("N")});
    cmd.parse(args);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 1000, 1, 10000));
    auto conn = open(cmd);
    Maneuvers m(*conn);
    if (p.isSet(QStringLiteral("ship"))) {
        nlohmann::json list = nlohmann::json::array();
        QStringList lines;
        for (const ManeuverEvent &e : m.events(p.value(QStringLiteral("ship")), limit)) {
            list.push_back({{"id", e.id}, {"maneuver_type", utf8(e.maneuverType)}, {"event_type", utf8(e.eventType)},
                            {"phase", utf8(e.phase)}, {"tick", e.tick},
                            {"game_time", e.gameTime.isValid() ? nlohmann::json(iso(e.gameTime)) : nlohmann::json()},
                            {"status_text", utf8(e.status)},
                            {"created_at", e.createdAt.isValid() ? nlohmann::json(iso(e.createdAt)) : nlohmann::json()}});
            lines << QStringLiteral("%1  tick %2  %3 %4 %5  %6")
                         .arg(QString::fromStdString(iso(e.createdAt)))
                         .arg(e.tick, 10)
                         .arg(e.maneuverType, e.eventType, e.phase, e.status);
        }
        cmd.print(list, lines.isEmpty() ? QStringLiteral("No maneuver events for this ship.") : lines.join('\n'));
        return Ok;
    }
    const ManeuverRetention r = m.retention(int(cmd.integer(QStringLiteral("keep"), Maneuvers::kKeepPerShip, 1, 10000000)),
                                            limit);
    nlohmann::json ships = nlohmann::json::array();
    QStringList lines{r.describe(), QString()};
    for (const ShipManeuvers &s : r.ships) {
        ships.push_back({{"ship_id", utf8(s.shipId)}, {"events", s.events},
                         {"newest", s.newest.isValid() ? nlohmann::json(iso(s.newest)) : nlohmann::json()},
                         {"oldest", s.oldest.isValid() ? nlohmann::json(iso(s.oldest)) : nlohmann::json()},
                         {"beyond_retention", s.beyondRetention}});
        lines << QStringLiteral("%1  %2 events  newest %3  %4 beyond retention")
                     .arg(s.shipId)
                     .arg(s.events, 7)
                     .arg(QString::fromStdString(iso(s.newest)))
                     .arg(s.beyondRetention);
    }
    cmd.print({{"keep_per_ship", r.keepPerShip}, {"total_events", r.totalEvents}, {"would_delete", r.wouldDelete},
               {"ships_over", r.shipsOver}, {"ships", ships}, {"summary", utf8(r.describe())}},
              lines.join('\n'));
    return Ok;
}

} // namespace

int runSnapshots(const QString &sub, const QStringList &args)
{
    using Fn = int (*)(const QStringList &);
    static const std::pair<const char *, Fn> commands[] = {
        {"list", list},   {"show", show},         {"diff", diff}, {"track", track},
        {"prune", prune}, {"rollback", rollback}, {"undo", undo}, {"saves", saves}, {"recovery", recovery},
        {"config", config}, {"maneuvers", maneuvers}};
    for (const auto &[name, fn] : commands)
        if (sub == QLatin1String(name))
            return fn(args);
    throw Error::invalidInput(QStringLiteral("Unknown snapshots command: %1").arg(sub),
                              QStringLiteral("Commands: list, show, diff, track, recovery, config, maneuvers, "
                                             "prune, rollback, undo, saves."));
}

} // namespace statescope::cli
