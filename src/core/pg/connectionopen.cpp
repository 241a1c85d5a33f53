// Opening a session: libpq's connection (its failures told apart: the caller's input, a
// password, a missing database or role), and which login reads (a superuser's reader login,
// readerlogin.h) or writes (the primary, whatever the profile prefers for browsing).
#include "connection.h"

#include <QCoreApplication>

#include "core/error.h"
#include "core/pg/formation.h"
#include "core/pg/readerlogin_p.h"
#include "core/task/canceltoken.h"

#include <libpq-fe.h>

#include <QDeadlineTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <functional>
#include <optional>

#include <poll.h>

namespace statescope::pg {

namespace {
void ignoreNotice(void *, const PGresult *) {}
std::atomic<quint64> g_attempts{0};

// Whether the server behind `conn` is a standby, asked of the server itself, not of what it
// reported at login (below); nullopt when no answer comes within `seconds`: a PgBouncer
// whose node is down accepts the login and holds the query (query_wait_timeout, 2 minutes).
std::optional<bool> inRecovery(PGconn *conn, int seconds)
{
    if (!PQsendQuery(conn, "SELECT pg_is_in_recovery()"))
        return std::nullopt;
    const QDeadlineTimer deadline(qint64(seconds) * 1000);
    while (PQisBusy(conn)) {
        pollfd fd{PQsocket(conn), POLLIN, 0};
        const int left = int(std::max<qint64>(0, deadline.remainingTime()));
        if (fd.fd < 0 || left == 0 || (::poll(&fd, 1, left) < 0 && errno != EINTR) || !PQconsumeInput(conn))
            return std::nullopt;
    }
    std::optional<bool> answer;
    while (PGresult *r = PQgetResult(conn)) {
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
            answer = PQgetvalue(r, 0, 0)[0] == 't';
        PQclear(r);
    }
    return answer;
}

// How long a server has to answer that question: the string's connect_timeout (10 s unset).
int patienceOf(const ConnectionSettings &settings)
{
    bool ok = false;
    const int timeout = settings.value(QStringLiteral("connect_timeout")).toInt(&ok);
    return ok && timeout > 0 ? timeout : 10;
}

// The hosts of `listed` one by one, in order, each asked whether it is a standby; the first
// whose answer fits `wanted` (read-write, primary: not in recovery; standby, read-only: in
// recovery; prefer-standby: in recovery, else the first that answered; otherwise any that
// answers). nullptr when none does, *why saying what the last one did.
PGconn *firstThatAnswers(const ConnectionSettings &listed, const QString &wanted,
                         const std::function<PGconn *(const ConnectionSettings &)> &open, QString *why)
{
    const int patience = patienceOf(listed);
    const QStringList hosts = listed.value(QStringLiteral("host")).split(QLatin1Char(','));
    const QStringList addrs = listed.value(QStringLiteral("hostaddr")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QStringList ports = listed.value(QStringLiteral("port")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool writer = wanted == QLatin1String("read-write") || wanted == QLatin1String("primary");
    const bool reader = wanted == QLatin1String("standby") || wanted == QLatin1String("read-only")
                        || wanted == QLatin1String("prefer-standby");
    PGconn *fallback = nullptr;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        ConnectionSettings one = listed;
        one.remove(QStringLiteral("target_session_attrs"));
        one.setValue(QStringLiteral("host"), hosts[i]);
        if (addrs.size() == hosts.size())
            one.setValue(QStringLiteral("hostaddr"), addrs[i]);
        if (ports.size() == hosts.size())
            one.setValue(QStringLiteral("port"), ports[i]);
        PGconn *conn = nullptr;
        try {
            conn = open(one);
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::Connection)
                throw;
            *why = e.oneLine();
            continue;
        }
        const std::optional<bool> standby = inRecovery(conn, patience);
        if (!standby) {
            *why = Connection::tr("%1:%2 did not answer within %3 s.")
                       .arg(hosts[i], one.value(QStringLiteral("port")))
                       .arg(patience);
            PQfinish(conn);
            continue;
        }
        if (writer ? !*standby : reader ? *standby : true) {
            if (fallback)
                PQfinish(fallback);
            return conn;
        }
        if (wanted == QLatin1String("prefer-standby") && !fallback)
            fallback = conn;
        else
            PQfinish(conn);
    }
    return fallback;
}
} // namespace

quint64 detail::connectionAttempts()
{
    return g_attempts.load();
}

QString Connection::ownApplicationName()
{
    static const QString name = QStringLiteral("statescope/%1").arg(QCoreApplication::applicationPid());
    return name;
}

pg_conn *Connection::connect(const ConnectionSettings &settings, bool replica)
{
    // A formation's nodes, from its monitor (formation.h); asked again once when none of them
    // answers, in case the monitor has since moved the formation.
    if (formation::named(settings)) {
        if (!settings.value(QStringLiteral("pooler_port")).isEmpty()) {
            // Through the PgBouncer beside each node (pooler_port), libpq cannot be handed the
            // host list: a pooler whose node is down accepts the login, then holds each query
            // for minutes, and what it reports at login is what its node was when the pooler
            // first logged in (libpq's target_session_attrs reads that). So the nodes are asked
            // one by one, the monitor's primary first; the monitor is asked afresh once when
            // none answers as the string wants.
            QString last;
            for (const bool fresh : {false, true})
                if (PGconn *conn = firstThatAnswers(formation::resolve(settings, fresh),
                                                    settings.value(QStringLiteral("target_session_attrs")),
                                                    [&](const ConnectionSettings &one) { return connect(one, replica); },
                                                    &last))
                    return conn;
            throw Error(Error::Kind::Connection, tr("Could not connect to %1: no node answered as asked.").arg(settings.displayName()),
                        last, tr("A failover may be under way; try again in a moment."), QStringLiteral("08001"));
        }
        try {
            return connect(formation::resolve(settings), replica);
        } catch (const Error &e) {
            if (e.kind() != Error::Kind::Connection)
                throw;
            return connect(formation::resolve(settings, true), replica);
        }
    }
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
        values.push_back(ownApplicationName().toUtf8());
    }
    // Nothing goes into the startup packet beyond what libpq sends for the settings:
    // PgBouncer's default configuration refuses "options". Read-only access is enforced
    // per transaction instead (see exec()).
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
    g_attempts.fetch_add(1);
    PGconn *conn = PQconnectdbParams(k.data(), v.data(), 0);
    if (!conn)
        throw Error(Error::Kind::Connection, tr("Out of memory while connecting."));
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        const bool needsPassword = PQconnectionNeedsPassword(conn);
        PQfinish(conn);
        // What libpq refuses before it talks to any server is the caller's input: an option
        // value it does not know (sslmode=bogus), a service that is not defined.
        static const QStringList badInput = {
            QStringLiteral("invalid sslmode value"), QStringLiteral("invalid gssencmode value"),
            QStringLiteral("invalid target_session_attrs value"),
            QStringLiteral("invalid load_balance_hosts value"), QStringLiteral("invalid channel_binding value"),
            QStringLiteral("invalid ssl_min_protocol_version value"),
            QStringLiteral("invalid ssl_max_protocol_version value"), QStringLiteral("invalid integer value"),
            QStringLiteral("invalid port number"), QStringLiteral("invalid connection option"),
            QStringLiteral("could not match"), QStringLiteral("definition of service"),
            QStringLiteral("service file"), QStringLiteral("invalid value for parameter")};
        for (const QString &what : badInput)
            if (message.contains(what, Qt::CaseInsensitive))
                throw Error(Error::Kind::InvalidInput,
                            tr("The connection settings for %1 are not valid: %2")
                                .arg(settings.displayName(), message),
                            {}, tr("Check the connection string (see the libpq documentation)."));
        QString hint;
        QString sqlstate = QStringLiteral("08001");
        if (needsPassword || message.contains(QLatin1String("password authentication failed"))
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
        } else if (message.contains(QLatin1String("permission denied for database"))) {
            sqlstate = QStringLiteral("42501");
        } else if (message.contains(QLatin1String("is not currently accepting connections"))) {
            sqlstate = QStringLiteral("55000");
        } else if (message.contains(QLatin1String("Connection refused"))
                   || message.contains(QLatin1String("No such file or directory"))) {
            hint = tr("Is the server running and accepting connections at that address?");
        }
        throw Error(Error::Kind::Connection,
                    replica ? tr("Could not connect to the read replica %1").arg(settings.displayName())
                            : tr("Could not connect to %1").arg(settings.displayName()),
                    message, hint, sqlstate);
    }
    PQsetNoticeReceiver(conn, ignoreNotice, nullptr);
    return conn;
}

