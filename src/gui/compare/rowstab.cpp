// The Rows tab of "Compare weeks…": one table or one kind of game data matched by its key.
#include "gui/compare/comparedialog.h"

#include "models/ink.h"

#include "core/browse/differencefile.h"
#include "core/json/diff.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/themed.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace statescope::gui {

namespace {

constexpr int kRowsShown = 2000; // the grid is for reading; the export has them all
constexpr int kJsonChangesShown = 4;

QString cell(const std::optional<QByteArray> &v)
{
    return v ? QString::fromUtf8(*v) : QStringLiteral("NULL");
}

bool looksLikeJson(const std::optional<QByteArray> &v)
{
    if (!v)
        return false;
    const QByteArray t = v->trimmed();
    return t.startsWith('{') || t.startsWith('[');
}

// A changed jsonb cell as the keyed JSON diff sees it: "ships[ship_id="S1"].fuel: 10 → 8; …".
// Empty when either side is not a JSON document.
QString jsonChanges(const QByteArray &from, const QByteArray &to, CancelToken &cancel)
{
    const json::Document a = json::Document::parse(from), b = json::Document::parse(to);
    if (!a.isValid() || !b.isValid())
        return {};
    const json::DiffResult diff = json::diff(a, a.root(), b, b.root(), {.keyedArrays = true}, &cancel);
    QStringList parts;
    for (const json::Change &c : diff.changes) {
        if (parts.size() == kJsonChangesShown) {
            parts << CompareDialog::tr("… %n more", nullptr, int(diff.changes.size()) - kJsonChangesShown);
            break;
        }
        const QString path = c.displayPath.isEmpty() ? QStringLiteral("(whole value)") : c.displayPath;
        const QString before = c.before ? a.display(*c.before, 40) : QString();
        const QString after = c.after ? b.display(*c.after, 40) : QString();
        switch (c.op) {
        case json::Change::Op::Add: parts << QStringLiteral("+%1: %2").arg(path, after); break;
        case json::Change::Op::Remove: parts << QStringLiteral("-%1: %2").arg(path, before); break;
        case json::Change::Op::Replace: parts << QStringLiteral("%1: %2 → %3").arg(path, before, after); break;
        }
    }
    return parts.join(QStringLiteral("; "));
}

struct RowsCompared
{
    browse::DataCompare::Plan plan;
    browse::DataCompare::Counts counts;
    std::vector<browse::RowDifference> shown;
    std::vector<std::map<int, QString>> json; // per shown row: changed jsonb column -> its changes
};

struct KindChoice
{
    layout::Kind kind;
    const char *label;
};
const KindChoice kKinds[] = {
    {layout::Kind::Snapshots, QT_TRANSLATE_NOOP("statescope::gui::CompareDialog", "Snapshots, by tick")},
    {layout::Kind::Games, QT_TRANSLATE_NOOP("statescope::gui::CompareDialog", "Games, by id")},
    {layout::Kind::Plays, QT_TRANSLATE_NOOP("statescope::gui::CompareDialog", "Plays, by game and number")},
    {layout::Kind::Saves, QT_TRANSLATE_NOOP("statescope::gui::CompareDialog", "Saves, the newest per player")},
    {layout::Kind::ApiEvents, QT_TRANSLATE_NOOP("statescope::gui::CompareDialog", "API events, the newest per request key")},
};

} // namespace

