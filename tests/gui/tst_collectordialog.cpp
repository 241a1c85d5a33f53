// The collector's window: starting needs admin mode, the numbers move as rows land, Stop
// stores the batch in flight, a bad endpoints file is refused in place.
#include "integration/fakeapi.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/weekly/weeklyname.h"
#include "gui/collector/collectordialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace statescope;
using namespace statescope::test;

class TestCollectorDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_databases;

    QString writeFile(const QByteArray &text)
    {
        const QString path = m_dir.path() + QStringLiteral("/endpoints.json");
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(text);
        return path;
    }

private slots:
    void cleanupTestCase()
    {
        for (const QString &name : std::as_const(m_databases))
            dropDatabase(name);
    }

    void startsOnlyInAdminModeAndStopsCleanly()
    {
        FakeApi api;
        QVERIFY(api.ok());
        const QString family = QStringLiteral("guicoll%1").arg(QCoreApplication::applicationPid());
        m_databases << weekly::WeeklyName::forDate(family, QDateTime::currentDateTimeUtc().date()).databaseName();
        // The token from the environment: the keychain (D-Bus) may be slow or absent here.
        qputenv("STATESCOPE_API_TOKEN", "gui-token");
        gui::CollectorDialog dialog(directServerSettings(), family);
        dialog.show();
        auto *start = dialog.findChild<QPushButton *>(QStringLiteral("collectorStart"));
        auto *stop = dialog.findChild<QPushButton *>(QStringLiteral("collectorStop"));
        auto *stats = dialog.findChild<QLabel *>(QStringLiteral("collectorStats"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("collectorError"));

        // A bad file: said under it, nothing to start.
        QVERIFY(!dialog.loadConfig(writeFile("{\"base_url\": \"ftp://x\", \"endpoints\": []}")));
        QVERIFY(error->text().contains(QLatin1String("base_url")));
        QVERIFY(!start->isEnabled());

        QVERIFY(dialog.loadConfig(writeFile(QByteArrayLiteral("{\"base_url\": \"") + api.url().toUtf8()
                                            + "\", \"endpoints\": [{\"path\": \"/my/agent\", \"interval_s\": 1},"
                                              " {\"path\": \"/my/ships\", \"paged\": true}]}")));
        QCOMPARE(dialog.findChild<QTreeWidget *>(QStringLiteral("collectorEndpoints"))->topLevelItemCount(), 2);
        QVERIFY(!start->isEnabled()); // admin mode is off
        dialog.setAdminMode(true);
        QVERIFY(start->isEnabled());
        QSignalSpy running(&dialog, &gui::CollectorDialog::runningChanged);
        QSignalSpy moved(&dialog, &gui::CollectorDialog::databaseChanged);
        // The window names its target before anything starts.
        auto *target = dialog.findChild<QLabel *>(QStringLiteral("collectorTarget"));
        QTRY_VERIFY(target->text().contains(m_databases.last()) && target->text().contains(QLatin1String("creates it")));
        // Return in the path field loads the file and starts nothing: no button is a default one.
        auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("collectorConfig"));
        path->setFocus();
        QTest::keyClick(path, Qt::Key_Return);
        QTest::qWait(200);
        QVERIFY(!dialog.isRunning());
        QVERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("collectorConfirm")));
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            QVERIFY2(!b->isDefault() && !b->autoDefault(), qPrintable(b->text()));
        // Start asks first, saying what it will do; Enter there cancels.
        QTest::mouseClick(start, Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = dialog.findChild<QMessageBox *>(QStringLiteral("collectorConfirm"))) != nullptr);
        QVERIFY(confirm->informativeText().contains(m_databases.last()));
        QVERIFY(confirm->informativeText().contains(QLatin1String("/my/ships")));
        QVERIFY(confirm->informativeText().contains(QLatin1String("requests per second")));
        QTest::keyClick(confirm, Qt::Key_Return);
        QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("collectorConfirm")));
        QVERIFY(!dialog.isRunning());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY((confirm = dialog.findChild<QMessageBox *>(QStringLiteral("collectorConfirm"))) != nullptr);
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("collectorConfirmStart")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isRunning(), 20000);
        // The database it made is announced (the sidebar lists it at once).
        QTRY_VERIFY_WITH_TIMEOUT(moved.count() >= 1, 20000);
        QCOMPARE(moved.first().first().toString(), m_databases.last());
        QTRY_VERIFY_WITH_TIMEOUT(stats->text().contains(QLatin1String("200:")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(api.log().size() >= 6, 20000); // agent twice, 3 pages...
        QCOMPARE(api.log().first().value(QLatin1String("auth")).toString(), QStringLiteral("Bearer gui-token"));
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(running.count(), 2, 20000); // started, then stopped
        QVERIFY(!dialog.isRunning());
        QVERIFY2(error->text().isEmpty(), qPrintable(error->text()));
        QVERIFY(start->isEnabled());
        auto conn = test::connect(directServerSettings().withDatabase(m_databases.last()));
        const qint64 stored = scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events"));
        QVERIFY(stored >= api.log().size() - 1 && stored <= api.log().size());
    }
};

QTEST_MAIN(TestCollectorDialog)
#include "tst_collectordialog.moc"
