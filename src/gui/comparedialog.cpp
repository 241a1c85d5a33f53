#include "gui/comparedialog.h"

#include "core/browse/datacompare.h"
#include "core/catalog/drift.h"
#include "core/events/apichange.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "gui/jobrunner.h"
#include "gui/progresspanel.h"

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

namespace {

// One side's DDL with the lines only it has marked.
QString marked(const QList<catalog::DiffLine> &lines, catalog::DiffLine::Side side, const QString &colour)
{
    QString html = QStringLiteral("<pre style=\"margin:0\">");
    for (const catalog::DiffLine &l : lines) {
        if (l.side != catalog::DiffLine::Side::Both && l.side != side)
            continue;
        const QString text = l.text.toHtmlEscaped();
        html += l.side == side ? QStringLiteral("<span style=\"background:%1\">%2</span>\n").arg(colour, text.isEmpty() ? QStringLiteral(" ") : text)
                               : text + QLatin1Char('\n');
    }
    return html + QStringLiteral("</pre>");
}

} // namespace

CompareDialog::CompareDialog(const weekly::Family &family, int current, QWidget *parent)
    : QDialog(parent), m_family(family), m_from(new QComboBox(this)), m_to(new QComboBox(this)),
      m_tabs(new QTabWidget(this)), m_status(new QLabel(this)), m_jobs(new JobRunner(this)),
      m_progress(new ProgressPanel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare weeks of %1").arg(family.prefix()));
    const bool servers = family.spansServers();
    for (const weekly::FamilyWeek &w : family.weeks()) {
        m_from->addItem(w.label(servers));
        m_to->addItem(w.label(servers));
    }
    m_from->setObjectName(QStringLiteral("compareFrom"));
    m_to->setObjectName(QStringLiteral("compareTo"));
    setSides(std::max(0, current - 1), std::max(0, current));

    m_tabs->addTab(buildSchemaTab(), tr("&Schema"));
    m_tabs->addTab(buildRowsTab(), tr("&Rows"));
    m_tabs->addTab(buildApiTab(), tr("&API"));
    m_tabs->addTab(buildDriftTab(), tr("&Drift (every week)"));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *sides = new QHBoxLayout;
    sides->addWidget(new QLabel(tr("From:"), this));
    sides->addWidget(m_from);
    sides->addWidget(new QLabel(tr("to:"), this));
    sides->addWidget(m_to);
    sides->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sides);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(close);
    m_progress->follow(m_jobs);
    resize(1100, 720);
}

CompareDialog::~CompareDialog()
{
    delete m_jobs; // what runs ends (cancelled) before the widgets it reports to
}

void CompareDialog::setSides(int from, int to)
{
    m_from->setCurrentIndex(std::clamp(from, 0, int(m_family.weeks().size()) - 1));
    m_to->setCurrentIndex(std::clamp(to, 0, int(m_family.weeks().size()) - 1));
}

const weekly::FamilyWeek &CompareDialog::from() const
{
    return m_family.weeks().at(m_from->currentIndex());
}

const weekly::FamilyWeek &CompareDialog::to() const
{
    return m_family.weeks().at(m_to->currentIndex());
}

void CompareDialog::fail(const QString &what, const Error &error)
{
    m_status->setText(tr("%1: %2 %3").arg(what, error.message(), error.hint()).trimmed());
    emit finished(what);
}

// Schema -------------------------------------------------------------------------------------

