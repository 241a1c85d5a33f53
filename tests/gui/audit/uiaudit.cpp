#include "gui/audit/uiaudit.h"

#include "gui/audit/audithelpers.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/elidinglabel.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "models/rowgridmodel.h"

#include <QChartView>
#include <QGraphicsTextItem>
#include <QRegularExpression>
#include <QScrollBar>
#include <QHash>
#include <QImage>
#include <optional>
#include <QStackedLayout>

namespace statescope::test::audit {

using namespace detail;

QString Finding::line() const
{
    return QStringLiteral("[%1] %2: %3").arg(check, where, what);
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString pathOf(const QObject *o)
{
    QStringList parts;
    for (; o; o = o->parent()) {
        const QString name = o->objectName();
        if (!name.isEmpty() || !o->parent())
            parts.prepend(name.isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : name);
        else if (parts.isEmpty())
            parts.prepend(QString::fromLatin1(o->metaObject()->className()));
    }
    return parts.join(QLatin1Char('/'));
}

void Audit::add(const QString &check, const QWidget *w, const QString &what)
{
    Finding f{check, m_context + QStringLiteral(" | ") + pathOf(w), what};
    for (const Finding &seen : std::as_const(m_findings))
        if (seen.check == f.check && seen.what == f.what && seen.where.section(QLatin1Char('|'), 1) == f.where.section(QLatin1Char('|'), 1))
            return; // the same defect in another state of the same pane: once
    m_findings.append(f);
}

void Audit::check(QWidget *window, const QString &context)
{
    m_context = context;
    fits(window);
    inside(window);
    overlaps(window);
    cutLabelsAndButtons(window);
    charts(window);
    views(window);
    documents(window);
    labelContrast(window);
    shortcuts(window);
    disabledSaysWhy(window);
    words(window);
    saidOnce(window);
    placeholders(window);
    shortListsWhole(window);
    legends(window);
    rowsInSight(window);
    statusBar(window);
}

void Audit::running(QWidget *window, const QString &context)
{
    m_context = context;
    const QList<gui::ProgressPanel *> panels = window->findChildren<gui::ProgressPanel *>();
    const auto look = [&](const QObject *job, const QWidget *owner, const QString &what) {
        if (!owner || !shown(owner, window))
            return; // a pane out of sight: its work shows when it is shown
        ++m_looked;
        const gui::ProgressPanel *by = nullptr;
        for (const gui::ProgressPanel *p : panels)
            if (shown(p, window) && p->isShowing(job))
                by = p;
        if (!by)
            add(QStringLiteral("running"), owner, QStringLiteral("%1 runs and nothing in sight says so").arg(what));
        else if (by->elapsedText().isEmpty())
            add(QStringLiteral("running"), owner, QStringLiteral("%1 runs, shown without how long").arg(what));
        else if (!by->canCancel())
            add(QStringLiteral("running"), owner, QStringLiteral("%1 runs and its Cancel cannot be pressed").arg(what));
    };
    // An offer of the gesture that started the work (a completion popup when Ctrl+Enter ran
    // the statement) left open over it.
    // (A completer's list is a window of its own, no child of the one it serves.)
    for (const QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && w->windowType() == Qt::Popup)
            add(QStringLiteral("running"), w, QStringLiteral("a popup (%1) left open while work runs")
                                                  .arg(QString::fromLatin1(w->metaObject()->className())));
    for (const gui::JobRunner *r : window->findChildren<gui::JobRunner *>())
        if (r->isBusy())
            look(r, qobject_cast<const QWidget *>(r->parent()), QStringLiteral("a job of %1").arg(pathOf(r->parent())));
    for (const QAbstractItemView *v : window->findChildren<QAbstractItemView *>())
        if (const auto *grid = qobject_cast<const models::RowGridModel *>(v->model()); grid && grid->isLoading())
            look(grid, v, QStringLiteral("a statement reading into %1").arg(pathOf(v)));
}

void Audit::disabledSaysWhy(QWidget *window)
{
    // A button seen enabled and seen disabled, in any two states of the run, with the same
    // tooltip: disabled, it says what it would do, not why it cannot (Migrate, Undo last
    // rollback). A person hovering a greyed button asks why.
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
        if (!shown(b, window) || b->toolTip().isEmpty() || b->text().isEmpty())
            continue;
        ++m_looked;
        const QString path = pathOf(b);
        (b->isEnabled() ? m_enabledTip : m_disabledTip).insert(path, b->toolTip());
        if (m_enabledTip.value(path) == m_disabledTip.value(path) && m_enabledTip.contains(path) && m_disabledTip.contains(path))
            add(QStringLiteral("message"), b, QStringLiteral("button \"%1\" disabled with the tooltip it has enabled: \"%2\"")
                                                  .arg(withoutMnemonic(b->text()), sample(b->toolTip())));
    }
}

void Audit::fits(QWidget *window)
{
    ++m_looked;
    const QSize frame = window->frameGeometry().size().expandedTo(window->size());
    if (frame.width() > m_screen.width() || frame.height() > m_screen.height())
        add(QStringLiteral("fit"), window,
            QStringLiteral("%1x%2 on a %3x%4 screen").arg(frame.width()).arg(frame.height())
                .arg(m_screen.width()).arg(m_screen.height()));
    const QSize least = window->minimumSizeHint().expandedTo(window->minimumSize());
    if (least.width() > m_screen.width() || least.height() > m_screen.height()) {
        // What asks for the width: down the widest child at each level (hidden tabs too).
        QStringList chain;
        const QWidget *at = window;
        for (int depth = 0; depth < 40 && at; ++depth) {
            const QWidget *widest = nullptr;
            int most = 0;
            for (const QWidget *c : at->findChildren<const QWidget *>(Qt::FindDirectChildrenOnly)) {
                if (c->isWindow())
                    continue;
                const int w = std::max(c->minimumSizeHint().width(), c->minimumWidth());
                if (w > most) {
                    most = w;
                    widest = c;
                }
            }
            if (!widest || most < m_screen.width() / 3)
                break;
            chain << QStringLiteral("%1 %2").arg(widest->objectName().isEmpty() ? QString::fromLatin1(widest->metaObject()->className())
                                                                                  : widest->objectName())
                         .arg(most);
            at = widest;
        }
        add(QStringLiteral("fit"), window,
            QStringLiteral("cannot be made smaller than %1x%2 (%3)").arg(least.width()).arg(least.height())
                .arg(chain.join(QStringLiteral(" > "))));
    }
}

void Audit::inside(QWidget *window)
{
    const QRect area = window->rect().adjusted(-1, -1, 1, 1);
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!shown(w, window) || scrolled(w, window))
            continue;
        ++m_looked;
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!area.contains(r))
            add(QStringLiteral("outside"), w,
                QStringLiteral("at %1,%2 %3x%4, the window is %5x%6").arg(r.x()).arg(r.y()).arg(r.width())
                    .arg(r.height()).arg(window->width()).arg(window->height()));
    }
}

