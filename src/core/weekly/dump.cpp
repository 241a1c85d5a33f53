#include "dump.h"

#include "core/error.h"
#include "core/pg/pgtools.h"
#include "core/task/worker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace statescope::weekly {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::Dump)
};

QString requireProgram(const QString &name)
{
    const QString program = pg::clientProgram(name);
    if (program.isEmpty())
        throw Error(Error::Kind::Environment, Tr::tr("%1 was not found on this machine.").arg(name),
                    {}, Tr::tr("Install the PostgreSQL client tools (apt-get install postgresql-client)."));
    return program;
}

// Runs a program to completion, polling for cancellation; returns its stderr.
void runTool(const QString &program, const QStringList &args, const pg::ConnectionSettings &db,
             TaskContext *ctx, const QString &step)
{
    QProcess p;
    p.setProcessEnvironment(pg::environmentFor(db));
    p.start(program, args);
    if (!p.waitForStarted(10000))
        throw Error(Error::Kind::Environment,
                    Tr::tr("Could not start %1: %2").arg(program, p.errorString()));
    int ticks = 0;
    while (!p.waitForFinished(100)) {
        if (ctx && ctx->isCancelled()) {
            p.kill();
            p.waitForFinished(5000);
            throw Error::cancelled();
        }
        if (ctx && (++ticks % 10) == 0)
            ctx->progress(0, 0, step);
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        throw Error(Error::Kind::Environment, Tr::tr("%1 failed.").arg(QFileInfo(program).fileName()),
                    QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
}

} // namespace

QString dumpDatabase(const pg::ConnectionSettings &database, const QString &dir, TaskContext *ctx)
{
    const QString program = requireProgram(QStringLiteral("pg_dump"));
    if (!QDir().mkpath(dir))
        throw Error(Error::Kind::Environment, Tr::tr("Cannot create the backup directory %1").arg(dir));
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    const QString path = QDir(dir).filePath(database.database() + QLatin1Char('_') + stamp
                                            + QStringLiteral(".dump"));
    if (ctx)
        ctx->progress(0, 0, Tr::tr("Dumping %1 to %2").arg(database.database(), path));
    try {
        runTool(program,
                {QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                 QStringLiteral("--file"), path, QStringLiteral("--dbname"), database.database()},
                database, ctx, Tr::tr("Dumping %1").arg(database.database()));
    } catch (...) {
        QFile::remove(path);
        throw;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

void restoreDatabase(const pg::ConnectionSettings &database, const QString &dumpFile,
                     TaskContext *ctx)
{
    if (!QFileInfo(dumpFile).isReadable())
        throw Error::invalidInput(Tr::tr("Cannot read the dump file %1.").arg(dumpFile));
    const QString program = requireProgram(QStringLiteral("pg_restore"));
    runTool(program,
            {QStringLiteral("--no-password"), QStringLiteral("--exit-on-error"),
             QStringLiteral("--single-transaction"), QStringLiteral("--dbname"),
             database.database(), dumpFile},
            database, ctx, Tr::tr("Restoring %1").arg(database.database()));
}

} // namespace statescope::weekly
