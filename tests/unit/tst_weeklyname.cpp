#include "core/error.h"
#include "core/weekly/weeklyname.h"

#include <QTest>

using namespace statescope;
using namespace statescope::weekly;

class TestWeeklyName : public QObject
{
    Q_OBJECT
private slots:
    void formatsTwoDigitWeeks()
    {
        QCOMPARE(WeeklyName(QStringLiteral("spacetraders"), 2025, 1).databaseName(),
                 QStringLiteral("spacetraders_2025_w01"));
        QCOMPARE(WeeklyName(QStringLiteral("st"), 2025, 52).databaseName(),
                 QStringLiteral("st_2025_w52"));
    }

    void parsesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("week");
        QTest::newRow("simple") << "spacetraders_2025_w01" << "spacetraders" << 2025 << 1;
        QTest::newRow("underscored prefix") << "paper_dynasty_2024_w33" << "paper_dynasty" << 2024 << 33;
        QTest::newRow("week 53") << "g_2020_w53" << "g" << 2020 << 53;
    }
    void parsesRoundTrip()
    {
        QFETCH(QString, name);
        const auto w = WeeklyName::parse(name);
        QVERIFY(w.has_value());
        QFETCH(QString, prefix);
        QCOMPARE(w->prefix(), prefix);
        QFETCH(int, year);
        QFETCH(int, week);
        QCOMPARE(w->isoYear(), year);
        QCOMPARE(w->week(), week);
        QCOMPARE(w->databaseName(), name);
    }

    void rejectsNonWeeklyNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("no week") << "spacetraders";
        QTest::newRow("one digit week") << "st_2025_w1";
        QTest::newRow("week 0") << "st_2025_w00";
        QTest::newRow("week 53 in a 52-week year") << "st_2025_w53";
        QTest::newRow("upper case") << "ST_2025_w01";
        QTest::newRow("upper W") << "st_2025_W01";
        QTest::newRow("quote") << "st\"_2025_w01";
    }
    void rejectsNonWeeklyNames()
    {
        QFETCH(QString, name);
        QVERIFY(!WeeklyName::parse(name).has_value());
    }

    void validatesDatabaseNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("weekly") << "spacetraders_2025_w01" << true;
        QTest::newRow("plain") << "analytics" << true;
        QTest::newRow("63 bytes") << QString(63, QLatin1Char('a')) << true;
        QTest::newRow("64 bytes") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "my db" << false;
        QTest::newRow("quote") << "a\"b" << false;
        QTest::newRow("single quote") << "a'b" << false;
        QTest::newRow("upper") << "Games" << false;
        QTest::newRow("sql") << "x; DROP DATABASE postgres; --" << false;
        QTest::newRow("leading digit") << "1week" << false;
        QTest::newRow("hyphen") << "a-b" << false;
        QTest::newRow("non-ascii") << QStringLiteral("spiel_ä") << false;
    }
    void validatesDatabaseNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        bool threw = false;
        try {
            validateDatabaseName(name);
        } catch (const Error &e) {
            threw = true;
            QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            QVERIFY(!e.message().isEmpty());
        }
        QCOMPARE(threw, !ok);
    }

    void isoWeekArithmetic()
    {
        QCOMPARE(isoWeeksInYear(2020), 53);
        QCOMPARE(isoWeeksInYear(2025), 52);
        QCOMPARE(WeeklyName(QStringLiteral("g"), 2025, 52).next().databaseName(),
                 QStringLiteral("g_2026_w01"));
        QCOMPARE(WeeklyName(QStringLiteral("g"), 2020, 52).next().week(), 53);
        // ISO week 1 of 2025 starts on Monday 30 December 2024.
        QCOMPARE(WeeklyName(QStringLiteral("g"), 2025, 1).monday(), QDate(2024, 12, 30));
        QCOMPARE(WeeklyName::forDate(QStringLiteral("g"), QDate(2024, 12, 31)).databaseName(),
                 QStringLiteral("g_2025_w01"));
        QCOMPARE(WeeklyName::fromIsoWeek(QStringLiteral("g"), QStringLiteral("2025-W07")).week(), 7);
        QVERIFY_THROWS_EXCEPTION(Error, WeeklyName::fromIsoWeek(QStringLiteral("g"),
                                                                QStringLiteral("2025-07")));
        QVERIFY_THROWS_EXCEPTION(Error, WeeklyName(QStringLiteral("g"), 2025, 54));
    }

    void ordersByWeek()
    {
        const WeeklyName a(QStringLiteral("g"), 2024, 52);
        const WeeklyName b(QStringLiteral("g"), 2025, 1);
        QVERIFY(a < b);
        QVERIFY(!(b < a));
    }
};

QTEST_APPLESS_MAIN(TestWeeklyName)
#include "tst_weeklyname.moc"
