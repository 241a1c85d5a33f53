#include "models/eventtablemodel.h"
#include "core/format.h"

#include "core/pg/connectionslot.h"
#include "models/eventtablemodel_p.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QTimeZone>
#include <algorithm>

namespace statescope::models {

using events::EventKey;
using events::EventRow;
using events::EventStore;

namespace {

// A read-only connection kept across tasks, its statements prepared when it opens.
std::shared_ptr<pg::ConnectionSlot> slotFor(const pg::ConnectionSettings &db)
{
    return std::make_shared<pg::ConnectionSlot>(db, pg::Connection::Access::ReadOnly,
                                                [](pg::Connection &c) { EventStore(c).prepare(); });
}

} // namespace

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_fetchTimer.setSingleShot(true);
    m_fetchTimer.setInterval(15); // coalesces the rows one paint asks for
    connect(&m_fetchTimer, &QTimer::timeout, this, &EventTableModel::schedule);
    connect(&m_tailTimer, &QTimer::timeout, this, &EventTableModel::pollTail);
    // Pages and counts only read, through a slot that opens a lost connection again: after a
    // failover they are run again on whichever host now takes them.
    for (Worker *w : {&m_worker, &m_countWorker}) {
        connect(w, &Worker::reconnected, this, &EventTableModel::reconnected);
        connect(w, &Worker::serverAddress, this, [this](const QString &address) {
            if (!m_reconnectWhy.isEmpty()) {
                emit reconnected(m_reconnectFrom, address, std::exchange(m_reconnectWhy, QString()));
                m_reconnectFrom.clear();
            }
            if (address == m_address)
                return;
            m_address = address;
            emit serverAddressChanged(address);
        });
    }
}

EventTableModel::~EventTableModel()
{
    m_worker.cancel();
    m_countWorker.cancel();
}

void EventTableModel::setDatabase(const pg::ConnectionSettings &db)
{
    m_db = db;
    m_reconnectWhy.clear();
    m_slot = slotFor(db);
    m_countSlot = slotFor(db);
    reset();
}

void EventTableModel::reconnect(const QString &why)
{
    if (!m_slot)
        return;
    // The tasks under way keep the slots they hold; what follows gets new ones.
    m_slot = slotFor(m_db);
    m_countSlot = slotFor(m_db);
    m_reconnectFrom = m_address;
    m_reconnectWhy = why;
}

void EventTableModel::clear()
{
    m_reconnectWhy.clear();
    m_slot.reset();
    m_countSlot.reset();
    setLiveTail(false);
    reset();
}

void EventTableModel::reset()
{
    m_worker.cancel();
    m_countWorker.cancel();
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_base = m_rowCount = 0;
    m_count = 0;
    m_countExact = false;
    m_known = 0;
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
    m_answered = false;
    m_missLo = m_missHi = -1;
    m_inFlight = false;
    m_count = 0; // the last filter's count is not this one's
    m_countExact = false;
    m_known = 0;
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
    case IdColumn:
        return QString::number(r.id);
    case TimeColumn:
        return r.fetchedAt.isValid()
                   ? r.fetchedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                   : tr("(no time)");
    case EndpointColumn:
        return r.endpoint;
    case RequestKeyColumn:
        return r.requestKey;
    case StatusColumn:
        return r.status < 0 ? QString() : QString::number(r.status);
    case SizeColumn:
        return format::bytes(r.storedBytes);
    case HashColumn:
        return r.payloadHash.left(12);
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
    case Qt::DisplayRole:
        return cell(*r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == HashColumn)
            return r->payloadHash;
        if (index.column() == TimeColumn)
            return QString::fromLatin1(r->time);
        if (index.column() == SizeColumn)
            return tr("%L1 bytes as stored (compressed when large)").arg(r->storedBytes);
        return cell(*r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == StatusColumn
            || index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return r->id;
    case LoadedRole:
        return true;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TimeColumn:
        return tr("Fetched at (UTC)");
    case EndpointColumn:
        return tr("Endpoint");
    case RequestKeyColumn:
        return tr("Request key");
    case StatusColumn:
        return tr("Status");
    case SizeColumn:
        return tr("Size");
    case HashColumn:
        return tr("Payload hash");
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
        const QDateTime t =
            m_scale.timeAtFractionFromTop(m_rowCount > 0 ? double(row) / m_rowCount : 0);
        if (t.isValid())
            f.time = Timestamp::fromDateTime(t);
        else {
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
            m_answered = true;
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
            m_known = got;
            endResetModel();
            emit countChanged(m_count, m_countExact);
        } else if (f.kind == Fetch::Kind::Tail) {
            std::vector<EventRow> fresh;
            for (const EventRow &row : r.rows) {
                m_watermark = std::max(m_watermark, row.id);
                fresh.push_back(row);
            }
            std::sort(fresh.begin(), fresh.end(), newerEvent);
            if (!fresh.empty()) {
                m_count += qint64(fresh.size());
                m_known += qint64(fresh.size());
                int shown = 0;
                if (m_runAtTop && m_base == 0) {
                    std::vector<EventRow> top;
                    for (const EventRow &row : fresh)
                        if (m_rows.empty() || newerEvent(row, m_rows.front()))
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
                else if (f.kind == Fetch::Kind::AtEvent)
                    emit eventMissing(f.id);
            }
        }
        // Let the view ask again for whatever it shows now that is still missing. Rows read
        // while we notified (a model tester, a proxy checking neighbours) are no view
        // painting: fetching them would drag the run away from what is shown.
        if (m_rowCount > 0)
            emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1),
                             {Qt::DisplayRole});
        m_missLo = m_missHi = -1;
        schedule();
    });
    watcher->setFuture(m_worker.run<Ready>(
        [slot, filter, f](TaskContext &ctx) { return runFetch(*slot, filter, f, ctx); }, true));
}

void EventTableModel::setInFlight(bool on)
{
    if (m_inFlight == on)
        return;
    m_inFlight = on;
    emit loadingChanged(on);
}

void EventTableModel::jumpToTime(const Timestamp &t)
{
    if (!m_slot)
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
    f.target =
        std::clamp(int(m_scale.fractionFromTop(t.toDateTime()) * m_rowCount), 0, std::max(0, m_rowCount - 1));
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
    }, true));
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
