// The lazy JSON tree model under QAbstractItemModelTester: top-level scalars, nested and
// empty containers, a 20k-element array loaded in chunks, a 3000-deep chain reached by a
// child path, numbers shown exactly as stored, and the paths and pointers of rows.
#include "models/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <memory>

using namespace statescope;
using Model = models::JsonTreeModel;
using Tester = QAbstractItemModelTester;

namespace {

json::Document parsed(const QByteArray &text)
{
    json::Document doc = json::Document::parse(text);
    if (!doc.isValid())
        qWarning() << "test document does not parse:" << text.left(80);
    return doc;
}

std::unique_ptr<Tester> testerFor(Model &model)
{
    return std::make_unique<Tester>(&model, Tester::FailureReportingMode::QtTest);
}

QString cell(const QModelIndex &row, int column)
{
    return row.siblingAtColumn(column).data().toString();
}

// The row whose Key cell reads key, among parent's loaded children.
QModelIndex child(const Model &model, const QModelIndex &parent, const QString &key)
{
    for (int r = 0; r < model.rowCount(parent); ++r)
        if (model.index(r, Model::Key, parent).data().toString() == key)
            return model.index(r, Model::Key, parent);
    return {};
}

} // namespace

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void topLevelScalars_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("type");
        QTest::newRow("number") << QByteArray(" 42 ") << "42"
                                << "number";
        QTest::newRow("string") << QByteArray("\"hi\"") << "\"hi\""
                                << "string";
        QTest::newRow("null") << QByteArray("null") << "null"
                              << "null";
        QTest::newRow("true") << QByteArray("true") << "true"
                              << "boolean";
        QTest::newRow("false") << QByteArray("false") << "false"
                               << "boolean";
    }

    void topLevelScalars()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, value);
        QFETCH(QString, type);
        Model model;
        model.setDocument(parsed(text));
        const auto tester = testerFor(model);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(cell(root, Model::Key), QStringLiteral("$"));
        QCOMPARE(cell(root, Model::Value), value);
        QCOMPARE(cell(root, Model::Type), type);
        QVERIFY(!model.hasChildren(root));
        QVERIFY(!model.canFetchMore(root));
        QCOMPARE(model.rowCount(root), 0);
        QVERIFY(model.pathOf(root).empty());
        QCOMPARE(root.data(Model::PathRole).toString(), QString());
    }

    void invalidDocumentHasNoRows()
    {
        Model model;
        model.setDocument(json::Document::parse("{\"a\":"));
        const auto tester = testerFor(model);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasChildren());
    }

    void nestedLoadsOnDemand()
    {
        Model model;
        model.setDocument(parsed(
            R"({"ships": [{"id": "S1", "fuel": 12.50}, {"id": "S2", "cargo": {}}], "ok": true,
                "n": null, "a/b": {"c~d": "x\u0041\n"}, "é": []})"));
        const QModelIndex root = model.index(0, 0);
        // Nothing below the root exists until a view asks for it.
        QVERIFY(model.hasChildren(root));
        QCOMPARE(model.rowCount(root), 0);
        QVERIFY(model.canFetchMore(root));
        QCOMPARE(cell(root, Model::Type), QStringLiteral("object {5}")); // small: counted
        model.fetchMore(root);
        QCOMPARE(model.rowCount(root), 5);
        QVERIFY(!model.canFetchMore(root));

        const auto tester = testerFor(model); // walks (and loads) the rest
        const QModelIndex ships = child(model, root, QStringLiteral("ships"));
        QVERIFY(ships.isValid());
        QCOMPARE(cell(ships, Model::Type), QStringLiteral("array [2]"));
        QCOMPARE(model.rowCount(ships), 2);
        const QModelIndex first = model.index(0, 0, ships);
        QCOMPARE(cell(first, Model::Key), QStringLiteral("[0]"));
        QCOMPARE(cell(first, Model::Type), QStringLiteral("object {2}"));
        const QModelIndex fuel = child(model, first, QStringLiteral("fuel"));
        QCOMPARE(cell(fuel, Model::Value), QStringLiteral("12.50"));
        QCOMPARE(cell(fuel, Model::Type), QStringLiteral("number"));
        QCOMPARE(fuel.data(Model::PathRole).toString(), QStringLiteral("/ships/0/fuel"));
        const json::Path fuelPath{json::PathStep::ofKey(QStringLiteral("ships")),
                                  json::PathStep::ofIndex(0),
                                  json::PathStep::ofKey(QStringLiteral("fuel"))};
        QVERIFY(model.pathOf(fuel) == fuelPath);
        QCOMPARE(fuel.data(Qt::ToolTipRole).toString(), json::toJsonPath(fuelPath));
        QCOMPARE(model.document().raw(*model.valueOf(fuel)), QByteArrayView("12.50"));
        QCOMPARE(fuel.siblingAtColumn(Model::Value).data(Model::KindRole).toInt(),
                 int(json::Kind::Number));
        QVERIFY(fuel.siblingAtColumn(Model::Value).data(Qt::ForegroundRole).canConvert<QColor>());

        // Empty containers: no children, nothing to fetch, shown as such.
        const QModelIndex cargo = child(model, model.index(1, 0, ships), QStringLiteral("cargo"));
        QVERIFY(cargo.isValid());
        QVERIFY(!model.hasChildren(cargo));
        QVERIFY(!model.canFetchMore(cargo));
        QCOMPARE(cell(cargo, Model::Value), QStringLiteral("{}"));
        QCOMPARE(cell(cargo, Model::Type), QStringLiteral("object {0}"));
        const QModelIndex emptyArray = child(model, root, QStringLiteral("é"));
        QVERIFY(emptyArray.isValid()); // keys are decoded
        QCOMPARE(cell(emptyArray, Model::Value), QStringLiteral("[]"));
        QCOMPARE(emptyArray.data(Model::PathRole).toString(), QStringLiteral("/é"));

        // Pointer escapes and decoded string display.
        const QModelIndex ab = child(model, root, QStringLiteral("a/b"));
        const QModelIndex cd = child(model, ab, QStringLiteral("c~d"));
        QVERIFY(cd.isValid());
        QCOMPARE(cd.data(Model::PathRole).toString(), QStringLiteral("/a~1b/c~0d"));
        QCOMPARE(model.document().raw(*model.valueOf(cd)), QByteArrayView(R"("x\u0041\n")"));
        QVERIFY(cell(cd, Model::Value).startsWith(QStringLiteral("\"xA")));

        QCOMPARE(cell(child(model, root, QStringLiteral("ok")), Model::Type),
                 QStringLiteral("boolean"));
        QCOMPARE(cell(child(model, root, QStringLiteral("n")), Model::Value),
                 QStringLiteral("null"));
        // Only column 0 has children.
        QCOMPARE(model.rowCount(ships.siblingAtColumn(Model::Value)), 0);
        QVERIFY(!model.index(0, 0, ships.siblingAtColumn(Model::Value)).isValid());
    }

    void emptyTopLevelContainers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("type");
        QTest::newRow("array") << QByteArray("[ ]") << "[]"
                               << "array [0]";
        QTest::newRow("object") << QByteArray("{\n}") << "{}"
                                << "object {0}";
    }

    void emptyTopLevelContainers()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, value);
        QFETCH(QString, type);
        Model model;
        model.setDocument(parsed(text));
        const auto tester = testerFor(model);
        const QModelIndex root = model.index(0, 0);
        QVERIFY(!model.hasChildren(root));
        QVERIFY(!model.canFetchMore(root));
        QCOMPARE(cell(root, Model::Value), value);
        QCOMPARE(cell(root, Model::Type), type);
    }

    void bigNumbersAsStored()
    {
        Model model;
        model.setDocument(parsed("[123456789012345678901234567890, -0.10000000000000000000001, "
                                 "1E+999, 2e-400, -0, 1.0]"));
        const auto tester = testerFor(model);
        const QModelIndex root = model.index(0, 0);
        const QStringList expected{"123456789012345678901234567890",
                                   "-0.10000000000000000000001",
                                   "1E+999",
                                   "2e-400",
                                   "-0",
                                   "1.0"};
        QCOMPARE(model.rowCount(root), int(expected.size()));
        for (int r = 0; r < expected.size(); ++r)
            QCOMPARE(cell(model.index(r, 0, root), Model::Value), expected[r]);
    }

    void bigArrayInChunks()
    {
        const int n = 20000;
        QByteArray text = "[";
        for (int i = 0; i < n; ++i)
            text += (i ? "," : "") + QByteArray::number(i);
        text += "]";
        Model model;
        model.setDocument(parsed(text));
        const auto tester = testerFor(model);
        const QModelIndex root = model.index(0, 0);
        // The tester has loaded what a view would: a chunk, not the array.
        QVERIFY(model.rowCount(root) > 0);
        QVERIFY(model.rowCount(root) < n);
        QCOMPARE(model.rowCount(root) % Model::kChunk, 0);
        QVERIFY(model.canFetchMore(root));
        QVERIFY(!model.isFullyLoaded(root));
        QCOMPARE(cell(root, Model::Type),
                 QStringLiteral("array [%1+]").arg(model.rowCount(root))); // not counted yet
        int fetches = 0;
        while (model.canFetchMore(root)) {
            const int before = model.rowCount(root);
            model.fetchMore(root);
            const int added = model.rowCount(root) - before;
            QVERIFY(added >= 0 && added <= Model::kChunk);
            ++fetches;
        }
        QVERIFY(fetches >= (n - 2 * Model::kChunk) / Model::kChunk);
        QCOMPARE(model.rowCount(root), n);
        QVERIFY(model.isFullyLoaded(root));
        QCOMPARE(cell(root, Model::Type), QStringLiteral("array [%1]").arg(n));
        const QModelIndex last = model.index(n - 1, 0, root);
        QCOMPARE(cell(last, Model::Key), QStringLiteral("[19999]"));
        QCOMPARE(cell(last, Model::Value), QStringLiteral("19999"));
        QCOMPARE(last.data(Model::PathRole).toString(), QStringLiteral("/19999"));

        // A child path deep into a fresh model loads whole chunks up to it, no more.
        Model fresh;
        fresh.setDocument(parsed(text));
        const auto freshTester = testerFor(fresh);
        const QModelIndex at = fresh.indexForChildPath({15000});
        QVERIFY(at.isValid());
        QCOMPARE(cell(at, Model::Value), QStringLiteral("15000"));
        const int loaded = fresh.rowCount(fresh.index(0, 0));
        QVERIFY(loaded > 15000 && loaded < n);
        QVERIFY(!fresh.indexForChildPath({n}).isValid());
        QVERIFY(!fresh.indexForChildPath({0, 0}).isValid()); // a number has no children
        QVERIFY(!fresh.indexForChildPath({-1}).isValid());
    }

    void deepChainByChildPath()
    {
        const int depth = 3000;
        const QByteArray text = QByteArray(depth, '[') + "{\"leaf\": 7}" + QByteArray(depth, ']');
        Model model;
        model.setDocument(parsed(text));
        const auto tester = testerFor(model);
        std::vector<int> path(depth, 0);
        const QModelIndex object = model.indexForChildPath(path);
        QVERIFY(object.isValid());
        QCOMPARE(cell(object, Model::Type), QStringLiteral("object {1}"));
        path.push_back(0);
        const QModelIndex leaf = model.indexForChildPath(path);
        QVERIFY(leaf.isValid());
        QCOMPARE(cell(leaf, Model::Key), QStringLiteral("leaf"));
        QCOMPARE(cell(leaf, Model::Value), QStringLiteral("7"));
        QCOMPARE(model.pathOf(leaf).size(), size_t(depth + 1));
        QString pointer;
        for (int i = 0; i < depth; ++i)
            pointer += QStringLiteral("/0");
        QCOMPARE(leaf.data(Model::PathRole).toString(), pointer + QStringLiteral("/leaf"));
        int up = 0;
        for (QModelIndex p = leaf.parent(); p.isValid(); p = p.parent())
            ++up;
        QCOMPARE(up, depth + 1); // the array levels and the "$" row
        path[1] = 1;
        QVERIFY(!model.indexForChildPath(path).isValid());
    }

    void fetchAllStopsPastLimit()
    {
        Model model;
        model.setDocument(parsed(R"({"a": {"b": [1, 2, {"c": 3}]}, "d": [4, 5]})"));
        const auto tester = testerFor(model);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(model.fetchAll(root, 100), qsizetype(9)); // a b 1 2 {c} c d 4 5
        const QModelIndex a = child(model, root, QStringLiteral("a"));
        const QModelIndex b = child(model, a, QStringLiteral("b"));
        QCOMPARE(model.rowCount(model.index(2, 0, b)), 1);

        Model big;
        QByteArray text = "[";
        for (int i = 0; i < 3000; ++i)
            text += i ? ",[1,2]" : "[1,2]";
        big.setDocument(parsed(text + "]"));
        const qsizetype rows = big.fetchAll(big.index(0, 0), 100);
        QVERIFY(rows > 100);
        QVERIFY(big.rowCount(big.index(0, 0)) < 3000); // stopped, not everything
    }

    void replacingTheDocument()
    {
        Model model;
        const auto tester = testerFor(model);
        model.setDocument(parsed(R"({"x": [1, 2, 3]})"));
        model.fetchMore(model.index(0, 0));
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        model.setDocument(parsed("[true, false]"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model.index(0, 0), Model::Type), QStringLiteral("array [2]"));
        model.setDocument({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
