#include "gui/events/eventspane.h"

#include "models/ink.h"
#include "core/format.h"
#include "gui/widgets/confirmdialog.h"
#include "core/layout/indexbuild.h"

#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/events/eventdetail.h"
#include "gui/events/filterbar.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "models/eventtablemodel.h"
#include "gui/widgets/themed.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace statescope::gui {

using models::EventTableModel;

EventsPane::EventsPane(QWidget *parent)
    : QWidget(parent), m_model(new EventTableModel(this)), m_filters(new EventFilterBar(this)),
      m_table(new QTableView(this)), m_detail(new EventDetail(this)), m_jobs(new JobRunner(this)),
      m_progress(new ProgressPanel(this)), m_errors(new Banner(this))
{
    setObjectName(QStringLiteral("eventsPane"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_errors);
    layout->addWidget(m_filters);
    buildToolbar(layout);

    m_table->setObjectName(QStringLiteral("eventsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Fixed row heights (the same in every table): the header then keeps no per-row state
    // for millions of rows.
    style::uniformRows(m_table);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Widths from the widest text each column shows, so nothing is clipped to "1.".
    const QFontMetrics fm = m_table->fontMetrics();
    const int pad = 2 * fm.horizontalAdvance(QLatin1Char('M'));
    auto widthOf = [&](const QString &sample, int column) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        return std::max(fm.horizontalAdvance(sample), fm.horizontalAdvance(header)) + pad;
    };
    m_table->setColumnWidth(EventTableModel::IdColumn, widthOf(QStringLiteral("99999999"), EventTableModel::IdColumn));
    m_table->setColumnWidth(EventTableModel::TimeColumn,
                            widthOf(QStringLiteral("2025-01-06 14:02:21.372"), EventTableModel::TimeColumn));
    m_table->setColumnWidth(EventTableModel::EndpointColumn, 220);
    m_table->setColumnWidth(EventTableModel::RequestKeyColumn, 240);
    m_table->setColumnWidth(EventTableModel::StatusColumn, widthOf(QStringLiteral("599"), EventTableModel::StatusColumn));
    m_table->setColumnWidth(EventTableModel::SizeColumn,
                            widthOf(format::bytes(1023 * 1024 + 1000), EventTableModel::SizeColumn));
    // The status is what people scan for: shown right after the time, before the long texts
    // (which elide, with the whole text as tooltip).
    m_table->horizontalHeader()->moveSection(m_table->horizontalHeader()->visualIndex(EventTableModel::StatusColumn),
                                             EventTableModel::EndpointColumn);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    // Half each: the detail's trees and diff need the room as much as the list does.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 600});
    m_detail->setMinimumWidth(320);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);

    connect(m_filters, &EventFilterBar::applied, this, &EventsPane::applyFilter);
    connect(m_filters, &EventFilterBar::edited, this, [this] {
        setNotApplied(tr("Not applied: the rows are for the filter last run. Press Enter or "
                         "Apply to run the filter as typed."));
    });
    connect(m_model, &EventTableModel::countChanged, this, &EventsPane::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_model->countIsExact() && m_estimate >= 0)
            updateCount(m_estimate, false); // more rows than estimated: the count follows them
    });
    // Banners say which database they are about, and go when that database answers again.
    connect(m_model, &EventTableModel::failed, this,
            [this](const Error &e) { m_errors->showError(e, dbName()); });
    connect(m_model, &EventTableModel::countChanged, this, [this] { m_errors->clearFor(dbName()); });
    connect(m_model, &EventTableModel::loadingChanged, m_loading, &QWidget::setVisible);
    connect(m_model, &EventTableModel::countingChanged, this, [this](bool running) {
        m_countButton->setText(running ? tr("Cancel count") : tr("Count exactly"));
    });
    connect(m_model, &EventTableModel::jumped, this, [this](int row) {
        m_opening = 0;
        if (const qint64 restoring = std::exchange(m_restoring, 0)) {
            row = m_model->rowOfEvent(restoring);
            if (row < 0)
                return; // the week's selected event is not among these rows
        }
        const QModelIndex index = m_model->index(row, 0);
        m_table->scrollTo(index, QAbstractItemView::PositionAtTop);
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const auto *row = m_model->rowAt(current.row()))
                    m_detail->showEvent(*row);
            });
    // The viewer shows an event of the list: when a new filter (or a new first page) leaves
    // it out, it clears; when it is still there, its row is selected again.
    // A reset that empties the list (a new filter) waits for the filter's first answer.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { settleDetail(m_model->hasAnswered()); });
    connect(m_model, &EventTableModel::failed, this, [this] {
        if (m_awaitingList)
            settleDetail(true); // no list is coming: the viewer shows nothing of an old one
    });
    // A row selected before it loaded shows once it arrives.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (const auto *row = m_model->rowAt(m_table->currentIndex().row()))
            m_detail->showEvent(*row);
    });
    connect(m_model, &EventTableModel::eventMissing, this, [this](qint64 id) {
        if (std::exchange(m_opening, 0) == id) { // openEvent, with every event shown
            m_restoring = 0;
            m_errors->showMessage(tr("%1 has no event %2.").arg(dbName()).arg(id), dbName());
            return;
        }
        if (std::exchange(m_restoring, 0) == id)
            return; // the filter now leaves out the event this week had selected: nothing to say
        m_errors->showMessage(tr("Event %1 is not among the events the filter shows.").arg(id), dbName());
    });
    connect(m_detail, &EventDetail::jumpToEvent, m_model, &EventTableModel::jumpToEvent);
    connect(m_detail, &EventDetail::filterByHash, this, [this](const QString &hash) {
        m_filters->setPayloadHash(hash);
        applyFilter();
    });
    connect(m_detail, &EventDetail::failed, this,
            [this](const QString &message) { m_errors->showWarning(message, dbName()); });
    setEnabled(false);
}

