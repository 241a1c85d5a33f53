// player-events list|counts: append-only per-player events (Marketland+'s player_events),
// newest first, keyset-paged across the month partitions; counts per type per day.
#include "jsonoutput.h"
#include "output.h"

#include "core/browse/rowsecurity.h"
#include "core/events/playerevents.h"
#include "core/pg/connection.h"

namespace statescope::cli {

namespace {

using namespace statescope::events;

void addOptions(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("The database (conninfo or URI)."), QStringLiteral("CONN")});
    p.addOption({QStringLiteral("player"), QStringLiteral("Only this player's events (a UUID)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("type"), QStringLiteral("Only this event type (repeatable)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("since"), QStringLiteral("occurred_at >= T (ISO 8601; UTC without an offset)."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("until"), QStringLiteral("occurred_at < T."), QStringLiteral("T")});
    p.addOption({QStringLiteral("as-player"),
                 QStringLiteral("Row-level security: read as this player (the setting the policies read, made in "
                                "each read-only transaction). Without it, a role under the policies of "
                                "player_events reads as the --player given."),
                 QStringLiteral("ID")});
}

std::optional<Timestamp> time(const Command &cmd, const char *option)
{
    if (!cmd.parser().isSet(QLatin1String(option)))
        return std::nullopt;
    const QString text = cmd.parser().value(QLatin1String(option));
    const auto t = Timestamp::parse(text);
    if (!t)
        throw Error::invalidInput(QStringLiteral("--%1 is not a time: \"%2\".").arg(QLatin1String(option), text),
                                  QStringLiteral("ISO 8601, e.g. 2025-11-01 or 2025-11-01T12:00:00Z."));
    return t;
}

PlayerEventFilter filterOf(const Command &cmd)
{
    PlayerEventFilter f;
    f.player = cmd.parser().value(QStringLiteral("player")).trimmed();
    f.types = cmd.parser().values(QStringLiteral("type"));
    f.since = time(cmd, "since");
    f.until = time(cmd, "until");
    return f;
}

// Opens the database; under row-level security, reads as --as-player or, failing that, as
// the --player asked about (the policies would show nothing else).
std::unique_ptr<pg::Connection> openAs(const Command &cmd)
{
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    const QString as = cmd.parser().isSet(QStringLiteral("as-player"))
                           ? cmd.parser().value(QStringLiteral("as-player")).trimmed()
                           : cmd.parser().value(QStringLiteral("player")).trimmed();
    if (as.isEmpty())
        return conn;
    // --as-player: every setting the policies read; --player alone: those of the events
    // table, so that a role under its policies sees the player asked about.
    const bool explicitly = cmd.parser().isSet(QStringLiteral("as-player"));
    const browse::RowSecurity rls = browse::RowSecurity::read(*conn);
    const QStringList settings = [&] {
        if (explicitly)
            return rls.settings();
        for (const browse::ProtectedTable &t : rls.tables)
            if (t.table == QLatin1String("player_events"))
                return t.settings;
        return QStringList();
    }();
    if (explicitly && settings.isEmpty())
        rls.checkViewAs(QStringLiteral("app.current_player_id"), as); // says no policy reads one
    for (const QString &setting : settings) {
        rls.checkViewAs(setting, as);
        conn->setTransactionSetting(setting, as);
    }
    return conn;
}

int list(const QStringList &args)
{
    Command cmd(QStringLiteral("player-events list"),
                QStringLiteral("Per-player events newest first, keyset-paged by (occurred_at, id): the time bounds "
                               "prune the month partitions. --after continues from the cursor a page printed."));
    addOptions(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("limit"), QStringLiteral("Rows per page (1..10000, default 200)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("after"), QStringLiteral("The cursor of the previous page (\"TIME,ID\")."),
                 QStringLiteral("CURSOR")});
    cmd.parse(args);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 200, 1, 10000));
    std::optional<PlayerEventCursor> after;
    if (p.isSet(QStringLiteral("after"))) {
        const QString text = p.value(QStringLiteral("after"));
        const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
        const auto at = Timestamp::parse(text.left(comma));
        bool ok = false;
        const qint64 id = text.mid(comma + 1).toLongLong(&ok);
        if (comma < 0 || !at || !ok)
            throw Error::invalidInput(QStringLiteral("--after is not a cursor: \"%1\".").arg(text),
                                      QStringLiteral("Use the \"next\" value a page printed, e.g. 2025-11-03T10:00:00Z,4711."));
        after = PlayerEventCursor{*at, id};
    }
    const PlayerEventFilter filter = filterOf(cmd);
    auto conn = openAs(cmd);
    const PlayerEventPage page = PlayerEventStore(*conn).page(filter, limit, after);
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const PlayerEvent &e : page.rows) {
        const auto data = nlohmann::json::parse(e.data.toStdString(), nullptr, false);
        rows.push_back({{"id", e.id}, {"player_id", utf8(e.player)}, {"event_type", utf8(e.type)},
                        {"occurred_at", utf8(e.occurredAt.toIso())},
                        {"event_data", data.is_discarded() ? nlohmann::json(utf8(e.data)) : data},
                        {"event_data_bytes", e.dataBytes}});
        lines << QStringLiteral("%1  %2  %3  %4").arg(e.occurredAt.toIso(), e.player, e.type, e.data.left(80));
    }
    const QString next = page.next ? QStringLiteral("%1,%2").arg(page.next->occurredAt.toIso()).arg(page.next->id) : QString();
    if (!next.isEmpty())
        lines << QStringLiteral("More: --after %1").arg(next);
    cmd.print({{"rows", rows}, {"next", next.isEmpty() ? nlohmann::json() : nlohmann::json(utf8(next))}},
              lines.isEmpty() ? QStringLiteral("No events.") : lines.join(QLatin1Char('\n')));
    return Ok;
}

int counts(const QStringList &args)
{
    Command cmd(QStringLiteral("player-events counts"),
                QStringLiteral("Events per type per UTC day, newest day first. Needs --player, or --since and "
                               "--until at most 366 days apart."));
    addOptions(cmd);
    cmd.parse(args);
    const PlayerEventFilter filter = filterOf(cmd);
    auto conn = openAs(cmd);
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const TypeDayCount &c : PlayerEventStore(*conn).countsPerDay(filter)) {
        rows.push_back({{"day", utf8(c.day.toString(Qt::ISODate))}, {"event_type", utf8(c.type)}, {"count", c.count}});
        lines << QStringLiteral("%1  %2  %3").arg(c.day.toString(Qt::ISODate), c.type.leftJustified(24)).arg(c.count);
    }
    cmd.print(rows, lines.isEmpty() ? QStringLiteral("No events.") : lines.join(QLatin1Char('\n')));
    return Ok;
}

} // namespace

int runPlayerEvents(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("counts"))
        return counts(args);
    throw Error::invalidInput(QStringLiteral("Unknown player-events command: %1").arg(sub),
                              QStringLiteral("Commands: list, counts."));
}

} // namespace statescope::cli
