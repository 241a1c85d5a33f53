#include "console.h"

#include "core/audit/auditlog.h"
#include "core/browse/usertransaction.h"
#include "core/error.h"

#include <QRegularExpression>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace statescope::browse {

namespace {

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Skips white space and comments from i; returns the index of the first other character.
qsizetype skipBlank(const QString &s, qsizetype i)
{
    const qsizetype n = s.size();
    while (i < n) {
        if (s[i].isSpace()) {
            ++i;
        } else if (s[i] == QLatin1Char('-') && i + 1 < n && s[i + 1] == QLatin1Char('-')) {
            while (i < n && s[i] != QLatin1Char('\n'))
                ++i;
        } else if (s[i] == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('*')) {
            int depth = 1;
            i += 2;
            while (i < n && depth > 0) {
                if (s[i] == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('*')) {
                    ++depth;
                    i += 2;
                } else if (s[i] == QLatin1Char('*') && i + 1 < n && s[i + 1] == QLatin1Char('/')) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else {
            break;
        }
    }
    return i;
}

// The statement with strings, quoted names and comments replaced by spaces: what is left
// are keywords, names and operators.
QString keywordsOnly(const QString &s)
{
    QString out = s;
    qsizetype i = 0;
    while (i < out.size()) {
        const QChar c = out[i];
        qsizetype end = i;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            end = out.indexOf(c, i + 1);
            end = end < 0 ? out.size() : end + 1;
        } else if (out.mid(i, 2) == QLatin1String("--") || out.mid(i, 2) == QLatin1String("/*")) {
            end = skipBlank(out, i);
        }
        if (end == i) {
            ++i;
            continue;
        }
        for (qsizetype k = i; k < end; ++k)
            out[k] = QLatin1Char(' ');
        i = end;
    }
    return out;
}

double num(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0;
}

QString text(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>())
                                                 : QString();
}

PlanNode readNode(const nlohmann::json &j)
{
    PlanNode n;
    n.type = text(j, "Node Type");
    QStringList detail;
    if (const QString rel = text(j, "Relation Name"); !rel.isEmpty())
        detail << QStringLiteral("on %1%2")
                      .arg(text(j, "Schema").isEmpty() ? QString() : text(j, "Schema") + QLatin1Char('.'), rel);
    if (const QString index = text(j, "Index Name"); !index.isEmpty())
        detail << QStringLiteral("using %1").arg(index);
    for (const char *key : {"Join Type", "Hash Cond", "Merge Cond", "Index Cond", "Filter",
                            "Sort Key", "Group Key", "Strategy"}) {
        if (!j.contains(key))
            continue;
        const auto &v = j[key];
        QString value = v.is_string() ? QString::fromStdString(v.get<std::string>())
                        : v.is_array() ? [&] {
                              QStringList parts;
                              for (const auto &x : v)
                                  parts << (x.is_string() ? QString::fromStdString(x.get<std::string>())
                                                          : QString::fromStdString(x.dump()));
                              return parts.join(QStringLiteral(", "));
                          }()
                                       : QString::fromStdString(v.dump());
        detail << QStringLiteral("%1: %2").arg(QLatin1String(key), value);
    }
    n.detail = detail.join(QStringLiteral("; "));
    n.startupCost = num(j, "Startup Cost");
    n.totalCost = num(j, "Total Cost");
    n.planRows = num(j, "Plan Rows");
    n.analyzed = j.contains("Actual Total Time");
    n.actualTotalMs = num(j, "Actual Total Time");
    n.actualRows = num(j, "Actual Rows");
    n.loops = num(j, "Actual Loops");
    if (j.contains("Plans") && j["Plans"].is_array())
        for (const auto &child : j["Plans"])
            n.children.push_back(readNode(child));
    // Its own share: the time (all loops) or cost, less its children's.
    double children = 0;
    for (const PlanNode &c : n.children)
        children += c.analyzed ? c.actualTotalMs * std::max(1.0, c.loops) : c.totalCost;
    n.self = std::max(0.0, (n.analyzed ? n.actualTotalMs * std::max(1.0, n.loops) : n.totalCost) - children);
    return n;
}

void markCostliest(PlanNode &root)
{
    PlanNode *best = nullptr;
    std::vector<PlanNode *> stack{&root};
    while (!stack.empty()) {
        PlanNode *n = stack.back();
        stack.pop_back();
        if (!best || n->self > best->self)
            best = n;
        for (PlanNode &c : n->children)
            stack.push_back(&c);
    }
    if (best)
        best->costliest = true;
}

void setTimeout(pg::Connection &conn, int timeoutMs)
{
    if (timeoutMs > 0)
        conn.exec(QStringLiteral("SELECT set_config('statement_timeout', $1, true)"),
                  {QString::number(timeoutMs)});
}

} // namespace

