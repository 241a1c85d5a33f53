// Benchmark (not a test): the table browser and the SQL console on a big table, next to libpq
// and psql doing the same work in the same run; medians after one warm-up, taking turns.
//
//   bench_browse [--rows N] [--reps R] [--keep]
//
//   --rows N  rows in the table (default 10000000)
//   --reps R  repetitions of each timed figure (default 31)
//   --keep    keep the database (bench_browse_<N>) for another run; it is reused
//
// 1. First screen: RowSource::page from the top (200 rows by the primary key) vs PQexec of
//    SELECT * ... ORDER BY id LIMIT 200 (target: within 1.2x); and the grid's whole open
//    (connect, catalog details, planner estimate, first page) for the record. Its
//    statements are prepared after their first run, so a page read again is also set beside
//    libpq running the same statement prepared.
// 2. A page N/2 rows deep by keyset vs the first page (target: within 1.5x).
// 3. The console streaming SELECT * of every row: time to the first rows (statescope-cli
//    query, the console's cursor engine, vs psql with FETCH_COUNT=200, both from process
//    start), the whole result, and the peak RSS of each (target: first rows within 1.5x,
//    RSS under 300 MB).
// 4. Export: RowSource::copyOut as CSV vs raw libpq COPY of the same SELECT, MB/s
//    (target: at least 90% of COPY).
#include "bench/benchdb.h"
#include "bench/benchutil.h"
#include "core/browse/rows.h"
#include "core/pg/connection.h"
#include "models/rowgridmodel.h"
#include "support/testserver.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <functional>
#include <libpq-fe.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_browse: %s\n", qPrintable(why));
    std::exit(1);
}

void report(const char *what, double ours, const char *baseline, double base, const char *target)
{
    std::printf("%-46s %10.3f  %-40s %10.3f  ratio %.2f  (target %s)\n", what, ours, baseline, base,
                ours / base, target);
    std::fflush(stdout);
}

struct Run
{
    double firstMs = 0; // from start to the first line of rows on stdout
    double totalMs = 0;
    qint64 lines = 0;
    long maxRssKb = 0;
};

