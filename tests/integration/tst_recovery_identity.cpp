// A killed drop is found again whatever reaches its server afterwards: the server restarted
// on another port, a multi-host connection string, the standby promoted in its place after
// the primary went away. Runs are filed under the server's system identifier, not under the
// text that reached it. Each scenario runs on servers of its own (private sandboxes), with a
// real statescope-cli killed while it dumps.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kRows = 5000;

// A database with rows on `server`; returns its name.
QString databaseWithRows(const pg::ConnectionSettings &server, const QString &hint)
{
    const QString name = uniqueName(hint);
    auto conn = pg::Connection::open(server);
    conn->exec(QStringLiteral("CREATE DATABASE %1").arg(conn->quoteIdentifier(name)));
    auto db = pg::Connection::open(server.withDatabase(name));
    db->exec(QStringLiteral("CREATE TABLE public.w (id bigint PRIMARY KEY, pad text)"));
    db->exec(QStringLiteral("INSERT INTO public.w SELECT g, repeat('x', 100) FROM generate_series(1, $1) g"),
             {kRows});
    return name;
}

QString killedDrop(const pg::ConnectionSettings &server, const QString &name, const QString &backups)
{
    QString why;
    const QString op = runCliKilledWhileDumping(
        {QStringLiteral("db"), QStringLiteral("drop"), QStringLiteral("--server"), server.storableString(),
         QStringLiteral("--name"), name, QStringLiteral("--confirm"), name, QStringLiteral("--reason"),
         QStringLiteral("killed"), QStringLiteral("--backup-dir"), backups},
        name, &why);
    if (op.isEmpty())
        qWarning("%s", qPrintable(why));
    return op;
}

// The runs `db recover --server` lists for that server, by operation id: their stage.
QMap<QString, QString> listedOn(const pg::ConnectionSettings &server)
{
    const CliRun run = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                               server.storableString(), QStringLiteral("--json")});
    QMap<QString, QString> out;
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(run.describe()));
        return out;
    }
    for (const auto &v : run.json().object().value(QStringLiteral("runs")).toArray())
        out.insert(v.toObject().value(QStringLiteral("op")).toString(),
                   v.toObject().value(QStringLiteral("stage")).toString());
    return out;
}

qint64 onServer(const pg::ConnectionSettings &server, const QString &sql, const QString &name)
{
    return scalar(*pg::Connection::open(server), sql, {name});
}

void checkFenceDown(const pg::ConnectionSettings &server, const QString &name)
{
    QCOMPARE(onServer(server, QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), name), -1);
    QCOMPARE(onServer(server, QStringLiteral("SELECT has_database_privilege('public', $1, 'CONNECT')::int"), name), 1);
    QCOMPARE(onServer(server, QStringLiteral("SELECT datallowconn::int FROM pg_database WHERE datname = $1"), name), 1);
    QCOMPARE(scalar(*pg::Connection::open(server.withDatabase(name)), QStringLiteral("SELECT count(*) FROM public.w")),
             kRows);
}

} // namespace

