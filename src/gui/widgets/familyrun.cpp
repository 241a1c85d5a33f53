#include "gui/widgets/familyrun.h"

#include "models/ink.h"

#include "core/task/canceltoken.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "models/familyresultmodel.h"
#include "gui/widgets/themed.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

// FamilyRunDialog ---------------------------------------------------------------------------

FamilyRunDialog::FamilyRunDialog(const weekly::Family &family, const QString &sql, QWidget *parent)
    : QDialog(parent), m_family(family), m_weeks(new QListWidget(this)), m_parallelism(new QSpinBox(this))
{
    setObjectName(QStringLiteral("familyRunDialog"));
    setWindowTitle(tr("Run on weeks"));
    const bool servers = family.spansServers();
    for (const weekly::FamilyWeek &w : family.weeks()) {
        auto *item = new QListWidgetItem(w.label(servers) + QStringLiteral("  ") + w.database(), m_weeks);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        // A week that takes no connections (a reset or drop under way) is shown, not ticked.
        const bool open = w.info.takesConnections;
        item->setCheckState(open ? Qt::Checked : Qt::Unchecked);
        if (!open)
            item->setText(tr("%1  (takes no connections now)").arg(item->text()));
    }
    m_weeks->setObjectName(QStringLiteral("familyRunWeeks"));
    m_parallelism->setObjectName(QStringLiteral("familyRunParallelism"));
    m_parallelism->setRange(1, 16);
    m_parallelism->setValue(2);
    m_parallelism->setToolTip(tr("Connections at once, each to one week (on its own server)"));

    auto *all = new QPushButton(tr("&All"), this);
    auto *none = new QPushButton(tr("&None"), this);
    connect(all, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_weeks->count(); ++i)
            m_weeks->item(i)->setCheckState(Qt::Checked);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_weeks->count(); ++i)
            m_weeks->item(i)->setCheckState(Qt::Unchecked);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen().isEmpty()); };
    connect(m_weeks, &QListWidget::itemChanged, this, updateOk);
    updateOk();

    QString shown = sql.simplified();
    if (shown.size() > 160)
        shown = shown.left(160) + QStringLiteral("…");
    auto *statement = new QLabel(tr("Read-only, on each week as on one: <code>%1</code>").arg(shown.toHtmlEscaped()), this);
    statement->setWordWrap(true);

    auto *pick = new QHBoxLayout;
    pick->addWidget(all);
    pick->addWidget(none);
    pick->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("At &once:"), m_parallelism);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(statement);
    layout->addWidget(new QLabel(tr("Weeks of %1:").arg(family.prefix()), this));
    layout->addWidget(m_weeks, 1);
    layout->addLayout(pick);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, 420);
}

QList<weekly::FamilyWeek> FamilyRunDialog::chosen() const
{
    QList<weekly::FamilyWeek> out;
    for (int i = 0; i < m_weeks->count() && i < m_family.weeks().size(); ++i)
        if (m_weeks->item(i)->checkState() == Qt::Checked)
            out << m_family.weeks().at(i);
    return out;
}

int FamilyRunDialog::parallelism() const
{
    return m_parallelism->value();
}

// FamilyRunView -----------------------------------------------------------------------------

namespace {
enum WeekColumn { WeekCol, ServerCol, StateCol, RowsCol, TimeCol };
}

FamilyRunView::FamilyRunView(const QList<weekly::FamilyWeek> &weeks, const QString &sql,
                             const browse::FamilyQuery::Options &options, QWidget *parent)
    : FamilyRunView(browse::FamilyQuery::targetsOf(weeks), false, sql, options, parent)
{
}

FamilyRunView::FamilyRunView(const QList<browse::FamilyQuery::Target> &shards, const QString &sql,
                             const browse::FamilyQuery::Options &options, QWidget *parent)
    : FamilyRunView(shards, true, sql, options, parent)
{
}

