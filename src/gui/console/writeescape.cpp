// The SQL pane's way to write: a statement the read-only session refused is offered, after a
// typed confirmation, on a read-write connection of its own, journalled; never as a player.
#include "gui/console/consolepane.h"

#include "core/layout/catalog.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/sqlhighlighter.h"
#include "gui/widgets/style.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::browse;

pg::ConnectionSettings ConsolePane::forWriting(const pg::ConnectionSettings &db)
{
    pg::ConnectionSettings out = db;
    for (const auto &[name, value] : db.transactionSettings())
        out = out.withTransactionSetting(name, {});
    return out;
}

void ConsolePane::offerWrite(const QString &statement, const Error &refusal)
{
    const QString database = m_db ? m_db->database() : QString();
    if (!m_admin) {
        m_banner->showMessage(tr("The console is read-only: the server refused a write (%1). Switch on admin "
                                 "mode (Ctrl+Shift+A) to run it after a typed confirmation; it is journalled "
                                 "and audited.")
                                  .arg(refusal.message()),
                              database);
        return;
    }
    const pg::ConnectionSettings db = *m_db;
    auto *dialog = new ConfirmDialog(
        tr("Run write"), tr("Run a write on <b>%1</b>?").arg(database.toHtmlEscaped()),
        tr("<p>The server refused this statement in a read-only transaction. Run it in a read-write "
           "transaction of its own, committed, journalled locally and in the database's audit log "
           "(when Statescope's bookkeeping is there):</p>")
            // Wrapped, so all of it (the WHERE clause too) is in sight when the person confirms.
            + QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>").arg(statement.toHtmlEscaped()),
        database, false, this);
    dialog->setObjectName(QStringLiteral("consoleWriteDialog"));
    dialog->setReasonRequired(true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, statement, db] {
        const QString reason = dialog->reason();
        const int timeout = timeoutMs();
        m_jobs->start<CommandResult>(
            tr("Running a write on %1").arg(db.database()),
            [db, statement, reason, timeout](TaskContext &ctx) {
                auto conn = pg::Connection::open(forWriting(db), pg::Connection::Access::ReadWrite, &ctx.cancelToken());
                return Console::runWrite(*conn, statement, reason, timeout);
            },
            [this, db](const Outcome<CommandResult> &r) {
                if (!r.ok())
                    return m_banner->showError(r.error(), db.database());
                m_banner->showSuccess(tr("Committed: %1 (journalled and audited).").arg(r.value().tag), db.database());
                const int tab = m_results->addTab(messageTab(r.value().tag), tr("Write"));
                m_results->setCurrentIndex(tab);
                emit wrote(db.database());
            });
    });
    dialog->open();
}

} // namespace statescope::gui
