// Reset and drop lose nothing: writers are fenced off before the dump, the dump is proven
// to hold every committed row (or the action refuses), the fence comes down again when
// the action does not go ahead, dumps are private, and every step is journalled so that a
// run killed midway shows up as incomplete.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"
#include "core/weekly/fence.h"
#include "core/weekly/recovery.h"
#include "core/weekly/serveradmin.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <sys/stat.h>
#include <mutex>
#include <set>
#include <thread>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

namespace {

// Inserts rows one autocommit statement at a time and remembers the ids whose INSERT the
// server confirmed; reconnects whenever its session is cut off, as a game server would.
class Writer
{
public:
    Writer(pg::ConnectionSettings settings, QString table)
        : m_settings(std::move(settings)), m_table(std::move(table))
    {
        m_thread = std::thread([this] { run(); });
    }
    ~Writer() { stop(); }

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    std::set<qint64> committed() const
    {
        std::lock_guard lock(m_mutex);
        return m_committed;
    }
    int reconnects() const { return m_reconnects; }
    // Waits until at least n rows are committed (or 20 s pass).
    bool waitFor(size_t n) const
    {
        for (int i = 0; i < 400; ++i) {
            if (committed().size() >= n)
                return true;
            QThread::msleep(50);
        }
        return false;
    }

private:
    void run()
    {
        std::unique_ptr<pg::Connection> conn;
        qint64 next = 1;
        while (!m_stop) {
            try {
                if (!conn) {
                    conn = pg::Connection::open(m_settings);
                    ++m_reconnects;
                }
                conn->exec(QStringLiteral("INSERT INTO %1 (id) VALUES ($1)").arg(m_table), {next});
                std::lock_guard lock(m_mutex);
                m_committed.insert(next);
            } catch (const Error &) {
                conn.reset(); // terminated, or refused at the door: try again shortly
                QThread::msleep(5);
            }
            ++next;
        }
    }

    pg::ConnectionSettings m_settings;
    QString m_table;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_reconnects{0};
    mutable std::mutex m_mutex;
    std::set<qint64> m_committed;
    std::thread m_thread;
};

pg::ConnectionSettings as(pg::ConnectionSettings settings, const QString &database,
                          const QString &user)
{
    settings.setValue(QStringLiteral("dbname"), database);
    settings.setValue(QStringLiteral("user"), user);
    // Another program's session (those of this process count as Statescope's own panes).
    settings.setValue(QStringLiteral("application_name"), user);
    return settings;
}

std::set<qint64> idsIn(const pg::ConnectionSettings &db, const QString &table)
{
    auto conn = connect(db);
    const auto r = conn->exec(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table));
    std::set<qint64> ids;
    for (int i = 0; i < r.rowCount(); ++i)
        ids.insert(r.value(i, 0).toLongLong());
    return ids;
}

int modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// The journal lines of one operation, oldest first.
QStringList phasesOf(const QString &op)
{
    QStringList phases;
    for (const audit::Entry &e : audit::readJournal(100000))
        if (e.op == op)
            phases.prepend(e.phase);
    return phases;
}

} // namespace

class TestDropSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_backups;
    QStringList m_databases;
    const QString m_writerRole = QStringLiteral("t_writer_%1").arg(QCoreApplication::applicationPid());

    QString track(const QString &name)
    {
        m_databases << name;
        return name;
    }
    ActionOptions options() const
    {
        ActionOptions o;
        o.reason = QStringLiteral("test");
        o.backupDir = m_backups.path() + QStringLiteral("/backups");
        return o;
    }
    // A database with a table the (non-superuser) writer role may fill.
    pg::ConnectionSettings databaseWithTable(const QString &hint, bool migrated)
    {
        const pg::ConnectionSettings db = migrated ? freshDatabase(hint) : emptyDatabase(hint);
        track(db.database());
        auto conn = test::connect(db);
        conn->exec(QStringLiteral("CREATE TABLE public.w (id bigint PRIMARY KEY)"));
        conn->exec(QStringLiteral("GRANT INSERT, SELECT ON public.w TO %1").arg(m_writerRole));
        return db;
    }
    static void checkFenceDown(const QString &name)
    {
        auto conn = test::connect(serverSettings());
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"),
                        {name}),
                 -1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT has_database_privilege('public', $1, 'CONNECT')::int"),
                        {name}),
                 1);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT datallowconn::int FROM pg_database WHERE datname = $1"),
                        {name}),
                 1);
    }

    // Restores the dump under a new name: every row the writer saw committed must be in it.
    // Returns how many the writer committed.
    size_t checkDumpHoldsEveryCommittedRow(const ServerAdmin &admin, const QString &dumpPath,
                                           const Writer &writer)
    {
        const QString back = track(uniqueName(QStringLiteral("dsr")));
        admin.restore(back, dumpPath, QStringLiteral("test"));
        auto restored = serverSettings();
        restored.setValue(QStringLiteral("dbname"), back);
        const std::set<qint64> inDump = idsIn(restored, QStringLiteral("public.w"));
        const std::set<qint64> committed = writer.committed();
        size_t missing = 0;
        for (qint64 id : committed)
            if (!inDump.count(id) && ++missing <= 5)
                qWarning("committed row %lld is not in the dump", static_cast<long long>(id));
        return missing == 0 ? committed.size() : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        auto conn = test::connect(serverSettings());
        conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_writerRole));
    }
    void cleanupTestCase()
    {
        for (const QString &name : std::as_const(m_databases))
            dropDatabase(name);
        auto conn = test::connect(serverSettings());
        conn->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_writerRole));
    }

    void dropWithAWriterKeepsEveryCommittedRowInTheDump()
    {
        const auto db = databaseWithTable(QStringLiteral("dsw"), false);
        const QString name = db.database();
        Writer writer(as(db, name, m_writerRole), QStringLiteral("public.w"));
        QVERIFY(writer.waitFor(200));
        const ServerAdmin admin(serverSettings());
        const ActionResult r = admin.drop(name, name, options());
        writer.stop();
        QVERIFY(!admin.exists(name));
        QVERIFY(r.terminatedSessions >= 1);
        // Every row the writer saw committed is in the dump (0: one is missing).
        QVERIFY(checkDumpHoldsEveryCommittedRow(admin, r.dumpPath, writer) >= 200);
        // The fenced-off writer kept knocking but never got back in.
        QVERIFY(writer.reconnects() >= 1);
        QCOMPARE(phasesOf(r.operationId), (QStringList{"intent", "dumped", "done"}));
    }

    void resetWithAWriterKeepsEveryCommittedRowInTheDump()
    {
        const auto db = databaseWithTable(QStringLiteral("rsw"), true);
        const QString name = db.database();
        Writer writer(as(db, name, m_writerRole), QStringLiteral("public.w"));
        QVERIFY(writer.waitFor(200));
        const ServerAdmin admin(serverSettings());
        const ActionResult r = admin.reset(name, name, options());
        writer.stop();
        QVERIFY(admin.exists(name));
        QVERIFY(checkDumpHoldsEveryCommittedRow(admin, r.dumpPath, writer) >= 200);
        // The reset database is a new one: open to everybody again.
        checkFenceDown(name);
        QCOMPARE(phasesOf(r.operationId), (QStringList{"intent", "dumped", "building", "done"}));
    }

    void aSuperuserReaderDuringTheDumpDoesNotStopTheDrop()
    {
        // Another user's listing or a monitoring probe gets past the fence as a superuser
        // and reads; nothing it does can be missing from the dump, so the drop goes ahead.
        const auto db = databaseWithTable(QStringLiteral("dsr"), false);
        const QString name = db.database();
        // No autovacuum on the table: an ANALYZE writes statistics rows, which would count
        // as writes beside the reader's sessions.
        test::connect(db)->exec(QStringLiteral("ALTER TABLE public.w SET (autovacuum_enabled = false)"));
        Writer writer(as(db, name, m_writerRole), QStringLiteral("public.w"));
        QVERIFY(writer.waitFor(200));
        std::atomic<bool> stop{false};
        std::atomic<int> reads{0};
        std::thread reader([&] {
            while (!stop) {
                try {
                    auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
                    conn->exec(QStringLiteral("SELECT count(*) FROM public.w"));
                    ++reads;
                } catch (const Error &) {
                    // fenced off at the end, or the database is gone
                }
                QThread::msleep(20);
            }
        });
        const ServerAdmin admin(serverSettings());
        ActionResult r;
        const auto e = errorOf([&] { r = admin.drop(name, name, options()); });
        stop = true;
        reader.join();
        writer.stop();
        QVERIFY2(!e, e ? qPrintable(e->message()) : "");
        QVERIFY(!admin.exists(name));
        QVERIFY(reads > 0);
        QVERIFY(checkDumpHoldsEveryCommittedRow(admin, r.dumpPath, writer) >= 200);
    }

    void aSuperuserWriterIsHeldOffAndEveryCommittedRowIsKept_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::newRow("drop") << false;
        QTest::newRow("reset") << true;
    }

    void aSuperuserWriterIsHeldOffAndEveryCommittedRowIsKept()
    {
        // A superuser passes CONNECTION LIMIT 0 and reconnects as fast as it is terminated
        // (a game backend that connects as the server's user). The table locks make it wait
        // during the dump instead of writing past it, so the action goes through, and every
        // row it saw committed is in the dump (or, after a reset, in the new database, which
        // it writes to again once the reset is done).
        QFETCH(bool, reset);
        const auto db = databaseWithTable(QStringLiteral("dss"), false);
        const QString name = db.database();
        Writer writer(db, QStringLiteral("public.w"));
        QVERIFY(writer.waitFor(100));
        const ServerAdmin admin(serverSettings());
        ActionResult r;
        const auto e = errorOf([&] { r = reset ? admin.reset(name, name, options()) : admin.drop(name, name, options()); });
        QVERIFY2(!e, e ? qPrintable(e->oneLine()) : "");
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QStringLiteral("; "))));
        if (reset)
            QVERIFY(writer.waitFor(writer.committed().size() + 20)); // writing to the new one
        writer.stop();
        const QString back = track(uniqueName(QStringLiteral("dsr")));
        admin.restore(back, r.dumpPath, QStringLiteral("test"));
        std::set<qint64> kept = idsIn(serverSettings().withDatabase(back), QStringLiteral("public.w"));
        if (reset) {
            const std::set<qint64> after = idsIn(db, QStringLiteral("public.w"));
            kept.insert(after.begin(), after.end());
        } else {
            QVERIFY(!admin.exists(name));
        }
        size_t missing = 0;
        for (qint64 id : writer.committed())
            if (!kept.count(id) && ++missing <= 5)
                qWarning("committed row %lld was lost", static_cast<long long>(id));
        QCOMPARE(missing, size_t(0));
        qInfo("superuser writer: %zu rows committed, %d reconnects", writer.committed().size(), writer.reconnects());
    }

    void aResetDatabaseIsClosedUntilItIsWhole()
    {
        // A superuser reconnecting as fast as it can through the whole reset (as a game
        // backend that connects as the server's user): whenever it gets in, the table is
        // there. The new database is built under a name of its own and renamed when whole.
        const auto db = databaseWithTable(QStringLiteral("dsw"), false);
        const QString name = db.database();
        std::atomic<bool> stop{false};
        std::atomic<int> whole{0}, half{0};
        std::thread prober([&] {
            while (!stop) {
                try {
                    auto c = pg::Connection::open(db);
                    (c->exec(QStringLiteral("SELECT to_regclass('public.w') IS NOT NULL")).toBool(0, 0) ? whole : half)++;
                } catch (const Error &) {
                    QThread::msleep(2); // not there, or not taking connections: the door is shut
                }
            }
        });
        const ServerAdmin admin(serverSettings());
        const auto e = errorOf([&] { admin.reset(name, name, options()); });
        QTest::qWait(300);
        stop = true;
        prober.join();
        QVERIFY2(!e, e ? qPrintable(e->oneLine()) : "");
        QCOMPARE(half.load(), 0);
        QVERIFY(whole.load() > 0);
        QVERIFY(!admin.exists(ServerAdmin::buildingName(name)));

        // Killed while building (after the new database was made under its own name): the
        // run is found, --finish brings the week back whole under its name and drops what
        // the killed run was building.
        qputenv("STATESCOPE_KILL_AFTER", "building");
        const CliRun killed = runCli({QStringLiteral("db"), QStringLiteral("reset"), QStringLiteral("--server"),
                                      serverSettings().storableString(), QStringLiteral("--name"), name,
                                      QStringLiteral("--confirm"), name, QStringLiteral("--backup-dir"), m_backups.path()});
        qunsetenv("STATESCOPE_KILL_AFTER");
        QCOMPARE(killed.exitCode, -1);
        QVERIFY(!admin.exists(name));
        QVERIFY(admin.exists(ServerAdmin::buildingName(name)));
        // A reset of it now is refused (the name it builds under is taken), nothing changed.
        const Recovery recovery(admin);
        QString op;
        for (const IncompleteRun &run : recovery.incomplete())
            if (run.intent.target == name)
                op = run.intent.op;
        QVERIFY(!op.isEmpty());
        const ActionResult finished = recovery.finish(op, name, QStringLiteral("test"));
        Q_UNUSED(finished);
        QVERIFY(admin.exists(name));
        QVERIFY(!admin.exists(ServerAdmin::buildingName(name)));
        QCOMPARE(scalar(*test::connect(db), QStringLiteral("SELECT count(*) FROM pg_class WHERE oid = to_regclass('public.w')")), 1);
    }

    void aSealedFenceLeftByAKilledRunIsLoweredFromItsJournal()
    {
        const auto db = databaseWithTable(QStringLiteral("dsk"), false);
        const QString name = db.database();
        auto maintenance = test::connect(serverSettings());
        nlohmann::json journalled;
        {
            WriterFence fence(*maintenance, name);
            journalled = fence.state();
            fence.raise();
            fence.seal();
            // Sealed: not even a superuser gets in.
            QVERIFY(errorOf([&] { test::connect(db); }));
            fence.keep(); // as if the run were killed here: nothing is put back
        }
        QCOMPARE(scalar(*maintenance, QStringLiteral("SELECT datallowconn::int FROM pg_database WHERE datname = $1"),
                        {name}),
                 0);
        WriterFence::lowerLeftover(*maintenance, name, journalled);
        checkFenceDown(name);
        WriterFence::lowerLeftover(*maintenance, name, journalled); // idempotent
        checkFenceDown(name);
        QCOMPARE(idsIn(db, QStringLiteral("public.w")).size(), size_t(0));
    }

    void aCancelledDumpLowersTheFenceAndChangesNothing()
    {
        // Cancel while pg_dump runs: the maintenance connection's token has fired, yet the
        // limit, the grant and the door are all put back, and the run is closed.
        const auto db = databaseWithTable(QStringLiteral("dsc"), false);
        const QString name = db.database();
        test::connect(db)->exec(QStringLiteral("INSERT INTO public.w VALUES (1), (2), (3)"));
        QTemporaryDir tools;
        QVERIFY(tools.isValid());
        const QString started = tools.filePath(QStringLiteral("dump-started"));
        QVERIFY(makeSlowPgDumpDir(tools.path(), started, 30));
        const QByteArray bindirBefore = qgetenv("STATESCOPE_PG_BINDIR");
        qputenv("STATESCOPE_PG_BINDIR", tools.path().toLocal8Bit());
        CancelToken token;
        TaskContext ctx(token, {});
        std::thread canceller([&] {
            for (int i = 0; i < 600 && !QFileInfo::exists(started); ++i)
                QThread::msleep(50);
            token.cancel();
        });
        const ServerAdmin admin(serverSettings());
        const auto e = errorOf([&] { admin.drop(name, name, options(), &ctx); });
        canceller.join();
        if (bindirBefore.isEmpty())
            qunsetenv("STATESCOPE_PG_BINDIR");
        else
            qputenv("STATESCOPE_PG_BINDIR", bindirBefore);
        QVERIFY(QFileInfo::exists(started));
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Cancelled);
        QVERIFY(admin.exists(name));
        checkFenceDown(name);
        // Its privileges as they were: the server's defaults (NULL), not a list granting the same.
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT (datacl IS NULL)::int FROM pg_database WHERE datname = $1"), {name}),
                 1);
        QCOMPARE(idsIn(db, QStringLiteral("public.w")).size(), size_t(3));
        QString op;
        for (const audit::Entry &j : audit::readJournal(1000))
            if (j.target == name && j.phase == QLatin1String("intent"))
                op = j.op;
        QCOMPARE(phasesOf(op), (QStringList{"intent", "failed"}));
    }

    void resetOfAGamesOwnDatabaseKeepsWhoMayConnect()
    {
        // The fence revokes PUBLIC's CONNECT, sets the connection limit to 0 and finally
        // shuts the door; the database that comes back is open as it was before.
        const QString name = uniqueName(QStringLiteral("gconn"));
        {
            auto server = test::connect(serverSettings());
            server->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
            server->exec(QStringLiteral("ALTER DATABASE %1 CONNECTION LIMIT 25").arg(name));
        }
        const ServerAdmin admin(serverSettings());
        test::connect(admin.databaseSettings(name))
            ->exec(QStringLiteral("CREATE TABLE public.players (id bigint PRIMARY KEY, name text)"));
        QVERIFY(!admin.isStatescopes(name));
        ActionOptions options;
        options.reason = QStringLiteral("test");
        QTemporaryDir backups;
        options.backupDir = backups.path();
        admin.reset(name, name, options);
        auto server = test::connect(serverSettings());
        const auto r = server->exec(
            QStringLiteral("SELECT datconnlimit, datallowconn, has_database_privilege('public', oid, 'CONNECT') "
                           "FROM pg_database WHERE datname = $1"),
            {name});
        QCOMPARE(r.rowCount(), 1);
        QCOMPARE(r.toInt(0, 0), 25);
        QVERIFY(r.toBool(0, 1));
        QVERIFY(r.toBool(0, 2));
        QCOMPARE(scalar(*test::connect(admin.databaseSettings(name)),
                        QStringLiteral("SELECT count(*) FROM public.players")),
                 0);
        dropDatabase(name);
    }

    void aRefusedDumpChangesNothingSessionsIncluded()
    {
        // Every check that can refuse runs before the fence goes up: a backup directory that
        // cannot hold the dump refuses the drop with the week's own sessions still connected,
        // nothing journalled, its privileges untouched.
        const auto db = databaseWithTable(QStringLiteral("dsf"), false);
        const QString name = db.database();
        auto player = test::connect(db);
        player->exec(QStringLiteral("INSERT INTO public.w VALUES (1), (2), (3)"));
        const qint64 pid = scalar(*player, QStringLiteral("SELECT pg_backend_pid()"));
        // The backup "directory" is a file: the dump cannot be written.
        const QString blocker = m_backups.path() + QStringLiteral("/not-a-dir");
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ActionOptions o = options();
        o.backupDir = blocker;
        const ServerAdmin admin(serverSettings());
        const int journalled = int(audit::readJournal(100000).size());
        for (const auto &drop : {true, false}) {
            const auto e = errorOf([&] { drop ? admin.drop(name, name, o) : admin.reset(name, name, o); });
            QVERIFY(e);
            QCOMPARE(e->kind(), Error::Kind::Environment);
        }
        QVERIFY(admin.exists(name));
        QCOMPARE(idsIn(db, QStringLiteral("public.w")).size(), size_t(3));
        checkFenceDown(name);
        // The session that was there is there still, and answers.
        QCOMPARE(scalar(*player, QStringLiteral("SELECT pg_backend_pid()")), pid);
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1"), {QString::number(pid)}),
                 1);
        QCOMPARE(scalar(*test::connect(serverSettings()),
                        QStringLiteral("SELECT (datacl IS NULL)::int FROM pg_database WHERE datname = $1"), {name}),
                 1);
        QCOMPARE(int(audit::readJournal(100000).size()), journalled);
    }

    void dumpsArePrivateAndNeedFreeSpace()
    {
        const auto db = databaseWithTable(QStringLiteral("dsp"), false);
        const QString dir = m_backups.path() + QStringLiteral("/private");
        const QString path = dumpDatabase(db, dir);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(dir), 0700);
        // Far more than any disk has free: refused before a file exists.
        const int before = int(QDir(dir).entryList(QDir::Files).size());
        const auto e = errorOf([&] { dumpDatabase(db, dir, nullptr, qint64(1) << 60); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Environment);
        QCOMPARE(int(QDir(dir).entryList(QDir::Files).size()), before);
    }

    void anIntentWithoutAnEndIsReportedIncomplete()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
        audit::Entry intent{QStringLiteral("reset"), QStringLiteral("t_killed_run"),
                            QStringLiteral("test"), nlohmann::json::object(), QStringLiteral("test")};
        intent.op = op;
        intent.phase = QStringLiteral("intent");
        QVERIFY(audit::appendToJournal(intent));
        audit::Entry dumped = intent;
        dumped.phase = QStringLiteral("dumped");
        dumped.details = {{"dump", "/backups/t_killed_run_x.dump"}};
        QVERIFY(audit::appendToJournal(dumped));

        const auto open = audit::incomplete(audit::readJournal(100000));
        bool found = false;
        for (const audit::Entry &e : open)
            if (e.op == op) {
                found = true;
                QCOMPARE(QString::fromStdString(e.details.value("dump", "")),
                         QStringLiteral("/backups/t_killed_run_x.dump"));
            }
        QVERIFY(found);

        const CliRun text = runCli({QStringLiteral("db"), QStringLiteral("audit")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("INCOMPLETE: reset of t_killed_run"), text.out.constData());
        QVERIFY(text.out.contains("Its dump: /backups/t_killed_run_x.dump"));
        QVERIFY(text.out.contains("db recover --server CONN"));
        const CliRun json = runCli({QStringLiteral("db"), QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        bool flagged = false;
        for (const auto &v : json.json().array()) {
            const auto o = v.toObject();
            if (o.value(QStringLiteral("op")).toString() == op
                && o.value(QStringLiteral("phase")).toString() == QStringLiteral("intent"))
                flagged = o.value(QStringLiteral("incomplete")).toBool();
        }
        QVERIFY(flagged);

        // Closing it takes it off the list.
        audit::Entry failed = intent;
        failed.phase = QStringLiteral("failed");
        QVERIFY(audit::appendToJournal(failed));
        for (const audit::Entry &e : audit::incomplete(audit::readJournal(100000)))
            QVERIFY(e.op != op);
    }
};

QTEST_GUILESS_MAIN(TestDropSafety)
#include "tst_drop_safety.moc"
