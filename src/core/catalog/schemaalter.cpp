// What each changed object needs (schemascript_p.h): dropped and made again, statements in
// place, or NOT DONE; and the helpers both halves of the planner share.
#include "core/catalog/schemascript_p.h"

#include <QRegularExpression>

#include <algorithm>

namespace statescope::catalog::script {

using Kind = SchemaObject::Kind;
using Type = SchemaChange::Type;

QString attr(const SchemaObject &o, const char *name)
{
    return o.attributes.value(QLatin1String(name));
}

bool isForeignKey(const SchemaObject &o)
{
    return o.kind == Kind::Constraint && attr(o, "type") == QLatin1String("f");
}

// Drops: what uses others goes first; foreign keys before the keys they reference.
int dropRank(const SchemaObject &o)
{
    static const QList<Kind> order = {Kind::Owner, Kind::DefaultPrivilege, Kind::Comment, Kind::Statistics, Kind::Rule, Kind::Policy, Kind::Trigger, Kind::Grant, Kind::View, Kind::MaterializedView,
                                      Kind::Function, Kind::Constraint, Kind::Index, Kind::Partition, Kind::Column,
                                      Kind::Table, Kind::Sequence, Kind::Type, Kind::Collation, Kind::UserMapping,
                                      Kind::Server, Kind::Schema,
                                      Kind::Extension};
    return int(order.indexOf(o.kind)) * 2 + (isForeignKey(o) ? 0 : 1);
}

// Creates: what is used first; foreign keys after the indexes and keys they need.
int makeRank(const SchemaObject &o)
{
    static const QList<Kind> order = {Kind::Extension, Kind::Schema, Kind::Server, Kind::UserMapping, Kind::Collation,
                                      Kind::Type, Kind::Sequence,
                                      Kind::Table, Kind::Column, Kind::Partition, Kind::Constraint, Kind::Index,
                                      Kind::Function, Kind::View, Kind::MaterializedView, Kind::Trigger, Kind::Rule,
                                      Kind::Policy, Kind::Statistics, Kind::Grant, Kind::Comment, Kind::DefaultPrivilege, Kind::Owner};
    if (isForeignKey(o))
        return int(order.indexOf(Kind::Index)) * 2 + 1;
    return int(order.indexOf(o.kind)) * 2;
}

QString dropOf(const SchemaObject &o)
{
    switch (o.kind) {
    case Kind::Extension: return QStringLiteral("DROP EXTENSION %1;").arg(o.qualified);
    case Kind::Schema: return QStringLiteral("DROP SCHEMA %1;").arg(o.qualified);
    case Kind::Type:
        // An enum and a composite are types; a domain is dropped as one.
        return (attr(o, "enum").isEmpty() && attr(o, "composite").isEmpty() ? QStringLiteral("DROP DOMAIN %1;")
                                                                            : QStringLiteral("DROP TYPE %1;"))
            .arg(o.qualified);
    case Kind::Collation: return QStringLiteral("DROP COLLATION %1;").arg(o.qualified);
    case Kind::Server: return QStringLiteral("DROP SERVER %1;").arg(o.qualified);
    case Kind::UserMapping: return QStringLiteral("DROP USER MAPPING FOR %1 SERVER %2;").arg(attr(o, "user"), o.qualified);
    case Kind::Sequence: return QStringLiteral("DROP SEQUENCE %1;").arg(o.qualified);
    case Kind::Table:
        return (attr(o, "kind") == QLatin1String("foreign table") ? QStringLiteral("DROP FOREIGN TABLE %1;")
                                                                   : QStringLiteral("DROP TABLE %1;  -- with its rows"))
            .arg(o.qualified);
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
        return (!attr(o, "aggregate").isEmpty()   ? QStringLiteral("DROP AGGREGATE %1;")
                : attr(o, "procedure").isEmpty() ? QStringLiteral("DROP FUNCTION %1;")
                                                 : QStringLiteral("DROP PROCEDURE %1;"))
            .arg(o.qualified);
    case Kind::Trigger: return QStringLiteral("DROP TRIGGER %1 ON %2;").arg(attr(o, "trigger"), o.qualified);
    case Kind::Policy: return QStringLiteral("DROP POLICY %1 ON %2;").arg(attr(o, "policy"), o.qualified);
    case Kind::Grant:
        return QStringLiteral("REVOKE %1 ON %2 FROM %3;").arg(attr(o, "privilege"), attr(o, "on"), attr(o, "grantee"));
    case Kind::Comment:
        // The public schema's comment goes back to the one every database is made with.
        if (attr(o, "on") == QLatin1String("SCHEMA public"))
            return QStringLiteral("COMMENT ON SCHEMA public IS 'standard public schema';");
        return QStringLiteral("COMMENT ON %1 IS NULL;").arg(attr(o, "on"));
    case Kind::Statistics: return QStringLiteral("DROP STATISTICS %1;").arg(o.qualified);
    case Kind::Rule: return QStringLiteral("DROP RULE %1 ON %2;").arg(attr(o, "rule"), o.qualified);
    case Kind::DefaultPrivilege: return attr(o, "undo");
    case Kind::Owner: break; // it goes with what it owns
    }
    return {};
}

QStringList splitList(const QString &s)
{
    return s.split(QStringLiteral(", "), Qt::SkipEmptyParts);
}

// "fillfactor=70, autovacuum_enabled=false" -> its keys.
QStringList optionKeys(const QString &options)
{
    QStringList out;
    for (const QString &o : splitList(options))
        out << o.section(QLatin1Char('='), 0, 0);
    return out;
}

// Version strings compared part by part as numbers ("1.10" after "1.9").
bool versionBefore(const QString &a, const QString &b)
{
    const QStringList x = a.split(QLatin1Char('.')), y = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const int p = i < x.size() ? x.at(i).toInt() : 0, q = i < y.size() ? y.at(i).toInt() : 0;
        if (p != q)
            return p < q;
    }
    return a < b;
}

