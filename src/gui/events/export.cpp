// The Events pane's export (Ctrl+E): the filtered events or the selection streamed to CSV or
// JSON lines with progress and Cancel (a cancelled export leaves no file); and the diff of two.
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

std::vector<qint64> EventsPane::selectedIds() const
{
    std::vector<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        if (const auto *row = m_model->rowAt(index.row()))
            ids.push_back(row->id);
    return ids;
}

bool EventsPane::diffSelected()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 2)
        return false;
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() > b.row(); // lower in the table = older: it goes first
    });
    const auto *older = m_model->rowAt(rows[0].row());
    const auto *newer = m_model->rowAt(rows[1].row());
    if (!older || !newer)
        return false;
    m_detail->diffEvents(older->id, newer->id);
    return true;
}

void EventsPane::chooseExport(events::ExportFormat format, bool selectionOnly)
{
    if (selectionOnly && selectedIds().empty()) {
        m_errors->showMessage(tr("Select the events to export first."));
        return;
    }
    const bool csv = format == events::ExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export events"), csv ? QStringLiteral("events.csv") : QStringLiteral("events.jsonl"),
        csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        exportTo(path, format, selectionOnly);
}

void EventsPane::exportTo(const QString &path, events::ExportFormat format, bool selectionOnly)
{
    if (!m_db)
        return;
    events::ExportRequest request;
    request.filter = m_model->filter();
    if (selectionOnly)
        request.filter.ids = selectedIds();
    request.format = format;
    request.path = path;
    request.overwrite = true; // the file dialog asked already
    request.expectedRows = selectionOnly ? qint64(request.filter.ids.size()) : m_model->count();
    const auto db = *m_db;
    m_jobs->start<events::ExportResult>(
        tr("Exporting events to %1").arg(path),
        [db, request](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return events::exportEvents(*conn, request, &ctx);
        },
        [this](const Outcome<events::ExportResult> &out) {
            if (!out.ok()) {
                if (out.cancelled())
                    m_errors->showMessage(tr("Export cancelled; the partial file was removed."));
                else
                    m_errors->showError(out.error(), dbName());
                return;
            }
            m_errors->showSuccess(tr("Exported %L1 events (%2) to %3")
                                      .arg(out.value().rows)
                                      .arg(format::bytes(out.value().bytes))
                                      .arg(out.value().path));
            emit exported(out.value().rows, out.value().path);
        });
}

} // namespace statescope::gui
