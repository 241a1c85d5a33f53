#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace statescope::pg {

class Connection;
class ConnectionSettings;

// Reading must never act on the server. A read-only transaction stops writes to tables, but
// not what a superuser may do while only reading (COPY ... TO PROGRAM, lo_export,
// pg_terminate_backend, replication slots, pg_reload_conf, dblink_exec, a DO block that
// resets the role...). So when a profile's role is a superuser, its read-only sessions log
// in as a second role that is not one: its reader login (pg_read_all_data,
// pg_read_all_stats and BYPASSRLS, so it sees what the superuser saw), created once in admin
// mode. Until it exists, those sessions stay the superuser's and user-typed SQL is checked
// before it is sent (browse/sqlguard.h).
struct ReadProtection
{
    Q_DECLARE_TR_FUNCTIONS(statescope::pg::ReadProtection)
public:
    enum class Kind {
        PlainRole,   // the role is not a superuser: the server's privileges are the guard
        ReaderLogin, // a superuser's profile, reading as its reader login
        Guarded,     // a superuser with no usable reader login: what could act is refused
    };
    Kind kind = Kind::PlainRole;
    QString login;     // the role the session reads as
    QString superuser; // ReaderLogin, Guarded: the profile's superuser role
    QString reason;    // Guarded: why the reader login is not used
    // Guarded although a reader login exists: it was refused (a wrong password, say) or is
    // unfit. Worth telling whoever reads, not only `db reader`.
    bool readerFailed = false;

    bool isGuarded() const { return kind == Kind::Guarded; }
    // One sentence for the SQL pane and errors.
    QString describe() const;
    QString shortName() const; // "reader login", "guarded", "plain role"
};

// What a role may do beyond reading, whatever its current role says: it is a superuser or a
// member of one, has REPLICATION, or belongs to a predefined role that acts on the server
// (pg_execute_server_program, pg_write_server_files, pg_signal_backend, pg_checkpoint).
struct RoleRisk
{
    bool superuser = false;
    QStringList powers; // REPLICATION and those predefined roles
    bool risky() const { return superuser || !powers.isEmpty(); }
    QString describe() const; // "a superuser", "member of pg_signal_backend"
};
// Of `role`, or of the session's login when empty.
RoleRisk roleRisk(Connection &conn, const QString &role = {});

// The reader login of a superuser role: statescope_reader_<role> (cut to 63 bytes with a
// hash of the whole name when longer).
QString readerRoleName(const QString &superuser);

// Where a reader login's password comes from: the system keychain, where the GUI's admin
// action put it. Without an answer libpq's own ways apply (~/.pgpass, PGPASSFILE, trust or
// peer authentication). Set once by whoever can reach the keychain.
using ReaderPasswordProvider =
    std::function<std::optional<QString>(const ConnectionSettings &server, const QString &role)>;
void setReaderPasswordProvider(ReaderPasswordProvider provider);
// The keychain key of a reader login's password on a server.
QString readerSecretKey(const ConnectionSettings &server, const QString &role);

// What is known per server and superuser is kept for the process (a negative answer for
// half a minute); forget it after creating or changing a reader login.
void forgetReaderLogins();

// What the server says of a superuser's reader login.
struct ReaderLoginStatus
{
    QString superuser;     // the connection's role
    bool isSuperuser = false;
    QString role;          // its reader login's name
    bool exists = false;
    bool usable = false;   // exists, may log in, is no superuser, reads all data
    QString problem;       // for people, when it exists but is not usable
};
ReaderLoginStatus readerLoginStatus(Connection &conn);

// Creates the reader login of the connection's (superuser) role, or repairs one that
// exists: LOGIN, NOSUPERUSER, NOCREATEDB, NOCREATEROLE, NOREPLICATION, BYPASSRLS, member of
// pg_read_all_data and pg_read_all_stats; the password (sent as a SCRAM verifier, never as
// text) when one is given. Error(Conflict) when the connection is no superuser.
QString createReaderLogin(Connection &conn, const QString &password);
// A new random password for a reader login (32 letters and digits, from the system's source).
QString makeReaderPassword();

} // namespace statescope::pg
