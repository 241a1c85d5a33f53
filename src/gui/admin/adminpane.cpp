#include "gui/admin/adminpane.h"

#include "models/ink.h"
#include "gui/collector/collectordialog.h"
#include "core/weekly/drift.h"
#include "core/format.h"

#include "core/paths.h"
#include "core/pg/connection.h"

#include "core/weekly/adopt.h"
#include "core/layout/layout.h"

#include "core/weekly/serveradmin.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/admin/recoverypanel.h"
#include "gui/widgets/style.h"
#include "gui/admin/restoredialog.h"
#include "gui/admin/retentiondialog.h"
#include "gui/admin/upkeepdialog.h"
#include "gui/admin/createdialog.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "models/databasetreemodel.h"
#include "gui/widgets/themed.h"

#include <QCoreApplication>
#include <algorithm>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeView>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

QPushButton *button(QWidget *parent, const QString &text, const QString &name,
                    const QKeySequence &shortcut, const QString &tip, const QString &icon)
{
    auto *b = new QPushButton(style::icon(icon), text, parent);
    b->setObjectName(name);
    if (!shortcut.isEmpty()) {
        b->setShortcut(shortcut);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    } else {
        b->setToolTip(tip);
    }
    return b;
}

} // namespace

AdminPane::AdminPane(models::DatabaseTreeModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QTreeView(this)), m_serverLabel(new QLabel(this)),
      m_details(new QLabel(this)), m_pending(new QListWidget(this)), m_modeHint(new QLabel(this)),
      m_progress(new ProgressPanel(this)), m_messages(new Banner(this)),
      m_runner(new JobRunner(this)), m_detailsRunner(new JobRunner(this))
{
    m_recovery = new RecoveryPanel(m_runner, this);
    setObjectName(QStringLiteral("adminPane"));
    m_view->setObjectName(QStringLiteral("databaseView"));
    m_view->setModel(model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    // The weeks' names take what is left; the other columns (schema, tools, size) as wide as
    // what they hold: a tree of a few dozen rows is measured at once.
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->setColumnHidden(models::DatabaseTreeModel::Server, !m_model->spansServers());
    });

    m_create = button(this, tr("&Create next week..."), QStringLiteral("createButton"),
                      QKeySequence(Qt::CTRL | Qt::Key_N), tr("Create the next weekly database"),
                      QStringLiteral("list-add"));
    m_migrate = button(this, tr("&Migrate…"), QStringLiteral("migrateButton"),
                       QKeySequence(Qt::CTRL | Qt::Key_M),
                       tr("Apply the pending migrations, after showing them and asking for the "
                          "database's name"),
                       QStringLiteral("go-up"));
    m_adopt = button(this, tr("&Adopt..."), QStringLiteral("adoptButton"), {},
                     tr("Add Statescope's bookkeeping (the statescope schema only) to a database "
                        "Statescope did not create, so that rollbacks and prunes can be archived "
                        "and undone there"),
                     QStringLiteral("list-add-user"));
    m_reset = button(this, tr("&Reset..."), QStringLiteral("resetButton"), {},
                     tr("Dump, drop and recreate the selected database, empty, with its schema"),
                     QStringLiteral("edit-clear"));
    m_drop = button(this, tr("&Drop..."), QStringLiteral("dropButton"), {},
                    tr("Dump, then drop the selected database"), QStringLiteral("edit-delete"));
    m_move = button(this, tr("Move to &server…"), QStringLiteral("moveButton"), {},
                    tr("Move the selected week to another open server: dumped, restored there, every "
                       "table's rows counted on both, and dropped here only when they agree"),
                    QStringLiteral("go-next"));
    m_restore = button(this, tr("Restore d&ump..."), QStringLiteral("restoreButton"), {},
                       tr("Recreate a database from a dump taken before a reset or drop"),
                       QStringLiteral("document-revert"));
    m_retention = button(this, tr("Dump re&tention..."), QStringLiteral("retentionButton"), {},
                         tr("How many old dumps of each database are kept"),
                         QStringLiteral("configure"));
    m_auditLog = button(this, tr("Audit lo&g…"), QStringLiteral("auditLogButton"), {},
                        tr("What Statescope did and why: the journal of resets, drops, moves and restores, and "
                           "the selected database's own audit log (reading only, in any mode)"),
                        QStringLiteral("document-open-recent"));
    m_collector = button(this, tr("Co&llector…"), QStringLiteral("collectorButton"), {},
                         tr("Fetch the game's API into this family's current week (docs/COLLECTOR.md)"),
                         QStringLiteral("network-wired"));
    m_reader = button(this, tr("Reader log&in…"), QStringLiteral("readerLoginButton"), {},
                      tr("Reading as a superuser acts as one: make the role that reading sessions of this "
                         "superuser use instead (not a superuser; reads all data)"),
                      QStringLiteral("security-medium"));
    m_drift = button(this, tr("Famil&y drift…"), QStringLiteral("driftButton"), {},
                     tr("Every week of the selected family (on every open server) side by side: migration "
                        "tools and versions, checksum drift, schema fingerprint, and where a week leaves "
                        "the majority"),
                     QStringLiteral("view-list-tree"));
    m_upkeep = button(this, tr("Up&keep…"), QStringLiteral("upkeepButton"), {},
                      tr("The selected database's upkeep: time partitions made ahead and archived, completed "
                         "jobs archived, autovacuum settings, indexes rebuilt concurrently, pg_cron's jobs"),
                      QStringLiteral("preferences-system"));
    connect(m_upkeep, &QPushButton::clicked, this, &AdminPane::openUpkeep);
    connect(m_drift, &QPushButton::clicked, this, [this] {
        if (!selectedFamily().isEmpty())
            emit driftRequested(selectedFamily());
    });
    // F5 belongs to the window's Refresh, which lists the same server.
    m_refresh = button(this, tr("Refresh"), QStringLiteral("refreshButton"), {},
                       tr("List the databases again (F5)"), QStringLiteral("view-refresh"));

    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_pending->setObjectName(QStringLiteral("pendingList"));
    m_pending->setMaximumHeight(110);
    m_modeHint->setObjectName(QStringLiteral("modeHint"));
    m_modeHint->setWordWrap(true);
    m_modeHint->setText(tr("Read-only: switch on <b>Admin mode</b> in the toolbar "
                           "(Ctrl+Shift+A) to create, migrate, reset or drop."));
    style::setInk(m_modeHint, models::ink::Meaning::Muted);

    // Two rows, so the pane fits beside the sidebar on a 1280 px screen: what acts on the
    // selected database, then the tools.
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_create, m_migrate, m_adopt, m_reset, m_drop, m_move})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *tools = new QHBoxLayout;
    for (QPushButton *b : {m_restore, m_drift, m_upkeep, m_collector, m_reader, m_retention})
        tools->addWidget(b);
    tools->addStretch(1);

    // Reading (what was done, the listing again) needs no admin mode: beside the server's
    // name, off the rows of actions, which leave the sidebar its room at 1280 pixels in German.
    auto *top = new QHBoxLayout;
    top->addWidget(m_serverLabel, 1);
    top->addWidget(m_auditLog);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_recovery);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addWidget(new QLabel(tr("Pending migrations:"), this));
    layout->addWidget(m_pending);
    layout->addLayout(buttons);
    layout->addLayout(tools);
    layout->addWidget(m_modeHint);
    layout->addWidget(m_progress);
    layout->addWidget(m_messages);
    m_progress->follow(m_runner);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        loadDetails();
        if (m_auditDialog) // the open audit log follows the selected database
            m_auditDialog->setDatabase(selectedSettings());
    });
    connect(m_runner, &JobRunner::busyChanged, this, &AdminPane::updateActions);
    connect(m_create, &QPushButton::clicked, this, &AdminPane::createDatabase);
    connect(m_migrate, &QPushButton::clicked, this, &AdminPane::confirmMigrate);
    connect(m_adopt, &QPushButton::clicked, this, &AdminPane::confirmAdopt);
    connect(m_reset, &QPushButton::clicked, this, [this] { confirmDestructive(true); });
    connect(m_drop, &QPushButton::clicked, this, [this] { confirmDestructive(false); });
    connect(m_restore, &QPushButton::clicked, this, &AdminPane::restoreFromDump);
    connect(m_move, &QPushButton::clicked, this, &AdminPane::confirmMove);
    connect(m_refresh, &QPushButton::clicked, this, &AdminPane::refreshRequested);
    connect(m_collector, &QPushButton::clicked, this, &AdminPane::openCollector);
    connect(m_reader, &QPushButton::clicked, this, &AdminPane::confirmReaderLogin);
    connect(m_auditLog, &QPushButton::clicked, this, &AdminPane::openAuditLog);
    connect(m_retention, &QPushButton::clicked, this, [this] {
        auto *dialog = new RetentionDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &AdminPane::loadDetails);
    // What a killed reset or drop left: looked for again whenever the listing is.
    connect(model, &QAbstractItemModel::modelReset, m_recovery, &RecoveryPanel::refresh);
    connect(m_recovery, &RecoveryPanel::changed, this, &AdminPane::changed);
    connect(m_recovery, &RecoveryPanel::failed, this, &AdminPane::showOutcomeError);
    connect(m_recovery, &RecoveryPanel::succeeded, m_messages,
            [this](const QString &text) { m_messages->showSuccess(text); });
    setServer(std::nullopt);
}

