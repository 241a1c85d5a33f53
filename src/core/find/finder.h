#pragma once

#include "core/find/needle.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace statescope {
class TaskContext;
}
namespace statescope::pg {
class Connection;
}

namespace statescope::find {

// One lookup of the value in one column of one table: what an index answers (the planner
// says so, EXPLAIN read before anything runs), or what only a scan of the table could find.
struct Lookup
{
    QString schema, table, column; // as the catalog names them
    QString kind;                  // the layout's kind of game data there ("api_events"), or ""
    QString how;                   // "=", "uuid range", "anywhere in the document"
    QString where;                 // the condition, its value(s) bound as $1, $2
    QStringList params;
    bool indexed = false;          // an index answers it (the plan has no sequential scan)
    double rows = -1;              // the table's rows, as the planner estimates them
    QString select;                // the whole statement (key, time, summary; LIMIT $n)
    QStringList keyColumns;        // what the statement reads: the row's key,
    QString timeColumn;            // its time (empty: none),
    QStringList summaryColumns;    // and a few short columns,
    QStringList contextRoles;      // then the layout's roles that place the row in its game
                                   // ("id", "game_id", "play_number", "player_id")

    QString relation() const;      // schema.table for people
};

// A row that holds the value.
struct Hit
{
    QString database;
    QString kind;          // the kind of game data ("api_events", "plays", ...) or "" (a table)
    QString schema, table;
    QString column;        // where the value stands
    QStringList keyColumns; // the row's key (primary or unique), or the column itself
    QStringList keyValues;
    QString at;            // the row's time (its first timestamp column), as the server prints it
    QString summary;       // a few of its short columns, "name=value"
    // Where the row stands in the game data, by the layout's roles (a kind's rows only): its
    // "id", the "game_id" and "play_number" of a play, the "player_id" of a player's event.
    // What a pane needs to open at the row; a role the table lacks, or NULL, is absent.
    QMap<QString, QString> context;
};

// Finding one value in one database by its indexes: every column of a table (or materialized
// view) whose type can hold the value and that leads an index (a uuid in uuid columns, a
// number in integer ones, text in text ones; a document column with a GIN index, for the value
// anywhere inside), each lookup proven by the planner to be answered by an index before it
// runs. What only a scan could answer is planned too, marked not indexed, and run only when
// asked (Options::scan). Only tables of built-in column types are read (their output is the
// server's own); Statescope's bookkeeping schema is left out. Read-only, as every read.
class Finder
{
    Q_DECLARE_TR_FUNCTIONS(statescope::find::Finder)
public:
    struct Options
    {
        bool scan = false;  // run the lookups no index answers too
        int limit = 50;     // rows per lookup at most (1..10000)
        QString layoutFile; // laid over each database's detected layout (the kinds named)
    };

    static QList<Lookup> plan(pg::Connection &conn, const Needle &needle);
    // Runs the lookups (the indexed ones; with scan, all), one statement each; `hit` for every
    // row found, in order. Cancellable between and during lookups (ctx).
    static void run(pg::Connection &conn, const QList<Lookup> &lookups, const Options &options,
                    const std::function<void(const Hit &)> &hit, TaskContext *ctx = nullptr);
};

} // namespace statescope::find
