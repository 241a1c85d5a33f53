#pragma once

#include "http.h"

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QUuid>

#include <memory>
#include <vector>

namespace statescope::pg {
class Connection;
}

namespace statescope::collect {

// One response as it is stored: the payload in canonical form (seed 000's canonical_json)
// with its SHA-256, or as received when it is not JSON.
struct Row
{
    QDateTime fetchedAt;
    QString endpoint;
    QString requestKey;
    std::optional<int> status;
    std::optional<QByteArray> payload; // JSON text for the payload column; nullopt: NULL
    std::optional<QByteArray> hash;
};

// A response made into a row: a JSON body canonicalised and hashed as Python would; a body
// that is not JSON (an HTML error page) stored as a JSON string of its text; no answer as
// {"error": "..."} with no status.
Row toRow(const Response &r);

// Writes batches of rows into the API events table of one database (found by its layout,
// so a game's own table works too) and the batch's id into statescope.collector_batches in
// the same transaction.
class BatchStore
{
    Q_DECLARE_TR_FUNCTIONS(statescope::collect::BatchStore)
public:
    BatchStore(pg::ConnectionSettings database, QString family, QString tokenRef);
    ~BatchStore();

    QString database() const;
    // Checks the database has an API events table with the columns the rows need and the
    // collector's bookkeeping (statescope.collector_batches): Error(Conflict) naming what
    // to do otherwise.
    void prepare();
    // Stores the rows in one transaction under a new batch id. On a lost connection it
    // reconnects and, when the batch id is there, the batch was stored: never twice.
    // Returns how many rows were added.
    int store(const std::vector<Row> &rows) { return store(rows, QUuid::createUuid()); }
    // The same under a given batch id: a batch already stored under it adds nothing (0).
    int store(const std::vector<Row> &rows, const QUuid &id);
    // Creates statescope.latest_payloads when missing (the latest successful payload per
    // request key, with a unique index) and refreshes it CONCURRENTLY.
    void refreshLatest();

private:
    pg::Connection &conn();
    bool batchStored(const QUuid &id);

    pg::ConnectionSettings m_settings;
    QString m_family;
    QString m_tokenRef;
    std::unique_ptr<pg::Connection> m_conn;
};

} // namespace statescope::collect
