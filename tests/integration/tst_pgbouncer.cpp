// Through a real PgBouncer in transaction mode with its default configuration: browsing
// works (nothing in our startup packet is refused), read-only holds per transaction even
// when clients share one server connection, transaction settings do not leak to the next
// client, and the CLI's browsing commands give the same answers as a direct connection.

#include "support/pgbouncer.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/events/eventfilter.h"
#include "core/events/eventstore.h"
#include "core/pg/connection.h"
#include "core/replay/gamestore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestPgBouncer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgBouncer> m_bouncer;
    pg::ConnectionSettings m_db;
    demo::DemoReport m_demo;

private slots:
    void initTestCase()
    {
        m_db = freshDatabase(QStringLiteral("pgb"));
        {
            auto conn = test::connect(m_db);
            m_demo = seedDemo(*conn, 6, 300);
        }
        m_bouncer = std::make_unique<PgBouncer>(directServerSettings(), 1);
        QVERIFY2(m_bouncer->isRunning(), qPrintable(m_bouncer->problem()));
    }
    void cleanupTestCase()
    {
        m_bouncer.reset();
        dropDatabase(m_db.database());
    }

    void listingManyDatabasesLeavesTheServerConnectionsFree()
    {
        // More databases than the server has connections to spare, listed through PgBouncer
        // (which keeps a server connection open for each database read): every one is
        // listed, with its version or why not, and the server still takes connections.
        auto admin = test::connect(directServerSettings());
        const int max = int(scalar(*admin, QStringLiteral("SELECT current_setting('max_connections')::int")));
        const int free = int(scalar(*admin, QStringLiteral(
                                                "SELECT current_setting('max_connections')::int - "
                                                "current_setting('superuser_reserved_connections')::int - (SELECT count(*) "
                                                "FROM pg_stat_activity WHERE backend_type = 'client backend')")));
        const QString prefix = uniqueName(QStringLiteral("t_many"));
        const int count = free + 5;
        QStringList names;
        for (int w = 1; w <= count; ++w) {
            names << QStringLiteral("%1_%2_w%3").arg(prefix).arg(2000 + w / 50).arg(w % 50 + 1, 2, 10, QLatin1Char('0'));
            admin->exec(QStringLiteral("CREATE DATABASE %1").arg(admin->quoteIdentifier(names.last())));
        }
        {
            PgBouncer bouncer(directServerSettings(), 20); // one pool per database, as by default
            QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.problem()));
            const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                       bouncer.settings(QStringLiteral("postgres")).storableString(), QStringLiteral("--prefix"),
                                       prefix, QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            int listed = 0, notRead = 0;
            for (const QJsonValue &v : run.json().array()) {
                ++listed;
                const QString problem = v.toObject().value(QStringLiteral("problem")).toString();
                notRead += problem.contains(QLatin1String("pooler"));
            }
            QCOMPARE(listed, count);
            QVERIFY2(notRead > 0, qPrintable(QString::number(notRead)));
            // The server still has connections to give, to anyone.
            const qint64 left = scalar(*admin, QStringLiteral("SELECT current_setting('max_connections')::int - "
                                                              "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = "
                                                              "'client backend')"));
            QVERIFY2(left >= std::max(5, max / 4) - 1, qPrintable(QString::number(left)));
            auto another = test::connect(directServerSettings());
            QCOMPARE(scalar(*another, QStringLiteral("SELECT 1")), 1);
        }
        for (const QString &name : std::as_const(names))
            admin->exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(admin->quoteIdentifier(name)));
    }

    void readOnlyHoldsWhenClientsShareAServerConnection()
    {
        // One role for both clients (one that is not a superuser, so reading does not move to
        // a reader login's pool of its own): both get the one server connection of the pool,
        // transaction by transaction.
        const QString role = QStringLiteral("t_pgb_%1").arg(QCoreApplication::applicationPid());
        {
            auto admin = test::connect(m_db);
            admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
            admin->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS public.pgb_t (x int)"));
            admin->exec(QStringLiteral("GRANT SELECT, INSERT ON public.pgb_t TO %1").arg(role));
        }
        auto through = m_bouncer->settings(m_db.database());
        through.setValue(QStringLiteral("user"), role);
        {
            auto ro = pg::Connection::open(through, pg::Connection::Access::ReadOnly);
            auto rw = pg::Connection::open(through, pg::Connection::Access::ReadWrite);
            QCOMPARE(ro->readProtection().kind, pg::ReadProtection::Kind::PlainRole);
            for (int round = 0; round < 5; ++round) {
                const auto refused = errorOf([&] { ro->exec(QStringLiteral("INSERT INTO public.pgb_t VALUES (1)")); });
                QVERIFY(refused);
                QCOMPARE(refused->sqlstate(), QStringLiteral("25006"));
                rw->exec(QStringLiteral("INSERT INTO public.pgb_t VALUES ($1)"), {round});
                QCOMPARE(ro->exec(QStringLiteral("SHOW transaction_read_only")).value(0, 0), QStringLiteral("on"));
                QCOMPARE(rw->exec(QStringLiteral("SHOW transaction_read_only")).value(0, 0), QStringLiteral("off"));
                // A statement marked for reuse is never prepared here: the next transaction
                // may run on another server session, where its name means nothing.
                const pg::Connection::Statement reused{QStringLiteral("SELECT count(*) FROM public.pgb_t WHERE x >= $1"), {0}, true};
                QCOMPARE(ro->pipeline({reused}).front().toInt(0, 0), round + 1);
            }
            QCOMPARE(ro->prepares(), std::optional<bool>(false));
            QCOMPARE(ro->preparedCount(), 0);
            QCOMPARE(scalar(*ro, QStringLiteral("SELECT count(*) FROM public.pgb_t")), 5);
            // The same backend served both: the sharing really happened.
            QCOMPARE(ro->exec(QStringLiteral("SELECT pg_backend_pid()")).value(0, 0),
                     rw->exec(QStringLiteral("SELECT pg_backend_pid()")).value(0, 0));
        }
        auto admin = test::connect(m_db);
        admin->exec(QStringLiteral("DROP TABLE public.pgb_t"));
        // Its pooled server session goes with PgBouncer; the role after it.
        m_bouncer.reset();
        m_bouncer = std::make_unique<PgBouncer>(directServerSettings(), 1);
        admin->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    void transactionSettingsDoNotLeakToTheNextClient()
    {
        const auto through = m_bouncer->settings(m_db.database());
        auto a = pg::Connection::open(through, pg::Connection::Access::ReadOnly);
        auto b = pg::Connection::open(through, pg::Connection::Access::ReadOnly);
        a->setTransactionSetting(QStringLiteral("app.current_player_id"), QStringLiteral("alice"));
        QCOMPARE(a->exec(QStringLiteral("SELECT current_setting('app.current_player_id', true)")).value(0, 0),
                 QStringLiteral("alice"));
        const QString seenByB =
            b->exec(QStringLiteral("SELECT coalesce(current_setting('app.current_player_id', true), '')"))
                .value(0, 0);
        QCOMPARE(seenByB, QString());
    }

    void eventsAndGamesBrowseThroughIt()
    {
        const auto through = m_bouncer->settings(m_db.database());
        auto direct = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        auto pooled = pg::Connection::open(through, pg::Connection::Access::ReadOnly);
        events::EventStore viaDirect(*direct);
        events::EventStore viaPool(*pooled);
        viaDirect.prepare();
        viaPool.prepare();
        events::EventFilter f;
        const auto a = viaDirect.page(f, {}, events::EventStore::Direction::Older, 50);
        const auto b = viaPool.page(f, {}, events::EventStore::Direction::Older, 50);
        QCOMPARE(b.size(), a.size());
        QVERIFY(!a.empty());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].id, a[i].id);
            QCOMPARE(b[i].fetchedAt, a[i].fetchedAt);
        }
        const auto gamesDirect = replay::GameStore(*direct).list({});
        const auto gamesPooled = replay::GameStore(*pooled).list({});
        QCOMPARE(gamesPooled.size(), gamesDirect.size());
    }

    void cliBrowsingCommandsAnswerAsDirectly()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString pooled = m_bouncer->settings(m_db.database()).storableString();
        const QString direct = m_db.storableString();
        const QList<QStringList> commands = {
            {QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("20")},
            {QStringLiteral("games"), QStringLiteral("list")},
            {QStringLiteral("check"), QStringLiteral("--game"), m_demo.brokenGameId},
            {QStringLiteral("replay"), QStringLiteral("--game"), m_demo.brokenGameId, QStringLiteral("--to"), QStringLiteral("3")},
            {QStringLiteral("db"), QStringLiteral("status")},
            {QStringLiteral("metrics"), QStringLiteral("list")},
        };
        for (const QStringList &command : commands) {
            const CliRun viaPool = runCli(command + QStringList{QStringLiteral("--db"), pooled, QStringLiteral("--json")});
            const CliRun viaDirect = runCli(command + QStringList{QStringLiteral("--db"), direct, QStringLiteral("--json")});
            QVERIFY2(viaPool.exitCode == 0, qPrintable(command.join(' ') + QStringLiteral(": ") + viaPool.describe()));
            QCOMPARE(viaPool.exitCode, viaDirect.exitCode);
            QCOMPARE(viaPool.out, viaDirect.out);
        }
    }
};

QTEST_GUILESS_MAIN(TestPgBouncer)
#include "tst_pgbouncer.moc"