namespace {

// The widgets a layout places, through its nested layouts (not into child widgets).
void placedBy(QLayout *layout, QList<QWidget *> &out)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *w = item->widget())
            out << w;
        else if (QLayout *inner = item->layout())
            placedBy(inner, out);
    }
}

} // namespace

void Audit::overlaps(QWidget *window)
{
    // Two widgets one layout places drawn over each other: a window smaller than its layout
    // needs (a check box over the preview above it, a list over the label under it).
    QList<QWidget *> parents = window->findChildren<QWidget *>();
    parents.prepend(window);
    for (QWidget *p : std::as_const(parents)) {
        if (!p->layout() || (p != window && !shown(p, window)) || qobject_cast<QMainWindow *>(p)
            || qobject_cast<QStackedLayout *>(p->layout()))
            continue;
        QList<QWidget *> placed;
        placedBy(p->layout(), placed);
        placed.removeIf([window](QWidget *w) { return !shown(w, window); });
        for (qsizetype i = 0; i < placed.size(); ++i)
            for (qsizetype j = i + 1; j < placed.size(); ++j) {
                ++m_looked;
                const QRect both = placed[i]->geometry().intersected(placed[j]->geometry());
                if (both.width() > 2 && both.height() > 2)
                    add(QStringLiteral("overlap"), placed[i], QStringLiteral("over %1 by %2x%3 px (window %4x%5)")
                                                            .arg(pathOf(placed[j]).section(QLatin1Char('/'), -2))
                                                            .arg(both.width()).arg(both.height())
                                                            .arg(window->width()).arg(window->height()));
            }
    }
}

