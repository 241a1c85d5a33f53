#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace statescope::gui {

class JobRunner;

// "Doing X ... [=====    ] 12 s [Cancel]": follows one or more jobs (the latest started job's
// label and progress are shown, with how long the work has run; Cancel cancels every one);
// hidden when none runs. A job is a JobRunner's, or any other work the pane starts and ends
// itself (a statement streaming into a grid).
class ProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);
    void follow(JobRunner *runner);
    // Work of `source` runs from begin() to end(); Cancel calls `cancel`.
    void begin(QObject *source, const QString &label, std::function<void()> cancel);
    void end(QObject *source);

    // What a person sees of `source` (tests, the GUI audit): shown, how long, cancellable.
    bool isShowing(const QObject *source) const;
    QString elapsedText() const;
    bool canCancel() const;
    bool isBusy() const { return !m_jobs.isEmpty(); }

signals:
    void busyChanged(bool busy);

private:
    void tick();

    QLabel *m_label;
    QProgressBar *m_bar;
    QLabel *m_elapsed;
    QPushButton *m_cancel;
    QTimer *m_ticker;
    QElapsedTimer m_since;
    QHash<QObject *, std::function<void()>> m_jobs;
};

} // namespace statescope::gui
