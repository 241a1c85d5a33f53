#include "dump.h"

#include "core/error.h"
#include "core/pg/pgtools.h"
#include "core/task/worker.h"
#include "core/weekly/retention.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cerrno>
#include <cstring>

#include <csignal>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace statescope::weekly {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::Dump)
};

} // namespace

QString requireProgram(const QString &name)
{
    const QString program = pg::clientProgram(name);
    if (program.isEmpty())
        throw Error(Error::Kind::Environment, Tr::tr("%1 was not found on this machine.").arg(name),
                    {}, Tr::tr("Install the PostgreSQL client tools (apt-get install postgresql-client)."));
    return program;
}

void runTool(const QString &program, const QStringList &args, const pg::ConnectionSettings &db,
             TaskContext *ctx, const QString &step)
{
    QProcess p;
    p.setProcessEnvironment(pg::environmentFor(db));
    // Whatever the tool creates is private to its owner (dumps hold every row). The tool dies
    // with us: a pg_dump or pg_restore left running after Statescope was killed would go on
    // reading (or writing) for nothing, holding its locks and connections.
    const pid_t parent = ::getpid();
    p.setChildProcessModifier([parent] {
        ::umask(077);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // already gone before the line above took effect
            ::_exit(127);
    });
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

void checkDumpSpace(const QString &dir, const QString &database, qint64 expectedBytes)
{
    if (!QDir().mkpath(dir))
        throw Error(Error::Kind::Environment, Tr::tr("Cannot create the backup directory %1").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                   | QFileDevice::ExeOwner);
    // statvfs rather than QStorageInfo: the latter finds nothing when the directory's
    // mount is not visible (a chroot, a container) and the check would silently pass.
    struct statvfs fs = {};
    const qint64 available = ::statvfs(QFile::encodeName(dir).constData(), &fs) == 0
                                 ? qint64(fs.f_bavail) * qint64(fs.f_frsize)
                                 : -1;
    if (expectedBytes > 0 && available >= 0 && available < expectedBytes)
        throw Error(Error::Kind::Environment,
                    Tr::tr("%1 has %2 MiB free; the dump of %3 may need up to %4 MiB. "
                           "Nothing was changed.")
                        .arg(dir)
                        .arg(available / (1024 * 1024))
                        .arg(database)
                        .arg(expectedBytes / (1024 * 1024)),
                    {}, Tr::tr("Free some space, or choose another backup directory."));
}

namespace {

// pg_dump of `database` (with `selection`: which tables; empty: all) into
// <dir>/<stem>_<UTC timestamp>.dump, private, under a temporary name until it succeeded.
QString dumpTo(const pg::ConnectionSettings &database, const QString &dir, const QString &stem,
               const QStringList &selection, TaskContext *ctx, qint64 expectedBytes)
{
    const QString program = requireProgram(QStringLiteral("pg_dump"));
    checkDumpSpace(dir, database.database(), expectedBytes);
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    const QString path = QDir(dir).filePath(stem + QLatin1Char('_') + stamp + QStringLiteral(".dump"));
    if (ctx)
        ctx->progress(0, 0, Tr::tr("Dumping %1 to %2").arg(database.database(), path));
    // Written under a temporary name and renamed once pg_dump has succeeded: a file named
    // like a good dump always is one (a killed run leaves a .partial, which db recover lists).
    const QString partial = path + QStringLiteral(".partial");
    // Named in the journal before it exists: only files Statescope provably wrote are ever
    // offered for removal (db recover --delete-orphans).
    QString why;
    if (!registerFile(partial, &why) || !registerFile(path, &why))
        throw Error(Error::Kind::Environment,
                    Tr::tr("The local audit journal could not be written; no dump was taken and nothing was changed."),
                    why);
    {
        // Created private (0600, never wider for a moment) before pg_dump writes into it.
        const int fd = ::open(QFile::encodeName(partial).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                              S_IRUSR | S_IWUSR);
        if (fd < 0)
            throw Error(Error::Kind::Environment,
                        Tr::tr("Cannot create the dump file %1: %2")
                            .arg(partial, QString::fromLocal8Bit(std::strerror(errno))));
        ::close(fd);
    }
    try {
        runTool(program,
                // A lock pg_dump cannot get in a minute (a session queued for an exclusive lock
                // behind the fence's own) fails the dump instead of holding everything up.
                QStringList{QStringLiteral("--format=custom"), QStringLiteral("--no-password"),
                            QStringLiteral("--lock-wait-timeout=60s"), QStringLiteral("--file"), partial,
                            QStringLiteral("--dbname"), database.database()}
                    + selection,
                database, ctx, Tr::tr("Dumping %1").arg(database.database()));
        // On disk before it takes its final name, and the name on disk before we say so.
        const int fd = ::open(QFile::encodeName(partial).constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
        if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0)
            throw Error(Error::Kind::Environment,
                        Tr::tr("Cannot rename the dump %1: %2")
                            .arg(partial, QString::fromLocal8Bit(std::strerror(errno))));
        const int dirFd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd >= 0) {
            ::fsync(dirFd);
            ::close(dirFd);
        }
        registerComplete(path);
    } catch (...) {
        QFile::remove(partial);
        throw;
    }
    return path;
}

} // namespace

QString dumpDatabase(const pg::ConnectionSettings &database, const QString &dir, TaskContext *ctx,
                     qint64 expectedBytes)
{
    return dumpTo(database, dir, database.database(), {}, ctx, expectedBytes);
}

QString dumpTables(const pg::ConnectionSettings &database, const QStringList &tables, const QString &dir,
                   const QString &stem, TaskContext *ctx, qint64 expectedBytes, const QString &snapshot)
{
    QStringList selection{QStringLiteral("--strict-names")};
    if (!snapshot.isEmpty())
        selection << QStringLiteral("--snapshot=") + snapshot;
    for (const QString &t : tables)
        selection << QStringLiteral("--table=") + t;
    return dumpTo(database, dir, stem, selection, ctx, expectedBytes);
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
