// The Drift tab of "Compare weeks…": every week's migration tools and versions, checksum drift,
// schema fingerprint and where it leaves the family's majority.
#include "gui/compare/comparedialog.h"

#include "models/ink.h"

#include "core/browse/datacompare.h"
#include "core/weekly/drift.h"
#include "core/events/apichange.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/themed.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

QWidget *CompareDialog::buildDriftTab()
{
    auto *page = new QWidget(this);
    m_drift = new QTableWidget(page);
    m_drift->setObjectName(QStringLiteral("driftTable"));
    m_drift->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drift->setColumnCount(6);
    // Owners before the differences, whose long list takes the rest of the width.
    m_drift->setHorizontalHeaderLabels({tr("Week"), tr("Migrations"), tr("Checksum drift"), tr("Fingerprint"), tr("Owners"),
                                        tr("Differs from the majority")});
    m_drift->horizontalHeader()->setStretchLastSection(true);
    auto *run = new QPushButton(tr("Read dri&ft"), page);
    run->setObjectName(QStringLiteral("readDrift"));
    connect(run, &QPushButton::clicked, this, &CompareDialog::readDrift);
    auto *layout = new QVBoxLayout(page);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_drift, 1);
    return page;
}

void CompareDialog::readDrift()
{
    m_tabs->setCurrentIndex(DriftTab);
    m_drift->setRowCount(0);
    const QList<weekly::FamilyWeek> weeks = m_family.readable();
    m_jobs->start<weekly::FamilyDrift>(
        tr("Reading the drift of %n week(s)", nullptr, int(weeks.size())),
        [weeks](TaskContext &ctx) { return weekly::FamilyDrift::read(weeks, 2, &ctx); },
        [this](const Outcome<weekly::FamilyDrift> &out) {
            if (!out.ok())
                return out.cancelled() ? setStatus(DriftTab, tr("Cancelled.")) : fail(QStringLiteral("drift"), out.error());
            const weekly::FamilyDrift &d = out.value();
            const bool servers = m_family.spansServers();
            m_drift->setRowCount(int(d.weeks.size()));
            for (int r = 0; r < d.weeks.size(); ++r) {
                const weekly::WeekDrift &w = d.weeks[r];
                const QString differs = !w.error.isEmpty()       ? w.error
                                        : w.majority            ? tr("(the majority)")
                                        : w.differenceCount == 0 ? tr("only its owners")
                                                                : tr("%n difference(s): ", nullptr, w.differenceCount)
                                                                 + w.differences.join(QStringLiteral("; "));
                // Owners apart: a week restored or made by another role differs only there.
                const QString owners = w.ownerCount == 0 ? QString()
                                                         : tr("%n object(s) owned by another role: ", nullptr, w.ownerCount)
                                                               + w.owners.join(QStringLiteral("; "));
                const QStringList cells{w.week.label(servers), w.tools.join(QStringLiteral(", ")),
                                        w.checksumDrift.join(QStringLiteral(", ")), w.shortFingerprint(), owners, differs};
                for (int c = 0; c < cells.size(); ++c) {
                    auto *item = new QTableWidgetItem(cells[c]);
                    item->setToolTip(c == 5   ? w.differences.join(QLatin1Char('\n'))
                                     : c == 4 ? w.owners.join(QLatin1Char('\n'))
                                              : cells[c]);
                    if ((c == 5 && !w.majority && (w.differenceCount > 0 || !w.error.isEmpty()))
                        || (c == 2 && !w.checksumDrift.isEmpty()))
                        style::setInk(item, models::ink::Meaning::Danger);
                    else if (c == 4 && w.ownerCount > 0)
                        style::setInk(item, models::ink::Meaning::Changed);
                    m_drift->setItem(r, c, item);
                }
            }
            m_drift->resizeColumnsToContents();
            // Owners and differences share the rest of the width: neither list pushes the other
            // out of sight (each whole in its tooltip).
            const int width = m_drift->viewport()->width();
            m_drift->setColumnWidth(4, std::min(m_drift->columnWidth(4), std::max(120, width / 4)));
            int used = 0;
            for (int c = 0; c < 5; ++c)
                used += m_drift->columnWidth(c);
            m_drift->setColumnWidth(5, std::min(m_drift->columnWidth(5), std::max(200, width - used)));
            setStatus(DriftTab, tr("%1 of %2 weeks share the majority's schema (%3).")
                                  .arg(d.majorityWeeks)
                                  .arg(d.weeks.size())
                                  .arg(d.majorityFingerprint.left(12)));
            emit finished(QStringLiteral("drift"));
        });
}

} // namespace statescope::gui
