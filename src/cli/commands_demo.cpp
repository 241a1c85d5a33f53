#include "output.h"

#include "core/catalog/lookup.h"
#include "core/demo/demogenerator.h"
#include "core/demo/shapes.h"
#include "core/pg/connection.h"

#include <limits>

namespace statescope::cli {

int runDemo(const QString &sub, const QStringList &args)
{
    if (sub != QLatin1String("seed"))
        throw Error::invalidInput(QStringLiteral("Unknown command: demo %1").arg(sub),
                                  QStringLiteral("Use: demo seed --db CONN"));
    Command cmd(QStringLiteral("demo seed"),
                QStringLiteral("Fill an empty, migrated weekly database with deterministic demo "
                               "data (the same seed gives the same rows)."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("The database (conninfo or URI)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("events"), QStringLiteral("Raw API events (default 3000)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("games"), QStringLiteral("Baseball games (default 12)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("snapshots"), QStringLiteral("Tick snapshots (default 120)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 20250101)."),
                 QStringLiteral("K")});
    p.addOption({QStringLiteral("shape"),
                 QStringLiteral("Fill it in a game system's own layout instead of Statescope's "
                                "weekly schema: spacetraders, paperdynasty, galaxy or marketland "
                                "(the database must be empty)."),
                 QStringLiteral("NAME")});
    cmd.parse(args);

    demo::DemoOptions options;
    options.events = cmd.integer(QStringLiteral("events"), options.events, 0, 100'000'000);
    options.games = int(cmd.integer(QStringLiteral("games"), options.games, 0, 10'000));
    options.snapshots = int(cmd.integer(QStringLiteral("snapshots"), options.snapshots, 0, 100'000));
    options.seed = quint64(cmd.integer(QStringLiteral("seed"), qint64(options.seed), 0,
                                       std::numeric_limits<qint64>::max()));
    auto conn = cmd.open(QStringLiteral("db"));
    if (p.isSet(QStringLiteral("shape"))) {
        const QString name = p.value(QStringLiteral("shape"));
        const std::optional<demo::Shape> shape = demo::shapeFromName(name);
        if (!shape)
            throw Error::invalidInput(QStringLiteral("Unknown layout \"%1\".").arg(name),
                                      QStringLiteral("Use one of: %1.").arg(demo::shapeNames().join(", ")));
        if (catalog::userTableCount(*conn) > 0)
            throw Error::invalidInput(QStringLiteral("%1 is not empty; a layout is seeded into an "
                                                     "empty database only.").arg(conn->database()));
        demo::seedShape(*conn, *shape, options);
        cmd.print({{"database", utf8(conn->database())}, {"shape", utf8(name)}},
                  QStringLiteral("Seeded %1 in the %2 layout.").arg(conn->database(), name));
        return Ok;
    }
    const demo::DemoReport r = demo::seed(*conn, options);
    cmd.print({{"database", utf8(conn->database())},
               {"events", r.events},
               {"distinct_payloads", r.distinctPayloads},
               {"error_events", r.errorEvents},
               {"games", r.games},
               {"completed_games", r.completedGames},
               {"plays", r.plays},
               {"lineups", r.lineups},
               {"rolls", r.rolls},
               {"snapshots", r.snapshots},
               {"broken_game_id", utf8(r.brokenGameId)},
               {"broken_play_number", r.brokenPlayNumber}},
              QStringLiteral("Seeded %1: %2 events, %3 games (%4 plays), %5 snapshots.")
                  .arg(conn->database())
                  .arg(r.events)
                  .arg(r.games)
                  .arg(r.plays)
                  .arg(r.snapshots));
    return Ok;
}

} // namespace statescope::cli
