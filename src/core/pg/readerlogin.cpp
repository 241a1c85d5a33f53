#include "core/pg/readerlogin.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/readerlogin_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>

#include <libpq-fe.h>

#include <mutex>

namespace statescope::pg {

namespace {

constexpr qint64 kForgetNoMs = 30'000;
constexpr qint64 kForgetYesMs = 300'000; // a reader login in use is looked at again after this

struct Known
{
    detail::ReaderChoice choice;
    qint64 at = 0; // when learnt (ms since the epoch)
};

std::mutex &lock()
{
    static std::mutex m;
    return m;
}

QHash<QString, Known> &known()
{
    static QHash<QString, Known> k;
    return k;
}

// Per server and database: may the reader login connect there (value, when learnt).
constexpr qint64 kForgetAdmissionMs = 60'000;
QHash<QString, std::pair<bool, qint64>> &admissions()
{
    static QHash<QString, std::pair<bool, qint64>> a;
    return a;
}

// Per server and login: what it may do beyond reading.
QHash<QString, std::pair<RoleRisk, qint64>> &risks()
{
    static QHash<QString, std::pair<RoleRisk, qint64>> r;
    return r;
}

ReaderPasswordProvider &provider()
{
    static ReaderPasswordProvider p;
    return p;
}

// One entry per server, port and role: the database does not matter.
QString keyOf(const ConnectionSettings &settings)
{
    ConnectionSettings s = settings;
    s.remove(QStringLiteral("dbname"));
    s.remove(QStringLiteral("password"));
    return s.storableString();
}

} // namespace

QString ReadProtection::describe() const
{
    switch (kind) {
    case Kind::PlainRole:
        return tr("Reading as %1, a role that is not a superuser: the server's own privileges keep "
                  "reading from acting on it.")
            .arg(login);
    case Kind::ReaderLogin:
        return tr("Reading as %1, the reader login of the superuser %2 (not a superuser itself): "
                  "reading cannot act on the server.")
            .arg(login, superuser);
    case Kind::Guarded:
        break;
    }
    return tr("Reading as the superuser %1 (%2): statements that could act on the server are "
              "refused before they are sent. Create a reader login in admin mode to read as a role "
              "that is not a superuser.")
        .arg(login, reason);
}

QString ReadProtection::shortName() const
{
    switch (kind) {
    case Kind::PlainRole: return tr("plain role");
    case Kind::ReaderLogin: return tr("reader login");
    case Kind::Guarded: break;
    }
    return tr("superuser, guarded");
}

QString RoleRisk::describe() const
{
    QStringList parts;
    if (superuser)
        parts << ReadProtection::tr("a superuser");
    for (const QString &p : powers)
        parts << (p == QLatin1String("REPLICATION") ? ReadProtection::tr("allowed REPLICATION")
                                                    : ReadProtection::tr("a member of %1").arg(p));
    return parts.join(QStringLiteral(", "));
}

RoleRisk roleRisk(Connection &conn, const QString &role)
{
    // One pass over pg_roles, whose view a new session plans anew for each mention (three
    // mentions cost 1.1 ms more of every reader login's first statement). pg_has_role() is
    // given oids only: on a name that does not exist (pg_checkpoint before 15) it would fail.
    // A role is a member of itself, so its own SUPERUSER is found with the others'.
    const auto r = conn.exec(
        QStringLiteral("SELECT bool_or(p.rolsuper AND pg_has_role(me.oid, p.oid, 'MEMBER')), "
                       "  concat_ws(',', CASE WHEN bool_or(p.oid = me.oid AND p.rolreplication) THEN 'REPLICATION' END, "
                       "    string_agg(p.rolname::text, ',' ORDER BY p.rolname) FILTER (WHERE p.rolname IN "
                       "      ('pg_execute_server_program', 'pg_write_server_files', 'pg_signal_backend', 'pg_checkpoint') "
                       "      AND pg_has_role(me.oid, p.oid, 'MEMBER'))) "
                       "FROM pg_roles me CROSS JOIN pg_roles p WHERE me.rolname = coalesce($1, session_user) "
                       "GROUP BY me.oid"),
        {role.isEmpty() ? Param(nullptr) : Param(role)});
    RoleRisk risk;
    if (r.rowCount() == 0)
        return risk;
    risk.superuser = r.toBool(0, 0);
    if (!r.value(0, 1).isEmpty())
        risk.powers = r.value(0, 1).split(QLatin1Char(','));
    return risk;
}

QString readerRoleName(const QString &superuser)
{
    const QString name = QStringLiteral("statescope_reader_") + superuser;
    if (name.toUtf8().size() <= 63)
        return name;
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(superuser.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    QByteArray cut = name.toUtf8().left(54);
    // Never cut inside a UTF-8 sequence.
    while (!cut.isEmpty() && (uchar(cut.back()) & 0xC0) == 0x80)
        cut.chop(1);
    if (!cut.isEmpty() && uchar(cut.back()) >= 0xC0)
        cut.chop(1);
    return QString::fromUtf8(cut) + QLatin1Char('_') + hash;
}

void setReaderPasswordProvider(ReaderPasswordProvider p)
{
    std::lock_guard guard(lock());
    provider() = std::move(p);
}

QString readerSecretKey(const ConnectionSettings &server, const QString &role)
{
    ConnectionSettings s = server;
    s.remove(QStringLiteral("dbname"));
    s.remove(QStringLiteral("password"));
    s.setValue(QStringLiteral("user"), role);
    return QStringLiteral("reader/") + s.storableString();
}

void forgetReaderLogins()
{
    std::lock_guard guard(lock());
    known().clear();
    admissions().clear();
    risks().clear();
}

ReaderLoginStatus readerLoginStatus(Connection &conn)
{
    ReaderLoginStatus st;
    st.isSuperuser = conn.isSuperuser();
    const auto who = conn.exec(QStringLiteral("SELECT session_user::text"));
    st.superuser = who.value(0, 0);
    st.role = readerRoleName(st.superuser);
    const auto r = conn.exec(
        QStringLiteral("SELECT r.rolcanlogin, r.rolcreaterole OR r.rolcreatedb, "
                       "pg_has_role(r.oid, 'pg_read_all_data', 'MEMBER'), "
                       "pg_has_role(r.oid, 'pg_read_all_stats', 'MEMBER'), r.rolbypassrls, "
                       "r.rolvaliduntil IS NOT NULL AND r.rolvaliduntil < now() "
                       "FROM pg_roles r WHERE r.rolname = $1"),
        {st.role});
    if (r.rowCount() == 0)
        return st;
    st.exists = true;
    QStringList wrong;
    if (!r.toBool(0, 0))
        wrong << ReadProtection::tr("it may not log in");
    // A reader may do nothing but read: no superuser (nor a member of one), no REPLICATION,
    // none of the predefined roles that act on the server, no CREATEROLE or CREATEDB.
    if (const RoleRisk risk = roleRisk(conn, st.role); risk.risky())
        wrong << ReadProtection::tr("it is %1").arg(risk.describe());
    if (r.toBool(0, 1))
        wrong << ReadProtection::tr("it may create roles or databases");
    if (!r.toBool(0, 2))
        wrong << ReadProtection::tr("it is not a member of pg_read_all_data");
    if (r.toBool(0, 5))
        wrong << ReadProtection::tr("its password has expired");
    st.usable = wrong.isEmpty();
    if (!st.usable)
        st.problem = ReadProtection::tr("The reader login %1 exists, but %2.")
                         .arg(st.role, wrong.join(QStringLiteral(", ")));
    return st;
}

QString createReaderLogin(Connection &conn, const QString &password)
{
    const ReaderLoginStatus st = readerLoginStatus(conn);
    if (!st.isSuperuser)
        throw Error(Error::Kind::Conflict,
                    ReadProtection::tr("%1 is not a superuser: it reads as itself and needs no "
                                       "reader login.")
                        .arg(st.superuser));
    conn.requirePrimary(ReadProtection::tr("Creating the reader login %1").arg(st.role));
    const QString role = conn.quoteIdentifier(st.role);
    QString passwordClause = QStringLiteral(" PASSWORD NULL");
    if (!password.isEmpty()) {
        // The verifier, not the password, travels to the server and into its logs.
        passwordClause = QStringLiteral(" PASSWORD %1").arg(conn.quoteLiteral(conn.passwordVerifier(password, st.role)));
    }
    const QString attributes = QStringLiteral(
        "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS INHERIT");
    conn.transaction([&] {
        if (st.exists)
            conn.exec(QStringLiteral("ALTER ROLE %1 %2%3").arg(role, attributes, passwordClause));
        else
            conn.exec(QStringLiteral("CREATE ROLE %1 %2%3").arg(role, attributes, passwordClause));
        // pg_stat_scan_tables: the Activity pane's bloat figures (pgstattuple), read only.
        conn.exec(QStringLiteral("GRANT pg_read_all_data, pg_read_all_stats, pg_stat_scan_tables TO %1").arg(role));
        conn.exec(QStringLiteral("COMMENT ON ROLE %1 IS %2")
                      .arg(role, conn.quoteLiteral(QStringLiteral(
                                     "Statescope: reads for the superuser %1 (not a superuser "
                                     "itself)").arg(st.superuser))));
    });
    forgetReaderLogins();
    return st.role;
}

QString makeReaderPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString pw;
    for (int i = 0; i < 32; ++i)
        pw += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return pw;
}

namespace detail {

std::optional<ReaderChoice> knownReader(const ConnectionSettings &settings)
{
    std::lock_guard guard(lock());
    const auto it = known().constFind(keyOf(settings));
    if (it == known().constEnd())
        return std::nullopt;
    if (QDateTime::currentMSecsSinceEpoch() - it->at > (it->choice.reader ? kForgetYesMs : kForgetNoMs))
        return std::nullopt;
    return it->choice;
}

ReaderChoice discoverReader(Connection &conn, const ConnectionSettings &settings, const ConnectionSettings &profile)
{
    ReaderChoice choice;
    const ReaderLoginStatus st = readerLoginStatus(conn);
    choice.role = st.role;
    choice.superuser = st.superuser;
    if (!st.exists) {
        choice.reason = ReadProtection::tr("it has no reader login (%1)").arg(st.role);
    } else if (!st.usable) {
        choice.reason = st.problem;
    } else {
        choice.reader = readerSettings(settings, profile, st.role);
    }
    rememberReader(settings, choice);
    return choice;
}

ConnectionSettings readerSettings(const ConnectionSettings &settings, const ConnectionSettings &profile,
                                  const QString &role)
{
    ConnectionSettings reader = settings;
    reader.remove(QStringLiteral("dbname"));
    reader.remove(QStringLiteral("password"));
    reader.setValue(QStringLiteral("user"), role);
    ReaderPasswordProvider p;
    {
        std::lock_guard guard(lock());
        p = provider();
    }
    if (p)
        if (const auto pw = p(profile, role); pw && !pw->isEmpty())
            reader.setPassword(*pw);
    return reader;
}

void rememberReader(const ConnectionSettings &settings, const ReaderChoice &choice)
{
    std::lock_guard guard(lock());
    known().insert(keyOf(settings), {choice, QDateTime::currentMSecsSinceEpoch()});
}

ReaderChoice markBroken(const ConnectionSettings &settings, ReaderChoice choice, const QString &reason)
{
    choice.reader.reset();
    choice.reason = reason;
    choice.failed = true;
    std::lock_guard guard(lock());
    known().insert(keyOf(settings), {choice, QDateTime::currentMSecsSinceEpoch()});
    return choice;
}

std::optional<bool> admitted(const ConnectionSettings &settings, const QString &database)
{
    std::lock_guard guard(lock());
    const auto it = admissions().constFind(keyOf(settings) + QLatin1Char('\n') + database);
    if (it == admissions().constEnd() || QDateTime::currentMSecsSinceEpoch() - it->second > kForgetAdmissionMs)
        return std::nullopt;
    return it->first;
}

RoleRisk loginRisk(Connection &conn, const ConnectionSettings &settings)
{
    const QString key = keyOf(settings);
    {
        std::lock_guard guard(lock());
        const auto it = risks().constFind(key);
        if (it != risks().constEnd() && QDateTime::currentMSecsSinceEpoch() - it->second <= kForgetYesMs)
            return it->first;
    }
    const RoleRisk risk = roleRisk(conn);
    std::lock_guard guard(lock());
    risks().insert(key, {risk, QDateTime::currentMSecsSinceEpoch()});
    return risk;
}

void rememberAdmission(const ConnectionSettings &settings, const QString &database, bool may)
{
    std::lock_guard guard(lock());
    admissions().insert(keyOf(settings) + QLatin1Char('\n') + database, {may, QDateTime::currentMSecsSinceEpoch()});
}

} // namespace detail

} // namespace statescope::pg
