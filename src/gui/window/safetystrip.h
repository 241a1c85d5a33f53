#pragma once

#include <QColor>
#include <QWidget>

class QLabel;
class QPushButton;

namespace statescope::gui {

// The top of the window, above every pane: which server this is when its profile has a
// colour or is marked production (a band in that colour, "PRODUCTION" in capitals), and a
// loud bar while admin mode is on, naming the server it is on for, with a button to turn it
// off. Neither can be missed, and neither depends on the title bar (which some window
// managers hide).
class SafetyStrip : public QWidget
{
    Q_OBJECT
public:
    explicit SafetyStrip(QWidget *parent = nullptr);

    // The server the window is on now: its name, profile colour (invalid: none) and flag.
    void setServer(const QString &name, const QColor &colour, bool production);
    void setAdminMode(bool on);

    bool isAdminBarShown() const;
    QString adminText() const;
    QString serverBandText() const;

signals:
    void turnOffAdminRequested();

private:
    void update();

    QLabel *m_band;
    QWidget *m_adminBar;
    QLabel *m_adminText;
    QPushButton *m_turnOff;
    QString m_server;
    QColor m_colour;
    bool m_production = false;
    bool m_admin = false;
};

} // namespace statescope::gui
