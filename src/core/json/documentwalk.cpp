// Whole-value walks over a Document: equal, pretty, find. All walks
// keep their own stack: documents may nest deeper than the call stack allows.
#include "core/json/document.h"
#include "core/json/scan.h"
#include "core/task/canceltoken.h"

#include <QHash>
#include <algorithm>
#include <string>

namespace statescope::json {

namespace {

using detail::kBytes;
using detail::kindAt;
using detail::skipString;
using detail::skipValue;
using uchar = unsigned char;

constexpr int kIndentCap = 64; // pretty(): deeper levels stay at 128 spaces

// Decimal magnitudes as digit strings without leading zeros ("" is zero), for exponents
// of any length: "1e99999999999999999999999" must still compare exactly.
int compareMagnitude(const std::string &a, const std::string &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

std::string stripZeros(std::string s)
{
    const auto nz = s.find_first_not_of('0');
    return nz == std::string::npos ? std::string() : s.substr(nz);
}

struct BigInt
{
    bool negative = false;
    std::string magnitude;
};

BigInt add(const BigInt &a, const BigInt &b)
{
    std::string r;
    if (a.negative == b.negative) {
        int carry = 0;
        for (size_t i = 0; i < std::max(a.magnitude.size(), b.magnitude.size()) || carry; ++i) {
            int d = carry;
            if (i < a.magnitude.size())
                d += a.magnitude[a.magnitude.size() - 1 - i] - '0';
            if (i < b.magnitude.size())
                d += b.magnitude[b.magnitude.size() - 1 - i] - '0';
            r += char('0' + d % 10);
            carry = d / 10;
        }
        std::reverse(r.begin(), r.end());
        return {a.negative, r};
    }
    const int c = compareMagnitude(a.magnitude, b.magnitude);
    if (c == 0)
        return {};
    const BigInt &big = c > 0 ? a : b;
    const BigInt &small = c > 0 ? b : a;
    int borrow = 0;
    for (size_t i = 0; i < big.magnitude.size(); ++i) {
        int d = big.magnitude[big.magnitude.size() - 1 - i] - '0' - borrow;
        if (i < small.magnitude.size())
            d -= small.magnitude[small.magnitude.size() - 1 - i] - '0';
        borrow = d < 0;
        r += char('0' + (d + 10) % 10);
    }
    std::reverse(r.begin(), r.end());
    return {big.negative, stripZeros(r)};
}

BigInt fromInt(qint64 v)
{
    return {v < 0, v == 0 ? std::string() : std::to_string(v < 0 ? -v : v)};
}

// A JSON number as ±0.digits × 10^exponent with no leading or trailing zeros in digits.
struct Decimal
{
    bool negative = false;
    std::string digits; // empty for zero
    BigInt exponent;
};

Decimal toDecimal(QByteArrayView t)
{
    Decimal d;
    qsizetype i = 0;
    if (i < t.size() && t[i] == '-') {
        d.negative = true;
        ++i;
    }
    std::string all;
    qint64 fraction = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i)
        all += t[i];
    if (i < t.size() && t[i] == '.') {
        for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++fraction)
            all += t[i];
    }
    BigInt exp;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            exp.negative = t[i++] == '-';
        exp.magnitude = stripZeros(std::string(t.data() + i, size_t(t.size() - i)));
        if (exp.magnitude.empty())
            exp.negative = false;
    }
    all = stripZeros(all);
    const auto last = all.find_last_not_of('0');
    if (last == std::string::npos)
        return {}; // zero, whatever its sign or exponent
    const qint64 trailing = qint64(all.size() - 1 - last);
    d.digits = all.substr(0, last + 1);
    // value = digits × 10^(exp - fraction + trailing); normalized to 0.digits × 10^(... + n)
    d.exponent = add(exp, fromInt(qint64(d.digits.size()) + trailing - fraction));
    return d;
}

bool sameNumber(QByteArrayView a, QByteArrayView b)
{
    if (a == b)
        return true;
    const Decimal x = toDecimal(a), y = toDecimal(b);
    return x.negative == y.negative && x.digits == y.digits &&
           x.exponent.negative == y.exponent.negative &&
           x.exponent.magnitude == y.exponent.magnitude;
}

bool sameString(const Document &a, Value x, const Document &b, Value y)
{
    const QByteArrayView ra = a.raw(x), rb = b.raw(y);
    if (ra == rb)
        return true;
    // UTF-8 is unique per text: without escapes, different bytes are different strings.
    if (!ra.contains('\\') && !rb.contains('\\'))
        return false;
    return a.string(x) == b.string(y);
}

