// The window as a support engineer meets it (issue 13), on real widgets against the test
// server: several servers in the sidebar, admin mode that belongs to one server and goes off
// on a switch or a reconnect, the production tint, the title, where the first window opens,
// the connection dialog (Save never connects, fields and string in step, Test connection),
// passwords with no keychain reachable (the person is asked; nothing is written), typed
// confirmations that never cancel on Enter, the shortcut list, themes and icons.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/format.h"
#include "core/settings.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/confirmdialog.h"
#include "core/pg/formation.h"
#include "gui/window/connectiondialog.h"
#include "gui/events/eventspane.h"
#include "gui/admin/adminpane.h"
#include "gui/console/consolepane.h"
#include "gui/events/eventspane.h"
#include "gui/window/mainwindow.h"
#include "gui/metrics/metricspane.h"
#include "gui/replay/replaypane.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/players/playereventspane.h"
#include "gui/window/safetystrip.h"
#include "gui/window/sidebar.h"
#include "gui/shards/shardspane.h"
#include "models/ink.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QMenu>
#include <QToolButton>
#include <QTableWidget>
#include <QScreen>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTest>
#include <QStyle>
#include <QImage>
#include <QStyleOptionButton>
#include <QToolBar>
#include <QWidgetAction>
#include <QTreeView>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kTimeout = 60000;

template <class T> T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

QString settingsText()
{
    QFile f(settings::path());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestWindow : public QObject
{
    Q_OBJECT

    QString m_prefix;
    QStringList m_databases;
    QString m_role;
    std::unique_ptr<gui::MainWindow> m_window;

    QString week(int n) const { return QStringLiteral("%1_2099_w%2").arg(m_prefix).arg(n, 2, 10, QLatin1Char('0')); }

    void openWindow()
    {
        m_window = std::make_unique<gui::MainWindow>();
        m_window->resize(1300, 820);
        m_window->show();
    }

    // Waits until the server `id` is listed in the sidebar.
    void waitListed(const QString &id)
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->sidebar()->model()->serverState(id),
                                  models::ServerTreeModel::ServerState::Listed, kTimeout);
    }

