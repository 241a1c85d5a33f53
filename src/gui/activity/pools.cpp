// The Activity pane's Pools tab: PgBouncer's pools, stats and clients from its admin console.
#include "gui/activity/activitypane.h"

#include "core/browse/console.h"
#include "core/error.h"
#include "core/format.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"

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
