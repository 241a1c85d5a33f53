#include "gui/widgets/roomfor.h"

#include "gui/widgets/tablewidgets.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStyleOptionFrame>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace statescope::gui {

int placeholderWidth(const QLineEdit *edit, int cap)
{
    QStyleOptionFrame o;
    o.initFrom(edit);
    o.rect = QRect(0, 0, 1000, edit->sizeHint().height());
    o.lineWidth = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &o, edit) : 0;
    const int frame = 1000 - edit->style()->subElementRect(QStyle::SE_LineEditContents, &o, edit).width();
    int icons = 0;
    for (const QToolButton *b : edit->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly))
        if (b->isVisibleTo(edit))
            icons += b->width();
    const QMargins m = edit->textMargins();
    // QLineEdit keeps 2 px of its own on each side of the text.
    const int need = edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 4 + m.left() + m.right() + frame + icons + 2;
    return std::min(need, cap);
}

namespace {

class PlaceholderRoom : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish || event->type() == QEvent::Show)
            if (auto *e = qobject_cast<QLineEdit *>(watched); e && !e->placeholderText().isEmpty()) {
                const int need = placeholderWidth(e);
                if (e->minimumWidth() < need)
                    e->setMinimumWidth(need);
            }
        return false;
    }
};

class ListRoom : public QObject
{
public:
    ListRoom(QSplitter *split, QAbstractItemView *list, double share)
        : QObject(list), m_split(split), m_list(list), m_share(share)
    {
        connect(split, &QSplitter::splitterMoved, this, [this] { m_moved = true; });
        if (QHeaderView *h = header())
            connect(h, &QHeaderView::sectionResized, this, &ListRoom::later);
        if (QAbstractItemModel *model = list->model()) {
            connect(model, &QAbstractItemModel::modelReset, this, &ListRoom::later);
            connect(model, &QAbstractItemModel::rowsInserted, this, &ListRoom::later);
            connect(model, &QAbstractItemModel::layoutChanged, this, &ListRoom::later);
        }
        split->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_split && (event->type() == QEvent::Show || event->type() == QEvent::Resize))
            later();
        return false;
    }

private:
    QHeaderView *header() const { return columnsOf(m_list); }

    void later()
    {
        if (m_pending || m_moved)
            return;
        m_pending = true;
        QTimer::singleShot(0, this, [this] {
            m_pending = false;
            apply();
        });
    }

    // Across: what the columns ask, each as it is, a stretched last one as its cells and title.
    int widthNeed(QHeaderView *h, QWidget *side) const
    {
        int columns = 0;
        const int last = h->logicalIndex(h->count() - 1);
        for (int v = 0; v < h->count(); ++v) {
            const int s = h->logicalIndex(v);
            if (h->isSectionHidden(s))
                continue;
            columns += h->stretchLastSection() && s == last
                           ? std::max({m_list->sizeHintForColumn(s), h->sectionSizeHint(s), h->minimumSectionSize()})
                           : h->sectionSize(s);
        }
        // The frame, and a vertical scroll bar when there is one.
        const int chrome = m_list->width() - m_list->viewport()->width();
        return side->width() + (columns + chrome + 2 - m_list->width());
    }

    // Down: every row (a table's), its header, its frame, and a scroll bar across if any.
    int heightNeed(QWidget *side) const
    {
        auto *table = qobject_cast<QTableView *>(m_list);
        if (!table)
            return 0;
        const int rows = table->verticalHeader()->length();
        const int chrome = m_list->height() - m_list->viewport()->height();
        return side->height() + (rows + chrome + 2 - m_list->height());
    }

    void apply()
    {
        QHeaderView *h = header();
        if (m_moved || !h || !m_split->isVisible() || !m_list->model())
            return;
        QWidget *side = m_list;
        while (side && side->parentWidget() != m_split)
            side = side->parentWidget();
        const int index = side ? m_split->indexOf(side) : -1;
        if (index < 0)
            return;
        const int sideNeed = m_split->orientation() == Qt::Vertical ? heightNeed(side) : widthNeed(h, side);
        QList<int> sizes = m_split->sizes();
        int total = 0;
        for (int s : sizes)
            total += s;
        const int want = std::min(sideNeed, int(total * m_share));
        if (want <= sizes[index])
            return;
        int widest = -1;
        for (int i = 0; i < sizes.size(); ++i)
            if (i != index && (widest < 0 || sizes[i] > sizes[widest]))
                widest = i;
        if (widest < 0)
            return;
        const int grow = std::min(want - sizes[index], sizes[widest] - 100);
        if (grow <= 0)
            return;
        sizes[index] += grow;
        sizes[widest] -= grow;
        m_split->setSizes(sizes);
    }

    QSplitter *m_split;
    QAbstractItemView *m_list;
    double m_share;
    bool m_moved = false;
    bool m_pending = false;
};

} // namespace

void installPlaceholderRoom()
{
    static PlaceholderRoom *filter = nullptr;
    if (!filter && qApp) {
        filter = new PlaceholderRoom(qApp);
        qApp->installEventFilter(filter);
    }
}

void roomForList(QSplitter *split, QAbstractItemView *list, double share)
{
    new ListRoom(split, list, share);
}

} // namespace statescope::gui
