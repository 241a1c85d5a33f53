// The Snapshots pane's timeline: the snapshots read by tick with their size and age, the one a
// restart would recover from marked, and the state of the selected one loaded.
#include "gui/snapshots/snapshotspane.h"

#include <QListWidget>
#include "core/format.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/tablewidgets.h"
#include "gui/snapshots/galaxyview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"
#include "gui/widgets/progresspanel.h"

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

#include <utility>
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
            // The snapshot a restart recovers from: marked ↺ and bold (its tooltip says the rule;
            // a word there made the column wider than the narrow list has room for).
            item(recovery ? QStringLiteral("%1 \u21BA").arg(s.tick) : QString::number(s.tick)),
            item(utcText(s.gameTime)), item(utcText(s.createdAt)),
            item(format::bytes(s.sizeBytes)), item(ageText(s.ageSeconds))};
        row[TickColumn]->setData(s.id, IdRole);
        row[TickColumn]->setToolTip(tr("Snapshot id %1").arg(s.id));
        row[SizeColumn]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row[AgeColumn]->setToolTip(tr("Created %1 UTC").arg(utcText(s.createdAt)));
        if (recovery)
            row[TickColumn]->setData(tr("%1, the snapshot a restart recovers from").arg(s.tick), Qt::AccessibleTextRole);
        if (recovery)
            for (QStandardItem *cellItem : row) {
                QFont font = cellItem->font();
                font.setBold(true);
                cellItem->setFont(font);
                cellItem->setToolTip(m_recovery.rule);
            }
        m_timelineModel->appendRow(row);
    }
    fitColumns(m_timeline);

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
    } else if (const auto open = std::exchange(m_openId, std::nullopt)) {
        if (!selectSnapshot(*open) && m_db)
            m_errors->showMessage(tr("%1 has no snapshot %2.").arg(m_db->database()).arg(*open), m_db->database());
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
                                 ? tr("Source: %1. %2").arg(data.savesSource, m_savesNote->text())
                                 : tr("Source: %1. %2").arg(data.savesSource, data.savesError));
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

bool SnapshotsPane::selectSnapshot(qint64 id)
{
    for (int row = 0; row < m_timelineModel->rowCount(); ++row)
        if (m_timelineModel->index(row, TickColumn).data(IdRole).toLongLong() == id) {
            m_timeline->selectRow(row);
            m_timeline->scrollTo(m_timelineModel->index(row, 0));
            return true;
        }
    return false;
}

void SnapshotsPane::openSnapshot(qint64 id)
{
    m_tabs->setCurrentIndex(0); // State
    if (m_jobs->isBusy() || m_timelineModel->rowCount() == 0) {
        m_openId = id; // selected once the timeline is listed
        if (m_jobs->isBusy())
            return;
    }
    if (selectSnapshot(id)) {
        m_openId.reset();
        return;
    }
    if (!m_jobs->isBusy() && m_db) {
        m_openId.reset();
        m_errors->showMessage(tr("%1 has no snapshot %2.").arg(m_db->database()).arg(id), m_db->database());
    }
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

} // namespace statescope::gui
