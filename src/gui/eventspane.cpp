#include "gui/eventspane.h"
#include "gui/confirmdialog.h"
#include "core/layout/indexbuild.h"

#include "core/pg/connection.h"
#include "gui/errorpanel.h"
#include "gui/eventdetail.h"
#include "gui/eventfilterbar.h"
#include "gui/jobrunner.h"
#include "gui/progresspanel.h"
#include "models/eventtablemodel.h"

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

namespace statescope::gui {

using models::EventTableModel;

EventsPane::EventsPane(QWidget *parent)
    : QWidget(parent), m_model(new EventTableModel(this)), m_filters(new EventFilterBar(this)),
      m_table(new QTableView(this)), m_detail(new EventDetail(this)), m_jobs(new JobRunner(this)),
      m_progress(new ProgressPanel(this)), m_errors(new ErrorPanel(this))
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
    m_table->setWordWrap(false);
    // Fixed row heights: the header then keeps no per-row state for millions of rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(EventTableModel::TimeColumn, 170);
    m_table->setColumnWidth(EventTableModel::EndpointColumn, 220);
    m_table->setColumnWidth(EventTableModel::RequestKeyColumn, 240);
    m_table->setColumnWidth(EventTableModel::StatusColumn, 60);
    m_table->setColumnWidth(EventTableModel::SizeColumn, 80);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({700, 500});
    m_detail->setMinimumWidth(320);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);

    connect(m_filters, &EventFilterBar::applied, this, &EventsPane::applyFilter);
    connect(m_model, &EventTableModel::countChanged, this, &EventsPane::updateCount);
    connect(m_model, &EventTableModel::failed, m_errors, &ErrorPanel::showError);
    connect(m_model, &EventTableModel::loadingChanged, m_loading, &QWidget::setVisible);
    connect(m_model, &EventTableModel::countingChanged, this, [this](bool running) {
        m_countButton->setText(running ? tr("Cancel count") : tr("Count exactly"));
    });
    connect(m_model, &EventTableModel::jumped, this, [this](int row) {
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
    // A row selected before it loaded shows once it arrives.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (const auto *row = m_model->rowAt(m_table->currentIndex().row()))
            m_detail->showEvent(*row);
    });
    connect(m_detail, &EventDetail::jumpToEvent, m_model, &EventTableModel::jumpToEvent);
    connect(m_detail, &EventDetail::filterByHash, this, [this](const QString &hash) {
        m_filters->setPayloadHash(hash);
        applyFilter();
    });
    connect(m_detail, &EventDetail::failed, m_errors, &ErrorPanel::showMessage);
    setEnabled(false);
}

EventsPane::~EventsPane() = default;

void EventsPane::buildToolbar(QBoxLayout *layout)
{
    auto *bar = new QHBoxLayout;
    m_count = new QLabel(this);
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
    m_jump->setClearButtonEnabled(true);
    auto *go = new QPushButton(tr("Go"), this);
    auto jump = [this] {
        const auto t = events::parseTime(m_jump->text());
        if (!t) {
            m_errors->showMessage(tr("\"%1\" is not a time: write 2025-01-06 14:02 (UTC) or ISO 8601.")
                                      .arg(m_jump->text()));
            return;
        }
        m_model->jumpToTime(*t);
    };
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
    menu->addAction(tr("Filtered events as CSV…"), this,
                    [this] { chooseExport(events::ExportFormat::Csv, false); }, QKeySequence(Qt::CTRL | Qt::Key_E));
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
    bar->addStretch(1);
    bar->addWidget(m_jump);
    bar->addWidget(go);
    bar->addWidget(m_tail);
    bar->addWidget(diff);
    bar->addWidget(exportButton);
    layout->addLayout(bar);
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

void EventsPane::updateIndexButton()
{
    m_buildIndex->setVisible(m_pagedById && m_db.has_value());
    m_buildIndex->setEnabled(m_adminMode && !m_jobs->isBusy());
    if (!m_adminMode)
        m_buildIndex->setToolTip(tr("Switch on admin mode (Ctrl+Shift+A) to build the index."));
}

void EventsPane::confirmBuildIndex()
{
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    m_jobs->start<layout::IndexPlan>(
        tr("Preparing the index of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return layout::IndexBuilder::plan(*conn, layout::Kind::ApiEvents);
        },
        [this, db](const Outcome<layout::IndexPlan> &r) {
            if (!r.ok())
                return m_errors->showError(r.error());
            QString html = QStringLiteral("<p>")
                           + tr("Builds the index without blocking the game's writes; the table's "
                                "rows are not changed. Runs, one statement at a time:")
                           + QStringLiteral("</p><ul>");
            for (const QString &s : r.value().statements)
                html += QStringLiteral("<li><code>%1</code></li>").arg(s.toHtmlEscaped());
            html += QStringLiteral("</ul>");
            auto *dialog = new ConfirmDialog(tr("Build index"),
                                             tr("Build an index on <b>%1</b>?").arg(r.value().table.toHtmlEscaped()),
                                             html, db.database(), false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, db] {
                const QString reason = dialog->reason();
                m_jobs->start<layout::IndexPlan>(
                    tr("Building the index on %1").arg(db.database()),
                    [db, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly,
                                                         &ctx.cancelToken());
                        return layout::IndexBuilder::build(*conn, db, layout::Kind::ApiEvents,
                                                           db.database(), reason, &ctx);
                    },
                    [this](const Outcome<layout::IndexPlan> &done) {
                        if (!done.ok())
                            return m_errors->showError(done.error());
                        m_errors->showMessage(tr("Built %1 on %2.").arg(done.value().indexName, done.value().table));
                        if (m_db) {
                            const auto db = *m_db;
                            m_db.reset();
                            setDatabase(db); // reopen: pages follow the time now
                        }
                    });
            });
            dialog->open();
        });
}

