#include "consolepane.h"

#include "core/layout/catalog.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "gui/banner.h"
#include "gui/familyrun.h"
#include "gui/confirmdialog.h"
#include "gui/jobrunner.h"
#include "gui/progresspanel.h"
#include "gui/sqlhighlighter.h"
#include "gui/style.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::browse;

namespace {

// Writes run as the person, never "as a player": the view-as settings stay with reading.
pg::ConnectionSettings forWriting(const pg::ConnectionSettings &db)
{
    pg::ConnectionSettings out = db;
    for (const auto &[name, value] : db.transactionSettings())
        out = out.withTransactionSetting(name, {});
    return out;
}

void addPlan(QTreeWidgetItem *parent, QTreeWidget *tree, const PlanNode &n)
{
    const QString rows = n.analyzed ? ConsolePane::tr("%L1 of %L2 estimated, %L3 loops").arg(n.actualRows).arg(n.planRows).arg(n.loops)
                                    : ConsolePane::tr("%L1 estimated").arg(n.planRows);
    const QString cost = n.analyzed ? QStringLiteral("%1 ms").arg(QLocale().toString(n.actualTotalMs, 'f', 3))
                                    : QStringLiteral("%1..%2").arg(QLocale().toString(n.startupCost, 'f', 2),
                                                                   QLocale().toString(n.totalCost, 'f', 2));
    const QString self = n.analyzed ? QStringLiteral("%1 ms").arg(QLocale().toString(n.self, 'f', 3))
                                    : QLocale().toString(n.self, 'f', 2);
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, n.type);
    item->setText(1, n.detail);
    item->setText(2, rows);
    item->setText(3, cost);
    item->setText(4, self);
    item->setToolTip(1, n.detail);
    if (n.costliest) {
        QFont bold = item->font(0);
        bold.setBold(true);
        for (int c = 0; c < 5; ++c) {
            item->setFont(c, bold);
            item->setForeground(c, style::toneColour(style::Tone::Danger));
        }
        item->setText(0, ConsolePane::tr("%1  ◀ costliest").arg(n.type));
        item->setData(0, Qt::UserRole, true);
    }
    for (const PlanNode &c : n.children)
        addPlan(item, tree, c);
}

} // namespace

// ConsolePane -------------------------------------------------------------------------------

