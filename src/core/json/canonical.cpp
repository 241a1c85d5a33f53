// Canonical JSON exactly as the games' Python pipelines write it:
// json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False).
#include "canonical.h"
#include "document.h"

#include <QCryptographicHash>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <locale.h>
#include <string>
#include <vector>

namespace statescope::json {

namespace {

// Python's string encoder with ensure_ascii=False: ", \ and control characters escaped,
// everything else (DEL, U+2028, any non-ASCII) as it is.
template <class Out, class In>
void appendString(Out &out, const In &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        default: break;
        }
        if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

void write(std::string &out, const nlohmann::json &v)
{
    switch (v.type()) {
    case nlohmann::json::value_t::object: {
        // std::map orders keys by their UTF-8 bytes: code point order.
        out += '{';
        bool first = true;
        for (const auto &[key, value] : v.items()) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, key);
            out += ':';
            write(out, value);
        }
        out += '}';
        return;
    }
    case nlohmann::json::value_t::array: {
        out += '[';
        bool first = true;
        for (const auto &value : v) {
            if (!first)
                out += ',';
            first = false;
            write(out, value);
        }
        out += ']';
        return;
    }
    case nlohmann::json::value_t::string:
        appendString(out, v.get_ref<const std::string &>());
        return;
    case nlohmann::json::value_t::number_float:
        out += pythonFloat(v.get<double>()).toStdString();
        return;
    default:
        out += v.dump(); // null, booleans, integers: exact
        return;
    }
}

} // namespace

QByteArray canonical(const nlohmann::json &document)
{
    std::string out;
    write(out, document);
    return QByteArray::fromStdString(out);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// The decoded UTF-8 of a validated JSON string literal (quotes included in `raw`). An
// unpaired surrogate escape becomes U+FFFD and sets *lone (Python keeps it, then cannot
// encode the text as UTF-8).
QByteArray decodeString(QByteArrayView raw, bool *lone)
{
    QByteArray out;
    out.reserve(raw.size());
    const char *p = raw.data() + 1;
    const char *end = raw.data() + raw.size() - 1;
    auto hex4 = [](const char *q) {
        int v = 0;
        for (int i = 0; i < 4; ++i)
            v = v * 16 + hexDigit(q[i]);
        return v;
    };
    while (p < end) {
        if (*p != '\\') {
            const char *run = p;
            while (p < end && *p != '\\')
                ++p;
            out.append(run, p - run);
            continue;
        }
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            char32_t cp = char32_t(hex4(p));
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                const char32_t low = char32_t(hex4(p + 2));
                if (low >= 0xDC00 && low < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000) {
                *lone = true;
                cp = 0xFFFD;
            }
            appendUtf8(out, cp);
            break;
        }
        default: out += e; // " \ /
        }
    }
    return out;
}

double parseDouble(QByteArrayView text)
{
    // strtod in the C locale: the application's locale may use a decimal comma.
    static const locale_t c = newlocale(LC_NUMERIC_MASK, "C", locale_t(nullptr));
    const std::string s(text.data(), size_t(text.size()));
    return strtod_l(s.c_str(), nullptr, c);
}

} // namespace

QByteArray pythonFloat(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value < 0 ? QByteArrayLiteral("-Infinity") : QByteArrayLiteral("Infinity");
    // repr(): the shortest digits that read back as the same double, then fixed notation
    // when 1e-4 <= |x| < 1e16 (with ".0" when it has no fraction), else d.ddde+XX.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    const std::string sci(buf, r.ptr);
    const bool negative = sci.front() == '-';
    const size_t e = sci.find('e');
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < e; ++i)
        if (sci[i] != '.')
            digits += sci[i];
    const int exponent = std::atoi(sci.c_str() + e + 1);
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    const int decpt = exponent + 1; // value = 0.DIGITS x 10^decpt
    std::string out = negative ? "-" : "";
    if (decpt <= -4 || decpt > 16) {
        out += digits[0];
        if (digits.size() > 1)
            out += '.' + digits.substr(1);
        const int shown = decpt - 1;
        char ex[16];
        std::snprintf(ex, sizeof ex, "e%c%02d", shown < 0 ? '-' : '+', std::abs(shown));
        out += ex;
    } else if (decpt <= 0) {
        out += "0." + std::string(size_t(-decpt), '0') + digits;
    } else if (size_t(decpt) < digits.size()) {
        out += digits.substr(0, size_t(decpt)) + '.' + digits.substr(size_t(decpt));
    } else {
        out += digits + std::string(size_t(decpt) - digits.size(), '0') + ".0";
    }
    return QByteArray::fromStdString(out);
}

