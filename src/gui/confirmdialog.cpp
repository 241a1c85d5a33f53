#include "confirmdialog.h"

#include "ui_confirmdialog.h"

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
    m_ui->dumpCheck->setVisible(offerDump);
    m_ui->confirmLabel->setText(
        tr("Type <b>%1</b> to confirm:").arg(expected.toHtmlEscaped()));
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(title);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &ConfirmDialog::updateOk);
    connect(m_ui->reasonEdit, &QLineEdit::textChanged, this, &ConfirmDialog::updateOk);
    connect(m_ui->dumpCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->dumpCheck->setStyleSheet(on ? QString() : QStringLiteral("color: #c0392b"));
    });
    m_ui->confirmEdit->setFocus();
    updateOk();
}

ConfirmDialog::~ConfirmDialog() = default;

void ConfirmDialog::updateOk()
{
    const bool reasonOk = !m_reasonRequired || !reason().isEmpty();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_ui->confirmEdit->text() == m_expected
                                                              && reasonOk);
}

void ConfirmDialog::setOption(const QString &text, bool checked)
{
    m_ui->dumpCheck->setText(text);
    m_ui->dumpCheck->setChecked(checked);
    m_ui->dumpCheck->setStyleSheet({});
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
