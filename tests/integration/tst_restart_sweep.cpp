// A server restart at every journal stage of a reset and a drop (issue 60), beside the kill -9
// sweeps: the real statescope-cli is held right after each journal line (STATESCOPE_PAUSE_AFTER)
// while its server is restarted (pg_ctl -m immediate, as a crash; -m fast, as an
// administrator), or the server is restarted while the run's DROP DATABASE is under way, which
// PostgreSQL 15 leaves as an invalid database (datconnlimit -2). Then `db recover` must list the
// run and both ways out must work from there: --restore puts the week back with every row,
// --finish completes the reset or drop; either way a dump holds every committed row and no run
// stays unfinished. Runs on a server of its own (it restarts it).

#include "support/testhelpers.h"
#include "support/shorttemp.h"
#include "support/testserver.h"

#include "core/paths.h"

#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/dump.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kRows = 5000;
// Enough relations that the server spends a while removing their files in DROP DATABASE.
constexpr int kExtraTables = 1500;

} // namespace

class TestRestartSweep : public QObject
{
    Q_OBJECT

    // A server of the test's own, restarted where its clients expect it (the same port).
    struct Server
    {
        std::unique_ptr<QTemporaryDir> dir;
        sandbox::Info info;
        int port = 0;

        sandbox::Options options() const
        {
            sandbox::Options o;
            o.dir = dir->path();
            o.durable = false;
            o.port = port;
            return o;
        }
        void start(const QString &hint)
        {
            dir = std::make_unique<QTemporaryDir>(shortTempTemplate(hint));
            info = sandbox::Sandbox(options()).start();
            port = info.port;
        }
        void restart(sandbox::Sandbox::StopMode mode)
        {
            sandbox::Sandbox(options()).stop(mode);
            info = sandbox::Sandbox(options()).start();
        }
    };
    Server m_source, m_target;
    QTemporaryDir m_backups;
    int m_case = 0;
    QMap<QString, int> m_stagesFound; // what the restarts during DROP DATABASE left, over the sweep

    pg::ConnectionSettings server() const { return m_source.info.settings; }
    pg::ConnectionSettings target() const { return m_target.info.settings; }
    void restart(sandbox::Sandbox::StopMode mode) { m_source.restart(mode); }

    qint64 onServer(const QString &sql, const std::vector<pg::Param> &params = {})
    {
        return scalar(*test::connect(server()), sql, params);
    }

    QString makeWeek(bool manyFiles)
    {
        const QString name = QStringLiteral("rsweep_2097_w%1").arg(++m_case, 2, 10, QLatin1Char('0'));
        // The server runs with synchronous_commit off (durable = false): a commit is then
        // flushed by the WAL writer a moment later, and a restart -m immediate right after it
        // takes it back. The week's rows are committed durably, as a game's would be.
        auto conn = test::connect(server());
        conn->exec(QStringLiteral("SET synchronous_commit = on"));
        conn->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        auto db = test::connect(server().withDatabase(name));
        db->exec(QStringLiteral("SET synchronous_commit = on"));
        db->exec(QStringLiteral("CREATE TABLE public.w (id bigint PRIMARY KEY, pad text)"));
        db->exec(QStringLiteral("INSERT INTO public.w SELECT g, repeat('x', 100) FROM generate_series(1, $1) g"),
                 {kRows});
        if (manyFiles)
            db->exec(QStringLiteral("DO $$ BEGIN FOR i IN 1..%1 LOOP "
                                    "EXECUTE format('CREATE TABLE public.t%2 (id int PRIMARY KEY, v text)', i); "
                                    "END LOOP; END $$")
                         .arg(kExtraTables)
                         .arg(QStringLiteral("%s")));
        return name;
    }

