#include "pgbouncer.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace statescope::test {

PgBouncer::PgBouncer(const pg::ConnectionSettings &upstream, int poolSize, const QString &listen, int port)
    : m_listen(listen)
{
    const QString program = QStringLiteral("/usr/sbin/pgbouncer");
    if (!QFileInfo(program).isExecutable()) {
        m_problem = QStringLiteral("%1 is not installed (Debian: pgbouncer)").arg(program);
        return;
    }
    m_user = upstream.value(QStringLiteral("user"));
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/sspgb-XXXXXX"));
    m_port = port > 0 ? port : freePort();
    const QString dir = m_dir->path();
    QString runAs;
    if (geteuid() == 0) {
        runAs = qEnvironmentVariable("STATESCOPE_SANDBOX_USER", QStringLiteral("postgres"));
        if (const passwd *pw = getpwnam(runAs.toLocal8Bit().constData()))
            if (chown(QFile::encodeName(dir).constData(), pw->pw_uid, pw->pw_gid) != 0)
                m_problem = QStringLiteral("cannot hand %1 to %2").arg(dir, runAs);
    }
    QFile users(dir + QStringLiteral("/users.txt"));
    users.open(QIODevice::WriteOnly);
    users.write(QStringLiteral("\"%1\" \"\"\n").arg(m_user).toUtf8());
    users.close();
    QFile ini(dir + QStringLiteral("/pgbouncer.ini"));
    ini.open(QIODevice::WriteOnly);
    ini.write(QStringLiteral("[databases]\n"
                             "* = host=%1 port=%2\n"
                             "[pgbouncer]\n"
                             "listen_addr = %7\n"
                             "listen_port = %3\n"
                             "unix_socket_dir =\n"
                             "auth_type = trust\n"
                             "auth_file = %4/users.txt\n"
                             // Roles a test creates are looked up on the server.
                             "auth_user = %6\n"
                             // Its admin console (dbname=pgbouncer) for the Activity tests.
                             "admin_users = %6\n"
                             "pool_mode = transaction\n"
                             "default_pool_size = %5\n"
                             "max_client_conn = 100\n"
                             "logfile = %4/pgbouncer.log\n"
                             "pidfile = %4/pgbouncer.pid\n")
                  .arg(upstream.value(QStringLiteral("host")), upstream.value(QStringLiteral("port")))
                  .arg(m_port)
                  .arg(dir)
                  .arg(poolSize)
                  .arg(m_user)
                  .arg(m_listen)
                  .toUtf8());
    ini.close();
    for (const QString &f : {users.fileName(), ini.fileName()})
        QFile::setPermissions(f, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                     | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // A test that crashes or is killed takes its PgBouncer with it (through runuser, which
    // passes the signal on to it).
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    if (runAs.isEmpty())
        m_process->start(program, {ini.fileName()});
    else
        m_process->start(QStringLiteral("runuser"),
                         {QStringLiteral("-u"), runAs, QStringLiteral("--"), program, ini.fileName()});
    if (!m_process->waitForStarted(10000)) {
        m_problem = QStringLiteral("pgbouncer did not start: %1").arg(m_process->errorString());
        return;
    }
    // Ready when it accepts TCP connections.
    for (int i = 0; i < 100 && m_process->state() == QProcess::Running; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(m_listen), quint16(m_port));
        if (probe.waitForConnected(100)) {
            m_ready = true;
            return;
        }
        QThread::msleep(50);
    }
    m_problem = QStringLiteral("pgbouncer is not listening: %1")
                    .arg(QString::fromLocal8Bit(m_process->readAll()));
}

PgBouncer::~PgBouncer()
{
    if (m_process && m_process->state() == QProcess::Running) {
        // SIGINT to PgBouncer itself (its pid file; runuser may stand between): safe shutdown.
        QFile pidFile(m_dir->path() + QStringLiteral("/pgbouncer.pid"));
        pid_t pid = 0;
        if (pidFile.open(QIODevice::ReadOnly))
            pid = pid_t(pidFile.readAll().trimmed().toLongLong());
        ::kill(pid > 0 ? pid : pid_t(m_process->processId()), SIGINT);
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

pg::ConnectionSettings PgBouncer::settings(const QString &database) const
{
    pg::ConnectionSettings s;
    s.setValue(QStringLiteral("host"), m_listen);
    s.setValue(QStringLiteral("port"), QString::number(m_port));
    s.setValue(QStringLiteral("user"), m_user);
    s.setValue(QStringLiteral("dbname"), database);
    return s;
}

} // namespace statescope::test
