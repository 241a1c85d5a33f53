// tst_sandbox's stand-in for a test that dies without cleaning up (support/reaper.cpp):
// starts a sandbox in the directory it is given and a detached helper process, prints
// "started PID PID" (the postmaster's and the helper's) and waits to be killed.
#include "core/sandbox/sandbox.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include <cstdio>

#include <unistd.h>

using namespace statescope;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: reaper_probe DIR\n");
        return 2;
    }
    sandbox::Options options;
    options.dir = QString::fromLocal8Bit(argv[1]);
    options.durable = false;
    const sandbox::Info info = sandbox::Sandbox(options).start();
    QFile pidFile(info.dataDir + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 1;
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    qint64 helper = 0;
    if (!QProcess::startDetached(QStringLiteral("sleep"), {QStringLiteral("600")}, QString(), &helper))
        return 1;
    std::printf("started %lld %lld\n", static_cast<long long>(postmaster), static_cast<long long>(helper));
    std::fflush(stdout);
    for (;;)
        ::pause();
}