FamilyRunView::FamilyRunView(const QList<browse::FamilyQuery::Target> &targets, bool shards, const QString &sql,
                             const browse::FamilyQuery::Options &options, QWidget *parent)
    : QWidget(parent), m_targets(targets), m_shards(shards), m_sql(sql), m_options(options),
      m_grid(new QTableView(this)), m_weekTable(new QTableWidget(this)), m_chart(new ChartView(this)),
      m_valueColumn(new QComboBox(this)), m_stop(new QPushButton(tr("Sto&p all"), this)),
      m_chartButton(new QPushButton(tr("&Chart"), this)), m_summary(new QLabel(this)),
      m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this)),
      m_enough(std::make_shared<std::atomic<bool>>(false))
{
    setObjectName(QStringLiteral("familyRunView"));
    QSet<QString> servers;
    for (const browse::FamilyQuery::Target &t : targets)
        servers.insert(t.server);
    m_model = new models::FamilyResultModel(servers.size() > 1, 200'000, this,
                                            shards ? QStringLiteral("shard") : QStringLiteral("week"));
    m_grid->setObjectName(QStringLiteral("familyRunGrid"));
    m_grid->setModel(m_model);
    m_grid->setWordWrap(false);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);

    m_weekTable->setObjectName(QStringLiteral("familyRunWeekStates"));
    m_weekTable->setColumnCount(5);
    m_weekTable->setHorizontalHeaderLabels({shards ? tr("Shard") : tr("Week"), tr("Server"), tr("State"), tr("Rows"), tr("Time")});
    m_weekTable->setRowCount(int(targets.size()));
    m_weekTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_weekTable->verticalHeader()->hide();
    m_weekTable->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < targets.size(); ++i) {
        m_weekTable->setItem(i, WeekCol, new QTableWidgetItem(targets[i].label));
        m_weekTable->setItem(i, ServerCol, new QTableWidgetItem(targets[i].server));
        setWeekState(i, tr("waiting"), {}, {});
    }
    m_weekTable->setColumnHidden(ServerCol, servers.size() <= 1);

    m_stop->setObjectName(QStringLiteral("familyRunStop"));
    m_stop->setToolTip(tr("Cancel the statement on every week (each server stops it)"));
    connect(m_stop, &QPushButton::clicked, this, &FamilyRunView::stop);
    m_chartButton->setObjectName(QStringLiteral("familyRunChart"));
    m_chartButton->setToolTip(tr("A line per week: a number column over a time column of the result"));
    connect(m_chartButton, &QPushButton::clicked, this, &FamilyRunView::showChart);
    m_valueColumn->setObjectName(QStringLiteral("familyRunValue"));
    m_valueColumn->setToolTip(tr("The number column to chart"));
    connect(m_valueColumn, &QComboBox::activated, this, [this] { showChart(); });
    m_summary->setObjectName(QStringLiteral("familyRunSummary"));
    m_summary->setWordWrap(true);
    m_chart->setObjectName(QStringLiteral("familyRunChartView"));
    m_chart->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_valueColumn);
    bar->addWidget(m_chartButton);
    bar->addWidget(m_stop);
    m_valueColumn->hide();

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_grid);
    right->addWidget(m_chart);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(right);
    split->addWidget(m_weekTable);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({640, 420});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);
    updateSummary(false);
}

FamilyRunView::~FamilyRunView()
{
    // The query's threads post to this view: they end (cancelled) before it goes.
    delete m_jobs;
}

bool FamilyRunView::isRunning() const
{
    return m_running;
}

