#pragma once

#include "core/task/worker.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

namespace statescope::gui {

// A pane's background lane: one Worker thread (its own connections), progress and
// completion delivered on the GUI thread, cancel from the GUI thread.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);

    bool isBusy() const { return m_running > 0; }

    // reading: the task only reads and may be run again on a new connection when its own
    // is lost (Worker::run); reconnected() then follows the pane's own handling.
    template <class T>
    void start(const QString &label, std::function<T(TaskContext &)> task,
               std::function<void(const Outcome<T> &)> done, bool reading = false)
    {
        auto *watcher = new QFutureWatcher<Outcome<T>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
            const Outcome<T> outcome = watcher->result();
            watcher->deleteLater();
            --m_running;
            emit finished(outcome.ok() ? QString() : outcome.error().message(),
                          outcome.cancelled());
            emit busyChanged(isBusy());
            done(outcome);
            // After the pane's own handling, so what it shows of the result stays and the
            // banner says how it got there.
            if (!m_reconnectedTo.isEmpty()) {
                emit reconnected(m_reconnectedFrom, m_reconnectedTo, m_reconnectWhy);
                m_reconnectedTo.clear();
            }
        });
        ++m_running;
        emit started(label);
        emit busyChanged(true);
        watcher->setFuture(m_worker.run<T>(std::move(task), reading,
                                           [this](int done, int total, const QString &text) {
                                               emit progress(done, total, text);
                                           }));
    }

public slots:
    void cancel() { m_worker.cancel(); }

signals:
    void started(const QString &label);
    void progress(int done, int total, const QString &text);
    void finished(const QString &error, bool cancelled);
    void busyChanged(bool busy);
    void reconnected(const QString &from, const QString &to, const QString &why);
    void serverAddressChanged(const QString &address);

private:
    Worker m_worker;
    int m_running = 0;
    QString m_address;
    QString m_reconnectedFrom, m_reconnectedTo, m_reconnectWhy;
};

} // namespace statescope::gui
