// The Activity pane's Replication tab on a pg_auto_failover formation (a real one the test
// starts, tests/support/formation.sh): the nodes as the monitor reports them and its events,
// a failover named in the pane's banner while it happens, the new primary shown after it, a
// killed primary named in the window's banner until the formation rests while the Tables pane
// reads its table again on the new primary, and nothing of the
// formation left once the pane reads a plain server.
#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/activity/activitypane.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/tables/tablespane.h"
#include "gui/window/connectiondialog.h"
#include "gui/window/mainwindow.h"
#include "models/rowgridmodel.h"
#include "support/testformation.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace statescope;

namespace {

constexpr int kTimeout = 60000;

int rowOfState(const QTableWidget *t, const QString &state)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 2) && t->item(r, 2)->text() == state)
            return r;
    return -1;
}

} // namespace

class TestFormationPane : public QObject
{
    Q_OBJECT

    test::TestFormation m_f;
    std::unique_ptr<gui::ActivityPane> m_pane;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_f.up(), "the formation did not start (see the warnings above)");
        pg::Connection::open(m_f.target(), pg::Connection::Access::ReadWrite)
            ->execScript(QStringLiteral("CREATE DATABASE fo_2025_w01"));
        pg::Connection::open(m_f.target(QStringLiteral("fo_2025_w01")), pg::Connection::Access::ReadWrite)
            ->execScript(QStringLiteral("CREATE TABLE public.t (x int PRIMARY KEY); INSERT INTO public.t "
                                        "SELECT generate_series(1, 500)"));
        m_pane = std::make_unique<gui::ActivityPane>();
        m_pane->refreshSeconds()->setValue(1);
        m_pane->setServer(m_f.target());
        m_pane->resize(1200, 760);
        m_pane->show();
        m_pane->tabs()->setCurrentIndex(3); // Replication
    }

    void cleanupTestCase()
    {
        m_pane.reset();
        m_f.down();
    }

    void theNodesAndEventsAreShown()
    {
        QTableWidget *nodes = m_pane->formationNodes();
        QTRY_VERIFY_WITH_TIMEOUT(nodes->isVisible() && nodes->rowCount() == 2, kTimeout);
        const int primary = rowOfState(nodes, QStringLiteral("primary"));
        QVERIFY(primary >= 0 && rowOfState(nodes, QStringLiteral("secondary")) >= 0);
        QCOMPARE(nodes->item(primary, 3)->text(), QStringLiteral("primary"));
        const pg::FormationState st = m_f.state();
        QVERIFY(st.primary());
        QCOMPARE(nodes->item(primary, 1)->text(), QStringLiteral("%1:%2").arg(st.primary()->host).arg(st.primary()->port));
        QCOMPARE(nodes->item(primary, 7)->text(), QStringLiteral("healthy"));
        QVERIFY(m_pane->formationNote()->text().contains(QLatin1String("settled")));
        QVERIFY(m_pane->findChild<QTableWidget *>(QStringLiteral("formationEvents"))->rowCount() > 0);
        // The primary's own view beside it: its standby.
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->findChild<QTableWidget *>(QStringLiteral("standbyList"))->rowCount(), 1, kTimeout);
        // For a person to look at: STATESCOPE_FORMATION_SHOT=file.png.
        if (const QString shot = qEnvironmentVariable("STATESCOPE_FORMATION_SHOT"); !shot.isEmpty())
            QVERIFY(m_pane->grab().save(shot));
    }

    // The connection dialog's test names the node it reached, not the string's (it has none).
    void theConnectionTestNamesTheNodeReached()
    {
        gui::ConnectionDialog dialog;
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("newButton")), Qt::LeftButton);
        dialog.findChild<QLineEdit *>(QStringLiteral("conninfoEdit"))->setText(m_f.target().storableString());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connected")), kTimeout);
        const pg::FormationState st = m_f.state();
        QVERIFY(st.primary());
        const QString reached = QStringLiteral("%1:%2").arg(st.primary()->host).arg(m_f.viaPoolers() ? m_f.poolerPort() : st.primary()->port);
        QVERIFY2(result->text().contains(QStringLiteral("Reached %1, the primary.").arg(reached)), qPrintable(result->text()));
        QVERIFY2(!result->text().contains(QLatin1String("Unix-domain")), qPrintable(result->text()));
    }

    void aFailoverIsNamedAndTheNewPrimaryShown()
    {
        const int before = m_f.primaryPort();
        m_f.failover();
        // Read every second: the banner names the failover while it is under way.
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->banner()->isVisible()
                                     && m_pane->banner()->text().contains(QLatin1String("Failover in progress")),
                                 kTimeout);
        QVERIFY(m_f.settlesWith(0, 90000));
        const int after = m_f.primaryPort();
        QVERIFY(after != before);
        const QString host = m_f.state().primary()->host;
        QTableWidget *nodes = m_pane->formationNodes();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->formationNote()->text().contains(QLatin1String("settled"))
                                     && rowOfState(nodes, QStringLiteral("primary")) >= 0
                                     && nodes->item(rowOfState(nodes, QStringLiteral("primary")), 1)->text()
                                            == QStringLiteral("%1:%2").arg(host).arg(after),
                                 kTimeout);
    }

    void theWindowNamesAFailoverUnderWay()
    {
        QVERIFY(m_f.settlesWith(0, 60000));
        gui::MainWindow window;
        window.show();
        window.connectTo(m_f.target(), QStringLiteral("formation"));
        QTRY_COMPARE_WITH_TIMEOUT(window.currentDatabase(), QStringLiteral("fo_2025_w01"), kTimeout);
        gui::TablesPane *tables = window.tablesPane();
        window.showPane(tables);
        tables->openRelation(QStringLiteral("public"), QStringLiteral("t"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        // The primary killed (keeper and PostgreSQL): the monitor's states move for seconds.
        const int before = m_f.primaryPort();
        const QString node = m_f.nodeOnPort(before);
        QVERIFY(m_f.kill(node));
        QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible()
                                     && window.banner()->plainText().contains(QLatin1String("Formation default:")),
                                 kTimeout);
        QVERIFY(m_f.restart(node));
        // A row written on the promoted node as soon as it takes writes, before the formation
        // rests again (the killed node has yet to rejoin): the table read again shows it first.
        QVERIFY2(QTest::qWaitFor([&] {
                     try {
                         pg::Connection::open(m_f.target(QStringLiteral("fo_2025_w01")), pg::Connection::Access::ReadWrite)
                             ->exec(QStringLiteral("INSERT INTO public.t VALUES (0)"));
                         return true;
                     } catch (const Error &) {
                         return false;
                     }
                 }, 90000),
                 "the promoted node never took a write");
        QVERIFY2(m_f.settlesWith(0, 120000), "the formation did not settle with the killed node back");
        const int after = m_f.primaryPort();
        QVERIFY(after != before);
        // The table on screen is read again on the new primary: when it next asks for rows (its
        // session cut), or as soon as the window sees the monitor name the new primary (a
        // session through the node's PgBouncer is not cut: the pooler keeps it, and gives it the
        // old node back as a standby).
        QSignalSpy reopened(tables->model(), &models::RowGridModel::reconnected);
        tables->model()->index(tables->model()->rowCount() - 1, 0).data();
        QTRY_VERIFY_WITH_TIMEOUT(reopened.count() >= 1, kTimeout);
        const QString address = QStringLiteral("%1:%2").arg(m_f.state().primary()->host).arg(m_f.viaPoolers() ? m_f.poolerPort() : after);
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0 && tables->banner()->plainText().contains(address),
                                 kTimeout);
        QCOMPARE(reopened.last().at(1).toString(), address);
        QTRY_COMPARE_WITH_TIMEOUT(tables->model()->index(0, 0).data().toString(), QStringLiteral("0"), kTimeout);
        // Settled: the notice goes.
        QTRY_VERIFY_WITH_TIMEOUT(!window.banner()->isVisible()
                                     || !window.banner()->plainText().contains(QLatin1String("Formation default:")),
                                 kTimeout);
    }

    void aPlainServerShowsNoFormation()
    {
        m_pane->setServer(test::serverSettings());
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->formationNodes()->isVisible() && m_pane->formationNodes()->rowCount() == 0,
                                 kTimeout);
        QVERIFY(!m_pane->formationNote()->isVisible());
    }
};

QTEST_MAIN(TestFormationPane)
#include "tst_formationpane.moc"
