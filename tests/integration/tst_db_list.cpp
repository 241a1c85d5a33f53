// db list on a server that runs short of connections, through a real PgBouncer (which keeps a
// server connection per database it has seen): every database is listed, with its size and
// sessions from the one maintenance session; what could not be read says why instead of
// being left out; a database that takes no connections is listed as such.

#include "support/pgbouncer.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestDbList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(cliIsExecutable(), kNoCli); }

    void everyDatabaseIsListedWhenTheServerRunsShortOfConnections()
    {
        QTemporaryDir dir(QStringLiteral("/tmp/ssdbl-XXXXXX"));
        QVERIFY(dir.isValid());
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        o.extraSettings = {QStringLiteral("max_connections = 12")};
        sandbox::Sandbox box(o);
        const sandbox::Info server = box.start();
        QStringList names;
        {
            auto conn = pg::Connection::open(server.settings);
            for (int i = 0; i < 18; ++i) {
                const QString name = QStringLiteral("t_dbl_2025_w%1").arg(i + 1, 2, 10, QLatin1Char('0'));
                conn->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
                names << name;
            }
            // One that takes no connections (a reset under way, say).
            conn->exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(names.last()));
        }
        PgBouncer bouncer(server.settings, 1);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.problem()));
        const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                   bouncer.settings(QStringLiteral("postgres")).storableString(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QSet<QString> listed;
        int unread = 0;
        for (const auto &v : run.json().array()) {
            const QJsonObject d = v.toObject();
            const QString name = d.value(QStringLiteral("name")).toString();
            listed.insert(name);
            // The size comes from the maintenance session, read or not.
            QVERIFY2(d.value(QStringLiteral("size_bytes")).toDouble() > 0, qPrintable(name));
            const bool inspected = d.value(QStringLiteral("inspected")).toBool();
            const QString problem = d.value(QStringLiteral("problem")).toString();
            QVERIFY2(inspected != !problem.isEmpty(), qPrintable(name + QStringLiteral(": ") + problem));
            if (!inspected)
                ++unread;
            if (name == names.last()) {
                QCOMPARE(d.value(QStringLiteral("takes_connections")).toBool(true), false);
                QVERIFY(!inspected);
            }
        }
        for (const QString &name : std::as_const(names))
            QVERIFY2(listed.contains(name), qPrintable(name + QStringLiteral(" is missing from the list")));
        // What could not be read is said on stderr too (the closed one at least).
        QVERIFY(unread >= 1);
        QVERIFY2(run.err.contains(QByteArray::number(unread) + " database(s) could not be inspected"), run.err.constData());
        qInfo("%d of %lld databases could not be read through PgBouncer with max_connections 12", unread,
              static_cast<long long>(names.size()));
        box.stop();
    }

    // Between the names and each database's state, one database is closed to connections and
    // another dropped (a reset and a drop from another window): the first is listed as no
    // longer taking connections, the second not at all, directly and through a PgBouncer
    // (where a login to a dropped database would wait instead of failing).
    void aDatabaseClosedOrDroppedAfterTheNamesIsToldApart_data()
    {
        QTest::addColumn<bool>("viaPooler");
        QTest::newRow("direct") << false;
        QTest::newRow("through PgBouncer") << true;
    }
    void aDatabaseClosedOrDroppedAfterTheNamesIsToldApart()
    {
        QFETCH(bool, viaPooler);
        const QString prefix = uniqueName(QStringLiteral("tdbr"));
        const QString open = prefix + QStringLiteral("_2025_w01"), closed = prefix + QStringLiteral("_2025_w02"),
                      dropped = prefix + QStringLiteral("_2025_w03");
        auto conn = test::connect(serverSettings());
        for (const QString &name : {open, closed, dropped})
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        const auto cleanup = qScopeGuard([&] {
            for (const QString &name : {open, closed, dropped})
                dropDatabase(name);
        });
        std::unique_ptr<PgBouncer> bouncer;
        if (viaPooler) {
            bouncer = std::make_unique<PgBouncer>(serverSettings(), 2);
            QVERIFY2(bouncer->isRunning(), qPrintable(bouncer->problem()));
        }
        const weekly::ServerAdmin admin(viaPooler ? bouncer->settings(QStringLiteral("postgres")) : serverSettings());
        const QList<weekly::DatabaseInfo> names = admin.listNames(prefix);
        QCOMPARE(names.size(), 3);
        conn->exec(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(closed));
        dropDatabase(dropped);
        const QList<weekly::DatabaseInfo> listed = admin.inspect(names);
        QStringList seen;
        for (const weekly::DatabaseInfo &d : listed) {
            seen << d.name;
            if (d.name == open) {
                QVERIFY2(d.inspected, qPrintable(d.problem));
            } else if (d.name == closed) {
                QVERIFY(!d.inspected);
                QVERIFY(!d.takesConnections);
                QVERIFY2(d.problem.contains(QLatin1String("stopped taking connections")), qPrintable(d.problem));
            }
        }
        QCOMPARE(seen, (QStringList{open, closed}));
    }

    void fortySixWeeksThroughPgBouncersDefaultsLeaveTheServerOpen()
    {
        // The case a campaign found: PgBouncer's default pool size, a server of
        // max_connections 20, 46 databases. Every one is listed (its version, or why not),
        // and afterwards the server still takes a new client, through PgBouncer and directly.
        QTemporaryDir dir(QStringLiteral("/tmp/ssdb46-XXXXXX"));
        QVERIFY(dir.isValid());
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        o.extraSettings = {QStringLiteral("max_connections = 20")};
        sandbox::Sandbox box(o);
        const sandbox::Info server = box.start();
        QStringList names;
        {
            auto conn = pg::Connection::open(server.settings);
            for (int i = 0; i < 46; ++i) {
                names << QStringLiteral("t_db46_%1_w%2").arg(2024 + i / 23).arg(i % 23 + 1, 2, 10, QLatin1Char('0'));
                conn->exec(QStringLiteral("CREATE DATABASE %1").arg(names.last()));
            }
        }
        PgBouncer bouncer(server.settings, 20); // default_pool_size's default
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.problem()));
        const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                   bouncer.settings(QStringLiteral("postgres")).storableString(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QSet<QString> listed;
        int inspected = 0;
        for (const auto &v : run.json().array()) {
            const QJsonObject d = v.toObject();
            const QString name = d.value(QStringLiteral("name")).toString();
            if (!name.startsWith(QLatin1String("t_db46_")))
                continue;
            listed.insert(name);
            const bool read = d.value(QStringLiteral("inspected")).toBool();
            QVERIFY2(read == d.value(QStringLiteral("problem")).toString().isEmpty(), qPrintable(name));
            inspected += read;
        }
        QCOMPARE(listed.size(), names.size());
        QVERIFY(inspected > 0);
        // PgBouncer keeps what it opened, idle; the server must still have room for anyone.
        auto direct = pg::Connection::open(server.settings);
        QCOMPARE(direct->exec(QStringLiteral("SELECT 1")).toLongLong(0, 0), 1);
        auto pooled = pg::Connection::open(bouncer.settings(names.first()));
        QCOMPARE(pooled->exec(QStringLiteral("SELECT 1")).toLongLong(0, 0), 1);
        const qint64 held = direct->exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE backend_type = "
                                                        "'client backend'"))
                                .toLongLong(0, 0);
        qInfo("46 databases through PgBouncer's defaults on max_connections 20: %d inspected, %lld server "
              "connections held afterwards",
              inspected, static_cast<long long>(held));
        QVERIFY2(held <= 20 - 3, qPrintable(QString::number(held)));
        pooled.reset();
        direct.reset();
        box.stop();
    }
};

QTEST_GUILESS_MAIN(TestDbList)
#include "tst_db_list.moc"
