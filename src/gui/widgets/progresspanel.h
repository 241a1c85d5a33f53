#pragma once

#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace statescope::gui {

class JobRunner;

// "Doing X ... [=====    ] [Cancel]": follows one or more JobRunners (the latest started
// job's label and progress are shown; Cancel cancels every busy one); hidden when all idle.
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
    QSet<JobRunner *> m_busy;
};

} // namespace statescope::gui
