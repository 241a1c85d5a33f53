// shard ...: a shard set (N databases that are the shards of one game) saved, listed, checked,
// and read as one database: rows merged by key, counts summed, a statement on each shard,
// one row's owner named.
#include "interrupt.h"
#include "output.h"
#include "shardroute.h"

#include "core/browse/familyquery.h"
#include "core/browse/schema.h"
#include "core/settings.h"
#include "core/shard/shardreader.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "core/validate.h"

#include <cstdio>

namespace statescope::cli {

namespace {

using shard::ShardSet;

void addSetOptions(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("set"), QStringLiteral("A saved shard set (shard list shows them)."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("member"),
                 QStringLiteral("A shard, for a set given here rather than saved: [VALUES:]CONN, e.g. "
                                "\"0-3:host=db1 dbname=game_s0\". VALUES are the rule's values it holds; "
                                "without them, its CHECK constraint on the rule's column says. Repeat it."),
                 QStringLiteral("SPEC")});
    p.addOption({QStringLiteral("rule"),
                 QStringLiteral("The SQL expression over a row that yields its shard value (default: the "
                                "generation expression of --column in the shards)."),
                 QStringLiteral("EXPR")});
    p.addOption({QStringLiteral("column"),
                 QStringLiteral("The generated column that holds the rule (default shard_key)."), QStringLiteral("C")});
    p.addOption({QStringLiteral("slots"),
                 QStringLiteral("How many values the rule yields (default: the N of its final \"% N\")."),
                 QStringLiteral("N")});
}

ShardSet savedSet(const QString &name)
{
    for (const ShardSet &s : shard::savedSets())
        if (s.name == name)
            return s;
    throw Error(Error::Kind::NotFound, QStringLiteral("There is no shard set named \"%1\".").arg(name), {},
                QStringLiteral("statescope-cli shard list shows the saved ones."));
}

// The set the options give: --member ... (with --rule/--column/--slots), or --set NAME.
ShardSet setFrom(const Command &cmd, bool named = false)
{
    const auto &p = cmd.parser();
    const QStringList members = p.values(QStringLiteral("member"));
    if (members.isEmpty())
        return savedSet(cmd.required(QStringLiteral("set")));
    ShardSet set;
    set.name = named ? cmd.required(QStringLiteral("name")) : p.value(QStringLiteral("set"));
    if (set.name.isEmpty())
        set.name = QStringLiteral("shards");
    set.rule.expression = p.value(QStringLiteral("rule")).trimmed();
    if (p.isSet(QStringLiteral("column")))
        set.rule.column = p.value(QStringLiteral("column"));
    set.rule.values = int(cmd.integer(QStringLiteral("slots"), 0, 1, 1024));
    static const validate::WholePattern spec(QStringLiteral(R"(([0-9][0-9,\- ]*):(.+))"), QRegularExpression::DotMatchesEverythingOption);
    for (const QString &m : members) {
        shard::Member member;
        const auto match = spec.match(m);
        const QString conninfo = match.hasMatch() ? match.captured(2) : m;
        if (match.hasMatch())
            member.values = ShardSet::parseValues(match.captured(1));
        member.settings = connectionFrom(conninfo);
        set.members.append(member);
    }
    set.validate();
    return set;
}

shard::ShardReader resolved(const ShardSet &set, CancelToken &token)
{
    shard::ShardReader reader(set);
    reader.resolve(token);
    return reader;
}

nlohmann::json downJson(const QList<shard::Down> &down)
{
    nlohmann::json out = nlohmann::json::array();
    for (const shard::Down &d : down)
        out.push_back({{"shard", utf8(d.label)}, {"error", utf8(d.error)}});
    return out;
}

// Shards that did not answer: said on stderr, whatever the output; the command then fails.
int reportDown(const QList<shard::Down> &down)
{
    for (const shard::Down &d : down)
        std::fprintf(stderr, "statescope-cli: shard %s did not answer, its rows are missing: %s\n",
                     qPrintable(d.label), qPrintable(d.error));
    return down.isEmpty() ? Ok : Failed;
}

nlohmann::json setJson(const ShardSet &set)
{
    nlohmann::json members = nlohmann::json::array();
    for (const shard::Member &m : set.members)
        members.push_back({{"label", utf8(m.displayLabel())},
                           {"conninfo", utf8(m.settings.storableString())},
                           {"values", utf8(ShardSet::valuesText(m.values))}});
    return {{"name", utf8(set.name)},
            {"rule", utf8(set.rule.expression)},
            {"column", utf8(set.rule.column)},
            {"slots", set.rule.values},
            {"members", members}};
}

QString setText(const ShardSet &set)
{
    QStringList lines{QStringLiteral("%1: rule %2 (%3 values)")
                          .arg(set.name,
                               set.rule.expression.isEmpty()
                                   ? QStringLiteral("from the generated column %1").arg(set.rule.column)
                                   : set.rule.expression,
                               set.rule.values ? QString::number(set.rule.values) : QStringLiteral("its \"% N\""))};
    for (const shard::Member &m : set.members)
        lines << QStringLiteral("  %1\t%2\t%3")
                     .arg(m.values.isEmpty() ? QStringLiteral("(CHECK)") : ShardSet::valuesText(m.values),
                          m.displayLabel(), m.settings.storableString());
    return lines.join(QLatin1Char('\n'));
}

std::pair<QString, QString> tableName(const Command &cmd)
{
    const auto name = browse::parseQualifiedName(cmd.required(QStringLiteral("table")));
    if (!name)
        throw Error::invalidInput(QStringLiteral("--table \"%1\" is not a table name.")
                                      .arg(cmd.parser().value(QStringLiteral("table"))));
    return *name;
}

QList<browse::Filter> filtersFrom(const Command &cmd)
{
    const QStringList cols = cmd.parser().values(QStringLiteral("where-col"));
    const QStringList eqs = cmd.parser().values(QStringLiteral("eq"));
    if (cols.size() != eqs.size())
        throw Error::invalidInput(QStringLiteral("Give each --where-col its --eq value."));
    QList<browse::Filter> filters;
    for (int i = 0; i < cols.size(); ++i)
        filters.append({cols[i], browse::Filter::Op::Equals, eqs[i]});
    return filters;
}

void addFilterOptions(Command &cmd)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("schema.table (public when no schema)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("where-col"),
                 QStringLiteral("A column to filter on, with the --eq that follows; on a column the rule goes "
                                "by, only the shard that holds the row is read."),
                 QStringLiteral("C")});
    p.addOption({QStringLiteral("eq"), QStringLiteral("The value the --where-col must equal."), QStringLiteral("V")});
}

