// A pg_auto_failover formation as one server (formation.h): its nodes and events read on
// the monitor, and a connection's host list made from them.
#include "core/pg/formation.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/timestamp.h"

#include <QDeadlineTimer>

#include <algorithm>

#include <map>
#include <mutex>

namespace statescope::pg {

namespace {

const QString kMonitor = QStringLiteral("monitor");
const QString kFormation = QStringLiteral("formation");
const QString kPoolerPort = QStringLiteral("pooler_port");

// The states of a node that takes writes (pg_auto_failover's FSM: a primary alone, waiting
// for a standby, letting one join, applying settings).
bool primaryState(const QString &state)
{
    return state == QLatin1String("primary") || state == QLatin1String("wait_primary")
           || state == QLatin1String("single") || state == QLatin1String("join_primary")
           || state == QLatin1String("apply_settings");
}

// What the monitor said about a formation, kept a few seconds: every connection of a pane's
// refresh, and of a family's weeks, would otherwise ask it again.
struct Known
{
    QList<FormationNode> nodes;
    QString dbname;
    QDeadlineTimer fresh;
};

std::mutex &cacheLock()
{
    static std::mutex m;
    return m;
}

std::map<QString, Known> &cache()
{
    static std::map<QString, Known> c;
    return c;
}

constexpr int kKeepMs = 3000;

} // namespace

bool FormationNode::isPrimary() const
{
    // What it last reported, unless the monitor has since assigned it otherwise: a primary
    // killed keeps reporting "primary" while the monitor has it draining, then demoted, and
    // its standby promoted.
    if (reportedState.isEmpty())
        return primaryState(assignedState);
    return primaryState(reportedState) && (assignedState.isEmpty() || primaryState(assignedState));
}

const FormationNode *FormationState::primary() const
{
    for (const FormationNode &n : nodes)
        if (n.isPrimary())
            return &n;
    return nullptr;
}

QString FormationState::transition() const
{
    // Settled: every node where the monitor wants it, in a state a formation rests in.
    static const QStringList resting = {QStringLiteral("primary"), QStringLiteral("secondary"), QStringLiteral("single"),
                                        QStringLiteral("maintenance")};
    QStringList moving;
    for (const FormationNode &n : nodes)
        if (!n.settled())
            moving << tr("%1 %2 -> %3").arg(n.name, n.reportedState, n.assignedState);
        else if (!resting.contains(n.reportedState))
            moving << tr("%1 %2").arg(n.name, n.reportedState);
    if (moving.isEmpty())
        return {};
    const bool promoting = std::any_of(nodes.begin(), nodes.end(), [](const FormationNode &n) {
        static const QStringList promotion = {QStringLiteral("prepare_promotion"), QStringLiteral("stop_replication"),
                                              QStringLiteral("draining"), QStringLiteral("demote_timeout"),
                                              QStringLiteral("demoted")};
        // A standby promoted and not yet primary is part of it too.
        return promotion.contains(n.reportedState) || promotion.contains(n.assignedState)
               || (n.assignedState == QLatin1String("wait_primary") && n.reportedState != QLatin1String("primary")
                   && n.reportedState != QLatin1String("wait_primary"));
    });
    return (promoting ? tr("Failover in progress: %1") : tr("Formation changing: %1")).arg(moving.join(QLatin1String(", ")));
}

namespace formation {

bool named(const ConnectionSettings &settings)
{
    return !settings.value(kFormation).isEmpty();
}

ConnectionSettings monitorOf(const ConnectionSettings &settings)
{
    return ConnectionSettings::parse(settings.value(kMonitor));
}

FormationState read(Connection &monitor, const QString &name, int events)
{
    FormationState st;
    st.formation = name;
    st.monitor = monitor.address();
    Result f;
    try {
        f = monitor.exec(QStringLiteral("SELECT kind, dbname::text FROM pgautofailover.formation WHERE formationid = $1"), {name});
    } catch (const Error &e) {
        if (e.sqlstate() == QLatin1String("42P01") || e.sqlstate() == QLatin1String("3F000"))
            throw Error(Error::Kind::NotFound,
                        FormationState::tr("%1 is not a pg_auto_failover monitor (it has no pgautofailover schema).")
                            .arg(st.monitor));
        throw;
    }
    if (f.rowCount() == 0)
        throw Error(Error::Kind::NotFound,
                    FormationState::tr("The monitor %1 has no formation \"%2\".").arg(st.monitor, name));
    st.kind = f.value(0, 0);
    st.dbname = f.value(0, 1);
    const Result r = monitor.exec(
        QStringLiteral("SELECT node_id, nodename, nodehost, nodeport, group_id, current_group_state::text, "
                       "assigned_group_state::text, candidate_priority, replication_quorum, reported_lsn::text, health "
                       "FROM pgautofailover.current_state($1::text) ORDER BY group_id, node_id"),
        {name});
    for (int i = 0; i < r.rowCount(); ++i) {
        FormationNode n;
        n.id = r.toLongLong(i, 0);
        n.name = r.value(i, 1);
        n.host = r.value(i, 2);
        n.port = r.toInt(i, 3);
        n.group = r.toInt(i, 4);
        n.reportedState = r.value(i, 5);
        n.assignedState = r.value(i, 6);
        n.candidatePriority = r.toInt(i, 7);
        n.replicationQuorum = r.toBool(i, 8);
        n.reportedLsn = r.value(i, 9);
        n.health = r.isNull(i, 10) ? -1 : r.toInt(i, 10);
        st.nodes.append(n);
    }
    if (events > 0) {
        const Result e = monitor.exec(
            QStringLiteral("SELECT eventtime, nodeid, nodename, reportedstate::text, goalstate::text, description "
                           "FROM pgautofailover.last_events(formation_id => $1::text, count => $2::int) ORDER BY eventid"),
            {name, events});
        for (int i = 0; i < e.rowCount(); ++i)
        {
            const std::optional<Timestamp> at = Timestamp::parse(e.value(i, 0));
            st.events.append({at ? at->toDateTime() : QDateTime(), e.toLongLong(i, 1), e.value(i, 2), e.value(i, 3),
                              e.value(i, 4), e.value(i, 5)});
        }
    }
    return st;
}

FormationState read(const ConnectionSettings &settings, int events)
{
    if (!named(settings))
        throw Error::invalidInput(FormationState::tr("The connection string names no formation (formation=NAME "
                                                     "monitor='...')."));
    const ConnectionSettings monitorSettings = monitorOf(settings);
    std::unique_ptr<Connection> monitor = Connection::open(monitorSettings, Connection::Access::ReadOnlySelf);
    return read(*monitor, settings.value(kFormation), events);
}

ConnectionSettings resolve(const ConnectionSettings &settings, bool fresh)
{
    if (!named(settings))
        return settings;
    const QString key = monitorOf(settings).storableString() + QLatin1Char('\n') + settings.value(kFormation);
    Known known;
    bool have = false;
    if (!fresh) {
        std::lock_guard guard(cacheLock());
        const auto it = cache().find(key);
        if (it != cache().end() && !it->second.fresh.hasExpired()) {
            known = it->second;
            have = true;
        }
    }
    if (!have) {
        const FormationState st = read(settings, 0);
        known.nodes = st.nodes;
        known.dbname = st.dbname;
        known.fresh = QDeadlineTimer(kKeepMs);
        std::lock_guard guard(cacheLock());
        cache()[key] = known;
    }
    if (known.nodes.isEmpty())
        throw Error(Error::Kind::Connection,
                    FormationState::tr("The formation \"%1\" has no node yet.").arg(settings.value(kFormation)));
    // The primary first, then the others by candidate priority: a session that does not ask
    // for a standby lands on the primary, and libpq tries the next when one is down.
    QList<FormationNode> order = known.nodes;
    std::stable_sort(order.begin(), order.end(), [](const FormationNode &a, const FormationNode &b) {
        if (a.isPrimary() != b.isPrimary())
            return a.isPrimary();
        return a.candidatePriority > b.candidatePriority;
    });
    // pooler_port: a PgBouncer on each node's host, in front of that node alone (it follows
    // nothing itself; libpq's read-write check, asked through it, still finds the primary).
    const QString pooler = settings.value(kPoolerPort).trimmed();
    QStringList hosts, ports;
    for (const FormationNode &n : std::as_const(order)) {
        hosts << n.host;
        ports << (pooler.isEmpty() ? QString::number(n.port) : pooler);
    }
    ConnectionSettings out = settings;
    out.remove(kMonitor);
    out.remove(kFormation);
    out.remove(kPoolerPort);
    out.setValue(QStringLiteral("host"), hosts.join(QLatin1Char(',')));
    out.setValue(QStringLiteral("port"), ports.join(QLatin1Char(',')));
    if (out.database().isEmpty())
        out.setValue(QStringLiteral("dbname"), known.dbname);
    return out;
}

} // namespace formation

} // namespace statescope::pg
