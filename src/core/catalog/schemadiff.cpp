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
    if (from->kind == Kind::Owner) // "bob -> alice"
        return QStringLiteral("%1 -> %2").arg(from->definition, to->definition);
    // Attributes said as people say them, not as the catalog codes them; those only the
    // script needs are left out.
    static const QHash<QString, QString> names = {
        {QStringLiteral("not_null"), QStringLiteral("NOT NULL")}, {QStringLiteral("force_rls"), QStringLiteral("forced row security")},
        {QStringLiteral("rls"), QStringLiteral("row security")},  {QStringLiteral("partition_key"), QStringLiteral("partition key")},
        {QStringLiteral("inherited_only"), QStringLiteral("only inherited")}, {QStringLiteral("enum"), QStringLiteral("values")},
        {QStringLiteral("owned"), QStringLiteral("owned by")}, {QStringLiteral("replica_identity"), QStringLiteral("replica identity")}};
    static const QSet<QString> hidden = {QStringLiteral("alter"), QStringLiteral("column"), QStringLiteral("enum_type"),
                                         QStringLiteral("query"), QStringLiteral("constraint"), QStringLiteral("trigger"),
                                         QStringLiteral("policy"), QStringLiteral("privilege"), QStringLiteral("on"),
                                         QStringLiteral("grantee"), QStringLiteral("by_default"), QStringLiteral("signature"),
                                         QStringLiteral("columns"), QStringLiteral("type_storage"),
                                         QStringLiteral("owner")};
    // A flag one side does not set is "no"; a storage or statistics target one side does not
    // set is the type's default.
    const auto said = [](const QString &name, const QString &value, const QString &other) {
        if (value.isEmpty()) {
            if (other == QLatin1String("true") || other == QLatin1String("false"))
                return QStringLiteral("no");
            if (name == QLatin1String("storage") || name == QLatin1String("statistics") || name == QLatin1String("replica_identity"))
                return QStringLiteral("default");
            return QStringLiteral("(none)");
        }
        if (name == QLatin1String("identity"))
            return value == QLatin1String("a") ? QStringLiteral("always") : QStringLiteral("by default");
        if (name == QLatin1String("generated"))
            return QStringLiteral("stored");
        if (name == QLatin1String("replica_identity") && value == QLatin1String("index"))
            return QStringLiteral("using an index");
        if (value == QLatin1String("true"))
            return QStringLiteral("yes");
        if (value == QLatin1String("false"))
            return QStringLiteral("no");
        return value;
    };
    // A generated column's expression is kept where a default is.
    const auto defaultName = [](const SchemaObject &o) {
        return attr(o, "generated").isEmpty() ? QStringLiteral("default") : QStringLiteral("expression");
    };
    // Every attribute either side has, in one order.
    QStringList keys = from->attributes.keys();
    for (const QString &k : to->attributes.keys())
        if (!from->attributes.contains(k))
            keys << k;
    std::sort(keys.begin(), keys.end());
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        const QString before = from->attributes.value(key), after = to->attributes.value(key);
        if (before == after || hidden.contains(key))
            continue;
        if (key == QLatin1String("default") && defaultName(*from) != defaultName(*to)) {
            parts << QStringLiteral("%1 %2 -> %3 %4").arg(defaultName(*from), said(key, before, after), defaultName(*to),
                                                          said(key, after, before));
            continue;
        }
        const QString name = key == QLatin1String("default") ? defaultName(*to) : names.value(key, key);
        parts << QStringLiteral("%1 %2 -> %3").arg(name, said(key, before, after), said(key, after, before));
    }
    if (from->kind == SchemaObject::Kind::Table || from->kind == SchemaObject::Kind::View) {
        // Columns in another order (those both have), or a view's columns changed.
        const QStringList a = attr(*from, "columns").split(QStringLiteral(", "), Qt::SkipEmptyParts);
        const QStringList b = attr(*to, "columns").split(QStringLiteral(", "), Qt::SkipEmptyParts);
        QStringList x, y;
        for (const QString &c : a)
            if (b.contains(c))
                x << c;
        for (const QString &c : b)
            if (a.contains(c))
                y << c;
        if (x != y)
            parts << QStringLiteral("column order %1 -> %2").arg(x.join(QStringLiteral(", ")), y.join(QStringLiteral(", ")));
        else if (from->kind == SchemaObject::Kind::View && a != b)
            parts << QStringLiteral("columns %1 -> %2").arg(a.join(QStringLiteral(", ")), b.join(QStringLiteral(", ")));
    }
    if (from->kind == SchemaObject::Kind::View || from->kind == SchemaObject::Kind::Function
        || from->kind == SchemaObject::Kind::MaterializedView) {
        if (from->definition != to->definition && parts.isEmpty())
            parts << QStringLiteral("definition changed");
    }
    return parts.isEmpty() ? QStringLiteral("%1 -> %2").arg(from->definition, to->definition) : parts.join(QStringLiteral("; "));
}

