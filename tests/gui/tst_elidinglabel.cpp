// ElidingLabel (offscreen): what it draws fits its width and its lines, ends in "…" exactly
// when text was left out, keeps the text's own line breaks, and hovering an elided one shows
// the whole text (CutTextTips), while text() stays whole for the clipboard and screen readers.
// And a table's header, through the application's style, elides a title wider than its
// section as well.
#include "gui/widgets/cuttexttips.h"
#include "gui/widgets/elidinglabel.h"
#include "gui/widgets/style.h"

#include <QApplication>
#include <QFontMetrics>
#include <QHeaderView>
#include <QImage>
#include <QStandardItemModel>
#include <QTableView>
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

    // Drawn through the application's style, a header section narrower than its title shows
    // exactly what a title elided to fit shows ("Transaktion…"), highlighted (bold, a row
    // selected) or not; before, the title was cut at both ends.
    void headerSectionsElideTheirTitle()
    {
        gui::style::applyTheme(settings::Theme::Light);
        const auto shot = [](const QString &title, bool highlighted) {
            QStandardItemModel model(1, 2);
            model.setHorizontalHeaderLabels({title, QStringLiteral("x")});
            QTableView view;
            view.setModel(&model);
            view.horizontalHeader()->setStretchLastSection(false);
            view.horizontalHeader()->resizeSection(0, 90);
            view.resize(300, 120);
            view.show();
            if (highlighted)
                view.selectRow(0);
            QHeaderView *header = view.horizontalHeader();
            QFont font = header->font();
            font.setBold(highlighted);
            return std::pair{header->grab(QRect(0, 0, 90, header->height())).toImage(), QFontMetrics(font)};
        };
        const QString title = QStringLiteral("Transaktionsalter der Sitzung");
        for (const bool highlighted : {false, true}) {
            const auto [whole, fm] = shot(title, highlighted);
            const QString elided = fm.elidedText(title, Qt::ElideRight, 90 - 8);
            QVERIFY2(elided.endsWith(QChar(0x2026)), qPrintable(elided)); // the section is narrower
            bool same = false;
            // The label's own margins are the style's: the elided title that matches is one of a
            // few widths, the longest that fits.
            for (int room = 90; room > 60 && !same; --room)
                same = shot(fm.elidedText(title, Qt::ElideRight, room), highlighted).first == whole;
            QVERIFY2(same, highlighted ? "highlighted" : "plain");
        }
    }
};

QTEST_MAIN(TestElidingLabel)
#include "tst_elidinglabel.moc"
