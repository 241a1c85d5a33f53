#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
}
} // namespace statescope

namespace statescope::demo {

struct DemoOptions
{
    qint64 events = 3000;   // rows in raw.api_events
    int games = 12;         // baseball games (some completed, some active, one broken)
    int snapshots = 120;    // tick snapshots in core.snapshots
    quint64 seed = 20250101;
    // The reset's start: events and snapshots fall in the 7 days after it.
    QDateTime start = QDateTime(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc());
};

struct DemoReport
{
    qint64 events = 0;
    qint64 distinctPayloads = 0;
    qint64 errorEvents = 0;
    int games = 0;
    int completedGames = 0;
    qint64 plays = 0;
    qint64 lineups = 0;
    qint64 rolls = 0;
    int snapshots = 0;
    QString brokenGameId;   // the game with a deliberately inconsistent play
    int brokenPlayNumber = 0;
};

// Fills a freshly migrated weekly database with deterministic demo data: the same
// options give the same rows, byte for byte, on every machine. Refuses a database
// whose tables already hold rows. Reports progress and honours cancellation through ctx.
DemoReport seed(pg::Connection &conn, const DemoOptions &options, TaskContext *ctx = nullptr);

} // namespace statescope::demo
