#pragma once

#include "core/browse/rows.h"
#include "core/browse/schema.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/shard/localrule.h"
#include "core/shard/shardset.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace statescope {
class CancelToken;
class TaskContext;
} // namespace statescope

namespace statescope::shard {

// A member that did not answer: its rows are missing from what was read, and said so.
struct Down
{
    int member = -1;
    QString label;
    QString error;
};

// Where a merged read goes on from: per member, after its last row shown (nullopt: from its
// start), or ended. Written out as JSON for the CLI's --after.
struct Cursor
{
    std::vector<std::optional<browse::Position>> after;
    std::vector<bool> ended;
    nlohmann::json toJson() const;
    // InvalidInput for JSON that is not a cursor of `members` members.
    static Cursor fromJson(const nlohmann::json &doc, int members);
};

// One page of a table read on every shard, merged by its order.
struct Page
{
    QStringList columns;
    QList<browse::Row> rows;
    QList<int> member;     // the member each row came from
    Cursor next;           // where the following page starts
    bool atEnd = false;    // every member that answered has no more rows
    QList<int> asked;      // the members read (one when a filter named the shard)
    QList<Down> down;      // members that did not answer: their rows are not here
};

struct Count
{
    qint64 rows = 0;           // summed over the members that answered
    bool exact = false;
    QList<qint64> perMember;   // -1 for a member that did not answer
    QList<Down> down;
};

// Rows in the wrong shard: the rule places them on a member other than the one holding them.
struct Misplaced
{
    int member = -1;     // where they are
    QString table;       // schema.table
    int value = -1;      // the rule's value for them (-1: NULL, the rule places them nowhere)
    int owner = -1;      // the member that value belongs to (-1: none)
    qint64 rows = 0;
};

// A shard set read as one database. Each member is read on its own connection (kept for the
// reader's life, opened again when lost), every member at once; a member that does not answer
// is named in down() and in each answer, never skipped silently.
//
// Merged pages are a k-way merge of keyset pages: each member gives at most `limit` rows
// after its own last row shown, the smallest `limit` of them by the order are the page, and
// each member goes on from its last row taken. Paging is exact (no row twice, none lost)
// and memory stays at members x limit rows whatever the table's size.
class ShardReader
{
    Q_DECLARE_TR_FUNCTIONS(statescope::shard::ShardReader)
public:
    explicit ShardReader(ShardSet set);
    ~ShardReader();
    ShardReader(const ShardReader &) = delete;
    ShardReader &operator=(const ShardReader &) = delete;
    ShardReader(ShardReader &&) noexcept = default;
    ShardReader &operator=(ShardReader &&) noexcept = default;

    // Connects to every member and fills in what the set leaves to the databases: the rule
    // from its generated column, each member's values from its CHECK constraint; then
    // validate(). A member that does not answer is down; its values must then be given.
    void resolve(CancelToken &cancel);
    const ShardSet &set() const { return m_set; }
    const QList<Down> &down() const { return m_down; }
    QString ruleSource() const { return m_ruleSource; } // where the rule came from, for people

    // The member that holds the row of `schema.table` whose `column` is `value`: the rule
    // evaluated on that value alone, by the program when it knows the rule's form (LocalRule,
    // proven on the server first), else by the server. nullopt when the rule needs more than that
    // column (it cannot name a shard from it). InvalidInput for a value the column cannot take.
    std::optional<int> route(const QString &schema, const QString &table, const QString &column,
                             const QString &value, CancelToken &cancel);
    // For a write: the member that owns the row, or Conflict saying why none can be named
    // (the rule needs other columns; the owner is down).
    int owner(const QString &schema, const QString &table, const QString &column, const QString &value,
              CancelToken &cancel);

    // For a write to one game (a rollback): the member that owns game `gameId`, by the rule
    // evaluated on the plays' game column, else on the games' key, wherever the shards' layout
    // finds them. Conflict (nothing may be written) when the rule names neither alone or the
    // owner is down; NotFound when the shards hold no games.
    int ownerOfGame(const QString &gameId, CancelToken &cancel);
    // The member that owns player `playerId` (Marketland+'s player events and saves, or the
    // table the rule's generated column is in), as ownerOfGame.
    int ownerOfPlayer(const QString &playerId, CancelToken &cancel);

    // A page of schema.table in `order`, every member merged (or only the member an Equals
    // filter on a column the rule goes by names). The table needs a key on each member.
    Page page(const QString &schema, const QString &table, const QList<browse::Filter> &filters,
              const browse::Order &order, const Cursor &from, int limit, CancelToken &cancel);
    Count count(const QString &schema, const QString &table, const QList<browse::Filter> &filters, bool exact,
                CancelToken &cancel);

    // Every table the rule applies to (it names only columns the table has), on every member:
    // the rows whose value belongs to another member, or to none.
    QList<Misplaced> check(TaskContext *ctx = nullptr);

    // The connection to member i, opened when needed and bound to `cancel` (until the next
    // call of this reader); nullptr when it does not answer (it is then in down()). A member
    // that did not answer is tried again only after kRetryDown.
    pg::Connection *connection(int member, CancelToken &cancel);
    // Every connection lets go of the token connection() bound it to: call it before that
    // token ends (the reader's own calls do it themselves).
    void release();

private:
    ShardSet m_set;
    QList<Down> m_down;
    QString m_ruleSource;
    // Per member: its connection and the tables' details read there (each touched only by
    // the thread reading that member).
    std::vector<std::unique_ptr<pg::Connection>> m_conns;
    std::vector<std::map<QString, browse::RelationDetails>> m_details;
    std::vector<QSet<QString>> m_guardChecked; // routing statements the guard passed, this connection
    std::optional<LocalRule> m_local;           // the rule's form, when the program knows it
    std::map<QString, bool> m_localProven;      // per column type: the server agreed on every sample
    // When each member last failed to connect: it is not tried again for kRetryDown (a
    // PgBouncer in front of a dead server takes its server_login_retry to say so).
    static constexpr std::chrono::seconds kRetryDown{10};
    std::map<int, std::chrono::steady_clock::time_point> m_failedAt;
    std::unique_ptr<pg::Connection> &open(int member, CancelToken &cancel); // throws
    const browse::RelationDetails &details(int member, const QString &schema, const QString &table);
    void settle(const QList<int> &asked, const std::vector<std::optional<Error>> &errors);
    void markDown(int member, const QString &error);
    void clearDown(int member);
    QString ruleSelect(const QString &from) const;
    std::optional<int> localSlot(pg::Connection &conn, const QString &column, const QString &type, const QString &value);
    std::optional<int> serverSlot(pg::Connection &conn, int via, const browse::ColumnInfo &c, const QString &column,
                                  const QString &value);
    int answering(int member, CancelToken &cancel); // member, or Conflict: the owner does not answer
    int ownerBy(const QList<std::pair<layout::Kind, QString>> &candidates, const QString &ruleTableColumn,
                const QString &value, const QString &what, CancelToken &cancel);
};

} // namespace statescope::shard
