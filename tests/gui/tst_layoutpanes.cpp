// The panes on databases Statescope did not create (sql/shapes): each reads the game's own
// tables, says which, and shows their rows; none shows a raw 42P01. Real widgets, offscreen.
#include "core/demo/shapes.h"
#include "gui/confirmdialog.h"
#include "gui/eventspane.h"
#include "gui/layoutdialog.h"
#include "gui/metricspane.h"
#include "gui/replaypane.h"
#include "gui/snapshotspane.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <nlohmann/json.hpp>

using namespace statescope;

namespace {

constexpr int kTimeout = 60000;

pg::ConnectionSettings shaped(demo::Shape shape, QStringList &made)
{
    const pg::ConnectionSettings db = test::emptyDatabase(demo::shapeName(shape));
    made << db.database();
    auto conn = test::connect(db);
    demo::DemoOptions o;
    o.events = 300;
    o.games = 4;
    o.snapshots = 12;
    demo::seedShape(*conn, shape, o);
    return db;
}

// A picture of the pane for people reviewing the run (STATESCOPE_SHOTS=dir).
void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QString labelText(QWidget *pane, const char *name)
{
    const auto *label = pane->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

} // namespace

class TestLayoutPanes : public QObject
{
    Q_OBJECT
private slots:
    void cleanupTestCase()
    {
        for (const QString &name : m_made)
            test::dropDatabase(name);
    }

