// What `query` prints, read back by a program and compared with what the server says of the
// same rows: every column type of PostgreSQL 15 written by --json equals COPY ... TO STDOUT
// (numbers digit for digit, strings decoded, json and arrays as PostgreSQL's own to_jsonb
// reads them); the text output is COPY's text format and --csv COPY's CSV, byte for byte;
// names that repeat are kept, in select order; `query --prefix` never loses the week to a
// column of the user's, and a week that fails midway says how many of its rows were sent.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/json/document.h"
#include "core/pg/connection.h"
#include "core/weekly/serveradmin.h"

#include <QTest>

using namespace statescope;
using namespace statescope::test;

namespace {

// COPY's text format for one field back to the value (nullopt for \N).
std::optional<QByteArray> unescapeCopy(const QByteArray &field)
{
    if (field == "\\N")
        return std::nullopt;
    QByteArray out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c != '\\' || i + 1 >= field.size()) {
            out += c;
            continue;
        }
        const char e = field[++i];
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        default: out += e;
        }
    }
    return out;
}

QByteArray copyOut(pg::Connection &conn, const QString &sql)
{
    QByteArray all;
    conn.copyOut(sql, [&](const char *data, int n) {
        all.append(data, n);
        return true;
    });
    return all;
}

QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> out = text.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

// One type: its values (SQL literals), how --json must write them, and (for arrays) the
// expression whose to_jsonb PostgreSQL itself writes the same way.
struct Case
{
    QString type;
    QStringList values;
    char expect; // n number, b boolean, j json, a array, s string
    QString oracle = QStringLiteral("to_jsonb(v)");
};

QList<Case> cases()
{
    return {
        {"smallint", {"-32768", "0", "32767"}, 'n'},
        {"integer", {"-2147483648", "42"}, 'n'},
        {"bigint", {"9223372036854775807", "-9223372036854775808"}, 'n'},
        {"oid", {"4294967295"}, 'n'},
        {"real", {"1.5", "-0", "3.4028235e+38", "'NaN'", "'Infinity'"}, 'n'},
        {"double precision", {"0.1", "1e-300", "'-Infinity'", "123456789.123456789"}, 'n'},
        {"numeric", {"123456789012345678901234567890.123456789", "0.000", "'NaN'", "'Infinity'", "-1e-20"}, 'n'},
        {"numeric(10,2)", {"1.5", "-99999999.99"}, 'n'},
        {"boolean", {"true", "false"}, 'b'},
        {"json", {"E'{\"a\" :\\n [1, 2],\\t\"b\": \"x\\\\ty\"}'", "'[]'", "'\"s\"'", "'12.50'", "'{\"k\": 1, \"k\": 2}'"}, 'j'},
        {"jsonb", {"'{\"b\": 1, \"a\": {\"c\": [true, null]}}'", "'123456789012345678901234567890'", "'\"\\u00e9\"'"}, 'j'},
        {"text", {"'plain'", "E'tab\\there'", "E'line\\nbreak\\r'", "E'back\\\\slash'", "''", "'NULL'",
                  "'\"quoted\"'", "'ünïcödé'", "E'\\x01ctl'", "'a,b'", "'\\.'"}, 's'},
        {"character varying(8)", {"'abc'"}, 's'},
        {"character(3)", {"'ab'"}, 's'},
        {"bytea", {"'\\xdeadbeef'", "''"}, 's'},
        {"date", {"'2025-01-06'", "'infinity'"}, 's'},
        {"time", {"'12:34:56.789'"}, 's'},
        {"time with time zone", {"'12:34:56+02'"}, 's'},
        {"timestamp", {"'2025-01-06 00:00:00'"}, 's'},
        {"timestamp with time zone", {"'2025-01-06 00:00:00+00'"}, 's'},
        {"interval", {"'1 day 02:03:04'", "'-1 mon'"}, 's'},
        {"uuid", {"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"}, 's'},
        {"inet", {"'192.168.0.1/24'"}, 's'},
        {"cidr", {"'10.0.0.0/8'"}, 's'},
        {"macaddr", {"'08:00:2b:01:02:03'"}, 's'},
        {"macaddr8", {"'08:00:2b:01:02:03:04:05'"}, 's'},
        {"money", {"12.34"}, 's'},
        {"bit(4)", {"B'1010'"}, 's'},
        {"bit varying", {"B'101'"}, 's'},
        {"point", {"'(1,2)'"}, 's'},
        {"line", {"'{1,2,3}'"}, 's'},
        {"lseg", {"'[(0,0),(1,1)]'"}, 's'},
        {"box", {"'(1,1),(0,0)'"}, 's'},
        {"path", {"'[(0,0),(1,1),(2,0)]'"}, 's'},
        {"polygon", {"'((0,0),(1,1),(1,0))'"}, 's'},
        {"circle", {"'<(0,0),1>'"}, 's'},
        {"tsvector", {"'a fat cat'"}, 's'},
        {"tsquery", {"'fat & cat'"}, 's'},
        {"xml", {"'<a>x</a>'"}, 's'},
        {"int4range", {"'[1,5)'"}, 's'},
        {"int4multirange", {"'{[1,3), [5,7)}'"}, 's'},
        {"pg_lsn", {"'16/B374D848'"}, 's'},
        {"mood", {"'ok'"}, 's'},
        {"posint", {"7"}, 'n'}, // a domain: the server sends its base type
        {"pair", {"'(1,\"a b\")'"}, 's'},
        {"integer[]", {"'{1,2,3}'", "'{}'", "'{1,NULL}'", "'{{1,2},{3,4}}'"}, 'a'},
        {"bigint[]", {"'{9223372036854775807}'"}, 'a'},
        {"numeric[]", {"'{1.50,NaN,123456789012345678901234567890}'"}, 'a'},
        {"double precision[]", {"'{Infinity,1e-300,0.5}'"}, 'a'},
        {"boolean[]", {"'{t,f,NULL}'"}, 'a'},
        {"jsonb[]", {"ARRAY['{\"a\": 1}'::jsonb, '[2, 3]', NULL]"}, 'a'},
        {"json[]", {"ARRAY['{\"a\" : 1}'::json]"}, 'a'},
        {"text[]", {"'{\"a,b\",\"c\\\"d\",NULL,\"NULL\",\"\",\"x\\\\y\",plain,\"  padded  \"}'", "'{{a,b},{c,d}}'"},
         'a', "to_jsonb(v::text[])"},
        {"timestamp with time zone[]", {"'{\"2025-01-06 00:00:00+00\"}'"}, 'a', "to_jsonb(v::text[])"},
        {"uuid[]", {"'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'"}, 'a', "to_jsonb(v::text[])"},
        {"box[]", {"'{(1,1),(0,0);(2,2),(1,1)}'"}, 'a', "to_jsonb(v::text[])"},
        {"bytea[]", {"'{\"\\\\x00ff\"}'"}, 'a', "to_jsonb(v::text[])"},
        {"date[]", {"'{2025-01-06,infinity}'"}, 'a', "to_jsonb(v::text[])"},
    };
}

} // namespace

