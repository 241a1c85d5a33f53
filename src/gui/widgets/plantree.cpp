#include "gui/widgets/plantree.h"

#include "models/ink.h"

#include "core/browse/console.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTreeWidget>

#include <cmath>

namespace statescope::gui {

void addPlanNode(QTreeWidget *tree, QTreeWidgetItem *parent, const browse::PlanNode &n)
{
    // Row counts as whole numbers where they are (estimates always are), in the user's locale.
    const auto figure = [](double v) {
        return v == std::floor(v) && std::abs(v) < 1e15 ? QLocale().toString(qint64(v)) : QLocale().toString(v, 'f', 2);
    };
    const QString rows = n.analyzed ? QCoreApplication::translate("PlanTree", "%1 of %2 estimated, %3 loops")
                                          .arg(figure(n.actualRows), figure(n.planRows), figure(n.loops))
                                    : QCoreApplication::translate("PlanTree", "%1 estimated").arg(figure(n.planRows));
    const QString cost = n.analyzed ? QStringLiteral("%1 ms").arg(QLocale().toString(n.actualTotalMs, 'f', 3))
                                    : QStringLiteral("%1..%2").arg(QLocale().toString(n.startupCost, 'f', 2),
                                                                   QLocale().toString(n.totalCost, 'f', 2));
    const QString self = n.analyzed ? QStringLiteral("%1 ms").arg(QLocale().toString(n.self, 'f', 3))
                                    : QLocale().toString(n.self, 'f', 2);
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, n.type);
    item->setText(1, n.detail);
    item->setText(2, rows);
    item->setText(3, cost);
    item->setText(4, self);
    item->setToolTip(1, n.detail);
    if (n.costliest) {
        QFont bold = item->font(0);
        bold.setBold(true);
        for (int c = 0; c < 5; ++c) {
            item->setFont(c, bold);
            style::setInk(item, c, models::ink::Meaning::Danger);
        }
        item->setText(0, QCoreApplication::translate("PlanTree", "%1  ◀ costliest").arg(n.type));
        item->setData(0, Qt::UserRole, true);
    }
    for (const browse::PlanNode &c : n.children)
        addPlanNode(tree, item, c);
}

} // namespace statescope::gui
