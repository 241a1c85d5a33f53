#include "models/eventtablemodel.h"

#include "core/pg/connectionslot.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace statescope::models {

using events::EventKey;
using events::EventRow;
using events::EventStore;

struct EventTableModel::Fetch
{
    enum class Kind { Start, Forward, Backward, AtTime, AtEvent, Bottom, Tail };
    Kind kind = Kind::Start;
    quint64 generation = 0;
    quint64 run = 0;
    quint64 serial = 0; // the request; only the latest one's answer is used
    int target = 0; // model row of the first row handed back (Forward, AtTime, AtEvent)
    int limit = kPage;
    std::optional<EventKey> key;
    QDateTime time;
    qint64 id = 0;
};

struct EventTableModel::Ready
{
    std::vector<EventRow> rows;
    qint64 estimate = 0;
    events::TimeScale scale;
    qint64 maxId = 0;
    std::optional<EventRow> event; // AtEvent: the event asked for
};

namespace {

bool newer(const EventRow &a, const EventRow &b)
{
    if (a.time.isEmpty() != b.time.isEmpty())
        return !a.time.isEmpty();
    // The server writes times in one format (UTC, trailing zeros of the fraction
    // dropped), in which text order is time order.
    if (a.time != b.time)
        return a.time > b.time;
    return a.id > b.id;
}

} // namespace

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_fetchTimer.setSingleShot(true);
    m_fetchTimer.setInterval(15); // coalesces the rows one paint asks for
    connect(&m_fetchTimer, &QTimer::timeout, this, &EventTableModel::schedule);
    connect(&m_tailTimer, &QTimer::timeout, this, &EventTableModel::pollTail);
}

EventTableModel::~EventTableModel()
{
    m_worker.cancel();
    m_countWorker.cancel();
}

void EventTableModel::setDatabase(const pg::ConnectionSettings &db)
{
    auto prepare = [](pg::Connection &c) { EventStore(c).prepare(); };
    m_slot = std::make_shared<pg::ConnectionSlot>(db, pg::Connection::Access::ReadOnly, prepare);
    m_countSlot = std::make_shared<pg::ConnectionSlot>(db, pg::Connection::Access::ReadOnly, prepare);
    m_worker.cancel();
    m_countWorker.cancel();
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_base = m_rowCount = 0;
    m_count = 0;
    m_countExact = false;
    endResetModel();
    if (m_counting) { // its answer will be dropped: it must not keep a new count from starting
        m_counting = false;
        emit countingChanged(false);
    }
    emit countChanged(0, false);
}

