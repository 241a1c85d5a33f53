#include "gui/window/connectiondialog.h"

#include "ui_connectiondialog.h"

#include "core/pg/connection.h"
#include "core/pg/formation.h"
#include "core/secrets.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/style.h"

#include <QColorDialog>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QPushButton>
#include <QShortcut>

namespace statescope::gui {

namespace {

// libpq's sslmode values; "" leaves libpq's default (prefer).
const QStringList kSslModes = {QString(),          QStringLiteral("disable"),
                               QStringLiteral("allow"), QStringLiteral("prefer"),
                               QStringLiteral("require"), QStringLiteral("verify-ca"),
                               QStringLiteral("verify-full")};

struct TestResult
{
    QString version;
    QString tls;
    qint64 connectMs = 0;
    double roundTripMs = 0;
    QString replica; // empty: none named
    bool socket = false; // reached through a Unix-domain socket (where libpq uses no TLS)
    QString node;        // a formation or several hosts: the one reached, and what it is
};

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>()),
      m_runner(new JobRunner(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectionDialog"));
    QPushButton *connectButton = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    connectButton->setText(tr("&Connect"));
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setIcon(style::icon(QStringLiteral("network-connect")));
    m_ui->saveButton->setIcon(style::icon(QStringLiteral("document-save")));
    m_ui->testButton->setIcon(style::icon(QStringLiteral("network-wired")));
    m_ui->sslModeCombo->addItem(tr("default (prefer)"), QString());
    for (const QString &mode : kSslModes.mid(1))
        m_ui->sslModeCombo->addItem(mode, mode);

    m_profiles = settings::profiles();
    for (const settings::Profile &p : m_profiles)
        m_ui->profileList->addItem(p.name);
    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &ConnectionDialog::loadProfile);
    connect(m_ui->newButton, &QPushButton::clicked, this, [this] {
        m_ui->profileList->setCurrentRow(-1);
        clearFields();
        m_ui->nameEdit->setFocus();
    });
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, [this] {
        const QString name = m_ui->nameEdit->text().trimmed();
        m_ui->profileList->setCurrentRow(-1); // keeps the fields
        m_currentId.clear();
        m_ui->nameEdit->setText(name.isEmpty() ? QString() : tr("%1 (copy)").arg(name));
        m_ui->savedLabel->setText(tr("A copy: Save profile to keep it."));
    });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->profileList->currentRow();
        if (row < 0)
            return;
        const settings::Profile gone = m_profiles.takeAt(row);
        try {
            settings::saveProfiles(m_profiles);
        } catch (const Error &e) {
            m_profiles.insert(row, gone);
            m_ui->errorLabel->setText(e.message());
            return;
        }
        delete m_ui->profileList->takeItem(row);
        if (gone.savePassword)
            secrets::remove(secrets::profileKey(gone.id), this, [](const secrets::Result &) {});
        m_ui->savedLabel->setText(tr("Deleted profile %1.").arg(gone.name));
    });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    auto *save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, this, &ConnectionDialog::saveProfile);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectionDialog::connectNow);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QLineEdit *field : {m_ui->hostEdit, m_ui->portEdit, m_ui->userEdit, m_ui->databaseEdit,
                             m_ui->rootCertEdit, m_ui->monitorEdit, m_ui->formationEdit, m_ui->poolerPortEdit})
        connect(field, &QLineEdit::textEdited, this, &ConnectionDialog::fieldsToConninfo);
    connect(m_ui->sslModeCombo, &QComboBox::activated, this, &ConnectionDialog::fieldsToConninfo);
    connect(m_ui->standbyCheck, &QCheckBox::clicked, this, &ConnectionDialog::fieldsToConninfo);
    connect(m_ui->conninfoEdit, &QLineEdit::textEdited, this, &ConnectionDialog::conninfoToFields);
    for (QLineEdit *field : {m_ui->conninfoEdit, m_ui->replicaEdit, m_ui->nameEdit})
        connect(field, &QLineEdit::textChanged, this, [this] {
            m_ui->testResult->clear();
            m_ui->savedLabel->clear();
        });
    connect(m_ui->rootCertButton, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Root certificate"),
                                                          m_ui->rootCertEdit->text(),
                                                          tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!file.isEmpty()) {
            m_ui->rootCertEdit->setText(file);
            fieldsToConninfo();
        }
    });
    connect(m_ui->colourButton, &QToolButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(m_colour.isEmpty() ? QColor(Qt::red) : QColor(m_colour),
                                                this, tr("Profile colour"));
        if (c.isValid())
            setColour(c.name());
    });
    connect(m_ui->clearColourButton, &QToolButton::clicked, this, [this] { setColour({}); });

    clearFields();
    const QStringList open = settings::openServers();
    if (!open.isEmpty())
        selectProfile(open.first());
    else if (!m_profiles.isEmpty())
        m_ui->profileList->setCurrentRow(0);
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::selectProfile(const QString &id)
{
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].id == id)
            m_ui->profileList->setCurrentRow(i);
}

