// A real streaming standby (pg_basebackup -R from the test server): browsing works on it,
// and every write action refuses up front, saying the server is a standby, instead of a
// raw 25006 halfway or a "success" because there happened to be nothing to do.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace statescope;
using namespace statescope::test;

class TestStandby : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    sandbox::Info m_standby;
    pg::ConnectionSettings m_primaryDb;
    demo::DemoReport m_demo;

    pg::ConnectionSettings onStandby(const QString &database) const
    {
        pg::ConnectionSettings s = m_standby.settings;
        s.setValue(QStringLiteral("dbname"), database);
        return s;
    }
    // A write command run against the standby: refused, saying why, changing nothing.
    void checkRefused(const QStringList &args)
    {
        const CliRun run = runCli(args + QStringList{QStringLiteral("--json")});
        QVERIFY2(run.exitCode != 0, qPrintable(args.join(' ') + QStringLiteral(": ") + run.describe()));
        QVERIFY2(run.errorField("message").contains(QStringLiteral("standby")),
                 qPrintable(args.join(' ') + QStringLiteral(": ") + run.describe()));
        QCOMPARE(run.errorField("sqlstate"), QStringLiteral("25006"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        m_primaryDb = freshDatabase(QStringLiteral("stb"));
        {
            auto conn = test::connect(m_primaryDb);
            m_demo = seedDemo(*conn, 4, 60);
        }
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/ssstb-XXXXXX"));
        sandbox::Options o;
        o.dir = m_dir->path();
        o.durable = false;
        o.standbyOf = directServerSettings();
        m_standby = sandbox::Sandbox(o).start();
        // Wait until the standby has replayed the database made above.
        QElapsedTimer waited;
        waited.start();
        bool visible = false;
        while (!visible && waited.elapsed() < 60000) {
            try {
                auto conn = pg::Connection::open(onStandby(m_primaryDb.database()),
                                                 pg::Connection::Access::ReadOnly);
                visible = scalar(*conn, QStringLiteral("SELECT count(*) FROM core.games")) == 4;
            } catch (const Error &) {
            }
            if (!visible)
                QThread::msleep(200);
        }
        QVERIFY2(visible, "the standby did not replay the test database in 60 s");
    }
    void cleanupTestCase()
    {
        if (m_dir) {
            sandbox::Options o;
            o.dir = m_dir->path();
            sandbox::Sandbox(o).stop();
            // The standby's slot would keep the primary's WAL for ever.
            auto primary = test::connect(serverSettings());
            primary->exec(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM "
                                         "pg_replication_slots WHERE slot_name LIKE $1 || '%' "
                                         "AND NOT active"),
                          {sandbox::standbySlotName(m_standby.dataDir)});
        }
        dropDatabase(m_primaryDb.database());
    }

    void browsingWorksOnTheStandby()
    {
        auto conn = pg::Connection::open(onStandby(m_primaryDb.database()), pg::Connection::Access::ReadOnly);
        QVERIFY(conn->isStandby());
        const QString server = m_standby.settings.storableString();
        const QString db = onStandby(m_primaryDb.database()).storableString();
        const CliRun list = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"), server, QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY(list.out.contains(m_primaryDb.database().toUtf8()));
        for (const QStringList &args : QList<QStringList>{
                 {QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--db"), db},
                 {QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"), db},
                 {QStringLiteral("check"), QStringLiteral("--db"), db, QStringLiteral("--game"), m_demo.brokenGameId},
                 {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--db"), db},
                 {QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), db, QStringLiteral("--dry-run")}}) {
            const CliRun run = runCli(args + QStringList{QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(args.join(' ') + QStringLiteral(": ") + run.describe()));
        }
    }

    void readsGoToTheReadReplicaAndWritesToThePrimary()
    {
        pg::ConnectionSettings replica;
        replica.setValue(QStringLiteral("host"), m_standby.settings.value(QStringLiteral("host")));
        replica.setValue(QStringLiteral("port"), m_standby.settings.value(QStringLiteral("port")));
        replica.setValue(QStringLiteral("dbname"), QStringLiteral("postgres")); // never used
        pg::ConnectionSettings primary = m_primaryDb;
        primary.setReadReplica(replica);
        {
            auto reader = pg::Connection::open(primary, pg::Connection::Access::ReadOnly);
            QVERIFY(reader->isStandby());
            QCOMPARE(reader->exec(QStringLiteral("SELECT current_database()")).value(0, 0),
                     m_primaryDb.database());
            QCOMPARE(scalar(*reader, QStringLiteral("SELECT count(*) FROM core.games")), 4);
            auto writer = pg::Connection::open(primary, pg::Connection::Access::ReadWrite);
            QVERIFY(!writer->isStandby());
        }
        // A replica that cannot be reached says so; writes are not affected.
        replica.setValue(QStringLiteral("port"), QString::number(test::freePort()));
        primary.setReadReplica(replica);
        const auto e = errorOf([&] { pg::Connection::open(primary, pg::Connection::Access::ReadOnly); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Connection);
        QVERIFY2(e->message().contains(QLatin1String("read replica")), qPrintable(e->message()));
        QVERIFY(!pg::Connection::open(primary, pg::Connection::Access::ReadWrite)->isStandby());
        primary.clearReadReplica();
        QVERIFY(!pg::Connection::open(primary, pg::Connection::Access::ReadOnly)->isStandby());
    }

    void everyWriteRefusesUpFront()
    {
        const QString server = m_standby.settings.storableString();
        const QString name = m_primaryDb.database();
        const QString db = onStandby(name).storableString();
        checkRefused({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("--server"), server,
                      QStringLiteral("--name"), uniqueName(QStringLiteral("stbnew"))});
        // Nothing is pending: this used to "succeed" on a standby.
        checkRefused({QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), db});
        checkRefused({QStringLiteral("db"), QStringLiteral("repair"), QStringLiteral("--db"), db,
                      QStringLiteral("--confirm"), name});
        checkRefused({QStringLiteral("db"), QStringLiteral("drop"), QStringLiteral("--server"), server,
                      QStringLiteral("--name"), name, QStringLiteral("--confirm"), name});
        checkRefused({QStringLiteral("db"), QStringLiteral("reset"), QStringLiteral("--server"), server,
                      QStringLiteral("--name"), name, QStringLiteral("--confirm"), name});
        checkRefused({QStringLiteral("rollback"), QStringLiteral("--db"), db, QStringLiteral("--game"),
                      m_demo.brokenGameId, QStringLiteral("--to"), QStringLiteral("1"),
                      QStringLiteral("--reason"), QStringLiteral("test"), QStringLiteral("--confirm"),
                      m_demo.brokenGameId});
        checkRefused({QStringLiteral("snapshots"), QStringLiteral("prune"), QStringLiteral("--db"), db,
                      QStringLiteral("--confirm"), name});
        checkRefused({QStringLiteral("metrics"), QStringLiteral("refresh"), QStringLiteral("--db"), db,
                      QStringLiteral("--view"), QStringLiteral("metrics.events_per_hour")});
        // The primary is untouched: the database is still there with all its games.
        auto primary = test::connect(m_primaryDb);
        QCOMPARE(scalar(*primary, QStringLiteral("SELECT count(*) FROM core.games")), 4);
    }
};

QTEST_GUILESS_MAIN(TestStandby)
#include "tst_standby.moc"
