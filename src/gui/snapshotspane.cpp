#include "gui/snapshotspane.h"

#include <QListWidget>
#include "core/format.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "gui/diffview.h"
#include "gui/galaxyview.h"
#include "gui/banner.h"
#include "gui/jobrunner.h"
#include "gui/jsonview.h"
#include "gui/progresspanel.h"

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

namespace {

QString utcText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString ageText(qint64 seconds)
{
    if (seconds < 60)
        return SnapshotsPane::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return SnapshotsPane::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return SnapshotsPane::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return SnapshotsPane::tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QStandardItem *item(const QString &text, const QVariant &sortValue = {})
{
    auto *it = new QStandardItem(text);
    it->setEditable(false);
    if (sortValue.isValid())
        it->setData(sortValue, Qt::UserRole + 2);
    return it;
}

} // namespace

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
    m_redisEdit->setPlaceholderText(tr("The game's Redis, e.g. redis://127.0.0.1:6379/0 (optional)"));
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
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({560, 640});
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

void SnapshotsPane::reload()
{
    if (!m_db)
        return;
    if (m_galaxy->isVisible())
        m_galaxy->reload();
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<Loaded>(
        tr("Loading the snapshots of %1").arg(db.database()),
        [db, as = m_viewAsPlayer, redisText = m_redisEdit->text().trimmed(),
         redisPassword = m_redisPassword](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            Loaded loaded;
            // Through the database's layout: a game with saves but no world snapshots
            // (Marketland+) still gets its Saves tab.
            const auto lay = layout::of(*conn);
            if (const layout::Relation *rel = lay->find(layout::Kind::Snapshots)) {
                loaded.snapshotsSource = rel->describe();
                SnapshotStore store(*conn);
                loaded.list = store.list();
                loaded.recovery = store.recovery();
                std::optional<RedisUrl> redis;
                if (!redisText.isEmpty()) {
                    redis = RedisUrl::parse(redisText); // a malformed URL: the pane says why, nothing read
                    if (redis->password.isEmpty())
                        redis->password = redisPassword;
                }
                loaded.answer = recoveryAnswer(*conn, redis);
            }
            // Statescope's own tables may be missing from an unmigrated database: the
            // timeline still shows, with no operations.
            try {
                loaded.history = SnapshotAdmin(*conn).history();
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled)
                    throw;
            }
            SaveStore saves(*conn);
            loaded.hasSaves = saves.available();
            loaded.savesSource = saves.source();
            if (const layout::Relation *r = lay->find(layout::Kind::Saves))
                loaded.savesRls = !r->rlsSettings.isEmpty();
            if (loaded.hasSaves && loaded.savesRls && !as.isEmpty())
                saves.viewAsPlayer(as);
            if (loaded.hasSaves) {
                try {
                    loaded.players = saves.players();
                } catch (const Error &e) {
                    if (e.kind() == Error::Kind::Cancelled)
                        throw;
                    loaded.savesError = e.message() + QLatin1Char(' ') + e.hint();
                }
            }
            return loaded;
        },
        [this, generation](const Outcome<Loaded> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                return showError(r.error());
            showLoaded(r.value());
        });
}

