// Drives the real Snapshots pane (offscreen) on a seeded database with two crafted
// snapshots on top: the timeline and its recovery mark, the state tables, the keyed diff of
// two selected snapshots, a tracked value against an independent query, the retention
// preview, and a prune through the confirmation dialog undone again, checked by digest.
#include "core/pg/connection.h"
#include "core/settings.h"
#include "core/snapshots/snapshotstore.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"
#include "gui/snapshots/snapshotspane.h"
#include "integration/snapshotsfixture.h"
#include "models/difftreemodel.h"
#include "models/jsontreemodel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <algorithm>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kTimeout = 60000;
constexpr int kSeeded = 12; // demo snapshots at ticks 60, 120, ...

// S1's fuel drops by 10 and S2 moves to the front: one change once ships are keyed.
const char *const kStateA = R"({"paused": false, "ships": [)"
                            R"({"ship_id": "S1", "name": "Alpha", "fuel": 100},)"
                            R"({"ship_id": "S2", "name": "Beta", "fuel": 50},)"
                            R"({"ship_id": "S3", "name": "Gamma", "fuel": 7}]})";
const char *const kStateB = R"({"paused": false, "ships": [)"
                            R"({"ship_id": "S2", "name": "Beta", "fuel": 50},)"
                            R"({"ship_id": "S1", "name": "Alpha", "fuel": 90},)"
                            R"({"ship_id": "S3", "name": "Gamma", "fuel": 7}]})";
constexpr qint64 kTickA = 100000, kTickB = 100060;

} // namespace

