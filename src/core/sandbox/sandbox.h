#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::sandbox {

struct Options
{
    QString dir;          // empty: defaultDir()
    bool listenTcp = false; // also listen on 127.0.0.1 (password auth only); tests use it
    bool durable = true;  // false: fsync off, for throw-away test clusters
    // Set: the cluster is made as a streaming standby of this server (pg_basebackup -R),
    // not with initdb. The test harness uses it for a real read-only replica.
    std::optional<pg::ConnectionSettings> standbyOf;
    // More server settings, "name = value" each (a test's max_connections, say).
    QStringList extraSettings;
    // The port to start on (0: a free one): a server restarted where its clients expect it.
    int port = 0;
};

// The prefix of the replication slot a standby made with Options::standbyOf streams from
// (the attempt number follows it). The slot lives on the primary and keeps its WAL until it
// is dropped there: pg_drop_replication_slot() once the standby is gone.
QString standbySlotName(const QString &dataDir);

struct Info
{
    QString dir;
    QString dataDir;
    QString socketDir;
    QString runAsUser;   // the system user running the server when we are root
    int port = 0;
    bool running = false;
    bool reused = false; // start() found it already running
    bool tcp = false;
    pg::ConnectionSettings settings; // superuser, maintenance database "postgres"
};

// A private PostgreSQL cluster made with the server binaries already on the machine
// (initdb + pg_ctl): the embedded default and the test fixture. It listens on a Unix
// socket in its own directory (mode 0700) and optionally on 127.0.0.1, on a free port.
// PostgreSQL refuses to run as root; when we are root the server runs as an unprivileged
// system user ("postgres" if present, else "statescope", created on demand).
class Sandbox
{
    Q_DECLARE_TR_FUNCTIONS(statescope::sandbox::Sandbox)
public:
    explicit Sandbox(Options options = {});

    static QString defaultDir();
    static constexpr auto kSuperuser = "statescope";

    // Starts the cluster (creating it first if needed) or reuses it when already running.
    Info start();
    // Stops it: cleanly (fast shutdown), or at once as a crash would (immediate: no
    // checkpoint, crash recovery at the next start; the tests' restart sweeps). No-op when
    // not running.
    enum class StopMode { Fast, Immediate };
    void stop(StopMode mode = StopMode::Fast);
    // A standby (Options::standbyOf) becomes a primary of its own (pg_ctl promote), as a
    // failover does.
    void promote();
    Info status() const;

private:
    QString runUser() const;
    QString ensureRunUser() const;
    QString run(const QString &program, const QStringList &args, int timeoutMs) const;
    void initCluster(const Info &info) const;
    void cloneCluster(const Info &info) const;
    void writeConfig(const Info &info, int port) const;
    void ensureReaderLogin(const Info &info) const;
    Info describe() const;

    Options m_options;
    QString m_binDir;
};

} // namespace statescope::sandbox
