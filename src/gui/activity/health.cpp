// The Activity pane's Health tab: each database's size, cache hit ratio, transaction-ID age,
// temporary files and deadlocks, the tables of the one connected to, the findings against the
// thresholds, and the thresholds themselves (saved, applied at once).
#include "gui/activity/activitypane.h"

#include "models/ink.h"

#include "core/error.h"
#include "core/format.h"
#include "core/pg/connection.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace statescope::gui {

using namespace statescope::activity;

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : ActivityPane::tr("never");
}

} // namespace

// --- Health -----------------------------------------------------------------------------

QWidget *ActivityPane::buildHealth()
{
    auto *w = new QWidget(this);
    m_health = makeTable(w, QStringLiteral("healthList"),
                         {tr("Database"), tr("Size"), tr("Cache hit"), tr("XID age"), tr("Temp files"), tr("Deadlocks")});
    m_tablesNote = new QLabel(w);
    m_tablesNote->setObjectName(QStringLiteral("tablesNote"));
    m_tablesNote->setTextFormat(Qt::PlainText);
    m_tableHealth = makeTable(w, QStringLiteral("tableHealthList"),
                              {tr("Table"), tr("Live rows"), tr("Dead rows"), tr("Dead"), tr("Last vacuum"),
                               tr("Last autovacuum"), tr("Last analyze"), tr("Last autoanalyze")});
    m_findings = new QListWidget(w);
    m_findings->setObjectName(QStringLiteral("findingList"));
    m_findings->setWordWrap(true);

    auto *tables = new QWidget(w);
    auto *tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(m_tablesNote);
    tablesLayout->addWidget(m_tableHealth, 1);
    // pgstattuple reads the whole table: only when asked, for the table selected.
    m_measureBloat = new QPushButton(tr("Measure &bloat of the selected table"), tables);
    m_measureBloat->setObjectName(QStringLiteral("measureBloat"));
    m_measureBloat->setToolTip(tr("pgstattuple's exact dead and free space (reads the whole table; needs CREATE EXTENSION "
                                  "pgstattuple in the database)"));
    m_bloatNote = new QLabel(tables);
    m_bloatNote->setObjectName(QStringLiteral("bloatNote"));
    m_bloatNote->setTextFormat(Qt::PlainText);
    m_bloatNote->setWordWrap(true);
    auto *bloatRow = new QHBoxLayout;
    bloatRow->addWidget(m_measureBloat);
    bloatRow->addWidget(m_bloatNote, 1);
    tablesLayout->addLayout(bloatRow);
    connect(m_measureBloat, &QPushButton::clicked, this, &ActivityPane::measureBloat);
    auto *left = new QSplitter(Qt::Vertical, w);
    left->addWidget(m_health);
    left->addWidget(tables);
    auto *right = new QWidget(w);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Findings</b>"), right));
    rightLayout->addWidget(m_findings, 1);
    rightLayout->addWidget(buildThresholds(right));
    auto *split = new QSplitter(Qt::Horizontal, w);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(split, 1);
    return w;
}

QWidget *ActivityPane::buildThresholds(QWidget *parent)
{
    auto *box = new QGroupBox(tr("Thresholds (saved, applied at once)"), parent);
    auto *form = new QFormLayout(box);
    struct Field
    {
        const char *name;
        double Thresholds::*member;
        QString label;
        QString suffix;
        double maximum;
        int decimals;
        bool percent; // a ratio, edited as a percentage
    };
    const Field fields[] = {
        {"statementMeanMs", &Thresholds::statementMeanMs, tr("Statement mean above"), tr(" ms"), 3600000, 0, false},
        {"longStatementSeconds", &Thresholds::longStatementSeconds, tr("Statement running longer than"), tr(" s"),
         86400, 1, false},
        {"lockWaitSeconds", &Thresholds::lockWaitSeconds, tr("Lock wait longer than"), tr(" s"), 86400, 1, false},
        {"replicationLagSeconds", &Thresholds::replicationLagSeconds, tr("Replication lag above"), tr(" s"), 86400, 1,
         false},
        {"poolSaturation", &Thresholds::poolSaturation, tr("Pool saturation above"), tr(" %"), 100, 0, true},
        {"cacheHitRatio", &Thresholds::cacheHitRatio, tr("Cache hit ratio below"), tr(" %"), 100, 1, true},
        {"deadTupleRatio", &Thresholds::deadTupleRatio, tr("Dead rows above"), tr(" %"), 100, 0, true},
    };
    for (const Field &f : fields) {
        auto *spin = new QDoubleSpinBox(box);
        spin->setObjectName(QStringLiteral("threshold_") + QLatin1String(f.name));
        spin->setRange(0, f.maximum);
        spin->setDecimals(f.decimals);
        spin->setSuffix(f.suffix);
        spin->setValue(f.percent ? m_thresholds.*f.member * 100 : m_thresholds.*f.member);
        spin->setKeyboardTracking(false); // applied on Enter or leaving the field, not at each digit
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, member = f.member, ratio = f.percent](double v) {
            m_thresholds.*member = ratio ? v / 100 : v;
            m_thresholds.save();
            applyThresholds();
        });
        form->addRow(f.label, spin);
    }
    return box;
}

