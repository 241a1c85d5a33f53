// A failover while the window is open: a primary and its real streaming standby, the window
// connected with both hosts and target_session_attrs=read-write. The primary is stopped, the
// standby promoted with pg_ctl promote; the Events pane (live tail) and the Tables pane read
// again on the new primary by themselves, say so in their banners, and the status bar names
// the host. An admin action then asks the new primary, never the old one. Before that, a
// browsing profile that prefers the standby reads there and still writes on the primary.

#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/banner.h"
#include "gui/events/eventspane.h"
#include "gui/window/mainwindow.h"
#include "gui/tables/tablespane.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;

namespace {
constexpr int kTimeout = 60000;
const QString kWeek = QStringLiteral("fo_2025_w09");
} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

    QTemporaryDir m_primaryDir{statescope::test::shortTempTemplate(QStringLiteral("ssfo-a"))};
    QTemporaryDir m_standbyDir{statescope::test::shortTempTemplate(QStringLiteral("ssfo-b"))};
    sandbox::Info m_primary, m_standby;
    std::unique_ptr<gui::MainWindow> m_window;

    static sandbox::Options options(const QString &dir)
    {
        sandbox::Options o;
        o.dir = dir;
        o.durable = false;
        return o;
    }

    QLabel *hostLabel() const { return m_window->findChild<QLabel *>(QStringLiteral("hostLabel")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_primaryDir.isValid() && m_standbyDir.isValid());
        m_primary = sandbox::Sandbox(options(m_primaryDir.path())).start();
        weekly::ServerAdmin(m_primary.settings).create(kWeek);
        demo::DemoOptions d;
        d.events = 600;
        d.games = 2;
        d.snapshots = 4;
        demo::seed(*test::connect(m_primary.settings.withDatabase(kWeek)), d);
        sandbox::Options s = options(m_standbyDir.path());
        s.standbyOf = m_primary.settings;
        m_standby = sandbox::Sandbox(s).start();
        // The standby has the week once it has replayed it.
        QTRY_VERIFY_WITH_TIMEOUT(test::scalar(*test::connect(m_standby.settings),
                                              QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"),
                                              {kWeek})
                                     == 1,
                                 kTimeout);

        // Both hosts; libpq takes the one that accepts writes.
        const pg::ConnectionSettings both = pg::ConnectionSettings::parse(
            QStringLiteral("host=%1,%2 port=%3,%4 user=%5 dbname=postgres target_session_attrs=read-write")
                .arg(m_primary.socketDir, m_standby.socketDir)
                .arg(m_primary.port)
                .arg(m_standby.port)
                .arg(QLatin1String(sandbox::Sandbox::kSuperuser)));
        m_window = std::make_unique<gui::MainWindow>();
        m_window->show();
        m_window->connectTo(both, QStringLiteral("game"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), kWeek, kTimeout);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        sandbox::Sandbox(options(m_standbyDir.path())).stop();
        sandbox::Sandbox(options(m_primaryDir.path())).stop();
    }

    QString bothHosts(const QString &attrs) const
    {
        return QStringLiteral("host=%1,%2 port=%3,%4 user=%5 dbname=postgres target_session_attrs=%6")
            .arg(m_primary.socketDir, m_standby.socketDir)
            .arg(m_primary.port)
            .arg(m_standby.port)
            .arg(QLatin1String(sandbox::Sandbox::kSuperuser), attrs);
    }

    void preferStandbyBrowsesTheStandbyAndWritesOnThePrimary()
    {
        // The profile a team browses with: the standby first, the primary only when it is gone.
        const pg::ConnectionSettings browsing =
            pg::ConnectionSettings::parse(bothHosts(QStringLiteral("prefer-standby")));
        auto reader = pg::Connection::open(browsing.withDatabase(kWeek), pg::Connection::Access::ReadOnly);
        QCOMPARE(reader->address().section(QLatin1Char(':'), 0, 0), m_standby.socketDir);
        QVERIFY(reader->isStandby());
        // A write through the same profile asks for the primary again.
        auto writer = pg::Connection::open(browsing.withDatabase(kWeek), pg::Connection::Access::ReadWrite);
        QCOMPARE(writer->address().section(QLatin1Char(':'), 0, 0), m_primary.socketDir);
        weekly::ServerAdmin(browsing).create(QStringLiteral("fo_2025_w08"));
        QCOMPARE(test::scalar(*test::connect(m_primary.settings),
                              QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = 'fo_2025_w08'")),
                 1);
    }

    void panesReadAgainOnThePromotedStandby()
    {
        gui::EventsPane *events = m_window->eventsPane();
        m_window->showPane(events);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowCount() > 0, kTimeout);
        // The pane on screen says which host it reads from: the primary.
        QTRY_VERIFY_WITH_TIMEOUT(hostLabel()->text().contains(m_primary.socketDir), kTimeout);
        gui::TablesPane *tables = m_window->tablesPane();
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);

        // The primary goes away; its standby is promoted in its place.
        sandbox::Sandbox(options(m_primaryDir.path())).stop();
        sandbox::Sandbox(options(m_standbyDir.path())).promote();

        // Events: the live tail's next read runs again on the new primary by itself.
        QSignalSpy again(events->model(), &models::EventTableModel::reconnected);
        events->setLiveTail(true);
        QTRY_VERIFY2_WITH_TIMEOUT(again.count() >= 1, qPrintable(events->errors()->text()), kTimeout);
        QCOMPARE(again.first().at(1).toString().section(QLatin1Char(':'), 0, 0), m_standby.socketDir);
        QTRY_VERIFY_WITH_TIMEOUT(events->errors()->isVisible()
                                     && events->errors()->text().contains(QLatin1String("reconnected to"))
                                     && events->errors()->text().contains(m_standby.socketDir),
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(hostLabel()->text().contains(m_standby.socketDir), kTimeout);
        events->setLiveTail(false);

        // Tables: the next page it asks for finds the connection gone; the table is opened
        // again, with what was on screen, on the new primary.
        m_window->showPane(tables);
        QSignalSpy reopened(tables->model(), &models::RowGridModel::reconnected);
        // What scrolling down does: a row not read yet is asked for.
        const int far = tables->model()->rowCount() - 1;
        tables->model()->index(far, 0).data();
        QTRY_VERIFY_WITH_TIMEOUT(reopened.count() >= 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(tables->banner()->text().contains(m_standby.socketDir), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(hostLabel()->text().contains(m_standby.socketDir), kTimeout);

        // An admin action asks again which host is the primary: the promoted one.
        const weekly::ServerAdmin admin(pg::ConnectionSettings::parse(bothHosts(QStringLiteral("prefer-standby"))));
        admin.create(QStringLiteral("fo_2025_w10"));
        QCOMPARE(test::scalar(*test::connect(m_standby.settings),
                              QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = 'fo_2025_w10'")),
                 1);
    }
};

QTEST_MAIN(TestFailover)
#include "tst_failover.moc"