std::unique_ptr<Connection> Connection::open(const ConnectionSettings &requested, Access access,
                                             CancelToken *cancel)
{
    std::unique_ptr<Connection> c = openSession(requested, access, cancel);
    for (const auto &[name, value] : requested.transactionSettings())
        c->setTransactionSetting(name, value);
    return c;
}

std::unique_ptr<Connection> Connection::openSession(const ConnectionSettings &requested, Access access,
                                                    CancelToken *cancel)
{
    if (cancel)
        cancel->throwIfCancelled();
    // Read-only sessions go to the read replica when one is named; never a write.
    const std::optional<ConnectionSettings> replica =
        access == Access::ReadOnly ? requested.readReplica() : std::nullopt;
    const ConnectionSettings &settings = replica ? *replica : requested;
    if (access == Access::ReadWrite) {
        // A session that may write asks again which host is the primary, whatever the
        // profile prefers for browsing (prefer-standby, any): after a failover the old
        // primary may be back as a standby, or the list names standbys first.
        // (One host: what it is, it stays; a write there fails with the server's own error.)
        ConnectionSettings primary = settings;
        const QString wanted = settings.value(QStringLiteral("target_session_attrs"));
        // A formation (formation.h) is several hosts too, once its monitor has named them.
        if ((settings.value(QStringLiteral("host")).contains(QLatin1Char(',')) || formation::named(settings))
            && wanted != QLatin1String("read-write") && wanted != QLatin1String("primary"))
            primary.setValue(QStringLiteral("target_session_attrs"), QStringLiteral("read-write"));
        const QString asked = primary.value(QStringLiteral("target_session_attrs"));
        const bool checked = asked == QLatin1String("read-write") || asked == QLatin1String("primary");
        const auto isPrimary = [&](PGconn *c) { return inRecovery(c, patienceOf(primary)) == std::optional<bool>(false); };
        PGconn *conn = nullptr;
        std::optional<Error> refused;
        try {
            conn = connect(primary, false);
        } catch (const Error &e) {
            // Every host said it takes no writes: perhaps in what it reported at login, below.
            if (e.kind() != Error::Kind::Connection || !checked
                || !(e.detail().contains(QLatin1String("read-only")) || e.detail().contains(QLatin1String("hot standby"))))
                throw;
            refused = e;
        }
        // libpq's read-write check trusts what the server reported at login (in_hot_standby).
        // A PgBouncer in front of a node repeats what that node was when the pooler first
        // logged in to it: after a failover, a demoted node still says primary through its
        // pooler and the new primary still says standby. So the session asks the server, and
        // when it was fooled, walks the hosts one by one asking each.
        if (checked && (refused || !isPrimary(conn))) {
            if (conn)
                PQfinish(conn);
            const ConnectionSettings listed = formation::named(primary) ? formation::resolve(primary, true) : primary;
            QString last;
            conn = firstThatAnswers(listed, asked, [&](const ConnectionSettings &one) { return connect(one, false); }, &last);
            if (!conn)
                throw Error(Error::Kind::Connection,
                            tr("No server of %1 takes writes now: each one that answered is a standby.")
                                .arg(requested.displayName()),
                            refused ? refused->detail() : last,
                            tr("A failover may be under way; try again in a moment."), QStringLiteral("08001"));
        }
        std::unique_ptr<Connection> c(new Connection(conn, access, cancel));
        c->m_protection.login = c->user();
        return c;
    }
    if (access != Access::ReadOnly) {
        std::unique_ptr<Connection> c(new Connection(connect(settings, replica.has_value()), access, cancel));
        c->m_protection.login = c->user();
        if (access == Access::ReadOnlySelf && c->isSuperuser())
            c->m_protection = {ReadProtection::Kind::Guarded, c->user(), c->user(),
                               ReadProtection::tr("Statescope's own reading for an administrative action")};
        return c;
    }

    // Reading: a superuser's profile reads through its reader login (readerlogin.h), where
    // that login may connect.
    const QString database = settings.database();
    const auto asReader = [&](const detail::ReaderChoice &choice) -> std::unique_ptr<Connection> {
        std::unique_ptr<Connection> c(new Connection(
            connect(choice.reader->withDatabase(database), replica.has_value()), access, cancel));
        // Trusted only as what it is: a login that may do nothing but read.
        const RoleRisk risk = c->isSuperuser() ? RoleRisk{true, {}} : detail::loginRisk(*c, *choice.reader);
        if (risk.risky())
            throw Error(Error::Kind::Conflict,
                        ReadProtection::tr("The reader login %1 is %2, so it is not used.").arg(choice.role, risk.describe()));
        c->m_protection = {ReadProtection::Kind::ReaderLogin, choice.role, choice.superuser, {}};
        return c;
    };
    const auto broken = [&](const detail::ReaderChoice &choice, const Error &e) {
        const QString why = e.detail().isEmpty() ? e.message() : e.detail();
        // Refused at this database only (no CONNECT, no connections at all): the reader
        // stays in use for the others.
        if (e.sqlstate() == QLatin1String("42501") || e.sqlstate() == QLatin1String("55000")) {
            detail::rememberAdmission(settings, database, false);
            detail::ReaderChoice refused = choice;
            refused.reader.reset();
            refused.reason = ReadProtection::tr("its reader login %1 may not connect to %2: %3")
                                 .arg(choice.role, database, why);
            return refused;
        }
        return detail::markBroken(settings, choice,
                                  ReadProtection::tr("its reader login %1 was not used: %2").arg(choice.role, why));
    };
    std::optional<detail::ReaderChoice> known = detail::knownReader(settings);
    if (known && known->reader && detail::admitted(settings, database).value_or(false)) {
        try {
            return asReader(*known);
        } catch (const Error &e) {
            if (e.kind() == Error::Kind::Cancelled)
                throw;
            detail::dropReaderHint(settings);
            known = broken(*known, e);
        }
    }
    // New to this process: an earlier one's hint (readerhints.cpp) lets it log in as the
    // reader login at once, one connection instead of two. A hint that fails is dropped and
    // the way below taken, as if there had been none.
    if (!known) {
        if (const std::optional<detail::ReaderHint> hint = detail::readerHint(settings, database)) {
            detail::ReaderChoice choice{detail::readerSettings(settings, requested, hint->role), hint->role,
                                        hint->superuser, {}};
            try {
                std::unique_ptr<Connection> c = asReader(choice);
                detail::rememberReader(settings, choice);
                detail::rememberAdmission(settings, database, true);
                return c;
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled)
                    throw;
                const bool here = e.sqlstate() == QLatin1String("42501") || e.sqlstate() == QLatin1String("55000");
                detail::dropReaderHint(settings, here ? database : QString());
            }
        }
    }
    std::unique_ptr<Connection> c(new Connection(connect(settings, replica.has_value()), access, cancel));
    c->m_protection.login = c->user();
    // Decided by the login, not the current role (a role set for the login at start, or
    // membership of a superuser role, can be taken back inside a statement).
    const RoleRisk risk = c->isSuperuser() ? RoleRisk{true, {}} : detail::loginRisk(*c, settings);
    if (!risk.risky())
        return c;
    if (!risk.superuser) {
        // No reader login for a role that is not a superuser: what could act is refused.
        c->m_protection = {ReadProtection::Kind::Guarded, c->user(), c->user(),
                           ReadProtection::tr("it is %1").arg(risk.describe())};
        return c;
    }
    detail::ReaderChoice choice = known ? *known : detail::discoverReader(*c, settings, requested);
    if (choice.reader) {
        // Asked as the superuser first: a login refused at the door is slow to learn of
        // through a pooler (it waits for its query_wait_timeout). Asked of every database at
        // once, in the same round trip: a family's other weeks are opened next, and each
        // then logs in as the reader at once.
        const Result admissions = c->exec(
            QStringLiteral("SELECT datname, has_database_privilege($1, oid, 'CONNECT') FROM pg_catalog.pg_database "
                           "WHERE NOT datistemplate OR datname = current_database()"),
            {choice.role});
        bool mayConnect = false;
        for (int i = 0; i < admissions.rowCount(); ++i) {
            detail::rememberAdmission(settings, admissions.value(i, 0), admissions.toBool(i, 1));
            if (admissions.value(i, 0) == database)
                mayConnect = admissions.toBool(i, 1);
        }
        detail::rememberAdmission(settings, database, mayConnect);
        if (mayConnect) {
            try {
                std::unique_ptr<Connection> r = asReader(choice);
                detail::keepReaderHint(settings, choice.role, choice.superuser, database);
                return r;
            } catch (const Error &e) {
                if (e.kind() == Error::Kind::Cancelled)
                    throw;
                choice = broken(choice, e);
            }
        } else {
            choice.reason = ReadProtection::tr("its reader login %1 may not connect to %2 (no CONNECT privilege "
                                               "there)")
                                .arg(choice.role, database);
        }
    }
    c->m_protection = {ReadProtection::Kind::Guarded, c->user(), c->user(), choice.reason};
    c->m_protection.readerFailed = choice.failed;
    return c;
}

} // namespace statescope::pg
