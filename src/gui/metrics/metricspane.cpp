#include "gui/metrics/metricspane.h"
#include "core/format.h"
#include "core/layout/layout.h"

#include "core/pg/connection.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/roomfor.h"
#include "core/settings.h"
#include "models/seriestablemodel.h"
#include "gui/widgets/tablewidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::metrics;

namespace {

constexpr int kUserSqlTimeoutMs = 30000;

QString duration(qint64 seconds)
{
    if (seconds % 60)
        return MetricsPane::tr("%1 h %2 min %3 s").arg(seconds / 3600).arg((seconds % 3600) / 60).arg(seconds % 60);
    return MetricsPane::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

MetricsPane::MetricsPane(QWidget *parent)
    : QWidget(parent), m_table(new models::SeriesTableModel(this)), m_runner(new JobRunner(this))
{
    setObjectName(QStringLiteral("metricsPane"));
    buildUi();
    metricChanged();
}

MetricsPane::~MetricsPane() = default;

void MetricsPane::buildUi()
{
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("metricCombo"));
    for (const MetricInfo &m : catalogue())
        m_metric->addItem(m.title, m.id);
    m_metric->insertSeparator(m_metric->count());
    const auto custom = settings::customMetrics();
    for (int i = 0; i < custom.size(); ++i)
        m_metric->addItem(custom[i].name, customPrefix() + QString::number(i));
    m_metric->addItem(tr("New SQL metric..."), customPrefix() + QStringLiteral("new"));

    m_endpoint = new QLineEdit(this);
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpoint->setPlaceholderText(QStringLiteral("/my/agent"));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(QStringLiteral("data.credits"));
    m_agg = new QComboBox(this);
    // Said in the reader's words; the SQL aggregate is the item's data.
    for (const auto &[a, label] : std::initializer_list<std::pair<const char *, QString>>{
             {"avg", tr("average")}, {"min", tr("minimum")}, {"max", tr("maximum")}, {"last", tr("last")}, {"sum", tr("sum")}})
        m_agg->addItem(label, QString::fromLatin1(a));
    m_status = new QLineEdit(this);
    m_status->setPlaceholderText(tr("e.g. 429"));
    m_bucket = new QComboBox(this);
    m_bucket->setObjectName(QStringLiteral("bucketCombo"));
    m_bucket->addItem(tr("Auto"), QString());
    m_bucket->addItem(tr("Minute"), QStringLiteral("1m"));
    m_bucket->addItem(tr("Hour"), QStringLiteral("1h"));
    m_bucket->addItem(tr("Day"), QStringLiteral("1d"));
    m_bucket->addItem(tr("Week"), QStringLiteral("1w"));
    m_bucket->addItem(tr("30 days"), QStringLiteral("30d"));
    m_bucket->setToolTip(tr("Auto picks a bucket for the week and never makes more than %L1 "
                            "buckets; the caption says what it chose.")
                             .arg(metrics::kMaxAutoBuckets));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Line"));
    m_kind->addItem(tr("Bar"));
    m_compare = new QCheckBox(tr("&Compare weeks"), this);
    m_compare->setObjectName(QStringLiteral("compareCheck"));
    m_weeks = new QListWidget(this);
    m_weeks->setObjectName(QStringLiteral("weekList"));
    m_weeks->setMaximumHeight(120);
    m_align = new QComboBox(this);
    m_align->addItem(tr("From each reset's start"), int(Align::Reset));
    m_align->addItem(tr("Absolute time"), int(Align::Absolute));
    m_sql = new QPlainTextEdit(this);
    m_sql->setObjectName(QStringLiteral("sqlEdit"));
    m_sql->setPlaceholderText(QStringLiteral(
        "SELECT date_trunc('hour', fetched_at), count(*), endpoint\nFROM raw.api_events GROUP BY 1, 3"));
    m_saveSql = new QPushButton(tr("Save as..."), this);
    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setToolTip(tr("Run the metric (Ctrl+Return)"));
    m_views = new QTreeWidget(this);
    m_views->setObjectName(QStringLiteral("viewList"));
    m_views->setHeaderLabels({tr("Materialized view"), tr("Refreshed"), tr("Size")});
    m_views->setRootIsDecorated(false);
    m_views->setMaximumHeight(110);
    m_refreshView = new QPushButton(tr("Refresh materiali&zed view"), this);
    m_refreshView->setToolTip(tr("REFRESH MATERIALIZED VIEW (concurrently where possible); "
                                 "needs admin mode"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Metric:"), m_metric);
    form->addRow(tr("Endpoint:"), m_endpoint);
    form->addRow(tr("JSON path:"), m_path);
    form->addRow(tr("Aggregate:"), m_agg);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Bucket:"), m_bucket);
    form->addRow(tr("Chart:"), m_kind);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(m_sql, 1);
    leftLayout->addWidget(m_saveSql);
    leftLayout->addWidget(m_compare);
    leftLayout->addWidget(m_weeks);
    leftLayout->addWidget(m_align);
    leftLayout->addWidget(m_run);
    leftLayout->addStretch(0);
    leftLayout->addWidget(m_views);
    leftLayout->addWidget(m_refreshView);

    m_chart = new ChartView(this);
    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("seriesTable"));
    m_tableView->setModel(m_table);
    m_tableView->verticalHeader()->hide();
    fitColumnsOnNewRows(m_tableView);
    m_summary = new QTableWidget(this);
    m_summary->setObjectName(QStringLiteral("summaryTable"));
    m_summary->setColumnCount(5);
    m_summary->setHorizontalHeaderLabels({tr("Series"), tr("Total"), tr("Mean"), tr("Peak"),
                                          tr("Time to peak")});
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_chart, tr("Chart"));
    tabs->addTab(m_tableView, tr("Table"));
    tabs->addTab(m_summary, tr("Summary"));
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("caption"));
    m_caption->setWordWrap(true);
    auto *exports = new QHBoxLayout;
    exports->addWidget(m_caption, 1);
    for (const QString &kind : {QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("CSV")}) {
        auto *b = new QPushButton(tr("Export %1...").arg(kind), this);
        connect(b, &QPushButton::clicked, this, [this, kind] { exportWithDialog(kind); });
        exports->addWidget(b);
    }
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(tabs, 1);
    rightLayout->addLayout(exports);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    split->setSizes({320, 900});
    roomForList(split, m_views, 0.45);
    m_progress = new ProgressPanel(this);
    m_progress->follow(m_runner);
    m_messages = new Banner(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_messages);