void Audit::cutLabelsAndButtons(QWidget *window)
{
    for (QLabel *l : window->findChildren<QLabel *>()) {
        if (!shown(l, window) || l->text().isEmpty())
            continue;
        ++m_looked;
        const QString text = plain(l->text());
        if (auto *eliding = qobject_cast<gui::ElidingLabel *>(l)) {
            // What it draws: each line within its width, the lines within its height.
            const QStringList lines = eliding->shownText().split(QLatin1Char('\n'));
            const QFontMetrics fm(eliding->font());
            const int room = eliding->contentsRect().width() - 2 * eliding->margin();
            for (const QString &line : lines)
                if (fm.horizontalAdvance(line) > room + 1)
                    add(QStringLiteral("cut"), l, QStringLiteral("elided line \"%1\" (%2 px wide, needs %3)")
                                                       .arg(sample(line)).arg(room).arg(fm.horizontalAdvance(line)));
            if (int(lines.size()) * fm.lineSpacing() > eliding->contentsRect().height() + 1)
                add(QStringLiteral("cut"), l, QStringLiteral("%1 elided lines in %2 px").arg(lines.size()).arg(eliding->height()));
            continue;
        }
        // A label cut with no sign of it: a tooltip holds the rest (CutTextTips), but nothing
        // on screen tells a person to look for it. Text that may be long is an ElidingLabel.
        bool cut = false;
        if (l->wordWrap())
            cut = l->heightForWidth(l->contentsRect().width() + l->margin() * 2) > l->height() + 1;
        else
            cut = l->sizeHint().width() > l->width() + 1;
        if (cut)
            add(QStringLiteral("cut"), l, QStringLiteral("label \"%1\" (%2 px wide, needs %3)")
                                               .arg(sample(text)).arg(l->width()).arg(l->sizeHint().width()));
    }
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
        if (!shown(b, window) || b->text().isEmpty())
            continue;
        if (auto *t = qobject_cast<QToolButton *>(b); t && t->toolButtonStyle() == Qt::ToolButtonIconOnly)
            continue;
        if (b->parentWidget() && qobject_cast<QTabBar *>(b->parentWidget()))
            continue; // a tab's close button
        ++m_looked;
        const QString text = withoutMnemonic(b->text());
        if (b->sizeHint().width() > b->width() + 1 && !holds(tipAt(b, b->rect().center()), text))
            add(QStringLiteral("cut"), b, QStringLiteral("button \"%1\" (%2 px wide, needs %3)")
                                               .arg(sample(text)).arg(b->width()).arg(b->sizeHint().width()));
    }
    // A combo box's or spin box's own text in the field its style leaves beside the arrows.
    const auto boxed = [&](QWidget *w, const QString &text, int room) {
        if (!shown(w, window) || text.isEmpty())
            return;
        ++m_looked;
        const int need = w->fontMetrics().horizontalAdvance(text) + 4;
        if (need > room + 1 && !holds(tipAt(w, w->rect().center()), text))
            add(QStringLiteral("cut"), w, QStringLiteral("box \"%1\" (%2 px for the text, needs %3)").arg(sample(text)).arg(room).arg(need));
    };
    for (QComboBox *c : window->findChildren<QComboBox *>()) {
        if (c->isEditable())
            continue;
        QStyleOptionComboBox o;
        o.initFrom(c);
        o.frame = c->hasFrame();
        o.subControls = QStyle::SC_All;
        o.currentText = c->currentText();
        boxed(c, c->currentText(), c->style()->subControlRect(QStyle::CC_ComboBox, &o, QStyle::SC_ComboBoxEditField, c).width());
    }
    for (QAbstractSpinBox *b : window->findChildren<QAbstractSpinBox *>()) {
        if (auto *d = qobject_cast<QDateTimeEdit *>(b); d && d->calendarPopup()) {
            // Drawn as a combo box (its arrow opens the calendar).
            QStyleOptionComboBox o;
            o.initFrom(d);
            o.frame = d->hasFrame();
            o.subControls = QStyle::SC_All;
            boxed(d, d->text(), d->style()->subControlRect(QStyle::CC_ComboBox, &o, QStyle::SC_ComboBoxEditField, d).width());
            continue;
        }
        QStyleOptionSpinBox o;
        o.initFrom(b);
        o.frame = b->hasFrame();
        o.buttonSymbols = b->buttonSymbols();
        o.subControls = QStyle::SC_SpinBoxFrame | QStyle::SC_SpinBoxEditField | QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown;
        boxed(b, b->text(), b->style()->subControlRect(QStyle::CC_SpinBox, &o, QStyle::SC_SpinBoxEditField, b).width());
    }
    for (QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!shown(bar, window))
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            ++m_looked;
            const QString text = withoutMnemonic(bar->tabText(i));
            if (text.isEmpty())
                continue;
            const int need = bar->fontMetrics().horizontalAdvance(text);
            const int room = bar->tabRect(i).width() - (bar->tabIcon(i).isNull() ? 0 : bar->iconSize().width())
                             - (bar->tabButton(i, QTabBar::RightSide) ? bar->tabButton(i, QTabBar::RightSide)->width() : 0);
            if (need > room && !holds(bar->tabToolTip(i), text))
                add(QStringLiteral("cut"), bar, QStringLiteral("tab \"%1\"").arg(sample(text)));
        }
    }
}

