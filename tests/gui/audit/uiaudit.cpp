#include "gui/audit/uiaudit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAction>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QShortcut>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionSpinBox>
#include <QTabBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextLayout>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>

#include <algorithm>
#include <cmath>

namespace statescope::test::audit {

namespace {

constexpr double kMinimumContrast = 4.5;
constexpr int kRowsPerView = 60;

// Shown now: visible, in this window, with an area.
bool shown(const QWidget *w, const QWidget *window)
{
    return w->isVisible() && w->window() == window && w->width() > 0 && w->height() > 0;
}

// Inside a scroll area's viewport (scrolled, so clipping there is the point).
bool scrolled(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget())
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget()); area && area->viewport() == p)
            return true;
    return false;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// What a tooltip must hold to give a cut text whole: all of it, or for a long text its
// beginning (a long JSON value's tooltip shows a part of it).
bool holds(const QString &tip, const QString &text)
{
    const QString t = plain(tip).simplified();
    const QString want = text.simplified();
    if (want.isEmpty())
        return true;
    return t.contains(want.left(want.size() > 200 ? 60 : want.size()));
}

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor over(const QColor &top, const QColor &below)
{
    if (top.alpha() == 255)
        return top;
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + below.redF() * (1 - a)), float(top.greenF() * a + below.greenF() * (1 - a)),
                            float(top.blueF() * a + below.blueF() * (1 - a)));
}

// The colour a widget's text stands on: its own fill, or the nearest ancestor's.
QColor backgroundOf(const QWidget *w)
{
    static const QRegularExpression sheet(QStringLiteral("background(?:-color)?\\s*:\\s*(#[0-9a-fA-F]{3,8}|[a-z]+)"));
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        // A style sheet's background (a banner, the admin bar) is what the text stands on.
        if (const QRegularExpressionMatch m = sheet.match(p->styleSheet()); m.hasMatch() && QColor(m.captured(1)).isValid())
            return QColor(m.captured(1));
        if (p->autoFillBackground() || p->isWindow())
            return p->palette().color(p->backgroundRole());
    }
    return w->palette().color(QPalette::Window);
}

// What hovering `w` at `at` shows as a tooltip, the way a resting mouse asks for it.
QString tipAt(QWidget *w, const QPoint &at)
{
    QToolTip::hideText();
    QHelpEvent help(QEvent::ToolTip, at, w->mapToGlobal(at));
    QCoreApplication::sendEvent(w, &help);
    const QString tip = QToolTip::isVisible() ? QToolTip::text() : QString();
    QToolTip::hideText();
    return tip;
}

QString sample(const QString &text)
{
    const QString s = text.simplified();
    return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
}

} // namespace

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
    cutLabelsAndButtons(window);
    views(window);
    documents(window);
    labelContrast(window);
    shortcuts(window);
    words(window);
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

