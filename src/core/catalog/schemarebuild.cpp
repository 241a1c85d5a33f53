// Tables made again with their rows (schemascript_p.h): what PostgreSQL cannot change in place
// on a table (the order of its columns, a plain table become partitioned or back, the type of a
// column in its partition key) is done by keeping every row in a temporary table, dropping the
// table with what is on it, making it as the second side has it and putting the rows back
// before its keys, indexes and triggers come back. Inside the script's one transaction: a row
// that does not fit stops the whole script. Also the counters kept when a column becomes an
// identity or stops being one.
#include "core/catalog/schemascript_p.h"

#include <QRegularExpression>

#include <algorithm>

namespace statescope::catalog::script {

QString quoteLiteral(QString s)
{
    s.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

namespace {

bool remakeable(const QString &kind)
{
    return kind == QLatin1String("table") || kind == QLatin1String("unlogged table") || kind == QLatin1String("partitioned table");
}

} // namespace

// Whether `key` is `table` or inside it (its columns, keys, indexes, partitions and theirs),
// on the first side or the second.
bool Planner::under(const QString &key, const QString &table, bool second, int depth) const
{
    if (key == table)
        return true;
    const SchemaObject *o = second ? b(key) : a(key);
    if (!o || depth > 8)
        return false;
    for (const QString &w : o->within)
        if (under(w, table, second, depth + 1))
            return true;
    return false;
}

bool Planner::rebuilt(const SchemaObject &o) const
{
    for (const QString &t : m_rebuild)
        if (under(o.key(), t, false) || under(o.key(), t, true))
            return true;
    return false;
}

// Whether a column is in its table's partition key (or a partition's, partitioned again) on the
// first side, by name or in an expression: PostgreSQL does not change such a column's type.
bool Planner::inPartitionKey(const SchemaObject &column) const
{
    const QString table = tableKey(column);
    const QRegularExpression name(QStringLiteral("(?<![\\w$\"])%1(?![\\w$\"])").arg(QRegularExpression::escape(attr(column, "column"))));
    QStringList keys;
    if (const SchemaObject *t = a(table))
        keys << attr(*t, "partition_key");
    for (const SchemaObject &p : m_diff.fromSnapshot.objects)
        if (p.kind == Kind::Partition && !attr(p, "partitioned").isEmpty() && under(p.key(), table, false))
            keys << attr(p, "partitioned");
    for (const QString &k : std::as_const(keys))
        if (k.contains(name))
            return true;
    return false;
}

// The tables made again: a plain table and a partitioned one either way, a partition key's
// column of another type, or columns whose order ADD COLUMN cannot give. Only where nothing
// inherits on either side, no row-level security is forced (the rows could not all be read or
// put back) and no partition is foreign.
void Planner::rebuilds()
{
    const auto alone = [&](const SchemaObject &t, const SchemaSnapshot &side) {
        if (!remakeable(attr(t, "kind")) || !attr(t, "inherits").isEmpty() || attr(t, "force_rls") == QLatin1String("true"))
            return false;
        for (const SchemaObject &o : side.objects) {
            if (o.kind == Kind::Table && splitList(attr(o, "inherits")).contains(t.qualified))
                return false;
            const QString own = QStringLiteral("table %1.%2").arg(o.schema, o.name);
            if (o.kind == Kind::Partition && o.within.contains(t.key())
                && (o.ddl.startsWith(QLatin1String("CREATE FOREIGN ")) || m_detached.contains(own) || m_attached.contains(own)))
                return false;
        }
        return true;
    };
    for (const SchemaObject &to : m_diff.toSnapshot.objects) {
        const QString key = to.key();
        const SchemaObject *from = to.kind == Kind::Table ? a(key) : nullptr;
        if (!from || m_detached.contains(key) || m_attached.contains(key))
            continue;
        const QString kindFrom = attr(*from, "kind"), kindTo = attr(to, "kind");
        const bool logging = kindFrom != kindTo && kindFrom != QLatin1String("partitioned table") && kindTo != QLatin1String("partitioned table");
        const bool kind = (kindFrom != kindTo && !logging) || attr(*from, "partition_key") != attr(to, "partition_key");
        QString keyRetyped; // a column of the partition key whose type changes
        for (const SchemaChange &c : m_diff.changes)
            if (c.type == Type::Changed && c.object().kind == Kind::Column && tableKey(c.object()) == key
                && (attr(*c.from, "type") != attr(*c.to, "type") || attr(*c.from, "collation") != attr(*c.to, "collation"))
                && inPartitionKey(*c.from))
                keyRetyped = attr(*c.to, "column");
        const QStringList colsFrom = splitList(attr(*from, "columns")), colsTo = splitList(attr(to, "columns"));
        const QStringList common = commonOrder(colsTo, colsFrom);
        bool order = commonOrder(colsFrom, colsTo) != common;
        for (qsizetype i = 0; i < colsTo.size() && !order; ++i) {
            // a column only there, or one whose expression changes (dropped and added), before
            // a column both have that stays
            bool moves = !colsFrom.contains(colsTo.at(i));
            if (!moves)
                for (const SchemaChange &c : m_diff.changes)
                    if (c.type == Type::Changed && c.object().kind == Kind::Column && tableKey(c.object()) == key
                        && attr(c.object(), "column") == colsTo.at(i) && !attr(*c.to, "generated").isEmpty()
                        && (attr(*c.from, "generated") != attr(*c.to, "generated") || attr(*c.from, "default") != attr(*c.to, "default")
                            || attr(*c.from, "type") != attr(*c.to, "type")))
                        moves = true;
            for (qsizetype j = i + 1; j < colsTo.size() && moves && !order; ++j)
                order = colsFrom.contains(colsTo.at(j));
        }
        if ((kind || order || !keyRetyped.isEmpty()) && !common.isEmpty() && alone(*from, m_diff.fromSnapshot) && alone(to, m_diff.toSnapshot)) {
            m_rebuild.insert(key);
            m_rebuildWhy.insert(key, kind ? QStringLiteral("\"%1\" here, \"%2\" there").arg(from->definition.trimmed(), to.definition.trimmed())
                                     : order ? QStringLiteral("its columns' order differs")
                                             : QStringLiteral("%1, in its partition key, changes type").arg(keyRetyped));
            drop(key);
        }
    }
}

// Each such table's rows kept before it goes and put back once it is there again (with its
// partitions), before anything on it or reading it is made; its identity columns' counters too.
void Planner::rebuildSteps()
{
    QStringList tables(m_rebuild.cbegin(), m_rebuild.cend());
    std::sort(tables.begin(), tables.end());
    int n = 0;
    for (const QString &key : std::as_const(tables)) {
        const SchemaObject &from = *a(key), &to = *b(key);
        const QString keep = QStringLiteral("pg_temp.statescope_keep_%1").arg(++n);
        QStringList names, values, counters;
        for (const SchemaObject &c : m_diff.toSnapshot.objects) {
            const SchemaObject *old = c.kind == Kind::Column && tableKey(c) == key ? a(c.key()) : nullptr;
            if (!old || !attr(c, "generated").isEmpty())
                continue;
            const QString column = attr(c, "column");
            names << column;
            if (attr(*old, "type") == attr(c, "type"))
                values << column;
            else if (!attr(*old, "enum_type").isEmpty() || !attr(c, "enum_type").isEmpty())
                values << QStringLiteral("%1::text::%2").arg(column, attr(c, "type"));
            else
                values << QStringLiteral("%1::%2").arg(column, attr(c, "type"));
            if (!attr(*old, "identity").isEmpty() && !attr(c, "identity").isEmpty())
                counters << QStringLiteral("SELECT %1::text AS name, pg_sequence_last_value(pg_get_serial_sequence(%2, %1)::regclass) AS last_value")
                                .arg(quoteLiteral(c.name), quoteLiteral(to.qualified));
        }
        QStringList kept{QStringLiteral("-- %1 is made again (%2): its rows are kept here and put back below").arg(to.qualified, m_rebuildWhy.value(key)),
                         QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT * FROM %2;").arg(keep.mid(8), from.qualified)};
        if (!counters.isEmpty())
            kept << QStringLiteral("CREATE TEMPORARY TABLE %1_counters ON COMMIT DROP AS\n%2;").arg(keep.mid(8), counters.join(QStringLiteral("\nUNION ALL ")));
        m_steps[QStringLiteral("keep ") + key] = Step{Phase::Drop, -2, key, kept};
        m_steps[QStringLiteral("drop ") + key].sql = {QStringLiteral("DROP TABLE %1;  -- its rows are kept above").arg(from.qualified)};
        QStringList back{QStringLiteral("INSERT INTO %1 (%2) OVERRIDING SYSTEM VALUE\nSELECT %3 FROM %4;")
                             .arg(to.qualified, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")), keep)};
        if (!counters.isEmpty())
            back << QStringLiteral("SELECT setval(pg_get_serial_sequence(%1, name), last_value) FROM %2_counters WHERE last_value IS NOT NULL;")
                        .arg(quoteLiteral(to.qualified), keep);
        back << QStringLiteral("DROP TABLE %1;").arg(keep);
        if (!counters.isEmpty())
            back << QStringLiteral("DROP TABLE %1_counters;").arg(keep);
        m_steps[QStringLiteral("refill ") + key] = Step{Phase::Make, makeRank(to) * 10000 + 5000, key, back};
    }
}

// The rows are kept before the table goes; put back after it and its partitions are made,
// before its keys, indexes, triggers, policies and grants, before what reads it (a
// materialized view filled from it) and before an old enum its columns had is dropped.
void Planner::rebuildEdges(const std::function<void(const QString &, const QString &)> &edge) const
{
    for (const QString &t : m_rebuild) {
        const QString refill = QStringLiteral("refill ") + t;
        edge(QStringLiteral("keep ") + t, QStringLiteral("drop ") + t);
        edge(QStringLiteral("make ") + t, refill);
        for (const auto &[id, s] : m_steps) {
            if (s.phase != Phase::Make || id == refill)
                continue;
            if (id.startsWith(QLatin1String("retire "))) {
                edge(refill, id);
                continue;
            }
            const SchemaObject *o = b(s.key);
            if (!o || s.key == t || (o->kind == Kind::Column && tableKey(*o) == t))
                continue;
            if (o->kind == Kind::Partition && under(s.key, t, true)) {
                edge(id, refill);
                continue;
            }
            bool after = under(s.key, t, true);
            for (const QString &u : o->uses + o->defaultUses)
                after = after || under(u, t, true);
            if (after)
                edge(refill, id);
        }
    }
}

// A column that becomes an identity, or a serial's (a sequence as its default) from one: the
// new counter goes on past the old one's last value and the column's largest value, where it
// would start again at its first and the next row would collide with a key there. The old
// value is kept in a temporary table before its counter goes (DROP IDENTITY, the sequence
// dropped); the statements returned set the new counter once it is there.
QStringList Planner::carryCounter(const SchemaObject &from, const SchemaObject &to)
{
    const auto sequenceOf = [](const SchemaObject &column, const QHash<QString, const SchemaObject *> &side) -> const SchemaObject * {
        for (const QString &k : column.defaultUses) {
            const SchemaObject *s = side.value(k);
            if (s && s->kind == Kind::Sequence)
                return s;
        }
        return nullptr;
    };
    const bool identityFrom = !attr(from, "identity").isEmpty(), identityTo = !attr(to, "identity").isEmpty();
    const SchemaObject *sequenceFrom = identityFrom ? nullptr : sequenceOf(from, m_a);
    const SchemaObject *sequenceTo = identityTo ? nullptr : sequenceOf(to, m_b);
    if (identityFrom == identityTo || (!identityTo && !sequenceTo))
        return {};
    // An identity's sequence, by its column (its name is the server's to choose).
    const QString identity = QStringLiteral("pg_get_serial_sequence(%1, %2)::regclass").arg(quoteLiteral(to.qualified), quoteLiteral(to.name));
    const QString counterFrom = identityFrom ? identity : sequenceFrom ? QStringLiteral("%1::regclass").arg(quoteLiteral(sequenceFrom->qualified)) : QString();
    const QString counterTo = identityTo ? identity : QStringLiteral("%1::regclass").arg(quoteLiteral(sequenceTo->qualified));
    QString value = QStringLiteral("max(%1)").arg(attr(to, "column"));
    QString keep;
    if (!counterFrom.isEmpty()) {
        keep = QStringLiteral("pg_temp.statescope_counter_%1").arg(++m_counters);
        m_steps[QStringLiteral("counter ") + to.key()] =
            Step{Phase::Drop, -2, to.key(),
                 {QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT pg_sequence_last_value(%2) AS last_value;")
                      .arg(keep.mid(8), counterFrom)}};
        value = QStringLiteral("greatest((SELECT last_value FROM %1), %2)").arg(keep, value);
    }
    // Only within the new counter's bounds (none to set on an empty table that never counted).
    QStringList out{QStringLiteral("SELECT setval(seqrelid, v) FROM pg_sequence, (SELECT %1 AS v FROM %2) x\n"
                                   "WHERE seqrelid = %3 AND v BETWEEN seqmin AND seqmax;")
                        .arg(value, to.qualified, counterTo)};
    if (!keep.isEmpty())
        out << QStringLiteral("DROP TABLE %1;").arg(keep);
    return out;
}

// The old counter is kept before it goes (DROP IDENTITY, its sequence dropped); an identity
// goes before a sequence of its name (a serial's) is made, and comes once the sequence whose
// name it takes is gone.
void Planner::counterEdges(const std::function<void(const QString &, const QString &)> &edge) const
{
    for (const auto &[id, s] : m_steps) {
        const SchemaObject *from = a(s.key), *to = b(s.key);
        if (!from || !to || from->kind != Kind::Column)
            continue;
        if (id.startsWith(QLatin1String("counter "))) {
            edge(id, QStringLiteral("noidentity ") + s.key);
            for (const QString &n : from->defaultUses)
                edge(id, QStringLiteral("drop ") + n);
        } else if (id.startsWith(QLatin1String("noidentity "))) {
            edge(id, QStringLiteral("alter ") + s.key);
            for (const QString &n : to->defaultUses)
                edge(id, makeNode(n));
        } else if (id.startsWith(QLatin1String("alter ")) && attr(*from, "identity").isEmpty() && !attr(*to, "identity").isEmpty()) {
            for (const QString &n : from->defaultUses)
                edge(QStringLiteral("drop ") + n, id);
        }
    }
}

} // namespace statescope::catalog::script
