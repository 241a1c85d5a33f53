// The admin pane's Create next week (made from template0 and migrated), Migrate (the pending
// migrations in one transaction, the name typed back) and Adopt (Statescope's bookkeeping in a game's
// own database).
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

void AdminPane::createDatabase()
{
    if (!m_server)
        return;
    // Proposed from the listing already on screen: nothing waits on the server here.
    const QStringList families = m_model->families();
    const QString family = !selectedFamily().isEmpty() ? selectedFamily()
                           : families.isEmpty()        ? QStringLiteral("spacetraders")
                                                       : families.first();
    QStringList existing;
    for (const weekly::DatabaseInfo &db : m_model->databases())
        existing << db.name;
    auto *dialog = new CreateDialog(families, family, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->databaseName();
        const QString reason = dialog->reason();
        const weekly::ServerAdmin server = admin();
        m_messages->hide();
        // A week made like one that differs from the family's other weeks differs too: said,
        // and asked, before anything is made.
        m_runner->start<QString>(
            tr("Checking what %1 would be made like").arg(name),
            [server, name](TaskContext &ctx) {
                const QString source = server.copySource(name);
                if (source.isEmpty())
                    return QString();
                try {
                    return weekly::FamilyDrift::copyWarning(server.server(), source, &ctx).value_or(QString());
                } catch (const Error &e) {
                    if (e.kind() == Error::Kind::Cancelled)
                        throw;
                    return QString(); // drift unknown: the create itself says what fails
                }
            },
            [this, name, reason, server](const Outcome<QString> &warning) {
                if (!warning.ok())
                    return showOutcomeError(warning.error());
                const auto create = [this, name, reason, server] {
                m_runner->start<weekly::DatabaseInfo>(
                    tr("Creating %1").arg(name),
                    [server, name, reason](TaskContext &ctx) { return server.create(name, reason, &ctx); },
                    [this, name](const Outcome<weekly::DatabaseInfo> &r) {
                        if (!r.ok())
                            return showOutcomeError(r.error());
                        m_messages->showSuccess(tr("Created %1 at schema version %2.")
                                                    .arg(name)
                                                    .arg(r.value().schemaVersion));
                        emit changed(name);
                    });
                };
                if (warning.value().isEmpty())
                    return create();
                auto *ask = new QMessageBox(QMessageBox::Warning, tr("Create %1").arg(name), warning.value(),
                                            QMessageBox::Cancel, this);
                ask->setObjectName(QStringLiteral("createDriftWarning"));
                ask->setAttribute(Qt::WA_DeleteOnClose);
                QPushButton *go = ask->addButton(tr("Create anyway"), QMessageBox::AcceptRole);
                ask->setDefaultButton(QMessageBox::Cancel);
                connect(ask, &QMessageBox::buttonClicked, this, [go, create](QAbstractButton *b) {
                    if (b == go)
                        create();
                });
                ask->open();
            });
    });
    dialog->open();
}

void AdminPane::confirmMigrate()
{
    // The pending migrations, listed, and the typed name: a migration changes the schema
    // every program using this database sees.
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty())
        return;
    QString html = QStringLiteral("<p>") + tr("Applies, in one transaction (all or none):") + QStringLiteral("</p><ul>");
    for (int i = 0; i < m_pending->count(); ++i)
        html += QStringLiteral("<li>%1</li>").arg(m_pending->item(i)->text().toHtmlEscaped());
    html += QStringLiteral("</ul>");
    auto *dialog = new ConfirmDialog(tr("Migrate"), tr("Migrate <b>%1</b>?").arg(name.toHtmlEscaped()),
                                     html, name, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &AdminPane::migrateSelected);
    dialog->open();
}

void AdminPane::confirmAdopt()
{
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty())
        return;
    const pg::ConnectionSettings db = admin().databaseSettings(name);
    m_messages->hide();
    m_runner->start<adopt::Status>(
        tr("Preparing the adoption of %1").arg(name),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return adopt::Adoption::adopt(*conn, {}, true);
        },
        [this, name, db](const Outcome<adopt::Status> &r) {
            if (!r.ok())
                return showOutcomeError(r.error());
            const adopt::Status &st = r.value();
            if (st.weeklySchema || st.pending.isEmpty()) {
                m_messages->showMessage(tr("%1 already has Statescope's bookkeeping.").arg(name));
                return;
            }
            QString html = QStringLiteral("<p>")
                           + tr("Creates the schema <b>statescope</b> (audit log, rollback and snapshot "
                                "archives) in one transaction, and nothing else: no table, index or "
                                "row of the game's is created, altered or dropped.")
                           + QStringLiteral("</p><ul>");
            for (const migrate::Migration &m : st.pending)
                html += QStringLiteral("<li>%1</li>").arg(m.fileName.toHtmlEscaped());
            html += QStringLiteral("</ul>");
            for (const layout::History &h : st.histories)
                html += QStringLiteral("<p>") + tr("Its own migrations (%1) are not affected.")
                                                    .arg(h.summary().toHtmlEscaped())
                        + QStringLiteral("</p>");
            auto *dialog = new ConfirmDialog(tr("Adopt"), tr("Adopt <b>%1</b>?").arg(name.toHtmlEscaped()),
                                             html, name, false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, name, db] {
                const QString reason = dialog->reason();
                m_runner->start<adopt::Status>(
                    tr("Adopting %1").arg(name),
                    [db, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite,
                                                         &ctx.cancelToken());
                        return adopt::Adoption::adopt(*conn, reason);
                    },
                    [this, name](const Outcome<adopt::Status> &done) {
                        if (!done.ok())
                            return showOutcomeError(done.error());
                        m_messages->showSuccess(tr("Adopted %1: Statescope's bookkeeping is in its "
                                                   "statescope schema (version %2).")
                                                    .arg(name)
                                                    .arg(done.value().version));
                        emit changed(name);
                    });
            });
            dialog->open();
        });
}

void AdminPane::migrateSelected()
{
    const QString name = selectedDatabase();
    if (!m_server || name.isEmpty())
        return;
    const weekly::ServerAdmin server = admin();
    m_messages->hide();
    m_runner->start<migrate::MigrationReport>(
        tr("Migrating %1").arg(name),
        [server, name](TaskContext &ctx) { return server.migrate(name, false, &ctx); },
        [this, name](const Outcome<migrate::MigrationReport> &r) {
            if (!r.ok()) {
                showOutcomeError(r.error());
                emit changed(name); // a failure is recorded; show the state as it is
                return;
            }
            m_messages->showSuccess(tr("Migrated %1 from version %2 to %3.")
                                        .arg(name)
                                        .arg(r.value().fromVersion)
                                        .arg(r.value().toVersion));
            emit changed(name);
        });
}

} // namespace statescope::gui
