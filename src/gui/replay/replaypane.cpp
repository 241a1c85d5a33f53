#include "gui/replay/replaypane.h"

#include "models/ink.h"

#include "gui/widgets/style.h"

#include <QEvent>

#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/replay/consistency.h"
#include "core/replay/notifier.h"
#include "core/replay/rollback.h"
#include "core/replay/boxscore.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/replay/boxscore.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/elidinglabel.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/progresspanel.h"
#include "gui/replay/rulesdialog.h"
#include "gui/replay/scoreboard.h"
#include "models/gamelistmodel.h"
#include "gui/widgets/themed.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace statescope::gui {

using namespace statescope::replay;

namespace {

QTableView *table(QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

ReplayPane::ReplayPane(QWidget *parent)
    : QWidget(parent), m_games(new models::GameListModel(this)),
      m_plays(new models::PlayListModel(this)), m_runner(new JobRunner(this)),
      m_rollsRunner(new JobRunner(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("replayPane"));
    buildUi();
    updateActions();
}

ReplayPane::~ReplayPane() = default;

void ReplayPane::buildUi()
{
    // Left: the games list and its filters.
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Any status"), QString());
    for (const char *s : {"active", "completed", "pending", "abandoned"})
        m_status->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
    m_league = new QComboBox(this);
    m_league->addItem(tr("Any league"), QString());
    m_league->addItem(QStringLiteral("sba"), QStringLiteral("sba"));
    m_league->addItem(QStringLiteral("pd"), QStringLiteral("pd"));
    m_team = new QLineEdit(this);
    m_team->setPlaceholderText(tr("team id"));
    m_team->setValidator(new QIntValidator(0, std::numeric_limits<int>::max(), m_team));
    m_team->setMaximumWidth(100);
    // Dates: the earliest date shows as "any" and means no bound.
    auto dateEdit = [this](const QString &name, const QString &any) {
        auto *d = new QDateEdit(this);
        d->setObjectName(name);
        d->setCalendarPopup(true);
        d->setMinimumDate(QDate(2000, 1, 1));
        d->setSpecialValueText(any);
        d->setDate(d->minimumDate());
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        // "Any start" whole, in every language: its text, the frame and the calendar's arrow.
        QStyleOptionComboBox box;
        box.initFrom(d);
        const QSize text(d->fontMetrics().horizontalAdvance(any) + 8, d->fontMetrics().height());
        d->setMinimumWidth(std::max(d->sizeHint().width(),
                                    d->style()->sizeFromContents(QStyle::CT_ComboBox, &box, text, d).width()));
        return d;
    };
    m_since = dateEdit(QStringLiteral("sinceFilter"), tr("Any start"));
    m_until = dateEdit(QStringLiteral("untilFilter"), tr("Any end"));
    m_since->setToolTip(tr("Games created on or after this day"));
    m_until->setToolTip(tr("Games created on or before this day"));
    m_onlyInconsistent = new QCheckBox(tr("Only &inconsistent"), this);
    m_onlyInconsistent->setObjectName(QStringLiteral("onlyInconsistent"));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    m_gameView = table(this, QStringLiteral("gameView"));
    m_gameView->setModel(m_games);
    m_gameView->setSortingEnabled(false);

    // Three columns, so the games list can be narrow and the game beside it has the room
    // (at 1280x800 in German, two rows of four asked for half the pane).
    auto *filters = new QGridLayout;
    filters->addWidget(m_status, 0, 0);
    filters->addWidget(m_league, 0, 1);
    filters->addWidget(m_team, 0, 2);
    filters->addWidget(m_since, 1, 0);
    filters->addWidget(m_until, 1, 1);
    filters->addWidget(refresh, 1, 2);
    filters->addWidget(m_onlyInconsistent, 2, 0, 1, 3);
    filters->setColumnStretch(0, 1);
    filters->setColumnStretch(1, 1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_gameView, 1);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setObjectName(QStringLiteral("gamesSource"));
    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_sourceLabel);
    // The league's rules in force (extra-inning runner, designated hitter), and their dialog.
    m_rulesLabel = new QLabel(this);
    m_rulesLabel->setObjectName(QStringLiteral("gameRules"));
    m_rulesLabel->setWordWrap(true);
    m_rulesButton = new QPushButton(tr("League &rules..."), this);
    m_rulesButton->setObjectName(QStringLiteral("editRules"));
    m_rulesButton->setToolTip(tr("State the rules the plays follow: a runner placed on second in extra "
                                 "innings, the designated hitter"));
    connect(m_rulesButton, &QPushButton::clicked, this, &ReplayPane::editRules);
    auto *rulesRow = new QHBoxLayout;
    rulesRow->addWidget(m_rulesLabel, 1);
    rulesRow->addWidget(m_rulesButton);
    leftLayout->addLayout(rulesRow);
    m_indexReferences = new QPushButton(tr("Index the references to lineups..."), this);
    m_indexReferences->setObjectName(QStringLiteral("indexReferences"));
    m_indexReferences->setVisible(false);
    connect(m_indexReferences, &QPushButton::clicked, this, &ReplayPane::confirmIndexReferences);
    leftLayout->addWidget(m_indexReferences, 0, Qt::AlignLeft);

    // Right: the game at the current play, the timeline and the plays.
    // The open game's id (selectable, to copy it into a command) and what it is, one line.
    m_gameId = new QLabel(this);
    m_gameId->setObjectName(QStringLiteral("gameId"));
    m_gameId->setTextFormat(Qt::PlainText);
    m_gameId->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_gameId->font();
    bold.setBold(true);
    m_gameId->setFont(bold);
    m_gameId->setVisible(false);
    m_header = new ElidingLabel(this);
    m_header->setText(tr("Select a game."));
    m_header->setObjectName(QStringLiteral("gameHeader"));
    m_scoreboard = new Scoreboard(this);
    // The facts of the play shown: two lines each, elided (the whole text on hovering), so
    // the playback controls and the plays never move as the texts change from play to play.
    m_people = new ElidingLabel(this, 2);
    m_people->setObjectName(QStringLiteral("atBatLabel"));
    m_dice = new ElidingLabel(this, 2);
    m_dice->setObjectName(QStringLiteral("diceLabel"));
    m_result = new ElidingLabel(this, 2);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setProperty("dataText", true); // the play's description, as the game wrote it
    m_change = new ElidingLabel(this, 2);
    m_change->setObjectName(QStringLiteral("changeLabel"));
    m_issueLabel = new ElidingLabel(this, 2);
    m_issueLabel->setObjectName(QStringLiteral("issueLabel"));
    style::setInk(m_issueLabel, models::ink::Meaning::Danger);
    auto *facts = new QFormLayout;
    facts->addRow(tr("At bat:"), m_people);
    facts->addRow(tr("Dice:"), m_dice);
    facts->addRow(tr("Result:"), m_result);
    facts->addRow(tr("Change:"), m_change);

    // The bundled icons, drawn for the palette in use (the style's own are dark on dark).
    auto iconButton = [this](const char *icon) {
        auto *b = new QPushButton(style::icon(QLatin1String(icon)), QString(), this);
        b->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        return b;
    };
    auto *first = iconButton("media-skip-backward");
    auto *prev = iconButton("media-seek-backward");
    m_play = iconButton("media-playback-start");
    m_play->setObjectName(QStringLiteral("playButton"));
    auto *next = iconButton("media-seek-forward");
    auto *last = iconButton("media-skip-forward");
    first->setToolTip(tr("First play (Ctrl+Home)"));
    prev->setToolTip(tr("Previous play (Ctrl+Left)"));
    m_play->setToolTip(tr("Play / pause (Ctrl+Space)"));
    next->setToolTip(tr("Next play (Ctrl+Right)"));
    last->setToolTip(tr("Last play (Ctrl+End)"));
    m_speed = new QComboBox(this);
    for (const auto &[label, ms] : {std::pair{"0.5x", 2000}, {"1x", 1000}, {"2x", 500}, {"4x", 250}, {"10x", 100}})
        m_speed->addItem(QString::fromLatin1(label), ms);
    m_speed->setCurrentIndex(1);
    m_goTo = new QSpinBox(this);
    m_goTo->setObjectName(QStringLiteral("goToPlay"));
    m_goTo->setPrefix(tr("play "));
    m_goTo->setKeyboardTracking(false);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("timeline"));
    auto *transport = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(first), static_cast<QWidget *>(prev),
                       static_cast<QWidget *>(m_play), static_cast<QWidget *>(next),
                       static_cast<QWidget *>(last)})
        transport->addWidget(w);
    transport->addWidget(m_speed);
    transport->addWidget(m_slider, 1);
    transport->addWidget(m_goTo);

    m_playView = table(this, QStringLiteral("playView"));
    m_playView->setModel(m_plays);
    m_rollback = new QPushButton(tr("Roll &back to this play..."), this);
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    m_undo = new QPushButton(tr("&Undo last rollback..."), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_rollback);
    actions->addWidget(m_undo);
    actions->addStretch(1);

    m_progress = new ProgressPanel(this);
    m_progress->follow(m_runner);
    m_messages = new Banner(this);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_gameId);
    headerRow->addWidget(m_header, 1);
    rightLayout->addLayout(headerRow);
    auto *topBox = new QWidget(right);
    topBox->setObjectName(QStringLiteral("replayFacts"));
    auto *top = new QHBoxLayout(topBox);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_scoreboard);
    top->addLayout(facts, 1);
    topBox->setFixedHeight(std::max(m_scoreboard->sizeHint().height(), 4 * m_people->height() + 3 * 6));
    rightLayout->addWidget(topBox);
    rightLayout->addWidget(m_issueLabel);
    rightLayout->addLayout(transport);
    // The plays, the box score at the play shown, and the rosters and live session.
    m_detailTabs = new QTabWidget(right);
    m_detailTabs->setObjectName(QStringLiteral("gameDetailTabs"));
    m_detailTabs->setDocumentMode(true);
    m_box = new BoxScoreView(m_detailTabs);
    m_info = new GameInfoView(m_detailTabs);
    m_detailTabs->addTab(m_playView, tr("&Plays"));
    m_detailTabs->addTab(m_box, tr("Bo&x score"));
    m_detailTabs->addTab(m_info, tr("R&osters and session"));
    rightLayout->addWidget(m_detailTabs, 1);
    // The current play stays in view when the list's height changes (a window resized).
    m_playView->viewport()->installEventFilter(this);
    rightLayout->addLayout(actions);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    split->setSizes({400, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_messages);

    connect(refresh, &QPushButton::clicked, this, &ReplayPane::reloadGames);
    connect(m_games, &models::GameListModel::moreWanted, this, &ReplayPane::loadMoreGames);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ReplayPane::reloadGames);
    connect(m_league, &QComboBox::currentIndexChanged, this, &ReplayPane::reloadGames);
    connect(m_team, &QLineEdit::editingFinished, this, &ReplayPane::reloadGames);
    connect(m_onlyInconsistent, &QCheckBox::toggled, this, &ReplayPane::reloadGames);
    connect(m_since, &QDateEdit::dateChanged, this, &ReplayPane::reloadGames);
    connect(m_until, &QDateEdit::dateChanged, this, &ReplayPane::reloadGames);
    connect(m_gameView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const auto *g = m_games->game(current.row()); g && g->id != currentGame())
                    openGame(g->id);
            });
    connect(m_playView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && current.row() != m_slider->value())
                    m_slider->setValue(current.row());
            });
    connect(m_slider, &QSlider::valueChanged, this, &ReplayPane::showRow);
    connect(m_detailTabs, &QTabWidget::currentChanged, this, &ReplayPane::showDetail);
    connect(m_goTo, &QSpinBox::valueChanged, this, &ReplayPane::seek);
    connect(first, &QPushButton::clicked, this, [this] { m_slider->setValue(0); });
    connect(last, &QPushButton::clicked, this, [this] { m_slider->setValue(m_slider->maximum()); });
    connect(prev, &QPushButton::clicked, this, [this] { step(-1); });
    connect(next, &QPushButton::clicked, this, [this] { step(1); });
    connect(m_play, &QPushButton::clicked, this, &ReplayPane::togglePlayback);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_timer->setInterval(m_speed->currentData().toInt()); });
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_slider->value() >= m_slider->maximum())
            togglePlayback();
        else
            step(1);
    });
    connect(m_rollback, &QPushButton::clicked, this, &ReplayPane::rollBack);
    connect(m_undo, &QPushButton::clicked, this, &ReplayPane::undoLastRollback);
    connect(m_runner, &JobRunner::busyChanged, this, &ReplayPane::updateActions);
    // Named (whatsThis) for the window's list of shortcuts (Ctrl+/).
    auto shortcut = [this](QKeySequence keys, const QString &what, auto slot) {
        auto *s = new QShortcut(keys, this, slot);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        s->setWhatsThis(what);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Left), tr("Previous play"), [this] { step(-1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Right), tr("Next play"), [this] { step(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Home), tr("First play"), [this] { m_slider->setValue(0); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_End), tr("Last play"), [this] { m_slider->setValue(m_slider->maximum()); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), tr("Play / pause"), [this] { togglePlayback(); });
    m_timer->setInterval(m_speed->currentData().toInt());
}