ConsolePane::ConsolePane(QWidget *parent)
    : QWidget(parent), m_target(new QLabel(this)), m_editor(new SqlEditor(this)), m_results(new QTabWidget(this)),
      m_timeout(new QSpinBox(this)), m_history(new QToolButton(this)), m_banner(new Banner(this)),
      m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this))
{
    setObjectName(QStringLiteral("consolePane"));
    auto button = [this](const QString &icon, const QString &text, const QString &name,
                         const QKeySequence &keys, const QString &tip) {
        auto *b = new QPushButton(style::icon(icon), text, this);
        b->setObjectName(name);
        if (!keys.isEmpty())
            b->setShortcut(keys);
        b->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
        return b;
    };
    auto *run = button(QStringLiteral("media-playback-start"), tr("&Run"), QStringLiteral("runStatement"),
                       QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Run the statement under the cursor, or the selection"));
    auto *runAll = button(QStringLiteral("media-playback-start"), tr("Run a&ll"), QStringLiteral("runScript"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), tr("Run every statement, a result tab each"));
    auto *explainButton = button(QStringLiteral("view-list-tree"), tr("E&xplain"), QStringLiteral("explainStatement"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("The plan of the statement, as a tree"));
    auto *analyze = button(QStringLiteral("office-chart-line"), tr("Explain &analyze"), QStringLiteral("explainAnalyze"),
                           {}, tr("Run it and show where the time went (read-only; a write only in admin mode, "
                                  "rolled back)"));
    m_runWeeks = button(QStringLiteral("view-list-details"), tr("Run on &weeks…"), QStringLiteral("runOnWeeks"),
                        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Return),
                        tr("Run the statement under the cursor on every week of this family (or those you "
                           "choose), the rows in one grid with their week"));
    connect(m_runWeeks, &QPushButton::clicked, this, &ConsolePane::chooseWeeksAndRun);
    m_runWeeks->setEnabled(false);
    auto *stop = button(QStringLiteral("edit-delete"), tr("S&top"), QStringLiteral("stopStatement"), {},
                        tr("Cancel what is running (the server stops the statement)"));
    connect(stop, &QPushButton::clicked, this, &ConsolePane::cancel);
    auto *open = button(QStringLiteral("document-revert"), tr("&Open…"), QStringLiteral("openSql"), {},
                        tr("Open a .sql file"));
    auto *save = button(QStringLiteral("document-save"), tr("&Save…"), QStringLiteral("saveSql"), {},
                        tr("Save the editor to a .sql file"));
    m_history->setObjectName(QStringLiteral("consoleHistory"));
    m_history->setText(tr("History"));
    m_history->setPopupMode(QToolButton::InstantPopup);
    m_history->setMenu(new QMenu(m_history));
    connect(m_history->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_history->menu();
        menu->clear();
        for (const QString &statement : history()) {
            QString label = statement.simplified();
            if (label.size() > 90)
                label = label.left(90) + QStringLiteral("…");
            menu->addAction(label, this, [this, statement] {
                m_editor->setPlainText(statement);
                m_editor->setFocus();
            });
        }
        if (menu->isEmpty())
            menu->addAction(tr("(nothing run on this database yet)"))->setEnabled(false);
    });
    m_timeout->setObjectName(QStringLiteral("consoleTimeout"));
    m_timeout->setRange(0, 3600);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("no timeout"));
    m_timeout->setToolTip(tr("statement_timeout of each statement"));

    connect(run, &QPushButton::clicked, this, &ConsolePane::runCurrent);
    connect(runAll, &QPushButton::clicked, this, &ConsolePane::runAll);
    connect(explainButton, &QPushButton::clicked, this, [this] { explain(false); });
    connect(analyze, &QPushButton::clicked, this, [this] { explain(true); });
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open SQL"), {}, tr("SQL (*.sql);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save SQL"), QStringLiteral("query.sql"), tr("SQL (*.sql)"));
        if (!path.isEmpty())
            saveFile(path);
    });

    auto *bar = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{run, runAll, m_runWeeks, explainButton, analyze, stop})
        bar->addWidget(w);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Timeout:"), this));
    bar->addWidget(m_timeout);
    bar->addSpacing(12);
    buildViewAs(bar);
    bar->addStretch(1);
    bar->addWidget(m_history);
    bar->addWidget(open);
    bar->addWidget(save);

    m_results->setObjectName(QStringLiteral("consoleResults"));
    m_results->setTabsClosable(true);
    connect(m_results, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_results->widget(i);
        m_results->removeTab(i);
        w->deleteLater();
    });
    m_resultInfo = new QLabel(this);
    m_resultInfo->setObjectName(QStringLiteral("resultInfo"));
    connect(m_results, &QTabWidget::currentChanged, this, [this](int at) {
        const QWidget *w = m_results->widget(at);
        m_resultInfo->setText(w ? w->property("resultInfo").toString() : QString());
    });
    auto *resultsBox = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_results, 1);
    resultsLayout->addWidget(m_resultInfo);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(resultsBox);
    split->setSizes({240, 460});

    m_target->setObjectName(QStringLiteral("consoleTarget"));
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_target->setMargin(4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_target);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    m_progress->follow(m_jobs);
    setDatabase(std::nullopt);
}

ConsolePane::~ConsolePane() = default;