int save(const QStringList &args)
{
    Command cmd(QStringLiteral("shard save"),
                QStringLiteral("Saves a shard set: N databases that are the shards of one game and the rule "
                               "placing a row. Refused when shards overlap (a value held twice), leave a value "
                               "to none, or name one database twice; --resolve first asks the databases for "
                               "what the options leave out (the rule, each shard's CHECK)."));
    addSetOptions(cmd);
    cmd.parser().addOption({QStringLiteral("name"), QStringLiteral("The set's name."), QStringLiteral("NAME")});
    cmd.parser().addOption({QStringLiteral("resolve"),
                            QStringLiteral("Connect and fill in the rule and values from the databases.")});
    cmd.parse(args);
    if (cmd.parser().values(QStringLiteral("member")).isEmpty())
        cmd.required(QStringLiteral("member"));
    ShardSet set = setFrom(cmd, true);
    if (cmd.parser().isSet(QStringLiteral("resolve"))) {
        CancelToken token;
        InterruptGuard guard(token);
        shard::ShardReader reader(set);
        reader.resolve(token);
        if (!reader.down().isEmpty())
            return reportDown(reader.down());
        set = reader.set();
    }
    QList<ShardSet> sets = shard::savedSets();
    sets.removeIf([&](const ShardSet &s) { return s.name == set.name; });
    sets.append(set);
    shard::saveSets(sets);
    cmd.print(setJson(set), QStringLiteral("Saved.\n") + setText(set));
    return Ok;
}

