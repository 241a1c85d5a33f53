// The story of one value in one database, a page at a time (storywindow.h).
#include "gui/find/storywindow.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/widgets/tablewidgets.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace statescope::gui {

// The connection and the story, opened by the first read on the worker's thread and used
// there only.
struct StoryWindow::Reader
{
    std::unique_ptr<pg::Connection> conn;
    std::unique_ptr<find::Story> story;
    QStringList sources, skipped;

    void ensure(const pg::ConnectionSettings &database, const QString &value, TaskContext &ctx)
    {
        if (conn && conn->isAlive())
            return;
        story.reset();
        conn = pg::Connection::open(database, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
        story = std::make_unique<find::Story>(*conn, find::Needle::parse(value));
        sources = story->sources();
        skipped = story->skipped();
    }
};

namespace {

QString kindLabel(const QString &source)
{
    static const struct
    {
        const char *source;
        const char *label;
    } kLabels[] = {{"api_events", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "API event")},
                   {"snapshots", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "snapshot")},
                   {"saves", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "save")},
                   {"player_events", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "player event")},
                   {"maneuver_events", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "maneuver")},
                   {"games", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "game")},
                   {"plays", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "play")},
                   {"rolls", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "roll")},
                   {"audit_log", QT_TRANSLATE_NOOP("statescope::gui::StoryWindow", "audit log")}};
    for (const auto &l : kLabels)
        if (source == QLatin1String(l.source))
            return StoryWindow::tr(l.label);
    return source;
}

} // namespace

