#include "core/json/document.h"

#include "core/json/scan.h"

namespace statescope::json {

namespace {

using detail::kBytes;
using detail::kindAt;
using detail::skipString;
using detail::skipValue;
using uchar = unsigned char;

int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

// Appends the decoded inside of a string (between the quotes) to out, stopping once out
// holds more than limit UTF-16 units (limit < 0: no limit).
void decode(const char *p, const char *end, QString &out, qsizetype limit)
{
    while (p < end && (limit < 0 || out.size() <= limit)) {
        const char *run = p;
        const char *stop = end; // a display() of a 10 MB string reads only its start
        if (limit >= 0)
            stop = std::min(end, p + 3 * (limit + 1 - out.size()) + 3); // enough for the rest
        while (p < stop && *p != '\\')
            ++p;
        if (p > run) {
            if (p == stop && stop < end) {
                while ((uchar(*p) & 0xC0) == 0x80)
                    --p; // not inside a UTF-8 sequence
            }
            out += QString::fromUtf8(run, p - run);
            continue;
        }
        if (p + 1 >= end)
            break;
        const char c = p[1];
        p += 2;
        switch (c) {
        case 'b':
            out += QChar(u'\b');
            break;
        case 'f':
            out += QChar(u'\f');
            break;
        case 'n':
            out += QChar(u'\n');
            break;
        case 'r':
            out += QChar(u'\r');
            break;
        case 't':
            out += QChar(u'\t');
            break;
        case 'u': {
            if (end - p < 4)
                return;
            const int u = hex4(p);
            p += 4;
            if (u >= 0xD800 && u <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                const int lo = hex4(p + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    out += QChar(char16_t(u));
                    out += QChar(char16_t(lo));
                    p += 6;
                    break;
                }
            }
            out += (u >= 0xD800 && u <= 0xDFFF) ? QChar(QChar::ReplacementCharacter)
                                                : QChar(char16_t(u));
            break;
        }
        default:
            out += QChar(char16_t(uchar(c)));
            break; // " \ /
        }
    }
}

bool isIndexToken(const QString &key, int *index)
{
    if (key.isEmpty() || key.size() > 9 || (key.size() > 1 && key.front() == u'0'))
        return false;
    for (QChar c : key) {
        if (c < u'0' || c > u'9')
            return false;
    }
    *index = key.toInt();
    return true;
}

} // namespace

Document Document::parse(QByteArray text)
{
    Document doc;
    doc.m_text = std::move(text);
    const detail::Validation v = detail::validate(doc.m_text);
    if (v.ok) {
        doc.m_valid = true;
        doc.m_root = Value{kindAt(doc.m_text.at(v.rootBegin)), v.rootBegin, v.rootEnd};
        return doc;
    }
    ParseError error;
    error.message = v.message;
    error.offset = v.errorOffset;
    // Line and column (in code points) of the offending byte; CR LF, LF or CR end a line.
    const auto *begin = reinterpret_cast<const uchar *>(doc.m_text.constData());
    const uchar *at = begin + v.errorOffset;
    const uchar *end = begin + doc.m_text.size();
    const uchar *lineStart = begin;
    error.line = 1;
    for (const uchar *q = begin; q < at; ++q) {
        if (*q == '\n' || (*q == '\r' && (q + 1 >= end || q[1] != '\n'))) {
            ++error.line;
            lineStart = q + 1;
        }
    }
    error.column = 1;
    for (const uchar *q = lineStart; q < at; ++q)
        error.column += (*q & 0xC0) != 0x80;
    doc.m_error = std::move(error);
    return doc;
}

QByteArrayView Document::raw(Value v) const
{
    if (v.begin < 0 || v.end > m_text.size() || v.begin > v.end)
        return {};
    return QByteArrayView(m_text.constData() + v.begin, v.end - v.begin);
}

QString Document::string(Value v) const
{
    const QByteArrayView r = raw(v);
    if (v.kind != Kind::String || r.size() < 2)
        return QString::fromUtf8(r);
    QString out;
    decode(r.data() + 1, r.data() + r.size() - 1, out, -1);
    return out;
}

QString Document::display(Value v, int maxChars) const
{
    switch (v.kind) {
    case Kind::Object:
        return QStringLiteral("{…}");
    case Kind::Array:
        return QStringLiteral("[…]");
    case Kind::String:
        break;
    default:
        return QString::fromUtf8(raw(v));
    }
    const QByteArrayView r = raw(v);
    QString text;
    if (r.size() >= 2)
        decode(r.data() + 1, r.data() + r.size() - 1, text, qMax(0, maxChars));
    const bool cut = text.size() > maxChars;
    if (cut) {
        qsizetype n = qMax(0, maxChars);
        if (n > 0 && text.at(n - 1).isHighSurrogate())
            --n; // keep pairs whole
        text.truncate(n);
    }
    QString out;
    out.reserve(text.size() + 3);
    out += u'"';
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u != 0x7F && !(u >= 0x80 && u < 0xA0) && u != 0x2028 && u != 0x2029) {
            out += c;
            continue;
        }
        detail::appendEscape(out, u);
    }
    if (cut)
        out += u'…';
    out += u'"';
    return out;
}

