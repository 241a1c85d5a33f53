#include "gui/snapshots/snapshotspane.h"

#include <QListWidget>
#include "core/format.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "gui/widgets/diffview.h"
#include "gui/snapshots/galaxyview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/roomfor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace statescope::gui {

using namespace statescope::snapshots;

SnapshotsPane::SnapshotsPane(QWidget *parent)
    : QWidget(parent), m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this)),
      m_errors(new Banner(this)), m_recoveryLabel(new QLabel(this)),
      m_timelineModel(new QStandardItemModel(this)), m_timeline(new QTableView(this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("snapshotsPane"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_errors);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_recoveryLabel->setObjectName(QStringLiteral("recoveryLabel"));
    m_recoveryLabel->setWordWrap(true);
    m_recoveryLabel->setTextFormat(Qt::RichText);
    leftLayout->addWidget(m_recoveryLabel);
    // Galaxy recovers from Redis when Redis is ahead of the newest snapshot: naming its Redis
    // makes the answer the game's own (read only: GET, never a write).
    m_redisEdit = new QLineEdit(this);
    m_redisEdit->setObjectName(QStringLiteral("redisUrl"));
    m_redisEdit->setPlaceholderText(tr("optional: redis://127.0.0.1:6379/0"));
    m_redisEdit->setToolTip(tr("Read only (GET game:tick, game:paused, game:tick_rate, game:total_spawns). "
                               "A password goes in the URL (redis://:password@host:port/db): it is kept in the "
                               "system keychain, the URL for every week of the family. TLS is not supported."));
    m_redisEdit->setClearButtonEnabled(true);
    connect(m_redisEdit, &QLineEdit::returnPressed, this, [this] {
        rememberRedis();
        reload();
    });
    leftLayout->addWidget(m_redisEdit);
    m_timelineModel->setHorizontalHeaderLabels(
        {tr("Tick"), tr("Game time (UTC)"), tr("Created at (UTC)"), tr("Size"), tr("Age")});
    m_timeline->setObjectName(QStringLiteral("snapshotTimeline"));
    m_timeline->setModel(m_timelineModel);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->verticalHeader()->setVisible(false);
    m_timeline->verticalHeader()->setDefaultSectionSize(m_timeline->fontMetrics().height() + 6);
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    // When each was made is in its age's tooltip: with that column too the list scrolled
    // sideways beside the state (its last column read "E" for "Erstellt am").
    m_timeline->setColumnHidden(CreatedColumn, true);
    m_timeline->setToolTip(tr("Newest first. Select two snapshots and press Ctrl+D to diff them."));
    leftLayout->addWidget(m_timeline, 1);
    auto *buttons = new QHBoxLayout;
    auto *reloadButton = new QPushButton(tr("Reload"), this);
    reloadButton->setToolTip(tr("Reload the timeline (F5)"));
    connect(reloadButton, &QPushButton::clicked, this, &SnapshotsPane::reload);
    auto *diffButton = new QPushButton(tr("Diff selected"), this);
    diffButton->setObjectName(QStringLiteral("diffSelectedButton"));
    diffButton->setToolTip(tr("Two selected: those two. One: it and the one before it (Ctrl+D)"));
    connect(diffButton, &QPushButton::clicked, this, &SnapshotsPane::diffSelected);
    buttons->addWidget(reloadButton);
    buttons->addWidget(diffButton);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);

    m_tabs->setObjectName(QStringLiteral("snapshotTabs"));
    m_tabs->addTab(buildStateTab(), tr("State"));
    m_tabs->addTab(buildDiffTab(), tr("Diff"));
    m_tabs->addTab(buildTrackTab(), tr("Track"));
    m_tabs->addTab(buildRetentionTab(), tr("Retention"));
    m_savesTab = buildSavesTab();
    m_tabs->addTab(m_savesTab, tr("Saves"));
    m_galaxy = new GalaxyView(m_tabs);
    m_tabs->addTab(m_galaxy, tr("Config and maneuvers"));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_tabs);
    // The list as wide as its columns ask (roomForList), the state the rest: a wider window
    // widens the state.
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({330, 870});
    roomForList(split, m_timeline, 0.5);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);

    connect(
        m_timeline->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                loadState(
                    m_timelineModel->index(current.row(), TickColumn).data(IdRole).toLongLong());
        });
    connect(m_timeline->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateAdminButtons();
        if (m_tabs->currentWidget() == m_diff->parentWidget())
            diffSelected();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) {
        if (m_tabs->currentWidget() == m_diff->parentWidget() && !m_diff->hasResult() &&
            !m_diff->isBusy())
            diffSelected();
    });

    auto *diffShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_D), this);
    diffShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    diffShortcut->setWhatsThis(tr("Diff the selected snapshots"));
    connect(diffShortcut, &QShortcut::activated, this, &SnapshotsPane::diffSelected);

    updateAdminButtons();
    setEnabled(false);
}

