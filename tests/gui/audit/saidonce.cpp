// The audit's checks of what is said once and whole (issue 62): a sentence shown twice in one
// window, a placeholder cut in its field, a short list that scrolls sideways, a chart's
// legend with a name elided.

#include "gui/audit/uiaudit.h"

#include "gui/audit/audithelpers.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMainWindow>
#include <QStatusBar>
#include <QScrollBar>
#include <QStyleOptionFrame>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

namespace statescope::test::audit {

using namespace detail;

void Audit::saidOnce(QWidget *window)
{
    // The same sentence in two places of one window: Compare weeks > Rows gave its summary
    // above the grid and again in the dialog's status line below it. A person reads both
    // to find what differs. Short texts ("Week:", "none") repeat by right.
    QHash<QString, const QLabel *> seen;
    for (const QLabel *l : window->findChildren<QLabel *>()) {
        if (!shown(l, window))
            continue;
        const QString text = plain(l->text()).simplified();
        if (text.size() < 30)
            continue;
        ++m_looked;
        if (const QLabel *other = seen.value(text); other && other != l)
            add(QStringLiteral("twice"), l, QStringLiteral("\"%1\" also shown by %2").arg(sample(text), pathOf(other)));
        seen.insert(text, l);
    }
}

void Audit::placeholders(QWidget *window)
{
    // A field's hint cut where it ends ("Show rows contai", "Redis des Spiels, z. B.
    // redis://127.0.0."): its end is what says what to type.
    for (QLineEdit *e : window->findChildren<QLineEdit *>()) {
        if (!shown(e, window) || !e->text().isEmpty() || e->placeholderText().isEmpty())
            continue;
        ++m_looked;
        QStyleOptionFrame o;
        o.initFrom(e);
        o.rect = e->rect();
        o.lineWidth = e->hasFrame() ? e->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &o, e) : 0;
        const QMargins margins = e->textMargins();
        int icons = 0; // a field's own buttons (clear, search) beside its text
        for (const QToolButton *b : e->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly))
            if (b->isVisibleTo(e))
                icons += b->width();
        const int room = e->style()->subElementRect(QStyle::SE_LineEditContents, &o, e).width() - margins.left()
                         - margins.right() - 4 - icons; // QLineEdit's own horizontal margin, both sides
        const int need = e->fontMetrics().horizontalAdvance(e->placeholderText());
        if (need > room + 1)
            add(QStringLiteral("cut"), e, QStringLiteral("placeholder \"%1\" (%2 px for the text, needs %3)")
                                               .arg(sample(e->placeholderText())).arg(room).arg(need));
    }
}

void Audit::shortListsWhole(QWidget *window)
{
    // A list of a few columns (snapshots by tick, time and date; materialized views by name,
    // refresh and size) that scrolls sideways: its last column read "E" for "Erstellt am", its
    // sizes "16.(". A grid of a table's rows may scroll; a pane's own short list is laid out
    // to show what it lists.
    for (QAbstractItemView *v : window->findChildren<QAbstractItemView *>()) {
        if (!shown(v, window) || !v->model() || qobject_cast<const models::RowGridModel *>(v->model()))
            continue;
        const QHeaderView *h = nullptr;
        if (auto *table = qobject_cast<QTableView *>(v))
            h = table->horizontalHeader();
        else if (auto *tree = qobject_cast<QTreeView *>(v))
            h = tree->header();
        if (!h || !h->isVisible() || h->count() - h->hiddenSectionCount() > 5 || v->model()->rowCount() == 0)
            continue;
        ++m_looked;
        const int over = h->length() - h->viewport()->width();
        if (v->horizontalScrollBar()->maximum() > 0 && over > 8)
            add(QStringLiteral("cut"), v, QStringLiteral("a list of %1 columns scrolls sideways (%2 px of %3 out of sight)")
                                               .arg(h->count() - h->hiddenSectionCount()).arg(over).arg(h->length()));
    }
}

void Audit::legends(QWidget *window)
{
    // A series' name elided in a chart's legend ("/systems…aypoints"): which line is which is
    // what a legend is for.
    for (QChartView *v : window->findChildren<QChartView *>()) {
        if (!shown(v, window) || !v->chart() || !v->chart()->legend()->isVisible())
            continue;
        for (const QLegendMarker *m : v->chart()->legend()->markers()) {
            if (!m->isVisible())
                continue;
            ++m_looked;
            if (m->label().contains(QChar(0x2026)) || m->label().contains(QLatin1String("...")))
                add(QStringLiteral("cut"), v, QStringLiteral("legend \"%1\" (chart %2 px wide)").arg(m->label()).arg(v->width()));
        }
    }
}

void Audit::rowsInSight(QWidget *window)
{
    // A short list squeezed to a row or two beside a neighbour that has the room: the box
    // score's pitchers showed about two of a game's six. A list of a few rows shows at least
    // three of them (all, if it has fewer).
    for (QAbstractItemView *v : window->findChildren<QAbstractItemView *>()) {
        auto *table = qobject_cast<QTableView *>(v);
        if (!table || !shown(v, window) || !v->model() || qobject_cast<const models::RowGridModel *>(v->model()))
            continue;
        const int rows = v->model()->rowCount();
        if (rows < 2)
            continue;
        ++m_looked;
        int whole = 0;
        for (int r = 0; r < rows && whole < 3; ++r)
            if (!table->isRowHidden(r) && v->viewport()->rect().contains(v->visualRect(v->model()->index(r, 0))))
                ++whole;
        if (whole < std::min(rows, 3))
            add(QStringLiteral("cut"), v, QStringLiteral("a list of %1 rows shows %2 whole (%3 px high)").arg(rows).arg(whole).arg(v->height()));
    }
}

void Audit::statusBar(QWidget *window)
{
    // The main window's status bar says, in every pane, which database is shown and which
    // host answers: the host's text was there in some panes and gone in others.
    auto *main = qobject_cast<QMainWindow *>(window);
    if (!main || !main->statusBar()->isVisible())
        return;
    for (const char *name : {"statusLabel", "hostLabel"}) {
        if (!main->statusBar()->currentMessage().isEmpty() && qstrcmp(name, "statusLabel") == 0)
            continue; // a message of a few seconds stands in its place ("Admin mode on for …")
        const auto *label = main->statusBar()->findChild<QLabel *>(QLatin1String(name));
        ++m_looked;
        if (!label || !label->isVisible() || label->text().trimmed().isEmpty())
            add(QStringLiteral("message"), main->statusBar(), QStringLiteral("the status bar's %1 is empty or hidden").arg(QLatin1String(name)));
    }
}

} // namespace statescope::test::audit