    connect(m_metric, &QComboBox::currentIndexChanged, this, &MetricsPane::metricChanged);
    connect(m_compare, &QCheckBox::toggled, this, &MetricsPane::metricChanged);
    connect(m_run, &QPushButton::clicked, this, &MetricsPane::run);
    connect(m_saveSql, &QPushButton::clicked, this, &MetricsPane::saveCustom);
    connect(m_refreshView, &QPushButton::clicked, this, &MetricsPane::refreshView);
    connect(m_runner, &JobRunner::busyChanged, this, [this](bool busy) {
        m_run->setEnabled(!busy && !m_database.isEmpty());
        m_refreshView->setEnabled(!busy && m_adminMode && m_views->currentItem());
    });
    connect(m_views, &QTreeWidget::currentItemChanged, this, [this] {
        m_refreshView->setEnabled(m_adminMode && m_views->currentItem() && !m_runner->isBusy());
    });
    // Zooming in asks for a finer bucket over just the visible range.
    connect(m_chart, &ChartView::visibleRangeChanged, this, [this](const QDateTime &from, const QDateTime &to) {
        if (m_compare->isChecked() || !m_bucket->currentData().toString().isEmpty()
            || m_metric->currentData().toString().startsWith(customPrefix()))
            return;
        if (bucketFor(from, to) == m_shown.bucket)
            return;
        Query q = currentQuery();
        q.since = from;
        q.until = to;
        q.bucket = bucketFor(from, to);
        runSingle(q, true);
    });
}

