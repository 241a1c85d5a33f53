// The Activity pane's Charts tab: the server's counters sampled at each refresh while the pane
// is open (whatever the tab), kept in memory and bounded, drawn as four charts and exported as
// CSV.
#include "gui/activity/activitypane.h"

#include "core/error.h"
#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/jobrunner.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::activity;

namespace {

// One named series of the points, each value times `scale`; none when there is no point (an
// empty chart rather than a legend entry with nothing drawn).
QList<metrics::Series> seriesOf(const QString &name, const SampleHistory::Points &points, double scale = 1)
{
    if (points.isEmpty())
        return {};
    metrics::Series s;
    s.name = name;
    s.points.reserve(points.size());
    for (const auto &p : points)
        s.points << metrics::Point{p.first, p.second * scale};
    return {s};
}

// A file name part from a server's name: letters, digits, dots, dashes and underscores only.
QString fileNamePart(const QString &text)
{
    QString out = text;
    out.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    while (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('_')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char('_')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("server") : out.left(80);
}

} // namespace

QWidget *ActivityPane::buildCharts()
{
    auto *w = new QWidget(this);
    m_chartsNote = new QLabel(w);
    m_chartsNote->setObjectName(QStringLiteral("chartsNote"));
    m_chartsNote->setTextFormat(Qt::PlainText);
    m_chartsNote->setWordWrap(true);
    m_exportCharts = new QPushButton(tr("Export CSV…"), w);
    m_exportCharts->setObjectName(QStringLiteral("exportCharts"));
    m_exportCharts->setToolTip(tr("Save the samples kept (time in UTC, connections, transactions per second, cache hit "
                                  "ratio, replication lag) as a CSV file"));
    connect(m_exportCharts, &QPushButton::clicked, this, &ActivityPane::exportCharts);

    const auto makeChart = [w](const QString &name) {
        auto *chart = new ChartView(w);
        chart->setObjectName(name);
        chart->setMinimumSize(240, 160);
        chart->setEmptyText(ActivityPane::tr("No samples yet."));
        return chart;
    };
    m_chartConnections = makeChart(QStringLiteral("chartConnections"));
    m_chartTps = makeChart(QStringLiteral("chartTps"));
    m_chartCacheHit = makeChart(QStringLiteral("chartCacheHit"));
    m_chartLag = makeChart(QStringLiteral("chartLag"));
    m_chartConnections->setAccessibleName(tr("Connections"));
    m_chartTps->setAccessibleName(tr("Transactions per second"));
    m_chartCacheHit->setAccessibleName(tr("Cache hit ratio"));
    m_chartLag->setAccessibleName(tr("Replication lag"));
    m_lagNote = new QLabel(tr("No standby: no replication lag to draw."), w);
    m_lagNote->setObjectName(QStringLiteral("chartLagNote"));
    m_lagNote->setTextFormat(Qt::PlainText);
    m_lagNote->setWordWrap(true);
    m_lagNote->setToolTip(tr("On a primary, the largest replay lag its standbys report (0 for one that has caught up "
                             "and idles); on a standby, the time since the last transaction it replayed."));
    m_lagNote->hide();
    auto *lag = new QWidget(w);
    auto *lagLayout = new QVBoxLayout(lag);
    lagLayout->setContentsMargins(0, 0, 0, 0);
    lagLayout->addWidget(m_lagNote);
    lagLayout->addWidget(m_chartLag, 1);

    auto *usage = new QLabel(ChartView::usage(), w);
    usage->setTextFormat(Qt::PlainText);
    usage->setWordWrap(true);
    usage->setEnabled(false); // a hint, drawn quieter than the note

    auto *top = new QHBoxLayout;
    top->addWidget(m_chartsNote, 1);
    top->addWidget(m_exportCharts);
    auto *grid = new QGridLayout;
    grid->addWidget(m_chartConnections, 0, 0);
    grid->addWidget(m_chartTps, 0, 1);
    grid->addWidget(m_chartCacheHit, 1, 0);
    grid->addWidget(lag, 1, 1);
    for (int i = 0; i < 2; ++i) {
        grid->setRowStretch(i, 1);
        grid->setColumnStretch(i, 1);
    }
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    layout->addWidget(usage);
    return w;
}

ChartView *ActivityPane::chart(const QString &objectName) const
{
    for (ChartView *c : {m_chartConnections, m_chartTps, m_chartCacheHit, m_chartLag})
        if (c && c->objectName() == objectName)
            return c;
    return nullptr;
}

void ActivityPane::takeSample(bool evenPaused)
{
    if (!m_server || !m_shown || (m_paused && !evenPaused) || m_sampler->isBusy())
        return;
    // The server's own counters (every database), whatever database the pane is narrowed to.
    const pg::ConnectionSettings server = *m_server;
    const int generation = m_generation;
    m_sampler->start<Sample>(
        tr("Sampling the server's counters"),
        [server](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::sample(*conn);
        },
        [this, generation](const Outcome<Sample> &r) {
            if (!current(generation))
                return;
            const bool onScreen = m_tabs->currentIndex() == ChartsTab;
            if (!r.ok()) {
                // On another tab, its own read says what is wrong with the server.
                if (onScreen)
                    readFailed(r.error());
                return;
            }
            m_history.add(r.value());
            if (onScreen) {
                showCharts();
                markRefreshed(tr("Charts"));
            }
        });
}

void ActivityPane::showCharts()
{
    if (!m_chartConnections)
        return;
    constexpr auto line = ChartView::Kind::Line;
    // Absolute UTC times, each point a sample (rates and ratios: the interval that ends there).
    m_chartConnections->setSeries(seriesOf(tr("client sessions"), m_history.connections()), line, false,
                                  tr("Connections"));
    m_chartTps->setSeries(seriesOf(tr("commits and rollbacks per second"), m_history.transactionsPerSecond()), line,
                          false, tr("Transactions per second"));
    m_chartCacheHit->setSeries(seriesOf(tr("blocks found in shared buffers (%)"), m_history.cacheHitRatio(), 100), line,
                               false, tr("Cache hit ratio (%)"));
    const SampleHistory::Points lag = m_history.replicationLag();
    m_chartLag->setSeries(seriesOf(tr("replay lag (s)"), lag), line, false, tr("Replication lag (s)"));

    const QList<Sample> &samples = m_history.samples();
    m_lagNote->setVisible(!samples.isEmpty() && lag.isEmpty());
    m_exportCharts->setEnabled(!samples.isEmpty());
    const QString bound = tr("at most %1 (the last hour at 5 s; older samples are dropped)")
                              .arg(QLocale().toString(m_history.capacity()));
    if (samples.isEmpty()) {
        m_chartsNote->setText(m_server ? tr("No sample yet: one is taken at each refresh while the pane is shown and "
                                            "not paused, whatever the tab; %1.")
                                             .arg(bound)
                                       : tr("Not connected."));
        return;
    }
    const double span = samples.first().at.msecsTo(samples.last().at) / 1000.0;
    QString note = tr("%n sample(s) kept in memory over %1, one at each refresh whatever the tab; %2.", nullptr,
                      int(samples.size()))
                       .arg(age(span), bound);
    if (m_seconds->value() != 5)
        note += QLatin1Char(' ')
                + tr("At every %1 s they reach back %2.")
                      .arg(m_seconds->value())
                      .arg(age(double(m_history.capacity()) * m_seconds->value()));
    m_chartsNote->setText(note);
}

bool ActivityPane::exportChartsTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_history.csv().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ActivityPane::exportCharts()
{
    const QString context = tr("Charts export");
    if (m_history.samples().isEmpty()) {
        m_banner->showWarning(tr("No sample to export yet."), context);
        return;
    }
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("activity_%1_%2.csv")
            .arg(fileNamePart(serverContext()),
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_HHmmss"))));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the activity charts"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportChartsTo(path, &error))
        m_banner->showSuccess(tr("Exported %n sample(s) to %1.", nullptr, int(m_history.samples().size()))
                                  .arg(QDir::toNativeSeparators(path)),
                              context);
    else
        m_banner->showError(Error(Error::Kind::Environment, error), context);
}

} // namespace statescope::gui
