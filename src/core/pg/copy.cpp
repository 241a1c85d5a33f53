// COPY through a Connection: rows streamed in from a producer or out to a consumer, cancellable,
// with the server's error as any statement's (connection.h).
#include "core/pg/connection.h"
#include "core/pg/copytext.h"

#include <QCoreApplication>

#include "core/error.h"
#include "core/task/canceltoken.h"

#include <libpq-fe.h>

#include <cctype>
#include <optional>

namespace statescope::pg {

namespace {

// The SQLSTATE of a statement cancelled (query_canceled).
constexpr auto kQueryCanceled = "57014";

} // namespace

qint64 Connection::copyIn(const QString &copySql, const std::function<QByteArray()> &producer)
{
    checkCancelled();
    const QByteArray text = copySql.toUtf8();
    ++m_roundTrips;
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
    if (wrapsStatements() && PQtransactionStatus(m_conn) == PQTRANS_IDLE) {
        begin(); // read-only (and the settings) for the COPY too
        try {
            const qint64 rows = copyOut(copySql, consumer);
            execDirect(QByteArrayLiteral("COMMIT"), {});
            return rows;
        } catch (...) {
            rollbackQuietly();
            throw;
        }
    }
    const QByteArray text = copySql.toUtf8();
    ++m_roundTrips;
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

QByteArray unescapeCopyText(const char *data, int length)
{
    QByteArray out;
    out.reserve(length);
    for (int i = 0; i < length; ++i) {
        const char c = data[i];
        if (c != '\\' || i + 1 >= length) {
            out += c;
            continue;
        }
        const char e = data[++i];
        switch (e) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        default:
            if (e >= '0' && e <= '7') { // up to three octal digits
                int v = e - '0';
                for (int k = 0; k < 2 && i + 1 < length && data[i + 1] >= '0' && data[i + 1] <= '7'; ++k)
                    v = v * 8 + (data[++i] - '0');
                out += char(v);
            } else {
                out += e; // \\ and any other escaped character stand for themselves
            }
        }
    }
    return out;
}

} // namespace statescope::pg
