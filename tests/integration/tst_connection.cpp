// pg::Connection against the real sandbox server: parameters, typed errors, read-only
// sessions, cancellation, lost connections, connection failures, quoting, transactions
// and COPY.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"

#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestConnection : public QObject
{
    Q_OBJECT

private:
    pg::ConnectionSettings m_db;
    QStringList m_roles;

private slots:
    void initTestCase()
    {
        m_db = emptyDatabase(QStringLiteral("conn"));
        auto conn = test::connect(m_db);
        QCOMPARE(conn->database(), m_db.database());
    }

    void cleanupTestCase()
    {
        if (!m_db.database().isEmpty())
            dropDatabase(m_db.database());
        if (!m_roles.isEmpty()) {
            auto conn = test::connect(serverSettings());
            for (const QString &role : m_roles)
                conn->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(conn->quoteIdentifier(role)));
        }
    }

    void boundParametersStayLiteral()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE TABLE victim (id int)"));
        conn->exec(QStringLiteral("INSERT INTO victim VALUES (1)"));
        const QString hostile = QStringLiteral("'; DROP TABLE victim; --");
        const auto r = conn->exec(QStringLiteral("SELECT $1::text"), {hostile});
        QCOMPARE(r.rowCount(), 1);
        QCOMPARE(r.value(0, 0), hostile);

        // Also as a value compared inside a WHERE clause and stored in a row.
        conn->exec(QStringLiteral("CREATE TABLE notes (body text)"));
        conn->exec(QStringLiteral("INSERT INTO notes VALUES ($1)"), {hostile});
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM notes WHERE body = $1"), {hostile}), 1);

        QVERIFY(conn->exec(QStringLiteral("SELECT to_regclass('public.victim') IS NOT NULL")).toBool(0, 0));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM victim")), 1);

        // NULL travels as NULL, not as the text "null" or an empty string.
        const auto n = conn->exec(QStringLiteral("SELECT $1::text IS NULL"), {pg::Param(nullptr)});
        QVERIFY(n.toBool(0, 0));
        conn->exec(QStringLiteral("DROP TABLE victim, notes"));
    }

    void uniqueViolationCarriesSqlstateAndDetail()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE TABLE uniq (k int CONSTRAINT uniq_k_key UNIQUE)"));
        conn->exec(QStringLiteral("INSERT INTO uniq VALUES ($1)"), {42});
        const auto e = errorOf([&] { conn->exec(QStringLiteral("INSERT INTO uniq VALUES ($1)"), {42}); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Query);
        QCOMPARE(e->sqlstate(), QStringLiteral("23505"));
        QVERIFY2(e->message().contains(QLatin1String("uniq_k_key")), qPrintable(e->message()));
        QVERIFY2(e->detail().contains(QLatin1String("(k)=(42)")), qPrintable(e->detail()));
        QVERIFY(e->oneLine().contains(QLatin1String("23505")));
        // The connection is still usable after a statement error.
        QVERIFY(conn->isAlive());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM uniq")), 1);
        conn->exec(QStringLiteral("DROP TABLE uniq"));
    }

    void raisedExceptionCarriesDetailAndHint()
    {
        auto conn = test::connect(m_db);
        const auto e = errorOf([&] {
            conn->exec(QStringLiteral(
                "DO $$ BEGIN RAISE EXCEPTION 'custom failure %', 7 "
                "USING DETAIL = 'the detail text', HINT = 'the hint text', ERRCODE = 'P0042'; END $$"));
        });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Query);
        QCOMPARE(e->sqlstate(), QStringLiteral("P0042"));
        QCOMPARE(e->message(), QStringLiteral("custom failure 7"));
        QCOMPARE(e->detail(), QStringLiteral("the detail text"));
        QCOMPARE(e->hint(), QStringLiteral("the hint text"));
    }

    void readOnlySessionRefusesWritesButReads()
    {
        {
            auto rw = test::connect(m_db);
            rw->exec(QStringLiteral("CREATE TABLE ro_target (x int)"));
            rw->exec(QStringLiteral("INSERT INTO ro_target VALUES (1), (2)"));
        }
        auto ro = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        QVERIFY(ro->isReadOnly());
        QCOMPARE(scalar(*ro, QStringLiteral("SELECT count(*) FROM ro_target")), 2);

        const auto insert = errorOf([&] { ro->exec(QStringLiteral("INSERT INTO ro_target VALUES (3)")); });
        QVERIFY(insert);
        QCOMPARE(insert->kind(), Error::Kind::Query);
        QCOMPARE(insert->sqlstate(), QStringLiteral("25006"));

        const auto ddl = errorOf([&] { ro->exec(QStringLiteral("CREATE TABLE ro_new (x int)")); });
        QVERIFY(ddl);
        QCOMPARE(ddl->sqlstate(), QStringLiteral("25006"));

        // Each statement runs in a read-only transaction of its own; nothing is set for the
        // session (PgBouncer's default configuration refuses startup "options").
        QCOMPARE(ro->exec(QStringLiteral("SHOW transaction_read_only")).value(0, 0),
                 QStringLiteral("on"));
        QCOMPARE(ro->exec(QStringLiteral("SHOW default_transaction_read_only")).value(0, 0),
                 QStringLiteral("off"));
        QCOMPARE(scalar(*ro, QStringLiteral("SELECT count(*) FROM ro_target")), 2);

        // A transaction opened through the connection is read-only too.
        const auto inTransaction = errorOf([&] {
            ro->transaction([&] {
                QCOMPARE(ro->exec(QStringLiteral("SHOW transaction_read_only")).value(0, 0),
                         QStringLiteral("on"));
                ro->exec(QStringLiteral("UPDATE ro_target SET x = x + 1"));
            });
        });
        QVERIFY(inTransaction);
        QCOMPARE(inTransaction->sqlstate(), QStringLiteral("25006"));
        // COPY too.
        const auto copy = errorOf([&] {
            ro->copyOut(QStringLiteral("COPY (SELECT 1) TO STDOUT"), [](const char *, int) { return true; });
            ro->exec(QStringLiteral("CREATE TEMP TABLE ro_tmp_after_copy (x int)"));
        });
        QVERIFY(copy);
        QCOMPARE(copy->sqlstate(), QStringLiteral("25006"));
        // Comments and blanks before a statement do not hide it.
        const auto commented = errorOf([&] {
            ro->exec(QStringLiteral("  -- note\n/* c */ INSERT INTO ro_target VALUES (4)"));
        });
        QVERIFY(commented);
        QCOMPARE(commented->sqlstate(), QStringLiteral("25006"));
        // After all those errors the connection is idle and usable.
        QCOMPARE(scalar(*ro, QStringLiteral("SELECT count(*) FROM ro_target")), 2);

        auto rw = test::connect(m_db);
        QCOMPARE(scalar(*rw, QStringLiteral("SELECT count(*) FROM ro_target")), 2);
        QVERIFY(!rw->exec(QStringLiteral("SELECT to_regclass('public.ro_new') IS NOT NULL")).toBool(0, 0));
        rw->exec(QStringLiteral("DROP TABLE ro_target"));
    }

    void transactionSettingsHoldInEveryTransaction()
    {
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        conn->setTransactionSetting(QStringLiteral("TimeZone"), QStringLiteral("Pacific/Auckland"));
        conn->setTransactionSetting(QStringLiteral("app.current_player_id"), QStringLiteral("p-1"));
        QCOMPARE(conn->exec(QStringLiteral("SHOW TimeZone")).value(0, 0), QStringLiteral("Pacific/Auckland"));
        QCOMPARE(conn->exec(QStringLiteral("SELECT current_setting('app.current_player_id')")).value(0, 0),
                 QStringLiteral("p-1"));
        conn->transaction([&] {
            QCOMPARE(conn->exec(QStringLiteral("SHOW TimeZone")).value(0, 0),
                     QStringLiteral("Pacific/Auckland"));
        });
        // Never for the session: an explicit transaction of its own sees the server default.
        conn->exec(QStringLiteral("BEGIN"));
        const QString plain = conn->exec(QStringLiteral("SHOW TimeZone")).value(0, 0);
        conn->exec(QStringLiteral("COMMIT"));
        QVERIFY(plain != QStringLiteral("Pacific/Auckland"));
        // A failing statement leaves the connection idle, its settings still applied next time.
        QVERIFY(errorOf([&] { conn->exec(QStringLiteral("SELECT 1/0")); }));
        QCOMPARE(conn->exec(QStringLiteral("SHOW TimeZone")).value(0, 0), QStringLiteral("Pacific/Auckland"));
    }

    void cancelInterruptsRunningStatement()
    {
        // A unique application_name lets the watcher find exactly our backend.
        const QString app = uniqueName(QStringLiteral("cancel"));
        pg::ConnectionSettings settings = m_db;
        settings.setValue(QStringLiteral("application_name"), app);

        Worker worker;
        QFuture<Outcome<int>> future = worker.run<int>([settings](TaskContext &ctx) {
            auto conn = pg::Connection::open(settings, pg::Connection::Access::ReadWrite,
                                             &ctx.cancelToken());
            conn->exec(QStringLiteral("SELECT pg_sleep(30)"));
            return 1;
        });

        auto watcher = test::connect(serverSettings());
        auto sleeping = [&] {
            return scalar(*watcher,
                          QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 "
                                         "AND state = 'active' AND query LIKE '%pg_sleep(30)%'"),
                          {app}) == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 20000);
        worker.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);

        const Outcome<int> outcome = future.result();
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind(), Error::Kind::Cancelled);
        QCOMPARE(outcome.error().sqlstate(), QStringLiteral("57014"));
        QVERIFY(outcome.cancelled());
    }

    void terminatedBackendIsConnectionError()
    {
        auto victim = test::connect(m_db);
        const int pid = victim->backendPid();
        QVERIFY(pid > 0);
        QVERIFY(victim->isAlive());
        pg::Connection *raw = victim.get();

        // The connection is handed to the worker thread for the statement and only used
        // again here after the future has finished (one thread at a time).
        Worker worker;
        QFuture<Outcome<int>> future = worker.run<int>([raw](TaskContext &) {
            raw->exec(QStringLiteral("SELECT pg_sleep(30)"));
            return 1;
        });

        auto killer = test::connect(serverSettings());
        auto sleeping = [&] {
            return scalar(*killer,
                          QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                         "AND state = 'active' AND query LIKE '%pg_sleep(30)%'"),
                          {pid}) == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sleeping(), 20000);
        QVERIFY(killer->exec(QStringLiteral("SELECT pg_terminate_backend($1)"), {pid}).toBool(0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);

        const Outcome<int> outcome = future.result();
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().kind(), Error::Kind::Connection);
        const QString state = outcome.error().sqlstate();
        QVERIFY2(state == QLatin1String("57P01") || state == QLatin1String("08006"), qPrintable(state));
        QVERIFY(!victim->isAlive());
        // Further statements fail as connection errors too, not as crashes.
        const auto again = errorOf([&] { victim->exec(QStringLiteral("SELECT 1")); });
        QVERIFY(again);
        QCOMPARE(again->kind(), Error::Kind::Connection);
    }

    void nothingListeningIsConnectionErrorWithHint()
    {
        // Port 1 on the loopback: nothing listens there.
        pg::ConnectionSettings s;
        s.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        s.setValue(QStringLiteral("port"), QStringLiteral("1"));
        s.setValue(QStringLiteral("user"), QStringLiteral("statescope"));
        s.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
        const auto e = errorOf([&] { pg::Connection::open(s); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Connection);
        QVERIFY2(!e->hint().isEmpty(), qPrintable(e->oneLine()));
        QVERIFY2(e->detail().contains(QLatin1String("refused")), qPrintable(e->detail()));

        // The same for a Unix socket directory with no server in it.
        s.setValue(QStringLiteral("host"), QStringLiteral("/nonexistent"));
        const auto local = errorOf([&] { pg::Connection::open(s); });
        QVERIFY(local);
        QCOMPARE(local->kind(), Error::Kind::Connection);
        QVERIFY2(!local->hint().isEmpty(), qPrintable(local->oneLine()));
    }

    void wrongPasswordIs28P01()
    {
        const QString role = uniqueName(QStringLiteral("role"));
        {
            auto admin = test::connect(serverSettings());
            // CREATE ROLE takes no parameters; the name is quoted and the password is ours.
            admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'right-secret'")
                            .arg(admin->quoteIdentifier(role)));
            m_roles << role;
        }
        pg::ConnectionSettings tcp;
        tcp.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        tcp.setValue(QStringLiteral("port"), serverSettings().value(QStringLiteral("port")));
        tcp.setValue(QStringLiteral("user"), role);
        tcp.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));

        tcp.setPassword(QStringLiteral("wrong-secret"));
        const auto e = errorOf([&] { pg::Connection::open(tcp); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Connection);
        QCOMPARE(e->sqlstate(), QStringLiteral("28P01"));
        QVERIFY(!e->hint().isEmpty());
        // The password never shows up in what is reported.
        QVERIFY(!e->oneLine().contains(QLatin1String("wrong-secret")));

        // The right password works over the same route, so the failure above was the password.
        tcp.setPassword(QStringLiteral("right-secret"));
        auto ok = pg::Connection::open(tcp);
        QCOMPARE(ok->user(), role);
    }

    void missingDatabaseIs3D000()
    {
        const auto e = errorOf([&] {
            pg::Connection::open(serverSettings().withDatabase(uniqueName(QStringLiteral("missing"))));
        });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Connection);
        QCOMPARE(e->sqlstate(), QStringLiteral("3D000"));
        QVERIFY(!e->hint().isEmpty());
    }

    void missingRoleIsNotReportedAsMissingDatabase()
    {
        // The server answers 28000 (invalid_authorization_specification) for an unknown
        // role; it must not be mistaken for a missing database (3D000).
        pg::ConnectionSettings s = serverSettings();
        s.setValue(QStringLiteral("user"), uniqueName(QStringLiteral("nobody")));
        const auto e = errorOf([&] { pg::Connection::open(s); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Connection);
        QVERIFY2(e->detail().contains(QLatin1String("role")), qPrintable(e->detail()));
        QCOMPARE(e->sqlstate(), QStringLiteral("28000"));
    }

    void quoteIdentifierHandlesQuotesAndCase()
    {
        auto conn = test::connect(m_db);
        const QString name = QStringLiteral("Weird \"name\"");
        const QString quoted = conn->quoteIdentifier(name);
        QCOMPARE(quoted, QStringLiteral("\"Weird \"\"name\"\"\""));
        QCOMPARE(conn->quoteIdentifier(QStringLiteral("plain")), QStringLiteral("\"plain\""));

        conn->exec(QStringLiteral("CREATE TABLE %1 (x int)").arg(quoted));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = $1 "
                                              "AND relkind = 'r'"),
                        {name}),
                 1);
        // Upper case survives: the folded name does not exist.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = $1"),
                        {name.toLower()}),
                 0);
        conn->exec(QStringLiteral("INSERT INTO %1 VALUES (1)").arg(quoted));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM %1").arg(quoted)), 1);
        conn->exec(QStringLiteral("DROP TABLE %1").arg(quoted));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = $1"), {name}),
                 0);
    }

    void transactionRollsBackOnException()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE TABLE tx (x int)"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, conn->transaction([&] {
            conn->exec(QStringLiteral("INSERT INTO tx VALUES (1)"));
            throw std::runtime_error("boom");
        }));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM tx")), 0);

        // An Error from a statement rolls back the earlier statements of the block too.
        const auto e = errorOf([&] {
            conn->transaction([&] {
                conn->exec(QStringLiteral("INSERT INTO tx VALUES (2)"));
                conn->exec(QStringLiteral("SELECT 1/0"));
            });
        });
        QVERIFY(e);
        QCOMPARE(e->sqlstate(), QStringLiteral("22012"));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM tx")), 0);

        // A successful block commits, and the value comes back.
        const int v = conn->transaction([&] {
            conn->exec(QStringLiteral("INSERT INTO tx VALUES (3)"));
            return 3;
        });
        QCOMPARE(v, 3);
        auto other = test::connect(m_db);
        QCOMPARE(scalar(*other, QStringLiteral("SELECT count(*) FROM tx WHERE x = 3")), 1);
        conn->exec(QStringLiteral("DROP TABLE tx"));
    }

    void pipelineRunsItsStatementsInOrderInOneTransaction()
    {
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        conn->setTransactionSetting(QStringLiteral("TimeZone"), QStringLiteral("Pacific/Auckland"));
        pg::Connection::Framing framing;
        framing.begin = framing.commit = true;
        framing.isolation = QByteArrayLiteral("ISOLATION LEVEL REPEATABLE READ");
        const std::vector<pg::Result> r = conn->pipeline(
            {{QStringLiteral("SELECT $1::int + 1"), {41}},
             {QStringLiteral("SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only'),"
                             " current_setting('TimeZone')")},
             {QStringLiteral("SELECT x FROM generate_series(1, 3) x")},
             {QStringLiteral("SELECT pg_backend_pid()")}},
            framing);
        QCOMPARE(r.size(), size_t(4));
        QCOMPARE(r[0].toInt(0, 0), 42);
        QCOMPARE(r[1].value(0, 0), QStringLiteral("repeatable read"));
        QCOMPARE(r[1].value(0, 1), QStringLiteral("on"));
        QCOMPARE(r[1].value(0, 2), QStringLiteral("Pacific/Auckland"));
        QCOMPARE(r[2].rowCount(), 3);
        QCOMPARE(r[2].toInt(2, 0), 3);
        QCOMPARE(r[3].toInt(0, 0), conn->backendPid());
        QVERIFY(!conn->inTransaction());

        // Unframed, outside a transaction, a read-only connection still frames them itself:
        // the write is refused, not run in the server's implicit transaction.
        {
            auto rw = test::connect(m_db);
            rw->exec(QStringLiteral("CREATE TABLE pipe_ro (x int)"));
        }
        const auto write = errorOf([&] {
            conn->pipeline({{QStringLiteral("SELECT 1")}, {QStringLiteral("INSERT INTO pipe_ro VALUES (1)")}});
        });
        QVERIFY(write);
        QCOMPARE(write->sqlstate(), QStringLiteral("25006"));
        QVERIFY(!conn->inTransaction());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pipe_ro")), 0);
        // No statements: nothing to send, nothing comes back, the connection stays usable.
        QVERIFY(conn->pipeline({}).empty());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT 7")), 7);
        test::connect(m_db)->exec(QStringLiteral("DROP TABLE pipe_ro"));
    }

    void pipelineStopsAtTheFirstFailureAndKeepsNothing()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE TABLE pipe_tx (x int)"));
        pg::Connection::Framing framing;
        framing.begin = framing.commit = true;
        // The statement after the failure is not run; the one before it is rolled back.
        const auto e = errorOf([&] {
            conn->pipeline({{QStringLiteral("INSERT INTO pipe_tx VALUES (1)")},
                            {QStringLiteral("SELECT 1/$1::int"), {0}},
                            {QStringLiteral("INSERT INTO pipe_tx VALUES (2)")}},
                           framing);
        });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Query);
        QCOMPARE(e->sqlstate(), QStringLiteral("22012"));
        QVERIFY(!conn->inTransaction());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pipe_tx")), 0);

        // Unframed outside a transaction: the server's implicit transaction, all or nothing.
        QVERIFY(errorOf([&] {
            conn->pipeline({{QStringLiteral("INSERT INTO pipe_tx VALUES (3)")}, {QStringLiteral("SELECT 1/0")}});
        }));
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pipe_tx")), 0);
        QCOMPARE(conn->pipeline({{QStringLiteral("INSERT INTO pipe_tx VALUES (4)")},
                                 {QStringLiteral("SELECT count(*) FROM pipe_tx")}})
                     .back()
                     .toInt(0, 0),
                 1);

        // In the caller's transaction: left open and failed, for the caller to roll back.
        conn->begin();
        QVERIFY(errorOf([&] {
            conn->pipeline({{QStringLiteral("INSERT INTO pipe_tx VALUES (5)")}, {QStringLiteral("SELECT 1/0")}});
        }));
        QVERIFY(conn->inFailedTransaction());
        conn->rollbackQuietly();
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pipe_tx")), 1);
        // A statement that cannot even be parsed fails the same way, naming itself.
        const auto syntax = errorOf([&] {
            conn->pipeline({{QStringLiteral("SELECT 1")}, {QStringLiteral("SELEC 2")}}, framing);
        });
        QVERIFY(syntax);
        QCOMPARE(syntax->sqlstate(), QStringLiteral("42601"));
        QVERIFY(!conn->inTransaction());
        conn->exec(QStringLiteral("DROP TABLE pipe_tx"));
    }

    // A statement marked for reuse is prepared once and then run by name, in the same one
    // round trip; losing the prepared statement (DEALLOCATE, a table's changed shape) costs
    // a retry, never a wrong answer; the cache keeps at most kMostPrepared names.
    void reusedStatementsArePreparedOnceAndSurviveTheirLoss()
    {
        test::connect(m_db)->execScript(QStringLiteral("CREATE TABLE reuse_t (x int); INSERT INTO reuse_t VALUES (1), (2), (3)"));
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        conn->setTransactionSetting(QStringLiteral("TimeZone"), QStringLiteral("UTC"));
        const pg::Connection::Statement page{QStringLiteral("SELECT x FROM reuse_t WHERE x > $1 ORDER BY x"), {1}, true};
        const auto held = [&] {
            return scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'statescope\\_%'"));
        };
        QVERIFY(!conn->prepares());
        QCOMPARE(conn->pipeline({page}).front().rowCount(), 2);
        QCOMPARE(conn->prepares(), std::optional<bool>(true)); // no pooler between us
        QCOMPARE(conn->preparedCount(), 0);                    // the first time only asks
        for (int i = 0; i < 3; ++i) {
            const quint64 trips = conn->roundTrips();
            const pg::Result r = conn->pipeline({page}).front();
            QCOMPARE(conn->roundTrips(), trips + 1);
            QCOMPARE(r.rowCount(), 2);
            QCOMPARE(r.toInt(1, 0), 3);
        }
        QCOMPARE(conn->preparedCount(), 2); // the page and the transaction's settings
        QCOMPARE(held(), conn->preparedCount());

        // Gone from the session: prepared again, the answer unchanged.
        conn->exec(QStringLiteral("DEALLOCATE ALL"));
        QCOMPARE(held(), 1); // only the settings, which this count's own transaction prepared again
        QCOMPARE(conn->pipeline({page}).front().toInt(0, 0), 2);
        QCOMPARE(conn->pipeline({page}).front().toInt(0, 0), 2);
        QCOMPARE(held(), conn->preparedCount());

        // The table's rows change shape under the cached plan: run anew, in the new shape.
        test::connect(m_db)->execScript(QStringLiteral("ALTER TABLE reuse_t ALTER x TYPE text; INSERT INTO reuse_t VALUES ('4x')"));
        const pg::Result changed = conn->pipeline({{QStringLiteral("SELECT x FROM reuse_t WHERE x > $1 ORDER BY x"), {QStringLiteral("1")}, true}}).front();
        QCOMPARE(changed.rowCount(), 3);
        QCOMPARE(changed.value(2, 0), QStringLiteral("4x"));
        QCOMPARE(held(), conn->preparedCount());

        // A text the server refuses is never kept as prepared: the same error each time.
        for (int i = 0; i < 2; ++i) {
            const auto e = errorOf([&] { conn->pipeline({{QStringLiteral("SELEC $1"), {1}, true}}); });
            QVERIFY(e);
            QCOMPARE(e->sqlstate(), QStringLiteral("42601"));
        }

        // More texts than the cache keeps: the least recently used are deallocated, on the
        // server too, and every answer stays right.
        for (int i = 0; i < pg::Connection::kMostPrepared + 20; ++i)
            QCOMPARE(conn->pipeline({{QStringLiteral("SELECT $1::int + %1").arg(i), {1}, true}}).front().toInt(0, 0), i + 1);
        QCOMPARE(conn->preparedCount(), pg::Connection::kMostPrepared);
        QCOMPARE(held(), conn->preparedCount());
        QCOMPARE(conn->pipeline({page}).front().rowCount(), 3);

        // A read-write connection's pipelines run unframed: a name it no longer keeps is not
        // deallocated beside the caller's statements, where a DEALLOCATE that fails (the name
        // already gone) would roll the caller's writes back unseen.
        auto rw = test::connect(m_db);
        for (int i = 0; i < pg::Connection::kMostPrepared + 5; ++i)
            rw->pipeline({{QStringLiteral("SELECT $1::int + %1").arg(i), {1}, true}});
        rw->exec(QStringLiteral("DEALLOCATE ALL"));
        rw->pipeline({{QStringLiteral("INSERT INTO reuse_t VALUES ($1)"), {QStringLiteral("kept")}, true}});
        QCOMPARE(scalar(*test::connect(m_db), QStringLiteral("SELECT count(*) FROM reuse_t WHERE x = 'kept'")), 1);
        // Enough of them wait, and they are deallocated on their own.
        for (int i = 0; i < 40; ++i)
            rw->pipeline({{QStringLiteral("SELECT $1::int - %1").arg(i), {1}, true}});
        QVERIFY(scalar(*rw, QStringLiteral("SELECT count(*) FROM pg_prepared_statements")) <= rw->preparedCount() + 16);
        test::connect(m_db)->exec(QStringLiteral("DROP TABLE reuse_t"));
    }

    void copyInInsertsRows()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE TABLE copied (id int, label text)"));
        QList<QByteArray> chunks = {"1\tone\n2\ttwo\n", "3\tthr", "ee\n"};
        const qint64 rows = conn->copyIn(QStringLiteral("COPY copied (id, label) FROM STDIN"), [&] {
            return chunks.isEmpty() ? QByteArray() : chunks.takeFirst();
        });
        QCOMPARE(rows, 3);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM copied")), 3);
        QCOMPARE(conn->exec(QStringLiteral("SELECT label FROM copied WHERE id = 3")).value(0, 0),
                 QStringLiteral("three"));
        conn->exec(QStringLiteral("DROP TABLE copied"));
    }

    void cancelledCopyLeavesNothing()
    {
        {
            auto setup = test::connect(m_db);
            setup->exec(QStringLiteral("CREATE TABLE copy_cancel (id int)"));
        }
        CancelToken token;
        auto conn = pg::Connection::open(m_db, pg::Connection::Access::ReadWrite, &token);
        int produced = 0;
        const auto e = errorOf([&] {
            conn->copyIn(QStringLiteral("COPY copy_cancel (id) FROM STDIN"), [&]() -> QByteArray {
                ++produced;
                if (produced == 2)
                    token.cancel(); // the user cancels while rows are streaming
                if (produced > 1000)
                    return {}; // guard: never loop forever if cancellation is ignored
                return QByteArray::number(produced) + '\n';
            });
        });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Cancelled);
        QVERIFY(produced < 1000);

        auto check = test::connect(m_db);
        QCOMPARE(scalar(*check, QStringLiteral("SELECT count(*) FROM copy_cancel")), 0);
        check->exec(QStringLiteral("DROP TABLE copy_cancel"));
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
