#include "connection.h"

#include "core/error.h"
#include "core/task/canceltoken.h"

#include <libpq-fe.h>

namespace statescope::pg {

namespace {

constexpr auto kConnectionLost = "08006";
constexpr auto kQueryCanceled = "57014";

void ignoreNotice(void *, const PGresult *) {}

QString field(const PGresult *res, int code)
{
    const char *v = res ? PQresultErrorField(res, code) : nullptr;
    return v ? QString::fromUtf8(v).trimmed() : QString();
}

} // namespace

std::unique_ptr<Connection> Connection::open(const ConnectionSettings &settings, Access access,
                                             CancelToken *cancel)
{
    if (cancel)
        cancel->throwIfCancelled();
    std::vector<QByteArray> keys;
    std::vector<QByteArray> values;
    bool hasAppName = false;
    for (const auto &[key, value] : settings.values()) {
        keys.push_back(key.toUtf8());
        values.push_back(value.toUtf8());
        hasAppName = hasAppName || key == QLatin1String("application_name");
    }
    if (!hasAppName) {
        keys.push_back("application_name");
        values.push_back("statescope");
    }
    if (access == Access::ReadOnly) {
        // The server's default for every transaction of the session. It guards against
        // mistakes, not against hostile SQL: "BEGIN READ WRITE" overrides it, so nothing
        // that runs user-typed SQL may rely on this alone.
        auto it = std::find(keys.begin(), keys.end(), QByteArray("options"));
        const QByteArray ro = "-c default_transaction_read_only=on";
        if (it == keys.end()) {
            keys.push_back("options");
            values.push_back(ro);
        } else {
            values[size_t(it - keys.begin())] += ' ' + ro;
        }
    }
    if (std::find(keys.begin(), keys.end(), QByteArray("connect_timeout")) == keys.end()) {
        keys.push_back("connect_timeout");
        values.push_back("10");
    }
    std::vector<const char *> k;
    std::vector<const char *> v;
    for (size_t i = 0; i < keys.size(); ++i) {
        k.push_back(keys[i].constData());
        v.push_back(values[i].constData());
    }
    k.push_back(nullptr);
    v.push_back(nullptr);

    // libpq gives no SQLSTATE for a failed connection attempt, so the few cases worth a
    // hint are recognised by the server's English text; with translated server messages
    // (lc_messages) they fall back to 08001 and the message itself.
    PGconn *conn = PQconnectdbParams(k.data(), v.data(), 0);
    if (!conn)
        throw Error(Error::Kind::Connection, tr("Out of memory while connecting."));
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        QString hint;
        QString sqlstate = QStringLiteral("08001");
        if (message.contains(QLatin1String("password authentication failed"))
            || message.contains(QLatin1String("no password supplied"))) {
            hint = tr("Check the user name and password, or the entry in ~/.pgpass.");
            sqlstate = QStringLiteral("28P01");
        } else if (message.contains(QLatin1String("role \""))
                   && message.contains(QLatin1String("does not exist"))) {
            hint = tr("Check the user name.");
            sqlstate = QStringLiteral("28000");
        } else if (message.contains(QLatin1String("database \""))
                   && message.contains(QLatin1String("does not exist"))) {
            hint = tr("Check the database name; list the server's databases first.");
            sqlstate = QStringLiteral("3D000");
        } else if (message.contains(QLatin1String("Connection refused"))
                   || message.contains(QLatin1String("No such file or directory"))) {
            hint = tr("Is the server running and accepting connections at that address?");
        }
        throw Error(Error::Kind::Connection,
                    tr("Could not connect to %1").arg(settings.displayName()), message, hint,
                    sqlstate);
    }
    PQsetNoticeReceiver(conn, ignoreNotice, nullptr);
    return std::unique_ptr<Connection>(new Connection(conn, access, cancel));
}

Connection::Connection(pg_conn *conn, Access access, CancelToken *token)
    : m_conn(conn), m_cancel(PQgetCancel(conn)), m_access(access), m_token(token)
{
    if (m_token)
        m_tokenHandle = m_token->attach([this] { cancel(); });
}

Connection::~Connection()
{
    if (m_token)
        m_token->detach(m_tokenHandle);
    if (m_cancel)
        PQfreeCancel(m_cancel);
    PQfinish(m_conn);
}

void Connection::cancel()
{
    char buf[256];
    if (m_cancel)
        PQcancel(m_cancel, buf, sizeof buf);
}

void Connection::bindCancelToken(CancelToken *token)
{
    if (m_token)
        m_token->detach(m_tokenHandle);
    m_token = token;
    m_tokenHandle = 0;
    if (m_token)
        m_tokenHandle = m_token->attach([this] { cancel(); });
}

void Connection::checkCancelled() const
{
    if (m_token)
        m_token->throwIfCancelled();
}

