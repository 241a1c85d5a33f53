// DiffTreeModel under QAbstractItemModelTester: row statuses from the change list, arrays
// lined up as diff() matched them, the only-changes filter and chunked loading.
#include "models/difftreemodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTest>
#include <memory>

using namespace statescope;
using Model = models::DiffTreeModel;
using Status = Model::Status;

namespace {

// Keeps the two documents and the diff alive for as long as a test uses the model.
struct Fixture
{
    std::unique_ptr<Model> model = std::make_unique<Model>();
    std::unique_ptr<QAbstractItemModelTester> tester;

    Fixture(const QByteArray &a, const QByteArray &b, bool keyed = false, bool withTester = true)
    {
        if (withTester)
            tester = std::make_unique<QAbstractItemModelTester>(
                model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        set(a, b, keyed);
    }

    void set(const QByteArray &a, const QByteArray &b, bool keyed)
    {
        const json::Document da = json::Document::parse(a);
        const json::Document db = json::Document::parse(b);
        json::DiffOptions options;
        options.keyedArrays = keyed;
        json::DiffResult result = json::diff(da, da.root(), db, db.root(), options);
        model->setDiff(da, da.root(), db, db.root(), std::move(result), options);
    }

    QModelIndex top() const { return model->index(0, 0); }

    // Every row under parent, fetching as a view would.
    QStringList keys(const QModelIndex &parent) const
    {
        while (model->canFetchMore(parent))
            model->fetchMore(parent);
        QStringList out;
        for (int row = 0; row < model->rowCount(parent); ++row)
            out << model->index(row, Model::Key, parent).data().toString();
        return out;
    }

    QModelIndex child(const QModelIndex &parent, const QString &key) const
    {
        const int row = int(keys(parent).indexOf(key));
        return row < 0 ? QModelIndex() : model->index(row, Model::Key, parent);
    }

    QString text(const QModelIndex &row, int column) const
    {
        return row.siblingAtColumn(column).data().toString();
    }
};

Status statusOf(const QModelIndex &index)
{
    return Status(index.data(Model::StatusRole).toInt());
}

const QByteArray kBefore = R"({"same":1,"changed":2,"removed":true,
                               "nested":{"x":1,"y":[1,2]},"kind":[1,2]})";
const QByteArray kAfter = R"({"same":1,"changed":5,"nested":{"x":1,"y":[1,2,3]},
                              "kind":{"k":1},"added":"new"})";

} // namespace

class TestDiffTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void statusesFollowTheChanges()
    {
        Fixture f(kBefore, kAfter);
        QCOMPARE(f.model->rowCount(), 1);
        QCOMPARE(f.text(f.top(), Model::Key), QStringLiteral("$"));
        QCOMPARE(statusOf(f.top()), Status::ContainsChanges);
        QCOMPARE(f.keys(f.top()),
                 QStringList({"same", "changed", "removed", "nested", "kind", "added"}));

        const QModelIndex same = f.child(f.top(), "same");
        QCOMPARE(statusOf(same), Status::Same);
        QVERIFY(!same.data(Qt::BackgroundRole).isValid());
        QCOMPARE(f.text(same, Model::Before), QStringLiteral("1"));
        QCOMPARE(f.text(same, Model::After), QStringLiteral("1"));

        const QModelIndex changed = f.child(f.top(), "changed");
        QCOMPARE(statusOf(changed), Status::Changed);
        QCOMPARE(f.text(changed, Model::Before), QStringLiteral("2"));
        QCOMPARE(f.text(changed, Model::After), QStringLiteral("5"));
        QCOMPARE(f.text(changed, Model::Delta), QStringLiteral("+3"));
        QVERIFY(changed.data(Qt::BackgroundRole).value<QBrush>().color() !=
                f.child(f.top(), "added").data(Qt::BackgroundRole).value<QBrush>().color());

        const QModelIndex removed = f.child(f.top(), "removed");
        QCOMPARE(statusOf(removed), Status::Removed);
        QCOMPARE(f.text(removed, Model::Before), QStringLiteral("true"));
        QCOMPARE(f.text(removed, Model::After), QString());
        QCOMPARE(statusOf(f.child(f.top(), "added")), Status::Added);

        const QModelIndex nested = f.child(f.top(), "nested");
        QCOMPARE(statusOf(nested), Status::ContainsChanges);
        QCOMPARE(statusOf(f.child(nested, "x")), Status::Same);
        const QModelIndex y = f.child(nested, "y");
        QCOMPARE(statusOf(y), Status::ContainsChanges);
        QCOMPARE(f.text(y, Model::Before), QStringLiteral("[…2]"));
        QCOMPARE(f.text(y, Model::After), QStringLiteral("[…3]"));
        QCOMPARE(f.keys(y), QStringList({"[0]", "[1]", "[2]"}));
        QCOMPARE(statusOf(f.child(y, "[1]")), Status::Same);
        QCOMPARE(statusOf(f.child(y, "[2]")), Status::Added);
        QCOMPARE(f.child(y, "[2]").data(Qt::ToolTipRole).toString(),
                 QStringLiteral("$.nested.y[2]"));

        // A kind change is one Changed row; beneath it, what each side held.
        const QModelIndex kind = f.child(f.top(), "kind");
        QCOMPARE(statusOf(kind), Status::Changed);
        QCOMPARE(f.keys(kind), QStringList({"[0]", "[1]", "k"}));
        QCOMPARE(statusOf(f.child(kind, "[0]")), Status::Removed);
        QCOMPARE(statusOf(f.child(kind, "k")), Status::Added);
    }

    void onlyChangesHidesSameRows()
    {
        Fixture f(kBefore, kAfter);
        f.model->setOnlyChanges(true);
        QCOMPARE(f.keys(f.top()), QStringList({"changed", "removed", "nested", "kind", "added"}));
        const QModelIndex nested = f.child(f.top(), "nested");
        QCOMPARE(f.keys(nested), QStringList({"y"}));
        QCOMPARE(f.keys(f.child(nested, "y")), QStringList({"[2]"}));
        f.model->setOnlyChanges(false);
        QCOMPARE(f.keys(f.top()).size(), 6);

        // Nothing changed: the top row stays, with nothing beneath it.
        Fixture same(R"({"a":[1,2]})", R"({"a":[1,2]})");
        same.model->setOnlyChanges(true);
        QCOMPARE(same.model->rowCount(), 1);
        QCOMPARE(statusOf(same.top()), Status::Same);
        QVERIFY(!same.model->hasChildren(same.top()));
        QVERIFY(same.keys(same.top()).isEmpty());
    }

    void arraysLineUpAsDiffMatchedThem()
    {
        Fixture front("[1,2,3]", "[0,1,2,3]");
        QCOMPARE(front.keys(front.top()), QStringList({"[0]", "[0→1]", "[1→2]", "[2→3]"}));
        QCOMPARE(statusOf(front.child(front.top(), "[0]")), Status::Added);
        QCOMPARE(statusOf(front.child(front.top(), "[2→3]")), Status::Same);

        const QByteArray a = R"({"ships":[{"ship_id":"S1","fuel":10},{"ship_id":"S2","fuel":5},
                                          {"ship_id":"S3","fuel":7}]})";
        const QByteArray b = R"({"ships":[{"ship_id":"S2","fuel":6},{"ship_id":"S3","fuel":7},
                                          {"ship_id":"S4","fuel":1}]})";
        Fixture keyed(a, b, true);
        const QModelIndex ships = keyed.child(keyed.top(), "ships");
        QCOMPARE(keyed.keys(ships), QStringList({R"([ship_id="S1"])", R"([ship_id="S2"])",
                                                 R"([ship_id="S3"])", R"([ship_id="S4"])"}));
        QCOMPARE(statusOf(keyed.child(ships, R"([ship_id="S1"])")), Status::Removed);
        const QModelIndex s2 = keyed.child(ships, R"([ship_id="S2"])");
        QCOMPARE(statusOf(s2), Status::ContainsChanges);
        QCOMPARE(statusOf(keyed.child(ships, R"([ship_id="S3"])")), Status::Same);
        QCOMPARE(statusOf(keyed.child(ships, R"([ship_id="S4"])")), Status::Added);
        const QModelIndex fuel = keyed.child(s2, "fuel");
        QCOMPARE(statusOf(fuel), Status::Changed);
        QCOMPARE(keyed.text(fuel, Model::Delta), QStringLiteral("+1"));
        QCOMPARE(statusOf(keyed.child(s2, "ship_id")), Status::Same);

        // The same documents by position: every element changed in place.
        Fixture positional(a, b, false);
        const QModelIndex byIndex = positional.child(positional.top(), "ships");
        QCOMPARE(positional.keys(byIndex), QStringList({"[0]", "[1]", "[2]"}));
        for (const QString &key : positional.keys(byIndex))
            QCOMPARE(statusOf(positional.child(byIndex, key)), Status::ContainsChanges);
    }

    void scalarRoot()
    {
        Fixture f("1.5", "4");
        QCOMPARE(statusOf(f.top()), Status::Changed);
        QCOMPARE(f.text(f.top(), Model::Delta), QStringLiteral("+2.5"));
        QVERIFY(!f.model->hasChildren(f.top()));
    }

    void loadsBigContainersInChunks()
    {
        QByteArray a = "[", b = "[";
        for (int i = 0; i < 1200; ++i) {
            a += (i ? "," : "") + QByteArray::number(i);
            b += (i ? "," : "") + QByteArray::number(i == 700 ? -1 : i);
        }
        a += "]";
        b += "]";
        Fixture f(a, b, false, false);
        QVERIFY(f.model->hasChildren(f.top()));
        QCOMPARE(f.model->rowCount(f.top()), 0);
        QVERIFY(f.model->canFetchMore(f.top()));
        f.model->fetchMore(f.top());
        QCOMPARE(f.model->rowCount(f.top()), Model::kChunk);
        f.model->fetchMore(f.top());
        QCOMPARE(f.model->rowCount(f.top()), 2 * Model::kChunk);
        QVERIFY(f.model->canFetchMore(f.top()));
        f.model->fetchMore(f.top());
        QCOMPARE(f.model->rowCount(f.top()), 1200);
        QVERIFY(!f.model->canFetchMore(f.top()));
        QCOMPARE(statusOf(f.model->index(700, 0, f.top())), Status::Changed);
        QCOMPARE(statusOf(f.model->index(699, 0, f.top())), Status::Same);

        // The same model passes the tester while rows arrive chunk by chunk.
        Fixture tested(a, b);
        QCOMPARE(tested.keys(tested.top()).size(), 1200);
        tested.model->setOnlyChanges(true);
        QCOMPARE(tested.keys(tested.top()), QStringList({"[700]"}));
    }
};

QTEST_GUILESS_MAIN(TestDiffTreeModel)
#include "tst_difftreemodel.moc"