void ActivityPane::applyThresholds()
{
    showSessions();
    showLocks();
    showStatements();
    showReplication();
    showPools();
    showHealth();
}

void ActivityPane::measureBloat()
{
    const int row = m_tableHealth->currentRow();
    if (row < 0 || !m_tableHealth->item(row, 0) || m_runner->isBusy())
        return;
    const QString table = m_tableHealth->item(row, 0)->text();
    const pg::ConnectionSettings here = databaseSettings();
    const int generation = m_generation;
    m_bloatNote->setText(tr("Measuring %1…").arg(table));
    m_runner->start<Bloat>(
        tr("Measuring the bloat of %1").arg(table),
        [here, table](TaskContext &ctx) {
            auto conn = pg::Connection::open(here, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Activity::bloat(*conn, table);
        },
        [this, generation, table](const Outcome<Bloat> &r) {
            if (!current(generation))
                return;
            if (!r.ok()) {
                m_bloatNote->setText(r.cancelled() ? tr("Cancelled.")
                                                   : (r.error().message() + QLatin1Char(' ') + r.error().hint()).trimmed());
                return;
            }
            const Bloat &b = r.value();
            m_bloatNote->setText(tr("%1: %2 in all; dead %3 (%4 %), free %5 (%6 %), by pgstattuple.")
                                     .arg(b.table, format::bytes(b.tableBytes), format::bytes(b.deadBytes))
                                     .arg(b.deadPercent, 0, 'f', 1)
                                     .arg(format::bytes(b.freeBytes))
                                     .arg(b.freePercent, 0, 'f', 1));
        });
}

void ActivityPane::loadHealth()
{
    const pg::ConnectionSettings here = databaseSettings();
    const QString database = m_database;
    const int generation = m_generation;
    m_runner->start<HealthLoad>(
        tr("Reading the health of %1").arg(database.isEmpty() ? tr("every database") : database),
        [here, database](TaskContext &ctx) {
            auto conn = pg::Connection::open(here, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            HealthLoad l;
            ctx.progress(0, 5, tr("Databases and tables"));
            l.health = Activity::health(*conn, database.isEmpty() ? QStringList() : QStringList{database});
            l.tablesOf = conn->database();
            // What the findings weigh beside health; one that cannot be read is said, not fatal.
            const auto also = [&l](const QString &what, const std::function<void()> &read) {
                try {
                    read();
                } catch (const Error &e) {
                    if (e.kind() == Error::Kind::Cancelled || e.kind() == Error::Kind::Connection)
                        throw;
                    l.unread << tr("%1 not read: %2").arg(what, e.message());
                }
            };
            ctx.progress(1, 5, tr("Sessions"));
            also(tr("Sessions"), [&] {
                SessionFilter f;
                f.database = database;
                l.sessions = Activity::sessions(*conn, f);
            });
            ctx.progress(2, 5, tr("Locks"));
            also(tr("Locks"), [&] { l.locks = Activity::locks(*conn, database); });
            ctx.progress(3, 5, tr("Statements"));
            also(tr("Statements"), [&] {
                const StatementReport s = Activity::statements(*conn, QStringLiteral("mean"), 50, database);
                if (s.available)
                    l.statements = s;
            });
            ctx.progress(4, 5, tr("Replication"));
            also(tr("Replication"), [&] { l.replication = Activity::replication(*conn); });
            return l;
        },
        [this, generation](const Outcome<HealthLoad> &r) {
            if (!current(generation))
                return;
            if (!r.ok())
                return readFailed(r.error());
            m_healthLoad = r.value();
            showHealth();
            markRefreshed(tr("Health"));
        });
}

void ActivityPane::showHealth()
{
    m_health->setRowCount(0);
    m_tableHealth->setRowCount(0);
    m_findings->clear();
    m_tablesNote->clear();
    if (!m_healthLoad)
        return;
    const HealthLoad &l = *m_healthLoad;
    const QList<TableHealth> *tables = nullptr;
    m_health->setRowCount(int(l.health.size()));
    for (int row = 0; row < l.health.size(); ++row) {
        const DatabaseHealth &d = l.health[row];
        if (!tables && (d.database == l.tablesOf || !d.tables.isEmpty()))
            tables = &d.tables;
        m_health->setItem(row, 0, cell(d.database));
        m_health->setItem(row, 1, cell(format::bytes(d.sizeBytes), double(d.sizeBytes)));
        m_health->setItem(row, 2, cell(d.cacheHitRatio ? percent(*d.cacheHitRatio, 1) : QString(),
                                       d.cacheHitRatio.value_or(-1)));
        QTableWidgetItem *xid = cell(QLocale().toString(d.xidAge), double(d.xidAge));
        xid->setToolTip(tr("%L1 transactions left before the server stops writes to protect against wraparound.")
                            .arg(d.wraparoundDistance));
        m_health->setItem(row, 3, xid);
        m_health->setItem(row, 4, cell(tr("%L1 (%2)").arg(d.tempFiles).arg(format::bytes(d.tempBytes)),
                                       double(d.tempFiles)));
        m_health->setItem(row, 5, cell(QLocale().toString(d.deadlocks), double(d.deadlocks)));
        if (d.cacheHitRatio && *d.cacheHitRatio < m_thresholds.cacheHitRatio)
            mark(m_health, row, tr("Cache hit ratio %1, below the threshold of %2: reads go to disk.")
                                    .arg(percent(*d.cacheHitRatio, 1), percent(m_thresholds.cacheHitRatio, 1)));
    }
    m_health->resizeColumnsToContents();

    m_tablesNote->setText(tables && !tables->isEmpty() ? tr("Tables of %1, the most dead rows first:").arg(l.tablesOf)
                                                       : tr("No table statistics in %1.").arg(l.tablesOf));
    if (tables) {
        m_tableHealth->setRowCount(int(tables->size()));
        for (int row = 0; row < tables->size(); ++row) {
            const TableHealth &t = tables->at(row);
            m_tableHealth->setItem(row, 0, cell(t.schema + QLatin1Char('.') + t.table));
            m_tableHealth->setItem(row, 1, cell(QLocale().toString(t.liveRows), double(t.liveRows)));
            m_tableHealth->setItem(row, 2, cell(QLocale().toString(t.deadRows), double(t.deadRows)));
            const std::optional<double> dead = t.deadRatio();
            m_tableHealth->setItem(row, 3, cell(dead ? percent(*dead, 1) : QString(), dead.value_or(-1)));
            m_tableHealth->setItem(row, 4, cell(when(t.lastVacuum)));
            m_tableHealth->setItem(row, 5, cell(when(t.lastAutovacuum)));
            m_tableHealth->setItem(row, 6, cell(when(t.lastAnalyze)));
            m_tableHealth->setItem(row, 7, cell(when(t.lastAutoanalyze)));
            if (dead && *dead > m_thresholds.deadTupleRatio)
                mark(m_tableHealth, row,
                     tr("%1 of the rows are dead (the statistics' estimate), above the threshold of %2: vacuum is "
                        "behind.")
                         .arg(percent(*dead, 1), percent(m_thresholds.deadTupleRatio, 0)));
        }
        m_tableHealth->resizeColumnsToContents();
    }

    const PoolReport *pools = m_poolReport && m_poolReport->available ? &*m_poolReport : nullptr;
    const QList<Finding> findings =
        Activity::findings(l.health, m_thresholds, l.statements ? &*l.statements : nullptr,
                           l.replication ? &*l.replication : nullptr, pools, l.locks ? &*l.locks : nullptr,
                           l.sessions ? &*l.sessions : nullptr);
    for (const Finding &f : findings) {
        auto *item = new QListWidgetItem(f.value.isEmpty() ? f.what : tr("%1: %2").arg(f.what, f.value), m_findings);
        if (f.level == Finding::Level::Warning) {
            item->setIcon(style::icon(QStringLiteral("dialog-warning")));
            style::setInk(item, models::ink::Meaning::Danger);
            item->setData(Qt::UserRole, true);
        } else {
            style::setInk(item, models::ink::Meaning::Success);
        }
    }
    for (const QString &u : l.unread) {
        auto *item = new QListWidgetItem(u, m_findings);
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
        style::setInk(item, models::ink::Meaning::Muted);
    }
}

} // namespace statescope::gui