QWidget *CompareDialog::buildRowsTab()
{
    auto *page = new QWidget(this);
    m_rowsWhat = new QComboBox(page);
    m_rowsWhat->setObjectName(QStringLiteral("rowsWhat"));
    m_rowsWhat->addItem(tr("A table"));
    for (const KindChoice &k : kKinds)
        m_rowsWhat->addItem(tr(k.label), int(k.kind));
    m_table = new QLineEdit(page);
    m_table->setObjectName(QStringLiteral("rowsTableName"));
    m_table->setPlaceholderText(tr("schema.table, e.g. core.games"));
    m_key = new QLineEdit(page);
    m_key->setObjectName(QStringLiteral("rowsKey"));
    m_key->setPlaceholderText(tr("key columns, comma-separated (empty: the primary key)"));
    connect(m_rowsWhat, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_table->setEnabled(index == 0);
        m_key->setPlaceholderText(index == 0 ? tr("key columns, comma-separated (empty: the primary key)")
                                             : tr("key columns, comma-separated (empty: the kind's own key)"));
    });
    m_rows = new QTableWidget(page);
    m_rows->setObjectName(QStringLiteral("rowsDifferences"));
    m_rows->setProperty("dataColumnsFrom", 1); // the change is ours, the key and values the data's
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rowsSummary = new QLabel(page);
    m_rowsSummary->setObjectName(QStringLiteral("rowsSummary"));
    m_rowsSummary->setWordWrap(true);
    m_rowsChange = new QComboBox(page);
    m_rowsChange->setObjectName(QStringLiteral("rowsChange"));
    m_rowsChange->addItem(tr("Every change"), QString());
    m_rowsChange->addItem(tr("Added"), QStringLiteral("added"));
    m_rowsChange->addItem(tr("Removed"), QStringLiteral("removed"));
    m_rowsChange->addItem(tr("Changed"), QStringLiteral("changed"));
    m_rowsFilter = new QLineEdit(page);
    m_rowsFilter->setObjectName(QStringLiteral("rowsFilter"));
    m_rowsFilter->setPlaceholderText(tr("Show rows containing…"));
    m_rowsFilter->setClearButtonEnabled(true);
    const auto refilter = [this] { filterRows(m_rowsChange->currentData().toString(), m_rowsFilter->text()); };
    connect(m_rowsChange, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_rowsFilter, &QLineEdit::textChanged, this, refilter);

    auto *run = new QPushButton(tr("Compare r&ows"), page);
    run->setObjectName(QStringLiteral("compareRows"));
    auto *exportButton = new QPushButton(tr("&Export…"), page);
    exportButton->setToolTip(tr("Every difference (not only those shown), as CSV or JSON lines"));
    connect(run, &QPushButton::clicked, this, [this] {
        QStringList key;
        for (const QString &k : m_key->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            key << k.trimmed();
        if (m_rowsWhat->currentIndex() > 0)
            compareKind(layout::Kind(m_rowsWhat->currentData().toInt()), key);
        else
            compareRows(m_table->text().trimmed(), key);
    });
    connect(m_table, &QLineEdit::returnPressed, run, &QPushButton::click);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString filter;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export differences"), QStringLiteral("differences.csv"),
                                                          tr("CSV (*.csv);;JSON lines (*.jsonl)"), &filter);
        if (path.isEmpty())
            return;
        const bool jsonl = filter.contains(QLatin1String("jsonl"));
        exportRows(jsonl && !path.endsWith(QLatin1String(".jsonl")) ? path + QStringLiteral(".jsonl") : path);
    });
    auto *form = new QFormLayout;
    form->addRow(tr("&Compare:"), m_rowsWhat);
    form->addRow(tr("&Table:"), m_table);
    form->addRow(tr("&Key:"), m_key);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(exportButton);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel(tr("Show:"), page));
    buttons->addWidget(m_rowsChange);
    buttons->addWidget(m_rowsFilter);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_rowsSummary);
    layout->addWidget(m_rows, 1);
    return page;
}

void CompareDialog::compareRows(const QString &table, const QStringList &key)
{
    m_tabs->setCurrentIndex(RowsTab);
    if (table.isEmpty()) {
        m_rows->clear();
        m_rows->setRowCount(0);
        m_rowsSummary->clear();
        setStatus(RowsTab, tr("Name the table to compare (schema.table)."));
        return;
    }
    browse::DataCompare::Options o;
    o.table = table;
    o.key = key;
    runRows(o);
}

void CompareDialog::compareKind(layout::Kind kind, const QStringList &key)
{
    browse::DataCompare::Options o;
    o.kind = kind;
    o.key = key;
    runRows(o);
}

