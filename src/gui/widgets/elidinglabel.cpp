#include "gui/widgets/elidinglabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

#include <algorithm>

namespace statescope::gui {

ElidingLabel::ElidingLabel(QWidget *parent, int lines) : QLabel(parent), m_lines(std::max(1, lines))
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setFixedHeight(m_lines * fontMetrics().lineSpacing() + 2);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

QString ElidingLabel::fit(const QString &text, const QFont &font, int width, int lines, bool *elided)
{
    const QFontMetrics fm(font);
    width = std::max(width, 1);
    // The text's own line breaks are kept as breaks.
    QString flow = text;
    flow.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(flow, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList shown;
    bool cut = false;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (int(shown.size()) == lines - 1) {
            // The last line there is room for: all that is left, elided to one line.
            QString rest = flow.mid(line.textStart());
            const qsizetype stop = rest.indexOf(QChar::LineSeparator);
            if (stop >= 0) {
                rest = rest.left(stop) + QChar(0x2026); // more lines follow: say so
                cut = true;
            }
            const QString last = fm.elidedText(rest, Qt::ElideRight, width);
            cut = cut || last != rest;
            shown << last;
            break;
        }
        QString part = flow.mid(line.textStart(), line.textLength());
        part.remove(QChar::LineSeparator);
        while (part.endsWith(QLatin1Char(' ')))
            part.chop(1);
        shown << part;
    }
    layout.endLayout();
    if (elided)
        *elided = cut;
    return shown.join(QLatin1Char('\n'));
}

int ElidingLabel::room() const
{
    return contentsRect().width() - 2 * margin() - std::max(indent(), 0);
}

QString ElidingLabel::shownText() const
{
    return fit(text(), font(), room(), m_lines);
}

bool ElidingLabel::isElided() const
{
    bool elided = false;
    fit(text(), font(), room(), m_lines, &elided);
    return elided;
}

void ElidingLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    drawFrame(&painter);
    const QRect area = contentsRect().adjusted(margin(), margin(), -margin(), -margin());
    style()->drawItemText(&painter, area, int(alignment()), palette(), isEnabled(), shownText(), foregroundRole());
}

void ElidingLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        setFixedHeight(m_lines * fontMetrics().lineSpacing() + 2);
}

} // namespace statescope::gui