// Two tables with the same definition whose common columns stand in another order.
static bool reordered(const SchemaObject &a, const SchemaObject &b)
{
    if (a.kind != SchemaObject::Kind::Table)
        return false;
    const QStringList x = attr(a, "columns").split(QStringLiteral(", "), Qt::SkipEmptyParts);
    const QStringList y = attr(b, "columns").split(QStringLiteral(", "), Qt::SkipEmptyParts);
    QStringList p, q;
    for (const QString &c : x)
        if (y.contains(c))
            p << c;
    for (const QString &c : y)
        if (x.contains(c))
            q << c;
    return p != q;
}

SchemaDiff SchemaDiff::compare(const SchemaSnapshot &fromSide, const SchemaSnapshot &toSide)
{
    SchemaDiff d;
    d.from = fromSide.database;
    d.to = toSide.database;
    d.fromSnapshot = fromSide;
    d.toSnapshot = toSide;
    // Owners are compared only where both sides have them.
    if (!fromSide.owners || !toSide.owners) {
        d.fromSnapshot.leaveOwnersOut();
        d.toSnapshot.leaveOwnersOut();
    }
    const SchemaSnapshot &from = d.fromSnapshot, &to = d.toSnapshot;
    QHash<QString, const SchemaObject *> left;
    left.reserve(from.objects.size());
    for (const SchemaObject &o : from.objects)
        left.insert(o.key(), &o);
    QHash<QString, const SchemaObject *> right;
    right.reserve(to.objects.size());
    QHash<QString, QString> tableOf; // a table's quoted name -> its key (the second side's)
    for (const SchemaObject &o : to.objects) {
        right.insert(o.key(), &o);
        if (o.kind == Kind::Table || o.kind == Kind::Partition)
            tableOf.insert(o.qualified, o.key());
    }
    // A serial's sequence is its table's owner's and goes with it: its owner is said once,
    // by its table, where the table's changes alike.
    const auto followsItsTable = [&](const SchemaObject &was, const SchemaObject &is) {
        const SchemaObject *seqWas = left.value(is.name), *seqIs = right.value(is.name);
        if (!seqWas || !seqIs || seqIs->kind != Kind::Sequence || attr(*seqIs, "owned").isEmpty()
            || attr(*seqIs, "owned") != attr(*seqWas, "owned"))
            return false;
        const QString owned = attr(*seqIs, "owned");
        for (qsizetype dot = owned.lastIndexOf(QLatin1Char('.')); dot > 0; dot = owned.lastIndexOf(QLatin1Char('.'), dot - 1))
            if (const QString table = tableOf.value(owned.left(dot)); !table.isEmpty()) {
                const SchemaObject *a = left.value(QStringLiteral("owner ") + table), *b = right.value(QStringLiteral("owner ") + table);
                return a && b && a->definition == was.definition && b->definition == is.definition;
            }
        return false;
    };
    QSet<QString> seen;
    for (const SchemaObject &o : to.objects) {
        const QString key = o.key();
        seen.insert(key);
        const auto it = left.constFind(key);
        if (it == left.constEnd() && o.kind == Kind::Owner && !left.contains(o.name))
            continue; // the owner of what is added: part of it (the script gives it)
        if (it == left.constEnd())
            d.changes.append({Type::Added, std::nullopt, o});
        else if (((*it)->definition != o.definition || reordered(**it, o))
                 && !(o.kind == Kind::Owner && followsItsTable(**it, o)))
            d.changes.append({Type::Changed, **it, o});
        else if ((*it)->definition != o.definition)
            continue; // a serial's sequence's owner, with its table's
        else
            ++d.same;
    }
    for (const SchemaObject &o : from.objects)
        if (!seen.contains(o.key()) && !(o.kind == Kind::Owner && !right.contains(o.name)))
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
