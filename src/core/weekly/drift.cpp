#include "core/weekly/drift.h"

#include "core/catalog/schemadiff.h"
#include "core/error.h"
#include "core/layout/history.h"
#include "core/layout/layout.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "core/task/worker.h"

#include <QHash>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace statescope::weekly {

using catalog::SchemaChange;
using catalog::SchemaDiff;
using catalog::SchemaObject;
using catalog::SchemaSnapshot;

namespace {

struct WeekRead
{
    WeekDrift drift;
    std::shared_ptr<SchemaSnapshot> snapshot;
    QHash<QString, QString> checksums; // "Flyway 3" -> its checksum as recorded
};

// The checksums the histories keep per version (tools that keep one).
QHash<QString, QString> checksumsOf(pg::Connection &conn, const QList<layout::History> &histories)
{
    QHash<QString, QString> out;
    for (const layout::History &h : histories) {
        const QStringList parts = h.table.split(QLatin1Char('.'));
        if (parts.size() != 2)
            continue;
        const QString table = layout::quoteIdent(parts[0]) + QLatin1Char('.') + layout::quoteIdent(parts[1]);
        QString sql;
        if (h.tool == QLatin1String("Flyway"))
            sql = QStringLiteral("SELECT version, checksum::text FROM %1 WHERE success AND version IS NOT NULL").arg(table);
        else if (h.tool == QLatin1String("sqlx"))
            sql = QStringLiteral("SELECT version::text, encode(checksum, 'hex') FROM %1 WHERE success").arg(table);
        else if (h.table == QLatin1String("statescope.schema_history") || h.table == QLatin1String("statescope.bookkeeping_history"))
            sql = QStringLiteral("SELECT version::text, checksum FROM %1 WHERE success").arg(table);
        if (sql.isEmpty())
            continue;
        try {
            const auto r = conn.exec(sql);
            for (int i = 0; i < r.rowCount(); ++i)
                out.insert(QStringLiteral("%1 %2").arg(h.tool, r.value(i, 0)), r.value(i, 1));
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Connection || e.kind() == Error::Kind::Cancelled)
                throw;
        }
    }
    return out;
}

WeekRead readWeek(const weekly::FamilyWeek &w, TaskContext *ctx)
{
    WeekRead out;
    out.drift.week = w;
    if (!w.info.takesConnections) {
        out.drift.error = w.missing ? w.info.problem
                                    : FamilyDrift::tr("%1 takes no connections now (a reset or drop may be under way).")
                                          .arg(w.database());
        return out;
    }
    try {
        auto conn = pg::Connection::open(w.settings, pg::Connection::Access::ReadOnly, ctx ? &ctx->cancelToken() : nullptr);
        out.snapshot = std::make_shared<SchemaSnapshot>(SchemaSnapshot::read(*conn));
        out.drift.fingerprint = out.snapshot->fingerprint();
        const QList<layout::History> histories = layout::Histories::read(*conn);
        for (const layout::History &h : histories)
            out.drift.tools << h.summary();
        if (histories.isEmpty())
            out.drift.tools << FamilyDrift::tr("no migration history");
        out.checksums = checksumsOf(*conn, histories);
        // Statescope's own: against the files this build carries.
        const migrate::SchemaStatus st = migrate::Migrator().status(*conn, true);
        for (const migrate::Drift &d : st.drift)
            out.drift.checksumDrift << FamilyDrift::tr("Statescope V%1 differs from its file %2").arg(d.version).arg(d.fileName);
    } catch (const Error &e) {
        if (e.kind() == Error::Kind::Cancelled)
            throw;
        out.drift.error = e.oneLine();
        out.snapshot.reset();
    }
    return out;
}

} // namespace

