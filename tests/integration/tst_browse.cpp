// Any table and any query (issue 14), against the real server: a table of every common
// column type, a composite primary key, a table without a key, a partitioned parent and a
// view. Every page, both ways and sorted by any indexed column, equals a hand-written
// ORDER BY; filters compare as the column's type; NULLs stay NULL and "" stays ""; the
// console refuses writes (25006), times out (57014), cancels, runs scripts, explains; a
// confirmed write is journalled and audited; the CLI twins print the same.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/browse/console.h"
#include "core/browse/rows.h"
#include "core/browse/schema.h"
#include "core/task/canceltoken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <thread>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::browse;

namespace {

const char *kSchema = R"SQL(
CREATE SCHEMA shop;
CREATE TYPE shop.mood AS ENUM ('calm', 'busy');
CREATE TABLE shop.items (
  id bigint PRIMARY KEY,
  name text,
  price numeric(10, 2),
  qty integer,
  ok boolean,
  at timestamptz,
  day date,
  tags text[],
  doc jsonb,
  blob bytea,
  uid uuid,
  mood shop.mood,
  ratio double precision
);
CREATE INDEX items_qty ON shop.items (qty);
INSERT INTO shop.items
SELECT g, CASE WHEN g % 7 = 0 THEN '' WHEN g % 11 = 0 THEN NULL ELSE 'item ' || g END,
       (g * 1.25)::numeric(10, 2), CASE WHEN g % 5 = 0 THEN NULL ELSE g % 13 END, g % 2 = 0,
       timestamptz '2025-01-06 00:00:00.123456+00' + g * interval '1 minute', date '2025-01-06' + g % 30,
       ARRAY['a' || g, 'b,' || g], jsonb_build_object('n', g, 'big', 123456789012345678901234567890),
       decode(repeat('ab', g % 5), 'hex'), md5(g::text)::uuid,
       (ARRAY['calm', 'busy'])[1 + g % 2]::shop.mood, g / 3.0
FROM generate_series(1, 737) g;
CREATE TABLE shop.lines (order_id integer, line smallint, sku text NOT NULL, PRIMARY KEY (order_id, line));
INSERT INTO shop.lines SELECT o, l, 'sku-' || o || '-' || l FROM generate_series(1, 40) o, generate_series(1, 7) l;
CREATE TABLE shop.loose (note text, n integer);
INSERT INTO shop.loose SELECT 'note ' || g, g FROM generate_series(1, 55) g;
CREATE TABLE shop.events (id bigint NOT NULL, at timestamptz NOT NULL, kind text,
                          PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2025_01 PARTITION OF shop.events FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE shop.events_2025_02 PARTITION OF shop.events FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
INSERT INTO shop.events SELECT g, timestamptz '2025-01-01' + g * interval '1 hour', 'k' || g % 3
FROM generate_series(1, 1000) g;
CREATE TABLE shop.orders (id integer PRIMARY KEY, item_id bigint REFERENCES shop.items (id));
INSERT INTO shop.orders SELECT g, g FROM generate_series(1, 20) g;
CREATE VIEW shop.cheap AS SELECT id, name, price FROM shop.items WHERE price < 100;
ANALYZE;
)SQL";

QList<Filter> none()
{
    return {};
}

} // namespace

class TestBrowse : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    std::unique_ptr<pg::Connection> m_conn;

    // The whole order, page by page, by keyset.
    QStringList allIds(RowSource &src, const QList<Filter> &filters, const Order &order, int pageSize,
                       bool backward = false)
    {
        QStringList ids;
        std::optional<Position> from;
        for (int guard = 0; guard < 10000; ++guard) {
            const QList<Row> page = src.page(filters, order, from, backward, pageSize);
            if (backward) {
                QStringList chunk;
                for (const Row &r : page)
                    chunk << QString::fromUtf8(r.key[0]);
                ids = chunk + ids;
                if (page.size() < pageSize)
                    break;
                from = Position{page.first().sortValue, page.first().key};
            } else {
                for (const Row &r : page)
                    ids << QString::fromUtf8(r.key[0]);
                if (page.size() < pageSize)
                    break;
                from = Position{page.last().sortValue, page.last().key};
            }
        }
        return ids;
    }
    QStringList expected(const QString &sql)
    {
        QStringList out;
        const auto r = m_conn->exec(sql);
        for (int i = 0; i < r.rowCount(); ++i)
            out << r.value(i, 0);
        return out;
    }

