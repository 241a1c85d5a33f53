#include "interrupt.h"

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace statescope::cli {

namespace {

std::atomic<bool> g_interrupted{false};
int g_wake[2] = {-1, -1}; // the watcher reads [0]; the handler and the destructor write [1]

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
    const int saved = errno; // write() is async-signal-safe; errno is the interrupted code's
    const char byte = 'i';
    [[maybe_unused]] const ssize_t n = ::write(g_wake[1], &byte, 1);
    errno = saved;
}

} // namespace

// The watcher sleeps in read() until a signal or the end wakes it: nothing polls, and the
// destructor returns at once (a command pays no wait for having been interruptible).
InterruptGuard::InterruptGuard(CancelToken &token) : m_token(token)
{
    g_interrupted.store(false);
    if (::pipe2(g_wake, O_CLOEXEC) != 0)
        g_wake[0] = g_wake[1] = -1;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    m_watcher = std::thread([this] {
        for (;;) {
            char byte = 0;
            const ssize_t n = ::read(g_wake[0], &byte, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n == 1 && byte == 'i') {
                m_token.cancel();
                continue; // until the end: a second Ctrl+C changes nothing
            }
            return; // 'q', or the pipe could not be made or read
        }
    });
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const char byte = 'q';
    if (g_wake[1] >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(g_wake[1], &byte, 1);
    }
    m_watcher.join();
    for (int &fd : g_wake) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

bool InterruptGuard::interrupted()
{
    return g_interrupted.load();
}

} // namespace statescope::cli
