// The Events pane's Build index (admin mode): when the events can only be paged by id for want
// of an index, the index they need is previewed, confirmed and built.
#include "gui/events/eventspane.h"
#include "core/format.h"
#include "gui/widgets/confirmdialog.h"
#include "core/layout/indexbuild.h"

#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/events/eventdetail.h"
#include "gui/events/filterbar.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "models/eventtablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

using models::EventTableModel;

void EventsPane::updateIndexButton()
{
    m_buildIndex->setVisible(m_pagedById && m_db.has_value());
    m_buildIndex->setEnabled(m_adminMode && !m_jobs->isBusy());
    if (!m_adminMode)
        m_buildIndex->setToolTip(tr("Switch on admin mode (Ctrl+Shift+A) to build the index."));
}

void EventsPane::confirmBuildIndex()
{
    if (!m_db)
        return;
    const pg::ConnectionSettings db = *m_db;
    m_jobs->start<layout::IndexPlan>(
        tr("Preparing the index of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return layout::IndexBuilder::plan(*conn, layout::Kind::ApiEvents);
        },
        [this, db](const Outcome<layout::IndexPlan> &r) {
            if (!r.ok())
                return m_errors->showError(r.error(), db.database());
            QString html = QStringLiteral("<p>")
                           + tr("Builds the index without blocking the game's writes; the table's "
                                "rows are not changed. Runs, one statement at a time:")
                           + QStringLiteral("</p><ul>");
            for (const QString &s : r.value().statements)
                html += QStringLiteral("<li><code>%1</code></li>").arg(s.toHtmlEscaped());
            html += QStringLiteral("</ul>");
            auto *dialog = new ConfirmDialog(tr("Build index"),
                                             tr("Build an index on <b>%1</b>?").arg(r.value().table.toHtmlEscaped()),
                                             html, db.database(), false, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, db] {
                const QString reason = dialog->reason();
                m_jobs->start<layout::IndexPlan>(
                    tr("Building the index on %1").arg(db.database()),
                    [db, reason](TaskContext &ctx) {
                        auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly,
                                                         &ctx.cancelToken());
                        return layout::IndexBuilder::build(*conn, db, layout::Kind::ApiEvents,
                                                           db.database(), reason, &ctx);
                    },
                    [this, db](const Outcome<layout::IndexPlan> &done) {
                        if (!done.ok())
                            return m_errors->showError(done.error(), db.database());
                        m_errors->showSuccess(tr("Built %1 on %2.").arg(done.value().indexName, done.value().table));
                        if (m_db) {
                            const auto db = *m_db;
                            m_db.reset();
                            setDatabase(db); // reopen: pages follow the time now
                        }
                    });
            });
            dialog->open();
        });
}

} // namespace statescope::gui
