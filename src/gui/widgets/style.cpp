#include "gui/widgets/style.h"

#include "gui/widgets/cuttexttips.h"
#include "gui/widgets/roomfor.h"
#include "gui/widgets/themed.h"
#include "models/ink.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QProxyStyle>
#include <QStyleOption>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace statescope::gui::style {

namespace {

// Fusion draws a check box's frame in the window colour made darker, which on a dark palette
// is the colour of the box itself: an unticked box (the Compare weeks list, the endpoint menu)
// could not be seen. On a dark palette the frame is drawn again in a light grey, and so is a
// text field's. Header sections' text is elided here too (drawControl), and a tool button
// with a menu keeps its arrow off its text (sizeFromContents).
class VisibleChecksStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement pe, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(pe, option, painter, widget);
        // A text field's frame: the same darker window colour, on a dark palette about the
        // field's own, so fields read as borderless holes. Drawn again in a grey that stands
        // out from the window by 3:1 (WCAG's contrast for the edge of a control); a field with
        // the focus keeps Fusion's highlight.
        if (pe == PE_FrameLineEdit && !(option->state & State_HasFocus)
            && option->palette.color(QPalette::Window).lightnessF() < 0.5) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(models::ink::readable(QColor(0x6b, 0x70, 0x76), option->palette.color(QPalette::Window), 3.0));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
            painter->restore();
        }
        if ((pe == PE_IndicatorCheckBox || pe == PE_IndicatorItemViewItemCheck)
            && option->palette.color(QPalette::Window).lightnessF() < 0.5) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, false);
            painter->setPen(QColor(0x9a, 0xa0, 0xa6));
            painter->setBrush(Qt::NoBrush);
            const int side = std::min(option->rect.width(), option->rect.height()) - 1;
            QRect box(0, 0, side, side);
            box.moveCenter(option->rect.center());
            painter->drawRect(box);
            painter->restore();
        }
    }

    // A header section's text wider than the section: elided here, so it ends in "…". Qt
    // does not (a header's elide mode is ElideNone unless set, and the option that reaches
    // the label has lost it anyway), and for a highlighted section (a selected row highlights
    // every column's) it would measure the plain font while drawing bold. Centred, such text
    // was cut at both ends ("ansaktionsalte").
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        if (element == CE_ToolButtonLabel && textWithMenuArrow(option)) {
            QStyleOptionToolButton room = *qstyleoption_cast<const QStyleOptionToolButton *>(option);
            room.rect.adjust(0, 0, -(proxy()->pixelMetric(PM_MenuButtonIndicator, option, widget) - 2), 0);
            return QProxyStyle::drawControl(element, &room, painter, widget);
        }
        const auto *header = element == CE_HeaderLabel ? qstyleoption_cast<const QStyleOptionHeader *>(option) : nullptr;
        if (!header || header->text.isEmpty())
            return QProxyStyle::drawControl(element, option, painter, widget);
        const auto *view = qobject_cast<const QHeaderView *>(widget);
        QFont font = widget ? widget->font() : painter->font();
        if (header->state & State_On)
            font.setBold(true);
        int room = header->rect.width();
        if (!header->icon.isNull())
            room -= proxy()->pixelMetric(PM_SmallIconSize, option, widget) + 2;
        const Qt::TextElideMode mode = view && view->textElideMode() != Qt::ElideNone ? view->textElideMode() : Qt::ElideRight;
        QStyleOptionHeaderV2 fitted;
        if (const auto *v2 = qstyleoption_cast<const QStyleOptionHeaderV2 *>(option))
            fitted = *v2;
        else
            static_cast<QStyleOptionHeader &>(fitted) = *header;
        fitted.text = QFontMetrics(font).elidedText(header->text, mode, std::max(room, 0));
        fitted.textElideMode = Qt::ElideNone; // elided already, with the font it is drawn in
        QProxyStyle::drawControl(element, &fitted, painter, widget);
    }

    // A tool button that opens its menu on a click ("All endpoints", "Export"): Fusion draws
    // the menu's arrow in its bottom right corner but neither widens the button for it nor
    // keeps the text off it, so the arrow touched the last letter. The button is made wider by
    // the arrow and the text centred in what is left of it.
    static bool textWithMenuArrow(const QStyleOption *option)
    {
        const auto *tool = qstyleoption_cast<const QStyleOptionToolButton *>(option);
        return tool && (tool->features & QStyleOptionToolButton::HasMenu)
               && !(tool->features & QStyleOptionToolButton::MenuButtonPopup) && !tool->text.isEmpty()
               && (tool->icon.isNull() || tool->toolButtonStyle != Qt::ToolButtonIconOnly);
    }

    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override
    {
        QSize out = QProxyStyle::sizeFromContents(type, option, size, widget);
        if (type == CT_ToolButton && textWithMenuArrow(option))
            out.rwidth() += proxy()->pixelMetric(PM_MenuButtonIndicator, option, widget);
        return out;
    }

    QIcon standardIcon(StandardPixmap sp, const QStyleOption *option, const QWidget *widget) const override
    {
        if (sp != SP_LineEditClearButton && sp != SP_DialogCloseButton && sp != SP_TabCloseButton
            && sp != SP_TitleBarCloseButton && sp != SP_DockWidgetCloseButton)
            return QProxyStyle::standardIcon(sp, option, widget);
        // A field's clear button, a dialog's Close (where the platform gives dialog buttons
        // icons), a tab's close: a cross that stands out from the field or button by 3:1 in
        // either theme (the platform's grey one did not on the dark palette, nor its dark
        // cross on a dark dialog's Close).
        // Drawn for the palette in use when it is drawn: the field keeps its icon across a
        // theme switch.
        return paletteIcon([](const QPalette &palette) {
            const QColor ink = models::ink::readable(
                models::ink::readable(QColor(0x70, 0x70, 0x70), palette.color(QPalette::Base), 4.5),
                palette.color(QPalette::Window), 4.5);
            return QStringLiteral("<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16' viewBox='0 0 16 16'>"
                                  "<path d='M4 4l8 8M12 4l-8 8' stroke='%1' stroke-width='2' "
                                  "stroke-linecap='round'/></svg>")
                .arg(ink.name())
                .toUtf8();
        });
    }
};

