#include "gui/tables/tablespane.h"

#include "core/format.h"
#include "core/json/document.h"
#include "core/partialfile.h"
#include "core/pg/connection.h"
#include "core/timestamp.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/jsonview.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/style.h"
#include "gui/widgets/tablewidgets.h"
#include "models/relationkind.h"
#include "models/rowgridmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <limits>
#include <set>

namespace statescope::gui {

using browse::Filter;
using models::RowGridModel;

TablesPane::TablesPane(QWidget *parent)
    : QWidget(parent), m_model(new RowGridModel(this)), m_title(new QLabel(this)),
      m_count(new QLabel(this)), m_countButton(new QPushButton(tr("Count exactly"), this)),
      m_column(new QComboBox(this)), m_op(new QComboBox(this)), m_value(new QLineEdit(this)),
      m_chips(new QHBoxLayout), m_tabs(new QTabWidget(this)), m_grid(new QTableView(this)),
      m_json(new JsonView(this)), m_details(new QTextBrowser(this)), m_ddl(new QPlainTextEdit(this)),
      m_banner(new Banner(this)), m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this))
{
    setObjectName(QStringLiteral("tablesPane"));
    m_title->setObjectName(QStringLiteral("tableTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("tableCount"));
    m_countButton->setObjectName(QStringLiteral("tableCountExactly"));
    m_countButton->setToolTip(tr("Count the matching rows on the server (click again to cancel)"));

    // Filters: column, operator, value; each applied filter is a chip that removes itself.
    m_column->setObjectName(QStringLiteral("filterColumn"));
    m_op->setObjectName(QStringLiteral("filterOp"));
    addFilterOps(m_op);
    m_value->setObjectName(QStringLiteral("filterValue"));
    m_value->setPlaceholderText(tr("value, compared as the column's type"));
    m_value->setClearButtonEnabled(true);
    auto *add = new QPushButton(style::icon(QStringLiteral("view-filter")), tr("Filter"), this);
    add->setObjectName(QStringLiteral("addFilter"));
    add->setToolTip(tr("Add this condition (Enter in the value)"));
    connect(add, &QPushButton::clicked, this, &TablesPane::addFilter);
    connect(m_value, &QLineEdit::returnPressed, this, &TablesPane::addFilter);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportRows"));
    exportButton->setText(tr("Export"));
    exportButton->setIcon(style::icon(QStringLiteral("document-save-as")));
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    auto exportAs = [this](bool json) {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export rows"), m_name + (json ? QStringLiteral(".jsonl") : QStringLiteral(".csv")),
            json ? tr("JSON Lines (*.jsonl)") : tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTo(path, json);
    };
    menu->addAction(tr("Filtered rows as CSV…"), this, [exportAs] { exportAs(false); });
    menu->addAction(tr("Filtered rows as JSON Lines…"), this, [exportAs] { exportAs(true); });
    exportButton->setMenu(menu);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_column);
    filterRow->addWidget(m_op);
    filterRow->addWidget(m_value, 1);
    filterRow->addWidget(add);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_count);
    filterRow->addWidget(m_countButton);
    filterRow->addWidget(exportButton);
    m_chips->setContentsMargins(0, 0, 0, 0);
    m_chips->addStretch(1);

    m_grid->setObjectName(QStringLiteral("tableGrid"));
    m_grid->setModel(m_model);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_grid->horizontalHeader()->setSectionsClickable(true);
    m_grid->horizontalHeader()->setSortIndicatorShown(true);
    style::uniformRows(m_grid);
    // Columns as wide as the first rows ask (small integers narrow, so more columns are in
    // sight), not one width for all.
    fitColumnsOnNewRows(m_grid);
    connect(m_grid->horizontalHeader(), &QHeaderView::sectionClicked, this, &TablesPane::sortBy);
    connect(m_grid, &QWidget::customContextMenuRequested, this, &TablesPane::showMenu);
    auto *copy = new QShortcut(QKeySequence::Copy, m_grid, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this,
            [this] { QApplication::clipboard()->setText(copyText(QStringLiteral("tsv"))); });

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_grid);
    split->addWidget(m_json);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({800, 360});
    m_json->setObjectName(QStringLiteral("cellJson"));
    m_json->clear();

    m_details->setObjectName(QStringLiteral("relationDetails"));
    m_details->setOpenLinks(false);
    m_ddl->setObjectName(QStringLiteral("relationDdl"));
    m_ddl->setReadOnly(true);
    m_ddl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *detailsPage = new QSplitter(Qt::Vertical, this);
    detailsPage->addWidget(m_details);
    detailsPage->addWidget(m_ddl);
    m_tabs->setObjectName(QStringLiteral("tableTabs"));
    m_tabs->addTab(split, tr("Rows"));
    m_tabs->addTab(detailsPage, tr("Details"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_title);
    layout->addLayout(filterRow);
    // The filter chips, and "view as player" where the database has row-level security.
    auto *chipsRow = new QHBoxLayout;
    chipsRow->addLayout(m_chips, 1);
    buildViewAs(chipsRow);
    layout->addLayout(chipsRow);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);

    connect(m_countButton, &QPushButton::clicked, this, [this] {
        if (m_model->isLoading() && m_countButton->text() == tr("Cancel count")) {
            m_model->cancel();
            return;
        }
        m_countButton->setText(tr("Cancel count"));
        m_model->countExactly();
    });
    connect(m_model, &RowGridModel::countChanged, this, [this](qint64 n, bool exact) {
        m_count->setText(exact ? tr("%L1 rows").arg(n) : tr("≈ %L1 rows (planner's estimate)").arg(n));
        m_countButton->setText(tr("Count exactly"));
        m_countButton->setEnabled(!exact);
    });
    connect(m_model, &RowGridModel::failed, this, [this](const Error &e) {
        m_countButton->setText(tr("Count exactly"));
        m_banner->showError(e, m_db ? m_db->database() : QString());
        // Not "loading…" any more: nothing is on its way until the filter or table changes.
        if (!m_model->details() && !m_name.isEmpty())
            m_title->setText(tr("<b>%1.%2</b> — not read: see the message above")
                                 .arg(m_schema.toHtmlEscaped(), m_name.toHtmlEscaped()));
    });
    connect(m_model, &RowGridModel::rerun, this, [this](const QString &message) {
        m_banner->showMessage(message, m_db ? m_db->database() : QString());
    });
    connect(m_model, &RowGridModel::opened, this, [this] {
        if (m_db)
            m_banner->clearFor(m_db->database());
        showDetails();
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &TablesPane::showCell);
    connect(m_grid, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!followForeignKey(index))
            showCell(index);
    });
    setDatabase(std::nullopt);
}

