#include "rowsecurity.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/pg/connection.h"

#include <algorithm>

namespace statescope::browse {

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
    const auto r = catalog::rowSecurityTables(conn);
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
