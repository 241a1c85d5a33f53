#pragma once

#include "core/error.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "core/pg/connection.h"
#include "core/browse/familyquery.h"
#include "core/weekly/family.h"

#include <memory>

namespace statescope::cli {

// Exit codes: 0 success, 1 the operation failed, 2 bad usage or input, 130 cancelled.
enum ExitCode { Ok = 0, Failed = 1, Usage = 2, Cancelled = 130 };

// One invocation: its parsed options, and where results go (text or --json).
class Command
{
public:
    Command(QString name, QString description);

    QCommandLineParser &parser() { return m_parser; }
    const QCommandLineParser &parser() const { return m_parser; }
    // Parses args (the words after the command name); throws Error(InvalidInput).
    void parse(const QStringList &args);
    // Words that are not options the command takes (at most n; none unless said).
    void acceptPositionals(int n) { m_positionals = n; }
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    QString required(const QString &option) const;
    // An integer option within [min, max]; fallback when absent.
    qint64 integer(const QString &option, qint64 fallback, qint64 min, qint64 max) const;
    pg::ConnectionSettings connection(const QString &option) const;
    // Opens the connection named by option, with the --layout file laid over its detected
    // layout when one was given (Error(InvalidInput) for a bad file).
    std::unique_ptr<pg::Connection> open(const QString &option,
                                         pg::Connection::Access access = pg::Connection::Access::ReadWrite,
                                         CancelToken *cancel = nullptr) const;
    bool isLayoutSet() const;

    // Prints a result: the JSON document with --json, else the text.
    void print(const nlohmann::json &document, const QString &text) const;

private:
    QString m_name;
    QCommandLineParser m_parser;
    int m_positionals = 0;
};

int reportError(const Error &error, bool json);

// --server (repeatable: a family over several servers), --prefix and --weeks.
void addFamilyOptions(Command &cmd);
// The family they name, listed on every server given (--weeks: only those weeks).
weekly::Family familyFrom(const Command &cmd, QList<weekly::FamilyWeek> *selected = nullptr,
                          weekly::Family::Depth depth = weekly::Family::Depth::Schema);
// query --prefix: the statement on every week, rows with their week (commands_family.cpp).
int runFamilyQuery(const Command &cmd, const QString &sql, int timeoutMs, int parallel, bool csv);
// One statement on each target (weeks, shards), rows streamed with a leading column naming
// the target (`leading`: "week", "shard"), and the server when withServer.
int streamQuery(const Command &cmd, const QList<browse::FamilyQuery::Target> &targets, const QString &leading,
                bool withServer, const QString &sql, const browse::FamilyQuery::Options &options, bool csv);
int runShard(const QString &sub, const QStringList &args);
std::string utf8(const QString &s);
// A JSON array of the strings, as utf8() writes each.
nlohmann::json utf8Array(const QStringList &strings);
// Text as the server sent it, for JSON: bytes that are not valid UTF-8 (a SQL_ASCII
// database) become U+FFFD each, and *invalid is set so the caller can mark the value.
nlohmann::json textJson(const QByteArray &bytes, bool *invalid = nullptr);
// Marks a row object whose values had bytes replaced ("invalid_utf8": true, or
// "_invalid_utf8" when the row has a column of that name).
void markInvalidUtf8(nlohmann::json &row);
// A CSV field: quoted (doubled quotes inside) when it holds a comma, quote or line break.
QByteArray csvField(const QByteArray &v);
// JSON text whatever the strings hold (invalid UTF-8 replaced, never an exception).
std::string dumpJson(const nlohmann::json &doc, int indent = -1);

int runSandbox(const QString &sub, const QStringList &args);
int runDb(const QString &sub, const QStringList &args);
int runDemo(const QString &sub, const QStringList &args);
int runGames(const QString &sub, const QStringList &args);
int gamesRules(const QStringList &args); // games rules (commands_rules.cpp)
int runReplay(const QStringList &args);
int runFind(const QStringList &args); // commands_find.cpp
int runCheck(const QStringList &args);
int runRollback(const QStringList &args);
int runMetrics(const QString &sub, const QStringList &args);
int runEvents(const QString &sub, const QStringList &args);
int runSnapshots(const QString &sub, const QStringList &args);
int runPlayerEvents(const QString &sub, const QStringList &args);
int runUpkeep(const QString &sub, const QStringList &args);
int runActivity(const QString &sub, const QStringList &args);
int runLayout(const QString &sub, const QStringList &args);
int runAdopt(const QStringList &args);
int runUnadopt(const QStringList &args);
int runCreateIndex(const QStringList &args);
int runRecover(const QStringList &args);
int runMove(const QStringList &args);
int runReader(const QStringList &args);
int runSchemaDiff(const QStringList &args);
int runDrift(const QStringList &args);
int runRowsDiff(const QStringList &args);
int runEventsChanges(const QStringList &args);
int runSettings(const QString &sub, const QStringList &args);
int runBrowse(const QString &group, const QStringList &args);
int runCollect(const QStringList &args);
// Shell completion (completion.cpp): the script for a shell, and the candidates it asks for.
int runCompletion(const QString &shell);
int runComplete(const QStringList &words);
// A connection as given on the command line: a saved profile's name (NAME, or NAME/DATABASE
// for one of its server's databases), else a conninfo, URI or service=NAME.
pg::ConnectionSettings connectionFrom(const QString &text);

} // namespace statescope::cli
