// The demo generator against a real server: determinism, counts, the payload hashes, what
// the events look like, refusing a database with data, cancellation, progress and bad
// options. The baseball rules and the Galaxy snapshots are checked in tst_demo_games.

#include "core/demo/demogenerator.h"
#include "core/demo/random.h"
#include "core/error.h"
#include "core/json/canonical.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "integration/demofixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QRegularExpression>
#include <QTest>
#include <map>

using namespace statescope;
using namespace statescope::test;

namespace {

// md5 over every row of a table in a fixed order, timestamps written in UTC: equal digests
// mean byte-identical contents.
QString digest(pg::Connection &conn, const QString &table, const QString &orderBy)
{
    conn.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    // Table and column names are this test's own constants, never input.
    return conn
        .exec(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY %2)), '') "
                             "FROM %1 t")
                  .arg(table, orderBy))
        .value(0, 0);
}

const std::vector<std::pair<QString, QString>> &seededTables()
{
    static const std::vector<std::pair<QString, QString>> tables = {
        {QStringLiteral("raw.api_events"), QStringLiteral("id")},
        {QStringLiteral("core.games"), QStringLiteral("id")},
        {QStringLiteral("core.roster_links"), QStringLiteral("id")},
        {QStringLiteral("core.lineups"), QStringLiteral("id")},
        {QStringLiteral("core.plays"), QStringLiteral("id")},
        {QStringLiteral("core.rolls"), QStringLiteral("roll_id")},
        {QStringLiteral("core.game_sessions"), QStringLiteral("game_id")},
        {QStringLiteral("core.snapshots"), QStringLiteral("id")},
        {QStringLiteral("core.game_config"), QStringLiteral("key")},
    };
    return tables;
}

std::map<QString, QString> allDigests(pg::Connection &conn)
{
    std::map<QString, QString> d;
    for (const auto &[table, order] : seededTables())
        d[table] = digest(conn, table, order);
    return d;
}

qint64 totalRows(pg::Connection &conn)
{
    qint64 n = 0;
    for (const auto &[table, order] : seededTables())
        n += scalar(conn, QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return n;
}
} // namespace