AdminPane::~AdminPane() = default;

weekly::ServerAdmin AdminPane::admin() const
{
    return weekly::ServerAdmin(*m_server);
}

void AdminPane::setServer(const std::optional<pg::ConnectionSettings> &server)
{
    m_server = server;
    m_serverLabel->setText(server ? tr("Server: <b>%1</b>").arg(server->displayName().toHtmlEscaped())
                                  : tr("Not connected."));
    m_recovery->setServer(server);
    if (m_auditDialog) // nothing of the server before stays on screen
        m_auditDialog->setDatabase(selectedSettings());
    updateActions();
}

void AdminPane::setAdminMode(bool on)
{
    m_adminMode = on;
    m_modeHint->setVisible(!on);
    m_recovery->setAdminMode(on);
    // Admin mode belongs to the server shown: an upkeep dialog of another stays read-only.
    for (const auto &[dialog, server] : std::as_const(m_upkeeps))
        if (dialog)
            dialog->setAdminMode(on && m_server && server == m_server->storableString());
    // Admin mode belongs to the server shown: collectors of others cannot be started now.
    for (auto &[key, dialog] : m_collectors)
        dialog->setAdminMode(on && m_server && key.startsWith(m_server->storableString() + QLatin1Char('\n')));
    updateActions();
}