void Audit::charts(QWidget *window)
{
    // Qt Charts cuts an axis label, a title or an axis title that has no room to "...": the
    // time axis of a small chart read "2025-..." at every tick.
    for (QChartView *v : window->findChildren<QChartView *>()) {
        if (!shown(v, window) || !v->scene())
            continue;
        for (QGraphicsItem *item : v->scene()->items()) {
            auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            if (!text || !text->isVisible())
                continue;
            ++m_looked;
            const QString plain = text->toPlainText();
            if (plain.endsWith(QLatin1String("...")) || plain.endsWith(QChar(0x2026)))
                add(QStringLiteral("cut"), v, QStringLiteral("chart text \"%1\" (%2 px wide)").arg(sample(plain)).arg(v->width()));
            // A label centred on a tick near the plot's edge runs past the view, which cuts
            // it without "...": the last time label read "10:08:3".
            if (gui::ChartView::drawnPastView(v, text))
                add(QStringLiteral("outside"), v, QStringLiteral("chart text \"%1\" past the view's edge (%2 px wide)")
                                                      .arg(sample(plain)).arg(v->width()));
        }
    }
}

void Audit::views(QWidget *window)
{
    for (QAbstractItemView *v : window->findChildren<QAbstractItemView *>())
        if (shown(v, window) && v->model())
            view(v);
}

