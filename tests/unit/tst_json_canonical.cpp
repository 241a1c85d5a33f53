// The canonical JSON and payload hash are byte for byte what seed 000's Python helpers
// (canonical_json, sha256_hex) produce: checked against python3 itself on every
// JSONTestSuite document Python accepts, and on hand-picked numbers and keys.
#include "core/json/canonical.h"
#include "core/json/document.h"
#include "unit/jsonsuite.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTest>

using namespace statescope::json;

namespace {

QByteArray canon(const char *text)
{
    const PythonCanonical c = pythonCanonical(Document::parse(QByteArray(text)));
    return c.ok ? c.text : QByteArrayLiteral("<invalid>");
}

} // namespace

class TestJsonCanonical : public QObject
{
    Q_OBJECT

private slots:
    void numbersAsPythonWritesThem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("python");
        // What python3 prints for json.dumps(json.loads(text), ...), checked by hand.
        const std::pair<const char *, const char *> cases[] = {
            {"1.50", "1.5"}, {"1E2", "100.0"}, {"1e16", "1e+16"}, {"1e15", "1000000000000000.0"},
            {"1e-5", "1e-05"}, {"0.0001", "0.0001"}, {"-0.0", "-0.0"}, {"-0", "0"},
            {"123456789012345678901234567890", "123456789012345678901234567890"},
            {"-98765432109876543210", "-98765432109876543210"},
            {"1.7976931348623157e308", "1.7976931348623157e+308"}, {"1e400", "Infinity"},
            {"-1e400", "-Infinity"}, {"5e-324", "5e-324"}, {"1e-400", "0.0"}, {"0.1", "0.1"},
            {"100", "100"}, {"1.0e+2", "100.0"}, {"2.5e-7", "2.5e-07"},
            {"123456789.123456789", "123456789.12345679"}, {"[1e22]", "[1e+22]"},
        };
        for (const auto &[json, python] : cases)
            QTest::newRow(json) << QByteArray(json) << QByteArray(python);
    }
    void numbersAsPythonWritesThem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, python);
        QCOMPARE(canon(json.constData()), python);
    }

    void keysStringsAndDuplicates()
    {
        QCOMPARE(canon("{\"b\":1,\"a\":2,\"b\":3}"), QByteArray("{\"a\":2,\"b\":3}"));
        QCOMPARE(canon(" { \"z\" : [ 1 , { \"y\" : null , \"x\" : true } ] , \"a\" : false } "),
                 QByteArray("{\"a\":false,\"z\":[1,{\"x\":true,\"y\":null}]}"));
        // Escapes resolved; only ", \ and control characters escaped again (lower-case hex).
        QCOMPARE(canon("\"\\u00e9\\u0001\\u007f\\u2028\\/\\\"\\\\\\n\\u001F\""),
                 QByteArray("\"\xc3\xa9\\u0001\x7f\xe2\x80\xa8/\\\"\\\\\\n\\u001f\""));
        // Code point order, not UTF-16 order: U+FFFF before U+1F600.
        QCOMPARE(canon("{\"\\ud83d\\ude00\":1,\"\\uffff\":2}"),
                 QByteArray("{\"\xef\xbf\xbf\":2,\"\xf0\x9f\x98\x80\":1}"));
        const PythonCanonical lone = pythonCanonical(Document::parse("[\"\\ud800\"]"));
        QVERIFY(lone.ok);
        QVERIFY(lone.pythonRefuses);
        QVERIFY(pythonCanonical(Document::parse("[1e400]")).notJson);
        QVERIFY(!pythonCanonical(Document::parse("[1e300]")).notJson);
    }

    void inMemoryDocumentsToo()
    {
        const nlohmann::json doc = {{"fuel", 1.5}, {"big", 1e15}, {"n", -3}, {"s", "é\n"}};
        QCOMPARE(canonical(doc), QByteArray("{\"big\":1000000000000000.0,\"fuel\":1.5,\"n\":-3,\"s\":\"\xc3\xa9\\n\"}"));
        QCOMPARE(canonical(doc), pythonCanonical(Document::parse(QByteArray::fromStdString(doc.dump()))).text);
    }

    // Every document of the suite that Python's json.loads accepts: the same canonical
    // bytes and hash as Python's; a document our strict parser refuses must be one that
    // PostgreSQL's jsonb refuses too (NaN, Infinity: it could never be stored).
    void everySuiteDocumentPythonAccepts()
    {
        const QString dir = statescope::test::jsonSuiteDir() + QStringLiteral("/test_parsing");
        QStringList paths;
        for (const QString &name : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            paths << dir + QLatin1Char('/') + name;
        QVERIFY(paths.size() > 300);
        QProcess python;
        python.start(QStringLiteral("python3"),
                     QStringList{QStringLiteral(STATESCOPE_PYCANONICAL)} + paths);
        QVERIFY2(python.waitForFinished(120000), "python3 did not finish");
        QCOMPARE(python.exitCode(), 0);
        const QHash<QString, QString> jsonb = statescope::test::jsonbAccepts();
        int compared = 0, refusedByBoth = 0;
        for (const QByteArray &line : python.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() < 4 || cols[1] != "ok")
                continue;
            const QString name = QString::fromUtf8(cols[0]);
            QFile f(dir + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const PythonCanonical ours = pythonCanonical(Document::parse(f.readAll()));
            if (!ours.ok) {
                QVERIFY2(jsonb.value(name) == QLatin1String("no"),
                         qPrintable(name + QStringLiteral(": Python and jsonb accept it, we do not")));
                ++refusedByBoth;
                continue;
            }
            QVERIFY2(ours.text == QByteArray::fromHex(cols[3]),
                     qPrintable(QStringLiteral("%1: ours %2, Python's %3")
                                    .arg(name, QString::fromUtf8(ours.text.left(200)),
                                         QString::fromUtf8(QByteArray::fromHex(cols[3]).left(200)))));
            QCOMPARE(sha256Hex(ours.text), cols[2]);
            ++compared;
        }
        qInfo("%d documents compared with Python, %d refused by us and jsonb (Python takes them)",
              compared, refusedByBoth);
        QVERIFY(compared >= 100);
    }
};

QTEST_APPLESS_MAIN(TestJsonCanonical)
#include "tst_json_canonical.moc"
