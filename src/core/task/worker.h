#pragma once

#include "core/task/canceltoken.h"
#include "core/task/outcome.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>

namespace statescope {

// Handed to a task running on a Worker: progress goes back through the future
// (QFutureWatcher::progressValueChanged on the receiving side); cancellation comes in.
class TaskContext
{
public:
    TaskContext(CancelToken &token, std::function<void(int, int, const QString &)> report)
        : m_token(token), m_report(std::move(report))
    {}
    CancelToken &cancelToken() { return m_token; }
    bool isCancelled() const { return m_token.isCancelled(); }
    void throwIfCancelled() const { m_token.throwIfCancelled(); }
    void progress(int done, int total, const QString &text = {})
    {
        if (m_report)
            m_report(done, total, text);
    }

private:
    CancelToken &m_token;
    std::function<void(int, int, const QString &)> m_report;
};

// A thread that runs tasks one after another, in the order submitted. Each pane owns
// its own Worker (and so its own connections); destroying the Worker cancels what is
// running and waits for the thread to end. The UI thread never blocks on it.
class Worker : public QObject
{
    Q_OBJECT
public:
    explicit Worker(QObject *parent = nullptr);
    ~Worker() override;

    template <class T> QFuture<Outcome<T>> run(std::function<T(TaskContext &)> task)
    {
        auto promise = std::make_shared<QPromise<Outcome<T>>>();
        QFuture<Outcome<T>> future = promise->future();
        QMetaObject::invokeMethod(
            m_context,
            [this, promise, task = std::move(task)]() {
                promise->start();
                m_token.reset();
                TaskContext ctx(m_token, [promise](int done, int total, const QString &text) {
                    promise->setProgressRange(0, std::max(total, 0));
                    promise->setProgressValueAndText(done, text);
                });
                try {
                    promise->addResult(Outcome<T>(task(ctx)));
                } catch (const Error &error) {
                    promise->addResult(Outcome<T>(error));
                } catch (const std::exception &e) {
                    promise->addResult(Outcome<T>(
                        Error(Error::Kind::Internal, QString::fromLocal8Bit(e.what()))));
                }
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    // Interrupts the running task (and its statement on the server).
    void cancel() { m_token.cancel(); }

private:
    QThread m_thread;
    QObject *m_context = nullptr;
    CancelToken m_token;
};

} // namespace statescope
