#include "core/task/worker.h"

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
};

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