TablesPane::~TablesPane() = default;

QString TablesPane::relation() const
{
    return m_name.isEmpty() ? QString() : m_schema + QLatin1Char('.') + m_name;
}

void TablesPane::setDatabase(const std::optional<pg::ConnectionSettings> &db)
{
    if (db && m_db && db->conninfo() == m_db->conninfo())
        return;
    m_db = db;
    m_schema.clear();
    m_name.clear();
    m_filters.clear();
    m_order = {};
    m_model->close();
    m_jobs->cancel();
    m_banner->hide();
    m_json->clear();
    m_details->clear();
    m_ddl->clear();
    m_column->clear();
    m_count->clear();
    rebuildChips();
    loadRowSecurity();
    m_title->setText(db ? tr("Choose a table or view under %1 in the sidebar (expand the database).")
                              .arg(db->database().toHtmlEscaped())
                        : tr("Select a database in the sidebar."));
    setEnabled(db.has_value());
}

void TablesPane::switchWeek(const pg::ConnectionSettings &db)
{
    const QString schema = m_schema, name = m_name;
    const QList<Filter> filters = m_filters;
    const browse::Order order = m_order;
    const int tab = m_tabs->currentIndex();
    setDatabase(db);
    if (name.isEmpty())
        return;
    m_schema = schema;
    m_name = name;
    m_filters = filters;
    m_order = order;
    rebuildChips();
    m_tabs->setCurrentIndex(tab);
    reopen();
}

void TablesPane::openRelation(const QString &schema, const QString &name, const QList<Filter> &filters)
{
    if (!m_db)
        return;
    m_schema = schema;
    m_name = name;
    m_filters = filters;
    m_order = {};
    m_grid->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tabs->setCurrentIndex(0);
    rebuildChips();
    reopen();
}

void TablesPane::reopen()
{
    if (!m_db || m_name.isEmpty())
        return;
    m_banner->hide();
    m_json->clear();
    m_title->setText(tr("<b>%1.%2</b> — loading…").arg(m_schema.toHtmlEscaped(), m_name.toHtmlEscaped()));
    m_model->openTable(*m_db, m_schema, m_name, readingFilters(), m_order);
    explainViewAs();
}

