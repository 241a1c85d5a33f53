#pragma once

// What the snapshots commands share (commands_snapshots.cpp: reading, diff, saves;
// commands_snapshots_admin.cpp: prune, rollback, undo).

#include "core/pg/connection.h"
#include "core/snapshots/snapshotstore.h"
#include "output.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>

namespace statescope::cli::snapshotscli {

std::string iso(const QDateTime &t);
nlohmann::json toJson(const snapshots::SnapshotInfo &s);
nlohmann::json toJson(const std::optional<snapshots::SnapshotInfo> &s);
QString infoLine(const snapshots::SnapshotInfo &s);

void addDb(Command &cmd);
std::unique_ptr<pg::Connection>
open(const Command &cmd, pg::Connection::Access access = pg::Connection::Access::ReadOnly);
// A tick or an id given as a (repeatable) option's value: a whole number >= 0.
qint64 wholeNumber(const char *option, const QString &text);

int prune(const QStringList &args);
int rollback(const QStringList &args);
int undo(const QStringList &args);

} // namespace statescope::cli::snapshotscli