void MetricsPane::setServer(const std::optional<pg::ConnectionSettings> &server)
{
    m_server = server;
    m_database.clear();
    m_weeks->clear();
    m_familyWeeks.clear();
    m_views->clear();
    m_run->setEnabled(false);
    clearResults();
}

void MetricsPane::clearResults()
{
    ++m_generation; // an answer for the previous database is dropped when it comes
    m_shown = {};
    m_zoomed = false;
    m_chart->setEmptyText(tr("Choose a metric (and weeks to compare), then Run (Ctrl+Return)."));
    m_chart->setSeries({}, ChartView::Kind::Line, false, QString());
    m_table->setSeries({}, false);
    m_summary->setRowCount(0);
    m_caption->clear();
    m_messages->hide();
}

void MetricsPane::setAdminMode(bool on)
{
    m_adminMode = on;
    m_refreshView->setEnabled(on && m_views->currentItem() && !m_runner->isBusy());
}

void MetricsPane::selectMetric(const QString &id)
{
    const int index = m_metric->findData(id);
    if (index >= 0)
        m_metric->setCurrentIndex(index);
}

void MetricsPane::setParam(const QString &key, const QString &value)
{
    if (key == QLatin1String("endpoint"))
        m_endpoint->setText(value);
    else if (key == QLatin1String("path"))
        m_path->setText(value);
    else if (key == QLatin1String("agg"))
        m_agg->setCurrentIndex(std::max(0, m_agg->findData(value)));
    else if (key == QLatin1String("status"))
        m_status->setText(value);
}

void MetricsPane::metricChanged()
{
    const QString id = m_metric->currentData().toString();
    const bool custom = id.startsWith(customPrefix());
    const MetricInfo *info = custom ? nullptr : findMetric(id);
    const QStringList params = info ? info->params : QStringList();
    m_endpoint->setEnabled(params.contains(QStringLiteral("endpoint")));
    m_path->setEnabled(params.contains(QStringLiteral("path")));
    m_agg->setEnabled(params.contains(QStringLiteral("agg")));
    m_status->setEnabled(params.contains(QStringLiteral("status")));
    m_sql->setVisible(custom);
    m_saveSql->setVisible(custom);
    m_compare->setEnabled(!custom);
    m_weeks->setEnabled(m_compare->isChecked() && !custom);
    m_align->setEnabled(m_compare->isChecked() && !custom);
    if (custom && id != customPrefix() + QLatin1String("new")) {
        const auto all = settings::customMetrics();
        const int i = id.mid(customPrefix().size()).toInt();
        if (i >= 0 && i < all.size())
            m_sql->setPlainText(all[i].sql);
    }
    m_metric->setToolTip(info ? info->description : tr("Your own SELECT returning (time, value[, series])"));
}

Query MetricsPane::currentQuery() const
{
    Query q;
    q.metric = m_metric->currentData().toString();
    q.bucket = parseBucket(m_bucket->currentData().toString()).value_or(Bucket::Hour);
    auto put = [&q](const QString &key, QWidget *w, const QString &value) {
        if (w->isEnabled() && !value.trimmed().isEmpty())
            q.params.insert(key, value.trimmed());
    };
    put(QStringLiteral("endpoint"), m_endpoint, m_endpoint->text());
    put(QStringLiteral("path"), m_path, m_path->text());
    put(QStringLiteral("agg"), m_agg, m_agg->currentData().toString());
    put(QStringLiteral("status"), m_status, m_status->text());
    return q;
}

void MetricsPane::run()
{
    if (!m_server || m_database.isEmpty())
        return;
    m_messages->hide();
    m_zoomed = false;
    const Query q = currentQuery();
    if (m_compare->isChecked() && !q.metric.startsWith(customPrefix()))
        runCompare(q);
    else
        runSingle(q, false);
}

