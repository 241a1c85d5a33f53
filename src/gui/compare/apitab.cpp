// The API tab of "Compare weeks…": per endpoint the counts, error rates and the payload paths
// that came, went or changed type.
#include "gui/compare/comparedialog.h"

#include "core/browse/datacompare.h"
#include "core/weekly/drift.h"
#include "core/events/apichange.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFont>
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
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

QWidget *CompareDialog::buildApiTab()
{
    auto *page = new QWidget(this);
    m_api = new QTreeWidget(page);
    m_api->setObjectName(QStringLiteral("apiTree"));
    m_api->setHeaderLabels({tr("Endpoint / path"), tr("Events"), tr("Error rate"), tr("Types"), tr("Example events")});
    auto *run = new QPushButton(tr("Compare the A&PI"), page);
    run->setObjectName(QStringLiteral("compareApi"));
    connect(run, &QPushButton::clicked, this, &CompareDialog::compareApi);
    auto *layout = new QVBoxLayout(page);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(new QLabel(tr("the newest 200 successful answers per endpoint, on each side"), page));
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_api, 1);
    return page;
}

void CompareDialog::compareApi()
{
    m_tabs->setCurrentIndex(ApiTab); // asked from elsewhere too: shown where it answers
    m_api->clear();
    const weekly::FamilyWeek a = from(), b = to();
    m_jobs->start<QList<events::EndpointChange>>(
        tr("Comparing the API of %1 and %2").arg(a.database(), b.database()),
        [a, b](TaskContext &ctx) {
            auto ca = pg::Connection::open(a.settings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const auto sa = events::ApiChange::read(*ca, 200, &ctx);
            auto cb = pg::Connection::open(b.settings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return events::ApiChange::compare(sa, events::ApiChange::read(*cb, 200, &ctx));
        },
        [this](const Outcome<QList<events::EndpointChange>> &out) {
            if (!out.ok())
                return out.cancelled() ? setStatus(ApiTab, tr("Cancelled.")) : fail(QStringLiteral("api"), out.error());
            int changed = 0, added = 0, gone = 0;
            for (const events::EndpointChange &c : out.value()) {
                auto *item = new QTreeWidgetItem(
                    m_api, {c.endpoint, QStringLiteral("%L1 → %L2").arg(c.fromEvents).arg(c.toEvents),
                            QStringLiteral("%1% → %2%").arg(QLocale().toString(c.fromErrorRate() * 100, 'f', 1), QLocale().toString(c.toErrorRate() * 100, 'f', 1)),
                            c.isNew()           ? tr("new endpoint")
                            : c.isGone()        ? tr("gone: not called in the second week")
                            : c.shape.isEmpty() ? QString()
                                                : tr("%n path(s) changed", nullptr, int(c.shape.size()))});
                if (c.isNew() || c.isGone()) {
                    QFont bold = item->font(3);
                    bold.setBold(true);
                    item->setFont(0, bold);
                    item->setFont(3, bold);
                }
                added += c.isNew();
                gone += c.isGone();
                changed += !c.shape.isEmpty();
                for (const events::ShapeChange &s : c.shape) {
                    auto *p = new QTreeWidgetItem(
                        item, {s.path, changeLabel(events::ShapeChange::typeName(s.type)),
                               {},
                               QStringLiteral("%1 → %2").arg(s.fromTypes.join(QLatin1Char('|')), s.toTypes.join(QLatin1Char('|'))),
                               QStringLiteral("%1 / %2").arg(s.fromExample ? QString::number(s.fromExample) : QStringLiteral("-"),
                                                             s.toExample ? QString::number(s.toExample) : QStringLiteral("-"))});
                    p->setToolTip(4, tr("Event ids showing it, in the first and the second week"));
                }
                item->setExpanded(!c.shape.isEmpty());
            }
            m_api->resizeColumnToContents(0);
            setStatus(ApiTab, tr("%n endpoint(s): ", nullptr, int(out.value().size()))
                                  + tr("%n new, ", nullptr, added) + tr("%n gone, ", nullptr, gone)
                                  + tr("%n with payloads of another shape.", nullptr, changed));
            emit finished(QStringLiteral("api"));
        });
}

} // namespace statescope::gui
