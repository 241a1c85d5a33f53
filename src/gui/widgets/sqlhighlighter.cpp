#include "gui/widgets/sqlhighlighter.h"

#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QSet>
#include <QTextDocument>

namespace statescope::gui {

namespace {

const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w :
             {"select", "from", "where", "and", "or", "not", "in", "is", "null", "true", "false",
              "as", "on", "join", "left", "right", "full", "inner", "outer", "cross", "lateral",
              "group", "by", "order", "having", "limit", "offset", "fetch", "first", "next", "rows",
              "only", "union", "intersect", "except", "all", "distinct", "with", "recursive",
              "insert", "into", "values", "update", "set", "delete", "returning", "create",
              "table", "view", "materialized", "index", "drop", "alter", "add", "column", "schema",
              "begin", "commit", "rollback", "case", "when", "then", "else", "end", "between",
              "like", "ilike", "similar", "exists", "any", "some", "asc", "desc", "nulls", "last",
              "explain", "analyze", "verbose", "buffers", "format", "show", "filter", "over",
              "partition", "window", "using", "natural", "default", "primary", "key", "references",
              "foreign", "unique", "check", "constraint", "cascade", "grant", "revoke", "truncate",
              "vacuum", "copy", "to", "do", "language", "function", "returns", "trigger", "policy",
              "interval", "at", "time", "zone", "cast", "collate", "array", "row", "tablesample"})
            s.insert(QLatin1String(w));
        return s;
    }();
    return words;
}

const QSet<QString> &types()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"int", "integer", "bigint", "smallint", "numeric", "decimal", "real",
                              "double", "precision", "float", "float4", "float8", "int2", "int4",
                              "int8", "text", "varchar", "char", "character", "varying", "boolean",
                              "bool", "date", "timestamp", "timestamptz", "json", "jsonb", "uuid",
                              "bytea", "serial", "bigserial", "jsonpath", "inet", "tsvector"})
            s.insert(QLatin1String(w));
        return s;
    }();
    return words;
}

QTextCharFormat charFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document),
      m_words(QStringLiteral("[A-Za-z_][A-Za-z_0-9$]*|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|\\$\\d+"))
{
    setColours();
    // Formats made for the other theme would stay on every line after a switch.
    style::onThemeChange(this, [this] {
        setColours();
        rehighlight();
    });
}

void SqlHighlighter::setColours()
{
    const bool dark = style::isDark();
    m_keyword = charFormat(dark ? QColor(0x6c, 0xb4, 0xee) : QColor(0x00, 0x5a, 0x9c), true);
    m_type = charFormat(dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x8a, 0x2b, 0x8a));
    m_string = charFormat(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_name = charFormat(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x66, 0x66));
    m_number = charFormat(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_comment = charFormat(dark ? QColor(0x6a, 0x99, 0x55) : QColor(0x6a, 0x73, 0x7d), false, true);
    m_parameter = charFormat(dark ? QColor(0xdc, 0xdc, 0xaa) : QColor(0x79, 0x5e, 0x26), true);
    m_keyword.setProperty(QTextFormat::UserProperty, QStringLiteral("keyword"));
    m_type.setProperty(QTextFormat::UserProperty, QStringLiteral("type"));
    m_string.setProperty(QTextFormat::UserProperty, QStringLiteral("string"));
    m_name.setProperty(QTextFormat::UserProperty, QStringLiteral("name"));
    m_number.setProperty(QTextFormat::UserProperty, QStringLiteral("number"));
    m_comment.setProperty(QTextFormat::UserProperty, QStringLiteral("comment"));
    m_parameter.setProperty(QTextFormat::UserProperty, QStringLiteral("parameter"));
}