void FamilyRunView::start()
{
    if (m_running)
        return;
    m_running = true;
    m_ended = 0;
    m_sawRows = false;
    m_enough->store(false);
    m_model->clear();
    m_stop->setEnabled(true);
    const QList<browse::FamilyQuery::Target> targets = m_targets;
    const QString sql = m_sql;
    const browse::FamilyQuery::Options options = m_options;
    const auto enough = m_enough;
    const bool shards = m_shards;
    m_jobs->start<bool>(
        shards ? tr("Running on %n shard(s)", nullptr, int(targets.size()))
               : tr("Running on %n week(s)", nullptr, int(targets.size())),
        [this, targets, sql, options, enough, shards](TaskContext &ctx) {
            int ended = 0;
            const int total = int(targets.size());
            const auto say = [&] {
                ctx.progress(ended, total, shards ? tr("%1 of %2 shards").arg(ended).arg(total)
                                                  : tr("%1 of %2 weeks").arg(ended).arg(total));
            };
            say();
            browse::FamilyQuery::run(
                targets, sql, options,
                [&](const browse::FamilyBatch &batch) {
                    if (batch.kind != browse::FamilyBatch::Kind::Rows
                        && batch.kind != browse::FamilyBatch::Kind::Started) {
                        ++ended;
                        say();
                    }
                    QMetaObject::invokeMethod(this, [this, batch] { onBatch(batch); }, Qt::QueuedConnection);
                    return !enough->load();
                },
                ctx.cancelToken());
            return true;
        },
        [this](const Outcome<bool> &out) {
            m_running = false;
            m_stop->setEnabled(false);
            for (int i = 0; i < m_weekTable->rowCount(); ++i) {
                const QString state = m_weekTable->item(i, StateCol)->text();
                if (state == tr("waiting") || state == tr("running"))
                    setWeekState(i, out.cancelled() || m_enough->load() ? tr("stopped") : state,
                                 m_weekTable->item(i, RowsCol)->text(), {});
            }
            updateSummary(true, out.cancelled());
            if (!out.ok() && !out.cancelled())
                m_summary->setText(m_summary->text() + QLatin1Char(' ') + out.error().message());
            emit finished();
        });
}

void FamilyRunView::stop()
{
    m_jobs->cancel();
}

void FamilyRunView::onBatch(const browse::FamilyBatch &batch)
{
    using Kind = browse::FamilyBatch::Kind;
    const QLocale locale;
    switch (batch.kind) {
    case Kind::Started:
        setWeekState(batch.week, tr("running"), {}, {});
        return;
    case Kind::Rows:
        setWeekState(batch.week, tr("running"), locale.toString(batch.rowsSoFar), {});
        break;
    case Kind::Done:
        setWeekState(batch.week, tr("done"), m_weekTable->item(batch.week, RowsCol)->text().isEmpty()
                                                 ? QStringLiteral("0")
                                                 : m_weekTable->item(batch.week, RowsCol)->text(),
                     tr("%L1 ms").arg(batch.elapsedMs, 0, 'f', 0));
        break;
    case Kind::Failed:
        setWeekState(batch.week, tr("failed: %1").arg(batch.error), {}, tr("%L1 ms").arg(batch.elapsedMs, 0, 'f', 0), true);
        break;
    case Kind::Unavailable:
        setWeekState(batch.week, tr("unavailable: %1").arg(batch.error), {}, {}, true);
        break;
    }
    if (batch.kind != Kind::Rows) {
        ++m_ended;
        m_weekTable->resizeColumnsToContents();
        // A long error stays in its tooltip, not across the screen.
        m_weekTable->setColumnWidth(StateCol, std::min(m_weekTable->columnWidth(StateCol), 320));
    }
    if (!m_model->add(batch))
        m_enough->store(true);
    if (!m_sawRows && m_model->rowCount() > 0) {
        m_sawRows = true;
        m_grid->resizeColumnsToContents();
        emit firstRows();
    }
    updateSummary(false);
}

void FamilyRunView::setWeekState(int week, const QString &state, const QString &rows, const QString &time, bool failed)
{
    if (week < 0 || week >= m_weekTable->rowCount())
        return;
    const auto put = [&](int column, const QString &text) {
        auto *item = m_weekTable->item(week, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_weekTable->setItem(week, column, item);
        }
        item->setText(text);
        item->setToolTip(text);
        if (failed)
            style::setInk(item, models::ink::Meaning::Danger);
    };
    put(StateCol, state);
    put(RowsCol, rows);
    put(TimeCol, time);
}

