// Statescope's own reads of a relation by name, as a superuser's session (guarded, or
// through its reader login): the guard's star rule (a select list's * is not a user's
// operator named *; OPERATOR(*) and 1.*2 are), the round trips of a table's page (the guard's
// catalog walk is for views, materialized views and foreign tables), and a table that became
// a view after its details were read; what a table reads besides its own rows (partitions,
// inheritance children, row-security policies) walked as a view is; what a page calls through
// its columns' types (a user's casts to text and comparison operators). The guard against
// typed SQL is in tst_read_guard.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/browse/rows.h"
#include "core/browse/schema.h"
#include "core/browse/sqlguard.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/readerlogin.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QScopeGuard>
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
    // round trip, and its paging details one more, a partitioned table's too: the guard's
    // catalog walk is for what can run code (views, materialized views, foreign tables), and
    // before each of their statements.
    void aTablesPageIsOneRoundTrip()
    {
        m_admin->execScript(QStringLiteral("CREATE TABLE public.t_trip (id int PRIMARY KEY); INSERT INTO public.t_trip VALUES (1), (2)"));
        m_admin->exec(QStringLiteral("CREATE VIEW public.t_trip_view AS SELECT id FROM public.t_trip"));
        m_admin->execScript(QStringLiteral("CREATE TABLE public.t_trip_parts (id int PRIMARY KEY) PARTITION BY RANGE (id); "
                                           "CREATE TABLE public.t_trip_p0 PARTITION OF public.t_trip_parts FOR VALUES FROM (0) TO (5); "
                                           "INSERT INTO public.t_trip_parts VALUES (1), (2), (3)"));
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
            QCOMPARE(conn->roundTrips() - before, quint64(0));
            QCOMPARE(viewSource.exactCount({}), 2);
            QCOMPARE(conn->roundTrips() - before, quint64(2)); // the walk, then the statement
            const browse::RelationDetails parts =
                browse::readPagingDetails(*conn, QStringLiteral("public"), QStringLiteral("t_trip_parts"));
            before = conn->roundTrips();
            browse::RowSource partsSource(*conn, parts);
            QCOMPARE(partsSource.page({}, {}, std::nullopt, false, 50).size(), 3);
            QCOMPARE(conn->roundTrips() - before, quint64(1));
        }
        m_admin->execScript(QStringLiteral("DROP VIEW public.t_trip_view; DROP TABLE public.t_trip, public.t_trip_parts"));
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

    // What reading a table reads or runs besides its own rows: a partitioned table's foreign
    // partition and an inheritance parent's foreign child that run a program when read, and
    // a row-security policy that calls a superuser's SECURITY DEFINER function. Each is
    // refused by name before anything runs (the walk a table's page skips is not skipped for
    // them), by Statescope's own reads and typed SQL alike; a superuser, whom policies do not
    // apply to, reads the policy's table and runs nothing. A child added after the details
    // were read stops the next page.
    void whatATableReadsWithItIsWalked()
    {
        const auto dropAll = [&] {
            m_admin->execScript(QStringLiteral(
                "DROP VIEW IF EXISTS public.t_redefined; DROP TABLE IF EXISTS public.t_parts, public.t_parent, public.t_plainparts, public.t_late, public.t_secret "
                "CASCADE; DROP FUNCTION IF EXISTS public.t_pol_touch(int); DROP SERVER IF EXISTS t_gt_files CASCADE"));
        };
        dropAll();
        const auto cleanup = qScopeGuard(dropAll);
        const bool fileFdw = scalar(*m_admin, QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = "
                                                             "'file_fdw'")) > 0;
        QVERIFY2(fileFdw, "file_fdw (postgresql-contrib) is part of the server package");
        m_admin->execScript(
            QStringLiteral("CREATE EXTENSION IF NOT EXISTS file_fdw; CREATE SERVER t_gt_files FOREIGN DATA WRAPPER file_fdw; "
                           "CREATE TABLE public.t_parts (id int, v text) PARTITION BY LIST (id); "
                           "CREATE TABLE public.t_parts_1 PARTITION OF public.t_parts FOR VALUES IN (1); "
                           "CREATE FOREIGN TABLE public.t_parts_2 PARTITION OF public.t_parts FOR VALUES IN (2) "
                           "SERVER t_gt_files OPTIONS (program 'touch %1; echo 2,x', format 'csv'); "
                           "CREATE TABLE public.t_parent (id int); "
                           "CREATE FOREIGN TABLE public.t_kid (id int) INHERITS (public.t_parent) "
                           "SERVER t_gt_files OPTIONS (program 'touch %2; echo 3', format 'csv'); "
                           "CREATE TABLE public.t_plainparts (id int PRIMARY KEY) PARTITION BY RANGE (id); "
                           "CREATE TABLE public.t_plainparts_1 PARTITION OF public.t_plainparts FOR VALUES FROM (0) TO (10); "
                           "INSERT INTO public.t_plainparts VALUES (1), (2); "
                           "CREATE TABLE public.t_late (id int PRIMARY KEY); INSERT INTO public.t_late VALUES (1)")
                .arg(file(QStringLiteral("partition")), file(QStringLiteral("child"))));
        m_admin->execScript(
            QStringLiteral("CREATE FUNCTION public.t_pol_touch(x int) RETURNS bool SECURITY DEFINER LANGUAGE plpgsql AS $f$ "
                           "BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); RETURN true; END $f$; "
                           "CREATE TABLE public.t_secret (id int PRIMARY KEY); INSERT INTO public.t_secret VALUES (1); "
                           "ALTER TABLE public.t_secret ENABLE ROW LEVEL SECURITY; "
                           "CREATE POLICY t_secret_seen ON public.t_secret USING (public.t_pol_touch(id))")
                .arg(touching(QStringLiteral("policy"))));
        const auto refused = [&](pg::Connection &conn, const QString &table, const QString &names) {
            const auto e = errorOf([&] {
                browse::RowSource source(conn, browse::readPagingDetails(conn, QStringLiteral("public"), table));
                source.exactCount({});
            });
            return e && e->kind() == Error::Kind::InvalidInput && e->message().contains(names);
        };
        const auto query = [&](const QString &role, const QString &sql) {
            return runCli({QStringLiteral("query"), QStringLiteral("--db"), as(role).storableString(), QStringLiteral("--sql"),
                           sql, QStringLiteral("--json")});
        };
        for (const QString &role : {m_superuser, readerSuper()}) {
            auto conn = pg::Connection::open(as(role), pg::Connection::Access::ReadOnly);
            QVERIFY2(refused(*conn, QStringLiteral("t_parts"), QStringLiteral("public.t_parts_2")), qPrintable(role));
            QVERIFY2(refused(*conn, QStringLiteral("t_parent"), QStringLiteral("public.t_kid")), qPrintable(role));
            // In the caller's transaction: refused the same, and the transaction still usable.
            conn->begin();
            QVERIFY2(refused(*conn, QStringLiteral("t_parts"), QStringLiteral("public.t_parts_2")), qPrintable(role));
            QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM public.t_parts_1")), 0);
            conn->exec(QStringLiteral("ROLLBACK"));
            for (const QString &sql : {QStringLiteral("SELECT count(*) AS n FROM public.t_parts"),
                                       QStringLiteral("SELECT count(*) AS n FROM t_parent")}) {
                const CliRun r = query(role, sql);
                QVERIFY2(r.exitCode == 2, qPrintable(role + QLatin1Char(' ') + sql + QLatin1Char(' ') + r.describe()));
            }
            // Plain partitions: read, walked or not.
            browse::RowSource plain(*conn, browse::readPagingDetails(*conn, QStringLiteral("public"),
                                                                     QStringLiteral("t_plainparts")));
            QCOMPARE(plain.page({}, {}, std::nullopt, false, 10).size(), 2);
            // A foreign child added after the details were read.
            browse::RowSource late(*conn, browse::readPagingDetails(*conn, QStringLiteral("public"), QStringLiteral("t_late")));
            QCOMPARE(late.page({}, {}, std::nullopt, false, 10).size(), 1);
            m_admin->exec(QStringLiteral("CREATE FOREIGN TABLE public.t_late_kid (id int) INHERITS (public.t_late) "
                                         "SERVER t_gt_files OPTIONS (program 'touch %1; echo 4', format 'csv')")
                              .arg(file(QStringLiteral("late"))));
            const auto e = errorOf([&] { late.page({}, {}, std::nullopt, false, 10); });
            QVERIFY2(e && e->kind() == Error::Kind::InvalidInput && e->message().contains(QLatin1String("public.t_late_kid")),
                     e ? qPrintable(e->oneLine()) : "the child was read");
            m_admin->exec(QStringLiteral("DROP FOREIGN TABLE public.t_late_kid"));
            for (const QString &made : {QStringLiteral("partition"), QStringLiteral("child"), QStringLiteral("late")})
                QVERIFY2(!QFileInfo::exists(file(made)), qPrintable(role + QLatin1Char(' ') + made));
        }
        // The policy: refused through the reader login, which it applies to; a superuser's
        // session bypasses it and reads the row, running nothing.
        auto reader = pg::Connection::open(as(readerSuper()), pg::Connection::Access::ReadOnly);
        QCOMPARE(reader->readProtection().kind, pg::ReadProtection::Kind::ReaderLogin);
        QVERIFY(refused(*reader, QStringLiteral("t_secret"), QStringLiteral("public.t_pol_touch(x integer)")));
        const CliRun typed = query(readerSuper(), QStringLiteral("SELECT count(*) AS n FROM public.t_secret"));
        QVERIFY2(typed.exitCode == 2 && typed.errorField("message").contains(QLatin1String("SECURITY DEFINER")),
                 qPrintable(typed.describe()));
        auto guarded = pg::Connection::open(as(m_superuser), pg::Connection::Access::ReadOnly);
        QVERIFY(guarded->readProtection().isGuarded());
        browse::RowSource secret(*guarded, browse::readPagingDetails(*guarded, QStringLiteral("public"),
                                                                     QStringLiteral("t_secret")));
        QCOMPARE(secret.page({}, {}, std::nullopt, false, 10).size(), 1);
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("policy"))));
        // A view redefined while its source stays open (a grid left open): walked again.
        m_admin->exec(QStringLiteral("CREATE VIEW public.t_redefined AS SELECT 1 AS x"));
        browse::RowSource view(*guarded, browse::readPagingDetails(*guarded, QStringLiteral("public"),
                                                                   QStringLiteral("t_redefined")));
        QCOMPARE(view.exactCount({}), 1);
        m_admin->exec(QStringLiteral("CREATE OR REPLACE VIEW public.t_redefined AS SELECT CASE WHEN public.t_pol_touch(1) "
                                     "THEN 1 END AS x"));
        const auto e = errorOf([&] { view.exactCount({}); });
        QVERIFY2(e && e->kind() == Error::Kind::InvalidInput && e->message().contains(QLatin1String("public.t_pol_touch")),
                 e ? qPrintable(e->oneLine()) : "the redefined view was read");
        const auto whole = errorOf([&] { view.selectAll({}, {}); });
        QVERIFY2(whole && whole->kind() == Error::Kind::InvalidInput, whole ? qPrintable(whole->oneLine()) : "not walked");
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("policy"))));
    }

    // Code reached through a column's type, which a page calls without naming it: a user's
    // cast of the type to text (a cell cut for the grid), a user's = on it (filters, the
    // keyset). Guarded, each is refused by name before anything runs; allowed by that name,
    // it runs (so it would have); a type with PostgreSQL's own operators reads as before.
    void whatAColumnsTypeCallsIsChecked()
    {
        const auto dropAll = [&] {
            m_admin->execScript(QStringLiteral(
                "DROP TABLE IF EXISTS public.t_moods; DROP TYPE IF EXISTS public.t_mood2 CASCADE; "
                "DROP FUNCTION IF EXISTS public.t_mood_text(public.t_mood2), public.t_mood_eq(public.t_mood2, public.t_mood2)"));
            browse::SqlGuard::setAllowed({});
        };
        dropAll();
        const auto cleanup = qScopeGuard(dropAll);
        m_admin->execScript(QStringLiteral("CREATE TYPE public.t_mood2 AS ENUM ('calm', 'wild'); "
                                           "CREATE TABLE public.t_moods (id int PRIMARY KEY, mood public.t_mood2); "
                                           "INSERT INTO public.t_moods VALUES (1, 'calm'), (2, 'wild')"));
        auto conn = pg::Connection::open(as(m_superuser), pg::Connection::Access::ReadOnly);
        QVERIFY(conn->readProtection().isGuarded());
        const auto read = [&](const QList<browse::Filter> &filters) {
            browse::RowSource source(*conn, browse::readPagingDetails(*conn, QStringLiteral("public"),
                                                                      QStringLiteral("t_moods")));
            return source.page(filters, {}, std::nullopt, false, 10).size();
        };
        const browse::Filter calm{QStringLiteral("mood"), browse::Filter::Op::Equals, QStringLiteral("calm")};
        QCOMPARE(read({}), 2);
        QCOMPARE(read({calm}), 1);
        m_admin->execScript(QStringLiteral("CREATE FUNCTION public.t_mood_text(m public.t_mood2) RETURNS text LANGUAGE plpgsql "
                                           "AS $f$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); "
                                           "RETURN m::name::text; END $f$; "
                                           "CREATE CAST (public.t_mood2 AS text) WITH FUNCTION public.t_mood_text(public.t_mood2)")
                                .arg(touching(QStringLiteral("cast"))));
        auto e = errorOf([&] { read({}); });
        QVERIFY2(e && e->kind() == Error::Kind::InvalidInput && e->message().contains(QLatin1String("cast (t_mood2 AS text)")),
                 e ? qPrintable(e->oneLine()) : "the cast ran");
        QVERIFY2(e->hint().contains(QLatin1String("--allow 'cast (t_mood2 AS text)'")), qPrintable(e->hint()));
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("cast"))));
        // The same through rows and a whole-result read (the CLI's export).
        const CliRun rows = runCli({QStringLiteral("rows"), QStringLiteral("--db"), as(m_superuser).storableString(),
                                    QStringLiteral("--table"), QStringLiteral("public.t_moods"), QStringLiteral("--json")});
        QVERIFY2(rows.exitCode == 2 && rows.errorField("message").contains(QLatin1String("cast (t_mood2 AS text)")),
                 qPrintable(rows.describe()));
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("cast"))));
        browse::SqlGuard::setAllowed({QStringLiteral("cast (t_mood2 AS text)")});
        QCOMPARE(read({}), 2);
        QVERIFY(QFileInfo::exists(file(QStringLiteral("cast")))); // so it would have run
        browse::SqlGuard::setAllowed({});
        m_admin->execScript(QStringLiteral("DROP CAST (public.t_mood2 AS text); "
                                           "CREATE FUNCTION public.t_mood_eq(a public.t_mood2, b public.t_mood2) RETURNS bool "
                                           "LANGUAGE plpgsql AS $f$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', '%1'); "
                                           "RETURN a::text = b::text; END $f$; "
                                           "CREATE OPERATOR public.= (LEFTARG = public.t_mood2, RIGHTARG = public.t_mood2, "
                                           "FUNCTION = public.t_mood_eq)")
                                .arg(touching(QStringLiteral("operator"))));
        e = errorOf([&] { read({calm}); });
        QVERIFY2(e && e->kind() == Error::Kind::InvalidInput
                     && e->message().contains(QLatin1String("operator public.=(t_mood2, t_mood2)")),
                 e ? qPrintable(e->oneLine()) : "the operator ran");
        QVERIFY(!QFileInfo::exists(file(QStringLiteral("operator"))));
        // Through the reader login the server's privileges guard a plain function: not refused.
        auto reader = pg::Connection::open(as(readerSuper()), pg::Connection::Access::ReadOnly);
        browse::RowSource source(*reader, browse::readPagingDetails(*reader, QStringLiteral("public"),
                                                                    QStringLiteral("t_moods")));
        QCOMPARE(source.page({}, {}, std::nullopt, false, 10).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestReadGuardTables)
#include "tst_read_guard_tables.moc"
