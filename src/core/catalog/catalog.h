#pragma once

// The one catalog reader: what a database's catalog says about its user objects, read in
// one read-only transaction with the session settings that shape the server's text pinned
// (search_path empty, so every name it prints in a definition is schema-qualified; TimeZone
// UTC, DateStyle ISO, IntervalStyle postgres, bytea_output hex, extra_float_digits 1), so two
// readers, two weeks or two servers are read alike.
//
// Facts only, as the catalog keeps them, joined by OID: layout detection and the schema tree
// (layout::readCatalog), schema compare and drift (SchemaSnapshot) each build their view
// from this one value. A part not asked for is not read (detection reads no definitions).
// What must stay live (sessions, counts) is read where it is shown, not here.
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace statescope::pg {
class Connection;
}

namespace statescope::catalog {

// One relation in a user schema: table, partitioned table, partition, view, materialized
// view or foreign table (every schema but pg_catalog, information_schema, TOAST and
// temporary ones; Statescope's own included).
struct Relation
{
    qint64 oid = 0;
    QString schema;
    QString name;
    QString qualified;      // quote_ident(schema) . quote_ident(name) (Definitions)
    char kind = 'r';        // relkind: r, p, v, m, f
    char persistence = 'p'; // p, u (unlogged)
    bool isPartition = false;
    bool rowSecurity = false;
    bool forceRowSecurity = false;
    bool extension = false;    // a member of an extension (its objects are the extension's)
    double reltuples = -1;     // the catalog's row estimate (-1: never analysed)
    qint64 ownBytes = 0;       // its pages with TOAST and indexes, as of the last VACUUM/ANALYZE
    QString partitionBound;    // a partition: FOR VALUES ...
    QString partitionKey;      // a partitioned table: RANGE (at) (Definitions)
    QString options;           // reloptions, "fillfactor=70, ..." (Definitions)
    QString server;            // a foreign table's server (its name as the catalog has it)
    QString quotedServer;      // the same, quote_ident() (Definitions)
    QString foreignOptions;    // a foreign table's OPTIONS, "name 'value', ..." (Definitions)
    QString viewDefinition;    // views and materialized views (Definitions)
    char replicaIdentity = 'd'; // relreplident: d default, n nothing, f full, i an index (Definitions)
    std::vector<qint64> parents;  // inheritance parents, in order (a partition: its table)
    std::vector<qint64> children; // direct inheritance children, by OID
};

struct Attribute
{
    qint64 relation = 0;
    int number = 0;
    QString name;
    QString type;     // format_type(): schema-qualified unless in pg_catalog
    QString typeName; // pg_type.typname
    char typeCategory = 'X';
    bool isEnum = false;
    bool notNull = false;
};

// What only a definition needs of a column (Definitions), kept apart from Attribute: the
// shape of tens of thousands of columns is read for every detection, and carrying these too
// made it slower than the reader it replaced.
struct AttributeDefinition
{
    QString quoted;      // quote_ident(name)
    QString defaultExpr; // or a generated column's expression
    char identity = 0;   // 'a' always, 'd' by default
    char generated = 0;  // 's' stored
    QString collation;   // schema-qualified, only when not the type's own
    bool local = true;   // declared by the table itself (not only inherited)
    int inherited = 0;   // how many parents it comes from
    int statistics = -1; // attstattarget (-1: the server's default)
    char storage = 0;    // attstorage: p, e, x, m
    char typeStorage = 0; // its type's (what RESET would give)
};

struct Index
{
    qint64 relation = 0;
    qint64 oid = 0; // the index's own relation
    QString name;
    bool primary = false;
    bool unique = false;
    bool partial = false;
    bool expression = false;
    bool valid = true;
    std::vector<int> keys; // attribute numbers of the key columns (0: an expression)
    // Definitions:
    QString qualified;         // in the table's schema
    QString definition;        // pg_get_indexdef
    bool ofConstraint = false; // made by a primary key, unique or exclusion constraint
    bool ofPartition = false;  // a partition's own (Definitions; detection reads none)
    bool replicaIdentity = false; // the table's REPLICA IDENTITY USING INDEX (Definitions)
    bool clustered = false;       // the table's CLUSTER ON index
};

struct Constraint
{
    qint64 relation = 0;
    qint64 oid = 0;
    qint64 index = 0; // the index it makes or (a foreign key) the one it references
    QString name;
    QString quoted;
    char type = 'c'; // p, u, f, c, x
    QString definition;
    bool inherited = false; // a partition's copy of its parent's, or an inherited CHECK
};

struct Trigger
{
    qint64 relation = 0;
    qint64 oid = 0;
    QString name;
    QString quoted;
    QString definition;
    bool disabled = false;
    bool inherited = false; // a partition's clone of its parent's
};

struct Policy
{
    qint64 relation = 0;
    qint64 oid = 0;
    QString name;
    QString quoted;
    bool permissive = true;
    char command = '*';
    QString roles; // "PUBLIC" or the quoted role names, sorted
    QString usingExpr;
    QString checkExpr;
    bool hasUsing = false;
    bool hasCheck = false;
    QStringList settings; // what it reads with current_setting('...')
};

// Enums (labels in order), domains and composite types.
struct TypeDef
{
    QString schema, name, qualified;
    bool isEnum = false;
    QString body; // enum: 'a', 'b'; domain: base type, default, NOT NULL, constraints
    bool extension = false;
    qint64 oid = 0;
    // A domain's parts (its body says them all):
    QString base, defaultExpr;
    bool notNull = false;
    QStringList constraints; // "name<TAB>definition", by name
    bool composite = false;  // CREATE TYPE ... AS (body: its attributes)
    qint64 relation = 0;     // a composite's pg_class row
};

struct Sequence
{
    QString schema, name, qualified;
    QString type, start, increment, min, max, cache;
    bool cycle = false;
    QString ownedBy;         // schema.table.column it is OWNED BY, quoted
    bool identity = false;   // an identity column's own
    bool extension = false;
    qint64 oid = 0;
};

struct Function
{
    QString schema, name, arguments, qualified; // arguments: identity argument types
    bool procedure = false;
    QString definition; // pg_get_functiondef
    bool extension = false;
    qint64 oid = 0;
    QString result;    // pg_get_function_result
    QString signature; // pg_get_function_arguments: names, modes and defaults
    bool aggregate = false; // definition: its CREATE AGGREGATE
};

// One way a role's default privileges (ALTER DEFAULT PRIVILEGES) differ from PostgreSQL's
// own: a privilege granted, or (for every schema) one of the built-in defaults revoked.
struct DefaultPrivilege
{
    QString role;       // quoted
    QString schema;     // quoted; empty: every schema
    QString schemaName; // as the catalog has it
    QString objects;    // TABLES, SEQUENCES, FUNCTIONS, TYPES, SCHEMAS
    QString privilege;  // SELECT, EXECUTE, ...
    QString grantee;    // quoted role, or PUBLIC
    bool grantable = false;
    bool revoked = false; // a built-in default taken away
};

// A rule of a table (CREATE RULE; a view's own _RETURN rule is the view).
struct Rule
{
    qint64 relation = 0;
    QString name, quoted;
    QString definition; // pg_get_ruledef, with its semicolon
};

// One privilege on one object to one role, with an object's default privileges expanded
// (acldefault) when it has none of its own: a function nobody revoked from is executable by
// PUBLIC, and says so.
struct Grant
{
    QString schema;
    QString object;     // relation name; function name(arguments); empty for a schema
    QString objectKind; // TABLE, SEQUENCE, SCHEMA, FUNCTION, PROCEDURE
    QString qualified;
    QString grantee; // quoted role, or PUBLIC
    QString privilege;
    bool grantable = false;
    bool toOwner = false;
    bool byDefault = false; // the object has no ACL of its own: these are the defaults
    bool extension = false; // on an extension's object
    QString column;         // a column's privilege: its name (quoted); empty for the object's
};

struct Extension
{
    QString name, version, schema, quotedName, quotedSchema, quotedVersion;
    qint64 oid = 0;
};

struct Schema
{
    QString name, quoted;
    bool extension = false;
    qint64 oid = 0;
};

struct Collation
{
    QString schema, name, qualified, provider, locale;
    bool deterministic = true;
    qint64 oid = 0;
    bool extension = false;
};

// A foreign server (postgres_fdw and the like) and the user mappings for it. Options are
// "name 'value', ..." quoted; a mapping's password is never read.
struct ForeignServer
{
    QString name, quoted, wrapper, type, version, options;
    qint64 oid = 0;
    bool extension = false;
};

struct UserMapping
{
    QString server;  // quoted
    QString user;    // quoted role, or PUBLIC
    QString options; // without the password's value
    bool password = false;
    qint64 oid = 0;
    bool hidden = false; // its options are not shown to this role (pg_user_mappings)
};

// One edge of the server's dependency graph (pg_depend) between two user objects, each end
// said as the catalog that holds it, its OID and a column number (0: the whole object). A
// view's rule is said as its view, a column default as its column (with `ofDefault`), a
// domain's constraint as its domain, a table's row type as its table and an array type as
// its element type, so every end names an object the snapshot knows.
struct Dependency
{
    enum class Holder : quint8 {
        Other, Class, Type, Proc, Constraint, Trigger, Policy, Namespace, Extension, Collation, Server, UserMapping,
        Statistics
    };
    struct End
    {
        Holder holder = Holder::Other;
        qint64 oid = 0;
        int column = 0;
    };
    End object, reference;
    char type = 'n';        // n: normal (the reference must stay), a: automatic, i: internal
    bool ofDefault = false; // the object end is a column's default expression
};

// A comment (pg_description) on an object the snapshot knows, its end said as a dependency's
// is (a column's with its number).
struct Comment
{
    Dependency::End on;
    QString text;
};

// An extended statistics object (CREATE STATISTICS) on a table.
struct StatisticsObject
{
    qint64 relation = 0;
    QString schema, name, qualified;
    QString definition; // pg_get_statisticsobjdef
    int target = -1;    // stxstattarget (-1: the server's default)
    qint64 oid = 0;
};

// Who owns an object that can be given to another role (ALTER ... OWNER TO): a relation, a
// type, a function, a schema, a collation, a foreign server or a statistics object, said as
// a dependency's end is; the role quote_ident()ed.
struct Owner
{
    Dependency::End of;
    QString role;
};

struct Catalog
{
    enum Part : unsigned {
        Relations = 0,        // always: relations, their sizes, inheritance
        Columns = 1u << 0,
        Indexes = 1u << 1,
        Policies = 1u << 2,
        Definitions = 1u << 3, // defaults, index and view definitions, constraints, triggers,
                               // types, sequences, functions, grants, extensions, schemas,
                               // collations, extension membership, dependencies
    };
    static constexpr unsigned Shape = Columns | Indexes | Policies; // what detection reads
    static constexpr unsigned Everything = Shape | Definitions;

