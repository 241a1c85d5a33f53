#include "core/error.h"
#include "core/pg/connectionsettings.h"
#include "core/pg/formation.h"

#include <QTest>

using namespace statescope;
using namespace statescope::pg;

class TestConnectionSettings : public QObject
{
    Q_OBJECT
private slots:
    void parsesKeywordValue()
    {
        const auto s = ConnectionSettings::parse(
            QStringLiteral("host=db1 port=6432 dbname=spacetraders_2025_w01 user=analyst"));
        QCOMPARE(s.value(QStringLiteral("host")), QStringLiteral("db1"));
        QCOMPARE(s.value(QStringLiteral("port")), QStringLiteral("6432"));
        QCOMPARE(s.database(), QStringLiteral("spacetraders_2025_w01"));
        QCOMPARE(s.displayName(), QStringLiteral("analyst@db1:6432/spacetraders_2025_w01"));
    }

    void parsesUri()
    {
        const auto s = ConnectionSettings::parse(
            QStringLiteral("postgresql://support:s3cr%40t@replica.example:5433/games?sslmode=require"));
        QCOMPARE(s.value(QStringLiteral("host")), QStringLiteral("replica.example"));
        QCOMPARE(s.value(QStringLiteral("user")), QStringLiteral("support"));
        QCOMPARE(s.value(QStringLiteral("password")), QStringLiteral("s3cr@t"));
        QCOMPARE(s.value(QStringLiteral("sslmode")), QStringLiteral("require"));
        QCOMPARE(s.database(), QStringLiteral("games"));
    }

    void parsesServiceAndEmpty()
    {
        QCOMPARE(ConnectionSettings::parse(QStringLiteral("service=prod")).value(QStringLiteral("service")),
                 QStringLiteral("prod"));
        // Empty: everything from PG* variables and libpq defaults.
        QVERIFY(ConnectionSettings::parse(QString()).values().empty());
    }

    void passwordNeverStored()
    {
        auto s = ConnectionSettings::parse(QStringLiteral("host=h user=u password=hunter2"));
        QVERIFY(s.hasPassword());
        QVERIFY(!s.storableString().contains(QStringLiteral("hunter2")));
        QVERIFY(!s.displayName().contains(QStringLiteral("hunter2")));
        QVERIFY(s.conninfo().contains(QStringLiteral("hunter2")));
        // storableString parses back to the same settings minus the password.
        const auto back = ConnectionSettings::parse(s.storableString());
        QVERIFY(!back.hasPassword());
        QCOMPARE(back.value(QStringLiteral("host")), QStringLiteral("h"));
    }

    void quotesValuesRoundTrip()
    {
        ConnectionSettings s;
        s.setValue(QStringLiteral("host"), QStringLiteral("/tmp/dir with space"));
        s.setValue(QStringLiteral("application_name"), QStringLiteral("it's \\ fine"));
        const auto back = ConnectionSettings::parse(s.conninfo());
        QCOMPARE(back.value(QStringLiteral("host")), QStringLiteral("/tmp/dir with space"));
        QCOMPARE(back.value(QStringLiteral("application_name")), QStringLiteral("it's \\ fine"));
    }

    // Found by fuzz_text_inputs: a value holding white space other than a space was written
    // unquoted, so reading the stored text back lost it.
    void quotesEveryKindOfWhiteSpace()
    {
        for (const QString &value : {QStringLiteral("\r"), QStringLiteral("a\tb"), QStringLiteral("x\n")}) {
            ConnectionSettings s;
            s.setValue(QStringLiteral("host"), value);
            const auto back = ConnectionSettings::parse(s.storableString());
            QCOMPARE(back.value(QStringLiteral("host")), value);
            QCOMPARE(back.storableString(), s.storableString());
        }
    }

