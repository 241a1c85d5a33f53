// The user's guide's pictures (docs/GUIDE.md, README.md): the app driven through each step the
// guide documents, on the embedded default's demo data, light theme, 1280x800, each step's
// screen saved under STATESCOPE_GUIDE_SHOTS. A step whose control is missing, hidden or
// disabled fails the test, and so does a picture the guide names that no step makes or a
// step's picture the guide does not show: the guide and the app cannot drift apart.
// `cmake --build --preset dev --target guide-shots` writes them into docs/images/guide.

#include "gui/audit/auditrun.h"
#include "support/testserver.h"

#include "core/metrics/metrics.h"
#include "core/plurals.h"
#include "core/settings.h"
#include "gui/activity/activitypane.h"
#include "gui/admin/adminpane.h"
#include "gui/compare/comparedialog.h"
#include "gui/console/consolepane.h"
#include "gui/events/eventdetail.h"
#include "gui/events/eventspane.h"
#include "gui/find/findpane.h"
#include "gui/metrics/metricspane.h"
#include "gui/replay/replaypane.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/sqleditor.h"
#include "gui/widgets/style.h"
#include "gui/window/guidewindow.h"
#include "gui/window/mainwindow.h"
#include "models/eventtablemodel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QSet>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::test::auditrun;

namespace {

// What a step's control lacks for a person to use it ("" when nothing).
QString unusable(const QWidget *w)
{
    if (!w)
        return QStringLiteral("not there");
    if (!w->isVisible())
        return QStringLiteral("%1 hidden").arg(w->objectName());
    if (!w->isEnabled())
        return QStringLiteral("%1 disabled (%2)").arg(w->objectName(), w->toolTip());
    return {};
}

} // namespace

// A step of the guide: its control there, shown and enabled.
#define STEP(widget, what)                                                                              \
    QVERIFY2(unusable(widget).isEmpty(),                                                                \
             qPrintable(QStringLiteral("guide step \"%1\": %2").arg(QStringLiteral(what), unusable(widget))))

class TestGuide : public QObject
{
    Q_OBJECT

    std::unique_ptr<gui::MainWindow> m_window;
    QDir m_shots;
    QStringList m_made;

    // The screen a step leads to, as the guide shows it.
    void shot(QWidget *w, const QString &name)
    {
        QCoreApplication::processEvents();
        QTest::qWait(100);
        const QImage image = w->grab().toImage().convertToFormat(QImage::Format_RGB888);
        QVERIFY2(image.save(m_shots.filePath(name + QStringLiteral(".png")), "PNG", 0), qPrintable(name));
        m_made << name;
    }

    QWidget *panes() const { return m_window->centralWidget(); }

    // The dialog an action or a button opens (modal or not), once it has settled.
    QWidget *openedDialog()
    {
        QWidget *found = nullptr;
        const auto opened = [&found] {
            found = QApplication::activeModalWidget();
            for (QWidget *w : QApplication::topLevelWidgets())
                if (!found && qobject_cast<QDialog *>(w) && w->isVisible())
                    found = w;
            return found != nullptr;
        };
        if (!QTest::qWaitFor(opened, kTimeout))
            return nullptr;
        settle(m_window.get());
        settle(found);
        return found;
    }

    void close(QWidget *dialog)
    {
        if (auto *d = qobject_cast<QDialog *>(dialog))
            d->reject();
        else
            dialog->close();
        QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
    }

private slots:
    void initTestCase()
    {
        useOwnHome();
        m_shots = QDir(qEnvironmentVariable("STATESCOPE_GUIDE_SHOTS", QDir::tempPath() + QStringLiteral("/guide-shots")));
        QVERIFY(m_shots.mkpath(QStringLiteral(".")));
        QCOMPARE(QGuiApplication::primaryScreen()->size(), QSize(1280, 800));
        // Profiles as the Connect dialog shows them: a production server (never connected
        // to here) and the sandbox.
        settings::Profile production;
        production.id = settings::newProfileId();
        production.name = QStringLiteral("prod-eu");
        production.conninfo = QStringLiteral("host=db-eu.example.com port=5432 user=analyst dbname=postgres sslmode=verify-full");
        production.production = true;
        production.colour = QStringLiteral("#c0392b");
        settings::Profile sandbox;
        sandbox.id = settings::newProfileId();
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.conninfo = serverSettings().storableString();
        settings::saveProfiles({production, sandbox});
        m_window = std::make_unique<gui::MainWindow>();
        QVERIFY2(!openOnSandbox(*m_window).isEmpty(), "the demo databases");
        settle(m_window.get());
    }

