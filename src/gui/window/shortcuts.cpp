// Help > Keyboard shortcuts: the list is read off the window's actions, buttons and the
// panes' named QShortcuts, so it cannot drift from what the keys do.
#include "gui/window/mainwindow.h"

#include "gui/widgets/style.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace statescope::gui {

QList<QStringList> MainWindow::shortcutList() const
{
    auto clean = [](QString text) {
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        return text.remove(QStringLiteral("…")).remove(QStringLiteral("...")).trimmed();
    };
    // The pane a key belongs to, by the pane's own tab title (every pane, new ones too).
    // Up the object parents, not the widget ones: a pane's menu is a window of its own.
    auto where = [this, clean](const QObject *o) {
        for (const QObject *p = o; p; p = p->parent())
            for (int i = 0; i < m_tabs->count(); ++i)
                if (m_tabs->widget(i) == p)
                    return clean(m_tabs->tabText(i));
        return tr("Window");
    };
    QList<QStringList> rows;
    for (const QAction *a : findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts())
            if (!k.isEmpty() && !a->text().isEmpty())
                rows.append({clean(a->text()), k.toString(QKeySequence::NativeText), where(a)});
    }
    for (const QAbstractButton *b : findChildren<QAbstractButton *>()) {
        if (!b->shortcut().isEmpty() && !b->text().isEmpty())
            rows.append({clean(b->text()), b->shortcut().toString(QKeySequence::NativeText), where(b)});
    }
    // The panes' own keys (playback, diff): QShortcuts that say what they do.
    for (const QShortcut *s : findChildren<QShortcut *>()) {
        if (!s->key().isEmpty() && !s->whatsThis().isEmpty())
            rows.append({s->whatsThis(), s->key().toString(QKeySequence::NativeText), where(s)});
    }
    // The window's own first, then each pane's, each by name.
    const QString window = tr("Window");
    std::sort(rows.begin(), rows.end(), [&window](const QStringList &a, const QStringList &b) {
        return std::make_tuple(a[2] != window, a[2], a[0]) < std::make_tuple(b[2] != window, b[2], b[0]);
    });
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    const QList<QStringList> rows = shortcutList();
    auto *table = new QTableWidget(int(rows.size()), 3, dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys"), tr("Where")});
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < 3; ++c)
            table->setItem(r, c, new QTableWidgetItem(rows[r][c]));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->resizeColumnToContents(1);
    // In the list's own order (the window's, then each pane's, by name) until a header is
    // clicked: Qt's default indicator would sort the first column Z to A.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    style::uniformRows(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(560, 520);
    dialog->open();
}

} // namespace statescope::gui