QItemSelectionModel *AdminPane::selectionModel() const
{
    return m_view->selectionModel();
}

QString AdminPane::selectedDatabase() const
{
    return m_view->currentIndex().data(models::DatabaseTreeModel::DatabaseNameRole).toString();
}

QString AdminPane::selectedFamily() const
{
    return m_view->currentIndex().data(models::DatabaseTreeModel::FamilyRole).toString();
}

void AdminPane::updateActions()
{
    const QString db = selectedDatabase();
    const auto *info = m_model->database(db);
    // A disabled button says why, not what it would do.
    const QString general = !m_server         ? tr("Connect to a server first.")
                            : !m_adminMode    ? tr("Switch on admin mode (Ctrl+Shift+A) to change databases.")
                            : m_runner->isBusy() ? tr("Wait for the operation under way (or cancel it).")
                                                 : QString();
    const QString onOne = !general.isEmpty() ? general : !info ? tr("Select a database in the list.") : QString();
    // An invalid database (its drop interrupted) is put right by recovery, nothing else.
    const QString valid = !onOne.isEmpty() ? onOne
                          : info->invalid ? tr("%1 was left invalid by an interrupted drop: finish or undo that first (above).").arg(info->name)
                                          : QString();
    style::enableOrSayWhy(m_create, general);
    style::enableOrSayWhy(m_migrate, !onOne.isEmpty()          ? onOne
                                     : !info->problem.isEmpty() ? tr("Its schema could not be read: %1").arg(info->problem)
                                     : info->blocked            ? tr("Its migrations are blocked: see the details beside the list.")
                                     : info->pending == 0       ? tr("Nothing to migrate: %1 has no pending migration.").arg(info->name)
                                                                : QString());
    style::enableOrSayWhy(m_adopt, !onOne.isEmpty()          ? onOne
                                   : info->managed            ? tr("%1 is already adopted.").arg(info->name)
                                   : !info->problem.isEmpty() ? tr("Its schema could not be read: %1").arg(info->problem)
                                                              : QString());
    style::enableOrSayWhy(m_reset, valid);
    style::enableOrSayWhy(m_drop, valid);
    style::enableOrSayWhy(m_move, !valid.isEmpty() ? valid
                                  : !info->takesConnections ? tr("%1 does not take connections.").arg(info->name)
                                                            : QString());
    style::enableOrSayWhy(m_restore, general);
    m_refresh->setEnabled(m_server.has_value() && !m_runner->isBusy());
    m_collector->setEnabled(m_server.has_value() && !selectedFamily().isEmpty());
    m_drift->setEnabled(m_server.has_value() && !selectedFamily().isEmpty()); // read-only: any mode
    m_upkeep->setEnabled(m_server.has_value() && info && info->takesConnections && !info->invalid); // changes need admin mode
    style::enableOrSayWhy(m_reader, general);
}

