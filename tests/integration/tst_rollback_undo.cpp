// Undoing a rollback against a real server: every row put back exactly (and recorded);
// refused, changing nothing, once the game server has written a newer play, or while a
// later rollback of the same game is still in force; newest first works.

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
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

class TestRollbackUndo : public QObject, private RollbackFixture
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
};

QTEST_GUILESS_MAIN(TestRollbackUndo)
#include "tst_rollback_undo.moc"
