// Shell completion (`statescope-cli completion bash`, and the hidden `__complete` the script
// asks): groups and commands from the usage's table (usage.h), a command's options from its
// own parser (its --help), and values that are known here without asking a server: saved
// profiles, shard sets and families, the weeks around today, and the values a synopsis lists.
#include "output.h"
#include "usage.h"

#include "core/settings.h"
#include "core/shard/shardset.h"

#include <QCoreApplication>
#include <QDate>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

#include <cstdio>

namespace statescope::cli {

namespace {

constexpr auto kBashScript = R"BASH(# bash completion for statescope-cli (written by `statescope-cli completion bash`).
# The candidates come from the program itself (`statescope-cli __complete WORDS...`): its
# groups, commands and options, and the profiles, shard sets and families saved here.
_statescope_cli()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local IFS=$'\n' i
    local words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    COMPREPLY=($(compgen -W "$(command "${COMP_WORDS[0]}" __complete "${words[@]}" 2>/dev/null)" -- "$cur"))
    for i in "${!COMPREPLY[@]}"; do
        printf -v 'COMPREPLY[i]' '%q' "${COMPREPLY[i]}"
    done
    # A profile's databases follow its name: no space after "NAME/".
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
}
complete -o bashdefault -o default -F _statescope_cli statescope-cli
)BASH";

struct OptionInfo
{
    QString name;  // "--server"
    bool takesValue = false;
};

// The options a command's own parser takes, read from its --help (QCommandLineParser's
// "  --server <CONN>  ..." lines), so completion offers exactly what it accepts.
QList<OptionInfo> parserOptions(const QString &group, const QString &command)
{
    QStringList args{group};
    if (!command.isEmpty())
        args << command;
    args << QStringLiteral("--help");
    QProcess help;
    help.start(QCoreApplication::applicationFilePath(), args);
    if (!help.waitForFinished(5000))
        return {};
    static const QRegularExpression line(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z][a-z0-9-]*)( <[^>]+>)?"),
                                         QRegularExpression::MultilineOption);
    QList<OptionInfo> out;
    const QString text = QString::fromUtf8(help.readAllStandardOutput());
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(1) != QLatin1String("--help-all"))
            out << OptionInfo{m.captured(1), m.capturedLength(2) > 0};
    }
    return out;
}

// The values an option takes that are known without a server.
QStringList valuesOf(const QString &group, const QString &option, const QList<UsageCommand> &synopses)
{
    for (const UsageCommand &s : synopses)
        if (s.choices.contains(option))
            return s.choices.value(option);
    QStringList out;
    if (option == QLatin1String("--server") || option == QLatin1String("--db") || option == QLatin1String("--to")
        || option == QLatin1String("--member")) {
        for (const settings::Profile &p : settings::profiles()) {
            out << p.name;
            if (option != QLatin1String("--server"))
                out << p.name + QLatin1Char('/'); // NAME/DATABASE
        }
    } else if (option == QLatin1String("--set") && group != QLatin1String("upkeep")) {
        for (const shard::ShardSet &set : shard::savedSets())
            out << set.name;
    } else if (option == QLatin1String("--prefix")) {
        out = settings::layoutMappingFamilies();
    } else if (option == QLatin1String("--week")) {
        // This week and the next two, as "db create --week" takes them.
        const QDate today = QDate::currentDate();
        for (int w = 0; w < 3; ++w) {
            int year = 0;
            const int week = today.addDays(7 * w).weekNumber(&year);
            out << QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace

int runCompletion(const QString &shell)
{
    if (shell != QLatin1String("bash"))
        throw Error::invalidInput(QStringLiteral("No completion for the shell \"%1\".").arg(shell),
                                  QStringLiteral("statescope-cli completion bash"));
    std::fputs(kBashScript, stdout);
    return Ok;
}

int runComplete(const QStringList &words)
{
    // words: what follows the program's name up to the word being completed (maybe empty).
    const QList<UsageCommand> table = commandTable();
    QStringList out;
    const QString group = words.size() > 1 ? words[0] : QString();
    if (words.size() <= 1) {
        for (const UsageCommand &c : table)
            if (!out.contains(c.group))
                out << c.group;
        out << QStringLiteral("--help") << QStringLiteral("--version");
    } else {
        QList<UsageCommand> synopses; // of the command the words name
        QStringList commands;
        bool bare = false; // the group is a command of its own too ("rows", "rollback")
        for (const UsageCommand &c : table) {
            if (c.group != group)
                continue;
            if (c.command.isEmpty())
                bare = true;
            else if (!commands.contains(c.command))
                commands << c.command;
        }
        const QString command = commands.contains(words[1]) ? words[1] : QString();
        for (const UsageCommand &c : table)
            if (c.group == group && c.command == command)
                synopses << c;
        if (words.size() == 2 && !commands.isEmpty())
            out << commands;
        if (!synopses.isEmpty() && (words.size() > 2 || bare)) {
            const QList<OptionInfo> options = parserOptions(group, command);
            const QString previous = words.size() > 2 ? words[words.size() - 2] : QString();
            const auto taken = std::find_if(options.begin(), options.end(), [&](const OptionInfo &o) {
                return o.name == previous && o.takesValue;
            });
            if (taken != options.end()) {
                out = valuesOf(group, previous, synopses); // the value of the option before
            } else {
                for (const OptionInfo &o : options)
                    out << o.name;
                out << QStringLiteral("--allow");
            }
        }
    }
    for (const QString &candidate : out)
        std::printf("%s\n", candidate.toUtf8().constData());
    return Ok;
}

} // namespace statescope::cli