void AdminPane::loadDetails()
{
    m_pending->clear();
    const QString db = selectedDatabase();
    const auto *info = m_model->database(db);
    if (!info || !m_server) {
        const QString elsewhere = m_view->currentIndex().data(models::DatabaseTreeModel::ElsewhereRole).toString();
        if (!elsewhere.isEmpty())
            m_details->setText(tr("<b>%1</b> lives on %2. Select it under that server to act on it.")
                                   .arg(m_view->currentIndex().siblingAtColumn(0).data().toString().toHtmlEscaped(),
                                        elsewhere.toHtmlEscaped()));
        else
            m_details->setText(m_model->rowCount() ? tr("Select a database.") : QString());
        return;
    }
    QString text = tr("<b>%1</b> - %2, %n session(s)", nullptr, info->sessions)
                       .arg(info->name.toHtmlEscaped(), format::bytes(info->sizeBytes));
    if (!info->problem.isEmpty())
        text += QStringLiteral("<br>") + tr("Cannot inspect: %1").arg(info->problem.toHtmlEscaped());
    else if (!info->inspected)
        text += QStringLiteral("<br>") + tr("Reading its schema state\u2026");
    else if (!info->managed)
        text += QStringLiteral("<br>")
                + (info->foreignHistories.isEmpty()
                       ? tr("Not managed by Statescope (no migration history).")
                       : tr("Managed by another tool: %1").arg(info->foreignHistories.join(", ")));
    else
        text += QStringLiteral("<br>") + tr("Schema version %1.").arg(info->schemaVersion);
    m_details->setText(text);
    const int generation = ++m_detailsGeneration;
    const weekly::ServerAdmin server = admin();
    struct Details
    {
        migrate::SchemaStatus status;
        QStringList data; // where the game's data lives
        bool bookkeeping = false;
    };
    const pg::ConnectionSettings dbSettings = server.databaseSettings(db);
    m_detailsRunner->start<Details>(
        tr("Reading schema status"),
        [server, db, dbSettings](TaskContext &ctx) {
            Details d;
            d.status = server.schemaStatus(db);
            auto conn = pg::Connection::open(dbSettings, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            const auto lay = layout::of(*conn);
            for (const layout::KindSpec &k : layout::kindSpecs())
                if (const layout::Relation *r = lay->find(k.kind)) {
                    QString line = QStringLiteral("%1: %2").arg(QCoreApplication::translate("Layout", k.label), r->describe());
                    if (r->relkind == 'p')
                        line += tr(", partitioned (%n partition(s))", nullptr, r->partitions);
                    if (r->rowSecurity)
                        line += tr(", row-level security");
                    d.data << line;
                }
            d.bookkeeping = adopt::Adoption::status(*conn).hasBookkeeping();
            return d;
        },
        [this, generation, text, managed = info->managed](const Outcome<Details> &r) {
            if (generation != m_detailsGeneration)
                return; // the selection moved on
            m_pending->clear();
            if (!r.ok()) {
                m_pending->addItem(r.error().message());
                return;
            }
            const auto &st = r.value().status;
            QString html = text;
            if (!r.value().data.isEmpty())
                html += QStringLiteral("<br>") + tr("Game data: %1")
                                                     .arg(r.value().data.join(QStringLiteral("; ")).toHtmlEscaped());
            if (!managed) {
                // Not Statescope's: its own schema stays as it is; the weekly migrations are
                // not for it (no red: this is how such a database should be).
                m_pending->addItem(tr("Statescope's weekly schema does not apply to this database."));
                html += QStringLiteral("<br>")
                        + (r.value().bookkeeping ? tr("Adopted: Statescope's bookkeeping is in its statescope schema.")
                                                 : tr("Read-only for Statescope until adopted (Adopt, in admin mode)."));
                m_details->setText(html);
                return;
            }
            for (const auto &m : st.pending)
                m_pending->addItem(QStringLiteral("V%1  %2").arg(m.version, 3, 10, QLatin1Char('0'))
                                       .arg(m.description));
            if (st.pending.isEmpty())
                m_pending->addItem(tr("None: up to date."));
            if (st.blocked())
                html += QStringLiteral("<br><span style='color:#c0392b'>%1</span>")
                            .arg(migrate::Migrator::describe(st).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                                       QStringLiteral("<br>")));
            m_details->setText(html);
        });
}

void AdminPane::showOutcomeError(const Error &error)
{
    if (error.kind() == Error::Kind::Cancelled)
        m_messages->showMessage(tr("Cancelled; nothing was changed."));
    else
        m_messages->showError(error);
}

} // namespace statescope::gui
