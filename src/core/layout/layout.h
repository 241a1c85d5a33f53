#pragma once

#include <nlohmann/json.hpp>

#include "core/error.h"

#include <QCoreApplication>
#include <QString>
#include <QList>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace statescope::pg {
class Connection;
}

namespace statescope::catalog {
struct Catalog;
}

namespace statescope::layout {

// The kinds of game data Statescope reads. Each kind has canonical column names (roles);
// a relation says which real table holds the kind and which real column plays each role.
enum class Kind {
    ApiEvents,    // raw API responses (SpaceTraders' raw.api_events)
    Snapshots,    // tick-based world snapshots (Galaxy)
    GameConfig,   // key/value game configuration (Galaxy)
    Games,        // turn-based games (Paper Dynasty)
    Plays,
    Lineups,
    Rolls,
    RosterLinks,
    GameSessions,   // one row per game: who is connected, the last action (Paper Dynasty)
    Saves,        // per-player saves (Marketland+)
    PlayerEvents, // append-only per-player events (Marketland+)
    ManeuverEvents, // per-ship maneuver log, 1,000 rows kept per ship (Galaxy)
};

// The type a role's column must have (by category: varchar is text, int2..int8 are int).
enum class TypeClass {
    Int, Text, Uuid, Time, Json, Bool, Bytes,
    Key,      // uuid, text or int
    Document, // jsonb, json, text or bytea: a document as the game stored it
};

struct RoleSpec
{
    const char *role;
    TypeClass type;
    bool required;
    std::vector<const char *> synonyms;
};

struct KindSpec
{
    Kind kind;
    const char *key;   // "plays": the name in layout files and in SQL templates
    const char *label; // "plays" for messages
    std::vector<const char *> tableNames; // names the games' own backends use
    std::vector<RoleSpec> roles;
};

const std::vector<KindSpec> &kindSpecs();
const KindSpec &spec(Kind kind);
std::optional<Kind> kindFromKey(const QString &key);

// One column of the catalog, as the detection and the SQL need it.
struct Column
{
    QString name;
    QString type;  // format_type(): "timestamp with time zone", "character varying(16)"
    TypeClass typeClass = TypeClass::Text;
    bool isEnum = false;
    bool notNull = false;
};

// One partition of a partitioned table.
struct Partition
{
    QString name;         // schema.table
    QString bounds;       // FOR VALUES FROM (...) TO (...)
    double estimatedRows = -1;
    qint64 sizeBytes = 0;
    bool foreign = false; // a foreign table (postgres_fdw): its rows live on another server
    QString server;       // the foreign server it reads from
};

// Where one kind of data lives.
struct Relation
{
    Kind kind = Kind::ApiEvents;
    QString schema;
    QString table;
    QString source;  // "detected", "layout file", "settings"
    char relkind = 'r'; // r table, p partitioned, v view, m materialized view
    bool rowSecurity = false;
    QStringList rlsSettings; // settings its policies read: current_setting('app.current_player_id')
    int partitions = 0;
    QList<Partition> partitionList; // with their bounds and row estimates
    double estimatedRows = -1;
    std::map<QString, Column> columns; // role -> real column (absent: not there)
    QList<QStringList> indexes;        // key columns of each index (real names, in order)
    QList<QStringList> uniqueKeys;     // key columns of each valid, whole-table unique index
    QStringList alsoFound;             // other tables that looked like this kind

    QString qualifiedName() const;     // public.plays (for people)
    QString describe() const;          // "public.plays, detected"
    bool has(const QString &role) const { return columns.count(role) > 0; }
    QStringList missing(bool requiredOnly = false) const;
    // Whether some index starts with the column playing `role` (so ordering by it is served).
    bool indexLeadsWith(const QString &role) const;
    // Whether the columns playing `roles` are unique together: a valid unique index (not
    // partial, no expression) has exactly those keys (ordering by the others then has no ties).
    bool uniqueOn(const QStringList &roles) const;
};

// Where every kind of data lives in one database.
class Layout
{
    Q_DECLARE_TR_FUNCTIONS(statescope::layout::Layout)
public:
    QString database;
    std::map<Kind, Relation> relations;

    const Relation *find(Kind kind) const;
    bool has(Kind kind) const { return find(kind) != nullptr; }
    // The relation, or Error(NotFound) saying no such data was found (never a raw 42P01).
    const Relation &require(Kind kind) const;
    // The relation with every listed role present, or Error(Conflict) naming the missing
    // columns and what they cost ("... : the consistency check cannot run").
    const Relation &require(Kind kind, const QStringList &roles, const QString &purpose) const;

    // Expands a SQL template: {plays} is the relation read under canonical column names (a
    // subquery the planner flattens: indexes still serve), {plays!} the real table (for
    // writes, to_jsonb and jsonb_populate_record) and {plays.after_play} a real column.
    // Every identifier comes from the catalog and is quoted. Throws as require() does.
    QString sql(const QString &templ) const;

    nlohmann::json toJson() const;
    // A layout file: validated against the format; the catalog check happens in apply().
    static nlohmann::json parseFile(const QString &path);
    // Error(InvalidInput) unless the document has the layout format (origin names it).
    static void validate(const nlohmann::json &document, const QString &origin);
};

QString quoteIdent(const QString &name); // "name", doubled quotes inside

// The layout of the connection's database: detected from the catalog on first use (once per
// connection), with the override given by applyOverride() laid over it.
std::shared_ptr<const Layout> of(pg::Connection &conn);
// The same, detected (when it must be) from `shape`, a catalog of conn's database read with at
// least catalog::Catalog::Shape by the caller: its one read of the catalog serves both.
std::shared_ptr<const Layout> of(pg::Connection &conn, const catalog::Catalog &shape);
Layout detect(pg::Connection &conn);
// Lays a layout document (a file, or a remembered mapping) over the detection: its tables
// and columns must exist (Error(InvalidInput) otherwise); roles it does not name are matched
// by name on its table. Replaces the connection's layout.
void applyOverride(pg::Connection &conn, const nlohmann::json &document, const QString &source);
// The same, for a layout file; Error(InvalidInput) on a malformed file.
void applyFile(pg::Connection &conn, const QString &path);
// Row-level security keyed on a setting: view the data as one player, the setting made in
// every transaction of this connection (set_config(..., true): read-only, and through
// PgBouncer in transaction mode). InvalidInput for a setting no policy reads.
void viewAs(pg::Connection &conn, const QString &setting, const QString &value);
// The error a session gets when a policy reads a setting it has not set (42704), explained;
// any other error as it is.
Error explainRowSecurity(const Relation &rel, const Error &e);

// Mappings remembered by the user (per database family, in the GUI's settings): asked for
// the database's name when a connection reads its layout for the first time; a mapping laid
// over the detection as a layout file would be ("saved mapping"). A mapping that no longer
// fits the database (a table gone) is ignored and detection stands. Thread-safe to call;
// the provider itself must be.
using MappingProvider = std::function<std::optional<nlohmann::json>(const QString &database)>;
void setMappingProvider(MappingProvider provider);

// Drops the connection's layout (kept override included) so that the next of() reads the
// catalog again: after Statescope itself created or removed tables.
void forget(pg::Connection &conn);

} // namespace statescope::layout
