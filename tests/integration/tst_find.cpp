// Follow one thing (issue 59): a value typed once, found in a family's every week on two
// servers and in a shard set, by indexes only unless --scan. The oracle is SQL of the test's
// own: every column of every user table whose type can hold the value, compared as the type
// compares (a uuid or its beginning in uuid columns, a number in integer ones, text in text
// ones, the value anywhere in a jsonb document), on every week. `find --scan` must report
// exactly those rows, table by table and column by column; plain `find` exactly those an index
// answers, and every other column that holds it listed as not searched.

#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/demo/demogenerator.h"
#include "core/find/finder.h"
#include "core/find/needle.h"
#include "core/pg/arrayliteral.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/settings.h"
#include "core/shard/shardset.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QDeadlineTimer>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>
#include <QUuid>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kWeeks = 10;     // weeks 1..6 on the suite's server, 7..10 on one of the test's own
constexpr int kFarFrom = 7;

} // namespace

class TestFind : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir{shortTempTemplate(QStringLiteral("ssfind"))};
    std::optional<sandbox::Sandbox> m_box;
    pg::ConnectionSettings m_far;
    QString m_prefix;
    QString m_uuid, m_requestKey;

    QString week(int n) const { return weekly::WeeklyName(m_prefix, 2096, n).databaseName(); }
    pg::ConnectionSettings serverOf(int n) const { return n >= kFarFrom ? m_far : serverSettings(); }
    pg::ConnectionSettings db(int n) const { return serverOf(n).withDatabase(week(n)); }

    // The oracle: per "database|schema.table|column", the rows holding the value, read by a
    // scan of every column whose type can hold it.
    QMap<QString, qint64> oracle(const find::Needle &needle)
    {
        QMap<QString, qint64> out;
        for (int n = 1; n <= kWeeks; ++n) {
            auto conn = test::connect(db(n));
            const pg::Result cols = conn->exec(QStringLiteral(
                "SELECT format('%I.%I', c.table_schema, c.table_name), c.table_schema || '.' || c.table_name, "
                "c.column_name, quote_ident(c.column_name), c.udt_name "
                "FROM information_schema.columns c JOIN information_schema.tables t "
                "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                "JOIN pg_class k ON k.oid = format('%I.%I', c.table_schema, c.table_name)::regclass "
                "WHERE t.table_type = 'BASE TABLE' AND NOT k.relispartition "
                "AND c.table_schema NOT IN ('pg_catalog', 'information_schema', 'statescope') "
                "AND c.udt_name IN ('uuid', 'int2', 'int4', 'int8', 'text', 'varchar', 'bpchar', 'jsonb')"));
            for (int i = 0; i < cols.rowCount(); ++i) {
                const QString table = cols.value(i, 0), column = cols.value(i, 3), type = cols.value(i, 4);
                QString where;
                std::vector<pg::Param> params;
                if (type == QLatin1String("uuid") && needle.uuid) {
                    where = column + QStringLiteral("::text = $1");
                    params.emplace_back(*needle.uuid);
                } else if (type == QLatin1String("uuid") && needle.uuidRange) {
                    where = QStringLiteral("%1::text BETWEEN $1 AND $2").arg(column);
                    params.emplace_back(needle.uuidRange->first);
                    params.emplace_back(needle.uuidRange->second);
                } else if (type.startsWith(QLatin1String("int")) && needle.integer) {
                    where = column + QStringLiteral("::numeric = $1::numeric");
                    params.emplace_back(QString::number(*needle.integer));
                } else if (type == QLatin1String("text") || type == QLatin1String("varchar") || type == QLatin1String("bpchar")) {
                    where = column + QStringLiteral("::text = $1");
                    params.emplace_back(needle.text);
                } else if (type == QLatin1String("jsonb")) {
                    // Every string and number in the document, walked by the server.
                    where = QStringLiteral("EXISTS (SELECT 1 FROM jsonb_path_query(%1, 'strict $.**') v "
                                           "WHERE (jsonb_typeof(v) = 'string' AND v #>> '{}' = $1)%2)")
                                .arg(column, needle.integer ? QStringLiteral(" OR (jsonb_typeof(v) = 'number' AND v::text::numeric = $2::numeric)")
                                                            : QString());
                    params.emplace_back(needle.text);
                    if (needle.integer)
                        params.emplace_back(QString::number(*needle.integer));
                } else {
                    continue;
                }
                const qint64 rows = scalar(*conn, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where), params);
                if (rows > 0)
                    out.insert(QStringLiteral("%1|%2|%3").arg(week(n), cols.value(i, 1), cols.value(i, 2)), rows);
            }
        }
        return out;
    }

    // What find reported, counted the oracle's way; and what it left unsearched.
    struct Found
    {
        QMap<QString, qint64> hits;
        QSet<QString> notSearched; // "database|schema.table|column"
        int failed = 0;
    };
    Found findIn(const QStringList &scope, const QString &value, bool scan)
    {
        QStringList args{QStringLiteral("find")};
        args << scope << value << QStringLiteral("--json") << QStringLiteral("--limit") << QStringLiteral("10000");
        if (scan)
            args << QStringLiteral("--scan");
        const CliRun run = runCli(args);
        Found f;
        [&] { QVERIFY2(run.exitCode == 0, qPrintable(run.describe())); }();
        const QJsonObject doc = run.json().object();
        for (const QJsonValue &h : doc.value(QStringLiteral("hits")).toArray()) {
            const QJsonObject o = h.toObject();
            f.hits[QStringLiteral("%1|%2|%3").arg(o.value(QStringLiteral("database")).toString(),
                                                  o.value(QStringLiteral("table")).toString(),
                                                  o.value(QStringLiteral("column")).toString())]++;
        }
        for (const QJsonValue &s : doc.value(QStringLiteral("not_searched")).toArray()) {
            const QJsonObject o = s.toObject();
            f.notSearched.insert(QStringLiteral("%1|%2|%3").arg(o.value(QStringLiteral("database")).toString(),
                                                               o.value(QStringLiteral("table")).toString(),
                                                               o.value(QStringLiteral("column")).toString()));
        }
        f.failed = int(doc.value(QStringLiteral("failed")).toArray().size());
        return f;
    }

    QStringList familyScope() const
    {
        return {QStringLiteral("--server"), serverSettings().storableString(), QStringLiteral("--server"),
                m_far.storableString(), QStringLiteral("--prefix"), m_prefix};
    }

    // Found by indexes: exactly the oracle's rows, less those in columns listed as not searched
    // (each of which the oracle confirms or not: a column listed may simply hold nothing).
    void verifyAgainstOracle(const QString &value)
    {
        const find::Needle needle = find::Needle::parse(value);
        const QMap<QString, qint64> expected = oracle(needle);
        QVERIFY2(!expected.isEmpty(), qPrintable(value));
        const Found indexed = findIn(familyScope(), value, false);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(indexed.failed, 0);
        QMap<QString, qint64> reachable;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            if (!indexed.notSearched.contains(it.key()))
                reachable.insert(it.key(), it.value());
        QCOMPARE(indexed.hits, reachable);
        for (const QString &k : indexed.hits.keys())
            QVERIFY2(!indexed.notSearched.contains(k), qPrintable(k));
        // With --scan: every one.
        const Found all = findIn(familyScope(), value, true);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(all.hits, expected);
        QVERIFY(all.notSearched.isEmpty());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_dir.isValid());
        sandbox::Options o;
        o.dir = m_dir.path();
        o.durable = false;
        m_box.emplace(o);
        m_far = m_box->start().settings;
        m_prefix = QStringLiteral("find%1").arg(QCoreApplication::applicationPid());
        m_uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_requestKey = QStringLiteral("GET /my/ships/HELIOS-%1").arg(QCoreApplication::applicationPid());
        for (int n = 1; n <= kWeeks; ++n) {
            weekly::ServerAdmin(serverOf(n)).create(week(n), QStringLiteral("tst_find"));
            auto conn = test::connect(db(n));
            demo::DemoOptions d;
            d.events = 40;
            d.games = 1;
            d.snapshots = 2;
            d.seed = 1000 + quint64(n);
            demo::seed(*conn, d);
            conn->exec(QStringLiteral("CREATE TABLE public.things (id uuid PRIMARY KEY, label text, n bigint)"));
        }
        // The request key in three weeks' events (one on the far server), its payload naming
        // the uuid; the uuid as a game in week 3, a save's player in week 9, a plain table's key
        // in week 10, and inside a snapshot's state in week 4 (no index there: only a scan).
        for (int n : {2, 5, 8})
            test::connect(db(n))->exec(QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, "
                                                      "payload, payload_hash) VALUES (now(), '/my/ships', $1, 409, "
                                                      "jsonb_build_object('data', jsonb_build_object('ship', $2::text)), 'h')"),
                                       {m_requestKey, m_uuid});
        test::connect(db(3))->exec(QStringLiteral("INSERT INTO core.games (id, league_id, home_team_id, away_team_id) "
                                                  "VALUES ($1::uuid, 'sba', 1, 2)"),
                                   {m_uuid});
        test::connect(db(9))->exec(QStringLiteral("INSERT INTO core.save_snapshots (player_id, version, snapshot_data, checksum) "
                                                  "VALUES ($1::uuid, '3.0.1', '{}', 'x')"),
                                   {m_uuid});
        test::connect(db(10))->exec(QStringLiteral("INSERT INTO public.things VALUES ($1::uuid, 'planted', 35849255)"), {m_uuid});
        test::connect(db(4))->exec(QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) "
                                                  "VALUES (999999, now(), jsonb_build_object('ships', jsonb_build_array("
                                                  "jsonb_build_object('ship_id', $1::text))))"),
                                   {m_uuid});
        for (int n = 1; n <= kWeeks; ++n)
            test::connect(db(n))->exec(QStringLiteral("ANALYZE"));
    }

    void cleanupTestCase()
    {
        for (int n = 1; n <= kWeeks; ++n) {
            if (n >= kFarFrom)
                continue;
            dropDatabase(week(n));
        }
        if (m_box)
            m_box->stop();
    }

    void aUuidEverywhereItIs() { verifyAgainstOracle(m_uuid); }
    void aUuidsFirstEightCharacters() { verifyAgainstOracle(m_uuid.left(8)); }
    void aRequestKey() { verifyAgainstOracle(m_requestKey); }
    void aNumber() { verifyAgainstOracle(QStringLiteral("35849255")); }

    void theFamilyNewestWeekFirst()
    {
        const CliRun run = runCli(QStringList{QStringLiteral("find")} + familyScope() + QStringList{m_requestKey});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QStringList lines = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 3, qPrintable(run.describe()));
        // One week at a time in order with --parallel 1: week 8, then 5, then 2.
        const CliRun ordered = runCli(QStringList{QStringLiteral("find")} + familyScope()
                                      + QStringList{m_requestKey, QStringLiteral("--parallel"), QStringLiteral("1")});
        const QStringList weeks = QString::fromUtf8(ordered.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(weeks.size(), 3);
        QVERIFY2(weeks[0].startsWith(QLatin1String("2096-W08")) && weeks[1].startsWith(QLatin1String("2096-W05"))
                     && weeks[2].startsWith(QLatin1String("2096-W02")),
                 ordered.out.constData());
        QVERIFY2(weeks[0].contains(QLatin1String("api_events")) && weeks[0].contains(QLatin1String("raw.api_events")),
                 qPrintable(weeks[0]));
    }

    // A family's find opens one session per week: the family is listed from each server's own
    // listing, and a reader login's admission is learnt for every database of a server at
    // once. (It once opened three a week: one to read each week's schema state before the
    // find, then one to ask whether the reader may connect, then the reader's.) Counted by
    // the server (pg_stat_database.sessions), once find's sessions have ended.
    void eachWeekIsOpenedAboutOnce()
    {
        const auto sessions = [&] {
            QList<qint64> out;
            for (const pg::ConnectionSettings &server : {serverSettings(), m_far}) {
                auto conn = test::connect(server);
                QStringList weeks;
                for (int n = 1; n <= kWeeks; ++n)
                    if (serverOf(n).storableString() == server.storableString())
                        weeks << week(n);
                const QString list = pg::textArrayLiteral(weeks);
                QDeadlineTimer ended(10000);
                while (conn->exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = ANY($1::text[])"),
                                  {list}).toLongLong(0, 0) > 0 && !ended.hasExpired())
                    QThread::msleep(20);
                out << conn->exec(QStringLiteral("SELECT pg_stat_clear_snapshot(), sum(sessions)::bigint FROM pg_stat_database "
                                                 "WHERE datname = ANY($1::text[])"), {list}).toLongLong(0, 1);
            }
            return out;
        };
        const QList<qint64> before = sessions();
        const CliRun run = runCli(QStringList{QStringLiteral("find")} + familyScope() + QStringList{m_requestKey});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QList<qint64> after = sessions();
        // Each server's first two weeks (two at a time) may open one more while the reader
        // login is not yet known to be admitted.
        const qint64 opened = (after[0] - before[0]) + (after[1] - before[1]);
        QVERIFY2(opened >= kWeeks && opened <= kWeeks + 4,
                 qPrintable(QStringLiteral("%1 sessions for %2 weeks").arg(opened).arg(kWeeks)));
    }

    void aShardSetToo()
    {
        shard::ShardSet set;
        set.name = m_prefix + QStringLiteral("_set");
        for (int n : {2, 9}) {
            shard::Member m;
            m.label = QStringLiteral("shard%1").arg(n);
            m.settings = db(n);
            set.members.append(m);
        }
        shard::saveSets(shard::savedSets() + QList<shard::ShardSet>{set});
        // By indexes: the save (an index on its player); the event's payload has none, so it is
        // listed as not searched, and found with --scan.
        const Found f = findIn({QStringLiteral("--set"), set.name}, m_uuid, false);
        QCOMPARE(f.failed, 0);
        QCOMPARE(f.hits.value(QStringLiteral("%1|core.save_snapshots|player_id").arg(week(9))), 1);
        QVERIFY(f.notSearched.contains(QStringLiteral("%1|raw.api_events|payload").arg(week(2))));
        const Found scanned = findIn({QStringLiteral("--set"), set.name}, m_uuid, true);
        QCOMPARE(scanned.hits.value(QStringLiteral("%1|raw.api_events|payload").arg(week(2))), 1);
        QCOMPARE(scanned.hits.value(QStringLiteral("%1|core.save_snapshots|player_id").arg(week(9))), 1);
    }

    void badInputChangesNothingAndSendsNothing()
    {
        for (const QString &bad : {QString(), QStringLiteral("   "), QString(300, QLatin1Char('x')), QStringLiteral("a\u0001b")}) {
            const CliRun run = runCli(QStringList{QStringLiteral("find")} + familyScope() + QStringList{bad});
            QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        }
        // No scope, two scopes: exit 2.
        QCOMPARE(runCli({QStringLiteral("find"), m_uuid}).exitCode, 2);
        QCOMPARE(runCli(QStringList{QStringLiteral("find"), QStringLiteral("--db"), db(1).storableString()} + familyScope()
                        + QStringList{m_uuid})
                     .exitCode,
                 2);
        // A week that cannot be asked is named, the others answer.
        const CliRun down = runCli({QStringLiteral("find"), QStringLiteral("--db"),
                                    pg::ConnectionSettings::parse(QStringLiteral("host=127.0.0.1 port=%1 dbname=x connect_timeout=2")
                                                                      .arg(freePort()))
                                        .storableString(),
                                    m_uuid});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains("not searched"), down.err.constData());
    }

    // "By indexes only", held against what the server reads: every lookup find calls indexed
    // reads a small part of its table (EXPLAIN ANALYZE's buffers), on a table whose document
    // column has a GIN index of each operator class. jsonb_path_ops cannot answer a value at
    // any path without reading the whole index: that column is not searched, the other is.
    void whatIsCalledIndexedReadsLittle()
    {
        const pg::ConnectionSettings db = emptyDatabase(QStringLiteral("findgin"));
        auto conn = test::connect(db);
        const QString value = QStringLiteral("GIN-%1").arg(QCoreApplication::applicationPid());
        for (const char *opclass : {"jsonb_ops", "jsonb_path_ops"}) {
            const QString table = QStringLiteral("public.docs_%1").arg(QLatin1String(opclass));
            conn->exec(QStringLiteral("CREATE TABLE %1 (id bigint PRIMARY KEY, doc jsonb NOT NULL)").arg(table));
            conn->exec(QStringLiteral("INSERT INTO %1 SELECT g, jsonb_build_object('data', jsonb_build_object('symbol', "
                                      "CASE WHEN g % 10000 = 7 THEN $1 ELSE md5(g::text) END, 'n', g)) "
                                      "FROM generate_series(1, 40000) g").arg(table),
                       {value});
            conn->exec(QStringLiteral("CREATE INDEX ON %1 USING gin (doc %2)").arg(table, QLatin1String(opclass)));
        }
        conn->exec(QStringLiteral("VACUUM ANALYZE"));
        const QList<find::Lookup> lookups = find::Finder::plan(*conn, find::Needle::parse(value));
        QSet<QString> indexed;
        for (const find::Lookup &l : lookups) {
            if (!l.indexed)
                continue;
            indexed.insert(l.relation() + QLatin1Char('.') + l.column);
            // What the server reads for it, as find runs it (sequential scans priced out).
            std::vector<pg::Param> params(l.params.cbegin(), l.params.cend());
            params.emplace_back(qint64(50));
            const std::vector<pg::Result> r = conn->pipeline(
                {{QStringLiteral("SELECT set_config('enable_seqscan', 'off', true)")},
                 {QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ") + l.select, params},
                 {QStringLiteral("SELECT relpages FROM pg_class WHERE oid = $1::regclass"), {l.relation()}}},
                pg::Connection::Framing{true, true, {}, true});
            const auto plan = nlohmann::json::parse(r[1].value(0, 0).toStdString());
            const qint64 read = plan[0]["Plan"].value("Shared Hit Blocks", qint64(0))
                + plan[0]["Plan"].value("Shared Read Blocks", qint64(0));
            const qint64 pages = r[2].toLongLong(0, 0);
            QVERIFY2(pages > 100, qPrintable(l.relation()));
            QVERIFY2(read * 10 < pages, qPrintable(QStringLiteral("%1.%2, called indexed, read %3 of %4 pages")
                                                        .arg(l.relation(), l.column).arg(read).arg(pages)));
        }
        QVERIFY2(indexed.contains(QStringLiteral("public.docs_jsonb_ops.doc")), qPrintable(QStringList(indexed.values()).join(QLatin1Char(' '))));
        QVERIFY(!indexed.contains(QStringLiteral("public.docs_jsonb_path_ops.doc")));
        // And find itself: the jsonb_ops table's rows found, the other listed as not searched.
        const CliRun run = runCli({QStringLiteral("find"), QStringLiteral("--db"), db.storableString(), value,
                                   QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject doc = run.json().object();
        QCOMPARE(doc.value(QStringLiteral("hits")).toArray().size(), 4);
        bool listed = false;
        for (const QJsonValue &v : doc.value(QStringLiteral("not_searched")).toArray())
            listed = listed || v.toObject().value(QStringLiteral("table")).toString() == QLatin1String("public.docs_jsonb_path_ops");
        QVERIFY(listed);
        // A login that may read only the jsonb_ops table: the other is not looked in (a
        // lookup there would fail the whole database), and the rows it may read are found.
        const QString role = test::uniqueName(QStringLiteral("findreader"));
        conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
        conn->exec(QStringLiteral("GRANT SELECT ON public.docs_jsonb_ops TO %1").arg(role));
        pg::ConnectionSettings as = db;
        as.setValue(QStringLiteral("user"), role);
        const CliRun limited = runCli({QStringLiteral("find"), QStringLiteral("--db"), as.storableString(), value,
                                       QStringLiteral("--json"), QStringLiteral("--scan")});
        QVERIFY2(limited.exitCode == 0, qPrintable(limited.describe()));
        QCOMPARE(limited.json().object().value(QStringLiteral("failed")).toArray().size(), 0);
        QCOMPARE(limited.json().object().value(QStringLiteral("hits")).toArray().size(), 4);
        conn->exec(QStringLiteral("REVOKE ALL ON public.docs_jsonb_ops FROM %1").arg(role));
        conn->exec(QStringLiteral("DROP ROLE %1").arg(role));
        conn.reset();
        dropDatabase(db.database());
    }
};

QTEST_GUILESS_MAIN(TestFind)
#include "tst_find.moc"
