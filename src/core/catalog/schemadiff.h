#pragma once

#include "core/catalog/schemasnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::catalog {

// One object that differs between two schemas.
struct SchemaChange
{
    enum class Type { Added, Removed, Changed };
    Type type = Type::Changed;
    std::optional<SchemaObject> from; // as it is on the first side (Removed, Changed)
    std::optional<SchemaObject> to;   // as it is on the second side (Added, Changed)

    const SchemaObject &object() const { return to ? *to : *from; }
    // What changed of a column or table, for people ("type integer -> bigint; NOT NULL added").
    QString summary() const;
    static QString typeName(Type type); // added, removed, changed
};

// Two schemas compared object by object (by kind and name, from the catalog, never by
// diffing dump text).
struct SchemaDiff
{
    Q_DECLARE_TR_FUNCTIONS(statescope::catalog::SchemaDiff)
public:
    QString from; // the first side's name, for people
    QString to;
    QList<SchemaChange> changes; // by kind (the order of SchemaObject::Kind), then name
    int same = 0;                // objects equal on both sides
    SchemaSnapshot fromSnapshot, toSnapshot; // what was compared (the script needs both graphs)

    static SchemaDiff compare(const SchemaSnapshot &from, const SchemaSnapshot &to);

    int count(SchemaChange::Type type) const;
    // The statements that would bring the first side to the second, in one transaction,
    // ordered by each side's dependency graph: what goes (and what uses it, dropped first and
    // made again after), then what comes or changes, in place wherever PostgreSQL can. What
    // cannot be done is listed at the end as NOT DONE. For people to read and run themselves
    // (schemascript.cpp); Statescope never applies it. Objects it makes or makes again are
    // given their owners (unless owners are left out); `roles` gets the roles it gives objects
    // to or takes them from (quoted), which its header names: its runner must be a superuser
    // or a member of each.
    QString script(QStringList *roles = nullptr) const;
};

// A line-by-line comparison of two texts (two sides' DDL): each line of the result marked
// as in both, only on the left, or only on the right (longest common subsequence).
struct DiffLine
{
    enum class Side { Both, Left, Right };
    Side side = Side::Both;
    QString text;
};
QList<DiffLine> diffLines(const QString &left, const QString &right);

} // namespace statescope::catalog
