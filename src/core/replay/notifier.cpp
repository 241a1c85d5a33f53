#include "notifier.h"

#include "core/io/ioapi.h"

#include <QCoreApplication>

namespace statescope::replay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::Notifier)
};

} // namespace

nlohmann::json rollbackNotice(const QString &event, const QString &gameId, int playNumber,
                              qint64 rollbackId)
{
    return {{"event", event.toStdString()},
            {"game_id", gameId.toStdString()},
            {"play_number", playNumber},
            {"rollback_id", rollbackId}};
}

WebhookResult notifyGameServer(const QUrl &url, const nlohmann::json &body, int timeoutMs)
{
    WebhookResult result;
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        result.error = Tr::tr("The webhook address \"%1\" is not an http(s) URL.").arg(url.toString());
        return result;
    }
    QString why;
    const io::Api *io = io::api(&why);
    if (!io) {
        result.error = why;
        return result;
    }
    void *client = io->httpOpen();
    const io::HttpAnswer a = io->httpSend(client, url,
                                          {{"Content-Type", "application/json"}, {"User-Agent", "statescope"}},
                                          QByteArray::fromStdString(body.dump()), timeoutMs, {});
    io->httpClose(client);
    if (!a.finished) {
        result.error = Tr::tr("The game server did not answer within %1 s.").arg(timeoutMs / 1000);
    } else {
        result.httpStatus = a.status;
        if (a.error.isEmpty() && a.status >= 200 && a.status < 300)
            result.ok = true;
        else
            result.error = a.status ? Tr::tr("The game server answered HTTP %1.").arg(a.status) : a.error;
    }
    return result;
}

} // namespace statescope::replay