void ConsolePane::setDatabase(const std::optional<pg::ConnectionSettings> &db, bool carryText)
{
    if (db && m_db && db->conninfo() == m_db->conninfo())
        return;
    // What was typed stays with the database it was typed for.
    const QString text = m_editor->toPlainText();
    if (m_db)
        m_texts.insert(textKey(), text);
    m_db = db;
    ++m_generation;
    m_jobs->cancel();
    m_banner->hide();
    while (m_results->count() > 0) {
        QWidget *w = m_results->widget(0);
        m_results->removeTab(0);
        w->deleteLater(); // its grid closes its cursor on its own worker
    }
    m_resultInfo->clear();
    m_readingAs.clear();
    loadRowSecurity();
    if (db)
        m_editor->setPlainText(carryText ? text : m_texts.value(textKey()));
    else
        m_editor->clear();
    setEnabled(db.has_value());
    showTarget();
    if (db)
        loadCompletions();
}

void ConsolePane::setServerLook(const QString &label, const QColor &colour, bool production)
{
    m_serverLabel = label;
    m_serverColour = colour;
    m_production = production;
    showTarget();
}

void ConsolePane::showTarget()
{
    if (!m_db) {
        m_target->setText(tr("No database selected."));
        m_target->setStyleSheet({});
        return;
    }
    const QString server = m_serverLabel.isEmpty() ? m_db->displayName() : m_serverLabel;
    QString text = tr("Runs on <b>%1</b> on %2%3")
                       .arg(m_db->database().toHtmlEscaped(), server.toHtmlEscaped(),
                            m_production ? tr(" <b>[PRODUCTION]</b>") : QString());
    if (!m_readingAs.isEmpty())
        text += QStringLiteral(" — ") + m_readingAs.toHtmlEscaped();
    if (!viewAsText().isEmpty())
        text += QStringLiteral(" — ") + viewAsText().toHtmlEscaped();
    m_target->setText(text);
    const QColor tint = m_serverColour.isValid() ? m_serverColour
                        : m_production           ? style::toneColour(style::Tone::Danger)
                                                 : QColor();
    m_target->setStyleSheet(tint.isValid()
                                ? QStringLiteral("#consoleTarget { border: 2px solid %1; }").arg(tint.name())
                                : QString());
}

void ConsolePane::setAdminMode(bool on)
{
    m_admin = on;
}

QString ConsolePane::historyKey() const
{
    return m_db ? m_db->displayName() : QString();
}

QString ConsolePane::textKey() const
{
    // The server's own label too: two servers reached as "local" (a socket, a tunnel) are not
    // one console.
    return m_db ? m_serverLabel + QLatin1Char('\n') + m_db->storableString() : QString();
}

QStringList ConsolePane::history() const
{
    return m_db ? settings::consoleHistory(historyKey()) : QStringList();
}

int ConsolePane::timeoutMs() const
{
    return m_timeout->value() * 1000;
}

void ConsolePane::loadCompletions()
{
    struct Names
    {
        QStringList words;
        QString protection;
    };
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    m_jobs->start<Names>(
        tr("Reading names for completion"),
        [db](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            QSet<QString> words;
            for (const layout::CatalogTable &t : layout::readCatalog(*conn, true)) {
                words << t.schema << t.name << t.schema + QLatin1Char('.') + t.name;
                for (const layout::Column &c : t.columns)
                    words << c.name;
            }
            return Names{QStringList(words.begin(), words.end()), conn->readProtection().describe()};
        },
        [this, generation](const Outcome<Names> &r) {
            if (generation != m_generation || !r.ok())
                return;
            m_editor->setCompletions(r.value().words);
            m_readingAs = r.value().protection;
            showTarget();
        });
}

void ConsolePane::setFamily(const weekly::Family &family)
{
    m_family = family;
    m_runWeeks->setEnabled(!family.isEmpty());
    m_runWeeks->setToolTip(family.isEmpty()
                               ? tr("Only for a weekly database (prefix_YYYY_wNN): its family's weeks")
                               : tr("Run the statement under the cursor on the weeks of %1 (%n week(s)) (%2)", nullptr,
                                    int(family.weeks().size()))
                                     .arg(family.prefix(), m_runWeeks->shortcut().toString(QKeySequence::NativeText)));
}

void ConsolePane::chooseWeeksAndRun()
{
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty() || m_family.isEmpty())
        return;
    FamilyRunDialog dialog(m_family, statement, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    runOnWeeks(dialog.chosen(), dialog.parallelism());
}

