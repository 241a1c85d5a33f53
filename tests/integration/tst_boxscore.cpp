// The box score's plate appearances against SQL on the same plays: plays of the runners
// alone (a steal, a wild pitch, a pickoff: pa = 0, no at-bat, the batter still at the plate)
// are no plate appearance and no batter faced; without a pa column, the plays that ended the
// batter's turn count. Each team's totals add up its lines, in core and in the CLI.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/pg/connection.h"
#include "core/replay/boxscore.h"
#include "core/replay/gamestore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::replay;

class TestBoxScore : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QString m_game;
    int m_lastPlay = 0;

    // SQL's count per man (batter_id or pitcher_id) against the box score's lines.
    template <class Line, class Get>
    void compareWith(const QList<Line> &lines, Get get, const QString &sql)
    {
        auto conn = test::connect(m_db);
        const pg::Result r = conn->exec(sql, {m_game});
        QVERIFY(r.rowCount() > 0);
        for (int i = 0; i < r.rowCount(); ++i) {
            const auto line = std::find_if(lines.begin(), lines.end(),
                                           [&](const Line &l) { return l.lineupId == r.toInt(i, 0); });
            QVERIFY(line != lines.end());
            QCOMPARE(get(*line), r.toInt(i, 1));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        m_db = freshDatabase(QStringLiteral("boxscore"));
        auto conn = test::connect(m_db);
        seedDemo(*conn, 2, 10);
        m_game = conn->exec(QStringLiteral("SELECT id FROM core.games WHERE status = 'completed' ORDER BY id LIMIT 1"))
                     .value(0, 0);
        QVERIFY(!m_game.isEmpty());
        // Three plays of the runners alone after the last one: copies of it with nothing
        // for the batter (stolen bases: pa, ab, hit, bb, so 0; the batter stays up).
        const int last = int(scalar(*conn, QStringLiteral("SELECT max(play_number) FROM core.plays WHERE game_id = $1"),
                                    {m_game}));
        conn->exec(QStringLiteral(
                       "CREATE TEMP TABLE extra AS SELECT * FROM core.plays WHERE game_id = $1 AND play_number = $2"),
                   {m_game, last});
        for (int k = 1; k <= 3; ++k)
            conn->exec(QStringLiteral(
                           "INSERT INTO core.plays SELECT (jsonb_populate_record(e, jsonb_build_object("
                           "'id', nextval(pg_get_serial_sequence('core.plays', 'id')), 'play_number', $1::int, "
                           "'pa', 0, 'ab', 0, 'hit', 0, 'bb', 0, 'so', 0, 'homerun', 0, 'batter_final', NULL, "
                           "'outs_recorded', 0, 'runs_scored', 0))).* FROM extra e"),
                       {last + k});
        m_lastPlay = last + 3;
    }

    void runnerPlaysAreNoPlateAppearances()
    {
        auto conn = test::connect(m_db);
        GameStore store(*conn);
        const QList<Play> plays = store.plays(m_game);
        QCOMPARE(plays.last().playNumber, m_lastPlay);
        const BoxScore box = boxScore(plays, store.lineups(m_game), m_lastPlay);
        compareWith(box.batting, [](const BattingLine &b) { return b.plateAppearances; },
                    QStringLiteral("SELECT batter_id, sum(pa) FROM core.plays WHERE game_id = $1 GROUP BY 1"));
        compareWith(box.pitching, [](const PitchingLine &l) { return l.battersFaced; },
                    QStringLiteral("SELECT pitcher_id, sum(pa) FROM core.plays WHERE game_id = $1 GROUP BY 1"));
        // The old count (every play a plate appearance) is three too many: the test can fail.
        int pa = 0;
        for (const BattingLine &b : box.batting)
            pa += b.plateAppearances;
        QCOMPARE(pa + 3, int(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id = $1"),
                                    {m_game})));
    }

    void withoutAPaColumnTheTurnsThatEnded()
    {
        auto conn = test::connect(m_db);
        GameStore store(*conn);
        const BoxScore box = boxScore(store.plays(m_game), store.lineups(m_game), m_lastPlay, {QStringLiteral("pa")});
        const QString ended = QStringLiteral(
            "count(*) FILTER (WHERE ab > 0 OR bb > 0 OR so > 0 OR hit > 0 OR batter_final IS NOT NULL)");
        compareWith(box.batting, [](const BattingLine &b) { return b.plateAppearances; },
                    QStringLiteral("SELECT batter_id, %1 FROM core.plays WHERE game_id = $1 GROUP BY 1").arg(ended));
        compareWith(box.pitching, [](const PitchingLine &l) { return l.battersFaced; },
                    QStringLiteral("SELECT pitcher_id, %1 FROM core.plays WHERE game_id = $1 GROUP BY 1").arg(ended));
    }

    void teamTotalsAddUp()
    {
        const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db.storableString(),
                                 QStringLiteral("--game"), m_game, QStringLiteral("--box"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = r.json().object();
        const QJsonArray totals = o.value(QLatin1String("batting_totals")).toArray();
        QCOMPARE(totals.size(), 2);
        int teamsPa = 0;
        for (const auto &t : totals) {
            const int team = t.toObject().value(QLatin1String("team_id")).toInt();
            for (const char *field : {"pa", "ab", "h", "hr", "bb", "so"}) {
                int sum = 0;
                for (const auto &b : o.value(QLatin1String("batting")).toArray())
                    if (b.toObject().value(QLatin1String("team_id")).toInt() == team)
                        sum += b.toObject().value(QLatin1String(field)).toInt();
                QCOMPARE(t.toObject().value(QLatin1String(field)).toInt(), sum);
            }
            teamsPa += t.toObject().value(QLatin1String("pa")).toInt();
        }
        auto conn = test::connect(m_db);
        QCOMPARE(teamsPa, int(scalar(*conn, QStringLiteral("SELECT sum(pa) FROM core.plays WHERE game_id = $1"), {m_game})));
        int outs = 0;
        for (const auto &t : o.value(QLatin1String("pitching_totals")).toArray())
            outs += t.toObject().value(QLatin1String("outs")).toInt();
        QCOMPARE(outs, int(scalar(*conn, QStringLiteral("SELECT sum(outs_recorded) FROM core.plays WHERE game_id = $1"),
                                  {m_game})));
        // The text has a totals line per team for batting and for pitching.
        const CliRun text = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db.storableString(),
                                    QStringLiteral("--game"), m_game, QStringLiteral("--box")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count("Totals"), 4);
    }

    // Runs against SQL: every run the plays score is charged to some pitcher of the team in
    // the field (R adds up to the runs), and earned runs are unknown until the plays carry
    // errors and passed balls; once they do (the layout finds the columns), a run scored on a
    // play with an error is unearned, and the CLI's ER says so.
    void runsAddUpAndEarnedRunsNeedTheErrors()
    {
        auto conn = test::connect(m_db);
        const auto box = [&] {
            GameStore store(*conn);
            return boxScore(store.plays(m_game), store.lineups(m_game), 1 << 30, store.absentCountRoles());
        };
        const int runs = int(scalar(*conn, QStringLiteral("SELECT sum(runs_scored) FROM core.plays WHERE game_id = $1"), {m_game}));
        QVERIFY(runs > 0);
        BoxScore b = box();
        QVERIFY(!b.earnedKnown);
        int charged = 0;
        for (const PitchingLine &l : b.pitching)
            charged += l.runs;
        QCOMPARE(charged, runs);

        conn->exec(QStringLiteral("ALTER TABLE core.plays ADD COLUMN error int NOT NULL DEFAULT 0, "
                                  "ADD COLUMN passed_ball int NOT NULL DEFAULT 0"));
        const auto undo = qScopeGuard([&] {
            test::connect(m_db)->exec(QStringLiteral("ALTER TABLE core.plays DROP COLUMN error, DROP COLUMN passed_ball"));
        });
        conn = test::connect(m_db); // a new session: the layout read again
        b = box();
        QVERIFY(b.earnedKnown);
        int earned = 0;
        for (const PitchingLine &l : b.pitching)
            earned += l.earnedRuns;
        QCOMPARE(earned, runs); // no error anywhere: every run earned
        // The first play that scored a run on a hit (not a home run) had an error on it.
        const int play = int(scalar(*conn, QStringLiteral("SELECT min(play_number) FROM core.plays WHERE game_id = $1 "
                                                          "AND runs_scored > 0 AND homerun = 0 AND hit > 0"), {m_game}));
        QVERIFY(play > 0);
        const int unearned = int(scalar(*conn, QStringLiteral("SELECT runs_scored FROM core.plays WHERE game_id = $1 "
                                                              "AND play_number = $2"), {m_game, play}));
        conn->exec(QStringLiteral("UPDATE core.plays SET error = 1 WHERE game_id = $1 AND play_number = $2"), {m_game, play});
        b = box();
        earned = 0;
        for (const PitchingLine &l : b.pitching)
            earned += l.earnedRuns;
        QCOMPARE(earned, runs - unearned);
        const CliRun r = runCli({QStringLiteral("replay"), QStringLiteral("--db"), m_db.storableString(),
                                 QStringLiteral("--game"), m_game, QStringLiteral("--box"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        int cliEarned = 0;
        for (const auto &t : r.json().object().value(QLatin1String("pitching_totals")).toArray())
            cliEarned += t.toObject().value(QLatin1String("er")).toInt();
        QCOMPARE(cliEarned, runs - unearned);
    }

    void cleanupTestCase() { dropDatabase(m_db.database()); }
};

QTEST_GUILESS_MAIN(TestBoxScore)
#include "tst_boxscore.moc"