// Walks a validated value's text token by token: containers are entered, never skipped,
// so a walk costs the same for deep nesting as for wide (the public cursor skips each
// child to find its end, which is quadratic when a whole walk goes 100000 levels down).
class Tokens
{
public:
    enum Type { Open, Close, Key, Scalar, End };
    struct Token
    {
        Type type = End;
        Value value; // for Open and Close, only kind and begin
    };
    Tokens(const Document &doc, Value v)
        : m_base(doc.text().constData()), m_p(m_base + v.begin), m_end(m_base + v.end)
    {
    }
    Token next()
    {
        while (m_p < m_end && (kBytes.ws[uchar(*m_p)] || *m_p == ',' || *m_p == ':'))
            ++m_p;
        if (m_p >= m_end)
            return {};
        const char *at = m_p;
        const qsizetype begin = at - m_base;
        if (*at == '{' || *at == '[' || *at == '}' || *at == ']') {
            ++m_p;
            const Kind kind = (*at == '{' || *at == '}') ? Kind::Object : Kind::Array;
            return {(*at == '{' || *at == '[') ? Open : Close, Value{kind, begin, begin}};
        }
        m_p = skipValue(at, m_end);
        Type type = Scalar;
        if (*at == '"') {
            const char *q = m_p;
            while (q < m_end && kBytes.ws[uchar(*q)])
                ++q;
            if (q < m_end && *q == ':')
                type = Key;
        }
        return {type, Value{kindAt(*at), begin, m_p - m_base}};
    }

private:
    const char *m_base, *m_p, *m_end;
};

// Ends of all containers in a value, from one linear scan, for equal()'s random access.
class ContainerEnds
{
public:
    ContainerEnds(const Document &doc, Value v)
    {
        const char *base = doc.text().constData();
        const char *end = base + v.end;
        std::vector<size_t> open;
        for (const char *p = base + v.begin; p < end; ++p) {
            if (*p == '"') {
                p = skipString(p, end) - 1;
            } else if (*p == '{' || *p == '[') {
                open.push_back(m_begins.size());
                m_begins.push_back(p - base);
                m_ends.push_back(p - base + 1);
            } else if ((*p == '}' || *p == ']') && !open.empty()) {
                m_ends[open.back()] = p - base + 1;
                open.pop_back();
            }
        }
    }
    qsizetype endOf(qsizetype begin) const
    {
        const auto it = std::lower_bound(m_begins.begin(), m_begins.end(), begin);
        return it == m_begins.end() ? begin : m_ends[size_t(it - m_begins.begin())];
    }

private:
    std::vector<qsizetype> m_begins, m_ends;
};

// The next child of a container whose children start at pos and end before limit.
bool nextChild(const Document &doc, const ContainerEnds &ends, bool object, qsizetype &pos,
               qsizetype limit, Member &out)
{
    const char *base = doc.text().constData();
    const char *p = base + pos;
    const char *end = base + limit;
    while (p < end && (kBytes.ws[uchar(*p)] || *p == ','))
        ++p;
    if (p >= end)
        return false;
    if (object) {
        const char *k = p;
        p = skipString(p, end);
        out.key = Value{Kind::String, k - base, p - base};
        while (p < end && (kBytes.ws[uchar(*p)] || *p == ':'))
            ++p;
    }
    const Kind kind = kindAt(*p);
    const qsizetype begin = p - base;
    const bool container = kind == Kind::Array || kind == Kind::Object;
    pos = container ? ends.endOf(begin) : skipValue(p, end) - base;
    out.value = Value{kind, begin, pos};
    return true;
}

QHash<QString, Value> members(const Document &doc, const ContainerEnds &ends, Value object)
{
    QHash<QString, Value> map;
    qsizetype pos = object.begin + 1;
    Member m;
    while (nextChild(doc, ends, true, pos, object.end - 1, m))
        map.insert(doc.string(m.key), m.value); // a later duplicate replaces, as in jsonb
    return map;
}

} // namespace

bool equal(const Document &a, Value va, const Document &b, Value vb)
{
    if (va.kind != vb.kind)
        return false;
    const ContainerEnds endsA(a, va), endsB(b, vb);
    std::vector<std::pair<Value, Value>> work{{va, vb}};
    while (!work.empty()) {
        const auto [x, y] = work.back();
        work.pop_back();
        if (x.kind != y.kind)
            return false;
        switch (x.kind) {
        case Kind::Null:
        case Kind::True:
        case Kind::False:
            break;
        case Kind::Number:
            if (!sameNumber(a.raw(x), b.raw(y)))
                return false;
            break;
        case Kind::String:
            if (!sameString(a, x, b, y))
                return false;
            break;
        case Kind::Array: {
            qsizetype pa = x.begin + 1, pb = y.begin + 1;
            Member ma, mb;
            for (;;) {
                const bool more = nextChild(a, endsA, false, pa, x.end - 1, ma);
                if (more != nextChild(b, endsB, false, pb, y.end - 1, mb))
                    return false; // different lengths
                if (!more)
                    break;
                work.emplace_back(ma.value, mb.value);
            }
            break;
        }
        case Kind::Object: {
            const QHash<QString, Value> ma = members(a, endsA, x), mb = members(b, endsB, y);
            if (ma.size() != mb.size())
                return false;
            for (auto it = ma.cbegin(); it != ma.cend(); ++it) {
                const auto other = mb.constFind(it.key());
                if (other == mb.cend())
                    return false;
                work.emplace_back(it.value(), other.value());
            }
            break;
        }
        }
    }
    return true;
}

