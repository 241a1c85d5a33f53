// What an earlier process learnt of a superuser's reader login, kept as a hint (readers.json
// in the data folder, core/pg/readerhints.cpp): a command run on its own then opens one
// connection per database instead of two. The hint only chooses the first attempt: every
// session is checked as always, and a hint that no longer holds is dropped. Connections are
// counted by the process's own attempts (pg::detail::connectionAttempts).

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"
#include "core/pg/readerlogin_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestReaderHints : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    pg::ConnectionSettings m_super; // a superuser of this test's own, with its reader login
    std::unique_ptr<pg::Connection> m_admin;

private slots:
    void initTestCase()
    {
        m_db = emptyDatabase(QStringLiteral("readerhints"));
        m_admin = test::connect(directServerSettings().withDatabase(m_db.database()));
        const QString role = QStringLiteral("t_hint_su_") + QString::number(QCoreApplication::applicationPid());
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD 'hintpw'").arg(role));
        m_super = directServerSettings().withDatabase(m_db.database());
        m_super.setValue(QStringLiteral("user"), role);
        m_super.setPassword(QStringLiteral("hintpw")); // in the settings: never in the hints file
        // Its reader login, as admin mode makes it (the socket lets it in without a password).
        auto conn = pg::Connection::open(m_super);
        pg::createReaderLogin(*conn, QString());
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        dropDatabase(m_db.database());
        auto conn = test::connect(directServerSettings());
        const QString role = m_super.value(QStringLiteral("user"));
        for (const QString &r : {pg::readerRoleName(role), role})
            conn->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(r));
        pg::forgetReaderLogins();
    }

    // roleRisk names every power a role holds beyond reading, directly or through the roles it
    // is a member of (at any depth), and nothing for a plain role or a name that is no role.
    void roleRiskNamesEveryPowerBeyondReading()
    {
        const QString s = QStringLiteral("_") + QString::number(QCoreApplication::applicationPid());
        const QStringList made{QStringLiteral("t_rr_plain") + s, QStringLiteral("t_rr_repl") + s,
                               QStringLiteral("t_rr_su") + s,    QStringLiteral("t_rr_mid") + s,
                               QStringLiteral("t_rr_deep") + s,  QStringLiteral("t_rr_files") + s};
        const auto cleanup = qScopeGuard([&] {
            for (auto it = made.crbegin(); it != made.crend(); ++it)
                m_admin->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(*it));
        });
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(made[0]));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN REPLICATION").arg(made[1]));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 NOLOGIN SUPERUSER").arg(made[2]));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 NOLOGIN IN ROLE %2").arg(made[3], made[2]));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2").arg(made[4], made[3]));
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(made[5]));
        m_admin->exec(QStringLiteral("GRANT pg_write_server_files, pg_signal_backend TO %1").arg(made[5]));
        const auto risk = [&](const QString &role) {
            const pg::RoleRisk r = pg::roleRisk(*m_admin, role);
            return QStringLiteral("%1 %2").arg(r.superuser ? QStringLiteral("super") : QStringLiteral("-"),
                                                r.powers.join(QLatin1Char(',')));
        };
        QCOMPARE(risk(made[0]), QStringLiteral("- "));
        QCOMPARE(risk(made[1]), QStringLiteral("- REPLICATION"));
        QVERIFY(risk(made[2]).startsWith(QLatin1String("super "))); // a superuser is a member of every role
        QCOMPARE(risk(made[3]), QStringLiteral("super "));
        QCOMPARE(risk(made[4]), QStringLiteral("super "));
        QCOMPARE(risk(made[5]), QStringLiteral("- pg_signal_backend,pg_write_server_files"));
        QCOMPARE(risk(QStringLiteral("t_rr_nobody") + s), QStringLiteral("- "));
        // The session's own role when none is named: this test's superuser.
        QVERIFY(pg::roleRisk(*m_admin).superuser);
    }

    // A command run on its own (a new process: forgetReaderLogins() clears what this one
    // learnt) logs in as the reader login at once when an earlier one found it: one
    // connection, not the superuser's first. The hint grants nothing: a reader login that
    // became risky is refused all the same, and a hint that no longer holds is dropped.
    void aReaderLoginOnceFoundIsTheOnlyConnection()
    {
        const pg::ConnectionSettings s = m_super;
        const QString reader = pg::readerRoleName(m_super.value(QStringLiteral("user")));
        const QString hints = QDir(qEnvironmentVariable("STATESCOPE_HOME")).filePath(QStringLiteral("readers.json"));
        QFile::remove(hints);
        struct Opened
        {
            pg::ReadProtection protection;
            quint64 connections = 0;
        };
        const auto open = [&] {
            pg::forgetReaderLogins();
            const quint64 before = pg::detail::connectionAttempts();
            const auto c = pg::Connection::open(s, pg::Connection::Access::ReadOnly);
            return Opened{c->readProtection(), pg::detail::connectionAttempts() - before};
        };
        Opened first = open();
        QCOMPARE(first.protection.kind, pg::ReadProtection::Kind::ReaderLogin);
        QCOMPARE(first.connections, quint64(2)); // the superuser's, to find it; then its own
        QVERIFY(QFileInfo::exists(hints));
        {
            QFile f(hints);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray text = f.readAll();
            QVERIFY2(text.contains(reader.toUtf8()), text.constData());
            // Names no server: neither the socket's directory nor the database.
            QVERIFY2(!text.contains(s.value(QStringLiteral("host")).toUtf8()) && !text.contains("hintpw"), text.constData());
        }
        Opened again = open();
        QCOMPARE(again.protection.kind, pg::ReadProtection::Kind::ReaderLogin);
        QCOMPARE(again.protection.login, reader);
        QCOMPARE(again.connections, quint64(1));

        // Made risky after the hint: refused on its own session, the hint dropped, and the
        // superuser's way taken (which finds the login unusable: guarded).
        m_admin->exec(QStringLiteral("GRANT pg_signal_backend TO %1").arg(reader));
        Opened risky = open();
        m_admin->exec(QStringLiteral("REVOKE pg_signal_backend FROM %1").arg(reader));
        QCOMPARE(risky.protection.kind, pg::ReadProtection::Kind::Guarded);
        QVERIFY2(risky.protection.reason.contains(QLatin1String("pg_signal_backend")), qPrintable(risky.protection.reason));
        QCOMPARE(pg::detail::readerHint(s, m_db.database()).has_value(), false);

        // Found again, then a hint naming a login that does not exist: tried, dropped, found.
        QCOMPARE(open().connections, quint64(2));
        QCOMPARE(open().connections, quint64(1));
        {
            QFile f(hints);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray text = f.readAll();
            text.replace(reader.toUtf8(), QByteArrayLiteral("t_guard_nobody"));
            f.close();
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        }
        Opened wrong = open();
        QCOMPARE(wrong.protection.kind, pg::ReadProtection::Kind::ReaderLogin);
        QCOMPARE(wrong.protection.login, reader);
        QCOMPARE(wrong.connections, quint64(3)); // the hint's, refused; the superuser's; the reader's
        QCOMPARE(pg::detail::readerHint(s, m_db.database())->role, reader);

        // A damaged file hints nothing and is written anew.
        {
            QFile f(hints);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{\"x\": [1, {\"at\": \"soon\"");
        }
        QCOMPARE(open().connections, quint64(2));
        QCOMPARE(open().connections, quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestReaderHints)
#include "tst_reader_hints.moc"
