#pragma once

#include "core/layout/layout.h"
#include "core/pg/connectionsettings.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace statescope {
class CancelToken;
}

namespace statescope::browse {

// One row that differs between the two sides.
struct RowDifference
{
    enum class Type { Added, Removed, Changed }; // added: only on the second side
    Type type = Type::Changed;
    std::vector<QByteArray> key;                      // the key's values, as the server prints them
    std::vector<std::optional<QByteArray>> from, to;  // the compared columns' values (empty: not on that side)
    std::vector<int> changed;                         // which compared columns differ (Changed)
    static QString typeName(Type type);               // added, removed, changed
};

// One table (or one kind of game data, through each side's layout) compared between two
// databases, on one server or two, row by row, matched by its key: both sides are read in key
// order through server-side cursors, a page at a time, and merged as they stream, so memory
// stays flat whatever the size. Text keys are ordered COLLATE "C" on both sides and compared
// byte by byte (two servers may sort text differently); numbers as numbers; dates and times
// by their value (years past 9999 and before year 1 too); uuids and booleans in their printed
// form. Each side is read with the settings that shape printed values pinned (TimeZone UTC,
// ISO dates, bytea hex, shortest exact floats), so the servers' own settings change nothing.
// Values are compared as SQL compares them unless asked to compare them as printed. Read-only.
class DataCompare
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::DataCompare)
public:
    struct Options
    {
        QString table;                   // schema.table (public when no schema)
        std::optional<layout::Kind> kind; // or a kind of game data: snapshots by tick, games
                                         // by id, plays by game and number, the newest save
                                         // per player, the newest event per request key
        QStringList key;                 // columns; empty: the primary key (or a unique index)
        int pageRows = 10000;
        // How two values of a column are told apart: as SQL's = does (numeric 1.0 = 1.00,
        // float -0 = 0, jsonb {"a":1.0} = {"a":1.00}), or as printed, byte for byte.
        enum class Values { Sql, Text };
        Values values = Values::Sql;
    };

    // What will be compared, decided from both catalogs before any row is read.
    struct Plan
    {
        QString name;                // what is compared, for people
        QStringList key;
        QStringList keyTypes;
        QStringList columns;         // compared: on both sides
        QStringList onlyFrom, onlyTo; // columns one side has (not compared)
        QStringList typeDiffers;     // compared columns whose type differs (compared as text)
        QStringList columnTypes;     // the compared columns' types (the first side's)
        QList<unsigned> columnTypeOids; // their OIDs as PQftype says (a domain's base type); 0: not known
        Options::Values values = Options::Values::Sql;
        QString valuesRule() const;  // the rule, for people
        QString missingOn;           // "from" or "to": the relation is not there (every row
                                     // of the other side is added or removed)
        QString fromSelect, toSelect; // the ordered reads (SQL of ours)
    };

    struct Counts
    {
        qint64 added = 0, removed = 0, changed = 0, same = 0;
        qint64 differences() const { return added + removed + changed; }
    };

    // Reads both catalogs and decides. InvalidInput: key columns that differ in number or
    // type between the sides (named), a chosen key that is not unique, a key type that cannot
    // be ordered the same way on both sides, no key at all; NotFound: the relation is on
    // neither side.
    static Plan plan(const pg::ConnectionSettings &from, const pg::ConnectionSettings &to, const Options &options,
                     CancelToken *cancel = nullptr);
    // Streams both sides and merges them; `sink` gets each difference on the calling thread
    // (returning false stops). Cancelled through `cancel`.
    static Counts run(const Plan &plan, const pg::ConnectionSettings &from, const pg::ConnectionSettings &to,
                      const std::function<bool(const RowDifference &)> &sink, CancelToken &cancel,
                      int pageRows = 10000);
};

} // namespace statescope::browse
