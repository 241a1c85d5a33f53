// Benchmark (not a test): how fast the collector stores what it fetches.
//
//   bench_collect [--rows N] [--batch B] [--reps R]
//
// 1. Storing: BatchStore::store of N SpaceTraders-shaped rows (canonical payload, hash) in
//    batches of B, one transaction each with its batch row, vs raw libpq COPY of the same
//    rows into the same table (rows per second; medians of R).
// 2. End to end, for the record: the collector against tests/tools/fake_api.py on
//    127.0.0.1 with no rate limit (one page per request), rows per second, next to what
//    the Python server answers alone (the same requests through curl-less Qt GETs are
//    not measured apart: the server is the bottleneck it shows).
#include "bench/benchutil.h"
#include "core/collect/batchstore.h"
#include "core/collect/collector.h"
#include "core/json/canonical.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <libpq-fe.h>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_collect: %s\n", qPrintable(why));
    std::exit(1);
}

std::vector<collect::Row> makeRows(int n)
{
    std::vector<collect::Row> rows;
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < n; ++i) {
        const nlohmann::json doc = {
            {"data", {{"symbol", "AGENT-1-" + std::to_string(i)},
                      {"fuel", {{"current", i % 400}, {"capacity", 400}}},
                      {"nav", {{"systemSymbol", "X1-DF55"}, {"status", "IN_ORBIT"}}},
                      {"cargo", {{"units", i % 40}, {"inventory", nlohmann::json::array()}}}}},
            {"meta", {{"page", i + 1}, {"limit", 1}, {"total", n}}}};
        collect::Row r;
        r.fetchedAt = t0.addMSecs(i);
        r.endpoint = QStringLiteral("/my/ships");
        r.requestKey = QStringLiteral("/v2/my/ships?page=%1&limit=1").arg(i + 1);
        r.status = 200;
        r.payload = json::canonical(doc);
        r.hash = json::sha256Hex(*r.payload);
        rows.push_back(std::move(r));
    }
    return rows;
}

QByteArray copyText(const std::vector<collect::Row> &rows)
{
    QByteArray out;
    for (const collect::Row &r : rows) {
        QByteArray payload = *r.payload;
        payload.replace("\\", "\\\\");
        out += r.fetchedAt.toString(Qt::ISODateWithMs).toUtf8() + '\t' + r.endpoint.toUtf8() + '\t'
               + r.requestKey.toUtf8() + '\t' + QByteArray::number(*r.status) + '\t' + payload + '\t'
               + *r.hash + '\n';
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int n = option(args, QStringLiteral("--rows"), QStringLiteral("20000")).toInt();
    const int batch = option(args, QStringLiteral("--batch"), QStringLiteral("50")).toInt();
    const int reps = option(args, QStringLiteral("--reps"), QStringLiteral("5")).toInt();
    const QString prefix = QStringLiteral("benchcollect");
    const QString name = weekly::WeeklyName::forDate(prefix, QDateTime::currentDateTimeUtc().date()).databaseName();
    const pg::ConnectionSettings server = test::directServerSettings();
    test::dropDatabase(name);
    {
        auto conn = test::connect(server);
        conn->exec(QStringLiteral("CREATE DATABASE %1").arg(conn->quoteIdentifier(name)));
    }
    const pg::ConnectionSettings db = server.withDatabase(name);
    {
        // Statescope's weekly schema, as the collector's create path makes it.
        const weekly::ServerAdmin admin(server);
        admin.migrate(name);
    }
    const std::vector<collect::Row> rows = makeRows(n);
    const QByteArray text = copyText(rows);
    std::printf("bench_collect: %d rows (%.1f MB of payload), batches of %d, medians of %d\n", n,
                text.size() / 1048576.0, batch, reps);

    std::vector<double> ours, copy;
    collect::BatchStore store(db, prefix, QStringLiteral("bench"));
    store.prepare();
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());
    if (PQstatus(raw) != CONNECTION_OK)
        fail(QString::fromUtf8(PQerrorMessage(raw)));
    for (int rep = 0; rep < reps; ++rep) {
        QElapsedTimer t;
        t.start();
        for (size_t i = 0; i < rows.size(); i += size_t(batch))
            store.store(std::vector<collect::Row>(rows.begin() + qsizetype(i),
                                                  rows.begin() + qsizetype(std::min(rows.size(), i + size_t(batch)))));
        ours.push_back(n / (ms(t) / 1000));
        t.restart();
        PGresult *r = PQexec(raw, "COPY raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash) FROM STDIN");
        if (PQresultStatus(r) != PGRES_COPY_IN)
            fail(QString::fromUtf8(PQresultErrorMessage(r)));
        PQclear(r);
        for (qsizetype off = 0; off < text.size(); off += 65536)
            PQputCopyData(raw, text.constData() + off, int(std::min<qsizetype>(65536, text.size() - off)));
        PQputCopyEnd(raw, nullptr);
        r = PQgetResult(raw);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            fail(QString::fromUtf8(PQresultErrorMessage(r)));
        PQclear(r);
        copy.push_back(n / (ms(t) / 1000));
    }
    std::printf("%-52s %10.0f rows/s  %-34s %10.0f rows/s  ratio %.2f\n", "BatchStore::store (batch row, typed VALUES)",
                median(ours), "libpq COPY of the same rows, one txn", median(copy), median(ours) / median(copy));
    PQfinish(raw);

    // 2. End to end against the local fake API.
    QTemporaryDir dir;
    QProcess api;
    const int pages = std::min(n, 2000);
    api.start(QStringLiteral("python3"), {QStringLiteral(STATESCOPE_FAKE_API), QStringLiteral("--log"),
                                          dir.path() + QStringLiteral("/log"), QStringLiteral("--ships"),
                                          QString::number(pages)});
    if (!api.waitForReadyRead(10000))
        fail(QStringLiteral("fake_api.py did not start"));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(api.readLine().trimmed().toInt());
    collect::Config config = collect::Config::fromJson(
        QStringLiteral("{\"base_url\": \"%1\", \"rate_limit\": {\"burst\": 10000, \"per_second\": 10000}, "
                       "\"batch_rows\": %2, \"refresh_minutes\": 0, "
                       "\"endpoints\": [{\"path\": \"/my/ships\", \"paged\": true, \"limit\": 1}]}")
            .arg(url)
            .arg(batch)
            .toUtf8(),
        QStringLiteral("bench"));
    collect::Options o;
    o.server = server;
    o.prefix = prefix;
    o.once = true;
    CancelToken cancel;
    QElapsedTimer t;
    t.start();
    const collect::Stats s = collect::Collector(config, o).run(cancel);
    std::printf("%-52s %10.0f rows/s  (%lld requests to a Python http.server on 127.0.0.1; for the record)\n",
                "collector end to end, no rate limit", s.rows / (ms(t) / 1000), static_cast<long long>(s.requests));
    api.kill();
    api.waitForFinished();
    test::dropDatabase(name);
    return 0;
}
