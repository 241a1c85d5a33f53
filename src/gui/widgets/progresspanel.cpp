#include "gui/widgets/progresspanel.h"

#include "gui/widgets/elidinglabel.h"
#include "gui/widgets/jobrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace statescope::gui {

ProgressPanel::ProgressPanel(QWidget *parent)
    // The label elides: a long job name in German must not widen the pane while it runs (the
    // window then took the width from the server tree, which kept it narrow after).
    : QWidget(parent), m_label(new ElidingLabel(this)), m_bar(new QProgressBar(this)), m_elapsed(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_ticker(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_elapsed);
    layout->addWidget(m_cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Cancel the running operation (Esc)"));
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_label->setObjectName(QStringLiteral("progressLabel"));
    m_elapsed->setObjectName(QStringLiteral("progressElapsed"));
    m_elapsed->setToolTip(tr("How long it has run"));
    m_ticker->setInterval(250);
    connect(m_ticker, &QTimer::timeout, this, &ProgressPanel::tick);
    setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling..."));
        const auto jobs = m_jobs; // a cancel may end its job at once
        for (const auto &cancel : jobs)
            if (cancel)
                cancel();
    });
}

void ProgressPanel::follow(JobRunner *runner)
{
    connect(runner, &QObject::destroyed, this, [this, runner] { end(runner); });
    connect(runner, &JobRunner::started, this, [this, runner](const QString &label) {
        begin(runner, label, [runner] { runner->cancel(); });
    });
    connect(runner, &JobRunner::progress, this, [this](int done, int total, const QString &text) {
        m_bar->setRange(0, total);
        m_bar->setValue(done);
        if (!text.isEmpty())
            m_label->setText(text);
    });
    connect(runner, &JobRunner::busyChanged, this, [this, runner](bool busy) {
        if (!busy)
            end(runner);
    });
}

void ProgressPanel::begin(QObject *source, const QString &label, std::function<void()> cancel)
{
    const bool was = isBusy();
    if (!was)
        m_since.start();
    m_jobs.insert(source, std::move(cancel));
    m_label->setText(label);
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    tick();
    m_ticker->start();
    setVisible(true);
    if (!was)
        emit busyChanged(true);
}

void ProgressPanel::end(QObject *source)
{
    if (!m_jobs.remove(source) || isBusy())
        return;
    m_ticker->stop();
    setVisible(false);
    emit busyChanged(false);
}

void ProgressPanel::tick()
{
    // Whole seconds, from the first: "0 s" while it starts, so the place never reads blank.
    const qint64 s = m_since.isValid() ? m_since.elapsed() / 1000 : 0;
    m_elapsed->setText(s < 60 ? tr("%1 s").arg(s) : tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
}

bool ProgressPanel::isShowing(const QObject *source) const
{
    return isVisible() && m_jobs.contains(const_cast<QObject *>(source));
}

QString ProgressPanel::elapsedText() const
{
    return m_elapsed->isVisible() ? m_elapsed->text() : QString();
}

bool ProgressPanel::canCancel() const
{
    return m_cancel->isVisible() && m_cancel->isEnabled();
}

} // namespace statescope::gui