    // The recover listing's runs of `name`.
    QJsonArray runsOf(const QString &name)
    {
        const CliRun listed = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                      server().storableString(), QStringLiteral("--json")});
        if (listed.exitCode != 0)
            qWarning("db recover: %s", qPrintable(listed.describe()));
        QJsonArray out;
        for (const auto &v : listed.json().object().value(QStringLiteral("runs")).toArray())
            if (v.toObject().value(QStringLiteral("database")).toString() == name)
                out.append(v);
        return out;
    }

    // Some dump of `name` (in the runs' backup directory, or the default one recovery's own
    // runs write to) holds every row.
    bool aDumpHoldsEveryRow(const QString &name)
    {
        QStringList dumps;
        for (const QString &dir : {m_backups.path(), paths::backupDir()})
            for (const QString &f : QDir(dir).entryList({name + QStringLiteral("_*.dump")}, QDir::Files, QDir::Time))
                dumps << QDir(dir).filePath(f);
        for (const QString &dump : dumps) {
            const QString scratch = name + QStringLiteral("_check");
            auto conn = test::connect(server());
            conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(scratch));
            conn->exec(QStringLiteral("CREATE DATABASE %1").arg(scratch));
            weekly::restoreDatabase(server().withDatabase(scratch), dump);
            const qint64 rows = scalar(*test::connect(server().withDatabase(scratch)),
                                       QStringLiteral("SELECT count(*) FROM public.w"));
            conn->exec(QStringLiteral("DROP DATABASE %1").arg(scratch));
            if (rows == kRows)
                return true;
        }
        return false;
    }

    qint64 rowsOf(const QString &name)
    {
        if (onServer(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 AND datconnlimit <> -2"), {name}) == 0)
            return -1;
        return scalar(*test::connect(server().withDatabase(name)),
                      QStringLiteral("SELECT CASE WHEN to_regclass('public.w') IS NULL THEN -1 "
                                     "ELSE (SELECT count(*) FROM public.w) END"));
    }

    // The week as it was before the run: there, valid, open, its privileges the defaults, every row.
    void verifyAsBefore(const QString &name)
    {
        QCOMPARE(onServer(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 AND datconnlimit = -1 "
                                         "AND datallowconn AND datacl IS NULL"),
                          {name}),
                 1);
        QCOMPARE(scalar(*test::connect(server().withDatabase(name)), QStringLiteral("SELECT count(*) FROM public.w")),
                 qint64(kRows));
    }

    // Runs statescope-cli with `args`, held right after the journal line `stage` while
    // `restarted` is restarted ("dropping": released after "dumped", and the server restarted
    // as soon as the run's DROP DATABASE is seen running on the source), then lets it end.
    void runRestarted(const QStringList &args, const QString &stage, Server &restarted, bool immediate,
                      const QString &name)
    {
        const bool dropping = stage == QLatin1String("dropping");
        const QString flag = m_backups.filePath(QStringLiteral("paused-%1").arg(name));
        QFile::remove(flag);
        const auto mode = immediate ? sandbox::Sandbox::StopMode::Immediate : sandbox::Sandbox::StopMode::Fast;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STATESCOPE_PAUSE_AFTER"), dropping ? QStringLiteral("dumped") : stage);
        env.insert(QStringLiteral("STATESCOPE_PAUSE_FILE"), flag);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("STATESCOPE_CLI"), args);
        QVERIFY(cli.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        while (!QFile::exists(flag) && cli.state() == QProcess::Running && clock.elapsed() < 240000)
            QThread::msleep(20);
        QVERIFY2(QFile::exists(flag), qPrintable(QStringLiteral("the run never reached %1: %2")
                                                     .arg(stage, QString::fromUtf8(cli.readAllStandardError()))));
        if (dropping) {
            auto watch = test::connect(server());
            QFile::remove(flag);
            bool seen = false;
            clock.restart();
            while (!seen && cli.state() == QProcess::Running && clock.elapsed() < 120000)
                seen = watch->exec(QStringLiteral("SELECT 1 FROM pg_stat_activity WHERE state = 'active' "
                                                  "AND query ILIKE 'DROP DATABASE%'"))
                           .rowCount()
                    > 0;
            watch.reset();
            restarted.restart(mode);
            const qint64 invalid =
                onServer(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 AND datconnlimit = -2"), {name});
            const qint64 there = onServer(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {name});
            m_stagesFound[!seen         ? QStringLiteral("not caught")
                          : invalid > 0 ? QStringLiteral("invalid")
                          : there > 0   ? QStringLiteral("intact")
                                        : QStringLiteral("dropped")]++;
        } else {
            restarted.restart(mode);
            QFile::remove(flag);
        }
        QVERIFY(cli.waitForFinished(300000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_backups.isValid());
        m_source.start(QStringLiteral("rsweep"));
        m_target.start(QStringLiteral("rsweept"));
        QVERIFY(m_source.port > 0 && m_target.port > 0);
    }

    void cleanupTestCase()
    {
        QStringList l;
        for (auto it = m_stagesFound.cbegin(); it != m_stagesFound.cend(); ++it)
            l << QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
        qInfo("what the restarts during DROP DATABASE left: %s", qPrintable(l.join(QStringLiteral(", "))));
        for (Server *s : {&m_source, &m_target})
            if (s->dir)
                sandbox::Sandbox(s->options()).stop();
    }

    // Each stage after each restart mode, recovered one way or the other: both ways meet both
    // modes over the stages (every combination would double the sweep's time).
    void sweep_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("stage"); // a journal phase, or "dropping": during DROP DATABASE
        QTest::addColumn<bool>("immediate");
        QTest::addColumn<bool>("finish");
        for (const char *action : {"drop", "reset"}) {
            int n = 0;
            for (const char *stage : {"intent", "dumped", "dropping", "building"}) {
                if (QLatin1String(action) == QLatin1String("drop") && QLatin1String(stage) == QLatin1String("building"))
                    continue;
                for (bool immediate : {true, false}) {
                    const bool finish = (n++ + (QLatin1String(action) == QLatin1String("reset") ? 1 : 0)) % 2 == 1;
                    QTest::addRow("%s, restart %s after %s, then %s", action, immediate ? "-m immediate" : "-m fast",
                                  stage, finish ? "finish" : "restore")
                        << QString::fromLatin1(action) << QString::fromLatin1(stage) << immediate << finish;
                }
            }
        }
    }

    void sweep()
    {
        QFETCH(QString, action);
        QFETCH(QString, stage);
        QFETCH(bool, immediate);
        QFETCH(bool, finish);
        const QString name = makeWeek(stage == QLatin1String("dropping"));
        runRestarted({QStringLiteral("db"), action, QStringLiteral("--server"), server().storableString(),
                      QStringLiteral("--name"), name, QStringLiteral("--confirm"), name, QStringLiteral("--reason"),
                      QStringLiteral("restart sweep"), QStringLiteral("--backup-dir"), m_backups.path()},
                     stage, m_source, immediate, name);
        if (QTest::currentTestFailed())
            return;

        const QJsonArray runs = runsOf(name);
        QVERIFY2(runs.size() <= 1, qPrintable(QJsonDocument(runs).toJson()));
        if (runs.isEmpty()) {
            // The run closed itself: it put the week back as it was, or it completed (then its
            // dump holds every row).
            if (rowsOf(name) == kRows)
                verifyAsBefore(name);
            else
                QVERIFY2(aDumpHoldsEveryRow(name), "the run's dump holds every row");
        } else {
            const QJsonObject run = runs.first().toObject();
            const QString way = finish ? QStringLiteral("--finish") : QStringLiteral("--restore");
            const QString plan = run.value(finish ? QStringLiteral("finish") : QStringLiteral("restore")).toString();
            const CliRun out = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                       server().storableString(), QStringLiteral("--op"),
                                       run.value(QStringLiteral("op")).toString(), way, QStringLiteral("--confirm"),
                                       name});
            if (plan.isEmpty()) {
                // No way offered (a reset's run that took no dump, say): refused, nothing changed.
                QVERIFY2(out.exitCode != 0, qPrintable(out.describe()));
                return;
            }
            QVERIFY2(out.exitCode == 0, qPrintable(QStringLiteral("stage %1, plan \"%2\": %3")
                                                       .arg(run.value(QStringLiteral("stage")).toString(), plan,
                                                            out.describe())));
            QVERIFY2(runsOf(name).isEmpty(), "the run is closed");
            const bool gone = onServer(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {name}) == 0;
            if (!finish) {
                verifyAsBefore(name);
            } else if (action == QLatin1String("drop")) {
                QVERIFY(gone);
                QVERIFY2(aDumpHoldsEveryRow(name), "the drop's dump holds every row");
            } else {
                QVERIFY(!gone);
                QCOMPARE(onServer(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 "
                                                 "AND datconnlimit = -1 AND datallowconn"),
                                  {name}),
                         1);
                QCOMPARE(scalar(*test::connect(server().withDatabase(name)), QStringLiteral("SELECT count(*) FROM public.w")),
                         0);
                QVERIFY2(aDumpHoldsEveryRow(name), "the reset's dump holds every row");
            }
        }
        auto conn = test::connect(server());
        conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
    }

    // A move, its source or its target restarted at each journal stage: then db recover (with
    // the target) leaves the week on exactly one server, whole and open, and no run unfinished
    // on either.
    void moveSweep_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<bool>("restartTarget");
        QTest::addColumn<bool>("immediate");
        QTest::addColumn<bool>("finish");
        const QList<QPair<const char *, bool>> stages{{"intent", false},  {"intent:2", true},  {"created", true},
                                                      {"done", true},     {"dumped", false},   {"dropping", false},
                                                      {"source-dropped", false}};
        int n = 0;
        for (const auto &[stage, onTarget] : stages)
            for (bool immediate : {true, false}) {
                const bool finish = n++ % 2 == 1;
                QTest::addRow("move, %s restarted %s after %s, then %s", onTarget ? "target" : "source",
                              immediate ? "-m immediate" : "-m fast", stage, finish ? "finish" : "restore")
                    << QString::fromLatin1(stage) << onTarget << immediate << finish;
            }
    }

    void moveSweep()
    {
        QFETCH(QString, stage);
        QFETCH(bool, restartTarget);
        QFETCH(bool, immediate);
        QFETCH(bool, finish);
        const QString name = makeWeek(stage == QLatin1String("dropping"));
        runRestarted({QStringLiteral("db"), QStringLiteral("move"), QStringLiteral("--server"), server().storableString(),
                      QStringLiteral("--to"), target().storableString(), QStringLiteral("--name"), name,
                      QStringLiteral("--confirm"), name, QStringLiteral("--reason"), QStringLiteral("restart sweep"),
                      QStringLiteral("--backup-dir"), m_backups.path()},
                     stage, restartTarget ? m_target : m_source, immediate, name);
        if (QTest::currentTestFailed())
            return;

        const QJsonArray runs = runsOf(name);
        QVERIFY2(runs.size() <= 1, qPrintable(QJsonDocument(runs).toJson()));
        if (!runs.isEmpty()) {
            const QJsonObject run = runs.first().toObject();
            const CliRun out = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                       server().storableString(), QStringLiteral("--op"),
                                       run.value(QStringLiteral("op")).toString(),
                                       finish ? QStringLiteral("--finish") : QStringLiteral("--restore"),
                                       QStringLiteral("--confirm"), name, QStringLiteral("--to"), target().storableString()});
            QVERIFY2(out.exitCode == 0, qPrintable(QStringLiteral("stage %1: %2")
                                                       .arg(run.value(QStringLiteral("stage")).toString(), out.describe())));
            QVERIFY2(runsOf(name).isEmpty(), "the run is closed");
        }
        // The target's own restore runs are closed too.
        const CliRun there = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                     target().storableString(), QStringLiteral("--json")});
        for (const auto &v : there.json().object().value(QStringLiteral("runs")).toArray())
            QVERIFY2(v.toObject().value(QStringLiteral("database")).toString() != name,
                     qPrintable(QJsonDocument(v.toObject()).toJson()));
        // The week on exactly one server, open, with every row.
        const auto on = [&](const pg::ConnectionSettings &s) {
            return scalar(*test::connect(s), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {name}) > 0;
        };
        const bool here = on(server()), onTarget = on(target());
        QVERIFY2(here != onTarget, qPrintable(QStringLiteral("on the source: %1, on the target: %2").arg(here).arg(onTarget)));
        const pg::ConnectionSettings where = here ? server() : target();
        QCOMPARE(scalar(*test::connect(where), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1 "
                                                               "AND datconnlimit = -1 AND datallowconn"),
                        {name}),
                 1);
        QCOMPARE(scalar(*test::connect(where.withDatabase(name)), QStringLiteral("SELECT count(*) FROM public.w")),
                 qint64(kRows));
        test::connect(where)->exec(QStringLiteral("DROP DATABASE %1").arg(name));
    }
};

QTEST_GUILESS_MAIN(TestRestartSweep)
#include "tst_restart_sweep.moc"
