// db reader: the reader login a superuser's reading sessions use (pg/readerlogin.h).
#include "output.h"

#include "core/error.h"
#include "core/pg/connection.h"
#include "core/secrets.h"

#include <cstdio>

namespace statescope::cli {


int runReader(const QStringList &args)
{
    Command cmd(QStringLiteral("db reader"),
                QStringLiteral("How reading is kept from acting on the server: shows the reader login "
                               "of the connection's superuser role; with --create, makes it (not a "
                               "superuser; pg_read_all_data, pg_read_all_stats, BYPASSRLS), its "
                               "password kept in the system keychain."));
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("server"),
                 QStringLiteral("The server: conninfo, postgresql:// URI or service=NAME."),
                 QStringLiteral("CONN")});
    p.addOption({QStringLiteral("create"), QStringLiteral("Create (or repair) the reader login.")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The reader login's name, typed back."),
                 QStringLiteral("ROLE")});
    p.addOption({QStringLiteral("no-password"),
                 QStringLiteral("Give it no password: only for servers that let it in without one "
                                "(local trust or peer authentication).")});
    p.addOption({QStringLiteral("password-env"),
                 QStringLiteral("Take its password from this environment variable (you keep it, for "
                                "example in ~/.pgpass) instead of making one for the keychain."),
                 QStringLiteral("NAME")});
    cmd.parse(args);
    const pg::ConnectionSettings server = cmd.connection(QStringLiteral("server"));
    auto conn = pg::Connection::open(server);
    const pg::ReaderLoginStatus st = pg::readerLoginStatus(*conn);
    if (!p.isSet(QStringLiteral("create"))) {
        if (p.isSet(QStringLiteral("confirm")) || p.isSet(QStringLiteral("no-password"))
            || p.isSet(QStringLiteral("password-env")))
            throw Error::invalidInput(QStringLiteral("--confirm, --no-password and --password-env go with --create."));
        auto reading = pg::Connection::open(server, pg::Connection::Access::ReadOnly);
        const pg::ReadProtection &rp = reading->readProtection();
        QString text = rp.describe();
        if (st.isSuperuser && !st.exists)
            text += QStringLiteral("\nCreate it: statescope-cli db reader --server CONN --create --confirm %1")
                        .arg(st.role);
        else if (!st.problem.isEmpty())
            text += QLatin1Char('\n') + st.problem;
        cmd.print({{"role", utf8(st.superuser)},
                   {"superuser", st.isSuperuser},
                   {"reader_login", st.isSuperuser ? nlohmann::json(utf8(st.role)) : nlohmann::json()},
                   {"exists", st.exists},
                   {"usable", st.usable},
                   {"problem", utf8(st.problem)},
                   {"protection", utf8(rp.shortName())},
                   {"reads_as", utf8(rp.login)},
                   {"guarded_reason", utf8(rp.reason)}},
                  text);
        return Ok;
    }
    if (!st.isSuperuser)
        throw Error::invalidInput(
            QStringLiteral("%1 is not a superuser: it reads as itself and needs no reader login.").arg(st.superuser));
    const QString confirm = cmd.required(QStringLiteral("confirm"));
    if (confirm != st.role)
        throw Error::invalidInput(
            QStringLiteral("The confirmation \"%1\" does not match the reader login %2; nothing was changed.")
                .arg(confirm, st.role),
            QStringLiteral("Type the reader login's name exactly to confirm."));
    const bool noPassword = p.isSet(QStringLiteral("no-password"));
    const QString envName = p.value(QStringLiteral("password-env"));
    if (noPassword && !envName.isEmpty())
        throw Error::invalidInput(QStringLiteral("Give --no-password or --password-env, not both."));
    QString password;
    QString kept;
    if (!envName.isEmpty()) {
        password = qEnvironmentVariable(envName.toLocal8Bit().constData());
        if (password.isEmpty())
            throw Error::invalidInput(QStringLiteral("The environment variable %1 is empty or not set.").arg(envName));
        kept = QStringLiteral("its password is the one in %1").arg(envName);
    } else if (!noPassword) {
        // Into the keychain first: a password nobody keeps would lock the login out.
        password = pg::makeReaderPassword();
        const secrets::Result r = secrets::writeNow(pg::readerSecretKey(server, st.role), password);
        if (!r.ok())
            throw Error(Error::Kind::Environment,
                        QStringLiteral("The system keychain could not keep the reader login's password "
                                       "(%1); nothing was changed.")
                            .arg(r.error),
                        {},
                        QStringLiteral("Use --no-password for a server that trusts local connections, "
                                       "or --password-env NAME with a password you keep yourself."));
        kept = QStringLiteral("its password is in the system keychain");
    } else {
        kept = QStringLiteral("it has no password (the server must let it in without one)");
    }
    const QString role = pg::createReaderLogin(*conn, password);
    cmd.print({{"reader_login", utf8(role)}, {"created", !st.exists}, {"password", utf8(kept)}},
              QStringLiteral("%1 the reader login %2 of %3; %4. Reading as %3 now reads as %2.")
                  .arg(st.exists ? QStringLiteral("Repaired") : QStringLiteral("Created"), role,
                       st.superuser, kept));
    return Ok;
}

} // namespace statescope::cli