FamilyRunView *ConsolePane::runOnWeeks(const QList<weekly::FamilyWeek> &weeks, int parallelism)
{
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty() || weeks.isEmpty())
        return nullptr;
    browse::FamilyQuery::Options options;
    options.parallelism = parallelism;
    options.timeoutMs = timeoutMs();
    try {
        browse::FamilyQuery::check(statement, options);
    } catch (const Error &e) {
        m_banner->showError(e, m_db ? m_db->database() : QString());
        return nullptr;
    }
    m_banner->hide();
    settings::addConsoleHistory(historyKey(), statement);
    auto *view = new FamilyRunView(weeks, statement, options, m_results);
    const int tab = m_results->addTab(view, tr("%n week(s)", nullptr, int(weeks.size())));
    m_results->setTabToolTip(tab, statement);
    m_results->setCurrentIndex(tab);
    view->start();
    return view;
}

void ConsolePane::runCurrent()
{
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty())
        return;
    run({ScriptStatement{statement, 1, 0}});
}

void ConsolePane::runAll()
{
    run(splitScript(m_editor->toPlainText()));
}

void ConsolePane::run(const QList<ScriptStatement> &statements)
{
    if (!m_db || statements.isEmpty())
        return;
    m_banner->hide();
    for (int i = 0; i < statements.size(); ++i) {
        settings::addConsoleHistory(historyKey(), statements[i].text);
        runOne(statements[i], statements.size() > 1 ? i + 1 : 0);
    }
}

QWidget *ConsolePane::messageTab(const QString &text)
{
    auto *label = new QLabel(text, m_results);
    label->setObjectName(QStringLiteral("resultMessage"));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(8);
    return label;
}

