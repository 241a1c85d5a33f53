#pragma once

// The command line's usage (`statescope-cli --help`), and the table of commands read from it:
// the groups, their commands and the options each synopsis names. Shell completion
// (completion.cpp) and the test that holds the usage to the commands' own parsers read it.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace statescope::cli {

const char *usageText();

// The lines of the usage for one group ("  db list ...", and the lines that continue each);
// empty for a group the usage does not name.
QString groupUsage(const QString &group);

struct UsageCommand
{
    QString group;         // "db", "replay"
    QString command;       // "list"; empty for a group that is one command ("replay")
    QStringList options;   // "--server", "--prefix": as the synopsis names them
    // Options whose synopsis lists the values they take ("--format csv|jsonl").
    QMap<QString, QStringList> choices;
};

// Every synopsis of the usage, in its order. A command with several synopses ("query" on
// one database and on a family) is listed once per synopsis.
QList<UsageCommand> commandTable();

} // namespace statescope::cli