void ReplayPane::setDatabase(const std::optional<pg::ConnectionSettings> &database)
{
    if (database && m_database && database->conninfo() == m_database->conninfo())
        return;
    m_database = database;
    m_keepGame.clear();
    m_keepPlay = -1;
    // Answers still on their way for the previous database are dropped, and nothing of it
    // stays on screen: its banner, game, plays, scoreboard.
    ++m_gameGeneration;
    ++m_rollsGeneration;
    m_messages->hide();
    m_game.reset();
    m_plays->setPlays({}, {});
    m_games->setGames({});
    m_slider->setRange(0, 0);
    {
        const QSignalBlocker block(m_goTo);
        m_goTo->setRange(0, 0);
        m_goTo->setValue(0); // "play 33" of another database's game must not stay
    }
    m_scoreboard->clear();
    for (QLabel *label : {m_people, m_dice, m_result, m_change}) {
        label->clear();
        label->setToolTip({});
    }
    m_gameId->clear();
    m_gameId->setVisible(false);
    m_header->setText(database ? tr("Select a game.") : tr("Select a weekly database in the sidebar."));
    m_issueLabel->clear();
    m_box->clear();
    m_info->clear();
    m_sourceLabel->clear();
    m_referencesUnindexed = false;
    showRules();
    updateActions();
    reloadGames();
}

