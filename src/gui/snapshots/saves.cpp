// The Snapshots pane's cloud saves (save_snapshots, Marketland shape): players, one
// player's saves in stored order with their checksums recomputed, and the diff of two.
#include "core/pg/connection.h"

#include "models/ink.h"
#include "core/format.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/snapshots/snapshotspane.h"

#include "core/validate.h"
#include "gui/widgets/themed.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::snapshots;

namespace {

QTableView *makeTable(QStandardItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

QWidget *SnapshotsPane::buildSavesTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_savesNote = new QLabel(page);
    m_savesNote->setObjectName(QStringLiteral("savesNote"));
    m_savesNote->setWordWrap(true);
    layout->addWidget(m_savesNote);
    // Row-level security keyed on a setting (Marketland's app.current_player_id): read as one
    // player. The setting is made per transaction, read-only; no policy is ever changed.
    m_viewAs = new QLineEdit(page);
    m_viewAs->setObjectName(QStringLiteral("viewAsPlayer"));
    m_viewAs->setPlaceholderText(tr("View as player (UUID), then Enter: row-level security"));
    m_viewAs->setClearButtonEnabled(true);
    m_viewAs->setVisible(false);
    connect(m_viewAs, &QLineEdit::returnPressed, this, [this] {
        const QString id = m_viewAs->text().trimmed();
        if (!id.isEmpty() && !validate::uuid(id)) {
            m_errors->showWarning(tr("\"%1\" is not a player id (a UUID).").arg(id));
            return;
        }
        m_viewAsPlayer = id;
        reload();
    });
    layout->addWidget(m_viewAs);

    auto *split = new QSplitter(Qt::Vertical, page);
    auto *lists = new QSplitter(Qt::Horizontal, split);
    m_playersModel = new QStandardItemModel(this);
    m_playersModel->setHorizontalHeaderLabels({tr("Player"), tr("Saves"), tr("Latest (UTC)")});
    m_players = makeTable(m_playersModel, QStringLiteral("savePlayers"), lists);
    m_players->setSelectionMode(QAbstractItemView::SingleSelection);
    m_savesModel = new QStandardItemModel(this);
    m_savesModel->setHorizontalHeaderLabels({tr("Id"), tr("Version"), tr("Created at (UTC)"),
                                             tr("Size"), tr("Checksum stored"),
                                             tr("Checksum recomputed"), tr("Match")});
    auto *savesBox = new QWidget(lists);
    auto *savesLayout = new QVBoxLayout(savesBox);
    savesLayout->setContentsMargins(0, 0, 0, 0);
    m_saves = makeTable(m_savesModel, QStringLiteral("saveList"), savesBox);
    m_saves->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_saves->setToolTip(
        tr("In stored order: created_at, then snapshot_id, newest first. Select two "
           "to diff them."));
    savesLayout->addWidget(m_saves, 1);
    auto *bar = new QHBoxLayout;
    m_checksumLabel = new QLabel(savesBox);
    m_checksumLabel->setObjectName(QStringLiteral("checksumRule"));
    m_checksumLabel->setWordWrap(true);
    // The rule is long: a short label, the rule in full on hover.
    m_checksumLabel->setText(tr("<small>Checksums recomputed by the stated rule (hover).</small>"));
    m_checksumLabel->setToolTip(SaveStore::checksumRule());
    auto *diffButton = new QPushButton(tr("Diff selected saves"), savesBox);
    diffButton->setObjectName(QStringLiteral("diffSavesButton"));
    connect(diffButton, &QPushButton::clicked, this, &SnapshotsPane::diffSelectedSaves);
    bar->addWidget(m_checksumLabel, 1);
    bar->addWidget(diffButton);
    savesLayout->addLayout(bar);
    lists->addWidget(m_players);
    lists->addWidget(savesBox);
    lists->setStretchFactor(0, 1);
    lists->setStretchFactor(1, 2);

    m_saveDiff = new DiffView(split);
    m_saveDiff->setObjectName(QStringLiteral("saveDiff"));
    split->addWidget(lists);
    split->addWidget(m_saveDiff);
    layout->addWidget(split, 1);

    connect(m_players->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    loadSaves(m_playersModel->index(current.row(), 0).data().toString());
            });
    return page;
}

