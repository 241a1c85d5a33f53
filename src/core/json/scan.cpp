#include "core/json/scan.h"

#include <QCoreApplication>
#include <cstring>
#include <vector>

namespace statescope::json::detail {

namespace {

constexpr const ByteTables &kT = kBytes;

using uchar = unsigned char;

// The validator: one pass, an explicit stack of open containers, no recursion.
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(statescope::json::Document)
public:
    Parser(const uchar *begin, const uchar *end) : b(begin), p(begin), e(end) {}

    const uchar *b, *p, *e;
    const uchar *errAt = nullptr;
    QString err;
    const uchar *rootBegin = nullptr, *rootEnd = nullptr;

    bool run();

private:
    bool fail(const uchar *at, const QString &message)
    {
        errAt = at;
        err = message;
        return false;
    }
    void skipWs()
    {
        while (p < e && kT.ws[*p])
            ++p;
    }
    QString found(const uchar *at) const
    {
        if (at >= e)
            return tr("the end of the text");
        const uchar c = *at;
        if (c >= 0x20 && c < 0x7f)
            return QStringLiteral("'%1'").arg(QChar(char16_t(c)));
        if (c < 0x20 || c == 0x7f)
            return tr("control character U+%1").arg(hex(c, 4));
        // A whole UTF-8 character is shown as itself; anything else as a byte.
        const int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (n > 0 && e - at >= n) {
            const QString ch = QString::fromUtf8(reinterpret_cast<const char *>(at), n);
            if (!ch.contains(QChar::ReplacementCharacter) && ch.toUcs4().size() == 1)
                return QStringLiteral("'%1' (U+%2)").arg(ch, hex(ch.toUcs4().front(), 4));
        }
        return tr("byte 0x%1, which is not UTF-8").arg(hex(c, 2));
    }
    static QString hex(uint v, int width)
    {
        return QString::number(v, 16).toUpper().rightJustified(width, u'0');
    }
    bool key();
    bool string();
    bool escape();
    bool utf8();
    bool number();
    bool literal(const char *word, qsizetype n);
};

bool Parser::run()
{
    if (e - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return fail(p, tr("The text starts with a byte order mark (BOM); JSON text must not "
                          "(remove the first three bytes)"));
    // UTF-16 (with a BOM, or ASCII text with every other byte zero) gets a message of its own.
    const bool utf16Bom =
        e - p >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
    const bool zeroes = e - p >= 2 && (e - p) % 2 == 0 && ((p[0] == 0) != (p[1] == 0));
    if (utf16Bom || zeroes)
        return fail(p, tr("The text looks like UTF-16 or UTF-32; JSON text must be UTF-8"));
    std::vector<uchar> stack; // '{' or '[' per open container
    skipWs();
    if (p == e)
        return fail(p, tr("The text is empty: expected a JSON value"));
    rootBegin = p;
    for (;;) {
        // A value is expected at p (after white space).
        skipWs();
        if (p == e)
            return fail(p, tr("Unexpected end of the text: expected a value"));
        const uchar c = *p;
        bool closed = true;
        if (c == '{' || c == '[') {
            stack.push_back(c);
            ++p;
            skipWs();
            if (p < e && *p == (c == '{' ? '}' : ']')) {
                ++p;
                stack.pop_back();
            } else if (c == '{') {
                if (p < e && *p != '"')
                    return fail(p, tr("Expected a member name in double quotes or '}', found %1")
                                       .arg(found(p)));
                if (!key())
                    return false;
                continue;
            } else {
                continue;
            }
        } else if (c == '"') {
            closed = string();
        } else if (c == '-' || kT.digit[c]) {
            closed = number();
        } else if (c == 't') {
            closed = literal("true", 4);
        } else if (c == 'f') {
            closed = literal("false", 5);
        } else if (c == 'n') {
            closed = literal("null", 4);
        } else if (c == '+') {
            return fail(p, tr("A number must not start with '+'"));
        } else if (c == '.') {
            return fail(p, tr("A number needs a digit before the decimal point"));
        } else if (c == ']' || c == '}') {
            return fail(
                p, tr("Expected a value, found %1 (a trailing or extra comma?)").arg(found(p)));
        } else {
            return fail(p, tr("Expected a JSON value (object, array, string, number, true, "
                              "false or null), found %1")
                               .arg(found(p)));
        }
        if (!closed)
            return false;
        // After a value: close containers or move on to the next element.
        for (;;) {
            if (stack.empty()) {
                rootEnd = p;
                skipWs();
                if (p != e)
                    return fail(p, tr("Unexpected %1 after the JSON value").arg(found(p)));
                return true;
            }
            skipWs();
            const bool inObject = stack.back() == '{';
            const uchar close = inObject ? '}' : ']';
            if (p < e && *p == close) {
                ++p;
                stack.pop_back();
                continue;
            }
            if (p < e && *p == ',') {
                ++p;
                if (inObject) {
                    skipWs();
                    if (p >= e || *p != '"')
                        return fail(p, tr("Expected a member name in double quotes after ',', "
                                          "found %1")
                                           .arg(found(p)));
                    if (!key())
                        return false;
                }
                break;
            }
            return fail(
                p, inObject
                       ? tr("Expected ',' or '}' after an object member, found %1").arg(found(p))
                       : tr("Expected ',' or ']' after an array element, found %1").arg(found(p)));
        }
    }
}

// A member name at p (a '"' or the end), then ':'.
bool Parser::key()
{
    if (p >= e)
        return fail(p, tr("Unexpected end of the text: expected a member name"));
    if (!string())
        return false;
    skipWs();
    if (p >= e || *p != ':')
        return fail(p, tr("Expected ':' after the member name, found %1").arg(found(p)));
    ++p;
    return true;
}

bool Parser::string()
{
    ++p; // the opening quote
    for (;;) {
        while (p < e && kT.plain[*p])
            ++p;
        if (p >= e)
            return fail(p, tr("Unexpected end of the text inside a string (missing '\"')"));
        const uchar c = *p;
        if (c == '"') {
            ++p;
            return true;
        }
        if (c == '\\') {
            if (!escape())
                return false;
        } else if (c < 0x20) {
            return fail(p, tr("Control character U+%1 must be escaped in a string").arg(hex(c, 4)));
        } else if (!utf8()) {
            return false;
        }
    }
}

bool Parser::escape()
{
    const uchar *at = p++;
    if (p >= e)
        return fail(p, tr("Unexpected end of the text in an escape sequence"));
    switch (*p) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        ++p;
        return true;
    case 'u':
        ++p;
        for (int i = 0; i < 4; ++i, ++p) {
            if (p >= e || !kT.hex[*p])
                return fail(at, tr("\\u must be followed by four hexadecimal digits"));
        }
        return true; // lone surrogates are accepted here; string() renders them as U+FFFD
    default:
        return fail(at, tr("Invalid escape sequence in a string: '\\' followed by %1 (allowed: "
                           "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                            .arg(found(p)));
    }
}

// One multi-byte UTF-8 sequence at p (lead byte >= 0x80), checked for overlong forms,
// encoded surrogates and code points past U+10FFFF.
bool Parser::utf8()
{
    const uchar c = *p;
    int n = 0;
    uchar lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
    } else if (c == 0xE0) {
        n = 2, lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
        n = 2;
    } else if (c == 0xED) {
        n = 2, hi = 0x9F;
    } else if (c == 0xF0) {
        n = 3, lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
        n = 3;
    } else if (c == 0xF4) {
        n = 3, hi = 0x8F;
    } else if (c == 0xC0 || c == 0xC1) {
        return fail(p,
                    tr("Invalid UTF-8 in a string: overlong encoding (byte 0x%1)").arg(hex(c, 2)));
    } else if (c < 0xC0) {
        return fail(
            p, tr("Invalid UTF-8 in a string: unexpected continuation byte 0x%1").arg(hex(c, 2)));
    } else {
        return fail(
            p, tr("Invalid UTF-8 in a string: byte 0x%1 never occurs in UTF-8").arg(hex(c, 2)));
    }
    if (e - p <= n)
        return fail(p, tr("Invalid UTF-8 in a string: truncated sequence at the end"));
    const uchar c1 = p[1];
    if (c1 < lo || c1 > hi) {
        if (c == 0xED && c1 >= 0xA0 && c1 <= 0xBF)
            return fail(p, tr("Invalid UTF-8 in a string: an encoded UTF-16 surrogate"));
        if (c == 0xF4 && c1 >= 0x90 && c1 <= 0xBF)
            return fail(p, tr("Invalid UTF-8 in a string: code point beyond U+10FFFF"));
        if ((c == 0xE0 || c == 0xF0) && c1 >= 0x80 && c1 < lo)
            return fail(p, tr("Invalid UTF-8 in a string: overlong encoding"));
        return fail(p, tr("Invalid UTF-8 in a string: incomplete sequence"));
    }
    for (int i = 2; i <= n; ++i) {
        if (p[i] < 0x80 || p[i] > 0xBF)
            return fail(p, tr("Invalid UTF-8 in a string: incomplete sequence"));
    }
    p += n + 1;
    return true;
}

// RFC 8259: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?; kept as text.
bool Parser::number()
{
    if (*p == '-')
        ++p;
    if (p >= e || !kT.digit[*p])
        return fail(p, tr("Expected a digit after '-', found %1").arg(found(p)));
    if (*p == '0') {
        ++p;
        if (p < e && kT.digit[*p])
            return fail(p - 1, tr("A number must not have leading zeros"));
    } else {
        while (p < e && kT.digit[*p])
            ++p;
    }
    if (p < e && *p == '.') {
        ++p;
        if (p >= e || !kT.digit[*p])
            return fail(p, tr("Expected a digit after the decimal point, found %1").arg(found(p)));
        while (p < e && kT.digit[*p])
            ++p;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < e && (*p == '+' || *p == '-'))
            ++p;
        if (p >= e || !kT.digit[*p])
            return fail(p, tr("Expected a digit in the exponent, found %1").arg(found(p)));
        while (p < e && kT.digit[*p])
            ++p;
    }
    return true;
}

bool Parser::literal(const char *word, qsizetype n)
{
    if (e - p < n || std::memcmp(p, word, size_t(n)) != 0)
        return fail(p, tr("Invalid literal: expected '%1'").arg(QLatin1String(word)));
    p += n;
    return true;
}

} // namespace

Validation validate(QByteArrayView text)
{
    const auto *begin = reinterpret_cast<const uchar *>(text.data());
    Parser parser(begin, begin + text.size());
    Validation v;
    v.ok = parser.run();
    if (v.ok) {
        v.rootBegin = parser.rootBegin - begin;
        v.rootEnd = parser.rootEnd - begin;
    } else {
        v.errorOffset = parser.errAt - begin;
        v.message = parser.err;
    }
    return v;
}

void appendEscape(QString &out, char16_t u)
{
    switch (u) {
    case u'\n':
        out += QLatin1String("\\n");
        break;
    case u'\t':
        out += QLatin1String("\\t");
        break;
    case u'\r':
        out += QLatin1String("\\r");
        break;
    case u'\b':
        out += QLatin1String("\\b");
        break;
    case u'\f':
        out += QLatin1String("\\f");
        break;
    default:
        out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QChar(u'0'));
        break;
    }
}

} // namespace statescope::json::detail
