#pragma once

#include <QMutex>
#include <QString>

#include <atomic>
#include <functional>
#include <map>

namespace statescope {

// Shared between the thread doing the work and whoever may cancel it (the UI thread,
// a signal handler in the CLI). Work checks isCancelled() between steps; connections
// register themselves so that cancel() also interrupts a statement already running
// on the server (PQcancel is safe to call from any thread).
class CancelToken
{
public:
    CancelToken() = default;
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    // Throws Error::cancelled() when cancelled.
    void throwIfCancelled() const;
    // Arms a token again (for callers that reuse one across runs).
    void reset() { m_cancelled = false; }

    // The server (host:port) the task's latest connection is on: with a multi-host
    // connection string, which host libpq chose. Set by the connection when it attaches.
    void setServer(const QString &address);
    QString server() const;

    using Interrupt = std::function<void()>;
    int attach(Interrupt interrupt);
    void detach(int handle);

private:
    std::atomic_bool m_cancelled{false};
    mutable QMutex m_mutex;
    std::map<int, Interrupt> m_interrupts;
    int m_next = 1;
    QString m_server;
};

} // namespace statescope
