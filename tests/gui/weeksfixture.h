#pragma once

// The fixture of the week-switch GUI tests (tst_weeks, tst_weeks_family): two real servers
// of our own, "live" with weeks 2 and 3 and "archive" with week 1 of the family "wk", seeded
// so the weeks differ where the tests look, and a main window connected to both.

#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/demo/demogenerator.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "gui/admin/adminpane.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/chartview.h"
#include "gui/compare/comparedialog.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/console/consolepane.h"
#include "gui/events/filterbar.h"
#include "gui/events/eventdetail.h"
#include "gui/events/eventspane.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/jobrunner.h"
#include "gui/window/mainwindow.h"
#include "gui/metrics/metricspane.h"
#include "gui/replay/replaypane.h"
#include "gui/window/sidebar.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/window/weekswitcher.h"
#include "models/eventtablemodel.h"
#include "models/familyresultmodel.h"
#include "models/databasetreemodel.h"
#include "models/gamelistmodel.h"
#include "models/servertreemodel.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QSet>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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

} // namespace


class WeeksFixture
{
protected:

    QTemporaryDir m_liveDir{statescope::test::shortTempTemplate(QStringLiteral("sswk-live"))};
    QTemporaryDir m_archiveDir{statescope::test::shortTempTemplate(QStringLiteral("sswk-arch"))};
    sandbox::Info m_live, m_archive;
    std::unique_ptr<gui::MainWindow> m_window;
    QString m_prefix = QStringLiteral("wk");

    QString week(int n) const { return QStringLiteral("%1_2025_w%2").arg(m_prefix).arg(n, 2, 10, QLatin1Char('0')); }

    static void seed(const pg::ConnectionSettings &db, int snapshots, quint64 seed)
    {
        auto conn = test::connect(db);
        demo::DemoOptions o;
        o.events = 400;
        o.games = 3;
        o.snapshots = snapshots;
        o.seed = seed;
        demo::seed(*conn, o);
        conn->exec(QStringLiteral("ANALYZE"));
    }

    static sandbox::Info start(const QString &dir)
    {
        sandbox::Options o;
        o.dir = dir;
        o.durable = false;
        return sandbox::Sandbox(o).start();
    }

    gui::WeekSwitcher *switcher() const { return m_window->weekSwitcher(); }

    // The schema tree's row for a table (under the "table" group); nullptr when not there.
    static QTreeWidgetItem *tableChange(const gui::CompareDialog &dialog, const QString &table)
    {
        for (QTreeWidgetItem *item : dialog.schemaTree()->findItems(table, Qt::MatchContains | Qt::MatchRecursive))
            if (item->parent() && item->parent()->text(0) == QLatin1String("table"))
                return item;
        return nullptr;
    }

    void goTo(int weekIndex)
    {
        const QString before = m_window->currentDatabase();
        switcher()->combo()->setCurrentIndex(weekIndex);
        emit switcher()->combo()->activated(weekIndex);
        QVERIFY(m_window->currentDatabase() != before);
    }


    void setUpWeeks()
    {
        QVERIFY(m_liveDir.isValid() && m_archiveDir.isValid());
        m_live = start(m_liveDir.path());
        m_archive = start(m_archiveDir.path());
        const weekly::ServerAdmin live(m_live.settings), archive(m_archive.settings);
        live.create(week(2), QStringLiteral("tst_weeks"));
        live.create(week(3), QStringLiteral("tst_weeks"));
        archive.create(week(1), QStringLiteral("tst_weeks"));
        // Weeks 2 and 3 from one seed (the same games, the same ticks); week 1 from another,
        // with fewer snapshots and no /my/agent events.
        seed(live.databaseSettings(week(2)), 12, 7);
        seed(live.databaseSettings(week(3)), 12, 7);
        seed(archive.databaseSettings(week(1)), 4, 99);
        test::connect(archive.databaseSettings(week(1)))
            ->execScript(QStringLiteral("DELETE FROM raw.api_events WHERE endpoint = '/my/agent'; ANALYZE raw.api_events"));
        test::connect(live.databaseSettings(week(2)))->exec(QStringLiteral("CREATE TABLE public.only_w02 (x int)"));
        // A table of rows in both live weeks, with differences planted in week 3.
        const QString items = QStringLiteral(
            "CREATE TABLE public.items (id int PRIMARY KEY, name text, doc jsonb);"
            "INSERT INTO public.items SELECT g, 'item ' || g, jsonb_build_object('g', g) FROM generate_series(1, 50) g;");
        test::connect(live.databaseSettings(week(2)))->execScript(items);
        test::connect(live.databaseSettings(week(3)))->execScript(items + QStringLiteral(
            "DELETE FROM public.items WHERE id = 7; INSERT INTO public.items VALUES (51, 'new', NULL);"
            "UPDATE public.items SET doc = '{\"g\": 0}' WHERE id = 9;"));

        m_window = std::make_unique<gui::MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        m_window->connectTo(m_archive.settings, QStringLiteral("archive"));
        m_window->connectTo(m_live.settings, QStringLiteral("live"));
        for (const QString &id : m_window->sidebar()->model()->serverIds())
            QTRY_COMPARE_WITH_TIMEOUT(m_window->sidebar()->model()->serverState(id),
                                      models::ServerTreeModel::ServerState::Listed, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(switcher()->family().weeks().size(), 3, kTimeout);
    }

    void tearDownWeeks()
    {
        m_window.reset();
        for (const QString &dir : {m_liveDir.path(), m_archiveDir.path()}) {
            sandbox::Options o;
            o.dir = dir;
            sandbox::Sandbox(o).stop();
        }
    }

    // Each test starts on the newest week.
    void startOnNewestWeek()
    {
        // Each test starts on the newest week.
        if (m_window && m_window->currentDatabase() != week(3) && switcher()->current() >= 0)
            goTo(2);
    }
};
