#pragma once

// States the GUI audit brings the app into, as a person would: a statement typed with a word
// still offered for completion, a week's tables opened in the server tree, a document large
// enough to take a while to lay out, the user guide's window open.

#include "gui/audit/auditrun.h"
#include "gui/widgets/sqleditor.h"
#include "gui/window/guidewindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QByteArray>
#include <QCompleter>
#include <QTreeView>

namespace statescope::test::auditrun {

// Help > User guide triggered: its window once shown (null when the guide is not found or the
// window did not open).
inline QWidget *openGuide(QWidget *window)
{
    auto *action = window->findChild<QAction *>(QStringLiteral("guideAction"));
    if (!action || gui::GuideWindow::locate().isEmpty())
        return nullptr;
    action->trigger();
    QWidget *guide = nullptr;
    if (!QTest::qWaitFor([&] { return (guide = window->findChild<QWidget *>(QStringLiteral("guideWindow"))) && guide->isVisible(); },
                         kTimeout))
        return nullptr;
    settle(guide);
    return guide;
}

// Types `text` into the editor, then waits until its last word is offered for completion
// (the names read from the catalog first).
inline void typeWithAnOffer(gui::SqlEditor *editor, const QString &text)
{
    QTRY_VERIFY_WITH_TIMEOUT(editor->completer()->model() && editor->completer()->model()->rowCount() > 0, kTimeout);
    editor->clear();
    editor->setFocus();
    QTest::keyClicks(editor, text);
    QTRY_VERIFY(editor->completer()->popup()->isVisible());
}

// Opens `week` in the tree and each of its schemas, once the schemas are read.
inline void openTables(QTreeView *tree, const QModelIndex &week)
{
    QVERIFY(week.isValid());
    tree->expand(week);
    QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount(week) > 0, kTimeout);
    for (int r = 0; r < tree->model()->rowCount(week); ++r)
        tree->expand(tree->model()->index(r, 0, week));
}

// A JSON array of `count` ships (150,000: about 9 MB).
inline QByteArray manyShips(int count)
{
    QByteArray big = "[";
    for (int i = 0; i < count; ++i)
        big += "{\"symbol\": \"SHIP-" + QByteArray::number(i) + "\", \"fuel\": {\"current\": 400, \"capacity\": 400}},";
    big.back() = ']';
    return big;
}

} // namespace statescope::test::auditrun