bool Document::ChildCursor::next(Member &out)
{
    if (m_done)
        return false;
    const char *base = m_doc->m_text.constData();
    const char *p = base + m_pos;
    const char *end = base + m_end;
    while (p < end && (kBytes.ws[uchar(*p)] || *p == ','))
        ++p;
    if (p >= end) {
        m_done = true;
        m_pos = m_end;
        return false;
    }
    out.index = m_index++;
    out.key = Value{Kind::String, 0, 0};
    if (m_object) {
        const char *k = p;
        p = skipString(p, end);
        out.key = Value{Kind::String, k - base, p - base};
        while (p < end && (kBytes.ws[uchar(*p)] || *p == ':'))
            ++p;
    }
    const char *v = p;
    p = skipValue(p, end);
    out.value = Value{kindAt(*v), v - base, p - base};
    m_pos = p - base;
    return true;
}

Document::ChildCursor Document::children(Value container) const
{
    ChildCursor c;
    c.m_doc = this;
    if (!m_valid || !container.isContainer() || container.end - container.begin < 2 ||
        container.end > m_text.size())
        return c; // done: no children
    c.m_pos = container.begin + 1;
    c.m_end = container.end - 1; // the closing bracket
    c.m_object = container.kind == Kind::Object;
    c.m_done = false;
    return c;
}

std::vector<Member> Document::childList(Value container, qsizetype limit) const
{
    std::vector<Member> list;
    ChildCursor c = children(container);
    Member m;
    while ((limit < 0 || qsizetype(list.size()) < limit) && c.next(m))
        list.push_back(m);
    return list;
}

qsizetype Document::childCount(Value container) const
{
    qsizetype n = 0;
    ChildCursor c = children(container);
    Member m;
    while (c.next(m))
        ++n;
    return n;
}

std::optional<Value> Document::member(Value object, const QString &key) const
{
    if (object.kind != Kind::Object)
        return std::nullopt;
    const QByteArray utf8 = key.toUtf8();
    std::optional<Value> hit;
    ChildCursor c = children(object);
    Member m;
    while (c.next(m)) {
        const QByteArrayView k = raw(m.key).sliced(1).chopped(1);
        const bool same = k.contains('\\') ? string(m.key) == key : k == QByteArrayView(utf8);
        if (same)
            hit = m.value; // the last of duplicate keys wins, as in jsonb
    }
    return hit;
}

std::optional<Value> Document::resolve(const Path &path) const
{
    if (!m_valid)
        return std::nullopt;
    Value v = m_root;
    for (const PathStep &step : path) {
        if (v.kind == Kind::Object && !step.isIndex) {
            const auto next = member(v, step.key);
            if (!next)
                return std::nullopt;
            v = *next;
            continue;
        }
        int index = step.index;
        if (v.kind != Kind::Array || (!step.isIndex && !isIndexToken(step.key, &index)) ||
            index < 0)
            return std::nullopt;
        ChildCursor c = children(v);
        Member m;
        bool found = false;
        while (c.next(m)) {
            if (m.index == index) {
                found = true;
                break;
            }
        }
        if (!found)
            return std::nullopt;
        v = m.value;
    }
    return v;
}

} // namespace statescope::json
