// The Tables pane's "view as player": row-level security settings made in each
// transaction, or a filter on the policy's column where this session bypasses the policies.
#include "gui/tablespane.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/banner.h"
#include "gui/jobrunner.h"
#include "models/rowgridmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace statescope::gui {

void TablesPane::buildViewAs(QHBoxLayout *row)
{
    m_viewAsSettingBox = new QComboBox(this);
    m_viewAsSettingBox->setObjectName(QStringLiteral("viewAsSetting"));
    m_viewAsSettingBox->setToolTip(tr("The setting the row-level security policies read"));
    m_viewAsEdit = new QLineEdit(this);
    m_viewAsEdit->setObjectName(QStringLiteral("tablesViewAs"));
    m_viewAsEdit->setPlaceholderText(tr("View as player, then Enter"));
    m_viewAsEdit->setClearButtonEnabled(true);
    m_viewAsEdit->setToolTip(tr("Read every table as this player: the setting is made in each read-only "
                                "transaction, as the game's API does (policies are never changed). Empty: as "
                                "yourself."));
    m_viewAsEdit->setMaximumWidth(300);
    row->addWidget(m_viewAsSettingBox);
    row->addWidget(m_viewAsEdit);
    m_viewAsSettingBox->setVisible(false);
    m_viewAsEdit->setVisible(false);
    connect(m_viewAsEdit, &QLineEdit::returnPressed, this, [this] {
        setViewAs(m_viewAsSettingBox->currentText(), m_viewAsEdit->text().trimmed());
    });
}

void TablesPane::loadRowSecurity()
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
                return; // another database meanwhile
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

bool TablesPane::setViewAs(const QString &setting, const QString &value)
{
    if (!m_db)
        return false;
    if (!value.isEmpty()) {
        try {
            if (!m_rls)
                throw Error(Error::Kind::Conflict, tr("The row-level security of %1 is still being read.")
                                                       .arg(m_db->database()));
            m_rls->checkViewAs(setting, value);
        } catch (const Error &e) {
            m_banner->showError(e, m_db->database());
            return false;
        }
    }
    // The settings every read of this pane opens its connections with.
    if (!m_viewAsSetting.isEmpty())
        m_db = m_db->withTransactionSetting(m_viewAsSetting, {});
    m_viewAsSetting = value.isEmpty() ? QString() : setting;
    m_viewAsValue = value;
    if (!value.isEmpty())
        m_db = m_db->withTransactionSetting(setting, value);
    if (m_viewAsEdit->text().trimmed() != value)
        m_viewAsEdit->setText(value);
    reopen();
    return true;
}

QList<browse::Filter> TablesPane::readingFilters() const
{
    QList<browse::Filter> out = m_filters;
    if (m_viewAsValue.isEmpty() || !m_rls)
        return out;
    if (const browse::ProtectedTable *t = m_rls->find(m_schema, m_name); t && t->bypassed) {
        const auto column = t->columns.find(m_viewAsSetting);
        if (column != t->columns.end())
            out.append({column->second, browse::Filter::Op::Equals, m_viewAsValue});
    }
    return out;
}

void TablesPane::explainViewAs()
{
    if (m_viewAsValue.isEmpty() || !m_rls)
        return;
    const browse::ProtectedTable *t = m_rls->find(m_schema, m_name);
    if (!t)
        return; // not protected: every row, as for anyone
    const QString note = m_rls->bypassNote(*t, m_viewAsSetting);
    if (note.isEmpty())
        m_banner->showMessage(tr("Viewing %1 as %2 = %3: its policies show that player's rows only.")
                                  .arg(t->qualified(), m_viewAsSetting, m_viewAsValue),
                              m_db ? m_db->database() : QString());
    else
        m_banner->showWarning(note, m_db ? m_db->database() : QString());
}

} // namespace statescope::gui