void SnapshotsPane::showPlayers(bool available, const QList<SavePlayer> &players)
{
    const QModelIndex was = m_players->currentIndex();
    const QString keep =
        was.isValid() ? m_playersModel->index(was.row(), 0).data().toString() : QString();
    m_playersModel->removeRows(0, m_playersModel->rowCount());
    m_savesModel->removeRows(0, m_savesModel->rowCount());
    // Nothing to list without the table: only the note shows.
    m_saveDiff->parentWidget()->setVisible(available);
    if (!available) {
        m_savesNote->setText(tr("This database holds no saves (no table shaped like save_snapshots: "
                                "player id, save data, created at)."));
        emit savesLoaded(0);
        return;
    }
    m_savesNote->setText(tr("%n player(s) with saves.", nullptr, int(players.size())));
    for (const SavePlayer &p : players) {
        auto *count = new QStandardItem(QString::number(p.saves));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_playersModel->appendRow(
            {new QStandardItem(p.playerId), count,
             new QStandardItem(p.latest.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))});
    }
    m_players->resizeColumnsToContents();
    for (int row = 0; row < m_playersModel->rowCount(); ++row)
        if (m_playersModel->index(row, 0).data().toString() == keep)
            m_players->selectRow(row);
    emit savesLoaded(int(players.size()));
}

void SnapshotsPane::loadSaves(const QString &player)
{
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<QList<SaveInfo>>(
        tr("Reading the saves of %1").arg(player),
        [db, player, as = m_viewAsPlayer](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            SaveStore store(*conn);
            if (!as.isEmpty())
                store.viewAsPlayer(as);
            return store.saves(player);
        },
        [this, generation, player](const Outcome<QList<SaveInfo>> &r) {
            const QModelIndex current = m_players->currentIndex();
            if (generation != m_generation || !current.isValid() ||
                m_playersModel->index(current.row(), 0).data().toString() != player)
                return;
            if (!r.ok())
                return showError(r.error());
            showSaves(r.value());
        });
}

void SnapshotsPane::showSaves(const QList<SaveInfo> &saves)
{
    m_savesModel->removeRows(0, m_savesModel->rowCount());
    const QLocale locale;
    const QString rule = SaveStore::checksumRule();
    for (const SaveInfo &s : saves) { // already in stored order
        // Which form of the document the client hashed, or that none of the known ones does.
        auto *match = new QStandardItem(s.checksumMatches ? tr("match: %1").arg(checksumFormName(s.checksumForm))
                                                          : tr("MISMATCH: no known form"));
        style::setInk(match, s.checksumMatches ? models::ink::Meaning::Success : models::ink::Meaning::Danger);
        match->setToolTip(rule);
        auto *id = new QStandardItem(QString::number(s.snapshotId));
        id->setData(s.snapshotId, IdRole);
        auto *computed = new QStandardItem(s.computedChecksum);
        computed->setToolTip(rule);
        m_savesModel->appendRow(
            {id, new QStandardItem(s.version),
             new QStandardItem(s.createdAtExact.isEmpty()
                                   ? s.createdAt.toUTC().toString(Qt::ISODateWithMs)
                                   : s.createdAtExact),
             new QStandardItem(format::bytes(s.sizeBytes)),
             new QStandardItem(s.storedChecksum), computed, match});
    }
    m_saves->resizeColumnsToContents();
}

bool SnapshotsPane::diffSelectedSaves()
{
    if (!m_db)
        return false;
    // Rows are newest first in stored order: the lower row is the older save.
    QList<int> rows;
    for (const QModelIndex &index : m_saves->selectionModel()->selectedRows(0))
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.size() != 2) {
        m_errors->showMessage(tr("Select exactly two saves to compare."));
        return false;
    }
    const qint64 newer = m_savesModel->index(rows.at(0), 0).data(IdRole).toLongLong();
    const qint64 older = m_savesModel->index(rows.at(1), 0).data(IdRole).toLongLong();
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<StateDiff>(
        tr("Reading saves %1 and %2").arg(older).arg(newer),
        [db, older, newer, as = m_viewAsPlayer](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            SaveStore store(*conn);
            if (!as.isEmpty())
                store.viewAsPlayer(as);
            return store.diff(older, newer, true);
        },
        [this, generation, older, newer](const Outcome<StateDiff> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                return showError(r.error());
            json::DiffOptions options;
            options.keyedArrays = true;
            m_saveDiff->setDocuments(r.value().from, tr("save %1").arg(older), r.value().to,
                                     tr("save %1").arg(newer), options);
        });
    return true;
}

} // namespace statescope::gui