FamilyDrift FamilyDrift::read(const QList<weekly::FamilyWeek> &weeks, int parallelism, TaskContext *ctx)
{
    std::vector<WeekRead> reads(size_t(weeks.size()));
    std::atomic<int> next{0};
    std::atomic<int> finished{0};
    std::mutex failureLock;
    std::exception_ptr failure;
    const auto work = [&] {
        for (;;) {
            const int i = next++;
            if (i >= weeks.size() || (ctx && ctx->isCancelled()))
                return;
            try {
                reads[size_t(i)] = readWeek(weeks[i], ctx);
            } catch (...) {
                std::lock_guard guard(failureLock);
                if (!failure)
                    failure = std::current_exception();
            }
            ++finished;
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < std::clamp(parallelism, 1, 16) && t < weeks.size(); ++t)
        threads.emplace_back(work);
    while (finished < weeks.size() && !(ctx && ctx->isCancelled()) && !failure) {
        if (ctx)
            ctx->progress(finished, int(weeks.size()), tr("Reading the schemas of the family's weeks"));
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    for (std::thread &t : threads)
        t.join();
    if (ctx)
        ctx->throwIfCancelled();
    if (failure)
        std::rethrow_exception(failure);

    FamilyDrift out;
    // The majority: the fingerprint most weeks share (the newest week's among equals).
    std::map<QString, int> votes;
    for (const WeekRead &r : reads)
        if (!r.drift.fingerprint.isEmpty())
            ++votes[r.drift.fingerprint];
    for (auto it = reads.rbegin(); it != reads.rend(); ++it)
        if (!it->drift.fingerprint.isEmpty() && votes[it->drift.fingerprint] > out.majorityWeeks) {
            out.majorityWeeks = votes[it->drift.fingerprint];
            out.majorityFingerprint = it->drift.fingerprint;
        }
    std::shared_ptr<SchemaSnapshot> majority;
    for (const WeekRead &r : reads)
        if (r.drift.fingerprint == out.majorityFingerprint && r.snapshot) {
            majority = r.snapshot;
            out.majorityExample = r.drift.week.database();
            break;
        }
    // The majority's checksum of every versioned migration.
    QHash<QString, std::map<QString, int>> checksumVotes;
    for (const WeekRead &r : reads)
        for (auto it = r.checksums.cbegin(); it != r.checksums.cend(); ++it)
            ++checksumVotes[it.key()][it.value()];
    // Weeks with the same schema differ from the majority the same way: compared once.
    struct Differences
    {
        QStringList lines, owners;
        int count = 0, ownerCount = 0;
    };
    QHash<QString, Differences> differencesOf;
    for (WeekRead &r : reads) {
        WeekDrift &w = r.drift;
        w.majority = !w.fingerprint.isEmpty() && w.fingerprint == out.majorityFingerprint;
        if (!w.majority && r.snapshot && majority) {
            if (!differencesOf.contains(w.fingerprint)) {
                const SchemaDiff d = SchemaDiff::compare(*majority, *r.snapshot);
                Differences found;
                for (const SchemaChange &c : d.changes) {
                    // An owner is a kind of its own: a week restored or made by another role
                    // differs there and nowhere else.
                    if (c.object().kind == SchemaObject::Kind::Owner && c.type == SchemaChange::Type::Changed) {
                        if (found.ownerCount++ < kDifferencesShown)
                            found.owners << QStringLiteral("%1: %2").arg(c.object().label().mid(SchemaObject::kindLabel(SchemaObject::Kind::Owner).size() + 1),
                                                                          c.summary());
                        continue;
                    }
                    if (found.count++ < kDifferencesShown)
                        found.lines << QStringLiteral("%1 %2")
                                           .arg(c.type == SchemaChange::Type::Added     ? QStringLiteral("+")
                                                : c.type == SchemaChange::Type::Removed ? QStringLiteral("-")
                                                                                        : QStringLiteral("~"),
                                                c.object().label());
                }
                differencesOf.insert(w.fingerprint, found);
            }
            const Differences &found = differencesOf[w.fingerprint];
            w.differences = found.lines;
            w.differenceCount = found.count;
            w.owners = found.owners;
            w.ownerCount = found.ownerCount;
        }
        for (auto it = r.checksums.cbegin(); it != r.checksums.cend(); ++it) {
            const auto &votesOf = checksumVotes[it.key()];
            const auto best = std::max_element(votesOf.begin(), votesOf.end(),
                                               [](const auto &a, const auto &b) { return a.second < b.second; });
            if (best != votesOf.end() && best->first != it.value() && votesOf.size() > 1)
                w.checksumDrift << tr("%1: checksum %2, most weeks have %3").arg(it.key(), it.value(), best->first);
        }
        out.weeks.append(w);
    }
    return out;
}

std::optional<QString> FamilyDrift::copyWarning(const pg::ConnectionSettings &server, const QString &database,
                                                TaskContext *ctx)
{
    const auto name = weekly::WeeklyName::parse(database);
    if (!name)
        return std::nullopt;
    const weekly::Family family = weekly::Family::list({{{}, server, {}}}, name->prefix(), ctx);
    if (family.readable().size() < 3)
        return std::nullopt;
    return read(family.readable(), 2, ctx).warningFor(database);
}

const WeekDrift *FamilyDrift::of(const QString &database) const
{
    for (const WeekDrift &w : weeks)
        if (w.week.database() == database)
            return &w;
    return nullptr;
}

std::optional<QString> FamilyDrift::warningFor(const QString &database) const
{
    const WeekDrift *w = of(database);
    if (!w || w->majority || majorityWeeks < 2 || w->fingerprint.isEmpty())
        return std::nullopt;
    if (w->differenceCount == 0) // its owners only
        return tr("%1 has other owners than the schema %2 of the family's %3 weeks share (%n object(s), e.g. %4): "
                  "what is made from it will too.",
                  nullptr, w->ownerCount)
            .arg(database, majorityExample)
            .arg(majorityWeeks)
            .arg(w->owners.mid(0, 3).join(QStringLiteral(", ")));
    return tr("%1 differs from the schema %2 of the family's %3 weeks share (%n object(s), e.g. %4): what is made "
              "from it will too.",
              nullptr, w->differenceCount)
        .arg(database, majorityExample)
        .arg(majorityWeeks)
        .arg(w->differences.mid(0, 3).join(QStringLiteral(", ")));
}

catalog::SchemaSnapshot migrationsSchema(TaskContext *ctx)
{
    const sandbox::Info info = sandbox::Sandbox().start();
    const ServerAdmin admin(info.settings);
    const QString name = QStringLiteral("statescope_scratch_%1").arg(QCoreApplication::applicationPid());
    auto conn = pg::Connection::open(info.settings);
    conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(conn->quoteIdentifier(name)));
    conn->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(conn->quoteIdentifier(name)));
    catalog::SchemaSnapshot s;
    try {
        auto db = pg::Connection::open(admin.databaseSettings(name), pg::Connection::Access::ReadWrite,
                                       ctx ? &ctx->cancelToken() : nullptr);
        migrate::Migrator(migrate::MigrationSet::embedded()).migrate(*db, ctx);
        s = catalog::SchemaSnapshot::read(*db);
    } catch (...) {
        conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(conn->quoteIdentifier(name)));
        throw;
    }
    conn->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(conn->quoteIdentifier(name)));
    s.database = QCoreApplication::translate("statescope::catalog::SchemaSnapshot", "Statescope's weekly schema (migrations V001-V%1)").arg(migrate::MigrationSet::embedded().latestVersion(), 3, 10, QLatin1Char('0'));
    s.server = QCoreApplication::translate("statescope::catalog::SchemaSnapshot", "the local sandbox");
    s.leaveOwnersOut(); // made by the sandbox's role, not by a week's
    return s;
}

} // namespace statescope::weekly
