#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace statescope::gui {

class JobRunner;

// "Doing X ... [=====    ] [Cancel]": follows one JobRunner; hidden when idle.
class ProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);
    void follow(JobRunner *runner);

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace statescope::gui
