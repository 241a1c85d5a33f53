#pragma once

// Internal to core/json: lexical scanning of JSON text, strict (validate) and unchecked
// (skipping over values of a text already validated).

#include "core/json/document.h"

#include <QByteArrayView>
#include <QString>
#include <algorithm>

namespace statescope::json::detail {

// Byte classes for the tight loops of the validator and the cursor: one look-up per byte.
struct ByteTables
{
    bool plain[256] = {}; // string bytes needing no further check (ASCII, not " \ or control)
    bool ws[256] = {};
    bool digit[256] = {};
    bool hex[256] = {};
    constexpr ByteTables()
    {
        for (int c = 0x20; c < 0x80; ++c)
            plain[c] = c != '"' && c != '\\';
        ws[int(' ')] = ws[int('\t')] = ws[int('\n')] = ws[int('\r')] = true;
        for (int c = '0'; c <= '9'; ++c)
            digit[c] = hex[c] = true;
        for (int c = 0; c < 6; ++c)
            hex['a' + c] = hex['A' + c] = true;
    }
};
inline constexpr ByteTables kBytes;

struct Validation
{
    bool ok = false;
    qsizetype rootBegin = 0; // the top-level value, without the white space around it
    qsizetype rootEnd = 0;
    qsizetype errorOffset = -1;
    QString message;
};

// Strict RFC 8259 check of a whole text, in one iterative pass (any depth).
Validation validate(QByteArrayView text);

// Unchecked skipping inside a validated document; bounded by end all the same.
inline const char *skipString(const char *p, const char *end)
{
    for (++p; p < end; ++p) {
        if (*p == '"')
            return p + 1;
        if (*p == '\\')
            ++p;
    }
    return end;
}

inline const char *skipValue(const char *p, const char *end)
{
    if (p >= end)
        return end;
    switch (*p) {
    case '"':
        return skipString(p, end);
    case '{':
    case '[': {
        qsizetype depth = 0;
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                p = skipString(p, end);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return p + 1;
            }
            ++p;
        }
        return end;
    }
    case 't':
    case 'n':
        return std::min(p + 4, end);
    case 'f':
        return std::min(p + 5, end);
    default:
        while (p < end && (kBytes.digit[(unsigned char)(*p)] || *p == '-' || *p == '+' ||
                           *p == '.' || *p == 'e' || *p == 'E'))
            ++p;
        return p;
    }
}

inline Kind kindAt(char c)
{
    switch (c) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
        return Kind::True;
    case 'f':
        return Kind::False;
    case 'n':
        return Kind::Null;
    default:
        return Kind::Number;
    }
}

// Appends the JSON escape of a character that cannot stand for itself in one line of
// text: \n \t \r \b \f, anything else as \uXXXX.
void appendEscape(QString &out, char16_t u);
// s as a JSON string literal (quotes, \" \\ and control escapes), which is also how
// SQL/JSON path quotes a key or a string.
void appendJsonString(QString &out, const QString &s);

} // namespace statescope::json::detail