QPalette platformPalette()
{
    static const QPalette captured = QApplication::style()->standardPalette();
    return captured;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1f, 0x20, 0x22), text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x2f, 0x6f, 0xb3);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Midlight, QColor(0x35, 0x37, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x25, 0x27));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xee));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe8));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xf3, 0xf3, 0xf3), text(0x1d, 0x1d, 0x1f);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb3));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

} // namespace

QColor toneColour(Tone tone)
{
    switch (tone) {
    case Tone::Success: return QColor(0x2e, 0x9e, 0x5b);
    case Tone::Warning: return QColor(0xd9, 0x8c, 0x00);
    case Tone::Danger: return QColor(0xd0, 0x3b, 0x2f);
    case Tone::Admin: return QColor(0xe0, 0x6c, 0x00);
    case Tone::Neutral: break;
    }
    return QColor(0x4a, 0x7f, 0xb5);
}

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    const double a = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(float(base.redF() * (1 - a) + tint.redF() * a),
                            float(base.greenF() * (1 - a) + tint.greenF() * a),
                            float(base.blueF() * (1 - a) + tint.blueF() * a));
}

QColor textOn(const QColor &background)
{
    // Whichever of black and white has the higher contrast (WCAG 2) on it.
    return models::ink::contrast(Qt::black, background) >= models::ink::contrast(Qt::white, background)
               ? QColor(Qt::black)
               : QColor(Qt::white);
}

namespace {
// Okabe & Ito (2008), less its yellow (#F0E442), which disappears on a light background, and
// its vermillion, too near its orange beside it in a legend; Paul Tol's wine instead.
const QColor kSeriesPalette[] = {
    QColor(0x00, 0x72, 0xb2), // blue
    QColor(0xe6, 0x9f, 0x00), // orange
    QColor(0x00, 0x9e, 0x73), // bluish green
    QColor(0xcc, 0x79, 0xa7), // reddish purple
    QColor(0x56, 0xb4, 0xe9), // sky blue
    QColor(0x88, 0x22, 0x55), // wine (Tol): Okabe-Ito's vermillion read as a second orange
    QColor(0x7f, 0x7f, 0x7f), // grey
};
constexpr int kSeriesColours = int(sizeof(kSeriesPalette) / sizeof(kSeriesPalette[0]));
} // namespace