int list(const QStringList &args)
{
    Command cmd(QStringLiteral("shard list"), QStringLiteral("The saved shard sets."));
    cmd.parse(args);
    nlohmann::json doc = nlohmann::json::array();
    QStringList text;
    for (const ShardSet &s : shard::savedSets()) {
        doc.push_back(setJson(s));
        text << setText(s);
    }
    cmd.print(doc, text.isEmpty() ? QStringLiteral("No shard sets saved.") : text.join(QStringLiteral("\n\n")));
    return Ok;
}

int remove(const QStringList &args)
{
    Command cmd(QStringLiteral("shard remove"), QStringLiteral("Forgets a saved shard set (the databases stay)."));
    cmd.parser().addOption({QStringLiteral("set"), QStringLiteral("The set."), QStringLiteral("NAME")});
    cmd.parse(args);
    const QString name = cmd.required(QStringLiteral("set"));
    QList<ShardSet> sets = shard::savedSets();
    if (!sets.removeIf([&](const ShardSet &s) { return s.name == name; }))
        throw Error(Error::Kind::NotFound, QStringLiteral("There is no shard set named \"%1\".").arg(name));
    shard::saveSets(sets);
    cmd.print({{"removed", utf8(name)}}, QStringLiteral("Removed %1.").arg(name));
    return Ok;
}

int check(const QStringList &args)
{
    Command cmd(QStringLiteral("shard check"),
                QStringLiteral("Rows in the wrong shard: on every table the rule applies to, the rows whose "
                               "rule value belongs to another shard (or to none). Exit status 1 when there are."));
    addSetOptions(cmd);
    cmd.parse(args);
    CancelToken token;
    InterruptGuard guard(token);
    shard::ShardReader reader = resolved(setFrom(cmd), token);
    TaskContext ctx(token, {});
    const QList<shard::Misplaced> wrong = reader.check(&ctx);
    const ShardSet &set = reader.set();
    nlohmann::json doc = {{"set", utf8(set.name)}, {"rule", utf8(set.rule.expression)}, {"misplaced", nlohmann::json::array()}};
    QStringList lines{QStringLiteral("Rule: %1 (from %2)").arg(set.rule.expression, reader.ruleSource())};
    for (const shard::Misplaced &m : wrong) {
        const QString owner = m.owner < 0 ? QStringLiteral("no shard") : set.members[m.owner].displayLabel();
        doc["misplaced"].push_back({{"shard", utf8(set.members[m.member].displayLabel())},
                                    {"table", utf8(m.table)},
                                    {"value", m.value < 0 ? nlohmann::json() : nlohmann::json(m.value)},
                                    {"belongs_to", utf8(owner)},
                                    {"rows", m.rows}});
        lines << QStringLiteral("%1: %2: %3 row(s) with value %4, which belong(s) to %5")
                     .arg(set.members[m.member].displayLabel(), m.table)
                     .arg(m.rows)
                     .arg(m.value < 0 ? QStringLiteral("NULL") : QString::number(m.value), owner);
    }
    if (wrong.isEmpty())
        lines << QStringLiteral("Every row is on the shard its rule value names.");
    doc["down"] = downJson(reader.down());
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    const int down = reportDown(reader.down());
    return wrong.isEmpty() ? down : Failed;
}

