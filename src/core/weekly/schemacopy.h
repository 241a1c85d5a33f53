#pragma once

#include "core/pg/connectionsettings.h"
#include "core/weekly/dbproperties.h"

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
    // Owner, settings, connection limit and grants of the source, for a new week made like
    // it (capture() only; a reset puts back the database's own, read before its fence).
    std::optional<DatabaseProperties> properties;
    int tables = 0;
    int sessions = 0; // sessions captureSchema() opened on the source
};

class SchemaCopier
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::SchemaCopier)
public:
    // Takes the copy into `dir` (files private to their owner): captureSchema() and the
    // source's database-level properties.
    static SchemaCopy capture(const pg::ConnectionSettings &database, const QString &dir,
                              TaskContext *ctx = nullptr);
    // The schema, and the rows of the migration tools' histories.
    static SchemaCopy captureSchema(const pg::ConnectionSettings &database, const QString &dir,
                                    TaskContext *ctx = nullptr);
    // Lays the copy onto `target`, an empty database just created: the schema in one
    // transaction, the history rows, then (when captured) the source's owner, settings,
    // limit and grants, as a new week has them (not its comment, nor a closed door), through
    // `maintenance`, a connection settings to the server's maintenance database. Returns
    // warnings (a role that is gone).
    static QStringList apply(const SchemaCopy &copy, const pg::ConnectionSettings &target,
                      const pg::ConnectionSettings &maintenance, TaskContext *ctx = nullptr);
    // Removes the copy's files.
    static void discard(const SchemaCopy &copy);
};

} // namespace statescope::weekly
