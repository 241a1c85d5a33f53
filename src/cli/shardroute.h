#pragma once

#include "core/pg/connectionsettings.h"

#include <QString>

namespace statescope {
class CancelToken;
}

namespace statescope::cli {

class Command;

// A write through a saved shard set (--set NAME): the connection of the shard that owns game
// `gameId` (ShardReader::ownerOfGame), and its label in *label. Throws Conflict, naming why,
// when the set's rule cannot name one: nothing is written then.
pg::ConnectionSettings shardOwnerOfGame(const Command &cmd, const QString &gameId, CancelToken &token,
                                        QString *label);

} // namespace statescope::cli
