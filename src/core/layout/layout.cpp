#include "core/layout/layout.h"

#include "core/error.h"
#include "core/catalog/catalog.h"
#include "core/layout/catalog.h"
#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <mutex>
#include <set>

namespace statescope::layout {

namespace {

const char *kFormat = "statescope-layout/1";

// Keys a layout document may carry for people (what `layout show` prints); ignored on input.
const std::set<std::string> kInformational{"source", "kind", "row_security", "rls_settings", "partitions",
                                           "estimated_rows", "missing_required", "also_found"};

QString nullOf(TypeClass t)
{
    switch (t) {
    case TypeClass::Int: return QStringLiteral("NULL::bigint");
    case TypeClass::Time: return QStringLiteral("NULL::timestamptz");
    case TypeClass::Json:
    case TypeClass::Document: return QStringLiteral("NULL::jsonb");
    case TypeClass::Bytes: return QStringLiteral("NULL::bytea");
    case TypeClass::Bool: return QStringLiteral("NULL::boolean");
    case TypeClass::Uuid:
    case TypeClass::Text:
    case TypeClass::Key: return QStringLiteral("NULL::text");
    }
    return QStringLiteral("NULL");
}

QString realTable(const Relation &rel)
{
    return quoteIdent(rel.schema) + QLatin1Char('.') + quoteIdent(rel.table);
}

// The relation under canonical names. Enum columns read as text, json as jsonb, absent
// columns as typed NULLs (the runners' base code is derived from the runner ids if needed).
QString readView(const Relation &rel)
{
    QStringList cols;
    for (const RoleSpec &role : spec(rel.kind).roles) {
        const QString name = QString::fromLatin1(role.role);
        QString expr;
        if (const auto it = rel.columns.find(name); it != rel.columns.end()) {
            expr = quoteIdent(it->second.name);
            if (it->second.isEnum)
                expr += QStringLiteral("::text");
            else if (it->second.type == QLatin1String("json") && role.type == TypeClass::Json)
                expr += QStringLiteral("::jsonb");
        } else if (name == QLatin1String("on_base_code") && rel.has(QStringLiteral("on_first_id"))
                   && rel.has(QStringLiteral("on_second_id")) && rel.has(QStringLiteral("on_third_id"))) {
            expr = QStringLiteral("((%1 IS NOT NULL)::int + 2 * (%2 IS NOT NULL)::int + "
                                  "4 * (%3 IS NOT NULL)::int)")
                       .arg(quoteIdent(rel.columns.at(QStringLiteral("on_first_id")).name),
                            quoteIdent(rel.columns.at(QStringLiteral("on_second_id")).name),
                            quoteIdent(rel.columns.at(QStringLiteral("on_third_id")).name));
        } else {
            expr = nullOf(role.type);
        }
        cols << expr + QStringLiteral(" AS ") + name;
    }
    return QStringLiteral("(SELECT %1 FROM %2)").arg(cols.join(QStringLiteral(", ")), realTable(rel));
}

const char *relkindName(char k)
{
    switch (k) {
    case 'p': return "partitioned table";
    case 'v': return "view";
    case 'm': return "materialized view";
    default: return "table";
    }
}

Error fileError(const QString &what)
{
    return Error::invalidInput(Layout::tr("Layout document: %1").arg(what),
                               Layout::tr("See docs/LAYOUTS.md; `statescope-cli layout show --db "
                                          "CONN --json` prints a valid one to start from."));
}

struct Cached
{
    std::shared_ptr<const Layout> layout;
    std::optional<nlohmann::json> override;
    QString source;
};

std::shared_ptr<const Cached> cachedOf(pg::Connection &conn)
{
    return std::static_pointer_cast<const Cached>(conn.attachment());
}

Layout build(pg::Connection &conn, const std::optional<nlohmann::json> &doc, const QString &source,
             const catalog::Catalog *shape = nullptr)
{
    const QList<CatalogTable> catalog = shape ? fromCatalog(*shape) : readCatalog(conn);
    Layout layout = detectIn(conn, catalog);
    if (!doc)
        return layout;
    for (const auto &[key, value] : (*doc)["relations"].items()) {
        const Kind kind = *kindFromKey(QString::fromStdString(key));
        const KindSpec &ks = spec(kind);
        if (value.is_null()) {
            layout.relations.erase(kind);
            continue;
        }
        const QString schema = QString::fromStdString(value["schema"].get<std::string>());
        const QString table = QString::fromStdString(value["table"].get<std::string>());
        const auto t = std::find_if(catalog.begin(), catalog.end(), [&](const CatalogTable &c) {
            return c.schema == schema && c.name == table;
        });
        if (t == catalog.end())
            throw Error::invalidInput(Layout::tr("The layout (%1) names %2.%3 for %4, but database "
                                                 "%5 has no such table.")
                                          .arg(source, schema, table, QLatin1String(ks.label),
                                               conn.database()));
        Relation rel;
        rel.kind = kind;
        rel.schema = schema;
        rel.table = table;
        rel.source = source;
        rel.relkind = t->relkind;
        rel.rowSecurity = t->rowSecurity;
        rel.rlsSettings = t->rlsSettings;
        rel.indexes = t->indexes;
        rel.uniqueKeys = uniqueKeysOf(*t);
        rel.partitionList = t->partitionList;
        rel.partitions = t->partitions;
        rel.estimatedRows = t->estimatedRows;
        rel.columns = roleColumns(ks, *t);
        if (value.contains("columns"))
            for (const auto &[role, col] : value["columns"].items()) {
                const QString r = QString::fromStdString(role);
                if (col.is_null()) {
                    rel.columns.erase(r);
                    continue;
                }
                const QString name = QString::fromStdString(col.get<std::string>());
                const Column *c = t->column(name);
                if (!c)
                    throw Error::invalidInput(Layout::tr("The layout (%1) maps %2 of %3 to column "
                                                         "\"%4\", which %5.%6 does not have.")
                                                  .arg(source, r, QLatin1String(ks.key), name,
                                                       schema, table));
                const auto rs = std::find_if(ks.roles.begin(), ks.roles.end(), [&](const RoleSpec &s) {
                    return r == QLatin1String(s.role);
                });
                if (!typeFits(rs->type, c->typeClass))
                    throw Error::invalidInput(Layout::tr("The layout (%1) maps %2 of %3 to column "
                                                         "\"%4\" of type %5, which cannot hold it.")
                                                  .arg(source, r, QLatin1String(ks.key), name, c->type));
                rel.columns[r] = *c;
            }
        layout.relations[kind] = std::move(rel);
    }
    return layout;
}

} // namespace

QString quoteIdent(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

const Relation *Layout::find(Kind kind) const
{
    const auto it = relations.find(kind);
    return it == relations.end() ? nullptr : &it->second;
}

const Relation &Layout::require(Kind kind) const
{
    if (const Relation *r = find(kind))
        return *r;
    const KindSpec &s = spec(kind);
    QStringList names;
    for (const char *n : s.tableNames)
        names << QString::fromLatin1(n);
    throw Error(Error::Kind::NotFound,
                tr("Database %1 holds no %2 that Statescope recognises.").arg(database, QLatin1String(s.label)),
                tr("Looked in every schema for a table like %1.").arg(names.join(QStringLiteral(", "))),
                tr("If the data is there under other names, map it in a layout file: "
                   "statescope-cli layout show --db %1 --json > layout.json, edit, then --layout "
                   "layout.json (docs/LAYOUTS.md).")
                    .arg(database));
}

const Relation &Layout::require(Kind kind, const QStringList &roles, const QString &purpose) const
{
    const Relation &rel = require(kind);
    QStringList absent;
    for (const QString &r : roles)
        if (!rel.has(r))
            absent << r;
    if (!absent.isEmpty())
        throw Error(Error::Kind::Conflict,
                    tr("%1 has no column for %2: %3 cannot run.")
                        .arg(rel.describe(), absent.join(QStringLiteral(", ")), purpose),
                    {}, tr("If the columns are there under other names, map them in a layout file "
                           "(docs/LAYOUTS.md)."));
    return rel;
}

QString Layout::sql(const QString &templ) const
{
    static const QRegularExpression token(
        QStringLiteral(R"(\{([a-z_]+)(?:(!)|\.([a-z_]+)|\s+([a-z_][a-z0-9_]*))?\})"));
    QString out;
    qsizetype last = 0;
    auto it = token.globalMatch(templ);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const std::optional<Kind> kind = kindFromKey(m.captured(1));
        if (!kind)
            continue; // not ours ('{}' in a JSON literal, say)
        const Relation &rel = require(*kind);
        out += templ.mid(last, m.capturedStart() - last);
        if (!m.captured(2).isEmpty()) {
            out += realTable(rel);
        } else if (!m.captured(3).isEmpty()) {
            const QString role = m.captured(3);
            out += quoteIdent(require(*kind, {role}, tr("this statement")).columns.at(role).name);
        } else {
            const QString alias = m.captured(4).isEmpty() ? m.captured(1) : m.captured(4);
            out += readView(rel) + QLatin1Char(' ') + alias;
        }
        last = m.capturedEnd();
    }
    out += templ.mid(last);
    return out;
}

nlohmann::json Layout::toJson() const
{
    nlohmann::json rels = nlohmann::json::object();
    for (const KindSpec &s : kindSpecs()) {
        const Relation *rel = find(s.kind);
        if (!rel) {
            rels[s.key] = nullptr;
            continue;
        }
        nlohmann::json cols = nlohmann::json::object();
        for (const RoleSpec &r : s.roles) {
            const auto it = rel->columns.find(QString::fromLatin1(r.role));
            cols[r.role] = it == rel->columns.end() ? nlohmann::json(nullptr)
                                                    : nlohmann::json(it->second.name.toStdString());
        }
        nlohmann::json also = nlohmann::json::array();
        for (const QString &a : rel->alsoFound)
            also.push_back(a.toStdString());
        nlohmann::json missing = nlohmann::json::array();
        for (const QString &m : rel->missing(true))
            missing.push_back(m.toStdString());
        rels[s.key] = {{"schema", rel->schema.toStdString()},
                       {"table", rel->table.toStdString()},
                       {"columns", cols},
                       {"source", rel->source.toStdString()},
                       {"kind", relkindName(rel->relkind)},
                       {"row_security", rel->rowSecurity},
                       {"rls_settings", [&] {
                            nlohmann::json a = nlohmann::json::array();
                            for (const QString &x : rel->rlsSettings)
                                a.push_back(x.toStdString());
                            return a;
                        }()},
                       {"partitions", [&] {
                            nlohmann::json a = nlohmann::json::array();
                            for (const Partition &p : rel->partitionList)
                                a.push_back({{"name", p.name.toStdString()},
                                             {"bounds", p.bounds.toStdString()},
                                             {"estimated_rows", p.estimatedRows < 0 ? -1 : qint64(p.estimatedRows)}});
                            return a;
                        }()},
                       {"estimated_rows", rel->estimatedRows < 0 ? -1 : qint64(rel->estimatedRows)},
                       {"missing_required", missing},
                       {"also_found", also}};
    }
    return {{"format", kFormat}, {"database", database.toStdString()}, {"relations", rels}};
}

nlohmann::json Layout::parseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::invalidInput(tr("Cannot read the layout file %1: %2").arg(path, f.errorString()));
    if (f.size() > 4 * 1024 * 1024)
        throw fileError(tr("%1 is larger than 4 MiB.").arg(path));
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(f.readAll().toStdString());
    } catch (const nlohmann::json::parse_error &e) {
        throw fileError(tr("%1 is not valid JSON (%2).").arg(path, QString::fromUtf8(e.what())));
    }
    validate(doc, path);
    return doc;
}