void Audit::cutLabelsAndButtons(QWidget *window)
{
    for (QLabel *l : window->findChildren<QLabel *>()) {
        if (!shown(l, window) || l->text().isEmpty())
            continue;
        ++m_looked;
        const QString text = plain(l->text());
        bool cut = false;
        if (l->wordWrap())
            cut = l->heightForWidth(l->contentsRect().width() + l->margin() * 2) > l->height() + 1;
        else
            cut = l->sizeHint().width() > l->width() + 1;
        if (cut && !holds(tipAt(l, l->rect().center()), text))
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

void Audit::views(QWidget *window)
{
    for (QAbstractItemView *v : window->findChildren<QAbstractItemView *>())
        if (shown(v, window) && v->model())
            view(v);
}

void Audit::view(QAbstractItemView *v)
{
    QAbstractItemModel *model = v->model();
    // Headers: a cut title has its whole text as the header's tooltip.
    if (auto *h = v->findChild<QHeaderView *>(); h && h->isVisible() && h->orientation() == Qt::Horizontal) {
        const int margin = h->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, h);
        for (int s = 0; s < h->count(); ++s) {
            if (h->isSectionHidden(s) || h->sectionViewportPosition(s) >= h->viewport()->width())
                continue;
            const QString text = model->headerData(s, Qt::Horizontal).toString();
            if (text.isEmpty())
                continue;
            ++m_looked;
            int need = h->fontMetrics().horizontalAdvance(text) + 2 * margin;
            if (h->isSortIndicatorShown() && h->sortIndicatorSection() == s)
                need += h->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, h);
            const QPoint at(h->sectionViewportPosition(s) + h->sectionSize(s) / 2, h->height() / 2);
            if (need > h->sectionSize(s) + 1 && !holds(tipAt(h->viewport(), at), text))
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
}

void Audit::documents(QWidget *window)
{
    QList<QPair<QWidget *, QTextDocument *>> docs;
    for (QTextEdit *e : window->findChildren<QTextEdit *>())
        if (shown(e, window))
            docs.append({e, e->document()});
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
}

void Audit::shortcuts(QWidget *window)
{
    struct Key
    {
        QKeySequence keys;
        QString what;
        Qt::ShortcutContext context;
        const QWidget *owner;
    };
    QList<Key> keys;
    const auto mnemonic = [](const QString &text) -> QKeySequence {
        for (int i = 0; i + 1 < text.size(); ++i) {
            if (text[i] != QLatin1Char('&'))
                continue;
            if (text[i + 1] == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return QKeySequence(QStringLiteral("Alt+") + text[i + 1].toUpper());
        }
        return {};
    };
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || !a->isEnabled() || !a->isVisible())
            continue;
        // Reachable: on a widget of this window that is shown, or in the menu bar.
        const QWidget *owner = nullptr;
        for (QObject *o : a->associatedObjects()) {
            auto *w = qobject_cast<QWidget *>(o);
            if (w && (shown(w, window) || (qobject_cast<QMenu *>(w) && a->shortcutContext() != Qt::WidgetShortcut))) {
                owner = qobject_cast<QMenu *>(w) ? window : w;
                break;
            }
        }
        if (!owner)
            continue;
        for (const QKeySequence &k : a->shortcuts())
            keys.append({k, withoutMnemonic(a->text()), a->shortcutContext(), owner});
    }
    for (QShortcut *s : window->findChildren<QShortcut *>()) {
        auto *w = qobject_cast<QWidget *>(s->parent());
        if (!s->isEnabled() || s->key().isEmpty() || !w || !shown(w, window))
            continue;
        keys.append({s->key(), s->whatsThis().isEmpty() ? pathOf(s) : s->whatsThis(), s->context(), w});
    }
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (shown(b, window) && b->isEnabled()) {
            if (const QKeySequence k = mnemonic(b->text()); !k.isEmpty())
                keys.append({k, withoutMnemonic(b->text()), Qt::WindowShortcut, b});
            if (!b->shortcut().isEmpty() && mnemonic(b->text()) != b->shortcut())
                keys.append({b->shortcut(), withoutMnemonic(b->text()), Qt::WindowShortcut, b});
        }
    for (QLabel *l : window->findChildren<QLabel *>())
        if (shown(l, window) && l->buddy() && l->buddy()->isEnabled())
            if (const QKeySequence k = mnemonic(l->text()); !k.isEmpty())
                keys.append({k, withoutMnemonic(plain(l->text())), Qt::WindowShortcut, l});
    for (QGroupBox *g : window->findChildren<QGroupBox *>())
        if (shown(g, window))
            if (const QKeySequence k = mnemonic(g->title()); !k.isEmpty())
                keys.append({k, withoutMnemonic(g->title()), Qt::WindowShortcut, g});
    for (QTabBar *bar : window->findChildren<QTabBar *>())
        if (shown(bar, window))
            for (int i = 0; i < bar->count(); ++i)
                if (const QKeySequence k = mnemonic(bar->tabText(i)); !k.isEmpty() && bar->isTabEnabled(i))
                    keys.append({k, withoutMnemonic(bar->tabText(i)), Qt::WindowShortcut, bar});
    if (auto *main = qobject_cast<QMainWindow *>(window); main && main->menuBar()->isVisible())
        for (QAction *a : main->menuBar()->actions())
            if (const QKeySequence k = mnemonic(a->text()); !k.isEmpty())
                keys.append({k, withoutMnemonic(a->text()), Qt::WindowShortcut, main->menuBar()});
    m_looked += int(keys.size());

    // For each place the focus can be, the keys that answer there must differ.
    QSet<QString> said;
    QList<const QWidget *> focusable{window};
    for (QWidget *w : window->findChildren<QWidget *>())
        if (shown(w, window) && w->focusPolicy() != Qt::NoFocus && w->isEnabled())
            focusable.append(w);
    for (const QWidget *f : std::as_const(focusable)) {
        QHash<QKeySequence, QString> active;
        for (const Key &k : std::as_const(keys)) {
            const bool on = k.context == Qt::WindowShortcut || k.context == Qt::ApplicationShortcut
                            || (k.context == Qt::WidgetShortcut && k.owner == f)
                            || (k.context == Qt::WidgetWithChildrenShortcut && (k.owner == f || k.owner->isAncestorOf(f)));
            if (!on)
                continue;
            if (active.contains(k.keys) && active.value(k.keys) != k.what) {
                const QString what = QStringLiteral("%1 is both \"%2\" and \"%3\"")
                                         .arg(k.keys.toString(QKeySequence::NativeText), active.value(k.keys), k.what);
                if (!said.contains(what)) {
                    said.insert(what);
                    add(QStringLiteral("shortcut"), f, what);
                }
            }
            active.insert(k.keys, k.what);
        }
    }
}

void Audit::words(QWidget *window)
{
    QList<QPair<const QWidget *, QString>> texts;
    texts.append({window, window->windowTitle()});
    for (QLabel *l : window->findChildren<QLabel *>())
        if (shown(l, window))
            texts.append({l, plain(l->text())});
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (shown(b, window))
            texts.append({b, withoutMnemonic(b->text())});
    for (QGroupBox *g : window->findChildren<QGroupBox *>())
        if (shown(g, window))
            texts.append({g, withoutMnemonic(g->title())});
    for (QLineEdit *e : window->findChildren<QLineEdit *>())
        if (shown(e, window))
            texts.append({e, e->placeholderText()});
    for (QTabBar *bar : window->findChildren<QTabBar *>())
        if (shown(bar, window))
            for (int i = 0; i < bar->count(); ++i)
                texts.append({bar, withoutMnemonic(bar->tabText(i))});
    for (QHeaderView *h : window->findChildren<QHeaderView *>())
        if (shown(h, window) && h->model() && h->orientation() == Qt::Horizontal)
            for (int s = 0; s < h->count(); ++s) {
                // A column of the data ("type", "player_id") is the data's word, not ours.
                const QString title = h->model()->headerData(s, Qt::Horizontal).toString();
                static const QRegularExpression column(QStringLiteral("^[a-z_][a-z0-9_]*$"));
                if (!column.match(title).hasMatch())
                    texts.append({h, title});
            }

    // English words a German screen has no reason to show (data, names and numbers aside).
    static const QSet<QString> english{
        QStringLiteral("the"),      QStringLiteral("and"),     QStringLiteral("of"),      QStringLiteral("with"),
        QStringLiteral("from"),     QStringLiteral("detected"), QStringLiteral("rows"),   QStringLiteral("row"),
        QStringLiteral("running"),  QStringLiteral("waiting"), QStringLiteral("done"),    QStringLiteral("failed"),
        QStringLiteral("none"),     QStringLiteral("week"),    QStringLiteral("weeks"),   QStringLiteral("not"),
        QStringLiteral("is"),       QStringLiteral("are"),     QStringLiteral("this"),    QStringLiteral("that"),
        QStringLiteral("to"),       QStringLiteral("for"),     QStringLiteral("by"),      QStringLiteral("on"),
        QStringLiteral("at"),       QStringLiteral("or"),      QStringLiteral("bases"),   QStringLiteral("table"),
        QStringLiteral("tables"),   QStringLiteral("view"),    QStringLiteral("views"),   QStringLiteral("loading"),
        QStringLiteral("database"), QStringLiteral("only"),  QStringLiteral("changed"), QStringLiteral("added"),
        QStringLiteral("removed"),  QStringLiteral("error"),   QStringLiteral("select"),  QStringLiteral("show"),
        QStringLiteral("open"),     QStringLiteral("close"),   QStringLiteral("run"),     QStringLiteral("stop"),
        QStringLiteral("sequence"), QStringLiteral("function"), QStringLiteral("indexes"),  QStringLiteral("partitioned"),
        QStringLiteral("estimate"), QStringLiteral("exactly"), QStringLiteral("count"),   QStringLiteral("game"),
        QStringLiteral("games"),    QStringLiteral("play"),    QStringLiteral("plays"),   QStringLiteral("value"),
        QStringLiteral("type"),     QStringLiteral("key"),     QStringLiteral("out")};
    static const QRegularExpression data(QStringLiteral("[_./{}@:=<>\\[\\]\"'0-9$\\\\|]"));
    for (const auto &[w, text] : std::as_const(texts)) {
        if (w->property("dataText").toBool())
            continue; // shows the data as the game wrote it
        if (text.contains(QLatin1String("(s)")))
            add(QStringLiteral("plural"), w, QStringLiteral("\"%1\"").arg(sample(text)));
        if (!m_german)
            continue;
        QStringList found;
        for (QString token : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
            if (token.contains(data) || (token.size() > 1 && token == token.toUpper()))
                continue; // data, names, numbers, SQL keywords and acronyms
            token.remove(QRegularExpression(QStringLiteral("[,;!?()…\\-–—]")));
            if (english.contains(token.toLower()))
                found << token;
        }
        if (!found.isEmpty())
            add(QStringLiteral("untranslated"), w,
                QStringLiteral("\"%1\" (%2)").arg(sample(text), found.join(QStringLiteral(", "))));
    }
}

} // namespace statescope::test::audit
