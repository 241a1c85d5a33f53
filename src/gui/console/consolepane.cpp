#include "gui/console/consolepane.h"

#include "core/layout/catalog.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/sqlhighlighter.h"
#include "gui/widgets/style.h"
#include "models/rowgridmodel.h"
#include "gui/widgets/tablewidgets.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>

#include <algorithm>
#include <climits>
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
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::browse;

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
    m_runWeeks = button(QStringLiteral("view-list-details"), tr("Run on wee&ks…"), QStringLiteral("runOnWeeks"),
                        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Return),
                        tr("Run the statement under the cursor on every week of this family (or those you "
                           "choose), the rows in one grid with their week"));
    connect(m_runWeeks, &QPushButton::clicked, this, &ConsolePane::chooseWeeksAndRun);
    m_runWeeks->setEnabled(false);
    auto *stop = button(QStringLiteral("edit-delete"), tr("S&top"), QStringLiteral("stopStatement"), {},
                        tr("Cancel what is running (the server stops the statement)"));
    connect(stop, &QPushButton::clicked, this, &ConsolePane::cancel);
    // Enabled while something runs, so it reads at a glance whether anything does.
    stop->setEnabled(false);
    connect(m_progress, &ProgressPanel::busyChanged, stop, &QWidget::setEnabled);
    auto *open = button(QStringLiteral("document-open"), tr("&Open…"), QStringLiteral("openSql"), {},
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
    // The file buttons sit beside where the statement runs (a label that wraps), so the row
    // of run buttons fits 1280 pixels in every language.
    auto *top = new QHBoxLayout;
    top->addWidget(m_target, 1);
    top->addWidget(m_history, 0, Qt::AlignTop);
    top->addWidget(open, 0, Qt::AlignTop);
    top->addWidget(save, 0, Qt::AlignTop);

    m_results->setObjectName(QStringLiteral("consoleResults"));
    m_results->setTabsClosable(true);
    connect(m_results, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_results->widget(i);
        m_results->removeTab(i);
        w->deleteLater();
    });
    m_resultInfo = new QLabel(this);
    m_resultInfo->setObjectName(QStringLiteral("resultInfo"));
    // The count, and what a read that ran the statement again says: a line or two, never
    // cut and never widening the pane.
    m_resultInfo->setWordWrap(true);
    connect(m_results, &QTabWidget::currentChanged, this, [this](int at) {
        const QWidget *w = m_results->widget(at);
        m_resultInfo->setText(w ? w->property("resultInfo").toString() : QString());
    });
    auto *resultsBox = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_results, 1);
    resultsLayout->addWidget(m_resultInfo);
    auto *split = m_split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(resultsBox);
    // The results get most of the height (a statement is a few lines; a grid or a chart
    // under it wants rows); the handle gives the editor more when a statement is long.
    split->setSizes({200, 500});

    m_target->setObjectName(QStringLiteral("consoleTarget"));
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_target->setMargin(4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
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

void ConsolePane::runCurrent()
{
    // Whatever the completion list offered is not wanted once the statement runs.
    m_editor->completer()->popup()->hide();
    const ScriptStatement statement = m_editor->currentScriptStatement();
    if (statement.text.isEmpty())
        return;
    run({statement});
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
    m_stopAsked = false;
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
    // The statement's beginning, saying so when there is more (its whole text is the tooltip).
    const auto beginning = [](const QString &text, qsizetype n) {
        const QString one = text.simplified();
        return one.size() > n ? one.left(n - 1) + QChar(0x2026) : one;
    };
    const QString title = number > 0 ? tr("%1: %2").arg(number).arg(beginning(statement.text, 24))
                                     : beginning(statement.text, 30);
    const pg::ConnectionSettings db = *m_db;
    if (classify(statement.text) == StatementKind::Query) {
        // Rows stream into the lazy grid through a cursor; the grid owns its connection.
        auto *view = new QTableView(m_results);
        view->setObjectName(QStringLiteral("resultGrid"));
        auto *model = new models::RowGridModel(view);
        view->setModel(model);
        style::uniformRows(view);
        fitColumnsOnNewRows(view);
        const int tab = m_results->addTab(view, title);
        m_results->setCurrentIndex(tab);
        m_results->setTabToolTip(tab, statement.text);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        auto firstRows = std::make_shared<qint64>(-1); // ms until the first rows were there
        // The count line, and what a read that ran the statement again says after it.
        auto count = std::make_shared<QString>(), note = std::make_shared<QString>();
        const auto tell = [this, view, count, note] {
            const QString info = note->isEmpty() ? *count : *count + QStringLiteral(" — ") + *note;
            view->setProperty("resultInfo", info);
            const int at = m_results->indexOf(view);
            if (at >= 0)
                m_results->setTabToolTip(at, info);
            if (m_results->currentWidget() == view)
                m_resultInfo->setText(info);
        };
        connect(model, &models::RowGridModel::countChanged, view, [this, clock, firstRows, count, tell](qint64 n, bool exact) {
            if (*firstRows < 0)
                *firstRows = clock->elapsed();
            *count = exact ? tr("%Ln row(s) in %L1 ms", nullptr, int(std::min<qint64>(n, INT_MAX))).arg(clock->elapsed())
                           : tr("%L1+ rows so far, the first in %L2 ms (reading on as you scroll)")
                                 .arg(n)
                                 .arg(*firstRows);
            tell();
        });
        connect(model, &models::RowGridModel::rerun, view, [note, tell](const QString &message) {
            *note = message;
            tell();
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
            showStatementError(e, statement, db.database());
        });
        // Shown running (with how long, and Stop) once it has run for a moment: a page read
        // while scrolling is over before it would flicker there.
        connect(model, &models::RowGridModel::loadingChanged, this, [this, model](bool loading) {
            if (!loading)
                return m_progress->end(model);
            QTimer::singleShot(250, model, [this, model] {
                if (model->isLoading())
                    m_progress->begin(model, tr("Running the statement"), [model] { model->cancel(); });
            });
        });
        connect(model, &QObject::destroyed, m_progress, [progress = m_progress, model] { progress->end(model); });
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
                const bool stopped = r.cancelled() || (m_stopAsked && r.error().sqlstate() == QLatin1String("57014"));
                replace(messageTab(stopped ? tr("Stopped.") : r.error().oneLine()));
                if (r.error().sqlstate() == QLatin1String("25006"))
                    return offerWrite(statement.text, r.error());
                if (r.error().kind() == Error::Kind::InvalidInput && !stopped)
                    offerConsent(statement, number); // when what it refused are objects it names
                return showStatementError(r.error(), statement, db.database());
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
                                                ? tr("%Ln row(s) in %L1 ms", nullptr, int(c.result.rowCount())).arg(took)
                                                : tr("%1 in %L2 ms").arg(c.tag).arg(took));
            replace(page);
            if (m_results->currentWidget() == page)
                m_resultInfo->setText(page->property("resultInfo").toString());
        });
}

void ConsolePane::showStatementError(const Error &e, const browse::ScriptStatement &statement, const QString &database)
{
    if (e.kind() == Error::Kind::Cancelled || (m_stopAsked && e.sqlstate() == QLatin1String("57014")))
        return m_banner->showMessage(tr("Stopped: the server cancelled the statement, as asked."), database);
    if (e.position() <= 0 || e.position() > statement.text.size() + 1)
        return m_banner->showError(e, database);
    // The position is the statement's; the statement starts at its offset in the editor.
    QTextCursor at(m_editor->document());
    at.setPosition(std::min(statement.offset + e.position() - 1, m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(at);
    m_editor->setFocus();
    const int line = at.blockNumber() + 1, column = at.positionInBlock() + 1;
    m_banner->showError(e, tr("%1, line %2, column %3").arg(database).arg(line).arg(column));
}

void ConsolePane::cancel()
{
    m_stopAsked = true;
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
