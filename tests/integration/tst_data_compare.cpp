// Data compare on real databases: a table with rows added, removed and changed (jsonb and NULLs
// among them) between two weeks, and between two servers; text keys under different
// collations (ICU on one side, C on the other) merged bytewise; what is refused with a clear
// error (key columns of another type, a key that is not unique, none at all); a table one side
// lacks; kinds of game data through each side's layout; Stop and Cancel; the CLI twin and its
// export, which a cancelled run leaves no file of.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/datacompare.h"
#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/task/canceltoken.h"
#include "core/weekly/serveradmin.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <map>
#include <set>

using namespace statescope;
using namespace statescope::test;
using browse::DataCompare;
using browse::RowDifference;

class TestDataCompare : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_a, m_b;
    QStringList m_databases;

    std::vector<RowDifference> compare(const pg::ConnectionSettings &a, const pg::ConnectionSettings &b,
                                       const DataCompare::Options &o, DataCompare::Counts *counts,
                                       DataCompare::Plan *planOut = nullptr)
    {
        CancelToken token;
        const DataCompare::Plan plan = DataCompare::plan(a, b, o, &token);
        if (planOut)
            *planOut = plan;
        std::vector<RowDifference> out;
        *counts = DataCompare::run(plan, a, b, [&](const RowDifference &d) { out.push_back(d); return true; }, token, 7);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        m_a = freshDatabase(QStringLiteral("dc_a"));
        m_b = freshDatabase(QStringLiteral("dc_b"));
        m_databases << m_a.database() << m_b.database();
        const QString table = QStringLiteral(
            "CREATE TABLE public.items (id bigint PRIMARY KEY, name text, doc jsonb, qty int);"
            "INSERT INTO public.items SELECT g, 'item ' || g, jsonb_build_object('g', g, 'tags', jsonb_build_array('a', 'b')), g % 7 "
            "FROM generate_series(1, 100) g;");
        test::connect(m_a)->execScript(table);
        test::connect(m_b)->execScript(table + QStringLiteral(
            "DELETE FROM public.items WHERE id IN (3, 50);"                          // removed
            "INSERT INTO public.items VALUES (101, 'new', NULL, 1), (0, 'zero', '{}', NULL);" // added
            "UPDATE public.items SET qty = NULL WHERE id = 10;"                       // a value to NULL
            "UPDATE public.items SET doc = jsonb_set(doc, '{tags,1}', '\"c\"') WHERE id = 20;" // jsonb
            "UPDATE public.items SET name = 'renamed', qty = 99 WHERE id = 30;"));
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void everyAddedRemovedAndChangedRowIsFound()
    {
        DataCompare::Options o;
        o.table = QStringLiteral("items");
        DataCompare::Counts c;
        DataCompare::Plan plan;
        const auto diffs = compare(m_a, m_b, o, &c, &plan);
        QCOMPARE(plan.key, QStringList{QStringLiteral("id")});
        QCOMPARE(plan.columns, (QStringList{QStringLiteral("name"), QStringLiteral("doc"), QStringLiteral("qty")}));
        QCOMPARE(c.added, 2);
        QCOMPARE(c.removed, 2);
        QCOMPARE(c.changed, 3);
        QCOMPARE(c.same, 100 - 2 - 3);
        std::map<QByteArray, const RowDifference *> byKey;
        for (const RowDifference &d : diffs)
            byKey[d.key[0]] = &d;
        QCOMPARE(byKey["0"]->type, RowDifference::Type::Added);
        QCOMPARE(byKey["3"]->type, RowDifference::Type::Removed);
        QCOMPARE(byKey["101"]->type, RowDifference::Type::Added);
        QVERIFY(!byKey["101"]->to[1].has_value()); // doc NULL on the new side
        QCOMPARE(byKey["10"]->changed, std::vector<int>{2});
        QVERIFY(byKey["10"]->from[2].has_value() && !byKey["10"]->to[2].has_value());
        QCOMPARE(byKey["20"]->changed, std::vector<int>{1});
        QCOMPARE(byKey["30"]->changed, (std::vector<int>{0, 2}));
        // In key order, numbers as numbers (0 before 3 before 10 before 101), at any page size.
        QByteArrayList keys;
        for (const RowDifference &d : diffs)
            keys << d.key[0];
        QCOMPARE(keys, (QByteArrayList{"0", "3", "10", "20", "30", "50", "101"}));
    }

    void textKeysUnderDifferentCollationsAreMergedBytewise()
    {
        // One side sorts text the ICU way (a, B, c), the other the C way (B, a, c).
        const QString icu = uniqueName(QStringLiteral("dc_icu"));
        const QString c = uniqueName(QStringLiteral("dc_c"));
        {
            auto conn = test::connect(serverSettings());
            conn->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' "
                                      "LOCALE 'C.UTF-8'").arg(icu));
            conn->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 LOCALE 'C'").arg(c));
        }
        m_databases << icu << c;
        const QString rows = QStringLiteral("CREATE TABLE public.players (name text PRIMARY KEY, coins int);"
                                            "INSERT INTO public.players VALUES ('alice', 1), ('Bob', 2), ('carol', 3), "
                                            "('Dave', 4), ('émile', 5), ('Zoe', 6), ('zed', 7);");
        test::connect(serverSettings().withDatabase(icu))->execScript(rows);
        test::connect(serverSettings().withDatabase(c))->execScript(rows + QStringLiteral("UPDATE public.players SET coins = 0 WHERE name = 'Dave';"));
        DataCompare::Options o;
        o.table = QStringLiteral("public.players");
        DataCompare::Counts counts;
        const auto diffs = compare(serverSettings().withDatabase(icu), serverSettings().withDatabase(c), o, &counts);
        QCOMPARE(counts.added + counts.removed, 0);
        QCOMPARE(counts.changed, 1);
        QCOMPARE(diffs.front().key[0], QByteArray("Dave"));
    }

    // Equal rows stay equal whatever each database's settings, values are compared as SQL
    // compares them (or as printed when asked), and keys past year 9999 or before year 1 merge.
    void settingsValuesAndFarOffKeys()
    {
        const QString x = uniqueName(QStringLiteral("dc_set_a")), y = uniqueName(QStringLiteral("dc_set_b"));
        {
            auto conn = test::connect(serverSettings());
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(x));
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(y));
            // The second database prints everything differently.
            for (const char *setting : {"TimeZone = 'Asia/Tokyo'", "bytea_output = 'escape'", "extra_float_digits = 0",
                                        "DateStyle = 'SQL, DMY'", "IntervalStyle = 'sql_standard'"})
                conn->exec(QStringLiteral("ALTER DATABASE %1 SET %2").arg(y, QLatin1String(setting)));
        }
        m_databases << x << y;
        const QString table = QStringLiteral(
            "CREATE TABLE public.t (at timestamptz PRIMARY KEY, d date, b bytea, f float8, iv interval, n numeric, j jsonb);");
        test::connect(serverSettings().withDatabase(x))->execScript(table + QStringLiteral(
            "INSERT INTO public.t VALUES"
            " ('2025-01-01 10:00+00', '2025-01-01', '\\x00ff', 0.1, '1 day 2 hours', 1.0, '{\"a\": 1.0}'),"
            " ('10000-01-01 00:00+00', '10000-01-01', NULL, 1e300, '-3 days', 2.50, '[1]'),"
            " ('0002-06-01 00:00+00 BC', '0002-06-01 BC', NULL, 0, NULL, 3, NULL),"
            " ('0001-01-01 00:00+00 BC', '0001-01-01 BC', NULL, 1, NULL, 4, NULL),"
            " ('infinity', 'infinity', NULL, 2, NULL, 5, NULL), ('-infinity', '-infinity', NULL, 3, NULL, 6, NULL);"));
        test::connect(serverSettings().withDatabase(y))->execScript(table + QStringLiteral(
            "INSERT INTO public.t VALUES"
            " ('2025-01-01 10:00+00', '2025-01-01', '\\x00ff', 0.1, '1 day 2 hours', 1.00, '{\"a\": 1.00}'),"
            " ('10000-01-01 00:00+00', '10000-01-01', NULL, 1e300, '-3 days', 2.5, '[1.0]'),"
            " ('0002-06-01 00:00+00 BC', '0002-06-01 BC', NULL, '-0', NULL, 3.000, NULL),"
            " ('0001-01-01 00:00+00 BC', '0001-01-01 BC', NULL, 1, NULL, 4, NULL),"
            " ('infinity', 'infinity', NULL, 2, NULL, 5, NULL), ('-infinity', '-infinity', NULL, 3, NULL, 6, NULL);"));
        DataCompare::Options o;
        o.table = QStringLiteral("public.t");
        DataCompare::Counts counts;
        DataCompare::Plan plan;
        auto diffs = compare(serverSettings().withDatabase(x), serverSettings().withDatabase(y), o, &counts, &plan);
        QVERIFY2(diffs.empty(), diffs.empty() ? "" : diffs.front().key[0].constData());
        QCOMPARE(counts.same, 6);
        QVERIFY(plan.valuesRule().contains(QLatin1String("SQL")));
        // As printed: numeric 1.0 and 1.00, 2.50 and 2.5, 3 and 3.000, float 0 and -0, jsonb 1.0
        // and 1.00 differ; the settings still do not make anything differ.
        o.values = DataCompare::Options::Values::Text;
        diffs = compare(serverSettings().withDatabase(x), serverSettings().withDatabase(y), o, &counts, &plan);
        QCOMPARE(counts.changed, 3);
        QCOMPARE(counts.added + counts.removed, 0);
        QVERIFY(plan.valuesRule().contains(QLatin1String("printed")));
        // Both texts are kept for people.
        for (const RowDifference &d : diffs)
            if (d.key[0].startsWith("2025"))
                QCOMPARE(*d.from[4], QByteArray("1.0"));
    }

    // The oracle: for pairs of values of many types, rows diff calls a row the same exactly
    // when the server's own IS NOT DISTINCT FROM does (for the types its SQL rule covers:
    // numeric, float, interval, jsonb, alone, in arrays, ranges and domains), and exactly
    // when the printed texts match for the other types and under --values text.
    void everyValueIsTheSameExactlyWhenSqlSaysSo()
    {
        struct Case
        {
            const char *type, *a, *b;
            bool covered; // by the SQL rule; else compared as printed
        };
        const std::vector<Case> cases = {
            {"numeric", "1.0", "1.00", true}, {"numeric", "2.50", "2.5", true}, {"numeric", "1", "1.0000001", true},
            {"numeric", "0.1000000000000000001", "0.1", true}, {"numeric", "NaN", "NaN", true},
            {"numeric", "-0.0", "0", true}, {"numeric(10,2)", "1.5", "1.50", true},
            {"real", "0", "-0", true}, {"real", "1.5", "1.25", true},
            {"double precision", "0", "-0", true}, {"double precision", "1e300", "1e300", true},
            {"double precision", "NaN", "NaN", true}, {"double precision", "1", "1.0000000000000002", true},
            {"jsonb", "{\"a\": 1.0}", "{\"a\": 1.00}", true},
            {"jsonb", "{\"a\": 0.1000000000000000001}", "{\"a\": 0.1}", true},
            {"jsonb", "{\"a\": 9007199254740993.0}", "{\"a\": 9007199254740992}", true},
            {"jsonb", "[1, 2.0]", "[1.00, 2]", true}, {"jsonb", "{\"b\": \"1.0\"}", "{\"b\": \"1.00\"}", true},
            {"jsonb", "{\"a\": {\"b\": [1.10, \"x\\\"1.0\"]}}", "{\"a\": {\"b\": [1.1, \"x\\\"1.0\"]}}", true},
            {"jsonb", "{\"a\": 1e2}", "{\"a\": 100.0}", true}, {"jsonb", "{\"a\": -0.0}", "{\"a\": 0}", true},
            {"jsonb", "{\"a\": 1, \"bb\": 2}", "{\"bb\": 2.0, \"a\": 1.0}", true},
            {"interval", "1 day", "24 hours", true}, {"interval", "1 mon", "30 days", true},
            {"interval", "1 year", "360 days", true}, {"interval", "1 day", "1 day 00:00:00.000001", true},
            {"interval", "-1 days +24:00:00", "0", true}, {"interval", "100 hours", "4 days 4 hours", true},
            {"interval", "1 year -1 mons", "330 days", true}, {"interval", "-1.5 seconds", "-00:00:01.5", true},
            {"numeric[]", "{1.0,2}", "{1.00,2.0}", true}, {"numeric[]", "{1,NULL}", "{1.0,NULL}", true},
            {"numeric[]", "{1,NULL}", "{1,0}", true}, {"numeric[]", "{{1.0},{2}}", "{{1},{2.00}}", true},
            {"numeric[]", "{1.0,2}", "{1,2,3}", true}, {"numeric[]", "[0:1]={1.0,2}", "{1,2}", true},
            {"double precision[]", "{0}", "{-0}", true}, {"double precision[]", "{0,1}", "{-0,2}", true},
            {"interval[]", "{\"1 day\"}", "{\"24:00:00\"}", true},
            {"jsonb[]", "{\"{\\\"a\\\": 1.0}\"}", "{\"{\\\"a\\\": 1}\"}", true},
            {"jsonb[]", "{\"{\\\"a\\\": 1.0}\"}", "{\"{\\\"a\\\": 2}\"}", true},
            {"numrange", "[1.0,2)", "[1.00,2)", true}, {"numrange", "(,5.0]", "(,5]", true},
            {"numrange", "empty", "empty", true}, {"numrange", "[1,2)", "[1,3)", true},
            {"numrange", "[1.0,)", "[1,)", true}, {"numrange", "[1,2)", "(1,2)", true},
            {"public.money_amount", "1.00", "1.000", true}, {"public.money_amount", "1.00", "1.01", true},
            {"text", "a", "a ", false}, {"bytea", "\\x00ff", "\\x00ff", false},
            {"timestamp with time zone", "2025-01-01 10:00+00", "2025-01-01 11:00+01", false},
            {"boolean", "true", "t", false}, {"json", "{\"a\":1}", "{\"a\": 1}", false},
            {"box", "(1,1),(0,0)", "(2,0.5),(0,0)", false},
        };
        const QString x = uniqueName(QStringLiteral("dc_val_a")), y = uniqueName(QStringLiteral("dc_val_b"));
        {
            auto conn = test::connect(serverSettings());
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(x));
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(y));
        }
        m_databases << x << y;
        auto ca = test::connect(serverSettings().withDatabase(x)), cb = test::connect(serverSettings().withDatabase(y));
        for (auto *c : {ca.get(), cb.get()})
            c->exec(QStringLiteral("CREATE DOMAIN public.money_amount AS numeric"));
        // One table, a column per type; the row whose id is the case's index holds its value in
        // its type's column (NULL in the others). Two compares read it all.
        std::map<QString, QString> columns;
        for (const Case &k : cases)
            if (!columns.count(QLatin1String(k.type)))
                columns.emplace(QLatin1String(k.type), QStringLiteral("c%1").arg(columns.size()));
        QStringList declared;
        for (const auto &[type, column] : columns)
            declared << column + QLatin1Char(' ') + type;
        for (auto *c : {ca.get(), cb.get()})
            c->exec(QStringLiteral("CREATE TABLE public.v (id int PRIMARY KEY, %1)").arg(declared.join(QStringLiteral(", "))));
        for (size_t i = 0; i < cases.size(); ++i) {
            const QString type = QLatin1String(cases[i].type);
            const QString insert = QStringLiteral("INSERT INTO public.v (id, %1) VALUES ($1, $2::%2)").arg(columns[type], type);
            ca->exec(insert, {int(i), QByteArray(cases[i].a)});
            cb->exec(insert, {int(i), QByteArray(cases[i].b)});
        }
        // What the server says of each pair.
        std::vector<bool> sqlSame, textSame;
        for (const Case &k : cases) {
            const QString type = QLatin1String(k.type);
            textSame.push_back(ca->exec(QStringLiteral("SELECT $1::%1::text = $2::%1::text").arg(type),
                                        {QByteArray(k.a), QByteArray(k.b)}).toBool(0, 0));
            sqlSame.push_back(k.covered ? ca->exec(QStringLiteral("SELECT $1::%1 IS NOT DISTINCT FROM $2::%1").arg(type),
                                                   {QByteArray(k.a), QByteArray(k.b)}).toBool(0, 0)
                                        : textSame.back());
        }
        ca.reset();
        cb.reset();
        for (const auto rule : {DataCompare::Options::Values::Sql, DataCompare::Options::Values::Text}) {
            DataCompare::Options o;
            o.table = QStringLiteral("public.v");
            o.values = rule;
            DataCompare::Counts counts;
            std::set<int> changed;
            for (const RowDifference &d : compare(serverSettings().withDatabase(x), serverSettings().withDatabase(y), o, &counts))
                changed.insert(d.key[0].toInt());
            QCOMPARE(counts.added + counts.removed, 0);
            for (size_t i = 0; i < cases.size(); ++i) {
                const bool same = rule == DataCompare::Options::Values::Sql ? sqlSame[i] : textSame[i];
                QVERIFY2(same == !changed.count(int(i)),
                         qPrintable(QStringLiteral("%1 %2 / %3 under %4: the server says %5")
                                        .arg(QLatin1String(cases[i].type), QLatin1String(cases[i].a), QLatin1String(cases[i].b),
                                             rule == DataCompare::Options::Values::Sql ? QStringLiteral("sql") : QStringLiteral("text"),
                                             same ? QStringLiteral("the same") : QStringLiteral("different"))));
            }
        }
    }

    void whatCannotBeComparedIsRefusedClearly()
    {
        const QString x = freshDatabase(QStringLiteral("dc_x")).database();
        m_databases << x;
        test::connect(serverSettings().withDatabase(x))->execScript(QStringLiteral(
            "CREATE TABLE public.items (id int PRIMARY KEY, name text);"
            "CREATE TABLE public.nokey (a int, b int); INSERT INTO public.nokey VALUES (1, 1), (1, 2);"));
        test::connect(m_a)->execScript(QStringLiteral("CREATE TABLE IF NOT EXISTS public.nokey (a int, b int);"
                                                      "INSERT INTO public.nokey VALUES (1, 1), (2, 2);"));
        CancelToken token;
        DataCompare::Options o;
        o.table = QStringLiteral("items");
        auto e = errorOf([&] { DataCompare::plan(m_a, serverSettings().withDatabase(x), o, &token); });
        QVERIFY(e && e->kind() == Error::Kind::InvalidInput);
        QVERIFY2(e->message().contains(QLatin1String("bigint")) && e->message().contains(QLatin1String("integer")),
                 qPrintable(e->message()));
        o.table = QStringLiteral("nokey");
        e = errorOf([&] { DataCompare::plan(m_a, serverSettings().withDatabase(x), o, &token); });
        QVERIFY(e && e->kind() == Error::Kind::InvalidInput);
        o.key = {QStringLiteral("a")};
        e = errorOf([&] { DataCompare::plan(m_a, serverSettings().withDatabase(x), o, &token); });
        QVERIFY2(e && e->message().contains(QLatin1String("not unique")), e ? qPrintable(e->message()) : "");
        o.table = QStringLiteral("public.nothere");
        o.key.clear();
        QCOMPARE(errorOf([&] { DataCompare::plan(m_a, m_b, o, &token); })->kind(), Error::Kind::NotFound);
    }

    void aTableOneSideLacksIsAllAddedOrRemoved()
    {
        test::connect(m_b)->exec(QStringLiteral("CREATE TABLE public.only_b (id int PRIMARY KEY, v text)"));
        test::connect(m_b)->exec(QStringLiteral("INSERT INTO public.only_b SELECT g, 'v' FROM generate_series(1, 20) g"));
        DataCompare::Options o;
        o.table = QStringLiteral("only_b");
        DataCompare::Counts c;
        DataCompare::Plan plan;
        compare(m_a, m_b, o, &c, &plan);
        QCOMPARE(plan.missingOn, QStringLiteral("from"));
        QCOMPARE(c.added, 20);
        QCOMPARE(c.same + c.removed + c.changed, 0);
    }

    void aKindOfGameDataAcrossTwoServers()
    {
        // The same demo events in a week here and a week on a server of its own, one payload
        // changed there: compared as the newest event per request key.
        QTemporaryDir dir(QStringLiteral("/tmp/ssdc-XXXXXX"));
        sandbox::Options so;
        so.dir = dir.path();
        so.durable = false;
        sandbox::Sandbox box(so);
        const sandbox::Info other = box.start();
        weekly::ServerAdmin(other.settings).create(QStringLiteral("dc_far"));
        const pg::ConnectionSettings far = other.settings.withDatabase(QStringLiteral("dc_far"));
        const QString here = freshDatabase(QStringLiteral("dc_here")).database();
        m_databases << here;
        demo::DemoOptions d;
        d.events = 300;
        d.games = 0;
        d.snapshots = 0;
        demo::seed(*test::connect(serverSettings().withDatabase(here)), d);
        demo::seed(*test::connect(far), d);
        test::connect(far)->exec(QStringLiteral(
            "UPDATE raw.api_events SET payload = '{\"changed\": true}' WHERE id = (SELECT max(id) FROM raw.api_events "
            "WHERE request_key = (SELECT min(request_key) FROM raw.api_events))"));
        DataCompare::Options o;
        o.kind = layout::Kind::ApiEvents;
        DataCompare::Counts c;
        DataCompare::Plan plan;
        const auto diffs = compare(serverSettings().withDatabase(here), far, o, &c, &plan);
        QCOMPARE(plan.key, QStringList{QStringLiteral("request_key")});
        QVERIFY(plan.columns.contains(QStringLiteral("payload")));
        QCOMPARE(c.changed, 1);
        QCOMPARE(c.added + c.removed, 0);
        QVERIFY(c.same > 10);
        box.stop();
    }

    void stopAndCancel()
    {
        DataCompare::Options o;
        o.table = QStringLiteral("items");
        CancelToken token;
        const DataCompare::Plan plan = DataCompare::plan(m_a, m_b, o, &token);
        int seen = 0;
        DataCompare::run(plan, m_a, m_b, [&](const RowDifference &) { return ++seen < 2; }, token, 5);
        QCOMPARE(seen, 2);
        CancelToken cancelled;
        cancelled.cancel();
        QCOMPARE(errorOf([&] { DataCompare::run(plan, m_a, m_b, [](const RowDifference &) { return true; }, cancelled, 5); })
                     ->kind(),
                 Error::Kind::Cancelled);
    }

    void theCliTwin()
    {
        QTemporaryDir out;
        const QString file = out.filePath(QStringLiteral("diff.jsonl"));
        const CliRun run = runCli({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"), m_a.storableString(),
                                   QStringLiteral("--db"), m_b.storableString(), QStringLiteral("--table"), QStringLiteral("items"),
                                   QStringLiteral("--json"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                                   QStringLiteral("--out"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject o = run.json().object();
        QCOMPARE(o.value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("removed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("changed")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("same")).toInt(), 95);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 7);
        QVERIFY(!QFileInfo::exists(file + QStringLiteral(".partial")));
        // A link planted at FILE.partial is refused, never written through.
        const QString victim = out.filePath(QStringLiteral("victim"));
        {
            QFile v(victim);
            QVERIFY(v.open(QIODevice::WriteOnly));
            v.write("precious");
        }
        const QString linked = out.filePath(QStringLiteral("linked.csv"));
        QVERIFY(QFile::link(victim, linked + QStringLiteral(".partial")));
        const CliRun refused = runCli({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"), m_a.storableString(),
                                       QStringLiteral("--db"), m_b.storableString(), QStringLiteral("--table"), QStringLiteral("items"),
                                       QStringLiteral("--json"), QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--out"), linked});
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        {
            QFile v(victim);
            QVERIFY(v.open(QIODevice::ReadOnly));
            QCOMPARE(v.readAll(), QByteArray("precious"));
        }
        QVERIFY(!QFileInfo(linked).exists() && !QFileInfo(linked).isSymLink());
        // Bad usage.
        QCOMPARE(runCli({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"), m_a.storableString(),
                         QStringLiteral("--table"), QStringLiteral("items")})
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"), m_a.storableString(),
                         QStringLiteral("--db"), m_b.storableString(), QStringLiteral("--kind"), QStringLiteral("nonsense")})
                     .exitCode,
                 2);
        // Ctrl+C while it writes: exit 130, no file left, partial or whole.
        const QString big = uniqueName(QStringLiteral("dc_big"));
        test::connect(m_a)->exec(QStringLiteral("CREATE TABLE public.%1 (id int PRIMARY KEY, v text)").arg(big));
        test::connect(m_a)->exec(QStringLiteral("INSERT INTO public.%1 SELECT g, repeat('x', 50) FROM generate_series(1, 400000) g").arg(big));
        const QString slow = out.filePath(QStringLiteral("slow.csv"));
        QProcess cli;
        cli.start(qEnvironmentVariable("STATESCOPE_CLI"),
                  {QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"), m_a.storableString(), QStringLiteral("--db"),
                   m_b.storableString(), QStringLiteral("--table"), big, QStringLiteral("--format"), QStringLiteral("csv"),
                   QStringLiteral("--out"), slow});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(slow + QStringLiteral(".partial")) || cli.state() != QProcess::Running, 30000);
        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(30000));
        if (cli.exitCode() == 130) {
            QVERIFY(!QFileInfo::exists(slow));
            QVERIFY(!QFileInfo::exists(slow + QStringLiteral(".partial")));
        } else {
            QCOMPARE(cli.exitCode(), 0); // it finished first: the file is whole
            QVERIFY(QFileInfo::exists(slow));
        }
        test::connect(m_a)->exec(QStringLiteral("DROP TABLE public.%1").arg(big));
    }
};

QTEST_GUILESS_MAIN(TestDataCompare)
#include "tst_data_compare.moc"