void ConsolePane::runOne(const ScriptStatement &statement, int number)
{
    const QString title = number > 0 ? tr("%1: %2").arg(number).arg(statement.text.simplified().left(24))
                                     : statement.text.simplified().left(30);
    const pg::ConnectionSettings db = *m_db;
    if (classify(statement.text) == StatementKind::Query) {
        // Rows stream into the lazy grid through a cursor; the grid owns its connection.
        auto *view = new QTableView(m_results);
        view->setObjectName(QStringLiteral("resultGrid"));
        auto *model = new models::RowGridModel(view);
        view->setModel(model);
        view->horizontalHeader()->setDefaultSectionSize(150);
        style::uniformRows(view);
        const int tab = m_results->addTab(view, title);
        m_results->setCurrentIndex(tab);
        m_results->setTabToolTip(tab, statement.text);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        auto firstRows = std::make_shared<qint64>(-1); // ms until the first rows were there
        connect(model, &models::RowGridModel::countChanged, view, [this, view, clock, firstRows](qint64 n, bool exact) {
            if (*firstRows < 0)
                *firstRows = clock->elapsed();
            const QString info = exact ? tr("%L1 row(s) in %L2 ms").arg(n).arg(clock->elapsed())
                                       : tr("%L1+ rows so far, the first in %L2 ms (reading on as you scroll)")
                                             .arg(n)
                                             .arg(*firstRows);
            view->setProperty("resultInfo", info);
            const int at = m_results->indexOf(view);
            if (at >= 0)
                m_results->setTabToolTip(at, info);
            if (m_results->currentWidget() == view)
                m_resultInfo->setText(info);
        });
        connect(model, &models::RowGridModel::failed, this, [this, view, statement, number, db](const Error &e) {
            const int at = m_results->indexOf(view);
            if (at >= 0) {
                m_results->removeTab(at);
                view->deleteLater();
            }
            if (e.sqlstate() == QLatin1String("25006"))
                return offerWrite(statement.text, e);
            if (e.kind() == Error::Kind::InvalidInput)
                offerConsent(statement, number);
            m_banner->showError(e, db.database());
        });
        model->openQuery(db, statement.text, timeoutMs());
        return;
    }
    const quint64 generation = m_generation;
    const int timeout = timeoutMs();
    // The tab is taken now, so results stand in the order of the statements.
    QWidget *placeholder = messageTab(tr("Running…"));
    const int reserved = m_results->addTab(placeholder, title);
    m_results->setTabToolTip(reserved, statement.text);
    auto replace = [this, placeholder, title](QWidget *page) {
        const int at = m_results->indexOf(placeholder);
        if (at < 0) {
            page->deleteLater(); // the tab was closed meanwhile
            return;
        }
        // Stays where the person is: the result shows itself only if its tab was on screen.
        const bool current = m_results->currentWidget() == placeholder;
        m_results->removeTab(at);
        placeholder->deleteLater();
        m_results->insertTab(at, page, title);
        if (current)
            m_results->setCurrentIndex(at);
    };
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_jobs->start<CommandResult>(
        tr("Running %1").arg(statement.text.simplified().left(40)),
        [db, text = statement.text, timeout](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            return Console::runCommand(*conn, text, timeout);
        },
        [this, generation, title, statement, number, db, replace, clock](const Outcome<CommandResult> &r) {
            if (generation != m_generation)
                return;
            const qint64 took = clock->elapsed();
            if (!r.ok()) {
                replace(messageTab(r.cancelled() ? tr("Cancelled.") : r.error().oneLine()));
                if (r.error().sqlstate() == QLatin1String("25006"))
                    return offerWrite(statement.text, r.error());
                if (r.cancelled())
                    return m_banner->showMessage(tr("Cancelled."), db.database());
                if (r.error().kind() == Error::Kind::InvalidInput)
                    offerConsent(statement, number); // when what it refused are objects it names
                return m_banner->showError(r.error(), db.database());
            }
            const CommandResult &c = r.value();
            QWidget *page;
            if (c.result.columnCount() > 0) {
                auto *model = new QStandardItemModel(c.result.rowCount(), c.result.columnCount(), m_results);
                for (int col = 0; col < c.result.columnCount(); ++col)
                    model->setHeaderData(col, Qt::Horizontal, c.result.columnName(col));
                for (int row = 0; row < c.result.rowCount(); ++row)
                    for (int col = 0; col < c.result.columnCount(); ++col)
                        model->setItem(row, col, new QStandardItem(c.result.isNull(row, col) ? QStringLiteral("NULL")
                                                                                             : c.result.value(row, col)));
                auto *view = new QTableView(m_results);
                view->setObjectName(QStringLiteral("resultTable"));
                view->setModel(model);
                model->setParent(view);
                view->setEditTriggers(QAbstractItemView::NoEditTriggers);
                style::uniformRows(view);
                page = view;
            } else {
                page = messageTab(c.tag);
            }
            page->setProperty("resultInfo", c.result.columnCount() > 0
                                                ? tr("%L1 row(s) in %L2 ms").arg(c.result.rowCount()).arg(took)
                                                : tr("%1 in %L2 ms").arg(c.tag).arg(took));
            replace(page);
            if (m_results->currentWidget() == page)
                m_resultInfo->setText(page->property("resultInfo").toString());
        });
}

