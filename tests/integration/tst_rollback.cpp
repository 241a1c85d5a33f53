// Rollback against a real server: what a rollback deletes, re-activates, keeps and records
// (checked in the database, and against plan()); deleting the dice rolls too; rolling back
// to 0 and to the last play. Undo is in tst_rollback_undo, the refusals, a busy game, a lost
// connection, an old schema and the CLI in tst_rollback_safety.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/replay/gamestore.h"
#include "core/replay/play.h"
#include "core/replay/rollback.h"
#include "integration/rollbackfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTest>

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

} // namespace

class TestRollback : public QObject, private RollbackFixture
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
        // The fixture's substitutions do not move runners' ids in the plays: where one
        // replaced a man on base, both checks flag the game. Undo must bring back exactly that.
        const int badBefore = firstInconsistent(*conn, a);
        QVERIFY(badBefore >= 0); // both checks agree
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

        // To the last play, with no substitution after it: there is nothing to roll back.
        // It is refused (plan and apply alike) and leaves no record that could stand in
        // the way of undoing a real rollback.
        const QString b = games[1];
        const int lastB = store.summary(b).lastPlay;
        const Digest beforeB = digest(*conn, b);
        const auto planned = errorOf([&] { rb.plan(b, opts(lastB)); });
        QVERIFY(planned);
        QCOMPARE(planned->kind(), Error::Kind::InvalidInput);
        QVERIFY(planned->message().contains(QStringLiteral("Nothing to roll back")));
        const auto applied = errorOf([&] { rb.apply(b, opts(lastB, QStringLiteral("mark the spot"))); });
        QVERIFY(applied);
        QCOMPARE(applied->kind(), Error::Kind::InvalidInput);
        const Digest afterB = digest(*conn, b);
        QCOMPARE(afterB.plays, beforeB.plays);
        QCOMPARE(afterB.lineups, beforeB.lineups);
        QCOMPARE(afterB.rolls, beforeB.rolls);
        QCOMPARE(afterB.game, beforeB.game);
        QCOMPARE(
            scalar(*conn,
                   QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE game_id = $1"),
                   {b}),
            0);

        // Undoing the rollback to 0 brings the whole game back.
        rb.undo(recA.id, QString());
        QCOMPARE(store.summary(a).lastPlay, lastA);
        QCOMPARE(firstInconsistent(*conn, a), badBefore);
    }
};

QTEST_GUILESS_MAIN(TestRollback)
#include "tst_rollback.moc"
