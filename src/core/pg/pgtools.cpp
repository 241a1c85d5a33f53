#include "pgtools.h"

#include "core/pg/connection.h"
#include "core/pg/formation.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

namespace statescope::pg {

namespace {

bool hasServer(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
           && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable();
}

} // namespace

QString serverBinDir()
{
    const QString fromEnv = qEnvironmentVariable("STATESCOPE_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return hasServer(fromEnv) ? fromEnv : QString();

    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (!pgConfig.isEmpty()) {
        QProcess p;
        p.start(pgConfig, {QStringLiteral("--bindir")});
        if (p.waitForFinished(5000)) {
            const QString dir = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
            if (hasServer(dir))
                return dir;
        }
    }

    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toDouble() > b.toDouble(); });
    for (const QString &v : versions) {
        const QString dir = lib.filePath(v + QStringLiteral("/bin"));
        if (hasServer(dir))
            return dir;
    }

    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty() && hasServer(QFileInfo(initdb).absolutePath()))
        return QFileInfo(initdb).absolutePath();
    return {};
}

QString clientProgram(const QString &name)
{
    const QString dir = serverBinDir();
    if (!dir.isEmpty() && QFileInfo(dir + QLatin1Char('/') + name).isExecutable())
        return dir + QLatin1Char('/') + name;
    return QStandardPaths::findExecutable(name);
}

QProcessEnvironment environmentFor(const ConnectionSettings &given)
{
    // A formation's current nodes, the primary first (formation.h).
    const ConnectionSettings settings = formation::resolve(given);
    static const std::pair<const char *, const char *> kMap[] = {
        {"host", "PGHOST"},         {"hostaddr", "PGHOSTADDR"},
        {"port", "PGPORT"},         {"user", "PGUSER"},
        {"password", "PGPASSWORD"}, {"passfile", "PGPASSFILE"},
        {"dbname", "PGDATABASE"},   {"service", "PGSERVICE"},
        {"sslmode", "PGSSLMODE"},   {"sslrootcert", "PGSSLROOTCERT"},
        {"sslcert", "PGSSLCERT"},   {"sslkey", "PGSSLKEY"},
        {"connect_timeout", "PGCONNECT_TIMEOUT"},
        {"options", "PGOPTIONS"},   {"target_session_attrs", "PGTARGETSESSIONATTRS"},
        {"application_name", "PGAPPNAME"},
    };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[key, var] : kMap) {
        const QString value = settings.value(QString::fromLatin1(key));
        if (!value.isEmpty())
            env.insert(QString::fromLatin1(var), value);
    }
    // The tool's session is ours, named as Connection names ours: a dump's backend still
    // leaving after pg_dump exited is then not taken for (and counted as) somebody else's.
    if (settings.value(QStringLiteral("application_name")).isEmpty())
        env.insert(QStringLiteral("PGAPPNAME"), Connection::ownApplicationName());
    return env;
}

} // namespace statescope::pg
