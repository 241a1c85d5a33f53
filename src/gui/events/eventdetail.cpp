#include "gui/events/eventdetail.h"

#include "core/pg/connection.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"

#include <algorithm>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using events::EventStore;

namespace {

std::unique_ptr<pg::Connection> openFor(const pg::ConnectionSettings &db, TaskContext &ctx)
{
    auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
    EventStore(*conn).prepare();
    return conn;
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->setVisible(false);
    t->setWordWrap(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) : QObject::tr("(no time)");
}

struct Related
{
    qint64 duplicateCount = 0;
    std::vector<events::EventRow> duplicates;
    events::History history;
};

struct Pair
{
    json::Document a, b;
};

} // namespace

EventDetail::EventDetail(QWidget *parent)
    : QWidget(parent), m_payloadJobs(new JobRunner(this)), m_relatedJobs(new JobRunner(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("eventTabs"));
    layout->addWidget(m_tabs);

    m_json = new JsonView(this);
    m_tabs->addTab(m_json, tr("Payload"));

    auto *dup = new QWidget(this);
    auto *dupLayout = new QVBoxLayout(dup);
    auto *dupTop = new QHBoxLayout;
    m_duplicateCount = new QLabel(dup);
    m_duplicateCount->setObjectName(QStringLiteral("duplicateCount"));
    m_filterHash = new QPushButton(tr("Show them all in the table"), dup);
    m_filterHash->setObjectName(QStringLiteral("filterByHash"));
    connect(m_filterHash, &QPushButton::clicked, this, [this] {
        if (!m_hash.isEmpty())
            emit filterByHash(m_hash);
    });
    dupTop->addWidget(m_duplicateCount, 1);
    dupTop->addWidget(m_filterHash);
    dupLayout->addLayout(dupTop);
    m_duplicates = makeTable({tr("Fetched at"), tr("Event"), tr("Request key")}, dup);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->setToolTip(tr("Double-click to go to the event"));
    connect(m_duplicates, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        emit jumpToEvent(m_duplicates->item(row, 1)->text().toLongLong());
    });
    dupLayout->addWidget(m_duplicates);
    m_tabs->addTab(dup, tr("Duplicates"));

    auto *hist = new QWidget(this);
    auto *histLayout = new QVBoxLayout(hist);
    auto *histTop = new QHBoxLayout;
    m_historyTitle = new QLabel(hist);
    m_historyTitle->setObjectName(QStringLiteral("historyTitle"));
    m_historyBy = new QComboBox(hist);
    m_historyBy->setObjectName(QStringLiteral("historyBy"));
    // Its longest choice whole, in German too: the title beside it gives way instead.
    m_historyBy->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_historyBy->addItem(tr("Same request key"));
    m_historyBy->addItem(tr("Same endpoint"));
    m_historyBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_historyBy, &QComboBox::currentIndexChanged, this, &EventDetail::loadRelated);
    auto *compare = new QPushButton(tr("Diff with previous"), hist);
    compare->setObjectName(QStringLiteral("historyDiff"));
    connect(compare, &QPushButton::clicked, this, [this] { compareHistoryRow(m_history->currentRow()); });
    histTop->addWidget(m_historyTitle, 1);
    histTop->addWidget(m_historyBy);
    histTop->addWidget(compare);
    histLayout->addLayout(histTop);
    m_history = makeTable({tr("First seen"), tr("Last seen"), tr("Fetches"), tr("Status"),
                           tr("Event"), tr("Payload hash")},
                          hist);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setToolTip(tr("Each row is a payload that differs from the one before it. "
                             "Double-click: what changed from the previous payload."));
    connect(m_history, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { compareHistoryRow(row); });
    histLayout->addWidget(m_history);
    m_tabs->addTab(hist, tr("History"));

    m_diff = new DiffView(this);
    m_tabs->addTab(m_diff, tr("Diff"));
}

EventDetail::~EventDetail() = default;

void EventDetail::setDatabase(const pg::ConnectionSettings &db)
{
    m_db = db;
    clear();
}

void EventDetail::clear()
{
    m_payloadJobs->cancel();
    m_relatedJobs->cancel();
    m_id = 0;
    m_hash.clear();
    m_json->clear(tr("no event selected")); // an empty tree, not a null payload
    m_duplicateCount->setText(tr("Select an event."));
    m_duplicates->setRowCount(0);
    m_history->setRowCount(0);
    m_historyTitle->clear();
    m_entries.clear();
    m_diff->clear(); // a diff of another database's events must not stay on screen
}

void EventDetail::showEvent(const events::EventRow &row)
{
    if (row.id == m_id)
        return;
    m_payloadJobs->cancel();
    m_id = row.id;
    m_hash = row.payloadHash;
    const qint64 id = row.id;
    const auto db = m_db;
    m_payloadJobs->start<events::Payload>(
        tr("Loading event %1").arg(id),
        [db, id](TaskContext &ctx) { return EventStore(*openFor(db, ctx)).payload(id); },
        [this, id](const Outcome<events::Payload> &out) {
            if (id != m_id)
                return; // another event was selected meanwhile
            if (!out.ok()) {
                if (!out.cancelled())
                    emit failed(out.error().message());
                return;
            }
            const events::Payload &p = out.value();
            m_json->setRawText(p.isNull ? QByteArray("null") : p.bytes,
                               tr("event %1 (%2)").arg(id).arg(p.columnType));
        });
    loadRelated();
}

