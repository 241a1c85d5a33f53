// The Snapshots pane's Redis field: one per database family, its URL in the settings
// without the password, the password in the system keychain.
#include "gui/snapshots/snapshotspane.h"

#include "core/secrets.h"
#include "core/settings.h"
#include "core/weekly/weeklyname.h"
#include "gui/widgets/banner.h"

#include <QLineEdit>

namespace statescope::gui {

namespace {

QString familyOf(const QString &database)
{
    const auto name = weekly::WeeklyName::parse(database);
    return name ? name->prefix() : database;
}

} // namespace

void SnapshotsPane::restoreRedis()
{
    const QString family = m_db ? familyOf(m_db->database()) : QString();
    if (family == m_redisFamily)
        return; // another week of the same family: the same Redis
    m_redisFamily = family;
    m_redisPassword.clear();
    m_redisEdit->setText(family.isEmpty() ? QString() : settings::redisUrl(family));
    if (m_redisEdit->text().isEmpty())
        return;
    secrets::read(secrets::redisKey(family), this, [this, family](const secrets::Result &r) {
        if (family != m_redisFamily || !r.ok())
            return; // none saved, or no keychain: the URL alone (REDIS may need no password)
        m_redisPassword = r.secret;
        reload();
    });
}

void SnapshotsPane::rememberRedis()
{
    if (m_redisFamily.isEmpty())
        return;
    const QString text = m_redisEdit->text().trimmed();
    if (text.isEmpty()) {
        settings::setRedisUrl(m_redisFamily, {});
        m_redisPassword.clear();
        secrets::remove(secrets::redisKey(m_redisFamily), this, [](const secrets::Result &) {});
        return;
    }
    snapshots::RedisUrl url;
    try {
        url = snapshots::RedisUrl::parse(text);
    } catch (const Error &) {
        return; // reload() says what is wrong with it; nothing is remembered
    }
    settings::setRedisUrl(m_redisFamily, url.display());
    if (url.password.isEmpty())
        return;
    // The password leaves the field and the settings: the keychain keeps it.
    m_redisPassword = url.password;
    m_redisEdit->setText(url.display());
    const QString family = m_redisFamily;
    secrets::write(secrets::redisKey(family), url.password, this, [this, family](const secrets::Result &r) {
        if (!r.ok())
            m_errors->showWarning(tr("No keychain could keep the Redis password (%1): it is used until "
                                     "Statescope closes, and asked for again next time.")
                                      .arg(r.error),
                                  family);
    });
}

} // namespace statescope::gui
