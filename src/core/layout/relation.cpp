// What one relation of a layout says of itself: its names for people, its keys and indexes,
// the roles it lacks.
#include "core/layout/catalog.h"
#include "core/layout/layout.h"

#include <QCoreApplication>

namespace statescope::layout {

QString Relation::qualifiedName() const
{
    return schema + QLatin1Char('.') + table;
}

QString Relation::describe() const
{
    // `source` stays the machine's word (JSON output); what a person reads is translated.
    QString how = source;
    if (source == QLatin1String("detected"))
        how = QCoreApplication::translate("Layout", "detected");
    else if (source == QLatin1String("layout file"))
        how = QCoreApplication::translate("Layout", "layout file");
    else if (source == QLatin1String("settings"))
        how = QCoreApplication::translate("Layout", "settings");
    return QStringLiteral("%1, %2").arg(qualifiedName(), how);
}

bool Relation::uniqueOn(const QStringList &roles) const
{
    QStringList names;
    for (const QString &role : roles) {
        const auto it = columns.find(role);
        // NULLs are never equal to each other: a nullable column can repeat.
        if (it == columns.end() || !it->second.notNull)
            return false;
        names << it->second.name;
    }
    names.sort();
    for (QStringList key : uniqueKeys) {
        key.sort();
        if (key == names)
            return true;
    }
    return false;
}

QList<QStringList> uniqueKeysOf(const CatalogTable &table)
{
    QList<QStringList> out;
    for (const IndexDef &x : table.indexDefs)
        if ((x.unique || x.primary) && x.valid && !x.partial && !x.expression && !x.columns.isEmpty())
            out << x.columns;
    return out;
}

bool Relation::indexLeadsWith(const QString &role) const
{
    const auto it = columns.find(role);
    if (it == columns.end())
        return false;
    for (const QStringList &index : indexes)
        if (!index.isEmpty() && index.first() == it->second.name)
            return true;
    return false;
}

QStringList Relation::missing(bool requiredOnly) const
{
    QStringList out;
    for (const RoleSpec &r : spec(kind).roles)
        if ((r.required || !requiredOnly) && !has(QString::fromLatin1(r.role)))
            out << QString::fromLatin1(r.role);
    return out;
}

} // namespace statescope::layout
