#include "migration.h"

#include "core/error.h"
#include "core/json/canonical.h"
#include "core/validate.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace statescope::migrate {

bool MigrationSet::parseFileName(const QString &fileName, int *version, QString *description)
{
    static const validate::WholePattern re(QStringLiteral("V([0-9]{1,9})__([A-Za-z0-9_]+)\\.sql"));
    const auto m = re.match(fileName);
    if (!m.hasMatch())
        return false;
    const int v = m.captured(1).toInt();
    if (v <= 0)
        return false;
    if (version)
        *version = v;
    if (description)
        *description = m.captured(2).replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed();
    return true;
}

MigrationSet MigrationSet::fromFiles(const QList<std::pair<QString, QByteArray>> &files)
{
    MigrationSet set;
    for (const auto &[name, bytes] : files) {
        Migration m;
        if (!parseFileName(name, &m.version, &m.description))
            throw Error::invalidInput(
                tr("\"%1\" is not a migration file name.").arg(name),
                tr("Name migrations V<number>__<description>.sql, e.g. V007__add_index.sql."));
        m.fileName = name;
        m.sql = QString::fromUtf8(bytes);
        m.checksum = json::sha256Hex(bytes);
        set.m_migrations.append(m);
    }
    std::sort(set.m_migrations.begin(), set.m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 1; i < set.m_migrations.size(); ++i) {
        if (set.m_migrations[i].version == set.m_migrations[i - 1].version)
            throw Error::invalidInput(tr("Two migrations share version %1: %2 and %3.")
                                          .arg(set.m_migrations[i].version)
                                          .arg(set.m_migrations[i - 1].fileName,
                                               set.m_migrations[i].fileName));
    }
    return set;
}

MigrationSet MigrationSet::fromDirectory(const QString &dirPath)
{
    QDir dir(dirPath);
    if (!dir.exists())
        throw Error(Error::Kind::Environment,
                    tr("The migrations directory %1 does not exist.").arg(dirPath));
    QList<std::pair<QString, QByteArray>> files;
    const QStringList names =
        dir.entryList({QStringLiteral("*.sql")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            throw Error(Error::Kind::Environment,
                        tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
        files.append({name, f.readAll()});
    }
    return fromFiles(files);
}

const MigrationSet &MigrationSet::embedded()
{
    static const MigrationSet set = fromDirectory(QStringLiteral(":/sql/migrations"));
    return set;
}

const Migration *MigrationSet::find(int version) const
{
    for (const Migration &m : m_migrations)
        if (m.version == version)
            return &m;
    return nullptr;
}

} // namespace statescope::migrate