void TablesPane::showDetails()
{
    const browse::RelationDetails *d = m_model->details();
    if (!d)
        return;
    const browse::RelationInfo &r = d->relation;
    const QString paging = !d->key.isEmpty()
                               ? tr("paged by %1 (%2), never by OFFSET")
                                     .arg(d->key.join(QStringLiteral(", ")), d->keyIndex)
                               : [&] {
                                     bool foreign = !r.foreignServer.isEmpty();
                                     for (const browse::RelationInfo &p : r.partitions)
                                         foreign = foreign || !p.foreignServer.isEmpty();
                                     // A partitioned table with foreign partitions cannot have a
                                     // primary key or unique index: PostgreSQL refuses one.
                                     return foreign ? tr("no key (foreign tables can have none): read in its order "
                                                         "through a cursor, filters sent on to the foreign servers")
                                                    : tr("no key: read in its order through a cursor; scrolling back "
                                                         "reads again");
                                 }();
    m_title->setText(QStringLiteral("<b>%1</b> — %2, %3, %4")
                         .arg(r.qualified().toHtmlEscaped(), models::relationKindLabel(r.kind),
                              format::bytes(r.sizeBytes), paging.toHtmlEscaped()));
    // The filter's column list, keeping the choice.
    const QString keep = m_column->currentText();
    m_column->clear();
    for (const browse::ColumnInfo &c : d->columns)
        m_column->addItem(c.name);
    if (m_column->findText(keep) >= 0)
        m_column->setCurrentText(keep);
    auto list = [](const QStringList &items) {
        return items.isEmpty() ? QStringLiteral("<p><i>%1</i></p>").arg(tr("none"))
                               : QStringLiteral("<ul><li>%1</li></ul>").arg(items.join(QStringLiteral("</li><li>")));
    };
    QStringList columns, indexes, fks, refs, triggers, policies;
    for (const browse::ColumnInfo &c : d->columns)
        columns << QStringLiteral("<code>%1</code> %2%3%4")
                       .arg(c.name.toHtmlEscaped(), c.type.toHtmlEscaped(),
                            c.notNull ? QStringLiteral(" NOT NULL") : QString(),
                            c.defaultExpression.isEmpty() ? QString()
                                                          : QStringLiteral(" DEFAULT ") + c.defaultExpression.toHtmlEscaped());
    for (int i = 0; i < d->indexes.size(); ++i)
        indexes << QStringLiteral("<code>%1</code>%2").arg(d->indexDefinitions[i].definition.toHtmlEscaped(),
                                                           d->indexes[i].valid ? QString() : tr(" (INVALID)"));
    for (const browse::ForeignKey &k : d->foreignKeys)
        fks << QStringLiteral("%1 → %2.%3 (%4)")
                   .arg(k.columns.join(QStringLiteral(", ")), k.toSchema, k.toTable, k.toColumns.join(QStringLiteral(", ")))
                   .toHtmlEscaped();
    for (const browse::ForeignKey &k : d->referencedBy)
        refs << QStringLiteral("%1.%2 (%3) → %4")
                    .arg(k.fromSchema, k.fromTable, k.columns.join(QStringLiteral(", ")), k.toColumns.join(QStringLiteral(", ")))
                    .toHtmlEscaped();
    for (const browse::NamedDefinition &t : d->triggers)
        triggers << QStringLiteral("<code>%1</code>").arg(t.definition.toHtmlEscaped());
    for (const browse::NamedDefinition &p : d->policies)
        policies << QStringLiteral("<code>%1</code>").arg(p.definition.toHtmlEscaped());
    m_details->setHtml(QStringLiteral("<h3>%1</h3>").arg(r.qualified().toHtmlEscaped())
                       + tr("<h4>Columns</h4>") + list(columns) + tr("<h4>Indexes</h4>") + list(indexes)
                       + tr("<h4>Foreign keys</h4>") + list(fks) + tr("<h4>Referenced by</h4>") + list(refs)
                       + tr("<h4>Triggers</h4>") + list(triggers)
                       + tr("<h4>Row-level security policies</h4>") + list(policies));
    m_ddl->setPlainText(d->ddl);
}

void TablesPane::rebuildChips()
{
    while (m_chips->count() > 1) {
        QLayoutItem *item = m_chips->takeAt(0);
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < m_filters.size(); ++i) {
        const Filter &f = m_filters[i];
        const QString text = f.op == Filter::Op::IsNull || f.op == Filter::Op::IsNotNull
                                 ? QStringLiteral("%1 %2").arg(f.column, Filter::opText(f.op))
                                 : QStringLiteral("%1 %2 %3").arg(f.column, Filter::opText(f.op), f.value);
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("filterChip%1").arg(i));
        chip->setText(text + QStringLiteral("  ✕"));
        chip->setToolTip(tr("Remove this condition"));
        connect(chip, &QToolButton::clicked, this, [this, i] {
            if (i < m_filters.size())
                m_filters.removeAt(i);
            rebuildChips();
            reopen();
        });
        m_chips->insertWidget(m_chips->count() - 1, chip);
    }
}

