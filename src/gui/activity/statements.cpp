// The Activity pane's Statements tab: the top of pg_stat_statements, a generic plan of the
// selected statement, and their reset in admin mode.
#include "gui/activity/activitypane.h"

#include "core/browse/console.h"
#include "core/error.h"
#include "core/format.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/plantree.h"
#include "gui/widgets/style.h"
#include "gui/widgets/tablewidgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::activity;

// --- Statements -------------------------------------------------------------------------

QWidget *ActivityPane::buildStatements()
{
    auto *w = new QWidget(this);
    m_order = new QComboBox(w);
    m_order->setObjectName(QStringLiteral("statementOrder"));
    m_order->addItem(tr("Total time"), QStringLiteral("total"));
    m_order->addItem(tr("Mean time"), QStringLiteral("mean"));
    m_order->addItem(tr("Calls"), QStringLiteral("calls"));
    m_order->addItem(tr("Rows"), QStringLiteral("rows"));
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] {
        if (m_shown)
            refresh();
    });
    auto *orderLabel = new QLabel(tr("Top &by:"), w);
    orderLabel->setBuddy(m_order);
    m_genericPlan = new QPushButton(style::icon(QStringLiteral("view-list-tree")), tr("Generic plan"), w);
    m_genericPlan->setObjectName(QStringLiteral("genericPlan"));
    m_genericPlan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_genericPlan->setToolTip(tr("The plan of the selected statement with NULL for each parameter, made in its own "
                                 "database without running it (Ctrl+Shift+E)"));
    connect(m_genericPlan, &QPushButton::clicked, this, &ActivityPane::genericPlan);
    m_resetStatements = new QPushButton(tr("Reset statistics…"), w);
    m_resetStatements->setObjectName(QStringLiteral("resetStatements"));
    m_resetStatements->setToolTip(tr("Clear what pg_stat_statements has recorded on this server"));
    connect(m_resetStatements, &QPushButton::clicked, this, &ActivityPane::resetStatements);
    m_statementsNote = new QLabel(w);
    m_statementsNote->setObjectName(QStringLiteral("statementsNote"));
    m_statementsNote->setTextFormat(Qt::PlainText);
    m_statementsNote->setWordWrap(true);
    m_statementsNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statements = makeTable(w, QStringLiteral("statementList"),
                             {tr("Calls"), tr("Total (ms)"), tr("Mean (ms)"), tr("Min (ms)"), tr("Max (ms)"),
                              tr("Stddev (ms)"), tr("Rows"), tr("Database"), tr("Query")});
    connect(m_statements, &QTableWidget::currentCellChanged, this, [this] {
        showStatementText();
        updateActions();
    });

    m_statementText = new QPlainTextEdit(w);
    m_statementText->setObjectName(QStringLiteral("statementText"));
    m_statementText->setReadOnly(true);
    m_planTree = new QTreeWidget(w);
    m_planTree->setObjectName(QStringLiteral("planTree"));
    m_planTree->setHeaderLabels({tr("Node"), tr("Detail"), tr("Rows"), tr("Cost"), tr("Self cost")});
    m_planText = new QPlainTextEdit(w);
    m_planText->setObjectName(QStringLiteral("planText"));
    m_planText->setReadOnly(true);
    m_planText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_statementDetail = new QTabWidget(w);
    m_statementDetail->setObjectName(QStringLiteral("statementDetail"));
    m_statementDetail->addTab(m_statementText, tr("Statement"));
    m_statementDetail->addTab(m_planTree, tr("Generic plan"));
    m_statementDetail->addTab(m_planText, tr("Plan (JSON)"));

    auto *top = new QHBoxLayout;
    top->addWidget(orderLabel);
    top->addWidget(m_order);
    top->addStretch(1);
    top->addWidget(m_genericPlan);
    top->addWidget(m_resetStatements);
    auto *split = new QSplitter(Qt::Vertical, w);
    split->addWidget(m_statements);
    split->addWidget(m_statementDetail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(top);
    layout->addWidget(m_statementsNote);
    layout->addWidget(split, 1);
    return w;
}

