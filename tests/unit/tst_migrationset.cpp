#include "core/error.h"
#include "core/json/canonical.h"
#include "core/migrate/migration.h"

#include <QTest>

using namespace statescope;
using namespace statescope::migrate;

class TestMigrationSet : public QObject
{
    Q_OBJECT
private slots:
    void parsesFileNames()
    {
        int v = 0;
        QString d;
        QVERIFY(MigrationSet::parseFileName(QStringLiteral("V001__schemas_and_audit_log.sql"), &v, &d));
        QCOMPARE(v, 1);
        QCOMPARE(d, QStringLiteral("schemas and audit log"));
        QVERIFY(MigrationSet::parseFileName(QStringLiteral("V12__x.sql"), &v, &d));
        QCOMPARE(v, 12);
        QVERIFY(!MigrationSet::parseFileName(QStringLiteral("V0__zero.sql"), &v, &d));
        QVERIFY(!MigrationSet::parseFileName(QStringLiteral("V1_single_underscore.sql"), &v, &d));
        QVERIFY(!MigrationSet::parseFileName(QStringLiteral("v1__lower.sql"), &v, &d));
        QVERIFY(!MigrationSet::parseFileName(QStringLiteral("V1__x.txt"), &v, &d));
        QVERIFY(!MigrationSet::parseFileName(QStringLiteral("V1__.sql"), &v, &d));
    }

    void ordersNumericallyNotByName()
    {
        const auto set = MigrationSet::fromFiles({{QStringLiteral("V10__ten.sql"), "SELECT 10;"},
                                                  {QStringLiteral("V2__two.sql"), "SELECT 2;"},
                                                  {QStringLiteral("V1__one.sql"), "SELECT 1;"}});
        QCOMPARE(set.migrations().size(), 3);
        QCOMPARE(set.migrations()[0].version, 1);
        QCOMPARE(set.migrations()[1].version, 2);
        QCOMPARE(set.migrations()[2].version, 10);
        QCOMPARE(set.latestVersion(), 10);
        QVERIFY(set.find(2));
        QVERIFY(!set.find(3));
    }

    void checksumIsSha256OfBytes()
    {
        const QByteArray sql = "CREATE TABLE t (id int);\n";
        const auto set = MigrationSet::fromFiles({{QStringLiteral("V1__t.sql"), sql}});
        QCOMPARE(set.migrations()[0].checksum, json::sha256Hex(sql));
        QCOMPARE(set.migrations()[0].checksum.size(), 64);
        // A one-byte change changes the checksum.
        const auto other = MigrationSet::fromFiles({{QStringLiteral("V1__t.sql"), sql + ' '}});
        QVERIFY(other.migrations()[0].checksum != set.migrations()[0].checksum);
        QCOMPARE(json::sha256Hex(""),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void rejectsDuplicatesAndBadNames()
    {
        QVERIFY_THROWS_EXCEPTION(Error, MigrationSet::fromFiles({{QStringLiteral("V1__a.sql"), "1"},
                                                                 {QStringLiteral("V001__b.sql"), "2"}}));
        QVERIFY_THROWS_EXCEPTION(Error, MigrationSet::fromFiles({{QStringLiteral("init.sql"), "1"}}));
    }

    void embeddedSetIsComplete()
    {
        const MigrationSet &set = MigrationSet::embedded();
        QVERIFY(set.migrations().size() >= 4);
        QCOMPARE(set.migrations().first().version, 1);
        for (const Migration &m : set.migrations()) {
            QVERIFY2(!m.sql.trimmed().isEmpty(), qPrintable(m.fileName));
            // Migrations run inside the migrator's transaction: no transaction control.
            QVERIFY2(!m.sql.contains(QStringLiteral("COMMIT"), Qt::CaseInsensitive),
                     qPrintable(m.fileName));
        }
    }
};

QTEST_APPLESS_MAIN(TestMigrationSet)
#include "tst_migrationset.moc"
