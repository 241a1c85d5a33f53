#pragma once

#include "core/pg/connectionsettings.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace statescope::test {

// A real PgBouncer (Debian's /usr/sbin/pgbouncer) in front of the test server, in
// transaction mode with its default settings otherwise: no ignore_startup_parameters, so a
// client that puts "options" in its startup packet is refused as it would be in production.
// Started by the test that needs it, stopped when this object goes. As root it runs as the
// sandbox's server user (PgBouncer refuses root).
class PgBouncer
{
public:
    // poolSize 1 makes every client share one server connection: session state leaking
    // from one client to the next would show.
    // listen: the address it listens on (and is reached at); port 0: a free one.
    explicit PgBouncer(const pg::ConnectionSettings &upstream, int poolSize = 1,
                       const QString &listen = QStringLiteral("127.0.0.1"), int port = 0);
    ~PgBouncer();

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running && m_ready; }
    QString problem() const { return m_problem; }
    // Through PgBouncer to `database` (TCP), as the upstream's user.
    pg::ConnectionSettings settings(const QString &database) const;
    int port() const { return m_port; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_user;
    QString m_listen;
    int m_port = 0;
    bool m_ready = false;
    QString m_problem;
};

} // namespace statescope::test
