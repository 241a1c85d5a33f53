#pragma once

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

namespace statescope::pg {
class Connection;
}

namespace statescope::weekly {

// Keeps writers out of one database while it is dumped and then dropped, so the dump holds
// every row that was ever committed to it.
//
// Raising the fence: CONNECTION LIMIT 0 (when we are a superuser; it stops every
// non-superuser, and would stop our own pg_dump otherwise), REVOKE CONNECT FROM PUBLIC
// (when PUBLIC had it), then every other session is terminated and waited for. A superuser,
// or a role granted CONNECT by name, can still get in: isQuiet() proves afterwards that no
// client session other than our own connected (pg_stat_database.sessions, PostgreSQL 14+)
// and that none is connected now. Until keep() is called, the destructor lowers the fence
// again (the old limit and grant restored), so a failed or cancelled dump changes nothing.
class WriterFence
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::WriterFence)
public:
    // Reads the database's connection limit and PUBLIC's CONNECT; changes nothing yet.
    // `maintenance` is connected to another database of the same server and outlives this.
    WriterFence(pg::Connection &maintenance, QString database);
    // Puts the fence up and clear()s the database of other sessions.
    void raise();
    ~WriterFence();
    WriterFence(const WriterFence &) = delete;
    WriterFence &operator=(const WriterFence &) = delete;

    // Sessions terminated so far.
    int terminated() const { return m_terminated; }
    // Terminates the sessions that are connected now and waits (up to 10 s) until they are
    // gone; then takes the session counter as the new baseline.
    void clear();
    // True when, since the last clear(), no client session connected to the database except
    // `ownSessions` of ours (the dump), and none is connected now.
    bool isQuiet(int ownSessions);
    // The database is being dropped: leave the fence as it is.
    void keep() { m_keep = true; }
    bool isKept() const { return m_keep; }
    // What the fence found and will change, for the intent journal (so what a killed run
    // left behind can be put back by hand).
    nlohmann::json state() const;

    // Puts back what a fence raised by a run that was killed left in place, from the state()
    // its intent journalled: the connection limit, and PUBLIC's CONNECT. Idempotent.
    static void lowerLeftover(pg::Connection &maintenance, const QString &database,
                              const nlohmann::json &state);

private:
    struct Counters
    {
        qint64 sessions = -1; // -1 when the server has no such counters (before 14)
        qint64 killed = -1;
    };
    int otherClientSessions() const;
    Counters counters() const;
    qint64 sessionCounter() const; // -1 when the server has no such counter
    void lower();

    pg::Connection &m_conn;
    QString m_database;
    int m_oldLimit = -1;
    bool m_publicConnect = false;
    bool m_superuser = false;
    bool m_limitSet = false;
    bool m_publicConnectRevoked = false;
    bool m_keep = false;
    int m_terminated = 0;
    qint64 m_baseline = -1;
};

} // namespace statescope::weekly
