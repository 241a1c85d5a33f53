// Metrics beyond the built-in ones against a real server: user SQL (good, refused, wrong
// shape, timeout, writes); comparing two seeded weeks (aligned on the reset, absolute, a
// missing week); materialized views; and the CLI commands metrics series / compare / list /
// refresh / sql. The built-in metrics are in tst_metrics_builtin.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"
#include "integration/metricsfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <optional>
#include <tuple>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::metrics;

class TestMetricsCompare : public QObject, private MetricsFixture
{
    Q_OBJECT

private:
    QString m_prefix;                 // the weekly family compared
    QList<qint64> m_weekEvents;       // events per week of the family
    QStringList m_weekNames;

    QString conn() const { return m_db.storableString(); }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);

        seedMetricsDatabase();
        if (QTest::currentTestFailed())
            return;

        // Two weeks of one family, different seeds and resets.
        m_prefix = QStringLiteral("mcmp%1").arg(QCoreApplication::applicationPid());
        const weekly::ServerAdmin admin(serverSettings());
        const QList<std::tuple<int, quint64, QDateTime, int>> weeks = {
            {1, 11, utc(2025, 1, 6), 300}, {2, 22, utc(2025, 1, 13), 200}};
        for (const auto &[week, seed, start, events] : weeks) {
            const QString name = weekly::WeeklyName(m_prefix, 2025, week).databaseName();
            admin.create(name);
            m_databases << name;
            m_weekNames << name;
            demo::DemoOptions o;
            o.events = events;
            o.games = 2;
            o.snapshots = 5;
            o.seed = seed;
            o.start = start;
            demo::seed(*test::connect(serverSettings().withDatabase(name)), o);
            m_weekEvents << events;
        }
    }

    void cleanupTestCase()
    {
        m_conn.reset();
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    // ---- user SQL ------------------------------------------------------------------------

    void userSqlGood()
    {
        SeriesSet set = runUserSql(*m_conn, QStringLiteral(
            "SELECT date_trunc('hour', fetched_at), count(*), endpoint FROM raw.api_events "
            "GROUP BY 1, 3 ORDER BY 1"), 10000);
        QCOMPARE(set.metric, QStringLiteral("sql"));
        QCOMPARE(set.bucket, Bucket::Hour);
        QString diff = differences(set, expectedEvents(kHour), false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // A date column, no series, a numeric value; the day totals.
        Values days;
        for (const Event &e : m_events)
            days[{QStringLiteral("value"), floorTo(e.ms, kDay)}] += 1;
        set = runUserSql(*m_conn, QStringLiteral("SELECT (fetched_at AT TIME ZONE 'UTC')::date, "
                                                 "count(*)::numeric FROM raw.api_events GROUP BY 1"),
                         10000);
        QCOMPARE(set.bucket, Bucket::Day);
        diff = differences(set, days, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // Comments first, WITH, a ';' inside a literal and a comment, a trailing ';'.
        Values agent;
        for (const Event &e : m_events) {
            if (e.endpoint == QLatin1String("/my/agent"))
                agent[{QStringLiteral("x;y"), floorTo(e.ms, kHour)}] += 1;
        }
        set = runUserSql(*m_conn, QStringLiteral(
            "-- agent fetches per hour\n /* a ; in /* a nested */ comment */\n"
            "WITH e AS (SELECT (fetched_at AT TIME ZONE 'UTC')::timestamp AS t FROM raw.api_events "
            "WHERE endpoint = '/my/agent' AND request_key <> 'a;b' AND $$;$$ = ';') "
            "SELECT date_trunc('hour', t), count(*)::float8, 'x;y' FROM e GROUP BY 1 ORDER BY 1; \n"
            "-- done"), 10000);
        diff = differences(set, agent, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        set = runUserSql(*m_conn, QStringLiteral("SELECT now(), 1 WHERE false"), 1000);
        QVERIFY(set.series.isEmpty());
        QVERIFY(!set.note.isEmpty());
    }

    void userSqlRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("delete") << "DELETE FROM raw.api_events";
        QTest::newRow("update after comment") << "-- SELECT\n/* SELECT */ UPDATE core.games SET status = 'active'";
        QTest::newRow("empty") << "   ";
        QTest::newRow("only a comment") << "-- SELECT now(), 1";
        QTest::newRow("values") << "VALUES (now(), 1)";
        QTest::newRow("two selects") << "SELECT now(), 1; SELECT now(), 2";
        QTest::newRow("select then drop") << "SELECT now(), 1;DROP TABLE raw.api_events";
        QTest::newRow("after a literal") << "SELECT now(), 1, 'a;b'; DELETE FROM raw.api_events";
        QTest::newRow("wrong order") << "SELECT 1, now()";
        QTest::newRow("one column") << "SELECT now()";
        QTest::newRow("text value") << "SELECT now(), 'x'";
        QTest::newRow("numeric series") << "SELECT now(), 1, 2";
        QTest::newRow("four columns") << "SELECT now(), 1, 'a', 'b'";
        QTest::newRow("time of day") << "SELECT now()::time, 1";
    }
    void userSqlRefused()
    {
        QFETCH(QString, sql);
        const auto e = errorOf([&] { runUserSql(*m_conn, sql, 5000); });
        QVERIFY(e.has_value());
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM raw.api_events")), 600);
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT 1")), 1); // not left in a transaction
    }

    void userSqlTimeout()
    {
        const QString before = m_conn->exec(QStringLiteral("SHOW statement_timeout")).value(0, 0);
        const auto e = errorOf([&] {
            runUserSql(*m_conn, QStringLiteral("SELECT now(), 1 FROM pg_sleep(30)"), 200);
        });
        QVERIFY(e.has_value());
        QCOMPARE(e->sqlstate(), QStringLiteral("57014"));
        QCOMPARE(e->kind(), Error::Kind::Query);
        QVERIFY2(e->message().contains(QLatin1String("too long")), qPrintable(e->message()));
        // The connection is fine, out of the transaction, with its own settings back.
        QVERIFY(m_conn->isAlive());
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT 41 + 1")), 42);
        QCOMPARE(m_conn->exec(QStringLiteral("SHOW statement_timeout")).value(0, 0), before);
        QCOMPARE(m_conn->exec(QStringLiteral("SHOW transaction_read_only")).value(0, 0),
                 QStringLiteral("off"));
        const SeriesSet after = runUserSql(
            *m_conn, QStringLiteral("SELECT fetched_at, 1 FROM raw.api_events LIMIT 3"), 5000);
        QCOMPARE(after.series.size(), 1);
    }

    void userSqlCannotWrite_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("delete in a CTE")
            << "WITH d AS (DELETE FROM raw.api_events RETURNING fetched_at) SELECT fetched_at, 1 FROM d";
        QTest::newRow("insert in a CTE")
            << "WITH i AS (INSERT INTO core.game_config (key, value) VALUES ('x', '1') RETURNING "
               "updated_at) SELECT updated_at, 1 FROM i";
        QTest::newRow("update in a CTE")
            << "WITH u AS (UPDATE core.games SET status = 'abandoned' RETURNING created_at) "
               "SELECT created_at, 1 FROM u";
        QTest::newRow("a sequence") << "SELECT now(), nextval('raw.api_events_id_seq')";
        QTest::newRow("select into") << "SELECT now() AS t, 1 AS v INTO metrics.sneaky";
    }
    void userSqlCannotWrite()
    {
        QFETCH(QString, sql);
        const auto snapshot = [&] {
            return m_conn->exec(QStringLiteral(
                "SELECT (SELECT count(*) FROM raw.api_events), (SELECT count(*) FROM core.game_config), "
                "(SELECT count(*) FROM core.games WHERE status = 'abandoned'), "
                "to_regclass('metrics.sneaky') IS NULL"));
        };
        const auto before = snapshot();
        const auto e = errorOf([&] { runUserSql(*m_conn, sql, 5000); });
        QVERIFY(e.has_value());
        QCOMPARE(e->sqlstate(), QStringLiteral("25006"));
        const auto after = snapshot();
        for (int c = 0; c < 3; ++c)
            QCOMPARE(after.toLongLong(0, c), before.toLongLong(0, c));
        QVERIFY(after.toBool(0, 3));
        QCOMPARE(after.toLongLong(0, 0), 600);
    }

    // ---- comparing resets ------------------------------------------------------------

    void compareAlignedOnReset()
    {
        std::vector<std::tuple<int, int, QString>> reports;
        CancelToken token;
        TaskContext ctx(token, [&](int done, int total, const QString &text) {
            reports.emplace_back(done, total, text);
        });
        const auto weeks = compare(serverSettings(), m_weekNames, query(QStringLiteral("events")),
                                   Align::Reset, &ctx);
        QCOMPARE(weeks.size(), 2);
        for (int w = 0; w < 2; ++w) {
            const WeekResult &r = weeks[w];
            QCOMPARE(r.database, m_weekNames[w]);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            auto conn = test::connect(serverSettings().withDatabase(r.database));
            const QList<Event> events = fetchEvents(*conn);
            QCOMPARE(events.size(), m_weekEvents[w]);
            const qint64 reset = events.first().ms;
            QCOMPARE(r.resetStart.toMSecsSinceEpoch(), reset);
            // Offsets: bucket k is [reset + k h, reset + (k+1) h), shown as k * 3600 s.
            Values expected;
            for (const Event &e : events)
                expected[{e.endpoint, floorTo(e.ms - reset, kHour)}] += 1;
            const QString diff = differences(r.set, expected, true);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            QDateTime first;
            for (const Series &s : r.set.series)
                if (!first.isValid() || s.points.first().t < first)
                    first = s.points.first().t;
            QCOMPARE(first, QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()));
            QCOMPARE(total(r.set), double(m_weekEvents[w]));
        }
        // Two different resets, a week apart, overlay on the same offsets.
        QVERIFY(weeks[1].resetStart.toMSecsSinceEpoch() - weeks[0].resetStart.toMSecsSinceEpoch() > 6 * kDay);
        QVERIFY(!reports.empty());
        QCOMPARE(std::get<0>(reports.back()), 2);
        QCOMPARE(std::get<1>(reports.back()), 2);
    }

    void compareAbsolute()
    {
        const auto weeks = compare(serverSettings(), m_weekNames, query(QStringLiteral("events"), Bucket::Day),
                                   Align::Absolute);
        QCOMPARE(weeks.size(), 2);
        const QDateTime starts[] = {utc(2025, 1, 6), utc(2025, 1, 13)};
        for (int w = 0; w < 2; ++w) {
            QVERIFY2(weeks[w].error.isEmpty(), qPrintable(weeks[w].error));
            auto conn = test::connect(serverSettings().withDatabase(m_weekNames[w]));
            Values expected;
            for (const Event &e : fetchEvents(*conn))
                expected[{e.endpoint, floorTo(e.ms, kDay)}] += 1;
            const QString diff = differences(weeks[w].set, expected, true);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            for (const Series &s : weeks[w].set.series) {
                QVERIFY(s.points.first().t >= starts[w]);
                QVERIFY(s.points.last().t < starts[w].addDays(7));
            }
        }
    }

    void compareWithAMissingWeek()
    {
        const QString missing = weekly::WeeklyName(m_prefix, 2025, 9).databaseName();
        const auto weeks = compare(serverSettings(), {m_weekNames[0], missing},
                                   query(QStringLiteral("errors"), Bucket::Day), Align::Reset);
        QCOMPARE(weeks.size(), 2);
        QVERIFY2(weeks[0].error.isEmpty(), qPrintable(weeks[0].error));
        QCOMPARE(weeks[0].set.series.size(), 2);
        QCOMPARE(weeks[1].database, missing);
        QVERIFY(!weeks[1].error.isEmpty());
        QVERIFY(weeks[1].set.series.isEmpty());

        // A bad query is refused once, before any week runs; a cancelled task stops.
        const auto bad = errorOf([&] {
            compare(serverSettings(), m_weekNames, query(QStringLiteral("nope")), Align::Reset);
        });
        QVERIFY(bad && bad->kind() == Error::Kind::InvalidInput);
        CancelToken token;
        token.cancel();
        TaskContext ctx(token, {});
        const auto cancelled = errorOf([&] {
            compare(serverSettings(), m_weekNames, query(QStringLiteral("events")), Align::Reset, &ctx);
        });
        QVERIFY(cancelled && cancelled->kind() == Error::Kind::Cancelled);
    }

    // ---- materialized views ----------------------------------------------------------

    void materializedViewRefresh()
    {
        auto find = [&](const QString &name) {
            for (const auto &v : materializedViews(*m_conn))
                if (v.schema == QLatin1String("metrics") && v.name == name)
                    return std::optional<MaterializedView>(v);
            return std::optional<MaterializedView>();
        };
        auto view = find(QStringLiteral("events_per_hour"));
        QVERIFY(view.has_value());
        QVERIFY(view->populated);
        QVERIFY(view->hasUniqueIndex);
        QVERIFY(view->canRefreshConcurrently);
        QVERIFY(!view->refreshedAt.isValid());
        QCOMPARE(view->lastDurationMs, -1);
        QVERIFY(view->sizeBytes > 0);
        // Created by the migration over an empty table; the demo came later.
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM metrics.events_per_hour")), 0);

        refresh(*m_conn, QStringLiteral("metrics"), QStringLiteral("events_per_hour"));
        const auto rows = m_conn->exec(QStringLiteral(
            "SELECT (extract(epoch FROM hour) * 1000)::bigint, endpoint, events FROM metrics.events_per_hour"));
        Values inView;
        for (int i = 0; i < rows.rowCount(); ++i)
            inView[{rows.value(i, 1), rows.toLongLong(i, 0)}] = double(rows.toLongLong(i, 2));
        QVERIFY(inView == expectedEvents(kHour));
        const auto log = m_conn->exec(QStringLiteral(
            "SELECT duration_ms, \"concurrently\", os_user FROM statescope.matview_refreshes "
            "WHERE view = 'metrics.events_per_hour'"));
        QCOMPARE(log.rowCount(), 1);
        QVERIFY(log.toInt(0, 0) >= 0);
        QVERIFY(log.toBool(0, 1));
        QVERIFY(!log.value(0, 2).isEmpty());
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE "
                                                "action = 'refresh' AND target = 'metrics.events_per_hour'")),
                 1);
        view = find(QStringLiteral("events_per_hour"));
        QVERIFY(view->refreshedAt.isValid());
        QVERIFY(view->lastConcurrently);
        QCOMPARE(view->lastDurationMs, log.toInt(0, 0));

        // Without a unique index, and unpopulated: refreshed plainly, recorded as such.
        m_conn->exec(QStringLiteral("CREATE MATERIALIZED VIEW metrics.plain_count AS "
                                    "SELECT count(*) AS n FROM raw.api_events"));
        m_conn->exec(QStringLiteral("CREATE MATERIALIZED VIEW metrics.later AS SELECT 1 AS k WITH NO DATA"));
        m_conn->exec(QStringLiteral("CREATE UNIQUE INDEX ON metrics.later (k)"));
        QVERIFY(!find(QStringLiteral("plain_count"))->canRefreshConcurrently);
        const auto later = find(QStringLiteral("later"));
        QVERIFY(!later->populated && later->hasUniqueIndex && !later->canRefreshConcurrently);
        refresh(*m_conn, QStringLiteral("metrics"), QStringLiteral("plain_count"));
        refresh(*m_conn, QStringLiteral("metrics"), QStringLiteral("later"));
        QVERIFY(!find(QStringLiteral("plain_count"))->lastConcurrently);
        QVERIFY(find(QStringLiteral("plain_count"))->refreshedAt.isValid());
        QVERIFY(find(QStringLiteral("later"))->populated);
        QVERIFY(!find(QStringLiteral("later"))->lastConcurrently);
    }

    void materializedViewRefreshRefused()
    {
        const auto logged = [&] {
            return scalar(*m_conn, QStringLiteral("SELECT (SELECT count(*) FROM statescope.matview_refreshes) "
                                                  "+ (SELECT count(*) FROM statescope.audit_log)"));
        };
        const qint64 before = logged();
        for (const auto &[schema, name] :
             {std::pair{QStringLiteral("metrics"), QStringLiteral("no_such_view")},
              std::pair{QStringLiteral("raw"), QStringLiteral("api_events")}, // a table
              std::pair{QStringLiteral("metrics"),
                        QStringLiteral("events_per_hour\"; DROP TABLE raw.api_events; --")}}) {
            const auto e = errorOf([&] { refresh(*m_conn, schema, name); });
            QVERIFY(e.has_value());
            QCOMPARE(e->kind(), Error::Kind::NotFound);
        }
        QVERIFY(errorOf([&] { refresh(*m_conn, {}, QStringLiteral("x")); }));
        // A refresh that fails leaves no log row and no audit entry.
        m_conn->exec(QStringLiteral("CREATE MATERIALIZED VIEW metrics.broken AS "
                                    "SELECT 1 / (count(*) - 600) AS x FROM raw.api_events WITH NO DATA"));
        const auto e = errorOf([&] { refresh(*m_conn, QStringLiteral("metrics"), QStringLiteral("broken")); });
        QVERIFY(e.has_value());
        QCOMPARE(e->sqlstate(), QStringLiteral("22012"));
        QCOMPARE(logged(), before);
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM raw.api_events")), 600);
    }

    // ---- the CLI ---------------------------------------------------------------------

    void cliSeries()
    {
        const CliRun r = runCli({QStringLiteral("metrics"), QStringLiteral("series"), QStringLiteral("--db"),
                                 conn(), QStringLiteral("--metric"), QStringLiteral("events"),
                                 QStringLiteral("--bucket"), QStringLiteral("1d"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject doc = r.json().object();
        QCOMPARE(doc.value(QLatin1String("metric")).toString(), QStringLiteral("events"));
        QCOMPARE(doc.value(QLatin1String("bucket")).toString(), QStringLiteral("1d"));
        double sum = 0;
        const QJsonArray series = doc.value(QLatin1String("series")).toArray();
        QVERIFY(series.size() >= 5);
        for (const QJsonValue &s : series) {
            QVERIFY(!s.toObject().value(QLatin1String("name")).toString().isEmpty());
            for (const QJsonValue &p : s.toObject().value(QLatin1String("points")).toArray()) {
                const auto t = parseTime(p.toObject().value(QLatin1String("t")).toString());
                QVERIFY(t.has_value());
                QCOMPARE(t->time(), QTime(0, 0));
                QVERIFY(p.toObject().value(QLatin1String("value")).isDouble());
                sum += p.toObject().value(QLatin1String("value")).toDouble();
            }
        }
        QCOMPARE(sum, 600.0);

        const CliRun one = runCli({QStringLiteral("metrics"), QStringLiteral("series"), QStringLiteral("--db"),
                                   conn(), QStringLiteral("--metric"), QStringLiteral("events"),
                                   QStringLiteral("--param"), QStringLiteral("endpoint=/my/agent"),
                                   QStringLiteral("--since"), QStringLiteral("2025-01-08"),
                                   QStringLiteral("--until"), QStringLiteral("2025-01-09T00:00:00Z"),
                                   QStringLiteral("--json")});
        QVERIFY2(one.exitCode == 0, qPrintable(one.describe()));
        const QJsonArray only = one.json().object().value(QLatin1String("series")).toArray();
        QCOMPARE(only.size(), 1);
        double agent = 0;
        for (const QJsonValue &p : only[0].toObject().value(QLatin1String("points")).toArray())
            agent += p.toObject().value(QLatin1String("value")).toDouble();
        double expected = 0;
        for (const auto &[k, v] : expectedEvents(kHour, utc(2025, 1, 8).toMSecsSinceEpoch(),
                                                  utc(2025, 1, 9).toMSecsSinceEpoch(),
                                                  QStringLiteral("/my/agent")))
            expected += v;
        QCOMPARE(agent, expected);

        const CliRun csv = runCli({QStringLiteral("metrics"), QStringLiteral("series"), QStringLiteral("--db"),
                                   conn(), QStringLiteral("--metric"), QStringLiteral("plays"),
                                   QStringLiteral("--bucket"), QStringLiteral("day"), QStringLiteral("--csv")});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.describe()));
        QVERIFY(csv.out.startsWith("time,series,value\n"));
        QCOMPARE(csv.out.count('\n'), run(*m_conn, query(QStringLiteral("plays"), Bucket::Day)).series[0].points.size() + 1);

        const CliRun text = runCli({QStringLiteral("metrics"), QStringLiteral("series"), QStringLiteral("--db"),
                                    conn(), QStringLiteral("--metric"), QStringLiteral("errors")});
        QVERIFY2(text.exitCode == 0 && text.out.contains("4xx"), qPrintable(text.describe()));
    }

    void cliUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("bad since") << QStringList{"--metric", "events", "--since", "last tuesday"};
        QTest::newRow("bad until") << QStringList{"--metric", "events", "--until", "2025-02-30"};
        QTest::newRow("unknown metric") << QStringList{"--metric", "nope"};
        QTest::newRow("no metric") << QStringList{};
        QTest::newRow("bad bucket") << QStringList{"--metric", "events", "--bucket", "2h"};
        QTest::newRow("param without =") << QStringList{"--metric", "events", "--param", "endpoint"};
        QTest::newRow("unknown param") << QStringList{"--metric", "plays", "--param", "x=1"};
        QTest::newRow("bad path") << QStringList{"--metric", "payload_value", "--param", "endpoint=/my/agent",
                                                 "--param", "path=data..credits"};
        QTest::newRow("empty range") << QStringList{"--metric", "events", "--since", "2025-01-08",
                                                    "--until", "2025-01-08"};
    }
    void cliUsageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun r = runCli(QStringList{QStringLiteral("metrics"), QStringLiteral("series"),
                                            QStringLiteral("--db"), conn(), QStringLiteral("--json")}
                                + args);
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QCOMPARE(r.errorField("kind"),
                 Error::kindName(Error::Kind::InvalidInput));
    }

    void cliList()
    {
        const CliRun r = runCli({QStringLiteral("metrics"), QStringLiteral("list"), QStringLiteral("--db"),
                                 conn(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject doc = r.json().object();
        const QJsonArray ms = doc.value(QLatin1String("metrics")).toArray();
        QCOMPARE(ms.size(), catalogue().size());
        for (qsizetype i = 0; i < ms.size(); ++i) {
            QCOMPARE(ms[i].toObject().value(QLatin1String("id")).toString(), catalogue()[i].id);
            QVERIFY(ms[i].toObject().value(QLatin1String("params")).isArray());
        }
        bool found = false;
        for (const QJsonValue &v : doc.value(QLatin1String("materialized_views")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("name")).toString() == QLatin1String("events_per_hour")) {
                found = true;
                QCOMPARE(o.value(QLatin1String("schema")).toString(), QStringLiteral("metrics"));
                QVERIFY(o.value(QLatin1String("can_refresh_concurrently")).toBool());
                QVERIFY(o.value(QLatin1String("size_bytes")).toDouble() > 0);
            }
        }
        QVERIFY(found);
    }

    void cliRefreshAndSql()
    {
        const CliRun r = runCli({QStringLiteral("metrics"), QStringLiteral("refresh"), QStringLiteral("--db"),
                                 conn(), QStringLiteral("--view"), QStringLiteral("metrics.events_per_hour"),
                                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.json().object().value(QLatin1String("concurrently")).toBool());
        QVERIFY(parseTime(r.json().object().value(QLatin1String("refreshed_at")).toString()).has_value());
        const CliRun missing = runCli({QStringLiteral("metrics"), QStringLiteral("refresh"), QStringLiteral("--db"),
                                       conn(), QStringLiteral("--view"), QStringLiteral("metrics.nope")});
        QCOMPARE(missing.exitCode, 1);

        const CliRun good = runCli({QStringLiteral("metrics"), QStringLiteral("sql"), QStringLiteral("--db"),
                                    conn(), QStringLiteral("--sql"),
                                    QStringLiteral("SELECT date_trunc('day', fetched_at), count(*) "
                                                   "FROM raw.api_events GROUP BY 1"),
                                    QStringLiteral("--json")});
        QVERIFY2(good.exitCode == 0, qPrintable(good.describe()));
        QCOMPARE(good.json().object().value(QLatin1String("series")).toArray().size(), 1);
        const CliRun slow = runCli({QStringLiteral("metrics"), QStringLiteral("sql"), QStringLiteral("--db"),
                                    conn(), QStringLiteral("--sql"),
                                    QStringLiteral("SELECT now(), 1 FROM pg_sleep(30)"),
                                    QStringLiteral("--timeout-ms"), QStringLiteral("200"),
                                    QStringLiteral("--json")});
        QCOMPARE(slow.exitCode, 1);
        QCOMPARE(slow.errorField("sqlstate"),
                 QStringLiteral("57014"));
        const CliRun two = runCli({QStringLiteral("metrics"), QStringLiteral("sql"), QStringLiteral("--db"),
                                   conn(), QStringLiteral("--sql"), QStringLiteral("SELECT now(), 1; SELECT 2")});
        QCOMPARE(two.exitCode, 2);
    }

    void cliCompare()
    {
        const QString server = serverSettings().storableString();
        const QStringList base{QStringLiteral("metrics"), QStringLiteral("compare"), QStringLiteral("--server"),
                               server, QStringLiteral("--prefix"), m_prefix, QStringLiteral("--metric"),
                               QStringLiteral("events"), QStringLiteral("--json")};
        const CliRun r = runCli(base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject doc = r.json().object();
        QCOMPARE(doc.value(QLatin1String("align")).toString(), QStringLiteral("reset"));
        const QJsonArray weeks = doc.value(QLatin1String("weeks")).toArray();
        QCOMPARE(weeks.size(), 2);
        for (int w = 0; w < 2; ++w) {
            const QJsonObject week = weeks[w].toObject();
            QCOMPARE(week.value(QLatin1String("database")).toString(), m_weekNames[w]);
            QCOMPARE(week.value(QLatin1String("week")).toString(), QStringLiteral("2025-W0%1").arg(w + 1));
            QCOMPARE(week.value(QLatin1String("error")).toString(), QString());
            const QJsonObject summary = week.value(QLatin1String("summary")).toObject();
            QCOMPARE(summary.value(QLatin1String("total")).toDouble(), double(m_weekEvents[w]));
            QVERIFY(summary.value(QLatin1String("peak")).toDouble() >= 1);
            QVERIFY(summary.value(QLatin1String("mean")).toDouble() > 0);
            QVERIFY(summary.value(QLatin1String("time_to_peak_seconds")).isDouble());
            double first = 1e18;
            for (const QJsonValue &s : week.value(QLatin1String("series")).toArray()) {
                QVERIFY(s.toObject().value(QLatin1String("summary")).isObject());
                for (const QJsonValue &p : s.toObject().value(QLatin1String("points")).toArray()) {
                    QVERIFY(p.toObject().value(QLatin1String("t")).isDouble()); // seconds since reset
                    first = std::min(first, p.toObject().value(QLatin1String("t")).toDouble());
                }
            }
            QCOMPARE(first, 0.0);
        }

        // Time to peak against SQL, in both alignments: whole hours from the hour that holds
        // the reset (aligned: bucket 0 starts at the reset; absolute: the calendar's hour) to
        // the first hour of the most events. It once counted from the reset's own instant and
        // was cut to whole minutes, so every value read "... h 59 min".
        for (const bool aligned : {true, false}) {
            const CliRun run = aligned ? r : runCli(base + QStringList{QStringLiteral("--align"), QStringLiteral("absolute")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            QCOMPARE(run.json().object().value(QLatin1String("bucket")).toString(), QStringLiteral("1h"));
            for (const QJsonValue &v : run.json().object().value(QLatin1String("weeks")).toArray()) {
                const QJsonObject week = v.toObject();
                auto db = test::connect(serverSettings().withDatabase(week.value(QLatin1String("database")).toString()));
                const qint64 expected = scalar(*db, QStringLiteral(
                    "WITH o AS (SELECT CASE WHEN $2 THEN $1::timestamptz ELSE timestamptz '2000-01-01 00:00+00' END AS origin), "
                    "b AS (SELECT date_bin('1 hour', fetched_at, o.origin) AS b, count(*) AS n FROM raw.api_events, o GROUP BY 1) "
                    "SELECT extract(epoch FROM (SELECT b FROM b ORDER BY n DESC, b LIMIT 1) "
                    "  - date_bin('1 hour', $1::timestamptz, (SELECT origin FROM o)))::bigint"),
                    {week.value(QLatin1String("reset_start")).toString(), aligned});
                QCOMPARE(qint64(week.value(QLatin1String("summary")).toObject().value(QLatin1String("time_to_peak_seconds")).toDouble()),
                         expected);
                QCOMPARE(expected % 3600, 0);
            }
        }

        const CliRun absolute = runCli(base + QStringList{QStringLiteral("--align"), QStringLiteral("absolute"),
                                                          QStringLiteral("--weeks"),
                                                          QStringLiteral("2025-W02,2025-W09")});
        QVERIFY2(absolute.exitCode == 0, qPrintable(absolute.describe()));
        const QJsonArray two = absolute.json().object().value(QLatin1String("weeks")).toArray();
        QCOMPARE(two.size(), 2);
        QVERIFY(two[0].toObject().value(QLatin1String("error")).toString().isEmpty());
        const QJsonValue t = two[0].toObject().value(QLatin1String("series")).toArray()[0]
                                 .toObject().value(QLatin1String("points")).toArray()[0].toObject().value(QLatin1String("t"));
        QVERIFY(parseTime(t.toString()).value_or(QDateTime()) >= utc(2025, 1, 13));
        QVERIFY(!two[1].toObject().value(QLatin1String("error")).toString().isEmpty());

        const CliRun none = runCli(base + QStringList{QStringLiteral("--weeks"), QStringLiteral("2025-W09")});
        QCOMPARE(none.exitCode, 1);
        const CliRun badAlign = runCli(base + QStringList{QStringLiteral("--align"), QStringLiteral("sideways")});
        QCOMPARE(badAlign.exitCode, 2);
        const CliRun badWeek = runCli(base + QStringList{QStringLiteral("--weeks"), QStringLiteral("2025-W77")});
        QCOMPARE(badWeek.exitCode, 2);
        const CliRun noFamily = runCli({QStringLiteral("metrics"), QStringLiteral("compare"), QStringLiteral("--server"),
                                        server, QStringLiteral("--prefix"), QStringLiteral("nofamily%1").arg(QCoreApplication::applicationPid()),
                                        QStringLiteral("--metric"), QStringLiteral("events")});
        QCOMPARE(noFamily.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestMetricsCompare)
#include "tst_metrics_compare.moc"
