#pragma once

// The GUI audit's run (and the user guide's pictures'): the look and screen it was started
// with, the screen given to the offscreen platform, a home of its own, the window opened on
// the sandbox, and waiting for a window's background work to settle before a state is checked.

#include "gui/widgets/jobrunner.h"
#include "gui/window/mainwindow.h"
#include "support/testserver.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QSize>
#include <QString>
#include <QTest>
#include <QWidget>

namespace statescope::test::auditrun {

constexpr int kTimeout = 60000;

// Gives the offscreen platform a screen of `size` (a file in `config`), before the
// application starts. False when the file cannot be written.
inline bool setOffscreenScreen(const QSize &size, const QTemporaryDir &config)
{
    const QString path = config.filePath(QStringLiteral("screen.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QStringLiteral(R"({"screens": [{"name": "audit", "x": 0, "y": 0, "width": %1, "height": %2,)"
                              R"( "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   .arg(size.width()).arg(size.height()).toUtf8());
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + path.toLocal8Bit());
    return true;
}

// Settings, journal and keychain of the run's own (no keychain: no D-Bus session).
inline void useOwnHome()
{
    static QTemporaryDir home;
    qputenv("STATESCOPE_HOME", home.path().toLocal8Bit());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

// The main window shown and connected to the test sandbox; the databases it listed (empty
// when none came in time).
inline QStringList openOnSandbox(gui::MainWindow &window)
{
    window.show();
    QSignalSpy listed(&window, &gui::MainWindow::databasesListed);
    window.connectTo(serverSettings(), QStringLiteral("Sandbox"));
    if (!QTest::qWaitFor([&] { return !listed.isEmpty(); }, kTimeout))
        return {};
    return listed.first().first().toStringList();
}

inline QString look()
{
    const QString l = qEnvironmentVariable("STATESCOPE_AUDIT_LOOK", QStringLiteral("light"));
    return l;
}

inline QSize screenSize()
{
    const QStringList wh = qEnvironmentVariable("STATESCOPE_AUDIT_SCREEN", QStringLiteral("1280x800")).split(QLatin1Char('x'));
    return {wh.value(0).toInt(), wh.value(1).toInt()};
}

inline QString fileName(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    return text.toLower();
}

// Waits until no background lane of `w` is busy, and no lazy grid is reading (a statement's
// rows and a table's pages come through the grid's own worker, not a lane), then lets the
// results settle on screen.
inline void settle(QWidget *w)
{
    const auto busy = [w] {
        for (gui::JobRunner *r : w->findChildren<gui::JobRunner *>())
            if (r->isBusy())
                return true;
        for (QAbstractItemView *v : w->findChildren<QAbstractItemView *>()) {
            if (const auto *g = qobject_cast<const models::RowGridModel *>(v->model()); g && g->isLoading())
                return true;
            if (const auto *e = qobject_cast<const models::EventTableModel *>(v->model()); e && e->isLoading())
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!busy(), kTimeout);
    QTest::qWait(200);
    QTRY_VERIFY_WITH_TIMEOUT(!busy(), kTimeout);
}


} // namespace statescope::test::auditrun
