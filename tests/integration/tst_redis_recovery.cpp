// Galaxy's recovery answer with a real Redis (Debian's redis-server, started here on a free
// port): each row of the game's rule (Redis absent, ahead, equal, behind), the values a
// restart uses from the winning side, a Redis that does not answer (the snapshot's answer,
// unconfirmed), a password, URLs that are not Redis URLs, and the CLI twin.
#include "integration/snapshotsfixture.h"

#include "core/error.h"
#include "core/snapshots/redisrecovery.h"

#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;
using namespace statescope::snapshots;

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestRedisRecovery : public QObject, public test::SnapshotsFixture
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_redis;
    int m_port = 0;
    pg::ConnectionSettings m_db;
    qint64 m_newest = 0; // the newest snapshot's tick

    QString url() const { return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port); }

    void cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("redis-cli"), QStringList{QStringLiteral("-p"), QString::number(m_port)} + args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
    }
    void setTick(const QString &tick)
    {
        if (tick.isEmpty())
            cli({QStringLiteral("DEL"), QStringLiteral("game:tick")});
        else
            cli({QStringLiteral("SET"), QStringLiteral("game:tick"), tick});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty(),
                 "redis-server is part of the set-up (packaging/packages.list)");
        m_port = freePort();
        m_redis.setWorkingDirectory(m_dir.path());
        m_redis.start(QStringLiteral("redis-server"),
                      {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"), QStringLiteral("no"),
                       QStringLiteral("--dir"), m_dir.path()});
        QVERIFY(m_redis.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QProcess::execute(QStringLiteral("redis-cli"),
                                                   {QStringLiteral("-p"), QString::number(m_port), QStringLiteral("PING")})
                                     == 0,
                                 10000);
        m_db = galaxy(QStringLiteral("redis_rec"), 12);
        m_newest = 12 * 60;
        cli({QStringLiteral("MSET"), QStringLiteral("game:paused"), QStringLiteral("true"), QStringLiteral("game:tick_rate"),
             QStringLiteral("4.0"), QStringLiteral("game:total_spawns"), QStringLiteral("77")});
    }

    void cleanupTestCase()
    {
        m_redis.kill();
        m_redis.waitForFinished(5000);
        dropAll();
    }

    void withoutRedisTheAnswerAssumesItEmpty()
    {
        auto conn = test::connect(m_db);
        const RecoveryAnswer a = recoveryAnswer(*conn, std::nullopt);
        QCOMPARE(a.source, RecoveryAnswer::Source::Snapshot);
        QCOMPARE(a.tick, QString::number(m_newest));
        QVERIFY2(a.why.contains(QLatin1String("assuming Redis is empty")), qPrintable(a.why));
        // The snapshot's own values, as its state holds them.
        QCOMPARE(a.paused, QStringLiteral("false"));
        QCOMPARE(a.tickRate, scalarText(*conn, "tick_rate"));
        QCOMPARE(a.totalSpawns, scalarText(*conn, "total_spawns"));
    }

    void eachRowOfTheRule_data()
    {
        QTest::addColumn<QString>("redisTick");
        QTest::addColumn<bool>("redisWins");
        QTest::addColumn<QString>("why");
        QTest::newRow("absent") << QString() << false << QStringLiteral("no game:tick");
        QTest::newRow("ahead") << QStringLiteral("100000") << true << QStringLiteral("newer");
        QTest::newRow("equal") << QString::number(12 * 60) << false << QStringLiteral("authoritative");
        QTest::newRow("behind") << QStringLiteral("5") << false << QStringLiteral("stale");
    }

    void eachRowOfTheRule()
    {
        QFETCH(QString, redisTick);
        QFETCH(bool, redisWins);
        QFETCH(QString, why);
        setTick(redisTick);
        auto conn = test::connect(m_db);
        const RecoveryAnswer a = recoveryAnswer(*conn, RedisUrl::parse(url()));
        QVERIFY2(a.redisError.isEmpty(), qPrintable(a.redisError));
        QCOMPARE(a.source, redisWins ? RecoveryAnswer::Source::Redis : RecoveryAnswer::Source::Snapshot);
        QVERIFY2(a.why.contains(why), qPrintable(a.why));
        QCOMPARE(a.snapshot.snapshot->tick, m_newest);
        if (redisWins) {
            QCOMPARE(a.tick, redisTick);
            QCOMPARE(a.paused, QStringLiteral("true"));
            QCOMPARE(a.tickRate, QStringLiteral("4.0"));
            QCOMPARE(a.totalSpawns, QStringLiteral("77"));
        } else {
            QCOMPARE(a.tick, QString::number(m_newest));
            QCOMPARE(a.paused, QStringLiteral("false"));
        }
        // Reading never writes: the keys are as they were set.
        QProcess p;
        p.start(QStringLiteral("redis-cli"), {QStringLiteral("-p"), QString::number(m_port), QStringLiteral("DBSIZE")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.readAllStandardOutput().trimmed().toInt(), redisTick.isEmpty() ? 3 : 4);
    }

    void aRedisThatDoesNotAnswerLeavesTheSnapshotUnconfirmed()
    {
        auto conn = test::connect(m_db);
        const QString dead = QStringLiteral("redis://127.0.0.1:%1/0").arg(freePort());
        const RecoveryAnswer a = recoveryAnswer(*conn, RedisUrl::parse(dead));
        QCOMPARE(a.source, RecoveryAnswer::Source::Snapshot);
        QVERIFY2(a.redisError.contains(dead), qPrintable(a.redisError));
        QVERIFY2(a.why.contains(QLatin1String("unconfirmed")), qPrintable(a.why));
    }

    void aPasswordFromTheUrl()
    {
        cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"), QStringLiteral("s3cret")});
        auto conn = test::connect(m_db);
        const RecoveryAnswer refused = recoveryAnswer(*conn, RedisUrl::parse(url()));
        QVERIFY2(!refused.redisError.isEmpty(), "Redis asks for a password");
        const RecoveryAnswer ok = recoveryAnswer(*conn, RedisUrl::parse(QStringLiteral("redis://:s3cret@127.0.0.1:%1/0").arg(m_port)));
        QVERIFY2(ok.redisError.isEmpty(), qPrintable(ok.redisError));
        QVERIFY(!ok.redisUrl.contains(QLatin1String("s3cret"))); // never shown
        QProcess::execute(QStringLiteral("redis-cli"), {QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-a"),
                                                        QStringLiteral("s3cret"), QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                                        QStringLiteral("requirepass"), QString()});
    }

    void urlsThatAreNotRedisUrls()
    {
        for (const QString &bad : {QStringLiteral("rediss://127.0.0.1:6379/0"), QStringLiteral("http://x/0"),
                                   QStringLiteral("redis://"), QStringLiteral("redis://h:70000/0"),
                                   QStringLiteral("redis://h:6379/zero"), QStringLiteral("redis://h/1?x=1")}) {
            try {
                RedisUrl::parse(bad);
                QFAIL(qPrintable(bad + QStringLiteral(" was taken")));
            } catch (const Error &e) {
                QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            }
        }
        const RedisUrl u = RedisUrl::parse(QStringLiteral("redis://cache.internal:6380/2"));
        QCOMPARE(u.host, QStringLiteral("cache.internal"));
        QCOMPARE(u.port, 6380);
        QCOMPARE(u.db, 2);
        QCOMPARE(RedisUrl::parse(QStringLiteral("redis://h")).port, 6379);
    }

    void theCliTwin()
    {
        QVERIFY2(test::cliIsExecutable(), test::kNoCli);
        setTick(QStringLiteral("99999"));
        const test::CliRun run = test::runCli({QStringLiteral("snapshots"), QStringLiteral("recovery"), QStringLiteral("--db"),
                                               m_db.storableString(), QStringLiteral("--redis"), url(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject o = run.json().object();
        QCOMPARE(o.value(QStringLiteral("source")).toString(), QStringLiteral("redis"));
        QCOMPARE(o.value(QStringLiteral("redis_tick")).toInteger(), 99999);
        QCOMPARE(o.value(QStringLiteral("snapshot_tick")).toInteger(), m_newest);
        QVERIFY(o.value(QStringLiteral("confirmed")).toBool());
        QCOMPARE(o.value(QStringLiteral("values")).toObject().value(QStringLiteral("total_spawns")).toString(), QStringLiteral("77"));
        const test::CliRun tls = test::runCli({QStringLiteral("snapshots"), QStringLiteral("recovery"), QStringLiteral("--db"),
                                               m_db.storableString(), QStringLiteral("--redis"),
                                               QStringLiteral("rediss://127.0.0.1:1/0")});
        QCOMPARE(tls.exitCode, 2);
        QVERIFY(tls.err.contains("TLS"));
    }

private:
    static QString scalarText(pg::Connection &conn, const char *key)
    {
        return conn.exec(QStringLiteral("SELECT state->>$1 FROM core.snapshots ORDER BY tick_number DESC, created_at DESC, id DESC LIMIT 1"),
                         {QString::fromLatin1(key)})
            .value(0, 0);
    }
};

QTEST_GUILESS_MAIN(TestRedisRecovery)
#include "tst_redis_recovery.moc"
