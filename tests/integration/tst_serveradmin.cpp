// ServerAdmin against the sandbox server: creating, listing, resetting, dropping and
// restoring weekly databases, with validation, confirmations, dumps and audit trails.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/migrate/migration.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "core/task/worker.h"
#include "core/weekly/dump.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include <atomic>
#include <optional>
#include <thread>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

namespace {

int latest()
{
    return migrate::MigrationSet::embedded().latestVersion();
}

void insertMarker(const pg::ConnectionSettings &db, const QString &marker)
{
    auto conn = test::connect(db);
    conn->exec(QStringLiteral("INSERT INTO raw.api_events (endpoint, status_code) VALUES ($1, 200)"),
               {marker});
}

qint64 markerRows(const pg::ConnectionSettings &db, const QString &marker)
{
    auto conn = test::connect(db);
    return scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events WHERE endpoint = $1"),
                  {marker});
}

// The newest journal entry for this action and database, if any.
std::optional<audit::Entry> journalEntry(const QString &action, const QString &name)
{
    for (const audit::Entry &e : audit::readJournal(1000))
        if (e.action == action && e.target == name)
            return e;
    return std::nullopt;
}

} // namespace

class TestServerAdmin : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases; // dropped at the end whatever happened
    QTemporaryDir m_backups;

    QString track(const QString &name)
    {
        m_databases << name;
        return name;
    }

    ActionOptions options(const QString &reason = {}) const
    {
        ActionOptions o;
        o.reason = reason;
        o.backupDir = m_backups.path();
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        QVERIFY(latest() > 0);
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void createsMigratedAuditedDatabase()
    {
        const ServerAdmin admin(serverSettings());
        const QString prefix = uniqueName(QStringLiteral("fam"));
        const QString name = track(WeeklyName(prefix, 2025, 1).databaseName());
        QCOMPARE(name, prefix + QStringLiteral("_2025_w01"));
        QVERIFY(!admin.exists(name));

        const DatabaseInfo info = admin.create(name, QStringLiteral("for the test"));
        QCOMPARE(info.name, name);
        QCOMPARE(info.schemaVersion, latest());
        QVERIFY(info.weekly);
        QCOMPARE(info.weekly->prefix(), prefix);
        QVERIFY(admin.exists(name));

        const migrate::SchemaStatus st = admin.schemaStatus(name);
        QCOMPARE(st.currentVersion, latest());
        QVERIFY(st.pending.isEmpty());

        auto conn = test::connect(admin.databaseSettings(name));
        const auto audit = conn->exec(QStringLiteral(
            "SELECT target, reason FROM statescope.audit_log WHERE action = 'create'"));
        QCOMPARE(audit.rowCount(), 1);
        QCOMPARE(audit.value(0, 0), name);
        QCOMPARE(audit.value(0, 1), QStringLiteral("for the test"));
        QCOMPARE(conn->exec(QStringLiteral("SHOW server_encoding")).value(0, 0), QStringLiteral("UTF8"));
    }

    void listsOneFamilyInWeekOrder()
    {
        const ServerAdmin admin(serverSettings());
        const QString prefix = uniqueName(QStringLiteral("fam"));
        const QString w01 = track(prefix + QStringLiteral("_2025_w01"));
        const QString w03 = track(prefix + QStringLiteral("_2025_w03"));
        const QString w52 = track(prefix + QStringLiteral("_2024_w52"));
        // A neighbour whose prefix merely starts the same must not be listed.
        const QString other = track(prefix + QStringLiteral("x_2025_w02"));
        // Created out of order: the listing orders by ISO week, not by creation or name.
        admin.create(w03);
        admin.create(w01);
        admin.create(other);
        admin.create(w52);

        const QList<DatabaseInfo> dbs = admin.list(prefix);
        QStringList names;
        for (const DatabaseInfo &d : dbs)
            names << d.name;
        QCOMPARE(names, (QStringList{w52, w01, w03}));
        for (const DatabaseInfo &d : dbs) {
            QVERIFY(d.weekly);
            QCOMPARE(d.weekly->prefix(), prefix);
            QVERIFY2(d.problem.isEmpty(), qPrintable(d.problem));
            QVERIFY(d.managed);
            QCOMPARE(d.schemaVersion, latest());
            QCOMPARE(d.pending, 0);
            QVERIFY(!d.blocked);
            QVERIFY(d.sizeBytes > 0);
        }

        const WeeklyName next = admin.nextWeek(prefix);
        QCOMPARE(next.databaseName(), prefix + QStringLiteral("_2025_w04"));
        QCOMPARE(admin.nextWeek(prefix + QLatin1Char('x')).databaseName(),
                 prefix + QStringLiteral("x_2025_w03"));
    }

    void rejectsBadNamesAndCreatesNothing()
    {
        const ServerAdmin admin(serverSettings());
        // Every bad name carries this token, so counting databases that contain it is
        // immune to other tests creating and dropping databases at the same time.
        const QString token = uniqueName(QStringLiteral("bad"));
        const QStringList bad = {
            token + QStringLiteral("'quote"),
            token + QStringLiteral("\"dq"),
            token + QStringLiteral(" space"),
            token.toUpper(),
            token + QStringLiteral("; DROP DATABASE postgres; --"),
            token + QString(64 - token.size(), QLatin1Char('z')), // 64 bytes
            QStringLiteral("9") + token,
            token + QStringLiteral("-dash"),
            QString(),
        };
        QCOMPARE(bad[5].toUtf8().size(), 64);
        auto conn = test::connect(serverSettings());
        auto related = [&] {
            return scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database "
                                                "WHERE strpos(lower(datname), lower($1)) > 0"),
                          {token});
        };
        QCOMPARE(related(), 0);
        for (const QString &name : bad) {
            const auto e = errorOf([&] { admin.create(name); });
            QVERIFY2(e, qPrintable(name));
            QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        }
        QCOMPARE(related(), 0);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ''")), 0);
        // PostgreSQL would silently truncate a 64-byte name to 63: that must not exist either.
        QVERIFY(!admin.exists(bad[5].left(63)));
    }

    void createExistingIsConflict()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("dup")));
        admin.create(name);
        insertMarker(admin.databaseSettings(name), QStringLiteral("keep"));
        const auto e = errorOf([&] { admin.create(name); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Conflict);
        // The failed second create must not have removed the existing database.
        QVERIFY(admin.exists(name));
        QCOMPARE(markerRows(admin.databaseSettings(name), QStringLiteral("keep")), 1);
    }

    void resetWithWrongConfirmationChangesNothing()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("rst_wrong")));
        admin.create(name);
        insertMarker(admin.databaseSettings(name), QStringLiteral("survivor"));

        for (const QString &confirmation :
             {QStringLiteral("wrong"), QString(), name.toUpper(), name + QLatin1Char(' ')}) {
            const auto e = errorOf([&] { admin.reset(name, confirmation, options()); });
            QVERIFY(e);
            QCOMPARE(e->kind(), Error::Kind::InvalidInput);
        }
        QCOMPARE(markerRows(admin.databaseSettings(name), QStringLiteral("survivor")), 1);
        QVERIFY(QDir(m_backups.path()).entryList({name + QStringLiteral("_*")}, QDir::Files).isEmpty());
    }

    void resetTerminatesSessionsDumpsAndAudits()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("rst")));
        admin.create(name);
        insertMarker(admin.databaseSettings(name), QStringLiteral("before-reset"));

        // Someone else is connected: the reset must cut them off. A pane of this Statescope
        // is cut off too, but not counted: the preview does not list it.
        pg::ConnectionSettings other = admin.databaseSettings(name);
        other.setValue(QStringLiteral("application_name"), QStringLiteral("bystander"));
        auto bystander = test::connect(other);
        QVERIFY(bystander->isAlive());
        auto pane = test::connect(admin.databaseSettings(name));
        QCOMPARE(admin.preview(name).sessions, 1);

        const ActionResult r = admin.reset(name, name, options(QStringLiteral("weekly reset")));
        QCOMPARE(r.name, name);
        QCOMPARE(r.terminatedSessions, 1);
        QVERIFY(errorOf([&] { pane->exec(QStringLiteral("SELECT 1")); })); // it was cut off
        QCOMPARE(r.schemaVersion, latest());
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join('\n')));
        QVERIFY(QFileInfo(r.dumpPath).isFile());
        QVERIFY(QFileInfo(r.dumpPath).size() > 0);
        QVERIFY(r.dumpPath.startsWith(m_backups.path()));

        const auto lost = errorOf([&] { bystander->exec(QStringLiteral("SELECT 1")); });
        QVERIFY(lost);
        QCOMPARE(lost->kind(), Error::Kind::Connection);

        QCOMPARE(markerRows(admin.databaseSettings(name), QStringLiteral("before-reset")), 0);
        QCOMPARE(admin.schemaStatus(name).currentVersion, latest());

        auto conn = test::connect(admin.databaseSettings(name));
        const auto audit = conn->exec(QStringLiteral(
            "SELECT reason, details->>'dump', (details->>'terminated_sessions')::int "
            "FROM statescope.audit_log WHERE action = 'reset'"));
        QCOMPARE(audit.rowCount(), 1);
        QCOMPARE(audit.value(0, 0), QStringLiteral("weekly reset"));
        QCOMPARE(audit.value(0, 1), r.dumpPath);
        QCOMPARE(audit.toInt(0, 2), r.terminatedSessions);
        // The new database starts a new audit trail: the old 'create' row went with the old one.
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                              "WHERE action = 'create'")),
                 0);

        const auto entry = journalEntry(QStringLiteral("reset"), name);
        QVERIFY(entry);
        QCOMPARE(entry->reason, QStringLiteral("weekly reset"));
        QCOMPARE(QString::fromStdString(entry->details.value("dump", std::string())), r.dumpPath);
        QVERIFY(!entry->server.isEmpty());
    }

    void dropDumpsThenRestoreBringsDataBack()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("drp")));
        admin.create(name);
        insertMarker(admin.databaseSettings(name), QStringLiteral("precious"));

        const auto wrong = errorOf([&] { admin.drop(name, QStringLiteral("nope"), options()); });
        QVERIFY(wrong);
        QCOMPARE(wrong->kind(), Error::Kind::InvalidInput);
        QVERIFY(admin.exists(name));

        // Only a pane of this Statescope is connected: the preview shows no session, and
        // the drop reports none terminated.
        auto pane = test::connect(admin.databaseSettings(name));
        QCOMPARE(admin.preview(name).sessions, 0);
        const ActionResult dropped = admin.drop(name, name, options(QStringLiteral("done with it")));
        QCOMPARE(dropped.terminatedSessions, 0);
        QVERIFY(errorOf([&] { pane->exec(QStringLiteral("SELECT 1")); })); // it was cut off
        QVERIFY(!admin.exists(name));
        QVERIFY(QFileInfo(dropped.dumpPath).isFile());
        QVERIFY(QFileInfo(dropped.dumpPath).size() > 0);
        const auto entry = journalEntry(QStringLiteral("drop"), name);
        QVERIFY(entry);
        QCOMPARE(entry->reason, QStringLiteral("done with it"));
        QCOMPARE(QString::fromStdString(entry->details.value("dump", std::string())),
                 dropped.dumpPath);

        const ActionResult restored =
            admin.restore(name, dropped.dumpPath, QStringLiteral("oops"));
        QCOMPARE(restored.name, name);
        QCOMPARE(restored.schemaVersion, latest());
        QVERIFY(admin.exists(name));
        QCOMPARE(markerRows(admin.databaseSettings(name), QStringLiteral("precious")), 1);
        {
            auto conn = test::connect(admin.databaseSettings(name));
            QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                                  "WHERE action = 'restore' AND details->>'dump' = $1"),
                            {dropped.dumpPath}),
                     1);
            // The audit history from before the drop came back with the data.
            QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                                  "WHERE action = 'create'")),
                     1);
        }
        QVERIFY(journalEntry(QStringLiteral("restore"), name));

        // Restoring over an existing database is refused and leaves it alone.
        const auto conflict = errorOf([&] { admin.restore(name, dropped.dumpPath, {}); });
        QVERIFY(conflict);
        QCOMPARE(conflict->kind(), Error::Kind::Conflict);
        QCOMPARE(markerRows(admin.databaseSettings(name), QStringLiteral("precious")), 1);
    }

    void dumpSessionIsOurOwn()
    {
        // A dump's session is this Statescope's: neither the preview nor a drop's count of
        // others terminated may take it for somebody else's, even while its backend is
        // still leaving after pg_dump exited (which once made a drop report 1 for 0).
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("dmp")));
        admin.create(name);
        auto holder = test::connect(admin.databaseSettings(name));
        holder->exec(QStringLiteral("BEGIN"));
        holder->exec(QStringLiteral("LOCK TABLE raw.api_events IN ACCESS EXCLUSIVE MODE"));
        QString dumpPath;
        std::optional<Error> failed;
        std::thread dumper([&] {
            try {
                dumpPath = dumpDatabase(admin.databaseSettings(name), m_backups.path());
            } catch (const Error &e) {
                failed = e;
            }
        });
        // pg_dump waits for the lock above: its session is there to be looked at.
        auto watcher = test::connect(serverSettings());
        QString appName;
        for (int i = 0; i < 1000 && appName.isEmpty(); ++i) {
            const auto r = watcher->exec(
                QStringLiteral("SELECT application_name FROM pg_stat_activity "
                               "WHERE datname = $1 AND wait_event_type = 'Lock'"),
                {name});
            if (r.rowCount() == 1)
                appName = r.value(0, 0);
            else
                QThread::msleep(10);
        }
        const int previewed = admin.preview(name).sessions;
        holder->exec(QStringLiteral("COMMIT"));
        dumper.join();
        QVERIFY2(!failed, failed ? qPrintable(failed->message()) : "");
        QVERIFY(QFileInfo(dumpPath).isFile());
        QCOMPARE(appName, pg::Connection::ownApplicationName());
        QCOMPARE(previewed, 0);
    }

    void previewReportsSessionsAndTables()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("pvw")));
        admin.create(name);
        {
            auto conn = test::connect(admin.databaseSettings(name));
            conn->exec(QStringLiteral("INSERT INTO raw.api_events (endpoint) "
                                      "SELECT 'e' || g FROM generate_series(1, 250) g"));
            conn->exec(QStringLiteral("ANALYZE raw.api_events"));
        }
        const QString app = uniqueName(QStringLiteral("watcher"));
        pg::ConnectionSettings s = admin.databaseSettings(name);
        s.setValue(QStringLiteral("application_name"), app);
        auto watcher = test::connect(s);
        // A connection of this process, as a pane's would be: not one of the sessions a
        // reset will end (it is ours), in the preview and in the listing alike.
        auto mine = pg::Connection::open(admin.databaseSettings(name), pg::Connection::Access::ReadOnly);
        QCOMPARE(mine->exec(QStringLiteral("SELECT current_setting('application_name')")).value(0, 0),
                 pg::Connection::ownApplicationName());

        DestructivePreview p = admin.preview(name);
        for (const QString &d : p.sessionDescriptions)
            QVERIFY2(!d.contains(pg::Connection::ownApplicationName()), qPrintable(d));
        // The preview and the listing agree. Both are snapshots of a shared server, where
        // another test's listing may be inspecting this database for a moment: compared until
        // two snapshots taken back to back agree (at most 10 s).
        const auto listed = [&] {
            for (const DatabaseInfo &db : admin.list())
                if (db.name == name)
                    return db.sessions;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT((p = admin.preview(name), listed() == p.sessions), 10000);
        QCOMPARE(p.name, name);
        QVERIFY(p.sizeBytes > 0);
        QCOMPARE(p.schemaVersion, latest());
        QVERIFY(p.sessions >= 1);
        QCOMPARE(p.sessionDescriptions.size(), p.sessions);
        bool seen = false;
        for (const QString &d : p.sessionDescriptions)
            seen = seen || d.contains(app);
        QVERIFY2(seen, qPrintable(p.sessionDescriptions.join(QStringLiteral("; "))));

        qint64 events = -1;
        QStringList tables;
        for (const auto &[table, rows] : p.tables) {
            tables << table;
            if (table == QLatin1String("raw.api_events"))
                events = rows;
        }
        QCOMPARE(events, 250);
        QVERIFY(tables.contains(QStringLiteral("statescope.audit_log")));
        QVERIFY(tables.contains(QStringLiteral("core.snapshots")));
        QVERIFY(p.estimatedRows >= 250);
        // Looking is harmless: the watcher's session is still there.
        QVERIFY(watcher->exec(QStringLiteral("SELECT 1")).rowCount() == 1);
    }

    void missingDatabaseIsNotFound()
    {
        const ServerAdmin admin(serverSettings());
        const QString missing = uniqueName(QStringLiteral("ghost"));
        const auto reset = errorOf([&] { admin.reset(missing, missing, options()); });
        QVERIFY(reset);
        QCOMPARE(reset->kind(), Error::Kind::NotFound);
        const auto drop = errorOf([&] { admin.drop(missing, missing, options()); });
        QVERIFY(drop);
        QCOMPARE(drop->kind(), Error::Kind::NotFound);
        const auto preview = errorOf([&] { admin.preview(missing); });
        QVERIFY(preview);
        QCOMPARE(preview->kind(), Error::Kind::NotFound);
        QVERIFY(!admin.exists(missing));
        QVERIFY(QDir(m_backups.path()).entryList({missing + QStringLiteral("_*")}, QDir::Files).isEmpty());
    }

    void listingSurvivesDatabasesDroppedMeanwhile()
    {
        // Other sessions create and drop databases while we list: a database that goes
        // between reading pg_database and inspecting it must not fail the whole listing.
        std::atomic<bool> stop{false};
        std::thread churn([&] {
            auto conn = test::connect(serverSettings());
            for (int i = 0; !stop; ++i) {
                const QString name = uniqueName(QStringLiteral("churn"));
                try {
                    conn->exec(QStringLiteral("CREATE DATABASE %1").arg(conn->quoteIdentifier(name)));
                    conn->exec(QStringLiteral("DROP DATABASE %1").arg(conn->quoteIdentifier(name)));
                } catch (const Error &) {
                }
            }
        });
        const ServerAdmin admin(serverSettings());
        int listed = 0;
        for (int i = 0; i < 30; ++i) {
            const auto e = errorOf([&] { admin.list(); });
            if (e)
                qWarning("listing failed: %s", qPrintable(e->message()));
            listed += e ? 0 : 1;
        }
        stop = true;
        churn.join();
        QCOMPARE(listed, 30);
    }

    void cancelledDropKeepsDatabase()
    {
        const ServerAdmin admin(serverSettings());
        const QString name = track(uniqueName(QStringLiteral("cnl")));
        admin.create(name);
        CancelToken token;
        token.cancel();
        TaskContext ctx(token, {});
        const auto e = errorOf([&] { admin.drop(name, name, options(), &ctx); });
        QVERIFY(e);
        QCOMPARE(e->kind(), Error::Kind::Cancelled);
        QVERIFY(admin.exists(name));
        QCOMPARE(admin.schemaStatus(name).currentVersion, latest());
        // Nothing was done: no journal line, or an intent closed as failed.
        const auto last = journalEntry(QStringLiteral("drop"), name);
        QVERIFY(!last || last->phase == QLatin1String("failed"));
    }
};

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
