// Drives the real Shards pane (offscreen) on Marketland+-shaped shards of the suite's server:
// a set defined in the pane (rule and values read from the databases) and saved, a table read
// as one (merged pages by key in order, a shard column, counts summed), one player read on
// his shard only, a statement on each shard with a shard column, rows in the wrong shard
// found, a set with a shard that does not answer named in the banner, bad sets refused
// unsaved, and nothing of one set left on screen after opening another.
#include "support/shardfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/sandbox/sandbox.h"
#include "core/settings.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/window/mainwindow.h"
#include "gui/players/playereventspane.h"
#include "gui/shards/setdialog.h"
#include "gui/shards/shardspane.h"
#include "models/familyresultmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace statescope;
using namespace statescope::test;

namespace {
constexpr int kTimeout = 60000;
}

class TestShardsPane : public QObject
{
    Q_OBJECT

    QList<pg::ConnectionSettings> m_dbs;
    std::unique_ptr<gui::ShardsPane> m_pane;

    // Waits for the pane's work to end.
    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->isBusy(), kTimeout);
    }
    // Every page of the open table, until the pane says it has all.
    void readAll()
    {
        settle();
        for (int guard = 0; m_pane->findChild<QPushButton *>(QStringLiteral("shardMoreRows"))->isEnabled() && guard < 100;
             ++guard) {
            m_pane->loadMore();
            settle();
        }
    }
    int headerColumn(const QString &name) const
    {
        for (int c = 0; c < m_pane->rowsModel()->columnCount(); ++c)
            if (m_pane->rowsModel()->horizontalHeaderItem(c)->text() == name)
                return c;
        return -1;
    }
    QStringList column(int c) const
    {
        QStringList out;
        for (int r = 0; r < m_pane->rowsModel()->rowCount(); ++r)
            out << m_pane->rowsModel()->item(r, c)->text();
        return out;
    }

