// Old dumps go by the retention setting, and only those: the newest N of a database and any
// younger than D days stay, a dump an unfinished run may need stays, other databases' files
// (even with a name that starts the same) stay; a real drop applies it and journals it; the
// setting is shared through one settings file under STATESCOPE_HOME and refuses bad values.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/settings.h"
#include "core/weekly/retention.h"
#include "core/weekly/serveradmin.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::weekly;

namespace {

const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

QString touch(const QString &dir, const QString &name)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("x");
    return QFileInfo(path).absoluteFilePath();
}

QString dumpName(const QString &db, int daysAgo)
{
    return db + QLatin1Char('_')
           + kNow.addDays(-daysAgo).toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"))
           + QStringLiteral(".dump");
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private slots:
    void expiredDumpsFollowTheSettingAndNothingElse()
    {
        QTemporaryDir dir;
        const QString db = QStringLiteral("fam_2025_w01");
        QStringList byAge; // newest first
        for (int days : {0, 1, 40, 41, 42, 60, 100})
            byAge << touch(dir.path(), dumpName(db, days));
        // Not this database's dumps, or not a dump at all: never listed.
        touch(dir.path(), dumpName(QStringLiteral("fam_2025_w011"), 100));
        touch(dir.path(), dumpName(QStringLiteral("fam_2025_w01_x"), 100));
        touch(dir.path(), QStringLiteral("fam_2025_w01_schema_20240101T000000000Z.dump"));
        touch(dir.path(), QStringLiteral("fam_2025_w01_notes.dump"));
        touch(dir.path(), QStringLiteral("fam_2025_w01_20240101T000000000Z.dump.partial"));

        settings::DumpRetention r;
        r.keep = 2;
        r.minAgeDays = 30;
        QCOMPARE(expiredDumps(dir.path(), db, r, {}, kNow), byAge.mid(2));
        // Young ones stay whatever their rank.
        r.minAgeDays = 50;
        QCOMPARE(expiredDumps(dir.path(), db, r, {}, kNow), byAge.mid(5));
        // A protected dump (an unfinished run's way back) stays.
        QCOMPARE(expiredDumps(dir.path(), db, r, {byAge[6]}, kNow), byAge.mid(5, 1));
        // keep 0: everything is kept.
        r.keep = 0;
        QVERIFY(expiredDumps(dir.path(), db, r, {}, kNow).isEmpty());
        // keep more than there are: nothing goes.
        r.keep = 7;
        r.minAgeDays = 0;
        QVERIFY(expiredDumps(dir.path(), db, r, {}, kNow).isEmpty());
    }

    void aDropRemovesOlderDumpsAndJournalsIt()
    {
        QTemporaryDir dir;
        const pg::ConnectionSettings db = emptyDatabase(QStringLiteral("ret"));
        const QString name = db.database();
        const QString old1 = touch(dir.path(), dumpName(name, 400));
        const QString old2 = touch(dir.path(), dumpName(name, 300));
        const QString needed = touch(dir.path(), dumpName(name, 500));
        const QString recent = touch(dir.path(), dumpName(name, 0));
        // An unfinished run's dump: protected.
        audit::Entry intent{QStringLiteral("drop"), name, QStringLiteral("killed"), {},
                            QStringLiteral("elsewhere")};
        intent.op = QUuid::createUuid().toString(QUuid::WithoutBraces);
        intent.phase = QStringLiteral("intent");
        QVERIFY(audit::appendToJournal(intent));
        audit::Entry dumped = intent;
        dumped.phase = QStringLiteral("dumped");
        dumped.details = {{"dump", needed.toStdString()}};
        QVERIFY(audit::appendToJournal(dumped));

        ActionOptions options;
        options.backupDir = dir.path();
        options.retention = settings::DumpRetention{2, 30};
        const ServerAdmin admin(serverSettings());
        const ActionResult r = admin.drop(name, name, options);
        QVERIFY(QFileInfo::exists(r.dumpPath));
        QVERIFY(QFileInfo::exists(recent));
        QVERIFY(QFileInfo::exists(needed));
        QVERIFY(!QFileInfo::exists(old1));
        QVERIFY(!QFileInfo::exists(old2));
        QStringList removed = r.removedDumps;
        removed.sort();
        QStringList expected{old1, old2};
        expected.sort();
        QCOMPARE(removed, expected);
        bool journalled = false;
        for (const audit::Entry &e : audit::readJournal(50))
            if (e.action == QLatin1String("remove-dumps") && e.target == name)
                journalled = e.details.value("removed", nlohmann::json::array()).size() == 2;
        QVERIFY(journalled);

        audit::Entry closed = intent;
        closed.phase = QStringLiteral("resolved");
        QVERIFY(audit::appendToJournal(closed));
    }

    void theSettingIsSharedAndChecked()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY(settings::path().startsWith(qEnvironmentVariable("STATESCOPE_HOME")));
        const settings::DumpRetention before = settings::dumpRetention();
        const CliRun set = runCli({QStringLiteral("settings"), QStringLiteral("set"),
                                   QStringLiteral("--dumps-keep"), QStringLiteral("9"),
                                   QStringLiteral("--dumps-min-age-days"), QStringLiteral("12"),
                                   QStringLiteral("--json")});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.json().object().value(QStringLiteral("file")).toString(), settings::path());
        QCOMPARE(settings::dumpRetention(), (settings::DumpRetention{9, 12}));
        for (const QStringList &bad : {QStringList{QStringLiteral("--dumps-keep"), QStringLiteral("-1")},
                                       QStringList{QStringLiteral("--dumps-keep"), QStringLiteral("5\n")},
                                       QStringList{QStringLiteral("--dumps-min-age-days"), QStringLiteral("99999")},
                                       QStringList{}}) {
            const CliRun refused = runCli(QStringList{QStringLiteral("settings"), QStringLiteral("set")} + bad);
            QCOMPARE(refused.exitCode, 2);
            QCOMPARE(settings::dumpRetention(), (settings::DumpRetention{9, 12}));
        }
        QVERIFY(errorOf([] { settings::setDumpRetention({-3, 1}); })->kind() == Error::Kind::InvalidInput);
        settings::setDumpRetention(before);

        // How long a result grid holds its cursor: 0 to 600 s, default 3; a bad value beside a
        // good one changes neither.
        const int hold = settings::cursorHoldSeconds();
        QCOMPARE(hold, settings::kDefaultCursorHoldSeconds);
        const CliRun held = runCli({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("--cursor-hold-seconds"),
                                    QStringLiteral("7"), QStringLiteral("--json")});
        QCOMPARE(held.exitCode, 0);
        QCOMPARE(held.json().object().value(QStringLiteral("cursor_hold_seconds")).toInt(), 7);
        QCOMPARE(settings::cursorHoldSeconds(), 7);
        for (const QStringList &bad : {QStringList{QStringLiteral("--cursor-hold-seconds"), QStringLiteral("601")},
                                       QStringList{QStringLiteral("--cursor-hold-seconds"), QStringLiteral("soon")},
                                       QStringList{QStringLiteral("--cursor-hold-seconds"), QStringLiteral("1"),
                                                   QStringLiteral("--dumps-keep"), QStringLiteral("-1")}}) {
            const CliRun refused = runCli(QStringList{QStringLiteral("settings"), QStringLiteral("set")} + bad);
            QCOMPARE(refused.exitCode, 2);
            QCOMPARE(settings::cursorHoldSeconds(), 7);
        }
        settings::setCursorHoldSeconds(hold);
    }

    void orphanedDumpsAreListedAndRemovedOnlyByTheirCode()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        // A dump no run names and a .partial a killed run left, both an hour old; a .partial
        // written to just now may belong to a dump still running and is left alone.
        const QString dir = paths::backupDir();
        const QString stem = QStringLiteral("orph%1_2025_w01_20250101T000000000Z").arg(QCoreApplication::applicationPid());
        const QStringList old{dir + QLatin1Char('/') + stem + QStringLiteral(".dump"),
                              dir + QLatin1Char('/') + stem + QStringLiteral("x.dump.partial")};
        const QString fresh = dir + QLatin1Char('/') + stem + QStringLiteral("y.dump.partial");
        // Beside them, files Statescope did not write, whatever their names: a user's own
        // backup, one named like a dump of ours, and a dump of ours since overwritten by
        // something else (its size and checksum no longer what was recorded), and a .partial of
        // ours that the user wrote over (no longer pg_dump's archive).
        const QStringList foreign{dir + QStringLiteral("/production_full_backup.dump"),
                                  dir + QLatin1Char('/') + stem + QStringLiteral("z.dump"),
                                  dir + QLatin1Char('/') + stem + QStringLiteral("w.dump"),
                                  dir + QLatin1Char('/') + stem + QStringLiteral("v.dump.partial")};
        for (const QString &path : old + QStringList{fresh} + foreign) {
            if (!foreign.mid(0, 2).contains(path))
                QVERIFY(weekly::registerFile(path));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("PGDMP");
        }
        QVERIFY(weekly::registerComplete(foreign[2]));
        {
            QFile f(foreign[2]);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("a user's own file now");
        }
        {
            QFile f(foreign[3]);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("notes the user keeps here");
        }
        for (const QString &path : old + foreign) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
        }
        const CliRun listed = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        const QJsonObject doc = listed.json().object();
        QStringList paths;
        for (const QJsonValue &o : doc.value(QStringLiteral("orphans")).toArray())
            paths << QFileInfo(o.toObject().value(QStringLiteral("path")).toString()).fileName();
        for (const QString &path : old)
            QVERIFY2(paths.contains(QFileInfo(path).fileName()), qPrintable(paths.join(QLatin1Char(' '))));
        QVERIFY(!paths.contains(QFileInfo(fresh).fileName()));
        for (const QString &path : foreign)
            QVERIFY2(!paths.contains(QFileInfo(path).fileName()), qPrintable(path));
        const QString code = doc.value(QStringLiteral("orphans_confirm")).toString();
        QCOMPARE(code.size(), 12);
        // A code that does not name these files removes nothing.
        const CliRun wrong = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--delete-orphans"),
                                     QStringLiteral("--confirm"), QStringLiteral("000000000000")});
        QCOMPARE(wrong.exitCode, 2);
        for (const QString &path : old)
            QVERIFY(QFile::exists(path));
        const CliRun removed = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--delete-orphans"),
                                       QStringLiteral("--confirm"), code, QStringLiteral("--reason"), QStringLiteral("tst")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
        for (const QString &path : old)
            QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(fresh));
        QFile::remove(fresh);
        for (const QString &path : foreign) {
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QFile::remove(path);
        }
        bool journalled = false;
        for (const audit::Entry &e : audit::readJournal(50))
            journalled = journalled || e.action == QLatin1String("remove-orphans");
        QVERIFY(journalled);
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
