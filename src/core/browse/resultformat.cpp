// Rows written for programs: PostgreSQL's types mapped to JSON, unique names, COPY's CSV and
// text formats (resultformat.h has the mapping).
#include "core/browse/resultformat.h"

#include <nlohmann/json.hpp>

#include <QSet>

#include <algorithm>
#include <array>

namespace statescope::browse::resultformat {

namespace {

// The OIDs PostgreSQL assigns its own types by hand (below 10000: the same in every version).
enum : unsigned {
    kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kJson = 114, kFloat4 = 700, kFloat8 = 701,
    kNumeric = 1700, kJsonb = 3802,
    kBoolArray = 1000, kInt2Array = 1005, kInt4Array = 1007, kInt8Array = 1016, kOidArray = 1028,
    kFloat4Array = 1021, kFloat8Array = 1022, kNumericArray = 1231, kJsonArray = 199, kJsonbArray = 3807,
    kBoxArray = 1020,
};

// Every other array type of PostgreSQL 15's own below 10000 (pg_type, typcategory 'A', less
// int2vector and oidvector, which print as space-separated lists, and the arrays above): their
// elements are text.
// tst_resultformat checks this list against the server's catalog.
constexpr std::array<unsigned, 70> kTextArrays = {
    143, 210, 270, 271, 272, 273, 629, 651, 719, 775, 791, 1001, 1002, 1003, 1006, 1008, 1009, 1010,
    1011, 1012, 1013, 1014, 1015, 1017, 1018, 1019, 1027, 1034, 1040, 1041, 1115, 1182, 1183, 1185,
    1187, 1263, 1270, 1561, 1563, 2201, 2207, 2208, 2209, 2210, 2211, 2949, 2951, 3221, 3643, 3644,
    3645, 3735, 3770, 3905, 3907, 3909, 3911, 3913, 3927, 4073, 4090, 4097, 4192, 5039, 6150, 6151,
    6152, 6153, 6155, 6157,
};

Shape scalarShape(unsigned oid)
{
    switch (oid) {
    case kInt2: case kInt4: case kInt8: case kOid: case kFloat4: case kFloat8: case kNumeric: return Shape::Number;
    case kBool: return Shape::Bool;
    case kJson: case kJsonb: return Shape::Json;
    default: return Shape::Text;
    }
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QByteArrayView t)
{
    qsizetype i = 0;
    const qsizetype n = t.size();
    const auto digit = [&](qsizetype at) { return at < n && t[at] >= '0' && t[at] <= '9'; };
    if (i < n && t[i] == '-')
        ++i;
    if (!digit(i))
        return false;
    if (t[i] == '0')
        ++i;
    else
        while (digit(i))
            ++i;
    if (i < n && t[i] == '.') {
        ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == n;
}

// A json value's text on one line: whitespace outside strings dropped (json keeps the input's
// own layout, line breaks included; JSON Lines needs one line a row).
std::string compactJson(QByteArrayView t)
{
    std::string out;
    out.reserve(size_t(t.size()));
    bool inString = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < t.size())
                out += t[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            out += c;
        }
    }
    return out;
}

std::string scalarJson(Shape shape, QByteArrayView text, bool *invalid)
{
    switch (shape) {
    case Shape::Number:
        if (isJsonNumber(text))
            return std::string(text.data(), size_t(text.size()));
        break; // NaN, Infinity: a string
    case Shape::Bool:
        if (text == "t")
            return "true";
        if (text == "f")
            return "false";
        break;
    case Shape::Json:
        if (text.isValidUtf8())
            return compactJson(text);
        break;
    case Shape::Text:
    case Shape::Array:
        break;
    }
    return jsonString(text, invalid);
}

// PostgreSQL's array text ({1,2}, {{"a b",NULL},{c,d}}) read into JSON; false when it is not
// one this reads (explicit bounds, a malformed text): the caller writes the text as a string.
class ArrayReader
{
public:
    ArrayReader(QByteArrayView text, Shape element, char delimiter, bool *invalid)
        : m_t(text), m_element(element), m_delim(delimiter), m_invalid(invalid)
    {}

    bool read(std::string *out)
    {
        if (!array(out))
            return false;
        skipSpace();
        return m_at == m_t.size();
    }

private:
    void skipSpace()
    {
        while (m_at < m_t.size() && (m_t[m_at] == ' ' || m_t[m_at] == '\t' || m_t[m_at] == '\n' || m_t[m_at] == '\r'))
            ++m_at;
    }

