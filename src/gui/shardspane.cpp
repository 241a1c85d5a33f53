#include "gui/shardspane.h"

#include "core/browse/familyquery.h"
#include "core/browse/schema.h"
#include "core/layout/layout.h"
#include "core/settings.h"
#include "core/task/canceltoken.h"
#include "gui/banner.h"
#include "gui/familyrun.h"
#include "gui/jobrunner.h"
#include "gui/progresspanel.h"
#include "gui/shardsetdialog.h"
#include "gui/style.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using browse::Filter;

namespace {

struct Opened
{
    shard::ShardSet set;
    QList<shard::Down> down;
    QString ruleSource;
    QStringList tables;
    QList<ShardsPane::GameData> views;
};

// The game's own data the first answering shard's layout finds; the time order is offered
// when every answering shard has an index leading with the time column.
QList<ShardsPane::GameData> gameDataOf(shard::ShardReader &reader, CancelToken &cancel)
{
    struct Kind
    {
        layout::Kind kind;
        QString label, time;
    };
    const QList<Kind> kinds{{layout::Kind::ApiEvents, ShardsPane::tr("API events"), QStringLiteral("fetched_at")},
                            {layout::Kind::PlayerEvents, ShardsPane::tr("Player events"), QStringLiteral("occurred_at")},
                            {layout::Kind::Saves, ShardsPane::tr("Saves"), QStringLiteral("created_at")}};
    QList<ShardsPane::GameData> out;
    QList<std::shared_ptr<const layout::Layout>> layouts;
    for (int i = 0; i < reader.set().members.size(); ++i)
        if (pg::Connection *conn = reader.connection(i, cancel))
            layouts << layout::of(*conn);
    if (layouts.isEmpty())
        return out;
    for (const Kind &k : kinds) {
        const layout::Relation *rel = layouts.first()->find(k.kind);
        if (!rel)
            continue;
        ShardsPane::GameData v;
        v.label = QStringLiteral("%1 (%2)").arg(k.label, rel->qualifiedName());
        v.relation = rel->schema + QLatin1Char('.') + rel->table;
        v.timeColumn = rel->has(k.time) ? rel->columns.at(k.time).name : QString();
        v.playerColumn = rel->has(QStringLiteral("player_id")) ? rel->columns.at(QStringLiteral("player_id")).name
                                                                : QString();
        v.timeIndexed = !v.timeColumn.isEmpty();
        for (const auto &l : std::as_const(layouts)) {
            const layout::Relation *there = l->find(k.kind);
            if (!there || there->schema != rel->schema || there->table != rel->table || !there->indexLeadsWith(k.time))
                v.timeIndexed = false;
        }
        out << v;
    }
    return out;
}

QString hostOf(const pg::ConnectionSettings &s)
{
    const QString host = s.value(QStringLiteral("host"));
    const QString port = s.value(QStringLiteral("port"));
    return (host.isEmpty() ? QStringLiteral("localhost") : host) + (port.isEmpty() ? QString() : QLatin1Char(':') + port);
}

} // namespace

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
    auto *goPlayer = new QPushButton(style::icon(QStringLiteral("go-jump")), tr("&Open his shard"), this);
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
    for (const auto &[op, label] : std::initializer_list<std::pair<Filter::Op, QString>>{
             {Filter::Op::Equals, QStringLiteral("=")},
             {Filter::Op::NotEquals, QStringLiteral("≠")},
             {Filter::Op::Less, QStringLiteral("<")},
             {Filter::Op::LessOrEqual, QStringLiteral("≤")},
             {Filter::Op::Greater, QStringLiteral(">")},
             {Filter::Op::GreaterOrEqual, QStringLiteral("≥")},
             {Filter::Op::Contains, tr("contains")},
             {Filter::Op::IsNull, tr("is NULL")},
             {Filter::Op::IsNotNull, tr("is not NULL")}})
        m_filterOp->addItem(label, int(op));
    m_filterValue->setObjectName(QStringLiteral("shardFilterValue"));
    m_filterValue->setPlaceholderText(tr("value (a player_id = … reads only that player's shard)"));
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
    row2->addWidget(m_filterText);
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

// Sets ---------------------------------------------------------------------------------------

void ShardsPane::reloadSets(const QString &select)
{
    QList<shard::ShardSet> sets;
    try {
        sets = settings::shardSets();
    } catch (const Error &e) {
        m_banner->showError(e, tr("shard sets"));
    }
    const QSignalBlocker block(m_setBox);
    m_setBox->clear();
    for (const shard::ShardSet &s : sets)
        m_setBox->addItem(s.name);
    m_setBox->setPlaceholderText(sets.isEmpty() ? tr("no set saved yet") : tr("choose a set"));
    m_setBox->setCurrentIndex(-1);
    if (!select.isEmpty())
        openSet(select);
    else if (!m_setName.isEmpty() && m_setBox->findText(m_setName) >= 0)
        m_setBox->setCurrentIndex(m_setBox->findText(m_setName));
}

