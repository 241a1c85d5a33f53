#include "core/catalog/schemadiff.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <vector>

namespace statescope::catalog {

namespace {

using Kind = SchemaObject::Kind;
using Type = SchemaChange::Type;

QString attr(const SchemaObject &o, const char *name)
{
    return o.attributes.value(QLatin1String(name));
}

QStringList enumLabels(const SchemaObject &o)
{
    QStringList out;
    for (const QString &l : attr(o, "enum").split(QStringLiteral(", "), Qt::SkipEmptyParts))
        out << l;
    return out;
}

// What undoes an object (its statement to drop it).
QString dropOf(const SchemaObject &o)
{
    switch (o.kind) {
    case Kind::Extension: return QStringLiteral("DROP EXTENSION %1;").arg(o.qualified);
    case Kind::Schema: return QStringLiteral("DROP SCHEMA %1;").arg(o.qualified);
    case Kind::Type:
        return (attr(o, "enum").isEmpty() ? QStringLiteral("DROP DOMAIN %1;") : QStringLiteral("DROP TYPE %1;")).arg(o.qualified);
    case Kind::Sequence: return QStringLiteral("DROP SEQUENCE %1;").arg(o.qualified);
    case Kind::Table: return QStringLiteral("DROP TABLE %1;  -- with its rows").arg(o.qualified);
    case Kind::Column:
        return QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;  -- with its values").arg(o.qualified, attr(o, "column"));
    case Kind::Constraint:
        return QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(o.qualified, attr(o, "constraint"));
    case Kind::Index: return QStringLiteral("DROP INDEX %1;").arg(o.qualified);
    case Kind::Partition:
        return QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2;\nDROP TABLE %2;  -- with its rows")
            .arg(attr(o, "parent"), o.qualified);
    case Kind::View: return QStringLiteral("DROP VIEW %1;").arg(o.qualified);
    case Kind::MaterializedView: return QStringLiteral("DROP MATERIALIZED VIEW %1;").arg(o.qualified);
    case Kind::Function:
        return (attr(o, "procedure").isEmpty() ? QStringLiteral("DROP FUNCTION %1;") : QStringLiteral("DROP PROCEDURE %1;"))
            .arg(o.qualified);
    case Kind::Trigger: return QStringLiteral("DROP TRIGGER %1 ON %2;").arg(attr(o, "trigger"), o.qualified);
    case Kind::Policy: return QStringLiteral("DROP POLICY %1 ON %2;").arg(attr(o, "policy"), o.qualified);
    case Kind::Grant:
        return QStringLiteral("REVOKE %1 ON %2 FROM %3;").arg(attr(o, "privilege"), attr(o, "on"), attr(o, "grantee"));
    }
    return {};
}

// The statements that turn `from` into `to` in place, or a comment saying it cannot.
QStringList alterOf(const SchemaObject &from, const SchemaObject &to)
{
    QStringList out;
    switch (to.kind) {
    case Kind::Extension:
        out << QStringLiteral("ALTER EXTENSION %1 UPDATE TO %2;").arg(to.qualified, QLatin1Char('\'') + attr(to, "version") + QLatin1Char('\''));
        break;
    case Kind::Type: {
        if (attr(to, "enum").isEmpty() || attr(from, "enum").isEmpty()) {
            out << QStringLiteral("-- the domain %1 differs: %2").arg(to.qualified, to.definition);
            break;
        }
        const QStringList before = enumLabels(from);
        for (const QString &label : enumLabels(to))
            if (!before.contains(label))
                out << QStringLiteral("ALTER TYPE %1 ADD VALUE IF NOT EXISTS %2;").arg(to.qualified, label);
        for (const QString &label : before)
            if (!enumLabels(to).contains(label))
                out << QStringLiteral("-- %1 has the value %2 that %3 lacks: an enum's value cannot be dropped")
                           .arg(from.qualified, label, to.qualified);
        break;
    }
    case Kind::Sequence:
        out << QStringLiteral("ALTER SEQUENCE %1 %2;").arg(to.qualified, attr(to, "alter"));
        break;
    case Kind::Table:
        if (attr(from, "rls") != attr(to, "rls"))
            out << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                       .arg(to.qualified, attr(to, "rls") == QLatin1String("true") ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE"));
        if (attr(from, "force_rls") != attr(to, "force_rls"))
            out << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                       .arg(to.qualified, attr(to, "force_rls") == QLatin1String("true") ? QStringLiteral("FORCE") : QStringLiteral("NO FORCE"));
        if (attr(from, "options") != attr(to, "options") && !attr(to, "options").isEmpty())
            out << QStringLiteral("ALTER TABLE %1 SET (%2);").arg(to.qualified, attr(to, "options"));
        if (attr(from, "kind") != attr(to, "kind") || attr(from, "partition_key") != attr(to, "partition_key")
            || attr(from, "server") != attr(to, "server"))
            out << QStringLiteral("-- %1 is \"%2\" here and \"%3\" there: a table's kind or partition key cannot be "
                                  "changed in place")
                       .arg(to.qualified, from.definition, to.definition);
        break;
    case Kind::Column: {
        const QString table = to.qualified;
        const QString column = attr(to, "column");
        if (attr(from, "identity") != attr(to, "identity") || attr(from, "generated") != attr(to, "generated")) {
            out << QStringLiteral("-- %1.%2 is \"%3\" here and \"%4\" there: identity and generated columns are "
                                  "changed by dropping and adding the column")
                       .arg(table, column, from.definition, to.definition);
            break;
        }
        if (attr(from, "type") != attr(to, "type") || attr(from, "collation") != attr(to, "collation"))
            out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3%4 USING %2::%3;")
                       .arg(table, column, attr(to, "type"),
                            attr(to, "collation").isEmpty() ? QString() : QStringLiteral(" COLLATE ") + attr(to, "collation"));
        if (attr(from, "default") != attr(to, "default"))
            out << (attr(to, "default").isEmpty()
                        ? QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(table, column)
                        : QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;").arg(table, column, attr(to, "default")));
        if (attr(from, "not_null") != attr(to, "not_null"))
            out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3 NOT NULL;")
                       .arg(table, column, attr(to, "not_null") == QLatin1String("true") ? QStringLiteral("SET") : QStringLiteral("DROP"));
        break;
    }
    case Kind::Partition:
        out << QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2;").arg(attr(from, "parent"), from.qualified)
            << QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 %3;").arg(attr(to, "parent"), to.qualified, attr(to, "bound"));
        break;
    case Kind::View:
    case Kind::Function:
        out << to.ddl; // CREATE OR REPLACE
        break;
    default: // constraints, indexes, triggers, policies, materialized views: dropped above, made again
        out << to.ddl;
        break;
    }
    return out;
}

// Kinds whose change is a drop and a create.
bool replacedWhole(Kind k)
{
    return k == Kind::Constraint || k == Kind::Index || k == Kind::Trigger || k == Kind::Policy
           || k == Kind::MaterializedView || k == Kind::Grant;
}

} // namespace

QString SchemaChange::typeName(Type type)
{
    switch (type) {
    case Type::Added: return QStringLiteral("added");
    case Type::Removed: return QStringLiteral("removed");
    case Type::Changed: break;
    }
    return QStringLiteral("changed");
}

QString SchemaChange::summary() const
{
    if (type != Type::Changed)
        return object().definition;
    QStringList parts;
    for (auto it = to->attributes.cbegin(); it != to->attributes.cend(); ++it) {
        const QString before = from->attributes.value(it.key());
        if (before != it.value() && it.key() != QLatin1String("alter"))
            parts << QStringLiteral("%1 %2 -> %3")
                         .arg(it.key(), before.isEmpty() ? QStringLiteral("(none)") : before,
                              it.value().isEmpty() ? QStringLiteral("(none)") : it.value());
    }
    return parts.isEmpty() ? QStringLiteral("%1 -> %2").arg(from->definition, to->definition) : parts.join(QStringLiteral("; "));
}

SchemaDiff SchemaDiff::compare(const SchemaSnapshot &from, const SchemaSnapshot &to)
{
    SchemaDiff d;
    d.from = from.database;
    d.to = to.database;
    QHash<QString, const SchemaObject *> left;
    left.reserve(from.objects.size());
    for (const SchemaObject &o : from.objects)
        left.insert(o.key(), &o);
    QSet<QString> seen;
    for (const SchemaObject &o : to.objects) {
        const QString key = o.key();
        seen.insert(key);
        const auto it = left.constFind(key);
        if (it == left.constEnd())
            d.changes.append({Type::Added, std::nullopt, o});
        else if ((*it)->definition != o.definition)
            d.changes.append({Type::Changed, **it, o});
        else
            ++d.same;
    }
    for (const SchemaObject &o : from.objects)
        if (!seen.contains(o.key()))
            d.changes.append({Type::Removed, o, std::nullopt});
    std::stable_sort(d.changes.begin(), d.changes.end(), [](const SchemaChange &a, const SchemaChange &b) {
        if (a.object().kind != b.object().kind)
            return int(a.object().kind) < int(b.object().kind);
        return a.object().key() < b.object().key();
    });
    return d;
}

int SchemaDiff::count(SchemaChange::Type type) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(), [type](const SchemaChange &c) { return c.type == type; }));
}

