// The Activity pane's Statements, Replication and Pools tabs.
#include "gui/activitypane.h"

#include "core/browse/console.h"
#include "core/error.h"
#include "core/format.h"
#include "core/pg/connection.h"
#include "gui/banner.h"
#include "gui/confirmdialog.h"
#include "gui/jobrunner.h"
#include "gui/style.h"

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

namespace {

void addPlanNode(QTreeWidgetItem *parent, QTreeWidget *tree, const browse::PlanNode &n)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, n.type);
    item->setText(1, n.detail);
    item->setToolTip(1, n.detail);
    item->setText(2, ActivityPane::tr("%L1 estimated").arg(n.planRows, 0, 'f', 0));
    item->setText(3, QStringLiteral("%1..%2").arg(QLocale().toString(n.startupCost, 'f', 2),
                                                   QLocale().toString(n.totalCost, 'f', 2)));
    item->setText(4, QLocale().toString(n.self, 'f', 2));
    if (n.costliest) {
        QFont bold = item->font(0);
        bold.setBold(true);
        for (int c = 0; c < 5; ++c) {
            item->setFont(c, bold);
            item->setForeground(c, style::toneColour(style::Tone::Danger));
        }
        item->setText(0, ActivityPane::tr("%1  ◀ costliest").arg(n.type));
    }
    for (const browse::PlanNode &c : n.children)
        addPlanNode(item, tree, c);
}

// SHOW STATS and SHOW CLIENTS as the console gives them: a column per field.
void fillRows(QTableWidget *table, const QList<QMap<QString, QString>> &rows)
{
    QStringList columns;
    QSet<QString> seen;
    for (const auto &row : rows)
        for (auto it = row.begin(); it != row.end(); ++it)
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                columns << it.key();
            }
    table->clear();
    table->setColumnCount(int(columns.size()));
    table->setHorizontalHeaderLabels(columns);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < columns.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(rows[r].value(columns[c])));
    table->resizeColumnsToContents();
}

} // namespace

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
                addPlanNode(nullptr, m_planTree, browse::parsePlan(r.value().toUtf8()));
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

// --- Replication ------------------------------------------------------------------------

QWidget *ActivityPane::buildReplication()
{
    auto *w = new QWidget(this);
    m_replicationNote = new QLabel(w);
    m_replicationNote->setObjectName(QStringLiteral("replicationNote"));
    m_replicationNote->setTextFormat(Qt::PlainText);
    m_replicationNote->setWordWrap(true);
    m_standbys = makeTable(w, QStringLiteral("standbyList"),
                           {tr("Standby"), tr("Client"), tr("State"), tr("Sync"), tr("Lag (bytes)"), tr("Lag")});
    m_slots = makeTable(w, QStringLiteral("slotList"),
                        {tr("Slot"), tr("Type"), tr("Database"), tr("Active"), tr("WAL status"), tr("WAL retained")});
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_replicationNote);
    layout->addWidget(new QLabel(tr("<b>Standbys</b>"), w));
    layout->addWidget(m_standbys, 1);
    layout->addWidget(new QLabel(tr("<b>Replication slots</b>"), w));
    layout->addWidget(m_slots, 1);
    return w;
}

void ActivityPane::loadReplication()
{
    const pg::ConnectionSettings server = *m_server;
    const int generation = m_generation;
    m_runner->start<ReplicationReport>(
        tr("Reading replication"),
        [server](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::replication(*conn);
        },
        [this, generation](const Outcome<ReplicationReport> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_replication = r.value();
            showReplication();
            markRefreshed(tr("Replication"));
        });
}

