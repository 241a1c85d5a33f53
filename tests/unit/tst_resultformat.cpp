// Rows written for programs (core/browse/resultformat.h), without a server: PostgreSQL's
// array text read into JSON arrays, numbers kept digit for digit, names that never collide,
// CSV as COPY writes it (NULL versus the empty string) and COPY's text format. The mapping
// against a real server's every type is tests/integration/tst_query_output.cpp.

#include "core/browse/resultformat.h"
#include "core/json/document.h"

#include <QTest>

using namespace statescope;
using namespace statescope::browse::resultformat;

namespace {

std::string value(unsigned oid, const char *text)
{
    return jsonValue(shapeOf(oid), QByteArrayView(text));
}

} // namespace

class TestResultFormat : public QObject
{
    Q_OBJECT

private slots:
    void numbersKeepTheServersDigits()
    {
        QCOMPARE(value(20, "9223372036854775807"), std::string("9223372036854775807"));
        QCOMPARE(value(1700, "123456789012345678901234567890.123456789"),
                 std::string("123456789012345678901234567890.123456789"));
        QCOMPARE(value(1700, "1.50"), std::string("1.50"));
        QCOMPARE(value(701, "1e-300"), std::string("1e-300"));
        QCOMPARE(value(700, "-0"), std::string("-0"));
        // No JSON number for these: strings.
        QCOMPARE(value(1700, "NaN"), std::string("\"NaN\""));
        QCOMPARE(value(701, "-Infinity"), std::string("\"-Infinity\""));
        QCOMPARE(value(701, "Infinity"), std::string("\"Infinity\""));
    }

    void booleansJsonAndText()
    {
        QCOMPARE(value(16, "t"), std::string("true"));
        QCOMPARE(value(16, "f"), std::string("false"));
        // json keeps its input's layout: one line a row all the same, strings untouched.
        QCOMPARE(value(114, "{\"a\" :\n [1, 2],\t\"b\": \"x y\\n\"}"), std::string("{\"a\":[1,2],\"b\":\"x y\\n\"}"));
        QCOMPARE(value(3802, "{\"a\": 1}"), std::string("{\"a\":1}"));
        QCOMPARE(value(25, "tab\there"), std::string("\"tab\\there\""));
        QCOMPARE(value(1184, "2025-01-06 00:00:00+00"), std::string("\"2025-01-06 00:00:00+00\""));
        QCOMPARE(value(0, "42"), std::string("\"42\"")); // a type of the database's own
    }

    void notUtf8IsReplacedAndSaid()
    {
        bool invalid = false;
        const QByteArray bytes = QByteArray("a") + char(0xff) + QByteArray("b");
        const std::string s = jsonValue(shapeOf(25), bytes, &invalid);
        QVERIFY(invalid);
        QCOMPARE(QByteArray::fromStdString(s), QByteArray("\"a") + QByteArray::fromHex("efbfbd") + QByteArray("b\""));
    }

    void arrays_data()
    {
        QTest::addColumn<uint>("oid");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("int[]") << 1007u << QByteArray("{1,2,3}") << QByteArray("[1,2,3]");
        QTest::newRow("empty") << 1007u << QByteArray("{}") << QByteArray("[]");
        QTest::newRow("2-d") << 1007u << QByteArray("{{1,2},{3,4}}") << QByteArray("[[1,2],[3,4]]");
        QTest::newRow("NULL element") << 1016u << QByteArray("{1,NULL}") << QByteArray("[1,null]");
        QTest::newRow("numeric NaN") << 1231u << QByteArray("{1.50,NaN}") << QByteArray("[1.50,\"NaN\"]");
        QTest::newRow("bool[]") << 1000u << QByteArray("{t,f,NULL}") << QByteArray("[true,false,null]");
        QTest::newRow("text[] quoting") << 1009u << QByteArray("{\"a,b\",\"c\\\"d\",NULL,\"NULL\",\"\",\"x\\\\y\",plain}")
                                        << QByteArray("[\"a,b\",\"c\\\"d\",null,\"NULL\",\"\",\"x\\\\y\",\"plain\"]");
        QTest::newRow("text[] blanks") << 1009u << QByteArray("{\"  padded  \",word}")
                                       << QByteArray("[\"  padded  \",\"word\"]");
        QTest::newRow("jsonb[]") << 3807u << QByteArray("{\"{\\\"a\\\": 1}\",\"[2, 3]\",NULL}")
                                 << QByteArray("[{\"a\":1},[2,3],null]");
        QTest::newRow("box[] uses ;") << 1020u << QByteArray("{(1,1),(0,0);(2,2),(1,1)}")
                                      << QByteArray("[\"(1,1),(0,0)\",\"(2,2),(1,1)\"]");
        QTest::newRow("timestamptz[]") << 1185u << QByteArray("{\"2025-01-06 00:00:00+00\"}")
                                       << QByteArray("[\"2025-01-06 00:00:00+00\"]");
        // Explicit bounds and what does not read as an array stay text.
        QTest::newRow("bounds") << 1007u << QByteArray("[0:1]={1,2}") << QByteArray("\"[0:1]={1,2}\"");
        QTest::newRow("unclosed") << 1007u << QByteArray("{1,2") << QByteArray("\"{1,2\"");
        QTest::newRow("enum[] (the database's own)") << 16500u << QByteArray("{ok,sad}") << QByteArray("\"{ok,sad}\"");
    }

