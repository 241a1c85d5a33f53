#include "core/pg/connectionslot.h"
#include "models/eventtablemodel_p.h"

#include <algorithm>

// The loaded run and the virtual rows around it (how answers land), and the fetch
// itself, which runs on the model's worker thread.

namespace statescope::models {

using events::EventKey;
using events::EventRow;
using events::EventStore;

bool newerEvent(const EventRow &a, const EventRow &b)
{
    if (a.time.isEmpty() != b.time.isEmpty())
        return !a.time.isEmpty();
    // The server writes times in one format (UTC, trailing zeros of the fraction
    // dropped), in which text order is time order.
    if (a.time != b.time)
        return a.time > b.time;
    return a.id > b.id;
}

EventTableModel::Ready EventTableModel::runFetch(pg::ConnectionSlot &slot,
                                                 const events::EventFilter &filter, const Fetch &f,
                                                 TaskContext &ctx)
{
    pg::ConnectionSlot::Lease conn(slot, ctx.cancelToken());
    EventStore store(*conn);
    Ready r;
    switch (f.kind) {
    case Fetch::Kind::Start:
        r.estimate = store.estimateCount(filter);
        r.scale = store.timeScale(filter);
        r.maxId = store.maxId();
        r.rows = store.page(filter, std::nullopt, EventStore::Direction::Older, f.limit);
        break;
    case Fetch::Kind::Forward:
        r.rows = store.page(filter, f.key, EventStore::Direction::Older, f.limit);
        break;
    case Fetch::Kind::Backward:
        r.rows = store.page(filter, f.key, EventStore::Direction::Newer, f.limit);
        break;
    case Fetch::Kind::AtTime:
        r.rows = f.time ? store.pageAt(filter, *f.time, f.limit) : std::vector<events::EventRow>{};
        if (r.rows.empty()) // nothing that old matches: show the oldest instead
            r.rows = store.page(filter, std::nullopt, EventStore::Direction::Newer, f.limit);
        break;
    case Fetch::Kind::AtEvent: {
        r.event = store.row(f.id);
        if (!r.event)
            throw Error(Error::Kind::NotFound,
                        EventTableModel::tr("There is no event %1.").arg(f.id));
        // The page that starts with the event itself: keys just above it.
        const EventKey key{r.event->time, r.event->id + 1};
        r.rows = store.page(filter, key, EventStore::Direction::Older, f.limit);
        break;
    }
    case Fetch::Kind::Bottom:
        r.rows = store.page(filter, std::nullopt, EventStore::Direction::Newer, f.limit);
        break;
    case Fetch::Kind::Tail:
        r.rows = store.arrivedAfter(filter, f.id, 1000);
        break;
    }
    return r;
}

void EventTableModel::apply(const Fetch &f, const std::vector<EventRow> &rows)
{
    if (f.kind == Fetch::Kind::Backward || f.kind == Fetch::Kind::Bottom)
        applyBackward(f, rows);
    else
        applyForward(f, rows);
}

void EventTableModel::applyForward(const Fetch &f, const std::vector<EventRow> &rows)
{
    const int got = int(rows.size());
    if (f.kind != Fetch::Kind::Forward || !f.key || m_rows.empty() || f.run != m_runSerial) {
        // A new run where the view is.
        m_rows.clear();
        m_base = std::clamp(f.target, 0, std::max(0, m_rowCount));
        m_runAtTop = m_base == 0 && f.kind == Fetch::Kind::Forward;
    }
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    const int end = m_base + int(m_rows.size());
    if (m_runAtTop)
        m_known = std::max<qint64>(m_known, end);
    if (got < f.limit && m_runAtTop && !m_countExact) {
        // Read from the newest to the last without a gap: that is the count.
        m_count = end;
        m_countExact = true;
        emit countChanged(m_count, m_countExact);
    }
    if (got < f.limit)
        resizeVirtual(end); // the last event is loaded: the table ends here
    else if (end + kPage > m_rowCount)
        resizeVirtual(end + kPage); // more than the estimate said: make room to scroll on
    trim(true);
}

void EventTableModel::applyBackward(const Fetch &f, const std::vector<EventRow> &rows)
{
    const int got = int(rows.size());
    if (f.kind == Fetch::Kind::Bottom) {
        m_rows.assign(rows.begin(), rows.end());
        if (m_rowCount < got)
            resizeVirtual(got);
        m_base = m_rowCount - got;
        m_runAtTop = m_base == 0;
        return;
    }
    int newBase = m_base - got;
    if (got < f.limit) {
        m_runAtTop = true; // the newest event is loaded: it belongs at row 0
        if (newBase > 0)
            removeVirtualTop(newBase);
        else if (newBase < 0)
            insertVirtualTop(-newBase);
    } else if (newBase < 0) {
        insertVirtualTop(-newBase);
    }
    m_rows.insert(m_rows.begin(), rows.begin(), rows.end());
    m_base -= got;
    if (m_runAtTop)
        m_known = std::max<qint64>(m_known, m_base + qint64(m_rows.size()));
    trim(false);
}

void EventTableModel::insertVirtualTop(int n)
{
    if (n <= 0)
        return;
    beginInsertRows({}, 0, n - 1);
    m_rowCount += n;
    m_base += n;
    endInsertRows();
}

void EventTableModel::removeVirtualTop(int n)
{
    n = std::min(n, m_base);
    if (n <= 0)
        return;
    beginRemoveRows({}, 0, n - 1);
    m_rowCount -= n;
    m_base -= n;
    endRemoveRows();
}

void EventTableModel::resizeVirtual(int newCount)
{
    newCount = std::max(newCount, 0);
    if (newCount > m_rowCount) {
        beginInsertRows({}, m_rowCount, newCount - 1);
        m_rowCount = newCount;
        endInsertRows();
    } else if (newCount < m_rowCount) {
        beginRemoveRows({}, newCount, m_rowCount - 1);
        m_rowCount = newCount;
        while (!m_rows.empty() && m_base + int(m_rows.size()) > newCount)
            m_rows.pop_back();
        if (m_rows.empty())
            m_base = 0;
        endRemoveRows();
    }
}

void EventTableModel::trim(bool keepEnd)
{
    while (int(m_rows.size()) > kMaxCached) {
        if (keepEnd) {
            m_rows.pop_front();
            ++m_base;
            m_runAtTop = false;
        } else {
            m_rows.pop_back();
        }
    }
}

} // namespace statescope::models
