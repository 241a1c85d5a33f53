#include "gui/admin/auditdialog.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "models/auditlogmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

constexpr int kJournalEntries = 2000;
constexpr int kDatabaseEntries = 2000;

struct DatabaseLog
{
    bool hasTable = false;
    QList<audit::Entry> entries;
};

} // namespace

AuditDialog::AuditDialog(std::optional<pg::ConnectionSettings> database, QWidget *parent)
    : QDialog(parent), m_db(std::move(database)), m_journal(new models::AuditLogModel(this)),
      m_database(new models::AuditLogModel(this)), m_tabs(new QTabWidget(this)), m_runner(new JobRunner(this)),
      m_dbRunner(new JobRunner(this)), m_progress(new ProgressPanel(this)), m_banner(new Banner(this))
{
    setObjectName(QStringLiteral("auditDialog"));
    setWindowTitle(tr("Audit log"));
    m_tabs->setObjectName(QStringLiteral("auditTabs"));
    m_tabs->addTab(page(m_journal, m_journalView, m_journalNote, m_journalFilter, QStringLiteral("journal")),
                   tr("&Journal (server actions)"));
    m_tabs->addTab(page(m_database, m_databaseView, m_databaseNote, m_databaseFilter, QStringLiteral("database")),
                   tr("&Database audit log"));
    m_progress->follow(m_runner);
    m_progress->follow(m_dbRunner);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *again = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    again->setObjectName(QStringLiteral("auditRefresh"));
    again->setToolTip(tr("Read both logs again (F5)"));
    connect(again, &QPushButton::clicked, this, &AuditDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    connect(f5, &QShortcut::activated, this, &AuditDialog::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_banner);
    layout->addWidget(buttons);
    resize(900, 520);
    refresh();
}

QWidget *AuditDialog::page(models::AuditLogModel *model, QTableView *&view, QLabel *&note, QLineEdit *&filter,
                           const QString &name)
{
    auto *w = new QWidget(this);
    note = new QLabel(w);
    note->setObjectName(name + QStringLiteral("Note"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    filter = new QLineEdit(w);
    filter->setObjectName(name + QStringLiteral("Filter"));
    filter->setPlaceholderText(tr("Filter: any word of any column (an action, a database, a reason…)"));
    filter->setClearButtonEnabled(true);
    auto *proxy = new QSortFilterProxyModel(w);
    proxy->setSourceModel(model);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    view = new QTableView(w);
    view->setObjectName(name + QStringLiteral("View"));
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(note);
    layout->addWidget(filter);
    layout->addWidget(view, 1);
    return w;
}

void AuditDialog::setDatabase(std::optional<pg::ConnectionSettings> database)
{
    m_db = std::move(database);
    ++m_generation;
    m_dbRunner->cancel();
    m_database->clear();
    readDatabase(); // the journal is the machine's: the same whatever database is selected
}

void AuditDialog::refresh()
{
    m_banner->hide();
    readJournal();
    readDatabase();
}

void AuditDialog::readJournal()
{
    if (!m_runner->isBusy()) {
        m_runner->start<QList<audit::Entry>>(
            tr("Reading the journal"),
            [](TaskContext &) { return audit::readJournalActions(kJournalEntries); },
            [this](const Outcome<QList<audit::Entry>> &r) {
                if (!r.ok()) {
                    if (!r.cancelled())
                        m_banner->showError(r.error(), tr("Journal"));
                    return;
                }
                m_journal->setEntries(r.value(), true);
                m_journalView->resizeColumnsToContents();
                QString text = r.value().isEmpty()
                                   ? tr("Reset, drop, move and restore of every server, as this machine's Statescope "
                                        "(GUI and CLI) writes them to %1: none so far.")
                                         .arg(paths::journalPath())
                                   : tr("Reset, drop, move and restore of every server, as this machine's Statescope (GUI "
                                        "and CLI) wrote them to %1: the newest %Ln entries.",
                                        nullptr, int(r.value().size()))
                                         .arg(paths::journalPath());
                if (const int open = int(m_journal->unfinished().size()); open > 0)
                    text += QLatin1Char(' ')
                            + tr("%n run(s) never finished (shown in red): the Admin pane's recovery panel finishes "
                                 "or undoes each.",
                                 nullptr, open);
                m_journalNote->setText(text);
            });
    }
}

void AuditDialog::readDatabase()
{
    if (!m_db) {
        m_databaseNote->setText(tr("Select a database in the Admin pane to read its audit log."));
        return;
    }
    const pg::ConnectionSettings db = *m_db;
    const int generation = ++m_generation;
    m_databaseNote->setText(tr("Reading the audit log of %1…").arg(db.database()));
    m_dbRunner->cancel();
    m_dbRunner->start<DatabaseLog>(
        tr("Reading the audit log of %1").arg(db.database()),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            DatabaseLog out;
            out.hasTable = audit::hasAuditTable(*conn);
            if (out.hasTable)
                out.entries = audit::readFromDatabase(*conn, kDatabaseEntries);
            return out;
        },
        [this, db, generation](const Outcome<DatabaseLog> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                m_databaseNote->setText(tr("The audit log of %1 could not be read.").arg(db.database()));
                if (!r.cancelled())
                    m_banner->showError(r.error(), db.database());
                return;
            }
            m_database->setEntries(r.value().entries, false);
            // A database's log has no phases and names no server: those columns would stay empty.
            m_databaseView->setColumnHidden(models::AuditLogModel::Phase, true);
            m_databaseView->setColumnHidden(models::AuditLogModel::Server, true);
            m_databaseView->resizeColumnsToContents();
            QString note;
            if (!r.value().hasTable)
                note = tr("%1 has no audit log: Statescope did not make it and it is not adopted. Its resets and "
                          "drops are in the journal.");
            else if (r.value().entries.isEmpty())
                note = tr("What is done inside %1 (migrations, adoption, rollbacks, prunes) is written here, in the "
                          "same transaction as the change: nothing so far.");
            else
                note = tr("What was done inside %1 (migrations, adoption, rollbacks, prunes), written in the same "
                          "transaction as the change: the newest %Ln entries.",
                          nullptr, int(r.value().entries.size()));
            m_databaseNote->setText(note.arg(db.database()));
        },
        true);
}

} // namespace statescope::gui
