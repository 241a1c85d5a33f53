// Foreign partitions: a partitioned table whose older month is a postgres_fdw foreign table
// on a second real sandbox server. Detected with its server, browsed through the parent (no
// key is possible: the cursor path), filters sent on to the foreign server (EXPLAIN VERBOSE's
// Remote SQL), and a server that stops answering named in a clear error.

#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/rows.h"
#include "core/browse/schema.h"
#include "core/error.h"
#include "core/layout/catalog.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::browse;

class TestForeign : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{statescope::test::shortTempTemplate(QStringLiteral("ssfdw"))};
    std::optional<sandbox::Sandbox> m_box;
    pg::ConnectionSettings m_far;
    pg::ConnectionSettings m_db;

    const layout::CatalogTable *events(const QList<layout::CatalogTable> &catalog)
    {
        for (const layout::CatalogTable &t : catalog)
            if (t.schema == QLatin1String("public") && t.name == QLatin1String("events"))
                return &t;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        sandbox::Options o;
        o.dir = m_dir.path();
        o.durable = false;
        m_box.emplace(o);
        m_far = m_box->start().settings;
        const QString remote = uniqueName(QStringLiteral("fdw_far"));
        test::connect(m_far)->exec(QStringLiteral("CREATE DATABASE %1").arg(remote));
        test::connect(m_far.withDatabase(remote))->execScript(QStringLiteral(
            "CREATE TABLE public.events_2025_01 (id bigint, player_id uuid, occurred_at timestamptz NOT NULL, kind text);"
            "INSERT INTO public.events_2025_01 SELECT g, md5(g::text)::uuid, '2025-01-01'::timestamptz + g * interval "
            "'1 minute', CASE WHEN g % 10 = 0 THEN 'trade' ELSE 'move' END FROM generate_series(1, 500) g;"));
        m_db = emptyDatabase(QStringLiteral("fdw_here"));
        // As the PostgreSQL documentation sets it up; the mapping FOR PUBLIC lets the reading
        // role (a superuser's reader login) through as well.
        test::connect(m_db)->execScript(QStringLiteral(
            "CREATE EXTENSION postgres_fdw;"
            "CREATE SERVER archive_srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%1', port '%2', dbname '%3');"
            "CREATE USER MAPPING FOR PUBLIC SERVER archive_srv OPTIONS (user 'statescope', password_required 'false');"
            "CREATE TABLE public.events (id bigint, player_id uuid, occurred_at timestamptz NOT NULL, kind text) "
            "  PARTITION BY RANGE (occurred_at);"
            "CREATE FOREIGN TABLE public.events_2025_01 PARTITION OF public.events "
            "  FOR VALUES FROM ('2025-01-01') TO ('2025-02-01') SERVER archive_srv;"
            "CREATE TABLE public.events_2025_02 PARTITION OF public.events FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');"
            "INSERT INTO public.events_2025_02 SELECT g, md5(g::text)::uuid, '2025-02-01'::timestamptz + g * interval "
            "'1 minute', CASE WHEN g % 10 = 0 THEN 'trade' ELSE 'move' END FROM generate_series(1, 300) g;"
            "ANALYZE public.events_2025_02;")
                                                   .arg(m_far.value(QStringLiteral("host")),
                                                        m_far.value(QStringLiteral("port")), remote));
    }

    void cleanupTestCase()
    {
        if (!m_db.database().isEmpty())
            dropDatabase(m_db.database());
        if (m_box)
            m_box->stop();
    }

    void eachPartitionShowsItsServer()
    {
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        const auto catalog = layout::readCatalog(*conn);
        const layout::CatalogTable *t = events(catalog);
        QVERIFY(t);
        QCOMPARE(t->partitionList.size(), 2);
        QCOMPARE(t->partitionList[0].name, QStringLiteral("public.events_2025_01"));
        QVERIFY(t->partitionList[0].foreign);
        QCOMPARE(t->partitionList[0].server, QStringLiteral("archive_srv"));
        QVERIFY(!t->partitionList[1].foreign);
        QVERIFY(t->partitionList[1].server.isEmpty());
        // The schema tree and the details say it too; the foreign partition opens on its own.
        const auto tree = readSchemaTree(*conn);
        const auto schema = std::find_if(tree.begin(), tree.end(), [](const SchemaInfo &s) { return s.name == QLatin1String("public"); });
        QVERIFY(schema != tree.end());
        QCOMPARE(schema->relations.first().partitions.first().foreignServer, QStringLiteral("archive_srv"));
        const RelationDetails parent = readDetails(*conn, QStringLiteral("public"), QStringLiteral("events"));
        QVERIFY(parent.key.isEmpty()); // PostgreSQL allows no unique index over a foreign partition
        QCOMPARE(parent.relation.partitions.first().foreignServer, QStringLiteral("archive_srv"));
        const RelationDetails part = readDetails(*conn, QStringLiteral("public"), QStringLiteral("events_2025_01"));
        QCOMPARE(part.relation.foreignServer, QStringLiteral("archive_srv"));
        QVERIFY2(part.ddl.contains(QLatin1String("CREATE FOREIGN TABLE")) && part.ddl.contains(QLatin1String("SERVER \"archive_srv\"")),
                 qPrintable(part.ddl));
    }

    void browsingThroughTheParentSendsTheFilterOn()
    {
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        RowSource src(*conn, readDetails(*conn, QStringLiteral("public"), QStringLiteral("events")));
        QVERIFY(!src.keyed());
        const QList<Filter> trades{{QStringLiteral("kind"), Filter::Op::Equals, QStringLiteral("trade")}};
        const auto [sql, params] = src.selectAll(trades, {});
        {
            QueryCursor cursor(*conn, sql, params);
            qint64 n = 0;
            while (!cursor.total())
                n += cursor.next(7).rowCount();
            QCOMPARE(n, 50 + 30); // the foreign month's and the local month's
        }
        // The filter travels to the foreign server, not applied here after reading every row.
        QString plan;
        const pg::Result explained = conn->transaction([&] {
            return conn->exec(QStringLiteral("EXPLAIN (VERBOSE, COSTS OFF) ") + sql, params);
        });
        for (int i = 0; i < explained.rowCount(); ++i)
            plan += explained.value(i, 0) + QLatin1Char('\n');
        QVERIFY2(plan.contains(QLatin1String("Remote SQL:")), qPrintable(plan));
        const qsizetype remote = plan.indexOf(QLatin1String("Remote SQL:"));
        const QString remoteLine = plan.mid(remote, plan.indexOf(QLatin1Char('\n'), remote) - remote);
        QVERIFY2(remoteLine.contains(QLatin1String("WHERE")) && remoteLine.contains(QLatin1String("kind")),
                 qPrintable(plan));
    }

    void aServerThatStopsAnsweringIsNamed()
    {
        auto admin = test::connect(m_db);
        admin->exec(QStringLiteral("ALTER SERVER archive_srv OPTIONS (SET port '1')"));
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        RowSource src(*conn, readDetails(*conn, QStringLiteral("public"), QStringLiteral("events")));
        const auto [sql, params] = src.selectAll({}, {});
        const auto err = errorOf([&, sql = sql, params = params] {
            QueryCursor cursor(*conn, sql, params);
            cursor.next(10);
        });
        admin->exec(QStringLiteral("ALTER SERVER archive_srv OPTIONS (SET port '%1')").arg(m_far.value(QStringLiteral("port"))));
        QVERIFY(err);
        QCOMPARE(err->kind(), Error::Kind::Query); // our own connection is fine
        QVERIFY2(err->message().contains(QLatin1String("foreign server did not answer"))
                     && err->message().contains(QLatin1String("archive_srv")),
                 qPrintable(err->message()));
        QVERIFY(!err->hint().isEmpty());
        // The local month still reads on its own, on the same connection.
        RowSource local(*conn, readDetails(*conn, QStringLiteral("public"), QStringLiteral("events_2025_02")));
        const auto [lsql, lparams] = local.selectAll({}, {});
        QueryCursor cursor(*conn, lsql, lparams);
        QCOMPARE(cursor.next(5).rowCount(), 5);
    }
};

QTEST_GUILESS_MAIN(TestForeign)
#include "tst_foreign.moc"
