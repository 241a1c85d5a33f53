// The partition archive under pressure: a writer inserting and updating the partition being
// archived through 20 archives (every committed write found in a dump), and a kill sweep over
// every journal stage of the archive, each recovered both ways by db recover.
#include "core/audit/auditlog.h"
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/sandbox/sandbox.h"
#include "core/task/worker.h"
#include "core/upkeep/maintenance.h"
#include "core/upkeep/partitions.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <map>

#include <thread>

#include <csignal>
#include <unistd.h>

using namespace statescope;
using namespace statescope::upkeep;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

qint64 attached(pg::Connection &conn, const QString &partition)
{
    return test::scalar(conn, QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhrelid = to_regclass($1)"),
                        {partition});
}

// A table of its own partitioned by month, `months` partitions from January 2024 (ev_2024_01,
// ...), each with `rows` rows whose ids start at month * 1,000,000.
void makeMonthly(pg::Connection &conn, int months, int rows)
{
    conn.exec(QStringLiteral("CREATE TABLE public.ev (id bigint NOT NULL, at timestamptz NOT NULL, "
                             "v integer NOT NULL DEFAULT 0) PARTITION BY RANGE (at)"));
    for (int m = 0; m < months; ++m) {
        const QDate from = QDate(2024, 1, 1).addMonths(m);
        conn.exec(QStringLiteral("CREATE TABLE public.ev_%1 PARTITION OF public.ev FOR VALUES FROM ('%2 00:00+00') "
                                 "TO ('%3 00:00+00')")
                      .arg(from.toString(QStringLiteral("yyyy_MM")), from.toString(Qt::ISODate),
                           from.addMonths(1).toString(Qt::ISODate)));
        conn.exec(QStringLiteral("INSERT INTO public.ev (id, at) SELECT $1::bigint * 1000000 + g, "
                                 "$2::timestamptz + g * interval '1 minute' FROM generate_series(1, $3) g"),
                  {qint64(m), from.toString(Qt::ISODate) + QStringLiteral(" 00:00+00"), rows});
    }
}

// Archiving makes and drops scratch databases: server administration, which needs the server
// itself (docs/ARCHITECTURE.md). Through PgBouncer 1.18 in transaction mode, twenty of them
// made and dropped WITH (FORCE) wedge it (its logins time out afterwards).
constexpr const char *kServerItself = "run directly only: archiving is server administration (scratch databases made "
                                      "and dropped), which needs the server itself, not a pooler";

QString monthName(int m)
{
    return QStringLiteral("ev_") + QDate(2024, 1, 1).addMonths(m).toString(QStringLiteral("yyyy_MM"));
}

// id -> v of a table, read with a connection of its own.
std::map<qint64, qint64> rowsOf(pg::Connection &conn, const QString &table)
{
    std::map<qint64, qint64> out;
    const auto r = conn.exec(QStringLiteral("SELECT id, v FROM %1").arg(table));
    for (int i = 0; i < r.rowCount(); ++i)
        out[r.toLongLong(i, 0)] = r.toLongLong(i, 1);
    return out;
}

bool restoreInto(const pg::ConnectionSettings &db, const QString &dump)
{
    QProcess restore;
    restore.setProcessEnvironment(pg::environmentFor(db));
    restore.start(pg::clientProgram(QStringLiteral("pg_restore")),
                  {QStringLiteral("--no-owner"), QStringLiteral("--dbname"), db.database(), dump});
    return restore.waitForFinished(120000) && restore.exitCode() == 0;
}


} // namespace

