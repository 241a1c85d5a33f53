// A schema object's names (its kind, its key across two databases) and a snapshot's
// fingerprint and look-up (schemasnapshot.h).
#include "core/catalog/schemasnapshot.h"

#include <QCoreApplication>
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
    case Kind::Owner: return QStringLiteral("owner");
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

QString SchemaObject::kindLabel(Kind kind)
{
    // The kind in the reader's language; kindName() stays the machine's word (keys, JSON).
    static const char *const words[] = {
        QT_TRANSLATE_NOOP("SchemaObject", "extension"),    QT_TRANSLATE_NOOP("SchemaObject", "schema"),
        QT_TRANSLATE_NOOP("SchemaObject", "server"),       QT_TRANSLATE_NOOP("SchemaObject", "user mapping"),
        QT_TRANSLATE_NOOP("SchemaObject", "type"),         QT_TRANSLATE_NOOP("SchemaObject", "collation"),
        QT_TRANSLATE_NOOP("SchemaObject", "sequence"),     QT_TRANSLATE_NOOP("SchemaObject", "table"),
        QT_TRANSLATE_NOOP("SchemaObject", "column"),       QT_TRANSLATE_NOOP("SchemaObject", "constraint"),
        QT_TRANSLATE_NOOP("SchemaObject", "index"),        QT_TRANSLATE_NOOP("SchemaObject", "partition"),
        QT_TRANSLATE_NOOP("SchemaObject", "view"),         QT_TRANSLATE_NOOP("SchemaObject", "materialized view"),
        QT_TRANSLATE_NOOP("SchemaObject", "function"),     QT_TRANSLATE_NOOP("SchemaObject", "trigger"),
        QT_TRANSLATE_NOOP("SchemaObject", "policy"),       QT_TRANSLATE_NOOP("SchemaObject", "grant"),
        QT_TRANSLATE_NOOP("SchemaObject", "comment"),      QT_TRANSLATE_NOOP("SchemaObject", "statistics"),
        QT_TRANSLATE_NOOP("SchemaObject", "rule"),         QT_TRANSLATE_NOOP("SchemaObject", "default privilege"),
        QT_TRANSLATE_NOOP("SchemaObject", "owner")};
    const QByteArray name = kindName(kind).toLatin1();
    for (const char *w : words)
        if (name == w)
            return QCoreApplication::translate("SchemaObject", w);
    return kindName(kind);
}

QString SchemaObject::label() const
{
    QString rest = key().mid(kindName(kind).size());
    // A comment or an owner is named by what it is of ("comment table core.games"): that kind too.
    if (kind == Kind::Comment || kind == Kind::Owner) {
        for (int k = 0; k <= int(Kind::Owner); ++k) {
            const QString word = QLatin1Char(' ') + kindName(Kind(k)) + QLatin1Char(' ');
            if (rest.startsWith(word)) {
                rest = QLatin1Char(' ') + kindLabel(Kind(k)) + rest.mid(word.size() - 1);
                break;
            }
        }
    }
    return kindLabel(kind) + rest;
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
