#include "gui/shards/shardspane.h"

#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "gui/widgets/tablewidgets.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using browse::Filter;

ShardsPane::ShardsPane(QWidget *parent)
    : QWidget(parent), m_setBox(new QComboBox(this)), m_summary(new QLabel(this)), m_player(new QLineEdit(this)),
      m_members(new QTableWidget(this)),
      m_tabs(new QTabWidget(this)), m_tableBox(new QComboBox(this)), m_viewBox(new QComboBox(this)),
      m_filterColumn(new QComboBox(this)),
      m_filterOp(new QComboBox(this)), m_filterValue(new QLineEdit(this)), m_filterText(new QLabel(this)),
      m_route(new QLabel(this)), m_count(new QLabel(this)), m_more(new QPushButton(tr("&More rows"), this)),
      m_rows(new QStandardItemModel(this)), m_grid(new QTableView(this)), m_sql(new QPlainTextEdit(this)),
      m_placement(new QTableWidget(this)), m_placementSummary(new QLabel(this)), m_banner(new Banner(this)),
      m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this))
{
    setObjectName(QStringLiteral("shardsPane"));
    m_setBox->setObjectName(QStringLiteral("shardSetBox"));
    m_setBox->setMinimumContentsLength(18);
    m_setBox->setToolTip(tr("The saved shard sets (statescope-cli shard save adds them too)"));
    connect(m_setBox, &QComboBox::activated, this, [this](int i) { openSet(m_setBox->itemText(i)); });
    auto *newSet = new QPushButton(style::icon(QStringLiteral("list-add")), tr("&New set…"), this);
    newSet->setObjectName(QStringLiteral("newShardSet"));
    newSet->setToolTip(tr("Say which databases are the shards of one game"));
    connect(newSet, &QPushButton::clicked, this, &ShardsPane::showNewSetDialog);
    auto *remove = new QPushButton(style::icon(QStringLiteral("list-remove")), tr("Remove set"), this);
    remove->setObjectName(QStringLiteral("removeShardSet"));
    remove->setToolTip(tr("Forget this set (its databases are not touched)"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_setName.isEmpty())
            return;
        if (QMessageBox::question(this, tr("Remove shard set"),
                                  tr("Forget the shard set \"%1\"? Its databases are not touched.").arg(m_setName))
            == QMessageBox::Yes)
            removeSet(m_setName);
    });
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Shard set:"), this));
    top->addWidget(m_setBox);
    top->addWidget(newSet);
    top->addWidget(remove);
    top->addWidget(m_summary, 1);
    m_summary->setObjectName(QStringLiteral("shardSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // One player: his shard's own database in the window's panes.
    m_player->setObjectName(QStringLiteral("shardPlayer"));
    m_player->setPlaceholderText(tr("player id"));
    m_player->setClearButtonEnabled(true);
    m_player->setToolTip(tr("Open the shard the rule places this player on: his events, saves and tables there, "
                            "viewed as him where the database has row-level security"));
    auto *goPlayer = new QPushButton(style::icon(QStringLiteral("go-jump")), tr("&Open the player's shard"), this);
    goPlayer->setObjectName(QStringLiteral("shardGoToPlayer"));
    const auto go = [this] { goToPlayer(m_player->text().trimmed()); };
    connect(goPlayer, &QPushButton::clicked, this, go);
    connect(m_player, &QLineEdit::returnPressed, this, go);
    auto *playerRow = new QHBoxLayout;
    playerRow->addWidget(new QLabel(tr("Player:"), this));
    playerRow->addWidget(m_player, 1);
    playerRow->addWidget(goPlayer);

    m_members->setObjectName(QStringLiteral("shardMembers"));
    m_members->setColumnCount(4);
    m_members->setHorizontalHeaderLabels({tr("Shard"), tr("Database"), tr("Values"), tr("State")});
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->verticalHeader()->hide();
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->setFixedHeight(m_members->horizontalHeader()->sizeHint().height() + 2 * m_members->frameWidth() + 2);
    m_members->setVisible(false); // until a set is chosen

    m_tabs->setObjectName(QStringLiteral("shardTabs"));
    m_tabs->addTab(buildRowsTab(), tr("Rows"));
    m_tabs->addTab(buildSqlTab(), tr("SQL on each shard"));
    m_tabs->addTab(buildPlacementTab(), tr("Placement"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_members);
    layout->addLayout(playerRow);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);
    clearShown();
}

ShardsPane::~ShardsPane()
{
    // Tasks hold the reader (shared); the worker ends them before the pane's widgets go.
    delete m_jobs;
}

bool ShardsPane::isBusy() const
{
    return m_jobs->isBusy() || (m_sqlView && m_sqlView->isRunning());
}

QWidget *ShardsPane::buildRowsTab()
{
    auto *page = new QWidget(this);
    m_tableBox->setObjectName(QStringLiteral("shardTable"));
    m_tableBox->setMinimumContentsLength(24);
    m_tableBox->setToolTip(tr("A table of the shards (listed from the first shard that answers)"));
    connect(m_tableBox, &QComboBox::activated, this, [this](int i) { openTable(m_tableBox->itemText(i)); });
    m_viewBox->setObjectName(QStringLiteral("shardGameData"));
    m_viewBox->setMinimumContentsLength(22);
    m_viewBox->setToolTip(tr("The game's own data on every shard, newest first; with a player in the Player field, "
                             "his only, read on his shard"));
    connect(m_viewBox, &QComboBox::activated, this, &ShardsPane::openGameData);
    m_filterColumn->setObjectName(QStringLiteral("shardFilterColumn"));
    m_filterOp->setObjectName(QStringLiteral("shardFilterOp"));
    addFilterOps(m_filterOp);
    m_filterValue->setObjectName(QStringLiteral("shardFilterValue"));
    m_filterValue->setPlaceholderText(tr("value"));
    m_filterValue->setToolTip(tr("A player_id = … filter reads only that player's shard."));
    m_filterValue->setClearButtonEnabled(true);
    connect(m_filterValue, &QLineEdit::returnPressed, this, &ShardsPane::addFilterFromRow);
    auto *add = new QPushButton(style::icon(QStringLiteral("view-filter")), tr("Filter"), this);
    add->setObjectName(QStringLiteral("shardAddFilter"));
    connect(add, &QPushButton::clicked, this, &ShardsPane::addFilterFromRow);
    auto *clear = new QPushButton(tr("Clear filters"), this);
    clear->setObjectName(QStringLiteral("shardClearFilters"));
    connect(clear, &QPushButton::clicked, this, &ShardsPane::clearFilters);
    auto *count = new QPushButton(tr("Count exactly"), this);
    count->setObjectName(QStringLiteral("shardCountExactly"));
    count->setToolTip(tr("Count the matching rows on every shard and add them up"));
    connect(count, &QPushButton::clicked, this, [this] { countRows(true); });

    auto *row = new QHBoxLayout;
    row->addWidget(m_viewBox);
    row->addWidget(m_tableBox);
    row->addWidget(m_filterColumn);
    row->addWidget(m_filterOp);
    row->addWidget(m_filterValue, 1);
    row->addWidget(add);
    row->addWidget(clear);
    auto *row2 = new QHBoxLayout;
    m_filterText->setObjectName(QStringLiteral("shardFilters"));
    m_route->setObjectName(QStringLiteral("shardRoute"));
    m_count->setObjectName(QStringLiteral("shardCount"));
    // Wrapped: a filter on a UUID, or the route naming its shard, never widens the window.
    for (QLabel *l : {m_filterText, m_route, m_count})
        l->setWordWrap(true);
    row2->addWidget(m_filterText, 1);
    row2->addWidget(m_route, 1);
    row2->addWidget(m_count);
    row2->addWidget(count);

    m_grid->setObjectName(QStringLiteral("shardGrid"));
    m_grid->setModel(m_rows);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->horizontalHeader()->setSectionsClickable(true);
    m_grid->horizontalHeader()->setSortIndicatorShown(true);
    m_grid->horizontalHeader()->setDefaultSectionSize(150);
    style::uniformRows(m_grid);
    m_grid->setToolTip(tr("Click a column's header to sort by it (it needs an index on each shard)"));
    connect(m_grid->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        if (section < 1 || section > m_columns.size())
            return; // the shard column is not a column of the table
        const QString column = m_columns.at(section - 1);
        sortBy(column, m_order.column == column && !m_order.descending);
    });
    // The next page when the last row comes into view.
    connect(m_grid->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_atEnd && !m_jobs->isBusy() && value == m_grid->verticalScrollBar()->maximum() && value > 0)
            loadMore();
    });
    m_more->setObjectName(QStringLiteral("shardMoreRows"));
    connect(m_more, &QPushButton::clicked, this, &ShardsPane::loadMore);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addLayout(row2);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_more, 0, Qt::AlignLeft);
    return page;
}

