#pragma once

#include "core/pg/connectionsettings.h"

#include <QString>

namespace statescope {
class CancelToken;
}

namespace statescope::pg {
class Connection;
}

namespace statescope::shard {

// Before a write to one game on the database `conn` is open on (with `db`, for the password
// its shards read with): when it is a shard of a saved set (shard::savedSets), the set's
// rule must place the game there. A member is this database when the server says so: the
// same database name, port and postmaster start time, however the connection strings spell
// the host (a URI, localhost or an address, PgBouncer in front). Throws Conflict, nothing
// written, when the rule places the game on another shard or cannot name one (it needs
// another column, or the owner does not answer). A database in no set passes.
void requireOwnsGame(pg::Connection &conn, const pg::ConnectionSettings &db, const QString &gameId,
                     CancelToken &cancel);

} // namespace statescope::shard
