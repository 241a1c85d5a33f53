#include "core/pg/connection.h"

#include <QCoreApplication>

#include "core/error.h"
#include "core/task/canceltoken.h"

#include <libpq-fe.h>

#include <cctype>
#include <optional>

namespace statescope::pg {

namespace {

constexpr auto kConnectionLost = "08006";
constexpr auto kQueryCanceled = "57014";

QString field(const PGresult *res, int code)
{
    const char *v = res ? PQresultErrorField(res, code) : nullptr;
    return v ? QString::fromUtf8(v).trimmed() : QString();
}

// Statements that open or close a transaction themselves are run as they are, never
// wrapped in one of ours. The first keyword decides (after blanks and comments).
bool controlsTransactions(const QByteArray &sql)
{
    int i = 0;
    const int n = int(sql.size());
    for (;;) {
        while (i < n && QChar::isSpace(uchar(sql[i])))
            ++i;
        if (i + 1 < n && sql[i] == '-' && sql[i + 1] == '-') {
            while (i < n && sql[i] != '\n')
                ++i;
        } else if (i + 1 < n && sql[i] == '/' && sql[i + 1] == '*') {
            const int end = int(sql.indexOf("*/", i + 2));
            i = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    int j = i;
    while (j < n && std::isalpha(uchar(sql[j])))
        ++j;
    const QByteArray word = sql.mid(i, j - i).toUpper();
    static const QByteArrayList control = {"BEGIN", "START", "COMMIT", "END", "ROLLBACK",
                                           "ABORT", "SAVEPOINT", "RELEASE", "PREPARE"};
    return control.contains(word);
}

} // namespace

Connection::Connection(pg_conn *conn, Access access, CancelToken *token)
    : m_conn(conn), m_cancel(PQgetCancel(conn)), m_access(access), m_token(token)
{
    if (m_token) {
        m_tokenHandle = m_token->attach([this] { cancel(); });
        m_token->setServer(address());
    }
}

QString Connection::address() const
{
    return QStringLiteral("%1:%2").arg(QString::fromUtf8(PQhost(m_conn)), QString::fromUtf8(PQport(m_conn)));
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
    if (m_token) {
        m_tokenHandle = m_token->attach([this] { cancel(); });
        m_token->setServer(address());
    }
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
    } else if (sqlstate.startsWith(QLatin1String("57P"))) {
        // The server is shutting down, crashed or not yet accepting (a failover under way):
        // it closes this session, even if libpq has not seen the socket close yet.
        kind = Error::Kind::Connection;
        m_goingAway = true;
    }
    QString hint = field(res, PG_DIAG_MESSAGE_HINT);
    if (kind == Error::Kind::Query && sqlstate.startsWith(QLatin1String("08"))) {
        // A connection failure inside a query that went through: a foreign server
        // (postgres_fdw: could not connect to server "archive") did not answer.
        message = tr("A foreign server did not answer: %1").arg(message);
        if (hint.isEmpty())
            hint = tr("The rows of the foreign tables it serves cannot be read until it does; this "
                      "database's own tables and partitions can still be read on their own.");
    } else if (kind == Error::Kind::Query && sqlstate == QLatin1String("42704")
               && message.contains(QLatin1String("user mapping"))) {
        // Superusers read through their reader login, which needs a mapping of its own.
        message = tr("A foreign table was read, but the reading role has no user mapping for its "
                     "server: %1").arg(message);
        if (hint.isEmpty())
            hint = tr("Its owner can add one (CREATE USER MAPPING FOR <role> SERVER <server> ...), or a "
                      "mapping FOR PUBLIC; or read as a role that has one.");
    }
    return Error(kind, message, field(res, PG_DIAG_MESSAGE_DETAIL), hint, sqlstate)
        .atPosition(field(res, PG_DIAG_STATEMENT_POSITION).toInt());
}

Result Connection::exec(const QString &sql, const std::vector<Param> &params)
{
    checkCancelled();
    const QByteArray text = sql.toUtf8();
    if (wrapsStatements() && PQtransactionStatus(m_conn) == PQTRANS_IDLE
        && !controlsTransactions(text))
        return execWrapped(text, params);
    return execDirect(text, params);
}

Result Connection::execDirect(const QByteArray &text, const std::vector<Param> &params)
{
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const Param &p : params)
        values.push_back(p.text() ? p.text()->constData() : nullptr);
    ++m_roundTrips;
    PGresult *res = PQexecParams(m_conn, text.constData(), int(params.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return Result(res);
    Error error = errorFrom(res, tr("The statement failed."));
    PQclear(res);
    throw error;
}

QByteArray Connection::beginCommand(bool readOnly, const QByteArray &isolation) const
{
    QByteArray text = QByteArrayLiteral("BEGIN");
    if (!isolation.isEmpty())
        text += ' ' + isolation;
    if (readOnly || isReadOnly())
        text += QByteArrayLiteral(" READ ONLY");
    return text;
}

std::pair<QByteArray, std::vector<Param>> Connection::settingsStatement() const
{
    QStringList calls;
    std::vector<Param> params;
    for (const auto &[name, value] : m_settings) {
        calls << QStringLiteral("set_config($%1, $%2, true)")
                     .arg(params.size() + 1)
                     .arg(params.size() + 2);
        params.emplace_back(name);
        params.emplace_back(value);
    }
    return {(QStringLiteral("SELECT ") + calls.join(QStringLiteral(", "))).toUtf8(), params};
}

void Connection::begin()
{
    execDirect(beginCommand(), {});
    if (!m_settings.empty()) {
        const auto [sql, params] = settingsStatement();
        execDirect(sql, params);
    }
}

void Connection::setTransactionSetting(const QString &name, const QString &value)
{
    m_settings[name] = value;
}

Result Connection::execWrapped(const QByteArray &text, const std::vector<Param> &params)
{
    // BEGIN [READ ONLY], the settings, the statement and COMMIT go to the server in one
    // pipeline: one round trip, as for the statement alone.
    Framing framing;
    framing.begin = framing.commit = true;
    return std::move(pipeline({{QString::fromUtf8(text), params}}, framing).front());
}

void Connection::execScript(const QString &sql)
{
    checkCancelled();
    const QByteArray text = sql.toUtf8();
    ++m_roundTrips;
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
    ++m_roundTrips;
    PQclear(PQexec(m_conn, "ROLLBACK"));
}

} // namespace statescope::pg
