#pragma once

#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/pg/readerlogin.h"
#include "core/pg/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_cancel;

namespace statescope {
class CancelToken;
}

namespace statescope::pg {

// One bound parameter, sent in text format. Statements never contain pasted values.
class Param
{
public:
    Param(std::nullptr_t) {}
    Param(const QString &v) : m_text(v.toUtf8()) {}
    Param(const char *v) : m_text(QByteArray(v)) {}
    Param(const QByteArray &v) : m_text(v) {}
    Param(qint64 v) : m_text(QByteArray::number(v)) {}
    Param(int v) : m_text(QByteArray::number(v)) {}
    Param(bool v) : m_text(v ? "true" : "false") {}
    template <class T> Param(const std::optional<T> &v)
    {
        if (v)
            m_text = Param(*v).m_text;
    }
    const std::optional<QByteArray> &text() const { return m_text; }

private:
    std::optional<QByteArray> m_text;
};

// A libpq connection used from one thread at a time (the worker that owns it). Every
// statement binds its parameters; errors come back as Error with SQLSTATE, message,
// detail and hint. A CancelToken given at open interrupts running statements.
class Connection
{
    Q_DECLARE_TR_FUNCTIONS(statescope::pg::Connection)
public:
    // ReadOnly: browsing, every transaction READ ONLY; a superuser's profile reads through
    // its reader login (readerlogin.h). ReadOnlySelf: read-only too, but always as the
    // profile's own role, for Statescope's own fixed statements around administration (a
    // fenced database refuses every role but the superuser; a reader has no business there).
    enum class Access { ReadWrite, ReadOnly, ReadOnlySelf };

    // Throws Error(Connection) when the server cannot be reached or refuses us.
    // The application_name this process's connections carry unless the settings name one:
    // "statescope/<pid>", so a server-side listing can tell this Statescope's own sessions
    // from everyone else's (other Statescope processes included).
    static QString ownApplicationName();

    // With the settings' transaction settings (ConnectionSettings::withTransactionSetting)
    // made in every transaction.
    static std::unique_ptr<Connection> open(const ConnectionSettings &settings,
                                            Access access = Access::ReadWrite,
                                            CancelToken *cancel = nullptr);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // One statement with bound parameters. Outside a transaction, on a read-only connection
    // (or one with transaction settings), it runs in a transaction of its own:
    // BEGIN READ ONLY, the settings, the statement, COMMIT, pipelined into one round trip.
    // Read-only access thus holds per transaction, needs nothing in the startup packet, and
    // keeps holding through PgBouncer in transaction mode. Statements that begin or end a
    // transaction themselves (BEGIN, COMMIT, ...) are sent as they are.
    Result exec(const QString &sql, const std::vector<Param> &params = {});
    // One statement of a pipeline().
    struct Statement
    {
        QString sql;
        std::vector<Param> params = {};
        // The same text runs again and again on this connection (a page, a read's checks):
        // pipeline() prepares it once, as a named statement, and later only binds and runs
        // it, skipping the server's parse and, once its plan is cached, its planning. Never
        // through a pooler, where the next transaction may land on another server session.
        bool reuse = false;
    };
    // What pipeline() sends around its statements.
    struct Framing
    {
        // First a new transaction, opened as begin() opens one (READ ONLY on a read-only
        // connection, or always with readOnly; `isolation` such as "ISOLATION LEVEL
        // REPEATABLE READ" when given), with the transaction settings.
        bool begin = false;
        bool readOnly = false;
        QByteArray isolation;
        bool commit = false; // COMMIT after them
    };
    // Several statements sent at once and run in order (libpq's pipeline mode): one round
    // trip however many there are, where each exec() waits for its answer before the next is
    // sent. A Result for each statement. The first that fails stops the rest; its error is
    // thrown once every answer is in, after a transaction the framing opened is rolled back.
    // Without a framing they run as they are: in the caller's transaction, else in one
    // implicit transaction up to the last of them (on a read-only connection, in a read-only
    // transaction of their own, framed as exec() frames a statement).
    std::vector<Result> pipeline(const std::vector<Statement> &statements, const Framing &framing);
    std::vector<Result> pipeline(const std::vector<Statement> &statements);

    // Opens a transaction as exec() would: BEGIN [READ ONLY], then the settings.
    void begin();
    // A setting (set_config(name, value, true)) applied in every transaction this
    // connection opens: per transaction, never for the session, so it survives a pooler.
    void setTransactionSetting(const QString &name, const QString &value);
    // Runs a script of several statements (simple protocol, no parameters): migrations.
    void execScript(const QString &sql);

    // Runs fn inside BEGIN/COMMIT (BEGIN READ ONLY on a read-only connection, with the
    // transaction settings applied); rolls back on any exception and rethrows it.
    template <class F> auto transaction(F &&fn) -> decltype(fn())
    {
        begin();
        try {
            if constexpr (std::is_void_v<decltype(fn())>) {
                fn();
                exec(QStringLiteral("COMMIT"));
            } else {
                auto result = fn();
                exec(QStringLiteral("COMMIT"));
                return result;
            }
        } catch (...) {
            rollbackQuietly();
            throw;
        }
    }
    void rollbackQuietly();

    // COPY ... FROM STDIN: the producer returns the next chunk of COPY text, or an empty
    // array when done.
    qint64 copyIn(const QString &copySql, const std::function<QByteArray()> &producer);
    // COPY ... TO STDOUT: hands each row (as the server formatted it, newline included) to
    // the consumer as it arrives; returns the rows. The consumer returning false, or the
    // cancel token, stops the server (57014) and throws Cancelled.
    qint64 copyOut(const QString &copySql, const std::function<bool(const char *, int)> &consumer);

