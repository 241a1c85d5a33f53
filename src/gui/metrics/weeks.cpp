// The Metrics pane's weeks: the week shown, its family (over every open server), and
// "Compare weeks", several weeks overlaid from each reset's start or on the calendar.
#include "gui/metrics/metricspane.h"

#include "core/weekly/weeklyname.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QTimeZone>

#include <utility>

namespace statescope::gui {

using namespace statescope::metrics;

namespace {

// Several series of one week (e.g. per endpoint) become one total per bucket, so weeks
// can be overlaid one line each.
Series total(const SeriesSet &set, const QString &name)
{
    QMap<qint64, double> sum;
    for (const Series &s : set.series)
        for (const Point &p : s.points)
            sum[p.t.toMSecsSinceEpoch()] += p.value;
    Series out;
    out.name = name;
    for (auto it = sum.cbegin(); it != sum.cend(); ++it)
        out.points.append({QDateTime::fromMSecsSinceEpoch(it.key(), QTimeZone::utc()), it.value()});
    return out;
}

} // namespace

void MetricsPane::setDatabase(const QString &database, const QStringList &family)
{
    if (database == m_database)
        return;
    m_database = database;
    m_runAfterFamily = false;
    clearResults();
    m_weeks->clear();
    m_familyWeeks.clear();
    for (const QString &db : family) {
        auto *item = new QListWidgetItem(db, m_weeks);
        item->setData(Qt::UserRole, db);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(db == database ? Qt::Checked : Qt::Unchecked);
    }
    m_run->setEnabled(!database.isEmpty() && !m_runner->isBusy());
    loadViews();
}

void MetricsPane::switchWeek(const QString &database, const QStringList &family)
{
    if (database == m_database)
        return;
    // The weeks ticked stay ticked, the week left included, when more than it is ticked
    // (a comparison goes on); a lone tick on the week left moves to the new one.
    QStringList ticked;
    for (int i = 0; i < m_weeks->count(); ++i)
        if (m_weeks->item(i)->checkState() == Qt::Checked)
            ticked << m_weeks->item(i)->data(Qt::UserRole).toString();
    if (ticked == QStringList{m_database})
        ticked.clear();
    const bool shown = !m_shown.series.isEmpty();
    m_keepMetric = true;
    setDatabase(database, family);
    for (int i = 0; i < m_weeks->count(); ++i)
        if (ticked.contains(m_weeks->item(i)->data(Qt::UserRole).toString()))
            m_weeks->item(i)->setCheckState(Qt::Checked);
    m_pendingTicks = ticked; // the family over all servers may come next (setFamily)
    // Shown again as it was: at once when every ticked week is listed, otherwise once the
    // weeks of the other servers are (setFamily), so no week is left out of the chart.
    bool listed = true;
    for (const QString &key : std::as_const(ticked)) {
        bool here = false;
        for (int i = 0; i < m_weeks->count() && !here; ++i)
            here = m_weeks->item(i)->data(Qt::UserRole).toString() == key;
        listed = listed && here;
    }
    m_runAfterFamily = shown && !listed;
    if (shown && listed)
        run();
}

void MetricsPane::setFamily(const weekly::Family &family, const QString &here)
{
    QStringList ticked = m_pendingTicks;
    m_pendingTicks.clear();
    for (int i = 0; i < m_weeks->count(); ++i)
        if (m_weeks->item(i)->checkState() == Qt::Checked)
            ticked << m_weeks->item(i)->data(Qt::UserRole).toString();
    if (ticked.isEmpty())
        ticked << m_database;
    bool elsewhere = false;
    for (const weekly::FamilyWeek &w : family.weeks())
        elsewhere = elsewhere || w.server != here;
    const bool runNow = std::exchange(m_runAfterFamily, false);
    if (!elsewhere) {
        if (runNow)
            run();
        return; // the names this server listed are the whole family
    }
    m_weeks->clear();
    m_familyWeeks.clear();
    for (const weekly::FamilyWeek &w : family.weeks()) {
        if (w.missing)
            continue;
        const QString key = w.server == here ? w.database() : tr("%1 on %2").arg(w.database(), w.server);
        auto *item = new QListWidgetItem(key, m_weeks);
        item->setData(Qt::UserRole, key);
        item->setData(Qt::UserRole + 1, int(m_familyWeeks.size()));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(key) ? Qt::Checked : Qt::Unchecked);
        if (!w.info.problem.isEmpty())
            item->setToolTip(w.info.problem);
        m_familyWeeks.append(w);
    }
    if (runNow)
        run();
}

void MetricsPane::setCompare(const QStringList &databases, Align align)
{
    m_compare->setChecked(!databases.isEmpty());
    for (int i = 0; i < m_weeks->count(); ++i)
        m_weeks->item(i)->setCheckState(databases.contains(m_weeks->item(i)->data(Qt::UserRole).toString())
                                            ? Qt::Checked
                                            : Qt::Unchecked);
    m_align->setCurrentIndex(m_align->findData(int(align)));
}

void MetricsPane::runCompare(const Query &query)
{
    QStringList names;                       // each series' name
    QList<pg::ConnectionSettings> databases; // where each week is read
    for (int i = 0; i < m_weeks->count(); ++i) {
        const QListWidgetItem *item = m_weeks->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        const QVariant at = item->data(Qt::UserRole + 1);
        if (at.isValid() && at.toInt() < m_familyWeeks.size()) {
            const weekly::FamilyWeek &w = m_familyWeeks[at.toInt()];
            databases << w.settings;
            names << (w.database() == item->text() ? w.name.isoWeekString()
                                                   : tr("%1 on %2").arg(w.name.isoWeekString(), w.server));
        } else {
            const QString db = item->data(Qt::UserRole).toString();
            databases << m_server->withDatabase(db);
            const auto weekly = weekly::WeeklyName::parse(db);
            names << (weekly ? weekly->isoWeekString() : db);
        }
    }
    if (databases.isEmpty())
        return m_messages->showMessage(tr("Tick the weeks to compare."));
    const int generation = ++m_generation;
    const Align align = Align(m_align->currentData().toInt());
    Query q = query;
    if (m_bucket->currentData().toString().isEmpty())
        q.bucket = Bucket::Hour;
    m_runner->start<QList<WeekResult>>(
        tr("Comparing %n week(s)", nullptr, int(databases.size())),
        [databases, q, align](TaskContext &ctx) { return compare(databases, q, align, &ctx); },
        [this, generation, align, names](const Outcome<QList<WeekResult>> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                return showError(r.error());
            SeriesSet combined;
            QList<std::pair<QString, QDateTime>> starts;
            QStringList failures;
            for (qsizetype i = 0; i < r.value().size(); ++i) {
                const WeekResult &w = r.value()[i];
                const QString name = names.value(i, w.database);
                if (!w.error.isEmpty()) {
                    failures << QStringLiteral("%1: %2").arg(name, w.error);
                    continue;
                }
                combined.metric = w.set.metric;
                combined.bucket = w.set.bucket;
                combined.series.append(total(w.set, name));
                starts.append({combined.series.last().name,
                               align == Align::Reset ? QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc())
                                                     : w.resetStart});
            }
            display(combined, align == Align::Reset, {}, starts);
            if (!failures.isEmpty())
                m_messages->showError(Error(Error::Kind::Query, tr("Some weeks could not be measured."),
                                            failures.join(QLatin1Char('\n'))));
        });
}

} // namespace statescope::gui
