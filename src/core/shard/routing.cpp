// ShardReader's routing: the rule and each member's values read from the shards, and the shard
// a row, a game or a player belongs to, as the server evaluates the rule (shardreader.h).
#include "core/shard/shardreader.h"

#include "core/layout/layout.h"

#include "core/browse/schema.h"
#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "core/timestamp.h"
#include "core/validate.h"

#include <QScopeGuard>

#include <algorithm>
#include <mutex>
#include <thread>
#include <tuple>

namespace statescope::shard {

void ShardReader::resolve(CancelToken &cancel)
{
    const auto unbind = qScopeGuard([this] { release(); }); // no connection keeps the caller's token
    // Opened one after the other on this thread: a reader login's password may come from the
    // keychain, which wants the thread the application runs on.
    for (int i = 0; i < m_set.members.size(); ++i)
        connection(i, cancel);
    if (m_set.rule.expression.isEmpty()) {
        for (int i = 0; i < m_set.members.size() && m_set.rule.expression.isEmpty(); ++i)
            if (m_conns[size_t(i)])
                if (const auto g = detail::readGeneratedRule(*m_conns[size_t(i)], m_set.rule.column)) {
                    m_set.rule.expression = g->expression;
                    m_ruleSource = tr("the generated column %1 of %2 in %3")
                                       .arg(m_set.rule.column, g->table, m_set.members[i].displayLabel());
                }
        if (m_set.rule.expression.isEmpty())
            throw Error::invalidInput(tr("No shard of %1 that answered generates a column %2, so the rule that "
                                         "places a row is not known.")
                                          .arg(m_set.name, m_set.rule.column),
                                      tr("Give the rule as an SQL expression over the row (--rule)."));
    } else if (m_ruleSource.isEmpty()) {
        m_ruleSource = tr("the shard set");
    }
    if (m_set.rule.values == 0)
        m_set.rule.values = detail::modulusOf(m_set.rule.expression);
    if (m_set.rule.values == 0)
        throw Error::invalidInput(tr("How many values the rule %1 yields is not clear from it.").arg(m_set.rule.expression),
                                  tr("Give the number of values (--slots)."));
    for (int i = 0; i < m_set.members.size(); ++i) {
        Member &m = m_set.members[i];
        if (!m.values.isEmpty() || !m_conns[size_t(i)])
            continue;
        const auto checked = detail::readCheckedValues(*m_conns[size_t(i)], m_set.rule.column);
        if (!checked)
            throw Error::invalidInput(tr("The shard %1 does not say which values of %2 it holds (no CHECK "
                                         "constraint on it), and the set does not either.")
                                          .arg(m.displayLabel(), m_set.rule.column),
                                      tr("Give its values (0,1 or 4-7) in the shard set."));
        m.values = *checked;
    }
    m_set.validate();
    m_local = LocalRule::recognise(m_set.rule.expression);
    m_localProven.clear();
}

std::optional<int> ShardReader::localSlot(pg::Connection &conn, const QString &column, const QString &type,
                                          const QString &value)
{
    if (!m_local || m_local->column() != column || !m_local->handles(type))
        return std::nullopt;
    auto proven = m_localProven.find(type);
    if (proven == m_localProven.end()) {
        // The server evaluates the rule on values that cover the form (every prefix, the
        // remainders' signs and ends): the program's answer must be the same for each, or it
        // is never used for this type. One round trip, once per reader and type.
        const QStringList samples = m_local->samples(type);
        const QString sql = QStringLiteral("SELECT (%1)::integer FROM (SELECT u.statescope_n, CAST(u.v AS %2) AS %3 "
                                           "FROM unnest(string_to_array($1, ',')) WITH ORDINALITY AS u(v, statescope_n)) "
                                           "AS r ORDER BY r.statescope_n")
                                .arg(m_set.rule.expression, type, conn.quoteIdentifier(column));
        bool same = false;
        try {
            browse::SqlGuard::check(conn, sql);
            const pg::Result r = conn.exec(sql, {samples.join(QLatin1Char(','))});
            same = r.rowCount() == samples.size();
            for (int i = 0; same && i < r.rowCount(); ++i)
                same = !r.isNull(i, 0) && m_local->evaluate(type, samples[i]) == r.toInt(i, 0);
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::Query && e.kind() != Error::Kind::InvalidInput)
                throw; // the connection, a cancel: nothing is known yet
        }
        proven = m_localProven.emplace(type, same).first;
    }
    return proven->second ? m_local->evaluate(type, value) : std::nullopt;
}

QString ShardReader::ruleSelect(const QString &from) const
{
    return QStringLiteral("SELECT (%1)::integer AS v FROM %2").arg(m_set.rule.expression, from);
}

std::optional<int> ShardReader::route(const QString &schema, const QString &table, const QString &column,
                                      const QString &value, CancelToken &cancel)
{
    const auto unbind = qScopeGuard([this] { release(); }); // no connection keeps the caller's token
    pg::Connection *conn = nullptr;
    int via = -1;
    for (int i = 0; i < m_set.members.size() && !conn; ++i)
        if ((conn = connection(i, cancel)))
            via = i;
    if (!conn)
        throw Error(Error::Kind::Connection, tr("No shard of %1 answers.").arg(m_set.name));
    const browse::RelationDetails &d = details(via, schema, table);
    const browse::ColumnInfo *c = d.column(column);
    if (!c)
        throw Error::invalidInput(tr("%1.%2 has no column %3.").arg(schema, table, column));
    std::optional<int> slot = localSlot(*conn, column, c->type, value);
    if (!slot)
        slot = serverSlot(*conn, via, *c, column, value);
    if (!slot)
        return std::nullopt;
    const int member = m_set.memberOf(*slot);
    if (member < 0)
        throw Error(Error::Kind::Conflict, tr("The rule places a row whose %1 is %2 on value %3, which no shard of %4 "
                                              "holds.")
                                               .arg(column, value)
                                               .arg(*slot)
                                               .arg(m_set.name));
    return member;
}

