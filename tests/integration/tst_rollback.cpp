// Rollback and undo against a real server: what a rollback deletes, re-activates, keeps and
// records (checked in the database, and against plan()); undo putting back every row
// exactly; the refusals (newer plays, a later rollback, out of range, completed, no
// reason, a busy game, an old schema); a server connection lost in the middle leaving
// nothing half-done; and the CLI's rollback commands.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/migrate/migration.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/play.h"
#include "core/replay/rollback.h"
#include "core/task/worker.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QTest>
#include <QUuid>
#include <memory>
#include <optional>
#include <tuple>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

namespace {

QString describe(const BaseState &s)
{
    return QStringLiteral("inning %1 %2, %3 out, away %4 home %5, runners [%6, %7, %8]")
        .arg(s.inning)
        .arg(halfName(s.half))
        .arg(s.outs)
        .arg(s.awayScore)
        .arg(s.homeScore)
        .arg(s.runners[0])
        .arg(s.runners[1])
        .arg(s.runners[2]);
}

QString describe(const LineupEntry &e)
{
    return QStringLiteral("#%1 team %2 card %3 player %4 %5 order %6 starter %7 active %8 "
                          "replacing %9 after %10")
        .arg(e.id)
        .arg(e.teamId)
        .arg(e.cardId)
        .arg(e.playerId)
        .arg(e.position)
        .arg(e.battingOrder)
        .arg(e.starter)
        .arg(e.active)
        .arg(e.replacingId)
        .arg(e.afterPlay ? QString::number(*e.afterPlay) : QStringLiteral("null"));
}

// md5 over a game's rows, table by table, in a fixed order and in UTC: equal digests mean
// byte-identical rows (ids included).
struct Digest
{
    QString plays, lineups, rolls, game;
    bool operator==(const Digest &) const = default;
    QString text() const
    {
        return QStringLiteral("plays %1 lineups %2 rolls %3 game %4")
            .arg(plays, lineups, rolls, game);
    }
};

Digest digest(pg::Connection &conn, const QString &gameId)
{
    conn.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    auto of = [&](const char *table, const char *order) {
        return conn
            .exec(
                QStringLiteral("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY %2)), '') "
                               "FROM %1 t WHERE game_id = $1")
                    .arg(QLatin1String(table), QLatin1String(order)),
                {gameId})
            .value(0, 0);
    };
    Digest d;
    d.plays = of("core.plays", "id");
    d.lineups = of("core.lineups", "id");
    d.rolls = of("core.rolls", "roll_id");
    d.game =
        conn.exec(QStringLiteral("SELECT md5(t::text) FROM core.games t WHERE id = $1"), {gameId})
            .value(0, 0);
    return d;
}

// Statescope's own records of rollbacks: all must stay untouched by a refused rollback.
struct Records
{
    qint64 rollbacks = 0, rows = 0, audits = 0;
    QString text() const
    {
        return QStringLiteral("%1 rollbacks, %2 archived rows, %3 audit rows")
            .arg(rollbacks)
            .arg(rows)
            .arg(audits);
    }
};

Records records(pg::Connection &conn)
{
    return {scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.rollbacks")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.rollback_rows")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                        "WHERE action IN ('rollback', 'rollback_undo')"))};
}

// The first inconsistent play by both checks, which must agree: the SQL one of
// GameStore::list() and checkConsistency() over the plays. -1 when they disagree.
int firstInconsistent(pg::Connection &conn, const QString &gameId)
{
    GameStore store(conn);
    const auto issues = checkConsistency(store.plays(gameId));
    const int cpp = issues.isEmpty() ? 0 : issues.first().playNumber;
    GameFilter all;
    all.limit = 100000;
    for (const GameSummary &g : store.list(all))
        if (g.id == gameId)
            return g.firstInconsistentPlay == cpp ? cpp : -1;
    return -1;
}

RollbackOptions opts(int toPlay, const QString &reason = QStringLiteral("test rollback"),
                     bool deleteRolls = false)
{
    RollbackOptions o;
    o.toPlay = toPlay;
    o.reason = reason;
    o.deleteRolls = deleteRolls;
    return o;
}

// Substitutions this test adds to a demo game around play n: one before (kept by a
// rollback to n), one exactly at n and one near the end (both deleted).
struct OwnSubs
{
    int kept = 0, keptReplaced = 0;
    int atN = 0, atNReplaced = 0;
    int late = 0, lateReplaced = 0;
};

