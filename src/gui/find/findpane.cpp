// Find: one value in the database shown, its family's weeks or a shard set (findpane.h).
#include "gui/find/findpane.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "gui/widgets/tablewidgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

constexpr int RowRole = Qt::UserRole + 1; // on the first column: the index into m_rows

// The layout's name of a kind of game data ("API events"), or "table row" for any other table.
QString kindName(const QString &key)
{
    if (key.isEmpty())
        return FindPane::tr("table row");
    for (const layout::KindSpec &s : layout::kindSpecs())
        if (QLatin1String(s.key) == key)
            return QCoreApplication::translate("Layout", s.label);
    return key;
}

QString keyText(const find::Hit &h)
{
    QStringList parts;
    for (qsizetype i = 0; i < h.keyColumns.size(); ++i)
        parts << h.keyColumns[i] + QLatin1Char('=') + h.keyValues.value(i);
    return parts.join(QLatin1Char(' '));
}

} // namespace

FindPane::FindPane(QWidget *parent)
    : QWidget(parent), m_scope(new QComboBox(this)), m_again(new QPushButton(tr("Find again"), this)),
      m_stop(new QPushButton(tr("Stop"), this)), m_story(new QPushButton(tr("Story"), this)), m_summary(new QLabel(this)), m_banner(new Banner(this)),
      m_model(new QStandardItemModel(this)), m_view(new RowOpeningView(this)), m_skippedLabel(new QLabel(this)),
      m_skipped(new QTableWidget(0, 3, this)), m_scan(new QPushButton(tr("Search these too"), this)),
      m_tabs(new QTabWidget(this)), m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this)),
      m_enough(std::make_shared<std::atomic<bool>>(false))
{
    setObjectName(QStringLiteral("findPane"));
    m_scope->setObjectName(QStringLiteral("findScope"));
    m_scope->setToolTip(tr("Where to look: the database shown, every week of its family on every open server "
                           "(the newest first), or a saved shard set"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_again->setObjectName(QStringLiteral("findAgain"));
    m_again->setToolTip(tr("Look the same value up again, in the scope chosen"));
    m_again->setEnabled(false);
    connect(m_again, &QPushButton::clicked, this, [this] { find(m_value); });
    m_stop->setObjectName(QStringLiteral("findStop"));
    m_stop->setEnabled(false);
    connect(m_stop, &QPushButton::clicked, this, &FindPane::stop);
    m_story->setObjectName(QStringLiteral("findStory"));
    m_story->setToolTip(tr("Everything the selected row's database holds about this value, in time order "
                           "(Ctrl+Shift+K)"));
    m_story->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_story->setEnabled(false);
    connect(m_story, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            emit storyRequested(foundRow(current.row()));
    });
    m_summary->setObjectName(QStringLiteral("findSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Type an id, a number, a symbol or a request key in the find field (Ctrl+K) and "
                          "press Enter."));
    m_banner->hide();

    m_model->setHorizontalHeaderLabels(
        {tr("Where"), tr("Server"), tr("Kind"), tr("Table"), tr("Key"), tr("Time"), tr("Row")});
    m_view->setObjectName(QStringLiteral("findResults"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // In the order found (newest week first) until a header is clicked.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Double-click or press Enter to open the row where it belongs"));
    // Never squeezed below a few rows by the panes above.
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 4);
    static_cast<RowOpeningView *>(m_view)->activate = [this](int row) { openRow(row); };
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &i) { openRow(i.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) { m_story->setEnabled(i.isValid()); });

    m_skippedLabel->setObjectName(QStringLiteral("findSkippedLabel"));
    m_skippedLabel->setWordWrap(true);
    m_skipped->setObjectName(QStringLiteral("findNotSearched"));
    m_skipped->setHorizontalHeaderLabels({tr("Where"), tr("Column"), tr("Why")});
    m_skipped->verticalHeader()->hide();
    m_skipped->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_skipped->horizontalHeader()->setStretchLastSection(true);
    m_scan->setObjectName(QStringLiteral("findScan"));
    m_scan->setToolTip(tr("Read the tables no index answers for this value, whole (progress below; Cancel "
                          "stops it)"));
    m_scan->setEnabled(false);
    connect(m_scan, &QPushButton::clicked, this, &FindPane::searchUnindexed);
    m_progress->follow(m_jobs);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Look in:"), this));
    top->addWidget(m_scope);
    top->addWidget(m_again);
    top->addWidget(m_stop);
    top->addWidget(m_story);
    top->addWidget(m_progress, 1);
    top->addStretch(); // the buttons keep their size while no job runs (the progress hidden)
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("findClose"));
    close->setToolTip(tr("Close this window (Esc); Ctrl+K and Enter show it again"));
    connect(close, &QPushButton::clicked, this, [this] {
        if (m_running)
            stop();
        emit closeRequested();
    });
    top->addWidget(close);

    // The rows found and what was not searched, a tab each (the tab titles count them).
    auto *skippedBox = new QWidget(this);
    auto *skippedLayout = new QVBoxLayout(skippedBox);
    skippedLayout->setContentsMargins(4, 4, 4, 4);
    auto *skippedTop = new QHBoxLayout;
    skippedTop->addWidget(m_skippedLabel, 1);
    skippedTop->addWidget(m_scan);
    skippedLayout->addLayout(skippedTop);
    skippedLayout->addWidget(m_skipped, 1);
    m_tabs->setObjectName(QStringLiteral("findTabs"));
    m_tabs->addTab(m_view, tr("Rows found"));
    m_tabs->addTab(skippedBox, tr("Not searched"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    style::uniformRows(m_view);
    style::uniformRows(m_skipped);
    updateSummary();
}

FindPane::~FindPane()
{
    m_enough->store(true);
}

void FindPane::setScopes(const QList<Scope> &scopes)
{
    const Scope::Kind was =
        m_scope->currentIndex() >= 0 && m_scope->currentIndex() < m_scopes.size()
            ? m_scopes[m_scope->currentIndex()].kind
            : Scope::Kind::Family;
    const QString wasName = m_scope->currentText();
    m_scopes = scopes;
    m_scope->blockSignals(true);
    m_scope->clear();
    int choose = -1, family = -1;
    for (int i = 0; i < scopes.size(); ++i) {
        m_scope->addItem(scopes[i].name);
        if (scopes[i].kind == Scope::Kind::Family && family < 0)
            family = i;
        if (choose < 0 && scopes[i].kind == was && (was != Scope::Kind::ShardSet || scopes[i].name == wasName))
            choose = i;
    }
    if (choose < 0)
        choose = family >= 0 ? family : 0;
    m_scope->setCurrentIndex(scopes.isEmpty() ? -1 : choose);
    m_scope->blockSignals(false);
    m_again->setEnabled(!m_value.isEmpty() && !scopes.isEmpty());
}

void FindPane::find(const QString &value, bool scan)
{
    m_banner->hide();
    find::Needle needle;
    try {
        needle = find::Needle::parse(value);
    } catch (const Error &e) {
        m_banner->showError(e);
        return;
    }
    const int chosen = m_scope->currentIndex();
    if (chosen < 0 || chosen >= m_scopes.size() || m_scopes[chosen].targets.isEmpty()) {
        m_banner->showWarning(tr("Open a server and choose a database first: there is nowhere to look."));
        return;
    }
    if (m_running) {
        stop();
        // The search running ends before this one starts (one lane): its last rows are
        // dropped with the model below.
    }
    const Scope scope = m_scopes[chosen];
    m_value = needle.text;
    m_readAs = needle.describe();
    m_scopeName = scope.name;
    m_targets = scope.targets;
    m_scanned = scan;
    m_rows.clear();
    m_model->removeRows(0, m_model->rowCount());
    m_story->setEnabled(false);
    m_skipped->setRowCount(0);
    m_answered = m_failed = m_unindexed = 0;
    m_stopped = false;
    m_running = true;
    m_enough = std::make_shared<std::atomic<bool>>(false);
    m_stop->setEnabled(true);
    m_again->setEnabled(true);
    m_scan->setEnabled(false);
    updateSummary();

    find::Finder::Options options;
    options.scan = scan;
    const QList<browse::FamilyQuery::Target> targets = scope.targets;
    const auto enough = m_enough;
    const int generation = ++m_generation;
    m_jobs->start<bool>(
        scan ? tr("Searching %1, tables no index answers included").arg(needle.text)
             : tr("Finding %1").arg(needle.text),
        [this, targets, needle, options, enough, generation](TaskContext &ctx) {
            int ended = 0;
            const int total = int(targets.size());
            ctx.progress(0, total, tr("%1 of %2 databases").arg(0).arg(total));
            find::FamilyFind::run(
                targets, needle, options, 2,
                [&](const find::FindEvent &e) {
                    if (e.kind == find::FindEvent::Kind::Done || e.kind == find::FindEvent::Kind::Failed) {
                        ++ended;
                        ctx.progress(ended, total, tr("%1 of %2 databases").arg(ended).arg(total));
                    }
                    if (enough->load())
                        return false;
                    QMetaObject::invokeMethod(
                        this,
                        [this, e, generation] {
                            if (generation == m_generation)
                                onEvent(e);
                        },
                        Qt::QueuedConnection);
                    return true;
                },
                ctx.cancelToken());
            return true;
        },
        [this, generation](const Outcome<bool> &out) {
            if (generation != m_generation)
                return; // a newer search took its place
            m_running = false;
            m_stop->setEnabled(false);
            m_stopped = m_stopped || out.cancelled();
            if (!out.ok() && !out.cancelled())
                m_banner->showError(out.error());
            m_view->resizeColumnsToContents();
            updateSummary();
            emit finished();
        });
}

void FindPane::searchUnindexed()
{
    if (!m_value.isEmpty())
        find(m_value, true);
}

void FindPane::stop()
{
    m_stopped = true;
    m_enough->store(true);
    m_jobs->cancel();
}

void FindPane::onEvent(const find::FindEvent &e)
{
    switch (e.kind) {
    case find::FindEvent::Kind::Hit: {
        if (m_rows.size() >= kMaxRows) {
            m_enough->store(true);
            return;
        }
        const FoundRow row{m_targets.value(e.target).settings, e.label, e.server, e.hit};
        QList<QStandardItem *> cells;
        const QStringList texts{e.label,
                                e.server,
                                kindName(e.hit.kind),
                                e.hit.schema + QLatin1Char('.') + e.hit.table,
                                keyText(e.hit),
                                e.hit.at,
                                e.hit.summary};
        for (const QString &t : texts) {
            auto *item = new QStandardItem(t);
            item->setToolTip(t);
            cells << item;
        }
        cells[WhereColumn]->setData(int(m_rows.size()), RowRole);
        cells[TableColumn]->setToolTip(tr("%1, column %2").arg(texts[TableColumn], e.hit.column));
        m_rows.append(row);
        m_model->appendRow(cells);
        if (m_rows.size() == 1) {
            m_view->resizeColumnsToContents();
            m_view->selectRow(0);
        }
        if (m_rows.size() >= kMaxRows)
            m_enough->store(true);
        break;
    }
    case find::FindEvent::Kind::NotSearched: {
        ++m_unindexed;
        const int r = m_skipped->rowCount();
        m_skipped->insertRow(r);
        m_skipped->setItem(r, 0, new QTableWidgetItem(e.label));
        m_skipped->setItem(r, 1, new QTableWidgetItem(e.lookup.relation() + QLatin1Char('.') + e.lookup.column));
        m_skipped->setItem(r, 2, new QTableWidgetItem(
                                     e.lookup.rows < 0
                                         ? tr("no index answers it")
                                         : tr("would scan %1 rows").arg(QLocale().toString(qint64(e.lookup.rows)))));
        break;
    }
    case find::FindEvent::Kind::Failed: {
        ++m_failed;
        ++m_answered;
        const int r = m_skipped->rowCount();
        m_skipped->insertRow(r);
        m_skipped->setItem(r, 0, new QTableWidgetItem(e.label));
        m_skipped->setItem(r, 1, new QTableWidgetItem(tr("(the whole database)")));
        auto *why = new QTableWidgetItem(tr("not searched: %1").arg(e.error));
        why->setToolTip(e.error);
        m_skipped->setItem(r, 2, why);
        break;
    }
    case find::FindEvent::Kind::Done:
        ++m_answered;
        break;
    }
    if (e.kind == find::FindEvent::Kind::NotSearched || e.kind == find::FindEvent::Kind::Failed)
        fitColumns(m_skipped);
    updateSummary();
}

void FindPane::updateSummary()
{
    const bool any = !m_value.isEmpty();
    m_skippedLabel->setText(
        m_unindexed > 0 ? tr("Not searched: only a scan could answer these (%n lookup(s)).", nullptr, m_unindexed)
        : m_failed > 0  ? tr("Not searched")
        : m_scanned     ? tr("Every column that can hold the value was searched, scans included.")
                        : tr("Every column that can hold the value was searched by an index."));
    m_scan->setEnabled(!m_running && m_unindexed > 0 && !m_scanned);
    m_tabs->setTabText(0, tr("Rows found (%1)").arg(m_rows.size()));
    m_tabs->setTabText(1, tr("Not searched (%1)").arg(m_unindexed + m_failed));
    if (!any)
        return;
    const QString rows = tr("%n row(s)", nullptr, int(m_rows.size()));
    const int total = int(m_targets.size());
    QString text = m_running ? tr("“%1” (read as %2) in %3: %4 so far, %5 of %6 databases answered.")
                                   .arg(m_value, m_readAs, m_scopeName, rows)
                                   .arg(m_answered)
                                   .arg(total)
                             : tr("“%1” (read as %2) in %3: %4 in %5 of %6 databases.")
                                   .arg(m_value, m_readAs, m_scopeName, rows)
                                   .arg(m_answered - m_failed)
                                   .arg(total);
    if (!m_running && m_stopped && m_rows.size() < kMaxRows)
        text += QLatin1Char(' ') + tr("Stopped before every database answered.");
    if (m_rows.size() >= kMaxRows)
        text += QLatin1Char(' ') + tr("The first %1 rows are shown: narrow the value or the scope.").arg(kMaxRows);
    if (!m_running && m_rows.isEmpty() && m_answered > 0)
        text += QLatin1Char(' ') + tr("Nothing holds it where an index could tell.");
    if (!m_running && !m_rows.isEmpty())
        text += QLatin1Char(' ') + tr("Double-click a row to open it.");
    if (!m_running && m_unindexed + m_failed > 0)
        text += QLatin1Char(' ') + tr("Not searched: %1 (its tab).").arg(m_unindexed + m_failed);
    m_summary->setText(text);
}

int FindPane::rowCount() const
{
    return m_model->rowCount();
}

FoundRow FindPane::foundRow(int viewRow) const
{
    const int i = m_model->index(viewRow, WhereColumn).data(RowRole).toInt();
    return m_rows.value(i);
}

void FindPane::openRow(int viewRow)
{
    if (viewRow < 0 || viewRow >= m_model->rowCount())
        return;
    emit open(foundRow(viewRow));
}

} // namespace statescope::gui
