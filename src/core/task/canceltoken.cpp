#include "canceltoken.h"

#include "core/error.h"

namespace statescope {

void CancelToken::cancel()
{
    m_cancelled = true;
    QMutexLocker lock(&m_mutex);
    for (auto &[handle, interrupt] : m_interrupts)
        interrupt();
}

void CancelToken::throwIfCancelled() const
{
    if (isCancelled())
        throw Error::cancelled();
}

int CancelToken::attach(Interrupt interrupt)
{
    QMutexLocker lock(&m_mutex);
    const int handle = m_next++;
    m_interrupts.emplace(handle, std::move(interrupt));
    return handle;
}

void CancelToken::detach(int handle)
{
    QMutexLocker lock(&m_mutex);
    m_interrupts.erase(handle);
}

void CancelToken::setServer(const QString &address)
{
    QMutexLocker lock(&m_mutex);
    m_server = address;
}

QString CancelToken::server() const
{
    QMutexLocker lock(&m_mutex);
    return m_server;
}

} // namespace statescope