void EventDetail::loadRelated()
{
    if (m_id == 0)
        return;
    m_relatedJobs->cancel();
    const qint64 id = m_id;
    const QString hash = m_hash;
    const auto by = m_historyBy->currentIndex() == 1 ? events::History::By::Endpoint
                                                      : events::History::By::RequestKey;
    const auto db = m_db;
    m_duplicateCount->setText(tr("Counting…"));
    m_relatedJobs->start<Related>(
        tr("Duplicates and history of event %1").arg(id),
        [db, id, hash, by](TaskContext &ctx) {
            auto conn = openFor(db, ctx);
            EventStore store(*conn);
            Related r;
            if (!hash.isEmpty()) {
                r.duplicateCount = store.duplicateCount(hash);
                r.duplicates = store.duplicates(hash, 500);
            }
            r.history = store.history(id, by, 500);
            return r;
        },
        [this, id](const Outcome<Related> &out) {
            if (id != m_id)
                return;
            if (!out.ok()) {
                if (!out.cancelled())
                    emit failed(out.error().message());
                return;
            }
            const Related &r = out.value();
            // The count includes the selected event itself: say how many *others* there are,
            // and list only those.
            std::vector<events::EventRow> others;
            for (const auto &d : r.duplicates)
                if (d.id != m_id)
                    others.push_back(d);
            const qint64 otherCount = std::max<qint64>(0, r.duplicateCount - 1);
            if (m_hash.isEmpty())
                m_duplicateCount->setText(tr("This event has no payload hash."));
            else if (otherCount == 0)
                m_duplicateCount->setText(tr("No other event has this payload."));
            else
                m_duplicateCount->setText(
                    tr("%Ln other event(s) share this payload", nullptr, int(otherCount))
                    + (otherCount > qint64(others.size())
                           ? tr(" (the newest %L1 listed)").arg(others.size())
                           : QString()));
            m_duplicates->setRowCount(int(others.size()));
            for (int i = 0; i < int(others.size()); ++i) {
                const auto &d = others[size_t(i)];
                m_duplicates->setItem(i, 0, new QTableWidgetItem(when(d.fetchedAt)));
                m_duplicates->setItem(i, 1, new QTableWidgetItem(QString::number(d.id)));
                m_duplicates->setItem(i, 2, new QTableWidgetItem(d.requestKey));
            }
            showHistory(r.history);
        });
}

void EventDetail::showHistory(const events::History &h)
{
    m_entries = h.entries;
    m_historyTitle->setText(tr("%1: %Ln fetch(es); each row is a payload that differs from the "
                               "one before (%2 shown, newest first)",
                               nullptr, int(h.totalFetches))
                                .arg(h.key)
                                .arg(h.entries.size()));
    m_historyTitle->setWordWrap(true);
    m_history->setRowCount(int(h.entries.size()));
    for (int i = 0; i < int(h.entries.size()); ++i) {
        const auto &e = h.entries[size_t(i)];
        const QStringList cells{when(e.firstSeen), when(e.lastSeen), QString::number(e.fetches),
                                e.status < 0 ? QString() : QString::number(e.status),
                                QString::number(e.firstId), e.payloadHash.left(16)};
        for (int c = 0; c < int(cells.size()); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (e.firstId <= m_id && m_id <= e.lastId)
                item->setFont([&] { QFont f = item->font(); f.setBold(true); return f; }());
            m_history->setItem(i, c, item);
        }
    }
}

void EventDetail::compareHistoryRow(int row)
{
    // Entries are newest first: the previous payload is the next row.
    if (row < 0 || row + 1 >= int(m_entries.size()))
        return;
    diffEvents(m_entries[size_t(row + 1)].firstId, m_entries[size_t(row)].firstId);
}

void EventDetail::diffEvents(qint64 a, qint64 b)
{
    const auto db = m_db;
    m_tabs->setCurrentWidget(m_diff);
    m_payloadJobs->start<Pair>(
        tr("Loading events %1 and %2").arg(a).arg(b),
        [db, a, b](TaskContext &ctx) {
            auto conn = openFor(db, ctx);
            EventStore store(*conn);
            Pair p;
            auto load = [&](qint64 id) {
                const events::Payload payload = store.payload(id);
                return json::Document::parse(payload.isNull ? QByteArray("null") : payload.bytes);
            };
            p.a = load(a);
            p.b = load(b);
            return p;
        },
        [this, a, b](const Outcome<Pair> &out) {
            if (!out.ok()) {
                if (!out.cancelled())
                    emit failed(out.error().message());
                return;
            }
            m_diff->setDocuments(out.value().a, tr("Event %1").arg(a), out.value().b,
                                 tr("Event %1").arg(b), {});
        });
}

} // namespace statescope::gui
