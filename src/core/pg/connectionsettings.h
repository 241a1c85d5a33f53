#pragma once

#include <QCoreApplication>
#include <QString>

#include <map>
#include <memory>
#include <optional>

namespace statescope::pg {

// Where to connect, in libpq's own terms: a conninfo string ("host=... dbname=..."),
// a postgresql:// URI, or "service=name" (pg_service.conf). Anything left out falls
// back to libpq's defaults: PG* environment variables, ~/.pgpass, the local socket.
// The password, when one is given, lives in memory only: storableString() omits it.
class ConnectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(statescope::pg::ConnectionSettings)
public:
    ConnectionSettings() = default;

    // Throws Error(InvalidInput) with libpq's explanation for malformed text.
    static ConnectionSettings parse(const QString &text);

    QString value(const QString &key) const;
    void setValue(const QString &key, const QString &value);
    void remove(const QString &key);
    const std::map<QString, QString> &values() const { return m_values; }

    // The database named in the settings, or empty when libpq would pick its default.
    QString database() const { return value(QStringLiteral("dbname")); }
    ConnectionSettings withDatabase(const QString &dbname) const;
    void setPassword(const QString &password) { setValue(QStringLiteral("password"), password); }
    bool hasPassword() const { return m_values.count(QStringLiteral("password")) > 0; }

    // key='value' pairs, quoted per libpq rules, including the password (for handing to
    // libpq-based tools through the environment, never for storage).
    QString conninfo() const;
    // The same without the password: safe to save, log and show.
    QString storableString() const;
    // A short label for people: user@host:port/dbname.
    QString displayName() const;

    // A read replica (a streaming standby of this server) that read-only sessions use
    // instead, so browsing never loads the primary; writes and admin actions stay here.
    // What it leaves out is this one's (user, password, TLS...), and its database is always
    // this one's.
    void setReadReplica(const ConnectionSettings &replica);
    void clearReadReplica() { m_replica.reset(); }
    // The replica for this settings' database, if one is set.
    std::optional<ConnectionSettings> readReplica() const;

    // Settings made in every transaction of each connection opened with these settings
    // (set_config(name, value, true), so they hold through PgBouncer in transaction mode
    // and change nothing on the server): "view as a player" under row-level security. Not
    // part of the conninfo; empty value: removed.
    ConnectionSettings withTransactionSetting(const QString &name, const QString &value) const;
    const std::map<QString, QString> &transactionSettings() const { return m_transactionSettings; }

private:
    std::map<QString, QString> m_values;
    std::shared_ptr<const ConnectionSettings> m_replica;
    std::map<QString, QString> m_transactionSettings;
};

} // namespace statescope::pg