    bool array(std::string *out)
    {
        skipSpace();
        if (m_at >= m_t.size() || m_t[m_at] != '{')
            return false;
        ++m_at;
        *out += '[';
        skipSpace();
        if (m_at < m_t.size() && m_t[m_at] == '}') {
            ++m_at;
            *out += ']';
            return true;
        }
        for (bool first = true;; first = false) {
            if (!first)
                *out += ',';
            skipSpace();
            if (m_at >= m_t.size())
                return false;
            if (m_t[m_at] == '{') {
                if (!array(out))
                    return false;
            } else if (!element(out)) {
                return false;
            }
            skipSpace();
            if (m_at >= m_t.size())
                return false;
            if (m_t[m_at] == '}') {
                ++m_at;
                *out += ']';
                return true;
            }
            if (m_t[m_at] != m_delim)
                return false;
            ++m_at;
        }
    }

    bool element(std::string *out)
    {
        QByteArray value;
        if (m_t[m_at] == '"') {
            ++m_at;
            for (;;) {
                if (m_at >= m_t.size())
                    return false;
                const char c = m_t[m_at++];
                if (c == '"')
                    break;
                if (c == '\\') {
                    if (m_at >= m_t.size())
                        return false;
                    value += m_t[m_at++];
                } else {
                    value += c;
                }
            }
            *out += scalarJson(m_element, value, m_invalid);
            return true;
        }
        // Unquoted: up to the delimiter or the closing brace, trailing blanks not part of it.
        bool escaped = false;
        qsizetype lastKept = -1;
        while (m_at < m_t.size() && m_t[m_at] != m_delim && m_t[m_at] != '}') {
            const char c = m_t[m_at++];
            if (c == '{' || c == '"')
                return false;
            if (c == '\\') {
                if (m_at >= m_t.size())
                    return false;
                value += m_t[m_at++];
                escaped = true;
                lastKept = value.size();
            } else {
                value += c;
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                    lastKept = value.size();
            }
        }
        value.truncate(std::max<qsizetype>(lastKept, 0));
        if (value.isEmpty())
            return false;
        if (!escaped && value.compare("NULL", Qt::CaseInsensitive) == 0)
            *out += "null";
        else
            *out += scalarJson(m_element, value, m_invalid);
        return true;
    }

    QByteArrayView m_t;
    Shape m_element;
    char m_delim;
    bool *m_invalid;
    qsizetype m_at = 0;
};

} // namespace

ColumnShape shapeOf(unsigned oid)
{
    switch (oid) {
    case kBoolArray: return {Shape::Array, Shape::Bool, ','};
    case kInt2Array: case kInt4Array: case kInt8Array: case kOidArray: case kFloat4Array: case kFloat8Array:
    case kNumericArray: return {Shape::Array, Shape::Number, ','};
    case kJsonArray: case kJsonbArray: return {Shape::Array, Shape::Json, ','};
    case kBoxArray: return {Shape::Array, Shape::Text, ';'};
    default: break;
    }
    if (oid != 0 && std::find(kTextArrays.begin(), kTextArrays.end(), oid) != kTextArrays.end())
        return {Shape::Array, Shape::Text, ','};
    return {scalarShape(oid), Shape::Text, ','};
}

QList<ColumnShape> shapesOf(const QList<unsigned> &typeOids)
{
    QList<ColumnShape> out;
    out.reserve(typeOids.size());
    for (const unsigned oid : typeOids)
        out.append(shapeOf(oid));
    return out;
}