    // Identifier quoting by the server's own rules (PQescapeIdentifier).
    QString quoteIdentifier(const QString &identifier) const;
    // A string literal, quoted by the server's rules (PQescapeLiteral), for the few
    // statements that take no parameters (ALTER DATABASE ... SET, COMMENT ON).
    QString quoteLiteral(const QString &literal) const;

    QString database() const;
    QString user() const;
    int serverVersion() const;
    // The server's version as it reports it ("15.18 (Debian 15.18-0+deb12u1)").
    QString serverVersionText() const;
    // The TLS protocol of this connection ("TLSv1.3"), or empty when it is not encrypted.
    QString tlsProtocol() const;
    int backendPid() const;
    bool isReadOnly() const { return m_access != Access::ReadWrite; }
    // The session's role is a superuser (the server says so when the session starts).
    bool isSuperuser() const;
    // Inside a transaction block; inside one that failed and waits for a ROLLBACK.
    bool inTransaction() const;
    bool inFailedTransaction() const;
    // How a read-only session is kept from acting on the server: as a role that is not a
    // superuser, through the reader login of a superuser's profile, or (a superuser with no
    // reader login) by refusing what could act before it is sent (browse/sqlguard.h).
    const ReadProtection &readProtection() const { return m_protection; }
    // True when the server is a standby (pg_is_in_recovery()).
    bool isStandby();
    // Every write action calls this first: on a standby it throws, before anything is
    // tried, Error(Conflict, SQLSTATE 25006) saying so and naming `action`.
    void requirePrimary(const QString &action);
    // The host and port this connection is on ("/run/postgresql:5432", "db-b:5432"): with a
    // multi-host connection string, the one libpq chose.
    QString address() const;
    bool isAlive() const;
    // Interrupts the statement running on this connection; callable from any thread.
    void cancel();
    // Points cancellation at another token (nullptr: none), for a connection kept open
    // across the tasks of one worker: each task binds its own token while it runs.
    void bindCancelToken(CancelToken *token);

    // What a module worked out once for this connection (the layout of its database),
    // kept with it so that it is read once per connection, and dropped with it.
    void setAttachment(std::shared_ptr<const void> data) { m_attachment = std::move(data); }
    const std::shared_ptr<const void> &attachment() const { return m_attachment; }

    // A SCRAM-SHA-256 verifier of `password` for `role`, made by libpq on this connection
    // (libpq makes none without one): what CREATE/ALTER ROLE ... PASSWORD is given, so that
    // the password itself never reaches the server or its logs. Error(Internal) if it fails.
    QString passwordVerifier(const QString &password, const QString &role) const;

    // Round trips to the server on this connection so far (a statement, a pipeline, a script,
    // a COPY's start): tests pin how many an operation takes, so that a statement added to
    // every page cannot go unseen as the benchmarks' figures did.
    quint64 roundTrips() const { return m_roundTrips; }
    // Statements prepared for reuse and still held on the server; and whether this
    // connection prepares them at all (nullopt until its first reused statement has shown
    // whether a pooler sits between it and the server).
    int preparedCount() const { return int(m_prepared.size()); }
    std::optional<bool> prepares() const;
    // The most prepared statements held at once; the least recently used is deallocated.
    static constexpr int kMostPrepared = 100;

private:
    static std::unique_ptr<Connection> openSession(const ConnectionSettings &settings, Access access,
                                                   CancelToken *cancel);
    Connection(pg_conn *conn, Access access, CancelToken *token);
    static pg_conn *connect(const ConnectionSettings &settings, bool replica);
    Error errorFrom(pg_result *res, const QString &fallback) const;
    bool wrapsStatements() const { return isReadOnly() || !m_settings.empty(); }
    QByteArray beginCommand(bool readOnly = false, const QByteArray &isolation = {}) const;
    std::pair<QByteArray, std::vector<Param>> settingsStatement() const;
    Result execDirect(const QByteArray &text, const std::vector<Param> &params);
    Result execWrapped(const QByteArray &text, const std::vector<Param> &params);
    void checkCancelled() const;
    std::vector<Result> runPipeline(const std::vector<Statement> &statements, const Framing &framing,
                                    bool retried);
    // The name `sql` is prepared under, a new one (evicting the least recently used) when it
    // has none yet; empty when every kept name is in use by this pipeline.
    QByteArray preparedName(const QByteArray &sql);
    void forgetPrepared();

    pg_conn *m_conn = nullptr;
    pg_cancel *m_cancel = nullptr;
    Access m_access;
    CancelToken *m_token = nullptr;
    int m_tokenHandle = 0;
    std::map<QString, QString> m_settings; // per-transaction settings, by name
    std::shared_ptr<const void> m_attachment;
    ReadProtection m_protection;
    mutable bool m_goingAway = false; // the server said it closes this session (SQLSTATE 57P..)
    quint64 m_roundTrips = 0;
    // Reused statements' names by text, with when each was last used (psycopg's and
    // pgjdbc's prepared-statement caches work so too); names to DEALLOCATE at the next chance.
    enum class Prepares { Unknown, Yes, No };
    Prepares m_prepares = Prepares::Unknown;
    struct Prepared
    {
        QByteArray name;
        quint64 used = 0;
    };
    std::map<QByteArray, Prepared> m_prepared;
    std::vector<QByteArray> m_unprepare;
    quint64 m_useClock = 0;
    quint64 m_nextName = 0;
};

} // namespace statescope::pg
