#include "gui/players/playereventspane.h"
#include "gui/widgets/tablewidgets.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace statescope::gui {

using namespace statescope::events;

struct PlayerEventsPane::Loaded
{
    bool available = false;
    QString source;
    browse::RowSecurity rls;
    PlayerEventPage page;
    QStringList partitions;
    bool counted = false;
    QList<TypeDayCount> counts;
    QString countsNote;
};

namespace {

QLineEdit *field(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    e->setPlaceholderText(placeholder);
    e->setClearButtonEnabled(true);
    return e;
}

} // namespace

PlayerEventsPane::PlayerEventsPane(QWidget *parent)
    : QWidget(parent), m_runner(new JobRunner(this)), m_progress(new ProgressPanel(this)), m_banner(new Banner(this))
{
    setObjectName(QStringLiteral("playerEventsPane"));
    m_progress->follow(m_runner);
    m_player = field(this, QStringLiteral("playerFilter"), tr("Player (UUID)"));
    m_type = field(this, QStringLiteral("typeFilter"), tr("Types, comma-separated"));
    m_since = field(this, QStringLiteral("sinceFilter"), tr("From (UTC): 2025-11-01"));
    m_until = field(this, QStringLiteral("untilFilter"), tr("Until (UTC): 2025-12-01"));
    auto *applyButton = new QPushButton(tr("Apply"), this);
    applyButton->setToolTip(tr("Read the newest events that match (Enter in a field)"));
    for (QLineEdit *e : {m_player, m_type, m_since, m_until})
        connect(e, &QLineEdit::returnPressed, this, &PlayerEventsPane::apply);
    connect(applyButton, &QPushButton::clicked, this, &PlayerEventsPane::apply);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_player, 3);
    filters->addWidget(m_type, 2);
    filters->addWidget(m_since, 2);
    filters->addWidget(m_until, 2);
    filters->addWidget(applyButton);
    m_story = new QPushButton(tr("Story"), this);
    m_story->setObjectName(QStringLiteral("playerStory"));
    m_story->setToolTip(tr("Everything this database holds about the player, in time order: events, saves, "
                           "API events and snapshots that name him, the audit log"));
    m_story->setEnabled(false);
    connect(m_player, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_story->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_story, &QPushButton::clicked, this, [this] { emit storyRequested(m_player->text().trimmed()); });
    filters->addWidget(m_story);

    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("playerEventsSource"));
    m_source->setWordWrap(true);
    m_events = readOnlyTable(this, QStringLiteral("playerEvents"), {tr("Occurred (UTC)"), tr("Player"), tr("Type"), tr("Data")});
    m_more = new QPushButton(tr("Load &more"), this);
    m_more->setObjectName(QStringLiteral("loadMoreEvents"));
    m_more->setEnabled(false);
    connect(m_more, &QPushButton::clicked, this, &PlayerEventsPane::loadMore);
    m_data = new QPlainTextEdit(this);
    m_data->setObjectName(QStringLiteral("playerEventData"));
    m_data->setReadOnly(true);
    m_data->setMaximumHeight(140);
    connect(m_events, &QTableWidget::currentCellChanged, this, [this](int row) {
        const QTableWidgetItem *item = row >= 0 ? m_events->item(row, 3) : nullptr;
        if (!item)
            return m_data->clear();
        const auto doc = nlohmann::json::parse(item->data(Qt::UserRole).toString().toStdString(), nullptr, false);
        m_data->setPlainText(doc.is_discarded() ? item->data(Qt::UserRole).toString()
                                                : QString::fromStdString(doc.dump(2)));
    });
    m_counts = readOnlyTable(this, QStringLiteral("playerEventCounts"), {tr("Day (UTC)"), tr("Type"), tr("Events")});
    // Fits the narrow side: the day and the count as wide as they need, the type the rest.
    m_counts->horizontalHeader()->setStretchLastSection(false);
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_counts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_counts->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_countsNote = new QLabel(this);
    m_countsNote->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_events, 1);
    leftLayout->addWidget(m_more, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_data);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Per type per day</b>"), right));
    rightLayout->addWidget(m_countsNote);
    rightLayout->addWidget(m_counts, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filters);
    layout->addWidget(m_source);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    clear();
}