void ActivityPane::showReplication()
{
    m_standbys->setRowCount(0);
    m_slots->setRowCount(0);
    if (!m_replication) {
        m_replicationNote->clear();
        return;
    }
    const ReplicationReport &r = *m_replication;
    m_standbys->setRowCount(int(r.standbys.size()));
    for (int row = 0; row < r.standbys.size(); ++row) {
        const Standby &s = r.standbys[row];
        m_standbys->setItem(row, 0, cell(s.name));
        m_standbys->setItem(row, 1, cell(s.client));
        m_standbys->setItem(row, 2, cell(s.state));
        m_standbys->setItem(row, 3, cell(s.syncState));
        m_standbys->setItem(row, 4, cell(s.lagBytes ? format::bytes(*s.lagBytes) : QString(),
                                         double(s.lagBytes.value_or(-1))));
        m_standbys->setItem(row, 5, cell(age(s.lagSeconds), s.lagSeconds.value_or(-1)));
        if (s.lagSeconds && *s.lagSeconds > m_thresholds.replicationLagSeconds)
            mark(m_standbys, row, tr("%1 behind, more than the threshold of %2.")
                                      .arg(age(s.lagSeconds), age(m_thresholds.replicationLagSeconds)));
    }
    m_standbys->resizeColumnsToContents();
    m_slots->setRowCount(int(r.replicationSlots.size()));
    for (int row = 0; row < r.replicationSlots.size(); ++row) {
        const Slot &s = r.replicationSlots[row];
        m_slots->setItem(row, 0, cell(s.name));
        m_slots->setItem(row, 1, cell(s.type));
        m_slots->setItem(row, 2, cell(s.database));
        m_slots->setItem(row, 3, cell(s.active ? tr("yes") : tr("no")));
        m_slots->setItem(row, 4, cell(s.walStatus));
        m_slots->setItem(row, 5, cell(s.retainedBytes ? format::bytes(*s.retainedBytes) : QString(),
                                      double(s.retainedBytes.value_or(-1))));
        if (s.holdingWal())
            mark(m_slots, row, tr("Inactive and holding %1 of WAL: the server keeps it, and its disk, until the slot "
                                  "is used again or dropped.")
                                   .arg(format::bytes(*s.retainedBytes)));
    }
    m_slots->resizeColumnsToContents();
    if (r.standby) {
        QString note = tr("This server is a standby: replay lag %1; %2 received and not yet replayed.")
                           .arg(r.replayLagSeconds ? age(r.replayLagSeconds) : tr("unknown"),
                                r.replayLagBytes ? format::bytes(*r.replayLagBytes) : tr("nothing known"));
        if (r.replayLagSeconds && *r.replayLagSeconds > m_thresholds.replicationLagSeconds)
            note += QLatin1Char(' ')
                    + tr("That is more than the threshold of %1.").arg(age(m_thresholds.replicationLagSeconds));
        m_replicationNote->setText(note);
    } else if (r.standbys.isEmpty() && r.replicationSlots.isEmpty()) {
        m_replicationNote->setText(tr("No standby is connected and there is no replication slot."));
    } else {
        m_replicationNote->setText(tr("%n standby(s) connected", nullptr, int(r.standbys.size())) + QStringLiteral("; ")
                                   + tr("%n replication slot(s).", nullptr, int(r.replicationSlots.size())));
    }
}

// --- Pools ------------------------------------------------------------------------------

