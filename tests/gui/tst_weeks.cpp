// The week as a variable (issue 23), on real widgets against two real servers of our own: a
// family whose weeks 2 and 3 are on "live" and week 1 on "archive". The switcher lists the
// family over both servers, each week naming its server; Alt+Left/Alt+Right and the drop-down
// move between weeks (and servers) with every pane's set-up kept: the Tables pane's table and
// filter, the Events filter, the Snapshots tick, the Replay game and play, the Metrics metric,
// the SQL text. What a week lacks (a tick, a game, an endpoint) is said in the pane. Compare
// weeks, Run on weeks and moving a week are in tst_weeks_family.

#include "gui/weeksfixture.h"

class TestWeeks : public QObject, private WeeksFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpWeeks(); }
    void cleanupTestCase() { tearDownWeeks(); }
    void init() { startOnNewestWeek(); }

    void theSwitcherIsTheFamilyOverBothServers()
    {
        QVERIFY(switcher()->isVisible());
        QCOMPARE(switcher()->current(), 2);
        QCOMPARE(switcher()->combo()->count(), 3);
        QCOMPARE(switcher()->combo()->itemText(0), QStringLiteral("2025-W01 on archive"));
        QCOMPARE(switcher()->combo()->itemText(2), QStringLiteral("2025-W03 on live"));
        QVERIFY(switcher()->nextAction()->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Right));
        QVERIFY(switcher()->previousAction()->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Left));
        QVERIFY(!switcher()->nextAction()->isEnabled()); // the newest week
        QVERIFY(switcher()->previousAction()->isEnabled());
        // It is in the shortcut list, once.
        int listed = 0;
        for (const QStringList &row : m_window->shortcutList())
            listed += row.value(0).contains(QLatin1String("Previous week"));
        QCOMPARE(listed, 1);
    }

    void tablesAndTheConsoleKeepTheirSetUp()
    {
        gui::TablesPane *tables = m_window->tablesPane();
        m_window->showPane(tables);
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"),
                             {browse::Filter{QStringLiteral("status_code"), browse::Filter::Op::Equals, QStringLiteral("200")}});
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        m_window->consolePane()->editor()->setPlainText(QStringLiteral("SELECT count(*) FROM raw.api_events"));

        // Alt+Left, as a person presses it.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(2), kTimeout);
        QCOMPARE(switcher()->current(), 1);
        // The status bar names the week shown, not the last listing.
        QVERIFY(child<QLabel>(m_window.get(), "statusLabel")->text().contains(week(2)));
        QCOMPARE(tables->relation(), QStringLiteral("raw.api_events"));
        QCOMPARE(tables->filters().size(), 1);
        QCOMPARE(tables->filters().first().value, QStringLiteral("200"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        QCOMPARE(m_window->consolePane()->editor()->toPlainText(), QStringLiteral("SELECT count(*) FROM raw.api_events"));

        // A table only this week has: on another week the pane says so, keeping the choice.
        tables->openRelation(QStringLiteral("public"), QStringLiteral("only_w02"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->columnCount() > 0, kTimeout);
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QCOMPARE(tables->relation(), QStringLiteral("public.only_w02"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->banner()->isVisible(), kTimeout);
        QVERIFY2(tables->banner()->plainText().contains(QLatin1String("only_w02")), qPrintable(tables->banner()->plainText()));
        // Nothing is on its way: the title does not say "loading".
        const QString title = child<QLabel>(tables, "tableTitle")->text();
        QVERIFY2(!title.contains(QLatin1String("loading")) && title.contains(QLatin1String("not read")), qPrintable(title));
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"));
    }

    void snapshotsKeepTheTickOrSayItIsMissing()
    {
        gui::SnapshotsPane *snapshots = m_window->snapshotsPane();
        m_window->showPane(snapshots);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->timeline()->model()->rowCount() == 12, kTimeout);
        // The fifth newest tick of week 3; week 2 has it too (same seed).
        snapshots->timeline()->selectRow(4);
        const QString tick = snapshots->timeline()->model()->index(4, gui::SnapshotsPane::TickColumn).data().toString();
        goTo(1);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->timeline()->model()->rowCount() == 12, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(snapshots->timeline()->currentIndex().row(), 4, kTimeout);
        QCOMPARE(snapshots->timeline()->model()->index(4, gui::SnapshotsPane::TickColumn).data().toString(), tick);
        // Week 1 (on archive) has 4 snapshots: the newest ticks of week 2 are not there.
        snapshots->timeline()->selectRow(0);
        const QString newest = snapshots->timeline()->model()->index(0, gui::SnapshotsPane::TickColumn).data().toString();
        goTo(0);
        QCOMPARE(m_window->currentDatabase(), week(1));
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->timeline()->model()->rowCount() == 4, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->messages()->isVisible(), kTimeout);
        QVERIFY2(snapshots->messages()->plainText().contains(QStringLiteral("no snapshot at tick %1").arg(newest.section(QLatin1Char(' '), 0, 0))),
                 qPrintable(snapshots->messages()->plainText()));
        QVERIFY(!snapshots->timeline()->selectionModel()->hasSelection()); // nothing chosen in its place
        // The window is now on the archive server, and Alt+Right comes back to live.
        QCOMPARE(m_window->currentServer(), m_window->sidebar()->model()->serverIds().value(0));
        QVERIFY(!switcher()->previousAction()->isEnabled());
        goTo(2);
        QCOMPARE(m_window->currentDatabase(), week(3));
    }

    void eventsSayWhichEndpointAWeekLacks()
    {
        gui::EventsPane *events = m_window->eventsPane();
        m_window->showPane(events);
        auto *menu = child<QToolButton>(events, "filterEndpoints")->menu();
        // This week's endpoints (the list of the week before may still be there a moment).
        const auto listed = [menu] {
            for (QAction *a : menu->actions())
                if (a->data().toString() == QLatin1String("/my/agent"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), kTimeout);
        for (QAction *a : menu->actions())
            if (a->data().toString() == QLatin1String("/my/agent"))
                a->setChecked(true);
        events->applyFilter();
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) && events->model()->rowAt(0)->endpoint == QLatin1String("/my/agent"),
                                 kTimeout);
        goTo(0);
        QTRY_VERIFY_WITH_TIMEOUT(events->errors()->isVisible(), kTimeout);
        QVERIFY2(events->errors()->plainText().contains(QLatin1String("/my/agent")), qPrintable(events->errors()->plainText()));
        // Still chosen, marked: the filter says what it asks for.
        bool chosen = false;
        for (QAction *a : menu->actions())
            if (a->data().toString() == QLatin1String("/my/agent"))
                chosen = a->isChecked() && a->text().contains(QLatin1String("none in this database"));
        QVERIFY(chosen);
        QCOMPARE(events->model()->rowCount(), 0);
        goTo(2);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(events->model()->rowAt(0)->endpoint, QStringLiteral("/my/agent"));
    }

    void eventsKeepEachWeeksSelectedEvent()
    {
        gui::EventsPane *events = m_window->eventsPane();
        m_window->showPane(events);
        const auto select = [events](int row) {
            QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(row) != nullptr, kTimeout);
            events->table()->selectionModel()->setCurrentIndex(
                events->model()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            QCOMPARE(events->detail()->currentId(), events->model()->rowAt(row)->id);
        };
        const auto selectedId = [events]() -> qint64 {
            const auto *row = events->model()->rowAt(events->table()->currentIndex().row());
            return row ? row->id : 0;
        };
        QCOMPARE(m_window->currentDatabase(), week(3));
        select(2);
        const qint64 third = events->detail()->currentId();
        // Another week shows none of this one's selection; it gets its own.
        goTo(1);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(events->detail()->currentId(), qint64(0));
        select(1);
        const qint64 second = events->detail()->currentId();
        // Coming back selects each week's own event again, row and viewer alike.
        goTo(2);
        QTRY_COMPARE_WITH_TIMEOUT(events->detail()->currentId(), third, kTimeout);
        QCOMPARE(selectedId(), third);
        goTo(1);
        QTRY_COMPARE_WITH_TIMEOUT(events->detail()->currentId(), second, kTimeout);
        QCOMPARE(selectedId(), second);
        goTo(2);
        QTRY_COMPARE_WITH_TIMEOUT(events->detail()->currentId(), third, kTimeout);
    }

    void replayKeepsTheGameAndPlay()
    {
        gui::ReplayPane *replay = m_window->replayPane();
        m_window->showPane(replay);
        QTRY_VERIFY_WITH_TIMEOUT(replay->gameModel()->rowCount() > 0, kTimeout);
        auto *games = replay->findChild<QTableView *>();
        QVERIFY(games);
        replay->openGame(replay->gameModel()->game(0)->id);
        QTRY_VERIFY_WITH_TIMEOUT(replay->currentPlay() > 0, kTimeout);
        const QString game = replay->currentGame();
        replay->seek(replay->playModel()->rowCount() > 3 ? 3 : 1);
        const int play = replay->currentPlay();
        goTo(1); // week 2: the same seed, the same game
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentGame(), game, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentPlay(), play, kTimeout);
        goTo(0); // week 1: another seed, no such game
        auto *banner = replay->findChild<gui::Banner *>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->plainText().contains(game), kTimeout);
        QVERIFY(replay->currentGame().isEmpty());
        goTo(2);
    }

    void oneFamilyInTheSidebarTheAdminPaneAndMetrics()
    {
        // The sidebar: "Families across servers" holds the family once, its weeks in week
        // order, each naming its server; choosing one is choosing that week there.
        models::ServerTreeModel *tree = m_window->sidebar()->model();
        QAbstractItemModelTester treeTester(tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex group = tree->indexOfFamilies();
        QVERIFY(group.isValid());
        QCOMPARE(tree->rowCount(group), 1);
        const QModelIndex family = tree->index(0, 0, group);
        QVERIFY2(family.data().toString().startsWith(QLatin1String("wk (3 week"))
                     && family.data().toString().endsWith(QLatin1String(" on 2 servers)")),
                 qPrintable(family.data().toString()));
        QCOMPARE(tree->rowCount(family), 3);
        const QModelIndex first = tree->index(0, 0, family);
        QCOMPARE(first.data().toString(), QStringLiteral("%1 on archive").arg(week(1)));
        QCOMPARE(tree->index(2, 0, family).data().toString(), QStringLiteral("%1 on live").arg(week(3)));
        QVERIFY(!tree->hasChildren(first)); // its schema tree is under its server
        m_window->sidebar()->view()->setCurrentIndex(first);
        QCOMPARE(m_window->currentDatabase(), week(1));
        QCOMPARE(m_window->currentServer(), first.data(models::ServerTreeModel::ServerIdRole).toString());

        // The admin pane of the archive: the family holds the live weeks too, greyed, naming
        // live, and never a target of the actions.
        models::DatabaseTreeModel *admin = m_window->databaseModel();
        QAbstractItemModelTester adminTester(admin, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QModelIndex wk;
        for (int r = 0; r < admin->rowCount(); ++r)
            if (admin->index(r, 0).data(models::DatabaseTreeModel::FamilyRole).toString() == m_prefix)
                wk = admin->index(r, 0);
        QVERIFY(wk.isValid());
        QCOMPARE(admin->rowCount(wk), 3);
        QCOMPARE(admin->index(0, 0, wk).data(models::DatabaseTreeModel::DatabaseNameRole).toString(), week(1));
        const QModelIndex liveWeek = admin->index(1, 0, wk);
        QCOMPARE(liveWeek.data(models::DatabaseTreeModel::ElsewhereRole).toString(), QStringLiteral("live"));
        QVERIFY(liveWeek.data(models::DatabaseTreeModel::DatabaseNameRole).toString().isEmpty());
        QCOMPARE(admin->index(1, models::DatabaseTreeModel::Server, wk).data().toString(), QStringLiteral("live"));
        QCOMPARE(admin->index(0, models::DatabaseTreeModel::Server, wk).data().toString(), QStringLiteral("archive"));
        QVERIFY(!m_window->adminPane()->findChild<QTreeView *>()->isColumnHidden(models::DatabaseTreeModel::Server));
        // Its drift matrix, from the admin pane: every week of both servers.
        m_window->adminPane()->findChild<QTreeView *>()->setCurrentIndex(wk);
        auto *driftButton = m_window->adminPane()->findChild<QPushButton *>(QStringLiteral("driftButton"));
        QVERIFY(driftButton->isEnabled()); // read-only: admin mode is off
        gui::CompareDialog *drift = m_window->showFamilyDrift(m_prefix);
        QVERIFY(drift);
        QSignalSpy driftDone(drift, &gui::CompareDialog::finished);
        QVERIFY(driftDone.wait(kTimeout));
        QCOMPARE(drift->driftTable()->rowCount(), 3);
        QVERIFY(drift->driftTable()->item(0, 0)->text().contains(QLatin1String("archive")));
        drift->close();

        // Metrics compares weeks over both servers, each read where it lives.
        goTo(2);
        gui::MetricsPane *metrics = m_window->metricsPane();
        auto *list = child<QListWidget>(metrics, "weekList");
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(0)->text(), QStringLiteral("%1 on archive").arg(week(1)));
        auto *combo = child<QComboBox>(metrics, "metricCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("events")));
        QVERIFY(combo->currentIndex() >= 0);
        metrics->setCompare({QStringLiteral("%1 on archive").arg(week(1)), week(3)}, metrics::Align::Reset);
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(metrics->shown().series.size() == 2 && !metrics->runner()->isBusy(), kTimeout);
        QCOMPARE(metrics->shown().series.at(0).name, QStringLiteral("2025-W01 on archive"));
        QCOMPARE(metrics->shown().series.at(1).name, QStringLiteral("2025-W03"));
        double archived = 0;
        for (const auto &p : metrics->shown().series.at(0).points)
            archived += p.value;
        QCOMPARE(qint64(archived), scalar(*test::connect(m_archive.settings.withDatabase(week(1))),
                                          QStringLiteral("SELECT count(*) FROM raw.api_events")));
        metrics->setCompare({}, metrics::Align::Reset);
    }

    void metricsKeepTheMetric()
    {
        gui::MetricsPane *metrics = m_window->metricsPane();
        auto *combo = child<QComboBox>(metrics, "metricCombo");
        const int pick = combo->count() > 2 ? 2 : 1;
        combo->setCurrentIndex(pick);
        const QString id = combo->currentData().toString();
        goTo(1);
        QCOMPARE(combo->currentData().toString(), id);
        goTo(2);
    }

    void metricsKeepTheTickedWeeksAndTheirColours()
    {
        gui::MetricsPane *metrics = m_window->metricsPane();
        auto *list = child<QListWidget>(metrics, "weekList");
        auto *combo = child<QComboBox>(metrics, "metricCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("events")));
        goTo(1);
        const QStringList all{QStringLiteral("%1 on archive").arg(week(1)), week(2), week(3)};
        const auto ticked = [list] {
            QStringList out;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    out << list->item(i)->data(Qt::UserRole).toString();
            return out;
        };
        const auto colours = [metrics] {
            QMap<QString, int> out;
            const QList<int> drawn = metrics->chart()->colourIndexes();
            for (qsizetype i = 0; i < metrics->shown().series.size(); ++i)
                out.insert(metrics->shown().series.at(i).name, drawn.value(i, -1));
            return out;
        };
        metrics->setCompare(all, metrics::Align::Reset);
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(metrics->shown().series.size() == 3 && !metrics->runner()->isBusy(), kTimeout);
        const QMap<QString, int> first = colours();
        QCOMPARE(QSet<int>(first.cbegin(), first.cend()).size(), 3); // three colours

        // Alt+Right with three weeks ticked: the same three stay ticked, each its colour.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QCOMPARE(ticked(), all);
        QTRY_VERIFY_WITH_TIMEOUT(metrics->shown().series.size() == 3 && !metrics->runner()->isBusy(), kTimeout);
        QCOMPARE(colours(), first);
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(2), kTimeout);
        QCOMPARE(ticked(), all);

        // A lone tick on the week shown moves with it.
        metrics->setCompare({}, metrics::Align::Reset);
        list->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(ticked(), QStringList{week(2)});
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QCOMPARE(ticked(), QStringList{week(3)});
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->runner()->isBusy(), kTimeout);
    }
};

QTEST_MAIN(TestWeeks)
#include "tst_weeks.moc"
