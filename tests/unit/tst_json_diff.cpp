// json::diff: hand cases for each rule, and a property test that our RFC 6902 patch,
// applied by an independent implementation (nlohmann), turns the first document into the
// second, with arrays matched by position and by identity key.
#include "core/error.h"
#include "core/json/diff.h"
#include "core/task/canceltoken.h"

#include <QTest>

#include <map>
#include <nlohmann/json.hpp>
#include <random>

using namespace statescope;
using json::Change;
using Op = json::Change::Op;

namespace {

json::Document parse(const QByteArray &text)
{
    json::Document doc = json::Document::parse(text);
    if (!doc.isValid())
        qFatal("test document does not parse: %s", text.constData());
    return doc;
}

struct Diffed
{
    json::Document a, b;
    json::DiffResult result;
};

Diffed diffOf(const QByteArray &a, const QByteArray &b, bool keyed = false)
{
    Diffed d{parse(a), parse(b), {}};
    json::DiffOptions options;
    options.keyedArrays = keyed;
    d.result = json::diff(d.a, d.a.root(), d.b, d.b.root(), options);
    return d;
}

// "op pointer" per change, for compact comparisons.
QStringList summary(const json::DiffResult &r)
{
    QStringList out;
    for (const Change &c : r.changes) {
        const char *op = c.op == Op::Add ? "add" : c.op == Op::Remove ? "remove" : "replace";
        out << QStringLiteral("%1 %2").arg(QLatin1String(op), json::toPointer(c.path));
    }
    return out;
}

// nlohmann applies our patch to the first document; a patch it rejects (a path that
// does not exist) gives a discarded value, which equals no document.
nlohmann::json applied(const Diffed &d)
{
    try {
        const auto patch = nlohmann::json::parse(d.result.patch(d.b).toStdString());
        return nlohmann::json::parse(d.a.text().toStdString()).patch(patch);
    } catch (const nlohmann::json::exception &e) {
        qWarning("patch rejected: %s", e.what());
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
}

// Whether nlohmann, applying our patch to the first document, arrives at the second.
// (QCOMPARE cannot take nlohmann values: their conversions make its overloads ambiguous.)
bool patchArrives(const Diffed &d)
{
    const nlohmann::json result = applied(d);
    const nlohmann::json expected = nlohmann::json::parse(d.b.text().toStdString());
    if (result == expected)
        return true;
    qWarning("patch:    %s\nresult:   %s\nexpected: %s", d.result.patch(d.b).constData(),
             result.dump().c_str(), expected.dump().c_str());
    return false;
}

// Random documents, and a second one derived from the first so they share structure.
class Generator
{
public:
    explicit Generator(unsigned seed) : m_rng(seed) {}

    // A container at the top, so most pairs have structure to compare.
    nlohmann::json document(int depth)
    {
        nlohmann::json v;
        do
            v = value(depth);
        while (!v.is_structured());
        return v;
    }

    nlohmann::json value(int depth)
    {
        if (depth <= 0 || chance(0.35))
            return scalar();
        if (chance(0.25))
            return keyedArray(depth);
        nlohmann::json v = chance(0.5) ? nlohmann::json::object() : nlohmann::json::array();
        const int n = pick(5);
        for (int i = 0; i < n; ++i) {
            if (v.is_object())
                v[key()] = value(depth - 1);
            else
                v.push_back(value(depth - 1));
        }
        return v;
    }

    nlohmann::json mutate(const nlohmann::json &v, int depth)
    {
        if (chance(0.08))
            return value(depth);
        if (v.is_object()) {
            nlohmann::json out = nlohmann::json::object();
            for (const auto &[k, child] : v.items()) {
                if (!chance(0.15))
                    out[k] = chance(0.6) ? mutate(child, depth - 1) : child;
            }
            if (chance(0.3))
                out[key()] = value(depth - 1);
            return out;
        }
        if (v.is_array())
            return isKeyed(v) ? mutateKeyed(v, depth) : mutateArray(v, depth);
        return chance(0.5) ? scalar() : v;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_rng); }

    nlohmann::json scalar()
    {
        const int kind = pick(7);
        if (kind < 3)
            return kind == 0 ? nlohmann::json(nullptr) : nlohmann::json(kind == 1);
        if (kind == 3)
            return pick(20) - 10;
        if (kind < 6) // ordinary, and near the ends of the double range
            return std::uniform_real_distribution<double>(-1, 1)(m_rng) * (kind == 4 ? 1e6 : 1e300);
        return key();
    }

    std::string key()
    {
        static const char *const keys[] = {
            "a",   "b",       "c",          "id",     "fuel",
            "x/y", "~1",      "a~b",        "sp ace", "\xc3\xa9t\xc3\xa9",
            "",    "q\"uote", "back\\slash"};
        return keys[pick(int(std::size(keys)))];
    }

    nlohmann::json keyedArray(int depth)
    {
        nlohmann::json v = nlohmann::json::array();
        const int n = pick(6);
        for (int i = 0; i < n; ++i)
            v.push_back(element(depth));
        return v;
    }

    nlohmann::json element(int depth)
    {
        nlohmann::json e = {{"id", m_nextId++}, {"fuel", pick(100)}};
        if (chance(0.5))
            e["cargo"] = value(depth - 1);
        return e;
    }

    static bool isKeyed(const nlohmann::json &v)
    {
        return !v.empty() && std::all_of(v.begin(), v.end(), [](const nlohmann::json &e) {
            return e.is_object() && e.contains("id");
        });
    }

    nlohmann::json mutateKeyed(const nlohmann::json &v, int depth)
    {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &e : v) {
            if (chance(0.2))
                continue;
            if (chance(0.15))
                out.push_back(element(depth));
            if (chance(0.4)) {
                nlohmann::json changed = e;
                changed["fuel"] = pick(100);
                if (e.contains("cargo") && chance(0.5))
                    changed["cargo"] = mutate(e["cargo"], depth - 1);
                out.push_back(changed);
            } else {
                out.push_back(e);
            }
        }
        if (chance(0.3))
            out.push_back(element(depth));
        if (out.size() > 1 && chance(0.1)) // a reorder: keyed matching has to give up
            std::swap(out[0], out[out.size() - 1]);
        return out;
    }

