#include "gui/widgets/banner.h"

#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QToolButton>

namespace statescope::gui {

Banner::Banner(QWidget *parent) : QFrame(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("banner"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("bannerClose"));
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    style::onThemeChange(this, [this] { restyle(); });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void Banner::present(Kind kind, const QString &html, const QString &context, bool outcome)
{
    m_kind = kind;
    m_outcome = outcome;
    m_context = context;
    restyle();
    m_text->setText(context.isEmpty()
                        ? html
                        : QStringLiteral("<b>%1</b> \u2014 %2").arg(context.toHtmlEscaped(), html));
    show();
}

void Banner::restyle()
{
    const style::Tone tone = m_kind == Kind::Error     ? style::Tone::Danger
                             : m_kind == Kind::Warning ? style::Tone::Warning
                             : m_kind == Kind::Success ? style::Tone::Success
                                                       : style::Tone::Neutral;
    const QColor edge = style::toneColour(tone);
    const QColor fill = style::blend(QApplication::palette().color(QPalette::Window), edge, 0.16);
    setStyleSheet(QStringLiteral("#banner { background: %1; border: 1px solid %2; "
                                 "border-left: 4px solid %2; }")
                      .arg(fill.name(), edge.name()));
}

void Banner::showError(const Error &error, const QString &context)
{
    present(error.kind() == Error::Kind::Cancelled ? Kind::Info : Kind::Error, describe(error), context);
}

void Banner::showFailure(const Error &error, const QString &context)
{
    present(error.kind() == Error::Kind::Cancelled ? Kind::Info : Kind::Error, describe(error), context,
            error.kind() != Error::Kind::Cancelled);
}

QString Banner::describe(const Error &error)
{
    QString html = QStringLiteral("<b>%1</b>").arg(error.message().toHtmlEscaped());
    if (!error.sqlstate().isEmpty())
        html += QStringLiteral("<br>") + tr("SQLSTATE: %1").arg(error.sqlstate());
    if (!error.detail().isEmpty())
        html += QStringLiteral("<br>") + tr("Detail: %1").arg(error.detail().toHtmlEscaped());
    if (!error.hint().isEmpty())
        html += QStringLiteral("<br>") + tr("Hint: %1").arg(error.hint().toHtmlEscaped());
    return html;
}

void Banner::showWarning(const QString &message, const QString &context)
{
    present(Kind::Warning, message.toHtmlEscaped(), context);
}

void Banner::showMessage(const QString &message, const QString &context)
{
    present(Kind::Info, message.toHtmlEscaped(), context);
}

void Banner::showSuccess(const QString &message, const QString &context)
{
    present(Kind::Success, message.toHtmlEscaped(), context, true);
}

void Banner::clearFor(const QString &context)
{
    if (!m_outcome && (m_context.isEmpty() || m_context == context))
        hide();
}

QString Banner::text() const
{
    return m_text->text();
}

QString Banner::plainText() const
{
    return QTextDocumentFragment::fromHtml(m_text->text()).toPlainText();
}

} // namespace statescope::gui
