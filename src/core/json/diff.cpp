#include "core/json/diff.h"

#include "core/json/scan.h"
#include "core/task/canceltoken.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace statescope::json {

namespace {

// Counts steps and looks at the token now and then: often enough to stop a big diff
// promptly, rarely enough to cost nothing.
class Ticker
{
public:
    explicit Ticker(CancelToken *token) : m_token(token) {}
    void tick()
    {
        if (++m_count >= 4096) {
            m_count = 0;
            if (m_token)
                m_token->throwIfCancelled();
        }
    }

private:
    CancelToken *m_token;
    int m_count = 0;
};

// What identifies a scalar for matching: its kind and its decoded (string) or raw text.
QString identity(const Document &doc, Value v)
{
    const QChar tag(u'0' + int(v.kind));
    if (v.kind == Kind::String)
        return tag + doc.string(v);
    return tag + QString::fromUtf8(doc.raw(v));
}

bool collectIdentities(const Document &doc, const std::vector<Member> &elements,
                       const QString &key, std::vector<QString> &out,
                       const std::function<void()> &tick)
{
    out.clear();
    out.reserve(elements.size());
    QSet<QString> seen;
    seen.reserve(qsizetype(elements.size()));
    for (const Member &m : elements) {
        if (tick)
            tick();
        const std::optional<Value> v = doc.member(m.value, key);
        if (!v || v->isContainer())
            return false;
        QString id = identity(doc, *v);
        if (seen.contains(id))
            return false;
        seen.insert(id);
        out.push_back(std::move(id));
    }
    return true;
}

std::optional<ArrayMatch> matchKeyed(const Document &a, const std::vector<Member> &ea,
                                     const Document &b, const std::vector<Member> &eb,
                                     const DiffOptions &options, Ticker &ticker)
{
    if (!options.keyedArrays || (ea.empty() && eb.empty()))
        return std::nullopt;
    const auto isObject = [](const Member &m) { return m.value.kind == Kind::Object; };
    if (!std::all_of(ea.begin(), ea.end(), isObject) ||
        !std::all_of(eb.begin(), eb.end(), isObject))
        return std::nullopt;
    std::vector<QString> ida, idb;
    for (const QString &key : options.identityKeys) {
        if (key.isEmpty() || !collectIdentities(a, ea, key, ida, [&] { ticker.tick(); }) ||
            !collectIdentities(b, eb, key, idb, [&] { ticker.tick(); }))
            continue;
        QHash<QString, int> oldIndex;
        oldIndex.reserve(qsizetype(ida.size()));
        for (int i = 0; i < int(ida.size()); ++i)
            oldIndex.insert(ida[i], i);
        ArrayMatch match;
        match.identityKey = key;
        int last = -1;
        for (int j = 0; j < int(idb.size()); ++j) {
            const auto it = oldIndex.constFind(idb[j]);
            if (it == oldIndex.constEnd())
                continue;
            // A reordering cannot be written as removes, edits and adds in place.
            if (*it <= last)
                return std::nullopt;
            last = *it;
            match.pairs.emplace_back(*it, j);
        }
        return match;
    }
    return std::nullopt;
}

ArrayMatch matchPositional(const Document &a, const std::vector<Member> &ea, const Document &b,
                           const std::vector<Member> &eb, Ticker &ticker)
{
    const int na = int(ea.size());
    const int nb = int(eb.size());
    const int common = std::min(na, nb);
    ArrayMatch match;
    // Equal lengths pair by index whatever the ends hold, so the (deep) comparisons that
    // trimming needs would buy nothing.
    if (na == nb) {
        match.pairs.reserve(size_t(na));
        for (int i = 0; i < na; ++i)
            match.pairs.emplace_back(i, i);
        return match;
    }
    int &p = match.prefix;
    while (p < common && (ticker.tick(), equal(a, ea[p].value, b, eb[p].value)))
        ++p;
    int &s = match.suffix;
    while (s < common - p &&
           (ticker.tick(), equal(a, ea[na - 1 - s].value, b, eb[nb - 1 - s].value)))
        ++s;
    const int middle = std::min(na, nb) - p - s;
    match.pairs.reserve(size_t(p + middle + s));
    for (int i = 0; i < p + middle; ++i)
        match.pairs.emplace_back(i, i);
    for (int k = 0; k < s; ++k)
        match.pairs.emplace_back(na - s + k, nb - s + k);
    return match;
}

ArrayMatch matchImpl(const Document &a, const std::vector<Member> &ea, const Document &b,
                     const std::vector<Member> &eb, const DiffOptions &options, Ticker &ticker)
{
    if (auto keyed = matchKeyed(a, ea, b, eb, options, ticker))
        return std::move(*keyed);
    return matchPositional(a, ea, b, eb, ticker);
}

// Digits after the decimal point of a JSON number as written (-1 with an exponent).
int decimals(const QByteArray &number)
{
    if (number.contains('e') || number.contains('E'))
        return -1;
    const qsizetype dot = number.indexOf('.');
    return dot < 0 ? 0 : int(number.size() - dot - 1);
}

// after - before, rounded to the decimals the two numbers are written with, so that
// 1000.5 -> 94.4 is -906.1 and not the binary -906.1000000000000227...
std::optional<double> numericDelta(const Document &a, Value va, const Document &b, Value vb);

std::optional<double> toDouble(const Document &doc, Value v)
{
    bool ok = false;
    const double x = doc.raw(v).toByteArray().toDouble(&ok);
    if (!ok || !std::isfinite(x))
        return std::nullopt;
    return x;
}

std::optional<double> numericDelta(const Document &a, Value va, const Document &b, Value vb)
{
    const auto before = toDouble(a, va);
    const auto after = toDouble(b, vb);
    if (!before || !after || !std::isfinite(*after - *before))
        return std::nullopt;
    const double d = *after - *before;
    const int da = decimals(a.raw(va).toByteArray());
    const int db = decimals(b.raw(vb).toByteArray());
    const int places = std::max(da, db);
    if (da < 0 || db < 0 || places > 15)
        return d;
    const double scale = std::pow(10.0, places);
    const double rounded = std::round(d * scale) / scale;
    return std::isfinite(rounded) ? rounded : d;
}

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.front().isDigit())
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'_';
    });
}

