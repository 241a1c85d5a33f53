#include "sandbox.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace statescope::sandbox {

namespace {

constexpr int kMaxSocketPath = 100; // sun_path is 108 bytes, keep a margin

bool isRoot()
{
    return geteuid() == 0;
}

int freePort()
{
    // Bound to port 0 on 127.0.0.1, the kernel's choice read back (what QTcpServer did, without
    // QtNetwork in the command line).
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
                    && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        throw Error(Error::Kind::Environment, Sandbox::tr("No free TCP port on 127.0.0.1."));
    return ntohs(address.sin_port);
}

bool userExists(const QString &name)
{
    return getpwnam(name.toLocal8Bit().constData()) != nullptr;
}

} // namespace

Sandbox::Sandbox(Options options) : m_options(std::move(options))
{
    if (m_options.dir.isEmpty())
        m_options.dir = defaultDir();
    m_options.dir = QDir(m_options.dir).absolutePath();
}

QString Sandbox::defaultDir()
{
    const QString fromEnv = qEnvironmentVariable("STATESCOPE_SANDBOX_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // Root's home is closed to the unprivileged user the server runs as.
    if (isRoot())
        return QStringLiteral("/var/lib/statescope/sandbox");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/statescope/sandbox");
}

QString Sandbox::runUser() const
{
    if (!isRoot())
        return {};
    const QString fromEnv = qEnvironmentVariable("STATESCOPE_SANDBOX_USER");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return userExists(QStringLiteral("postgres")) ? QStringLiteral("postgres")
                                                  : QStringLiteral("statescope");
}

QString Sandbox::ensureRunUser() const
{
    const QString user = runUser();
    if (user.isEmpty() || userExists(user))
        return user;
    QProcess p;
    p.start(QStringLiteral("useradd"),
            {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
             QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"), user});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        throw Error(Error::Kind::Environment,
                    tr("PostgreSQL will not run as root, and the system user \"%1\" could not "
                       "be created.")
                        .arg(user),
                    QString::fromLocal8Bit(p.readAllStandardError()).trimmed(),
                    tr("Create an unprivileged user and set STATESCOPE_SANDBOX_USER to it."));
    return user;
}

QString Sandbox::run(const QString &program, const QStringList &args, int timeoutMs) const
{
    QString exe = m_binDir + QLatin1Char('/') + program;
    QStringList argv = args;
    const QString user = runUser();
    if (!user.isEmpty()) {
        argv.prepend(exe);
        argv = QStringList{QStringLiteral("-u"), user, QStringLiteral("--")} + argv;
        exe = QStringLiteral("runuser");
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_options.dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(exe, argv);
    if (!p.waitForStarted(10000))
        throw Error(Error::Kind::Environment, tr("Could not run %1: %2").arg(exe, p.errorString()));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        throw Error(Error::Kind::Environment, tr("%1 did not finish in time.").arg(program));
    }
    const QString output = QString::fromLocal8Bit(p.readAll()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        throw Error(Error::Kind::Environment, tr("%1 failed.").arg(program), output);
    return output;
}

Info Sandbox::describe() const
{
    Info info;
    info.dir = m_options.dir;
    info.dataDir = m_options.dir + QStringLiteral("/data");
    info.socketDir = m_options.dir;
    info.runAsUser = runUser();
    QFile pid(info.dataDir + QStringLiteral("/postmaster.pid"));
    if (pid.open(QIODevice::ReadOnly)) {
        // Line 4 is the port, line 5 the socket directory, line 6 the listen address.
        const QList<QByteArray> lines = pid.readAll().split('\n');
        if (lines.size() > 3)
            info.port = lines[3].trimmed().toInt();
        if (lines.size() > 5)
            info.tcp = !lines[5].trimmed().isEmpty();
        const pid_t pidNumber = pid_t(lines.value(0).trimmed().toLongLong());
        info.running = pidNumber > 0 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pidNumber));
    }
    info.settings.setValue(QStringLiteral("host"), info.socketDir);
    if (info.port)
        info.settings.setValue(QStringLiteral("port"), QString::number(info.port));
    info.settings.setValue(QStringLiteral("user"), QString::fromLatin1(kSuperuser));
    info.settings.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
    return info;
}

Info Sandbox::status() const
{
    return describe();
}

void Sandbox::initCluster(const Info &info) const
{
    run(QStringLiteral("initdb"),
        {QStringLiteral("-D"), info.dataDir, QStringLiteral("-U"), QString::fromLatin1(kSuperuser),
         QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
         QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C.UTF-8"),
         QStringLiteral("--no-instructions")},
        180000);
    QFile conf(info.dataDir + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append | QIODevice::Text))
        throw Error(Error::Kind::Environment, tr("Cannot write %1").arg(conf.fileName()));
    conf.write("\n# Written by Statescope: settings for this private cluster.\n"
               "include_if_exists 'statescope.conf'\n");
}