class TestUpkeepArchive : public QObject
{
    Q_OBJECT

private slots:
    // Item: a row committed at any moment of an archive is in the table or in its dump. A
    // writer inserts into and updates the partition being archived (by its own name, as a
    // game's backfill would), without pause, all through each of 20 archives; every write it
    // saw committed is then looked for in the dump (or in the table, had the archive backed out).
    void archiveKeepsEveryRowCommittedDuringIt()
    {
        if (test::viaPgBouncer())
            QSKIP(kServerItself);
        const pg::ConnectionSettings db = test::emptyDatabase(QStringLiteral("upkeep_race"));
        // The proof is read on the server itself, not through the pooler the archive may use.
        const pg::ConnectionSettings check =
            test::directServerSettings().withDatabase(test::emptyDatabase(QStringLiteral("upkeep_race_check")).database());
        constexpr int kRuns = 20;
        auto conn = test::connect(db);
        makeMonthly(*conn, kRuns, 200);
        auto checkConn = test::connect(check);
        QTemporaryDir backups;
        const QDateTime now = utc("2026-06-01T00:00:00Z");
        qint64 writes = 0, afterDump = 0;
        for (int run = 0; run < kRuns; ++run) {
            const QString name = monthName(run);
            const QString table = QStringLiteral("public.") + name;
            std::map<qint64, qint64> committed = rowsOf(*conn, table);
            std::atomic<bool> stop{false};
            std::atomic<qint64> count{0};
            std::thread writer([&, run] {
                std::unique_ptr<pg::Connection> w;
                try {
                    // The game's writer on the server itself (the archive takes whatever route
                    // the test runs through: directly, or through PgBouncer).
                    w = pg::Connection::open(test::directServerSettings().withDatabase(db.database()),
                                             pg::Connection::Access::ReadWrite);
                } catch (const Error &) {
                    return;
                }
                const QString at = QDate(2024, 1, 1).addMonths(run).toString(Qt::ISODate) + QStringLiteral(" 12:00+00");
                qint64 next = qint64(run) * 1000000 + 500000;
                qint64 target = qint64(run) * 1000000 + 1;
                while (!stop.load()) {
                    try {
                        w->exec(QStringLiteral("INSERT INTO %1 (id, at, v) VALUES ($1, $2, 0)").arg(table), {next, at});
                        committed[next] = 0;
                        ++next;
                        const auto r = w->exec(QStringLiteral("UPDATE %1 SET v = v + 1 WHERE id = $1 RETURNING v").arg(table),
                                               {target});
                        if (r.rowCount() == 1)
                            committed[target] = r.toLongLong(0, 0);
                        target = target % 200 == 0 ? qint64(run) * 1000000 + 1 : target + 1;
                        count += 2;
                    } catch (const Error &) {
                        return; // the table is gone: nothing more can commit into it
                    }
                }
            });
            std::optional<ArchiveResult> result;
            auto err = test::errorOf([&] {
                result = Partitions::archive(*conn, db, QStringLiteral("ev"), 0, {name}, backups.path(), db.database(),
                                             QStringLiteral("race"), nullptr, now);
            });
            stop = true;
            writer.join();
            writes += count;
            QVERIFY2(!err, qPrintable(err ? err->oneLine() : QString()));
            QVERIFY(result && result->dumps.size() == 1);
            QVERIFY2(restoreInto(check, result->dumps[0]), qPrintable(result->dumps[0]));
            std::map<qint64, qint64> found = rowsOf(*checkConn, table);
            QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE oid = to_regclass($1)"), {table}), 0);
            QCOMPARE(qint64(found.size()), result->rows[0]);
            for (const auto &[id, v] : committed) {
                const auto f = found.find(id);
                QVERIFY2(f != found.end(), qPrintable(QStringLiteral("run %1: id %2 committed, in neither the table nor the dump").arg(run).arg(id)));
                QVERIFY2(f->second == v, qPrintable(QStringLiteral("run %1: id %2 committed as %3, dumped as %4").arg(run).arg(id).arg(v).arg(f->second)));
            }
            // Rows the dump has beyond the seed: writes that landed between detach and lock.
            afterDump += qint64(found.size()) - 200;
        }
        qInfo("%d archives under a writer: %lld writes committed, every one in a dump (%lld rows inserted while "
              "they ran)", kRuns, writes, afterDump);
        QVERIFY(writes > 0);
        checkConn.reset();
        conn.reset();
        test::dropDatabase(check.database());
        test::dropDatabase(db.database());
    }

