#include "gui/admin/retentiondialog.h"

#include "models/ink.h"

#include "core/error.h"
#include "core/settings.h"
#include "gui/widgets/themed.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace statescope::gui {

RetentionDialog::RetentionDialog(QWidget *parent)
    : QDialog(parent), m_keep(new QSpinBox(this)), m_minAge(new QSpinBox(this))
{
    setObjectName(QStringLiteral("retentionDialog"));
    setWindowTitle(tr("Dump retention"));
    const settings::DumpRetention r = settings::dumpRetention();
    m_keep->setObjectName(QStringLiteral("dumpsKeep"));
    m_keep->setRange(0, settings::DumpRetention::kMaxKeep);
    m_keep->setSpecialValueText(tr("all"));
    m_keep->setValue(r.keep);
    m_minAge->setObjectName(QStringLiteral("dumpsMinAge"));
    m_minAge->setRange(0, settings::DumpRetention::kMaxAgeDays);
    m_minAge->setSuffix(tr(" days"));
    m_minAge->setValue(r.minAgeDays);

    auto *intro = new QLabel(tr("After each reset or drop, older dumps of that database are "
                                "removed unless they are among the newest kept, younger than the "
                                "minimum age, or the way back of an unfinished run. Removals are "
                                "written to the local journal."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Newest dumps kept per database:"), m_keep);
    form->addRow(tr("Dumps younger than this are kept:"), m_minAge);
    auto *file = new QLabel(tr("Kept in %1, shared with statescope-cli settings.")
                                .arg(settings::path().toHtmlEscaped()),
                            this);
    file->setWordWrap(true);
    style::setInk(file, models::ink::Meaning::Muted);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(file);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void RetentionDialog::accept()
{
    try {
        settings::setDumpRetention({m_keep->value(), m_minAge->value()});
    } catch (const Error &e) {
        QMessageBox::warning(this, windowTitle(), e.message());
        return;
    }
    QDialog::accept();
}

} // namespace statescope::gui
