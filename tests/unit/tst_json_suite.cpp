// Every file of JSONTestSuite (test_parsing): y_ must parse, n_ must be rejected, i_ may go
// either way but must not crash; whatever PostgreSQL's jsonb accepts must parse, survive
// pretty() and be walkable node by node.
#include "core/json/document.h"
#include "unit/jsonsuite.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTest>

using namespace statescope::json;

namespace {

QStringList suiteFiles()
{
    return QDir(statescope::test::jsonSuiteDir() + QStringLiteral("/test_parsing"))
        .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

// Visits every node with an explicit stack; the number of nodes, or -1 when it ran away
// (more nodes than bytes cannot happen in a finite walk).
qsizetype walk(const Document &doc, QString *problem)
{
    qsizetype nodes = 1;
    if (doc.display(doc.root()).isEmpty()) {
        *problem = QStringLiteral("empty display() for the root");
        return -1;
    }
    std::vector<Document::ChildCursor> stack{doc.children(doc.root())};
    while (!stack.empty()) {
        Member m;
        if (!stack.back().next(m)) {
            stack.pop_back();
            continue;
        }
        if (++nodes > doc.text().size()) {
            *problem = QStringLiteral("the walk does not end");
            return -1;
        }
        if (m.value.begin >= m.value.end || doc.display(m.value).isEmpty()) {
            *problem = QStringLiteral("empty value at byte %1").arg(m.value.begin);
            return -1;
        }
        if (m.key.end > m.key.begin)
            doc.string(m.key);
        if (m.value.kind == Kind::String)
            doc.string(m.value);
        if (m.value.isContainer())
            stack.push_back(doc.children(m.value));
    }
    return nodes;
}

} // namespace

class TestJsonSuite : public QObject
{
    Q_OBJECT
private slots:
    void suiteIsThere()
    {
        QVERIFY2(suiteFiles().size() > 300, qPrintable(statescope::test::jsonSuiteDir()));
        QVERIFY(statescope::test::jsonbAccepts().size() > 300);
        QVERIFY(QFile::exists(statescope::test::jsonSuiteDir() + QStringLiteral("/LICENSE")));
    }

    void file_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("jsonb");
        const auto pg = statescope::test::jsonbAccepts();
        for (const QString &name : suiteFiles())
            QTest::newRow(qPrintable(name)) << name << (pg.value(name) == u"yes");
    }
    void file()
    {
        QFETCH(QString, name);
        QFETCH(bool, jsonb);
        QFile f(statescope::test::jsonSuiteDir() + QStringLiteral("/test_parsing/") + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const Document doc = Document::parse(text);

        if (!doc.isValid()) {
            QVERIFY(doc.error());
            const ParseError &e = *doc.error();
            QVERIFY(!e.message.isEmpty());
            QVERIFY(e.offset >= 0 && e.offset <= text.size());
            QVERIFY(e.line >= 1 && e.column >= 1);
        }
        if (name.startsWith(u"y_") || jsonb)
            QVERIFY2(doc.isValid(), qPrintable(doc.error() ? doc.error()->message : QString()));
        if (name.startsWith(u"n_"))
            QVERIFY2(!doc.isValid(), "an invalid text was accepted");
        if (!doc.isValid())
            return;

        QVERIFY(equal(doc, doc.root(), doc, doc.root()));
        QString problem;
        const qsizetype nodes = walk(doc, &problem);
        QVERIFY2(nodes > 0, qPrintable(problem));

        const QByteArray out = pretty(doc, doc.root());
        const Document again = Document::parse(out);
        QVERIFY2(again.isValid(), out.left(200).constData());
        QVERIFY(equal(doc, doc.root(), again, again.root()));
        QCOMPARE(walk(again, &problem), nodes);
    }
};

QTEST_APPLESS_MAIN(TestJsonSuite)
#include "tst_json_suite.moc"
