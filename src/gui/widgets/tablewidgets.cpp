#include "gui/widgets/tablewidgets.h"

#include "core/browse/rows.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTableWidget>

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
