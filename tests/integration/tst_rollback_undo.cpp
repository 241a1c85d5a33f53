// Undoing a rollback against a real server: every row put back exactly (and recorded);
// refused, changing nothing, once the game server has written a newer play, or while a
// later rollback of the same game is still in force; newest first works.

#include "core/demo/demogenerator.h"
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/weekly/adopt.h"
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

    // The archive's rule (an archived row needs its rollback's record), checked per statement
    // since V010 (bookkeeping V003): every way of breaking it fails with the foreign key's
    // SQLSTATE and changes nothing; deleting a record takes its rows; rows being written lock
    // their record. On the weekly schema and on an adopted database.
    void archivedRowsNeedTheirRecord_data()
    {
        QTest::addColumn<bool>("adopted");
        QTest::newRow("weekly schema") << false;
        QTest::newRow("adopted database") << true;
    }

    void archivedRowsNeedTheirRecord()
    {
        QFETCH(bool, adopted);
        pg::ConnectionSettings db;
        if (adopted) {
            db = test::freshDatabase(QStringLiteral("rb_archive_adopted"));
            m_databases << db.database();
            auto c = test::connect(db);
            demo::DemoOptions options;
            options.events = 10;
            options.games = 1;
            options.snapshots = 0;
            demo::seedShape(*c, demo::Shape::PaperDynasty, options);
            const adopt::Status st = adopt::Adoption::adopt(*c, QStringLiteral("test"));
            QVERIFY(st.adopted);
            QCOMPARE(st.version, adopt::Adoption::bookkeepingSet().latestVersion());
        } else {
            db = seeded(QStringLiteral("rb_archive")).db;
        }
        auto conn = test::connect(db);
        auto other = test::connect(db);
        auto sqlstateOf = [](auto &&fn) {
            const auto e = errorOf(fn);
            return e ? e->sqlstate() : QStringLiteral("no error");
        };
        const QString record = QStringLiteral(
            "INSERT INTO statescope.rollbacks (game_id, to_play, from_play, reason, os_user, game_before) "
            "VALUES (gen_random_uuid(), 1, 2, 'archive rule', 'test', '{}') RETURNING id");
        const qint64 a = conn->exec(record).toLongLong(0, 0);
        const qint64 b = conn->exec(record).toLongLong(0, 0);
        const auto rowsOf = [&](qint64 id) {
            return scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.rollback_rows WHERE rollback_id = $1"), {id});
        };
        const QString rows = QStringLiteral(
            "INSERT INTO statescope.rollback_rows (rollback_id, table_name, kind, row_data) "
            "SELECT $1, 'core.plays', 'deleted', jsonb_build_object('n', n) FROM generate_series(1, $2) n");
        conn->exec(rows, {a, 3});
        conn->exec(rows, {b, 2});
        const Records before = records(*conn);
        QCOMPARE(before.rows, 5);
        // The rule is the triggers', not a foreign key's.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                                              "AND conrelid = 'statescope.rollback_rows'::regclass")),
                 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid "
                                              "IN ('statescope.rollbacks'::regclass, 'statescope.rollback_rows'::regclass)")),
                 5);

        // One row without its record fails the whole statement.
        QCOMPARE(sqlstateOf([&] {
                     conn->exec(QStringLiteral("INSERT INTO statescope.rollback_rows (rollback_id, table_name, "
                                               "kind, row_data) VALUES ($1, 'core.plays', 'deleted', '{}'), "
                                               "($2, 'core.plays', 'deleted', '{}')"),
                                {a, b + 1000});
                 }),
                 QStringLiteral("23503"));
        QCOMPARE(sqlstateOf([&] {
                     conn->exec(QStringLiteral("UPDATE statescope.rollback_rows SET rollback_id = $1 "
                                               "WHERE rollback_id = $2"),
                                {b + 1000, b});
                 }),
                 QStringLiteral("23503"));
        QCOMPARE(sqlstateOf([&] {
                     conn->exec(QStringLiteral("UPDATE statescope.rollbacks SET id = id + 1000 WHERE id = $1"), {a});
                 }),
                 QStringLiteral("23503"));
        QCOMPARE(sqlstateOf([&] { conn->exec(QStringLiteral("TRUNCATE statescope.rollbacks")); }),
                 QStringLiteral("0A000"));
        QCOMPARE(records(*conn).text(), before.text());
        // Changing a record but not its id is fine, as is moving rows to another record.
        conn->exec(QStringLiteral("UPDATE statescope.rollbacks SET reason = 'still here' WHERE id = $1"), {a});
        conn->exec(QStringLiteral("UPDATE statescope.rollback_rows SET rollback_id = $1 WHERE rollback_id = $2 "
                                  "AND row_data->>'n' = '1'"),
                   {b, a});
        QCOMPARE(rowsOf(b), 3);

        // Rows being written lock their record: it cannot be deleted until they commit.
        other->exec(QStringLiteral("BEGIN"));
        other->exec(rows, {a, 1});
        conn->exec(QStringLiteral("SET lock_timeout = '300ms'"));
        QCOMPARE(sqlstateOf([&] {
                     conn->exec(QStringLiteral("DELETE FROM statescope.rollbacks WHERE id = $1"), {a});
                 }),
                 QStringLiteral("55P03"));
        other->exec(QStringLiteral("COMMIT"));
        conn->exec(QStringLiteral("RESET lock_timeout"));

        // A deleter whose snapshot is older than rows written for its record fails to
        // serialize, as it would with a key, rather than leave those rows without a record.
        conn->exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.rollbacks WHERE id = $1"), {b}), 1);
        other->exec(rows, {b, 1});
        QCOMPARE(sqlstateOf([&] {
                     conn->exec(QStringLiteral("DELETE FROM statescope.rollbacks WHERE id = $1"), {b});
                 }),
                 QStringLiteral("40001"));
        conn->exec(QStringLiteral("ROLLBACK"));
        QCOMPARE(rowsOf(b), 4);

        // Deleting a record deletes its rows, and only them.
        conn->exec(QStringLiteral("DELETE FROM statescope.rollbacks WHERE id = $1"), {a});
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.rollback_rows")), 4);
        QCOMPARE(rowsOf(b), 4);
        // Truncating both in one statement is allowed.
        conn->exec(QStringLiteral("TRUNCATE statescope.rollback_rows, statescope.rollbacks"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.rollback_rows")), 0);
    }
};

QTEST_GUILESS_MAIN(TestRollbackUndo)
#include "tst_rollback_undo.moc"