void CompareDialog::runRows(const browse::DataCompare::Options &options)
{
    m_tabs->setCurrentIndex(RowsTab);
    m_rows->clear();
    m_rows->setRowCount(0);
    m_rowsSummary->clear();
    m_rowsOptions = options;
    const weekly::FamilyWeek a = from(), b = to();
    const QString what = options.kind ? QString::fromLatin1(layout::spec(*options.kind).label) : options.table;
    m_jobs->start<RowsCompared>(
        tr("Comparing %1 between %2 and %3").arg(what, a.database(), b.database()),
        [a, b, options](TaskContext &ctx) {
            RowsCompared out;
            out.plan = browse::DataCompare::plan(a.settings, b.settings, options, &ctx.cancelToken());
            out.counts = browse::DataCompare::run(
                out.plan, a.settings, b.settings,
                [&](const browse::RowDifference &d) {
                    if (out.shown.size() >= size_t(kRowsShown))
                        return true;
                    std::map<int, QString> notes;
                    for (int c : d.changed)
                        if (looksLikeJson(d.from[size_t(c)]) && looksLikeJson(d.to[size_t(c)]))
                            if (QString n = jsonChanges(*d.from[size_t(c)], *d.to[size_t(c)], ctx.cancelToken()); !n.isEmpty())
                                notes[c] = n;
                    out.shown.push_back(d);
                    out.json.push_back(std::move(notes));
                    return true;
                },
                ctx.cancelToken());
            return out;
        },
        [this](const Outcome<RowsCompared> &out) {
            if (!out.ok())
                return out.cancelled() ? setStatus(RowsTab, tr("Cancelled.")) : fail(QStringLiteral("rows"), out.error());
            const RowsCompared &r = out.value();
            QStringList header{tr("change")};
            header << r.plan.key << r.plan.columns;
            m_rows->setColumnCount(int(header.size()));
            m_rows->setHorizontalHeaderLabels(header);
            m_rows->setRowCount(int(r.shown.size()));
            for (int row = 0; row < int(r.shown.size()); ++row) {
                const browse::RowDifference &d = r.shown[size_t(row)];
                auto *change = new QTableWidgetItem(changeLabel(browse::RowDifference::typeName(d.type)));
                change->setData(Qt::UserRole, browse::RowDifference::typeName(d.type));
                m_rows->setItem(row, 0, change);
                for (int k = 0; k < int(d.key.size()); ++k)
                    m_rows->setItem(row, 1 + k, new QTableWidgetItem(QString::fromUtf8(d.key[size_t(k)])));
                const int base = 1 + int(r.plan.key.size());
                for (int c = 0; c < int(r.plan.columns.size()); ++c) {
                    const bool changed = std::find(d.changed.begin(), d.changed.end(), c) != d.changed.end();
                    const auto side = [&](const std::vector<std::optional<QByteArray>> &v) {
                        return size_t(c) < v.size() ? cell(v[size_t(c)]) : QString();
                    };
                    QString text = d.type == browse::RowDifference::Type::Added ? side(d.to) : side(d.from);
                    QString tip = text;
                    if (changed) {
                        const auto json = r.json[size_t(row)].find(c);
                        tip = QStringLiteral("%1\n→\n%2").arg(side(d.from).left(2000), side(d.to).left(2000));
                        if (json != r.json[size_t(row)].end()) {
                            text = json->second;
                            tip = json->second + QStringLiteral("\n\n") + tip;
                        } else {
                            text = QStringLiteral("%1 → %2").arg(side(d.from), side(d.to));
                        }
                    }
                    auto *item = new QTableWidgetItem(text.size() > 200 ? text.left(200) + QStringLiteral("…") : text);
                    item->setToolTip(tip.left(4000));
                    if (changed)
                        style::setFill(item, models::ink::Meaning::Changed);
                    m_rows->setItem(row, base + c, item);
                }
            }
            m_rows->resizeColumnsToContents();
            QString summary = tr("%1: %L2 added, %L3 removed, %L4 changed, %L5 the same, matched by %6.")
                                  .arg(r.plan.name)
                                  .arg(r.counts.added)
                                  .arg(r.counts.removed)
                                  .arg(r.counts.changed)
                                  .arg(r.counts.same)
                                  .arg(r.plan.key.join(QStringLiteral(", ")));
            if (!r.plan.missingOn.isEmpty())
                summary += tr(" The table is missing in %1.").arg(r.plan.missingOn == QLatin1String("from") ? from().database() : to().database());
            if (!(r.plan.onlyFrom + r.plan.onlyTo).isEmpty())
                summary += tr(" Not compared (on one side only): %1.").arg((r.plan.onlyFrom + r.plan.onlyTo).join(QStringLiteral(", ")));
            QString rule = r.plan.valuesRule();
            if (!rule.isEmpty())
                rule[0] = rule[0].toUpper();
            summary += QStringLiteral(" %1.").arg(rule);
            if (r.counts.differences() > qint64(r.shown.size()))
                summary += tr(" The first %L1 differences are shown; Export writes them all.").arg(r.shown.size());
            m_rowsSummary->setText(summary);
            setStatus(RowsTab, QString()); // the summary above the rows says it
            filterRows(m_rowsChange->currentData().toString(), m_rowsFilter->text());
            emit finished(QStringLiteral("rows"));
        });
}