QWidget *CompareDialog::buildSchemaTab()
{
    auto *page = new QWidget(this);
    m_schemaTree = new QTreeWidget(page);
    m_schemaTree->setObjectName(QStringLiteral("schemaTree"));
    m_schemaTree->setHeaderLabels({tr("Object"), tr("Change"), tr("What")});
    m_left = new QTextBrowser(page);
    m_right = new QTextBrowser(page);
    m_left->setObjectName(QStringLiteral("schemaLeft"));
    m_right->setObjectName(QStringLiteral("schemaRight"));
    m_script = new QPlainTextEdit(page);
    m_script->setObjectName(QStringLiteral("schemaScript"));
    m_script->setReadOnly(true);
    m_script->setPlaceholderText(tr("The statements that would bring the first week to the second (never run from here)."));
    auto *run = new QPushButton(tr("Compare &schemas"), page);
    run->setObjectName(QStringLiteral("compareSchemas"));
    auto *save = new QPushButton(tr("Save s&cript…"), page);
    m_againstMigrations = new QCheckBox(tr("Against Statescope's &migrations (not the second week)"), page);
    m_againstMigrations->setObjectName(QStringLiteral("againstMigrations"));
    m_againstMigrations->setToolTip(tr("The schema Statescope's own migrations make, built in a scratch database of "
                                       "the local sandbox and dropped after reading"));
    connect(run, &QPushButton::clicked, this, &CompareDialog::compareSchemas);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save script"), QStringLiteral("schema.sql"), tr("SQL (*.sql)"));
        QString error;
        if (!path.isEmpty() && !saveScript(path, &error))
            m_status->setText(error);
    });
    connect(m_schemaTree, &QTreeWidget::currentItemChanged, this, &CompareDialog::showSchemaChange);

    auto *sides = new QSplitter(Qt::Horizontal, page);
    sides->addWidget(m_left);
    sides->addWidget(m_right);
    auto *right = new QTabWidget(page);
    right->addTab(sides, tr("Both sides"));
    right->addTab(m_script, tr("Script"));
    auto *split = new QSplitter(Qt::Horizontal, page);
    split->addWidget(m_schemaTree);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(save);
    buttons->addWidget(m_againstMigrations);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    return page;
}

bool CompareDialog::migrationsSide() const
{
    return m_againstMigrations->isChecked();
}

void CompareDialog::compareWithMigrations()
{
    m_againstMigrations->setChecked(true);
    compareSchemas();
}