int seriesColourCount()
{
    return kSeriesColours;
}

int seriesColourFor(const QString &name)
{
    static const QRegularExpression number(QStringLiteral("(\\d+)\\D*$"));
    if (const QRegularExpressionMatch m = number.match(name); m.hasMatch() && m.capturedLength(1) <= 9)
        return int((m.captured(1).toLongLong() + kSeriesColours - 1) % kSeriesColours);
    quint32 h = 2166136261u; // FNV-1a: the same in every process, unlike qHash
    for (const QChar c : name) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return int(h % quint32(kSeriesColours));
}

QColor seriesColour(int index)
{
    return kSeriesPalette[((index % kSeriesColours) + kSeriesColours) % kSeriesColours];
}

void applyTheme(settings::Theme theme)
{
    (void)platformPalette(); // captured before the first change
    if (!dynamic_cast<VisibleChecksStyle *>(QApplication::style())) {
        // Wraps the style in use (the platform's, or Fusion), once.
        QStyle *base = QStyleFactory::create(QApplication::style()->name());
        QApplication::setStyle(new VisibleChecksStyle(base));
    }
    CutTextTips::install();
    installPlaceholderRoom();
    switch (theme) {
    case settings::Theme::Light: QApplication::setPalette(lightPalette()); break;
    case settings::Theme::Dark: QApplication::setPalette(darkPalette()); break;
    case settings::Theme::System: QApplication::setPalette(platformPalette()); break;
    }
    themeChanged();
}

bool isDark()
{
    const QColor w = QApplication::palette().color(QPalette::Window);
    return w.lightnessF() < 0.5;
}

// The bundled icon recoloured for a palette: lighter strokes on a dark one, and every colour
// it draws with at 3:1 against the window and the buttons it sits on (what WCAG asks of
// graphics): a blue accent on a dark tab bar is lightened too.
static QByteArray bundledFor(const QByteArray &original, const QPalette &palette)
{
    QByteArray svg = original;
    if (palette.color(QPalette::Window).lightnessF() < 0.5) {
        svg.replace("#4b5563", "#c3c8cf");
        svg.replace("#2e9e5b", "#6fdc9a"); // the accents too: a darker green reads as disabled
    }
    static const QRegularExpression hex(QStringLiteral("#[0-9a-fA-F]{6}\\b"));
    QString text = QString::fromUtf8(svg);
    QList<QRegularExpressionMatch> found;
    for (auto it = hex.globalMatch(text); it.hasNext();)
        found.prepend(it.next());
    for (const QRegularExpressionMatch &m : std::as_const(found)) {
        const QColor c = models::ink::readable(
            models::ink::readable(QColor(m.captured()), palette.color(QPalette::Window), 3.0),
            palette.color(QPalette::Button), 3.0);
        text.replace(m.capturedStart(), m.capturedLength(), c.name());
    }
    return text.toUtf8();
}

QIcon icon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return QIcon::fromTheme(name);
    // Drawn for the palette in use each time it is drawn: a theme switched while the app runs
    // recolours every icon already handed out.
    const QByteArray original = file.readAll();
    return QIcon::fromTheme(name, paletteIcon([original](const QPalette &palette) { return bundledFor(original, palette); }));
}

void enableOrSayWhy(QWidget *w, const QString &whyNot)
{
    if (!w->property("statescopeDoes").isValid())
        w->setProperty("statescopeDoes", w->toolTip());
    w->setEnabled(whyNot.isEmpty());
    w->setToolTip(whyNot.isEmpty() ? w->property("statescopeDoes").toString() : whyNot);
}

QString whatItDoes(const QWidget *w)
{
    return w->property("statescopeDoes").toString();
}

void uniformRows(QAbstractItemView *view)
{
    const int height = view->fontMetrics().height() + 8;
    if (auto *table = qobject_cast<QTableView *>(view)) {
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(height);
        table->setWordWrap(false);
    } else if (auto *tree = qobject_cast<QTreeView *>(view)) {
        tree->setUniformRowHeights(true);
        tree->setWordWrap(false);
    }
    // The elide mode is left as the view set it (ElideRight by default): the main window
    // calls this on every view, and setting it here undid the server tree's and the diff's
    // middle elision.
}

} // namespace statescope::gui::style
