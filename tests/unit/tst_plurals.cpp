// English plurals for counted strings (issue 36): no "(s)" reaches the screen or the CLI.

#include "core/plurals.h"

#include <QCoreApplication>
#include <QTest>

using namespace statescope;

class TestPlurals : public QObject
{
    Q_OBJECT
private slots:
    void resolvesEachMarker()
    {
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%n week(s)"), 1), QStringLiteral("%n week"));
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%n week(s)"), 0), QStringLiteral("%n weeks"));
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%n week(s)"), 3), QStringLiteral("%n weeks"));
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%Ln fetch(es)"), 1), QStringLiteral("%Ln fetch"));
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%Ln fetch(es)"), 2), QStringLiteral("%Ln fetches"));
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%n roster entr(ies)"), 1), QStringLiteral("%n roster entry"));
        QCOMPARE(EnglishPlurals::resolve(QStringLiteral("%n roster entr(ies)"), 5), QStringLiteral("%n roster entries"));
    }

    // Through Qt's own translation call, as every tr() with a count goes.
    void countedStringsReadAsEnglish()
    {
        EnglishPlurals plurals;
        QCoreApplication::installTranslator(&plurals);
        QCOMPARE(QCoreApplication::translate("X", "%n session(s) terminated", nullptr, 1), QStringLiteral("1 session terminated"));
        QCOMPARE(QCoreApplication::translate("X", "%n session(s) terminated", nullptr, 2), QStringLiteral("2 sessions terminated"));
        // No count: left as written; a translation installed later wins.
        QCOMPARE(QCoreApplication::translate("X", "Open (s) file"), QStringLiteral("Open (s) file"));
        QCoreApplication::removeTranslator(&plurals);
        QCOMPARE(QCoreApplication::translate("X", "%n week(s)", nullptr, 1), QStringLiteral("1 week(s)"));
    }
};

QTEST_GUILESS_MAIN(TestPlurals)
#include "tst_plurals.moc"
