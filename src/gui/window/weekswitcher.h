#pragma once

#include "core/weekly/family.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

namespace statescope::gui {

// Above the panes: the week shown, as one of its family's weeks (on every open server), with
// the previous and next week a keystroke away (Alt+Left, Alt+Right) and the whole family in a
// drop-down. Choosing a week asks the window to show it with each pane's set-up kept
// (filters, table, tick, game, query text, chart settings). Hidden for a database that is
// not a weekly one.
class WeekSwitcher : public QWidget
{
    Q_OBJECT
public:
    explicit WeekSwitcher(QWidget *parent = nullptr);

    // The family of the database shown, and its position there (-1: not in it).
    void setFamily(const weekly::Family &family, int current);
    void clear();
    const weekly::Family &family() const { return m_family; }
    int current() const { return m_current; }
    QComboBox *combo() const { return m_weeks; }
    QAction *previousAction() const { return m_previous; }
    QAction *nextAction() const { return m_next; }
    // Moves by delta weeks (skipping none: a week that takes no connections says so when
    // shown); false at either end, or with no family.
    bool step(int delta);

signals:
    void weekChosen(const weekly::FamilyWeek &week);

private:
    void choose(int index);
    void updateButtons();

    weekly::Family m_family;
    int m_current = -1;
    bool m_filling = false;
    QAction *m_previous;
    QAction *m_next;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QComboBox *m_weeks;
    QLabel *m_where;
};

} // namespace statescope::gui
