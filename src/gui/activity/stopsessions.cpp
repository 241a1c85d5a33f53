// The Activity pane's stopping of sessions (admin mode): a statement cancelled, or sessions
// terminated (the selected ones, every session of the database, the blockers of a waiting one),
// after a preview of exactly what stops and a typed confirmation with a reason, journalled.
#include "gui/activity/activitypane.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"

#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using namespace statescope::activity;

namespace {

// One session an item: who and where on a line, its statement under it. A table of six
// columns was wider than the dialog, and its cells wrapped their words letter by letter.
QString sessionItem(const Session &s)
{
    QStringList where{s.user.toHtmlEscaped() + QLatin1Char('@') + s.database.toHtmlEscaped()};
    if (!s.application.isEmpty())
        where << s.application.toHtmlEscaped();
    if (!s.state.isEmpty())
        where << s.state.toHtmlEscaped();
    QString item = QStringLiteral("<li><b>%1</b> %2").arg(ActivityPane::tr("PID %1").arg(s.pid), where.join(QStringLiteral(", ")));
    const QString query = s.query.simplified();
    if (!query.isEmpty())
        item += QStringLiteral("<br><code>%1</code>")
                    .arg((query.size() > 300 ? query.left(300) + QChar(0x2026) : query).toHtmlEscaped());
    return item + QStringLiteral("</li>");
}

// The confirmation's preview: exactly the sessions that will be stopped, and those left alone.
QString planHtml(const StopPlan &plan)
{
    const int n = int(plan.targets.size());
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(plan.kind == StopKind::Cancel
                                ? ActivityPane::tr("The running statement of %n session(s) is cancelled "
                                                   "(pg_cancel_backend); the sessions stay connected:",
                                                   nullptr, n)
                                : ActivityPane::tr("%n session(s) are terminated (pg_terminate_backend): the "
                                                   "connection closes and an open transaction is rolled back:",
                                                   nullptr, n));
    html += QStringLiteral("<ul>");
    for (const Session &s : plan.targets)
        html += sessionItem(s);
    html += QStringLiteral("</ul>");
    if (!plan.refused.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(ActivityPane::tr("Left alone:"));
        for (const QString &r : plan.refused)
            html += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(ActivityPane::tr("Each session is read again at the moment it is stopped: one that has gone by then is "
                                      "left alone. Journalled, with your reason."));
    return html;
}

} // namespace

// --- Stopping sessions ------------------------------------------------------------------

void ActivityPane::stopSelected(StopKind kind)
{
    const QList<int> pids = selectedPids(true);
    if (!m_adminMode || pids.isEmpty())
        return;
    confirmStop(kind == StopKind::Cancel ? tr("Cancel statements") : tr("Terminate sessions"),
                [kind, pids](pg::Connection &conn) { return Activity::planStop(conn, kind, pids); });
}

void ActivityPane::terminateDatabase()
{
    if (!m_adminMode || m_database.isEmpty())
        return;
    const QString database = m_database;
    confirmStop(tr("Terminate every session of %1").arg(database), [database](pg::Connection &conn) {
        return Activity::planStopDatabase(conn, StopKind::Terminate, database);
    });
}

void ActivityPane::terminateBlockers()
{
    const int blocked = selectedBlockedPid();
    if (!m_adminMode || blocked <= 0)
        return;
    confirmStop(tr("Terminate the blockers of %1").arg(blocked), [blocked](pg::Connection &conn) {
        return Activity::planStopBlockers(conn, StopKind::Terminate, blocked);
    });
}

void ActivityPane::confirmStop(const QString &title, const std::function<StopPlan(pg::Connection &)> &plan)
{
    if (!m_server)
        return;
    const pg::ConnectionSettings server = *m_server;
    const int generation = m_generation;
    m_runner->start<StopPlan>(
        tr("Preparing: %1").arg(title),
        [server, plan](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return plan(*conn);
        },
        [this, title, server, generation](const Outcome<StopPlan> &planned) {
            if (!current(generation))
                return;
            if (!planned.ok()) {
                if (!planned.cancelled())
                    m_banner->showError(planned.error(), title);
                return;
            }
            const StopPlan p = planned.value();
            if (p.targets.isEmpty()) {
                m_banner->showWarning(p.refused.isEmpty()
                                          ? tr("Nothing to stop: no session matches any more.")
                                          : tr("Nothing to stop: %1").arg(p.refused.join(QStringLiteral("; "))),
                                      title);
                return;
            }
            auto *dialog = new ConfirmDialog(
                title, tr("%1 on <b>%2</b>?").arg(title.toHtmlEscaped(), server.displayName().toHtmlEscaped()),
                planHtml(p), p.confirmation, false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setReasonRequired(true);
            connect(dialog, &QDialog::accepted, this, [this, dialog, title, server, p, generation] {
                if (!m_adminMode || !current(generation)) {
                    m_banner->showWarning(tr("Admin mode or the server changed: nothing was stopped."), title);
                    return;
                }
                const QString reason = dialog->reason();
                m_runner->start<StopResult>(
                    title,
                    [server, p, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(server, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
                        return Activity::stop(*conn, p, p.confirmation, reason);
                    },
                    [this, title, kind = p.kind](const Outcome<StopResult> &done) {
                        if (!done.ok()) {
                            if (done.cancelled())
                                m_banner->showWarning(tr("Cancelled before it was done: see Sessions for what is "
                                                         "still there."),
                                                      title);
                            else
                                m_banner->showError(done.error(), title);
                        } else {
                            const StopResult &r = done.value();
                            QString text;
                            if (!r.stopped.isEmpty())
                                text = (kind == StopKind::Cancel
                                            ? tr("Cancelled the running statement of %n session(s): %1.", nullptr,
                                                 int(r.stopped.size()))
                                            : tr("Terminated %n session(s): %1.", nullptr, int(r.stopped.size())))
                                           .arg(pidList(r.stopped));
                            if (!r.gone.isEmpty())
                                text += (text.isEmpty() ? QString() : QStringLiteral(" "))
                                        + tr("Gone before it came to them, nothing done: %1.").arg(pidList(r.gone));
                            if (r.stopped.isEmpty())
                                m_banner->showWarning(text.isEmpty() ? tr("Nothing was stopped.") : text, title);
                            else
                                m_banner->showSuccess(text + QLatin1Char(' ') + tr("Journalled."), title);
                        }
                        refresh();
                    });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
