#pragma once

#include "core/layout/history.h"
#include "core/migrate/migration.h"

#include <QCoreApplication>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
class ConnectionSettings;
} // namespace pg
} // namespace statescope

namespace statescope::adopt {

// Statescope's bookkeeping in one database: the statescope schema (audit log, rollback and
// snapshot archives). Databases Statescope created have it as part of their weekly schema;
// any other database gets it by adoption, which creates that schema and nothing else.
struct Status
{
    bool weeklySchema = false;  // statescope.schema_history: a database Statescope made
    bool adopted = false;       // statescope.bookkeeping_history
    int version = 0;            // bookkeeping version applied (adopted databases)
    QList<migrate::Migration> pending;
    QStringList strangers;      // objects in a statescope schema that is not ours
    QList<layout::History> histories;

    bool hasBookkeeping() const { return weeklySchema || adopted; }
};

// What the archives of an adopted database hold (shown before unadopting).
struct Holdings
{
    qint64 auditRows = 0;
    qint64 rollbacks = 0;
    qint64 rollbackRows = 0;
    qint64 snapshotOperations = 0;
    qint64 archivedSnapshots = 0;

    bool empty() const
    {
        return auditRows + rollbacks + rollbackRows + snapshotOperations + archivedSnapshots == 0;
    }
};

class Adoption
{
    Q_DECLARE_TR_FUNCTIONS(statescope::adopt::Adoption)
public:
    static const migrate::MigrationSet &bookkeepingSet(); // :/sql/bookkeeping

    static Status status(pg::Connection &conn);
    // Installs (or brings up to date) the bookkeeping schema in one transaction, audited in
    // it. Never creates, alters or drops anything outside the statescope schema. Refuses a
    // statescope schema that is not Statescope's. A dry run changes nothing and returns the
    // status the database is in (pending: what would be applied).
    static Status adopt(pg::Connection &conn, const QString &reason, bool dryRun = false);
    static Holdings holdings(pg::Connection &conn);
    // Removes the bookkeeping schema of an adopted database: a dump of the whole database
    // first (the archives' way back, its path returned), a journal line before and after,
    // then DROP SCHEMA statescope in one transaction. Refused for databases Statescope made,
    // and when an object outside the schema depends on it. `confirm` must be the database name.
    static QString unadopt(pg::Connection &conn, const pg::ConnectionSettings &settings,
                           const QString &confirm, const QString &reason, const QString &dumpDir,
                           TaskContext *ctx = nullptr);
};

// Every write that archives or audits calls this first: Error(Conflict) saying how to adopt
// the database when `table` (statescope.rollback_rows, ...) is not there.
void requireBookkeeping(pg::Connection &conn, const QString &table, const QString &action);

} // namespace statescope::adopt
