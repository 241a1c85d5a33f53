#include "statediff.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <vector>

namespace statescope::snapshots {

namespace {

using json::Document;
using json::Kind;
using json::Member;
using json::Value;

// Deeper than this, subtrees are copied as they are: the walk recurses, and real states
// are a few levels deep.
constexpr int kMaxDepth = 256;

class Aligner
{
public:
    Aligner(const Document &a, const Document &b, const json::DiffOptions &options)
        : m_a(a), m_b(b), m_options(options)
    {
    }

    QByteArray run()
    {
        m_out.reserve(m_b.text().size());
        write(m_b.root(), m_a.root(), 0);
        return m_out;
    }

private:
    void write(Value vb, std::optional<Value> va, int depth)
    {
        // Nothing to align against, or nothing that could differ: the text as it is.
        if (!vb.isContainer() || !va || va->kind != vb.kind || depth > kMaxDepth ||
            m_a.raw(*va) == m_b.raw(vb)) {
            m_out += m_b.raw(vb);
            return;
        }
        if (vb.kind == Kind::Object) {
            m_out += '{';
            Document::ChildCursor cursor = m_b.children(vb);
            Member m;
            bool first = true;
            while (cursor.next(m)) {
                m_out += first ? "" : ", ";
                first = false;
                m_out += m_b.raw(m.key);
                m_out += ": ";
                write(m.value, m_a.member(*va, m_b.string(m.key)), depth + 1);
            }
            m_out += '}';
            return;
        }
        const std::vector<Member> ea = m_a.childList(*va);
        const std::vector<Member> eb = m_b.childList(vb);
        m_out += '[';
        int written = 0;
        auto element = [&](int j, std::optional<Value> counterpart) {
            m_out += written++ ? ", " : "";
            write(eb[size_t(j)].value, counterpart, depth + 1);
        };
        std::vector<QString> ida, idb;
        const bool keyed = m_options.keyedArrays && !ea.empty() && !eb.empty() &&
                           std::any_of(m_options.identityKeys.begin(), m_options.identityKeys.end(),
                                       [&](const QString &key) {
                                           return !key.isEmpty() && json::elementIdentities(m_a, ea, key, ida) &&
                                                  json::elementIdentities(m_b, eb, key, idb);
                                       });
        if (keyed) {
            QHash<QString, int> inFirst;
            for (int i = 0; i < int(ida.size()); ++i)
                inFirst.insert(ida[size_t(i)], i);
            std::vector<std::pair<int, int>> matched; // (index in the first, in the second)
            std::vector<int> added;
            for (int j = 0; j < int(idb.size()); ++j) {
                const auto it = inFirst.constFind(idb[size_t(j)]);
                if (it == inFirst.constEnd())
                    added.push_back(j);
                else
                    matched.emplace_back(*it, j);
            }
            std::sort(matched.begin(), matched.end());
            for (const auto &[i, j] : matched)
                element(j, ea[size_t(i)].value);
            for (int j : added)
                element(j, std::nullopt);
        } else {
            for (int j = 0; j < int(eb.size()); ++j)
                element(j, j < int(ea.size()) ? std::optional(ea[size_t(j)].value) : std::nullopt);
        }
        m_out += ']';
    }

    const Document &m_a;
    const Document &m_b;
    const json::DiffOptions &m_options;
    QByteArray m_out;
};

Document parsed(const QByteArray &text, const char *which)
{
    Document doc = Document::parse(text);
    if (!doc.isValid())
        throw Error(Error::Kind::InvalidInput,
                    QCoreApplication::translate("statescope::snapshots::StateDiff",
                                                "The %1 document is not valid JSON: %2 at line "
                                                "%3, column %4.")
                        .arg(QLatin1String(which), doc.error()->message)
                        .arg(doc.error()->line)
                        .arg(doc.error()->column));
    return doc;
}

} // namespace

QByteArray alignKeyedArrays(const Document &from, const Document &to,
                            const json::DiffOptions &options)
{
    return Aligner(from, to, options).run();
}

StateDiff diffStates(const QByteArray &from, const QByteArray &to, bool keyed)
{
    json::DiffOptions options;
    options.keyedArrays = keyed;
    StateDiff d{parsed(from, "first"), parsed(to, "second"), {}};
    if (keyed)
        d.to = Document::parse(alignKeyedArrays(d.from, d.to, options));
    d.result = json::diff(d.from, d.from.root(), d.to, d.to.root(), options);
    return d;
}

} // namespace statescope::snapshots
