// The table browser and the SQL console (issue 14) on real widgets against the test
// server: a table opened from the sidebar's schema tree, paged to the end and back, a foreign
// key followed with a double click, filters and sorting, copies and an export; queries in the
// console with a tab each, the read-only refusal, a write confirmed in admin mode (audited),
// and EXPLAIN as a tree with the costliest node marked.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/console/consolepane.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"
#include "gui/window/mainwindow.h"
#include "gui/window/sidebar.h"
#include "gui/widgets/style.h"
#include "gui/tables/tablespane.h"
#include "models/rowgridmodel.h"
#include "core/settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTranslator>
#include <QTreeWidget>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kTimeout = 60000;

template <class T> T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

} // namespace

class TestTablesPane : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    std::unique_ptr<gui::MainWindow> m_window;

    gui::TablesPane *pane() const { return m_window->tablesPane(); }
    models::RowGridModel *model() const { return pane()->model(); }
    bool rowLoaded(int r) const
    {
        model()->data(model()->index(r, 0));
        return model()->rowAt(r) != nullptr;
    }

private slots:
    void initTestCase()
    {
        m_db = freshDatabase(QStringLiteral("tables"));
        auto conn = test::connect(m_db);
        conn->execScript(QStringLiteral(
            "CREATE TABLE public.items (id bigint PRIMARY KEY, name text, price numeric, doc jsonb);"
            "INSERT INTO public.items SELECT g, 'item ' || g, g * 1.5, jsonb_build_object('n', g, 'tags', "
            "jsonb_build_array('a', 'b')) FROM generate_series(1, 3000) g;"
            "CREATE INDEX items_price ON public.items (price);"
            "CREATE TABLE public.orders (id integer PRIMARY KEY, item_id bigint REFERENCES public.items(id), qty int);"
            "INSERT INTO public.orders SELECT g, g * 7, g % 4 FROM generate_series(1, 300) g;"
            "ANALYZE;"));
        // Shots in another language: STATESCOPE_SHOTS_QM names the .qm to load.
        if (const QString qm = qEnvironmentVariable("STATESCOPE_SHOTS_QM"); !qm.isEmpty()) {
            auto *translator = new QTranslator(qApp);
            QVERIFY(translator->load(qm));
            QCoreApplication::installTranslator(translator);
        }
        m_window = std::make_unique<gui::MainWindow>();
        m_window->resize(1300, 820);
        m_window->show();
        QSignalSpy listed(m_window.get(), &gui::MainWindow::databasesListed);
        m_window->connectTo(serverSettings(), QStringLiteral("test server"));
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), kTimeout);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        dropDatabase(m_db.database());
    }

    void opensATableFromTheSchemaTree()
    {
        gui::Sidebar *sidebar = m_window->sidebar();
        const QString server = m_window->currentServer();
        const QModelIndex db = sidebar->model()->indexOfDatabase(server, m_db.database());
        QVERIFY(db.isValid());
        QVERIFY(sidebar->model()->canFetchMore(db));
        sidebar->view()->expand(db); // the view asks for the schema tree
        QTRY_VERIFY_WITH_TIMEOUT(sidebar->model()->rowCount(db) > 0, kTimeout);
        QModelIndex items;
        for (int s = 0; s < sidebar->model()->rowCount(db); ++s) {
            const QModelIndex schema = sidebar->model()->index(s, 0, db);
            if (schema.data().toString() != QLatin1String("public"))
                continue;
            for (int r = 0; r < sidebar->model()->rowCount(schema); ++r)
                if (sidebar->model()->index(r, 0, schema).data().toString() == QLatin1String("orders"))
                    items = sidebar->model()->index(r, 0, schema);
        }
        QVERIFY(items.isValid());
        sidebar->view()->setCurrentIndex(items);
        QCOMPARE(m_window->currentPane(), static_cast<QWidget *>(pane()));
        QTRY_COMPARE_WITH_TIMEOUT(pane()->relation(), QStringLiteral("public.orders"), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(rowLoaded(0), kTimeout);
        QCOMPARE(model()->columnNames(), (QStringList{"id", "item_id", "qty"}));
    }

    void followsAForeignKeyWithADoubleClick()
    {
        // Order 5 references item 35.
        QTableView *grid = pane()->grid();
        const QModelIndex cell = model()->index(4, 1);
        QCOMPARE(cell.data().toString(), QStringLiteral("35"));
        QVERIFY(pane()->followForeignKey(cell));
        QTRY_COMPARE_WITH_TIMEOUT(pane()->relation(), QStringLiteral("public.items"), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(model()->countIsExact() && rowLoaded(0), kTimeout);
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->index(0, 0).data().toString(), QStringLiteral("35"));
        QCOMPARE(pane()->filters().size(), 1);
        Q_UNUSED(grid);
        // The JSON cell opens in the viewer.
        grid->setCurrentIndex(model()->index(0, 3));
        QTRY_VERIFY_WITH_TIMEOUT(pane()->jsonView()->document().isValid(), kTimeout);
        // Removing the filter chip brings every row back.
        QTest::mouseClick(child<QToolButton>(pane(), "filterChip0"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowLoaded(0) && pane()->filters().isEmpty(), kTimeout);
        QCOMPARE(model()->index(0, 0).data().toString(), QStringLiteral("1"));
    }

    void pagesToTheEndAndBack()
    {
        QTableView *grid = pane()->grid();
        grid->setFocus();
        grid->scrollToBottom();
        QTest::keyClick(grid, Qt::Key_End, Qt::ControlModifier);
        // The view asks for the last rows: read backwards from the end, the true last row.
        QTRY_VERIFY_WITH_TIMEOUT(rowLoaded(model()->rowCount() - 1), kTimeout);
        QCOMPARE(model()->index(model()->rowCount() - 1, 0).data().toString(), QStringLiteral("3000"));
        QCOMPARE(model()->index(model()->rowCount() - 2, 0).data().toString(), QStringLiteral("2999"));
        QTest::keyClick(grid, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(rowLoaded(0), kTimeout);
        QCOMPARE(model()->index(0, 0).data().toString(), QStringLiteral("1"));
        QCOMPARE(model()->index(1, 0).data().toString(), QStringLiteral("2"));
    }

    void sortsByAnIndexedColumnAndRefusesOthers()
    {
        QHeaderView *header = pane()->grid()->horizontalHeader();
        header->sectionClicked(2); // price: indexed
        QTRY_VERIFY_WITH_TIMEOUT(rowLoaded(0), kTimeout);
        QCOMPARE(model()->order().column, QStringLiteral("price"));
        QCOMPARE(model()->index(0, 2).data().toString(), QStringLiteral("1.5"));
        header->sectionClicked(2); // again: descending
        QTRY_VERIFY_WITH_TIMEOUT(model()->order().descending && rowLoaded(0), kTimeout);
        QCOMPARE(model()->index(0, 2).data().toString(), QStringLiteral("4500.0"));
        header->sectionClicked(1); // name: no index
        QVERIFY(pane()->banner()->isVisible());
        QVERIFY(pane()->banner()->plainText().contains(QLatin1String("needs an index")));
        QCOMPARE(model()->order().column, QStringLiteral("price"));
    }

    void filtersCopiesAndExports()
    {
        child<QLineEdit>(pane(), "filterValue")->setText(QStringLiteral("300"));
        qobject_cast<QComboBox *>(child<QWidget>(pane(), "filterColumn"))->setCurrentText(QStringLiteral("id"));
        qobject_cast<QComboBox *>(child<QWidget>(pane(), "filterOp"))->setCurrentIndex(3); // ≤
        QTest::mouseClick(child<QPushButton>(pane(), "addFilter"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowLoaded(0) && pane()->filters().size() == 1, kTimeout);
        QTest::mouseClick(child<QPushButton>(pane(), "tableCountExactly"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(model()->countIsExact() && model()->rowCount() == 300, kTimeout);
        // A value the column cannot take: said before anything is sent, no chip, and the rows
        // and headers on screen stay (the value stays in the field to be fixed).
        child<QLineEdit>(pane(), "filterValue")->setText(QStringLiteral("lots"));
        QTest::mouseClick(child<QPushButton>(pane(), "addFilter"), Qt::LeftButton);
        QVERIFY(pane()->banner()->isVisible());
        QVERIFY2(pane()->banner()->plainText().contains(QLatin1String("\"lots\" is not a whole number")),
                 qPrintable(pane()->banner()->plainText()));
        QCOMPARE(pane()->filters().size(), 1);
        QVERIFY(rowLoaded(0));
        QCOMPARE(model()->rowCount(), 300);
        QCOMPARE(model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("id"));
        QCOMPARE(child<QLineEdit>(pane(), "filterValue")->text(), QStringLiteral("lots"));
        child<QLineEdit>(pane(), "filterValue")->clear();
        // Copies: the selected rows as CSV and as JSON.
        auto *sel = pane()->grid()->selectionModel();
        sel->clearSelection();
        sel->select(model()->index(0, 0), QItemSelectionModel::Select);
        sel->select(model()->index(1, 0), QItemSelectionModel::Select);
        const QString csv = pane()->copyText(QStringLiteral("csv"));
        QVERIFY2(csv.startsWith(QLatin1String("id,name,price,doc\n")), qPrintable(csv));
        QCOMPARE(csv.count(QLatin1Char('\n')), 2);
        const QString json = pane()->copyText(QStringLiteral("json"));
        QVERIFY(json.contains(QLatin1String("\"tags\"")));
        // Export of the filtered rows, streamed to a file.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("items.csv"));
        QSignalSpy exported(pane(), &gui::TablesPane::exported);
        pane()->exportTo(path, false);
        QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), kTimeout);
        QCOMPARE(exported.first().at(0).toLongLong(), 300);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 301); // header + rows (the doc column has no newline)
        QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
    }

    void theDetailsShowKeysAndDdl()
    {
        QVERIFY(pane()->detailsView()->toPlainText().contains(QLatin1String("items_price")));
        QVERIFY(pane()->detailsView()->toPlainText().contains(QLatin1String("public.orders (item_id)")));
        QVERIFY(pane()->ddlView()->toPlainText().startsWith(QLatin1String("CREATE TABLE public.items")));
    }

    void theConsoleRunsQueriesAndScripts()
    {
        gui::ConsolePane *console = m_window->consolePane();
        m_window->showPane(console);
        QTabWidget *results = console->results();
        console->editor()->setPlainText(QStringLiteral("SELECT id, name FROM public.items WHERE id <= 2500 ORDER BY id;\n"
                                                       "SHOW transaction_read_only;\n"
                                                       "SELECT count(*) FROM public.orders"));
        console->runAll();
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), 3, kTimeout);
        auto *grid = qobject_cast<QTableView *>(results->widget(0));
        QVERIFY(grid);
        auto *m = qobject_cast<models::RowGridModel *>(grid->model());
        QTRY_VERIFY_WITH_TIMEOUT(m->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("item 1"));
        // Scrolled down (on its own tab: a hidden grid reads nothing), it reads on as it
        // goes; at its end the count is exact.
        results->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(!console->runner()->isBusy(), kTimeout); // the other statements ended
        QCOMPARE(results->currentIndex(), 0); // and did not take the screen away
        QTRY_VERIFY_WITH_TIMEOUT((grid->scrollToBottom(), m->countIsExact() && m->rowCount() == 2500), kTimeout);
        // Under the results: the shown tab's row count and time (through a pooler, which
        // keeps no cursor between reads, and the note that the rows were read by running the
        // statement again).
        const QRegularExpression all(QStringLiteral("^2\\D?500 row\\(s\\) in [0-9,. ]+ ms( \u2014 .+)?$"));
        QTRY_VERIFY_WITH_TIMEOUT(all.match(console->resultInfo()->text()).hasMatch(), kTimeout);
        results->setCurrentIndex(2);
        QVERIFY2(QRegularExpression(QStringLiteral("^1 row\\(s\\) in [0-9,. ]+ ms$")).match(console->resultInfo()->text()).hasMatch(),
                 qPrintable(console->resultInfo()->text()));
        results->setCurrentIndex(0);
        QVERIFY(m->rowAt(0) == nullptr || m->rowCount() <= models::RowGridModel::kWindow);
        auto *show = qobject_cast<QTableView *>(results->widget(1));
        QVERIFY(show);
        QCOMPARE(show->model()->index(0, 0).data().toString(), QStringLiteral("on"));
        // The history remembers what ran.
        QVERIFY(console->history().contains(QStringLiteral("SHOW transaction_read_only")));
    }

    void writesNeedAdminModeAConfirmationAndAreAudited()
    {
        gui::ConsolePane *console = m_window->consolePane();
        console->editor()->setPlainText(QStringLiteral("UPDATE public.orders SET qty = 99 WHERE id = 1"));
        console->runCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(console->banner()->isVisible(), kTimeout);
        QVERIFY2(console->banner()->plainText().contains(QLatin1String("read-only")), qPrintable(console->banner()->plainText()));
        m_window->adminModeAction()->setChecked(true);
        console->runCurrent();
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = console->findChild<gui::ConfirmDialog *>(QStringLiteral("consoleWriteDialog")))
                                     && dialog->isVisible(),
                                 kTimeout);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), m_db.database());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("gui test"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(console->banner()->plainText().contains(QLatin1String("UPDATE 1")), kTimeout);
        auto conn = test::connect(m_db);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT qty FROM public.orders WHERE id = 1")), 99);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE action = 'console-write'")), 1);
        m_window->adminModeAction()->setChecked(false);
    }

    void objectsTheGuardRefusesAreAllowedByNameInTheConsole()
    {
        // A SECURITY DEFINER function of a superuser: reading refuses it before it runs
        // (guarded, or through the reader login alike). The pane names it in a consent
        // dialog; typed "allow", the consent is kept in the settings and the statement runs.
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE FUNCTION public.t_definer_one() RETURNS int SECURITY DEFINER "
                                  "LANGUAGE sql AS 'SELECT 41 + 1'"));
        gui::ConsolePane *console = m_window->consolePane();
        m_window->showPane(console);
        console->editor()->setPlainText(QStringLiteral("SELECT public.t_definer_one() AS v"));
        const int before = console->results()->count();
        console->runCurrent();
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = console->findChild<gui::ConfirmDialog *>(QStringLiteral("consoleConsentDialog")))
                                     && dialog->isVisible(),
                                 kTimeout);
        QVERIFY2(console->banner()->plainText().contains(QLatin1String("public.t_definer_one()")),
                 qPrintable(console->banner()->plainText()));
        QCOMPARE(console->results()->count(), before); // nothing ran
        QVERIFY(!settings::readAllowed().contains(QStringLiteral("public.t_definer_one()")));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), QStringLiteral("allow"));
        QVERIFY(ok->isEnabled());
        if (const QString dir = qEnvironmentVariable("STATESCOPE_SHOTS"); !dir.isEmpty()) {
            // For a person to look at: the dialog over the window, light and dark.
            for (const auto theme : {settings::Theme::Light, settings::Theme::Dark}) {
                gui::style::applyTheme(theme);
                QTest::qWait(200);
                dialog->grab().save(dir + (theme == settings::Theme::Dark ? QStringLiteral("/console-consent-dark.png")
                                                                           : QStringLiteral("/console-consent.png")));
            }
            gui::style::applyTheme(settings::Theme::Light);
        }
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(console->results()->count(), before + 1, kTimeout);
        auto *grid = qobject_cast<QTableView *>(console->results()->widget(before));
        QVERIFY(grid);
        QTRY_COMPARE_WITH_TIMEOUT(grid->model()->index(0, 0).data().toString(), QStringLiteral("42"), kTimeout);
        QVERIFY(settings::readAllowed().contains(QStringLiteral("public.t_definer_one()")));
        settings::setReadAllowed({});
        conn->exec(QStringLiteral("DROP FUNCTION public.t_definer_one()"));
    }

    void explainShowsATreeWithTheCostliestNode()
    {
        gui::ConsolePane *console = m_window->consolePane();
        console->editor()->setPlainText(QStringLiteral(
            "SELECT i.name, count(*) FROM public.items i JOIN public.orders o ON o.item_id = i.id GROUP BY 1"));
        console->explain(true);
        QTreeWidget *tree = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((tree = console->results()->findChild<QTreeWidget *>(QStringLiteral("planTree"))), kTimeout);
        int marked = 0;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            marked += (*it)->data(0, Qt::UserRole).toBool() ? 1 : 0;
        QCOMPARE(marked, 1);
        QCOMPARE(console->results()->currentWidget(), static_cast<QWidget *>(tree));
        QVERIFY(tree->topLevelItemCount() == 1 && tree->topLevelItem(0)->childCount() > 0);
        // Rows people can read (a row height measured before the items were there was 1 px).
        QVERIFY(tree->visualItemRect(tree->topLevelItem(0)).height() >= tree->fontMetrics().height());
        if (const QString dir = qEnvironmentVariable("STATESCOPE_SHOTS"); !dir.isEmpty()) {
            QTest::qWait(200);
            m_window->grab().save(dir + QStringLiteral("/console-plan.png"));
        }
    }
};

QTEST_MAIN(TestTablesPane)
#include "tst_tablespane.moc"