void Audit::view(QAbstractItemView *v)
{
    QAbstractItemModel *model = v->model();
    // Headers: a cut title has its whole text as the header's tooltip, and is cut only when
    // the view has no room for it: not while the stretched last section (or the space after
    // the last) holds more than the title lacks ("Rows (estimate)" cut to "Zeilen (gesch..."
    // beside a "Größe" of 450 px).
    // The view's own horizontal header: a table's first child header is its vertical one.
    QHeaderView *h = nullptr;
    if (auto *table = qobject_cast<QTableView *>(v))
        h = table->horizontalHeader();
    else if (auto *tree = qobject_cast<QTreeView *>(v))
        h = tree->header();
    if (h && h->isVisible()) {
        const int margin = h->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, h);
        const auto needOf = [&](int s) {
            int need = h->fontMetrics().horizontalAdvance(model->headerData(s, Qt::Horizontal).toString()) + 2 * margin;
            if (h->isSortIndicatorShown() && h->sortIndicatorSection() == s)
                need += h->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, h);
            return need;
        };
        int last = -1;
        for (int s = 0; s < h->count(); ++s)
            if (!h->isSectionHidden(h->logicalIndex(s)))
                last = h->logicalIndex(s);
        int room = std::max(0, h->viewport()->width() - h->length());
        if (last >= 0 && h->stretchLastSection())
            room += std::max(0, h->sectionSize(last) - needOf(last) - h->defaultSectionSize());
        for (int s = 0; s < h->count(); ++s) {
            if (h->isSectionHidden(s) || h->sectionViewportPosition(s) >= h->viewport()->width())
                continue;
            const QString text = model->headerData(s, Qt::Horizontal).toString();
            if (text.isEmpty())
                continue;
            ++m_looked;
            const int need = needOf(s);
            const QPoint at(h->sectionViewportPosition(s) + h->sectionSize(s) / 2, h->height() / 2);
            if (need <= h->sectionSize(s) + 1)
                continue;
            // The estimate of the sort arrow's room is the audit's, a few pixels off the
            // style's: the Sessions list's sorted "Transaction age" drew whole at 112 px where
            // 115 were estimated. A title short by more than that is cut.
            if (s != last && need - h->sectionSize(s) > 4 && need - h->sectionSize(s) <= room)
                add(QStringLiteral("cut"), v, QStringLiteral("header \"%1\" cut to %2 px (needs %3) while the view has %4 px to spare")
                                                   .arg(sample(text)).arg(h->sectionSize(s)).arg(need).arg(room));
            else if (!holds(tipAt(h->viewport(), at), text))
                add(QStringLiteral("cut"), v, QStringLiteral("header \"%1\" (%2 px, needs %3)")
                                                   .arg(sample(text)).arg(h->sectionSize(s)).arg(need));
        }
    }
    // Cells in view: cut text has a tooltip with all of it; text reads on its background.
    QWidget *port = v->viewport();
    const QColor base = v->palette().color(QPalette::Base);
    const QColor ink = v->palette().color(QPalette::Text);
    QModelIndex row = v->indexAt(QPoint(4, 4));
    if (!row.isValid() && model->rowCount() > 0)
        row = model->index(0, 0);
    QSet<QString> tips;
    QHash<int, QHash<QString, QString>> shownAs; // per column: text as drawn -> whole text
    const QHeaderView *header = nullptr;
    if (auto *table = qobject_cast<QTableView *>(v))
        header = table->horizontalHeader();
    else if (auto *tree = qobject_cast<QTreeView *>(v))
        header = tree->header();
    const bool namesItems = !header || !header->isVisible();
    // Per column shown: the most its cells ask for; and the cells drawn cut.
    QHash<int, int> needOf;
    QList<CutCell> cuts;
    for (int n = 0; row.isValid() && n < kRowsPerView; ++n) {
        const QRect rowRect = v->visualRect(row);
        if (rowRect.top() > port->height())
            break;
        for (int c = 0; c < model->columnCount(row.parent()); ++c) {
            const QModelIndex i = row.siblingAtColumn(c);
            const QRect r = v->visualRect(i);
            if (!r.isValid() || r.right() < 0 || r.left() > port->width() || v->indexWidget(i))
                continue;
            const QString text = i.data(Qt::DisplayRole).toString();
            if (text.trimmed().isEmpty())
                continue;
            ++m_looked;
            if (v->isEnabled() && (!v->selectionModel() || !v->selectionModel()->isSelected(i))) {
                const QVariant fgv = i.data(Qt::ForegroundRole), bgv = i.data(Qt::BackgroundRole);
                QColor bg = bgv.isValid() ? over(qvariant_cast<QBrush>(bgv).color(), base) : base;
                if (bgv.canConvert<QColor>() && !bgv.canConvert<QBrush>())
                    bg = over(bgv.value<QColor>(), base);
                QColor fg = fgv.isValid() ? over(qvariant_cast<QBrush>(fgv).color(), bg) : ink;
                if (fgv.isValid() && !i.flags().testFlag(Qt::ItemIsEnabled))
                    fg = ink;
                const double ratio = contrast(fg, bg);
                if (ratio < kMinimumContrast)
                    add(QStringLiteral("contrast"), v, QStringLiteral("cell \"%1\": %2 on %3, %4:1")
                                                            .arg(sample(text), fg.name(), bg.name())
                                                            .arg(ratio, 0, 'f', 1));
            }
            QStyleOptionViewItem option;
            option.initFrom(port);
            option.font = v->font();
            option.fontMetrics = v->fontMetrics();
            option.rect = r;
            const int need = v->itemDelegateForIndex(i)->sizeHint(option, i).width();
            // Items of a list without a header (the server tree, a list of names), where the
            // text alone names the item, that read alike once cut though they differ: the weeks
            // of a family in a narrow tree all read "spacetraders_2025_..." cut at the end. (In a
            // grid of values, other columns tell rows apart.)
            const int textRoom = r.width() - (need - v->fontMetrics().horizontalAdvance(text));
            const QString shownText = need <= r.width() + 1 ? text : v->fontMetrics().elidedText(text, v->textElideMode(), textRoom);
            const QString seen = shownAs[c].value(shownText);
            if (namesItems && !seen.isNull() && seen != text)
                add(QStringLiteral("alike"), v, QStringLiteral("cells \"%1\" and \"%2\" both read \"%3\"")
                                                     .arg(sample(seen), sample(text), shownText));
            shownAs[c].insert(shownText, text);
            needOf[c] = std::max(needOf.value(c), need);
            if (need > r.width() + 1 && cuts.size() < 200)
                cuts.append({c, r.width(), need, text});
            if (need <= r.width() + 1 || tips.size() > 20)
                continue;
            if (!holds(tipAt(port, r.center()), text))
                add(QStringLiteral("cut"), v, QStringLiteral("cell \"%1\" (%2 px, needs %3) with no tooltip holding it")
                                                   .arg(sample(text)).arg(r.width()).arg(need));
            tips.insert(text);
        }
        row = qobject_cast<QTreeView *>(v) ? static_cast<QTreeView *>(v)->indexBelow(row)
                                           : row.sibling(row.row() + 1, 0);
    }
    roomToSpare(v, header, needOf, cuts);
}

