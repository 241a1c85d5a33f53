#pragma once

#include "core/task/canceltoken.h"
#include "core/task/outcome.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <utility>

namespace statescope {

// Handed to a task running on a Worker: progress goes back through the future and, when
// the caller asked for it, to a progress callback on the Worker's own thread (see run());
// cancellation comes in.
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

    // retryOnConnectionLoss: a task that only reads, and may be run again from the start when
    // its connection is lost on the way (the primary gone, a standby being promoted): it is,
    // for up to kRetrySeconds, and reconnected() says where it ended up. A task that writes
    // is never repeated.
    static constexpr int kRetrySeconds = 30;
    //
    // onProgress, when given, is called on the Worker's own thread (the one that made it)
    // with the task's latest progress. Reports are coalesced, never dropped: while one is
    // on its way, later ones replace its figures, and the last one always arrives, before
    // the future finishes. (The future's own progress signals drop reports that come
    // within 40 ms of the previous one and carry value and text apart, so a watcher can
    // show "1 of 3" at 66 % or keep a figure that is no longer true.)
    using ProgressCallback = std::function<void(int done, int total, const QString &text)>;
    template <class T>
    QFuture<Outcome<T>> run(std::function<T(TaskContext &)> task, bool retryOnConnectionLoss = false,
                            ProgressCallback onProgress = {})
    {
        auto promise = std::make_shared<QPromise<Outcome<T>>>();
        auto mailbox = onProgress ? std::make_shared<ProgressMailbox>() : nullptr;
        QFuture<Outcome<T>> future = promise->future();
        // Each task has its own token, registered from submission until it ends, so a
        // cancel() that comes while the task still waits in the queue is not lost.
        auto token = std::make_shared<CancelToken>();
        track(token);
        QMetaObject::invokeMethod(
            m_context,
            [this, promise, token, retryOnConnectionLoss, mailbox, onProgress = std::move(onProgress),
             task = std::move(task)]() {
                promise->start();
                TaskContext ctx(*token, [this, promise, mailbox, onProgress](int done, int total,
                                                                             const QString &text) {
                    promise->setProgressRange(0, std::max(total, 0));
                    promise->setProgressValueAndText(done, text);
                    if (mailbox && mailbox->post(done, total, text))
                        QMetaObject::invokeMethod(
                            this, [mailbox, onProgress] { mailbox->deliver(onProgress); },
                            Qt::QueuedConnection);
                });
                QElapsedTimer lost;
                QString lostFrom, why;
                for (;;) {
                    try {
                        token->throwIfCancelled();
                        T value = task(ctx);
                        const QString at = token->server();
                        if (lost.isValid())
                            emit reconnected(lostFrom, at, why);
                        if (!at.isEmpty())
                            emit serverAddress(at);
                        promise->addResult(Outcome<T>(std::move(value)));
                    } catch (const Error &error) {
                        if (retryOnConnectionLoss && retries(error)) {
                            if (!lost.isValid()) {
                                lost.start();
                                lostFrom = token->server();
                                why = error.message();
                            }
                            if (lost.elapsed() < qint64(kRetrySeconds) * 1000 && pause(*token))
                                continue;
                        }
                        promise->addResult(Outcome<T>(error));
                    } catch (const std::exception &e) {
                        promise->addResult(Outcome<T>(
                            Error(Error::Kind::Internal, QString::fromLocal8Bit(e.what()))));
                    }
                    break;
                }
                untrack(token);
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    // Cancels every task submitted and not yet finished: the running one (and its
    // statement on the server) and those still queued.
    void cancel();

signals:
    // A task lost its connection on `from` and, run again, succeeded on `to`.
    void reconnected(const QString &from, const QString &to, const QString &why);
    // The server (host:port) the latest task ran on.
    void serverAddress(const QString &address);

private:
    // The latest progress of one task, waiting to be delivered on the Worker's thread.
    struct ProgressMailbox
    {
        QMutex mutex;
        int done = 0, total = 0;
        QString text;
        bool pending = false;
        // Stores the figures; true when no delivery is on its way (the caller posts one).
        bool post(int d, int t, const QString &x)
        {
            QMutexLocker lock(&mutex);
            done = d;
            total = t;
            text = x;
            return !std::exchange(pending, true);
        }
        void deliver(const ProgressCallback &to)
        {
            int d, t;
            QString x;
            {
                QMutexLocker lock(&mutex);
                d = done;
                t = total;
                x = text;
                pending = false;
            }
            to(d, t, x);
        }
    };

    static bool retries(const Error &error);
    static bool pause(CancelToken &token); // a short wait before the next try; false: cancelled

    QThread m_thread;
    void track(const std::shared_ptr<CancelToken> &token);
    void untrack(const std::shared_ptr<CancelToken> &token);

    QObject *m_context = nullptr;
    QMutex m_mutex;
    QList<std::shared_ptr<CancelToken>> m_tokens;
};

} // namespace statescope
