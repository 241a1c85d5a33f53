// settings: what the GUI and the CLI share in the settings file (core/settings.h).
#include "output.h"

#include "core/error.h"
#include "core/settings.h"

namespace statescope::cli {

namespace {

int print(const Command &cmd)
{
    const settings::DumpRetention r = settings::dumpRetention();
    const QStringList allowed = settings::readAllowed();
    nlohmann::json objects = nlohmann::json::array();
    for (const QString &o : allowed)
        objects.push_back(utf8(o));
    cmd.print({{"file", utf8(settings::path())},
               {"dumps", {{"keep", r.keep}, {"min_age_days", r.minAgeDays}}},
               {"read_allowed", objects},
               {"cursor_hold_seconds", settings::cursorHoldSeconds()}},
              QStringLiteral("Settings file: %1\n"
                             "Dumps kept per database: %2, and any younger than %3 days\n"
                             "Objects the read guard may run for a superuser's session: %4\n"
                             "A result grid's cursor held after its last page: %5 s")
                  .arg(settings::path(),
                       r.keep == 0 ? QStringLiteral("all") : QString::number(r.keep))
                  .arg(r.minAgeDays)
                  .arg(allowed.isEmpty() ? QStringLiteral("none") : allowed.join(QStringLiteral(", ")))
                  .arg(settings::cursorHoldSeconds()));
    return Ok;
}

int show(const QStringList &args)
{
    Command cmd(QStringLiteral("settings show"), QStringLiteral("The shared settings and where they are kept."));
    cmd.parse(args);
    return print(cmd);
}

int set(const QStringList &args)
{
    Command cmd(QStringLiteral("settings set"),
                QStringLiteral("Change shared settings. Dump retention applies after each reset "
                               "or drop, to that database's older dumps."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("dumps-keep"),
                 QStringLiteral("The newest N dumps of each database are kept (0: all; up to %1).")
                     .arg(settings::DumpRetention::kMaxKeep),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("dumps-min-age-days"),
                 QStringLiteral("Dumps younger than D days are kept whatever their rank (0 to %1).")
                     .arg(settings::DumpRetention::kMaxAgeDays),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("allow-object"),
                 QStringLiteral("Let the read guard run this object for a superuser's session, in every command and "
                                "the window (repeatable; the name its refusal gives)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("forget-object"), QStringLiteral("Take that consent back (repeatable)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("cursor-hold-seconds"),
                 QStringLiteral("How long the window's result grids keep a cursor's read-only transaction open "
                                "after the last page was read (0 to 600; default %1): then it ends, and rows "
                                "further on are read by running the statement again.")
                     .arg(settings::kDefaultCursorHoldSeconds),
                 QStringLiteral("S")});
    cmd.parse(args);
    const bool objects = p.isSet(QStringLiteral("allow-object")) || p.isSet(QStringLiteral("forget-object"));
    const bool hold = p.isSet(QStringLiteral("cursor-hold-seconds"));
    if (!p.isSet(QStringLiteral("dumps-keep")) && !p.isSet(QStringLiteral("dumps-min-age-days")) && !objects && !hold)
        throw Error::invalidInput(QStringLiteral("Nothing to set."),
                                  QStringLiteral("Give --dumps-keep N, --dumps-min-age-days D, --allow-object NAME, "
                                                 "--forget-object NAME or --cursor-hold-seconds S."));
    // Every value checked before any is written: a bad one changes nothing.
    const int holdSeconds = int(cmd.integer(QStringLiteral("cursor-hold-seconds"), settings::cursorHoldSeconds(), 0, 600));
    settings::DumpRetention r = settings::dumpRetention();
    r.keep = int(cmd.integer(QStringLiteral("dumps-keep"), r.keep, 0, settings::DumpRetention::kMaxKeep));
    r.minAgeDays = int(cmd.integer(QStringLiteral("dumps-min-age-days"), r.minAgeDays, 0,
                                   settings::DumpRetention::kMaxAgeDays));
    if (objects) {
        QStringList allowed = settings::readAllowed() + p.values(QStringLiteral("allow-object"));
        for (const QString &o : p.values(QStringLiteral("forget-object")))
            allowed.removeAll(o.trimmed());
        settings::setReadAllowed(allowed);
    }
    if (hold)
        settings::setCursorHoldSeconds(holdSeconds);
    if (!p.isSet(QStringLiteral("dumps-keep")) && !p.isSet(QStringLiteral("dumps-min-age-days")))
        return print(cmd);
    settings::setDumpRetention(r);
    return print(cmd);
}

} // namespace

int runSettings(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("show"))
        return show(args);
    if (sub == QLatin1String("set"))
        return set(args);
    throw Error::invalidInput(QStringLiteral("Unknown command: settings %1").arg(sub),
                              QStringLiteral("Use: settings show | settings set"));
}

} // namespace statescope::cli