void SnapshotsPane::showLoaded(const Loaded &data)
{
    if (m_db)
        m_errors->clearFor(m_db->database()); // this database answered
    // Keep the selection across a reload when the snapshots are still there.
    QList<qint64> selected;
    for (const SnapshotInfo &s : selectedSnapshots())
        selected << s.id;
    const auto current = currentSnapshot();

    m_snapshots = data.list;
    m_recovery = data.recovery;
    const qint64 recoveryId = m_recovery.snapshot ? m_recovery.snapshot->id : -1;
    m_timelineModel->removeRows(0, m_timelineModel->rowCount());
    const QLocale locale;
    for (auto it = m_snapshots.crbegin(); it != m_snapshots.crend(); ++it) {
        const SnapshotInfo &s = *it;
        const bool recovery = s.id == recoveryId;
        QList<QStandardItem *> row{
            item(recovery ? tr("%1  (recovery)").arg(s.tick) : QString::number(s.tick)),
            item(utcText(s.gameTime)), item(utcText(s.createdAt)),
            item(format::bytes(s.sizeBytes)), item(ageText(s.ageSeconds))};
        row[TickColumn]->setData(s.id, IdRole);
        row[TickColumn]->setToolTip(tr("Snapshot id %1").arg(s.id));
        row[SizeColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (recovery)
            for (QStandardItem *cellItem : row) {
                QFont font = cellItem->font();
                font.setBold(true);
                cellItem->setFont(font);
                cellItem->setToolTip(m_recovery.rule);
            }
        m_timelineModel->appendRow(row);
    }
    m_timeline->resizeColumnsToContents();

    if (data.snapshotsSource.isEmpty()) {
        m_recoveryLabel->setText(tr("This database holds no world snapshots (no table shaped like "
                                    "snapshots: tick number, state, created at)."));
    } else if (!m_recovery.snapshot) {
        m_recoveryLabel->setText(tr("No snapshots in %1: a restart would start from scratch.")
                                     .arg(data.snapshotsSource));
    } else {
        QString text = tr("<b>Recovery:</b> tick %1 (id %2), %3 in %4.<br><small>%5</small>")
                           .arg(m_recovery.snapshot->tick)
                           .arg(m_recovery.snapshot->id)
                           .arg(tr("%n snapshot(s)", nullptr, int(m_snapshots.size())),
                                data.snapshotsSource.toHtmlEscaped(), m_recovery.rule.toHtmlEscaped());
        if (m_recovery.sameTick > 1)
            text += tr("<br><b>%1 snapshots share this tick.</b>").arg(m_recovery.sameTick);
        if (data.answer) {
            const RecoveryAnswer &a = *data.answer;
            const QString source = a.source == RecoveryAnswer::Source::Redis ? tr("Redis") : tr("the snapshot");
            text += tr("<br><b>A restart uses %1</b>: tick %2, paused %3, tick rate %4, total spawns %5.<br><small>%6</small>")
                        .arg(source, a.tick.toHtmlEscaped(), (a.paused.isEmpty() ? tr("(none)") : a.paused).toHtmlEscaped(),
                             (a.tickRate.isEmpty() ? tr("(none)") : a.tickRate).toHtmlEscaped(),
                             (a.totalSpawns.isEmpty() ? tr("(none)") : a.totalSpawns).toHtmlEscaped(), a.why.toHtmlEscaped());
            if (!a.redisError.isEmpty())
                m_errors->showWarning(a.redisError, m_db ? m_db->database() : QString());
        }
        m_recoveryLabel->setText(text);
    }
    m_recoveryLabel->setToolTip(m_recovery.rule);

    auto *sel = m_timeline->selectionModel();
    for (int row = 0; row < m_timelineModel->rowCount(); ++row) {
        const qint64 id = m_timelineModel->index(row, TickColumn).data(IdRole).toLongLong();
        if (selected.contains(id))
            sel->select(m_timelineModel->index(row, 0),
                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (current && current->id == id)
            sel->setCurrentIndex(m_timelineModel->index(row, 0), QItemSelectionModel::NoUpdate);
    }
    if (m_keepTick) {
        // A week switch: the same tick, or say that this week has none (nothing else is
        // selected in its place).
        const qint64 tick = *m_keepTick;
        m_keepTick.reset();
        int found = -1;
        for (int row = 0; row < m_timelineModel->rowCount() && found < 0; ++row) {
            const qint64 id = m_timelineModel->index(row, TickColumn).data(IdRole).toLongLong();
            for (const SnapshotInfo &s : std::as_const(m_snapshots))
                if (s.id == id && s.tick == tick)
                    found = row;
        }
        if (found >= 0) {
            m_timeline->selectRow(found);
        } else {
            m_state->clear();
            if (m_db)
                m_errors->showMessage(tr("%1 has no snapshot at tick %2 (its ticks: %3). Choose one in "
                                         "the timeline.")
                                          .arg(m_db->database())
                                          .arg(tick)
                                          .arg(m_snapshots.isEmpty()
                                                   ? tr("none")
                                                   : tr("%1 to %2").arg(m_snapshots.first().tick).arg(m_snapshots.last().tick)),
                                      m_db->database());
        }
    } else if (!sel->hasSelection() && m_timelineModel->rowCount() > 0) {
        m_timeline->selectRow(0);
    }
    if (m_timelineModel->rowCount() == 0)
        m_state->clear();

    showHistory(data.history);
    showPlayers(data.hasSaves, data.players);
    // A game with saves and no world snapshots (Marketland+): open where its data is.
    if (data.snapshotsSource.isEmpty() && data.hasSaves)
        m_tabs->setCurrentWidget(m_savesTab);
    m_viewAs->setVisible(data.savesRls);
    if (data.hasSaves)
        m_savesNote->setText(data.savesError.isEmpty()
                                 ? tr("Reading %1. %2").arg(data.savesSource, m_savesNote->text())
                                 : tr("Reading %1. %2").arg(data.savesSource, data.savesError));
    updateAdminButtons();
    emit loaded();
}

std::optional<SnapshotInfo> SnapshotsPane::currentSnapshot() const
{
    const QModelIndex current = m_timeline->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const qint64 id = m_timelineModel->index(current.row(), TickColumn).data(IdRole).toLongLong();
    for (const SnapshotInfo &s : m_snapshots)
        if (s.id == id)
            return s;
    return std::nullopt;
}

QList<SnapshotInfo> SnapshotsPane::selectedSnapshots() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_timeline->selectionModel()->selectedRows(TickColumn))
        ids << index.data(IdRole).toLongLong();
    QList<SnapshotInfo> out;
    for (const SnapshotInfo &s : m_snapshots) // m_snapshots is in timeline order
        if (ids.contains(s.id))
            out << s;
    return out;
}

void SnapshotsPane::loadState(qint64 id)
{
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    const quint64 request = ++m_stateRequest;
    const quint64 generation = m_generation;
    m_jobs->start<json::Document>(
        tr("Reading snapshot %1").arg(id),
        [db, id](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            QByteArray text = SnapshotStore(*conn).state(id);
            ctx.throwIfCancelled();
            return json::Document::parse(std::move(text));
        },
        [this, id, request, generation](const Outcome<json::Document> &r) {
            if (request != m_stateRequest || generation != m_generation)
                return; // another snapshot was selected meanwhile
            if (!r.ok())
                return showError(r.error());
            QString title = tr("Snapshot %1").arg(id);
            for (const SnapshotInfo &s : std::as_const(m_snapshots))
                if (s.id == id)
                    title = tr("Tick %1 (snapshot %2)").arg(s.tick).arg(id);
            m_state->setDocument(r.value(), title);
            showTables(r.value());
            emit stateShown(id);
        });
}

void SnapshotsPane::showError(const Error &error)
{
    const QString db = m_db ? m_db->database() : QString();
    if (error.kind() == Error::Kind::Cancelled)
        return m_errors->showMessage(tr("Cancelled."), db);
    m_errors->showError(error, db);
}

} // namespace statescope::gui
