#include "core/pg/connectionslot.h"

namespace statescope::pg {

ConnectionSlot::ConnectionSlot(ConnectionSettings settings, Connection::Access access,
                               std::function<void(Connection &)> onOpen)
    : m_settings(std::move(settings)), m_access(access), m_onOpen(std::move(onOpen))
{}

ConnectionSlot::Lease::Lease(ConnectionSlot &slot, CancelToken &token) : m_slot(slot)
{
    if (m_slot.m_conn && !m_slot.m_conn->isAlive())
        m_slot.m_conn.reset();
    if (!m_slot.m_conn) {
        auto conn = Connection::open(m_slot.m_settings, m_slot.m_access, &token);
        if (m_slot.m_onOpen)
            m_slot.m_onOpen(*conn);
        m_slot.m_conn = std::move(conn);
    } else {
        m_slot.m_conn->bindCancelToken(&token);
    }
}

ConnectionSlot::Lease::~Lease()
{
    if (!m_slot.m_conn)
        return;
    // The task's token ends with the task; nothing may point at it afterwards. A
    // connection left inside a transaction or broken is not reused.
    m_slot.m_conn->bindCancelToken(nullptr);
    m_slot.m_conn->rollbackQuietly();
    if (!m_slot.m_conn->isAlive())
        m_slot.m_conn.reset();
}

} // namespace statescope::pg