// Runs a program, timing the first data line it prints and its end; its peak RSS from wait4.
Run timeProcess(const QString &program, const QStringList &args, const QByteArrayList &env, int skipLines)
{
    int out[2];
    if (pipe(out) != 0)
        fail(QStringLiteral("pipe failed"));
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        for (const QByteArray &e : env)
            putenv(strdup(e.constData()));
        std::vector<QByteArray> storage;
        storage.push_back(program.toLocal8Bit());
        for (const QString &a : args)
            storage.push_back(a.toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &s : storage)
            argv.push_back(s.data());
        argv.push_back(nullptr);
        const int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO); // the row-count footers
        execvp(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    Run run;
    char buffer[1 << 16];
    qint64 newlines = 0;
    for (;;) {
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i)
            if (buffer[i] == '\n' && ++newlines == skipLines + 1)
                run.firstMs = ms(clock);
    }
    close(out[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    run.totalMs = ms(clock);
    run.lines = newlines;
    run.maxRssKb = usage.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail(QStringLiteral("%1 failed (status %2)").arg(program).arg(status));
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = option(args, QStringLiteral("--rows"), QStringLiteral("10000000")).toLongLong();
    const int reps = option(args, QStringLiteral("--reps"), QStringLiteral("31")).toInt();
    const bool keep = args.contains(QStringLiteral("--keep"));
    const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
    if (cli.isEmpty())
        fail(QStringLiteral("STATESCOPE_CLI must name statescope-cli"));

    const QString name = QStringLiteral("bench_browse_%1").arg(rows);
    pg::ConnectionSettings db = test::directServerSettings().withDatabase(name);
    {
        auto server = test::connect(test::directServerSettings());
        const bool exists = server->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name}).rowCount() == 1;
        // A database left by a run stopped while seeding is seeded again from scratch.
        const bool seeded = exists
                            && test::connect(db)->exec(QStringLiteral("SELECT 1 FROM pg_stat_user_tables "
                                                                      "WHERE relname = 'big' AND last_analyze IS NOT NULL "
                                                                      "OR relname = 'big' AND last_autoanalyze IS NOT NULL"))
                                       .rowCount() == 1;
        if (exists && !seeded)
            server->exec(QStringLiteral("DROP DATABASE %1").arg(server->quoteIdentifier(name)));
        if (!seeded) {
            server->exec(QStringLiteral("CREATE DATABASE %1").arg(server->quoteIdentifier(name)));
            auto conn = test::connect(db);
            QElapsedTimer t;
            t.start();
            conn->execScript(QStringLiteral(
                "CREATE TABLE public.big (id bigint PRIMARY KEY, grp integer NOT NULL, label text, "
                "at timestamptz NOT NULL, doc jsonb);"
                "INSERT INTO public.big SELECT g, g % 1000, 'row ' || g, "
                "timestamptz '2025-01-06' + g * interval '1 second', "
                "jsonb_build_object('n', g, 'fuel', g % 400) FROM generate_series(1, %1) g;").arg(rows));
            conn->exec(QStringLiteral("VACUUM ANALYZE public.big"));
            std::printf("seeded %lld rows in %.1f s\n", static_cast<long long>(rows), ms(t) / 1000);
        }
    }
    auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
    browse::RowSource src(*conn, browse::readDetails(*conn, QStringLiteral("public"), QStringLiteral("big")));
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());
    if (PQstatus(raw) != CONNECTION_OK)
        fail(QString::fromUtf8(PQerrorMessage(raw)));
    auto rawExec = [raw](const char *sql) {
        PGresult *r = PQexec(raw, sql);
        if (PQresultStatus(r) != PGRES_TUPLES_OK)
            fail(QString::fromUtf8(PQresultErrorMessage(r)));
        PQclear(r);
    };
    std::printf("bench_browse: %lld rows, %d repetitions, medians (ms unless said)\n",
                static_cast<long long>(rows), reps);

    // 1. First screen.
    auto [first, limit] = race(reps, [&] { src.page({}, {}, std::nullopt, false, 200); },
                               [&] { rawExec("SELECT * FROM public.big ORDER BY id LIMIT 200"); });
    report("first page (RowSource, by key)", first, "libpq SELECT * ... ORDER BY id LIMIT 200", limit, "<= 1.2");
    {
        // The same, split: the server's part (RowSource's own statement through raw libpq,
        // values cut to the grid's width) and ours (the rest: building the rows).
        const auto [text, params] = src.pageStatement({}, {}, std::nullopt, false, 200);
        const QByteArray sql = text.toUtf8();
        std::vector<QByteArray> storage;
        std::vector<const char *> values;
        for (const pg::Param &p : params)
            storage.push_back(p.text() ? *p.text() : QByteArray());
        for (const QByteArray &v : storage)
            values.push_back(v.constData());
        auto [ours, same] = race(reps, [&] { src.page({}, {}, std::nullopt, false, 200); }, [&] {
            PGresult *r = PQexecParams(raw, sql.constData(), int(values.size()), nullptr,
                                       values.data(), nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_TUPLES_OK)
                fail(QString::fromUtf8(PQresultErrorMessage(r)));
            PQclear(r);
        });
        report("first page (RowSource, by key)", ours, "libpq, RowSource's own statement", same, "for the record");
        // A page read again (the grid refreshed, paged back) runs its prepared statement;
        // so does the strongest baseline: the same statement prepared once through libpq.
        PGresult *prep = PQprepare(raw, "bench_page", sql.constData(), int(values.size()), nullptr);
        if (PQresultStatus(prep) != PGRES_COMMAND_OK)
            fail(QString::fromUtf8(PQresultErrorMessage(prep)));
        PQclear(prep);
        auto [again, prepared] = race(reps, [&] { src.page({}, {}, std::nullopt, false, 200); }, [&] {
            PGresult *r = PQexecPrepared(raw, "bench_page", int(values.size()), values.data(), nullptr, nullptr, 0);
            if (PQresultStatus(r) != PGRES_TUPLES_OK)
                fail(QString::fromUtf8(PQresultErrorMessage(r)));
            PQclear(r);
        });
        report("the same page, read again", again, "libpq, the same statement prepared", prepared, "for the record");
    }
    {
        std::vector<double> opens;
        for (int i = 0; i < std::min(reps, 11); ++i) {
            models::RowGridModel model;
            QSignalSpy opened(&model, &models::RowGridModel::opened);
            QElapsedTimer t;
            t.start();
            model.openTable(db, QStringLiteral("public"), QStringLiteral("big"));
            if (!opened.wait(60000))
                fail(QStringLiteral("the grid did not open"));
            opens.push_back(ms(t));
        }
        std::printf("%-46s %10.3f  (connect, catalog details, estimate, first page; for the record)\n",
                    "grid open to first screen", median(opens));
    }

    // 2. A page half way down, by keyset.
    const QByteArray middle = QByteArray::number(rows / 2);
    const browse::Position deep{std::nullopt, {middle}};
    auto [deepMs, firstAgain] = race(reps, [&] { src.page({}, {}, deep, false, 200); },
                                     [&] { src.page({}, {}, std::nullopt, false, 200); });
    report("page N/2 deep (keyset)", deepMs, "first page", firstAgain, "<= 1.5");

    // 3. The console streaming every row, from process start, vs psql with FETCH_COUNT.
    const QString select = QStringLiteral("SELECT * FROM public.big");
    std::vector<double> oursFirst, psqlFirst;
    Run oursRun, psqlRun;
    const int streamReps = std::min(reps, 5);
    for (int i = 0; i < streamReps; ++i) {
        oursRun = timeProcess(cli, {QStringLiteral("query"), QStringLiteral("--db"), db.conninfo(),
                                    QStringLiteral("--sql"), select}, {}, 1);
        psqlRun = timeProcess(QStringLiteral("psql"),
                              {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                               QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("FETCH_COUNT=200"),
                               QStringLiteral("-c"), select, db.conninfo()},
                              {}, 0);
        oursFirst.push_back(oursRun.firstMs);
        psqlFirst.push_back(psqlRun.firstMs);
    }
    report("console: first rows (statescope-cli query)", median(oursFirst), "psql, FETCH_COUNT=200", median(psqlFirst), "<= 1.5");
    std::printf("%-46s %10.1f s   %-40s %10.1f s   (%lld / %lld lines)\n", "console: whole result", oursRun.totalMs / 1000,
                "psql, FETCH_COUNT=200", psqlRun.totalMs / 1000, static_cast<long long>(oursRun.lines),
                static_cast<long long>(psqlRun.lines));
    std::printf("%-46s %10.1f MB  %-40s %10.1f MB  (target: ours under 300 MB)\n", "console: peak RSS",
                oursRun.maxRssKb / 1024.0, "psql, FETCH_COUNT=200", psqlRun.maxRssKb / 1024.0);

    // 4. Export: CSV through RowSource vs raw COPY of the same SELECT.
    auto copyRaw = [&]() -> qint64 {
        PGresult *r = PQexec(raw, "COPY (SELECT id, grp, label, at, doc FROM public.big ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)");
        if (PQresultStatus(r) != PGRES_COPY_OUT)
            fail(QString::fromUtf8(PQresultErrorMessage(r)));
        PQclear(r);
        qint64 bytes = 0;
        char *line = nullptr;
        int n;
        while ((n = PQgetCopyData(raw, &line, 0)) > 0) {
            bytes += n;
            PQfreemem(line);
        }
        PQclear(PQgetResult(raw));
        return bytes;
    };
    qint64 ourBytes = 0, rawBytes = 0;
    std::vector<double> oursMbs, rawMbs;
    for (int i = 0; i < std::min(reps, 3); ++i) {
        QElapsedTimer t;
        t.start();
        ourBytes = 0;
        src.copyOut({}, {}, false, [&](const char *, int len) {
            ourBytes += len;
            return true;
        });
        oursMbs.push_back(ourBytes / 1048576.0 / (ms(t) / 1000));
        t.restart();
        rawBytes = copyRaw();
        rawMbs.push_back(rawBytes / 1048576.0 / (ms(t) / 1000));
    }
    std::printf("%-46s %10.1f MB/s %-39s %10.1f MB/s ratio %.2f  (target >= 0.90; %lld vs %lld bytes)\n",
                "export CSV (RowSource::copyOut)", median(oursMbs), "libpq COPY of the same SELECT",
                median(rawMbs), median(oursMbs) / median(rawMbs), static_cast<long long>(ourBytes),
                static_cast<long long>(rawBytes));
    PQfinish(raw);
    conn.reset();
    if (!keep)
        test::dropDatabase(name);
    return 0;
}
