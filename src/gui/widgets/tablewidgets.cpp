#include "gui/widgets/tablewidgets.h"

#include "core/browse/rows.h"

#include <QComboBox>
#include <QEvent>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTableWidget>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace statescope::gui {

void RowOpeningView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid() && activate) {
        activate(currentIndex().row());
        return;
    }
    QTableView::keyPressEvent(event);
}

QTableWidget *readOnlyTable(QWidget *parent, const QString &objectName, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    fitHeaderTitles(t->horizontalHeader());
    return t;
}

void fitHeaderTitles(QHeaderView *header)
{
    for (int v = 0; v + 1 < header->count(); ++v) {
        const int s = header->logicalIndex(v);
        if (!header->isSectionHidden(s) && header->sectionSize(s) < header->sectionSizeHint(s))
            header->resizeSection(s, header->sectionSizeHint(s));
    }
}

QHeaderView *columnsOf(const QAbstractItemView *view)
{
    if (auto *table = qobject_cast<const QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<const QTreeView *>(view))
        return tree->header();
    return nullptr;
}

namespace {

// Fits a view's columns the first time it is shown (measured hidden, a view asks every row:
// a lazy grid would read them all).
class FitWhenShown : public QObject
{
public:
    FitWhenShown(QAbstractItemView *view, int cap, Fit fit) : QObject(view), m_view(view), m_cap(cap), m_fit(fit)
    {
        view->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_view && event->type() == QEvent::Show) {
            m_view->removeEventFilter(this);
            m_view->setProperty("statescopeFitPending", false);
            QTimer::singleShot(0, m_view, [view = m_view, cap = m_cap, fit = m_fit] { fitColumns(view, cap, fit); });
            deleteLater();
        }
        return false;
    }

private:
    QAbstractItemView *m_view;
    int m_cap;
    Fit m_fit;
};

} // namespace

void fitColumns(QAbstractItemView *view, int cap, Fit fit)
{
    QHeaderView *h = columnsOf(view);
    if (!h || !view->model() || h->count() == 0)
        return;
    if (!view->isVisible()) {
        if (!view->property("statescopeFitPending").toBool()) {
            view->setProperty("statescopeFitPending", true);
            new FitWhenShown(view, cap, fit);
        }
        return;
    }
    // The rows in sight only: a lazy grid is not made to read rows to be measured.
    h->setResizeContentsPrecision(0);
    if (auto *table = qobject_cast<QTableView *>(view))
        table->verticalHeader()->setResizeContentsPrecision(0);
    const int last = h->logicalIndex(h->count() - 1);
    for (int v = 0; v < h->count(); ++v) {
        const int s = h->logicalIndex(v);
        if (h->isSectionHidden(s) || (h->stretchLastSection() && s == last))
            continue;
        const int want = std::clamp(std::max(view->sizeHintForColumn(s), h->sectionSizeHint(s)), h->minimumSectionSize(),
                                    std::max(cap, h->minimumSectionSize()));
        if (fit == Fit::Exact || want > h->sectionSize(s))
            h->resizeSection(s, want);
    }
    // A stretched last column keeps the size it had before it stretched as its least (the
    // header's default, 100 px): a short list scrolled sideways for a "Size" of 55 px. A
    // narrower content lowers that least; a longer one keeps it (cut, with its tooltip).
    if (fit == Fit::Exact && h->stretchLastSection() && !h->isSectionHidden(last)) {
        const int want = std::max({view->sizeHintForColumn(last), h->sectionSizeHint(last), h->minimumSectionSize()});
        if (want >= h->defaultSectionSize())
            return;
        h->setStretchLastSection(false);
        h->resizeSection(last, want);
        h->setStretchLastSection(true);
    }
}

void fitRefreshedColumns(QAbstractItemView *view, int cap)
{
    if (!view->model() || view->model()->rowCount() == 0)
        return;
    const bool first = !view->property("statescopeFitted").toBool();
    fitColumns(view, cap, first ? Fit::Exact : Fit::Grow);
    view->setProperty("statescopeFitted", true);
}

void fitColumnsOnNewRows(QAbstractItemView *view, int cap)
{
    QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const auto fit = [view, cap] {
        QTimer::singleShot(0, view, [view, cap] { fitColumns(view, cap); });
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, [view, model, fit, cap](const QModelIndex &parent, int first, int last) {
        if (parent.isValid())
            return;
        if (first == 0 && last + 1 == model->rowCount())
            return fit(); // the first rows
        // A page more (a count grown from "9" to "19986"): only wider, never under the person.
        QTimer::singleShot(0, view, [view, cap] { fitColumns(view, cap, Fit::Grow); });
    });
    if (model->rowCount() > 0)
        fit();
}

void setRowTexts(QTableWidget *table, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        item->setToolTip(cells[c]);
        table->setItem(row, c, item);
    }
}

void addFilterOps(QComboBox *box)
{
    using browse::Filter;
    for (const auto &[op, label] : std::initializer_list<std::pair<Filter::Op, QString>>{
             {Filter::Op::Equals, QStringLiteral("=")},
             {Filter::Op::NotEquals, QStringLiteral("≠")},
             {Filter::Op::Less, QStringLiteral("<")},
             {Filter::Op::LessOrEqual, QStringLiteral("≤")},
             {Filter::Op::Greater, QStringLiteral(">")},
             {Filter::Op::GreaterOrEqual, QStringLiteral("≥")},
             {Filter::Op::Contains, QCoreApplication::translate("statescope::gui::TablesPane", "contains")},
             {Filter::Op::IsNull, QCoreApplication::translate("statescope::gui::TablesPane", "is NULL")},
             {Filter::Op::IsNotNull, QCoreApplication::translate("statescope::gui::TablesPane", "is not NULL")}})
        box->addItem(label, int(op));
}

} // namespace statescope::gui
