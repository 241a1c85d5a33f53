#pragma once
// What Story reads from each kind of data (story.cpp pages them, storysources.cpp makes them).
#include "core/find/story.h"

#include "core/pg/connection.h"

#include <QPair>

#include <memory>
#include <vector>

namespace statescope::layout {
class Layout;
}

namespace statescope::find {

struct Story::Source
{
    QString kind;     // "api_events", "audit_log"...
    QString table;    // schema.table, for people
    QString schemaName, tableName; // as the catalog names them
    QString from;     // the same, quoted
    QString time;     // the quoted time column, and its type (format_type: from the catalog)
    QString timeType;
    QString key;      // the quoted key column (ctid where the table has no key), and its type
    QString keyType;
    QString keyName;
    QString where;    // the condition on the value, its parameters $1..$n
    std::vector<pg::Param> params;
    QString document; // an expression of jsonb: what the entry shows and compares; empty: none
    QString group;    // compared with the previous row of the same group (empty: of the source)
    bool compare = false;     // entries carry the change from the previous one
    bool changesOnly = false; // and only those where something changed are entries
    QList<QPair<QString, QString>> summary; // name, expression
    QList<QPair<QString, QString>> context; // layout role, expression
    QStringList rlsSettings; // the settings its row-level security policies read
};

namespace story {

// The sources the value can be followed in, from the layout (and the audit log when the
// database has one); `skipped` gets the kinds that could hold it but have no time column.
std::vector<std::unique_ptr<Story::Source>> sourcesFor(const layout::Layout &lay, bool auditLog,
                                                       const Needle &needle, QStringList *skipped);

} // namespace story

} // namespace statescope::find