void ConnectionDialog::clearFields()
{
    m_currentId.clear();
    for (QLineEdit *e : {m_ui->nameEdit, m_ui->hostEdit, m_ui->portEdit, m_ui->userEdit,
                         m_ui->databaseEdit, m_ui->rootCertEdit, m_ui->conninfoEdit,
                         m_ui->replicaEdit, m_ui->passwordEdit, m_ui->webhookEdit,
                         m_ui->monitorEdit, m_ui->formationEdit, m_ui->poolerPortEdit})
        e->clear();
    m_ui->sslModeCombo->setCurrentIndex(0);
    m_ui->standbyCheck->setChecked(false);
    showFormation(false);
    m_ui->productionCheck->setChecked(false);
    m_ui->savePasswordCheck->setChecked(false);
    setColour({});
    m_ui->errorLabel->clear();
    m_ui->testResult->clear();
    m_ui->savedLabel->clear();
}

void ConnectionDialog::loadProfile(int row)
{
    if (row < 0 || row >= m_profiles.size())
        return;
    const settings::Profile &p = m_profiles[row];
    clearFields();
    m_currentId = p.id;
    m_ui->nameEdit->setText(p.name);
    m_ui->conninfoEdit->setText(p.conninfo);
    m_ui->conninfoEdit->setCursorPosition(0);
    conninfoToFields();
    m_ui->replicaEdit->setText(p.replica);
    m_ui->webhookEdit->setText(p.webhookUrl);
    m_ui->productionCheck->setChecked(p.production);
    m_ui->savePasswordCheck->setChecked(p.savePassword);
    setColour(p.colour);
    m_ui->savedLabel->clear();
}

void ConnectionDialog::setColour(const QString &colour)
{
    m_colour = colour;
    m_ui->clearColourButton->setEnabled(!colour.isEmpty());
    if (colour.isEmpty()) {
        m_ui->colourButton->setStyleSheet({});
        m_ui->colourButton->setText(tr("Colour…"));
    } else {
        m_ui->colourButton->setStyleSheet(QStringLiteral("QToolButton { background: %1; color: %2; }")
                                              .arg(colour, style::textOn(QColor(colour)).name()));
        m_ui->colourButton->setText(colour);
    }
}

