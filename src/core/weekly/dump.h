#pragma once

#include "core/pg/connectionsettings.h"

#include <QString>

namespace statescope {
class TaskContext;
}

namespace statescope::weekly {

// The way back from reset and drop: a pg_dump (custom format) of the whole database,
// taken before anything is changed. Passwords travel in the environment, never on a
// command line. Cancelling kills the dump and removes the partial file.
// The file is readable by its owner only from the moment it exists (mode 0600, and the
// dump runs under umask 077). When `expectedBytes` is given (the database's size, an upper
// bound for the compressed dump), a directory with less free space refuses up front.
// Returns the dump's path: <dir>/<database>_<UTC timestamp>.dump
QString dumpDatabase(const pg::ConnectionSettings &database, const QString &dir,
                     TaskContext *ctx = nullptr, qint64 expectedBytes = 0);

// A dump of some relations only (each a pg_dump pattern, quoted: "schema"."name"), made and
// named as dumpDatabase's are: <dir>/<stem>_<UTC timestamp>.dump. A pattern that matches
// nothing fails the dump. With `snapshot` (pg_export_snapshot() of a transaction still
// open), pg_dump reads exactly what that transaction sees.
QString dumpTables(const pg::ConnectionSettings &database, const QStringList &tables, const QString &dir,
                   const QString &stem, TaskContext *ctx = nullptr, qint64 expectedBytes = 0,
                   const QString &snapshot = {});

// Refuses (Error(Environment), nothing changed) a backup directory that cannot be made or
// has less free space than `expectedBytes`: what a dump of `database` checks first, and what
// an action that fences a database checks before it changes anything.
void checkDumpSpace(const QString &dir, const QString &database, qint64 expectedBytes);

// The path of a PostgreSQL client program (pg_dump, pg_restore), or Error(Environment).
QString requireProgram(const QString &name);
// Runs a client program against `db` (connection in the environment, never on the command
// line), under umask 077, polling `ctx` for cancellation; Error(Environment) with its stderr
// when it fails.
void runTool(const QString &program, const QStringList &args, const pg::ConnectionSettings &db,
             TaskContext *ctx, const QString &step);

// Restores a dump made by dumpDatabase into an existing, empty database.
void restoreDatabase(const pg::ConnectionSettings &database, const QString &dumpFile,
                     TaskContext *ctx = nullptr);

} // namespace statescope::weekly
