// statescope-cli's shell completion through bash itself (the script the package installs,
// `complete -p`, the function bash calls), the usage's table of commands held to each
// command's own parser, and a saved profile's name taking a connection string's place.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/settings.h"
#include "usage.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

namespace {

// What bash's completion offers for the words typed so far (the last one being completed).
QStringList complete(const QStringList &words, QString *trace = nullptr)
{
    QString line = QStringLiteral("COMP_WORDS=(statescope-cli");
    for (const QString &w : words)
        line += QStringLiteral(" '") + QString(w).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    line += QStringLiteral("); COMP_CWORD=%1; _statescope_cli; printf '%s\\n' \"${COMPREPLY[@]}\"").arg(words.size());
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QFileInfo(qEnvironmentVariable("STATESCOPE_CLI")).absolutePath()
                                           + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    bash.setProcessEnvironment(env);
    bash.start(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"),
                                        QStringLiteral("source \"$STATESCOPE_BASH_COMPLETION\"; ") + line});
    bash.waitForFinished(30000);
    if (trace)
        *trace = QString::fromUtf8(bash.readAllStandardError());
    return QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The options a command's --help lists (its QCommandLineParser's own).
QStringList helpOptions(const QStringList &words, int *exitCode)
{
    const CliRun run = runCli(words + QStringList{QStringLiteral("--help")});
    *exitCode = run.exitCode;
    static const QRegularExpression option(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z][a-z0-9-]*)"),
                                           QRegularExpression::MultilineOption);
    QStringList out;
    for (auto it = option.globalMatch(QString::fromUtf8(run.out)); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

} // namespace

class TestCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY2(QFileInfo(qEnvironmentVariable("STATESCOPE_BASH_COMPLETION")).isFile(),
                 "STATESCOPE_BASH_COMPLETION must name the script the build writes");
        settings::Profile profile;
        profile.id = settings::newProfileId();
        profile.name = QStringLiteral("test server");
        profile.conninfo = serverSettings().withDatabase(QStringLiteral("postgres")).storableString();
        settings::saveProfiles({profile});
    }

    // Every synopsis of the usage names a command that exists, with options it takes: the
    // usage, its completion and the commands cannot drift apart.
    void theUsageNamesWhatTheCommandsTake()
    {
        const QList<cli::UsageCommand> table = cli::commandTable();
        QVERIFY2(table.size() >= 60, qPrintable(QString::number(table.size())));
        int checked = 0;
        for (const cli::UsageCommand &c : table) {
            if (c.group == QLatin1String("completion"))
                continue; // takes a shell's name, no options
            QStringList words{c.group};
            if (!c.command.isEmpty())
                words << c.command;
            int exitCode = -1;
            const QStringList accepted = helpOptions(words, &exitCode);
            QVERIFY2(exitCode == 0, qPrintable(words.join(QLatin1Char(' ')) + QStringLiteral(": --help failed")));
            for (const QString &o : c.options) {
                if (o == QLatin1String("--allow"))
                    continue; // every command's, taken before the command runs
                QVERIFY2(accepted.contains(o), qPrintable(QStringLiteral("the usage says \"%1 %2\", which its parser does not take")
                                                              .arg(words.join(QLatin1Char(' ')), o)));
            }
            ++checked;
        }
        QVERIFY(checked >= 60);
        // The table read what the usage's layout holds: two commands on one line, a command
        // that is also a group, values a synopsis lists.
        const auto has = [&](const char *group, const char *command) {
            return std::any_of(table.begin(), table.end(), [&](const cli::UsageCommand &c) {
                return c.group == QLatin1String(group) && c.command == QLatin1String(command);
            });
        };
        QVERIFY(has("shard", "list") && has("shard", "remove"));
        QVERIFY(has("activity", "cancel") && has("activity", "terminate"));
        QVERIFY(has("rows", "") && has("rows", "diff") && has("replay", ""));
        for (const cli::UsageCommand &c : table)
            if (c.group == QLatin1String("events") && c.command == QLatin1String("export"))
                QCOMPARE(c.choices.value(QStringLiteral("--format")), (QStringList{QStringLiteral("csv"), QStringLiteral("jsonl")}));
    }

    void bashRegistersTheFunction()
    {
        QProcess bash;
        bash.start(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"),
                                            QStringLiteral("source \"$STATESCOPE_BASH_COMPLETION\"; complete -p statescope-cli")});
        QVERIFY(bash.waitForFinished(30000));
        QCOMPARE(bash.exitCode(), 0);
        const QByteArray said = bash.readAllStandardOutput();
        QVERIFY2(said.contains("-F _statescope_cli") && said.trimmed().endsWith("statescope-cli"), said.constData());
        // The installed script is what the program writes now.
        const CliRun script = runCli({QStringLiteral("completion"), QStringLiteral("bash")});
        QCOMPARE(script.exitCode, 0);
        QFile installed(qEnvironmentVariable("STATESCOPE_BASH_COMPLETION"));
        QVERIFY(installed.open(QIODevice::ReadOnly));
        QCOMPARE(installed.readAll(), script.out);
        QCOMPARE(runCli({QStringLiteral("completion"), QStringLiteral("fish")}).exitCode, 2);
    }

    void completesGroupsCommandsAndOptions()
    {
        QString trace;
        QCOMPARE(complete({QStringLiteral("d")}, &trace), (QStringList{QStringLiteral("db"), QStringLiteral("demo")}));
        QVERIFY2(trace.isEmpty(), qPrintable(trace));
        QCOMPARE(complete({QStringLiteral("db"), QStringLiteral("dr")}), (QStringList{QStringLiteral("drop"), QStringLiteral("drift")}));
        QCOMPARE(complete({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--se")}),
                 QStringList{QStringLiteral("--server")});
        QCOMPARE(complete({QStringLiteral("replay"), QStringLiteral("--b")}), QStringList{QStringLiteral("--box")});
        // A group that is a command too: its commands and its options.
        const QStringList rows = complete({QStringLiteral("rows"), QString()});
        QVERIFY2(rows.contains(QStringLiteral("diff")) && rows.contains(QStringLiteral("--table")), qPrintable(rows.join(u' ')));
        QCOMPARE(complete({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--val")}),
                 QStringList{QStringLiteral("--values")});
    }

    void completesValuesKnownHere()
    {
        QCOMPARE(complete({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("j")}),
                 QStringList{QStringLiteral("jsonl")});
        QCOMPARE(complete({QStringLiteral("metrics"), QStringLiteral("series"), QStringLiteral("--bucket"), QString()}),
                 (QStringList{QStringLiteral("1m"), QStringLiteral("1h"), QStringLiteral("1d")}));
        // A saved profile's name, quoted for the shell; with --db, also its databases' form.
        QCOMPARE(complete({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"), QStringLiteral("te")}),
                 QStringList{QStringLiteral("test\\ server")});
        QCOMPARE(complete({QStringLiteral("tables"), QStringLiteral("--db"), QStringLiteral("test")}),
                 (QStringList{QStringLiteral("test\\ server"), QStringLiteral("test\\ server/")}));
        int year = 0;
        const int week = QDate::currentDate().weekNumber(&year);
        const QString thisWeek = QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
        QVERIFY(complete({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("--week"), QString()}).contains(thisWeek));
    }

    // The name completion offers is one the commands take: NAME for the profile's
    // connection, NAME/DATABASE for one of its server's databases.
    void aProfilesNameConnects()
    {
        const CliRun list = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                    QStringLiteral("test server"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        const CliRun query = runCli({QStringLiteral("query"), QStringLiteral("--db"), QStringLiteral("test server/template1"),
                                     QStringLiteral("--sql"), QStringLiteral("SELECT current_database() AS db"),
                                     QStringLiteral("--json")});
        QVERIFY2(query.exitCode == 0, qPrintable(query.describe()));
        QVERIFY2(query.out.contains("\"template1\""), query.out.constData());
        // A word that no profile has is still read (and refused) as a connection string.
        const CliRun unknown = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                       QStringLiteral("no-such-profile"), QStringLiteral("--json")});
        QCOMPARE(unknown.exitCode, 2);
        const CliRun empty = runCli({QStringLiteral("tables"), QStringLiteral("--db"), QStringLiteral("test server/")});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains("No database after"), empty.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