Error Connection::errorFrom(pg_result *res, const QString &fallback) const
{
    QString sqlstate = field(res, PG_DIAG_SQLSTATE);
    QString message = field(res, PG_DIAG_MESSAGE_PRIMARY);
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    if (message.isEmpty())
        message = fallback;
    Error::Kind kind = Error::Kind::Query;
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        kind = Error::Kind::Connection;
        if (sqlstate.isEmpty())
            sqlstate = QString::fromLatin1(kConnectionLost);
    } else if (sqlstate == QLatin1String(kQueryCanceled) && m_token && m_token->isCancelled()) {
        kind = Error::Kind::Cancelled;
    }
    return Error(kind, message, field(res, PG_DIAG_MESSAGE_DETAIL),
                 field(res, PG_DIAG_MESSAGE_HINT), sqlstate);
}

Result Connection::exec(const QString &sql, const std::vector<Param> &params)
{
    checkCancelled();
    const QByteArray text = sql.toUtf8();
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const Param &p : params)
        values.push_back(p.text() ? p.text()->constData() : nullptr);
    PGresult *res = PQexecParams(m_conn, text.constData(), int(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return Result(res);
    Error error = errorFrom(res, tr("The statement failed."));
    PQclear(res);
    throw error;
}

void Connection::execScript(const QString &sql)
{
    checkCancelled();
    const QByteArray text = sql.toUtf8();
    PGresult *res = PQexec(m_conn, text.constData());
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        PQclear(res);
        return;
    }
    Error error = errorFrom(res, tr("The script failed."));
    PQclear(res);
    throw error;
}

void Connection::rollbackQuietly()
{
    if (PQstatus(m_conn) != CONNECTION_OK)
        return;
    if (PQtransactionStatus(m_conn) == PQTRANS_IDLE)
        return;
    PQclear(PQexec(m_conn, "ROLLBACK"));
}

qint64 Connection::copyIn(const QString &copySql, const std::function<QByteArray()> &producer)
{
    checkCancelled();
    const QByteArray text = copySql.toUtf8();
    PGresult *res = PQexec(m_conn, text.constData());
    if (!res || PQresultStatus(res) != PGRES_COPY_IN) {
        Error error = errorFrom(res, tr("COPY did not start."));
        PQclear(res);
        throw error;
    }
    PQclear(res);
    bool aborted = false;
    for (;;) {
        if (m_token && m_token->isCancelled()) {
            PQputCopyEnd(m_conn, "cancelled by the user");
            aborted = true;
            break;
        }
        const QByteArray chunk = producer();
        if (chunk.isEmpty()) {
            PQputCopyEnd(m_conn, nullptr);
            break;
        }
        if (PQputCopyData(m_conn, chunk.constData(), int(chunk.size())) != 1) {
            aborted = true;
            break;
        }
    }
    qint64 rows = 0;
    std::optional<Error> error;
    while (PGresult *r = PQgetResult(m_conn)) {
        if (PQresultStatus(r) == PGRES_COMMAND_OK)
            rows = QByteArray(PQcmdTuples(r)).toLongLong();
        else if (!error)
            error = errorFrom(r, tr("COPY failed."));
        PQclear(r);
    }
    if (aborted && m_token && m_token->isCancelled())
        throw Error::cancelled();
    if (error)
        throw *error;
    return rows;
}

qint64 Connection::copyOut(const QString &copySql,
                           const std::function<bool(const char *, int)> &consumer)
{
    checkCancelled();
    const QByteArray text = copySql.toUtf8();
    PGresult *res = PQexec(m_conn, text.constData());
    if (!res || PQresultStatus(res) != PGRES_COPY_OUT) {
        Error error = errorFrom(res, tr("COPY did not start."));
        PQclear(res);
        throw error;
    }
    PQclear(res);
    qint64 rows = 0;
    bool stopped = false;
    for (;;) {
        char *buffer = nullptr;
        const int length = PQgetCopyData(m_conn, &buffer, 0);
        if (length < 0)
            break; // -1: done; -2: failed (the result below says why)
        if (!stopped) {
            ++rows;
            if (!consumer(buffer, length) || (m_token && m_token->isCancelled())) {
                // Ask the server to stop; the rows already in flight are drained unread.
                stopped = true;
                cancel();
            }
        }
        PQfreemem(buffer);
    }
    std::optional<Error> error;
    while (PGresult *r = PQgetResult(m_conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && !error)
            error = errorFrom(r, tr("COPY failed."));
        PQclear(r);
    }
    if (stopped && (!error || error->sqlstate() == QLatin1String(kQueryCanceled)))
        throw Error::cancelled();
    if (error)
        throw *error;
    return rows;
}

QString Connection::quoteIdentifier(const QString &identifier) const
{
    const QByteArray utf8 = identifier.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted)
        throw Error::invalidInput(tr("Cannot quote identifier: %1")
                                      .arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

QString Connection::database() const
{
    return QString::fromUtf8(PQdb(m_conn));
}

QString Connection::user() const
{
    return QString::fromUtf8(PQuser(m_conn));
}

int Connection::serverVersion() const
{
    return PQserverVersion(m_conn);
}

int Connection::backendPid() const
{
    return PQbackendPID(m_conn);
}

bool Connection::isAlive() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

} // namespace statescope::pg