void appendQuoted(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (uchar(c) < 0x20)
            out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    out += '"';
}

// The walk. Each path step is stored once and shared by everything beneath it; a Change
// builds its Path from the chain only when it is emitted.
class Differ
{
public:
    Differ(const Document &a, const Document &b, const DiffOptions &options, CancelToken *cancel)
        : m_a(a), m_b(b), m_options(options), m_ticker(cancel)
    {
    }

    DiffResult run(Value va, Value vb)
    {
        if (m_a.raw(va) == m_b.raw(vb))
            return {};
        m_steps.push_back(Step{});
        m_stack.push_back(Work{Work::Compare, Change::Op::Replace, 0, va, vb});
        std::vector<Work> items;
        while (!m_stack.empty()) {
            const Work w = m_stack.back();
            m_stack.pop_back();
            m_ticker.tick();
            if (w.kind == Work::Emit) {
                record(w);
                continue;
            }
            if (w.a.kind != w.b.kind || !w.a.isContainer()) {
                if (!equal(m_a, w.a, m_b, w.b))
                    record(Work{Work::Emit, Change::Op::Replace, w.step, w.a, w.b});
                continue;
            }
            items.clear();
            if (w.a.kind == Kind::Object)
                expandObject(w, items);
            else
                expandArray(w, items);
            // Reversed onto the stack, so they come off in order: depth first, in sequence.
            m_stack.insert(m_stack.end(), items.rbegin(), items.rend());
        }
        return std::move(m_result);
    }

private:
    struct Step
    {
        int parent = -1;
        PathStep step;
        int keyed = -1;      // index into identityKeys for a keyed array element
        bool inFirst = true; // the element below lives in the first document
        Value element;       // the keyed element, for its identity in displayPath
    };
    struct Work
    {
        enum Kind : quint8 { Compare, Emit } kind;
        Change::Op op;
        int step;
        Value a, b;
    };

    int addStep(int parent, PathStep step, int keyed = -1, bool inFirst = true, Value element = {})
    {
        m_steps.push_back(Step{parent, std::move(step), keyed, inFirst, element});
        return int(m_steps.size()) - 1;
    }

    static void removed(std::vector<Work> &items, int step, Value v)
    {
        items.push_back(Work{Work::Emit, Change::Op::Remove, step, v, Value()});
    }
    static void added(std::vector<Work> &items, int step, Value v)
    {
        items.push_back(Work{Work::Emit, Change::Op::Add, step, Value(), v});
    }

    // A matched pair: scalars are settled at once; containers of one kind are walked.
    template <class MakeStep> void pair(std::vector<Work> &items, Value va, Value vb, MakeStep step)
    {
        m_ticker.tick();
        // The same text is the same value; snapshots of a state are mostly that, and a
        // byte compare is far cheaper than walking them.
        if (m_a.raw(va) == m_b.raw(vb))
            return;
        if (va.kind == vb.kind && va.isContainer())
            items.push_back(Work{Work::Compare, Change::Op::Replace, step(), va, vb});
        else if (va.kind != vb.kind || !equal(m_a, va, m_b, vb))
            items.push_back(Work{Work::Emit, Change::Op::Replace, step(), va, vb});
    }

