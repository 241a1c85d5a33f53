#include "gui/collector/collectordialog.h"

#include "models/ink.h"

#include "core/paths.h"
#include "core/secrets.h"
#include "core/weekly/serveradmin.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"
#include "gui/widgets/themed.h"

#include <QMessageBox>
#include <QTextDocumentFragment>

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statescope::gui {

namespace {

const char *kTokenEnv = "STATESCOPE_API_TOKEN";

} // namespace

CollectorThread::CollectorThread(collect::Config config, collect::Options options, QObject *parent)
    : QThread(parent), m_config(std::move(config)), m_options(std::move(options))
{
    qRegisterMetaType<statescope::collect::Stats>();
}

CollectorThread::~CollectorThread()
{
    m_cancel.cancel();
    wait();
}

void CollectorThread::run()
{
    try {
        collect::Collector collector(m_config, m_options);
        collector.run(m_cancel, [this](const collect::Stats &s) { emit progressed(s); });
    } catch (const Error &e) {
        if (e.kind() != Error::Kind::Cancelled)
            m_error = e;
    }
}

CollectorDialog::CollectorDialog(pg::ConnectionSettings server, QString family, QWidget *parent)
    : QDialog(parent), m_server(std::move(server)), m_family(std::move(family)),
      m_path(new QLineEdit(this)), m_endpoints(new QTreeWidget(this)), m_tokenLabel(new QLabel(this)),
      m_state(new QLabel(this)), m_stats(new QLabel(this)), m_error(new QLabel(this)),
      m_start(new QPushButton(style::icon(QStringLiteral("media-playback-start")), tr("&Start"), this)),
      m_stop(new QPushButton(style::icon(QStringLiteral("media-playback-stop")), tr("S&top"), this)),
      m_show(new QPushButton(tr("Show &rows in Events"), this)), m_targetLabel(new QLabel(this)),
      m_lookup(new JobRunner(this))
{
    setObjectName(QStringLiteral("collectorDialog"));
    setWindowTitle(tr("Collector — %1").arg(m_family));
    m_path->setObjectName(QStringLiteral("collectorConfig"));
    m_path->setPlaceholderText(tr("Endpoints file (JSON, see docs/COLLECTOR.md)"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    m_endpoints->setObjectName(QStringLiteral("collectorEndpoints"));
    m_endpoints->setHeaderLabels({tr("Endpoint"), tr("Paged"), tr("Every")});
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->setUniformRowHeights(true);
    m_endpoints->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_start->setObjectName(QStringLiteral("collectorStart"));
    m_stop->setObjectName(QStringLiteral("collectorStop"));
    m_show->setObjectName(QStringLiteral("collectorShowRows"));
    m_state->setObjectName(QStringLiteral("collectorState"));
    m_stats->setObjectName(QStringLiteral("collectorStats"));
    m_stats->setTextFormat(Qt::RichText);
    m_error->setObjectName(QStringLiteral("collectorError"));
    m_error->setWordWrap(true);
    style::setInk(m_error, models::ink::Meaning::Danger);
    auto *saveToken = new QPushButton(tr("Save token in the &keychain…"), this);
    m_targetLabel->setObjectName(QStringLiteral("collectorTarget"));
    m_targetLabel->setWordWrap(true);
    // Nothing here starts on Enter: no button is a default one (Return in the path field
    // loads the file, and that is all).
    for (QPushButton *b : {m_start, m_stop, m_show, browse, saveToken}) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenLabel, 1);
    tokenRow->addWidget(saveToken);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    buttons->addWidget(m_show);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QAbstractButton *b : close->buttons())
        if (auto *push = qobject_cast<QPushButton *>(b))
            push->setAutoDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_targetLabel);
    layout->addLayout(pathRow);
    layout->addWidget(m_endpoints, 1);
    layout->addLayout(tokenRow);
    layout->addWidget(m_state);
    layout->addWidget(m_stats);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addWidget(close);
    resize(620, 460);

    m_tokenLabel->setText(qEnvironmentVariableIsSet(kTokenEnv)
                              ? tr("Token: from %1.").arg(QLatin1String(kTokenEnv))
                              : tr("Token: from the keychain when saved there, else none."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Endpoints file"), m_path->text(),
                                                          tr("JSON (*.json)"));
        if (!file.isEmpty())
            loadConfig(file);
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (!m_path->text().isEmpty())
            loadConfig(m_path->text());
    });
    connect(m_start, &QPushButton::clicked, this, &CollectorDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &CollectorDialog::stop);
    connect(m_show, &QPushButton::clicked, this, [this] { emit showRows(m_database); });
    connect(saveToken, &QPushButton::clicked, this, &CollectorDialog::saveToken);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::hide); // keeps running
    m_state->setText(tr("Stopped."));
    updateActions();
    lookUpTarget();
}