void Audit::roomToSpare(QAbstractItemView *v, const QHeaderView *header, const QHash<int, int> &needOf,
                        const QList<CutCell> &cuts)
{
    // Text cut beside room to spare: the JSON tree's keys cut to "…" in 75 px while the
    // value column beside them stretched over 500; a table's 160 px for a two-digit number
    // while the names beside it are cut. The room is what the view leaves after its last
    // column, and what each other column shown holds beyond the most its cells and title ask.
    // A time cut anywhere ("2025-01-13 02:0"): its width is known before a row is read, and
    // its end (the minutes, the seconds) is what tells two rows apart.
    static const QRegularExpression time(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d"));
    QSet<int> timeSaid;
    for (const CutCell &cut : cuts)
        if (time.match(cut.text).hasMatch() && !timeSaid.contains(cut.column)) {
            timeSaid.insert(cut.column);
            add(QStringLiteral("cut"), v, QStringLiteral("time \"%1\" cut to %2 px (needs %3)").arg(cut.text).arg(cut.width).arg(cut.need));
        }
    if (!header || !header->isVisible() || header->count() < 2)
        return;
    const QAbstractItemModel *model = v->model();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const auto titleNeed = [&](int s) {
        return header->fontMetrics().horizontalAdvance(model->headerData(s, Qt::Horizontal).toString()) + 2 * margin
               + (header->isSortIndicatorShown() ? header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) : 0);
    };
    const int slack = std::max(0, header->viewport()->width() - header->length());
    const auto spareOf = [&](int s) {
        return needOf.contains(s) ? std::max(0, header->sectionSize(s) - std::max(needOf.value(s), titleNeed(s)) - 12) : 0;
    };
    QSet<int> said;
    for (const auto &[column, width, need, text] : cuts) {
        if (said.contains(column))
            continue; // a column's first cut cell names it
        said.insert(column);
        int spare = slack;
        QString where = slack > 0 ? QStringLiteral("after the last column") : QString();
        for (int s = 0; s < header->count(); ++s)
            if (s != column && !header->isSectionHidden(s) && spareOf(s) > 0) {
                spare += spareOf(s);
                if (where.isEmpty())
                    where = QStringLiteral("in \"%1\"").arg(model->headerData(s, Qt::Horizontal).toString());
            }
        ++m_looked;
        const int short_ = need - width;
        if (short_ > 4 && short_ <= spare)
            add(QStringLiteral("cut"), v, QStringLiteral("cell \"%1\" of \"%2\" cut to %3 px (needs %4) while the view has %5 px to spare (%6)")
                                               .arg(sample(text), model->headerData(column, Qt::Horizontal).toString())
                                               .arg(width).arg(need).arg(spare).arg(where));
    }
    // A view that scrolls sideways, hiding columns, while a column shown is far wider than
    // what it holds (160 px for small integers: 4 of 35 columns in sight).
    if (v->horizontalScrollBar()->maximum() > 0)
        for (int s = 0; s < header->count(); ++s) {
            if (header->isSectionHidden(s) || !needOf.contains(s) || (header->stretchLastSection() && s == header->logicalIndex(header->count() - 1)))
                continue;
            ++m_looked;
            const int need = std::max(needOf.value(s), titleNeed(s));
            if (header->sectionSize(s) > 2 * need && header->sectionSize(s) - need > 60)
                add(QStringLiteral("cut"), v, QStringLiteral("column \"%1\" is %2 px for %3 px of content while the view scrolls sideways")
                                                   .arg(model->headerData(s, Qt::Horizontal).toString())
                                                   .arg(header->sectionSize(s)).arg(need));
        }
}

