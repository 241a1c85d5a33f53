#include "models/rowgridmodel.h"

#include "core/format.h"
#include "core/pg/connection.h"

#include <QBrush>
#include <QFont>
#include <QFutureWatcher>
#include <QPalette>
#include <QGuiApplication>

#include <algorithm>
#include <climits>

namespace statescope::models {

using browse::Row;

// What one open() keeps on the worker's thread: its connection, the table's row source,
// the cursor (keyless relations and queries). Only worker tasks touch it.
struct RowGridModel::Session
{
    std::unique_ptr<pg::Connection> conn;
    std::unique_ptr<browse::RowSource> src;
    std::unique_ptr<browse::QueryCursor> cursor;
    ~Session()
    {
        cursor.reset(); // its transaction ends before the connection does
        src.reset();
        conn.reset();
    }
};

struct RowGridModel::Fetch
{
    enum class Kind { Open, Start, Forward, Backward, End, Near, Range, Count };
    Kind kind = Kind::Start;
    quint64 generation = 0;
    int target = 0;        // where the rows go: Near, End, Range
    double fraction = 0;   // Near
    std::optional<browse::Position> from;
    int limit = kPage;
};

struct RowGridModel::Ready
{
    std::vector<Row> rows;
    bool nearFailed = false;          // no histogram: move step by step instead
    qint64 estimate = -1;
    qint64 exactCount = -1;
    std::optional<qint64> cursorTotal;
    // Open only
    std::shared_ptr<const browse::RelationDetails> details;
    QStringList columns, types;
    bool keyed = false;
};

namespace {

// A query's rows as the grid holds them (no key; long cells cut).
std::vector<Row> rowsOf(const pg::Result &r)
{
    std::vector<Row> out;
    out.reserve(size_t(r.rowCount()));
    for (int i = 0; i < r.rowCount(); ++i) {
        Row row;
        row.byteSizes.assign(size_t(r.columnCount()), -1);
        for (int c = 0; c < r.columnCount(); ++c) {
            if (r.isNull(i, c)) {
                row.cells.emplace_back(std::nullopt);
                row.cut.push_back(false);
                continue;
            }
            QByteArray v = r.bytes(i, c);
            bool cut = false;
            if (v.size() > Row::kCellChars) {
                const QString t = QString::fromUtf8(v);
                if (t.size() > Row::kCellChars) {
                    v = t.left(Row::kCellChars).toUtf8();
                    cut = true;
                }
            }
            row.cells.emplace_back(std::move(v));
            row.cut.push_back(cut);
        }
        out.push_back(std::move(row));
    }
    return out;
}

// The cancel token of the task is the connection's while the task runs.
struct Bound
{
    Bound(pg::Connection &c, CancelToken &t) : conn(c) { conn.bindCancelToken(&t); }
    ~Bound() { conn.bindCancelToken(nullptr); }
    pg::Connection &conn;
};

} // namespace

RowGridModel::RowGridModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_missTimer.setSingleShot(true);
    m_missTimer.setInterval(0);
    connect(&m_missTimer, &QTimer::timeout, this, &RowGridModel::fetchMissing);
    connect(&m_worker, &Worker::serverAddress, this, [this](const QString &address) {
        if (address == m_address)
            return;
        m_address = address;
        emit serverAddressChanged(address);
    });
    // An open that lost its connection and succeeded on a new one (queued before its result).
    connect(&m_worker, &Worker::reconnected, this, [this](const QString &from, const QString &, const QString &why) {
        if (m_lostFrom.isEmpty()) {
            m_lostFrom = from;
            m_lostWhy = why;
        }
    });
}

RowGridModel::~RowGridModel()
{
    close();
}

void RowGridModel::close()
{
    m_worker.cancel();
    ++m_generation;
    if (m_session) {
        // Ended on the worker's thread: closing a cursor is a round trip to the server.
        std::shared_ptr<Session> old = std::move(m_session);
        m_worker.run<int>([old](TaskContext &) mutable {
            old.reset();
            return 0;
        });
    }
    beginResetModel();
    m_open = false;
    m_keyed = false;
    m_details.reset();
    m_columns.clear();
    m_types.clear();
    m_rows.clear();
    m_base = m_rowCount = 0;
    m_count = 0;
    m_exact = false;
    m_missLo = m_missHi = -1;
    endResetModel();
    setInFlight(false);
}

void RowGridModel::cancel()
{
    m_worker.cancel();
}

void RowGridModel::setInFlight(bool on)
{
    if (m_inFlight == on)
        return;
    m_inFlight = on;
    emit loadingChanged(on);
}

