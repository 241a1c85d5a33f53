// The Activity pane's Replication tab: the standbys, the replication slots (an inactive one
// holding WAL marked) and, on a standby, its replay lag.
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
    auto *layout = new QVBoxLayout(w);
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
    m_runner->start<ReplicationReport>(
        tr("Reading replication"),
        [server](TaskContext &ctx) {
            auto conn = pg::Connection::open(server, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::replication(*conn);
        },
        [this, generation](const Outcome<ReplicationReport> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_replication = r.value();
            showReplication();
            markRefreshed(tr("Replication"));
        });
}

void ActivityPane::showReplication()
{
    m_standbys->setRowCount(0);
    m_slots->setRowCount(0);
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

} // namespace statescope::gui