void ActivityPane::loadStatements()
{
    const pg::ConnectionSettings here = databaseSettings();
    const pg::ConnectionSettings server = *m_server;
    const QString database = m_database;
    const QString order = m_order->currentData().toString();
    const int generation = m_generation;
    m_runner->start<StatementsLoad>(
        tr("Reading the statements"),
        [here, server, database, order](TaskContext &ctx) {
            StatementsLoad l;
            {
                auto conn = pg::Connection::open(here, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
                l.report = Activity::statements(*conn, order, 50, database);
                l.source = here;
                l.readIn = conn->database();
            }
            // The extension is often created in the server's own database only: its view there
            // lists the statements of every database, this one's too.
            if (!l.report.available && !database.isEmpty()) {
                auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
                if (conn->database() != l.readIn) {
                    const StatementReport there = Activity::statements(*conn, order, 50, database);
                    if (there.available) {
                        l.firstProblem = l.report.problem;
                        l.report = there;
                        l.source = server;
                        l.readIn = conn->database();
                    }
                }
            }
            return l;
        },
        [this, generation](const Outcome<StatementsLoad> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_statementsLoad = r.value();
            showStatements();
            markRefreshed(tr("Statements"));
        });
}

void ActivityPane::showStatements()
{
    const int at = m_statements->currentRow();
    const QTableWidgetItem *was = at >= 0 ? m_statements->item(at, 0) : nullptr;
    const QString keep = was ? was->data(KeyRole).toString() : QString();
    const QSignalBlocker block(m_statements);
    m_statements->setRowCount(0);
    if (!m_statementsLoad) {
        m_statementsNote->clear();
        updateActions();
        return;
    }
    const StatementsLoad &l = *m_statementsLoad;
    const StatementReport &r = l.report;
    QStringList note;
    if (!r.available)
        note << r.problem;
    else if (!l.firstProblem.isEmpty())
        note << tr("Read in %1 (%2)").arg(l.readIn, l.firstProblem);
    else if (r.statements.isEmpty())
        note << tr("No statement recorded yet.");
    note << tr("PostgreSQL 15's pg_stat_statements keeps no percentiles: where p99 would be, the mean and the max "
               "are shown; a mean above %1 ms is marked.")
                .arg(number(m_thresholds.statementMeanMs));
    m_statementsNote->setText(note.join(QLatin1Char('\n')));
    m_statements->setRowCount(int(r.statements.size()));
    int again = -1;
    for (int row = 0; row < r.statements.size(); ++row) {
        const Statement &s = r.statements[row];
        QTableWidgetItem *calls = cell(QLocale().toString(s.calls), double(s.calls));
        calls->setData(KeyRole, s.queryId);
        m_statements->setItem(row, 0, calls);
        m_statements->setItem(row, 1, cell(number(s.totalMs, 1), s.totalMs));
        m_statements->setItem(row, 2, cell(number(s.meanMs, 2), s.meanMs));
        m_statements->setItem(row, 3, cell(number(s.minMs, 2), s.minMs));
        m_statements->setItem(row, 4, cell(number(s.maxMs, 2), s.maxMs));
        m_statements->setItem(row, 5, cell(number(s.stddevMs, 2), s.stddevMs));
        m_statements->setItem(row, 6, cell(QLocale().toString(s.rows), double(s.rows)));
        m_statements->setItem(row, 7, cell(s.database));
        QTableWidgetItem *query = cell(s.query.simplified().left(300));
        query->setToolTip(s.query);
        m_statements->setItem(row, 8, query);
        if (s.meanMs > m_thresholds.statementMeanMs)
            mark(m_statements, row,
                 tr("Mean %1 ms, above the threshold of %2 ms (PostgreSQL 15 has no p99: the mean stands in for "
                    "it); the slowest call took %3 ms.")
                     .arg(number(s.meanMs, 2), number(m_thresholds.statementMeanMs), number(s.maxMs, 2)));
        if (!keep.isEmpty() && s.queryId == keep)
            again = row;
    }
    fitRefreshedColumns(m_statements);
    if (again >= 0)
        m_statements->setCurrentCell(again, 0);
    updateActions();
}

void ActivityPane::showStatementText()
{
    const int row = m_statements->currentRow();
    if (!m_statementsLoad || row < 0 || row >= m_statementsLoad->report.statements.size())
        return;
    const Statement &s = m_statementsLoad->report.statements[row];
    m_statementText->setPlainText(tr("-- %1 in %2, as %3\n%4").arg(s.queryId, s.database, s.user, s.query));
    m_planTree->clear();
    m_planText->clear();
    m_statementDetail->setCurrentWidget(m_statementText);
}

void ActivityPane::genericPlan()
{
    const int row = m_statements->currentRow();
    if (!m_server || !m_statementsLoad || row < 0 || row >= m_statementsLoad->report.statements.size())
        return;
    const Statement s = m_statementsLoad->report.statements[row];
    const pg::ConnectionSettings there = s.database.isEmpty() ? *m_server : m_server->withDatabase(s.database);
    const int generation = m_generation;
    m_runner->start<QString>(
        tr("Planning a statement in %1").arg(there.database()),
        [there, query = s.query](TaskContext &ctx) {
            auto conn = pg::Connection::open(there, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::genericPlan(*conn, query);
        },
        [this, generation, id = s.queryId](const Outcome<QString> &r) {
            if (!current(generation))
                return;
            if (!r.ok()) {
                if (!r.cancelled())
                    m_banner->showError(r.error(), tr("Generic plan"));
                return;
            }
            // Another statement selected meanwhile: this plan is not its.
            const int now = m_statements->currentRow();
            if (!m_statementsLoad || now < 0 || now >= m_statementsLoad->report.statements.size()
                || m_statementsLoad->report.statements[now].queryId != id)
                return;
            m_planText->setPlainText(r.value());
            m_planTree->clear();
            try {
                addPlanNode(m_planTree, nullptr, browse::parsePlan(r.value().toUtf8()));
                m_planTree->expandAll();
                for (int c : {0, 2, 3, 4})
                    m_planTree->resizeColumnToContents(c);
                m_statementDetail->setCurrentWidget(m_planTree);
            } catch (const Error &) {
                m_statementDetail->setCurrentWidget(m_planText); // the text as the server gave it
            }
        });
}

void ActivityPane::resetStatements()
{
    if (!m_adminMode || !m_server || !m_statementsLoad || !m_statementsLoad->report.available)
        return;
    const pg::ConnectionSettings source = m_statementsLoad->source;
    const QString serverName = m_server->displayName();
    const QString title = tr("Reset statement statistics");
    const int generation = m_generation;
    m_runner->start<QString>(
        tr("Preparing: %1").arg(title),
        [source](TaskContext &ctx) {
            auto conn = pg::Connection::open(source, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return conn->database();
        },
        [this, source, serverName, title, generation](const Outcome<QString> &named) {
            if (!current(generation))
                return;
            if (!named.ok()) {
                if (!named.cancelled())
                    m_banner->showError(named.error(), title);
                return;
            }
            const QString expected = named.value();
            auto *dialog = new ConfirmDialog(
                title, tr("Reset pg_stat_statements on <b>%1</b>?").arg(serverName.toHtmlEscaped()),
                tr("<p>Every statement's calls, times and rows that pg_stat_statements recorded on this server are "
                   "cleared (pg_stat_statements_reset()), for every database, not only the one selected. The top "
                   "list starts again from nothing; what was slow before is no longer told apart.</p>"),
                expected, false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setReasonRequired(true);
            connect(dialog, &QDialog::accepted, this, [this, dialog, source, expected, title, generation] {
                if (!m_adminMode || !current(generation)) {
                    m_banner->showWarning(tr("Admin mode or the server changed: nothing was reset."), title);
                    return;
                }
                const QString reason = dialog->reason();
                m_runner->start<Done>(
                    title,
                    [source, expected, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(source, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
                        Activity::resetStatements(*conn, expected, reason);
                        return Done{};
                    },
                    [this, title](const Outcome<Done> &done) {
                        if (done.ok())
                            m_banner->showSuccess(tr("The statement statistics were reset. Journalled."), title);
                        else if (!done.cancelled())
                            m_banner->showError(done.error(), title);
                        refresh();
                    });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