int rows(const QStringList &args)
{
    Command cmd(QStringLiteral("shard rows"),
                QStringLiteral("A table's rows on every shard as one table: each shard's keyset page, merged by "
                               "the order (exact paging, memory flat), with the shard each row is on. --after "
                               "goes on from where \"next\" said."));
    addSetOptions(cmd);
    addFilterOptions(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("sort"), QStringLiteral("An indexed column to order by (the key breaks ties)."),
                 QStringLiteral("C")});
    p.addOption({QStringLiteral("desc"), QStringLiteral("Descending order.")});
    p.addOption({QStringLiteral("after"), QStringLiteral("The cursor \"next\" printed."), QStringLiteral("CURSOR")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("Rows per page (1 to 100000, default 100)."), QStringLiteral("N")});
    cmd.parse(args);
    const auto [schema, table] = tableName(cmd);
    const QList<browse::Filter> filters = filtersFrom(cmd);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 100, 1, 100000));
    const browse::Order order{p.value(QStringLiteral("sort")), p.isSet(QStringLiteral("desc"))};
    CancelToken token;
    InterruptGuard guard(token);
    shard::ShardReader reader = resolved(setFrom(cmd), token);
    shard::Cursor from;
    if (p.isSet(QStringLiteral("after"))) {
        const auto j = nlohmann::json::parse(p.value(QStringLiteral("after")).toStdString(), nullptr, false);
        if (j.is_discarded())
            throw Error::invalidInput(QStringLiteral("--after takes the JSON cursor \"next\" printed."));
        from = shard::Cursor::fromJson(j, int(reader.set().members.size()));
    }
    const shard::Page page = reader.page(schema, table, filters, order, from, limit, token);
    nlohmann::json doc = {{"table", utf8(schema + QLatin1Char('.') + table)}, {"rows", nlohmann::json::array()}};
    QStringList lines{(QStringList{QStringLiteral("shard")} + page.columns).join(QLatin1Char('\t'))};
    for (qsizetype r = 0; r < page.rows.size(); ++r) {
        const QString shardName = reader.set().members[page.member[r]].displayLabel();
        nlohmann::json row = {{"shard", utf8(shardName)}};
        QStringList fields{shardName};
        bool invalid = false;
        for (size_t c = 0; c < page.rows[r].cells.size() && c < size_t(page.columns.size()); ++c) {
            const auto &cell = page.rows[r].cells[c];
            row[utf8(page.columns[int(c)])] = cell ? textJson(*cell, &invalid) : nlohmann::json();
            fields << (cell ? QString::fromUtf8(*cell) : QStringLiteral("NULL"));
        }
        if (invalid)
            markInvalidUtf8(row);
        doc["rows"].push_back(row);
        lines << fields.join(QLatin1Char('\t'));
    }
    nlohmann::json asked = nlohmann::json::array();
    for (int m : page.asked)
        asked.push_back(utf8(reader.set().members[m].displayLabel()));
    doc["shards_read"] = asked;
    doc["down"] = downJson(page.down);
    doc["next"] = page.atEnd ? nlohmann::json() : page.next.toJson();
    if (page.asked.size() == 1 && reader.set().members.size() > 1)
        lines << QStringLiteral("-- read on %1 only: the rule places the row there").arg(QString::fromStdString(asked[0]));
    if (!page.atEnd)
        lines << QStringLiteral("-- more: --after '%1'").arg(QString::fromStdString(dumpJson(doc["next"])));
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return reportDown(page.down);
}

int count(const QStringList &args)
{
    Command cmd(QStringLiteral("shard count"),
                QStringLiteral("A table's rows summed over the shards: the planner's estimates, or --exact."));
    addSetOptions(cmd);
    addFilterOptions(cmd);
    cmd.parser().addOption({QStringLiteral("exact"), QStringLiteral("count(*) on every shard.")});
    cmd.parse(args);
    const auto [schema, table] = tableName(cmd);
    const QList<browse::Filter> filters = filtersFrom(cmd);
    CancelToken token;
    InterruptGuard guard(token);
    shard::ShardReader reader = resolved(setFrom(cmd), token);
    const shard::Count c = reader.count(schema, table, filters, cmd.parser().isSet(QStringLiteral("exact")), token);
    nlohmann::json per = nlohmann::json::array();
    QStringList lines{QStringLiteral("%1%2 row(s)").arg(c.exact ? QString() : QStringLiteral("about ")).arg(c.rows)};
    for (int i = 0; i < c.perMember.size(); ++i) {
        const QString label = reader.set().members[i].displayLabel();
        per.push_back({{"shard", utf8(label)}, {"rows", c.perMember[i] < 0 ? nlohmann::json() : nlohmann::json(c.perMember[i])}});
        lines << QStringLiteral("  %1\t%2").arg(label, c.perMember[i] < 0 ? QStringLiteral("(did not answer)")
                                                                         : QString::number(c.perMember[i]));
    }
    cmd.print({{"rows", c.rows}, {"exact", c.exact}, {"shards", per}, {"down", downJson(c.down)}},
              lines.join(QLatin1Char('\n')));
    return reportDown(c.down);
}