void CompareDialog::compareSchemas()
{
    const weekly::FamilyWeek a = from(), b = to();
    const bool migrations = migrationsSide();
    m_schemaTree->clear();
    m_left->clear();
    m_right->clear();
    m_script->clear();
    m_status->setText(migrations ? tr("Reading the catalog, and building Statescope's schema in a scratch database…")
                                 : tr("Reading both catalogs…"));
    m_jobs->start<catalog::SchemaDiff>(
        migrations ? tr("Comparing the schema of %1 with Statescope's migrations").arg(a.database())
                   : tr("Comparing the schemas of %1 and %2").arg(a.database(), b.database()),
        [a, b, migrations](TaskContext &ctx) {
            auto ca = pg::Connection::open(a.settings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const catalog::SchemaSnapshot sa = catalog::SchemaSnapshot::read(*ca);
            ctx.throwIfCancelled();
            if (migrations) {
                const catalog::SchemaSnapshot sb = catalog::SchemaSnapshot::ofMigrations(&ctx);
                catalog::SchemaDiff diff = catalog::SchemaDiff::compare(sa, sb);
                diff.from = a.label(true);
                diff.to = sb.database;
                return diff;
            }
            auto cb = pg::Connection::open(b.settings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            catalog::SchemaDiff diff = catalog::SchemaDiff::compare(sa, catalog::SchemaSnapshot::read(*cb));
            diff.from = a.label(true);
            diff.to = b.label(true);
            return diff;
        },
        [this](const Outcome<catalog::SchemaDiff> &out) {
            if (!out.ok())
                return out.cancelled() ? m_status->setText(tr("Cancelled.")) : fail(QStringLiteral("schema"), out.error());
            m_diff = out.value();
            QMap<QString, QTreeWidgetItem *> kinds;
            for (int i = 0; i < m_diff.changes.size(); ++i) {
                const catalog::SchemaChange &c = m_diff.changes[i];
                const QString kind = catalog::SchemaObject::kindName(c.object().kind);
                QTreeWidgetItem *&group = kinds[kind];
                if (!group) {
                    group = new QTreeWidgetItem(m_schemaTree, {kind});
                    group->setExpanded(true);
                }
                auto *item = new QTreeWidgetItem(group, {c.object().qualified, catalog::SchemaChange::typeName(c.type), c.summary()});
                item->setData(0, Qt::UserRole, i);
                item->setToolTip(2, c.summary());
                item->setForeground(1, c.type == catalog::SchemaChange::Type::Added     ? QColor(0x26, 0xa2, 0x69)
                                       : c.type == catalog::SchemaChange::Type::Removed ? QColor(0xc0, 0x1c, 0x28)
                                                                                        : QColor(0xb5, 0x83, 0x5a));
            }
            for (QTreeWidgetItem *g : std::as_const(kinds))
                g->setText(1, tr("%n object(s)", nullptr, g->childCount()));
            m_schemaTree->resizeColumnToContents(0);
            m_script->setPlainText(m_diff.script());
            m_status->setText(m_diff.changes.isEmpty()
                                  ? tr("The same schema: %n object(s) on both sides.", nullptr, m_diff.same)
                                  : tr("%1 added, %2 removed, %3 changed; %4 the same.")
                                        .arg(m_diff.count(catalog::SchemaChange::Type::Added))
                                        .arg(m_diff.count(catalog::SchemaChange::Type::Removed))
                                        .arg(m_diff.count(catalog::SchemaChange::Type::Changed))
                                        .arg(m_diff.same));
            emit finished(QStringLiteral("schema"));
        });
}

void CompareDialog::showSchemaChange()
{
    const QTreeWidgetItem *item = m_schemaTree->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid())
        return;
    const int i = item->data(0, Qt::UserRole).toInt();
    if (i < 0 || i >= m_diff.changes.size())
        return;
    const catalog::SchemaChange &c = m_diff.changes[i];
    const QList<catalog::DiffLine> lines =
        catalog::diffLines(c.from ? c.from->ddl : QString(), c.to ? c.to->ddl : QString());
    m_left->setHtml(QStringLiteral("<b>%1</b>").arg(m_diff.from.toHtmlEscaped())
                    + (c.from ? marked(lines, catalog::DiffLine::Side::Left, QStringLiteral("#f6c6c6"))
                              : tr("<p><i>not there</i></p>")));
    m_right->setHtml(QStringLiteral("<b>%1</b>").arg(m_diff.to.toHtmlEscaped())
                     + (c.to ? marked(lines, catalog::DiffLine::Side::Right, QStringLiteral("#c6efce"))
                             : tr("<p><i>not there</i></p>")));
}

bool CompareDialog::saveScript(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_script->toPlainText().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

// API ----------------------------------------------------------------------------------------

QWidget *CompareDialog::buildApiTab()
{
    auto *page = new QWidget(this);
    m_api = new QTreeWidget(page);
    m_api->setObjectName(QStringLiteral("apiTree"));
    m_api->setHeaderLabels({tr("Endpoint / path"), tr("Events"), tr("Error rate"), tr("Types"), tr("Example events")});
    auto *run = new QPushButton(tr("Compare the &API"), page);
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
                return out.cancelled() ? m_status->setText(tr("Cancelled.")) : fail(QStringLiteral("api"), out.error());
            int changed = 0;
            for (const events::EndpointChange &c : out.value()) {
                auto *item = new QTreeWidgetItem(
                    m_api, {c.endpoint, QStringLiteral("%L1 → %L2").arg(c.fromEvents).arg(c.toEvents),
                            QStringLiteral("%1% → %2%").arg(c.fromErrorRate() * 100, 0, 'f', 1).arg(c.toErrorRate() * 100, 0, 'f', 1),
                            c.shape.isEmpty() ? QString() : tr("%n path(s) changed", nullptr, int(c.shape.size()))});
                changed += !c.shape.isEmpty();
                for (const events::ShapeChange &s : c.shape) {
                    auto *p = new QTreeWidgetItem(
                        item, {s.path, events::ShapeChange::typeName(s.type),
                               {},
                               QStringLiteral("%1 → %2").arg(s.fromTypes.join(QLatin1Char('|')), s.toTypes.join(QLatin1Char('|'))),
                               QStringLiteral("%1 / %2").arg(s.fromExample ? QString::number(s.fromExample) : QStringLiteral("-"),
                                                             s.toExample ? QString::number(s.toExample) : QStringLiteral("-"))});
                    p->setToolTip(4, tr("Event ids showing it, in the first and the second week"));
                }
                item->setExpanded(!c.shape.isEmpty());
            }
            m_api->resizeColumnToContents(0);
            m_status->setText(tr("%n endpoint(s), ", nullptr, int(out.value().size()))
                              + tr("%n with payloads of another shape.", nullptr, changed));
            emit finished(QStringLiteral("api"));
        });
}

