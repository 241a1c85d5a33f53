#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QStringList>

namespace statescope {
class TaskContext;
}

namespace statescope::weekly {

// What a database's own tools rely on, without its rows: for a family that is not
// Statescope's, reset and "create next week" recreate a database from this, never with
// Statescope's weekly schema ("identical schema structure each time").
struct SchemaCopy
{
    QString source;            // the database it was taken from
    QString archive;           // pg_dump --schema-only (custom format): tables, indexes,
                               // functions, triggers, policies, grants, owners
    QString historyRows;       // INSERTs of the migration tools' history rows (plain SQL)
    QStringList historyTables; // schema.table of each history copied (Alembic, Flyway, ...)
    QStringList databaseLevel; // ALTER DATABASE ... OWNER/SET, GRANT/REVOKE ... ON DATABASE,
                               // written for the source's name
    int tables = 0;
    int sessions = 0; // sessions captureSchema() opened on the source
};

class SchemaCopier
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::SchemaCopier)
public:
    // Takes the copy into `dir` (files private to their owner): captureSchema() and
    // captureDatabaseLevel() together.
    static SchemaCopy capture(const pg::ConnectionSettings &database, const QString &dir,
                              TaskContext *ctx = nullptr);
    // The schema, and the rows of the migration tools' histories.
    static SchemaCopy captureSchema(const pg::ConnectionSettings &database, const QString &dir,
                                    TaskContext *ctx = nullptr);
    // Owner, settings, connection limit and grants (ALTER DATABASE, GRANT/REVOKE ... ON
    // DATABASE). A reset reads them before its fence changes the limit and PUBLIC's CONNECT.
    static QStringList captureDatabaseLevel(const pg::ConnectionSettings &database,
                                            const QString &dir, TaskContext *ctx = nullptr);
    // Lays the copy onto `target`, an empty database just created: the schema in one
    // transaction, the history rows, then the database-level settings, owner and grants
    // (through `maintenance`, a connection settings to the server's maintenance database).
    static void apply(const SchemaCopy &copy, const pg::ConnectionSettings &target,
                      const pg::ConnectionSettings &maintenance, TaskContext *ctx = nullptr);
    // Removes the copy's files.
    static void discard(const SchemaCopy &copy);
};

} // namespace statescope::weekly