void ConnectionDialog::fieldsToConninfo()
{
    if (m_syncing)
        return;
    pg::ConnectionSettings s;
    try {
        s = pg::ConnectionSettings::parse(m_ui->conninfoEdit->text());
    } catch (const Error &) {
        // The string does not parse: the fields become the whole of it.
    }
    auto put = [&s](const char *key, const QString &value) {
        if (value.trimmed().isEmpty())
            s.remove(QLatin1String(key));
        else
            s.setValue(QLatin1String(key), value.trimmed());
    };
    put("host", m_ui->hostEdit->text());
    put("port", m_ui->portEdit->text());
    put("user", m_ui->userEdit->text());
    put("dbname", m_ui->databaseEdit->text());
    put("sslmode", m_ui->sslModeCombo->currentData().toString());
    put("sslrootcert", m_ui->rootCertEdit->text());
    // A formation's monitor names its nodes: no host or port of the string's own.
    const bool formation = !m_ui->monitorEdit->text().trimmed().isEmpty();
    showFormation(formation);
    if (formation) {
        s.remove(QStringLiteral("host"));
        s.remove(QStringLiteral("hostaddr"));
        s.remove(QStringLiteral("port"));
    }
    put("monitor", m_ui->monitorEdit->text());
    put("formation", formation ? m_ui->formationEdit->text() : QString());
    put("pooler_port", formation ? m_ui->poolerPortEdit->text() : QString());
    if (m_ui->standbyCheck->isChecked())
        s.setValue(QStringLiteral("target_session_attrs"), QStringLiteral("prefer-standby"));
    else if (s.value(QStringLiteral("target_session_attrs")) == QLatin1String("prefer-standby"))
        s.remove(QStringLiteral("target_session_attrs"));
    QString text;
    try {
        text = s.storableString();
    } catch (const Error &e) { // a monitor string still being typed
        m_ui->errorLabel->setText(tr("Failover monitor: %1").arg(e.message()));
        return;
    }
    m_syncing = true;
    m_ui->conninfoEdit->setText(text);
    m_ui->conninfoEdit->setCursorPosition(0); // shown from its start (host, port), not its tail
    m_syncing = false;
    m_ui->errorLabel->clear();
}

void ConnectionDialog::showFormation(bool formation)
{
    // Host and port belong to a plain server; formation and PgBouncer port to a monitor's.
    for (QLineEdit *e : {m_ui->hostEdit, m_ui->portEdit}) {
        e->setEnabled(!formation);
        if (formation)
            e->clear();
    }
    m_ui->hostEdit->setPlaceholderText(formation ? tr("the failover monitor names the nodes")
                                                 : tr("default: the local socket"));
    m_ui->formationEdit->setEnabled(formation);
    m_ui->poolerPortEdit->setEnabled(formation);
}

void ConnectionDialog::conninfoToFields()
{
    if (m_syncing)
        return;
    pg::ConnectionSettings s;
    try {
        s = pg::ConnectionSettings::parse(m_ui->conninfoEdit->text());
    } catch (const Error &e) {
        m_ui->errorLabel->setText(e.message());
        return;
    }
    m_ui->errorLabel->clear();
    m_syncing = true;
    m_ui->hostEdit->setText(s.value(QStringLiteral("host")));
    m_ui->portEdit->setText(s.value(QStringLiteral("port")));
    m_ui->userEdit->setText(s.value(QStringLiteral("user")));
    m_ui->databaseEdit->setText(s.value(QStringLiteral("dbname")));
    m_ui->rootCertEdit->setText(s.value(QStringLiteral("sslrootcert")));
    const int mode = m_ui->sslModeCombo->findData(s.value(QStringLiteral("sslmode")));
    m_ui->sslModeCombo->setCurrentIndex(std::max(0, mode));
    m_ui->monitorEdit->setText(s.value(QStringLiteral("monitor")));
    m_ui->formationEdit->setText(s.value(QStringLiteral("formation")));
    m_ui->poolerPortEdit->setText(s.value(QStringLiteral("pooler_port")));
    showFormation(!m_ui->monitorEdit->text().isEmpty());
    m_ui->standbyCheck->setChecked(s.value(QStringLiteral("target_session_attrs")) == QLatin1String("prefer-standby"));
    if (s.hasPassword() && m_ui->passwordEdit->text().isEmpty())
        m_ui->passwordEdit->setText(s.value(QStringLiteral("password")));
    m_syncing = false;
}

