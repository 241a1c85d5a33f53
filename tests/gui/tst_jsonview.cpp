// Drives the JSON viewer (offscreen): the tree shows the root, search finds and selects a
// nested key (also past the first loaded chunk), Copy value puts the exact text on the
// clipboard, invalid text points at the error, big pretty text comes in chunks, and a
// ~50 MB document shows its top level (time printed, not asserted).
#include "gui/widgets/jsontextpane.h"
#include "gui/widgets/jsonview.h"
#include "models/jsontreemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace statescope;
using Model = models::JsonTreeModel;

namespace {

constexpr int kTimeout = 60000;

json::Document parsed(const QByteArray &text)
{
    return json::Document::parse(text);
}

QString pointerOf(const QModelIndex &index)
{
    return index.data(Model::PathRole).toString();
}

template <class T> T *part(QWidget &view, const char *name)
{
    return view.findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestJsonView : public QObject
{
    Q_OBJECT
private slots:
    void showsTheRootExpanded()
    {
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        view.setDocument(parsed(R"({"ships": [1, 2], "ok": true})"), QStringLiteral("payload"));
        auto *tree = part<QTreeView>(view, "jsonTree");
        QVERIFY(tree);
        QCOMPARE(tree->model(), view.model());
        QCOMPARE(view.model()->rowCount(), 1);
        const QModelIndex root = view.model()->index(0, 0);
        QCOMPARE(root.data().toString(), QStringLiteral("$"));
        QVERIFY(tree->isExpanded(root));
        QCOMPARE(view.model()->rowCount(root), 2);
        QVERIFY(tree->uniformRowHeights());
        QCOMPARE(part<QLabel>(view, "jsonTitle")->text(), QStringLiteral("payload"));
        QVERIFY(!part<QLabel>(view, "parseError")->isVisible());
        // The text tab is built only when shown.
        auto *text = part<QPlainTextEdit>(view, "jsonText");
        QVERIFY(text->toPlainText().isEmpty());
        part<QTabWidget>(view, "jsonTabs")->setCurrentIndex(1);
        QVERIFY(text->toPlainText().contains(QStringLiteral("\"ships\"")));
        QVERIFY(text->toPlainText().contains(u'\n'));
        QVERIFY(!part<QPushButton>(view, "showMore")->isVisible());
    }

    void searchSelectsNestedKey()
    {
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        view.setDocument(parsed(R"({"fleet": {"ships": [{"id": "A"},
            {"id": "B", "cargo": {"Needle_Key": 5}}]}})"));
        QSignalSpy finished(&view, &gui::JsonView::searchFinished);
        auto *search = part<QLineEdit>(view, "jsonSearch");
        auto *hits = part<QLabel>(view, "searchHits");
        QTest::keyClicks(search, QStringLiteral("needle"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QCOMPARE(hits->text(), QStringLiteral("1 of 1"));
        const QModelIndex current = view.tree()->currentIndex();
        QCOMPARE(pointerOf(current), QStringLiteral("/fleet/ships/1/cargo/Needle_Key"));
        for (QModelIndex p = current.parent(); p.isValid(); p = p.parent())
            QVERIFY(view.tree()->isExpanded(p));

        // Several hits: Enter/F3 walk forward, Shift+F3 back, wrapping around.
        search->clear();
        QTest::keyClicks(search, QStringLiteral("ID"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeout);
        QCOMPARE(hits->text(), QStringLiteral("1 of 2"));
        QCOMPARE(pointerOf(view.tree()->currentIndex()), QStringLiteral("/fleet/ships/0/id"));
        QTest::keyClick(search, Qt::Key_F3);
        QCOMPARE(hits->text(), QStringLiteral("2 of 2"));
        QCOMPARE(pointerOf(view.tree()->currentIndex()), QStringLiteral("/fleet/ships/1/id"));
        QTest::keyClick(search, Qt::Key_F3);
        QCOMPARE(hits->text(), QStringLiteral("1 of 2"));
        QTest::keyClick(search, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(hits->text(), QStringLiteral("2 of 2"));
        QCOMPARE(finished.count(), 2); // stepping does not search again

        search->clear();
        QTest::keyClicks(search, QStringLiteral("nothing like it"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, kTimeout);
        QCOMPARE(hits->text(), QStringLiteral("No matches"));
    }

    void searchReachesPastTheFirstChunk()
    {
        QByteArray text = "[";
        for (int i = 0; i < 5000; ++i)
            text +=
                (i ? "," : "") + QByteArray(i == 2200 ? R"({"n": 2200, "tag": "zebra"})"
                                                      : R"({"n": )" + QByteArray::number(i) + "}");
        text += "]";
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        view.setDocument(parsed(text));
        const QModelIndex root = view.model()->index(0, 0);
        QVERIFY(view.model()->rowCount(root) > 0);
        QVERIFY(view.model()->rowCount(root) <= 2200); // loaded lazily, not up to the hit
        QSignalSpy finished(&view, &gui::JsonView::searchFinished);
        auto *search = part<QLineEdit>(view, "jsonSearch");
        QTest::keyClicks(search, QStringLiteral("zebra"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        QCOMPARE(pointerOf(view.tree()->currentIndex()), QStringLiteral("/2200/tag"));
        QVERIFY(view.model()->rowCount(root) > 2200);
        QVERIFY(view.model()->rowCount(root) < 5000); // chunks up to it, not the rest
    }

    void expandAllOnlyForSmallNodes()
    {
        QByteArray text = "{\"small\": {\"a\": {\"b\": [1, {\"c\": 2}]}}, \"huge\": [";
        for (int i = 0; i < 3000; ++i)
            text += QByteArray(i ? "," : "") + "[" + QByteArray::number(i) + "]";
        text += "]}";
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        view.setDocument(parsed(text));
        Model *model = view.model();
        const QModelIndex root = model->index(0, 0);
        const QModelIndex small = model->index(0, 0, root);
        const QModelIndex huge = model->index(1, 0, root);
        QCOMPARE(small.data().toString(), QStringLiteral("small"));
        QCOMPARE(huge.data().toString(), QStringLiteral("huge"));
        auto actionTexts = [&view](const QModelIndex &index) {
            std::unique_ptr<QMenu> menu(view.createContextMenu(index));
            QStringList texts;
            for (QAction *action : menu->actions())
                texts << action->text();
            return texts;
        };

        // 6000 descendants: only one level at a time.
        const QStringList hugeMenu = actionTexts(huge);
        QVERIFY2(hugeMenu.contains(QStringLiteral("Expand one level")),
                 qPrintable(hugeMenu.join(u',')));
        QVERIFY(!hugeMenu.contains(QStringLiteral("Expand all below")));
        QVERIFY(hugeMenu.contains(QStringLiteral("Copy value")));

        std::unique_ptr<QMenu> menu(view.createContextMenu(small));
        QAction *expandAll = nullptr;
        for (QAction *action : menu->actions())
            if (action->text() == QStringLiteral("Expand all below"))
                expandAll = action;
        QVERIFY(expandAll);
        expandAll->trigger();
        const QModelIndex deepest = model->indexForChildPath({0, 0, 0, 1});
        QCOMPARE(deepest.data(Model::PathRole).toString(), QStringLiteral("/small/a/b/1"));
        for (QModelIndex p = deepest; p.isValid(); p = p.parent())
            QVERIFY2(view.tree()->isExpanded(p), qPrintable(p.data(Model::PathRole).toString()));
        QVERIFY(!view.tree()->isExpanded(huge));
        // A scalar row offers the copy actions only.
        const QModelIndex scalar = model->index(0, 0, deepest);
        QCOMPARE(scalar.data(Model::PathRole).toString(), QStringLiteral("/small/a/b/1/c"));
        const QStringList scalarMenu = actionTexts(scalar);
        QVERIFY(scalarMenu.contains(QStringLiteral("Copy JSON Pointer")));
        QVERIFY(!scalarMenu.contains(QStringLiteral("Collapse")));
    }

    void copyValueAndPaths()
    {
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const QByteArray obj =
            R"({"x": 1.50, "s": "a\u0041", "big": 123456789012345678901234567890})";
        view.setDocument(parsed("{\"obj\": " + obj + "}"));
        QTreeView *tree = view.tree();
        const QModelIndex root = view.model()->index(0, 0);
        const QModelIndex objRow = view.model()->index(0, 0, root);
        QCOMPARE(objRow.data().toString(), QStringLiteral("obj"));
        tree->setCurrentIndex(objRow);
        tree->setFocus();
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->setText(QStringLiteral("before"));
        QCOMPARE(clipboard->text(), QStringLiteral("before")); // the offscreen clipboard works

        // Ctrl+C on the tree: the value's text exactly as stored, not its display.
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), QString::fromUtf8(obj));

        view.model()->fetchMore(objRow);
        const QModelIndex big = view.model()->index(2, 0, objRow);
        QCOMPARE(big.data().toString(), QStringLiteral("big"));
        tree->setCurrentIndex(big);
        view.copyValue();
        QCOMPARE(clipboard->text(), QStringLiteral("123456789012345678901234567890"));
        view.copyPointer();
        QCOMPARE(clipboard->text(), QStringLiteral("/obj/big"));
        view.copyPath();
        QCOMPARE(clipboard->text(),
                 json::toJsonPath({json::PathStep::ofKey(QStringLiteral("obj")),
                                   json::PathStep::ofKey(QStringLiteral("big"))}));
        QVERIFY(clipboard->text().startsWith(u'$'));

        // Ctrl+F from the tree goes to the search field.
        auto *search = part<QLineEdit>(view, "jsonSearch");
        QVERIFY(!search->hasFocus());
        QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
    }

    void invalidTextPointsAtTheError()
    {
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        // Line 2, column 8 in code points: the emoji is one code point, two UTF-16 units
        // and four bytes, so each count differs.
        const QString text = QStringLiteral("{\"a\": 1,\n \"k\U0001F600\": ]}");
        view.setRawText(text.toUtf8(), QStringLiteral("broken.json"));
        auto *error = part<QLabel>(view, "parseError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("line 2")), qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("column 8")), qPrintable(error->text()));
        QCOMPARE(view.model()->rowCount(), 0);
        auto *edit = part<QPlainTextEdit>(view, "jsonText");
        QVERIFY(edit->isVisible());
        QCOMPARE(edit->toPlainText(), text);
        QCOMPARE(edit->textCursor().position(), int(text.indexOf(u']')));
        QCOMPARE(edit->extraSelections().size(), 2);

        // A valid document afterwards clears the error and brings the tree back.
        view.setRawText("[1]", QStringLiteral("fixed.json"));
        QVERIFY(!error->isVisible());
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(part<QTabWidget>(view, "jsonTabs")->currentIndex(), 0); // back to the tree
    }

    void bigInvalidTextShowsTheErrorWindow()
    {
        // 3 MB, parsed on the worker; the error is past the first chunk of text.
        QByteArray text = "[\n";
        while (text.size() < 3 * 1024 * 1024)
            text += "  {\"name\": \"\u00e9t\u00e9 ship\", \"note\": \"été\"},\n";
        text += "  #\n]";
        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        QSignalSpy shown(&view, &gui::JsonView::documentShown);
        view.setRawText(text, QStringLiteral("big-broken.json"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeout);
        auto *error = part<QLabel>(view, "parseError");
        QVERIFY(error->isVisible());
        const int line = int(text.count('\n'));
        QVERIFY2(error->text().contains(QStringLiteral("line %1,").arg(line)),
                 qPrintable(error->text()));
        QVERIFY2(error->text().contains(QStringLiteral("column 3")), qPrintable(error->text()));
        auto *edit = part<QPlainTextEdit>(view, "jsonText");
        QVERIFY(part<QLabel>(view, "textNotice")->isVisible()); // not from byte 0
        QVERIFY(edit->toPlainText().size() < text.size());
        QCOMPARE(edit->document()->characterAt(edit->textCursor().position()), QChar(u'#'));
    }

    void bigTextComesInChunks()
    {
        // Over 1 MB compact, so each chunk is formatted on the worker; about 4 MB pretty.
        QByteArray text = "[";
        for (int i = 0; i < 80000; ++i)
            text += QByteArray(i ? "," : "") + "{\"id\":" + QByteArray::number(i) + ",\"v\":[1,2]}";
        text += "]";
        const json::Document doc = parsed(text);
        QVERIFY(doc.isValid());
        QVERIFY(text.size() > 1024 * 1024);
        const QString full = QString::fromUtf8(json::pretty(doc, doc.root()));
        qInfo("pretty text: %lld characters", qlonglong(full.size()));
        QVERIFY(full.size() > 2 * gui::JsonTextPane::kChunkBytes);

        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        view.setDocument(doc);
        auto *edit = part<QPlainTextEdit>(view, "jsonText");
        auto *more = part<QPushButton>(view, "showMore");
        part<QTabWidget>(view, "jsonTabs")->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(more->isVisible() && more->isEnabled(), kTimeout);
        const QString first = edit->toPlainText();
        QVERIFY(first.size() <= gui::JsonTextPane::kChunkBytes + 1024);
        QVERIFY(full.startsWith(first));
        int clicks = 0;
        while (more->isVisible()) {
            QTest::mouseClick(more, Qt::LeftButton);
            ++clicks;
            QTRY_VERIFY_WITH_TIMEOUT(more->isEnabled(), kTimeout);
            QVERIFY(full.startsWith(edit->toPlainText()));
            QVERIFY(clicks < 10);
        }
        QVERIFY(clicks >= 2);
        QCOMPARE(edit->toPlainText(), full);
    }

    void fiftyMegabytesShowTopLevel()
    {
        QByteArray text;
        text.reserve(52 * 1024 * 1024);
        text += "{\"generated\": true, \"rows\": [";
        const QByteArray padding(180, 'x');
        for (int i = 0; text.size() < 50 * 1024 * 1024; ++i)
            text += QByteArray(i ? "," : "") + "{\"id\": " + QByteArray::number(i) +
                    ", \"name\": \"ship-" + QByteArray::number(i) +
                    "\", \"fuel\": 12.50, \"pad\": \"" + padding + "\"}";
        text += "], \"tail\": 1}";
        qInfo("document: %.1f MB", text.size() / 1048576.0);

        gui::JsonView view;
        view.resize(900, 600);
        view.show();
        QElapsedTimer clock;
        clock.start();
        view.setRawText(text, QStringLiteral("big.json"));
        const qint64 returned = clock.elapsed();
        Model *model = view.model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1 && model->rowCount(model->index(0, 0)) == 3,
                                 300000);
        qInfo("setRawText returned after %lld ms; top level shown after %lld ms", returned,
              clock.elapsed());
        const QModelIndex root = model->index(0, 0);
        QCOMPARE(model->index(2, 0, root).data().toString(), QStringLiteral("tail"));
        const QModelIndex rows = model->index(1, 0, root);
        QVERIFY(model->rowCount(rows) <= Model::kChunk); // nothing eager below
        QVERIFY(part<QPlainTextEdit>(view, "jsonText")->toPlainText().isEmpty());
        QVERIFY(!part<QLabel>(view, "parseError")->isVisible());

        // Search: Escape stops a running search and its result never lands; hits are
        // capped.
        QSignalSpy finished(&view, &gui::JsonView::searchFinished);
        auto *search = part<QLineEdit>(view, "jsonSearch");
        auto *hits = part<QLabel>(view, "searchHits");
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("ship-"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(hits->text(), QStringLiteral("Searching…"));
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(hits->text(), QStringLiteral("Search stopped"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 300000);
        QCOMPARE(finished.count(), 0);
        clock.restart();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        qInfo("search to the hit cap took %lld ms", clock.elapsed());
        QCOMPARE(finished.at(0).at(0).toInt(), gui::JsonView::kMaxHits);
        QCOMPARE(hits->text(), QStringLiteral("1 of %1+").arg(gui::JsonView::kMaxHits));
        QCOMPARE(pointerOf(view.tree()->currentIndex()), QStringLiteral("/rows/0/name"));
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestJsonView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_jsonview.moc"
