#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace statescope {
class CancelToken;
}

namespace statescope::json {

// Lossless JSON for the viewers. QJsonDocument (and nlohmann, into doubles) lose numbers
// beyond double range, refuse top-level scalars or deep nesting; this keeps the text as
// it came and reads it in place. Parsing validates once, iteratively (any depth, any
// size); children of a container are found on demand by scanning its span, so a 50 MB
// document shows its top level without building a tree for all of it.

enum class Kind : quint8 { Null, False, True, Number, String, Array, Object };

struct ParseError
{
    QString message;       // what was expected or found, in words
    qsizetype offset = -1; // byte offset into the text
    int line = 0;          // 1-based
    int column = 0;        // 1-based, counted in code points
};

// A value inside a Document: its kind and the span of its text. Cheap to copy; only
// meaningful with the Document it came from.
struct Value
{
    Kind kind = Kind::Null;
    qsizetype begin = 0; // first byte of the value
    qsizetype end = 0;   // one past its last byte
    bool isContainer() const { return kind == Kind::Array || kind == Kind::Object; }
};

// One child of a container: for an object member, key is the span of the quoted key
// (kind String); for an array element, key is empty (begin == end) and index tells.
struct Member
{
    int index = 0;
    Value key;
    Value value;
};

// One step of a path from the root: an object key or an array index.
struct PathStep
{
    bool isIndex = false;
    int index = 0;
    QString key;
    static PathStep ofKey(QString k) { return PathStep{false, 0, std::move(k)}; }
    static PathStep ofIndex(int i) { return PathStep{true, i, {}}; }
    bool operator==(const PathStep &o) const
    {
        return isIndex == o.isIndex && (isIndex ? index == o.index : key == o.key);
    }
};
using Path = std::vector<PathStep>;

// RFC 6901 JSON Pointer ("/ships/0/fuel"; "~" and "/" escaped as ~0 and ~1).
QString toPointer(const Path &path);
// SQL/JSON path as PostgreSQL reads it ($."ships"[0]."fuel"); usable in a @? filter.
QString toJsonPath(const Path &path);
// Parses a JSON Pointer; nullopt when malformed. Numeric tokens become indexes only
// when resolved against an array, so they are returned as keys here.
std::optional<Path> fromPointer(const QString &pointer);

class Document
{
public:
    Document() = default;
    // Validates the whole text (RFC 8259: one value, UTF-8, any top-level kind, no
    // nesting limit). Never throws; an invalid text gives a Document with error().
    static Document parse(QByteArray text);

    bool isValid() const { return m_valid; }
    const std::optional<ParseError> &error() const { return m_error; }
    const QByteArray &text() const { return m_text; }

    // The top-level value; only for a valid document.
    Value root() const { return m_root; }
    QByteArrayView raw(Value v) const;

    // Decoded text of a String value (escapes resolved; an unpaired surrogate escape
    // becomes U+FFFD). For other kinds, the raw text.
    QString string(Value v) const;
    // A short one-line rendering for a tree cell: strings quoted and decoded (cut at
    // maxChars with "…"), numbers exactly as stored, {…n} / […n] for containers
    // only when count is known by the caller (here: "{…}" / "[…]").
    QString display(Value v, int maxChars = 200) const;

    // Children in document order. A cursor scans the container's span once; call
    // next() until it returns false. Cheap to start anywhere: chunked loading keeps one.
    class ChildCursor
    {
    public:
        bool next(Member &out);
        bool atEnd() const { return m_done; }

    private:
        friend class Document;
        const Document *m_doc = nullptr;
        qsizetype m_pos = 0;
        qsizetype m_end = 0;
        int m_index = 0;
        bool m_object = false;
        bool m_done = true;
    };
    ChildCursor children(Value container) const;
    std::vector<Member> childList(Value container, qsizetype limit = -1) const;
    qsizetype childCount(Value container) const;

    // Follows a path from root; nullopt when a step does not exist. An index step
    // matches array elements; a key step that is all digits also matches an array index.
    std::optional<Value> resolve(const Path &path) const;
    std::optional<Value> member(Value object, const QString &key) const;

private:
    QByteArray m_text;
    bool m_valid = false;
    std::optional<ParseError> m_error;
    Value m_root;
};

// Two values are equal as JSON: objects regardless of member order, numbers by value
// (1.0 == 1 == 10e-1, exactly, without going through double), strings by decoded
// content. Iterative: any depth.
bool equal(const Document &a, Value va, const Document &b, Value vb);

// Pretty text (two-space indent, capped so very deep documents stay readable), stopping
// after about maxBytes; *truncated tells whether it stopped early. Iterative.
QByteArray pretty(const Document &doc, Value v, qsizetype maxBytes = -1,
                  bool *truncated = nullptr);
// The same, whole, handed to `sink` a megabyte at a time (for writing out a big document
// without holding its pretty text).
void pretty(const Document &doc, Value v, const std::function<void(const QByteArray &)> &sink);

// Paths (as child indexes from root, in document order) of keys or scalar values whose
// text contains needle, case-insensitively; at most maxHits. The cancel token, if any,
// is checked as the scan goes.
std::vector<std::vector<int>> find(const Document &doc, const QString &needle, int maxHits,
                                   CancelToken *cancel = nullptr);

} // namespace statescope::json
