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

    template <class T>
    void start(const QString &label, std::function<T(TaskContext &)> task,
               std::function<void(const Outcome<T> &)> done)
    {
        auto *watcher = new QFutureWatcher<Outcome<T>>(this);
        auto maximum = std::make_shared<int>(0);
        connect(watcher, &QFutureWatcherBase::progressRangeChanged, this,
                [maximum](int, int max) { *maximum = max; });
        connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
                [this, watcher, maximum](const QString &text) {
                    emit progress(watcher->progressValue(), *maximum, text);
                });
        connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
                [this, watcher, maximum](int value) {
                    emit progress(value, *maximum, watcher->progressText());
                });
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
            const Outcome<T> outcome = watcher->result();
            watcher->deleteLater();
            --m_running;
            emit finished(outcome.ok() ? QString() : outcome.error().message(),
                          outcome.cancelled());
            emit busyChanged(isBusy());
            done(outcome);
        });
        ++m_running;
        emit started(label);
        emit busyChanged(true);
        watcher->setFuture(m_worker.run<T>(std::move(task)));
    }

public slots:
    void cancel() { m_worker.cancel(); }

signals:
    void started(const QString &label);
    void progress(int done, int total, const QString &text);
    void finished(const QString &error, bool cancelled);
    void busyChanged(bool busy);

private:
    Worker m_worker;
    int m_running = 0;
};

} // namespace statescope::gui
