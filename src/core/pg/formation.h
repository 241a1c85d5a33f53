#pragma once

// A pg_auto_failover formation as one server. A connection string may name the formation's
// monitor and the formation instead of hosts:
//
//   monitor='postgres://autoctl_node@mon:5000/pg_auto_failover' formation=default dbname=game_w01
//
// Before each connection the monitor is asked for the formation's nodes (at most once every
// few seconds, and again after a connection fails), and the nodes become the connection's
// host list, the primary first: a write goes to whichever node is the primary
// (target_session_attrs=read-write), browsing too unless the string asks otherwise
// (target_session_attrs=prefer-standby). A failover needs no edit of anything.
//
// pooler_port=6432 reaches each node through the PgBouncer on its host at that port instead of
// the node's own port (the monitor knows only the nodes'): each PgBouncer points at its own
// node, and libpq's check of which node takes writes is asked through it.
#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace statescope::pg {

class Connection;

// One node as the monitor reports it (pgautofailover.current_state).
struct FormationNode
{
    qint64 id = 0;
    QString name, host;
    int port = 0;
    int group = 0;
    QString reportedState, assignedState; // pg_auto_failover's replication states
    int candidatePriority = 0;
    bool replicationQuorum = false;
    QString reportedLsn;
    int health = -1; // 1 healthy, 0 unhealthy, -1 not checked yet

    bool isPrimary() const; // reported as taking writes, and not assigned otherwise since
    bool settled() const { return reportedState == assignedState; }
};

struct FormationEvent
{
    QDateTime at;
    qint64 nodeId = 0;
    QString nodeName, reportedState, goalState, description;
};

struct FormationState
{
    Q_DECLARE_TR_FUNCTIONS(statescope::pg::FormationState)
public:
    QString formation, kind, dbname, monitor; // monitor: for people (no password)
    QList<FormationNode> nodes;
    QList<FormationEvent> events; // the monitor's most recent, oldest first

    const FormationNode *primary() const;
    // A failover (or switchover, or a node joining) in progress: some node's reported state
    // is not the one the monitor assigned it. Empty when settled; else what is happening.
    QString transition() const;
};

namespace formation {

// Whether settings name a formation (monitor=..., formation=...).
bool named(const ConnectionSettings &settings);

// The monitor's connection settings. Throws InvalidInput for a malformed monitor string.
ConnectionSettings monitorOf(const ConnectionSettings &settings);

// The formation's state, read on the monitor. Throws Error (Connection, naming the monitor)
// when the monitor cannot be reached, NotFound when it holds no such formation.
FormationState read(const ConnectionSettings &settings, int events = 20);
FormationState read(Connection &monitor, const QString &formation, int events = 20);

// settings with the formation's nodes as its hosts, the primary first, and the formation's
// database when settings name none; settings unchanged when they name no formation. `fresh`
// asks the monitor again instead of using what it said in the last few seconds.
ConnectionSettings resolve(const ConnectionSettings &settings, bool fresh = false);

} // namespace formation

} // namespace statescope::pg