StoryWindow::StoryWindow(pg::ConnectionSettings database, QString label, QString server, QString value,
                         QWidget *parent)
    : QDialog(parent), m_database(std::move(database)), m_label(std::move(label)), m_server(std::move(server)),
      m_value(std::move(value)), m_reader(std::make_shared<Reader>()), m_summary(new QLabel(this)),
      m_banner(new Banner(this)), m_model(new QStandardItemModel(this)), m_view(new RowOpeningView(this)),
      m_detail(new QPlainTextEdit(this)), m_oldest(new QPushButton(tr("Oldest"), this)),
      m_older(new QPushButton(tr("Older"), this)), m_newer(new QPushButton(tr("Newer"), this)),
      m_newest(new QPushButton(tr("Newest"), this)), m_export(new QPushButton(tr("Export…"), this)),
      m_jobs(new JobRunner(this)), m_progress(new ProgressPanel(this))
{
    setObjectName(QStringLiteral("storyWindow"));
    setWindowTitle(tr("Story of %1 in %2").arg(m_value.left(60), m_label));
    setModal(false);
    resize(1000, 620);

    m_summary->setObjectName(QStringLiteral("storySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();

    const auto button = [this](QPushButton *b, const char *name, const QString &tip, const QKeySequence &key) {
        b->setObjectName(QLatin1String(name));
        b->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        b->setEnabled(false);
        if (!key.isEmpty()) {
            auto *s = new QShortcut(key, this);
            connect(s, &QShortcut::activated, b, [b] {
                if (b->isEnabled())
                    b->click();
            });
        }
    };
    button(m_oldest, "storyOldest", tr("The story from its beginning"), QKeySequence(Qt::CTRL | Qt::Key_Home));
    button(m_older, "storyOlder", tr("The page before this one"), QKeySequence(Qt::Key_PageUp | Qt::ALT));
    button(m_newer, "storyNewer", tr("The page after this one"), QKeySequence(Qt::Key_PageDown | Qt::ALT));
    button(m_newest, "storyNewest", tr("The story's last page"), QKeySequence(Qt::CTRL | Qt::Key_End));
    button(m_export, "storyExport", tr("Write the whole story to a file, CSV or JSON lines (progress below; Cancel "
                                       "stops it)"),
           QKeySequence(Qt::CTRL | Qt::Key_S));
    connect(m_oldest, &QPushButton::clicked, this, &StoryWindow::showOldest);
    connect(m_older, &QPushButton::clicked, this, &StoryWindow::showOlder);
    connect(m_newer, &QPushButton::clicked, this, &StoryWindow::showNewer);
    connect(m_newest, &QPushButton::clicked, this, &StoryWindow::showNewest);
    connect(m_export, &QPushButton::clicked, this, &StoryWindow::chooseExport);
    m_progress->follow(m_jobs);
    connect(m_jobs, &JobRunner::busyChanged, this, [this] { updateButtons(); });

    m_model->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("Kind"), tr("Table"), tr("Key"), tr("Row"), tr("Change")});
    m_view->setObjectName(QStringLiteral("storyEntries"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Double-click or press Enter to open the entry where it belongs"));
    static_cast<RowOpeningView *>(m_view)->activate = [this](int row) {
        if (row < 0 || row >= m_entries.size())
            return;
        const find::StoryEntry &e = m_entries.at(row);
        FoundRow found;
        found.database = m_database;
        found.label = m_label;
        found.server = m_server;
        found.hit.database = m_database.database();
        found.hit.kind = e.source == QLatin1String("audit_log") ? QString() : e.source;
        found.hit.schema = e.table.section(QLatin1Char('.'), 0, 0);
        found.hit.table = e.table.section(QLatin1Char('.'), 1);
        if (e.keyColumn != QLatin1String("ctid")) {
            found.hit.keyColumns = {e.keyColumn};
            found.hit.keyValues = {e.key};
        }
        found.hit.at = e.at;
        found.hit.summary = e.summary;
        found.hit.context = e.context;
        emit open(found);
    };
    connect(m_view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &i) { static_cast<RowOpeningView *>(m_view)->activate(i.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) { showDetail(i.row()); });
    m_detail->setObjectName(QStringLiteral("storyDetail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("The selected entry's changes and the parts of its row that hold the value."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_oldest);
    top->addWidget(m_older);
    top->addWidget(m_newer);
    top->addWidget(m_newest);
    top->addWidget(m_progress, 1);
    top->addStretch();
    top->addWidget(m_export);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("storyClose"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    top->addWidget(close);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    connect(this, &QDialog::rejected, m_jobs, &JobRunner::cancel);
}

StoryWindow::~StoryWindow()
{
    m_jobs->cancel();
}

bool StoryWindow::isBusy() const
{
    return m_jobs->isBusy();
}

void StoryWindow::showOldest()
{
    read(std::nullopt, find::Story::Direction::Newer);
}

void StoryWindow::showNewest()
{
    read(std::nullopt, find::Story::Direction::Older);
}

void StoryWindow::showOlder()
{
    if (m_olderAt)
        read(m_olderAt, find::Story::Direction::Older);
}

void StoryWindow::showNewer()
{
    if (m_newerAt)
        read(m_newerAt, find::Story::Direction::Newer);
}

void StoryWindow::read(std::optional<find::StoryCursor> from, find::Story::Direction direction)
{
    if (m_jobs->isBusy())
        return;
    m_banner->clearFor(QStringLiteral("story"));
    const std::shared_ptr<Reader> reader = m_reader;
    const pg::ConnectionSettings database = m_database;
    const QString value = m_value;
    m_jobs->start<find::StoryPage>(
        tr("Reading the story of %1").arg(m_value.left(40)),
        [reader, database, value, from, direction](TaskContext &ctx) {
            reader->ensure(database, value, ctx);
            reader->conn->bindCancelToken(&ctx.cancelToken());
            try {
                find::StoryPage page = reader->story->page(from, direction, kPageSize, &ctx);
                reader->conn->bindCancelToken(nullptr);
                return page;
            } catch (const Error &e) {
                reader->conn->bindCancelToken(nullptr);
                if (e.kind() == Error::Kind::Connection)
                    reader->conn.reset(); // the next read connects again
                throw;
            }
        },
        [this](const Outcome<find::StoryPage> &out) {
            if (out.ok())
                showPage(out.value());
            else
                m_banner->showFailure(out.error(), QStringLiteral("story"));
            updateButtons();
            emit pageShown();
        });
}

void StoryWindow::showPage(const find::StoryPage &page)
{
    m_shown = true;
    m_entries = page.entries;
    m_olderAt = page.older;
    m_newerAt = page.newer;
    m_model->removeRows(0, m_model->rowCount());
    for (const find::StoryEntry &e : m_entries) {
        QList<QStandardItem *> items{new QStandardItem(e.at), new QStandardItem(kindLabel(e.source)),
                                     new QStandardItem(e.table),
                                     new QStandardItem(e.keyColumn + QLatin1Char('=') + e.key),
                                     new QStandardItem(e.summary), new QStandardItem(e.change)};
        items.last()->setToolTip(e.change);
        items[SummaryColumn]->setToolTip(e.summary);
        m_model->appendRow(items);
    }
    // A page where nothing was compared (rows found by their request key, say) gives the
    // change's room to the rows.
    const bool compared = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                      [](const find::StoryEntry &e) { return !e.change.isEmpty(); });
    m_view->setColumnHidden(ChangeColumn, !compared);
    m_view->resizeColumnsToContents();
    for (int c : {SummaryColumn, ChangeColumn})
        m_view->setColumnWidth(c, qMin(m_view->columnWidth(c), 360));
    QStringList sources; // read by the job that just ended; each kind for people
    for (const QString &s : m_reader->sources)
        sources << kindLabel(s.section(QLatin1Char(' '), 0, 0)) + QLatin1Char(' ') + s.section(QLatin1Char(' '), 1);
    QString text = m_entries.isEmpty()
        ? tr("Nothing here holds %1.").arg(m_value)
        : tr("%n entries, %1 to %2.", nullptr, int(m_entries.size())).arg(m_entries.first().at, m_entries.last().at);
    text += QLatin1Char(' ') + (sources.isEmpty() ? tr("No kind of data here can hold this value.")
                                                  : tr("Followed in: %1.").arg(sources.join(QStringLiteral(", "))));
    if (!m_reader->skipped.isEmpty())
        text += QLatin1Char(' ') + tr("Not followed: %1.").arg(m_reader->skipped.join(QStringLiteral("; ")));
    m_summary->setText(text);
    if (!m_entries.isEmpty())
        m_view->selectRow(0);
    else
        m_detail->clear();
}

void StoryWindow::showDetail(int row)
{
    if (row < 0 || row >= m_entries.size()) {
        m_detail->clear();
        return;
    }
    const find::StoryEntry &e = m_entries.at(row);
    QString text = QStringLiteral("%1  %2  %3=%4\n%5\n").arg(e.at, e.table, e.keyColumn, e.key, e.summary);
    if (!e.changes.empty()) {
        text += QLatin1Char('\n') + tr("Changes from the previous one:") + QLatin1Char('\n');
        for (const auto &c : e.changes)
            text += QStringLiteral("  %1: %2 → %3\n")
                        .arg(QString::fromStdString(c.value("path", "")),
                             c["before"].is_null() ? QStringLiteral("—") : QString::fromStdString(c["before"].get<std::string>()),
                             c["after"].is_null() ? QStringLiteral("—") : QString::fromStdString(c["after"].get<std::string>()));
    } else if (!e.change.isEmpty()) {
        text += QLatin1Char('\n') + e.change + QLatin1Char('\n');
    }
    if (!e.document.isEmpty() && e.document != QLatin1String("[]")) {
        const auto doc = nlohmann::json::parse(e.document.toStdString(), nullptr, false);
        text += QLatin1Char('\n')
            + (doc.is_discarded() ? e.document : QString::fromStdString(doc.dump(2)).left(200000));
    }
    m_detail->setPlainText(text);
}

void StoryWindow::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the story"), m_value.left(40) + QStringLiteral(".csv"),
        tr("CSV (*.csv);;JSON lines (*.jsonl)"));
    if (!path.isEmpty())
        exportTo(path);
}

void StoryWindow::exportTo(const QString &path)
{
    if (m_jobs->isBusy())
        return;
    m_banner->clearFor(QStringLiteral("story"));
    const std::shared_ptr<Reader> reader = m_reader;
    const pg::ConnectionSettings database = m_database;
    const QString value = m_value;
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    m_jobs->start<qint64>(
        tr("Exporting the story of %1").arg(m_value.left(40)),
        [reader, database, value, path, csv](TaskContext &ctx) {
            reader->ensure(database, value, ctx);
            reader->conn->bindCancelToken(&ctx.cancelToken());
            // Written whole or not at all: the file appears only when every page is in it.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                throw Error(Error::Kind::InvalidInput, tr("%1 cannot be written: %2").arg(path, file.errorString()));
            qint64 n = 0;
            try {
                n = find::storyexport::writeAll(*reader->story, csv, 500, [&](const QByteArray &bytes) {
                    return file.write(bytes) == bytes.size();
                }, &ctx);
                reader->conn->bindCancelToken(nullptr);
            } catch (const Error &e) {
                reader->conn->bindCancelToken(nullptr);
                if (e.kind() == Error::Kind::Connection)
                    reader->conn.reset();
                file.cancelWriting();
                throw;
            }
            if (!file.commit())
                throw Error(Error::Kind::InvalidInput, tr("%1 cannot be written: %2").arg(path, file.errorString()));
            return n;
        },
        [this, path](const Outcome<qint64> &out) {
            if (out.ok()) {
                m_banner->showSuccess(tr("%n entries written to %1.", nullptr, int(qMin<qint64>(out.value(), INT_MAX)))
                                          .arg(path),
                                      QStringLiteral("story"));
                emit exported(path, out.value());
            } else {
                m_banner->showFailure(out.error(), QStringLiteral("story"));
            }
            updateButtons();
        });
}

void StoryWindow::updateButtons()
{
    const bool idle = !m_jobs->isBusy();
    m_oldest->setEnabled(idle);
    m_newest->setEnabled(idle);
    m_older->setEnabled(idle && m_olderAt.has_value());
    m_newer->setEnabled(idle && m_newerAt.has_value());
    m_export->setEnabled(idle && m_shown);
}

} // namespace statescope::gui
