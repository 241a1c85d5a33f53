#include "rowsecurity.h"

#include "core/error.h"
#include "core/pg/connection.h"

#include <algorithm>

namespace statescope::browse {

namespace {

// Every table with row-level security on, the settings its policies read and the column
// each is compared with (a policy "player_id = current_setting('app.x')::uuid", as
// pg_get_expr prints it), and whether row security is active for this session: the
// server's own answer (row_security_active), which covers superusers, BYPASSRLS, and owners
// (members of the owning role) of tables without FORCE ROW LEVEL SECURITY.
const char *kSql = R"(
SELECT n.nspname, c.relname,
       coalesce((SELECT string_agg(DISTINCT m[1], ',') FROM pg_policy p,
                 regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' ||
                                coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
                                'current_setting\(''([^'']+)''', 'g') m
                 WHERE p.polrelid = c.oid), '') AS settings,
       coalesce((SELECT string_agg(DISTINCT m[2] || '=' || m[1], ',') FROM pg_policy p,
                 regexp_matches(coalesce(pg_get_expr(p.polqual, p.polrelid), ''),
                                '([a-z_][a-z0-9_]*) = \(*current_setting\(''([^'']+)''', 'g') m
                 WHERE p.polrelid = c.oid), '') AS columns,
       NOT row_security_active(c.oid) AS bypassed,
       c.relforcerowsecurity,
       pg_has_role(current_user, c.relowner, 'USAGE') AS owner
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relrowsecurity AND c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2
)";

} // namespace

RowSecurity RowSecurity::read(pg::Connection &conn)
{
    RowSecurity out;
    const auto who = conn.exec(QStringLiteral(
        "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"));
    if (who.rowCount() == 1) {
        out.role = who.value(0, 0);
        out.superuser = who.toBool(0, 1);
        out.bypassRls = who.toBool(0, 2);
    }
    const auto r = conn.exec(QString::fromLatin1(kSql));
    for (int i = 0; i < r.rowCount(); ++i) {
        ProtectedTable t;
        t.schema = r.value(i, 0);
        t.table = r.value(i, 1);
        t.settings = r.value(i, 2).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &pair : r.value(i, 3).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            t.columns.emplace(pair.left(eq), pair.mid(eq + 1));
        }
        t.bypassed = r.toBool(i, 4);
        if (t.bypassed)
            t.bypassReason = out.superuser    ? tr("%1 is a superuser").arg(out.role)
                             : out.bypassRls  ? tr("%1 has BYPASSRLS").arg(out.role)
                             : r.toBool(i, 6) ? tr("%1 owns %2, which has no FORCE ROW LEVEL SECURITY")
                                                    .arg(out.role, t.qualified())
                                              : tr("row security is off for this session");
        out.tables.append(t);
    }
    return out;
}

QStringList RowSecurity::settings() const
{
    QStringList out;
    for (const ProtectedTable &t : tables)
        for (const QString &s : t.settings)
            if (!out.contains(s))
                out << s;
    std::sort(out.begin(), out.end());
    return out;
}

const ProtectedTable *RowSecurity::find(const QString &schema, const QString &table) const
{
    for (const ProtectedTable &t : tables)
        if (t.schema == schema && t.table == table)
            return &t;
    return nullptr;
}

void RowSecurity::checkViewAs(const QString &setting, const QString &value) const
{
    if (!settings().contains(setting))
        throw Error::invalidInput(tr("No row-level security policy here reads the setting \"%1\".").arg(setting),
                                  settings().isEmpty() ? tr("This database has no row-level security policies.")
                                                       : tr("Policies read: %1.").arg(settings().join(QStringLiteral(", "))));
    if (value.trimmed().isEmpty())
        throw Error::invalidInput(tr("Give the value to view as (a player id)."));
}

QString RowSecurity::bypassNote(const ProtectedTable &table, const QString &setting) const
{
    if (!table.bypassed)
        return {};
    const auto column = table.columns.find(setting);
    if (column != table.columns.end())
        return tr("%1, so its policies do not apply and it sees every player: viewing as a player is "
                  "applied as the filter %2 = the player on %3 instead.")
            .arg(table.bypassReason, column->second, table.qualified());
    return tr("%1, so its policies do not apply: %2 shows every player's rows (no policy names the "
              "column to filter on).")
        .arg(table.bypassReason, table.qualified());
}

} // namespace statescope::browse