void Layout::validate(const nlohmann::json &doc, const QString &path)
{
    if (!doc.is_object() || doc.value("format", nlohmann::json()) != kFormat)
        throw fileError(tr("%1 must be an object with \"format\": \"%2\".").arg(path, QLatin1String(kFormat)));
    for (const auto &[k, v] : doc.items())
        if (k != "format" && k != "database" && k != "relations")
            throw fileError(tr("unknown key \"%1\".").arg(QString::fromStdString(k)));
    if (!doc.contains("relations") || !doc["relations"].is_object())
        throw fileError(tr("\"relations\" must be an object."));
    for (const auto &[key, rel] : doc["relations"].items()) {
        const QString k = QString::fromStdString(key);
        const std::optional<Kind> kind = kindFromKey(k);
        if (!kind)
            throw fileError(tr("unknown kind of data \"%1\".").arg(k));
        if (rel.is_null())
            continue;
        if (!rel.is_object() || !rel.contains("schema") || !rel["schema"].is_string()
            || !rel.contains("table") || !rel["table"].is_string())
            throw fileError(tr("\"%1\" needs \"schema\" and \"table\" (strings), or null.").arg(k));
        for (const auto &[field, v] : rel.items())
            if (field != "schema" && field != "table" && field != "columns" && !kInformational.count(field))
                throw fileError(tr("unknown key \"%1\" in \"%2\".").arg(QString::fromStdString(field), k));
        if (!rel.contains("columns"))
            continue;
        if (!rel["columns"].is_object())
            throw fileError(tr("\"columns\" of \"%1\" must be an object.").arg(k));
        const KindSpec &s = spec(*kind);
        for (const auto &item : rel["columns"].items()) {
            // Named, not bound: clang 14 cannot capture a structured binding in a lambda.
            const std::string role = item.key();
            const auto &col = item.value();
            if (std::none_of(s.roles.begin(), s.roles.end(),
                             [&](const RoleSpec &r) { return role == r.role; }))
                throw fileError(tr("\"%1\" has no column role \"%2\".").arg(k, QString::fromStdString(role)));
            if (!col.is_null() && !col.is_string())
                throw fileError(tr("column \"%1\" of \"%2\" must be a column name or null.")
                                    .arg(QString::fromStdString(role), k));
        }
    }
}

