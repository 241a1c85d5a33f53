// The audit's keyboard and language checks: shortcuts and mnemonics that answer in one
// focus context, English on a German screen, "(s)" plurals.

#include "gui/audit/audithelpers.h"

#include <QAbstractItemView>
#include <QTextBrowser>

#include <algorithm>
#include <climits>
#include "gui/audit/uiaudit.h"

namespace statescope::test::audit {

using namespace detail;

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
    // A button shown disabled counts too: its key answers once it is enabled (Metrics'
    // "Refresh &view", enabled only in admin mode on a view, took the View menu's Alt+V).
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (shown(b, window)) {
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

bool Audit::isPlural(const QString &text) const
{
    // English "(s)", and in German "Zeile(n)", "Intervall(e)", "Partition(en)": a count that
    // knows its number says it in the form that number takes (%n).
    static const QRegularExpression german(QStringLiteral("\\p{Ll}\\((e|n|en|r|s)\\)"));
    const QString t = QString(text).remove(QLatin1String("http(s)"));
    return t.contains(QLatin1String("(s)")) || (m_german && german.match(t).hasMatch());
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

    // Cells that are one word of ours (a change's "added", an object's kind) rather than the
    // data's: the first rows of every list, table and tree shown.
    // A view whose columns from "dataColumnsFrom" on are the data's (a compare's rows beside
    // our word for the change) has only the columns before it looked at; a header's model is
    // its view's, looked at with the view.
    for (QAbstractItemView *v : window->findChildren<QAbstractItemView *>()) {
        if (!shown(v, window) || !v->model() || v->property("dataText").toBool() || qobject_cast<QHeaderView *>(v))
            continue;
        const QAbstractItemModel *m = v->model();
        const QVariant from = v->property("dataColumnsFrom");
        const auto cells = [&](const QModelIndex &parent, auto &&self, int depth) -> void {
            for (int r = 0; r < std::min(m->rowCount(parent), 40); ++r)
                for (int c = 0; c < std::min(m->columnCount(parent), from.isValid() ? from.toInt() : INT_MAX); ++c) {
                    const QModelIndex i = m->index(r, c, parent);
                    // A word and a number ("bottom 11", "play 3") is ours too: a number
                    // put beside its word.
                    static const QRegularExpression counted(QStringLiteral("^\\p{L}+ \\d+$"));
                    const QString t = i.data().toString();
                    if (!t.isEmpty() && (!t.contains(QLatin1Char(' ')) || counted.match(t).hasMatch()))
                        texts.append({v, t});
                    if (c == 0 && depth < 2 && m->hasChildren(i))
                        self(i, self, depth + 1);
                }
        };
        cells(QModelIndex(), cells, 0);
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
        QStringLiteral("type"),     QStringLiteral("key"),     QStringLiteral("out"),     QStringLiteral("top"),
        QStringLiteral("bottom")};
    // A preview's text (a confirmation's, a plan's) holds counts too; its SQL and names are
    // data, so only its plurals are checked.
    QList<QPair<const QWidget *, QString>> previews;
    for (QTextBrowser *b : window->findChildren<QTextBrowser *>())
        if (shown(b, window))
            previews.append({b, b->toPlainText()});
    static const QRegularExpression data(QStringLiteral("[_./{}@:=<>\\[\\]\"'0-9$\\\\|]"));
    for (const auto &[w, text] : std::as_const(previews))
        for (const QString &line : text.split(QLatin1Char('\n')))
            if (isPlural(line)) {
                add(QStringLiteral("plural"), w, QStringLiteral("\"%1\"").arg(sample(line)));
                break;
            }
    for (const auto &[w, text] : std::as_const(texts)) {
        if (w->property("dataText").toBool())
            continue; // shows the data as the game wrote it
        if (isPlural(text))
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
