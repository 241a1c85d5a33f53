#include "schema.h"
#include "schema_p.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/validate.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace statescope::browse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("statescope::browse", text);
}

QString str(const nlohmann::json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

QStringList strings(const nlohmann::json &j)
{
    QStringList out;
    if (j.is_array())
        for (const auto &x : j)
            out << str(x);
    return out;
}


ForeignKey foreignKeyOf(const nlohmann::json &x)
{
    ForeignKey k;
    k.name = str(x[0]);
    k.columns = strings(x[1]);
    k.toSchema = str(x[2]);
    k.toTable = str(x[3]);
    k.toColumns = strings(x[4]);
    k.definition = str(x[5]);
    k.fromSchema = str(x[6]);
    k.fromTable = str(x[7]);
    return k;
}

} // namespace

namespace detail {

RelationInfo::Kind kindOf(char relkind)
{
    switch (relkind) {
    case 'p': return RelationInfo::Kind::Partitioned;
    case 'v': return RelationInfo::Kind::View;
    case 'm': return RelationInfo::Kind::MaterializedView;
    default: return RelationInfo::Kind::Table;
    }
}

ColumnInfo columnOf(const QString &name, const QString &type, const QString &typname, const QString &category,
                    bool notNull, const QString &defaultExpression, unsigned typeOid)
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.notNull = notNull;
    c.defaultExpression = defaultExpression;
    c.typeOid = typeOid;
    c.isArray = category == QLatin1String("A");
    c.isBytes = typname == QLatin1String("bytea");
    c.isJson = typname == QLatin1String("json") || typname == QLatin1String("jsonb");
    c.typeClass = c.isJson    ? layout::TypeClass::Json
                  : c.isBytes ? layout::TypeClass::Bytes
                  : category == QLatin1String("N") ? layout::TypeClass::Int
                  : category == QLatin1String("D") ? layout::TypeClass::Time
                  : category == QLatin1String("B") ? layout::TypeClass::Bool
                  : typname == QLatin1String("uuid") ? layout::TypeClass::Uuid
                                                    : layout::TypeClass::Text;
    return c;
}

void chooseKey(RelationDetails &d)
{
    // The key pages are keyed on: the primary key, else the narrowest valid unique index
    // on NOT NULL columns with neither an expression nor a WHERE. Never ctid: it moves.
    auto usable = [&d](const layout::IndexDef &i) {
        if (!i.valid || i.partial || i.expression || i.columns.isEmpty())
            return false;
        return std::all_of(i.columns.begin(), i.columns.end(), [&d](const QString &c) {
            const ColumnInfo *col = d.column(c);
            return col && col->notNull;
        });
    };
    const layout::IndexDef *best = nullptr;
    for (const layout::IndexDef &i : d.indexes) {
        if (!(i.primary || i.unique) || !usable(i))
            continue;
        if (!best || (i.primary && !best->primary)
            || (i.primary == best->primary && i.columns.size() < best->columns.size()))
            best = &i;
    }
    if (best) {
        d.key = best->columns;
        d.keyIndex = best->name;
    }
    for (const layout::IndexDef &i : d.indexes)
        if (i.valid && !i.partial && !i.expression && !i.columns.isEmpty()
            && !d.sortable.contains(i.columns.first()))
            d.sortable << i.columns.first();
}

} // namespace detail

QString RelationInfo::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Table: return QStringLiteral("table");
    case Kind::Partitioned: return QStringLiteral("partitioned table");
    case Kind::View: return QStringLiteral("view");
    case Kind::MaterializedView: return QStringLiteral("materialized view");
    case Kind::Partition: return QStringLiteral("partition");
    }
    return QStringLiteral("table");
}

