// One rule for checking user input: the whole string, or nothing. These cases failed
// before it: "$" matched before a final newline, and QUuid::fromString ignored what
// followed 36 characters.
#include "core/error.h"
#include "core/events/eventfilter.h"
#include "core/migrate/migration.h"
#include "core/replay/gamestore.h"
#include "core/validate.h"
#include "core/weekly/weeklyname.h"

#include <QTest>

#include <limits>

using namespace statescope;

namespace {
const QString kId = QStringLiteral("7f3c2a10-5b1e-4c2d-9e8f-a5c0f1a38bb3");
}

class TstValidate : public QObject
{
    Q_OBJECT
private slots:
    void wholePatternRejectsWhatSurrounds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("exact") << "abc_1" << true;
        QTest::newRow("trailing newline") << "abc_1\n" << false;
        QTest::newRow("leading newline") << "\nabc_1" << false;
        QTest::newRow("newline inside") << "abc\n_1" << false;
        QTest::newRow("trailing space") << "abc_1 " << false;
        QTest::newRow("trailing junk") << "abc_1x!" << false;
        QTest::newRow("empty") << "" << false;
    }
    void wholePatternRejectsWhatSurrounds()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const validate::WholePattern p(QStringLiteral("[a-z][a-z0-9_]*"));
        QCOMPARE(p.matches(text), ok);
    }

    void alternativesAreAnchoredTogether()
    {
        // \A(?:a|b)\z, not \Aa|b\z: each alternative must span the whole text.
        const validate::WholePattern p(QStringLiteral("ab|cd"));
        QVERIFY(p.matches(QStringLiteral("cd")));
        QVERIFY(!p.matches(QStringLiteral("abx")));
        QVERIFY(!p.matches(QStringLiteral("xcd")));
    }

    void capturesStillWork()
    {
        const validate::WholePattern p(QStringLiteral("([a-z]+)_([0-9]{4})"));
        const auto m = p.match(QStringLiteral("st_2025"));
        QVERIFY(m.hasMatch());
        QCOMPARE(m.captured(1), QStringLiteral("st"));
        QCOMPARE(m.captured(2), QStringLiteral("2025"));
    }

    void uuids_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << kId << true;
        QTest::newRow("upper") << kId.toUpper() << true;
        QTest::newRow("braces") << "{" + kId + "}" << true;
        QTest::newRow("nil") << "00000000-0000-0000-0000-000000000000" << true;
        QTest::newRow("trailing junk") << kId + "x" << false;
        QTest::newRow("trailing newline") << kId + "\n" << false;
        QTest::newRow("surrounding spaces") << " " + kId + " " << false;
        QTest::newRow("one brace") << "{" + kId << false;
        QTest::newRow("no hyphens") << QString(kId).remove(QLatin1Char('-')) << false;
        QTest::newRow("short") << kId.left(35) << false;
        QTest::newRow("not hex") << QString(kId).replace(0, 1, QStringLiteral("g")) << false;
    }
    void uuids()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto id = validate::uuid(text);
        QCOMPARE(id.has_value(), ok);
        if (ok)
            QCOMPARE(id->toString(QUuid::WithoutBraces), text.toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}')));
    }

    void gameIdsAreWholeUuids()
    {
        QCOMPARE(replay::GameStore::normalizeGameId(kId.toUpper()), kId);
        for (const QString &bad : {kId + "x", kId + "\n", " " + kId, kId.left(30)}) {
            bool threw = false;
            try {
                replay::GameStore::normalizeGameId(bad);
            } catch (const Error &e) {
                threw = e.kind() == Error::Kind::InvalidInput;
            }
            QVERIFY2(threw, qPrintable(bad));
        }
    }

    void databaseNamesWithANewlineAreRefused()
    {
        for (const QString &bad : {QStringLiteral("rel_2026_w11\n"), QStringLiteral("rel_2026_w11\n\n"),
                                   QStringLiteral("\nrel_2026_w11"), QStringLiteral("rel_2026_w11 ")}) {
            bool threw = false;
            try {
                weekly::validateDatabaseName(bad);
            } catch (const Error &e) {
                threw = e.kind() == Error::Kind::InvalidInput;
            }
            QVERIFY2(threw, qPrintable(bad));
            QVERIFY(!weekly::WeeklyName::parse(bad).has_value());
        }
        bool threw = false;
        try {
            weekly::validatePrefix(QStringLiteral("rel\n"));
        } catch (const Error &) {
            threw = true;
        }
        QVERIFY(threw);
        threw = false;
        try {
            weekly::WeeklyName::fromIsoWeek(QStringLiteral("rel"), QStringLiteral("2026-W11\n"));
        } catch (const Error &) {
            threw = true;
        }
        QVERIFY(threw);
        QCOMPARE(weekly::WeeklyName::fromIsoWeek(QStringLiteral("rel"), QStringLiteral("2026-W11"))
                     .databaseName(),
                 QStringLiteral("rel_2026_w11"));
    }

    void migrationFileNames()
    {
        int version = 0;
        QVERIFY(migrate::MigrationSet::parseFileName(QStringLiteral("V003__games.sql"), &version, nullptr));
        QCOMPARE(version, 3);
        QVERIFY(!migrate::MigrationSet::parseFileName(QStringLiteral("V003__games.sql\n"), nullptr, nullptr));
        QVERIFY(!migrate::MigrationSet::parseFileName(QStringLiteral("V003__games.sql.bak"), nullptr, nullptr));
    }

    void eventFilterFields()
    {
        events::EventFilter f;
        f.status = QStringLiteral("404\n");
        QVERIFY(events::validate(f).empty()); // tokens are trimmed: "404, 5xx" is fine
        f.status = QStringLiteral("404x");
        QVERIFY(!events::validate(f).empty());
        f.status = QStringLiteral("5xxx");
        QVERIFY(!events::validate(f).empty());
        f.status.clear();
        f.payloadHash = QStringLiteral("ab12");
        QVERIFY(events::validate(f).empty());
        f.payloadHash = QStringLiteral("ab12\n");
        QVERIFY(!events::validate(f).empty());
        f.payloadHash = QStringLiteral("ab12 ");
        QVERIFY(!events::validate(f).empty());
    }

    void wholeNumbersOnly()
    {
        QCOMPARE(validate::wholeNumber(QStringLiteral("42")), std::optional<qint64>(42));
        QCOMPARE(validate::wholeNumber(QStringLiteral("-7")), std::optional<qint64>(-7));
        QCOMPARE(validate::wholeNumber(QStringLiteral("+7")), std::optional<qint64>(7));
        QCOMPARE(validate::wholeNumber(QStringLiteral("9223372036854775807")),
                 std::optional<qint64>(std::numeric_limits<qint64>::max()));
        // Qt's toLongLong() accepts the first four.
        for (const char *bad : {"5\n", " 5", "5 ", "\t5", "", "5x", "0x10", "1e3", "9223372036854775808",
                                "99999999999999999999", "--5", "5.0", "\u0665"})
            QVERIFY2(!validate::wholeNumber(QString::fromUtf8(bad)), bad);
    }
};

QTEST_GUILESS_MAIN(TstValidate)
#include "tst_validate.moc"
