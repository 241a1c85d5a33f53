// ElidingLabel (offscreen): what it draws fits its width and its lines, ends in "…" exactly
// when text was left out, keeps the text's own line breaks, and hovering an elided one shows
// the whole text (CutTextTips), while text() stays whole for the clipboard and screen readers.
#include "gui/widgets/cuttexttips.h"
#include "gui/widgets/elidinglabel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QTest>

using namespace statescope;
using gui::ElidingLabel;

class TestElidingLabel : public QObject
{
    Q_OBJECT

    static void verifyFits(const QString &shown, const QFont &font, int width, int lines)
    {
        const QFontMetrics fm(font);
        const QStringList parts = shown.split(QLatin1Char('\n'));
        QVERIFY2(parts.size() <= lines, qPrintable(shown));
        for (const QString &p : parts)
            QVERIFY2(fm.horizontalAdvance(p) <= width, qPrintable(QStringLiteral("%1 > %2: %3").arg(fm.horizontalAdvance(p)).arg(width).arg(p)));
    }

private slots:
    void fitsEveryWidthAndLineCount()
    {
        const QFont font = QApplication::font();
        const QString prose = QStringLiteral("batter PH player 2412 (#202), pitcher P player 3009 (#192), catcher C player 3002 (#185)");
        const QString json = QStringLiteral(R"(ab {"d6":3,"2d6":[5,2],"d20":20,"extra":"%1"})").arg(QString(300, QLatin1Char('x')));
        for (const QString &text : {prose, json, QStringLiteral("short")})
            for (int lines : {1, 2, 3})
                for (int width : {12, 40, 90, 160, 400, 2000}) {
                    bool elided = false;
                    const QString shown = ElidingLabel::fit(text, font, width, lines, &elided);
                    verifyFits(shown, font, width, lines);
                    QCOMPARE(shown.endsWith(QChar(0x2026)), elided);
                    // Nothing left out: every character shown (line breaks aside).
                    if (!elided) {
                        QString joined = shown;
                        QCOMPARE(joined.remove(QLatin1Char('\n')).remove(QLatin1Char(' ')),
                                 QString(text).remove(QLatin1Char(' ')));
                    }
                }
        // Room for all of it: shown as it is.
        bool elided = true;
        QCOMPARE(ElidingLabel::fit(prose, font, 5000, 1, &elided), prose);
        QVERIFY(!elided);
    }

    void keepsTheTextsOwnLines()
    {
        const QFont font = QApplication::font();
        bool elided = true;
        QCOMPARE(ElidingLabel::fit(QStringLiteral("one\ntwo"), font, 500, 2, &elided), QStringLiteral("one\ntwo"));
        QVERIFY(!elided);
        // A third line that has no room: the second says more follows.
        const QString shown = ElidingLabel::fit(QStringLiteral("one\ntwo\nthree"), font, 500, 2, &elided);
        QVERIFY(elided);
        QVERIFY2(shown.startsWith(QStringLiteral("one\ntwo")) && shown.endsWith(QChar(0x2026)), qPrintable(shown));
    }

    void hoveringShowsTheWholeText()
    {
        gui::CutTextTips::install();
        ElidingLabel label(nullptr, 2);
        const QString text = QStringLiteral("Play 96: Home run to CF (walk-off), the longest description a game wrote for it");
        label.setText(text);
        label.resize(120, label.height());
        label.show();
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        QVERIFY(label.isElided());
        QCOMPARE(label.text(), text); // whole, whatever is drawn
        QVERIFY(label.shownText().endsWith(QChar(0x2026)));
        QCOMPARE(gui::CutTextTips::cutTextAt(&label, label.rect().center()), text);
        // Wide enough: nothing cut, nothing to hover for.
        label.resize(label.fontMetrics().horizontalAdvance(text) + 20, label.height());
        QVERIFY(!label.isElided());
        QCOMPARE(label.shownText(), text);
        QVERIFY(gui::CutTextTips::cutTextAt(&label, label.rect().center()).isEmpty());
    }
};

QTEST_MAIN(TestElidingLabel)
#include "tst_elidinglabel.moc"
