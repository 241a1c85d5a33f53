#include "gui/widgets/progresspanel.h"

#include "gui/widgets/jobrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace statescope::gui {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Cancel the running operation (Esc)"));
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_label->setObjectName(QStringLiteral("progressLabel"));
    setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling..."));
        for (JobRunner *r : std::as_const(m_busy))
            r->cancel();
    });
}

void ProgressPanel::follow(JobRunner *runner)
{
    connect(runner, &QObject::destroyed, this, [this, runner] {
        m_busy.remove(runner);
        setVisible(!m_busy.isEmpty());
    });
    connect(runner, &JobRunner::started, this, [this](const QString &label) {
        m_label->setText(label);
        m_bar->setRange(0, 0);
        m_cancel->setEnabled(true);
        setVisible(true);
    });
    connect(runner, &JobRunner::progress, this, [this](int done, int total, const QString &text) {
        m_bar->setRange(0, total);
        m_bar->setValue(done);
        if (!text.isEmpty())
            m_label->setText(text);
    });
    connect(runner, &JobRunner::busyChanged, this, [this, runner](bool busy) {
        if (busy)
            m_busy.insert(runner);
        else
            m_busy.remove(runner);
        setVisible(!m_busy.isEmpty());
    });
}

} // namespace statescope::gui