    QString database;
    unsigned parts = 0;
    QList<Relation> relations; // by schema, name
    QList<Attribute> attributes; // by relation, number (not of partitions)
    std::vector<AttributeDefinition> attributeDefinitions; // Definitions: attributes[i]'s
    QList<Index> indexes;        // by relation, creation (not of partitions)
    QList<Policy> policies;      // by relation, name
    QList<Constraint> constraints;
    QList<Trigger> triggers;
    QList<TypeDef> types;
    QList<Sequence> sequences;
    QList<Function> functions;
    QList<Grant> grants;
    QList<Extension> extensions;
    QList<Schema> schemas;
    QList<Collation> collations;
    QList<ForeignServer> servers;
    QList<UserMapping> userMappings;
    QList<Dependency> dependencies; // Definitions: between user objects
    QList<Comment> comments;        // Definitions
    QList<StatisticsObject> statistics; // Definitions
    QList<Rule> rules;              // Definitions
    QList<DefaultPrivilege> defaultPrivileges; // Definitions
    QList<Owner> owners;                       // Definitions

    // The catalog of conn's database. Outside a transaction it opens its own (REPEATABLE READ,
    // READ ONLY); inside the caller's, a savepoint holds the pinned settings and is rolled back
    // after, so the caller's transaction goes on as it was.
    static Catalog read(pg::Connection &conn, unsigned parts = Everything);

    const Relation *relation(qint64 oid) const;

private:
    QHash<qint64, qsizetype> m_byOid;
    friend struct CatalogBuilder;
};

} // namespace statescope::catalog
