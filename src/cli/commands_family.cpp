// What is asked of one week, asked of the family: the options naming a family (on one server
// or several), and `query --prefix`.
#include "interrupt.h"
#include "output.h"

#include "core/browse/familyquery.h"
#include "core/task/canceltoken.h"

#include <cstdio>

namespace statescope::cli {

void addFamilyOptions(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("server"),
                            QStringLiteral("A server holding weeks of the family: conninfo, URI or service=NAME. "
                                           "Repeat it for a family whose weeks live on several servers."),
                            QStringLiteral("CONN")});
    cmd.parser().addOption({QStringLiteral("prefix"), QStringLiteral("The weekly family (<prefix>_YYYY_wNN)."),
                            QStringLiteral("P")});
    cmd.parser().addOption({QStringLiteral("weeks"),
                            QStringLiteral("ISO weeks, e.g. 2025-W01,2025-W02 (default: every week)."),
                            QStringLiteral("LIST")});
}

weekly::Family familyFrom(const Command &cmd, QList<weekly::FamilyWeek> *selected, weekly::Family::Depth depth)
{
    const auto &p = cmd.parser();
    const QString prefix = cmd.required(QStringLiteral("prefix"));
    weekly::validatePrefix(prefix);
    QStringList weeks;
    if (p.isSet(QStringLiteral("weeks"))) {
        weeks = p.value(QStringLiteral("weeks")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (weeks.isEmpty())
            throw Error::invalidInput(QStringLiteral("--weeks names no week."));
        for (const QString &w : weeks)
            weekly::WeeklyName::fromIsoWeek(prefix, w.trimmed()); // the form, before connecting
    }
    const QStringList servers = p.values(QStringLiteral("server"));
    if (servers.isEmpty())
        cmd.required(QStringLiteral("server"));
    QList<weekly::Family::Source> sources;
    for (const QString &s : servers)
        sources.append({{}, connectionFrom(s), {}});
    const weekly::Family family = weekly::Family::list(sources, prefix, nullptr, depth);
    if (selected)
        *selected = weeks.isEmpty() ? family.weeks() : family.select(weeks);
    return family;
}

int runFamilyQuery(const Command &cmd, const QString &sql, int timeoutMs, int parallel, bool csv)
{
    browse::FamilyQuery::Options options;
    options.parallelism = parallel;
    options.timeoutMs = timeoutMs;
    browse::FamilyQuery::check(sql, options);
    QList<weekly::FamilyWeek> weeks;
    // Each week is connected to by the query itself: its schema state is not needed first.
    const weekly::Family family = familyFrom(cmd, &weeks, weekly::Family::Depth::Names);
    const QList<browse::FamilyQuery::Target> targets = browse::FamilyQuery::targetsOf(weeks);
    return streamQuery(cmd, targets, QStringLiteral("week"), family.spansServers(), sql, options, csv);
}

int streamQuery(const Command &cmd, const QList<browse::FamilyQuery::Target> &targets, const QString &leading,
                bool withServer, const QString &sql, const browse::FamilyQuery::Options &options, bool csv)
{
    namespace rf = browse::resultformat;
    browse::FamilyColumns columns(withServer, leading);
    const bool json = cmd.json();
    const std::string lead = utf8(leading);
    qint64 total = 0;
    int failed = 0;
    const auto write = [](const QByteArray &text) {
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        std::fflush(stdout);
    };
    const auto sink = [&](const browse::FamilyBatch &b) {
        const QString label = b.label.isEmpty() ? b.database : b.label;
        switch (b.kind) {
        case browse::FamilyBatch::Kind::Started:
            break;
        case browse::FamilyBatch::Kind::Rows: {
            QByteArray text;
            if (!columns.isSet()) {
                columns.setFrom(b.columns, b.types);
                if (!json)
                    text += csv ? rf::csvLine(rf::headerCells(columns.header()))
                                : rf::textLine(rf::headerCells(columns.header()));
            }
            const QStringList names = columns.header();
            const QList<rf::ColumnShape> shapes = columns.shapes();
            QStringList dropped;
            for (size_t r = 0; r < b.rows.size(); ++r) {
                const auto cells = columns.place(b, r, &dropped);
                if (json) {
                    bool invalid = false;
                    const std::vector<std::string> values = rf::jsonValues(shapes, cells, &invalid);
                    text += QByteArray::fromStdString(rf::objectLine(names, values, invalid)) + '\n';
                } else {
                    text += csv ? rf::csvLine(cells) : rf::textLine(cells);
                }
            }
            write(text);
            if (!dropped.isEmpty())
                std::fprintf(stderr, "statescope-cli: warning: %s: columns not in the first result, left out: %s\n",
                             qPrintable(label), qPrintable(dropped.join(QStringLiteral(", "))));
            break;
        }
        case browse::FamilyBatch::Kind::Done:
            total += b.rowsSoFar;
            std::fprintf(stderr, "%s: %lld row(s) in %.0f ms\n", qPrintable(label),
                         static_cast<long long>(b.rowsSoFar), b.elapsedMs);
            break;
        case browse::FamilyBatch::Kind::Failed:
        case browse::FamilyBatch::Kind::Unavailable:
            ++failed;
            // A week's failure is a row of the result too, and the others go on. Rows it sent
            // before failing are in the output already: counted here, never in the total.
            if (json)
                write(QByteArray::fromStdString(dumpJson({{lead, utf8(label)},
                                                          {"server", utf8(b.server)},
                                                          {"error", utf8(b.error)},
                                                          {"sqlstate", utf8(b.sqlstate)},
                                                          {"rows_sent", b.rowsSoFar}}))
                      + '\n');
            if (b.rowsSoFar > 0)
                std::fprintf(stderr, "statescope-cli: %s: failed after %lld row(s), which are in the output: %s\n",
                             qPrintable(label), static_cast<long long>(b.rowsSoFar), qPrintable(b.error));
            else
                std::fprintf(stderr, "statescope-cli: %s: %s\n", qPrintable(label), qPrintable(b.error));
            break;
        }
        return true;
    };
    CancelToken token;
    InterruptGuard guard(token);
    browse::FamilyQuery::run(targets, sql, options, sink, token);
    std::fprintf(stderr, "(%lld row(s) from %lld %s(s)%s)\n", static_cast<long long>(total),
                 static_cast<long long>(targets.size() - failed), qPrintable(leading),
                 failed ? qPrintable(QStringLiteral(", %1 failed").arg(failed)) : "");
    // Every week failing fails the command; a shard missing fails it too (its rows are not there).
    return failed > 0 && (failed == targets.size() || leading != QLatin1String("week")) ? Failed : Ok;
}

} // namespace statescope::cli