int locate(const QStringList &args)
{
    Command cmd(QStringLiteral("shard locate"),
                QStringLiteral("The shard that holds (or would hold) the row whose --column is --value, by the "
                               "rule as the server evaluates it."));
    addSetOptions(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("schema.table (public when no schema)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("where-col"), QStringLiteral("The column (e.g. player_id)."), QStringLiteral("C")});
    p.addOption({QStringLiteral("eq"), QStringLiteral("Its value."), QStringLiteral("V")});
    cmd.parse(args);
    const auto [schema, table] = tableName(cmd);
    const QString column = cmd.required(QStringLiteral("where-col"));
    const QString value = cmd.required(QStringLiteral("eq"));
    CancelToken token;
    InterruptGuard guard(token);
    shard::ShardReader reader = resolved(setFrom(cmd), token);
    const int owner = reader.owner(schema, table, column, value, token);
    const shard::Member &m = reader.set().members[owner];
    cmd.print({{"shard", utf8(m.displayLabel())}, {"conninfo", utf8(m.settings.storableString())}},
              QStringLiteral("%1\t%2").arg(m.displayLabel(), m.settings.storableString()));
    return Ok;
}

int sql(const QStringList &args)
{
    Command cmd(QStringLiteral("shard sql"),
                QStringLiteral("One read-only statement on every shard, its rows streamed with the shard they "
                               "came from (free SQL cannot be merged by key). A shard that fails or does not "
                               "answer is reported and fails the command; the others go on."));
    addSetOptions(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("sql"), QStringLiteral("The statement."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("CSV with a header line.")});
    p.addOption({QStringLiteral("timeout-ms"), QStringLiteral("statement_timeout per shard (default 0: none)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("parallel"), QStringLiteral("Shards at once (1..16, default 4)."), QStringLiteral("N")});
    cmd.parse(args);
    browse::FamilyQuery::Options options;
    options.parallelism = int(cmd.integer(QStringLiteral("parallel"), 4, 1, 16));
    options.timeoutMs = int(cmd.integer(QStringLiteral("timeout-ms"), 0, 0, 86'400'000));
    const QString text = cmd.required(QStringLiteral("sql"));
    browse::FamilyQuery::check(text, options);
    const bool csv = p.isSet(QStringLiteral("csv"));
    if (csv && cmd.json())
        throw Error::invalidInput(QStringLiteral("Give --csv or --json, not both."));
    const ShardSet set = setFrom(cmd);
    QList<browse::FamilyQuery::Target> targets;
    for (const shard::Member &m : set.members)
        targets.append({m.displayLabel(), m.settings.database(), m.settings.value(QStringLiteral("host")), m.settings, {}});
    return streamQuery(cmd, targets, QStringLiteral("shard"), false, text, options, csv);
}

} // namespace

pg::ConnectionSettings shardOwnerOfGame(const Command &cmd, const QString &gameId, CancelToken &token, QString *label)
{
    const ShardSet set = savedSet(cmd.required(QStringLiteral("set")));
    shard::ShardReader reader = resolved(set, token);
    const int member = reader.ownerOfGame(gameId, token);
    if (label)
        *label = reader.set().members.at(member).displayLabel();
    return reader.set().members.at(member).settings;
}

int runShard(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("save"))
        return save(args);
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("remove"))
        return remove(args);
    if (sub == QLatin1String("check"))
        return check(args);
    if (sub == QLatin1String("rows"))
        return rows(args);
    if (sub == QLatin1String("count"))
        return count(args);
    if (sub == QLatin1String("locate"))
        return locate(args);
    if (sub == QLatin1String("sql"))
        return sql(args);
    throw Error::invalidInput(QStringLiteral("Unknown shard command: %1").arg(sub),
                              QStringLiteral("shard save | list | remove | check | rows | count | locate | sql"));
}

} // namespace statescope::cli