std::optional<int> ShardReader::serverSlot(pg::Connection &conn, int via, const browse::ColumnInfo &c,
                                           const QString &column, const QString &value)
{
    // The type comes from the catalog, the column name is quoted; the value is a parameter.
    const QString sql = QStringLiteral("SELECT (%1)::integer FROM (SELECT CAST($1 AS %2) AS %3) AS r")
                            .arg(m_set.rule.expression, c.type, conn.quoteIdentifier(column));
    // The text is the same for every value of this column, so a reader login's session (the
    // server's privileges, read-only, are its guard; the walk looks for a superuser's SECURITY
    // DEFINER code, which only a superuser can add) checks it once per connection: the walk
    // costs about 4 ms, ten times the read it routes. A guarded superuser's session, whose
    // code runs as the superuser, checks it every time.
    auto &checked = m_guardChecked[size_t(via)];
    const bool once = conn.readProtection().kind == pg::ReadProtection::Kind::ReaderLogin;
    if (!once || !checked.contains(sql)) {
        browse::SqlGuard::check(conn, sql);
        if (once)
            checked.insert(sql);
    }
    pg::Result r;
    try {
        r = conn.exec(sql, {value});
    } catch (const Error &e) {
        if (e.sqlstate() == QLatin1String("42703")) // the rule names another column too
            return std::nullopt;
        if (e.sqlstate().startsWith(QLatin1String("22")))
            throw Error::invalidInput(tr("\"%1\" is not a value of %2 (%3): %4").arg(value, column, c.type, e.message()));
        throw;
    }
    if (r.rowCount() != 1 || r.isNull(0, 0))
        throw Error(Error::Kind::Conflict, tr("The rule places a row whose %1 is %2 on no shard (it yields NULL).")
                                               .arg(column, value));
    return r.toInt(0, 0);
}

int ShardReader::owner(const QString &schema, const QString &table, const QString &column, const QString &value,
                       CancelToken &cancel)
{
    const auto unbind = qScopeGuard([this] { release(); });
    const std::optional<int> m = route(schema, table, column, value, cancel);
    if (!m)
        throw Error(Error::Kind::Conflict,
                    tr("The rule %1 needs more than %2 to name a shard, so the shard that owns this row is not "
                       "known; nothing was written.")
                        .arg(m_set.rule.expression, column),
                    {}, tr("Act on the shard's own database instead, or name the row by the column the rule uses."));
    return answering(*m, cancel);
}

int ShardReader::answering(int member, CancelToken &cancel)
{
    if (!connection(member, cancel))
        throw Error(Error::Kind::Conflict,
                    tr("The shard that owns this row, %1, does not answer; nothing was written.")
                        .arg(m_set.members[member].displayLabel()));
    return member;
}

int ShardReader::ownerOfGame(const QString &gameId, CancelToken &cancel)
{
    return ownerBy({{layout::Kind::Plays, QStringLiteral("game_id")}, {layout::Kind::Games, QStringLiteral("id")}},
                   {}, gameId, tr("game %1").arg(gameId), cancel);
}

int ShardReader::ownerOfPlayer(const QString &playerId, CancelToken &cancel)
{
    return ownerBy({{layout::Kind::PlayerEvents, QStringLiteral("player_id")},
                    {layout::Kind::Saves, QStringLiteral("player_id")}},
                   QStringLiteral("player_id"), playerId, tr("player %1").arg(playerId), cancel);
}

int ShardReader::ownerBy(const QList<std::pair<layout::Kind, QString>> &candidates, const QString &ruleTableColumn,
                         const QString &value, const QString &what, CancelToken &cancel)
{
    const auto unbind = qScopeGuard([this] { release(); });
    pg::Connection *conn = nullptr;
    for (int i = 0; i < m_set.members.size() && !conn; ++i)
        conn = connection(i, cancel);
    if (!conn)
        throw Error(Error::Kind::Connection, tr("No shard of %1 answers; nothing was written.").arg(m_set.name));
    // Where the shards' layout finds the data, then the table the rule's generated column is in.
    QList<std::tuple<QString, QString, QString>> places; // schema, table, column
    const auto found = layout::of(*conn);
    for (const auto &[kind, role] : candidates)
        if (const layout::Relation *rel = found->find(kind); rel && rel->has(role))
            places.append({rel->schema, rel->table, rel->columns.at(role).name});
    if (!ruleTableColumn.isEmpty())
        if (const auto g = detail::readGeneratedRule(*conn, m_set.rule.column)) {
            if (const auto name = browse::parseQualifiedName(g->table);
                name && browse::readPagingDetails(*conn, name->first, name->second).column(ruleTableColumn))
                places.append({name->first, name->second, ruleTableColumn});
        }
    QStringList tried;
    for (const auto &[schema, table, column] : std::as_const(places)) {
        tried << schema + QLatin1Char('.') + table + QLatin1Char('.') + column;
        if (const std::optional<int> m = route(schema, table, column, value, cancel))
            return answering(*m, cancel); // the rule evaluated once
    }
    if (tried.isEmpty())
        throw Error(Error::Kind::NotFound,
                    tr("The shards of %1 have no table that says where %2 is.").arg(m_set.name, what));
    throw Error(Error::Kind::Conflict,
                tr("The rule %1 names neither %2 alone, so the shard that owns %3 is not known; nothing was "
                   "written.")
                    .arg(m_set.rule.expression, tried.join(tr(" nor ")), what),
                {}, tr("Act on the shard's own database (--db) instead."));
}

} // namespace statescope::shard