// An IN list over a varchar is printed by the server as `(col)::text = ANY ((ARRAY[...])::
// text[])`, which made again from that text reads back in another form (each element cast on
// its own): said as the IN list it was, it reads back as printed.
QString reparseable(const QString &sql)
{
    static const QRegularExpression inList(QStringLiteral(
        R"re(\(\(((?:[A-Za-z_][\w$]*|"(?:[^"]|"")+")(?:\.(?:[A-Za-z_][\w$]*|"(?:[^"]|"")+"))*)\)::text (= ANY|<> ALL) )re"
        R"re(\(\(ARRAY\[('(?:[^']|'')*'::character varying(?:, '(?:[^']|'')*'::character varying)*)\]\)::text\[\]\)\))re"));
    if (!sql.contains(QLatin1String("::text[])")))
        return sql;
    QString out = sql;
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = inList.match(out, from)).hasMatch()) {
        const QString said = QStringLiteral("(%1 %2 (%3))")
                                 .arg(m.captured(1), m.captured(2) == QLatin1String("= ANY") ? QStringLiteral("IN") : QStringLiteral("NOT IN"),
                                      m.captured(3));
        out.replace(m.capturedStart(), m.capturedLength(), said);
        from = m.capturedStart() + said.size();
    }
    return out;
}

// The relative order of the columns both lists have.
QStringList commonOrder(const QStringList &mine, const QStringList &other)
{
    QStringList out;
    for (const QString &c : mine)
        if (other.contains(c))
            out << c;
    return out;
}

