#include "copystream.h"

#include "core/pg/connection.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace statescope::demo {

namespace {

constexpr qsizetype kChunkBytes = 1 << 20;
constexpr std::size_t kChunksAhead = 4; // at most this many chunks wait for the server

struct Chunk
{
    QByteArray data; // empty: no more rows
    qint64 rows = 0;
};

// Runs nextRow on its own thread and hands out whole chunks in order. The destructor
// stops the thread (between two rows) and waits for it.
class ChunkPipeline
{
public:
    explicit ChunkPipeline(const std::function<bool(CopyBuffer &)> &nextRow)
        : m_nextRow(nextRow), m_thread([this] { run(); })
    {
    }

    ~ChunkPipeline()
    {
        m_stopRows = true;
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    ChunkPipeline(const ChunkPipeline &) = delete;
    ChunkPipeline &operator=(const ChunkPipeline &) = delete;

    // The next chunk, waiting for it if need be; rethrows what nextRow threw.
    Chunk take()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_finished; });
        if (m_queue.empty()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return {};
        }
        Chunk chunk = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return chunk;
    }

private:
    void run()
    {
        try {
            bool more = true;
            while (more) {
                CopyBuffer buffer;
                Chunk chunk;
                while (buffer.size() < kChunkBytes) {
                    if (m_stopRows) { // the COPY ended early: stop between two rows
                        finish();
                        return;
                    }
                    more = m_nextRow(buffer);
                    if (!more)
                        break;
                    ++chunk.rows;
                }
                chunk.data = buffer.take();
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_queue.size() < kChunksAhead || m_stop; });
                if (m_stop)
                    break;
                if (!chunk.data.isEmpty())
                    m_queue.push_back(std::move(chunk));
                lock.unlock();
                m_changed.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
        }
        finish();
    }

    void finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_changed.notify_all();
    }

    const std::function<bool(CopyBuffer &)> &m_nextRow;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_queue;
    bool m_finished = false;
    bool m_stop = false;
    std::atomic_bool m_stopRows{false}; // read between rows without taking the lock
    std::exception_ptr m_error;
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace

qint64 copyRows(pg::Connection &conn, const QString &copySql,
                const std::function<bool(CopyBuffer &)> &nextRow,
                const std::function<void(qint64)> &afterChunk)
{
    ChunkPipeline pipeline(nextRow);
    qint64 rowsSent = 0;
    bool chunkSent = false;
    std::exception_ptr failure;
    const qint64 rows = conn.copyIn(copySql, [&]() -> QByteArray {
        if (failure)
            return {};
        try {
            // The previous chunk is with the server now: a good moment for the caller.
            if (chunkSent && afterChunk)
                afterChunk(rowsSent);
            Chunk chunk = pipeline.take();
            rowsSent += chunk.rows;
            chunkSent = !chunk.data.isEmpty();
            return chunk.data;
        } catch (...) {
            // Ending the COPY normally keeps the connection usable; the caller's
            // transaction then rolls the rows back when we rethrow below.
            failure = std::current_exception();
            return {};
        }
    });
    if (failure)
        std::rethrow_exception(failure);
    return rows;
}

} // namespace statescope::demo