QList<ScriptStatement> splitScript(const QString &s)
{
    QList<ScriptStatement> out;
    const qsizetype n = s.size();
    qsizetype start = 0;
    auto finish = [&](qsizetype end) {
        const qsizetype first = skipBlank(s, start);
        if (first < end) {
            ScriptStatement st;
            st.text = s.mid(first, end - first).trimmed();
            st.offset = int(first);
            st.line = int(s.left(first).count(QLatin1Char('\n'))) + 1;
            out.append(st);
        }
        start = end + 1;
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = s[i];
        if (c == QLatin1Char('-') && i + 1 < n && s[i + 1] == QLatin1Char('-')) {
            while (i < n && s[i] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('*')) {
            i = skipBlank(s, i);
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // E'...' strings treat backslash as an escape; others only doubled quotes.
            const bool escapes = c == QLatin1Char('\'') && i > 0
                                 && (s[i - 1] == QLatin1Char('E') || s[i - 1] == QLatin1Char('e'))
                                 && (i < 2 || !isIdentChar(s[i - 2]));
            ++i;
            while (i < n) {
                if (escapes && s[i] == QLatin1Char('\\')) {
                    i += 2;
                } else if (s[i] == c) {
                    if (i + 1 < n && s[i + 1] == c)
                        i += 2;
                    else
                        break;
                } else {
                    ++i;
                }
            }
            ++i;
        } else if (c == QLatin1Char('$') && (i == 0 || !isIdentChar(s[i - 1]))) {
            // $tag$ ... $tag$ (a tag is empty or an identifier not starting with a digit).
            qsizetype j = i + 1;
            while (j < n && isIdentChar(s[j]))
                ++j;
            if (j < n && s[j] == QLatin1Char('$') && !(j > i + 1 && s[i + 1].isDigit())) {
                const QString tag = s.mid(i, j - i + 1);
                const qsizetype close = s.indexOf(tag, j + 1);
                i = close < 0 ? n : close + tag.size();
            } else {
                i = j;
            }
        } else if (c == QLatin1Char(';')) {
            finish(i);
            ++i;
        } else {
            ++i;
        }
    }
    if (start < n)
        finish(n);
    return out;
}

StatementKind classify(const QString &statement)
{
    qsizetype i = skipBlank(statement, 0);
    while (i < statement.size() && statement[i] == QLatin1Char('('))
        i = skipBlank(statement, i + 1);
    qsizetype j = i;
    while (j < statement.size() && statement[j].isLetter())
        ++j;
    const QString word = statement.mid(i, j - i).toLower();
    if (word == QLatin1String("select") || word == QLatin1String("values") || word == QLatin1String("table"))
        return StatementKind::Query;
    if (word == QLatin1String("with")) {
        // WITH ... SELECT is a query; a WITH that modifies data anywhere (its main statement
        // or a CTE) is a command: a cursor cannot hold it. Strings, quoted names and
        // comments are blanked out first, so only keywords count.
        const QString bare = keywordsOnly(statement);
        static const QRegularExpression dml(QStringLiteral("\\b(insert|update|delete|merge)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
        return dml.match(bare).hasMatch() ? StatementKind::Command : StatementKind::Query;
    }
    return StatementKind::Command;
}

PlanNode parsePlan(const QByteArray &json)
{
    const auto j = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (j.is_discarded() || !j.is_array() || j.empty() || !j[0].contains("Plan"))
        throw Error::invalidInput(Console::tr("The server did not return a plan."));
    PlanNode root = readNode(j[0]["Plan"]);
    markCostliest(root);
    return root;
}

CommandResult Console::runCommand(pg::Connection &conn, const QString &statement, int timeoutMs)
{
    // Read-only: nothing is kept, and what the statement leaves on the session is cleaned up.
    UserTransaction transaction(conn, statement, timeoutMs);
    CommandResult out;
    out.result = conn.exec(statement);
    out.tag = out.result.commandTag();
    return out;
}

PlanNode Console::explain(pg::Connection &conn, const QString &statement, bool analyze,
                          int timeoutMs, bool write)
{
    if (write && conn.isReadOnly())
        throw Error(Error::Kind::Internal, tr("EXPLAIN ANALYZE of a write needs a read-write connection."));
    const QString sql = QStringLiteral("EXPLAIN (FORMAT JSON%1) ")
                            .arg(analyze ? QStringLiteral(", ANALYZE, BUFFERS") : QString())
                        + statement;
    if (!write) {
        // ANALYZE runs the statement: read-only, guarded and cleaned up like any other.
        UserTransaction transaction(conn, statement, timeoutMs);
        return parsePlan(conn.exec(sql).bytes(0, 0));
    }
    conn.begin();
    try {
        setTimeout(conn, timeoutMs);
        const auto r = conn.exec(QStringLiteral("EXPLAIN (FORMAT JSON%1) ")
                                     .arg(analyze ? QStringLiteral(", ANALYZE, BUFFERS") : QString())
                                 + statement);
        conn.rollbackQuietly(); // always: ANALYZE ran the statement
        return parsePlan(r.bytes(0, 0));
    } catch (...) {
        conn.rollbackQuietly();
        throw;
    }
}

CommandResult Console::runWrite(pg::Connection &conn, const QString &statement,
                                const QString &reason, int timeoutMs)
{
    conn.requirePrimary(tr("Running a write from the console"));
    const QString op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    audit::Entry entry(QStringLiteral("console-write"), conn.database(), reason,
                       {{"statement", statement.toStdString()}});
    entry.op = op;
    entry.phase = QStringLiteral("intent");
    QString why;
    if (!audit::appendToJournal(entry, &why))
        throw Error(Error::Kind::Environment,
                    tr("The local audit journal cannot be written, so nothing was run: %1").arg(why));
    try {
        CommandResult out = conn.transaction([&] {
            setTimeout(conn, timeoutMs);
            CommandResult r;
            r.result = conn.exec(statement);
            r.tag = r.result.commandTag();
            if (audit::hasAuditTable(conn)) {
                audit::Entry logged(QStringLiteral("console-write"), conn.database(), reason,
                                    {{"statement", statement.toStdString()},
                                     {"tag", r.tag.toStdString()}});
                audit::writeToDatabase(conn, logged);
            }
            return r;
        });
        entry.phase = QStringLiteral("done");
        entry.details["tag"] = out.tag.toStdString();
        audit::appendToJournal(entry);
        return out;
    } catch (const Error &e) {
        entry.phase = QStringLiteral("failed");
        entry.details["error"] = e.oneLine().toStdString();
        audit::appendToJournal(entry);
        throw;
    }
}

} // namespace statescope::browse
