// Rollbacks that must not happen, or not by halves, against a real server: the refusals
// (out of range, completed, no reason, a malformed or unknown game) changing nothing; a
// game the game server holds (busy) failing fast; a server connection lost in the middle
// leaving nothing half-done; a schema too old for rollbacks; and the CLI's rollback
// commands.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/migrate/migration.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/replay/gamestore.h"
#include "core/replay/play.h"
#include "core/replay/rollback.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "integration/rollbackfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>
#include <QUuid>
#include <memory>
#include <optional>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

// A guard against a hang, never a timing assertion.
constexpr int kPatience = 120000;

} // namespace

class TestRollbackSafety : public QObject, private RollbackFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void refusedRollbacksChangeNothing()
    {
        const Seeded s = seeded(QStringLiteral("rb_refused"));
        auto conn = test::connect(s.db);
        const QString a = activeGames(*conn, s.report).value(0);
        const QString c = completedGame(*conn);
        QVERIFY(!a.isEmpty());
        QVERIFY(!c.isEmpty());
        const int last = GameStore(*conn).summary(a).lastPlay;
        const Digest beforeA = digest(*conn, a);
        const Digest beforeC = digest(*conn, c);
        Rollback rb(*conn);

        auto expect = [&](const QString &game, const RollbackOptions &o, Error::Kind kind,
                          bool planToo) {
            const auto applied = errorOf([&] { rb.apply(game, o); });
            QVERIFY2(applied.has_value(), qPrintable(game));
            QCOMPARE(applied->kind(), kind);
            QVERIFY(!applied->message().isEmpty());
            if (planToo) {
                const auto planned = errorOf([&] { rb.plan(game, o); });
                QVERIFY(planned.has_value());
                QCOMPARE(planned->kind(), kind);
            }
        };
        expect(a, opts(-1), Error::Kind::InvalidInput, true);
        expect(a, opts(last + 1), Error::Kind::InvalidInput, true);
        // A completed game is refused as bad input (the CLI's exit 2), like the other refusals.
        expect(c, opts(1), Error::Kind::InvalidInput, true);
        expect(c, opts(0), Error::Kind::InvalidInput, true);
        expect(a, opts(1, QString()), Error::Kind::InvalidInput, false);
        expect(a, opts(1, QStringLiteral("   \t")), Error::Kind::InvalidInput, false);
        expect(QStringLiteral("not-a-game"), opts(1), Error::Kind::InvalidInput, true);
        expect(QString(), opts(1), Error::Kind::InvalidInput, true);
        expect(QUuid::createUuid().toString(QUuid::WithoutBraces), opts(0), Error::Kind::NotFound,
               true);

        QVERIFY(digest(*conn, a) == beforeA);
        QVERIFY(digest(*conn, c) == beforeC);
        QCOMPARE(records(*conn).text(), Records{}.text());
    }

    void busyGameFailsFastAndChangesNothing()
    {
        const Seeded s = seeded(QStringLiteral("rb_busy"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int n = GameStore(*conn).summary(game).lastPlay / 2;
        const Digest before = digest(*conn, game);

        // The game server, mid-write: it holds the game row.
        auto writer = test::connect(s.db);
        writer->exec(QStringLiteral("BEGIN"));
        writer->exec(QStringLiteral("SELECT id FROM core.games WHERE id = $1 FOR UPDATE"), {game});

        // If apply() waited for the lock instead of failing at once, this would cancel it
        // (SQLSTATE 57014, not a Conflict) rather than hang the suite.
        conn->exec(QStringLiteral("SET statement_timeout = '60s'"));
        const auto busy = errorOf([&] { Rollback(*conn).apply(game, opts(n)); });
        QVERIFY(busy.has_value());
        QCOMPARE(busy->kind(), Error::Kind::Conflict);
        QCOMPARE(busy->sqlstate(), QStringLiteral("55P03"));
        QVERIFY(!busy->hint().isEmpty());
        QVERIFY(conn->isAlive());

        auto checker = test::connect(s.db);
        QVERIFY(digest(*checker, game) == before);
        QCOMPARE(records(*checker).text(), Records{}.text());

        // The connection is usable again (no transaction left open), and once the
        // writer is done the rollback goes through.
        writer->exec(QStringLiteral("ROLLBACK"));
        const RollbackRecord rec = Rollback(*conn).apply(game, opts(n));
        QCOMPARE(rec.toPlay, n);
        QCOMPARE(scalar(*checker, QStringLiteral("SELECT count(*) FROM statescope.rollbacks")), 1);

        // The same for an undo while the game server holds the game.
        const Digest rolledBack = digest(*checker, game);
        writer->exec(QStringLiteral("BEGIN"));
        writer->exec(QStringLiteral("SELECT id FROM core.games WHERE id = $1 FOR UPDATE"), {game});
        const auto busyUndo = errorOf([&] { Rollback(*conn).undo(rec.id, QString()); });
        QVERIFY(busyUndo.has_value());
        QCOMPARE(busyUndo->kind(), Error::Kind::Conflict);
        QCOMPARE(busyUndo->sqlstate(), QStringLiteral("55P03"));
        QVERIFY(digest(*checker, game) == rolledBack);
        QCOMPARE(scalar(*checker, QStringLiteral("SELECT count(*) FROM statescope.rollbacks "
                                                 "WHERE undone_at IS NULL")),
                 1);
        writer->exec(QStringLiteral("ROLLBACK"));
        Rollback(*conn).undo(rec.id, QString());
        QVERIFY(digest(*checker, game) == before);
    }

    void busyGameIsWaitedForWithProgressAndCancel()
    {
        const Seeded s = seeded(QStringLiteral("rb_wait"));
        auto checker = test::connect(s.db);
        const QString game = activeGames(*checker, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int n = GameStore(*checker).summary(game).lastPlay / 2;
        const Digest before = digest(*checker, game);
        auto writer = test::connect(s.db);
        auto hold = [&] {
            writer->exec(QStringLiteral("BEGIN"));
            writer->exec(QStringLiteral("SELECT id FROM core.games WHERE id = $1 FOR UPDATE"), {game});
        };

        // Held for longer than the wait: busy after it, with progress told meanwhile.
        hold();
        auto conn = test::connect(s.db);
        conn->exec(QStringLiteral("SET lock_timeout = '7s'"));
        RollbackOptions o = opts(n);
        std::vector<std::pair<int, int>> told;
        o.wait.seconds = 1;
        o.wait.progress = [&](int waited, int total) { told.emplace_back(waited, total); };
        const auto busy = errorOf([&] { Rollback(*conn).apply(game, o); });
        QVERIFY(busy.has_value());
        QCOMPARE(busy->kind(), Error::Kind::Conflict);
        QVERIFY2(busy->message().contains(QLatin1String("1 second")), qPrintable(busy->message()));
        QVERIFY2(told.size() >= 2, "the wait is told in slices");
        for (const auto &[waited, total] : told) {
            QCOMPARE(total, 1000);
            QVERIFY(waited >= 0 && waited <= total);
        }
        QVERIFY(digest(*checker, game) == before);
        // The session's own lock_timeout is untouched, and the connection is usable.
        QCOMPARE(conn->exec(QStringLiteral("SHOW lock_timeout")).value(0, 0), QStringLiteral("7s"));

        // Released while waiting: the rollback goes through, under the session's setting.
        told.clear();
        o.wait.seconds = 600;
        bool released = false;
        o.wait.progress = [&](int waited, int total) {
            told.emplace_back(waited, total);
            if (waited >= 500 && !released) {
                writer->exec(QStringLiteral("ROLLBACK")); // the game server finishes its write
                released = true;
            }
        };
        const RollbackRecord rec = Rollback(*conn).apply(game, o);
        QCOMPARE(rec.toPlay, n);
        QVERIFY(told.size() >= 2);
        QCOMPARE(conn->exec(QStringLiteral("SHOW lock_timeout")).value(0, 0), QStringLiteral("7s"));
        Rollback(*conn).undo(rec.id, QString());
        QVERIFY(digest(*checker, game) == before);

        // Cancelled while waiting: Cancelled, nothing changed, nothing recorded.
        hold();
        Worker worker;
        QFuture<Outcome<RollbackRecord>> future =
            worker.run<RollbackRecord>([db = s.db, game, n](TaskContext &ctx) {
                auto c = pg::Connection::open(db, pg::Connection::Access::ReadWrite,
                                              &ctx.cancelToken());
                RollbackOptions w = opts(n);
                w.wait.seconds = 600;
                w.wait.progress = [&ctx](int waited, int) {
                    if (waited >= 1000)
                        ctx.cancelToken().cancel();
                };
                return Rollback(*c).apply(game, w);
            });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kPatience);
        QVERIFY(!future.result().ok());
        QCOMPARE(future.result().error().kind(), Error::Kind::Cancelled);
        QVERIFY(digest(*checker, game) == before);
        QCOMPARE(scalar(*checker, QStringLiteral("SELECT count(*) FROM statescope.rollbacks "
                                                 "WHERE undone_at IS NULL")),
                 0);

        // The CLI: --wait out of range is bad input; a short wait ends busy, having said so.
        const QStringList base = {QStringLiteral("rollback"), QStringLiteral("--db"),
                                  s.db.storableString(), QStringLiteral("--game"), game,
                                  QStringLiteral("--to"), QString::number(n),
                                  QStringLiteral("--reason"), QStringLiteral("wait test"),
                                  QStringLiteral("--confirm"), game};
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--wait"), QStringLiteral("3601")}).exitCode, 2);
        QCOMPARE(runCli(base + QStringList{QStringLiteral("--wait"), QStringLiteral("1x")}).exitCode, 2);
        const CliRun waited = runCli(base + QStringList{QStringLiteral("--wait"), QStringLiteral("2")});
        QCOMPARE(waited.exitCode, 1);
        QVERIFY2(waited.err.contains("Waiting for game"), waited.err.constData());
        QVERIFY2(waited.err.contains("busy"), waited.err.constData());
        writer->exec(QStringLiteral("ROLLBACK"));
        QVERIFY(digest(*checker, game) == before);
        const CliRun free = runCli(base + QStringList{QStringLiteral("--wait"), QStringLiteral("5")});
        QCOMPARE(free.exitCode, 0);
        QVERIFY2(!free.err.contains("Waiting"), free.err.constData()); // quiet when not busy
    }

    void lostConnectionLeavesNothingHalfDone()
    {
        const Seeded s = seeded(QStringLiteral("rb_kill"));
        auto admin = test::connect(s.db);
        const QString game = activeGames(*admin, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = GameStore(*admin).summary(game).lastPlay;
        const int n = last / 2;
        addSubs(*admin, game, n, last);
        const Digest before = digest(*admin, game);

        // Deleting lineup rows, the step after the plays are gone, takes very long.
        admin->exec(QStringLiteral(
            "CREATE FUNCTION core.tst_slow_delete() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$"));
        admin->exec(QStringLiteral("CREATE TRIGGER tst_slow_delete BEFORE DELETE ON core.lineups "
                                   "FOR EACH STATEMENT EXECUTE FUNCTION core.tst_slow_delete()"));
        auto dropTrigger = qScopeGuard([&] {
            admin->exec(QStringLiteral("DROP TRIGGER IF EXISTS tst_slow_delete ON core.lineups"));
            admin->exec(QStringLiteral("DROP FUNCTION IF EXISTS core.tst_slow_delete()"));
        });

        std::shared_ptr<pg::Connection> applyConn = test::connect(s.db);
        Worker worker;
        QFuture<Outcome<RollbackRecord>> future =
            worker.run<RollbackRecord>([applyConn, game, n](TaskContext &) {
                return Rollback(*applyConn).apply(game, opts(n, QStringLiteral("interrupted")));
            });

        // Wait until the rollback sits in the trigger's sleep, then kill its backend (found
        // by what it waits on: behind a pooler the client's own pid is the pooler's).
        int pid = 0;
        auto sleeping = [&] {
            pid = scalar(*admin,
                         QStringLiteral("SELECT coalesce(max(pid), 0) FROM pg_stat_activity "
                                        "WHERE datname = current_database() AND wait_event = 'PgSleep' "
                                        "AND pid <> pg_backend_pid()"));
            return pid > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sleeping() || future.isFinished(), kPatience);
        QVERIFY2(!future.isFinished(), "the rollback ended before it reached the lineups");
        // Half-way indeed: inside its transaction the plays are already deleted.
        QCOMPARE(scalar(*admin, QStringLiteral("SELECT pg_terminate_backend($1)::int"), {pid}), 1);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kPatience);

        const Outcome<RollbackRecord> outcome = future.result();
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind(), Error::Kind::Connection);
        QVERIFY(!applyConn->isAlive());

        dropTrigger.dismiss();
        admin->exec(QStringLiteral("DROP TRIGGER tst_slow_delete ON core.lineups"));
        admin->exec(QStringLiteral("DROP FUNCTION core.tst_slow_delete()"));

        QVERIFY2(digest(*admin, game) == before, qPrintable(digest(*admin, game).text()));
        QCOMPARE(records(*admin).text(), Records{}.text());
        QCOMPARE(scalar(*admin, QStringLiteral("SELECT count(*) FROM statescope.rollback_rows")),
                 0);

        // Nothing left locked: a rollback on a new connection goes through.
        auto again = test::connect(s.db);
        const RollbackRecord rec = Rollback(*again).apply(game, opts(n));
        QCOMPARE(rec.deletedPlays, last - n);
    }

    void schemaVersion4IsRefused()
    {
        const pg::ConnectionSettings db = emptyDatabase(QStringLiteral("rb_v4"));
        m_databases << db.database();
        QList<std::pair<QString, QByteArray>> files;
        for (const migrate::Migration &m : migrate::MigrationSet::embedded().migrations())
            if (m.version <= 4)
                files.append({m.fileName, m.sql.toUtf8()});
        QCOMPARE(files.size(), 4);
        const migrate::Migrator migrator(migrate::MigrationSet::fromFiles(files));
        auto conn = test::connect(db);
        migrator.migrate(*conn);
        QCOMPARE(migrator.status(*conn).currentVersion, 4);
        QCOMPARE(scalar(*conn, QStringLiteral(
                                   "SELECT count(*) FROM pg_tables WHERE schemaname = 'statescope' "
                                   "AND tablename IN ('rollbacks', 'rollback_rows')")),
                 0);

        // A game with three plays that would otherwise roll back fine.
        const QString game = QUuid::createUuid().toString(QUuid::WithoutBraces);
        conn->exec(QStringLiteral(
                       "INSERT INTO core.games (id, league_id, home_team_id, away_team_id, status) "
                       "VALUES ($1, 'sba', 1, 2, 'active')"),
                   {game});
        const int batter =
            conn->exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, "
                                      "position, batting_order) VALUES ($1, 2, 201, 'CF', 1) "
                                      "RETURNING id"),
                       {game})
                .toInt(0, 0);
        const int pitcher =
            conn->exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, "
                                      "position, batting_order) VALUES ($1, 1, 109, 'P', 9) "
                                      "RETURNING id"),
                       {game})
                .toInt(0, 0);
        for (int i = 1; i <= 3; ++i)
            conn->exec(
                QStringLiteral(
                    "INSERT INTO core.plays (game_id, play_number, inning, half, outs_before, "
                    "away_score, home_score, batter_id, pitcher_id) "
                    "VALUES ($1, $2, 1, 'top', 0, 0, 0, $3, $4)"),
                {game, i, batter, pitcher});
        QCOMPARE(Rollback(*conn).plan(game, opts(1)).playsToDelete, 2);

        const auto refused = errorOf([&] { Rollback(*conn).apply(game, opts(1)); });
        QVERIFY(refused.has_value());
        QCOMPARE(refused->kind(), Error::Kind::Conflict);
        QVERIFY2(refused->hint().contains(QLatin1String("migrate"), Qt::CaseInsensitive),
                 qPrintable(refused->hint()));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id = $1"),
                        {game}),
                 3);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                              "WHERE action LIKE 'rollback%'")),
                 0);
        const auto undo = errorOf([&] { Rollback(*conn).undo(1, QString()); });
        QVERIFY(undo.has_value());
        QCOMPARE(undo->kind(), Error::Kind::Conflict);
    }

    // ---- the CLI ------------------------------------------------------------------------

    void cliDryRunMatchesPlan()
    {
        const Seeded s = seeded(QStringLiteral("rb_clidry"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = GameStore(*conn).summary(game).lastPlay;
        const int n = last / 2;
        addSubs(*conn, game, n, last);
        const Digest before = digest(*conn, game);

        for (bool deleteRolls : {false, true}) {
            const RollbackPlan plan = Rollback(*conn).plan(game, opts(n, QString(), deleteRolls));
            QStringList args = {QStringLiteral("rollback"),
                                QStringLiteral("--db"),
                                s.db.storableString(),
                                QStringLiteral("--game"),
                                game,
                                QStringLiteral("--to"),
                                QString::number(n),
                                QStringLiteral("--dry-run"),
                                QStringLiteral("--json")};
            args << (deleteRolls ? QStringLiteral("--delete-rolls") : QStringLiteral("--keep-rolls"));
            const CliRun r = runCli(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QJsonObject o = r.json().object();
            QCOMPARE(o.value(QLatin1String("game_id")).toString(), game);
            QCOMPARE(o.value(QLatin1String("dry_run")).toBool(), true);
            QCOMPARE(o.value(QLatin1String("to_play")).toInt(-1), n);
            QCOMPARE(o.value(QLatin1String("last_play")).toInt(-1), last);
            QCOMPARE(o.value(QLatin1String("plays_to_delete")).toInt(-1), plan.playsToDelete);
            QCOMPARE(o.value(QLatin1String("lineups_to_delete")).toInt(-1), plan.lineupsToDelete);
            QCOMPARE(o.value(QLatin1String("lineups_to_reactivate")).toInt(-1),
                     plan.lineupsToReactivate);
            QCOMPARE(o.value(QLatin1String("rolls_to_delete")).toInt(-1), plan.rollsToDelete);
            QCOMPARE(o.value(QLatin1String("rolls_kept")).toInt(-1), plan.rollsKept);
            QVERIFY(plan.lineupsToDelete >= 2);
            QVERIFY(plan.lineupsToReactivate >= 2);
            const QJsonObject st = o.value(QLatin1String("resulting_state")).toObject();
            QCOMPARE(st.value(QLatin1String("inning")).toInt(), plan.resultingState.inning);
            QCOMPARE(st.value(QLatin1String("half")).toString(),
                     halfName(plan.resultingState.half));
            QCOMPARE(st.value(QLatin1String("outs")).toInt(-1), plan.resultingState.outs);
            QCOMPARE(st.value(QLatin1String("away_score")).toInt(-1),
                     plan.resultingState.awayScore);
            QCOMPARE(st.value(QLatin1String("home_score")).toInt(-1),
                     plan.resultingState.homeScore);
        }
        // Without either flag: the game's own rule, the rolls after the play go (as asked for
        // with --delete-rolls), in the plan and on the command line alike.
        RollbackOptions gameRule;
        gameRule.toPlay = n;
        const RollbackPlan byGame = Rollback(*conn).plan(game, gameRule);
        QVERIFY(byGame.deletesRolls);
        QVERIFY(byGame.rollsToDelete > 0);
        QCOMPARE(byGame.rollsKept, 0);
        const CliRun byDefault = runCli({QStringLiteral("rollback"), QStringLiteral("--db"), s.db.storableString(),
                                         QStringLiteral("--game"), game, QStringLiteral("--to"), QString::number(n),
                                         QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(byDefault.exitCode == 0, qPrintable(byDefault.describe()));
        QCOMPARE(byDefault.json().object().value(QLatin1String("rolls_to_delete")).toInt(-1), byGame.rollsToDelete);
        const CliRun both = runCli({QStringLiteral("rollback"), QStringLiteral("--db"), s.db.storableString(),
                                    QStringLiteral("--game"), game, QStringLiteral("--to"), QString::number(n),
                                    QStringLiteral("--dry-run"), QStringLiteral("--keep-rolls"), QStringLiteral("--delete-rolls")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY(digest(*conn, game) == before);
        QCOMPARE(records(*conn).text(), Records{}.text());
    }

    void cliRollbackNeedsReason()
    {
        const Seeded s = seeded(QStringLiteral("rb_clireason"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int n = GameStore(*conn).summary(game).lastPlay / 2;
        const Digest before = digest(*conn, game);
        const QStringList base = {QStringLiteral("rollback"),
                                  QStringLiteral("--db"),
                                  s.db.storableString(),
                                  QStringLiteral("--game"),
                                  game,
                                  QStringLiteral("--to"),
                                  QString::number(n)};
        const CliRun none = runCli(base);
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.isEmpty());
        QVERIFY2(none.err.startsWith("statescope-cli: ") && none.err.count('\n') == 1,
                 none.err.constData());
        QVERIFY2(none.err.contains("--reason"), none.err.constData());
        const CliRun blank =
            runCli(base + QStringList{QStringLiteral("--reason"), QStringLiteral("  "),
                                      QStringLiteral("--json")});
        QCOMPARE(blank.exitCode, 2);
        QCOMPARE(blank.errorField("kind"),
                 QStringLiteral("invalid_input"));
        // --to is required too, and must be a play number.
        const CliRun noTo = runCli({QStringLiteral("rollback"), QStringLiteral("--db"),
                                    s.db.storableString(), QStringLiteral("--game"), game,
                                    QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(noTo.exitCode, 2);
        const CliRun negative =
            runCli(base.mid(0, 5) + QStringList{QStringLiteral("--to"), QStringLiteral("-1"),
                                                QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(negative.exitCode, 2);
        QVERIFY(digest(*conn, game) == before);
        QCOMPARE(records(*conn).text(), Records{}.text());
    }

    void cliRollbackAndUndo()
    {
        const Seeded s = seeded(QStringLiteral("rb_cliundo"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = GameStore(*conn).summary(game).lastPlay;
        const int n = last / 2;
        addSubs(*conn, game, n, last);
        const Digest before = digest(*conn, game);
        const QString db = s.db.storableString();

        // Confirmed with the game's short id, as a reset is with the database's name: none, or
        // another game's, is bad input and changes nothing.
        const QStringList args{QStringLiteral("rollback"), QStringLiteral("--db"), db,
                               QStringLiteral("--game"), game, QStringLiteral("--to"), QString::number(n),
                               QStringLiteral("--reason"), QStringLiteral("cli rollback"),
                               QStringLiteral("--delete-rolls"), QStringLiteral("--json")};
        const CliRun unconfirmed = runCli(args);
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains(game.left(8).toUtf8()), unconfirmed.err.constData());
        QCOMPARE(runCli(args + QStringList{QStringLiteral("--confirm"), QStringLiteral("00000000")}).exitCode, 2);
        QVERIFY(digest(*conn, game) == before);
        const CliRun done = runCli(args + QStringList{QStringLiteral("--confirm"), game.left(8).toUpper()});
        QVERIFY2(done.exitCode == 0, qPrintable(done.describe()));
        const QJsonObject o = done.json().object();
        const qint64 id = qint64(o.value(QLatin1String("rollback_id")).toDouble());
        QVERIFY(id > 0);
        QCOMPARE(o.value(QLatin1String("game_id")).toString(), game);
        QCOMPARE(o.value(QLatin1String("to_play")).toInt(-1), n);
        QCOMPARE(o.value(QLatin1String("from_play")).toInt(-1), last);
        QCOMPARE(o.value(QLatin1String("deleted_plays")).toInt(-1), last - n);
        QVERIFY(o.value(QLatin1String("deleted_lineups")).toInt(-1) >= 2);
        QVERIFY(o.value(QLatin1String("deleted_rolls")).toInt(-1) >= last - n);
        QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("cli rollback"));
        QCOMPARE(o.value(QLatin1String("undone_at")).toString(), QString());
        QVERIFY2(!o.value(QLatin1String("created_at")).toString().isEmpty(), done.out.constData());
        QVERIFY(!o.contains(QLatin1String("webhook")));
        QCOMPARE(GameStore(*conn).summary(game).lastPlay, n);
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE id = $1 "
                                       "AND game_id = $2 AND delete_rolls"),
                        {id, game}),
                 1);

        const CliRun undone =
            runCli({QStringLiteral("rollback"), QStringLiteral("undo"), QStringLiteral("--db"), db,
                    QStringLiteral("--id"), QString::number(id), QStringLiteral("--reason"),
                    QStringLiteral("cli undo"), QStringLiteral("--json")});
        QVERIFY2(undone.exitCode == 0, qPrintable(undone.describe()));
        const QJsonObject u = undone.json().object();
        QCOMPARE(qint64(u.value(QLatin1String("rollback_id")).toDouble()), id);
        QVERIFY2(!u.value(QLatin1String("undone_at")).toString().isEmpty(), undone.out.constData());
        QVERIFY2(digest(*conn, game) == before, qPrintable(digest(*conn, game).text()));

        // A second undo fails (exit 1, a conflict) and changes nothing.
        const CliRun again =
            runCli({QStringLiteral("rollback"), QStringLiteral("undo"), QStringLiteral("--db"), db,
                    QStringLiteral("--id"), QString::number(id), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(again.errorField("kind"),
                 QStringLiteral("conflict"));
        QVERIFY(digest(*conn, game) == before);
        // No --id: usage.
        const CliRun noId = runCli(
            {QStringLiteral("rollback"), QStringLiteral("undo"), QStringLiteral("--db"), db});
        QCOMPARE(noId.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestRollbackSafety)
#include "tst_rollback_safety.moc"
