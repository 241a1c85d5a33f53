#pragma once

// A real pg_auto_failover formation for a test (tests/support/formation.sh): a monitor and two
// nodes with their keepers (node1 on 127.0.0.1, node2 on 127.0.0.2), started by up() and
// stopped by down() or the destructor. In the suite's PgBouncer pass (STATESCOPE_TEST_VIA=
// pgbouncer) each node also gets a PgBouncer of its own on its address, at one port for both,
// and target() reaches the nodes through them (pooler_port=).
#include "core/pg/connectionsettings.h"
#include "core/pg/formation.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace statescope::test {

class PgBouncer;

class TestFormation
{
public:
    TestFormation();
    ~TestFormation();
    TestFormation(const TestFormation &) = delete;
    TestFormation &operator=(const TestFormation &) = delete;

    bool up();   // false, with warnings, when it did not start
    void down();
    bool kill(const QString &node);    // kill -9 of a node's keeper and postgres (node1, node2)
    bool restart(const QString &node); // its keeper again
    // The monitor's perform_failover(). The monitor's own locks can deadlock with a keeper's
    // report (40P01, the monitor's internal race): that is asked again, anything else thrown.
    void failover() const;

    QString monitor() const { return m_monitor; } // the monitor's URI
    bool viaPoolers() const { return m_poolerPort != 0; }
    int poolerPort() const { return m_poolerPort; }
    const QList<int> &ports() const { return m_ports; }
    QString nodeOnPort(int port) const { return QStringLiteral("node%1").arg(m_ports.indexOf(port) + 1); }
    // The formation as a connection string's target (as the nodes' superuser; through the
    // nodes' PgBouncers in the PgBouncer pass).
    pg::ConnectionSettings target(const QString &dbname = QStringLiteral("postgres"), const QString &more = {}) const;
    pg::FormationState state() const;
    int primaryPort() const; // 0: none now
    // Until the formation rests again, with the primary on `port` (0: any), within ms.
    bool settlesWith(int port, int ms) const;

private:
    bool run(const QStringList &args, QString *out = nullptr) const;
    bool startPoolers();

    // Made by up(): a test binary asked only for its functions (-functions, as test_slots
    // does) exits without destroying its test object, and left an empty directory behind.
    std::unique_ptr<QTemporaryDir> m_base;
    QString m_monitor;
    QString m_superuser;
    QList<int> m_ports;
    bool m_up = false;
    std::vector<std::unique_ptr<PgBouncer>> m_poolers;
    int m_poolerPort = 0; // 0: the nodes directly
};

} // namespace statescope::test