// What a changed object needs: dropped and made again, statements in place (some of which
// need what uses the object out of the way), or a NOT DONE.
void Planner::classify(const SchemaChange &c)
{
    const SchemaObject &from = *c.from, &to = *c.to;
    const QString key = to.key();
    switch (to.kind) {
    case Kind::Extension:
        if (attr(from, "schema") != attr(to, "schema"))
            m_alter[key] << QStringLiteral("ALTER EXTENSION %1 SET SCHEMA %2;").arg(to.qualified, attr(to, "schema"));
        if (attr(from, "version") != attr(to, "version")) {
            if (versionBefore(attr(from, "version"), attr(to, "version")))
                m_alter[key] << QStringLiteral("ALTER EXTENSION %1 UPDATE TO '%2';").arg(to.qualified, attr(to, "version"));
            else if (const QStringList users = m_usersA.value(from.key()); users.isEmpty())
                // Nothing of the database uses it: back to the older version by making it again there.
                m_alter[key] << QStringLiteral("DROP EXTENSION %1;").arg(from.qualified)
                             << QStringLiteral("CREATE EXTENSION %1 WITH SCHEMA %2 VERSION %3;")
                                    .arg(to.qualified, attr(to, "schema"), quoteLiteral(attr(to, "version")));
            else
                notDone(key, QStringLiteral("version %1 here and %2 there: an extension is updated forward only, and "
                                            "going back would drop it with what uses it (%3)")
                                 .arg(attr(from, "version"), attr(to, "version"), users.join(QStringLiteral(", "))));
        }
        break;
    case Kind::Type: alterType(from, to); break;
    case Kind::Server:
        if (attr(from, "wrapper") != attr(to, "wrapper") || attr(from, "type") != attr(to, "type")) {
            if (m_usersA.value(key).isEmpty() && m_partsA.value(key).isEmpty())
                drop(key);
            else
                notDone(key, QStringLiteral("\"%1\" here and \"%2\" there, and it is in use").arg(from.definition, to.definition));
            break;
        }
        if (attr(from, "version") != attr(to, "version"))
            m_alter[key] << QStringLiteral("ALTER SERVER %1 VERSION '%2';").arg(to.qualified, QString(attr(to, "version")).replace(QLatin1Char('\''), QStringLiteral("''")));
        if (attr(from, "options") != attr(to, "options"))
            m_alter[key] << QStringLiteral("ALTER SERVER %1 OPTIONS (%2);").arg(to.qualified, optionChanges(attr(from, "options"), attr(to, "options")));
        break;
    case Kind::UserMapping:
        if (attr(from, "options") != attr(to, "options"))
            m_alter[key] << QStringLiteral("ALTER USER MAPPING FOR %1 SERVER %2 OPTIONS (%3);")
                                .arg(attr(to, "user"), to.qualified, optionChanges(attr(from, "options"), attr(to, "options")));
        if (!attr(from, "hidden").isEmpty() || !attr(to, "hidden").isEmpty())
            notDone(key, QStringLiteral("its options are not shown to this role: compare as the server's owner"));
        if (attr(from, "password") != attr(to, "password"))
            notDone(key, QStringLiteral("a password is set on one side only: Statescope never reads passwords, set it by hand"));
        break;
    case Kind::Collation:
    case Kind::Schema:
        if (m_usersA.value(key).isEmpty())
            drop(key);
        else
            notDone(key, QStringLiteral("\"%1\" here and \"%2\" there, and it is in use").arg(from.definition, to.definition));
        break;
    case Kind::Sequence:
        if (attr(from, "alter") != attr(to, "alter")) {
            // A MINVALUE raised above where the sequence stands is refused ("RESTART value
            // ... cannot be less than MINVALUE"): one still below it is moved up to it
            // first; one already past it is left where it is.
            static const QRegularExpression minimum(QStringLiteral(" MINVALUE (-?[0-9]+) "));
            const auto was = minimum.match(attr(from, "alter")), now = minimum.match(attr(to, "alter"));
            if (was.hasMatch() && now.hasMatch() && now.captured(1).toLongLong() > was.captured(1).toLongLong())
                m_alter[key] << QStringLiteral("SELECT setval(%1, %2, false) FROM %3 WHERE last_value < %2;")
                                    .arg(quoteLiteral(to.qualified), now.captured(1), to.qualified);
            m_alter[key] << QStringLiteral("ALTER SEQUENCE %1 %2%3;")
                                .arg(to.qualified, attr(to, "alter"),
                                     attr(to, "alter").endsWith(QLatin1String(" CYCLE")) ? QString() : QStringLiteral(" NO CYCLE"));
        }
        if (attr(from, "owned") != attr(to, "owned"))
            m_own.insert(key);
        break;
    case Kind::Table: alterTable(from, to); break;
    case Kind::Column: alterColumn(from, to); break;
    case Kind::Partition:
        if (attr(from, "partitioned") != attr(to, "partitioned")) {
            notDone(key, QStringLiteral("partitioned by \"%1\" here and \"%2\" there: a table's partitioning cannot be changed in place")
                             .arg(attr(from, "partitioned"), attr(to, "partitioned")));
            break;
        }
        if (std::any_of(m_keyKept.cbegin(), m_keyKept.cend(), [&](const QString &t) { return under(key, t, true); })) {
            notDone(key, QStringLiteral("left as it is: its table's partition key keeps its type"));
            break;
        }
        // Every partition whose bounds change is detached before any is attached again: the
        // new bounds may overlap another's old ones.
        m_detach.insert(key);
        m_alter[key] << QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 %3;").arg(attr(to, "parent"), to.qualified, attr(to, "bound"));
        break;
    case Kind::View: {
        // CREATE OR REPLACE keeps the columns it had, in order, and may add more at the end.
        const QStringList before = splitList(attr(from, "columns")), after = splitList(attr(to, "columns"));
        if (before.size() > after.size() || after.mid(0, before.size()) != before) {
            drop(key);
            break;
        }
        if (attr(from, "query") != attr(to, "query"))
            m_alter[key] << QStringLiteral("CREATE OR REPLACE VIEW %1 AS\n%2;").arg(to.qualified, attr(to, "query"));
        if (attr(from, "options") != attr(to, "options")) {
            if (!attr(from, "options").isEmpty())
                m_alter[key] << QStringLiteral("ALTER VIEW %1 RESET (%2);").arg(to.qualified, optionKeys(attr(from, "options")).join(QStringLiteral(", ")));
            if (!attr(to, "options").isEmpty())
                m_alter[key] << QStringLiteral("ALTER VIEW %1 SET (%2);").arg(to.qualified, attr(to, "options"));
        }
        break;
    }
    case Kind::Function:
        // CREATE OR REPLACE cannot change the result's type, the arguments' names or kind.
        if (attr(from, "result") == attr(to, "result") && attr(from, "signature") == attr(to, "signature")
            && attr(from, "procedure") == attr(to, "procedure") && attr(from, "aggregate").isEmpty()
            && attr(to, "aggregate").isEmpty())
            m_alter[key] << to.ddl;
        else
            drop(key);
        break;
    case Kind::Comment: // COMMENT ON replaces the one there
        m_alter[key] << to.ddl;
        break;
    case Kind::Owner: // given to its new owner (makeOf)
        m_make.insert(key);
        break;
    default: // constraints, indexes, triggers, policies, materialized views, grants, statistics
        drop(key);
        break;
    }
}