void RowGridModel::openTable(const pg::ConnectionSettings &db, const QString &schema,
                             const QString &name, const QList<browse::Filter> &filters,
                             const browse::Order &order)
{
    close();
    m_reopen = [this, db, schema, name, filters, order] { openTable(db, schema, name, filters, order); };
    m_filters = filters;
    m_order = order;
    m_session = std::make_shared<Session>();
    Fetch f;
    f.kind = Fetch::Kind::Open;
    f.generation = m_generation;
    const auto session = m_session;
    setInFlight(true);
    auto *watcher = new QFutureWatcher<Outcome<Ready>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, f] {
        const Outcome<Ready> out = watcher->result();
        watcher->deleteLater();
        if (f.generation != m_generation)
            return;
        setInFlight(false);
        const bool reopened = m_reopening;
        m_reopening = false;
        if (!out.ok()) {
            m_lostFrom.clear();
            return emit failed(out.error());
        }
        apply(f, out.value());
        if (!m_lostFrom.isEmpty() || reopened) {
            const QString from = m_lostFrom, why = m_lostWhy;
            m_lostFrom.clear();
            emit reconnected(from, m_address, why);
        }
    });
    // Only reads: run again on a new connection when the first is lost on the way.
    watcher->setFuture(m_worker.run<Ready>([session, db, schema, name, filters, order](TaskContext &ctx) {
        session->conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
        Bound bound(*session->conn, ctx.cancelToken());
        auto details = std::make_shared<browse::RelationDetails>(browse::readDetails(*session->conn, schema, name));
        session->src = std::make_unique<browse::RowSource>(*session->conn, *details);
        browse::RowSource &src = *session->src;
        src.checkValues(filters);
        src.check(filters, order);
        Ready r;
        r.details = details;
        r.keyed = src.keyed();
        for (const browse::ColumnInfo &c : details->columns) {
            r.columns << c.name;
            r.types << c.type;
        }
        r.estimate = src.estimateCount(filters);
        if (r.keyed) {
            const auto page = src.page(filters, order, std::nullopt, false, kPage + 1);
            r.rows.assign(page.begin(), page.end());
        } else {
            const auto [sql, params] = src.selectAll(filters, order);
            session->cursor = std::make_unique<browse::QueryCursor>(*session->conn, sql, params);
            const auto page = src.readRows(session->cursor->next(kPage + 1), 0);
            r.rows.assign(page.begin(), page.end());
            r.cursorTotal = session->cursor->total();
        }
        return r;
    }, true));
}

void RowGridModel::openQuery(const pg::ConnectionSettings &db, const QString &select, int timeoutMs)
{
    close();
    m_reopen = nullptr; // typed SQL is run again by the person, not by us
    m_session = std::make_shared<Session>();
    Fetch f;
    f.kind = Fetch::Kind::Open;
    f.generation = m_generation;
    const auto session = m_session;
    setInFlight(true);
    auto *watcher = new QFutureWatcher<Outcome<Ready>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, f] {
        const Outcome<Ready> out = watcher->result();
        watcher->deleteLater();
        if (f.generation != m_generation)
            return;
        setInFlight(false);
        if (!out.ok())
            return emit failed(out.error());
        apply(f, out.value());
    });
    watcher->setFuture(m_worker.run<Ready>([session, db, select, timeoutMs](TaskContext &ctx) {
        session->conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
        Bound bound(*session->conn, ctx.cancelToken());
        session->cursor = std::make_unique<browse::QueryCursor>(
            *session->conn, select, std::vector<pg::Param>{}, timeoutMs, browse::QueryCursor::Origin::User);
        const pg::Result first = session->cursor->next(kPage + 1);
        Ready r;
        for (int c = 0; c < first.columnCount(); ++c)
            r.columns << first.columnName(c);
        r.rows = rowsOf(first);
        r.cursorTotal = session->cursor->total();
        return r;
    }));
}

