#include "core/layout/history.h"

#include "core/catalog/lookup.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

#include <algorithm>

namespace statescope::layout {

namespace {

using json = nlohmann::json;


// Dotted versions ("1.10" after "1.9"), numbers compared as numbers, text as text.
bool versionLess(const QString &a, const QString &b)
{
    static const QRegularExpression sep(QStringLiteral("[._-]"));
    const QStringList pa = a.split(sep), pb = b.split(sep);
    for (qsizetype i = 0; i < std::min(pa.size(), pb.size()); ++i) {
        bool oka = false, okb = false;
        const qlonglong na = pa[i].toLongLong(&oka), nb = pb[i].toLongLong(&okb);
        if (oka && okb && na != nb)
            return na < nb;
        if (!(oka && okb) && pa[i] != pb[i])
            return pa[i] < pb[i];
    }
    return pa.size() < pb.size();
}

QString text(const json &row, const char *key)
{
    const auto it = row.find(key);
    if (it == row.end() || it->is_null())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    return QString::fromStdString(it->dump());
}

bool truthy(const json &row, const char *key)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_boolean() && it->get<bool>();
}

QString latest(QStringList versions)
{
    std::sort(versions.begin(), versions.end(), versionLess);
    return versions.isEmpty() ? QString() : versions.last();
}

void flyway(History &h, const json &rows)
{
    QStringList ok;
    int failed = 0, repeatable = 0, marker = 0;
    for (const json &r : rows) {
        const QString type = text(r, "type");
        if (type == QLatin1String("SCHEMA") || type == QLatin1String("BASELINE"))
            ++marker;
        const bool success = truthy(r, "success");
        if (!success)
            ++failed;
        else if (text(r, "version").isEmpty())
            repeatable += type == QLatin1String("SCHEMA") ? 0 : 1;
        else
            ok << text(r, "version");
    }
    h.version = latest(ok);
    if (failed)
        h.notes << Histories::tr("%n failed", nullptr, failed);
    if (repeatable)
        h.notes << Histories::tr("%n repeatable", nullptr, repeatable);
    if (marker)
        h.notes << Histories::tr("schema marker");
    h.problem = failed > 0;
}

void sqlx(History &h, const json &rows)
{
    QStringList ok;
    int failed = 0;
    for (const json &r : rows)
        truthy(r, "success") ? void(ok << text(r, "version")) : void(++failed);
    h.version = latest(ok);
    if (failed)
        h.notes << Histories::tr("%n failed", nullptr, failed);
    h.problem = failed > 0;
}

} // namespace

QString History::summary() const
{
    QString s = version.isEmpty() ? tool + QStringLiteral(" (no version)") : tool + QLatin1Char(' ') + version;
    if (!notes.isEmpty())
        s += QStringLiteral(" (") + notes.join(QStringLiteral(", ")) + QLatin1Char(')');
    return s;
}

QList<History> Histories::read(pg::Connection &conn)
{
    QList<History> out;
    const auto tables = catalog::historyTables(conn);
    for (int i = 0; i < tables.rowCount(); ++i) {
        const QString schema = tables.value(i, 0), name = tables.value(i, 1);
        const QStringList cols = tables.value(i, 2).split(QLatin1Char(','));
        History h;
        h.table = schema + QLatin1Char('.') + name;
        const bool ours = schema == QLatin1String("statescope");
        if (ours && name == QLatin1String("schema_history"))
            h.tool = tr("Statescope weekly schema");
        else if (ours && name == QLatin1String("bookkeeping_history"))
            h.tool = tr("Statescope bookkeeping");
        else if (ours)
            continue;
        else if (name == QLatin1String("flyway_schema_history")
                 || (name == QLatin1String("schema_version") && cols.contains(QStringLiteral("installed_rank"))))
            h.tool = QStringLiteral("Flyway");
        else if (name == QLatin1String("alembic_version"))
            h.tool = QStringLiteral("Alembic");
        else if (name == QLatin1String("_sqlx_migrations"))
            h.tool = QStringLiteral("sqlx");
        else if (name == QLatin1String("schema_migrations") && cols.contains(QStringLiteral("dirty")))
            h.tool = QStringLiteral("golang-migrate");
        else if (name == QLatin1String("schema_migrations"))
            h.tool = tr("schema_migrations table");
        else if (name == QLatin1String("schema_history") || name == QLatin1String("bookkeeping_history"))
            continue; // someone else's table of that name, not a history we know
        else
            h.tool = tr("version table");
        // Rows as JSON: column types and widths vary between projects (Alembic's version_num
        // widened past 32 characters, Flyway's signed checksums); nothing is assumed.
        const auto rows = conn.exec(QStringLiteral("SELECT coalesce(json_agg(to_jsonb(t)), '[]') "
                                                   "FROM (SELECT * FROM %1.%2 LIMIT 100000) t")
                                        .arg(quoteIdent(schema), quoteIdent(name)));
        const json data = json::parse(rows.bytes(0, 0).toStdString());
        if (h.tool == QLatin1String("Flyway")) {
            flyway(h, data);
        } else if (h.tool == QLatin1String("sqlx")) {
            sqlx(h, data);
        } else if (h.tool == QLatin1String("Alembic")) {
            QStringList heads;
            for (const json &r : data)
                heads << text(r, "version_num");
            heads.sort();
            h.version = heads.join(QStringLiteral(", "));
            if (heads.size() > 1)
                h.notes << tr("%n heads", nullptr, int(heads.size()));
        } else if (h.tool == QLatin1String("golang-migrate")) {
            if (!data.empty()) {
                h.version = text(data[0], "version");
                if (truthy(data[0], "dirty")) {
                    h.notes << tr("dirty: a migration failed midway");
                    h.problem = true;
                }
            }
        } else if (ours) {
            // The weekly schema's history records failed attempts (success false); the
            // bookkeeping's has no such column: a row there is a version applied.
            QStringList ok;
            int failed = 0;
            for (const json &r : data)
                !r.contains("success") || truthy(r, "success") ? void(ok << text(r, "version")) : void(++failed);
            h.version = latest(ok);
            if (failed)
                h.notes << tr("%n failed", nullptr, failed);
        } else {
            // schema_migrations of other frameworks (one row per version) and hand-rolled
            // tables: the highest value of the version-like column.
            const char *keys[] = {"version", "version_num", "schema_version", "ver", "db_version"};
            QStringList versions;
            for (const json &r : data)
                for (const char *k : keys)
                    if (r.contains(k)) {
                        versions << text(r, k);
                        break;
                    }
            if (versions.isEmpty() && !data.empty())
                continue; // a table named "version" holding something else
            h.version = latest(versions);
            if (data.size() > 1 && h.tool == tr("version table"))
                h.notes << tr("%n rows", nullptr, int(data.size()));
        }
        out.append(h);
    }
    return out;
}

QList<History> Histories::foreign(const QList<History> &all)
{
    QList<History> out;
    for (const History &h : all)
        if (!h.table.startsWith(QLatin1String("statescope.")))
            out.append(h);
    return out;
}

} // namespace statescope::layout
