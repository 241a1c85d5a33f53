#include "http.h"

#include "core/io/ioapi.h"
#include "core/task/canceltoken.h"

#include <QCoreApplication>
#include <QUrl>

namespace statescope::collect {

HttpClient::HttpClient(QString bearerToken, int timeoutSeconds)
    : m_authorization(bearerToken.isEmpty() ? QByteArray() : "Bearer " + bearerToken.toUtf8()),
      m_timeoutMs(timeoutSeconds * 1000)
{
    if (const io::Api *io = io::api(&m_unavailable))
        m_client = io->httpOpen();
}

HttpClient::~HttpClient()
{
    if (m_client)
        io::api()->httpClose(m_client);
}

Response HttpClient::get(const QString &url, const QString &endpoint, CancelToken &cancel)
{
    Response r;
    r.endpoint = endpoint;
    r.fetchedAt = QDateTime::currentDateTimeUtc();
    const QUrl u(url);
    r.requestKey = QString::fromLatin1(u.path(QUrl::FullyEncoded).toLatin1());
    if (u.hasQuery())
        r.requestKey += QLatin1Char('?') + u.query(QUrl::FullyEncoded);
    if (!m_client) {
        r.error = m_unavailable;
        return r;
    }

    io::Headers headers = {{"Accept", "application/json"},
                           {"User-Agent", "statescope/" + QCoreApplication::applicationVersion().toUtf8()}};
    if (!m_authorization.isEmpty())
        headers.append({"Authorization", m_authorization});
    const io::HttpAnswer a = io::api()->httpSend(m_client, u, headers, QByteArray(), m_timeoutMs,
                                                 [&cancel] { return cancel.isCancelled(); });
    if (a.status) {
        r.status = a.status;
        r.body = a.body;
        r.retryAfterSeconds = parseRetryAfter(a.retryAfter, QDateTime::currentDateTimeUtc());
    } else {
        r.error = a.timedOut ? QStringLiteral("timeout after %1 s").arg(m_timeoutMs / 1000) : a.error;
        if (cancel.isCancelled())
            r.error = QStringLiteral("cancelled");
    }
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
