#include "connectiondialog.h"

#include "ui_connectiondialog.h"

#include "core/pg/connection.h"
#include "gui/jobrunner.h"

#include <QPushButton>

namespace statescope::gui {

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectionDialog>()),
      m_runner(new JobRunner(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectionDialog"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Save profile"));
    m_profiles = settings::profiles();
    for (const Profile &p : m_profiles)
        m_ui->profileList->addItem(p.name);
    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &ConnectionDialog::loadProfile);
    connect(m_ui->newButton, &QPushButton::clicked, this, [this] {
        m_ui->profileList->clearSelection();
        m_ui->nameEdit->clear();
        m_ui->conninfoEdit->clear();
        m_ui->passwordEdit->clear();
        m_ui->webhookEdit->clear();
        m_ui->nameEdit->setFocus();
    });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->profileList->currentRow();
        if (row < 0)
            return;
        m_profiles.removeAt(row);
        delete m_ui->profileList->takeItem(row);
        settings::saveProfiles(m_profiles);
    });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &ConnectionDialog::saveProfile);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectionDialog::acceptIfValid);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->conninfoEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->errorLabel->clear();
        m_ui->testResult->clear();
    });

    const QString last = settings::lastProfile();
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].name == last)
            m_ui->profileList->setCurrentRow(i);
}

ConnectionDialog::~ConnectionDialog() = default;

QString ConnectionDialog::profileName() const
{
    return m_ui->nameEdit->text().trimmed();
}

QString ConnectionDialog::webhookUrl() const
{
    return m_ui->webhookEdit->text().trimmed();
}

std::optional<pg::ConnectionSettings> ConnectionDialog::parseFields()
{
    try {
        auto s = pg::ConnectionSettings::parse(m_ui->conninfoEdit->text());
        if (!m_ui->passwordEdit->text().isEmpty())
            s.setPassword(m_ui->passwordEdit->text());
        m_ui->errorLabel->clear();
        return s;
    } catch (const Error &e) {
        m_ui->errorLabel->setText(e.message() + QLatin1Char('\n') + e.hint());
        return std::nullopt;
    }
}

void ConnectionDialog::loadProfile(int row)
{
    if (row < 0 || row >= m_profiles.size())
        return;
    const Profile &p = m_profiles[row];
    m_ui->nameEdit->setText(p.name);
    m_ui->conninfoEdit->setText(p.conninfo);
    m_ui->webhookEdit->setText(p.webhookUrl);
    m_ui->passwordEdit->clear();
}

void ConnectionDialog::saveProfile()
{
    const auto parsed = parseFields();
    if (!parsed)
        return;
    const QString name = profileName();
    if (name.isEmpty()) {
        m_ui->errorLabel->setText(tr("Give the profile a name."));
        return;
    }
    const Profile profile{name, parsed->storableString(), m_ui->webhookEdit->text().trimmed()};
    bool replaced = false;
    for (Profile &p : m_profiles)
        if (p.name == name) {
            p = profile;
            replaced = true;
        }
    if (!replaced) {
        m_profiles.append(profile);
        m_ui->profileList->addItem(name);
    }
    settings::saveProfiles(m_profiles);
    m_ui->testResult->setText(tr("Saved (without the password)."));
}

void ConnectionDialog::testConnection()
{
    const auto parsed = parseFields();
    if (!parsed)
        return;
    const int generation = ++m_testGeneration;
    m_ui->testResult->setText(tr("Connecting..."));
    m_ui->testButton->setEnabled(false);
    pg::ConnectionSettings target = *parsed;
    if (target.database().isEmpty())
        target.setValue(QStringLiteral("dbname"), QStringLiteral("postgres"));
    m_runner->start<QString>(
        tr("Testing connection"),
        [target](TaskContext &ctx) {
            auto conn = pg::Connection::open(target, pg::Connection::Access::ReadOnly,
                                             &ctx.cancelToken());
            return conn->exec(QStringLiteral("SELECT version()")).value(0, 0);
        },
        [this, generation](const Outcome<QString> &r) {
            m_ui->testButton->setEnabled(true);
            if (generation != m_testGeneration)
                return;
            if (r.ok()) {
                m_ui->testResult->setText(tr("Connected: %1").arg(r.value().section(QLatin1Char(','), 0, 0)));
            } else {
                m_ui->testResult->clear();
                m_ui->errorLabel->setText(r.error().oneLine());
            }
        });
}

void ConnectionDialog::acceptIfValid()
{
    const auto parsed = parseFields();
    if (!parsed)
        return;
    m_settings = *parsed;
    if (!profileName().isEmpty())
        settings::setLastProfile(profileName());
    accept();
}

} // namespace statescope::gui
