#pragma once

#include "core/pg/connectionsettings.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace statescope {
class TaskContext;
}

namespace statescope::weekly {

// One week of a family, wherever it lives.
struct FamilyWeek
{
    WeeklyName name{QStringLiteral("week"), 1970, 1}; // always set by whoever makes one
    QString server;                  // the server it lives on, for people (a profile's name)
    pg::ConnectionSettings settings; // that database (its server's settings, its dbname)
    DatabaseInfo info;               // as the server listed it (size, version, problem...)
    bool missing = false;            // named, but no server of the family has it

    QString database() const { return name.databaseName(); }
    // "2025-W03", or "2025-W03 on archive" when the family spans servers.
    QString label(bool withServer) const;
};

// The weekly databases of one game (<prefix>_<year>_w<week>), on one server or several (the
// live server and an archive holding old weeks are one family): the one value the sidebar,
// the week switcher, the family query, metrics compare, drift and the admin pane share.
// Weeks are in week order; the same week on two servers (a week being moved) is there twice,
// each naming its server.
class Family
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::Family)
public:
    // What one server listed.
    struct Source
    {
        QString label; // for people; empty: the server's display name
        pg::ConnectionSettings server;
        QList<DatabaseInfo> databases;
    };

    Family() = default;
    Family(QString prefix, QList<FamilyWeek> weeks);

    // Every family in the listings, by prefix (their weeks gathered from every server).
    static QList<Family> fromListings(const QList<Source> &sources);
    // How much list() reads: each week's schema state too (ServerAdmin::list, one connection
    // to every week), or only what the server's own listing says (ServerAdmin::listNames,
    // one statement a server), for whoever goes on to connect to each week anyway.
    enum class Depth { Schema, Names };
    // The family `prefix` on these servers; NotFound when none of them has a week of it.
    static Family list(const QList<Source> &servers, const QString &prefix, TaskContext *ctx = nullptr,
                       Depth depth = Depth::Schema);

    const QString &prefix() const { return m_prefix; }
    const QList<FamilyWeek> &weeks() const { return m_weeks; }
    bool isEmpty() const { return m_weeks.isEmpty(); }
    bool spansServers() const;
    // The week holding `database` (on `server` when given: its label); -1 when none.
    int indexOf(const QString &database, const QString &server = {}) const;
    // The weeks named as ISO weeks ("2025-W07"); InvalidInput for a form that is not one. A
    // week the family does not have is there too, `missing` (each run reports it as failed).
    QList<FamilyWeek> select(const QStringList &isoWeeks) const;
    // Weeks that take connections now (not one a reset or drop has closed).
    QList<FamilyWeek> readable() const;

private:
    QString m_prefix;
    QList<FamilyWeek> m_weeks;
};

} // namespace statescope::weekly