void Planner::alterType(const SchemaObject &from, const SchemaObject &to)
{
    const QString key = to.key();
    const bool inUse = !m_usersA.value(key).isEmpty() || !m_defaultUsersA.value(key).isEmpty();
    if (!attr(from, "composite").isEmpty() && !attr(to, "composite").isEmpty()) {
        // A composite's attributes: dropped, added (at the end), or given another type.
        const QStringList before = splitList(attr(from, "composite")), after = splitList(attr(to, "composite"));
        const auto name = [](const QString &a) { return a.section(QLatin1Char(' '), 0, 0); };
        QStringList namesBefore, namesAfter;
        for (const QString &x : before)
            namesBefore << name(x);
        for (const QString &x : after)
            namesAfter << name(x);
        QStringList &out = m_alter[key];
        for (const QString &x : before)
            if (!namesAfter.contains(name(x)))
                out << QStringLiteral("ALTER TYPE %1 DROP ATTRIBUTE %2;").arg(to.qualified, name(x));
        for (const QString &x : after) {
            const qsizetype at = namesBefore.indexOf(name(x));
            if (at < 0)
                out << QStringLiteral("ALTER TYPE %1 ADD ATTRIBUTE %2;").arg(to.qualified, x);
            else if (before.at(at) != x)
                out << QStringLiteral("ALTER TYPE %1 ALTER ATTRIBUTE %2 TYPE %3;").arg(to.qualified, name(x), x.section(QLatin1Char(' '), 1));
        }
        if (commonOrder(namesBefore, namesAfter) != commonOrder(namesAfter, namesBefore))
            notDone(key, QStringLiteral("its attributes are in another order there"));
        else
            for (qsizetype i = 0; i < namesAfter.size(); ++i)
                if (!namesBefore.contains(namesAfter.at(i)))
                    for (qsizetype j = i + 1; j < namesAfter.size(); ++j)
                        if (namesBefore.contains(namesAfter.at(j))) {
                            notDone(key, QStringLiteral("%1 is added at the end: its attributes' order differs").arg(namesAfter.at(i)));
                            i = j = namesAfter.size();
                        }
        return;
    }
    if (!attr(from, "composite").isEmpty() || !attr(to, "composite").isEmpty()) {
        if (inUse)
            notDone(key, QStringLiteral("\"%1\" here and \"%2\" there: a type in use is not changed in place").arg(from.definition, to.definition));
        else
            drop(key);
        return;
    }
    if (attr(to, "enum").isEmpty() != attr(from, "enum").isEmpty()
        || (attr(to, "enum").isEmpty() && attr(from, "base") != attr(to, "base"))) {
        if (inUse)
            notDone(key, QStringLiteral("\"%1\" here and \"%2\" there: a type in use is not changed in place").arg(from.definition, to.definition));
        else
            drop(key);
        return;
    }
    QStringList &out = m_alter[key];
    if (attr(to, "enum").isEmpty()) { // a domain: default, NOT NULL and constraints in place
        if (attr(from, "default") != attr(to, "default"))
            out << (attr(to, "default").isEmpty() ? QStringLiteral("ALTER DOMAIN %1 DROP DEFAULT;").arg(to.qualified)
                                                  : QStringLiteral("ALTER DOMAIN %1 SET DEFAULT %2;").arg(to.qualified, attr(to, "default")));
        if (attr(from, "not_null") != attr(to, "not_null"))
            out << QStringLiteral("ALTER DOMAIN %1 %2 NOT NULL;")
                       .arg(to.qualified, attr(to, "not_null") == QLatin1String("true") ? QStringLiteral("SET") : QStringLiteral("DROP"));
        const QStringList before = attr(from, "constraints").split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList after = attr(to, "constraints").split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &c : before)
            if (!after.contains(c))
                out << QStringLiteral("ALTER DOMAIN %1 DROP CONSTRAINT %2;").arg(to.qualified, c.section(QLatin1Char('\t'), 0, 0));
        for (const QString &c : after)
            if (!before.contains(c))
                out << QStringLiteral("ALTER DOMAIN %1 ADD CONSTRAINT %2 %3;")
                           .arg(to.qualified, c.section(QLatin1Char('\t'), 0, 0), c.section(QLatin1Char('\t'), 1));
        return;
    }
    // An enum: new values go where the other side has them.
    QStringList now = splitList(attr(from, "enum"));
    const QStringList want = splitList(attr(to, "enum"));
    QStringList kept;
    for (const QString &label : now)
        if (want.contains(label))
            kept << label;
    if (kept.size() < now.size() || kept != commonOrder(want, now)) {
        // A value goes, or the order changes: the type is made again under its name and its
        // columns are moved to it through text (a row that holds a value that goes stops the
        // script: nothing is lost), then the old one is dropped.
        m_alter.remove(key);
        m_enumAgain.insert(key);
        return;
    }
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QString &label = want.at(i);
        if (now.contains(label))
            continue;
        if (i > 0) {
            out << QStringLiteral("ALTER TYPE %1 ADD VALUE %2 AFTER %3;").arg(to.qualified, label, want.at(i - 1));
            now.insert(now.indexOf(want.at(i - 1)) + 1, label);
        } else if (!now.isEmpty()) {
            out << QStringLiteral("ALTER TYPE %1 ADD VALUE %2 BEFORE %3;").arg(to.qualified, label, now.first());
            now.prepend(label);
        } else {
            out << QStringLiteral("ALTER TYPE %1 ADD VALUE %2;").arg(to.qualified, label);
            now << label;
        }
    }
}

