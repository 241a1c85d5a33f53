// Drives the real main window and admin pane (offscreen) against the harness's server:
// create, migrate, reset and drop through the widgets, then checks the database itself.
#include "core/audit/auditlog.h"
#include "core/demo/shapes.h"
#include "core/paths.h"
#include "core/weekly/dump.h"
#include "core/weekly/serveradmin.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "gui/admin/adminpane.h"
#include "gui/admin/auditdialog.h"
#include "models/auditlogmodel.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/admin/createdialog.h"
#include "gui/admin/restoredialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/window/mainwindow.h"
#include "gui/admin/recoverypanel.h"
#include "core/weekly/adopt.h"
#include "gui/admin/retentiondialog.h"
#include "core/settings.h"
#include "models/databasetreemodel.h"
#include "support/testserver.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QUuid>

using namespace statescope;
using Model = models::DatabaseTreeModel;

namespace {

constexpr int kTimeout = 60000;

template <class T> T *waitForDialog(QWidget *parent)
{
    T *dialog = nullptr;
    [&] { QTRY_VERIFY_WITH_TIMEOUT((dialog = parent->findChild<T *>()) && dialog->isVisible(), kTimeout); }();
    return dialog;
}

} // namespace

class TestAdminPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_prefix = QStringLiteral("gui%1").arg(QCoreApplication::applicationPid());
        m_window = std::make_unique<gui::MainWindow>();
        m_window->show();
        // Wait for the listing itself: the server may hold no database at all right now
        // (the suite's other tests drop theirs), so "some row appeared" is no signal.
        QSignalSpy listed(m_window.get(), &gui::MainWindow::databasesListed);
        m_window->connectTo(test::serverSettings(), QStringLiteral("test server"));
        QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, kTimeout);
        // The window opens on the Events pane; this test works in the Admin pane.
        m_window->showPane(m_window->adminPane());
        waitIdle();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        for (const QString &name : {dbName(10), dbName(11), dbName(12), dbName(13)})
            test::dropDatabase(name);
    }

    void writesNeedAdminMode()
    {
        auto *create = pane()->findChild<QPushButton *>(QStringLiteral("createButton"));
        QVERIFY(create);
        QVERIFY(!create->isEnabled());
        QVERIFY(pane()->findChild<QLabel *>(QStringLiteral("modeHint"))->isVisible());
        m_window->adminModeAction()->setChecked(true);
        QVERIFY(create->isEnabled());
    }

    void createsNextWeekThroughTheDialog()
    {
        QTest::mouseClick(button("createButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::CreateDialog>(pane());
        auto *prefix = dialog->findChild<QComboBox *>(QStringLiteral("prefixEdit"));
        auto *week = dialog->findChild<QLineEdit *>(QStringLiteral("weekEdit"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        // A malformed prefix is refused inline.
        prefix->setCurrentText(QStringLiteral("Bad Prefix"));
        QVERIFY(!ok->isEnabled());
        prefix->setCurrentText(m_prefix);
        week->setText(QStringLiteral("2025-W10"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->databaseName(), dbName(10));
        QTest::mouseClick(ok, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(m_window->databaseModel()->database(dbName(10)), kTimeout);
        waitIdle();
        auto conn = test::connect(test::serverSettings().withDatabase(dbName(10)));
        const auto st = migrate::Migrator().status(*conn);
        QCOMPARE(st.currentVersion, migrate::MigrationSet::embedded().latestVersion());
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                           "WHERE action = 'create'")).toInt(0, 0), 1);
    }

    void createProposesAFreeWeekAndRefusesATakenOne()
    {
        select(dbName(10));
        QTest::mouseClick(button("createButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::CreateDialog>(pane());
        auto *week = dialog->findChild<QLineEdit *>(QStringLiteral("weekEdit"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        // The week after the family's newest, which is free.
        QCOMPARE(week->text(), QStringLiteral("2025-W11"));
        QCOMPARE(dialog->databaseName(), dbName(11));
        QVERIFY(ok->isEnabled());
        // A week that exists is refused as it is typed, before anything is sent.
        week->setText(QStringLiteral("2025-W10"));
        QVERIFY(!ok->isEnabled());
        const QString said = dialog->findChild<QLabel *>(QStringLiteral("resultLabel"))->text();
        QVERIFY2(said.contains(QLatin1String("already exists")), qPrintable(said));
        QVERIFY(said.contains(QLatin1String("2025-W11")));
        // Big enough to read.
        QVERIFY(dialog->width() >= 400);
        dialog->reject();
    }

    void pendingAndSessionsAlwaysShowAValue()
    {
        const QModelIndex db = m_window->databaseModel()->indexOfDatabase(dbName(10));
        QVERIFY(db.isValid());
        const QModelIndex pending = db.siblingAtColumn(models::DatabaseTreeModel::Pending);
        const QModelIndex sessions = db.siblingAtColumn(models::DatabaseTreeModel::Sessions);
        // The names come first; the schema state follows from its own lane.
        QTRY_COMPARE_WITH_TIMEOUT(pending.data().toString(), QStringLiteral("0"), kTimeout);
        QVERIFY(!sessions.data().toString().isEmpty());
    }

    void restoreProposesAFreeName()
    {
        // A dump of a database that still exists goes back under a free name.
        const QString dump = QStringLiteral("/tmp/%1_20250101T000000000Z.dump").arg(dbName(10));
        QStringList existing;
        for (const auto &d : m_window->databaseModel()->databases())
            existing << d.name;
        QCOMPARE(gui::RestoreDialog::proposedName(dump, existing), dbName(10) + QStringLiteral("_restored"));
        gui::RestoreDialog dialog(dump, existing, pane());
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        dialog.findChild<QLineEdit *>(QStringLiteral("restoreNameEdit"))->setText(dbName(10));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("restoreResult"))->text().contains(QLatin1String("already exists")));
        dialog.findChild<QLineEdit *>(QStringLiteral("restoreNameEdit"))->setText(QStringLiteral("Bad Name"));
        QVERIFY(!ok->isEnabled());
    }

    void migratesPendingMigrations()
    {
        // A week left two migrations behind, as an older Statescope would have left it.
        const QString name = dbName(11);
        {
            auto server = test::connect(test::serverSettings());
            server->exec(QStringLiteral("CREATE DATABASE %1").arg(server->quoteIdentifier(name)));
            const auto &all = migrate::MigrationSet::embedded().migrations();
            QList<std::pair<QString, QByteArray>> older;
            for (qsizetype i = 0; i + 2 < all.size(); ++i)
                older.append({all[i].fileName, all[i].sql.toUtf8()});
            const auto olderSet = migrate::MigrationSet::fromFiles(older);
            auto conn = test::connect(test::serverSettings().withDatabase(name));
            migrate::Migrator(olderSet).migrate(*conn);
        }
        m_window->refresh(name);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->selectedDatabase() == name, kTimeout);
        waitIdle();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->databaseModel()->database(name)->pending, 2, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(button("migrateButton")->isEnabled(), kTimeout);
        // Ctrl+M, like the button, asks first: the pending versions listed, the name typed.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(pane(), Qt::Key_M, Qt::ControlModifier);
        auto *dialog = waitForDialog<gui::ConfirmDialog>(pane());
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->databaseModel()->database(name)->pending, 2, kTimeout); // nothing ran yet
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), name);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->databaseModel()->database(name)
                                      ? m_window->databaseModel()->database(name)->pending
                                      : -1,
                                  0, kTimeout);
        auto conn = test::connect(test::serverSettings().withDatabase(name));
        QCOMPARE(migrate::Migrator().status(*conn).currentVersion,
                 migrate::MigrationSet::embedded().latestVersion());
    }

    void resetNeedsTheTypedNameAndKeepsADump()
    {
        const QString name = dbName(10);
        {
            auto conn = test::connect(test::serverSettings().withDatabase(name));
            conn->exec(QStringLiteral("INSERT INTO raw.api_events (endpoint, payload) "
                                      "VALUES ('/my/agent', '{}')"));
        }
        select(name);
        QTest::mouseClick(button("resetButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::ConfirmDialog>(pane());
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit"));
        auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
        // The window's own panes read this database: none of that is "sessions to terminate".
        auto *preview = dialog->findChild<QTextBrowser *>(QStringLiteral("previewText"));
        QVERIFY2(!preview->toPlainText().contains(QLatin1String("terminated")), qPrintable(preview->toPlainText()));
        // Read whole at the default size: no scrolling, and the dialog fits a 1280x800 screen.
        QCoreApplication::processEvents();
        QVERIFY(dialog->height() <= 760);
        QVERIFY2(!preview->verticalScrollBar()->isVisible() || preview->verticalScrollBar()->maximum() == 0,
                 qPrintable(QString::number(preview->verticalScrollBar()->maximum())));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(confirm, name.left(name.size() - 1));
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(confirm, name.right(1));
        QVERIFY(ok->isEnabled());
        QTest::keyClicks(reason, QStringLiteral("GUI test reset"));
        QTest::mouseClick(ok, Qt::LeftButton);

        auto *messages = pane()->findChild<QLabel *>(QStringLiteral("bannerText"));
        QTRY_VERIFY_WITH_TIMEOUT(messages->text().contains(QStringLiteral("Dump kept at")), kTimeout);
        waitIdle();
        auto conn = test::connect(test::serverSettings().withDatabase(name));
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM raw.api_events")).toInt(0, 0), 0);
        const auto audit = conn->exec(QStringLiteral(
            "SELECT reason, details->>'dump' FROM statescope.audit_log WHERE action = 'reset'"));
        QCOMPARE(audit.rowCount(), 1);
        QCOMPARE(audit.value(0, 0), QStringLiteral("GUI test reset"));
        QVERIFY(QFileInfo(audit.value(0, 1)).size() > 0);
    }

    void dropRemovesTheDatabase()
    {
        const QString name = dbName(11);
        select(name);
        QTest::mouseClick(button("dropButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::ConfirmDialog>(pane());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), name);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->databaseModel()->database(name), kTimeout);
        auto server = test::connect(test::serverSettings());
        QCOMPARE(server->exec(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"),
                              {name}).toInt(0, 0), 0);
    }

    void anUnfinishedDropIsPutBackFromThePane()
    {
        // A drop killed right after its drop: the journal as the run left it, the database gone.
        const QString name = dbName(13);
        auto server = test::connect(test::serverSettings());
        server->exec(QStringLiteral("CREATE DATABASE %1").arg(server->quoteIdentifier(name)));
        {
            auto conn = test::connect(test::serverSettings().withDatabase(name));
            conn->exec(QStringLiteral("CREATE TABLE w AS SELECT g AS id FROM generate_series(1, 321) g"));
        }
        const weekly::ServerAdmin admin(test::serverSettings());
        audit::Entry intent{QStringLiteral("drop"), name, QStringLiteral("killed"), {},
                            admin.server().displayName()};
        intent.op = QUuid::createUuid().toString(QUuid::WithoutBraces);
        intent.phase = QStringLiteral("intent");
        intent.details = nlohmann::json{
            {"oid", server->exec(QStringLiteral("SELECT oid::bigint FROM pg_database WHERE datname = $1"),
                                 {name}).toLongLong(0, 0)},
            {"fence", nlohmann::json::object()}};
        QVERIFY(audit::appendToJournal(intent));
        audit::Entry dumped = intent;
        dumped.phase = QStringLiteral("dumped");
        dumped.details = {{"dump", weekly::dumpDatabase(admin.databaseSettings(name),
                                                        paths::backupDir()).toStdString()}};
        QVERIFY(audit::appendToJournal(dumped));
        server->exec(QStringLiteral("DROP DATABASE %1").arg(server->quoteIdentifier(name)));

        // The pane shows it with both ways out; Restore puts it back after the typed name.
        QSignalSpy refreshed(pane()->recovery(), &gui::RecoveryPanel::refreshed);
        pane()->recovery()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), kTimeout);
        QVERIFY(pane()->recovery()->isVisible());
        auto *restore = pane()->findChild<QPushButton *>(QStringLiteral("recoveryRestore_") + intent.op);
        QVERIFY(restore);
        QVERIFY(restore->isEnabled());
        QVERIFY(pane()->findChild<QLabel *>(QStringLiteral("recoveryRun_") + intent.op)
                    ->text().contains(name));
        if (const QString dir = qEnvironmentVariable("STATESCOPE_SHOTS"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/admin-recovery.png"));
        QTest::mouseClick(restore, Qt::LeftButton);
        auto *dialog = waitForDialog<gui::ConfirmDialog>(pane());
        QCOMPARE(dialog->objectName(), QStringLiteral("recoveryDialog"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), name);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->databaseModel()->database(name), kTimeout);
        waitIdle();
        auto back = test::connect(test::serverSettings().withDatabase(name));
        QCOMPARE(back->exec(QStringLiteral("SELECT count(*) FROM w")).toInt(0, 0), 321);
        // Its run is off the panel (which hides when nothing is left; another test's run on
        // the shared server may be on it for a moment).
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->findChild<QPushButton *>(QStringLiteral("recoveryRestore_") + intent.op),
                                 kTimeout);
    }

    void dumpRetentionIsEditedInADialog()
    {
        const settings::DumpRetention before = settings::dumpRetention();
        QTest::mouseClick(button("retentionButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::RetentionDialog>(pane());
        auto *keep = dialog->findChild<QSpinBox *>(QStringLiteral("dumpsKeep"));
        auto *age = dialog->findChild<QSpinBox *>(QStringLiteral("dumpsMinAge"));
        QCOMPARE(keep->value(), before.keep);
        keep->setValue(3);
        age->setValue(7);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->findChild<gui::RetentionDialog *>(), kTimeout);
        QCOMPARE(settings::dumpRetention(), (settings::DumpRetention{3, 7}));
        settings::setDumpRetention(before);
    }

    void adoptsADatabaseItDidNotCreate()
    {
        // A Galaxy database made by its own tools: Migrate is refused, Adopt is offered.
        const QString name = dbName(12);
        {
            auto server = test::connect(test::serverSettings());
            server->exec(QStringLiteral("CREATE DATABASE %1").arg(server->quoteIdentifier(name)));
            auto conn = test::connect(test::serverSettings().withDatabase(name));
            demo::DemoOptions o;
            o.snapshots = 5;
            demo::seedShape(*conn, demo::Shape::Galaxy, o);
        }
        m_window->refresh(name);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->selectedDatabase() == name, kTimeout);
        waitIdle();
        QVERIFY(!button("migrateButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(pane()->findChild<QLabel *>(QStringLiteral("detailsLabel"))
                                     ->text().contains(QStringLiteral("Alembic 009")), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(button("adoptButton")->isEnabled(), kTimeout);
        QTest::mouseClick(button("adoptButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::ConfirmDialog>(pane());
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), name);
        QTest::mouseClick(ok, Qt::LeftButton);
        auto *messages = pane()->findChild<QLabel *>(QStringLiteral("bannerText"));
        QTRY_VERIFY_WITH_TIMEOUT(messages->text().contains(QStringLiteral("Adopted")), kTimeout);
        auto conn = test::connect(test::serverSettings().withDatabase(name));
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM statescope.bookkeeping_history")).toInt(0, 0),
                 adopt::Adoption::bookkeepingSet().latestVersion());
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE action = 'adopt'"))
                     .toInt(0, 0),
                 1);
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM public.snapshots")).toInt(0, 0), 5);
    }

    void aResetSaysWhenTheWeekLeavesTheFamilysSchema()
    {
        // Three weeks of a family of their own; the one reset has a table the others lack.
        const QString prefix = m_prefix + QStringLiteral("d");
        const weekly::ServerAdmin admin(test::serverSettings());
        QStringList weeks;
        for (int n : {30, 31, 32}) {
            weeks << QStringLiteral("%1_2025_w%2").arg(prefix).arg(n);
            admin.create(weeks.last(), QStringLiteral("tst_adminpane"));
        }
        test::connect(test::serverSettings().withDatabase(weeks.last()))->exec(QStringLiteral("CREATE TABLE public.stray (x int)"));
        m_window->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->databaseModel()->database(weeks.last()), kTimeout);
        waitIdle();
        select(weeks.last());
        QTest::mouseClick(button("resetButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::ConfirmDialog>(pane());
        QString text;
        for (const QLabel *l : dialog->findChildren<QLabel *>())
            text += l->text();
        for (const QTextBrowser *b : dialog->findChildren<QTextBrowser *>())
            text += b->toPlainText();
        dialog->reject();
        for (const QString &w : std::as_const(weeks))
            test::dropDatabase(w);
        QVERIFY2(text.contains(QLatin1String("differs from the schema")) && text.contains(QLatin1String("stray")), qPrintable(text));
    }

    // Issue 36: what Statescope did, without the CLI. The journal and the database's audit
    // log as core reads them, newest first; the dialog follows the selected database.
    void theAuditLogShowsWhatWasDone()
    {
        QTest::mouseClick(button("auditLogButton"), Qt::LeftButton);
        auto *dialog = waitForDialog<gui::AuditDialog>(pane());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->runner()->isBusy() && dialog->journalModel()->rowCount() > 0, kTimeout);
        // This test's own runs (its prefix), as the journal holds them (the oracle).
        const auto ours = [this](const QList<audit::Entry> &entries) {
            QStringList out;
            for (const audit::Entry &e : entries)
                if (e.target.startsWith(m_prefix))
                    out << QStringList{e.action, e.target, e.phase, e.op, e.reason}.join(u'|');
            return out;
        };
        const QStringList shown = ours(dialog->journalModel()->entries());
        QCOMPARE(shown, ours(audit::readJournal(8000)));
        QVERIFY2(shown.filter(QStringLiteral("drop|%1|done|").arg(dbName(11))).size() == 1, qPrintable(shown.join(u'\n')));
        QVERIFY(shown.filter(QStringLiteral("drop|%1|intent|").arg(dbName(11))).size() == 1);
        QVERIFY(dialog->journalNote()->text().contains(paths::journalPath()));

        // The selected week's own log: the reset done through the pane, with its reason.
        const auto shows = [dialog](const QString &db) {
            return !dialog->databaseRunner()->isBusy() && dialog->databaseNote()->text().contains(db)
                   && !dialog->databaseNote()->text().startsWith(QLatin1String("Reading"));
        };
        select(dbName(12)); // the adopted Galaxy week, then the reset one: the dialog follows
        QTRY_VERIFY_WITH_TIMEOUT(shows(dbName(12)), kTimeout);
        select(dbName(10));
        QTRY_VERIFY_WITH_TIMEOUT(shows(dbName(10)), kTimeout);
        auto conn = test::connect(test::serverSettings().withDatabase(dbName(10)));
        const QList<audit::Entry> expected = audit::readFromDatabase(*conn, 2000);
        QCOMPARE(dialog->databaseModel()->rowCount(), int(expected.size()));
        for (int i = 0; i < int(expected.size()); ++i) {
            QCOMPARE(dialog->databaseModel()->entries()[i].action, expected[i].action);
            QCOMPARE(dialog->databaseModel()->entries()[i].reason, expected[i].reason);
        }
        QVERIFY(dialog->databaseNote()->text().contains(dbName(10)));
        // Filtered by a word: only rows that hold it.
        auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("databaseFilter"));
        filter->setText(QStringLiteral("GUI test reset"));
        QAbstractItemModel *rows = dialog->databaseView()->model();
        QCOMPARE(rows->rowCount(), 1);
        QCOMPARE(rows->index(0, models::AuditLogModel::Action).data().toString(), QStringLiteral("reset"));
        filter->clear();
        dialog->close();
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->findChild<gui::AuditDialog *>(), kTimeout);
    }

    // A run killed midway (an intent no line closes) is flagged, with the way out in its tip.
    void anUnfinishedRunIsFlaggedInTheAuditLog()
    {
        const auto entry = [](const QString &op, const QString &phase) {
            audit::Entry e{QStringLiteral("drop"), QStringLiteral("w_") + op, QStringLiteral("why")};
            e.op = op;
            e.phase = phase;
            return e;
        };
        models::AuditLogModel model;
        model.setEntries({entry(QStringLiteral("b"), QStringLiteral("done")), entry(QStringLiteral("a"), QStringLiteral("intent")),
                          entry(QStringLiteral("b"), QStringLiteral("intent"))},
                         true);
        QCOMPARE(model.unfinished().size(), 1);
        QCOMPARE(model.unfinished().first().op, QStringLiteral("a"));
        QVERIFY(!model.index(0, 0).data(models::AuditLogModel::UnfinishedRole).toBool());
        QVERIFY(model.index(1, 0).data(models::AuditLogModel::UnfinishedRole).toBool());
        QVERIFY(!model.index(2, 0).data(models::AuditLogModel::UnfinishedRole).toBool());
        QVERIFY(model.index(1, models::AuditLogModel::Phase).data().toString().contains(QLatin1String("never finished")));
        QVERIFY(model.index(1, models::AuditLogModel::Target).data(Qt::ToolTipRole).toString().contains(QLatin1String("w_a")));
    }

private:
    gui::AdminPane *pane() const { return m_window->adminPane(); }
    QPushButton *button(const char *name) const
    {
        return pane()->findChild<QPushButton *>(QString::fromLatin1(name));
    }
    QString dbName(int week) const
    {
        return QStringLiteral("%1_2025_w%2").arg(m_prefix).arg(week, 2, 10, QLatin1Char('0'));
    }
    void select(const QString &name)
    {
        const QModelIndex index = m_window->databaseModel()->indexOfDatabase(name);
        QVERIFY(index.isValid());
        pane()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                             | QItemSelectionModel::Rows);
        QCOMPARE(pane()->selectedDatabase(), name);
    }
    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!pane()->runner()->isBusy(), kTimeout); }

    std::unique_ptr<gui::MainWindow> m_window;
    QString m_prefix;
};

QTEST_MAIN(TestAdminPane)
#include "tst_adminpane.moc"