QString SqlHighlighter::categoryAt(const QTextBlock &block, int position)
{
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (position >= r.start && position < r.start + r.length)
            return r.format.property(QTextFormat::UserProperty).toString();
    return {};
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    int i = 0;
    const int n = int(text.size());
    // An open $tag$ body's tag is the one the block before left in m_dollarTag: blocks are
    // highlighted in order from the first one that changed.
    const int state = previousBlockState();
    auto endOf = [&](int from, const QString &closing) {
        const int at = int(text.indexOf(closing, from));
        return at < 0 ? -1 : at + int(closing.size());
    };
    if (state == InComment) {
        const int e = endOf(0, QStringLiteral("*/"));
        setFormat(0, e < 0 ? n : e, m_comment);
        if (e < 0) {
            setCurrentBlockState(InComment);
            return;
        }
        i = e;
    } else if (state == InString) {
        int k = 0;
        while (k < n && !(text[k] == QLatin1Char('\'') && (k + 1 >= n || text[k + 1] != QLatin1Char('\''))))
            k += text[k] == QLatin1Char('\'') ? 2 : 1;
        setFormat(0, std::min(n, k + 1), m_string);
        if (k >= n) {
            setCurrentBlockState(InString);
            return;
        }
        i = k + 1;
    } else if (state == InDollar) {
        const int e = endOf(0, m_dollarTag);
        setFormat(0, e < 0 ? n : e, m_string);
        if (e < 0) {
            setCurrentBlockState(InDollar);
            return;
        }
        i = e;
    }
    setCurrentBlockState(Normal);
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('-') && i + 1 < n && text[i + 1] == QLatin1Char('-')) {
            setFormat(i, n - i, m_comment);
            return;
        }
        if (c == QLatin1Char('/') && i + 1 < n && text[i + 1] == QLatin1Char('*')) {
            const int e = endOf(i + 2, QStringLiteral("*/"));
            setFormat(i, (e < 0 ? n : e) - i, m_comment);
            if (e < 0) {
                setCurrentBlockState(InComment);
                return;
            }
            i = e;
            continue;
        }
        if (c == QLatin1Char('\'')) {
            int k = i + 1;
            bool closed = false;
            while (k < n) {
                if (text[k] == QLatin1Char('\'')) {
                    if (k + 1 < n && text[k + 1] == QLatin1Char('\'')) {
                        k += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                ++k;
            }
            const int start = i > 0 && (text[i - 1] == QLatin1Char('E') || text[i - 1] == QLatin1Char('e')) ? i - 1 : i;
            setFormat(start, (closed ? k + 1 : n) - start, m_string);
            if (!closed) {
                setCurrentBlockState(InString);
                return;
            }
            i = k + 1;
            continue;
        }
        if (c == QLatin1Char('"')) {
            const int e = endOf(i + 1, QStringLiteral("\""));
            setFormat(i, (e < 0 ? n : e) - i, m_name);
            i = e < 0 ? n : e;
            continue;
        }
        if (c == QLatin1Char('$')) {
            static const QRegularExpression tag(QStringLiteral("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$"));
            const auto m = tag.match(text, i, QRegularExpression::NormalMatch,
                                     QRegularExpression::AnchorAtOffsetMatchOption);
            if (m.hasMatch()) {
                m_dollarTag = m.captured(0);
                const int e = endOf(i + int(m_dollarTag.size()), m_dollarTag);
                setFormat(i, (e < 0 ? n : e) - i, m_string);
                if (e < 0) {
                    setCurrentBlockState(InDollar);
                    return;
                }
                i = e;
                continue;
            }
        }
        const auto m = m_words.match(text, i, QRegularExpression::NormalMatch,
                                     QRegularExpression::AnchorAtOffsetMatchOption);
        if (m.hasMatch()) {
            const QString w = m.captured(0);
            const int len = int(w.size());
            if (w.startsWith(QLatin1Char('$')))
                setFormat(i, len, m_parameter);
            else if (w.at(0).isDigit())
                setFormat(i, len, m_number);
            else if (keywords().contains(w.toLower()))
                setFormat(i, len, m_keyword);
            else if (types().contains(w.toLower()))
                setFormat(i, len, m_type);
            i += len;
            continue;
        }
        ++i;
    }
}

} // namespace statescope::gui
