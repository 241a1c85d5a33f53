// The SQL editor's completion (issue 36): a word offered while typing is taken only when the
// person chose it; Enter after a typed word ends the line.

#include "gui/widgets/sqleditor.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QTest>

using namespace statescope;

class TestSqlEditor : public QObject
{
    Q_OBJECT

    static QAbstractItemView *popup(gui::SqlEditor &e) { return e.findChild<QCompleter *>()->popup(); }
    // Where a key goes: the open popup (as for a person typing), else the editor.
    static QWidget *keys(gui::SqlEditor &e)
    {
        return QApplication::activePopupWidget() ? QApplication::activePopupWidget() : static_cast<QWidget *>(&e);
    }

private slots:
    void enterAfterATypedWordEndsTheLine()
    {
        gui::SqlEditor editor;
        editor.setCompletions({QStringLiteral("description"), QStringLiteral("descriptor")});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setFocus();
        QTest::keyClicks(&editor, QStringLiteral("order by 2 desc"));
        QTRY_VERIFY(popup(editor)->isVisible()); // offered...
        QTest::keyClick(keys(editor), Qt::Key_Return);
        QTRY_VERIFY(!popup(editor)->isVisible());
        QCOMPARE(editor.toPlainText(), QStringLiteral("order by 2 desc\n")); // ...not taken
    }

    void tabOrDownAndEnterTakeTheWord()
    {
        gui::SqlEditor editor;
        editor.setCompletions({QStringLiteral("description")});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setFocus();
        QTest::keyClicks(&editor, QStringLiteral("select desc"));
        QTRY_VERIFY(popup(editor)->isVisible());
        QTest::keyClick(keys(editor), Qt::Key_Tab);
        QTRY_COMPARE(editor.toPlainText(), QStringLiteral("select description"));

        QTest::keyClicks(&editor, QStringLiteral(", desc"));
        QTRY_VERIFY(popup(editor)->isVisible());
        QTest::keyClick(keys(editor), Qt::Key_Down);
        QTest::keyClick(keys(editor), Qt::Key_Return);
        QTRY_COMPARE(editor.toPlainText(), QStringLiteral("select description, description"));
    }
};

QTEST_MAIN(TestSqlEditor)
#include "tst_sqleditor.moc"
