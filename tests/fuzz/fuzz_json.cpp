// The JSON layer on arbitrary bytes: the validating parser, the tree walk, pretty printing,
// self-diff, pointers, and the canonical form (idempotent: canonical(parse(canonical(x)))
// is canonical(x)).
#include "core/json/canonical.h"
#include "core/json/diff.h"
#include "core/json/document.h"

#include <QSet>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace statescope;

namespace {

// A broken invariant names itself before the process aborts (libFuzzer keeps the input).
void failed(const char *what, int line)
{
    std::fprintf(stderr, "fuzz: invariant broken at line %d: %s\n", line, what);
    std::abort();
}
#define check(ok) ((ok) ? void() : failed(#ok, __LINE__))

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const json::Document doc = json::Document::parse(text);
    if (!doc.isValid()) {
        check(doc.error().has_value());
        return 0;
    }
    // Walk every value, build its pointer, and resolve it back to the same value (unless a
    // duplicate key on the way makes the path ambiguous: JSON allows them).
    struct Item
    {
        json::Value value;
        json::Path path;
        bool ambiguous;
    };
    std::vector<Item> stack{{doc.root(), {}, false}};
    int visited = 0;
    while (!stack.empty() && visited < 5000) {
        auto [v, path, ambiguous] = stack.back();
        stack.pop_back();
        ++visited;
        (void)doc.display(v, 50);
        const auto back = doc.resolve(path);
        // Through a repeated key the path may lead elsewhere, or nowhere: the last of
        // duplicate keys wins, as in jsonb.
        check(ambiguous || (back.has_value() && back->begin == v.begin));
        const auto parsed = json::fromPointer(json::toPointer(path));
        check(parsed.has_value() && parsed->size() == path.size());
        if (!v.isContainer())
            continue;
        const std::vector<json::Member> members = doc.childList(v, 200);
        QSet<QString> keys, repeated;
        // Repeats are looked for among every member: a key walked among the first 200 may
        // come again after them, and then the last one is what its path resolves to.
        if (v.kind == json::Kind::Object)
            for (const json::Member &m : doc.childList(v)) {
                const QString k = doc.string(m.key);
                if (keys.contains(k))
                    repeated.insert(k);
                keys.insert(k);
            }
        for (const json::Member &m : members) {
            json::Path child = path;
            bool childAmbiguous = ambiguous;
            if (v.kind == json::Kind::Object) {
                const QString k = doc.string(m.key);
                // A key of digits also matches an index, and a repeated key matches its last.
                childAmbiguous = childAmbiguous || repeated.contains(k);
                child.push_back(json::PathStep::ofKey(k));
            } else {
                child.push_back(json::PathStep::ofIndex(m.index));
            }
            stack.push_back({m.value, std::move(child), childAmbiguous});
        }
    }
    bool truncated = false;
    const QByteArray pretty = json::pretty(doc, doc.root(), 1 << 20, &truncated);
    if (!truncated)
        check(json::equal(doc, doc.root(), json::Document::parse(pretty), json::Document::parse(pretty).root()));
    check(json::diff(doc, doc.root(), doc, doc.root(), {.keyedArrays = true}).changes.empty());

    // Canonical form through nlohmann, as the collector stores hashes.
    const auto j = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (!j.is_discarded()) {
        const QByteArray once = json::canonical(j);
        const auto again = nlohmann::json::parse(once.constData(), once.constData() + once.size(),
                                                 nullptr, false);
        check(!again.is_discarded());
        check(json::canonical(again) == once);
    }
    return 0;
}
