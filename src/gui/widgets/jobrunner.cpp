#include "gui/widgets/jobrunner.h"

namespace statescope::gui {

JobRunner::JobRunner(QObject *parent) : QObject(parent), m_worker(this)
{
    // Emitted on the worker's thread; queued here, so they arrive before the task's
    // finished() (which is queued after them).
    connect(&m_worker, &Worker::reconnected, this,
            [this](const QString &from, const QString &to, const QString &why) {
                m_reconnectedFrom = from;
                m_reconnectedTo = to;
                m_reconnectWhy = why;
            });
    connect(&m_worker, &Worker::serverAddress, this, [this](const QString &address) {
        if (address == m_address)
            return;
        m_address = address;
        emit serverAddressChanged(address);
    });
}

} // namespace statescope::gui
