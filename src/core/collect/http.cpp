#include "http.h"

#include "core/task/canceltoken.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace statescope::collect {

HttpClient::HttpClient(QString bearerToken, int timeoutSeconds)
    : m_manager(std::make_unique<QNetworkAccessManager>()),
      m_authorization(bearerToken.isEmpty() ? QByteArray() : "Bearer " + bearerToken.toUtf8()),
      m_timeoutMs(timeoutSeconds * 1000)
{
    m_manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

HttpClient::~HttpClient() = default;

Response HttpClient::get(const QString &url, const QString &endpoint, CancelToken &cancel)
{
    Response r;
    r.endpoint = endpoint;
    r.fetchedAt = QDateTime::currentDateTimeUtc();
    const QUrl u(url);
    r.requestKey = QString::fromLatin1(u.path(QUrl::FullyEncoded).toLatin1());
    if (u.hasQuery())
        r.requestKey += QLatin1Char('?') + u.query(QUrl::FullyEncoded);

    QNetworkRequest request(u);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "statescope/" + QCoreApplication::applicationVersion().toUtf8());
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    request.setTransferTimeout(m_timeoutMs);

    QNetworkReply *reply = m_manager->get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, reply, [&] {
        if (cancel.isCancelled())
            reply->abort();
    });
    poll.start(100);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    poll.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        r.status = status.toInt();
        r.body = reply->readAll();
        r.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    } else {
        r.error = reply->error() == QNetworkReply::OperationCanceledError
                          || reply->error() == QNetworkReply::TimeoutError
                      ? QStringLiteral("timeout after %1 s").arg(m_timeoutMs / 1000)
                      : reply->errorString();
        if (cancel.isCancelled())
            r.error = QStringLiteral("cancelled");
    }
    reply->deleteLater();
    return r;
}

double parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok)
        return seconds >= 0 && seconds < 86400 ? seconds : -1;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max(0.0, now.msecsTo(when) / 1000.0);
}

} // namespace statescope::collect
