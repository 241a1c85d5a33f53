#pragma once

#include "core/pg/connection.h"

#include <memory>

namespace statescope {
class CancelToken;
}

namespace statescope::pg {

// One connection kept open across the tasks of one worker thread (browsing sends many
// small queries; connecting for each would cost more than the query). Only the worker's
// thread touches it. A lost connection is dropped and opened again by the next task.
class ConnectionSlot
{
public:
    ConnectionSlot(ConnectionSettings settings, Connection::Access access,
                   std::function<void(Connection &)> onOpen = {});

    // The connection for the task that owns token, for as long as the Lease lives.
    class Lease
    {
    public:
        Lease(ConnectionSlot &slot, CancelToken &token);
        ~Lease();
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        Connection &operator*() const { return *m_slot.m_conn; }
        Connection *operator->() const { return m_slot.m_conn.get(); }

    private:
        ConnectionSlot &m_slot;
    };

private:
    ConnectionSettings m_settings;
    Connection::Access m_access;
    std::function<void(Connection &)> m_onOpen;
    std::unique_ptr<Connection> m_conn;
};

} // namespace statescope::pg
