// Benchmark (not a test): the week switcher against opening the same week afresh, in the same
// run, on real widgets (offscreen) and a private server of its own.
//
//   bench_weekswitch [--events N] [--reps R]
//
//   --events N  events in each of the two weeks (default 200000, demo generator)
//   --reps R    repetitions of each figure (default 7), the two ways taking turns
//
// The new week's first screen: the Events pane's first row, and the Tables pane's first page
// of raw.api_events filtered and sorted as it was. Afresh: the week is selected in the
// sidebar (every pane starts over) and the table is opened again. Switched: Alt+Right / the
// drop-down (MainWindow::goToWeek), every pane keeping its set-up. Target: switched within
// 1.5x of afresh.
#include "bench/benchutil.h"
#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "gui/events/eventspane.h"
#include "gui/window/mainwindow.h"
#include "gui/window/sidebar.h"
#include "gui/tables/tablespane.h"
#include "gui/window/weekswitcher.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace statescope;

namespace {

bool spinUntil(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 events = bench::option(args, QStringLiteral("--events"), QStringLiteral("200000")).toLongLong();
    const int reps = bench::option(args, QStringLiteral("--reps"), QStringLiteral("7")).toInt();
    QTemporaryDir home;
    qputenv("STATESCOPE_HOME", home.path().toLocal8Bit());
    QTemporaryDir dir(QStringLiteral("/tmp/ssbws-XXXXXX"));
    sandbox::Options o;
    o.dir = dir.path();
    o.durable = false;
    const sandbox::Info server = sandbox::Sandbox(o).start();
    const weekly::ServerAdmin admin(server.settings);
    const QStringList weeks{QStringLiteral("bench_2025_w01"), QStringLiteral("bench_2025_w02")};
    for (int i = 0; i < weeks.size(); ++i) {
        admin.create(weeks[i], QStringLiteral("bench_weekswitch"));
        auto conn = pg::Connection::open(admin.databaseSettings(weeks[i]), pg::Connection::Access::ReadWrite);
        demo::DemoOptions d;
        d.events = events;
        d.games = 4;
        d.snapshots = 20;
        d.seed = 11 + quint64(i);
        demo::seed(*conn, d);
        conn->exec(QStringLiteral("ANALYZE"));
    }
    std::printf("bench_weekswitch: two weeks of %lld events each, %d repetitions\n", events, reps);

    gui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.connectTo(server.settings, QStringLiteral("bench"));
    if (!spinUntil([&] { return window.weekSwitcher()->family().weeks().size() == 2; })) {
        std::fprintf(stderr, "the family was not listed\n");
        return 1;
    }
    const QString serverId = window.sidebar()->model()->serverIds().value(0);
    gui::EventsPane *eventsPane = window.eventsPane();
    gui::TablesPane *tablesPane = window.tablesPane();
    const QList<browse::Filter> filter{{QStringLiteral("status_code"), browse::Filter::Op::Equals, QStringLiteral("200")}};

    const auto eventsShown = [&] { return eventsPane->model()->rowAt(0) != nullptr; };
    const auto tableShown = [&] {
        return tablesPane->model()->rowCount() > 0 && tablesPane->model()->index(0, 0).data().isValid()
               && !tablesPane->model()->index(0, 0).data().toString().startsWith(QStringLiteral("…"));
    };
    // Afresh: select in the sidebar; the Tables pane's table is opened again by hand.
    const auto afresh = [&](const QString &db, bool tables) {
        QElapsedTimer t;
        t.start();
        window.sidebar()->select(serverId, db);
        if (tables)
            tablesPane->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"), filter);
        const bool ok = spinUntil([&] { return window.currentDatabase() == db && (tables ? tableShown() : eventsShown()); });
        return ok ? bench::ms(t) : -1.0;
    };
    const auto switched = [&](const QString &db, bool tables) {
        const weekly::Family &family = window.weekSwitcher()->family();
        const int at = family.indexOf(db);
        QElapsedTimer t;
        t.start();
        window.goToWeek(family.weeks().at(at));
        const bool ok = spinUntil([&] { return window.currentDatabase() == db && (tables ? tableShown() : eventsShown()); });
        return ok ? bench::ms(t) : -1.0;
    };

    for (const bool tables : {false, true}) {
        window.showPane(tables ? static_cast<QWidget *>(tablesPane) : eventsPane);
        // Warm-up: both weeks once, set up.
        afresh(weeks[0], tables);
        afresh(weeks[1], tables);
        std::vector<double> a, s;
        for (int r = 0; r < reps; ++r) {
            // Start from the other week each time, with the set-up in place.
            afresh(weeks[0], tables);
            a.push_back(afresh(weeks[1], tables));
            afresh(weeks[0], tables);
            s.push_back(switched(weeks[1], tables));
        }
        for (const double v : a)
            if (v < 0) {
                std::fprintf(stderr, "a first screen did not come\n");
                return 1;
            }
        for (const double v : s)
            if (v < 0) {
                std::fprintf(stderr, "a first screen did not come after a switch\n");
                return 1;
            }
        const double ma = bench::median(a), ms = bench::median(s);
        std::printf("%-44s afresh %8.1f ms   switched %8.1f ms   ratio %.2f (target <= 1.5)\n",
                    tables ? "Tables pane, first page (filtered)" : "Events pane, first row", ma, ms, ms / ma);
    }
    sandbox::Sandbox(o).stop();
    return 0;
}
