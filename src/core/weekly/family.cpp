#include "core/weekly/family.h"

#include "core/error.h"
#include "core/task/worker.h"

#include <QSet>

#include <algorithm>
#include <map>

namespace statescope::weekly {

QString FamilyWeek::label(bool withServer) const
{
    return withServer ? Family::tr("%1 on %2").arg(name.isoWeekString(), server) : name.isoWeekString();
}

Family::Family(QString prefix, QList<FamilyWeek> weeks) : m_prefix(std::move(prefix)), m_weeks(std::move(weeks))
{
    std::stable_sort(m_weeks.begin(), m_weeks.end(), [](const FamilyWeek &a, const FamilyWeek &b) {
        if (!(a.name == b.name))
            return a.name < b.name;
        return a.server < b.server;
    });
}

QList<Family> Family::fromListings(const QList<Source> &sources)
{
    std::map<QString, QList<FamilyWeek>> byPrefix;
    for (const Source &s : sources) {
        const QString label = s.label.isEmpty() ? s.server.displayName() : s.label;
        for (const DatabaseInfo &d : s.databases) {
            if (!d.weekly)
                continue;
            byPrefix[d.weekly->prefix()].append({*d.weekly, label, s.server.withDatabase(d.name), d});
        }
    }
    QList<Family> out;
    for (auto &[prefix, weeks] : byPrefix)
        out.append(Family(prefix, weeks));
    return out;
}

Family Family::list(const QList<Source> &servers, const QString &prefix, TaskContext *ctx, Depth depth)
{
    validatePrefix(prefix);
    QList<Source> listed;
    for (const Source &s : servers) {
        Source copy = s;
        const ServerAdmin admin(s.server);
        copy.databases = depth == Depth::Schema ? admin.list(prefix, ctx) : admin.listNames(prefix, ctx);
        listed.append(copy);
    }
    for (const Family &f : fromListings(listed))
        if (f.prefix() == prefix)
            return f;
    QStringList names;
    for (const Source &s : servers)
        names << (s.label.isEmpty() ? s.server.displayName() : s.label);
    throw Error(Error::Kind::NotFound,
                tr("No weekly database %1_YYYY_wNN on %2.").arg(prefix, names.join(QStringLiteral(", "))));
}

bool Family::spansServers() const
{
    QSet<QString> servers;
    for (const FamilyWeek &w : m_weeks)
        servers.insert(w.server);
    return servers.size() > 1;
}

int Family::indexOf(const QString &database, const QString &server) const
{
    for (int i = 0; i < m_weeks.size(); ++i)
        if (m_weeks[i].database() == database && (server.isEmpty() || m_weeks[i].server == server))
            return i;
    return -1;
}

QList<FamilyWeek> Family::select(const QStringList &isoWeeks) const
{
    QList<FamilyWeek> out;
    for (const QString &text : isoWeeks) {
        const WeeklyName wanted = WeeklyName::fromIsoWeek(m_prefix, text.trimmed());
        bool found = false;
        for (const FamilyWeek &w : m_weeks)
            if (w.name == wanted) {
                out.append(w);
                found = true;
            }
        if (!found) {
            FamilyWeek none{wanted, m_weeks.isEmpty() ? QString() : m_weeks.first().server,
                            m_weeks.isEmpty() ? pg::ConnectionSettings() : m_weeks.first().settings.withDatabase(wanted.databaseName()),
                            {}, true};
            none.info.name = wanted.databaseName();
            none.info.takesConnections = false;
            none.info.problem = tr("The family %1 has no week %2 (%3).").arg(m_prefix, wanted.isoWeekString(), wanted.databaseName());
            out.append(none);
        }
    }
    return out;
}

QList<FamilyWeek> Family::readable() const
{
    QList<FamilyWeek> out;
    for (const FamilyWeek &w : m_weeks)
        if (w.info.takesConnections)
            out.append(w);
    return out;
}

} // namespace statescope::weekly
