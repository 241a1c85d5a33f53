#include "core/task/worker.h"

#include <QFutureWatcher>
#include <QSemaphore>
#include <QTest>

#include <atomic>

using namespace statescope;

class TestWorker : public QObject
{
    Q_OBJECT
private slots:
    void runsTasksInOrderOffTheCallingThread()
    {
        Worker worker;
        QThread *caller = QThread::currentThread();
        auto a = worker.run<int>([caller](TaskContext &) {
            return QThread::currentThread() != caller ? 1 : -1;
        });
        auto b = worker.run<int>([](TaskContext &) { return 2; });
        QTRY_VERIFY(b.isFinished());
        QVERIFY(a.isFinished());
        QCOMPARE(a.result().value(), 1);
        QCOMPARE(b.result().value(), 2);
    }

    void errorsBecomeOutcomes()
    {
        Worker worker;
        auto f = worker.run<int>([](TaskContext &) -> int {
            throw Error(Error::Kind::Conflict, QStringLiteral("busy"), {}, {}, QStringLiteral("55P03"));
        });
        QTRY_VERIFY(f.isFinished());
        QVERIFY(!f.result().ok());
        QCOMPARE(f.result().error().kind(), Error::Kind::Conflict);
        QCOMPARE(f.result().error().sqlstate(), QStringLiteral("55P03"));
    }

    void cancelReachesRunningAndQueuedTasks()
    {
        Worker worker;
        QSemaphore started;
        std::atomic_bool secondRan{false};
        auto first = worker.run<int>([&started](TaskContext &ctx) {
            started.release();
            while (!ctx.isCancelled())
                QThread::msleep(5);
            ctx.throwIfCancelled();
            return 0;
        });
        auto second = worker.run<int>([&secondRan](TaskContext &) {
            secondRan = true;
            return 0;
        });
        started.acquire(); // the first task runs, the second waits in the queue
        worker.cancel();
        QTRY_VERIFY(second.isFinished());
        QVERIFY(first.result().cancelled());
        QVERIFY(second.result().cancelled());
        QVERIFY(!secondRan);

        // A later task is not affected by an earlier cancel.
        auto third = worker.run<int>([](TaskContext &ctx) { return ctx.isCancelled() ? -1 : 3; });
        QTRY_VERIFY(third.isFinished());
        QCOMPARE(third.result().value(), 3);
    }

    void progressTravelsThroughTheFuture()
    {
        Worker worker;
        auto f = worker.run<int>([](TaskContext &ctx) {
            ctx.progress(7, 10, QStringLiteral("seven"));
            return 0;
        });
        QTRY_VERIFY(f.isFinished());
        QCOMPARE(f.progressMaximum(), 10);
        QCOMPARE(f.progressValue(), 7);
        QCOMPARE(f.progressText(), QStringLiteral("seven"));
    }

    // The progress callback sees every report's figures together (never a value with
    // another report's text), in order, and always the latest, before the future ends.
    void progressCallbackIsCoalescedNeverStale()
    {
        Worker worker;
        QList<QPair<int, QString>> seen;
        // What had arrived when the watcher said the task finished. (isFinished() turns true
        // on the worker's thread, before the queued deliveries run here; the signal comes
        // after them.)
        int lastAtFinish = -1;
        bool finished = false;
        QFutureWatcher<Outcome<int>> watcher;
        connect(&watcher, &QFutureWatcherBase::finished, this, [&] {
            finished = true;
            lastAtFinish = seen.isEmpty() ? 0 : seen.last().first;
        });
        watcher.setFuture(worker.run<int>(
            [](TaskContext &ctx) {
                for (int i = 1; i <= 5000; ++i)
                    ctx.progress(i, 5000, QString::number(i));
                return 0;
            },
            false, [&seen](int done, int total, const QString &text) {
                QCOMPARE(total, 5000);
                seen.append({done, text});
            }));
        QTRY_VERIFY(finished);
        QCOMPARE(lastAtFinish, 5000);
        QVERIFY(!seen.isEmpty());
        for (int i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i].second, QString::number(seen[i].first));
            if (i > 0)
                QVERIFY(seen[i].first > seen[i - 1].first);
        }
        QCOMPARE(seen.last().first, 5000);
        QVERIFY2(seen.size() < 5000, "reports coalesce while one is on its way");
    }

    // Two reports in quick succession and then a long wait (two weeks ending together,
    // the third still running): the second is shown while the task still runs.
    void progressBeforeALongWaitIsNotHeldBack()
    {
        Worker worker;
        QSemaphore reported, release;
        int last = -1;
        auto f = worker.run<int>(
            [&](TaskContext &ctx) {
                ctx.progress(1, 3, QStringLiteral("1 of 3"));
                ctx.progress(2, 3, QStringLiteral("2 of 3"));
                reported.release();
                release.acquire();
                return 0;
            },
            false, [&last](int done, int, const QString &) { last = done; });
        reported.acquire();
        QTRY_COMPARE(last, 2);
        QVERIFY(!f.isFinished());
        release.release();
        QTRY_VERIFY(f.isFinished());
    }
};

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
