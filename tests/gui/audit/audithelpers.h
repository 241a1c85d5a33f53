#pragma once

// What the audit's checks share (tests/gui/audit): which widgets are on screen, their text
// without markup or mnemonic, what a tooltip shows, the colour a text stands on.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAction>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QHeaderView>
#include <QTableView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QShortcut>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionSpinBox>
#include <QTabBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextLayout>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <algorithm>
#include <cmath>

namespace statescope::test::audit::detail {

constexpr double kMinimumContrast = 4.5;
constexpr int kRowsPerView = 60;

// Shown now: visible, in this window, with an area.
inline bool shown(const QWidget *w, const QWidget *window)
{
    return w->isVisible() && w->window() == window && w->width() > 0 && w->height() > 0;
}

// Inside a scroll area's viewport (scrolled, so clipping there is the point).
inline bool scrolled(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget())
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(p->parentWidget()); area && area->viewport() == p)
            return true;
    return false;
}

inline QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

inline QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// What a tooltip must hold to give a cut text whole: all of it, or for a long text its
// beginning (a long JSON value's tooltip shows a part of it).
inline bool holds(const QString &tip, const QString &text)
{
    const QString t = plain(tip).simplified();
    const QString want = text.simplified();
    if (want.isEmpty())
        return true;
    return t.contains(want.left(want.size() > 200 ? 60 : want.size()));
}

inline double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

inline QColor over(const QColor &top, const QColor &below)
{
    if (top.alpha() == 255)
        return top;
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + below.redF() * (1 - a)), float(top.greenF() * a + below.greenF() * (1 - a)),
                            float(top.blueF() * a + below.blueF() * (1 - a)));
}

// The colour a widget's text stands on: its own fill, or the nearest ancestor's.
inline QColor backgroundOf(const QWidget *w)
{
    static const QRegularExpression sheet(QStringLiteral("background(?:-color)?\\s*:\\s*(#[0-9a-fA-F]{3,8}|[a-z]+)"));
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        // A style sheet's background (a banner, the admin bar) is what the text stands on.
        if (const QRegularExpressionMatch m = sheet.match(p->styleSheet()); m.hasMatch() && QColor(m.captured(1)).isValid())
            return QColor(m.captured(1));
        if (p->autoFillBackground() || p->isWindow())
            return p->palette().color(p->backgroundRole());
    }
    return w->palette().color(QPalette::Window);
}

// What hovering `w` at `at` shows as a tooltip, the way a resting mouse asks for it.
inline QString tipAt(QWidget *w, const QPoint &at)
{
    QToolTip::hideText();
    QHelpEvent help(QEvent::ToolTip, at, w->mapToGlobal(at));
    QCoreApplication::sendEvent(w, &help);
    const QString tip = QToolTip::isVisible() ? QToolTip::text() : QString();
    QToolTip::hideText();
    return tip;
}

inline QString sample(const QString &text)
{
    const QString s = text.simplified();
    return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
}

} // namespace statescope::test::audit::detail