    void arrays()
    {
        QFETCH(uint, oid);
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, json);
        const std::string got = jsonValue(shapeOf(oid), text);
        QCOMPARE(QByteArray::fromStdString(got), json);
        QVERIFY(json::Document::parse(QByteArray::fromStdString(got)).isValid());
    }

    void namesNeverCollide()
    {
        QCOMPARE(uniqueNames({"id", "id", "name"}), QStringList({"id", "id_2", "name"}));
        // A suffix another column has as its own name is skipped.
        QCOMPARE(uniqueNames({"id", "id", "id_2"}), QStringList({"id", "id_3", "id_2"}));
        QCOMPARE(uniqueNames({"id", "id", "id"}), QStringList({"id", "id_2", "id_3"}));
        // The names a command adds are taken first.
        QCOMPARE(uniqueNames({"week", "server", "x"}, {"week", "server"}), QStringList({"week_2", "server_2", "x"}));
        QCOMPARE(uniqueNames({}), QStringList());
    }

    void objectLinesKeepSelectOrder()
    {
        QCOMPARE(objectLine({"b", "a"}, {"1", "\"x\""}), std::string("{\"b\":1,\"a\":\"x\"}"));
        QCOMPARE(objectLine({"invalid_utf8"}, {"\"?\""}, true), std::string("{\"invalid_utf8\":\"?\",\"_invalid_utf8\":true}"));
        bool invalid = false;
        const auto values = jsonValues({shapeOf(23), shapeOf(25)}, {QByteArray("7"), std::nullopt}, &invalid);
        QCOMPARE(values, (std::vector<std::string>{"7", "null"}));
        QVERIFY(!invalid);
    }

    void csvAsCopyWritesIt()
    {
        QCOMPARE(csvField(std::nullopt), QByteArray());
        QCOMPARE(csvField(QByteArray("")), QByteArray("\"\""));
        QCOMPARE(csvField(QByteArray("plain")), QByteArray("plain"));
        QCOMPARE(csvField(QByteArray("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(csvField(QByteArray("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QByteArray("two\nlines")), QByteArray("\"two\nlines\""));
        QCOMPARE(csvField(QByteArray("\\.")), QByteArray("\\."));
        QCOMPARE(csvLine({QByteArray("\\.")}), QByteArray("\"\\.\"\n"));
        QCOMPARE(csvLine({QByteArray("1"), std::nullopt, QByteArray("")}), QByteArray("1,,\"\"\n"));
    }

    void textAsCopyWritesIt()
    {
        QCOMPARE(textField(std::nullopt), QByteArray("\\N"));
        QCOMPARE(textField(QByteArray("NULL")), QByteArray("NULL"));
        QCOMPARE(textField(QByteArray("a\tb\nc\\d\re\bf\fg\vh")), QByteArray("a\\tb\\nc\\\\d\\re\\bf\\fg\\vh"));
        QCOMPARE(textLine({QByteArray("x"), std::nullopt}), QByteArray("x\t\\N\n"));
    }

    // What a long result is printed with: lines appended from views, escapes at either end of
    // a value and next to each other, the same as line by line.
    void linesAppendFromViews()
    {
        const QByteArray a("\\start"), b("end\n"), c("\t\t"), d("mid\rdle,\"q\"");
        QByteArray text("header\n");
        appendTextLine(text, {QByteArrayView(a), std::nullopt, QByteArrayView(b)});
        appendTextLine(text, {QByteArrayView(c), QByteArrayView(d)});
        QCOMPARE(text, QByteArray("header\n\\\\start\t\\N\tend\\n\n\\t\\t\tmid\\rdle,\"q\"\n"));
        QByteArray csv;
        appendCsvLine(csv, {QByteArrayView(a), std::nullopt, QByteArrayView(d), QByteArrayView("", 0)});
        appendCsvLine(csv, {QByteArrayView("\\.")});
        QCOMPARE(csv, csvLine({a, std::nullopt, d, QByteArray("")}) + csvLine({QByteArray("\\.")}));
        QCOMPARE(csv, QByteArray("\\start,,\"mid\rdle,\"\"q\"\"\",\"\"\n\"\\.\"\n"));
    }
};

QTEST_GUILESS_MAIN(TestResultFormat)
#include "tst_resultformat.moc"
