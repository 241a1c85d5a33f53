#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace statescope::migrate {

// One versioned migration script, V<version>__<description>.sql.
struct Migration
{
    int version = 0;
    QString description; // underscores shown as spaces
    QString fileName;
    QString sql;
    QByteArray checksum; // hex SHA-256 of the file's bytes
};

// The ordered migrations this build knows. Versions are unique and ascending; gaps are
// allowed (a version can be retired), duplicates and malformed names are rejected.
class MigrationSet
{
    Q_DECLARE_TR_FUNCTIONS(statescope::migrate::MigrationSet)
public:
    MigrationSet() = default;

    // The migrations embedded in the application (:/sql/migrations).
    static const MigrationSet &embedded();
    // All V*.sql in a directory (tests, and anyone shipping their own set).
    static MigrationSet fromDirectory(const QString &dir);
    // From (file name, contents) pairs; throws Error(InvalidInput) on bad names/duplicates.
    static MigrationSet fromFiles(const QList<std::pair<QString, QByteArray>> &files);

    // Parses "V012__add_things.sql" into version and description; false if malformed.
    static bool parseFileName(const QString &fileName, int *version, QString *description);

    const QList<Migration> &migrations() const { return m_migrations; }
    const Migration *find(int version) const;
    int latestVersion() const { return m_migrations.isEmpty() ? 0 : m_migrations.last().version; }
    bool isEmpty() const { return m_migrations.isEmpty(); }

private:
    QList<Migration> m_migrations;
};

} // namespace statescope::migrate
