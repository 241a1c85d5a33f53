#include "createdialog.h"

#include "core/error.h"
#include "core/weekly/weeklyname.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace statescope::gui {

CreateDialog::CreateDialog(const QStringList &families, const QString &prefix,
                           const QString &isoWeek, QWidget *parent)
    : QDialog(parent), m_prefix(new QComboBox(this)), m_week(new QLineEdit(isoWeek, this)),
      m_reason(new QLineEdit(this)), m_result(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("createDialog"));
    setWindowTitle(tr("Create weekly database"));
    m_prefix->setEditable(true);
    m_prefix->addItems(families);
    m_prefix->setCurrentText(prefix);
    m_prefix->setObjectName(QStringLiteral("prefixEdit"));
    m_week->setObjectName(QStringLiteral("weekEdit"));
    m_week->setPlaceholderText(QStringLiteral("2025-W07"));
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Family prefix:"), m_prefix);
    form->addRow(tr("ISO &week:"), m_week);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(m_result);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_prefix, &QComboBox::currentTextChanged, this, &CreateDialog::revalidate);
    connect(m_week, &QLineEdit::textChanged, this, &CreateDialog::revalidate);
    revalidate();
}

QString CreateDialog::reason() const
{
    return m_reason->text().trimmed();
}

void CreateDialog::revalidate()
{
    try {
        m_name = weekly::WeeklyName::fromIsoWeek(m_prefix->currentText().trimmed(), m_week->text())
                     .databaseName();
        m_result->setText(tr("Will create <b>%1</b> (UTF8, from template0) and migrate it.")
                              .arg(m_name));
        m_result->setStyleSheet({});
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    } catch (const Error &e) {
        m_name.clear();
        m_result->setText(e.message().toHtmlEscaped()
                          + (e.hint().isEmpty() ? QString()
                                                : QStringLiteral("<br>") + e.hint().toHtmlEscaped()));
        m_result->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
}

} // namespace statescope::gui