PythonCanonical pythonCanonical(const Document &doc)
{
    PythonCanonical result;
    if (!doc.isValid())
        return result;
    QByteArray &out = result.text;
    out.reserve(doc.text().size());

    // Iterative: any depth. A frame is a container being written, with its members in
    // output order (objects: sorted by key as code points, the last of equal keys wins).
    struct Frame
    {
        bool object = false;
        std::vector<std::pair<QByteArray, Value>> items;
        size_t next = 0;
    };
    std::vector<Frame> stack;

    auto number = [&](Value v) {
        const QByteArrayView raw = doc.raw(v);
        const bool isFloat = raw.contains('.') || raw.contains('e') || raw.contains('E');
        if (!isFloat) {
            // Python int: exact at any size; "-0" is 0. Past 4300 digits json.loads refuses.
            if (raw == QByteArrayView("-0"))
                out += '0';
            else
                out += raw;
            if (raw.size() - (raw.startsWith('-') ? 1 : 0) > 4300)
                result.pythonRefuses = true;
            return;
        }
        const double d = parseDouble(raw);
        if (std::isinf(d))
            result.notJson = true; // as Python writes it; jsonb cannot take it back
        out += pythonFloat(d);
    };
    auto scalar = [&](Value v) {
        switch (v.kind) {
        case Kind::Null: out += "null"; break;
        case Kind::True: out += "true"; break;
        case Kind::False: out += "false"; break;
        case Kind::Number: number(v); break;
        case Kind::String: {
            bool lone = false;
            appendString(out, decodeString(doc.raw(v), &lone));
            result.pythonRefuses = result.pythonRefuses || lone;
            break;
        }
        default: break;
        }
    };
    auto open = [&](Value v) {
        Frame f;
        f.object = v.kind == Kind::Object;
        Document::ChildCursor cursor = doc.children(v);
        Member m;
        while (cursor.next(m)) {
            QByteArray key;
            if (f.object) {
                bool lone = false;
                key = decodeString(doc.raw(m.key), &lone);
                result.pythonRefuses = result.pythonRefuses || lone;
            }
            f.items.emplace_back(std::move(key), m.value);
        }
        if (f.object) {
            // UTF-8 byte order is code point order. Stable, so among equal keys the last
            // one read stays last, and is the one kept.
            std::stable_sort(f.items.begin(), f.items.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            std::vector<std::pair<QByteArray, Value>> unique;
            for (size_t i = 0; i < f.items.size(); ++i)
                if (i + 1 == f.items.size() || f.items[i + 1].first != f.items[i].first)
                    unique.push_back(std::move(f.items[i]));
            f.items = std::move(unique);
        }
        out += f.object ? '{' : '[';
        stack.push_back(std::move(f));
    };

    const Value root = doc.root();
    if (root.isContainer())
        open(root);
    else
        scalar(root);
    while (!stack.empty()) {
        Frame &f = stack.back();
        if (f.next == f.items.size()) {
            out += f.object ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (f.next > 0)
            out += ',';
        auto &[key, value] = f.items[f.next++];
        if (f.object) {
            appendString(out, key);
            out += ':';
        }
        if (value.isContainer())
            open(value); // may reallocate the stack: f is not used after this
        else
            scalar(value);
    }
    result.ok = true;
    return result;
}

} // namespace statescope::json
