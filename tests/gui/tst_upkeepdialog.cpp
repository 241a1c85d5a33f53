// The Upkeep dialog on Marketland+'s own shape: what it reads (partitions and their scheme,
// the jobs archive's plan, autovacuum settings, indexes, pg_cron), that changes wait for
// admin mode, a typed confirmation and a reason, and that made changes show at once.
#include "core/demo/shapes.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "core/upkeep/partitions.h"
#include "gui/admin/upkeepdialog.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace statescope;

namespace {

constexpr int kTimeout = 60000;

void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Types the database name and a reason into the confirmation the dialog opened, then OK.
bool confirm(QWidget *owner, const QString &name)
{
    gui::ConfirmDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = owner->findChild<gui::ConfirmDialog *>()) && dialog->isVisible(); }, kTimeout))
        return false;
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), name);
    if (ok->isEnabled()) // a reason is asked for too
        return false;
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("monthly upkeep"));
    if (!ok->isEnabled())
        return false;
    QTest::mouseClick(ok, Qt::LeftButton);
    return true;
}

} // namespace

class TestUpkeepDialog : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;

private slots:
    void initTestCase()
    {
        m_db = test::emptyDatabase(QStringLiteral("upkeep_gui"));
        auto conn = test::connect(m_db);
        demo::DemoOptions o;
        o.events = 20;
        o.games = 2;
        o.snapshots = 4;
        demo::seedShape(*conn, demo::Shape::Marketland, o);
    }

    void cleanupTestCase() { test::dropDatabase(m_db.database()); }

    void readsEverythingAndChangesOnlyInAdminMode()
    {
        gui::UpkeepDialog dialog(m_db);
        QSignalSpy loaded(&dialog, &gui::UpkeepDialog::loaded);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kTimeout);
        QCOMPARE(dialog.tableCombo()->currentText(), QStringLiteral("public.player_events"));
        QCOMPARE(dialog.partitions()->rowCount(), 3);
        QCOMPARE(dialog.partitions()->item(0, 0)->text(), QStringLiteral("player_events_2025_10"));
        QVERIFY2(dialog.schemeLabel()->text().contains(QLatin1String("player_events_YYYY_MM")),
                 qPrintable(dialog.schemeLabel()->text()));
        QVERIFY2(dialog.jobsLabel()->text().contains(QLatin1String("public.processing_jobs_archive")),
                 qPrintable(dialog.jobsLabel()->text()));
        bool tuned = false;
        for (int r = 0; r < dialog.vacuum()->rowCount(); ++r)
            tuned |= dialog.vacuum()->item(r, 0)->text() == QLatin1String("public.processing_jobs")
                     && dialog.vacuum()->item(r, 4)->text().contains(QLatin1String("autovacuum_vacuum_scale_factor=0.01"));
        QVERIFY(tuned);
        QVERIFY(dialog.indexes()->rowCount() > 0);
        QVERIFY2(dialog.cronLabel()->text().contains(QLatin1String("pg_cron")), qPrintable(dialog.cronLabel()->text()));
        shoot(&dialog, QStringLiteral("upkeep-partitions"));

        auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createPartitions"));
        auto *archive = dialog.findChild<QPushButton *>(QStringLiteral("archivePartitions"));
        QVERIFY(!create->isEnabled());
        QVERIFY(!archive->isEnabled());
        dialog.setAdminMode(true);
        QVERIFY(create->isEnabled());

        // Next partitions up to one month past today: previewed, confirmed, made.
        auto conn = test::connect(m_db);
        QSignalSpy changed(&dialog, &gui::UpkeepDialog::changed);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(confirm(&dialog, m_db.database()));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1 && loaded.count() == 2, kTimeout);
        QCOMPARE(dialog.banner()->kind(), gui::Banner::Kind::Success);
        const qint64 partitions = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhparent = "
                                                                     "'public.player_events'::regclass"));
        QVERIFY(partitions > 3);
        QCOMPARE(qint64(dialog.partitions()->rowCount()), partitions);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhparent = "
                                                    "'public.player_events'::regclass AND inhrelid = to_regclass("
                                                    "'public.player_events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM'))")),
                 1);

        // Partitions that ended more than a year ago: dumped, checked, dropped.
        dialog.monthsSpin()->setValue(12);
        qint64 old = 0;
        for (const upkeep::Partition &p : upkeep::partitionedTable(*conn, QStringLiteral("player_events")).partitions)
            old += !p.isDefault && p.to <= QDateTime::currentDateTimeUtc().addMonths(-12);
        QTest::mouseClick(archive, Qt::LeftButton);
        if (old == 0) {
            // Nothing that old (the clock is early in the shape's life): said, nothing asked.
            QTRY_VERIFY_WITH_TIMEOUT(dialog.banner()->kind() == gui::Banner::Kind::Error, kTimeout);
            QVERIFY(dialog.banner()->plainText().contains(QLatin1String("nothing to archive")));
        } else {
            QVERIFY(confirm(&dialog, m_db.database()));
            QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 2 && loaded.count() == 3, kTimeout);
            QVERIFY2(dialog.banner()->kind() == gui::Banner::Kind::Success, qPrintable(dialog.banner()->plainText()));
            QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhparent = "
                                                        "'public.player_events'::regclass")),
                     partitions - old);
        }

        // A value out of range: said before anything is sent.
        const int row = [&] {
            for (int r = 0; r < dialog.vacuum()->rowCount(); ++r)
                if (dialog.vacuum()->item(r, 0)->text() == QLatin1String("public.processing_jobs"))
                    return r;
            return -1;
        }();
        QVERIFY(row >= 0);
        dialog.vacuum()->selectRow(row);
        auto *value = dialog.findChild<QLineEdit *>(QStringLiteral("vacuumValue"));
        dialog.findChild<QComboBox *>(QStringLiteral("vacuumOption"))->setCurrentText(QStringLiteral("autovacuum_vacuum_scale_factor"));
        value->setText(QStringLiteral("250"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("applyVacuum")), Qt::LeftButton);
        QCOMPARE(dialog.banner()->kind(), gui::Banner::Kind::Error);
        QVERIFY(dialog.findChild<gui::ConfirmDialog *>() == nullptr || !dialog.findChild<gui::ConfirmDialog *>()->isVisible());
        value->setText(QStringLiteral("0.02"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("applyVacuum")), Qt::LeftButton);
        QVERIFY(confirm(&dialog, m_db.database()));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2 && dialog.banner()->kind() == gui::Banner::Kind::Success
                                     && dialog.banner()->plainText().contains(QLatin1String("autovacuum")),
                                 kTimeout);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE oid = 'public.processing_jobs'::regclass "
                                                    "AND reloptions @> '{autovacuum_vacuum_scale_factor=0.02,"
                                                    "autovacuum_analyze_scale_factor=0.005}' AND cardinality(reloptions) = 2")),
                 1);
        shoot(&dialog, QStringLiteral("upkeep-after"));
    }
};

QTEST_MAIN(TestUpkeepDialog)
#include "tst_upkeepdialog.moc"
