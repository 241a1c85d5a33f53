#include "gui/widgets/confirmdialog.h"

#include "models/ink.h"

#include "ui_confirmdialog.h"
#include "gui/widgets/themed.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QScreen>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <QPushButton>

namespace statescope::gui {

ConfirmDialog::ConfirmDialog(const QString &title, const QString &summary,
                             const QString &previewHtml, const QString &expected, bool offerDump,
                             QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConfirmDialog>()), m_expected(expected)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("confirmDialog"));
    setWindowTitle(title);
    m_ui->summaryLabel->setText(summary);
    m_ui->previewText->setHtml(previewHtml);
    // The preview is read whole, not scrolled: the text area takes the height its text needs
    // at the dialog's width (up to what a 800-pixel-high screen leaves).
    // A minimum, not a resize: adjustSize() below would shrink a resized dialog back to its
    // narrow size hint, and the text measured at 600 pixels would not fit (seen at 1280x800:
    // the reason's label over the last lines of the preview).
    setMinimumWidth(600);
    resize(600, height());
    QTextDocument *doc = m_ui->previewText->document();
    doc->setTextWidth(width() - 40);
    const int needed = int(std::ceil(doc->size().height())) + 2 * m_ui->previewText->frameWidth() + 6;
    // What a small screen leaves for the preview once the fields and buttons below it have
    // theirs: the dialog never grows past the screen (its title bar off the top, the check
    // box drawn over the preview).
    int room = 460;
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        room = std::clamp(screen->availableGeometry().height() - 360, 120, 460);
    m_ui->previewText->setMinimumHeight(std::min(needed, room));
    // A window's layout does not count the wrapped lines of its labels in its minimum height:
    // a summary that wrapped to three lines pushed the preview over the reason's label. At
    // the narrowest the dialog gets, the summary's lines are its minimum.
    const QMargins margins = layout()->contentsMargins();
    m_ui->summaryLabel->setMinimumHeight(
        m_ui->summaryLabel->heightForWidth(minimumWidth() - margins.left() - margins.right()));
    adjustSize();
    m_ui->dumpCheck->setVisible(offerDump);
    m_ui->confirmLabel->setText(
        tr("Type <b>%1</b> to confirm:").arg(expected.toHtmlEscaped()));
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(title);
    ok->setAutoDefault(false);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
    // The reason a confirmation is not taken yet keeps its line when hidden: showing it
    // does not move the fields under the user's cursor.
    QSizePolicy keep = m_ui->whyLabel->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_ui->whyLabel->setSizePolicy(keep);
    m_ui->whyLabel->setMinimumHeight(2 * m_ui->whyLabel->fontMetrics().lineSpacing() + 2); // room for two lines
    m_ui->whyLabel->hide();
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &ConfirmDialog::updateOk);
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, this, &ConfirmDialog::updateOk);
    connect(m_ui->dumpCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            style::clearInk(m_ui->dumpCheck);
        else
            style::setInk(m_ui->dumpCheck, models::ink::Meaning::Danger);
    });
    m_ui->confirmEdit->setFocus();
    updateOk();
}

ConfirmDialog::~ConfirmDialog() = default;

QString ConfirmDialog::whyNotYet() const
{
    const QString typed = m_ui->confirmEdit->text();
    if (typed.isEmpty())
        return tr("Type %1 to confirm.").arg(m_expected);
    if (typed != m_expected)
        return typed.trimmed() == m_expected
                   ? tr("Type %1 exactly, without spaces around it.").arg(m_expected)
                   : tr("\"%1\" is not %2: type the name exactly as shown.").arg(typed, m_expected);
    if (m_reasonRequired && reason().isEmpty())
        return tr("Give a reason: it is kept in the audit log.");
    return {};
}

void ConfirmDialog::updateOk()
{
    const QString why = whyNotYet();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    // Shown after Enter, the reason follows what is typed; a cleared field starts over.
    if (why.isEmpty() || m_ui->confirmEdit->text().isEmpty())
        m_ui->whyLabel->hide();
    else if (m_ui->whyLabel->isVisible())
        m_ui->whyLabel->setText(why);
}

void ConfirmDialog::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    QWidget *focus = focusWidget();
    if (enter && (focus == m_ui->confirmEdit || focus == m_ui->reasonEdit)) {
        const QString why = whyNotYet();
        if (why.isEmpty()) {
            accept();
        } else {
            m_ui->whyLabel->setText(why);
            m_ui->whyLabel->show();
        }
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void ConfirmDialog::setOption(const QString &text, bool checked)
{
    m_ui->dumpCheck->setText(text);
    m_ui->dumpCheck->setChecked(checked);
    style::clearInk(m_ui->dumpCheck);
    m_ui->dumpCheck->setVisible(true);
}

bool ConfirmDialog::optionChecked() const
{
    return !m_ui->dumpCheck->isHidden() && m_ui->dumpCheck->isChecked();
}

void ConfirmDialog::setReasonRequired(bool required)
{
    m_reasonRequired = required;
    m_ui->reasonLabel->setText(required ? tr("&Reason (required, kept in the audit log):")
                                        : tr("&Reason (kept in the audit log):"));
    updateOk();
}

QString ConfirmDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

} // namespace statescope::gui
