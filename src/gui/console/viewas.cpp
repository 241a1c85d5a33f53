// The SQL console's "view as player": reads run with the setting the row-level security
// policies read; writes never carry it. Free SQL cannot be filtered, so a session that
// bypasses the policies is told so.
#include "gui/console/consolepane.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/viewasbar.h"

namespace statescope::gui {

void ConsolePane::buildViewAs(QHBoxLayout *bar)
{
    m_viewAs = new ViewAsBar(this, bar, m_jobs,
                             {QStringLiteral("consoleViewAsSetting"), QStringLiteral("consoleViewAs"),
                              tr("Reads run with the setting the row-level security policies read, made in each "
                                 "read-only transaction. Writes never carry it."),
                              260});
    connect(m_viewAs, &ViewAsBar::requested, this, &ConsolePane::setViewAs);
    connect(m_viewAs, &ViewAsBar::read, this, &ConsolePane::rowSecurityRead);
}

void ConsolePane::loadRowSecurity()
{
    m_viewAs->load(m_db);
}

QLineEdit *ConsolePane::viewAsEdit() const
{
    return m_viewAs->edit();
}

bool ConsolePane::setViewAs(const QString &setting, const QString &value)
{
    if (!m_db)
        return false;
    try {
        m_db = m_viewAs->apply(*m_db, setting, value);
    } catch (const Error &e) {
        m_banner->showError(e, m_db->database());
        return false;
    }
    showTarget();
    // Free SQL cannot be filtered: a session the policies do not apply to is told so.
    if (!value.isEmpty()) {
        QStringList bypassed;
        QString reason;
        for (const browse::ProtectedTable &t : m_viewAs->rowSecurity()->tables)
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
    return m_viewAs->value().isEmpty() ? QString()
                                       : tr("viewing as %1 = %2").arg(m_viewAs->setting(), m_viewAs->value());
}

} // namespace statescope::gui
