#include "jsonoutput.h"

#include <cstdio>

namespace statescope::cli {

std::string withRaw(const nlohmann::json &doc,
                    const std::vector<std::pair<std::string, QByteArray>> &raw)
{
    std::string out = dumpJson(doc, 2);
    out.pop_back(); // the closing brace
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    for (const auto &[key, text] : raw)
        out += (out.back() == '{' ? "\n  " : ",\n  ") + nlohmann::json(key).dump() + ": " +
               text.toStdString();
    return out + "\n}\n";
}

int printDiff(const Command &cmd, nlohmann::json doc, const json::DiffResult &result,
              const json::Document &from, const json::Document &to)
{
    static const char *ops[] = {"add", "remove", "replace"};
    static const char *marks[] = {"+", "-", "~"};
    doc["changes"] = nlohmann::json::array();
    QStringList lines;
    for (const json::Change &c : result.changes) {
        nlohmann::json j = {{"op", ops[int(c.op)]},
                            {"path", utf8(json::toPointer(c.path))},
                            {"display_path", utf8(c.displayPath)}};
        QString line = QStringLiteral("%1 %2").arg(QLatin1String(marks[int(c.op)]), c.displayPath);
        if (c.before)
            j["before"] = from.raw(*c.before).toByteArray().toStdString();
        if (c.after)
            j["after"] = to.raw(*c.after).toByteArray().toStdString();
        if (c.before && c.after)
            line += QStringLiteral(": %1 -> %2")
                        .arg(from.display(*c.before, 80), to.display(*c.after, 80));
        else if (c.after)
            line += QStringLiteral(": %1").arg(to.display(*c.after, 80));
        else if (c.before)
            line += QStringLiteral(" (was %1)").arg(from.display(*c.before, 80));
        if (c.delta) {
            j["delta"] = *c.delta;
            line += QStringLiteral("  (%1%2)")
                        .arg(*c.delta >= 0 ? QStringLiteral("+") : QString())
                        .arg(*c.delta);
        }
        doc["changes"].push_back(j);
        lines << line;
    }
    if (cmd.json()) {
        std::fputs(withRaw(doc, {{"patch", result.patch(to)}}).c_str(), stdout);
        return Ok;
    }
    lines << QStringLiteral("%1 change(s)").arg(result.changes.size());
    cmd.print({}, lines.join(QLatin1Char('\n')));
    return Ok;
}

} // namespace statescope::cli
