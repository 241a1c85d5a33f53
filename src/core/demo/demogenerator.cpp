#include "demogenerator.h"

#include "core/demo/baseball.h"
#include "core/demo/copystream.h"
#include "core/demo/copytext.h"
#include "core/demo/events.h"
#include "core/demo/galaxy.h"
#include "core/demo/gamewriter.h"
#include "core/error.h"
#include "core/json/canonical.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"

namespace statescope::demo {

namespace {

constexpr qint64 kMaxEvents = 100'000'000;
constexpr int kMaxGames = 100'000;
constexpr int kMaxSnapshots = 1'000'000;
constexpr qint64 kWeekMs = 7LL * 86'400'000;
// Rough cost of one game and one snapshot in "events", to weigh the progress bar.
constexpr qint64 kGameWeight = 150;
constexpr qint64 kSnapshotWeight = 2;

// One seeding run: the steps of seed(), sharing the connection, options and progress.
class Seeder
{
    Q_DECLARE_TR_FUNCTIONS(statescope::demo::Seeder)
public:
    Seeder(pg::Connection &conn, const DemoOptions &options, TaskContext *ctx)
        : m_conn(conn), m_options(options), m_ctx(ctx),
          m_startMs(options.start.toMSecsSinceEpoch()),
          m_totalWork(std::max<qint64>(1, options.events + options.games * kGameWeight +
                                              options.snapshots * kSnapshotWeight))
    {
    }

    static void validate(const DemoOptions &options);
    DemoReport run();

private:
    void checkEmpty();
    void insertEvents();
    void insertGames();
    void insertSnapshots();
    void insertConfig();
    DemoReport report();
    void checkCancelled() const;
    void progress(qint64 workDone, const QString &text);

    pg::Connection &m_conn;
    const DemoOptions &m_options;
    TaskContext *m_ctx;
    qint64 m_startMs;
    qint64 m_totalWork;
    qint64 m_workBefore = 0; // work of the steps already finished
    QString m_brokenGameId;
    int m_brokenPlay = 0;
};

void Seeder::validate(const DemoOptions &options)
{
    if (options.events < 0 || options.events > kMaxEvents)
        throw Error::invalidInput(
            tr("The number of API events must be between 0 and %1.").arg(kMaxEvents));
    if (options.games < 0 || options.games > kMaxGames)
        throw Error::invalidInput(
            tr("The number of games must be between 0 and %1.").arg(kMaxGames));
    if (options.snapshots < 0 || options.snapshots > kMaxSnapshots)
        throw Error::invalidInput(
            tr("The number of snapshots must be between 0 and %1.").arg(kMaxSnapshots));
    if (!options.start.isValid())
        throw Error::invalidInput(tr("The reset start time is not a valid date and time."));
}

void Seeder::checkCancelled() const
{
    if (m_ctx)
        m_ctx->throwIfCancelled();
}

void Seeder::progress(qint64 workDone, const QString &text)
{
    if (!m_ctx)
        return;
    // Reported in per mille: ten million events do not fit a progress bar's int range
    // once weighted, and nobody needs more resolution.
    m_ctx->progress(int((m_workBefore + workDone) * 1000 / m_totalWork), 1000, text);
}

void Seeder::checkEmpty()
{
    const pg::Result schema = m_conn.exec(QStringLiteral(
        "SELECT to_regclass('raw.api_events') IS NOT NULL AND to_regclass('core.games') IS NOT "
        "NULL AND to_regclass('core.snapshots') IS NOT NULL AND to_regclass('core.game_config') "
        "IS NOT NULL"));
    if (!schema.toBool(0, 0))
        throw Error(Error::Kind::NotFound,
                    tr("Database %1 does not have the weekly schema.").arg(m_conn.database()), {},
                    tr("Migrate the database before loading demo data into it."));
    // Keep other writers out until we commit, so nobody slips rows in after the check.
    m_conn.exec(QStringLiteral("LOCK TABLE raw.api_events, core.games, core.snapshots, "
                               "core.game_config IN SHARE ROW EXCLUSIVE MODE"));
    const pg::Result r = m_conn.exec(QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM raw.api_events), EXISTS (SELECT 1 FROM core.games), "
        "EXISTS (SELECT 1 FROM core.snapshots), EXISTS (SELECT 1 FROM core.game_config)"));
    const char *const tables[] = {"raw.api_events", "core.games", "core.snapshots",
                                  "core.game_config"};
    QStringList filled;
    for (int i = 0; i < 4; ++i) {
        if (r.toBool(0, i))
            filled << QString::fromLatin1(tables[i]);
    }
    if (!filled.isEmpty()) // the chosen database is refused (CLI exit 2); nothing changed
        throw Error(Error::Kind::InvalidInput,
                    tr("Database %1 already holds data; demo data only goes into an empty "
                       "weekly database.")
                        .arg(m_conn.database()),
                    tr("Tables with rows: %1.").arg(filled.join(QStringLiteral(", "))),
                    tr("Create a new weekly database, or reset this one first."));
}

void Seeder::insertEvents()
{
    if (m_options.events == 0)
        return;
    ApiEventStream stream(m_options.seed, m_startMs, m_options.events);
    const QString text = tr("Generating API events");
    copyRows(
        m_conn,
        QStringLiteral("COPY raw.api_events (fetched_at, endpoint, request_key, status_code, "
                       "payload, payload_hash) FROM STDIN"),
        // The stream lives on copyRows' helper thread from here on; progress counts the
        // rows the server has been sent.
        [&stream](CopyBuffer &out) { return stream.next(out); },
        [&](qint64 rowsSent) {
            checkCancelled();
            progress(rowsSent, text);
        });
    m_workBefore += m_options.events;
}

