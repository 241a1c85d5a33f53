#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace statescope::pg {
class Connection;
}

namespace statescope::weekly {

// What a database is, apart from what is inside it: who owns it, how it was created
// (encoding, collation, tablespace), who may connect and how many, its settings (its own
// and those of roles in it), its comment. DROP DATABASE loses all of this and a dump
// restored into a fresh database does not bring it back, so every action that drops and
// recreates a database reads it first (from the catalog, before a fence changes the
// connection limit and PUBLIC's CONNECT), journals it with its intent, and puts it back on
// every path: the completed reset, db restore, and both ways out of db recover.
struct DatabaseProperties
{
    Q_DECLARE_TR_FUNCTIONS(statescope::weekly::DatabaseProperties)
public:
    struct Grant
    {
        QString grantee;   // empty: PUBLIC
        QString privilege; // CONNECT, CREATE, TEMPORARY
        bool grantable = false;
        bool operator==(const Grant &o) const = default;
    };
    struct RoleSettings
    {
        QString role;        // empty: the database's own settings (ALTER DATABASE ... SET)
        QStringList configs; // "name=value" as pg_db_role_setting keeps them
        bool operator==(const RoleSettings &o) const = default;
    };

    QString name;
    QString owner;
    QString encoding;       // UTF8
    QString collate;        // datcollate
    QString ctype;          // datctype
    QString localeProvider; // "c" (libc), "i" (ICU) or "b" (builtin, PostgreSQL 17)
    QString icuLocale;      // the provider's locale (ICU, builtin)
    QString icuRules;       // ICU tailoring rules (PostgreSQL 16)
    QString tablespace;     // empty: pg_default
    int connectionLimit = -1;
    bool allowConnections = true;
    bool isTemplate = false;
    // nullopt: the default privileges (datacl NULL: PUBLIC may connect and create temporary
    // tables, the owner everything). Otherwise every privilege as granted.
    std::optional<QList<Grant>> grants;
    QList<RoleSettings> settings;
    QString comment;

    // Reads them from any connection to the same server. Error(NotFound) when there is no
    // such database.
    static DatabaseProperties read(pg::Connection &conn, const QString &database);

    nlohmann::json toJson() const;
    // nullopt when `j` holds no properties (an older journal line).
    static std::optional<DatabaseProperties> fromJson(const nlohmann::json &j);

    // The WITH clause of CREATE DATABASE for `name` that keeps how it was made (template0,
    // encoding, locale, tablespace); owner and the rest are put back by restoreStatements.
    QString createStatement(const pg::Connection &conn, const QString &name) const;
    // The statements that give database `name` (just created, or restored) these
    // properties: owner, connection limit, ALLOW_CONNECTIONS, IS_TEMPLATE, privileges
    // exactly as they were, settings, role settings, comment. Names and values are quoted
    // by the server's rules.
    QStringList restoreStatements(const pg::Connection &conn, const QString &name,
                                  bool includeComment = true) const;
    // Applies restoreStatements in order (outside a transaction: ALTER DATABASE ... SET
    // may not run in one on every version). Roles that are gone are reported as warnings,
    // not failures: the rest is still put back.
    QStringList apply(pg::Connection &conn, const QString &name, bool includeComment = true) const;

    // What differs between two reads, for people and tests ("owner: relapp -> postgres").
    QStringList differences(const DatabaseProperties &other) const;
};

} // namespace statescope::weekly