void RowGridModel::submit(const Fetch &f)
{
    if (!m_session)
        return;
    const auto session = m_session;
    const std::shared_ptr<const browse::RelationDetails> details = m_details;
    const QList<browse::Filter> filters = m_filters;
    const browse::Order order = m_order;
    if (f.kind != Fetch::Kind::Count)
        setInFlight(true);
    auto *watcher = new QFutureWatcher<Outcome<Ready>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, f] {
        const Outcome<Ready> out = watcher->result();
        watcher->deleteLater();
        if (f.generation != m_generation)
            return;
        if (f.kind != Fetch::Kind::Count)
            setInFlight(false);
        if (!out.ok()) {
            // The connection went (a failover): the table is opened again, on whichever
            // host now takes it, with its filters and order.
            if (out.error().kind() == Error::Kind::Connection && !out.error().isAuthentication() && m_reopen
                && !m_reopening) {
                m_lostFrom = m_address;
                m_lostWhy = out.error().message();
                const auto reopen = m_reopen;
                reopen();
                m_reopening = true;
                return;
            }
            if (!out.cancelled())
                emit failed(out.error());
            return;
        }
        apply(f, out.value());
        if (f.kind != Fetch::Kind::Count)
            fetchMissing(); // what else the view asked for meanwhile
    });
    watcher->setFuture(m_worker.run<Ready>([session, f, filters, order](TaskContext &ctx) {
        Ready r;
        if (!session->conn)
            return r;
        Bound bound(*session->conn, ctx.cancelToken());
        browse::RowSource *src = session->src.get();
        auto keep = [&r](const QList<Row> &rows) { r.rows.assign(rows.begin(), rows.end()); };
        switch (f.kind) {
        case Fetch::Kind::Count:
            r.exactCount = src->exactCount(filters);
            break;
        case Fetch::Kind::Start:
            keep(src->page(filters, order, std::nullopt, false, f.limit));
            break;
        case Fetch::Kind::Forward:
            keep(src->page(filters, order, f.from, false, f.limit));
            break;
        case Fetch::Kind::Backward:
            keep(src->page(filters, order, f.from, true, f.limit));
            break;
        case Fetch::Kind::End:
            keep(src->page(filters, order, std::nullopt, true, f.limit));
            break;
        case Fetch::Kind::Near:
            if (const auto rows = src->pageNear(filters, order, f.fraction, f.limit))
                keep(*rows);
            else
                r.nearFailed = true;
            break;
        case Fetch::Kind::Range: {
            const pg::Result res = session->cursor->fetch(f.target, f.limit);
            if (src)
                keep(src->readRows(res, 0));
            else
                r.rows = rowsOf(res);
            r.cursorTotal = session->cursor->total();
            break;
        }
        case Fetch::Kind::Open:
            break;
        }
        return r;
    }));
}

void RowGridModel::countExactly()
{
    if (!m_keyed && !m_details)
        return;
    Fetch f;
    f.kind = Fetch::Kind::Count;
    f.generation = m_generation;
    submit(f);
}

void RowGridModel::apply(const Fetch &f, const Ready &r)
{
    auto exactAt = [this](int rows) {
        m_rowCount = rows;
        m_count = rows;
        m_exact = true;
    };
    switch (f.kind) {
    case Fetch::Kind::Open: {
        beginResetModel();
        m_open = true;
        m_details = r.details;
        m_keyed = r.keyed;
        m_columns = r.columns;
        m_types = r.types;
        m_rows = r.rows;
        m_base = 0;
        const int got = int(m_rows.size());
        const bool all = got <= kPage || r.cursorTotal.has_value();
        if (got > kPage)
            m_rows.resize(kPage);
        if (all && got <= kPage) {
            exactAt(got);
        } else if (r.cursorTotal) {
            exactAt(int(std::min<qint64>(*r.cursorTotal, INT_MAX / 2)));
        } else {
            m_count = std::max<qint64>(r.estimate, got);
            m_exact = false;
            // A query's count is not known until its end: rows appear as they are read.
            // The planner's estimate when there is one (reading on past it extends the
            // count; the end makes it exact); a query's rows appear as they are read.
            m_rowCount = r.estimate > 0 ? int(std::clamp<qint64>(r.estimate, got, INT_MAX / 2))
                                        : got + kPage;
        }
        endResetModel();
        emit countChanged(m_count, m_exact);
        emit opened();
        return;
    }
    case Fetch::Kind::Count:
        m_count = r.exactCount;
        m_exact = true;
        if (m_keyed && m_count != m_rowCount) {
            beginResetModel();
            m_rowCount = int(std::min<qint64>(m_count, INT_MAX / 2));
            m_base = std::min(m_base, std::max(0, m_rowCount - int(m_rows.size())));
            endResetModel();
        }
        emit countChanged(m_count, true);
        return;
    case Fetch::Kind::Near:
        if (r.nearFailed) {
            // No histogram: walk forward from what is loaded instead.
            Fetch next;
            next.kind = m_rows.empty() ? Fetch::Kind::Start : Fetch::Kind::Forward;
            next.generation = m_generation;
            if (!m_rows.empty())
                next.from = browse::Position{m_rows.back().sortValue, m_rows.back().key};
            next.limit = kPage * 4;
            submit(next);
            return;
        }
        [[fallthrough]];
    default:
        break;
    }
    const int got = int(r.rows.size());
    // The rows move in memory, not in the view: the count changes at the end (inserted or
    // removed rows), and the rows shown are told to repaint. No reset: the view keeps its
    // place and selection, and asks again only for what it shows.
    int count = m_rowCount;
    auto exactCount = [&](int rows) {
        count = rows;
        m_count = rows;
        m_exact = true;
    };
    switch (f.kind) {
    case Fetch::Kind::Start:
        m_rows = r.rows;
        m_base = 0;
        if (got < f.limit)
            exactCount(got);
        break;
    case Fetch::Kind::Forward:
        m_rows.insert(m_rows.end(), r.rows.begin(), r.rows.end());
        if (got < f.limit)
            exactCount(m_base + int(m_rows.size()));
        else
            count = std::max(count, m_base + int(m_rows.size()) + (m_exact ? 0 : kPage));
        trim(true);
        break;
    case Fetch::Kind::Backward:
        m_rows.insert(m_rows.begin(), r.rows.begin(), r.rows.end());
        m_base -= got;
        if (got < f.limit || m_base < 0) {
            // The top is reached: positions were estimates; now they are exact from 0.
            const int shift = -m_base;
            m_base = 0;
            if (!m_exact)
                count += shift;
        }
        trim(false);
        break;
    case Fetch::Kind::End:
        m_rows = r.rows;
        if (got < f.limit) {
            m_base = 0;
            exactCount(got);
        } else {
            m_base = std::max(0, count - got);
        }
        break;
    case Fetch::Kind::Near:
        m_rows = r.rows;
        m_base = std::clamp(f.target, 0, std::max(0, count - got));
        break;
    case Fetch::Kind::Range:
        m_rows = r.rows;
        m_base = f.target;
        if (r.cursorTotal)
            exactCount(int(std::min<qint64>(*r.cursorTotal, INT_MAX / 2)));
        else
            count = std::max(count, m_base + got + kPage);
        break;
    default:
        break;
    }
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else if (count < m_rowCount) {
        beginRemoveRows({}, count, m_rowCount - 1);
        m_rowCount = count;
        endRemoveRows();
    }
    // The rows that now hold data; those that left the window are off screen.
    const int last = std::min(m_rowCount, m_base + int(m_rows.size())) - 1;
    if (last >= m_base && !m_columns.isEmpty())
        emit dataChanged(index(m_base, 0), index(last, int(m_columns.size()) - 1));
    emit countChanged(m_count, m_exact);
}

