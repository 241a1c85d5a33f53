// The collector against a local SpaceTraders-shaped server (tests/tools/fake_api.py, on
// 127.0.0.1; no outside network): every response one row with Python's canonical hash,
// pages followed, 429/5xx retried, the rate limit kept by the server's own clock, no
// batch stored twice, one collector per token and family, the switch to the next week's
// database at a reset, and the CLI twin.
#include "integration/fakeapi.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/collect/batchstore.h"
#include "core/collect/collector.h"
#include "core/weekly/serveradmin.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/weekly/weeklyname.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <thread>

using namespace statescope;
using namespace statescope::test;

namespace {

collect::Config config(const QString &baseUrl, const QByteArray &endpoints, const QByteArray &extra = {})
{
    return collect::Config::fromJson(QByteArrayLiteral("{\"base_url\": \"") + baseUrl.toUtf8()
                                         + QByteArrayLiteral("\", \"endpoints\": ") + endpoints
                                         + (extra.isEmpty() ? QByteArray() : QByteArrayLiteral(", ") + extra)
                                         + QByteArrayLiteral("}"),
                                     QStringLiteral("test"));
}

} // namespace

class TestCollector : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases;
    int m_family = 0;

    QString family()
    {
        return QStringLiteral("coll%1x%2").arg(QCoreApplication::applicationPid()).arg(++m_family);
    }
    collect::Options options(const QString &prefix)
    {
        collect::Options o;
        o.server = directServerSettings();
        o.prefix = prefix;
        o.token = QStringLiteral("secret-token-1");
        o.once = true;
        o.backoffBaseSeconds = 0.05;
        return o;
    }
    QString thisWeek(const QString &prefix)
    {
        const QString name = weekly::WeeklyName::forDate(prefix, QDateTime::currentDateTimeUtc().date()).databaseName();
        m_databases << name;
        return name;
    }
    pg::ConnectionSettings db(const QString &name) { return directServerSettings().withDatabase(name); }