class TestSnapshotsPane : public QObject, private SnapshotsFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_db = galaxy(QStringLiteral("snap_gui"), kSeeded);
        auto conn = test::connect(m_db);
        const QString insert = QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, "
                                              "state) VALUES ($1, now(), $2::jsonb) RETURNING id");
        m_idA = conn->exec(insert, {kTickA, QByteArray(kStateA)}).toLongLong(0, 0);
        m_idB = conn->exec(insert, {kTickB, QByteArray(kStateB)}).toLongLong(0, 0);
        // Ranks 1..7 by tick are young (10 minutes), the rest three hours old and more.
        craftAges(*conn, 1, 7);

        m_pane = std::make_unique<gui::SnapshotsPane>();
        m_pane->resize(1400, 900);
        m_pane->show();
        QSignalSpy loaded(m_pane.get(), &gui::SnapshotsPane::loaded);
        m_pane->setDatabase(m_db);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kTimeout);
        waitIdle();
    }

    void cleanupTestCase()
    {
        m_pane.reset();
        dropAll();
    }

    void timelineListsByTickWithTheRecoveryMarked()
    {
        auto conn = test::connect(m_db);
        const auto r = conn->exec(QStringLiteral("SELECT id, tick_number FROM core.snapshots ORDER "
                                                 "BY tick_number DESC, created_at DESC, id DESC"));
        QCOMPARE(r.rowCount(), kSeeded + 2);
        const QAbstractItemModel *model = m_pane->timeline()->model();
        QCOMPARE(model->rowCount(), r.rowCount());
        for (int row = 0; row < r.rowCount(); ++row) {
            const QModelIndex tick = model->index(row, gui::SnapshotsPane::TickColumn);
            QCOMPARE(tick.data(gui::SnapshotsPane::IdRole).toLongLong(), r.toLongLong(row, 0));
            QVERIFY2(tick.data().toString().startsWith(r.value(row, 1)),
                     qPrintable(tick.data().toString()));
        }
        // The recovery snapshot is the latest by tick: B, bold and tagged, and only it.
        QCOMPARE(m_pane->recoverySnapshot()->id, m_idB);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex tick = model->index(row, gui::SnapshotsPane::TickColumn);
            const bool isB = tick.data(gui::SnapshotsPane::IdRole).toLongLong() == m_idB;
            QCOMPARE(tick.data(Qt::FontRole).value<QFont>().bold(), isB);
            QCOMPARE(tick.data().toString().contains(QChar(0x21BA)), isB); // ↺
            QCOMPARE(tick.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("recovers")), isB);
            if (isB)
                QVERIFY(tick.data(Qt::ToolTipRole).toString().contains(snapshots::SnapshotStore::recoveryRule().left(40)));
        }
        const QString label = m_pane->findChild<QLabel *>(QStringLiteral("recoveryLabel"))->text();
        QVERIFY2(label.contains(QStringLiteral("tick %1").arg(kTickB)), qPrintable(label));
        QVERIFY(label.contains(snapshots::SnapshotStore::recoveryRule().left(40).toHtmlEscaped()));
    }

    void stateShowsTreeAndSortableTables()
    {
        QSignalSpy shown(m_pane.get(), &gui::SnapshotsPane::stateShown);
        m_pane->timeline()->selectRow(rowOf(m_idA));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == m_idA,
                                 kTimeout);
        const QAbstractItemModel *tree = m_pane->stateView()->model();
        QCOMPARE(tree->rowCount(), 1);                  // the document's root ...
        QCOMPARE(tree->rowCount(tree->index(0, 0)), 2); // ... holding paused and ships
        auto *ships = m_pane->findChild<QTableView *>(QStringLiteral("stateTable_ships"));
        QVERIFY(ships);
        const QAbstractItemModel *model = ships->model();
        QCOMPARE(model->rowCount(), 3);
        QStringList columns;
        for (int c = 0; c < model->columnCount(); ++c)
            columns << model->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(columns,
                 (QStringList{"ship_id", "fuel", "name"})); // identity first, then as stored
        ships->sortByColumn(1, Qt::AscendingOrder);         // numerically: 7 < 50 < 100
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("7"));
        QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("100"));
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("S1"));
    }

    void diffOfTwoSelectedSnapshotsIsKeyed()
    {
        QTableView *timeline = m_pane->timeline();
        timeline->clearSelection();
        timeline->selectionModel()->select(timeline->model()->index(rowOf(m_idB), 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        timeline->selectionModel()->select(timeline->model()->index(rowOf(m_idA), 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_D, Qt::ControlModifier);
        gui::DiffView *diff = m_pane->diffView();
        QCOMPARE(diff->objectName(), QStringLiteral("snapshotDiff"));
        QCOMPARE(m_pane->tabs()->currentWidget(), diff->parentWidget());
        QTRY_VERIFY_WITH_TIMEOUT(
            diff->hasResult() && !diff->isBusy() && !m_pane->runner()->isBusy(), kTimeout);
        QVERIFY(diff->model()->rowCount() > 0);
        QJsonParseError error;
        const QJsonDocument patch = QJsonDocument::fromJson(diff->patch(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(patch.isArray());
        QCOMPARE(patch.array().size(), 1); // the reordering of S2 is no change
        const QJsonObject op = patch.array().at(0).toObject();
        QCOMPARE(op.value("op").toString(), QStringLiteral("replace"));
        QCOMPARE(op.value("path").toString(), QStringLiteral("/ships/0/fuel")); // S1, keyed
        QCOMPARE(op.value("value").toInt(), 90);
        QCOMPARE(diff->summaryText(), QStringLiteral("0 added, 0 removed, 1 changed"));
    }

    void trackedValueMatchesTheServer()
    {
        m_pane->findChild<QLineEdit *>(QStringLiteral("trackPath"))
            ->setText(QStringLiteral("ships.1.fuel"));
        QSignalSpy tracked(m_pane.get(), &gui::SnapshotsPane::tracked);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("trackButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tracked.count() == 1, kTimeout);
        auto conn = test::connect(m_db);
        const auto r = conn->exec(
            QStringLiteral("SELECT tick_number, state #> '{ships,1,fuel}' FROM core.snapshots "
                           "ORDER BY tick_number, created_at, id"));
        const QAbstractItemModel *table =
            m_pane->findChild<QTableView *>(QStringLiteral("trackTable"))->model();
        QCOMPARE(table->rowCount(), r.rowCount());
        for (int row = 0; row < r.rowCount(); ++row) {
            QCOMPARE(table->index(row, 0).data().toString(), r.value(row, 0));
            QVERIFY(!r.isNull(row, 1));
            QCOMPARE(table->index(row, 2).data().toString(), r.value(row, 1));
        }
        QCOMPARE(table->index(r.rowCount() - 2, 2).data().toString(), QStringLiteral("50")); // A
        QCOMPARE(table->index(r.rowCount() - 1, 2).data().toString(), QStringLiteral("90")); // B
    }

    void trackByKeyFollowsOneShipFromTheStateTree()
    {
        QSignalSpy shown(m_pane.get(), &gui::SnapshotsPane::stateShown);
        m_pane->timeline()->selectRow(rowOf(m_idB)); // from elsewhere, so A loads anew
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == m_idB,
                                 kTimeout);
        m_pane->timeline()->selectRow(rowOf(m_idA));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == m_idA,
                                 kTimeout);
        QAbstractItemModel *tree = m_pane->stateView()->model();
        auto child = [tree](const QModelIndex &parent, const QString &key) {
            while (tree->canFetchMore(parent))
                tree->fetchMore(parent);
            for (int r = 0; r < tree->rowCount(parent); ++r)
                if (tree->index(r, 0, parent).data().toString() == key)
                    return tree->index(r, 0, parent);
            return QModelIndex();
        };
        // In A, S1 is the first ship; in B it is the second.
        const QModelIndex fuel =
            child(child(child(tree->index(0, 0), QStringLiteral("ships")), QStringLiteral("[0]")),
                  QStringLiteral("fuel"));
        QVERIFY(fuel.isValid());
        std::unique_ptr<QMenu> menu(m_pane->stateView()->createContextMenu(fuel));
        QAction *byKey = menu->findChild<QAction *>(QStringLiteral("trackByKey"));
        QVERIFY2(byKey, "a ship in a keyed array offers tracking by its key");
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("trackByPosition")));
        QSignalSpy tracked(m_pane.get(), &gui::SnapshotsPane::tracked);
        byKey->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(tracked.count() == 1, kTimeout);
        QCOMPARE(m_pane->tabs()->currentWidget(),
                 m_pane->findChild<QLineEdit *>(QStringLiteral("trackPath"))->parentWidget());
        QCOMPARE(m_pane->findChild<QLineEdit *>(QStringLiteral("trackPath"))->text(),
                 QStringLiteral("$.\"ships\"[*] ? (@.\"ship_id\" == \"S1\").\"fuel\""));
        const QAbstractItemModel *table =
            m_pane->findChild<QTableView *>(QStringLiteral("trackTable"))->model();
        const int rows = table->rowCount();
        QCOMPARE(rows, kSeeded + 2);
        // S1 followed through the reordering: 100 then 90 (by position: 100 then 50).
        QCOMPARE(table->index(rows - 2, 2).data().toString(), QStringLiteral("100"));
        QCOMPARE(table->index(rows - 1, 2).data().toString(), QStringLiteral("90"));
    }

    void theRecoveryAnswerNamesItsRedis()
    {
        // No Redis named: the answer assumes it empty, and says so.
        QVERIFY2(m_pane->recoveryText().contains(QLatin1String("assuming Redis is empty")), qPrintable(m_pane->recoveryText()));
        QVERIFY(m_pane->recoveryText().contains(QLatin1String("A restart uses the snapshot")));
        // A Redis that does not answer: the snapshot's answer, unconfirmed, the URL named.
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        const QString dead = QStringLiteral("redis://127.0.0.1:%1/0").arg(port);
        probe.close();
        QSignalSpy loaded(m_pane.get(), &gui::SnapshotsPane::loaded);
        m_pane->setRedisUrl(dead);
        m_pane->reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kTimeout);
        QVERIFY2(m_pane->recoveryText().contains(QLatin1String("unconfirmed")), qPrintable(m_pane->recoveryText()));
        QVERIFY(m_pane->findChild<gui::Banner *>()->plainText().contains(dead));
        // The URL is remembered for the family without its password, which never reaches the
        // settings file or the field (the keychain keeps it; here there is none to reach).
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        const QString family = m_db.database();
        m_pane->setRedisUrl(QStringLiteral("redis://:s3cret-pw@127.0.0.1:%1/2").arg(port));
        QCOMPARE(settings::redisUrl(family), QStringLiteral("redis://127.0.0.1:%1/2").arg(port));
        QVERIFY(!m_pane->findChild<QLineEdit *>(QStringLiteral("redisUrl"))->text().contains(QLatin1String("s3cret")));
        {
            QFile file(settings::path());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("s3cret"));
        }
        // Another database and back: the family's Redis is in the field again.
        m_pane->setDatabase(m_db.withDatabase(QStringLiteral("postgres")));
        QVERIFY(m_pane->findChild<QLineEdit *>(QStringLiteral("redisUrl"))->text().isEmpty());
        m_pane->setDatabase(m_db);
        QCOMPARE(m_pane->findChild<QLineEdit *>(QStringLiteral("redisUrl"))->text(),
                 QStringLiteral("redis://127.0.0.1:%1/2").arg(port));
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->runner()->isBusy(), kTimeout);
        // A URL that is not one: said, nothing read.
        m_pane->setRedisUrl(QStringLiteral("rediss://127.0.0.1:6379/0"));
        m_pane->reload();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->findChild<gui::Banner *>()->plainText().contains(QLatin1String("TLS")), kTimeout);
        m_pane->setRedisUrl({});
        loaded.clear();
        m_pane->reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kTimeout);
    }

    void retentionPreviewListsWhatWouldGo()
    {
        m_pane->findChild<QSpinBox *>(QStringLiteral("retentionMaxKeep"))->setValue(5);
        m_pane->findChild<QSpinBox *>(QStringLiteral("retentionMinAge"))->setValue(60);
        QSignalSpy previewed(m_pane.get(), &gui::SnapshotsPane::retentionPreviewed);
        QTest::mouseClick(
            m_pane->findChild<QPushButton *>(QStringLiteral("retentionPreviewButton")),
            Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(previewed.count() == 1, kTimeout);
        // Beyond the newest 5 by tick, but ranks 6 and 7 are younger than an hour: kept.
        const QList<qint64> expected = expectedPrune();
        QCOMPARE(int(expected.size()), kSeeded + 2 - 7);
        QCOMPARE(listedPrune(), expected);
        // The rule in force is named: the game's own unless another is chosen.
        auto *rule = m_pane->findChild<QComboBox *>(QStringLiteral("retentionRule"));
        QCOMPARE(rule->currentData().toInt(), int(snapshots::RetentionPolicy::Rule::Game));
        QVERIFY2(m_pane->findChild<QLabel *>(QStringLiteral("retentionPlanLabel"))->text().contains(QLatin1String("the game's own rule")),
                 qPrintable(m_pane->findChild<QLabel *>(QStringLiteral("retentionPlanLabel"))->text()));
        rule->setCurrentIndex(1);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("retentionPreviewButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(previewed.count() == 2, kTimeout);
        QVERIFY(m_pane->findChild<QLabel *>(QStringLiteral("retentionPlanLabel"))->text().contains(QLatin1String("newest by tick")));
        rule->setCurrentIndex(0);
    }

    void pruneThroughTheDialogThenUndo()
    {
        auto conn = test::connect(m_db);
        const QString before = snapshotsDigest(*conn);
        const QList<qint64> doomed = expectedPrune();
        auto *prune = m_pane->findChild<QPushButton *>(QStringLiteral("pruneButton"));
        QVERIFY(!prune->isEnabled());
        m_pane->setAdminMode(true);
        QVERIFY(prune->isEnabled());
        QTest::mouseClick(prune, Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_pane->findChild<gui::ConfirmDialog *>(QStringLiteral("pruneDialog"))) &&
                dialog->isVisible(),
            kTimeout);
        // Laid out whole: at least 600 pixels wide, and the preview ends above the reason's
        // label (at 1280x800 the dialog came up narrow, the label over the preview's end).
        QVERIFY(dialog->width() >= 600);
        QVERIFY(dialog->findChild<QWidget *>(QStringLiteral("previewText"))->geometry().bottom()
                < dialog->findChild<QWidget *>(QStringLiteral("reasonLabel"))->geometry().top());
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")),
                         QStringLiteral("gui test prune"));
        QVERIFY(!ok->isEnabled()); // the typed name is still missing
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")),
                         m_db.database());
        QVERIFY(ok->isEnabled());
        QSignalSpy changed(m_pane.get(), &gui::SnapshotsPane::changed);
        QSignalSpy loaded(m_pane.get(), &gui::SnapshotsPane::loaded);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1 && loaded.count() == 1, kTimeout);
        waitIdle();

        const QString pruned = snapshotsDigest(*conn);
        QVERIFY(pruned != before);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM core.snapshots")),
                 qint64(kSeeded + 2 - doomed.size()));
        for (qint64 id : doomed)
            QCOMPARE(scalar(*conn,
                            QStringLiteral("SELECT count(*) FROM core.snapshots WHERE id = $1"),
                            {id}),
                     qint64(0));
        QCOMPARE(m_pane->timeline()->model()->rowCount(), int(kSeeded + 2 - doomed.size()));
        // Said where the user is looking, after the reload that followed it; and the
        // preview above says what the policy would prune now (nothing).
        QVERIFY(m_pane->messages()->isVisible());
        QVERIFY2(m_pane->messages()->text().contains(QStringLiteral("Pruned %1").arg(doomed.size())),
                 qPrintable(m_pane->messages()->text()));
        auto *plan = m_pane->findChild<QLabel *>(QStringLiteral("retentionPlanLabel"));
        QTRY_VERIFY2_WITH_TIMEOUT(plan->text().contains(QStringLiteral("would delete 0 of %1").arg(kSeeded + 2 - doomed.size())),
                                  qPrintable(plan->text()), kTimeout);

        // Undo the operation just recorded: the table comes back byte for byte.
        auto *ops = m_pane->findChild<QTableView *>(QStringLiteral("operationsTable"));
        QCOMPARE(ops->model()->rowCount(), 1);
        QCOMPARE(ops->model()->index(0, 1).data().toString(), QStringLiteral("prune"));
        ops->selectRow(0);
        auto *undo = m_pane->findChild<QPushButton *>(QStringLiteral("undoButton"));
        QVERIFY(undo->isEnabled());
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_pane->findChild<gui::ConfirmDialog *>(QStringLiteral("undoDialog"))) &&
                dialog->isVisible(),
            kTimeout);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")),
                         m_db.database());
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 2 && loaded.count() == 2, kTimeout);
        waitIdle();
        QCOMPARE(snapshotsDigest(*conn), before);
        QCOMPARE(m_pane->timeline()->model()->rowCount(), kSeeded + 2);
        QVERIFY(m_pane->messages()->isVisible());
        QVERIFY2(m_pane->messages()->text().contains(QLatin1String("Undid operation")), qPrintable(m_pane->messages()->text()));
        QVERIFY(!ops->model()->index(0, 8).data().toString().isEmpty()); // marked undone
        QVERIFY(!undo->isEnabled());
    }

    void whatNeedsAdoptionSaysSoBeforeAskingAnything()
    {
        // A Galaxy database Statescope never adopted: no archive to prune into.
        const pg::ConnectionSettings bare = galaxy(QStringLiteral("snap_bare"), 4);
        test::connect(bare)->exec(QStringLiteral("DROP SCHEMA statescope CASCADE"));
        QSignalSpy loaded(m_pane.get(), &gui::SnapshotsPane::loaded);
        m_pane->setDatabase(bare);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kTimeout);
        waitIdle();
        m_pane->setAdminMode(true);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("pruneButton")), Qt::LeftButton);
        waitIdle();
        QVERIFY(!m_pane->findChild<gui::ConfirmDialog *>(QStringLiteral("pruneDialog")));
        QVERIFY(m_pane->messages()->isVisible());
        QVERIFY2(m_pane->messages()->plainText().contains(QLatin1String("Adopt the database first")),
                 qPrintable(m_pane->messages()->plainText()));
        QCOMPARE(scalar(*test::connect(bare), QStringLiteral("SELECT count(*) FROM core.snapshots")), qint64(4));
        m_pane->setAdminMode(false);
        m_pane->setDatabase(m_db);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 2, kTimeout);
        waitIdle();
    }