private slots:
    void initTestCase()
    {
        for (int s = 0; s < 2; ++s) {
            m_dbs << emptyDatabase(QStringLiteral("mlp%1").arg(s));
            QList<int> values;
            for (int v = 4 * s; v < 4 * s + 4; ++v)
                values << v;
            makeShard(m_dbs.last(), values, true); // the CHECK says which values each holds
        }
        shard::saveSets({}); // what an earlier run of this test saved
        m_pane = std::make_unique<gui::ShardsPane>();
        const pg::ConnectionSettings server = serverSettings();
        m_pane->setServerList([server] { return QList<QPair<QString, pg::ConnectionSettings>>{{QStringLiteral("suite"), server}}; });
        m_pane->resize(1100, 700);
        m_pane->show();
        m_pane->reloadSets();
    }

    void cleanupTestCase()
    {
        m_pane.reset();
        for (const auto &db : std::as_const(m_dbs))
            dropDatabase(db.database());
    }

    void badSetsAreRefusedAndNotSaved()
    {
        gui::ShardSetDialog dialog({{QStringLiteral("suite"), serverSettings()}});
        dialog.nameEdit()->setText(QStringLiteral("bad"));
        dialog.memberTable()->item(0, 1)->setText(m_dbs[0].database());
        dialog.memberTable()->item(0, 2)->setText(QStringLiteral("0-4"));
        dialog.memberTable()->item(1, 1)->setText(m_dbs[1].database());
        dialog.memberTable()->item(1, 2)->setText(QStringLiteral("4-7"));
        dialog.accept(); // values 4 on both: refused, the dialog stays open
        QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("overlap")), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        // The pane refuses it too (a set built elsewhere), and nothing is saved.
        QSignalSpy failed(m_pane.get(), &gui::ShardsPane::failed);
        m_pane->addSet(dialog.set());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(m_pane->banner()->kind(), gui::Banner::Kind::Error);
        QVERIFY(shard::savedSets().isEmpty());
    }

    void aSetDefinedInThePaneReadsItsRuleFromTheShards()
    {
        gui::ShardSetDialog dialog({{QStringLiteral("suite"), serverSettings()}});
        dialog.nameEdit()->setText(QStringLiteral("marketland"));
        dialog.memberTable()->item(0, 1)->setText(m_dbs[0].database());
        dialog.memberTable()->item(1, 1)->setText(m_dbs[1].database());
        const shard::ShardSet given = dialog.set();
        QVERIFY(given.rule.expression.isEmpty());
        QVERIFY(given.members[0].values.isEmpty());
        QSignalSpy opened(m_pane.get(), &gui::ShardsPane::setOpened);
        m_pane->addSet(given);
        QVERIFY2(opened.wait(kTimeout), qPrintable(m_pane->banner()->plainText()));
        settle();
        const QList<shard::ShardSet> saved = shard::savedSets();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0].rule.values, 8);
        QVERIFY2(saved[0].rule.expression.contains(QLatin1String("player_id")), qPrintable(saved[0].rule.expression));
        QCOMPARE(saved[0].members[1].values, (QList<int>{4, 5, 6, 7}));
        QCOMPARE(m_pane->currentSet(), QStringLiteral("marketland"));
        QCOMPARE(m_pane->setBox()->currentText(), QStringLiteral("marketland"));
        QCOMPARE(m_pane->membersTable()->rowCount(), 2);
        QVERIFY(m_pane->tableBox()->findText(QStringLiteral("public.players")) >= 0);
        QVERIFY(m_pane->tableBox()->findText(QStringLiteral("public.player_events")) >= 0);
    }

    void aTableIsReadAsOneMergedByKey()
    {
        QSignalSpy counted(m_pane.get(), &gui::ShardsPane::counted);
        m_pane->openTable(QStringLiteral("public.players"));
        readAll();
        QCOMPARE(m_pane->rowsModel()->rowCount(), kPlayers);
        const int idColumn = 1; // after the shard column
        QCOMPARE(m_pane->rowsModel()->horizontalHeaderItem(0)->text(), QStringLiteral("shard"));
        QCOMPARE(m_pane->rowsModel()->horizontalHeaderItem(idColumn)->text(), QStringLiteral("player_id"));
        const QStringList ids = column(idColumn);
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(ids, sorted); // merged in key order across the shards
        QCOMPARE(int(std::set<QString>(ids.begin(), ids.end()).size()), kPlayers);
        const QStringList shards = column(0);
        for (int r = 0; r < ids.size(); ++r)
            QCOMPARE(shards[r], m_dbs[ruleValue(ids[r]) / 4].database()); // named by database
        // The estimate came with the first page; the exact count is the shards' summed.
        QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), kTimeout);
        m_pane->countRows(true);
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() >= 2 && counted.last().at(1).toBool(), kTimeout);
        QCOMPARE(counted.last().at(0).toLongLong(), qint64(kPlayers));
        QVERIFY2(m_pane->countLabel()->text().contains(QLocale().toString(kPlayers)), qPrintable(m_pane->countLabel()->text()));
        QVERIFY(m_pane->routeLabel()->text().contains(QLatin1String("Every shard")));

        // A filter the shards refuse (not a number for an integer column) is said and taken back.
        QSignalSpy failed(m_pane.get(), &gui::ShardsPane::failed);
        m_pane->addFilter({QStringLiteral("level"), browse::Filter::Op::Equals, QStringLiteral("ten")});
        QVERIFY(failed.wait(kTimeout));
        settle();
        QCOMPARE(m_pane->banner()->kind(), gui::Banner::Kind::Error);
        QCOMPARE(m_pane->findChild<QLabel *>(QStringLiteral("shardFilters"))->text(), QStringLiteral("No filter"));
        QCOMPARE(m_pane->rowsModel()->rowCount(), 200); // the table's first page again
    }

    void onePlayerIsReadOnHisShardOnly()
    {
        QString player; // one on the second shard
        for (const QString &id : column(1))
            if (ruleValue(id) / 4 == 1 && player.isEmpty())
                player = id;
        QVERIFY(!player.isEmpty());
        m_pane->openTable(QStringLiteral("public.player_events"));
        settle();
        m_pane->addFilter({QStringLiteral("player_id"), browse::Filter::Op::Equals, player});
        readAll();
        QCOMPARE(m_pane->rowsModel()->rowCount(), kEventsEach);
        QVERIFY2(m_pane->routeLabel()->text().contains(m_dbs[1].database()), qPrintable(m_pane->routeLabel()->text()));
        // Issue 36: a filter on a UUID and the route naming its shard once made the window
        // 1,393 pixels wide. The pane still fits a 1280-pixel screen beside the sidebar (210).
        QVERIFY2(m_pane->minimumSizeHint().width() <= 1280 - 210 - 30,
                 qPrintable(QString::number(m_pane->minimumSizeHint().width())));
        // Sorted by time, newest first: the index on occurred_at on each shard serves it.
        m_pane->clearFilters();
        settle();
        m_pane->sortBy(QStringLiteral("occurred_at"), true);
        settle();
        const int at = int(m_pane->rowsModel()->rowCount());
        QVERIFY(at > 0);
        QStringList times;
        const int timeColumn = headerColumn(QStringLiteral("occurred_at"));
        for (int r = 0; r < at; ++r)
            times << m_pane->rowsModel()->item(r, timeColumn)->text();
        QStringList desc = times;
        std::sort(desc.begin(), desc.end(), std::greater<>());
        QCOMPARE(times, desc);
    }

    // The game's own data, found by the shards' layout: player events newest first on every
    // shard, then one player's only, read on his shard.
    void gameDataIsOfferedNewestFirst()
    {
        const int view = m_pane->gameDataBox()->findText(QStringLiteral("Player events (public.player_events)"));
        QVERIFY2(view >= 0, qPrintable(m_pane->gameDataBox()->itemText(0)));
        m_pane->playerEdit()->clear();
        m_pane->openGameData(view);
        settle();
        QCOMPARE(m_pane->rowsModel()->rowCount(), 200); // a page
        const int timeColumn = headerColumn(QStringLiteral("occurred_at"));
        QVERIFY(timeColumn > 0);
        QStringList times;
        for (int r = 0; r < m_pane->rowsModel()->rowCount(); ++r)
            times << m_pane->rowsModel()->item(r, timeColumn)->text();
        QStringList desc = times;
        std::sort(desc.begin(), desc.end(), std::greater<>());
        QCOMPARE(times, desc);
        const QStringList shards = column(0); // both shards' newest, merged
        QCOMPARE(int(std::set<QString>(shards.begin(), shards.end()).size()), 2);
        QCOMPARE(m_pane->grid()->horizontalHeader()->sortIndicatorSection(), timeColumn);

        const QString player = test::connect(m_dbs[1])
                                   ->exec(QStringLiteral("SELECT player_id::text FROM players ORDER BY 1 DESC LIMIT 1"))
                                   .value(0, 0);
        m_pane->playerEdit()->setText(player);
        m_pane->openGameData(view);
        readAll();
        QCOMPARE(m_pane->rowsModel()->rowCount(), kEventsEach);
        QVERIFY2(m_pane->routeLabel()->text().contains(m_dbs[1].database()), qPrintable(m_pane->routeLabel()->text()));
        m_pane->playerEdit()->clear();
    }

    void aStatementRunsOnEachShard()
    {
        m_pane->runSql(QStringLiteral("SELECT count(*) AS n FROM players"));
        QVERIFY(m_pane->sqlView());
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->sqlView()->isRunning(), kTimeout);
        const auto *model = m_pane->sqlView()->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("shard"));
        qint64 total = 0;
        for (int r = 0; r < 2; ++r)
            total += model->text(r, model->columnCount() - 1).toLongLong();
        QCOMPARE(total, qint64(kPlayers));
        // A statement that writes is refused before any shard is asked.
        QSignalSpy failed(m_pane.get(), &gui::ShardsPane::failed);
        m_pane->runSql(QStringLiteral("DELETE FROM players"));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(m_pane->banner()->kind(), gui::Banner::Kind::Error);
        QCOMPARE(scalar(*test::connect(m_dbs[0]), QStringLiteral("SELECT count(*) FROM players"))
                     + scalar(*test::connect(m_dbs[1]), QStringLiteral("SELECT count(*) FROM players")),
                 qint64(kPlayers));
    }

    void rowsInTheWrongShardAreFound()
    {
        QSignalSpy checked(m_pane.get(), &gui::ShardsPane::placementChecked);
        m_pane->checkPlacement();
        QVERIFY(checked.wait(kTimeout));
        QCOMPARE(checked.last().at(0).toInt(), 0);
        // A player whose rule value is 7 put on the first shard (its CHECK dropped first).
        auto conn = test::connect(m_dbs[0]);
        conn->exec(QStringLiteral("ALTER TABLE players DROP CONSTRAINT players_shard_key_check"));
        conn->exec(QStringLiteral("INSERT INTO players (player_id, username) VALUES ('ff000000-0000-0000-0000-000000000001', 'stray')"));
        m_pane->checkPlacement();
        QVERIFY(checked.wait(kTimeout));
        QCOMPARE(checked.last().at(0).toInt(), 1);
        QCOMPARE(m_pane->placementTable()->item(0, 1)->text(), QStringLiteral("public.players"));
        QCOMPARE(m_pane->placementTable()->item(0, 2)->text(), QStringLiteral("7"));
        QVERIFY(m_pane->placementSummary()->text().contains(QLatin1String("1 row")));
        conn->exec(QStringLiteral("DELETE FROM players WHERE username = 'stray'"));
    }

    // "Open the player's shard": the window shows the shard the rule places the player on, with his
    // events asked for; an id the column cannot take changes nothing.
    void aPlayerOpensHisShardInTheWindow()
    {
        // A server of the test's own: the window lists and inspects every database of the
        // server it opens, which must not touch the other tests' databases on the suite's.
        QTemporaryDir dir(QStringLiteral("/tmp/ssshp-XXXXXX"));
        QVERIFY(dir.isValid());
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        sandbox::Sandbox box(o);
        const pg::ConnectionSettings own = box.start().settings;
        const auto stop = qScopeGuard([&box] { box.stop(); });
        shard::ShardSet set;
        set.name = QStringLiteral("own");
        for (int s = 0; s < 2; ++s) {
            test::connect(own)->exec(QStringLiteral("CREATE DATABASE own_shard_%1").arg(s));
            const pg::ConnectionSettings db = own.withDatabase(QStringLiteral("own_shard_%1").arg(s));
            makeShard(db, s == 0 ? QList<int>{0, 1, 2, 3} : QList<int>{4, 5, 6, 7}, true);
            set.members.append({QString(), db, {}});
        }
        set.rule.expression = kRule;
        set.rule.values = 8;
        set.members[0].values = {0, 1, 2, 3};
        set.members[1].values = {4, 5, 6, 7};
        QList<shard::ShardSet> sets = shard::savedSets();
        sets << set;
        shard::saveSets(sets);
        const auto forget = qScopeGuard([] {
            QList<shard::ShardSet> sets = shard::savedSets();
            sets.removeIf([](const shard::ShardSet &s) { return s.name == QLatin1String("own"); });
            shard::saveSets(sets);
        });
        const QString player = test::connect(set.members[1].settings)
                                   ->exec(QStringLiteral("SELECT player_id::text FROM players ORDER BY 1 LIMIT 1"))
                                   .value(0, 0); // the second shard holds the rule's values 4 to 7
        QCOMPARE(ruleValue(player) / 4, 1);
        gui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy listed(&window, &gui::MainWindow::databasesListed);
        window.connectTo(own, QStringLiteral("own"));
        QVERIFY(listed.wait(kTimeout));
        gui::ShardsPane *pane = window.shardsPane();
        QSignalSpy opened(pane, &gui::ShardsPane::setOpened);
        pane->openSet(QStringLiteral("own"));
        QVERIFY(opened.wait(kTimeout));
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isBusy(), kTimeout);

        QSignalSpy failed(pane, &gui::ShardsPane::failed);
        pane->goToPlayer(QStringLiteral("not-a-uuid"));
        QVERIFY(failed.wait(kTimeout));
        QCOMPARE(pane->banner()->kind(), gui::Banner::Kind::Error);
        QVERIFY(window.currentDatabase() != set.members[1].settings.database());

        pane->playerEdit()->setText(player);
        QTest::keyClick(pane->playerEdit(), Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(window.currentDatabase() == set.members[1].settings.database(),
                                  qPrintable(pane->banner()->plainText()), kTimeout);
        QCOMPARE(window.playerEventsPane()->playerEdit()->text(), player);
        QCOMPARE(window.currentPane(), static_cast<QWidget *>(window.playerEventsPane()));
        QVERIFY2(pane->banner()->plainText().contains(set.members[1].settings.database()), qPrintable(pane->banner()->plainText()));
    }

    void aShardThatIsDownIsNamedAndNothingStaleRemains()
    {
        shard::ShardSet set = shard::savedSets().first();
        set.name = QStringLiteral("withdown");
        // The lost shard is said to hold 6 and 7 (the second shard's players of those values are
        // still read: a page reads what each shard holds).
        set.members[0].values = {0, 1, 2, 3};
        set.members[1].values = {4, 5};
        set.members.append({QStringLiteral("lost"), serverSettings().withDatabase(QStringLiteral("no_such_shard_db")),
                            {6, 7}});
        QList<shard::ShardSet> sets = shard::savedSets();
        sets << set;
        shard::saveSets(sets);
        m_pane->reloadSets();
        QSignalSpy opened(m_pane.get(), &gui::ShardsPane::setOpened);
        // The other set's table still being read when this one is opened: its answers are dropped.
        m_pane->openSet(QStringLiteral("marketland"));
        QVERIFY(opened.wait(kTimeout));
        m_pane->openTable(QStringLiteral("public.players"));
        m_pane->checkPlacement();
        m_pane->openSet(QStringLiteral("withdown"));
        QVERIFY(opened.wait(kTimeout));
        settle();
        QCOMPARE(opened.last().at(0).toString(), QStringLiteral("withdown"));
        QVERIFY(m_pane->placementSummary()->text().isEmpty());
        // Nothing of the other set's table, rows, results or placement is left.
        QCOMPARE(m_pane->rowsModel()->rowCount(), 0);
        QVERIFY(!m_pane->sqlView());
        QCOMPARE(m_pane->placementTable()->rowCount(), 0);
        QCOMPARE(m_pane->membersTable()->rowCount(), 3);
        QCOMPARE(m_pane->banner()->kind(), gui::Banner::Kind::Warning);
        QVERIFY2(m_pane->banner()->plainText().contains(QLatin1String("lost")), qPrintable(m_pane->banner()->plainText()));
        QVERIFY(m_pane->membersTable()->item(2, 3)->text().startsWith(QLatin1String("down")));

        m_pane->openTable(QStringLiteral("public.players"));
        readAll();
        QCOMPARE(m_pane->rowsModel()->rowCount(), kPlayers); // the two that answer
        QVERIFY2(m_pane->banner()->plainText().contains(QLatin1String("missing")), qPrintable(m_pane->banner()->plainText()));
        m_pane->countRows(true);
        settle();
        QVERIFY2(m_pane->countLabel()->text().contains(QLatin1String("missing")), qPrintable(m_pane->countLabel()->text()));

        // Removing the set forgets it only.
        m_pane->removeSet(QStringLiteral("withdown"));
        QCOMPARE(shard::savedSets().size(), 1);
        QCOMPARE(m_pane->rowsModel()->rowCount(), 0);
        QCOMPARE(m_pane->setBox()->count(), 1);
    }
};

QTEST_MAIN(TestShardsPane)
#include "tst_shardspane.moc"
