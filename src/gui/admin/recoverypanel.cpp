#include "gui/admin/recoverypanel.h"

#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace statescope::gui {

RecoveryPanel::RecoveryPanel(JobRunner *actions, QWidget *parent)
    : QFrame(parent), m_actions(actions), m_reader(new JobRunner(this)), m_title(new QLabel(this)),
      m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("recoveryPanel"));
    setFrameShape(QFrame::StyledPanel);
    // Amber: something was left half-done and needs a decision, not an error of this moment.
    setStyleSheet(QStringLiteral("#recoveryPanel { background: #fff4d6; border: 1px solid #d99a00; "
                                 "border-radius: 4px; } #recoveryPanel QLabel { color: #3d2c00; }"));
    m_title->setObjectName(QStringLiteral("recoveryTitle"));
    m_title->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    connect(m_actions, &JobRunner::busyChanged, this, &RecoveryPanel::rebuild);
    setVisible(false);
}

RecoveryPanel::~RecoveryPanel() = default;

void RecoveryPanel::setServer(const std::optional<pg::ConnectionSettings> &server)
{
    m_server = server;
    m_runs.clear();
    rebuild();
    refresh();
}

void RecoveryPanel::setAdminMode(bool on)
{
    m_adminMode = on;
    rebuild();
}

void RecoveryPanel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_server) {
        m_runs.clear();
        rebuild();
        emit refreshed(0);
        return;
    }
    const pg::ConnectionSettings server = *m_server;
    m_reader->start<QList<weekly::IncompleteRun>>(
        tr("Looking for unfinished resets and drops"),
        [server](TaskContext &) {
            const weekly::ServerAdmin admin(server);
            return weekly::Recovery(admin).incomplete();
        },
        [this, generation](const Outcome<QList<weekly::IncompleteRun>> &r) {
            if (generation != m_generation)
                return; // another server meanwhile
            m_runs = r.ok() ? r.value() : QList<weekly::IncompleteRun>{};
            rebuild();
            if (!r.ok() && !r.cancelled())
                emit failed(r.error());
            emit refreshed(int(m_runs.size()));
        });
}

void RecoveryPanel::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QLayout *row = item->layout()) {
            while (QLayoutItem *inner = row->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item->widget();
        delete item;
    }
    setVisible(!m_runs.isEmpty());
    if (m_runs.isEmpty())
        return;
    m_title->setText(tr("<b>%n reset(s) or drop(s) on this server did not finish.</b> Decide for "
                        "each: finish what it started, or put the database back as it was.",
                        nullptr, int(m_runs.size())));
    const bool can = m_adminMode && !m_actions->isBusy();
    for (const weekly::IncompleteRun &run : std::as_const(m_runs)) {
        auto *row = new QHBoxLayout;
        auto *text = new QLabel(run.describe(), this);
        text->setWordWrap(true);
        text->setObjectName(QStringLiteral("recoveryRun_%1").arg(run.intent.op));
        row->addWidget(text, 1);
        auto *finish = new QPushButton(tr("Finish..."), this);
        finish->setObjectName(QStringLiteral("recoveryFinish_%1").arg(run.intent.op));
        finish->setToolTip(run.finishPlan().isEmpty() ? tr("Cannot be finished: no dump to start "
                                                           "from.")
                                                      : run.finishPlan());
        finish->setEnabled(can && !run.finishPlan().isEmpty());
        auto *restore = new QPushButton(tr("Restore..."), this);
        restore->setObjectName(QStringLiteral("recoveryRestore_%1").arg(run.intent.op));
        restore->setToolTip(run.restorePlan().isEmpty() ? tr("Nothing to restore from.")
                                                        : run.restorePlan());
        restore->setEnabled(can && !run.restorePlan().isEmpty());
        if (!m_adminMode) {
            const QString hint = tr("Switch on Admin mode to act on it.");
            finish->setToolTip(finish->toolTip() + QLatin1Char('\n') + hint);
            restore->setToolTip(restore->toolTip() + QLatin1Char('\n') + hint);
        }
        connect(finish, &QPushButton::clicked, this, [this, run] { confirm(run, true); });
        connect(restore, &QPushButton::clicked, this, [this, run] { confirm(run, false); });
        row->addWidget(finish);
        row->addWidget(restore);
        m_rows->addLayout(row);
    }
}

void RecoveryPanel::confirm(const weekly::IncompleteRun &run, bool finish)
{
    if (!m_server)
        return;
    const QString name = run.intent.target;
    const QString plan = finish ? run.finishPlan() : run.restorePlan();
    const QString html = QStringLiteral("<p>%1</p><p>%2</p>")
                             .arg(run.describe().toHtmlEscaped(), plan.toHtmlEscaped());
    auto *dialog = new ConfirmDialog(finish ? tr("Finish the %1").arg(run.intent.action)
                                            : tr("Put %1 back").arg(name),
                                     finish ? tr("Finish the %1 of <b>%2</b>?")
                                                  .arg(run.intent.action, name.toHtmlEscaped())
                                            : tr("Put <b>%1</b> back as it was?").arg(name.toHtmlEscaped()),
                                     html, name, false, this);
    dialog->setObjectName(QStringLiteral("recoveryDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const pg::ConnectionSettings server = *m_server;
    const QString op = run.intent.op;
    // A move that reached its target is recovered there too: the open server with the
    // identifier the move went to (looked up in the job, off the GUI thread).
    QList<pg::ConnectionSettings> others;
    if (weekly::Recovery::moveReachedTarget(run) && m_otherServers)
        others = m_otherServers();
    const QString targetId = QString::fromStdString(run.intent.details.value("target_id", std::string()));
    connect(dialog, &QDialog::accepted, this, [this, dialog, server, op, name, finish, others, targetId] {
        const QString reason = dialog->reason();
        m_actions->start<weekly::ActionResult>(
            finish ? tr("Finishing the run on %1").arg(name) : tr("Putting %1 back").arg(name),
            [server, op, name, reason, finish, others, targetId](TaskContext &ctx) {
                const weekly::ServerAdmin admin(server);
                weekly::Recovery recovery(admin);
                std::optional<weekly::ServerAdmin> target;
                for (const pg::ConnectionSettings &other : others) {
                    ctx.throwIfCancelled();
                    try {
                        if (weekly::ServerAdmin(other).systemIdentifier(&ctx) == targetId) {
                            target.emplace(other);
                            break;
                        }
                    } catch (const Error &) {
                        // unreachable: not the one
                    }
                }
                if (target)
                    recovery.setMoveTarget(&*target);
                // The panel lists the run with where it was recorded (describe()), and the
                // name typed back confirms acting on it here.
                return finish ? recovery.finish(op, name, reason, &ctx, true)
                              : recovery.restore(op, name, reason, &ctx, true);
            },
            [this, name, finish](const Outcome<weekly::ActionResult> &r) {
                refresh();
                if (!r.ok()) {
                    emit failed(r.error());
                    emit changed(name);
                    return;
                }
                QString text = finish ? tr("Finished the unfinished run on %1.").arg(name)
                                      : tr("%1 is back as it was before the run.").arg(name);
                for (const QString &w : r.value().warnings)
                    text += QLatin1Char(' ') + w;
                emit succeeded(text);
                emit changed(name);
            });
    });
    dialog->open();
}

} // namespace statescope::gui
