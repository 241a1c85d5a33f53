// Drives the real Replay pane (offscreen) on a seeded database: finds the broken game,
// rolls a game back through the confirmation dialog, undoes it, and checks the database.
#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/replay/gamestore.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/banner.h"
#include "gui/replay/boxscore.h"
#include "gui/replay/replaypane.h"
#include "gui/replay/scoreboard.h"
#include "gui/replay/rulesdialog.h"
#include "integration/extragame.h"
#include "models/gamelistmodel.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/settings.h"
#include "core/shard/shardset.h"
#include "gui/widgets/style.h"

#include <QApplication>
#include <QCheckBox>
#include <QScopeGuard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace statescope;

namespace {

constexpr int kTimeout = 60000;

} // namespace

class TestReplayPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_db = test::freshDatabase(QStringLiteral("replay_gui"));
        auto conn = test::connect(m_db);
        m_report = test::seedDemo(*conn, /*games=*/8, /*events=*/20);
        QVERIFY(!m_report.brokenGameId.isEmpty());
        const auto active = conn->exec(QStringLiteral(
            "SELECT g.id, max(p.play_number) FROM core.games g JOIN core.plays p ON p.game_id = g.id "
            "WHERE g.status = 'active' AND g.id <> $1 GROUP BY g.id HAVING max(p.play_number) > 10 "
            "ORDER BY g.id LIMIT 1"),
            {m_report.brokenGameId});
        QCOMPARE(active.rowCount(), 1);
        m_game = active.value(0, 0);
        m_lastPlay = active.toInt(0, 1);

        m_pane = std::make_unique<gui::ReplayPane>();
        m_pane->resize(1200, 800);
        m_pane->show();
        m_pane->setDatabase(m_db);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->gameModel()->rowCount() == m_report.games, kTimeout);
    }

    // A season is listed a page at a time: the first 200 games at once, the next as the list
    // is scrolled to its end, in the order of the whole list, none twice.
    void aSeasonIsListedAPageAtATime()
    {
        const pg::ConnectionSettings db = test::freshDatabase(QStringLiteral("replay_season"));
        const auto drop = qScopeGuard([&] { test::dropDatabase(db.database()); });
        auto conn = test::connect(db);
        const demo::DemoReport season = test::seedDemo(*conn, /*games=*/430, /*events=*/10);
        QCOMPARE(season.games, 430);
        replay::GameFilter all;
        all.limit = 1000;
        QStringList expected;
        for (const replay::GameSummary &g : replay::GameStore(*conn).list(all))
            expected << g.id;

        gui::ReplayPane pane;
        pane.resize(1200, 800);
        pane.show();
        pane.setDatabase(db);
        models::GameListModel *model = pane.gameModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 200, kTimeout);
        QVERIFY(model->canFetchMore({}));
        QTableView *view = nullptr;
        for (QTableView *v : pane.findChildren<QTableView *>())
            if (v->model() == model)
                view = v;
        QVERIFY(view);
        for (const int rows : {400, 430}) {
            view->scrollToBottom();
            QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), rows, kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!pane.runner()->isBusy(), kTimeout);
        QVERIFY(!model->canFetchMore({}));
        QStringList shown;
        for (int row = 0; row < model->rowCount(); ++row)
            shown << model->game(row)->id;
        QCOMPARE(shown, expected);
    }

    // The league's rules, stated in the pane's dialog, apply at once: the extra-inning game
    // that was inconsistent without them is consistent, the placed runner is named at his
    // play and his runs are counted apart in the box score.
    void leagueRulesStatedInTheDialogApplyAtOnce()
    {
        const pg::ConnectionSettings db = test::freshDatabase(QStringLiteral("replay_rules"));
        const auto drop = qScopeGuard([&] {
            replay::forgetStatedRules(db.database());
            test::dropDatabase(db.database());
        });
        const test::ExtraGame game = test::insertExtraGame(*test::connect(db));
        gui::ReplayPane pane;
        pane.resize(1200, 800);
        pane.show();
        pane.setDatabase(db);
        models::GameListModel *model = pane.gameModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeout);
        const auto firstBad = [model] {
            return model->index(0, 0).data(models::GameListModel::InconsistentPlayRole).toInt();
        };
        // Nothing stated: the plays show the rule (every extra half starts with a runner on
        // second that no play put there), so the game is consistent, and the label says where
        // the rule comes from once the game is open.
        QCOMPARE(firstBad(), 0);
        auto *rules = pane.findChild<QLabel *>(QStringLiteral("gameRules"));
        QVERIFY2(rules->text().contains(QLatin1String("none stated")), qPrintable(rules->text()));
        pane.findChild<QTableView *>(QStringLiteral("gameView"))->selectRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(pane.currentGame(), game.id, kTimeout);
        QTRY_VERIFY2_WITH_TIMEOUT(rules->text().contains(QLatin1String("seen in the plays")), qPrintable(rules->text()),
                                  kTimeout);

        // Stated in the dialog: the stated rule wins at once, from the 11th the 10th is wrong
        // (and the contradiction with the plays is said); from the 10th, consistent again.
        for (const int from : {11, 10}) {
            QTest::mouseClick(pane.findChild<QPushButton *>(QStringLiteral("editRules")), Qt::LeftButton);
            gui::RulesDialog *dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(dialog = qobject_cast<gui::RulesDialog *>(QApplication::activeModalWidget()), kTimeout);
            QCOMPARE(dialog->scope(), db.database());
            dialog->findChild<QCheckBox *>(QStringLiteral("placedRunner"))->setChecked(true);
            dialog->findChild<QSpinBox *>(QStringLiteral("placedRunnerFrom"))->setValue(from);
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
            QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
            QCOMPARE(replay::statedRules(db.database())->placedRunnerFrom, from);
            QVERIFY2(rules->text().contains(QStringLiteral("inning %1").arg(from)), qPrintable(rules->text()));
            QTRY_COMPARE_WITH_TIMEOUT(firstBad(), from == 11 ? game.lastOfNinth + 1 : 0, kTimeout);
            QTRY_VERIFY_WITH_TIMEOUT(!pane.runner()->isBusy(), kTimeout);
            const QString issue = pane.findChild<QLabel *>(QStringLiteral("issueLabel"))->text();
            QVERIFY2(issue.contains(QLatin1String("the plays show")) == (from == 11), qPrintable(issue));
        }

        pane.findChild<QTableView *>(QStringLiteral("gameView"))->selectRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(pane.currentGame(), game.id, kTimeout);
        pane.seek(game.lastOfNinth + 1);
        QTRY_COMPARE_WITH_TIMEOUT(pane.currentPlay(), game.lastOfNinth + 1, kTimeout);
        const QString result = pane.findChild<QLabel *>(QStringLiteral("resultLabel"))->text();
        QVERIFY2(result.contains(QStringLiteral("#%1").arg(game.placed.first()))
                     && result.contains(QLatin1String("placed on second")),
                 qPrintable(result));
        QVERIFY2(pane.findChild<QLabel *>(QStringLiteral("issueLabel"))->text().isEmpty(),
                 qPrintable(pane.findChild<QLabel *>(QStringLiteral("issueLabel"))->text()));

        pane.detailTabs()->setCurrentWidget(pane.boxScore());
        pane.seek(game.lastPlay); // the whole game
        QTableWidget *pitching = pane.boxScore()->pitching();
        QTRY_VERIFY_WITH_TIMEOUT(pitching->rowCount() > 0, kTimeout);
        QVERIFY(!pitching->isColumnHidden(10));
        int placedRuns = 0;
        for (int r = 0; r < pitching->rowCount(); ++r)
            if (pitching->item(r, 1)->text() != QLatin1String("Totals"))
                placedRuns += pitching->item(r, 10)->text().toInt();
        QCOMPARE(placedRuns, 3);
    }

    void cleanupTestCase()
    {
        m_pane.reset();
        test::dropDatabase(m_db.database());
    }

    void opensTheBrokenGameAtItsFirstInconsistency()
    {
        const int row = m_pane->gameModel()->rowOf(m_report.brokenGameId);
        QVERIFY(row >= 0);
        QCOMPARE(m_pane->gameModel()->index(row, 0)
                     .data(models::GameListModel::InconsistentPlayRole).toInt(),
                 m_report.brokenPlayNumber);
        m_pane->findChild<QTableView *>(QStringLiteral("gameView"))->selectRow(row);
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->currentGame(), m_report.brokenGameId, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->currentPlay(), m_report.brokenPlayNumber, kTimeout);
        QVERIFY(m_pane->findChild<QLabel *>(QStringLiteral("issueLabel"))
                    ->text().contains(QStringLiteral("Play %1").arg(m_report.brokenPlayNumber)));
    }

    void theCurrentPlayStaysInView()
    {
        auto *view = m_pane->findChild<QTableView *>(QStringLiteral("playView"));
        QVERIFY(view);
        auto inView = [&] {
            const int row = m_pane->playModel()->rowOfPlay(m_pane->currentPlay());
            const QRect r = view->visualRect(view->model()->index(row, 0));
            return r.isValid() && view->viewport()->rect().contains(r);
        };
        // Opening a game lands on its first inconsistency, in view.
        QTRY_VERIFY_WITH_TIMEOUT(inView(), kTimeout);
        // Stepping to the end, back to the start, and one by one.
        openAt(m_game, 1);
        QTRY_VERIFY_WITH_TIMEOUT(inView(), kTimeout);
        m_pane->seek(m_lastPlay);
        QTRY_VERIFY_WITH_TIMEOUT(inView(), kTimeout);
        m_pane->seek(1);
        QTRY_VERIFY_WITH_TIMEOUT(inView(), kTimeout);
        auto *slider = m_pane->findChild<QSlider *>(QStringLiteral("timeline"));
        for (int i = 0; i < m_lastPlay - 1; ++i) {
            slider->setValue(slider->value() + 1); // what Ctrl+Right does
            QVERIFY2(inView(), qPrintable(QStringLiteral("play %1 out of view").arg(m_pane->currentPlay())));
        }
    }

    void theControlsStayPutAtTheWindowsSize()
    {
        // The pane's share of a 1280x800 window; no waiting: in view at once, every step.
        m_pane->resize(1090, 640);
        QCoreApplication::processEvents();
        auto *view = m_pane->findChild<QTableView *>(QStringLiteral("playView"));
        auto *play = m_pane->findChild<QPushButton *>(QStringLiteral("playButton"));
        auto inView = [&] {
            const int row = m_pane->playModel()->rowOfPlay(m_pane->currentPlay());
            const QRect r = view->visualRect(view->model()->index(row, 0));
            return r.isValid() && view->viewport()->rect().contains(r);
        };
        m_pane->openGame(m_game);
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->currentGame(), m_game, kTimeout);
        waitIdle();
        QCoreApplication::processEvents();
        QVERIFY2(inView(), qPrintable(QStringLiteral("play %1 out of view after opening").arg(m_pane->currentPlay())));
        const int y = play->mapTo(m_pane.get(), QPoint()).y();
        const int viewTop = view->mapTo(m_pane.get(), QPoint()).y();
        auto *slider = m_pane->findChild<QSlider *>(QStringLiteral("timeline"));
        slider->setValue(0);
        for (int i = 0; i < m_lastPlay - 1; ++i) {
            slider->setValue(slider->value() + 1);
            QCoreApplication::processEvents();
            QCOMPARE(play->mapTo(m_pane.get(), QPoint()).y(), y);
            QCOMPARE(view->mapTo(m_pane.get(), QPoint()).y(), viewTop);
            QVERIFY2(inView(), qPrintable(QStringLiteral("play %1 out of view").arg(m_pane->currentPlay())));
        }
        // A smaller window keeps the current play in view too.
        m_pane->resize(1090, 480);
        QTRY_VERIFY_WITH_TIMEOUT(inView(), 2000);
        m_pane->resize(1200, 800);
    }

    void playbackButtonsAreLightOnADarkPalette()
    {
        // Drawn for the palette: on a dark one the glyphs are light, never the dim grey of a
        // disabled button.
        const settings::Theme before = settings::theme();
        gui::style::applyTheme(settings::Theme::Dark);
        {
            gui::ReplayPane dark;
            QList<QPushButton *> glyphs;
            for (QPushButton *b : dark.findChildren<QPushButton *>())
                if (b->text().isEmpty() && !b->icon().isNull())
                    glyphs << b;
            QCOMPARE(glyphs.size(), 5); // first, previous, play, next, last
            for (QPushButton *b : glyphs) {
                const QImage image = b->icon().pixmap(24, 24).toImage();
                double sum = 0;
                int drawn = 0;
                for (int y = 0; y < image.height(); ++y)
                    for (int x = 0; x < image.width(); ++x)
                        if (const QColor c = image.pixelColor(x, y); c.alpha() > 128) {
                            sum += c.lightnessF();
                            ++drawn;
                        }
                const double behind = QApplication::palette().color(QPalette::Button).lightnessF();
                QVERIFY2(drawn > 0 && sum / drawn - behind > 0.3,
                         qPrintable(QStringLiteral("%1: %2 on %3").arg(b->toolTip()).arg(sum / drawn).arg(behind)));
            }
        }
        gui::style::applyTheme(before);
    }

    void anotherDatabaseLeavesNoPlayBehind()
    {
        openAt(m_game, 5);
        auto *goTo = m_pane->findChild<QSpinBox *>(QStringLiteral("goToPlay"));
        auto *scoreboard = m_pane->findChild<gui::Scoreboard *>();
        auto *gameId = m_pane->findChild<QLabel *>(QStringLiteral("gameId"));
        QCOMPARE(goTo->value(), 5);
        QVERIFY(!scoreboard->isClear());
        QCOMPARE(gameId->text(), m_game);
        m_pane->setDatabase(m_db.withDatabase(QStringLiteral("postgres"))); // no games there
        QCOMPARE(goTo->value(), 0);
        QCOMPARE(m_pane->currentPlay(), 0);
        QVERIFY(m_pane->findChild<QLabel *>(QStringLiteral("resultLabel"))->text().isEmpty());
        // No "team 0, 1st inning" of no game, and no id of the other database's game.
        QVERIFY(scoreboard->isClear());
        QVERIFY(gameId->text().isEmpty() && gameId->isHidden());
        waitIdle();
        m_pane->setDatabase(m_db);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->gameModel()->rowCount() == m_report.games, kTimeout);
    }

    void theBoxScoreFollowsThePlayShown()
    {
        openAt(m_game, 5);
        auto *tabs = m_pane->detailTabs();
        tabs->setCurrentWidget(m_pane->boxScore());
        auto conn = test::connect(m_db);
        // The men's lines, or (totals) the teams' totals lines under them.
        auto sumOf = [&](QTableWidget *t, int column, bool totals = false) {
            int sum = 0;
            for (int r = 0; r < t->rowCount(); ++r)
                if ((t->item(r, 1)->text() == QLatin1String("Totals")) == totals)
                    sum += t->item(r, column)->text().toInt();
            return sum;
        };
        QTableWidget *batting = m_pane->boxScore()->batting();
        QTableWidget *pitching = m_pane->boxScore()->pitching();
        for (const int play : {5, m_lastPlay}) {
            m_pane->seek(play);
            // PA summed over the batters is the number of plays so far; hits and outs are
            // what the plays say.
            QCOMPARE(sumOf(batting, 2), play);
            QCOMPARE(sumOf(batting, 4),
                     int(test::scalar(*conn, QStringLiteral("SELECT coalesce(sum(hit), 0) FROM core.plays "
                                                            "WHERE game_id = $1 AND play_number <= $2"),
                                      {m_game, play})));
            QCOMPARE(sumOf(pitching, 3), play); // batters faced
            // Each team's totals add up its lines.
            for (int column = 2; column < batting->columnCount(); ++column)
                QCOMPARE(sumOf(batting, column, true), sumOf(batting, column));
            QCOMPARE(sumOf(pitching, 3, true), play);
            QVERIFY(batting->rowCount() >= 18);  // both lineups' starters
        }
        // Rosters and the session row of the game.
        tabs->setCurrentWidget(m_pane->gameInfo());
        QCOMPARE(m_pane->gameInfo()->rosters()->rowCount(),
                 int(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM core.roster_links WHERE game_id = $1"),
                                  {m_game})));
        QVERIFY(m_pane->gameInfo()->rosters()->rowCount() > 0);
        QVERIFY(!m_pane->gameInfo()->sessionSummary()->text().isEmpty());
        // Another database leaves none of it behind.
        m_pane->setDatabase(m_db.withDatabase(QStringLiteral("postgres")));
        QCOMPARE(batting->rowCount(), 0);
        QCOMPARE(m_pane->gameInfo()->rosters()->rowCount(), 0);
        waitIdle();
        m_pane->setDatabase(m_db);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->gameModel()->rowCount() == m_report.games, kTimeout);
        tabs->setCurrentIndex(0);
    }

    // The scoreboard names the moment it shows: a play's start ("before play N"), and on the
    // last play of a finished game how it ended, the games row's score (a walk-off is not shown
    // tied).
    void theScoreboardEndsAFinishedGameOnItsFinalScore()
    {
        auto conn = test::connect(m_db);
        const auto done = conn->exec(QStringLiteral(
            "SELECT g.id, g.away_score, g.home_score, p.play_number, p.outs_before + p.outs_recorded, "
            "p.outs_recorded + p.runs_scored FROM core.games g JOIN core.plays p ON p.game_id = g.id "
            "AND p.play_number = (SELECT max(play_number) FROM core.plays WHERE game_id = g.id) "
            "WHERE g.status = 'completed' AND g.id <> $1 ORDER BY g.id LIMIT 1"),
            {m_report.brokenGameId});
        QCOMPARE(done.rowCount(), 1);
        // Its last play changes the state (an out or a run), so its start is not its end.
        QVERIFY(done.toInt(0, 5) > 0);
        const QString game = done.value(0, 0);
        const int last = done.toInt(0, 3);
        auto *scoreboard = m_pane->findChild<gui::Scoreboard *>();
        openAt(game, last);
        QCOMPARE(scoreboard->caption(), QStringLiteral("final"));
        QCOMPARE(scoreboard->state().awayScore, done.toInt(0, 1));
        QCOMPARE(scoreboard->state().homeScore, done.toInt(0, 2));
        QCOMPARE(scoreboard->state().outs, done.toInt(0, 4));
        // Any other play: the state its row starts from.
        m_pane->seek(last - 1);
        const auto start = conn->exec(QStringLiteral("SELECT away_score, home_score, outs_before FROM core.plays "
                                                     "WHERE game_id = $1 AND play_number = $2"),
                                      {game, last - 1});
        QCOMPARE(scoreboard->caption(), QStringLiteral("before play %1").arg(last - 1));
        QCOMPARE(scoreboard->state().awayScore, start.toInt(0, 0));
        QCOMPARE(scoreboard->state().homeScore, start.toInt(0, 1));
        QCOMPARE(scoreboard->state().outs, start.toInt(0, 2));
        QVERIFY(scoreboard->accessibleDescription().startsWith(QStringLiteral("before play")));
    }

    // Nothing to undo is not a success: it says so in the neutral tone.
    void nothingToUndoIsNeutral()
    {
        // A game with no rollback: Undo is not offered, and its tooltip says why.
        m_pane->setAdminMode(true);
        const auto off = qScopeGuard([this] { m_pane->setAdminMode(false); });
        openAt(m_game, m_lastPlay);
        auto *undo = m_pane->findChild<QPushButton *>(QStringLiteral("undoButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->runner()->isBusy(), kTimeout);
        QVERIFY(!undo->isEnabled());
        QVERIFY2(undo->toolTip().contains(QLatin1String("no rollback to undo")), qPrintable(undo->toolTip()));
    }

    void rollbackNeedsAdminModeAndTheTypedId()
    {
        openAt(m_game, 5);
        auto *rollback = m_pane->findChild<QPushButton *>(QStringLiteral("rollbackButton"));
        QVERIFY(!rollback->isEnabled());
        m_pane->setAdminMode(true);
        QVERIFY(rollback->isEnabled());
        QTest::mouseClick(rollback, Qt::LeftButton);

        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_pane->findChild<gui::ConfirmDialog *>(
                                      QStringLiteral("rollbackDialog"))) && dialog->isVisible(),
                                 kTimeout);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), m_game.left(8));
        QVERIFY(!ok->isEnabled()); // the reason is required too
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                         QStringLiteral("froze after play 5"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(messageText().contains(QStringLiteral("Rolled back to play 5")), kTimeout);
        auto conn = test::connect(m_db);
        QCOMPARE(conn->exec(QStringLiteral("SELECT max(play_number) FROM core.plays WHERE game_id = $1"),
                            {m_game}).toInt(0, 0), 5);
        const auto rb = conn->exec(QStringLiteral("SELECT to_play, from_play, reason, deleted_plays "
                                                  "FROM statescope.rollbacks WHERE game_id = $1"),
                                   {m_game});
        QCOMPARE(rb.rowCount(), 1);
        QCOMPARE(rb.toInt(0, 0), 5);
        QCOMPARE(rb.toInt(0, 1), m_lastPlay);
        QCOMPARE(rb.value(0, 2), QStringLiteral("froze after play 5"));
        QCOMPARE(rb.toInt(0, 3), m_lastPlay - 5);
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->findChild<QSlider *>(QStringLiteral("timeline"))->maximum(),
                                  4, kTimeout); // plays 1..5 left
    }

    void undoPutsThePlaysBack()
    {
        waitIdle();
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("undoButton")), Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_pane->findChild<gui::ConfirmDialog *>(
                                      QStringLiteral("undoDialog"))) && dialog->isVisible(),
                                 kTimeout);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), m_game.left(8));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(messageText().contains(QStringLiteral("Undid rollback")), kTimeout);
        auto conn = test::connect(m_db);
        QCOMPARE(conn->exec(QStringLiteral("SELECT max(play_number) FROM core.plays WHERE game_id = $1"),
                            {m_game}).toInt(0, 0), m_lastPlay);
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM statescope.rollbacks "
                                           "WHERE game_id = $1 AND undone_at IS NOT NULL"),
                            {m_game}).toInt(0, 0), 1);
    }

    // This database as one shard of a saved set whose rule places the game on the other
    // shard: the rollback is refused before anything is written, naming the owner.
    void aShardThatDoesNotOwnTheGameRefusesTheRollback()
    {
        waitIdle();
        const pg::ConnectionSettings other = test::emptyDatabase(QStringLiteral("replay_owner"));
        const auto dropOther = qScopeGuard([&] {
            shard::saveSets({});
            test::dropDatabase(other.database());
        });
        const int value = m_game.left(2).toInt(nullptr, 16) % 2;
        shard::ShardSet set;
        set.name = QStringLiteral("pd");
        set.rule.expression = QStringLiteral("(('x' || substr(game_id::text, 1, 2))::bit(8)::int % 2)");
        set.rule.values = 2;
        set.members = {{QStringLiteral("here"), m_db, {1 - value}}, {QStringLiteral("owner"), other, {value}}};
        shard::saveSets({set});
        auto conn = test::connect(m_db);
        const QString count = QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id = $1");
        const int before = conn->exec(count, {m_game}).toInt(0, 0);
        const int rollbacks = conn->exec(QStringLiteral("SELECT count(*) FROM statescope.rollbacks")).toInt(0, 0);

        openAt(m_game, 5);
        m_pane->setAdminMode(true);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("rollbackButton")), Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_pane->findChild<gui::ConfirmDialog *>(
                                      QStringLiteral("rollbackDialog"))) && dialog->isVisible(),
                                 kTimeout);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), m_game.left(8));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("wrong shard"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(messageText().contains(QLatin1String("belongs to owner")), kTimeout);
        QCOMPARE(conn->exec(count, {m_game}).toInt(0, 0), before);
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM statescope.rollbacks")).toInt(0, 0), rollbacks);
        m_pane->setAdminMode(false);
    }

private:
    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_pane->runner()->isBusy(), kTimeout); }
    QString messageText() const
    {
        return m_pane->findChild<QLabel *>(QStringLiteral("bannerText"))->text();
    }
    void openAt(const QString &game, int play)
    {
        m_pane->openGame(game);
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->currentGame(), game, kTimeout);
        waitIdle();
        m_pane->seek(play);
        QCOMPARE(m_pane->currentPlay(), play);
    }

    pg::ConnectionSettings m_db;
    demo::DemoReport m_report;
    QString m_game;
    int m_lastPlay = 0;
    std::unique_ptr<gui::ReplayPane> m_pane;
};

QTEST_MAIN(TestReplayPane)
#include "tst_replaypane.moc"