EventsPane::~EventsPane() = default;

void EventsPane::buildToolbar(QBoxLayout *layout)
{
    auto *bar = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setWordWrap(true); // a long count sentence takes two lines, not the window's width
    m_count->setObjectName(QStringLiteral("eventCount"));
    m_countButton = new QPushButton(tr("Count exactly"), this);
    m_countButton->setObjectName(QStringLiteral("countExactly"));
    m_countButton->setToolTip(tr("Counts every matching event on the server (may take a while on "
                                 "a big week; click again to cancel)"));
    connect(m_countButton, &QPushButton::clicked, this, [this] {
        if (m_countButton->text() == tr("Cancel count"))
            m_model->cancelCount();
        else
            m_model->countExactly();
    });
    m_loading = new QLabel(tr("Loading…"), this);
    m_loading->setVisible(false);

    m_jump = new QLineEdit(this);
    m_jump->setObjectName(QStringLiteral("jumpTime"));
    m_jump->setPlaceholderText(tr("Go to time (UTC): 2025-01-06 14:02"));
    // Room for a time, not for the whole hint (long in German): the hint is the tooltip too.
    m_jump->setMinimumWidth(m_jump->fontMetrics().horizontalAdvance(QStringLiteral("2025-01-06 14:02:00")) + 40);
    m_jump->setToolTip(m_jump->placeholderText());
    m_jump->setClearButtonEnabled(true);
    auto *go = new QPushButton(tr("Go"), this);
    go->setObjectName(QStringLiteral("jumpGo"));
    auto jump = [this] {
        const auto t = events::parseTime(m_jump->text());
        if (!t) {
            // Said at the field; the rows stay, marked as not where you asked to be.
            m_jump->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d03b2f; }"));
            setNotApplied(tr("Go to time not applied: \"%1\" is not a time; write 2025-01-06 "
                             "14:02 (UTC) or ISO 8601.")
                              .arg(m_jump->text()));
            return;
        }
        m_jump->setStyleSheet({});
        setNotApplied({});
        m_model->jumpToTime(*t);
    };
    connect(m_jump, &QLineEdit::textEdited, this, [this] { m_jump->setStyleSheet({}); });
    connect(go, &QPushButton::clicked, this, jump);
    connect(m_jump, &QLineEdit::returnPressed, this, jump);

    m_tail = new QCheckBox(tr("Live tail"), this);
    m_tail->setObjectName(QStringLiteral("liveTail"));
    m_tail->setToolTip(tr("Show new events as they arrive (asks only for events newer than the "
                          "last one seen, every 2 s) (Ctrl+T)"));
    m_tail->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_tail, &QCheckBox::toggled, this, [this](bool on) { m_model->setLiveTail(on); });

    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportEvents"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Filtered events as CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    [this] { chooseExport(events::ExportFormat::Csv, false); });
    menu->addAction(tr("Filtered events as JSON Lines…"), this,
                    [this] { chooseExport(events::ExportFormat::JsonLines, false); });
    menu->addSeparator();
    menu->addAction(tr("Selected events as CSV…"), this,
                    [this] { chooseExport(events::ExportFormat::Csv, true); });
    menu->addAction(tr("Selected events as JSON Lines…"), this,
                    [this] { chooseExport(events::ExportFormat::JsonLines, true); });
    exportButton->setMenu(menu);
    addActions(menu->actions());

    auto *diff = new QPushButton(tr("Diff selected"), this);
    diff->setObjectName(QStringLiteral("diffSelected"));
    diff->setToolTip(tr("Compare the payloads of the two selected events (Ctrl+D)"));
    diff->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(diff, &QPushButton::clicked, this, [this] {
        if (!diffSelected())
            m_errors->showMessage(tr("Select two events (Ctrl+click) to compare their payloads."));
    });

    bar->addWidget(m_count);
    bar->addWidget(m_countButton);
    bar->addWidget(m_loading);
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("notApplied"));
    style::setInk(m_stale, models::ink::Meaning::Warning, QStringLiteral("font-weight: bold"));
    style::onThemeChange(m_stale, [this] { setNotApplied(m_stale->isHidden() ? QString() : m_stale->text()); });
    m_stale->setWordWrap(true);
    m_stale->setVisible(false);
    bar->addStretch(1);
    bar->addWidget(m_jump);
    bar->addWidget(go);
    bar->addWidget(m_tail);
    bar->addWidget(diff);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
    layout->addWidget(m_stale);
    // Which table is read, and how it is paged when no index serves the time order.
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("eventSource"));
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buildIndex = new QPushButton(tr("Build the index..."), this);
    m_buildIndex->setObjectName(QStringLiteral("buildIndex"));
    m_buildIndex->setToolTip(tr("CREATE INDEX CONCURRENTLY on the game's events table, so that pages "
                                "follow the time (admin mode; previewed, confirmed, audited)"));
    m_buildIndex->setVisible(false);
    connect(m_buildIndex, &QPushButton::clicked, this, &EventsPane::confirmBuildIndex);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_buildIndex);
    layout->addLayout(sourceRow);
}

