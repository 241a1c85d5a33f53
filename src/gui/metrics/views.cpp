// The Metrics pane's materialized views: each metrics view listed with its state, and its
// refresh in admin mode.
#include "gui/metrics/metricspane.h"
#include "core/format.h"
#include "core/layout/layout.h"

#include "core/pg/connection.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "core/settings.h"
#include "models/seriestablemodel.h"
#include "gui/widgets/tablewidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::metrics;

void MetricsPane::loadViews()
{
    m_views->clear();
    if (!m_server || m_database.isEmpty())
        return;
    const pg::ConnectionSettings db = m_server->withDatabase(m_database);
    const QString database = m_database;
    struct Read
    {
        QList<MaterializedView> views;
        bool events = false, plays = false, snapshots = false; // the game data it has
    };
    const bool pick = !m_keepMetric;
    m_keepMetric = false;
    m_runner->start<Read>(
        tr("Reading materialized views"),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            Read out;
            const auto lay = layout::of(*conn);
            out.events = lay->has(layout::Kind::ApiEvents);
            out.plays = lay->has(layout::Kind::Plays) && lay->has(layout::Kind::Games);
            out.snapshots = lay->has(layout::Kind::Snapshots);
            try {
                out.views = materializedViews(*conn);
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled)
                    throw;
            }
            return out;
        },
        [this, database, pick](const Outcome<Read> &r) {
            if (database != m_database || !r.ok())
                return; // an older database, or one that could not be read: nothing to list
            // A database opened afresh starts on a metric it has data for (a Galaxy week has
            // no API events, only snapshots); a week switch keeps the metric chosen.
            const Read &read = r.value();
            const auto has = [&read](const QString &id) {
                if (id == QLatin1String("plays") || id == QLatin1String("games_completed"))
                    return read.plays;
                if (id == QLatin1String("snapshots"))
                    return read.snapshots;
                if (id.startsWith(customPrefix()))
                    return true;
                return read.events;
            };
            if (pick && !has(m_metric->currentData().toString())) {
                for (int i = 0; i < m_metric->count(); ++i) {
                    const QString id = m_metric->itemData(i).toString();
                    if (!id.isEmpty() && !id.startsWith(customPrefix()) && has(id)) {
                        m_metric->setCurrentIndex(i);
                        break;
                    }
                }
            }
            for (const MaterializedView &v : read.views) {
                auto *item = new QTreeWidgetItem(m_views);
                item->setText(0, v.schema + QLatin1Char('.') + v.name);
                item->setText(1, v.refreshedAt.isValid() ? v.refreshedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                         : tr("never"));
                if (!v.refreshedAt.isValid())
                    item->setToolTip(1, tr("Never refreshed by Statescope; the server keeps no time of a refresh made "
                                           "elsewhere."));
                item->setText(2, format::bytes(v.sizeBytes));
                item->setData(0, Qt::UserRole, v.schema);
                item->setData(1, Qt::UserRole, v.name);
            }
            fitColumns(m_views);
        });
}

void MetricsPane::refreshView()
{
    auto *item = m_views->currentItem();
    if (!item || !m_adminMode || !m_server)
        return;
    const QString schema = item->data(0, Qt::UserRole).toString();
    const QString name = item->data(1, Qt::UserRole).toString();
    const pg::ConnectionSettings db = m_server->withDatabase(m_database);
    m_runner->start<Done>(
        tr("Refreshing %1.%2").arg(schema, name),
        [db, schema, name](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite, &ctx.cancelToken());
            metrics::refresh(*conn, schema, name, &ctx);
            return Done{};
        },
        [this, schema, name](const Outcome<Done> &r) {
            if (!r.ok())
                return showError(r.error());
            m_messages->showSuccess(tr("Refreshed %1.%2.").arg(schema, name));
            loadViews();
        });
}

} // namespace statescope::gui
