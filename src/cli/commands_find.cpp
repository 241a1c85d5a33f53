// find: one value (an id a player sent, a request key, a game's short id) looked up in one
// database, a family's every week or a shard set, by indexes only unless --scan.
#include "interrupt.h"
#include "output.h"

#include "core/error.h"
#include "core/find/familyfind.h"
#include "core/find/story.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/settings.h"
#include "core/shard/shardset.h"
#include "core/task/canceltoken.h"
#include "core/weekly/family.h"

#include <cstdio>

namespace statescope::cli {

namespace {

nlohmann::json hitJson(const find::FindEvent &e)
{
    nlohmann::json key = nlohmann::json::object();
    for (qsizetype i = 0; i < e.hit.keyColumns.size(); ++i)
        key[utf8(e.hit.keyColumns[i])] = utf8(e.hit.keyValues.value(i));
    nlohmann::json context = nlohmann::json::object();
    for (auto it = e.hit.context.cbegin(); it != e.hit.context.cend(); ++it)
        context[utf8(it.key())] = utf8(it.value());
    return {{"label", utf8(e.label)},
            {"database", utf8(e.database)},
            {"server", utf8(e.server)},
            {"kind", e.hit.kind.isEmpty() ? nlohmann::json("row") : nlohmann::json(utf8(e.hit.kind))},
            {"table", utf8(e.hit.schema + QLatin1Char('.') + e.hit.table)},
            {"column", utf8(e.hit.column)},
            {"key", key},
            {"at", e.hit.at.isEmpty() ? nlohmann::json() : nlohmann::json(utf8(e.hit.at))},
            {"summary", utf8(e.hit.summary)},
            {"context", context}};
}

// find --story: one value's story in one database, a page at a time (or all of it).
int runStory(Command &cmd, const find::Needle &needle)
{
    auto &p = cmd.parser();
    if (!p.isSet(QStringLiteral("db")) || p.isSet(QStringLiteral("prefix")) || p.isSet(QStringLiteral("set")))
        throw Error::invalidInput(QStringLiteral("A story is told of one database: give --db (one week)."));
    const bool csv = p.isSet(QStringLiteral("csv")), jsonl = p.isSet(QStringLiteral("jsonl"));
    if (int(csv) + int(jsonl) + int(cmd.json()) > 1)
        throw Error::invalidInput(QStringLiteral("Give one of --csv, --jsonl and --json."));
    const int places = int(p.isSet(QStringLiteral("after"))) + int(p.isSet(QStringLiteral("before")))
        + int(p.isSet(QStringLiteral("newest"))) + int(p.isSet(QStringLiteral("all")));
    if (places > 1)
        throw Error::invalidInput(QStringLiteral("Give one of --after, --before, --newest and --all."));
    const int limit = int(cmd.integer(QStringLiteral("limit"), 50, 1, find::Story::kMaxLimit));
    std::optional<find::StoryCursor> from;
    if (p.isSet(QStringLiteral("after")))
        from = find::StoryCursor::parse(p.value(QStringLiteral("after")));
    if (p.isSet(QStringLiteral("before")))
        from = find::StoryCursor::parse(p.value(QStringLiteral("before")));
    const auto direction = p.isSet(QStringLiteral("before")) || p.isSet(QStringLiteral("newest"))
                               ? find::Story::Direction::Older
                               : find::Story::Direction::Newer;

    CancelToken token;
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly, &token);
    find::Story story(*conn, needle);
    for (const QString &s : story.skipped())
        std::fprintf(stderr, "not in the story: %s\n", qPrintable(s));
    TaskContext task(token, {});
    InterruptGuard guard(token);
    if (p.isSet(QStringLiteral("all"))) {
        const qint64 n = find::storyexport::writeAll(story, csv, limit, [&](const QByteArray &bytes) {
            if (csv || jsonl || cmd.json())
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
            return std::fflush(stdout) == 0;
        }, &task);
        std::fprintf(stderr, "(%lld entr%s of %s in %s)\n", static_cast<long long>(n), n == 1 ? "y" : "ies",
                     qPrintable(needle.text), qPrintable(conn->database()));
        return Ok;
    }
    const find::StoryPage page = story.page(from, direction, limit, &task);
    const auto token_ = [](const std::optional<find::StoryCursor> &c) {
        return c ? nlohmann::json(utf8(c->token())) : nlohmann::json();
    };
    if (cmd.json()) {
        nlohmann::json entries = nlohmann::json::array(), sources = nlohmann::json::array(),
                       skipped = nlohmann::json::array();
        for (const find::StoryEntry &e : page.entries)
            entries.push_back(find::storyexport::toJson(e));
        for (const QString &s : story.sources())
            sources.push_back(utf8(s));
        for (const QString &s : story.skipped())
            skipped.push_back(utf8(s));
        cmd.print({{"value", utf8(needle.text)},
                   {"database", utf8(conn->database())},
                   {"sources", sources},
                   {"skipped", skipped},
                   {"entries", entries},
                   {"older", token_(page.older)},
                   {"newer", token_(page.newer)}},
                  {});
        return Ok;
    }
    QByteArray out = csv ? find::storyexport::csvHeader() : QByteArray();
    for (const find::StoryEntry &e : page.entries) {
        if (csv)
            out += find::storyexport::csvLine(e);
        else if (jsonl)
            out += find::storyexport::jsonLine(e);
        else
            out += QStringList{e.at, e.source, e.table, e.keyColumn + QLatin1Char('=') + e.key, e.summary,
                               e.change.isEmpty() ? QStringLiteral("-") : e.change}
                       .join(QLatin1Char('\t'))
                       .toUtf8()
                + '\n';
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    const QString ways = QStringList{page.older ? QStringLiteral("older: --before ") + page.older->token()
                                                : QStringLiteral("nothing older"),
                                     page.newer ? QStringLiteral("newer: --after ") + page.newer->token()
                                                : QStringLiteral("nothing newer")}
                             .join(QStringLiteral("; "));
    std::fprintf(stderr, "(%lld entr%s of %s in %s; %s)\n", static_cast<long long>(page.entries.size()),
                 page.entries.size() == 1 ? "y" : "ies", qPrintable(needle.text), qPrintable(conn->database()),
                 qPrintable(ways));
    return Ok;
}

} // namespace

int runFind(const QStringList &args)
{
    Command cmd(QStringLiteral("find"),
                QStringLiteral("Finds one value (a uuid or its first 8 characters, a number, a symbol, a name, a "
                               "request key) in every table of a database, a family's every week (newest first, "
                               "on every --server) or a saved shard set: in each column whose type can hold it "
                               "and that an index answers (the planner proves it before anything runs; a jsonb "
                               "column with a GIN index for the value anywhere inside). What only a scan could "
                               "find is listed as not searched, with the rows it would scan; --scan searches it "
                               "too. Read-only. Text: a line per row found (week, server, kind, table, key, "
                               "time, a few of its columns); --json: one document.\n\n"
                               "--story --db CONN VALUE: the story of one player, ship, agent or game in one "
                               "database, in time order: API events holding it (with the change of the parts "
                               "holding it from the previous event of the endpoint), the snapshots in which "
                               "those parts change, its saves, per-player and maneuver events, the game with its "
                               "plays and rolls, and Statescope's audit log entries naming it. A page at a time "
                               "(--limit, default 50): from the beginning, --newest from the end, --after or "
                               "--before the place a page printed; --all: the whole story, page by page. "
                               "Text, --json (one page), --csv or --jsonl."));
    auto &p = cmd.parser();
    p.addPositionalArgument(QStringLiteral("VALUE"), QStringLiteral("What to find (after -- when it begins with a dash)."));
    cmd.acceptPositionals(1);
    p.addOption({QStringLiteral("db"), QStringLiteral("One database: conninfo, URI or service=NAME."), QStringLiteral("CONN")});
    addFamilyOptions(cmd);
    p.addOption({QStringLiteral("set"), QStringLiteral("A saved shard set (statescope-cli shard list)."), QStringLiteral("S")});
    p.addOption({QStringLiteral("scan"), QStringLiteral("Also search what no index answers (reads those tables whole).")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N rows per column and database (1..10000, default 50)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("parallel"), QStringLiteral("Databases at once (1..16, default 2)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("story"), QStringLiteral("The story of the value in the one --db (see above).")});
    p.addOption({QStringLiteral("newest"), QStringLiteral("Story: the last page first.")});
    p.addOption({QStringLiteral("after"), QStringLiteral("Story: the page after this place (a page prints it)."),
                 QStringLiteral("PLACE")});
    p.addOption({QStringLiteral("before"), QStringLiteral("Story: the page before this place."), QStringLiteral("PLACE")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Story: every page, oldest first (with --csv or --jsonl: an export).")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("Story: CSV with a header line.")});
    p.addOption({QStringLiteral("jsonl"), QStringLiteral("Story: one JSON object per line.")});
    cmd.parse(args);
    const QStringList values = p.positionalArguments();
    if (values.size() != 1)
        throw Error::invalidInput(QStringLiteral("Give the value to find."));
    const find::Needle needle = find::Needle::parse(values.first());
    if (p.isSet(QStringLiteral("story")))
        return runStory(cmd, needle);
    for (const char *storyOnly : {"newest", "after", "before", "all", "csv", "jsonl"})
        if (p.isSet(QLatin1String(storyOnly)))
            throw Error::invalidInput(QStringLiteral("--%1 belongs to --story.").arg(QLatin1String(storyOnly)));
    find::Finder::Options options;
    options.scan = p.isSet(QStringLiteral("scan"));
    options.limit = int(cmd.integer(QStringLiteral("limit"), 50, 1, 10000));
    if (cmd.isLayoutSet())
        options.layoutFile = p.value(QStringLiteral("layout"));
    const int parallel = int(cmd.integer(QStringLiteral("parallel"), 2, 1, 16));
    const int scopes = int(p.isSet(QStringLiteral("db"))) + int(p.isSet(QStringLiteral("prefix"))) + int(p.isSet(QStringLiteral("set")));
    if (scopes != 1)
        throw Error::invalidInput(QStringLiteral("Give one of --db (a database), --server and --prefix (a family) or "
                                                 "--set (a shard set)."));

    QList<browse::FamilyQuery::Target> targets;
    bool withServer = false;
    QString leading = QStringLiteral("week");
    if (p.isSet(QStringLiteral("db"))) {
        const pg::ConnectionSettings db = cmd.connection(QStringLiteral("db"));
        targets.append({db.database(), db.database(), db.displayName(), db, {}});
        leading = QStringLiteral("database");
    } else if (p.isSet(QStringLiteral("prefix"))) {
        QList<weekly::FamilyWeek> weeks;
        const weekly::Family family = familyFrom(cmd, &weeks, weekly::Family::Depth::Names);
        withServer = family.spansServers();
        std::reverse(weeks.begin(), weeks.end()); // the newest week first
        targets = browse::FamilyQuery::targetsOf(weeks);
    } else {
        const QString name = p.value(QStringLiteral("set"));
        const QList<shard::ShardSet> sets = shard::savedSets();
        const auto set = std::find_if(sets.cbegin(), sets.cend(), [&](const shard::ShardSet &s) { return s.name == name; });
        if (set == sets.cend())
            throw Error(Error::Kind::NotFound, QStringLiteral("There is no shard set named \"%1\".").arg(name), {},
                        QStringLiteral("statescope-cli shard list shows the saved ones."));
        for (const shard::Member &m : set->members)
            targets.append({m.displayLabel(), m.settings.database(), m.settings.displayName(), m.settings, {}});
        leading = QStringLiteral("shard");
        withServer = true;
    }

    CancelToken token;
    InterruptGuard guard(token);
    nlohmann::json hits = nlohmann::json::array(), skipped = nlohmann::json::array(), failed = nlohmann::json::array();
    qint64 found = 0;
    int failures = 0;
    find::FamilyFind::run(targets, needle, options, parallel, [&](const find::FindEvent &e) {
        switch (e.kind) {
        case find::FindEvent::Kind::Hit: {
            ++found;
            if (cmd.json()) {
                hits.push_back(hitJson(e));
                break;
            }
            QStringList key;
            for (qsizetype i = 0; i < e.hit.keyColumns.size(); ++i)
                key << e.hit.keyColumns[i] + QLatin1Char('=') + e.hit.keyValues.value(i);
            QStringList cells{e.label};
            if (withServer)
                cells << e.server;
            cells << (e.hit.kind.isEmpty() ? QStringLiteral("row") : e.hit.kind) << e.hit.schema + QLatin1Char('.') + e.hit.table
                  << key.join(QLatin1Char(' ')) << (e.hit.at.isEmpty() ? QStringLiteral("-") : e.hit.at) << e.hit.summary;
            std::printf("%s\n", cells.join(QLatin1Char('\t')).toUtf8().constData());
            std::fflush(stdout);
            break;
        }
        case find::FindEvent::Kind::NotSearched:
            if (cmd.json())
                skipped.push_back({{"label", utf8(e.label)},
                                   {"database", utf8(e.database)},
                                   {"table", utf8(e.lookup.relation())},
                                   {"column", utf8(e.lookup.column)},
                                   {"rows", e.lookup.rows < 0 ? nlohmann::json() : nlohmann::json(qint64(e.lookup.rows))}});
            else
                std::fprintf(stderr, "not searched in %s: %s.%s, would scan %s rows (--scan)\n", qPrintable(e.label),
                             qPrintable(e.lookup.relation()), qPrintable(e.lookup.column),
                             e.lookup.rows < 0 ? "an unknown number of" : qPrintable(QString::number(qint64(e.lookup.rows))));
            break;
        case find::FindEvent::Kind::Failed:
            ++failures;
            if (cmd.json())
                failed.push_back({{"label", utf8(e.label)}, {"database", utf8(e.database)}, {"error", utf8(e.error)}});
            else
                std::fprintf(stderr, "%s: not searched: %s\n", qPrintable(e.label), qPrintable(e.error));
            break;
        case find::FindEvent::Kind::Done:
            break;
        }
        return true;
    }, token);
    if (cmd.json())
        cmd.print({{"value", utf8(needle.text)},
                   {"read_as", utf8(needle.describe())},
                   {"scope", utf8(leading)},
                   {"hits", hits},
                   {"not_searched", skipped},
                   {"failed", failed}},
                  {});
    else
        std::fprintf(stderr, "(%lld row%s in %lld database%s%s)\n", static_cast<long long>(found), found == 1 ? "" : "s",
                     static_cast<long long>(targets.size()), targets.size() == 1 ? "" : "s",
                     failures ? qPrintable(QStringLiteral("; %1 not searched").arg(failures)) : "");
    // Every database asked failed: nothing was searched.
    return failures > 0 && failures == targets.size() ? Failed : Ok;
}

} // namespace statescope::cli