QString SchemaDiff::script() const
{
    QStringList out;
    out << QStringLiteral("-- Statements that would bring %1 to %2.").arg(from, to)
        << QStringLiteral("-- Made by Statescope from the two catalogs; read it before running it: "
                          "Statescope never runs it.")
        << QStringLiteral("BEGIN;");
    // Tables that come or go take their columns (and a new one its statement) with them.
    QSet<QString> newTables, goneTables;
    for (const SchemaChange &c : changes)
        if (c.object().kind == Kind::Table) {
            if (c.type == Type::Added)
                newTables.insert(c.to->qualified);
            else if (c.type == Type::Removed)
                goneTables.insert(c.from->qualified);
        }
    static const std::vector<Kind> dropOrder = {Kind::Policy, Kind::Trigger, Kind::Grant, Kind::View, Kind::MaterializedView,
                                                Kind::Function, Kind::Constraint, Kind::Index, Kind::Partition, Kind::Column,
                                                Kind::Table, Kind::Sequence, Kind::Type, Kind::Schema, Kind::Extension};
    static const std::vector<Kind> createOrder = {Kind::Extension, Kind::Schema, Kind::Type, Kind::Sequence, Kind::Table,
                                                  Kind::Column, Kind::Partition, Kind::Constraint, Kind::Index,
                                                  Kind::Function, Kind::View, Kind::MaterializedView, Kind::Trigger,
                                                  Kind::Policy, Kind::Grant};
    QStringList drops;
    for (Kind k : dropOrder) {
        // Foreign keys first among constraints: they point at what may go next.
        std::vector<const SchemaChange *> these;
        for (const SchemaChange &c : changes)
            if (c.object().kind == k && (c.type == Type::Removed || (c.type == Type::Changed && replacedWhole(k))))
                these.push_back(&c);
        if (k == Kind::Constraint)
            std::stable_sort(these.begin(), these.end(), [](const SchemaChange *a, const SchemaChange *b) {
                return (attr(a->object(), "type") == QLatin1String("f")) > (attr(b->object(), "type") == QLatin1String("f"));
            });
        for (const SchemaChange *c : these) {
            const SchemaObject &o = *c->from;
            if ((k == Kind::Column || k == Kind::Constraint || k == Kind::Trigger || k == Kind::Policy)
                && goneTables.contains(o.qualified))
                continue; // goes with its table
            drops << dropOf(o);
        }
    }
    QStringList creates;
    for (Kind k : createOrder) {
        for (const SchemaChange &c : changes) {
            if (c.object().kind != k || c.type == Type::Removed)
                continue;
            const SchemaObject &o = *c.to;
            if (k == Kind::Column && newTables.contains(o.qualified))
                continue; // made with its table
            if (c.type == Type::Added || replacedWhole(k))
                creates << o.ddl;
            else
                creates << alterOf(*c.from, o);
        }
    }
    if (!drops.isEmpty())
        out << QString() << QStringLiteral("-- What goes") << drops;
    if (!creates.isEmpty())
        out << QString() << QStringLiteral("-- What comes or changes") << creates;
    if (drops.isEmpty() && creates.isEmpty())
        out << QStringLiteral("-- The two schemas are the same: nothing to do.");
    out << QString() << QStringLiteral("COMMIT;");
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QList<DiffLine> diffLines(const QString &left, const QString &right)
{
    const QStringList a = left.split(QLatin1Char('\n'));
    const QStringList b = right.split(QLatin1Char('\n'));
    const size_t n = size_t(a.size()), m = size_t(b.size());
    // Longest common subsequence, table from the ends (the texts are a statement or two).
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[qsizetype(i)] == b[qsizetype(j)] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QList<DiffLine> out;
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[qsizetype(i)] == b[qsizetype(j)]) {
            out.append({DiffLine::Side::Both, a[qsizetype(i)]});
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.append({DiffLine::Side::Left, a[qsizetype(i++)]});
        } else {
            out.append({DiffLine::Side::Right, b[qsizetype(j++)]});
        }
    }
    while (i < n)
        out.append({DiffLine::Side::Left, a[qsizetype(i++)]});
    while (j < m)
        out.append({DiffLine::Side::Right, b[qsizetype(j++)]});
    return out;
}

} // namespace statescope::catalog
