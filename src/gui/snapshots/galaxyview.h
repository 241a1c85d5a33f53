#pragma once

#include "core/pg/connectionsettings.h"
#include "core/snapshots/galaxyextras.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace statescope::gui {

class JobRunner;
class ProgressPanel;

// Galaxy's game_config (with the history its snapshot retention keeps) and its maneuver
// events: per ship, the count, the span and what the game's retention (1,000 per ship)
// deletes next; the selected ship's events, newest first. Read only.
class GalaxyView : public QWidget
{
    Q_OBJECT
public:
    explicit GalaxyView(QWidget *parent = nullptr);

    void setDatabase(const std::optional<pg::ConnectionSettings> &db);
    void reload();
    JobRunner *runner() const { return m_runner; }
    QTableWidget *config() const { return m_config; }
    QTableWidget *ships() const { return m_ships; }
    QTableWidget *events() const { return m_events; }
    QLabel *historyLabel() const { return m_history; }
    QLabel *retentionLabel() const { return m_retention; }

protected:
    void showEvent(QShowEvent *event) override; // loads what a database change left unread

private:
    void loadShip(const QString &shipId);
    void clear();

    std::optional<pg::ConnectionSettings> m_db;
    int m_generation = 0;
    bool m_stale = false; // the database changed while the view was hidden
    JobRunner *m_runner;
    ProgressPanel *m_progress;
    QTableWidget *m_config;
    QLabel *m_history;
    QLabel *m_retention;
    QTableWidget *m_ships;
    QTableWidget *m_events;
    QLabel *m_eventsNote;
};

} // namespace statescope::gui
