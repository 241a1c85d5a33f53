// The Shards pane's reading: merged pages of one table, summed counts, a statement on each
// shard, rows placed on the wrong shard.
#include "gui/shards/shardspane.h"

#include "models/ink.h"

#include "core/browse/familyquery.h"
#include "core/browse/schema.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/themed.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using browse::Filter;

namespace {
constexpr int kPageRows = 200;

bool same(const QList<Filter> &a, const QList<Filter> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].column != b[i].column || a[i].op != b[i].op || a[i].value != b[i].value)
            return false;
    return true;
}

struct Checked
{
    QList<shard::Misplaced> misplaced;
    QList<shard::Down> down;
};
} // namespace

void ShardsPane::stopReading()
{
    ++m_generation;
    m_jobs->cancel();
    // What the stopped task would have put right when it ended.
    if (m_placementSummary->text() == tr("Checking every shard…"))
        m_placementSummary->clear();
    m_count->clear();
}

void ShardsPane::openGameData(int view)
{
    if (view < 0 || view >= m_views.size())
        return;
    const GameData &v = m_views.at(view);
    QList<Filter> filters;
    const QString player = m_player->text().trimmed();
    if (!player.isEmpty() && !v.playerColumn.isEmpty())
        filters << Filter{v.playerColumn, Filter::Op::Equals, player};
    openTable(v.relation, v.timeIndexed ? browse::Order{v.timeColumn, true} : browse::Order{}, filters);
    {
        const QSignalBlocker block(m_viewBox);
        m_viewBox->setCurrentIndex(view);
    }
    if (!v.timeIndexed && !v.timeColumn.isEmpty())
        m_banner->showMessage(tr("%1 has no index on %2 on every shard, so its rows are merged by its key, not newest "
                                 "first.")
                                  .arg(v.relation, v.timeColumn),
                              v.relation);
}

void ShardsPane::openTable(const QString &qualified, const browse::Order &order, const QList<Filter> &filters)
{
    const auto name = browse::parseQualifiedName(qualified);
    if (!m_reader || m_set.members.isEmpty() || !name) {
        m_banner->showWarning(tr("Open a shard set and choose one of its tables first."));
        return;
    }
    stopReading();
    m_schema = name->first;
    m_table = name->second;
    m_filters = filters;
    m_order = order;
    m_goodFilters.clear(); // the plain table is where a refused filter or order goes back to
    m_goodOrder = {};
    {
        const QSignalBlocker block(m_viewBox);
        m_viewBox->setCurrentIndex(-1);
    }
    m_columns.clear();
    m_filterColumn->clear();
    {
        const QSignalBlocker block(m_tableBox);
        m_tableBox->setCurrentIndex(m_tableBox->findText(qualified));
    }
    rebuildFilterText();
    m_cursor = {};
    m_atEnd = false;
    m_rows->clear();
    m_grid->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    loadMore();
    countRows(false);
}

void ShardsPane::addFilterFromRow()
{
    if (m_filterColumn->currentText().isEmpty())
        return;
    addFilter({m_filterColumn->currentText(), Filter::Op(m_filterOp->currentData().toInt()), m_filterValue->text()});
}

void ShardsPane::addFilter(const Filter &filter)
{
    if (m_table.isEmpty())
        return;
    m_filters << filter;
    m_filterValue->clear();
    rebuildFilterText();
    m_cursor = {};
    m_atEnd = false;
    stopReading();
    m_rows->removeRows(0, m_rows->rowCount());
    loadMore();
    countRows(false);
}

void ShardsPane::clearFilters()
{
    if (m_filters.isEmpty())
        return;
    m_filters.clear();
    rebuildFilterText();
    if (!m_table.isEmpty())
        openTable(m_schema + QLatin1Char('.') + m_table);
}

