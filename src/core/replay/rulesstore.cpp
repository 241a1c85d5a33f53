// League rules stated in the settings file (rules.h), by scope: a family's prefix or one
// database's name.
#include "core/replay/rules.h"

#include "core/error.h"
#include "core/settings.h"

#include <QCoreApplication>
#include <QSettings>

namespace statescope::replay {

namespace {
namespace key {
const QString gameRules = QStringLiteral("game_rules");
const QString placedRunnerFrom = QStringLiteral("placed_runner_from");
const QString designatedHitter = QStringLiteral("designated_hitter");
} // namespace key

} // namespace

std::optional<GameRules> statedRules(const QString &scope)
{
    const auto s = settings::open();
    s->beginGroup(key::gameRules);
    if (scope.isEmpty() || !s->childGroups().contains(settings::keyFor(scope)))
        return std::nullopt;
    s->beginGroup(settings::keyFor(scope));
    GameRules rules;
    rules.placedRunnerFrom = s->value(key::placedRunnerFrom, 0).toInt();
    if (s->contains(key::designatedHitter))
        rules.designatedHitter = s->value(key::designatedHitter).toBool();
    try {
        rules.validate();
    } catch (const Error &) {
        rules.placedRunnerFrom = 0; // a hand-edited file: the rule is not applied
    }
    return rules;
}

QStringList statedRulesScopes()
{
    const auto s = settings::open();
    s->beginGroup(key::gameRules);
    QStringList out;
    for (const QString &k : s->childGroups())
        out << QString::fromUtf8(QByteArray::fromPercentEncoding(k.toLatin1()));
    out.sort();
    return out;
}

void stateRules(const QString &scope, const GameRules &rules)
{
    if (scope.trimmed().isEmpty() || scope.toUtf8().size() > 63)
        throw Error::invalidInput(QCoreApplication::translate("statescope::settings", "Rules are stated for a database family's prefix or a database's "
                                     "name (1 to 63 bytes)."));
    rules.validate();
    const auto s = settings::open();
    s->beginGroup(key::gameRules);
    s->remove(settings::keyFor(scope));
    s->beginGroup(settings::keyFor(scope));
    s->setValue(key::placedRunnerFrom, rules.placedRunnerFrom);
    if (rules.designatedHitter)
        s->setValue(key::designatedHitter, *rules.designatedHitter);
}

void forgetStatedRules(const QString &scope)
{
    const auto s = settings::open();
    s->beginGroup(key::gameRules);
    s->remove(settings::keyFor(scope));
}

} // namespace statescope::replay
