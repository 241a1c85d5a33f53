#include "gui/widgets/cuttexttips.h"

#include "gui/widgets/elidinglabel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QToolTip>

namespace statescope::gui {

namespace {

constexpr int kMaxTip = 2000; // a huge JSON value: its beginning

QString plainOf(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

QString cellText(QAbstractItemView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return {};
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString own = index.data(Qt::ToolTipRole).toString();
    if (text.trimmed().isEmpty() || plainOf(own).contains(text))
        return {};
    const QRect rect = view->visualRect(index);
    // A text longer than any screen is wider than its cell: not measured (a huge JSON value
    // must not make hovering slow).
    if (text.size() > kMaxTip)
        return own.isEmpty() ? text : text + QStringLiteral("\n\n") + plainOf(own);
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    option.rect = rect;
    const bool cut = view->itemDelegateForIndex(index)->sizeHint(option, index).width() > rect.width()
                     || text.contains(QLatin1Char('\n'));
    if (!cut)
        return {};
    // The cell's own tooltip says something else: the text first, then what it says.
    return own.isEmpty() ? text : text + QStringLiteral("\n\n") + plainOf(own);
}

QString headerText(QHeaderView *header, const QPoint &pos)
{
    const int section = header->logicalIndexAt(pos);
    if (section < 0 || !header->model())
        return {};
    const Qt::Orientation o = header->orientation();
    if (!header->model()->headerData(section, o, Qt::ToolTipRole).toString().isEmpty())
        return {};
    const QString text = header->model()->headerData(section, o).toString();
    if (text.isEmpty() || o != Qt::Horizontal)
        return {};
    int need = header->fontMetrics().horizontalAdvance(text)
               + 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    if (header->isSortIndicatorShown() && header->sortIndicatorSection() == section)
        need += header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    return need > header->sectionSize(section) ? text : QString();
}

} // namespace

void CutTextTips::install()
{
    static bool installed = false;
    if (installed || !qApp)
        return;
    installed = true;
    qApp->installEventFilter(new CutTextTips(qApp));
}

QString CutTextTips::cutTextAt(QWidget *w, const QPoint &pos)
{
    if (!w)
        return {};
    if (auto *view = qobject_cast<QAbstractItemView *>(w->parentWidget()); view && view->viewport() == w) {
        if (auto *header = qobject_cast<QHeaderView *>(view))
            return headerText(header, pos);
        return cellText(view, pos);
    }
    // A widget's own tooltip that does not hold its cut text: the text first, then the tooltip.
    const auto withOwn = [w](const QString &text) {
        const QString own = plainOf(w->toolTip());
        if (own.contains(text))
            return QString();
        return own.isEmpty() ? text : text + QStringLiteral("\n\n") + own;
    };
    if (auto *eliding = qobject_cast<ElidingLabel *>(w)) {
        return eliding->isElided() ? withOwn(eliding->text()) : QString();
    }
    if (auto *label = qobject_cast<QLabel *>(w)) {
        if (label->text().isEmpty())
            return {};
        const bool cut = label->wordWrap() ? label->heightForWidth(label->width()) > label->height()
                                           : label->sizeHint().width() > label->width();
        return cut ? withOwn(plainOf(label->text())) : QString();
    }
    if (auto *button = qobject_cast<QAbstractButton *>(w)) {
        if (button->text().isEmpty())
            return {};
        if (auto *tool = qobject_cast<QToolButton *>(button); tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
            return {};
        QString text = button->text();
        text.replace(QLatin1String("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&'));
        text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
        return button->sizeHint().width() > button->width() ? withOwn(text) : QString();
    }
    return {};
}

bool CutTextTips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip || !watched->isWidgetType())
        return false;
    auto *w = static_cast<QWidget *>(watched);
    auto *help = static_cast<QHelpEvent *>(event);
    QString text = cutTextAt(w, help->pos());
    if (text.isEmpty())
        return false;
    if (text.size() > kMaxTip)
        text = text.left(kMaxTip) + QStringLiteral("…");
    // Plain text, whatever it holds (a value may look like markup).
    QToolTip::showText(help->globalPos(), QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped()), w);
    return true;
}

} // namespace statescope::gui
