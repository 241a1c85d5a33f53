// The SQL console's "view as player": reads run with the setting the row-level security
// policies read; writes never carry it. Free SQL cannot be filtered, so a session that
// bypasses the policies is told so.
#include "gui/consolepane.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/banner.h"
#include "gui/jobrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace statescope::gui {

void ConsolePane::buildViewAs(QHBoxLayout *bar)
{
    m_viewAsSettingBox = new QComboBox(this);
    m_viewAsSettingBox->setObjectName(QStringLiteral("consoleViewAsSetting"));
    m_viewAsEdit = new QLineEdit(this);
    m_viewAsEdit->setObjectName(QStringLiteral("consoleViewAs"));
    m_viewAsEdit->setPlaceholderText(tr("View as player, then Enter"));
    m_viewAsEdit->setClearButtonEnabled(true);
    m_viewAsEdit->setToolTip(tr("Reads run with the setting the row-level security policies read, made in each "
                                "read-only transaction. Writes never carry it."));
    m_viewAsEdit->setMaximumWidth(260);
    m_viewAsSettingBox->setVisible(false);
    m_viewAsEdit->setVisible(false);
    bar->addWidget(m_viewAsSettingBox);
    bar->addWidget(m_viewAsEdit);
    connect(m_viewAsEdit, &QLineEdit::returnPressed, this,
            [this] { setViewAs(m_viewAsSettingBox->currentText(), m_viewAsEdit->text().trimmed()); });
}

void ConsolePane::loadRowSecurity()
{
    m_rls.reset();
    m_viewAsSetting.clear();
    m_viewAsValue.clear();
    m_viewAsEdit->clear();
    m_viewAsEdit->setVisible(false);
    m_viewAsSettingBox->clear();
    m_viewAsSettingBox->setVisible(false);
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    m_jobs->start<browse::RowSecurity>(
        tr("Reading the row-level security of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return browse::RowSecurity::read(*conn);
        },
        [this, database = db.database()](const Outcome<browse::RowSecurity> &r) {
            if (!m_db || m_db->database() != database)
                return;
            if (r.ok()) {
                m_rls = r.value();
                const QStringList settings = m_rls->settings();
                m_viewAsSettingBox->addItems(settings);
                m_viewAsSettingBox->setVisible(settings.size() > 1);
                m_viewAsEdit->setVisible(!settings.isEmpty());
            }
            emit rowSecurityRead();
        });
}

bool ConsolePane::setViewAs(const QString &setting, const QString &value)
{
    if (!m_db)
        return false;
    if (!value.isEmpty()) {
        try {
            if (!m_rls)
                throw Error(Error::Kind::Conflict,
                            tr("The row-level security of %1 is still being read.").arg(m_db->database()));
            m_rls->checkViewAs(setting, value);
        } catch (const Error &e) {
            m_banner->showError(e, m_db->database());
            return false;
        }
    }
    if (!m_viewAsSetting.isEmpty())
        m_db = m_db->withTransactionSetting(m_viewAsSetting, {});
    m_viewAsSetting = value.isEmpty() ? QString() : setting;
    m_viewAsValue = value;
    if (!value.isEmpty())
        m_db = m_db->withTransactionSetting(setting, value);
    if (m_viewAsEdit->text().trimmed() != value)
        m_viewAsEdit->setText(value);
    showTarget();
    // Free SQL cannot be filtered: a session the policies do not apply to is told so.
    if (!value.isEmpty()) {
        QStringList bypassed;
        QString reason;
        for (const browse::ProtectedTable &t : m_rls->tables)
            if (t.bypassed && t.settings.contains(setting)) {
                bypassed << t.qualified();
                reason = t.bypassReason;
            }
        if (!bypassed.isEmpty())
            m_banner->showWarning(tr("%1, so the policies of %2 do not apply: statements here see every "
                                     "player's rows. Add the player to your WHERE clause.")
                                      .arg(reason, bypassed.join(QStringLiteral(", "))),
                                  m_db->database());
        else
            m_banner->hide();
    }
    return true;
}

QString ConsolePane::viewAsText() const
{
    return m_viewAsValue.isEmpty() ? QString() : tr("viewing as %1 = %2").arg(m_viewAsSetting, m_viewAsValue);
}

} // namespace statescope::gui
