// Statescope's own reads of a relation by name, as a superuser's session (guarded, or
// through its reader login): the guard's star rule (a select list's * is not a user's
// operator named *; OPERATOR(*) and 1.*2 are), the round trips of a table's page (the guard's
// catalog walk is for views, materialized views and foreign tables), and a table that became
// a view after its details were read. The guard against typed SQL is in tst_read_guard.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/rows.h"
#include "core/browse/schema.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

class TestReadGuardTables : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    QString m_superuser; // a superuser without a reader login: guarded
    QTemporaryDir m_dir;
    std::unique_ptr<pg::Connection> m_admin;

    pg::ConnectionSettings as(const QString &role) const
    {
        pg::ConnectionSettings s = m_db;
        s.setValue(QStringLiteral("user"), role);
        return s;
    }
    // The sandbox's own superuser, which has its reader login.
    static QString readerSuper() { return directServerSettings().value(QStringLiteral("user")); }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    // A program for COPY ... TO PROGRAM that leaves the file `name` (reading what it is sent).
    QString touching(const QString &name) const { return QStringLiteral("touch %1; cat >/dev/null").arg(file(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(m_dir.isValid());
        // The server (running as another user when the tests run as root) may write here.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                                | QFileDevice::ExeOther);
        m_db = emptyDatabase(QStringLiteral("guardtables"));
        m_admin = test::connect(directServerSettings().withDatabase(m_db.database()));
        m_superuser = QStringLiteral("t_guardt_super_") + QString::number(QCoreApplication::applicationPid());
        m_admin->exec(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER").arg(m_superuser));
        m_admin->exec(QStringLiteral("CREATE TABLE public.t (id int)"));
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        dropDatabase(m_db.database());
        test::connect(directServerSettings())->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_superuser));
    }

    // A user's operator named * (for a type of their own, as vector and money types have):
    // the stars of a select list and of count(*) are not it, so reading tables is not refused,
    // whether the SQL was typed or made by Statescope (rows, rows diff); an infix * still is.
    void aStarIsNotAnOperator()
    {
        m_admin->exec(QStringLiteral("CREATE TYPE public.t_vec AS (x int)"));
        m_admin->exec(QStringLiteral("CREATE FUNCTION public.t_star_touch(a public.t_vec, b public.t_vec) RETURNS int "
                                     "LANGUAGE plpgsql AS $f$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); "
                                     "RETURN 1; END $f$")
                          .arg(touching(QStringLiteral("star"))));
        m_admin->exec(QStringLiteral("CREATE OPERATOR public.* (LEFTARG = public.t_vec, RIGHTARG = public.t_vec, "
                                     "FUNCTION = public.t_star_touch)"));
        const auto query = [&](const QString &sql) {
            return runCli({QStringLiteral("query"), QStringLiteral("--db"), as(m_superuser).storableString(),
                           QStringLiteral("--sql"), sql, QStringLiteral("--json")});
        };
        for (const QString &sql : {QStringLiteral("SELECT * FROM public.t"), QStringLiteral("SELECT t.* FROM public.t"),
                                   QStringLiteral("SELECT count(*) AS n FROM public.t"),
                                   QStringLiteral("SELECT id, * FROM public.t"), QStringLiteral("TABLE public.t")}) {
            const CliRun r = query(sql);
            QVERIFY2(r.exitCode == 0, qPrintable(sql + QLatin1Char(' ') + r.describe()));
        }
        const CliRun rows = runCli({QStringLiteral("rows"), QStringLiteral("--db"), as(m_superuser).storableString(),
                                    QStringLiteral("--table"), QStringLiteral("public.t"), QStringLiteral("--json")});
        QVERIFY2(rows.exitCode == 0, qPrintable(rows.describe()));
        const CliRun diff = runCli({QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"),
                                    as(m_superuser).storableString(), QStringLiteral("--db"), as(m_superuser).storableString(),
                                    QStringLiteral("--table"), QStringLiteral("public.t"), QStringLiteral("--key"),
                                    QStringLiteral("id"), QStringLiteral("--json")});
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.describe()));
        // Between two operands it may be the user's, and OPERATOR(...) names it: refused by
        // name, as every operator is.
        const QString here = m_db.database();
        for (const QString &sql : {QStringLiteral("SELECT 2 * 3 AS x"), QStringLiteral("SELECT 2 OPERATOR(*) 3 AS x"),
                                   QStringLiteral("SELECT 2 OPERATOR(public.*) 3 AS x"),
                                   QStringLiteral("SELECT 2 OPERATOR(%1.public.*) 3 AS x").arg(here),
                                   QStringLiteral("SELECT 1.*2 AS x")}) {
            const CliRun times = query(sql);
            QVERIFY2(times.exitCode == 2 && times.errorField("message").contains(QLatin1String("operator public.*")),
                     qPrintable(sql + QLatin1Char(' ') + times.describe()));
        }
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("star"))));
        m_admin->exec(QStringLiteral("DROP OPERATOR public.* (public.t_vec, public.t_vec)"));
        m_admin->exec(QStringLiteral("DROP FUNCTION public.t_star_touch(public.t_vec, public.t_vec)"));
        m_admin->exec(QStringLiteral("DROP TYPE public.t_vec"));
    }

    // Reading a table's page as a superuser (through its reader login, or guarded) is one
    // round trip, and its paging details one more: the guard's catalog walk is for what can run code (views, materialized
    // views, foreign tables).
    void aTablesPageIsOneRoundTrip()
    {
        m_admin->execScript(QStringLiteral("CREATE TABLE public.t_trip (id int PRIMARY KEY); INSERT INTO public.t_trip VALUES (1), (2)"));
        m_admin->exec(QStringLiteral("CREATE VIEW public.t_trip_view AS SELECT id FROM public.t_trip"));
        for (const QString &role : {readerSuper(), m_superuser}) {
            auto conn = pg::Connection::open(as(role), pg::Connection::Access::ReadOnly);
            QVERIFY(conn->readProtection().kind != pg::ReadProtection::Kind::PlainRole);
            const quint64 opened = conn->roundTrips();
            const browse::RelationDetails table =
                browse::readPagingDetails(*conn, QStringLiteral("public"), QStringLiteral("t_trip"));
            QCOMPARE(conn->roundTrips() - opened, quint64(1));
            QCOMPARE(table.key, QStringList{QStringLiteral("id")});
            const browse::RelationDetails view =
                browse::readPagingDetails(*conn, QStringLiteral("public"), QStringLiteral("t_trip_view"));
            quint64 before = conn->roundTrips();
            {
                browse::RowSource source(*conn, table);
                QCOMPARE(conn->roundTrips() - before, quint64(0));
                QCOMPARE(source.page({}, {}, std::nullopt, false, 50).size(), 2);
                QCOMPARE(conn->roundTrips() - before, quint64(1));
            }
            before = conn->roundTrips();
            browse::RowSource viewSource(*conn, view);
            QCOMPARE(conn->roundTrips() - before, quint64(1)); // the walk
        }
        m_admin->execScript(QStringLiteral("DROP VIEW public.t_trip_view; DROP TABLE public.t_trip"));
    }

    // Details read while the name was a table, used after it became a view over a function
    // that acts: the page is refused before it runs (the walk was skipped for the table), on
    // a guarded superuser's session and through a reader login.
    void aTableSwappedForAViewIsNotReadAsATable()
    {
        m_admin->execScript(QStringLiteral("CREATE TABLE public.t_swap (id int PRIMARY KEY); INSERT INTO public.t_swap VALUES (1)"));
        for (const QString &role : {m_superuser, readerSuper()}) {
            auto conn = pg::Connection::open(as(role), pg::Connection::Access::ReadOnly);
            const browse::RelationDetails stale =
                browse::readPagingDetails(*conn, QStringLiteral("public"), QStringLiteral("t_swap"));
            browse::RowSource source(*conn, stale);
            QCOMPARE(source.page({}, {}, std::nullopt, false, 10).size(), 1);
            m_admin->execScript(QStringLiteral("ALTER TABLE public.t_swap RENAME TO t_swap_was; "
                                               "CREATE FUNCTION public.t_swap_touch() RETURNS int LANGUAGE plpgsql AS $f$ "
                                               "BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); RETURN 1; END $f$; "
                                               "CREATE VIEW public.t_swap AS SELECT public.t_swap_touch() AS id")
                                    .arg(touching(QStringLiteral("swap"))));
            const auto e = errorOf([&] { source.page({}, {}, std::nullopt, false, 10); });
            QVERIFY2(e && e->kind() == Error::Kind::Conflict, e ? qPrintable(e->oneLine()) : "the view was read");
            QVERIFY2(e->message().contains(QLatin1String("public.t_swap")), qPrintable(e->oneLine()));
            QVERIFY(!QFileInfo::exists(file(QStringLiteral("swap"))));
            QVERIFY(!conn->inTransaction()); // the failed pipeline left nothing open
            m_admin->execScript(QStringLiteral("DROP VIEW public.t_swap; DROP FUNCTION public.t_swap_touch(); "
                                               "ALTER TABLE public.t_swap_was RENAME TO t_swap"));
        }
        m_admin->execScript(QStringLiteral("DROP TABLE public.t_swap"));
    }
};

QTEST_GUILESS_MAIN(TestReadGuardTables)
#include "tst_read_guard_tables.moc"