    void cleanupTestCase() { m_window.reset(); }

    // Connect: File > Connect… (Ctrl+O), a server's profile.
    void connecting()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("connectAction"));
        QVERIFY2(action && action->isEnabled(), "guide step \"File > Connect\"");
        QTimer::singleShot(0, this, [this] {
            QWidget *dialog = openedDialog();
            QVERIFY(dialog);
            shot(dialog, QStringLiteral("connect"));
            close(dialog);
        });
        action->trigger();
        QTRY_VERIFY(m_made.contains(QStringLiteral("connect")));
    }

    // Support: a game that went wrong, found, replayed to its broken play, rolled back.
    void support()
    {
        auto *replay = m_window->replayPane();
        m_window->showPane(replay);
        settle(m_window.get());
        auto *only = replay->findChild<QCheckBox *>(QStringLiteral("onlyInconsistent"));
        STEP(only, "Replay: Only inconsistent");
        only->setChecked(true);
        settle(m_window.get());
        auto *games = replay->findChild<QTableView *>(QStringLiteral("gameView"));
        STEP(games, "Replay: the games");
        QVERIFY2(games->model()->rowCount() > 0, "the demo's broken game");
        games->selectRow(0);
        settle(m_window.get());
        auto *issue = replay->findChild<QWidget *>(QStringLiteral("issueLabel"));
        STEP(issue, "Replay: the first inconsistency");
        shot(panes(), QStringLiteral("support-broken-game"));
        shot(m_window.get(), QStringLiteral("window"));

        m_window->adminModeAction()->setChecked(true);
        settle(m_window.get());
        // The play before the broken one: what the game is rolled back to.
        replay->seek(std::max(1, replay->currentPlay() - 1));
        settle(m_window.get());
        auto *rollback = replay->findChild<QAbstractButton *>(QStringLiteral("rollbackButton"));
        STEP(rollback, "Replay: Roll back to this play (admin mode)");
        rollback->click();
        QWidget *dialog = openedDialog();
        QVERIFY2(dialog, "the rollback's preview and confirmation");
        shot(dialog, QStringLiteral("support-rollback"));
        close(dialog);
        only->setChecked(false);
        m_window->adminModeAction()->setChecked(false);
        settle(m_window.get());
    }

    // Support and developers: an id a player sent, found in every week (Ctrl+K).
    void findAnId()
    {
        auto *events = m_window->eventsPane();
        m_window->showPane(events);
        settle(m_window.get());
        const auto *row = events->model()->rowAt(0);
        QVERIFY(row);
        const QString value = row->requestKey.isEmpty() ? QString::number(row->id) : row->requestKey;
        STEP(m_window->findField(), "the Find field (Ctrl+K)");
        m_window->findField()->setText(value);
        QSignalSpy found(m_window->findPane(), &gui::FindPane::finished);
        QTest::keyClick(m_window->findField(), Qt::Key_Return);
        QVERIFY(found.wait(kTimeout));
        QVERIFY(m_window->findPane()->rowCount() > 0);
        QWidget *window = m_window->findPane()->window();
        settle(window);
        shot(window, QStringLiteral("find"));
        qobject_cast<QDialog *>(window)->reject();
    }

    // Analysts: a metric over time, two weeks side by side, a statement on every week.
    void analyst()
    {
        auto *metrics = m_window->metricsPane();
        m_window->showPane(metrics);
        settle(m_window.get());
        metrics->selectMetric(QStringLiteral("events"));
        // Every week of the family, each from its reset's start, a point a day.
        auto *weeks = metrics->findChild<QCheckBox *>(QStringLiteral("compareCheck"));
        STEP(weeks, "Metrics: Compare weeks");
        auto *list = metrics->findChild<QListWidget *>(QStringLiteral("weekList"));
        QVERIFY(list && list->count() >= 2);
        QStringList all;
        for (int i = 0; i < list->count(); ++i)
            all << list->item(i)->data(Qt::UserRole).toString();
        metrics->setCompare(all, metrics::Align::Reset);
        auto *bucket = metrics->findChild<QComboBox *>(QStringLiteral("bucketCombo"));
        STEP(bucket, "Metrics: Bucket");
        bucket->setCurrentIndex(bucket->findData(QStringLiteral("1d")));
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->shown().series.isEmpty() && !metrics->runner()->isBusy(), kTimeout);
        settle(m_window.get());
        shot(panes(), QStringLiteral("analyst-metric"));

        auto *compare = m_window->findChild<QAction *>(QStringLiteral("compareWeeksAction"));
        QVERIFY2(compare && compare->isEnabled(), "guide step \"View > Compare weeks\"");
        compare->trigger();
        auto *dialog = qobject_cast<gui::CompareDialog *>(openedDialog());
        QVERIFY2(dialog, "the Compare weeks window");
        auto *tabs = dialog->findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            auto *table = tabs->widget(i)->findChild<QLineEdit *>(QStringLiteral("rowsTableName"));
            if (!table)
                continue;
            tabs->setCurrentIndex(i);
            table->setText(QStringLiteral("core.games"));
            QPushButton *go = nullptr;
            for (QPushButton *b : tabs->widget(i)->findChildren<QPushButton *>())
                if (b->objectName().startsWith(QLatin1String("compare")) && b->isVisible())
                    go = b;
            STEP(go, "Compare weeks > Rows: Compare");
            go->click();
            settle(dialog);
            shot(dialog, QStringLiteral("analyst-compare-rows"));
        }
        QVERIFY2(m_made.contains(QStringLiteral("analyst-compare-rows")), "Compare weeks has a Rows tab");
        dialog->close();

        auto *console = m_window->consolePane();
        m_window->showPane(console);
        console->editor()->setPlainText(QStringLiteral(
            "SELECT date_trunc('hour', fetched_at) AS hour, count(*) AS events FROM raw.api_events GROUP BY 1 ORDER BY 1"));
        gui::FamilyRunView *run = console->runOnWeeks(console->family().weeks(), 2);
        QVERIFY2(run, "SQL: Run on weeks");
        QSignalSpy done(run, &gui::FamilyRunView::finished);
        QVERIFY(done.wait(kTimeout));
        QVERIFY(run->showChart());
        settle(m_window.get());
        shot(panes(), QStringLiteral("analyst-run-on-weeks"));
    }

    // Developers: what the API returned, how two answers differ, the state it left.
    void developer()
    {
        auto *events = m_window->eventsPane();
        m_window->showPane(events);
        settle(m_window.get());
        STEP(events->table(), "Events: the list");
        events->table()->selectRow(0);
        settle(m_window.get());
        shot(panes(), QStringLiteral("developer-event"));

        auto *sel = events->table()->selectionModel();
        sel->select(events->model()->index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY2(events->diffSelected(), "Events: Diff of two selected");
        QTRY_VERIFY_WITH_TIMEOUT(events->detail()->diffView()->hasResult(), kTimeout);
        settle(m_window.get());
        shot(panes(), QStringLiteral("developer-event-diff"));

        auto *snapshots = m_window->snapshotsPane();
        m_window->showPane(snapshots);
        settle(m_window.get());
        QVERIFY2(snapshots->diffSelected(), "Snapshots: Diff");
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->diffView()->hasResult(), kTimeout);
        settle(m_window.get());
        shot(panes(), QStringLiteral("developer-snapshot-diff"));
    }

    // Running the weeks: the Admin pane in admin mode, next week's database, a reset.
    void runningTheWeeks()
    {
        m_window->adminModeAction()->setChecked(true);
        auto *admin = m_window->adminPane();
        m_window->showPane(admin);
        settle(m_window.get());
        shot(panes(), QStringLiteral("weeks-admin"));
        for (const auto &[button, name] : QList<QPair<const char *, QString>>{
                 {"createButton", QStringLiteral("weeks-create")},
                 {"resetButton", QStringLiteral("weeks-reset")},
                 {"upkeepButton", QStringLiteral("weeks-upkeep")}}) {
            auto *b = admin->findChild<QAbstractButton *>(QLatin1String(button));
            STEP(b, "Admin: its buttons");
            b->click();
            QWidget *dialog = openedDialog();
            QVERIFY2(dialog, button);
            QTest::qWait(200);
            shot(dialog, name);
            close(dialog);
        }
        m_window->adminModeAction()->setChecked(false);
        settle(m_window.get());
    }

    // Watching the server: sessions, and the health of each database.
    void watchingTheServer()
    {
        auto *activity = m_window->activityPane();
        m_window->showPane(activity);
        settle(m_window.get());
        shot(panes(), QStringLiteral("server-sessions"));
        auto *tabs = activity->findChild<QTabWidget *>(QStringLiteral("activityTabs"));
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i).remove(QLatin1Char('&')) == QLatin1String("Health"))
                tabs->setCurrentIndex(i);
        QCOMPARE(tabs->tabText(tabs->currentIndex()).remove(QLatin1Char('&')), QStringLiteral("Health"));
        settle(m_window.get());
        shot(panes(), QStringLiteral("server-health"));
        tabs->setCurrentIndex(0);
    }

    // Help > User guide opens the guide, its pictures in it.
    void helpOpensTheGuide()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("guideAction"));
        QVERIFY2(action && action->isEnabled(), "Help > User guide");
        // Found (else the action says so in a message box, which would wait for a click).
        QVERIFY2(!gui::GuideWindow::locate().isEmpty(), "docs/GUIDE.md");
        action->trigger();
        QWidget *guide = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((guide = m_window->findChild<QWidget *>(QStringLiteral("guideWindow"))) && guide->isVisible(),
                                 kTimeout);
        auto *browser = guide->findChild<QTextBrowser *>();
        QVERIFY(browser);
        QVERIFY2(browser->toPlainText().startsWith(QStringLiteral("Statescope user guide")), qPrintable(browser->toPlainText().left(200)));
        // Every picture it names was found and read (an image the browser could not load is
        // a blank box).
        const QRegularExpression image(QStringLiteral("images/guide/[a-z0-9-]+\\.png"));
        int seen = 0;
        for (auto it = image.globalMatch(browser->toMarkdown()); it.hasNext(); ++seen) {
            const QUrl url = browser->source().resolved(QUrl(it.next().captured(0)));
            const QVariant loaded = browser->document()->resource(QTextDocument::ImageResource, url);
            QVERIFY2(loaded.isValid() && !loaded.value<QImage>().isNull(), qPrintable(url.toString()));
        }
        QVERIFY(seen >= 5);
        // The pictures fit the page, however narrow the window: nothing to read sideways.
        for (const int width : {960, 640}) {
            guide->resize(width, 600);
            QTRY_COMPARE_WITH_TIMEOUT(browser->horizontalScrollBar()->maximum(), 0, kTimeout);
        }
        guide->close();
    }

    // Last: the guide and the README show every picture made here, and no other.
    void theGuideShowsWhatTheStepsMake()
    {
        QSet<QString> named;
        const QRegularExpression image(QStringLiteral("images/guide/([a-z0-9-]+)\\.png"));
        for (const char *doc : {"README.md", "docs/GUIDE.md"}) {
            QFile f(QStringLiteral(STATESCOPE_SOURCE_DIR "/") + QLatin1String(doc));
            QVERIFY2(f.open(QIODevice::ReadOnly), doc);
            for (auto it = image.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();)
                named << it.next().captured(1);
        }
        const QSet<QString> made(m_made.begin(), m_made.end());
        for (const QString &n : named) {
            QVERIFY2(made.contains(n), qPrintable(QStringLiteral("the guide shows %1.png, which no step makes").arg(n)));
            QVERIFY2(QFile::exists(QStringLiteral(STATESCOPE_SOURCE_DIR "/docs/images/guide/%1.png").arg(n)),
                     qPrintable(QStringLiteral("docs/images/guide/%1.png is not in the tree (target guide-shots)").arg(n)));
        }
        for (const QString &n : made)
            QVERIFY2(named.contains(n), qPrintable(QStringLiteral("%1.png is made, and the guide does not show it").arg(n)));
    }
};

int main(int argc, char **argv)
{
    QTemporaryDir config; // the guide's screen, given to the offscreen platform before the app starts
    if (!setOffscreenScreen(QSize(1280, 800), config))
        return 2;
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("statescope"));
    QCoreApplication::setApplicationName(QStringLiteral("statescope"));
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    gui::style::applyTheme(settings::Theme::Light);
    TestGuide test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guide.moc"
