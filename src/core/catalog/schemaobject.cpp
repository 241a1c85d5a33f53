// A schema object's names (its kind, its key across two databases) and a snapshot's
// fingerprint and look-up (schemasnapshot.h).
#include "core/catalog/schemasnapshot.h"

#include <QCryptographicHash>
#include <QStringList>

namespace statescope::catalog {

using Kind = SchemaObject::Kind;

QString SchemaObject::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Extension: return QStringLiteral("extension");
    case Kind::Schema: return QStringLiteral("schema");
    case Kind::Server: return QStringLiteral("server");
    case Kind::UserMapping: return QStringLiteral("user mapping");
    case Kind::Type: return QStringLiteral("type");
    case Kind::Collation: return QStringLiteral("collation");
    case Kind::Sequence: return QStringLiteral("sequence");
    case Kind::Table: return QStringLiteral("table");
    case Kind::Column: return QStringLiteral("column");
    case Kind::Constraint: return QStringLiteral("constraint");
    case Kind::Index: return QStringLiteral("index");
    case Kind::Partition: return QStringLiteral("partition");
    case Kind::View: return QStringLiteral("view");
    case Kind::MaterializedView: return QStringLiteral("materialized view");
    case Kind::Function: return QStringLiteral("function");
    case Kind::Trigger: return QStringLiteral("trigger");
    case Kind::Policy: return QStringLiteral("policy");
    case Kind::Grant: return QStringLiteral("grant");
    case Kind::Comment: return QStringLiteral("comment");
    case Kind::Statistics: return QStringLiteral("statistics");
    case Kind::Rule: return QStringLiteral("rule");
    case Kind::DefaultPrivilege: return QStringLiteral("default privilege");
    }
    return {};
}

QString SchemaObject::key() const
{
    QString where = schema;
    if (!table.isEmpty())
        where += QLatin1Char('.') + table;
    return kindName(kind) + QLatin1Char(' ') + (where.isEmpty() ? name : where + QLatin1Char('.') + name);
}

QString SchemaObject::label() const
{
    return key();
}

QString SchemaSnapshot::fingerprint() const
{
    QStringList lines;
    lines.reserve(objects.size());
    for (const SchemaObject &o : objects)
        lines << o.key() + QLatin1Char('\t') + o.definition
                     + (o.kind == Kind::Table ? QLatin1Char('\t') + o.attributes.value(QStringLiteral("columns")) : QString());
    lines.sort();
    return QString::fromLatin1(
        QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex());
}

const SchemaObject *SchemaSnapshot::find(const QString &key) const
{
    for (const SchemaObject &o : objects)
        if (o.key() == key)
            return &o;
    return nullptr;
}

} // namespace statescope::catalog
