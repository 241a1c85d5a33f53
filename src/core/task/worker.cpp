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

void Worker::track(const std::shared_ptr<CancelToken> &token)
{
    QMutexLocker lock(&m_mutex);
    m_tokens.append(token);
}

void Worker::untrack(const std::shared_ptr<CancelToken> &token)
{
    QMutexLocker lock(&m_mutex);
    m_tokens.removeOne(token);
}

void Worker::cancel()
{
    QMutexLocker lock(&m_mutex);
    for (const auto &token : m_tokens)
        token->cancel();
}

bool Worker::retries(const Error &error)
{
    return error.kind() == Error::Kind::Connection && !error.isAuthentication();
}

bool Worker::pause(CancelToken &token)
{
    for (int i = 0; i < 10 && !token.isCancelled(); ++i)
        QThread::msleep(50);
    return !token.isCancelled();
}

Worker::~Worker()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

} // namespace statescope