CollectorDialog::~CollectorDialog() = default;

void CollectorDialog::lookUpTarget()
{
    m_target = weekly::WeeklyName::forDate(m_family, QDateTime::currentDateTimeUtc().date()).databaseName();
    m_targetExists.reset();
    m_targetLabel->setText(targetText());
    // Whether it exists, asked off the UI thread.
    const pg::ConnectionSettings server = m_server;
    const QString target = m_target;
    m_lookup->start<bool>(
        tr("Looking up %1").arg(target),
        [server, target](TaskContext &) { return weekly::ServerAdmin(server).exists(target); },
        [this, target](const Outcome<bool> &r) {
            if (target != m_target || !r.ok())
                return;
            m_targetExists = r.value();
            m_targetLabel->setText(targetText());
        });
}

QString CollectorDialog::targetText() const
{
    if (isRunning() && !m_database.isEmpty())
        return tr("Family <b>%1</b> on %2: rows go to <b>%3</b>.")
            .arg(m_family.toHtmlEscaped(), m_server.displayName().toHtmlEscaped(), m_database.toHtmlEscaped());
    const QString exists = !m_targetExists ? tr("checking whether it exists…")
                           : *m_targetExists ? tr("it exists")
                                             : tr("it does not exist yet: starting creates it");
    if (m_config && m_config->reset)
        return tr("Family <b>%1</b> on %2: rows go to the week the game reports at %3 (field %4); this "
                  "week that is <b>%5</b> (%6).")
            .arg(m_family.toHtmlEscaped(), m_server.displayName().toHtmlEscaped(),
                 m_config->reset->path.toHtmlEscaped(), m_config->reset->field.toHtmlEscaped(),
                 m_target.toHtmlEscaped(), exists);
    return tr("Family <b>%1</b> on %2: rows go to <b>%3</b> (%4).")
        .arg(m_family.toHtmlEscaped(), m_server.displayName().toHtmlEscaped(), m_target.toHtmlEscaped(), exists);
}

void CollectorDialog::setAdminMode(bool on)
{
    m_adminMode = on;
    updateActions();
}

bool CollectorDialog::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool CollectorDialog::loadConfig(const QString &path)
{
    m_path->setText(path);
    m_endpoints->clear();
    m_error->clear();
    try {
        m_config = collect::Config::fromFile(path);
    } catch (const Error &e) {
        m_config.reset();
        m_error->setText(e.message());
        updateActions();
        return false;
    }
    for (const collect::Endpoint &e : m_config->endpoints)
        for (const QString &p : e.expand())
            new QTreeWidgetItem(m_endpoints, {p, e.paged ? tr("by %1").arg(e.limit) : QString(),
                                              tr("%1 s").arg(e.intervalSeconds)});
    m_targetLabel->setText(targetText());
    updateActions();
    return true;
}

