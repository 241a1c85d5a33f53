#include "core/json/document.h"
#include "core/task/canceltoken.h"

#include <QElapsedTimer>
#include <QTest>

using namespace statescope;
using namespace statescope::json;

namespace {

Document parsed(const QByteArray &text)
{
    Document doc = Document::parse(text);
    if (!doc.isValid())
        qWarning() << "parse failed:" << text.left(80) << doc.error()->message;
    return doc;
}

bool sameJson(const QByteArray &a, const QByteArray &b)
{
    const Document da = parsed(a), db = parsed(b);
    return da.isValid() && db.isValid() && equal(da, da.root(), db, db.root());
}

// [[[ ... {"leaf":[depth]} ... ]]] with `depth` arrays around the object.
QByteArray nested(int depth, const QByteArray &leaf = "7")
{
    return QByteArray(depth, '[') + "{\"leaf\":" + leaf + "}" + QByteArray(depth, ']');
}

} // namespace

class TestJsonDocument : public QObject
{
    Q_OBJECT
private slots:
    void topLevelScalars_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("number") << QByteArray(" \t-0.5e+3\r\n") << int(Kind::Number)
                                << QByteArray("-0.5e+3");
        QTest::newRow("string") << QByteArray("\"hi\"") << int(Kind::String)
                                << QByteArray("\"hi\"");
        QTest::newRow("true") << QByteArray("true ") << int(Kind::True) << QByteArray("true");
        QTest::newRow("false") << QByteArray("\nfalse") << int(Kind::False) << QByteArray("false");
        QTest::newRow("null") << QByteArray("null") << int(Kind::Null) << QByteArray("null");
        QTest::newRow("zero") << QByteArray("0") << int(Kind::Number) << QByteArray("0");
    }
    void topLevelScalars()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QFETCH(QByteArray, raw);
        const Document doc = parsed(text);
        QVERIFY(doc.isValid());
        QVERIFY(!doc.error());
        QCOMPARE(int(doc.root().kind), kind);
        QCOMPARE(doc.raw(doc.root()).toByteArray(), raw);
        QCOMPARE(doc.display(doc.root()), QString::fromUtf8(raw));
        QCOMPARE(pretty(doc, doc.root()), raw);
        QCOMPARE(doc.childCount(doc.root()), qsizetype(0));
    }

    void bigNumbersKept()
    {
        const Document doc =
            parsed("[1e400, 123456789012345678901234567890, -1.5E-999, 0.1000000000000000000001]");
        QVERIFY(doc.isValid());
        const auto items = doc.childList(doc.root());
        QCOMPARE(items.size(), size_t(4));
        QCOMPARE(doc.display(items[0].value), QStringLiteral("1e400"));
        QCOMPARE(doc.raw(items[1].value).toByteArray(),
                 QByteArray("123456789012345678901234567890"));
        QCOMPARE(doc.string(items[2].value), QStringLiteral("-1.5E-999"));
        QCOMPARE(doc.display(items[3].value), QStringLiteral("0.1000000000000000000001"));
        QVERIFY(pretty(doc, doc.root()).contains("123456789012345678901234567890"));
        // Beyond double precision, still told apart.
        QVERIFY(!sameJson("123456789012345678901234567890", "123456789012345678901234567891"));
    }

    void deepNesting()
    {
        const int depth = 5000;
        const Document doc = parsed(nested(depth));
        QVERIFY(doc.isValid());
        Path path(depth, PathStep::ofIndex(0));
        path.push_back(PathStep::ofKey(QStringLiteral("leaf")));
        const auto leaf = doc.resolve(path);
        QVERIFY(leaf);
        QCOMPARE(doc.raw(*leaf).toByteArray(), QByteArray("7"));
        QCOMPARE(toPointer(path).size(), depth * 2 + 5);

        bool truncated = true;
        const QByteArray text = pretty(doc, doc.root(), -1, &truncated);
        QVERIFY(!truncated);
        // Indent is capped: no line starts with more than 128 spaces, and some reach it.
        QVERIFY(text.contains("\n" + QByteArray(128, ' ') + "["));
        QVERIFY(!text.contains(QByteArray(129, ' ')));
        const Document again = parsed(text);
        QVERIFY(again.isValid());
        QVERIFY(equal(doc, doc.root(), again, again.root()));

        const Document other = parsed(nested(depth, "8"));
        QVERIFY(!equal(doc, doc.root(), other, other.root()));
        QCOMPARE(find(doc, QStringLiteral("leaf"), 10).size(), size_t(1));
        QCOMPARE(find(doc, QStringLiteral("leaf"), 10).front().size(), size_t(depth + 1));

        // Far deeper than any call stack would take.
        const Document deeper = parsed(nested(200000));
        QVERIFY(deeper.isValid());
        QVERIFY(equal(deeper, deeper.root(), deeper, deeper.root()));
        QVERIFY(!pretty(deeper, deeper.root()).isEmpty());
        QCOMPARE(find(deeper, QStringLiteral("7"), 10).front().size(), size_t(200001));
    }

    void emptyContainers()
    {
        for (const char *text : {"{}", "[]", " { } ", "[\n]"}) {
            const Document doc = parsed(text);
            QVERIFY(doc.isValid());
            QCOMPARE(doc.childCount(doc.root()), qsizetype(0));
            QVERIFY(doc.childList(doc.root()).empty());
            Member m;
            auto cursor = doc.children(doc.root());
            QVERIFY(!cursor.next(m));
            QVERIFY(cursor.atEnd());
        }
        const Document doc = parsed("{\"a\" : { }, \"b\":[ ],\"c\":[{}]}");
        QVERIFY(doc.isValid());
        QCOMPARE(pretty(doc, doc.root()),
                 QByteArray("{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {}\n  ]\n}"));
        const auto members = doc.childList(doc.root());
        QCOMPARE(doc.display(members[0].value), QStringLiteral("{…}"));
        QCOMPARE(doc.display(members[1].value), QStringLiteral("[…]"));
    }

    void unicode()
    {
        const QString smile = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600
        const Document escaped =
            parsed("[\"\\ud83d\\ude00\", \"\\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\"]");
        QVERIFY(escaped.isValid());
        const auto items = escaped.childList(escaped.root());
        QCOMPARE(escaped.string(items[0].value), smile);
        QCOMPARE(escaped.string(items[1].value), QString::fromUtf8("\xC3\xA9/\"\\\b\f\n\r\t"));
        QCOMPARE(escaped.display(items[1].value),
                 QString::fromUtf8("\"\xC3\xA9/\"\\\\b\\f\\n\\r\\t\""));

        const Document rawUtf8 = parsed("\"\xF0\x9F\x98\x80 caf\xC3\xA9\"");
        QVERIFY(rawUtf8.isValid());
        QCOMPARE(rawUtf8.string(rawUtf8.root()), smile + QString::fromUtf8(" caf\xC3\xA9"));
        QVERIFY(sameJson("\"\\ud83d\\ude00\"", "\"\xF0\x9F\x98\x80\""));

        // Unpaired surrogate escapes are accepted and shown as U+FFFD.
        const Document lone = parsed("[\"\\ud800x\", \"\\udc00\", \"\\ud83d\\u0041\"]");
        QVERIFY(lone.isValid());
        const auto l = lone.childList(lone.root());
        QCOMPARE(lone.string(l[0].value), QStringLiteral("\uFFFDx"));
        QCOMPARE(lone.string(l[1].value), QStringLiteral("\uFFFD"));
        QCOMPARE(lone.string(l[2].value), QStringLiteral("\uFFFDA"));

        // display(): control characters as escapes; cut at maxChars, pairs kept whole.
        const Document ctl = parsed("\"a\\u0001b\"");
        QCOMPARE(ctl.display(ctl.root()), QStringLiteral("\"a\\u0001b\""));
        const Document longText = parsed('"' + QByteArray(300, 'x') + '"');
        QCOMPARE(longText.display(longText.root(), 10), QStringLiteral("\"xxxxxxxxxx…\""));
        QCOMPARE(longText.display(longText.root(), 300), '"' + QString(300, u'x') + '"');
        QByteArray accents = "\"";
        for (int i = 0; i < 5000; ++i)
            accents += i % 7 ? "\xC3\xA9" : "\\n";
        const Document accented = parsed(accents + '"');
        QCOMPARE(accented.display(accented.root(), 4),
                 QString::fromUtf8("\"\\n\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6\""));
        QCOMPARE(accented.display(accented.root(), 20000).size(), 5000 + (5000 / 7 + 1) + 2);
        const Document emoji = parsed("\"a\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"");
        QCOMPARE(emoji.display(emoji.root(), 2), QStringLiteral("\"a…\""));
        QCOMPARE(emoji.display(emoji.root(), 3), "\"a" + smile + "…\"");
    }

    void errorPositions_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("words");
        QTest::newRow("bad literal")
            << QByteArray("{\n  \"a\": 1,\n  \"b\": tru\n}") << 19 << 3 << 8 << "true";
        QTest::newRow("column in code points")
            << QByteArray("[\"\xC3\xA9\xF0\x9F\x98\x80\", x]") << 11 << 1 << 8 << "JSON value";
        QTest::newRow("crlf lines") << QByteArray("[1,\r\n2,\r\n]") << 9 << 3 << 1 << "trailing";
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{}") << 0 << 1 << 1 << "byte order mark";
        QTest::newRow("empty") << QByteArray("  ") << 2 << 1 << 3 << "empty";
        QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 1 << 2 << "leading zeros";
        QTest::newRow("plus") << QByteArray("+1") << 0 << 1 << 1 << "'+'";
        QTest::newRow("dot first") << QByteArray(".5") << 0 << 1 << 1 << "decimal point";
        QTest::newRow("dot last") << QByteArray("1.") << 2 << 1 << 3 << "decimal point";
        QTest::newRow("exponent") << QByteArray("1e+") << 3 << 1 << 4 << "exponent";
        QTest::newRow("control char") << QByteArray("\"a\tb\"") << 2 << 1 << 3 << "U+0009";
        QTest::newRow("bad escape") << QByteArray("\"\\x\"") << 1 << 1 << 2 << "escape";
        QTest::newRow("short \\u") << QByteArray("\"\\u12\"") << 1 << 1 << 2 << "four";
        QTest::newRow("overlong") << QByteArray("\"\xC0\x80\"") << 1 << 1 << 2 << "overlong";
        QTest::newRow("utf8 surrogate")
            << QByteArray("\"\xED\xA0\x80\"") << 1 << 1 << 2 << "surrogate";
        QTest::newRow("past 10FFFF")
            << QByteArray("\"\xF4\x90\x80\x80\"") << 1 << 1 << 2 << "10FFFF";
        QTest::newRow("lone continuation")
            << QByteArray("\"\x80\"") << 1 << 1 << 2 << "continuation";
        QTest::newRow("unterminated") << QByteArray("[\"abc") << 5 << 1 << 6 << "inside a string";
        QTest::newRow("two values") << QByteArray("[1] [2]") << 4 << 1 << 5 << "after the JSON";
        QTest::newRow("form feed") << QByteArray("[\f1]") << 1 << 1 << 2 << "JSON value";
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 5 << 1 << 6 << "':'";
        QTest::newRow("unquoted key") << QByteArray("{a:1}") << 1 << 1 << 2 << "member name";
        QTest::newRow("unclosed") << QByteArray("{\"a\":[1,2}") << 9 << 1 << 10 << "']'";
        QTest::newRow("utf-16") << QByteArray("[\0]\0", 4) << 0 << 1 << 1 << "UTF-16";
        QTest::newRow("shows the character")
            << QByteArray("[1,\n \xC3\xA9]") << 5 << 2 << 2 << "'\xC3\xA9' (U+00E9)";
        QTest::newRow("lone cr line") << QByteArray("[\r\r  ?]") << 5 << 3 << 3 << "'?'";
    }
    void errorPositions()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, words);
        const Document doc = Document::parse(text);
        QVERIFY(!doc.isValid());
        QVERIFY(doc.error());
        const ParseError &e = *doc.error();
        QVERIFY2(e.message.contains(words, Qt::CaseInsensitive), qPrintable(e.message));
        QCOMPARE(e.offset, offset);
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
    }

    void pointerAndJsonPath()
    {
        const Path path{PathStep::ofKey(QStringLiteral("a/b")),
                        PathStep::ofKey(QStringLiteral("m~n")), PathStep::ofIndex(3),
                        PathStep::ofKey(QString()), PathStep::ofKey(QStringLiteral("~01"))};
        const QString pointer = toPointer(path);
        QCOMPARE(pointer, QStringLiteral("/a~1b/m~0n/3//~001"));
        const auto back = fromPointer(pointer);
        QVERIFY(back);
        QCOMPARE(back->size(), path.size());
        QCOMPARE((*back)[0], path[0]);
        QCOMPARE((*back)[1], path[1]);
        QCOMPARE((*back)[2], PathStep::ofKey(QStringLiteral("3"))); // index only on resolve
        QCOMPARE((*back)[3], path[3]);
        QCOMPARE((*back)[4], path[4]);
        QVERIFY(fromPointer(QString()) && fromPointer(QString())->empty());
        QVERIFY(!fromPointer(QStringLiteral("a")));
        QVERIFY(!fromPointer(QStringLiteral("/a~2")));
        QVERIFY(!fromPointer(QStringLiteral("/a~")));

        const Document doc = parsed("{\"a/b\":{\"m~n\":[0,1,2,{\"\":{\"~01\":\"here\"}}]}}");
        const auto v = doc.resolve(*back);
        QVERIFY(v);
        QCOMPARE(doc.string(*v), QStringLiteral("here"));
        QVERIFY(doc.resolve(path));
        QVERIFY(!doc.resolve(*fromPointer(QStringLiteral("/a~1b/m~0n/03"))));
        QVERIFY(!doc.resolve(*fromPointer(QStringLiteral("/a~1b/m~0n/4"))));
        QVERIFY(!doc.resolve({PathStep::ofIndex(0)})); // an index into an object

        const QString key = QStringLiteral("say \"hi\"\\\n\u00e9");
        const QString jsonPath = toJsonPath({PathStep::ofKey(key), PathStep::ofIndex(2)});
        QCOMPARE(jsonPath, QStringLiteral("$.\"say \\\"hi\\\"\\\\\\n\u00e9\"[2]"));
        // The quoted key is a JSON string: reading it back gives the key.
        const QString quoted = jsonPath.mid(2, jsonPath.size() - 5);
        const Document keyDoc = parsed(quoted.toUtf8());
        QCOMPARE(keyDoc.string(keyDoc.root()), key);
        QCOMPARE(toJsonPath({}), QStringLiteral("$"));
    }

    void memberLookup()
    {
        const Document doc = parsed("{\"a\\u0062\": 1, \"dup\": 1, \"x\": [], \"dup\": 2}");
        QVERIFY(doc.isValid());
        const auto ab = doc.member(doc.root(), QStringLiteral("ab"));
        QVERIFY(ab);
        QCOMPARE(doc.raw(*ab).toByteArray(), QByteArray("1"));
        QCOMPARE(doc.raw(*doc.member(doc.root(), QStringLiteral("dup"))).toByteArray(),
                 QByteArray("2"));
        QVERIFY(!doc.member(doc.root(), QStringLiteral("a")));
        QVERIFY(!doc.member(*doc.member(doc.root(), QStringLiteral("x")), QStringLiteral("a")));
    }

    void equality_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("1.0 = 1") << QByteArray("1.0") << QByteArray("1") << true;
        QTest::newRow("10e-1 = 1") << QByteArray("10e-1") << QByteArray("1") << true;
        QTest::newRow("1 != 1.0000001") << QByteArray("1") << QByteArray("1.0000001") << false;
        QTest::newRow("100 = 1E+2") << QByteArray("100") << QByteArray("1E+2") << true;
        QTest::newRow("0.0100 = 1e-2") << QByteArray("0.0100") << QByteArray("1e-2") << true;
        QTest::newRow("-0 = 0e5") << QByteArray("-0.0") << QByteArray("0e5") << true;
        QTest::newRow("1 != -1") << QByteArray("1") << QByteArray("-1") << false;
        QTest::newRow("1e400 = 10e399") << QByteArray("1e400") << QByteArray("10e399") << true;
        QTest::newRow("1e400 != 1e401") << QByteArray("1e400") << QByteArray("1e401") << false;
        QTest::newRow("huge exponents")
            << QByteArray("1e99999999999999999999999999999999999999999")
            << QByteArray("10e99999999999999999999999999999999999999998") << true;
        QTest::newRow("huge exponents differ")
            << QByteArray("1e99999999999999999999999999999999999999999")
            << QByteArray("1e99999999999999999999999999999999999999998") << false;
        QTest::newRow("key order")
            << QByteArray("{\"a\":1,\"b\":[1,{\"c\":null}]}")
            << QByteArray("{ \"b\" : [1.0, {\"c\":null}], \"a\":1 }") << true;
        QTest::newRow("array order") << QByteArray("[1,2]") << QByteArray("[2,1]") << false;
        QTest::newRow("array length") << QByteArray("[1,2]") << QByteArray("[1,2,3]") << false;
        QTest::newRow("extra member")
            << QByteArray("{\"a\":1}") << QByteArray("{\"a\":1,\"b\":2}") << false;
        QTest::newRow("other key") << QByteArray("{\"a\":1}") << QByteArray("{\"b\":1}") << false;
        QTest::newRow("last duplicate wins")
            << QByteArray("{\"a\":1,\"a\":2}") << QByteArray("{\"a\":2}") << true;
        QTest::newRow("escaped string")
            << QByteArray("\"\\u0041\\/\"") << QByteArray("\"A/\"") << true;
        QTest::newRow("string case") << QByteArray("\"a\"") << QByteArray("\"A\"") << false;
        QTest::newRow("null vs false") << QByteArray("null") << QByteArray("false") << false;
        QTest::newRow("number vs string") << QByteArray("1") << QByteArray("\"1\"") << false;
        QTest::newRow("nested differ") << QByteArray("[{\"a\":[1,{\"b\":true}]}]")
                                       << QByteArray("[{\"a\":[1,{\"b\":false}]}]") << false;
    }
    void equality()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, same);
        QCOMPARE(sameJson(a, b), same);
        QCOMPARE(sameJson(b, a), same);
    }

    void prettyRoundTrip()
    {
        const QByteArray text =
            "{\"name\":\"Zo\\u00eb \\\"Z\\\"\",\"n\":[1e400,-0.5,0],\"ok\":true,"
            "\"none\":null,\"deep\":{\"x\":[[],{}],\"y\":\"\\ud83d\\ude00\"}}";
        const Document doc = parsed(text);
        const QByteArray out = pretty(doc, doc.root());
        QVERIFY(out.startsWith("{\n  \"name\": \"Zo\\u00eb \\\"Z\\\"\",\n  \"n\": [\n    1e400,"));
        QVERIFY(out.endsWith("\"y\": \"\\ud83d\\ude00\"\n  }\n}"));
        const Document again = parsed(out);
        QVERIFY(again.isValid());
        QVERIFY(equal(doc, doc.root(), again, again.root()));
        QCOMPARE(pretty(again, again.root()), out);

        // Stops after about maxBytes, at the end of a line.
        QByteArray big = "[";
        for (int i = 0; i < 1000; ++i)
            big += (i ? "," : "") + QByteArray::number(i);
        big += "]";
        const Document bigDoc = parsed(big);
        bool truncated = false;
        const QByteArray head = pretty(bigDoc, bigDoc.root(), 100, &truncated);
        QVERIFY(truncated);
        QVERIFY(head.size() >= 100 && head.size() < 120);
        QVERIFY(!head.endsWith('\n') && !head.endsWith(','));
        QVERIFY(head.startsWith("[\n  0,\n  1,\n"));
        const QByteArray all = pretty(bigDoc, bigDoc.root(), -1, &truncated);
        QVERIFY(!truncated);
        QVERIFY(all.endsWith("  999\n]"));
    }

    void chunkedCursor()
    {
        const QByteArray text =
            "{ \"a\" : [10, 11, 12, 13, 14, 15, 16], \"b\": {\"k\":\"v\"} , \"c\":\"x,]}\"}";
        const Document doc = parsed(text);
        const auto members = doc.childList(doc.root());
        QCOMPARE(members.size(), size_t(3));
        QCOMPARE(doc.raw(members[0].key).toByteArray(), QByteArray("\"a\""));
        QCOMPARE(doc.string(members[2].key), QStringLiteral("c"));
        QCOMPARE(doc.string(members[2].value), QStringLiteral("x,]}"));
        QCOMPARE(doc.raw(members[1].value).toByteArray(), QByteArray("{\"k\":\"v\"}"));

        const Value array = members[0].value;
        QCOMPARE(doc.childCount(array), qsizetype(7));
        QCOMPARE(doc.childList(array, 3).size(), size_t(3));
        auto cursor = doc.children(array);
        Member m;
        for (int i = 0; i < 3; ++i)
            QVERIFY(cursor.next(m));
        QCOMPARE(m.index, 2);
        const auto kept = cursor; // a model keeps the cursor between chunks
        auto resumed = kept;
        QList<QByteArray> rest;
        while (resumed.next(m)) {
            QCOMPARE(m.key.begin, m.key.end); // array elements have no key
            rest << doc.raw(m.value).toByteArray();
            QCOMPARE(m.index, 2 + rest.size());
        }
        QCOMPARE(rest, QList<QByteArray>({"13", "14", "15", "16"}));
        QVERIFY(resumed.atEnd());
        QVERIFY(!resumed.next(m));
    }

    void findHits()
    {
        const Document doc =
            parsed("{\"ships\":[{\"name\":\"Falcon\",\"fuel\":100},"
                   "{\"name\":\"Eagle\",\"fuel\":\"FALCONS\"}],\"falcon_count\":2}");
        using Paths = std::vector<std::vector<int>>;
        QCOMPARE(find(doc, QStringLiteral("falcon"), 10), Paths({{0, 0, 0}, {0, 1, 1}, {1}}));
        QCOMPARE(find(doc, QStringLiteral("falcon"), 2), Paths({{0, 0, 0}, {0, 1, 1}}));
        QCOMPARE(find(doc, QStringLiteral("100"), 10), Paths({{0, 0, 1}}));
        QCOMPARE(find(doc, QStringLiteral("SHIPS"), 10), Paths({{0}}));
        QVERIFY(find(doc, QStringLiteral("zeppelin"), 10).empty());
        const Document scalar = parsed("\"Hello\"");
        QCOMPARE(find(scalar, QStringLiteral("ell"), 10), Paths({{}}));

        QByteArray many = "[";
        for (int i = 0; i < 10000; ++i)
            many += i ? ",\"x\"" : "\"x\"";
        many += "]";
        const Document manyDoc = parsed(many);
        QCOMPARE(find(manyDoc, QStringLiteral("x"), 100000).size(), size_t(10000));
        CancelToken token;
        token.cancel();
        QVERIFY(find(manyDoc, QStringLiteral("x"), 100000, &token).size() < 10000);
    }

    void fiftyMegabytes()
    {
        QByteArray text;
        text.reserve(52 << 20);
        text += "[\n";
        int n = 0;
        while (text.size() < (50 << 20)) {
            if (n)
                text += ",\n";
            text +=
                "{\"id\":" + QByteArray::number(n) + ",\"name\":\"ship-" + QByteArray::number(n) +
                "\",\"pos\":{\"x\":1.25e3,\"y\":-7},\"cargo\":[1,2,3,{\"kind\":\"ore\",\"q\":12}],"
                "\"note\":\"caf\\u00e9 \\\"quoted\\\" text\",\"ok\":true,\"gone\":null}";
            ++n;
        }
        text += "\n]";
        QElapsedTimer timer;
        timer.start();
        const Document doc = Document::parse(text);
        const qint64 parseMs = timer.elapsed();
        QVERIFY(doc.isValid());
        timer.restart();
        const auto top = doc.childList(doc.root(), 200);
        const qint64 firstMs = timer.elapsed();
        timer.restart();
        const qsizetype count = doc.childCount(doc.root());
        const qint64 countMs = timer.elapsed();
        qInfo("%.1f MB, %d elements: parse %lld ms, first 200 children %lld ms, count %lld ms",
              text.size() / 1048576.0, n, parseMs, firstMs, countMs);
        QCOMPARE(top.size(), size_t(200));
        QCOMPARE(count, qsizetype(n));
        const auto last =
            doc.resolve({PathStep::ofIndex(n - 1), PathStep::ofKey(QStringLiteral("id"))});
        QVERIFY(last);
        QCOMPARE(doc.raw(*last).toByteArray(), QByteArray::number(n - 1));
        QCOMPARE(doc.string(*doc.member(top[199].value, QStringLiteral("name"))),
                 QStringLiteral("ship-199"));
    }
};

QTEST_APPLESS_MAIN(TestJsonDocument)
#include "tst_json_document.moc"
