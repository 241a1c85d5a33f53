// The Activity pane's Replication tab: the standbys, the replication slots (an inactive one
// holding WAL marked) and, on a standby, its replay lag; for a pg_auto_failover formation,
// its nodes as the monitor sees them and the monitor's recent events, a failover in progress
// named in the pane's banner.
#include "gui/activity/activitypane.h"

#include "core/browse/console.h"
#include "core/error.h"
#include "core/format.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::activity;

// --- Replication ------------------------------------------------------------------------

QWidget *ActivityPane::buildReplication()
{
    auto *w = new QWidget(this);
    m_replicationNote = new QLabel(w);
    m_replicationNote->setObjectName(QStringLiteral("replicationNote"));
    m_replicationNote->setTextFormat(Qt::PlainText);
    m_replicationNote->setWordWrap(true);
    m_standbys = makeTable(w, QStringLiteral("standbyList"),
                           {tr("Standby"), tr("Client"), tr("State"), tr("Sync"), tr("Lag (bytes)"), tr("Lag")});
    m_slots = makeTable(w, QStringLiteral("slotList"),
                        {tr("Slot"), tr("Type"), tr("Database"), tr("Active"), tr("WAL status"), tr("WAL retained")});
    m_formationTitle = new QLabel(tr("<b>Formation</b>"), w);
    m_formationNote = new QLabel(w);
    m_formationNote->setObjectName(QStringLiteral("formationNote"));
    m_formationNote->setTextFormat(Qt::PlainText);
    m_formationNote->setWordWrap(true);
    m_formationNodes = makeTable(w, QStringLiteral("formationNodes"),
                                 {tr("Node"), tr("Host"), tr("Reported state"), tr("Assigned state"),
                                  tr("Candidate priority"), tr("Quorum"), tr("LSN"), tr("Health")});
    m_formationEvents = makeTable(w, QStringLiteral("formationEvents"), {tr("Time"), tr("Node"), tr("Event")});
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_formationTitle);
    layout->addWidget(m_formationNote);
    layout->addWidget(m_formationNodes, 1);
    layout->addWidget(m_formationEvents, 1);
    for (QWidget *f : {static_cast<QWidget *>(m_formationTitle), static_cast<QWidget *>(m_formationNote),
                       static_cast<QWidget *>(m_formationNodes), static_cast<QWidget *>(m_formationEvents)})
        f->setVisible(false);
    layout->addWidget(m_replicationNote);
    layout->addWidget(new QLabel(tr("<b>Standbys</b>"), w));
    layout->addWidget(m_standbys, 1);
    layout->addWidget(new QLabel(tr("<b>Replication slots</b>"), w));
    layout->addWidget(m_slots, 1);
    return w;
}

void ActivityPane::loadReplication()
{
    const pg::ConnectionSettings server = *m_server;
    const int generation = m_generation;
    struct Read
    {
        ReplicationReport report;
        std::optional<pg::FormationState> formation;
        QString nodeError; // a formation's nodes did not answer (a failover under way): the monitor's view alone
    };
    m_runner->start<Read>(
        tr("Reading replication"),
        [server](TaskContext &ctx) {
            Read read;
            if (pg::formation::named(server)) // the monitor first: during a failover there may be no primary
                read.formation = pg::formation::read(server);
            try {
                auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
                read.report = Activity::replication(*conn);
            } catch (const Error &e) {
                if (!read.formation || e.kind() != Error::Kind::Connection)
                    throw;
                read.nodeError = e.message();
            }
            return read;
        },
        [this, generation](const Outcome<Read> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_replication = r.value().report;
            m_formation = r.value().formation;
            showReplication();
            markRefreshed(tr("Replication"));
            // After the refresh (which clears the server's messages): a failover under way, or
            // nodes that did not answer, named until the formation rests again.
            if (m_formation && !m_formation->transition().isEmpty())
                m_banner->showWarning(tr("Formation %1: %2").arg(m_formation->formation, m_formation->transition()),
                                      serverContext());
            else if (m_formation && !r.value().nodeError.isEmpty())
                m_banner->showWarning(tr("Formation %1: no node answered: %2").arg(m_formation->formation, r.value().nodeError),
                                      serverContext());
        });
}