void EventsPane::setAdminMode(bool on)
{
    m_adminMode = on;
    updateIndexButton();
}

void EventsPane::setDatabase(const std::optional<pg::ConnectionSettings> &db)
{
    // Nothing of the previous database stays on screen: its banner, count, source, the
    // selected event's detail and the rows all go (the model drops its rows and ignores
    // answers still on their way for the old database).
    m_db = db;
    m_restoreId = m_restoring = m_opening = 0;
    setEnabled(db.has_value());
    m_errors->hide();
    setNotApplied({});
    m_estimate = -1;
    m_jump->clear();
    m_jump->setStyleSheet({});
    m_tail->setChecked(false);
    m_detail->setDatabase(db.value_or(pg::ConnectionSettings()));
    m_source->clear();
    m_pagedById = false;
    updateIndexButton();
    m_count->clear();
    if (!db) {
        m_model->clear();
        return;
    }
    m_model->setDatabase(*db);
    loadEndpoints();
    applyFilter();
}

void EventsPane::switchWeek(const pg::ConnectionSettings &db)
{
    // The filter bar keeps every field (endpoints, status, times, request key, text, path);
    // an endpoint the week lacks is said when its endpoints arrive. The selected event is
    // the week's own: it is kept for coming back, and the week come to shows its own.
    if (m_db && m_detail->currentId())
        m_selectedIn.insert(m_db->storableString(), m_detail->currentId());
    setDatabase(db);
    m_restoreId = m_selectedIn.value(db.storableString(), 0);
}

namespace {
struct EndpointsLoaded
{
    std::vector<events::EndpointCount> endpoints;
    QString source;
    QString orderNote;
};
} // namespace

void EventsPane::loadEndpoints()
{
    const auto db = *m_db;
    m_jobs->start<EndpointsLoaded>(
        tr("Listing endpoints"),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            events::EventStore store(*conn);
            store.prepare();
            return EndpointsLoaded{store.endpoints(), store.source(), store.orderNote()};
        },
        [this, name = db.database()](const Outcome<EndpointsLoaded> &out) {
            if (!m_db || m_db->database() != name)
                return; // answered for a database no longer shown
            if (out.ok()) {
                m_pagedById = !out.value().orderNote.isEmpty();
                updateIndexButton();
                const QStringList absent = m_filters->setEndpoints(out.value().endpoints);
                if (!absent.isEmpty())
                    m_errors->showMessage(tr("%1 has no events of %2. The filter still asks for it; untick "
                                             "it under Endpoints to see the others.")
                                              .arg(name, absent.join(QStringLiteral(", "))),
                                          // Not cleared when this database's rows answer.
                                          tr("%1, endpoints").arg(name));
                m_source->setText(out.value().orderNote.isEmpty()
                                      ? tr("Source: %1.").arg(out.value().source)
                                      : tr("Source: %1. %2").arg(out.value().source, out.value().orderNote));
            } else if (!out.cancelled()) {
                m_errors->showError(out.error(), name);
            }
        });
}

