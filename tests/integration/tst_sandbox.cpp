// The private PostgreSQL sandbox: missing binaries, reusing a running cluster, and the
// life cycle of a new one (initdb, start, stop, start again on the same files).

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <csignal>

using namespace statescope;
using namespace statescope::test;

namespace {

// Sets an environment variable for one scope and puts the old value back, even when a
// check fails half-way.
class EnvOverride
{
public:
    EnvOverride(const char *name, const QByteArray &value) : m_name(name)
    {
        if (qEnvironmentVariableIsSet(name))
            m_old = qgetenv(name);
        qputenv(name, value);
    }
    ~EnvOverride()
    {
        if (m_old)
            qputenv(m_name, *m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    std::optional<QByteArray> m_old;
};

// Stops a sandbox when the test leaves, whether it passed or not.
class StopOnExit
{
public:
    explicit StopOnExit(sandbox::Options options) : m_options(std::move(options)) {}
    ~StopOnExit()
    {
        try {
            sandbox::Sandbox(m_options).stop();
        } catch (const Error &e) {
            qWarning("Could not stop the test sandbox: %s", e.what());
        }
    }

private:
    sandbox::Options m_options;
};

QByteArray postmasterPid(const QString &dataDir)
{
    QFile f(dataDir + QStringLiteral("/postmaster.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readLine().trimmed();
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Make sure the shared sandbox is up before the environment is tampered with.
        QVERIFY(!serverSettings().value(QStringLiteral("port")).isEmpty());
    }

    void missingBinariesIsEnvironmentError()
    {
        QTemporaryDir dir(QStringLiteral("/tmp/ssbx-XXXXXX"));
        QVERIFY(dir.isValid());
        const bool wasSet = qEnvironmentVariableIsSet("STATESCOPE_PG_BINDIR");
        const QByteArray old = qgetenv("STATESCOPE_PG_BINDIR");
        std::optional<Error> e;
        {
            EnvOverride env("STATESCOPE_PG_BINDIR", "/nonexistent");
            sandbox::Options options;
            options.dir = dir.path();
            e = errorOf([&] { sandbox::Sandbox(options).start(); });
        }
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Environment);
        QVERIFY2(e->message().contains(QLatin1String("server binaries")), qPrintable(e->message()));
        QVERIFY(!e->hint().isEmpty());
        // Nothing was initialised there.
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/data/PG_VERSION")));
        QCOMPARE(qEnvironmentVariableIsSet("STATESCOPE_PG_BINDIR"), wasSet);
        QCOMPARE(qgetenv("STATESCOPE_PG_BINDIR"), old);
    }

    void startReusesRunningCluster()
    {
        const QString dir = sandboxDir();
        const QString port = serverSettings().value(QStringLiteral("port"));
        auto before = test::connect(serverSettings());
        const QByteArray pidBefore = postmasterPid(dir + QStringLiteral("/data"));
        QVERIFY(!pidBefore.isEmpty());

        sandbox::Options options;
        options.dir = dir;
        options.listenTcp = true;
        options.durable = false;
        const sandbox::Info info = sandbox::Sandbox(options).start();
        QVERIFY(info.reused);
        QVERIFY(info.running);
        QCOMPARE(QString::number(info.port), port);
        QCOMPARE(info.settings.value(QStringLiteral("port")), port);
        QVERIFY(info.tcp);

        // Same postmaster, and an existing session never noticed anything.
        QCOMPARE(postmasterPid(dir + QStringLiteral("/data")), pidBefore);
        QVERIFY(before->isAlive());
        QCOMPARE(before->exec(QStringLiteral("SELECT 1")).toInt(0, 0), 1);

        const sandbox::Info status = sandbox::Sandbox(options).status();
        QVERIFY(status.running);
        QCOMPARE(status.port, info.port);
    }

    void newSandboxLifeCycle()
    {
        // Under /tmp: the server may run as an unprivileged user who must reach it.
        QTemporaryDir dir(QStringLiteral("/tmp/ssbx-XXXXXX"));
        QVERIFY(dir.isValid());
        sandbox::Options options;
        options.dir = dir.path();
        options.durable = false;
        StopOnExit stopper(options); // declared after dir: stops before the files go

        sandbox::Sandbox box(options);
        QVERIFY(!box.status().running);
        const sandbox::Info first = box.start();
        QVERIFY(first.running);
        QVERIFY(!first.reused);
        QVERIFY(first.port > 0);
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/data/PG_VERSION")));
        QCOMPARE(first.settings.value(QStringLiteral("user")), QString::fromLatin1(sandbox::Sandbox::kSuperuser));
        // It is a different server from the suite's.
        QVERIFY(QString::number(first.port) != serverSettings().value(QStringLiteral("port")));

        {
            auto conn = pg::Connection::open(first.settings);
            QVERIFY(conn->isAlive());
            QCOMPARE(conn->user(), QString::fromLatin1(sandbox::Sandbox::kSuperuser));
            conn->exec(QStringLiteral("CREATE DATABASE keepme"));
            auto keep = pg::Connection::open(first.settings.withDatabase(QStringLiteral("keepme")));
            keep->exec(QStringLiteral("CREATE TABLE marker (x int)"));
            keep->exec(QStringLiteral("INSERT INTO marker VALUES (42)"));
        }
        QVERIFY(sandbox::Sandbox(options).status().running);

        box.stop();
        QVERIFY(!sandbox::Sandbox(options).status().running);
        QVERIFY(!box.status().running);
        QVERIFY(errorOf([&] { pg::Connection::open(first.settings); }));
        // Stopping again is a no-op.
        box.stop();

        // Starting again uses the same cluster files: no second initdb, data still there.
        const sandbox::Info second = sandbox::Sandbox(options).start();
        QVERIFY(second.running);
        QVERIFY(!second.reused);
        auto keep = pg::Connection::open(second.settings.withDatabase(QStringLiteral("keepme")));
        QCOMPARE(keep->exec(QStringLiteral("SELECT x FROM marker")).toInt(0, 0), 42);
        keep.reset();

        sandbox::Sandbox(options).stop();
        QVERIFY(!sandbox::Sandbox(options).status().running);
    }

    // A test killed outright (a crash, ctest's timeout) runs no destructor: the server it
    // started, and what else it started, end with it all the same (support/reaper.cpp), and
    // its temporary sandbox goes.
    void aKilledTestLeavesNoServer()
    {
        const QString probe = qEnvironmentVariable("STATESCOPE_REAPER_PROBE");
        QVERIFY2(!probe.isEmpty(), "STATESCOPE_REAPER_PROBE is not set (tests/CMakeLists.txt)");
        QTemporaryDir parent(QStringLiteral("/tmp/ssct-reap-XXXXXX"));
        QVERIFY(parent.isValid());
        QVERIFY(QFile::setPermissions(parent.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                         | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther));
        const QString dir = parent.path() + QStringLiteral("/box");
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(probe, {dir});
        QVERIFY(p.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine() || p.state() != QProcess::Running, 120000);
        const QList<QByteArray> line = p.readLine().trimmed().split(' ');
        QCOMPARE(line.size(), 3);
        QCOMPARE(line.at(0), QByteArray("started"));
        const pid_t postmaster = pid_t(line.at(1).toLongLong());
        const pid_t helper = pid_t(line.at(2).toLongLong());
        QVERIFY(postmaster > 0 && helper > 0);
        // Running: in the process table and not a zombie waiting for its parent to reap it.
        const auto alive = [](pid_t pid) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray text = stat.readAll();
            const qsizetype at = text.lastIndexOf(')');
            return at > 0 && at + 2 < text.size() && text.at(at + 2) != 'Z' && text.at(at + 2) != 'X';
        };
        QVERIFY(alive(postmaster));
        QVERIFY(alive(helper));

        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QTRY_VERIFY_WITH_TIMEOUT(!alive(postmaster), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!alive(helper), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(dir), 60000);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
