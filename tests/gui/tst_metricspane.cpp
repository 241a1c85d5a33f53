// Drives the real Metrics pane (offscreen): two seeded weeks of a family compared from each
// reset's start, then the chart exported as PNG and SVG and its data as CSV.
#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/jobrunner.h"
#include "gui/metrics/metricspane.h"
#include "support/testserver.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace statescope;

namespace {

constexpr int kTimeout = 120000;

} // namespace

class TestMetricsPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString prefix = QStringLiteral("mgui%1").arg(QCoreApplication::applicationPid());
        const weekly::ServerAdmin admin(test::serverSettings());
        for (int week : {1, 2}) {
            const QString name = weekly::WeeklyName(prefix, 2025, week).databaseName();
            admin.create(name);
            m_weeks << name;
            auto conn = test::connect(test::serverSettings().withDatabase(name));
            demo::DemoOptions options;
            options.events = 300 + 100 * week; // the weeks differ, as resets do
            options.games = 2;
            options.snapshots = 10;
            options.seed = 7 + week;
            options.start = QDateTime(weekly::WeeklyName(prefix, 2025, week).monday(), QTime(0, 0),
                                      QTimeZone::utc());
            demo::seed(*conn, options);
        }
        m_pane = std::make_unique<gui::MetricsPane>();
        m_pane->resize(1100, 700);
        m_pane->show();
        m_pane->setServer(test::serverSettings());
        m_pane->setDatabase(m_weeks.first(), m_weeks);
    }

    void cleanupTestCase()
    {
        m_pane.reset();
        for (const QString &name : m_weeks)
            test::dropDatabase(name);
    }

    void comparesTwoWeeksFromTheirResets()
    {
        m_pane->selectMetric(QStringLiteral("events"));
        m_pane->setCompare(m_weeks, metrics::Align::Reset);
        m_pane->run();
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->shown().series.isEmpty() && !m_pane->runner()->isBusy(), kTimeout);
        QCOMPARE(m_pane->chart()->seriesCount(), 2);
        QVERIFY(m_pane->chart()->isOffsets());
        QCOMPARE(m_pane->shown().series[0].name, QStringLiteral("2025-W01"));
        QCOMPARE(m_pane->shown().series[1].name, QStringLiteral("2025-W02"));
        // Aligned on their resets: both start at offset zero, and each total is its week's events.
        const QList<double> expected{400, 500};
        for (int i = 0; i < 2; ++i) {
            const auto &points = m_pane->shown().series[i].points;
            QVERIFY(!points.isEmpty());
            QVERIFY(points.first().t.toSecsSinceEpoch() < 3600);
            double sum = 0;
            for (const auto &p : points)
                sum += p.value;
            QCOMPARE(sum, expected[i]);
        }
        QCOMPARE(m_pane->summaryTable()->rowCount(), 2);
        QCOMPARE(m_pane->summaryTable()->item(1, 1)->text().remove(QLatin1Char(',')), QStringLiteral("500"));
    }

    void exportsPngSvgAndCsv()
    {
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY2(m_pane->exportPng(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100);

        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY2(m_pane->exportSvg(svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("<svg"));

        const QString csv = dir.filePath(QStringLiteral("data.csv"));
        QVERIFY2(m_pane->exportCsv(csv, &error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
        int points = 0;
        for (const auto &s : m_pane->shown().series)
            points += int(s.points.size());
        QCOMPARE(lines.size(), points + 1); // header + one line per point
        QVERIFY(lines.first().startsWith("time"));
        QVERIFY(lines.at(1).contains("2025-W01"));
    }

private:
    QStringList m_weeks;
    std::unique_ptr<gui::MetricsPane> m_pane;
};

QTEST_MAIN(TestMetricsPane)
#include "tst_metricspane.moc"
