// Comments, extended statistics and rules in a schema snapshot (schemasnapshot.h): a comment
// is an object of its own, within the object it is on, so it is compared, dropped and made
// again with it; a statistics object or a rule is within its table.
#include "core/catalog/catalog.h"
#include "core/catalog/schemasnapshot.h"

#include <QHash>

#include <functional>

namespace statescope::catalog {

namespace {

using Kind = SchemaObject::Kind;

QString attr(const SchemaObject &o, const char *name)
{
    return o.attributes.value(QLatin1String(name));
}

// What COMMENT ON names the object by; empty for what it cannot name.
QString commentTarget(const SchemaObject &o)
{
    switch (o.kind) {
    case Kind::Table:
        return (attr(o, "kind") == QLatin1String("foreign table") ? QStringLiteral("FOREIGN TABLE ")
                                                                   : QStringLiteral("TABLE "))
            + o.qualified;
    case Kind::Partition: return QStringLiteral("TABLE ") + o.qualified;
    case Kind::View: return QStringLiteral("VIEW ") + o.qualified;
    case Kind::MaterializedView: return QStringLiteral("MATERIALIZED VIEW ") + o.qualified;
    case Kind::Sequence: return QStringLiteral("SEQUENCE ") + o.qualified;
    case Kind::Index: return QStringLiteral("INDEX ") + o.qualified;
    case Kind::Column: return QStringLiteral("COLUMN %1.%2").arg(o.qualified, attr(o, "column"));
    case Kind::Function:
        return (attr(o, "procedure").isEmpty() ? QStringLiteral("FUNCTION ") : QStringLiteral("PROCEDURE ")) + o.qualified;
    case Kind::Type:
        return (attr(o, "base").isEmpty() ? QStringLiteral("TYPE ") : QStringLiteral("DOMAIN ")) + o.qualified;
    case Kind::Schema: return QStringLiteral("SCHEMA ") + o.qualified;
    case Kind::Collation: return QStringLiteral("COLLATION ") + o.qualified;
    case Kind::Server: return QStringLiteral("SERVER ") + o.qualified;
    case Kind::Constraint: return QStringLiteral("CONSTRAINT %1 ON %2").arg(attr(o, "constraint"), o.qualified);
    case Kind::Trigger: return QStringLiteral("TRIGGER %1 ON %2").arg(attr(o, "trigger"), o.qualified);
    case Kind::Policy: return QStringLiteral("POLICY %1 ON %2").arg(attr(o, "policy"), o.qualified);
    default: return {};
    }
}

// A string constant that means the same whatever standard_conforming_strings is.
QString literal(const QString &text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (!q.contains(QLatin1Char('\\')))
        return QLatin1Char('\'') + q + QLatin1Char('\'');
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return QStringLiteral("E'") + q + QLatin1Char('\'');
}

} // namespace

void addCommentsAndStatistics(SchemaSnapshot &s, const Catalog &cat,
                              const std::function<QString(const Dependency::End &)> &keyOf)
{
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < s.objects.size(); ++i)
        at.insert(s.objects.at(i).key(), i);
    QList<SchemaObject> added;
    for (const Comment &c : cat.comments) {
        const QString key = keyOf(c.on);
        const auto it = at.constFind(key);
        if (key.isEmpty() || it == at.constEnd())
            continue; // an extension's object, or one the snapshot leaves out
        const SchemaObject &target = s.objects.at(*it);
        // A key's index is its constraint in the snapshot: COMMENT ON INDEX is not that.
        if (target.kind == Kind::Constraint && c.on.holder == Dependency::Holder::Class)
            continue;
        const QString on = commentTarget(target);
        if (on.isEmpty())
            continue;
        SchemaObject o{Kind::Comment, {}, {}, key, c.text,
                       QStringLiteral("COMMENT ON %1 IS %2;").arg(on, literal(c.text)), on, {{QStringLiteral("on"), on}}};
        o.within << key;
        added << o;
    }
    for (const StatisticsObject &st : cat.statistics) {
        const QString table = keyOf({Dependency::Holder::Class, st.relation, 0});
        if (table.isEmpty() || !at.contains(table))
            continue;
        QString def = st.definition;
        QString ddl = st.definition + QLatin1Char(';');
        if (st.target >= 0) {
            def += QStringLiteral(" STATISTICS %1").arg(st.target);
            ddl += QStringLiteral("\nALTER STATISTICS %1 SET STATISTICS %2;").arg(st.qualified).arg(st.target);
        }
        SchemaObject o{Kind::Statistics, st.schema, {}, st.name, def, ddl, st.qualified, {}};
        o.within << table;
        added << o;
    }
    for (const Rule &r : cat.rules) {
        const QString table = keyOf({Dependency::Holder::Class, r.relation, 0});
        const auto it = at.constFind(table);
        if (table.isEmpty() || it == at.constEnd())
            continue;
        const SchemaObject &t = s.objects.at(*it);
        SchemaObject o{Kind::Rule, t.schema, t.name, r.name, r.definition.simplified(), r.definition, t.qualified,
                       {{QStringLiteral("rule"), r.quoted}}};
        o.within << table;
        added << o;
    }
    s.objects.append(added);
}

} // namespace statescope::catalog
