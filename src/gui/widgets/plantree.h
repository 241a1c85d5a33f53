#pragma once

// A query plan (EXPLAIN, or EXPLAIN ANALYZE) as rows of a tree: node, detail, rows, cost and
// its own share, the costliest node marked. The SQL pane and the Activity pane's generic plan.

class QTreeWidget;
class QTreeWidgetItem;

namespace statescope::browse {
struct PlanNode;
}

namespace statescope::gui {

// Adds n (under parent, or at the top of tree) with its children; five columns. The
// costliest node carries Qt::UserRole true in column 0.
void addPlanNode(QTreeWidget *tree, QTreeWidgetItem *parent, const browse::PlanNode &n);

} // namespace statescope::gui
