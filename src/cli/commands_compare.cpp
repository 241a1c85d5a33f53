// rows diff: one table (or one kind of game data) compared between two databases, row by row.
#include "interrupt.h"
#include "output.h"

#include "core/browse/datacompare.h"
#include "core/browse/differencefile.h"
#include "core/events/apichange.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"

#include <QFile>

#include <cstdio>

namespace statescope::cli {

namespace {

QString cut(const std::optional<QByteArray> &v, int max = 60)
{
    if (!v)
        return QStringLiteral("NULL");
    QString s = QString::fromUtf8(*v);
    if (s.size() > max)
        s = s.left(max) + QStringLiteral("…");
    return s;
}

} // namespace

int runRowsDiff(const QStringList &args)
{
    Command cmd(QStringLiteral("rows diff"),
                QStringLiteral("One table (or one kind of game data) compared between two databases, on one server or "
                               "two, matched by its key: counts of added, removed, changed and same rows, and the rows "
                               "that differ with the changed columns named. Both sides are read in key order and "
                               "merged as they stream: memory stays flat whatever the size."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("A database (give two: the second is compared to the first)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("table"), QStringLiteral("schema.table (public when no schema)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("kind"),
                 QStringLiteral("Or a kind of game data through each side's layout: snapshots (by tick), games (by id), "
                                "plays (by game and number), save_snapshots (the newest per player), api_events (the "
                                "newest per request key)."),
                 QStringLiteral("K")});
    p.addOption({QStringLiteral("key"), QStringLiteral("Key columns, comma-separated (default: the primary key)."),
                 QStringLiteral("C,...")});
    p.addOption({QStringLiteral("values"),
                 QStringLiteral("How values are told apart: sql (default: as SQL's = does for numeric 1.0 = 1.00, "
                                "float -0 = 0, interval 1 day = 24:00:00 and jsonb by value, in arrays, ranges and "
                                "domains too; other types as printed) or text (as printed, byte for byte)."),
                 QStringLiteral("RULE")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("Differences printed (default 20; 0: counts only)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("format"), QStringLiteral("With --out: csv or jsonl."), QStringLiteral("F")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Write every difference to this file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Replace --out when it exists.")});
    cmd.parse(args);
    const QStringList dbs = p.values(QStringLiteral("db"));
    if (dbs.size() != 2)
        throw Error::invalidInput(QStringLiteral("Give --db twice: the first side and the second."));
    const int limit = int(cmd.integer(QStringLiteral("limit"), 20, 0, 1'000'000));
    browse::DataCompare::Options options;
    options.table = p.value(QStringLiteral("table"));
    if (p.isSet(QStringLiteral("kind"))) {
        options.kind = layout::kindFromKey(p.value(QStringLiteral("kind")));
        if (!options.kind)
            throw Error::invalidInput(QStringLiteral("Unknown kind \"%1\".").arg(p.value(QStringLiteral("kind"))),
                                      QStringLiteral("Kinds: snapshots, games, plays, save_snapshots, api_events."));
    }
    if (p.isSet(QStringLiteral("key")))
        for (const QString &k : p.value(QStringLiteral("key")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.key << k.trimmed();
    const QString values = p.value(QStringLiteral("values")).toLower();
    if (!values.isEmpty() && values != QLatin1String("sql") && values != QLatin1String("text"))
        throw Error::invalidInput(QStringLiteral("Unknown --values \"%1\".").arg(p.value(QStringLiteral("values"))),
                                  QStringLiteral("--values is sql or text."));
    if (values == QLatin1String("text"))
        options.values = browse::DataCompare::Options::Values::Text;
    const QString outPath = p.value(QStringLiteral("out"));
    const QString format = p.value(QStringLiteral("format")).toLower();
    if (!outPath.isEmpty() && format != QLatin1String("csv") && format != QLatin1String("jsonl"))
        throw Error::invalidInput(QStringLiteral("--out needs --format csv or jsonl."));
    if (outPath.isEmpty() && p.isSet(QStringLiteral("format")))
        throw Error::invalidInput(QStringLiteral("--format goes with --out."));
    if (!outPath.isEmpty() && QFile::exists(outPath) && !p.isSet(QStringLiteral("force")))
        throw Error::invalidInput(QStringLiteral("%1 exists; --force replaces it.").arg(outPath));
    const pg::ConnectionSettings from = connectionFrom(dbs[0]);
    const pg::ConnectionSettings to = connectionFrom(dbs[1]);
    CancelToken token;
    InterruptGuard guard(token);
    const browse::DataCompare::Plan plan = browse::DataCompare::plan(from, to, options, &token);

    // Written as it streams, under a temporary name: a cancelled run leaves no file.
    std::unique_ptr<browse::DifferenceFile> file;
    if (!outPath.isEmpty())
        file = std::make_unique<browse::DifferenceFile>(
            outPath, format == QLatin1String("jsonl") ? browse::DifferenceFile::Format::JsonLines : browse::DifferenceFile::Format::Csv,
            plan);
    nlohmann::json shown = nlohmann::json::array();
    QStringList lines;
    const auto sink = [&](const browse::RowDifference &d) {
        if (file && !file->write(d))
            throw Error(Error::Kind::Environment, QStringLiteral("Cannot write %1.").arg(outPath));
        if (int(shown.size()) >= limit)
            return true;
        shown.push_back(browse::DifferenceFile::toJson(plan, d));
        QStringList key;
        for (const QByteArray &k : d.key)
            key << QString::fromUtf8(k);
        QString line = QStringLiteral("%1 [%2]").arg(d.type == browse::RowDifference::Type::Added     ? QStringLiteral("+")
                                                     : d.type == browse::RowDifference::Type::Removed ? QStringLiteral("-")
                                                                                                      : QStringLiteral("~"),
                                                     key.join(QStringLiteral(", ")));
        if (d.type == browse::RowDifference::Type::Changed)
            for (int c : d.changed)
                line += QStringLiteral("  %1: %2 -> %3").arg(plan.columns[c], cut(d.from[size_t(c)]), cut(d.to[size_t(c)]));
        lines << line;
        return true;
    };
    const browse::DataCompare::Counts counts = browse::DataCompare::run(plan, from, to, sink, token);
    if (file)
        file->commit();
    const auto list = [](const QStringList &items) {
        nlohmann::json a = nlohmann::json::array();
        for (const QString &i : items)
            a.push_back(utf8(i));
        return a;
    };
    nlohmann::json doc = {{"relation", utf8(plan.name)},
                          {"from", utf8(from.database())},
                          {"to", utf8(to.database())},
                          {"key", list(plan.key)},
                          {"columns", list(plan.columns)},
                          {"only_from", list(plan.onlyFrom)},
                          {"only_to", list(plan.onlyTo)},
                          {"type_differs", list(plan.typeDiffers)},
                          {"values", plan.values == browse::DataCompare::Options::Values::Text ? "text" : "sql"},
                          {"values_rule", utf8(plan.valuesRule())},
                          {"missing_on", plan.missingOn.isEmpty() ? nlohmann::json() : nlohmann::json(utf8(plan.missingOn))},
                          {"added", counts.added},
                          {"removed", counts.removed},
                          {"changed", counts.changed},
                          {"same", counts.same},
                          {"differences", shown}};
    QStringList head{QStringLiteral("%1, %2 -> %3: %4 added, %5 removed, %6 changed, %7 the same")
                         .arg(plan.name, from.database(), to.database())
                         .arg(counts.added)
                         .arg(counts.removed)
                         .arg(counts.changed)
                         .arg(counts.same)};
    if (!plan.missingOn.isEmpty())
        head << QStringLiteral("(%1 is not in %2)").arg(plan.name, plan.missingOn == QLatin1String("from") ? from.database() : to.database());
    if (!plan.onlyFrom.isEmpty() || !plan.onlyTo.isEmpty())
        head << QStringLiteral("(not compared: %1)").arg((plan.onlyFrom + plan.onlyTo).join(QStringLiteral(", ")));
    head << QStringLiteral("(%1)").arg(plan.valuesRule());
    if (counts.differences() > qint64(shown.size()) && limit > 0)
        lines << QStringLiteral("... %1 more").arg(counts.differences() - qint64(shown.size()));
    cmd.print(doc, (head + lines).join(QLatin1Char('\n')));
    return Ok;
}

int runEventsChanges(const QStringList &args)
{
    Command cmd(QStringLiteral("events changes"),
                QStringLiteral("How the game's API changed between two resets: per endpoint the counts and error rates, "
                               "and the payloads' shape (every JSON path with its types, from the newest payloads or "
                               "all of them) added, removed or changed, with an example event on each side."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("db"), QStringLiteral("A week's database (give two: the earlier, then the later)."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("sample"), QStringLiteral("Newest successful payloads read per endpoint (default 200)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Read every successful payload (slower).")});
    cmd.parse(args);
    const QStringList dbs = p.values(QStringLiteral("db"));
    if (dbs.size() != 2)
        throw Error::invalidInput(QStringLiteral("Give --db twice: the earlier week and the later one."));
    if (p.isSet(QStringLiteral("all")) && p.isSet(QStringLiteral("sample")))
        throw Error::invalidInput(QStringLiteral("Give --sample or --all, not both."));
    const int sample = p.isSet(QStringLiteral("all")) ? 0 : int(cmd.integer(QStringLiteral("sample"), 200, 1, 1'000'000));
    CancelToken token;
    InterruptGuard guard(token);
    QList<events::EndpointShape> shapes[2];
    QString names[2];
    for (int i = 0; i < 2; ++i) {
        const pg::ConnectionSettings settings = connectionFrom(dbs[i]);
        auto conn = pg::Connection::open(settings, pg::Connection::Access::ReadOnly, &token);
        if (cmd.isLayoutSet())
            layout::applyFile(*conn, p.value(QStringLiteral("layout")));
        names[i] = conn->database();
        shapes[i] = events::ApiChange::read(*conn, sample);
    }
    const QList<events::EndpointChange> changes = events::ApiChange::compare(shapes[0], shapes[1]);
    nlohmann::json doc = {{"from", utf8(names[0])}, {"to", utf8(names[1])}, {"sample", sample}, {"endpoints", nlohmann::json::array()}};
    QStringList lines{QStringLiteral("%1 -> %2 (%3)").arg(names[0], names[1],
                                                          sample ? QStringLiteral("the newest %1 payloads per endpoint").arg(sample)
                                                                 : QStringLiteral("every payload"))};
    for (const events::EndpointChange &c : changes) {
        nlohmann::json shape = nlohmann::json::array();
        for (const events::ShapeChange &s : c.shape) {
            const auto types = [](const QStringList &t) {
                nlohmann::json a = nlohmann::json::array();
                for (const QString &x : t)
                    a.push_back(utf8(x));
                return a;
            };
            shape.push_back({{"change", utf8(events::ShapeChange::typeName(s.type))},
                             {"path", utf8(s.path)},
                             {"from_types", types(s.fromTypes)},
                             {"to_types", types(s.toTypes)},
                             {"from_example", s.fromExample ? nlohmann::json(s.fromExample) : nlohmann::json()},
                             {"to_example", s.toExample ? nlohmann::json(s.toExample) : nlohmann::json()}});
        }
        doc["endpoints"].push_back({{"endpoint", utf8(c.endpoint)},
                                    {"status", c.status()},
                                    {"from_events", c.fromEvents},
                                    {"to_events", c.toEvents},
                                    {"from_error_rate", c.fromErrorRate()},
                                    {"to_error_rate", c.toErrorRate()},
                                    {"from_sampled", c.fromSampled},
                                    {"to_sampled", c.toSampled},
                                    {"shape", shape}});
        lines << QStringLiteral("%1  %2 -> %3 events, errors %4% -> %5%%6")
                     .arg(c.endpoint, -36)
                     .arg(c.fromEvents)
                     .arg(c.toEvents)
                     .arg(c.fromErrorRate() * 100, 0, 'f', 1)
                     .arg(c.toErrorRate() * 100, 0, 'f', 1)
                     .arg(c.isNew()    ? QStringLiteral(", NEW endpoint")
                          : c.isGone() ? QStringLiteral(", GONE (not called in the second week)")
                          : c.shape.isEmpty() ? QString()
                                              : QStringLiteral(", %1 shape change(s)").arg(c.shape.size()));
        for (const events::ShapeChange &s : c.shape)
            lines << QStringLiteral("    %1 %2  %3 -> %4  (e.g. event %5 / %6)")
                         .arg(s.type == events::ShapeChange::Type::Added     ? QStringLiteral("+")
                              : s.type == events::ShapeChange::Type::Removed ? QStringLiteral("-")
                                                                             : QStringLiteral("~"),
                              s.path, s.fromTypes.join(QLatin1Char('|')), s.toTypes.join(QLatin1Char('|')),
                              s.fromExample ? QString::number(s.fromExample) : QStringLiteral("-"),
                              s.toExample ? QString::number(s.toExample) : QStringLiteral("-"));
    }
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

} // namespace statescope::cli
