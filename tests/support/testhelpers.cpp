#include "testhelpers.h"

#include "core/audit/auditlog.h"
#include "core/pg/pgtools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <functional>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace statescope::test {

namespace {

// Starts the CLI, lets `finished` wait for it (false: it did not end in time) and
// collects what it left.
CliRun run(const QStringList &args, const std::function<bool(QProcess &)> &finished)
{
    CliRun r;
    QProcess p;
    p.start(qEnvironmentVariable("STATESCOPE_CLI"), args);
    if (!p.waitForStarted(30000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!finished(p)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

qint64 scalar(pg::Connection &conn, const QString &sql, const std::vector<pg::Param> &params)
{
    return conn.exec(sql, params).toLongLong(0, 0, -1);
}

QString CliRun::errorField(const char *field) const
{
    return json()
        .object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String(field))
        .toString();
}

bool cliIsExecutable()
{
    return QFileInfo(qEnvironmentVariable("STATESCOPE_CLI")).isExecutable();
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

CliRun runCli(const QStringList &args)
{
    return run(args, [](QProcess &p) {
        // Generous: a drop runs pg_dump. Not a timing assertion, only a guard against hangs.
        return p.waitForFinished(300000);
    });
}

CliRun runCliSpinning(const QStringList &args, int patience)
{
    return run(args, [patience](QProcess &p) {
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, patience); }();
        return p.state() == QProcess::NotRunning;
    });
}

demo::DemoReport seedDemo(pg::Connection &conn, int games, int events)
{
    demo::DemoOptions options;
    options.events = events;
    options.games = games;
    options.snapshots = 0;
    return demo::seed(conn, options);
}

bool makeSlowToolDir(const QString &dir, const QString &program, const QString &started, int seconds)
{
    const QString realTool = pg::clientProgram(program);
    const QString postgres = pg::clientProgram(QStringLiteral("postgres"));
    if (realTool.isEmpty() || postgres.isEmpty())
        return false;
    QFile wrapper(QDir(dir).filePath(program));
    if (!wrapper.open(QIODevice::WriteOnly))
        return false;
    wrapper.write(QStringLiteral("#!/bin/sh\ntouch '%1'\nsleep %2\nexec '%3' \"$@\"\n")
                      .arg(started)
                      .arg(seconds)
                      .arg(realTool)
                      .toUtf8());
    wrapper.close();
    if (!wrapper.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                | QFileDevice::ExeOwner))
        return false;
    // STATESCOPE_PG_BINDIR names a server's directory: the other programs stay reachable.
    const QDir bin = QFileInfo(postgres).absoluteDir();
    for (const QString &other : bin.entryList(QDir::Files | QDir::Executable))
        if (other != program)
            QFile::link(bin.filePath(other), QDir(dir).filePath(other));
    return true;
}

bool makeSlowPgDumpDir(const QString &dir, const QString &started, int seconds)
{
    return makeSlowToolDir(dir, QStringLiteral("pg_dump"), started, seconds);
}

QString runCliKilledWhileDumping(const QStringList &args, const QString &database, QString *why)
{
    QTemporaryDir tools;
    const QString started = tools.filePath(QStringLiteral("dump-started"));
    if (!tools.isValid() || !makeSlowPgDumpDir(tools.path(), started, 120)) {
        if (why)
            *why = QStringLiteral("could not make the waiting pg_dump");
        return {};
    }
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STATESCOPE_PG_BINDIR"), tools.path());
    cli.setProcessEnvironment(env);
    // The CLI leads a process group of its own, so the kill takes the wrapper with it.
    cli.setChildProcessModifier([] { ::setpgid(0, 0); });
    cli.start(qEnvironmentVariable("STATESCOPE_CLI"), args);
    if (!cli.waitForStarted()) {
        if (why)
            *why = cli.errorString();
        return {};
    }
    QElapsedTimer patience;
    patience.start();
    while (!QFileInfo::exists(started) && patience.elapsed() < 60000 && cli.state() == QProcess::Running)
        QThread::msleep(5);
    if (!QFileInfo::exists(started)) {
        if (why)
            *why = QString::fromUtf8(cli.readAllStandardError());
        cli.kill();
        cli.waitForFinished();
        return {};
    }
    ::kill(-pid_t(cli.processId()), SIGKILL);
    cli.waitForFinished(10000);
    QString op;
    for (const audit::Entry &e : audit::readJournal(1000))
        if (e.target == database && e.phase == QLatin1String("intent")) {
            op = e.op;
            break; // newest first
        }
    if (op.isEmpty() && why)
        *why = QStringLiteral("no intent journalled for %1").arg(database);
    return op;
}

} // namespace statescope::test
