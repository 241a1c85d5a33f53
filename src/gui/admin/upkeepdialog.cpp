#include "gui/admin/upkeepdialog.h"
#include "gui/widgets/tablewidgets.h"

#include "core/format.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::upkeep;

namespace {

QString day(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString listHtml(const QStringList &lines)
{
    QString html = QStringLiteral("<ul>");
    for (const QString &l : lines)
        html += QStringLiteral("<li><code>%1</code></li>").arg(l.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

} // namespace

UpkeepDialog::UpkeepDialog(pg::ConnectionSettings db, QWidget *parent)
    : QDialog(parent), m_db(std::move(db)), m_runner(new JobRunner(this)), m_banner(new Banner(this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("upkeepDialog"));
    // Upkeep acts on the primary and reads what only it has (its statistics, pg_cron's
    // launcher): never on a read replica.
    m_db.clearReadReplica();
    setWindowTitle(tr("Upkeep of %1 on %2").arg(m_db.database(), m_db.displayName()));
    m_tabs->setObjectName(QStringLiteral("upkeepTabs"));
    m_tabs->addTab(buildPartitions(), tr("&Partitions"));
    m_tabs->addTab(buildJobs(), tr("&Jobs archive"));
    m_tabs->addTab(buildVacuum(), tr("Auto&vacuum"));
    m_tabs->addTab(buildIndexes(), tr("&Indexes"));
    m_tabs->addTab(buildCron(), tr("pg_&cron"));
    auto *progress = new ProgressPanel(this);
    progress->follow(m_runner);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *refresh = close->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QPushButton::clicked, this, &UpkeepDialog::reload);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    m_modeHint = new QLabel(tr("Read-only: switch on <b>Admin mode</b> (Ctrl+Shift+A) to change anything."), this);
    m_modeHint->setObjectName(QStringLiteral("upkeepModeHint"));
    layout->addWidget(m_modeHint);
    layout->addWidget(progress);
    layout->addWidget(close);
    connect(m_runner, &JobRunner::busyChanged, this, &UpkeepDialog::updateActions);
    resize(900, 560);
    updateActions();
    reload();
}

UpkeepDialog::~UpkeepDialog() = default;

QWidget *UpkeepDialog::buildPartitions()
{
    auto *w = new QWidget(this);
    m_table = new QComboBox(w);
    m_table->setObjectName(QStringLiteral("partitionedTable"));
    m_scheme = new QLabel(w);
    m_scheme->setObjectName(QStringLiteral("partitionScheme"));
    m_scheme->setWordWrap(true);
    m_partitions = readOnlyTable(w, QStringLiteral("partitionList"), {tr("Partition"), tr("From (UTC)"), tr("To (UTC)"), tr("Rows (estimate)"), tr("Size")});
    m_ahead = new QSpinBox(w);
    m_ahead->setObjectName(QStringLiteral("aheadSpin"));
    m_ahead->setRange(0, 120);
    m_ahead->setValue(1);
    m_ahead->setSuffix(tr(" period(s) ahead"));
    m_create = new QPushButton(tr("Create &next partitions…"), w);
    m_create->setObjectName(QStringLiteral("createPartitions"));
    m_months = new QSpinBox(w);
    m_months->setObjectName(QStringLiteral("monthsSpin"));
    m_months->setRange(0, 1200);
    m_months->setValue(6);
    m_months->setPrefix(tr("older than "));
    m_months->setSuffix(tr(" month(s)"));
    m_archive = new QPushButton(tr("&Archive old partitions…"), w);
    m_archive->setObjectName(QStringLiteral("archivePartitions"));
    m_archive->setToolTip(tr("Detach CONCURRENTLY, dump, check the dump in a scratch database (same row count), "
                             "then drop; a dump that does not check out drops nothing"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_ahead);
    actions->addWidget(m_create);
    actions->addStretch(1);
    actions->addWidget(m_months);
    actions->addWidget(m_archive);
    auto *layout = new QVBoxLayout(w);
    auto *top = new QFormLayout;
    top->addRow(tr("Table:"), m_table);
    layout->addLayout(top);
    layout->addWidget(m_scheme);
    layout->addWidget(m_partitions, 1);
    layout->addLayout(actions);
    connect(m_table, &QComboBox::currentIndexChanged, this, &UpkeepDialog::showPartitions);
    connect(m_create, &QPushButton::clicked, this, &UpkeepDialog::createPartitions);
    connect(m_archive, &QPushButton::clicked, this, &UpkeepDialog::archivePartitions);
    return w;
}

QWidget *UpkeepDialog::buildJobs()
{
    auto *w = new QWidget(this);
    m_jobsLabel = new QLabel(w);
    m_jobsLabel->setObjectName(QStringLiteral("jobsPlan"));
    m_jobsLabel->setWordWrap(true);
    m_jobsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_days = new QSpinBox(w);
    m_days->setRange(0, 36500);
    m_days->setValue(30);
    m_days->setPrefix(tr("completed more than "));
    m_days->setSuffix(tr(" day(s) ago"));
    m_archiveJobs = new QPushButton(tr("Archive &completed jobs…"), w);
    m_archiveJobs->setObjectName(QStringLiteral("archiveJobs"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_days);
    row->addWidget(m_archiveJobs);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_jobsLabel);
    layout->addLayout(row);
    layout->addStretch(1);
    connect(m_archiveJobs, &QPushButton::clicked, this, &UpkeepDialog::archiveJobs);
    return w;
}

QWidget *UpkeepDialog::buildVacuum()
{
    auto *w = new QWidget(this);
    m_vacuum = readOnlyTable(w, QStringLiteral("vacuumList"), {tr("Table"), tr("Live rows"), tr("Dead rows"), tr("Last autovacuum"), tr("Settings")});
    m_option = new QComboBox(w);
    m_option->setObjectName(QStringLiteral("vacuumOption"));
    m_option->addItems(Maintenance::vacuumOptionNames());
    m_value = new QLineEdit(w);
    m_value->setObjectName(QStringLiteral("vacuumValue"));
    m_value->setPlaceholderText(tr("value (empty: back to the server's default)"));
    m_applyVacuum = new QPushButton(tr("Change for the selected &table…"), w);
    m_applyVacuum->setObjectName(QStringLiteral("applyVacuum"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_option);
    row->addWidget(m_value, 1);
    row->addWidget(m_applyVacuum);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_vacuum, 1);
    layout->addLayout(row);
    connect(m_applyVacuum, &QPushButton::clicked, this, &UpkeepDialog::changeVacuum);
    connect(m_vacuum, &QTableWidget::itemSelectionChanged, this, &UpkeepDialog::updateActions);
    return w;
}

QWidget *UpkeepDialog::buildIndexes()
{
    auto *w = new QWidget(this);
    m_indexes = readOnlyTable(w, QStringLiteral("indexList"), {tr("Index"), tr("Table"), tr("Size"), tr("Valid"), tr("Definition")});
    m_reindex = new QPushButton(tr("&Rebuild concurrently…"), w);
    m_reindex->setObjectName(QStringLiteral("rebuildIndex"));
    m_reindex->setToolTip(tr("REINDEX INDEX CONCURRENTLY: the game keeps reading and writing; Cancel drops the "
                             "unfinished copy"));
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_indexes, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_reindex);
    layout->addLayout(row);
    connect(m_reindex, &QPushButton::clicked, this, &UpkeepDialog::rebuildIndex);
    connect(m_indexes, &QTableWidget::itemSelectionChanged, this, &UpkeepDialog::updateActions);
    return w;
}

QWidget *UpkeepDialog::buildCron()
{
    auto *w = new QWidget(this);
    m_cronLabel = new QLabel(w);
    m_cronLabel->setObjectName(QStringLiteral("cronLabel"));
    m_cronLabel->setWordWrap(true);
    m_cron = readOnlyTable(w, QStringLiteral("cronList"), {tr("Job"), tr("Name"), tr("Schedule"), tr("Active"), tr("Last run"),
                                    tr("Started (UTC)"), tr("Command")});
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_cronLabel);
    layout->addWidget(m_cron, 1);
    return w;
}

void UpkeepDialog::setAdminMode(bool on)
{
    m_adminMode = on;
    // A confirmation asked for in admin mode is not answered after it ended.
    if (!on)
        for (ConfirmDialog *d : findChildren<ConfirmDialog *>())
            d->reject();
    updateActions();
}

void UpkeepDialog::reject()
{
    // Closing would cancel a change half way (a detach, a rebuild): finish or cancel first.
    if (m_runner->isBusy()) {
        m_banner->showWarning(tr("Something is still running: wait for it, or Cancel it first (the change then stops "
                                 "between its steps and puts back what it had begun)."));
        return;
    }
    QDialog::reject();
}

void UpkeepDialog::closeEvent(QCloseEvent *event)
{
    if (m_runner->isBusy()) {
        event->ignore();
        reject();
        return;
    }
    QDialog::closeEvent(event);
}

void UpkeepDialog::updateActions()
{
    const bool can = m_adminMode && !m_runner->isBusy();
    const int t = m_table->currentIndex();
    const bool scheme = t >= 0 && t < m_state.tables.size() && m_state.tables[t].scheme.known();
    m_create->setEnabled(can && scheme);
    m_archive->setEnabled(can && t >= 0);
    m_archiveJobs->setEnabled(can && m_state.jobsReady);
    m_applyVacuum->setEnabled(can && !m_vacuum->selectedItems().isEmpty());
    m_reindex->setEnabled(can && !m_indexes->selectedItems().isEmpty());
    m_modeHint->setVisible(!m_adminMode);
}

void UpkeepDialog::reload()
{
    const pg::ConnectionSettings db = m_db;
    m_runner->start<State>(
        tr("Reading the upkeep of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            State s;
            ctx.progress(0, 5, tr("Partitions"));
            s.tables = partitionedTables(*conn);
            ctx.progress(1, 5, tr("Jobs"));
            try {
                const JobsArchivePlan p = Maintenance::planJobsArchive(*conn);
                s.jobs = tr("%1 completed jobs of %2 finished more than %3 days ago; they would move into %4 in one "
                            "statement:\n%5")
                             .arg(p.rows)
                             .arg(p.table)
                             .arg(p.days)
                             .arg(p.archive, p.statement);
                s.jobsReady = true;
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled || e.kind() == Error::Kind::Connection)
                    throw;
                s.jobs = e.message();
            }
            ctx.progress(2, 5, tr("Autovacuum"));
            s.vacuum = Maintenance::vacuumSettings(*conn);
            ctx.progress(3, 5, tr("Indexes"));
            s.indexes = Maintenance::indexes(*conn, 50);
            ctx.progress(4, 5, tr("pg_cron"));
            s.cron = Maintenance::cronJobs(*conn, db);
            return s;
        },
        [this](const Outcome<State> &outcome) {
            if (!outcome.ok()) {
                if (!outcome.cancelled())
                    m_banner->showError(outcome.error());
                return;
            }
            showState(outcome.value());
            emit loaded();
        });
}

