#include "gui/widgets/viewasbar.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/jobrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace statescope::gui {

ViewAsBar::ViewAsBar(QWidget *owner, QHBoxLayout *row, JobRunner *jobs, const Names &names)
    : QObject(owner), m_jobs(jobs), m_settingBox(new QComboBox(owner)), m_edit(new QLineEdit(owner))
{
    m_settingBox->setObjectName(names.settingBox);
    m_settingBox->setToolTip(tr("The setting the row-level security policies read"));
    m_edit->setObjectName(names.edit);
    m_edit->setPlaceholderText(tr("View as player, then Enter"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(names.tooltip);
    m_edit->setMaximumWidth(names.maxWidth);
    row->addWidget(m_settingBox);
    row->addWidget(m_edit);
    m_settingBox->setVisible(false);
    m_edit->setVisible(false);
    connect(m_edit, &QLineEdit::returnPressed, this,
            [this] { emit requested(m_settingBox->currentText(), m_edit->text().trimmed()); });
}

void ViewAsBar::load(const std::optional<pg::ConnectionSettings> &db)
{
    m_rls.reset();
    m_setting.clear();
    m_value.clear();
    m_edit->clear();
    m_edit->setVisible(false);
    m_settingBox->clear();
    m_settingBox->setVisible(false);
    m_database = db ? db->database() : QString();
    if (!db)
        return;
    const pg::ConnectionSettings settings = *db;
    m_jobs->start<browse::RowSecurity>(
        tr("Reading the row-level security of %1").arg(settings.database()),
        [settings](TaskContext &ctx) {
            auto conn = pg::Connection::open(settings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return browse::RowSecurity::read(*conn);
        },
        [this, database = settings.database()](const Outcome<browse::RowSecurity> &r) {
            if (database != m_database)
                return; // another database meanwhile
            if (r.ok()) {
                m_rls = r.value();
                const QStringList settings = m_rls->settings();
                m_settingBox->addItems(settings);
                m_settingBox->setVisible(settings.size() > 1);
                m_edit->setVisible(!settings.isEmpty());
            }
            emit read();
        });
}

pg::ConnectionSettings ViewAsBar::apply(const pg::ConnectionSettings &db, const QString &setting, const QString &value)
{
    if (!value.isEmpty()) {
        if (!m_rls)
            throw Error(Error::Kind::Conflict, tr("The row-level security of %1 is still being read.").arg(db.database()));
        m_rls->checkViewAs(setting, value);
    }
    pg::ConnectionSettings out = db;
    if (!m_setting.isEmpty())
        out = out.withTransactionSetting(m_setting, {});
    m_setting = value.isEmpty() ? QString() : setting;
    m_value = value;
    if (!value.isEmpty())
        out = out.withTransactionSetting(setting, value);
    if (m_edit->text().trimmed() != value)
        m_edit->setText(value);
    return out;
}

} // namespace statescope::gui
