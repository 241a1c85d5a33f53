#include "models/rowgridmodel.h"
#include "models/rowgridmodel_p.h"

#include "core/format.h"
#include "core/settings.h"
#include "core/pg/connection.h"

#include <QBrush>
#include <QFont>
#include <QFutureWatcher>
#include <QPalette>
#include <QGuiApplication>

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
    m_holdTimer.setSingleShot(true);
    m_holdMs = settings::cursorHoldSeconds() * 1000;
    connect(&m_holdTimer, &QTimer::timeout, this, &RowGridModel::releaseCursor);
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
    m_placesExact = true;
    m_shift = 0;
    m_missLo = m_missHi = -1;
    m_holdTimer.stop();
    m_cursorHeld = false;
    m_reruns = 0;
    endResetModel();
    setInFlight(false);
}

void RowGridModel::setCursorHold(int ms)
{
    m_holdMs = std::max(0, ms);
}

void RowGridModel::noteCursor(const Ready &ready)
{
    if (ready.reruns > m_reruns) {
        m_reruns = ready.reruns;
        emit rerun(tr("Rows read by running the statement again: its transaction had ended, so that nothing "
                      "stays open on the server between pages. Rows changed since may differ from those "
                      "read before."));
    }
    m_cursorHeld = ready.cursorHeld;
    if (m_cursorHeld)
        m_holdTimer.start(ready.viaPooler ? 0 : m_holdMs);
    else
        m_holdTimer.stop();
}

void RowGridModel::releaseCursor()
{
    if (!m_session || !m_cursorHeld)
        return;
    if (m_inFlight) { // a read under way: the hold starts again after it
        m_holdTimer.start(m_holdMs);
        return;
    }
    m_cursorHeld = false;
    const auto session = m_session;
    m_worker.run<int>([session](TaskContext &) {
        if (session->cursor)
            session->cursor->release();
        return 0;
    });
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
        noteCursor(out.value());
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
            r.cursorHeld = session->cursor->held();
            r.viaPooler = session->cursor->viaPooler();
        }
        return r;
    }, true));
}

void RowGridModel::reopen(const QString &why)
{
    if (!m_reopen || m_reopening || !m_session) // nothing open now (closed since), or a typed query
        return;
    m_lostFrom = m_address;
    m_lostWhy = why;
    const auto again = m_reopen; // openTable replaces m_reopen
    again();
    m_reopening = true;
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
        noteCursor(out.value());
        apply(f, out.value());
    });
    watcher->setFuture(m_worker.run<Ready>([session, db, select, timeoutMs](TaskContext &ctx) {
        session->conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
        Bound bound(*session->conn, ctx.cancelToken());
        session->cursor = std::make_unique<browse::QueryCursor>(
            *session->conn, select, std::vector<pg::Param>{}, timeoutMs, browse::QueryCursor::Origin::User);
        const pg::Result first = session->cursor->next(kPage + 1);
        Ready r;
        for (int c = 0; c < first.columnCount(); ++c) {
            r.columns << first.columnName(c);
            // The built-in numbers by their type's oid (no catalog read): right-aligned, as in
            // the Tables pane, psql and every spreadsheet.
            switch (first.columnType(c)) {
            case 20: r.types << QStringLiteral("bigint"); break;
            case 21: r.types << QStringLiteral("smallint"); break;
            case 23: r.types << QStringLiteral("integer"); break;
            case 26: r.types << QStringLiteral("oid"); break;
            case 700: r.types << QStringLiteral("real"); break;
            case 701: r.types << QStringLiteral("double precision"); break;
            case 1700: r.types << QStringLiteral("numeric"); break;
            default: r.types << QString(); break;
            }
        }
        r.rows = rowsOf(first);
        r.cursorTotal = session->cursor->total();
        r.cursorHeld = session->cursor->held();
        r.viaPooler = session->cursor->viaPooler();
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
    const bool background = f.kind == Fetch::Kind::Count || f.kind == Fetch::Kind::Locate;
    if (!background)
        setInFlight(true);
    auto *watcher = new QFutureWatcher<Outcome<Ready>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, f] {
        const Outcome<Ready> out = watcher->result();
        watcher->deleteLater();
        if (f.generation != m_generation)
            return;
        if (f.kind != Fetch::Kind::Count && f.kind != Fetch::Kind::Locate)
            setInFlight(false);
        if (!out.ok()) {
            // The connection went (a failover): the table is opened again, on whichever
            // host now takes it, with its filters and order.
            if (out.error().kind() == Error::Kind::Connection && !out.error().isAuthentication() && m_reopen
                && !m_reopening) {
                reopen(out.error().message());
                return;
            }
            if (!out.cancelled())
                emit failed(out.error());
            return;
        }
        if (f.kind == Fetch::Kind::Range)
            noteCursor(out.value());
        apply(f, out.value());
        if (f.kind != Fetch::Kind::Count && f.kind != Fetch::Kind::Locate)
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
        case Fetch::Kind::Locate:
            r.before = src->countBefore(filters, order, *f.from);
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
            r.cursorHeld = session->cursor->held();
            r.viaPooler = session->cursor->viaPooler();
            r.reruns = session->cursor->reruns();
            break;
        }
        case Fetch::Kind::Open:
            break;
        }
        return r;
    }));
}

void RowGridModel::locate()
{
    if (!m_keyed || m_rows.empty() || m_placesExact)
        return;
    Fetch f;
    f.kind = Fetch::Kind::Locate;
    f.generation = m_generation;
    f.target = m_base;
    f.from = browse::Position{m_rows.front().sortValue, m_rows.front().key};
    submit(f);
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

} // namespace statescope::models
