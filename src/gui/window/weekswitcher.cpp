#include "gui/window/weekswitcher.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace statescope::gui {

WeekSwitcher::WeekSwitcher(QWidget *parent)
    : QWidget(parent), m_previous(new QAction(tr("Previous week"), this)),
      m_next(new QAction(tr("Next week"), this)), m_previousButton(new QToolButton(this)),
      m_nextButton(new QToolButton(this)), m_weeks(new QComboBox(this)), m_where(new QLabel(this))
{
    setObjectName(QStringLiteral("weekSwitcher"));
    m_previous->setObjectName(QStringLiteral("previousWeek"));
    m_next->setObjectName(QStringLiteral("nextWeek"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    // Anywhere in the window, also while a pane's field has the focus.
    m_previous->setShortcutContext(Qt::WindowShortcut);
    m_next->setShortcutContext(Qt::WindowShortcut);
    m_previous->setToolTip(tr("The family's previous week, with this set-up kept (Alt+Left)"));
    m_next->setToolTip(tr("The family's next week, with this set-up kept (Alt+Right)"));
    m_previousButton->setDefaultAction(m_previous);
    m_nextButton->setDefaultAction(m_next);
    m_previousButton->setArrowType(Qt::LeftArrow);
    m_nextButton->setArrowType(Qt::RightArrow);
    m_weeks->setObjectName(QStringLiteral("weekCombo"));
    m_weeks->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_weeks->setToolTip(tr("Every week of this family on the open servers: the panes keep what "
                           "you set up (filters, table, tick, game, query, chart)"));
    m_where->setObjectName(QStringLiteral("weekWhere"));
    m_where->setTextFormat(Qt::PlainText);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Week:"), this);
    label->setBuddy(m_weeks);
    row->addWidget(label);
    row->addWidget(m_previousButton);
    row->addWidget(m_weeks);
    row->addWidget(m_nextButton);
    row->addWidget(m_where, 1);

    connect(m_previous, &QAction::triggered, this, [this] { step(-1); });
    connect(m_next, &QAction::triggered, this, [this] { step(+1); });
    connect(m_weeks, &QComboBox::activated, this, &WeekSwitcher::choose);
    clear();
}

void WeekSwitcher::clear()
{
    setFamily({}, -1);
}

void WeekSwitcher::setFamily(const weekly::Family &family, int current)
{
    m_family = family;
    m_current = current;
    m_filling = true;
    m_weeks->clear();
    const bool servers = family.spansServers();
    for (const weekly::FamilyWeek &w : family.weeks()) {
        QString text = w.label(servers);
        if (!w.info.takesConnections)
            text = tr("%1 (closed)").arg(text);
        m_weeks->addItem(text);
        m_weeks->setItemData(m_weeks->count() - 1, w.database(), Qt::ToolTipRole);
    }
    m_weeks->setCurrentIndex(current);
    m_filling = false;
    if (current >= 0) {
        QStringList where;
        for (const weekly::FamilyWeek &w : family.weeks())
            if (!where.contains(w.server))
                where << w.server;
        m_where->setText(servers ? tr("%1: week %2 of %3, on %4")
                                       .arg(family.prefix())
                                       .arg(current + 1)
                                       .arg(family.weeks().size())
                                       .arg(where.join(QStringLiteral(", ")))
                                 : tr("%1: week %2 of %3").arg(family.prefix()).arg(current + 1).arg(family.weeks().size()));
    } else {
        m_where->clear();
    }
    setVisible(current >= 0);
    updateButtons();
}

bool WeekSwitcher::step(int delta)
{
    const int target = m_current + delta;
    if (m_current < 0 || target < 0 || target >= m_family.weeks().size())
        return false;
    choose(target);
    return true;
}

void WeekSwitcher::choose(int index)
{
    if (m_filling || index < 0 || index >= m_family.weeks().size())
        return;
    if (index == m_current)
        return;
    emit weekChosen(m_family.weeks().at(index));
}

void WeekSwitcher::updateButtons()
{
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current >= 0 && m_current + 1 < m_family.weeks().size());
}

} // namespace statescope::gui
