#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::pg {
class Connection;
}

namespace statescope::shard {

// The rule that places a row on a shard: a SQL expression over the row's columns that
// yields an integer in [0, slots). Seed 003's players table carries it as a generated column:
//   shard_key smallint GENERATED ALWAYS AS (('x' || substr(player_id::text, 1, 2))::bit(8)::int % 8)
// so the rule is that expression, its column shard_key and 8 slots. Every table whose columns
// the expression names (player_events, save_snapshots: player_id) is placed by it too.
struct Rule
{
    QString expression; // empty: read from the generated column `column` in the shards
    QString column = QStringLiteral("shard_key"); // the generated column that holds it, if any
    int values = 0;      // how many values it yields; 0: read from its final "% N"
    bool operator==(const Rule &) const = default;
};

// One database of a set: where it is and which of the rule's values it holds.
struct Member
{
    QString label;                   // for people; empty: "<host>/<dbname>"
    pg::ConnectionSettings settings; // the database itself (its dbname set)
    QList<int> values;              // empty: read from its CHECK constraint on the rule's column
    QString displayLabel() const;
};

// N databases (on one server or several) that are the shards of one game. A plain value: the
// settings store keeps it (shard::savedSets), the CLI builds it from options, and
// ShardReader reads it as one database.
struct ShardSet
{
    Q_DECLARE_TR_FUNCTIONS(statescope::shard::ShardSet)
public:
    QString name;
    Rule rule;
    QList<Member> members;

    // Refuses (InvalidInput, nothing saved or read) a set that is not one game split cleanly:
    // a bad name, fewer than two members, the same database twice, a rule value held by two
    // members (overlap) or by none (missing), a value outside [0, slots), an expression that
    // is more than one expression. Members still to read their values from the database
    // (empty slots) are checked once resolve() has them.
    void validate() const;
    // The member holding `slot`; -1 when none does.
    int memberOf(int slot) const;
    bool isResolved() const;

    // "0,1", "4-7", "0-3,6": the values; InvalidInput for anything else (out of 0..1023).
    static QList<int> parseValues(const QString &text);
    static QString valuesText(const QList<int> &list);
};

// What the databases say about the rule (the generated column's expression and its "% N")
// and each member's values (a CHECK constraint on the rule's column, such as
// CHECK (shard_key = ANY (ARRAY[0, 1])) or CHECK (shard_key BETWEEN 0 AND 3)).
// Shard sets kept in the settings file, by name (shardstore.cpp). Saving refuses
// (InvalidInput, nothing written) a set that does not validate: overlapping or missing
// shards, a database named twice, two sets of one name. Members' connection strings are
// written without a password.
QList<ShardSet> savedSets();
void saveSets(const QList<ShardSet> &sets);

namespace detail {
// The generated column `column` in this database: its table and expression; nullopt when
// there is none. Conflict when two tables generate it differently.
struct GeneratedRule
{
    QString table;
    QString expression;
};
std::optional<GeneratedRule> readGeneratedRule(pg::Connection &conn, const QString &column);
// The values a CHECK constraint on `column` allows, if one of the forms above says them.
std::optional<QList<int>> readCheckedValues(pg::Connection &conn, const QString &column);
// The N of an expression ending in "% N" (as pg_get_expr prints it: "... % 8)"); 0 when none.
int modulusOf(const QString &expression);
// The values a CHECK definition (pg_get_constraintdef) on `column` allows; nullopt when it
// is not one of the simple forms.
std::optional<QList<int>> valuesFromCheck(const QString &definition, const QString &column);
} // namespace detail

} // namespace statescope::shard
