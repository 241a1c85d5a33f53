#pragma once

#include "core/task/canceltoken.h"

#include <atomic>
#include <thread>

namespace statescope::cli {

// While alive, Ctrl+C (SIGINT) and SIGTERM cancel the token instead of killing the process,
// so a running statement is cancelled on the server (PQcancel), the transaction rolls back
// and the command exits 130 with its own message. The signal handler only sets a flag and
// writes a byte to a pipe, which wakes a watcher thread that passes it on. One at a time.
class InterruptGuard
{
public:
    explicit InterruptGuard(CancelToken &token);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    static bool interrupted();

private:
    CancelToken &m_token;
    std::atomic<bool> m_done{false};
    std::thread m_watcher;
};

} // namespace statescope::cli