void PlayerEventsPane::clear()
{
    m_next.reset();
    m_rls.reset();
    m_events->setRowCount(0);
    m_counts->setRowCount(0);
    m_data->clear();
    m_more->setEnabled(false);
    m_banner->hide();
    m_source->setText(m_db ? tr("Give a player, types or a time range and press Enter; empty reads the newest "
                                "events of every player.")
                           : tr("Select a database in the sidebar."));
    m_countsNote->clear();
}

void PlayerEventsPane::setDatabase(const std::optional<pg::ConnectionSettings> &db)
{
    if (db && m_db && db->conninfo() == m_db->conninfo())
        return;
    m_db = db;
    ++m_generation;
    m_runner->cancel();
    for (QLineEdit *e : {m_player, m_type, m_since, m_until})
        e->clear();
    clear();
}

void PlayerEventsPane::switchWeek(const pg::ConnectionSettings &db)
{
    const QStringList kept{m_player->text(), m_type->text(), m_since->text(), m_until->text()};
    setDatabase(db);
    int i = 0;
    for (QLineEdit *e : {m_player, m_type, m_since, m_until})
        e->setText(kept[i++]);
    if (std::any_of(kept.begin(), kept.end(), [](const QString &t) { return !t.isEmpty(); }))
        apply();
}

std::optional<PlayerEventFilter> PlayerEventsPane::filterFromFields()
{
    PlayerEventFilter f;
    f.player = m_player->text().trimmed();
    for (const QString &t : m_type->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        f.types << t.trimmed();
    for (auto [edit, target] : {std::pair{m_since, &f.since}, std::pair{m_until, &f.until}}) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            continue;
        *target = Timestamp::parse(text);
        if (!*target) {
            m_banner->showError(Error::invalidInput(tr("\"%1\" is not a time.").arg(text),
                                                    tr("ISO 8601, e.g. 2025-11-01 or 2025-11-01 14:00 (UTC).")),
                                m_db ? m_db->database() : QString());
            return std::nullopt;
        }
    }
    return f;
}

