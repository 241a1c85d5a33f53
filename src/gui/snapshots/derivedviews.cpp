// The Snapshots pane's derived views: the state's arrays of objects as tables, the diff of
// two snapshots and a value tracked over ticks.
#include "core/pg/connection.h"

#include "models/ink.h"
#include "core/snapshots/statediff.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/widgets/themed.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace statescope::gui {

using namespace statescope::snapshots;

namespace {

QStandardItem *tableItem(const QString &text, const QVariant &sortValue = {})
{
    auto *it = new QStandardItem(text);
    it->setEditable(false);
    if (sortValue.isValid())
        it->setData(sortValue, Qt::UserRole + 2);
    return it;
}

// A cell of an extracted table: scalars as text, nested values as their compact JSON.
QStandardItem *cell(const json::Document &doc, json::Value v)
{
    switch (v.kind) {
    case json::Kind::String:
        return tableItem(doc.string(v), doc.string(v));
    case json::Kind::Number: {
        const QString text = doc.string(v);
        bool ok = false;
        const double d = text.toDouble(&ok);
        auto *it = tableItem(text, ok ? QVariant(d) : QVariant(text));
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return it;
    }
    case json::Kind::Null:
        return tableItem(QStringLiteral("null"));
    default: {
        QString text = QString::fromUtf8(doc.raw(v));
        if (text.size() > 300)
            text = text.left(300) + QChar(0x2026);
        return tableItem(text, text);
    }
    }
}

// The top-level arrays whose elements are all objects: the tables a state holds.
constexpr int kMaxTableRows = 50000;

} // namespace

QWidget *SnapshotsPane::buildDiffTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("The selected snapshot against the one before it by tick; with two "
                               "selected, those two (older first). Ships and other arrays of "
                               "objects are matched by their id, so reordering is no change."),
                            page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_diff = new DiffView(page);
    m_diff->setObjectName(QStringLiteral("snapshotDiff"));
    layout->addWidget(m_diff, 1);
    return page;
}

bool SnapshotsPane::diffSelected()
{
    if (!m_db)
        return false;
    QList<SnapshotInfo> pair = selectedSnapshots();
    if (pair.size() != 2) {
        const auto current = currentSnapshot();
        if (!current)
            return false;
        const qsizetype at =
            std::find_if(m_snapshots.cbegin(), m_snapshots.cend(),
                         [&](const SnapshotInfo &s) { return s.id == current->id; }) -
            m_snapshots.cbegin();
        if (at <= 0 || at >= m_snapshots.size()) {
            m_errors->showMessage(tr("Tick %1 is the first snapshot: select another one to compare "
                                     "it with.")
                                      .arg(current->tick));
            return false;
        }
        pair = {m_snapshots.at(at - 1), *current};
    }
    const SnapshotInfo from = pair.at(0), to = pair.at(1);
    m_tabs->setCurrentWidget(m_diff->parentWidget());
    if (m_diffPair == qMakePair(from.id, to.id))
        return true; // already shown, or on its way
    m_diffPair = qMakePair(from.id, to.id);
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<StateDiff>(
        tr("Reading ticks %1 and %2").arg(from.tick).arg(to.tick),
        [db, from, to](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const SnapshotStore store(*conn);
            const QByteArray a = store.state(from.id);
            ctx.throwIfCancelled();
            const QByteArray b = store.state(to.id);
            ctx.throwIfCancelled();
            // Keyed: the second state comes back with its keyed arrays in the first's
            // order, so the view's diff shows no reordering.
            return diffStates(a, b, true);
        },
        [this, from, to, generation](const Outcome<StateDiff> &r) {
            if (generation != m_generation || m_diffPair != qMakePair(from.id, to.id))
                return;
            if (!r.ok()) {
                m_diffPair = {-1, -1};
                return showError(r.error());
            }
            json::DiffOptions options;
            options.keyedArrays = true;
            m_diff->setDocuments(r.value().from, tr("tick %1").arg(from.tick), r.value().to,
                                 tr("tick %1").arg(to.tick), options);
        });
    return true;
}