void FamilyRunView::updateSummary(bool done, bool cancelled)
{
    const int total = int(m_targets.size());
    QString text = tr("%Ln row(s)", nullptr, int(m_model->rowCount() - m_model->failedWeeks())) + QLatin1Char(' ')
                   + (m_shards ? tr("from %1 of %n shard(s)", nullptr, total) : tr("from %1 of %n week(s)", nullptr, total))
                         .arg(m_ended);
    if (m_model->failedWeeks() > 0)
        text += tr(", %n failed (their rows say why)", nullptr, m_model->failedWeeks());
    if (m_model->limitReached())
        text += tr(". Stopped at %L1 rows: add a LIMIT, or use statescope-cli query for all of them").arg(m_model->rowLimit());
    else if (cancelled)
        text += tr(". Stopped");
    else if (!done)
        text += tr("…");
    if (!m_model->droppedColumns().isEmpty())
        text += tr(". Not in the grid (the first week had no such column): %1")
                    .arg(m_model->droppedColumns().join(QStringLiteral(", ")));
    m_summary->setText(text);
}

bool FamilyRunView::showChart()
{
    const std::optional<int> time = m_model->timeColumn();
    QList<int> numbers = m_model->numberColumns();
    if (time)
        numbers.removeAll(*time);
    if (!time || numbers.isEmpty()) {
        m_chart->hide();
        m_valueColumn->hide();
        m_summary->setText(tr("Nothing to chart: the result needs a time column and a number column."));
        return false;
    }
    const int keep = m_valueColumn->currentData().isValid() ? m_valueColumn->currentData().toInt() : numbers.first();
    m_valueColumn->clear();
    for (int c : numbers)
        m_valueColumn->addItem(m_model->headerData(c, Qt::Horizontal).toString(), c);
    const int at = m_valueColumn->findData(numbers.contains(keep) ? keep : numbers.first());
    m_valueColumn->setCurrentIndex(at);
    m_valueColumn->show();
    const int value = m_valueColumn->currentData().toInt();
    m_chart->setSeries(m_model->seriesOf(*time, value), ChartView::Kind::Line, false,
                       tr("%1 by %2, a line per week")
                           .arg(m_model->headerData(value, Qt::Horizontal).toString(),
                                m_model->headerData(*time, Qt::Horizontal).toString()));
    m_chart->show();
    fitChartAndGrid();
    // Once the pane has given what it could (wantsHeight), the heights are set again.
    QTimer::singleShot(0, this, &FamilyRunView::fitChartAndGrid);
    return true;
}

// The chart gets its room first (squeezed under the grid, its labels had none and Qt cut
// every one to "..."; at 160 pixels too, the GUI audit found), then the grid what shows its
// header and six rows (a third of the pane showed three), then the chart the rest. Short of
// both, the view asks its pane for the difference.
void FamilyRunView::fitChartAndGrid()
{
    constexpr int kChartHeight = 200;
    m_chart->setMinimumHeight(kChartHeight);
    auto *split = qobject_cast<QSplitter *>(m_chart->parentWidget());
    if (!split || m_chart->isHidden())
        return;
    const int h = split->height() - split->handleWidth();
    const int rows = m_grid->horizontalHeader()->sizeHint().height()
                     + 6 * m_grid->verticalHeader()->defaultSectionSize() + 2 * m_grid->frameWidth()
                     + m_grid->horizontalScrollBar()->sizeHint().height();
    if (rows + kChartHeight > h && !m_askedForHeight) {
        m_askedForHeight = true; // once: a pane that gave nothing is not asked again
        emit wantsHeight(rows + kChartHeight - h);
    }
    const int grid = std::clamp(rows, h / 3, std::max(h / 3, h - kChartHeight));
    split->setSizes({grid, h - grid});
}

} // namespace statescope::gui