std::optional<pg::ConnectionSettings> ConnectionDialog::parseFields()
{
    pg::ConnectionSettings s;
    try {
        s = pg::ConnectionSettings::parse(m_ui->conninfoEdit->text());
    } catch (const Error &e) {
        m_ui->errorLabel->setText(e.message() + QLatin1Char('\n') + e.hint());
        return std::nullopt;
    }
    const QString port = s.value(QStringLiteral("port"));
    bool ok = true;
    if (!port.isEmpty() && (port.toInt(&ok) < 1 || !ok || port.toInt() > 65535)) {
        m_ui->errorLabel->setText(tr("The port must be a number from 1 to 65535, not \"%1\".").arg(port));
        return std::nullopt;
    }
    if (!m_ui->passwordEdit->text().isEmpty())
        s.setPassword(m_ui->passwordEdit->text());
    if (!m_ui->replicaEdit->text().trimmed().isEmpty()) {
        try {
            s.setReadReplica(pg::ConnectionSettings::parse(m_ui->replicaEdit->text()));
        } catch (const Error &e) {
            m_ui->errorLabel->setText(tr("Read replica: %1").arg(e.message()) + QLatin1Char('\n')
                                      + e.hint());
            return std::nullopt;
        }
    }
    m_ui->errorLabel->clear();
    return s;
}

std::optional<settings::Profile> ConnectionDialog::profileFromFields()
{
    const auto parsed = parseFields();
    if (!parsed)
        return std::nullopt;
    settings::Profile p;
    p.id = m_currentId.isEmpty() ? settings::newProfileId() : m_currentId;
    p.name = m_ui->nameEdit->text().trimmed();
    if (p.name.isEmpty())
        p.name = parsed->displayName();
    p.conninfo = parsed->storableString();
    p.replica = parsed->readReplica() ? m_ui->replicaEdit->text().trimmed() : QString();
    p.webhookUrl = m_ui->webhookEdit->text().trimmed();
    p.colour = m_colour;
    p.production = m_ui->productionCheck->isChecked();
    p.savePassword = m_ui->savePasswordCheck->isChecked();
    return p;
}

bool ConnectionDialog::saveProfile()
{
    if (m_ui->nameEdit->text().trimmed().isEmpty()) {
        m_ui->errorLabel->setText(tr("Give the profile a name."));
        m_ui->nameEdit->setFocus();
        return false;
    }
    auto profile = profileFromFields();
    if (!profile)
        return false;
    // The keychain decides whether savePassword holds: it is set only once a write worked.
    const bool wantSaved = profile->savePassword;
    const QString password = m_ui->passwordEdit->text();
    const int row = int(std::find_if(m_profiles.begin(), m_profiles.end(),
                                     [&](const auto &p) { return p.id == profile->id; })
                        - m_profiles.begin());
    const bool wasSaved = row < m_profiles.size() && m_profiles[row].savePassword;
    if (wantSaved && password.isEmpty())
        profile->savePassword = wasSaved; // nothing new to store: keep what the keychain has
    else if (wantSaved)
        profile->savePassword = false;    // until the keychain says it has it
    QList<settings::Profile> updated = m_profiles;
    if (row < updated.size())
        updated[row] = *profile;
    else
        updated.append(*profile);
    try {
        settings::saveProfiles(updated);
    } catch (const Error &e) {
        m_ui->errorLabel->setText(e.message());
        return false;
    }
    m_profiles = updated;
    m_currentId = profile->id;
    if (row < m_ui->profileList->count()) {
        m_ui->profileList->item(row)->setText(profile->name);
    } else {
        m_ui->profileList->addItem(profile->name);
        const QSignalBlocker block(m_ui->profileList);
        m_ui->profileList->setCurrentRow(m_ui->profileList->count() - 1);
    }
    m_ui->savedLabel->setText(tr("Saved profile %1.").arg(profile->name));
    const QString id = profile->id;
    if (wantSaved && !password.isEmpty()) {
        secrets::write(secrets::profileKey(id), password, this, [this, id](const secrets::Result &r) {
            for (int i = 0; i < m_profiles.size(); ++i) {
                if (m_profiles[i].id != id)
                    continue;
                if (r.ok()) {
                    m_profiles[i].savePassword = true;
                    settings::saveProfiles(m_profiles);
                    m_ui->savedLabel->setText(tr("Saved profile %1; its password is in the system "
                                                 "keychain.")
                                                  .arg(m_profiles[i].name));
                } else {
                    m_ui->savePasswordCheck->setChecked(false);
                    m_ui->savedLabel->setText(
                        tr("Saved profile %1, but not its password: no system keychain could be "
                           "reached (%2). The password is asked for when it is needed and kept "
                           "for the session only.")
                            .arg(m_profiles[i].name, r.error));
                }
            }
        });
    } else if (!wantSaved && wasSaved) {
        secrets::remove(secrets::profileKey(id), this, [](const secrets::Result &) {});
    }
    return true;
}

