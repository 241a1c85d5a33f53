#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace statescope::pg {
class Connection;
}

namespace statescope::audit {

// One write Statescope made on a user's behalf.
struct Entry
{
    Entry() = default;
    Entry(QString action_, QString target_, QString reason_ = {},
          nlohmann::json details_ = nlohmann::json::object(), QString server_ = {})
        : action(std::move(action_)), target(std::move(target_)), reason(std::move(reason_)),
          details(std::move(details_)), server(std::move(server_))
    {
    }

    QString action;  // create, migrate, reset, drop, repair, restore, ...
    QString target;  // database (and object) acted on
    QString reason;  // what the user typed, if anything
    nlohmann::json details = nlohmann::json::object();
    QString server;  // display name of the server (journal only)
    QString serverId; // the server's system identifier (journal only; a promoted standby
                      // shares its primary's), so a run is found whatever string reached it
    QDateTime at;    // filled when read back
    QString osUser;  // filled when written
    // Journal only: an action that destroys something writes an "intent" line before it
    // changes anything, then "dumped" (details.dump), then "done" or "failed", all with the
    // same operation id. Empty for one-line entries.
    QString op;
    QString phase;
};

// The intents in `entries` (newest first, as read) that no "done", "failed" or "resolved"
// (weekly/recovery.h) line closes:
// runs that were killed midway. Their details gain "dump" from a "dumped" line.
QList<Entry> incomplete(const QList<Entry> &entries);

// Writes into statescope.audit_log of the connected database. Call inside the same
// transaction as the change it records, so both commit or neither does.
void writeToDatabase(pg::Connection &conn, const Entry &entry);
bool hasAuditTable(pg::Connection &conn);
QList<Entry> readFromDatabase(pg::Connection &conn, int limit = 200);

// Server-level actions (drop, reset) outlive the database they touched: they also go to
// a local journal, one JSON object per line, flushed to disk (fsync) before returning.
// Returns false (and says why) on failure.
bool appendToJournal(const Entry &entry, QString *error = nullptr);
QList<Entry> readJournal(int limit = 200);
// The journal's actions, newest first, at most `limit`: the lines that record the files a run
// wrote (file_created, file_complete, kept for db recover) left out. `db audit` and the
// Admin pane's audit log show these.
QList<Entry> readJournalActions(int limit = 200);

} // namespace statescope::audit