class TestQueryOutput : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QString m_prefix;

    CliRun query(const QString &sql, const QStringList &more = {})
    {
        return runCli(QStringList{QStringLiteral("query"), QStringLiteral("--db"), m_db.storableString(),
                                  QStringLiteral("--sql"), sql}
                      + more);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        m_db = emptyDatabase(QStringLiteral("qout"));
        auto conn = test::connect(m_db);
        conn->execScript(QStringLiteral("CREATE TYPE public.mood AS ENUM ('ok', 'sad');"
                                  "CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);"
                                  "CREATE TYPE public.pair AS (n integer, s text);"));
    }

    // Every type: --json read back equals COPY's text of the same rows, NULL included.
    void everyTypeRoundTrips()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("SET search_path = public"));
        int n = 0;
        int checked = 0;
        for (const Case &c : cases()) {
            const QString table = QStringLiteral("public.t%1").arg(++n);
            conn->exec(QStringLiteral("CREATE TABLE %1 (id serial PRIMARY KEY, v %2)").arg(table, c.type));
            for (const QString &v : c.values + QStringList{QStringLiteral("NULL")})
                conn->exec(QStringLiteral("INSERT INTO %1 (v) VALUES (%2)").arg(table, v));
            const QString select = QStringLiteral("SELECT v FROM %1 ORDER BY id").arg(table);
            const CliRun run = query(select, {QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(c.type + QStringLiteral(": ") + run.describe()));
            const QList<QByteArray> got = lines(run.out);
            const QList<QByteArray> copied = lines(copyOut(*conn, QStringLiteral("COPY (%1) TO STDOUT").arg(select)));
            const pg::Result oracle =
                conn->exec(QStringLiteral("SELECT %1::text FROM %2 ORDER BY id").arg(c.oracle, table));
            QCOMPARE(got.size(), copied.size());
            QCOMPARE(got.size(), qsizetype(c.values.size() + 1));
            for (qsizetype i = 0; i < got.size(); ++i) {
                const QString where = QStringLiteral("%1, row %2: %3").arg(c.type).arg(i + 1).arg(QString::fromUtf8(got[i]));
                const json::Document line = json::Document::parse(got[i]);
                QVERIFY2(line.isValid(), qPrintable(where));
                const auto value = line.member(line.root(), QStringLiteral("v"));
                QVERIFY2(value, qPrintable(where));
                const std::optional<QByteArray> server = unescapeCopy(copied[i]);
                if (!server) {
                    QVERIFY2(value->kind == json::Kind::Null, qPrintable(where));
                    continue;
                }
                const QByteArray raw = line.raw(*value).toByteArray();
                switch (c.expect) {
                case 'n':
                    if (*server == "NaN" || server->endsWith("Infinity"))
                        QVERIFY2(value->kind == json::Kind::String && line.string(*value).toUtf8() == *server,
                                 qPrintable(where));
                    else
                        QVERIFY2(value->kind == json::Kind::Number && raw == *server, qPrintable(where));
                    break;
                case 'b':
                    QVERIFY2(raw == (*server == "t" ? "true" : "false"), qPrintable(where));
                    break;
                case 's':
                    QVERIFY2(value->kind == json::Kind::String && line.string(*value).toUtf8() == *server,
                             qPrintable(where));
                    break;
                case 'j': {
                    const json::Document doc = json::Document::parse(*server);
                    QVERIFY2(doc.isValid() && json::equal(line, *value, doc, doc.root()), qPrintable(where));
                    break;
                }
                case 'a': {
                    QVERIFY2(value->kind == json::Kind::Array, qPrintable(where));
                    const json::Document doc = json::Document::parse(oracle.bytes(int(i), 0));
                    QVERIFY2(doc.isValid() && json::equal(line, *value, doc, doc.root()),
                             qPrintable(where + QStringLiteral(" / PostgreSQL: ") + oracle.value(int(i), 0)));
                    break;
                }
                }
                ++checked;
            }
        }
        qInfo("%d values of %lld types compared with COPY and to_jsonb", checked,
              static_cast<long long>(cases().size()));
        int values = 0;
        for (const Case &c : cases())
            values += int(c.values.size());
        QCOMPARE(checked, values); // every value but the NULLs went through a comparison
    }

    // rows --json types its values the same way; a value cut for the page (past 4,096
    // characters) is written as the text it is, so the output is always JSON.
    void rowsWritesTheSameAndNeverHalfADocument()
    {
        auto conn = test::connect(m_db);
        conn->execScript(QStringLiteral("CREATE TABLE public.docs (id int PRIMARY KEY, n numeric, ok boolean, doc jsonb, "
                                  "tags text[]); INSERT INTO public.docs VALUES "
                                  "(1, 1.50, true, '{\"a\": [1, 2]}', '{x,y}'), "
                                  "(2, NULL, false, (SELECT jsonb_agg(g) FROM generate_series(1, 3000) g), NULL)"));
        const CliRun run = runCli({QStringLiteral("rows"), QStringLiteral("--db"), m_db.storableString(),
                                   QStringLiteral("--table"), QStringLiteral("public.docs"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const json::Document doc = json::Document::parse(run.out);
        QVERIFY2(doc.isValid(), run.out.left(400).constData());
        const auto rows = doc.member(doc.root(), QStringLiteral("rows"));
        QVERIFY(rows);
        const std::vector<json::Member> list = doc.childList(*rows);
        QCOMPARE(list.size(), size_t(2));
        const auto cell = [&](int row, const char *name) { return *doc.member(list[size_t(row)].value, QLatin1String(name)); };
        QCOMPARE(doc.raw(cell(0, "n")).toByteArray(), QByteArray("1.50"));
        QCOMPARE(cell(0, "ok").kind, json::Kind::True);
        QCOMPARE(doc.raw(cell(0, "doc")).toByteArray(), QByteArray(R"({"a":[1,2]})"));
        QCOMPARE(doc.raw(cell(0, "tags")).toByteArray(), QByteArray(R"(["x","y"])"));
        QCOMPARE(cell(1, "n").kind, json::Kind::Null);
        QCOMPARE(cell(1, "doc").kind, json::Kind::String); // cut: text
        QVERIFY(doc.string(cell(1, "doc")).startsWith(QLatin1String("[1, 2, 3")));
    }

    // Explicit bounds cannot be a JSON array without losing them: the text stays.
    void arrayWithBoundsStaysText()
    {
        const CliRun run = query(QStringLiteral("SELECT '[0:1]={1,2}'::int[] AS v"), {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QByteArray(R"({"v":"[0:1]={1,2}"})"));
    }

    // Text and CSV are COPY's own formats, byte for byte (after the header line).
    void textAndCsvAreCopys()
    {
        auto conn = test::connect(m_db);
        const QString select = QStringLiteral(
            "SELECT * FROM (VALUES (1, E'tab\\there', NULL::text), (2, E'two\\nlines\\\\', ''), "
            "(3, 'a,b \"q\"', '\\.'), (4, E'\\r\\b\\f\\v', 'NULL')) AS v(id, a, b) ORDER BY id");
        const CliRun text = query(select);
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out, QByteArray("id\ta\tb\n") + copyOut(*conn, QStringLiteral("COPY (%1) TO STDOUT").arg(select)));
        const CliRun csv = query(select, {QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out, QByteArray("id,a,b\n")
                              + copyOut(*conn, QStringLiteral("COPY (%1) TO STDOUT WITH (FORMAT csv)").arg(select)));
        // NULL and the empty string differ.
        QVERIFY(csv.out.contains("\n1,tab\there,\n"));
        QVERIFY(csv.out.contains(",\"\"\n"));
    }

    // Every column is kept, in select order, a repeated name suffixed.
    void repeatedNamesKept()
    {
        const CliRun run = query(QStringLiteral("SELECT 3 AS id, 'x' AS b, 1 AS id, 2 AS id_2, 4 AS a"),
                                 {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray(R"({"id":3,"b":"x","id_3":1,"id_2":2,"a":4})" "\n"));
        const CliRun csv = query(QStringLiteral("SELECT 1 AS id, 2 AS id"), {QStringLiteral("--csv")});
        QCOMPARE(csv.out, QByteArray("id,id_2\n1,2\n"));
    }

    // query --prefix: the week is never lost to a column named week; a week that fails
    // midway says how many of its rows were sent, and they are not in the total.
    void familyKeepsTheWeek()
    {
        m_prefix = QStringLiteral("t_qout%1").arg(QCoreApplication::applicationPid());
        const weekly::ServerAdmin admin(serverSettings());
        for (int w = 1; w <= 2; ++w)
            admin.create(QStringLiteral("%1_2025_w%2").arg(m_prefix).arg(w, 2, 10, QLatin1Char('0')));
        const QStringList base{QStringLiteral("query"), QStringLiteral("--server"), serverSettings().storableString(),
                               QStringLiteral("--prefix"), m_prefix, QStringLiteral("--parallel"), QStringLiteral("1")};
        const CliRun run = runCli(base + QStringList{QStringLiteral("--sql"),
                                                     QStringLiteral("SELECT 'mine' AS week, 1 AS n"),
                                                     QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> got = lines(run.out);
        QCOMPARE(got.size(), 2);
        QVERIFY2(got.contains(R"({"week":"2025-W01","week_2":"mine","n":1})"), run.out.constData());
        QVERIFY2(got.contains(R"({"week":"2025-W02","week_2":"mine","n":1})"), run.out.constData());

        // W02 divides by zero at its row 3,000: the cursor has sent 2,500 rows by then.
        const QString failing = QStringLiteral(
            "SELECT 1 / (g - CASE WHEN current_database() LIKE '%w02' THEN 3000 ELSE -1 END) AS x "
            "FROM generate_series(1, 4000) g");
        const CliRun text = runCli(base + QStringList{QStringLiteral("--sql"), failing});
        QCOMPARE(text.exitCode, 0); // one week of two failed: the others' rows stand
        QVERIFY2(text.err.contains("failed after 2500 row(s), which are in the output"), text.err.constData());
        QVERIFY2(text.err.contains("(4000 row(s) from 1 week(s), 1 failed)"), text.err.constData());
        const CliRun json = runCli(base + QStringList{QStringLiteral("--sql"), failing, QStringLiteral("--json")});
        QVERIFY2(json.out.contains(R"("rows_sent":2500)"), json.err.constData());
    }

    void cleanupTestCase()
    {
        dropDatabase(m_db.database());
        if (!m_prefix.isEmpty())
            for (int w = 1; w <= 2; ++w)
                dropDatabase(QStringLiteral("%1_2025_w%2").arg(m_prefix).arg(w, 2, 10, QLatin1Char('0')));
    }
};

QTEST_GUILESS_MAIN(TestQueryOutput)
#include "tst_query_output.moc"
