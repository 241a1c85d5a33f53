// Benchmark (not a test): a shard set read as one database, next to raw libpq doing the same
// work in the same run (each shard asked at once with PQsendQuery, the pages merged by key in
// the program); medians after one warm-up, ours and the baseline taking turns.
//
//   bench_shards [--players N] [--shards S] [--reps R]
//
//   --players N  players over all shards, placed by seed 003's rule (default 1000000)
//   --shards S   shard databases, each holding 8/S of the rule's values (2, 4 or 8; default 4)
//   --reps R     repetitions of each figure (default 31)
//
// The databases (bench_shards_<N>_<S>_<i>) are kept and reused by the next run.
//
// 1. the first page of players by key (200 rows): ShardReader::page vs S queries at once,
//    merged;
// 2. a page from the middle of the key order (keyset, from a cursor at the middle uuid);
// 3. one player: the rule names his shard and only it is read, vs one query on that shard;
// 4. the exact count summed over the shards vs count(*) on each at once;
// 5. paging through every player, 1,000 a page: the time per page and the rows held at once.
//
// 1-3 are each measured a second time against the baseline's statements prepared once per
// connection (PQprepare): Statescope prepares the statements a read repeats, so a repeated
// read is compared with the strongest baseline too.
#include "bench/benchdb.h"
#include "core/shard/shardreader.h"
#include "core/task/canceltoken.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <cstdio>
#include <set>
#include <libpq-fe.h>

using namespace statescope;
using namespace statescope::bench;

namespace {

const QString kRule = QStringLiteral("(('x' || substr(player_id::text, 1, 2))::bit(8)::int % 8)");

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_shards: %s\n", qPrintable(why));
    std::exit(1);
}

void report(const char *what, double ours, const char *baseline, double base)
{
    std::printf("%-44s %10.3f ms  %-40s %10.3f ms  ratio %.2f\n", what, ours, baseline, base, ours / base);
    std::fflush(stdout);
}

// The statement on every connection at once; each result's first column as text, in order.
// Prepared: the statement prepared once per connection (PQprepare), then only run by name,
// as Statescope runs the statements it reuses: the strongest baseline for a repeated read.
std::vector<std::vector<QByteArray>> onEach(const std::vector<PGconn *> &conns, const QByteArray &sql,
                                            const QByteArray &param = {}, bool prepared = false)
{
    static std::set<std::pair<PGconn *, QByteArray>> preparedOn;
    const QByteArray name = "bench_" + QByteArray::number(qHash(sql), 16);
    for (PGconn *c : conns) {
        const char *values[1] = {param.constData()};
        const int count = param.isNull() ? 0 : 1;
        if (prepared && preparedOn.insert({c, sql}).second) {
            PGresult *r = PQprepare(c, name.constData(), sql.constData(), count, nullptr);
            if (PQresultStatus(r) != PGRES_COMMAND_OK)
                fail(QString::fromUtf8(PQresultErrorMessage(r)));
            PQclear(r);
        }
        const int sent = prepared           ? PQsendQueryPrepared(c, name.constData(), count, values, nullptr, nullptr, 0)
                         : param.isNull() ? PQsendQuery(c, sql.constData())
                                          : PQsendQueryParams(c, sql.constData(), 1, nullptr, values, nullptr, nullptr, 0);
        if (!sent)
            fail(QString::fromUtf8(PQerrorMessage(c)));
    }
    std::vector<std::vector<QByteArray>> out(conns.size());
    for (size_t i = 0; i < conns.size(); ++i) {
        while (PGresult *r = PQgetResult(conns[i])) {
            if (PQresultStatus(r) != PGRES_TUPLES_OK)
                fail(QString::fromUtf8(PQresultErrorMessage(r)));
            for (int row = 0; row < PQntuples(r); ++row) {
                // Every column read, as the grid's rows are.
                QByteArray first = PQgetvalue(r, row, 0);
                for (int c = 1; c < PQnfields(r); ++c)
                    (void)PQgetvalue(r, row, c);
                out[i].push_back(first);
            }
            PQclear(r);
        }
    }
    return out;
}

