#include "testserver.h"

#include "core/sandbox/sandbox.h"
#include "support/pgbouncer.h"
#include "core/weekly/serveradmin.h"

#include <QCoreApplication>
#include <QDir>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <optional>

namespace statescope::test {

namespace {

struct Harness
{
    sandbox::Info info;
    std::unique_ptr<PgBouncer> bouncer;
    std::optional<pg::ConnectionSettings> via;
    std::unique_ptr<QTemporaryDir> ownDir;
    bool own = false;
};

Harness &harness()
{
    static Harness h;
    static std::once_flag once;
    std::call_once(once, [] {
        sandbox::Options options;
        options.durable = false;
        options.listenTcp = true;
        options.dir = qEnvironmentVariable("STATESCOPE_TEST_SANDBOX");
        if (options.dir.isEmpty()) {
            // /tmp rather than the build tree: the server may run as another user.
            h.ownDir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/ssct-XXXXXX"));
            options.dir = h.ownDir->path();
            h.own = true;
        }
        if (qEnvironmentVariableIsEmpty("STATESCOPE_HOME")) {
            static QTemporaryDir home;
            qputenv("STATESCOPE_HOME", home.path().toLocal8Bit());
        }
        if (h.own) {
            h.info = sandbox::Sandbox(options).start();
        } else {
            // A sandbox named by STATESCOPE_TEST_SANDBOX outlives the test that started it, for
            // the next ones: its server does not carry the test's mark (support/reaper.cpp).
            const QByteArray mark = qgetenv("STATESCOPE_TEST_OWNER");
            qunsetenv("STATESCOPE_TEST_OWNER");
            auto restore = qScopeGuard([&] {
                if (!mark.isEmpty())
                    qputenv("STATESCOPE_TEST_OWNER", mark);
            });
            h.info = sandbox::Sandbox(options).start();
        }
        if (qEnvironmentVariable("STATESCOPE_TEST_VIA") == QLatin1String("pgbouncer")) {
            // Pool big enough for the tests that hold several transactions at once.
            h.bouncer = std::make_unique<PgBouncer>(h.info.settings, 20);
            if (!h.bouncer->isRunning())
                qFatal("STATESCOPE_TEST_VIA=pgbouncer: %s", qPrintable(h.bouncer->problem()));
            h.via = h.bouncer->settings(h.info.settings.database());
        }
        if (h.own)
            std::atexit([] {
                sandbox::Options o;
                o.dir = harness().info.dir;
                sandbox::Sandbox(o).stop();
            });
    });
    return h;
}

} // namespace

pg::ConnectionSettings serverSettings()
{
    const Harness &h = harness();
    return h.via ? *h.via : h.info.settings;
}

pg::ConnectionSettings directServerSettings()
{
    return harness().info.settings;
}

bool viaPgBouncer()
{
    return harness().via.has_value();
}

QString sandboxDir()
{
    return harness().info.dir;
}

QString uniqueName(const QString &hint)
{
    static std::atomic_int counter{0};
    return QStringLiteral("t_%1_%2_%3")
        .arg(hint.toLower().left(30))
        .arg(QCoreApplication::applicationPid())
        .arg(++counter);
}

pg::ConnectionSettings emptyDatabase(const QString &hint)
{
    const QString name = uniqueName(hint);
    auto conn = connect(serverSettings());
    // FILE_COPY: the server's default (WAL_LOG) writes template0 to the WAL block by block; a
    // file copy and its checkpoints, cheap without fsync, are quicker (tst_schema_corpus makes
    // two databases a run: 6.2 s against 5.5 s for three of its pairs).
    conn->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' STRATEGY FILE_COPY")
                   .arg(conn->quoteIdentifier(name)));
    return serverSettings().withDatabase(name);
}

pg::ConnectionSettings freshDatabase(const QString &hint)
{
    const QString name = uniqueName(hint);
    weekly::ServerAdmin(serverSettings()).create(name);
    return serverSettings().withDatabase(name);
}

void dropDatabase(const QString &name)
{
    auto conn = connect(serverSettings());
    conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                   .arg(conn->quoteIdentifier(name)));
}

std::unique_ptr<pg::Connection> connect(const pg::ConnectionSettings &settings)
{
    return pg::Connection::open(settings);
}

} // namespace statescope::test
