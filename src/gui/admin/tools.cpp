// The admin pane's tool windows: the collector of a family, the upkeep of a database.
#include "gui/admin/adminpane.h"

#include "core/weekly/serveradmin.h"
#include "gui/collector/collectordialog.h"
#include "gui/admin/upkeepdialog.h"
#include "gui/admin/auditdialog.h"
#include "models/databasetreemodel.h"

namespace statescope::gui {

void AdminPane::openCollector()
{
    const QString family = selectedFamily();
    if (!m_server || family.isEmpty())
        return;
    // One per server and family, kept while it runs (closing only hides it).
    const QString key = m_server->storableString() + QLatin1Char('\n') + family;
    CollectorDialog *&dialog = m_collectors[key];
    if (!dialog) {
        dialog = new CollectorDialog(*m_server, family, this);
        connect(dialog, &CollectorDialog::showRows, this, &AdminPane::showCollectedRows);
        connect(dialog, &CollectorDialog::runningChanged, this, [this](bool running) {
            if (!running)
                emit refreshRequested(); // a reset may have made a new week
        });
        // A week the collector made shows in the sidebar as soon as it exists.
        connect(dialog, &CollectorDialog::databaseChanged, this, [this] { emit refreshRequested(); });
    }
    dialog->setAdminMode(m_adminMode);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

std::optional<pg::ConnectionSettings> AdminPane::selectedSettings() const
{
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty() || !m_model->database(name))
        return std::nullopt;
    return m_server->withDatabase(name);
}

void AdminPane::openAuditLog()
{
    if (!m_auditDialog) {
        m_auditDialog = new AuditDialog(selectedSettings(), this);
        m_auditDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_auditDialog->setDatabase(selectedSettings());
    }
    m_auditDialog->show();
    m_auditDialog->raise();
    m_auditDialog->activateWindow();
}

void AdminPane::openUpkeep()
{
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty())
        return;
    auto *dialog = new UpkeepDialog(admin().databaseSettings(name), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAdminMode(m_adminMode);
    m_upkeeps.removeIf([](const auto &open) { return open.first.isNull(); });
    m_upkeeps << qMakePair(QPointer<UpkeepDialog>(dialog), m_server->storableString());
    dialog->show();
}

} // namespace statescope::gui