void RowGridModel::trim(bool keepEnd)
{
    const int excess = int(m_rows.size()) - kWindow;
    if (excess <= 0)
        return;
    if (keepEnd) {
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_base += excess;
    } else {
        m_rows.resize(size_t(kWindow));
    }
}

void RowGridModel::fetchMissing()
{
    if (m_inFlight || m_missLo < 0 || !m_open)
        return;
    // The two ends of what was asked for, served one at a time (a view far away and one
    // nearby must not become one page spanning both); the other waits for the next round.
    std::vector<int> pending;
    for (int r : {m_missLo, m_missHi})
        if (!rowAt(r) && (pending.empty() || pending.front() != r))
            pending.push_back(r);
    m_missLo = m_missHi = -1;
    if (pending.empty())
        return;
    const int miss = pending.front();
    if (pending.size() > 1)
        m_missLo = m_missHi = pending[1];
    const int end = m_base + int(m_rows.size());
    Fetch f;
    f.generation = m_generation;
    f.limit = kPage;
    if (!m_keyed) {
        // A cursor reads any window again: on from its end, or around what is asked for.
        f.kind = Fetch::Kind::Range;
        f.target = miss >= end && miss < end + kPage ? end : std::max(0, miss - kPage / 2);
        f.limit = kPage * 2;
    } else if (!m_rows.empty() && miss >= end && miss < end + 2 * kPage) {
        f.kind = Fetch::Kind::Forward;
        f.from = browse::Position{m_rows.back().sortValue, m_rows.back().key};
        f.limit = std::max(kPage, miss - end + 1);
    } else if (!m_rows.empty() && miss < m_base && miss >= m_base - 2 * kPage) {
        f.kind = Fetch::Kind::Backward;
        f.from = browse::Position{m_rows.front().sortValue, m_rows.front().key};
        f.limit = std::max(kPage, m_base - miss);
    } else if (miss < kPage) {
        f.kind = Fetch::Kind::Start;
    } else if (miss >= m_rowCount - kPage) {
        f.kind = Fetch::Kind::End;
    } else {
        f.kind = Fetch::Kind::Near;
        f.target = miss;
        f.fraction = m_rowCount > 0 ? double(miss) / m_rowCount : 0;
    }
    submit(f);
}

} // namespace statescope::models
