// Finding one value in many databases (familyfind.h).
#include "core/find/familyfind.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace statescope::find {

void FamilyFind::run(const QList<browse::FamilyQuery::Target> &targets, const Needle &needle,
                     const Finder::Options &options, int parallelism,
                     const std::function<bool(const FindEvent &)> &sink, CancelToken &cancel)
{
    if (parallelism < 1 || parallelism > 16)
        throw Error::invalidInput(tr("%1 databases at once is out of range: 1 to 16.").arg(parallelism));
    std::mutex lock;
    std::atomic_bool stopped{false};
    std::atomic<int> next{0};
    const auto deliver = [&](const FindEvent &e) {
        std::lock_guard guard(lock);
        if (stopped)
            return false;
        if (!sink(e)) {
            stopped = true;
            cancel.cancel();
            return false;
        }
        return true;
    };
    const auto work = [&] {
        for (;;) {
            const int i = next++;
            if (i >= targets.size() || stopped || cancel.isCancelled())
                return;
            const browse::FamilyQuery::Target &t = targets[i];
            FindEvent head;
            head.target = i;
            head.label = t.label;
            head.database = t.database;
            head.server = t.server;
            if (!t.unavailable.isEmpty()) {
                FindEvent failed = head;
                failed.kind = FindEvent::Kind::Failed;
                failed.error = t.unavailable;
                if (!deliver(failed))
                    return;
                continue;
            }
            try {
                auto conn = pg::Connection::open(t.settings, pg::Connection::Access::ReadOnly, &cancel);
                if (!options.layoutFile.isEmpty())
                    layout::applyFile(*conn, options.layoutFile);
                const QList<Lookup> lookups = Finder::plan(*conn, needle);
                int ran = 0;
                for (const Lookup &l : lookups) {
                    if (l.indexed || options.scan) {
                        ++ran;
                        continue;
                    }
                    FindEvent skipped = head;
                    skipped.kind = FindEvent::Kind::NotSearched;
                    skipped.lookup = l;
                    if (!deliver(skipped))
                        return;
                }
                CancelToken &token = cancel;
                TaskContext ctx(token, {});
                bool go = true;
                Finder::run(*conn, lookups, options, [&](const Hit &h) {
                    if (!go)
                        return;
                    FindEvent found = head;
                    found.kind = FindEvent::Kind::Hit;
                    found.hit = h;
                    go = deliver(found);
                }, &ctx);
                if (!go)
                    return;
                FindEvent done = head;
                done.kind = FindEvent::Kind::Done;
                done.lookups = ran;
                if (!deliver(done))
                    return;
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled || cancel.isCancelled())
                    return;
                FindEvent failed = head;
                failed.kind = FindEvent::Kind::Failed;
                failed.error = e.oneLine();
                if (!deliver(failed))
                    return;
            }
        }
    };
    std::vector<std::thread> threads;
    const int n = std::min<int>(parallelism, int(targets.size()));
    for (int k = 0; k < n; ++k)
        threads.emplace_back(work);
    for (std::thread &th : threads)
        th.join();
    if (cancel.isCancelled() && !stopped)
        throw Error::cancelled();
}

} // namespace statescope::find