    void replayReadsPaperDynastysOwnTables()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::PaperDynasty, m_made);
        gui::ReplayPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(db);
        auto *games = pane.findChild<QTableView *>(QStringLiteral("gameView"));
        QTRY_COMPARE_WITH_TIMEOUT(games->model()->rowCount(), 4, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "gamesSource").contains(QLatin1String("public.plays, detected")),
                                 kTimeout);
        games->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(!labelText(&pane, "issueLabel").contains(QLatin1String("42P01")), kTimeout);
        QTest::qWait(500);
        shoot(&pane, QStringLiteral("replay-paperdynasty"));
    }

    void metricsStartOnAMetricTheDatabaseHas()
    {
        // A Galaxy week has snapshots and no API events: it opens on snapshots, not on an
        // error about events.
        const pg::ConnectionSettings db = shaped(demo::Shape::Galaxy, m_made);
        gui::MetricsPane pane;
        pane.show();
        auto *combo = pane.findChild<QComboBox *>(QStringLiteral("metricCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("events"));
        pane.setServer(db.withDatabase(QStringLiteral("postgres")));
        pane.setDatabase(db.database(), {db.database()});
        QTRY_COMPARE_WITH_TIMEOUT(combo->currentData().toString(), QStringLiteral("snapshots"), kTimeout);
    }

    void replaySaysWhenThereAreNoGames()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Galaxy, m_made);
        gui::ReplayPane pane;
        pane.show();
        pane.setDatabase(db);
        auto *header = pane.findChild<QLabel *>(QStringLiteral("replayHeader"));
        Q_UNUSED(header);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "gamesSource").contains(QLatin1String("layout file")), kTimeout);
        auto *errors = pane.findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(!errors || !errors->isVisible());
    }

    void snapshotsAndSavesReadTheGamesTables()
    {
        const pg::ConnectionSettings galaxy = shaped(demo::Shape::Galaxy, m_made);
        gui::SnapshotsPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(galaxy);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "recoveryLabel").contains(QLatin1String("public.snapshots, detected")),
                                 kTimeout);
        shoot(&pane, QStringLiteral("snapshots-galaxy"));

        // Marketland+: saves but no world snapshots; the Saves tab still fills.
        const pg::ConnectionSettings market = shaped(demo::Shape::Marketland, m_made);
        pane.setDatabase(market);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "savesNote").contains(QLatin1String("public.save_snapshots")),
                                 kTimeout);
        QVERIFY2(labelText(&pane, "savesNote").contains(QLatin1String("24 player")), qPrintable(labelText(&pane, "savesNote")));
        QVERIFY(labelText(&pane, "recoveryLabel").contains(QLatin1String("no world snapshots")));
        shoot(&pane, QStringLiteral("saves-marketland"));
    }

    void savesUnderRowLevelSecurityAreViewedAsAPlayer()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland, m_made);
        const QString role = test::uniqueName(QStringLiteral("gui_player"));
        auto owner = test::connect(db);
        owner->execScript(QStringLiteral("CREATE ROLE %1 LOGIN; GRANT SELECT ON public.save_snapshots TO %1;").arg(role));
        const QString player = owner->exec(QStringLiteral("SELECT player_id::text FROM public.players "
                                                          "ORDER BY display_name LIMIT 1")).value(0, 0);
        pg::ConnectionSettings asRole = db;
        asRole.setValue(QStringLiteral("user"), role);
        {
            gui::SnapshotsPane pane;
            pane.resize(1200, 700);
            pane.show();
            pane.setDatabase(asRole);
            // Not a raw 42704: what blocks, and the way to look.
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "savesNote").contains(QLatin1String("row-level security")),
                                     kTimeout);
            QVERIFY(!labelText(&pane, "savesNote").contains(QLatin1String("42704")));
            auto *viewAs = pane.findChild<QLineEdit *>(QStringLiteral("viewAsPlayer"));
            QVERIFY(viewAs && viewAs->isVisible());
            QTest::keyClicks(viewAs, player);
            QTest::keyClick(viewAs, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "savesNote").contains(QLatin1String("1 player(s)")), kTimeout);
            shoot(&pane, QStringLiteral("saves-view-as-player"));
        }
        owner->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        owner->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    void aMappingMadeInTheDialogIsRememberedForTheFamily()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's own settings stay untouched
        gui::LayoutDialog::installMappings();
        const pg::ConnectionSettings db = test::emptyDatabase(QStringLiteral("mapped"));
        m_made << db.database();
        test::connect(db)->execScript(QStringLiteral(
            "CREATE TABLE public.world_ticks (sid serial PRIMARY KEY, tick bigint NOT NULL, "
            "  body jsonb NOT NULL, taken timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO public.world_ticks (tick, body) SELECT g, jsonb_build_object('t', g) "
            "FROM generate_series(1, 3) g;"));
        gui::LayoutDialog dialog(db);
        dialog.show();
        auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("layoutText"));
        QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(QLatin1String("statescope-layout/1")), kTimeout);
        nlohmann::json doc = nlohmann::json::parse(text->toPlainText().toStdString());
        doc["relations"]["snapshots"] = {{"schema", "public"}, {"table", "world_ticks"},
                                         {"columns", {{"id", "sid"}, {"tick_number", "tick"}, {"state", "body"},
                                                      {"created_at", "taken"}}}};
        // A bad edit is refused and remembers nothing.
        text->setPlainText(QStringLiteral("{ not json"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveLayout")), Qt::LeftButton);
        QVERIFY(labelText(&dialog, "layoutStatus").contains(QLatin1String("Not valid JSON")));
        text->setPlainText(QString::fromStdString(doc.dump(2)));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveLayout")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&dialog, "layoutStatus").contains(QLatin1String("Remembered")), kTimeout);

        gui::SnapshotsPane pane;
        pane.show();
        pane.setDatabase(db);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "recoveryLabel").contains(QLatin1String("public.world_ticks, saved mapping")),
                                 kTimeout);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("forgetLayout")), Qt::LeftButton);
    }

    void eventsOnAPrimaryKeyOnlyTableSayHowTheyArePaged()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::SpaceTraders, m_made);
        gui::EventsPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(db);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "eventSource").contains(QLatin1String("paged by id")), kTimeout);
        QVERIFY(labelText(&pane, "eventSource").contains(QLatin1String("raw.api_events, detected")));
        auto *table = pane.findChild<QTableView *>();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kTimeout);
        QTest::qWait(500);
        shoot(&pane, QStringLiteral("events-spacetraders"));

        // Admin mode offers the index; it is previewed, confirmed by name, then built and
        // the pages follow the time.
        auto *build = pane.findChild<QPushButton *>(QStringLiteral("buildIndex"));
        QVERIFY(build->isVisible());
        QVERIFY(!build->isEnabled());
        pane.setAdminMode(true);
        QVERIFY(build->isEnabled());
        QTest::mouseClick(build, Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = pane.findChild<gui::ConfirmDialog *>()) && dialog->isVisible(), kTimeout);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), db.database());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "eventSource").contains(QLatin1String("Reading raw.api_events"))
                                     && !labelText(&pane, "eventSource").contains(QLatin1String("paged by id")),
                                 kTimeout);
        QVERIFY(!build->isVisible());
    }

private:
    QStringList m_made;
};

QTEST_MAIN(TestLayoutPanes)
#include "tst_layoutpanes.moc"