void ReplayPane::showRules()
{
    const QString db = m_database ? m_database->database() : QString();
    const QString scope = replay::rulesScopeFor(db);
    // Nothing stated and a game open: the rules its database's plays show (read with it), or
    // that they show none; Rules... states them.
    if (scope.isEmpty() && m_game && !m_game->rulesText.isEmpty() && !db.isEmpty())
        m_rulesLabel->setText(tr("League rules: %1. Rules... states them.").arg(m_game->rulesText));
    else
        m_rulesLabel->setText(db.isEmpty()      ? QString()
                              : scope.isEmpty() ? tr("League rules: none stated.")
                                                : tr("League rules: %1 (stated for %2).")
                                                      .arg(replay::rulesFor(db).describe(), scope));
    m_rulesButton->setEnabled(m_database.has_value());
}

void ReplayPane::editRules()
{
    if (!m_database)
        return;
    auto *dialog = new RulesDialog(m_database->database(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString database = m_database->database();
    connect(dialog, &QDialog::accepted, this, [this, database] {
        if (!m_database || m_database->database() != database)
            return; // another database was chosen meanwhile: it shows its own rules
        // Everything checked or shown under the old rules is read again under the new ones.
        showRules();
        const QString game = currentGame();
        reloadGames();
        if (!game.isEmpty())
            openGame(game); // at the play shown
    });
    dialog->open();
}

void ReplayPane::switchWeek(const pg::ConnectionSettings &database)
{
    const QString game = currentGame();
    const int play = currentPlay();
    setDatabase(database);
    m_keepGame = game;
    m_keepPlay = play;
}

void ReplayPane::setAdminMode(bool on)
{
    m_adminMode = on;
    updateActions();
}

void ReplayPane::updateActions()
{
    const bool can = m_adminMode && m_game && !m_runner->isBusy();
    const bool active = m_game && m_game->summary.status != QLatin1String("completed");
    m_rollback->setEnabled(can && active && !m_game->plays.isEmpty());
    m_undo->setEnabled(can && m_game->undoable);
    m_undo->setToolTip(!m_adminMode ? tr("Switch on admin mode (Ctrl+Shift+A) to undo a rollback.")
                       : (m_game && !m_game->undoable) ? tr("This game has no rollback to undo.")
                                                       : tr("Put back the rows the game's last rollback deleted "
                                                            "(previewed and confirmed)"));
    const QString why = !m_adminMode ? tr("Switch on admin mode (Ctrl+Shift+A) to roll back.")
                        : (m_game && !active) ? tr("Completed games cannot be rolled back.")
                                              : QString();
    m_rollback->setToolTip(why.isEmpty() ? tr("Delete the plays after the selected one "
                                              "(previewed, confirmed, archived, undoable)")
                                         : why);
    m_indexReferences->setVisible(m_referencesUnindexed && m_database.has_value());
    m_indexReferences->setEnabled(m_adminMode && !m_runner->isBusy());
    m_indexReferences->setToolTip(m_adminMode ? tr("Without them, each lineup row a rollback deletes is checked against "
                                                   "every play. Built without blocking the game's writes.")
                                              : tr("Switch on admin mode (Ctrl+Shift+A) to build the indexes."));
}

void ReplayPane::showError(const Error &error)
{
    const QString db = m_database ? m_database->database() : QString();
    if (error.kind() == Error::Kind::Cancelled)
        m_messages->showMessage(tr("Cancelled; nothing was changed."), db);
    else
        m_messages->showError(error, db);
}

} // namespace statescope::gui

