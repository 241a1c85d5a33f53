#pragma once

#include "core/pg/connection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <vector>

namespace statescope::browse {

// One statement of a script, as typed (without the ';' that ends it).
struct ScriptStatement
{
    QString text;
    int line = 1;   // where it starts (1-based), for people
    int offset = 0; // where it starts in the script (characters)
};

// Splits a script at the ';' that end statements, minding '...' and "..." (with doubled
// quotes), E'...' escapes, $tag$...$tag$ bodies, -- and nested /* */ comments. Statements
// that hold only white space and comments are left out.
QList<ScriptStatement> splitScript(const QString &script);

// How a statement is run: through a cursor (a query that returns rows: SELECT, WITH,
// VALUES, TABLE), or as it is (SHOW, EXPLAIN, SET, any command).
enum class StatementKind { Query, Command };
StatementKind classify(const QString &statement);

// One node of an EXPLAIN (FORMAT JSON) plan.
struct PlanNode
{
    QString type;     // "Index Scan", "Hash Join"...
    QString detail;   // "on public.ships using ships_pkey", the join condition...
    double startupCost = 0;
    double totalCost = 0;
    double planRows = 0;
    bool analyzed = false;
    double actualTotalMs = 0; // per loop, as EXPLAIN ANALYZE says
    double actualRows = 0;    // per loop
    double loops = 0;
    // What this node costs itself, children taken out: milliseconds (analyzed) or cost units.
    double self = 0;
    bool costliest = false;   // the one node with the highest self
    std::vector<PlanNode> children;
};

// Reads EXPLAIN (FORMAT JSON) output; marks the costliest node. Throws InvalidInput when the
// text is not a plan.
PlanNode parsePlan(const QByteArray &json);

// The result of a command (not a query): its rows if it returned any (SHOW, EXPLAIN,
// ... RETURNING), and the server's command tag ("INSERT 0 3", "SET").
struct CommandResult
{
    pg::Result result;
    QString tag;
};

// The console's statements. Every statement runs in a READ ONLY transaction of its own,
// with the statement timeout set inside it (SET LOCAL, so it holds through a pooler);
// a write is refused by the server (25006) there. Cancelling the connection's token sends
// PQcancel.
class Console
{
    Q_DECLARE_TR_FUNCTIONS(statescope::browse::Console)
public:
    // A command, in a read-only transaction rolled back afterwards.
    static CommandResult runCommand(pg::Connection &conn, const QString &statement, int timeoutMs);
    // EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS]) of the statement, in a transaction that is
    // always rolled back (read-only unless `write`: EXPLAIN ANALYZE of a writing statement
    // runs it, so it needs a read-write connection, and nothing of it stays).
    static PlanNode explain(pg::Connection &conn, const QString &statement, bool analyze,
                            int timeoutMs, bool write = false);
    // A statement the server refused as a write, run after a typed confirmation in admin
    // mode: on a read-write connection in one transaction, journalled locally before and
    // after, and in the database's statescope.audit_log (same transaction) when it has one.
    static CommandResult runWrite(pg::Connection &conn, const QString &statement,
                                  const QString &reason, int timeoutMs);

    // The console's history of one database (newest first, at most kHistory), kept in the
    // settings store.
    static constexpr int kHistory = 200;
};

} // namespace statescope::browse