private slots:
    void cleanupTestCase()
    {
        for (const QString &name : std::as_const(m_databases))
            dropDatabase(name);
    }

    void everyPageStoredWithPythonsHash()
    {
        FakeApi api;
        QVERIFY(api.ok());
        const QString prefix = family();
        collect::Collector c(config(api.url(), "[{\"path\": \"/my/agent\"}, "
"{\"path\": \"/my/ships\", \"paged\": true, \"limit\": 20}, "
"{\"path\": \"/empty\"}]"),
                             options(prefix));
        CancelToken cancel;
        const collect::Stats s = c.run(cancel);
        QCOMPARE(s.database, thisWeek(prefix)); // created, named by the current ISO week
        QCOMPARE(s.requests, 5);                // agent, 3 pages of 53 ships, empty
        QCOMPARE(s.rows, 5);
        auto conn = test::connect(db(s.database));
        const pg::Result rows = conn->exec(QStringLiteral(
            "SELECT endpoint, request_key, status_code, payload_hash, payload::text FROM raw.api_events ORDER BY id"));
        QCOMPARE(rows.rowCount(), 5);
        QCOMPARE(rows.value(1, 1), QStringLiteral("/my/ships?page=1&limit=20"));
        QCOMPARE(rows.value(3, 1), QStringLiteral("/my/ships?page=3&limit=20"));
        QCOMPARE(rows.value(1, 0), QStringLiteral("/my/ships"));
        QVERIFY(rows.isNull(4, 4)); // 204: no payload
        QCOMPARE(rows.toInt(4, 2), 204);
        // The hash of every JSON answer is the one Python's canonical_json gives.
        const QList<QJsonObject> log = api.log();
        QCOMPARE(log.size(), 5);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(rows.value(i, 3), log[i].value(QLatin1String("hash")).toString());
        // The token went out as a bearer token, and is nowhere in the database.
        QCOMPARE(log[0].value(QLatin1String("auth")).toString(), QStringLiteral("Bearer secret-token-1"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.collector_batches "
                                              "WHERE token_ref = $1"),
                        {collect::Collector::tokenRef(QStringLiteral("secret-token-1"))}),
                 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.collector_batches b, "
                                              "raw.api_events e WHERE b::text LIKE '%secret-token%' "
                                              "OR e::text LIKE '%secret-token%'")),
                 0);
        // Integers beyond 64 bits stay exact; 1.50 is stored as Python writes it.
        const pg::Result agent = conn->exec(QStringLiteral("SELECT payload #>> '{data,big}', payload #>> '{data,ratio}' "
                                                           "FROM raw.api_events WHERE endpoint = '/my/agent'"));
        QCOMPARE(agent.value(0, 0), QStringLiteral("123456789012345678901234567890"));
        QCOMPARE(agent.value(0, 1), QStringLiteral("1.5"));
        // The latest payload per request key, for the analysts.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.latest_payloads")), 4);
    }

    void retriesAndTheRateLimitHold()
    {
        FakeApi api;
        QVERIFY(api.ok());
        const QString prefix = family();
        collect::Collector c(config(api.url(), "[{\"path\": \"/flaky\"}, {\"path\": \"/limited\"}, "
"{\"path\": \"/my/ships\", \"paged\": true, \"limit\": 5}]",
                                    "\"rate_limit\": {\"burst\": 3, \"per_second\": 5}, \"batch_rows\": 4"),
                             options(prefix));
        CancelToken cancel;
        const collect::Stats s = c.run(cancel);
        QCOMPARE(s.retries, 3);              // two 500s, one 429
        QCOMPARE(s.requests, 3 + 2 + 11);     // flaky x3, limited x2, 11 pages of 53 ships
        QCOMPARE(s.byStatus.at(500), 2);
        QCOMPARE(s.byStatus.at(429), 1);
        QCOMPARE(s.rows, s.requests);        // errors are rows too
        QVERIFY(s.batches >= 4);
        auto conn = test::connect(db(thisWeek(prefix)));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 500")), 2);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT sum(rows) FROM statescope.collector_batches")), s.rows);
        // Never more than burst + rate * elapsed requests in any window, by the times the
        // requests went out as stored (fetched_at, milliseconds: 2 ms of slack for rounding
        // both ends). The server's clock is not the measure: a request it was slow to accept
        // under load arrives late, and the window from it to the next ones looks shorter than
        // the collector kept it (6 requests in 0.588 s, a parallel test run).
        const pg::Result sent = conn->exec(QStringLiteral(
            "SELECT extract(epoch FROM fetched_at)::float8 FROM raw.api_events ORDER BY fetched_at, id"));
        QCOMPARE(sent.rowCount(), int(s.requests));
        for (int i = 0; i < sent.rowCount(); ++i)
            for (int j = i; j < sent.rowCount(); ++j) {
                const double span = sent.value(j, 0).toDouble() - sent.value(i, 0).toDouble();
                QVERIFY2(j - i + 1 <= 3 + 5 * (span + 0.002),
                         qPrintable(QStringLiteral("%1 requests in %2 s").arg(j - i + 1).arg(span)));
            }
        // Every request reached the server, and Retry-After was waited out by its clock: the
        // next request goes out after the 429's answer, which the server sent after its log.
        const QList<QJsonObject> log = api.log();
        QCOMPARE(log.size(), int(s.requests));
        for (int i = 0; i + 1 < log.size(); ++i)
            if (log[i].value(QLatin1String("status")).toInt() == 429)
                QVERIFY(log[i + 1].value(QLatin1String("t")).toDouble() - log[i].value(QLatin1String("t")).toDouble() >= 0.99);
    }

    void noAnswerAndNonJsonAreStoredToo()
    {
        FakeApi api;
        QVERIFY(api.ok());
        const QString prefix = family();
        collect::Collector c(config(api.url(), "[{\"path\": \"/slow\"}, {\"path\": \"/html\"}]",
                                    "\"timeout_s\": 1, \"max_attempts\": 2"),
                             options(prefix));
        CancelToken cancel;
        const collect::Stats s = c.run(cancel);
        QCOMPARE(s.noAnswer, 2);
        QCOMPARE(s.byStatus.at(502), 2);
        auto conn = test::connect(db(thisWeek(prefix)));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code IS NULL "
                                              "AND payload->>'error' LIKE 'timeout%'")),
                 2);
        QCOMPARE(conn->exec(QStringLiteral("SELECT payload #>> '{}' FROM raw.api_events WHERE status_code = 502 LIMIT 1"))
                     .value(0, 0),
                 QStringLiteral("<html><body>Bad gateway</body></html>"));
    }

    void oneCollectorPerTokenAndFamily()
    {
        FakeApi api;
        QVERIFY(api.ok());
        const QString prefix = family();
        thisWeek(prefix);
        auto holder = pg::Connection::open(directServerSettings(), pg::Connection::Access::ReadWrite);
        const QString key = collect::Collector::tokenRef(QStringLiteral("secret-token-1")) + QLatin1Char(':') + prefix;
        QVERIFY(holder->exec(QStringLiteral("SELECT pg_try_advisory_lock(hashtext('statescope.collector'), hashtext($1))"),
                             {key})
                    .toBool(0, 0));
        collect::Collector c(config(api.url(), "[{\"path\": \"/my/agent\"}]"), options(prefix));
        CancelToken cancel;
        const auto e = errorOf([&] { c.run(cancel); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Conflict);
        QVERIFY(api.log().isEmpty()); // nothing was fetched
        holder.reset();
        // Another token may collect the same family at the same time.
        collect::Options other = options(prefix);
        other.token = QStringLiteral("another");
        collect::Collector(config(api.url(), "[{\"path\": \"/my/agent\"}]"), other).run(cancel);
        QCOMPARE(api.log().size(), 1);
    }

    void aResetSwitchesToTheNextWeeksDatabase()
    {
        // The status answers 2025-01-06 (2025-W02) twice, then 2025-01-13 (W03).
        FakeApi api({QStringLiteral("--reset-after"), QStringLiteral("2")});
        QVERIFY(api.ok());
        const QString prefix = family();
        const QString w02 = prefix + QStringLiteral("_2025_w02"), w03 = prefix + QStringLiteral("_2025_w03");
        m_databases << w02 << w03;
        collect::Options o = options(prefix);
        o.once = false;
        o.durationSeconds = 4;
        collect::Collector c(config(api.url(), "[{\"path\": \"/my/agent\", \"interval_s\": 1}]",
                                    "\"reset\": {\"path\": \"/\", \"field\": \"resetDate\", \"check_s\": 1}"),
                             o);
        CancelToken cancel;
        const collect::Stats s = c.run(cancel);
        QCOMPARE(s.switches, QStringList{w03});
        QCOMPARE(s.database, w03);
        auto before = test::connect(db(w02));
        auto after = test::connect(db(w03));
        const qint64 inW02 = scalar(*before, QStringLiteral("SELECT count(*) FROM raw.api_events"));
        const qint64 inW03 = scalar(*after, QStringLiteral("SELECT count(*) FROM raw.api_events"));
        QVERIFY(inW02 >= 2);
        QVERIFY(inW03 >= 2);
        QCOMPARE(inW02 + inW03, s.rows);
        QCOMPARE(s.rows, s.requests);
        // Status answers after the switch are in the new week.
        QCOMPARE(scalar(*before, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE payload->>'resetDate' = '2025-01-13'")), 0);
    }

    // A batch retried under its id (its first transaction's answer lost) adds nothing; a
    // connection cut while a batch is stored is reconnected and the batch stored once.
    void aBatchIsNeverStoredTwice()
    {
        const QString prefix = family();
        const QString name = thisWeek(prefix);
        const weekly::ServerAdmin admin(directServerSettings());
        admin.create(name);
        collect::BatchStore store(db(name), prefix, QStringLiteral("ref"));
        store.prepare();
        collect::Response r;
        r.fetchedAt = QDateTime::currentDateTimeUtc();
        r.endpoint = QStringLiteral("/my/agent");
        r.requestKey = QStringLiteral("/my/agent");
        r.status = 200;
        r.body = "{\"data\": {\"credits\": 1}}";
        const std::vector<collect::Row> rows(3, collect::toRow(r));
        const QUuid id = QUuid::createUuid();
        QCOMPARE(store.store(rows, id), 3);
        QCOMPARE(store.store(rows, id), 0);
        auto conn = test::connect(db(name));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events")), 3);
        // The store's session terminated under it: the next batch reconnects.
        conn->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = $1 AND pid <> pg_backend_pid()"),
                   {name});
        QCOMPARE(store.store(rows), 3);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events")), 6);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT sum(rows) FROM statescope.collector_batches")), 6);
    }

    void badConfigurationsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::newRow("not json") << QByteArray("{");
        QTest::newRow("no base") << QByteArray("{\"endpoints\": [{\"path\": \"/a\"}]}");
        QTest::newRow("ftp") << QByteArray("{\"base_url\": \"ftp://x\", \"endpoints\": [{\"path\": \"/a\"}]}");
        QTest::newRow("query in path") << QByteArray("{\"base_url\": \"http://x\", \"endpoints\": [{\"path\": \"/a?b=1\"}]}");
        QTest::newRow("missing param") << QByteArray("{\"base_url\": \"http://x\", \"endpoints\": [{\"path\": \"/s/{sys}\"}]}");
        QTest::newRow("zero rate") << QByteArray("{\"base_url\": \"http://x\", \"rate_limit\": {\"per_second\": 0}, \"endpoints\": [{\"path\": \"/a\"}]}");
        QTest::newRow("no endpoints") << QByteArray("{\"base_url\": \"http://x\", \"endpoints\": []}");
        // Keys the format does not have: run at a default instead, they would do something else
        // than was written (a misspelt rate limit ran at 4 times the intended rate).
        QTest::newRow("misspelt rate_limit") << QByteArray("{\"base_url\": \"http://x\", \"rate_limt\": {\"per_second\": 0.5}, "
                                                           "\"endpoints\": [{\"path\": \"/a\"}]}");
        QTest::newRow("interval for interval_s") << QByteArray("{\"base_url\": \"http://x\", \"endpoints\": [{\"path\": \"/a\", "
                                                               "\"interval\": 600}]}");
        QTest::newRow("unknown rate key") << QByteArray("{\"base_url\": \"http://x\", \"rate_limit\": {\"per_minute\": 30}, "
                                                        "\"endpoints\": [{\"path\": \"/a\"}]}");
        QTest::newRow("unknown reset key") << QByteArray("{\"base_url\": \"http://x\", \"reset\": {\"path\": \"/\", \"field\": \"r\", "
                                                         "\"every\": 5}, \"endpoints\": [{\"path\": \"/a\"}]}");
        QTest::newRow("paged not a boolean") << QByteArray("{\"base_url\": \"http://x\", \"endpoints\": [{\"path\": \"/a\", "
                                                           "\"paged\": \"yes\"}]}");
    }
    void badConfigurationsAreRefused()
    {
        QFETCH(QByteArray, doc);
        const auto e = errorOf([&] { collect::Config::fromJson(doc, QStringLiteral("t")); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        if (QByteArray(QTest::currentDataTag()) == "misspelt rate_limit")
            QVERIFY2(e->message().contains(QLatin1String("did you mean \"rate_limit\"")), qPrintable(e->message()));
        if (QByteArray(QTest::currentDataTag()) == "interval for interval_s")
            QVERIFY2(e->message().contains(QLatin1String("did you mean \"interval_s\"")), qPrintable(e->message()));
    }

    void parametersExpandAndAreEncoded()
    {
        collect::Endpoint e;
        e.path = QStringLiteral("/systems/{system}/waypoints/{wp}");
        e.params[QStringLiteral("system")] = {QStringLiteral("X1-A"), QStringLiteral("X1 B")};
        e.params[QStringLiteral("wp")] = {QStringLiteral("W1")};
        QCOMPARE(e.expand(), (QStringList{QStringLiteral("/systems/X1-A/waypoints/W1"),
                                          QStringLiteral("/systems/X1%20B/waypoints/W1")}));
    }

    void theCliCollectsAndStopsCleanly()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        FakeApi api;
        QVERIFY(api.ok());
        const QString prefix = family();
        const QString name = thisWeek(prefix);
        const CliRun once = runCli({QStringLiteral("collect"), QStringLiteral("--server"), directServerSettings().conninfo(),
                                    QStringLiteral("--prefix"), prefix, QStringLiteral("--base-url"), api.url(),
                                    QStringLiteral("--endpoint"), QStringLiteral("/my/ships"), QStringLiteral("--paged"),
                                    QStringLiteral("--once"), QStringLiteral("--json")});
        QVERIFY2(once.exitCode == 0, qPrintable(once.describe()));
        QCOMPARE(once.json().object().value(QLatin1String("rows")).toInt(), 3);
        QCOMPARE(once.json().object().value(QLatin1String("database")).toString(), name);
        // Bad input: exit 2, nothing fetched.
        const CliRun bad = runCli({QStringLiteral("collect"), QStringLiteral("--server"), directServerSettings().conninfo(),
                                   QStringLiteral("--prefix"), prefix, QStringLiteral("--base-url"), QStringLiteral("nope"),
                                   QStringLiteral("--endpoint"), QStringLiteral("/a")});
        QCOMPARE(bad.exitCode, 2);
        // Ctrl+C: the batch in flight is stored, exit 130.
        QProcess cli;
        cli.start(qEnvironmentVariable("STATESCOPE_CLI"),
                  {QStringLiteral("collect"), QStringLiteral("--server"), directServerSettings().conninfo(),
                   QStringLiteral("--prefix"), prefix, QStringLiteral("--config"), writeConfig(api.url())});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(api.log().size() >= 3 + 2, 20000); // two of this run's own
        QCOMPARE(cli.state(), QProcess::Running);
        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 130);
        // Every answer the server gave is stored, but for one the stop may have cut off.
        auto conn = test::connect(db(name));
        const qint64 stored = scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events"));
        QVERIFY2(stored >= api.log().size() - 1 && stored <= api.log().size(),
                 qPrintable(QStringLiteral("%1 stored, %2 answered").arg(stored).arg(api.log().size())));
    }

private:
    QTemporaryDir m_configs;
    QString writeConfig(const QString &url)
    {
        const QString path = m_configs.path() + QStringLiteral("/collect.json");
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArrayLiteral("{\"base_url\": \"") + url.toUtf8()
                    + QByteArrayLiteral("\", \"batch_rows\": 1000, \"endpoints\": [{\"path\": \"/my/agent\", \"interval_s\": 1}]}"));
        return path;
    }
};

QTEST_GUILESS_MAIN(TestCollector)
#include "tst_collector.moc"
