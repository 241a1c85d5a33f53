// Spellings of a Path: JSON Pointer (RFC 6901) and PostgreSQL's SQL/JSON path.
#include "core/json/document.h"
#include "core/json/scan.h"

#include <QStringList>

namespace statescope::json {

void detail::appendJsonString(QString &out, const QString &s)
{
    out += u'"';
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        default:
            if (c.unicode() < 0x20)
                detail::appendEscape(out, c.unicode());
            else
                out += c;
        }
    }
    out += u'"';
}

QString toPointer(const Path &path)
{
    QString out;
    for (const PathStep &step : path) {
        out += u'/';
        if (step.isIndex) {
            out += QString::number(step.index);
        } else {
            QString key = step.key;
            key.replace(u'~', QLatin1String("~0")).replace(u'/', QLatin1String("~1"));
            out += key;
        }
    }
    return out;
}

QString toJsonPath(const Path &path)
{
    QString out = QStringLiteral("$");
    for (const PathStep &step : path) {
        if (step.isIndex) {
            out += QStringLiteral("[%1]").arg(step.index);
        } else {
            out += u'.';
            detail::appendJsonString(out, step.key);
        }
    }
    return out;
}

std::optional<Path> fromPointer(const QString &pointer)
{
    Path path;
    if (pointer.isEmpty())
        return path; // the whole document
    if (pointer.front() != u'/')
        return std::nullopt;
    for (const QString &token : pointer.sliced(1).split(u'/')) {
        QString key;
        key.reserve(token.size());
        for (qsizetype i = 0; i < token.size(); ++i) {
            if (token[i] != u'~') {
                key += token[i];
                continue;
            }
            if (i + 1 >= token.size() || (token[i + 1] != u'0' && token[i + 1] != u'1'))
                return std::nullopt; // "~" must be ~0 or ~1
            key += token[++i] == u'0' ? u'~' : u'/';
        }
        path.push_back(PathStep::ofKey(key));
    }
    return path;
}

} // namespace statescope::json
