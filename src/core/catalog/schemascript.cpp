// The script that brings one schema to another (SchemaDiff::script): every statement a step
// of a plan ordered by the server's own dependency graph of each side (SchemaObject's uses
// and within), with what depends on a changed object dropped and made again around the
// change, the in-place form PostgreSQL has wherever it has one, and what cannot be done said
// in the script as NOT DONE.
#include "core/catalog/schemascript_p.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>

namespace statescope::catalog {

namespace script {

void Planner::drop(const QString &key)
{
    m_drop.insert(key);
}

// What goes with what is dropped (its columns, indexes, constraints, grants: "within"), and
// what uses it that must be dropped first and made again after (views, triggers, policies,
// constraints, indexes, functions; a column's default). Then everything gone that the
// other side has is made.
void Planner::close()
{
    static const QSet<Kind> rebuilt = {Kind::View, Kind::MaterializedView, Kind::Index, Kind::Constraint, Kind::Trigger,
                                       Kind::Policy, Kind::Function, Kind::Grant};
    QList<QString> work(m_drop.cbegin(), m_drop.cend());
    for (const QString &k : std::as_const(m_blocking))
        work << k;
    QSet<QString> seen;
    while (!work.isEmpty()) {
        const QString k = work.takeLast();
        if (seen.contains(k))
            continue;
        seen.insert(k);
        const bool goes = m_drop.contains(k) || m_gone.contains(k);
        if (goes) {
            m_gone.insert(k);
            for (const QString &part : m_partsA.value(k)) {
                const SchemaObject *p = a(part);
                if (!p || m_gone.contains(part))
                    continue;
                if (p->kind == Kind::Sequence && b(part)) { // a serial's sequence that stays: let it go first
                    m_released.insert(part);
                    m_own.insert(part);
                    continue;
                }
                m_gone.insert(part);
                work << part;
            }
        }
        for (const QString &user : m_defaultUsersA.value(k))
            if (!m_gone.contains(user))
                m_defaultAgain.insert(user);
        for (const QString &user : m_usersA.value(k)) {
            const SchemaObject *u = a(user);
            if (!u || m_gone.contains(user) || !rebuilt.contains(u->kind))
                continue;
            if (!goes && !(u->kind == Kind::View || u->kind == Kind::MaterializedView || u->kind == Kind::Policy
                           || u->kind == Kind::Trigger || u->kind == Kind::Function || u->kind == Kind::Constraint
                           || (u->kind == Kind::Index && m_enumAgain.contains(k))))
                continue; // a column's new type: PostgreSQL rebuilds its indexes itself
            if (!goes && u->kind == Kind::Constraint && isForeignKey(*u))
                continue; // and the foreign keys on it
            drop(user);
            m_gone.insert(user);
            work << user;
        }
    }
    for (const QString &k : std::as_const(m_gone))
        if (b(k) && !m_attached.contains(k))
            m_make.insert(k);
    for (const QString &k : std::as_const(m_make)) // a made object's grants and owner come with it
        for (const SchemaObject &o : m_diff.toSnapshot.objects)
            if (((o.kind == Kind::Grant && attr(o, "by_default").isEmpty()) || o.kind == Kind::Owner) && o.within.contains(k))
                m_make.insert(o.key());
}

// A column's new type makes its table's extended statistics again, owned by whoever runs the
// script (PostgreSQL does so itself): their owners are given again, once the type is changed.
void Planner::ownersAgain()
{
    QSet<QString> retyped; // tables
    for (auto it = m_alter.cbegin(); it != m_alter.cend(); ++it)
        if (const SchemaObject *c = b(it.key()); c && c->kind == Kind::Column && it.value().join(QLatin1Char('\n')).contains(QLatin1String(" TYPE ")))
            retyped.insert(tableKey(*c));
    if (retyped.isEmpty())
        return;
    for (const SchemaObject &s : m_diff.toSnapshot.objects)
        if (s.kind == Kind::Statistics && !s.within.isEmpty() && retyped.contains(s.within.first()) && !m_gone.contains(s.key())
            && b(QStringLiteral("owner ") + s.key()))
            m_make.insert(QStringLiteral("owner ") + s.key());
}

// The statement that makes an object as the second side has it.
QStringList Planner::makeOf(const SchemaObject &o) const
{
    QStringList out;
    switch (o.kind) {
    case Kind::Sequence:
        out << QStringLiteral("CREATE SEQUENCE %1 %2;").arg(o.qualified, attr(o, "alter"));
        break;
    case Kind::Index: {
        QString ddl = o.ddl; // an index on a partitioned table indexes its partitions too
        ddl.replace(QStringLiteral(" ON ONLY "), QStringLiteral(" ON "));
        out << ddl;
        break;
    }
    case Kind::MaterializedView: {
        QString ddl = o.ddl;
        ddl.replace(QStringLiteral("\nWITH NO DATA;"), QStringLiteral("\nWITH DATA;"));
        out << ddl;
        break;
    }
    case Kind::View:
        out << QStringLiteral("CREATE VIEW %1%2 AS\n%3;")
                   .arg(o.qualified, attr(o, "options").isEmpty() ? QString() : QStringLiteral(" WITH (%1)").arg(attr(o, "options")),
                        attr(o, "query"));
        break;
    case Kind::Function:
        out << o.ddl;
        // A new function is executable by everyone unless the other side says otherwise.
        if (!m_b.contains(QStringLiteral("grant %1.%2.EXECUTE to PUBLIC").arg(o.schema, o.name)))
            out << QStringLiteral("REVOKE EXECUTE ON %1 %2 FROM PUBLIC;")
                       .arg(attr(o, "procedure").isEmpty() ? QStringLiteral("FUNCTION") : QStringLiteral("PROCEDURE"), o.qualified);
        break;
    case Kind::Constraint: // below
        break;
    case Kind::Owner:
        // A serial's sequence is its table's owner's, given with the table: ALTER SEQUENCE
        // ... OWNER TO is refused while it is OWNED BY a column.
        if (const SchemaObject *was = a(o.name); was && was->kind == Kind::Sequence && !attr(*was, "owned").isEmpty()
                                                 && !m_released.contains(o.name) && !m_gone.contains(o.name))
            break;
        out << o.ddl;
        break;
    default:
        out << o.ddl;
        break;
    }
    if (o.kind == Kind::Constraint) {
        if (m_detached.contains(tableKey(o))) // a partition's copy of the key may be there already
            out << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT IF EXISTS %2;").arg(o.qualified, attr(o, "constraint"));
        out << o.ddl;
    } else if (o.kind == Kind::Index && m_detached.contains(tableKey(o))) {
        out.prepend(QStringLiteral("DROP INDEX IF EXISTS %1;").arg(o.qualified));
    }
    return out;
}

// ADD COLUMN (on a table or on its parent) puts a column last: said for each table whose other
// side has a column it lacks before one both have, and for a new table inheriting from one.
void Planner::columnOrder()
{
    QSet<QString> noted;
    for (const SchemaObject &t : m_diff.toSnapshot.objects) {
        if (t.kind != Kind::Table || !a(t.key()) || m_rebuild.contains(t.key()))
            continue;
        const QStringList there = splitList(attr(t, "columns")), here = splitList(attr(*a(t.key()), "columns"));
        for (qsizetype i = 0; i < there.size(); ++i) {
            bool before = false;
            if (!here.contains(there.at(i)))
                for (qsizetype j = i + 1; j < there.size() && !before; ++j)
                    before = here.contains(there.at(j));
            if (before) {
                notDone(t.key(), QStringLiteral("%1 is added at the end: the columns' order differs").arg(there.at(i)));
                noted.insert(t.qualified);
                break;
            }
        }
    }
    for (const SchemaObject &t : m_diff.toSnapshot.objects)
        if (t.kind == Kind::Table && m_make.contains(t.key()))
            for (const QString &p : splitList(attr(t, "inherits")))
                if (noted.contains(p))
                    notDone(t.key(), QStringLiteral("it inherits its columns from %1, whose order differs").arg(p));
}

// The step that makes `key` exist as the second side has it, if any: a column made with its
// table is its table's.
QString Planner::makeNode(const QString &key) const
{
    const SchemaObject *o = b(key);
    if (!o)
        return {};
    if (o->kind == Kind::Column && m_make.contains(tableKey(*o)))
        return QStringLiteral("make ") + tableKey(*o);
    if (m_make.contains(key))
        return QStringLiteral("make ") + key;
    if (!m_alter.value(key).isEmpty())
        return QStringLiteral("alter ") + key;
    return {};
}

// A column that goes from a table whose child (inheriting it) keeps a column of that name on
// the second side: dropped from this table ONLY, so the child's copy, which it only inherited
// until now, stays as its own with its values (a plain DROP COLUMN takes it along).
QString Planner::dropColumn(const SchemaObject &column) const
{
    for (const SchemaObject &t : m_diff.fromSnapshot.objects) {
        if (t.kind != Kind::Table || !splitList(attr(t, "inherits")).contains(column.qualified))
            continue;
        if (b(columnKey(t, column.name)))
            return QStringLiteral("ALTER TABLE ONLY %1 DROP COLUMN %2;  -- %3 keeps its own")
                .arg(column.qualified, attr(column, "column"), t.qualified);
    }
    return dropOf(column);
}

void Planner::addSteps()
{
    const auto step = [&](const QString &id, Phase phase, int rank, const QString &key, const QStringList &sql) {
        m_steps[id] = Step{phase, rank, key, sql};
    };
    for (const QString &k : std::as_const(m_gone)) {
        const SchemaObject &o = *a(k);
        bool implied = false; // it goes with something else that goes
        for (const QString &w : o.within)
            implied = implied || m_gone.contains(w);
        step(QStringLiteral("drop ") + k, Phase::Drop, dropRank(o), k,
             implied || o.kind == Kind::Owner ? QStringList() : QStringList{o.kind == Kind::Column ? dropColumn(o) : dropOf(o)});
    }
    for (auto it = m_retireSql.cbegin(); it != m_retireSql.cend(); ++it)
        step(QStringLiteral("retire ") + it.key(), Phase::Make, 9'000'000, it.key(), {it.value()});
    for (const QString &k : std::as_const(m_detach))
        step(QStringLiteral("detach ") + k, Phase::Drop, dropRank(*a(k)), k,
             {QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2;").arg(attr(*a(k), "parent"), a(k)->qualified)});
    for (const QString &k : std::as_const(m_released))
        step(QStringLiteral("release ") + k, Phase::Drop, -1, k, {QStringLiteral("ALTER SEQUENCE %1 OWNED BY NONE;").arg(a(k)->qualified)});
    for (const QString &k : std::as_const(m_defaultAgain))
        if (!m_gone.contains(k))
            step(QStringLiteral("nodefault ") + k, Phase::Drop, -1, k,
                 {QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(a(k)->qualified, attr(*a(k), "column"))});
    for (const QString &k : std::as_const(m_make)) {
        const SchemaObject &o = *b(k);
        if (o.kind == Kind::Column && m_make.contains(tableKey(o)))
            continue; // in its table's statement
        bool parentNotDone = false;
        for (const QString &w : o.within)
            parentNotDone = parentNotDone || (o.kind == Kind::Partition && m_notDoneKeys.contains(w));
        if (parentNotDone) {
            m_notDone << QStringLiteral("-- NOT DONE: %1: its table is not partitioned here").arg(k);
            continue;
        }
        int rank = makeRank(o) * 10000;
        if (o.kind == Kind::Column) // new columns in the other side's order
            if (const SchemaObject *t = b(tableKey(o)))
                rank += int(splitList(attr(*t, "columns")).indexOf(attr(o, "column"))) + 1;
        step(QStringLiteral("make ") + k, Phase::Make, rank, k, makeOf(o));
    }
    for (auto it = m_alter.cbegin(); it != m_alter.cend(); ++it) {
        // What goes and is made again is made as the other side has it: changed in place as
        // well, it would be made twice (a view replaced before it goes, created after).
        if (it.value().isEmpty() || (m_gone.contains(it.key()) && m_make.contains(it.key())))
            continue;
        QStringList sql = it.value();
        if (m_steps.count(QStringLiteral("nodefault ") + it.key())) // its default is dropped with what goes already
            sql.removeAll(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(a(it.key())->qualified, attr(*a(it.key()), "column")));
        step(QStringLiteral("alter ") + it.key(), Phase::Make, makeRank(*b(it.key())) * 10000, it.key(), sql);
    }
    for (const QString &k : std::as_const(m_defaultAgain)) {
        const SchemaObject *o = b(k);
        if (!m_gone.contains(k) && o && !attr(*o, "default").isEmpty() && attr(*o, "generated").isEmpty()
            && !m_alter.value(k).join(QLatin1Char('\n')).contains(QLatin1String(" SET DEFAULT ")))
            step(QStringLiteral("default ") + k, Phase::Make, makeRank(*o) * 10000, k,
                 {QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;").arg(o->qualified, attr(*o, "column"), attr(*o, "default"))});
    }
    for (const QString &k : std::as_const(m_own)) {
        const SchemaObject *o = b(k);
        if (!o || (attr(*o, "owned").isEmpty() && m_released.contains(k)))
            continue;
        step(QStringLiteral("own ") + k, Phase::Make, 10'000'000, k,
             {QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(o->qualified, attr(*o, "owned").isEmpty() ? QStringLiteral("NONE") : attr(*o, "owned"))});
    }
    // CLUSTER ON, once its index is there: set where it differs, and again where the table or
    // the index is made (a new index has no mark); SET WITHOUT CLUSTER where the other side
    // has none. After everything else, as the owners of sequences.
    for (const SchemaObject &t : m_diff.toSnapshot.objects) {
        if (t.kind != Kind::Table)
            continue;
        const QString k = t.key(), on = attr(t, "cluster");
        const SchemaObject *was = a(k);
        const QString before = was ? attr(*was, "cluster") : QString();
        bool madeAgain = m_make.contains(k);
        for (const QString &m : std::as_const(m_make)) {
            const SchemaObject *o = b(m);
            madeAgain = madeAgain || ((o->kind == Kind::Index || o->kind == Kind::Constraint) && o->schema == t.schema
                                      && o->table == t.name && o->name == on);
        }
        if (!on.isEmpty() && (on != before || madeAgain))
            step(QStringLiteral("cluster ") + k, Phase::Make, 10'000'001, k,
                 {QStringLiteral("ALTER TABLE %1 CLUSTER ON %2;").arg(t.qualified, quoteName(on))});
        else if (on.isEmpty() && !before.isEmpty() && !madeAgain)
            step(QStringLiteral("cluster ") + k, Phase::Make, 10'000'001, k,
                 {QStringLiteral("ALTER TABLE %1 SET WITHOUT CLUSTER;").arg(t.qualified)});
    }
    // An owner is given only to what is there: kept, or made by a step of its own (a partition
    // whose table is not partitioned here is not).
    for (auto it = m_steps.begin(); it != m_steps.end();) {
        const SchemaObject *o = it->first.startsWith(QLatin1String("make ")) ? b(it->second.key) : nullptr;
        if (o && o->kind == Kind::Owner && m_make.contains(o->name) && !m_steps.count(QStringLiteral("make ") + o->name))
            it = m_steps.erase(it);
        else
            ++it;
    }
    for (const QString &k : std::as_const(m_make)) { // a sequence made here is owned once its column is there
        if (b(k)->kind != Kind::Sequence || attr(*b(k), "owned").isEmpty() || m_steps.count(QStringLiteral("own ") + k))
            continue;
        QStringList sql{QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;").arg(b(k)->qualified, attr(*b(k), "owned"))};
        // OWNED BY wants the table's owner: with owners left out, one the table keeps is given
        // to the sequence first (compared, the sequence's own owner step gives it).
        const SchemaObject *table = owningTable(*b(k));
        if (!m_diff.toSnapshot.owners && table && !m_make.contains(table->key()) && a(table->key())
            && !attr(*a(table->key()), "owner").isEmpty())
            sql.prepend(QStringLiteral("ALTER SEQUENCE %1 OWNER TO %2;").arg(b(k)->qualified, attr(*a(table->key()), "owner")));
        step(QStringLiteral("own ") + k, Phase::Make, 10'000'000, k, sql);
    }
}

// The steps in an order the server accepts: Kahn's algorithm over the edges both sides'
// dependency graphs give, the next step always the first by phase, kind and name among those
// whose predecessors are done (a cycle, which the graphs should not have, is broken there).
QStringList Planner::ordered()
{
    std::map<QString, std::set<QString>> after; // step -> steps that must come after it
    std::map<QString, int> before;
    for (const auto &[id, s] : m_steps)
        before[id] = 0;
    const auto edge = [&](const QString &first, const QString &then) {
        if (first == then || !m_steps.count(first) || !m_steps.count(then))
            return;
        if (after[first].insert(then).second)
            ++before[then];
    };
    rebuildEdges(edge);
    counterEdges(edge);
    persistenceEdges(edge);
    for (const auto &[id, s] : m_steps) {
        const QString &k = s.key;
        if (id.startsWith(QLatin1String("keep ")) || id.startsWith(QLatin1String("refill ")))
            continue;
        if (s.phase == Phase::Drop) {
            const SchemaObject &o = *a(k);
            // What goes with its table (or column) goes by that one's statement: the order is
            // between the objects whose statements drop them ("anchors").
            const auto anchor = [&](QString key) {
                for (bool moved = true; moved;) {
                    moved = false;
                    if (const SchemaObject *x = a(key))
                        for (const QString &w : x->within)
                            if (m_gone.contains(w)) {
                                key = w;
                                moved = true;
                                break;
                            }
                }
                return QStringLiteral("drop ") + key;
            };
            if (id.startsWith(QLatin1String("detach ")) || id.startsWith(QLatin1String("counter "))
                || id.startsWith(QLatin1String("noidentity ")))
                continue; // counterEdges()
            if (id.startsWith(QLatin1String("nodefault ")) || id.startsWith(QLatin1String("release "))) {
                for (const QString &n : id.startsWith(QLatin1String("release ")) ? o.within : o.defaultUses)
                    edge(id, anchor(n));
                continue;
            }
            const QString self = anchor(k);
            for (const QString &n : o.uses + o.defaultUses)
                if (m_gone.contains(n) && anchor(n) != self)
                    edge(self, anchor(n));
            for (const QString &n : o.within)
                edge(QStringLiteral("drop ") + n, id);
            if (id.startsWith(QLatin1String("drop ")))
                for (const QString &part : m_partsA.value(k))
                    edge(QStringLiteral("release ") + part, id);
            continue;
        }
        const SchemaObject *o = b(k);
        // What it needs on the second side is made or changed first.
        QStringList needs = o->uses + o->within + o->defaultUses;
        if (id.startsWith(QLatin1String("make ")) && o->kind == Kind::Table) {
            const QStringList parents = splitList(attr(*o, "inherits"));
            for (const SchemaObject &c : m_diff.toSnapshot.objects) { // its columns' types and defaults
                if (c.kind == Kind::Column && c.schema == o->schema && c.table == o->name)
                    needs += c.uses + c.defaultUses;
                if (c.kind == Kind::Column && parents.contains(c.qualified)) // its parents' columns
                    needs << c.key();
            }
        }
        if (o->kind == Kind::Owner) // a statistics object's: after its table's columns change (ownersAgain)
            if (const SchemaObject *target = b(o->name); target && target->kind == Kind::Statistics && !target->within.isEmpty())
                for (const SchemaObject &c : m_diff.toSnapshot.objects)
                    if (c.kind == Kind::Column && c.within.contains(target->within.first()))
                        needs << c.key();
        if (id.startsWith(QLatin1String("own "))) { // OWNED BY: the sequence and its table have one owner
            needs << k << QStringLiteral("owner ") + k;
            if (const SchemaObject *table = owningTable(*o))
                needs << QStringLiteral("owner ") + table->key();
        }
        for (const QString &n : needs) {
            const QString node = makeNode(n);
            if (!node.isEmpty() && node != id)
                edge(node, id);
        }
        edge(QStringLiteral("drop ") + k, id); // made again after it goes
        edge(QStringLiteral("rename ") + k, id); // an enum made again: after the old one is out of the way
        if (id.startsWith(QLatin1String("retire ")))
            for (const QString &c : m_retire.value(k))
                edge(QStringLiteral("alter ") + c, id);
        if (id.startsWith(QLatin1String("alter ")) || id.startsWith(QLatin1String("default "))) {
            edge(QStringLiteral("alter ") + k, id);
            if (const SchemaObject *old = a(k)) {
                // Changed before what it used goes (what its old default used: unless that
                // default is dropped first), after what used it has gone.
                const bool noDefault = m_steps.count(QStringLiteral("nodefault ") + k) > 0;
                for (const QString &n : old->uses + (noDefault ? QStringList() : old->defaultUses))
                    edge(id, QStringLiteral("drop ") + n);
                for (const QString &u : m_usersA.value(k) + m_defaultUsersA.value(k))
                    edge(QStringLiteral("drop ") + u, id);
                for (const QString &u : m_defaultUsersA.value(k))
                    edge(QStringLiteral("nodefault ") + u, id);
            }
        }
    }
    using Priority = std::tuple<int, int, QString>;
    std::set<Priority> ready, waiting;
    const auto priority = [&](const QString &id) {
        const Step &s = m_steps.at(id);
        return Priority{int(s.phase), s.rank, id};
    };
    for (const auto &[id, n] : before)
        (n == 0 ? ready : waiting).insert(priority(id));
    QStringList out;
    Phase phase = Phase::Drop;
    bool first = true;
    while (!ready.empty() || !waiting.empty()) {
        Priority next;
        if (!ready.empty()) {
            next = *ready.begin();
            ready.erase(ready.begin());
        } else { // a cycle
            next = *waiting.begin();
            waiting.erase(waiting.begin());
        }
        const QString id = std::get<2>(next);
        const Step &s = m_steps.at(id);
        if (!s.sql.isEmpty()) {
            if (first || s.phase != phase)
                out << QString() << (s.phase == Phase::Drop ? QStringLiteral("-- What goes") : QStringLiteral("-- What comes or changes"));
            first = false;
            phase = s.phase;
            for (const QString &statement : s.sql)
                out << reparseable(statement);
        }
        for (const QString &then : after[id]) {
            if (--before[then] == 0 && waiting.erase(priority(then)))
                ready.insert(priority(then));
        }
    }
    return out;
}

// SET UNLOGGED fails on a table a logged table references, SET LOGGED on one that references
// an unlogged table: going unlogged, the referencing table changes first; going logged, the
// referenced one. By the foreign keys of both sides (one dropped goes before, one added comes
// after both).
void Planner::persistenceEdges(const std::function<void(const QString &, const QString &)> &edge) const
{
    const auto becomes = [&](const QString &table) {
        const SchemaObject *from = a(table), *to = b(table);
        if (!from || !to || m_gone.contains(table) || attr(*from, "kind") == attr(*to, "kind"))
            return QString();
        for (const SchemaObject *t : {from, to})
            if (attr(*t, "kind") != QLatin1String("table") && attr(*t, "kind") != QLatin1String("unlogged table"))
                return QString();
        return attr(*to, "kind");
    };
    for (const SchemaSnapshot *side : {&m_diff.fromSnapshot, &m_diff.toSnapshot})
        for (const SchemaObject &fk : side->objects) {
            if (!isForeignKey(fk))
                continue;
            const QString referencing = tableKey(fk), change = becomes(referencing);
            if (change.isEmpty())
                continue;
            for (const QString &u : fk.uses) { // the referenced table's columns and key
                const SchemaObject *x = side == &m_diff.fromSnapshot ? a(u) : b(u);
                if (!x || x->table.isEmpty() || tableKey(*x) == referencing || becomes(tableKey(*x)) != change)
                    continue;
                if (change == QLatin1String("unlogged table"))
                    edge(QStringLiteral("alter ") + referencing, QStringLiteral("alter ") + tableKey(*x));
                else
                    edge(QStringLiteral("alter ") + tableKey(*x), QStringLiteral("alter ") + referencing);
            }
        }
}

// NO INHERIT and INHERIT again make every column a table only inherits its own, and the check
// constraints it inherits too: empty where the other side has it so, else what would differ.
QString Planner::unlessAllLocal(const SchemaObject &table) const
{
    for (const SchemaObject &c : m_diff.fromSnapshot.objects)
        if (c.kind == Kind::Column && tableKey(c) == table.key() && attr(c, "inherited_only") == QLatin1String("true")
            && (!b(c.key()) || attr(*b(c.key()), "inherited_only") == QLatin1String("true")))
            return QStringLiteral("%1 is only inherited there too").arg(attr(c, "column"));
    // An inherited constraint is not in the snapshot: its ancestor's (parent's, their parents') is.
    QStringList ancestors = splitList(attr(table, "inherits"));
    for (qsizetype i = 0; i < ancestors.size(); ++i)
        for (const SchemaObject &t : m_diff.fromSnapshot.objects)
            if (t.kind == Kind::Table && t.qualified == ancestors.at(i))
                for (const QString &p : splitList(attr(t, "inherits")))
                    if (!ancestors.contains(p))
                        ancestors << p;
    for (const SchemaObject &c : m_diff.fromSnapshot.objects) {
        const SchemaObject *owner = c.kind == Kind::Constraint && attr(c, "type") == QLatin1String("c") ? a(tableKey(c)) : nullptr;
        if (owner && ancestors.contains(owner->qualified))
            return QStringLiteral("it would declare the check constraint %1 of %2 too").arg(attr(c, "constraint"), owner->qualified);
    }
    return {};
}

QString Planner::script()
{
    const QList<SchemaChange> &changes = m_diff.changes;
    // A partition that becomes a table of its own is detached, one that a table becomes is
    // attached: either way its rows stay.
    for (const SchemaChange &c : changes) {
        const SchemaObject &o = c.object();
        if (o.kind != Kind::Partition || c.type == Type::Changed)
            continue;
        const QString table = QStringLiteral("table %1.%2").arg(o.schema, o.name);
        if (c.type == Type::Removed && b(table) && !a(table)) {
            m_detached.insert(table);
            m_alter[table] << QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2;").arg(attr(o, "parent"), o.qualified);
            bool cloned = false; // the parent's indexes and keys, which the partition keeps
            for (const SchemaObject &p : m_diff.fromSnapshot.objects)
                if (p.kind == Kind::Table && p.qualified == attr(o, "parent"))
                    for (const SchemaObject &x : m_diff.fromSnapshot.objects)
                        cloned = cloned || ((x.kind == Kind::Index || x.kind == Kind::Constraint) && x.schema == p.schema && x.table == p.name);
            if (cloned)
                notDone(table, QStringLiteral("detached from %1, it keeps the indexes and constraints it had as a partition")
                                   .arg(attr(o, "parent")));
        } else if (c.type == Type::Added && a(table) && !b(table)) {
            m_attached.insert(table);
            m_alter[o.key()] << QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 %3;").arg(attr(o, "parent"), o.qualified, attr(o, "bound"));
        }
    }
    rebuilds();
    for (const SchemaChange &c : changes) // tables first: one whose kind cannot change keeps what is on it
        if (c.type == Type::Changed && c.object().kind == Kind::Table && !m_rebuild.contains(c.object().key()))
            classify(c);
    for (const SchemaChange &c : changes) {
        const SchemaObject &o = c.object();
        const QString key = o.key();
        if (c.type != Type::Added && rebuilt(o))
            continue; // it goes with its table and comes back as the other side has it
        if (!o.table.isEmpty() && m_kindNotDone.contains(tableKey(o))) {
            notDone(key, QStringLiteral("left as it is: its table's kind is not changed"));
            continue;
        }
        if (c.type == Type::Changed) {
            if (o.kind != Kind::Table)
                classify(c);
            continue;
        }
        const bool inheritedOnly = o.kind == Kind::Column && attr(o, "inherited_only") == QLatin1String("true");
        if (c.type == Type::Added) {
            if ((o.kind == Kind::Table && m_detached.contains(key)) || (o.kind == Kind::Partition && !m_alter.value(key).isEmpty())
                || (o.kind == Kind::Column && m_detached.contains(tableKey(o))) || inheritedOnly)
                continue; // there already, or comes with its parent
            m_make.insert(key);
            if (o.kind == Kind::UserMapping && !attr(o, "hidden").isEmpty())
                notDone(key, QStringLiteral("made without its options: they are not shown to this role (compare as the server's owner)"));
            if (o.kind == Kind::UserMapping && !attr(o, "password").isEmpty())
                notDone(key, QStringLiteral("made without its password: Statescope never reads passwords, set it by hand"));

        } else {
            const QString table = QStringLiteral("table %1.%2").arg(o.schema, o.name);
            if ((o.kind == Kind::Partition && m_detached.contains(table)) || (o.kind == Kind::Table && m_attached.contains(key))
                || (o.kind == Kind::Column && m_attached.contains(tableKey(o))) || inheritedOnly)
                continue;
            drop(key);
        }
    }
    enumAgain();
    close();
    ownersAgain();
    columnOrder();
    addSteps();
    rebuildSteps();
    // Who the runner must be: each owner given, and each one an object is taken from.
    static const QRegularExpression ownerTo(QStringLiteral(" OWNER TO (.+);$"));
    for (const auto &[id, s] : m_steps)
        for (const QString &statement : s.sql)
            if (const auto m = ownerTo.match(statement); m.hasMatch()) {
                m_roles << m.captured(1);
                if (const SchemaObject *was = a(s.key); was && was->kind == Kind::Owner)
                    m_roles << attr(*was, "owner");
            }
    m_roles.removeDuplicates();
    m_roles.sort();
    QStringList out;
    out << QStringLiteral("-- Statements that would bring %1 to %2.").arg(m_diff.from, m_diff.to)
        << QStringLiteral("-- Made by Statescope from the two catalogs, in the order of their dependencies; read it")
        << QStringLiteral("-- before running it (psql -v ON_ERROR_STOP=1 -f: it is one transaction of its own);\n"
                           "-- Statescope never runs it.");
    if (!m_roles.isEmpty())
        out << QStringLiteral("-- It gives objects to their owners: run it as a superuser, or as a role that is a member of")
            << QStringLiteral("-- each of: %1.").arg(m_roles.join(QStringLiteral(", ")));
    out
        << QStringLiteral("BEGIN;")
        << QStringLiteral("SET LOCAL check_function_bodies = off;");
    const QStringList body = ordered();
    if (body.isEmpty() && m_notDone.isEmpty())
        out << QStringLiteral("-- The two schemas are the same: nothing to do.");
    out << body;
    if (!m_notDone.isEmpty()) {
        m_notDone.removeDuplicates();
        out << QString() << QStringLiteral("-- What this script does not do (the two will still differ there):") << m_notDone;
    }
    out << QString() << QStringLiteral("COMMIT;");
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace script

QString SchemaDiff::script(QStringList *roles) const
{
    script::Planner planner(*this);
    QString text = planner.script();
    if (roles)
        *roles = planner.roles();
    return text;
}

} // namespace statescope::catalog