QWidget *ActivityPane::buildPools()
{
    auto *w = new QWidget(this);
    m_console = new QLineEdit(w);
    m_console->setObjectName(QStringLiteral("poolsConsole"));
    m_console->setPlaceholderText(tr("host=... port=6432 dbname=pgbouncer user=..."));
    m_console->setClearButtonEnabled(true);
    m_console->setToolTip(tr("PgBouncer's admin console: dbname=pgbouncer, as a user named in its admin_users or "
                             "stats_users (Enter reads it)"));
    auto *read = new QPushButton(tr("Read"), w);
    read->setObjectName(QStringLiteral("readPools"));
    read->setToolTip(tr("SHOW POOLS, SHOW STATS and SHOW CLIENTS on the console"));
    connect(read, &QPushButton::clicked, this, &ActivityPane::readPools);
    connect(m_console, &QLineEdit::returnPressed, this, &ActivityPane::readPools);
    m_poolsNote = new QLabel(w);
    m_poolsNote->setObjectName(QStringLiteral("poolsNote"));
    m_poolsNote->setTextFormat(Qt::PlainText);
    m_poolsNote->setWordWrap(true);
    m_pools = makeTable(w, QStringLiteral("poolList"),
                        {tr("Database"), tr("User"), tr("Mode"), tr("Clients active"), tr("Clients waiting"),
                         tr("Servers active"), tr("Servers idle"), tr("Pool size"), tr("Saturation"), tr("Max wait")});
    m_poolStats = makeTable(w, QStringLiteral("poolStats"), {});
    m_poolClients = makeTable(w, QStringLiteral("poolClients"), {});
    auto *views = new QTabWidget(w);
    views->addTab(m_pools, tr("Pools"));
    views->addTab(m_poolStats, tr("Stats"));
    views->addTab(m_poolClients, tr("Clients"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Console:"), w));
    top->addWidget(m_console, 1);
    top->addWidget(read);
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(top);
    layout->addWidget(m_poolsNote);
    layout->addWidget(views, 1);
    return w;
}

void ActivityPane::readPools()
{
    const QString text = m_console->text().trimmed();
    if (text.isEmpty()) {
        m_banner->showWarning(tr("Give the connection string of PgBouncer's admin console (dbname=pgbouncer)."),
                              tr("PgBouncer"));
        return;
    }
    try {
        m_consoleSettings = pg::ConnectionSettings::parse(text);
    } catch (const Error &e) {
        m_consoleSettings.reset();
        m_banner->showError(e, tr("PgBouncer"));
        return;
    }
    m_poolReport.reset();
    showPools();
    loadPools();
}

void ActivityPane::loadPools()
{
    if (!m_consoleSettings) {
        showPools();
        return;
    }
    const pg::ConnectionSettings console = *m_consoleSettings;
    const int generation = m_generation;
    m_runner->start<PoolReport>(
        tr("Reading PgBouncer's pools"), [console](TaskContext &) { return Activity::pools(console); },
        [this, generation](const Outcome<PoolReport> &r) {
            if (!current(generation))
                return;
            if (!r.ok()) {
                if (!r.cancelled())
                    m_banner->showError(r.error(), tr("PgBouncer"));
                return;
            }
            m_poolReport = r.value();
            showPools();
            m_banner->clearFor(tr("PgBouncer"));
            markRefreshed(tr("Pools"));
        });
}

void ActivityPane::showPools()
{
    m_pools->setRowCount(0);
    m_poolStats->clear();
    m_poolStats->setRowCount(0);
    m_poolStats->setColumnCount(0);
    m_poolClients->clear();
    m_poolClients->setRowCount(0);
    m_poolClients->setColumnCount(0);
    if (!m_poolReport) {
        m_poolsNote->setText(m_consoleSettings ? QString()
                                               : tr("Give the connection string of PgBouncer's admin console and press "
                                                    "Read: its pools, their waiting clients and saturation."));
        return;
    }
    const PoolReport &r = *m_poolReport;
    if (!r.available) {
        m_poolsNote->setText(r.problem);
        return;
    }
    int waiting = 0;
    m_pools->setRowCount(int(r.pools.size()));
    for (int row = 0; row < r.pools.size(); ++row) {
        const Pool &p = r.pools[row];
        waiting += p.clientsWaiting;
        m_pools->setItem(row, 0, cell(p.database));
        m_pools->setItem(row, 1, cell(p.user));
        m_pools->setItem(row, 2, cell(p.mode));
        m_pools->setItem(row, 3, cell(QString::number(p.clientsActive), p.clientsActive));
        m_pools->setItem(row, 4, cell(QString::number(p.clientsWaiting), p.clientsWaiting));
        m_pools->setItem(row, 5, cell(QString::number(p.serversActive), p.serversActive));
        m_pools->setItem(row, 6, cell(QString::number(p.serversIdle), p.serversIdle));
        m_pools->setItem(row, 7, cell(QString::number(p.poolSize), p.poolSize));
        m_pools->setItem(row, 8, cell(p.poolSize > 0 ? percent(p.saturation(), 0) : QString(), p.saturation()));
        m_pools->setItem(row, 9, cell(age(p.maxWaitSeconds), p.maxWaitSeconds));
        QStringList why;
        if (p.clientsWaiting > 0)
            why << tr("%n client(s) waiting for a server connection; the longest for %1.", nullptr, p.clientsWaiting)
                       .arg(age(p.maxWaitSeconds));
        if (p.saturation() > m_thresholds.poolSaturation)
            why << tr("%1 of the pool's server connections busy, above the threshold of %2.")
                       .arg(percent(p.saturation(), 0), percent(m_thresholds.poolSaturation, 0));
        if (!why.isEmpty())
            mark(m_pools, row, why.join(QLatin1Char('\n')));
    }
    m_pools->resizeColumnsToContents();
    fillRows(m_poolStats, r.stats);
    fillRows(m_poolClients, r.clients);
    m_poolsNote->setText(tr("%n pool(s)", nullptr, int(r.pools.size())) + QStringLiteral("; ")
                         + tr("%n client(s) waiting.", nullptr, waiting));
}

} // namespace statescope::gui
