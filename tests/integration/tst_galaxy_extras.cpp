// Galaxy's game_config and maneuver events on a database shaped as the game makes it: the
// history its snapshot retention keeps, told from snapshot_interval; per ship, what the
// game's retention (1,000 per ship, pruned on insert) deletes next; a ship's events; the
// CLI twins and their bad input.
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/snapshots/galaxyextras.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::snapshots;

class TestGalaxyExtras : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QString m_ship; // the ship given more than 1,000 events

private slots:
    void initTestCase()
    {
        m_db = test::emptyDatabase(QStringLiteral("galaxy_extras"));
        auto conn = test::connect(m_db);
        demo::DemoOptions o;
        o.events = 50;
        o.games = 2;
        o.snapshots = 12;
        demo::seedShape(*conn, demo::Shape::Galaxy, o);
        m_ship = conn->exec(QStringLiteral("SELECT ship_id::text FROM public.maneuver_events GROUP BY ship_id "
                                           "ORDER BY ship_id DESC LIMIT 1")).value(0, 0);
        QVERIFY(!m_ship.isEmpty());
        conn->exec(QStringLiteral("INSERT INTO public.maneuver_events (ship_id, event_type, tick, game_time, created_at) "
                                  "SELECT $1::uuid, 'phase_transition', 500000 + g, now(), "
                                  "timestamptz '2025-02-01 00:00+00' + g * interval '1 s' FROM generate_series(1, 1003) g"),
                   {m_ship});
    }

    void cleanupTestCase() { test::dropDatabase(m_db.database()); }

    void theHistoryKeptFollowsTheConfig()
    {
        auto conn = test::connect(m_db);
        QList<ConfigEntry> config = readGameConfig(*conn);
        QCOMPARE(config.size(), int(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.game_config"))));
        // 100 snapshots (the game's retention entry says so too) at 60 s: about 1.7 hours.
        QVERIFY2(describeHistory(config).contains(QLatin1String("about 1.7 hours")), qPrintable(describeHistory(config)));
        for (ConfigEntry &e : config) {
            if (e.key == QLatin1String("snapshot_interval"))
                e.value = QStringLiteral("30");
            if (e.key == QLatin1String("retention"))
                e.value = QStringLiteral(R"({"max_count": 240, "min_age_seconds": 3600})");
        }
        QVERIFY2(describeHistory(config).contains(QLatin1String("keeps 240")), qPrintable(describeHistory(config)));
        QVERIFY(describeHistory(config).contains(QLatin1String("about 2.0 hours")));
        for (ConfigEntry &e : config)
            if (e.key == QLatin1String("snapshot_interval"))
                e.value = QStringLiteral("\"soon\"");
        QVERIFY(describeHistory(config).contains(QLatin1String("not a number")));
        QVERIFY(describeHistory({}).contains(QLatin1String("no snapshot_interval")));
    }

    void retentionIsPreviewedPerShip()
    {
        auto conn = test::connect(m_db);
        Maneuvers m(*conn);
        QVERIFY(m.available());
        const ManeuverRetention r = m.retention();
        QCOMPARE(r.totalEvents, test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.maneuver_events")));
        QCOMPARE(r.shipsOver, 1);
        const qint64 ofShip = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.maneuver_events "
                                                                "WHERE ship_id = $1"), {m_ship});
        QCOMPARE(r.wouldDelete, ofShip - 1000);
        QCOMPARE(r.ships.first().shipId, m_ship);
        QCOMPARE(r.ships.first().beyondRetention, ofShip - 1000);
        // Another limit: the same rule, summed by the server.
        const ManeuverRetention three = m.retention(3);
        QCOMPARE(three.wouldDelete,
                 test::scalar(*conn, QStringLiteral("SELECT sum(greatest(n - 3, 0)) FROM (SELECT count(*) n FROM "
                                                    "public.maneuver_events GROUP BY ship_id) s")));
        QVERIFY(test::errorOf([&] { m.retention(0); }).has_value());
        // A ship's events, newest first, at most the game's 1,000.
        const QList<ManeuverEvent> events = m.events(m_ship);
        QCOMPARE(events.size(), 1000);
        QCOMPARE(events.first().tick, 500000 + 1003);
        for (int i = 1; i < events.size(); ++i)
            QVERIFY(events[i - 1].createdAt >= events[i].createdAt);
        const auto bad = test::errorOf([&] { m.events(QStringLiteral("ship-1")); });
        QVERIFY(bad && bad->kind() == Error::Kind::InvalidInput);
    }

    void theCliTwins()
    {
        QVERIFY(test::cliIsExecutable()); // a dependency of this test
        auto conn = test::connect(m_db);
        const test::CliRun config = test::runCli({QStringLiteral("snapshots"), QStringLiteral("config"), QStringLiteral("--db"),
                                                  m_db.storableString(), QStringLiteral("--json")});
        QVERIFY2(config.exitCode == 0, qPrintable(config.describe()));
        const QJsonObject c = config.json().object();
        QCOMPARE(c.value(QLatin1String("config")).toArray().size(),
                 int(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.game_config"))));
        QVERIFY(c.value(QLatin1String("history")).toString().contains(QLatin1String("1.7 hours")));

        const test::CliRun ships = test::runCli({QStringLiteral("snapshots"), QStringLiteral("maneuvers"), QStringLiteral("--db"),
                                                 m_db.storableString(), QStringLiteral("--json")});
        QVERIFY2(ships.exitCode == 0, qPrintable(ships.describe()));
        const QJsonObject s = ships.json().object();
        QCOMPARE(s.value(QLatin1String("would_delete")).toInt(),
                 int(test::scalar(*conn, QStringLiteral("SELECT count(*) - 1000 FROM public.maneuver_events "
                                                        "WHERE ship_id = $1"), {m_ship})));
        QCOMPARE(s.value(QLatin1String("ships")).toArray().first().toObject().value(QLatin1String("ship_id")).toString(), m_ship);

        const test::CliRun one = test::runCli({QStringLiteral("snapshots"), QStringLiteral("maneuvers"), QStringLiteral("--db"),
                                               m_db.storableString(), QStringLiteral("--ship"), m_ship,
                                               QStringLiteral("--limit"), QStringLiteral("10"), QStringLiteral("--json")});
        QVERIFY2(one.exitCode == 0, qPrintable(one.describe()));
        QCOMPARE(one.json().array().size(), 10);
        QCOMPARE(one.json().array().first().toObject().value(QLatin1String("tick")).toInt(), 500000 + 1003);

        for (const QStringList &bad : {QStringList{QStringLiteral("--ship"), QStringLiteral("nope")},
                                       QStringList{QStringLiteral("--limit"), QStringLiteral("0")},
                                       QStringList{QStringLiteral("--keep"), QStringLiteral("-4")}}) {
            const test::CliRun r = test::runCli(QStringList{QStringLiteral("snapshots"), QStringLiteral("maneuvers"),
                                                            QStringLiteral("--db"), m_db.storableString()} + bad);
            QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestGalaxyExtras)
#include "tst_galaxy_extras.moc"
