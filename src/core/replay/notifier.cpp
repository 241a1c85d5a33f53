#include "notifier.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

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
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("statescope"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = manager.post(request, QByteArray::fromStdString(body.dump()));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit); // belt and braces
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = Tr::tr("The game server did not answer within %1 s.").arg(timeoutMs / 1000);
    } else {
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && result.httpStatus >= 200
            && result.httpStatus < 300)
            result.ok = true;
        else
            result.error = result.httpStatus
                               ? Tr::tr("The game server answered HTTP %1.").arg(result.httpStatus)
                               : reply->errorString();
    }
    reply->deleteLater();
    return result;
}

} // namespace statescope::replay