void ActivityPane::showReplication()
{
    m_standbys->setRowCount(0);
    m_slots->setRowCount(0);
    showFormation();
    if (!m_replication) {
        m_replicationNote->clear();
        return;
    }
    const ReplicationReport &r = *m_replication;
    m_standbys->setRowCount(int(r.standbys.size()));
    for (int row = 0; row < r.standbys.size(); ++row) {
        const Standby &s = r.standbys[row];
        m_standbys->setItem(row, 0, cell(s.name));
        m_standbys->setItem(row, 1, cell(s.client));
        m_standbys->setItem(row, 2, cell(s.state));
        m_standbys->setItem(row, 3, cell(s.syncState));
        m_standbys->setItem(row, 4, cell(s.lagBytes ? format::bytes(*s.lagBytes) : QString(),
                                         double(s.lagBytes.value_or(-1))));
        m_standbys->setItem(row, 5, cell(age(s.lagSeconds), s.lagSeconds.value_or(-1)));
        if (s.lagSeconds && *s.lagSeconds > m_thresholds.replicationLagSeconds)
            mark(m_standbys, row, tr("%1 behind, more than the threshold of %2.")
                                      .arg(age(s.lagSeconds), age(m_thresholds.replicationLagSeconds)));
    }
    m_standbys->resizeColumnsToContents();
    m_slots->setRowCount(int(r.replicationSlots.size()));
    for (int row = 0; row < r.replicationSlots.size(); ++row) {
        const Slot &s = r.replicationSlots[row];
        m_slots->setItem(row, 0, cell(s.name));
        m_slots->setItem(row, 1, cell(s.type));
        m_slots->setItem(row, 2, cell(s.database));
        m_slots->setItem(row, 3, cell(s.active ? tr("yes") : tr("no")));
        m_slots->setItem(row, 4, cell(s.walStatus));
        m_slots->setItem(row, 5, cell(s.retainedBytes ? format::bytes(*s.retainedBytes) : QString(),
                                      double(s.retainedBytes.value_or(-1))));
        if (s.holdingWal())
            mark(m_slots, row, tr("Inactive and holding %1 of WAL: the server keeps it, and its disk, until the slot "
                                  "is used again or dropped.")
                                   .arg(format::bytes(*s.retainedBytes)));
    }
    m_slots->resizeColumnsToContents();
    if (r.standby) {
        QString note = tr("This server is a standby: replay lag %1; %2 received and not yet replayed.")
                           .arg(r.replayLagSeconds ? age(r.replayLagSeconds) : tr("unknown"),
                                r.replayLagBytes ? format::bytes(*r.replayLagBytes) : tr("nothing known"));
        if (r.replayLagSeconds && *r.replayLagSeconds > m_thresholds.replicationLagSeconds)
            note += QLatin1Char(' ')
                    + tr("That is more than the threshold of %1.").arg(age(m_thresholds.replicationLagSeconds));
        m_replicationNote->setText(note);
    } else if (r.standbys.isEmpty() && r.replicationSlots.isEmpty()) {
        m_replicationNote->setText(tr("No standby is connected and there is no replication slot."));
    } else {
        m_replicationNote->setText(tr("%n standby(s) connected", nullptr, int(r.standbys.size())) + QStringLiteral("; ")
                                   + tr("%n replication slot(s).", nullptr, int(r.replicationSlots.size())));
    }
}

void ActivityPane::showFormation()
{
    m_formationNodes->setRowCount(0);
    m_formationEvents->setRowCount(0);
    const bool shown = m_formation.has_value();
    for (QWidget *f : {static_cast<QWidget *>(m_formationTitle), static_cast<QWidget *>(m_formationNote),
                       static_cast<QWidget *>(m_formationNodes), static_cast<QWidget *>(m_formationEvents)})
        f->setVisible(shown);
    if (!shown)
        return;
    const pg::FormationState &f = *m_formation;
    const QString transition = f.transition();
    m_formationNote->setText(
        (transition.isEmpty() ? tr("Formation %1 (monitor %2): settled, primary %3.")
                                    .arg(f.formation, f.monitor, f.primary() ? f.primary()->name : tr("none"))
                              : tr("Formation %1 (monitor %2): %3").arg(f.formation, f.monitor, transition)));
    m_formationNodes->setRowCount(int(f.nodes.size()));
    for (int row = 0; row < f.nodes.size(); ++row) {
        const pg::FormationNode &n = f.nodes[row];
        m_formationNodes->setItem(row, 0, cell(n.name));
        m_formationNodes->setItem(row, 1, cell(QStringLiteral("%1:%2").arg(n.host).arg(n.port)));
        m_formationNodes->setItem(row, 2, cell(n.reportedState));
        m_formationNodes->setItem(row, 3, cell(n.assignedState));
        m_formationNodes->setItem(row, 4, cell(QString::number(n.candidatePriority), n.candidatePriority));
        m_formationNodes->setItem(row, 5, cell(n.replicationQuorum ? tr("yes") : tr("no")));
        m_formationNodes->setItem(row, 6, cell(n.reportedLsn));
        m_formationNodes->setItem(row, 7, cell(n.health == 1 ? tr("healthy") : n.health == 0 ? tr("unhealthy") : tr("not checked")));
        if (n.health == 0)
            mark(m_formationNodes, row, tr("The monitor's health checks do not reach this node."));
        else if (!n.settled())
            mark(m_formationNodes, row, tr("The monitor has assigned %1; the node still reports %2.")
                                            .arg(n.assignedState, n.reportedState));
    }
    m_formationNodes->resizeColumnsToContents();
    // The most recent first.
    m_formationEvents->setRowCount(int(f.events.size()));
    for (int i = 0; i < f.events.size(); ++i) {
        const pg::FormationEvent &e = f.events[f.events.size() - 1 - i];
        m_formationEvents->setItem(i, 0, cell(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat)));
        m_formationEvents->setItem(i, 1, cell(e.nodeName));
        m_formationEvents->setItem(i, 2, cell(e.description));
    }
    m_formationEvents->resizeColumnToContents(0);
    m_formationEvents->resizeColumnToContents(1);
}

} // namespace statescope::gui
