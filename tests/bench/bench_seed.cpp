// Benchmark (not a test): how the demo generator and the migrator compare with psql doing
// the same loading work in the same run, on the harness's sandbox server.
//
//   bench_seed [--events N]     (default 200000; 10000000 for the benchmark size)
//
// Prints one line per measurement: ours, the baseline, and the ratio.
#include "core/demo/demogenerator.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace statescope;

namespace {

double runPsql(const pg::ConnectionSettings &db, const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(pg::environmentFor(db));
    QElapsedTimer t;
    t.start();
    p.start(pg::clientProgram(QStringLiteral("psql")),
            QStringList{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                        QStringLiteral("ON_ERROR_STOP=1")}
                + args);
    p.waitForFinished(-1);
    if (p.exitCode() != 0) {
        std::fprintf(stderr, "psql failed: %s\n", p.readAllStandardError().constData());
        std::exit(1);
    }
    return t.nsecsElapsed() / 1e6;
}

void line(const char *what, double ours, const char *baseline, double base)
{
    std::printf("%-34s %10.1f ms   %-34s %10.1f ms   ratio %.2f\n", what, ours, baseline, base,
                ours / base);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 events = 200000;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--events"));
    if (at > 0 && at + 1 < args.size())
        events = args[at + 1].toLongLong();

    // Migrations: the embedded set through the migrator vs psql -1 -f on the same files.
    QTemporaryDir sqlDir;
    QStringList psqlFiles;
    for (const auto &m : migrate::MigrationSet::embedded().migrations()) {
        QFile f(sqlDir.filePath(m.fileName));
        f.open(QIODevice::WriteOnly);
        f.write(m.sql.toUtf8());
        psqlFiles << QStringLiteral("-f") << f.fileName();
    }
    const auto migA = test::emptyDatabase(QStringLiteral("bench_mig_a"));
    const auto migB = test::emptyDatabase(QStringLiteral("bench_mig_b"));
    QElapsedTimer t;
    t.start();
    {
        auto conn = pg::Connection::open(migA);
        migrate::Migrator().migrate(*conn);
    }
    const double migrateOurs = t.nsecsElapsed() / 1e6;
    const double migrateBase = runPsql(migB, QStringList{QStringLiteral("-1")} + psqlFiles);
    line("migrate (embedded set)", migrateOurs, "psql -1 -f V*.sql", migrateBase);

    // Seeding: generate + COPY vs psql \copy of the very rows generated (load only).
    const auto seeded = test::freshDatabase(QStringLiteral("bench_seed_a"));
    const auto loaded = test::freshDatabase(QStringLiteral("bench_seed_b"));
    demo::DemoOptions options;
    options.events = events;
    options.games = 0;
    options.snapshots = 0;
    t.restart();
    {
        auto conn = pg::Connection::open(seeded);
        demo::seed(*conn, options);
    }
    const double seedOurs = t.nsecsElapsed() / 1e6;
    const QString dump = sqlDir.filePath(QStringLiteral("events.copy"));
    const QString cols = QStringLiteral("(fetched_at, endpoint, request_key, status_code, payload, "
                                        "payload_hash)");
    runPsql(seeded, {QStringLiteral("-c"),
                     QStringLiteral("\\copy raw.api_events %1 TO '%2'").arg(cols, dump)});
    const double seedBase = runPsql(
        loaded, {QStringLiteral("-c"), QStringLiteral("\\copy raw.api_events %1 FROM '%2'").arg(cols, dump)});
    const QByteArray label = QStringLiteral("demo seed, %1 events").arg(events).toUtf8();
    line(label.constData(), seedOurs, "psql \\copy FROM (same rows)", seedBase);
    std::printf("generated %.0f events/s (%.1f MB of COPY text)\n", events / (seedOurs / 1000.0),
                QFileInfo(dump).size() / 1e6);

    for (const auto &db : {migA, migB, seeded, loaded})
        test::dropDatabase(db.database());
    return 0;
}
