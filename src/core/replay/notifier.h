#pragma once

#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace statescope::replay {

struct WebhookResult
{
    bool ok = false;
    int httpStatus = 0;
    QString error; // empty when ok
};

// Tells the game server about a committed rollback (or undo): POSTs the JSON body to an
// http(s) URL and waits for the answer, at most timeoutMs. Runs a local event loop, so call
// it from a worker thread or the CLI, never the GUI thread. A failure is reported, never
// thrown: the rollback it reports on stays committed.
WebhookResult notifyGameServer(const QUrl &url, const nlohmann::json &body, int timeoutMs = 10000);

nlohmann::json rollbackNotice(const QString &event, const QString &gameId, int playNumber,
                              qint64 rollbackId);

} // namespace statescope::replay