void Sandbox::cloneCluster(const Info &info) const
{
    const pg::ConnectionSettings &primary = *m_options.standbyOf;
    // -R writes standby.signal and primary_conninfo; the primary's postgresql.conf comes
    // along with its "include_if_exists 'statescope.conf'", which writeConfig() rewrites.
    // A permanent replication slot, made before the copy starts, keeps the primary's WAL
    // until the standby has it: on a busy primary the WAL the copy starts from could
    // otherwise be recycled before the stream attaches ("requested WAL segment ... has
    // already been removed"). Whoever removes the standby drops the slot (see
    // standbySlotName()); a copy that still fails that way is retried.
    for (int attempt = 1;; ++attempt) {
        try {
            run(QStringLiteral("pg_basebackup"),
                {QStringLiteral("-D"), info.dataDir, QStringLiteral("-h"),
                 primary.value(QStringLiteral("host")), QStringLiteral("-p"),
                 primary.value(QStringLiteral("port")), QStringLiteral("-U"),
                 primary.value(QStringLiteral("user")), QStringLiteral("-X"), QStringLiteral("stream"),
                 QStringLiteral("-R"), QStringLiteral("--no-password"), QStringLiteral("-c"),
                 QStringLiteral("fast"), QStringLiteral("-C"), QStringLiteral("-S"),
                 standbySlotName(info.dataDir) + QString::number(attempt)},
                300000);
            return;
        } catch (const Error &e) {
            if (attempt >= 3 || !e.detail().contains(QLatin1String("has already been removed")))
                throw;
            QDir(info.dataDir).removeRecursively();
        }
    }
}

QString standbySlotName(const QString &dataDir)
{
    return QStringLiteral("statescope_standby_%1_")
        .arg(QString::fromLatin1(QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Md5)
                                     .toHex()
                                     .left(12)));
}

void Sandbox::writeConfig(const Info &info, int port) const
{
    QFile conf(info.dataDir + QStringLiteral("/statescope.conf"));
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        throw Error(Error::Kind::Environment, tr("Cannot write %1").arg(conf.fileName()));
    QString text;
    text += QStringLiteral("port = %1\n").arg(port);
    text += QStringLiteral("unix_socket_directories = '%1'\n").arg(info.socketDir);
    text += QStringLiteral("unix_socket_permissions = 0700\n");
    text += QStringLiteral("listen_addresses = '%1'\n")
                .arg(m_options.listenTcp ? QStringLiteral("127.0.0.1") : QString());
    text += QStringLiteral("max_connections = 100\nshared_buffers = 128MB\n");
    if (!m_options.durable)
        text += QStringLiteral("fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n");
    // Statement statistics for the Activity pane, when the server's package ships them
    // (Debian's does): loaded at start, CREATE EXTENSION makes them readable.
    if (QFileInfo::exists(QDir(m_binDir).filePath(QStringLiteral("../lib/pg_stat_statements.so"))))
        text += QStringLiteral("shared_preload_libraries = 'pg_stat_statements'\n");
    for (const QString &setting : m_options.extraSettings)
        text += setting + QLatin1Char('\n');
    conf.write(text.toUtf8());
    conf.close();
    const QString user = runUser();
    if (!user.isEmpty()) {
        const passwd *pw = getpwnam(user.toLocal8Bit().constData());
        if (pw && chown(QFile::encodeName(conf.fileName()).constData(), pw->pw_uid, pw->pw_gid) != 0)
            throw Error(Error::Kind::Environment, tr("Cannot hand %1 to %2").arg(conf.fileName(), user));
    }
}