OwnSubs addSubs(pg::Connection &conn, const QString &gameId, int n, int lastPlay)
{
    // Starters still in the game that nobody has replaced yet, never the catcher.
    const auto free = conn.exec(
        QStringLiteral("SELECT id, team_id, batting_order FROM core.lineups l WHERE game_id = $1 "
                       "AND is_starter AND is_active AND position <> 'C' AND NOT EXISTS "
                       "(SELECT 1 FROM core.lineups s WHERE s.replacing_id = l.id) "
                       "ORDER BY batting_order, id LIMIT 3"),
        {gameId});
    if (free.rowCount() < 3)
        throw Error(Error::Kind::Internal, QStringLiteral("no free starters in %1").arg(gameId));
    auto add = [&](int row, int afterPlay, int person) {
        const int replaced = free.toInt(row, 0);
        conn.exec(QStringLiteral("UPDATE core.lineups SET is_active = false WHERE id = $1"),
                  {replaced});
        const int id =
            conn.exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, "
                                     "position, batting_order, is_starter, is_active, "
                                     "replacing_id, after_play, entered_inning) "
                                     "VALUES ($1, $2, $3, 'PH', $4, false, true, $5, $6, 1) "
                                     "RETURNING id"),
                      {gameId, free.toInt(row, 1), person, free.toInt(row, 2), replaced, afterPlay})
                .toInt(0, 0);
        return std::pair{id, replaced};
    };
    OwnSubs s;
    std::tie(s.kept, s.keptReplaced) = add(0, n - 1, 990001);
    std::tie(s.atN, s.atNReplaced) = add(1, n, 990002);
    std::tie(s.late, s.lateReplaced) = add(2, lastPlay - 1, 990003);
    return s;
}

// A guard against a hang, never a timing assertion.
constexpr int kPatience = 120000;

} // namespace

class TestRollback : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases; // dropped at the end whatever happened

    struct Seeded
    {
        pg::ConnectionSettings db;
        demo::DemoReport report;
    };

    // A fresh weekly database with a small demo: 12 games, 4 of them active (one broken).
    Seeded seeded(const QString &hint)
    {
        Seeded s;
        s.db = freshDatabase(hint);
        m_databases << s.db.database();
        s.report = seedDemo(*test::connect(s.db));
        return s;
    }

    // Active, consistent games, the ones with most substitutions first.
    static QStringList activeGames(pg::Connection &conn, const demo::DemoReport &report)
    {
        const auto r = conn.exec(
            QStringLiteral("SELECT g.id FROM core.games g WHERE g.status = 'active' AND g.id <> $1 "
                           "AND (SELECT count(*) FROM core.plays p WHERE p.game_id = g.id) >= 8 "
                           "ORDER BY (SELECT count(*) FROM core.lineups l WHERE l.game_id = g.id "
                           "AND l.after_play IS NOT NULL) DESC, g.id"),
            {report.brokenGameId});
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << r.value(i, 0);
        return out;
    }

    static QString completedGame(pg::Connection &conn)
    {
        return conn
            .exec(QStringLiteral("SELECT id FROM core.games WHERE status = 'completed' "
                                 "ORDER BY id LIMIT 1"))
            .value(0, 0);
    }