private slots:
    void initTestCase()
    {
        m_db = freshDatabase(QStringLiteral("browse"));
        auto admin = test::connect(m_db);
        admin->execScript(QString::fromLatin1(kSchema));
        m_conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
    }

    void cleanupTestCase()
    {
        m_conn.reset();
        dropDatabase(m_db.database());
    }

    void theSchemaTreeFoldsPartitions()
    {
        const QList<SchemaInfo> tree = readSchemaTree(*m_conn);
        const SchemaInfo *shop = nullptr;
        for (const SchemaInfo &s : tree)
            if (s.name == QLatin1String("shop"))
                shop = &s;
        QVERIFY(shop);
        QStringList names;
        for (const RelationInfo &r : shop->relations)
            names << r.name;
        QCOMPARE(names, (QStringList{"cheap", "events", "items", "lines", "loose", "orders"}));
        const RelationInfo &events = shop->relations[1];
        QCOMPARE(events.kind, RelationInfo::Kind::Partitioned);
        QCOMPARE(events.partitions.size(), 2);
        QVERIFY(events.partitions[0].partitionBounds.contains(QLatin1String("2025-01-01")));
        QCOMPARE(qint64(events.estimatedRows), 1000);
        QVERIFY(events.sizeBytes > 0);
        QCOMPARE(shop->relations[0].kind, RelationInfo::Kind::View);
        // Statescope's own bookkeeping is browsable too.
        QVERIFY(std::any_of(tree.begin(), tree.end(), [](const SchemaInfo &s) { return s.name == QLatin1String("statescope"); }));
    }

    void detailsHaveKeysIndexesForeignKeysAndDdl()
    {
        const RelationDetails items = readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("items"));
        QCOMPARE(items.key, QStringList{"id"});
        QVERIFY(items.sortable.contains(QLatin1String("qty")));
        QCOMPARE(items.referencedBy.size(), 1);
        QCOMPARE(items.referencedBy[0].fromTable, QStringLiteral("orders"));
        QVERIFY(items.ddl.startsWith(QLatin1String("CREATE TABLE shop.items (")));
        QVERIFY(items.ddl.contains(QLatin1String("CREATE INDEX items_qty ON shop.items USING btree (qty)")));
        const RelationDetails orders = readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("orders"));
        QCOMPARE(orders.foreignKeys.size(), 1);
        QCOMPARE(orders.foreignKeys[0].toTable, QStringLiteral("items"));
        QCOMPARE(orders.foreignKeys[0].toColumns, QStringList{"id"});
        QCOMPARE(readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("lines")).key,
                 (QStringList{"order_id", "line"}));
        QVERIFY(readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("loose")).key.isEmpty());
        const RelationDetails view = readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("cheap"));
        QVERIFY(view.key.isEmpty());
        QVERIFY(view.ddl.startsWith(QLatin1String("CREATE VIEW shop.cheap AS")));
        const RelationDetails events = readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("events"));
        QCOMPARE(events.key, (QStringList{"id", "at"}));
        QVERIFY(events.ddl.contains(QLatin1String("PARTITION BY RANGE (at)")));
        // Names are looked up, never pasted: an injection is just a name that is not there.
        const auto e = errorOf([&] { readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("items; DROP TABLE x")); });
        QVERIFY(e && e->kind() == Error::Kind::NotFound);
    }

    // readPagingDetails against readDetails, its oracle, on every relation of the database
    // (the catalog's own too) and on shapes made for it: each field paging uses is the same.
    void pagingDetailsAreTheDetailsPagingUses()
    {
        auto admin = test::connect(m_db);
        admin->execScript(QStringLiteral(
            "CREATE SCHEMA shapes; CREATE DOMAIN shapes.pos AS integer CHECK (VALUE > 0);"
            "CREATE TABLE shapes.t (a int NOT NULL, gone int, b text NOT NULL, c shapes.pos, d int GENERATED ALWAYS AS (a * 2) STORED,"
            " e int DEFAULT 7, f text);"
            "ALTER TABLE shapes.t DROP COLUMN gone;"
            "CREATE UNIQUE INDEX t_b_inc ON shapes.t (b) INCLUDE (a, c);"
            "CREATE UNIQUE INDEX t_a_b ON shapes.t (a, b);"
            "CREATE UNIQUE INDEX t_lower ON shapes.t (lower(f));"
            "CREATE UNIQUE INDEX t_part ON shapes.t (e) WHERE e > 0;"
            "CREATE UNIQUE INDEX t_nullable ON shapes.t (f);"
            "CREATE INDEX t_expr_then_col ON shapes.t ((a + 1), b);"
            "ALTER TABLE shapes.t ENABLE ROW LEVEL SECURITY;"
            "CREATE MATERIALIZED VIEW shapes.mv AS SELECT a, b FROM shapes.t; CREATE UNIQUE INDEX mv_a ON shapes.mv (a);"
            "CREATE TABLE shapes.p (id int, k int NOT NULL, PRIMARY KEY (id, k)) PARTITION BY LIST (k);"
            "CREATE TABLE shapes.p1 PARTITION OF shapes.p FOR VALUES IN (1);"
            "INSERT INTO shapes.p SELECT g, 1 FROM generate_series(1, 50) g; ANALYZE shapes.p1;"
            "CREATE EXTENSION IF NOT EXISTS postgres_fdw;"
            "CREATE SERVER shapes_remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'nowhere');"
            "CREATE FOREIGN TABLE shapes.ft (a int) SERVER shapes_remote;"));
        const pg::Result all = m_conn->exec(QStringLiteral(
            "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1, 2"));
        QVERIFY(all.rowCount() > 100);
        int keyed = 0;
        for (int i = 0; i < all.rowCount(); ++i) {
            const QString schema = all.value(i, 0), name = all.value(i, 1);
            const RelationDetails full = readDetails(*m_conn, schema, name);
            const RelationDetails brief = readPagingDetails(*m_conn, schema, name);
            const QString what = schema + QLatin1Char('.') + name;
            QVERIFY2(brief.relation.kind == full.relation.kind, qPrintable(what));
            QVERIFY2(brief.relation.rowSecurity == full.relation.rowSecurity, qPrintable(what));
            QVERIFY2(brief.relation.estimatedRows == full.relation.estimatedRows, qPrintable(what));
            QVERIFY2(brief.relation.foreignServer == full.relation.foreignServer, qPrintable(what));
            QVERIFY2(brief.columns.size() == full.columns.size(), qPrintable(what));
            for (int c = 0; c < full.columns.size(); ++c) {
                const ColumnInfo &x = full.columns[c], &y = brief.columns[c];
                QVERIFY2(x.name == y.name && x.type == y.type && x.typeOid == y.typeOid && x.typeClass == y.typeClass
                             && x.notNull == y.notNull && x.defaultExpression == y.defaultExpression
                             && x.isArray == y.isArray && x.isBytes == y.isBytes && x.isJson == y.isJson,
                         qPrintable(what + QLatin1Char('.') + x.name));
            }
            QVERIFY2(brief.indexes.size() == full.indexes.size(), qPrintable(what));
            for (int k = 0; k < full.indexes.size(); ++k) {
                const layout::IndexDef &x = full.indexes[k], &y = brief.indexes[k];
                QVERIFY2(x.name == y.name && x.columns == y.columns && x.primary == y.primary && x.unique == y.unique
                             && x.partial == y.partial && x.expression == y.expression && x.valid == y.valid,
                         qPrintable(what + QLatin1Char(' ') + x.name + QLatin1String(": ") + y.columns.join(QLatin1Char(','))
                                    + QLatin1String(" against ") + x.columns.join(QLatin1Char(','))));
                QCOMPARE(brief.indexDefinitions.value(k).name, x.name);
            }
            QVERIFY2(brief.key == full.key && brief.keyIndex == full.keyIndex, qPrintable(what));
            QVERIFY2(brief.sortable == full.sortable, qPrintable(what));
            keyed += full.key.isEmpty() ? 0 : 1;
        }
        QVERIFY(keyed > 50);
        // The shapes made here, as the oracle sees them: the narrowest usable unique index.
        const RelationDetails t = readPagingDetails(*m_conn, QStringLiteral("shapes"), QStringLiteral("t"));
        QCOMPARE(t.key, QStringList{QStringLiteral("b")});
        QCOMPARE(t.columns.size(), 6);
        QVERIFY(t.relation.rowSecurity);
        QCOMPARE(readPagingDetails(*m_conn, QStringLiteral("shapes"), QStringLiteral("ft")).relation.foreignServer,
                 QStringLiteral("shapes_remote"));
        QCOMPARE(readPagingDetails(*m_conn, QStringLiteral("shapes"), QStringLiteral("p1")).relation.kind,
                 RelationInfo::Kind::Partition);
        QCOMPARE(readPagingDetails(*m_conn, QStringLiteral("shapes"), QStringLiteral("p")).relation.estimatedRows, 50.0);
        const auto missing = errorOf([&] { readPagingDetails(*m_conn, QStringLiteral("shapes"), QStringLiteral("nope")); });
        QVERIFY(missing && missing->kind() == Error::Kind::NotFound);
    }

    void keysetPagesEqualOrderByBothWays()
    {
        RowSource src(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("items")));
        const QStringList want = expected(QStringLiteral("SELECT id FROM shop.items ORDER BY id"));
        QCOMPARE(want.size(), 737);
        for (int size : {1, 7, 100, 1000})
            QCOMPARE(allIds(src, none(), {}, size), want);
        QCOMPARE(allIds(src, none(), {}, 50, true), want); // from the end backwards
        QStringList desc = want;
        std::reverse(desc.begin(), desc.end());
        QCOMPARE(allIds(src, none(), {QString(), true}, 64), desc);
    }

    void sortingByANullableIndexedColumn()
    {
        RowSource src(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("items")));
        for (bool desc : {false, true}) {
            const QStringList want = expected(
                QStringLiteral("SELECT id FROM shop.items ORDER BY qty %1 NULLS LAST, id %1")
                    .arg(desc ? QStringLiteral("DESC") : QStringLiteral("ASC")));
            for (int size : {3, 50})
                QCOMPARE(allIds(src, none(), {QStringLiteral("qty"), desc}, size), want);
            QCOMPARE(allIds(src, none(), {QStringLiteral("qty"), desc}, 40, true), want);
        }
        // A column no index leads with is refused: it would sort every row for each page.
        const auto e = errorOf([&] { src.page(none(), {QStringLiteral("name")}, std::nullopt, false, 10); });
        QVERIFY(e && e->kind() == Error::Kind::InvalidInput);
    }

    void compositeKeysAndPartitions()
    {
        RowSource lines(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("lines")));
        QStringList got;
        std::optional<Position> from;
        for (;;) {
            const QList<Row> page = lines.page(none(), {}, from, false, 13);
            for (const Row &r : page)
                got << QString::fromUtf8(r.key[0] + '/' + r.key[1]);
            if (page.size() < 13)
                break;
            from = Position{std::nullopt, page.last().key};
        }
        QCOMPARE(got, expected(QStringLiteral("SELECT order_id || '/' || line FROM shop.lines ORDER BY order_id, line")));
        RowSource events(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("events")));
        QCOMPARE(allIds(events, none(), {}, 77), expected(QStringLiteral("SELECT id FROM shop.events ORDER BY id, at")));
        // --after as the CLI takes it.
        const Position p = lines.parseKey(QStringLiteral("[40, 6]"));
        const QList<Row> last = lines.page(none(), {}, p, false, 10);
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0].key[1], QByteArray("7"));
        QVERIFY(errorOf([&] { lines.parseKey(QStringLiteral("[40]")); }));
    }

    void valuesComeBackAsTheServerPrintsThem()
    {
        RowSource src(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("items")));
        const RelationDetails &d = src.details();
        const QList<Row> rows = src.page({{QStringLiteral("id"), Filter::Op::LessOrEqual, QStringLiteral("22")}}, {},
                                         std::nullopt, false, 100);
        QCOMPARE(rows.size(), 22);
        auto cell = [&](int row, const char *col) { return rows[row].cells[size_t(d.columnIndex(QLatin1String(col)))]; };
        QCOMPARE(*cell(6, "name"), QByteArray()); // id 7: "" is an empty string...
        QVERIFY(!cell(10, "name").has_value());   // ...id 11: NULL is NULL
        QCOMPARE(*cell(0, "tags"), QByteArray("{a1,\"b,1\"}"));
        QCOMPARE(*cell(0, "at"), QByteArray("2025-01-06 00:01:00.123456+00"));
        QVERIFY(cell(0, "doc")->contains("123456789012345678901234567890")); // exact
        QCOMPARE(*cell(1, "blob"), QByteArray("\\xabab"));
        QCOMPARE(rows[1].byteSizes[size_t(d.columnIndex(QStringLiteral("blob")))], 2);
        QCOMPARE(*cell(0, "mood"), QByteArray("busy"));
        QCOMPARE(*cell(2, "price"), QByteArray("3.75"));
    }

    void filtersCompareAsTheColumnsType()
    {
        RowSource src(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QStringLiteral("items")));
        auto count = [&](const QList<Filter> &f) { return src.exactCount(f); };
        QCOMPARE(count({{QStringLiteral("qty"), Filter::Op::Less, QStringLiteral("10")}}),
                 scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items WHERE qty < 10")));
        QCOMPARE(count({{QStringLiteral("at"), Filter::Op::GreaterOrEqual, QStringLiteral("2025-01-06 10:00+00")}}),
                 scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items WHERE at >= '2025-01-06 10:00+00'")));
        QCOMPARE(count({{QStringLiteral("name"), Filter::Op::Contains, QStringLiteral("M 1_")}}), 0); // _ is literal
        QCOMPARE(count({{QStringLiteral("name"), Filter::Op::Contains, QStringLiteral("ITEM 10")}}),
                 scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items WHERE name ILIKE '%item 10%'")));
        QCOMPARE(count({{QStringLiteral("qty"), Filter::Op::IsNull, {}}}),
                 scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items WHERE qty IS NULL")));
        QCOMPARE(count({{QStringLiteral("mood"), Filter::Op::Equals, QStringLiteral("calm")}}), 368);
        // Bad input: clear errors, nothing read.
        auto e = errorOf([&] { src.checkValues({{QStringLiteral("qty"), Filter::Op::Equals, QStringLiteral("ten")}}); });
        QVERIFY(e && e->kind() == Error::Kind::InvalidInput);
        QVERIFY2(e->message().contains(QLatin1String("qty")), qPrintable(e->message()));
        e = errorOf([&] { src.checkValues({{QStringLiteral("nope"), Filter::Op::Equals, QStringLiteral("1")}}); });
        QVERIFY(e && e->kind() == Error::Kind::InvalidInput);
        e = errorOf([&] { src.checkValues({{QStringLiteral("name"), Filter::Op::Equals, QStringLiteral("'); DROP TABLE shop.items; --")}}); });
        QVERIFY(!e); // a value, bound, compared as text
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items")), 737);
        QVERIFY(src.estimateCount({}) > 0);
    }

    void relationsWithoutAKeyReadThroughACursor()
    {
        for (const char *name : {"loose", "cheap"}) {
            RowSource src(*m_conn, readDetails(*m_conn, QStringLiteral("shop"), QLatin1String(name)));
            QVERIFY(!src.keyed());
            const auto [sql, params] = src.selectAll(none(), {});
            QueryCursor cursor(*m_conn, sql, params);
            qint64 n = 0;
            while (!cursor.total())
                n += cursor.next(10).rowCount();
            QCOMPARE(n, scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.%1").arg(QLatin1String(name))));
            // Scrolling back re-reads through the cursor.
            const pg::Result again = cursor.fetch(3, 2);
            QCOMPARE(again.rowCount(), 2);
        }
    }

    void theConsoleSplitsScripts()
    {
        const QList<ScriptStatement> st = splitScript(QStringLiteral(
            "SELECT 1; -- a comment; with a semicolon\n"
            "SELECT 'a;b', \"x;y\", E'it\\'s;'; /* nested /* ; */ ; */\n"
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"
            "  ;  -- only a comment\n"
            "SELECT 2"));
        QCOMPARE(st.size(), 4);
        QCOMPARE(st[1].text, QStringLiteral("SELECT 'a;b', \"x;y\", E'it\\'s;'"));
        QCOMPARE(st[1].line, 2);
        QVERIFY(st[2].text.endsWith(QLatin1String("LANGUAGE sql")));
        QCOMPARE(st[3].text, QStringLiteral("SELECT 2"));
        QCOMPARE(classify(QStringLiteral("  (select 1)")), StatementKind::Query);
        QCOMPARE(classify(QStringLiteral("WITH x AS (SELECT 1) SELECT * FROM x")), StatementKind::Query);
        QCOMPARE(classify(QStringLiteral("WITH x AS (SELECT 1) DELETE FROM t")), StatementKind::Command);
        QCOMPARE(classify(QStringLiteral("WITH d AS (DELETE FROM t RETURNING 1) SELECT * FROM d")), StatementKind::Command);
        QCOMPARE(classify(QStringLiteral("WITH x AS (SELECT 'delete' AS \"update\") SELECT * FROM x -- delete")),
                 StatementKind::Query);
        QCOMPARE(classify(QStringLiteral("show timezone")), StatementKind::Command);
    }

    void theConsoleIsReadOnlyTimesOutAndCancels()
    {
        // A write is refused by the server, whatever way it is written.
        for (const char *sql : {"DELETE FROM shop.items", "WITH d AS (DELETE FROM shop.items RETURNING 1) SELECT * FROM d",
                                "CREATE TABLE shop.x (a int)"}) {
            const auto e = errorOf([&] {
                if (classify(QLatin1String(sql)) == StatementKind::Query)
                    QueryCursor(*m_conn, QLatin1String(sql), {});
                else
                    Console::runCommand(*m_conn, QLatin1String(sql), 0);
            });
            QVERIFY2(e, sql);
            QCOMPARE(e->sqlstate(), QStringLiteral("25006"));
        }
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items")), 737);
        // statement_timeout inside the statement's transaction.
        auto e = errorOf([&] { QueryCursor c(*m_conn, QStringLiteral("SELECT pg_sleep(5)"), {}, 200); c.next(1); });
        QVERIFY(e);
        QCOMPARE(e->sqlstate(), QStringLiteral("57014"));
        // Cancel from another thread (the GUI's Cancel): the statement stops.
        CancelToken token;
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly, &token);
        std::thread canceller([&token] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            token.cancel();
        });
        e = errorOf([&] { Console::runCommand(*conn, QStringLiteral("SELECT pg_sleep(10)"), 0); });
        canceller.join();
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Cancelled);
        // The connection is usable afterwards.
        auto fresh = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        QCOMPARE(Console::runCommand(*fresh, QStringLiteral("SHOW transaction_read_only"), 0).result.value(0, 0),
                 QStringLiteral("on"));
    }

    void explainMarksTheCostliestNode()
    {
        const PlanNode plan = Console::explain(
            *m_conn, QStringLiteral("SELECT i.name, count(*) FROM shop.items i JOIN shop.orders o ON o.item_id = i.id GROUP BY 1"),
            false, 0);
        QVERIFY(!plan.type.isEmpty());
        QVERIFY(plan.totalCost > 0);
        int costliest = 0;
        std::vector<const PlanNode *> stack{&plan};
        while (!stack.empty()) {
            const PlanNode *n = stack.back();
            stack.pop_back();
            costliest += n->costliest ? 1 : 0;
            for (const PlanNode &c : n->children)
                stack.push_back(&c);
        }
        QCOMPARE(costliest, 1);
        const PlanNode analyzed = Console::explain(*m_conn, QStringLiteral("SELECT count(*) FROM shop.items"), true, 0);
        QVERIFY(analyzed.analyzed);
        QCOMPARE(analyzed.actualRows, 1.0);
        // EXPLAIN ANALYZE of a write runs it in a transaction that is rolled back.
        auto rw = test::connect(m_db);
        const PlanNode write = Console::explain(*rw, QStringLiteral("DELETE FROM shop.orders"), true, 0, true);
        QVERIFY(write.analyzed);
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM shop.orders")), 20);
    }

    void aConfirmedWriteIsJournalledAndAudited()
    {
        auto rw = test::connect(m_db);
        const CommandResult r = Console::runWrite(*rw, QStringLiteral("UPDATE shop.orders SET item_id = 1 WHERE id <= 3"),
                                                  QStringLiteral("fix three orders"), 0);
        QCOMPARE(r.tag, QStringLiteral("UPDATE 3"));
        QCOMPARE(scalar(*m_conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log WHERE action = 'console-write' "
                                                "AND reason = 'fix three orders'")),
                 1);
        QStringList phases;
        for (const audit::Entry &e : audit::readJournal(50))
            if (e.action == QLatin1String("console-write") && e.target == m_db.database())
                phases << e.phase;
        QCOMPARE(phases, (QStringList{"done", "intent"})); // newest first
    }

    void theCliTwins()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString db = m_db.storableString();
        CliRun t = runCli({QStringLiteral("tables"), QStringLiteral("--db"), db, QStringLiteral("--schema"),
                           QStringLiteral("shop"), QStringLiteral("--json")});
        QCOMPARE(t.exitCode, 0);
        QCOMPARE(t.json().array()[0].toObject()[QStringLiteral("relations")].toArray().size(), 6);
        // Page through with --after until "next" is null: every row once, in key order.
        QStringList ids;
        QString after;
        for (int i = 0; i < 100; ++i) {
            QStringList args{QStringLiteral("rows"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                             QStringLiteral("shop.items"), QStringLiteral("--limit"), QStringLiteral("250"),
                             QStringLiteral("--json")};
            if (!after.isEmpty())
                args << QStringLiteral("--after") << after;
            const CliRun r = runCli(args);
            QCOMPARE(r.exitCode, 0);
            const QJsonObject o = r.json().object();
            for (const auto &row : o[QStringLiteral("rows")].toArray())
                ids << QString::number(row.toObject()[QStringLiteral("id")].toInteger()); // a number (docs/CLI.md)
            if (o[QStringLiteral("next")].isNull())
                break;
            after = QString::fromUtf8(QJsonDocument(o[QStringLiteral("next")].toArray()).toJson(QJsonDocument::Compact));
        }
        QCOMPARE(ids, expected(QStringLiteral("SELECT id FROM shop.items ORDER BY id")));
        CliRun bad = runCli({QStringLiteral("rows"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                             QStringLiteral("shop.items"), QStringLiteral("--where-col"), QStringLiteral("qty"),
                             QStringLiteral("--eq"), QStringLiteral("many")});
        QCOMPARE(bad.exitCode, 2);
        CliRun q = runCli({QStringLiteral("query"), QStringLiteral("--db"), db, QStringLiteral("--sql"),
                           QStringLiteral("SELECT id, name FROM shop.items WHERE id IN (7, 11) ORDER BY id"),
                           QStringLiteral("--json")});
        QCOMPARE(q.exitCode, 0);
        QCOMPARE(q.out.trimmed(), QByteArray("{\"id\":7,\"name\":\"\"}\n{\"id\":11,\"name\":null}"));
        CliRun w = runCli({QStringLiteral("query"), QStringLiteral("--db"), db, QStringLiteral("--sql"),
                           QStringLiteral("DELETE FROM shop.items")});
        QCOMPARE(w.exitCode, 1);
        QVERIFY(w.err.contains("25006"));
    }
};

QTEST_MAIN(TestBrowse)
#include "tst_browse.moc"