void PlayerEventsPane::apply()
{
    if (!m_db)
        return;
    const auto filter = filterFromFields();
    if (!filter)
        return; // nothing changed: the rows of the last good filter stay
    const int generation = ++m_generation;
    const pg::ConnectionSettings db = *m_db;
    m_runner->start<Loaded>(
        tr("Reading player events of %1").arg(db.database()),
        [db, f = *filter](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            Loaded l;
            PlayerEventStore store(*conn);
            l.available = store.available();
            if (!l.available)
                return l;
            l.source = store.source();
            l.rls = browse::RowSecurity::read(*conn);
            // Under the policies of player_events, the player asked about is the one viewed as.
            if (const browse::ProtectedTable *t = [&]() -> const browse::ProtectedTable * {
                    for (const browse::ProtectedTable &p : l.rls.tables)
                        if (p.table == QLatin1String("player_events"))
                            return &p;
                    return nullptr;
                }()) {
                if (!t->bypassed && f.player.isEmpty())
                    throw Error(Error::Kind::Conflict,
                                PlayerEventsPane::tr("%1 is under row-level security and this session is subject "
                                                     "to it: give a player to view as.")
                                    .arg(t->qualified()));
                if (!f.player.isEmpty())
                    for (const QString &setting : t->settings)
                        conn->setTransactionSetting(setting, f.player);
            }
            ctx.progress(0, 3, PlayerEventsPane::tr("Reading the newest events"));
            l.page = store.page(f);
            ctx.progress(1, 3, PlayerEventsPane::tr("Finding the partitions read"));
            l.partitions = store.partitionsRead(f);
            ctx.progress(2, 3, PlayerEventsPane::tr("Counting per type per day"));
            try {
                l.counts = store.countsPerDay(f);
                l.counted = true;
            } catch (const Error &e) {
                if (e.kind() != Error::Kind::InvalidInput)
                    throw;
                l.countsNote = e.message() + QLatin1Char(' ') + e.hint();
            }
            return l;
        },
        [this, generation, f = *filter](const Outcome<Loaded> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                if (!r.cancelled())
                    m_banner->showError(r.error(), m_db ? m_db->database() : QString());
                return;
            }
            const Loaded &l = r.value();
            m_banner->hide();
            if (!l.available) {
                clear();
                m_source->setText(tr("%1 has no per-player events table.").arg(m_db->database()));
                return;
            }
            m_filter = f;
            m_rls = l.rls;
            QString source = tr("Reading %1; this page reads %2.")
                                 .arg(l.source, l.partitions.isEmpty() ? tr("no partition (none can match)")
                                                                       : l.partitions.join(QStringLiteral(", ")));
            for (const browse::ProtectedTable &t : l.rls.tables)
                if (t.table == QLatin1String("player_events") && t.bypassed && f.player.isEmpty())
                    source += QLatin1Char(' ') + tr("%1: every player's events are shown.").arg(t.bypassReason);
            m_source->setText(source);
            showPage(l.page, false);
            m_counts->setRowCount(0);
            m_countsNote->setText(l.countsNote);
            if (l.counted) {
                m_counts->setRowCount(int(l.counts.size()));
                for (int i = 0; i < l.counts.size(); ++i) {
                    const TypeDayCount &c = l.counts[i];
                    m_counts->setItem(i, 0, new QTableWidgetItem(c.day.toString(Qt::ISODate)));
                    m_counts->setItem(i, 1, new QTableWidgetItem(c.type));
                    auto *n = new QTableWidgetItem(QLocale().toString(c.count));
                    n->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    n->setData(Qt::UserRole, c.count);
                    m_counts->setItem(i, 2, n);
                }
            }
            emit pageShown();
        },
        true);
}

void PlayerEventsPane::loadMore()
{
    if (!m_db || !m_next)
        return;
    const int generation = m_generation;
    const pg::ConnectionSettings db = *m_db;
    m_runner->start<PlayerEventPage>(
        tr("Reading older player events"),
        [db, f = m_filter, after = *m_next, rls = m_rls](TaskContext &ctx) {
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly, &ctx.cancelToken());
            if (rls && !f.player.isEmpty())
                for (const browse::ProtectedTable &t : rls->tables)
                    if (t.table == QLatin1String("player_events"))
                        for (const QString &setting : t.settings)
                            conn->setTransactionSetting(setting, f.player);
            return PlayerEventStore(*conn).page(f, 200, after);
        },
        [this, generation](const Outcome<PlayerEventPage> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                if (!r.cancelled())
                    m_banner->showError(r.error(), m_db ? m_db->database() : QString());
                return;
            }
            showPage(r.value(), true);
            emit pageShown();
        },
        true);
}

void PlayerEventsPane::showPage(const PlayerEventPage &page, bool append)
{
    int row = append ? m_events->rowCount() : 0;
    m_events->setRowCount(row + int(page.rows.size()));
    for (const PlayerEvent &e : page.rows) {
        m_events->setItem(row, 0, new QTableWidgetItem(e.occurredAt.toIso()));
        m_events->setItem(row, 1, new QTableWidgetItem(e.player));
        m_events->setItem(row, 2, new QTableWidgetItem(e.type));
        auto *data = new QTableWidgetItem(e.data.left(200));
        data->setData(Qt::UserRole, e.data);
        data->setToolTip(e.dataBytes > e.data.toUtf8().size() ? tr("The first 4 kB of %1 bytes").arg(e.dataBytes)
                                                               : QString());
        m_events->setItem(row, 3, data);
        ++row;
    }
    if (!append)
        m_events->resizeColumnsToContents();
    m_next = page.next;
    m_more->setEnabled(page.next.has_value());
}

} // namespace statescope::gui
