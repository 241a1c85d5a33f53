#include "models/databasetreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace statescope;
using Model = models::DatabaseTreeModel;

namespace {

weekly::DatabaseInfo db(const QString &name, int version = 4, int pending = 0)
{
    weekly::DatabaseInfo d;
    d.name = name;
    d.weekly = weekly::WeeklyName::parse(name);
    d.managed = true;
    d.inspected = true;
    d.schemaVersion = version;
    d.pending = pending;
    d.sizeBytes = 8 * 1024 * 1024;
    return d;
}

} // namespace

class TestDatabaseTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void groupsFamiliesThenOthers()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabases({db(QStringLiteral("galaxy_2025_w01")), db(QStringLiteral("st_2025_w01")),
                            db(QStringLiteral("st_2025_w02"), 3, 1), db(QStringLiteral("analytics"))});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("galaxy"));
        const QModelIndex st = model.index(1, 0);
        QCOMPARE(st.data().toString(), QStringLiteral("st"));
        QCOMPARE(model.rowCount(st), 2);
        QCOMPARE(model.index(1, Model::Week, st).data().toString(), QStringLiteral("2025-W02"));
        QCOMPARE(model.index(1, Model::Pending, st).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(1, Model::Schema, st).data().toString(), QStringLiteral("v3"));
        // Listed, its schema state not read yet (the sidebar shows names first): neither
        // "not managed" nor "0 pending", but being read.
        {
            Model listed;
            weekly::DatabaseInfo named = db(QStringLiteral("st_2025_w03"));
            named.inspected = false;
            named.managed = false;
            listed.setDatabases({named});
            const QModelIndex row = listed.indexOfDatabase(named.name);
            QCOMPARE(row.siblingAtColumn(Model::Schema).data().toString(), QStringLiteral("\u2026"));
            QCOMPARE(row.siblingAtColumn(Model::Pending).data().toString(), QStringLiteral("\u2026"));
        }
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Other databases"));
        QCOMPARE(model.families(), QStringList({QStringLiteral("galaxy"), QStringLiteral("st")}));
        const QModelIndex found = model.indexOfDatabase(QStringLiteral("st_2025_w02"));
        QVERIFY(found.isValid());
        QCOMPARE(found.parent(), st);
        QCOMPARE(found.data(Model::DatabaseNameRole).toString(), QStringLiteral("st_2025_w02"));
        QCOMPARE(st.data(Model::IsFamilyRole).toBool(), true);
        QVERIFY(!model.indexOfDatabase(QStringLiteral("missing")).isValid());
    }

    void replacesContentsCleanly()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabases({db(QStringLiteral("st_2025_w01"))});
        model.setDatabases({});
        QCOMPARE(model.rowCount(), 0);
        model.setDatabases({db(QStringLiteral("a_2025_w01")), db(QStringLiteral("b_2025_w01"))});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.database(QStringLiteral("st_2025_w01")));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseTreeModel)
#include "tst_databasetreemodel.moc"