    nlohmann::json mutateArray(const nlohmann::json &v, int depth)
    {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &e : v) {
            if (chance(0.15))
                out.push_back(value(depth - 1));
            if (!chance(0.15))
                out.push_back(chance(0.3) ? mutate(e, depth - 1) : e);
        }
        if (chance(0.2))
            out.push_back(value(depth - 1));
        return out;
    }

    std::mt19937 m_rng;
    int m_nextId = 1;
};

} // namespace

class TestJsonDiff : public QObject
{
    Q_OBJECT
private slots:
    void addRemoveReplace()
    {
        const Diffed d = diffOf(R"({"a":1,"b":2,"c":{"d":true,"e":[1]}})",
                                R"({"a":1,"c":{"d":false,"e":[1]},"f":"x"})");
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("remove /b"), QStringLiteral("replace /c/d"),
                              QStringLiteral("add /f")}));
        const auto &changes = d.result.changes;
        QCOMPARE(changes[0].displayPath, QStringLiteral("$.b"));
        QCOMPARE(changes[1].displayPath, QStringLiteral("$.c.d"));
        QCOMPARE(changes[2].displayPath, QStringLiteral("$.f"));
        QVERIFY(changes[0].before && !changes[0].after);
        QCOMPARE(d.a.raw(*changes[0].before), QByteArrayView("2"));
        QVERIFY(!changes[2].before && changes[2].after);
        QCOMPARE(d.b.string(*changes[2].after), QStringLiteral("x"));
        QVERIFY(patchArrives(d));
    }

    void numericDeltasCarryNoBinaryNoise()
    {
        // 1000.5 -> 94.4 is -906.1, not the double -906.1000000000000227 (which printed as
        // -906.1000000000004); 0.1 -> 6.46 is +6.36.
        const Diffed d = diffOf(R"({"fuel":1000.5,"x":0.1,"n":3,"e":1e2,"m":12})",
                                R"({"fuel":94.4,"x":6.46,"n":10,"e":2.5e1,"m":0.125})");
        std::map<QString, double> deltas;
        for (const Change &c : d.result.changes) {
            QVERIFY(c.delta);
            deltas[c.displayPath] = *c.delta;
        }
        QCOMPARE(QString::number(deltas.at(QStringLiteral("$.fuel")), 'g', QLocale::FloatingPointShortest),
                 QStringLiteral("-906.1"));
        QCOMPARE(QString::number(deltas.at(QStringLiteral("$.x")), 'g', QLocale::FloatingPointShortest),
                 QStringLiteral("6.36"));
        QCOMPARE(deltas.at(QStringLiteral("$.n")), 7.0);
        QCOMPARE(deltas.at(QStringLiteral("$.e")), -75.0); // exponents: the plain difference
        QCOMPARE(deltas.at(QStringLiteral("$.m")), -11.875);
    }

    void kindChangeIsOneReplace()
    {
        Diffed d = diffOf(R"({"a":[1,2],"b":true})", R"({"a":{"0":1},"b":false})");
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("replace /a"), QStringLiteral("replace /b")}));
        QCOMPARE(d.result.changes[0].after->kind, json::Kind::Object);
        d = diffOf("[1]", R"("one")");
        QCOMPARE(summary(d.result), QStringList({QStringLiteral("replace ")}));
        QCOMPARE(d.result.changes[0].displayPath, QStringLiteral("$"));
        QCOMPARE(d.result.patch(d.b),
                 QByteArray("[\n  {\"op\":\"replace\",\"path\":\"\",\"value\":\"one\"}\n]"));
        QVERIFY(patchArrives(d));
    }

    void arrayEditsArePositionalAfterTrimming()
    {
        Diffed d = diffOf("[1,2,3]", "[0,1,2,3]");
        QCOMPARE(summary(d.result), QStringList({QStringLiteral("add /0")}));
        d = diffOf("[1,2,3]", "[1,2,3,4,5]");
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("add /3"), QStringLiteral("add /4")}));
        d = diffOf("[1,2,3,4,5]", "[1,5]");
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("remove /3"), QStringLiteral("remove /2"),
                              QStringLiteral("remove /1")}));
        QVERIFY(patchArrives(d));
        d = diffOf("[1,2,3,9]", "[1,7,8,3,4,9]");
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("replace /1"), QStringLiteral("replace /2"),
                              QStringLiteral("add /3"), QStringLiteral("add /4")}));
        QVERIFY(patchArrives(d));
        QCOMPARE(d.result.changes[0].displayPath, QStringLiteral("$[1]"));
    }

    void keyedArraysMatchByIdentity()
    {
        const QByteArray a = R"({"ships":[{"ship_id":"S1","fuel":10},{"ship_id":"S2","fuel":5},
                                          {"ship_id":"S3","fuel":7}]})";
        const QByteArray b = R"({"ships":[{"ship_id":"S2","fuel":6},{"ship_id":"S3","fuel":7},
                                          {"ship_id":"S4","fuel":1}]})";
        const Diffed keyed = diffOf(a, b, true);
        QCOMPARE(summary(keyed.result), QStringList({QStringLiteral("remove /ships/0"),
                                                     QStringLiteral("replace /ships/0/fuel"),
                                                     QStringLiteral("add /ships/2")}));
        const auto &c = keyed.result.changes;
        QCOMPARE(c[0].displayPath, QStringLiteral(R"($.ships[ship_id="S1"])"));
        QCOMPARE(c[1].displayPath, QStringLiteral(R"($.ships[ship_id="S2"].fuel)"));
        QCOMPARE(c[2].displayPath, QStringLiteral(R"($.ships[ship_id="S4"])"));
        QCOMPARE(c[1].delta, std::optional<double>(1));
        QVERIFY(patchArrives(keyed));

        // By position the same documents differ in every field of every element.
        const Diffed positional = diffOf(a, b, false);
        QCOMPARE(positional.result.changes.size(), size_t(6));
        QCOMPARE(positional.result.changes[0].displayPath, QStringLiteral("$.ships[0].ship_id"));
        QVERIFY(patchArrives(positional));

        const json::ArrayMatch match =
            json::matchArrays(keyed.a, *keyed.a.resolve({json::PathStep::ofKey("ships")}), keyed.b,
                              *keyed.b.resolve({json::PathStep::ofKey("ships")}),
                              json::DiffOptions{true, json::DiffOptions().identityKeys});
        QCOMPARE(match.identityKey, QStringLiteral("ship_id"));
        QCOMPARE(match.pairs, (std::vector<std::pair<int, int>>{{1, 0}, {2, 1}}));
    }

    void keyedPicksTheFirstKeyEveryElementHas()
    {
        // ship_id is missing from one element; name is everywhere and unique.
        const Diffed d = diffOf(R"([{"name":"a","ship_id":1,"v":1},{"name":"b","v":2}])",
                                R"([{"name":"b","v":3}])", true);
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("remove /0"), QStringLiteral("replace /0/v")}));
        QCOMPARE(d.result.changes[1].displayPath, QStringLiteral(R"($[name="b"].v)"));
        QVERIFY(patchArrives(d));
    }

    void keyedFallsBackToPositions_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::newRow("reordered") << QByteArray(R"([{"id":1,"v":1},{"id":2,"v":2}])")
                                   << QByteArray(R"([{"id":2,"v":2},{"id":1,"v":1}])");
        QTest::newRow("duplicate ids") << QByteArray(R"([{"id":1,"v":1},{"id":1,"v":2}])")
                                       << QByteArray(R"([{"id":1,"v":2}])");
        QTest::newRow("not all objects")
            << QByteArray(R"([{"id":1,"v":1},2])") << QByteArray(R"([{"id":1,"v":2}])");
        QTest::newRow("container id")
            << QByteArray(R"([{"id":[1],"v":1}])") << QByteArray(R"([{"id":[1],"v":2}])");
    }

    void keyedFallsBackToPositions()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        const Diffed d = diffOf(a, b, true);
        QVERIFY(!d.result.changes.empty());
        for (const Change &c : d.result.changes)
            QVERIFY2(!c.displayPath.contains(u'='), qPrintable(c.displayPath));
        QVERIFY(!json::matchArrays(d.a, d.a.root(), d.b, d.b.root(), {true}).keyed());
        QVERIFY(patchArrives(d));
    }

    void deltas()
    {
        const Diffed d = diffOf(R"({"a":1.5,"b":10,"c":1,"d":1e400,"e":2,"f":1.0})",
                                R"({"a":4,"b":3,"c":"1","d":1,"e":2.5e0,"f":1})");
        QCOMPARE(summary(d.result),
                 QStringList({QStringLiteral("replace /a"), QStringLiteral("replace /b"),
                              QStringLiteral("replace /c"), QStringLiteral("replace /d"),
                              QStringLiteral("replace /e")}));
        const auto &c = d.result.changes;
        QCOMPARE(c[0].delta, std::optional<double>(2.5));
        QCOMPARE(c[1].delta, std::optional<double>(-7));
        QVERIFY(!c[2].delta); // kind change
        QVERIFY(!c[3].delta); // 1e400 is beyond double range
        QCOMPARE(c[4].delta, std::optional<double>(0.5));
    }

    void patchKeepsNumbersAndEscapesPointers()
    {
        const Diffed d = diffOf(R"({"a/b":1,"c~d":[1]})",
                                R"({"a/b":123456789012345678901234567890,"c~d":[1,1e999]})");
        const QByteArray patch = d.result.patch(d.b);
        QVERIFY2(patch.contains(R"("path":"/a~1b","value":123456789012345678901234567890)"),
                 patch.constData());
        QVERIFY2(patch.contains(R"("path":"/c~0d/1","value":1e999)"), patch.constData());
        QCOMPARE(d.result.changes[1].displayPath, QStringLiteral("$.\"c~d\"[1]"));
    }

    void deepNesting()
    {
        constexpr int depth = 3000;
        // 6000 levels: objects and arrays in turn, the difference at the bottom.
        const QByteArray open = QByteArray(R"({"k":[)").repeated(depth);
        const QByteArray close = QByteArray("]}").repeated(depth);
        const QByteArray a = open + "1" + close, b = open + "2" + close;
        const Diffed d = diffOf(a, b);
        QCOMPARE(d.result.changes.size(), size_t(1));
        const Change &c = d.result.changes[0];
        QCOMPARE(c.path.size(), size_t(2 * depth));
        QCOMPARE(c.path.back(), json::PathStep::ofIndex(0));
        QCOMPARE(c.delta, std::optional<double>(1));
        QVERIFY(c.displayPath.endsWith(QStringLiteral(".k[0].k[0]")));
        QVERIFY(diffOf(a, a).result.changes.empty());
    }

    void identicalDocumentsHaveNoChanges()
    {
        const Diffed d = diffOf(R"({"a":[1,{"b":null}],"c":"\u00e9","n":10})",
                                R"({ "n" : 1e1, "c" : "é", "a" : [ 1.0, { "b" : null } ] })");
        QVERIFY(d.result.changes.empty());
        QCOMPARE(d.result.patch(d.b), QByteArray("[]"));
    }

    void cancelStopsTheWalk()
    {
        QByteArray a = "[", b = "[";
        for (int i = 0; i < 20000; ++i) {
            a += QByteArray::number(i) + ",";
            b += QByteArray::number(i + 1) + ",";
        }
        a += "0]";
        b += "1]";
        const json::Document da = parse(a), db = parse(b);
        CancelToken token;
        token.cancel();
        try {
            json::diff(da, da.root(), db, db.root(), {}, &token);
            QFAIL("a cancelled diff finished");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
        QCOMPARE(json::diff(da, da.root(), db, db.root()).changes.size(), size_t(20001));
    }

    void patchAppliesToRandomPairs_data()
    {
        QTest::addColumn<bool>("keyed");
        QTest::newRow("positional") << false;
        QTest::newRow("keyed") << true;
    }

    void patchAppliesToRandomPairs()
    {
        QFETCH(bool, keyed);
        Generator gen(20250601u + (keyed ? 1 : 0));
        int changed = 0, byKey = 0;
        for (int round = 0; round < 400; ++round) {
            const nlohmann::json first = gen.document(5);
            const nlohmann::json second = round % 10 == 0 ? gen.value(5) : gen.mutate(first, 5);
            // One side compact, one pretty: values are copied from the raw text either way.
            const Diffed d = diffOf(QByteArray::fromStdString(first.dump()),
                                    QByteArray::fromStdString(second.dump(round % 3)), keyed);
            const nlohmann::json result = applied(d);
            if (result != second) {
                qWarning("first:  %s\nsecond: %s\npatch:  %s", first.dump().c_str(),
                         second.dump().c_str(), d.result.patch(d.b).constData());
                QFAIL(qPrintable(QStringLiteral("round %1: patch result differs").arg(round)));
            }
            QCOMPARE(d.result.changes.empty(), first == second);
            changed += d.result.changes.empty() ? 0 : 1;
            byKey += std::count_if(d.result.changes.begin(), d.result.changes.end(),
                                   [](const Change &c) { return c.displayPath.contains("[id="); });
        }
        qInfo("%d of 400 pairs differ; %d changes in arrays matched by id", changed, byKey);
        QVERIFY(changed > 280); // the generator really produces differences
        // ... and keyed mode really matches by key (positional never names a key)
        QCOMPARE(byKey > 100, keyed);
    }
};

QTEST_APPLESS_MAIN(TestJsonDiff)
#include "tst_json_diff.moc"
