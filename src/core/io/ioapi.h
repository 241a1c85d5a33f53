#pragma once

// The keychain and the network, in a module the command line loads only when a command
// needs one of them (io::api()). Linked in, QtKeychain (with QtDBus, libdbus, libsystemd)
// and QtNetwork cost every run of the CLI about 6 ms of dynamic linking, for commands most
// of which never ask for a password or speak HTTP. The window and the tests link the same
// code in (statescope_io); the CLI finds it as libstatescope-io.so, next to itself in the
// build tree or in Statescope's private library directory (/usr/lib/<triplet>/statescope).
//
// Only Qt and standard types cross the boundary (both sides use the same shared Qt): the
// module holds no copy of the core library and none of its state.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>

class QObject;

namespace statescope::io {

struct KeychainAnswer
{
    enum class Status { Ok, NotFound, Unavailable };
    Status status = Status::Unavailable;
    QString secret;
    QString error; // the keychain's own words (empty: none given)
};

enum class KeychainOp { Read, Write, Remove };

struct HttpAnswer
{
    bool finished = false;  // false: no answer within the hard limit (timeout + 1 s); aborted
    int status = 0;         // the HTTP status; 0: none (no answer, refused, reset, cancelled)
    bool timedOut = false;  // the transfer timeout or the cancel callback ended it
    QByteArray body;
    QByteArray retryAfter;  // the Retry-After header as sent
    QString error;          // Qt's description, when there is no status
};

using Headers = QList<std::pair<QByteArray, QByteArray>>;

struct Api
{
    int version; // kVersion
    // Starts a keychain job under `service`; `done` runs on context's thread once it answers,
    // not at all when context is destroyed first.
    void (*keychain)(KeychainOp op, const QString &service, const QString &key, const QString &secret,
                     QObject *context, std::function<void(const KeychainAnswer &)> done);
    // An HTTP client (a QNetworkAccessManager) for the calling thread, and its end.
    void *(*httpOpen)();
    void (*httpClose)(void *client);
    // A blocking request on the calling thread (a local event loop): GET when body is null,
    // POST otherwise. `cancelled` is asked every 100 ms; true aborts the request.
    HttpAnswer (*httpSend)(void *client, const QUrl &url, const Headers &headers, const QByteArray &body,
                           int timeoutMs, const std::function<bool()> &cancelled);
};

constexpr int kVersion = 1;

// The module's entry point (extern "C" statescope_io_api) and its file name.
inline constexpr const char *kEntryPoint = "statescope_io_api";
inline constexpr const char *kModuleName = "libstatescope-io.so";

// The API: linked in, or the module loaded on the first call. nullptr when it cannot be
// loaded, with the reason in *why.
const Api *api(QString *why = nullptr);

} // namespace statescope::io