void ShardsPane::fillPasswords(shard::ShardSet &set) const
{
    if (!m_servers)
        return;
    const auto servers = m_servers();
    for (shard::Member &m : set.members) {
        if (m.settings.hasPassword())
            continue;
        for (const auto &[label, s] : servers)
            if (s.hasPassword() && hostOf(s) == hostOf(m.settings)
                && s.value(QStringLiteral("user")) == m.settings.value(QStringLiteral("user"))) {
                m.settings.setPassword(s.value(QStringLiteral("password")));
                break;
            }
    }
}

void ShardsPane::clearShown()
{
    ++m_generation;
    m_jobs->cancel();
    m_reader.reset();
    m_set = {};
    m_down.clear();
    m_schema.clear();
    m_table.clear();
    m_filters.clear();
    m_order = {};
    m_cursor = {};
    m_atEnd = true;
    m_columns.clear();
    m_rows->clear();
    m_tableBox->clear();
    m_views.clear();
    m_viewBox->clear();
    m_filterColumn->clear();
    m_members->setRowCount(0);
    m_summary->setText(m_setName.isEmpty() ? tr("A shard set is N databases that are the shards of one game, read "
                                               "here as one database.")
                                           : QString());
    m_count->clear();
    m_route->clear();
    m_more->setEnabled(false);
    m_placement->setRowCount(0);
    m_placementSummary->clear();
    delete m_sqlView;
    m_sqlView = nullptr;
    m_banner->clearFor(QString());
    rebuildFilterText();
}

void ShardsPane::openSet(const QString &name)
{
    std::optional<shard::ShardSet> found;
    try {
        for (const shard::ShardSet &s : settings::shardSets())
            if (s.name == name)
                found = s;
    } catch (const Error &e) {
        m_banner->showError(e, tr("shard sets"));
        return;
    }
    m_setName = found ? name : QString();
    clearShown();
    {
        const QSignalBlocker block(m_setBox);
        m_setBox->setCurrentIndex(m_setBox->findText(m_setName));
    }
    if (!found) {
        m_banner->showWarning(tr("There is no shard set named \"%1\".").arg(name));
        return;
    }
    shard::ShardSet set = *found;
    fillPasswords(set);
    auto reader = std::make_shared<shard::ShardReader>(set);
    m_reader = reader;
    const quint64 generation = m_generation;
    m_summary->setText(tr("Reading the rule and the shards of %1…").arg(name));
    m_jobs->start<Opened>(
        tr("Opening shard set %1").arg(name),
        [reader](TaskContext &ctx) {
            reader->resolve(ctx.cancelToken());
            const auto unbind = qScopeGuard([&] { reader->release(); }); // the task's token ends with it
            Opened out;
            for (int i = 0; i < reader->set().members.size(); ++i) {
                pg::Connection *conn = reader->connection(i, ctx.cancelToken());
                if (!conn)
                    continue;
                for (const browse::SchemaInfo &schema : browse::readSchemaTree(*conn))
                    for (const browse::RelationInfo &r : schema.relations)
                        if (r.kind == browse::RelationInfo::Kind::Table || r.kind == browse::RelationInfo::Kind::Partitioned)
                            out.tables << r.qualified();
                break;
            }
            out.views = gameDataOf(*reader, ctx.cancelToken());
            out.set = reader->set();
            out.down = reader->down();
            out.ruleSource = reader->ruleSource();
            return out;
        },
        [this, generation, name](const Outcome<Opened> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                m_summary->clear();
                m_reader.reset(); // nothing is read through a set that did not open
                if (!out.cancelled())
                    m_banner->showError(out.error(), name);
                emit failed(out.error().message());
                return;
            }
            m_set = out.value().set;
            m_down = out.value().down;
            m_summary->setText(tr("%n shard(s). Rule: <code>%1</code> (%2), values 0–%3.", nullptr,
                                  int(m_set.members.size()))
                                   .arg(m_set.rule.expression.toHtmlEscaped(), out.value().ruleSource.toHtmlEscaped(),
                                        QString::number(m_set.rule.values - 1)));
            showMembers();
            showDown(m_down, tr("the tables are listed from the others"));
            m_tableBox->addItems(out.value().tables);
            m_views = out.value().views;
            for (const GameData &v : std::as_const(m_views))
                m_viewBox->addItem(v.label);
            m_viewBox->setEnabled(!m_views.isEmpty());
            m_viewBox->setPlaceholderText(m_views.isEmpty() ? tr("no game data found") : tr("game data…"));
            m_viewBox->setCurrentIndex(-1);
            m_tableBox->setCurrentIndex(-1);
            m_tableBox->setPlaceholderText(tr("choose a table"));
            emit setOpened(name);
        });
}

QString ShardsPane::shardLabel(int member) const
{
    if (member < 0 || member >= m_set.members.size())
        return QString::number(member);
    const shard::Member &m = m_set.members.at(member);
    if (!m.label.isEmpty())
        return m.label;
    // The database's name, when no other shard has it (on another server); else host/name.
    for (int i = 0; i < m_set.members.size(); ++i)
        if (i != member && m_set.members.at(i).settings.database() == m.settings.database())
            return m.displayLabel();
    return m.settings.database();
}