// OPTIONS ("name 'value', ...") from one list to another: ADD, SET and DROP.
QString optionChanges(const QString &from, const QString &to)
{
    QHash<QString, QString> before, after;
    QStringList order;
    for (const QString &o : splitList(from))
        before.insert(o.section(QLatin1Char(' '), 0, 0), o.section(QLatin1Char(' '), 1));
    for (const QString &o : splitList(to)) {
        after.insert(o.section(QLatin1Char(' '), 0, 0), o.section(QLatin1Char(' '), 1));
        order << o.section(QLatin1Char(' '), 0, 0);
    }
    QStringList out;
    for (const QString &o : splitList(from))
        if (!after.contains(o.section(QLatin1Char(' '), 0, 0)))
            out << QStringLiteral("DROP ") + o.section(QLatin1Char(' '), 0, 0);
    for (const QString &k : order)
        if (!before.contains(k))
            out << QStringLiteral("ADD %1 %2").arg(k, after.value(k));
        else if (before.value(k) != after.value(k))
            out << QStringLiteral("SET %1 %2").arg(k, after.value(k));
    return out.join(QStringLiteral(", "));
}

QString quoteName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (plain.match(name).hasMatch())
        return name;
    QString q = name;
    return QLatin1Char('"') + q.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// An enum made again: renamed out of the way, made anew, its columns moved through text, the
// old one dropped once nothing uses it.
void Planner::enumAgain()
{
    for (const QString &key : std::as_const(m_enumAgain)) {
        const SchemaObject &from = *a(key), &to = *b(key);
        const QString old = from.name + QStringLiteral("_statescope_old");
        m_steps[QStringLiteral("rename ") + key] = Step{Phase::Drop, -3, key,
                                                       {QStringLiteral("ALTER TYPE %1 RENAME TO %2;").arg(from.qualified, quoteName(old))}};
        m_make.insert(key);
        m_blocking.insert(key);
        QStringList retireAfter;
        for (const QString &user : m_usersA.value(key)) {
            const SchemaObject *c = a(user);
            const SchemaObject *now = b(user);
            if (!c || c->kind != Kind::Column || !now || m_drop.contains(user))
                continue;
            QStringList &out = m_alter[user];
            const QString t = now->qualified, col = attr(*now, "column");
            const bool hasDefault = !attr(*c, "default").isEmpty() && attr(*c, "generated").isEmpty();
            if (hasDefault)
                out.prepend(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(t, col));
            if (!out.join(QLatin1Char('\n')).contains(QLatin1String(" TYPE ")))
                out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3 USING %2::text::%3;").arg(t, col, attr(*now, "type"));
            if (!attr(*now, "default").isEmpty() && attr(*now, "generated").isEmpty() && hasDefault
                && !out.join(QLatin1Char('\n')).contains(QLatin1String(" SET DEFAULT ")))
                out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;").arg(t, col, attr(*now, "default"));
            m_blocking.insert(user);
            retireAfter << user;
        }
        m_retire[key] = retireAfter;
        m_retireSql[key] = QStringLiteral("DROP TYPE %1.%2;").arg(quoteName(to.schema), quoteName(old));
    }
}

