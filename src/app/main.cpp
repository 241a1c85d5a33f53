#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/secrets.h"
#include "core/version.h"
#include "core/settings.h"
#include "gui/window/guidewindow.h"
#include "gui/window/mainwindow.h"
#include "gui/widgets/style.h"
#include "models/databasetreemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

#include "core/plurals.h"

#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int kDefaultSmokeSeconds = 600;

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("statescope"));
    QCoreApplication::setApplicationName(QStringLiteral("statescope"));
    QCoreApplication::setApplicationVersion(statescope::versionString());
}

// Qt's own translations and ours, for the running application; kept alive by the caller.
std::vector<std::unique_ptr<QTranslator>> installTranslators()
{
    std::vector<std::unique_ptr<QTranslator>> installed;
    // First, so every real translation is asked before it.
    auto plurals = std::make_unique<statescope::EnglishPlurals>();
    QCoreApplication::installTranslator(plurals.get());
    installed.push_back(std::move(plurals));
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed.push_back(std::move(qt));
    }
    auto ours = std::make_unique<QTranslator>();
    if (ours->load(QLocale(), QStringLiteral("statescope"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours.get());
        installed.push_back(std::move(ours));
    }
    return installed;
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Inspect, compare, replay and administer per-reset PostgreSQL game databases.\n"
        "With no option and no saved connection profile, Statescope opens the embedded "
        "default: a private PostgreSQL sandbox with demo data."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("sandbox"),
                      QCoreApplication::translate("main", "Start (or reuse) the private sandbox "
                                                          "server with demo data and connect to it. "
                                                          "Its folder: $STATESCOPE_SANDBOX_DIR if set, else "
                                                          "~/.local/share/statescope/sandbox "
                                                          "(/var/lib/statescope/sandbox for root).")});
    parser.addOption({QStringLiteral("server"),
                      QCoreApplication::translate("main", "Connect to this server (conninfo, URI "
                                                          "or service=NAME)."),
                      QStringLiteral("CONN")});
    parser.addOption({QStringLiteral("admin"),
                      QCoreApplication::translate("main", "Start with admin mode switched on.")});
    parser.addOption(
        {QStringLiteral("smoke"),
         QCoreApplication::translate(
             "main", "Check that the application comes up, then exit: open the sandbox (or the "
                     "--server), wait until the main window lists its databases, print them "
                     "and exit with status 0 (1 on an error or after the time limit). Uses the "
                     "offscreen platform unless QT_QPA_PLATFORM is set.")});
    parser.addOption({QStringLiteral("smoke-timeout"),
                      QCoreApplication::translate("main", "Time limit of --smoke in seconds "
                                                          "(default %1).")
                          .arg(kDefaultSmokeSeconds),
                      QStringLiteral("SECONDS"), QString::number(kDefaultSmokeSeconds)});
}

// --smoke: exit as soon as the window lists databases, or with 1 on the first error.
void armSmokeTest(statescope::gui::MainWindow &window, int seconds)
{
    QObject::connect(&window, &statescope::gui::MainWindow::databasesListed, &window,
                     [&window](const QStringList &names) {
                         const int shown = window.databaseModel()->databases().size();
                         std::printf("smoke: the main window lists %d database(s): %s\n", shown,
                                     qPrintable(names.join(QStringLiteral(", "))));
                         // Help > User guide: found where the program is installed (or in
                         // the sources it was built from).
                         const QString guide = statescope::gui::GuideWindow::locate();
                         std::printf("smoke: the user guide: %s\n",
                                     guide.isEmpty() ? "not found" : qPrintable(guide));
                         std::fflush(stdout);
                         QCoreApplication::exit(shown > 0 && shown == names.size() && !guide.isEmpty() ? 0 : 1);
                     });
    QObject::connect(&window, &statescope::gui::MainWindow::failed, &window,
                     [](const QString &message) {
                         std::fprintf(stderr, "smoke: failed: %s\n", qPrintable(message));
                         QCoreApplication::exit(1);
                     });
    QTimer::singleShot(seconds * 1000, &window, [seconds] {
        std::fprintf(stderr, "smoke: no databases listed after %d s\n", seconds);
        QCoreApplication::exit(1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version answer before anything needs a display (help2man, ssh, scripts).
    // Qt's own options (-platform, -style) are only known to QApplication, so errors about
    // unknown options are reported below, once it has taken its own.
    bool smoke = false;
    {
        QCoreApplication early(argc, argv);
        setIdentity();
        const auto translators = installTranslators();
    // A superuser profile's reading sessions find their reader login's password in the keychain.
    statescope::secrets::installReaderPasswordProvider();
        QCommandLineParser parser;
        describeOptions(parser);
        parser.parse(early.arguments());
        if (parser.isSet(QStringLiteral("help"))) {
            std::fputs(qPrintable(parser.helpText()), stdout);
            return 0;
        }
        if (parser.isSet(QStringLiteral("version"))) {
            std::printf("statescope %s\n", qPrintable(statescope::versionString()));
            return 0;
        }
        smoke = parser.isSet(QStringLiteral("smoke"));
    }
    if (smoke && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    setIdentity();
    // No application display name: Qt would append it to every title, and the main
    // window's title already ends in "Statescope".
    QApplication::setDesktopFileName(QStringLiteral("io.statescope.Statescope"));
    const auto translators = installTranslators();

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    bool timeoutOk = false;
    const int smokeSeconds = parser.value(QStringLiteral("smoke-timeout")).toInt(&timeoutOk);
    if (!timeoutOk || smokeSeconds < 1 || smokeSeconds > 86400) {
        std::fprintf(stderr, "statescope: --smoke-timeout takes whole seconds from 1 to 86400\n");
        return 2;
    }

    statescope::gui::style::applyTheme(statescope::settings::theme());
    statescope::gui::MainWindow window;
    if (smoke)
        armSmokeTest(window, smokeSeconds);
    window.show();
    if (parser.isSet(QStringLiteral("admin")))
        window.adminModeAction()->setChecked(true);

    if (parser.isSet(QStringLiteral("server"))) {
        try {
            const auto settings =
                statescope::pg::ConnectionSettings::parse(parser.value(QStringLiteral("server")));
            window.connectTo(settings, settings.displayName());
        } catch (const statescope::Error &e) {
            if (smoke) {
                std::fprintf(stderr, "smoke: invalid server: %s\n", qPrintable(e.message()));
                return 2;
            }
            QMessageBox::critical(&window, QApplication::translate("main", "Invalid server"),
                                  e.message() + QLatin1Char('\n') + e.hint());
        }
    } else if (smoke || parser.isSet(QStringLiteral("sandbox"))) {
        window.openSandbox();
    } else {
        // The servers open when the window last closed; the embedded default when nothing
        // is set up yet (or nothing was open).
        const auto profiles = statescope::settings::profiles();
        bool opened = false;
        for (const QString &id : statescope::settings::openServers()) {
            if (id == QLatin1String("sandbox")) {
                window.openSandbox();
                opened = true;
            }
            for (const auto &p : profiles)
                if (p.id == id) {
                    window.openProfile(p);
                    opened = true;
                }
        }
        if (!opened)
            window.openSandbox();
    }
    return app.exec();
}