private slots:
    void initTestCase()
    {
        // This test's own settings file, and no desktop keychain: whatever the machine
        // running it has, a password must never reach a real one.
        static QTemporaryDir home;
        qputenv("STATESCOPE_HOME", home.path().toLocal8Bit());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        m_prefix = QStringLiteral("win%1").arg(QCoreApplication::applicationPid());
        // Two weeks far in the future: the newest weekly databases on the shared server.
        const weekly::ServerAdmin admin(serverSettings());
        for (int n : {50, 51}) {
            admin.create(week(n), QStringLiteral("tst_window"));
            m_databases << week(n);
        }
    }

    void cleanupTestCase()
    {
        m_window.reset();
        for (const QString &db : m_databases)
            dropDatabase(db);
        if (!m_role.isEmpty()) {
            auto conn = test::connect(directServerSettings());
            conn->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(conn->quoteIdentifier(m_role)));
        }
    }

    // First start (nothing saved): the window takes the screen's available area itself, before
    // any window manager is asked to maximize it (without one it came up at 1110x656 in a corner).
    void firstStartTakesTheScreen()
    {
        gui::MainWindow first;
        QVERIFY(first.screen());
        QCOMPARE(first.geometry().size(), first.screen()->availableGeometry().size());
        QVERIFY(first.windowState().testFlag(Qt::WindowMaximized));
    }

    void opensOnTheEventsOfTheNewestWeek()
    {
        openWindow();
        QSignalSpy listed(m_window.get(), &gui::MainWindow::databasesListed);
        m_window->showPane(m_window->adminPane()); // whatever was on screen before
        m_window->connectTo(serverSettings(), QStringLiteral("test server"));
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), kTimeout);
        QCOMPARE(m_window->currentPane(), m_window->eventsPane());
        QCOMPARE(m_window->currentDatabase(), week(51));
        QCOMPARE(m_window->sidebar()->currentDatabase(), week(51));
        // The title names the database, then the server, then the program, once.
        QCOMPARE(m_window->windowTitle(),
                 QStringLiteral("%1 \u2014 test server \u2014 Statescope").arg(week(51)));
        // The admin pane's list follows the sidebar.
        QCOMPARE(m_window->adminPane()->selectedDatabase(), week(51));
    }

    // A table's rows (the planner's) and size are in the tree beside its name, not only in
    // its tooltip; checked against the catalog.
    void sidebarShowsRowsAndSize()
    {
        using models::ServerTreeModel;
        auto conn = test::connect(serverSettings().withDatabase(week(51)));
        conn->exec(QStringLiteral("CREATE TABLE public.sized (id int)"));
        conn->exec(QStringLiteral("INSERT INTO public.sized SELECT generate_series(1, 5000)"));
        conn->exec(QStringLiteral("CREATE INDEX ON public.sized (id)"));
        conn->exec(QStringLiteral("VACUUM (ANALYZE) public.sized"));
        // The size as the catalog's statistics have it (pages of the table, its TOAST table
        // and its indexes: the tree reads no file sizes, at 5,000 tables it would stat each).
        const pg::Result r = conn->exec(QStringLiteral(
            "SELECT c.reltuples::bigint, (c.relpages + coalesce(t.relpages, 0) + coalesce((SELECT sum(i.relpages)"
            " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid), 0))"
            " * current_setting('block_size')::bigint FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid"
            " WHERE c.oid = 'public.sized'::regclass"));
        QCOMPARE(r.value(0, 0).toLongLong(), 5000);
        const QString expected = QStringLiteral("\u22485.0k \u00B7 %1").arg(format::bytes(r.value(0, 1).toLongLong()));
        // Read again (the tree may have read it mid-make): the table's row, found anew each time.
        const QString server = m_window->currentServer();
        m_window->sidebar()->refresh(server, week(51));
        QAbstractItemModel *model = m_window->sidebar()->model();
        QTreeView *view = m_window->sidebar()->view();
        const auto sizedRow = [&]() -> QModelIndex {
            const QModelIndexList dbs = model->match(model->index(0, 0), ServerTreeModel::DatabaseNameRole, week(51), 1,
                                                     Qt::MatchExactly | Qt::MatchRecursive);
            if (dbs.isEmpty())
                return {};
            view->expand(dbs.first());
            const QModelIndexList rows = model->match(model->index(0, 0, dbs.first()), ServerTreeModel::RelationRole,
                                                      QStringLiteral("sized"), 1, Qt::MatchExactly | Qt::MatchRecursive);
            return rows.isEmpty() ? QModelIndex() : rows.first();
        };
        QTRY_COMPARE_WITH_TIMEOUT(sizedRow().data(ServerTreeModel::FiguresRole).toString(), expected, kTimeout);
        const QString figures = sizedRow().data(ServerTreeModel::FiguresRole).toString();
        // Drawn: text in the right part of the row, past the name, where the figures go (the
        // tree as wide as a person makes it to read them; narrower, names come first).
        auto *dock = qobject_cast<QDockWidget *>(m_window->sidebar()->parentWidget());
        QVERIFY(dock);
        m_window->resize(1800, 900); // the panes keep their least width beside it
        QTRY_COMPARE(m_window->width(), 1800);
        m_window->resizeDocks({dock}, {420}, Qt::Horizontal);
        QTRY_VERIFY2(dock->width() >= 400, qPrintable(QString::number(dock->width())));
        const QModelIndex sized = sizedRow(); // again: the waits above may have made the rows anew
        QVERIFY(sized.isValid());
        view->scrollTo(sized);
        const QRect row = view->visualRect(sized);
        QVERIFY(row.width() > view->fontMetrics().horizontalAdvance(QStringLiteral("sized ") + figures) + 40);
        const QImage image = view->viewport()->grab(row).toImage();
        const QColor background = image.pixelColor(image.width() - 1, image.height() / 2);
        const int from = image.width() - view->fontMetrics().horizontalAdvance(figures);
        int ink = 0;
        for (int x = std::max(0, from); x < image.width(); ++x)
            for (int y = 0; y < image.height(); ++y) {
                const QColor c = image.pixelColor(x, y);
                ink += std::abs(c.red() - background.red()) + std::abs(c.green() - background.green())
                               + std::abs(c.blue() - background.blue()) > 120;
            }
        QVERIFY2(ink > 20, qPrintable(QStringLiteral("%1 pixels of ink where the figures go").arg(ink)));
        conn->exec(QStringLiteral("DROP TABLE public.sized"));
        m_window->resize(1300, 820);
    }

    // The window fits a 1280x800 screen: no pane asks for more width than is left beside
    // the sidebar, so nothing runs off the right edge.
    void fitsA1280By800Screen()
    {
        openWindow();
        m_window->connectTo(serverSettings(), QStringLiteral("test server"));
        waitListed(m_window->sidebar()->model()->serverIds().value(0));
        const QList<QWidget *> panes{m_window->eventsPane(), m_window->snapshotsPane(), m_window->metricsPane(),
                                     m_window->replayPane(), m_window->tablesPane(), m_window->consolePane(),
                                     m_window->adminPane(), m_window->playerEventsPane()};
        QStringList wide;
        for (QWidget *pane : panes) {
            m_window->showPane(pane);
            if (pane->minimumSizeHint().width() > 1280 - 240)
                wide << QStringLiteral("%1: %2 px").arg(QString::fromLatin1(pane->metaObject()->className()))
                            .arg(pane->minimumSizeHint().width());
        }
        QVERIFY2(wide.isEmpty(), qPrintable(wide.join(QStringLiteral(", "))));
        QVERIFY2(m_window->minimumSizeHint().width() <= 1280,
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        m_window->resize(1280, 800);
        QTRY_COMPARE(m_window->width(), 1280);
    }

    void adminModeBelongsToOneServer()
    {
        const QString first = m_window->currentServer();
        const QString second = [&] {
            m_window->connectTo(serverSettings(), QStringLiteral("second server"));
            return m_window->currentServer();
        }();
        QVERIFY(second != first);
        waitListed(second);
        QCOMPARE(m_window->sidebar()->model()->serverIds().size(), 2); // both in the sidebar

        QAction *admin = m_window->adminModeAction();
        gui::SafetyStrip *strip = m_window->safetyStrip();
        QVERIFY(!strip->isAdminBarShown());
        admin->setChecked(true);
        QVERIFY(strip->isAdminBarShown());
        QVERIFY2(strip->adminText().contains(QLatin1String("second server")), qPrintable(strip->adminText()));

        // Moving to a database of the other server switches admin mode off.
        m_window->sidebar()->select(first, week(50));
        QTRY_COMPARE(m_window->currentServer(), first);
        QVERIFY(!admin->isChecked());
        QVERIFY(!strip->isAdminBarShown());
        QCOMPARE(m_window->currentDatabase(), week(50));

        // The bar's own button turns it off too.
        admin->setChecked(true);
        QTest::mouseClick(child<QPushButton>(strip, "adminOffButton"), Qt::LeftButton);
        QVERIFY(!admin->isChecked());
        m_window->sidebar()->close(second);
        QCOMPARE(m_window->sidebar()->model()->serverIds(), QStringList{first});
    }

    void aReconnectSwitchesAdminModeOff()
    {
        settings::Profile p;
        p.id = settings::newProfileId();
        p.name = QStringLiteral("profiled");
        p.conninfo = serverSettings().storableString();
        settings::saveProfiles({p});
        m_window->openProfile(p);
        QCOMPARE(m_window->currentServer(), p.id);
        waitListed(p.id);
        m_window->adminModeAction()->setChecked(true);
        m_window->openProfile(p); // Connect again, from the dialog
        QVERIFY(!m_window->adminModeAction()->isChecked());
        waitListed(p.id);
        m_window->sidebar()->close(p.id);
    }

    void aProductionProfileTintsTheWindow()
    {
        settings::Profile p;
        p.id = settings::newProfileId();
        p.name = QStringLiteral("prod-eu");
        p.conninfo = serverSettings().storableString();
        p.production = true;
        p.colour = QStringLiteral("#aa2233");
        settings::saveProfiles({p});
        m_window->openProfile(p);
        waitListed(p.id);
        QCOMPARE(m_window->safetyStrip()->serverBandText(), QStringLiteral("PRODUCTION \u2014 prod-eu"));
        QVERIFY2(m_window->windowTitle().contains(QLatin1String("prod-eu [PRODUCTION]")),
                 qPrintable(m_window->windowTitle()));
        QVERIFY(m_window->centralWidget()->styleSheet().contains(QLatin1String("#aa2233")));
        m_window->adminModeAction()->setChecked(true);
        QVERIFY(m_window->safetyStrip()->adminText().contains(QLatin1String("PRODUCTION")));
        m_window->sidebar()->close(p.id);
        // Back on a server without colour: no band, no frame.
        QVERIFY(m_window->safetyStrip()->serverBandText().isEmpty());
        QVERIFY(m_window->centralWidget()->styleSheet().isEmpty());
        QVERIFY(!m_window->adminModeAction()->isChecked());
    }

    void saveNeverConnects()
    {
        gui::ConnectionDialog dialog(m_window.get());
        QSignalSpy connects(&dialog, &gui::ConnectionDialog::connectRequested);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "newButton"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("staging"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "hostEdit"), QStringLiteral("db-staging.invalid"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "portEdit"), QStringLiteral("6543"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "passwordEdit"), QStringLiteral("s3cret-typed"));
        QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
        // Saved, still open, nothing connected.
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), 0);
        QCOMPARE(connects.count(), 0);
        bool found = false;
        for (const settings::Profile &p : settings::profiles())
            if (p.name == QLatin1String("staging")) {
                found = true;
                QVERIFY(p.conninfo.contains(QLatin1String("host=db-staging.invalid")));
                QVERIFY(p.conninfo.contains(QLatin1String("port=6543")));
            }
        QVERIFY(found);
        QVERIFY(!settingsText().contains(QLatin1String("s3cret-typed")));
        QVERIFY(!m_window->sidebar()->model()->serverIds().contains(QLatin1String("staging")));
    }

    void fieldsAndStringStayInStep()
    {
        gui::ConnectionDialog dialog(m_window.get());
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "newButton"), Qt::LeftButton);
        auto *conninfo = child<QLineEdit>(&dialog, "conninfoEdit");
        QTest::keyClicks(conninfo, QStringLiteral("postgresql://analyst@db1.invalid:5433/stats?sslmode=verify-full"));
        QCOMPARE(child<QLineEdit>(&dialog, "hostEdit")->text(), QStringLiteral("db1.invalid"));
        QCOMPARE(child<QLineEdit>(&dialog, "portEdit")->text(), QStringLiteral("5433"));
        QCOMPARE(child<QLineEdit>(&dialog, "userEdit")->text(), QStringLiteral("analyst"));
        QCOMPARE(child<QLineEdit>(&dialog, "databaseEdit")->text(), QStringLiteral("stats"));
        QCOMPARE(child<QComboBox>(&dialog, "sslModeCombo")->currentText(), QStringLiteral("verify-full"));
        // And back: a field edited is written into the string.
        auto *cert = child<QLineEdit>(&dialog, "rootCertEdit");
        QTest::keyClicks(cert, QStringLiteral("/etc/ssl/root.crt"));
        QVERIFY2(conninfo->text().contains(QLatin1String("sslrootcert=/etc/ssl/root.crt")),
                 qPrintable(conninfo->text()));
        QVERIFY(conninfo->text().contains(QLatin1String("host=db1.invalid")));
        // A port that is not one is refused before anything is tried.
        auto *port = child<QLineEdit>(&dialog, "portEdit");
        port->clear();
        QTest::keyClicks(port, QStringLiteral("99999"));
        QVERIFY(!dialog.profileFromFields());
        QVERIFY(!child<QLabel>(&dialog, "errorLabel")->text().isEmpty());
    }

    // A pg_auto_failover formation has fields of its own: the monitor replaces host and port,
    // and the string follows the fields both ways.
    void aFormationIsTypedInItsOwnFields()
    {
        gui::ConnectionDialog dialog(m_window.get());
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "newButton"), Qt::LeftButton);
        auto *conninfo = child<QLineEdit>(&dialog, "conninfoEdit");
        auto *host = child<QLineEdit>(&dialog, "hostEdit");
        QTest::keyClicks(host, QStringLiteral("db1.invalid"));
        QVERIFY(!child<QLineEdit>(&dialog, "formationEdit")->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&dialog, "monitorEdit"),
                         QStringLiteral("postgres://autoctl_node@mon.invalid:5000/pg_auto_failover"));
        QVERIFY(!host->isEnabled() && host->text().isEmpty());
        QTest::keyClicks(child<QLineEdit>(&dialog, "formationEdit"), QStringLiteral("games"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "poolerPortEdit"), QStringLiteral("6432"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "databaseEdit"), QStringLiteral("game_w01"));
        QTest::mouseClick(child<QCheckBox>(&dialog, "standbyCheck"), Qt::LeftButton);
        QVERIFY2(!conninfo->text().contains(QLatin1String("host=db1")), qPrintable(conninfo->text()));
        const auto profile = dialog.profileFromFields();
        QVERIFY2(profile, qPrintable(child<QLabel>(&dialog, "errorLabel")->text()));
        const pg::ConnectionSettings s = pg::ConnectionSettings::parse(profile->conninfo);
        QVERIFY(pg::formation::named(s));
        QCOMPARE(s.value(QStringLiteral("formation")), QStringLiteral("games"));
        QCOMPARE(s.value(QStringLiteral("pooler_port")), QStringLiteral("6432"));
        QCOMPARE(s.value(QStringLiteral("target_session_attrs")), QStringLiteral("prefer-standby"));
        QCOMPARE(pg::formation::monitorOf(s).value(QStringLiteral("host")), QStringLiteral("mon.invalid"));
        QCOMPARE(s.database(), QStringLiteral("game_w01"));
        // A PgBouncer port that is not one is refused before anything is tried.
        QTest::keyClicks(child<QLineEdit>(&dialog, "poolerPortEdit"), QStringLiteral("99"));
        QVERIFY(!dialog.profileFromFields());
        QVERIFY(child<QLabel>(&dialog, "errorLabel")->text().contains(QLatin1String("pooler_port")));
        // And back: a formation string typed whole fills the fields; without its monitor the
        // host is a field again.
        conninfo->clear();
        QTest::keyClicks(conninfo, QStringLiteral("monitor='host=m2.invalid port=5001 dbname=pg_auto_failover' "
                                                  "formation=east dbname=w02"));
        QCOMPARE(child<QLineEdit>(&dialog, "formationEdit")->text(), QStringLiteral("east"));
        QVERIFY(child<QLineEdit>(&dialog, "monitorEdit")->text().contains(QLatin1String("m2.invalid")));
        QVERIFY(!child<QCheckBox>(&dialog, "standbyCheck")->isChecked());
        QVERIFY(!host->isEnabled());
        conninfo->clear();
        QTest::keyClicks(conninfo, QStringLiteral("host=db3.invalid dbname=w02"));
        QVERIFY(host->isEnabled());
        QCOMPARE(host->text(), QStringLiteral("db3.invalid"));
        QVERIFY(child<QLineEdit>(&dialog, "monitorEdit")->text().isEmpty());
    }

    void testConnectionSaysVersionTlsAndLatency()
    {
        gui::ConnectionDialog dialog(m_window.get());
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "newButton"), Qt::LeftButton);
        child<QLineEdit>(&dialog, "conninfoEdit")->setText(directServerSettings().storableString());
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        auto *result = child<QLabel>(&dialog, "testResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connected")), kTimeout);
        QVERIFY2(result->text().contains(QLatin1String("PostgreSQL 15")), qPrintable(result->text()));
        QVERIFY(result->text().contains(QLatin1String("TLS off"))); // a Unix socket
        QVERIFY(result->text().contains(QLatin1String(" ms")));
    }

    void withoutAKeychainThePersonIsAsked()
    {
        // A role that needs its password, reached over the server's TCP port.
        m_role = QStringLiteral("win_pw_%1").arg(QCoreApplication::applicationPid());
        const QString password = QStringLiteral("pw-%1-only-here").arg(QCoreApplication::applicationPid());
        {
            auto conn = test::connect(directServerSettings());
            conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2")
                           .arg(conn->quoteIdentifier(m_role), QStringLiteral("'%1'").arg(password)));
        }
        pg::ConnectionSettings tcp;
        tcp.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        tcp.setValue(QStringLiteral("port"), directServerSettings().value(QStringLiteral("port")));
        tcp.setValue(QStringLiteral("user"), m_role);
        tcp.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
        qputenv("PGPASSFILE", "/nonexistent"); // nothing from a developer's ~/.pgpass

        // Saving the password: no keychain answers, so it is not saved, and the profile says so.
        gui::ConnectionDialog dialog(m_window.get());
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "newButton"), Qt::LeftButton);
        QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("password-only"));
        child<QLineEdit>(&dialog, "conninfoEdit")->setText(tcp.storableString());
        QTest::keyClicks(child<QLineEdit>(&dialog, "passwordEdit"), password);
        child<QCheckBox>(&dialog, "savePasswordCheck")->setChecked(true);
        QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
        auto *saved = child<QLabel>(&dialog, "savedLabel");
        QTRY_VERIFY_WITH_TIMEOUT(saved->text().contains(QLatin1String("keychain")), kTimeout);
        QVERIFY2(saved->text().contains(QLatin1String("not its password")), qPrintable(saved->text()));
        settings::Profile profile;
        for (const settings::Profile &p : settings::profiles())
            if (p.name == QLatin1String("password-only"))
                profile = p;
        QVERIFY(!profile.id.isEmpty());
        QVERIFY(!profile.savePassword);
        QVERIFY(!settingsText().contains(password));
        dialog.close();

        // Opening it: the server wants the password, so the person is asked for it.
        profile.savePassword = true; // as if saved on a desktop: the keychain is tried first
        m_window->openProfile(profile);
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = m_window->findChild<QInputDialog *>(QStringLiteral("passwordPrompt")))
                                     && prompt->isVisible(),
                                 kTimeout);
        prompt->setTextValue(QStringLiteral("wrong"));
        prompt->accept();
        // A wrong one asks again.
        QTRY_VERIFY_WITH_TIMEOUT((prompt = m_window->findChild<QInputDialog *>(QStringLiteral("passwordPrompt")))
                                     && prompt->isVisible(),
                                 kTimeout);
        prompt->setTextValue(password);
        prompt->accept();
        waitListed(profile.id);
        QVERIFY(!settingsText().contains(password));
        m_window->sidebar()->close(profile.id);
    }

    void enterInATypedConfirmationNeverCancelsSilently()
    {
        gui::ConfirmDialog dialog(QStringLiteral("Drop"), QStringLiteral("Drop x?"), QString(),
                                  QStringLiteral("spacetraders_2025_w01"), false, m_window.get());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        dialog.show();
        auto *edit = child<QLineEdit>(&dialog, "confirmEdit");
        auto *why = child<QLabel>(&dialog, "whyLabel");
        edit->setFocus();
        QCoreApplication::processEvents();
        const QPoint editAt = edit->pos();
        QTest::keyClicks(edit, QStringLiteral("spacetraders_2025_w0"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCoreApplication::processEvents();
        QVERIFY(dialog.isVisible());
        QCOMPARE(accepted.count() + rejected.count(), 0);
        QVERIFY(why->isVisible());
        QVERIFY2(why->text().contains(QLatin1String("spacetraders_2025_w01")), qPrintable(why->text()));
        // Showing the reason moved nothing; it follows what is typed.
        QCOMPARE(edit->pos(), editAt);
        QTest::keyClicks(edit, QStringLiteral("x"));
        QVERIFY2(why->text().contains(QLatin1String("spacetraders_2025_w0x")), qPrintable(why->text()));
        QCOMPARE(edit->pos(), editAt);
        // A cleared field starts over: no error left from before.
        edit->clear();
        QCoreApplication::processEvents();
        QVERIFY(why->isHidden());
        QCOMPARE(edit->pos(), editAt);
        QTest::keyClicks(edit, QStringLiteral("spacetraders_2025_w0"));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(why->isVisible());
        QTest::keyClicks(edit, QStringLiteral("1"));
        QVERIFY(why->isHidden());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        // The default button, for Enter anywhere else, is the safe one.
        gui::ConfirmDialog other(QStringLiteral("Drop"), QString(), QString(), QStringLiteral("x"), false,
                                 m_window.get());
        auto *buttons = other.findChild<QDialogButtonBox *>();
        QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isDefault());
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isDefault());
    }

    void shortcutsAreListedFromTheActions()
    {
        const QList<QStringList> rows = m_window->shortcutList();
        auto has = [&rows](const QString &what, const QString &keys) {
            for (const QStringList &r : rows)
                if (r[0] == what && r[1] == keys)
                    return true;
            return false;
        };
        QVERIFY(has(QStringLiteral("Connect"), QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
        QVERIFY(has(QStringLiteral("Admin mode"), QStringLiteral("Ctrl+Shift+A")));
        QVERIFY(has(QStringLiteral("Events"), QStringLiteral("Ctrl+1")));
        QVERIFY(has(QStringLiteral("Live tail"), QStringLiteral("Ctrl+T"))); // a pane's button
        // The panes' own keys: Replay's playback and Snapshots' diff.
        QVERIFY(has(QStringLiteral("Next play"), QKeySequence(Qt::CTRL | Qt::Key_Right).toString(QKeySequence::NativeText)));
        QVERIFY(has(QStringLiteral("Play / pause"), QKeySequence(Qt::CTRL | Qt::Key_Space).toString(QKeySequence::NativeText)));
        QVERIFY(has(QStringLiteral("Diff the selected snapshots"), QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText)));
        QVERIFY(has(QStringLiteral("Previous week"), QKeySequence(Qt::ALT | Qt::Key_Left).toString(QKeySequence::NativeText)));
        // Each pane's keys say their pane by its tab title (the Shards pane's said "Window").
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("paneTabs"));
        QVERIFY(tabs);
        int checked = 0;
        for (int i = 0; i < tabs->count(); ++i) {
            const QString pane = tabs->tabText(i).remove(QLatin1Char('&'));
            for (const QAbstractButton *b : tabs->widget(i)->findChildren<QAbstractButton *>()) {
                if (b->shortcut().isEmpty() || b->text().isEmpty())
                    continue;
                bool listed = false;
                for (const QStringList &r : rows)
                    listed = listed || (r[1] == b->shortcut().toString(QKeySequence::NativeText) && r[2] == pane);
                QVERIFY2(listed, qPrintable(pane + QStringLiteral(": ") + b->text()));
                ++checked;
            }
        }
        QVERIFY(checked > 5);
        // A pane's menu is a window of its own: its keys still say the pane.
        QVERIFY(has(QStringLiteral("Filtered events as CSV"), QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)));
        for (const QStringList &r : rows)
            if (r[0] == QLatin1String("Filtered events as CSV"))
                QCOMPARE(r[2], QStringLiteral("Events"));
        QVERIFY(has(QStringLiteral("Run on each shard"), QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
        m_window->findChild<QAction *>(QStringLiteral("shortcutsAction"))->trigger();
        auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int(rows.size()));
        // In the list's order (the window's first), not sorted Z to A.
        QCOMPARE(table->item(0, 0)->text(), rows.first()[0]);
        QCOMPARE(table->item(table->rowCount() - 1, 0)->text(), rows.last()[0]);
        table->window()->close();
        // No two of the admin pane's buttons share an Alt key.
        QMap<QChar, QString> mnemonics;
        for (const QPushButton *b : m_window->adminPane()->findChildren<QPushButton *>()) {
            const qsizetype at = b->text().indexOf(QLatin1Char('&'));
            if (at < 0 || at + 1 >= b->text().size() || !b->isVisibleTo(m_window->adminPane()))
                continue;
            const QChar key = b->text()[at + 1].toLower();
            QVERIFY2(!mnemonics.contains(key), qPrintable(mnemonics.value(key) + QStringLiteral(" and ") + b->text()));
            mnemonics.insert(key, b->text());
        }
    }

    void themesChangeThePalette()
    {
        auto *dark = m_window->findChild<QAction *>(QStringLiteral("theme%1").arg(int(settings::Theme::Dark)));
        auto *system = m_window->findChild<QAction *>(QStringLiteral("theme%1").arg(int(settings::Theme::System)));
        QVERIFY(dark && system);
        const QColor before = QApplication::palette().color(QPalette::Window);
        dark->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.5);
        QCOMPARE(settings::theme(), settings::Theme::Dark);
        {
            // An unticked box can be seen on the dark palette: its frame is light.
            QCheckBox box(QStringLiteral("week"));
            box.resize(box.sizeHint());
            QStyleOptionButton option;
            option.initFrom(&box);
            const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
            const QImage image = box.grab().toImage();
            int light = 0;
            for (int y = indicator.top(); y <= indicator.bottom(); ++y)
                for (int x = indicator.left(); x <= indicator.right(); ++x)
                    light += QColor(image.pixel(x, y)).lightnessF() > 0.5;
            QVERIFY2(light >= indicator.width(), qPrintable(QString::number(light)));
        }
        {
            // A text field has an edge on the dark palette: its left side, half way down,
            // stands out from the window by 3:1 (it was the window's colour made darker).
            QLineEdit field;
            field.resize(200, field.sizeHint().height());
            const QImage image = field.grab().toImage();
            const QColor window = QApplication::palette().color(QPalette::Window);
            double best = 1;
            for (int x = 0; x < 3; ++x)
                best = std::max(best, models::ink::contrast(QColor(image.pixel(x, image.height() / 2)), window));
            QVERIFY2(best >= 2.9, qPrintable(QString::number(best)));
        }
        system->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), before);
        QCOMPARE(settings::theme(), settings::Theme::System);
    }

    // Every tool button that opens a menu on a click, in every pane, draws its text and the
    // menu's arrow apart (the arrow touched "All endpoints" and "Export").
    void menuButtonsLeaveRoomForTheirArrow()
    {
        int seen = 0;
        for (const QToolButton *b : m_window->findChildren<QToolButton *>()) {
            if (!b->menu() || b->popupMode() != QToolButton::InstantPopup || b->text().isEmpty()
                || (!b->icon().isNull() && b->toolButtonStyle() == Qt::ToolButtonIconOnly))
                continue;
            ++seen;
            // Drawn at its own size: the text's last ink in the band of its x-height, the
            // arrow's first in the bottom right corner (each told from the button's face by its
            // row's colour just inside the frame).
            QToolButton copy;
            copy.setText(b->text());
            copy.setPopupMode(QToolButton::InstantPopup);
            QMenu menu;
            copy.setMenu(&menu);
            copy.setFont(b->font());
            copy.resize(copy.sizeHint());
            const QImage image = copy.grab().toImage();
            const int w = image.width(), h = image.height();
            const int arrow = copy.style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, &copy);
            auto ink = [&](int x, int y) {
                return std::abs(QColor(image.pixel(x, y)).lightnessF() - QColor(image.pixel(3, y)).lightnessF()) > 0.25;
            };
            int textRight = -1, arrowLeft = w;
            for (int x = 3; x < w - 3; ++x)
                for (int y = h / 2 - 3; y <= h / 2 + 1; ++y)
                    if (ink(x, y))
                        textRight = x;
            for (int x = w - arrow - 2; x < w - 3; ++x)
                for (int y = h - arrow + 4; y < h - 3; ++y)
                    if (ink(x, y))
                        arrowLeft = std::min(arrowLeft, x);
            QVERIFY2(textRight > 0 && arrowLeft < w, qPrintable(b->text()));
            QVERIFY2(arrowLeft - textRight >= 2,
                     qPrintable(QStringLiteral("%1: text ends at %2, the arrow starts at %3")
                                    .arg(b->text()).arg(textRight).arg(arrowLeft)));
        }
        QVERIFY(seen >= 2); // the endpoint filter and Export at least
    }

    void actionsAndPanesHaveIcons()
    {
        auto *toolbar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolbar"));
        for (QAction *a : toolbar->actions())
            if (!a->isSeparator() && !qobject_cast<QWidgetAction *>(a)) // not the find field
                QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
        auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("paneTabs"));
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(!tabs->tabIcon(i).isNull(), qPrintable(tabs->tabText(i)));
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
