#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace statescope {
class CancelToken;
}
namespace statescope::pg {
class Connection;
}

namespace statescope::weekly {

// Keeps writers out of one database while it is dumped and then dropped, so the dump holds
// every row that was ever committed to it.
//
// Raising the fence: CONNECTION LIMIT 0 (when we are a superuser; it stops every
// non-superuser, and would stop our own pg_dump otherwise), else REVOKE CONNECT FROM PUBLIC
// (when PUBLIC had it; never beside the limit, which already stops those roles, so that a
// database's default privileges stay NULL rather than an explicit list), then every other session is terminated and waited for, and the
// database's counters are read (pg_stat_database, PostgreSQL 14+). A superuser, or a role
// granted CONNECT by name, can still get in while the dump runs. So once our own sessions
// are done, seal() shuts the door on everybody (ALLOW_CONNECTIONS false), terminates
// whoever is inside and waits until they are gone. A backend reports its statistics before
// it leaves pg_stat_activity, so the counters are then final: isQuiet() tells whether any
// session other than ours connected and wrote rows since the fence went up. Until keep()
// is called, the destructor lowers the fence again (old limit, grant and ALLOW_CONNECTIONS
// restored), so a failed, refused or cancelled action changes nothing.
//
// A superuser passes CONNECTION LIMIT 0, so a game backend that connects as one would keep
// writing during the dump and make the check refuse every time. With holdWriters(), one
// session of ours takes SHARE locks on every table before the dump takes its snapshot:
// writers, superusers included, then wait instead of slipping past (pg_dump's ACCESS SHARE
// locks are compatible), and are terminated when the door is sealed. The locks are held
// until then; the counters stay as the proof (a table made meanwhile is not locked).
class WriterFence
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::WriterFence)
public:
    // Reads the database's connection limit, ALLOW_CONNECTIONS and PUBLIC's CONNECT;
    // changes nothing yet. `maintenance` is connected to another database of the same
    // server and outlives this.
    WriterFence(pg::Connection &maintenance, QString database);
    // Writers are to be held by table locks taken through `database` (settings of the same
    // server for that database); call before raise(). `token` cancels the wait for them.
    void holdWriters(const pg::ConnectionSettings &database, CancelToken *token);
    // Puts the fence up and clear()s the database of other sessions.
    void raise();
    ~WriterFence();
    WriterFence(const WriterFence &) = delete;
    WriterFence &operator=(const WriterFence &) = delete;

    // Sessions terminated so far.
    int terminated() const { return m_terminated; }
    // Whether the tables are locked now, and why they could not be (empty: they could).
    bool holdsLocks() const { return m_lockSession != nullptr; }
    const QString &lockProblem() const { return m_lockProblem; }
    // Opens the door sealed by seal() again, takes the table locks (holdWriters), terminates
    // the sessions that are connected now and waits (up to 10 s) until they are gone; then
    // takes the counters as the new baseline, again until nobody got in meanwhile (Conflict
    // after 10 s; with the locks held, whoever got in since cannot have written).
    void clear();
    // Nobody may connect any more (not even a superuser, nor we): ALLOW_CONNECTIONS false,
    // every session inside terminated and waited for.
    void seal();
    // After seal(): true when, since the last clear(), no client session connected except
    // `ownSessions` of ours (the dump), or those that did wrote no row (readers such as
    // another user's database listing). Before PostgreSQL 14 (no session counters): true.
    bool isQuiet(int ownSessions);
    // Puts back what the fence changed (the old limit, grant and ALLOW_CONNECTIONS), even
    // when the connection's cancel token has fired; false when the server could not be
    // told (what is left is in the journalled state()). The destructor does it unless
    // keep() was called.
    bool lowerNow();
    // The database is being dropped: leave the fence as it is.
    void keep() { m_keep = true; }
    bool isKept() const { return m_keep; }
    // What the fence found and will change, for the intent journal (so what a killed run
    // left behind can be put back by hand).
    nlohmann::json state() const;

    // Puts back what a fence raised by a run that was killed left in place, from the state()
    // its intent journalled: the connection limit, PUBLIC's CONNECT and ALLOW_CONNECTIONS.
    // Idempotent.
    static void lowerLeftover(pg::Connection &maintenance, const QString &database,
                              const nlohmann::json &state);

private:
    struct Counters
    {
        qint64 sessions = -1; // -1 when the server has no such counters (before 14)
        qint64 writes = -1;   // rows inserted, updated and deleted; -1 when not counted
        QString reset;        // when the database's statistics were last reset
    };
    int otherClientSessions() const;
    int startingBackends() const;
    Counters counters() const;
    // Terminates every other session on the database (ours kept) and waits until those are
    // gone; with `untilEmpty`, until nobody else is there at all.
    void terminateAndWait(bool untilEmpty);
    QString ownPids() const;
    void lockTables();
    void releaseLocks();

    pg::Connection &m_conn;
    QString m_database;
    int m_oldLimit = -1;
    bool m_publicConnect = false;
    bool m_allowConnections = true;
    bool m_superuser = false;
    bool m_limitSet = false;
    bool m_publicConnectRevoked = false;
    bool m_sealed = false;
    bool m_keep = false;
    int m_terminated = 0;
    Counters m_baseline;
    std::optional<pg::ConnectionSettings> m_lockDatabase;
    CancelToken *m_lockToken = nullptr;
    std::unique_ptr<pg::Connection> m_lockSession;
    int m_lockPid = 0; // its backend's pid, as the server knows it
    QString m_lockProblem;
};

} // namespace statescope::weekly