// The smallest `limit` keys of the shards' pages.
std::vector<QByteArray> merge(const std::vector<std::vector<QByteArray>> &pages, int limit)
{
    std::vector<size_t> at(pages.size(), 0);
    std::vector<QByteArray> out;
    while (int(out.size()) < limit) {
        int best = -1;
        for (size_t i = 0; i < pages.size(); ++i)
            if (at[i] < pages[i].size() && (best < 0 || pages[i][at[i]] < pages[size_t(best)][at[size_t(best)]]))
                best = int(i);
        if (best < 0)
            break;
        out.push_back(pages[size_t(best)][at[size_t(best)]++]);
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 players = option(args, QStringLiteral("--players"), QStringLiteral("1000000")).toLongLong();
    const int shards = option(args, QStringLiteral("--shards"), QStringLiteral("4")).toInt();
    const int reps = option(args, QStringLiteral("--reps"), QStringLiteral("31")).toInt();
    if (players < 1000 || (shards != 2 && shards != 4 && shards != 8) || reps < 1)
        fail(QStringLiteral("--players >= 1000, --shards 2, 4 or 8, --reps >= 1"));
    std::printf("bench_shards: %lld players on %d shards, %d repetitions (medians)\n", players, shards, reps);

    shard::ShardSet set;
    set.name = QStringLiteral("bench");
    set.rule.expression = kRule;
    set.rule.values = 8;
    const int each = 8 / shards;
    for (int s = 0; s < shards; ++s) {
        QList<int> values;
        QStringList list;
        for (int v = s * each; v < (s + 1) * each; ++v) {
            values << v;
            list << QString::number(v);
        }
        const QString where = QStringLiteral("(('x' || substr(md5('p' || i), 1, 2))::bit(8)::int % 8) = ANY (ARRAY[%1])")
                                  .arg(list.join(QLatin1Char(',')));
        const pg::ConnectionSettings db = ensure(
            QStringLiteral("bench_shards_%1_%2_%3").arg(players).arg(shards).arg(s),
            [&](pg::Connection &c) {
                c.exec(QStringLiteral("CREATE TABLE players (player_id uuid PRIMARY KEY, username text NOT NULL, "
                                      "level int NOT NULL DEFAULT 1, coins bigint NOT NULL DEFAULT 0, created_at "
                                      "timestamptz NOT NULL DEFAULT now(), shard_key smallint GENERATED ALWAYS AS "
                                      "(%1) STORED)")
                           .arg(kRule));
                c.exec(QStringLiteral("INSERT INTO players (player_id, username, level, coins) SELECT md5('p' || i)::uuid, "
                                      "'p' || i, i % 50, i * 7 FROM generate_series(1, %1) i WHERE %2")
                           .arg(players)
                           .arg(where));
            },
            QStringLiteral("SELECT count(*) FROM players WHERE NOT (shard_key = ANY (ARRAY[%1]))")
                .arg(list.join(QLatin1Char(','))),
            0);
        set.members.append({QStringLiteral("s%1").arg(s), db, values});
    }

    CancelToken token;
    shard::ShardReader reader(set);
    reader.resolve(token);
    std::vector<PGconn *> raw;
    for (const shard::Member &m : set.members) {
        PGconn *c = PQconnectdb(m.settings.conninfo().toUtf8().constData());
        if (PQstatus(c) != CONNECTION_OK)
            fail(QString::fromUtf8(PQerrorMessage(c)));
        raw.push_back(c);
    }
    const QString pub = QStringLiteral("public"), table = QStringLiteral("players");

    // 1. The first page.
    {
        int ours = 0, base = 0;
        const auto [a, b] = race(
            reps, [&] { ours = int(reader.page(pub, table, {}, {}, {}, 200, token).rows.size()); },
            [&] { base = int(merge(onEach(raw, "SELECT * FROM players ORDER BY player_id LIMIT 200"), 200).size()); });
        if (ours != 200 || base != 200)
            fail(QStringLiteral("the first page has %1 rows, the baseline's %2").arg(ours).arg(base));
        report("first page by key, 200 rows, merged", a, "libpq: each shard at once, merged", b);
        const auto [pa, pb] = race(
            reps, [&] { ours = int(reader.page(pub, table, {}, {}, {}, 200, token).rows.size()); },
            [&] { base = int(merge(onEach(raw, "SELECT * FROM players ORDER BY player_id LIMIT 200", {}, true), 200).size()); });
        report("the same, again", pa, "libpq, prepared: each shard, merged", pb);
    }

    // 2. A page from the middle: each shard after the middle uuid.
    {
        const QByteArray middle = "80000000-0000-0000-0000-000000000000";
        shard::Cursor from;
        for (int s = 0; s < shards; ++s) {
            browse::Position p;
            p.key = {middle};
            from.after.emplace_back(p);
            from.ended.push_back(false);
        }
        QByteArray oursFirst, baseFirst;
        const auto [a, b] = race(
            reps,
            [&] {
                const shard::Page page = reader.page(pub, table, {}, {}, from, 200, token);
                oursFirst = page.rows.isEmpty() ? QByteArray() : *page.rows.first().cells[0];
            },
            [&] {
                const auto keys = merge(
                    onEach(raw, "SELECT * FROM players WHERE player_id > $1::uuid ORDER BY player_id LIMIT 200", middle), 200);
                baseFirst = keys.empty() ? QByteArray() : keys.front();
            });
        if (oursFirst != baseFirst)
            fail(QStringLiteral("the middle page starts at %1, the baseline's at %2")
                     .arg(QString::fromUtf8(oursFirst), QString::fromUtf8(baseFirst)));
        report("page from the middle (keyset), 200 rows", a, "libpq: each shard at once, merged", b);
        const auto [pa, pb] = race(
            reps, [&] { (void)reader.page(pub, table, {}, {}, from, 200, token); },
            [&] {
                (void)merge(onEach(raw, "SELECT * FROM players WHERE player_id > $1::uuid ORDER BY player_id LIMIT 200",
                                   middle, true),
                            200);
            });
        report("the same, again", pa, "libpq, prepared: each shard, merged", pb);
    }

    // 3. One player, read on his shard only.
    {
        const QByteArray player = QCryptographicHash::hash("p4242", QCryptographicHash::Md5).toHex();
        const QByteArray uuid = player.left(8) + '-' + player.mid(8, 4) + '-' + player.mid(12, 4) + '-'
                              + player.mid(16, 4) + '-' + player.mid(20);
        const int owner = set.memberOf(player.left(2).toInt(nullptr, 16) % 8);
        const browse::Filter f{QStringLiteral("player_id"), browse::Filter::Op::Equals, QString::fromLatin1(uuid)};
        int ours = 0, base = 0, asked = 0;
        const auto [a, b] = race(
            reps,
            [&] {
                const shard::Page page = reader.page(pub, table, {f}, {}, {}, 200, token);
                ours = int(page.rows.size());
                asked = int(page.asked.size());
            },
            [&] {
                base = int(onEach({raw[size_t(owner)]}, "SELECT * FROM players WHERE player_id = $1::uuid", uuid)[0].size());
            });
        if (ours != 1 || base != 1 || asked != 1)
            fail(QStringLiteral("one player: %1 rows from %2 shards, the baseline %3").arg(ours).arg(asked).arg(base));
        report("one player, routed by the rule", a, "libpq: one query on his shard", b);
        const auto [pa, pb] = race(
            reps, [&] { (void)reader.page(pub, table, {f}, {}, {}, 200, token); },
            [&] { (void)onEach({raw[size_t(owner)]}, "SELECT * FROM players WHERE player_id = $1::uuid", uuid, true); });
        report("the same, again", pa, "libpq, prepared: on his shard", pb);
    }

    // 4. The exact count.
    {
        qint64 ours = 0, base = 0;
        const auto [a, b] = race(
            std::max(1, reps / 4), [&] { ours = reader.count(pub, table, {}, true, token).rows; },
            [&] {
                base = 0;
                for (const auto &r : onEach(raw, "SELECT count(*) FROM players"))
                    base += r.front().toLongLong();
            });
        if (ours != players || base != players)
            fail(QStringLiteral("counted %1, the baseline %2, of %3").arg(ours).arg(base).arg(players));
        report("exact count, summed", a, "libpq: count(*) on each at once", b);
    }

    // 5. Every player, 1,000 a page.
    {
        QElapsedTimer t;
        t.start();
        shard::Cursor cursor;
        qint64 seen = 0;
        int pages = 0;
        QByteArray last;
        for (;;) {
            const shard::Page page = reader.page(pub, table, {}, {}, cursor, 1000, token);
            for (const browse::Row &r : page.rows) {
                if (!last.isEmpty() && !(last < *r.cells[0]))
                    fail(QStringLiteral("out of order after %1 rows").arg(seen));
                last = *r.cells[0];
            }
            seen += page.rows.size();
            ++pages;
            cursor = page.next;
            if (page.atEnd)
                break;
        }
        const double whole = ms(t);
        if (seen != players)
            fail(QStringLiteral("paged through %1 rows of %2").arg(seen).arg(players));
        std::printf("%-44s %10.3f ms  %d pages, %.3f ms a page, at most %d rows held (1,000 x %d shards)\n",
                    "every player, 1,000 a page, in key order", whole, pages, whole / pages, 1000 * shards, shards);
    }
    for (PGconn *c : raw)
        PQfinish(c);
    reader.release();
    return 0;
}