void EventTableModel::setFilter(const events::EventFilter &filter)
{
    m_filter = filter;
    m_worker.cancel();
    m_countWorker.cancel();
    beginResetModel();
    ++m_generation;
    ++m_runSerial;
    m_rows.clear();
    m_base = m_rowCount = 0;
    m_runAtTop = false;
    m_missLo = m_missHi = -1;
    m_inFlight = false;
    m_count = 0; // the last filter's count is not this one's
    m_countExact = false;
    endResetModel();
    if (m_counting) { // its answer will be dropped: it must not keep a new count from starting
        m_counting = false;
        emit countingChanged(false);
    }
    emit countChanged(0, false);
    if (!m_slot)
        return;
    Fetch f;
    f.kind = Fetch::Kind::Start;
    f.limit = kPage + 1;
    submit(f);
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EventRow *EventTableModel::rowAt(int row) const
{
    const int i = row - m_base;
    if (i < 0 || i >= int(m_rows.size()))
        return nullptr;
    return &m_rows[size_t(i)];
}

int EventTableModel::rowOfEvent(qint64 id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return m_base + int(i);
    return -1;
}

QString EventTableModel::cell(const EventRow &r, int column) const
{
    switch (column) {
    case TimeColumn:
        return r.fetchedAt.isValid() ? r.fetchedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                                     : tr("(no time)");
    case EndpointColumn: return r.endpoint;
    case RequestKeyColumn: return r.requestKey;
    case StatusColumn: return r.status < 0 ? QString() : QString::number(r.status);
    case SizeColumn: return QLocale().formattedDataSize(r.storedBytes, 1, QLocale::DataSizeTraditionalFormat);
    case HashColumn: return r.payloadHash.left(12);
    }
    return {};
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount)
        return {};
    const EventRow *r = rowAt(index.row());
    if (!r) {
        if (role == Qt::DisplayRole) {
            noteMiss(index.row());
            return index.column() == TimeColumn ? QStringLiteral("…") : QString();
        }
        if (role == LoadedRole)
            return false;
        return {};
    }
    switch (role) {
    case Qt::DisplayRole: return cell(*r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == HashColumn)
            return r->payloadHash;
        if (index.column() == TimeColumn)
            return QString::fromLatin1(r->time);
        if (index.column() == SizeColumn)
            return tr("%L1 bytes as stored (compressed when large)").arg(r->storedBytes);
        return cell(*r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole: return r->id;
    case LoadedRole: return true;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Fetched at (UTC)");
    case EndpointColumn: return tr("Endpoint");
    case RequestKeyColumn: return tr("Request key");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case HashColumn: return tr("Payload hash");
    }
    return {};
}

void EventTableModel::noteMiss(int row) const
{
    m_missLo = m_missLo < 0 ? row : std::min(m_missLo, row);
    m_missHi = std::max(m_missHi, row);
    if (!m_fetchTimer.isActive())
        m_fetchTimer.start();
}

void EventTableModel::schedule()
{
    if (m_inFlight || !m_slot || m_missLo < 0)
        return;
    const int lo = std::clamp(m_missLo, 0, std::max(0, m_rowCount - 1));
    const int hi = std::clamp(m_missHi, lo, std::max(0, m_rowCount - 1));
    m_missLo = m_missHi = -1;
    const int runBegin = m_base, runEnd = m_base + int(m_rows.size());
    Fetch f;
    f.run = m_runSerial;
    if (m_rows.empty()) {
        anchorAt(lo);
        return;
    }
    if (hi < runBegin && hi >= runBegin - kPage) {
        f.kind = Fetch::Kind::Backward;
        f.key = EventKey::of(m_rows.front());
        f.limit = std::max(kPage, runBegin - lo) + 1; // one more: tells whether the top is reached
    } else if (lo >= runEnd && lo <= runEnd + kPage) {
        f.kind = Fetch::Kind::Forward;
        f.key = EventKey::of(m_rows.back());
        f.target = runEnd;
        f.limit = std::max(kPage, hi - runEnd + 1) + 1;
    } else if (lo < runBegin && hi >= runBegin) {
        f.kind = Fetch::Kind::Backward; // straddles the top of the run: fill above first
        f.key = EventKey::of(m_rows.front());
        f.limit = std::max(kPage, runBegin - lo) + 1; // one more: tells whether the top is reached
    } else if (lo < runEnd && hi >= runEnd) {
        f.kind = Fetch::Kind::Forward;
        f.key = EventKey::of(m_rows.back());
        f.target = runEnd;
        f.limit = std::max(kPage, hi - runEnd + 1) + 1;
    } else if (lo >= runBegin && hi < runEnd) {
        return; // loaded meanwhile
    } else {
        anchorAt(lo);
        return;
    }
    submit(f);
}

void EventTableModel::anchorAt(int row)
{
    ++m_runSerial;
    Fetch f;
    f.run = m_runSerial;
    f.target = row;
    if (row == 0) {
        f.kind = Fetch::Kind::Forward;
        f.limit = kPage + 1;
    } else if (m_countExact && row >= m_rowCount - kPage) {
        f.kind = Fetch::Kind::Bottom;
        f.limit = m_rowCount - row;
    } else {
        f.kind = Fetch::Kind::AtTime;
        f.limit = kPage + 1;
        f.time = m_scale.timeAtFractionFromTop(m_rowCount > 0 ? double(row) / m_rowCount : 0);
        if (!f.time.isValid()) {
            f.kind = Fetch::Kind::Forward; // no scale (empty table): from the top
            f.target = 0;
        }
    }
    submit(f);
}

void EventTableModel::submit(const Fetch &fetch)
{
    Fetch f = fetch;
    f.generation = m_generation;
    f.serial = ++m_requestSerial;
    setInFlight(true);
    auto slot = m_slot;
    const events::EventFilter filter = m_filter;
    auto *watcher = new QFutureWatcher<Outcome<Ready>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, f] {
        const Outcome<Ready> out = watcher->result();
        watcher->deleteLater();
        if (f.generation != m_generation || f.serial != m_requestSerial)
            return; // an answer for another filter, database, or a superseded request
        setInFlight(false);
        if (!out.ok()) {
            if (!out.cancelled())
                emit failed(out.error());
            return;
        }
        const Ready &r = out.value();
        if (f.kind == Fetch::Kind::Start) {
            if (!m_countExact) // an exact count may have come back first
                m_count = r.estimate;
            m_scale = r.scale;
            m_watermark = r.maxId;
            beginResetModel();
            m_rows.assign(r.rows.begin(), r.rows.end());
            m_base = 0;
            m_runAtTop = true;
            const int got = int(r.rows.size());
            if (got < f.limit)
                m_rowCount = got;
            else if (m_countExact)
                m_rowCount = int(std::min<qint64>(m_count, INT_MAX / 2));
            else
                m_rowCount = int(std::clamp<qint64>(r.estimate, got + kPage, INT_MAX / 2));
            if (got < f.limit) {
                m_count = got;
                m_countExact = true;
            }
            endResetModel();
            emit countChanged(m_count, m_countExact);
        } else if (f.kind == Fetch::Kind::Tail) {
            std::vector<EventRow> fresh;
            for (const EventRow &row : r.rows) {
                m_watermark = std::max(m_watermark, row.id);
                fresh.push_back(row);
            }
            std::sort(fresh.begin(), fresh.end(), newer);
            if (!fresh.empty()) {
                m_count += qint64(fresh.size());
                int shown = 0;
                if (m_runAtTop && m_base == 0) {
                    std::vector<EventRow> top;
                    for (const EventRow &row : fresh)
                        if (m_rows.empty() || newer(row, m_rows.front()))
                            top.push_back(row);
                    shown = int(top.size());
                    if (shown > 0) {
                        beginInsertRows({}, 0, shown - 1);
                        m_rows.insert(m_rows.begin(), top.begin(), top.end());
                        m_rowCount += shown;
                        endInsertRows();
                        trim(false);
                    }
                } else {
                    shown = int(fresh.size());
                    insertVirtualTop(shown);
                }
                emit countChanged(m_count, m_countExact);
                emit arrived(shown);
            }
        } else {
            if (f.kind == Fetch::Kind::AtEvent && r.event) {
                Fetch placed = f;
                placed.target = r.event->time.isEmpty()
                    ? std::max(0, m_rowCount - kPage)
                    : int(m_scale.fractionFromTop(r.event->fetchedAt) * m_rowCount);
                placed.target = std::clamp(placed.target, 0, std::max(0, m_rowCount - 1));
                apply(placed, r.rows);
                const int row = rowOfEvent(r.event->id);
                emit jumped(row >= 0 ? row : placed.target);
            } else {
                apply(f, r.rows);
                if (f.kind == Fetch::Kind::AtTime && f.id == -1)
                    emit jumped(f.target);
            }
        }
        // Let the view ask again for whatever it shows now that is still missing. Rows read
        // while we notified (a model tester, a proxy checking neighbours) are no view
        // painting: fetching them would drag the run away from what is shown.
        if (m_rowCount > 0)
            emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1), {Qt::DisplayRole});
        m_missLo = m_missHi = -1;
        schedule();
    });
    watcher->setFuture(m_worker.run<Ready>([slot, filter, f](TaskContext &ctx) {
        pg::ConnectionSlot::Lease conn(*slot, ctx.cancelToken());
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
            r.rows = store.pageAt(filter, f.time, f.limit);
            if (r.rows.empty()) // nothing that old matches: show the oldest instead
                r.rows = store.page(filter, std::nullopt, EventStore::Direction::Newer, f.limit);
            break;
        case Fetch::Kind::AtEvent: {
            r.event = store.row(f.id);
            if (!r.event)
                throw Error(Error::Kind::NotFound, EventTableModel::tr("There is no event %1.").arg(f.id));
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
    }));
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

void EventTableModel::setInFlight(bool on)
{
    if (m_inFlight == on)
        return;
    m_inFlight = on;
    emit loadingChanged(on);
}

void EventTableModel::jumpToTime(const QDateTime &t)
{
    if (!m_slot || !t.isValid())
        return;
    m_worker.cancel();
    m_inFlight = false;
    ++m_runSerial;
    Fetch f;
    f.kind = Fetch::Kind::AtTime;
    f.run = m_runSerial;
    f.time = t;
    f.id = -1; // marks a jump the view should follow
    f.limit = kPage + 1;
    f.target = std::clamp(int(m_scale.fractionFromTop(t) * m_rowCount), 0, std::max(0, m_rowCount - 1));
    submit(f);
}

void EventTableModel::jumpToEvent(qint64 id)
{
    if (!m_slot)
        return;
    const int loaded = rowOfEvent(id);
    if (loaded >= 0) {
        emit jumped(loaded);
        return;
    }
    m_worker.cancel();
    m_inFlight = false;
    ++m_runSerial;
    Fetch f;
    f.kind = Fetch::Kind::AtEvent;
    f.run = m_runSerial;
    f.id = id;
    f.limit = kPage + 1;
    submit(f);
}

void EventTableModel::countExactly()
{
    if (!m_countSlot || m_counting)
        return;
    m_counting = true;
    emit countingChanged(true);
    auto slot = m_countSlot;
    const events::EventFilter filter = m_filter;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Outcome<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        const Outcome<qint64> out = watcher->result();
        watcher->deleteLater();
        if (generation != m_generation)
            return; // another filter's: setFilter() already let another count start
        m_counting = false;
        emit countingChanged(false);
        if (!out.ok()) {
            if (!out.cancelled())
                emit failed(out.error());
            return;
        }
        m_count = out.value();
        m_countExact = true;
        if (m_runAtTop || m_rows.empty())
            resizeVirtual(int(std::min<qint64>(m_count, INT_MAX / 2)));
        emit countChanged(m_count, true);
    });
    watcher->setFuture(m_countWorker.run<qint64>([slot, filter](TaskContext &ctx) {
        pg::ConnectionSlot::Lease conn(*slot, ctx.cancelToken());
        return EventStore(*conn).exactCount(filter);
    }));
}

void EventTableModel::cancelCount()
{
    m_countWorker.cancel();
}

void EventTableModel::setLiveTail(bool on, int intervalMs)
{
    if (on)
        m_tailTimer.start(intervalMs);
    else
        m_tailTimer.stop();
}

void EventTableModel::pollTail()
{
    if (m_inFlight || !m_slot)
        return;
    Fetch f;
    f.kind = Fetch::Kind::Tail;
    f.id = m_watermark;
    submit(f);
}

} // namespace statescope::models
