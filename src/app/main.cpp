#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "gui/mainwindow.h"
#include "gui/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("statescope"));
    QApplication::setApplicationName(QStringLiteral("statescope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Statescope"));
    QApplication::setApplicationVersion(QStringLiteral(STATESCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.statescope.Statescope"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("statescope"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        app.installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Inspect, compare, replay and administer per-reset PostgreSQL game databases."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("sandbox"),
                      QApplication::translate("main", "Start (or reuse) the private sandbox "
                                                      "server with demo data and connect to it.")});
    parser.addOption({QStringLiteral("server"),
                      QApplication::translate("main", "Connect to this server (conninfo, URI or "
                                                      "service=NAME)."),
                      QStringLiteral("CONN")});
    parser.addOption({QStringLiteral("admin"),
                      QApplication::translate("main", "Start with admin mode switched on.")});
    parser.process(app);

    statescope::gui::MainWindow window;
    window.show();
    if (parser.isSet(QStringLiteral("admin")))
        window.adminModeAction()->setChecked(true);

    if (parser.isSet(QStringLiteral("server"))) {
        try {
            const auto settings =
                statescope::pg::ConnectionSettings::parse(parser.value(QStringLiteral("server")));
            window.connectTo(settings, settings.displayName());
        } catch (const statescope::Error &e) {
            QMessageBox::critical(&window, QApplication::translate("main", "Invalid server"),
                                  e.message() + QLatin1Char('\n') + e.hint());
        }
    } else if (parser.isSet(QStringLiteral("sandbox"))
               || statescope::gui::settings::profiles().isEmpty()) {
        // Nothing set up yet: the embedded default.
        window.openSandbox();
    }
    return app.exec();
}
