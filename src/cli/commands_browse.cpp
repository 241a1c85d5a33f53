// tables, rows, query: any table and any read-only query, as the table browser and the SQL
// console show them (core/browse).
#include "interrupt.h"
#include "jsonoutput.h"
#include "output.h"

#include "core/browse/resultformat.h"
#include "core/browse/console.h"
#include "core/browse/rows.h"
#include "core/browse/schema.h"
#include "core/format.h"

#include <cstdio>

namespace statescope::cli {

namespace {

using namespace statescope::browse;

void addDb(Command &cmd)
{
    cmd.parser().addOption({QStringLiteral("db"), QStringLiteral("The database (conninfo or URI)."),
                            QStringLiteral("CONN")});
}

nlohmann::json cell(const std::optional<QByteArray> &v)
{
    return v ? textJson(*v) : nlohmann::json(nullptr);
}

void out(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
}

nlohmann::json relationJson(const RelationInfo &r)
{
    nlohmann::json j = {{"schema", utf8(r.schema)},
                        {"name", utf8(r.name)},
                        {"kind", utf8(RelationInfo::kindName(r.kind))},
                        {"estimated_rows", r.estimatedRows < 0 ? nlohmann::json(nullptr)
                                                               : nlohmann::json(qint64(r.estimatedRows))},
                        {"size_bytes", r.sizeBytes},
                        {"row_security", r.rowSecurity}};
    if (!r.partitionBounds.isEmpty())
        j["bounds"] = utf8(r.partitionBounds);
    if (!r.foreignServer.isEmpty())
        j["foreign_server"] = utf8(r.foreignServer);
    if (!r.partitions.isEmpty()) {
        j["partitions"] = nlohmann::json::array();
        for (const RelationInfo &p : r.partitions)
            j["partitions"].push_back(relationJson(p));
    }
    return j;
}

int tables(const QStringList &args)
{
    Command cmd(QStringLiteral("tables"),
                QStringLiteral("The database's schemas and their tables (partitions under their "
                               "parent), views and materialized views, with the planner's row "
                               "estimate and the size on disk."));
    addDb(cmd);
    cmd.parser().addOption({QStringLiteral("schema"), QStringLiteral("Only this schema."), QStringLiteral("S")});
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly);
    const QString only = cmd.parser().value(QStringLiteral("schema"));
    nlohmann::json doc = nlohmann::json::array();
    QStringList lines;
    bool found = only.isEmpty();
    for (const SchemaInfo &s : readSchemaTree(*conn)) {
        if (!only.isEmpty() && s.name != only)
            continue;
        found = true;
        nlohmann::json schema = {{"schema", utf8(s.name)}, {"relations", nlohmann::json::array()}};
        for (const RelationInfo &r : s.relations) {
            schema["relations"].push_back(relationJson(r));
            auto line = [&lines](const RelationInfo &x, const QString &indent) {
                // A foreign partition's rows, and their size, are on its server.
                lines << (x.foreignServer.isEmpty()
                              ? QStringLiteral("%1%2  %3  %4 rows  %5")
                                    .arg(indent, x.qualified(), RelationInfo::kindName(x.kind))
                                    .arg(x.estimatedRows < 0 ? QStringLiteral("?")
                                                             : QString::number(qint64(x.estimatedRows)))
                                    .arg(format::bytes(x.sizeBytes, true))
                              : QStringLiteral("%1%2  %3  on foreign server %4")
                                    .arg(indent, x.qualified(), RelationInfo::kindName(x.kind), x.foreignServer))
                         + (x.partitionBounds.isEmpty() ? QString() : QStringLiteral("  ") + x.partitionBounds);
            };
            line(r, QString());
            for (const RelationInfo &p : r.partitions)
                line(p, QStringLiteral("  "));
        }
        doc.push_back(schema);
    }
    if (!found)
        throw Error::invalidInput(QStringLiteral("There is no schema \"%1\" in %2.").arg(only, conn->database()),
                                  QStringLiteral("statescope-cli tables --db CONN lists them."));
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int rows(const QStringList &args)
{
    Command cmd(QStringLiteral("rows"),
                QStringLiteral("Rows of a table or view, a page at a time by its key (no OFFSET): "
                               "--after continues after the key the last page ended on. A relation "
                               "without a key is read forward from its start."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("table"), QStringLiteral("schema.table (public when no schema)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("where-col"), QStringLiteral("A column to filter on; pairs with the --eq that follows."),
                 QStringLiteral("C")});
    p.addOption({QStringLiteral("eq"), QStringLiteral("The value the --where-col must equal (compared as its type)."),
                 QStringLiteral("V")});
    p.addOption({QStringLiteral("sort"), QStringLiteral("An indexed column to order by (the key breaks ties)."),
                 QStringLiteral("C")});
    p.addOption({QStringLiteral("desc"), QStringLiteral("Descending order.")});
    p.addOption({QStringLiteral("after"), QStringLiteral("Continue after this key: a JSON array of the key's "
                                                         "columns, as \"next\" printed it (with --sort, "
                                                         "the sort value first)."),
                 QStringLiteral("KEY")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("Rows per page (1 to 100000, default 100)."), QStringLiteral("N")});
    cmd.parse(args);
    const auto name = parseQualifiedName(cmd.required(QStringLiteral("table")));
    if (!name)
        throw Error::invalidInput(QStringLiteral("--table \"%1\" is not a table name.")
                                      .arg(p.value(QStringLiteral("table"))));
    const QStringList cols = p.values(QStringLiteral("where-col"));
    const QStringList eqs = p.values(QStringLiteral("eq"));
    if (cols.size() != eqs.size())
        throw Error::invalidInput(QStringLiteral("Give each --where-col its --eq value."));
    const int limit = int(cmd.integer(QStringLiteral("limit"), 100, 1, 100000));
    QList<Filter> filters;
    for (int i = 0; i < cols.size(); ++i)
        filters.append({cols[i], Filter::Op::Equals, eqs[i]});
    Order order{p.value(QStringLiteral("sort")), p.isSet(QStringLiteral("desc"))};

    CancelToken token;
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly, &token);
    RowSource src(*conn, readPagingDetails(*conn, name->first, name->second));
    src.check(filters, order);
    src.checkValues(filters);
    InterruptGuard guard(token);
    QList<Row> got;
    if (src.keyed()) {
        std::optional<Position> from;
        if (p.isSet(QStringLiteral("after"))) {
            QString after = p.value(QStringLiteral("after"));
            const bool sorted = !order.column.isEmpty()
                                && !(src.details().key.size() == 1 && src.details().key.first() == order.column);
            if (sorted) {
                // [sort value, key...]: the sort value may be null.
                const auto j = nlohmann::json::parse(after.toStdString(), nullptr, false);
                if (j.is_discarded() || !j.is_array() || j.empty())
                    throw Error::invalidInput(QStringLiteral("--after takes a JSON array: the sort value, then the key."));
                std::optional<QByteArray> sv;
                if (!j[0].is_null())
                    sv = QByteArray::fromStdString(j[0].is_string() ? j[0].get<std::string>() : j[0].dump());
                nlohmann::json rest(j.begin() + 1, j.end());
                Position pos = src.parseKey(QString::fromStdString(rest.dump()));
                pos.sortValue = sv;
                from = pos;
            } else {
                from = src.parseKey(after);
            }
        }
        got = src.page(filters, order, from, false, limit);
    } else {
        if (p.isSet(QStringLiteral("after")))
            throw Error::invalidInput(QStringLiteral("%1 has no key, so there is nothing to continue after: "
                                                     "raise --limit, or use query.")
                                          .arg(src.details().relation.qualified()));
        const auto [sql, params] = src.selectAll(filters, order);
        QueryCursor cursor(*conn, sql, params);
        got = src.readRows(cursor.next(limit), 0);
    }
    // Values typed as every command writes rows (docs/CLI.md, "Rows for programs").
    namespace rf = browse::resultformat;
    nlohmann::json doc = {{"table", utf8(src.details().relation.qualified())},
                          {"key", nlohmann::json::array()},
                          {"columns", nlohmann::json::array()}};
    for (const QString &k : src.details().key)
        doc["key"].push_back(utf8(k));
    QStringList given;
    QList<rf::ColumnShape> shapes;
    for (const ColumnInfo &c : src.details().columns) {
        doc["columns"].push_back({{"name", utf8(c.name)}, {"type", utf8(c.type)}});
        given << c.name;
        shapes << rf::shapeOf(c.typeOid);
    }
    const QStringList names = rf::uniqueNames(given);
    QByteArray text = rf::textLine(rf::headerCells(names));
    std::string rowsJson = "[";
    for (const Row &r : got) {
        bool invalid = false;
        std::vector<std::string> values = rf::jsonValues(shapes, r.cells, &invalid);
        // A value cut for the page (past Row::kCellChars) is no whole number, document or
        // array: it is written as the text it is.
        for (size_t c = 0; c < r.cut.size() && c < values.size(); ++c)
            if (r.cut[c] && r.cells[c])
                values[c] = rf::jsonString(*r.cells[c], &invalid);
        rowsJson += (rowsJson.size() > 1 ? ",\n    " : "\n    ") + rf::objectLine(names, values, invalid);
        text += rf::textLine(r.cells);
    }
    rowsJson += got.empty() ? "]" : "\n  ]";
    nlohmann::json next(nullptr);
    if (src.keyed() && got.size() == limit) {
        next = nlohmann::json::array();
        if (!order.column.isEmpty()
            && !(src.details().key.size() == 1 && src.details().key.first() == order.column))
            next.push_back(cell(got.last().sortValue));
        for (const QByteArray &k : got.last().key)
            next.push_back(k.toStdString());
    }
    doc["next"] = next;
    if (cmd.json()) {
        out(QByteArray::fromStdString(withRaw(doc, {{"rows", QByteArray::fromStdString(rowsJson)}})));
        return Ok;
    }
    if (!next.is_null())
        text += "-- more: --after '" + QByteArray::fromStdString(dumpJson(next)) + "'\n";
    out(text);
    return Ok;
}

int query(const QStringList &args)
{
    Command cmd(QStringLiteral("query"),
                QStringLiteral("Runs SQL read-only, each statement in a READ ONLY transaction of its "
                               "own, and streams the rows (a server-side cursor: the first rows at "
                               "once, memory flat whatever the row count). Text: COPY's text format (tab-separated, \\N for "
                               "NULL) with a header line; --csv: COPY's CSV (NULL empty, the empty string \"\"); "
                               "--json: one object per row (JSON Lines), values typed (docs/CLI.md)."));
    addDb(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("sql"), QStringLiteral("The statement(s); separate several with ';'."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("CSV with a header line.")});
    p.addOption({QStringLiteral("timeout-ms"), QStringLiteral("statement_timeout for each statement (default 0: none)."),
                 QStringLiteral("N")});
    addFamilyOptions(cmd);
    p.addOption({QStringLiteral("parallel"),
                 QStringLiteral("With --prefix: weeks run at once (1..16, default 2)."), QStringLiteral("N")});
    cmd.parse(args);
    const QString sql = cmd.required(QStringLiteral("sql"));
    const int timeout = int(cmd.integer(QStringLiteral("timeout-ms"), 0, 0, 86'400'000));
    const bool csv = p.isSet(QStringLiteral("csv"));
    if (csv && cmd.json())
        throw Error::invalidInput(QStringLiteral("Give --csv or --json, not both."));
    if (p.isSet(QStringLiteral("prefix"))) {
        if (p.isSet(QStringLiteral("db")))
            throw Error::invalidInput(QStringLiteral("Give --db (one database) or --server and --prefix (a family), "
                                                     "not both."));
        return runFamilyQuery(cmd, sql, timeout, int(cmd.integer(QStringLiteral("parallel"), 2, 1, 16)), csv);
    }
    const QList<ScriptStatement> statements = splitScript(sql);
    if (statements.isEmpty())
        throw Error::invalidInput(QStringLiteral("--sql holds no statement."));
    CancelToken token;
    auto conn = cmd.open(QStringLiteral("db"), pg::Connection::Access::ReadOnly, &token);
    InterruptGuard guard(token);
    // Each statement's names and shapes, fixed by its first result (docs/CLI.md, "Rows for
    // programs"): names made unique, values typed in JSON, COPY's CSV and text formats.
    namespace rf = browse::resultformat;
    QStringList names;
    QList<rf::ColumnShape> shapes;
    auto printRows = [&](const pg::Result &r, bool header) {
        QByteArray text;
        if (header) {
            QStringList given;
            QList<unsigned> types;
            for (int c = 0; c < r.columnCount(); ++c) {
                given << r.columnName(c);
                types << r.columnType(c);
            }
            names = rf::uniqueNames(given);
            shapes = rf::shapesOf(types);
            if (!cmd.json())
                text += csv ? rf::csvLine(rf::headerCells(names)) : rf::textLine(rf::headerCells(names));
        }
        if (!cmd.json()) {
            // Straight from the result into the output: no copy per value.
            std::vector<std::optional<QByteArrayView>> views(size_t(r.columnCount()));
            for (int i = 0; i < r.rowCount(); ++i) {
                for (int c = 0; c < r.columnCount(); ++c)
                    views[size_t(c)] = r.isNull(i, c) ? std::nullopt : std::optional<QByteArrayView>(r.view(i, c));
                csv ? rf::appendCsvLine(text, views) : rf::appendTextLine(text, views);
            }
            out(text);
            return;
        }
        std::vector<std::optional<QByteArray>> cells(size_t(r.columnCount()));
        for (int i = 0; i < r.rowCount(); ++i) {
            for (int c = 0; c < r.columnCount(); ++c)
                cells[size_t(c)] = r.isNull(i, c) ? std::nullopt : std::optional<QByteArray>(r.bytes(i, c));
            bool invalid = false;
            const std::vector<std::string> values = rf::jsonValues(shapes, cells, &invalid);
            text += QByteArray::fromStdString(rf::objectLine(names, values, invalid)) + '\n';
        }
        out(text);
    };
    for (const ScriptStatement &st : statements) {
        if (classify(st.text) == StatementKind::Query) {
            QueryCursor cursor(*conn, st.text, {}, timeout, QueryCursor::Origin::User);
            bool first = true;
            qint64 rows = 0;
            for (;;) {
                // A first page soon, then bigger ones: fewer round trips on a long result.
                const pg::Result r = cursor.next(first ? 1000 : 10000);
                printRows(r, first);
                first = false;
                rows += r.rowCount();
                std::fflush(stdout);
                if (cursor.total())
                    break;
            }
            if (!cmd.json() && !csv)
                std::fprintf(stderr, "(%lld row%s)\n", static_cast<long long>(rows), rows == 1 ? "" : "s");
        } else {
            const CommandResult r = Console::runCommand(*conn, st.text, timeout);
            if (r.result.columnCount() > 0)
                printRows(r.result, true);
            if (cmd.json() && r.result.columnCount() == 0)
                out(QByteArray::fromStdString(dumpJson(nlohmann::json{{"tag", utf8(r.tag)}})) + '\n');
            else if (!cmd.json() && !csv)
                std::fprintf(stderr, "%s\n", qPrintable(r.tag));
        }
    }
    return Ok;
}

} // namespace

int runBrowse(const QString &group, const QStringList &args)
{
    if (group == QLatin1String("tables"))
        return tables(args);
    if (group == QLatin1String("rows"))
        return !args.isEmpty() && args.first() == QLatin1String("diff") ? runRowsDiff(args.mid(1)) : rows(args);
    return query(args);
}

} // namespace statescope::cli