    // Item: an archive killed (SIGKILL) after each step of its journal is found by db recover,
    // and recovered either way: --restore attaches what it detached, --finish archives it;
    // both leave no scratch database and no partial dump. A kill while pg_dump writes its
    // .partial and one while the scratch copy exists are made from outside.
    void aKilledArchiveIsRecoveredBothWays_data()
    {
        QTest::addColumn<QString>("killAfter");
        QTest::addColumn<bool>("finish");
        const QStringList stages{QStringLiteral("intent"), QStringLiteral("detaching"), QStringLiteral("detached"),
                                 QStringLiteral("dumped"), QStringLiteral("scratch"), QStringLiteral("dropped"),
                                 QStringLiteral("detaching:2"), QStringLiteral("dumped:2"), QStringLiteral("@partial"),
                                 QStringLiteral("@scratch")};
        for (const QString &stage : stages) {
            QTest::addRow("%s, restore", qPrintable(stage)) << stage << false;
            QTest::addRow("%s, finish", qPrintable(stage)) << stage << true;
        }
    }

    void aKilledArchiveIsRecoveredBothWays()
    {
        QVERIFY2(test::cliIsExecutable(), test::kNoCli);
        if (test::viaPgBouncer())
            QSKIP(kServerItself);
        QFETCH(QString, killAfter);
        QFETCH(bool, finish);
        const pg::ConnectionSettings db = test::emptyDatabase(QStringLiteral("upkeep_kill"));
        auto conn = test::connect(db);
        makeMonthly(*conn, 3, 3000);
        const qint64 before = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.ev"));
        QTemporaryDir backups;
        const QStringList archive{QStringLiteral("upkeep"), QStringLiteral("archive-partitions"), QStringLiteral("--db"),
                                  db.storableString(), QStringLiteral("--table"), QStringLiteral("ev"),
                                  QStringLiteral("--older-than-months"), QStringLiteral("0"), QStringLiteral("--partition"),
                                  monthName(0), QStringLiteral("--partition"), monthName(1), QStringLiteral("--backup-dir"),
                                  backups.path(), QStringLiteral("--confirm"), db.database(), QStringLiteral("--json")};
        if (killAfter.startsWith(QLatin1Char('@'))) {
            // From outside, as an operator's kill -9 would, with the CLI caught in the act: a
            // pg_dump that waits once its .partial exists, or a pg_restore that waits once
            // the scratch database exists (polling for a scratch copy that lives a fraction of
            // a second missed it on a loaded machine).
            const bool partial = killAfter == QLatin1String("@partial");
            QTemporaryDir tools;
            const QString started = tools.filePath(QStringLiteral("started"));
            QVERIFY(tools.isValid()
                    && test::makeSlowToolDir(tools.path(), partial ? QStringLiteral("pg_dump") : QStringLiteral("pg_restore"),
                                             started, 120));
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("STATESCOPE_PG_BINDIR"), tools.path());
            cli.setProcessEnvironment(env);
            // The CLI leads a process group of its own, so the kill takes the waiting tool too.
            cli.setChildProcessModifier([] { ::setpgid(0, 0); });
            cli.start(qEnvironmentVariable("STATESCOPE_CLI"), archive);
            QVERIFY(cli.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(started) || cli.state() != QProcess::Running, 60000);
            QVERIFY2(QFileInfo::exists(started), cli.readAllStandardError().constData());
            if (partial)
                QVERIFY(!QDir(backups.path()).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());
            else
                QVERIFY(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE "
                                                           "'statescope\\_check\\_' || left($1, 32) || '\\_%'"),
                                     {db.database()})
                        > 0);
            ::kill(-pid_t(cli.processId()), SIGKILL);
            QVERIFY(cli.waitForFinished(10000));
        } else {
            qputenv("STATESCOPE_KILL_AFTER", killAfter.toUtf8());
            const test::CliRun killed = test::runCli(archive);
            qunsetenv("STATESCOPE_KILL_AFTER");
            QCOMPARE(killed.exitCode, -1); // killed, not exited
        }
        // Found: by db recover on this server, with what it left.
        const test::CliRun listed = test::runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                                  db.storableString(), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QJsonObject run;
        for (const QJsonValue &a : listed.json().object().value(QStringLiteral("archives")).toArray())
            if (a.toObject().value(QStringLiteral("database")).toString() == db.database())
                run = a.toObject();
        QVERIFY2(!run.isEmpty(), qPrintable(listed.describe()));
        const QString op = run.value(QStringLiteral("op")).toString();
        // An archive of the same table is refused until the run is ended.
        const test::CliRun again = test::runCli(archive);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.errorField("message").contains(op), qPrintable(again.describe()));
        // upkeep partitions shows what is detached.
        const test::CliRun parts = test::runCli({QStringLiteral("upkeep"), QStringLiteral("partitions"), QStringLiteral("--db"),
                                                 db.storableString(), QStringLiteral("--json")});
        QVERIFY2(parts.exitCode == 0, qPrintable(parts.describe()));
        QCOMPARE(parts.json().array().at(0).toObject().value(QStringLiteral("stranded")).toArray().size(),
                 run.value(QStringLiteral("stranded")).toArray().size());

        const test::CliRun recovered = test::runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                                     db.storableString(), QStringLiteral("--op"), op,
                                                     finish ? QStringLiteral("--finish") : QStringLiteral("--restore"),
                                                     QStringLiteral("--confirm"), db.database(), QStringLiteral("--json")});
        QVERIFY2(recovered.exitCode == 0, qPrintable(recovered.describe()));
        // Nothing left behind: no scratch database, no partial dump, no unfinished run.
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE "
                                                    "'statescope\\_check\\_' || left($1, 32) || '%'"), {db.database()}),
                 0);
        QVERIFY(QDir(backups.path()).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());
        QVERIFY(Partitions::unfinishedArchives(*conn).isEmpty());
        // No table stands alone: each of the two is a partition again, or gone with a dump
        // (its newest) that holds its rows.
        qint64 inDumps = 0;
        const pg::ConnectionSettings check =
            test::directServerSettings().withDatabase(test::emptyDatabase(QStringLiteral("upkeep_kill_check")).database());
        {
            auto c = test::connect(check);
            for (int m = 0; m < 2; ++m) {
                const QString t = QStringLiteral("public.") + monthName(m);
                const bool exists =
                    test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE oid = to_regclass($1)"), {t}) > 0;
                QVERIFY2(!exists || attached(*conn, t) == 1, qPrintable(t + QStringLiteral(" stands alone")));
                if (finish)
                    QVERIFY2(!exists, qPrintable(t + QStringLiteral(" was not archived by --finish")));
                if (exists)
                    continue;
                QStringList dumps = QDir(backups.path()).entryList({QStringLiteral("*_%1_*.dump").arg(monthName(m))},
                                                                  QDir::Files, QDir::Name);
                QVERIFY2(!dumps.isEmpty(), qPrintable(t + QStringLiteral(" is gone without a dump")));
                QVERIFY(restoreInto(check, QDir(backups.path()).filePath(dumps.last())));
                inDumps += test::scalar(*c, QStringLiteral("SELECT count(*) FROM %1").arg(t));
            }
        }
        test::dropDatabase(check.database());
        // Every row is in the table or in a checked dump.
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.ev")) + inDumps, before);
        conn.reset();
        test::dropDatabase(db.database());
    }

};

QTEST_GUILESS_MAIN(TestUpkeepArchive)
#include "tst_upkeep_archive.moc"
