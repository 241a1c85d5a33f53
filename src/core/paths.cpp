#include "paths.h"

#include <QDir>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace statescope::paths {

QString dataDir()
{
    QString base = qEnvironmentVariable("STATESCOPE_HOME");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
               + QStringLiteral("/statescope");
    QDir().mkpath(base);
    return base;
}

QString backupDir()
{
    const QString dir = dataDir() + QStringLiteral("/backups");
    QDir().mkpath(dir);
    return dir;
}

QString journalPath()
{
    return dataDir() + QStringLiteral("/audit.jsonl");
}

QString osUser()
{
    if (const passwd *pw = getpwuid(geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(geteuid());
}

} // namespace statescope::paths
