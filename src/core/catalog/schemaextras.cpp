// Comments, extended statistics, rules and default privileges in a schema snapshot (schemasnapshot.h): a comment
// is an object of its own, within the object it is on, so it is compared, dropped and made
// again with it; a statistics object or a rule is within its table.
#include "core/catalog/catalog.h"
#include "core/catalog/schemasnapshot.h"

#include <QHash>
#include <QSet>

#include <algorithm>
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
    // A view's columns are not objects of their own: a comment on one is said by its view.
    QHash<std::pair<qint64, int>, qsizetype> attribute;
    for (qsizetype i = 0; i < cat.attributes.size(); ++i)
        attribute.insert({cat.attributes.at(i).relation, cat.attributes.at(i).number}, i);
    for (const Comment &c : cat.comments) {
        QString key = keyOf(c.on);
        if (key.isEmpty() && c.on.holder == Dependency::Holder::Class && c.on.column > 0) {
            const QString view = keyOf({c.on.holder, c.on.oid, 0});
            const auto v = at.constFind(view);
            const auto column = attribute.constFind({c.on.oid, c.on.column});
            if (v == at.constEnd() || column == attribute.constEnd() || size_t(*column) >= cat.attributeDefinitions.size())
                continue;
            const SchemaObject &o = s.objects.at(*v);
            if (o.kind != Kind::View && o.kind != Kind::MaterializedView)
                continue;
            const QString quoted = cat.attributeDefinitions.at(size_t(*column)).quoted;
            const QString on = QStringLiteral("COLUMN %1.%2").arg(o.qualified, quoted);
            SchemaObject comment{Kind::Comment, {}, {}, QStringLiteral("column %1.%2.%3").arg(o.schema, o.name, cat.attributes.at(*column).name),
                                 c.text, QStringLiteral("COMMENT ON %1 IS %2;").arg(on, literal(c.text)), on, {{QStringLiteral("on"), on}}};
            comment.within << view;
            added << comment;
            continue;
        }
        const auto it = at.constFind(key);
        if (key.isEmpty() || it == at.constEnd())
            continue; // an extension's object, or one the snapshot leaves out
        const SchemaObject &target = s.objects.at(*it);
        // A key's index is its constraint in the snapshot, but COMMENT ON INDEX is not the
        // constraint's: said of the index by its own name, kept with its constraint.
        if (target.kind == Kind::Constraint && c.on.holder == Dependency::Holder::Class) {
            const auto index = std::find_if(cat.indexes.begin(), cat.indexes.end(),
                                            [&c](const Index &i) { return i.oid == c.on.oid; });
            if (index == cat.indexes.end() || index->qualified.isEmpty())
                continue;
            const QString on = QStringLiteral("INDEX ") + index->qualified;
            SchemaObject o{Kind::Comment, {}, {}, QStringLiteral("index of ") + key, c.text,
                           QStringLiteral("COMMENT ON %1 IS %2;").arg(on, literal(c.text)), on, {{QStringLiteral("on"), on}}};
            o.within << key;
            added << o;
            continue;
        }
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
    // Default privileges: each granted or revoked privilege, for its role (and schema).
    for (const DefaultPrivilege &d : cat.defaultPrivileges) {
        const QString where = d.schema.isEmpty() ? QString() : QStringLiteral(" IN SCHEMA ") + d.schema;
        const QString head = QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1%2 ").arg(d.role, where);
        const QString grant = QStringLiteral("GRANT %1 ON %2 TO %3%4")
                                  .arg(d.privilege, d.objects, d.grantee, d.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
        const QString revoke = QStringLiteral("REVOKE %1 ON %2 FROM %3").arg(d.privilege, d.objects, d.grantee);
        const QString name = QStringLiteral("for %1%2 on %3: %4 %5 %6")
                                 .arg(d.role, d.schema.isEmpty() ? QString() : QStringLiteral(" in ") + d.schema,
                                      d.objects.toLower(), d.privilege, d.revoked ? QStringLiteral("revoked from") : QStringLiteral("to"),
                                      d.grantee);
        SchemaObject o{Kind::DefaultPrivilege, {}, {}, name, (d.revoked ? revoke : grant),
                       head + (d.revoked ? revoke : grant) + QLatin1Char(';'), d.role,
                       {{QStringLiteral("undo"), head + (d.revoked ? grant : revoke) + QLatin1Char(';')}}};
        if (!d.schema.isEmpty() && at.contains(QStringLiteral("schema ") + d.schemaName))
            o.within << QStringLiteral("schema ") + d.schemaName;
        added << o;
    }
    s.objects.append(added);
}

// Owners: each an object of its own, within what it owns, so a script that makes or makes
// again an object gives it its owner after, and one whose owner differs says "owner ...".
void addOwners(SchemaSnapshot &s, const Catalog &cat, const std::function<QString(const Dependency::End &)> &keyOf)
{
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < s.objects.size(); ++i)
        at.insert(s.objects.at(i).key(), i);
    QHash<qint64, QString> statistics; // a statistics object's key, by OID
    for (const StatisticsObject &st : cat.statistics)
        statistics.insert(st.oid, SchemaObject{Kind::Statistics, st.schema, {}, st.name}.key());
    QList<SchemaObject> added;
    QSet<QString> owned;
    for (const Owner &owner : cat.owners) {
        const QString key = owner.of.holder == Dependency::Holder::Statistics ? statistics.value(owner.of.oid) : keyOf(owner.of);
        const auto it = at.constFind(key);
        if (key.isEmpty() || it == at.constEnd() || owned.contains(key))
            continue; // an extension's object, or one the snapshot leaves out
        SchemaObject &target = s.objects[*it];
        QString on;
        switch (target.kind) {
        case Kind::Function:
            on = (!attr(target, "aggregate").isEmpty()   ? QStringLiteral("AGGREGATE ")
                  : attr(target, "procedure").isEmpty() ? QStringLiteral("FUNCTION ")
                                                        : QStringLiteral("PROCEDURE "))
                + target.qualified;
            break;
        case Kind::Partition:
            on = (target.ddl.startsWith(QLatin1String("CREATE FOREIGN ")) ? QStringLiteral("FOREIGN TABLE ")
                                                                            : QStringLiteral("TABLE "))
                + target.qualified;
            break;
        case Kind::Statistics: on = QStringLiteral("STATISTICS ") + target.qualified; break;
        case Kind::Table: case Kind::View: case Kind::MaterializedView: case Kind::Sequence: case Kind::Type:
        case Kind::Schema: case Kind::Collation: case Kind::Server:
            on = commentTarget(target);
            break;
        default: continue;
        }
        owned.insert(key);
        QString role = owner.role; // as people write it: unquoted
        if (role.startsWith(QLatin1Char('"')))
            role = role.mid(1, role.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        target.attributes.insert(QStringLiteral("owner"), owner.role);
        SchemaObject o{Kind::Owner, {}, {}, key, role, QStringLiteral("ALTER %1 OWNER TO %2;").arg(on, owner.role),
                       target.qualified, {{QStringLiteral("owner"), owner.role}, {QStringLiteral("on"), on}}};
        o.within << key;
        added << o;
    }
    s.objects.append(added);
}

void SchemaSnapshot::leaveOwnersOut()
{
    owners = false;
    objects.removeIf([](const SchemaObject &o) { return o.kind == Kind::Owner; });
}

} // namespace statescope::catalog