void MetricsPane::runSingle(const Query &query, bool fromZoom)
{
    const int generation = ++m_generation;
    const pg::ConnectionSettings db = m_server->withDatabase(m_database);
    const bool custom = query.metric.startsWith(customPrefix());
    const QString sql = m_sql->toPlainText();
    const bool autoBucket = m_bucket->currentData().toString().isEmpty();
    using Result = std::pair<SeriesSet, QDateTime>;
    m_runner->start<Result>(
        tr("Running %1 on %2").arg(m_metric->currentText(), m_database),
        [db, query, custom, sql, autoBucket, fromZoom](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const QDateTime start = resetStart(*conn).value_or(QDateTime());
            if (custom)
                return Result{runUserSql(*conn, sql, kUserSqlTimeoutMs, &ctx), start};
            Query q = query;
            // Auto: a bucket that suits the whole week (about a week of hours), capped by
            // core at kMaxAutoBuckets over the rows' real span.
            q.autoBucket = autoBucket;
            if (autoBucket && !fromZoom && start.isValid())
                q.bucket = bucketFor(start, start.addDays(7));
            return Result{metrics::run(*conn, q, &ctx), start};
        },
        [this, generation, fromZoom](const Outcome<Result> &r) {
            if (generation != m_generation)
                return; // a newer request is on its way
            if (!r.ok())
                return showError(r.error());
            m_messages->clearFor(m_database); // this database answered
            m_zoomed = fromZoom;
            display(r.value().first, false, r.value().second);
        });
}

void MetricsPane::display(const SeriesSet &set, bool offsets, const QDateTime &start,
                       const QList<std::pair<QString, QDateTime>> &weekStarts)
{
    m_shown = set;
    const QString title = m_metric->currentText();
    const bool custom = m_metric->currentData().toString().startsWith(customPrefix());
    m_chart->setEmptyText(tr("The metric has no samples in this range."));
    m_chart->setSeries(set.series, m_kind->currentIndex() == 1 ? ChartView::Kind::Bar : ChartView::Kind::Line,
                       offsets, title, custom ? 0 : bucketSeconds(set.bucket));
    m_table->setSeries(set.series, offsets);
    m_summary->setRowCount(int(set.series.size()));
    for (int i = 0; i < set.series.size(); ++i) {
        QDateTime from = start;
        for (const auto &[name, s] : weekStarts)
            if (name == set.series[i].name)
                from = s;
        // Whole buckets from the one holding the reset (compare aligned on the reset counts so
        // too); a user's SQL has its own buckets.
        const Summary s = summarize(set.series[i], from, custom ? 0 : bucketSeconds(set.bucket),
                                    offsets ? QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()) : defaultOrigin());
        const QStringList cells{set.series[i].name, QLocale().toString(s.total, 'g', 10),
                                QLocale().toString(s.mean, 'g', 6), QLocale().toString(s.peak, 'g', 10),
                                duration(s.timeToPeakSeconds)};
        for (int c = 0; c < cells.size(); ++c)
            m_summary->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_summary->resizeColumnsToContents();
    int points = 0;
    for (const Series &s : set.series)
        points += int(s.points.size());
    m_caption->setText(tr("%1, %n series", nullptr, int(set.series.size())).arg(title) + QStringLiteral(", ")
                       + tr("%n bucket(s) of %1%2", nullptr, points)
                             .arg(bucketName(set.bucket), m_zoomed ? tr(" (zoomed; 0 resets)") : QString())
                       + (set.source.isEmpty() ? QString() : tr(" - reading %1").arg(set.source))
                       + (set.bucketNote.isEmpty() ? QString() : QStringLiteral(" - ") + set.bucketNote));
    if (!set.note.isEmpty())
        m_messages->showMessage(set.note);
}

void MetricsPane::saveCustom()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save SQL metric"), tr("Name:"), QLineEdit::Normal,
                                               {}, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    auto all = settings::customMetrics();
    all.append({name, m_sql->toPlainText()});
    settings::saveCustomMetrics(all);
    m_metric->insertItem(m_metric->count() - 1, name, customPrefix() + QString::number(all.size() - 1));
    m_metric->setCurrentIndex(m_metric->count() - 2);
}

void MetricsPane::showError(const Error &error)
{
    if (error.kind() == Error::Kind::Cancelled)
        m_messages->showMessage(tr("Cancelled."), m_database);
    else
        m_messages->showError(error, m_database);
}

} // namespace statescope::gui
