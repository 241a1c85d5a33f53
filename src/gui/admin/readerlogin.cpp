// The Admin pane's "Reader login…": a superuser profile's reading sessions log in as a role
// that is not a superuser (core/pg/readerlogin.h). Shown, then created after the role's name
// is typed back; its password goes to the system keychain before the role exists, so no
// login is ever made that nobody can use.
#include "gui/admin/adminpane.h"

#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"
#include "core/secrets.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"

namespace statescope::gui {

void AdminPane::confirmReaderLogin()
{
    if (!m_server)
        return;
    const pg::ConnectionSettings server = *m_server;
    m_messages->hide();
    m_runner->start<pg::ReaderLoginStatus>(
        tr("Looking at the reader login"),
        [server](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            return pg::readerLoginStatus(*conn);
        },
        [this, server](const Outcome<pg::ReaderLoginStatus> &r) {
            if (!r.ok())
                return showOutcomeError(r.error());
            const pg::ReaderLoginStatus st = r.value();
            if (!st.isSuperuser) {
                m_messages->showMessage(tr("%1 is not a superuser: reading uses its own privileges, and "
                                           "no reader login is needed.")
                                            .arg(st.superuser));
                return;
            }
            QString html = QStringLiteral("<p>")
                           + tr("%1 is a superuser. A read-only transaction does not stop a superuser from "
                                "acting on the server while only reading (COPY … TO PROGRAM, "
                                "pg_terminate_backend, replication slots…), so reading sessions log in as a "
                                "second role instead: <b>%2</b>, which is no superuser, may read all data "
                                "(pg_read_all_data, pg_read_all_stats) and bypasses row-level security, so it "
                                "sees what %1 sees.")
                                 .arg(st.superuser.toHtmlEscaped(), st.role.toHtmlEscaped())
                           + QStringLiteral("</p><p>");
            html += st.usable ? tr("It exists and works; going on gives it a new password.")
                    : st.exists ? st.problem.toHtmlEscaped() + QLatin1Char(' ') + tr("Going on repairs it.")
                                : tr("It does not exist yet: until it does, the SQL pane refuses what could act "
                                     "on the server before sending it.");
            html += QStringLiteral("</p><p>")
                    + tr("Its password is made at random and kept in the system keychain only.")
                    + QStringLiteral("</p>");
            auto *dialog = new ConfirmDialog(tr("Reader login"),
                                             tr("Create the reader login <b>%1</b>?").arg(st.role.toHtmlEscaped()),
                                             html, st.role, false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setOption(tr("Give it no password (only for a server that lets it in without one: local "
                                 "trust or peer authentication)"),
                              false);
            connect(dialog, &QDialog::accepted, this, [this, dialog, server, st] {
                const bool noPassword = dialog->optionChecked();
                const QString password = noPassword ? QString() : pg::makeReaderPassword();
                const auto create = [this, server, password, st] {
                    m_runner->start<QString>(
                        tr("Creating the reader login %1").arg(st.role),
                        [server, password](TaskContext &ctx) {
                            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadWrite,
                                                             &ctx.cancelToken());
                            return pg::createReaderLogin(*conn, password);
                        },
                        [this, st](const Outcome<QString> &done) {
                            if (!done.ok())
                                return showOutcomeError(done.error());
                            m_messages->showSuccess(tr("Reading as %1 now reads as %2, a role that is not a "
                                                       "superuser.")
                                                        .arg(st.superuser, done.value()));
                            emit refreshRequested();
                        });
                };
                if (noPassword)
                    return create();
                secrets::write(pg::readerSecretKey(server, st.role), password, this,
                               [this, create](const secrets::Result &kept) {
                                   if (kept.ok())
                                       return create();
                                   m_messages->showError(
                                       Error(Error::Kind::Environment,
                                             tr("The system keychain could not keep the reader login's password, "
                                                "so it was not created; nothing was changed."),
                                             kept.error,
                                             tr("Tick \"no password\" for a server that trusts local connections, "
                                                "or create it with statescope-cli db reader --password-env.")));
                               });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
