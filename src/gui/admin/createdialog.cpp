#include "gui/admin/createdialog.h"

#include "models/ink.h"

#include "core/error.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <optional>

namespace statescope::gui {

QString CreateDialog::proposedWeek(const QString &prefix, const QStringList &existing)
{
    std::optional<weekly::WeeklyName> newest;
    for (const QString &name : existing) {
        const auto w = weekly::WeeklyName::parse(name);
        if (w && w->prefix() == prefix && (!newest || *newest < *w))
            newest = w;
    }
    if (newest)
        return newest->next().isoWeekString();
    try {
        return weekly::WeeklyName::forDate(prefix, QDate::currentDate()).isoWeekString();
    } catch (const Error &) {
        return weekly::WeeklyName::forDate(QStringLiteral("x"), QDate::currentDate()).isoWeekString();
    }
}

CreateDialog::CreateDialog(const QStringList &families, const QString &prefix,
                           const QStringList &existing, QWidget *parent)
    : QDialog(parent), m_existing(existing), m_prefix(new QComboBox(this)),
      m_week(new QLineEdit(proposedWeek(prefix, existing), this)), m_reason(new QLineEdit(this)),
      m_result(new QLabel(this)),
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
    m_reason->setPlaceholderText(tr("optional, kept in the audit log"));
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setMinimumHeight(fontMetrics().height() * 3);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Family prefix:"), m_prefix);
    form->addRow(tr("ISO &week:"), m_week);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(m_result);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    m_buttons->button(QDialogButtonBox::Ok)->setIcon(style::icon(QStringLiteral("list-add")));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Another family starts at its own next week.
    connect(m_prefix, &QComboBox::currentTextChanged, this, [this](const QString &p) {
        m_week->setText(proposedWeek(p.trimmed(), m_existing));
    });
    connect(m_week, &QLineEdit::textChanged, this, &CreateDialog::revalidate);
    connect(m_prefix, &QComboBox::currentTextChanged, this, &CreateDialog::revalidate);
    setMinimumWidth(480);
    revalidate();
}

QString CreateDialog::reason() const
{
    return m_reason->text().trimmed();
}

void CreateDialog::revalidate()
{
    auto refuse = [this](const QString &html) {
        m_name.clear();
        m_result->setText(html);
        style::setInk(m_result, models::ink::Meaning::Danger);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    };
    const QString prefix = m_prefix->currentText().trimmed();
    try {
        const QString name = weekly::WeeklyName::fromIsoWeek(prefix, m_week->text()).databaseName();
        if (m_existing.contains(name))
            return refuse(tr("<b>%1</b> already exists on this server. The next free week of %2 "
                             "is %3.")
                              .arg(name.toHtmlEscaped(), prefix.toHtmlEscaped(),
                                   proposedWeek(prefix, m_existing)));
        m_name = name;
        m_result->setText(tr("Will create <b>%1</b> (UTF8, from template0) and migrate it.")
                              .arg(m_name.toHtmlEscaped()));
        style::clearInk(m_result);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    } catch (const Error &e) {
        refuse(e.message().toHtmlEscaped()
               + (e.hint().isEmpty() ? QString() : QStringLiteral("<br>") + e.hint().toHtmlEscaped()));
    }
}

} // namespace statescope::gui
