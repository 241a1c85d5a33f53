#include "output.h"
#include "usage.h"

#include "core/plurals.h"
#include "core/browse/sqlguard.h"
#include "core/secrets.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <cstdio>

namespace {

// An argument that is not valid UTF-8 would reach a filter, a statement or the audit log
// with U+FFFD in place of what was typed: refused, naming it, before anything runs.
int invalidUtf8Argument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        [[maybe_unused]] const QString text = utf8(QByteArrayView(argv[i]));
        if (utf8.hasError())
            return i;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    statescope::EnglishPlurals plurals; // "1 week", "3 weeks" where a count is given
    QCoreApplication::installTranslator(&plurals);
    QCoreApplication::setOrganizationName(QStringLiteral("statescope"));
    QCoreApplication::setApplicationName(QStringLiteral("statescope-cli"));
    QCoreApplication::setApplicationVersion(statescope::versionString());

    // --allow OBJECT (anywhere, repeatable): the user's consent to an object the read guard
    // would refuse (a function of the database's own, a view over one), by the name it gives.
    QStringList args;
    QStringList allowed;
    {
        const QStringList all = app.arguments();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (i > 0 && all[i] == QLatin1String("--allow") && i + 1 < all.size())
                allowed << all[++i];
            else if (i > 0 && all[i].startsWith(QLatin1String("--allow=")))
                allowed << all[i].mid(8);
            else
                args << all[i];
        }
    }
    statescope::browse::SqlGuard::setAllowed(allowed);
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")
        || args[1] == QLatin1String("help")) {
        std::fputs(statescope::cli::usageText(), args.size() < 2 ? stderr : stdout);
        return args.size() < 2 ? statescope::cli::Usage : statescope::cli::Ok;
    }
    if (args[1] == QLatin1String("--version")) {
        std::printf("statescope-cli %s\n", qPrintable(statescope::versionString()));
        return 0;
    }
    // Completion asks with the words typed so far: nothing is connected, nothing is read
    // but the local settings.
    if (args[1] == QLatin1String("__complete"))
        return statescope::cli::runComplete(args.mid(2));
    if (args[1] == QLatin1String("completion")) {
        try {
            return statescope::cli::runCompletion(args.value(2));
        } catch (const statescope::Error &e) {
            return statescope::cli::reportError(e, false);
        }
    }
    // A superuser's reading sessions find their reader login's password in the keychain.
    statescope::secrets::installReaderPasswordProvider();
    const bool json = args.contains(QStringLiteral("--json"));
    const QString group = args[1];
    const QString sub = args.size() > 2 ? args[2] : QString();
    const QStringList rest = args.mid(3);
    try {
        if (const int bad = invalidUtf8Argument(argc, argv))
            throw statescope::Error::invalidInput(
                bad > 1 && QByteArray(argv[bad - 1]).startsWith("--")
                    ? QStringLiteral("The value of %1 is not valid UTF-8; nothing was run.").arg(QString::fromLatin1(argv[bad - 1]))
                    : QStringLiteral("Argument %1 is not valid UTF-8; nothing was run.").arg(bad),
                QStringLiteral("Give text in UTF-8 (the terminal's encoding may differ)."));
        // Single-word commands take their options right after the name.
        if (group == QLatin1String("replay"))
            return statescope::cli::runReplay(args.mid(2));
        if (group == QLatin1String("check"))
            return statescope::cli::runCheck(args.mid(2));
        if (group == QLatin1String("rollback"))
            return statescope::cli::runRollback(args.mid(2));
        if (group == QLatin1String("collect"))
            return statescope::cli::runCollect(args.mid(2));
        if (group == QLatin1String("find"))
            return statescope::cli::runFind(args.mid(2));
        if (group == QLatin1String("tables") || group == QLatin1String("rows")
            || group == QLatin1String("query"))
            return statescope::cli::runBrowse(group, args.mid(2));
        // "statescope-cli db --help": the group's commands (each takes --help of its own).
        if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
            const QString usage = statescope::cli::groupUsage(group);
            if (usage.isEmpty())
                throw statescope::Error::invalidInput(QStringLiteral("Unknown command group: %1").arg(group),
                                                      QStringLiteral("See: statescope-cli --help"));
            std::printf("Usage: statescope-cli %s <command> [options]   (each command takes --help and --json)\n\n%s\n",
                        qPrintable(group), usage.toUtf8().constData());
            return statescope::cli::Ok;
        }
        if (sub.isEmpty() || sub.startsWith(QLatin1Char('-')))
            throw statescope::Error::invalidInput(
                QStringLiteral("Missing command after \"%1\".").arg(group),
                QStringLiteral("See: statescope-cli --help"));
        if (group == QLatin1String("sandbox"))
            return statescope::cli::runSandbox(sub, rest);
        if (group == QLatin1String("db"))
            return statescope::cli::runDb(sub, rest);
        if (group == QLatin1String("demo"))
            return statescope::cli::runDemo(sub, rest);
        if (group == QLatin1String("games"))
            return statescope::cli::runGames(sub, rest);
        if (group == QLatin1String("events"))
            return statescope::cli::runEvents(sub, rest);
        if (group == QLatin1String("metrics"))
            return statescope::cli::runMetrics(sub, rest);
        if (group == QLatin1String("snapshots"))
            return statescope::cli::runSnapshots(sub, rest);
        if (group == QLatin1String("player-events"))
            return statescope::cli::runPlayerEvents(sub, rest);
        if (group == QLatin1String("activity"))
            return statescope::cli::runActivity(sub, rest);
        if (group == QLatin1String("upkeep"))
            return statescope::cli::runUpkeep(sub, rest);
        if (group == QLatin1String("layout"))
            return statescope::cli::runLayout(sub, rest);
        if (group == QLatin1String("settings"))
            return statescope::cli::runSettings(sub, rest);
        if (group == QLatin1String("shard"))
            return statescope::cli::runShard(sub, rest);
        throw statescope::Error::invalidInput(QStringLiteral("Unknown command group: %1").arg(group),
                                              QStringLiteral("See: statescope-cli --help"));
    } catch (const statescope::Error &e) {
        return statescope::cli::reportError(e, json);
    } catch (const std::exception &e) {
        return statescope::cli::reportError(
            statescope::Error(statescope::Error::Kind::Internal, QString::fromLocal8Bit(e.what())),
            json);
    }
}