    void expandObject(const Work &w, std::vector<Work> &items)
    {
        // Duplicate keys: the last one counts, as in most parsers (nlohmann, JavaScript).
        using Keys = std::vector<std::pair<QString, Value>>;
        const auto read = [this](const Document &doc, Value object, Keys &keys,
                                 QHash<QString, Value> &index) {
            Document::ChildCursor cursor = doc.children(object);
            Member m;
            while (cursor.next(m)) {
                m_ticker.tick();
                QString key = doc.string(m.key);
                if (!index.contains(key))
                    keys.emplace_back(key, m.value);
                index.insert(std::move(key), m.value);
            }
        };
        Keys keysA, keysB;
        QHash<QString, Value> inA, inB;
        read(m_a, w.a, keysA, inA);
        read(m_b, w.b, keysB, inB);
        for (const auto &entry : keysA) {
            // A named reference: clang 14 cannot capture a structured binding in a lambda.
            const QString &key = entry.first;
            const Value va = inA.value(key);
            const auto it = inB.constFind(key);
            const auto step = [&] { return addStep(w.step, PathStep::ofKey(key)); };
            if (it == inB.constEnd())
                removed(items, step(), va);
            else
                pair(items, va, *it, step);
        }
        for (const auto &[key, first] : keysB) {
            if (!inA.contains(key))
                added(items, addStep(w.step, PathStep::ofKey(key)), inB.value(key));
        }
    }

    void expandArray(const Work &w, std::vector<Work> &items)
    {
        const std::vector<Member> ea = m_a.childList(w.a);
        const std::vector<Member> eb = m_b.childList(w.b);
        const ArrayMatch match = matchImpl(m_a, ea, m_b, eb, m_options, m_ticker);
        const int na = int(ea.size());
        const int nb = int(eb.size());
        if (match.keyed()) {
            // Removes from the back keep the indexes still to remove valid; the matched
            // elements then sit at their rank, and adds in ascending order land where the
            // second document has them.
            const int key = int(m_options.identityKeys.indexOf(match.identityKey));
            std::vector<bool> matchedA(size_t(na), false), matchedB(size_t(nb), false);
            for (const auto &[i, j] : match.pairs) {
                matchedA[size_t(i)] = true;
                matchedB[size_t(j)] = true;
            }
            for (int i = na - 1; i >= 0; --i) {
                const Value v = ea[size_t(i)].value;
                if (!matchedA[size_t(i)])
                    removed(items, addStep(w.step, PathStep::ofIndex(i), key, true, v), v);
            }
            for (int k = 0; k < int(match.pairs.size()); ++k) {
                const auto [i, j] = match.pairs[size_t(k)];
                const Value va = ea[size_t(i)].value;
                pair(items, va, eb[size_t(j)].value,
                     [&] { return addStep(w.step, PathStep::ofIndex(k), key, true, va); });
            }
            for (int j = 0; j < nb; ++j) {
                const Value v = eb[size_t(j)].value;
                if (!matchedB[size_t(j)])
                    added(items, addStep(w.step, PathStep::ofIndex(j), key, false, v), v);
            }
            return;
        }
        const int p = match.prefix;
        const int common = std::min(na, nb) - p - match.suffix;
        for (int i = p; i < p + common; ++i)
            pair(items, ea[size_t(i)].value, eb[size_t(i)].value,
                 [&] { return addStep(w.step, PathStep::ofIndex(i)); });
        for (int i = na - match.suffix - 1; i >= p + common; --i)
            removed(items, addStep(w.step, PathStep::ofIndex(i)), ea[size_t(i)].value);
        for (int j = p + common; j < nb - match.suffix; ++j)
            added(items, addStep(w.step, PathStep::ofIndex(j)), eb[size_t(j)].value);
    }

    void record(const Work &w)
    {
        Change c;
        c.op = w.op;
        for (int s = w.step; s > 0; s = m_steps[size_t(s)].parent)
            c.path.push_back(m_steps[size_t(s)].step);
        std::reverse(c.path.begin(), c.path.end());
        c.displayPath = displayPath(w.step);
        if (w.op != Change::Op::Add)
            c.before = w.a;
        if (w.op != Change::Op::Remove)
            c.after = w.b;
        if (w.op == Change::Op::Replace && w.a.kind == Kind::Number && w.b.kind == Kind::Number)
            c.delta = numericDelta(m_a, w.a, m_b, w.b);
        m_result.changes.push_back(std::move(c));
    }