class TestRecoveryIdentity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_backups;

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_backups.isValid());
    }

    void aRunIsFoundAfterTheServerRestartedOnAnotherPort()
    {
        QTemporaryDir dir(QStringLiteral("/tmp/ssrid-XXXXXX"));
        QVERIFY(dir.isValid());
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        sandbox::Sandbox box(o);
        const sandbox::Info before = box.start();
        const QString name = databaseWithRows(before.settings, QStringLiteral("rid_port"));
        const QString op = killedDrop(before.settings, name, m_backups.path());
        QVERIFY(!op.isEmpty());
        QCOMPARE(listedOn(before.settings).value(op), QStringLiteral("not_dropped"));

        // Without --server: every unfinished run, with where it was.
        const CliRun all = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
        bool listed = false;
        for (const auto &v : all.json().object().value(QStringLiteral("runs")).toArray())
            if (v.toObject().value(QStringLiteral("op")).toString() == op) {
                listed = true;
                QVERIFY(!v.toObject().value(QStringLiteral("server_id")).toString().isEmpty());
                QVERIFY(v.toObject().value(QStringLiteral("server")).toString().contains(QString::number(before.port)));
            }
        QVERIFY(listed);

        // The same server on another port: the old one is held, so the restart cannot take it.
        box.stop();
        QTcpServer hold;
        QVERIFY(hold.listen(QHostAddress::LocalHost, quint16(before.port)));
        const sandbox::Info after = box.start();
        hold.close();
        QVERIFY(after.port != before.port);
        QCOMPARE(listedOn(after.settings).value(op), QStringLiteral("not_dropped"));

        // A multi-host string naming it (twice) finds it too.
        pg::ConnectionSettings multi = after.settings;
        multi.setValue(QStringLiteral("host"), after.socketDir + QLatin1Char(',') + after.socketDir);
        multi.setValue(QStringLiteral("port"), QStringLiteral("%1,%1").arg(after.port));
        QVERIFY(multi.displayName() != after.settings.displayName());
        QCOMPARE(listedOn(multi).value(op), QStringLiteral("not_dropped"));

        // Recorded under another name of a server with this identity: acted on only when the
        // person says it is the same server (a copy made from it shares the identifier).
        const QStringList restore = {QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                     multi.storableString(), QStringLiteral("--op"), op,
                                     QStringLiteral("--restore"), QStringLiteral("--confirm"), name};
        const CliRun refused = runCli(restore);
        QVERIFY2(refused.exitCode == 1 && refused.err.contains("same system identifier"), qPrintable(refused.describe()));
        QCOMPARE(onServer(after.settings, QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), name), 0);
        const CliRun restored = runCli(restore + QStringList{QStringLiteral("--same-server")});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
        checkFenceDown(after.settings, name);
        QVERIFY(!listedOn(after.settings).contains(op));

        // Another cluster reached by the very same string (made anew in the same place): a run
        // recorded there is not this one's.
        box.stop();
        QVERIFY(QDir(before.dataDir).removeRecursively());
        const sandbox::Info other = box.start();
        const QString other_name = databaseWithRows(other.settings, QStringLiteral("rid_other"));
        const QString op2 = killedDrop(other.settings, other_name, m_backups.path());
        QVERIFY(!op2.isEmpty());
        QCOMPARE(listedOn(other.settings).value(op2), QStringLiteral("not_dropped"));
        box.stop();
        QVERIFY(QDir(before.dataDir).removeRecursively());
        const sandbox::Info third = box.start();
        QVERIFY2(!listedOn(third.settings).contains(op2), "a run of another cluster is not listed here");
        QVERIFY(!listedOn(third.settings).contains(op));
        box.stop();
    }

    void aRunIsFoundOnTheStandbyPromotedInItsPlace()
    {
        QTemporaryDir primaryDir(QStringLiteral("/tmp/ssrip-XXXXXX"));
        QTemporaryDir standbyDir(QStringLiteral("/tmp/ssris-XXXXXX"));
        QVERIFY(primaryDir.isValid() && standbyDir.isValid());
        sandbox::Options po;
        po.dir = primaryDir.path();
        po.durable = false;
        sandbox::Sandbox primaryBox(po);
        const sandbox::Info primary = primaryBox.start();
        sandbox::Options so;
        so.dir = standbyDir.path();
        so.durable = false;
        so.standbyOf = primary.settings;
        sandbox::Sandbox standbyBox(so);
        const sandbox::Info standby = standbyBox.start();

        const QString name = databaseWithRows(primary.settings, QStringLiteral("rid_stb"));
        const QString op = killedDrop(primary.settings, name, m_backups.path());
        QVERIFY(!op.isEmpty());
        // The fence the killed run raised reaches the standby.
        QElapsedTimer waited;
        waited.start();
        qint64 limit = -2;
        while (waited.elapsed() < 60000) {
            try {
                limit = onServer(standby.settings,
                                 QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), name);
            } catch (const Error &) {
            }
            if (limit == 0)
                break;
            QThread::msleep(100);
        }
        QCOMPARE(limit, 0);

        // Failover: the primary goes away, the standby is promoted.
        primaryBox.stop();
        standbyBox.promote();
        QCOMPARE(listedOn(standby.settings).value(op), QStringLiteral("not_dropped"));
        const CliRun restored = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                        standby.settings.storableString(), QStringLiteral("--op"), op,
                                        QStringLiteral("--restore"), QStringLiteral("--confirm"), name,
                                        QStringLiteral("--same-server")});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
        checkFenceDown(standby.settings, name);
        standbyBox.stop();
    }
};

QTEST_GUILESS_MAIN(TestRecoveryIdentity)
#include "tst_recovery_identity.moc"