void Audit::documents(QWidget *window)
{
    QList<QPair<QWidget *, QTextDocument *>> docs;
    for (QTextEdit *e : window->findChildren<QTextEdit *>()) {
        if (!shown(e, window))
            continue;
        docs.append({e, e->document()});
        // A preview to read (a confirmation's statement) wider than its box: the part to the
        // right is seen only by scrolling sideways, easily never.
        ++m_looked;
        if (e->isReadOnly() && e->horizontalScrollBar()->maximum() > 0)
            add(QStringLiteral("cut"), e, QStringLiteral("text wider than its box by %1 px: \"%2\"")
                                               .arg(e->horizontalScrollBar()->maximum()).arg(sample(e->toPlainText())));
    }
    for (QPlainTextEdit *e : window->findChildren<QPlainTextEdit *>())
        if (shown(e, window))
            docs.append({e, e->document()});
    for (const auto &[w, doc] : docs) {
        const QColor base = w->palette().color(QPalette::Base);
        const QColor ink = w->palette().color(QPalette::Text);
        const auto look = [&](const QTextCharFormat &f, const QString &text) {
            if (text.trimmed().isEmpty())
                return;
            ++m_looked;
            const QColor bg = f.background().style() != Qt::NoBrush ? over(f.background().color(), base) : base;
            const QColor fg = f.foreground().style() != Qt::NoBrush ? over(f.foreground().color(), bg) : ink;
            const double ratio = contrast(fg, bg);
            if (ratio < kMinimumContrast)
                add(QStringLiteral("contrast"), w, QStringLiteral("text \"%1\": %2 on %3, %4:1")
                                                        .arg(sample(text), fg.name(), bg.name()).arg(ratio, 0, 'f', 1));
        };
        int blocks = 0;
        for (QTextBlock b = doc->begin(); b.isValid() && blocks < 400; b = b.next(), ++blocks) {
            for (auto it = b.begin(); !it.atEnd(); ++it)
                look(it.fragment().charFormat(), it.fragment().text());
            if (b.layout())
                for (const QTextLayout::FormatRange &r : b.layout()->formats())
                    look(r.format, b.text().mid(r.start, r.length));
        }
    }
}

