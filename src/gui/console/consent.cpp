// The SQL pane's way to the read guard's per-object consent: when a statement was refused
// because of objects it would run (a user function, a view over one, a SECURITY DEFINER
// function of a superuser, a program-backed foreign table), the pane reads which, shows them
// with why each was refused, and lets the person allow exactly those by typing "allow". The
// consent is kept in the settings (read/allowed), where every command finds it too, and
// statescope-cli settings set --forget-object takes it back.
#include "gui/console/consolepane.h"

#include "core/browse/sqlguard.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"

#include <algorithm>

namespace statescope::gui {

void ConsolePane::offerConsent(const browse::ScriptStatement &statement, int number)
{
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<QList<browse::SqlGuard::Refusal>>(
        tr("Reading what the statement would run"),
        [db, text = statement.text](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return browse::SqlGuard::objectRefusals(*conn, text);
        },
        [this, generation, statement, number, db](const Outcome<QList<browse::SqlGuard::Refusal>> &r) {
            if (generation != m_generation || !r.ok() || r.value().isEmpty())
                return; // refused for another reason: the banner says which
            QStringList objects;
            QString items;
            for (const browse::SqlGuard::Refusal &refusal : r.value()) {
                objects << refusal.object;
                items += QStringLiteral("<li>%1</li>").arg(refusal.text.toHtmlEscaped());
            }
            auto *dialog = new ConfirmDialog(
                tr("Allow objects to run"), tr("Allow what this statement would run?"),
                tr("<p>Reading on <b>%1</b> refused the statement before running it, because it would run:</p>"
                   "<ul>%2</ul><p>Allow these objects only if you trust what they do: they may change data or act "
                   "on the server with the rights of the role you read as. The consent is kept in the settings "
                   "for this window and every command, until <tt>statescope-cli settings set --forget-object "
                   "NAME</tt> takes it back.</p>")
                    .arg(db.database().toHtmlEscaped(), items),
                QStringLiteral("allow"), false, this);
            dialog->setObjectName(QStringLiteral("consoleConsentDialog"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->resize(std::max(dialog->sizeHint().width(), 520), dialog->sizeHint().height()); // the list reads in lines, not a column
            connect(dialog, &QDialog::accepted, this, [this, statement, number, objects, db] {
                try {
                    settings::setReadAllowed(settings::readAllowed() + objects);
                } catch (const Error &e) {
                    return m_banner->showError(e, db.database());
                }
                m_banner->showMessage(tr("Allowed: %1.").arg(objects.join(QStringLiteral(", "))), db.database());
                runOne(statement, number);
            });
            dialog->open();
        });
}

} // namespace statescope::gui
