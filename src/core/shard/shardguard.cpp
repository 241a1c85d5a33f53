#include "core/shard/shardguard.h"

#include "core/error.h"
#include "core/settings.h"
#include "core/shard/shardreader.h"

#include <QCoreApplication>

namespace statescope::shard {

namespace {

bool sameDatabase(const pg::ConnectionSettings &a, const pg::ConnectionSettings &b)
{
    for (const char *key : {"host", "hostaddr", "port", "dbname"})
        if (a.value(QLatin1String(key)) != b.value(QLatin1String(key)))
            return false;
    return true;
}

struct ShardGuard
{
    Q_DECLARE_TR_FUNCTIONS(statescope::shard::ShardGuard)
};

} // namespace

void requireOwnsGame(const pg::ConnectionSettings &db, const QString &gameId, CancelToken &cancel)
{
    for (ShardSet set : settings::shardSets()) {
        int self = -1;
        for (int i = 0; i < set.members.size(); ++i)
            if (sameDatabase(set.members[i].settings, db))
                self = i;
        if (self < 0)
            continue;
        // The members on this server read with this session's user and password.
        for (Member &m : set.members)
            if (m.settings.value(QStringLiteral("host")) == db.value(QStringLiteral("host"))
                && m.settings.value(QStringLiteral("port")) == db.value(QStringLiteral("port")) && db.hasPassword()
                && !m.settings.hasPassword())
                m.settings.setPassword(db.value(QStringLiteral("password")));
        ShardReader reader(set);
        reader.resolve(cancel);
        int owner = -1;
        try {
            owner = reader.ownerOfGame(gameId, cancel);
        } catch (const Error &e) {
            throw Error(Error::Kind::Conflict,
                        ShardGuard::tr("%1 is a shard of the set %2, and the set cannot say which shard owns game %3: %4")
                            .arg(db.database(), set.name, gameId, e.message()),
                        {}, ShardGuard::tr("Remove the database from the set, or fix the set's rule, before writing to it."));
        }
        if (owner != self)
            throw Error(Error::Kind::Conflict,
                        ShardGuard::tr("Game %1 belongs to %2 by the rule of the shard set %3, not to %4; nothing was written.")
                            .arg(gameId, reader.set().members[owner].displayLabel(), set.name, db.database()),
                        {}, ShardGuard::tr("Roll it back on its own shard (rollback --set %1).").arg(set.name));
    }
}

} // namespace statescope::shard
