#include "output.h"

#include "core/demo/demofamily.h"
#include "core/demo/shapes.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"

namespace statescope::cli {

namespace {

nlohmann::json toJson(const sandbox::Info &info)
{
    return {{"dir", utf8(info.dir)},
            {"running", info.running},
            {"reused", info.reused},
            {"port", info.port},
            {"tcp", info.tcp},
            {"run_as_user", utf8(info.runAsUser)},
            {"conninfo", utf8(info.settings.storableString())}};
}

} // namespace

int runSandbox(const QString &sub, const QStringList &args)
{
    Command cmd(QStringLiteral("sandbox ") + sub,
                sub == QLatin1String("start")
                    ? QStringLiteral("Start (or reuse) the private PostgreSQL sandbox and print "
                                     "its connection string.")
                : sub == QLatin1String("stop") ? QStringLiteral("Stop the sandbox server.")
                                               : QStringLiteral("Show whether the sandbox runs."));
    cmd.parser().addOption({QStringLiteral("dir"),
                            QStringLiteral("Sandbox directory (default: %1).")
                                .arg(sandbox::Sandbox::defaultDir()),
                            QStringLiteral("D")});
    if (sub == QLatin1String("start")) {
        cmd.parser().addOption({QStringLiteral("tcp"),
                                QStringLiteral("Also listen on 127.0.0.1 (password logins only).")});
        cmd.parser().addOption(
            {QStringLiteral("demo"),
             QStringLiteral("Also create and seed the demo family spacetraders_2025_w01..w03.")});
        cmd.parser().addOption({QStringLiteral("no-fsync"),
                                QStringLiteral("Trade durability for speed (throw-away clusters).")});
    }
    if (sub != QLatin1String("start") && sub != QLatin1String("stop")
        && sub != QLatin1String("status"))
        throw Error::invalidInput(QStringLiteral("Unknown command: sandbox %1").arg(sub),
                                  QStringLiteral("Use sandbox start, stop or status."));
    cmd.parse(args);
    sandbox::Options options;
    options.dir = cmd.parser().value(QStringLiteral("dir"));
    if (sub == QLatin1String("start")) {
        options.listenTcp = cmd.parser().isSet(QStringLiteral("tcp"));
        options.durable = !cmd.parser().isSet(QStringLiteral("no-fsync"));
    }
    sandbox::Sandbox box(options);
    if (sub == QLatin1String("start")) {
        const sandbox::Info info = box.start();
        nlohmann::json doc = toJson(info);
        QString text = info.settings.storableString();
        if (cmd.parser().isSet(QStringLiteral("demo"))) {
            const weekly::ServerAdmin admin(info.settings);
            const QStringList names = demo::ensureDemoFamily(admin, demo::FamilyOptions{})
                                      + demo::ensureShapeDemos(admin);
            doc["demo_databases"] = nlohmann::json::array();
            for (const QString &n : names)
                doc["demo_databases"].push_back(utf8(n));
        }
        cmd.print(doc, text);
    } else if (sub == QLatin1String("stop")) {
        box.stop();
        cmd.print({{"stopped", true}, {"dir", utf8(box.status().dir)}},
                  QStringLiteral("Sandbox stopped."));
    } else {
        const sandbox::Info info = box.status();
        cmd.print(toJson(info), info.running ? QStringLiteral("running: %1")
                                                   .arg(info.settings.storableString())
                                             : QStringLiteral("not running (%1)").arg(info.dir));
    }
    return Ok;
}

} // namespace statescope::cli
