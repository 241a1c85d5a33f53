#include "gui/admin/restoredialog.h"

#include "models/ink.h"

#include "core/error.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace statescope::gui {

QString RestoreDialog::databaseOf(const QString &dumpFile)
{
    QString name = QFileInfo(dumpFile).completeBaseName();
    name.remove(QRegularExpression(QStringLiteral("_\\d{8}T\\d+Z$")));
    return name;
}

QString RestoreDialog::proposedName(const QString &dumpFile, const QStringList &existing)
{
    const QString base = databaseOf(dumpFile);
    auto usable = [&existing](const QString &name) {
        try {
            weekly::validateDatabaseName(name);
        } catch (const Error &) {
            return false;
        }
        return !existing.contains(name);
    };
    if (usable(base))
        return base;
    for (int i = 1; i < 100; ++i) {
        const QString suffix = i == 1 ? QStringLiteral("_restored") : QStringLiteral("_restored_%1").arg(i);
        const QString name = base.left(63 - int(suffix.size())) + suffix;
        if (usable(name))
            return name;
    }
    return {};
}

RestoreDialog::RestoreDialog(const QString &dumpFile, const QStringList &existing, QWidget *parent)
    : QDialog(parent), m_existing(existing), m_name(new QLineEdit(proposedName(dumpFile, existing), this)),
      m_result(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore a dump"));
    m_name->setObjectName(QStringLiteral("restoreNameEdit"));
    m_result->setObjectName(QStringLiteral("restoreResult"));
    m_result->setWordWrap(true);
    auto *file = new QLabel(QFileInfo(dumpFile).fileName(), this);
    file->setToolTip(dumpFile);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Dump:"), file);
    form->addRow(tr("Into the &database:"), m_name);
    form->addRow(m_result);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Restore"));
    m_buttons->button(QDialogButtonBox::Ok)->setIcon(style::icon(QStringLiteral("document-revert")));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &RestoreDialog::revalidate);
    setMinimumWidth(460);
    revalidate();
}

QString RestoreDialog::databaseName() const
{
    return m_name->text();
}

void RestoreDialog::revalidate()
{
    const QString name = m_name->text();
    QString problem;
    try {
        weekly::validateDatabaseName(name);
        if (m_existing.contains(name))
            problem = tr("%1 already exists: a dump is restored into a new database. Drop or "
                         "rename the old one first, or choose another name.")
                          .arg(name);
    } catch (const Error &e) {
        problem = e.message();
    }
    m_result->setText(problem.isEmpty() ? tr("Will create %1 and restore the dump into it.").arg(name)
                                        : problem);
    if (problem.isEmpty())
        style::clearInk(m_result);
    else
        style::setInk(m_result, models::ink::Meaning::Danger);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace statescope::gui
