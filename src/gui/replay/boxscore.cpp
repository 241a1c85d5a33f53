// The Replay pane's game detail: the box score at the play shown (batting and pitching lines),
// and the game's rosters and live session row.
#include "gui/replay/boxscore.h"
#include "gui/widgets/roomfor.h"
#include "gui/widgets/tablewidgets.h"

#include "core/format.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace statescope::gui {

namespace {

constexpr int kEarnedColumn = 6; // the pitching lines' ER
constexpr int kPlacedColumn = 10; // and PR

// The lines of a box score: columns as wide as their figures.
QTableWidget *grid(QWidget *parent, const QString &name, const QStringList &headers)
{
    QTableWidget *t = readOnlyTable(parent, name, headers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(false);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c >= 2)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(cells[c]);
        t->setItem(row, c, item);
    }
}

} // namespace

BoxScoreView::BoxScoreView(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("boxTitle"));
    m_title->setWordWrap(true);
    m_batting = grid(this, QStringLiteral("battingLines"),
                     {tr("Team"), tr("Batter"), tr("PA"), tr("AB"), tr("H"), tr("HR"), tr("BB"), tr("SO")});
    m_pitching = grid(this, QStringLiteral("pitchingLines"),
                      {tr("Team"), tr("Pitcher"), tr("IP"), tr("BF"), tr("H"), tr("R"), tr("ER"), tr("HR"), tr("BB"),
                       tr("SO"), tr("PR")});
    m_pitching->horizontalHeaderItem(kEarnedColumn)
        ->setToolTip(tr("Earned runs: of R, those not scored by a placed runner, a runner who reached on an error, "
                        "or on a play with an error or passed ball. Unknown (-) where the plays carry no errors."));
    // Shown only where the league places runners in extra innings.
    m_pitching->horizontalHeaderItem(kPlacedColumn)
        ->setToolTip(tr("Runs of the runners placed on second in extra innings (or their pinch runners): "
                        "counted in R, and unearned."));
    m_pitching->setColumnHidden(kPlacedColumn, true);
    m_batting->setToolTip(tr("Summed from the plays up to the one shown, by batter_id, as the game's own "
                             "stats query does."));
    m_pitching->setToolTip(tr("Summed from the plays up to the one shown, by pitcher_id: outs_recorded, hit, "
                              "homerun, bb, so. Runs are charged to the pitcher who let the runner on."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_batting);
    split->addWidget(m_pitching);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    // Every pitcher of the game in sight (a game has a few): they had about two rows.
    roomForList(split, m_pitching, 0.5);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
}

void BoxScoreView::showBox(const replay::BoxScore &box, const std::function<QString(int)> &label)
{
    // Says what it counts, beside a scoreboard that shows the bases before the play shown.
    QString title = tr("Counted over plays 1 to %1, the play shown included.").arg(box.throughPlay);
    QStringList absent = box.absentColumns; // of the figures shown
    absent.removeAll(QStringLiteral("error"));
    absent.removeAll(QStringLiteral("passed_ball"));
    if (!absent.isEmpty())
        title += QLatin1Char(' ')
                 + tr("The plays table has no %1: those figures are unknown (shown as -).")
                       .arg(absent.join(QStringLiteral(", ")));
    if (!box.earnedKnown)
        title += QLatin1Char(' ') + tr("ER: unknown, the plays carry no errors and passed balls.");
    if (box.placedRunnerRule)
        title += QLatin1Char(' ') + tr("PR: runs of runners placed on second in extra innings (unearned).");
    m_title->setText(title);
    m_pitching->setColumnHidden(kPlacedColumn, !box.placedRunnerRule);
    auto count = [&box](const char *role, int value) {
        return box.absentColumns.contains(QLatin1String(role)) ? QStringLiteral("-") : QString::number(value);
    };
    auto team = [](int id) { return id ? QString::number(id) : tr("?"); };
    // Each team's lines, then its totals (in bold).
    QList<QStringList> battingRows, pitchingRows;
    QList<int> battingTotals, pitchingTotals; // row numbers of the totals
    const auto battingCells = [&](const replay::BattingLine &b, const QString &who) {
        return QStringList{team(b.teamId), who, QString::number(b.plateAppearances), count("ab", b.atBats),
                           count("hit", b.hits), count("homerun", b.homeRuns), count("bb", b.walks),
                           count("so", b.strikeouts)};
    };
    const auto pitchingCells = [&](const replay::PitchingLine &l, const QString &who) {
        return QStringList{team(l.teamId), who, l.inningsPitched(), QString::number(l.battersFaced),
                           count("hit", l.hits), QString::number(l.runs),
                           box.earnedKnown ? QString::number(l.earnedRuns) : QStringLiteral("-"),
                           count("homerun", l.homeRuns), count("bb", l.walks), count("so", l.strikeouts),
                           QString::number(l.placedRunnerRuns)};
    };
    for (qsizetype i = 0; i < box.batting.size(); ++i) {
        const replay::BattingLine &b = box.batting[i];
        const QString who = label(b.lineupId) + replay::movedTo(b.positions);
        battingRows << battingCells(b, b.battingOrder ? QStringLiteral("%1. %2").arg(b.battingOrder).arg(who) : who);
        if (i + 1 == box.batting.size() || box.batting[i + 1].teamId != b.teamId) {
            battingTotals << int(battingRows.size());
            battingRows << battingCells(box.battingTotal(b.teamId), tr("Totals"));
        }
    }
    for (qsizetype i = 0; i < box.pitching.size(); ++i) {
        const replay::PitchingLine &l = box.pitching[i];
        pitchingRows << pitchingCells(l, label(l.lineupId) + replay::movedTo(l.positions));
        if (i + 1 == box.pitching.size() || box.pitching[i + 1].teamId != l.teamId) {
            pitchingTotals << int(pitchingRows.size());
            pitchingRows << pitchingCells(box.pitchingTotal(l.teamId), tr("Totals"));
        }
    }
    const auto fill = [](QTableWidget *table, const QList<QStringList> &rows, const QList<int> &totals) {
        table->setRowCount(int(rows.size()));
        for (int r = 0; r < rows.size(); ++r) {
            setRow(table, r, rows[r]);
            if (totals.contains(r))
                for (int c = 0; c < table->columnCount(); ++c)
                    if (QTableWidgetItem *item = table->item(r, c)) {
                        QFont bold = item->font();
                        bold.setBold(true);
                        item->setFont(bold);
                    }
        }
    };
    fill(m_batting, battingRows, battingTotals);
    fill(m_pitching, pitchingRows, pitchingTotals);
}