QList<SchemaInfo> readSchemaTree(pg::Connection &conn)
{
    QList<SchemaInfo> out;
    for (const layout::CatalogTable &t : layout::readCatalog(conn, true)) {
        if (out.isEmpty() || out.last().name != t.schema)
            out.append({t.schema, {}});
        RelationInfo r;
        r.schema = t.schema;
        r.name = t.name;
        r.kind = detail::kindOf(t.relkind);
        r.estimatedRows = t.estimatedRows;
        r.sizeBytes = t.sizeBytes;
        r.rowSecurity = t.rowSecurity;
        for (const layout::Partition &p : t.partitionList) {
            RelationInfo part;
            const qsizetype dot = p.name.indexOf(QLatin1Char('.'));
            part.schema = p.name.left(dot);
            part.name = p.name.mid(dot + 1);
            part.kind = RelationInfo::Kind::Partition;
            part.partitionBounds = p.bounds;
            part.estimatedRows = p.estimatedRows;
            part.sizeBytes = p.sizeBytes;
            part.foreignServer = p.server;
            r.partitions.append(part);
        }
        out.last().relations.append(r);
    }
    return out;
}

const ColumnInfo *RelationDetails::column(const QString &name) const
{
    for (const ColumnInfo &c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

int RelationDetails::columnIndex(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (columns[i].name == name)
            return i;
    return -1;
}

RelationDetails readDetails(pg::Connection &conn, const QString &schema, const QString &name)
{
    const pg::Result r = catalog::readRelationDetails(conn, schema, name);
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound,
                    tr("%1.%2 is not a table, view or materialized view of %3.")
                        .arg(schema, name, conn.database()),
                    {}, tr("statescope-cli tables --db ... lists them."));
    RelationDetails d;
    RelationInfo &rel = d.relation;
    rel.schema = schema;
    rel.name = name;
    const QString relkind = r.value(0, 0);
    rel.kind = detail::kindOf(relkind.isEmpty() ? 'r' : relkind.at(0).toLatin1());
    rel.rowSecurity = r.toBool(0, 1);
    rel.estimatedRows = r.value(0, 2).toDouble();
    rel.sizeBytes = r.toLongLong(0, 3);
    auto json = [&r](int column) {
        return r.isNull(0, column) ? nlohmann::json::array()
                                   : nlohmann::json::parse(r.bytes(0, column).toStdString());
    };
    for (const auto &a : json(4))
        d.columns.append(detail::columnOf(str(a[0]), str(a[1]), str(a[2]), str(a[3]), a[4].get<bool>(), str(a[5]),
                                          a.size() > 7 && a[7].is_number_integer() ? a[7].get<unsigned>() : 0));
    for (const auto &x : json(5)) {
        layout::IndexDef i;
        i.name = str(x[0]);
        i.primary = x[1].get<bool>();
        i.unique = x[2].get<bool>();
        i.partial = x[3].get<bool>();
        i.expression = x[4].get<bool>();
        i.columns = strings(x[5]);
        i.valid = x[7].get<bool>();
        d.indexes.append(i);
        d.indexDefinitions.append({i.name, str(x[6])});
    }
    for (const auto &x : json(6))
        d.foreignKeys.append(foreignKeyOf(x));
    for (const auto &x : json(7))
        d.referencedBy.append(foreignKeyOf(x));
    for (const auto &x : json(8))
        d.triggers.append({str(x[0]), str(x[1])});
    for (const auto &x : json(9))
        d.policies.append({str(x[0]), str(x[1])});
    const nlohmann::json constraints = json(10);
    const QString partitionKey = r.value(0, 11);
    const QString viewDefinition = r.value(0, 12);
    const QString partitionOf = r.value(0, 13);
    const QString qualified = r.value(0, 14);
    rel.foreignServer = r.value(0, 16);
    rel.hasChildren = r.toBool(0, 17);
    for (const auto &x : json(15)) {
        RelationInfo part;
        part.schema = str(x[0]);
        part.name = str(x[1]);
        part.kind = RelationInfo::Kind::Partition;
        part.partitionBounds = str(x[2]);
        part.estimatedRows = x[3].is_number() ? x[3].get<double>() : -1;
        part.sizeBytes = x[4].is_number() ? x[4].get<qint64>() : 0;
        part.foreignServer = x.size() > 5 ? str(x[5]) : QString();
        rel.partitions.append(part);
    }
    if (!partitionOf.isEmpty())
        rel.kind = RelationInfo::Kind::Partition;

    detail::chooseKey(d);

    // DDL from the catalog.
    QString ddl;
    const bool view = rel.kind == RelationInfo::Kind::View;
    const bool matview = rel.kind == RelationInfo::Kind::MaterializedView;
    if (view || matview) {
        ddl = QStringLiteral("CREATE %1 %2 AS\n%3")
                  .arg(view ? QStringLiteral("VIEW") : QStringLiteral("MATERIALIZED VIEW"), qualified,
                       viewDefinition.trimmed());
        if (!ddl.endsWith(QLatin1Char(';')))
            ddl += QLatin1Char(';');
    } else if (!partitionOf.isEmpty()) {
        const qsizetype space = partitionOf.indexOf(QLatin1Char(' '));
        ddl = rel.foreignServer.isEmpty()
                  ? QStringLiteral("CREATE TABLE %1 PARTITION OF %2\n  %3;")
                        .arg(qualified, partitionOf.left(space), partitionOf.mid(space + 1))
                  : QStringLiteral("CREATE FOREIGN TABLE %1 PARTITION OF %2\n  %3\n  SERVER %4;")
                        .arg(qualified, partitionOf.left(space), partitionOf.mid(space + 1),
                             conn.quoteIdentifier(rel.foreignServer));
    } else {
        QStringList lines;
        for (const ColumnInfo &c : d.columns) {
            QString line = QStringLiteral("  %1 %2").arg(c.name, c.type);
            if (!c.defaultExpression.isEmpty())
                line += QStringLiteral(" DEFAULT ") + c.defaultExpression;
            if (c.notNull)
                line += QStringLiteral(" NOT NULL");
            lines << line;
        }
        for (const auto &x : constraints)
            lines << QStringLiteral("  CONSTRAINT %1 %2").arg(str(x[0]), str(x[1]));
        ddl = QStringLiteral("CREATE TABLE %1 (\n%2\n)").arg(qualified, lines.join(QStringLiteral(",\n")));
        if (!partitionKey.isEmpty())
            ddl += QStringLiteral(" PARTITION BY ") + partitionKey;
        ddl += QLatin1Char(';');
    }
    for (int i = 0; i < d.indexes.size(); ++i) {
        // Indexes that back a constraint are in the constraint already.
        const QString &n = d.indexes[i].name;
        const bool backsConstraint = std::any_of(constraints.begin(), constraints.end(),
                                                 [&n](const auto &x) { return str(x[0]) == n; });
        if (!backsConstraint)
            ddl += QLatin1Char('\n') + d.indexDefinitions[i].definition + QLatin1Char(';');
    }
    if (rel.rowSecurity)
        ddl += QStringLiteral("\nALTER TABLE %1 ENABLE ROW LEVEL SECURITY;").arg(qualified);
    for (const NamedDefinition &p : d.policies)
        ddl += QLatin1Char('\n') + p.definition;
    for (const NamedDefinition &t : d.triggers)
        ddl += QLatin1Char('\n') + t.definition + QLatin1Char(';');
    d.ddl = ddl;
    return d;
}

std::optional<std::pair<QString, QString>> parseQualifiedName(const QString &input)
{
    // Identifiers as people type them: plain (lower-cased by the server's rules, so kept
    // as typed here and matched in the catalog as is) or double-quoted ("" inside).
    static const validate::WholePattern form(QStringLiteral(
        "(?:(\"(?:[^\"]|\"\")+\"|[^.\"\\s]+)\\.)?(\"(?:[^\"]|\"\")+\"|[^.\"\\s]+)"));
    const auto m = form.match(input.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    auto unquote = [](const QString &part) {
        if (part.startsWith(QLatin1Char('"')))
            return part.mid(1, part.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        return part.toLower();
    };
    const QString schema = m.captured(1).isEmpty() ? QStringLiteral("public") : unquote(m.captured(1));
    return std::pair{schema, unquote(m.captured(2))};
}

} // namespace statescope::browse
