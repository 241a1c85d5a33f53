#include "interrupt.h"

#include <chrono>
#include <csignal>

namespace statescope::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

} // namespace

InterruptGuard::InterruptGuard(CancelToken &token) : m_token(token)
{
    g_interrupted.store(false);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    m_watcher = std::thread([this] {
        while (!m_done.load()) {
            if (g_interrupted.load()) {
                m_token.cancel();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
}

InterruptGuard::~InterruptGuard()
{
    m_done.store(true);
    m_watcher.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool InterruptGuard::interrupted()
{
    return g_interrupted.load();
}

} // namespace statescope::cli
