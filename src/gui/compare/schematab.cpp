// The Schema tab of "Compare weeks…": every object added, removed or changed as a tree, the
// selected one's DDL on both sides with the changed lines marked, and the script between them.
#include "gui/compare/comparedialog.h"

#include "models/ink.h"

#include "core/browse/datacompare.h"
#include "core/weekly/drift.h"
#include "core/events/apichange.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/roomfor.h"
#include "gui/widgets/tablewidgets.h"
#include "gui/widgets/themed.h"

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

// An object as its row names it: its key without its kind (which the row's group says), so a
// column, trigger, policy or rule shows its table and its own name.
QString nameOf(const catalog::SchemaObject &o)
{
    return o.label().mid(catalog::SchemaObject::kindLabel(o.kind).size() + 1);
}

} // namespace

namespace {

// One side's DDL with the lines only it has marked.
// Long lines wrap: a statement seen only by scrolling sideways is easily never seen whole.
QString marked(const QList<catalog::DiffLine> &lines, catalog::DiffLine::Side side, const QString &colour)
{
    QString html = QStringLiteral("<pre style=\"margin:0; white-space:pre-wrap\">");
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
    auto *run = new QPushButton(tr("Compare sc&hemas"), page);
    run->setObjectName(QStringLiteral("compareSchemas"));
    auto *save = new QPushButton(tr("Save s&cript…"), page);
    m_againstMigrations = new QCheckBox(tr("Against Statescope's &migrations (not the second week)"), page);
    m_againstMigrations->setObjectName(QStringLiteral("againstMigrations"));
    m_againstMigrations->setToolTip(tr("The schema Statescope's own migrations make, built in a scratch database of "
                                       "the local sandbox and dropped after reading"));
    m_ignoreOwners = new QCheckBox(tr("Leave o&wners out"), page);
    m_ignoreOwners->setObjectName(QStringLiteral("ignoreOwners"));
    m_ignoreOwners->setToolTip(tr("Neither compare who owns each object nor give owners in the script: for weeks "
                                  "owned by different roles on purpose (always so against the migrations)"));
    connect(run, &QPushButton::clicked, this, &CompareDialog::compareSchemas);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save script"), QStringLiteral("schema.sql"), tr("SQL (*.sql)"));
        QString error;
        if (!path.isEmpty() && !saveScript(path, &error))
            setStatus(SchemaTab, error);
    });
    connect(m_schemaTree, &QTreeWidget::currentItemChanged, this, &CompareDialog::showSchemaChange);
    style::onThemeChange(this, [this] { showSchemaChange(); }); // the marks in the theme's own fills

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
    roomForList(split, m_schemaTree, 0.45);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addWidget(save);
    buttons->addWidget(m_againstMigrations);
    buttons->addWidget(m_ignoreOwners);
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
    m_tabs->setCurrentIndex(SchemaTab);
    const weekly::FamilyWeek a = from(), b = to();
    const bool migrations = migrationsSide();
    const bool owners = !m_ignoreOwners->isChecked();
    m_schemaTree->clear();
    m_left->clear();
    m_right->clear();
    m_script->clear();
    setStatus(SchemaTab, migrations ? tr("Reading the catalog, and building Statescope's schema in a scratch database…")
                                 : tr("Reading both catalogs…"));
    m_jobs->start<catalog::SchemaDiff>(
        migrations ? tr("Comparing the schema of %1 with Statescope's migrations").arg(a.database())
                   : tr("Comparing the schemas of %1 and %2").arg(a.database(), b.database()),
        [a, b, migrations, owners](TaskContext &ctx) {
            auto ca = pg::Connection::open(a.settings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            catalog::SchemaSnapshot sa = catalog::SchemaSnapshot::read(*ca);
            if (!owners)
                sa.leaveOwnersOut(); // and so the other side's, in compare()
            ctx.throwIfCancelled();
            if (migrations) {
                const catalog::SchemaSnapshot sb = weekly::migrationsSchema(&ctx);
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
                return out.cancelled() ? setStatus(SchemaTab, tr("Cancelled.")) : fail(QStringLiteral("schema"), out.error());
            m_diff = out.value();
            QMap<QString, QTreeWidgetItem *> kinds;
            for (int i = 0; i < m_diff.changes.size(); ++i) {
                const catalog::SchemaChange &c = m_diff.changes[i];
                const QString kind = catalog::SchemaObject::kindLabel(c.object().kind);
                QTreeWidgetItem *&group = kinds[kind];
                if (!group) {
                    group = new QTreeWidgetItem(m_schemaTree, {kind});
                    group->setExpanded(true);
                }
                auto *item = new QTreeWidgetItem(group, {nameOf(c.object()), changeLabel(catalog::SchemaChange::typeName(c.type)), c.summary()});
                item->setData(0, Qt::UserRole, i);
                item->setToolTip(2, c.summary());
                style::setInk(item, 1, c.type == catalog::SchemaChange::Type::Added     ? models::ink::Meaning::Success
                                      : c.type == catalog::SchemaChange::Type::Removed ? models::ink::Meaning::Danger
                                                                                       : models::ink::Meaning::Changed);
            }
            for (QTreeWidgetItem *g : std::as_const(kinds))
                g->setText(1, tr("%n object(s)", nullptr, g->childCount()));
            fitColumns(m_schemaTree);
            // The first change shown on both sides at once, not two empty panes.
            if (QTreeWidgetItem *first = m_schemaTree->topLevelItem(0); first && first->childCount() > 0)
                m_schemaTree->setCurrentItem(first->child(0));
            m_script->setPlainText(m_diff.script());
            setStatus(SchemaTab, m_diff.changes.isEmpty()
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
                    + (c.from ? marked(lines, catalog::DiffLine::Side::Left, models::ink::fill(models::ink::Meaning::Danger).name())
                              : tr("<p><i>not there</i></p>")));
    m_right->setHtml(QStringLiteral("<b>%1</b>").arg(m_diff.to.toHtmlEscaped())
                     + (c.to ? marked(lines, catalog::DiffLine::Side::Right, models::ink::fill(models::ink::Meaning::Success).name())
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

} // namespace statescope::gui