    QString displayPath(int step) const
    {
        QStringList parts;
        for (int s = step; s > 0; s = m_steps[size_t(s)].parent) {
            const Step &st = m_steps[size_t(s)];
            if (st.keyed >= 0) {
                const QString &key = m_options.identityKeys.at(st.keyed);
                const Document &doc = st.inFirst ? m_a : m_b;
                const std::optional<Value> id = doc.member(st.element, key);
                parts << QStringLiteral("[%1=%2]").arg(key, id ? doc.display(*id, 60) : QString());
            } else if (st.step.isIndex) {
                parts << QStringLiteral("[%1]").arg(st.step.index);
            } else if (isIdentifier(st.step.key)) {
                parts << QLatin1Char('.') + st.step.key;
            } else {
                QByteArray quoted;
                appendQuoted(quoted, st.step.key);
                parts << QLatin1Char('.') + QString::fromUtf8(quoted);
            }
        }
        std::reverse(parts.begin(), parts.end());
        return QLatin1Char('$') + parts.join(QString());
    }

    const Document &m_a;
    const Document &m_b;
    const DiffOptions &m_options;
    Ticker m_ticker;
    std::vector<Step> m_steps;
    std::vector<Work> m_stack;
    DiffResult m_result;
};

} // namespace

ArrayMatch matchArrays(const Document &a, Value va, const Document &b, Value vb,
                       const DiffOptions &options, CancelToken *cancel)
{
    Ticker ticker(cancel);
    return matchImpl(a, a.childList(va), b, b.childList(vb), options, ticker);
}

DiffResult diff(const Document &a, Value va, const Document &b, Value vb,
                const DiffOptions &options, CancelToken *cancel)
{
    return Differ(a, b, options, cancel).run(va, vb);
}

QByteArray DiffResult::patch(const Document &after) const
{
    QByteArray out("[");
    bool first = true;
    for (const Change &c : changes) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        static const char *const names[] = {"add", "remove", "replace"};
        out += R"({"op":")";
        out += names[int(c.op)];
        out += R"(","path":)";
        appendQuoted(out, toPointer(c.path));
        if (c.op != Change::Op::Remove && c.after) {
            out += R"(,"value":)";
            out += after.raw(*c.after);
        }
        out += '}';
    }
    out += first ? "]" : "\n]";
    return out;
}

std::optional<QString> keyedJsonPath(const Document &doc, const Path &path,
                                     const DiffOptions &options)
{
    if (!doc.isValid())
        return std::nullopt;
    QString out = QStringLiteral("$");
    bool keyedAny = false;
    Value at = doc.root();
    for (const PathStep &step : path) {
        const bool index = at.kind == Kind::Array;
        std::vector<Member> elements = doc.childList(at);
        const int position = step.isIndex ? step.index : (index ? step.key.toInt() : -1);
        if (index) {
            if (position < 0 || position >= int(elements.size()))
                return std::nullopt;
            QString key;
            std::vector<QString> ids;
            if (options.keyedArrays) {
                for (const QString &candidate : options.identityKeys) {
                    ids.clear();
                    if (collectIdentities(doc, elements, candidate, ids, {})) {
                        key = candidate;
                        break;
                    }
                }
            }
            const Value element = elements[size_t(position)].value;
            const auto id = key.isEmpty() ? std::nullopt : doc.member(element, key);
            if (id && (id->kind == Kind::String || id->kind == Kind::Number)) {
                QString literal;
                if (id->kind == Kind::String)
                    detail::appendJsonString(literal, doc.string(*id));
                else
                    literal = QString::fromUtf8(doc.raw(*id));
                out += QStringLiteral("[*] ? (@");
                detail::appendJsonString((out += u'.'), key);
                out += QStringLiteral(" == %1)").arg(literal);
                keyedAny = true;
            } else {
                out += QStringLiteral("[%1]").arg(position);
            }
            at = element;
            continue;
        }
        if (at.kind != Kind::Object || step.isIndex)
            return std::nullopt;
        const auto next = doc.member(at, step.key);
        if (!next)
            return std::nullopt;
        detail::appendJsonString((out += u'.'), step.key);
        at = *next;
    }
    if (!keyedAny)
        return std::nullopt;
    return out;
}

bool elementIdentities(const Document &doc, const std::vector<Member> &elements,
                       const QString &key, std::vector<QString> &out,
                       const std::function<void()> &tick)
{
    return collectIdentities(doc, elements, key, out, tick);
}

} // namespace statescope::json