    // Found by fuzz_text_inputs: libpq reads up to the first NUL, so the rest was dropped
    // without a word. It is refused instead.
    void refusesANulCharacter()
    {
        const QString text = QStringLiteral("host=db1") + QChar(0) + QStringLiteral(" user=admin");
        try {
            ConnectionSettings::parse(text);
            QFAIL("a connection string with a NUL was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            QVERIFY(e.message().contains(QLatin1String("NUL")));
        }
    }

    void withDatabaseSwitchesOnlyDbname()
    {
        const auto s = ConnectionSettings::parse(QStringLiteral("host=h dbname=postgres"));
        const auto w = s.withDatabase(QStringLiteral("st_2025_w02"));
        QCOMPARE(w.database(), QStringLiteral("st_2025_w02"));
        QCOMPARE(w.value(QStringLiteral("host")), QStringLiteral("h"));
        QCOMPARE(s.database(), QStringLiteral("postgres"));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown key") << "hots=db1";
        QTest::newRow("missing value") << "host";
        QTest::newRow("unterminated quote") << "host='db1";
        QTest::newRow("non-numeric port in uri") << "postgresql://host:port/db";
        QTest::newRow("port out of range") << "host=h port=70000";
        QTest::newRow("one bad port of several") << "host=a,b port=5432,x";
        QTest::newRow("negative timeout") << "connect_timeout=-1";
    }
    void rejectsMalformed()
    {
        QFETCH(QString, text);
        try {
            ConnectionSettings::parse(text);
            QFAIL("accepted malformed text");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            QVERIFY(e.message().startsWith(QStringLiteral("Invalid connection string")));
        }
    }

    // A pg_auto_failover formation's keys (pg/formation.h): taken out before libpq reads
    // the rest, kept through a stored string, the monitor's password never stored.
    void aFormationIsNamedByItsMonitor()
    {
        const pg::ConnectionSettings s = pg::ConnectionSettings::parse(
            QStringLiteral("user=postgres monitor = 'postgres://autoctl_node:pw@127.0.0.1:5000/pg_auto_failover' "
                           "formation='a b\\'c' dbname=game_w01"));
        QCOMPARE(s.value(QStringLiteral("formation")), QStringLiteral("a b'c"));
        QCOMPARE(s.value(QStringLiteral("user")), QStringLiteral("postgres"));
        QCOMPARE(s.database(), QStringLiteral("game_w01"));
        QVERIFY(pg::formation::named(s));
        QCOMPARE(pg::formation::monitorOf(s).value(QStringLiteral("port")), QStringLiteral("5000"));
        QVERIFY(!s.storableString().contains(QLatin1String("pw")));
        const pg::ConnectionSettings again = pg::ConnectionSettings::parse(s.storableString());
        QCOMPARE(again.storableString(), s.storableString());
        QCOMPARE(again.value(QStringLiteral("formation")), QStringLiteral("a b'c"));
        QCOMPARE(pg::formation::monitorOf(again).value(QStringLiteral("user")), QStringLiteral("autoctl_node"));
        QVERIFY(s.displayName().contains(QLatin1String("a b'c")));
        // The port of the PgBouncer beside each node: kept through a stored string.
        const pg::ConnectionSettings pooled = pg::ConnectionSettings::parse(
            QStringLiteral("monitor='host=m' formation=f pooler_port=6432 dbname=x"));
        QCOMPARE(pg::ConnectionSettings::parse(pooled.storableString()).value(QStringLiteral("pooler_port")),
                 QStringLiteral("6432"));
        // formation alone names "default"; no formation: the string is libpq's alone.
        QCOMPARE(pg::ConnectionSettings::parse(QStringLiteral("monitor='host=m' dbname=x")).value(QStringLiteral("formation")),
                 QStringLiteral("default"));
        QVERIFY(!pg::formation::named(pg::ConnectionSettings::parse(QStringLiteral("host=db1 dbname=x"))));
        QCOMPARE(pg::formation::resolve(pg::ConnectionSettings::parse(QStringLiteral("host=db1 dbname=x"))).storableString(),
                 pg::ConnectionSettings::parse(QStringLiteral("host=db1 dbname=x")).storableString());
    }

    void aFormationStringIsRefusedWhenMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("no monitor") << QStringLiteral("formation=default dbname=x") << QStringLiteral("monitor");
        QTest::newRow("empty monitor") << QStringLiteral("monitor='' formation=f") << QStringLiteral("monitor");
        QTest::newRow("hosts as well") << QStringLiteral("monitor='host=m' formation=f host=db1") << QStringLiteral("host");
        QTest::newRow("port as well") << QStringLiteral("monitor='host=m' formation=f port=5432") << QStringLiteral("port");
        QTest::newRow("monitor of a monitor") << QStringLiteral("monitor='monitor=\\'host=m\\' formation=y' formation=f")
                                              << QStringLiteral("another monitor");
        QTest::newRow("malformed monitor") << QStringLiteral("monitor='host=m port=nope' formation=f")
                                           << QStringLiteral("port");
        QTest::newRow("unknown key left") << QStringLiteral("monitor='host=m' formation=f bogus=1")
                                          << QStringLiteral("bogus");
        QTest::newRow("pooler port not a number") << QStringLiteral("monitor='host=m' formation=f pooler_port=six")
                                                  << QStringLiteral("pooler_port");
        QTest::newRow("pooler port out of range") << QStringLiteral("monitor='host=m' formation=f pooler_port=70000")
                                                  << QStringLiteral("pooler_port");
        QTest::newRow("pooler port empty") << QStringLiteral("monitor='host=m' formation=f pooler_port=''")
                                           << QStringLiteral("pooler_port");
        QTest::newRow("pooler port without a monitor") << QStringLiteral("host=db1 pooler_port=6432")
                                                       << QStringLiteral("monitor");
    }

    void aFormationStringIsRefusedWhenMalformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        try {
            pg::ConnectionSettings::parse(text);
            QFAIL("accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::InvalidInput);
            QVERIFY2(e.message().contains(says), qPrintable(e.message()));
        }
    }
};

QTEST_APPLESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