// Drift --------------------------------------------------------------------------------------

QWidget *CompareDialog::buildDriftTab()
{
    auto *page = new QWidget(this);
    m_drift = new QTableWidget(page);
    m_drift->setObjectName(QStringLiteral("driftTable"));
    m_drift->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drift->setColumnCount(5);
    m_drift->setHorizontalHeaderLabels({tr("Week"), tr("Migrations"), tr("Checksum drift"), tr("Fingerprint"), tr("Differs from the majority")});
    m_drift->horizontalHeader()->setStretchLastSection(true);
    auto *run = new QPushButton(tr("Read &drift"), page);
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
    m_drift->setRowCount(0);
    const QList<weekly::FamilyWeek> weeks = m_family.readable();
    m_jobs->start<catalog::FamilyDrift>(
        tr("Reading the drift of %n week(s)", nullptr, int(weeks.size())),
        [weeks](TaskContext &ctx) { return catalog::FamilyDrift::read(weeks, 2, &ctx); },
        [this](const Outcome<catalog::FamilyDrift> &out) {
            if (!out.ok())
                return out.cancelled() ? m_status->setText(tr("Cancelled.")) : fail(QStringLiteral("drift"), out.error());
            const catalog::FamilyDrift &d = out.value();
            const bool servers = m_family.spansServers();
            m_drift->setRowCount(int(d.weeks.size()));
            for (int r = 0; r < d.weeks.size(); ++r) {
                const catalog::WeekDrift &w = d.weeks[r];
                const QString differs = !w.error.isEmpty() ? w.error
                                        : w.majority      ? tr("(the majority)")
                                                          : tr("%n difference(s): ", nullptr, w.differenceCount)
                                                           + w.differences.join(QStringLiteral("; "));
                const QStringList cells{w.week.label(servers), w.tools.join(QStringLiteral(", ")),
                                        w.checksumDrift.join(QStringLiteral(", ")), w.shortFingerprint(), differs};
                for (int c = 0; c < cells.size(); ++c) {
                    auto *item = new QTableWidgetItem(cells[c]);
                    item->setToolTip(c == 4 ? w.differences.join(QLatin1Char('\n')) : cells[c]);
                    if ((c == 4 && !w.majority) || (c == 2 && !w.checksumDrift.isEmpty()))
                        item->setForeground(QColor(0xc0, 0x1c, 0x28));
                    m_drift->setItem(r, c, item);
                }
            }
            m_drift->resizeColumnsToContents();
            m_status->setText(tr("%1 of %2 weeks share the majority's schema (%3).")
                                  .arg(d.majorityWeeks)
                                  .arg(d.weeks.size())
                                  .arg(d.majorityFingerprint.left(12)));
            emit finished(QStringLiteral("drift"));
        });
}

} // namespace statescope::gui