void CompareDialog::filterRows(const QString &change, const QString &text)
{
    if (m_rowsChange->currentData().toString() != change)
        m_rowsChange->setCurrentIndex(std::max(0, m_rowsChange->findData(change)));
    if (m_rowsFilter->text() != text)
        m_rowsFilter->setText(text);
    for (int row = 0; row < m_rows->rowCount(); ++row) {
        bool show = change.isEmpty() || (m_rows->item(row, 0) && m_rows->item(row, 0)->data(Qt::UserRole).toString() == change);
        if (show && !text.isEmpty()) {
            bool found = false;
            for (int c = 1; c < m_rows->columnCount() && !found; ++c)
                if (const QTableWidgetItem *item = m_rows->item(row, c))
                    found = item->text().contains(text, Qt::CaseInsensitive)
                            || item->toolTip().contains(text, Qt::CaseInsensitive);
            show = found;
        }
        m_rows->setRowHidden(row, !show);
    }
}

int CompareDialog::visibleRows() const
{
    int n = 0;
    for (int row = 0; row < m_rows->rowCount(); ++row)
        n += !m_rows->isRowHidden(row);
    return n;
}

void CompareDialog::exportRows(const QString &path)
{
    if (!m_rowsOptions) {
        setStatus(RowsTab, tr("Compare rows first."));
        return;
    }
    const weekly::FamilyWeek a = from(), b = to();
    const browse::DataCompare::Options options = *m_rowsOptions;
    m_jobs->start<qint64>(
        tr("Exporting the differences"),
        [a, b, options, path](TaskContext &ctx) {
            const browse::DataCompare::Plan plan = browse::DataCompare::plan(a.settings, b.settings, options, &ctx.cancelToken());
            // Into FILE.partial, renamed at the end: a cancelled or failed export leaves no file.
            browse::DifferenceFile file(path, browse::DifferenceFile::formatFor(path), plan);
            browse::DataCompare::run(
                plan, a.settings, b.settings,
                [&](const browse::RowDifference &d) {
                    if (!file.write(d))
                        throw Error(Error::Kind::Environment, tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
                    return true;
                },
                ctx.cancelToken());
            file.commit();
            return file.written();
        },
        [this, path](const Outcome<qint64> &out) {
            if (!out.ok())
                return out.cancelled() ? setStatus(RowsTab, tr("Export cancelled; no file was left."))
                                       : fail(QStringLiteral("export"), out.error());
            setStatus(RowsTab, tr("Exported %L1 differences to %2.").arg(out.value()).arg(QDir::toNativeSeparators(path)));
            emit finished(QStringLiteral("export"));
        });
}

} // namespace statescope::gui