void ShardsPane::sortBy(const QString &column, bool descending)
{
    if (m_table.isEmpty())
        return;
    m_order = {column, descending};
    m_cursor = {};
    m_atEnd = false;
    stopReading();
    m_rows->removeRows(0, m_rows->rowCount());
    const int section = int(m_columns.indexOf(column)) + 1;
    m_grid->horizontalHeader()->setSortIndicator(section, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    loadMore();
    countRows(false);
}

void ShardsPane::rebuildFilterText()
{
    QStringList parts;
    for (const Filter &f : std::as_const(m_filters))
        parts << (f.op == Filter::Op::IsNull || f.op == Filter::Op::IsNotNull
                      ? QStringLiteral("%1 %2").arg(f.column, Filter::opText(f.op))
                      : QStringLiteral("%1 %2 %3").arg(f.column, Filter::opText(f.op), f.value));
    m_filterText->setText(parts.isEmpty() ? tr("No filter") : tr("Filters: %1").arg(parts.join(tr(" and "))));
}

void ShardsPane::loadMore()
{
    if (!m_reader || m_table.isEmpty() || m_atEnd)
        return;
    auto reader = m_reader;
    const QString schema = m_schema, table = m_table;
    const QList<Filter> filters = m_filters;
    const browse::Order order = m_order;
    const shard::Cursor from = m_cursor;
    const quint64 generation = m_generation;
    m_more->setEnabled(false);
    m_jobs->start<shard::Page>(
        tr("Reading %1.%2 on every shard").arg(schema, table),
        [=](TaskContext &ctx) { return reader->page(schema, table, filters, order, from, kPageRows, ctx.cancelToken()); },
        [this, generation](const Outcome<shard::Page> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                m_atEnd = true;
                if (out.cancelled())
                    return;
                m_banner->showError(out.error(), m_schema + QLatin1Char('.') + m_table);
                emit failed(out.error().message());
                // A filter or sort the shards refuse is taken back (the first page read again
                // without it), so the grid and the chips keep saying what is shown.
                const auto kind = out.error().kind();
                if (m_rows->rowCount() == 0 && (kind == Error::Kind::InvalidInput || kind == Error::Kind::Conflict)
                    && (!same(m_filters, m_goodFilters) || m_order.column != m_goodOrder.column
                        || m_order.descending != m_goodOrder.descending)) {
                    m_filters = m_goodFilters;
                    m_order = m_goodOrder;
                    rebuildFilterText();
                    m_grid->horizontalHeader()->setSortIndicator(
                        m_order.column.isEmpty() ? -1 : int(m_columns.indexOf(m_order.column)) + 1,
                        m_order.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
                    m_cursor = {};
                    m_atEnd = false;
                    loadMore();
                    countRows(false);
                }
                return;
            }
            if (m_rows->rowCount() == 0) { // a first page: what a refused filter goes back to
                m_goodFilters = m_filters;
                m_goodOrder = m_order;
            }
            const shard::Page &page = out.value();
            if (m_columns.isEmpty() && !page.columns.isEmpty()) {
                m_columns = page.columns;
                QStringList header{tr("shard")};
                header << m_columns;
                m_rows->setHorizontalHeaderLabels(header);
                m_filterColumn->clear();
                m_filterColumn->addItems(m_columns);
                if (!m_order.column.isEmpty())
                    m_grid->horizontalHeader()->setSortIndicator(int(m_columns.indexOf(m_order.column)) + 1,
                                                                 m_order.descending ? Qt::DescendingOrder
                                                                                    : Qt::AscendingOrder);
            }
            for (int r = 0; r < page.rows.size(); ++r) {
                const browse::Row &row = page.rows.at(r);
                QList<QStandardItem *> items;
                const int member = page.member.value(r, -1);
                items << new QStandardItem(shardLabel(member));
                for (size_t c = 0; c < row.cells.size(); ++c) {
                    auto *item = new QStandardItem;
                    if (row.cells[c]) {
                        item->setText(QString::fromUtf8(*row.cells[c]));
                    } else {
                        item->setText(QStringLiteral("NULL"));
                        style::setInk(item, models::ink::Meaning::Muted);
                    }
                    items << item;
                }
                m_rows->appendRow(items);
            }
            m_cursor = page.next;
            m_atEnd = page.atEnd;
            m_more->setEnabled(!m_atEnd);
            m_more->setText(m_atEnd ? tr("All rows shown") : tr("&More rows"));
            if (page.asked.size() == 1 && m_set.members.size() > 1)
                m_route->setText(tr("Read from %1 only: the rule places what the filter names there.")
                                     .arg(shardLabel(page.asked.first())));
            else
                m_route->setText(tr("Every shard read; rows merged by %1.")
                                     .arg(m_order.column.isEmpty() ? tr("the key") : m_order.column));
            showDown(page.down, tr("this page holds the other shards' rows only"));
            if (m_rows->rowCount() == page.rows.size())
                m_grid->resizeColumnsToContents();
            emit pageShown(m_rows->rowCount(), m_atEnd);
        });
}

void ShardsPane::countRows(bool exact)
{
    if (!m_reader || m_table.isEmpty())
        return;
    auto reader = m_reader;
    const QString schema = m_schema, table = m_table;
    const QList<Filter> filters = m_filters;
    const quint64 generation = m_generation;
    m_count->setText(exact ? tr("counting on every shard…") : QString());
    m_jobs->start<shard::Count>(
        exact ? tr("Counting %1.%2 on every shard").arg(schema, table) : tr("Estimating %1.%2").arg(schema, table),
        [=](TaskContext &ctx) { return reader->count(schema, table, filters, exact, ctx.cancelToken()); },
        [this, generation](const Outcome<shard::Count> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                m_count->clear();
                if (!out.cancelled())
                    m_banner->showError(out.error(), m_schema + QLatin1Char('.') + m_table);
                return;
            }
            const shard::Count &c = out.value();
            QString text = c.exact ? tr("%L1 rows (summed over the shards)").arg(c.rows)
                                   : tr("≈ %L1 rows (the shards' estimates, summed)").arg(c.rows);
            if (!c.down.isEmpty())
                text += tr(", %n shard(s) missing", nullptr, int(c.down.size()));
            QStringList per;
            for (int i = 0; i < c.perMember.size(); ++i)
                per << tr("%1: %2").arg(shardLabel(i),
                                         c.perMember.at(i) < 0 ? tr("did not answer") : QLocale().toString(c.perMember.at(i)));
            m_count->setText(text);
            m_count->setToolTip(per.join(QLatin1Char('\n')));
            showDown(c.down, tr("the count holds the other shards' rows only"));
            emit counted(c.rows, c.exact);
        });
}