private slots:
    void initTestCase()
    {
        const QString exe = qEnvironmentVariable("STATESCOPE_CLI");
        QVERIFY2(QFileInfo(exe).isExecutable(),
                 "STATESCOPE_CLI must name the statescope-cli binary");
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void rollbackDeletesReactivatesAndRecords()
    {
        const Seeded s = seeded(QStringLiteral("rb_main"));
        auto conn = test::connect(s.db);
        const QStringList games = activeGames(*conn, s.report);
        QVERIFY(!games.isEmpty());
        const QString game = games.first();
        GameStore store(*conn);
        const QList<Play> plays = store.plays(game);
        const int last = plays.last().playNumber;
        QCOMPARE(last, int(plays.size()));
        const int n = last / 2;
        QVERIFY(n >= 2);
        const OwnSubs own = addSubs(*conn, game, n, last);

        // What must happen, worked out here from the rows as they are.
        const QList<LineupEntry> before = store.lineups(game);
        QSet<int> deletedSubs, reactivated;
        for (const LineupEntry &e : before)
            if (e.afterPlay && *e.afterPlay >= n)
                deletedSubs.insert(e.id);
        for (const LineupEntry &e : before)
            if (deletedSubs.contains(e.id))
                for (const LineupEntry &r : before)
                    if (r.id == e.replacingId && !deletedSubs.contains(r.id))
                        reactivated.insert(r.id);
        QVERIFY(deletedSubs.contains(own.atN));
        QVERIFY(deletedSubs.contains(own.late));
        QVERIFY(!deletedSubs.contains(own.kept));
        QVERIFY(reactivated.contains(own.atNReplaced));
        QVERIFY(reactivated.contains(own.lateReplaced));
        const int playsAfterN = last - n;
        const int rollsAfterN =
            int(scalar(*conn,
                       QStringLiteral("SELECT count(*) FROM core.rolls "
                                      "WHERE game_id = $1 AND play_number > $2"),
                       {game, n}));
        QVERIFY(rollsAfterN >= playsAfterN); // every at-bat has its dice roll
        const qint64 rollsTotal = scalar(
            *conn, QStringLiteral("SELECT count(*) FROM core.rolls WHERE game_id = $1"), {game});
        const BaseState expectedState = stateAfter(plays[n - 1]);
        // In a consistent game that is where play n + 1 starts.
        QCOMPARE(describe(expectedState), describe(plays[n].start));
        const QString keptPlaysBefore =
            conn->exec(QStringLiteral(
                           "SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM core.plays t "
                           "WHERE game_id = $1 AND play_number <= $2"),
                       {game, n})
                .value(0, 0);
        const auto gameBefore =
            conn->exec(QStringLiteral("SELECT home_score, away_score FROM core.games "
                                      "WHERE id = $1"),
                       {game});

        // The plan says so, and changes nothing.
        Rollback rb(*conn);
        const Digest untouched = digest(*conn, game);
        const RollbackPlan plan = rb.plan(game, opts(n, QString()));
        QCOMPARE(plan.game.id, game);
        QCOMPARE(plan.toPlay, n);
        QCOMPARE(plan.lastPlay, last);
        QCOMPARE(plan.playsToDelete, playsAfterN);
        QCOMPARE(plan.lineupsToDelete, int(deletedSubs.size()));
        QCOMPARE(plan.lineupsToReactivate, int(reactivated.size()));
        QCOMPARE(plan.rollsToDelete, 0);
        QCOMPARE(plan.rollsKept, rollsAfterN);
        QCOMPARE(describe(plan.resultingState), describe(expectedState));
        const RollbackPlan planWithRolls = rb.plan(game, opts(n, QString(), true));
        QCOMPARE(planWithRolls.rollsToDelete, rollsAfterN);
        QCOMPARE(planWithRolls.rollsKept, 0);
        QVERIFY(digest(*conn, game) == untouched);
        QCOMPARE(records(*conn).text(), Records{}.text());

        const RollbackRecord rec =
            rb.apply(game, opts(n, QStringLiteral("  wrong call at play %1  ").arg(n + 1)));
        QVERIFY(rec.id > 0);
        QCOMPARE(rec.gameId, game);
        QCOMPARE(rec.toPlay, n);
        QCOMPARE(rec.fromPlay, last);
        QCOMPARE(rec.reason, QStringLiteral("wrong call at play %1").arg(n + 1));
        QCOMPARE(rec.deletedPlays, playsAfterN);
        QCOMPARE(rec.deletedLineups, int(deletedSubs.size()));
        QCOMPARE(rec.deletedRolls, 0);
        QVERIFY(!rec.osUser.isEmpty());
        QVERIFY2(rec.createdAt.isValid(), "created_at must be read back");
        QVERIFY(!rec.undoneAt.isValid());

        // Plays: 1..n stay exactly as they were, the rest are gone.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id = $1"),
                        {game}),
                 qint64(n));
        QCOMPARE(
            scalar(*conn,
                   QStringLiteral("SELECT max(play_number) FROM core.plays WHERE game_id = $1"),
                   {game}),
            qint64(n));
        QCOMPARE(
            conn->exec(QStringLiteral(
                           "SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM core.plays t "
                           "WHERE game_id = $1"),
                       {game})
                .value(0, 0),
            keptPlaysBefore);

        // Lineups: substitutions with after_play >= n gone, the men they replaced back in,
        // every other row as it was.
        const QList<LineupEntry> after = store.lineups(game);
        QCOMPARE(after.size(), before.size() - deletedSubs.size());
        QHash<int, LineupEntry> afterById;
        for (const LineupEntry &e : after)
            afterById.insert(e.id, e);
        for (const LineupEntry &e : before) {
            if (deletedSubs.contains(e.id)) {
                QVERIFY2(!afterById.contains(e.id), qPrintable(describe(e)));
                continue;
            }
            QVERIFY2(afterById.contains(e.id), qPrintable(describe(e)));
            LineupEntry expected = e;
            if (reactivated.contains(e.id)) {
                QVERIFY2(!e.active, qPrintable(describe(e)));
                expected.active = true;
            }
            QCOMPARE(describe(afterById.value(e.id)), describe(expected));
        }
        QVERIFY(afterById.value(own.kept).active);
        QVERIFY(!afterById.value(own.keptReplaced).active);
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM core.lineups WHERE game_id = $1 "
                                       "AND after_play >= $2"),
                        {game, n}),
                 0);

        // Rolls are kept by default.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.rolls WHERE game_id = $1"),
                        {game}),
                 rollsTotal);

        // The games row stands where play n left the game.
        const auto g =
            conn->exec(QStringLiteral("SELECT current_inning, current_half, away_score, "
                                      "home_score, status FROM core.games WHERE id = $1"),
                       {game});
        QCOMPARE(g.toInt(0, 0), expectedState.inning);
        QCOMPARE(g.value(0, 1), halfName(expectedState.half));
        QCOMPARE(g.toInt(0, 2), expectedState.awayScore);
        QCOMPARE(g.toInt(0, 3), expectedState.homeScore);
        QCOMPARE(g.value(0, 4), QStringLiteral("active"));
        const GameSummary summary = store.summary(game);
        QCOMPARE(summary.lastPlay, n);
        QCOMPARE(firstInconsistent(*conn, game), 0);

        // statescope.rollbacks
        const auto row = conn->exec(
            QStringLiteral(
                "SELECT game_id, to_play, from_play, reason, delete_rolls, deleted_plays, "
                "deleted_lineups, deleted_rolls, (game_before->>'home_score')::int, "
                "(game_before->>'away_score')::int, undone_at IS NULL, os_user "
                "FROM statescope.rollbacks WHERE id = $1"),
            {rec.id});
        QCOMPARE(row.rowCount(), 1);
        QCOMPARE(row.value(0, 0), game);
        QCOMPARE(row.toInt(0, 1), n);
        QCOMPARE(row.toInt(0, 2), last);
        QCOMPARE(row.value(0, 3), rec.reason);
        QCOMPARE(row.toBool(0, 4), false);
        QCOMPARE(row.toInt(0, 5), playsAfterN);
        QCOMPARE(row.toInt(0, 6), int(deletedSubs.size()));
        QCOMPARE(row.toInt(0, 7), 0);
        QCOMPARE(row.toInt(0, 8), gameBefore.toInt(0, 0));
        QCOMPARE(row.toInt(0, 9), gameBefore.toInt(0, 1));
        QCOMPARE(row.toBool(0, 10), true);
        QCOMPARE(row.value(0, 11), rec.osUser);

        // statescope.rollback_rows: every deleted or changed row, with its values.
        auto archived = [&](const char *table, const char *kind) {
            return scalar(
                *conn,
                QStringLiteral("SELECT count(*) FROM statescope.rollback_rows "
                               "WHERE rollback_id = $1 AND table_name = $2 AND kind = $3"),
                {rec.id, table, kind});
        };
        QCOMPARE(archived("core.plays", "deleted"), qint64(playsAfterN));
        QCOMPARE(archived("core.lineups", "deleted"), qint64(deletedSubs.size()));
        QCOMPARE(archived("core.lineups", "updated"), qint64(reactivated.size()));
        QCOMPARE(archived("core.rolls", "deleted"), 0);
        QCOMPARE(archived("core.plays", "updated") + archived("core.rolls", "updated"), 0);
        const auto numbers = conn->exec(
            QStringLiteral("SELECT min((row_data->>'play_number')::int), "
                           "max((row_data->>'play_number')::int), "
                           "count(DISTINCT row_data->>'id'), bool_and(row_data->>'game_id' = $2) "
                           "FROM statescope.rollback_rows WHERE rollback_id = $1 AND table_name = "
                           "'core.plays'"),
            {rec.id, game});
        QCOMPARE(numbers.toInt(0, 0), n + 1);
        QCOMPARE(numbers.toInt(0, 1), last);
        QCOMPARE(numbers.toInt(0, 2), playsAfterN);
        QVERIFY(numbers.toBool(0, 3));
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM statescope.rollback_rows WHERE "
                                       "rollback_id = $1 AND table_name = 'core.lineups' AND "
                                       "kind = 'updated' AND (row_data->>'id')::int = $2 "
                                       "AND (row_data->>'is_active')::boolean = false"),
                        {rec.id, own.atNReplaced}),
                 1);

        // The audit log, in the same transaction.
        const auto audit = conn->exec(
            QStringLiteral("SELECT target, reason, (details->>'rollback_id')::bigint, "
                           "(details->>'to_play')::int, (details->>'from_play')::int, "
                           "(details->>'deleted_plays')::int, (details->>'deleted_lineups')::int "
                           "FROM statescope.audit_log WHERE action = 'rollback'"));
        QCOMPARE(audit.rowCount(), 1);
        QVERIFY2(audit.value(0, 0).contains(game), qPrintable(audit.value(0, 0)));
        QCOMPARE(audit.value(0, 1), rec.reason);
        QCOMPARE(audit.toLongLong(0, 2), rec.id);
        QCOMPARE(audit.toInt(0, 3), n);
        QCOMPARE(audit.toInt(0, 4), last);
        QCOMPARE(audit.toInt(0, 5), playsAfterN);
        QCOMPARE(audit.toInt(0, 6), int(deletedSubs.size()));

        const QList<RollbackRecord> history = rb.history(game);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().id, rec.id);
        QVERIFY(rb.history(completedGame(*conn)).isEmpty());
    }

    void rollbackCanDeleteRolls()
    {
        const Seeded s = seeded(QStringLiteral("rb_rolls"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = GameStore(*conn).summary(game).lastPlay;
        const int n = last / 2;
        auto rolls = [&](const char *where) {
            return scalar(
                *conn,
                QStringLiteral("SELECT count(*) FROM core.rolls WHERE game_id = $1 AND %1")
                    .arg(QLatin1String(where)),
                {game, n});
        };
        const qint64 upToN = rolls("play_number <= $2");
        const qint64 afterN = rolls("play_number > $2");
        QVERIFY(afterN > 0);
        const RollbackRecord rec =
            Rollback(*conn).apply(game, opts(n, QStringLiteral("dice too"), true));
        QCOMPARE(rec.deletedRolls, int(afterN));
        QCOMPARE(rolls("play_number > $2"), 0);
        QCOMPARE(rolls("play_number <= $2"), upToN);
        QCOMPARE(scalar(*conn,
                        QStringLiteral(
                            "SELECT count(*) FROM statescope.rollback_rows WHERE "
                            "rollback_id = $1 AND table_name = 'core.rolls' AND kind = 'deleted'"),
                        {rec.id}),
                 afterN);
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE id = $1 "
                                       "AND delete_rolls AND deleted_rolls = $2"),
                        {rec.id, afterN}),
                 1);
    }

    void undoRestoresEverythingExactly()
    {
        const Seeded s = seeded(QStringLiteral("rb_undo"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = GameStore(*conn).summary(game).lastPlay;
        const int n = last / 2;
        addSubs(*conn, game, n, last);
        const Digest before = digest(*conn, game);

        Rollback rb(*conn);
        const RollbackRecord rec = rb.apply(game, opts(n, QStringLiteral("undo me"), true));
        const Digest rolledBack = digest(*conn, game);
        QVERIFY(rolledBack.plays != before.plays);
        QVERIFY(rolledBack.lineups != before.lineups);
        QVERIFY(rolledBack.rolls != before.rolls);

        const RollbackRecord undone = rb.undo(rec.id, QStringLiteral("it was right after all"));
        QCOMPARE(undone.id, rec.id);
        QVERIFY2(undone.undoneAt.isValid(), "undone_at must be read back");
        const Digest restored = digest(*conn, game);
        QCOMPARE(restored.plays, before.plays);
        QCOMPARE(restored.lineups, before.lineups);
        QCOMPARE(restored.rolls, before.rolls);
        QCOMPARE(restored.game, before.game);
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE id = $1 "
                                       "AND undone_at IS NOT NULL AND undone_by <> ''"),
                        {rec.id}),
                 1);
        const auto audit =
            conn->exec(QStringLiteral("SELECT reason, (details->>'rollback_id')::bigint, "
                                      "(details->>'restored_plays')::int FROM "
                                      "statescope.audit_log WHERE action = 'rollback_undo'"));
        QCOMPARE(audit.rowCount(), 1);
        QCOMPARE(audit.value(0, 0), QStringLiteral("it was right after all"));
        QCOMPARE(audit.toLongLong(0, 1), rec.id);
        QCOMPARE(audit.toInt(0, 2), last - n);
        QCOMPARE(firstInconsistent(*conn, game), 0);

        // Twice: refused, and nothing changes.
        const Records recorded = records(*conn);
        const auto twice = errorOf([&] { rb.undo(rec.id, QString()); });
        QVERIFY(twice.has_value());
        QCOMPARE(twice->kind(), Error::Kind::Conflict);
        QVERIFY(digest(*conn, game) == before);
        QCOMPARE(records(*conn).text(), recorded.text());

        // An unknown rollback id.
        const auto unknown = errorOf([&] { rb.undo(rec.id + 1000, QString()); });
        QVERIFY(unknown.has_value());
        QCOMPARE(unknown->kind(), Error::Kind::NotFound);

        // The game goes on: the next play can be written (ids and sequences intact).
        conn->exec(QStringLiteral(
                       "INSERT INTO core.plays (game_id, play_number, inning, half, outs_before, "
                       "away_score, home_score, batter_id, pitcher_id) SELECT game_id, "
                       "play_number + 1, inning, half, 0, away_score, home_score, batter_id, "
                       "pitcher_id FROM core.plays WHERE game_id = $1 AND play_number = $2"),
                   {game, last});
        QCOMPARE(GameStore(*conn).summary(game).lastPlay, last + 1);
    }

    void undoRefusedAfterANewPlay()
    {
        const Seeded s = seeded(QStringLiteral("rb_newplay"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        GameStore store(*conn);
        const int last = store.summary(game).lastPlay;
        const int n = last / 2;
        const Digest before = digest(*conn, game);
        Rollback rb(*conn);
        const RollbackRecord rec = rb.apply(game, opts(n));

        // The game server writes play n + 1 after the rollback.
        const Play playN = store.plays(game).last();
        QCOMPARE(playN.playNumber, n);
        const BaseState s0 = stateAfter(playN);
        conn->exec(QStringLiteral(
                       "INSERT INTO core.plays (game_id, play_number, inning, half, outs_before, "
                       "away_score, home_score, on_base_code, on_first_id, on_second_id, "
                       "on_third_id, batter_id, pitcher_id, outs_recorded, result_description) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, 'new')"),
                   {game, n + 1, s0.inning, halfName(s0.half), s0.outs, s0.awayScore, s0.homeScore,
                    s0.onBaseCode(), s0.runners[0] ? pg::Param(s0.runners[0]) : pg::Param(nullptr),
                    s0.runners[1] ? pg::Param(s0.runners[1]) : pg::Param(nullptr),
                    s0.runners[2] ? pg::Param(s0.runners[2]) : pg::Param(nullptr), playN.batterId,
                    playN.pitcherId});
        const Digest withNewPlay = digest(*conn, game);
        const Records recorded = records(*conn);

        const auto refused = errorOf([&] { rb.undo(rec.id, QString()); });
        QVERIFY(refused.has_value());
        QCOMPARE(refused->kind(), Error::Kind::Conflict);
        QVERIFY2(refused->message().contains(QString::number(n + 1)),
                 qPrintable(refused->message()));
        QVERIFY(digest(*conn, game) == withNewPlay);
        QCOMPARE(records(*conn).text(), recorded.text());
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE id = $1 "
                                       "AND undone_at IS NULL"),
                        {rec.id}),
                 1);

        // Once the new play is gone again, the undo goes through.
        conn->exec(QStringLiteral("DELETE FROM core.plays WHERE game_id = $1 AND play_number = $2"),
                   {game, n + 1});
        rb.undo(rec.id, QString());
        QVERIFY2(digest(*conn, game) == before, qPrintable(digest(*conn, game).text()));
    }

    void undoOlderRollbackFirstIsRefused()
    {
        const Seeded s = seeded(QStringLiteral("rb_order"));
        auto conn = test::connect(s.db);
        const QString game = activeGames(*conn, s.report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = GameStore(*conn).summary(game).lastPlay;
        const int n1 = last - 2;
        const int n2 = n1 / 2;
        QVERIFY(n2 >= 2);
        addSubs(*conn, game, n2, last);
        const Digest original = digest(*conn, game);
        Rollback rb(*conn);
        const RollbackRecord r1 = rb.apply(game, opts(n1, QStringLiteral("first")));
        const Digest afterFirst = digest(*conn, game);
        const RollbackRecord r2 = rb.apply(game, opts(n2, QStringLiteral("second")));
        const Digest afterSecond = digest(*conn, game);
        QVERIFY(r2.id > r1.id);
        QCOMPARE(r2.fromPlay, n1);
        const Records recorded = records(*conn);

        const auto refused = errorOf([&] { rb.undo(r1.id, QString()); });
        QVERIFY(refused.has_value());
        QCOMPARE(refused->kind(), Error::Kind::Conflict);
        QVERIFY2(refused->message().contains(QLatin1String("still in force")),
                 qPrintable(refused->message()));
        QVERIFY2(refused->message().contains(QString::number(r2.id)),
                 qPrintable(refused->message()));
        QVERIFY(digest(*conn, game) == afterSecond);
        QCOMPARE(records(*conn).text(), recorded.text());

        // Newest first works, and then the older one.
        rb.undo(r2.id, QString());
        QVERIFY2(digest(*conn, game) == afterFirst, qPrintable(digest(*conn, game).text()));
        rb.undo(r1.id, QString());
        QVERIFY2(digest(*conn, game) == original, qPrintable(digest(*conn, game).text()));
        const QList<RollbackRecord> history = rb.history(game);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].id, r2.id); // newest first
        QVERIFY(history[0].undoneAt.isValid());
        QVERIFY(history[1].undoneAt.isValid());
    }

    void rollbackToZeroAndToTheLastPlay()
    {
        const Seeded s = seeded(QStringLiteral("rb_ends"));
        auto conn = test::connect(s.db);
        const QStringList games = activeGames(*conn, s.report);
        QVERIFY(games.size() >= 2);
        GameStore store(*conn);
        Rollback rb(*conn);

        // To 0: no plays, no substitutions, every starter in, the game at its start.
        const QString a = games[0];
        const int lastA = store.summary(a).lastPlay;
        addSubs(*conn, a, 2, lastA);
        const qint64 rollsA = scalar(
            *conn, QStringLiteral("SELECT count(*) FROM core.rolls WHERE game_id = $1"), {a});
        const qint64 subsA =
            scalar(*conn,
                   QStringLiteral("SELECT count(*) FROM core.lineups WHERE game_id = $1 "
                                  "AND after_play IS NOT NULL"),
                   {a});
        const RollbackPlan planA = rb.plan(a, opts(0));
        QCOMPARE(planA.playsToDelete, lastA);
        QCOMPARE(planA.lineupsToDelete, int(subsA));
        QVERIFY(planA.resultingState == BaseState{});
        const RollbackRecord recA = rb.apply(a, opts(0, QStringLiteral("start over")));
        QCOMPARE(recA.toPlay, 0);
        QCOMPARE(recA.deletedPlays, lastA);
        QCOMPARE(recA.deletedLineups, int(subsA));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id = $1"),
                        {a}),
                 0);
        QCOMPARE(scalar(*conn,
                        QStringLiteral(
                            "SELECT count(*) FROM core.lineups WHERE game_id = $1 "
                            "AND (NOT is_starter OR NOT is_active OR after_play IS NOT NULL)"),
                        {a}),
                 0);
        QCOMPARE(scalar(*conn,
                        QStringLiteral("SELECT count(*) FROM core.lineups WHERE game_id = $1"),
                        {a}),
                 18);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.rolls WHERE game_id = $1"),
                        {a}),
                 rollsA);
        const auto g =
            conn->exec(QStringLiteral("SELECT current_inning, current_half, away_score, home_score "
                                      "FROM core.games WHERE id = $1"),
                       {a});
        QCOMPARE(g.toInt(0, 0), 1);
        QCOMPARE(g.value(0, 1), QStringLiteral("top"));
        QCOMPARE(g.toInt(0, 2), 0);
        QCOMPARE(g.toInt(0, 3), 0);
        QCOMPARE(store.summary(a).plays, 0);
        QCOMPARE(store.summary(a).lastPlay, 0);

        // To the last play: nothing deleted, the game row as it was, and still recorded.
        const QString b = games[1];
        const int lastB = store.summary(b).lastPlay;
        const Digest beforeB = digest(*conn, b);
        const RollbackPlan planB = rb.plan(b, opts(lastB));
        QCOMPARE(planB.playsToDelete, 0);
        QCOMPARE(planB.lineupsToDelete, 0);
        QCOMPARE(planB.lineupsToReactivate, 0);
        QCOMPARE(planB.rollsKept, 0);
        const RollbackRecord recB = rb.apply(b, opts(lastB, QStringLiteral("mark the spot")));
        QCOMPARE(recB.toPlay, lastB);
        QCOMPARE(recB.fromPlay, lastB);
        QCOMPARE(recB.deletedPlays, 0);
        QCOMPARE(recB.deletedLineups, 0);
        QCOMPARE(recB.deletedRolls, 0);
        const Digest afterB = digest(*conn, b);
        QCOMPARE(afterB.plays, beforeB.plays);
        QCOMPARE(afterB.lineups, beforeB.lineups);
        QCOMPARE(afterB.rolls, beforeB.rolls);
        QCOMPARE(afterB.game, beforeB.game); // stateAfter(last play) is where it stood
        QCOMPARE(
            scalar(*conn,
                   QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE game_id = $1"),
                   {b}),
            1);
        QCOMPARE(scalar(*conn,
                        QStringLiteral(
                            "SELECT count(*) FROM statescope.audit_log WHERE action = 'rollback' "
                            "AND (details->>'rollback_id')::bigint = $1"),
                        {recB.id}),
                 1);
        QCOMPARE(scalar(*conn,
                        QStringLiteral(
                            "SELECT count(*) FROM statescope.rollback_rows WHERE rollback_id = $1"),
                        {recB.id}),
                 0);

        // Undoing the rollback to 0 brings the whole game back.
        rb.undo(recA.id, QString());
        QCOMPARE(store.summary(a).lastPlay, lastA);
        QCOMPARE(firstInconsistent(*conn, a), 0);
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
        expect(c, opts(1), Error::Kind::Conflict, true);
        expect(c, opts(0), Error::Kind::Conflict, true);
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
        const int pid = applyConn->backendPid();
        QVERIFY(pid > 0);
        Worker worker;
        QFuture<Outcome<RollbackRecord>> future =
            worker.run<RollbackRecord>([applyConn, game, n](TaskContext &) {
                return Rollback(*applyConn).apply(game, opts(n, QStringLiteral("interrupted")));
            });

        // Wait until the rollback sits in the trigger's sleep, then kill its backend.
        auto sleeping = [&] {
            return scalar(*admin,
                          QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                         "AND wait_event = 'PgSleep'"),
                          {pid}) == 1;
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
            if (deleteRolls)
                args << QStringLiteral("--delete-rolls");
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
        QCOMPARE(blank.json()
                     .object()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
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

        const CliRun done =
            runCli({QStringLiteral("rollback"), QStringLiteral("--db"), db,
                    QStringLiteral("--game"), game, QStringLiteral("--to"), QString::number(n),
                    QStringLiteral("--reason"), QStringLiteral("cli rollback"),
                    QStringLiteral("--delete-rolls"), QStringLiteral("--json")});
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
        QCOMPARE(again.json()
                     .object()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("conflict"));
        QVERIFY(digest(*conn, game) == before);
        // No --id: usage.
        const CliRun noId = runCli(
            {QStringLiteral("rollback"), QStringLiteral("undo"), QStringLiteral("--db"), db});
        QCOMPARE(noId.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestRollback)
#include "tst_rollback.moc"