void UpkeepDialog::showState(const State &state)
{
    m_state = state;
    const QString was = m_table->currentText();
    {
        const QSignalBlocker block(m_table);
        m_table->clear();
        for (const PartitionedTable &t : m_state.tables)
            m_table->addItem(t.displayName());
        const int keep = m_table->findText(was);
        m_table->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    showPartitions();
    m_jobsLabel->setText(m_state.jobs);
    m_vacuum->setRowCount(int(m_state.vacuum.size()));
    for (int r = 0; r < m_state.vacuum.size(); ++r) {
        const TableVacuum &t = m_state.vacuum[r];
        QStringList opts;
        for (auto it = t.options.begin(); it != t.options.end(); ++it)
            opts << it.key() + QLatin1Char('=') + it.value();
        setRowTexts(m_vacuum, r, {t.displayName(), QString::number(t.liveRows), QString::number(t.deadRows),
                             day(t.lastAutovacuum), opts.isEmpty() ? tr("(server defaults)") : opts.join(QStringLiteral(", "))});
    }
    m_vacuum->resizeColumnsToContents();
    m_indexes->setRowCount(int(m_state.indexes.size()));
    for (int r = 0; r < m_state.indexes.size(); ++r) {
        const IndexInfo &i = m_state.indexes[r];
        setRowTexts(m_indexes, r, {i.displayName(), i.table, format::bytes(i.bytes), i.valid ? tr("yes") : tr("INVALID"), i.definition});
    }
    m_indexes->resizeColumnsToContents();
    const CronListing &c = m_state.cron;
    m_cronLabel->setText(c.available ? tr("pg_cron keeps its jobs in %1; these run in %2 (a role that is not a "
                                          "superuser sees its own jobs only).")
                                           .arg(c.cronDatabase, m_db.database())
                                     : c.problem);
    m_cron->setRowCount(int(c.jobs.size()));
    for (int r = 0; r < c.jobs.size(); ++r) {
        const CronJob &j = c.jobs[r];
        setRowTexts(m_cron, r, {QString::number(j.id), j.name, j.schedule, j.active ? tr("yes") : tr("no"),
                           j.lastStatus.isEmpty() ? tr("never ran") : j.lastStatus, j.lastStart.toString(Qt::ISODate),
                           j.command.simplified()});
    }
    updateActions();
}

void UpkeepDialog::showPartitions()
{
    const int t = m_table->currentIndex();
    if (t < 0 || t >= m_state.tables.size()) {
        m_partitions->setRowCount(0);
        m_scheme->setText(tr("No table of %1 is partitioned by ranges of time.").arg(m_db.database()));
        updateActions();
        return;
    }
    const PartitionedTable &pt = m_state.tables[t];
    m_scheme->setText(pt.scheme.known()
                          ? tr("By %1; partitions named %2%3.")
                                .arg(pt.column, pt.scheme.expectedForm(),
                                     pt.partmanSchema.isEmpty() ? QString() : tr(", made through pg_partman"))
                          : tr("By %1; no scheme to continue: %2.").arg(pt.column, pt.scheme.problem));
    m_partitions->setRowCount(int(pt.partitions.size()));
    for (int r = 0; r < pt.partitions.size(); ++r) {
        const Partition &p = pt.partitions[r];
        setRowTexts(m_partitions, r,
               {p.name + (p.detachPending ? tr(" (detach pending)") : QString()),
                p.isDefault ? tr("default") : day(p.from), day(p.to),
                p.estimatedRows < 0 ? tr("?") : QString::number(p.estimatedRows), format::bytes(p.bytes)});
    }
    m_partitions->resizeColumnsToContents();
    updateActions();
}

void UpkeepDialog::confirmThen(const QString &title, const std::function<QString(TaskContext &)> &preview,
                               const std::function<QString(TaskContext &, const QString &)> &run)
{
    m_banner->clearFor({});
    const pg::ConnectionSettings db = m_db;
    m_runner->start<QString>(
        tr("Preparing: %1").arg(title), [preview](TaskContext &ctx) { return preview(ctx); },
        [this, title, run, db](const Outcome<QString> &planned) {
            if (!planned.ok()) {
                if (!planned.cancelled())
                    m_banner->showError(planned.error(), title);
                return;
            }
            auto *dialog = new ConfirmDialog(title,
                                             tr("%1 in <b>%2</b> on <b>%3</b>?")
                                                 .arg(title.toHtmlEscaped(), db.database().toHtmlEscaped(),
                                                      db.displayName().toHtmlEscaped()),
                                             planned.value(), db.database(), false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setReasonRequired(true);
            connect(dialog, &QDialog::accepted, this, [this, dialog, title, run] {
                if (!m_adminMode)
                    return;
                const QString reason = dialog->reason();
                m_runner->start<QString>(
                    title, [run, reason](TaskContext &ctx) { return run(ctx, reason); },
                    [this, title](const Outcome<QString> &done) {
                        if (done.ok())
                            m_banner->showSuccess(done.value(), title);
                        else if (done.cancelled())
                            m_banner->showWarning(tr("Cancelled: nothing more was changed."), title);
                        else
                            m_banner->showError(done.error(), title);
                        emit changed();
                        reload();
                    });
            });
            dialog->open();
        });
}

void UpkeepDialog::createPartitions()
{
    const QString table = m_table->currentText();
    const int ahead = m_ahead->value();
    const pg::ConnectionSettings db = m_db;
    confirmThen(
        tr("Create partitions"),
        [db, table, ahead](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const CreatePlan plan = Partitions::planCreate(*conn, table, ahead);
            if (plan.toCreate.isEmpty())
                throw Error::invalidInput(tr("The partitions of %1 already reach %2 period(s) ahead; nothing to create.")
                                              .arg(table)
                                              .arg(ahead));
            return tr("<p>%1 partition(s) of %2, in its scheme (%3), in one transaction:</p>%4")
                .arg(plan.toCreate.size())
                .arg(table.toHtmlEscaped(), plan.table.scheme.expectedForm().toHtmlEscaped(), listHtml(plan.statements));
        },
        [db, table, ahead](TaskContext &ctx, const QString &reason) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            const CreatePlan plan = Partitions::create(*conn, table, ahead, {}, db.database(), reason);
            return tr("Created %1 partition(s) of %2.").arg(plan.toCreate.size()).arg(table);
        });
}

void UpkeepDialog::archivePartitions()
{
    const QString table = m_table->currentText();
    const int months = m_months->value();
    const pg::ConnectionSettings db = m_db;
    const QString dir = paths::backupDir();
    confirmThen(
        tr("Archive partitions"),
        [db, table, months, dir](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const ArchivePlan plan = Partitions::planArchive(*conn, table, months);
            if (plan.toArchive.isEmpty())
                throw Error::invalidInput(tr("No partition of %1 ended before %2; nothing to archive.")
                                              .arg(table, day(plan.cutoff)));
            QStringList names;
            for (const Partition &p : plan.toArchive)
                names << tr("%1 (%2 to %3, ~%4 rows)").arg(p.name, day(p.from), day(p.to)).arg(p.estimatedRows);
            return tr("<p>Partitions of %1 that ended before %2, each dumped into %3 and checked in a scratch "
                      "database before it is dropped:</p>%4<p>Steps:</p>%5%6")
                .arg(table.toHtmlEscaped(), day(plan.cutoff), dir.toHtmlEscaped(), listHtml(names), listHtml(plan.statements),
                     plan.concurrently ? QString()
                                       : tr("<p>The table has a default partition: the detach cannot be CONCURRENTLY "
                                            "and waits at most 5 s for its lock.</p>"));
        },
        [db, table, months, dir](TaskContext &ctx, const QString &reason) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            const ArchiveResult r = Partitions::archive(*conn, db, table, months, {}, dir, db.database(), reason, &ctx);
            return tr("Archived %1 partition(s) of %2; the dumps are in %3.").arg(r.archived.size()).arg(table, dir);
        });
}

