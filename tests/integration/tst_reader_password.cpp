// A superuser's reader login with a password, on a server that requires SCRAM passwords over
// TCP (the sandbox's host rule): the verifier made on the connection, the password kept by
// the user (a password file) or in a real keychain (gnome-keyring on a D-Bus session of the
// test's own), and reading then goes through the reader login, where the server refuses
// what would act.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestReaderPassword : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<pg::Connection> m_admin;

    QString file(const QString &name) const { return m_dir.filePath(name); }
    // Over TCP to the server itself (not a pooler), as `role`.
    pg::ConnectionSettings tcpAs(const QString &role) const
    {
        pg::ConnectionSettings s = m_db;
        const QString port = directServerSettings().value(QStringLiteral("port"));
        s.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        s.setValue(QStringLiteral("port"), port.isEmpty() ? QStringLiteral("5432") : port);
        s.setValue(QStringLiteral("user"), role);
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_dir.isValid());
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                | QFileDevice::WriteOther | QFileDevice::ExeOther);
        m_db = emptyDatabase(QStringLiteral("readerpw"));
        m_admin = test::connect(directServerSettings().withDatabase(m_db.database()));
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        dropDatabase(m_db.database());
    }

    void aReaderLoginWithAPasswordLogsInOverTcpWithScram()
    {
        // On a server that requires SCRAM passwords over TCP (the sandbox's host rule), a
        // superuser with a password makes its reader login with one: in process (the
        // verifier is made on the connection), and through the CLI with a password the user
        // keeps (--password-env), after which the superuser reads as its reader login.
        const QString su = QStringLiteral("t_guard_pwsu_") + QString::number(QCoreApplication::applicationPid());
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD 'su-secret'").arg(su));
        pg::ConnectionSettings tcp = tcpAs(su);
        pg::ConnectionSettings noPassword = tcp;
        QVERIFY(errorOf([&] { pg::Connection::open(noPassword); })); // the server does ask for one
        tcp.setPassword(QStringLiteral("su-secret"));
        const QString reader = pg::readerRoleName(su);
        {
            auto conn = pg::Connection::open(tcp);
            pg::createReaderLogin(*conn, QStringLiteral("reader secret \u00e9"));
        }
        QCOMPARE(scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_authid WHERE rolname = $1 AND rolpassword LIKE "
                                                 "'SCRAM-SHA-256$%'"),
                        {reader}),
                 1);
        pg::ConnectionSettings asReader = tcp;
        asReader.setValue(QStringLiteral("user"), reader);
        asReader.setPassword(QStringLiteral("reader secret \u00e9"));
        {
            auto r = pg::Connection::open(asReader, pg::Connection::Access::ReadOnlySelf);
            QCOMPARE(r->exec(QStringLiteral("SELECT current_user")).value(0, 0), reader);
        }
        asReader.setPassword(QStringLiteral("wrong"));
        QVERIFY(errorOf([&] { pg::Connection::open(asReader, pg::Connection::Access::ReadOnlySelf); }));

        // The CLI, with a password the user keeps (--password-env) and both passwords in a
        // password file: made again, then the superuser reads as its reader login over TCP.
        QTemporaryDir home;
        const QString pgpass = home.filePath(QStringLiteral("pgpass"));
        {
            QFile f(pgpass);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("127.0.0.1:*:*:%1:su-secret\n127.0.0.1:*:*:%2:kept elsewhere\n").arg(su, reader).toUtf8());
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const QByteArray passFileBefore = qgetenv("PGPASSFILE");
        qputenv("PGPASSFILE", QFile::encodeName(pgpass));
        qputenv("T_READER_PW", "kept elsewhere");
        const CliRun made = runCli({QStringLiteral("db"), QStringLiteral("reader"), QStringLiteral("--server"),
                                    noPassword.storableString(), QStringLiteral("--create"), QStringLiteral("--confirm"),
                                    reader, QStringLiteral("--password-env"), QStringLiteral("T_READER_PW"), QStringLiteral("--json")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        const CliRun rows = runCli({QStringLiteral("query"), QStringLiteral("--db"), noPassword.storableString(),
                                    QStringLiteral("--sql"), QStringLiteral("SELECT current_user AS who"), QStringLiteral("--json")});
        const CliRun status = runCli({QStringLiteral("db"), QStringLiteral("reader"), QStringLiteral("--server"),
                                      noPassword.storableString(), QStringLiteral("--json")});
        // With a wrong password for the reader login, reading goes on as the guarded superuser,
        // and the reader is told so, not silently.
        {
            QFile f(pgpass);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QStringLiteral("127.0.0.1:*:*:%1:su-secret\n127.0.0.1:*:*:%2:not the password\n").arg(su, reader).toUtf8());
        }
        const CliRun refused = runCli({QStringLiteral("query"), QStringLiteral("--db"), noPassword.storableString(),
                                       QStringLiteral("--sql"), QStringLiteral("SELECT current_user AS who"), QStringLiteral("--json")});
        qputenv("PGPASSFILE", passFileBefore);
        QVERIFY2(refused.exitCode == 0, qPrintable(refused.describe()));
        QVERIFY2(refused.out.contains(su.toUtf8()), refused.out.constData());
        QVERIFY2(refused.err.contains("warning: reading as") && refused.err.contains(reader.toUtf8()),
                 refused.err.constData());
        qunsetenv("T_READER_PW");
        QVERIFY2(rows.exitCode == 0, qPrintable(rows.describe()));
        QVERIFY2(rows.out.contains(reader.toUtf8()), rows.out.constData());
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        QCOMPARE(status.json().object().value(QStringLiteral("protection")).toString(), QStringLiteral("reader login"));
        m_admin->exec(QStringLiteral("DROP ROLE %1").arg(reader));
        m_admin->exec(QStringLiteral("DROP ROLE %1").arg(su));
    }

    void aReaderLoginsPasswordKeptInTheKeychainIsUsedOverTcp()
    {
        // The keychain path, with a real Secret Service (gnome-keyring on a D-Bus session of
        // its own): db reader --create keeps a made-up password there, and reading over TCP
        // (where the server asks every login for its password) finds it there and reads as
        // the reader login, which the server then refuses what would act.
        const QString dbusRun = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
        const QString keyring = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        QVERIFY2(!dbusRun.isEmpty() && !keyring.isEmpty(),
                 "dbus-run-session and gnome-keyring-daemon are needed (packaging/packages.list)");
        const QString su = QStringLiteral("t_guard_kcsu_") + QString::number(QCoreApplication::applicationPid());
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD 'kc su'").arg(su));
        const QString server = tcpAs(su).storableString();
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString pgpass = home.filePath(QStringLiteral("pgpass"));
        {
            QFile f(pgpass);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("127.0.0.1:*:*:%1:kc su\n").arg(su).toUtf8()); // the superuser's only
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const auto quoted = [](const QString &arg) {
            QString q = arg;
            return QLatin1Char('\'') + q.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
        };
        const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
        const QString escape = QStringLiteral("COPY (SELECT 1) TO PROGRAM 'touch %1; cat >/dev/null'").arg(file(QStringLiteral("kc")));
        const QString script = home.filePath(QStringLiteral("run.sh"));
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("set -e\n"
                                   "export HOME=%1 XDG_DATA_HOME=%1/share PGPASSFILE=%2\n"
                                   "mkdir -p \"$XDG_DATA_HOME\"\n"
                                   "eval \"$(printf unlock | %3 --unlock --components=secrets | sed 's/^/export /')\"\n"
                                   // The daemon takes its bus name after it has printed: a
                                   // keychain call before that would start a second daemon,
                                   // which asks for a password on a screen there is not.
                                   "i=0\n"
                                   "until dbus-send --session --print-reply --dest=org.freedesktop.DBus "
                                   "/org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "
                                   "string:org.freedesktop.secrets | grep -q true; do\n"
                                   "  i=$((i + 1)); [ $i -lt 300 ] || { echo 'no keyring on the bus' >&2; exit 1; }\n"
                                   "  sleep 0.1\n"
                                   "done\n"
                                   "%4 db reader --server %5 --create --confirm %6 --json > %1/made.json\n"
                                   "%4 query --db %5 --sql 'SELECT current_user AS who' --json > %1/who.json\n"
                                   "%4 db reader --server %5 --json > %1/status.json\n"
                                   "set +e\n"
                                   "%4 query --db %5 --sql %7 --json > %1/escape.json 2>&1\n"
                                   "echo $? > %1/escape.rc\n")
                        .arg(home.path(), pgpass, keyring, quoted(cli), quoted(server), pg::readerRoleName(su),
                             quoted(escape))
                        .toUtf8());
        }
        QProcess run;
        run.setProcessChannelMode(QProcess::MergedChannels);
        run.start(dbusRun, {QStringLiteral("--"), QStringLiteral("/bin/sh"), script});
        QVERIFY(run.waitForFinished(120000));
        const QByteArray said = run.readAll();
        QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0, said.constData());
        const auto read = [&](const QString &name) {
            QFile f(home.filePath(name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QVERIFY2(read(QStringLiteral("made.json")).contains("system keychain"), read(QStringLiteral("made.json")).constData());
        QVERIFY2(read(QStringLiteral("who.json")).contains(pg::readerRoleName(su).toUtf8()),
                 read(QStringLiteral("who.json")).constData());
        QVERIFY2(read(QStringLiteral("status.json")).contains("\"protection\": \"reader login\""),
                 read(QStringLiteral("status.json")).constData());
        QCOMPARE(read(QStringLiteral("escape.rc")).trimmed(), QByteArray("1")); // the server refused it
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("kc"))));
        // The reader login's password is nowhere but the keychain: not in the password file.
        QVERIFY(!read(QStringLiteral("pgpass")).contains(pg::readerRoleName(su).toUtf8()));
        m_admin->exec(QStringLiteral("DROP ROLE %1").arg(pg::readerRoleName(su)));
        m_admin->exec(QStringLiteral("DROP ROLE %1").arg(su));
    }

};

QTEST_GUILESS_MAIN(TestReaderPassword)
#include "tst_reader_password.moc"
