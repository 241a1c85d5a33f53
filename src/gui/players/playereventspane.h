#pragma once

#include "core/browse/rowsecurity.h"
#include "core/events/playerevents.h"
#include "core/pg/connectionsettings.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace statescope::gui {

class Banner;
class JobRunner;
class ProgressPanel;

// Append-only per-player events (Marketland+'s player_events, partitioned by month): by
// player, type and time range, newest first, read a page at a time by keyset (the time
// bounds prune the partitions, and the pane names the ones a page reads), with the count
// per type per day beside them. Under row-level security the player asked about is the
// player viewed as; a session that bypasses the policies is told it sees every player.
class PlayerEventsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PlayerEventsPane(QWidget *parent = nullptr);

    void setDatabase(const std::optional<pg::ConnectionSettings> &db);
    // Another week of the family: the same filter there.
    void switchWeek(const pg::ConnectionSettings &db);
    // Reads the first page and the counts for the filter in the fields (Enter, Apply).
    void apply();
    void loadMore();

    JobRunner *runner() const { return m_runner; }
    QTableWidget *events() const { return m_events; }
    QTableWidget *counts() const { return m_counts; }
    QLabel *sourceLabel() const { return m_source; }
    QLineEdit *playerEdit() const { return m_player; }
    QLineEdit *typeEdit() const { return m_type; }
    QLineEdit *sinceEdit() const { return m_since; }
    QLineEdit *untilEdit() const { return m_until; }
    QPushButton *moreButton() const { return m_more; }
    Banner *banner() const { return m_banner; }

    QPushButton *storyButton() const { return m_story; }

signals:
    void pageShown(); // a page (first or next) is on screen
    // Story: everything this database holds about the player typed, in time order.
    void storyRequested(const QString &player);

private:
    struct Loaded;
    void clear();
    std::optional<events::PlayerEventFilter> filterFromFields();
    pg::ConnectionSettings readingSettings(const events::PlayerEventFilter &filter) const;
    void showPage(const events::PlayerEventPage &page, bool append);

    std::optional<pg::ConnectionSettings> m_db;
    std::optional<browse::RowSecurity> m_rls;
    events::PlayerEventFilter m_filter; // the one on screen
    std::optional<events::PlayerEventCursor> m_next;
    int m_generation = 0;
    JobRunner *m_runner;
    ProgressPanel *m_progress;
    Banner *m_banner;
    QLineEdit *m_player;
    QLineEdit *m_type;
    QLineEdit *m_since;
    QLineEdit *m_until;
    QLabel *m_source;
    QTableWidget *m_events;
    QPushButton *m_more;
    QPushButton *m_story = nullptr;
    QTableWidget *m_counts;
    QLabel *m_countsNote;
    QPlainTextEdit *m_data;
};

} // namespace statescope::gui
