// Marketland+'s player_events as the game makes them (monthly range partitions, row-level
// security keyed on app.current_player_id): keyset pages newest first across partitions
// equal the server's own ordering, a month's page reads one partition, counts per type per
// day, the metric, row-level security, the CLI twins and their bad input.
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/events/playerevents.h"
#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::events;

class TestPlayerEvents : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QString m_player;

private slots:
    void initTestCase()
    {
        m_db = test::emptyDatabase(QStringLiteral("player_events"));
        auto conn = test::connect(m_db);
        demo::DemoOptions o;
        o.events = 50;
        o.games = 2;
        o.snapshots = 4;
        demo::seedShape(*conn, demo::Shape::Marketland, o);
        // Ties on occurred_at (same instant, several ids) are where a keyset on time alone
        // would skip or repeat rows.
        conn->exec(QStringLiteral("INSERT INTO public.player_events (player_id, event_type, event_data, occurred_at) "
                                  "SELECT player_id, 'tie', '{}'::jsonb, occurred_at FROM public.player_events "
                                  "WHERE event_id % 7 = 0"));
        m_player = conn->exec(QStringLiteral("SELECT player_id::text FROM public.player_events GROUP BY 1 "
                                             "ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
    }

    void cleanupTestCase() { test::dropDatabase(m_db.database()); }

    void pagesFollowTheServersOrderAcrossPartitions()
    {
        auto conn = test::connect(m_db);
        PlayerEventStore store(*conn);
        QVERIFY(store.available());
        QStringList got;
        std::optional<PlayerEventCursor> after;
        int pages = 0;
        do {
            const PlayerEventPage page = store.page({}, 97, after);
            for (const PlayerEvent &e : page.rows)
                got << QString::number(e.id);
            after = page.next;
            ++pages;
        } while (after && pages < 1000);
        const auto all = conn->exec(QStringLiteral("SELECT string_agg(event_id::text, ',' ORDER BY occurred_at DESC, "
                                                   "event_id DESC) FROM public.player_events"));
        QCOMPARE(got.join(QLatin1Char(',')), all.value(0, 0));
        QVERIFY(pages > 3);
        // One player and two types, within November: the same as the server says.
        PlayerEventFilter f;
        f.player = m_player;
        f.types = {QStringLiteral("purchase"), QStringLiteral("login")};
        f.since = Timestamp::parse(QStringLiteral("2025-11-01"));
        f.until = Timestamp::parse(QStringLiteral("2025-12-01"));
        const PlayerEventPage page = store.page(f, 10000);
        QCOMPARE(qint64(page.rows.size()),
                 test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events WHERE player_id = $1 "
                                                    "AND event_type IN ('purchase', 'login') AND occurred_at >= "
                                                    "'2025-11-01' AND occurred_at < '2025-12-01'"),
                              {m_player}));
        QVERIFY(!page.rows.isEmpty());
        QVERIFY(!page.next);
        // A month's page reads one partition; no bounds, every one.
        QCOMPARE(store.partitionsRead(f), QStringList{QStringLiteral("player_events_2025_11")});
        QCOMPARE(store.partitionsRead({}).size(), 3);
    }

    void countsPerTypePerDay()
    {
        auto conn = test::connect(m_db);
        PlayerEventStore store(*conn);
        PlayerEventFilter f;
        f.player = m_player;
        qint64 sum = 0;
        const QList<TypeDayCount> counts = store.countsPerDay(f);
        for (const TypeDayCount &c : counts)
            sum += c.count;
        QCOMPARE(sum, test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events WHERE player_id = $1"),
                                   {m_player}));
        QVERIFY(counts.first().day >= counts.last().day); // newest day first
        // Every player without a bounded range: refused, nothing read.
        const auto unbounded = test::errorOf([&] { store.countsPerDay({}); });
        QVERIFY(unbounded && unbounded->kind() == Error::Kind::InvalidInput);
        PlayerEventFilter bad;
        bad.player = QStringLiteral("player-1");
        const auto notUuid = test::errorOf([&] { store.page(bad); });
        QVERIFY(notUuid && notUuid->kind() == Error::Kind::InvalidInput);
        PlayerEventFilter backwards;
        backwards.since = Timestamp::parse(QStringLiteral("2025-12-01"));
        backwards.until = Timestamp::parse(QStringLiteral("2025-11-01"));
        QVERIFY(test::errorOf([&] { store.page(backwards); }).has_value());
    }

    void theMetricCountsPerType()
    {
        auto conn = test::connect(m_db);
        metrics::Query q;
        q.metric = QStringLiteral("player_events");
        q.bucket = metrics::Bucket::Day;
        q.params.insert(QStringLiteral("type"), QStringLiteral("purchase"));
        const metrics::SeriesSet set = metrics::run(*conn, q);
        QCOMPARE(set.series.size(), 1);
        double total = 0;
        for (const auto &p : set.series.first().points)
            total += p.value;
        QCOMPARE(qint64(total), test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events "
                                                                   "WHERE event_type = 'purchase'")));
        q.params.insert(QStringLiteral("player"), QStringLiteral("nobody"));
        QVERIFY(test::errorOf([&] { metrics::run(*conn, q); }).has_value());
    }

    void aRoleUnderThePoliciesReadsAsThePlayer()
    {
        auto owner = test::connect(m_db);
        const QString role = test::uniqueName(QStringLiteral("pe_reader"));
        owner->execScript(QStringLiteral("CREATE ROLE %1 LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1;").arg(role));
        pg::ConnectionSettings asRole = m_db;
        asRole.setValue(QStringLiteral("user"), role);
        const qint64 mine = test::scalar(*owner, QStringLiteral("SELECT count(*) FROM public.player_events "
                                                                "WHERE player_id = $1"), {m_player});
        QVERIFY(test::cliIsExecutable());
        const test::CliRun r = test::runCli({QStringLiteral("player-events"), QStringLiteral("list"), QStringLiteral("--db"),
                                             asRole.storableString(), QStringLiteral("--player"), m_player,
                                             QStringLiteral("--limit"), QStringLiteral("10000"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(qint64(r.json().object().value(QLatin1String("rows")).toArray().size()), mine);
        owner->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        owner->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    void theCliTwins()
    {
        QVERIFY(test::cliIsExecutable());
        auto conn = test::connect(m_db);
        // Two pages through --after give the first 2 x 50 of the server's order.
        const test::CliRun first = test::runCli({QStringLiteral("player-events"), QStringLiteral("list"), QStringLiteral("--db"),
                                                 m_db.storableString(), QStringLiteral("--limit"), QStringLiteral("50"),
                                                 QStringLiteral("--json")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const QString next = first.json().object().value(QLatin1String("next")).toString();
        QVERIFY(!next.isEmpty());
        const test::CliRun second = test::runCli({QStringLiteral("player-events"), QStringLiteral("list"), QStringLiteral("--db"),
                                                  m_db.storableString(), QStringLiteral("--limit"), QStringLiteral("50"),
                                                  QStringLiteral("--after"), next, QStringLiteral("--json")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        QStringList ids;
        for (const test::CliRun *run : {&first, &second})
            for (const auto &v : run->json().object().value(QLatin1String("rows")).toArray())
                ids << QString::number(v.toObject().value(QLatin1String("id")).toInteger());
        QCOMPARE(ids.join(QLatin1Char(',')),
                 conn->exec(QStringLiteral("SELECT string_agg(event_id::text, ',' ORDER BY occurred_at DESC, event_id DESC) "
                                           "FROM (SELECT * FROM public.player_events ORDER BY occurred_at DESC, event_id DESC "
                                           "LIMIT 100) s")).value(0, 0));
        const test::CliRun counts = test::runCli({QStringLiteral("player-events"), QStringLiteral("counts"), QStringLiteral("--db"),
                                                  m_db.storableString(), QStringLiteral("--since"), QStringLiteral("2025-11-01"),
                                                  QStringLiteral("--until"), QStringLiteral("2025-11-08"), QStringLiteral("--json")});
        QVERIFY2(counts.exitCode == 0, qPrintable(counts.describe()));
        qint64 sum = 0;
        for (const auto &v : counts.json().array())
            sum += v.toObject().value(QLatin1String("count")).toInteger();
        QCOMPARE(sum, test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events WHERE occurred_at >= "
                                                         "'2025-11-01' AND occurred_at < '2025-11-08'")));
        for (const QStringList &bad : {QStringList{QStringLiteral("list"), QStringLiteral("--player"), QStringLiteral("p1")},
                                       QStringList{QStringLiteral("list"), QStringLiteral("--after"), QStringLiteral("yesterday")},
                                       QStringList{QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("soon")},
                                       QStringList{QStringLiteral("counts")}}) {
            const test::CliRun r = test::runCli(QStringList{QStringLiteral("player-events")} + bad.mid(0, 1)
                                                + QStringList{QStringLiteral("--db"), m_db.storableString()} + bad.mid(1));
            QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlayerEvents)
#include "tst_player_events.moc"
