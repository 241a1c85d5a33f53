#include "support/testformation.h"

#include "core/error.h"
#include "support/pgbouncer.h"
#include "support/testhelpers.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDebug>
#include <QProcess>
#include <QThread>

namespace statescope::test {

TestFormation::TestFormation() = default;

TestFormation::~TestFormation()
{
    down();
}

bool TestFormation::run(const QStringList &args, QString *out) const
{
    if (!m_base)
        return false;
    QProcess p;
    p.start(QStringLiteral(STATESCOPE_TEST_SOURCE_DIR "/support/formation.sh"), QStringList{args.first(), m_base->path()} + args.mid(1));
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        qWarning() << "formation.sh" << args << "did not finish";
        return false;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (p.exitCode() != 0)
        qWarning().noquote() << "formation.sh" << args << p.readAllStandardError();
    return p.exitCode() == 0;
}

bool TestFormation::up()
{
    m_base = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/statescope-formation-XXXXXX"));
    if (!m_base->isValid())
        return false;
    const int monitorPort = freePort();
    int a = freePort();
    while (a == monitorPort)
        a = freePort();
    int b = freePort();
    while (b == a || b == monitorPort)
        b = freePort();
    m_ports = {a, b};
    m_up = true;
    QString out;
    if (!run({QStringLiteral("up"), QString::number(monitorPort), QString::number(a), QString::number(b),
              QString::number(QCoreApplication::applicationPid())},
             &out))
        return false;
    // The monitor's URI, then the nodes' superuser: postgres when the suite runs as root (the
    // script runs the formation as postgres), else whoever runs the suite.
    const QStringList lines = out.split(QLatin1Char('\n'));
    if (lines.size() != 2 || !lines[0].startsWith(QLatin1String("postgres://")) || lines[1].isEmpty()) {
        qWarning().noquote() << "formation.sh up printed" << out;
        return false;
    }
    m_monitor = lines[0];
    m_superuser = lines[1];
    return qEnvironmentVariable("STATESCOPE_TEST_VIA") != QLatin1String("pgbouncer") || startPoolers();
}

bool TestFormation::startPoolers()
{
    const int port = freePort(); // free on 127.0.0.1; 127.0.0.2 is no busier
    for (const pg::FormationNode &n : state().nodes) {
        pg::ConnectionSettings node;
        node.setValue(QStringLiteral("host"), n.host);
        node.setValue(QStringLiteral("port"), QString::number(n.port));
        node.setValue(QStringLiteral("user"), m_superuser);
        node.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
        m_poolers.push_back(std::make_unique<PgBouncer>(node, 20, n.host, port));
        if (!m_poolers.back()->isRunning()) {
            qWarning().noquote() << "PgBouncer for" << n.name << m_poolers.back()->problem();
            return false;
        }
    }
    m_poolerPort = port;
    return true;
}

void TestFormation::down()
{
    m_poolers.clear();
    if (m_up)
        run({QStringLiteral("down")});
    m_up = false;
}

void TestFormation::failover() const
{
    for (int attempt = 1;; ++attempt) {
        try {
            pg::Connection::open(pg::formation::monitorOf(target()), pg::Connection::Access::ReadWrite)
                ->exec(QStringLiteral("SELECT pgautofailover.perform_failover('default', 0)"));
            return;
        } catch (const Error &e) {
            if (e.sqlstate() != QLatin1String("40P01") || attempt == 5)
                throw;
            qWarning("perform_failover deadlocked in the monitor (attempt %d), asked again", attempt);
            QThread::msleep(200);
        }
    }
}

bool TestFormation::kill(const QString &node)
{
    return run({QStringLiteral("kill"), node});
}

bool TestFormation::restart(const QString &node)
{
    return run({QStringLiteral("restart"), node});
}

pg::ConnectionSettings TestFormation::target(const QString &dbname, const QString &more) const
{
    return pg::ConnectionSettings::parse(
        QStringLiteral("monitor='%1' formation=default user='%2' dbname=%3 %4 %5")
            .arg(m_monitor, m_superuser, dbname,
                 m_poolerPort ? QStringLiteral("pooler_port=%1").arg(m_poolerPort) : QString(), more));
}

pg::FormationState TestFormation::state() const
{
    return pg::formation::read(target());
}

int TestFormation::primaryPort() const
{
    const pg::FormationState st = state();
    return st.primary() ? st.primary()->port : 0;
}

bool TestFormation::settlesWith(int port, int ms) const
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        try {
            const pg::FormationState st = state();
            if (st.transition().isEmpty() && st.primary() && (!port || st.primary()->port == port))
                return true;
        } catch (const Error &) {
            // the monitor is always up here; its answer may fail while a node restarts
        }
        QThread::msleep(250);
    }
    return false;
}

} // namespace statescope::test