SnapshotsPane::~SnapshotsPane() = default;

bool SnapshotsPane::event(QEvent *event)
{
    // The window's Refresh action owns F5 too; a second shortcut would make both ambiguous,
    // so the pane claims the key as a plain key press while it has the focus.
    if (event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Refresh)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void SnapshotsPane::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Refresh)) {
        reload();
        return event->accept();
    }
    QWidget::keyPressEvent(event);
}

QWidget *SnapshotsPane::buildStateTab()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_state = new JsonView(split);
    m_state->setObjectName(QStringLiteral("snapshotState"));
    m_state->setTrackable(true);
    connect(m_state, &JsonView::trackRequested, this, [this](const QString &path) {
        m_trackPath->setText(path);
        m_tabs->setCurrentWidget(m_trackPath->parentWidget());
        track();
    });
    m_tables = new QTabWidget(split);
    m_tables->setObjectName(QStringLiteral("snapshotTables"));
    split->addWidget(m_state);
    split->addWidget(m_tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    return split;
}

void SnapshotsPane::setDatabase(const std::optional<pg::ConnectionSettings> &db)
{
    if (db && m_db && db->conninfo() == m_db->conninfo())
        return;
    m_db = db;
    ++m_generation;
    restoreRedis();
    m_galaxy->setDatabase(db);
    m_keepTick.reset();
    m_openId.reset();
    m_viewAsPlayer.clear(); // a player of another database means nothing here
    m_viewAs->clear();
    m_viewAs->setVisible(false);
    m_snapshots.clear();
    m_recovery = {};
    m_timelineModel->removeRows(0, m_timelineModel->rowCount());
    m_recoveryLabel->clear();
    m_state->clear();
    m_tables->clear();
    m_errors->hide();
    // Every tab starts empty: nothing of the previous database stays on screen.
    m_diffPair = {-1, -1};
    m_diff->clear();
    showTrack({}, {});
    m_trackNote->clear();
    m_planLabel->clear();
    m_planLabel->setProperty("previewed", false);
    m_planList->clear();
    m_history.clear();
    m_historyModel->removeRows(0, m_historyModel->rowCount());
    m_savesNote->clear();
    m_playersModel->removeRows(0, m_playersModel->rowCount());
    m_savesModel->removeRows(0, m_savesModel->rowCount());
    m_checksumLabel->clear();
    m_saveDiff->clear();
    updateAdminButtons();
    setEnabled(m_db.has_value());
    if (m_db)
        reload();
}

void SnapshotsPane::switchWeek(const pg::ConnectionSettings &db)
{
    const auto current = currentSnapshot();
    const int tab = m_tabs->currentIndex();
    setDatabase(db);
    m_keepTick = current ? std::optional(current->tick) : std::nullopt;
    m_tabs->setCurrentIndex(tab);
}

void SnapshotsPane::setRedisUrl(const QString &url)
{
    m_redisEdit->setText(url);
    rememberRedis();
}

QString SnapshotsPane::recoveryText() const
{
    return m_recoveryLabel->text();
}

void SnapshotsPane::setAdminMode(bool on)
{
    m_admin = on;
    updateAdminButtons();
}

void SnapshotsPane::showError(const Error &error)
{
    const QString db = m_db ? m_db->database() : QString();
    if (error.kind() == Error::Kind::Cancelled)
        return m_errors->showMessage(tr("Cancelled."), db);
    m_errors->showError(error, db);
}

} // namespace statescope::gui
