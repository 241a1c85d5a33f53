#include "errorpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace statescope::gui {

ErrorPanel::ErrorPanel(QWidget *parent) : QFrame(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("errorPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void ErrorPanel::showError(const Error &error)
{
    setStyleSheet(QStringLiteral("#errorPanel { background: #fdecea; border: 1px solid #e0a39b; }"));
    QString html = QStringLiteral("<b>%1</b>").arg(error.message().toHtmlEscaped());
    if (!error.sqlstate().isEmpty())
        html += QStringLiteral("<br>") + tr("SQLSTATE: %1").arg(error.sqlstate());
    if (!error.detail().isEmpty())
        html += QStringLiteral("<br>") + tr("Detail: %1").arg(error.detail().toHtmlEscaped());
    if (!error.hint().isEmpty())
        html += QStringLiteral("<br>") + tr("Hint: %1").arg(error.hint().toHtmlEscaped());
    m_text->setText(html);
    show();
}

void ErrorPanel::showMessage(const QString &message)
{
    setStyleSheet(QStringLiteral("#errorPanel { background: #eaf6ec; border: 1px solid #9fcfa8; }"));
    m_text->setText(message.toHtmlEscaped());
    show();
}

QString ErrorPanel::text() const
{
    return m_text->text();
}

} // namespace statescope::gui