void CollectorDialog::start()
{
    if (!m_config || isRunning() || !m_adminMode || findChild<QMessageBox *>(QStringLiteral("collectorConfirm")))
        return;
    // What starting will do, asked first; Cancel is the default button.
    QStringList paths;
    for (const collect::Endpoint &e : m_config->endpoints)
        paths << e.expand();
    const int shown = 12;
    QString list = QStringList(paths.mid(0, shown)).join(QStringLiteral("\n  "));
    if (paths.size() > shown)
        list += tr("\n  … and %n more", nullptr, int(paths.size() - shown));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Start the collector?"),
                                tr("Start fetching %1 into the family %2 on %3?")
                                    .arg(m_config->baseUrl, m_family, m_server.displayName()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("collectorConfirm"));
    box->setTextFormat(Qt::PlainText); // paths and URLs from the endpoints file are not markup
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString target = QTextDocumentFragment::fromHtml(targetText()).toPlainText();
    box->setInformativeText(tr("%1\n\n%n endpoint(s):\n  %2\n\nRate: %3 requests per second, bursts of up to %4; "
                               "every response is kept as a row, errors included.",
                               nullptr, int(paths.size()))
                                .arg(target, list, QLocale().toString(m_config->perSecond, 'f', 1),
                                     QLocale().toString(m_config->burst, 'f', 0)));
    QPushButton *go = box->addButton(tr("&Start collecting"), QMessageBox::AcceptRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    go->setObjectName(QStringLiteral("collectorConfirmStart"));
    go->setAutoDefault(false);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(go, &QPushButton::clicked, this, &CollectorDialog::startConfirmed);
    box->open();
}

void CollectorDialog::startConfirmed()
{
    if (!m_config || isRunning() || !m_adminMode)
        return;
    m_error->clear();
    auto launch = [this](const QString &token) {
        collect::Options o;
        o.server = m_server;
        o.prefix = m_family;
        o.token = token;
        m_thread = new CollectorThread(*m_config, o, this);
        connect(m_thread, &CollectorThread::progressed, this, &CollectorDialog::showStats);
        connect(m_thread, &QThread::finished, this, &CollectorDialog::finished);
        m_state->setText(tr("Starting…"));
        m_thread->start();
        updateActions();
        emit runningChanged(true);
    };
    const QString env = qEnvironmentVariable(kTokenEnv);
    if (!env.isEmpty()) {
        launch(env);
        return;
    }
    m_start->setEnabled(false);
    secrets::read(secrets::tokenKey(m_family), this, [launch](const secrets::Result &r) {
        launch(r.ok() ? r.secret : QString());
    });
}

void CollectorDialog::stop()
{
    if (!isRunning())
        return;
    m_state->setText(tr("Stopping after the batch in flight…"));
    m_thread->stop();
    m_stop->setEnabled(false);
}

void CollectorDialog::finished()
{
    if (m_thread->error())
        m_error->setText(m_thread->error()->message()
                         + (m_thread->error()->hint().isEmpty() ? QString() : QStringLiteral(" ") + m_thread->error()->hint()));
    m_thread->deleteLater();
    m_thread = nullptr;
    m_state->setText(tr("Stopped."));
    updateActions();
    lookUpTarget();
    emit runningChanged(false);
}

void CollectorDialog::showStats(const collect::Stats &s)
{
    if (s.database != m_database && !s.database.isEmpty()) {
        m_database = s.database;
        m_targetLabel->setText(targetText());
        emit databaseChanged(m_database); // made a moment ago, perhaps: the sidebar shows it now
    }
    const QLocale l;
    QStringList statuses;
    for (const auto &[status, n] : s.byStatus)
        statuses << QStringLiteral("%1: %2").arg(status).arg(l.toString(n));
    if (s.noAnswer)
        statuses << tr("no answer: %1").arg(l.toString(s.noAnswer));
    m_state->setText(isRunning() ? tr("Running: rows go to <b>%1</b>.").arg(s.database.toHtmlEscaped())
                                 : tr("Stopped."));
    m_stats->setText(tr("<table>"
                        "<tr><td>Requests</td><td>%1 (%2 per minute)</td></tr>"
                        "<tr><td>Rows stored</td><td>%3 in %4 batches, %5 waiting</td></tr>"
                        "<tr><td>Responses</td><td>%6</td></tr>"
                        "<tr><td>Retries</td><td>%7</td></tr>"
                        "<tr><td>Rate limit</td><td>%8 of %9 requests in the bucket, %10 per second</td></tr>"
                        "</table>")
                         .arg(l.toString(s.requests), l.toString(s.requestsPerMinute, 'f', 1),
                              l.toString(s.rows), l.toString(s.batches), l.toString(s.pending),
                              statuses.isEmpty() ? tr("none yet") : statuses.join(QStringLiteral(", ")),
                              l.toString(s.retries), l.toString(s.tokens, 'f', 1), l.toString(s.burst, 'f', 0))
                         .arg(l.toString(s.perSecond, 'f', 1)));
    updateActions();
}

void CollectorDialog::updateActions()
{
    const bool running = isRunning();
    m_start->setEnabled(m_config && m_adminMode && !running);
    m_start->setToolTip(m_adminMode ? tr("Fetch the endpoints into this reset's database")
                                    : tr("Starting the collector is an admin action: switch on admin mode"));
    m_stop->setEnabled(running);
    if (!running && m_thread == nullptr)
        m_state->setText(m_adminMode ? tr("Stopped.")
                                     : tr("Stopped. Starting needs admin mode (toolbar, Ctrl+Shift+A)."));
    m_show->setEnabled(!m_database.isEmpty());
    m_path->setEnabled(!running);
}

void CollectorDialog::saveToken()
{
    bool ok = false;
    const QString token = QInputDialog::getText(this, tr("API token"),
                                                tr("The bearer token for %1 (kept in the system keychain only):").arg(m_family),
                                                QLineEdit::Password, {}, &ok);
    if (!ok || token.isEmpty())
        return;
    secrets::write(secrets::tokenKey(m_family), token, this, [this](const secrets::Result &r) {
        if (r.ok())
            m_tokenLabel->setText(tr("Token: saved in the keychain."));
        else
            m_error->setText(tr("The keychain could not keep the token: %1. Set %2 instead.")
                                 .arg(r.error, QLatin1String(kTokenEnv)));
    });
}

} // namespace statescope::gui