QWidget *SnapshotsPane::buildTrackTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_trackPath = new QLineEdit(page);
    m_trackPath->setObjectName(QStringLiteral("trackPath"));
    m_trackPath->setPlaceholderText(
        tr("/ships/0/fuel, ships.0.fuel or $.ships[*] ? (@.ship_id == \"S1\").fuel"));
    m_trackPath->setToolTip(
        tr("A JSON Pointer or a dotted path follows array positions; an SQL/JSON path ($…) is "
           "evaluated by the server and can follow one element by its key. In the State tree, "
           "right-click a value and choose \"Track this value\" or \"Track this element by "
           "its key\"."));
    m_trackPath->setClearButtonEnabled(true);
    auto *go = new QPushButton(tr("Track"), page);
    go->setObjectName(QStringLiteral("trackButton"));
    connect(go, &QPushButton::clicked, this, &SnapshotsPane::track);
    connect(m_trackPath, &QLineEdit::returnPressed, this, &SnapshotsPane::track);
    bar->addWidget(new QLabel(tr("Path:"), page));
    bar->addWidget(m_trackPath, 1);
    bar->addWidget(go);
    layout->addLayout(bar);
    m_trackNote = new QLabel(page);
    m_trackNote->setObjectName(QStringLiteral("trackNote"));
    m_trackNote->setWordWrap(true);
    layout->addWidget(m_trackNote);

    auto *split = new QSplitter(Qt::Horizontal, page);
    m_trackModel = new QStandardItemModel(this);
    m_trackModel->setHorizontalHeaderLabels({tr("Tick"), tr("Game time (UTC)"), tr("Value")});
    m_trackTable = new QTableView(split);
    m_trackTable->setObjectName(QStringLiteral("trackTable"));
    m_trackTable->setModel(m_trackModel);
    m_trackTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_trackTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_trackTable->verticalHeader()->setVisible(false);
    m_trackTable->horizontalHeader()->setStretchLastSection(true);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    // In the look's colours, as the other charts: a white box in the dark look otherwise.
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_trackChart = new QChartView(chart, split);
    m_trackChart->setObjectName(QStringLiteral("trackChart"));
    // The chart's colours are the palette's of the moment it was drawn: drawn again on a switch.
    style::onThemeChange(m_trackChart, [this] {
        const QPalette p = QApplication::palette();
        QChart *c = m_trackChart->chart();
        c->setBackgroundBrush(p.color(QPalette::Base));
        c->setTitleBrush(m_trackModel->rowCount() == 0 ? models::ink::text(models::ink::Meaning::Muted, p.color(QPalette::Base))
                                                       : p.color(QPalette::Text));
        const QColor base = p.color(QPalette::Base), ink = p.color(QPalette::Text);
        for (QAbstractAxis *axis : c->axes()) {
            axis->setLabelsColor(ink);
            axis->setTitleBrush(ink);
            axis->setGridLineColor(QColor::fromRgbF(base.redF() * 0.8f + ink.redF() * 0.2f, base.greenF() * 0.8f + ink.greenF() * 0.2f,
                                                    base.blueF() * 0.8f + ink.blueF() * 0.2f));
        }
    });
    m_trackChart->setRenderHint(QPainter::Antialiasing);
    // A chart people can read from the first moment: never squeezed into a strip.
    // Least sizes that leave the snapshot list beside the tabs its room (they set the
    // least width of every tab).
    m_trackChart->setMinimumSize(280, 240);
    m_trackTable->setMinimumWidth(200);
    split->addWidget(m_trackTable);
    split->addWidget(m_trackChart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({340, 560});
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    return page;
}

void SnapshotsPane::track()
{
    if (!m_db)
        return;
    const QString text = m_trackPath->text().trimmed();
    const auto path = TrackPath::parse(text);
    if (!path) {
        m_trackNote->setText(tr("\"%1\" is not a path: write a JSON Pointer (/ships/0/fuel), a "
                                "dotted path (ships.0.fuel) or an SQL/JSON path ($.ships[0].fuel).")
                                 .arg(text));
        return;
    }
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    const TrackPath p = *path;
    m_jobs->start<QList<TrackPoint>>(
        tr("Tracking %1").arg(text),
        [db, p](TaskContext &ctx) {
            auto conn =
                pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return SnapshotStore(*conn).track(p);
        },
        [this, generation, text](const Outcome<QList<TrackPoint>> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok())
                return showError(r.error());
            showTrack(r.value(), text);
        });
}