void Planner::alterTable(const SchemaObject &from, const SchemaObject &to)
{
    const QString key = to.key();
    QStringList &out = m_alter[key];
    const QString t = to.qualified;
    const QString kindFrom = attr(from, "kind"), kindTo = attr(to, "kind");
    const auto plain = [](const QString &k) { return k == QLatin1String("table") || k == QLatin1String("unlogged table"); };
    if (kindFrom != kindTo && plain(kindFrom) && plain(kindTo))
        out << QStringLiteral("ALTER TABLE %1 SET %2;").arg(t, kindTo == QLatin1String("table") ? QStringLiteral("LOGGED") : QStringLiteral("UNLOGGED"));
    else if (kindFrom != kindTo || attr(from, "partition_key") != attr(to, "partition_key") || attr(from, "server") != attr(to, "server")) {
        m_kindNotDone.insert(key);
        notDone(key, QStringLiteral("\"%1\" here and \"%2\" there: a table's kind or partitioning cannot be changed in place")
                         .arg(from.definition, to.definition));
    }
    if (attr(from, "foreign_options") != attr(to, "foreign_options"))
        out << QStringLiteral("ALTER FOREIGN TABLE %1 OPTIONS (%2);").arg(t, optionChanges(attr(from, "foreign_options"), attr(to, "foreign_options")));
    if (attr(from, "rls") != attr(to, "rls"))
        out << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                   .arg(t, attr(to, "rls") == QLatin1String("true") ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE"));
    if (attr(from, "force_rls") != attr(to, "force_rls"))
        out << QStringLiteral("ALTER TABLE %1 %2 ROW LEVEL SECURITY;")
                   .arg(t, attr(to, "force_rls") == QLatin1String("true") ? QStringLiteral("FORCE") : QStringLiteral("NO FORCE"));
    if (attr(from, "options") != attr(to, "options")) {
        if (!attr(from, "options").isEmpty())
            out << QStringLiteral("ALTER TABLE %1 RESET (%2);").arg(t, optionKeys(attr(from, "options")).join(QStringLiteral(", ")));
        if (!attr(to, "options").isEmpty())
            out << QStringLiteral("ALTER TABLE %1 SET (%2);").arg(t, attr(to, "options"));
    }
    // REPLICA IDENTITY USING INDEX is set where its index or key is made.
    if (attr(from, "replica_identity") != attr(to, "replica_identity") && attr(to, "replica_identity") != QLatin1String("index"))
        out << QStringLiteral("ALTER TABLE %1 REPLICA IDENTITY %2;")
                   .arg(t, attr(to, "replica_identity").isEmpty() ? QStringLiteral("DEFAULT") : attr(to, "replica_identity"));
    const QStringList parentsFrom = splitList(attr(from, "inherits")), parentsTo = splitList(attr(to, "inherits"));
    QStringList leaves, stays;
    for (const QString &p : parentsFrom)
        (parentsTo.contains(p) ? stays : leaves) << p;
    for (const QString &p : leaves)
        out << QStringLiteral("ALTER TABLE %1 NO INHERIT %2;").arg(t, p);
    for (const QString &p : parentsTo)
        if (!parentsFrom.contains(p))
            out << QStringLiteral("ALTER TABLE %1 INHERIT %2;").arg(t, p);
    // NO INHERIT makes a column the table inherited from the parents that leave alone its
    // own, and INHERIT keeps it so: one only inherited on both sides ends up declared by the
    // table, which nothing turns back (but making the table again).
    if (!leaves.isEmpty()) {
        QSet<QString> kept; // columns a parent that stays gives it
        for (const SchemaObject &o : m_diff.fromSnapshot.objects)
            if (o.kind == Kind::Column && stays.contains(o.qualified))
                kept.insert(o.name);
        for (const SchemaObject &o : m_diff.fromSnapshot.objects) {
            if (o.kind != Kind::Column || o.qualified != from.qualified || attr(o, "inherited_only").isEmpty() || kept.contains(o.name))
                continue;
            const SchemaObject *there = b(o.key());
            if (there && !attr(*there, "inherited_only").isEmpty())
                notDone(o.key(), QStringLiteral("only inherited on both sides, but NO INHERIT %1 makes it the table's own and INHERIT "
                                                "keeps it so: a column cannot be made inherited only")
                                     .arg(leaves.join(QStringLiteral(", "))));
        }
    }
    const QStringList colsFrom = splitList(attr(from, "columns")), colsTo = splitList(attr(to, "columns"));
    if (commonOrder(colsFrom, colsTo) != commonOrder(colsTo, colsFrom))
        notDone(key, QStringLiteral("its columns are in another order there (%1): a column cannot be moved in place")
                         .arg(commonOrder(colsTo, colsFrom).join(QStringLiteral(", "))));
}

void Planner::alterColumn(const SchemaObject &from, const SchemaObject &to)
{
    const QString key = to.key();
    const QString t = to.qualified, c = attr(to, "column");
    const QString genFrom = attr(from, "generated"), genTo = attr(to, "generated");
    if (!genTo.isEmpty() && (genFrom != genTo || attr(from, "default") != attr(to, "default") || attr(from, "type") != attr(to, "type"))) {
        // A generated column's expression is not changed in place (before PostgreSQL 17): its
        // values are computed, so dropping and adding it loses nothing but its place.
        drop(key);
        // Last already, or its table could not be made again (rebuilds()): then said.
        const SchemaObject *tableFrom = a(tableKey(from)), *tableTo = b(tableKey(to));
        if (tableFrom && tableTo) {
            const QStringList here = splitList(attr(*tableFrom, "columns")), there = splitList(attr(*tableTo, "columns"));
            bool moves = false;
            for (qsizetype j = there.indexOf(c) + 1; j > 0 && j < there.size(); ++j)
                moves = moves || here.contains(there.at(j));
            if (moves)
                notDone(tableKey(to), QStringLiteral("%1 is added again at the end (its expression changed): the columns' order differs").arg(c));
        }
        return;
    }
    const SchemaObject *tableFrom = a(tableKey(from)), *tableTo = b(tableKey(to));
    bool losesParent = false; // NO INHERIT makes what it inherited its own
    if (tableFrom && tableTo)
        for (const QString &p : splitList(attr(*tableFrom, "inherits")))
            losesParent = losesParent || !splitList(attr(*tableTo, "inherits")).contains(p);
    // Every parent it inherits the column from loses that column here: dropped from them ONLY
    // (dropColumn()), which leaves it the table's own, with its values. Nothing more to do.
    bool parentsDropIt = false;
    if (tableFrom) {
        const QStringList parents = splitList(attr(*tableFrom, "inherits"));
        parentsDropIt = !parents.isEmpty();
        for (const QString &p : parents) {
            bool goes = false;
            for (const SchemaObject &t : m_diff.fromSnapshot.objects) {
                if (t.kind != Kind::Table || t.qualified != p)
                    continue;
                goes = a(columnKey(t, from.name)) && !b(columnKey(t, from.name));
            }
            parentsDropIt = parentsDropIt && goes;
        }
    }
    if (attr(from, "inherited_only") == QLatin1String("true") && attr(to, "inherited_only").isEmpty() && !losesParent
        && !parentsDropIt) {
        // ADD COLUMN never merges with an inherited column. NO INHERIT makes what the table
        // inherits its own and INHERIT again keeps it so: every column it only inherits at once.
        const QString unless = !tableFrom || !tableTo || attr(*tableFrom, "inherits") != attr(*tableTo, "inherits")
                                   ? QStringLiteral("its parents change too")
                                   : unlessAllLocal(*tableFrom);
        if (unless.isEmpty()) {
            const QStringList parents = splitList(attr(*tableTo, "inherits"));
            QStringList &table = m_alter[tableKey(to)];
            if (!parents.isEmpty() && !table.contains(QStringLiteral("ALTER TABLE %1 NO INHERIT %2;").arg(t, parents.first()))) {
                for (const QString &p : parents) // all first: INHERIT again keeps the parents' order
                    table << QStringLiteral("ALTER TABLE %1 NO INHERIT %2;").arg(t, p);
                for (const QString &p : parents)
                    table << QStringLiteral("ALTER TABLE %1 INHERIT %2;").arg(t, p);
            }
        } else {
            notDone(key, QStringLiteral("only inherited here and declared by the table there: NO INHERIT and INHERIT again, which make it "
                                        "so, would change more (%1)").arg(unless));
        }
    } else if (attr(from, "inherited_only").isEmpty() && attr(to, "inherited_only") == QLatin1String("true")) {
        notDone(key, QStringLiteral("declared by the table here and only inherited there: a column cannot be made inherited only"));
    }
    QStringList &out = m_alter[key];
    if (!genFrom.isEmpty() && genTo.isEmpty())
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP EXPRESSION;").arg(t, c);
    const bool retyped = attr(from, "type") != attr(to, "type") || attr(from, "collation") != attr(to, "collation");
    const QString defFrom = genFrom.isEmpty() ? attr(from, "default") : QString();
    const QString defTo = genTo.isEmpty() ? attr(to, "default") : QString();
    const QString idFrom = attr(from, "identity"), idTo = attr(to, "identity");
    const bool defaultFirst = !defFrom.isEmpty() && (defFrom != defTo || (retyped && attr(from, "enum_type") == QLatin1String("true")));
    if (defaultFirst)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(t, c);
    if (!idFrom.isEmpty() && idTo.isEmpty()) // with what goes: before a sequence of its sequence's name comes (a serial's)
        m_steps[QStringLiteral("noidentity ") + key] =
            Step{Phase::Drop, -1, key, {QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP IDENTITY;").arg(t, c)}};
    if (retyped && inPartitionKey(from)) {
        // Its table could not be made again (rebuilds()): its partitions' bounds stay too.
        m_keyKept.insert(tableKey(to));
        notDone(key, QStringLiteral("in its table's partition key, whose columns' types cannot be changed in place, and the table "
                                    "is not made again (it inherits or is inherited, forces row security or has foreign partitions)"));
    } else if (retyped) {
        // Between two enums there is no cast: through text there is.
        const QString via = attr(from, "enum_type") == QLatin1String("true") || attr(to, "enum_type") == QLatin1String("true")
                                ? QStringLiteral("::text")
                                : QString();
        // A foreign table holds no values to convert: PostgreSQL refuses USING there.
        const bool foreign = tableTo && attr(*tableTo, "kind") == QLatin1String("foreign table");
        const QString using_ = foreign ? QString() : QStringLiteral(" USING %1%2::%3").arg(c, via, attr(to, "type"));
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3%4%5;")
                   .arg(t, c, attr(to, "type"),
                        attr(to, "collation").isEmpty() ? QString() : QStringLiteral(" COLLATE ") + attr(to, "collation"), using_);
        m_blocking.insert(key);
    }
    if (attr(from, "statistics") != attr(to, "statistics"))
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET STATISTICS %3;")
                   .arg(t, c, attr(to, "statistics").isEmpty() ? QStringLiteral("-1") : attr(to, "statistics"));
    if (attr(from, "storage") != attr(to, "storage") && !(attr(to, "storage").isEmpty() && attr(to, "type_storage").isEmpty()))
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET STORAGE %3;")
                   .arg(t, c, attr(to, "storage").isEmpty() ? attr(to, "type_storage") : attr(to, "storage"));
    if (attr(from, "not_null") != attr(to, "not_null"))
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3 NOT NULL;")
                   .arg(t, c, attr(to, "not_null") == QLatin1String("true") ? QStringLiteral("SET") : QStringLiteral("DROP"));
    const QString options = attr(to, "identity_options");
    if (idFrom.isEmpty() && !idTo.isEmpty()) {
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 ADD GENERATED %3 AS IDENTITY%4;")
                   .arg(t, c, idTo == QLatin1String("a") ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT"),
                        options.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(options));
    } else if (!idFrom.isEmpty() && !idTo.isEmpty()) {
        if (idFrom != idTo)
            out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET GENERATED %3;")
                       .arg(t, c, idTo == QLatin1String("a") ? QStringLiteral("ALWAYS") : QStringLiteral("BY DEFAULT"));
        if (attr(from, "identity_options") != options && !options.isEmpty()) {
            // Its sequence's options, each with SET (START WITH is the restart point's base).
            static const QRegularExpression part(QStringLiteral("(INCREMENT BY|MINVALUE|MAXVALUE|START WITH|CACHE) (-?\\d+)"));
            QStringList sets;
            for (auto it = part.globalMatch(options); it.hasNext();) {
                const auto m = it.next();
                sets << QStringLiteral("SET %1 %2").arg(m.captured(1), m.captured(2));
            }
            sets << (options.endsWith(QLatin1String(" CYCLE")) ? QStringLiteral("SET CYCLE") : QStringLiteral("SET NO CYCLE"));
            out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3;").arg(t, c, sets.join(QLatin1Char(' ')));
        }
    }
    if (!defTo.isEmpty() && (defaultFirst || defFrom != defTo))
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;").arg(t, c, defTo);
    else if (defTo.isEmpty() && !defFrom.isEmpty() && !defaultFirst)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(t, c);
    out << carryCounter(from, to);
}

} // namespace statescope::catalog::script
