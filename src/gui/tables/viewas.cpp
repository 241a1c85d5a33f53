// The Tables pane's "view as player": row-level security settings made in each
// transaction, or a filter on the policy's column where this session bypasses the policies.
#include "gui/tables/tablespane.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/viewasbar.h"
#include "models/rowgridmodel.h"

#include <QLabel>

namespace statescope::gui {

void TablesPane::buildViewAs(QHBoxLayout *row)
{
    m_viewAs = new ViewAsBar(this, row, m_jobs,
                             {QStringLiteral("viewAsSetting"), QStringLiteral("tablesViewAs"),
                              tr("Read every table as this player: the setting is made in each read-only "
                                 "transaction, as the game's API does (policies are never changed). Empty: as "
                                 "yourself."),
                              300});
    connect(m_viewAs, &ViewAsBar::requested, this, &TablesPane::setViewAs);
    connect(m_viewAs, &ViewAsBar::read, this, &TablesPane::rowSecurityRead);
}

void TablesPane::loadRowSecurity()
{
    m_viewAs->load(m_db);
}

QLineEdit *TablesPane::viewAsEdit() const
{
    return m_viewAs->edit();
}

QStringList TablesPane::viewAsSettings() const
{
    return m_viewAs->rowSecurity() ? m_viewAs->rowSecurity()->settings() : QStringList();
}

QString TablesPane::viewAsValue() const
{
    return m_viewAs->value();
}

bool TablesPane::setViewAs(const QString &setting, const QString &value)
{
    if (!m_db)
        return false;
    try {
        // The settings every read of this pane opens its connections with.
        m_db = m_viewAs->apply(*m_db, setting, value);
    } catch (const Error &e) {
        m_banner->showError(e, m_db->database());
        return false;
    }
    reopen();
    return true;
}

QList<browse::Filter> TablesPane::readingFilters() const
{
    QList<browse::Filter> out = m_filters;
    const auto &rls = m_viewAs->rowSecurity();
    if (m_viewAs->value().isEmpty() || !rls)
        return out;
    if (const browse::ProtectedTable *t = rls->find(m_schema, m_name); t && t->bypassed) {
        const auto column = t->columns.find(m_viewAs->setting());
        if (column != t->columns.end())
            out.append({column->second, browse::Filter::Op::Equals, m_viewAs->value()});
    }
    return out;
}

void TablesPane::explainViewAs()
{
    const auto &rls = m_viewAs->rowSecurity();
    if (m_viewAs->value().isEmpty() || !rls)
        return;
    const browse::ProtectedTable *t = rls->find(m_schema, m_name);
    if (!t)
        return; // not protected: every row, as for anyone
    const QString note = rls->bypassNote(*t, m_viewAs->setting());
    if (note.isEmpty())
        m_banner->showMessage(tr("Viewing %1 as %2 = %3: its policies show that player's rows only.")
                                  .arg(t->qualified(), m_viewAs->setting(), m_viewAs->value()),
                              m_db ? m_db->database() : QString());
    else
        m_banner->showWarning(note, m_db ? m_db->database() : QString());
}

} // namespace statescope::gui
