#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace statescope {
class CancelToken;
}

namespace statescope::collect {

// One HTTP answer (or the lack of one).
struct Response
{
    QDateTime fetchedAt;           // when the request went out (UTC, as the seed records it)
    QString endpoint;              // the path template
    QString requestKey;            // path and query as sent ("/v2/my/ships?page=2&limit=20")
    std::optional<int> status;     // nullopt: no answer (timeout, refused, reset)
    QByteArray body;
    QString error;                 // for no answer: what happened
    double retryAfterSeconds = -1; // from Retry-After, when sent
};

// Blocking GETs for the collector's own thread: a local event loop per request, a timeout,
// and the cancel token checked while waiting (a cancelled request is aborted).
class HttpClient
{
public:
    HttpClient(QString bearerToken, int timeoutSeconds);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    Response get(const QString &url, const QString &endpoint, CancelToken &cancel);

private:
    void *m_client = nullptr;   // io::Api's HTTP client; null when the module is unavailable
    QString m_unavailable;      // why, then (each response's error)
    QByteArray m_authorization; // never logged
    int m_timeoutMs;
};

// Retry-After as seconds (delta-seconds or an HTTP date); -1 when absent or unreadable.
double parseRetryAfter(const QByteArray &value, const QDateTime &now);

} // namespace statescope::collect
