// The real statescope-cli binary, driven with QProcess against the sandbox server: its
// commands, --json documents, error reporting and exit codes (0/1/2).

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/migrate/migration.h"
#include "core/pg/connection.h"
#include "core/weekly/serveradmin.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

namespace {

QString server()
{
    return serverSettings().storableString();
}

QString database(const QString &name)
{
    return serverSettings().withDatabase(name).storableString();
}

int latest()
{
    return migrate::MigrationSet::embedded().latestVersion();
}

// One line on stderr, prefixed with the program name.
bool isOneLineError(const QByteArray &err)
{
    return err.startsWith("statescope-cli: ") && err.endsWith('\n') && err.count('\n') == 1;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QStringList m_databases;

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(!server().contains(QLatin1String("password")));
    }

    void cleanupTestCase()
    {
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    void helpExitsZero()
    {
        const CliRun top = runCli({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains("Usage: statescope-cli"));
        QVERIFY(top.err.isEmpty());

        const CliRun sub = runCli({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY2(sub.out.contains("--prefix"), sub.out.constData());

        // Every group's --help lists its commands (exit 0), as the top-level help names them.
        for (const char *group : {"sandbox", "db", "demo", "games", "events", "metrics", "snapshots", "player-events",
                                  "activity", "upkeep", "layout", "settings", "shard"}) {
            const CliRun help = runCli({QLatin1String(group), QStringLiteral("--help")});
            QVERIFY2(help.exitCode == 0, qPrintable(QLatin1String(group) + QLatin1Char(' ') + help.describe()));
            QVERIFY2(help.out.contains(QByteArray("  ") + group + ' '), help.out.constData());
            QVERIFY2(top.out.contains(QByteArray("  ") + group + ' '), group);
        }
        QCOMPARE(runCli({QStringLiteral("nosuchgroup"), QStringLiteral("--help")}).exitCode, 2);

        // No arguments at all is a usage error.
        const CliRun none = runCli({});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.isEmpty());
        QVERIFY(none.err.contains("Usage"));
    }

    // The top-level --help is the map: every option any command takes is on it (a command's
    // own --help lists its options; a group's --help its commands). Found missing once:
    // create-index --kind plays, games list --limit/--offset.
    void theTopLevelHelpNamesEveryCommandsOptions()
    {
        const CliRun top = runCli({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        const QString map = QString::fromUtf8(top.out);
        static const QRegularExpression commandLine(QStringLiteral("^  ([a-z-]+) ([a-z-]+)(?= |$)"),
                                                    QRegularExpression::MultilineOption);
        static const QRegularExpression option(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z][a-z0-9-]*)"),
                                               QRegularExpression::MultilineOption);
        const QSet<QString> everywhere{QStringLiteral("--help"), QStringLiteral("--json"), QStringLiteral("--layout"),
                                       QStringLiteral("--help-all")};
        QStringList missing;
        int commands = 0;
        for (const char *group : {"sandbox", "db", "demo", "games", "events", "metrics", "snapshots", "player-events",
                                  "activity", "upkeep", "layout", "settings", "shard"}) {
            const CliRun help = runCli({QLatin1String(group), QStringLiteral("--help")});
            QSet<QString> seen;
            for (auto it = commandLine.globalMatch(QString::fromUtf8(help.out)); it.hasNext();) {
                const auto m = it.next();
                if (m.captured(1) != QLatin1String(group) || seen.contains(m.captured(2)))
                    continue;
                seen.insert(m.captured(2));
                const CliRun own = runCli({m.captured(1), m.captured(2), QStringLiteral("--help")});
                if (own.exitCode != 0)
                    continue; // a word of the description, not a command
                ++commands;
                for (auto o = option.globalMatch(QString::fromUtf8(own.out)); o.hasNext();) {
                    const QString name = o.next().captured(1);
                    if (!everywhere.contains(name) && !map.contains(name))
                        missing << QStringLiteral("%1 %2 %3").arg(m.captured(1), m.captured(2), name);
                }
            }
        }
        QVERIFY2(commands >= 40, qPrintable(QString::number(commands)));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in the top-level --help: ") + missing.join(QStringLiteral(", "))));
    }

    void argumentsThatAreNotUtf8AreRefused()
    {
        // Bytes that are not UTF-8 (\377) in a filter, a statement and a reason: exit 2 naming
        // the option, nothing run (the reason would have gone to the audit log as U+FFFD).
        const QString db = database(QStringLiteral("postgres")); // refused before any connection
        for (const QStringList &args :
             {QStringList{QStringLiteral("query"), QStringLiteral("--db"), db, QStringLiteral("--sql")},
              QStringList{QStringLiteral("rows"), QStringLiteral("--db"), db, QStringLiteral("--table"),
                          QStringLiteral("public.t"), QStringLiteral("--eq")},
              QStringList{QStringLiteral("db"), QStringLiteral("adopt"), QStringLiteral("--db"), db,
                          QStringLiteral("--dry-run"), QStringLiteral("--reason")}}) {
            QProcess p;
            QStringList shell{QStringLiteral("-c"), QStringLiteral("exec \"$@\" \"$(printf 'x\\377y')\" --json"),
                              QStringLiteral("sh"), qEnvironmentVariable("STATESCOPE_CLI")};
            p.start(QStringLiteral("/bin/sh"), shell + args);
            QVERIFY(p.waitForFinished(60000));
            const QByteArray out = p.readAllStandardOutput();
            QVERIFY2(p.exitCode() == 2, out.constData());
            QVERIFY2(out.contains("not valid UTF-8") && out.contains(args.last().toUtf8()), out.constData());
        }
    }

    void weeklyDatabaseRoundTrip()
    {
        const QString prefix = uniqueName(QStringLiteral("cli"));
        const QString name = prefix + QStringLiteral("_2025_w03");
        m_databases << name;

        // create
        const CliRun created = runCli({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("--server"),
                                       server(), QStringLiteral("--prefix"), prefix, QStringLiteral("--week"),
                                       QStringLiteral("2025-W03"), QStringLiteral("--json")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        const QJsonObject c = created.json().object();
        QCOMPARE(c.value(QLatin1String("name")).toString(), name);
        QCOMPARE(c.value(QLatin1String("prefix")).toString(), prefix);
        QCOMPARE(c.value(QLatin1String("week")).toString(), QStringLiteral("2025-W03"));
        QCOMPARE(c.value(QLatin1String("schema_version")).toInt(), latest());
        QVERIFY(weekly::ServerAdmin(serverSettings()).exists(name));

        // list
        const CliRun listed = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                      server(), QStringLiteral("--prefix"), prefix, QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QVERIFY(listed.json().isArray());
        const QJsonArray list = listed.json().array();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.first().toObject();
        QCOMPARE(entry.value(QLatin1String("name")).toString(), name);
        QCOMPARE(entry.value(QLatin1String("schema_version")).toInt(), latest());
        QCOMPARE(entry.value(QLatin1String("pending_migrations")).toInt(-1), 0);
        QCOMPARE(entry.value(QLatin1String("managed")).toBool(), true);
        QVERIFY(entry.value(QLatin1String("size_bytes")).toDouble() > 0);

        // migrate --dry-run
        const CliRun dry = runCli({QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"),
                                   database(name), QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        const QJsonObject d = dry.json().object();
        QCOMPARE(d.value(QLatin1String("database")).toString(), name);
        QCOMPARE(d.value(QLatin1String("dry_run")).toBool(), true);
        QVERIFY(d.value(QLatin1String("pending")).isArray());
        QVERIFY(d.value(QLatin1String("pending")).toArray().isEmpty());
        QCOMPARE(d.value(QLatin1String("from_version")).toInt(), latest());
        QVERIFY(d.value(QLatin1String("applied")).toArray().isEmpty());

        // status
        const CliRun status = runCli({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--db"),
                                      database(name), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        const QJsonObject s = status.json().object();
        QCOMPARE(s.value(QLatin1String("database")).toString(), name);
        QCOMPARE(s.value(QLatin1String("managed")).toBool(), true);
        QCOMPARE(s.value(QLatin1String("schema_version")).toInt(), latest());
        QCOMPARE(s.value(QLatin1String("latest_known")).toInt(), latest());
        QVERIFY(s.value(QLatin1String("pending")).toArray().isEmpty());
        QVERIFY(s.value(QLatin1String("drift")).toArray().isEmpty());
        QCOMPARE(s.value(QLatin1String("applied")).toArray().size(),
                 migrate::MigrationSet::embedded().migrations().size());
        QCOMPARE(s.value(QLatin1String("blocked")).toBool(true), false);

        // A row that a wrongly confirmed reset must leave alone.
        {
            auto conn = test::connect(serverSettings().withDatabase(name));
            conn->exec(QStringLiteral("INSERT INTO raw.api_events (endpoint) VALUES ('cli-marker')"));
        }
        auto markers = [&] {
            auto conn = test::connect(serverSettings().withDatabase(name));
            return conn->exec(QStringLiteral("SELECT count(*) FROM raw.api_events "
                                             "WHERE endpoint = 'cli-marker'"))
                .toInt(0, 0);
        };

        // reset, wrongly confirmed: usage error, one line on stderr, nothing on stdout.
        const QStringList resetWrong = {QStringLiteral("db"), QStringLiteral("reset"),
                                        QStringLiteral("--server"), server(),
                                        QStringLiteral("--name"), name,
                                        QStringLiteral("--confirm"), QStringLiteral("wrong")};
        const CliRun wrong = runCli(resetWrong);
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.out.isEmpty(), wrong.out.constData());
        QVERIFY2(isOneLineError(wrong.err), wrong.err.constData());
        QCOMPARE(markers(), 1);

        // ... and with --json the error is also a document on stdout.
        const CliRun wrongJson = runCli(resetWrong + QStringList{QStringLiteral("--json")});
        QCOMPARE(wrongJson.exitCode, 2);
        QVERIFY2(wrongJson.json().isObject(), wrongJson.out.constData());
        const QJsonObject error = wrongJson.json().object().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("kind")).toString(), QStringLiteral("invalid_input"));
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(error.contains(QLatin1String("detail")));
        QVERIFY(error.contains(QLatin1String("hint")));
        QVERIFY(error.contains(QLatin1String("sqlstate")));
        QVERIFY(isOneLineError(wrongJson.err));
        QCOMPARE(markers(), 1);

        // drop, rightly confirmed: the dump it took exists, the database is gone.
        QTemporaryDir backups;
        QVERIFY(backups.isValid());
        const CliRun dropped = runCli({QStringLiteral("db"), QStringLiteral("drop"), QStringLiteral("--server"),
                                       server(), QStringLiteral("--name"), name, QStringLiteral("--confirm"),
                                       name, QStringLiteral("--backup-dir"), backups.path(),
                                       QStringLiteral("--reason"), QStringLiteral("cli test"),
                                       QStringLiteral("--json")});
        QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.describe()));
        const QJsonObject r = dropped.json().object();
        QCOMPARE(r.value(QLatin1String("name")).toString(), name);
        QCOMPARE(r.value(QLatin1String("action")).toString(), QStringLiteral("drop"));
        const QString dump = r.value(QLatin1String("dump")).toString();
        QVERIFY2(QFileInfo(dump).isFile(), qPrintable(dump));
        QVERIFY(QFileInfo(dump).size() > 0);
        QVERIFY(dump.startsWith(backups.path()));
        QVERIFY(!weekly::ServerAdmin(serverSettings()).exists(name));
    }

    void badNameIsUsageError()
    {
        const CliRun r = runCli({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("--server"),
                                 server(), QStringLiteral("--name"), QStringLiteral("bad name")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(isOneLineError(r.err), r.err.constData());
        QVERIFY(!weekly::ServerAdmin(serverSettings()).exists(QStringLiteral("bad name")));
    }

    void malformedConnectionStringIsUsageError()
    {
        const CliRun r = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                 QStringLiteral("hots=x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Invalid connection string"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void unreachableServerFails()
    {
        const QStringList args = {QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"),
                                  QStringLiteral("host=/nonexistent port=1")};
        const CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneLineError(r.err), r.err.constData());
        QVERIFY(r.out.isEmpty());

        const CliRun j = runCli(args + QStringList{QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 1);
        QCOMPARE(j.errorField("kind"),
                 QStringLiteral("connection"));
    }

    void demoSeedRejectsNegativeCount()
    {
        // The database is unreachable on purpose: the range check must come first.
        const CliRun r = runCli({QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--db"),
                                 QStringLiteral("host=/nonexistent port=1"), QStringLiteral("--events"),
                                 QStringLiteral("-5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--events"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void badInputIsExitTwoAndChangesNothing()
    {
        // An ISO week is YYYY-Www exactly.
        for (const QString &week : {QStringLiteral("2025-w07"), QStringLiteral("2025-W7"), QStringLiteral("2025W07")}) {
            const CliRun r = runCli({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("--server"), server(),
                                     QStringLiteral("--prefix"), QStringLiteral("t_badweek"), QStringLiteral("--week"), week});
            QVERIFY2(r.exitCode == 2, qPrintable(week + QStringLiteral(": ") + r.describe()));
            QVERIFY2(r.err.contains("YYYY-Www"), r.err.constData());
        }
        QVERIFY(!weekly::ServerAdmin(serverSettings()).exists(QStringLiteral("t_badweek_2025_w07")));
        // Connection settings libpq refuses before it talks to any server.
        for (const QString &conn : {QStringLiteral("host=/tmp sslmode=bogus"), QStringLiteral("service=t_nonexistent_service")}) {
            const CliRun r = runCli({QStringLiteral("db"), QStringLiteral("list"), QStringLiteral("--server"), conn});
            QVERIFY2(r.exitCode == 2, qPrintable(conn + QStringLiteral(": ") + r.describe()));
            QVERIFY2(isOneLineError(r.err), r.err.constData());
        }
        // Names and numbers that are not there.
        const QString db = freshDatabase(QStringLiteral("cli_bad")).database();
        m_databases << db;
        const CliRun schema = runCli({QStringLiteral("tables"), QStringLiteral("--db"), database(db),
                                      QStringLiteral("--schema"), QStringLiteral("nosuch")});
        QVERIFY2(schema.exitCode == 2, qPrintable(schema.describe()));
        const CliRun tick = runCli({QStringLiteral("snapshots"), QStringLiteral("rollback"), QStringLiteral("--db"),
                                    database(db), QStringLiteral("--to-tick"), QStringLiteral("424242"),
                                    QStringLiteral("--confirm"), db, QStringLiteral("--reason"), QStringLiteral("x")});
        QVERIFY2(tick.exitCode == 2, qPrintable(tick.describe()));
    }

    void textThatIsNotUtf8IsReplacedAndMarked()
    {
        // A SQL_ASCII database stores whatever bytes it is given.
        const QString name = uniqueName(QStringLiteral("cli_ascii"));
        {
            auto conn = test::connect(serverSettings());
            conn->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'SQL_ASCII' "
                                      "LC_COLLATE 'C' LC_CTYPE 'C'").arg(name));
        }
        m_databases << name;
        {
            auto conn = test::connect(serverSettings().withDatabase(name));
            conn->execScript(QStringLiteral(
                "CREATE SCHEMA raw;"
                "CREATE TABLE raw.api_events (id bigserial PRIMARY KEY, fetched_at timestamptz DEFAULT now(), "
                "  endpoint text, request_key text, status_code int, payload text, payload_hash text);"
                "INSERT INTO raw.api_events (endpoint, request_key, status_code, payload, payload_hash) "
                "  VALUES ('/my/agent', 'k', 200, E'{\"name\": \"caf\\xe9\"}', 'h');"
                "CREATE TABLE public.t (id int PRIMARY KEY, label text);"
                "INSERT INTO public.t VALUES (1, E'caf\\xe9 \\xff ok');"));
        }
        const QString replacement = QString(QChar::ReplacementCharacter);
        const QList<QStringList> commands = {
            {QStringLiteral("query"), QStringLiteral("--db"), database(name), QStringLiteral("--sql"),
             QStringLiteral("SELECT label FROM public.t"), QStringLiteral("--json")},
            {QStringLiteral("rows"), QStringLiteral("--db"), database(name), QStringLiteral("--table"),
             QStringLiteral("public.t"), QStringLiteral("--json")},
            {QStringLiteral("events"), QStringLiteral("show"), QStringLiteral("--db"), database(name),
             QStringLiteral("--id"), QStringLiteral("1"), QStringLiteral("--json")}};
        for (const QStringList &args : commands) {
            const CliRun r = runCli(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.first() + QStringLiteral(": ") + r.describe()));
            // Valid JSON (one document, or one per line), the bad bytes as U+FFFD, and marked.
            QJsonParseError error;
            const QByteArray doc = args.first() == QLatin1String("query") ? r.out.trimmed().split('\n').first() : r.out;
            QJsonDocument::fromJson(doc, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(args.first() + QStringLiteral(": ") + error.errorString()));
            QVERIFY2(QString::fromUtf8(r.out).contains(replacement), r.out.constData());
            QVERIFY2(r.out.contains("\"invalid_utf8\": true") || r.out.contains("\"invalid_utf8\":true"),
                     r.out.constData());
        }
    }

    void sandboxStatusReportsRunning()
    {
        const CliRun r = runCli({QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--dir"),
                                 sandboxDir(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject s = r.json().object();
        QCOMPARE(s.value(QLatin1String("running")).toBool(), true);
        QCOMPARE(QString::number(s.value(QLatin1String("port")).toInt()),
                 directServerSettings().value(QStringLiteral("port")));
        QCOMPARE(s.value(QLatin1String("dir")).toString(), sandboxDir());

        // A directory with no cluster is reported as not running (and is not an error).
        QTemporaryDir empty;
        const CliRun none = runCli({QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--dir"),
                                    empty.path(), QStringLiteral("--json")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.json().object().value(QLatin1String("running")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