private:
    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_pane->runner()->isBusy(), kTimeout); }

    int rowOf(qint64 id) const
    {
        const QAbstractItemModel *model = m_pane->timeline()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(gui::SnapshotsPane::IdRole).toLongLong() == id)
                return row;
        return -1;
    }

    // The policy (keep 5, none younger than 60 min) written out in SQL, ids ascending.
    QList<qint64> expectedPrune()
    {
        auto conn = test::connect(m_db);
        const auto r = conn->exec(QStringLiteral(
            "SELECT id FROM (SELECT id, created_at, row_number() OVER (ORDER BY tick_number DESC, "
            "created_at DESC, id DESC) AS rank FROM core.snapshots) s WHERE rank > 5 AND "
            "created_at < now() - interval '60 minutes' ORDER BY id"));
        QList<qint64> ids;
        for (int i = 0; i < r.rowCount(); ++i)
            ids << r.toLongLong(i, 0);
        return ids;
    }

    QList<qint64> listedPrune() const
    {
        auto *list = m_pane->findChild<QListWidget *>(QStringLiteral("retentionPlanList"));
        QList<qint64> ids;
        for (int i = 0; i < list->count(); ++i)
            ids << list->item(i)->data(gui::SnapshotsPane::IdRole).toLongLong();
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    pg::ConnectionSettings m_db;
    qint64 m_idA = 0, m_idB = 0;
    std::unique_ptr<gui::SnapshotsPane> m_pane;
};

QTEST_MAIN(TestSnapshotsPane)
#include "tst_snapshotspane.moc"
