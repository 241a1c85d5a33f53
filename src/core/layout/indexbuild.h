#pragma once

#include "core/layout/layout.h"
#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QStringList>

namespace statescope {
class TaskContext;
}

namespace statescope::layout {

// The index that would serve a kind's browsing order on the game's own table (seed 000's
// raw.api_events has only its primary key): what it is, and the statements that make it.
// For plays (Kind::Plays): the indexes the references to lineup rows lack (the plays' batter,
// pitcher, catcher and runners, a lineup row's replaced man), without which deleting lineup
// rows (a rollback's substitutions) scans every play once per row.
struct IndexPlan
{
    QString table;        // schema.table (people)
    QString indexName;    // unqualified; made in the table's schema (the first, for plays)
    QStringList indexNames; // every index the plan makes
    QStringList columns;  // real names, in order, each DESC
    QStringList partitions; // schema.table of each partition (partitioned parent)
    bool exists = false;  // an index already starts with the time column
    QStringList statements; // what will run, in order (for the preview)
};

class IndexBuilder
{
    Q_DECLARE_TR_FUNCTIONS(statescope::layout::IndexBuilder)
public:
    // The index on (time column DESC, id DESC) for API events or player events; the lineup
    // references' indexes for plays.
    static IndexPlan plan(pg::Connection &conn, Kind kind);
    // Builds it without blocking the game's writes: CREATE INDEX CONCURRENTLY (on a
    // partitioned parent: an invalid index ON ONLY the parent, one concurrently built index
    // per partition, each attached). Needs `confirm` == the database name; journalled
    // locally before and after, and in the database's audit log when it has one. Progress
    // from pg_stat_progress_create_index; cancelling (ctx) cancels the statement and drops
    // what an interrupted CONCURRENTLY build leaves behind (an invalid index).
    static IndexPlan build(pg::Connection &conn, const pg::ConnectionSettings &settings, Kind kind,
                           const QString &confirm, const QString &reason, TaskContext *ctx = nullptr);
};

} // namespace statescope::layout