QWidget *ShardsPane::buildSqlTab()
{
    auto *page = new QWidget(this);
    m_sql->setObjectName(QStringLiteral("shardSql"));
    m_sql->setPlaceholderText(tr("SELECT … : run read-only on each shard (Ctrl+Enter); the rows come back with "
                                 "a shard column"));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sql->setMaximumHeight(120);
    auto *run = new QPushButton(style::icon(QStringLiteral("media-playback-start")), tr("&Run on each shard"), this);
    run->setObjectName(QStringLiteral("shardRunSql"));
    connect(run, &QPushButton::clicked, this, [this] { runSql(m_sql->toPlainText()); });
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_sql, nullptr, nullptr, Qt::WidgetShortcut);
    shortcut->setWhatsThis(tr("Run on each shard")); // its line in Help > Keyboard shortcuts
    connect(shortcut, &QShortcut::activated, this, [this] { runSql(m_sql->toPlainText()); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_sql);
    layout->addWidget(run, 0, Qt::AlignLeft);
    auto *results = new QWidget(page); // the run's view, once there is one
    m_sqlHolder = new QVBoxLayout(results);
    m_sqlHolder->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(results, 1);
    return page;
}

QWidget *ShardsPane::buildPlacementTab()
{
    auto *page = new QWidget(this);
    auto *check = new QPushButton(tr("&Check placement"), this);
    check->setObjectName(QStringLiteral("shardCheck"));
    check->setToolTip(tr("On every shard, count the rows the rule places on another shard (or on none)"));
    connect(check, &QPushButton::clicked, this, &ShardsPane::checkPlacement);
    m_placementSummary->setObjectName(QStringLiteral("shardPlacementSummary"));
    m_placementSummary->setWordWrap(true);
    m_placement->setObjectName(QStringLiteral("shardPlacement"));
    m_placement->setColumnCount(5);
    m_placement->setHorizontalHeaderLabels({tr("On shard"), tr("Table"), tr("Rule value"), tr("Belongs on"), tr("Rows")});
    m_placement->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_placement->verticalHeader()->hide();
    m_placement->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(page);
    auto *row = new QHBoxLayout;
    row->addWidget(check);
    row->addWidget(m_placementSummary, 1);
    layout->addLayout(row);
    layout->addWidget(m_placement, 1);
    return page;
}

} // namespace statescope::gui