void UpkeepDialog::archiveJobs()
{
    const int days = m_days->value();
    const pg::ConnectionSettings db = m_db;
    confirmThen(
        tr("Archive jobs"),
        [db, days](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const JobsArchivePlan p = Maintenance::planJobsArchive(*conn, days);
            return tr("<p>%1 completed job(s) of %2 older than %3 days move into %4, in one statement:</p>%5")
                .arg(p.rows)
                .arg(p.table.toHtmlEscaped())
                .arg(days)
                .arg(p.archive.toHtmlEscaped(), listHtml({p.statement}));
        },
        [db, days](TaskContext &ctx, const QString &reason) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            const JobsArchivePlan p = Maintenance::archiveJobs(*conn, days, {}, db.database(), reason);
            return tr("Moved %1 completed job(s) into %2.").arg(p.rows).arg(p.archive);
        });
}

void UpkeepDialog::changeVacuum()
{
    const int row = m_vacuum->currentRow();
    if (row < 0 || row >= m_state.vacuum.size())
        return;
    const QString table = m_state.vacuum[row].displayName();
    const QMap<QString, QString> changes{{m_option->currentText(), m_value->text().trimmed()}};
    QStringList clauses;
    try {
        clauses = Maintenance::vacuumChanges(changes); // checked before anything is sent
    } catch (const Error &e) {
        m_banner->showError(e, tr("Autovacuum"));
        return;
    }
    const QString before = m_state.vacuum[row].options.value(m_option->currentText(), tr("the server's default"));
    const pg::ConnectionSettings db = m_db;
    confirmThen(
        tr("Change autovacuum settings"),
        [table, clauses, before](TaskContext &) {
            return tr("<p>%1: %2 (now %3).</p>").arg(table.toHtmlEscaped(), clauses.join(QStringLiteral(", ")).toHtmlEscaped(),
                                                     before.toHtmlEscaped());
        },
        [db, table, changes](TaskContext &ctx, const QString &reason) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            Maintenance::setVacuumSettings(*conn, table, changes, db.database(), reason);
            return tr("Changed the autovacuum settings of %1.").arg(table);
        });
}

void UpkeepDialog::rebuildIndex()
{
    const int row = m_indexes->currentRow();
    if (row < 0 || row >= m_state.indexes.size())
        return;
    const IndexInfo index = m_state.indexes[row];
    const pg::ConnectionSettings db = m_db;
    confirmThen(
        tr("Rebuild an index"),
        [index](TaskContext &) {
            return tr("<p>REINDEX INDEX CONCURRENTLY %1 (%2, on %3): the game keeps reading and writing. "
                      "Cancel stops it and drops the unfinished copy.</p>")
                .arg(index.displayName().toHtmlEscaped(), format::bytes(index.bytes), index.table.toHtmlEscaped());
        },
        [db, index](TaskContext &ctx, const QString &reason) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const IndexInfo i = Maintenance::reindex(*conn, db, index.displayName(), db.database(), reason, &ctx);
            return tr("Rebuilt %1 (%2).").arg(i.displayName(), format::bytes(i.bytes));
        });
}

} // namespace statescope::gui
