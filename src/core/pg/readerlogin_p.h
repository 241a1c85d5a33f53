#pragma once

// What Connection::open needs of the reader logins (readerlogin.h); not for other callers.

#include "core/pg/connectionsettings.h"
#include "core/pg/readerlogin.h"

#include <QString>

#include <optional>

namespace statescope::pg {
class Connection;
}

namespace statescope::pg::detail {

struct ReaderChoice
{
    std::optional<ConnectionSettings> reader; // where the reader login connects (no dbname)
    QString role;
    QString superuser;
    QString reason; // no reader: why, for people
    bool failed = false; // there is one, but it was refused or found unfit (not merely absent)
};

// What this process learnt of the server and role of `settings`, if anything (a negative
// answer only while it is fresh).
std::optional<ReaderChoice> knownReader(const ConnectionSettings &settings);
// Looks the reader login of conn's superuser up and remembers the answer. `profile` is what
// the caller asked for (its password is kept in the keychain under the profile's server,
// not under a read replica's).
ReaderChoice discoverReader(Connection &conn, const ConnectionSettings &settings, const ConnectionSettings &profile);

// The reader login could not connect: read as the superuser, guarded, for a while; returns
// the choice without its reader and with the reason.
ReaderChoice markBroken(const ConnectionSettings &settings, ReaderChoice choice, const QString &reason);
// Whether the reader login may connect to `database` (asked as the superuser a short while
// ago), and remembering the answer.
std::optional<bool> admitted(const ConnectionSettings &settings, const QString &database);
void rememberAdmission(const ConnectionSettings &settings, const QString &database, bool may);
// What the login of `settings` may do beyond reading (roleRisk of the session), remembered
// for a while.
RoleRisk loginRisk(Connection &conn, const ConnectionSettings &settings);

// The reader login `role` of `settings`' server (no dbname; its password from the keychain
// under `profile`'s server).
ConnectionSettings readerSettings(const ConnectionSettings &settings, const ConnectionSettings &profile,
                                  const QString &role);
// Remembers for the process that `choice` reads for the server and role of `settings`.
void rememberReader(const ConnectionSettings &settings, const ReaderChoice &choice);

// What an earlier process learnt (readerhints.cpp): the reader login of `settings`' server and
// role that read `database` within the last day. Only a first attempt to try.
struct ReaderHint
{
    QString role;
    QString superuser;
};
std::optional<ReaderHint> readerHint(const ConnectionSettings &settings, const QString &database);
void keepReaderHint(const ConnectionSettings &settings, const QString &role, const QString &superuser,
                    const QString &database);
// Forgets the hint for `database`, or for every database when it is empty.
void dropReaderHint(const ConnectionSettings &settings, const QString &database = {});

// How many connections this process has tried to open (connectionopen.cpp): what the tests
// and benchmarks count sessions by.
quint64 connectionAttempts();

} // namespace statescope::pg::detail
