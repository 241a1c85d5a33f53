// What a Connection tells of its session (its database, role, server version, TLS, standby or
// primary, transaction state) and what libpq does for it: quoting, a password verifier (connection.h).
#include "core/pg/connection.h"

#include <QCoreApplication>

#include "core/error.h"

#include <libpq-fe.h>

namespace statescope::pg {

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

QString Connection::quoteLiteral(const QString &literal) const
{
    const QByteArray utf8 = literal.toUtf8();
    char *quoted = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted)
        throw Error::invalidInput(tr("Cannot quote a literal: %1")
                                      .arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

bool Connection::isSuperuser() const
{
    const char *v = PQparameterStatus(m_conn, "is_superuser");
    if (v)
        return qstrcmp(v, "on") == 0;
    // A pooler that does not pass the server's parameters on: ask.
    return const_cast<Connection *>(this)
        ->exec(QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = session_user"))
        .toBool(0, 0);
}

bool Connection::inTransaction() const
{
    const PGTransactionStatusType t = PQtransactionStatus(m_conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

bool Connection::inFailedTransaction() const
{
    return PQtransactionStatus(m_conn) == PQTRANS_INERROR;
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

QString Connection::serverVersionText() const
{
    return QString::fromUtf8(PQparameterStatus(m_conn, "server_version"));
}

QString Connection::tlsProtocol() const
{
    if (!PQsslInUse(m_conn))
        return {};
    const char *protocol = PQsslAttribute(m_conn, "protocol");
    return protocol ? QString::fromUtf8(protocol) : QStringLiteral("TLS");
}

bool Connection::isStandby()
{
    return exec(QStringLiteral("SELECT pg_is_in_recovery()")).toBool(0, 0);
}

void Connection::requirePrimary(const QString &action)
{
    if (!isStandby())
        return;
    throw Error(Error::Kind::Conflict,
                tr("%1: this server is a standby (a read-only replica); connect to the primary.")
                    .arg(action),
                tr("%1 on %2 is in recovery, following its primary.")
                    .arg(database(), QString::fromUtf8(PQhost(m_conn))),
                tr("Browsing works on a standby; changes must go to the primary server."),
                QStringLiteral("25006"));
}

int Connection::backendPid() const
{
    return PQbackendPID(m_conn);
}

bool Connection::isAlive() const
{
    return PQstatus(m_conn) == CONNECTION_OK && !m_goingAway;
}

QString Connection::passwordVerifier(const QString &password, const QString &role) const
{
    const QByteArray pw = password.toUtf8(), user = role.toUtf8();
    // The algorithm named: libpq then asks the server nothing (no SHOW password_encryption).
    char *verifier = PQencryptPasswordConn(m_conn, pw.constData(), user.constData(), "scram-sha-256");
    if (!verifier)
        throw Error(Error::Kind::Internal, QCoreApplication::translate("statescope::pg::Connection",
                                                                       "Could not make a password verifier: %1")
                                               .arg(QString::fromLocal8Bit(PQerrorMessage(m_conn)).trimmed()));
    const QString out = QString::fromLatin1(verifier);
    PQfreemem(verifier);
    return out;
}

} // namespace statescope::pg
