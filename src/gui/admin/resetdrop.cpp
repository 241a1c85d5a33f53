// The admin pane's Reset, Drop and Restore dump: what will be destroyed shown first (size, rows
// per table, sessions), the name typed back and a reason, a dump to go back to, run with progress.
#include "gui/admin/adminpane.h"
#include "gui/collector/collectordialog.h"
#include "core/weekly/drift.h"
#include "core/format.h"

#include "core/paths.h"
#include "core/pg/connection.h"

#include "core/weekly/adopt.h"
#include "core/layout/layout.h"

#include "core/weekly/serveradmin.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/admin/recoverypanel.h"
#include "gui/widgets/style.h"
#include "gui/admin/restoredialog.h"
#include "gui/admin/retentiondialog.h"
#include "gui/admin/upkeepdialog.h"
#include "gui/admin/createdialog.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "models/databasetreemodel.h"

#include <algorithm>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeView>
#include <QVBoxLayout>

namespace statescope::gui {

void AdminPane::confirmDestructive(bool reset)
{
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty())
        return;
    const weekly::ServerAdmin server = admin();
    m_messages->hide();
    struct Preview
    {
        weekly::DestructivePreview preview;
        QString drift; // a reset copies a week that leaves the family's majority
    };
    m_runner->start<Preview>(
        tr("Preparing the preview of %1").arg(name),
        [server, name, reset](TaskContext &ctx) {
            Preview out{server.preview(name), {}};
            if (reset) {
                try {
                    out.drift = weekly::FamilyDrift::copyWarning(server.server(), name, &ctx).value_or(QString());
                } catch (const Error &e) {
                    if (e.kind() == Error::Kind::Cancelled)
                        throw;
                }
            }
            return out;
        },
        [this, reset, name, server](const Outcome<Preview> &r) {
            if (!r.ok())
                return showOutcomeError(r.error());
            const auto &p = r.value().preview;
            QString html = QStringLiteral("<p>");
            if (!r.value().drift.isEmpty())
                html += QStringLiteral("<b>%1</b></p><p>").arg(r.value().drift.toHtmlEscaped());
            html += reset ? tr("Reset will <b>drop</b> %1 and create it again, empty, with %2.")
                                .arg(name.toHtmlEscaped(), p.recreateWith.toHtmlEscaped())
                          : tr("Drop will <b>delete</b> %1 from the server.").arg(name.toHtmlEscaped());
            html += QStringLiteral("</p><p>")
                    + tr("Size %1, about %2 rows, schema version %3.")
                          .arg(format::bytes(p.sizeBytes))
                          .arg(QLocale().toString(p.estimatedRows))
                          .arg(p.schemaVersion)
                    + QStringLiteral("</p>");
            // Readable without scrolling: the first sessions, and the biggest tables in two
            // columns, the rest summed up.
            constexpr int kSessionsShown = 4, kTablesShown = 8;
            if (p.sessions) {
                html += QStringLiteral("<p>") + tr("%n other session(s) will be terminated:", nullptr, p.sessions)
                        + QStringLiteral(" ");
                QStringList shown;
                for (int i = 0; i < std::min<int>(kSessionsShown, int(p.sessionDescriptions.size())); ++i)
                    shown << p.sessionDescriptions[i].toHtmlEscaped();
                html += shown.join(QStringLiteral(", "));
                if (p.sessionDescriptions.size() > kSessionsShown)
                    html += tr(" and %n more", nullptr, int(p.sessionDescriptions.size()) - kSessionsShown);
                html += QStringLiteral("</p>");
            }
            auto tables = p.tables;
            std::stable_sort(tables.begin(), tables.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
            html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
            const int listed = std::min<int>(kTablesShown, int(tables.size()));
            for (int i = 0; i < listed; i += 2) {
                html += QStringLiteral("<tr>");
                for (int j = i; j < std::min(i + 2, listed); ++j)
                    html += QStringLiteral("<td>%1</td><td align='right'>&nbsp;%2&nbsp;&nbsp;&nbsp;</td>")
                                .arg(tables[j].first.toHtmlEscaped(), QLocale().toString(tables[j].second));
                html += QStringLiteral("</tr>");
            }
            if (tables.size() > listed) {
                qint64 rest = 0;
                for (int i = listed; i < tables.size(); ++i)
                    rest += tables[i].second;
                html += QStringLiteral("<tr><td colspan='4'>%1</td></tr>")
                            .arg(tr("and %n more table(s) holding about %1 rows", nullptr, int(tables.size()) - listed)
                                     .arg(QLocale().toString(rest)));
            }
            html += QStringLiteral("</table><p>")
                    + tr("A dump is taken first unless you untick it; restore it with "
                         "\"Restore dump...\".")
                    + QStringLiteral("</p>");
            auto *dialog = new ConfirmDialog(reset ? tr("Reset") : tr("Drop"),
                                             reset ? tr("Reset <b>%1</b>?").arg(name.toHtmlEscaped())
                                                   : tr("Drop <b>%1</b>?").arg(name.toHtmlEscaped()),
                                             html, name, true, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, reset, name, server] {
                weekly::ActionOptions options;
                options.reason = dialog->reason();
                options.dump = dialog->dumpFirst();
                m_runner->start<weekly::ActionResult>(
                    reset ? tr("Resetting %1").arg(name) : tr("Dropping %1").arg(name),
                    [server, name, options, reset](TaskContext &ctx) {
                        return reset ? server.reset(name, name, options, &ctx)
                                     : server.drop(name, name, options, &ctx);
                    },
                    [this, reset, name](const Outcome<weekly::ActionResult> &result) {
                        if (!result.ok()) {
                            showOutcomeError(result.error());
                            emit changed(name);
                            return;
                        }
                        const auto &a = result.value();
                        QString text = reset ? tr("Reset %1.").arg(name) : tr("Dropped %1.").arg(name);
                        if (!a.dumpPath.isEmpty())
                            text += QLatin1Char(' ') + tr("Dump kept at %1.").arg(a.dumpPath);
                        if (a.terminatedSessions)
                            text += QLatin1Char(' ')
                                    + tr("%n session(s) terminated.", nullptr, a.terminatedSessions);
                        if (!a.removedDumps.isEmpty())
                            text += QLatin1Char(' ')
                                    + tr("%n older dump(s) removed by the retention setting.", nullptr,
                                         int(a.removedDumps.size()));
                        for (const QString &w : a.warnings)
                            text += QLatin1Char(' ') + w;
                        m_messages->showSuccess(text);
                        emit changed(reset ? name : QString());
                    });
            });
            dialog->open();
        });
}

void AdminPane::restoreFromDump()
{
    if (!m_server)
        return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Restore a dump"), paths::backupDir(),
                                                      tr("Dumps (*.dump);;All files (*)"));
    if (file.isEmpty())
        return;
    QStringList existing;
    for (const weekly::DatabaseInfo &db : m_model->databases())
        existing << db.name;
    auto *dialog = new RestoreDialog(file, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, file] { restoreInto(dialog->databaseName(), file); });
    dialog->open();
}

void AdminPane::restoreInto(const QString &name, const QString &file)
{
    const weekly::ServerAdmin server = admin();
    m_runner->start<weekly::ActionResult>(
        tr("Restoring %1").arg(name),
        [server, name, file](TaskContext &ctx) {
            return server.restore(name, file, QStringLiteral("restored from the admin pane"), &ctx);
        },
        [this, name](const Outcome<weekly::ActionResult> &r) {
            if (!r.ok())
                return showOutcomeError(r.error());
            m_messages->showSuccess(tr("Restored %1.").arg(name));
            emit changed(name);
        });
}

} // namespace statescope::gui
