#include "core/upkeep/partitions.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/upkeep/journal_p.h"
#include "core/upkeep/verify_p.h"
#include "core/weekly/serveradmin.h"

#include <QFileInfo>

#include <algorithm>

namespace statescope::upkeep {

using layout::quoteIdent;

namespace {

// Never more in one run: a mistyped bound must not make a thousand tables.
constexpr int kMaxNew = 120;

QString qualify(const QString &schema, const QString &name)
{
    return quoteIdent(schema) + QLatin1Char('.') + quoteIdent(name);
}

Scheme::Step stepOf(const Partition &p)
{
    if (!p.from.isValid() || !p.to.isValid() || p.from.time() != QTime(0, 0) || p.to.time() != QTime(0, 0))
        return Scheme::Step::Unknown;
    const QDate from = p.from.date();
    if (from.day() == 1 && from.month() == 1 && p.to == p.from.addYears(1))
        return Scheme::Step::Year;
    if (from.day() == 1 && p.to == p.from.addMonths(1))
        return Scheme::Step::Month;
    const qint64 days = p.from.daysTo(p.to);
    if (days == 7)
        return Scheme::Step::Week;
    if (days == 1)
        return Scheme::Step::Day;
    return Scheme::Step::Unknown;
}

QStringList formatsFor(Scheme::Step step)
{
    const QStringList days = {QStringLiteral("yyyy_MM_dd"), QStringLiteral("yyyyMMdd"),
                              QStringLiteral("'p'yyyy_MM_dd"), QStringLiteral("'p'yyyyMMdd")};
    switch (step) {
    case Scheme::Step::Year:
        return QStringList{QStringLiteral("yyyy"), QStringLiteral("'p'yyyy")} + days;
    case Scheme::Step::Month:
        return QStringList{QStringLiteral("yyyy_MM"), QStringLiteral("yyyyMM"), QStringLiteral("'p'yyyy_MM"),
                           QStringLiteral("'p'yyyyMM")}
               + days;
    case Scheme::Step::Week:
    case Scheme::Step::Day:
        return days;
    case Scheme::Step::Unknown:
        break;
    }
    return {};
}

Scheme detect(const QList<Partition> &parts)
{
    Scheme s;
    QList<Partition> ranged;
    for (const Partition &p : parts)
        if (!p.isDefault)
            ranged << p;
    if (ranged.isEmpty()) {
        s.problem = Partitions::tr("it has no partition with a time range to continue");
        return s;
    }
    const Scheme::Step step = stepOf(ranged.first());
    for (const Partition &p : ranged)
        if (stepOf(p) != step || step == Scheme::Step::Unknown) {
            s.problem = Partitions::tr("%1 does not span one day, week, month or year from midnight UTC "
                                       "like the others")
                            .arg(p.name);
            return s;
        }
    for (const QString &format : formatsFor(step)) {
        const QString first = ranged.first().from.date().toString(format);
        if (!ranged.first().name.endsWith(first))
            continue;
        const QString prefix = ranged.first().name.left(ranged.first().name.size() - first.size());
        const bool all = std::all_of(ranged.begin(), ranged.end(), [&](const Partition &p) {
            return p.name == prefix + p.from.date().toString(format);
        });
        if (all) {
            s.step = step;
            s.prefix = prefix;
            s.dateFormat = format;
            return s;
        }
    }
    s.problem = Partitions::tr("their names (%1, ...) do not all follow one pattern of the table's name "
                               "and the lower bound's date")
                    .arg(ranged.first().name);
    return s;
}

} // namespace

QString detail::boundLiteral(const QDateTime &t, const QString &columnType)
{
    if (columnType == QLatin1String("date"))
        return t.date().toString(Qt::ISODate);
    const QString text = t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return columnType.contains(QLatin1String("with time zone")) ? text + QStringLiteral("+00") : text;
}

QString detail::forValues(const Partition &p, const QString &columnType)
{
    return QStringLiteral("FOR VALUES FROM ('%1') TO ('%2')")
        .arg(boundLiteral(p.from, columnType), boundLiteral(p.to, columnType));
}

namespace {

using detail::boundLiteral;
using detail::forValues;

QDateTime lastBound(const PartitionedTable &t)
{
    QDateTime last;
    for (const Partition &p : t.partitions)
        if (!p.isDefault && (!last.isValid() || p.to > last))
            last = p.to;
    return last;
}

QDateTime addSteps(const QDateTime &t, Scheme::Step step, int n)
{
    switch (step) {
    case Scheme::Step::Year: return t.addYears(n);
    case Scheme::Step::Month: return t.addMonths(n);
    case Scheme::Step::Week: return t.addDays(7 * qint64(n));
    case Scheme::Step::Day: return t.addDays(n);
    case Scheme::Step::Unknown: break;
    }
    return t;
}

void requireScheme(const PartitionedTable &t)
{
    if (!t.scheme.known())
        throw Error::invalidInput(Partitions::tr("The partitions of %1 follow no scheme Statescope can continue: %2.")
                                      .arg(t.displayName(), t.scheme.problem));
}

// Reads under UTC, so that bounds print and parse the same whatever the server's zone.
template <class F> auto inUtc(pg::Connection &conn, F &&fn)
{
    return conn.transaction([&] {
        conn.exec(QStringLiteral("SELECT set_config('TimeZone', 'UTC', true)"));
        return fn();
    });
}

} // namespace

QString Partition::qualified() const
{
    return qualify(schema, name);
}

QDateTime Scheme::next(const QDateTime &from) const
{
    return addSteps(from, step, 1);
}

QString Scheme::nameFor(const QDateTime &from) const
{
    return prefix + from.date().toString(dateFormat);
}

QString Scheme::stepName(Step step)
{
    switch (step) {
    case Step::Day: return Partitions::tr("one day from 00:00 UTC");
    case Step::Week: return Partitions::tr("one week from 00:00 UTC");
    case Step::Month: return Partitions::tr("one month from the 1st at 00:00 UTC");
    case Step::Year: return Partitions::tr("one year from January 1st at 00:00 UTC");
    case Step::Unknown: break;
    }
    return Partitions::tr("no known step");
}

QString Scheme::expectedForm() const
{
    QString f = dateFormat;
    f.remove(QLatin1Char('\''));
    f.replace(QLatin1String("yyyy"), QLatin1String("YYYY")).replace(QLatin1String("dd"), QLatin1String("DD"));
    return Partitions::tr("%1%2, each %3").arg(prefix, f, stepName(step));
}

bool PartitionedTable::hasDefault() const
{
    return std::any_of(partitions.begin(), partitions.end(), [](const Partition &p) { return p.isDefault; });
}

QString PartitionedTable::qualified() const
{
    return qualify(schema, table);
}

QList<PartitionedTable> partitionedTables(pg::Connection &conn)
{
    return inUtc(conn, [&] {
        QList<PartitionedTable> tables;
        const auto parents = catalog::rangePartitionedTables(conn);
        const QString partman = catalog::extensionSchema(conn, QStringLiteral("pg_partman"));
        for (int i = 0; i < parents.rowCount(); ++i) {
            PartitionedTable t;
            t.schema = parents.value(i, 1);
            t.table = parents.value(i, 2);
            t.column = parents.value(i, 3);
            t.columnType = parents.value(i, 4);
            const auto parts = catalog::partitionsWithBounds(conn, parents.value(i, 0));
            for (int r = 0; r < parts.rowCount(); ++r) {
                Partition p;
                p.schema = parts.value(r, 0);
                p.name = parts.value(r, 1);
                p.isDefault = parts.toBool(r, 2);
                if (!parts.isNull(r, 3))
                    p.from = QDateTime::fromSecsSinceEpoch(qint64(parts.value(r, 3).toDouble()), Qt::UTC);
                if (!parts.isNull(r, 4))
                    p.to = QDateTime::fromSecsSinceEpoch(qint64(parts.value(r, 4).toDouble()), Qt::UTC);
                p.estimatedRows = parts.toLongLong(r, 5, -1);
                p.bytes = parts.toLongLong(r, 6);
                p.detachPending = parts.toBool(r, 7);
                t.partitions << p;
            }
            std::sort(t.partitions.begin(), t.partitions.end(), [](const Partition &a, const Partition &b) {
                if (a.isDefault != b.isDefault)
                    return b.isDefault;
                return a.from < b.from;
            });
            t.scheme = detect(t.partitions);
            if (!partman.isEmpty()) {
                const auto managed = conn.exec(QStringLiteral("SELECT count(*) FROM %1.part_config WHERE parent_table = $1")
                                                   .arg(quoteIdent(partman)),
                                               {t.schema + QLatin1Char('.') + t.table});
                if (managed.toLongLong(0, 0) > 0)
                    t.partmanSchema = partman;
            }
            tables << t;
        }
        return tables;
    });
}

PartitionedTable partitionedTable(pg::Connection &conn, const QString &name)
{
    const QList<PartitionedTable> all = partitionedTables(conn);
    QStringList names;
    for (const PartitionedTable &t : all) {
        if (name == t.displayName() || name == t.table)
            return t;
        names << t.displayName();
    }
    // The user's choice of table, refused: bad input (exit 2), nothing done.
    throw Error(Error::Kind::InvalidInput,
                Partitions::tr("%1 is not a table of %2 partitioned by ranges of time.").arg(name, conn.database()),
                {},
                names.isEmpty() ? Partitions::tr("The database has no such table.")
                                : Partitions::tr("Tables partitioned by time: %1.").arg(names.join(QStringLiteral(", "))));
}

CreatePlan Partitions::planCreate(pg::Connection &conn, const QString &table, int ahead, const QString &until,
                                  const QDateTime &now)
{
    CreatePlan plan;
    plan.table = partitionedTable(conn, table);
    const PartitionedTable &t = plan.table;
    requireScheme(t);
    const QDateTime last = lastBound(t);
    QDateTime coverUntil; // create while the last upper bound is not past this
    if (!until.isEmpty()) {
        const QDate d = QDate::fromString(until, Qt::ISODate);
        if (!d.isValid() || until.size() != 10)
            throw Error::invalidInput(tr("%1 is not a date; expected YYYY-MM-DD, a bound of %2 (%3).")
                                          .arg(until, t.displayName(), t.scheme.expectedForm()));
        const QDateTime target(d, QTime(0, 0), Qt::UTC);
        QDateTime b = last;
        int guard = 0;
        while (b < target && ++guard <= 100000)
            b = t.scheme.next(b);
        if (b != target && target > last)
            throw Error::invalidInput(tr("%1 is not a bound of %2's partitions (%3); the next bounds are %4 "
                                         "and %5.")
                                          .arg(until, t.displayName(), t.scheme.expectedForm(),
                                               t.scheme.next(last).date().toString(Qt::ISODate),
                                               t.scheme.next(t.scheme.next(last)).date().toString(Qt::ISODate)));
        coverUntil = target.addSecs(-1);
    } else {
        if (ahead < 0 || ahead > kMaxNew)
            throw Error::invalidInput(tr("%1 periods ahead is out of range: 0 to %2.").arg(ahead).arg(kMaxNew));
        coverUntil = addSteps(now, t.scheme.step, ahead);
    }
    for (QDateTime from = last; from <= coverUntil; from = t.scheme.next(from)) {
        if (plan.toCreate.size() >= kMaxNew)
            throw Error::invalidInput(tr("That would make more than %1 partitions of %2 (they reach %3); "
                                         "make them in steps with an earlier bound.")
                                          .arg(kMaxNew)
                                          .arg(t.displayName(), last.date().toString(Qt::ISODate)));
        Partition p;
        p.schema = t.schema;
        p.from = from;
        p.to = t.scheme.next(from);
        p.name = t.scheme.nameFor(from);
        if (p.name.toUtf8().size() > 63)
            throw Error::invalidInput(tr("The next partition's name %1 is longer than PostgreSQL's 63 bytes.").arg(p.name));
        plan.toCreate << p;
    }
    QStringList names;
    for (const Partition &p : plan.toCreate)
        names << p.name;
    if (!names.isEmpty()) {
        const auto taken = catalog::takenNames(conn, t.schema, names);
        if (!taken.isNull(0, 0))
            throw Error(Error::Kind::Conflict, tr("%1 already exists in %2 but is not a partition of %3.")
                                                   .arg(taken.value(0, 0), t.schema, t.displayName()));
    }
    plan.viaPartman = !t.partmanSchema.isEmpty();
    if (plan.viaPartman) {
        QStringList times;
        for (const Partition &p : plan.toCreate)
            times << QLatin1Char('\'') + boundLiteral(p.from, QStringLiteral("with time zone")) + QLatin1Char('\'');
        if (!times.isEmpty())
            plan.statements << QStringLiteral("SELECT %1.create_partition_time('%2', ARRAY[%3]::timestamptz[])")
                                   .arg(quoteIdent(t.partmanSchema), t.displayName(), times.join(QStringLiteral(", ")));
    } else {
        for (const Partition &p : plan.toCreate)
            plan.statements << QStringLiteral("CREATE TABLE %1 PARTITION OF %2 %3")
                                   .arg(p.qualified(), t.qualified(), forValues(p, t.columnType));
    }
    return plan;
}

CreatePlan Partitions::create(pg::Connection &conn, const QString &table, int ahead, const QString &until,
                              const QString &confirm, const QString &reason, const QDateTime &now)
{
    if (confirm != conn.database())
        throw Error::invalidInput(tr("The confirmation does not match the database name %1; nothing was "
                                     "created.").arg(conn.database()));
    conn.requirePrimary(tr("Creating partitions"));
    const CreatePlan plan = planCreate(conn, table, ahead, until, now);
    if (plan.toCreate.isEmpty())
        throw Error::invalidInput(tr("%1's partitions already reach %2; nothing to create.")
                                      .arg(plan.table.displayName(), lastBound(plan.table).date().toString(Qt::ISODate)));
    detail::RunJournal journal(QStringLiteral("create_partitions"),
                               conn.database() + QLatin1Char(' ') + plan.table.displayName(), reason);
    nlohmann::json statements = nlohmann::json::array();
    for (const QString &s : plan.statements)
        statements.push_back(s.toStdString());
    journal.intent({{"statements", statements}});
    try {
        inUtc(conn, [&] {
            // Creating a partition locks its parent: never queue behind the game's long
            // transactions (and everything behind us) for more than a few seconds.
            conn.exec(QStringLiteral("SELECT set_config('lock_timeout', '5s', true)"));
            if (plan.viaPartman) {
                QStringList times;
                for (const Partition &p : plan.toCreate)
                    times << QLatin1Char('"') + boundLiteral(p.from, QStringLiteral("with time zone")) + QLatin1Char('"');
                conn.exec(QStringLiteral("SELECT %1.create_partition_time($1, $2::timestamptz[])")
                              .arg(quoteIdent(plan.table.partmanSchema)),
                          {plan.table.displayName(), QStringLiteral("{%1}").arg(times.join(QLatin1Char(',')))});
                QStringList names;
                for (const Partition &p : plan.toCreate)
                    names << p.name;
                if (catalog::childrenNamed(conn, plan.table.qualified(), names) != plan.toCreate.size())
                    throw Error(Error::Kind::Conflict,
                                tr("pg_partman made other partitions than %1; nothing was kept.")
                                    .arg(names.join(QStringLiteral(", "))));
            } else {
                for (const QString &s : plan.statements)
                    conn.exec(s);
            }
            journal.audit(conn, {{"statements", statements}});
            return 0;
        });
    } catch (const Error &e) {
        journal.phase("failed", {{"error", e.oneLine().toStdString()}});
        throw;
    }
    journal.phase("done", {{"created", int(plan.toCreate.size())}});
    layout::forget(conn);
    return plan;
}

} // namespace statescope::upkeep