void ShardsPane::showMembers()
{
    m_members->setRowCount(int(m_set.members.size()));
    for (int i = 0; i < m_set.members.size(); ++i) {
        const shard::Member &m = m_set.members.at(i);
        QString state = tr("answering");
        bool down = false;
        for (const shard::Down &d : std::as_const(m_down))
            if (d.member == i) {
                state = tr("down: %1").arg(d.error);
                down = true;
            }
        const QStringList cells{shardLabel(i), hostOf(m.settings) + QLatin1Char('/') + m.settings.database(),
                                shard::ShardSet::valuesText(m.values), state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (down)
                item->setForeground(QColor(0xc0, 0x1c, 0x28));
            m_members->setItem(i, c, item);
        }
    }
    m_members->resizeColumnsToContents();
    // As tall as its rows (up to eight), so the rows below keep the room.
    const int rows = std::min(int(m_set.members.size()), 8);
    m_members->setFixedHeight(m_members->horizontalHeader()->sizeHint().height() + 2 * m_members->frameWidth()
                              + rows * m_members->verticalHeader()->defaultSectionSize() + 2);
}

void ShardsPane::showDown(const QList<shard::Down> &down, const QString &what)
{
    if (down.isEmpty()) {
        m_banner->clearFor(m_setName);
        return;
    }
    QStringList names;
    for (const shard::Down &d : down)
        names << tr("%1 (%2)").arg(d.label, d.error);
    m_banner->showWarning(tr("%n shard(s) did not answer: %1. Their rows are missing here; %2.", nullptr,
                             int(down.size()))
                              .arg(names.join(QStringLiteral("; ")), what),
                          m_setName);
}

void ShardsPane::goToPlayer(const QString &player)
{
    if (!m_reader || m_set.members.isEmpty()) {
        m_banner->showWarning(tr("Open a shard set first."));
        return;
    }
    if (player.isEmpty()) {
        m_banner->showWarning(tr("Give the player's id."));
        return;
    }
    auto reader = m_reader;
    const quint64 generation = m_generation;
    m_jobs->start<int>(
        tr("Finding the shard of player %1").arg(player),
        [reader, player](TaskContext &ctx) { return reader->ownerOfPlayer(player, ctx.cancelToken()); },
        [this, generation, player](const Outcome<int> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                if (!out.cancelled())
                    m_banner->showError(out.error(), player);
                emit failed(out.error().message());
                return;
            }
            shard::ShardSet set = m_set;
            fillPasswords(set);
            const shard::Member &m = set.members.at(out.value());
            m_banner->showMessage(tr("Player %1 is on %2.").arg(player, shardLabel(out.value())), m_setName);
            emit openShard(m.settings, m.displayLabel(), player);
        });
}

void ShardsPane::showNewSetDialog()
{
    ShardSetDialog dialog(m_servers ? m_servers() : QList<QPair<QString, pg::ConnectionSettings>>{}, this);
    if (dialog.exec() == QDialog::Accepted)
        addSet(dialog.set());
}

void ShardsPane::addSet(const shard::ShardSet &given)
{
    shard::ShardSet set = given;
    try {
        set.validate();
        for (const shard::ShardSet &s : settings::shardSets())
            if (s.name == set.name)
                throw Error::invalidInput(tr("There is a shard set named \"%1\" already.").arg(set.name));
    } catch (const Error &e) {
        m_banner->showError(e, tr("new shard set"));
        emit failed(e.message());
        return;
    }
    fillPasswords(set);
    m_jobs->start<shard::ShardSet>(
        tr("Reading the shards of %1").arg(set.name),
        [set](TaskContext &ctx) {
            shard::ShardReader reader(set);
            reader.resolve(ctx.cancelToken());
            shard::ShardSet out = reader.set();
            // What is saved: the rule and values as read, the connections without a password.
            for (int i = 0; i < out.members.size(); ++i)
                out.members[i].settings = set.members.at(i).settings;
            return out;
        },
        [this, given](const Outcome<shard::ShardSet> &out) {
            try {
                if (!out.ok())
                    throw out.error();
                shard::ShardSet saved = out.value();
                for (int i = 0; i < saved.members.size(); ++i)
                    saved.members[i].settings = given.members.at(i).settings; // never a password
                QList<shard::ShardSet> sets = settings::shardSets();
                sets << saved;
                settings::saveShardSets(sets);
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled)
                    m_banner->showWarning(tr("The shard set %1 was not saved: reading its shards was stopped.")
                                              .arg(given.name));
                else
                    m_banner->showError(e, tr("new shard set"));
                emit failed(e.message());
                return;
            }
            reloadSets(given.name);
        });
}

void ShardsPane::removeSet(const QString &name)
{
    try {
        QList<shard::ShardSet> sets = settings::shardSets();
        sets.removeIf([&](const shard::ShardSet &s) { return s.name == name; });
        settings::saveShardSets(sets);
    } catch (const Error &e) {
        m_banner->showError(e, name);
        return;
    }
    if (m_setName == name) {
        m_setName.clear();
        clearShown();
    }
    reloadSets();
}

} // namespace statescope::gui