namespace {

// The pretty printer behind both forms: text goes to `out`, handed to `sink` (when given)
// each time it passes about a megabyte, so a document of any size is written out in place.
void prettyInto(QByteArray &out, const Document &doc, Value v, qsizetype maxBytes, bool *truncated,
                const std::function<void(const QByteArray &)> &sink)
{
    constexpr qsizetype kChunk = 1 << 20;
    bool cut = false;
    std::vector<int> counts; // items written so far, per open container
    std::vector<char> closers;
    bool afterKey = false;
    const auto newLine = [&](int depth) {
        if (maxBytes >= 0 && out.size() >= maxBytes) {
            cut = true; // stop at the end of a line
            return false;
        }
        out += '\n';
        out.append(2 * std::min(depth, kIndentCap), ' ');
        return true;
    };
    Tokens tokens(doc, v);
    Tokens::Token t = tokens.next();
    while (t.type != Tokens::End) {
        if (sink && out.size() >= kChunk) {
            sink(out);
            out.clear();
        }
        if (t.type == Tokens::Close) {
            if (!newLine(int(counts.size()) - 1))
                break;
            out += closers.back();
            counts.pop_back();
            closers.pop_back();
            t = tokens.next();
            continue;
        }
        if (!counts.empty() && !afterKey) { // a new member or element
            if (counts.back()++)
                out += ',';
            if (!newLine(int(counts.size())))
                break;
        }
        afterKey = t.type == Tokens::Key;
        if (t.type != Tokens::Open) {
            out += doc.raw(t.value); // keys and strings as written: lossless
            if (afterKey)
                out += ": ";
            t = tokens.next();
            continue;
        }
        const bool object = t.value.kind == Kind::Object;
        t = tokens.next();
        if (t.type == Tokens::Close) {
            out += object ? "{}" : "[]";
            t = tokens.next();
            continue;
        }
        out += object ? '{' : '[';
        counts.push_back(0);
        closers.push_back(object ? '}' : ']');
    }
    if (cut && out.endsWith(','))
        out.chop(1);
    if (truncated)
        *truncated = cut;
    if (sink) {
        sink(out);
        out.clear();
    }
}

} // namespace

QByteArray pretty(const Document &doc, Value v, qsizetype maxBytes, bool *truncated)
{
    QByteArray out;
    prettyInto(out, doc, v, maxBytes, truncated, {});
    return out;
}

void pretty(const Document &doc, Value v, const std::function<void(const QByteArray &)> &sink)
{
    QByteArray out;
    prettyInto(out, doc, v, -1, nullptr, sink);
}

std::vector<std::vector<int>> find(const Document &doc, const QString &needle, int maxHits,
                                   CancelToken *cancel)
{
    std::vector<std::vector<int>> hits;
    if (!doc.isValid() || needle.isEmpty() || maxHits <= 0)
        return hits;
    const auto contains = [&](Value v) {
        const QString text =
            v.kind == Kind::String ? doc.string(v) : QString::fromLatin1(doc.raw(v));
        return text.contains(needle, Qt::CaseInsensitive);
    };
    std::vector<int> counts; // children seen so far, per open container
    std::vector<int> path;   // of the innermost open container, from the root
    bool afterKey = false;
    bool keyHit = false;
    qsizetype visited = 0;
    Tokens tokens(doc, doc.root());
    for (Tokens::Token t = tokens.next(); t.type != Tokens::End; t = tokens.next()) {
        if ((++visited & 4095) == 0 && cancel && cancel->isCancelled())
            break;
        if (t.type == Tokens::Close) {
            counts.pop_back();
            if (!path.empty())
                path.pop_back();
            continue;
        }
        const bool root = counts.empty();
        const int index = root ? 0 : afterKey ? counts.back() - 1 : counts.back()++;
        if (t.type == Tokens::Key) {
            afterKey = true;
            keyHit = contains(t.value);
            continue;
        }
        const bool hit = keyHit || (t.type == Tokens::Scalar && contains(t.value));
        afterKey = keyHit = false;
        if (hit) {
            hits.push_back(path);
            if (!root)
                hits.back().push_back(index);
            if (int(hits.size()) >= maxHits)
                break;
        }
        if (t.type == Tokens::Open) {
            if (!root)
                path.push_back(index);
            counts.push_back(0);
        }
    }
    return hits;
}

} // namespace statescope::json
