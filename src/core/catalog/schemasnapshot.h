#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace statescope {
class TaskContext;
}
namespace statescope::pg {
class Connection;
class ConnectionSettings;
} // namespace statescope::pg

namespace statescope::catalog {

struct Catalog;

// One object of a database's schema, as the catalog says, in the terms schema compare and
// drift need: what it is, where it sits, a normalised definition two databases are compared
// on, and the statement that makes it.
struct SchemaObject
{
    enum class Kind {
        Extension,
        Schema,
        Server,      // a foreign server
        UserMapping, // a role's mapping for a foreign server
        Type,       // enums, domains and composite types
        Collation,
        Sequence,
        Table,      // its kind, partition key, row-level security, options (columns apart)
        Column,
        Constraint, // primary key, unique, foreign key, check, exclusion
        Index,      // those no constraint makes
        Partition,  // a partition and its bounds
        View,
        MaterializedView,
        Function,   // functions and procedures, by their argument types
        Trigger,
        Policy,     // row-level security
        Grant,      // one privilege on one object to one role
        Comment,    // COMMENT ON an object the snapshot has
        Statistics, // extended statistics (CREATE STATISTICS)
        Rule,       // a table's rule (CREATE RULE)
        DefaultPrivilege, // ALTER DEFAULT PRIVILEGES: one privilege granted, or a built-in one revoked
        Owner,      // who owns an object that has an owner (named by that object's key)
    };
    Kind kind = Kind::Table;
    QString schema;
    QString table;      // the table it belongs to (column, constraint, index, trigger, policy,
                        // partition: its parent; grant: the object), empty otherwise
    QString name;       // its own name (a function's with its argument types)
    QString definition; // what is compared: normalised, one line
    QString ddl;        // the statement that makes it, for people and for the script
    QString qualified;  // its name quoted for SQL (schema.name, or schema.table for a column)
    QMap<QString, QString> attributes; // column: type, default, not_null, identity, generated,
                                       // collation; table: rls, force_rls, partition_key, options;
                                       // what has an owner: owner (quoted; not compared: the
                                       // Owner object is)
    // Its place in the server's dependency graph (pg_depend), as keys of other objects of the
    // same snapshot: what must exist while it does (`uses`), what it is dropped with when
    // that goes (`within`: its table, its column, the parent of a partition), and what a
    // column's default expression uses (`defaultUses`). The script is ordered by these.
    QStringList uses = {}, within = {}, defaultUses = {};

    // Identity across two databases: kind and name (a column's with its table).
    QString key() const;
    // "table public.ships", "column public.ships.fuel", for people: the kind translated.
    QString label() const;
    static QString kindName(Kind kind);
    static QString kindLabel(Kind kind);
};

// A database's schema, read from the catalog in a few set-based statements (the cost grows
// with what it returns, not with round trips per table). Objects that belong to an extension
// are the extension's; partitions are there as partitions (their columns, keys and indexes
// are their parent's); system schemas are left out.
struct SchemaSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(statescope::catalog::SchemaSnapshot)
public:
    QString database;
    QString server; // for people
    QList<SchemaObject> objects;
    bool owners = true; // Owner objects read (leaveOwnersOut: not)

    static SchemaSnapshot read(pg::Connection &conn);
    // (Statescope's own weekly schema as its migrations make it: weekly::migrationsSchema.)

    // The same, from a catalog already read with every part (Catalog::Everything).
    static SchemaSnapshot of(const Catalog &catalog);

    // SHA-256 (hex) of every object's key and definition, sorted: equal for two databases
    // with the same schema, whatever order the catalog lists them in.
    QString fingerprint() const;
    // Owners not compared (weeks owned by different roles on purpose; Statescope's own schema,
    // built by whoever runs the sandbox): the Owner objects go.
    void leaveOwnersOut();
    const SchemaObject *find(const QString &key) const;
};

} // namespace statescope::catalog