void SnapshotsPane::showTrack(const QList<TrackPoint> &points, const QString &path)
{
    m_trackModel->removeRows(0, m_trackModel->rowCount());
    QChart *chart = m_trackChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis), delete axis;

    auto *series = new QLineSeries;
    int present = 0;
    for (const TrackPoint &p : points) {
        auto *value =
            new QStandardItem(p.value.present ? QString::fromUtf8(p.value.text) : tr("(absent)"));
        if (!p.value.present)
            style::setInk(value, models::ink::Meaning::Muted);
        else
            ++present;
        if (p.number) {
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (std::isfinite(*p.number))
                series->append(double(p.tick), *p.number);
        }
        auto *tick = new QStandardItem(QString::number(p.tick));
        tick->setData(p.id, IdRole);
        m_trackModel->appendRow(
            {tick,
             new QStandardItem(p.gameTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
             value});
    }
    m_trackTable->resizeColumnsToContents();
    m_trackNote->setText(
        tr("%1: present in %2 of %n snapshot(s), %3 numeric.", nullptr, int(points.size()))
            .arg(path)
            .arg(present)
            .arg(series->count()));
    if (path.isEmpty()) { // nothing tracked (a database just opened): what the chart is for
        chart->setTitle(tr("Track a path to draw its values."));
        chart->setTitleBrush(models::ink::text(models::ink::Meaning::Muted, palette().color(QPalette::Base)));
    } else {
        chart->setTitle(path);
        chart->setTitleBrush(palette().color(QPalette::Text));
    }
    if (series->count() == 0) {
        delete series;
    } else {
        series->setName(path);
        series->setPointsVisible(series->count() <= 60);
        chart->addSeries(series);
        auto *x = new QValueAxis;
        x->setTitleText(tr("tick"));
        x->setLabelFormat(QStringLiteral("%d"));
        auto *y = new QValueAxis;
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        // Grid lines a fifth of the way from the background to the text: seen, never louder
        // than the line.
        const QColor base = palette().color(QPalette::Base), ink = palette().color(QPalette::Text);
        const QColor grid = QColor::fromRgbF(base.redF() * 0.8f + ink.redF() * 0.2f, base.greenF() * 0.8f + ink.greenF() * 0.2f,
                                             base.blueF() * 0.8f + ink.blueF() * 0.2f);
        for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
            axis->setLabelsColor(palette().color(QPalette::Text));
            axis->setTitleBrush(palette().color(QPalette::Text));
            axis->setGridLineColor(grid);
        }
        double lo = series->at(0).y(), hi = lo;
        for (const QPointF &pt : series->points())
            lo = std::min(lo, pt.y()), hi = std::max(hi, pt.y());
        const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(1.0, std::abs(hi) * 0.05);
        y->setRange(lo - pad, hi + pad);
        y->applyNiceNumbers();
        x->setRange(series->at(0).x(), series->at(series->count() - 1).x());
    }
    emit tracked(int(points.size()));
}

void SnapshotsPane::showTables(const json::Document &doc)
{
    while (m_tables->count() > 0) {
        QWidget *page = m_tables->widget(0);
        m_tables->removeTab(0);
        page->deleteLater();
    }
    if (!doc.isValid() || doc.root().kind != json::Kind::Object)
        return;
    json::Member member;
    for (auto top = doc.children(doc.root()); top.next(member);) {
        if (member.value.kind != json::Kind::Array)
            continue;
        const std::vector<json::Member> elements = doc.childList(member.value, kMaxTableRows);
        if (elements.empty() ||
            !std::all_of(elements.begin(), elements.end(),
                         [](const json::Member &m) { return m.value.kind == json::Kind::Object; }))
            continue;
        // Columns: the union of keys, in order of first appearance.
        QStringList columns;
        std::vector<std::vector<json::Member>> fields;
        fields.reserve(elements.size());
        for (const json::Member &element : elements) {
            fields.push_back(doc.childList(element.value));
            for (const json::Member &f : fields.back()) {
                const QString key = doc.string(f.key);
                if (!columns.contains(key))
                    columns << key;
            }
        }
        // jsonb stores keys shortest first; the identifying key leads, as the diff matches on it.
        for (const QString &key : json::DiffOptions{}.identityKeys)
            if (columns.contains(key)) {
                columns.move(columns.indexOf(key), 0);
                break;
            }
        const QString name = doc.string(member.key);
        auto *model = new QStandardItemModel(int(elements.size()), int(columns.size()), m_tables);
        model->setHorizontalHeaderLabels(columns);
        for (int row = 0; row < int(fields.size()); ++row)
            for (const json::Member &f : fields[row])
                model->setItem(row, int(columns.indexOf(doc.string(f.key))), cell(doc, f.value));
        auto *proxy = new QSortFilterProxyModel(model);
        proxy->setSourceModel(model);
        proxy->setSortRole(Qt::UserRole + 2);
        auto *view = new QTableView(m_tables);
        view->setObjectName(QStringLiteral("stateTable_%1").arg(name));
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->sortByColumn(-1, Qt::AscendingOrder); // document order until a header is clicked
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        view->resizeColumnsToContents();
        const bool cut = qsizetype(elements.size()) == kMaxTableRows &&
                         doc.childCount(member.value) > kMaxTableRows;
        m_tables->addTab(view, cut ? tr("%1 (first %2)").arg(name).arg(kMaxTableRows)
                                   : tr("%1 (%2)").arg(name).arg(elements.size()));
    }
}

} // namespace statescope::gui
