// games rules: a league's rules the plays follow (core/replay/rules.h), stated per database
// family or database in the shared settings.
#include "output.h"

#include "core/error.h"
#include "core/replay/rules.h"
#include "core/settings.h"

namespace statescope::cli {

namespace {

using replay::GameRules;

nlohmann::json toJson(const GameRules &r)
{
    nlohmann::json doc{{"placed_runner_from", r.placedRunnerFrom}};
    doc["designated_hitter"] = r.designatedHitter ? nlohmann::json(*r.designatedHitter) : nlohmann::json(nullptr);
    doc["summary"] = utf8(r.describe());
    return doc;
}

std::optional<bool> designatedHitter(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("no"))
        return false;
    if (t == QLatin1String("unstated"))
        return std::nullopt;
    throw Error::invalidInput(QStringLiteral("--designated-hitter takes yes, no or unstated, not \"%1\".").arg(text));
}

} // namespace

int gamesRules(const QStringList &args)
{
    Command cmd(QStringLiteral("games rules"),
                QStringLiteral("A league's rules the plays follow, which replay, check, the box score, the games "
                               "list and rollback apply: stated for a database family (its prefix) or one database "
                               "(which wins). Without options: every scope stated. With --for: the rules in force "
                               "for that database. With --scope and a rule: states it (the other rules of the scope "
                               "are kept); with --scope --forget: takes the scope's rules back."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("scope"), QStringLiteral("A family's prefix (paperdynasty) or a database's name."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("for"), QStringLiteral("Show the rules in force for this database and where they come from."),
                 QStringLiteral("DATABASE")});
    p.addOption({QStringLiteral("placed-runner-from"),
                 QStringLiteral("Each half-inning from inning N on starts with a runner on second (%1 to %2; 0: none).")
                     .arg(GameRules::kMinPlacedInning)
                     .arg(GameRules::kMaxPlacedInning),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("designated-hitter"),
                 QStringLiteral("yes: a pitcher does not bat while his team has a designated hitter; no: no lineup "
                                "has one; unstated: not checked."),
                 QStringLiteral("yes|no|unstated")});
    p.addOption({QStringLiteral("forget"), QStringLiteral("Take back every rule stated for --scope.")});
    cmd.parse(args);
    const bool setting = p.isSet(QStringLiteral("placed-runner-from")) || p.isSet(QStringLiteral("designated-hitter"));
    if (p.isSet(QStringLiteral("for"))) {
        if (setting || p.isSet(QStringLiteral("forget")) || p.isSet(QStringLiteral("scope")))
            throw Error::invalidInput(QStringLiteral("--for only shows; give --scope to state or forget rules."));
        const QString database = p.value(QStringLiteral("for"));
        const QString scope = replay::rulesScopeFor(database);
        const GameRules rules = replay::rulesFor(database);
        nlohmann::json doc = toJson(rules);
        doc["database"] = utf8(database);
        doc["scope"] = scope.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(utf8(scope));
        cmd.print(doc, scope.isEmpty()
                           ? QStringLiteral("%1: no rules stated (none applied).").arg(database)
                           : QStringLiteral("%1: %2 (stated for %3).").arg(database, rules.describe(), scope));
        return Ok;
    }
    if (!p.isSet(QStringLiteral("scope"))) {
        if (setting || p.isSet(QStringLiteral("forget")))
            throw Error::invalidInput(QStringLiteral("Say whose rules these are: --scope PREFIX or --scope DATABASE."));
        nlohmann::json list = nlohmann::json::array();
        QStringList lines;
        for (const QString &scope : replay::statedRulesScopes()) {
            const GameRules rules = replay::statedRules(scope).value_or(GameRules{});
            nlohmann::json doc = toJson(rules);
            doc["scope"] = utf8(scope);
            list.push_back(doc);
            lines << QStringLiteral("%1: %2").arg(scope, rules.describe());
        }
        cmd.print({{"rules", list}}, lines.isEmpty() ? QStringLiteral("No rules stated.") : lines.join('\n'));
        return Ok;
    }
    const QString scope = p.value(QStringLiteral("scope")).trimmed();
    if (p.isSet(QStringLiteral("forget"))) {
        if (setting)
            throw Error::invalidInput(QStringLiteral("--forget takes no rule with it."));
        const bool had = replay::statedRules(scope).has_value();
        replay::forgetStatedRules(scope);
        cmd.print({{"scope", utf8(scope)}, {"forgotten", had}},
                  had ? QStringLiteral("The rules stated for %1 are forgotten.").arg(scope)
                      : QStringLiteral("No rules were stated for %1.").arg(scope));
        return Ok;
    }
    GameRules rules = replay::statedRules(scope).value_or(GameRules{});
    if (setting) {
        rules.placedRunnerFrom = int(cmd.integer(QStringLiteral("placed-runner-from"), rules.placedRunnerFrom, 0,
                                                 GameRules::kMaxPlacedInning));
        if (p.isSet(QStringLiteral("designated-hitter")))
            rules.designatedHitter = designatedHitter(p.value(QStringLiteral("designated-hitter")));
        replay::stateRules(scope, rules); // InvalidInput for inning 1; nothing written then
    }
    nlohmann::json doc = toJson(rules);
    doc["scope"] = utf8(scope);
    cmd.print(doc, QStringLiteral("%1: %2").arg(scope, rules.describe()));
    return Ok;
}

} // namespace statescope::cli