void EventsPane::settleDetail(bool listArrived)
{
    if (m_restoreId && listArrived) {
        m_restoring = std::exchange(m_restoreId, 0);
        m_model->jumpToEvent(m_restoring); // selected (and shown) when it comes back
        return;
    }
    const qint64 shown = m_detail->currentId();
    if (!shown) {
        m_awaitingList = false;
        return;
    }
    const int row = m_model->rowOfEvent(shown);
    if (row >= 0) {
        m_awaitingList = false;
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        return;
    }
    if (!listArrived) {
        m_awaitingList = true; // the filter's first answer is on its way
        return;
    }
    m_awaitingList = false;
    m_detail->clear();
}

void EventsPane::openEvent(qint64 id)
{
    if (!m_db || id <= 0)
        return;
    m_filters->clear();
    m_restoreId = m_opening = id; // selected once the unfiltered rows are in (settleDetail)
    applyFilter();
}

void EventsPane::applyFilter()
{
    if (!m_db)
        return;
    const auto filter = m_filters->filter();
    if (!filter) {
        // The bar shows what is wrong under each field; nothing was sent.
        setNotApplied(tr("Not applied: %1").arg(m_filters->errorText()));
        return;
    }
    const auto db = *m_db;
    const events::EventFilter f = *filter;
    if (f.contains.trimmed().isEmpty() && f.jsonPath.trimmed().isEmpty()) {
        m_estimate = -1;
        setNotApplied({});
        m_model->setFilter(f);
        return;
    }
    m_jobs->start<std::vector<events::FieldError>>(
        tr("Checking the filter"),
        [db, f](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return events::EventStore(*conn).checkOnServer(f);
        },
        [this, f](const Outcome<std::vector<events::FieldError>> &out) {
            if (!out.ok()) {
                if (!out.cancelled())
                    m_errors->showError(out.error(), dbName());
                return;
            }
            if (!out.value().empty()) {
                m_filters->setFieldErrors(out.value());
                setNotApplied(tr("Not applied: %1").arg(m_filters->errorText()));
                return;
            }
            m_estimate = -1;
            setNotApplied({});
            m_model->setFilter(f);
        });
}

void EventsPane::updateCount(qint64 count, bool exact)
{
    if (!exact) {
        m_estimate = count;
        // Never fewer than the events read: a JSON path filter's estimate can be 1 while
        // hundreds of rows are on screen. (Not rowCount(): that is the scroll range.)
        const qint64 loaded = m_model->rowsKnown();
        m_count->setText(loaded > count ? tr("at least %L1 events (the planner estimated ≈ %L2)").arg(loaded).arg(count)
                                        : tr("≈ %L1 events (planner's estimate)").arg(count));
        m_count->setToolTip(tr("The planner's estimate, from the table's statistics; Count "
                               "exactly counts on the server."));
    } else if (m_estimate >= 0 && m_estimate != count) {
        // Say why the number changed: an estimate became a count.
        m_count->setText(tr("%L1 events (counted; the estimate was ≈ %L2)").arg(count).arg(m_estimate));
        m_count->setToolTip({});
    } else {
        m_count->setText(tr("%L1 events").arg(count));
        m_count->setToolTip({});
    }
    m_countButton->setEnabled(!exact);
}

QString EventsPane::dbName() const
{
    return m_db ? m_db->database() : QString();
}

QString EventsPane::notApplied() const
{
    return m_stale->isHidden() ? QString() : m_stale->text();
}

void EventsPane::setNotApplied(const QString &why)
{
    m_stale->setText(why);
    m_stale->setVisible(!why.isEmpty());
    // Greyed rows: still readable, clearly not the answer to what is typed. Applied, the
    // table has no palette of its own again (one kept would hold this theme's colours).
    if (why.isEmpty()) {
        m_table->setPalette(QPalette());
        return;
    }
    QPalette p;
    p.setColor(QPalette::Text, models::ink::text(models::ink::Meaning::Muted));
    m_table->setPalette(p);
}

void EventsPane::setLiveTail(bool on)
{
    m_tail->setChecked(on);
}

} // namespace statescope::gui
