#include "gui/snapshots/galaxyview.h"
#include "gui/widgets/tablewidgets.h"

#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::snapshots;

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

struct Loaded
{
    bool hasConfig = false;
    QList<ConfigEntry> config;
    QString history;
    bool hasManeuvers = false;
    ManeuverRetention retention;
};

} // namespace

GalaxyView::GalaxyView(QWidget *parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_progress(new ProgressPanel(this))
{
    m_progress->follow(m_runner);
    // The value last: a JSON value takes the rest of the width (cut, with its tooltip), a
    // time of known width is shown whole.
    m_config = readOnlyTable(this, QStringLiteral("gameConfig"), {tr("Key"), tr("Updated (UTC)"), tr("Value")});
    m_history = new QLabel(this);
    m_history->setObjectName(QStringLiteral("historyKept"));
    m_history->setWordWrap(true);
    m_retention = new QLabel(this);
    m_retention->setObjectName(QStringLiteral("maneuverRetention"));
    m_retention->setWordWrap(true);
    m_ships = readOnlyTable(this, QStringLiteral("maneuverShips"),
                   {tr("Ship"), tr("Events"), tr("Newest (UTC)"), tr("Oldest (UTC)"), tr("Beyond 1,000")});
    m_ships->setToolTip(tr("Most events first. The game keeps the newest 1,000 per ship and prunes the rest "
                           "when the ship's next event is written."));
    m_events = readOnlyTable(this, QStringLiteral("maneuverEvents"),
                    {tr("Created (UTC)"), tr("Tick"), tr("Maneuver"), tr("Event"), tr("Phase"), tr("Status")});
    m_eventsNote = new QLabel(tr("Select a ship to see its maneuver events, newest first."), this);
    m_eventsNote->setWordWrap(true);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("<b>Game configuration</b>"), top));
    topLayout->addWidget(m_config, 1);
    topLayout->addWidget(m_history);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("<b>Maneuver events</b>"), bottom));
    bottomLayout->addWidget(m_retention);
    auto *lists = new QSplitter(Qt::Horizontal, bottom);
    lists->addWidget(m_ships);
    auto *eventsBox = new QWidget(lists);
    auto *eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    eventsLayout->addWidget(m_eventsNote);
    eventsLayout->addWidget(m_events, 1);
    lists->addWidget(eventsBox);
    bottomLayout->addWidget(lists, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);

    connect(m_ships, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && m_ships->item(row, 0))
            loadShip(m_ships->item(row, 0)->text());
    });
}

void GalaxyView::clear()
{
    m_config->setRowCount(0);
    m_history->clear();
    m_retention->clear();
    m_ships->setRowCount(0);
    m_events->setRowCount(0);
    m_eventsNote->setText(tr("Select a ship to see its maneuver events, newest first."));
}

void GalaxyView::setDatabase(const std::optional<pg::ConnectionSettings> &db)
{
    m_db = db;
    ++m_generation;
    m_runner->cancel();
    clear();
    m_stale = true;
    if (isVisible())
        reload();
}

void GalaxyView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void GalaxyView::reload()
{
    if (!m_db)
        return;
    m_stale = false;
    const int generation = ++m_generation;
    const pg::ConnectionSettings db = *m_db;
    m_runner->start<Loaded>(
        tr("Reading the game configuration and maneuver events of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            Loaded l;
            const auto lay = layout::of(*conn);
            l.hasConfig = lay->has(layout::Kind::GameConfig);
            if (l.hasConfig) {
                l.config = readGameConfig(*conn);
                l.history = describeHistory(l.config);
            }
            Maneuvers m(*conn);
            l.hasManeuvers = m.available();
            if (l.hasManeuvers)
                l.retention = m.retention();
            return l;
        },
        [this, generation](const Outcome<Loaded> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                m_history->setText(r.cancelled() ? tr("Cancelled.") : r.error().message());
                return;
            }
            const Loaded &l = r.value();
            m_config->setRowCount(int(l.config.size()));
            for (int i = 0; i < l.config.size(); ++i)
                setRowTexts(m_config, i, {l.config[i].key, when(l.config[i].updatedAt), l.config[i].value});
            fitColumns(m_config);
            m_history->setText(l.hasConfig ? l.history : tr("This database has no game configuration table."));
            if (!l.hasManeuvers) {
                m_retention->setText(tr("This database has no maneuver events table."));
                return;
            }
            m_retention->setText(l.retention.describe());
            m_ships->setRowCount(int(l.retention.ships.size()));
            for (int i = 0; i < l.retention.ships.size(); ++i) {
                const ShipManeuvers &s = l.retention.ships[i];
                setRowTexts(m_ships, i,
                       {s.shipId, QLocale().toString(s.events), when(s.newest), when(s.oldest),
                        QLocale().toString(s.beyondRetention)});
            }
            m_ships->resizeColumnsToContents();
        });
}

void GalaxyView::loadShip(const QString &shipId)
{
    if (!m_db)
        return;
    const int generation = m_generation;
    const pg::ConnectionSettings db = *m_db;
    m_runner->start<QList<ManeuverEvent>>(
        tr("Reading the maneuver events of ship %1").arg(shipId.left(8)),
        [db, shipId](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Maneuvers(*conn).events(shipId);
        },
        [this, generation, shipId](const Outcome<QList<ManeuverEvent>> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                return m_eventsNote->setText(r.cancelled() ? tr("Cancelled.") : r.error().message());
            const QList<ManeuverEvent> &events = r.value();
            m_eventsNote->setText(tr("Ship %1: %n event(s), newest first.", nullptr, int(events.size())).arg(shipId));
            m_events->setRowCount(int(events.size()));
            for (int i = 0; i < events.size(); ++i) {
                const ManeuverEvent &e = events[i];
                setRowTexts(m_events, i,
                       {when(e.createdAt), QString::number(e.tick), e.maneuverType, e.eventType, e.phase, e.status});
            }
            m_events->resizeColumnsToContents();
        });
}

} // namespace statescope::gui