void Audit::labelContrast(QWidget *window)
{
    for (QLabel *l : window->findChildren<QLabel *>()) {
        if (!shown(l, window) || l->text().trimmed().isEmpty() || !l->isEnabled())
            continue;
        ++m_looked;
        const QColor bg = backgroundOf(l);
        const QColor fg = l->palette().color(l->foregroundRole());
        double worst = contrast(fg, bg);
        QString what = fg.name();
        if (Qt::mightBeRichText(l->text())) {
            QTextDocument doc;
            doc.setHtml(l->text());
            for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat f = it.fragment().charFormat();
                    if (f.foreground().style() == Qt::NoBrush || it.fragment().text().trimmed().isEmpty())
                        continue;
                    const double r = contrast(f.foreground().color(), bg);
                    if (r < worst) {
                        worst = r;
                        what = f.foreground().color().name();
                    }
                }
        }
        if (worst < kMinimumContrast)
            add(QStringLiteral("contrast"), l, QStringLiteral("label \"%1\": %2 on %3, %4:1")
                                                   .arg(sample(plain(l->text())), what, bg.name()).arg(worst, 0, 'f', 1));
    }
    iconContrast(window);
}

void Audit::iconContrast(QWidget *window)
{
    // An icon is read by its strokes: their colour (the mean of its opaque pixels) against
    // what it stands on, 3:1 as WCAG asks of graphics. Disabled ones are dim on purpose.
    const auto strokes = [](const QIcon &icon) -> std::optional<QColor> {
        const QImage image = icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
        double r = 0, g = 0, b = 0;
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() < 200)
                    continue;
                r += c.redF();
                g += c.greenF();
                b += c.blueF();
                ++n;
            }
        if (n < 6)
            return std::nullopt;
        return QColor::fromRgbF(float(r / n), float(g / n), float(b / n));
    };
    const auto check = [&](QWidget *w, const QIcon &icon, const QString &name) {
        const std::optional<QColor> c = strokes(icon);
        if (!c)
            return;
        ++m_looked;
        const QColor bg = backgroundOf(w);
        if (const double r = contrast(*c, bg); r < 3.0)
            add(QStringLiteral("contrast"), w, QStringLiteral("icon of \"%1\": %2 on %3, %4:1")
                                                   .arg(sample(name), c->name(), bg.name()).arg(r, 0, 'f', 1));
    };
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (shown(b, window) && b->isEnabled() && !b->icon().isNull())
            check(b, b->icon(), b->text().isEmpty() ? b->toolTip() : withoutMnemonic(b->text()));
    for (QTabBar *bar : window->findChildren<QTabBar *>())
        if (shown(bar, window))
            for (int i = 0; i < bar->count(); ++i)
                if (bar->isTabEnabled(i) && !bar->tabIcon(i).isNull())
                    check(bar, bar->tabIcon(i), withoutMnemonic(bar->tabText(i)));
    // The crosses the style draws where a platform asks for them (a dialog's Close has one
    // under some desktops, none offscreen): a dark cross on a dark dialog's Close.
    for (const auto &[sp, name] : {std::pair{QStyle::SP_DialogCloseButton, "a dialog's Close"},
                                   std::pair{QStyle::SP_TabCloseButton, "a tab's close"},
                                   std::pair{QStyle::SP_LineEditClearButton, "a field's clear"}})
        check(window, window->style()->standardIcon(sp, nullptr, window), QString::fromLatin1(name));
}

} // namespace statescope::test::audit