std::mutex &providerMutex()
{
    static std::mutex m;
    return m;
}

MappingProvider &provider()
{
    static MappingProvider p;
    return p;
}

void setMappingProvider(MappingProvider p)
{
    std::lock_guard lock(providerMutex());
    provider() = std::move(p);
}

namespace {

std::shared_ptr<const Layout> layoutOf(pg::Connection &conn, const catalog::Catalog *shape)
{
    auto cached = cachedOf(conn);
    if (cached && cached->layout)
        return cached->layout;
    auto fresh = std::make_shared<Cached>();
    if (cached) {
        fresh->override = cached->override;
        fresh->source = cached->source;
    } else {
        MappingProvider p;
        {
            std::lock_guard lock(providerMutex());
            p = provider();
        }
        if (p)
            if (std::optional<nlohmann::json> saved = p(conn.database())) {
                try {
                    Layout::validate(*saved, QStringLiteral("saved mapping"));
                    fresh->layout = std::make_shared<const Layout>(build(conn, saved, QStringLiteral("saved mapping"), shape));
                    fresh->override = saved;
                    fresh->source = QStringLiteral("saved mapping");
                    conn.setAttachment(fresh);
                    return fresh->layout;
                } catch (const Error &e) {
                    if (e.kind() != Error::Kind::InvalidInput)
                        throw;
                    // It no longer fits this database: detection stands.
                }
            }
    }
    fresh->layout = std::make_shared<const Layout>(build(conn, fresh->override, fresh->source, shape));
    conn.setAttachment(fresh);
    return fresh->layout;
}

} // namespace