void ShardsPane::runSql(const QString &sql)
{
    if (m_set.members.isEmpty()) {
        m_banner->showWarning(tr("Open a shard set first."));
        return;
    }
    browse::FamilyQuery::Options options;
    options.parallelism = std::clamp(int(m_set.members.size()), 1, 8);
    try {
        browse::FamilyQuery::check(sql, options);
    } catch (const Error &e) {
        m_banner->showError(e, tr("SQL"));
        emit failed(e.message());
        return;
    }
    shard::ShardSet set = m_set;
    fillPasswords(set);
    QList<browse::FamilyQuery::Target> targets;
    for (int i = 0; i < set.members.size(); ++i) {
        const shard::Member &m = set.members.at(i);
        targets.append({shardLabel(i), m.settings.database(), m.settings.value(QStringLiteral("host")), m.settings, {}});
    }
    delete m_sqlView;
    m_sqlView = new FamilyRunView(targets, sql, options, this);
    m_sqlView->setObjectName(QStringLiteral("shardSqlView"));
    m_sqlHolder->addWidget(m_sqlView);
    m_banner->clearFor(tr("SQL"));
    m_sqlView->start();
}

void ShardsPane::checkPlacement()
{
    if (!m_reader || m_set.members.isEmpty()) {
        m_banner->showWarning(tr("Open a shard set first."));
        return;
    }
    auto reader = m_reader;
    const quint64 generation = m_generation;
    m_placement->setRowCount(0);
    m_placementSummary->setText(tr("Checking every shard…"));
    m_jobs->start<Checked>(
        tr("Checking where the rows are"),
        [reader](TaskContext &ctx) {
            Checked out;
            out.misplaced = reader->check(&ctx);
            out.down = reader->down();
            return out;
        },
        [this, generation](const Outcome<Checked> &out) {
            if (generation != m_generation)
                return;
            if (!out.ok()) {
                m_placementSummary->clear();
                if (!out.cancelled())
                    m_banner->showError(out.error(), m_setName);
                return;
            }
            const auto &list = out.value().misplaced;
            const auto label = [this](int member) {
                return member < 0 ? tr("no shard") : shardLabel(member);
            };
            m_placement->setRowCount(int(list.size()));
            qint64 rows = 0;
            for (int i = 0; i < list.size(); ++i) {
                const shard::Misplaced &m = list.at(i);
                rows += m.rows;
                const QStringList cells{label(m.member), m.table,
                                        m.value < 0 ? QStringLiteral("NULL") : QString::number(m.value),
                                        label(m.owner), QLocale().toString(m.rows)};
                for (int c = 0; c < cells.size(); ++c)
                    m_placement->setItem(i, c, new QTableWidgetItem(cells.at(c)));
            }
            m_placement->resizeColumnsToContents();
            m_placementSummary->setText(list.isEmpty() ? tr("Every row is on the shard its rule value names.")
                                                       : tr("%L1 row(s) are on a shard the rule does not place them on.")
                                                             .arg(rows));
            showDown(out.value().down, tr("their rows were not checked"));
            emit placementChecked(int(list.size()));
        });
}

} // namespace statescope::gui
