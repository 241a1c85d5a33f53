// The family tools of the week switcher's fixture (weeksfixture.h), on real widgets against two
// real servers of our own: Compare weeks side by side (schema, rows, API, drift over both
// servers); Run on weeks streams one grid with week and server columns, shows failed weeks as
// rows, stops on Stop, and charts a number over time; a week moved to the archive server.

#include "gui/weeksfixture.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QScopeGuard>

class TestWeeksFamily : public QObject, private WeeksFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpWeeks(); }
    void cleanupTestCase() { tearDownWeeks(); }
    void init() { startOnNewestWeek(); }

    void compareWeeksSideBySide()
    {
        // From week 1 (archive) to week 2 (live): the schema; week 2 to 3: rows; drift of all.
        gui::CompareDialog dialog(switcher()->family(), switcher()->current());
        dialog.show();
        QSignalSpy done(&dialog, &gui::CompareDialog::finished);
        dialog.setSides(0, 1);
        dialog.compareSchemas();
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("schema"));
        QTreeWidgetItem *added = tableChange(dialog, QStringLiteral("only_w02"));
        QVERIFY2(added, qPrintable(dialog.status()->text()));
        QCOMPARE(added->text(1), QStringLiteral("added"));
        dialog.schemaTree()->setCurrentItem(added);
        QVERIFY(dialog.rightDdl()->toPlainText().contains(QLatin1String("CREATE TABLE")));
        QVERIFY(dialog.leftDdl()->toPlainText().contains(QLatin1String("not there")));
        QVERIFY(dialog.script()->toPlainText().contains(QLatin1String("only_w02")));
        QTemporaryDir dir;
        QVERIFY(dialog.saveScript(dir.filePath(QStringLiteral("s.sql"))));
        // A table another role owns: a change of its own kind, and none with owners left out.
        {
            auto week2 = test::connect(m_live.settings.withDatabase(week(2)));
            week2->execScript(QStringLiteral("CREATE ROLE wk_game; ALTER TABLE raw.api_events OWNER TO wk_game"));
            const auto restore = qScopeGuard([&] {
                week2->execScript(QStringLiteral("REASSIGN OWNED BY wk_game TO CURRENT_USER; DROP ROLE wk_game"));
            });
            const auto ownerChanges = [&] {
                QStringList out;
                for (int g = 0; g < dialog.schemaTree()->topLevelItemCount(); ++g) {
                    const QTreeWidgetItem *group = dialog.schemaTree()->topLevelItem(g);
                    if (group->text(0) == QLatin1String("owner"))
                        for (int i = 0; i < group->childCount(); ++i)
                            out << group->child(i)->text(0) + QLatin1Char(' ') + group->child(i)->text(2);
                }
                return out;
            };
            dialog.compareSchemas();
            QVERIFY(done.wait(kTimeout));
            done.clear();
            const QStringList owners = ownerChanges();
            QCOMPARE(owners.size(), 1);
            QVERIFY2(owners.first().startsWith(QLatin1String("table raw.api_events ")) && owners.first().endsWith(QLatin1String(" -> wk_game")),
                     qPrintable(owners.first()));
            QVERIFY(dialog.script()->toPlainText().contains(QLatin1String("ALTER TABLE raw.api_events OWNER TO wk_game;")));
            auto *leaveOut = dialog.findChild<QCheckBox *>(QStringLiteral("ignoreOwners"));
            QVERIFY(leaveOut);
            leaveOut->setChecked(true);
            dialog.compareSchemas();
            QVERIFY(done.wait(kTimeout));
            done.clear();
            leaveOut->setChecked(false);
            QCOMPARE(ownerChanges(), QStringList());
            QVERIFY(!dialog.script()->toPlainText().contains(QLatin1String("OWNER TO")));
            QVERIFY(tableChange(dialog, QStringLiteral("only_w02"))); // the rest is still there
        }

        dialog.setSides(1, 2);
        QAbstractItemModelTester rowsTester(dialog.rowsTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.compareRows(QStringLiteral("public.items"));
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("rows"));
        QCOMPARE(dialog.rowsTable()->rowCount(), 3);
        QVERIFY2(dialog.rowsSummary()->text().contains(QLatin1String("1 added, 1 removed, 1 changed, 48 the same")),
                 qPrintable(dialog.rowsSummary()->text()));
        bool marked = false;
        for (int r = 0; r < 3; ++r)
            if (dialog.rowsTable()->item(r, 0)->text() == QLatin1String("changed"))
                for (int c = 1; c < dialog.rowsTable()->columnCount(); ++c)
                    marked = marked || (dialog.rowsTable()->item(r, c)->background().style() != Qt::NoBrush
                                        && dialog.rowsTable()->item(r, c)->text().contains(QStringLiteral("→")));
        QVERIFY(marked);
        // The jsonb cell reads as the keyed JSON diff, not as two whole documents.
        bool jsonDiffed = false;
        QStringList cells;
        for (int r = 0; r < 3; ++r)
            for (int c = 1; c < dialog.rowsTable()->columnCount(); ++c) {
                cells << dialog.rowsTable()->item(r, c)->text();
                jsonDiffed = jsonDiffed || cells.last() == QStringLiteral("$.g: 9 → 0");
            }
        QVERIFY2(jsonDiffed, qPrintable(cells.join(QLatin1Char('|'))));
        // Filters: by change, and by text in any cell.
        dialog.filterRows(QStringLiteral("added"), {});
        QCOMPARE(dialog.visibleRows(), 1);
        dialog.filterRows({}, QStringLiteral("ITEM 7"));
        QCOMPARE(dialog.visibleRows(), 1);
        dialog.filterRows(QStringLiteral("changed"), QStringLiteral("item 7"));
        QCOMPARE(dialog.visibleRows(), 0);
        dialog.filterRows({}, {});
        QCOMPARE(dialog.visibleRows(), 3);
        const QString jsonl = dir.filePath(QStringLiteral("d.jsonl"));
        dialog.exportRows(jsonl);
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("export"));
        QFile lines(jsonl);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        const QList<QByteArray> records = lines.readAll().trimmed().split('\n');
        QCOMPARE(records.size(), 3);
        bool changedDoc = false;
        for (const QByteArray &record : records) {
            const QJsonObject o = QJsonDocument::fromJson(record).object();
            QVERIFY2(!o.isEmpty(), record.constData());
            if (o.value(QStringLiteral("change")).toString() == QLatin1String("changed")) {
                QCOMPARE(o.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("9"));
                changedDoc = o.value(QStringLiteral("changed")).toArray().contains(QStringLiteral("doc"));
            }
        }
        QVERIFY(changedDoc);
        const QString csv = dir.filePath(QStringLiteral("d.csv"));
        dialog.exportRows(csv);
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("export"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 4); // header and three differences
        QVERIFY(!QFile::exists(csv + QStringLiteral(".partial")));
        // A table one side lacks is a clear result, not a failure.
        dialog.compareRows(QStringLiteral("public.only_w02"), {QStringLiteral("x")});
        QVERIFY(done.wait(kTimeout));
        done.clear();
        // Said once, above the rows (the status line below said it again).
        QVERIFY2(dialog.rowsSummary()->text().contains(QLatin1String("missing")), qPrintable(dialog.rowsSummary()->text()));
        QVERIFY2(dialog.status()->text().isEmpty(), qPrintable(dialog.status()->text()));
        // One kind of game data through each week's layout: the snapshots, matched by tick.
        dialog.compareKind(layout::Kind::Snapshots);
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("rows"));
        QVERIFY2(dialog.rowsSummary()->text().contains(QLatin1String("0 added, 0 removed"))
                     && dialog.rowsSummary()->text().contains(QLatin1String("matched by tick_number")),
                 qPrintable(dialog.rowsSummary()->text()));

        // A week against the schema Statescope's migrations make (in a scratch database of
        // the local sandbox, here the live server): what the week has of its own is removed.
        qputenv("STATESCOPE_SANDBOX_DIR", m_liveDir.path().toLocal8Bit());
        dialog.setSides(1, 1);
        dialog.compareWithMigrations();
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("schema"));
        QTreeWidgetItem *own = tableChange(dialog, QStringLiteral("only_w02"));
        QVERIFY2(own && own->text(1) == QLatin1String("removed"), qPrintable(dialog.status()->text()));
        QVERIFY(dialog.script()->toPlainText().contains(QLatin1String("DROP TABLE")) && dialog.script()->toPlainText().contains(QLatin1String("only_w02")));
        QVERIFY(scalar(*test::connect(m_live.settings), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'statescope_scratch%'")) == 0);

        dialog.setSides(0, 2);
        dialog.compareApi();
        QVERIFY(done.wait(kTimeout));
        const auto agent = dialog.apiTree()->findItems(QStringLiteral("/my/agent"), Qt::MatchExactly);
        QCOMPARE(agent.size(), 1);
        QVERIFY2(agent.first()->text(1).startsWith(QStringLiteral("0 →")), qPrintable(agent.first()->text(1)));

        dialog.readDrift();
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(dialog.driftTable()->rowCount(), 3);
        for (int r = 0; r < 3; ++r)
            QVERIFY(dialog.driftTable()->item(r, 1)->text().contains(QLatin1String("Statescope")));
    }

    void runOnWeeksStreamsOneGrid()
    {
        gui::ConsolePane *console = m_window->consolePane();
        m_window->showPane(console);
        QCOMPARE(console->family().weeks().size(), 3);
        // The dialog: every week ticked, two at once.
        console->editor()->setPlainText(QStringLiteral("SELECT count(*) AS n FROM raw.api_events"));
        {
            gui::FamilyRunDialog dialog(console->family(), console->editor()->currentStatement());
            QCOMPARE(dialog.weekList()->count(), 3);
            QCOMPARE(dialog.chosen().size(), 3);
            QCOMPARE(dialog.parallelism(), 2);
        }
        gui::FamilyRunView *view = console->runOnWeeks(console->family().weeks(), 2);
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(view, &gui::FamilyRunView::finished);
        QVERIFY(finished.wait(kTimeout));
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("week"));
        QCOMPARE(view->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("server"));
        QCOMPARE(view->model()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("n"));
        QStringList weeks;
        for (int r = 0; r < 3; ++r) {
            weeks << view->model()->text(r, 0) + QLatin1Char('@') + view->model()->text(r, 1);
            // Each week's count as that database answers it.
            const bool archived = view->model()->text(r, 1) == QLatin1String("archive");
            const int n = view->model()->text(r, 0).right(2).toInt();
            const pg::ConnectionSettings db = (archived ? m_archive.settings : m_live.settings).withDatabase(week(n));
            QCOMPARE(view->model()->text(r, 2).toLongLong(), scalar(*test::connect(db), QStringLiteral("SELECT count(*) FROM raw.api_events")));
        }
        weeks.sort();
        QCOMPARE(weeks, (QStringList{QStringLiteral("2025-W01@archive"), QStringLiteral("2025-W02@live"), QStringLiteral("2025-W03@live")}));
        for (int r = 0; r < 3; ++r)
            QCOMPARE(view->weeksTable()->item(r, 2)->text(), QStringLiteral("done"));

        // Rows stand in week order, not in the order the weeks finish: week 1 answers last.
        console->editor()->setPlainText(QStringLiteral(
            "SELECT current_database() AS db, pg_sleep(CASE WHEN current_database() LIKE '%w01' THEN 1.5 ELSE 0 END)::text AS slept"));
        gui::FamilyRunView *ordered = console->runOnWeeks(console->family().weeks(), 3);
        QSignalSpy orderedDone(ordered, &gui::FamilyRunView::finished);
        QVERIFY(orderedDone.wait(kTimeout));
        QStringList order;
        for (int r = 0; r < ordered->model()->rowCount(); ++r)
            order << ordered->model()->text(r, 0);
        QCOMPARE(order, (QStringList{QStringLiteral("2025-W01"), QStringLiteral("2025-W02"), QStringLiteral("2025-W03")}));

        // A table only week 2 has: the other weeks are rows saying why; week 2's row is there.
        console->editor()->setPlainText(QStringLiteral("SELECT count(*) AS n FROM public.only_w02"));
        gui::FamilyRunView *partial = console->runOnWeeks(console->family().weeks(), 1);
        QSignalSpy partialDone(partial, &gui::FamilyRunView::finished);
        QVERIFY(partialDone.wait(kTimeout));
        QCOMPARE(partial->model()->failedWeeks(), 2);
        QCOMPARE(partial->model()->rowCount(), 3);
        int failedRows = 0;
        for (int r = 0; r < 3; ++r)
            failedRows += partial->model()->index(r, 0).data(models::FamilyResultModel::FailedRole).toBool();
        QCOMPARE(failedRows, 2);
        QVERIFY(partial->summary()->text().contains(QLatin1String("2 failed")));

        // A write is refused before anything runs.
        console->editor()->setPlainText(QStringLiteral("DELETE FROM raw.api_events"));
        QVERIFY(!console->runOnWeeks(console->family().weeks(), 2));
        QVERIFY(console->banner()->isVisible());
    }

    void runOnWeeksStopsAndCharts()
    {
        gui::ConsolePane *console = m_window->consolePane();
        console->editor()->setPlainText(QStringLiteral("SELECT 1 AS one, pg_sleep(30)"));
        gui::FamilyRunView *slow = console->runOnWeeks(console->family().weeks(), 3);
        QSignalSpy done(slow, &gui::FamilyRunView::finished);
        QTest::qWait(500);
        QVERIFY(slow->isRunning());
        QTest::mouseClick(child<QPushButton>(slow, "familyRunStop"), Qt::LeftButton);
        QVERIFY(done.wait(kTimeout));
        // Stopped, not waited out: no week got to the end of its 30-second statement.
        QVERIFY(slow->summary()->text().contains(QLatin1String("Stopped")));
        for (int r = 0; r < 3; ++r)
            QVERIFY2(slow->weeksTable()->item(r, 2)->text() != QLatin1String("done"),
                     qPrintable(slow->weeksTable()->item(r, 2)->text()));

        // Events per hour, a line per week.
        console->editor()->setPlainText(QStringLiteral(
            "SELECT date_trunc('hour', fetched_at) AS hour, count(*) AS events FROM raw.api_events GROUP BY 1 ORDER BY 1"));
        gui::FamilyRunView *chart = console->runOnWeeks(console->family().weeks(), 2);
        QSignalSpy chartDone(chart, &gui::FamilyRunView::finished);
        QVERIFY(chartDone.wait(kTimeout));
        QVERIFY(chart->showChart());
        QCOMPARE(chart->chart()->seriesCount(), 3);
        // Charted, the grid still shows six rows (a third of the height showed three) and the
        // chart the height its labels need: the SQL pane's editor gives what they lack.
        QTRY_VERIFY_WITH_TIMEOUT(chart->chart()->height() >= 200, kTimeout);
        QVERIFY(chart->model()->rowCount() >= 6);
        QTRY_VERIFY2_WITH_TIMEOUT(chart->grid()->viewport()->height() >= 6 * chart->grid()->verticalHeader()->defaultSectionSize(),
                 qPrintable(QStringLiteral("grid %1 px high, chart %2").arg(chart->grid()->height()).arg(chart->chart()->height())), kTimeout);
        // A result without a time column says there is nothing to chart.
        QVERIFY(!slow->showChart());
        QVERIFY(slow->summary()->text().contains(QLatin1String("Nothing to chart")));
    }

    void movingAWeekToTheArchiveServer()
    {
        // Last: week 2 leaves the live server for the archive, from the Admin pane, and the
        // family still has its three weeks, week 2 now on the archive.
        if (m_window->sidebar()->currentServer() != m_window->sidebar()->model()->serverIds().last())
            m_window->sidebar()->select(m_window->sidebar()->model()->serverIds().last(), week(3));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        const qint64 events = test::scalar(*test::connect(m_live.settings.withDatabase(week(2))),
                                           QStringLiteral("SELECT count(*) FROM raw.api_events"));
        gui::AdminPane *admin = m_window->adminPane();
        m_window->showPane(admin);
        m_window->adminModeAction()->setChecked(true);
        const QModelIndex row = m_window->databaseModel()->indexOfDatabase(week(2));
        QVERIFY(row.isValid());
        admin->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        auto *move = admin->findChild<QPushButton *>(QStringLiteral("moveButton"));
        QTRY_VERIFY_WITH_TIMEOUT(move->isEnabled(), kTimeout);
        QTest::mouseClick(move, Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = admin->findChild<gui::ConfirmDialog *>(QStringLiteral("moveConfirm")))
                                     && dialog->isVisible(),
                                 kTimeout);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // the name is to be typed first
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), week(2));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        // On the archive server now, listed there, gone from the live one.
        QTRY_VERIFY_WITH_TIMEOUT(admin->findChild<gui::Banner *>()->isVisible()
                                     && admin->findChild<gui::Banner *>()->text().contains(QLatin1String("Moved")),
                                 kTimeout);
        QCOMPARE(test::scalar(*test::connect(m_archive.settings.withDatabase(week(2))),
                              QStringLiteral("SELECT count(*) FROM raw.api_events")),
                 events);
        QCOMPARE(test::scalar(*test::connect(m_live.settings), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"),
                              {week(2)}),
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(switcher()->combo()->count(), 3, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(switcher()->combo()->itemText(1), QStringLiteral("2025-W02 on archive"), kTimeout);
        m_window->adminModeAction()->setChecked(false);
    }
};

QTEST_MAIN(TestWeeksFamily)
#include "tst_weeks_family.moc"