std::shared_ptr<const Layout> of(pg::Connection &conn)
{
    return layoutOf(conn, nullptr);
}

std::shared_ptr<const Layout> of(pg::Connection &conn, const catalog::Catalog &shape)
{
    return layoutOf(conn, &shape);
}

void applyOverride(pg::Connection &conn, const nlohmann::json &document, const QString &source)
{
    Layout::validate(document, source);
    auto fresh = std::make_shared<Cached>();
    fresh->override = document;
    fresh->source = source;
    fresh->layout = std::make_shared<const Layout>(build(conn, document, source));
    conn.setAttachment(fresh);
}

void applyFile(pg::Connection &conn, const QString &path)
{
    applyOverride(conn, Layout::parseFile(path), QStringLiteral("layout file"));
}

void viewAs(pg::Connection &conn, const QString &setting, const QString &value)
{
    // Only a setting some policy of this database reads, and never empty: a typo would
    // otherwise quietly show nothing.
    const auto lay = of(conn);
    QStringList known;
    for (const auto &[kind, rel] : lay->relations)
        known << rel.rlsSettings;
    if (!known.contains(setting))
        throw Error::invalidInput(Layout::tr("No row-level security policy of %1 reads the setting "
                                             "\"%2\".").arg(conn.database(), setting),
                                  known.isEmpty() ? QString()
                                                  : Layout::tr("Policies read: %1.").arg(known.join(QStringLiteral(", "))));
    if (value.trimmed().isEmpty())
        throw Error::invalidInput(Layout::tr("Give the value to view as (a player id)."));
    conn.setTransactionSetting(setting, value.trimmed());
}

Error explainRowSecurity(const Relation &rel, const Error &e)
{
    // 42704: current_setting('app.current_player_id') with the setting never set.
    if (e.sqlstate() != QLatin1String("42704") || rel.rlsSettings.isEmpty())
        return e;
    return Error(Error::Kind::Conflict,
                 Layout::tr("%1 is protected by row-level security: its policies read %2, which "
                            "this session has not set, so the server refuses to read it.")
                     .arg(rel.qualifiedName(), rel.rlsSettings.join(QStringLiteral(", "))),
                 e.message(),
                 Layout::tr("View as a player: choose one in the pane, or pass --as-player ID "
                            "(the setting is made per transaction, read-only; policies are "
                            "never changed)."),
                 e.sqlstate());
}

void forget(pg::Connection &conn)
{
    auto cached = cachedOf(conn);
    if (!cached)
        return;
    auto fresh = std::make_shared<Cached>(*cached);
    fresh->layout.reset();
    conn.setAttachment(fresh);
}

} // namespace statescope::layout
