// The SQL pane's EXPLAIN and EXPLAIN ANALYZE: the plan as a tree with its costs, rows and timings.
#include "gui/console/consolepane.h"

#include "core/layout/catalog.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/plantree.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/sqlhighlighter.h"
#include "gui/widgets/style.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::browse;

void ConsolePane::explain(bool analyze)
{
    if (!m_db)
        return;
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty())
        return;
    settings::addConsoleHistory(historyKey(), statement);
    // What an earlier statement left (its error, its "Stopped") is not about this plan.
    m_banner->hide();
    m_stopAsked = false;
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    const int timeout = timeoutMs();
    // EXPLAIN ANALYZE runs the statement: a write only in admin mode, on a read-write
    // connection in a transaction that is always rolled back.
    const bool write = analyze && m_admin && classify(statement) == StatementKind::Command;
    m_jobs->start<PlanNode>(
        analyze ? tr("Explaining (analyze) the statement") : tr("Explaining the statement"),
        [db, statement, analyze, timeout, write](TaskContext &ctx) {
            auto conn = pg::Connection::open(write ? forWriting(db) : db,
                                             write ? pg::Connection::Access::ReadWrite : pg::Connection::Access::ReadOnly,
                                             &ctx.cancelToken());
            return Console::explain(*conn, statement, analyze, timeout, write);
        },
        [this, generation, analyze, db](const Outcome<PlanNode> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                if (r.error().sqlstate() == QLatin1String("25006"))
                    return m_banner->showMessage(
                        tr("EXPLAIN ANALYZE runs the statement, and it writes: switch on admin mode to analyze it "
                           "in a transaction that is rolled back."),
                        db.database());
                return m_banner->showError(r.error(), db.database());
            }
            auto *tree = new QTreeWidget(m_results);
            tree->setObjectName(QStringLiteral("planTree"));
            tree->setHeaderLabels({tr("Node"), tr("Detail"), tr("Rows"), analyze ? tr("Time") : tr("Cost"),
                                   analyze ? tr("Self time") : tr("Self cost")});
            style::uniformRows(tree); // before the items: the row height is measured once
            addPlanNode(tree, nullptr, r.value());
            tree->expandAll();
            for (int c : {0, 2, 3, 4})
                tree->resizeColumnToContents(c);
            tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
            const int tab = m_results->addTab(tree, analyze ? tr("Plan (analyze)") : tr("Plan"));
            m_results->setCurrentIndex(tab);
        });
}

} // namespace statescope::gui
