// Shard sets kept in the settings file (shardset.h): by name, members' connection strings
// without a password.
#include "core/shard/shardset.h"

#include "core/error.h"
#include "core/settings.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>

namespace statescope::shard {

namespace {
namespace key {
const QString shardSets = QStringLiteral("shards/sets");
const QString name = QStringLiteral("name");
const QString rule = QStringLiteral("rule");
const QString ruleColumn = QStringLiteral("rule_column");
const QString values = QStringLiteral("values");
const QString members = QStringLiteral("members");
const QString label = QStringLiteral("label");
const QString conninfo = QStringLiteral("conninfo");
} // namespace key
} // namespace

QList<ShardSet> savedSets()
{
    const auto s = settings::open();
    QList<ShardSet> out;
    const int n = s->beginReadArray(key::shardSets);
    for (int i = 0; i < n; ++i) {
        s->setArrayIndex(i);
        ShardSet set;
        set.name = s->value(key::name).toString();
        set.rule.expression = s->value(key::rule).toString();
        set.rule.column = s->value(key::ruleColumn, set.rule.column).toString();
        set.rule.values = s->value(key::values, 0).toInt();
        const int m = s->beginReadArray(key::members);
        for (int j = 0; j < m; ++j) {
            s->setArrayIndex(j);
            Member member;
            member.label = s->value(key::label).toString();
            try {
                member.settings = pg::ConnectionSettings::parse(s->value(key::conninfo).toString());
                const QString held = s->value(key::values).toString();
                if (!held.isEmpty())
                    member.values = ShardSet::parseValues(held);
            } catch (const Error &) {
                continue; // edited by hand into something else: validate() names what is missing
            }
            set.members.append(member);
        }
        s->endArray();
        out.append(set);
    }
    s->endArray();
    return out;
}

void saveSets(const QList<ShardSet> &sets)
{
    QSet<QString> names;
    for (const ShardSet &set : sets) {
        set.validate();
        if (names.contains(set.name))
            throw Error::invalidInput(QCoreApplication::translate("statescope::settings", "There is already a shard set named \"%1\".").arg(set.name));
        names.insert(set.name);
    }
    const auto s = settings::open();
    s->remove(key::shardSets);
    s->beginWriteArray(key::shardSets, int(sets.size()));
    for (int i = 0; i < sets.size(); ++i) {
        const ShardSet &set = sets[i];
        s->setArrayIndex(i);
        s->setValue(key::name, set.name);
        s->setValue(key::rule, set.rule.expression);
        s->setValue(key::ruleColumn, set.rule.column);
        s->setValue(key::values, set.rule.values);
        s->beginWriteArray(key::members, int(set.members.size()));
        for (int j = 0; j < set.members.size(); ++j) {
            s->setArrayIndex(j);
            s->setValue(key::label, set.members[j].label);
            s->setValue(key::conninfo, set.members[j].settings.storableString());
            s->setValue(key::values, ShardSet::valuesText(set.members[j].values));
        }
        s->endArray();
    }
    s->endArray();
    s->sync();
}

} // namespace statescope::shard
