#pragma once

#include "core/pg/connectionsettings.h"

#include <QString>

namespace statescope {
class CancelToken;
}

namespace statescope::shard {

// Before a write to one game on `db`: when `db` is a shard of a saved set (settings::shardSets,
// matched by host, port and database), the set's rule must place the game on `db`. Throws
// Conflict, nothing written, when it places it on another shard, or cannot name one (the rule
// needs another column, or its owner does not answer). A database in no set passes.
void requireOwnsGame(const pg::ConnectionSettings &db, const QString &gameId, CancelToken &cancel);

} // namespace statescope::shard