class TestDemo : public QObject, private DemoFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { seedTwice(); }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void randomMatchesReferenceValues()
    {
        // SplitMix64 seeded with 1234567 (the reference sequence published with it).
        std::uint64_t state = 1234567;
        const std::uint64_t expected[] = {6457827717110365317ULL, 3203168211198807973ULL,
                                          9817491932198370423ULL, 4593380528125082431ULL,
                                          16408922859458223821ULL};
        for (std::uint64_t e : expected)
            QCOMPARE(demo::Random::splitMix64(state), e);

        demo::Random a(42), b(42);
        for (int i = 0; i < 1000; ++i) {
            const int v = a.uniformInt(-3, 3);
            QCOMPARE(b.uniformInt(-3, 3), v);
            QVERIFY(v >= -3 && v <= 3);
            const double d = a.uniformDouble();
            QCOMPARE(b.uniformDouble(), d);
            QVERIFY(d >= 0.0 && d < 1.0);
        }
        const QRegularExpression v4(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QVERIFY(v4.match(a.uuid()).hasMatch());
        QVERIFY(demo::Random::stream(7, "events").next() !=
                demo::Random::stream(7, "games").next());
    }

    void sameOptionsGiveIdenticalRows()
    {
        const auto a = allDigests(*m_a);
        const auto b = allDigests(*m_b);
        for (const auto &[table, order] : seededTables()) {
            QVERIFY2(!a.at(table).isEmpty(), qPrintable(table));
            QVERIFY2(a.at(table) == b.at(table), qPrintable(table));
        }
        // The two checks the brief spells out, by name.
        const QString hashes = QStringLiteral(
            "SELECT md5(string_agg(payload_hash, ',' ORDER BY id)) FROM raw.api_events");
        QCOMPARE(m_a->exec(hashes).value(0, 0), m_b->exec(hashes).value(0, 0));
        QCOMPARE(digest(*m_a, QStringLiteral("core.plays"), QStringLiteral("id")),
                 digest(*m_b, QStringLiteral("core.plays"), QStringLiteral("id")));
    }

    void otherSeedGivesOtherRows()
    {
        demo::DemoOptions small;
        small.events = 300;
        small.games = 3;
        small.snapshots = 5;
        auto one = newDatabase(QStringLiteral("demo_s1"));
        auto two = newDatabase(QStringLiteral("demo_s2"));
        demo::seed(*one, small);
        small.seed += 1;
        demo::seed(*two, small);
        const QString events = QStringLiteral("raw.api_events");
        QVERIFY(digest(*one, events, QStringLiteral("id")) !=
                digest(*two, events, QStringLiteral("id")));
        QVERIFY(digest(*one, QStringLiteral("core.plays"), QStringLiteral("id")) !=
                digest(*two, QStringLiteral("core.plays"), QStringLiteral("id")));
    }

    void sameRowsAsOnEveryOtherMachine()
    {
        // Pinned digests of the default options' rows (those not depending on serial ids).
        // They catch a generator that drifts between compilers, libraries or CPUs. When
        // you change the generator on purpose, update them (and say so in the commit).
        pg::Connection &c = *m_a;
        QCOMPARE(
            c
                .exec(QStringLiteral(
                    "SELECT md5(string_agg(row((extract(epoch FROM fetched_at) * 1000)::bigint, "
                    "endpoint, request_key, status_code, payload_hash)::text, E'\\n' ORDER BY id)) "
                    "FROM raw.api_events"))
                .value(0, 0),
            QStringLiteral("981938108329c7020c7ec79b4a4ed0f5"));
        QCOMPARE(
            c.exec(QStringLiteral(
                       "SELECT md5(string_agg(row(game_id, play_number, inning, half, outs_before, "
                       "away_score, home_score, on_base_code, batting_order, batter_final, "
                       "on_first_final, on_second_final, on_third_final, outs_recorded, "
                       "runs_scored, dice_roll, result_description)::text, E'\\n' "
                       "ORDER BY game_id, play_number)) FROM core.plays"))
                .value(0, 0),
            QStringLiteral("ddaa3c58e9217ed1c2aa6474c49a2b22"));
        QCOMPARE(c.exec(QStringLiteral("SELECT md5(string_agg(state::text, E'\\n' ORDER BY "
                                       "tick_number)) FROM core.snapshots"))
                     .value(0, 0),
                 QStringLiteral("b29a9e0ab09a407fee1465ea04877658"));
    }

    void countsMatchReportAndOptions()
    {
        pg::Connection &c = *m_a;
        QCOMPARE(m_report.events, m_options.events);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events")), m_report.events);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(DISTINCT payload_hash) FROM raw.api_events")),
            m_report.distinctPayloads);
        QCOMPARE(scalar(c, QStringLiteral(
                               "SELECT count(*) FROM raw.api_events WHERE status_code >= 400")),
                 m_report.errorEvents);
        QVERIFY(m_report.errorEvents > 0);
        QCOMPARE(m_report.games, m_options.games);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.games")),
                 qint64(m_report.games));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM core.games WHERE status = 'completed'")),
            qint64(m_report.completedGames));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.plays")), m_report.plays);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.lineups")), m_report.lineups);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.rolls")), m_report.rolls);
        QCOMPARE(m_report.snapshots, m_options.snapshots);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.snapshots")),
                 qint64(m_report.snapshots));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM core.game_sessions")),
                 qint64(m_report.games));
        // About a third of the games are still going on.
        const int active = m_report.games - m_report.completedGames;
        QVERIFY2(active >= m_report.games / 4 && active <= m_report.games / 2,
                 qPrintable(QString::number(active)));
        QVERIFY(m_report.plays > 40 * m_report.games);
        QVERIFY(m_report.rolls > m_report.plays);
    }

    void aboutAThirdOfPayloadsRepeat()
    {
        const double duplicates =
            double(m_report.events - m_report.distinctPayloads) / m_report.events;
        QVERIFY2(duplicates >= 0.20 && duplicates <= 0.45, qPrintable(QString::number(duplicates)));
    }

    void storedHashesAreTheCanonicalPayloadHashes()
    {
        // jsonb re-orders keys and re-spaces the text, but canonical form does not depend
        // on either: parsing the stored text and canonicalizing gives back the hash.
        const pg::Result r = m_a->exec(QStringLiteral(
            "SELECT payload::text, payload_hash FROM raw.api_events WHERE id % 7 = 1 ORDER BY id"));
        QVERIFY(r.rowCount() > 300);
        for (int i = 0; i < r.rowCount(); ++i) {
            const auto doc = nlohmann::json::parse(r.bytes(i, 0).toStdString());
            QCOMPARE(json::payloadHash(doc), r.bytes(i, 1));
        }
    }

    void eventsLookLikeTheApi()
    {
        pg::Connection &c = *m_a;
        const qint64 start = m_options.start.toSecsSinceEpoch();
        // In order, inside the week, with some ties.
        QCOMPARE(
            scalar(c, QStringLiteral(
                          "SELECT count(*) FROM (SELECT fetched_at, lag(fetched_at) OVER "
                          "(ORDER BY id) AS prev FROM raw.api_events) x WHERE fetched_at < prev")),
            qint64(0));
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT count(*) - count(DISTINCT fetched_at) FROM raw.api_events")) >
                0);
        QVERIFY(
            scalar(c,
                   QStringLiteral(
                       "SELECT extract(epoch FROM min(fetched_at))::bigint FROM raw.api_events")) >=
            start);
        QVERIFY(
            scalar(c,
                   QStringLiteral(
                       "SELECT extract(epoch FROM max(fetched_at))::bigint FROM raw.api_events")) <
            start + 7 * 86400);

        const pg::Result endpoints =
            c.exec(QStringLiteral("SELECT DISTINCT endpoint FROM raw.api_events ORDER BY 1"));
        QStringList names;
        for (int i = 0; i < endpoints.rowCount(); ++i)
            names << endpoints.value(i, 0);
        for (const char *e :
             {"/my/agent", "/my/ships", "/my/ships/{symbol}", "/my/contracts",
              "/systems/{system}/waypoints", "/systems/{system}/waypoints/{waypoint}/market"})
            QVERIFY2(names.contains(QLatin1String(e)), e);
        QVERIFY(
            scalar(c, QStringLiteral(
                          "SELECT count(*) FROM raw.api_events WHERE endpoint = "
                          "'/systems/{system}/waypoints' AND request_key ~ "
                          "'^/systems/X1-[A-Z]{2}[0-9]{2}/waypoints\\?page=[0-9]+&limit=20$'")) >
            0);
        // The usual error statuses, with the API's error shape.
        for (int status : {429, 404, 400, 500, 502})
            QVERIFY2(
                scalar(c,
                       QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = $1"),
                       {status}) > 0,
                qPrintable(QString::number(status)));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code >= 400 "
                                     "AND NOT payload ? 'error'")),
            qint64(0));
        QVERIFY(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 429 "
                                     "AND payload #> '{error,data,retryAfter}' IS NOT NULL")) > 0);
        QVERIFY(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 400 "
                                     "AND payload #>> '{error,code}' = '4224'")) > 0);
        // Lists carry meta; the agent's credits move over the week.
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE status_code = 200 "
                                     "AND endpoint IN ('/my/ships', '/my/contracts', "
                                     "'/systems/{system}/waypoints') AND NOT payload ? 'meta'")),
            qint64(0));
        QVERIFY(
            scalar(c, QStringLiteral(
                          "SELECT count(DISTINCT payload #> '{data,credits}') FROM "
                          "raw.api_events WHERE endpoint = '/my/agent' AND status_code = 200")) >
            20);
        // Sizes from a few hundred bytes to tens of kilobytes.
        QVERIFY(
            scalar(c, QStringLiteral("SELECT min(octet_length(payload::text)) FROM raw.api_events "
                                     "WHERE status_code = 200")) < 600);
        QVERIFY(scalar(c, QStringLiteral(
                              "SELECT max(octet_length(payload::text)) FROM raw.api_events")) >
                15000);
        // Text with quotes, tabs, new lines, backslashes and non-ASCII survives COPY.
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE payload::text "
                                         "LIKE '%Z\u00fcrich%'")) > 0);
        QVERIFY(scalar(c,
                       QStringLiteral("SELECT count(*) FROM raw.api_events WHERE payload::text "
                                      "LIKE $1"),
                       {QStringLiteral("%C:\\\\\\\\fleet%")}) > 0);
    }

    void refusesADatabaseThatHoldsData()
    {
        const auto before = allDigests(*m_a);
        const auto error = errorOf([&] { demo::seed(*m_a, m_options); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidInput);
        QVERIFY(error->detail().contains(QLatin1String("raw.api_events")));
        QVERIFY(allDigests(*m_a) == before);

        // One snapshot is enough to refuse, and nothing else gets written.
        auto conn = newDatabase(QStringLiteral("demo_one_row"));
        conn->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) "
                                  "VALUES (1, now(), '{}')"));
        const auto again = errorOf([&] { demo::seed(*conn, m_options); });
        QVERIFY(again);
        QCOMPARE(again->kind(), Error::Kind::InvalidInput);
        QCOMPARE(totalRows(*conn), qint64(1));
    }

    void cancelledBeforeStartWritesNothing()
    {
        auto conn = newDatabase(QStringLiteral("demo_cancel0"));
        CancelToken token;
        token.cancel();
        TaskContext ctx(token, {});
        const auto error = errorOf([&] { demo::seed(*conn, m_options, &ctx); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QCOMPARE(totalRows(*conn), qint64(0));
    }

    void cancelledMidwayRollsEverythingBack_data()
    {
        QTest::addColumn<bool>("tokenOnConnection");
        QTest::newRow("task token only") << false;
        QTest::newRow("connection shares the token") << true; // as the demo family does
    }

    void cancelledMidwayRollsEverythingBack()
    {
        QFETCH(bool, tokenOnConnection);
        CancelToken token;
        const auto settings = freshDatabase(QStringLiteral("demo_cancel1"));
        m_databases << settings.database();
        auto conn = pg::Connection::open(settings, pg::Connection::Access::ReadWrite,
                                         tokenOnConnection ? &token : nullptr);
        int reports = 0;
        TaskContext ctx(token, [&](int done, int total, const QString &) {
            QVERIFY(done >= 0 && done <= total);
            if (++reports == 2) // a chunk of events is already with the server
                token.cancel();
        });
        const auto error = errorOf([&] { demo::seed(*conn, m_options, &ctx); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::Cancelled);
        QVERIFY(reports >= 2);
        // The database is as empty as before (seen from a connection of its own: one
        // bound to the cancelled token refuses further statements).
        QCOMPARE(totalRows(*pg::Connection::open(settings)), qint64(0));
        if (!tokenOnConnection)
            QCOMPARE(totalRows(*conn), qint64(0)); // and the connection is still usable
    }

    void reportsProgress()
    {
        demo::DemoOptions small;
        small.events = 5000;
        small.games = 2;
        small.snapshots = 3;
        auto conn = newDatabase(QStringLiteral("demo_progress"));
        CancelToken token;
        QList<int> values;
        TaskContext ctx(token, [&](int done, int total, const QString &) {
            QCOMPARE(total, 1000);
            values << done;
        });
        const demo::DemoReport report = demo::seed(*conn, small, &ctx);
        QCOMPARE(report.events, small.events);
        QVERIFY(values.size() > 3);
        QVERIFY(std::is_sorted(values.begin(), values.end()));
        QCOMPARE(values.last(), 1000);
    }

    void rejectsNonsenseOptions()
    {
        auto conn = newDatabase(QStringLiteral("demo_invalid"));
        demo::DemoOptions bad;
        bad.events = -1;
        auto error = errorOf([&] { demo::seed(*conn, bad); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidInput);
        bad = {};
        bad.start = QDateTime();
        error = errorOf([&] { demo::seed(*conn, bad); });
        QVERIFY(error);
        QCOMPARE(error->kind(), Error::Kind::InvalidInput);
        QCOMPARE(totalRows(*conn), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