void BoxScoreView::clear()
{
    m_title->clear();
    m_batting->setRowCount(0);
    m_pitching->setRowCount(0);
}

GameInfoView::GameInfoView(QWidget *parent) : QWidget(parent)
{
    m_rosters = grid(this, QStringLiteral("rosterLines"), {tr("Team"), tr("Card"), tr("Player")});
    m_session = new QLabel(this);
    m_session->setObjectName(QStringLiteral("sessionSummary"));
    m_session->setWordWrap(true);
    m_session->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_snapshot = new QPlainTextEdit(this);
    m_snapshot->setObjectName(QStringLiteral("sessionSnapshot"));
    m_snapshot->setReadOnly(true);
    m_snapshot->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *sessionBox = new QWidget(this);
    auto *sessionLayout = new QVBoxLayout(sessionBox);
    sessionLayout->setContentsMargins(0, 0, 0, 0);
    sessionLayout->addWidget(m_session);
    sessionLayout->addWidget(m_snapshot, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_rosters);
    split->addWidget(sessionBox);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
}

void GameInfoView::showGame(const QList<replay::RosterEntry> &rosters, bool hasRosters,
                            const std::optional<replay::GameSession> &session, bool hasSessions)
{
    m_rosters->setRowCount(int(rosters.size()));
    for (int i = 0; i < rosters.size(); ++i) {
        const replay::RosterEntry &r = rosters[i];
        setRow(m_rosters, i,
               {QString::number(r.teamId), r.cardId ? QString::number(r.cardId) : QString(),
                r.playerId ? QString::number(r.playerId) : QString()});
    }
    m_rosters->setToolTip(hasRosters ? tr("%n roster entr(ies) for this game.", nullptr, int(rosters.size()))
                                     : tr("This database has no roster table."));
    if (!hasSessions) {
        m_session->setText(tr("This database has no game_sessions table."));
        m_snapshot->clear();
        return;
    }
    if (!session) {
        m_session->setText(tr("No session row for this game (nobody has it open, or the game server "
                              "removed it)."));
        m_snapshot->clear();
        return;
    }
    // The connected users as a short list when they are a JSON object or array.
    QString users = session->connectedUsers;
    const auto parsed = nlohmann::json::parse(users.toStdString(), nullptr, false);
    if (!parsed.is_discarded() && (parsed.is_object() || parsed.is_array()))
        users = parsed.empty() ? tr("nobody") : QString::fromStdString(parsed.dump());
    m_session->setText(tr("Connected: %1. Last action: %2. State snapshot: %3.")
                           .arg(users.isEmpty() ? tr("unknown") : users,
                                session->lastActionAt.isValid()
                                    ? QLocale().toString(session->lastActionAt.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                                    : tr("never"),
                                session->snapshotBytes ? format::bytes(session->snapshotBytes) : tr("none")));
    QString text = session->snapshotHead;
    if (session->snapshotBytes > text.toUtf8().size())
        text += QLatin1Char('\n') + tr("(the first 64 kB of %1)").arg(format::bytes(session->snapshotBytes));
    else if (const auto doc = nlohmann::json::parse(text.toStdString(), nullptr, false); !doc.is_discarded())
        text = QString::fromStdString(doc.dump(2));
    m_snapshot->setPlainText(text);
}

void GameInfoView::clear()
{
    m_rosters->setRowCount(0);
    m_session->clear();
    m_snapshot->clear();
}

} // namespace statescope::gui