void Seeder::insertGames()
{
    Random rng = Random::stream(m_options.seed, "games");
    const int count = m_options.games;
    // About a third of the games are still going on; one of those has the broken play.
    auto isActive = [count](int g) { return g % 3 == 2 || (count < 3 && g == count - 1); };
    std::vector<int> active;
    for (int g = 0; g < count; ++g) {
        if (isActive(g))
            active.push_back(g);
    }
    const int broken = active.empty() ? -1 : active[rng.index(active.size())];
    const qint64 slot = count > 0 ? kWeekMs / count : 0;
    GameWriter writer(m_conn, Random::stream(m_options.seed, "roll-ids").next());
    const QString text = tr("Simulating games");
    for (int g = 0; g < count; ++g) {
        checkCancelled();
        GameSetup setup;
        setup.league = g % 2 == 0 ? QStringLiteral("sba") : QStringLiteral("pd");
        setup.startMs = m_startMs + g * slot + rng.uniformInt64(0, slot / 2);
        setup.stopMidGame = isActive(g);
        setup.broken = g == broken;
        const SimulatedGame game = simulateGame(rng, setup);
        if (game.brokenPlay > 0) {
            m_brokenGameId = game.id;
            m_brokenPlay = game.brokenPlay;
        }
        writer.write(game);
        progress(qint64(g + 1) * kGameWeight, text);
    }
    writer.flush();
    m_workBefore += qint64(count) * kGameWeight;
}

void Seeder::insertSnapshots()
{
    if (m_options.snapshots == 0)
        return;
    const qint64 totalTicks = qint64(m_options.snapshots) * GalaxySimulation::kSnapshotInterval;
    GalaxySimulation galaxy(m_options.seed, m_startMs, totalTicks);
    // created_at trails game_time by the time the server took to write the snapshot.
    Random writeDelay = Random::stream(m_options.seed, "snapshot-writes");
    int written = 0;
    const QString text = tr("Writing snapshots");
    copyRows(
        m_conn,
        QStringLiteral(
            "COPY core.snapshots (tick_number, game_time, state, created_at) FROM STDIN"),
        [&](CopyBuffer &out) {
            if (written == m_options.snapshots)
                return false;
            const nlohmann::json state = galaxy.nextSnapshot();
            out.add(galaxy.tick());
            out.add(sqlTimestamp(galaxy.gameTimeMs()));
            out.add(json::canonical(state));
            out.add(sqlTimestamp(galaxy.gameTimeMs() + writeDelay.uniformInt(4, 250)));
            out.endRow();
            ++written;
            return true;
        },
        [&](qint64 rowsSent) {
            checkCancelled();
            progress(rowsSent * kSnapshotWeight, text);
        });
    m_workBefore += qint64(m_options.snapshots) * kSnapshotWeight;
}

void Seeder::insertConfig()
{
    const nlohmann::json config = {{"tick_rate", GalaxySimulation::kTickRate},
                                   {"snapshot_interval", GalaxySimulation::kSnapshotInterval},
                                   {"retention", {{"max_count", 100}, {"min_age_seconds", 3600}}},
                                   {"world", {{"name", "Demo galaxy"}, {"seed", m_options.seed}}}};
    for (const auto &[key, value] : config.items()) {
        m_conn.exec(QStringLiteral("INSERT INTO core.game_config (key, value, updated_at) "
                                   "VALUES ($1, $2::jsonb, $3)"),
                    {QString::fromStdString(key), json::canonical(value), sqlTimestamp(m_startMs)});
    }
}

DemoReport Seeder::report()
{
    const pg::Result r = m_conn.exec(
        QStringLiteral("SELECT (SELECT count(*) FROM raw.api_events), "
                       "(SELECT count(DISTINCT payload_hash) FROM raw.api_events), "
                       "(SELECT count(*) FROM raw.api_events WHERE status_code >= 400), "
                       "(SELECT count(*) FROM core.games), "
                       "(SELECT count(*) FROM core.games WHERE status = 'completed'), "
                       "(SELECT count(*) FROM core.plays), (SELECT count(*) FROM core.lineups), "
                       "(SELECT count(*) FROM core.rolls), (SELECT count(*) FROM core.snapshots)"));
    DemoReport report;
    report.events = r.toLongLong(0, 0);
    report.distinctPayloads = r.toLongLong(0, 1);
    report.errorEvents = r.toLongLong(0, 2);
    report.games = r.toInt(0, 3);
    report.completedGames = r.toInt(0, 4);
    report.plays = r.toLongLong(0, 5);
    report.lineups = r.toLongLong(0, 6);
    report.rolls = r.toLongLong(0, 7);
    report.snapshots = r.toInt(0, 8);
    report.brokenGameId = m_brokenGameId;
    report.brokenPlayNumber = m_brokenPlay;
    return report;
}

DemoReport Seeder::run()
{
    checkCancelled();
    m_conn.requirePrimary(QCoreApplication::translate("statescope::demo", "Seeding demo data"));
    // One transaction for everything: a failure or a cancel leaves the database as it was.
    return m_conn.transaction([this] {
        checkEmpty();
        insertEvents();
        insertGames();
        insertSnapshots();
        insertConfig();
        checkCancelled();
        // Fresh statistics, so that browsing starts with good planner estimates.
        m_conn.exec(QStringLiteral("ANALYZE raw.api_events, core.games, core.lineups, "
                                   "core.plays, core.rolls, core.snapshots"));
        DemoReport result = report();
        progress(0, tr("Demo data loaded"));
        return result;
    });
}

} // namespace

DemoReport seed(pg::Connection &conn, const DemoOptions &options, TaskContext *ctx)
{
    Seeder::validate(options);
    Seeder seeder(conn, options, ctx);
    return seeder.run();
}

} // namespace statescope::demo