Info Sandbox::start()
{
    m_binDir = pg::serverBinDir();
    if (m_binDir.isEmpty())
        throw Error(Error::Kind::Environment,
                    tr("No PostgreSQL server binaries (initdb, pg_ctl) were found on this machine."),
                    tr("Looked in $STATESCOPE_PG_BINDIR, pg_config --bindir, "
                       "/usr/lib/postgresql/*/bin and PATH."),
                    tr("Install them (Debian: apt-get install postgresql) or connect to an "
                       "existing server instead."));

    const QString user = ensureRunUser();
    if (!QDir().mkpath(m_options.dir))
        throw Error(Error::Kind::Environment, tr("Cannot create %1").arg(m_options.dir));
    const QByteArray dirPath = QFile::encodeName(m_options.dir);
    chmod(dirPath.constData(), 0700);
    if (!user.isEmpty()) {
        const passwd *pw = getpwnam(user.toLocal8Bit().constData());
        if (!pw || chown(dirPath.constData(), pw->pw_uid, pw->pw_gid) != 0)
            throw Error(Error::Kind::Environment,
                        tr("Cannot hand %1 to the user %2.").arg(m_options.dir, user));
        // Every parent must be passable for that user, or the server cannot reach its data.
        QProcess probe;
        probe.start(QStringLiteral("runuser"),
                    {QStringLiteral("-u"), user, QStringLiteral("--"), QStringLiteral("test"),
                     QStringLiteral("-w"), m_options.dir});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            throw Error(Error::Kind::Environment,
                        tr("The sandbox directory %1 is not reachable by the user %2.")
                            .arg(m_options.dir, user),
                        {},
                        tr("Choose a directory outside closed home directories, e.g. under "
                           "/var/lib or /tmp."));
    }

    Info info = describe();
    if (info.running) {
        info.reused = true;
        ensureReaderLogin(info);
        return info;
    }
    if (!QFileInfo::exists(info.dataDir + QStringLiteral("/PG_VERSION"))) {
        if (m_options.standbyOf)
            cloneCluster(info);
        else
            initCluster(info);
    }

    const int port = m_options.port > 0 ? m_options.port : freePort();
    const QString socketPath = QStringLiteral("%1/.s.PGSQL.%2").arg(info.socketDir).arg(port);
    if (QFile::encodeName(socketPath).size() > kMaxSocketPath)
        throw Error(Error::Kind::InvalidInput,
                    tr("The sandbox directory path is too long for a Unix socket: %1")
                        .arg(info.socketDir),
                    {}, tr("Use a shorter directory (at most about 80 characters)."));
    writeConfig(info, port);
    QFile::remove(info.dataDir + QStringLiteral("/postmaster.pid")); // stale, not running
    run(QStringLiteral("pg_ctl"),
        {QStringLiteral("start"), QStringLiteral("-D"), info.dataDir, QStringLiteral("-l"),
         m_options.dir + QStringLiteral("/server.log"), QStringLiteral("-w"),
         QStringLiteral("-t"), QStringLiteral("120")},
        150000);
    info = describe();
    if (!info.running)
        throw Error(Error::Kind::Environment, tr("The sandbox server did not start."),
                    tr("See %1/server.log").arg(m_options.dir));
    ensureReaderLogin(info);
    return info;
}

void Sandbox::ensureReaderLogin(const Info &info) const
{
    // The sandbox's own superuser reads through its reader login from the start (local
    // connections trust it; no password is made or kept). A standby has its primary's.
    if (m_options.standbyOf)
        return;
    auto conn = pg::Connection::open(info.settings);
    const auto status = pg::readerLoginStatus(*conn);
    if (!status.usable)
        pg::createReaderLogin(*conn, {});
    else // one made before the Activity pane read bloat (pgstattuple) gets what it needs
        conn->exec(QStringLiteral("GRANT pg_stat_scan_tables TO %1").arg(conn->quoteIdentifier(status.role)));
    // The Activity pane's Statements tab reads pg_stat_statements in the server's maintenance
    // database: made readable there when the server loads it. Never in template1: every
    // week created from it would carry an extension its family does not have.
    if (conn->exec(QStringLiteral("SELECT count(*) FROM pg_settings WHERE name = 'pg_stat_statements.max'")).toLongLong(0, 0) > 0)
        conn->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
}

void Sandbox::promote()
{
    m_binDir = pg::serverBinDir();
    const Info info = describe();
    if (!info.running)
        throw Error(Error::Kind::Environment, tr("The sandbox in %1 is not running.").arg(m_options.dir));
    run(QStringLiteral("pg_ctl"),
        {QStringLiteral("promote"), QStringLiteral("-D"), info.dataDir, QStringLiteral("-w"),
         QStringLiteral("-t"), QStringLiteral("60")},
        90000);
}

void Sandbox::stop(StopMode mode)
{
    m_binDir = pg::serverBinDir();
    const Info info = describe();
    if (!info.running || m_binDir.isEmpty())
        return;
    run(QStringLiteral("pg_ctl"),
        {QStringLiteral("stop"), QStringLiteral("-D"), info.dataDir, QStringLiteral("-m"),
         mode == StopMode::Immediate ? QStringLiteral("immediate") : QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60")},
        90000);
}

} // namespace statescope::sandbox
