#pragma once

// Small helpers the tests share: catching a core Error, reading one number from the
// server, running the real statescope-cli, and seeding a small demo.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/pg/connection.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace statescope::test {

// The Error fn throws, or nothing when it returns normally. Anything else still propagates.
template <class F> std::optional<Error> errorOf(F &&fn)
{
    try {
        fn();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

// A TCP port on 127.0.0.1 nothing listens on right now.
int freePort();

// The first column of the first row as a number; -1 for NULL.
qint64 scalar(pg::Connection &conn, const QString &sql, const std::vector<pg::Param> &params = {});

// One run of statescope-cli: its exit code (-1 when it did not start, crashed or hung)
// and everything it wrote.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // A field of the {"error": {...}} object the CLI prints with --json ("" when absent).
    QString errorField(const char *field) const;
    QString describe() const;
};

// Whether STATESCOPE_CLI names the statescope-cli binary; check it with
// QVERIFY2(cliIsExecutable(), kNoCli) so the calling test stops there.
bool cliIsExecutable();
inline constexpr const char *kNoCli = "STATESCOPE_CLI must name the statescope-cli binary";

// Runs the statescope-cli binary named by STATESCOPE_CLI with args and waits for it.
CliRun runCli(const QStringList &args);
// The same, but keeps this thread's event loop spinning while the CLI runs, so that a
// server living in this thread (a QTcpServer, say) can answer it. A run that outlasts
// `patience` ms fails the current test.
CliRun runCliSpinning(const QStringList &args, int patience);

// Seeds the demo generator's data into conn's (freshly migrated) database, without
// snapshots: `games` baseball games, one of them broken, over `events` API events.
demo::DemoReport seedDemo(pg::Connection &conn, int games = 12, int events = 50);

// Fills `dir` for STATESCOPE_PG_BINDIR: a `program` (pg_dump, pg_restore) that creates the
// file `started`, waits `seconds`, then runs the real one (a tool caught in the act, for
// cancel and kill tests that must not depend on polling a short window), and links to the
// machine's other PostgreSQL programs. False when something is missing.
bool makeSlowToolDir(const QString &dir, const QString &program, const QString &started, int seconds);
bool makeSlowPgDumpDir(const QString &dir, const QString &started, int seconds);

// Runs statescope-cli with `args` (a db drop or reset) with a pg_dump that says it started
// and then waits, and kills the CLI and everything it started (SIGKILL to its process group)
// while that dump runs. Returns the operation id its intent journalled for `database`, or
// empty (and *why) when it could not be caught in the act.
QString runCliKilledWhileDumping(const QStringList &args, const QString &database, QString *why = nullptr);

} // namespace statescope::test
