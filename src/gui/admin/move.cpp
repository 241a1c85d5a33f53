// The admin pane's "Move to server…": a week to another open server, previewed, typed-confirmed,
// and run as ServerAdmin::move (fenced, dumped, restored, counted, then dropped here).
#include "gui/admin/adminpane.h"

#include "core/format.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/admin/recoverypanel.h"

#include <QInputDialog>
#include <QLocale>

#include <algorithm>

namespace statescope::gui {

void AdminPane::confirmMove()
{
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty())
        return;
    const QList<OtherServer> others = m_otherServers ? m_otherServers() : QList<OtherServer>{};
    if (others.isEmpty()) {
        m_messages->showWarning(tr("%1 can only move to another open server: open the server it should go to "
                                 "first (Ctrl+O).")
                                  .arg(name));
        return;
    }
    if (others.size() == 1)
        return moveTo(name, others.first());
    QStringList labels;
    for (const OtherServer &o : others)
        labels << o.label;
    auto *pick = new QInputDialog(this);
    pick->setObjectName(QStringLiteral("moveTargetPrompt"));
    pick->setAttribute(Qt::WA_DeleteOnClose);
    pick->setWindowTitle(tr("Move %1").arg(name));
    pick->setLabelText(tr("The server %1 goes to:").arg(name));
    pick->setComboBoxItems(labels);
    pick->setComboBoxEditable(false);
    connect(pick, &QInputDialog::textValueSelected, this, [this, name, others](const QString &label) {
        const auto it = std::find_if(others.begin(), others.end(), [&](const OtherServer &o) { return o.label == label; });
        if (it != others.end())
            moveTo(name, *it);
    });
    pick->open();
}

// The other open servers: where a week can be moved, and where a killed move's copy is
// looked for when it is recovered.
void AdminPane::setOtherServers(std::function<QList<OtherServer>()> provider)
{
    m_otherServers = std::move(provider);
    m_recovery->setOtherServers([this] {
        QList<pg::ConnectionSettings> out;
        for (const OtherServer &o : m_otherServers())
            out.append(o.settings);
        return out;
    });
}

void AdminPane::moveTo(const QString &name, const OtherServer &target)
{
    const weekly::ServerAdmin server = admin();
    const weekly::ServerAdmin there(target.settings);
    m_messages->hide();
    m_runner->start<weekly::DestructivePreview>(
        tr("Preparing the move of %1").arg(name), [server, name](TaskContext &) { return server.preview(name); },
        [this, name, server, there, target](const Outcome<weekly::DestructivePreview> &r) {
            if (!r.ok())
                return showOutcomeError(r.error());
            const weekly::DestructivePreview &p = r.value();
            QString html = QStringLiteral("<p>")
                           + tr("Move will copy %1 to <b>%2</b> and then <b>drop</b> it from %3.")
                                 .arg(name.toHtmlEscaped(), target.label.toHtmlEscaped(),
                                      server.server().displayName().toHtmlEscaped())
                           + QStringLiteral("</p><p>")
                           + tr("Size %1, about %2 rows in %n table(s).", nullptr, int(p.tables.size()))
                                 .arg(format::bytes(p.sizeBytes), QLocale().toString(p.estimatedRows))
                           + QStringLiteral("</p>");
            if (p.sessions)
                html += QStringLiteral("<p>")
                        + tr("%n other session(s) will be terminated.", nullptr, p.sessions)
                        + QStringLiteral("</p>");
            html += QStringLiteral("<p>")
                    + tr("Writers are fenced off and %1 is dumped; the dump is restored on %2 with the same "
                         "owner, settings and grants; every table's rows are counted on both servers. %1 is "
                         "dropped here only when the counts agree; otherwise it stays as it was and the copy "
                         "is taken away. The dump is kept either way.")
                          .arg(name.toHtmlEscaped(), target.label.toHtmlEscaped())
                    + QStringLiteral("</p>");
            auto *dialog = new ConfirmDialog(tr("Move"), tr("Move <b>%1</b> to %2?")
                                                             .arg(name.toHtmlEscaped(), target.label.toHtmlEscaped()),
                                             html, name, false, this);
            dialog->setObjectName(QStringLiteral("moveConfirm"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, name, server, there, target] {
                weekly::ActionOptions options;
                options.reason = dialog->reason();
                m_runner->start<weekly::MoveResult>(
                    tr("Moving %1 to %2").arg(name, target.label),
                    [server, there, name, options](TaskContext &ctx) {
                        return server.move(name, there, name, options, &ctx);
                    },
                    [this, name, target](const Outcome<weekly::MoveResult> &result) {
                        emit serverChanged(target.id); // a failed move may have left nothing there, or may not
                        if (!result.ok()) {
                            showOutcomeError(result.error());
                            emit changed(name);
                            return;
                        }
                        const weekly::MoveResult &m = result.value();
                        qint64 rows = 0;
                        for (const weekly::MovedTable &t : m.tables)
                            rows += t.sourceRows;
                        QString text = tr("Moved %1 to %2: %n table(s), %3 rows, counted on both servers.", nullptr,
                                          int(m.tables.size()))
                                           .arg(name, target.label, QLocale().toString(rows));
                        if (!m.result.dumpPath.isEmpty())
                            text += QLatin1Char(' ') + tr("Dump kept at %1.").arg(m.result.dumpPath);
                        for (const QString &w : m.result.warnings)
                            text += QLatin1Char(' ') + w;
                        m_messages->showSuccess(text);
                        emit changed(QString());
                    });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