void EventsPane::setDatabase(const std::optional<pg::ConnectionSettings> &db)
{
    m_db = db;
    setEnabled(db.has_value());
    m_tail->setChecked(false);
    m_detail->setDatabase(db.value_or(pg::ConnectionSettings()));
    m_source->clear();
    m_pagedById = false;
    updateIndexButton();
    if (!db) {
        m_count->clear();
        return;
    }
    m_model->setDatabase(*db);
    loadEndpoints();
    applyFilter();
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
                m_filters->setEndpoints(out.value().endpoints);
                m_source->setText(out.value().orderNote.isEmpty()
                                      ? tr("Reading %1.").arg(out.value().source)
                                      : tr("Reading %1. %2").arg(out.value().source, out.value().orderNote));
            } else if (!out.cancelled()) {
                m_errors->showError(out.error());
            }
        });
}

void EventsPane::applyFilter()
{
    if (!m_db)
        return;
    const auto filter = m_filters->filter();
    if (!filter)
        return; // the bar shows what is wrong; nothing was sent
    const auto db = *m_db;
    const events::EventFilter f = *filter;
    if (f.contains.trimmed().isEmpty() && f.jsonPath.trimmed().isEmpty()) {
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
                    m_errors->showError(out.error());
                return;
            }
            if (!out.value().empty()) {
                m_filters->setFieldErrors(out.value());
                return;
            }
            m_model->setFilter(f);
        });
}

void EventsPane::updateCount(qint64 count, bool exact)
{
    m_count->setText(exact ? tr("%L1 events").arg(count)
                           : tr("≈ %L1 events (planner's estimate)").arg(count));
    m_countButton->setEnabled(!exact);
}

std::vector<qint64> EventsPane::selectedIds() const
{
    std::vector<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        if (const auto *row = m_model->rowAt(index.row()))
            ids.push_back(row->id);
    return ids;
}

bool EventsPane::diffSelected()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 2)
        return false;
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() > b.row(); // lower in the table = older: it goes first
    });
    const auto *older = m_model->rowAt(rows[0].row());
    const auto *newer = m_model->rowAt(rows[1].row());
    if (!older || !newer)
        return false;
    m_detail->diffEvents(older->id, newer->id);
    return true;
}

void EventsPane::chooseExport(events::ExportFormat format, bool selectionOnly)
{
    if (selectionOnly && selectedIds().empty()) {
        m_errors->showMessage(tr("Select the events to export first."));
        return;
    }
    const bool csv = format == events::ExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export events"), csv ? QStringLiteral("events.csv") : QStringLiteral("events.jsonl"),
        csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        exportTo(path, format, selectionOnly);
}

void EventsPane::exportTo(const QString &path, events::ExportFormat format, bool selectionOnly)
{
    if (!m_db)
        return;
    events::ExportRequest request;
    request.filter = m_model->filter();
    if (selectionOnly)
        request.filter.ids = selectedIds();
    request.format = format;
    request.path = path;
    request.overwrite = true; // the file dialog asked already
    request.expectedRows = selectionOnly ? qint64(request.filter.ids.size()) : m_model->count();
    const auto db = *m_db;
    m_jobs->start<events::ExportResult>(
        tr("Exporting events to %1").arg(path),
        [db, request](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return events::exportEvents(*conn, request, &ctx);
        },
        [this](const Outcome<events::ExportResult> &out) {
            if (!out.ok()) {
                if (out.cancelled())
                    m_errors->showMessage(tr("Export cancelled; the partial file was removed."));
                else
                    m_errors->showError(out.error());
                return;
            }
            m_errors->showMessage(tr("Exported %L1 events (%2) to %3")
                                      .arg(out.value().rows)
                                      .arg(QLocale().formattedDataSize(out.value().bytes))
                                      .arg(out.value().path));
            emit exported(out.value().rows, out.value().path);
        });
}

} // namespace statescope::gui
