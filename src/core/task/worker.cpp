#include "worker.h"

namespace statescope {

Worker::Worker(QObject *parent) : QObject(parent)
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("statescope-worker"));
    m_thread.start();
}

Worker::~Worker()
{
    m_token.cancel();
    m_thread.quit();
    m_thread.wait();
}

} // namespace statescope
