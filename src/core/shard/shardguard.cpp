#include "core/shard/shardguard.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "core/shard/shardreader.h"

#include <QCoreApplication>
#include <QScopeGuard>

namespace statescope::shard {

namespace {

struct ShardGuard
{
    Q_DECLARE_TR_FUNCTIONS(statescope::shard::ShardGuard)
};

// Which database of which server a session is on, as the server says it.
QString identity(pg::Connection &conn)
{
    return conn
        .exec(QStringLiteral("SELECT current_database() || '|' || current_setting('port') || '|' || "
                             "pg_postmaster_start_time()::text"))
        .value(0, 0);
}

} // namespace

void requireOwnsGame(pg::Connection &conn, const pg::ConnectionSettings &db, const QString &gameId,
                     CancelToken &cancel)
{
    const QString here = identity(conn);
    const QString database = here.section(QLatin1Char('|'), 0, 0);
    for (ShardSet set : shard::savedSets()) {
        // Only a member of this database's name can be this database.
        bool candidate = false;
        for (const Member &m : std::as_const(set.members)) {
            const QString name = m.settings.database().isEmpty() ? m.settings.value(QStringLiteral("user"))
                                                                 : m.settings.database();
            candidate = candidate || name == database;
        }
        if (!candidate)
            continue;
        // Members reached as this session's user read with its password.
        for (Member &m : set.members)
            if (db.hasPassword() && !m.settings.hasPassword()
                && m.settings.value(QStringLiteral("user")) == db.value(QStringLiteral("user")))
                m.settings.setPassword(db.value(QStringLiteral("password")));
        ShardReader reader(set);
        const auto unbind = qScopeGuard([&reader] { reader.release(); });
        int self = -1;
        for (int i = 0; i < set.members.size() && self < 0; ++i) {
            if (set.members[i].settings.database() != database && !set.members[i].settings.database().isEmpty())
                continue;
            if (pg::Connection *member = reader.connection(i, cancel); member && identity(*member) == here)
                self = i;
        }
        if (self < 0)
            continue; // another server's database of that name
        reader.resolve(cancel);
        int owner = -1;
        try {
            owner = reader.ownerOfGame(gameId, cancel);
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Cancelled)
                throw;
            throw Error(Error::Kind::Conflict,
                        ShardGuard::tr("%1 is a shard of the set %2, and the set cannot say which shard owns game "
                                       "%3: %4")
                            .arg(database, set.name, gameId, e.message()),
                        {},
                        ShardGuard::tr("Remove the database from the set, or fix the set's rule, before writing to "
                                       "it."));
        }
        if (owner != self)
            throw Error(Error::Kind::Conflict,
                        ShardGuard::tr("Game %1 belongs to %2 by the rule of the shard set %3, not to %4; nothing was "
                                       "written.")
                            .arg(gameId, reader.set().members[owner].displayLabel(), set.name, database),
                        {}, ShardGuard::tr("Roll it back on its own shard (rollback --set %1).").arg(set.name));
    }
}

} // namespace statescope::shard
