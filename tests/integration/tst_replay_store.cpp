// The game store and the replay CLI against a real server: GameStore::list() filters,
// game id validation, the rolls of a play, and the CLI commands games list / replay /
// check. The replay rules and consistency checks are in tst_replay.

#include "core/demo/demogenerator.h"
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/layout/indexbuild.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/play.h"
#include "integration/replayfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>
#include <functional>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

// Sorted, so that two sets compare (and print) as lists.
QStringList ids(const QList<GameSummary> &games)
{
    QStringList out;
    for (const GameSummary &g : games)
        out.append(g.id);
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestReplayStore : public QObject, private ReplayFixture
{
    Q_OBJECT

private:
    QString demoConn() const { return m_demo.storableString(); }

    // An active game of the demo that is not the broken one, with at least `minPlays` plays.
    QString activeGame(int minPlays = 8)
    {
        auto conn = test::connect(m_demo);
        const auto r = conn->exec(
            QStringLiteral("SELECT g.id FROM core.games g WHERE g.status = 'active' AND g.id <> $1 "
                           "AND (SELECT count(*) FROM core.plays p WHERE p.game_id = g.id) >= $2 "
                           "ORDER BY g.id LIMIT 1"),
            {m_report.brokenGameId, minPlays});
        return r.rowCount() ? r.value(0, 0) : QString();
    }

    // A new database in Paper Dynasty's own table shape, with `games` games.
    pg::ConnectionSettings paperDynasty(const QString &hint, int games)
    {
        const pg::ConnectionSettings db = emptyDatabase(hint);
        m_databases << db.database();
        demo::DemoOptions options;
        options.events = 10;
        options.games = games;
        options.snapshots = 0;
        demo::seedShape(*test::connect(db), demo::Shape::PaperDynasty, options);
        return db;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);

        seedDemoGames();
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void listFilters()
    {
        const pg::ConnectionSettings db = freshDatabase(QStringLiteral("replay_filters"));
        m_databases << db.database();
        auto conn = test::connect(db);
        GameStore store(*conn);
        const HandGame g1 = insertGame(*conn, QStringLiteral("sba"), QStringLiteral("active"), 1, 2,
                                       QStringLiteral("2025-01-06 10:00:00+00"));
        const HandGame g2 = insertGame(*conn, QStringLiteral("pd"), QStringLiteral("completed"), 3,
                                       1, QStringLiteral("2025-01-07 10:00:00+00"));
        const HandGame g3 = insertGame(*conn, QStringLiteral("sba"), QStringLiteral("pending"), 4,
                                       5, QStringLiteral("2025-01-08 23:59:59+00"));
        const HandGame g4 = insertGame(*conn, QStringLiteral("pd"), QStringLiteral("active"), 2, 6,
                                       QStringLiteral("2025-01-09 00:00:00+00"));
        for (const HandGame *g : {&g1, &g2}) {
            const RuleCase c = ruleGame(*g);
            for (int i = 0; i < 4; ++i)
                insertPlay(*conn, g->id, c.plays[i]);
        }
        RuleCase bad = ruleGame(g4);
        bad.plays[2].start.outs = 1;
        for (int i = 0; i < 4; ++i)
            insertPlay(*conn, g4.id, bad.plays[i]);

        // Through both ways of listing: many games (the set-based check) and a page (its own
        // statements, only the filters given, gamepage.cpp).
        auto listed = [&](auto setup) {
            GameFilter f;
            setup(f);
            const QStringList many = ids(store.list(f));
            f.limit = 100;
            return ids(store.list(f)) == many ? many : QStringList{QStringLiteral("a page differs from the list")};
        };
        auto S = [](const QStringList &l) { return sorted(l); };
        QCOMPARE(listed([](GameFilter &) {}), S({g1.id, g2.id, g3.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("active"); }),
                 S({g1.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("completed"); }), S({g2.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("pending"); }), S({g3.id}));
        QCOMPARE(listed([](GameFilter &f) { f.status = QStringLiteral("abandoned"); }), S({}));
        QCOMPARE(listed([](GameFilter &f) { f.league = QStringLiteral("sba"); }),
                 S({g1.id, g3.id}));
        QCOMPARE(listed([](GameFilter &f) { f.league = QStringLiteral("pd"); }), S({g2.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.team = 1; }), S({g1.id, g2.id})); // home or away
        QCOMPARE(listed([](GameFilter &f) { f.team = 2; }), S({g1.id, g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.team = 6; }), S({g4.id}));
        QCOMPARE(listed([](GameFilter &f) { f.team = 99; }), S({}));
        QCOMPARE(listed([](GameFilter &f) { f.onlyInconsistent = true; }), S({g4.id}));
        QCOMPARE(listed([](GameFilter &f) {
                     f.status = QStringLiteral("active");
                     f.league = QStringLiteral("sba");
                 }),
                 S({g1.id}));
        QCOMPARE(listed([](GameFilter &f) {
                     f.league = QStringLiteral("sba");
                     f.onlyInconsistent = true;
                 }),
                 S({}));
        QCOMPARE(listed([](GameFilter &f) {
                     f.from = QDate(2025, 1, 7);
                     f.to = QDate(2025, 1, 8);
                 }),
                 S({g2.id, g3.id}));
        QCOMPARE(listed([](GameFilter &f) { f.from = QDate(2025, 1, 9); }), S({g4.id}));

        // Newest first; the limit keeps the newest; the summary carries the counts.
        const QList<GameSummary> all = store.list();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].id, g4.id);
        QCOMPARE(all[3].id, g1.id);
        QCOMPARE(all[3].league, QStringLiteral("sba"));
        QCOMPARE(all[3].homeTeam, 1);
        QCOMPARE(all[3].awayTeam, 2);
        QCOMPARE(all[3].status, QStringLiteral("active"));
        QCOMPARE(all[3].plays, 4);
        QCOMPARE(all[3].lastPlay, 4);
        QCOMPARE(all[3].firstInconsistentPlay, 0);
        QCOMPARE(all[0].firstInconsistentPlay, 3);
        QCOMPARE(all[1].plays, 0);
        QCOMPARE(all[1].lastPlay, 0);
        QCOMPARE(all[1].firstInconsistentPlay, 0);
        GameFilter two;
        two.limit = 2;
        const QList<GameSummary> newest = store.list(two);
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest[0].id, g4.id);
        QCOMPARE(newest[1].id, g3.id);
        GameFilter none;
        none.limit = 0;
        const auto limitError = errorOf([&] { store.list(none); });
        QVERIFY(limitError.has_value());
        QCOMPARE(limitError->kind(), Error::Kind::InvalidInput);
    }

    // A page reads only its own games' plays: every page, with and without filters, is the
    // same slice of the whole list, counts and consistency marks included; and every game the
    // set-based check marks is the one the play-by-play check (checkConsistency) marks.
    void pagesAreSlicesOfTheWhole()
    {
        auto conn = test::connect(m_demo);
        // Plays stored out of their order: every other one written anew (the same values, a
        // new row version after the others), so that a page reading them unordered must put
        // them in order itself.
        conn->exec(QStringLiteral("UPDATE core.plays SET inning = inning WHERE play_number % 2 = 0"));
        GameStore store(*conn);
        const auto line = [](const GameSummary &g) {
            return QStringLiteral("%1 %2 %3 %4 %5").arg(g.id, g.status).arg(g.plays).arg(g.lastPlay).arg(g.firstInconsistentPlay);
        };
        for (const QString &status : {QString(), QStringLiteral("active")}) {
            GameFilter f;
            f.status = status;
            const QList<GameSummary> all = store.list(f);
            QVERIFY(all.size() >= 3);
            for (int limit : {1, 2, int(all.size()) - 1})
                for (int offset : {0, 1, 2}) {
                    f.limit = limit;
                    f.offset = offset;
                    const QList<GameSummary> page = store.list(f);
                    QCOMPARE(page.size(), std::min(limit, int(all.size()) - offset));
                    for (int i = 0; i < page.size(); ++i)
                        QCOMPARE(line(page[i]), line(all[i + offset]));
                }
            f.limit = 1000;
            f.offset = -1;
            QVERIFY(errorOf([&] { store.list(f); }));
            f.offset = 0;
            for (const GameSummary &g : all) {
                const QList<Play> plays = store.plays(g.id);
                const QList<Inconsistency> issues = checkConsistency(plays, GameStore::replacements(store.lineups(g.id)));
                QCOMPARE(g.firstInconsistentPlay, issues.isEmpty() ? 0 : issues.first().playNumber);
                QCOMPARE(g.plays, int(plays.size()));
            }
        }
        GameFilter bad;
        bad.onlyInconsistent = true;
        bad.limit = 1;
        const QList<GameSummary> marked = store.list(bad);
        QCOMPARE(marked.size(), 1);
        QCOMPARE(marked.first().id, m_report.brokenGameId);
        QCOMPARE(marked.first().firstInconsistentPlay, m_report.brokenPlayNumber);
        // Once the layout is known, a page is two round trips: its games, then their plays
        // and lineups together, in one snapshot.
        GameFilter two;
        two.limit = 2;
        store.list(two);
        const quint64 before = conn->roundTrips();
        QCOMPARE(store.list(two).size(), 2);
        QCOMPARE(conn->roundTrips() - before, quint64(2));
    }

    // What the replay opens in one round trip is what its parts read one by one.
    void openMatchesItsParts()
    {
        auto conn = test::connect(m_demo);
        GameStore store(*conn);
        QVERIFY(layout::of(*conn)->require(layout::Kind::Plays).uniqueOn({QStringLiteral("game_id"), QStringLiteral("play_number")}));
        QVERIFY(!layout::of(*conn)->require(layout::Kind::Plays).uniqueOn({QStringLiteral("play_number")}));
        const auto playIds = [](const QList<Play> &plays) {
            QStringList out;
            for (const Play &p : plays)
                out << QStringLiteral("%1:%2").arg(p.playNumber).arg(p.id);
            return out;
        };
        const QList<GameSummary> all = store.list();
        QVERIFY(all.size() >= 3);
        for (const GameSummary &g : all) {
            const quint64 before = conn->roundTrips();
            const GameData d = store.open(g.id);
            QCOMPARE(conn->roundTrips() - before, quint64(1));
            const GameSummary s = store.summary(g.id);
            QCOMPARE(d.summary.id, s.id);
            QCOMPARE(d.summary.status, s.status);
            QCOMPARE(d.summary.inning, s.inning);
            QCOMPARE(d.summary.homeScore, s.homeScore);
            QCOMPARE(d.summary.awayScore, s.awayScore);
            QCOMPARE(d.summary.createdAt, s.createdAt);
            QCOMPARE(d.summary.plays, s.plays);
            QCOMPARE(d.summary.lastPlay, s.lastPlay);
            QCOMPARE(playIds(d.plays), playIds(store.plays(g.id)));
            QCOMPARE(d.lineups.size(), store.lineups(g.id).size());
        }
        const auto missing = errorOf([&] { store.open(QUuid::createUuid().toString(QUuid::WithoutBraces)); });
        QVERIFY(missing);
        QCOMPARE(missing->kind(), Error::Kind::NotFound);
        QCOMPARE(errorOf([&] { store.open(QStringLiteral("1; DROP TABLE x")); })->kind(), Error::Kind::InvalidInput);

        // Without a unique play number the plays are ordered by their id among equals.
        const pg::ConnectionSettings db = paperDynasty(QStringLiteral("open_pd"), 2);
        auto pd = test::connect(db);
        const QString game = pd->exec(QStringLiteral("SELECT game_id::text FROM public.plays WHERE play_number = 2 LIMIT 1")).value(0, 0);
        QVERIFY(!game.isEmpty());
        QVERIFY(layout::of(*pd)->require(layout::Kind::Plays).uniqueOn({QStringLiteral("game_id"), QStringLiteral("play_number")}));
        pd->exec(QStringLiteral("ALTER TABLE public.plays DROP CONSTRAINT uq_game_play_number"));
        pd->exec(QStringLiteral("INSERT INTO public.plays (game_id, play_number, inning, half, outs_before) "
                                "SELECT game_id, play_number, inning, half, outs_before FROM public.plays "
                                "WHERE game_id = $1 AND play_number = 2"),
                 {game});
        auto fresh = test::connect(db); // a layout read after the change
        QVERIFY(!layout::of(*fresh)->require(layout::Kind::Plays).uniqueOn({QStringLiteral("game_id"), QStringLiteral("play_number")}));
        const QStringList expected = [&] {
            const auto r = fresh->exec(QStringLiteral("SELECT play_number || ':' || id FROM public.plays "
                                                      "WHERE game_id = $1 ORDER BY play_number, id"), {game});
            QStringList out;
            for (int i = 0; i < r.rowCount(); ++i)
                out << r.value(i, 0);
            return out;
        }();
        const GameData d = GameStore(*fresh).open(game);
        QCOMPARE(playIds(d.plays), expected);
        QCOMPARE(d.summary.plays, int(expected.size()));
    }

    // Deleting lineup rows checks every reference to them: Statescope's weekly schema indexes
    // each (migration V009); a game's own tables get them only when asked and confirmed.
    void lineupReferenceIndexesOnRequest()
    {
        {
            const pg::ConnectionSettings fresh = freshDatabase(QStringLiteral("refs_weekly"));
            m_databases << fresh.database();
            auto weekly = test::connect(fresh);
            const layout::IndexPlan p = layout::IndexBuilder::plan(*weekly, layout::Kind::Plays);
            QVERIFY2(p.exists, qPrintable(p.statements.join(QLatin1Char('\n'))));
        }
        const pg::ConnectionSettings db = paperDynasty(QStringLiteral("refs_pd"), 4);
        auto conn = test::connect(db);
        const QString countSql = QStringLiteral("SELECT count(*) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                                                "WHERE x.indrelid = 'public.plays'::regclass AND c.relname LIKE '%statescope_idx' AND x.indisvalid");
        layout::IndexPlan p = layout::IndexBuilder::plan(*conn, layout::Kind::Plays);
        QVERIFY(!p.exists);
        QCOMPARE(p.indexNames.size(), 6); // batter, pitcher, catcher, three runners; replacing_id has no key there
        QCOMPARE(p.statements.size(), 6);
        for (const QString &st : std::as_const(p.statements))
            QVERIFY2(st.startsWith(QLatin1String("CREATE INDEX CONCURRENTLY")) && st.endsWith(QLatin1String("IS NOT NULL")), qPrintable(st));
        const auto wrong = errorOf([&] {
            layout::IndexBuilder::build(*conn, db, layout::Kind::Plays, QStringLiteral("nope"), {});
        });
        QVERIFY(wrong);
        QCOMPARE(wrong->kind(), Error::Kind::InvalidInput);
        QCOMPARE(scalar(*conn, countSql), 0);
        const CliRun preview = runCli({QStringLiteral("db"), QStringLiteral("create-index"), QStringLiteral("--db"), db.storableString(),
                                       QStringLiteral("--kind"), QStringLiteral("plays"), QStringLiteral("--json")});
        QVERIFY2(preview.exitCode == 0, qPrintable(preview.describe()));
        QCOMPARE(preview.json().object().value(QStringLiteral("indexes")).toArray().size(), 6);
        QCOMPARE(scalar(*conn, countSql), 0); // a preview builds nothing
        p = layout::IndexBuilder::build(*conn, db, layout::Kind::Plays, db.database(), QStringLiteral("test"));
        QVERIFY(p.exists);
        QCOMPARE(p.indexNames.size(), 6); // what was built, named (not a plan made afterwards, empty)
        QCOMPARE(scalar(*conn, countSql), 6);
        const auto again = errorOf([&] {
            layout::IndexBuilder::build(*conn, db, layout::Kind::Plays, db.database(), {});
        });
        QVERIFY(again);
    }

    void badGameIds()
    {
        auto conn = test::connect(m_demo);
        GameStore store(*conn);
        const QStringList malformed = {QStringLiteral("not-a-uuid"), QString(),
                                       QStringLiteral("123"),
                                       QStringLiteral("x'; DROP TABLE core.games; --")};
        for (const QString &bad : malformed) {
            for (const auto &call : std::vector<std::function<void()>>{
                     [&] { store.summary(bad); }, [&] { store.plays(bad); },
                     [&] { store.lineups(bad); }, [&] { store.rolls(bad, 1); }}) {
                const auto e = errorOf(call);
                QVERIFY2(e.has_value(), qPrintable(bad));
                QCOMPARE(e->kind(), Error::Kind::InvalidInput);
            }
        }
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM core.games")).toInt(0, 0), 12);

        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto missing = errorOf([&] { store.summary(unknown); });
        QVERIFY(missing.has_value());
        QCOMPARE(missing->kind(), Error::Kind::NotFound);

        // Braces and upper case are accepted and normalised; anything around the id is not.
        const QString id = m_report.brokenGameId;
        const QString decorated = QStringLiteral("{%1}").arg(id.toUpper());
        QCOMPARE(GameStore::normalizeGameId(decorated), id);
        QCOMPARE(store.summary(decorated).id, id);
        const auto junk = errorOf([&] { store.summary(id + QLatin1Char('x')); });
        QVERIFY(junk.has_value());
        QCOMPARE(junk->kind(), Error::Kind::InvalidInput);
    }

    void rollsOfAPlay()
    {
        auto conn = test::connect(m_demo);
        const QString game = activeGame();
        QVERIFY(!game.isEmpty());
        const QList<Roll> rolls = GameStore(*conn).rolls(game, 1);
        const int expected = conn->exec(QStringLiteral("SELECT count(*) FROM core.rolls WHERE "
                                                       "game_id = $1 AND play_number = 1"),
                                        {game})
                                 .toInt(0, 0);
        QVERIFY(expected >= 1); // every at-bat has its dice roll
        QCOMPARE(int(rolls.size()), expected);
        for (const Roll &r : rolls) {
            QCOMPARE(r.playNumber, 1);
            QVERIFY(!r.rollId.isEmpty());
            QVERIFY(QJsonDocument::fromJson(r.data.toUtf8()).isObject());
        }
    }

    // ---- the CLI ------------------------------------------------------------------------

    void cliReplayPrintsOneLinePerPlay()
    {
        const QString game = activeGame();
        QVERIFY(!game.isEmpty());
        auto conn = test::connect(m_demo);
        const QList<Play> plays = GameStore(*conn).plays(game);

        const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                                 QStringLiteral("--game"), game, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.endsWith('\n'));
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), plays.size());
        for (int i = 0; i < lines.size(); ++i) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
            QVERIFY2(doc.isObject(), lines[i].constData());
            const QJsonObject o = doc.object();
            const BaseState after = stateAfter(plays[i]);
            QCOMPARE(o.value(QLatin1String("play_number")).toInt(), plays[i].playNumber);
            QCOMPARE(o.value(QLatin1String("inning")).toInt(), after.inning);
            QCOMPARE(o.value(QLatin1String("half")).toString(), halfName(after.half));
            QCOMPARE(o.value(QLatin1String("outs")).toInt(), after.outs);
            QCOMPARE(o.value(QLatin1String("away_score")).toInt(), after.awayScore);
            QCOMPARE(o.value(QLatin1String("home_score")).toInt(), after.homeScore);
            const QJsonArray runners = o.value(QLatin1String("runners")).toArray();
            QCOMPARE(runners.size(), 3);
            for (int b = 0; b < 3; ++b)
                QCOMPARE(runners[b].toInt(), after.runners[size_t(b)]);
            QCOMPARE(o.value(QLatin1String("on_base_code")).toInt(), after.onBaseCode());
            QCOMPARE(o.value(QLatin1String("runs_scored")).toInt(), plays[i].runsScored);
            QCOMPARE(o.value(QLatin1String("outs_recorded")).toInt(), plays[i].outsRecorded);
            QCOMPARE(o.value(QLatin1String("description")).toString(), plays[i].description);
        }
    }

    void cliReplayTo()
    {
        const QString game = activeGame();
        QVERIFY(!game.isEmpty());
        auto conn = test::connect(m_demo);
        const QList<Play> plays = GameStore(*conn).plays(game);
        const int last = plays.last().playNumber;
        for (int n : {0, 1, last / 2, last}) {
            const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                                     QStringLiteral("--game"), game, QStringLiteral("--to"),
                                     QString::number(n), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonObject o = r.json().object();
            const BaseState expected = n == 0 ? BaseState{} : stateAfter(plays[n - 1]);
            QCOMPARE(o.value(QLatin1String("game_id")).toString(), game);
            QCOMPARE(o.value(QLatin1String("play_number")).toInt(-1), n);
            QCOMPARE(o.value(QLatin1String("inning")).toInt(), expected.inning);
            QCOMPARE(o.value(QLatin1String("half")).toString(), halfName(expected.half));
            QCOMPARE(o.value(QLatin1String("outs")).toInt(-1), expected.outs);
            QCOMPARE(o.value(QLatin1String("away_score")).toInt(-1), expected.awayScore);
            QCOMPARE(o.value(QLatin1String("home_score")).toInt(-1), expected.homeScore);
            const QJsonArray runners = o.value(QLatin1String("runners")).toArray();
            QCOMPARE(runners.size(), 3);
            for (int b = 0; b < 3; ++b)
                QCOMPARE(runners[b].toInt(-1), expected.runners[size_t(b)]);
            // In a consistent game the state after play n is where play n + 1 starts.
            if (n < last)
                QCOMPARE(describe(expected), describe(plays[n].start));
        }
        // Beyond the last play: a usage error.
        const CliRun beyond = runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                                      QStringLiteral("--game"), game, QStringLiteral("--to"),
                                      QString::number(last + 1)});
        QCOMPARE(beyond.exitCode, 2);
        QVERIFY(beyond.out.isEmpty());
        // A malformed game id: usage error; an unknown one: failure.
        const CliRun malformed =
            runCli({QStringLiteral("replay"), QStringLiteral("--db"), demoConn(),
                    QStringLiteral("--game"), QStringLiteral("nope"), QStringLiteral("--json")});
        QCOMPARE(malformed.exitCode, 2);
        QCOMPARE(malformed.errorField("kind"),
                 QStringLiteral("invalid_input"));
        const CliRun unknown = runCli(
            {QStringLiteral("replay"), QStringLiteral("--db"), demoConn(), QStringLiteral("--game"),
             QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("--json")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.errorField("kind"),
                 QStringLiteral("not_found"));
    }

    void cliCheck()
    {
        const CliRun bad =
            runCli({QStringLiteral("check"), QStringLiteral("--db"), demoConn(),
                    QStringLiteral("--game"), m_report.brokenGameId, QStringLiteral("--json")});
        QVERIFY2(bad.exitCode == 0, qPrintable(bad.describe())); // exit 0 either way
        const QJsonObject b = bad.json().object();
        QCOMPARE(b.value(QLatin1String("game_id")).toString(), m_report.brokenGameId);
        QCOMPARE(b.value(QLatin1String("consistent")).toBool(true), false);
        QCOMPARE(b.value(QLatin1String("first_inconsistent_play")).toInt(),
                 m_report.brokenPlayNumber);
        const QJsonArray issues = b.value(QLatin1String("issues")).toArray();
        QCOMPARE(issues.size(), 1);
        const QJsonObject issue = issues.first().toObject();
        QCOMPARE(issue.value(QLatin1String("play_number")).toInt(), m_report.brokenPlayNumber);
        QCOMPARE(issue.value(QLatin1String("field")).toString(), QStringLiteral("home_score"));
        QCOMPARE(issue.value(QLatin1String("actual")).toString().toInt() -
                     issue.value(QLatin1String("expected")).toString().toInt(),
                 2);

        const QString game = activeGame();
        const CliRun good = runCli({QStringLiteral("check"), QStringLiteral("--db"), demoConn(),
                                    QStringLiteral("--game"), game, QStringLiteral("--json")});
        QVERIFY2(good.exitCode == 0, qPrintable(good.describe()));
        const QJsonObject g = good.json().object();
        QCOMPARE(g.value(QLatin1String("consistent")).toBool(false), true);
        QCOMPARE(g.value(QLatin1String("first_inconsistent_play")).toInt(-1), 0);
        QVERIFY(g.value(QLatin1String("issues")).toArray().isEmpty());

        // Text mode names the play.
        const CliRun text = runCli({QStringLiteral("check"), QStringLiteral("--db"), demoConn(),
                                    QStringLiteral("--game"), m_report.brokenGameId});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(
            text.out.contains(QStringLiteral("Play %1").arg(m_report.brokenPlayNumber).toUtf8()),
            text.out.constData());
    }

    void cliGamesListInconsistent()
    {
        const CliRun r =
            runCli({QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"),
                    demoConn(), QStringLiteral("--inconsistent"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.json().isArray());
        const QJsonArray games = r.json().array();
        QCOMPARE(games.size(), 1);
        const QJsonObject g = games.first().toObject();
        QCOMPARE(g.value(QLatin1String("id")).toString(), m_report.brokenGameId);
        QCOMPARE(g.value(QLatin1String("first_inconsistent_play")).toInt(),
                 m_report.brokenPlayNumber);
        QCOMPARE(g.value(QLatin1String("status")).toString(), QStringLiteral("active"));

        // Without the filter: all twelve, one of them inconsistent.
        const CliRun all = runCli({QStringLiteral("games"), QStringLiteral("list"),
                                   QStringLiteral("--db"), demoConn(), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
        const QJsonArray list = all.json().array();
        QCOMPARE(list.size(), 12);
        int inconsistent = 0;
        for (const QJsonValue &v : list)
            inconsistent +=
                v.toObject().value(QLatin1String("first_inconsistent_play")).toInt() != 0;
        QCOMPARE(inconsistent, 1);

        // Filters reach the query: completed games only.
        const CliRun completed = runCli(
            {QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"), demoConn(),
             QStringLiteral("--status"), QStringLiteral("completed"), QStringLiteral("--json")});
        QVERIFY2(completed.exitCode == 0, qPrintable(completed.describe()));
        QCOMPARE(completed.json().array().size(), m_report.completedGames);
        for (const QJsonValue &v : completed.json().array())
            QCOMPARE(v.toObject().value(QLatin1String("status")).toString(),
                     QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TestReplayStore)
#include "tst_replay_store.moc"