void ConsolePane::explain(bool analyze)
{
    if (!m_db)
        return;
    const QString statement = m_editor->currentStatement();
    if (statement.isEmpty())
        return;
    settings::addConsoleHistory(historyKey(), statement);
    const pg::ConnectionSettings db = *m_db;
    const quint64 generation = m_generation;
    const int timeout = timeoutMs();
    // EXPLAIN ANALYZE runs the statement: a write only in admin mode, on a read-write
    // connection in a transaction that is always rolled back.
    const bool write = analyze && m_admin && classify(statement) == StatementKind::Command;
    m_jobs->start<PlanNode>(
        analyze ? tr("Explaining (analyze) the statement") : tr("Explaining the statement"),
        [db, statement, analyze, timeout, write](TaskContext &ctx) {
            auto conn = pg::Connection::open(write ? forWriting(db) : db,
                                             write ? pg::Connection::Access::ReadWrite : pg::Connection::Access::ReadOnly,
                                             &ctx.cancelToken());
            return Console::explain(*conn, statement, analyze, timeout, write);
        },
        [this, generation, analyze, db](const Outcome<PlanNode> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                if (r.error().sqlstate() == QLatin1String("25006"))
                    return m_banner->showMessage(
                        tr("EXPLAIN ANALYZE runs the statement, and it writes: switch on admin mode to analyze it "
                           "in a transaction that is rolled back."),
                        db.database());
                return m_banner->showError(r.error(), db.database());
            }
            auto *tree = new QTreeWidget(m_results);
            tree->setObjectName(QStringLiteral("planTree"));
            tree->setHeaderLabels({tr("Node"), tr("Detail"), tr("Rows"), analyze ? tr("Time") : tr("Cost"),
                                   analyze ? tr("Self time") : tr("Self cost")});
            style::uniformRows(tree); // before the items: the row height is measured once
            addPlan(nullptr, tree, r.value());
            tree->expandAll();
            for (int c : {0, 2, 3, 4})
                tree->resizeColumnToContents(c);
            tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
            const int tab = m_results->addTab(tree, analyze ? tr("Plan (analyze)") : tr("Plan"));
            m_results->setCurrentIndex(tab);
        });
}

void ConsolePane::offerWrite(const QString &statement, const Error &refusal)
{
    const QString database = m_db ? m_db->database() : QString();
    if (!m_admin) {
        m_banner->showMessage(tr("The console is read-only: the server refused a write (%1). Switch on admin "
                                 "mode (Ctrl+Shift+A) to run it after a typed confirmation; it is journalled "
                                 "and audited.")
                                  .arg(refusal.message()),
                              database);
        return;
    }
    const pg::ConnectionSettings db = *m_db;
    auto *dialog = new ConfirmDialog(
        tr("Run write"), tr("Run a write on <b>%1</b>?").arg(database.toHtmlEscaped()),
        tr("<p>The server refused this statement in a read-only transaction. Run it in a read-write "
           "transaction of its own, committed, journalled locally and in the database's audit log "
           "(when Statescope's bookkeeping is there):</p><pre>%1</pre>")
            .arg(statement.toHtmlEscaped()),
        database, false, this);
    dialog->setObjectName(QStringLiteral("consoleWriteDialog"));
    dialog->setReasonRequired(true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, statement, db] {
        const QString reason = dialog->reason();
        const int timeout = timeoutMs();
        m_jobs->start<CommandResult>(
            tr("Running a write on %1").arg(db.database()),
            [db, statement, reason, timeout](TaskContext &ctx) {
                auto conn = pg::Connection::open(forWriting(db), pg::Connection::Access::ReadWrite, &ctx.cancelToken());
                return Console::runWrite(*conn, statement, reason, timeout);
            },
            [this, db](const Outcome<CommandResult> &r) {
                if (!r.ok())
                    return m_banner->showError(r.error(), db.database());
                m_banner->showSuccess(tr("Committed: %1 (journalled and audited).").arg(r.value().tag), db.database());
                const int tab = m_results->addTab(messageTab(r.value().tag), tr("Write"));
                m_results->setCurrentIndex(tab);
                emit wrote(db.database());
            });
    });
    dialog->open();
}

void ConsolePane::cancel()
{
    m_jobs->cancel();
    for (int i = 0; i < m_results->count(); ++i)
        if (auto *view = qobject_cast<QTableView *>(m_results->widget(i)))
            if (auto *model = qobject_cast<models::RowGridModel *>(view->model()))
                model->cancel();
}

bool ConsolePane::openFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_banner->showError(Error(Error::Kind::Environment, tr("Cannot read %1: %2").arg(path, f.errorString())));
        return false;
    }
    m_editor->setPlainText(QString::fromUtf8(f.readAll()));
    return true;
}

bool ConsolePane::saveFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || f.write(m_editor->toPlainText().toUtf8()) < 0) {
        m_banner->showError(Error(Error::Kind::Environment, tr("Cannot write %1: %2").arg(path, f.errorString())));
        return false;
    }
    return true;
}

} // namespace statescope::gui