namespace {

// What is wrong with `value` as a value of a column of `type` (format_type() text), checked
// here before anything is sent; empty when it reads (or the server is the judge: text, json,
// arrays, ...). A contains (~) filter compares text and takes anything.
QString valueProblem(const QString &type, const QString &value)
{
    const QString t = type.toLower();
    const QString v = value.trimmed();
    bool ok = true;
    if (t == QLatin1String("smallint") || t == QLatin1String("integer") || t == QLatin1String("bigint")) {
        const qlonglong n = v.toLongLong(&ok);
        if (ok && t == QLatin1String("smallint"))
            ok = n >= -32768 && n <= 32767;
        else if (ok && t == QLatin1String("integer"))
            ok = n >= std::numeric_limits<qint32>::min() && n <= std::numeric_limits<qint32>::max();
        return ok ? QString() : TablesPane::tr("a whole number that fits %1").arg(type);
    }
    if (t.startsWith(QLatin1String("numeric")) || t == QLatin1String("real") || t == QLatin1String("double precision")) {
        v.toDouble(&ok);
        return ok ? QString() : TablesPane::tr("a number");
    }
    if (t == QLatin1String("boolean")) {
        static const QStringList words{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("t"), QStringLiteral("f"),
                                       QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("on"), QStringLiteral("off"),
                                       QStringLiteral("1"), QStringLiteral("0")};
        return words.contains(v.toLower()) ? QString() : TablesPane::tr("true or false");
    }
    if (t == QLatin1String("uuid"))
        return QUuid::fromString(v).isNull() && v != QLatin1String("00000000-0000-0000-0000-000000000000")
                   ? TablesPane::tr("a UUID (8-4-4-4-12 hex digits)")
                   : QString();
    if (t.startsWith(QLatin1String("timestamp")) || t == QLatin1String("date"))
        return Timestamp::parse(v) ? QString() : TablesPane::tr("a time in ISO 8601 (2025-01-06 or 2025-01-06 14:02:21Z)");
    return {};
}

} // namespace

void TablesPane::addFilter()
{
    if (m_name.isEmpty() || m_column->currentText().isEmpty())
        return;
    Filter f;
    f.column = m_column->currentText();
    f.op = Filter::Op(m_op->currentData().toInt());
    f.value = m_value->text();
    if (const browse::RelationDetails *d = m_model->details();
        d && f.op != Filter::Op::Contains && f.op != Filter::Op::IsNull && f.op != Filter::Op::IsNotNull) {
        for (const browse::ColumnInfo &c : d->columns)
            if (c.name == f.column && !c.isArray) {
                if (const QString want = valueProblem(c.type, f.value); !want.isEmpty()) {
                    // Nothing is applied: the rows on screen stay, the value stays to be fixed.
                    m_banner->showWarning(tr("Not applied: %1 is %2, and \"%3\" is not %4.")
                                              .arg(f.column, c.type, f.value, want),
                                          m_db ? m_db->database() : QString());
                    m_value->setFocus();
                    m_value->selectAll();
                    return;
                }
            }
    }
    m_filters.append(f);
    m_value->clear();
    rebuildChips();
    reopen();
}

void TablesPane::sortBy(int column)
{
    const browse::RelationDetails *d = m_model->details();
    if (!d || column < 0 || column >= d->columns.size())
        return;
    const QString name = d->columns[column].name;
    if (d->key.isEmpty() || (!d->sortable.contains(name) && d->key.value(0) != name)) {
        m_banner->showMessage(d->key.isEmpty()
                                  ? tr("%1 has no key, so it is shown in the order it is read.").arg(d->relation.qualified())
                                  : tr("Sorting by %1 needs an index that starts with it (without one every row "
                                       "would be sorted for each page). Sortable: %2.")
                                        .arg(name, d->sortable.join(QStringLiteral(", "))),
                              m_db ? m_db->database() : QString());
        return;
    }
    m_order.descending = m_order.column == name ? !m_order.descending : false;
    m_order.column = name;
    m_grid->horizontalHeader()->setSortIndicator(column, m_order.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    reopen();
}

} // namespace statescope::gui