std::string jsonString(QByteArrayView text, bool *invalidUtf8)
{
    if (!text.isValidUtf8() && invalidUtf8)
        *invalidUtf8 = true;
    return nlohmann::json(std::string(text.data(), size_t(text.size())))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string jsonValue(const ColumnShape &shape, QByteArrayView text, bool *invalidUtf8)
{
    if (shape.shape != Shape::Array)
        return scalarJson(shape.shape, text, invalidUtf8);
    std::string out;
    bool invalid = false;
    if (ArrayReader(text, shape.element, shape.delimiter, &invalid).read(&out)) {
        if (invalid && invalidUtf8)
            *invalidUtf8 = true;
        return out;
    }
    return jsonString(text, invalidUtf8);
}

QStringList uniqueNames(const QStringList &names, const QStringList &reserved)
{
    QSet<QString> taken(reserved.begin(), reserved.end());
    const QSet<QString> given(names.begin(), names.end());
    QStringList out;
    out.reserve(names.size());
    for (const QString &n : names) {
        QString name = n;
        // A suffixed name is never one another column of the result has as its own.
        for (int k = 2; taken.contains(name); ++k)
            if (const QString next = n + QStringLiteral("_%1").arg(k); !given.contains(next))
                name = next;
        taken.insert(name);
        out << name;
    }
    return out;
}

std::string objectLine(const QStringList &names, const std::vector<std::string> &values, bool invalidUtf8)
{
    std::string out = "{";
    for (qsizetype i = 0; i < names.size() && size_t(i) < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += jsonString(names[i].toUtf8());
        out += ':';
        out += values[size_t(i)];
    }
    if (invalidUtf8) {
        QString mark = QStringLiteral("invalid_utf8");
        while (names.contains(mark))
            mark.prepend(QLatin1Char('_'));
        out += names.isEmpty() ? "" : ",";
        out += jsonString(mark.toUtf8()) + ":true";
    }
    out += '}';
    return out;
}

std::vector<std::string> jsonValues(const QList<ColumnShape> &shapes,
                                    const std::vector<std::optional<QByteArray>> &cells, bool *invalidUtf8)
{
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (size_t c = 0; c < cells.size(); ++c)
        out.push_back(cells[c] ? jsonValue(qsizetype(c) < shapes.size() ? shapes[qsizetype(c)] : ColumnShape{},
                                           *cells[c], invalidUtf8)
                               : std::string("null"));
    return out;
}

namespace {

bool needsQuotes(QByteArrayView v)
{
    for (const char c : v)
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    return v.isEmpty();
}

void appendCsvField(QByteArray &out, QByteArrayView v)
{
    if (!needsQuotes(v)) {
        out.append(v);
        return;
    }
    out += '"';
    for (const char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendEscaped(QByteArray &out, QByteArrayView v)
{
    // Most values need no escape: copied whole.
    qsizetype from = 0;
    for (qsizetype at = 0; at < v.size(); ++at) {
        const char c = v[at];
        const char *escape = nullptr;
        switch (c) {
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\v': escape = "\\v"; break;
        default: continue;
        }
        out.append(v.sliced(from, at - from));
        out.append(escape, 2);
        from = at + 1;
    }
    out.append(v.sliced(from));
}

std::vector<std::optional<QByteArrayView>> viewsOf(const std::vector<std::optional<QByteArray>> &cells)
{
    std::vector<std::optional<QByteArrayView>> views;
    views.reserve(cells.size());
    for (const auto &cell : cells)
        views.push_back(cell ? std::optional<QByteArrayView>(*cell) : std::nullopt);
    return views;
}

} // namespace

QByteArray csvField(const std::optional<QByteArray> &value)
{
    QByteArray out;
    if (value)
        appendCsvField(out, *value);
    return out;
}

void appendCsvLine(QByteArray &out, const std::vector<std::optional<QByteArrayView>> &cells)
{
    // \. alone on a line would read as the end of the data: COPY quotes it there.
    if (cells.size() == 1 && cells[0] && *cells[0] == "\\.") {
        out += "\"\\.\"\n";
        return;
    }
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c > 0)
            out += ',';
        if (cells[c])
            appendCsvField(out, *cells[c]);
    }
    out += '\n';
}

QByteArray csvLine(const std::vector<std::optional<QByteArray>> &cells)
{
    QByteArray line;
    appendCsvLine(line, viewsOf(cells));
    return line;
}

QByteArray textField(const std::optional<QByteArray> &value)
{
    QByteArray out;
    if (value)
        appendEscaped(out, *value);
    else
        out = QByteArrayLiteral("\\N");
    return out;
}

void appendTextLine(QByteArray &out, const std::vector<std::optional<QByteArrayView>> &cells)
{
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c > 0)
            out += '\t';
        if (cells[c])
            appendEscaped(out, *cells[c]);
        else
            out += "\\N";
    }
    out += '\n';
}

QByteArray textLine(const std::vector<std::optional<QByteArray>> &cells)
{
    QByteArray line;
    appendTextLine(line, viewsOf(cells));
    return line;
}

std::vector<std::optional<QByteArray>> headerCells(const QStringList &names)
{
    std::vector<std::optional<QByteArray>> out;
    out.reserve(size_t(names.size()));
    for (const QString &n : names)
        out.emplace_back(n.toUtf8());
    return out;
}

} // namespace statescope::browse::resultformat