void ConnectionDialog::connectNow()
{
    if (m_ui->conninfoEdit->text().trimmed().isEmpty() && m_ui->hostEdit->text().isEmpty()
        && m_profiles.isEmpty()) {
        m_ui->errorLabel->setText(tr("Fill in the server (host, or a connection string) first."));
        return;
    }
    const auto profile = profileFromFields();
    if (!profile)
        return;
    const QString password = m_ui->passwordEdit->text();
    emit connectRequested(*profile, password.isEmpty() ? std::nullopt : std::optional(password));
    accept();
}

void ConnectionDialog::testConnection()
{
    const auto target = parseFields();
    if (!target)
        return;
    m_ui->testButton->setEnabled(false);
    m_ui->testResult->setText(tr("Connecting…"));
    const int generation = ++m_testGeneration;
    m_runner->start<TestResult>(
        tr("Testing connection"),
        [target = *target](TaskContext &ctx) {
            // The server itself (where writes go), then the read replica if one is named.
            pg::ConnectionSettings primary = target;
            primary.clearReadReplica();
            TestResult out;
            QElapsedTimer clock;
            clock.start();
            auto conn = pg::Connection::open(primary, pg::Connection::Access::ReadOnly,
                                             &ctx.cancelToken());
            out.connectMs = clock.elapsed();
            clock.restart();
            conn->exec(QStringLiteral("SELECT 1"));
            out.roundTripMs = double(clock.nsecsElapsed()) / 1e6;
            out.version = conn->serverVersionText();
            out.tls = conn->tlsProtocol();
            // Where libpq went: with a formation or several hosts, not the string's first host.
            const QString address = conn->address();
            const QString host = address.left(address.lastIndexOf(QLatin1Char(':')));
            out.socket = host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@'));
            if (pg::formation::named(primary) || primary.value(QStringLiteral("host")).contains(QLatin1Char(',')))
                out.node = conn->isStandby() ? tr("Reached %1, a standby.").arg(address)
                                             : tr("Reached %1, the primary.").arg(address);
            if (target.readReplica()) {
                auto replica = pg::Connection::open(target, pg::Connection::Access::ReadOnly,
                                                    &ctx.cancelToken());
                out.replica = replica->isStandby()
                                  ? tr("Read replica: connected, a standby in recovery.")
                                  : tr("Read replica: connected, but it is not a standby (it "
                                       "accepts writes): is it the right server?");
            }
            return out;
        },
        [this, generation](const Outcome<TestResult> &r) {
            m_ui->testButton->setEnabled(true);
            if (generation != m_testGeneration)
                return;
            if (!r.ok()) {
                m_ui->testResult->clear();
                m_ui->errorLabel->setText(r.error().oneLine());
                return;
            }
            const TestResult &t = r.value();
            QString text = tr("Connected: PostgreSQL %1 · %2 · connect %3 ms, round trip %4 ms")
                               .arg(t.version,
                                    !t.tls.isEmpty() ? tr("TLS on (%1)").arg(t.tls)
                                    : t.socket ? tr("TLS off: a Unix-domain socket, where libpq uses no TLS "
                                                    "whatever sslmode says (give a host name for TLS)")
                                               : tr("TLS off"))
                               .arg(t.connectMs)
                               .arg(QLocale().toString(t.roundTripMs, 'f', 1));
            if (!t.node.isEmpty())
                text += QLatin1Char('\n') + t.node;
            if (!t.replica.isEmpty())
                text += QLatin1Char('\n') + t.replica;
            m_ui->testResult->setText(text);
        });
}

} // namespace statescope::gui
